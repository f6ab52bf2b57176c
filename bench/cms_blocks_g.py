"""`bench_text_templates.py --cms G`: the English-language press of South Asia, Africa,
South-East / East Asia and Oceania (publishers family D does not have: D's Times of India,
NDTV, Hindustan Times, news.com.au and ABC are left out), and magazine / long-form
templates. Written from knowledge of those templates' markup (nothing downloaded, no
benchmark's gold read), fixed in code before any result was seen; measured once held out,
then tuned on.

Bodies: the dev corpus's English bodies (by `lang_of`), each used for up to three pages
under different templates (there are ~150 of them); furniture sentences and teasers come
from OTHER English bodies; a pull quote repeats a sentence of the page's own body.

Sites (SITES_G: body markup; furniture on top / inside / after the body):

  dawn        Dawn (`story__content`): "Read: <link>" `<p>`, figure "— Photo courtesy X",
              "Published in Dawn, December 7th, 2026", "Header image: …".
  thehindu    The Hindu (`articlebodycontent`): "Also Read | <link>", "Published -
              December 07, 2026 10:15 am IST", "Related Topics" links, premium paywall box.
  express     Indian Express (`full-details`): "Also Read |" box, "📣 Follow Indian Express
              on WhatsApp and Google News", "(With inputs from PTI)", "First uploaded on:".
  mint        Mint (`storyPage_storyContent`): "Catch all the Business News, Market News …
              Download The Mint News App …", the analysts' "Disclaimer: …", "Milestone
              Alert!" line, "Unlock a world of Benefits!" box.
  indiatoday  India Today (`story-with-main-sec`): "ALSO READ |" `<p>`, "Published By: X /
              Published On: …", "Edited By: X", "Trending Topics" list, inline poll box.
  bstandard   Business Standard: "(Only the headline and picture of this report may have
              been reworked …)", "First Published: Dec 07 2026 | 10:15 AM IST", "Also Read"
              headline list, "Follow us on Google News" line.
  nation      Daily Nation (Kenya): "Also read:" `<p>`, the reporter's e-mail line,
              "Additional reporting by X", "Have a story? Email …".
  news24      News24: "READ | <link>", "- Compiled by X", columnists' "Disclaimer: News24
              encourages freedom of speech …", "Subscribe to News24 …" box.
  punch       Punch (Nigeria): "ALSO READ:" list inside the body, "Copyright PUNCH. All
              rights reserved. …", "Join The PUNCH WhatsApp Channel …", PREMIUM TIMES-style
              "Support … journalism" box.
  inquirer    Inquirer: "READ: <LINK>" `<p>`s, "ADVERTISEMENT" slots, newsletter box with
              "By providing an email address. I agree to the Terms of Use …", closing editor
              initials "/cb", Rappler's "– Rappler.com".
  straits     Straits Times: "MORE ON THIS TOPIC" box, "Join ST's Telegram channel …",
              "Source: The Straits Times © SPH Media Limited. Permission required for
              reproduction.", inline quiz box.
  scmp        SCMP: "Why you can trust SCMP", "Advertisement", "Read more:" link, the
              syndication footer "This article originally appeared in the South China
              Morning Post (SCMP) …".
  cna         CNA: "Also worth reading" box, "Source: CNA/ac(mi)", "Download our app or
              subscribe to our Telegram channel …".
  nzherald    NZ Herald / Stuff: "Where to get help:" helpline list, "Sign up to The Daily
              H …", "Made possible by the Public Interest Journalism Fund".
  smh         Sydney Morning Herald: "Get a note directly from our foreign correspondents …
              Sign up for our weekly What in the World newsletter.", "License this article",
              "Loading".
  longform    Atlantic / New Yorker-like magazine: drop cap on the first paragraph, a pull
              quote repeating a body sentence, "Listen to this article · 12 min", "Gift this
              article" / "Share" / "Save" row, illustrator credit "Illustration by X",
              "This article appears in the December 2026 print edition with the headline
              “…”.", the writer's bio "X is a staff writer at The Atlantic.".
  essay       Aeon-like essay: drop cap, table of contents, pull quote, footnotes (source
              citations with "↩"), "Edited by X", "Syndicate this essay", inline "Sign up
              for our newsletter" box.
  explainer   explainer / business magazine: "Key takeaways" box above the body, table of
              contents, pull quote, inline quiz, "Sign up for our newsletter" box.

Truth decisions (as the dev gold and families A–F decide):
- Every inline and boxed read-more link ("Also Read |", "READ:", "ALSO READ:" lists,
  "MORE ON THIS TOPIC", "Also worth reading", "Read more:"), app / channel / Google News /
  WhatsApp / Telegram lines, "Catch all the …" lines, subscription, support and newsletter
  boxes, publisher disclaimers ("Disclaimer: The views and recommendations …"), agency
  credits closing the story ("(With inputs from PTI)", "- Compiled by X", "Additional
  reporting by X", "– Rappler.com", "Source: CNA/ac(mi)"), editor initials ("/cb"),
  "Published By: / Edited By: / Published On: / First Published:" blocks, "Published in
  Dawn, …", copyright and syndication footers, "Trending Topics" and "Related Topics"
  lists, polls and quizzes, helpline lists, "Advertisement" slots: furniture.
- Magazine furniture: the audio player line, gift / share / save rows, illustrator and
  photographer credits, print-edition lines, writer bios, "Key takeaways" boxes (a
  summary written by the desk, not the story), tables of contents, footnotes (source
  citations under the essay), pull quotes (the sentence counts once: the body's), "Edited
  by X", "Syndicate this essay": furniture.
- A drop cap is the first letter of the body (the paragraph is whole in the truth).
- A correction or editor's note closing the story is body (30 % of pages, STORY_NOTES_G).
- NEAR_MISSES_G: story paragraphs that open with or resemble the furniture's words ("Also
  read into the record …", "Published by a small press …", "Download speeds …",
  "Disclaimer notices …", "Follow-up inspections …", "With inputs from farmers' groups …",
  "Trending topics on social media …", "Key takeaways from the inquiry …", "Edited by a
  retired judge …", "Source: …" as a story's attribution, "Sign up for the scheme …"),
  put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random

from cms_blocks_d import _esc, _n
from cms_blocks_e import _line, _links
from cms_page import closed, insert_inside, nav_bar, news_page, placer, story_paras, with_one_of

__all__ = ["NEAR_MISSES_G", "SITES_G", "STORY_NOTES_G", "render_cms_g", "with_near_miss_g"]

STORY_NOTES_G = (
    "Correction, December 8: An earlier version of this article misstated the year the dam "
    "was completed. It was 1974, not 1976.",
    "This story has been updated to include the ministry's response, received after "
    "publication.",
)

NEAR_MISSES_G = (
    "Also read into the record was a letter from the governor, which the clerk said had "
    "arrived only on Friday morning.",
    "Published by a small press in Lahore, the memoir sold out its first print run within a "
    "week of its launch.",
    "Download speeds in rural districts remain far below the national average, the "
    "regulator said in its annual report.",
    "Disclaimer notices on the packaging were too small to read, the consumer court found, "
    "and it fined the company.",
    "Follow-up inspections found the same defects in three of the buildings, according to "
    "the city engineer.",
    "With inputs from farmers' groups, the ministry drafted a new procurement policy that "
    "will take effect in March.",
    "Trending topics on social media that week included the fuel price increase and the "
    "cricket final in Colombo.",
    "Key takeaways from the inquiry, the minister said, would be shared with every "
    "provincial government before the budget.",
    "Edited by a retired judge, the commission's report runs to more than 300 pages and "
    "names eleven officials.",
    "Source: a senior police officer told reporters that the suspects had been under "
    "surveillance for several weeks.",
    "Sign up for the scheme closes on Friday, and officials expect more than a million "
    "applications from small traders.",
    "Catch rates for tuna fell by a third last season, the fisheries department reported, "
    "blaming warmer water.",
)

MONTHS = ("January", "March", "May", "July", "September", "December")


def _when(r: random.Random) -> tuple[int, str]:
    return r.randint(1, 28), r.choice(MONTHS)


# The template lines of fixed wording: (text, class of their <p>)
_FIXED_LINES = {
    "ie_follow": ("📣 Follow Indian Express on WhatsApp and Google News. Click here to join our "
                  "channel (@indianexpress) and stay updated with the latest headlines", ""),
    "mint_catch": ("Catch all the Business News, Market News, Breaking News Events and Latest "
                   "News Updates on Live Mint. Download The Mint News App to get Daily Market "
                   "Updates.", ""),
    "mint_disclaimer": ("Disclaimer: The views and recommendations made above are those of "
                        "individual analysts or broking companies, and not of Mint. We advise "
                        "investors to check with certified experts before taking any investment"
                        " decisions.", ""),
    "mint_milestone": ("Milestone Alert!Livemint tops charts as the fastest growing news "
                       "website in the world 🌏 Click here to know more.", ""),
    "bs_syndicated": ("(Only the headline and picture of this report may have been reworked by "
                      "the Business Standard staff; the rest of the content is auto-generated "
                      "from a syndicated feed.)", ""),
    "nation_story": ("Have a story? Email us at newsdesk@ke.nationmedia.com or WhatsApp the "
                     "newsroom on 0700 000 000.", ""),
    "news24_disclaimer": ("Disclaimer: News24 encourages freedom of speech and the expression "
                          "of diverse views. The views of columnists published on News24 are "
                          "therefore their own and do not necessarily represent the views of "
                          "News24.", ""),
    "punch_copyright": ("Copyright PUNCH. All rights reserved. This material, and other digital"
                        " content on this website, may not be reproduced, published, broadcast,"
                        " rewritten or redistributed in whole or in part without prior express "
                        "written permission from PUNCH.", "copyright-notice"),
    "punch_whatsapp": ("Join The PUNCH WhatsApp Channel for the latest news and updates.", ""),
    "rappler": ("– Rappler.com", ""),
    "st_telegram": ("Join ST's Telegram channel and get the latest breaking news delivered to "
                    "you.", ""),
    "st_copyright": ("Source: The Straits Times © SPH Media Limited. Permission required for "
                     "reproduction.", ""),
    "scmp_syndication": ("This article originally appeared in the South China Morning Post "
                         "(SCMP), the most authoritative voice reporting on China and Asia for "
                         "more than a century. For more SCMP stories, please explore the SCMP "
                         "app or visit the SCMP's Facebook and Twitter pages.", ""),
    "cna_app": ("Download our app or subscribe to our Telegram channel for the latest updates "
                "on the election: https://cna.asia/telegram", ""),
    "nzh_newsletter": ("Sign up to The Daily H, a free newsletter curated by our editors and "
                       "delivered straight to your inbox every weekday.", ""),
    "stuff_pij": ("Made possible by the Public Interest Journalism Fund", "pij-credit"),
    "smh_note": ("Get a note directly from our foreign correspondents on what's making "
                 "headlines around the world. Sign up for our weekly What in the World "
                 "newsletter.", ""),
}


def _box(cls: str, s: str, rest: str) -> tuple[str, list[str]]:
    """A box of one sentence (the furniture text) and its button or small print."""
    return f'<div class="{cls}"><p>{_esc(s)}</p>{rest}</div>', [s]


def g_block(kind: str, f) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    nm = f.name()
    day, month = _when(r)
    if kind in _FIXED_LINES:
        return _line(*_FIXED_LINES[kind])
    # --- read-more links and boxes ------------------------------------------------------
    if kind == "read_colon":  # Dawn: "Read: <link>"
        t = f.teaser()
        return f'<p><strong>Read: </strong><a href="/news/{_n(r)}">{_esc(t)}</a></p>', [t]
    if kind == "also_read_pipe":  # The Hindu
        t = f.teaser()
        return (f'<p class="also-read"><b>Also Read | </b><a href="/news/national/article'
                f'{_n(r)}.ece">{_esc(t)}</a></p>', [t])
    if kind == "also_read_box":  # Indian Express card
        t = f.teaser()
        return (f'<div class="ie-also-read"><span class="label">Also Read</span><a href="/'
                f'article/india/{_n(r)}/"><img src="/i/{_n(r)}.jpg" alt=""><h4>{_esc(t)}</h4>'
                '</a></div>', [t])
    if kind == "also_read_caps":  # India Today
        t = f.teaser()
        return (f'<p><strong>ALSO READ | <a href="/india/story/{_n(r)}">{_esc(t)}</a>'
                '</strong></p>', [t])
    if kind == "also_list":  # Business Standard
        lis, items = _links(f, r.randint(2, 4), "article")
        return f'<div class="also-read-list"><h2>Also Read</h2><ul>{lis}</ul></div>', items
    if kind == "also_read_lc":  # Daily Nation
        t = f.teaser()
        return f'<p>Also read: <a href="/kenya/news/{_n(r)}">{_esc(t)}</a></p>', [t]
    if kind == "read_pipe_caps":  # News24
        t = f.teaser()
        return (f'<p><strong>READ | </strong><a href="/news24/southafrica/news/{_n(r)}">'
                f'{_esc(t)}</a></p>', [t])
    if kind == "punch_also":  # Punch: a bold label and a bullet list inside the body
        lis, items = _links(f, r.randint(2, 3), "news")
        return f'<p><strong>ALSO READ:</strong></p><ul class="also-read">{lis}</ul>', items
    if kind == "inq_read":
        t = f.teaser().upper()
        return (f'<p><strong>READ: <a href="https://newsinfo.inquirer.net/{_n(r)}">'
                f'{_esc(t)}</a></strong></p>', [t])
    if kind == "st_more":
        lis, items = _links(f, r.randint(2, 3), "singapore")
        return (f'<div class="related-stories"><h3>MORE ON THIS TOPIC</h3><ul>{lis}</ul></div>',
                items)
    if kind == "scmp_readmore":
        t = f.teaser()
        return f'<p>Read more: <a href="/news/asia/article/{_n(r)}">{_esc(t)}</a></p>', [t]
    if kind == "cna_worth":
        lis, items = _links(f, 2, "asia")
        return (f'<div class="also-worth-reading"><h3>Also worth reading</h3><ul>{lis}</ul>'
                '</div>', items)
    # --- lines: apps, channels, catch-all, credits, dates --------------------------------
    if kind == "dawn_published":
        return _line(f"Published in Dawn, {month} {day}th, 2026", "story__published")
    if kind == "dawn_header":
        return _line(f"Header image: {f.teaser()} — AFP", "")
    if kind == "hindu_published":
        return _line(f"Published - {month} {day:02d}, 2026 10:{r.randint(10, 59)} am IST",
                     "publish-time")
    if kind == "hindu_topics":
        words = [w.strip(".,;:") for w in f.sentence().split()[:5]]
        lis = "".join(f'<li><a href="/topic/{_n(r)}/">{_esc(w)}</a></li>' for w in words)
        return f'<div class="related-topics"><h3>Related Topics</h3><ul>{lis}</ul></div>', []
    if kind == "hindu_premium":
        s = ("This is a Premium article available exclusively to our subscribers. To read 250+ "
             "such premium articles every month")
        return _box("paywall-box", s, '<p>You have exhausted your free article limit.</p><a '
                    'href="/subscribe">Subscribe Now</a>')
    if kind == "inputs":
        return _line(r.choice(("(With inputs from PTI)", "(With inputs from agencies)",
                               "— With inputs from Reuters", "(With PTI inputs)")))
    if kind == "ie_uploaded":
        return _line(f"First uploaded on: {day:02d}-12-2026 at 10:{r.randint(10, 59)} IST")
    if kind == "mint_unlock":
        s = ("Unlock a world of Benefits! From insightful newsletters to real-time stock "
             "tracking, breaking news and a personalized newsfeed – it's all here, just a "
             "click away!")
        return _box("loginBenefits", s, '<a href="/login">Login Now!</a>')
    if kind == "it_published":
        return (f'<div class="story-kicker"><p><span>Published By:</span> <a href="/author/'
                f'{_n(r)}">{_esc(nm)}</a></p><p><span>Published On:</span> {month[:3]} {day}, '
                f'2026</p></div>', [f"Published By: {nm}"])
    if kind == "it_edited":
        return _line(f"Edited By: {nm}", "edited-by")
    if kind == "it_trending":
        words = [w.strip(".,;:") for w in f.sentence().split()[:6]]
        lis = "".join(f'<li><a href="/topic/{_n(r)}">{_esc(w)}</a></li>' for w in words)
        return f'<div class="trending-topics"><h3>Trending Topics</h3><ul>{lis}</ul></div>', []
    if kind == "poll":
        q = f"Do you think {f.teaser()[0].lower()}{f.teaser()[1:]}?"
        return (f'<div class="poll-widget"><h4>Poll</h4><p class="question">{_esc(q)}</p><form>'
                '<label><input type="radio" name="p">Yes</label><label><input type="radio" '
                'name="p">No</label><label><input type="radio" name="p">Can\'t say</label>'
                '<button>Vote</button></form><a href="#">View Results</a></div>', [q])
    if kind == "quiz":
        t = f.teaser()
        s = f"Take our quiz: how much do you know about {t[0].lower()}{t[1:]}?"
        return (f'<aside class="quiz-embed"><h4>Quiz</h4><p>{_esc(s)}</p><button>Start quiz'
                '</button></aside>', [s])
    if kind == "bs_first":
        return _line(f"First Published: {month[:3]} {day:02d} 2026 | 10:{r.randint(10, 59)} "
                     "AM IST", "publish-date")
    if kind == "google_news":
        return (f'<p class="gnews"><a href="https://news.google.com/publications/{_n(r)}">'
                'Follow us on Google News</a></p>', ["Follow us on Google News"])
    if kind == "nation_email":
        handle = nm.split()[0].lower()
        return (f'<p><a href="mailto:{handle}@ke.nationmedia.com">{handle}@ke.nationmedia.com'
                '</a></p>', [])
    if kind == "nation_additional":
        return _line(f"Additional reporting by {nm}")
    if kind == "news24_compiled":
        return _line(f"- Compiled by {nm}")
    if kind == "news24_sub":
        s = ("Subscribe to News24 for just R75 a month and get access to all our premium "
             "journalism, ad-free.")
        return _box("subscribe-banner", s, '<a href="/sub">Subscribe</a>')
    if kind == "support_box":
        s = ("Good journalism costs a lot of money. Yet only good journalism can ensure the "
             "possibility of a good society, an accountable democracy, and a transparent "
             "government.")
        return (f'<div class="support-journalism"><h4>Support PREMIUM TIMES\' journalism of '
                f'integrity and credibility</h4><p>{_esc(s)}</p><a href="/donate">Donate</a>'
                '</div>', [s])
    if kind == "inq_ad":
        return '<div class="ads-inline"><p>ADVERTISEMENT</p></div>', []
    if kind == "inq_newsletter":
        s = ("By providing an email address. I agree to the Terms of Use and acknowledge that "
             "I have read the Privacy Policy.")
        return (f'<div id="newsletter-box"><h4>Subscribe to our daily newsletter</h4><form>'
                f'<input type="email"><button>Sign Up</button></form><p>{s}</p></div>', [s])
    if kind == "inq_initials":
        return _line(r.choice(("/cb", "/ra", "/jpv", "/das", "/abc")))
    if kind == "scmp_trust":
        return '<div class="trust"><a href="/trust">Why you can trust SCMP</a></div>', []
    if kind == "scmp_ad":
        return '<div class="advert"><span>Advertisement</span></div>', []
    if kind == "cna_source":
        return _line(r.choice(("Source: CNA/ac(mi)", "Source: Reuters/fh", "Source: AFP/lk",
                               "Source: CNA/ja(ac)")))
    if kind == "nzh_help":
        s = "Lifeline: 0800 543 354 or text 4357 (HELP)"
        return ('<div class="help-box"><p><strong>Where to get help:</strong></p><ul><li>'
                f'{s}</li><li>Suicide Crisis Helpline: 0508 828 865 (0508 TAUTOKO)</li><li>Youth '
                'services: (06) 3555 906</li><li>Healthline: 0800 611 116</li></ul><p>If it is '
                'an emergency and you feel like you or someone else is at risk, call 111.</p>'
                '</div>', [s, "If it is an emergency and you feel like you or someone else is "
                           "at risk, call 111."])
    if kind == "smh_tools":
        return ('<div class="article-tools"><a href="/license">License this article</a> '
                '<span class="loading">Loading</span></div>', [])
    # --- magazine / long form ------------------------------------------------------------
    if kind == "pullquote":  # a sentence of this page's own body, said again
        s = r.choice([p for p in f.paras if len(p.split()) <= 45] or f.paras)
        return (f'<aside class="pullquote"><blockquote><p>{_esc(s)}</p></blockquote></aside>',
                [s])
    if kind == "listen":
        return ('<div class="audio-player"><button>Listen to this article</button><span>· '
                f'{r.randint(4, 40)} min</span></div>', [])
    if kind == "gift":
        return ('<div class="article-actions"><button>Gift this article</button><button>Share'
                '</button><button>Save</button></div>', [])
    if kind == "illus":
        return _line(r.choice((f"Illustration by {nm}",
                               f"Photographs by {nm} for The Atlantic")), "credit")
    if kind == "print_edition":
        t = f.teaser()
        return (f'<p class="print-edition"><em>This article appears in the {month} 2026 print '
                f'edition with the headline “{_esc(t)}.”</em></p>', [t])
    if kind == "mag_bio":
        s = f"{f.author} is a staff writer at The Atlantic and the author of {f.teaser()}."
        return _box("author-bio", s, "")
    if kind == "takeaways":
        items = [f.sentence() for _ in range(3)]
        lis = "".join(f"<li>{_esc(s)}</li>" for s in items)
        return f'<div class="key-takeaways"><h2>Key takeaways</h2><ul>{lis}</ul></div>', items
    if kind == "toc":
        items = [f.teaser() for _ in range(r.randint(3, 5))]
        lis = "".join(f'<li><a href="#s{i}">{_esc(t)}</a></li>' for i, t in enumerate(items))
        return f'<nav class="table-of-contents"><h2>Contents</h2><ol>{lis}</ol></nav>', items
    if kind == "footnotes":
        notes = [f"{f.teaser()}, Annual Report {r.randint(1990, 2025)}, p. {r.randint(2, 300)}."
                 for _ in range(r.randint(2, 4))]
        lis = "".join(f'<li id="fn{i}">{_esc(n)} <a href="#fnref{i}">↩</a></li>'
                      for i, n in enumerate(notes))
        return f'<section class="footnotes"><h2>Notes</h2><ol>{lis}</ol></section>', notes
    if kind == "edited_by":
        return _line(f"Edited by {nm}", "essay-editor")
    if kind == "syndicate":
        return ('<div class="essay-tools"><a href="/syndicate">Syndicate this essay</a> <a '
                'href="#">Save</a> <a href="#">Share</a></div>', [])
    if kind == "mag_newsletter":
        s = (f"Sign up for our newsletter, {f.teaser()}, delivered to your inbox every "
             "Sunday.")
        return (f'<div class="newsletter-inline"><p>{_esc(s)}</p><form><input type="email">'
                '<button>Sign up</button></form></div>', [s])
    if kind == "figure":  # Dawn / generic: figure with a credit in the caption
        s = f.sentence()
        return (f'<figure class="media"><img src="/i/{_n(r)}.jpg" alt=""><figcaption>{_esc(s)} '
                f'— Photo courtesy {_esc(nm)}</figcaption></figure>', [s])
    raise ValueError(kind)


# site: (body markup, magazine (drop cap), on top, inside, after)
SITES_G = {
    "dawn": ('<div class="story__content">', False, (), ("read_colon", "figure"),
             ("dawn_published", "dawn_header")),
    "thehindu": ('<div class="articlebodycontent" itemprop="articleBody">', False, (),
                 ("also_read_pipe", "figure"),
                 ("hindu_published", "hindu_topics", "hindu_premium", "inputs")),
    "express": ('<div class="full-details" id="pcl-full-content">', False, (),
                ("also_read_box", "ie_follow"), ("inputs", "ie_uploaded", "ie_follow")),
    "mint": ('<div class="storyPage_storyContent">', False, (), ("mint_unlock", "also_list"),
             ("mint_catch", "mint_disclaimer", "mint_milestone")),
    "indiatoday": ('<div class="story-with-main-sec">', False, ("it_published",),
                   ("also_read_caps", "poll"), ("inputs", "it_edited", "it_trending")),
    "bstandard": ('<div class="storycontent">', False, (), ("also_list",),
                  ("bs_syndicated", "bs_first", "google_news")),
    "nation": ('<div class="paragraph-wrapper">', False, (), ("also_read_lc", "figure"),
               ("nation_email", "nation_additional", "nation_story")),
    "news24": ('<div class="article__body">', False, (), ("read_pipe_caps", "news24_sub"),
               ("news24_compiled", "news24_disclaimer")),
    "punch": ('<div class="post-content">', False, (), ("punch_also",),
              ("punch_whatsapp", "support_box", "punch_copyright")),
    "inquirer": ('<div id="article_content">', False, (), ("inq_read", "inq_ad",
                                                          "inq_newsletter"),
                 ("inq_initials", "rappler")),
    "straits": ('<div class="ds-field-item">', False, (), ("st_more", "quiz"),
                ("st_telegram", "st_copyright")),
    "scmp": ('<div class="article-body">', False, ("scmp_trust",), ("scmp_ad", "scmp_readmore"),
             ("scmp_syndication",)),
    "cna": ('<div class="text-long">', False, (), ("cna_worth",), ("cna_source", "cna_app")),
    "nzherald": ('<section class="article__body">', False, (), ("figure",),
                 ("nzh_help", "nzh_newsletter", "stuff_pij")),
    "smh": ('<div class="articleBody">', False, (), ("smh_note", "figure"),
            ("smh_tools", "smh_note")),
    "longform": ('<div class="ArticleBody">', True, ("listen", "gift", "illus"),
                 ("pullquote", "figure"), ("print_edition", "mag_bio")),
    "essay": ('<div class="article-text">', True, ("toc",), ("pullquote", "mag_newsletter"),
              ("footnotes", "edited_by", "syndicate")),
    "explainer": ('<div class="post-body">', True, ("takeaways", "toc"),
                  ("pullquote", "quiz", "mag_newsletter"), ("mag_bio", "gift")),
}


NAV_G = nav_bar("masthead", (("/", "Home"), ("/news/", "News"), ("/opinion/", "Opinion"),
                             ("/business/", "Business")))


def render_cms_g(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-G site: the HTML and its furniture blocks."""
    r = f.rnd
    site = r.choice(sorted(SITES_G))
    box, magazine, top, inside, after = SITES_G[site]
    f.author, f.paras = f.name(), paras
    placed: list[tuple[str, list[str]]] = []
    add = placer(site, g_block, f, placed)
    wrap = story_paras(paras, note)
    if magazine:  # the drop cap: the first letter in its own span (the word is whole)
        first = paras[0]
        wrap[0] = (f'<p class="has-dropcap"><span class="dropcap">{_esc(first[0])}</span>'
                   f'{_esc(first[1:])}</p>')
    insert_inside(wrap, r, inside, len(paras), add, 1, 3)
    for kind in top:
        wrap.insert(0, add(kind))
    for kind in r.sample(after, min(len(after), r.randint(1, len(after)))):
        wrap.append(add(kind))  # the templates put these inside the body container
    body = closed(box, "".join(wrap))
    return news_page(headline, f.author, site, NAV_G, body, f"{site.title()} Media"), placed


def with_near_miss_g(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_G paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_G)
