"""Containment edges (issue 13): truncated, intro-added and thinned copies of a story join
their original; stories that share one long quote, and short teasers, do not glue."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.common.state import PriorArticles
from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg
from tasks.storage.warehouse import prior_from_tables
from tests.unit.dedup.test_rules import _incremental, by_url, row, run

VOCAB = [f"{a}{b}{c}" for a in ("ka", "lo", "pre", "men", "ter", "vi", "stra", "du")
         for b in ("ba", "de", "fi", "gon", "hu", "jat", "kel", "lum")
         for c in ("", "s", "er", "ing")]


def sentence(rnd: random.Random, n: int | None = None) -> str:
    return " ".join(rnd.choice(VOCAB) for _ in range(n or rnd.randrange(12, 25))) + "."


def article(seed: int, paragraphs: int = 10) -> list[list[str]]:
    """Paragraphs of sentences (~500 words)."""
    rnd = random.Random(seed)
    return [[sentence(rnd) for _ in range(3)] for _ in range(paragraphs)]


def text(paras: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paras)


def truncated(paras, share: float = 0.55):
    return paras[: max(1, round(len(paras) * share))]


def with_intro(paras, seed: int):
    rnd = random.Random(seed)
    return [[sentence(rnd), sentence(rnd)], *paras]


def thinned(paras, every: int = 4):
    """Every `every`-th sentence dropped (a sub-editor's trim)."""
    out, k = [], 0
    for p in paras:
        kept = []
        for s in p:
            k += 1
            if k % every:
                kept.append(s)
        out.append(kept or p[:1])
    return out


QUOTE = sentence(random.Random(999), 70)  # one long quote, ~70 words


def quoting(seed: int):
    """A story of its own that carries QUOTE as one paragraph."""
    paras = article(seed, 8)
    paras.insert(3, [QUOTE])
    return paras


ORIGINAL = article(1)
COPIES = {
    "https://wire.example/story": text(ORIGINAL),
    "https://regional-a.example/cut": text(truncated(ORIGINAL)),
    "https://regional-b.example/intro": text(with_intro(truncated(ORIGINAL, 0.7), 7)),
    "https://regional-c.example/thin": text(thinned(ORIGINAL)),
    "https://regional-d.example/all": text(with_intro(thinned(truncated(ORIGINAL, 0.6)), 8)),
}
QUOTERS = {"https://one.example/q": text(quoting(2)), "https://two.example/q": text(quoting(3))}


def rows_of(texts: dict[str, str], start: int = 0) -> list[dict]:
    return [row(u, t, start + i) for i, (u, t) in enumerate(texts.items())]


def jaccard_and_containment(a: str, b: str) -> tuple[float, float]:
    sa, sb = sg.shingle_sets([a, b], 5)
    inter = np.intersect1d(sa, sb).size
    return inter / (sa.size + sb.size - inter), inter / min(sa.size, sb.size)


def test_the_copies_are_below_the_jaccard_threshold_but_contained():
    original = COPIES["https://wire.example/story"]
    for url, copy in COPIES.items():
        if url == "https://wire.example/story":
            continue
        jac, cont = jaccard_and_containment(original, copy)
        # Without containment these would stay apart (the gap issue 13 measured).
        assert jac < 0.8 <= cont, (url, jac, cont)


def test_truncated_intro_and_thinned_copies_join_their_original():
    got = by_url(run(rows_of(COPIES)))
    assert {r["cluster_id"] for r in got.values()} == {got["https://wire.example/story"]["article_id"]}


def test_the_default_level_joins_a_heavily_edited_copy_that_0_8_would_not(monkeypatch):
    """A copy cut to 60%, every 3rd sentence dropped, a local intro in front: 0.76
    contained in its original. The default (0.7) joins it; the stricter 0.8 does not on
    the signature's 5-word shingles (on 3-word shingles it is 0.80 contained). (Measured
    past its intro, session 50's opening measure, it joins at 0.8 on either length: off
    here, test_openings.py has it.)"""
    monkeypatch.setattr(nd, "OPENING_SHINGLES", 0)
    copy = text(with_intro(thinned(truncated(ORIGINAL, 0.6), 3), 7))
    jac, cont = jaccard_and_containment(text(ORIGINAL), copy)
    assert jac < 0.4 and 0.7 <= cont < 0.8, (jac, cont)
    texts = {"https://wire.example/story": text(ORIGINAL), "https://regional.example/e": copy}
    joined = by_url(run(rows_of(texts)))
    assert len({r["cluster_id"] for r in joined.values()}) == 1
    ids, pair = ["wire", "regional"], [text(ORIGINAL), copy]
    sig = sg.sign(pair)

    def clusters(**kw):
        return set(nd.cluster_incremental(ids, np.arange(2), sig, new_texts=pair,
                                          containment=0.8, **kw).new_cluster)

    assert clusters(containment_shingle_words=None) == {"wire", "regional"}
    assert clusters(containment_shingle_words=5) == {"wire", "regional"}
    assert clusters() == {"wire"}  # 3-word containment 0.80


def test_a_copy_missing_every_second_sentence_joins_on_three_word_shingles():
    """Half the sentences dropped, cut to 60%, a local intro: each cut leaves four 5-word
    shingles across the gap that the original does not have, so the copy is only 0.64
    contained on 5-word shingles (below the default 0.7) but 0.73 on 3-word ones."""
    copy = text(with_intro(thinned(truncated(ORIGINAL, 0.6), 2), 7))
    _, cont5 = jaccard_and_containment(text(ORIGINAL), copy)
    assert 0.5 <= cont5 < 0.7, cont5
    texts = {"https://wire.example/story": text(ORIGINAL), "https://regional.example/h": copy}
    joined = by_url(run(rows_of(texts)))
    assert len({r["cluster_id"] for r in joined.values()}) == 1
    ids, pair = ["wire", "regional"], [text(ORIGINAL), copy]
    sig = sg.sign(pair)
    five = nd.cluster_incremental(ids, np.arange(2), sig, new_texts=pair, containment=0.7,
                                  containment_shingle_words=None)
    assert five.new_cluster == ids  # the 5-word measure alone keeps it apart

    def measured_again(texts):
        """(clusters, whether any 3-word set was made) of two texts at 0.7."""
        memo = nd.ShingleSetMemo(10**6)
        res = nd.cluster_incremental(["a", "b"], np.arange(2), sg.sign(texts),
                                     new_texts=texts, text_keys=([], ["ha", "hb"]),
                                     set_memo=memo, containment=0.7)
        return res.new_cluster, any(k.endswith("/k3") for k in memo._sets)

    # only a pair that misses on 5-word shingles is measured again
    assert measured_again(pair) == (["a", "a"], True)
    assert measured_again([pair[0], text(truncated(ORIGINAL, 0.6))]) == (["a", "a"], False)
    # nor does a story that shares a third of its words join on 3-word shingles
    shared = text(truncated(ORIGINAL, 0.35) + article(4242, 7))
    _, cont_shared = jaccard_and_containment(pair[0], shared)
    assert 0.25 < cont_shared < 0.5, cont_shared
    assert measured_again([pair[0], shared])[0] == ["a", "b"]


def test_a_copy_exactly_at_the_level_on_three_word_shingles_joins(monkeypatch):
    # the 3-word measure itself (past its intro the copy is contained further: the
    # opening measure, off here, test_openings.py)
    monkeypatch.setattr(nd, "OPENING_SHINGLES", 0)
    copy = text(with_intro(thinned(truncated(ORIGINAL, 0.6), 2), 7))
    pair = [text(ORIGINAL), copy]
    a, b = (set(s.tolist()) for s in sg.shingle_sets(pair, 3))
    level = len(a & b) / min(len(a), len(b))  # as the check computes it
    assert 0.7 < level < 0.8

    def clusters(at: float) -> list[str]:
        return nd.cluster_incremental(["wire", "regional"], np.arange(2), sg.sign(pair),
                                      new_texts=pair, containment=at).new_cluster

    assert clusters(level) == ["wire", "wire"]
    assert clusters(np.nextafter(level, 1.0)) == ["wire", "regional"]


def test_three_word_sets_are_memoised_beside_the_five_word_ones():
    copy = text(with_intro(thinned(truncated(ORIGINAL, 0.6), 2), 7))
    pair = [text(ORIGINAL), copy]
    memo = nd.ShingleSetMemo(10**6)
    keys = ([], ["h-wire", "h-copy"])
    res = nd.cluster_incremental(["wire", "regional"], np.arange(2), sg.sign(pair),
                                 new_texts=pair, text_keys=keys, set_memo=memo,
                                 containment=0.7)
    assert set(res.new_cluster) == {"wire"}
    # (and, since round 35, the leads a pair joined by containment alone is checked on)
    assert set(memo._sets) == {"h-wire", "h-copy", "h-wire/k3", "h-copy/k3",
                               "h-wire/lead3", "h-copy/lead3"}
    assert memo.get("h-wire/k3").tolist() == sg.shingle_sets([pair[0]], 3)[0].tolist()
    assert memo.get("h-wire").tolist() == sg.shingle_sets([pair[0]], 5)[0].tolist()
    # a second call takes every set from the memo: same answer without the texts' sets
    sig, counts = sg.sign_counted(pair)
    again = nd.cluster_incremental(["wire", "regional"], np.arange(2), sig,
                                   new_texts=["", ""], new_counts=counts, text_keys=keys,
                                   set_memo=memo, containment=0.7)
    assert again.new_cluster == res.new_cluster


def test_without_containment_the_copies_stay_apart():
    ids = list(COPIES)
    texts = list(COPIES.values())
    sig = sg.sign(texts)
    fs = np.arange(len(ids))
    on = nd.cluster_incremental(ids, fs, sig, new_texts=texts)
    off = nd.cluster_incremental(ids, fs, sig, new_texts=texts, containment=None)
    assert set(on.new_cluster) == {ids[0]}
    assert off.new_cluster == ids  # Jaccard alone: every copy on its own


def test_stories_sharing_one_long_quote_stay_apart():
    a, b = QUOTERS.values()
    jac, cont = jaccard_and_containment(a, b)
    assert cont > 0.1  # they do share the quote's shingles
    got = by_url(run(rows_of(QUOTERS)))
    assert len({r["cluster_id"] for r in got.values()}) == 2


def test_a_short_teaser_contained_in_two_stories_does_not_glue_them(monkeypatch):
    rnd = random.Random(5)
    # 48 words (44 shingles, under the 50 guard), and two short stories of their own that
    # repeat it: each pair's Jaccard is ~0.4, so the loose banding does make them
    # candidates, and containment of the teaser is 1.
    teaser = sentence(rnd, 48)
    one = text([[teaser], [sentence(rnd, 30), sentence(rnd, 30)]])
    two = text([[teaser], [sentence(rnd, 30), sentence(rnd, 30)]])
    rows = rows_of({"https://t.example/teaser": teaser, "https://t.example/one": one,
                    "https://t.example/two": two})
    got = by_url(run(rows))
    assert len({r["cluster_id"] for r in got.values()}) == 3
    # The size guard is what keeps them apart: without it, the teaser glues both.
    monkeypatch.setenv("PRESSROOM_NEARDUP_CONTAINMENT_MIN_SHINGLES", "5")
    glued = by_url(run(rows))
    assert len({r["cluster_id"] for r in glued.values()}) == 1


def test_estimate_mode_joins_copies_from_persisted_counts(monkeypatch):
    monkeypatch.setenv("PRESSROOM_NEARDUP_VERIFY", "estimate")
    rows = rows_of(COPIES)
    first = run(rows[:1])
    prior = dataclasses.replace(prior_from_tables(first.table, first.outputs["signatures"]),
                                texts=None)
    second = by_url(run(rows[1:], prior, run_id="r2"))
    assert second["https://regional-a.example/cut"]["cluster_id"] == rows[0]["article_id"]
    assert second["https://regional-c.example/thin"]["cluster_id"] == rows[0]["article_id"]


def test_rows_persisted_before_containment_still_cluster_by_jaccard():
    rows = rows_of({**COPIES, **QUOTERS})
    first = run(rows[:1])
    sigs = first.outputs["signatures"]
    legacy = sigs
    for name in ("shingle_count", "containment_keys"):  # as schema 5 rows read back
        legacy = legacy.set_column(legacy.schema.get_field_index(name), name,
                                   pa.nulls(sigs.num_rows, sigs.schema.field(name).type))
    exact = row("https://copy.example/same", COPIES["https://wire.example/story"], 50)
    second = by_url(run([exact, rows[1]], prior_from_tables(first.table, legacy), "r2"))
    # An exact copy still finds the legacy row through its band keys...
    assert second["https://copy.example/same"]["cluster_id"] == rows[0]["article_id"]
    # ... and the truncated copy joins that cluster through the exact copy's containment.
    assert second["https://regional-a.example/cut"]["cluster_id"] == rows[0]["article_id"]


CORPUS = rows_of({**COPIES, **QUOTERS, "https://other.example/x": text(article(40))})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(CORPUS))),
       st.lists(st.integers(0, len(CORPUS)), max_size=3))
