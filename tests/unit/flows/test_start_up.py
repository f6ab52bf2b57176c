"""What `pressroom ingest` does while Prefect's temporary server starts: the stages'
one-time loads (tasks.steps.warm_up_stages), and the server it spawns itself
(flows.server.TemporaryServer). Each in a fresh interpreter, where nothing is loaded yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def fresh(code: str, **env: str) -> dict:
    """Run `code` in a new interpreter (the repo on its path); it prints one JSON line."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


LOADED = """
import json, os
from trafilatura import external
from tasks.common import text
from tasks.enrich import gazetteer, keywords
def loaded():
    return {"stoplist": external.JT_STOPLIST is not None,
            "langid": text._lang_identifier.cache_info().currsize,
            "automata": gazetteer.automaton.cache_info().currsize,
            "stopwords": keywords.stopwords.cache_info().currsize}
"""


def test_warm_up_in_one_process_loads_what_the_first_pages_would():
    got = fresh(LOADED + """
before = loaded()
from tasks.common.settings import Settings
from tasks.steps import warm_up_stages
warm_up_stages(Settings(cpu_workers=1))
print(json.dumps({"before": before, "after": loaded()}))
""")
    assert got["before"] == {"stoplist": False, "langid": 0, "automata": 0, "stopwords": 0}
    assert got["after"]["stoplist"] and got["after"]["langid"] == 1
    assert got["after"]["automata"] >= 1 and got["after"]["stopwords"] >= 1


def test_warm_up_with_workers_starts_the_pool_the_stages_then_use():
    got = fresh("""
import json, os
from tasks.common import parallel
from tasks.common.settings import Settings
from tasks.steps import warm_up_stages
from tasks.extract.pages import warm_up
warm_up_stages(Settings(cpu_workers=2))
pool = parallel._POOL
import pyarrow as pa
# the pool the stages get afterwards is the warmed one, and its workers are other processes
pids = parallel.map_batch(warm_up, pa.table({"n": [0, 1]}), workers=2, min_rows=0)
print(json.dumps({"same_pool": parallel._pool(2) is pool, "pids": pids, "me": os.getpid()}))
""")
    assert got["same_pool"]
    assert got["me"] not in got["pids"]


@pytest.mark.integration
def test_temporary_server_answers_then_stops(tmp_path):
    got = fresh("""
import json, urllib.request
from flows.server import TemporaryServer
s = TemporaryServer()
s.wait(300)
with urllib.request.urlopen(s.api_url + "/health") as r:
    status = r.status
pid, url = s.process.pid, s.api_url
s.stop()
print(json.dumps({"status": status, "pid": pid, "url": url, "after": s.process is None}))
""", PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1")
    assert got["status"] == 200 and got["after"]
    assert not Path(f"/proc/{got['pid']}").exists() or \
        Path(f"/proc/{got['pid']}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    with pytest.raises(OSError):
        urllib.request.urlopen(got["url"] + "/health", timeout=5)
