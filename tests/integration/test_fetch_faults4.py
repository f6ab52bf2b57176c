"""Fault round 4 of the fetch stage: codings mislabelled either way, a Refresh header, a
meta refresh to the page itself, a padded Location, a negative Content-Length, a blank
page, odd charset labels, JSON under a page's request. Same fault server and helpers as
test_fetch_faults.py, in one batch beside normal pages (its own server: the hosts of
round 3's numbers are free again once that module's server stopped)."""

from __future__ import annotations

import pytest

from tasks.common.charset import decode
from tests.integration.faultserver import FaultServer
from tests.integration.test_fetch_faults import NORMAL_HOSTS, by_url, documents, fetch, settings

# path -> the error kind it must end with (None: the page)
FAULTS4: dict[str, str | None] = {
    "/br-as-gzip": None,                  # labelled gzip, the body is brotli (whole)
    "/gzip-as-deflate": None,             # labelled deflate, the body is gzip (magic)
    "/junk-as-gzip": "bad_compression",   # labelled gzip, bytes of no coding at all
    "/refresh-header": None,              # Refresh: 0; url=... (followed like a meta)
    "/refresh-self": None,                # a meta refresh to itself: the page, no loop
    "/location-padded": None,             # whitespace around the Location value
    "/cl-negative": "protocol_error",     # Content-Length: -5
    "/blank-page": "empty_body",          # 200 with only whitespace
    "/charset-utf8-alias": None,          # charset=unicode-1-1-utf-8
    "/charset-quoted-cp1252": None,       # Charset="Windows-1252"
    "/ctype-json": "unsupported_content_type",  # an API's JSON where a page was asked
}
FIRST_HOST = 2 + len(NORMAL_HOSTS)
HOSTS4 = {path: FIRST_HOST + i for i, path in enumerate(FAULTS4)}


@pytest.fixture(scope="module")
def server4():
    srv = FaultServer([*NORMAL_HOSTS, *HOSTS4.values()]).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def run4(server4, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults4")
    urls = [server4.url(HOSTS4[p], p) for p in FAULTS4]
    normal = [server4.url(h, f"/ok/{i}") for h in NORMAL_HOSTS for i in range(3)]
    return fetch(documents(urls + normal), settings(tmp), "run-faults4"), normal


def _url(server4, path: str) -> str:
    return server4.url(HOSTS4[path], path)


def test_each_round4_fault_ends_with_its_own_kind(run4, server4) -> None:
    result, normal = run4
    log = by_url(result.fetch_log)
    assert {p: log[_url(server4, p)]["error"] for p in FAULTS4} == FAULTS4
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path, kind in FAULTS4.items():
        assert (_url(server4, path) in docs) == (kind is None), path
    assert all(log[u]["error"] is None and u in docs for u in normal)


def test_a_coding_mislabelled_either_way_is_read_by_its_bytes(run4, server4) -> None:
    """gzip labelled deflate (or br: round 3's route) is read by its magic 1f 8b; brotli
    labelled gzip by decoding as one whole brotli stream. Both were bad_compression."""
    result, _ = run4
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path in ("/br-as-gzip", "/gzip-as-deflate"):
        body = docs[_url(server4, path)]["body"]
        assert body.startswith(b"<!DOCTYPE html>") and body.endswith(b"</html>"), path


def test_refreshes_and_padded_locations(run4, server4) -> None:
    result, _ = run4
    log = by_url(result.fetch_log)
    header = log[_url(server4, "/refresh-header")]
    assert header["final_url"] == server4.url(HOSTS4["/refresh-header"],
                                              "/ok/refresh-header-target"), header
    same = log[_url(server4, "/refresh-self")]
    assert same["final_url"] == _url(server4, "/refresh-self") and same["redirects"] == []
    padded = log[_url(server4, "/location-padded")]
    assert padded["final_url"] == server4.url(HOSTS4["/location-padded"], "/ok/padded")


def test_odd_charset_labels_decode_the_page(run4, server4) -> None:
    result, _ = run4
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path in ("/charset-utf8-alias", "/charset-quoted-cp1252"):
        doc = docs[_url(server4, path)]
        assert "Zürich café" in decode(doc["body"], doc["encoding"]), (path, doc["encoding"])
