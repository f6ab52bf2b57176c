"""A small committed warehouse built without Prefect (publish_run), for the tests of
readers, paths and preflight checks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from schemas import REJECTS, conform
from tasks.storage.publish import publish_run


def committed_warehouse(root: Path, runs: int = 2, rows: int = 3) -> Path:
    """`runs` committed runs of `rows` rejects each, and no pressroom.duckdb."""
    for r in range(runs):
        run_id = f"2024010{r + 1}T000000Z-00000{r}"
        now = datetime.now(UTC)
        table = conform([{"input_key": f"k{r}-{i}", "stage": "clean", "reason": "too_short",
                          "rejected_at": now, "run_id": run_id, "url": f"https://e.com/{r}/{i}"}
                         for i in range(rows)], REJECTS, "rejects")
        publish_run(root, {"rejects": table}, {
            "run_id": run_id, "started_at": now.isoformat(),
            "totals": {"inputs": rows, "kept": 0, "rejected": rows, "failed": 0, "skipped": 0}})
    return root
