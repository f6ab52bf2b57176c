"""`bench_text_templates.py --cms D`: big news publishers' OWN article templates of
2017-2021 (not plugins), with the site-specific class names no rule was written for and
the layouts that mislead an extractor's choice of block. Written from knowledge of those
sites' markup shapes (nothing downloaded, no benchmark's gold read), fixed in code before
any result was seen; measured once held out, then tuned on.

Publishers (the article markup, PUBLISHERS), each with its own furniture:

  gannett    USA Today network: `gnt_ar_b` body, `gnt_ar_b_p` paragraphs, `gnt_em`
             embeds (image with `gnt_em_img_ccw` caption, "More from USA TODAY" link box),
             "Contributing: X, USA TODAY" and "Follow X on Twitter: @x" lines.
  mcclatchy  `story-body`, "Related stories from The Sacramento Bee" box, the reporter's
             bio paragraph at the end.
  blox       Lee Enterprises / BLOX: `asset-content`, `tncms-region`, `tncms-block`
             inline "Get local news delivered to your inbox!" box, `asset-tags`.
  hearst     `article--body` / `body-text`, caption `<p>` after an image "Photo: X / The
             Chronicle", bio "X is a San Francisco Chronicle staff writer. Email: …".
  reach      Reach plc: `article-body`, `read-more-links` aside ("Read More" + list),
             inline "Sign up to our newsletter" `<p>`.
  guardian   `dcr-` hashed classes, `rich-link` aside, figure "Photograph: X/Getty".
  bbc        `ssrcss-…-RichTextComponentWrapper` text blocks, image block with "Image
             source, X" / "Image caption, …", "Related Topics" tag list.
  toi        Times of India: `_3WlLe` body written between `<br>`s, "Also Read" box.
  ndtv       `ins_storybody`, "(Except for the headline, this story has not been edited
             by NDTV staff and is published from a syndicated feed.)".
  ht         Hindustan Times `storyDetails` / `detail`, "Also Read |" inline links,
             "Catch all the Latest News …" line.
  newscomau  news.com.au `story-body`, "READ MORE" link paragraphs.
  abc        ABC (Australia): "Key points:" list above the body, "Topics:" list.
  aljazeera  `wysiwyg`, "more-on" box, "SOURCE: AL JAZEERA AND NEWS AGENCIES".
  cnn        `zn-body__paragraph` (as `<div>`s), "(CNN)" dateline, "Read More" label,
             "Related Article:" card.
  fox        `article-body`, "CLICK HERE TO GET THE FOX NEWS APP" paragraphs.
  nyt        NYT 2019: `css-` hashed classes, the story split over several
             `StoryBodyCompanionColumn`s with "Advertisement" slots and "Continue reading
             the main story" links between them.
  wapo       Washington Post: "Story continues below advertisement", "Read more:" list
             of linked headlines after the story.
  reuters    Reuters 2019: `StandardArticleBody_body`, "(Reuters) -" dateline,
             "Reporting by X; Editing by Y", "Our Standards: The Thomson Reuters Trust
             Principles."
  ap         AP: "Associated Press writer X contributed to this report.", "Copyright
             2020 The Associated Press. All rights reserved. This material may not be
             published, broadcast, rewritten or redistributed."

Layouts that mislead a block choice (LAYOUT kinds, on any publisher): a "Recommended"
grid of teasers with summaries, or a long reader comment thread, larger than the story;
an inline "Most Popular" list inside the body container; captions carried as `<p>` in
the body (no figcaption); a slideshow of captioned slides inside the body; the
reporter's bio as a `<p>` at the end ("X is a reporter covering …"); a newsletter
sign-up as a plain `<p>` + `<a>`.

Truth decisions (what such benchmarks' annotators mark as the article):
- The "(CNN)" / "(Reuters) -" dateline opening the first paragraph: body (part of the
  paragraph, in the truth).
- Captions (figcaption or `<p>`), slideshow captions, credit lines: furniture.
- Credit lines after the story: "Reporting by X; Editing by Y", "Contributing: X",
  "Associated Press writer X contributed to this report.", "The Associated Press
  contributed to this report.": furniture (they credit the copy, not tell the story).
- Copyright and redistribution lines ("Copyright 2020 The Associated Press …", "This
  material may not be published …"), NDTV's syndication note, "SOURCE: AL JAZEERA …",
  "Our Standards: …": furniture.
- The reporter's bio ("X is a reporter covering …", "Email: … Twitter: @…"), "Follow X on
  Twitter": furniture.
- ABC's "Key points:" list: furniture (it restates the story; as C's summary boxes).
- "Advertisement", "Story continues below advertisement", "Continue reading the main
  story", "Read More", "Related Article:" cards, "Read more:" lists, inline "Also Read",
  "Most Popular", "Recommended", comments, tags and topics, app and newsletter prompts:
  furniture.
- An editor's note or a correction closing the story is body (30 % of pages).
- NEAR_MISSES_D: story paragraphs opening with these furniture's words ("Reporting by",
  "Contributing to", "Copyright", "Advertisement", "Read more", "Most popular", "Related",
  "Key points", "Continue", "Source", "… is a reporter covering …" inside a sentence),
  put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import html
import random

from cms_page import insert_inside, placer, with_one_of

STORY_NOTES_D = (
    "Editor's note: This story has been updated to include a statement from the "
    "governor's office released on Wednesday evening.",
    "Correction: A previous version of this story gave an incorrect figure for the number "
    "of schools closed; it was 41, not 14.",
)

NEAR_MISSES_D = (
    "Reporting by the local newspaper in 2015 first revealed that the contracts had been "
    "awarded without a public tender, prosecutors said.",
    "Contributing to the delay, officials said, was a shortage of the steel beams needed "
    "for the second span of the bridge.",
    "Copyright lawyers for the photographer argued that the museum had used the images "
    "for years without paying any licence fee.",
    "Advertisement spending by the two campaigns reached a record in the final week, "
    "according to figures filed with the election commission.",
    "Read more closely, the ruling leaves room for the state to appeal on narrower "
    "grounds, two legal scholars said on Friday.",
    "Most popular among younger voters was the promise to cancel part of student debt, "
    "the survey found.",
    "Related charges against two other employees of the firm were dropped in March after "
    "a key witness withdrew his statement.",
    "Continued rainfall over the weekend is expected to push the river above its banks "
    "in at least three towns, forecasters warned.",
    "Source code for the voting software was handed to the auditors only after a judge "
    "ordered the company to do so.",
    "Garcia, who is a reporter covering the courts for a rival paper, testified that she "
    "had received the documents by mail.",
    "Sign-ups for the vaccination programme fell sharply in the second week, health "
    "officials told the committee on Tuesday.",
    "Photo identification will be required at every polling station from next year, "
    "under the law passed on Thursday.",
)

NEWSROOMS = ("USA TODAY", "The Sacramento Bee", "The Chronicle", "the Gazette",
             "The Kansas City Star")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _n(r: random.Random) -> int:
    return r.randrange(10**5)


def _css(r: random.Random) -> str:
    """An emotion/styled-components hash ("css-1fanzo5", "dcr-s23rjr")."""
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))


def _handle(name: str) -> str:
    return "@" + name.replace(" ", "").lower()


def d_block(kind: str, f) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    a = f.author
    # --- Gannett ----------------------------------------------------------------------
    if kind == "gnt_img":
        s = f.teaser()
        return ('<figure class="gnt_em gnt_em_img"><img class="gnt_em_img_i" src="/p.jpg" alt="">'
                f'<figcaption class="gnt_em_img_ccw" aria-label="{_esc(s)}"><span class="gnt_em_'
                f'img_cc">{_esc(s)}</span><span class="gnt_em_img_cr"> ({_esc(f.name())}, USA '
                'TODAY)</span></figcaption></figure>', [s])
    if kind == "gnt_more":
        items = [f.teaser() for _ in range(2)]
        lis = "".join(f'<a class="gnt_em_fp_li" href="/story/{_n(r)}/">{_esc(t)}</a>'
                      for t in items)
        return ('<aside class="gnt_em gnt_em_fp"><span class="gnt_em_fp_t">More from USA TODAY'
                f'</span>{lis}</aside>', items)
    if kind == "gnt_contrib":
        s = f"Contributing: {f.name()} and {f.name()}, USA TODAY"
        return f'<p class="gnt_ar_b_p">{s}</p>', [s]
    if kind == "gnt_follow":
        s = f"Follow {a} on Twitter: {_handle(a)}"
        return f'<p class="gnt_ar_b_p">{_esc(s)}</p>', [f"Follow {a} on Twitter"]
    # --- McClatchy ----------------------------------------------------------------------
    if kind == "mc_related":
        items = [f.teaser() for _ in range(3)]
        lis = "".join(f'<li class="package-item"><h3 class="h3"><a href="/news/article{_n(r)}'
                      f'.html">{_esc(t)}</a></h3></li>' for t in items)
        return ('<div class="related-stories-mod"><h4 class="h4">Related stories from The '
                f'Sacramento Bee</h4><ul class="package">{lis}</ul></div>',
                [*items, "Related stories from The Sacramento Bee"])
    # --- Lee / BLOX -------------------------------------------------------------------
    if kind == "blox_inbox":
        s = f.sentence()
        return (f'<div id="tncms-region-article_instory_top" class="tncms-region hidden-print">'
                f'<div id="tncms-block-{_n(r)}" class="tncms-block"><div class="tnt-'
                f'newsletter-signup"><h4>Get local news delivered to your inbox!</h4><p>{_esc(s)}'
                '</p><a class="btn btn-primary" href="/newsletters/">Sign up</a></div></div>'
                '</div>', [s, "Get local news delivered to your inbox"])
    if kind == "blox_tags":
        items = [" ".join(f.teaser().split()[:2]) for _ in range(4)]
        lis = "".join(f'<li><a href="/search/?k=%23{_n(r)}" class="label label-default">'
                      f'{_esc(t)}</a></li>' for t in items)
        return f'<div class="asset-tags"><h4>Tags</h4><ul class="list-inline">{lis}</ul></div>', []
    # --- Hearst -------------------------------------------------------------------------
    if kind == "hearst_caption":
        s = f.sentence()
        c = f"Photo: {f.name()} / The Chronicle"
        return (f'<div class="article--content-image"><img src="/p.jpg" alt=""></div><p class='
                f'"article--content-caption">{_esc(s)} {_esc(c)}</p>', [s])
    if kind == "hearst_bio":
        s = (f"{a} is a San Francisco Chronicle staff writer. Email: {a.split()[0].lower()}"
             f"@sfchronicle.com Twitter: {_handle(a)}")
        return f"<p><em>{_esc(s)}</em></p>", [f"{a} is a San Francisco Chronicle staff writer"]
    # --- Reach plc ----------------------------------------------------------------------
    if kind == "reach_readmore":
        items = [f.teaser() for _ in range(3)]
        lis = "".join(f'<li><a href="/news/local-news/{_n(r)}" data-link-tracking="InArticle|'
                      f'Link">{_esc(t)}</a></li>' for t in items)
        return ('<aside class="read-more-links"><div class="read-more-title">Read More</div>'
                f'<ul>{lis}</ul></aside>', items)
    if kind == "reach_newsletter":
        s = ("Want all the latest news from the region sent straight to your inbox? Sign up "
             "for our free newsletter here.")
        return ('<p>Want all the latest news from the region sent straight to your inbox? '
                '<a href="/newsletter-preference-centre/">Sign up for our free newsletter '
                'here</a>.</p>', [s])
    # --- Guardian -------------------------------------------------------------------------
    if kind == "gu_rich":
        t = f.teaser()
        return (f'<aside data-gu-name="rich-link" class="dcr-{_css(r)}"><div class="dcr-'
                f'{_css(r)}"><a data-link-name="rich-link-{_n(r)} | 1" class="dcr-{_css(r)}" '
                f'href="/world/{_n(r)}"><div class="dcr-{_css(r)}"><span class="dcr-{_css(r)}">'
                f'{_esc(t)}</span></div><div class="dcr-{_css(r)}">Read more</div></a></div>'
                '</aside>', [t])
    if kind == "gu_fig":
        s = f.sentence()
        return (f'<figure class="dcr-{_css(r)}" data-spacefinder-role="inline"><div class="dcr-'
                f'{_css(r)}"><picture><img src="/p.jpg" alt=""></picture></div><figcaption '
                f'class="dcr-{_css(r)}"><span class="dcr-{_css(r)}">{_esc(s)}</span> Photograph:'
                f' {f.name()}/Getty Images</figcaption></figure>', [s])
    # --- BBC ------------------------------------------------------------------------------
    if kind == "bbc_img":
        s = f.sentence()
        return (f'<div data-component="image-block" class="ssrcss-{_css(r)}-ComponentWrapper">'
                f'<figure class="ssrcss-{_css(r)}-Figure"><div class="ssrcss-{_css(r)}-Image'
                f'Wrapper"><img src="/p.jpg" alt=""><span class="ssrcss-{_css(r)}-Copyright"><span'
                f' class="ssrcss-{_css(r)}-VisuallyHidden">Image source, </span>Getty Images'
                f'</span></div><figcaption class="ssrcss-{_css(r)}-Caption"><span class="ssrcss-'
                f'{_css(r)}-VisuallyHidden">Image caption, </span>{_esc(s)}</figcaption>'
                '</figure></div>', [s])
    if kind == "bbc_topics":
        items = [" ".join(f.teaser().split()[:2]) for _ in range(3)]
        lis = "".join(f'<li class="ssrcss-{_css(r)}-StyledTagListItem"><a href="/news/topics/'
                      f'c{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return (f'<section data-component="tag-list" class="ssrcss-{_css(r)}-SectionWrapper">'
                f'<div class="ssrcss-{_css(r)}-Heading"><h2>Related Topics</h2></div><ul '
                f'class="ssrcss-{_css(r)}-TagList">{lis}</ul></section>', ["Related Topics"])
    # --- Times of India / NDTV / Hindustan Times ------------------------------------------
    if kind == "toi_also":
        t = f.teaser()
        return (f'<div class="_2Ge_O"><span class="_3fRPz">Also Read</span><a href="/india/'
                f'articleshow/{_n(r)}.cms">{_esc(t)}</a></div>', [t])
    if kind == "ndtv_note":
        s = ("(Except for the headline, this story has not been edited by NDTV staff and is "
             "published from a syndicated feed.)")
        return f"<p><i>{s}</i></p>", [s]
    if kind == "ndtv_promoted":
        s = "Listen to the latest songs, only on JioSaavn.com"
        return (f'<div class="story__promoted"><span>Promoted</span><a href="https://www.'
                f'jiosaavn.com">{s}</a></div>', [s])
    if kind == "ht_also":
        t = f.teaser()
        return f'<p>Also Read | <a href="/india-news/{_n(r)}.html">{_esc(t)}</a></p>', [t]
    if kind == "ht_catch":
        s = ("Catch all the Latest News, Breaking News and Live Updates on Hindustan Times. "
             "Download The Hindustan Times App to get Latest News.")
        return f'<div class="catchAllStory"><p>{s}</p></div>', [s]
    # --- news.com.au / ABC ------------------------------------------------------------------
    if kind == "ncau_readmore":
        t = f.teaser()
        return (f'<p><strong>READ MORE: </strong><a href="/national/{_n(r)}">{_esc(t)}</a></p>',
                [t])
    if kind == "abc_keypoints":
        pts = [f.sentence() for _ in range(3)]
        lis = "".join(f"<li>{_esc(p)}</li>" for p in pts)
        return (f'<div class="_3ZBR-"><h2 class="_1qkJ9">Key points:</h2><ul class="_1Vu2l">'
                f'{lis}</ul></div>', pts)
    if kind == "abc_topics":
        items = [" ".join(f.teaser().split()[:2]) for _ in range(4)]
        lis = "".join(f'<li><a href="/news/topic/{_n(r)}">{_esc(t)}</a>, </li>' for t in items)
        return f'<div class="_1Yb3t"><p>Topics:</p><ul>{lis}</ul></div>', []
    # --- Al Jazeera / CNN / Fox -------------------------------------------------------------
    if kind == "aj_more":
        t = f.teaser()
        return (f'<div class="more-on"><p class="more-on__heading">Read more</p><ul><li><a '
                f'href="/news/{_n(r)}">{_esc(t)}</a></li></ul></div>', [t])
    if kind == "aj_source":
        s = "SOURCE: AL JAZEERA AND NEWS AGENCIES"
        return f'<p class="article-source">{s}</p>', [s]
    if kind == "cnn_related":
        t = f.teaser()
        return ('<div class="el__embedded el__embedded--standard"><div class="el__article--'
                f'embed"><a href="/2019/05/{_n(r)}/index.html"><h3 class="cd__headline"><span '
                f'class="cd__headline-text">Related Article: {_esc(t)}</span></h3></a></div>'
                '</div>', [t])
    if kind == "cnn_readmore":
        return '<div class="zn-body__read-more">Read More</div>', []
    if kind == "fox_app":
        s = r.choice(("CLICK HERE TO GET THE FOX NEWS APP",
                      "CLICK HERE FOR MORE SPORTS COVERAGE ON FOXNEWS.COM"))
        return f'<p><strong><a href="https://www.foxnews.com/apps">{s}</a></strong></p>', [s]
    if kind == "fox_ap":
        s = "The Associated Press contributed to this report."
        return f"<p><i>{s}</i></p>", [s]
    # --- NYT / WaPo / Reuters / AP ----------------------------------------------------------
    if kind == "nyt_ad":
        return (f'<div class="css-{_css(r)}"><div id="story-ad-{r.randint(1, 6)}-wrapper" class='
                f'"css-{_css(r)}"><div class="css-{_css(r)}"><p class="css-{_css(r)}">'
                f'Advertisement</p><a class="css-{_css(r)}" href="#after-story-ad-1">Continue '
                'reading the main story</a></div><div id="story-ad-1" class="ad story-ad-1-'
                'wrapper"></div></div></div>', ["Continue reading the main story"])
    if kind == "wapo_below":
        return ('<div class="inline-content wpds-c-cOVRyF"><div class="ad-wrapper"><span class='
                '"ad-label">Story continues below advertisement</span><div id="slug_inline_bb"'
                '></div></div></div>', ["Story continues below advertisement"])
    if kind == "wapo_readmore":
        items = [f.teaser() for _ in range(3)]
        ps = "".join(f'<p class="font--body font-copy"><a href="https://www.washingtonpost.com/'
                     f'world/{_n(r)}/">{_esc(t)}</a></p>' for t in items)
        return f'<p class="font--body font-copy"><b>Read more:</b></p>{ps}', items
    if kind == "reuters_credit":
        s = f"Reporting by {f.name()}; Additional reporting by {f.name()}; Editing by {f.name()}"
        return f'<p class="Attribution_content">{s}</p>', [s]
    if kind == "reuters_standards":
        s = "Our Standards: The Thomson Reuters Trust Principles."
        return (f'<div class="StandardArticleBody_trustBadgeContainer"><span class="trustBadge">'
                f'<a href="/principles">{s}</a></span></div>', [s])
    if kind == "ap_contrib":
        s = f"Associated Press writer {f.name()} in Washington contributed to this report."
        return f"<p>{s}</p>", [s]
    if kind == "ap_copyright":
        s = ("Copyright 2020 The Associated Press. All rights reserved. This material may not "
             "be published, broadcast, rewritten or redistributed.")
        return f"<p>{s}</p>", [s]
    # --- layouts that mislead a block choice, on any publisher ----------------------------
    if kind == "recommended_grid":
        items = [(f.teaser(), f.sentence()) for _ in range(r.randint(6, 10))]
        tiles = "".join(f'<div class="tile"><a href="/{_n(r)}"><h3>{_esc(t)}</h3></a><p>'
                        f'{_esc(s)}</p></div>' for t, s in items)
        return (f'<section class="zone recirc"><h2>Recommended</h2><div class="grid">{tiles}'
                '</div></section>', [x for pair in items for x in pair])
    if kind == "comment_thread":
        items = [f.sentence() for _ in range(r.randint(8, 14))]
        lis = "".join(f'<li class="vf-item"><div class="vf-user">{_esc(f.name())}</div><p>'
                      f'{_esc(s)}</p><span class="vf-age">{r.randint(2, 59)} minutes ago</span>'
                      '</li>' for s in items)
        return (f'<div id="vf-conversations"><h3>Conversation {len(items)} Comments</h3><ul>'
                f'{lis}</ul></div>', items)
    if kind == "most_popular_inline":
        items = [f.teaser() for _ in range(5)]
        lis = "".join(f'<li><a href="/{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return f'<div class="inline-module"><h3>Most Popular</h3><ol>{lis}</ol></div>', items
    if kind == "p_caption":
        s = f.sentence()
        c = r.choice((f"(Photo: {f.name()}, AP)", f"{f.name()}/The Star", f"(AP Photo/{f.name()})"))
        return (f'<p><img src="/p{_n(r)}.jpg" alt="" width="640"></p><p><em>{_esc(s)} {_esc(c)}'
                '</em></p>', [s])
    if kind == "slideshow":
        caps = [f.sentence() for _ in range(r.randint(3, 6))]
        slides = "".join(f'<div class="slide"><img src="/s{i}.jpg" alt=""><p>{_esc(c)}</p></div>'
                         for i, c in enumerate(caps, 1))
        return f'<div class="slideshow-inline">{slides}</div>', caps
    if kind == "bio_p":
        beat = r.choice(("local government and transportation", "the courts and public "
                         "safety", "health care and science", "politics for the newsroom"))
        s = (f"{a} is a reporter covering {beat}. Reach {a.split()[0]} at "
             f"{_handle(a)[1:]}@example.com.")
        return f"<p><em>{_esc(s)}</em></p>", [f"{a} is a reporter covering {beat}"]
    if kind == "newsletter_p":
        s = ("Get the day's top stories delivered to your inbox every morning. Sign up for our "
             "free newsletter.")
        return ('<p><b>Get the day\'s top stories delivered to your inbox every morning.</b> '
                '<a href="/newsletters">Sign up for our free newsletter.</a></p>', [s])
    raise ValueError(kind)


LAYOUT = {"inside": ("most_popular_inline", "p_caption", "slideshow", "newsletter_p"),
          "after": ("bio_p",), "outside": ("recommended_grid", "comment_thread")}
PUBLISHERS = {
    "gannett": {"inside": ("gnt_img", "gnt_more"), "after": ("gnt_contrib", "gnt_follow")},
    "mcclatchy": {"inside": ("mc_related", "p_caption"), "after": ("mc_related",)},
    "blox": {"inside": ("blox_inbox", "p_caption"), "after": ("blox_tags", "ap_copyright")},
    "hearst": {"inside": ("hearst_caption",), "after": ("hearst_bio",)},
    "reach": {"inside": ("reach_readmore", "reach_newsletter"), "after": ("reach_newsletter",)},
    "guardian": {"inside": ("gu_rich", "gu_fig"), "after": ()},
    "bbc": {"inside": ("bbc_img",), "after": ("bbc_topics",)},
    "toi": {"inside": ("toi_also",), "after": ("toi_also",)},
    "ndtv": {"inside": ("ndtv_promoted",), "after": ("ndtv_note",)},
    "ht": {"inside": ("ht_also",), "after": ("ht_catch",)},
    "newscomau": {"inside": ("ncau_readmore",), "after": ("ncau_readmore",)},
    "abc": {"inside": (), "before": ("abc_keypoints",), "after": ("abc_topics",)},
    "aljazeera": {"inside": ("aj_more",), "after": ("aj_source",)},
    "cnn": {"inside": ("cnn_related", "cnn_readmore"), "after": ()},
    "fox": {"inside": ("fox_app",), "after": ("fox_ap", "fox_app")},
    "nyt": {"inside": ("nyt_ad",), "after": ()},
    "wapo": {"inside": ("wapo_below",), "after": ("wapo_readmore",)},
    "reuters": {"inside": (), "after": ("reuters_credit", "reuters_standards")},
    "ap": {"inside": (), "after": ("ap_contrib", "ap_copyright")},
}
DATELINES = {"cnn": "(CNN)", "reuters": "(Reuters) -"}


def _kinds(pub: str, where: str) -> tuple[str, ...]:
    return PUBLISHERS[pub].get(where, ()) + LAYOUT.get(where, ())


def _para(pub: str, r: random.Random, text: str, first: bool = False) -> str:
    t = _esc(text)
    if pub == "cnn":
        if first:
            cite, _, rest = t.partition(" ")
            t = f'<cite class="el-editorial-source">{cite}</cite> {rest}'
        return f'<div class="zn-body__paragraph speakable">{t}</div>'
    cls = {"gannett": ' class="gnt_ar_b_p"', "nyt": f' class="css-{_css(r)} evys1bk0"',
           "wapo": ' class="font--body font-copy"', "bbc": f' class="ssrcss-{_css(r)}-Paragraph"',
           "guardian": f' class="dcr-{_css(r)}"', "reuters": ' class="Paragraph-paragraph-2Bgue"',
           "newscomau": ' class="story-paragraph"'}.get(pub, "")
    if pub == "bbc":
        return (f'<div data-component="text-block" class="ssrcss-{_css(r)}-RichTextComponent'
                f'Wrapper"><div class="ssrcss-{_css(r)}-RichTextContainer"><p{cls}>{t}</p></div>'
                '</div>')
    return f"<p{cls}>{t}</p>"


def d_body(pub: str, r: random.Random, parts: list[str]) -> str:
    """The body container(s): NYT splits the story over companion columns at its ad
    slots; TOI writes it between line breaks; others in one container."""
    inner = "".join(parts)
    if pub == "nyt":
        cols, cur = [], []
        for p in parts:
            if 'id="story-ad-' in p:
                cols.append("".join(cur))
                cols.append(p)
                cur = []
            else:
                cur.append(p)
        cols.append("".join(cur))
        out = ""
        for c in cols:
            if 'id="story-ad-' in c:
                out += c
            elif c:
                out += (f'<div class="css-1fanzo5 StoryBodyCompanionColumn"><div class="css-'
                        f'53u6y8">{c}</div></div>')
        return f'<section name="articleBody" itemprop="articleBody">{out}</section>'
    if pub == "toi":
        joined = "<br><br>".join(p[3:-4] if p.startswith("<p>") and p.endswith("</p>") else p
                                 for p in parts)
        return f'<div class="ga-headlines"><div class="_3WlLe clearfix">{joined}</div></div>'
    box = {"gannett": '<div class="gnt_ar_b" aria-label="Article body">',
           "mcclatchy": '<div class="story-body" id="story-body">',
           "blox": '<div class="asset-content subscriber-premium" itemprop="articleBody"><div '
                   'id="article-body">',
           "hearst": '<section class="body"><div class="article--body body-text">',
           "reach": '<div class="article-body" itemprop="articleBody">',
           "guardian": f'<div id="maincontent" class="article-body-commercial-selector dcr-'
                       f'{_css(r)}">',
           "bbc": '<article class="ssrcss-pv1rh6-ArticleWrapper"><div>',
           "ndtv": '<div itemprop="articleBody" class="sp-cn ins_storybody" id="ins_storybody">',
           "ht": '<div class="storyDetails"><div class="detail">',
           "newscomau": '<div id="story-body" class="story-body">',
           "abc": '<div class="_1HzXw">',
           "aljazeera": '<div class="wysiwyg wysiwyg--all-content">',
           "cnn": '<section id="body-text" class="zn zn-body-text"><div class="l-container">',
           "fox": '<div class="article-body">',
           "wapo": '<div class="article-body">',
           "reuters": '<div class="StandardArticleBody_body">',
           "ap": '<div class="Article" data-key="article">'}[pub]
    return f"{box}{inner}{'</div>' * box.count('<div')}{'</section>' * box.count('<section')}" \
           f"{'</article>' * box.count('<article')}"


def d_page(pub: str, title: str, author: str, body: str, after: str, outside: str) -> str:
    t, a = _esc(title), _esc(author)
    head = (f"<head><meta charset='utf-8'><title>{t} | Example News</title><meta name="
            '"viewport" content="width=device-width"></head>')
    nav = ('<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/'
           'news/">News</a></li><li><a href="/sport/">Sport</a></li><li><a href="/opinion/">'
           'Opinion</a></li></ul></nav></header>')
    foot = ('<footer class="site-footer"><p>© 2020 Example Media Group. All rights reserved.'
            '</p><a href="/privacy">Privacy Policy</a> <a href="/terms">Terms of Use</a></footer>')
    story = (f'<article class="story"><header><h1 class="headline">{t}</h1><div class="byline">'
             f'By <a href="/staff/x">{a}</a> <time datetime="2020-05-02">May 2, 2020</time></div>'
             f'</header>{body}{after}</article>')
    return (f'<!DOCTYPE html><html lang="en">{head}<body>{nav}<main id="main">{story}{outside}'
            f'</main>{foot}</body></html>')


def render_cms_d(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]], list[str]]:
    """One page of a family-D publisher: the HTML, its furniture blocks and the story's
    paragraphs as the truth holds them (a dateline joins the first)."""
    r = f.rnd
    pub = r.choice(tuple(PUBLISHERS))
    f.author = f.name()
    placed: list[tuple[str, list[str]]] = []
    paras = list(paras)
    if pub in DATELINES:
        paras[0] = f"{DATELINES[pub]} {paras[0]}"
    add = placer(None, d_block, f, placed)
    body = [_para(pub, r, p, i == 0) for i, p in enumerate(paras)]
    if note:
        body.append(_para(pub, r, note))
    insert_inside(body, r, _kinds(pub, "inside"), len(paras), add, 2, 4)
    for kind in r.sample(_kinds(pub, "before"), min(1, len(_kinds(pub, "before")))):
        body.insert(0, add(kind))
    ends = _kinds(pub, "after")
    for kind in r.sample(ends, min(len(ends), r.randint(1, 2))):
        body.append(add(kind))  # the sites put these inside the body container
    outs = _kinds(pub, "outside")
    outside = "".join(map(add, r.sample(outs, r.randint(0, 1))))
    page = d_page(pub, headline, f.author, d_body(pub, r, body), "", outside)
    return page, placed, paras


def with_near_miss_d(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_D paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_D)
