"""The storage contract against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.adapters.contract_events import EventContract, SqlEventContract
from tests.unit.adapters.contract_keys import KeysContract
from tests.unit.adapters.contract_lifecycle import LifecycleContract
from tests.unit.adapters.contract_storage import StorageContract
from tests.unit.adapters.deliveries_sql import postgres_recorder

pytestmark = pytest.mark.integration


class TestPostgresStorage(
    StorageContract, LifecycleContract, KeysContract, EventContract, SqlEventContract
):
    @pytest.fixture
    def database(self, pg_db):
        return pg_db

    @pytest.fixture
    def record_delivery(self, pg_db):
        return postgres_recorder(pg_db)
