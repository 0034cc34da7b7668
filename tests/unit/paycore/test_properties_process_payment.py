"""Properties of ProcessPayment over generated requests."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from paycore import PaymentRequest, PaymentResult, ProcessPaymentCommand, ValidationFailed
from paycore.bank import BankOutcome
from tests.unit.paycore.gateway import FINGERPRINT_KEY, MERCHANT, Gateway
from tests.unit.paycore.requests import bank_outcomes, invalid_requests, valid_requests
from tests.unit.paycore.strategies import PROPERTY

keys = st.none() | st.text(min_size=1, max_size=40)
# Event ids are random: two runs differ in them whatever the card.
_EVENT_ID = re.compile(r"evt_[0-9a-f]{32}")


@PROPERTY
@given(invalid_requests(), keys)
async def test_an_invalid_request_never_reaches_the_bank_nor_the_store(
    invalid: tuple[PaymentRequest, set[str]], key: str | None
) -> None:
    request, broken = invalid
    gateway = Gateway()
    with pytest.raises(ValidationFailed) as caught:
        await gateway.process(ProcessPaymentCommand(MERCHANT, request, key))

    assert gateway.bank.authorize_calls == []  # type: ignore[attr-defined]
    assert gateway.store.payments == {}
    assert gateway.store.idempotency == gateway.store.claims == {}
    reported = {error.field for error in caught.value.errors}
    # Without a usable currency a well-shaped amount cannot be judged for range.
    assert broken - {"amount"} <= reported <= broken
    if "currency" not in broken:
        assert reported == broken


PRIMITIVES = (str, bytes, int, float, Decimal, date, time, timedelta, type, type(None))


def leaves(obj: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every primitive value reachable from `obj`, with the path that reaches it."""
    if isinstance(obj, PRIMITIVES):
        yield path, obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from leaves(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from leaves(key, f"{path}<key>")
            yield from leaves(value, f"{path}[{key!r}]")
    elif isinstance(obj, list | tuple | set | frozenset):
        for index, item in enumerate(obj):
            yield from leaves(item, f"{path}[{index}]")
    else:  # any other object, e.g. the cache: whatever its attributes hold
        yield from leaves(vars(obj), path)


async def run(fields: dict[str, Any], outcome: BankOutcome | None, key: str | None) -> Any:
    """Process one payment on a fresh gateway; return what it kept, and the result."""
    gateway = Gateway()
    if outcome is not None:
        gateway.bank.script.append(outcome)  # type: ignore[attr-defined]
    request = PaymentRequest(**{k: v for k, v in fields.items() if k != "pan"})
    result = await gateway.process(ProcessPaymentCommand(MERCHANT, request, key))
    # Everything the gateway itself holds afterwards; the bank may know the card.
    return (gateway.store, gateway.cache, result), result


@PROPERTY
@given(valid_requests(), bank_outcomes, keys, st.data())
async def test_no_card_number_or_cvv_is_kept_after_a_payment(
    fields: dict[str, Any], outcome: BankOutcome | None, key: str | None, data: st.DataObject
) -> None:
    pan, cvv = fields["pan"], str(fields["cvv"])
    # The merchant's own text could contain anything; it is not card data we kept.
    reference, key = fields["reference"] or "", key or ""
    assume(pan not in reference and pan not in key)
    kept, result = await run(fields, outcome, key or None)
    assert isinstance(result, PaymentResult)

    for path, value in leaves(kept):
        assert pan not in repr(value), path
    for obj in kept:
        assert pan not in repr(obj)
    fingerprint = result.payment.card.fingerprint
    assert fingerprint != pan
    assert fingerprint == hmac.new(FINGERPRINT_KEY, pan.encode(), hashlib.sha256).hexdigest()
    assert result.payment.card.last4 == pan[-4:]

    # A CVV can look like any short number, so compare with the CVV changed instead:
    # nothing kept may differ but the keyed hash of the whole request.
    other_cvvs = st.text(alphabet="0123456789", min_size=3, max_size=4).filter(lambda c: c != cvv)
    other_cvv = data.draw(other_cvvs, label="other cvv")
    kept_other, _ = await run({**fields, "cvv": other_cvv}, outcome, key or None)
    differing = {
        path
        for (path, value), (other_path, other_value) in zip(
            leaves(kept), leaves(kept_other), strict=True
        )
        if _EVENT_ID.sub("evt_", f"{path}={value!r}")
        != _EVENT_ID.sub("evt_", f"{other_path}={other_value!r}")
    }
    assert all(path.endswith(".request_fingerprint") for path in differing), differing
