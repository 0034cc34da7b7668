from __future__ import annotations

import io
import json
import logging

import structlog

from adapters.observability.redaction import PAN_MASK, VALUE_MASK, redact_card_data, redact_text
from entrypoints.runtime.logging import configure_logging


def test_luhn_valid_numbers_are_masked_in_any_grouping() -> None:
    for pan in ("4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242"):
        assert redact_text(f"card {pan} failed") == f"card {PAN_MASK} failed"


def test_other_long_numbers_are_kept() -> None:
    text = "order 4242424242424241 at 1700000000123"  # not Luhn-valid / a timestamp

    assert redact_text(text) == text


def test_digit_runs_inside_words_and_ids_are_kept() -> None:
    # A hex request id whose digit run is Luhn-valid: it is no card number.
    request_id = "de81ebe8ce4e4242424242424242a2c91bb"
    text = f"id {request_id} ref x4242424242424242 4242424242424242y"

    assert redact_text(text) == text
    event = {"event": "request", "request_id": request_id, "note": f"for {request_id}"}
    assert redact_card_data(None, "info", dict(event)) == event
    assert redact_text("(4242424242424242)") == f"({PAN_MASK})"


def test_sensitive_keys_and_nested_values_are_masked() -> None:
    event = {
        "event": "oops",
        "cvv": "123",
        "body": {"card_number": "4111111111111111", "note": ["pan 4111111111111111"]},
        "number": 4111111111111111,
    }

    redacted = redact_card_data(None, "info", event)

    assert redacted["cvv"] == VALUE_MASK
    assert redacted["body"]["card_number"] == VALUE_MASK
    assert redacted["body"]["note"] == [f"pan {PAN_MASK}"]
    assert redacted["number"] == PAN_MASK


def test_json_logs_carry_context_and_no_card_data() -> None:
    stream = io.StringIO()
    configure_logging("json", stream=stream)
    structlog.contextvars.bind_contextvars(request_id="r-1", merchant_id="m-1")
    try:
        structlog.get_logger("t").info("charging", detail="card 4111 1111 1111 1111")
        logging.getLogger("uvicorn.error").warning("raw %s", "5555555555554444")
    finally:
        structlog.contextvars.clear_contextvars()
        configure_logging("console", stream=io.StringIO())

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["request_id"] == "r-1" and lines[0]["merchant_id"] == "m-1"
    assert lines[0]["detail"] == f"card {PAN_MASK}"
    assert "5555555555554444" not in stream.getvalue()
