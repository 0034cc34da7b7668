"""Fixtures: a simulator with the extensions on and no faults, shared by one test module."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.integration.banksim.support import Banksim, running_banksim


@pytest.fixture(scope="module")
def banksim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Banksim]:
    with running_banksim(tmp_path_factory.mktemp("banksim"), "--seed", "1") as server:
        yield server


@pytest.fixture
def client(banksim: Banksim) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=banksim.url, timeout=10) as http:
        yield http
