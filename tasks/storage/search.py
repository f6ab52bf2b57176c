"""Full-text search over committed articles: a tantivy index beside the warehouse.

Layout: <warehouse>/search/ holds the tantivy index and `indexed.json`, the list of
warehouse commits (manifests) whose articles are in it. The index is derived data: the
Parquet files and manifests stay the truth, and `rebuild` makes it again from them.

Crash safety, the same idea as the Parquet commit:
- a tantivy commit is atomic (its meta.json is replaced last): a writer killed midway
  leaves the previous commit readable and its own segments unreferenced;
- `indexed.json` is written (tmp + fsync + rename) only after the tantivy commit, so it
  never names a commit the index lacks. A run killed between its manifest and the index
  commit leaves a manifest that `indexed.json` does not list: `catch_up` (called by every
  run's index task and by every `pressroom search`) indexes it then;
- re-indexing a commit adds nothing: each article is deleted by its article_id and added
  again in the same tantivy commit (a delete only removes documents added before it), so
  the index holds one document per article whatever the crash left behind.

One document per article: its latest revision (commits are indexed in manifest order,
and a revision always lands in a later commit than the one it supersedes); none for an
article whose latest revision carries `noindex` (NOT_INDEXED). The text is
stored (zstd in tantivy's doc store) because snippets are cut from it.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import sleep

import pyarrow as pa
import tantivy

from tasks.common.urls import BadURL, typed_domain
from tasks.storage.interrupts import interruptible
from tasks.storage.warehouse import (
    committed_files,
    listed_files,
    manifests,
    read_declared,
    read_declared_file,
)

SEARCH_DIR = "search"
STATE_FILE = "indexed.json"
# Bumped when the index schema below changes: an index of another format is rebuilt.
# 2: title and text read by WORDS_TOKENIZER (2026-12-06, session 47 and fault round 43).
INDEX_FORMAT = 2
# The writer's memory budget: tantivy flushes a segment when it is spent. 128 MB keeps a
# 1M-article rebuild to a few dozen segments without weighing on a 2-core machine.
WRITER_HEAP_BYTES = 128_000_000
# Title words count double: a story *about* the query usually names it in its headline.
TITLE_BOOST = 2.0
SNIPPET_CHARS = 220
# The columns of ARTICLES the index reads.
COLUMNS = ("article_id", "revision", "url", "title", "text", "published_at", "domain",
           "source_name", "language", "cluster_id", "run_id", "rights")
# A page whose publisher asks search engines not to list it (`noindex`, or robots `none`,
# in articles.rights) is not put in this index, which is one: it stays in the warehouse and
# answers SQL. A later revision that drops the signal is indexed again, one that adds it
# removes the article from the index.
NOT_INDEXED = frozenset({"noindex"})


class IndexBusy(RuntimeError):
    """Another process holds the index writer (a run indexing while `pressroom search`
    catches up, or two runs at once); the other one will have indexed the commit, or the
    next catch-up will."""


def search_dir(root: Path) -> Path:
    return Path(root) / SEARCH_DIR


def _exists(folder: Path) -> bool:
    return folder.is_dir() and tantivy.Index.exists(str(folder))


# The words of titles and texts, and of queries: tantivy's "default" (runs of letters
# and digits, those over 40 bytes dropped, lower case), except that each letter of a
# script written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
# Myanmar) and each Hangul syllable is a word of its own. "default" read such a clause as
# one word, or none past 40 bytes (13 ideographs): not even "新华社" or "เชียงใหม่" was
# found inside one (session 47, fault round 43). Korean writes its particles onto the
# word ("서울에서", "in Seoul"), so "서울" found none of its forms. Now a query's word of
# such letters is read as the phrase of its letters, which finds it wherever it stands;
# every other word is the default's, so Latin, Cyrillic, Greek or Arabic text is indexed
# as before.
WORDS_TOKENIZER = "pressroom_words"
_LETTERS_OF_THEIR_OWN = (r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}"
                         r"\p{Myanmar}\p{Hangul}]")
_WORD_PATTERN = (rf"{_LETTERS_OF_THEIR_OWN}"
                 rf"|[[\p{{Alphabetic}}\p{{N}}]--{_LETTERS_OF_THEIR_OWN}]+")


def _words_analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(_WORD_PATTERN))
            .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase()).build())


def _with_words(index: tantivy.Index) -> tantivy.Index:
    """`index`, able to read and write WORDS_TOKENIZER's fields (tantivy keeps custom
    tokenizers per opened index, not in the index files)."""
    index.register_tokenizer(WORDS_TOKENIZER, _words_analyzer())
    return index


# Every field of the index, once: its name, how it is added, and how. (tantivy's Schema
# does not list its fields back, and the query parser needs their names.)
_FIELDS: tuple[tuple[str, str, dict], ...] = (
    ("article_id", "text", {"stored": True, "tokenizer_name": "raw"}),  # the delete key
    ("revision", "integer", {"stored": True}),
    ("title", "text", {"stored": True, "tokenizer_name": WORDS_TOKENIZER}),
    ("text", "text", {"stored": True, "tokenizer_name": WORDS_TOKENIZER}),
    ("url", "text", {"stored": True, "tokenizer_name": "raw"}),
    ("published_at", "date", {"stored": True, "indexed": True, "fast": True}),
    # domain and outlet name, lower-cased, for --outlet (exact terms, not scored)
    ("outlet", "text", {"tokenizer_name": "raw"}),
    ("domain", "text", {"stored": True, "tokenizer_name": "raw"}),
    ("language", "text", {"stored": True, "tokenizer_name": "raw"}),
    ("cluster_id", "text", {"stored": True, "tokenizer_name": "raw"}),
)
SCHEMA_FIELDS = tuple(name for name, _, _ in _FIELDS)


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    for name, kind, options in _FIELDS:
        getattr(b, f"add_{kind}_field")(name, **options)
    return b.build()


SCHEMA = _schema()


# -- the sidecar: which warehouse commits are in the index ------------------------------
def commit_key(manifest: dict) -> str:
    """A warehouse commit's name: its manifest's file name (one per batch commit and one
    per run manifest); manifests written before batch commits are named by run_id."""
    name = manifest.get("name") or manifest["run_id"]
    return str(name).removesuffix(".json")


def indexed_commits(root: Path) -> list[str]:
    """The commits the index holds; [] for a missing index or one of another format."""
    path = search_dir(root) / STATE_FILE
    try:
        state = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    if state.get("format") != INDEX_FORMAT:
        return []
    return list(state.get("commits", []))


def _write_state(folder: Path, commits: list[str]) -> None:
    # The folder may not exist yet: a warehouse whose first commits hold no article (every
    # source of the first run failed) records them before any index is made. Writing
    # there raised FileNotFoundError, which failed that run and every later one (each
    # catches up the same commit first).
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STATE_FILE
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"format": INDEX_FORMAT, "commits": commits}, fh, indent=0)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _format_of(folder: Path) -> int | None:
    try:
        return json.loads((folder / STATE_FILE).read_text("utf-8")).get("format")
    except (OSError, ValueError):
        return None


def _open(folder: Path) -> tantivy.Index:
    """The index in `folder`, created empty when missing, unreadable or of another
    format (its state file goes with it, so catch-up indexes every commit again)."""
    if folder.exists() and (folder / STATE_FILE).exists() and _format_of(folder) != INDEX_FORMAT:
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if _exists(folder):
        try:
            return _with_words(tantivy.Index(SCHEMA, path=str(folder), reuse=True))
        except ValueError:  # written by an incompatible schema or tantivy version
            shutil.rmtree(folder)
            folder.mkdir(parents=True)
    return _with_words(tantivy.Index(SCHEMA, path=str(folder), reuse=False))


def _writer(index: tantivy.Index) -> tantivy.IndexWriter:
    try:
        return index.writer(WRITER_HEAP_BYTES)
    except ValueError as exc:
        if "Lock" in str(exc):
            raise IndexBusy(str(exc)) from None
        raise


# -- documents --------------------------------------------------------------------------
def _latest_rows(articles: pa.Table) -> list[dict]:
    """The table's rows, only the highest revision of an article that appears twice."""
    cols = [c for c in COLUMNS if c in articles.column_names]
    best: dict[str, dict] = {}
    for row in articles.select(cols).to_pylist():
        prev = best.get(row["article_id"])
        if prev is None or (row.get("revision") or 1) >= (prev.get("revision") or 1):
            best[row["article_id"]] = row
    return list(best.values())


