"""Fault round 12: brotli bodies that are no brotli or that carry bytes after their
end, a body of a byte-order mark alone, and a page with no letters in it, served by a
fault server of its own on 127.0.0.1 (no other address) through the fetch stage and one
whole `ingest` flow under the session's Prefect harness.

- `/r12/br-junk`: bytes that are no brotli stream under `Content-Encoding: br`, which
  the decoder reads as a stream stopping early: it was `truncated`, retried as a cut
  transfer is, where gzip's corrupt data is `bad_compression`.
- `/r12/br-trailing`, `/r12/br-comment`: a whole brotli page, then a newline or an HTML
  comment a script or cache appended: `bad_compression`, the page lost (gzip ignores
  junk after its member).
- `/r12/bom-only`: a 200 of a UTF-8 BOM and a newline: it passed the fetch and was
  rejected by the extraction as "unparsable or empty HTML", where an empty body is
  `empty_body`.
- a text dump of results whose body is digits, punctuation and emoji: a language was
  still given (the detector's guess: `vo`, Volapük, at 0.60).
"""

from __future__ import annotations

import random

import brotli
import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story
from tests.integration.test_fetch_faults import by_url, documents, fetch, settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
# Bytes brotli's decoder reads without an error and without an end (as in
# tests/unit/common/test_codings.py): what it decodes to is binary.
NOT_BROTLI = random.Random(12).randbytes(256 * 34)[256 * 33:]


def scores_dump() -> str:
    """A text dump (the seed format) of results: no letter in its body (its title has
    some). A page of such text is no article to trafilatura (`too_short`, 0 words); a
    dump's body is kept as it is."""
    rows = "\n".join(f"{d % 4}:{(d * 7) % 5} ({d * 3}%) ⚽ {d % 3 + 1} – {(d * 5) % 4}, "
                     f"+{d} / -{d % 6} ★★★ {d * 11}." for d in range(1, 29))
    return f" date 2024-05-28 https://scores.example/2024/05/results.html\nResults\n{rows}\n"


class Round12Server(FaultServer):
    """The round's routes under /r12/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        br = [("Content-Encoding", "br")]
        if path == "/r12/br-junk":
            await self._send(writer, "200 OK", NOT_BROTLI, extra=br)
        elif path == "/r12/br-trailing":
            body = brotli.compress(story("trailing", "Trailing newline").encode()) + b"\n"
            await self._send(writer, "200 OK", body, extra=br)
        elif path == "/r12/br-comment":
            body = (brotli.compress(story("comment", "Cached copy").encode())
                    + b"<!-- served from cache -->")
            await self._send(writer, "200 OK", body, extra=br)
        elif path == "/r12/bom-only":
            await self._send(writer, "200 OK", b"\xef\xbb\xbf\n")
        elif path == "/r12/plain":
            await self._send(writer, "200 OK", story("plain", "Plain page").encode())
        elif path.startswith("/r12/"):
            await self._send(writer, "404 Not Found", b"no such page", "text/plain")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server12():
    srv = Round12Server([HOST]).start()
    yield srv
    srv.stop()


def test_brotli_faults_and_a_bom_alone_are_named_at_the_fetch(server12, tmp_path) -> None:
    """On main (measured): `/r12/br-junk` `truncated` after 3 attempts, the two pages
    with bytes after their brotli stream `bad_compression`, `/r12/bom-only` passed on
    as a page. Now: `bad_compression` at the first attempt, two pages, `empty_body`."""
    u = lambda p: server12.url(HOST, p)  # noqa: E731
    paths = ["/r12/br-junk", "/r12/br-trailing", "/r12/br-comment", "/r12/bom-only"]
    result = fetch(documents([u(p) for p in paths]), settings(tmp_path), "run12-fetch")
    log = by_url(result.fetch_log)
    assert {p: log[u(p)]["error"] for p in paths} == {
        "/r12/br-junk": "bad_compression", "/r12/br-trailing": None,
        "/r12/br-comment": None, "/r12/bom-only": "empty_body"}
    assert log[u("/r12/br-junk")]["attempts"] == 1  # corrupt data is not retried
    assert log[u("/r12/br-junk")]["error_detail"].startswith(
        "br: the data is no brotli stream: it decodes to binary data")
    assert sorted(result.table["url"].to_pylist()) == [u("/r12/br-comment"),
                                                       u("/r12/br-trailing")]


def test_an_ingest_of_the_rounds_faults_loses_nothing(
        prefect_harness, server12, tmp_path, warehouse) -> None:
    """On main (measured): 2 articles (the plain page, and the results dump in `vo`),
    3 failed fetches (`truncated`, `bad_compression` twice) and one extraction reject of
    the BOM. Now 4 articles, the results in no language, 2 failed fetches
    (`bad_compression`, `empty_body`), no reject; every input accounted for, every data
    test at 0."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    u = lambda p: server12.url(HOST, p)  # noqa: E731
    pages = ["/r12/plain", "/r12/br-trailing", "/r12/br-comment"]
    failing = {"/r12/br-junk": "bad_compression", "/r12/bom-only": "empty_body"}
    dump = tmp_path / "results.txt"
    dump.write_text(scores_dump(), encoding="utf-8")
    manifest = ingest(inputs=[*(u(p) for p in [*pages, *failing]), str(dump)],
                      settings=settings(warehouse))

    kept = dict(_table(warehouse, "SELECT url, language FROM articles"))
    assert kept == {u("/r12/plain"): "en", u("/r12/br-trailing"): "en",
                    u("/r12/br-comment"): "en",
                    "https://scores.example/2024/05/results.html": None}
    log = dict(_table(warehouse, "SELECT url, error FROM fetch_log"))
    assert log == {**{u(p): None for p in pages}, **{u(p): e for p, e in failing.items()}}
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    assert_run_conserves(manifest, 4, 0, 2)
