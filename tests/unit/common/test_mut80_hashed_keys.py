"""Seed 80: `HashedKeys` (fault round 56), the known inputs' keys held as sorted 64-bit
hashes: it must answer `in` as the frozenset of the same keys did (the input keys of a
warehouse's articles: URLs, a dump's line keys, some with lone surrogates from a
mis-decoded feed), whether built at once or chunk by chunk, and compare as a value."""

from __future__ import annotations

import pytest

from tasks.common.state import HashedKeys

URLS = [f"https://example.org/news/{i}/story-{i * 7919 % 1000}.html" for i in range(300)]


def test_answers_in_as_the_set_of_its_keys():
    keys = HashedKeys(URLS[:200])
    assert all(u in keys for u in URLS[:200])
    assert not any(u in keys for u in URLS[200:])
    assert len(keys) == 200


def test_a_key_twice_counts_once():
    assert len(HashedKeys(["https://a.example/1", "https://a.example/1", "b"])) == 2


def test_the_empty_set_holds_nothing():
    assert "https://a.example/1" not in HashedKeys()
    assert "" not in HashedKeys()
    assert len(HashedKeys()) == 0


def test_only_strings_are_keys():
    keys = HashedKeys(["https://a.example/1"])
    assert b"https://a.example/1" not in keys
    assert None not in keys


def test_a_key_with_a_lone_surrogate_is_held():
    odd = "https://a.example/caf\udce9"  # a byte of Latin-1 read as UTF-8 with surrogateescape
    keys = HashedKeys([odd])
    assert odd in keys
    assert "https://a.example/caf\u00e9" not in keys


@pytest.mark.parametrize("sizes", [(100, 100, 100), (300,), (1, 299), (0, 300, 0)])
def test_built_chunk_by_chunk_it_is_the_same_set(sizes):
    chunks, at = [], 0
    for n in sizes:
        chunks.append(URLS[at:at + n])
        at += n
    whole = HashedKeys(URLS)
    made = HashedKeys.of_chunks(chunks)
    assert made == whole
    assert hash(made) == hash(whole)
    assert all(u in made for u in URLS)
    assert len(made) == len(URLS)


def test_no_chunks_is_the_empty_set():
    made = HashedKeys.of_chunks([])
    assert made == HashedKeys()
    assert len(made) == 0
    assert URLS[0] not in made


def test_chunks_repeating_keys_count_them_once():
    assert len(HashedKeys.of_chunks([URLS[:10], URLS[5:15]])) == 15


def test_compares_as_a_value():
    assert HashedKeys(URLS[:3]) == HashedKeys(reversed(URLS[:3]))
    assert HashedKeys(URLS[:3]) != HashedKeys(URLS[:4])
    assert HashedKeys(URLS[:3]) != frozenset(URLS[:3])
    assert {HashedKeys(URLS[:3]): "known"}[HashedKeys(URLS[2::-1])] == "known"
