"""`bench_text_templates.py --cms J`: furniture inside the story's flow, between its
paragraphs, in the body's own container. Families A–I put their inline furniture mostly in
boxes with a class that names it (C's `amp-ad` "Story continues below this ad", D's NYT /
WaPo ad slots, G's `pullquote` aside, `poll-widget` and table of contents, A's
`twitter-tweet`) or as closing / opening lines (I). J writes the same kinds of thing as the
sites that hand-place them or whose editors paste them do: bare `<p>`s, `<p><strong>`
labels, `<blockquote>`s with no class, `<figcaption>` inside a `<p>`, forms and lists with
no class, between two of the story's paragraphs. Written from knowledge of those
templates (nothing downloaded, no benchmark's gold read), fixed in code before any result
was seen; measured once held out, then tuned on. (Grepped first in cms_blocks*.py and
bench_text_templates.py: "ALSO READ", "Story continues", "Advertisement", "Anzeige",
"pullquote", "figcaption", "Listen to this", "min read", "Now playing", "Watch:", "poll",
"Table of contents", "Key points", "twitter-tweet", "Updated at", "Photo:", "Getty" — the
kinds exist in A–I in boxes; "Lees ook", "Now playing", "Watch:" in no family; none of
them as the bare in-flow shapes below.)

Bodies: the dev corpus's English bodies, each used for up to three pages under different
templates (as G, H and I); names, teasers, captions and topics in the furniture come from
OTHER English bodies, except the pull quotes and the key-points box, which repeat this
body's own sentences. Each kind has two to four wordings and markups.

Sites (SITES_J: body markup; furniture placed between the story's paragraphs, some on top):

  indiadaily  Indian daily: "ALSO READ | <link>" in `<p><strong>`, "Advertisement" bare `<p>`,
              "(Photo: X / PTI)" credit line.
  uktabloid   UK tabloid: "READ MORE: <link>" in `<p><strong><a>`, "Story continues below",
              "Now playing" + video title, "Photo: X / Getty" `<p>`.
  lowlands    Dutch / Belgian portal's English edition: "Lees ook: <link>", "Advertentie",
              "Read also: <link>", photo credit "Foto: X / ANP".
  germanen    German publisher's English edition: "Anzeige", "ALSO READ: <link>",
              "Listen to this article" / "6 min read" on top.
  ustv        US TV station: "WATCH: <title>" / "Now playing" lines, "Related Video", an
              in-article related card (`<div><a><img><span>`), "Advertisement".
  liveblog    live blog: update stamps ("12:41 p.m. ET", "Updated 3 min ago", "Posted at
              10:02 GMT"), "Share" / "Copy link", "Key event" between the updates.
  longread    long read: table of contents (`<p><strong>Contents</strong></p><ul>` of links),
              bare pull quotes repeating a body sentence (`<blockquote>` with no class, or
              `<p><strong>“…”</strong></p>`), "Listen to this article · 18 min".
  photo       photo-led magazine: captions as bare `<p><em>` or `<figcaption>` inside `<p>`
              after an `<img>`, credits "(Photo: X for Y)", "Image: X".
  social      social-led portal: embedded posts' text in `<blockquote>`s with no class
              ("text — Name (@handle) December 6, 2026"), "View this post on Instagram",
              "A post shared by X (@x)".
  pollsite    regional paper with reader polls: "Poll: <question>?" + options + "Vote" /
              "View results" as bare `<p>`s and `<label>`s in a form with no class.
  newsinline  newsletter-first site: inline sign-up forms ("Get the Morning Briefing …",
              "Enter your email", "Sign up", "By signing up you agree to our Privacy
              Policy") with no class.
  relcards    WordPress newspaper theme: in-article related cards (`<div><a><img><span>`
              headline + "3 min read"), "Advertisement".
  radio       public radio: "Listen · 4:12" / "Download" / "Embed" / "Transcript" lines,
              "Listen to this article" at the top, photo credits.
  explainer   explainer site: a "Key points" box the newsroom writes over the story (bare
              `<p><strong>` + `<ul>` restating the story's sentences), table of contents.
  sports      sports site: "Now playing" / "Up next" video lines, "WATCH: <title>",
              "Story continues below", "ALSO READ: <link>".

Truth decisions (as the dev gold and families A–I decide):
- Every block above is furniture: the site or its editor puts it between the paragraphs
  and it is not the story's prose — inline read-more / also-read / "Lees ook" lines,
  related cards, ad labels ("Advertisement", "Story continues below", "Anzeige",
  "Advertentie"), image captions and photo credits (as every family decides for
  `<figcaption>`: a caption describes a picture the text does not carry), embedded social
  posts (a widget's copy of someone else's post; A decides the same for `twitter-tweet`),
  video players' "Watch:" / "Now playing" / "Up next" lines, polls, sign-up forms,
  "Listen to this article" / "N min read" lines, tables of contents, live-blog stamps and
  their "Share" / "Copy link" buttons.
- Pull quotes repeat a body sentence: the sentence belongs in the text once; the second
  copy is furniture (a "pullquote" kind, leaked when the sentence is said twice).
- The newsroom's own "Key points" box restates the story in its sentences: furniture (as
  C's summary boxes and D's ABC "Key points:"), measured as a pull quote: its points are
  this body's sentences, which belong in the text once.
- A correction or update note that says what changed is body (30 % of pages,
  STORY_NOTES_J), as in every family.
- NEAR_MISSES_J: story paragraphs that look like the furniture ("Read more about the plan
  in the council's report, the mayor said.", "Advertisement spending rose …", "Watch the
  river, residents were told …", "Photo identification will be required …", a quoted post
  introduced by the reporter, "Listen to the recordings and …", "Updated figures …"), put
  into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random
import re

from cms_blocks_d import _esc, _n
from cms_blocks_g import with_one_of

__all__ = ["NEAR_MISSES_J", "SITES_J", "STORY_NOTES_J", "render_cms_j", "with_near_miss_j"]

STORY_NOTES_J = (
    "Correction: An earlier version of this story gave the wrong date for the hearing. It "
    "is on January 14, not January 4.",
    "Update, 6:10 p.m.: The company said late on Monday that it would appeal the ruling.",
    "Editor's note: This story has been changed to remove the name of a witness who feared "
    "reprisals.",
)

NEAR_MISSES_J = (
    "Read more about the plan in the council's report, the mayor said, and you will see "
    "that the costs have doubled.",
    "Advertisement spending by the two parties rose by a third in the last week of the "
    "campaign, the watchdog found.",
    "Watch the river closely over the weekend, residents of the lower valley were told on "
    "Friday.",
    "Photo identification will be required at every polling station from next year, the "
    "electoral commission said.",
    "Listen to the recordings and you can hear the pilot asking twice for the runway "
    "lights, the investigator said.",
    "Updated figures released on Tuesday show that 412 homes were damaged, not 280 as first "
    "reported.",
    "Also read by the committee was a letter from the former manager, who described the "
    "shortages as chronic.",
    "Now playing at the town's only cinema is a documentary about the mine that closed in "
    "1987.",
    "Sign up for the scheme closes at the end of the month, and fewer than half of the "
    "eligible farmers have applied.",
    "Share of the vote for the independents rose to 18 per cent, the highest since the "
    "district was created.",
    "Story after story from the tenants described the same pattern of ignored complaints "
    "and sudden rent rises.",
    "Key points of the deal are still being negotiated, a spokeswoman for the ministry "
    "said on Thursday.",
)

AGENCIES = ("Getty Images", "PTI", "Reuters", "AP", "ANP", "dpa", "AFP")
OUTLETS = ("The Morning Ledger", "Valley Daily", "The Coastal Times", "Metro Herald")
HANDLES = ("cityfire", "metpoliceuk", "weatherdesk", "councilnews", "trainsnorth")
SHOWS = ("Morning Edition", "The Briefing", "All Things Local", "Evening Report")


def _teaser_link(label: str, teaser: str, r: random.Random, how: str) -> str:
    href = f"/news/{_n(r)}.html"
    if how == "strong":
        return f'<p><strong>{_esc(label)}</strong> <a href="{href}">{_esc(teaser)}</a></p>'
    if how == "all_link":
        return f'<p><a href="{href}"><strong>{_esc(label)} {_esc(teaser)}</strong></a></p>'
    return f'<p>{_esc(label)} <a href="{href}">{_esc(teaser)}</a></p>'


def _body_sentence(paras: list[str], r: random.Random) -> str:
    """One sentence of this page's own body (pull quotes and key points repeat them)."""
    para = r.choice(paras[1:] or paras)
    parts = [s for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 6]
    return r.choice(parts) if parts else para


