"""`ingest`, `compact` and `reprocess` over a read-only warehouse (fault round 64's probe,
handled since the preflight of rounds 29 and 52, pinned here on a real read-only mount:
as root, which writes through any permission, a read-only bind mount in a mount
namespace of the command's own). Each is refused before any work (no Prefect flow,
no fetch, no extraction) with a sentence naming the folder, exit 2, no traceback, and
nothing is written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.read_only import run_read_only
from tests.reliability.warehouses import committed_warehouse

REPO = Path(__file__).resolve().parents[2]
DUMP = REPO / "seeds" / "000_a88de07e7e5ec5c5.txt"


def _listing(root: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(root)), p.stat().st_size) for p in root.rglob("*"))


@pytest.mark.parametrize("command", [["ingest", str(DUMP)], ["compact", "--min-files", "2"],
                                     ["reprocess"]], ids=["ingest", "compact", "reprocess"])
def test_a_command_that_writes_is_refused_by_a_read_only_warehouse(tmp_path, command):
    root = committed_warehouse(tmp_path / "wh", runs=3)
    before = _listing(root)
    out = run_read_only(root, [sys.executable, "-m", "flows.cli", *command, "-w", str(root)],
                        mount_only=True, capture_output=True, timeout=300,
                        env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "300"})
    said = " ".join(out.stderr.decode().split() + out.stdout.decode().split())
    assert out.returncode == 2, said
    assert f"bad warehouse: warehouse {root} is not writable (Read-only file system)" in said
    assert "Traceback" not in said and "Flow run" not in said  # before any work
    assert _listing(root) == before
