"""Whether a host may receive webhooks: every address it resolves to must be public."""

from __future__ import annotations

from collections.abc import Sequence

from paycore.webhooks.addresses import forbidden_address


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
