"""enrich_batch on the seed article and on failures (no Prefect, no network)."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from schemas.tables import ARTICLES, ENTITIES, PLACES, conform, validate
from tasks import enrich
from tasks.common.result import StageResult
from tasks.common.settings import Settings, settings_slice
from tasks.enrich import annotate as enrich_mod
from tasks.steps import outlet_registry


def enrich_batch(articles, settings, run_id: str) -> StageResult:
    """The enrich stage as its wrapper calls it: config slice and outlet registry."""
    registry, problems = outlet_registry(settings)
    result = enrich.run(articles, settings_slice(enrich.EnrichConfig, settings), run_id,
                        registry)
    result.notes[:0] = list(problems)
    return result


REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_a88de07e7e5ec5c5.txt"


def seed_body() -> str:
    """The seed's body as dumped: paragraphs glued ("Poland.Meanwhile")."""
    return SEED.read_text(encoding="utf-8").split("\n", 2)[2]


def repaired(text: str) -> str:
    """A stand-in for the clean stage: split glued sentences into paragraphs."""
    return re.sub(r'(?<=[a-z\)\]"])\.(?=[A-Z"])', ".\n\n", text)


def make_articles(
    texts: list[str], domain: str = "sputnikglobe.com", run_id: str = "r0"
) -> pa.Table:
    rows = [
        {
            "article_id": f"a{i}",
            "url": f"https://{domain}/{i}",
            "canonical_url": f"https://{domain}/{i}",
            "domain": domain,
            "source_kind": "dump",
            "text": t,
            "word_count": len(t.split()),  # as the clean stage leaves it
            "content_hash": f"h{i}",
            "run_id": run_id,
        }
        for i, t in enumerate(texts)
    ]
    return conform(rows, ARTICLES, "articles")


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.delenv("PRESSROOM_SPACY_MODEL", raising=False)
    return Settings(seeds=REPO / "seeds", warehouse=tmp_path)


@pytest.mark.parametrize("prepare", [lambda t: t, repaired], ids=["glued", "repaired"])
def test_seed_places_quotes_and_source(settings, prepare):
    result = enrich_batch(make_articles([prepare(seed_body())]), settings, "run1")
    row = result.table.to_pylist()[0]
    assert {"UA", "PL", "RU", "US", "GB", "DE", "IT"} <= set(row["places"])
    assert row["places"][0] == "UA"  # most mentioned first
    by_speaker = {}
    for q in row["quotes"]:
        by_speaker.setdefault(q["speaker"], []).append(q["quote"])
    sikorski = by_speaker["Sikorski"]
    assert any(q.startswith("We have decided to create a NATO mission") for q in sikorski)
    assert any("two possible scenarios" in q for q in by_speaker["Stoltenberg"])
    assert row["language"] == "en" and row["language_score"] > 0.9
    assert row["source_name"] == "Sputnik"
    assert (row["source_country"], row["source_type"]) == ("RU", "state-affiliated")
    assert row["word_count"] == len(prepare(seed_body()).split())
    assert row["reading_time_min"] == pytest.approx(row["word_count"] / 230, abs=0.01)
    assert "ukraine" in row["keywords"] and "nato" in row["keywords"]
    assert row["enrich_error"] is None


def test_output_tables_match_declared_schemas(settings):
    result = enrich_batch(make_articles([seed_body(), "Short text about Poland."]), settings, "r")
    validate(result.table, ARTICLES, "articles")
    conform(result.outputs["entities"].to_pylist(), ENTITIES, "entities")
    places = conform(result.outputs["places"].to_pylist(), PLACES, "places")
    got = {(r["article_id"], r["iso2"]): r["count"] for r in places.to_pylist()}
    assert got[("a1", "PL")] == 1
    assert got[("a0", "UA")] >= 10
    rows = result.outputs["entities"].to_pylist() + result.outputs["places"].to_pylist()
    assert rows and all(r["run_id"] == "r" for r in rows)


