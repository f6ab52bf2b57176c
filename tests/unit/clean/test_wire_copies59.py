"""Furniture where wire and syndicated stories appear, through extract and the line rules
(`bench/bench_text_templates.py --cms H`, held out, session 57): agency trailers (Reuters'
bracketed credit, Bloomberg's "—With assistance from", the wire desks' signs "EFE jl/ics" and
"bur-jj/des", AP's funders' standards line, Reuters' ", opens new tab" link labels), the
press-release services' closing blocks ("About <Firm>" over the firm's boilerplate, the
forward-looking-statements paragraph and its heading, "View original content …", "SOURCE
<Firm>", a "Contacts" box), republication and print notes (Stacker's, Dow Jones' reprint
notice, "This article was printed from https://…", "URL: https://…"). Each fails on the
session's start; the near-misses (story prose resembling those lines) stay, and so does
"Copyright lawyers … without permission …", which the start dropped."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_foreign_furniture56 import story as page
from tests.unit.clean.test_small_sites57 import EN, kept_story

FURNITURE = [
    "(Reporting by David Moreau in Tokyo; Additional reporting by James Holloway; Editing by "
    "Paul Okafor)",
    "(Reporting by Anna Berger; Editing by Tom Becker)",
    "—With assistance from Paul Okafor and Lea Schmitt.",
    "EFE jl/ics",
    "EFE-EPA ads/sk",
    "bur-jj/des",
    "burs-ach/tym",
    "Acquire Licensing Rights, opens new tab",
    "Find AP's standards for working with philanthropies, a list of supporters and funded "
    "coverage areas at AP.org.",
    "View original content to download multimedia: https://www.prnewswire.com/news-releases/"
    "northwind-opens-a-plant-301234567.html",
    "View source version on businesswire.com: https://www.businesswire.com/news/home/"
    "20261207005123/en/",
    "SOURCE Northwind Analytics",
    "Forward-Looking Statements",
    "Safe Harbor Statement",
    "Cautionary Note Regarding Forward-Looking Statements",
    "This press release contains forward-looking statements within the meaning of Section 27A "
    "of the Securities Act of 1933. Actual results may differ materially from those expressed "
    "or implied by such statements.",
    "Statements in this press release that are not historical facts are forward-looking "
    "statements. They are subject to risks that could cause actual results to differ "
    "materially.",
    "This story was produced by Stacker Studio and reviewed and distributed by Stacker.",
    "This copy is for your personal, non-commercial use only. Distribution and use of this "
    "material are governed by our Subscriber Agreement and by copyright law.",
    "This article was printed from https://www.example.com/news/31263.html on December 7, "
    "2026.",
    "URL: https://www.example.com/news/68650.html",
    "The original version of this article is at https://www.example.com/news/31263.html",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_wire_and_release_furniture_line_goes(line: str) -> None:
    assert classify_line(line) is not None


NEAR_MISSES = [
    "Reporting by the newspaper's own staff had raised the same questions two years earlier, "
    "but the ministry never answered them.",
    "Editing by committee, the author said, had turned her first draft into a document nobody "
    "wanted to read.",
    "About a third of the residents left the valley after the flood, and fewer than half of "
    "them have come back since.",
    "Forward-looking statements the company made in March were misleading, the regulator "
    "said, and it fined the firm $4 million.",
    # a story on a filing, in the lawyers' words but reported
    "The release's forward-looking statements warned that actual results may differ, the "
    "analyst said, but investors ignored them.",
    "The memo ended with \"###\", the old newsroom marker for the end of a release, and "
    "nothing else, staff said.",
    "Copyright lawyers for the agency argued that the photographs had been used without "
    "permission on more than 200 websites.",
    "Source of the leak, according to two officials, was a contractor who had access to the "
    "ministry's shared drive.",
    "He said the readings, in km/h and mph, did not match.",
    "This story was produced by a team of four reporters over six months.",
    "View from the summit: the climbers said the clouds cleared at noon.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_like_the_wire_furniture_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_release_s_about_heading_and_the_firm_s_boilerplate_go() -> None:
    text = "\n".join([*EN, "About Northwind Analytics",
                      "Northwind Analytics is a leading provider of weather data. Founded in "
                      "1994, the company is headquartered in Boston.",
                      "Contacts", "Lea Schmitt", "lea@example.com"])
    out = remove_boilerplate(text).text
    assert kept_story(out, EN)
    for words in ("About Northwind", "leading provider", "Contacts", "lea@example.com"):
        assert words not in out


def test_a_subheading_starting_with_about_over_story_prose_stays() -> None:
    # the paragraph under it does not describe a firm
    body = [*EN[:2], "About Town",
            "Town officials said on Monday that the ferry would run twice a day again from "
            "March, after two years of reduced service.", *EN[2:]]
    assert remove_boilerplate("\n".join(body)).text == "\n\n".join(body)


def test_a_guide_s_about_section_at_its_start_stays() -> None:
    # (a dev page's: a tutorial opening on what the language is; a release closes on the
    # firm's boilerplate, in its second half)
    body = ["About Python",
            "Python is an interpreted, object-oriented, high-level programming language; the "
            "Python Software Foundation publishes it, visit www.python.org for more.", *EN]
    assert remove_boilerplate("\n".join(body)).text == "\n\n".join(body)


@pytest.mark.parametrize(("after", "gone"), [
    ("<p>(Reporting by Anna Berger in London; Editing by Tom Becker)</p>"
     "<p>Acquire Licensing Rights, opens new tab</p>", ("Reporting", "Licensing")),
    ("<p><b>About Veridian Foods</b></p><p>Veridian Foods is a leading provider of frozen meals."
     " For more information, visit www.veridian.com.</p><p><b>Forward-Looking Statements</b>"
     "</p><p>This press release contains forward-looking statements. Actual results may differ"
     " materially, and Veridian Foods undertakes no obligation to update them.</p><p>SOURCE "
     "Veridian Foods</p>", ("Veridian", "Forward", "forward")),
    ("<p>URL: https://www.example.com/news/1.html</p><p>This copy is for your personal, non-"
     "commercial use only.</p>", ("URL", "personal")),
])
def test_a_wire_or_release_page_s_closing_furniture_goes_and_the_story_stays(
        after: str, gone: tuple[str, ...]) -> None:
    text = text_of(page(EN, after, "en"))
    assert kept_story(text, EN)
    for words in gone:
        assert words not in text
