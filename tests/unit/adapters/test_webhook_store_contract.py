"""The webhook store contract against the in-memory reference and SQLite."""

from __future__ import annotations

import pytest

from adapters.memory import InMemoryStore
from tests.unit.adapters.contract_webhooks import WebhookStoreContract


class TestInMemoryWebhookStore(WebhookStoreContract):
    @pytest.fixture
    def database(self):
        return InMemoryStore()


class TestSqliteWebhookStore(WebhookStoreContract):
    @pytest.fixture
    def database(self, sqlite_db):
        return sqlite_db
