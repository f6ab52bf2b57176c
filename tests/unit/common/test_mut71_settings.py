"""Seed 71 (TESTING.md): which allowed_networks entries are networks."""

from __future__ import annotations

from tasks.common.settings import network_problem


def test_an_allowed_network_with_host_bits_set_is_its_network() -> None:
    """"10.1.2.3/8" is read as 10.0.0.0/8 (ipaddress's strict=False), as the guard that
    uses the entries reads it: no problem to report at start-up."""
    assert network_problem("10.1.2.3/8") is None
    assert network_problem("fd00::1/8") is None
    assert network_problem("10.1.2.300/8") is not None
