"""The enrichment views of schemas/views/ run in DuckDB over the enrich stage's output."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from schemas import views
from schemas.tables import ENTITIES, PLACES, TABLES, conform
from tasks.common.settings import Settings
from tests.unit.enrich.test_annotate import REPO, enrich_batch, make_articles, seed_body


def test_views_answer_who_where_and_who_said_what(tmp_path, monkeypatch):
    monkeypatch.delenv("PRESSROOM_SPACY_MODEL", raising=False)
    texts = [seed_body(), seed_body(), 'Talks in Warsaw. "We agree on all of it," Tusk said.']
    table = make_articles(texts, run_id="r")  # the run that wrote the entity rows
    day = dt.datetime(2024, 4, 4, 12, tzinfo=dt.UTC)
    table = table.set_column(
        table.schema.get_field_index("published_at"),
        table.schema.field("published_at"),
        pa.array([day] * 3, type=table.schema.field("published_at").type),
    )
    # the second copy is a duplicate: views must not count it
    table = table.set_column(
        table.schema.get_field_index("duplicate_of"),
        table.schema.field("duplicate_of"),
        pa.array([None, "a0", None], type=pa.string()),
    )
    r = enrich_batch(table, Settings(seeds=REPO / "seeds", warehouse=tmp_path), "r")
    con = duckdb.connect()
    con.register("a_src", r.table)
    con.register("e_src", conform(r.outputs["entities"].to_pylist(), ENTITIES, "entities"))
    con.register("p_src", conform(r.outputs["places"].to_pylist(), PLACES, "places"))
    con.execute(
        "CREATE TABLE articles AS SELECT * FROM a_src;"
        "CREATE TABLE entities AS SELECT * FROM e_src;"
        "CREATE TABLE places AS SELECT * FROM p_src;"
    )
    for name in ("rejects", "fetch_log", "signatures"):  # views.sql reads them: empty, typed
        con.register(f"{name}_src", TABLES[name].empty_table())
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_src")
    for _name, sql in views():  # in order: the enrich views build on unique_articles
        con.execute(sql)

    top = con.execute(
        "SELECT entity, articles FROM top_entities_by_day WHERE day = DATE '2024-04-04' "
        "ORDER BY mentions DESC LIMIT 1"
    ).fetchone()
    assert top == ("Ukraine", 1)
    pl = con.execute("SELECT articles FROM unique_places_by_day WHERE iso2 = 'PL'").fetchone()
    assert pl == (2,)  # the seed and the Warsaw article; not the duplicate
    said = con.execute("SELECT speaker, count(*) FROM quotes GROUP BY 1 ORDER BY 1").fetchall()
    assert said == [("Sikorski", 2), ("Stoltenberg", 1), ("Tusk", 1)]
    src = con.execute("SELECT DISTINCT source_type FROM places_by_source").fetchall()
    assert src == [("state-affiliated",)]
    health = con.execute(
        "SELECT articles, with_enrich_error FROM enrich_health_by_domain"
    ).fetchone()
    assert health == (3, 0)
