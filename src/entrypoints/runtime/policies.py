"""What the settings mean to the domain: its policies and token lifetimes."""

from __future__ import annotations

from datetime import timedelta

from entrypoints.runtime.settings import Settings
from paycore.token_claims import TokenLifetimes
from paycore.use_cases import ExpiryPolicy, RetentionPolicy, SettlementPolicy


def settlement_policy(settings: Settings) -> SettlementPolicy:
    return SettlementPolicy(
        older_than=timedelta(seconds=settings.settlement_age),
        give_up_after=timedelta(seconds=settings.settle_give_up_after),
    )


def expiry_policy(settings: Settings) -> ExpiryPolicy:
    return ExpiryPolicy(ttl=timedelta(seconds=settings.authorization_ttl))


def token_lifetimes(settings: Settings) -> TokenLifetimes:
    return TokenLifetimes(
        access=timedelta(seconds=settings.access_token_ttl),
        refresh=timedelta(seconds=settings.refresh_token_ttl),
    )


def retention_policy(settings: Settings) -> RetentionPolicy:
    return RetentionPolicy(idempotency_ttl=timedelta(seconds=settings.idempotency_ttl))
