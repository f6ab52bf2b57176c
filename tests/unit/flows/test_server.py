"""flows.server in this process: the command line and environment of the temporary Prefect
server (the same as Prefect's own), how TemporaryServer waits for and stops a server (a
stand-in HTTP server on loopback), and which server PrefectApi points a flow at.
test_start_up.py runs the real server, in fresh interpreters."""

from __future__ import annotations

import os
import socket
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows import server

# A stand-in for the Prefect server: answers /api/health on the port it is given, when
# started with the temporary server's environment (else it exits, status 9).
FAKE_SERVER = """
import http.server, os, sys
if os.environ.get("PREFECT__SERVER_EPHEMERAL") != "1":
    sys.exit(9)
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def fake(port: int) -> list[str]:
    return [sys.executable, "-c", FAKE_SERVER, str(port)]


def exits(code: int) -> list[str]:
    return [sys.executable, "-c", f"import sys; sys.exit({code})"]


def prefects_own_command(monkeypatch) -> tuple[list[str], dict[str, str]]:
    """The command line and environment Prefect's SubprocessASGIServer would spawn."""
    from prefect.server.api import server as prefect_server

    seen = {}

    def popen(args, env):
        seen.update(args=args, env=env)

    monkeypatch.setattr(prefect_server.subprocess, "Popen", popen)
    prefect_server.SubprocessASGIServer(port=4321)._run_uvicorn_command()
    return seen["args"], seen["env"]


def test_the_server_command_is_prefects_own_ended_with_this_process(monkeypatch):
    args, _ = prefects_own_command(monkeypatch)
    ours = server.server_command(4321)
    # the wrapper that ties the server to this process, then Prefect's command unchanged
    assert ours[:4] == [sys.executable, "-c", server._EXIT_WITH_PARENT, str(os.getpid())]
    assert ours[4:] == args


def test_the_server_command_is_one_uvicorn_accepts():
    import importlib

    import prefect

    cli = importlib.import_module("uvicorn.main").main  # `uvicorn.main` is the function
    command = server.server_command(4321)
    ctx = cli.make_context("uvicorn", command[command.index("uvicorn") + 1:])
    assert ctx.params["factory"] and ctx.params["app"] == "prefect.server.api.server:create_app"
    assert (ctx.params["host"], ctx.params["port"]) == ("127.0.0.1", 4321)
    assert ctx.params["lifespan"] == "on" and ctx.params["log_level"] == "error"
    assert ctx.params["app_dir"] == str(prefect.__module_path__.parent)


def test_the_server_environment_carries_prefects_flags_and_settings(monkeypatch):
    _, env = prefects_own_command(monkeypatch)
    ours = server.server_environment()
    flags = ("PREFECT_UI_ENABLED", "PREFECT__SERVER_EPHEMERAL", "PREFECT__SERVER_FINAL")
    assert {k: ours[k] for k in flags} == {k: env[k] for k in flags} == \
        {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
         "PREFECT__SERVER_FINAL": "1"}
    assert ours == env  # this process's environment and Prefect settings, as Prefect's
    monkeypatch.setenv("PRESSROOM_TEST_MARK", "x")
    bare = server.server_environment(with_settings=False)
    assert bare["PRESSROOM_TEST_MARK"] == "x" and bare["PREFECT__SERVER_FINAL"] == "1"


def test_a_profiles_file_that_is_not_utf8_is_read_not_fatal(tmp_path):
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    (home / "profiles.toml").write_bytes(
        b'# caf\xe9\n[profiles.x]\nPREFECT_API_URL = "http://127.0.0.1:4200/api"\n')
    assert server.prefect_may_be_configured({"PREFECT_HOME": str(home)}, cwd)
    (home / "profiles.toml").write_bytes(b'# caf\xe9\n[profiles.x]\n')
    assert not server.prefect_may_be_configured({"PREFECT_HOME": str(home)}, cwd)


def answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url + "/health", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_a_temporary_server_is_waited_for_then_stopped(monkeypatch):
    monkeypatch.setattr(server, "server_command", fake)
    s = server.TemporaryServer(with_settings=False)
    try:
        assert s.api_url == f"http://127.0.0.1:{s.port}/api"
        s.wait(120)
        assert answers(s.api_url)
        process = s.process
    finally:
        s.stop()
    assert s.process is None and process.returncode is not None
    assert not answers(s.api_url)
    s.stop()  # again (the exit hook after an explicit stop): nothing left to do


def test_a_port_taken_meanwhile_means_another_port(monkeypatch):
    commands = [exits(server.PORT_TAKEN)]
    monkeypatch.setattr(server, "server_command",
                        lambda port: commands.pop() if commands else fake(port))
    s = server.TemporaryServer(with_settings=False)
    first = s.process
    try:
        s.wait(120)
        assert first.returncode == server.PORT_TAKEN and s.process is not first
        assert answers(s.api_url)
    finally:
        s.stop()