def test_without_a_model_the_notes_say_so_and_entities_come_from_cheap_steps(settings):
    result = enrich_batch(make_articles([seed_body()]), settings, "r")
    assert any("spaCy NER skipped" in n and "no model" in n for n in result.notes)
    labels = {(e["normalized"], e["label"]) for e in result.outputs["entities"].to_pylist()}
    assert ("Ukraine", "GPE") in labels
    assert ("Sikorski", "PERSON") in labels
    summary = result.table.column("entities").to_pylist()[0]
    assert summary[0]["text"] == "Ukraine" and summary[0]["count"] >= 10


def test_missing_model_is_a_note_not_a_failure(settings):
    settings = settings.model_copy(update={"spacy_model": "xx_no_such_model_pressroom"})
    result = enrich_batch(make_articles([seed_body()]), settings, "r")
    assert any("not installed" in n for n in result.notes)
    assert result.table.column("enrich_error").to_pylist() == [None]
    assert "UA" in result.table.column("places").to_pylist()[0]


def test_one_failing_article_is_recorded_and_kept(settings, monkeypatch):
    real = enrich_mod.gazetteer.places_in

    def flaky(text, lang="en"):
        if "POISON" in text:
            raise ValueError("boom")
        return real(text, lang)

    monkeypatch.setattr(enrich_mod.gazetteer, "places_in", flaky)
    texts = [seed_body(), "POISON article from Berlin. " + seed_body()]
    result = enrich_batch(make_articles(texts), settings, "r")
    rows = result.table.to_pylist()
    assert len(rows) == 2
    assert rows[0]["enrich_error"] is None and "UA" in rows[0]["places"]
    assert rows[1]["enrich_error"].startswith("places: ValueError: boom")
    assert rows[1]["places"] is None
    # every other step still ran for the failing article
    assert any(q["speaker"] == "Stoltenberg" for q in rows[1]["quotes"])
    assert rows[1]["source_name"] == "Sputnik" and rows[1]["language"] == "en"
    assert not any(p["article_id"] == "a1" for p in result.outputs["places"].to_pylist())
    assert any("1 of 2 articles" in n for n in result.notes)


def test_unknown_domain_and_empty_text(settings):
    result = enrich_batch(make_articles(["", "Text."], domain="unknown.example"), settings, "r")
    rows = result.table.to_pylist()
    assert rows[0]["language"] is None and rows[0]["word_count"] == 0
    assert rows[0]["places"] == [] and rows[0]["quotes"] == []
    assert rows[1]["source_name"] is None and rows[1]["enrich_error"] is None


def test_empty_batch(settings):
    result = enrich_batch(make_articles([]), settings, "r")
    assert result.table.num_rows == 0
    assert result.outputs["entities"].num_rows == 0 and result.outputs["places"].num_rows == 0
    validate(result.table, ARTICLES, "articles")


def test_extra_columns_are_kept(settings):
    table = make_articles(["Warsaw and Kyiv."]).append_column("extra", pa.array([1]))
    # with a column ARTICLES does not declare, the batch is returned as is plus enrichment
    result = enrich_batch(table.drop_columns(["places"]), settings, "r")
    assert result.table.column("places").to_pylist() == [["PL", "UA"]]
    assert result.table.column("extra").to_pylist() == [1]


def _with(table: pa.Table, **columns) -> pa.Table:
    for name, values in columns.items():
        i = table.schema.get_field_index(name)
        table = table.set_column(i, table.schema.field(name),
                                 pa.array(values, table.schema.field(name).type))
    return table


def test_places_are_matched_in_the_articles_language_and_its_word_count_kept(settings):
    # German names of places are in the German automaton only; the language and the word
    # count come from the earlier stages and are not computed again.
    text = "Die Regierungen in Warschau und Moskau haben heute lange beraten."
    articles = _with(make_articles([text]), language=["de"], language_score=[0.99],
                     word_count=[12])
    result = enrich_batch(articles, settings, "r1")
    (row,) = result.table.to_pylist()
    assert sorted(row["places"]) == ["PL", "RU"] and row["language"] == "de"
    assert row["word_count"] == 12 and row["language_score"] == pytest.approx(0.99)


