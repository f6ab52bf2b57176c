"""`bench_text_templates.py --cms I`: closing and opening lines with no box around them.
Family H's held-out pages leaked the template's own sentences written as bare `<p>` inside
the body's container (sign-offs, contributor lines, newsletter pitches, "Follow X on
Twitter", "Have a tip? Email …", reprint notes, bios): I puts such lines, and nearly only
such lines, on the sites that write them — local US papers on Lee / Gannett / TownNews,
nonprofit newsrooms and their republishing notes, UK regionals (Reach), Australian
publishers (News Corp, Nine), newsletters on Substack / Ghost / Medium, Indian and African
portals, broadcasters' sites, magazines, blogs and fact-checkers. Written from knowledge
of those templates (nothing downloaded, no benchmark's gold read), fixed in code before
any result was seen; measured once held out, then tuned on.

Bodies: the dev corpus's English bodies, each used for up to three pages under different
templates (as G and H); names, teasers and topics in the furniture come from OTHER English
bodies. Each kind has two or three wordings, so no one string decides a rule.

Sites (SITES_I: body markup; furniture on top / inside / after the body, all inside the
body's container, most as bare `<p>`, some in `<em>` / `<strong>` / `<i>`, none in a box
with a class that names it):

  lee         Lee / BLOX TownNews local paper (`#article-body`): "Get local news delivered to
              your inbox!", "Contact X at 555-… or x@…", "Follow X on Twitter @x", "This story
              has been updated.", "Support local journalism …".
  gannett     Gannett (`gnt_ar_b`): "Contact X at x@… or follow on Twitter @x.", "USA TODAY
              Network reporter Y contributed to this report.", "This article originally
              appeared on <Paper>: <headline>", "Have a tip? Email …".
  nonprofit   ProPublica / CalMatters-style (`article-body`): "X is a nonprofit newsroom …
              Sign up to receive our biggest stories …" on top, "Do you have a tip? Email X at
              … or reach them on Signal at …", "Republish our articles for free, online or in
              print, under a Creative Commons license.", "Our journalism depends on readers
              like you. …", the reporter's bio.
  reach       Reach UK regional (`article-body`): "Read more: <teaser>", "Sign up to our daily
              newsletter here", "Join our WhatsApp community here" style lines, "Have you got
              a story? Email …", "Don't miss the biggest stories … sign up to …".
  newscorp    News Corp Australia (`story-content`): "Read related topics: <Place>",
              "Originally published as <headline>", "Got a news tip? Email …".
  nine        Nine (SMH / The Age, `article-body`): "Start the day with a summary of the day's
              most important … Sign up for our Morning Edition newsletter.", "Get fast,
              reliable news …", "License this article".
  substack    Substack (`body markup`): "Welcome to the N new subscribers …" on top, "Thanks
              for reading X! Subscribe for free to receive new posts and support my work.",
              "X is a reader-supported publication. …", "Leave a comment", "Share".
  ghost       Ghost newsletter (`gh-content`): "You're reading X, a newsletter by Y. If
              someone forwarded this to you, subscribe here.", "Enjoyed this? Forward it to a
              friend.", "See you next week, — Y".
  medium      Medium (`pw-post-body`): "If you liked this article, give it a clap and follow
              me …", "Follow me on Medium for more stories like this.", a plain-`<p>` bio.
  indiaportal Indian portal (`story-details`): "(Edited by X)", "Also read: <teaser>", "We
              welcome your comments at letters@…", "Subscribe to our channels on YouTube &
              Telegram".
  africaportal African portal (`article-content`): "Read also: <teaser>", "X is a reporter
              at Y. Follow @x on Twitter.", "Have a story idea? Email …", "Copyright 2026 Y.
              All rights reserved. Distributed by AllAfrica Global Media (allAfrica.com).".
  broadcaster local TV station (`story-body`): "Download the X app for breaking news
              alerts …", "This is a developing story. Check back for updates.", "Copyright
              2026 by Y. All rights reserved.", "Have a news tip? Send it to …".
  magazine    magazine (`article__body`): "Published in the print edition of the <date> issue,
              with the headline “…”.", a plain-`<p>` bio "X is a staff writer at Y, where she
              covers …", "More stories like this: <teaser>".
  blog        blog (`entry-content`): "Disclosure: This post may contain affiliate links …" on
              top, "Related: <teaser>", "If you found this post useful, please share it …",
              "Share this:" / "Like this:" / "Loading...".
  factcheck   fact-checker (`article-content`): "Read about our process", "This article is
              part of our work to fact-check …", "If you spot an error, read our corrections
              policy …", "Have a claim you want us to check? Email …".

Truth decisions (as the dev gold and families A–H decide):
- Every line above is furniture: the site writes it on every story, it says nothing of the
  story's matter — sign-offs and reporter contact lines, contributor credits, "Follow X
  on …", tip lines, newsletter and app pitches, subscriber welcomes and thanks, donation
  and reader-support pitches, republishing and licensing notes, "Originally published
  as …", print-edition notes, read-more / related / more-stories lines, share prompts,
  affiliate disclosures, corrections-policy and process pointers, copyright lines, the
  bare update stamp "This story has been updated." and the developing-story stamp, and the
  writer's bio closing the page (a sentence about the author, not about the story).
- A correction or update note closing the story that says what changed is body (30 % of
  pages, STORY_NOTES_I), as in every family; so is an editor's note on the story's matter.
- NEAR_MISSES_I: story paragraphs whose first words resemble the furniture ("Follow the
  money …", "Read more than 200 pages …", "Contact with the crew was lost …", "Share prices
  fell …", "Donate blood if you can, …", "Subscribers to the water district's newsletter
  …", "This story has been told many times …", "Sign-off from the regulator …", "More
  stories like this one emerged …", "Corrections officers at the prison …", "Email records
  obtained by …", a subject described like a bio, reported), put into 40 % of bodies: body,
  in the truth.
"""

