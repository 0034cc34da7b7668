"""Host names to addresses, through the system resolver (as a connection would)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

# A resolver that does not answer within this long is a name that does not resolve.
LOOKUP_SECONDS = 5.0


class SystemResolver:
    async def addresses(self, host: str) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            pass
        try:
            async with asyncio.timeout(LOOKUP_SECONDS):
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, None, type=socket.SOCK_STREAM
                )
        except (OSError, UnicodeError, TimeoutError):
            return []
        return list(dict.fromkeys(str(info[4][0]) for info in infos))
