"""The storage contract against the in-memory reference and the SQLite adapter."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryStore
from tests.unit.adapters.contract_keys import KeysContract
from tests.unit.adapters.contract_lifecycle import LifecycleContract
from tests.unit.adapters.contract_storage import StorageContract


class TestInMemoryStorage(StorageContract, LifecycleContract, KeysContract):
    @pytest.fixture
    def database(self):
        return InMemoryStore()


class TestSqliteStorage(StorageContract, LifecycleContract, KeysContract):
    @pytest.fixture
    def database(self, sqlite_db):
        return sqlite_db
