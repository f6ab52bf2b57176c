"""Committed files another tool rewrote with equivalent but other Arrow types (fault round
39): polars' large_string and large_list, pandas' timestamp[ns, UTC], a timestamp without
a zone, int64 for int32, dictionary-encoded strings. They were "foreign": left out of
every view (`sql` counted none of their rows without a word), and every later run's data
tests failed. Now each reader casts them to the declared types; a file whose values would
not survive the cast stays out, named. Round 40: files pandas wrote back (its stand-in
types for columns with nulls or no values, and the index column it adds after a filter)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.storage.compact import compact
from tasks.storage.forget import Takedown, forget
from tasks.storage.publish import publish_commit
from tasks.storage.report import build_views, connect_views, run_data_tests
from tasks.storage.warehouse import file_problems, load_prior, scan_table
from tests.sql_cli import sql_csv
from tests.unit.dedup.test_rules import edited, row, run, story

T = datetime(2024, 4, 4, tzinfo=UTC)
URLS = [f"https://a{i}.example/story/{i}.html" for i in range(4)]


def _other_types(t: pa.Table, naive: bool = False) -> pa.Table:
    """`t` as another tool writes it back."""
    cols = []
    for f, col in zip(t.schema, t.columns, strict=True):
        typ = f.type
        if f.name == "domain":
            col = col.dictionary_encode()
            cols.append(pa.field(f.name, col.type))
            cols[-1] = (cols[-1], col)
            continue
        if pa.types.is_string(typ):
            typ = pa.large_string()
        elif pa.types.is_timestamp(typ):
            typ = pa.timestamp("ns") if naive else pa.timestamp("ns", tz="UTC")
        elif typ == pa.int32():
            typ = pa.int64()
        elif pa.types.is_list(typ) and pa.types.is_string(typ.value_type):
            typ = pa.large_list(pa.large_string())
        cols.append((pa.field(f.name, typ), col.cast(typ) if not (
            pa.types.is_timestamp(typ) and typ.tz is None) else col.cast(pa.timestamp(
                "ns", tz="UTC")).cast(pa.int64()).cast(typ)))
    return pa.table([c for _, c in cols], schema=pa.schema([f for f, _ in cols]))


def _rewrite(root, table: str, naive: bool = False, change=None) -> str:
    (path,) = [p for p in (root / table).glob("*.parquet") if ".b00001" in p.name]
    t = pq.read_table(path)
    pq.write_table(change(t) if change else _other_types(t, naive), path)
    return str(path.relative_to(root))


@pytest.fixture
def wh(tmp_path):
    res = run([row(u, story(i), i) for i, u in enumerate(URLS)])
    publish_commit(tmp_path, {"articles": res.table, **res.outputs},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    return tmp_path


def _count(root, sql="SELECT count(*) FROM articles"):
    con = connect_views(build_views(root))
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("naive", [False, True])
def test_a_file_of_equivalent_types_is_read_cast_in_the_views(wh, naive):
    before = scan_table(wh, "articles").sort_by("article_id")
    _rewrite(wh, "articles", naive)
    _rewrite(wh, "signatures", naive)
    assert file_problems(wh) == []
    assert _count(wh) == 4
    assert _count(wh, "SELECT count(*) FROM unique_articles") == 4
    assert _count(wh, "SELECT typeof(fetched_at) || ' ' || typeof(word_count) "
                      "FROM articles LIMIT 1") == "TIMESTAMP WITH TIME ZONE INTEGER"
    # the same instants, whatever the reader's zone (a zoneless one taken as UTC)
    assert _count(wh, "SELECT min(fetched_at) FROM articles") == min(
        before["fetched_at"].to_pylist())
    assert run_data_tests(build_views(wh))["committed_files_readable"] == 0
    after = scan_table(wh, "articles").sort_by("article_id")
    assert after.column("word_count").type == pa.int32()
    assert after["text"].to_pylist() == before["text"].to_pylist()


def test_sql_says_which_files_it_read_through_a_cast(wh):
    rel = _rewrite(wh, "articles")
    out = sql_csv(wh, "SELECT count(*) FROM articles")
    assert "4" in out.splitlines()
    assert "read through a cast" in out and rel in out


def test_dedup_finds_the_copy_of_an_article_in_a_file_of_other_types(wh):
    _rewrite(wh, "articles")
    _rewrite(wh, "signatures")
    _rewrite(wh, "band_index", change=lambda t: t.cast(pa.schema([
        pa.field("key", pa.uint64()), pa.field("article_id", pa.large_string()),
        pa.field("run_id", pa.large_string())])))
    copy = run([row("https://z.example/copy", edited(story(2), 3, seed=7), 60)],
               prior=load_prior(wh), run_id="r2")
    assert copy.table["duplicate_of"].to_pylist() != [None]


def test_forget_and_compact_read_a_file_of_other_types(wh):
    _rewrite(wh, "articles")
    publish_commit(wh, {"articles": run([row("https://b.example/x", story(9), 9)]).table},
                   {"run_id": "r2", "started_at": "2024-04-05T00:00:00+00:00"}, 1)
    forget(wh, Takedown(url=URLS[1], reason="test"), now=T + timedelta(days=1))
    assert sorted(scan_table(wh, "articles")["url"].to_pylist()) == sorted(
        [URLS[0], URLS[2], URLS[3], "https://b.example/x"])
    assert compact(wh, min_files=0, now=T + timedelta(days=2)) is not None
    assert _count(wh) == 4 and file_problems(wh) == []


@pytest.mark.parametrize("change", ["text_for_time", "beyond_int32"])
def test_a_file_whose_values_would_not_survive_the_cast_stays_out_named(wh, change):
    def altered(t: pa.Table) -> pa.Table:
        i = t.schema.get_field_index("fetched_at" if change == "text_for_time"
                                     else "word_count")
        value = pa.array(["yesterday"] * t.num_rows) if change == "text_for_time" \
            else pa.array([1 << 40] * t.num_rows, pa.int64())
        return t.set_column(i, t.schema.field(i).name, value)

    rel = _rewrite(wh, "articles", change=altered)
    (found,) = file_problems(wh)
    assert (found["file"], found["problem"]) == (rel, "foreign")
    assert _count(wh) == 0
    out = sql_csv(wh, "SELECT count(*) FROM articles")
    assert "LEFT OUT of every view" in out and rel in out


def _as_pandas_writes(t: pa.Table) -> pa.Table:
    """`t` read with pandas and written back (`pd.read_parquet(p).to_parquet(p)`, pandas
    3.1 over pyarrow 26, measured in fault round 40): strings large_string, a list column
    with no value at all Arrow's null type, lists that are all empty a list of nulls, an
    integer column holding a null float64 (pandas has no null in its int64)."""
    cols, fields = [], []
    for f, col in zip(t.schema, t.columns, strict=True):
        typ = f.type
        if pa.types.is_list(typ) and col.null_count == len(col):
            typ = pa.null()
        elif pa.types.is_list(typ) and not any(v for v in col.to_pylist() if v):
            typ = pa.list_(pa.null())
        elif pa.types.is_integer(typ) and col.null_count:
            typ = pa.float64()
        elif pa.types.is_string(typ):
            typ = pa.large_string()
        fields.append(pa.field(f.name, typ))
        cols.append(pa.nulls(len(col)) if typ == pa.null() else
                    pa.array([[] if v is not None else None for v in col.to_pylist()],
                             typ) if typ == pa.list_(pa.null()) else col.cast(typ))
    return pa.table(cols, schema=pa.schema(fields))


def test_a_file_pandas_wrote_back_is_read_cast_in_the_views(wh):
    def batch_without_places_or_authors(t: pa.Table) -> pa.Table:
        i = t.schema.get_field_index("places")
        t = t.set_column(i, t.schema.field(i), pa.array([[]] * t.num_rows, pa.list_(
            pa.string())))
        i = t.schema.get_field_index("authors")
        return t.set_column(i, t.schema.field(i), pa.nulls(t.num_rows, pa.list_(pa.string())))

    _rewrite(wh, "articles", change=batch_without_places_or_authors)
    before = scan_table(wh, "articles").sort_by("article_id")
    rel = _rewrite(wh, "articles", change=_as_pandas_writes)
    found = pq.read_schema(wh / rel)
    assert found.field("authors").type == pa.null()  # the case: no author in the batch
    assert found.field("places").type == pa.list_(pa.null())
    assert file_problems(wh) == []
    assert _count(wh) == 4
    assert run_data_tests(build_views(wh))["committed_files_readable"] == 0
    after = scan_table(wh, "articles").sort_by("article_id")
    assert after.schema.field("authors").type == pa.list_(pa.string())
    assert after["places"].to_pylist() == before["places"].to_pylist()
    assert after["text"].to_pylist() == before["text"].to_pylist()


def test_a_fetch_log_pandas_wrote_back_still_holds_the_recent_failures(tmp_path):
    """A fetch with no response has a null status: pandas reads the column as float64.
    The file was left out, so the next run fetched the failed URLs again within
    `refetch_failed_after_hours` and ended with its data tests failing."""
    from schemas import FETCH_LOG, conform
    from tasks.storage.warehouse import fetch_history, known_inputs

    log = [{"url": "https://a.example/ok", "status": 200, "fetched_at": T, "run_id": "r1",
            "warc_file": "raw/r1.warc.gz", "warc_offset": 0},
           {"url": "https://a.example/down", "status": None, "error": "connect_error",
            "fetched_at": T, "run_id": "r1"}]
    publish_commit(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log")},
                   {"run_id": "r1", "started_at": T.isoformat()}, 1)
    rel = _rewrite(tmp_path, "fetch_log", change=_as_pandas_writes)
    assert pq.read_schema(tmp_path / rel).field("status").type == pa.float64()
    assert file_problems(tmp_path) == []
    known = known_inputs(tmp_path, timedelta(hours=24), now=T + timedelta(hours=1))
    assert known.recently_failed_urls == {"https://a.example/down"}
    assert fetch_history(tmp_path, {"https://a.example/ok"})["https://a.example/ok"].status \
        == 200
    assert _count(tmp_path, "SELECT list(status ORDER BY url) FROM fetch_log") == [None, 200]
    assert run_data_tests(build_views(tmp_path))["committed_files_readable"] == 0


@pytest.mark.parametrize("change", ["fraction", "null_where_not_null"])
def test_pandas_stand_ins_whose_values_do_not_fit_stay_out(wh, change):
    def altered(t: pa.Table) -> pa.Table:
        i = t.schema.get_field_index("word_count")
        value = pa.array([1.5] * t.num_rows) if change == "fraction" else pa.nulls(t.num_rows)
        return t.set_column(i, "word_count", value)

    rel = _rewrite(wh, "articles", change=altered)
    (found,) = file_problems(wh)
    assert (found["file"], found["problem"]) == (rel, "foreign")
    assert _count(wh) == 0


def _filtered_by_pandas(t: pa.Table) -> pa.Table:
    """Rows 1 and 3 deleted as pandas deletes them (`df[mask].to_parquet(path)`): the
    rows left keep their index (0, 2), which pandas writes as the column
    `__index_level_0__` and names in the file's `pandas` metadata (measured with pandas
    3.1 in fault round 40)."""
    import json

    kept = t.take([0, 2]).append_column("__index_level_0__", pa.array([0, 2], pa.int64()))
    meta = {"index_columns": ["__index_level_0__"], "column_indexes": [],
            "columns": [{"name": n, "field_name": n} for n in kept.column_names]}
    return kept.replace_schema_metadata({b"pandas": json.dumps(meta).encode()})


def test_a_file_pandas_filtered_is_read_without_its_index_column(wh):
    rel = _rewrite(wh, "articles", change=_filtered_by_pandas)
    kept_urls = sorted(scan_table(wh, "articles")["url"].to_pylist())
    assert len(kept_urls) == 2
    assert file_problems(wh) == []
    assert _count(wh) == 2
    assert _count(wh, "SELECT count(*) FROM (DESCRIBE articles) "
                      "WHERE column_name = '__index_level_0__'") == 0
    assert run_data_tests(build_views(wh))["committed_files_readable"] == 0
    from tasks.storage.warehouse import known_inputs, read_declared_file

    assert len(known_inputs(wh, timedelta(hours=24), now=T).article_ids) == 2
    assert "__index_level_0__" not in read_declared_file(wh / rel, "articles").column_names
    publish_commit(wh, {"articles": run([row("https://b.example/x", story(9), 9)]).table},
                   {"run_id": "r2", "started_at": "2024-04-05T00:00:00+00:00"}, 1)
    assert compact(wh, min_files=0, now=T + timedelta(days=1)) is not None
    assert _count(wh) == 3 and file_problems(wh) == []


def test_a_column_no_index_names_still_makes_a_file_foreign(wh):
    rel = _rewrite(wh, "articles", change=lambda t: t.append_column(
        "__index_level_0__", pa.array(range(t.num_rows), pa.int64())))
    (found,) = file_problems(wh)
    assert (found["file"], found["problem"]) == (rel, "foreign")


def test_the_latest_signature_is_found_by_instant_in_any_readers_zone(wh, monkeypatch):
    """Mutation seed 67 (seed 66's open survivor): dedup's prior rows read a signatures
    file with a zoneless recorded_at (another tool's rewrite) through its cast, so each
    row is ordered by its instant wherever the reader runs. Read without the cast beside
    a file of ours, DuckDB puts both on the reader's wall clock: a row of ours recorded
    at 10:00 UTC is 06:00 in New York while the zoneless 09:59 stays 09:59, so the
    earlier row came out as the article's latest."""
    import duckdb

    # r1's file as another tool rewrote it: its times without their zone
    _rewrite(wh, "signatures", naive=True)
    first = scan_table(wh, "signatures")
    revised = run([row(URLS[1], edited(story(1), 40, seed=3), 90)], prior=load_prior(wh),
                  run_id="r2")
    publish_commit(wh, {"articles": revised.table, **revised.outputs},
                   {"run_id": "r2", "started_at": "2024-04-04T01:00:00+00:00"}, 1)
    assert file_problems(wh) == []
    (aid,) = revised.table["article_id"].to_pylist()
    new_hash = revised.table["content_hash"][0].as_py()
    assert aid in first["article_id"].to_pylist()
    assert new_hash not in first["content_hash"].to_pylist()
    real = duckdb.connect

    def in_new_york(*args, **kwargs):
        con = real(*args, **kwargs)
        con.execute("SET TimeZone = 'America/New_York'")
        return con

    monkeypatch.setattr(duckdb, "connect", in_new_york)
    got = load_prior(wh).signatures([aid], [])
    assert [r["content_hash"] for r in got.to_pylist() if r["article_id"] == aid] == [new_hash]


def test_prior_texts_are_found_in_a_rewritten_file_before_one_of_ours(wh):
    """Mutation seed 67: dedup reads an earlier article's text at its place in the files
    as `read_declared` numbers them, those read through a cast last; a rewritten first
    commit numbered in commit order instead read another commit's rows there."""
    _rewrite(wh, "articles")
    later = run([row("https://b.example/x", story(9), 9)], run_id="r2")
    publish_commit(wh, {"articles": later.table, **later.outputs},
                   {"run_id": "r2", "started_at": "2024-04-05T00:00:00+00:00"}, 1)
    assert file_problems(wh) == []
    articles = scan_table(wh, "articles")
    want = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(),
                    strict=True))
    assert len(want) == 5
    assert load_prior(wh).texts(sorted(want)) == want


