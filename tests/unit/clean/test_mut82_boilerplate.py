"""Seed 82: family H's line rules (session 57: the wire copies' trailers, the press-release
services' closing blocks, the print and republication notes) that no test pinned, each by
a line of the shape the rule was written for, and the near-misses its bounds keep."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate
from tests.unit.clean.test_small_sites57 import EN

# A release's legal paragraph of some 110 words: the lawyers' words are long-winded, and a
# bound near the rule's typical line would keep it.
LONG_SAFE_HARBOR = (
    "This press release contains forward-looking statements, including statements about the "
    "expected timing of the plant's opening, the capacity of its lines, the demand for the "
    "company's products in Europe and Asia, the cost of the energy it will use, the number of "
    "people it expects to employ, and the effect of the new plant on its margins in the "
    "coming years. These statements are based on the current expectations of management and "
    "on assumptions that may prove wrong. Actual results may differ materially from those "
    "expressed or implied by such statements because of the risks described in the company's "
    "annual report, and the company undertakes no obligation to update them.")

RULED = [
    # Bloomberg's credit: the names only ("With assistance from X and Y.")
    # (each as its rule was written for it)
    ("Media Contacts", "ui"),  # a release's contact heading alone on its line
    # Dow Jones' reprint notice, with or without "your"
    ("This copy is for personal, non-commercial use only.", "ui"),
    # AFP's bureau slug naming three desks, EFE's four-letter initials
    ("bur-sah/jm/lth", "credit"),
    ("EFE rgmo/ics", "credit"),
    # PR Newswire's sender, a name with "of", and nine words
    ("SOURCE The Bank of Nova Scotia", "credit"),
    ("SOURCE Bank of Nova Scotia Group Holdings for Canada", "credit"),
    # Reuters' link label of seven words
    ("Read the court filing, opens new tab", "ui"),
    # a print copy's pointer with no "This article was"
    ("Printed from https://www.example.com/news/1.html", "ui"),
    # the legal paragraph by each of the lawyers' words alone
    ("This release contains forward-looking statements, which involve risks and "
     "uncertainties.", "legal"),
    ("This release contains forward-looking statements. Northwind undertakes no obligation "
     "to update them.", "legal"),
    ("This release contains forward-looking statements within the meaning of the Securities "
     "Act of 1933.", "legal"),
    (LONG_SAFE_HARBOR, "legal"),
]


@pytest.mark.parametrize(("line", "rule"), RULED)
def test_a_family_h_line_goes_by_its_rule(line: str, rule: str) -> None:
    assert classify_line(line) == rule


NEAR_MISSES = [
    # "With assistance from" opening a story's sentence: the credit is the names alone
    "With assistance from Paul Okafor, the club rebuilt its stand in a single summer.",
    # a line of lower-case words around a slash is no desk's sign unless that is all it is
    "and/or both, he said.",
    # "SOURCE" then a sentence, or a word in lower case: no sender's name alone
    "SOURCE Northwind Analytics said it would cut jobs",
    "SOURCE of the leak was a contractor",
    # the distribution service's label without an address, or with words after it
    "View original content: unavailable",
    "URL: https://www.example.com/a was the address he gave",
    # "safe harbour" in a story's sentence, not a heading
    "Safe harbour rules for online platforms were tightened by the EU on Monday.",
    # forward-looking statements named without the lawyers' words
    "Forward-looking statements in the filing drew little attention from investors.",
    # the lawyers' words, but the first sentence names no forward-looking statements
    "The plant opens in May. Its forward-looking statements note risks and uncertainties.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_like_family_h_stays(line: str) -> None:
    assert classify_line(line) is None


# ("Investor Contacts", "Ansprechpartnerin:" and "Kontakt für Medien:" are longer than
# the 16 characters the heading's precheck allowed, and "Pressekontakt", "Press contact",
# "Medienkontakt" and "Kontakt für Medien" were no UI line: their boxes stayed. Seed 82's
# fixes.)
@pytest.mark.parametrize("heading", [
    "Media Contacts", "Investor Contacts", "Ansprechpartnerin:", "Kontakt für Medien:",
    "Pressekontakt", "Press contact", "Medienkontakt"])
def test_a_contact_box_goes_whole_under_each_heading(heading: str) -> None:
    text = "\n".join([*EN, heading, "Lea Schmitt", "Northwind Analytics", "lea@example.com"])
    out = remove_boilerplate(text)
    assert out.text == "\n\n".join(EN)
    assert out.removed == {"ui": 4}  # the heading and each of the box's three lines


def _release(heading: str, about: str):
    """A release's text (the story's four paragraphs) closing on `heading` and `about`."""
    return remove_boilerplate("\n".join([*EN, heading, about]))


# A firm's boilerplate long enough for a release (some 90 words): the rule's bound must not
# sit near a one-sentence paragraph.
LONG_ABOUT = (
    "Northwind Analytics is a leading provider of weather data for farms, ports and "
    "airports. Its sensors measure wind, rain, soil moisture and frost on more than 40,000 "
    "farms in 31 countries, and its forecasts reach growers through their own tractors' "
    "screens, through the apps of seed and fertiliser dealers, and through the radio "
    "bulletins of farmers' unions. The firm employs 600 people in Boston, Hamburg, Lyon and "
    "Nairobi, and it has been profitable since 2019. It sells its data to insurers, "
    "shipping lines and three national weather services.")


@pytest.mark.parametrize(("heading", "about"), [
    ("About the Northwind Group", "The Northwind Group is a leading provider of weather data."),
    ("About Bank of Nova Scotia", "Bank of Nova Scotia is a leading provider of banking services."),
    ("About Northwind Analytics:", "Northwind Analytics is a leading provider of weather data."),
    # each of the firm's words alone: founded, a web address
    ("About Northwind Analytics", "Northwind Analytics, founded in 1994, makes weather sensors "
                                  "for farms."),
    ("About Northwind Analytics", "Northwind Analytics makes weather sensors for farms. More "
                                  "at www.northwind.example."),
    # the firm named after the paragraph's first words, within its opening
    ("About Northwind Analytics", "Since 1994 and from its home in Boston, Northwind Analytics "
                                  "has made weather sensors; it is a leading provider."),
    ("About Northwind Analytics", LONG_ABOUT),
    ("About Northwind Analytics Weather Services Group", "Northwind Analytics is a leading "
                                                        "provider of weather data."),
    # the firm's form after a comma in the heading, its name alone in the paragraph
    ("About Northwind, Inc.", "Northwind is a leading provider of weather data."),
])
def test_a_releases_about_heading_and_boilerplate_go_in_each_shape(heading, about) -> None:
    out = _release(heading, about)
    assert out.text == "\n\n".join(EN)
    assert out.removed["about"] == 2  # the heading and the paragraph under it


@pytest.mark.parametrize(("heading", "about"), [
    # the paragraph speaks of a company, but not of the one the heading names
    ("About Face", "The company behind the ferry said on Monday that it would run twice a "
                   "day again from March."),
    # the firm's words only far into a long paragraph of the story
    ("About Town", "Town officials said on Monday that the ferry would run twice a day again "
                   "from March, after two years of reduced service, and that the timetable "
                   "would be printed in the spring issue of the parish newsletter, which goes "
                   "to every household on the island and to the mainland's library, where "
                   "readers can also find the older issues; the ferry company agreed."),
])
def test_an_about_heading_over_no_firms_boilerplate_stays(heading: str, about: str) -> None:
    assert _release(heading, about).text == "\n\n".join([*EN, heading, about])