from __future__ import annotations

import random

from cms_blocks_d import _esc, _n
from cms_page import closed, insert_inside, nav_bar, news_page, placer, story_paras, with_one_of

__all__ = ["NEAR_MISSES_I", "SITES_I", "STORY_NOTES_I", "render_cms_i", "with_near_miss_i"]

STORY_NOTES_I = (
    "Correction: An earlier version of this article misstated the number of beds at the "
    "hospital. It is 240, not 420.",
    "Update, 4:30 p.m.: The council voted 7-2 to approve the plan after this story was "
    "published.",
    "Editor's note: The teenager's name has been withheld because she is a minor and was "
    "not charged.",
)

NEAR_MISSES_I = (
    "Follow the money, the auditor told the committee, and the trail leads back to the "
    "county's own contractors.",
    "Read more than 200 pages of the report and you will find no mention of the spill, the "
    "lawyer said.",
    "Contact with the crew was lost at 3:12 p.m., about 40 minutes after take-off, the "
    "airline said.",
    "Share prices fell 4 per cent after the announcement, wiping out the gains of the past "
    "two months.",
    "Donate blood if you can, the hospital's director urged on Tuesday, because supplies are "
    "down to two days.",
    "Subscribers to the water district's newsletter were told of the boil notice two days "
    "after it was issued.",
    "This story has been told many times in the town, but never by the women who lived it.",
    "Sign-off from the regulator is expected in March, after which construction of the "
    "plant can begin.",
    "More stories like this one emerged after the hearing, as other tenants came forward "
    "with complaints about the landlord.",
    "Corrections officers at the prison said they had warned managers about staffing for "
    "more than three years.",
    "Email records obtained by the newspaper show that the mayor knew of the leak in March.",
    "She is a retired nurse who lives near the river and has volunteered with the fire "
    "brigade for 30 years, neighbours said.",
    "Thanks to a late donation from a local family, the library will stay open on Sundays "
    "until the end of the year.",
)

PAPERS = ("The Daily Courier", "The Valley Herald", "The Evening Post", "The Northern Star",
          "Harbour Times")
STATIONS = ("WKRN", "KTVU", "WXYZ", "KSDK")
PLACES = ("Sydney", "Melbourne", "Brisbane", "Manchester", "Leeds", "Omaha", "Tulsa")
BEATS = ("courts and public safety", "education", "city hall", "the environment",
         "health care", "housing")


def _who(f) -> tuple[str, str, str]:
    """The writer's name, handle and e-mail (the page's byline name)."""
    nm = f.author
    first, last = nm.split()[0], nm.split()[-1]
    return nm, f"@{first[0].lower()}{last.lower()}", f"{first.lower()}.{last.lower()}@"


