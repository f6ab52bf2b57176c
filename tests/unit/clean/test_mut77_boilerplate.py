"""Seed 77: the lines session 53 taught `classify_line` (CMS furniture of issue 13's
pages), at their edges: a labelled button's punctuation and its one-word label, a
page's short address after its label, prose after a "Related:" cue (ten words, a
sentence's end, its closing quote), and a picture's label before its credit."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line


@pytest.mark.parametrize("line, kind", [
    ("Print Print this page!", "ui"),
    ("Print Print this page .", "ui"),
    ("Print print", "ui"),  # the icon's name and a one-word button of the same word
    ("Share: share this article", "ui"),
    ("Feedback: Send us your feedback", "ui"),
    ("Feedback: More", None),  # a one-word button after another word's colon
    ("Share Share this article now", None),  # no button: words after it
])
def test_a_button_behind_its_label_is_ui(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line, kind", [
    ("Permalink: https://p.dw.com/p/3WRPd", "ui"),
    ("Short link https://x.example/z", "ui"),
    ("Shortlink: https://x.example/z", "ui"),
    ("Short URL: https://x.example/z", "ui"),
    ("Kurz-URL: https://x.example/z", "ui"),
    ("Permalink https://a.example/c and more", None),
])
def test_a_page_s_short_address_after_its_label_is_ui(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line, kind", [
    # ten words after the cue, a sentence: the story's own prose
    ("Related: a separate study found that traffic on the bridge doubled.", None),
    ('Related: a separate study found that traffic on the bridge doubled."', None),
    # nine words, no sentence's end, or a capital after the cue: a linked headline
    ("Related: a separate study found traffic on the bridge doubled.", "related"),
    ("Related: a separate study found that traffic on the bridge doubled", "related"),
    ("RELATED: A separate study found that traffic on the old bridge had doubled.",
     "related"),
])
def test_prose_after_a_related_cue_stays(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line, kind", [
    ("Image copyright Getty Images", "credit"),
    ("Image copyright", "credit"),
    ("Media caption The ship sank", "credit"),
    ("Image caption @BBCSport", "credit"),
    ("Image copyright laws were at the centre", None),
])
def test_a_picture_s_label_before_its_credit_is_a_credit(line, kind):
    assert classify_line(line) == kind
