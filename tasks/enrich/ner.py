"""People and organisations: spaCy NER, when a model is configured and installed.

`load_ner(model)` loads a spaCy pipeline by package name or path with only what entity
recognition needs: taggers, parsers, lemmatisers and the like are excluded at load time
(never loaded, not just disabled), and a shared tok2vec/transformer is kept only when the
entity recogniser listens to it. `tag_batch` runs `nlp.pipe` over a whole batch, in
several processes when asked. Without spaCy, without a configured model, or with a model
that is not installed, `load_ner` returns no tagger and a note for the run summary; the
rest of enrichment goes on.

The gazetteer (tasks/enrich/gazetteer.py) is the offline twin for places; with no model the
entities table holds gazetteer places and quote speakers (see tasks/enrich/annotate.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Components that entity recognition never needs; excluded when the model is loaded.
_NOT_NEEDED = (
    "tagger", "parser", "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "senter",
    "sentencizer", "morphologizer", "textcat", "textcat_multilabel", "entity_linker",
    "spancat", "span_finder", "coref", "span_resolver", "experimental_coref",
)
_EMBEDDERS = ("tok2vec", "transformer")
# Names, not numbers: DATE, MONEY, CARDINAL... are not what analysts group by.
KEPT_LABELS = frozenset(
    {"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW",
     "WORK_OF_ART", "MISC"}
)
# nlp.pipe cost grows with text length; news articles are far shorter than this.
MAX_CHARS = 100_000


@dataclass(frozen=True)
class NerModel:
    """A loaded pipeline and what was done to it (for the run summary)."""

    nlp: Any
    name: str
    pipes: tuple[str, ...]


class NerUnavailable(RuntimeError):
    """NER cannot run; the message says why, for the run's notes."""


@lru_cache(maxsize=4)
def load_ner(model: str) -> NerModel:
    """Load `model` (an installed package name or a path) with only the NER pipes.

    Raises NerUnavailable with a one-line reason when spaCy or the model is missing or
    the pipeline has no entity recogniser. Cached: a process loads a model once.
    """
    try:
        import spacy
    except ImportError:
        raise NerUnavailable("spaCy NER skipped: spacy is not installed") from None
    try:
        nlp = spacy.load(model, exclude=list(_NOT_NEEDED))
    except OSError as exc:
        first = str(exc).splitlines()[0][:200]
        raise NerUnavailable(
            f"spaCy NER skipped: model {model!r} not installed ({first})"
        ) from None
    if not any(name in nlp.pipe_names for name in ("ner", "entity_ruler", "span_ruler")):
        raise NerUnavailable(f"spaCy NER skipped: model {model!r} has no entity recogniser")
    kept = set(nlp.pipe_names) - set(_EMBEDDERS)
    for name in _EMBEDDERS:
        if name in nlp.pipe_names:
            listeners = set(getattr(nlp.get_pipe(name), "listening_components", []) or [])
            if not listeners & kept:
                nlp.remove_pipe(name)  # nothing left listens to it: pure cost
    return NerModel(nlp, model, tuple(nlp.pipe_names))


def _doc_entities(doc) -> list[tuple[str, str]]:
    return [
        (" ".join(ent.text.split()), ent.label_)
        for ent in doc.ents
        if ent.label_ in KEPT_LABELS and ent.text.strip()
    ]


def tag_batch(
    model: NerModel, texts: list[str], batch_size: int = 64, n_process: int = 1
) -> tuple[list[list[tuple[str, str]] | None], list[str | None]]:
    """Entity mentions (text, label) per text, and an error per text (None if fine).

    One `nlp.pipe` call for the batch. If it fails, the texts are retried one by one so
    that one bad article costs only its own entities (its error is returned).
    """
    clipped = [(t or "")[:MAX_CHARS] for t in texts]
    try:
        docs = model.nlp.pipe(clipped, batch_size=batch_size, n_process=n_process)
        return [_doc_entities(d) for d in docs], [None] * len(texts)
    except Exception:  # noqa: BLE001 - isolate the failing article below
        pass
    results: list[list[tuple[str, str]] | None] = []
    errors: list[str | None] = []
    for text in clipped:
        try:
            results.append(_doc_entities(model.nlp(text)))
            errors.append(None)
        except Exception as exc:  # noqa: BLE001 - recorded per article, article kept
            results.append(None)
            errors.append(f"ner: {type(exc).__name__}: {str(exc)[:200]}")
    return results, errors


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"['’]s$")


def normalize(text: str) -> str:
    """The grouping form of a mention: no leading 'the', no possessive, single spaces."""
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text)


def count_entities(mentions: list[tuple[str, str]]) -> list[tuple[str, str, str, int]]:
    """(text, label, normalized, count) per distinct mention, most frequent first.

    Within one article a lone surname resolves to the full name used elsewhere in it
    ("Stoltenberg" -> "Jens Stoltenberg"), so both group together in SQL.
    """
    counts = Counter(mentions)
    norms = {m: normalize(m[0]) for m in counts}
    full_names = {n for (t, label), n in norms.items() if label in ("PERSON", "PER") and " " in n}
    by_last = {}
    for name in full_names:
        last = name.split()[-1]
        by_last.setdefault(last, set()).add(name)
    rows = []
    for (text, label), n in counts.items():
        norm = norms[(text, label)]
        if label in ("PERSON", "PER") and " " not in norm and len(by_last.get(norm, ())) == 1:
            norm = next(iter(by_last[norm]))
        rows.append((text, label, norm, n))
    rows.sort(key=lambda r: (-r[3], r[0], r[1]))
    return rows