def _wrap(text: str, r: random.Random) -> str:
    """A bare paragraph, now and then in the emphasis templates give sign-offs."""
    t = _esc(text)
    style = r.random()
    if style < 0.2:
        return f"<p><em>{t}</em></p>"
    if style < 0.3:
        return f"<p><strong>{t}</strong></p>"
    if style < 0.4:
        return f"<p><i>{t}</i></p>"
    return f"<p>{t}</p>"


def _linked(label: str, teaser: str, r: random.Random) -> tuple[str, list[str]]:
    """A label and a linked headline in one bare paragraph ("Read more: <link>")."""
    return (f'<p>{_esc(label)} <a href="/news/{_n(r)}.html">{_esc(teaser)}</a></p>',
            [f"{label} {teaser}"])


def i_block(kind: str, f) -> tuple[str, list[str]]:  # noqa: C901 -- one branch per kind
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    nm, handle, mail = _who(f)
    other = f.name()
    paper, station = f.paper, r.choice(STATIONS)
    dom = paper.lower().replace("the ", "").replace(" ", "") + ".com"
    phone = f"{r.randint(200, 999)}-555-{r.randint(1000, 9999)}"
    topic = f.teaser().split()[0].strip(",.;:").lower()

    def one(*wordings: str) -> tuple[str, list[str]]:
        s = r.choice(wordings)
        return _wrap(s, r), [s]

    # --- contact, follow and tip lines -----------------------------------------------------
    if kind == "contact":
        return one(f"Contact {nm} at {phone} or {mail}{dom}.",
                   f"Reach {nm} at {mail}{dom} or {phone}.",
                   f"Contact {nm} at {mail}{dom} or follow on Twitter at {handle}.")
    if kind == "follow":
        return one(f"Follow {nm} on Twitter {handle}.",
                   f"Follow {nm.split()[0]} on X: {handle}",
                   f"Follow {nm} on Twitter and Instagram at {handle}.")
    if kind == "tip":
        return one(f"Have a tip? Email us at tips@{dom}.",
                   f"Got a news tip? Email news@{dom}",
                   f"Have you got a story? Email newsdesk@{dom}",
                   f"Have a story idea? Email {mail}{dom}.")
    if kind == "tip_signal":
        return one(f"Do you have a tip? Email {nm} at {mail}{dom} or reach {nm.split()[0]} on "
                   f"Signal at {phone}.",
                   f"Do you have information about {topic} we should know? Contact {nm} at "
                   f"{mail}{dom} or on Signal at {phone}.")
    if kind == "contrib":
        return one(f"USA TODAY Network reporter {other} contributed to this report.",
                   f"Staff writer {other} contributed to this story.",
                   f"{other} of {paper} contributed reporting.")
    # --- pitches ---------------------------------------------------------------------------
    if kind == "local_news":
        return one("Get local news delivered to your inbox!",
                   "Get the day's top local stories delivered to your inbox every morning.")
    if kind == "support_local":
        return one("Support local journalism: subscribe today for full access to our coverage.",
                   f"Our journalism depends on readers like you. Become a member of {paper} "
                   "today.",
                   "Support our journalism. Subscribe today for as little as $1 a week.")
    if kind == "nonprofit_top":
        return one(f"{paper} is a nonprofit newsroom that investigates abuses of power. Sign "
                   "up to receive our biggest stories as soon as they're published.",
                   f"{paper} is a nonprofit, nonpartisan newsroom. Sign up for our free "
                   "newsletter to get our stories first.")
    if kind == "republish":
        return one("Republish our articles for free, online or in print, under a Creative "
                   "Commons license.",
                   "We want our stories to be read widely: you may republish this article "
                   "for free under a Creative Commons license.")
    if kind == "donate":
        return one("Our journalism depends on readers like you. Donate today to keep it free "
                   "for everyone.",
                   f"{paper} is a nonprofit newsroom. Your donation makes stories like this "
                   "one possible.")
    if kind == "reach_news":
        return one("Sign up to our daily newsletter here for the latest news straight to your "
                   "inbox.",
                   "Don't miss the biggest and best stories from across the region - sign up "
                   "to our newsletter here.",
                   "Join our WhatsApp community for the latest news sent straight to your "
                   "phone.")
    if kind == "nine_news":
        return one("Start the day with a summary of the day's most important and interesting "
                   "stories, analysis and insights. Sign up for our Morning Edition newsletter.",
                   "Get fast, reliable news alerts when stories break. Download our app and "
                   "turn on notifications.",
                   "The Business Briefing newsletter delivers major stories, exclusive coverage "
                   "and expert opinion. Sign up to get it every weekday morning.")
    if kind == "app":
        return one(f"Download the {station} app for breaking news alerts and live video.",
                   f"Stay informed: get the free {station} News app on your phone.")
    if kind == "welcome":
        return one(f"Welcome to the {r.randint(12, 400)} new subscribers who joined us this "
                   "week!",
                   "Hi friends, and welcome to this week's edition.")
    if kind == "thanks_sub":
        return one(f"Thanks for reading {paper}! Subscribe for free to receive new posts and "
                   "support my work.",
                   f"{paper} is a reader-supported publication. To receive new posts and "
                   "support my work, consider becoming a free or paid subscriber.")
    if kind == "forwarded":
        return one(f"You're reading {paper}, a newsletter by {nm}. If someone forwarded this "
                   "to you, subscribe here.",
                   "Enjoyed this? Forward it to a friend who would like it too.")
    if kind == "see_you":
        return one(f"See you next week, {nm.split()[0]}", "That's all for this week. See you "
                   "next Sunday.")
    if kind == "clap":
        return one("If you liked this article, give it a clap and follow me for more stories "
                   "like this.",
                   "Follow me on Medium for more stories like this.",
                   "Thanks for reading! If you enjoyed this, please share it with a friend.")
    if kind == "share_prompt":
        return one("If you found this post useful, please share it on social media.",
                   "Share this story with someone who needs to read it.",
                   "Please share this article if you found it helpful.")
    if kind == "channels":
        return one("Subscribe to our channels on YouTube & Telegram",
                   "We welcome your comments at letters@example.in.")
    # --- notes, stamps and pointers --------------------------------------------------------
    if kind == "updated":
        return one("This story has been updated.", "This article has been updated.",
                   "This story will be updated.")
    if kind == "developing":
        return one("This is a developing story. Check back for updates.",
                   "This is a developing story and will be updated as more information "
                   "becomes available.")
    if kind == "originally":
        t = f.teaser()
        return one(f"Originally published as {t}",
                   f"This article originally appeared on {paper}: {t}")
    if kind == "print_issue":
        return one(f"Published in the print edition of the December {r.randint(1, 28)}, 2026, "
                   f"issue, with the headline “{f.teaser()}.”",
                   f"A version of this article appears in print on Dec. {r.randint(1, 28)}, "
                   f"2026, with the headline: {f.teaser()}.")
    if kind == "bio":
        beat = r.choice(BEATS)
        return one(f"{nm} is a staff writer at {paper}, where she covers {beat}.",
                   f"{nm} is a reporter for {paper} covering {beat}. She previously worked "
                   f"at {r.choice(PAPERS)}.",
                   f"{nm} covers {beat} for {paper}. Before joining the paper, he reported "
                   f"from {r.choice(PLACES)} for five years.")
    if kind == "bio_follow":
        return one(f"{nm} is a reporter at {paper}. Follow {handle} on Twitter.",
                   f"{nm} is {paper}'s {r.choice(BEATS)} correspondent. Follow her on X "
                   f"{handle}.")
    if kind == "edited":
        return one(f"(Edited by {other})", f"(Edited by {other.split()[0]} {other.split()[1][0]}.)")
    if kind == "copyright":
        return one(f"Copyright 2026 {paper}. All rights reserved. Distributed by AllAfrica "
                   "Global Media (allAfrica.com).",
                   f"Copyright 2026 by {station}. All rights reserved. This material may not "
                   "be published, broadcast, rewritten or redistributed.")
    if kind == "disclosure":
        return one("Disclosure: This post may contain affiliate links, which means I may earn "
                   "a commission if you buy through them.",
                   "This post contains affiliate links. As an Amazon Associate I earn from "
                   "qualifying purchases.")
    if kind == "process":
        return one("Read about our process", "Read our corrections policy.",
                   "If you spot an error, read our corrections policy to find out how to "
                   "report it.")
    if kind == "fc_part":
        return one("This article is part of our work to fact-check potentially false "
                   "information on social media.",
                   "Have a claim you want us to check? Email us at factcheck@example.org.")
    if kind == "license":
        return one("License this article", "Reprints and permissions")
    if kind == "leave_comment":
        return '<p><a href="#comments">Leave a comment</a></p>', []
    if kind == "share_word":
        return r.choice(("<p>Share</p>", "<p><strong>Share this:</strong></p>",
                         "<p>Like this:</p><p>Loading...</p>")), []
    # --- read-more style lines with a linked headline --------------------------------------
    if kind == "read_more":
        return _linked(r.choice(("Read more:", "READ MORE:", "Read more -")), f.teaser(), r)
    if kind == "read_also":
        return _linked(r.choice(("Also read:", "Read also:", "ALSO READ |")), f.teaser(), r)
    if kind == "related":
        return _linked(r.choice(("Related:", "RELATED:", "Related story:")), f.teaser(), r)
    if kind == "more_like":
        return _linked(r.choice(("More stories like this:", "More from our coverage:")),
                       f.teaser(), r)
    if kind == "related_topics":
        place = r.choice(PLACES)
        return (f'<p>Read related topics: <a href="/topic/{place.lower()}">{place}</a></p>',
                [])
    raise ValueError(kind)


