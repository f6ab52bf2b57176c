"""Enrich: language, length, places, quotes, keywords, source, and (optionally) NER.

`enrich_batch` is the stage function: plain Python over an Arrow batch of articles. The
default configuration is cheap enough to cost less per article than extraction (see
bench/bench_enrich.py): a byte-level language model (py3langid), one Aho-Corasick pass
for places, a handful of regular expressions for quotes, batch TF-IDF for keywords and a
dict lookup for the source. spaCy NER runs only when a model is configured
(PRESSROOM_SPACY_MODEL) and installed; otherwise the run's notes say so and the entities
table holds what the cheap steps found (gazetteer places as GPE/NORP, named quote
speakers as PERSON).

Each step runs per article inside its own guard: a failure is recorded in the article's
`enrich_error` ("places: ValueError: ...") and the article is kept with every other
column filled.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pyarrow as pa

from schemas import ARTICLES, ENTITIES, PLACES, conform
from tasks.common.result import StageResult
from tasks.common.text import detect_language, word_count
from tasks.enrich import gazetteer, keywords, ner, outlets, quotes, wire
from tasks.enrich.rights import withhold_text

STAGE = "enrich"
# The article summary keeps the most frequent entities; the long table keeps them all.
SUMMARY_ENTITIES = 20
_ENRICH_COLUMNS = (
    "language", "language_score", "word_count", "reading_time_min", "places", "entities",
    "keywords", "quotes", "source_name", "source_country", "source_type", "wire_credits",
    "enrich_error",
)


@dataclass(frozen=True)
class EnrichConfig:
    """What the enrich stage uses of Settings (see there for each value's reason)."""

    spacy_model: str | None
    ner_batch_size: int
    ner_processes: int
    keywords_method: str
    keywords_top_k: int
    words_per_minute: int
    opt_out_action: str
    opt_out_signals: list[str]


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Nationality words, stripped from the front of quote speakers."""
    return frozenset(s for s, t in gazetteer.term_table().items() if t.kind == "demonym")


def warm_up(_articles: pa.Table | None = None) -> int:
    """Load now what the first articles of a run would load: the gazetteer's terms and
    its English automaton, English stop words, the demonyms (~1-1.5 s). `pressroom ingest`
    calls it, in each process that will enrich, while Prefect's temporary server starts.
    Other languages' automata are small and still load on first use."""
    gazetteer.places_in("Berlin, Paris and Warsaw.", "en")
    keywords.stopwords("en")
    _demonyms()
    return os.getpid()


def _guard(errors: list[str], step: str, fn, *args, default=None):
    """Run one enrichment step for one article; record a failure, return `default`."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not sink the batch
        errors.append(f"{step}: {type(exc).__name__}: {str(exc)[:200]}")
        return default


def _gazetteer_entities(p: gazetteer.Places) -> list[tuple[str, str, str]]:
    """(text, label, normalized) of gazetteer mentions: demonyms NORP, the rest GPE."""
    return [
        (m.surface, "NORP" if m.term.kind == "demonym" else "GPE", m.term.canonical)
        for m in p.mentions
    ]


def run(articles: pa.Table, config: EnrichConfig, run_id: str,
        registry: dict[str, outlets.Outlet] | None = None) -> StageResult:
    """Fill the enrichment columns of a batch of articles; outputs["entities"] and
    outputs["places"] hold the long-form ENTITIES/PLACES rows.

    `registry` is the outlet registry (domain -> Outlet), loaded by the wrapper from the
    seeds (`outlets.load_outlet_registry`). Never raises for one article's failure: the
    article's `enrich_error` says what failed.
    """
    registry = registry or {}
    articles = withhold_text(articles, config.opt_out_action, config.opt_out_signals)
    notes: list[str] = []
    n = articles.num_rows
    texts = [t or "" for t in articles.column("text").to_pylist()] if n else []
    ids = articles.column("article_id").to_pylist() if n else []
    # Entities and places rows name the revision they describe (two revisions of one
    # article can be kept in the same run).
    revisions = (articles.column("revision").to_pylist()
                 if n and "revision" in articles.column_names else [None] * n)
    domains = (
        articles.column("domain").to_pylist() if "domain" in articles.column_names else [None] * n
    )
    wpm = config.words_per_minute

    errors: list[list[str]] = [[] for _ in range(n)]
    langs: list[str | None] = []
    scores: list[float | None] = []
    word_counts: list[int] = []
    places_per: list[gazetteer.Places | None] = []
    quotes_per: list[list[dict]] = []
    outlet_of: list[outlets.Outlet | None] = []
    credits: list[list[str] | None] = []
    bylines = (articles.column("authors").to_pylist()
               if n and "authors" in articles.column_names else [None] * n)
    written_bylines = (articles.column("byline").to_pylist()
                       if n and "byline" in articles.column_names else [None] * n)
    demonyms = _demonyms()
    # Extract and clean already detected the language (same detector): keep it.
    known_langs = (articles.column("language").to_pylist()
                   if n and "language" in articles.column_names else [None] * n)
    known_scores = (articles.column("language_score").to_pylist()
                    if n and "language_score" in articles.column_names else [None] * n)
    # Clean already counted the words of the text enrich sees: keep them.
    known_words = (articles.column("word_count").to_pylist()
                   if n and "word_count" in articles.column_names else [None] * n)
    for i, text in enumerate(texts):
        err = errors[i]
        if known_langs[i]:
            lang, score = known_langs[i], known_scores[i]
        else:
            lang, score = _guard(err, "language", detect_language, text, default=(None, None))
        langs.append(lang)
        scores.append(score)
        word_counts.append(known_words[i] if known_words[i] is not None else word_count(text))
        places_per.append(_guard(err, "places", gazetteer.places_in, text, lang or "en"))
        found = _guard(err, "quotes", quotes.extract_quotes, text, demonyms, default=[])
        quotes_per.append([{"quote": q.quote, "speaker": q.speaker} for q in found])
        outlet_of.append(_guard(err, "source", outlets.lookup, registry, domains[i]))
        credits.append(_guard(err, "wire_credits", wire.wire_credits, text, bylines[i],
                              written_bylines[i]))

    # Keywords: one call per batch (TF-IDF needs the batch as its corpus); if the batch
    # call fails, retry per article so the failure lands on the article that caused it.
    method = config.keywords_method
    top_k = config.keywords_top_k
    try:
        kws = keywords.keywords_batch(texts, langs, method, top_k)
    except Exception:  # noqa: BLE001
        kws = [
            _guard(errors[i], "keywords", keywords.keywords_batch, [t], [langs[i]], method, top_k,
                   default=[[]])[0]
            for i, t in enumerate(texts)
        ]

    # Entities: spaCy when configured and installed, else the cheap steps' findings.
    mentions: list[list[tuple[str, str]] | None] = [None] * n
    model_name = config.spacy_model
    if not model_name:
        notes.append("spaCy NER skipped: no model configured (set PRESSROOM_SPACY_MODEL)")
    else:
        try:
            model = ner.load_ner(model_name)
            mentions, ner_errors = ner.tag_batch(
                model, texts, config.ner_batch_size,
                config.ner_processes,
            )
            for i, e in enumerate(ner_errors):
                if e:
                    errors[i].append(e)
            notes.append(f"spaCy NER: model {model_name!r}, pipes {list(model.pipes)}")
        except ner.NerUnavailable as exc:
            notes.append(str(exc))

    entity_rows: list[dict] = []
    place_rows: list[dict] = []
    summaries: list[list[dict]] = []
    place_codes: list[list[str] | None] = []
    for i in range(n):
        p = places_per[i]
        place_codes.append(p.codes() if p is not None else None)
        if p is not None:
            for iso, c in sorted(p.counts.items()):
                place_rows.append({"article_id": ids[i], "iso2": iso, "count": c,
                                   "run_id": run_id, "revision": revisions[i]})
        if mentions[i] is not None:
            counted = ner.count_entities(mentions[i])
        else:
            found = _gazetteer_entities(p) if p is not None else []
            found += [
                (q["speaker"], "PERSON", q["speaker"])
                for q in quotes_per[i]
                if q["speaker"] and q["speaker"][:1].isupper()
            ]
            c3 = Counter(found)
            counted = sorted(
                ((t, lab, norm, c) for (t, lab, norm), c in c3.items()),
                key=lambda r: (-r[3], r[0], r[1]),
            )
        for text, label, norm, c in counted:
            entity_rows.append(
                {"article_id": ids[i], "text": text, "label": label, "normalized": norm,
                 "count": c, "run_id": run_id, "revision": revisions[i]}
            )
        summaries.append(_summary(counted))

    failed = sum(1 for e in errors if e)
    if failed:
        notes.append(f"enrich: {failed} of {n} articles had a step fail (see enrich_error)")

    columns = {
        "language": langs,
        "language_score": scores,
        "word_count": word_counts,
        "reading_time_min": [round(w / wpm, 2) for w in word_counts],
        "places": place_codes,
        "entities": summaries,
        "keywords": kws,
        "quotes": quotes_per,
        "source_name": [o.name if o else None for o in outlet_of],
        "source_country": [o.country if o else None for o in outlet_of],
        "source_type": [o.type if o else None for o in outlet_of],
        "wire_credits": credits,
        "enrich_error": ["; ".join(e) if e else None for e in errors],
    }
    table = _with_columns(articles, columns)
    return StageResult(STAGE, table, n, notes=notes, outputs={
        "entities": conform(entity_rows, ENTITIES, "entities"),
        "places": conform(place_rows, PLACES, "places"),
    })


def _summary(counted: list[tuple[str, str, str | None, int]]) -> list[dict]:
    """The article's entity summary: one entry per normalised form ("Russian" and
    "Russia" are one), labelled by its most frequent label, most mentioned first."""
    totals: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    for text, label, norm, c in counted:
        key = norm or text
        totals[key] += c
        labels.setdefault(key, Counter())[label] += c
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_ENTITIES]
    return [
        {"text": key, "label": labels[key].most_common(1)[0][0], "count": c}
        for key, c in ranked
    ]


def _with_columns(table: pa.Table, columns: dict[str, list]) -> pa.Table:
    """Replace (or add) the enrichment columns, typed by ARTICLES; keep everything else.

    When the batch has exactly the ARTICLES columns the result has exactly that schema;
    columns ARTICLES does not declare are left in place for the caller to handle.
    """
    for name in _ENRICH_COLUMNS:
        typ = ARTICLES.field(name).type
        arr = pa.array(columns[name], type=typ)
        idx = table.schema.get_field_index(name)
        fld = ARTICLES.field(name)
        table = table.set_column(idx, fld, arr) if idx >= 0 else table.append_column(fld, arr)
    if set(ARTICLES.names) == set(table.column_names):
        table = table.select(ARTICLES.names).cast(ARTICLES)
    return table
