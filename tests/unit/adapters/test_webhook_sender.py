"""The sender connects to the address it checked, keeps the name for Host and TLS, never
follows redirects, and reports timeouts and refusals as errors rather than raising."""

from __future__ import annotations

import asyncio

import httpx

from adapters.webhooks import HttpWebhookSender, SystemResolver
from paycore.ports.webhooks import SendResult


class FixedResolver:
    def __init__(self, *addresses: str) -> None:
        self.addresses_ = list(addresses)
        self.asked: list[str] = []

    async def addresses(self, host: str) -> list[str]:
        self.asked.append(host)
        return self.addresses_


def sender(handler, resolver, *, allow_private=False, timeout=1.0) -> HttpWebhookSender:
    return HttpWebhookSender(
        timeout=timeout, concurrency=2, resolver=resolver, allow_private=allow_private,
        transport=httpx.MockTransport(handler),
    )  # fmt: skip


async def test_the_request_goes_to_the_checked_address_under_its_name() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    resolver = FixedResolver("93.184.216.34")
    s = sender(handler, resolver)
    result = await s.send("https://hooks.example.com:8443/in?x=1", b"{}", {"A": "b"})
    await s.aclose()

    assert result == SendResult(204, None)
    [request] = seen
    assert (request.url.host, request.url.port, request.url.path) == ("93.184.216.34", 8443, "/in")
    assert request.headers["host"] == "hooks.example.com:8443"
    assert request.extensions["sni_hostname"] == "hooks.example.com"
    assert resolver.asked == ["hooks.example.com"]


async def test_an_ipv6_address_is_pinned_in_brackets() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    s = sender(handler, FixedResolver("2606:2800:220:1:248:1893:25c8:1946"))
    assert (await s.send("http://hooks.example.com/", b"{}", {})).status == 200
    await s.aclose()
    assert seen[0].url.host == "2606:2800:220:1:248:1893:25c8:1946"
    assert "sni_hostname" not in seen[0].extensions


async def test_a_forbidden_address_is_refused_before_any_connection() -> None:
    def handler(request: httpx.Request) -> httpx.Response:  # pragma: no cover - never called
        raise AssertionError("connected")

    s = sender(handler, FixedResolver("8.8.8.8", "127.0.0.1"))
    result = await s.send("http://hooks.example.com/", b"{}", {})
    await s.aclose()
    assert result.status is None
    assert result.error == "refused: hooks.example.com resolves to a loopback address (127.0.0.1)"


async def test_private_destinations_when_allowed_are_not_resolved() -> None:
    resolver = FixedResolver()
    s = sender(lambda r: httpx.Response(200), resolver, allow_private=True)
    assert (await s.send("http://127.0.0.1:9/x", b"{}", {})).status == 200
    await s.aclose()
    assert resolver.asked == []


async def test_a_redirect_is_answered_not_followed_and_errors_are_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/moved":
            return httpx.Response(301, headers={"Location": "http://169.254.169.254/"})
        raise httpx.ConnectError("connection refused")

    s = sender(handler, FixedResolver("93.184.216.34"))
    assert await s.send("http://a.example/moved", b"", {}) == SendResult(301, None)
    refused = await s.send("http://a.example/down", b"", {})
    await s.aclose()
    assert refused.status is None
    assert refused.error == "ConnectError: connection refused"


async def test_the_timeout_bounds_the_whole_attempt() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)  # pragma: no cover - cut short

    s = sender(handler, FixedResolver("93.184.216.34"), timeout=0.05)
    assert await s.send("http://a.example/", b"", {}) == SendResult(None, "timed out after 0.05 s")
    await s.aclose()


async def test_the_system_resolver_answers_literals_names_and_unknowns() -> None:
    resolver = SystemResolver()
    assert await resolver.addresses("[::1]") == ["::1"]
    assert "127.0.0.1" in await resolver.addresses("localhost")
    assert await resolver.addresses("no-such-host.invalid") == []
