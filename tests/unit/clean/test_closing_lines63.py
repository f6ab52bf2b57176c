"""Closing and opening lines with no box around them, through the line rules and extract
(`bench/bench_text_templates.py --cms I`, held out, session 58): tip questions with the
address to send to, share prompts, the bare update and developing-story stamps, newsletter
goodbyes and greetings, republishing licences, series notes, a nonprofit's self-description
with its pitch, policy pointers, follow calls ending on a handle, "Originally published as
<headline>", the magazine's print-edition line, the bracketed desk credit, the letters
desk's address, an app call after a label, the licensing link, "… depends on readers like
you", a reporter's contact with the phone first, and bios naming the beat with the outlet's
possessive or the writer's career. Each fails on the session's start (918f4c7e); the
near-misses (story prose resembling those lines, notes that say what changed) stay."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_foreign_furniture56 import story as page
from tests.unit.clean.test_small_sites57 import EN, kept_story

FURNITURE = [
    # tip lines: the question, then where to send it
    "Have you got a story? Email newsdesk@eveningpost.co.uk",
    "Do you have a tip? Email Jane Doe at jane.doe@example.org or reach her on Signal at "
    "212-555-0147.",
    "Do you know something about the county's contracts that we should know? Contact our "
    "investigations team at tips@example.org.",
    "Have a claim you want us to check? Send it to factcheck@example.org.",
    # share prompts
    "Please share this article if you found it helpful.",
    "Share this story with someone who needs to read it.",
    "If you found this guide useful, please share it with a friend.",
    "Thanks for reading! If you enjoyed this issue, forward it to a colleague.",
    "Enjoyed this? Forward it to a friend.",
    # the stamps that say only that the text changes
    "This story has been updated.",
    "This article will be updated.",
    "This is a developing story. Please check back for updates.",
    "This is a breaking news story and will be updated as details emerge.",
    # newsletters
    "That's all for this week. See you next Friday.",
    "See you tomorrow, Jane",
    "Until next time!",
    "Hi everyone, and welcome to this week's dispatch.",
    # licences, series, self-description with a pitch, pointers
    "Republish our articles for free, online or in print, under a Creative Commons license.",
    "You may republish this story free of charge as long as you credit the newsroom.",
    "This story is part of our series on the housing crisis in rural towns.",
    "This report is part of a collaboration between the Gazette and the university.",
    # (longer than the start's 20-word sign-up rule reads)
    "The Lantern Project is a nonprofit newsroom that covers state politics and the courts. "
    "Sign up to receive our biggest stories as soon as they are published.",
    "Read about our process",
    "Read our ethics policy.",
    "If you see an error in this story, please contact us at corrections@example.org.",
    # follow calls, syndication and print lines, credits
    "Follow Jane on X: @janedoe",
    "Follow me on Substack for more essays like this.",
    "Originally published as Council backs the plan for a new bridge",
    "Published in the print edition of the March 3, 2026, issue, with the headline “A town "
    "remade.”",
    "(Edited by Tom B.)",
    "(Edited by Sofia Rossi)",
    "We welcome your feedback at letters@example.com.",
    "Stay informed: get the free Channel 4 News app for alerts.",
    "Reprints and permissions",
    "License this article",
    "Our journalism depends on readers like you. Please give what you can.",
    "Contact Jane Doe at 212-555-0147 or jane.doe@example.org.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_an_unboxed_closing_or_opening_line_goes(line: str) -> None:
    assert classify_line(line) is not None


NEAR_MISSES = [
    "Follow the money, the auditor told the committee, and the trail leads back to the "
    "county's own contractors.",
    "Follow me on this one, the coach said, and we will win the league.",
    "Share prices fell 4 per cent after the announcement, wiping out the gains of the past "
    "two months.",
    "Please share this information with the police if you saw the car, the sheriff said.",
    "This story has been told many times in the town, but never by the women who lived it.",
    # notes that say what changed are the story's (as in every family)
    "This story has been updated with the company's comment, received after publication.",
    "This is a developing story in a town that has seen three floods in a decade.",
    "See you in court, the landlord told the tenants as he left the hearing.",
    "Do you have a plan for the winter? Most residents said they did not.",
    "Have you got a minute? the officer asked, and then arrested him.",
    "Republishing the list without checking it, the minister admitted, had been a mistake.",
    "This article is part of a long debate over who should pay for the bridge.",
    "The Marshall Project is a nonprofit newsroom that covers criminal justice, and it "
    "obtained the records first.",
    "Read the report in full and you will find no mention of the spill, the lawyer said.",
    "If you spot a bear, the ranger said, stay calm and back away slowly.",
    "Originally published as a pamphlet in 1848, the manifesto was soon translated.",
    "Edited by a retired judge, the report runs to 400 pages.",
    "Published in the print edition of record, the notice gave residents 30 days.",
    "Contact with the crew was lost at 3:12 p.m., about 40 minutes after take-off.",
    "Donate blood if you can, the hospital's director urged on Tuesday.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_like_the_closing_lines_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("bio", [
    "Jane Doe covers housing for the Valley Herald. Before joining the paper, she reported "
    "from Leeds for five years.",
    "Jane Doe is The Valley Herald's city hall correspondent. Follow her on X @janedoe.",
])
def test_a_writer_s_bio_closing_the_text_goes(bio: str) -> None:
    out = remove_boilerplate("\n".join([*EN, bio])).text
    assert kept_story(out, EN) and bio[:20] not in out


@pytest.mark.parametrize("last", [
    # one capitalised word before "covers" is a surname in the story, not a writer's name
    "Smith covers the costs for the town. Before that, the council paid them.",
    "The mayor is the town's longest serving official, residents said.",
])
def test_a_story_s_last_line_like_a_bio_stays(last: str) -> None:
    out = remove_boilerplate("\n".join([*EN, last])).text
    assert out.endswith(last)


@pytest.mark.parametrize(("after", "gone"), [
    ("<p><em>This story has been updated.</em></p><p>Have a tip? Email us at tips@example.com"
     ".</p><p>Please share this article if you found it helpful.</p>",
     ("updated", "tip", "share")),
    ("<hr><p>Thanks for reading! If you enjoyed this, please share it with a friend.</p>"
     "<p>That's all for this week. See you next Sunday.</p>", ("Thanks", "See you")),
    ("<p>Republish our articles for free, online or in print, under a Creative Commons "
     "license.</p><p>Our journalism depends on readers like you. Donate today.</p>",
     ("Republish", "journalism depends")),
])
def test_a_page_s_unboxed_closing_lines_go_and_the_story_stays(
        after: str, gone: tuple[str, ...]) -> None:
    text = text_of(page(EN, after, "en"))
    assert kept_story(text, EN)
    for words in gone:
        assert words not in text
