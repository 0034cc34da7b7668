"""Configuration from the environment (and a `.env` file that never overrides it)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from entrypoints.runtime.environment import Environment, SettingsError
from paycore.rate_limit import RateLimit
from paycore.validation import DEFAULT_CURRENCIES, DEFAULT_MAX_AMOUNT

DEFAULT_DATABASE_URL = "sqlite:///paygate.db"
DEFAULT_RATE_LIMIT = RateLimit(100, 1.0)  # requests per merchant on /v1/payments...
DEFAULT_AUTH_RATE_LIMIT = RateLimit(10, 60.0)  # failed sign-ins per address, per email
BANK_CONNECT_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    bank_url: str | None = None
    jwt_secret: str | None = field(default=None, repr=False)
    fingerprint_key: str | None = field(default=None, repr=False)
    currencies: frozenset[str] = DEFAULT_CURRENCIES
    max_amount: int = DEFAULT_MAX_AMOUNT
    bank_timeout: float = 10.0
    bank_retries: int = 2
    breaker_threshold: int = 5
    breaker_reset: float = 30.0
    # False for a bank that can only authorize: captures, voids and refunds are refused.
    bank_actions: bool = True
    settle_interval: float = 30.0
    settle_after: float | None = None
    settle_give_up_after: float = 24 * 3600.0
    authorization_ttl: float = 7 * 24 * 3600.0
    access_token_ttl: float = 15 * 60.0
    refresh_token_ttl: float = 7 * 24 * 3600.0
    # How long a login found signed in is trusted without reading the store again: the
    # longest a revoked login or removed merchant can still be let in by another process.
    auth_cache_seconds: float = 1.0
    log_format: str | None = None
    rate_limit: RateLimit = DEFAULT_RATE_LIMIT
    auth_rate_limit: RateLimit = DEFAULT_AUTH_RATE_LIMIT
    idempotency_ttl: float = 86400.0
    # Webhooks (API.md section 9): the key sealing endpoint secrets (else derived from the
    # JWT secret), whether private addresses may receive them (None: see below).
    webhook_key: str | None = field(default=None, repr=False)
    webhook_allow_private: bool | None = None
    webhook_timeout: float = 10.0
    webhook_retry_base: float = 60.0
    webhook_max_attempts: int = 12
    webhook_interval: float = 1.0
    webhook_concurrency: int = 20

    @property
    def uses_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def sqlite_path(self) -> Path:
        if not self.database_url.startswith("sqlite:///"):
            raise SettingsError(f"PAYGATE_DATABASE_URL: unsupported URL {self.database_url!r}")
        return Path(self.database_url.removeprefix("sqlite:///"))

    @property
    def longest_bank_call(self) -> float:
        """Seconds one authorization can take, every retry included (connect 2 s each)."""
        attempts = self.bank_retries + 1
        return attempts * (BANK_CONNECT_TIMEOUT + self.bank_timeout) + self.bank_retries

    @property
    def settlement_age(self) -> float:
        """Pending payments younger than this are still in flight, so the sweep leaves them.

        It must exceed the longest bank call: asked too early, a bank answers "never seen"
        for a charge it is about to make, and the payment would be failed wrongly.
        """
        if self.settle_after is not None:
            return self.settle_after
        return max(60.0, 2 * self.longest_bank_call)

    @property
    def embedded_bank(self) -> bool:
        return self.bank_url is None

    @property
    def webhooks_reach_private(self) -> bool:
        """Unless set: yes on SQLite (embedded mode, a receiver on this machine), no on
        PostgreSQL (a shared deployment, whose network a merchant must not probe)."""
        if self.webhook_allow_private is not None:
            return self.webhook_allow_private
        return not self.uses_postgres


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> Settings:
    """Real environment variables win over the `.env` file."""
    values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    env = Environment({k: v for k, v in values.items() if k.startswith("PAYGATE_") and v != ""})
    settings = Settings(
        database_url=env.text("DATABASE_URL") or DEFAULT_DATABASE_URL,
        redis_url=env.text("REDIS_URL"),
        bank_url=env.text("BANK_URL"),
        jwt_secret=env.key("JWT_SECRET", 32),
        fingerprint_key=env.key("FINGERPRINT_KEY", 16),
        currencies=env.currencies("CURRENCIES") or DEFAULT_CURRENCIES,
        max_amount=env.number("MAX_AMOUNT", int, DEFAULT_MAX_AMOUNT, minimum=1),
        bank_timeout=env.number("BANK_TIMEOUT", float, 10.0, minimum=0.001),
        bank_retries=env.number("BANK_RETRIES", int, 2, minimum=0),
        breaker_threshold=env.number("BREAKER_THRESHOLD", int, 5, minimum=1),
        breaker_reset=env.number("BREAKER_RESET", float, 30.0, minimum=0.001),
        bank_actions=env.flag("BANK_ACTIONS", True),
        settle_interval=env.number("SETTLE_INTERVAL", float, 30.0, minimum=0.01),
        settle_after=env.optional_number("SETTLE_AFTER", minimum=0.001),
        settle_give_up_after=env.number("SETTLE_GIVE_UP_AFTER", float, 86400.0, minimum=1),
        authorization_ttl=env.number("AUTHORIZATION_TTL", float, 604800.0, minimum=1),
        access_token_ttl=env.number("ACCESS_TOKEN_TTL", float, 900.0, minimum=1),
        refresh_token_ttl=env.number("REFRESH_TOKEN_TTL", float, 604800.0, minimum=1),
        auth_cache_seconds=env.number("AUTH_CACHE_SECONDS", float, 1.0, minimum=0.0),
        log_format=env.choice("LOG_FORMAT", ("json", "console")),
        rate_limit=env.rate("RATE_LIMIT", DEFAULT_RATE_LIMIT),
        auth_rate_limit=env.rate("AUTH_RATE_LIMIT", DEFAULT_AUTH_RATE_LIMIT),
        idempotency_ttl=env.number("IDEMPOTENCY_TTL", float, 86400.0, minimum=1),
        webhook_key=env.key("WEBHOOK_KEY", 32),
        webhook_allow_private=env.optional_flag("WEBHOOK_ALLOW_PRIVATE"),
        webhook_timeout=env.number("WEBHOOK_TIMEOUT", float, 10.0, minimum=0.01),
        webhook_retry_base=env.number("WEBHOOK_RETRY_BASE", float, 60.0, minimum=0.01),
        webhook_max_attempts=env.number("WEBHOOK_MAX_ATTEMPTS", int, 12, minimum=1),
        webhook_interval=env.number("WEBHOOK_INTERVAL", float, 1.0, minimum=0.01),
        webhook_concurrency=env.number("WEBHOOK_CONCURRENCY", int, 20, minimum=1),
    )
    if not settings.uses_postgres:
        settings.sqlite_path  # noqa: B018 - validates the URL early, with a clear message
    if settings.settle_after is not None and settings.settle_after <= settings.longest_bank_call:
        raise SettingsError(
            "PAYGATE_SETTLE_AFTER must exceed the longest bank call "
            f"({settings.longest_bank_call:g} s with this timeout and these retries)"
        )
    return settings
