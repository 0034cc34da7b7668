"""The hot routes resolve their dependencies one at a time: Litestar starts an anyio task
group for every level that holds two or more, which cost 6 % of a cached retrieval's CPU."""

from __future__ import annotations

from typing import Any

import pytest
from litestar._kwargs import kwargs_model

from tests.integration.http.conftest import payment_body


@pytest.fixture
def task_groups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    started: list[int] = []
    real = kwargs_model.create_task_group

    def counted() -> Any:
        started.append(1)
        return real()

    monkeypatch.setattr(kwargs_model, "create_task_group", counted)
    return started


async def test_a_payment_and_its_retrieval_start_no_task_group(client, auth, task_groups) -> None:
    created = await client.post("/v1/payments", json=payment_body(), headers=auth)
    assert created.status_code == 201
    task_groups.clear()  # the login before it may have used one: not a hot path

    created = await client.post("/v1/payments", json=payment_body(), headers=auth)
    read = await client.get(f"/v1/payments/{created.json()['id']}", headers=auth)
    listed = await client.get("/v1/payments", headers=auth)
    assert (created.status_code, read.status_code, listed.status_code) == (201, 200, 200)
    assert read.headers["RateLimit-Limit"]  # the merchant's budget was still spent
    assert task_groups == []


async def test_the_count_sees_a_level_of_two(client, task_groups) -> None:
    # The sign-in route resolves its use case and the rate limits side by side.
    answer = await client.post(
        "/v1/auth/generate_access_token", json={"email": "nobody@example.com", "api_key": "x"}
    )
    assert answer.status_code == 401
    assert task_groups, "the counter must be able to see a task group"
