"""The webhook store contract against PostgreSQL."""

from __future__ import annotations

import pytest

from tests.unit.adapters.contract_webhooks import WebhookStoreContract

pytestmark = pytest.mark.integration


class TestPostgresWebhookStore(WebhookStoreContract):
    @pytest.fixture
    def database(self, pg_db):
        return pg_db
