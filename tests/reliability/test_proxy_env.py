"""A proxy setting does not break runs (issue 11, item 9): the embedded Prefect server on
loopback is reached directly, whatever http_proxy says."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
              "ALL_PROXY")


def test_loopback_is_added_to_no_proxy_keeping_what_was_there():
    from flows import loopback_bypasses_proxy

    env = {"NO_PROXY": "corp.example, 127.0.0.1"}
    loopback_bypasses_proxy(env)
    assert env["NO_PROXY"] == "corp.example,127.0.0.1,localhost,::1"
    assert env["no_proxy"] == "127.0.0.1,localhost,::1"
    loopback_bypasses_proxy(env)  # idempotent
    assert env["no_proxy"] == "127.0.0.1,localhost,::1"


# The embedded server as Prefect starts it in a subprocess (prefect_test_harness, and
# `prefect server` ephemeral mode): its start-up health check is an httpx.Client that
# honours proxy variables. Started after `import flows`, as every pressroom entry point is.
_SCRIPT = """
import sys
import flows  # noqa: F401  (pressroom's entry points import it before Prefect runs)
from prefect.testing.utilities import prefect_test_harness
from tasks.common.settings import Settings
with prefect_test_harness(server_startup_timeout=60):
    from flows.ingest import ingest
    m = ingest(inputs=[sys.argv[1]], settings=Settings(warehouse=sys.argv[2]))
    print("kept", m["totals"]["kept"])
"""


@pytest.mark.integration
def test_a_run_succeeds_with_a_dead_proxy_in_the_environment(tmp_path, seed_dump):
    # A port that refuses connections: bound, never listening, on loopback.
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))
    proxy = f"http://127.0.0.1:{dead.getsockname()[1]}"
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in ("NO_PROXY", *PROXY_VARS) and not k.startswith("PREFECT_API")}
    env.update({k: proxy for k in PROXY_VARS})
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1")
    try:
        done = subprocess.run([sys.executable, "-c", _SCRIPT, str(seed_dump),
                               str(tmp_path / "wh")],
                              capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path)
    finally:
        dead.close()
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-3000:])
    assert "kept 1" in done.stdout
