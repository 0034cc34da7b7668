"""The storage contract against the in-memory reference and the SQLite adapter."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryStore
from tests.unit.adapters.contract_storage import StorageContract


class TestInMemoryStorage(StorageContract):
    @pytest.fixture
    def new_uow(self):
        return InMemoryStore().unit_of_work


class TestSqliteStorage(StorageContract):
    @pytest.fixture
    def new_uow(self, sqlite_db):
        return sqlite_db.unit_of_work