def test_a_server_that_dies_or_stays_silent_is_an_error(monkeypatch):
    monkeypatch.setattr(server, "server_command", lambda port: exits(7))
    s = server.TemporaryServer(with_settings=False)
    with pytest.raises(RuntimeError, match="exited with status 7"):
        s.wait(120)
    s.stop()
    silent = [sys.executable, "-c", "import time; time.sleep(600)"]
    monkeypatch.setattr(server, "server_command", lambda port: silent)
    s = server.TemporaryServer(with_settings=False)
    try:
        with pytest.raises(RuntimeError, match="did not answer within 0 s"):
            s.wait(0.2)
    finally:
        s.stop()


class FakeServer:
    """Records what PrefectApi asks of its TemporaryServer."""

    made: list[FakeServer] = []

    def __init__(self, with_settings: bool = True) -> None:
        self.with_settings, self.waited, self.stopped = with_settings, None, False
        self.api_url = "http://127.0.0.1:1/api"
        FakeServer.made.append(self)

    def wait(self, timeout_s: float) -> None:
        self.waited = timeout_s

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def fake_server(monkeypatch, tmp_path):
    FakeServer.made = []
    monkeypatch.setattr(server, "TemporaryServer", FakeServer)
    # nothing on disk configures Prefect
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    return FakeServer.made


def test_prefect_api_spawns_a_server_only_when_no_api_is_set(fake_server):
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    assert not server.PrefectApi(start=False).starting
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        api = server.PrefectApi()
        assert not api.starting and not fake_server
        with api.ready():
            assert PREFECT_API_URL.value() == "http://127.0.0.1:9/api"
    with temporary_settings(updates={PREFECT_API_URL: None}):
        api = server.PrefectApi()
        assert api.starting and fake_server[0].with_settings  # Prefect already imported
        with api.ready():
            assert PREFECT_API_URL.value() == fake_server[0].api_url
        assert fake_server[0].waited == PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()


def test_before_prefect_is_imported_the_server_is_spawned_and_confirmed_later(
        fake_server, monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    def unimported_api() -> server.PrefectApi:
        # a fresh command: Prefect not imported yet (put back before ready() imports it)
        with monkeypatch.context() as m:
            m.delitem(sys.modules, "prefect")
            return server.PrefectApi()

    with temporary_settings(updates={PREFECT_API_URL: None}):
        api = unimported_api()
        assert api.starting and fake_server[-1].with_settings is False
        with api.ready():
            assert PREFECT_API_URL.value() == fake_server[-1].api_url
        assert not fake_server[-1].stopped
        # an API URL that only Prefect's settings knew of: that one, and no server
        api = unimported_api()
        with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
            with api.ready():
                assert PREFECT_API_URL.value() == "http://127.0.0.1:9/api"
        assert fake_server[-1].stopped and fake_server[-1].waited is None
        assert not api.starting


def test_a_free_port_is_one_a_server_can_bind():
    port = server.free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_a_server_that_fails_every_start_is_not_respawned_until_the_deadline(monkeypatch):
    """uvicorn's status 3 is also any failed start (an unwritable database): the server
    was respawned until the 120 s deadline, printing its traceback each time (round 37)."""
    monkeypatch.setattr(server, "server_command", lambda port: exits(server.PORT_TAKEN))
    s = server.TemporaryServer(with_settings=False)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match=f"exited with status {server.PORT_TAKEN}"):
        s.wait(120)
    assert time.monotonic() - started < 60
    s.stop()


def test_prefects_home_is_prefect_home_or_under_home():
    assert server.prefect_home({"PREFECT_HOME": "/x/ph", "HOME": "/h"}) == Path("/x/ph")
    assert server.prefect_home({"HOME": "/h"}) == Path("/h/.prefect")
    assert server.prefect_home({"PREFECT_HOME": "~/p", "HOME": "/h"}) == \
        Path(os.path.expanduser("~/p"))
    # No HOME at all (a cron job's, `env -i`): where expanduser finds the user's home.
    assert server.prefect_home({}) == Path(os.path.expanduser("~")) / ".prefect"


def test_a_prefect_home_that_cannot_hold_the_database_is_named(tmp_path):
    """(Round 37.) A file where the folder should be; unwritable folders need a user
    without root's capabilities: tests/reliability/test_process_environment.py."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for env in ({"PREFECT_HOME": str(blocker / "ph")}, {"PREFECT_HOME": str(blocker)},
                {"HOME": str(blocker)}):
        problem = server.prefect_home_problem(env)
        assert problem is not None and "is not a folder" in problem, env
        assert "PREFECT_HOME" in problem and "PREFECT_API_URL" in problem
    assert server.prefect_home_problem({"PREFECT_HOME": str(tmp_path / "new" / "ph")}) is None
    assert server.prefect_home_problem({"PREFECT_HOME": str(tmp_path)}) is None
    # The database elsewhere: the home is not asked about.
    assert server.prefect_home_problem({
        "PREFECT_HOME": str(blocker / "ph"),
        "PREFECT_API_DATABASE_CONNECTION_URL": "postgresql+asyncpg://db/prefect"}) is None
