"""A pipe named on the command line is read as standard input is (fault round 58):
`pressroom ingest <(grep news urls.txt)` (a shell's process substitution names
/dev/fd/63) was skipped as "a named pipe (FIFO), not a file: not read", and the run
exited 0 having read nothing; the next such run said "already in warehouse" of the pipe's
name. Real FIFOs, written by a thread as a shell's process would."""

from __future__ import annotations

import gzip
import os
import threading
from pathlib import Path

import pytest
import typer

from flows.cli import _standard_input
from tests.integration.test_crash_resume import write_warc

URLS = b"https://news.example/a.html\nhttps://news.example/b.html\n"


def _pipe(tmp_path: Path, name: str, data: bytes) -> tuple[str, threading.Thread]:
    """A FIFO and the thread that writes `data` into it once a reader opens it."""
    path = tmp_path / name
    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as fh:  # blocks until the reader opens the pipe
            fh.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return str(path), writer


def test_a_url_list_in_a_named_pipe_is_read(tmp_path):
    fifo, writer = _pipe(tmp_path, "63", URLS)
    plain = tmp_path / "more.urls"
    plain.write_bytes(b"https://news.example/c.html\n")
    with _standard_input([fifo, str(plain)]) as named:
        assert named[1] == str(plain)  # a file stays itself
        assert named[0] != fifo and named[0].endswith("stdin.urls")
        assert Path(named[0]).read_bytes() == URLS
    writer.join(10)


def test_a_warc_in_a_named_pipe_is_saved_whole(tmp_path):
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc)
    fifo, writer = _pipe(tmp_path, "63", warc.read_bytes())
    with _standard_input([fifo]) as [saved]:
        assert saved.endswith(".warc.gz")
        assert Path(saved).read_bytes() == warc.read_bytes()
        assert gzip.decompress(Path(saved).read_bytes()).startswith(b"WARC/")
    writer.join(10)


def test_a_pipe_named_twice_is_read_once(tmp_path):
    fifo, writer = _pipe(tmp_path, "63", URLS)
    with _standard_input([fifo, fifo]) as named:
        assert len(named) == 1 and Path(named[0]).read_bytes() == URLS
    writer.join(10)


def test_an_empty_pipe_is_a_sentence_and_exit_2(tmp_path, capsys):
    fifo, writer = _pipe(tmp_path, "63", b"")
    with pytest.raises(typer.Exit) as stopped, _standard_input([fifo]):
        pass
    assert stopped.value.exit_code == 2
    assert f"nothing piped in: the pipe {fifo} held no text" in " ".join(
        capsys.readouterr().err.split())
    writer.join(10)
