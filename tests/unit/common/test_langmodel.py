"""The language model unpacked once into the user's cache (tasks.common.langmodel): the
same answers as py3langid's own loading, from a fresh, a damaged or an unwritable cache."""

from __future__ import annotations

import pytest
from py3langid import modelio
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from tasks.common import langmodel

TEXTS = (
    "The minister said on Tuesday that the council would meet again next week to vote.",
    "Der Minister sagte am Dienstag, der Rat werde nächste Woche erneut abstimmen.",
    "El ministro dijo el martes que el consejo volverá a reunirse la próxima semana.",
    "Le ministre a déclaré mardi que le conseil se réunirait de nouveau la semaine prochaine.",
    "Министр заявил во вторник, что совет снова соберётся на следующей неделе.",
    "大臣は火曜日、評議会が来週再び会合を開くと述べた。",
    "12:30 — 4:2 (1:1) ¶ ###",
)


@pytest.fixture(scope="module")
def library_answers():
    """What py3langid answers, loading its model its own way."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return [identifier.classify(text) for text in TEXTS]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _folder():
    return langmodel.cache_folder(langmodel._packed_model())


def _never_unpack(monkeypatch):
    def unpacked(_path):
        raise AssertionError("the packed model was unpacked although the cache holds it")

    monkeypatch.setattr(modelio, "load_model", unpacked)


def test_the_first_process_stores_the_arrays_and_the_next_reads_them(
        cache_home, monkeypatch, library_answers):
    first = langmodel.language_identifier()
    folder = _folder()
    assert folder.parent == cache_home / "pressroom"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.npy" for name in langmodel._ARRAYS)
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # no temporary left
    _never_unpack(monkeypatch)
    second = langmodel.language_identifier()
    assert [first.classify(t) for t in TEXTS] == library_answers
    # exactly the library's answers, probabilities to the last bit
    assert [second.classify(t) for t in TEXTS] == library_answers


def test_a_damaged_cache_is_unpacked_again_and_repaired(cache_home, monkeypatch,
                                                        library_answers):
    langmodel.language_identifier()
    table = _folder() / "nextmove.npy"
    table.write_bytes(table.read_bytes()[:1000])  # cut short, as by a full disk
    repaired = langmodel.language_identifier()
    assert [repaired.classify(t) for t in TEXTS] == library_answers
    _never_unpack(monkeypatch)  # the next process reads the repaired copy
    assert [langmodel.language_identifier().classify(t) for t in TEXTS] == library_answers


def test_arrays_of_another_model_are_not_read(cache_home, library_answers):
    import numpy as np

    langmodel.language_identifier()
    np.save(_folder() / "pc.npy", np.zeros(3, dtype=np.float32))  # classes disagree
    again = langmodel.language_identifier()
    assert [again.classify(t) for t in TEXTS] == library_answers
    assert np.load(_folder() / "pc.npy").shape != (3,)


def test_a_cache_that_cannot_be_written_still_gives_the_model(tmp_path, monkeypatch,
                                                               library_answers):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    identifier = langmodel.language_identifier()
    assert [identifier.classify(t) for t in TEXTS] == library_answers
    assert blocked.read_text() == "a file where the cache folder would go"


def test_the_cache_lives_under_xdg_cache_home_or_the_home_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert langmodel.cache_root() == tmp_path / "x" / "pressroom"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert langmodel.cache_root() == tmp_path / "home" / ".cache" / "pressroom"


def test_another_model_file_gets_its_own_folder(tmp_path):
    packed = tmp_path / "model.npz.xz"
    packed.write_bytes(b"x" * 10)
    small = langmodel.cache_folder(packed)
    packed.write_bytes(b"x" * 11)
    assert langmodel.cache_folder(packed) != small


# --- the automaton walked for all of a text's bytes at once (windowed_visits) -----------

def _texts_of_every_kind() -> list[bytes]:
    """Texts as the pipeline classifies them (up to 1,000 characters) in many scripts,
    and bytes of every value in any order, which no text has."""
    import random

    rng = random.Random(51)
    words = " ".join(TEXTS).split() + ["ÅÄÖ", "ﬁ", "١٢٣", "שלום", "नमस्ते", "😀", "\u200d", "ß"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 180)))[:1000]
             for _ in range(300)]
    raw = [bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400))) for _ in range(300)]
    return [LanguageIdentifier._encode(t) for t in (*TEXTS, *texts)] + raw + [b"", b"a", b"ab"]


def test_the_windowed_walk_counts_what_py3langids_walk_counts(cache_home):
    from py3langid.langid import visit_counts

    identifier = langmodel.language_identifier()
    for data in _texts_of_every_kind():
        ours = langmodel.windowed_visits(*identifier._arrays, data)
        theirs = visit_counts(identifier.tk_nextmove, identifier._rowbase,
                              identifier.tk_output, data)
        # the same features, counts and order (py3langid sums the scores in that order)
        assert (list(ours.items()) if ours else ours) == (
            list(theirs.items()) if theirs else theirs), data[:40]


def test_the_windowed_identifier_answers_as_py3langid_to_the_last_bit(cache_home):
    identifier = langmodel.language_identifier()
    library = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for data in _texts_of_every_kind():
        assert identifier.classify(data) == library.classify(data)


def test_no_state_of_the_automaton_lies_further_than_the_window():
    """The windowed walk holds only while every state is reached within WINDOW_BYTES
    bytes of the start (see WINDOW_BYTES): a model of longer features would break it."""
    import numpy as np

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    nextmove = np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode)
    rowbase = np.asarray(identifier.tk_row, dtype=np.intp) << 8
    seen = np.zeros(len(identifier.tk_row), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    while len(frontier):
        reached = np.unique(nextmove[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[~seen[reached]]
        seen[frontier] = True
        depth += len(frontier) > 0
    assert seen.all()
    assert depth <= langmodel.WINDOW_BYTES
