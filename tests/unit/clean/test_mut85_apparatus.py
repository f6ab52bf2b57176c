"""Seed 85 (session 61): hand mutants of family K's rules (session 60: `_UI_EXACT`'s new
entries, `_apparatus_line`, `_apparatus_run`, `_drop_restating_lists`) that no test
killed, each case failing on its mutant and passing on the code; the near misses (story
prose like the apparatus) stay on both."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate
from tests.unit.clean.test_longread_furniture67 import _kept
from tests.unit.clean.test_small_sites57 import EN


@pytest.mark.parametrize("line", [
    "Nächstes Video", "Volgende video",  # UI1: the German label alone on its line
    "Republish this story",  # UI3: the button's other wording (K tested "... article")
])
def test_the_next_clip_s_label_or_the_republishing_button_alone_goes(line):
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



@pytest.mark.parametrize("line", ["Reviewed by Ofcom, the advert was found misleading.",
                                  "Fact checked by Reuters, the claim proved false."])
def test_a_reviewer_credit_that_goes_on_in_a_sentence_stays(line):
    # RB4: the credit is the whole line (a name and its degrees, nothing after)
    assert classify_line(line) is None


def test_a_video_card_is_three_apparatus_lines():
    # AR7: the card's label, title and length go together, counted as the apparatus (the
    # length alone would go as a clock's "date" line, the count told apart)
    result = remove_boilerplate("\n".join([EN[0], "Prossimo video",
                                           "Ferry strike leaves islanders stranded", "3:07",
                                           EN[1], EN[2]]))
    assert result.removed == {"apparatus": 3}


def test_a_paragraph_under_a_picture_s_position_is_no_caption_when_long():
    # AR14: a caption is a sentence or two (GALLERY_CAPTION_MAX_WORDS); a longer block
    # under "Bild 4 von 11" is the story's, and only the position goes
    paragraph = " ".join([EN[1], EN[2], EN[3]])
    result = remove_boilerplate("\n".join([EN[0], "Bild 4 von 11", paragraph]))
    assert paragraph in result.text and "Bild 4 von 11" not in result.text