_INDEXABLE_DATES = (datetime(1678, 1, 1, tzinfo=UTC), datetime(2262, 1, 1, tzinfo=UTC))


def _document(row: dict) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("article_id", row["article_id"])
    doc.add_integer("revision", int(row.get("revision") or 1))
    doc.add_text("title", row.get("title") or "")
    doc.add_text("text", row.get("text") or "")
    doc.add_text("url", row.get("url") or "")
    published = row.get("published_at")
    # tantivy's dates end in 2262 (nanoseconds in an int64): one past it raised and ended
    # the run's commit; such a value is no publication date, so it is left out of the index
    if published is not None and _INDEXABLE_DATES[0] <= published <= _INDEXABLE_DATES[1]:
        doc.add_date("published_at", published)
    domain = (row.get("domain") or "").lower()
    doc.add_text("domain", domain)
    for outlet in {domain, domain.removeprefix("www."), (row.get("source_name") or "").lower()}:
        if outlet:
            doc.add_text("outlet", outlet)
    if row.get("language"):
        doc.add_text("language", row["language"].lower())
    if row.get("cluster_id"):
        doc.add_text("cluster_id", row["cluster_id"])
    return doc


def _add(writer: tantivy.IndexWriter, articles: pa.Table, replace: bool) -> int:
    """Add the table's articles; `replace` deletes each article's earlier document first
    (an incremental commit; a fresh rebuild has nothing to delete)."""
    n = 0
    for row in _latest_rows(articles):
        if replace:
            writer.delete_documents_by_term("article_id", row["article_id"])
        if NOT_INDEXED.intersection(row.get("rights") or ()):
            continue
        writer.add_document(_document(row))
        n += 1
    return n


class FilesGone(Exception):
    """A file listed to read was deleted before DuckDB read it (a `forget` or a compaction
    finishing beside the reader, which holds no writer lock)."""


def _commit_articles(root: Path, manifest: dict) -> pa.Table:
    """The articles a manifest commits (the columns the index reads). Files already gone
    are left out (their rows are in the commit that replaced them); one deleted while it
    is read raises `FilesGone` (before: DuckDB's IOException traceback, fault round 47)."""
    files = [str(Path(root) / rel) for rel in manifest.get("files", {}).get("articles", [])]
    files = [f for f in files if Path(f).exists()]
    if not files:
        return pa.table({"article_id": pa.array([], pa.string())})
    import duckdb

    con = duckdb.connect()
    # The read runs on a cursor of its own in a worker thread (`interruptible`), as
    # `sql`'s queries do: a search's catch-up of a large commit reads it all, and on the
    # main thread DuckDB's own check of signals lost a Ctrl-C at random (fault rounds
    # 60-61, 63). tantivy's calls stay on the main thread: they let the GIL go, and a
    # SIGINT during one is raised when it returns (measured in round 63).
    cur = con.cursor()
    try:
        rel = read_declared(cur, files, "articles")
        cols = [c for c in COLUMNS if c in rel.columns]
        return interruptible(cur, lambda: rel.select(*cols).to_arrow_table())
    except (duckdb.IOException, FileNotFoundError):
        if all(Path(f).exists() for f in files):
            raise
        raise FilesGone(", ".join(f for f in files if not Path(f).exists())) from None
    finally:
        cur.close()
        con.close()


