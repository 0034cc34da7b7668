"""A name that resolved to a public address at registration and resolves to a forbidden
one later is refused at delivery: the attempt records why, nothing is sent."""

from __future__ import annotations

import pytest

from paycore.errors import ValidationFailed
from tests.integration.webhooks.harness import hooks
from tests.integration.webhooks.receiver import Receiver
from tests.unit.adapters.builders import new_id
from tests.webhook_rows import attempts_of, deliveries_of, event, record_event


class ChangingResolver:
    def __init__(self, **names: list[str]) -> None:
        self.names = names

    async def addresses(self, host: str) -> list[str]:
        return self.names.get(host, [])


@pytest.mark.parametrize(
    "later", ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "fd00::1", "0.0.0.0"]
)
async def test_a_name_rebound_to_a_forbidden_address_is_refused(sqlite_db, later) -> None:
    m = new_id()
    resolver = ChangingResolver(**{"hooks.example.test": ["93.184.216.34"]})
    with Receiver(200) as receiver:
        settings = {"allow_private": False, "max_attempts": 2, "retry_base": 0.01}
        async with hooks(sqlite_db, resolver=resolver, **settings) as h:
            await h.register(m, {"url": "https://hooks.example.test/in", "events": ["*"]})
            resolver.names["hooks.example.test"] = ["93.184.216.34", later]
            await record_event(sqlite_db, event(m))

            async def failed() -> bool:
                return (await deliveries_of(sqlite_db))[0][3] == "failed"

            await h.run_until(failed)

    [row] = await deliveries_of(sqlite_db)
    attempts = await attempts_of(sqlite_db, row[0])
    assert len(attempts) == 2
    assert all(a.error.startswith("refused: hooks.example.test resolves to") for a in attempts)
    assert later in attempts[0].error
    assert receiver.received == []


async def test_registration_refuses_a_name_resolving_to_a_private_address(sqlite_db) -> None:
    resolver = ChangingResolver(**{"intranet.example.test": ["93.184.216.34", "192.168.1.5"]})
    async with hooks(sqlite_db, allow_private=False, resolver=resolver) as h:
        with pytest.raises(ValidationFailed) as refused:
            await h.register(new_id(), {"url": "http://intranet.example.test/", "events": ["*"]})
        with pytest.raises(ValidationFailed, match="does not resolve"):
            await h.register(new_id(), {"url": "http://nowhere.example.test/", "events": ["*"]})

    assert refused.value.errors[0].field == "url"
    assert "a private address (192.168.1.5)" in refused.value.errors[0].message
