"""Dedup: URL identity, revisions, exact and near duplicates across the whole warehouse.

Rules, applied in first-seen order (fetched_at, else published_at, then article_id), so
the outcome never depends on input order:

- Same article_id (= same canonical URL) and the same text as its latest revision, in
  this run: a reject, `duplicate_url`; as the warehouse's latest revision: `unchanged`
  (counted as skipped: already settled, e.g. a refresh of an unchanged page).
- Same article_id, different text: a new *revision* of that article (revision = latest
  + 1, previous_content_hash = the latest revision's hash). Kept: neither a new article
  nor lost.
- Different article_id, same or similar text (exact copies count: Jaccard 1): kept, with
  cluster_id / duplicate_of set. Wire copies on different outlets are what analysts
  study; `unique_articles` filters them out when one copy is wanted.
- Near duplicates: MinHash + LSH (tasks.dedup.minhash) against this run and the latest
  signature of every earlier article (the `signatures` table, schemas/tables.py),
  verified on exact shingle sets before they are joined: Jaccard >= neardup_threshold,
  or containment (|A n B| / min(|A|, |B|)) >= neardup_containment when the smaller
  text has >= neardup_containment_min_shingles shingles (a truncated wire copy joins its
  original; a teaser does not glue stories). With neardup_verify = "estimate" both are
  estimated from the signatures (containment from the Jaccard estimate and the
  persisted shingle counts).

The stage also returns the `signatures` rows to append: one per kept article, and one
per earlier article whose cluster got a new representative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas import ARTICLES, conform
from schemas.tables import SIGNATURES
from tasks.common.result import StageResult, Verdict, reject_record
from tasks.common.state import NearRows, PriorArticles
from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg

STAGE = "dedup"
DUPLICATE_URL = Verdict("duplicate_url", "canonical URL already kept with the same text")
_FAR_FUTURE = datetime(9999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class DedupConfig:
    """What the dedup stage uses of Settings (see there for each value's reason).
    Changing bands/rows/shingle_words changes the hash family (MinHashParams)."""

    neardup_threshold: float
    neardup_bands: int
    neardup_rows: int
    neardup_shingle_words: int
    neardup_verify: Literal["exact", "estimate"]
    neardup_containment: float = 0.8
    neardup_containment_min_shingles: int = 50


def minhash_params(cfg: DedupConfig) -> sg.MinHashParams:
    return sg.MinHashParams(num_perm=cfg.neardup_bands * cfg.neardup_rows,
                            bands=cfg.neardup_bands, rows=cfg.neardup_rows,
                            shingle_words=cfg.neardup_shingle_words)


def _order_key(row: dict) -> tuple:
    # First-seen order that does not depend on input order.
    return (row["fetched_at"] or row["published_at"] or _FAR_FUTURE, row["article_id"])


def _micros(ts: datetime) -> int:
    return int((ts - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds() * 1_000_000) \
        if ts < _FAR_FUTURE else 2**62


def run(articles: pa.Table, config: DedupConfig, run_id: str,
        prior: PriorArticles | None = None) -> StageResult:
    """URL/revision dedup, then near-duplicate clustering of what is kept, against what the
    warehouse already holds (`prior`, read by the wrapper). Articles the warehouse holds
    with the same text (a refresh or reprocess of an unchanged page) are counted as
    skipped: already settled. outputs["signatures"] holds the rows to append."""
    cfg = config
    prior = prior or PriorArticles()
    params = minhash_params(cfg)
    now = datetime.now(UTC)
    latest = dict(prior.latest(sorted(set(articles.column("article_id").to_pylist()))))

    kept: list[dict] = []
    rejects: list[dict] = []
    unchanged = 0
    seen_in_run: set[str] = set()
    # An article's first kept version in this run fixes its first_seen: a later revision
    # in the same run keeps it, as a revision in a later run keeps the persisted one.
    first_seen: dict[str, datetime] = {}
    for row in sorted(articles.to_pylist(), key=_order_key):
        prev = latest.get(row["article_id"])
        if prev is not None and prev[0] == row["content_hash"]:
            if row["article_id"] in seen_in_run:
                rejects.append(reject_record(row, STAGE, DUPLICATE_URL, run_id, at=now))
            else:
                unchanged += 1
                seen_in_run.add(row["article_id"])
            continue
        seen_in_run.add(row["article_id"])
        first_seen.setdefault(row["article_id"], row["fetched_at"] or row["published_at"] or now)
        revision = 1 if prev is None else prev[1] + 1
        latest[row["article_id"]] = (row["content_hash"], revision)
        kept.append({**row, "revision": revision,
                     "previous_content_hash": prev[0] if prev and prev[0] else None})

    # One node per article: a second revision in this same run supersedes the first.
    last_of: dict[str, int] = {r["article_id"]: i for i, r in enumerate(kept)}
    nodes = sorted(last_of.values())
    clusters, sig_rows = _near_duplicates([kept[i] for i in nodes], first_seen, prior, cfg,
                                          params, now, run_id)
    for row in kept:
        cluster_id, duplicate_of = clusters[row["article_id"]]
        row["cluster_id"] = cluster_id
        row["duplicate_of"] = duplicate_of
    return StageResult(STAGE, conform(kept, ARTICLES, "articles"), articles.num_rows, rejects,
                       skipped=unchanged, outputs={"signatures": sig_rows})


def _check_params(prior: PriorArticles, params: sg.MinHashParams) -> None:
    problem = fingerprint_problem(prior.fingerprints(), params)
    if problem:
        raise ValueError(problem)


_FINGERPRINT = re.compile(
    rf"mh32-p(\d+)-b(\d+)x(\d+)-k(\d+)-s(\d+)(?:-{re.escape(sg.LETTER_TOKENS)})?")


def _as_settings(fingerprint: str) -> str:
    """A signature fingerprint in the settings' words (`neardup_bands=16, ...`), or the
    fingerprint itself when it is none of ours."""
    m = _FINGERPRINT.fullmatch(fingerprint)
    if m is None:
        return repr(fingerprint)
    _, bands, rows, words, _ = m.groups()
    return f"neardup_bands={bands}, neardup_rows={rows}, neardup_shingle_words={words}"


def fingerprint_problem(stored: set[str], params: sg.MinHashParams) -> str | None:
    """Why this run's near-duplicate settings cannot sign articles into a warehouse whose
    signatures carry the `stored` fingerprints, or None. Said in the settings' own names,
    with the way out: the check ran at the first batch's dedup, after its fetching and
    extraction, and named fingerprints and a "rebuild signatures" no command does (fault
    round 29: a run re-run with PRESSROOM_NEARDUP_BANDS changed)."""
    # rows signed before LETTER_TOKENS compare with today's (signing.py says how)
    other = sorted(stored - {params.fingerprint, params.word_token_fingerprint})
    if not other:
        return None
    made = "; ".join(_as_settings(f) for f in other)
    return (f"the warehouse's near-duplicate signatures were made with {made}, and this run "
            f"asks for {_as_settings(params.fingerprint)}: signatures of the two cannot be "
            "compared. Set those settings back (PRESSROOM_NEARDUP_BANDS, "
            "PRESSROOM_NEARDUP_ROWS, PRESSROOM_NEARDUP_SHINGLE_WORDS or pressroom.toml), or "
            "ingest into a new warehouse")


def settings_problem(stored: set[str], cfg: DedupConfig) -> str | None:
    """`fingerprint_problem` for the settings a run was given (checked before any work)."""
    return fingerprint_problem(stored, minhash_params(cfg))


# Shingle sets of checked texts kept from batch to batch by content hash (see
# minhash.ShingleSetMemo): 8M hashes, ~32 MB, the sets of ~13k news texts of ~600 words.
SHINGLE_SETS = nd.ShingleSetMemo(max_hashes=8_000_000)


def _cluster_against(p_table: pa.Table | None, ids: list[str], texts: list[str],
                     hashes: list[str], sig: np.ndarray, counts: np.ndarray,
                     first_seen_of: dict[str, datetime], prior: PriorArticles,
                     cfg: DedupConfig, params: sg.MinHashParams, texts_cache: dict[str, str]
                     ) -> tuple[nd.Clustering, pa.Table | None, list[datetime]]:
    """The batch clustered against the earlier rows `p_table` (and their texts, read
    through `texts_cache` when a pair needs them); with the batch's first_seen times
    (a revision keeps its article's)."""
    p_ids, p_first, p_cluster, p_keys, p_sig, p_counts, p_loose = _prior_arrays(
        p_table, params)
    first_seen_ts = [first_seen_of[a] for a in ids]
    # Revisions keep the first_seen of the article's first version.
    p_index = {a: i for i, a in enumerate(p_ids)}
    revised = [i for i, a in enumerate(ids) if a in p_index]
    if revised:
        p_first_ts = p_sig.column("first_seen").take(
            pa.array([p_index[ids[i]] for i in revised], pa.int64())).to_pylist()
        for i, t in zip(revised, p_first_ts, strict=True):
            first_seen_ts[i] = t
    first_seen = np.array([_micros(t) for t in first_seen_ts], dtype=np.int64)

    def prior_rows(ix: np.ndarray) -> np.ndarray:
        return nd.arrow_to_signatures(p_sig.column("signature").take(pa.array(ix)),
                                      params.num_perm)

    def prior_texts(ix: np.ndarray) -> list[str]:
        want = [p_ids[i] for i in ix.tolist()]
        if prior.texts is None:
            raise ValueError("exact verification needs PriorArticles.texts")
        unread = [a for a in want if a not in texts_cache]
        if unread:
            texts_cache.update(prior.texts(unread))
        missing = [a for a in want if a not in texts_cache]
        if missing:
            raise ValueError(f"no text for earlier articles {missing[:3]}")
        return [texts_cache[a] for a in want]

    exact = cfg.neardup_verify == "exact"
    p_hashes = p_sig.column("content_hash").to_pylist() if p_sig is not None else []
    res = nd.cluster_incremental(
        ids, first_seen, sig, p_ids, p_first, p_cluster, p_keys, prior_rows, params,
        cfg.neardup_threshold, new_texts=texts if exact else None,
        prior_texts=prior_texts if exact else None, new_counts=counts,
        prior_counts=p_counts, prior_loose_keys=p_loose,
        containment=cfg.neardup_containment,
        containment_min_shingles=cfg.neardup_containment_min_shingles,
        text_keys=(p_hashes, hashes), set_memo=SHINGLE_SETS,
        containment_shingle_words=nd.CONTAINMENT_SHINGLE_WORDS,
    )
    return res, p_sig, first_seen_ts


def _related_clusters(want: np.ndarray, relations: pa.Table) -> list[set[str]]:
    """Per batch row, the clusters holding one of its keys (NearRows.relations).

    One sorted search of every row's keys in the relation's keys, not a dict lookup per
    key: on a WARC full of republished stories the batch's 60k keys met 25k relations
    per batch; replayed, that run's 10 calls took 0.39 s with a dict lookup per key, 0.16 s so
    (BENCHMARKS.md, session 27)."""
    out: list[set[str]] = [set() for _ in range(len(want))]
    if relations.num_rows == 0 or want.size == 0:
        return out
    rel_keys = relations.column("key").to_numpy()
    encoded = pc.dictionary_encode(relations.column("cluster_id").combine_chunks())
    codes = encoded.indices.to_numpy()
    names = encoded.dictionary.to_pylist()
    order = np.argsort(rel_keys, kind="stable")
    rel_keys, codes = rel_keys[order], codes[order]
    flat = np.asarray(want, np.uint64).ravel()
    lo = np.searchsorted(rel_keys, flat, side="left")
    hi = np.searchsorted(rel_keys, flat, side="right")
    hits = hi - lo
    if not hits.any():
        return out
    # every (row, relation) match: the relation positions lo..hi-1 of each key
    row = np.repeat(np.arange(flat.size) // want.shape[1], hits)
    start = np.repeat(lo - np.concatenate(([0], np.cumsum(hits)[:-1])), hits)
    pos = start + np.arange(len(row))
    pairs = np.unique(row.astype(np.int64) * len(names) + codes[pos])
    for r, c in zip((pairs // len(names)).tolist(), (pairs % len(names)).tolist(),
                    strict=True):
        out[r].add(names[c])
    return out


def _near_in_rounds(near: NearRows, want: np.ndarray, prior: PriorArticles,
                    cluster_against, ids: list[str]):
    """Cluster the batch against each near cluster's representative first, then against
    the whole of the clusters a batch row relates to (shares a key with) without having
    joined it.

    Every copy of a story holds the story's keys, so the key lookup finds all k earlier
    copies; reading them all made a batch's memory and CPU grow with k (+153 MB and
    +1.5 CPU s from 5 to 50 earlier copies, bench/bench_dedup_copies.py). A row joined to
    a cluster needs none of its other members: a pair whose ends are joined changes no
    component (`minhash._verify_until_joined`). A row related to a cluster it has not
    joined might pair with any member holding its keys, so that cluster is read whole
    and the batch clustered again: the components, and so every cluster id, are those of
    reading every near cluster whole. Clusters whose representative changes are read
    whole to re-record every member."""
    table, whole = near.rows, set(near.whole)
    related = _related_clusters(want, near.relations)
    while True:
        res, p_sig, first_seen_ts = cluster_against(table)
        open_ = {c for i, clusters in enumerate(related) for c in clusters
                 if c not in whole and res.new_cluster[i] != res.changed_prior.get(c, c)}
        if not open_:
            break
        table = _with_rows(table, prior.members(sorted(open_)))
        whole |= open_
    moved = _moved_clusters(res, p_sig)
    unread = sorted(set(moved) - whole)
    if unread:
        table = _with_rows(table, prior.members(unread))
    rows = table.filter(pc.is_in(table["cluster_id"], pa.array(sorted(moved), pa.string())))
    rows = rows.filter(pc.invert(pc.is_in(rows["article_id"], pa.array(ids, pa.string()))))
    return res, first_seen_ts, (rows, [moved[c] for c in rows.column("cluster_id").to_pylist()])


def _with_rows(table: pa.Table, more: pa.Table) -> pa.Table:
    """`table` and the rows of `more` it lacks, sorted by article_id."""
    more = more.filter(pc.invert(pc.is_in(more["article_id"],
                                          table["article_id"].combine_chunks())))
    return pa.concat_tables([table, more]).sort_by("article_id")


def _moved_clusters(res: nd.Clustering, p_sig: pa.Table | None) -> dict[str, str]:
    """{earlier cluster id: its new cluster id} for the clusters whose representative
    changed (a merge, or a new member that sorts first): all their members move."""
    if p_sig is None or not res.changed_prior:
        return {}
    moved: dict[str, str] = {}
    for article, cluster in zip(p_sig.column("article_id").to_pylist(),
                                p_sig.column("cluster_id").to_pylist(), strict=True):
        if article in res.changed_prior:
            moved[cluster] = res.changed_prior[article]
    return moved


def _re_recorded(rows: pa.Table, new_cluster: list[str], params: sg.MinHashParams,
                 now: datetime, run_id: str) -> pa.Table:
    """Earlier rows recorded again under their new cluster ids."""
    ids = rows.column("article_id").to_pylist()
    old = rows.set_column(rows.schema.get_field_index("cluster_id"), "cluster_id",
                          pa.array(new_cluster, pa.string()))
    dup = [None if c == a else c for a, c in zip(ids, new_cluster, strict=True)]
    # Re-recorded rows carry the current banding's containment keys (a row of the
    # earlier banding is indexed anew in this commit with them).
    counts, loose = _prior_containment(rows, params)
    loose_now = pa.array([k if n >= 0 else None for k, n in zip(
        nd.keys_to_arrow(loose).to_pylist(), counts.tolist(), strict=True)],
        SIGNATURES.field("containment_keys").type)
    n = len(ids)
    for name, value in (("duplicate_of", pa.array(dup, pa.string())),
                        ("containment_keys", loose_now),
                        ("recorded_at", pa.array([now] * n, SIGNATURES.field("recorded_at").type)),
                        ("run_id", pa.array([run_id] * n, pa.string()))):
        old = old.set_column(old.schema.get_field_index(name), name, value)
    return old.select(SIGNATURES.names).cast(SIGNATURES)


def _prior_arrays(sig: pa.Table | None, params: sg.MinHashParams):
    if sig is None or sig.num_rows == 0:
        return ([], np.empty(0, np.int64), [], np.empty((0, params.bands), np.uint64), None,
                np.empty(0, np.int64), np.empty((0, params.loose_bands), np.uint64))
    ids = sig.column("article_id").to_pylist()
    first_seen = sig.column("first_seen").cast(pa.int64()).to_numpy()
    cluster = sig.column("cluster_id").to_pylist()
    keys = nd.arrow_to_keys(sig.column("band_keys"), params.bands)
    counts, loose = _prior_containment(sig, params)
    return ids, first_seen, cluster, keys, sig, counts, loose


# Earlier rows whose containment keys are computed at once (see _prior_containment).
PRIOR_KEYS_SLICE = 4096


def _prior_containment(sig: pa.Table, params: sg.MinHashParams
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Shingle counts and containment keys of persisted rows; rows written before
    containment existed (nulls) get count -1 and zero keys, and take no containment part.
    The keys are recomputed from the signatures, not read: rows of an earlier loose
    banding (42x3) then pair with new rows under the current one."""
    counts = sig.column("shingle_count").to_numpy(zero_copy_only=False)
    has = ~np.isnan(counts.astype(np.float64))
    counts = np.where(has, np.nan_to_num(counts.astype(np.float64), nan=-1), -1).astype(np.int64)
    loose = np.zeros((sig.num_rows, params.loose_bands), np.uint64)
    # In slices: a batch may hold tens of thousands of earlier rows (every copy of every
    # story it touches), and the banding's temporaries are several times the signatures.
    signatures = sig.column("signature")
    for start in range(0, sig.num_rows, PRIOR_KEYS_SLICE):
        part = np.flatnonzero(has[start : start + PRIOR_KEYS_SLICE]) + start
        if len(part):
            rows = nd.arrow_to_signatures(signatures.take(pa.array(part)), params.num_perm)
            loose[part] = sg.containment_keys(rows, params)
    return counts, loose


def _near_duplicates(rows: list[dict], first_seen_of: dict[str, datetime],
                     prior: PriorArticles, cfg: DedupConfig, params: sg.MinHashParams,
                     now: datetime, run_id: str
                     ) -> tuple[dict[str, tuple[str, str | None]], pa.Table]:
    """Cluster `rows` (one per article; `first_seen_of` its first version in this run)
    against the warehouse; returns {article_id: (cluster_id, duplicate_of)} and the
    signatures rows to append."""
    _check_params(prior, params)
    if not rows:
        return {}, SIGNATURES.empty_table()
    ids = [r["article_id"] for r in rows]
    texts = [r["text"] for r in rows]

    # Exact copies are signed once.
    by_hash: dict[str, int] = {}
    for r in rows:
        by_hash.setdefault(r["content_hash"], len(by_hash))
    unique_texts = [""] * len(by_hash)
    for r in rows:
        unique_texts[by_hash[r["content_hash"]]] = r["text"]
    which = [by_hash[r["content_hash"]] for r in rows]
    sig, counts = sg.sign_counted(unique_texts, params)
    sig, counts = sig[which], counts[which]
    keys = sg.band_keys(sig, params)
    loose = sg.containment_keys(sig, params)

    # Only the earlier articles this batch can touch: band-key neighbours (Jaccard and
    # containment keys, and the containment keys rows of the earlier banding were indexed
    # with), revised articles, and (as far as needed) the rest of their clusters.
    want = np.concatenate([keys, loose, sg.legacy_containment_keys(sig, params)], axis=1)
    texts_cache: dict[str, str] = {}

    hashes = [r["content_hash"] for r in rows]

    def cluster_against(table: pa.Table | None):
        return _cluster_against(table, ids, texts, hashes, sig, counts, first_seen_of, prior, cfg,
                                params, texts_cache)

    near = prior.near(ids, want) if prior.near is not None else None
    if near is None:  # a source that answers only whole clusters (or nothing yet)
        found = prior.signatures(ids, want)
        if found is None:
            found = SIGNATURES.empty_table()
        near = NearRows(found, pa.table({"key": pa.array([], pa.uint64()),
                                         "cluster_id": pa.array([], pa.string())}),
                        frozenset(found.column("cluster_id").to_pylist()))
    res, first_seen_ts, to_re_record = _near_in_rounds(near, want, prior, cluster_against,
                                                      ids)
    out = {a: (c, d) for a, c, d in zip(ids, res.new_cluster, res.new_duplicate_of, strict=True)}

    new_tbl = pa.table({
        "article_id": pa.array(ids, pa.string()),
        "content_hash": pa.array([r["content_hash"] for r in rows], pa.string()),
        "cluster_id": pa.array(res.new_cluster, pa.string()),
        "duplicate_of": pa.array(res.new_duplicate_of, pa.string()),
        "first_seen": pa.array(first_seen_ts, SIGNATURES.field("first_seen").type),
        "signature": nd.signatures_to_arrow(sig),
        "band_keys": nd.keys_to_arrow(keys),
        "params": pa.array([params.fingerprint] * len(ids), pa.string()),
        "recorded_at": pa.array([now] * len(ids), SIGNATURES.field("recorded_at").type),
        "run_id": pa.array([run_id] * len(ids), pa.string()),
        "shingle_count": pa.array(counts, pa.int32()),
        "containment_keys": nd.keys_to_arrow(loose),
    }, schema=SIGNATURES)
    parts = [new_tbl]
    if to_re_record[0].num_rows:
        parts.append(_re_recorded(*to_re_record, params, now, run_id))
    return out, pa.concat_tables(parts)