def test_a_rewritten_file_is_read_back_in_the_declared_types_and_columns_asked(wh):
    """Mutation seed 67: `read_declared_file` (compact's and forget's reader) casts every
    column of another type, the first (article_id) too, leaves the rest as they are,
    reads only the columns asked, and keeps a declared column that pandas names as its
    index (`df.set_index("article_id")`): only an undeclared index column is bookkeeping."""
    import json

    from schemas import ARTICLES
    from tasks.storage.warehouse import read_declared_file

    rel = _rewrite(wh, "articles")
    assert pq.read_schema(wh / rel).field("article_id").type == pa.large_string()
    whole = read_declared_file(wh / rel, "articles")
    assert whole.num_rows == 4
    assert [(f.name, f.type) for f in whole.schema] == [
        (f.name, ARTICLES.field(f.name).type) for f in whole.schema]
    some = read_declared_file(wh / rel, "articles", columns=["article_id", "text"])
    assert some.column_names == ["article_id", "text"]
    assert some["article_id"].to_pylist() == whole["article_id"].to_pylist()

    def indexed_by_article_id(t: pa.Table) -> pa.Table:
        meta = {"index_columns": ["article_id"], "column_indexes": [],
                "columns": [{"name": n, "field_name": n} for n in t.column_names]}
        return t.replace_schema_metadata({b"pandas": json.dumps(meta).encode()})

    ids = sorted(whole["article_id"].to_pylist())
    rel = _rewrite(wh, "articles", change=indexed_by_article_id)
    assert file_problems(wh) == []
    assert sorted(read_declared_file(wh / rel, "articles")["article_id"].to_pylist()) == ids


