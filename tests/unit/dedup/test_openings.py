"""Containment past a local intro (session 50): a copy that puts a few sentences of its
own before the original's opening is measured without them, so a cut and thinned copy of
a short story joins its original; stories that each open with their own paragraph and
then carry one long quote, or close on one outlet's boilerplate, stay apart."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg
from tests.unit.dedup.test_containment import (
    article,
    rows_of,
    sentence,
    text,
    thinned,
    truncated,
    with_intro,
)
from tests.unit.dedup.test_rules import _incremental, by_url, run

# A short story (~190 words in 5 paragraphs of 2 sentences), as local and agency copy runs
# shorter than our benches' >= 250-word bodies.
SHORT = [[sentence(random.Random(50 + i), 19) for i in range(2 * p, 2 * p + 2)]
         for p in range(5)]
# Cut to 60% of its paragraphs, every 4th sentence dropped, and a local intro of three
# sentences of its own in front: the intro is a third of the copy.
COPY = [[sentence(random.Random(7), 20), sentence(random.Random(8), 20),
         sentence(random.Random(9), 20)], *thinned(truncated(SHORT, 0.6), 4)]


def containment3(a: str, b: str) -> float:
    sa, sb = (set(s.tolist()) for s in sg.shingle_sets([a, b], 3))
    return len(sa & sb) / min(len(sa), len(sb))


def clusters(texts: list[str], **kw) -> list[str]:
    ids = [f"n{i}" for i in range(len(texts))]
    return nd.cluster_incremental(ids, np.arange(len(texts)), sg.sign(texts),
                                  new_texts=texts, containment=0.7, **kw).new_cluster


def test_the_intro_keeps_the_copy_under_the_level_on_three_word_shingles():
    # what the measure is for: everything but the intro is the original's
    assert containment3(text(SHORT), text(COPY)) < 0.65
    assert containment3(text(SHORT), text(COPY[1:])) > 0.8


def test_a_short_storys_copy_with_a_local_intro_joins_its_original():
    assert clusters([text(SHORT), text(COPY)]) == ["n0", "n0"]


def test_without_the_opening_measure_it_stays_apart(monkeypatch):
    monkeypatch.setattr(nd, "OPENING_SHINGLES", 0)
    assert clusters([text(SHORT), text(COPY)]) == ["n0", "n1"]


def test_the_copy_finds_its_original_among_earlier_commits():
    rows = rows_of({"https://wire.example/short": text(SHORT),
                    "https://local.example/short": text(COPY)})
    state = _incremental(rows, [1])
    assert len({c for c, _ in state.values()}) == 1
    # and the stage itself, one batch
    assert len({r["cluster_id"] for r in by_url(run(rows)).values()}) == 1


def test_an_intro_longer_than_the_opening_is_not_left_out():
    # ~150 words of the copy's own before the original: more than a local intro
    long_intro = [[sentence(random.Random(70 + i), 25)] for i in range(6)]
    copy = [*long_intro, *thinned(truncated(SHORT, 0.6), 4)]
    assert clusters([text(SHORT), text(copy)]) == ["n0", "n1"]


def _quoted(seed: int, quote: str) -> str:
    """A short story of its own: a 20-word first paragraph (so the quote's first words
    are in its 30-word lead), then `quote`, then 76 more words."""
    rest = [sentence(random.Random(seed * 10 + i), 19) for i in range(4)]
    return text([[sentence(random.Random(seed), 20)], [quote], rest])


QUOTE = "“" + " ".join(sentence(random.Random(4000 + i), 20) for i in range(10)) + "”"


def test_short_stories_sharing_a_long_quote_after_their_own_first_paragraph_stay_apart():
    """Each opens with its own line, then the same 200-word quote: measured without
    *both* openings they were 0.7 contained, and the quote's first words are in each
    30-word lead. An opening goes only before the other's first paragraph."""
    a, b = _quoted(1, QUOTE), _quoted(2, QUOTE)
    assert 0.5 < containment3(a, b) < 0.7
    assert clusters([a, b]) == ["n0", "n1"]


def test_both_openings_left_out_would_join_them(monkeypatch):
    # the condition above is what keeps them apart: without it they join
    a, b = _quoted(1, QUOTE), _quoted(2, QUOTE)
    monkeypatch.setattr(nd, "_opens_in", lambda opening, other: True)
    assert clusters([a, b]) == ["n0", "n0"]


def test_one_outlets_stories_sharing_an_about_paragraph_stay_apart():
    about = [[sentence(random.Random(900 + i), 22) for i in range(4)]]
    a = text([*truncated(article(11, 5), 0.6), *about])
    b = text([*truncated(article(12, 5), 0.6), *about])
    assert clusters([a, b]) == ["n0", "n1"]


@pytest.mark.parametrize("words", [5, 3])
def test_unmatched_opening_stops_at_the_first_paragraph_found_in_the_other(words):
    copy = text(COPY)
    opening = nd._opening_sets(copy, words)
    other = sg.shingle_sets([text(SHORT)], words)[0]
    # the intro paragraph is unmatched; the original's first paragraph is not
    assert len(opening) >= 2
    gone = nd._unmatched(opening, other)
    assert 0 < gone <= opening[0].size
    assert nd._opens_in(nd._opening_sets(text(SHORT), words), sg.shingle_sets([copy], words)[0])
    assert not nd._opens_in(opening, other)


def test_the_opening_holds_at_most_opening_shingles():
    long_first = text([[sentence(random.Random(i), 30) for i in range(5)], *SHORT])
    assert nd._opening_sets(long_first, 3) == []  # a 150-word first paragraph: no opening
    held = sum(s.size for s in nd._opening_sets(text(COPY), 3))
    assert 0 < held <= nd.OPENING_SHINGLES


def test_with_intro_copies_of_long_stories_still_join():
    # the copies test_containment has always joined
    original = article(1)
    copy = text(with_intro(thinned(truncated(original, 0.6), 3), 7))
    assert clusters([text(original), copy]) == ["n0", "n0"]