def _pending_articles(root: Path, manifest: dict) -> pa.Table:
    """A pending commit's articles; a file of it that goes while it is read (replaced by a
    later commit, which the catch-up reads next) is left out, as one already gone is.
    A file a compaction merged, then deleted, is read where the compaction moved it."""
    for _ in range(_READS):
        try:
            return _with_compacted_rows(root, manifest, _commit_articles(root, manifest))
        except FilesGone:
            continue
    return _with_compacted_rows(root, manifest, _commit_articles(root, manifest))


def _with_compacted_rows(root: Path, manifest: dict, table: pa.Table) -> pa.Table:
    """`table` and the commit's rows in the files compactions moved its deleted files to.
    A run killed before its indexing, then two compactions (the second deletes what the
    first merged; `ingest` compacts at its end): its files were gone, the catch-up found
    no row and recorded the commit as indexed, and a compaction adds no article to the
    index, so the run's articles were never searchable (fault round 47). Only the
    commit's own rows (its run_id) are taken: a merged file holds other commits' rows,
    older revisions among them. A takedown's files hold others' rows under their own
    run ids: its kept rows are indexed with the commits they came from."""
    if manifest.get("kind") == "forget":
        return table
    gone = {rel for rel in manifest.get("files", {}).get("articles", [])
            if not (Path(root) / rel).exists()}
    moved = _moved_to(root, gone) if gone else []
    if not moved:
        return table
    rows = _commit_articles(root, {"files": {"articles": moved}})
    if not rows.num_rows:
        return table
    import pyarrow.compute as pc

    rows = rows.filter(pc.equal(rows.column("run_id"), manifest.get("run_id")))
    return pa.concat_tables([table, rows.select(table.column_names)]) if table.num_rows \
        else rows


def _moved_to(root: Path, gone: set[str]) -> list[str]:
    """The articles files that hold now what the compactions made of the files `gone`,
    followed through later compactions of the merged files (in commit order)."""
    todo, found = set(gone), []
    for m in manifests(root):
        replaced = set(m.get("replaces", []))
        if m.get("kind") != "compaction" or not todo & replaced:
            continue
        todo -= replaced
        for rel in m.get("files", {}).get("articles", []):
            if (Path(root) / rel).exists():
                found.append(rel)
            else:
                todo.add(rel)
    return found


# How often a reader lists the files again when some go while it reads: each time means
# another commit replaced them meanwhile, which takes seconds; a few tries are plenty.
_READS = 5


# -- writing ----------------------------------------------------------------------------
def index_commit(root: Path, articles: pa.Table, commit: str | None = None) -> int:
    """Index one warehouse commit's articles (the table publish just wrote) and record the
    commit (`commit`, else the table's run_ids) as indexed. Idempotent: indexing the same
    commit again leaves one document per article. Returns the documents added."""
    keys = [commit] if commit else sorted(set(articles.column("run_id").to_pylist()))
    folder = search_dir(root)
    index = _open(folder)
    writer = _writer(index)
    try:
        added = _add(writer, articles, replace=True)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise
    done = indexed_commits(root)
    _write_state(folder, done + [k for k in keys if k not in done])
    return added


def pending_commits(root: Path) -> list[dict]:
    """Committed manifests the index does not hold yet, oldest first."""
    done = set(indexed_commits(root))
    # A compaction adds no article: it rewrites rows the index already holds.
    return [m for m in manifests(root)
            if commit_key(m) not in done and m.get("kind") != "compaction"]


def catch_up(root: Path, fresh: dict[str, pa.Table] | None = None) -> list[str]:
    """Index every committed manifest the index lacks, in commit order (a run killed
    after its Parquet commit, or a search index deleted). `fresh` maps a commit to its
    articles when the caller has them in memory. Returns the commits indexed."""
    fresh = fresh or {}
    done = []
    for manifest in pending_commits(root):
        key = commit_key(manifest)
        if key not in fresh and unreadable_files_of(root, manifest):
            # Its articles cannot be read: it stays pending, and so do the commits after
            # it, in order (an older revision indexed after a newer one would replace it).
            # `stuck_note` says why; restored, the next catch-up indexes them all.
            break
        if manifest.get("kind") == "forget":
            # A takedown's commit adds no article: its articles files are the kept rows
            # rewritten. What it removed must leave the index too, or a `forget` killed
            # before its rebuild of the index left the article's text to every later
            # search, though gone from every table (fault round 46).
            _delete_documents(root, _forgotten_ids(root, manifest))
        table = fresh.get(key)
        if table is None:
            table = _pending_articles(root, manifest)
        if table.num_rows:
            index_commit(root, table, key)
        else:  # nothing to add: record it without opening a writer
            _write_state(search_dir(root), [*indexed_commits(root), key])
        done.append(key)
    return done


def _forgotten_ids(root: Path, manifest: dict) -> list[str]:
    """The article ids a takedown commit removed (its `takedowns` row's)."""
    files = [Path(root) / rel for rel in manifest.get("files", {}).get("takedowns", [])]
    return sorted({i for f in files if f.exists()
                   for ids in read_declared_file(f, "takedowns", ["article_ids"])
                   .column("article_ids").to_pylist() for i in (ids or [])})


def _delete_documents(root: Path, article_ids: list[str]) -> None:
    if not article_ids or not _exists(search_dir(root)):
        return
    writer = _writer(_open(search_dir(root)))
    try:
        for aid in article_ids:
            writer.delete_documents_by_term("article_id", aid)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise


REBUILD_LOCK = ".search-rebuild.lock"


@contextmanager
def _one_rebuild_at_a_time(root: Path) -> Iterator[None]:
    """An fcntl lock on `.search-rebuild.lock` (released by the kernel when the process
    dies). Two rebuilds at once (`pressroom reindex` twice, or beside a `forget`, or two
    searches remaking a damaged index) took each other's half-built `search.new-<pid>`
    for a killed rebuild's leftover and deleted it: the first ended with tantivy's
    "Failed to open file for read ... FileDoesNotExist" traceback (fault round 46). The
    second now waits, then rebuilds from what is committed by then."""
    with open(root / REBUILD_LOCK, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield  # closing the descriptor releases the lock


def rebuild(root: Path) -> int:
    """The index made again from every committed manifest, beside the live one, then
    swapped in. A crash before the swap leaves the old index; during it, no index, which
    the next catch-up rebuilds from scratch. One rebuild at a time per warehouse.
    Returns the number of documents."""
    root = Path(root)
    with _one_rebuild_at_a_time(root):
        return _rebuild(root)


def _rebuild(root: Path) -> int:
    live = search_dir(root)
    for stale in root.glob(f"{SEARCH_DIR}.*"):  # under the lock: a killed rebuild's
        shutil.rmtree(stale, ignore_errors=True)
    tmp = root / f"{SEARCH_DIR}.new-{os.getpid()}"
    tmp.mkdir(parents=True)
    try:
        return _build_and_swap(root, live, tmp)
    except BaseException:
        # Ctrl-C or a failure: the half-built copy (as large as the index) is not left
        # until the next rebuild, which might never come (fault round 58)
        _remove_half_built(tmp)
        raise


def _remove_half_built(tmp: Path, tries: int = 5) -> None:
    """Remove a stopped rebuild's copy. The stopped writer's threads may still be
    finishing a segment file in it as it is removed (the copy was left once in 9,000
    tests of a fresh-clone CI, session 58): removed again, a little later, until gone."""
    for attempt in range(tries):
        shutil.rmtree(tmp, ignore_errors=True)
        if not tmp.exists():
            return
        sleep(0.05 * (attempt + 1))


def _fill(root: Path, writer) -> list[str]:
    """Index every committed article with `writer` and commit; the commits it holds.

    Every committed article at once (after compactions: the merged files, not the ones
    they replaced), so each article's latest revision is the one indexed. The commits
    are named before the files are listed: a `forget` or a compaction committing
    meanwhile (neither waits for a reader) is then a commit the index lacks, indexed by
    the next catch-up. Named after, it was recorded as indexed though its files were
    not read: a takedown's replaced files deleted under the rebuild left the index
    without every other article of them, for good (fault round 47). Files that go
    while they are read: listed and read again."""
    for attempt in range(_READS):
        keys = [commit_key(m) for m in manifests(root)]
        current = {"files": {"articles": [str(f.relative_to(root.resolve()))
                                          for f in committed_files(root, "articles")]}}
        try:
            articles = _commit_articles(root, current)
        except FilesGone:
            if attempt == _READS - 1:
                raise
            continue
        break
    _add(writer, articles, replace=True)
    writer.commit()
    writer.wait_merging_threads()
    return keys


def _build_and_swap(root: Path, live: Path, tmp: Path) -> int:
    index = _with_words(tantivy.Index(SCHEMA, path=str(tmp), reuse=False))
    writer = _writer(index)
    try:
        keys = _fill(root, writer)
    except BaseException:
        # (the writer let go before the copy is removed: its threads stop with it, and the
        # traceback would otherwise keep it, and them, alive)
        writer = index = None
        raise
    del writer
    _write_state(tmp, keys)
    old = root / f"{SEARCH_DIR}.old-{os.getpid()}"
    # Hold the live index's writer lock over the swap: a run indexing into it meanwhile
    # would otherwise record its commit in the new state file without its documents.
    guard = _writer(_open(live)) if _exists(live) else None
    if live.exists():
        os.replace(live, old)
    os.replace(tmp, live)
    del guard
    shutil.rmtree(old, ignore_errors=True)
    index = _with_words(tantivy.Index.open(str(live)))
    index.reload()
    return index.searcher().num_docs


# -- reading ----------------------------------------------------------------------------
@dataclass
class Hit:
    score: float
    article_id: str
    revision: int
    title: str
    url: str
    published_at: datetime | None
    domain: str
    language: str | None
    cluster_id: str | None
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)  # in snippet, chars


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int  # documents matching, beyond the limit
    caught_up: list[str] = field(default_factory=list)  # commits indexed before searching
    note: str | None = None


def _day_start(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time.min, tzinfo=UTC)


# Where a date bound of a search is moved when it lies beyond the dates tantivy holds
# (1677-09-21 to 2262-04-11, nanoseconds in an int64): `--since 0001-01-01` was a query
# error ("out of range") and `--until 9999-12-31` an OverflowError traceback (its day
# after is no date). Both limits lie just outside the dates the index holds
# (`_INDEXABLE_DATES`), so a bound moved to them selects the same articles.
_DATE_BOUNDS = (datetime(1677, 12, 31, tzinfo=UTC), datetime(2262, 4, 1, tzinfo=UTC))


def _in_date_range(value: datetime) -> datetime:
    return min(max(value, _DATE_BOUNDS[0]), _DATE_BOUNDS[1])


def _first(doc: dict, name: str):
    values = doc.get(name) or []
    return values[0] if values else None