def test_a_signatures_file_with_large_binary_signatures_is_read_cast(wh):
    """Mutation seed 67: polars and pandas may write a binary column as large_binary (as
    strings as large_string): the same kind, so the file is read through its cast, not
    left out as foreign; a fixed-size binary is another kind."""
    from tasks.storage.warehouse import castable

    assert castable(pa.large_binary(), pa.binary())
    assert castable(pa.binary(), pa.large_binary())
    assert not castable(pa.binary(16), pa.binary())
    assert not castable(pa.large_binary(), pa.string())

    def large_binary(t: pa.Table) -> pa.Table:
        i = t.schema.get_field_index("signature")
        return t.set_column(i, "signature", t.column(i).cast(pa.large_binary()))

    before = scan_table(wh, "signatures").sort_by("article_id")
    _rewrite(wh, "signatures", change=large_binary)
    assert file_problems(wh) == []
    after = scan_table(wh, "signatures").sort_by("article_id")
    assert after["signature"].to_pylist() == before["signature"].to_pylist()


def test_only_a_float_stands_in_for_an_integer(wh):
    """Mutation seed 67: pandas' float64 may stand for an integer column (its values are
    checked); text of digits, a boolean or a timestamp may not, and a file holding one
    stays out, named."""
    from tasks.storage.warehouse import castable

    assert castable(pa.float64(), pa.int32()) and castable(pa.float32(), pa.int64())
    for found in (pa.string(), pa.large_string(), pa.bool_(), pa.timestamp("us")):
        assert not castable(found, pa.int32()), found
    assert not castable(pa.float64(), pa.string())

    def digits(t: pa.Table) -> pa.Table:
        i = t.schema.get_field_index("word_count")
        return t.set_column(i, "word_count", t.column(i).cast(pa.string()))

    rel = _rewrite(wh, "articles", change=digits)
    (found,) = file_problems(wh)
    assert (found["file"], found["problem"]) == (rel, "foreign")


