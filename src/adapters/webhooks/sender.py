"""POSTing webhooks over httpx: a client and a concurrency limit of their own, so a slow or
hanging receiver holds only webhook slots, never the bank client or the payment path.

Unless private destinations are allowed, the host is resolved for every attempt, every
address it has is checked, and the request connects to the checked address (the name
still goes in `Host` and TLS SNI, so certificates verify as usual): a name that resolved
to a public address at registration and to an internal one now is refused, and no second
lookup between the check and the connection can change the answer. Redirects are never
followed (a 3xx is not a 2xx: retried), and proxies from the environment are ignored.
"""

from __future__ import annotations

import asyncio

import httpx

from paycore.ports.webhooks import HostResolver, SendResult
from paycore.webhooks.destinations import ForbiddenDestination, resolve_checked

Pinned = tuple[httpx.URL, dict[str, str], dict[str, str]]


class HttpWebhookSender:
    def __init__(
        self,
        *,
        timeout: float,
        concurrency: int,
        resolver: HostResolver,
        allow_private: bool,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._timeout = timeout
        self._slots = asyncio.Semaphore(concurrency)
        self._resolver = resolver
        self._allow_private = allow_private
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=10),
            follow_redirects=False,
            trust_env=False,
            transport=transport,
        )

    async def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        async with self._slots:
            try:
                # The whole attempt, lookup included, not each read: a receiver trickling
                # bytes still ends in time, and the attempt's lease outlasts it.
                async with asyncio.timeout(self._timeout):
                    target, host_header, extensions = await self._pinned(httpx.URL(url))
                    request = self._client.build_request(
                        "POST",
                        target,
                        content=body,
                        headers={**headers, **host_header},
                        extensions=extensions,
                    )
                    response = await self._client.send(request, stream=True)
                    await response.aclose()  # the status is all we keep; not the body
            except ForbiddenDestination as refused:
                return SendResult(None, f"refused: {refused}")
            except (TimeoutError, httpx.TimeoutException):
                return SendResult(None, f"timed out after {self._timeout:g} s")
            except httpx.HTTPError as error:
                return SendResult(None, f"{type(error).__name__}: {error}"[:500])
            return SendResult(response.status_code, None)

    async def _pinned(self, url: httpx.URL) -> Pinned:
        if self._allow_private:
            return url, {}, {}
        host = url.raw_host.decode("ascii")
        address = (await resolve_checked(host, self._resolver.addresses))[0]
        netloc = url.netloc.decode("ascii")
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        return url.copy_with(host=address), {"Host": netloc}, extensions

    async def aclose(self) -> None:
        await self._client.aclose()
