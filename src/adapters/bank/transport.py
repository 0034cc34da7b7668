"""The one pooled HTTP client the bank adapter uses: httpx's API on aiohttp's transport.

httpx's own transport spent three to eight times the CPU per call under concurrency
(encode/httpx#3215; bench/README.md, "bank transport").
"""

from __future__ import annotations

import httpx
from httpx_aiohttp import AiohttpTransport

from adapters.bank.config import BankClientConfig


def build_http_client(config: BankClientConfig) -> httpx.AsyncClient:
    """A keep-alive client for the bank. Build it inside the event loop that will use it:
    AiohttpTransport opens its aiohttp session, bound to that loop, on the first request."""
    limits = httpx.Limits(
        max_connections=config.max_connections,
        max_keepalive_connections=config.max_connections,
    )
    timeout = httpx.Timeout(
        config.timeout,
        connect=config.connect_timeout,
        # Waiting for a free pooled connection sends nothing, so it may take as long as
        # an answer would; aiohttp counts it together with the connect itself.
        pool=config.timeout + config.connect_timeout,
    )
    return httpx.AsyncClient(
        base_url=config.base_url,
        transport=AiohttpTransport(limits=limits),
        timeout=timeout,
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        # Proxy variables must not reroute card data: the bank URL is configured explicitly.
        trust_env=False,
    )
