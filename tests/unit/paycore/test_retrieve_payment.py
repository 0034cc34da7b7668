from __future__ import annotations

import pytest

from paycore import PaymentNotFound, PaymentStatus
from tests.unit.paycore.gateway import MERCHANT, OTHER_MERCHANT, Gateway, command


async def test_a_cached_payment_is_served_from_the_cache(gateway: Gateway) -> None:
    payment = (await gateway.process(command())).payment
    del gateway.store.payments[payment.id]  # only the cache can answer now

    found = await gateway.retrieve(MERCHANT, payment.id)

    assert found == payment
    assert found.status is PaymentStatus.AUTHORIZED
    assert gateway.cache.hits == 1


async def test_a_cache_miss_falls_back_to_the_repository_and_fills_the_cache(
    gateway: Gateway,
) -> None:
    payment = (await gateway.process(command())).payment
    cold = Gateway(store=gateway.store)  # a fresh process: same database, empty cache

    found = await cold.retrieve(MERCHANT, payment.id)

    assert found == payment
    assert found.authorization_code == payment.authorization_code
    assert cold.cache.misses == 1
    assert await cold.cache.get(MERCHANT, payment.id) == payment


@pytest.mark.parametrize("cached", [True, False])
async def test_another_merchants_payment_is_not_found(gateway: Gateway, cached: bool) -> None:
    payment = (await gateway.process(command())).payment
    reader = gateway if cached else Gateway(store=gateway.store)
    with pytest.raises(PaymentNotFound):
        await reader.retrieve(OTHER_MERCHANT, payment.id)


@pytest.mark.parametrize(
    "payment_id", ["", "not-a-uuid", "00000000-0000-7000-8000-00000000000g", "1" * 1000, "' OR 1=1"]
)
async def test_a_malformed_id_is_not_found(gateway: Gateway, payment_id: str) -> None:
    await gateway.process(command())
    with pytest.raises(PaymentNotFound):
        await gateway.retrieve(MERCHANT, payment_id)


async def test_an_unknown_id_is_not_found(gateway: Gateway) -> None:
    with pytest.raises(PaymentNotFound):
        await gateway.retrieve(MERCHANT, "0193a1b2-0000-7000-8000-000000000000")
    assert gateway.cache.misses == 1


async def test_other_spellings_of_the_same_uuid_find_the_payment(gateway: Gateway) -> None:
    payment = (await gateway.process(command())).payment
    for spelling in (payment.id.upper(), "{" + payment.id + "}", payment.id.replace("-", "")):
        assert (await gateway.retrieve(MERCHANT, spelling)).id == payment.id
