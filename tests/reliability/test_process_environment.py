"""What a cron job, a container or a batch system gives the process (fault round 37):
a Prefect home the user cannot write, given as PREFECT_HOME or as the default
~/.prefect under a HOME that is not the user's (a read-only home in a container,
HOME=/ in a cron job). Real `pressroom ingest` processes over a text dump (no network).

Before: the temporary Prefect server failed its start on SQLite's "unable to open
database file" and uvicorn's status 3, taken for a port taken: respawned until the
start-up timeout (120 s by default), its traceback printed each time, then ours
("RuntimeError: the temporary Prefect server did not answer within 120 s"), exit 1.
Now: one sentence, exit 2, before any work.

As root the permission bits do not bind: the command runs under `setpriv` with the
capabilities that override them dropped (as round 29 did)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PROSE = ("The city council met on Tuesday evening to debate the budget for the coming "
         "year, and members from every party spoke about schools, roads and housing. ")


def _without_root_powers() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: permission bits cannot be made to bind")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.mark.parametrize("where", ["PREFECT_HOME", "HOME"])
def test_an_unwritable_prefect_home_is_one_sentence_before_any_work(tmp_path, where):
    dump = tmp_path / "d.txt"
    dump.write_text(f" date 2024-04-01 https://example.com/a.html\nA story\n{PROSE * 3}\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_API_URL", "PREFECT_HOME", "HOME")}
    env.update({"PYTHONPATH": str(ROOT), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "DO_NOT_TRACK": "1", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "60",
                where: str(locked) if where == "HOME" else str(locked / "prefect")})
    started = time.monotonic()
    out = subprocess.run([*_without_root_powers(), sys.executable, "-m", "flows.cli", "ingest",
                          str(dump), "-w", str(tmp_path / "wh")],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    locked.chmod(0o755)
    said = " ".join(out.stderr.split())
    assert out.returncode == 2, out.stderr[-3000:]
    assert "Traceback" not in out.stderr and "unable to open database file" not in out.stderr
    assert "no place for Prefect's database:" in said, said
    assert f"Prefect's home {locked}" in said and f"{locked} is not writable" in said
    assert "Set PREFECT_HOME to a folder this user can write" in said
    assert time.monotonic() - started < 50  # before: the start-up timeout, then a traceback
    assert not (tmp_path / "wh" / "articles").exists()
