"""A run whose near-duplicate settings differ from those the warehouse's signatures were
made with (fault round 29): refused in the settings' own words, before any work (the
command line and the ingest flow ask `settings_problem`), and at dedup with the same
sentence. It was a ValueError at the first batch's dedup, after its fetching and
extraction, naming fingerprints and a "rebuild signatures" no command does."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pytest

from tasks.common.settings import Settings, settings_slice
from tasks.common.state import PriorArticles
from tasks.dedup import rules as dedup
from tasks.dedup import settings_problem
from tasks.dedup import signing as sg
from tasks.dedup.rules import DedupConfig

CFG = settings_slice(DedupConfig, Settings())
MADE = dedup.minhash_params(CFG).fingerprint  # the default's: mh32-p128-b16x8-k5-s...


def test_signatures_made_with_other_settings_are_named_in_the_settings_words():
    other = dataclasses.replace(CFG, neardup_bands=32, neardup_rows=4)
    assert settings_problem({MADE}, other) == (
        "the warehouse's near-duplicate signatures were made with neardup_bands=16, "
        "neardup_rows=8, neardup_shingle_words=5, and this run asks for neardup_bands=32, "
        "neardup_rows=4, neardup_shingle_words=5: signatures of the two cannot be compared. "
        "Set those settings back (PRESSROOM_NEARDUP_BANDS, PRESSROOM_NEARDUP_ROWS, "
        "PRESSROOM_NEARDUP_SHINGLE_WORDS or pressroom.toml), or ingest into a new warehouse")


def test_the_same_settings_or_no_signatures_fit():
    assert settings_problem({MADE}, CFG) is None
    assert settings_problem(set(), dataclasses.replace(CFG, neardup_shingle_words=3)) is None


def test_dedup_refuses_with_the_same_sentence():
    other = dataclasses.replace(CFG, neardup_shingle_words=3)
    prior = PriorArticles(fingerprints=lambda: {MADE})
    with pytest.raises(ValueError, match=r"^the warehouse's near-duplicate signatures were "
                       r"made with neardup_bands=16, neardup_rows=8, neardup_shingle_words=5, "
                       r"and this run asks for .*neardup_shingle_words=3"):
        dedup._check_params(prior, dedup.minhash_params(other))


def test_a_fingerprint_of_no_known_form_is_named_as_written():
    assert "made with 'minhash-v0'" in settings_problem({"minhash-v0"}, CFG)


def test_the_fingerprints_are_read_from_the_committed_signatures(tmp_path, monkeypatch):
    from tasks.storage.warehouse import signature_fingerprints
    from tests.unit.dedup.test_rules import _committed, row, story

    assert signature_fingerprints(tmp_path) == set()
    _committed(tmp_path, monkeypatch, [[row("https://a.example/1", story(1, 300), 10)]])
    assert signature_fingerprints(tmp_path) == {MADE}


def test_signatures_made_with_two_other_settings_are_both_named():
    # seed 61: a warehouse whose signatures carry two other fingerprints (two earlier runs
    # each with its own settings) names both, one after the other
    first = dedup.minhash_params(dataclasses.replace(CFG, neardup_bands=32, neardup_rows=4))
    second = dedup.minhash_params(dataclasses.replace(CFG, neardup_shingle_words=3))
    problem = settings_problem({first.fingerprint, second.fingerprint}, CFG)
    assert problem.startswith(
        "the warehouse's near-duplicate signatures were made with neardup_bands=16, "
        "neardup_rows=8, neardup_shingle_words=3; neardup_bands=32, neardup_rows=4, "
        "neardup_shingle_words=5, and this run asks for neardup_bands=16, neardup_rows=8, "
        "neardup_shingle_words=5: ")


def test_a_warehouse_signed_before_cjk_letter_tokens_is_signed_on_into():
    # its rows carry the fingerprint without the token marker: the same signatures for
    # every text without a Chinese or Japanese letter, so they compare with today's
    params = dedup.minhash_params(CFG)
    assert MADE == f"{params.word_token_fingerprint}-{sg.LETTER_TOKENS}"
    assert settings_problem({params.word_token_fingerprint}, CFG) is None
    assert settings_problem({params.word_token_fingerprint, MADE}, CFG) is None
    # of other settings, either form is named in the settings' words
    other = dedup.minhash_params(dataclasses.replace(CFG, neardup_bands=32, neardup_rows=4))
    for made in (other.fingerprint, other.word_token_fingerprint):
        assert settings_problem({made}, CFG).startswith(
            "the warehouse's near-duplicate signatures were made with neardup_bands=32, "
            "neardup_rows=4, neardup_shingle_words=5, and this run asks for neardup_bands=16")


def test_copies_join_articles_committed_before_cjk_letter_tokens():
    from tasks.storage.warehouse import prior_from_tables
    from tests.unit.dedup.test_rules import by_url, edited, row, run, story

    first = run([row("https://a.example/1", story(7, 300), 10)])
    params = dedup.minhash_params(CFG)
    old = first.outputs["signatures"]
    old = old.set_column(old.schema.get_field_index("params"), "params",
                         pa.array([params.word_token_fingerprint] * old.num_rows))
    prior = prior_from_tables(first.table, old)
    second = run([row("https://b.example/2", edited(story(7, 300), 5, 1), 20)], prior=prior,
                 run_id="r2")
    got = by_url(second)["https://b.example/2"]
    assert got["duplicate_of"] == first.table.column("article_id")[0].as_py()
    assert second.outputs["signatures"].column("params").to_pylist() == [MADE]
