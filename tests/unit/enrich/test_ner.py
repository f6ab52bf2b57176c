"""spaCy NER through the real loading and batching code, offline: the test builds a
blank English pipeline with an entity ruler, saves it, and points the setting at it."""

from __future__ import annotations

import pytest
import spacy  # a test dependency (pyproject [test]): a broken install must fail, not skip

from tasks.common.settings import Settings
from tasks.enrich import ner
from tests.unit.enrich.test_annotate import REPO, enrich_batch, make_articles, seed_body

PATTERNS = [
    {"label": "PERSON", "pattern": "Radoslaw Sikorski"},
    {"label": "PERSON", "pattern": "Sikorski"},
    {"label": "PERSON", "pattern": "Jens Stoltenberg"},
    {"label": "PERSON", "pattern": "Stoltenberg"},
    {"label": "ORG", "pattern": "NATO"},
    {"label": "GPE", "pattern": "Ukraine"},
    {"label": "DATE", "pattern": "Wednesday"},
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """A saved pipeline: sentencizer (NER does not need it: must be excluded) + ruler."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    ner.load_ner.cache_clear()
    return str(path)


def test_load_keeps_only_entity_pipes(model_dir):
    model = ner.load_ner(model_dir)
    assert model.pipes == ("entity_ruler",)


def test_tag_batch_finds_entities_in_every_text(model_dir):
    model = ner.load_ner(model_dir)
    texts = ["NATO met in Ukraine on Wednesday.", "", "Jens Stoltenberg spoke."]
    found, errors = ner.tag_batch(model, texts, batch_size=2)
    assert errors == [None, None, None]
    assert found[0] == [("NATO", "ORG"), ("Ukraine", "GPE")]  # DATE is not kept
    assert found[1] == []
    assert found[2] == [("Jens Stoltenberg", "PERSON")]


def test_tag_batch_isolates_a_failing_text():
    class Boom(Exception):
        pass

    def bad_component(doc):
        if "POISON" in doc.text:
            raise Boom("bad doc")
        return doc

    nlp = spacy.blank("en")
    spacy.Language.component("poison_check", func=bad_component)
    nlp.add_pipe("poison_check")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    broken = ner.NerModel(nlp, "inline", tuple(nlp.pipe_names))
    found, errors = ner.tag_batch(broken, ["NATO here.", "POISON NATO", "Ukraine."])
    assert found[0] == [("NATO", "ORG")] and found[2] == [("Ukraine", "GPE")]
    assert found[1] is None and errors[1].startswith("ner: Boom")


def test_a_batch_that_succeeds_runs_each_text_through_the_pipeline_once():
    """The one-by-one retry is for a failing batch only: NER is the stage's main cost."""
    seen: list[str] = []

    def count_docs(doc):
        seen.append(doc.text)
        return doc

    nlp = spacy.blank("en")
    spacy.Language.component("count_docs", func=count_docs)
    nlp.add_pipe("count_docs")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    model = ner.NerModel(nlp, "inline", tuple(nlp.pipe_names))
    seen.clear()  # the ruler ran its phrase patterns through the pipeline
    found, errors = ner.tag_batch(model, ["NATO here.", "Ukraine.", "Nothing."], batch_size=2)
    assert found == [[("NATO", "ORG")], [("Ukraine", "GPE")], []]
    assert errors == [None, None, None]
    assert sorted(seen) == ["NATO here.", "Nothing.", "Ukraine."]


def test_the_configured_batch_size_and_processes_reach_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)

    class Spy:
        calls: list[dict] = []

        def pipe(self, texts, **kwargs):
            self.calls.append(kwargs)
            return nlp.pipe(texts, **kwargs)

    model = ner.NerModel(Spy(), "inline", tuple(nlp.pipe_names))
    found, _ = ner.tag_batch(model, ["NATO here.", "Ukraine."], batch_size=7)
    assert found == [[("NATO", "ORG")], [("Ukraine", "GPE")]]
    assert Spy.calls == [{"batch_size": 7, "n_process": 1}]


