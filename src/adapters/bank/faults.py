"""Which transport failures prove the bank never saw the request, and which do not."""

from __future__ import annotations

import aiohttp
import httpx

from adapters.bank.replies import Reply
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason

# httpx-aiohttp re-raises the aiohttp errors it knows as httpx errors and the others as
# they are; OSError also takes the TimeoutError of the client's deadline on an attempt.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (httpx.HTTPError, aiohttp.ClientError, OSError)

# Raised before anything was written: a refused or timed-out connect (aiohttp counts the
# wait for a pooled connection as part of the connect).
_NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


def never_reached_bank(exc: BaseException) -> bool:
    """True only for a refused or timed-out connection, or a wait for a pooled one."""
    # httpx-aiohttp maps every aiohttp connection error to ConnectTimeout, including a
    # server that dropped the connection after the request went out: only the aiohttp
    # error it chains tells them apart.
    return isinstance(exc.__cause__, _NOT_SENT)


def failure_reply(exc: BaseException) -> Reply[Unavailable | Unknown]:
    if never_reached_bank(exc):
        return Reply(Unavailable(FailureReason.BANK_UNAVAILABLE), retryable=True, bank_down=True)
    # The request may have reached the bank: repeating it blindly could charge twice on a
    # bank that ignores idempotency keys, and "nothing charged" would be a guess.
    return Reply(Unknown(f"no answer from the bank: {type(exc).__name__}"), bank_down=True)
