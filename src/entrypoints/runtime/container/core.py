"""The container's base: settings, clock, ids and the I/O resources every part uses.

Every I/O resource (database, cache, bank client) is an async `Resource` (openers in
`resources.py`), opened at app startup or, in a CLI task, when first resolved, and closed
at shutdown. Tests override `database`, `cache`, `bank`, `clock` or `ids` with
`providers.Object(...)` to run the real app on in-memory adapters.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.clock_ids_hashing import HmacFingerprinter, SystemClock, Uuid7Generator
from adapters.observability import GatewayMetrics
from entrypoints.runtime.keys import fingerprint_key, with_jwt_secret
from entrypoints.runtime.resources import (
    open_bank,
    open_cache,
    open_database,
    refresh_token_uses_of,
    unit_of_work_factory,
)
from entrypoints.runtime.settings import Settings


class CoreProviders(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    migrate = providers.Dependency(instance_of=bool, default=True)
    # Only what signs or fingerprints needs the JWT secret (embedded mode: created on
    # first use), so `paygate migrate` runs without one.
    keyed_settings = providers.Singleton(with_jwt_secret, settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(Uuid7Generator)
    fingerprinter = providers.Singleton(
        HmacFingerprinter, key=providers.Callable(fingerprint_key, keyed_settings)
    )

    metrics = providers.Singleton(GatewayMetrics)
    database = providers.Resource(open_database, settings, migrate=migrate)
    cache = providers.Resource(open_cache, settings, metrics)
    bank = providers.Resource(open_bank, settings, metrics)
    unit_of_work = providers.Callable(unit_of_work_factory, database)
    refresh_token_uses = providers.Callable(refresh_token_uses_of, database)
