"""Furniture as 2022-2026 platforms ship it (Next.js with Tailwind utility classes,
WordPress block themes, Newspack, Substack, affiliate product cards), through extract and
the line rules; and story prose that opens with the same words, which stays.

Each furniture case fails on session 54's start but the affiliate card, which leaked on
6.5 % of the bench's cards and not in this markup (`bench/bench_text_templates.py --cms
C`, held out: "Key points" / "At a glance" boxes over a list, a "Before you go" box,
Newspack's inline popup, Substack's footnotes, a caption credited "via Getty Images";
and session 53's family B: Ghost's subscribe form with a long pitch), as does the
reported sentence opening "Subscribe to" at a story's end (BENCHMARKS.md, issue
13 session 54)."""

from __future__ import annotations

import pytest

from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.extract.test_pages import PARAGRAPHS


def tailwind_post(inside: str = "", before: str = "", after: str = "", at: int = 2) -> bytes:
    """A Next.js story styled with Tailwind utility classes only (no semantic name):
    `before` above the body, `inside` after its first `at` paragraphs, `after` under it."""
    paras = [f'<p class="mb-6 text-lg leading-8">{p}</p>' for p in PARAGRAPHS]
    body = before + "".join(paras[:at]) + inside + "".join(paras[at:])
    return (
        '<html lang="en"><head><title>Harbour bridge reopens | Gazette</title></head><body>'
        '<div id="__next"><header class="sticky top-0 border-b"><nav class="flex gap-4"><a '
        'href="/">Home</a><a href="/news">News</a><a href="/city">City</a></nav></header><main>'
        '<article class="mx-auto max-w-2xl px-4"><header class="mb-8"><h1 class="text-4xl '
        'font-bold">Harbour bridge reopens</h1><p class="mt-3 text-sm text-gray-500">By <a '
        'href="/authors/maria">Maria Lopez</a></p></header><div class="prose prose-lg">'
        f'{body}</div>{after}</article></main></div></body></html>'
    ).encode()