def test_containment_clusters_do_not_depend_on_order_or_batches(perm, cuts):
    expected = {r["url"]: (r["cluster_id"], r["duplicate_of"])
                for r in run(CORPUS).table.to_pylist()}
    rows = [CORPUS[i] for i in perm]
    assert _incremental(rows, sorted(cuts)) == expected
    assert len({c for c, _ in expected.values()}) == 4  # the story, two quoters, other


def test_empty_prior_is_fine():
    assert run(CORPUS[:2], PriorArticles()).table.num_rows == 2


# Issue 13, candidate generation: wire stories cut to about a third. A prefix of 35% of
# the paragraphs is wholly contained in its original (containment 1.0) at Jaccard 0.3-0.35,
# where the earlier 42x3 loose banding shared no key for 5 of these 30 pairs (p = 0.79
# each), so they never reached the containment check; 64x2 (p = 0.9994) finds all 30.
SHORT_CUTS = [(text(article(seed, 12)), text(truncated(article(seed, 12), 0.35)))
              for seed in range(100, 130)]


def test_copies_cut_to_a_third_are_contained_but_far_below_the_jaccard_threshold():
    for original, cut in SHORT_CUTS:
        jac, cont = jaccard_and_containment(original, cut)
        assert 0.29 < jac < 0.36 and cont >= 0.7, (jac, cont)


