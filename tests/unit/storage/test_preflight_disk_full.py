"""Which exceptions mean "the disk is full": the run then ends with a sentence
(flows/cli.py); anything else keeps its traceback."""

from __future__ import annotations

import errno

import duckdb
import pyarrow as pa
import pytest

from tasks.storage.preflight import disk_full_cause


def test_disk_full_errnos_and_wrapped_texts_are_found_in_the_chain() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert disk_full_cause(full) is full
    quota = OSError(errno.EDQUOT, "Disk quota exceeded")
    assert disk_full_cause(quota) is quota
    # pyarrow keeps the text, not the errno; DuckDB wraps it in its own exception
    arrow = OSError("[Errno 28] Error writing bytes to file. Detail: No space left on device")
    assert disk_full_cause(arrow) is arrow
    fatal = duckdb.FatalException('Could not write file "x.tmp": No space left on device')
    assert disk_full_cause(fatal) is fatal
    # raised from or during another exception: found under it
    try:
        try:
            raise full
        except OSError as inner:
            raise RuntimeError("publish failed") from inner
    except RuntimeError as outer:
        assert disk_full_cause(outer) is full


def test_an_exception_chain_that_loops_ends_the_search() -> None:
    first, second = RuntimeError("a"), RuntimeError("b")
    first.__context__, second.__context__ = second, first  # as a re-raise can leave it
    assert disk_full_cause(first) is None


@pytest.mark.parametrize("exc", [
    OSError(errno.EACCES, "Permission denied"), OSError(errno.EIO, "Input/output error"),
    ValueError("no space left in the headline box"), pa.ArrowInvalid("bad data"),
    RuntimeError("boom"),
])
def test_other_errors_are_not_a_full_disk(exc: BaseException) -> None:
    assert disk_full_cause(exc) is None


def test_a_damaged_manifest_is_a_warehouse_problem_with_what_to_do(tmp_path) -> None:
    from tasks.storage.preflight import warehouse_problem

    (tmp_path / "manifests").mkdir()
    assert warehouse_problem(tmp_path, write=True) is None
    (tmp_path / "manifests" / "r1.json").write_text('{"run_id": "r1", "cut', encoding="utf-8")
    problem = warehouse_problem(tmp_path, write=False)
    assert problem.startswith(f"run manifest {tmp_path / 'manifests' / 'r1.json'} is unreadable")
    assert problem.endswith("restore it from a backup, or move it out of manifests/ to drop "
                            "that commit's rows")


def test_a_full_disk_is_found_through_either_link_of_the_chain_alone() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    # raised while handling it (no "from"): only __context__ links them
    try:
        try:
            raise full
        except OSError:
            raise RuntimeError("commit failed")  # noqa: B904 - the implicit chain is the case
    except RuntimeError as outer:
        assert outer.__cause__ is None and disk_full_cause(outer) is full
    # "from" outside any handler: only __cause__ links them
    explicit = RuntimeError("commit failed")
    explicit.__cause__ = full
    assert explicit.__context__ is None and disk_full_cause(explicit) is full


# Fault round 29: a file-size limit (EFBIG: `ulimit -f`, a container's or batch system's
# RLIMIT_FSIZE, FAT32's 4 GiB) and a read-only remount (EROFS) ended `pressroom ingest`
# with a traceback of pyarrow's or DuckDB's; measured with RLIMIT_FSIZE set in a real run.
@pytest.mark.parametrize(("exc", "kind"), [
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
    (OSError(errno.EFBIG, "File too large"), "file_too_large"),
    (OSError("[Errno 27] Error writing bytes to file. Detail: [errno 27] File too large"),
     "file_too_large"),
    (duckdb.TransactionException('TransactionContext Error: Failed to commit: Could not '
                                 'write file "wh/pressroom.duckdb.1-a.tmp.wal": File too '
                                 'large'), "file_too_large"),
    (OSError(errno.EROFS, "Read-only file system"), "read_only"),
    (duckdb.IOException('Cannot open file "x": Read-only file system'), "read_only"),
    # Round 37: a memory limit (RLIMIT_AS), measured with `pressroom ingest` under 2 GiB:
    # DuckDB's words while the views were built, after every batch had committed.
    (duckdb.OutOfMemoryException("Out of Memory Error: Failed to allocate block of 32768 "
                                 "bytes (bad allocation)"), "out_of_memory"),
    (MemoryError("Unable to allocate 37.4 MiB for an array"), "out_of_memory"),
    (pa.ArrowMemoryError("malloc of size 1048576 failed"), "out_of_memory"),
    (OSError(errno.ENOMEM, "Cannot allocate memory"), "out_of_memory"),
])
def test_writes_no_retry_gets_past_are_named_by_kind(exc: BaseException, kind: str) -> None:
    from tasks.storage.preflight import (
        WRITE_STOP_ADVICE,
        WRITE_STOP_HEADLINES,
        write_stop_cause,
    )

    try:
        raise RuntimeError("commit failed") from exc
    except RuntimeError as outer:
        assert write_stop_cause(outer) == (kind, exc)
    assert kind in WRITE_STOP_HEADLINES and "run the same command again" in WRITE_STOP_ADVICE[kind]


