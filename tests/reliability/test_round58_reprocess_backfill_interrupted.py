"""Ctrl-C (and SIGTERM) during `pressroom reprocess` and `pressroom backfill` (fault round
58): both exited 130 with no word after Prefect's "Crash detected!" lines, where `ingest`
says what it kept and how to go on. Now the run's sentence with the command's own way on,
and the same command again finishes the work, losing and duplicating nothing: the same
articles, rejects and fetch_log rows as one run that was never stopped.

Real commands on a real `prefect server`, real signals sent at a known point (the second
batch commit, or the second file's run committed: CRASHPOINT_SIGNAL), pages served by a
loopback site on this round's own address."""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.integration.test_backfill import FILES, write_ccnews
from tests.integration.test_crash_resume import _page, _paragraphs
from tests.reliability.test_standard_input import _pressroom
from tests.site import answer, serving

pytestmark = pytest.mark.integration

HOST = "127.0.0.57"  # this round's own loopback address: no politeness state shared
PAGES = 24
# A page of 1, 2 or 3 paragraphs of 28 words: at 60 words the ingest keeps a third of
# them; the reprocess, at the default 25, keeps the others as new articles
INGEST_MIN_WORDS = "60"
COUNTS = ("SELECT (SELECT count(*) FROM articles) AS articles, "
          "(SELECT count(DISTINCT url) FROM articles) AS urls, "
          "(SELECT count(*) FROM rejects) AS rejects, "
          "(SELECT count(*) FROM fetch_log) AS fetches")


class _Site(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        body = self.pages.get(self.path)
        answer(self, body or b"", "text/html; charset=utf-8", 200 if body is not None else 404)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    rng = random.Random(58)
    pages = {f"/story/{i}.html": _page(f"Story {i}", _paragraphs(rng, i % 3 + 1))
             for i in range(PAGES)}
    with serving(type("Site", (_Site,), {"pages": pages}), HOST) as base:
        yield base


def _counts(wh: Path, env: dict) -> str:
    done = _pressroom("sql", COUNTS, "-f", "csv", "-w", str(wh), stdin=subprocess.DEVNULL,
                      env=env)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout.decode()


def _told(done: subprocess.CompletedProcess) -> str:
    return " ".join(done.stderr.decode(errors="replace").split())


@pytest.mark.parametrize("signal_name, code", [("INT", 130), ("TERM", 143)])
def test_a_stopped_reprocess_says_so_and_the_same_command_finishes_it(
        tmp_path, prefect_server, site, signal_name, code):
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{site}/story/{i}.html\n" for i in range(PAGES)))
    env = {**prefect_server, "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]',
           "PRESSROOM_PER_HOST_DELAY_S": "0", "PRESSROOM_RESPECT_ROBOTS": "false",
           "PRESSROOM_BATCH_SIZE": "4"}
    wh, whole = tmp_path / "wh", tmp_path / "whole"
    ingested = _pressroom("ingest", str(urls), "-w", str(wh), stdin=subprocess.DEVNULL,
                          env={**env, "PRESSROOM_MIN_WORDS": INGEST_MIN_WORDS})
    assert "kept 8 + rejected 16" in " ".join(ingested.stdout.decode().split()), \
        _told(ingested)[-3000:]
    shutil.copytree(wh, whole)
    never_stopped = _pressroom("reprocess", "-w", str(whole), stdin=subprocess.DEVNULL, env=env)
    assert "kept 16" in " ".join(never_stopped.stdout.decode().split()), \
        _told(never_stopped)[-3000:]

    stopped = _pressroom("reprocess", "-w", str(wh), stdin=subprocess.DEVNULL,
                         env={**env, "CRASHPOINT_KILL_AT": "batch-committed:2",
                              "CRASHPOINT_SIGNAL": signal_name})
    told = _told(stopped)
    assert stopped.returncode == code, told[-3000:]
    assert "Traceback" not in told, told[-3000:]
    if signal_name == "INT":  # SIGTERM's exit is the signal's (a service manager's stop)
        assert ("interrupted: the batches this run committed are kept (a commit is whole or "
                "absent); run the same command again to go on: it re-extracts every page "
                "again") in told, told[-3000:]
    again = _pressroom("reprocess", "-w", str(wh), stdin=subprocess.DEVNULL, env=env)
    assert again.returncode == 0, _told(again)[-3000:]
    assert _counts(wh, env) == _counts(whole, env)
    assert _counts(wh, env).splitlines()[1] == f"{PAGES},{PAGES},16,{PAGES}"


@pytest.mark.parametrize("signal_name, code", [("INT", 130), ("TERM", 143)])
def test_a_stopped_backfill_says_so_and_the_same_command_finishes_it(
        tmp_path, prefect_server, signal_name, code):
    folder, wh = tmp_path / "cc-news", tmp_path / "wh"
    folder.mkdir()
    write_ccnews(folder)
    backfill = ("backfill", str(folder), "--from", "2024-05-01", "--to", "2024-05-31",
                "-w", str(wh))
    stopped = _pressroom(*backfill, stdin=subprocess.DEVNULL,
                         env={**prefect_server, "CRASHPOINT_KILL_AT": "run-committed:2",
                              "CRASHPOINT_SIGNAL": signal_name})
    told = _told(stopped)
    assert stopped.returncode == code, told[-3000:]
    assert "Traceback" not in told, told[-3000:]
    if signal_name == "INT":
        assert ("interrupted: the batches this run committed are kept (a commit is whole or "
                "absent); run the same command again to go on: files already ingested are "
                "skipped") in told, told[-3000:]
    again = _pressroom(*backfill, stdin=subprocess.DEVNULL, env=prefect_server)
    out = " ".join(again.stdout.decode().split())
    assert again.returncode == 0, _told(again)[-3000:]
    assert "4 file(s) in range: 2 ingested now, 2 already ingested" in out, out[-2000:]
    pages = sum(FILES.values())
    assert _counts(wh, prefect_server).splitlines()[1] == f"{pages},{pages},0,0"
