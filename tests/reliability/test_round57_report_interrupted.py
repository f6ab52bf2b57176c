"""Ctrl-C during `pressroom report` (fault round 57; round 56's known item): DuckDB
catches the SIGINT in the report's queries and its Python client raises
RuntimeError("Query interrupted"), which was a traceback from report.py and exit 1. Now
exit 130 and a sentence, as `sql` (round 56) and a run.

Round 56's real SIGINT at a random moment was flaky (some queries never look for it).
Here the real command runs in a child process beside a thread that sends the process a
real SIGINT once its main thread is inside the report's rendering, which is DuckDB
queries over the views: the signal always lands in the report, whichever query."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.signals import ctrl_c_reaches_it
from tests.reliability.warehouses import committed_warehouse

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

# The real `pressroom` command, and a thread that sends it SIGINT once its main thread is
# inside a query of the report's rendering: its top frame is report_html's `rows` and
# stands on the call of `execute` (DuckDB releases the GIL while it works, so the watcher
# runs meanwhile). The child says "signalled" when it did, so a report that ended first
# fails the test rather than passing it unsignalled.
CHILD = """
import dis, os, signal, sys, threading, time
import flows.cli

def in_a_query(frame):
    if frame is None or frame.f_code.co_name != "rows" or not frame.f_code.co_filename.endswith(
            "report_html.py"):
        return False
    calls = {i.offset for i in dis.get_instructions(frame.f_code) if i.opname == "CALL"}
    return frame.f_lasti in calls

def watch():
    main = threading.main_thread().ident
    while not in_a_query(sys._current_frames().get(main)):
        time.sleep(0.0002)
    print("signalled", file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGINT)

threading.Thread(target=watch, daemon=True).start()
sys.argv = ["pressroom", *sys.argv[1:]]
flows.cli.app()
"""


def test_ctrl_c_during_a_report_is_a_sentence_and_exit_130(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh", runs=2, rows=20_000)
    reports = wh / "reports"
    done = subprocess.run([sys.executable, "-c", CHILD, "report", "-w", str(wh)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, timeout=300,
                          preexec_fn=ctrl_c_reaches_it)
    errs = done.stderr.decode(errors="replace")
    assert "signalled" in errs, errs[-3000:]  # the signal came during the report
    assert done.returncode == 130, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
    assert "interrupted: the report was stopped" in " ".join(errs.split()), errs[-3000:]
    # nothing half-written is left: no report file, nor a temporary one
    assert not reports.exists() or not list(reports.iterdir())
    again = subprocess.run([sys.executable, "-m", "flows.cli", "report", "-w", str(wh)],
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                           capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode(errors="replace")[-3000:]
    assert (reports / "latest.html").is_file()
