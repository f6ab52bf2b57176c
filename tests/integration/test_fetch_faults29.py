"""Fault round 29: the run model and the operations side. Whole `ingest` flows under the
session's Prefect harness, one after another on one warehouse, over a fault server of
the round's own on 127.0.0.1 (no other address):
- run 1: `proj/`, a project folder holding `pages.urls` (`/r29/a`, `/r29/b`) and the
  warehouse itself (`proj/warehouse`, as `pressroom ingest .` meets the default
  `./warehouse`): the warehouse is passed over with a note;
- run 2: `proj/` again and `more.urls` (`/r29/b`, overlapping, and `/r29/c`): by now the
  warehouse holds run 1's raw WARC archive (on main read again as input, its records
  counted and skipped, and a "not a recognised input" note for each Parquet, JSON and
  HTML file of the warehouse); `/r29/b` is not fetched again; every article once, every
  fetch_log row its run's;
- run 3: other near-duplicate settings (`neardup_bands` 32 x `neardup_rows` 4) over
  `new.urls` (`/r29/d`): refused before discover, nothing fetched, nothing committed (on
  main: `/r29/d` fetched and extracted, then a ValueError at dedup naming fingerprints).
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from tests.integration.faultserver import FaultServer, story
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on


class Round29Server(FaultServer):
    """The round's stories under /r29/ (the paths asked for kept, in order); any other
    path the shared fault server's."""

    def __init__(self, hosts: list[int]) -> None:
        super().__init__(hosts)
        self.asked: list[str] = []

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = unquote(target.partition("?")[0])
        if path.startswith("/r29/"):
            self.asked.append(path)
            slug = path.removeprefix("/r29/")
            await self._send(writer, "200 OK", story(f"r29{slug}", f"Story {slug}").encode())
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server29():
    srv = Round29Server([HOST]).start()
    yield srv
    srv.stop()


def test_runs_one_after_another_on_one_warehouse_keep_each_article_once(
        prefect_harness, server29, tmp_path) -> None:
    """Now: run 1 keeps a, b; run 2 keeps c, skips a and b (read from the list only; b
    named twice is one `duplicate_url`), fetches c alone; run 3 is refused before any
    fetch. On main (measured, main's files put back): see RELIABILITY.md, round 29."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server29.url(HOST, f"/r29/{slug}")

    proj = tmp_path / "proj"
    wh = proj / "warehouse"
    wh.mkdir(parents=True)
    (proj / "pages.urls").write_text(f"{u('a')}\n{u('b')}\n")
    (tmp_path / "more.urls").write_text(f"{u('b')}\n{u('c')}\n")
    (tmp_path / "new.urls").write_text(f"{u('d')}\n")
    cfg = settings(wh, per_host_delay_s=0.0)

    first = ingest(inputs=[str(proj)], settings=cfg)
    second = ingest(inputs=[str(proj), str(tmp_path / "more.urls")], settings=cfg)
    for m in (first, second):
        print(m["run_id"], m["totals"], [n for n in m["notes"] if "input" in n][:4],
              sum("not a recognised input" in n for n in m["notes"]))
    print(_table(wh, "SELECT url, run_id FROM articles"))
    print(_table(wh, "SELECT url, error, run_id FROM fetch_log"))
    print(server29.asked)

    assert first["totals"] == {"inputs": 2, "kept": 2, "rejected": 0, "failed": 0,
                               "skipped": 0}
    # a, b of pages.urls already in the warehouse; b again in more.urls a duplicate_url
    # of this run; c new
    assert second["totals"] == {"inputs": 4, "kept": 1, "rejected": 1, "failed": 0,
                                "skipped": 2}
    for m in (first, second):
        assert not [n for n in m["notes"] if "not a recognised input" in n], m["notes"]
        assert f"input {str(proj)!r}: the warehouse {str(wh)!r} inside it passed over (its " \
               "files are no input)" in m["notes"]
    assert server29.asked == ["/r29/a", "/r29/b", "/r29/c"]  # b not asked for again
    r1, r2 = first["run_id"], second["run_id"]
    assert _table(wh, "SELECT url, run_id FROM articles") == sorted(
        [(u("a"), r1), (u("b"), r1), (u("c"), r2)])
    assert _table(wh, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(3, 3)]
    assert _table(wh, "SELECT url, error, run_id FROM fetch_log") == sorted(
        [(u("a"), None, r1), (u("b"), None, r1), (u("c"), None, r2)])
    assert _table(wh, "SELECT reason, url, run_id FROM rejects") == [
        ("duplicate_url", u("b"), r2)]

    commits = sorted(p.name for p in (wh / "manifests").iterdir())
    with pytest.raises(ValueError, match=r"^the warehouse's near-duplicate signatures were "
                       r"made with neardup_bands=16, neardup_rows=8, neardup_shingle_words=5,"
                       r" and this run asks for neardup_bands=32, neardup_rows=4"):
        ingest(inputs=[str(tmp_path / "new.urls")],
               settings=settings(wh, per_host_delay_s=0.0, neardup_bands=32, neardup_rows=4))
    assert server29.asked == ["/r29/a", "/r29/b", "/r29/c"]  # d never fetched
    assert sorted(p.name for p in (wh / "manifests").iterdir()) == commits
    assert _table(wh, "SELECT count(*) FROM fetch_log") == [(3,)]
