"""`bench_text_templates.py --cms C`: furniture as 2022-2026 sites ship it, in markup and
wordings that families A/B (`cms_blocks.py`) and `--unseen A|B` (UNSEEN_LABELS) do not
have. Written from knowledge of those platforms (nothing downloaded, no benchmark's gold
read) and fixed in code before any result was seen; measured once held out, then tuned on.

Platforms (the article markup, CMS_C_WRAPPERS), each with its own furniture and the
modern kinds any of them carries (COMMON):

  next_tw    Next.js + Tailwind: utility classes only ("mt-4 text-sm text-gray-500"), no
             semantic name anywhere; `data-testid` on a few blocks.
  next_mod   Next.js with CSS modules: hashed names ("styles_related__3xK9q",
             "ArticleBody_body__Zp2aX") whose prefix is the component's name.
  substack   Substack: `available-content` / `body markup`; `subscription-widget`,
             "Share" and "Leave a comment" button paragraphs, "Subscribe now", footnotes.
  medium     Medium: generated classes ("pw-post-body-paragraph mk ml gs"), clap count,
             "Listen" / "Share" bar, "Follow", "Written by X", "N followers".
  wp_block   WordPress block theme: `wp-block-post-content`, `wp-block-group`,
             `wp-block-query` related posts, `wp-block-post-author`, `wp-block-buttons`.
  newspack   Newspack: `newspack-popup` inline prompts and the donate block.
  arc24      Arc XP 2024 themes: `b-article-body`, `c-paragraph`, `data-testid`s.
  amp        AMP: `amp-img`, `amp-ad`, `amp-social-share`.

Modern kinds on every platform: Piano/TinyPass paywall teaser after the body ("Subscribe
to continue reading"); a "Gift this article / Save / Share full article" bar; a "Key
points" / "Summary" AI box above the body; "Most read" / "Trending" ordered lists; a
cookie consent banner inside the article; an audio "Listen · 5 min" player; affiliate
product cards and the "We may earn a commission" disclaimer; a "This story was
originally published by …" note; an image gallery with "1 of 12" counters.

Truth decisions (what a reader reads as the story):
- A caption of the story's own photo, a gallery's captions and counters: furniture.
- "Key points" / "Summary" boxes above the body: furniture. Their points are summaries of
  the story, not its own sentences (here: sentences of other bodies, as a paraphrase has
  other words); were they the story's sentences, keeping them would count them twice.
- Substack footnotes (`div.footnote`: a number and a source note after the post):
  furniture, the page's apparatus below the story like a reference list; the footnote
  markers in the text (a superscript number) are not counted either way (one token).
- "This story was originally published by X and is republished under a Creative Commons
  license": furniture, as `--unseen`'s "originally published on" note (a credit line
  about the copy, not the story); an editor's note or a correction closing the story is
  body (30 % of pages, in the truth, as in A/B).
- Affiliate product cards and the commission disclaimer, paywall teasers, consent
  banners, audio players, share/gift/save bars, follow/clap/author blocks, most-read and
  related lists, newsletter and donate prompts: furniture.
- NEAR_MISSES: story paragraphs that open with the furniture's words ("Subscribe",
  "Share", "Listen", "Key", "Trending", "Written by", "Gift", "Save", "Follow", "Most
  read", "We may earn", "Originally published"), put into 40 % of pages' bodies: body,
  in the truth; dropping one costs recall.
"""

from __future__ import annotations

import html
import random

from cms_page import insert_inside, placer, with_one_of

STORY_NOTES_C = (
    "Editor's note: This article was updated on Tuesday to add the ministry's response "
    "and to correct the number of households affected.",
    "Correction: An earlier version of this story misidentified the agency that ran the "
    "inspection; it was the state's environmental office.",
)

