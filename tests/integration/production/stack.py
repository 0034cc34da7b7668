"""The production stack this package runs: what each process is and how it is configured."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from entrypoints.runtime.embedded_bank import free_port
from tests.integration.production.clients import Merchant
from tests.integration.production.processes import Service
from tests.integration.storage.redis_server import RedisServer

JWT_SECRET = secrets.token_urlsafe(48)


@dataclass(frozen=True, slots=True)
class Place:
    """Where the stack lives: its database, its Redis, its folder of logs."""

    database_url: str
    redis_url: str
    folder: Path

    def env(self, bank_url: str | None = None, **overrides: str) -> dict[str, str]:
        env = {
            "PAYGATE_DATABASE_URL": self.database_url,
            "PAYGATE_REDIS_URL": self.redis_url,
            "PAYGATE_JWT_SECRET": JWT_SECRET,
            # The tests here burst and fail sign-ins on purpose, all from 127.0.0.1 on one
            # shared Redis: the limits they do not measure must not get in their way.
            "PAYGATE_RATE_LIMIT": "1000000/s",
            "PAYGATE_AUTH_RATE_LIMIT": "1000000/s",
        }
        if bank_url is not None:
            env["PAYGATE_BANK_URL"] = bank_url
        return env | {f"PAYGATE_{name.upper()}": value for name, value in overrides.items()}

    def banksim(self, name: str, *flags: str) -> Service:
        port = free_port()
        args = ["banksim", "--port", str(port), "--log-level", "warning", *flags]
        return Service(name, args, port, self.folder)

    def gateway(self, name: str, env: dict[str, str], workers: int = 1) -> Service:
        port = free_port()
        args = ["entrypoints", "serve", "--port", str(port), "--workers", str(workers)]
        return Service(name, args, port, self.folder, env)


@dataclass(frozen=True, slots=True)
class Production:
    """Every process of the package, started at once (their CPU-bound startups overlap).

    - `bank`: a normal bank simulator; `single` (one process) and `workers`
      (`serve --workers 2`, metrics files in `metrics_dir`) are two `serve` processes on
      one database, one Redis and that bank.
    - `hanging_bank` charges, then holds every answer 3 s; `hanging_gateway` waits 0.5 s
      for it and settles every 0.2 s (PAYGATE_SETTLE_AFTER=3).
    - `outage_gateway` caches in `private_redis`, a redis-server tests may stop and start.
    """

    place: Place
    merchant: Merchant
    bank: Service
    single: Service
    workers: Service
    metrics_dir: Path
    hanging_bank: Service
    hanging_gateway: Service
    private_redis: RedisServer
    outage_gateway: Service

    @property
    def database_url(self) -> str:
        return self.place.database_url

    @property
    def logs(self) -> list[Path]:
        return sorted(self.place.folder.glob("*.log"))
