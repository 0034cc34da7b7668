"""What a Redis cache entry holds for a reader: the payment, if the server run that answers
is the one that stored it; anything else is a miss."""

from __future__ import annotations

import structlog

from adapters.cache.server_run import ServerRun
from adapters.codec import decode_json
from paycore.payment import Payment

logger = structlog.get_logger(__name__)


def payment_in(entry: bytes | None, run: ServerRun, payment_id: str) -> Payment | None:
    """Checked after the read: its connection has told `run` the run id by then."""
    if entry is None or not run.is_current(entry):
        return None
    try:
        return decode_json(entry)
    except Exception as error:
        logger.warning("cache.corrupt_entry", payment_id=payment_id, error=repr(error))
        return None
