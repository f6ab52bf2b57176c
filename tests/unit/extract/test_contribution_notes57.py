"""A credit element that is a contribution note ("Reuters contributed to this report.",
"Jane Doe contributed reporting.") names someone who helped with the story, not its
writer: on a page with no byline it gave the author "Reuters contributed" (found by
mutation seed 81, older than session 56). A credit line that is a byline or a wire's
name alone keeps its reading. Each page goes through `page_metadata` whole."""

from __future__ import annotations

import pytest

from tests.unit.extract.article_pages import article_page, english_story, metadata_of

SITE = "Valley Courier"
HEADLINE = "Council approves the new tram line after a year of debate"


def authors_with_credit(credit: str, *, tag: str = "p", cls: str = "credit") -> list[str]:
    """The authors of a page with no byline whose story ends with `credit` in a
    <`tag` class=`cls`>."""
    html = article_page("", headline=HEADLINE, site=SITE, lang="en",
                        body=english_story("the tram's costs"),
                        body_end=f'<{tag} class="{cls}">{credit}</{tag}>',
                        footer=f"© 2026 {SITE}")
    return metadata_of(html, "https://valleycourier.example/news/tram-line").authors


@pytest.mark.parametrize("credit, tag, cls", [
    ("<a href='/reuters'>Reuters</a> contributed to this report.", "p", "credit"),
    ("The Associated Press contributed to this report.", "div", "article-credit"),
    ("Jane Doe contributed reporting from Brussels.", "p", "story__credits"),
    ("Agence France-Presse contributes to this story", "p", "credit"),
])
def test_a_contribution_note_is_no_author(credit, tag, cls):
    assert authors_with_credit(credit, tag=tag, cls=cls) == []


@pytest.mark.parametrize("credit, expected", [
    ("JIJI", ["JIJI"]),  # a wire's name alone is the credit
    ("By Anna Keller", ["Anna Keller"]),
    ("Anna Keller, Reuters", ["Anna Keller"]),
    # "contributing" as the writer's role, not a helper's verb (read as a note in session
    # 57's first fix, which took any "contribut..." word)
    ("Contributing writer Jane Doe", ["Jane Doe"]),
    # a credit that opens with "By" is a byline naming its helper after the writer
    ("By Jane Doe. Tom Kurz contributed reporting.", ["Jane Doe"]),
])
def test_a_credit_line_that_names_the_writer_keeps_its_reading(credit, expected):
    assert authors_with_credit(credit) == expected


def authors_with_byline(byline: str) -> list[str]:
    """The authors of a page whose byline element reads `byline`."""
    html = article_page(f'<p class="byline">{byline}</p>', headline=HEADLINE, site=SITE,
                        lang="en", body=english_story("the tram's costs"),
                        footer=f"© 2026 {SITE}")
    return metadata_of(html, "https://valleycourier.example/news/tram-line").authors


@pytest.mark.parametrize("byline, expected", [
    # the full stop was read as a space: one name of four words and the credit
    ("By Jane Doe. Tom Kurz contributed reporting.", ["Jane Doe"]),
    ("By Jane Doe; Tom Kurz contributed reporting from Kyiv.", ["Jane Doe"]),
    ("By Jane Doe. Additional reporting by Tom Kurz.", ["Jane Doe"]),
    ("By Jane Doe and Tom Kurz. Anna Berg contributed to this report.",
     ["Jane Doe", "Tom Kurz"]),
    ("By J. R. Doe. Tom Kurz contributed research.", ["J R Doe"]),
])
def test_a_helpers_credit_after_the_writer_is_no_author(byline, expected):
    assert authors_with_byline(byline) == expected


@pytest.mark.parametrize("byline, expected", [
    ("By Jane Doe | Contributing Writer", ["Jane Doe"]),  # the writer's own role
    ("Writing by Jane Doe; Reporting by Tom Kurz", ["Jane Doe", "Tom Kurz"]),
    ("By Jane Doe and Tom Kurz", ["Jane Doe", "Tom Kurz"]),
])
def test_a_byline_without_a_helpers_credit_keeps_its_names(byline, expected):
    assert authors_with_byline(byline) == expected
