"""Every documented answer of the webhook endpoint routes, for the OpenAPI coverage test."""

from __future__ import annotations

PATH = "/v1/webhook_endpoints"


async def exercise_webhooks(client, auth) -> None:
    body = {"url": "https://shop.example.com/hooks", "events": ["*"]}
    created = await client.post(PATH, json=body, headers=auth)
    await client.post(PATH, json={"url": "ftp://x"}, headers=auth)
    await client.post(PATH, json=body)
    await client.get(PATH, headers=auth)
    await client.get(PATH, params={"limit": "0"}, headers=auth)
    await client.get(PATH)
    await client.delete(f"{PATH}/{created.json()['id']}", headers=auth)
    await client.delete(f"{PATH}/{created.json()['id']}", headers=auth)
    await client.delete(f"{PATH}/we_x")
