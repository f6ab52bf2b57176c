"""Fault round 16: HTML pages as a demanding user's crawl meets them. One whole `ingest`
flow under the session's Prefect harness, over a fault server of the round's own on
127.0.0.1 (no other address) and a `.urls` list naming its pages.
- `/r16/two-roots`: an error page printed before the page (two `<html>` roots; the
  error's notice alone was the text on main, the story lost without a word);
- `/r16/title`: a `<title>` never closed (on main the page's markup was its title, its
  text empty: `extraction_failed` "no main text found");
- `/r16/textarea`: a comment form's `<textarea>` never closed before the story (on main
  the story's markup, `</form><article><p>`, kept as its text);
- `/r16/breaks`: the story padded with 100,000 `<br>` (`too_many_elements` on main);
- `/r16/shadow`: the story in a declarative shadow root, `<template shadowrootmode>`
  (dropped as an inert template on main: "no main text found");
- `/r16/frames`: a `<frameset>` page, no text of its own: a reject on main and now,
  whose detail now names the frames ("no main text found" on main);
- pages already read on main: `/r16/xhtml` (an XHTML document under
  `application/xhtml+xml`, an XML declaration naming iso-8859-1, a DOCTYPE, namespaces),
  `/r16/noscript` (a JS app's page whose story is in `<noscript>`), `/r16/amp` (`<html ⚡>`),
  `/r16/bodies` (no `<body>` tag, then two).
On main: inputs 10 = kept 5 + rejected 5 + failed 0: `too_short` "5 words" (the two
roots' error notice), `extraction_failed` "no main text found" three times (title,
shadow, frames), `too_many_elements` (breaks); the textarea page kept as its markup.
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on


def page(slug: str) -> tuple[bytes, str]:
    """The body and Content-Type of the page at /r16/<slug>."""
    html = "text/html; charset=utf-8"
    article = f"<article><h1>Story {slug}</h1>{story_paragraphs(slug)}</article>"
    if slug == "two-roots":
        error = ("<html><head><title>Database error</title></head><body><p>Warning: "
                 "mysqli_connect(): too many connections</p></body></html>\n")
        return (error + story(slug, f"Story {slug}")).encode(), html
    if slug == "title":
        return (f"<html><head><title>Story {slug}</head><body>{article}</body>"
                "</html>").encode(), html
    if slug == "textarea":
        return (f"<html><head><title>Story {slug}</title></head><body><form>"
                f"<textarea name=comment></form>{article}</body></html>").encode(), html
    if slug == "breaks":
        return (f"<html><head><title>Story {slug}</title></head><body>{article}"
                + "<br>\n" * 100_000 + "</body></html>").encode(), html
    if slug == "shadow":
        return (f"<html><head><title>Story {slug}</title></head><body><news-story>"
                f"<template shadowrootmode=open>{article}</template></news-story>"
                "</body></html>").encode(), html
    if slug == "frames":
        return (b"<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
                b"<frame src='menu.html'><frame src='story.html'></frameset></html>"
                ), html
    if slug == "xhtml":
        return ('<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC '
                '"-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
                '\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>'
                f"Story {slug}</title></head><body><article><h1>Story {slug}</h1>"
                f"<p>The café owners of Zürich said the plan would cost them their terraces "
                f"for a whole summer.</p>{story_paragraphs(slug)}</article></body>"
                "</html>").encode("iso-8859-1"), "application/xhtml+xml"
    if slug == "noscript":
        return (f"<html><head><title>Story {slug}</title></head><body><div id=app></div>"
                f"<noscript>{article}</noscript><script>render()</script></body>"
                "</html>").encode(), html
    if slug == "amp":
        return (f"<!doctype html><html ⚡ lang=en><head><title>Story {slug}</title>"
                f"</head><body>{article}</body></html>").encode(), html
    if slug == "bodies":
        return (f"<html><head><title>Story {slug}</title></head><p>Top.</p></body>"
                f"<body>{article}</body></html>").encode(), html
    return story(slug, f"Story {slug}").encode(), html


KEPT = ["two-roots", "title", "textarea", "breaks", "shadow", "xhtml", "noscript", "amp",
        "bodies"]


class Round16Server(FaultServer):
    """The round's routes under /r16/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        if path.startswith("/r16/"):
            body, ctype = page(path.rsplit("/", 1)[-1])
            await self._send(writer, "200 OK", body, ctype)
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server16():
    srv = Round16Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_pages_loses_nothing(
        prefect_harness, server16, tmp_path, warehouse) -> None:
    """Now: every page with a story kept with its story, the frameset page a reject that
    names its frames; inputs = kept + rejected + failed, every data test at 0.
    On main (measured, main's files put back): see RELIABILITY.md, round 16."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server16.url(HOST, f"/r16/{slug}")

    urls = tmp_path / "pages.urls"
    urls.write_text("".join(f"{u(slug)}\n" for slug in [*KEPT, "frames"]))
    manifest = ingest(inputs=[str(urls)], settings=settings(warehouse))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {u(slug) for slug in KEPT}
    for slug in KEPT:
        text = texts[u(slug)]
        assert all(f"the {slug} plan for the {j}th time" in text for j in (1, 8)), slug
        assert "</" not in text and "mysqli" not in text, slug
    titles = dict(_table(warehouse, "SELECT url, title FROM articles"))
    assert titles[u("title")] == "Story title"
    assert titles[u("two-roots")] == "Story two-roots"  # its headline, not the error's title
    assert "The café owners of Zürich said" in texts[u("xhtml")]
    rejects = sorted(_table(warehouse, "SELECT url, reason, detail FROM rejects"))
    assert [(url, reason) for url, reason, _ in rejects] == [(u("frames"), "extraction_failed")]
    assert "frameset" in rejects[0][2] and "story.html" in rejects[0][2]
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, len(KEPT), 1, 0)
