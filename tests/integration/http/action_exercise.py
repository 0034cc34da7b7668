"""Every documented answer of the capture, void and refund routes, for the test that checks
each documented (route, status) is answered as documented."""

from __future__ import annotations

from typing import Any

from adapters.memory import InMemoryBank
from paycore.acquirer_actions import ActionRefused
from paycore.bank import Unavailable, Unknown
from paycore.payment import FailureReason
from tests.integration.http.conftest import payment_body

UNKNOWN_ID = "01a233b0-0000-7000-8000-000000000000"


async def authorized(client: Any, auth: dict[str, str], **body: Any) -> str:
    response = await client.post("/v1/payments", json=payment_body(**body), headers=auth)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def exercise_actions(client: Any, auth: dict[str, str], bank: InMemoryBank) -> None:
    for route, body in (("captures", {"amount": 525}), ("voids", None), ("refunds", None)):
        payment_id = await authorized(client, auth)
        if route == "refunds":
            await client.post(f"/v1/payments/{payment_id}/captures", headers=auth)
        url = f"/v1/payments/{payment_id}/{route}"
        await client.post(url, headers=auth, json=body)  # 201
        await client.post(f"/v1/payments/{UNKNOWN_ID}/{route}", headers=auth)  # 404
        await client.post(url, json=body)  # 401
        await client.post(url, headers=auth | {"Idempotency-Key": ""})  # 400
        bank.supports_actions = False
        await client.post(url, headers=auth)  # 422
        bank.supports_actions = True
        for outcome in (
            Unknown("timed out"),
            ActionRefused("already_voided"),
            Unavailable(FailureReason.BANK_UNAVAILABLE, retry_after_seconds=3),
        ):
            fresh = await authorized(client, auth)
            if route == "refunds":
                await client.post(f"/v1/payments/{fresh}/captures", headers=auth)
            bank.action_script.append(outcome)
            await client.post(f"/v1/payments/{fresh}/{route}", headers=auth)  # 202, 502, 503
    voided = await authorized(client, auth)
    await client.post(f"/v1/payments/{voided}/voids", headers=auth)
    await client.post(f"/v1/payments/{voided}/captures", headers=auth)  # 409
    await client.post(f"/v1/payments/{voided}/refunds", headers=auth)  # 409
    await client.post(f"/v1/payments/{voided}/voids", headers=auth)  # 409
    captured = await authorized(client, auth)
    await client.post(f"/v1/payments/{captured}/captures", headers=auth, json={"amount": 2000})
    await client.post(f"/v1/payments/{captured}/captures", headers=auth, json={"amount": 0})
    await client.post(f"/v1/payments/{captured}/captures", headers=auth)
    await client.post(f"/v1/payments/{captured}/refunds", headers=auth, json={"amount": 5000})
    await client.post(f"/v1/payments/{captured}/refunds", headers=auth, json={"amount": "1"})