def _short_cut_rows() -> tuple[list[dict], list[dict]]:
    originals = [row(f"https://wire.example/{i}", o, i) for i, (o, _) in enumerate(SHORT_CUTS)]
    cuts = [row(f"https://regional.example/{i}", c, 100 + i)
            for i, (_, c) in enumerate(SHORT_CUTS)]
    return originals, cuts


def test_copies_cut_to_a_third_join_their_original_in_one_batch():
    originals, cuts = _short_cut_rows()
    got = by_url(run(originals + cuts))
    for i in range(len(SHORT_CUTS)):
        assert got[f"https://regional.example/{i}"]["cluster_id"] == \
            got[f"https://wire.example/{i}"]["article_id"], i


def test_copies_cut_to_a_third_find_their_original_among_earlier_commits():
    """The per-commit path: the originals are persisted, the cuts come in a later batch and
    find them through the band-key index lookup (prior_from_tables answers as load_prior)."""
    originals, cuts = _short_cut_rows()
    first = run(originals)
    second = by_url(run(cuts, prior_from_tables(first.table, first.outputs["signatures"]),
                        "r2"))
    for i, original in enumerate(originals):
        assert second[f"https://regional.example/{i}"]["cluster_id"] == \
            original["article_id"], i


# Two different stories (6 paragraphs each) that carry the same 90-word quote: 0.21 of
# each one's shingles are shared (Jaccard 0.12), which makes them a 64x2 candidate pair.
QUOTE_90 = sentence(random.Random(1000), 90)