def test_a_list_or_a_struct_never_stands_for_a_plain_column():
    """Mutation seed 67: pandas' list of nulls stands for a list column only, and a
    struct for a struct with the same fields; for a plain column each is another kind
    (answered, not raised)."""
    from tasks.storage.warehouse import castable

    assert castable(pa.list_(pa.null()), pa.list_(pa.string()))
    assert not castable(pa.list_(pa.null()), pa.int32())
    assert not castable(pa.list_(pa.null()), pa.string())
    assert not castable(pa.struct([("a", pa.string())]), pa.string())
    assert castable(pa.struct([("a", pa.large_string())]), pa.struct([("a", pa.string())]))
    assert not castable(pa.struct([("b", pa.string())]), pa.struct([("a", pa.string())]))
    # pandas' stand-ins inside a struct, field by field
    assert castable(pa.struct([("a", pa.null()), ("n", pa.float64())]),
                    pa.struct([("a", pa.string()), ("n", pa.int32())]))
    assert not castable(pa.struct([("a", pa.float64())]), pa.struct([("a", pa.string())]))
    # inside a list, a zoneless timestamp is not ours (answered, not raised)
    assert not castable(pa.list_(pa.timestamp("us")), pa.list_(pa.timestamp("us", tz="UTC")))


def test_only_a_timestamp_stands_in_for_a_timestamp():
    """Mutation seed 67: any timestamp, with a zone or without (read as UTC), may stand for
    ours; ISO text may not, though its values would cast, nor may a timestamp stand for
    text or a number."""
    from tasks.storage.warehouse import castable

    ours = pa.timestamp("us", tz="UTC")
    assert castable(pa.timestamp("ns"), ours) and castable(pa.timestamp("ms", tz="UTC"), ours)
    for other in (pa.string(), pa.int64(), pa.date32()):
        assert not castable(other, ours), other
        assert not castable(ours, other), other


