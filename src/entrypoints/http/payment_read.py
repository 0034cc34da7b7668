"""What retrieving a payment needs before its handler, as one dependency: the merchant
authenticated, its budget spent and the payment's cached copy read in one step (one Redis
round trip where the budget and the cache are Redis's), the store only on a miss."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from litestar import Request
from litestar.di import NamedDependency
from litestar.params import PathParameter

from entrypoints.http.auth import current_merchant_id
from entrypoints.http.rate_limiting import (
    RateLimits,
    enforce,
    merchant_budget_key,
    spend_merchant_budget,
)
from paycore.errors import PaymentNotFound
from paycore.payment import Payment
from paycore.use_cases import Authenticate, RetrievePayment
from paycore.use_cases.retrieve_payment import canonical_payment_id


@dataclass(frozen=True, slots=True)
class PaymentReadGate:
    authenticate: Authenticate
    rate_limits: RateLimits
    retrieve_payment: RetrievePayment


async def rate_limited_payment(
    request: Request[Any, Any, Any],
    payment_read_gate: NamedDependency[PaymentReadGate],
    payment_id: Annotated[str, PathParameter(description="The payment's id (a UUID)")],
) -> Payment:
    """The merchant's payment, once the merchant is within its budget (429 otherwise)."""
    gate = payment_read_gate
    merchant_id = await current_merchant_id(request, gate.authenticate)
    try:
        canonical_id = canonical_payment_id(payment_id)
    except PaymentNotFound:
        await spend_merchant_budget(request, gate.rate_limits, merchant_id)  # it counts too
        raise
    limits = gate.rate_limits
    key = merchant_budget_key(merchant_id)
    decision, cached = await limits.cached_read(key, limits.payments, merchant_id, canonical_id)
    enforce(request.scope, decision)
    if cached is not None:
        return cached
    return await gate.retrieve_payment.after_cache_miss(merchant_id, canonical_id)