# Real prose that opens with the furniture's words: must stay (in the truth).
NEAR_MISSES = (
    "Subscribe to the idea that the council can fix this alone and you will be "
    "disappointed, the report's authors warned on Tuesday.",
    "Share prices of both companies fell by more than 8 percent after the announcement, "
    "wiping out a year of gains in a single afternoon.",
    "Listen to the recordings, the prosecutor told the jury, and you will hear the "
    "defendant describe the plan in his own words.",
    "Key points of the agreement were still being negotiated late on Thursday, according "
    "to two officials familiar with the talks.",
    "Trending downward for a third straight quarter, the unemployment rate reached its "
    "lowest level since the spring of 2019.",
    "Written by a former inmate, the letter describes conditions at the facility in more "
    "detail than any official report has done.",
    "Gift cards worth more than two million dollars were taken from the warehouse over "
    "the weekend, police said on Monday.",
    "Save for a brief rally in March, the currency has lost value against the dollar in "
    "every month of this year.",
    "Follow-up inspections found that the spillway had been repaired before the storm "
    "reached the valley on Friday night.",
    "Most read the warning as a sign that the central bank would raise rates again, but "
    "two economists said the opposite.",
    "We may earn more from tourism this year than ever before, the mayor said, but the "
    "roads cannot carry many more buses.",
    "Originally published in 1962, the novel was banned in the country for two decades "
    "before a court lifted the order.",
)

CREDITS_C = ("Photo: {n} for Example", "{n} / Reuters", "Image: {n} via Getty Images",
             "Credit: {n} / AFP", "Photograph: {n}")
ORIGIN = ("This story was originally published by CalMatters and is republished here under "
          "a Creative Commons license.",
          "This article first appeared on Grist and is republished with permission.",
          "This story was produced by KFF Health News and originally published by the "
          "Associated Press.")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _n(r: random.Random) -> int:
    return r.randrange(10**5)


def _h(r: random.Random, k: int = 5) -> str:
    """A CSS-module hash suffix ("3xK9q")."""
    return "".join(r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                   for _ in range(k))


def _med(r: random.Random) -> str:
    """Medium's generated class names ("mk ml gs mm")."""
    return " ".join(r.choice("abcdefghijklmnopqrstuvwxyz") + r.choice("abcdefghijklmnopqrstuvwxyz")
                    for _ in range(r.randint(2, 5)))


def _caption(f) -> tuple[str, str]:
    s = f.teaser()
    return s, r_credit(f)


def r_credit(f) -> str:
    return f.rnd.choice(CREDITS_C).format(n=f.name())


def _wp_post(n: int, title: str, excerpt: str, day: int) -> str:
    """One post of a `wp-block-query` loop."""
    return (f'<li class="wp-block-post post-{n} post type-post status-publish"><h3 class="wp-'
            f'block-post-title"><a href="/{n}/">{_esc(title)}</a></h3><div class="wp-block-post-'
            f'excerpt"><p class="wp-block-post-excerpt__excerpt">{_esc(excerpt)} </p></div><div '
            f'class="wp-block-post-date"><time datetime="2024-03-0{day}">March {day}, 2024</time>'
            '</div></li>')