def test_a_lone_word_of_another_label_is_not_taken_for_a_persons_surname():
    rows = ner.count_entities([("Henry Ford", "PERSON"), ("Ford", "ORG"), ("Ford", "PERSON")])
    norm = {(t, lab): n for t, lab, n, _ in rows}
    assert norm == {("Henry Ford", "PERSON"): "Henry Ford", ("Ford", "ORG"): "Ford",
                    ("Ford", "PERSON"): "Henry Ford"}


def test_count_entities_merges_surname_with_full_name():
    rows = ner.count_entities(
        [("Jens Stoltenberg", "PERSON"), ("Stoltenberg", "PERSON"), ("Stoltenberg", "PERSON"),
         ("the Kremlin", "ORG"), ("NATO's", "ORG"), ("NATO", "ORG")]
    )
    norm = {(t, lab): (n, c) for t, lab, n, c in rows}
    assert norm[("Stoltenberg", "PERSON")] == ("Jens Stoltenberg", 2)
    assert norm[("the Kremlin", "ORG")][0] == "Kremlin"
    assert norm[("NATO's", "ORG")][0] == "NATO"


def test_enrich_batch_uses_configured_model(model_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSROOM_SPACY_MODEL", model_dir)
    result = enrich_batch(
        make_articles([seed_body()]), Settings(seeds=REPO / "seeds", warehouse=tmp_path), "r"
    )
    assert any(n.startswith("spaCy NER: model") for n in result.notes)
    got = {(e["text"], e["label"]): (e["normalized"], e["count"])
           for e in result.outputs["entities"].to_pylist()}
    assert got[("NATO", "ORG")][1] >= 5
    assert got[("Jens Stoltenberg", "PERSON")] == ("Jens Stoltenberg", 1)
    # the lone surname groups with the full name used in the same article
    assert got[("Stoltenberg", "PERSON")][0] == "Jens Stoltenberg"
    summary = result.table.column("entities").to_pylist()[0]
    assert {"text": "Jens Stoltenberg", "label": "PERSON", "count": 3} in summary
    # places still come from the gazetteer
    assert "UA" in result.table.column("places").to_pylist()[0]


def test_model_without_ner_is_a_note(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "no_ner")
    with pytest.raises(ner.NerUnavailable, match="no entity recogniser"):
        ner.load_ner(str(tmp_path / "no_ner"))


def test_entities_mentioned_equally_often_are_listed_by_their_text():
    rows = ner.count_entities([("Zeta Corp", "ORG"), ("Anna Nowak", "PERSON"),
                               ("Warsaw", "GPE"), ("Warsaw", "GPE")])
    assert [(t, c) for t, _, _, c in rows] == [("Warsaw", 2), ("Anna Nowak", 1),
                                               ("Zeta Corp", 1)]


def test_a_lone_surname_joins_the_full_name_under_the_per_label_too():
    # multilingual spaCy models (xx_ent_wiki_sm, de/fr/es/pl...) label persons PER
    rows = ner.count_entities([("Olaf Scholz", "PER"), ("Scholz", "PER"), ("Scholz", "PER")])
    assert {(t, lab): (n, c) for t, lab, n, c in rows} == {
        ("Scholz", "PER"): ("Olaf Scholz", 2), ("Olaf Scholz", "PER"): ("Olaf Scholz", 1)}


def test_a_lone_surname_is_the_last_word_of_a_longer_name():
    rows = ner.count_entities([("Anna Maria Nowak", "PERSON"), ("Nowak", "PERSON"),
                               ("Maria", "PERSON")])
    norm = {(t, lab): n for t, lab, n, _ in rows}
    assert norm[("Nowak", "PERSON")] == "Anna Maria Nowak"
    assert norm[("Maria", "PERSON")] == "Maria"  # a middle name is no surname