def j_block(kind: str, f, paras: list[str]) -> tuple[str, list[str]]:  # noqa: C901
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    who = f.name()
    agency = r.choice(AGENCIES)
    # --- inline read-more lines -------------------------------------------------------------
    if kind == "also_read":
        label = r.choice(("ALSO READ |", "ALSO READ:", "Also Read:", "► Also read:"))
        t = f.teaser()
        return _teaser_link(label, t, r, r.choice(("strong", "plain", "all_link"))), \
            [f"{label} {t}"]
    if kind == "read_more":
        label = r.choice(("READ MORE:", "MORE:", ">> Read more:", "READ MORE -"))
        t = f.teaser()
        return _teaser_link(label, t, r, r.choice(("strong", "all_link"))), [f"{label} {t}"]
    if kind == "lees_ook":
        label = r.choice(("Lees ook:", "Lees ook |", "Read also:", "Zie ook:"))
        t = f.teaser()
        return _teaser_link(label, t, r, r.choice(("strong", "plain"))), [f"{label} {t}"]
    if kind == "related_card":
        t = f.teaser()
        mins = r.randint(2, 9)
        lab = r.choice(("Related", "RELATED STORY", "You may also like"))
        return (f'<div><a href="/news/{_n(r)}.html"><img src="/img/{_n(r)}.jpg" alt="">'
                f"<span>{lab}</span><span>{_esc(t)}</span><span>{mins} min read</span></a>"
                "</div>", [t])
    # --- ad labels ------------------------------------------------------------------------------
    if kind == "ad_label":
        s = r.choice(("Advertisement", "ADVERTISEMENT", "Story continues below",
                      "Story continues below advertisement", "Advertisement - scroll to "
                      "continue reading"))
        return r.choice((f"<p>{s}</p>", f"<div><span>{s}</span></div>",
                         f"<p><small>{s}</small></p>")), [s]
    if kind == "ad_label_foreign":
        s = r.choice(("Anzeige", "ANZEIGE", "Advertentie", "Publicité"))
        return r.choice((f"<p>{s}</p>", f"<div><span>{s}</span></div>")), []
    # --- pull quotes and key points: this body's own sentences again ------------------------
    if kind == "pullquote":
        s = _body_sentence(paras, r)
        return r.choice((f"<blockquote><p>{_esc(s)}</p></blockquote>",
                         f"<p><strong>“{_esc(s)}”</strong></p>",
                         f"<blockquote>{_esc(s)}</blockquote>")), [s]
    if kind == "pullquote_keypoints":
        pts = [_body_sentence(paras, r) for _ in range(3)]
        pts = list(dict.fromkeys(pts))
        head = r.choice(("Key points", "Key points:", "In brief", "The big picture"))
        return (f"<p><strong>{head}</strong></p><ul>"
                + "".join(f"<li>{_esc(p)}</li>" for p in pts) + "</ul>", pts)
    # --- captions and credits -------------------------------------------------------------------
    if kind == "caption":
        cap = f.sentence()
        credit = r.choice((f"(Photo: {who} / {agency})", f"Photo: {who}/{agency}",
                           f"Image: {agency}", f"({who} for {r.choice(OUTLETS)})"))
        img = f'<img src="/img/{_n(r)}.jpg" alt="">'
        markup = r.choice((f"<p>{img}</p><p><em>{_esc(cap)} {_esc(credit)}</em></p>",
                           f"<p>{img}<figcaption>{_esc(cap)} {_esc(credit)}</figcaption></p>",
                           f"<p>{img}<br>{_esc(cap)} {_esc(credit)}</p>"))
        return markup, [cap, credit]
    if kind == "credit":
        s = r.choice((f"(Photo: {who} / {agency})", f"Photo: {who}/{agency}",
                      f"Foto: {who} / {agency}", f"Image credit: {who}/{agency}"))
        return f'<p><img src="/img/{_n(r)}.jpg" alt=""></p><p>{_esc(s)}</p>', [s]
    # --- embedded social posts ------------------------------------------------------------------
    if kind == "social":
        post = f.sentence()
        h = r.choice(HANDLES)
        day = r.randint(1, 6)
        if r.random() < 0.5:
            tail = f"— {who} (@{h}) December {day}, 2026"
            return (f'<blockquote><p>{_esc(post)}</p>{_esc(tail.rsplit(" December", 1)[0])} '
                    f'<a href="https://x.com/{h}/status/{_n(r)}">December {day}, 2026</a>'
                    "</blockquote>", [post, tail])
        return ('<blockquote><p><a href="https://www.instagram.com/p/x/">View this post on '
                f"Instagram</a></p><p>{_esc(post)}</p><p>A post shared by {_esc(who)} "
                f"(@{h})</p></blockquote>",
                ["View this post on Instagram", post, f"A post shared by {who} (@{h})"])
    # --- video and audio players' text ----------------------------------------------------------
    if kind == "watch":
        t = f.teaser()
        s = r.choice((f"WATCH: {t}", f"Watch: {t}", f"VIDEO: {t}"))
        return r.choice((f"<p><strong>{_esc(s)}</strong></p>",
                         f'<p><a href="/video/{_n(r)}">{_esc(s)}</a></p>')), [s]
    if kind == "now_playing":
        t = f.teaser()
        lab = r.choice(("Now playing", "Up next", "Related Video"))
        return (f"<div><video src=\"/v/{_n(r)}.mp4\"></video><p>{lab}</p><p>{_esc(t)}</p>"
                f"<p>{r.randint(0, 4)}:{r.randint(10, 59)}</p></div>", [t])
    if kind == "listen":
        s = r.choice(("Listen to this article", f"Listen to this article · {r.randint(4, 25)} "
                      "min", f"{r.randint(3, 14)} min read", f"Listen · {r.randint(2, 9)}:"
                      f"{r.randint(10, 59)}"))
        return f"<p>{_esc(s)}</p>", [s]
    if kind == "audio_tools":
        show = r.choice(SHOWS)
        return (f"<p>Heard on {_esc(show)}</p><p>Download</p><p>Embed</p><p>Transcript</p>",
                [f"Heard on {show}"])
    # --- polls and sign-up forms ----------------------------------------------------------------
    if kind == "poll":
        topic = " ".join(f.teaser().split()[:5]).rstrip(",.;:")
        q = r.choice((f"Poll: Do you agree with {topic}?",
                      f"What do you think about {topic}?"))
        return (f"<form><p><strong>{_esc(q)}</strong></p><label><input type=radio> Yes"
                "</label><label><input type=radio> No</label><label><input type=radio> Not "
                "sure</label><p><button>Vote</button> <a href=\"#\">View results</a></p>"
                "</form>", [q])
    if kind == "signup":
        lead = r.choice(("Get the Morning Briefing in your inbox every weekday.",
                         "Stay on top of the news: our editors' picks, every evening.",
                         "The best of our journalism, delivered to your inbox."))
        return (f"<form><p><strong>{_esc(lead)}</strong></p><p>Enter your email</p><input "
                "type=email><button>Sign up</button><p>By signing up you agree to our "
                "Privacy Policy.</p></form>",
                [lead, "By signing up you agree to our Privacy Policy."])
    # --- long reads and live blogs ----------------------------------------------------------------
    if kind == "toc":
        items = [" ".join(f.teaser().split()[:5]) for _ in range(r.randint(3, 5))]
        head = r.choice(("Contents", "Table of contents", "In this article"))
        return (f"<p><strong>{head}</strong></p><ul>"
                + "".join(f'<li><a href="#s{i}">{_esc(t)}</a></li>' for i, t in enumerate(items))
                + "</ul>", [" ".join(items)] if len(items[0].split()) >= 3 else [])
    if kind == "live_stamp":
        h, m = r.randint(1, 12), r.randint(10, 59)
        s = r.choice((f"{h}:{m} p.m. ET", f"Updated {r.randint(2, 50)} min ago",
                      f"Posted at {h:02d}:{m} GMT", f"{h}.{m}am"))
        extra = r.choice(("", "<p>Share</p><p>Copy link</p>", "<p>Key event</p>"))
        return f"<p><strong>{_esc(s)}</strong></p>{extra}", []
    raise ValueError(kind)


