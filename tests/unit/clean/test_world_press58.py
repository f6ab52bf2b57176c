"""Furniture of the English-language press of South Asia, Africa, East Asia and Oceania
and of magazine templates, through extract and the line rules (`bench/bench_text_templates.py
--cms G`, held out, session 56): messenger-channel calls ("Join ST's Telegram channel …",
"📣 Follow Indian Express on WhatsApp …"), agency-input credits ("(With inputs from PTI)"),
desk credits ("Published By: X", "Edited by X", "- Compiled by X"), editor initials and
domain sign-offs ("/cb", "– Rappler.com"), reprint and print-edition notes, the outlet's
disclaimer, a syndicated copy's note, "Catch all the Business News …", a newsletter pitch
longer than a button, a support box's heading, "Published in Dawn, <date>", a
photographer's credit. Each fails on the session's start; the near-misses (story prose
opening with or resembling those words) stay."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_foreign_furniture56 import story as page
from tests.unit.clean.test_small_sites57 import EN, kept_story

FURNITURE = [
    "Join ST's Telegram channel and get the latest breaking news delivered to you.",
    "Join The PUNCH WhatsApp Channel for the latest news and updates.",
    "📣 Follow Indian Express on WhatsApp and Google News. Click here to join our channel "
    "(@indianexpress) and stay updated with the latest headlines",
    "(With inputs from PTI)",
    "(With PTI inputs)",
    "— With inputs from Reuters",
    "Published By: Lea Schmitt",
    "Edited By: Paul Okafor",
    "Edited by Tom Becker",
    "- Compiled by Anna Berger",
    "/jpv",
    "– Rappler.com",
    "This article originally appeared in the South China Morning Post (SCMP), the most "
    "authoritative voice reporting on China and Asia for more than a century. For more SCMP "
    "stories, please explore the SCMP app or visit the SCMP's Facebook and Twitter pages.",
    "This article appears in the December 2026 print edition with the headline “The Long "
    "Road Home.”",
    "Disclaimer: News24 encourages freedom of speech and the expression of diverse views. The "
    "views of columnists published on News24 are therefore their own and do not necessarily "
    "represent the views of News24.",
    "Disclaimer: The views and recommendations made above are those of individual analysts "
    "or broking companies, and not of Mint.",
    "(Only the headline and picture of this report may have been reworked by the Business "
    "Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
    "Catch all the Business News, Market News, Breaking News Events and Latest News Updates "
    "on Live Mint. Download The Mint News App to get Daily Market Updates.",
    "Get a note directly from our foreign correspondents on what's making headlines around "
    "the world. Sign up for our weekly What in the World newsletter.",
    "Sign up to The Daily H, a free newsletter curated by our editors and delivered straight "
    "to your inbox every weekday.",
    "Support PREMIUM TIMES' journalism of integrity and credibility",
    "Published in Dawn, December 7th, 2026",
    "Photographs by David Moreau for The Atlantic",
    "First uploaded on: 07-12-2026 at 10:15 IST",
    "Login Now!",
    "Donate",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_world_press_furniture_line_goes(line: str) -> None:
    assert classify_line(line) is not None


NEAR_MISSES = [
    "Join the queue early, officials told voters, since the polling stations close at six.",
    "Follow-up inspections found the same defects in three of the buildings, according to "
    "the city engineer.",
    "With inputs from farmers' groups, the ministry drafted a new procurement policy that "
    "will take effect in March.",
    "Edited by a retired judge, the commission's report runs to more than 300 pages and "
    "names eleven officials.",
    "Published by a small press in Lahore, the memoir sold out its first print run within a "
    "week of its launch.",
    "Published in 1998, the novel sold more than a million copies in its first year.",
    "This story began in 2019, when the first complaints reached the council.",
    "This article appears to have been written before the vote, the spokesman said.",
    "Disclaimer notices on the packaging were too small to read, the consumer court found, "
    "and it fined the company.",
    "Catch rates for tuna fell by a third last season, the fisheries department reported, "
    "blaming warmer water.",
    "Readers who support local journalism say the paper is worth the price.",
    "The syndicated feed carried the story within minutes, the agency said.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_like_the_furniture_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(("after", "gone"), [
    ("<p>(With inputs from PTI)</p><p>Published By: Lea Schmitt</p>", ("inputs", "Lea")),
    ('<p class="gnews">📣 Follow Indian Express on WhatsApp and Google News. Click here to join '
     "our channel (@indianexpress) and stay updated with the latest headlines</p>",
     ("WhatsApp",)),
    ("<p>/cb</p><p>– Rappler.com</p>", ("/cb", "Rappler")),
    ('<p class="print-edition"><em>This article appears in the December 2026 print edition '
     "with the headline “The Long Road Home.”</em></p>", ("print edition",)),
])
def test_a_story_s_closing_furniture_goes_and_the_story_stays(after: str,
                                                              gone: tuple[str, ...]) -> None:
    text = text_of(page(EN, after, "en"))
    assert kept_story(text, EN)
    for words in gone:
        assert words not in text
