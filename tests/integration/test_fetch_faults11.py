"""Fault round 11: a Content-Type of folded values and a relative meta refresh under
`<base href>`, served by a fault server of its own on 127.0.0.1 (no other address)
through one whole `ingest` flow under the session's Prefect harness.

- `Content-Type: text/html, text/html; charset=utf-8` (two headers folded by a proxy)
  and `application/octet-stream, text/html; charset=iso-8859-2` (an application's type
  appended to the server's default): read as one type, no type the fetcher allows, so
  both pages were `unsupported_content_type` failed fetches.
- A print copy at /r11/print/moved with `<base href="/r11/news/">` and a meta refresh
  to "moved-story": joined with the page's address, /r11/print/moved-story was fetched,
  a 404 (round 10's known item).
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import FaultServer, story
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
POLISH = "Zak\u0142ad w \u0141odzi i \u017cegluga na Odrze"


class Round11Server(FaultServer):
    """The round's routes under /r11/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        if path == "/r11/ct/folded":
            await self._send(writer, "200 OK", story("folded", "Folded type").encode(),
                             "text/html, text/html; charset=utf-8")
        elif path == "/r11/ct/appended":
            await self._send(writer, "200 OK", story("appended", POLISH).encode("iso-8859-2"),
                             "application/octet-stream, text/html; charset=iso-8859-2")
        elif path == "/r11/print/moved":
            body = ('<html><head><base href="/r11/news/">'
                    '<meta http-equiv="refresh" content="0; url=moved-story"></head>'
                    "<body><p>Moved.</p></body></html>")
            await self._send(writer, "200 OK", body.encode())
        elif path == "/r11/news/moved-story":
            await self._send(writer, "200 OK", story("moved", "Moved story").encode())
        elif path.startswith("/r11/"):
            await self._send(writer, "404 Not Found", b"no such page", "text/plain")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server11():
    srv = Round11Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_folded_types_and_a_based_refresh_keeps_every_page(
        prefect_harness, server11, tmp_path, warehouse) -> None:
    """On main (measured): 0 articles, 3 failed fetches (`unsupported_content_type`
    "content-type text/html, text/html" and "... application/octet-stream, text/html";
    `http_404` at /r11/print/moved-story). Now 3 articles, the Polish title decoded
    from ISO-8859-2, the refresh followed to /r11/news/moved-story; no reject, no failed
    fetch, every data test at 0."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    u = lambda p: server11.url(HOST, p)  # noqa: E731
    inputs = [u("/r11/ct/folded"), u("/r11/ct/appended"), u("/r11/print/moved")]
    manifest = ingest(inputs=inputs, settings=settings(warehouse))

    titles = dict(_table(warehouse, "SELECT url, title FROM articles"))
    assert titles == {u("/r11/ct/folded"): "Folded type", u("/r11/ct/appended"): POLISH,
                      u("/r11/print/moved"): "Moved story"}
    log = {r[0]: r[1:] for r in _table(
        warehouse, "SELECT url, final_url, error, content_type, encoding FROM fetch_log")}
    assert log[u("/r11/print/moved")][:2] == (u("/r11/news/moved-story"), None)
    assert log[u("/r11/ct/appended")][1:] == (None, "text/html", "iso8859-2")
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    assert manifest["totals"]["rejected"] == 0 and manifest["totals"]["failed"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
    assert not [h for h in server11.hits_for(HOST) if h.path == "/r11/print/moved-story"]