def c_block(kind: str, f, body: list[str]) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    # --- Next.js + Tailwind ---------------------------------------------------------
    if kind == "tw_figure":
        s, c = _caption(f)
        if r.random() < 0.5:
            return ('<figure class="my-8"><img class="w-full rounded" src="/_next/image?url=%2Fp'
                    f'{_n(r)}.jpg&amp;w=1200&amp;q=75" alt=""><figcaption class="mt-2 text-sm '
                    f'text-gray-500">{_esc(s)} <span class="text-gray-400">{_esc(c)}</span>'
                    '</figcaption></figure>', [s])
        return ('<div class="relative my-8"><img class="w-full" src="/_next/image?url=%2Fp'
                f'{_n(r)}.jpg" alt="" loading="lazy"><p class="mt-2 text-sm leading-5 text-gray-'
                f'500">{_esc(s)}. {_esc(c)}</p></div>', [s])
    if kind == "tw_newsletter":
        s = f.sentence()
        return ('<div class="my-10 rounded-xl bg-gray-50 p-6"><p class="text-lg font-semibold">'
                f'Get the Evening Edition</p><p class="mt-1 text-sm text-gray-600">{_esc(s)}</p>'
                '<form class="mt-4 flex gap-2"><input class="flex-1 rounded border px-3 py-2" '
                'type="email" placeholder="you@example.com"><button class="rounded bg-black '
                'px-4 py-2 text-white" type="submit">Sign up</button></form></div>',
                [s, "Get the Evening Edition"])
    if kind == "tw_related":
        items = [f.teaser() for _ in range(3)]
        lis = "".join(f'<li class="py-2"><a class="font-medium hover:underline" href="/news/'
                      f'{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return ('<div class="my-8 border-y border-gray-200 py-4"><p class="text-xs font-bold '
                f'uppercase tracking-wide">Read next</p><ul class="divide-y">{lis}</ul></div>',
                items)
    if kind == "tw_bio":
        s = f.sentence()
        return ('<div class="mt-12 flex gap-4 border-t pt-6"><img class="h-16 w-16 rounded-full" '
                f'src="/a.jpg" alt=""><div><p class="font-semibold">{f.author}</p><p class="text-'
                f'sm text-gray-600">{_esc(f.author)} is a senior correspondent. {_esc(s)}</p>'
                '</div></div>', [s])
    # --- CSS modules ----------------------------------------------------------------
    if kind == "mod_related":
        items = [f.teaser() for _ in range(3)]
        h = _h(r)
        lis = "".join(f'<li class="styles_item__{h}"><a class="styles_link__{_h(r)}" href="/'
                      f'{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return (f'<aside class="styles_related__{h}"><h2 class="styles_heading__{_h(r)}">More '
                f'on this</h2><ul class="styles_list__{_h(r)}">{lis}</ul></aside>', items)
    if kind == "mod_newsletter":
        s = f.sentence()
        return (f'<div class="NewsletterSignup_root__{_h(r)}" data-testid="newsletter-signup">'
                f'<h3 class="NewsletterSignup_title__{_h(r)}">The Morning Brief</h3><p class='
                f'"NewsletterSignup_copy__{_h(r)}">{_esc(s)}</p><input type="email" aria-label='
                '"Email address"><button type="submit">Subscribe</button><p class="Newsletter'
                f'Signup_legal__{_h(r)}">By subscribing you agree to our Terms and Privacy '
                'Policy.</p></div>', [s, "By subscribing you agree to our Terms"])
    if kind == "mod_bio":
        s = f.sentence()
        return (f'<div class="AuthorBio_wrapper__{_h(r)}"><img alt="" src="/a.jpg"><div><p '
                f'class="AuthorBio_name__{_h(r)}"><a href="/authors/x">{f.author}</a></p><p '
                f'class="AuthorBio_bio__{_h(r)}">{_esc(s)}</p></div></div>', [s])
    if kind == "mod_caption":
        s, c = _caption(f)
        return (f'<div class="ImageBlock_container__{_h(r)}"><img alt="" src="/p.jpg"><div class'
                f'="ImageBlock_caption__{_h(r)}"><span>{_esc(s)}</span> <span class="ImageBlock_'
                f'credit__{_h(r)}">{_esc(c)}</span></div></div>', [s])
    # --- Substack ---------------------------------------------------------------------
    if kind == "ss_subscribe":
        return ('<div class="subscription-widget-wrap-editor" data-attrs="{&quot;url&quot;:'
                '&quot;https://example.substack.com/subscribe?&quot;}" data-component-name='
                '"SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div '
                'class="preamble"><p class="cta-caption">Thanks for reading The Harbour Letter! '
                'Subscribe for free to receive new posts and support my work.</p></div><form '
                'class="subscription-widget-subscribe"><input type="email" class="email-input" '
                'name="email" placeholder="Type your email…" tabindex="-1"><input type="submit" '
                'class="button primary" value="Subscribe"><div class="fake-input-wrapper"><div '
                'class="fake-input"></div><div class="fake-button"></div></div></form></div>'
                '</div>', ["Thanks for reading The Harbour Letter! Subscribe for free"])
    if kind == "ss_share":
        return ('<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://example.'
                'substack.com/p/story?utm_source=substack&amp;utm_medium=email&amp;utm_content='
                'share&amp;action=share&quot;,&quot;text&quot;:&quot;Share&quot;}" data-'
                'component-name="ButtonCreateButton"><a class="button primary" href="https://'
                'example.substack.com/p/story?utm_source=substack&amp;utm_medium=email&amp;'
                'utm_content=share&amp;action=share"><span>Share The Harbour Letter</span></a>'
                '</p>', ["Share The Harbour Letter"])
    if kind == "ss_comment":
        return ('<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://example.'
                'substack.com/p/story/comments&quot;,&quot;text&quot;:&quot;Leave a comment&quot;'
                '}" data-component-name="ButtonCreateButton"><a class="button primary" href='
                '"https://example.substack.com/p/story/comments"><span>Leave a comment</span>'
                '</a></p>', ["Leave a comment"])
    if kind == "ss_subscribe_now":
        return ('<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://example.'
                'substack.com/subscribe?&quot;,&quot;text&quot;:&quot;Subscribe now&quot;}" '
                'data-component-name="ButtonCreateButton"><a class="button primary" href="https:'
                '//example.substack.com/subscribe?"><span>Subscribe now</span></a></p>',
                ["Subscribe now"])
    if kind == "ss_footnotes":
        notes = [f.sentence() for _ in range(r.randint(1, 2))]
        divs = "".join(f'<div class="footnote" data-component-name="FootnoteToDOM"><a id="'
                       f'footnote-{i}" href="#footnote-anchor-{i}" class="footnote-number" '
                       f'contenteditable="false" target="_self">{i}</a><div class="footnote-'
                       f'content"><p>{_esc(s)}</p></div></div>'
                       for i, s in enumerate(notes, 1))
        return divs, notes
    # --- Medium -----------------------------------------------------------------------
    if kind == "md_bar":
        return (f'<div class="speechify-ignore {_med(r)}"><div class="{_med(r)}"><div class="'
                f'{_med(r)}"><button class="{_med(r)}" aria-label="clap" data-testid="headerClap'
                f'Button">1.{r.randint(1, 9)}K</button></div><div class="{_med(r)}"><button '
                f'aria-label="responses" class="{_med(r)}">{r.randint(4, 60)}</button></div>'
                f'<button aria-label="Add to list" class="{_med(r)}"></button><button data-testid'
                f'="audioPlayButton" class="{_med(r)}"><p class="{_med(r)}">Listen</p></button>'
                f'<button data-testid="headerSocialShareButton" class="{_med(r)}"><p class="'
                f'{_med(r)}">Share</p></button></div></div>', ["Listen Share"])
    if kind == "md_author":
        s = f.sentence()
        k = r.randint(2, 90)
        return (f'<div class="{_med(r)}"><div class="{_med(r)}"><a href="/@x"><img alt="'
                f'{f.author}" src="/a.png"></a></div><div class="{_med(r)}"><h2 class="pw-author-'
                f'name {_med(r)}"><a href="/@x">Written by {f.author}</a></h2><span class="pw-'
                f'follower-count {_med(r)}"><a href="/@x/followers">{k}.{r.randint(1, 9)}K '
                f'followers</a></span><div class="{_med(r)}"><p class="{_med(r)}">{_esc(s)}</p>'
                f'</div><button class="{_med(r)}">Follow</button></div></div>',
                [f"Written by {f.author}", s])
    if kind == "md_more":
        items = [f.teaser() for _ in range(3)]
        cards = "".join(f'<div class="{_med(r)}"><a href="/p/{_n(r)}"><h2 class="{_med(r)}">'
                        f'{_esc(t)}</h2></a><p class="{_med(r)}">{r.randint(3, 14)} min read</p>'
                        '</div>' for t in items)
        return (f'<div class="{_med(r)}"><h2 class="{_med(r)}">More from {f.author}</h2>'
                f'{cards}</div>', items)
    # --- WordPress block themes -------------------------------------------------------
    if kind == "wp_query":
        items = [(f.teaser(), f.sentence()) for _ in range(3)]
        lis = "".join(_wp_post(_n(r), t, s, r.randint(1, 9)) for t, s in items)
        return ('<div class="wp-block-group is-layout-constrained wp-block-group-is-layout-'
                'constrained"><h2 class="wp-block-heading">More stories</h2><div class="wp-'
                'block-query is-layout-flow"><ul class="wp-block-post-template is-layout-grid">'
                f'{lis}</ul></div></div>', [x for pair in items for x in pair])
    if kind == "wp_author":
        s = f.sentence()
        return ('<div class="wp-block-post-author"><div class="wp-block-post-author__avatar">'
                '<img alt="" src="/a.jpg" class="avatar avatar-48 photo" height="48" width="48">'
                '</div><div class="wp-block-post-author__content"><p class="wp-block-post-author'
                f'__byline">Written by</p><p class="wp-block-post-author__name">{f.author}</p><p '
                f'class="wp-block-post-author__bio">{_esc(s)}</p></div></div>', [s])
    if kind == "wp_buttons":
        label = r.choice(("Support our journalism", "Become a member today",
                          "Donate to the newsroom"))
        return ('<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex">'
                '<div class="wp-block-button"><a class="wp-block-button__link wp-element-'
                f'button" href="/support/">{label}</a></div></div>', [label])
    if kind == "wp_group_promo":
        s = f.sentence()
        return ('<div class="wp-block-group has-background is-layout-constrained" style="'
                'background-color:#f4f1ea"><h3 class="wp-block-heading">Before you go</h3><p>'
                f'{_esc(s)}</p></div>', [s])
    # --- Newspack ---------------------------------------------------------------------
    if kind == "np_popup":
        s = f.sentence()
        return (f'<div class="newspack-popup-container newspack-popup newspack-inline-popup '
                f'newspack-lightbox-no-border" role="button" tabindex="0" id="id_{_n(r)}" data-'
                'segments=""><div class="wp-block-group is-layout-constrained"><h2 class="wp-'
                'block-heading">Support independent local news</h2><p>'
                f'{_esc(s)}</p></div></div>', [s, "Support independent local news"])
    if kind == "np_donate":
        s = f.sentence()
        return ('<div class="wp-block-newspack-blocks-donate wpbnbd tiered"><form><div class='
                '"wp-block-newspack-blocks-donate__options"><div class="wpbnbd__tiers__'
                f'heading">Donate to The Valley Ledger</div><p>{_esc(s)}</p><input type="radio" '
                'name="donation_frequency" value="month"> <label>Monthly</label><input type="'
                'radio" name="donation_frequency" value="year"> <label>Annually</label></div>'
                '<button type="submit">Donate now</button></form></div>',
                [s, "Donate to The Valley Ledger"])
    # --- Arc XP 2024 --------------------------------------------------------------------
    if kind == "arc_related":
        items = [f.teaser() for _ in range(3)]
        lis = "".join(f'<div class="c-stack b-top-table-list-small-promo"><h3 class="c-heading">'
                      f'<a class="c-link" href="/{_n(r)}/">{_esc(t)}</a></h3></div>'
                      for t in items)
        return ('<div class="b-top-table-list" data-testid="related-stories"><h2 class="c-'
                f'heading">Related stories</h2>{lis}</div>', items)
    if kind == "arc_caption":
        s, c = _caption(f)
        return ('<figure class="c-media-item"><img class="c-image" alt="" src="/p.jpg"><'
                f'figcaption class="c-media-item__fig-caption"><span class="c-media-item__'
                f'caption">{_esc(s)}</span> <span class="c-media-item__credit">({_esc(c)})'
                '</span></figcaption></figure>', [s])
    # --- AMP ----------------------------------------------------------------------------
    if kind == "amp_img":
        s, c = _caption(f)
        return ('<div class="amp-wp-inline-image"><amp-img src="/p.jpg" width="1200" height='
                '"800" layout="responsive" alt=""><noscript><img src="/p.jpg" alt=""></noscript>'
                f'</amp-img><p class="amp-caption">{_esc(s)} — {_esc(c)}</p></div>', [s])
    if kind == "amp_ad":
        return ('<div class="amp-ad-wrapper"><span class="ad-label">Advertisement</span><amp-ad'
                ' width="300" height="250" type="doubleclick" data-slot="/1234/news/article" '
                'layout="responsive"><div placeholder>Loading ad…</div><div fallback>Story '
                'continues below this ad</div></amp-ad></div>', ["Story continues below this ad"])
    if kind == "amp_share":
        return ('<div class="amp-social"><p class="amp-social-label">Share this story</p><amp-'
                'social-share type="facebook" width="40" height="40"></amp-social-share><amp-'
                'social-share type="twitter" width="40" height="40"></amp-social-share><amp-'
                'social-share type="email" width="40" height="40"></amp-social-share></div>',
                ["Share this story"])
    # --- on every platform ----------------------------------------------------------------
    if kind == "paywall":
        price = r.choice(("$1 a week", "€1 for the first month", "£4 a month"))
        return ('<div id="piano-offer" class="tp-container-inner"><div class="paywall-teaser" '
                'data-testid="paywall"><h3>Subscribe to continue reading</h3><p>Get unlimited '
                f'digital access for {price}. Cancel anytime.</p><a class="btn" href="/subscribe">'
                'Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div>'
                '</div>', ["Subscribe to continue reading", "Get unlimited digital access",
                           "Already a subscriber? Log in"])
    if kind == "gift_bar":
        return ('<div class="flex items-center gap-3" data-testid="share-tools"><button type="'
                'button" data-testid="gift-article">Gift this article</button><button type="'
                'button" aria-label="Save">Save</button><button type="button" data-testid="share'
                f'-full-article">Share full article</button><span>{r.randint(12, 900)}</span>'
                '</div>', ["Gift this article"])
    if kind == "key_points":
        pts = [f.sentence() for _ in range(3)]
        label = r.choice(("Key points", "Summary", "At a glance"))
        lis = "".join(f"<li>{_esc(p)}</li>" for p in pts)
        if r.random() < 0.5:
            return (f'<section data-testid="ai-summary" class="my-6 rounded border p-4"><h2 '
                    f'class="text-sm font-bold">{label}</h2><ul class="list-disc pl-5">{lis}'
                    '</ul><p class="mt-2 text-xs text-gray-500">This summary was written with the '
                    'help of AI and checked by an editor.</p></section>',
                    [*pts, "This summary was written with the help of AI"])
        return (f'<div data-component="summary-box"><p><strong>{label}</strong></p><ul>{lis}'
                '</ul></div>', pts)
    if kind == "most_read":
        items = [f.teaser() for _ in range(5)]
        label = r.choice(("Most read", "Trending", "Trending now"))
        lis = "".join(f'<li><a href="/{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return (f'<section data-testid="most-read"><h2>{label}</h2><ol>{lis}</ol></section>',
                items)
    if kind == "consent":
        return ('<div class="cmp-banner" role="dialog" aria-modal="false" aria-label="Cookie '
                'consent"><p>We use cookies and similar technologies to personalise content and '
                'ads and to analyse our traffic. You can change your choices at any time.</p>'
                '<button>Accept all</button><button>Reject all</button><button>Manage '
                'preferences</button></div>',
                ["We use cookies and similar technologies to personalise"])
    if kind == "listen":
        mins = r.randint(3, 14)
        return ('<div class="audio-player" data-testid="article-audio"><button aria-label="Play '
                f'article">▶</button><span>Listen</span><span aria-hidden="true"> · </span><span>'
                f'{mins} min</span></div>', [f"Listen · {mins} min"])
    if kind == "affiliate":
        name = f.teaser()
        return ('<div class="product-card" data-component="ProductCard"><img alt="" src="/x.jpg">'
                f'<h4>{_esc(name)}</h4><p class="price">$129 at Amazon</p><a class="btn" rel="'
                'sponsored nofollow" href="https://amzn.to/x">Buy now</a></div>',
                [name, "$129 at Amazon"])
    if kind == "disclaimer":
        return ('<p class="affiliate-disclosure"><em>We may earn a commission when you buy '
                'through links on our site. Here is how it works.</em></p>',
                ["We may earn a commission when you buy"])
    if kind == "origin":
        s = r.choice(ORIGIN)
        return f'<p><em>{_esc(s)}</em></p>', [s]
    if kind == "gallery":
        caps = [f.teaser() for _ in range(2)]
        total = r.randint(6, 20)
        slides = "".join(f'<div class="gallery-slide"><img alt="" src="/g{i}.jpg"><p class="'
                         f'gallery-caption">{_esc(c)}</p><span class="gallery-counter">{i} of '
                         f'{total}</span></div>' for i, c in enumerate(caps, 1))
        return (f'<div class="gallery" data-testid="gallery">{slides}<button aria-label="'
                'Previous image">Previous</button><button aria-label="Next image">Next</button>'
                '</div>', caps)
    raise ValueError(kind)