def _snippet(generator: tantivy.SnippetGenerator, doc: tantivy.Document, text: str
             ) -> tuple[str, list[tuple[int, int]]]:
    """The fragment around the matches, highlights as character offsets (tantivy gives
    bytes); the start of the text when the query matched only the title."""
    snip = generator.snippet_from_doc(doc)
    fragment = snip.fragment()
    if not fragment:
        return text[:SNIPPET_CHARS], []
    raw = fragment.encode("utf-8")
    spans = [(len(raw[: r.start].decode("utf-8", "ignore")), len(raw[: r.end].decode(
        "utf-8", "ignore"))) for r in snip.highlighted()]
    return fragment, spans


def filters(since: date | datetime | None = None, until: date | datetime | None = None,
            outlet: str | None = None, lang: str | None = None) -> list[tantivy.Query]:
    """The non-scoring conditions: published from `since` up to and including `until`
    (a date: that whole day; a datetime: up to that instant), outlet by domain or
    registry name, language code. An article without a date fails any date bound."""
    out = []
    if since is not None or until is not None:
        upper = None
        if until is not None:
            upper = _in_date_range(_day_start(until))
            if not isinstance(until, datetime):
                upper += timedelta(days=1)
        out.append(tantivy.Query.range_query(
            SCHEMA, "published_at", tantivy.FieldType.Date,
            _in_date_range(_day_start(since)) if since is not None else None, upper,
            include_lower=True, include_upper=upper is None or isinstance(until, datetime)))
    if outlet:
        out.append(_outlet_query(outlet))
    if lang:
        out.append(tantivy.Query.term_query(SCHEMA, "language", language_term(lang)))
    return [tantivy.Query.const_score_query(q, 0.0) for q in out]


# a language (ISO 639-1, or 639-2/3 as a page's <html lang> may give), then any subtags
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def language_term(lang: str) -> str:
    """The stored code `--lang` means: the detector stores a language alone (`en`, `pt`),
    so a tag with its region (`en-US`, `pt_BR`, as locales and browsers write it) found
    nothing, and so did a name (`english`): "0 matching", as if no article were in that
    language (fault round 46). Raises ValueError for what is no language tag."""
    m = _LANGUAGE_TAG.fullmatch(lang.strip())
    if m is None:
        raise ValueError(f"--lang {lang!r} is no language code: articles store ISO 639-1 "
                         "codes (en, de, fr; en-US is read as en)")
    return m.group(1).lower()


def outlet_terms(outlet: str) -> list[str]:
    """The index's `outlet` terms `--outlet` may mean: the name as typed (a registry name,
    a domain), and when it reads as a host or an address, the domain articles store for
    it: `www.news.example`, `news.example.` and a pasted `https://news.example/world/`
    found nothing, the site's articles being under `news.example` (fault round 46)."""
    terms = [outlet.strip().lower()]
    try:
        terms.append(typed_domain(outlet))
    except BadURL:
        pass  # an outlet's name ("Daily Post"): only as typed
    return list(dict.fromkeys(terms))


def _outlet_query(outlet: str) -> tantivy.Query:
    terms = [tantivy.Query.term_query(SCHEMA, "outlet", t) for t in outlet_terms(outlet)]
    if len(terms) == 1:
        return terms[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in terms])


_AND_NOT = re.compile(r"\bAND\s+NOT\b")


def normalise_query(query: str) -> str:
    """`a AND NOT b` as `a NOT b`: tantivy parses the former into a clause that matches
    nothing on its own (a must-clause of only a must-not), people write it all the time.
    Phrases (between double quotes) are left as they are."""
    parts = query.split('"')
    parts[::2] = [_AND_NOT.sub("NOT", p) for p in parts[::2]]
    return '"'.join(parts)


# tantivy's query parser recurses once per opening parenthesis, on the calling thread's
# stack: 10,000 of them ("((((...") ended `pressroom search` with a segmentation fault
# (6,000 still parsed on the 8 MB main stack; a worker thread's stack is smaller). No
# one nests a search that deep; 100 is far past any real query.
MAX_QUERY_DEPTH = 100


def query_depth(query: str) -> int:
    """How deep the query's parentheses nest outside "phrases" (an unclosed one counts)."""
    depth = deepest = 0
    for i, part in enumerate(query.split('"')):
        if i % 2:  # inside a phrase: parentheses are words there
            continue
        for ch in part:
            if ch == "(":
                depth += 1
                deepest = max(deepest, depth)
            elif ch == ")":
                depth = max(depth - 1, 0)
    return deepest


# A `name:` that is no field of the index (a headline "Sikorski: NATO ...", a time
# "10:30", a URL's "https:"), an apostrophe ("Ukraine's", which tantivy reads as a
# quotation), brackets and braces (its range syntax), and a parenthesis or a double
# quote left unpaired: each was a "query error" ("Field does not exist: 'Sikorski'",
# "Syntax Error: Ukraine's") for a query pasted from a headline.
_FIELD_PREFIX = re.compile(r"(?<![\\\w])(\w+):")
_ALWAYS_WORDS = re.compile(r"(['\[\]{}])")


def as_written(query: str, fields: frozenset[str]) -> str:
    """`query` with the characters tantivy's grammar reads as syntax, where they cannot
    be meant as such, escaped as words: a colon after a name that is no field in
    `fields`, apostrophes, brackets and braces, a parenthesis or `"` left unpaired."""
    parts = query.split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: the last one opens no phrase
        parts[-2:] = [parts[-2] + '\\"' + parts[-1]]
    for i in range(0, len(parts), 2):  # outside "phrases"
        text = _FIELD_PREFIX.sub(
            lambda m: m.group(0) if m.group(1) in fields else m.group(1) + "\\:", parts[i])
        parts[i] = _unpaired_parentheses(_ALWAYS_WORDS.sub(r"\\\1", text))
    return '"'.join(parts)


