"""ProcessPayment: validate, record Pending, ask the bank, record the outcome, refresh the
cache; and, when asked to (`capture`), capture an authorized payment in full at once."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from paycore.acquirer_actions import AcquirerActions
from paycore.bank import AuthorizationRequest, Unavailable
from paycore.errors import ActionsUnsupported, StalePayment, StorageUnavailable
from paycore.idempotency import FirstAnswer, IdempotencyRecord
from paycore.payment import Payment, PaymentStatus
from paycore.ports import (
    AcquiringBank,
    Clock,
    Fingerprinter,
    IdGenerator,
    PaymentCache,
    UnitOfWork,
    UnitOfWorkFactory,
)
from paycore.use_cases.action_runner import ActionRunner
from paycore.use_cases.capture_at_creation import capture_in_full, fingerprint_of
from paycore.use_cases.new_payment import new_payment
from paycore.use_cases.replay import PaymentResult, replay_first_answer
from paycore.validation import PaymentPolicy, PaymentRequest, validate


@dataclass(frozen=True, slots=True)
class ProcessPaymentCommand:
    merchant_id: str
    request: PaymentRequest
    idempotency_key: str | None = None
    # Capture the whole amount as soon as the bank authorizes it.
    capture: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessPayment:
    uow: UnitOfWorkFactory
    bank: AcquiringBank
    cache: PaymentCache
    clock: Clock
    ids: IdGenerator
    fingerprinter: Fingerprinter
    policy: PaymentPolicy
    # The bank's actions, for `capture`; without them a request to capture at once is
    # refused before anything is charged.
    acquirer: AcquirerActions | None = None

    async def __call__(self, command: ProcessPaymentCommand) -> PaymentResult:
        # One reading for all the request records before the bank call: the payment's
        # creation, the card's expiry check and the key's claim happen at one instant.
        received_at = self.clock.now()
        if command.capture and not (self.acquirer and self.acquirer.supports_actions):
            raise ActionsUnsupported("the acquiring bank cannot capture payments")
        valid = validate(command.request, self.policy, received_at.date())
        payment = new_payment(
            command.merchant_id,
            valid,
            received_at,
            ids=self.ids,
            fingerprinter=self.fingerprinter,
        )
        key = command.idempotency_key
        # The claim and the Pending payment commit together: a crash after this point
        # leaves a Pending payment that settlement resolves, never a dangling key.
        async with self.uow() as uow:
            if key is not None:
                fingerprint = fingerprint_of(valid, command.capture, self.fingerprinter)
                claim = IdempotencyRecord(
                    command.merchant_id, key, fingerprint, payment.id, received_at
                )
                holder = await uow.idempotency.claim(claim)
                if holder is not None:
                    return await replay_first_answer(uow, holder, claim.request_fingerprint)
            await uow.payments.add(payment)
            await uow.commit()

        recorded = copy(payment)  # the Pending payment as it is stored
        outcome = await self.bank.authorize(
            AuthorizationRequest(idempotency_key=payment.id, card=valid.card, amount=valid.amount)
        )
        # The payment changed when the bank answered, not when the request arrived.
        payment.apply(outcome, self.clock.now())
        retry_after = outcome.retry_after_seconds if isinstance(outcome, Unavailable) else None
        try:
            payment = await self._record_on_a_fresh_unit_if_needed(payment, key, retry_after)
        except StorageUnavailable:
            # The bank has answered but its answer could not be written: what is stored is
            # the Pending payment, which settlement resolves by asking the bank. The client
            # learns the payment's id either way, so it never pays twice unknowingly.
            return PaymentResult(recorded)
        await self.cache.put(payment)
        if command.capture and payment.status is PaymentStatus.AUTHORIZED:
            payment = await self._capture(payment, key)
        return PaymentResult(payment, retry_after_seconds=retry_after)

    async def _capture(self, payment: Payment, key: str | None) -> Payment:
        assert self.acquirer is not None, "checked before the payment was recorded"
        runner = ActionRunner(
            uow=self.uow,
            acquirer=self.acquirer,
            cache=self.cache,
            clock=self.clock,
            ids=self.ids,
            fingerprinter=self.fingerprinter,
        )
        return await capture_in_full(runner, self.uow, payment, key)

    async def _record_on_a_fresh_unit_if_needed(
        self, payment: Payment, key: str | None, retry_after: int | None
    ) -> Payment:
        try:
            return await self._record(payment, key, retry_after)
        except StorageUnavailable:
            # The connection died (a failover, a killed backend): once more on a new one.
            # Had the first commit taken effect, the version guard makes this a StalePayment
            # and `_record` answers what is stored.
            return await self._record(payment, key, retry_after)

    async def _record(self, payment: Payment, key: str | None, retry_after: int | None) -> Payment:
        """Save the outcome and, under its key, what this request answers; all or nothing.

        Returns the payment as stored: the outcome, or what another writer stored first.
        """
        try:
            async with self.uow() as uow:
                if payment.status.is_terminal:
                    await uow.payments.save(payment)
                await self._answer_key(uow, payment, key, retry_after)
                await uow.commit()
        except StalePayment:
            # Settlement got there first (the bank was slower than the sweep's threshold);
            # the stored state is the truth, and what the key answers from now on.
            async with self.uow() as uow:
                stored = await uow.payments.get(payment.merchant_id, payment.id)
                assert stored is not None
                await self._answer_key(uow, stored, key, retry_after)
                await uow.commit()
            payment = stored
        return payment

    @staticmethod
    async def _answer_key(
        uow: UnitOfWork, payment: Payment, key: str | None, retry_after: int | None
    ) -> None:
        if key is not None:
            # What this request answers is what every replay of the key answers.
            await uow.idempotency.complete(
                FirstAnswer(payment.merchant_id, key, payment, retry_after)
            )
