"""Which addresses a webhook may never be sent to: what a request from inside the gateway's
network could reach that the merchant could not (server-side request forgery)."""

from __future__ import annotations

import ipaddress

_CLASSES = (
    ("is_unspecified", "an unspecified address"),
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_private", "a private address"),
    ("is_reserved", "a reserved address"),
)


def forbidden_address(address: str) -> str | None:
    """Why `address` (an IP address in text) is refused, or None when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    # An IPv4 address wrapped in IPv6 (::ffff:127.0.0.1) is the IPv4 address.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attribute, reason in _CLASSES:
        if getattr(ip, attribute):
            return reason
    return None