def _unpaired_parentheses(text: str) -> str:
    out, opened = [], []
    for ch in text:
        if ch == "(":
            opened.append(len(out))
        elif ch == ")":
            if not opened:
                out.append("\\)")
                continue
            opened.pop()
        out.append(ch)
    for at in opened:
        out[at] = "\\("
    return "".join(out)


# What tantivy's "Syntax Error: title:" meant, in words (fault round 19): a field given
# no word, an operator with nothing on one side, a query of exclusions alone.
_FIELD_WITHOUT_WORD = re.compile(r"(?<![\\\w])(\w+):(?=\s*(?:$|\)|\(\s*\)|(?:AND|OR|NOT)\b))")
_OPERATOR_AT_EDGE = re.compile(r"^\s*(AND|OR)\b|\b(AND|OR|NOT)\s*$|(?:^|\s)([+-])\s*$")
_HOLDS_NO_WORD = re.compile(r"[\w*]")


def refusal_reason(query: str, error: str, fields: frozenset[str]) -> str:
    """Why tantivy refused `query`, in words a person can act on, its own error after
    in parentheses; its error alone when the query is refused for another reason.
    `pressroom search "title:"` once said "Syntax Error: title:" and no more."""
    field = next((m.group(1) for m in _FIELD_WITHOUT_WORD.finditer(query)
                  if m.group(1) in fields), None)
    edge = _OPERATOR_AT_EDGE.search(query)
    if field:
        why = (f"'{field}:' names the field {field} but no word to search it for (write "
               f"{field}:storm or {field}:\"two words\"; without the colon, {field} is a "
               "word)")
    elif "Only excluding terms" in error:
        why = ("the query only excludes (NOT or -): name a word to find as well, as in "
               "'flood NOT storm'")
    elif edge and edge.group(3):
        why = f"'{edge.group(3)}' (must / must not) has no word after it"
    elif edge:
        op = edge.group(1) or edge.group(2)
        side = "left" if edge.group(1) else "right"
        why = (f"{op} has no word on its {side} (write it between two words, as in "
               f"'flood {op} storm', or \"{op}\" to search for the word)")
    else:
        return error
    return f"{why} ({error})"


# A `*` right after a word ("storm*", "title:riv*"): tantivy's parser drops the star and
# searches for the whole word "storm", so "storm*" found no "storms" and said nothing.
_STAR_AFTER_WORD = re.compile(r"(?<![\\\w])(\w+)\*(?=$|[\s)])")


def star_note(query: str) -> str | None:
    """A note for a query holding `word*` outside "phrases": the search is for the word
    as written, not for words it begins (this index has no prefix search)."""
    words = [m.group(1) for i, part in enumerate(query.split('"')) if not i % 2
             for m in _STAR_AFTER_WORD.finditer(part)]
    if not words:
        return None
    return (f"{', '.join(repr(w + '*') for w in words)}: searched for "
            f"{', '.join(repr(w) for w in words)} as whole word(s); a * after a word is no "
            "prefix search here (write the words in full, e.g. 'storm OR storms')")


def parse(index: tantivy.Index, query: str) -> tuple[tantivy.Query, str | None]:
    """tantivy's query language over title and text: words (all must match: AND is the
    default, as web search engines do), "phrases", AND / OR / NOT, +must / -mustnot,
    parentheses, field:word; and a note when the query was read as words
    (`as_written`) because tantivy refused it as written. Raises ValueError on a query
    of no words, on a syntax error read either way, and on parentheses nested deeper than
    MAX_QUERY_DEPTH (the parser would overflow its stack)."""
    depth = query_depth(query)
    if depth > MAX_QUERY_DEPTH:
        raise ValueError(f"parentheses nested {depth} deep, more than the "
                         f"{MAX_QUERY_DEPTH} a query may nest")
    if not _HOLDS_NO_WORD.search(query):
        # tantivy reads "" (and '""') as a query matching nothing: "0 of 0 matching
        # article(s)", as if the warehouse held no match; ":" or "()" a syntax error
        raise ValueError("the query holds no words to search for")
    try:
        return _parsed(index, normalise_query(query)), star_note(query)
    except ValueError as exc:
        written = as_written(query, frozenset(SCHEMA_FIELDS))
        if written == query:
            raise ValueError(refusal_reason(query, str(exc), frozenset(SCHEMA_FIELDS))
                             ) from None
        try:
            parsed = _parsed(index, normalise_query(written))
        except ValueError:
            raise ValueError(refusal_reason(query, str(exc), frozenset(SCHEMA_FIELDS))
                             ) from None
        return parsed, f"searched for the words of {query!r} ({exc})"


def _parsed(index: tantivy.Index, query: str) -> tantivy.Query:
    return index.parse_query(query, ["title", "text"],
                             field_boosts={"title": TITLE_BOOST}, conjunction_by_default=True)


def commits_no_longer_listed(root: Path) -> list[str]:
    """The commits the index holds whose manifests the warehouse no longer has: one
    moved out of manifests/ (its rows dropped, as a damaged commit's are) or a warehouse
    restored from a backup older than its index. Their articles stayed searchable while
    every other reader had dropped them (fault round 42)."""
    indexed = indexed_commits(root)
    if not indexed:
        return []
    listed = {commit_key(m) for m in manifests(root)}
    return [c for c in indexed if c not in listed]


def writable(root: Path) -> bool:
    """Whether this process can write the warehouse's search index (its folder, or the
    warehouse where it is still to be made): not on a read-only mount, nor in a
    warehouse another user owns and this one may only read."""
    folder = search_dir(root)
    return os.access(folder if folder.exists() else root, os.W_OK)


