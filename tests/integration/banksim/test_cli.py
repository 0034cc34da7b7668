"""Settings from flags and BANKSIM_* variables (the process itself is run by the other tests)."""

from __future__ import annotations

import pytest

from banksim.cli import parse_settings
from banksim.settings import BanksimSettings


def test_defaults() -> None:
    assert parse_settings([], environ={}) == BanksimSettings()
    assert (BanksimSettings().host, BanksimSettings().port) == ("127.0.0.1", 8081)


def test_environment_variables_set_every_option() -> None:
    environ = {
        "BANKSIM_LATENCY_MS": "12.5", "BANKSIM_JITTER_MS": "3", "BANKSIM_FAIL_RATE": "0.25",
        "BANKSIM_HANG_RATE": "0.1", "BANKSIM_HANG_SECONDS": "4", "BANKSIM_SEED": "7",
        "BANKSIM_PLAIN": "true",
    }  # fmt: skip
    assert parse_settings([], environ=environ) == BanksimSettings(
        latency_ms=12.5, jitter_ms=3, fail_rate=0.25, hang_rate=0.1, hang_seconds=4, seed=7,
        plain=True,
    )  # fmt: skip


def test_a_flag_wins_over_its_variable() -> None:
    settings = parse_settings(
        ["--fail-rate", "0.5", "--port", "9000", "--plain"],
        environ={"BANKSIM_FAIL_RATE": "0.9", "BANKSIM_PLAIN": "0"},
    )
    assert (settings.fail_rate, settings.port, settings.plain) == (0.5, 9000, True)


@pytest.mark.parametrize(
    ("argv", "environ"),
    [
        (["--fail-rate", "1.5"], {}),
        (["--hang-rate", "-0.1"], {}),
        (["--latency-ms", "-1"], {}),
        (["--port", "70000"], {}),
        ([], {"BANKSIM_JITTER_MS": "lots"}),
        ([], {"BANKSIM_SEED": "x"}),
    ],
)
def test_bad_values_exit_with_a_usage_error(argv: list[str], environ: dict[str, str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_settings(argv, environ=environ)
    assert exit_info.value.code == 2