# site: (body markup, on top, between the paragraphs)
SITES_J = {
    "indiadaily": ('<div class="story-details">', (), ("also_read", "ad_label", "credit")),
    "uktabloid": ('<div class="article-text">', (), ("read_more", "ad_label", "now_playing",
                                                      "credit")),
    "lowlands": ('<div class="article__body">', (), ("lees_ook", "ad_label_foreign",
                                                     "credit")),
    "germanen": ('<div class="article-section">', ("listen",), ("ad_label_foreign",
                                                                "also_read")),
    "ustv": ('<div class="story-body">', (), ("watch", "now_playing", "related_card",
                                             "ad_label")),
    "liveblog": ('<div class="live-content">', (), ("live_stamp",)),
    "longread": ('<div class="longform-body">', ("listen", "toc"), ("pullquote",)),
    "photo": ('<div class="content-body">', (), ("caption", "credit")),
    "social": ('<div class="entry-body">', (), ("social", "read_more")),
    "pollsite": ('<div class="article-body">', (), ("poll", "also_read")),
    "newsinline": ('<div class="post-content">', (), ("signup", "related_card")),
    "relcards": ('<div class="td-post-content">', (), ("related_card", "ad_label")),
    "radio": ('<div class="storytext">', ("listen",), ("audio_tools", "credit")),
    "explainer": ('<div class="c-entry-content">', ("pullquote_keypoints",), ("toc",
                                                                            "pullquote")),
    "sports": ('<div class="article-content">', (), ("now_playing", "watch", "ad_label",
                                                     "also_read")),
}