_LINKED: dict[str, str] = {}  # an index folder -> the folder of links it is read through


def _linked_folder(folder: Path) -> Path:
    """A new temporary folder of links to the files of the index in `folder`. tantivy
    takes a lock file in the index's folder even to read it, so an index this process
    cannot write (a read-only mount, a warehouse of another user) could not be opened:
    `pressroom search` said the index was damaged and failed making it again with an
    OSError traceback (fault round 51). The index's files are never changed once
    written (meta.json is replaced, not edited), so links to them are the index as it
    is now; the lock goes in the temporary folder. The folder made for `folder` before
    is removed (its index read through), the last one at exit."""
    tmp = tempfile.mkdtemp(prefix="pressroom-search-")
    for entry in folder.iterdir():
        if entry.is_file() and not entry.name.startswith(".tantivy-"):
            os.symlink(entry.resolve(), os.path.join(tmp, entry.name))
    before = _LINKED.get(str(folder))
    if before is not None:
        shutil.rmtree(before, ignore_errors=True)
    elif not _LINKED:
        atexit.register(_remove_linked_folders)
    _LINKED[str(folder)] = tmp
    return Path(tmp)


def _remove_linked_folders() -> None:
    for tmp in _LINKED.values():
        shutil.rmtree(tmp, ignore_errors=True)


def _open_to_read(root: Path) -> tantivy.Index:
    """The search index of `root`, opened to read (searched, never written)."""
    folder = search_dir(root)
    if not writable(root):
        folder = _linked_folder(folder)
    index = _with_words(tantivy.Index.open(str(folder)))
    index.reload()
    return index


def _searchable(root: Path) -> tuple[tantivy.Index | None, str | None]:
    """The index to search, and a note when it had to be made again first; (None, None)
    for a warehouse nothing was indexed from. An index damaged on disk (a segment file
    deleted or overwritten, meta.json garbage) was made again only by the next commit's
    indexing: until then `pressroom search` answered "query error: Failed to open file
    for read ...", exit 2, whatever the query, and with meta.json deleted "0 of 0 matching
    article(s)" over a warehouse of articles (fault round 28)."""
    folder = search_dir(root)
    state = "damaged"
    if _exists(folder):
        try:
            index = _open_to_read(root)
            index.searcher()
            gone = commits_no_longer_listed(root)
            if not gone:
                return index, None
            state = "stale"
            problem = (f"it held {len(gone)} commit(s) the warehouse no longer lists: "
                       f"{', '.join(gone[:3])}{', ...' if len(gone) > 3 else ''}")
        except ValueError as exc:
            problem = str(exc)
    elif indexed_commits(root) and committed_files(root, "articles"):
        # the state file says committed articles are in it: its meta.json is gone (commits
        # of no article are recorded without making an index)
        problem = "no index in it, though its state file lists the commits indexed"
    else:
        return None, None
    if not writable(root):
        # (the rebuild's lock file raised an OSError traceback)
        return None, (f"the search index is {state} ({problem[:200]}), and this process "
                      "cannot write the warehouse to make it again (a read-only mount, or "
                      "another user's folder): run `pressroom reindex` where it can, or "
                      "query the articles with `pressroom sql`")
    try:
        count = rebuild(root)
    except IndexBusy:
        return None, (f"the search index is {state} ({problem[:200]}), and another process "
                      "is writing it: search again when it is done")
    index = _open_to_read(root)
    return index, (f"the search index was {state} ({problem[:200]}): made again from the "
                   f"warehouse's {count} article(s)")


def _framed_as_parquet(path: Path) -> bool:
    """Whether `path` is a file with Parquet's magic at both ends: a file emptied, cut
    or deleted is not. Eight bytes read, where the full check (`committed_files`) reads
    and compares each footer's schema: over 200 files, 18 ms instead of 171 ms in a new
    process (each `pressroom search` is one), which made a search 0.62 -> 0.78 s."""
    try:
        with path.open("rb") as f:
            head = f.read(4)
            f.seek(-4, os.SEEK_END)
            return head == f.read(4) == b"PAR1"
    except OSError:  # gone, a folder, or shorter than 4 bytes
        return False


def unreadable_article_files(root: Path) -> list[str]:
    """The committed articles files no reader can read (emptied, torn, deleted: the ones
    `sql` leaves out of every view with a note), relative to the root. When every file
    is framed as Parquet, none is looked at closer (a file of another tool's columns is
    then not found here)."""
    listed = listed_files(root).get("articles", [])
    if all(_framed_as_parquet(root / rel) for rel in listed):
        return []
    readable = {str(f) for f in committed_files(root, "articles")}
    return [rel for rel in listed if str((root / rel).resolve()) not in readable]


def unreadable_files_of(root: Path, manifest: dict) -> list[str]:
    """The articles files `manifest` commits that are on disk and cannot be read (emptied,
    cut, a directory in the file's place). One left to the catch-up's read ended `pressroom
    search` in DuckDB's traceback, exit 1 ("No files found that match the pattern" for a
    directory, "too small to be a Parquet file" for an emptied file; fault round 63). A
    file deleted is not among them: its rows are where a compaction moved them."""
    listed = manifest.get("files", {}).get("articles", [])
    if all(_framed_as_parquet(Path(root) / rel) for rel in listed):
        return []
    unreadable = set(unreadable_article_files(root))
    return [rel for rel in listed if rel in unreadable and os.path.lexists(Path(root) / rel)]


def stuck_note(root: Path) -> str | None:
    """Why commits of the warehouse are not indexed, when the first of them holds an
    unreadable articles file (the catch-up stops there)."""
    pending = pending_commits(root)
    files = unreadable_files_of(root, pending[0]) if pending else []
    if not files:
        return None
    return (f"{len(pending)} commit(s) are not in the search index, from "
            f"{commit_key(pending[0])} on: its articles file(s) cannot be read "
            f"({', '.join(files[:3])}{', ...' if len(files) > 3 else ''}; `pressroom sql` "
            "names the problem). Restore them and the next search indexes these commits, "
            "or run `pressroom reindex` to index what can be read")


