"""The command's last words when a run stops on a write no retry gets past (fault round
29): a file-size limit or a read-only filesystem is a sentence and exit status 1, as a
full disk was; anything else keeps its traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
import typer

from flows import cli


def _stopped(exc: BaseException, capsys) -> str:
    with pytest.raises(typer.Exit) as exit_info, cli._disk_full_is_a_sentence(Path("/wh")):
        raise RuntimeError("publish failed") from exc
    assert exit_info.value.exit_code == 1
    return " ".join(capsys.readouterr().err.split())


def test_a_file_size_limit_is_a_sentence(capsys):
    said = _stopped(OSError(errno.EFBIG, "File too large"), capsys)
    assert said.startswith("a file grew past the largest size this process may write "
                           "(writing to /wh): [Errno 27] File too large")
    assert "ulimit -f" in said and "run the same command again" in said


def test_a_read_only_filesystem_is_a_sentence(capsys):
    said = _stopped(OSError(errno.EROFS, "Read-only file system"), capsys)
    assert said.startswith("the warehouse's filesystem is read-only (writing to /wh)")


def test_a_memory_limit_is_a_sentence(capsys):
    """Round 37: `pressroom ingest` under RLIMIT_AS of 2 GiB committed its batch, then
    ended in a traceback of DuckDB's while the views were built."""
    import duckdb

    said = _stopped(duckdb.OutOfMemoryException(
        "Out of Memory Error: Failed to allocate block of 32768 bytes (bad allocation)"), capsys)
    assert said.startswith("the process ran out of memory (writing to /wh): Out of Memory "
                           "Error: Failed to allocate block")
    assert "ulimit -v" in said and "PRESSROOM_BATCH_SIZE" in said
    assert said.endswith("run the same command again to go on from there.")


def test_a_full_disk_is_said_as_before(capsys):
    said = _stopped(OSError(errno.ENOSPC, "No space left on device"), capsys)
    assert said.startswith("the disk is full (writing to /wh): [Errno 28] No space left")
    assert said.endswith("free some space and run the same command again to go on from there.")


def test_another_error_keeps_its_traceback():
    with pytest.raises(RuntimeError), cli._disk_full_is_a_sentence(Path("/wh")):
        raise RuntimeError("boom")