# site: (body markup, on top, inside, after) — every kind written inside the body container
SITES_I = {
    "lee": ('<div id="article-body" itemprop="articleBody" class="asset-content">',
            ("local_news",), ("read_more",), ("updated", "contact", "follow", "support_local")),
    "gannett": ('<div class="gnt_ar_b">', (), ("related",),
                ("contrib", "originally", "contact", "tip", "updated")),
    "nonprofit": ('<div class="article-body">', ("nonprofit_top",), (),
                  ("tip_signal", "bio", "republish", "donate")),
    "reach": ('<div class="article-body" itemprop="articleBody">', (), ("read_more",),
              ("reach_news", "tip", "share_prompt")),
    "newscorp": ('<div class="story-content" id="story-primary">', (), ("related",),
                 ("tip", "originally", "related_topics")),
    "nine": ('<div class="article-body">', (), ("read_more",),
             ("nine_news", "contact", "license")),
    "substack": ('<div class="body markup" dir="auto">', ("welcome",), (),
                 ("thanks_sub", "share_word", "leave_comment", "see_you")),
    "ghost": ('<section class="gh-content gh-canvas">', ("forwarded",), (),
              ("see_you", "forwarded", "share_prompt")),
    "medium": ('<section class="pw-post-body-paragraph">', (), (),
               ("clap", "bio_follow", "share_word")),
    "indiaportal": ('<div class="story-details">', (), ("read_also",),
                    ("edited", "channels", "copyright")),
    "africaportal": ('<div class="article-content">', (), ("read_also",),
                     ("bio_follow", "tip", "copyright")),
    "broadcaster": ('<div class="story-body">', ("app",), (),
                    ("developing", "tip", "copyright", "share_prompt")),
    "magazine": ('<div class="article__body">', (), ("more_like",),
                 ("print_issue", "bio", "more_like")),
    "blog": ('<div class="entry-content">', ("disclosure",), ("related",),
             ("share_prompt", "related", "share_word")),
    "factcheck": ('<div class="article-content">', (), (),
                  ("fc_part", "process", "tip", "related")),
}


NAV_I = nav_bar("site-header", (("/", "Home"), ("/news/", "News"), ("/opinion/", "Opinion")))


def render_cms_i(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-I site: the HTML and its furniture blocks."""
    r = f.rnd
    site = r.choice(sorted(SITES_I))
    box, top, inside, after = SITES_I[site]
    f.author, f.paper = f.name(), r.choice(PAPERS)
    placed: list[tuple[str, list[str]]] = []
    add = placer(site, i_block, f, placed)
    wrap = story_paras(paras, note)
    insert_inside(wrap, r, inside, len(paras), add, 1, 2)
    for kind in reversed(top):
        wrap.insert(0, add(kind))
    n_after = r.randint(max(1, len(after) - 2), len(after))
    picked = sorted(r.sample(range(len(after)), n_after))
    if r.random() < 0.3:  # some templates draw a rule between the story and its trailer
        wrap.append("<hr>")
    for i in picked:  # the template's own order, inside the body container
        wrap.append(add(after[i]))
    page = news_page(headline, f.author, site, NAV_I, closed(box, "".join(wrap)), site.title())
    return page, placed


def with_near_miss_i(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_I paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_I)
