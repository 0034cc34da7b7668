"""A hostile client against running gateways, embedded (SQLite) and production (PostgreSQL):
every malformed input is a 4xx that says what is wrong, never a 5xx or a traceback."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from entrypoints.runtime.embedded_bank import free_port
from tests.integration.production.clients import Merchant, auth, eventually, payment_body
from tests.integration.production.hostile_clients import (
    DEEP_NESTING,
    HUGE_INTEGER,
    HUGE_NUMBERS,
    JSON_ROUTES,
    signed_token,
    with_field,
)
from tests.integration.production.processes import Service, clean_environment
from tests.integration.production.stack import JWT_SECRET, Production

pytestmark = pytest.mark.integration
# No card of this package's balances: these requests are all refused before any bank call.
CARD = "4111111111111111"
SOME_ID = "0193e0a0-0000-7000-8000-000000000000"
LEGACY = {"card_number": CARD, "exp_month": 12, "exp_year": 30, "cvv": 9317, "currency": "USD"}


@dataclass(frozen=True, slots=True)
class Gateway:
    url: str
    merchant: Merchant
    log: Path

    def token(self) -> str:
        login = httpx.post(f"{self.url}/v1/auth/generate_access_token", json=self.credentials())
        assert login.status_code == 200, login.text
        return str(login.json()["data"]["token"]["access"]["token"])

    def credentials(self) -> dict[str, str]:
        return {"email": self.merchant.email, "api_key": self.merchant.api_key}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    """`paygate serve` with no services: SQLite, the embedded bank, a merchant of ours."""
    folder = tmp_path_factory.mktemp("embedded")
    env = {
        "PAYGATE_DATABASE_URL": f"sqlite:///{folder}/paygate.db",
        "PAYGATE_JWT_SECRET": JWT_SECRET,
    }
    created = subprocess.run(
        [sys.executable, "-m", "entrypoints", "merchants", "create", "--json", "--email",
         f"hostile-{secrets.token_hex(3)}@example.com"],
        cwd=folder, env=clean_environment(env), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    port = free_port()
    service = Service("embedded", ["entrypoints", "serve", "--port", str(port)], port, folder, env)
    try:
        service.wait_healthy()
        yield Gateway(service.url, Merchant(**json.loads(created.stdout)), service.log)
    finally:
        service.stop()


@pytest.fixture(params=["embedded", "postgres"])
def gateway(request: pytest.FixtureRequest) -> Gateway:
    if request.param == "embedded":
        return request.getfixturevalue("embedded")  # type: ignore[no-any-return]
    production: Production = request.getfixturevalue("production")
    return Gateway(production.single.url, production.merchant, production.single.log)


def assert_bad_request(response: httpx.Response, *words: str) -> None:
    assert response.status_code == 400, response.text
    text = response.text.lower()
    assert all(word in text for word in words), response.text


@pytest.mark.parametrize("route", JSON_ROUTES)
@pytest.mark.parametrize("number", HUGE_NUMBERS)
def test_numbers_no_decimal_can_hold_are_400(gateway: Gateway, route: str, number: bytes) -> None:
    body = with_field("x", number, {"token": "t", "email": "a@example.com"})
    response = httpx.post(f"{gateway.url}{route}", content=body, headers=auth(gateway.token()))

    assert_bad_request(response, "number too large or too small")


def test_a_legacy_amount_string_no_decimal_can_hold_is_400(gateway: Gateway) -> None:
    body = LEGACY | {"amount": "1E+100000000000000000000"}
    response = httpx.post(
        f"{gateway.url}/v1/process-payment", json=body, headers=auth(gateway.token())
    )

    assert_bad_request(response, "amount", "out of range")


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_deep_nesting_is_400(gateway: Gateway, route: str) -> None:
    body = with_field("x", DEEP_NESTING)
    response = httpx.post(f"{gateway.url}{route}", content=body, headers=auth(gateway.token()))

    assert_bad_request(response, "nests deeper")


def test_a_5001_digit_integer_is_named_as_such(gateway: Gateway) -> None:
    body = with_field("amount", HUGE_INTEGER, payment_body(CARD, 100))
    response = httpx.post(f"{gateway.url}/v1/payments", content=body, headers=auth(gateway.token()))

    assert_bad_request(response, "integer too large")


@pytest.mark.parametrize(
    ("route", "body"),
    [
        ("/v1/payments", payment_body(CARD, 100, "order\u0000-1")),
        ("/v1/process-payment", LEGACY | {"amount": 1, "reference": "a\u0000b"}),
        ("/v1/auth/generate_access_token", {"email": "a\u0000@example.com", "api_key": "k"}),
        ("/v1/auth/refresh", {"token": "t\u0000"}),
        ("/v1/payments", payment_body(CARD, 100) | {"note\u0000": 1}),
    ],
)
def test_nul_characters_are_400_on_every_storage(gateway: Gateway, route: str, body: dict) -> None:
    response = httpx.post(f"{gateway.url}{route}", json=body, headers=auth(gateway.token()))

    assert_bad_request(response, "nul")


@pytest.mark.parametrize("size", [17 * 1024, 8 * 1024 * 1024])
def test_oversized_headers_are_431(gateway: Gateway, size: int) -> None:
    response = httpx.get(f"{gateway.url}/health", headers={"X-Big": "a" * size}, timeout=30)

    assert response.status_code == 431
    fits = httpx.get(f"{gateway.url}/health", headers={"X-Big": "a" * 15 * 1024})
    assert fits.status_code == 200


@pytest.mark.parametrize("claim", ["exp", "nbf"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e300, 10**400])
def test_absurd_token_times_are_401(gateway: Gateway, claim: str, value: float | int) -> None:
    token = signed_token(JWT_SECRET, gateway.merchant.merchant_id, **{claim: value})
    response = httpx.get(f"{gateway.url}/v1/payments/{SOME_ID}", headers=auth(token))

    assert response.status_code == 401, response.text
    assert response.json()["detail"] == "invalid token: malformed time claims"


@pytest.mark.parametrize(
    ("token", "detail"),
    [
        ("not-a-jwt", "invalid token: not a well-formed signed JWT"),
        ("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtIn0.", "invalid token: its algorithm is not accepted"),
    ],
)
def test_a_bad_token_is_explained_in_our_words(gateway: Gateway, token: str, detail: str) -> None:
    response = httpx.get(f"{gateway.url}/v1/payments/{SOME_ID}", headers=auth(token))

    assert response.status_code == 401
    assert response.json()["detail"] == detail


def test_refresh_token_reuse_revokes_the_logins_access_tokens(gateway: Gateway) -> None:
    first = httpx.post(f"{gateway.url}/v1/auth/generate_access_token", json=gateway.credentials())
    t0 = first.json()["data"]["token"]
    rotated = httpx.post(f"{gateway.url}/v1/auth/refresh", json={"token": t0["refresh"]["token"]})
    t1 = rotated.json()["data"]["token"]
    other_login = gateway.token()
    for access in (t0["access"]["token"], t1["access"]["token"]):
        assert httpx.get(
            f"{gateway.url}/v1/payments/{SOME_ID}", headers=auth(access)
        ).is_client_error

    reuse = httpx.post(f"{gateway.url}/v1/auth/refresh", json={"token": t0["refresh"]["token"]})

    assert reuse.status_code == 401
    for access in (t0["access"]["token"], t1["access"]["token"]):
        refused = httpx.get(f"{gateway.url}/v1/payments/{SOME_ID}", headers=auth(access))
        assert refused.status_code == 401, refused.text
    untouched = httpx.get(f"{gateway.url}/v1/payments/{SOME_ID}", headers=auth(other_login))
    assert untouched.status_code == 404


def test_request_ids_are_logged_as_they_are(gateway: Gateway) -> None:
    request_id = f"de81ebe8ce4e4242424242424242a{secrets.token_hex(3)}"
    response = httpx.get(f"{gateway.url}/health", headers={"X-Request-ID": request_id})
    assert response.headers["X-Request-ID"] == request_id
    # An id that is a card number is not echoed, and so never logged unredacted.
    replaced = httpx.get(f"{gateway.url}/health", headers={"X-Request-ID": CARD})
    assert replaced.headers["X-Request-ID"] != CARD

    def logged() -> bool:
        return request_id in gateway.log.read_text(errors="replace")

    eventually(logged, seconds=10)
