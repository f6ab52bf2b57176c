"""The Prefect API a command's flows report to: the one in PREFECT_API_URL, or Prefect's
temporary local server, started in the background as soon as a command knows it will run
a flow. Wiring only.

Why not leave it to Prefect: its temporary server starts when the first flow asks for a
client, and the flow waits for it (10-20 s on a loaded 2-core machine: the server
process imports Prefect's whole server side and checks its database). Started here, the
wait overlaps this process's own imports and checks (pipeline modules, trafilatura,
pyarrow: 3-6 s), and a run pays only what is left.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class PrefectApi:
    """`with PrefectApi().ready(): flow(...)`: the flow runs against PREFECT_API_URL when
    it is set; otherwise against a temporary server this object started at creation.
    start=False leaves it all to Prefect (a Dask run, which
    needs a server of its own anyway)."""

    def __init__(self, start: bool = True) -> None:
        from prefect.settings import PREFECT_API_URL

        self._server = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if start and not PREFECT_API_URL.value():
            self._thread = threading.Thread(target=self._start, name="prefect-server",
                                            daemon=True)
            self._thread.start()

    def _start(self) -> None:
        try:
            from prefect.server.api.server import SubprocessASGIServer

            # Prefect's own instance (the one it would start itself), on a free port.
            self._server = SubprocessASGIServer()
            self._server.start()
        except BaseException as exc:  # re-raised in the main thread, by ready()
            self._error = exc

    @contextmanager
    def ready(self) -> Iterator[None]:
        """Waits for the server, then points Prefect's client at it for the block. The
        server stops when this process exits (Prefect's own exit hook, registered when it
        started: after the hooks that flush the last events and logs to it)."""
        if self._thread is None:
            yield
            return
        from prefect.settings import PREFECT_API_URL, temporary_settings

        self._thread.join()
        if self._error is not None:
            raise self._error
        with temporary_settings(updates={PREFECT_API_URL: self._server.api_url}):
            yield