def test_pandas_metadata_names_index_columns_only_where_it_lists_their_names(wh):
    """Mutation seed 67: pandas lists a RangeIndex as a description, not a column name
    ({"kind": "range", ...}: nothing written), and metadata that is no JSON object names
    nothing; an index column is found wherever it sits in the file, the first too. A
    file of ours is read without a cast, one another tool rewrote through one."""
    import json

    from tasks.storage.warehouse import cast_select, pandas_index_columns

    def with_pandas(schema: pa.Schema, meta) -> pa.Schema:
        return schema.with_metadata({b"pandas": json.dumps(meta).encode()})

    schema = pa.schema([("__index_level_0__", pa.int64()), ("a", pa.string())])
    assert pandas_index_columns(with_pandas(schema, {"index_columns": [
        "__index_level_0__"]})) == ["__index_level_0__"]
    assert pandas_index_columns(with_pandas(schema, {"index_columns": [
        {"kind": "range", "name": None, "start": 0, "stop": 4, "step": 1}]})) == []
    assert pandas_index_columns(with_pandas(schema, ["__index_level_0__"])) == []
    assert pandas_index_columns(schema) == []

    (ours,) = [p for p in (wh / "articles").glob("*.parquet")]
    assert cast_select(ours, "articles") is None
    rel = _rewrite(wh, "articles")
    assert cast_select(wh / rel, "articles") is not None
    assert cast_select(wh / "articles" / "gone.parquet", "articles") is None
