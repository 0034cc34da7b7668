"""Which transport failures prove the bank never saw the request, and which do not."""

from __future__ import annotations

import aiohttp
import httpx

from adapters.bank.replies import Reply
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason

# Everything a request can raise on the way to the bank and back, with either transport.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (httpx.HTTPError, aiohttp.ClientError, OSError)

_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_AIOHTTP_NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


def never_reached_bank(exc: BaseException) -> bool:
    """True only for a refused or timed-out connection, or a wait for a pooled one."""
    if not isinstance(exc, _NOT_SENT):
        return False
    cause = exc.__cause__
    # httpx-aiohttp maps every aiohttp connection error to ConnectTimeout, including a
    # server that dropped the connection after the request went out: trust only the
    # aiohttp errors raised before anything was written.
    if isinstance(cause, aiohttp.ClientError):
        return isinstance(cause, _AIOHTTP_NOT_SENT)
    return True


def failure_reply(exc: BaseException) -> Reply[Unavailable | Unknown]:
    if never_reached_bank(exc):
        return Reply(Unavailable(FailureReason.BANK_UNAVAILABLE), retryable=True, bank_down=True)
    # The request may have reached the bank: repeating it blindly could charge twice on a
    # bank that ignores idempotency keys, and "nothing charged" would be a guess.
    return Reply(Unknown(f"no answer from the bank: {type(exc).__name__}"), bank_down=True)
