"""The fetcher under a low limit of open files (fault round 37): the connection cap it
derives from the limit, the run summary's note, and a connection that still meets the
limit logged as the process's limit, not as the server's fault."""

from __future__ import annotations

import errno

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey

from tasks.fetch.descriptors import (
    RESERVE,
    cap_note,
    connection_cap,
    files_open,
    open_file_limit,
)
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


def test_an_out_of_files_error_as_the_cause_alone_is_found() -> None:
    """A cause without a context (set by hand, or raised outside an `except`): the empty
    context is passed over, not the end of the search."""
    outer = RuntimeError("wrapped")
    outer.__cause__ = OSError(errno.EMFILE, "Too many open files")
    assert outer.__context__ is None and out_of_files(outer)


def test_an_out_of_files_cause_is_found_beside_another_context() -> None:
    """Each exception's links are all searched: a context read first does not hide the
    cause (nor the `os_error`) beside it."""
    outer = RuntimeError("wrapped")
    outer.__cause__ = OSError(errno.ENFILE, "Too many open files in system")
    outer.__context__ = ValueError("another, met while handling")
    assert out_of_files(outer)


def test_a_chain_of_exceptions_that_loops_is_searched_once() -> None:
    first, second = RuntimeError("first"), ConnectionError("second")
    first.__context__, second.__context__ = second, first
    first.__cause__ = second
    assert not out_of_files(first)
    assert classify_exception(first, "headers", "connect")[0] != "too_many_open_files"


def test_a_limit_of_no_files_leaves_one_connection_not_all() -> None:
    # (a negative limit is RLIM_INFINITY's; 0 is a limit, and the lowest)
    assert connection_cap(32, 0, 3) == 1


def test_the_note_is_one_sentence_with_what_to_do() -> None:
    assert cap_note(32, 4, 48) == (
        "fetch: 4 connection(s) at a time instead of max_concurrency=32: the process may "
        "open 48 files (ulimit -n) and holds some already; raise the limit (ulimit -n, "
        "the container's or scheduler's nofile) to fetch faster")


def test_the_open_file_limit_is_the_processes_soft_limit() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lower = min(soft, 1000) - 1
    resource.setrlimit(resource.RLIMIT_NOFILE, (lower, hard))
    try:
        assert open_file_limit() == lower
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_an_unlimited_number_of_open_files_is_no_limit(monkeypatch) -> None:
    import resource

    monkeypatch.setattr(resource, "getrlimit",
                        lambda which: (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert open_file_limit() is None


def test_files_open_reads_proc_then_dev_fd_and_else_says_zero(monkeypatch) -> None:
    import os

    listdir = os.listdir
    expected = files_open()

    def without(*missing: str):
        def fake(path):
            if path in missing:
                raise FileNotFoundError(2, "No such file or directory", path)
            return listdir(path)
        return fake

    # Linux: /proc/self/fd, whatever /dev/fd is
    monkeypatch.setattr(os, "listdir", without("/dev/fd"))
    assert files_open() == expected
    # no /proc (macOS, the BSDs, a container without it): /dev/fd
    monkeypatch.setattr(os, "listdir", without("/proc/self/fd"))
    assert files_open() == expected
    # neither: the system does not say
    monkeypatch.setattr(os, "listdir", without("/proc/self/fd", "/dev/fd"))
    assert files_open() == 0
