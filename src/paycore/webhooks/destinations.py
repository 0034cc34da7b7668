"""Whether a host may receive webhooks: every address it resolves to must be public."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, Sequence

from paycore.webhooks.addresses import forbidden_address

# A HostResolver's `addresses` (paycore.ports.webhooks), taken as a function so that this
# module needs nothing of the ports.
Lookup = Callable[[str], Awaitable[Sequence[str]]]


class ForbiddenDestination(Exception):
    """The host is, or resolves to, an address webhooks must never reach."""


def checked_addresses(host: str, addresses: Sequence[str]) -> list[str]:
    """`addresses` of `host` when every one is public; a single bad one refuses them all,
    since the connection could go to any of them."""
    if not addresses:
        raise ForbiddenDestination(f"{host} does not resolve to any address")
    for address in addresses:
        reason = forbidden_address(address)
        if reason is not None:
            raise ForbiddenDestination(f"{host} resolves to {reason} ({address})")
    return list(addresses)


async def resolve_checked(host: str, lookup: Lookup) -> list[str]:
    """The addresses to connect to for `host`, all of them public. An IP literal is its
    own address: no resolver is asked to vouch for it."""
    literal = host.strip("[]")
    try:
        addresses = [str(ipaddress.ip_address(literal.split("%", 1)[0]))]
    except ValueError:
        addresses = list(await lookup(host))
    return checked_addresses(host, addresses)
