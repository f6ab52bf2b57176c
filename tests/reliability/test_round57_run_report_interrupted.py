"""Ctrl-C while `pressroom ingest` builds its closing report (fault round 57): the batches
are committed, then the run builds the views, runs the data tests and renders the HTML
report, all DuckDB queries. DuckDB caught the SIGINT in one of them and raised
RuntimeError("Query interrupted"): a traceback from report_html.py and exit 1, as if the
run had failed. Now the run's Ctrl-C sentence and exit 130, and the same command goes on
(every input already in the warehouse) and writes the report.

The real command on a real `prefect server`, a real SIGINT sent once the run is inside
one of the report's queries (tests/reliability/ctrl_c_at.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import PAGES, write_warc
from tests.reliability.signals import ctrl_c_reaches_it

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_c_in_the_runs_closing_report_is_the_runs_sentence(tmp_path, prefect_server):
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc)
    wh = tmp_path / "wh"
    env = {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT)}
    # (anywhere inside report_html's `rows`: since session 59 the main thread waits there
    # in `interruptible` while the query runs in a worker thread)
    done = subprocess.run([sys.executable, "-m", "tests.reliability.ctrl_c_at",
                           "rows", "report_html.py", "--", "ingest", str(warc), "-w", str(wh)],
                          env=env, cwd=ROOT, capture_output=True, timeout=900,
                          preexec_fn=ctrl_c_reaches_it)
    errs = done.stderr.decode(errors="replace")
    assert "signalled" in errs, errs[-3000:]  # the signal came in the report's queries
    assert done.returncode == 130, errs[-3000:]
    assert "Traceback" not in errs and "Query interrupted" not in errs, errs[-3000:]
    assert "interrupted: the batches this run committed are kept" in " ".join(errs.split()), \
        errs[-3000:]
    again = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(warc), "-w",
                            str(wh)], env=env, cwd=ROOT, capture_output=True, timeout=900)
    out = " ".join(again.stdout.decode().split())
    assert again.returncode == 0, again.stderr.decode()[-3000:] + out[-1500:]
    assert f"inputs {PAGES} = kept 0 + rejected 0 + failed fetches 0 + already in warehouse " \
           f"{PAGES}" in out, out[-1500:]
    assert (wh / "reports" / "latest.html").is_file()
