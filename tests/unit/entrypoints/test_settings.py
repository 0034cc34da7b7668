from __future__ import annotations

from pathlib import Path

import pytest

from entrypoints.runtime.keys import read_or_create_secret, with_jwt_secret
from entrypoints.runtime.settings import Settings, SettingsError, load_settings


def test_defaults_are_embedded_mode() -> None:
    settings = load_settings({}, env_file=None)

    assert settings.database_url == "sqlite:///paygate.db"
    assert settings.sqlite_path == Path("paygate.db")
    assert settings.embedded_bank and settings.redis_url is None
    assert settings.currencies == {"USD", "EUR", "GBP"}
    assert (settings.bank_timeout, settings.bank_retries, settings.settle_interval) == (10, 2, 30)


def test_environment_values_are_parsed() -> None:
    settings = load_settings(
        {
            "PAYGATE_DATABASE_URL": "postgresql://u@h/db",
            "PAYGATE_BANK_URL": "http://bank:8081",
            "PAYGATE_CURRENCIES": "usd, JPY",
            "PAYGATE_BANK_TIMEOUT": "2.5",
            "PAYGATE_BREAKER_THRESHOLD": "3",
            "PAYGATE_MAX_AMOUNT": "5000",
            "PAYGATE_LOG_FORMAT": "JSON",
        },
        env_file=None,
    )

    assert settings.uses_postgres and not settings.embedded_bank
    assert settings.currencies == {"USD", "JPY"}
    assert settings.bank_timeout == 2.5 and settings.breaker_threshold == 3
    assert settings.max_amount == 5000 and settings.log_format == "json"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PAYGATE_BANK_TIMEOUT", "soon"),
        ("PAYGATE_BANK_RETRIES", "-1"),
        ("PAYGATE_CURRENCIES", "USD,XYZ"),
        ("PAYGATE_LOG_FORMAT", "xml"),
        ("PAYGATE_AUTHORIZATION_TTL", "0"),
        ("PAYGATE_BANK_ACTIONS", "maybe"),
        ("PAYGATE_DATABASE_URL", "mysql://x"),
        ("PAYGATE_JWT_SECRET", "change-me"),
        ("PAYGATE_FINGERPRINT_KEY", "short"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name.removeprefix("PAYGATE_")[:8]):
        load_settings({name: value}, env_file=None)


def test_dotenv_never_overrides_the_environment(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PAYGATE_BANK_RETRIES=7\nPAYGATE_BREAKER_RESET=9\n")

    settings = load_settings({"PAYGATE_BANK_RETRIES": "1"}, env_file=env_file)

    assert settings.bank_retries == 1 and settings.breaker_reset == 9


def test_embedded_secret_is_created_once_with_0600(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'data' / 'paygate.db'}")

    first = with_jwt_secret(settings)
    second = with_jwt_secret(settings)

    assert first.jwt_secret == second.jwt_secret and len(first.jwt_secret or "") >= 32
    secret_file = tmp_path / "data" / "paygate.secret"
    assert secret_file.stat().st_mode & 0o777 == 0o600


def test_postgres_requires_a_secret() -> None:
    with pytest.raises(SettingsError, match="JWT_SECRET"):
        with_jwt_secret(Settings(database_url="postgresql://u@h/db"))


def test_a_damaged_secret_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "paygate.secret").write_text("short")

    with pytest.raises(SettingsError):
        read_or_create_secret(tmp_path / "paygate.secret")


def test_settlement_waits_past_the_longest_bank_call_by_default() -> None:
    settings = load_settings({}, env_file=None)
    # 3 attempts of (2 s connect + 10 s read) plus 2 s of backoff = 38 s, doubled.
    assert settings.longest_bank_call == 38.0
    assert settings.settlement_age == 76.0
    quick = load_settings({"PAYGATE_BANK_TIMEOUT": "1", "PAYGATE_BANK_RETRIES": "0"}, None)
    assert quick.settlement_age == 60.0


def test_settle_after_shorter_than_a_bank_call_is_refused() -> None:
    env = {"PAYGATE_BANK_TIMEOUT": "0.5", "PAYGATE_BANK_RETRIES": "0"}
    assert load_settings({**env, "PAYGATE_SETTLE_AFTER": "3"}, None).settlement_age == 3.0
    with pytest.raises(SettingsError, match="PAYGATE_SETTLE_AFTER must exceed"):
        load_settings({**env, "PAYGATE_SETTLE_AFTER": "2"}, None)


def test_the_container_builds_the_settlement_policy_from_settings() -> None:
    from datetime import timedelta

    from entrypoints.runtime.container import settlement_policy

    env = {"PAYGATE_SETTLE_AFTER": "90", "PAYGATE_SETTLE_GIVE_UP_AFTER": "3600"}
    policy = settlement_policy(load_settings(env, None))
    assert policy.older_than == timedelta(seconds=90)
    assert policy.give_up_after == timedelta(hours=1)


def test_authorizations_last_a_week_and_banks_take_actions_by_default() -> None:
    from datetime import timedelta

    from entrypoints.runtime.policies import expiry_policy

    defaults = load_settings({}, env_file=None)
    assert expiry_policy(defaults).ttl == timedelta(days=7)
    assert defaults.bank_actions

    env = {"PAYGATE_AUTHORIZATION_TTL": "3600", "PAYGATE_BANK_ACTIONS": "False"}
    configured = load_settings(env, env_file=None)
    assert expiry_policy(configured).ttl == timedelta(hours=1)
    assert not configured.bank_actions
