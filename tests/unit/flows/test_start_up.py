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


def test_prefect_settings_beyond_the_environment_are_noticed(tmp_path):
    from flows.server import prefect_may_be_configured

    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    env = {"PREFECT_HOME": str(home)}
    assert not prefect_may_be_configured(env, cwd)
    assert prefect_may_be_configured({**env, "PREFECT_API_URL": "http://127.0.0.1:4200/api"},
                                     cwd)
    (home / "profiles.toml").write_text('active = "x"\n[profiles.x]\n')
    assert not prefect_may_be_configured(env, cwd)
    (home / "profiles.toml").write_text(
        'active = "x"\n[profiles.x]\nPREFECT_API_URL = "http://127.0.0.1:4200/api"\n')
    assert prefect_may_be_configured(env, cwd)
    other = tmp_path / "profiles-elsewhere.toml"
    assert not prefect_may_be_configured({**env, "PREFECT_PROFILES_PATH": str(other)}, cwd)
    (home / "profiles.toml").unlink()
    (cwd / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert not prefect_may_be_configured(env, cwd)
    (cwd / "pyproject.toml").write_text('[tool.prefect.api]\nurl = "http://127.0.0.1:1/api"\n')
    assert prefect_may_be_configured(env, cwd)
    (cwd / "pyproject.toml").unlink()
    for name in ("prefect.toml", ".env"):
        (cwd / name).write_text("")
        assert prefect_may_be_configured(env, cwd)
        (cwd / name).unlink()


def test_a_fresh_command_spawns_the_server_before_importing_prefect(tmp_path):
    """Nothing configures Prefect: the server is spawned with Prefect not yet imported;
    when an API URL turns out to be configured after all (here: set in-process before
    ready()), that URL is used and the spawned server is stopped."""
    got = fresh("""
import json, sys
from flows.server import PrefectApi
api = PrefectApi()
imported = "prefect" in sys.modules
proc = api._server.process
from prefect.settings import PREFECT_API_URL, temporary_settings
with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
    with api.ready():
        url = PREFECT_API_URL.value()
print(json.dumps({"imported": imported, "starting": api.starting, "url": url,
                  "stopped": proc.poll() is not None}))
""", PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1", PREFECT_API_URL="")
    assert got["imported"] is False
    assert got["url"] == "http://127.0.0.1:9/api" and got["stopped"]


@pytest.mark.integration
def test_the_early_server_is_the_one_the_flow_reports_to(tmp_path):
    got = fresh("""
import json, sys, urllib.request
from flows.server import PrefectApi
api = PrefectApi()
imported = "prefect" in sys.modules
from prefect.settings import PREFECT_API_URL
with api.ready():
    url = PREFECT_API_URL.value()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url + "/health", timeout=30) as r:
        status = r.status
print(json.dumps({"imported": imported, "url": url, "ours": api._server.api_url,
                  "status": status}))
""", PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1", PREFECT_API_URL="")
    assert got["imported"] is False
    assert got["url"] == got["ours"] and got["status"] == 200


def loaded_in_worker(_rows) -> dict:
    """Run in a pool worker: what it holds before doing any work of its own."""
    from trafilatura import external

    from tasks.common import text
    from tasks.enrich import gazetteer
    return {"preloaded": "tasks.worker_preload" in sys.modules,
            "langid": text._lang_identifier.cache_info().currsize,
            "automata": gazetteer.automaton.cache_info().currsize,
            "stoplist": external.JT_STOPLIST is not None, "pid": os.getpid()}


POOL_STATE = """
import json, sys
import pyarrow as pa
from tasks.common import parallel
if sys.argv[-1] == "preload":
    parallel.preload_in_workers(["tasks.worker_preload"])
from tests.unit.flows.test_start_up import loaded_in_worker
print(json.dumps(parallel.map_batch(loaded_in_worker, pa.table({"n": [0, 1]}), workers=2,
                                    min_rows=0)))
"""


def test_workers_start_with_the_stages_loaded_once_by_the_forkserver():
    def state(mode: str) -> list[dict]:
        done = subprocess.run([sys.executable, "-c", POOL_STATE, mode], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    preloaded, cold = state("preload"), state("cold")
    assert len(preloaded) == 2 and all(w["pid"] != os.getpid() for w in preloaded)
    for w in preloaded:
        assert w["preloaded"] and w["langid"] == 1 and w["automata"] >= 1 and w["stoplist"]
    for w in cold:  # the control: without the preload a worker starts with nothing loaded
        assert not w["preloaded"] and w["langid"] == 0 and not w["stoplist"]
