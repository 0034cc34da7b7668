"""Rate limits over HTTP: per merchant on /v1/payments..., per client address and per email
on failed sign-ins. Each limited request's decision is kept in its scope state; one
before-send hook writes the `RateLimit-*` headers from it, on answers and errors alike."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from litestar import Request
from litestar.di import NamedDependency
from litestar.types import Message, Scope

from entrypoints.http.auth import current_merchant_id
from entrypoints.http.raw_headers import append_headers, replace_header
from paycore.errors import InvalidCredentials, RateLimited
from paycore.ports import RateLimitedCacheRead, RateLimiter
from paycore.rate_limit import RateDecision, RateLimit
from paycore.use_cases import Authenticate

_STATE_KEY = "rate_limit"


@dataclass(frozen=True, slots=True, kw_only=True)
class RateLimits:
    limiter: RateLimiter
    payments: RateLimit
    auth: RateLimit
    # The limiter's hit and the cache's read of a retrieval, in one step where they can.
    cached_read: RateLimitedCacheRead


def _note(scope: Scope, decisions: Iterable[RateDecision]) -> RateDecision:
    """The tightest decision is the one the client must follow; it is kept for the hook."""
    tightest = min(decisions, key=lambda d: (d.allowed, d.remaining, -d.retry_after_seconds))
    scope.setdefault("state", {})[_STATE_KEY] = tightest
    return tightest


async def add_rate_limit_headers(message: Message, scope: Scope) -> None:
    decision = scope.get("state", {}).get(_STATE_KEY)
    if message["type"] != "http.response.start" or decision is None:
        return
    append_headers(
        message,
        [
            ("RateLimit-Limit", str(decision.limit)),
            ("RateLimit-Remaining", str(decision.remaining)),
            ("RateLimit-Reset", str(decision.reset_header)),
        ],
    )
    if not decision.allowed:
        replace_header(message, "Retry-After", str(decision.retry_after_header))


@dataclass(frozen=True, slots=True)
class MerchantGate:
    """What a rate-limited route needs before its handler, as one dependency: Litestar
    resolves two or more dependencies of one level in an anyio task group, which cost 6 %
    of a cached retrieval's CPU (bench/README.md); one is simply awaited."""

    authenticate: Authenticate
    rate_limits: RateLimits


async def rate_limited_merchant_id(
    request: Request[Any, Any, Any], merchant_gate: NamedDependency[MerchantGate]
) -> str:
    """The authenticated merchant, once it is within its budget (429 otherwise)."""
    merchant_id = await current_merchant_id(request, merchant_gate.authenticate)
    await spend_merchant_budget(request, merchant_gate.rate_limits, merchant_id)
    return merchant_id


def merchant_budget_key(merchant_id: str) -> str:
    return f"merchant:{merchant_id}"


async def spend_merchant_budget(
    request: Request[Any, Any, Any], rate_limits: RateLimits, merchant_id: str
) -> None:
    """One request of the merchant's budget spent (429 if none is left)."""
    key = merchant_budget_key(merchant_id)
    enforce(request.scope, await rate_limits.limiter.hit(key, rate_limits.payments))


def enforce(scope: Scope, decision: RateDecision) -> None:
    """The decision kept for the response's headers; a refusal raised (429)."""
    if not _note(scope, [decision]).allowed:
        raise RateLimited(decision)


class FailedAttempts:
    """The budget of failed sign-ins of a client address and of an email: while either is
    spent, every attempt is refused (429), the right key too, so guessing gets nowhere.

    An attempt spends from both budgets before the key is checked, so concurrent guesses
    cannot all slip past a check made before any of them failed; it gives back what it
    spent unless it fails on its credentials."""

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

    @asynccontextmanager
    async def attempt(self) -> AsyncIterator[None]:
        decisions = [await self._limiter.hit(key, self._limit) for key in self._keys]
        decision = _note(self._scope, decisions)
        if not decision.allowed:
            await self._give_back(
                [key for key, d in zip(self._keys, decisions, strict=True) if d.allowed]
            )
            raise RateLimited(decision)
        try:
            yield
        except InvalidCredentials:
            raise  # a failure: it stays spent
        except Exception:
            await self._give_back(self._keys)
            raise
        await self._give_back(self._keys)
        _note(self._scope, [await self._limiter.peek(key, self._limit) for key in self._keys])

    async def _give_back(self, keys: list[str]) -> None:
        for key in keys:
            await self._limiter.give_back(key, self._limit)