def _quoting_90(seed: int) -> str:
    paras = article(seed, 6)
    paras.insert(3, [QUOTE_90])
    return text(paras)


def test_a_candidate_pair_of_stories_sharing_a_long_quote_stays_apart():
    a, b = _quoting_90(20), _quoting_90(21)
    jac, cont = jaccard_and_containment(a, b)
    assert 0.2 < cont < 0.7
    # The loose banding does bring them together: verification is what keeps them apart.
    keys = sg.containment_keys(sg.sign([a, b]))
    assert set(keys[0]) & set(keys[1])
    got = by_url(run(rows_of({"https://one.example/q90": a, "https://two.example/q90": b})))
    assert len({r["cluster_id"] for r in got.values()}) == 2


# Three of the pairs 42x3 missed (seeds 122, 123, 125) and one it found.
SOME_CUTS = [SHORT_CUTS[i] for i in (0, 22, 23, 25)]
SHORT_CORPUS = rows_of({**{f"https://wire.example/{i}": o for i, (o, _) in enumerate(SOME_CUTS)},
                        **{f"https://regional.example/{i}": c
                           for i, (_, c) in enumerate(SOME_CUTS)},
                        "https://one.example/q90": _quoting_90(20),
                        "https://two.example/q90": _quoting_90(21)})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(SHORT_CORPUS))),
       st.lists(st.integers(0, len(SHORT_CORPUS)), max_size=3))
