"""Guard outgoing calls to partner URLs against SSRF (OWASP API7).

A URL must be https (http only when development allows it) and every address its host resolves
to must be public: loopback, private, link-local, multicast, reserved and unspecified ranges are
refused unless ``allow_private`` (development and tests). The check runs when an endpoint is
registered and again before every delivery, since DNS answers can change.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from kopmod_shared.errors import ValidationProblem


class UnsafeUrl(ValidationProblem):
    slug, title = "unsafe-url", "URL refused"


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


async def check_url(url: str, *, allow_private: bool = False, allow_http: bool = False) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ({"https", "http"} if allow_http else {"https"}):
        raise UnsafeUrl("webhook URLs must use https", errors=None, field="url", reason="scheme")
    if not parts.hostname:
        raise UnsafeUrl("webhook URL has no host", field="url", reason="host")
    if parts.username or parts.password:
        raise UnsafeUrl("webhook URL must not carry credentials", field="url", reason="userinfo")
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            parts.hostname, port, type=socket.SOCK_STREAM
        )
    except OSError as exc:
        raise UnsafeUrl(f"host {parts.hostname} does not resolve", field="url") from exc
    addresses = {str(info[4][0]) for info in infos}
    blocked = sorted(a for a in addresses if not _is_public(a))
    if blocked or not addresses:
        raise UnsafeUrl(
            f"host {parts.hostname} resolves to a non-public address",
            field="url",
            reason="private-address",
            addresses=blocked,
        )
