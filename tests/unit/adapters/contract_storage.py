"""The storage contract: every storage adapter must pass these, so none can drift.

A test module subclasses StorageContract and provides a `database` fixture: one empty
store, whose `unit_of_work` makes fresh units of work and whose `refresh_token_uses` marks
refresh tokens used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest

from adapters.codec import to_record
from paycore.errors import StalePayment
from paycore.idempotency import FirstAnswer, IdempotencyRecord
from paycore.listing import Direction, PaymentFilters, PaymentQuery, Position
from paycore.payment import FailureReason, Payment, PaymentStatus
from paycore.ports import RefreshTokenUses, UnitOfWork
from tests.unit.adapters.builders import (
    T0,
    claim,
    later,
    merchant,
    new_id,
    payment,
    refresh_token,
)

UowFactory = Callable[[], UnitOfWork]


async def store(new_uow: UowFactory, *payments) -> None:
    async with new_uow() as uow:
        for p in payments:
            await uow.payments.add(p)
        await uow.commit()


async def read(new_uow: UowFactory, merchant_id: str, payment_id: str):
    async with new_uow() as uow:
        return await uow.payments.get(merchant_id, payment_id)


async def complete_key(
    new_uow: UowFactory, answered: Payment, key: str, retry_after_seconds: int | None = None
) -> None:
    """Claim `key` for the payment and complete it with the payment as the answer."""
    async with new_uow() as uow:
        assert await uow.idempotency.claim(claim(answered.merchant_id, key, answered.id)) is None
        await uow.commit()
    async with new_uow() as uow:
        await uow.idempotency.complete(
            FirstAnswer(answered.merchant_id, key, answered, retry_after_seconds)
        )
        await uow.commit()


async def holder_of(new_uow: UowFactory, merchant_id: str, key: str) -> IdempotencyRecord:
    """The record holding a key (a claim that loses, rolled back)."""
    async with new_uow() as uow:
        holder = await uow.idempotency.claim(claim(merchant_id, key, new_id(), "other"))
    assert holder is not None
    return holder


async def listed(new_uow: UowFactory, merchant_id: str, limit: int = 100, **query) -> list[str]:
    async with new_uow() as uow:
        found = await uow.payments.list_for_merchant(PaymentQuery(merchant_id, limit, **query))
    return [p.id for p in found]


class StorageContract:
    @pytest.fixture
    def new_uow(self, database) -> UowFactory:
        return database.unit_of_work

    @pytest.fixture
    def token_uses(self, database) -> RefreshTokenUses:
        return database.refresh_token_uses

    async def test_a_payment_reads_back_equal_in_every_field(self, new_uow: UowFactory) -> None:
        p = payment(reference=None, settlement_attempts=2, next_settlement_at=later(T0, 30))
        await store(new_uow, p)
        assert to_record(await read(new_uow, p.merchant_id, p.id)) == to_record(p)

    async def test_metadata_reads_back_and_in_a_list(self, new_uow: UowFactory) -> None:
        labels = {"order_id": "6735", "note": 'café ✓ "quoted"', "empty": ""}
        p, bare = payment(metadata=labels), payment()
        await store(new_uow, p, bare)
        assert (await read(new_uow, p.merchant_id, p.id)).metadata == labels
        assert (await read(new_uow, bare.merchant_id, bare.id)).metadata == {}
        async with new_uow() as uow:
            (found,) = await uow.payments.list_for_merchant(PaymentQuery(p.merchant_id, 10))
        assert to_record(found) == to_record(p)

    async def test_a_payment_is_visible_only_to_its_merchant(self, new_uow: UowFactory) -> None:
        p = payment()
        await store(new_uow, p)
        assert await read(new_uow, new_id(), p.id) is None
        assert await read(new_uow, p.merchant_id, new_id()) is None
        assert await read(new_uow, p.merchant_id, "not-a-uuid") is None

    async def test_save_records_a_transition(self, new_uow: UowFactory) -> None:
        p = payment()
        await store(new_uow, p)
        async with new_uow() as uow:
            loaded = await uow.payments.get(p.merchant_id, p.id)
            loaded.fail(FailureReason.BANK_ERROR, later(T0, 1))
            await uow.payments.save(loaded)
            await uow.commit()
        saved = await read(new_uow, p.merchant_id, p.id)
        assert (saved.status, saved.version) == (PaymentStatus.FAILED, 2)
        assert saved.failure_reason == "bank_error"
        assert saved.updated_at == later(T0, 1)

    async def test_saving_over_a_changed_payment_is_stale(self, new_uow: UowFactory) -> None:
        p = payment()
        await store(new_uow, p)
        first = await read(new_uow, p.merchant_id, p.id)
        second = await read(new_uow, p.merchant_id, p.id)
        first.authorize("auth-1", later(T0, 1))
        async with new_uow() as uow:
            await uow.payments.save(first)
            await uow.commit()
        second.decline("do_not_honor", later(T0, 2))
        async with new_uow() as uow:
            with pytest.raises(StalePayment):
                await uow.payments.save(second)
                await uow.commit()
        assert (await read(new_uow, p.merchant_id, p.id)).status is PaymentStatus.AUTHORIZED

    async def test_a_stale_save_raises_at_commit_and_nothing_of_its_unit_lands(
        self, new_uow: UowFactory
    ) -> None:
        p = payment()
        await store(new_uow, p)
        await complete_key(new_uow, p, "key-1")
        first = await read(new_uow, p.merchant_id, p.id)
        second = await read(new_uow, p.merchant_id, p.id)
        first.authorize("auth-1", later(T0, 1))
        async with new_uow() as uow:
            await uow.payments.save(first)
            await uow.commit()
        second.decline("do_not_honor", later(T0, 2))
        async with new_uow() as uow:
            # Staged: neither the save nor a read after it raises, only the commit.
            await uow.payments.save(second)
            await uow.idempotency.complete(FirstAnswer(p.merchant_id, "key-1", second))
            await uow.payments.get(p.merchant_id, p.id)
            with pytest.raises(StalePayment):
                await uow.commit()
        assert (await read(new_uow, p.merchant_id, p.id)).status is PaymentStatus.AUTHORIZED
        holder = await holder_of(new_uow, p.merchant_id, "key-1")
        assert holder.response is not None
        assert holder.response.status is PaymentStatus.PENDING

    async def test_saving_a_payment_never_added_is_stale(self, new_uow: UowFactory) -> None:
        p = payment()
        p.authorize("auth-1", later(T0, 1))
        async with new_uow() as uow:
            with pytest.raises(StalePayment):
                await uow.payments.save(p)
                await uow.commit()

    async def test_due_for_settlement_filters_and_orders(self, new_uow: UowFactory) -> None:
        cutoff, now = later(T0, 100), later(T0, 200)
        oldest = payment(created_at=T0)
        old = payment(created_at=later(T0, 10))
        retry_due = payment(created_at=later(T0, 20), next_settlement_at=now)
        retry_later = payment(created_at=later(T0, 30), next_settlement_at=later(now, 1))
        too_young = payment(created_at=cutoff)
        settled = payment(created_at=later(T0, 5))
        settled.authorize("auth-1", later(T0, 6))
        await store(new_uow, too_young, retry_due, settled, old, retry_later, oldest)
        async with new_uow() as uow:
            due = await uow.payments.due_for_settlement(cutoff, now, 10)
            first_two = await uow.payments.due_for_settlement(cutoff, now, 2)
        assert [p.id for p in due] == [oldest.id, old.id, retry_due.id]
        assert [p.id for p in first_two] == [oldest.id, old.id]

    async def test_a_list_is_the_merchants_newest_first_with_ties_broken_by_id(
        self, new_uow: UowFactory
    ) -> None:
        merchant_id = new_id()
        tied = [payment(merchant_id, created_at=later(T0, 5)) for _ in range(3)]
        old, new = (
            payment(merchant_id, created_at=T0),
            payment(merchant_id, created_at=later(T0, 9)),
        )
        await store(new_uow, *tied, old, new, payment(created_at=later(T0, 7)))
        by_id = sorted(p.id for p in tied)
        assert await listed(new_uow, merchant_id) == [new.id, *reversed(by_id), old.id]
        assert await listed(new_uow, merchant_id, 2) == [new.id, by_id[-1]]
        assert await listed(new_uow, new_id()) == []
        assert await listed(new_uow, "not-a-uuid") == []

    async def test_a_list_starts_strictly_beyond_its_position(self, new_uow: UowFactory) -> None:
        merchant_id = new_id()
        a, b, c, d = (payment(merchant_id, created_at=later(T0, s)) for s in (1, 2, 2, 3))
        await store(new_uow, a, b, c, d)
        low, high = sorted([b, c], key=Position.of)
        older = await listed(new_uow, merchant_id, start=Position.of(high))
        assert older == [low.id, a.id]
        newer = await listed(
            new_uow, merchant_id, start=Position.of(low), direction=Direction.NEWER
        )
        assert newer == [high.id, d.id]  # oldest first: nearest the position first
        assert await listed(new_uow, merchant_id, 1, direction=Direction.NEWER) == [a.id]

    async def test_a_list_filters_by_status_reference_and_time(self, new_uow: UowFactory) -> None:
        merchant_id = new_id()
        first = payment(merchant_id, created_at=later(T0, 1), reference="order-1")
        second = payment(merchant_id, created_at=later(T0, 2), reference=None)
        third = payment(merchant_id, created_at=later(T0, 3), reference="order-1")
        second.authorize("auth-1", later(T0, 2))
        third.authorize("auth-2", later(T0, 3))
        await store(new_uow, first, second, third)

        async def only(**filters) -> list[str]:
            return await listed(new_uow, merchant_id, filters=PaymentFilters(**filters))

        assert await only(status=PaymentStatus.AUTHORIZED) == [third.id, second.id]
        assert await only(status=PaymentStatus.DECLINED) == []
        assert await only(reference="order-1") == [third.id, first.id]
        assert await only(reference="order-1", status=PaymentStatus.PENDING) == [first.id]
        # created_gte includes its bound, created_lt excludes it.
        window = {"created_gte": later(T0, 2), "created_lt": later(T0, 3)}
        assert await only(**window) == [second.id]
        assert await only(created_gte=later(T0, 2)) == [third.id, second.id]
        assert await only(created_lt=later(T0, 2)) == [first.id]

    async def test_a_list_sees_its_own_uncommitted_payment_only(self, new_uow: UowFactory) -> None:
        p = payment()
        async with new_uow() as writer:
            await writer.payments.add(p)
            mine = await writer.payments.list_for_merchant(PaymentQuery(p.merchant_id, 10))
            assert [found.id for found in mine] == [p.id]
            assert await listed(new_uow, p.merchant_id) == []

    async def test_a_claimed_key_returns_its_holder(self, new_uow: UowFactory) -> None:
        merchant_id, first = new_id(), payment()
        async with new_uow() as uow:
            assert await uow.idempotency.claim(claim(merchant_id, "key-1", first.id)) is None
            await uow.commit()
        async with new_uow() as uow:
            holder = await uow.idempotency.claim(claim(merchant_id, "key-1", new_id(), "fp-2"))
        assert holder is not None
        assert (holder.payment_id, holder.request_fingerprint) == (first.id, "fp-1")
        assert (holder.created_at, holder.completed) == (T0, False)
        assert (holder.response, holder.retry_after_seconds) == (None, None)
        async with new_uow() as uow:
            await uow.idempotency.complete(FirstAnswer(merchant_id, "key-1", first))
            await uow.commit()
        async with new_uow() as uow:
            holder = await uow.idempotency.claim(claim(merchant_id, "key-1", new_id()))
        assert holder is not None and holder.completed
        assert holder.retry_after_seconds is None

    async def test_a_completed_key_keeps_the_answer_in_every_field(
        self, new_uow: UowFactory
    ) -> None:
        answered = payment(
            reference=None, next_settlement_at=later(T0, 30), metadata={"order_id": "67"}
        )
        answered.fail(FailureReason.CIRCUIT_OPEN, later(T0, 1))
        await complete_key(new_uow, answered, "key-1", retry_after_seconds=17)
        holder = await holder_of(new_uow, answered.merchant_id, "key-1")
        assert holder.completed and holder.response is not None
        assert to_record(holder.response) == to_record(answered)
        assert holder.response.updated_at.utcoffset() == timedelta(0)
        assert holder.retry_after_seconds == 17

    async def test_the_answer_is_a_snapshot_of_the_payment(self, new_uow: UowFactory) -> None:
        # A Pending answer stays Pending in the record when the payment settles later,
        # and changing what was passed in or read back changes nothing stored.
        answered = payment()
        await store(new_uow, answered)
        await complete_key(new_uow, answered, "key-1")
        answered.authorize("auth-1", later(T0, 5))
        async with new_uow() as uow:
            await uow.payments.save(answered)
            await uow.commit()
        holder = await holder_of(new_uow, answered.merchant_id, "key-1")
        assert holder.response is not None
        assert (holder.response.status, holder.response.version) == (PaymentStatus.PENDING, 1)
        holder.response.decline(None, later(T0, 6))
        again = await holder_of(new_uow, answered.merchant_id, "key-1")
        assert again.response is not None and again.response.status is PaymentStatus.PENDING
        assert (await read(new_uow, answered.merchant_id, answered.id)).status is (
            PaymentStatus.AUTHORIZED
        )

    async def test_a_completion_rolled_back_leaves_the_key_unanswered(
        self, new_uow: UowFactory
    ) -> None:
        answered = payment()
        async with new_uow() as uow:
            assert (
                await uow.idempotency.claim(claim(answered.merchant_id, "k", answered.id)) is None
            )
            await uow.commit()
        async with new_uow() as uow:
            await uow.idempotency.complete(FirstAnswer(answered.merchant_id, "k", answered))
        holder = await holder_of(new_uow, answered.merchant_id, "k")
        assert (holder.completed, holder.response, holder.retry_after_seconds) == (
            False,
            None,
            None,
        )

    async def test_keys_belong_to_one_merchant(self, new_uow: UowFactory) -> None:
        async with new_uow() as uow:
            assert await uow.idempotency.claim(claim(new_id(), "shared", new_id())) is None
            assert await uow.idempotency.claim(claim(new_id(), "shared", new_id())) is None
            await uow.commit()

    async def test_a_rollback_releases_the_claim_and_the_payment(self, new_uow: UowFactory) -> None:
        p = payment()
        async with new_uow() as uow:
            assert await uow.idempotency.claim(claim(p.merchant_id, "k", p.id)) is None
            await uow.payments.add(p)
        assert await read(new_uow, p.merchant_id, p.id) is None
        async with new_uow() as uow:
            assert await uow.idempotency.claim(claim(p.merchant_id, "k", new_id())) is None

    async def test_uncommitted_writes_are_invisible_to_others(self, new_uow: UowFactory) -> None:
        p = payment()
        async with new_uow() as writer:
            await writer.payments.add(p)
            assert await writer.payments.get(p.merchant_id, p.id) is not None
            assert await read(new_uow, p.merchant_id, p.id) is None
            await writer.rollback()
        assert await read(new_uow, p.merchant_id, p.id) is None

    async def test_concurrent_claims_of_one_key_have_one_winner(self, new_uow: UowFactory) -> None:
        merchant_id = new_id()

        async def attempt():
            p = payment(merchant_id)
            async with new_uow() as uow:
                holder = await uow.idempotency.claim(claim(merchant_id, "race", p.id))
                if holder is None:
                    await uow.payments.add(p)
                    await uow.commit()
                return p.id, holder

        results = await asyncio.gather(*(attempt() for _ in range(5)))
        winners = [pid for pid, holder in results if holder is None]
        assert len(winners) == 1
        assert {holder.payment_id for _, holder in results if holder} == set(winners)
        assert await read(new_uow, merchant_id, winners[0]) is not None

    async def test_merchants_by_id_and_by_email_any_case(self, new_uow: UowFactory) -> None:
        m = merchant("Shop@Example.com")
        async with new_uow() as uow:
            await uow.merchants.add(m)
            await uow.commit()
        async with new_uow() as uow:
            assert await uow.merchants.get(m.id) == m
            assert await uow.merchants.get_by_email("shop@EXAMPLE.COM") == m
            assert await uow.merchants.get_by_email("other@example.com") is None
            assert await uow.merchants.get(new_id()) is None

    async def test_a_revoked_login_signs_its_merchant_out(self, new_uow: UowFactory) -> None:
        m = merchant("shop@example.com")
        live, revoked = (refresh_token(merchant_id=m.id) for _ in range(2))
        async with new_uow() as uow:
            await uow.merchants.add(m)
            await uow.refresh_tokens.add(live)
            await uow.refresh_tokens.add(revoked)
            await uow.commit()
        async with new_uow() as uow:
            await uow.refresh_tokens.revoke_family(revoked.family_id)
            await uow.commit()
        async with new_uow() as uow:
            assert await uow.merchants.get_signed_in(m.id, live.family_id, T0) == m
            assert await uow.merchants.get_signed_in(m.id, revoked.family_id, T0) is None
            assert await uow.merchants.get_signed_in(new_id(), live.family_id, T0) is None
            assert await uow.merchants.get_signed_in("not-a-uuid", live.family_id, T0) is None

    async def test_a_merchant_email_is_unique_in_any_case(self, new_uow: UowFactory) -> None:
        async with new_uow() as uow:
            await uow.merchants.add(merchant("shop@example.com"))
            await uow.commit()
        async with new_uow() as uow:
            with pytest.raises(ValueError):
                await uow.merchants.add(merchant("SHOP@example.com"))

    async def test_a_refresh_token_is_used_once(
        self, new_uow: UowFactory, token_uses: RefreshTokenUses
    ) -> None:
        token = refresh_token()
        async with new_uow() as uow:
            await uow.refresh_tokens.add(token)
            await uow.commit()
        async with new_uow() as uow:
            assert await uow.refresh_tokens.get(token.jti) == token
        assert await token_uses.mark_used(token.jti) is True
        assert await token_uses.mark_used(token.jti) is False
        async with new_uow() as uow:
            assert (await uow.refresh_tokens.get(token.jti)).used
        assert await token_uses.mark_used(new_id()) is False

    async def test_concurrent_uses_of_a_token_have_one_winner(
        self, new_uow: UowFactory, token_uses: RefreshTokenUses
    ) -> None:
        token = refresh_token()
        async with new_uow() as uow:
            await uow.refresh_tokens.add(token)
            await uow.commit()
        uses = await asyncio.gather(*(token_uses.mark_used(token.jti) for _ in range(5)))
        assert sorted(uses) == [False] * 4 + [True]

    async def test_revoking_a_family_spares_other_families(
        self, new_uow: UowFactory, token_uses: RefreshTokenUses
    ) -> None:
        family = new_id()
        mine, sibling, stranger = refresh_token(family), refresh_token(family), refresh_token()
        async with new_uow() as uow:
            for token in (mine, sibling, stranger):
                await uow.refresh_tokens.add(token)
            await uow.commit()
        async with new_uow() as uow:
            await uow.refresh_tokens.revoke_family(family)
            await uow.commit()
        async with new_uow() as uow:
            assert (await uow.refresh_tokens.get(mine.jti)).revoked
            assert (await uow.refresh_tokens.get(sibling.jti)).revoked
            assert not (await uow.refresh_tokens.get(stranger.jti)).revoked
        assert await token_uses.mark_used(sibling.jti) is False

    async def test_a_use_holds_whatever_becomes_of_the_unit_around_it(
        self, new_uow: UowFactory, token_uses: RefreshTokenUses
    ) -> None:
        # A detected reuse must not be undone by a request that fails after the use.
        token = refresh_token()
        async with new_uow() as uow:
            await uow.refresh_tokens.add(token)
            await uow.commit()
        async with new_uow() as uow:
            assert (await uow.refresh_tokens.get(token.jti)) == token
            assert await token_uses.mark_used(token.jti)
            await uow.rollback()
        async with new_uow() as uow:
            assert (await uow.refresh_tokens.get(token.jti)).used
        assert await token_uses.mark_used(token.jti) is False

    async def test_a_revocation_lands_with_its_units_commit_only(self, new_uow: UowFactory) -> None:
        token = refresh_token()
        async with new_uow() as uow:
            await uow.refresh_tokens.add(token)
            await uow.commit()
        async with new_uow() as uow:
            await uow.refresh_tokens.revoke_family(token.family_id)
        async with new_uow() as uow:
            assert not (await uow.refresh_tokens.get(token.jti)).revoked
            await uow.refresh_tokens.revoke_family(token.family_id)
            await uow.commit()
        async with new_uow() as uow:
            assert (await uow.refresh_tokens.get(token.jti)).revoked