# Each platform's own kinds (inside the body, above it, after it, outside the article),
# plus COMMON's on every platform.
COMMON = {"inside": ("gallery", "affiliate", "consent", "most_read"),
          "before": ("key_points", "gift_bar", "listen", "disclaimer"),
          "after": ("paywall", "origin")}
PLATFORM = {
    "next_tw": {"inside": ("tw_figure", "tw_newsletter", "tw_related"),
                "after": ("tw_bio",), "outside": ("most_read",)},
    "next_mod": {"inside": ("mod_related", "mod_newsletter", "mod_caption"),
                 "after": ("mod_bio",), "outside": ("most_read",)},
    "substack": {"inside": ("ss_subscribe", "ss_share", "ss_subscribe_now"),
                 "after": ("ss_comment", "ss_footnotes", "ss_subscribe"), "outside": ()},
    "medium": {"inside": ("tw_figure",), "before": ("md_bar",), "after": ("md_author",),
               "outside": ("md_more",)},
    "wp_block": {"inside": ("wp_buttons", "wp_group_promo", "tw_figure"),
                 "after": ("wp_author", "wp_query"), "outside": ("wp_query",)},
    "newspack": {"inside": ("np_popup", "np_donate", "tw_figure"),
                 "after": ("wp_author", "np_donate"), "outside": ("wp_query",)},
    "arc24": {"inside": ("arc_caption", "arc_related"), "after": ("mod_bio",),
              "outside": ("arc_related", "most_read")},
    "amp": {"inside": ("amp_img", "amp_ad", "amp_share"), "after": ("amp_share",),
            "outside": ("most_read",)},
}
CMS_C_WRAPPERS = tuple(PLATFORM)


