"""A site's "page not found" page served with a 200 (`tasks/extract/notfound.py`, fault
round 21): the rules of `not_found_claim` on their own. The pages through `extract.run`
are in test_pages.py. Seed 55: each test here kills a mutant the round's tests left."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.extract import notfound
from tasks.extract.notfound import not_found_claim

SITE = ("Page not found | The Harbour Gazette | News from the harbour city | Sport and "
        "weather | Culture and opinion | ")


def _page(title: str | None, heading: str | None = None) -> lxml_html.HtmlElement:
    head = f"<title>{title}</title>" if title is not None else ""
    h1 = f"<h1>{heading}</h1>" if heading is not None else ""
    return lxml_html.fromstring(
        f"<html><head>{head}</head><body>{h1}<p>The harbour bridge reopened on Monday after "
        "two years of repairs.</p></body></html>")


def test_the_phrases_are_the_data_files_lines_without_its_comments() -> None:
    # The loader runs once at import; called here so that its reading of the data file
    # (blank and comment lines skipped, each line compared as a title's words are) is
    # checked on its own.
    phrases = notfound._load_phrases()
    assert phrases == notfound.PHRASES
    assert {"404", "page not found", "oops that page can t be found",
            "seite nicht gefunden", "page introuvable"} <= phrases
    assert "" not in phrases  # a blank line is no phrase: a title of only "–" is none
    assert not any(p.startswith(("numbers and english", "what a site s")) for p in phrases)


def test_a_title_of_only_punctuation_is_no_claim() -> None:
    assert not_found_claim(_page("–", "Harbour bridge reopens")) is None
    assert not_found_claim(_page("* * *")) is None


def test_a_title_of_up_to_120_characters_is_read_and_a_longer_one_is_a_storys() -> None:
    at_most = SITE + "Since 1878"
    over = SITE + "Since 1878."
    assert (len(at_most), len(over)) == (notfound._MAX_CHARS, notfound._MAX_CHARS + 1)
    assert not_found_claim(_page(at_most)) is not None
    assert not_found_claim(_page(over)) is None
    # whitespace runs count as one space, as browsers show a title
    assert not_found_claim(_page(at_most.replace(" | ", "  \n |  "))) is not None


def test_the_claim_last_in_a_title_of_three_parts_is_read_beside_the_site_name() -> None:
    assert not_found_claim(_page("The Gazette | News from the harbour | Page not found"))
    # the part before the claim is no site's name of up to five words: a headline's
    assert not_found_claim(
        _page("The Gazette | News from the old harbour city | 404")) is None


def test_an_h1_is_read_whole_not_by_title_segments() -> None:
    # a story headline whose first half is a phrase: the <title> names the story alone
    page = _page("Oslo's missing statue | The Gazette", "Not found – Oslo's missing statue")
    assert not_found_claim(page) is None
    assert not_found_claim(_page("The Gazette", "Page not found")) is not None


@pytest.mark.parametrize(("title", "heading", "detail"), [
    ("Page not found | The Gazette", "Sorry", "the page's <title> 'Page not found | The "
     "Gazette' says it is not there: a site's 404 page served with status 200"),
    ("The Gazette", "Oops! That page can’t be found.", "the page's <h1> 'Oops! That page "
     "can’t be found.' says it is not there: a site's 404 page served with status 200"),
    (None, "404", "the page's <h1> '404' says it is not there: a site's 404 page served "
     "with status 200"),
])
def test_the_claim_says_which_element_and_what_it_says(title, heading, detail) -> None:
    assert not_found_claim(_page(title, heading)) == detail


@pytest.mark.parametrize(("title", "heading", "claimed"), [
    # a story whose headline opens with a phrase: its title repeats the headline's parts
    ("Not found – Oslo's missing statue | The Gazette", "Not found – Oslo's missing statue",
     False),
    ("404 - The number that broke the web | Gazette", "404 - The number that broke the web",
     False),
    # a 404 template: its <h1> is the phrase alone, or an apology, or missing
    ("Not found – Oslo's missing statue | The Gazette", "Not found", True),
    ("Page not found | The Gazette", "Sorry, we could not find that page", True),
    ("Page not found | The Gazette", "", True),
])
def test_a_title_claim_gives_way_to_a_headline_that_opens_with_the_phrase(
        title: str, heading: str, claimed: bool) -> None:
    h1 = f"<h1>{heading}</h1>" if heading else ""
    tree = lxml_html.fromstring(f"<html><head><title>{title}</title></head><body>{h1}"
                                "<p>The statue stood in the harbour for a century.</p>"
                                "</body></html>")
    assert (not_found_claim(tree) is not None) is claimed
