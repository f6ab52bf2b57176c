"""One news article page for the metadata tests of the unseen conventions
(`bench/bench_meta_generated.py --unseen`): a site header, the headline, a line of
metadata under it (the convention a test is about), the story, what follows it and a
footer; each test file fills in its own site, language and story."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

# the fetch time of every round's pages: the days they show lie just after it
NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)


def english_story(figures: str) -> str:
    """Three paragraphs of an English story asking for clearer figures on `figures`."""
    return ("<p>The decision came after months of debate in the chamber and among residents, "
            f"who had asked for clearer figures on {figures}.</p>") * 3


def german_story(figures: str) -> str:
    """Three paragraphs of a German story asking for figures on `figures`."""
    return ("<p>Die Entscheidung fiel nach monatelanger Debatte im Rat und unter den "
            f"Anwohnern, die genauere Zahlen zu den {figures} verlangt hatten.</p>") * 3


def metadata_of(html: str, url: str, now: datetime | None = NOW):
    """What `page_metadata` reads from the page `html` fetched from `url` at `now`."""
    return page_metadata(fromstring(html), url, now=now)


def article_page(meta_line: str, *, headline: str, site: str, lang: str, body: str,
                 footer: str, head: str = "", body_end: str = "", aside: str = "") -> str:
    """The page's HTML: `head` inside <head> after the title and og:site_name,
    `meta_line` in the article's info line, `body_end` after the story, `aside` after
    <main>."""
    return (f'<html lang="{lang}"><head><title>{headline} | {site}</title>'
            f'<meta property="og:site_name" content="{site}">{head}</head><body>'
            f'<header class="site-header"><a class="logo" href="/">{site}</a></header>'
            f'<main><article><h1>{headline}</h1><div class="article-info">'
            f'{meta_line}</div><div class="article-body">{body}{body_end}</div></article>'
            f"</main>{aside}<footer><p>{footer}</p></footer></body></html>")


def byline_authors(byline: str, *, dated: str, url: str, site: str, headline: str,
                   story: str, lang: str = "en", css_class: str = "byline",
                   body_end: str = "") -> list[str]:
    """The authors read from a page whose info line is `byline` in a <p class="byline">
    then `dated` (its date element). A `css_class` that names no byline ("credit") makes
    the reader find the credit by its words alone."""
    html = article_page(f'<p class="{css_class}">{byline}</p>{dated}', headline=headline,
                        site=site, lang=lang, body=story, footer=f"© 2026 {site}",
                        body_end=body_end)
    return metadata_of(html, url).authors