def _kinds(platform: str, where: str) -> tuple[str, ...]:
    return PLATFORM[platform].get(where, ()) + COMMON.get(where, ())


def _para(platform: str, r: random.Random, text: str) -> str:
    cls = {"next_tw": ' class="mb-6 text-lg leading-8"',
           "next_mod": f' class="Paragraph_paragraph__{_h(r)}"',
           "medium": f' class="pw-post-body-paragraph {_med(r)}" data-selectable-paragraph=""',
           "arc24": ' class="c-paragraph"'}.get(platform, "")
    return f"<p{cls}>{_esc(text)}</p>"


def c_story(platform: str, r: random.Random, title: str, author: str, inner: str,
            after: str) -> str:
    """One story in the platform's markup: the body `inner`, then `after` inside the
    article."""
    t, a = _esc(title), _esc(author)
    if platform == "next_tw":
        return ('<article class="mx-auto max-w-2xl px-4"><header class="mb-8"><h1 class="text-'
                f'4xl font-bold tracking-tight">{t}</h1><p class="mt-3 text-sm text-gray-500">By '
                f'<a class="underline" href="/authors/x">{a}</a> · <time datetime="2024-05-02">May'
                f' 2, 2024</time></p></header><div class="prose prose-lg max-w-none">{inner}'
                f'</div>{after}</article>')
    if platform == "next_mod":
        return (f'<article class="ArticleLayout_article__{_h(r)}"><h1 class="Headline_headline__'
                f'{_h(r)}">{t}</h1><div class="Byline_byline__{_h(r)}">By <a href="/x">{a}</a>'
                f'</div><div class="ArticleBody_body__{_h(r)}">{inner}</div>{after}</article>')
    if platform == "substack":
        return ('<article class="typography newsletter-post post"><div class="post-header"><h1 '
                f'class="post-title published">{t}</h1><div class="post-meta"><a href="/@x">{a}'
                '</a> <div class="pencraft">May 02, 2024</div></div></div><div class="available-'
                f'content"><div dir="auto" class="body markup">{inner}{after}</div></div>'
                '</article>')
    if platform == "medium":
        return (f'<article><div class="{_med(r)}"><section><div class="{_med(r)}"><h1 data-'
                f'testid="storyTitle" class="pw-post-title {_med(r)}">{t}</h1><div class="'
                f'{_med(r)}"><a data-testid="authorName" href="/@x">{a}</a><span>6 min read'
                f'</span></div>{inner}</div></section></div>{after}</article>')
    if platform in ("wp_block", "newspack"):
        return ('<main class="wp-block-group is-layout-flow"><div class="wp-block-group is-'
                f'layout-constrained"><h1 class="wp-block-post-title">{t}</h1><div class="wp-'
                f'block-post-author-name">{a}</div><div class="entry-content wp-block-post-'
                f'content is-layout-constrained">{inner}</div>{after}</div></main>')
    if platform == "arc24":
        return ('<article class="b-article-body" data-testid="article-body"><h1 class="b-'
                f'headline c-heading">{t}</h1><div class="b-byline"><span>By <a href="/x">{a}'
                f'</a></span></div><div class="b-article-body__content">{inner}</div>{after}'
                '</article>')
    if platform == "amp":
        return ('<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 '
                f'class="amp-wp-title">{t}</h1><div class="amp-wp-byline">{a}</div></header><div '
                f'class="amp-wp-article-content">{inner}</div><footer class="amp-wp-article-'
                f'footer">{after}</footer></article>')
    raise ValueError(platform)