def _page(title: str, author: str, site: str, body: str) -> str:
    t, a = _esc(title), _esc(author)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset='utf-8'><title>{t}</title>"
            f"</head><body class=\"{site}\"><header class=\"site-header\"><nav><ul><li><a "
            'href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/sport/">'
            f"Sport</a></li></ul></nav></header><main><article><header><h1>{t}</h1><p class="
            f'"byline">By <a href="/author/x">{a}</a> <time datetime="2026-12-07">December 7, '
            f"2026</time></p></header>{body}</article></main><footer><p>© 2026 {site.title()}. "
            "All rights reserved.</p></footer></body></html>")


def render_cms_j(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-J site: the HTML and its furniture blocks."""
    r = f.rnd
    site = r.choice(sorted(SITES_J))
    box, top, inside = SITES_J[site]
    f.author = f.name()
    placed: list[tuple[str, list[str]]] = []

    def add(kind: str) -> str:
        markup, texts = j_block(kind, f, paras)
        placed.append((f"{site}:{kind}", texts))
        return markup

    wrap = [f"<p>{_esc(p)}</p>" for p in paras]
    if note:
        wrap.append(f"<p>{_esc(note)}</p>")
    # between the story's paragraphs: never before the first, never after the last
    n_inside = r.randint(2, 4) if len(paras) >= 3 else 1
    for _ in range(n_inside):
        wrap.insert(r.randint(1, len(paras) - 1), add(r.choice(inside)))
    for kind in reversed(top):
        wrap.insert(0, add(kind))
    tag = box[1:box.index(" ")]
    return _page(headline, f.author, site, f"{box}{''.join(wrap)}</{tag}>"), placed


def with_near_miss_j(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_J paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_J)
