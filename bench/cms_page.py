"""The page assembly the `--cms` families' modules share (cms_blocks.py to
cms_blocks_l.py): the story's paragraphs, a recorder of the furniture each page places,
the body container around them and the plain news page around that. Each family's module
keeps only what is its own: its blocks, its sites' specs and the order it places them in.

Every helper draws from the page's random stream exactly as the family code it replaced
did, so the generated pages stay byte-identical (session 59 checked every mode's hashes).
"""
from __future__ import annotations

import html
import random
from collections.abc import Callable


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def story_paras(paras: list[str], note: str | None) -> list[str]:
    """The story's paragraphs as `<p>` elements, its note last (the note is the story's,
    the truth holds it too)."""
    wrap = [f"<p>{esc(p)}</p>" for p in paras]
    if note:
        wrap.append(f"<p>{esc(note)}</p>")
    return wrap


def placer(site: str | None, block: Callable[[str, object], tuple[str, list[str]]], f,
           placed: list[tuple[str, list[str]]]) -> Callable[[str], str]:
    """`add(kind)`: the markup of `block(kind, f)`, its texts recorded in `placed` under
    `site:kind` so the scorer knows which furniture the page carries (under the kind alone
    when `site` is None: families A-D's records name no site, and the dumps read them so)."""
    def add(kind: str) -> str:
        markup, texts = block(kind, f)
        placed.append((kind if site is None else f"{site}:{kind}", texts))
        return markup
    return add


def insert_inside(wrap: list[str], r: random.Random, inside: tuple[str, ...], n_paras: int,
                  add: Callable[[str], str], least: int, most: int) -> None:
    """Between `least` and `most` blocks of `inside` among the paragraphs, never before the
    first (a template with no inside kinds draws nothing)."""
    for _ in range(r.randint(least, most) if inside else 0):
        wrap.insert(r.randint(1, n_paras - 1), add(r.choice(inside)))


def closed(box: str, inner: str) -> str:
    """`inner` inside the body container `box` (its opening tag), closed by its tag name."""
    return f"{box}{inner}</{box[1:box.index(' ')]}>"


def nav_bar(header_cls: str, links: tuple[tuple[str, str], ...], nav_attrs: str = "") -> str:
    """The site header's navigation: (href, label) links in a list."""
    items = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in links)
    return f'<header class="{header_cls}"><nav{nav_attrs}><ul>{items}</ul></nav></header>'


def news_page(title: str, author: str, site: str, nav: str, body: str, owner: str) -> str:
    """An English news site's page around `body`: the headline and a linked byline with
    the date in the article's header, the rights line of `owner` in the footer."""
    t, a = esc(title), esc(author)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset='utf-8'><title>{t}</title>"
            f"</head><body class=\"{site}\">{nav}<main><article><header><h1>{t}</h1><p class="
            f'"byline">By <a href="/author/x">{a}</a> <time datetime="2026-12-07">December 7, '
            f'2026</time></p></header>{body}</article></main><footer><p>© 2026 {owner}. '
            'All rights reserved.</p></footer></body></html>')


def with_one_of(paras: list[str], r: random.Random, misses: tuple[str, ...]) -> list[str]:
    """40 % of bodies get one paragraph of `misses` (never first)."""
    if r.random() >= 0.4:
        return paras
    at = r.randint(1, len(paras))
    return [*paras[:at], r.choice(misses), *paras[at:]]


def render_site_page(paras: list[str], headline: str, f, note: str | None,
                     sites: dict[str, tuple], nav: tuple[tuple[str, str], ...],
                     block: Callable[[str, str, object], tuple[str, list[str]]]
                     ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a site drawn from `sites` (site: (body container, kinds on top, kinds
    among the paragraphs, kinds after)), families K and L: the HTML and its furniture
    blocks. `block(site, kind, f)` writes one block."""
    r = f.rnd
    site = r.choice(sorted(sites))
    box, top, inside, after = sites[site]
    f.author = f.name()
    placed: list[tuple[str, list[str]]] = []
    add = placer(site, lambda kind, f: block(site, kind, f), f, placed)
    wrap = story_paras(paras, note)
    insert_inside(wrap, r, inside, len(paras), add, 1, 3 if len(paras) >= 3 else 1)
    for kind in reversed(top):
        wrap.insert(0, add(kind))
    for kind in after:
        wrap.append(add(kind))
    body = closed(box, "".join(wrap))
    return news_page(headline, f.author, site, nav_bar("site-header", nav), body,
                     site.title()), placed
