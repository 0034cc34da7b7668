"""ProcessPayment: validate, record Pending, ask the bank, record the outcome, refresh the cache."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from paycore.bank import AuthorizationRequest, Authorized, BankOutcome, Declined, Unavailable
from paycore.errors import StalePayment, StorageUnavailable
from paycore.idempotency import IdempotencyRecord
from paycore.payment import Payment
from paycore.ports import (
    AcquiringBank,
    Clock,
    Fingerprinter,
    IdGenerator,
    PaymentCache,
    UnitOfWorkFactory,
)
from paycore.use_cases.new_payment import new_payment, request_fingerprint
from paycore.use_cases.replay import PaymentResult, replay_first_answer
from paycore.validation import PaymentPolicy, PaymentRequest, validate


@dataclass(frozen=True, slots=True)
class ProcessPaymentCommand:
    merchant_id: str
    request: PaymentRequest
    idempotency_key: str | None = None


class ProcessPayment:
    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        bank: AcquiringBank,
        cache: PaymentCache,
        clock: Clock,
        ids: IdGenerator,
        fingerprinter: Fingerprinter,
        policy: PaymentPolicy,
    ) -> None:
        self._uow = uow
        self._bank = bank
        self._cache = cache
        self._clock = clock
        self._ids = ids
        self._fingerprinter = fingerprinter
        self._policy = policy

    async def __call__(self, command: ProcessPaymentCommand) -> PaymentResult:
        now = self._clock.now()
        valid = validate(command.request, self._policy, now.date())
        payment = new_payment(
            command.merchant_id, valid, now, ids=self._ids, fingerprinter=self._fingerprinter
        )
        key = command.idempotency_key
        # The claim and the Pending payment commit together: a crash after this point
        # leaves a Pending payment that settlement resolves, never a dangling key.
        async with self._uow() as uow:
            if key is not None:
                fingerprint = request_fingerprint(valid, self._fingerprinter)
                claim = IdempotencyRecord(command.merchant_id, key, fingerprint, payment.id, now)
                holder = await uow.idempotency.claim(claim)
                if holder is not None:
                    return await replay_first_answer(uow, holder, claim.request_fingerprint)
            await uow.payments.add(payment)
            await uow.commit()

        recorded = copy(payment)  # the Pending payment as it is stored
        outcome = await self._bank.authorize(
            AuthorizationRequest(idempotency_key=payment.id, card=valid.card, amount=valid.amount)
        )
        _apply(payment, outcome, self._clock)
        retry_after = outcome.retry_after_seconds if isinstance(outcome, Unavailable) else None
        try:
            payment = await self._record_on_a_fresh_unit_if_needed(payment, key, retry_after)
        except StorageUnavailable:
            # The bank has answered but its answer could not be written: what is stored is
            # the Pending payment, which settlement resolves by asking the bank. The client
            # learns the payment's id either way, so it never pays twice unknowingly.
            return PaymentResult(recorded)
        await self._cache.put(payment)
        return PaymentResult(payment, retry_after_seconds=retry_after)

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
        try:
            await self._store(payment, key, retry_after)
        except StalePayment:
            # Settlement got there first (the bank was slower than the sweep's threshold);
            # the stored state is the truth, and what the key answers from now on.
            async with self._uow() as uow:
                stored = await uow.payments.get(payment.merchant_id, payment.id)
            assert stored is not None
            payment = stored
            await self._store(payment, key, retry_after, save=False)
        return payment

    async def _store(
        self, payment: Payment, key: str | None, retry_after: int | None, *, save: bool = True
    ) -> None:
        """Save the outcome and, under its key, what this request answers; all or nothing.

        A stale save raises StalePayment from `save` or, where an adapter defers the
        write, from `commit`.
        """
        async with self._uow() as uow:
            if save and payment.status.is_terminal:
                await uow.payments.save(payment)
            if key is not None:
                # What this request answers is what every replay of the key answers.
                await uow.idempotency.complete(
                    payment.merchant_id, key, response=payment, retry_after_seconds=retry_after
                )
            await uow.commit()


def _apply(payment: Payment, outcome: BankOutcome, clock: Clock) -> None:
    match outcome:
        case Authorized(code):
            payment.authorize(code, clock.now())
        case Declined(reason):
            payment.decline(reason, clock.now())
        case Unavailable(reason):
            payment.fail(reason, clock.now())
        case _:
            pass  # Unknown: the payment stays Pending until settlement asks the bank.
