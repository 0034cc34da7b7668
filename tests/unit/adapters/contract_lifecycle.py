"""The storage contract of the payment lifecycle: amounts and actions, the version guard
that serializes actions on one payment, and the two sweeps' queries."""

from __future__ import annotations

import pytest

from adapters.codec import to_record
from paycore.errors import StalePayment
from paycore.idempotency import FirstAnswer
from paycore.payment import PaymentStatus
from tests.unit.adapters.builders import T0, later, new_id, payment
from tests.unit.adapters.contract_storage import UowFactory, complete_key, holder_of, read, store
from tests.unit.adapters.lifecycle_builders import LIFECYCLE_STATES, authorized, captured


class LifecycleContract:
    """Mixed in beside StorageContract, whose `new_uow` fixture it uses."""

    @pytest.mark.parametrize("state", sorted(LIFECYCLE_STATES))
    async def test_every_lifecycle_state_reads_back_equal_in_every_field(
        self, new_uow: UowFactory, state: str
    ) -> None:
        p = LIFECYCLE_STATES[state]()
        await store(new_uow, p)
        loaded = await read(new_uow, p.merchant_id, p.id)
        assert to_record(loaded) == to_record(p)
        assert loaded.actions == p.actions  # oldest first, every field, in UTC

    async def test_actions_started_and_settled_after_the_insert_are_saved(
        self, new_uow: UowFactory
    ) -> None:
        p = authorized()
        await store(new_uow, p)
        first = new_id()
        moves = [
            lambda loaded: loaded.capture(first, 300, later(T0, 2), idempotency_key="k1"),
            lambda loaded: loaded.confirm_action(first, later(T0, 3)),
            lambda loaded: loaded.capture(new_id(), 200, later(T0, 4)),
        ]
        for move in moves:  # one move per unit, as the use cases save them
            async with new_uow() as uow:
                loaded = await uow.payments.get(p.merchant_id, p.id)
                move(loaded)
                await uow.payments.save(loaded)
                await uow.commit()
        saved = await read(new_uow, p.merchant_id, p.id)
        assert to_record(saved) == to_record(loaded)
        assert (saved.status, saved.captured_amount) == (PaymentStatus.PARTIALLY_CAPTURED, 300)
        assert [a.amount for a in saved.actions] == [300, 200]

    async def test_a_stale_save_of_a_new_action_raises_at_commit_and_writes_nothing(
        self, new_uow: UowFactory
    ) -> None:
        p = captured()
        await store(new_uow, p)
        await complete_key(new_uow, p, "refund-key")
        first = await read(new_uow, p.merchant_id, p.id)
        second = await read(new_uow, p.merchant_id, p.id)
        first.refund(new_id(), 1050, later(T0, 4))
        async with new_uow() as uow:
            await uow.payments.save(first)
            await uow.commit()
        second.refund(new_id(), 500, later(T0, 5))
        async with new_uow() as uow:
            await uow.payments.save(second)
            await uow.idempotency.complete(FirstAnswer(p.merchant_id, "refund-key", second))
            with pytest.raises(StalePayment):
                await uow.commit()
        stored = await read(new_uow, p.merchant_id, p.id)
        assert to_record(stored) == to_record(first)
        holder = await holder_of(new_uow, p.merchant_id, "refund-key")
        assert holder.response is not None and holder.response.actions == p.actions

    async def test_with_pending_actions_finds_them_oldest_update_first(
        self, new_uow: UowFactory
    ) -> None:
        older, newer, recent = authorized(), captured(500), authorized()
        older.capture(new_id(), 100, later(T0, 10))
        newer.refund(new_id(), 100, later(T0, 20))
        recent.void(new_id(), later(T0, 90))
        settled = captured()  # its actions succeeded, whatever their words say
        words = settled.refund(new_id(), 5, later(T0, 4), reason='"status":"Pending"')
        settled.confirm_action(words.id, later(T0, 5))
        await store(new_uow, newer, recent, settled, older, payment(), authorized())
        async with new_uow() as uow:
            found = await uow.payments.with_pending_actions(later(T0, 50), 10)
            assert [p.id for p in found] == [older.id, newer.id]
            assert [p.id for p in await uow.payments.with_pending_actions(later(T0, 50), 1)] == [
                older.id
            ]
        assert to_record(found[1]) == to_record(newer)

    async def test_authorized_before_skips_captured_held_and_recent_payments(
        self, new_uow: UowFactory
    ) -> None:
        first = authorized(created_at=T0)
        second = authorized(created_at=later(T0, 5))
        recent = authorized(created_at=later(T0, 100))
        held = authorized(created_at=T0)
        held.void(new_id(), later(T0, 10))
        failed_capture = authorized(created_at=later(T0, 7))
        attempt = failed_capture.capture(new_id(), None, later(T0, 8))
        failed_capture.fail_action(attempt.id, "refused_by_bank", later(T0, 9))
        await store(new_uow, recent, second, held, captured(), payment(), failed_capture, first)
        async with new_uow() as uow:
            found = await uow.payments.authorized_before(later(T0, 50), 10)
            assert [p.id for p in found] == [first.id, second.id, failed_capture.id]
            assert [p.id for p in await uow.payments.authorized_before(later(T0, 50), 2)] == [
                first.id,
                second.id,
            ]
