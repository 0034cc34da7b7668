from __future__ import annotations

import pytest

from adapters.memory import InMemoryBank
from tests.unit.paycore.gateway import Gateway


@pytest.fixture
def bank() -> InMemoryBank:
    return InMemoryBank()


@pytest.fixture
def gateway(bank: InMemoryBank) -> Gateway:
    return Gateway(bank=bank)
