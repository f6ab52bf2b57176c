"""Seed 85 (session 61): hand mutants of family K's rules (session 60: `_UI_EXACT`'s new
entries, `_apparatus_line`, `_apparatus_run`, `_drop_restating_lists`) that no test
killed, each case failing on its mutant and passing on the code; the near misses (story
prose like the apparatus) stay on both."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line
from tests.unit.clean.test_longread_furniture67 import _kept
from tests.unit.clean.test_small_sites57 import EN


@pytest.mark.parametrize("line", ["Nächstes Video", "Volgende video"])
def test_the_next_clip_s_label_alone_on_its_line_goes(line):
    # UI1: the German label, which K's pages did not hold alone on a line
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", ["Nächstes Video: Hochwasser im Hafen",
                                  "Das nächste Video zeigt den Hafen."])
def test_a_line_that_goes_on_after_the_label_stays(line):
    assert classify_line(line) is None


def test_a_sentence_over_a_bare_clip_length_stays():
    # AR2: a clip's title ends on no full stop; a paragraph of the story that does, above
    # a line "2:31", is no title of a video card
    sentence = "The pier reopened on Tuesday after two years of repairs."
    kept = _kept("\n".join([EN[0], sentence, "2:31", EN[1], EN[2]]))
    assert sentence in kept


def test_a_title_over_a_bare_clip_length_goes():
    # (near miss: the card's title and length)
    kept = _kept("\n".join([EN[0], "Mayor opens the rebuilt pier", "2:31", EN[1], EN[2]]))
    assert "Mayor opens the rebuilt pier" not in kept and "2:31" not in kept


def test_a_reference_heading_over_a_gallery_s_counter_stays():
    # AR8: the heading goes only before a reference entry (a "credit"), not before any
    # apparatus line ("3 / 12" is a gallery's position, "ui")
    kept = _kept("\n".join([EN[0], "Sources", "3 / 12", EN[1], EN[2]]))
    assert "Sources" in kept


YEARS = ["2019 was the year the council first voted on a new bridge over the river.",
         "2021 brought a second vote, and the plan was approved by a single vote.",
         "2024 saw the old bridge closed for good after an inspection."]


def test_paragraphs_opening_with_years_under_a_timeline_heading_stay():
    # AR10: a widget's events are list items ("- 1998 ..."); the story's paragraphs that
    # open with a year, under its own subheading, are no widget
    kept = _kept("\n".join([EN[0], "Timeline", *YEARS, EN[1], EN[2]]))
    assert all(year in kept for year in YEARS)


def test_list_items_opening_with_years_under_a_timeline_heading_go():
    # (near miss: the widget)
    kept = _kept("\n".join([EN[0], "Timeline", *("- " + y for y in YEARS), EN[1], EN[2]]))
    assert not any(year in k for k in kept for year in YEARS)


def test_a_timeline_heading_over_one_dated_item_stays():
    # AR12: at least TIMELINE_MIN_ITEMS (2) events make a widget; one dated item under
    # the heading is the story's
    kept = _kept("\n".join([EN[0], "Timeline", "- " + YEARS[0], EN[1], EN[2]]))
    assert "Timeline" in kept and "- " + YEARS[0] in kept
