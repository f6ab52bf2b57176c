"""A write no retry gets past, in the commands that write outside a run: `forget`,
`reindex` and `report`. `ingest`, `reprocess`, `backfill` and `compact` ended with a
sentence (fault rounds 29, 37); these three ended with pyarrow's, tantivy's or DuckDB's
traceback (fault round 45, measured under `prlimit --fsize=20000` on a warehouse of 41
articles). The limit is a real one: RLIMIT_FSIZE set in the child (Python ignores
SIGXFSZ, so the write fails with EFBIG)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.warehouses import committed_warehouse

ROOT = Path(__file__).resolve().parents[2]


def _limited(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as Linux has it")
@pytest.mark.parametrize("command", [
    ["forget", "--domain", "e.com"],
    ["report"],
    ["reindex"],
])
def test_forget_reindex_and_report_stop_on_a_file_size_limit_with_a_sentence(
        tmp_path, command) -> None:
    root = committed_warehouse(tmp_path / "wh")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
           "PREFECT_HOME": str(tmp_path / "prefect")}
    done = subprocess.run([sys.executable, "-m", "flows.cli", *command, "-w", str(root)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=_limited(1500))
    said = " ".join(done.stderr.split())
    assert done.returncode == 1, said[-3000:]
    assert "a file grew past the largest size this process may write" in said, said[-3000:]
    assert "run the same command again" in said and "Traceback" not in said, said[-3000:]
    # and with the limit gone, the same command does it
    again = subprocess.run([sys.executable, "-m", "flows.cli", *command, "-w", str(root)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