def readable_article_ids(root: Path) -> set[str]:
    """The article_ids of every readable committed articles file."""
    ids: set[str] = set()
    for path in committed_files(root, "articles"):
        ids.update(read_declared_file(path, "articles", ["article_id"])
                   .column("article_id").to_pylist())
    return ids


def _readable_hits(searcher: tantivy.Searcher, query: tantivy.Query, limit: int,
                   readable: set[str]) -> tuple[list[tuple[float, object]], int, int]:
    """The best `limit` hits of articles in `readable`, how many such articles match,
    and how many matching articles of the index are not in it. Every match is looked at
    (its stored article_id read): slower than a plain search, and only done while a
    committed articles file is unreadable."""
    every = searcher.search(query, limit=max(1, searcher.num_docs))
    kept = [(score, address) for score, address in every.hits
            if _first(searcher.doc(address).to_dict(), "article_id") in readable]
    return kept[:limit], len(kept), len(every.hits) - len(kept)


def _left_out_note(left_out: int, files: list[str]) -> str:
    return (f"{left_out} matching article(s) LEFT OUT: the search index holds them, but "
            f"no readable file of the warehouse does (unreadable: {', '.join(files[:3])}"
            f"{', ...' if len(files) > 3 else ''}; `pressroom sql` leaves them out too). "
            "Restore the file(s), or run `pressroom reindex` to make the index match "
            "the warehouse")


def search(root: Path, query: str, since: date | datetime | None = None,
           until: date | datetime | None = None, outlet: str | None = None,
           lang: str | None = None, limit: int = 10, catch_up_first: bool = True
           ) -> SearchResult:
    """Ranked (BM25) articles matching `query`, with a snippet each; commits the index
    lacks are indexed first (unless another process holds the writer: then the search
    answers from what is indexed, and says so)."""
    caught, note = [], None
    if catch_up_first and not writable(root):
        # Indexing them would write; the rest of the index is searched as it is.
        if lacking := pending_commits(root):
            note = (f"{len(lacking)} commit(s) of the warehouse are not in the search index "
                    "yet, and this process cannot write it (a read-only mount, or another "
                    "user's folder): their articles are not searched; `pressroom search` "
                    "where the warehouse can be written indexes them")
    elif catch_up_first:
        try:
            caught = catch_up(root)
            note = stuck_note(root)
        except IndexBusy:
            note = "the index is being written by another process: results may lag"
    index, remade = _searchable(root)
    if remade:
        note = f"{note}; {remade}" if note else remade
    if index is None:
        return SearchResult([], 0, caught, note)
    searcher = index.searcher()
    text_query, read_as = parse(index, query)
    if read_as:
        note = f"{note}; {read_as}" if note else read_as
    conditions = filters(since, until, outlet, lang)
    full = text_query if not conditions else tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, text_query), *((tantivy.Occur.Must, q) for q in conditions)])
    # No more hits than documents: tantivy reserves room for `limit` hits in each
    # segment first, so `--limit 100000000000` asked for 1.6 TB and the process aborted
    # (Rust's allocation failure, exit 134), and past 2**63 it panicked.
    # Articles whose committed file was emptied or torn on disk stay in the index (it is
    # built from the files as they were at their commit): `search budget` answered 3 of
    # 3 while `sql` counted 0 (fault round 51). They are left out, as every other reader
    # leaves them out, and the note says why and what mends it; the file restored, they
    # are found again without a reindex.
    unreadable = unreadable_article_files(root)
    try:
        if unreadable:
            found, total, left_out = _readable_hits(searcher, full, limit,
                                                    readable_article_ids(root))
            if left_out:
                lost = _left_out_note(left_out, unreadable)
                note = f"{note}; {lost}" if note else lost
        else:
            result = searcher.search(full, limit=max(1, min(limit, searcher.num_docs)),
                                     count=True)
            found, total = result.hits, result.count or 0
    except ValueError as exc:
        # `title:*` (any title) parses, then needs a column this index does not keep:
        # "Schema error: 'Field title is not a fast field.'"
        field = re.search(r"Field (\w+) is not a fast field", str(exc))
        if field is None:
            raise
        raise ValueError(f"'{field.group(1)}:*' (any {field.group(1)}) cannot be searched: "
                         "the index keeps no list of its values; '*' alone matches every "
                         f"article ({exc})") from None
    generator = tantivy.SnippetGenerator.create(searcher, text_query, SCHEMA, "text")
    generator.set_max_num_chars(SNIPPET_CHARS)
    hits = []
    for score, address in found:
        doc = searcher.doc(address)
        fields = doc.to_dict()
        snippet, spans = _snippet(generator, doc, _first(fields, "text") or "")
        hits.append(Hit(
            score=float(score), article_id=_first(fields, "article_id"),
            revision=int(_first(fields, "revision") or 1), title=_first(fields, "title") or "",
            url=_first(fields, "url") or "", published_at=_first(fields, "published_at"),
            domain=_first(fields, "domain") or "", language=_first(fields, "language"),
            cluster_id=_first(fields, "cluster_id"), snippet=snippet, highlights=spans))
    return SearchResult(hits, total, caught, note)


def document_count(root: Path) -> int:
    if not _exists(search_dir(root)):
        return 0
    return _open_to_read(root).searcher().num_docs


def size_on_disk(root: Path) -> int:
    return sum(p.stat().st_size for p in search_dir(root).rglob("*") if p.is_file())
