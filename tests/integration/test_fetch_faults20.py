"""Fault round 20: labels and statuses browsers read otherwise, input folders as people
copy them, dumps dated loosely, and a file named twice. One whole `ingest` flow under the
session's Prefect harness, over a fault server of the round's own on 127.0.0.1 (no other
address):
- `/r20/sjis`: a story with ①, ㈱ and Ⅰ (NEC's row of Shift_JIS) under `charset=x-sjis`
  (on main each was U+FFFD and the byte after it a character of its own: "�@", "�T");
- `/r20/w31j`: a story with a Japanese name under `charset=windows-31j`, IANA's name of
  Windows' Shift_JIS (on main an unknown label: read as cp1252, "“Œ‹ž" for 東京);
- `/r20/waf`: a 202 Accepted with a bot check's script page, as AWS WAF's challenge
  answers (on main the page passed on and the extraction rejected it);
- a folder of inputs copied by macOS (a `._<name>` beside each file) holding a `.git`
  folder, a URL list and a file of two dumps whose second header has an unpadded date,
  the list also named on its own (on main: `binary_content` and `missing_header`
  rejects for the hidden files, the second article glued into the first, the list read
  twice);
- the warehouse's `manifests/` holding macOS's `._<name>` of a manifest and Emacs's
  `.#<name>` lock (on main the first refused as a damaged manifest, the second a
  FileNotFoundError).
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
APPLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\xff"
SJIS_LINE = "The plan has three parts: ① the tram, ② the bridge and Ⅰ期 works by 東京㈱ Rail."
W31J_LINE = "The mayor met 東京都の知事 and the two signed the harbour agreement on Monday."
BODY = ("The council met on Tuesday and debated the budget for the harbour at length. "
        "Members asked how the new quay would be paid for, and the treasurer said the city "
        "would borrow half of it over twenty years at a fixed rate.\n")


def page(slug: str, lead: str = "") -> str:
    return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story {slug}"
            f"</h1><p>{lead}</p>{story_paragraphs(slug)}</article></body></html>")


class Round20Server(FaultServer):
    """The round's routes under /r20/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        if path == "/r20/sjis":
            await self._send(writer, "200 OK", page("sjis", SJIS_LINE).encode("cp932"),
                             "text/html; charset=x-sjis")
        elif path == "/r20/w31j":
            await self._send(writer, "200 OK", page("w31j", W31J_LINE).encode("cp932"),
                             "text/html; charset=windows-31j")
        elif path == "/r20/waf":
            body = (b"<html><head><title>Human Verification</title></head><body><script>"
                    b"challenge()</script><noscript>Enable JavaScript</noscript></body></html>")
            await self._send(writer, "202 Accepted", body,
                             extra=[("x-amzn-waf-action", "challenge")])
        elif path == "/r20/a":
            await self._send(writer, "200 OK", page("a").encode())
        elif path.startswith("/r20/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server20():
    srv = Round20Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server20, tmp_path, warehouse) -> None:
    """Now: the three stories and the two dumps kept whole, the 202 one failed fetch
    (`http_202`), no reject; inputs = kept + rejected + failed, every data test at 0. On
    main (measured, main's files put back): see RELIABILITY.md, round 20."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server20.url(HOST, f"/r20/{slug}")

    folder = tmp_path / "copied"
    (folder / ".git" / "logs").mkdir(parents=True)
    (folder / ".git" / "logs" / "HEAD.txt").write_text("Unnamed repository.\n")
    (folder / "pages.urls").write_text("".join(f"{u(s)}\n" for s in ("sjis", "w31j", "waf", "a")))
    (folder / "two.txt").write_text(" date 2024-05-01 https://dumps.example/one\nOne\n\n" + BODY
                                    + "\n date 2024-5-3 https://dumps.example/two\nTwo\n\n"
                                    + BODY.replace("Tuesday", "Friday"))
    for name in ("._pages.urls", "._two.txt", ".DS_Store"):
        (folder / name).write_bytes(APPLE)
    (warehouse / "manifests").mkdir()
    (warehouse / "manifests" / "._20240101T000000Z-000000.json").write_bytes(APPLE)
    (warehouse / "manifests" / ".#20240101T000000Z-000000.json").symlink_to(
        "user@host.4242:1700000000")

    manifest = ingest(inputs=[str(folder), str(folder / "pages.urls")],
                      settings=settings(warehouse))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {u("sjis"), u("w31j"), u("a"), "https://dumps.example/one",
                          "https://dumps.example/two"}
    assert SJIS_LINE in texts[u("sjis")] and W31J_LINE in texts[u("w31j")]
    assert not any("\ufffd" in t for t in texts.values())
    assert texts["https://dumps.example/one"] == BODY.strip()  # the second not glued on
    assert "Friday" in texts["https://dumps.example/two"]
    assert _table(warehouse, "SELECT reason FROM rejects") == []
    failures = _table(warehouse, "SELECT url, status, error, error_detail FROM fetch_log "
                                 "WHERE error IS NOT NULL")
    assert [(url, status, error) for url, status, error, _ in failures] == [
        (u("waf"), 202, "http_202")]
    assert "sent no page" in failures[0][3]
    notes = " ".join(manifest.get("notes", []))
    assert "hidden file(s) or folder(s) passed over" in notes and "read once" in notes
    assert_run_conserves(manifest, 5, 0, 1)
