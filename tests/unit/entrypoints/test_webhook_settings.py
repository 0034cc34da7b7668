"""The webhook settings: parsed (fractions allowed), defaulted, and the sealing key."""

from __future__ import annotations

import pytest

from entrypoints.runtime.keys import webhook_key
from entrypoints.runtime.settings import Settings, SettingsError, load_settings

PG = {"PAYGATE_DATABASE_URL": "postgresql://x@127.0.0.1/db"}


def test_the_webhook_settings_are_read_with_fractions() -> None:
    s = load_settings(
        {
            "PAYGATE_WEBHOOK_KEY": "k" * 32,
            "PAYGATE_WEBHOOK_ALLOW_PRIVATE": "true",
            "PAYGATE_WEBHOOK_TIMEOUT": "0.5",
            "PAYGATE_WEBHOOK_RETRY_BASE": "0.05",
            "PAYGATE_WEBHOOK_MAX_ATTEMPTS": "3",
            "PAYGATE_WEBHOOK_INTERVAL": "0.1",
            "PAYGATE_WEBHOOK_CONCURRENCY": "4",
        },
        env_file=None,
    )
    assert (s.webhook_timeout, s.webhook_retry_base, s.webhook_max_attempts) == (0.5, 0.05, 3)
    assert (s.webhook_interval, s.webhook_concurrency) == (0.1, 4)
    assert s.webhooks_reach_private is True
    assert webhook_key(s) == b"k" * 32


def test_defaults_follow_the_contract() -> None:
    s = load_settings({}, env_file=None)
    assert (s.webhook_timeout, s.webhook_retry_base, s.webhook_max_attempts) == (10.0, 60.0, 12)
    assert s.webhooks_reach_private is True  # embedded mode
    assert load_settings(PG, env_file=None).webhooks_reach_private is False
    refused = load_settings(PG | {"PAYGATE_WEBHOOK_ALLOW_PRIVATE": "false"}, env_file=None)
    assert refused.webhooks_reach_private is False


@pytest.mark.parametrize(
    ("name", "value"),
    [("WEBHOOK_KEY", "short"), ("WEBHOOK_ALLOW_PRIVATE", "maybe"), ("WEBHOOK_MAX_ATTEMPTS", "0"),
     ("WEBHOOK_TIMEOUT", "soon")],
)  # fmt: skip
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"PAYGATE_{name}"):
        load_settings({f"PAYGATE_{name}": value}, env_file=None)


def test_the_sealing_key_defaults_to_the_jwt_secret_and_needs_one() -> None:
    assert webhook_key(Settings(jwt_secret="j" * 40)) == b"j" * 40
    with pytest.raises(SettingsError, match="PAYGATE_WEBHOOK_KEY"):
        webhook_key(Settings())
