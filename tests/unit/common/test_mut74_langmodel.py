"""Mutation seed 74: the automaton walked for all of a text's bytes at once
(tasks.common.langmodel.windowed_visits), on the case its mutants were not asked."""

from __future__ import annotations

import pytest
from py3langid.langid import LanguageIdentifier, visit_counts

from tasks.common import langmodel


@pytest.fixture
def identifier(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return langmodel.language_identifier()


def test_the_feature_numbered_zero_is_counted(identifier):
    # The model's feature 0 is found after a line break, a quotation mark and a capital:
    # the random words and bytes of test_langmodel.py's texts never hold it, and a walk
    # that took 0 for "no feature" (as -1 is) scored such a text without it.
    data = LanguageIdentifier._encode('The minister said:\n"A new bridge opens on Monday."')
    theirs = visit_counts(identifier.tk_nextmove, identifier._rowbase,
                          identifier.tk_output, data)
    assert 0 in theirs
    ours = langmodel.windowed_visits(*identifier._arrays, data)
    assert list(ours.items()) == list(theirs.items())