def block_theme_post(inside: str = "", after: str = "", at: int = 2) -> bytes:
    """A WordPress block-theme post (Twenty Twenty-Four markup; Newspack's is the same)."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:at]) + inside
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[at:])
    return (
        '<html lang="en"><head><title>Harbour bridge reopens - Gazette</title></head><body>'
        '<div class="wp-site-blocks"><main class="wp-block-group is-layout-flow"><div class='
        '"wp-block-group is-layout-constrained"><h1 class="wp-block-post-title">Harbour bridge '
        'reopens</h1><div class="entry-content wp-block-post-content is-layout-constrained">'
        f'{body}</div>{after}</div></main></div></body></html>'
    ).encode()


# More of the story, so that a long box stays under the share of the page that an
# article's own container holds (furniture.MAX_CONTENT_SHARE)
MORE = [
    "The port authority said the new sensors had already recorded the first heavy lorries "
    "crossing at dawn, and that the data would be published every month on its website.",
    "Residents of the old town said the queues at the ferry landing had been the hardest "
    "part of the closure, especially for older people and parents with small children.",
    "The council will vote in September on whether to bring back the tolls that were "
    "suspended during the repairs, a decision that could raise three million a year.",
]


def substack_post(after: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS + MORE)
    return (
        '<html lang="en"><head><title>Harbour bridge reopens</title></head><body><article '
        'class="typography newsletter-post post"><div class="post-header"><h1 class="post-'
        'title published">Harbour bridge reopens</h1></div><div class="available-content"><div '
        f'dir="auto" class="body markup">{body}{after}</div></div></article></body></html>'
    ).encode()


KEY_POINTS = (
    '<section data-testid="ai-summary" class="my-6 rounded border p-4"><h2 class="text-sm '
    'font-bold">Key points</h2><ul class="list-disc pl-5"><li>The ferries will stop at the '
    'end of the summer season after two years of service.</li><li>Tolls stay off until the '
    'council decides the budget in the autumn.</li></ul><p class="mt-2 text-xs text-gray-'
    '500">This summary was written with the help of AI and checked by an editor.</p>'
    '</section>'
)
AT_A_GLANCE = (
    '<div data-component="summary-box"><p><strong>At a glance</strong></p><ul><li>The '
    'ferries will stop at the end of the summer season after two years.</li><li>Tolls stay '
    'off until the council decides the budget in the autumn.</li></ul></div>'
)
BEFORE_YOU_GO = (
    '<div class="wp-block-group has-background is-layout-constrained"><h3 class="wp-block-'
    'heading">Before you go</h3><p>Our reporters sat through every council meeting on the '
    'bridge so that you did not have to; help us keep doing it.</p></div>'
)
NEWSPACK_POPUP = (
    '<div class="newspack-popup-container newspack-popup newspack-inline-popup" role="button"'
    ' tabindex="0" id="id_4411"><div class="wp-block-group is-layout-constrained"><h2 class='
    '"wp-block-heading">Help the Gazette cover the port</h2><p>Reader donations pay for our '
    'reporting on the harbour, the bridge and the ferries every single week.</p></div></div>'
)
SUBSTACK_FOOTNOTES = (
    '<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href='
    '"#footnote-anchor-1" class="footnote-number" contenteditable="false">1</a><div class='
    '"footnote-content"><p>Figures from the port authority annual report of 2023, table '
    'four, as published in its spring bulletin.</p></div></div>'
)
PRODUCT_CARD = (
    '<div class="product-card" data-component="ProductCard"><img alt="" src="/lamp.jpg"><h4>'
    'Brightline folding bicycle lamp with harbour mount</h4><p class="price">$129 at Amazon'
    '</p><a class="btn" rel="sponsored nofollow" href="https://amzn.to/x">Buy now</a></div>'
)
# Ghost's subscribe form with a pitch longer than a sign-up box (session 53's family B
# leaked 0.8 % of them)
GHOST_SUBSCRIBE = (
    '<section class="subscribe-form"><h3 class="subscribe-form-title">Subscribe to Harbour '
    'Weekly</h3><p class="subscribe-form-description">Every Friday our port reporter walks '
    'you through the week on the water: the ferries, the cranes, the new bridge and the '
    'people who keep them running, with the numbers the port authority publishes and the '
    'ones it would rather not, the council votes that shape the quays and the stories of '
    'the crews that work them, all in one letter to read over the weekend.</p><form '
    'data-members-form="subscribe"><input class="subscribe-email" data-members-email '
    'placeholder="youremail@example.com"><button class="button primary" type="submit"><span>'
    'Subscribe</span></button><div class="message-success"><strong>Great!</strong> Check '
    'your inbox and click the link to confirm your subscription.</div></form></section>'
)
TAILWIND_CAPTION = (
    '<div class="relative my-8"><img class="w-full" src="/_next/image?url=%2Fp.jpg" alt="">'
    '<p class="mt-2 text-sm leading-5 text-gray-500">Crowds gathered on the old quay for the '
    'ceremony on Thursday. Image: Anna Berger via Getty Images</p></div>'
)


@pytest.mark.parametrize(
    ("page", "furniture"),
    [(tailwind_post(before=KEY_POINTS), ["Key points", "ferries will stop", "written with"]),
     (tailwind_post(before=AT_A_GLANCE), ["At a glance", "ferries will stop"]),
     (block_theme_post(BEFORE_YOU_GO), ["Before you go", "council meeting"]),
     (block_theme_post(NEWSPACK_POPUP), ["Help the Gazette", "Reader donations"]),
     (substack_post(SUBSTACK_FOOTNOTES), ["port authority annual report"]),
     (tailwind_post(PRODUCT_CARD), ["Brightline", "129 at Amazon", "Buy now"]),
     (tailwind_post(TAILWIND_CAPTION), ["Crowds gathered", "Getty"]),
     (substack_post(GHOST_SUBSCRIBE), ["Harbour Weekly", "port reporter", "Check your"])],
    ids=["key-points-ai-box", "at-a-glance-box", "before-you-go", "newspack-popup",
         "substack-footnotes", "affiliate-card", "caption-via-getty",
         "ghost-subscribe-form"],
)
def test_modern_furniture_goes(page: bytes, furniture: list[str]) -> None:
    text = text_of(page)
    assert all(p in text for p in PARAGRAPHS)
    assert not [f for f in furniture if f in text]


# The story's own list under a "Key points" subheading, after its first paragraphs: the
# label opens no box of its own (the story's paragraphs come before it in its container).
STORY_LIST = (
    '<h2>Key points</h2><ul><li>The new deck is rated for twice the load of the old one, '
    'the engineers said.</li><li>Sensors report the strain on every cable to the city.</li>'
    '</ul>'
)
# A story's section that opens "Before you go" and runs three paragraphs: no appeal.
STORY_SECTION = (
    '<section><h3>Before you go</h3><p>Drivers should check the port authority website for '
    'lane closures, which will continue at night until the end of May.</p><p>Cyclists have '
    'their own lane on the east side of the deck, separated by a barrier.</p><p>Pedestrians '
    'can use both sides; the stairs at the north end stay closed until June.</p></section>'
)


@pytest.mark.parametrize(("page", "kept"), [
    (tailwind_post(STORY_LIST), ["twice the load", "Sensors report the strain"]),
    (block_theme_post(STORY_SECTION), ["lane closures", "Cyclists have", "Pedestrians"]),
], ids=["story-list-under-key-points", "story-section-before-you-go"])
def test_story_blocks_with_furniture_labels_stay(page: bytes, kept: list[str]) -> None:
    text = text_of(page)
    assert all(p in text for p in PARAGRAPHS)
    assert all(k in text for k in kept)


@pytest.mark.parametrize("sentence", [
    # a reported sentence opening with a sign-up call's words, at the story's end (the
    # start's tail sign-up rule took it)
    "Subscribe to the idea that the council can fix this alone and you will be "
    "disappointed, the report's authors warned on Tuesday.",
    "Share of the vote for the ruling party fell to 31 percent, its lowest result since "
    "the elections of 1998, the commission said.",
    "Listen closely to the engine at idle, the mechanic told us, and the knock that ruined "
    "the gearbox is already there.",
    "Key witnesses in the case were never called, the defence argued, because the police "
    "had lost their statements.",
    "Trending topics on the platform that week were dominated by the strike, according to "
    "researchers at the university.",
    "Written by hand in 1911, the ledger lists every ship that unloaded grain at the port "
    "in its first year.",
    "Buy now, pay later plans have doubled among the port's shops since the bridge closed, "
    "a survey by the chamber of commerce found.",
    "We may earn less from the ferries this winter, the operator warned, if the fuel price "
    "keeps rising at this pace.",
])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_story_sentences_like_modern_furniture_stay(sentence: str, where: str) -> None:
    at = 2 if where == "middle" else len(PARAGRAPHS)
    text = text_of(tailwind_post(f'<p class="mb-6 text-lg leading-8">{sentence}</p>', at=at))
    assert sentence in text
    assert all(p in text for p in PARAGRAPHS)
