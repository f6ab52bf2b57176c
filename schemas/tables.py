"""The single definition of every warehouse table.

Writers validate against these (`validate`); nothing infers a schema. A change to any
schema bumps SCHEMA_VERSION, which is recorded in every run manifest, and new columns
must be nullable so that older Parquet files still read (`union_by_name`).
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 9  # 2: published_at_alternatives, published_at_flags;
# 3: published_date, published_at_confidence, modified_at; 4: rights; 5: takedowns;
# 6: entities.revision, places.revision; 7: signatures.shingle_count,
# signatures.containment_keys, band_index, articles.wire_credits; 8: payload_truncated;
# 9: articles.byline

UTC_TS = pa.timestamp("us", tz="UTC")

QUOTE = pa.struct([pa.field("quote", pa.string()), pa.field("speaker", pa.string())])
# One claim about the publication date: where it came from and what it said.
DATE_CANDIDATE = pa.struct([pa.field("source", pa.string()), pa.field("value", UTC_TS)])
ENTITY_SUMMARY = pa.struct(
    [pa.field("text", pa.string()), pa.field("label", pa.string()), pa.field("count", pa.int32())]
)

ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),  # from canonical URL, else hash
        pa.field("url", pa.string(), nullable=False),  # as discovered
        pa.field("canonical_url", pa.string(), nullable=False),
        pa.field("domain", pa.string(), nullable=False),
        pa.field("source_kind", pa.string(), nullable=False),  # feed|sitemap|url|warc|dump
        pa.field("source", pa.string()),  # the seed file, feed or WARC it came from
        pa.field("input_key", pa.string()),  # lineage: the discovered input it came from
        pa.field("fetched_at", UTC_TS),  # null for dumps (never fetched by us)
        pa.field("published_at", UTC_TS),
        # dump|jsonld|meta|time|headline|url|feed|sitemap|htmldate|text|relative, or a
        # fallback that never outvotes them: sitemap_lastmod|fetch_time|warc
        pa.field("published_at_source", pa.string()),
        # every distinct date claim, in order of preference, so a reader sees why
        pa.field("published_at_alternatives", pa.list_(DATE_CANDIDATE)),
        # 'future' (after fetch + 1 day), 'implausible' (before 1995), 'disagree'
        pa.field("published_at_flags", pa.list_(pa.string())),
        # the chosen claim's calendar day as the page wrote it, in its own time zone (a
        # story published at 22:00 in Bogotá is dated that day, not the next UTC day)
        pa.field("published_date", pa.date32()),
        # 0..1: the chosen source's weight, raised by agreeing and lowered by other sources
        pa.field("published_at_confidence", pa.float32()),
        pa.field("modified_at", UTC_TS),  # the page's dateModified, never a published_at
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        # the byline the authors were read from, before cleaning ("Jane Doe; Reuters"):
        # meta tag, JSON-LD or the page's byline, entries joined by '; '
        pa.field("byline", pa.string()),
        pa.field("site_name", pa.string()),
        pa.field("description", pa.string()),
        pa.field("categories", pa.list_(pa.string())),
        pa.field("tags", pa.list_(pa.string())),
        pa.field("top_image", pa.string()),
        pa.field("language", pa.string()),
        pa.field("language_score", pa.float32()),
        pa.field("text", pa.string(), nullable=False),  # paragraphs separated by blank lines
        pa.field("word_count", pa.int32(), nullable=False),
        pa.field("reading_time_min", pa.float32()),
        pa.field("content_hash", pa.string(), nullable=False),  # of the normalised text
        pa.field("cluster_id", pa.string()),
        pa.field("duplicate_of", pa.string()),
        pa.field("revision", pa.int32()),
        pa.field("previous_content_hash", pa.string()),
        pa.field("extractor", pa.string()),
        pa.field("extractor_version", pa.string()),
        # enrichment
        pa.field("places", pa.list_(pa.string())),  # ISO 3166-1 alpha-2
        pa.field("entities", pa.list_(ENTITY_SUMMARY)),
        pa.field("keywords", pa.list_(pa.string())),
        pa.field("quotes", pa.list_(QUOTE)),
        pa.field("source_name", pa.string()),
        pa.field("source_country", pa.string()),
        pa.field("source_type", pa.string()),
        # news agencies the copy credits in its dateline, byline or closing credit line
        # (tasks/enrich/wire.py), sorted canonical names; [] = none; null = not enriched
        pa.field("wire_credits", pa.list_(pa.string())),
        pa.field("enrich_error", pa.string()),  # an enrichment failure; the article is kept
        # opt-out signals of the page (tasks/common/rights.py: noai, noarchive, noimageai,
        # noindex, tdm-reservation), sorted; [] = none found; null = not a page (a dump)
        pa.field("rights", pa.list_(pa.string())),
        # the archive's crawler cut this page's payload at its limit (the WARC-Truncated
        # reason: length, time, disconnect, unspecified): the text is the page's head only;
        # null = the whole page
        pa.field("payload_truncated", pa.string()),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

REJECTS = pa.schema(
    [
        pa.field("article_id", pa.string()),  # null when nothing identifies the record
        pa.field("url", pa.string()),
        pa.field("source_kind", pa.string()),
        pa.field("source", pa.string()),
        pa.field("input_key", pa.string(), nullable=False),  # lets a re-run skip it
        pa.field("stage", pa.string(), nullable=False),
        # a short machine-readable code; an open set (08_accepted_values does not close
        # it). Codes of malformed inputs: RELIABILITY.md, "Faults handled" (e.g.
        # warc_bad_length, warc_empty, sitemap_truncated, feed_truncated, too_deep,
        # too_many_elements, bad_url;
        # partial_content and no_content of archived 206/204 records, as fetch_log names them)
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string()),  # for a person
        pa.field("rejected_at", UTC_TS, nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

FETCH_LOG = pa.schema(
    [
        pa.field("url", pa.string(), nullable=False),
        pa.field("final_url", pa.string()),
        pa.field("status", pa.int32()),  # HTTP status; null when no response
        # error kind; null on success. Kinds of broken responses: RELIABILITY.md, "Faults
        # handled" (e.g. partial_content, http_304, bad_status, bad_redirect, url_too_long)
        pa.field("error", pa.string()),
        pa.field("error_detail", pa.string()),
        pa.field("bytes", pa.int64()),
        pa.field("content_type", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("elapsed_ms", pa.float64()),
        pa.field("attempts", pa.int32()),
        pa.field("redirects", pa.list_(pa.string())),
        pa.field("fetched_at", UTC_TS, nullable=False),
        pa.field("warc_file", pa.string()),
        pa.field("warc_offset", pa.int64()),
        pa.field("source_kind", pa.string()),
        pa.field("source", pa.string()),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),  # PERSON|ORG|GPE|...
        pa.field("normalized", pa.string()),
        pa.field("count", pa.int32(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        # The article revision the row describes: one run can keep two revisions of an
        # article (a WARC with two captures of a changed page). Null in rows of schema < 6,
        # which were one per (article_id, run_id).
        pa.field("revision", pa.int32()),
    ]
)

PLACES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("iso2", pa.string(), nullable=False),
        pa.field("count", pa.int32(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("revision", pa.int32()),  # as entities.revision
    ]
)

# The persisted MinHash state of near-duplicate detection (tasks/dedup/rules.py, minhash.py).
# One row per article per change: a row for every new article (or revision), and a row
# again for an older article whose cluster got a new representative. The current state
# is the latest row per article_id (the latest_signatures view); older rows are history, never
# rewritten. `params` names the hash family (MinHashParams.fingerprint); rows made with
# other parameters do not compare and the stage refuses to mix them.
SIGNATURES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("content_hash", pa.string(), nullable=False),  # the revision that was signed
        pa.field("cluster_id", pa.string(), nullable=False),  # = article_id of the first seen
        pa.field("duplicate_of", pa.string()),  # null for the representative / a singleton
        pa.field("first_seen", UTC_TS, nullable=False),  # the order key with article_id
        pa.field("signature", pa.binary(), nullable=False),  # num_perm x uint32, little-endian
        pa.field("band_keys", pa.list_(pa.uint64()), nullable=False),  # one per LSH band
        # MinHashParams.fingerprint; "...-letters1" since Chinese, Japanese, Thai, Lao, Khmer
        # and Myanmar letters are tokens of their own (2026-12-06), rows without it were
        # signed before (signing.py)
        pa.field("params", pa.string(), nullable=False),
        pa.field("recorded_at", UTC_TS, nullable=False),  # latest row per article wins
        pa.field("run_id", pa.string(), nullable=False),
        # Containment (schema 7): shingles (by position) of the signed text, and the looser LSH
        # keys (signing.containment_keys): 64 (64x2 banding) since 2026-12-02, 42 (42x3) in
        # rows written before; dedup recomputes them from `signature` when it compares, so
        # only the band-key index uses the stored ones. Null in rows written before schema
        # 7: those articles are matched by Jaccard only. Same column types either way (the
        # golden schema is unchanged), but code older than 64x2 refuses 64-key rows.
        pa.field("shingle_count", pa.int32()),
        pa.field("containment_keys", pa.list_(pa.uint64())),
    ]
)

# The band-key index of `signatures` (tasks/storage/band_index.py): one row per LSH key
# (Jaccard band keys and containment keys) of every signature row since schema 7, sorted
# by key within each commit. Derived at commit time from that commit's signatures rows;
# dedup's per-batch lookup of earlier articles sharing a key reads it instead of
# unnesting every persisted row's key lists.
BAND_INDEX = pa.schema(
    [
        pa.field("key", pa.uint64(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),  # of the signature row indexed
    ]
)

# The in-flight document between stages (not published): discover fills the first block,
# fetch the second. One type for all sources, as datatrove's Document.
DOCUMENTS = pa.schema(
    [
        pa.field("input_key", pa.string(), nullable=False),  # stable id of this input
        pa.field("url", pa.string()),  # null only for a dump without a usable header
        pa.field("source_kind", pa.string(), nullable=False),
        pa.field("source", pa.string()),
        pa.field("hint_published_at", UTC_TS),  # from a feed, sitemap or dump header
        pa.field("hint_published_source", pa.string()),
        pa.field("hint_title", pa.string()),
        pa.field("dump_text", pa.string()),  # pre-extracted body (source_kind = dump)
        # fetch
        pa.field("final_url", pa.string()),
        pa.field("status", pa.int32()),
        pa.field("content_type", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("body", pa.large_binary()),
        pa.field("fetched_at", UTC_TS),
        pa.field("rights", pa.list_(pa.string())),  # opt-out signals of headers and <meta>
        pa.field("payload_truncated", pa.string()),  # WARC-Truncated of an archived record
    ]
)

# What `pressroom forget` removed, when and why; never the content. Later runs refuse
# these articles and domains (a reject, reason `taken_down`).
TAKEDOWNS = pa.schema(
    [
        pa.field("url", pa.string()),  # the URL asked for (one of url/domain/outlet is set)
        pa.field("domain", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("article_ids", pa.list_(pa.string())),  # every article it removed
        pa.field("reason", pa.string()),
        pa.field("requested_at", UTC_TS, nullable=False),
        pa.field("rows_removed", pa.int64(), nullable=False),
        pa.field("warc_records_removed", pa.int64(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),  # the forget commit, forget-<time>
    ]
)

# Every table that publish writes, by folder name under the warehouse.
TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "rejects": REJECTS,
    "fetch_log": FETCH_LOG,
    "entities": ENTITIES,
    "places": PLACES,
    "signatures": SIGNATURES,
    "takedowns": TAKEDOWNS,
    "band_index": BAND_INDEX,
}


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def conform(rows: list[dict] | pa.Table, schema: pa.Schema, name: str) -> pa.Table:
    """Build (or check) a table against `schema`: missing nullable columns become null,
    unknown columns and nulls in non-nullable columns are errors.

    Raises SchemaError naming the table and column, never a bare pyarrow traceback.
    """
    if isinstance(rows, pa.Table):
        rows = rows.to_pylist()
    known = set(schema.names)
    for i, row in enumerate(rows):
        extra = set(row) - known
        if extra:
            raise SchemaError(f"{name}: row {i} has undeclared columns {sorted(extra)}")
    columns = {}
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if not field.nullable:
            missing = [i for i, v in enumerate(values) if v is None]
            if missing:
                raise SchemaError(
                    f"{name}.{field.name} is declared NOT NULL but row {missing[0]} is null"
                )
        try:
            columns[field.name] = pa.array(values, type=field.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
            raise SchemaError(f"{name}.{field.name}: {exc}") from None
    return pa.Table.from_pydict(columns, schema=schema)


def validate(table: pa.Table, schema: pa.Schema, name: str) -> None:
    """Raise SchemaError unless `table` has exactly the declared schema and no null in a
    NOT NULL column."""
    if not table.schema.equals(schema, check_metadata=False):
        want = {f.name: f.type for f in schema}
        got = {f.name: f.type for f in table.schema}
        diffs = [
            f"{c}: expected {want.get(c)}, got {got.get(c)}"
            for c in dict.fromkeys([*want, *got])
            if want.get(c) != got.get(c)
        ]
        raise SchemaError(f"{name} does not match its schema: " + "; ".join(diffs[:5]))
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise SchemaError(f"{name}.{field.name} is declared NOT NULL but has nulls")
