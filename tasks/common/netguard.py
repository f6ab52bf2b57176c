"""Network safety: which URLs and addresses the fetcher may contact.

A crawler that follows links and redirects from the web must not be turned against the
machine it runs on or its network (SSRF): cloud metadata at 169.254.169.254, admin
interfaces on 10.x or on localhost. Two checks, both pure and testable without a socket:

- `check_url` before every hop (the first request and each redirect): http/https only,
  a host present, and a host written as an IP address in *any* notation that
  `inet_aton` accepts (2130706433, 0177.0.0.1, 0x7f.1, 127.1) classified as the address
  it denotes;
- `AddressGuard.refusal` on every address a host name resolves to, called by the fetcher's
  resolver at connect time, so a name that resolves to a private address (or is re-bound
  to one between two requests) is refused too.

Everything that is not globally routable is refused unless allowed: by
`allow_private_hosts` (all of it) or by `allowed_networks` (e.g. ["127.0.0.0/8"] in tests).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})

# IPv6 prefixes that embed an IPv4 address a packet may end up at (NAT64, 6to4 and the
# deprecated IPv4-compatible form); IPv4-mapped (::ffff:a.b.c.d) has its own property.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_SIXTOFOUR = ipaddress.ip_network("2002::/16")
_IPV4_COMPAT = ipaddress.ip_network("::/96")


class Refused(Exception):
    """The fetcher must not contact this URL or address. `kind` is a fetch_log error kind."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class BlockedAddress(OSError):
    """Raised by the guarded resolver: aiohttp wraps OSErrors from a resolver into
    ClientConnectorDNSError and keeps this one as `os_error`, so the fetcher can tell a
    refusal from a DNS failure."""

    def __init__(self, host: str, address: str, category: str) -> None:
        super().__init__(f"{host} resolves to {address} ({category})")
        self.host = host
        self.address = address
        self.category = category


def parse_ipv4_legacy(host: str) -> ipaddress.IPv4Address | None:
    """Parse an IPv4 address in any notation inet_aton (and browsers, per WHATWG) accept:
    1 to 4 dot-separated parts, each decimal, octal (leading 0) or hex (0x); the last part
    fills the remaining bytes. Returns None when `host` is not such a number.

    Written out instead of calling socket.inet_aton, whose accepted forms differ by libc.
    """
    parts = host.rstrip(".").split(".") if host else []
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        if not part:
            return None
        low = part.lower()
        try:
            if low.startswith("0x"):
                n = int(low[2:] or "0", 16)
            elif len(low) > 1 and low.startswith("0"):
                n = int(low[1:], 8)
            else:
                if not low.isdigit():
                    return None
                n = int(low, 10)
        except ValueError:
            return None
        numbers.append(n)
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = 0
    for n in head:
        value = value * 256 + n
    value = value * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(value)


def host_address(host: str) -> IPAddress | None:
    """The IP address a URL host denotes without DNS (any IPv4 notation, or an IPv6
    literal with or without brackets and zone), else None for a host name."""
    h = host.strip().strip("[]")
    if "%" in h:  # IPv6 zone id: fe80::1%eth0
        h = h.split("%", 1)[0]
    try:
        return ipaddress.ip_address(h)
    except ValueError:
        pass
    return parse_ipv4_legacy(h)


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, compatible)."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _IPV4_COMPAT and int(ip) > 1:  # not :: or ::1
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress) -> str | None:
    """The reason an address is not a public destination, or None when it is global.

    Categories: loopback, private, link_local, multicast, unspecified, reserved,
    non_global (e.g. 100.64.0.0/10 carrier-grade NAT, documentation ranges).
    An IPv6 address embedding an IPv4 one is judged by the IPv4 address too.
    """
    inner = embedded_ipv4(ip)
    if inner is not None:
        category = classify(inner)
        if category is not None:
            return category
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:  # 169.254/16 (cloud metadata), fe80::/10
        return "link_local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:  # 10/8, 172.16/12, 192.168/16, fc00::/7, ...
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global and inner is None:
        return "non_global"
    return None


@dataclass(frozen=True)
class AddressGuard:
    """The policy: refuse non-global addresses unless allowed explicitly."""

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def from_settings(cls, allow_private: bool, networks: Iterable[str]) -> AddressGuard:
        return cls(
            allow_private=allow_private,
            allowed_networks=tuple(ipaddress.ip_network(n, strict=False) for n in networks),
        )

    def refusal(self, ip: IPAddress) -> str | None:
        """None when the fetcher may connect to `ip`, else the category that forbids it."""
        category = classify(ip)
        if category is None or self.allow_private:
            return None
        candidates = [ip]
        inner = embedded_ipv4(ip)
        if inner is not None:
            candidates.append(inner)
        for net in self.allowed_networks:
            if any(c.version == net.version and c in net for c in candidates):
                return None
        return category

    def check_resolved(self, host: str, addresses: Iterable[str]) -> None:
        """Raise BlockedAddress if any resolved address is refused: a name with one
        public and one private address is refused, because the connector may pick either."""
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            category = self.refusal(ip)
            if category is not None:
                raise BlockedAddress(host, address, category)


# RFC 9110 4.1 asks senders and recipients to support URIs of at least 8000 octets;
# longer ones are refused by most servers (414, or a dropped connection that would be
# retried) and are a query string or a redirect gone wrong, never an article.
MAX_URL_CHARS = 8000


def check_url(url: str, guard: AddressGuard) -> None:
    """Raise Refused unless `url` is an absolute http(s) URL of at most MAX_URL_CHARS
    whose host, when written as an IP address, is allowed. Host names are checked
    later, on what they resolve to."""
    if len(url) > MAX_URL_CHARS:
        raise Refused("url_too_long", f"URL of {len(url)} characters, over {MAX_URL_CHARS}: "
                      f"{url[:200]!r}...")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise Refused("invalid_url", f"{url[:200]!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused("scheme_not_allowed", f"scheme {scheme or '(none)'!r} in {url[:200]!r}")
    if not host:
        raise Refused("invalid_url", f"no host in {url[:200]!r}")
    ip = host_address(host)
    if ip is not None:
        category = guard.refusal(ip)
        if category is not None:
            raise Refused("blocked_address", f"{host} is {ip} ({category})")
        if ip.version == 4 and host.strip("[]") != str(ip):
            # 2130706433 or 0x7f.1: legitimate sites do not write their address that way,
            # and HTTP clients disagree on how to read it. (A zone after "%" is IPv6's:
            # "1.2.3.4%25x" is no way to write 1.2.3.4 either.)
            raise Refused("blocked_address", f"{host} is a non-canonical form of {ip}")

