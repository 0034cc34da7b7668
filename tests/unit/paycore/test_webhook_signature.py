"""The signature scheme: what the worker signs, verify_webhook accepts, and nothing else."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycore import WebhookVerificationError, verify_webhook
from paycore.webhooks import sign_webhook

SECRET = "whsec_test-secret"
BODY = json.dumps({"id": "evt_1", "type": "payment.captured"}).encode()
T = 1_780_000_000


def test_the_header_is_the_documented_hmac_of_timestamp_dot_body() -> None:
    expected = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign_webhook(SECRET, BODY, T) == f"t={T},v1={expected}"


def test_a_signed_body_verifies_and_decodes() -> None:
    event = verify_webhook(BODY, sign_webhook(SECRET, BODY, T), SECRET, now=T + 299)
    assert event == {"id": "evt_1", "type": "payment.captured"}


def test_one_matching_signature_among_several_is_enough() -> None:
    good = sign_webhook(SECRET, BODY, T).split(",")[1]
    header = f"t={T}, v1={'0' * 64}, {good}, v0=ignored"
    assert verify_webhook(BODY, header, SECRET, now=T)["id"] == "evt_1"


@pytest.mark.parametrize(
    ("body", "secret", "now", "message"),
    [
        (BODY + b" ", SECRET, T, "no signature matches"),
        (BODY, "whsec_other", T, "no signature matches"),
        (BODY, SECRET, T + 301, "outside the tolerance"),
        (BODY, SECRET, T - 301, "outside the tolerance"),
    ],
)
def test_a_tampered_body_a_wrong_secret_or_a_stale_time_fails(body, secret, now, message) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        verify_webhook(body, sign_webhook(SECRET, BODY, T), secret, now=now)


@pytest.mark.parametrize(
    "header", ["", "t=123", f"v1={'0' * 64}", "t=abc,v1=00", "t=,v1=00", "t=1,v1=", "garbage"]
)
def test_a_malformed_header_fails(header: str) -> None:
    with pytest.raises(WebhookVerificationError, match="malformed"):
        verify_webhook(BODY, header, SECRET, now=1)


@pytest.mark.parametrize(
    ("body", "message"), [(b"not json", "not JSON"), (b"[1]", "not a JSON object")]
)
def test_a_signed_body_that_is_not_an_event_fails(body: bytes, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        verify_webhook(body, sign_webhook(SECRET, body, T), SECRET, now=T)


def test_the_current_time_is_the_default_and_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="tolerance"):
        verify_webhook(BODY, sign_webhook(SECRET, BODY, 1), SECRET)


@given(st.binary(), st.text(min_size=1), st.integers(min_value=0, max_value=2**40))
def test_every_body_signed_verifies_only_with_its_secret(body, secret, t) -> None:
    header = sign_webhook(secret, body, t)
    try:
        verify_webhook(body, header, secret, now=t)
    except WebhookVerificationError as error:
        assert "JSON" in str(error)  # signed fine; simply not an event
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body, header, secret + "x", now=t)
