"""The container as CLI tasks use it: resources opened on demand and closed on exit, the JWT
secret made only for what signs, and the same awaitable answer for real and fake resources."""

from __future__ import annotations

from pathlib import Path

from dependency_injector import providers

from adapters.memory import InMemoryStore
from entrypoints.runtime.admin import migrate
from entrypoints.runtime.container_use import build_container, resolve, task_container
from entrypoints.runtime.settings import Settings
from paycore.use_cases import (
    Authenticate,
    CapturePayment,
    ExpireAuthorizations,
    RefundPayment,
    RegisterMerchant,
    SettlePendingActions,
    VoidPayment,
)


def _embedded(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'paygate.db'}")


async def test_a_task_closes_the_database_it_opened(tmp_path: Path) -> None:
    async with task_container(_embedded(tmp_path)) as container:
        database = await resolve(container.database)
        assert await database.ping()

    assert not await database.ping()


async def test_the_secret_is_made_only_for_what_signs(tmp_path: Path) -> None:
    secret = tmp_path / "paygate.secret"
    async with task_container(_embedded(tmp_path)) as container:
        assert isinstance(await resolve(container.register_merchant), RegisterMerchant)
        assert not secret.exists()

        assert isinstance(await resolve(container.authenticate), Authenticate)
        assert secret.exists()


async def test_migrate_reports_once_and_needs_no_secret(tmp_path: Path) -> None:
    first = await migrate(_embedded(tmp_path))
    again = await migrate(_embedded(tmp_path))

    assert first[0] == "0001_init" and again == []
    assert not (tmp_path / "paygate.secret").exists()


async def test_a_resource_swapped_for_a_plain_object_is_awaited_all_the_same() -> None:
    container = build_container(Settings(jwt_secret="s" * 40, bank_url="http://127.0.0.1:9"))
    store = InMemoryStore()
    container.database.override(providers.Object(store))

    assert await resolve(container.database) is store
    assert isinstance(await resolve(container.register_merchant), RegisterMerchant)


async def test_the_lifecycle_use_cases_and_sweeps_share_the_bank_client() -> None:
    from adapters.bank import HttpAcquiringBank

    settings = Settings(jwt_secret="s" * 40, bank_url="http://127.0.0.1:9", bank_actions=False)
    container = build_container(settings)
    container.database.override(providers.Object(InMemoryStore()))

    bank = await resolve(container.bank)
    assert isinstance(bank, HttpAcquiringBank) and not bank.supports_actions
    for provider, kind in [
        (container.capture_payment, CapturePayment),
        (container.void_payment, VoidPayment),
        (container.refund_payment, RefundPayment),
        (container.settle_pending_actions, SettlePendingActions),
        (container.expire_authorizations, ExpireAuthorizations),
    ]:
        assert isinstance(await resolve(provider), kind)
    assert (await resolve(container.settle_pending_actions)).acquirer is bank
    await container.shutdown_resources()
