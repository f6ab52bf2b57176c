"""Standard output that cannot be written (fault round 59): a full disk or quota where
the output goes (`pressroom sql -f csv > export.csv`, `pressroom ingest > run.log`), or a
file-size limit (`ulimit -f`).

Before: `sql` and `ingest` ended in a rich traceback ("OSError: [Errno 28] No space left
on device" from rich's or the csv module's write), `ingest` after its run had committed;
`report --out -` said "the disk is full (writing to <warehouse>) ... free some space",
blaming the warehouse, which was fine. Now one sentence naming standard output and what
it is, exit 1; the run's commits are kept. A closed pipe (`| head`) stays quiet, as
click leaves it.

Real commands with their standard output on /dev/full (a device every write to which
fails with ENOSPC), or on a file under a real RLIMIT_FSIZE."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import write_warc
from tests.reliability.test_round57_reads_interrupted import _articles_warehouse

pytestmark = [pytest.mark.integration, pytest.mark.skipif(
    not os.path.exists("/dev/full") or not stat.S_ISCHR(os.stat("/dev/full").st_mode),
    reason="needs /dev/full")]

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "cannot write to standard output"


def _pressroom(*args: str, stdout, env: dict | None = None, preexec_fn=None
               ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], stdout=stdout,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                          cwd=ROOT, timeout=600, preexec_fn=preexec_fn)


def _told(done: subprocess.CompletedProcess) -> str:
    return " ".join(done.stderr.decode(errors="replace").split())


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    # 3,000 articles: a csv of them is larger than any stream's buffer, so the write
    # fails while the rows are written, not only at the exit's flush
    return _articles_warehouse(tmp_path_factory.mktemp("out") / "wh", 3_000)


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_sql_into_a_full_disk_is_a_sentence(warehouse, fmt) -> None:
    with open("/dev/full", "wb") as full:
        done = _pressroom("sql", "SELECT * FROM articles", "-f", fmt, "-w", str(warehouse),
                          stdout=full)
    told = _told(done)
    assert done.returncode == 1, told[-2000:]
    assert "Traceback" not in told, told[-2000:]  # before: rich's traceback
    assert f"{SENTENCE} (/dev/full): [Errno 28] No space left on device" in told
    assert "cut short" in told


def test_sql_past_a_file_size_limit_is_a_sentence(warehouse, tmp_path) -> None:
    export = tmp_path / "export.csv"

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))

    with open(export, "wb") as out:
        done = _pressroom("sql", "SELECT * FROM articles", "-f", "csv", "-w", str(warehouse),
                          stdout=out, preexec_fn=limited)
    told = _told(done)
    assert done.returncode == 1, told[-2000:]
    assert "Traceback" not in told, told[-2000:]
    assert f"{SENTENCE} ({export}): [Errno 27] File too large" in told
    assert export.stat().st_size <= 4096


def test_report_to_a_full_standard_output_does_not_blame_the_warehouse(warehouse) -> None:
    with open("/dev/full", "wb") as full:
        done = _pressroom("report", "--out", "-", "-w", str(warehouse), stdout=full)
    told = _told(done)
    assert done.returncode == 1, told[-2000:]
    assert "the disk is full" not in told, told[-2000:]  # before: "(writing to <wh>)"
    assert f"{SENTENCE} (/dev/full)" in told


def test_a_committed_run_whose_summary_cannot_be_written_says_so(tmp_path, prefect_server):
    warc = tmp_path / "x.warc.gz"
    write_warc(warc)
    wh = tmp_path / "wh"
    with open("/dev/full", "wb") as full:
        done = _pressroom("ingest", str(warc), "-w", str(wh), stdout=full,
                          env={**prefect_server, "PRESSROOM_BATCH_SIZE": "8"})
    told = _told(done)
    assert done.returncode == 1, told[-3000:]
    assert "Traceback" not in told, told[-3000:]  # before: rich's, from print_summary
    assert SENTENCE in told and "is kept" in told
    counted = _pressroom("sql", "SELECT count(*) AS n FROM articles", "-f", "csv", "-w",
                         str(wh), stdout=subprocess.PIPE)
    assert counted.stdout.decode().split() == ["n", "24"]  # the run itself committed


# near miss: a reader that stopped reading (`| head`) is no failure to report


def test_a_closed_pipe_stays_quiet(warehouse) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write into the pipe now fails with EPIPE
    try:
        done = _pressroom("sql", "SELECT * FROM articles", "-f", "csv", "-w", str(warehouse),
                          stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == ""  # neither a traceback nor a sentence
