"""The Prefect API a command's flows report to: the one in PREFECT_API_URL, or a temporary
local Prefect server, spawned as soon as a command knows it will run a flow. Wiring only.

Why not leave it to Prefect: its temporary server starts when the first flow asks for a
client, and the flow waits for it. Spawned here first thing, the server process starts on
its own core while this process imports the pipeline (trafilatura, pyarrow, Prefect's
client side), and a run pays only what is left.

Why not Prefect's `SubprocessASGIServer` to spawn it: importing its module imports
Prefect's whole server side (FastAPI app, SQLAlchemy models, docket) into *this* process
only to run `python -m uvicorn ... prefect.server.api.server:create_app` in another one:
8-9 s of CPU on the 2-core benchmark machine, under the GIL beside the pipeline's own
imports, before the server process was even spawned (BENCHMARKS.md, "Issue 10",
"Start-up"). The command line and environment below are Prefect 3.9's
(`SubprocessASGIServer._run_uvicorn_command`): the same app factory, ephemeral (no UI, only
the services an ephemeral server runs), on a free loopback port, with this process's
Prefect settings.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

# How often ready() asks the starting server for /health: each try is a loopback request.
POLL_S = 0.05
# Exit status of uvicorn when its port was taken between our pick and its bind. uvicorn
# gives the same status to any failed start (an unwritable database), so a server is
# respawned at most RESPAWNS times: each further start would fail the same way (round 37).
PORT_TAKEN = 3
RESPAWNS = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Run before the server's own command (Linux): ask the kernel to SIGKILL this process
# when the process that spawned it dies (prctl PR_SET_PDEATHSIG = 1; it survives the
# exec below), give up if that already happened, then become the server. A SIGKILLed
# run has no exit hook to stop its server, which otherwise lives on as an orphan.
# SIGKILL, not SIGTERM: with its run gone the server has nothing left to flush, and
# uvicorn's graceful shutdown (Prefect's services stopping) once outlived the 30 s the
# test gives it on a busy CI machine. Its SQLite database recovers from its journal.
# (The signal follows the spawning *thread*: spawn from the main thread.)
_EXIT_WITH_PARENT = (
    "import ctypes, os, signal, sys; "
    "ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0); "
    "os.getppid() == int(sys.argv[1]) or sys.exit(0); "
    "os.execv(sys.argv[2], sys.argv[2:])")


def exit_with_parent(command: list[str]) -> list[str]:
    """`command`, wrapped so that it ends when this process dies (Linux only; elsewhere
    unchanged)."""
    if not sys.platform.startswith("linux"):
        return command
    return [sys.executable, "-c", _EXIT_WITH_PARENT, str(os.getpid()), *command]


def server_command(port: int) -> list[str]:
    """Prefect's own temporary-server command line (Prefect 3.9), ended with this
    process. (Prefect's location without importing it: see PrefectApi.)"""
    prefect = importlib.util.find_spec("prefect")
    return exit_with_parent([sys.executable, "-m", "uvicorn",
            "--app-dir", str(Path(prefect.origin).parent.parent),
            "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"])


def server_environment(with_settings: bool = True) -> dict[str, str]:
    """This process's environment and Prefect settings, plus the flags Prefect gives its
    temporary server: no UI, ephemeral services only, the last app of its process.
    with_settings=False leaves Prefect's settings to the server itself: right when they
    all come from the environment and files it reads the same way (PrefectApi)."""
    settings = {}
    if with_settings:
        from prefect.settings import get_current_settings

        settings = get_current_settings().to_environment_variables(exclude_unset=True)
    return {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1", **settings}


# Where Prefect 3.9 reads settings besides the environment: its profiles file, and these
# files of the working directory (pyproject.toml only under [tool.prefect]).
_SETTINGS_FILES = ("prefect.toml", ".env")


def prefect_may_be_configured(environ: Mapping[str, str], cwd: Path) -> bool:
    """Whether Prefect's settings could name an API (or anything else) that only Prefect
    itself can resolve: an API URL in the environment, a profiles file that mentions one,
    or a settings file in the working directory. False means the temporary server is
    what Prefect would use, with settings from the environment alone."""
    if environ.get("PREFECT_API_URL"):
        return True
    home = Path(environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    profiles = Path(environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml")
    if "PREFECT_API_URL" in _read(profiles.expanduser()):
        return True
    if any((cwd / name).exists() for name in _SETTINGS_FILES):
        return True
    return "tool.prefect" in _read(cwd / "pyproject.toml")


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def api_problem(url: str, timeout_s: float = 10.0) -> str | None:
    """Why the Prefect API at `url` (PREFECT_API_URL) cannot serve a run, or None: a
    server that does not answer at all (refused, no such host, no answer in time). Any
    HTTP answer is a server there (Prefect Cloud answers /health too; its errors are
    Prefect's to report). A server that was down ended every flow command with 400 lines
    of httpx's and Prefect's traceback, "RuntimeError: Failed to reach API at ..."
    (fault round 29). Asked through the environment's proxies, as Prefect's client is."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout_s):
            return None
    except urllib.error.HTTPError:
        return None  # an answer: a server is there
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        why = getattr(reason, "strerror", None) or str(reason) or type(exc).__name__
        return (f"the Prefect server at {url} (PREFECT_API_URL, from the environment or "
                f"the Prefect profile) does not answer ({why}): start it (`prefect server "
                "start`), or unset PREFECT_API_URL to run on a temporary server of the "
                "run's own")


def prefect_home(environ: Mapping[str, str]) -> Path:
    """Where Prefect keeps its database, profiles and results: PREFECT_HOME, or ~/.prefect
    under the environment's HOME (the password database's home when HOME is unset, as
    Python's expanduser reads it)."""
    home = environ.get("PREFECT_HOME") or str(Path(environ.get("HOME") or "~") / ".prefect")
    return Path(os.path.expanduser(home))


def prefect_home_problem(environ: Mapping[str, str]) -> str | None:
    """Why the temporary Prefect server cannot keep its database in Prefect's home, or
    None. Under an unwritable PREFECT_HOME (a read-only HOME in a container, a home
    owned by another user, a cron job's HOME=/) the server failed at its start with
    SQLite's "unable to open database file" and uvicorn's exit status 3, which read as a
    port taken: respawned for 120 s, 40 tracebacks printed, then a RuntimeError traceback
    of ours (fault round 37). Not asked when the database is elsewhere
    (PREFECT_API_DATABASE_CONNECTION_URL) or a server is named (the caller's check)."""
    if environ.get("PREFECT_API_DATABASE_CONNECTION_URL") or environ.get(
            "PREFECT_SERVER_DATABASE_CONNECTION_URL"):
        return None
    home = prefect_home(environ)
    # The folder itself, or the nearest folder above it that exists (Prefect creates the
    # rest), must take a new file.
    probe = home
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    database = home / "prefect.db"
    if not probe.is_dir():
        why = f"{probe} is not a folder"
    elif not os.access(probe, os.W_OK | os.X_OK):
        why = f"{probe} is not writable"
    elif database.exists() and not os.access(database, os.W_OK):
        why = f"its database {database} is not writable"
    else:
        return None
    return (f"Prefect's home {home} (PREFECT_HOME, by default ~/.prefect) cannot hold the "
            f"temporary Prefect server's database: {why}. Set PREFECT_HOME to a folder this "
            "user can write (e.g. PREFECT_HOME=/tmp/prefect), or PREFECT_API_URL to a "
            "running Prefect server")


class TemporaryServer:
    """A Prefect server process on a free loopback port, stopped when this process exits
    (SIGTERM included: the CLI turns it into a normal exit). Its exit hook is registered
    before the flow starts, so it runs after the hooks Prefect registers later to flush
    the last events and logs to the server (atexit runs last-registered first)."""

    def __init__(self, with_settings: bool = True) -> None:
        self.port = free_port()
        self._environment = server_environment(with_settings)
        self.process: subprocess.Popen | None = subprocess.Popen(
            server_command(self.port), env=self._environment)
        atexit.register(self.stop)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _healthy(self) -> bool:
        # Straight to loopback, whatever proxy the environment names.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(f"{self.api_url}/health", timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def wait(self, timeout_s: float) -> None:
        """Block until the server answers /health; respawn on another port when the one
        picked was taken meanwhile; raise when it died or did not answer in time."""
        deadline = time.monotonic() + timeout_s
        respawns = 0
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == PORT_TAKEN and respawns < RESPAWNS:
                respawns += 1
                self.port = free_port()
                self.process = subprocess.Popen(server_command(self.port),
                                                env=self._environment)
                continue
            if code is not None:
                raise RuntimeError(f"the temporary Prefect server exited with status {code} "
                                   "before it answered (its error is printed above)")
            if self._healthy():
                return
            time.sleep(POLL_S)
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout_s:.0f}"
                           " s (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


class PrefectApi:
    """`with PrefectApi().ready(): flow(...)`: the flow runs against PREFECT_API_URL when
    it is set; otherwise against a temporary server this object spawned at creation.
    start=False leaves it all to Prefect (a Dask run, which needs a server of its own
    anyway)."""

    def __init__(self, start: bool = True) -> None:
        self._server: TemporaryServer | None = None
        self._unconfirmed = False
        if not start:
            return
        # Importing Prefect's settings imports Prefect (~1.4-2 s of CPU): when nothing but
        # the environment can configure it and nothing has imported it yet (a fresh
        # `pressroom` process), the server is spawned first and the settings checked in
        # ready(), once the flow's imports have loaded Prefect anyway.
        if "prefect" not in sys.modules and not prefect_may_be_configured(os.environ,
                                                                          Path.cwd()):
            self._server, self._unconfirmed = TemporaryServer(with_settings=False), True
            return
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            self._server = TemporaryServer()

    @property
    def starting(self) -> bool:
        """True when this object spawned a server (the flow will wait for it)."""
        return self._server is not None

    @contextmanager
    def ready(self) -> Iterator[None]:
        """Waits for the server, then points Prefect's client at it for the block."""
        if self._server is None:
            yield
            return
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
            temporary_settings,
        )

        if self._unconfirmed and PREFECT_API_URL.value():  # configured after all
            self._server.stop()
            self._server = None
            yield
            return
        self._server.wait(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        with temporary_settings(updates={PREFECT_API_URL: self._server.api_url}):
            yield
