"""Guard outgoing calls to partner URLs against SSRF (OWASP API7).

A URL must be https (http only when development allows it) and every address its host resolves
to must be globally routable (:func:`is_allowed_address`): ``ipaddress``'s ``is_global``, with
the IPv4 address embedded in IPv4-mapped, 6to4 (``2002::/16``) and NAT64 (``64:ff9b::/96``)
addresses checked the same way, and carrier-grade NAT (``100.64.0.0/10``, where cloud metadata
also lives), site-local ``fec0::/10`` and multicast refused explicitly. ``allow_private`` lifts
the address rule (development and tests).

The check runs when an endpoint is registered and again before every delivery, and the delivery
connects to the very address that was checked (:func:`pinned`): resolving the name a second time
at connect time would let a DNS answer change in between (rebinding). Refusals name the host the
caller gave and never the addresses it resolved to, so the guard is not a map of the internal
network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from kopmod_shared.errors import ValidationProblem

# Resolves (host, port) to the addresses a connection could go to.
Resolver = Callable[[str, int], Awaitable[list[str]]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_REFUSED_EVEN_IF_GLOBAL = (
    ipaddress.ip_network("100.64.0.0/10"),  # carrier-grade NAT (RFC 6598)
    ipaddress.ip_network("fec0::/10"),  # IPv6 site-local (deprecated, still routed inside)
)


class UnsafeUrl(ValidationProblem):
    slug, title = "unsafe-url", "URL refused"


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_allowed_address(address: str) -> bool:
    """True only for a globally routable unicast address (embedded IPv4 checked too)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not is_allowed_address(str(embedded)):
            return False
    if any(ip in net for net in _REFUSED_EVEN_IF_GLOBAL if net.version == ip.version):
        return False
    return ip.is_global and not ip.is_multicast


@dataclass(frozen=True)
class CheckedUrl:
    """A URL that passed the guard, and the address to connect to (None: no pinning needed,
    i.e. private targets were allowed)."""

    url: str
    host: str
    address: str | None


async def check_url(
    url: str,
    *,
    allow_private: bool = False,
    allow_http: bool = False,
    resolver: Resolver | None = None,
) -> CheckedUrl:
    parts = urlsplit(url)
    if parts.scheme not in ({"https", "http"} if allow_http else {"https"}):
        raise UnsafeUrl("webhook URLs must use https", errors=None, field="url", reason="scheme")
    if not parts.hostname:
        raise UnsafeUrl("webhook URL has no host", field="url", reason="host")
    if parts.username or parts.password:
        raise UnsafeUrl("webhook URL must not carry credentials", field="url", reason="userinfo")
    if allow_private:
        return CheckedUrl(url=url, host=parts.hostname, address=None)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = sorted(set(await (resolver or system_resolver)(parts.hostname, port)))
    except OSError as exc:
        raise UnsafeUrl(
            f"host {parts.hostname} does not resolve", field="url", reason="unresolved"
        ) from exc
    if not addresses or not all(is_allowed_address(a) for a in addresses):
        raise UnsafeUrl(
            f"host {parts.hostname} resolves to an address that is not publicly routable",
            field="url",
            reason="private-address",
        )
    return CheckedUrl(url=url, host=parts.hostname, address=addresses[0])


def pinned(checked: CheckedUrl) -> tuple[httpx.URL, dict[str, str], dict[str, Any]]:
    """The URL with its host replaced by the checked address, the ``Host`` header the server
    expects, and the TLS SNI (and so certificate name) of the original host.

    ``Connection: close``: the client's pool keys connections by address, so a kept-alive
    connection whose certificate was checked for one name could otherwise carry a request for
    another name that resolves (or is made to resolve) to the same address, skipping that
    name's certificate check. One TLS handshake per delivery is the price."""
    original = httpx.URL(checked.url)
    if checked.address is None:
        return original, {}, {}
    url = original.copy_with(host=checked.address.split("%")[0])
    host_header = original.netloc.decode("ascii")
    return url, {"Host": host_header, "Connection": "close"}, {"sni_hostname": checked.host}
