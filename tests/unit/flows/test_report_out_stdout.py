"""`pressroom report --out -` (fault round 51): it wrote a file named "-" in the current
folder. `-` is standard output, as Unix tools read it: the page alone on standard output,
the lines for people on standard error, no file written; `./-` still names a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _report(folder: Path, warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    """The real command, run in `folder` (where a file named "-" would land)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PRESSROOM_WAREHOUSE": str(warehouse),
           "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "flows.cli", "report", *args], cwd=folder,
                          env=env, capture_output=True, timeout=300)


def _reports(warehouse: Path) -> list[str]:
    folder = warehouse / "reports"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_out_dash_writes_the_report_to_standard_output(search_wh, tmp_path):
    here = tmp_path / "here"
    here.mkdir()
    done = _report(here, search_wh, "--out", "-")
    assert done.returncode == 0, done.stderr.decode()
    page = done.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), page[:200]
    assert "Storm floods coast" in page  # the warehouse's article, in the page
    said = done.stderr.decode()
    assert "data test: articles_text_not_empty: ok" in said and "report: standard output" in said
    assert "data test:" not in page
    assert list(here.iterdir()) == []  # no file named "-"
    assert _reports(search_wh) == []  # nor the run's report or latest.html


def test_a_file_named_dash_is_still_named_by_its_path(search_wh, tmp_path):
    """The guards: `./-` is a file called "-", and `--out r.html` writes that file and
    says so on standard output, as before."""
    here = tmp_path / "here"
    here.mkdir()
    done = _report(here, search_wh, "--out", "./-")
    assert done.returncode == 0, done.stderr.decode()
    assert (here / "-").read_bytes().startswith(b"<!DOCTYPE html>")
    assert b"<!DOCTYPE" not in done.stdout and b"report: " in done.stdout
    done = _report(here, search_wh, "--out", "r.html")
    assert done.returncode == 0, done.stderr.decode()
    assert b"Storm floods coast" in (here / "r.html").read_bytes()
    assert f"report: {here / 'r.html'}" in " ".join(done.stdout.decode().split())
