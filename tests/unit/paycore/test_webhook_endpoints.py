"""Registering endpoints: every bad field reported, forbidden destinations refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.memory import InMemoryStore, ManualClock, SequentialIds
from paycore.errors import ValidationFailed
from paycore.use_cases import DeleteWebhookEndpoint, ListWebhookEndpoints, RegisterWebhookEndpoint
from paycore.webhooks import EndpointRequest, WebhookEndpointNotFound, forbidden_address
from paycore.webhooks.destinations import ForbiddenDestination, checked_addresses


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.0.0.1", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.0.1", "a private address"),
        ("fc00::1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("240.0.0.1", "a private address"),
        ("not-an-ip", "not an IP address"),
    ],
)
def test_each_forbidden_class_is_named(address: str, reason: str) -> None:
    assert forbidden_address(address) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert forbidden_address(address) is None
    assert checked_addresses("h", [address]) == [address]


def test_a_reserved_address_that_is_not_private_is_refused() -> None:
    assert forbidden_address("2001:db8::1") is not None  # documentation range


def test_no_address_at_all_is_refused() -> None:
    with pytest.raises(ForbiddenDestination, match="does not resolve"):
        checked_addresses("h", [])


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"events": ["*"]}, "url", "is required"),
        ({"url": "ftp://a.example/", "events": ["*"]}, "url", "http or https"),
        ({"url": "https:///path", "events": ["*"]}, "url", "must name a host"),
        ({"url": "https://u:p@a.example/", "events": ["*"]}, "url", "credentials"),
        ({"url": "https://a.example:99999/", "events": ["*"]}, "url", "not a valid URL"),
        ({"url": "https://a.example/ x", "events": ["*"]}, "url", "no spaces"),
        ({"url": "https://a.example/" + "x" * 2048, "events": ["*"]}, "url", "at most 2048"),
        ({"url": "https://a.example/"}, "events", "non-empty list"),
        ({"url": "https://a.example/", "events": []}, "events", "non-empty list"),
        ({"url": "https://a.example/", "events": ["payment.shipped", 3]}, "events", "unknown"),
        ({"url": "https://a.example/", "events": ["*", "payment.voided"]}, "events", "alone"),
        ({"url": "https://a.example/", "events": ["*"], "description": 5}, "description", "text"),
    ],
)
def test_each_bad_field_is_reported(body, field, message) -> None:
    with pytest.raises(ValidationFailed) as refused:
        EndpointRequest.parse(body)
    [error] = refused.value.errors
    assert error.field == field
    assert message in error.message


def test_every_bad_field_at_once_and_a_good_request_parsed() -> None:
    with pytest.raises(ValidationFailed) as refused:
        EndpointRequest.parse({"url": 1, "events": "x", "description": "d" * 501})
    assert [e.field for e in refused.value.errors] == ["url", "events", "description"]
    described = EndpointRequest.parse(
        {"url": "http://a.example", "events": ["*"], "description": "shop"}
    )
    assert described.description == "shop"
    good = EndpointRequest.parse(
        {"url": "HTTPS://Hooks.Example/in", "events": ["payment.voided", "payment.voided"]}
    )
    assert (good.host, good.events, good.description) == (
        "hooks.example",
        ("payment.voided",),
        None,
    )


class Resolver:
    def __init__(self, *addresses: str) -> None:
        self.answer = list(addresses)

    async def addresses(self, host: str) -> list[str]:
        return self.answer


class Secrets:
    def new_secret(self) -> str:
        return "whsec_fresh"

    def seal(self, endpoint_id: str, secret: str) -> bytes:
        return f"{endpoint_id}:{secret}".encode()

    def unseal(self, endpoint_id: str, ciphertext: bytes) -> str:  # pragma: no cover
        raise NotImplementedError


def register(store, *addresses: str, allow_private: bool = False) -> RegisterWebhookEndpoint:
    return RegisterWebhookEndpoint(
        store=store.webhooks, secrets=Secrets(), resolver=Resolver(*addresses),
        clock=ManualClock(datetime(2026, 1, 1, tzinfo=UTC)), ids=SequentialIds(),
        allow_private=allow_private,
    )  # fmt: skip


async def test_registration_seals_the_secret_and_shows_it_once() -> None:
    store = InMemoryStore()
    created = await register(store, "93.184.216.34")(
        "m1", {"url": "https://a.example/", "events": ["*"]}
    )

    assert created.secret == "whsec_fresh"
    assert created.endpoint.id == "we_00000000000070008000000000000001"
    assert (
        store.webhook_state.endpoints[created.endpoint.id][1]
        == f"{created.endpoint.id}:whsec_fresh".encode()
    )


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.8", "169.254.169.254", "0.0.0.0"])
async def test_a_forbidden_destination_is_a_url_field_error(address: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await register(InMemoryStore(), address)(
            "m1", {"url": f"http://{address}/", "events": ["*"]}
        )
    assert refused.value.errors[0].field == "url"


async def test_private_destinations_pass_when_allowed() -> None:
    use = register(InMemoryStore(), "127.0.0.1", allow_private=True)
    assert (await use("m1", {"url": "http://127.0.0.1:8000/", "events": ["*"]})).endpoint.url


async def test_listing_pages_and_deleting_another_merchants_endpoint_is_not_found() -> None:
    store = InMemoryStore()
    use = register(store, "93.184.216.34")
    made = [await use("m1", {"url": "https://a.example/", "events": ["*"]}) for _ in range(3)]
    listing = ListWebhookEndpoints(store.webhooks)

    first = await listing("m1", limit=2)
    assert ([e.id for e in first.endpoints], first.has_more) == (
        [m.endpoint.id for m in made[:2]],
        True,
    )
    rest = await listing("m1", 2, made[1].endpoint.id)
    assert ([e.id for e in rest.endpoints], rest.has_more) == ([made[2].endpoint.id], False)
    with pytest.raises(ValidationFailed):
        await listing("m1", limit=0)

    delete = DeleteWebhookEndpoint(store.webhooks, ManualClock())
    with pytest.raises(WebhookEndpointNotFound):
        await delete("m2", made[0].endpoint.id)
    await delete("m1", made[0].endpoint.id)
    assert len((await listing("m1")).endpoints) == 2
