"""Endpoint secrets at rest: encrypted, bound to their endpoint, and event rows' codec."""

from __future__ import annotations

import json

import pytest
from cryptography.exceptions import InvalidTag

from adapters.webhooks import AesGcmEndpointSecrets
from adapters.webhooks.event_rows import event_from_row, payment_json
from tests.webhook_rows import event


def test_a_sealed_secret_opens_only_for_its_endpoint_and_key() -> None:
    box = AesGcmEndpointSecrets(b"m" * 32)
    secret = box.new_secret()
    sealed = box.seal("we_a", secret)

    assert secret.startswith("whsec_") and len(secret) > 40
    assert secret.encode() not in sealed and secret[6:].encode() not in sealed
    assert box.unseal("we_a", sealed) == secret
    assert box.seal("we_a", secret) != sealed  # a fresh nonce every time
    with pytest.raises(InvalidTag):
        box.unseal("we_b", sealed)
    with pytest.raises(InvalidTag):
        AesGcmEndpointSecrets(b"n" * 32).unseal("we_a", sealed)


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        AesGcmEndpointSecrets(b"short")


def test_an_event_row_keeps_no_fingerprint_and_reads_back() -> None:
    e = event("m1")
    stored = payment_json(e)
    assert "card_fingerprint" not in json.loads(stored)

    for form in (stored, stored.decode(), json.loads(stored)):
        back = event_from_row(e.id, e.merchant_id, e.type.value, e.created_at, form)
        assert (back.id, back.type, back.created_at) == (e.id, e.type, e.created_at)
        assert back.payment.amount == e.payment.amount
        assert back.payment.card.masked_number == e.payment.card.masked_number
        assert back.payment.card.fingerprint == ""
