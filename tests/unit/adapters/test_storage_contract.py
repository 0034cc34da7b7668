"""The storage contract against the in-memory reference and the SQLite adapter."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryStore
from paycore.events import EventDelivery
from tests.unit.adapters.contract_events import EventContract, SqlEventContract
from tests.unit.adapters.contract_keys import KeysContract
from tests.unit.adapters.contract_lifecycle import LifecycleContract
from tests.unit.adapters.contract_storage import StorageContract
from tests.unit.adapters.deliveries_sql import record_in_memory, sqlite_recorder


class TestInMemoryStorage(StorageContract, LifecycleContract, KeysContract, EventContract):
    @pytest.fixture
    def database(self):
        return InMemoryStore()

    @pytest.fixture
    def record_delivery(self, database):
        async def record(_merchant_id: str, delivery: EventDelivery) -> None:
            record_in_memory(database, delivery)

        return record


class TestSqliteStorage(
    StorageContract, LifecycleContract, KeysContract, EventContract, SqlEventContract
):
    @pytest.fixture
    def database(self, sqlite_db):
        return sqlite_db

    @pytest.fixture
    def record_delivery(self, sqlite_db):
        return sqlite_recorder(sqlite_db)
