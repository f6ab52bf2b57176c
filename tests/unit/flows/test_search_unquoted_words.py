"""`pressroom search` of words typed without quotes (fault round 48).

`search storm floods` was "Got unexpected extra argument(s) (floods)", exit 2, and
`search storm -weather` with the warehouse from PRESSROOM_WAREHOUSE read `-w eather`:
"no warehouse at eather" (round 47's known item)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("words", [["floods", "storm"], ["storm", "floods"],
                                   ["floods", "coast", "-f", "csv"]])
def test_words_typed_without_quotes_are_one_query(search, search_wh, words):
    args = words if "-f" in words else [*words, "-f", "csv"]
    out = search(*args, "-w", str(search_wh))
    assert out.exit_code == 0, out.output
    assert "/a2" in out.output, out.output
    if "coast" in words:  # every word must match: the river's story has no coast
        assert "/a1" not in out.output, out.output


def test_an_excluded_word_typed_after_another_is_the_query(search, search_wh):
    out = search("-storm", "floods", "-f", "csv", "-w", str(search_wh))
    assert out.exit_code == 0, out.output
    assert "/a1" in out.output and "/a2" not in out.output, out.output


@pytest.mark.parametrize("word", ["-weather", "-war", "-world"])
def test_an_excluded_word_of_the_warehouse_options_letter_is_no_warehouse(
        search, search_wh, word, tmp_path, monkeypatch):
    """With the warehouse named by PRESSROOM_WAREHOUSE, `-weather` is the word (no folder
    `eather` here): the flood story, which holds no "weather"."""
    monkeypatch.chdir(tmp_path)
    out = search("floods", word, "-f", "csv", env={"PRESSROOM_WAREHOUSE": str(search_wh)})
    assert out.exit_code == 0, out.output
    assert "/a1" in out.output and "/a2" in out.output, out.output


def test_a_warehouse_attached_to_its_option_is_still_the_warehouse(search, search_wh,
                                                                  tmp_path, monkeypatch):
    """The guard: `-w<path>` of a folder that exists, or of a path with a `/`, is the
    warehouse, as before (a missing one is named, not searched for as a word)."""
    monkeypatch.chdir(search_wh.parent)
    out = search("floods", f"-w{search_wh.name}", "-f", "csv")
    assert out.exit_code == 0 and "/a1" in out.output, out.output
    out = search("floods", f"-w{tmp_path}/typo")
    assert out.exit_code == 2 and "no warehouse at" in out.output, out.output
