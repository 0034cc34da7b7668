"""What capture, void and refund share: record the action Pending and commit, call the
bank with the action's id as its Idempotency-Key, settle what it answered, and save it
under the version guard, re-reading the payment when someone else wrote it first."""

from __future__ import annotations

import uuid
from copy import deepcopy
from dataclasses import replace

from paycore.acquirer_actions import AcquirerActions, ActionOutcome, ask_acquirer
from paycore.action_settlement import settle_from_call
from paycore.actions import PaymentAction
from paycore.bank import Unavailable
from paycore.errors import (
    ActionsUnsupported,
    InvalidPaymentState,
    PaymentNotFound,
    StalePayment,
    StorageUnavailable,
)
from paycore.idempotency import FirstAnswer, IdempotencyRecord
from paycore.payment import Payment
from paycore.ports import Clock, Fingerprinter, IdGenerator, PaymentCache, UnitOfWorkFactory
from paycore.use_cases.action_ask import ActionAsk
from paycore.use_cases.action_replay import (
    ActionResult,
    action_fingerprint,
    replay_action,
    scoped_key,
)

# How often a unit of work is retried when another writer changed the payment first.
ATTEMPTS = 5


class ActionRunner:
    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        acquirer: AcquirerActions,
        cache: PaymentCache,
        clock: Clock,
        ids: IdGenerator,
        fingerprinter: Fingerprinter,
    ) -> None:
        self._uow = uow
        self._acquirer = acquirer
        self._cache = cache
        self._clock = clock
        self._ids = ids
        self._fingerprinter = fingerprinter

    async def run(self, ask: ActionAsk) -> ActionResult:
        ask.check()
        if not self._acquirer.supports_actions:
            raise ActionsUnsupported(f"the acquiring bank cannot {ask.type} payments")
        ask = replace(ask, payment_id=_canonical_uuid(ask.payment_id))
        key = ask.idempotency_key
        scoped = None if key is None else scoped_key(ask, key, self._fingerprinter)
        recorded = await self._record(ask, scoped)
        if isinstance(recorded, ActionResult):
            return recorded
        payment, action = recorded
        pending = ActionResult(deepcopy(payment), action)  # what is stored now
        outcome = await ask_acquirer(self._acquirer, payment, action)
        retry_after = outcome.retry_after_seconds if isinstance(outcome, Unavailable) else None
        try:
            payment = await self._settle(payment, action.id, outcome, scoped, retry_after)
        except (StorageUnavailable, StalePayment):
            # The bank has answered but the answer could not be written: the action stays
            # Pending as stored, and the sweep settles it by asking the bank.
            return pending
        await self._cache.put(payment)
        settled = next(a for a in payment.actions if a.id == action.id)
        return ActionResult(payment, settled, retry_after_seconds=retry_after)

    async def _record(
        self, ask: ActionAsk, scoped: str | None
    ) -> tuple[Payment, PaymentAction] | ActionResult:
        """Claim the key and record the Pending action in one commit, before the bank
        hears of it: a crash later leaves an action the sweep can look up."""
        fingerprint = action_fingerprint(ask, self._fingerprinter)
        for _ in range(ATTEMPTS):
            now = self._clock.now()
            async with self._uow() as uow:
                if scoped is not None:
                    claim = IdempotencyRecord(
                        ask.merchant_id, scoped, fingerprint, ask.payment_id, now
                    )
                    holder = await uow.idempotency.claim(claim)
                    if holder is not None:
                        return await replay_action(uow, holder, fingerprint, ask)
                payment = await uow.payments.get(ask.merchant_id, ask.payment_id)
                if payment is None:
                    raise PaymentNotFound(ask.payment_id)
                action = ask.start_on(payment, self._ids.new_id(), now)
                try:
                    # Stores that check the version early raise from `save`, others at commit.
                    await uow.payments.save(payment)
                    await uow.commit()
                except StalePayment:
                    continue  # another action got in first: judge this one against it
                return payment, action
        raise InvalidPaymentState(f"payment {ask.payment_id} keeps changing; try again")

    async def _settle(
        self,
        payment: Payment,
        action_id: str,
        outcome: ActionOutcome,
        scoped: str | None,
        retry_after: int | None,
    ) -> Payment:
        """Save the settled action and, under the key, what this request answers."""
        changed = settle_from_call(payment, action_id, outcome, self._clock.now())
        for _ in range(ATTEMPTS):
            try:
                async with self._uow() as uow:
                    if changed:
                        await uow.payments.save(payment)
                    if scoped is not None:
                        answer = FirstAnswer(payment.merchant_id, scoped, payment, retry_after)
                        await uow.idempotency.complete(answer)
                    await uow.commit()
                return payment
            except StalePayment:
                # Another action (or the sweep) wrote the payment since: settle ours on
                # what is stored now, unless the sweep already did.
                async with self._uow() as uow:
                    stored = await uow.payments.get(payment.merchant_id, payment.id)
                assert stored is not None, "payments are never deleted"
                payment = stored
                mine = next(a for a in payment.actions if a.id == action_id)
                changed = mine.is_pending and settle_from_call(
                    payment, action_id, outcome, self._clock.now()
                )
        raise StalePayment(payment.id)


def _canonical_uuid(payment_id: str) -> str:
    """A malformed id is simply not found, exactly like another merchant's id."""
    try:
        return str(uuid.UUID(payment_id))
    except ValueError:
        raise PaymentNotFound(payment_id) from None
