"""Paths the system refuses to look at (fault round 53): a name longer than the
filesystem's 255 bytes, a path longer than Linux's 4,096 (a generated name, a folder
nested too deep). Python 3.11's `Path.exists()` and `is_dir()` raise ENAMETOOLONG where
they answer False for a missing name, so `pressroom ingest` of such an input, any
command given such a `--warehouse`, and `report --out` of one ended in a traceback, exit
1. Now a sentence each, exit 2, before any work (`location.path_refused`). Real
commands in subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.warehouses import committed_warehouse

ROOT = Path(__file__).resolve().parents[2]


def _pressroom(*args: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"},
                          capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    return done.returncode, " ".join((done.stdout + done.stderr).split())


def test_an_input_whose_name_is_too_long_is_a_sentence(tmp_path):
    name, deep = "a" * 300 + ".txt", "/".join(["d" * 250] * 20) + "/x.txt"
    code, said = _pressroom("ingest", str(tmp_path / name), str(tmp_path / deep),
                            str(tmp_path / "missing.txt"), "-w", str(tmp_path / "wh"))
    assert code == 2 and "Traceback" not in said, said[-3000:]
    assert "the system cannot look at this path: File name too long (a name of 304 bytes)" \
        in said
    assert "File name too long (a path of" in said
    # the guard: a name that is merely missing says only that
    assert f"no such input: {tmp_path / 'missing.txt'}" in said
    assert f"{tmp_path / 'missing.txt'}:" not in said


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["runs"], ["compact"], ["report"],
                                     ["ingest", "-"]])
def test_a_warehouse_whose_name_is_too_long_is_a_sentence(tmp_path, command):
    code, said = _pressroom(*command, "-w", str(tmp_path / ("w" * 300)))
    assert code == 2 and "Traceback" not in said, said[-3000:]
    assert "bad warehouse:" in said and "File name too long (a name of 300 bytes)" in said


def test_a_report_file_whose_name_is_too_long_is_a_sentence(tmp_path):
    """253 bytes is a name the filesystem takes, but not with the .tmp the report is
    written under first."""
    wh = committed_warehouse(tmp_path / "wh")
    for name, length in (("r" * 300, 300), ("r" * 253, 257)):
        code, said = _pressroom("report", "--out", str(tmp_path / name), "-w", str(wh))
        assert code == 2 and "Traceback" not in said, said[-3000:]
        assert f"cannot write the report: --out {tmp_path / name}: the system cannot " \
               f"look at this path: File name too long (a name of {length} bytes)" in said
