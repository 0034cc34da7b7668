"""The lifecycle use cases wired to a test Gateway's in-memory adapters and a fake acquirer."""

from __future__ import annotations

from dataclasses import dataclass, field

from paycore import (
    ActionRunner,
    CapturePayment,
    Payment,
    RefundPayment,
    VoidPayment,
)
from paycore.ports import UnitOfWorkFactory
from tests.unit.paycore.acquirers import FakeAcquirer
from tests.unit.paycore.gateway import MERCHANT, Gateway, command


@dataclass
class Lifecycle:
    gateway: Gateway = field(default_factory=Gateway)
    acquirer: FakeAcquirer = field(default_factory=FakeAcquirer)
    # None: the gateway's store as it is; a test may put a failing factory here.
    units: UnitOfWorkFactory | None = None

    @property
    def runner(self) -> ActionRunner:
        return ActionRunner(
            uow=self.units or self.gateway.store.unit_of_work,
            acquirer=self.acquirer,
            cache=self.gateway.cache,
            clock=self.gateway.clock,
            ids=self.gateway.ids,
            fingerprinter=self.gateway.fingerprinter,
        )

    @property
    def capture(self) -> CapturePayment:
        return CapturePayment(self.runner)

    @property
    def void(self) -> VoidPayment:
        return VoidPayment(self.runner)

    @property
    def refund(self) -> RefundPayment:
        return RefundPayment(self.runner)

    async def authorized(self) -> Payment:
        """A payment of 1050 USD, authorized by the in-memory bank."""
        return (await self.gateway.process(command())).payment

    async def stored(self, payment_id: str) -> Payment:
        async with self.gateway.store.unit_of_work() as uow:
            payment = await uow.payments.get(MERCHANT, payment_id)
        assert payment is not None
        return payment
