"""Every answer of /v1/api_keys and every 429, for the document test to check."""

from __future__ import annotations

from dependency_injector import providers

from adapters.memory import InMemoryRateLimiter
from entrypoints.http.rate_limiting import RateLimits
from paycore.rate_limit import RateLimit
from paycore.use_cases.retrieve_payment import HitThenCacheRead

ONE_PER_HOUR = RateLimit(1, 3600.0)


async def exercise_api_keys(client, auth: dict[str, str]) -> None:
    created = (await client.post("/v1/api_keys", headers=auth)).json()
    await client.post("/v1/api_keys")
    await client.get("/v1/api_keys", headers=auth)
    await client.get("/v1/api_keys")
    await client.delete(f"/v1/api_keys/{created['id']}", headers=auth)
    await client.delete(f"/v1/api_keys/{created['id']}", headers=auth)  # 404: revoked
    (last,) = (await client.get("/v1/api_keys", headers=auth)).json()["data"]
    await client.delete(f"/v1/api_keys/{last['id']}", headers=auth)  # 409: the last one
    await client.delete(f"/v1/api_keys/{last['id']}")


async def exercise_rate_limits(client, container, auth: dict[str, str], login: dict) -> None:
    """With budgets of one, the first request spends it and every next one is refused."""
    limiter = InMemoryRateLimiter()
    reads = HitThenCacheRead(limiter, await container.cache())
    limits = RateLimits(
        limiter=limiter, payments=ONE_PER_HOUR, auth=ONE_PER_HOUR, cached_read=reads
    )
    container.rate_limits.override(providers.Object(limits))
    try:
        legacy = {"Bearer-Token": auth["Authorization"].removeprefix("Bearer ")}
        payment = "/v1/payments/01a233b0-374e-7527-9a5c-a36dfe74f5fb"
        await client.get("/v1/payments", headers=auth)
        for method, path, headers in [
            ("POST", "/v1/payments", auth), ("GET", "/v1/payments", auth),
            ("GET", payment, auth), ("POST", payment + "/captures", auth),
            ("POST", payment + "/voids", auth), ("POST", payment + "/refunds", auth),
            ("POST", "/v1/process-payment", legacy), ("GET", "/v1/get-payment", legacy),
        ]:  # fmt: skip
            await client.request(method, path, json={}, headers=headers)
        await client.post("/v1/auth/generate_access_token", json=login | {"api_key": "sk_no"})
        await client.post("/v1/auth/generate_access_token", json=login)
        await client.post("/v1/auth/refresh", json={"token": "x"})
    finally:
        container.rate_limits.reset_override()