@pytest.mark.parametrize("exc", [
    OSError(errno.EACCES, "Permission denied"), OSError(errno.EIO, "Input/output error"),
    ValueError("no space left in the headline box"), RuntimeError("boom"),
])
def test_other_errors_stop_no_write(exc: BaseException) -> None:
    from tasks.storage.preflight import write_stop_cause

    assert write_stop_cause(exc) is None


def test_a_chain_of_exceptions_that_loops_is_read_once_round():
    # seed 61: an exception's context can lead back to itself (one raised in a handler of
    # the other, and the other way round): the chain is read once round, not forever
    from tasks.storage.preflight import write_stop_cause

    first, second = ValueError("bad value"), RuntimeError("while cleaning up")
    first.__context__, second.__context__ = second, first
    assert write_stop_cause(first) is None
    full = OSError(errno.ENOSPC, "No space left on device")
    first.__context__, second.__context__, full.__context__ = full, first, second
    assert write_stop_cause(second) is not None and write_stop_cause(second)[1] is full


def _denials(root) -> list[BaseException]:
    # as pyarrow, Python and DuckDB raise them when a folder of the warehouse stops being
    # writable while a run goes on (fault round 45: pyarrow's words measured on a real run)
    return [
        PermissionError(errno.EACCES, f"Failed to open local file '{root}/articles/r.b00001"
                        "-0000.parquet.tmp'. Detail: [errno 13] Permission denied"),
        PermissionError(errno.EACCES, "Permission denied", str(root / "manifests" / "r.json")),
        duckdb.IOException(f'IO Error: Cannot open file "{root}/.pressroom.duckdb.tmp": '
                           "Permission denied"),
    ]


def test_a_folder_of_the_warehouse_made_unwritable_during_a_run_stops_it_with_a_sentence(
        tmp_path) -> None:
    import typer

    from flows.cli import _disk_full_is_a_sentence
    from tasks.storage.preflight import (
        WRITE_STOP_ADVICE,
        WRITE_STOP_HEADLINES,
        write_stop_cause,
    )

    for exc in _denials(tmp_path):
        try:
            raise RuntimeError("Flow run encountered an exception") from exc
        except RuntimeError as outer:
            assert write_stop_cause(outer, tmp_path) == ("permission_denied", exc)
        with pytest.raises(typer.Exit) as stopped, _disk_full_is_a_sentence(tmp_path):
            raise exc
        assert stopped.value.exit_code == 1
    assert "run the same command again" in WRITE_STOP_ADVICE["permission_denied"]
    assert "writable" in WRITE_STOP_HEADLINES["permission_denied"]


def test_a_permission_refused_outside_the_warehouse_keeps_its_traceback(tmp_path) -> None:
    from tasks.storage.preflight import write_stop_cause

    root = tmp_path / "wh"
    elsewhere = [
        PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "inputs" / "a.txt")),
        PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "wh2" / "x")),
        OSError(f"Failed to open local file '{tmp_path}/prefect/db'. Permission denied"),
    ]
    for exc in elsewhere:
        assert write_stop_cause(exc, root) is None
    for exc in _denials(root):  # without the warehouse named: as before, no write stop
        assert write_stop_cause(exc) is None
