"""A copy joined on 5-word containment whose lead is not shared on 5-word shingles is
measured again on 3-word ones (session 50): thinning that takes the lead's second
sentence leaves a 5-word lead share under LEAD_SHARED, a 3-word one over it."""

from __future__ import annotations

import random

import numpy as np

from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg
from tests.unit.dedup.test_containment import article, sentence, text, truncated

# The lead: an 8-word first sentence, then a 22-word one (30 words: LEAD_WORDS).
ORIGINAL = [[sentence(random.Random(1), 8), sentence(random.Random(2), 22),
             sentence(random.Random(3), 20)], *article(60, 9)]
# A local intro, then the first 60% with the lead's second sentence dropped.
COPY = [[sentence(random.Random(4), 18), sentence(random.Random(5), 18)],
        [ORIGINAL[0][0], ORIGINAL[0][2]], *truncated(ORIGINAL, 0.6)[1:]]


def lead_share(k: int) -> float:
    lead = sg.shingle_sets([nd._lead(text(ORIGINAL))], k)[0]
    other = sg.shingle_sets([text(COPY)], k)[0]
    return float(np.isin(lead, other).mean())


def clusters() -> list[str]:
    pair = [text(ORIGINAL), text(COPY)]
    return nd.cluster_incremental(["wire", "local"], np.arange(2), sg.sign(pair),
                                  new_texts=pair, containment=0.7).new_cluster


def test_the_copy_is_contained_but_its_lead_is_shared_on_three_word_shingles_only():
    a, b = sg.shingle_sets([text(ORIGINAL), text(COPY)], 5)
    assert np.intersect1d(a, b).size / min(a.size, b.size) >= 0.7
    assert lead_share(5) < nd.LEAD_SHARED <= lead_share(3)


def test_a_copy_missing_its_leads_second_sentence_joins_its_original():
    assert clusters() == ["wire", "wire"]


def test_with_the_five_word_lead_alone_it_stays_apart(monkeypatch):
    monkeypatch.setattr(nd, "RECHECK_FAILED_LEADS", False)
    assert clusters() == ["wire", "local"]


def test_without_the_three_word_recheck_the_five_word_lead_decides():
    pair = [text(ORIGINAL), text(COPY)]
    res = nd.cluster_incremental(["wire", "local"], np.arange(2), sg.sign(pair),
                                 new_texts=pair, containment=0.7,
                                 containment_shingle_words=None)
    assert res.new_cluster == ["wire", "local"]
