from __future__ import annotations

import json
from pathlib import Path

import pytest

from entrypoints.runtime.cli import build_parser, main


def test_help_explains_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])

    text = capsys.readouterr().out
    for command in ("serve", "banksim", "merchants", "migrate"):
        assert command in text
    assert "paygate.db" in text


def test_merchants_create_prints_a_key_once(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("PAYGATE_DATABASE_URL", "PAYGATE_JWT_SECRET", "PAYGATE_FINGERPRINT_KEY"):
        monkeypatch.delenv(name, raising=False)

    main(["merchants", "create", "--email", "shop@example.com", "--json"])
    created = json.loads(capsys.readouterr().out)
    with pytest.raises(SystemExit, match="already exists"):
        main(["merchants", "create", "--email", "shop@example.com"])

    assert created["email"] == "shop@example.com"
    assert created["api_key"].startswith("sk_") and created["merchant_id"]
    assert created["api_key"] not in (tmp_path / "paygate.db").read_bytes().decode("latin-1")


def test_rotate_key_prints_a_new_key_and_disable_names_the_merchant(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("PAYGATE_DATABASE_URL", "PAYGATE_JWT_SECRET", "PAYGATE_FINGERPRINT_KEY"):
        monkeypatch.delenv(name, raising=False)
    main(["merchants", "create", "--email", "shop@example.com", "--json"])
    first = json.loads(capsys.readouterr().out)

    main(["merchants", "rotate-key", "--email", "shop@example.com", "--keep-old-for", "60"])
    printed = capsys.readouterr().out
    main(["merchants", "rotate-key", "--email", "shop@example.com", "--json"])
    rotated = json.loads(capsys.readouterr().out)
    main(["merchants", "disable", "--email", "shop@example.com"])

    (line,) = [line for line in printed.splitlines() if line.startswith("api_key: ")]
    assert line.startswith("api_key: sk_") and first["api_key"] not in printed
    assert rotated["api_key"].startswith("sk_") and rotated["merchant_id"] == first["merchant_id"]
    assert "shop@example.com disabled" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="does not exist"):
        main(["merchants", "rotate-key", "--email", "nobody@example.com"])
    with pytest.raises(SystemExit):
        main(["merchants", "rotate-key", "--email", "shop@example.com", "--keep-old-for", "-1"])


def test_migrate_creates_the_database(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PAYGATE_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")

    main(["migrate"])

    assert "up to date" in capsys.readouterr().out
    assert (tmp_path / "x.db").exists()


def test_configuration_errors_are_one_line(monkeypatch) -> None:
    monkeypatch.setenv("PAYGATE_BANK_TIMEOUT", "never")

    with pytest.raises(SystemExit, match="PAYGATE_BANK_TIMEOUT"):
        main(["migrate"])