def test_short_cut_clusters_do_not_depend_on_order_or_batches(perm, cuts):
    expected = {r["url"]: (r["cluster_id"], r["duplicate_of"])
                for r in run(SHORT_CORPUS).table.to_pylist()}
    rows = [SHORT_CORPUS[i] for i in perm]
    assert _incremental(rows, sorted(cuts)) == expected
    assert len({c for c, _ in expected.values()}) == 6  # four stories, two quoters


# Round 35: two press releases of one company, each its own news in its lead, both closed
# by the company's long "About" paragraph and its legal notice.
ABOUT_ACME = (
    "About Acme Robotics. Acme Robotics designs and builds warehouse automation systems for "
    "retailers, grocers and logistics companies in more than 40 countries. Founded in 2009 "
    "and headquartered in Austin, Texas, the company employs 2,300 people and operates "
    "research centres in Munich, Bangalore and Toronto.\n\nForward-looking statements. This "
    "press release contains forward-looking statements within the meaning of the Private "
    "Securities Litigation Reform Act of 1995, including statements about our expected "
    "revenue, margins, product launches and market conditions. These statements are subject "
    "to risks and uncertainties that could cause actual results to differ materially, "
    "including supply chain disruptions, changes in customer demand, competition, currency "
    "fluctuations and the other risks described in our annual report on Form 10-K filed "
    "with the Securities and Exchange Commission. We undertake no obligation to update any "
    "forward-looking statement, whether as a result of new information, future events or "
    "otherwise, except as required by law.\n\nMedia contact: press@acme-robotics.example, "
    "+1 512 555 0100.")
RELEASES = {
    "https://acme.example/pr/dividend": (
        "AUSTIN, Texas, June 3, 2024 - Acme Robotics today announced that its board of "
        "directors declared a quarterly cash dividend of $0.12 per share, payable on July 15 "
        "to shareholders of record on June 28.\n\n" + ABOUT_ACME),
    "https://acme.example/pr/results-date": (
        "AUSTIN, Texas, June 10, 2024 - Acme Robotics will report its second-quarter results "
        "on August 1 after the market closes and will host a conference call for analysts at "
        "4:30 p.m. Eastern time.\n\n" + ABOUT_ACME),
}


def test_releases_sharing_a_long_about_paragraph_and_legal_notice_stay_apart():
    a, b = RELEASES.values()
    jac, cont = jaccard_and_containment(a, b)
    assert jac < 0.8 and cont >= 0.7, (jac, cont)  # contained, by the shared tail alone
    got = by_url(run(rows_of(RELEASES)))
    assert len({r["cluster_id"] for r in got.values()}) == 2
    # and across commits
    first = run(rows_of(dict([next(iter(RELEASES.items()))])))
    prior = prior_from_tables(first.table, first.outputs["signatures"])
    second = run(rows_of(dict(list(RELEASES.items())[1:]), start=5), prior=prior,
                 run_id="r2")
    assert second.table.column("duplicate_of").to_pylist() == [None]
    # dated the same day, the two leads share their dateline's words: still apart
    same_day = {u: t.replace("June 10,", "June 3,") for u, t in RELEASES.items()}
    got = by_url(run(rows_of(same_day)))
    assert len({r["cluster_id"] for r in got.values()}) == 2


def test_a_copy_whose_lead_is_the_originals_still_joins_despite_a_shared_tail():
    # the same release carried by a portal with its own two-line intro: the original's
    # lead is in the copy, so it is the same story
    a = RELEASES["https://acme.example/pr/dividend"]
    copy = ("Markets roundup: the robot maker's shares rose 2% in early trading on the "
            "news, which analysts had expected for weeks.\n\n" + a)
    got = by_url(run(rows_of({"https://acme.example/pr/dividend": a,
                              "https://portal.example/acme": copy})))
    assert len({r["cluster_id"] for r in got.values()}) == 1


