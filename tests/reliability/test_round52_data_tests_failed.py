"""An `ingest` into a warehouse whose data tests fail (fault round 52): a committed
Parquet file replaced by a folder (a restore that made a folder of its name, a sync tool's
conflict copy) is left out of every view, so `committed_files_readable` fails after every
later run. The run committed its batches, then ended with "RuntimeError: data tests
failed after run ...", Prefect's traceback and the command line's, exit 1. Now the flow
ends in a Failed state whose message says what failed, that the run's work is committed
and where to look; the command prints it, exit 1, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.reliability.warehouses import committed_warehouse

REPO = Path(__file__).resolve().parents[2]
DUMP = REPO / "seeds" / "000_a88de07e7e5ec5c5.txt"


def test_an_ingest_whose_data_tests_fail_says_so_without_a_traceback(tmp_path):
    root = committed_warehouse(tmp_path / "wh")
    broken = sorted((root / "rejects").glob("*.parquet"))[0]
    broken.unlink()
    broken.mkdir()  # a folder where a committed file was
    shutil.copy(DUMP, tmp_path / DUMP.name)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"PYTHONPATH": str(REPO), "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "COLUMNS": "400"})
    done = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", "-w", str(root),
                           str(tmp_path / DUMP.name)], env=env, capture_output=True,
                          timeout=600)
    said = (done.stdout + done.stderr).decode()
    assert done.returncode == 1, said[-3000:]
    assert "Traceback" not in said, said[-3000:]
    assert "data tests failed after run" in said and \
        "committed_files_readable (1 failing row(s))" in said, said[-3000:]
    assert "The run committed its work (inputs 1 = kept 1 + rejected 0" in said
    assert "Finished in state Failed(" in said  # still a failed run, for a deployment
    con = duckdb.connect()
    kept = con.execute("SELECT count(*) FROM read_parquet(?)",
                       [str(root / "articles" / "*.parquet")]).fetchone()[0]
    assert kept == 1  # the run's article is committed
