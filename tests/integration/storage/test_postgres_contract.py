"""The storage contract against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.adapters.contract_storage import StorageContract

pytestmark = pytest.mark.integration


class TestPostgresStorage(StorageContract):
    @pytest.fixture
    def database(self, pg_db):
        return pg_db