def _lead_checked_texts() -> list[str]:
    """An original; two copies cut to a third, each with its own two-sentence intro (joined
    to the original by containment alone, Jaccard under 0.8); a copy thinned of every
    second sentence, with an intro, that joins only on 3-word shingles."""
    half = truncated(ORIGINAL, 0.3)
    return [text(ORIGINAL), text(with_intro(half, 11)), text(with_intro(half, 12)),
            text(with_intro(thinned(truncated(ORIGINAL, 0.6), 2), 7))]


def test_a_checker_asked_again_reads_the_leads_it_has_not_read():
    # seed 63: pairs come in rounds, and a node whose lead an earlier round read sits
    # beside nodes never read; two intro copies join through their original, not
    # directly (neither's lead is in the other)
    check = nd._ExactCheck(nd.EdgeRule(0.8, 0.7, 50), 5, 0, _lead_checked_texts(), None)
    assert [check(np.array(p))[0].tolist() for p in ([[0, 1]], [[1, 2]], [[0, 2]])] == [
        [True], [False], [True]]


def test_a_lead_is_compared_as_shingles_of_the_length_its_pair_was_joined_on():
    # seed 63: one check joins a pair on 5-word shingles and another on 3-word ones; the
    # original's lead read for the one is not the other's (its lead is what joins it to
    # the intro copy, whose own lead, the intro, the original lacks)
    texts = _lead_checked_texts()
    check = nd._ExactCheck(nd.EdgeRule(0.8, 0.7, 50), 5, 0, texts, None)
    joins, jac = check(np.array([[0, 1], [0, 3]]))
    assert joins.tolist() == [True, True] and (jac < 0.8).all()
    assert check.leads.keys() == {3, 5}


def test_a_lead_is_shared_from_a_fifth_of_its_shingles_the_largest_included():
    # seed 63: 1 of 5 is LEAD_SHARED exactly; the other's largest shingle is found (the
    # binary search's last position); an empty lead or other shares nothing
    other = np.array([1, 9, 40], np.uint32)
    assert nd._lead_found(np.array([2, 3, 4, 5, 9], np.uint32), other)
    assert nd._lead_found(np.array([40], np.uint32), other)
    assert not nd._lead_found(np.array([2, 3, 4, 5, 6, 9], np.uint32), other)
    assert not nd._lead_found(np.array([], np.uint32), other)
    assert not nd._lead_found(np.array([9], np.uint32), np.array([], np.uint32))


# Chinese and Japanese copies: sentences of letters with no space between words, so a
# token per whitespace-separated run was a whole sentence, and a copy with one sentence
# in three dropped shared no 5-token shingle across each gap (the signing now takes one
# token per kana or ideograph: tasks/dedup/signing.py, `_letter_token_starts`).
HANZI = [chr(c) for c in range(0x4E00, 0x4E00 + 600)]
KANA = [chr(c) for c in range(0x3041, 0x3097)]


def zh_sentence(rnd: random.Random, letters=HANZI, n: int | None = None) -> str:
    return "".join(rnd.choice(letters) for _ in range(n or rnd.randrange(15, 35))) + "。"


def zh_article(seed: int, paragraphs: int = 10, letters=HANZI) -> list[list[str]]:
    rnd = random.Random(seed)
    return [[zh_sentence(rnd, letters) for _ in range(3)] for _ in range(paragraphs)]


def zh_text(paras: list[list[str]]) -> str:
    return "\n\n".join("".join(p) for p in paras)


