"""The address classifier and URL checks, without opening any socket."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import pytest

from tasks.common.netguard import (
    AddressGuard,
    BlockedAddress,
    Refused,
    check_url,
    classify,
    host_address,
    parse_ipv4_legacy,
)

STRICT = AddressGuard()


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("10.0.0.1", "private"),
        ("10.255.255.255", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("169.254.169.254", "link_local"),  # cloud metadata
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non_global"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("fc00::1", "private"),
        ("fd12:3456:789a::1", "private"),
        ("fe80::1", "link_local"),
        ("ff02::1", "multicast"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.1.2.3", "private"),
        ("::ffff:169.254.169.254", "link_local"),
        ("64:ff9b::a9fe:a9fe", "link_local"),  # NAT64 of 169.254.169.254
        ("2002:a00:1::", "private"),  # 6to4 of 10.0.0.1
    ],
)
def test_non_global_addresses_are_classified(address: str, category: str) -> None:
    assert classify(ipaddress.ip_address(address)) == category


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1"])
def test_global_addresses_pass(address: str) -> None:
    assert classify(ipaddress.ip_address(address)) is None
    assert STRICT.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("2130706433", "127.0.0.1"),  # integer
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("0x7f.0.0.1", "127.0.0.1"),  # hex part
        ("0x7f000001", "127.0.0.1"),  # one hex number
        ("127.1", "127.0.0.1"),  # short form: last part fills the rest
        ("10.1", "10.0.0.1"),
        ("012.0.0.1", "10.0.0.1"),
        ("3232235777", "192.168.1.1"),
        ("0251.0376.0251.0376", "169.254.169.254"),
        ("8.8.8.8", "8.8.8.8"),
    ],
)
def test_legacy_ipv4_notations(text: str, address: str) -> None:
    assert parse_ipv4_legacy(text) == ipaddress.IPv4Address(address)


@pytest.mark.parametrize("text", ["example.com", "256.0.0.1", "1.2.3.4.5", "09.1.1.1", "1..2", ""])
def test_not_an_ipv4_number(text: str) -> None:
    assert parse_ipv4_legacy(text) is None


def test_host_address_reads_ipv6_literals() -> None:
    assert host_address("[::1]") == ipaddress.ip_address("::1")
    assert host_address("fe80::1%eth0") == ipaddress.ip_address("fe80::1")
    assert host_address("news.example.org") is None


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://172.16.5.4/a",
        "http://192.168.0.10:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fc00::5]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://0x7f.1/",
        "http://127.1/",
        "https://127.0.0.1:443/",
    ],
)
def test_check_url_refuses_private_literals(url: str) -> None:
    with pytest.raises(Refused) as info:
        check_url(url, STRICT)
    assert info.value.kind == "blocked_address"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("file:///etc/passwd", "scheme_not_allowed"),
        ("ftp://example.com/x", "scheme_not_allowed"),
        ("gopher://example.com/", "scheme_not_allowed"),
        ("javascript:alert(1)", "scheme_not_allowed"),
        ("http:///nohost", "invalid_url"),
        ("http://example.com:99999/", "invalid_url"),
    ],
)
def test_check_url_refuses_bad_urls(url: str, kind: str) -> None:
    with pytest.raises(Refused) as info:
        check_url(url, STRICT)
    assert info.value.kind == kind


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/2024/04/story.html",  # a name: checked once resolved
        "HTTP://News.Example.org:8080/a?b=c#d",
        "http://93.184.216.34/",
        "https://[2606:4700::1]:443/x",
    ],
)
def test_public_url_passes(url: str) -> None:
    assert check_url(url, STRICT) is None  # returns, refuses nothing
    address = host_address(urlsplit(url).hostname)
    assert address is None or STRICT.refusal(address) is None


def test_allowed_networks_open_only_what_they_name() -> None:
    guard = AddressGuard.from_settings(False, ["127.0.0.0/8"])
    check_url("http://127.0.0.5:8080/", guard)
    assert guard.refusal(ipaddress.ip_address("::ffff:127.0.0.1")) is None  # mapped form
    assert guard.refusal(ipaddress.ip_address("10.0.0.1")) == "private"
    assert guard.refusal(ipaddress.ip_address("::1")) == "loopback"
    only_two = AddressGuard.from_settings(False, ["127.0.0.2/32"])
    assert only_two.refusal(ipaddress.ip_address("127.0.0.2")) is None
    assert only_two.refusal(ipaddress.ip_address("127.0.0.3")) == "loopback"


def test_non_canonical_forms_refused_even_when_allowed() -> None:
    guard = AddressGuard.from_settings(False, ["127.0.0.0/8"])
    with pytest.raises(Refused):
        check_url("http://2130706433/", guard)


def test_allow_private_allows_everything() -> None:
    guard = AddressGuard(allow_private=True)
    assert guard.refusal(ipaddress.ip_address("10.0.0.1")) is None
    check_url("http://192.168.1.1/", guard)


def test_resolved_addresses_any_private_refuses() -> None:
    with pytest.raises(BlockedAddress) as info:
        STRICT.check_resolved("evil.example", ["93.184.216.34", "10.0.0.7"])
    assert info.value.category == "private"
    assert info.value.address == "10.0.0.7" and "10.0.0.7" in str(info.value)
    assert isinstance(info.value, OSError)
    STRICT.check_resolved("ok.example", ["93.184.216.34", "2606:4700::1"])


def test_the_allow_private_setting_reaches_the_guard() -> None:
    guard = AddressGuard.from_settings(True, [])
    assert guard.refusal(ipaddress.ip_address("10.0.0.1")) is None
    check_url("http://192.168.1.10/", guard)
    assert AddressGuard.from_settings(False, []).refusal(
        ipaddress.ip_address("10.0.0.1")) == "private"


def test_a_url_over_8000_characters_is_refused_before_any_request() -> None:
    check_url("https://news.example/" + "a" * (8000 - 21), STRICT)  # 8000: still a URL
    with pytest.raises(Refused) as info:
        check_url("https://news.example/" + "a" * (8001 - 21), STRICT)
    assert info.value.kind == "url_too_long"
    assert "8001 characters" in info.value.detail and len(info.value.detail) < 300


def test_a_resolved_address_is_judged_by_what_comes_before_its_zone():
    # seed 50: "fe80::1%<zone>" from getaddrinfo; the zone (an interface name) may hold a
    # "%" itself: the address is what comes before the first one
    for address in ("fe80::1%eth0", "fe80::1%a%b%c"):
        with pytest.raises(BlockedAddress) as err:
            STRICT.check_resolved("printer.local", [address])
        assert (err.value.address, err.value.category) == (address, "link_local")


@pytest.mark.parametrize(("text", "address"), [
    ("0x", "0.0.0.0"), ("127.0x", "127.0.0.0"), ("0x.0x.0x.0x1", "0.0.0.1")])
def test_a_bare_hex_prefix_is_the_number_zero(text: str, address: str) -> None:
    # seed 51: WHATWG's IPv4 number parser reads "0x" alone as 0, as browsers do; a host
    # "0x" is this machine's 0.0.0.0, which the guard must see as an address
    assert parse_ipv4_legacy(text) == ipaddress.IPv4Address(address)


@pytest.mark.parametrize("url", ["http://8.8.8.8 /", "http://8.8.8.8  :80/",
                                 "http://8.8.8.8%25x/"])
def test_an_ipv4_host_written_with_a_space_is_no_canonical_form(url):
    # seed 66: the address read from such a host is public, but the host is not written
    # as the address; a zone (after "%") is IPv6's, so none is set aside for IPv4
    with pytest.raises(Refused) as info:
        check_url(url, AddressGuard())
    assert info.value.kind == "blocked_address"
    assert "non-canonical form of 8.8.8.8" in info.value.detail


@pytest.mark.parametrize(("url", "named"), [
    ("ftp://example.com/x", "'ftp'"),
    ("GOPHER://example.com/", "'gopher'"),
    ("http:///nohost", None),
])
def test_a_refused_urls_detail_names_the_url_and_the_scheme_it_has(url: str,
                                                                  named: str | None) -> None:
    """Mutation seed 67: the detail of a scheme_not_allowed or invalid_url refusal quotes
    the URL and, for a scheme, names the one it has (a detail of None left the fetch_log
    row and the reject without a word; `scheme and ...` named no scheme)."""
    with pytest.raises(Refused) as info:
        check_url(url, STRICT)
    assert isinstance(info.value.detail, str) and repr(url) in info.value.detail
    if named:
        assert f"scheme {named}" in info.value.detail
