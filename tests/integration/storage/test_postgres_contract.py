"""The storage contract against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.adapters.contract_keys import KeysContract
from tests.unit.adapters.contract_lifecycle import LifecycleContract
from tests.unit.adapters.contract_storage import StorageContract

pytestmark = pytest.mark.integration


class TestPostgresStorage(StorageContract, LifecycleContract, KeysContract):
    @pytest.fixture
    def database(self, pg_db):
        return pg_db
