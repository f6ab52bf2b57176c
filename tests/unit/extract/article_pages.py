"""One news article page for the metadata tests of the unseen conventions
(`bench/bench_meta_generated.py --unseen`): a site header, the headline, a line of
metadata under it (the convention a test is about), the story, what follows it and a
footer; each test file fills in its own site, language and story."""

from __future__ import annotations


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
