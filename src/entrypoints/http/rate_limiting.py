"""Rate limits over HTTP: per merchant on /v1/payments..., per client address and per email
on failed sign-ins. Each limited request's decision is kept in its scope state; one
before-send hook writes the `RateLimit-*` headers from it, on answers and errors alike."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from litestar import Request
from litestar.datastructures import MutableScopeHeaders
from litestar.di import NamedDependency
from litestar.types import Message, Scope

from entrypoints.http.auth import current_merchant_id
from paycore.errors import RateLimited
from paycore.ports import RateLimiter
from paycore.rate_limit import RateDecision, RateLimit
from paycore.use_cases import Authenticate

_STATE_KEY = "rate_limit"


@dataclass(frozen=True, slots=True, kw_only=True)
class RateLimits:
    limiter: RateLimiter
    payments: RateLimit
    auth: RateLimit


def _note(scope: Scope, decisions: Iterable[RateDecision]) -> RateDecision:
    """The tightest decision is the one the client must follow; it is kept for the hook."""
    tightest = min(decisions, key=lambda d: (d.allowed, d.remaining, -d.retry_after_seconds))
    scope.setdefault("state", {})[_STATE_KEY] = tightest
    return tightest


async def add_rate_limit_headers(message: Message, scope: Scope) -> None:
    decision = scope.get("state", {}).get(_STATE_KEY)
    if message["type"] != "http.response.start" or decision is None:
        return
    headers = MutableScopeHeaders.from_message(message)
    headers["RateLimit-Limit"] = str(decision.limit)
    headers["RateLimit-Remaining"] = str(decision.remaining)
    headers["RateLimit-Reset"] = str(decision.reset_header)
    if not decision.allowed:
        headers["Retry-After"] = str(decision.retry_after_header)


async def rate_limited_merchant_id(
    request: Request[Any, Any, Any],
    authenticate: NamedDependency[Authenticate],
    rate_limits: NamedDependency[RateLimits],
) -> str:
    """The authenticated merchant, once it is within its budget (429 otherwise)."""
    merchant_id = await current_merchant_id(request, authenticate)
    decision = await rate_limits.limiter.hit(f"merchant:{merchant_id}", rate_limits.payments)
    if not _note(request.scope, [decision]).allowed:
        raise RateLimited(decision)
    return merchant_id


class FailedAttempts:
    """The budget of failed sign-ins of a client address and of an email: while either is
    spent, every attempt is refused (429), the right key too, so guessing gets nowhere."""

    def __init__(
        self, request: Request[Any, Any, Any], rate_limits: RateLimits, email: object
    ) -> None:
        self._scope = request.scope
        self._limiter = rate_limits.limiter
        self._limit = rate_limits.auth
        address = request.client.host if request.client is not None else "unknown"
        self._keys = [f"auth:address:{address}"]
        if isinstance(email, str) and email.strip():
            # Hashed: the limiter's store (Redis) need not hold anyone's email.
            folded = email.strip().casefold().encode("utf-8", "surrogatepass")
            self._keys.append(f"auth:email:{hashlib.sha256(folded).hexdigest()[:32]}")

    async def refuse_if_spent(self) -> None:
        decisions = [await self._limiter.peek(key, self._limit) for key in self._keys]
        decision = _note(self._scope, decisions)
        if not decision.allowed:
            raise RateLimited(decision)

    async def count_failure(self) -> None:
        _note(self._scope, [await self._limiter.hit(key, self._limit) for key in self._keys])