def render_cms_c(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-C platform: the HTML and its furniture blocks. `paras` may hold
    a near-miss (story prose, in the truth); `note` closes the body when given."""
    r = f.rnd
    platform = r.choice(CMS_C_WRAPPERS)
    f.author = f.name()
    placed: list[tuple[str, list[str]]] = []
    body = [_para(platform, r, p) for p in paras] + (
        [f"<p><em>{_esc(note)}</em></p>"] if note else [])
    # c_block's signature takes the body as cms_block's does (no C kind reads it today)
    blocks = placer(None, lambda kind, f: c_block(kind, f, paras), f, placed)
    insert_inside(body, r, _kinds(platform, "inside"), len(paras), blocks, 2, 4)
    for kind in r.sample(_kinds(platform, "before"), r.randint(0, 2)):
        body.insert(0, blocks(kind))
    after = "".join(map(blocks, r.sample(_kinds(platform, "after"), r.randint(1, 2))))
    outs = _kinds(platform, "outside")
    outside = "".join(map(blocks, r.sample(outs, min(len(outs), r.randint(0, 1)))))
    story = c_story(platform, r, headline, f.author, "".join(body), after)
    head = (f"<head><meta charset='utf-8'><title>{_esc(headline)} | Example</title>"
            '<meta name="viewport" content="width=device-width"></head>')
    nav = ('<header class="sticky top-0 border-b bg-white"><nav class="flex gap-4"><a href="/">'
           'Home</a><a href="/news">News</a><a href="/climate">Climate</a></nav></header>')
    foot = ('<footer class="mt-16 border-t py-8 text-sm"><p>© 2025 Example Media</p><a href="'
            '/privacy">Privacy</a> <a href="/terms">Terms</a></footer>')
    if platform == "amp":
        page_body = f"{nav}{story}{outside}{foot}"
    elif platform == "wp_block":
        page_body = f'<div class="wp-site-blocks">{nav}{story}{outside}{foot}</div>'
    else:
        page_body = f'<div id="__next">{nav}<main>{story}{outside}</main>{foot}</div>'
    html_attr = ' amp=""' if platform == "amp" else ""
    page = f'<!DOCTYPE html><html lang="en"{html_attr}>{head}<body>{page_body}</body></html>'
    return page, placed


def with_near_miss(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES paragraph (never first: the headline repeats the
    first paragraph)."""
    return with_one_of(paras, r, NEAR_MISSES)
