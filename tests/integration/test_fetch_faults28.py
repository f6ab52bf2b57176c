"""Fault round 28: the stages after extraction on scripts and pictures (a ZWNJ or ZWJ a
script spells with, an emoji ZWJ sequence, vowels written as combining marks), a dump
header with its time after a space, and a Location whose `//` is too long. One whole
`ingest` flow under the session's Prefect harness, over a fault server of the round's own
on 127.0.0.1 (no other address):
- `pages.urls`, a URL list of
  - `/r28/hi`: a Hindi story (its keywords were shards on main: "गलव", "टवर");
  - `/r28/slash`: a 301 to `http:///127.0.0.1:<port>/r28/moved` (on main the path
    `/127.0.0.1:<port>/r28/moved` asked for, an `http_404`);
- `fa.txt`: a Persian dump dated ` date 2024-04-04 10:00 URL`, titled with a family
  emoji, its words spelt with ZWNJs (on main `missing_header`; dated so by a `T`, its
  text stored without the ZWNJs and the family as three people);
- `two.txt`: two dumps dated ` date 2024-04-05 9:30 UTC URL` and `... 11:00:00 +02:00
  URL` (on main one `missing_header` reject for the file).
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import unquote

import pytest

from tests.integration.faultserver import PROSE, FaultServer, assert_run_conserves, story
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
HINDI = ("दिल्ली सरकार ने मंगलवार को घोषणा की कि अगले साल मेट्रो नेटवर्क का विस्तार किया "
         "जाएगा। मुख्यमंत्री ने कहा कि नई लाइनें शहर के पूर्व और पश्चिम को जोड़ेंगी। "
         "मेट्रो के नए स्टेशन दिल्ली के हर ज़िले में बनेंगे और किराया नहीं बढ़ेगा।")
PERSIAN = ("شهرداری تهران اعلام کرد که شبکه\u200cی مترو را در سال آینده گسترش می\u200cدهد. "
           "شهردار گفت خط\u200cهای جدید شرق و غرب شهر را به هم وصل می\u200cکنند و "
           "ایستگاه\u200cهای تازه در همه\u200cی محله\u200cها ساخته می\u200cشوند.")


def hindi_page() -> str:
    body = "".join(f"<p>{HINDI}</p>" for _ in range(4))
    return ('<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8">'
            "<title>दिल्ली मेट्रो का विस्तार</title></head><body><article>"
            f"<h1>दिल्ली मेट्रो का विस्तार</h1>{body}</article></body></html>")


class Round28Server(FaultServer):
    """The round's pages under /r28/; any other path the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = unquote(target.partition("?")[0])
        if path == "/r28/hi":
            await self._send(writer, "200 OK", hindi_page().encode())
        elif path == "/r28/slash":
            await self._send(writer, "301 Moved Permanently", b"", "text/plain", extra=[
                ("Location", f"http:///{ip}:{self.port}/r28/moved")])
        elif path == "/r28/moved":
            await self._send(writer, "200 OK", story("moved", "Story moved").encode())
        elif path.startswith("/r28/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server28():
    srv = Round28Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server28, tmp_path, warehouse) -> None:
    """Now: five articles, the Persian one spelt with its ZWNJs and its family emoji whole,
    the Hindi one with whole words among its keywords, the redirect followed to its host,
    the three dumps at their times; no reject, no failed fetch. On main (measured, main's
    files put back): see RELIABILITY.md, round 28."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server28.url(HOST, f"/r28/{slug}")

    (tmp_path / "pages.urls").write_text(f"{u('hi')}\n{u('slash')}\n")
    (tmp_path / "fa.txt").write_text(
        f" date 2024-04-04 10:00 https://dumps.example/r28/fa\nمترو {FAMILY}\n\n"
        + "\n".join([PERSIAN] * 4) + "\n")
    (tmp_path / "two.txt").write_text(
        f" date 2024-04-05 9:30 UTC https://dumps.example/r28/one\nOne\n\n{PROSE}\n"
        f" date 2024-04-05 11:00:00 +02:00 https://dumps.example/r28/two\nTwo\n\n{PROSE} Two.\n")
    manifest = ingest(inputs=[str(tmp_path / "pages.urls"), str(tmp_path / "fa.txt"),
                              str(tmp_path / "two.txt")],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (title, text, list(keywords or []), published)
            for url, title, text, keywords, published in _table(
                warehouse, "SELECT url, title, text, keywords, published_at FROM articles")}
    print({url: (r[0], r[1][:60], r[2][:5], r[3]) for url, r in rows.items()})
    print(_table(warehouse, "SELECT reason, url, detail FROM rejects"))
    print(_table(warehouse, "SELECT url, final_url, error FROM fetch_log"))
    fa, one, two = (f"https://dumps.example/r28/{s}" for s in ("fa", "one", "two"))
    assert set(rows) == {u("hi"), u("slash"), fa, one, two}
    assert rows[u("slash")][0] == "Story moved"  # the page the redirect named
    title, text, _, published = rows[fa]
    assert title == f"مترو {FAMILY}" and published == datetime(2024, 4, 4, 10, tzinfo=UTC)
    assert "می\u200cدهد" in text and "خط\u200cهای" in text
    assert rows[one][3] == datetime(2024, 4, 5, 9, 30, tzinfo=UTC)
    assert rows[two][3] == datetime(2024, 4, 5, 9, tzinfo=UTC)
    hindi = {w for k in rows[u("hi")][2] for w in k.split(" ")}
    assert hindi & {"मेट्रो", "दिल्ली", "मंगलवार", "नेटवर्क"}, rows[u("hi")][2]
    assert not hindi & {"गलव", "टवर", "अगल", "सरक"}
    assert _table(warehouse, "SELECT reason, url FROM rejects") == []
    assert _table(warehouse, "SELECT url, final_url, error FROM fetch_log") == sorted([
        (u("hi"), u("hi"), None), (u("slash"), u("moved"), None)])
    assert_run_conserves(manifest, 5, 0, 0)