def zh_copies(original: list[list[str]], seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    intro = [[zh_sentence(rnd), zh_sentence(rnd)]]
    return {
        "https://wire.example/zh": zh_text(original),
        "https://regional-a.example/zh-cut": zh_text(truncated(original)),
        "https://regional-b.example/zh-intro": zh_text(intro + truncated(original, 0.7)),
        "https://regional-c.example/zh-thin": zh_text(thinned(original, 3)),
        "https://regional-d.example/zh-all": zh_text(intro + thinned(truncated(original, 0.6))),
    }


@pytest.mark.parametrize("letters", [HANZI, HANZI + KANA], ids=["chinese", "japanese"])
def test_chinese_and_japanese_copies_join_their_original(letters):
    copies = zh_copies(zh_article(21, letters=letters), 22)
    got = by_url(run(rows_of(copies)))
    assert {r["cluster_id"] for r in got.values()} == {got["https://wire.example/zh"]["article_id"]}


def test_a_thinned_chinese_copy_shares_most_of_its_shingles_with_its_original():
    original = zh_article(23)
    jac, cont = jaccard_and_containment(zh_text(original), zh_text(thinned(original, 3)))
    assert cont >= 0.7 > jac, (jac, cont)


def test_chinese_stories_sharing_one_long_quote_stay_apart():
    quote = zh_sentence(random.Random(998), n=140)
    stories = {}
    for seed, url in ((24, "https://one.example/zh-q"), (25, "https://two.example/zh-q")):
        paras = zh_article(seed, 8)
        paras.insert(3, [quote])
        stories[url] = zh_text(paras)
    _, cont = jaccard_and_containment(*stories.values())
    assert cont > 0.1  # they do share the quote's shingles
    got = by_url(run(rows_of(stories)))
    assert len({r["cluster_id"] for r in got.values()}) == 2


def test_a_chinese_lead_is_thirty_words_of_two_letters():
    # 30 words as word_count counts them: 60 letters, or Latin words and letters mixed
    assert nd._lead("字" * 500) == "字" * 60
    assert nd._lead("新华社 北京 " + "字" * 500) == "新华社 北京 " + "字" * 55
    assert nd._lead("AUSTIN Texas " + "字" * 500) == "AUSTIN Texas " + "字" * 56
    latin = " ".join(f"w{i}" for i in range(40))
    assert nd._lead(latin) == " ".join(f"w{i}" for i in range(30))


def test_chinese_releases_sharing_a_long_closing_section_stay_apart():
    # each its own news in its first 200 letters, then one company's 800-letter "About"
    # section and legal notice: 0.8 contained in each other, Jaccard 0.67. The lead of
    # the first 1,200 letters took the shared section in with it and joined them.
    rnd = random.Random(31)
    about = "".join(zh_sentence(rnd, n=39) for _ in range(20))
    releases = {f"https://acme.example/zh/{i}": "".join(zh_sentence(rnd, n=39)
                                                       for _ in range(5)) + "\n\n" + about
                for i in range(2)}
    jac, cont = jaccard_and_containment(*releases.values())
    assert jac < 0.8 and cont >= 0.7, (jac, cont)
    got = by_url(run(rows_of(releases)))
    assert len({r["cluster_id"] for r in got.values()}) == 2


THAI = [chr(c) for c in range(0x0E01, 0x0E2F)]  # the consonants


def thai_text(paras: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paras)  # a space ends a Thai sentence


def test_thai_copies_join_their_original():
    # Thai, like Chinese, puts no space between words: a sentence was one token, and a
    # copy with one sentence in three dropped shared no 5-token shingle across each gap
    rnd = random.Random(41)
    original = [[zh_sentence(rnd, THAI)[:-1] for _ in range(3)] for _ in range(10)]
    copies = {"https://wire.example/th": thai_text(original),
              "https://regional-a.example/th-thin": thai_text(thinned(original, 3)),
              "https://regional-b.example/th-all": thai_text(
                  thinned(truncated(original, 0.6), 4))}
    got = by_url(run(rows_of(copies)))
    assert {r["cluster_id"] for r in got.values()} == {got["https://wire.example/th"]["article_id"]}


def test_a_thai_lead_is_thirty_words_of_five_letters():
    assert nd._lead("ก" * 500) == "ก" * 150
    assert nd._lead("AP " + "ก" * 500) == "AP " + "ก" * 145


def test_a_latin_word_written_onto_a_chinese_or_thai_letter_is_a_word_of_its_own():
    # seed 69: "中a" is half a word and a word; "กa" a fifth of one and a word
    assert nd._lead("中a " * 100) == "中a " * 20  # cut before the 21st letter
    assert nd._lead("กa " * 100) == "กa " * 25


def test_a_lead_is_read_from_forty_characters_a_word_at_most():
    # seed 69: words of 49 letters: the first 1,200 characters hold 24 of them
    word = "x" * 49
    assert nd._lead(f"{word} " * 60) == " ".join([word] * 24)


@pytest.mark.parametrize("letter", ["\u30ff", "\u4dbf", "\u9fff", "\ufaff", "\u0eff",
                                    "\u109f", "\u17ff"])
def test_the_last_letter_of_each_range_is_a_token_of_its_own(letter):
    # seed 69: each range of CJK_RANGES and UNSPACED_RANGES holds its last code point
    assert len(sg._token_hashes([letter * 3])[0]) == 3
