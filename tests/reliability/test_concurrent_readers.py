"""Parallel readers on a fresh warehouse (issue 11, item 3): several `pressroom sql` at
once on a warehouse without pressroom.duckdb all answer, and the right rows."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tasks.storage.report import DB_NAME
from tests.reliability.warehouses import committed_warehouse

pytestmark = pytest.mark.integration

READERS = 6
ROUNDS = 3


def _start_readers(root, n):
    code = "from flows.cli import app; app()"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return [subprocess.Popen(
        [sys.executable, "-c", code, "sql", "SELECT count(*) AS n FROM rejects", "-w",
         str(root), "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(n)]


def test_parallel_readers_on_a_fresh_warehouse_all_answer(tmp_path):
    root = committed_warehouse(tmp_path / "wh")
    failures = []
    for _round in range(ROUNDS):
        (root / DB_NAME).unlink(missing_ok=True)  # fresh again: every reader may build
        procs = _start_readers(root, READERS)
        for p in procs:
            out, errs = p.communicate(timeout=300)
            if p.returncode != 0 or out.split() != ["n", "6"]:
                failures.append((p.returncode, out[-300:], errs[-600:]))
    assert not failures, failures
    # No builder left a temporary file behind.
    assert sorted(p.name for p in root.iterdir() if DB_NAME in p.name) == [
        f".{DB_NAME}.lock", DB_NAME]
