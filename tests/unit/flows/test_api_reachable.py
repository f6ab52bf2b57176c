"""A PREFECT_API_URL naming a server that does not answer (fault round 29): the flow
commands said so in 400 lines of httpx's and Prefect's traceback ("RuntimeError: Failed
to reach API at http://127.0.0.1:9/api/"), measured with `pressroom ingest`; now one
sentence, exit 2, before any work. Loopback only."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest
import typer

from flows import cli, server


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed when the block ends: nothing listens


@pytest.fixture
def answering():
    """A loopback server answering /api/health 200 and anything else 401."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/api/health" else 401)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_server_that_does_not_answer_is_named_with_the_way_out():
    url = f"http://127.0.0.1:{_closed_port()}/api"
    assert server.api_problem(url, timeout_s=5) == (
        f"the Prefect server at {url} (PREFECT_API_URL, from the environment or the Prefect "
        "profile) does not answer (Connection refused): start it (`prefect server start`), "
        "or unset PREFECT_API_URL to run on a temporary server of the run's own")


def test_a_server_that_answers_is_no_problem_whatever_it_answers(answering):
    assert server.api_problem(f"{answering}/api") is None
    assert server.api_problem(f"{answering}/api/") is None
    assert server.api_problem(f"{answering}/other") is None  # 401: a server is there


def test_the_command_exits_2_with_the_sentence(monkeypatch, capsys):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = f"http://127.0.0.1:{_closed_port()}/api"
    with temporary_settings(updates={PREFECT_API_URL: url}), \
            pytest.raises(typer.Exit) as exit_info:
        cli._require_api()
    assert exit_info.value.exit_code == 2
    said = " ".join(capsys.readouterr().err.split())
    assert said.startswith(f"no Prefect server: the Prefect server at {url}")


def test_no_url_configured_is_no_check(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.setattr(server, "api_problem", lambda url: pytest.fail("asked"))
    with temporary_settings(updates={PREFECT_API_URL: None}):
        cli._require_api()


def test_a_server_that_takes_the_connection_and_never_answers_is_named_in_time():
    # seed 61: a listener that never answers (a hung server, a firewall's tarpit) is a
    # problem once the timeout has passed, named as what it is
    import time

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/api"
        started = time.monotonic()
        problem = server.api_problem(url, timeout_s=0.5)
        took = time.monotonic() - started
    assert problem.startswith(f"the Prefect server at {url} (PREFECT_API_URL, from the "
                              "environment or the Prefect profile) does not answer (timed out)")
    assert took < 5


@pytest.mark.parametrize("url", ["http://", "http:///api"])
def test_a_url_of_no_host_is_named_as_such(url):
    # seed 61: a PREFECT_API_URL naming no host (a typo) says so
    assert server.api_problem(url, timeout_s=0.5).startswith(
        f"the Prefect server at {url} (PREFECT_API_URL, from the environment or the Prefect "
        "profile) does not answer (no host given)")
