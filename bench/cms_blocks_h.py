"""`bench_text_templates.py --cms H`: where wire and syndicated stories appear — news-agency
article pages, press-release distribution services, portal and aggregator copies, AMP and
print / reader versions — and Nordic / Central-European publishers' template chrome.
Families A–G have Reuters 2019 and AP 2020 (D: "Reporting by X; Editing by Y", "Our
Standards …", "… contributed to this report", the AP copyright line), ANSA in Italian (E),
a German / English company newsroom (F) and AMP markup (C); H has the other agencies'
trailers, the agencies' 2024 templates, the distribution services, the portals' copies,
print versions and the Nordic / Central-European labels. Written from knowledge of those
templates' markup (nothing downloaded, no benchmark's gold read), fixed in code before any
result was seen; measured once held out, then tuned on.

Bodies: the dev corpus's English bodies (by `lang_of`), each used for up to three pages
under different templates; furniture sentences and teasers come from OTHER English bodies.
The dev corpus has no Swedish, Norwegian, Finnish, Czech or Hungarian bodies, so the
Nordic / Central-European sites carry English bodies under their native template labels
(as their English editions and English-language copies do: the chrome stays native).

Sites (SITES_H: body markup, a dateline joined to the first paragraph or none; furniture
on top / inside / after the body):

  afp         AFP (`article-text`): "Paris (AFP) -" dateline, figure "… (Photo by X / AFP)",
              "Related coverage" list, the desk slug "bur-jj/des", "© 2026 AFP".
  reuters     Reuters 2024 (`article-body__content`): "(Reporting by X in City; Editing by
              Y)", "Get a look at the day ahead … with our Morning Bid U.S. newsletter. Sign
              up here.", "Our Standards: The Thomson Reuters Trust Principles., opens new
              tab", "Acquire Licensing Rights, opens new tab", "Suggested Topics:" links.
  ap          AP 2024 (`RichTextStoryBody`): "___" rule, "Associated Press writers X and Y
              contributed to this report.", "Follow AP's coverage of … at https://apnews…",
              "The Associated Press receives financial support from … The AP is solely
              responsible for all content.", "Get the latest … delivered" box.
  agency      dpa / ANSA / EFE English services: "(ANSA) - ROME, DEC 7 -" dateline, "© dpa-
              infocom, dpa:261207-99-123456/2", "ALL RIGHTS RESERVED © Copyright ANSA", "EFE
              jl/ics", photo caption "EPA/X".
  prnewswire  PR Newswire (`release-body`): "CITY, Dec. 7, 2026 /PRNewswire/ --" dateline,
              "About <Firm>" + boilerplate, "Forward-Looking Statements" + legal paragraph,
              "Media contact:" block, "SOURCE <Firm>", "View original content to download
              multimedia: https://…", Cision logo.
  businesswire Business Wire (`bw-release-story`): "CITY--(BUSINESS WIRE)--" dateline,
              "About <Firm>", "Safe Harbor Statement" + paragraph, "Contacts" block, "View
              source version on businesswire.com: https://…".
  globenewswire GlobeNewswire (`main-body-container`): "CITY, Dec. 07, 2026 (GLOBE
              NEWSWIRE) --" dateline, "About <Firm>", "Contact:" block, "###", "Attachments"
              list of file names, forward-looking statements.
  yahoo       Yahoo / portal copy of a Bloomberg / Business Insider story: "Most Read from
              Bloomberg" list on top, "Story continues" button, "—With assistance from X.",
              "©2026 Bloomberg L.P.", "Read the original article on Business Insider",
              "Was this helpful?" reaction bar, "View comments".
  msn         MSN copy: provider logo with "© Provided by The Independent", figure "© Provided
              by …", "Continue reading the full story on The Independent", "More from The
              Independent" list, reactions "Like / Comment".
  globalnews  Global News / Canadian Press: "Story continues below advertisement" slots,
              "This report by The Canadian Press was first published Dec. 7, 2026.",
              "© 2026 The Canadian Press", "Trending Now" list.
  syndicated  republished copies: Stacker's "This story was produced by X and reviewed and
              distributed by Stacker.", BLOX's "Originally published on example.com, part of
              the BLOX Digital Content Exchange.", "This story was originally published by X
              and is republished here with permission.", Flipboard's "Flipped into …".
  amp         AMP version: "View non-AMP version", `amp-ad` "Advertisement", "Read full
              article" link, amp-social-share row, canonical note "The original version of
              this article is at https://…".
  printver    print / reader version: "Print this article" / "Close window" bar, "This article
              was printed from https://…", "URL: https://…", "Return to the article", Dow
              Jones' "This copy is for your personal, non-commercial use only. …".
  nordic      Swedish / Norwegian / Danish / Finnish chrome: "Läs också: / Les også: / Læs
              også: / Lue myös:" + link, "Annons / Annonse / Annonce / Mainos" slots, "Dela
              artikeln / Del artikkelen / Del artiklen / Jaa artikkeli", "Publicerad / Publisert
              / Udgivet / Julkaistu <date>" stamp.
  central     Czech / Slovak / Hungarian / Polish chrome: "Čtěte také: / Čítajte aj: / Olvassa
              el ezt is: / Czytaj też:" + link, "Reklama / Hirdetés" slots, "Sdílet /
              Zdieľať / Megosztás / Udostępnij", "Autor: X" / "Szerző: X" lines.

Truth decisions (as the dev gold and families A–G decide):
- Datelines joined to the first paragraph ("Paris (AFP) -", "/PRNewswire/ --", "--(BUSINESS
  WIRE)--", "(GLOBE NEWSWIRE) --", "(ANSA) - ROME, DEC 7 -") are part of the body (as D's
  "(Reuters) -"): the truth's first paragraph carries them.
- Agency trailers are furniture: credit parentheses "(Reporting by …; Editing by …)",
  contributor lines, desk slugs ("bur-jj/des", "EFE jl/ics"), agency copyright and stamps
  ("© 2026 AFP", "© dpa-infocom, dpa:…", "ALL RIGHTS RESERVED © Copyright ANSA"), the
  standards and licensing links, coverage hubs ("Follow AP's coverage of …"), the funders'
  note ("The Associated Press receives financial support from …"), newsletter pitches.
- Press releases: "About <Firm>" boilerplate (the firm's same paragraph on every release;
  family F and the dev gold — "About Nielsen Measurement" is a must-not — decide so), the
  forward-looking / safe-harbor legal paragraph (the same on every release; not news),
  media contacts, "SOURCE <Firm>", "View original content …", "View source version …",
  "###", attachments lists: furniture.
- Portal copies: "Most Read from …", "More from …" lists, "Story continues", "Continue
  reading the full story on …", "Read the original article on …", "© Provided by …",
  reaction bars, "View comments", "—With assistance from X.", "©2026 Bloomberg L.P.", the
  republication notes (Stacker, BLOX, "originally published by … republished here with
  permission", "Flipped into"), "This report by The Canadian Press was first published …":
  furniture.
- AMP / print versions: the non-AMP / full-article links, canonical and printed-from notes,
  print bars, "Return to the article", reprint notices: furniture.
- Nordic / Central-European labels, their read-also links, ad slots, share rows, publish
  stamps and author lines: furniture.
- A correction or update note closing the story is body (30 % of pages, STORY_NOTES_H).
- NEAR_MISSES_H: story paragraphs resembling the furniture ("Reporting by the paper's own
  staff …", "About a third of the residents …", "Media contact with the delegation …",
  "Source of the leak …", "Forward-looking statements the company made in March …",
  "Related coverage of the trial …", "Continue reading the report …", a quoted "###",
  "Story continues to unfold …", "Print this article's claims …", "Flipped into reverse …",
  "Annons…" (Swedish word in an English quote)), put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random

from cms_blocks_d import _esc, _n
from cms_blocks_e import _line, _links
from cms_page import closed, insert_inside, nav_bar, news_page, placer, story_paras, with_one_of

__all__ = ["NEAR_MISSES_H", "SITES_H", "STORY_NOTES_H", "render_cms_h", "with_near_miss_h"]

STORY_NOTES_H = (
    "Correction, December 8: An earlier version of this story gave the wrong date for the "
    "vote. It took place on Thursday, not Wednesday.",
    "This story has been updated with the company's comment, received after publication.",
)

NEAR_MISSES_H = (
    "Reporting by the newspaper's own staff had raised the same questions two years "
    "earlier, but the ministry never answered them.",
    "About a third of the residents left the valley after the flood, and fewer than half of "
    "them have come back since.",
    "Media contact with the delegation was cut off on Tuesday, when the talks moved to a "
    "military base outside the capital.",
    "Source of the leak, according to two officials, was a contractor who had access to the "
    "ministry's shared drive.",
    "Forward-looking statements the company made in March were misleading, the regulator "
    "said, and it fined the firm $4 million.",
    "Related coverage of the trial has been restricted by the judge, who said the jury must "
    "not read about the defendant's past.",
    "Continue reading the report, the senator told her colleagues, and you will see that the "
    "money never reached the schools.",
    "The memo ended with \"###\", the old newsroom marker for the end of a release, and "
    "nothing else, staff said.",
    "Story continues to unfold in the courts, where three lawsuits against the county are "
    "still waiting for a hearing.",
    "Print runs of the weekly have fallen by half since 2019, and the publisher plans to "
    "close its last press in the spring.",
    "Flipped into reverse by a gust of wind, the small plane landed in a field near the "
    "runway, and no one was hurt.",
    "Editing by committee, the author said, had turned her first draft into a document "
    "nobody wanted to read.",
    "Copyright lawyers for the agency argued that the photographs had been used without "
    "permission on more than 200 websites.",
)

MONTHS = ("January", "March", "May", "July", "September", "December")
CITIES = ("NEW YORK", "SAN FRANCISCO", "LONDON", "TORONTO", "BOSTON", "AUSTIN")
FIRMS = ("Northwind Analytics", "Brightline Therapeutics", "Harbor Grid Energy",
         "Calloway Systems", "Veridian Foods", "Meridian Robotics")


def _when(r: random.Random) -> tuple[int, str]:
    return r.randint(1, 28), r.choice(MONTHS)


def _firm(f) -> str:
    if not getattr(f, "firm", None):
        f.firm = f.rnd.choice(FIRMS)
    return f.firm


_FLS = (
    "This press release contains forward-looking statements within the meaning of Section 27A "
    "of the Securities Act of 1933 and Section 21E of the Securities Exchange Act of 1934. "
    "Actual results may differ materially from those expressed or implied by such statements, "
    "and {firm} undertakes no obligation to update any forward-looking statement.",
    "Certain statements in this news release are forward-looking statements that involve risks "
    "and uncertainties, including those described in {firm}'s filings with the Securities and "
    "Exchange Commission. These statements speak only as of the date of this release.",
    "Statements in this press release that are not historical facts are forward-looking "
    "statements. Words such as \"expects\", \"believes\" and \"plans\" identify them; they are "
    "subject to risks that could cause actual results to differ materially.",
)

_FIXED_H = {
    "rt_standards": ("Our Standards: The Thomson Reuters Trust Principles., opens new tab", ""),
    "rt_license": ("Acquire Licensing Rights, opens new tab", "license-link"),
    "rt_newsletter": ("Get a look at the day ahead in U.S. and global markets with our Morning "
                      "Bid U.S. newsletter. Sign up here.", "newsletter-promo"),
    "ap_support": ("The Associated Press receives financial support from the Walton Family "
                   "Foundation for coverage of water and environmental policy. The AP is "
                   "solely responsible for all content.", ""),
    "ap_standards": ("Find AP's standards for working with philanthropies, a list of supporters "
                     "and funded coverage areas at AP.org.", ""),
    "afp_copy": ("© 2026 AFP", "copyright"),
    "ansa_copy": ("ALL RIGHTS RESERVED © Copyright ANSA", "copyright"),
    "bbg_copy": ("©2026 Bloomberg L.P.", ""),
    "cp_copy": ("© 2026 The Canadian Press", ""),
    "stacker": ("This story was produced by Stacker Studio and reviewed and distributed by "
                "Stacker.", ""),
    "dowjones": ("This copy is for your personal, non-commercial use only. Distribution and use "
                 "of this material are governed by our Subscriber Agreement and by copyright "
                 "law. For non-personal use or to order multiple copies, please contact Dow "
                 "Jones Reprints at 1-800-843-0008.", "reprint-note"),
}

_NORDIC = {  # read also, ad label, share, published
    "sv": ("Läs också:", "Annons", "Dela artikeln", "Publicerad {d} december 2026 kl. 10.15"),
    "no": ("Les også:", "Annonse", "Del artikkelen", "Publisert: {d:02d}.12.26 10:15"),
    "da": ("Læs også:", "Annonce", "Del artiklen", "Udgivet {d}. december 2026"),
    "fi": ("Lue myös:", "Mainos", "Jaa artikkeli", "Julkaistu {d}.12.2026 10:15"),
}
_CENTRAL = {  # read also, ad label, share, author label
    "cs": ("Čtěte také:", "Reklama", "Sdílet", "Autor:"),
    "sk": ("Čítajte aj:", "Reklama", "Zdieľať", "Autor:"),
    "hu": ("Olvassa el ezt is:", "Hirdetés", "Megosztás", "Szerző:"),
    "pl": ("Czytaj też:", "Reklama", "Udostępnij", "Autor:"),
}


def _box(cls: str, head: str, s: str, rest: str = "") -> tuple[str, list[str]]:
    """A box with a heading and one paragraph (the furniture text)."""
    return f'<div class="{cls}"><h3>{_esc(head)}</h3><p>{_esc(s)}</p>{rest}</div>', [s]


def h_block(kind: str, f) -> tuple[str, list[str]]:  # noqa: C901 -- one branch per kind
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    nm, nm2 = f.name(), f.name()
    day, month = _when(r)
    if kind in _FIXED_H:
        return _line(*_FIXED_H[kind])
    # --- agencies -------------------------------------------------------------------------
    if kind == "afp_figure":
        s = f.sentence()
        return (f'<figure class="article-image"><img src="/i/{_n(r)}.jpg" alt=""><figcaption>'
                f'{_esc(s)} (Photo by {_esc(nm)} / AFP)</figcaption></figure>', [s])
    if kind == "related_coverage":
        lis, items = _links(f, r.randint(2, 3), "world")
        return (f'<div class="related-coverage"><h2>Related coverage</h2><ul>{lis}</ul></div>',
                items)
    if kind == "afp_slug":
        return _line(r.choice(("bur-jj/des", "sah/lb", "jm/rmb/dw", "burs-ach/tym", "ec/rox")))
    if kind == "rt_credit":
        s = (f"(Reporting by {nm} in {r.choice(('London', 'Washington', 'Tokyo'))}; Additional "
             f"reporting by {nm2}; Editing by {f.name()})")
        return _line(s, "sign-off")
    if kind == "rt_topics":
        words = [w.strip(".,;:") for w in f.sentence().split()[:4]]
        lis = "".join(f'<li><a href="/topic/{_n(r)}">{_esc(w)}</a></li>' for w in words)
        return f'<div class="tags"><p>Suggested Topics:</p><ul>{lis}</ul></div>', []
    if kind == "ap_rule":
        return "<p>___</p>", []
    if kind == "ap_contrib":
        s = (f"Associated Press writers {nm} in Washington and {nm2} in New York contributed "
             "to this report.")
        return _line(s)
    if kind == "ap_follow":
        t = f.teaser().split()[0].lower()
        s = f"Follow AP's coverage of the {t} story at https://apnews.com/hub/{t}-{_n(r)}"
        return _line(s)
    if kind == "ap_latest":
        s = "Get the latest news delivered to your inbox every morning with AP's Morning Wire."
        return _box("newsletter-inline", "Morning Wire", s, '<form><input type="email"><button>'
                    'Subscribe</button></form>')
    if kind == "dpa_stamp":
        return _line(f"© dpa-infocom, dpa:2612{day:02d}-99-{r.randint(100000, 999999)}/"
                     f"{r.randint(2, 6)}")
    if kind == "efe_sign":
        return _line(r.choice(("EFE jl/ics", "EFE mmg/er", "EFE-EPA ads/sk")))
    if kind == "epa_caption":
        s = f.sentence()
        return (f'<p class="caption"><img src="/i/{_n(r)}.jpg" alt=""><br>{_esc(s)} EPA/'
                f'{_esc(nm.upper())}</p>', [s])
    # --- press releases -------------------------------------------------------------------
    if kind == "pr_about":
        firm = _firm(f)
        s = (f"{firm} is a leading provider of {f.teaser().lower()}. Founded in "
             f"{r.randint(1985, 2015)}, the company is headquartered in "
             f"{r.choice(CITIES).title()} and employs more than {r.randint(2, 90) * 100} people. "
             f"For more information, visit www.{firm.split()[0].lower()}.com.")
        return f"<p><b>About {_esc(firm)}</b></p><p>{_esc(s)}</p>", [s]
    if kind in ("pr_fls", "bw_safeharbor"):
        s = r.choice(_FLS).format(firm=_firm(f))
        head = "Forward-Looking Statements" if kind == "pr_fls" else "Safe Harbor Statement"
        return f"<p><b>{head}</b></p><p>{_esc(s)}</p>", [s]
    if kind == "pr_media":
        handle = nm.split()[0].lower()
        return (f"<p>Media contact:<br>{_esc(nm)}<br>{handle}@{_firm(f).split()[0].lower()}.com"
                f"<br>+1 {r.randint(200, 999)}-555-{r.randint(1000, 9999)}</p>", [])
    if kind == "pr_source":
        return _line(f"SOURCE {_firm(f)}", "prntac")
    if kind == "pr_view":
        s = ("View original content to download multimedia: https://www.prnewswire.com/news-"
             f"releases/{f.teaser().lower().replace(' ', '-')}-30{_n(r)}.html")
        return _line(s)
    if kind == "pr_cision":
        return '<div class="cision-logo"><img src="/cision.png" alt="Cision"></div>', []
    if kind == "bw_contacts":
        handle = nm.split()[0].lower()
        return (f'<div class="bw-release-contact"><h2>Contacts</h2><p>{_esc(nm)}<br>{handle}@'
                'example.com<br>+1 415-555-0101</p></div>', [])
    if kind == "bw_view":
        return _line("View source version on businesswire.com: https://www.businesswire.com/"
                     f"news/home/202612{day:02d}00{r.randint(1000, 9999)}/en/")
    if kind == "gnw_contact":
        handle = nm.split()[0].lower()
        return (f"<p>Contact:<br>{_esc(nm)}<br>Director, Investor Relations<br>{handle}@"
                "example.com</p>", [])
    if kind == "hashes":
        return '<p style="text-align:center">###</p>', []
    if kind == "gnw_attach":
        items = [f"{f.teaser()[:40].strip()} Infographic" for _ in range(r.randint(1, 2))]
        lis = "".join(f'<li><a href="/attach/{_n(r)}">{_esc(t)}</a></li>' for t in items)
        return f'<div class="attachments"><h3>Attachments</h3><ul>{lis}</ul></div>', items
    # --- portals --------------------------------------------------------------------------
    if kind == "yahoo_mostread":
        lis, items = _links(f, r.randint(3, 5), "news")
        return (f'<div class="most-read"><p><b>Most Read from Bloomberg</b></p><ul>{lis}</ul>'
                '</div>', items)
    if kind == "yahoo_continue":
        return ('<div class="read-more-wrapper"><button class="readmore-button">Story continues'
                '</button></div>', [])
    if kind == "bbg_assist":
        return _line(f"—With assistance from {nm} and {nm2}.")
    if kind == "bi_original":
        return _line("Read the original article on Business Insider")
    if kind == "helpful":
        return ('<div class="reactions"><span>Was this helpful?</span><button>Yes</button>'
                '<button>No</button></div>', [])
    if kind == "view_comments":
        return '<button class="comments-button">View comments</button>', []
    if kind == "msn_provider":
        return ('<div class="provider"><img src="/logo.png" alt="The Independent"><span>'
                '© Provided by The Independent</span></div>', [])
    if kind == "msn_figure":
        s = f.sentence()
        return (f'<figure><img src="/i/{_n(r)}.jpg" alt=""><figcaption><span>{_esc(s)}</span>'
                '<span class="attribution">© Provided by The Independent</span></figcaption>'
                '</figure>', [s])
    if kind == "msn_continue":
        return ('<p class="continue-reading"><a href="https://www.independent.co.uk/news/'
                f'{_n(r)}">Continue reading the full story on The Independent</a></p>', [
                    "Continue reading the full story on The Independent"])
    if kind == "msn_more":
        lis, items = _links(f, r.randint(2, 4), "news")
        return (f'<div class="more-from"><h2>More from The Independent</h2><ul>{lis}</ul></div>',
                items)
    if kind == "msn_react":
        return ('<div class="social-bar"><button>Like</button><button>Comment</button><button>'
                'Share</button></div>', [])
    if kind == "story_continues":
        return ('<div class="ad-container"><span class="c-ad__label">Story continues below '
                'advertisement</span><div class="ad"></div></div>',
                ["Story continues below advertisement"])
    if kind == "cp_first":
        return _line(f"This report by The Canadian Press was first published {month[:3]}. {day}, "
                     "2026.")
    if kind == "trending_now":
        lis, items = _links(f, r.randint(3, 4), "news")
        return f'<aside class="trending"><h3>Trending Now</h3><ul>{lis}</ul></aside>', items
    if kind == "blox_exchange":
        return _line(f"Originally published on {nm.split()[1].lower()}news.com, part of the BLOX "
                     "Digital Content Exchange.")
    if kind == "republished":
        return _line(f"This story was originally published by The {nm.split()[1]} Tribune and "
                     "is republished here with permission.", "republish-note")
    if kind == "flipped":
        t = f.teaser()
        return (f'<div class="flip-credit"><p>Flipped into <a href="/mag/{_n(r)}">{_esc(t)}</a>'
                '</p></div>', [f"Flipped into {t}"])
    # --- AMP and print versions -----------------------------------------------------------
    if kind == "amp_nonamp":
        return ('<div class="amp-header"><a href="/story.html" class="non-amp">View non-AMP '
                'version</a></div>', [])
    if kind == "amp_ad":
        return ('<div class="amp-ad-wrapper"><span>Advertisement</span><amp-ad width="300" '
                'height="250" type="doubleclick"></amp-ad></div>', [])
    if kind == "amp_readfull":
        return ('<p class="amp-read-full"><a href="/story.html">Read full article</a></p>', [])
    if kind == "amp_share":
        return ('<div class="social-share"><amp-social-share type="facebook"></amp-social-share>'
                '<amp-social-share type="twitter"></amp-social-share></div>', [])
    if kind == "amp_canonical":
        return _line(f"The original version of this article is at https://www.example.com/news/"
                     f"{_n(r)}.html", "canonical-note")
    if kind == "print_bar":
        return ('<div class="print-tools"><a href="javascript:window.print()">Print this article'
                '</a> | <a href="javascript:window.close()">Close window</a></div>', [])
    if kind == "printed_from":
        return _line(f"This article was printed from https://www.example.com/news/{_n(r)}.html "
                     f"on {month} {day}, 2026.", "printed-from")
    if kind == "print_url":
        return _line(f"URL: https://www.example.com/news/{_n(r)}.html", "print-url")
    if kind == "print_return":
        return '<p class="back"><a href="/story.html">Return to the article</a></p>', []
    # --- Nordic / Central-European chrome ---------------------------------------------------
    if kind.startswith(("nordic_", "central_")):
        group, lang = (_NORDIC if kind.startswith("nordic_") else _CENTRAL), f.lang
        read, ad, share, stamp = group[lang]
        what = kind.split("_", 1)[1]
        if what == "read":
            t = f.teaser()
            return (f'<p class="read-also"><strong>{_esc(read)}</strong> <a href="/a/{_n(r)}">'
                    f'{_esc(t)}</a></p>', [t])
        if what == "ad":
            return f'<div class="ad-slot"><span class="ad-label">{ad}</span></div>', []
        if what == "share":
            return (f'<div class="share-bar"><span>{share}</span><a href="#">Facebook</a><a '
                    'href="#">X</a><a href="#">E-post</a></div>', [])
        if what == "stamp":  # Nordic: a publish stamp; Central: an author line
            text = stamp.format(d=day) if group is _NORDIC else f"{stamp} {nm}"
            return _line(text, "article-meta")
    raise ValueError(kind)


# site: (body markup, dateline (a format, or ""), on top, inside, after)
SITES_H = {
    "afp": ('<div class="article-text">', "{city} (AFP) - ", (),
            ("afp_figure", "related_coverage"), ("afp_slug", "afp_copy")),
    "reuters": ('<div class="article-body__content">', "", (),
                ("rt_newsletter", "related_coverage"),
                ("rt_credit", "rt_standards", "rt_license", "rt_topics")),
    "ap": ('<div class="RichTextStoryBody RichTextBody">', "", (), ("ap_latest",),
           ("ap_rule", "ap_contrib", "ap_follow", "ap_support", "ap_standards")),
    "agency": ('<div class="news-txt">', "({agency}) - {CITY}, {MON} {day} - ", (),
               ("epa_caption",), ("dpa_stamp", "ansa_copy", "efe_sign")),
    "prnewswire": ('<section class="release-body container">',
                   "{CITY}, {mon}. {day}, 2026 /PRNewswire/ -- ", (), (),
                   ("pr_about", "pr_fls", "pr_media", "pr_source", "pr_view", "pr_cision")),
    "businesswire": ('<div class="bw-release-story">', "{CITY}--(BUSINESS WIRE)--", (), (),
                     ("pr_about", "bw_safeharbor", "bw_contacts", "bw_view")),
    "globenewswire": ('<div class="main-body-container article-body">',
                      "{CITY}, {mon}. {day:02d}, 2026 (GLOBE NEWSWIRE) -- ", (), (),
                      ("pr_about", "pr_fls", "gnw_contact", "hashes", "gnw_attach")),
    "yahoo": ('<div class="caas-body">', "", ("yahoo_mostread",), ("yahoo_continue",),
              ("bbg_assist", "bbg_copy", "bi_original", "helpful", "view_comments")),
    "msn": ('<div class="article-content">', "", ("msn_provider",), ("msn_figure",),
            ("msn_continue", "msn_more", "msn_react")),
    "globalnews": ('<div class="l-article__text js-story-text">', "", (), ("story_continues",),
                   ("cp_first", "cp_copy", "trending_now")),
    "syndicated": ('<div class="entry-content">', "", (), (),
                   ("stacker", "blox_exchange", "republished", "flipped")),
    "amp": ('<div class="amp-article-body">', "", ("amp_nonamp",), ("amp_ad",),
            ("amp_readfull", "amp_share", "amp_canonical")),
    "printver": ('<div class="print-body">', "", ("print_bar", "printed_from"), (),
                 ("print_url", "dowjones", "print_return")),
    "nordic": ('<div class="article-body">', "", (), ("nordic_read", "nordic_ad"),
               ("nordic_share", "nordic_stamp")),
    "central": ('<div class="article-content">', "", ("central_stamp",),
                ("central_read", "central_ad"), ("central_share",)),
}


def _dateline(fmt: str, r: random.Random) -> str:
    day, month = _when(r)
    city = r.choice(CITIES)
    agency, cap = r.choice((("ANSA", "ROME"), ("dpa", "BERLIN"), ("EFE", "MADRID")))
    return fmt.format(city=city.title(), CITY=cap if "agency" in fmt else city, agency=agency,
                      MON=month[:3].upper(), mon=month[:3], day=day)


NAV_H = nav_bar("site-header", (("/", "Home"), ("/world/", "World"), ("/business/", "Business"),
                                ("/tech/", "Tech")))
STRIPPED = ("amp", "printver")  # stripped versions of a page: no navigation


def render_cms_h(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]], list[str]]:
    """One page of a family-H site: the HTML, its furniture blocks and the body's
    paragraphs (the first carrying the dateline, when the site writes one)."""
    r = f.rnd
    site = r.choice(sorted(SITES_H))
    box, dateline, top, inside, after = SITES_H[site]
    f.author, f.paras, f.firm = f.name(), paras, None
    f.lang = r.choice(sorted(_NORDIC if site == "nordic" else _CENTRAL))
    if dateline:
        paras = [_dateline(dateline, r) + paras[0], *paras[1:]]
    placed: list[tuple[str, list[str]]] = []
    add = placer(site, h_block, f, placed)
    wrap = story_paras(paras, note)
    insert_inside(wrap, r, inside, len(paras), add, 1, 2)
    for kind in reversed(top):
        wrap.insert(0, add(kind))
    n_after = r.randint(max(1, len(after) - 2), len(after))
    picked = set(r.sample(after, n_after))
    for kind in after:  # the templates' own order, inside the body container
        if kind in picked:
            wrap.append(add(kind))
    nav = "" if site in STRIPPED else NAV_H
    page = news_page(headline, f.author, site, nav, closed(box, "".join(wrap)), site.title())
    return page, placed, paras


def with_near_miss_h(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_H paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_H)
