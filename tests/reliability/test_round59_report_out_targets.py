"""`pressroom report --out PATH` where PATH is not a plain file (fault round 59).

The report is written to `<PATH>.tmp` and renamed over PATH, so no reader sees half a
page. The rename replaced whatever PATH was: a named pipe became a regular file (its
reader waited for ever, and the command said "report: PATH (53 KB)", exit 0), a link to
/dev/null became a file (run as root, as in a container, /dev/null and /dev/stdout
themselves would be), a link to a published page lost its link while the page it named
kept the old report, and a process substitution (`--out >(gzip > r.gz)`, /dev/fd/63) was
refused as "not writable". Now a pipe or a device is written into, as `>` would, and a
link is followed to the file it names, which is replaced whole.

Real `pressroom report` commands on a small committed warehouse."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.reliability.warehouses import committed_warehouse

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def _report(wh: Path, out: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", "report", "-w", str(wh),
                           "--out", out], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          cwd=ROOT, capture_output=True, timeout=300, **kwargs)


def test_a_named_pipe_gets_the_page_and_stays_a_pipe(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh")
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    opened = threading.Event()

    def read_all() -> None:  # the reader, as `cat report.pipe > r.html` would be
        with open(fifo, "rb") as stream:
            opened.set()
            got.append(stream.read())

    # held open for writing too while the command runs, so that the reader's open does
    # not wait for a writer and its read ends when the command is done, whether or not
    # the command wrote into the pipe
    holder = os.open(fifo, os.O_RDWR)
    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    assert opened.wait(30)
    try:
        done = _report(wh, str(fifo))
    finally:
        os.close(holder)
    reader.join(60)
    page = got[0] if got else b""
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # before: replaced by a regular file
    assert page.startswith(b"<!DOCTYPE html") and page.rstrip().endswith(b"</html>")
    assert not (tmp_path / "report.pipe.tmp").exists()


def test_a_link_to_a_device_is_written_into_and_stays_a_link(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh")
    link = tmp_path / "discard.html"
    link.symlink_to(os.devnull)
    done = _report(wh, str(link))
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert link.is_symlink() and os.readlink(link) == os.devnull  # before: a file
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_link_to_a_published_page_updates_the_page_and_keeps_the_link(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh")
    site = tmp_path / "site"
    site.mkdir()
    page = site / "report.html"
    page.write_text("the old report")
    link = tmp_path / "latest.html"
    link.symlink_to(page)
    done = _report(wh, str(link))
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert link.is_symlink()  # before: replaced by a file, the page left as it was
    assert page.read_bytes().startswith(b"<!DOCTYPE html")
    assert str(page) in " ".join(done.stdout.decode().split())


def test_a_process_substitution_is_written_into(tmp_path) -> None:
    """`--out >(gzip > r.gz)`: the shell names the pipe /dev/fd/N, a link into /proc,
    where no temporary file can be made: it was refused, exit 2."""
    wh = committed_warehouse(tmp_path / "wh")
    read_end, write_end = os.pipe()
    got: list[bytes] = []

    def read_all() -> None:
        with os.fdopen(read_end, "rb") as stream:
            got.append(stream.read())

    reader = threading.Thread(target=read_all)
    reader.start()
    try:
        done = _report(wh, f"/dev/fd/{write_end}", pass_fds=(write_end,))
    finally:
        os.close(write_end)
        reader.join(60)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert got and got[0].startswith(b"<!DOCTYPE html")


def test_standard_output_named_as_a_file_is_standard_output(tmp_path) -> None:
    """`--out /dev/fd/1` (or /dev/stdout) into a pipe: the page alone, as `--out -` gives
    it, the lines for people on standard error. It was refused ("/dev/fd is not
    writable"); once written into, the data tests' lines followed the page."""
    wh = committed_warehouse(tmp_path / "wh")
    done = _report(wh, "/dev/fd/1")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout.startswith(b"<!DOCTYPE html")
    assert done.stdout.rstrip().endswith(b"</html>")
    assert "report: standard output" in done.stderr.decode()


# near miss: a plain file is still replaced whole by a rename (a reader of it never sees
# half a page)


def test_a_plain_file_is_still_replaced_by_a_rename(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh")
    plain = tmp_path / "r.html"
    plain.write_text("the old report")
    before = os.stat(plain).st_ino
    done = _report(wh, str(plain))
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert plain.read_bytes().startswith(b"<!DOCTYPE html")
    assert os.stat(plain).st_ino != before  # a new file renamed over it, not rewritten
    assert not (tmp_path / "r.html.tmp").exists()
