"""What one process forgets of its remembered logins, every process on the same Redis
forgets too: a revocation is refused everywhere at once instead of within the bound.

Publishing and listening are best effort. While Redis is unreachable, a process learns
nothing from the others, and the time bound of `RecentSignIns` alone keeps the guarantee;
the listener reconnects by itself.
"""

from __future__ import annotations

import asyncio

import structlog
from redis import asyncio as aioredis
from redis.exceptions import RedisError

from adapters.auth.recent_sign_ins import RecentSignIns
from paycore.auth_ports import LoginRead
from paycore.merchant import Merchant

CHANNEL = "paygate:sign-ins:forget"
RECONNECT_SECONDS = 1.0
log = structlog.get_logger(__name__)


class BroadcastRecentSignIns:
    def __init__(
        self, local: RecentSignIns, client: aioredis.Redis, *, channel: str = CHANNEL
    ) -> None:
        self._local = local
        self._client = client
        self._channel = channel
        self.listening = asyncio.Event()  # set once subscribed (tests wait for it)

    async def recall_or_read(
        self, merchant_id: str, login_id: str, read: LoginRead
    ) -> Merchant | None:
        return await self._local.recall_or_read(merchant_id, login_id, read)

    def recall(self, merchant_id: str, login_id: str) -> Merchant | None:
        return self._local.recall(merchant_id, login_id)

    def remember(self, merchant: Merchant, login_id: str) -> None:
        self._local.remember(merchant, login_id)

    async def forget_login(self, login_id: str) -> None:
        self._local.drop_login(login_id)
        await self._publish(f"login:{login_id}")

    async def forget_merchant(self, merchant_id: str) -> None:
        self._local.drop_merchant(merchant_id)
        await self._publish(f"merchant:{merchant_id}")

    async def _publish(self, message: str) -> None:
        try:
            await self._client.publish(self._channel, message)
        except RedisError as error:
            log.warning("sign_ins.broadcast_failed", error=type(error).__name__)

    async def listen(self) -> None:
        """Drop what other processes forget, until cancelled; reconnects after an outage."""
        while True:
            try:
                async with self._client.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    self.listening.set()
                    while True:
                        # A bounded wait, so a dead connection is noticed within a second.
                        message = await pubsub.get_message(
                            ignore_subscribe_messages=True, timeout=1.0
                        )
                        if message is not None and message.get("type") == "message":
                            self._drop(message["data"])
            except (RedisError, OSError) as error:
                self.listening.clear()
                log.warning("sign_ins.listener_down", error=type(error).__name__)
                await asyncio.sleep(RECONNECT_SECONDS)

    def _drop(self, data: bytes | str) -> None:
        text = data.decode() if isinstance(data, bytes) else data
        kind, _, identifier = text.partition(":")
        if kind == "login":
            self._local.drop_login(identifier)
        elif kind == "merchant":
            self._local.drop_merchant(identifier)
