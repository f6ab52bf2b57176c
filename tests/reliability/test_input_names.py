"""Inputs named on the command line by paths that are no UTF-8 (fault round 41): a real
`pressroom ingest` process, as a user on a latin-1 system or a script runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DUMP = (" date 2024-04-04 https://news.example/a.html\nHarbour budget passes\n"
        + "The city council met on Tuesday evening to debate the budget for the coming "
          "year, and members from every party spoke about schools, roads and housing. " * 2)


def test_ingest_of_a_file_whose_path_is_no_utf8_reads_it(tmp_path, prefect_server):
    """`pressroom ingest '/data/d\\xe9p/a.txt'` (a folder named in latin-1) started its
    run, then ended "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udce9'
    in position 256: surrogates not allowed" with Prefect's traceback, exit 1: a flow's
    parameters must be UTF-8. Now the article is kept, its source named with \\xNN."""
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/d\xe9p"))
    folder.mkdir()
    (folder / "a.txt").write_text(DUMP, encoding="utf-8")
    env = {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT), "PRESSROOM_MIN_WORDS": "10"}
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", os.fsencode(folder / "a.txt"),
         "--warehouse", str(tmp_path / "wh")],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-2000:]
    assert "Traceback" not in done.stderr
    assert "inputs 1 = kept 1 + rejected 0" in " ".join(done.stdout.split())
    query = subprocess.run(
        [sys.executable, "-m", "flows.cli", "sql", "SELECT source FROM articles", "-f", "csv",
         "--warehouse", str(tmp_path / "wh")],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert query.stdout.split() == ["source", f"{tmp_path}/d\\xe9p/a.txt"], query.stderr
