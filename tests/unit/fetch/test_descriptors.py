"""The fetcher under a low limit of open files (fault round 37): the connection cap it
derives from the limit, the run summary's note, and a connection that still meets the
limit logged as the process's limit, not as the server's fault."""

from __future__ import annotations

import errno

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey

from tasks.fetch.descriptors import RESERVE, cap_note, connection_cap, files_open
from tasks.fetch.failures import classify_exception, out_of_files, retryable

KEY = ConnectionKey("127.0.0.1", 8080, False, True, None, None, None)


@pytest.mark.parametrize(("wanted", "soft", "open_now", "cap"), [
    (32, 1024, 40, 32),           # the usual limit: the setting stands
    (32, 64, 20, 64 - 20 - RESERVE),
    (32, 48, 30, 2),
    (32, 40, 30, 1),              # nothing left: one at a time, not none
    (32, None, 500, 32),          # no limit
    (32, -1, 500, 32),            # RLIM_INFINITY as some systems give it
])
def test_the_cap_is_what_the_limit_leaves(wanted, soft, open_now, cap) -> None:
    assert connection_cap(wanted, soft, open_now) == cap


def test_the_note_names_the_limit_only_when_it_lowered_the_cap() -> None:
    assert cap_note(32, 32, 1024) is None
    note = cap_note(32, 4, 48)
    assert "4 connection(s)" in note and "max_concurrency=32" in note and "ulimit -n" in note


def test_files_open_counts_this_processes_files() -> None:
    before = files_open()
    with open(__file__, "rb"):
        assert files_open() == before + 1


@pytest.mark.parametrize("exc", [
    aiohttp.ClientConnectorError(KEY, OSError(errno.EMFILE, "Too many open files")),
    aiohttp.ClientConnectorError(KEY, OSError(errno.ENFILE, "Too many open files in system")),
    aiohttp.ClientOSError(errno.EMFILE, "Too many open files"),
], ids=["connector-EMFILE", "connector-ENFILE", "client-os-error"])
def test_the_process_out_of_files_is_named_as_such(exc) -> None:
    """Before: `connect_error` / `connection_reset`, the server blamed."""
    kind, detail = classify_exception(exc, "headers", "connect")
    assert kind == "too_many_open_files"
    assert detail.startswith("while connecting: this process reached its limit of open files")
    assert "ulimit -n" in detail and "Too many open files" in detail
    assert retryable(kind, None)


def test_an_out_of_files_error_in_the_chain_is_found_and_others_are_not() -> None:
    try:
        try:
            raise OSError(errno.EMFILE, "Too many open files")
        except OSError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert out_of_files(outer)
    refused = aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "refused"))
    assert not out_of_files(refused)
    assert classify_exception(refused, "headers", "connect")[0] == "connect_error"