def test_entity_rows_list_the_most_mentioned_first(settings):
    text = ("Talks in Moscow ended. Warsaw said no. Warsaw said it again, and the talks in "
            "Warsaw go on.")
    result = enrich_batch(make_articles([text], domain="z.example"), settings, "r1")
    rows = [(r["text"], r["count"]) for r in result.outputs["entities"].to_pylist()]
    counts = [c for _, c in rows]
    assert counts == sorted(counts, reverse=True) and rows[0][1] > rows[-1][1]


def test_the_summary_label_is_the_most_frequent_one_of_the_merged_forms():
    counted = [("Russia", "GPE", "Russia", 3), ("Russian", "NORP", "Russia", 1),
               ("Tusk", "PERSON", None, 2)]
    assert enrich_mod._summary(counted) == [
        {"text": "Russia", "label": "GPE", "count": 4},
        {"text": "Tusk", "label": "PERSON", "count": 2}]


def test_an_opted_out_page_is_enriched_without_its_text(settings):
    """The default opt-out action ("metadata") applies in the stage itself: the page
    that said noai keeps its row, but no keyword or place is mined from its text."""
    table = make_articles(["Warsaw and Kyiv signed a grain deal in Warsaw."] * 2)
    table = table.set_column(table.schema.get_field_index("rights"), "rights",
                             pa.array([["noai"], []], ARTICLES.field("rights").type))
    result = enrich_batch(table, settings, "r")
    opted_out, kept = result.table.to_pylist()
    assert opted_out["text"] == "" and opted_out["places"] == [] and opted_out["keywords"] == []
    assert kept["places"] and kept["text"].startswith("Warsaw")
    assert result.stage == "enrich"



def test_the_ner_batch_size_and_processes_are_the_configured_ones(settings, monkeypatch):
    # seed 51: the model is given PRESSROOM_NER_BATCH_SIZE and PRESSROOM_NER_PROCESSES,
    # not tag_batch's defaults
    from types import SimpleNamespace

    seen = []

    def tag_batch(model, texts, batch_size=64, n_process=1):
        seen.append((batch_size, n_process))
        return [[("Ukraine", "GPE")] for _ in texts], [None] * len(texts)

    monkeypatch.setattr(enrich_mod.ner, "load_ner", lambda name: SimpleNamespace(pipes=["ner"]))
    monkeypatch.setattr(enrich_mod.ner, "tag_batch", tag_batch)
    settings = settings.model_copy(update={"spacy_model": "fake_model", "ner_batch_size": 7,
                                           "ner_processes": 3})
    result = enrich_batch(make_articles(["Short text about Poland."]), settings, "r")
    assert seen == [(7, 3)]
    assert result.table.column("enrich_error").to_pylist() == [None]


def test_only_a_named_speaker_is_a_person_and_an_unattributed_quote_is_none(settings):
    # seed 52: without NER the quotes' speakers are the people; "a spokesman" (a
    # description) is nobody's name, and a long quotation no one is credited with
    # (speaker None) is no person either, nor an error
    text = ('The council met on Tuesday. "' + "Nobody knows how long the repairs of the old "
            'bridge will take this time around. ' * 3 + '" The vote was close. "We will '
            'rebuild the bridge by May and keep the ferries running," a spokesman said. '
            '"The harbour stays open," Tusk said.')
    result = enrich_batch(make_articles([text], domain="z.example"), settings, "r1")
    assert result.table.column("enrich_error").to_pylist() == [None]
    people = [(e["text"], e["count"]) for e in result.outputs["entities"].to_pylist()
              if e["label"] == "PERSON"]
    assert people == [("Tusk", 1)]
    quotes = result.table.column("quotes").to_pylist()[0]
    assert [q["speaker"] for q in quotes] == [None, "a spokesman", "Tusk"]
