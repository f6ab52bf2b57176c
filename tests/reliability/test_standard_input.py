"""`pressroom ingest -` reads standard input (session 52): a URL list or a text dump piped
in, as Unix tools take "-". It was "no such input: -". Real `pressroom` processes: one
with a real Prefect server ingesting a piped dump, the refusals before any run."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.discover.inputs import piped_input
from tests.reliability.signals import ctrl_c_reaches_it

ROOT = Path(__file__).resolve().parents[2]
DUMP = (" date 2024-04-04 https://news.example/piped.html\nHarbour budget passes\n"
        + "The city council met on Tuesday evening to debate the budget for the coming "
          "year, and members from every party spoke about schools, roads and housing. " * 2)


def _pressroom(*args: str, stdin, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], stdin=stdin,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                          cwd=ROOT, capture_output=True, timeout=600,
                          preexec_fn=ctrl_c_reaches_it)


@pytest.mark.integration
def test_a_dump_piped_in_is_ingested_and_its_temporary_file_removed(tmp_path, prefect_server):
    """Compressed as it came (`curl | gzip`), named twice: one article kept, its source
    the file standard input was saved to for the run, gone after it."""
    wh = tmp_path / "wh"
    env = {**prefect_server, "PRESSROOM_MIN_WORDS": "10"}
    done = _pressroom("ingest", "-", "-", "--warehouse", str(wh),
                      stdin=_pipe(gzip.compress(DUMP.encode())), env=env)
    out = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()[-3000:] + out[-2000:]
    assert "inputs 1 = kept 1 + rejected 0" in out
    query = _pressroom("sql", "SELECT source, title FROM articles", "-f", "csv",
                       "--warehouse", str(wh), stdin=subprocess.DEVNULL, env=env)
    [header, row] = query.stdout.decode().splitlines()
    source, title = row.split(",", 1)
    assert Path(source).name == "stdin.txt" and title == "Harbour budget passes"
    assert not Path(source).exists()  # the run's temporary copy is removed


def _pipe(data: bytes) -> int:
    """A real pipe holding `data` (closed for writing), to hand a process as its stdin."""
    read, write = os.pipe()
    os.write(write, data)
    os.close(write)
    return read


def test_nothing_piped_in_is_refused_before_any_run(tmp_path):
    """An empty pipe, and standard input left at a terminal (the command would sit
    waiting for typing): exit 2 with a sentence, no warehouse written."""
    wh = tmp_path / "wh"
    empty = _pressroom("ingest", "-", "-w", str(wh), stdin=_pipe(b" \n"))
    assert empty.returncode == 2, empty.stderr.decode()
    assert "nothing piped in" in empty.stderr.decode()
    primary, secondary = os.openpty()
    try:
        at_terminal = _pressroom("ingest", "-", "-w", str(wh), stdin=secondary)
    finally:
        os.close(primary)
        os.close(secondary)
    assert at_terminal.returncode == 2, at_terminal.stderr.decode()
    assert "is a terminal" in " ".join(at_terminal.stderr.decode().split())
    assert not (wh / "manifests").exists()


def test_too_much_piped_in_is_refused(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import tasks.discover.inputs
    from flows.cli import app

    monkeypatch.setattr(tasks.discover.inputs, "MAX_PIPED_BYTES", 100)
    out = CliRunner().invoke(app, ["ingest", "-", "-w", str(tmp_path / "wh")],
                             input=b"https://news.example/a\n" * 10)
    assert out.exit_code == 2
    assert "more than 100 bytes" in " ".join(out.output.split())


@pytest.mark.parametrize("data, name", [
    (DUMP.encode(), "stdin.txt"),
    (gzip.compress(DUMP.encode()), "stdin.txt"),
    ("\ufeff date 2024-04-04 https://n.example/a\nT\nBody.\n".encode(), "stdin.txt"),
    (b"# links\nhttps://n.example/a\nnot a link\n", "stdin.urls"),
    (gzip.compress(b"https://n.example/a\n"), "stdin.urls"),
    (gzip.compress(DUMP.encode())[:30], "stdin.txt"),  # damaged: the dump reader says so
])
def test_standard_input_is_saved_as_the_file_its_first_line_says(tmp_path, data, name):
    """A dump's header line makes it a dump; anything else is read as a URL list, so a
    line that is no URL costs that line, not the list."""
    path = piped_input(data, tmp_path)
    assert path.name == name and path.read_bytes() == data

