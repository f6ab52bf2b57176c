"""Revision diffs: fields, paragraphs added/removed, correction notices; the revisions view
agrees with the Python diff; `pressroom diff` reads them from the warehouse."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import duckdb
from typer.testing import CliRunner

from schemas import ARTICLES, conform, view_sql
from schemas.sql import views
from tasks.common.revisions import (
    CORRECTION_PATTERN,
    correction_notices,
    diff_history,
    diff_paragraphs,
    diff_revisions,
)
from tasks.storage.publish import publish_run
from tasks.storage.revisions import revisions_of

V1 = ("The council approved the new bridge on Monday.\n\n"
      "Construction will cost 40 million euros.\n\n"
      "Work starts in spring.")
V2 = ("The council approved the new bridge on Monday.\n\n"
      "Construction will cost 45 million euros.\n\n"
      "Work starts in spring.\n\n"
      "Correction: an earlier version of this article gave the cost as 40 million euros.")


def _row(revision: int, text: str, **over) -> dict:
    return {"article_id": "a1", "url": "https://e.com/bridge",
            "canonical_url": "https://e.com/bridge", "domain": "e.com", "source_kind": "url",
            "text": text, "word_count": len(text.split()), "content_hash": f"h{revision}",
            "run_id": f"r{revision}", "revision": revision, "title": "Bridge approved",
            "authors": ["Ana Ruiz"], "published_at": datetime(2024, 5, 1, tzinfo=UTC),
            **over}


def test_paragraphs_added_and_removed_in_order():
    added, removed = diff_paragraphs(V1, V2)
    assert removed == ["Construction will cost 40 million euros."]
    assert added == ["Construction will cost 45 million euros.",
                     "Correction: an earlier version of this article gave the cost as 40 "
                     "million euros."]
    assert diff_paragraphs(V1, V1) == ([], [])
    assert diff_paragraphs(None, "One.\n\nTwo.") == (["One.", "Two."], [])


def test_correction_notices():
    for notice in ("Correction: the mayor's name was misspelled.",
                   "CLARIFICATION: The vote was 7-2.",
                   "Update (May 2, 10:00): police released the suspect.",
                   "Editor’s note — this story has been changed.",
                   "This article has been updated to include a statement.",
                   "This story was corrected on Tuesday.",
                   "An earlier version of this report misstated the date."):
        assert correction_notices("First paragraph.\n\n" + notice) == [notice], notice
    for plain in ("The correction of the market continued.",
                  "Officials will update the rules next year.",
                  "The article of the law has been changed."):
        assert correction_notices(plain) == [], plain


def test_diff_reports_changed_fields_only():
    old = _row(1, V1)
    new = _row(2, V2, title="Bridge approved at higher cost", authors=["Ana Ruiz", "Li Wei"],
               published_at=datetime(2024, 5, 2, tzinfo=UTC))
    d = diff_revisions(old, new)
    assert (d.from_revision, d.to_revision, d.from_run, d.to_run) == (1, 2, "r1", "r2")
    assert set(d.changed) == {"title", "authors", "published_at"}
    assert d.changed["title"] == ("Bridge approved", "Bridge approved at higher cost")
    assert d.corrections == [V2.split("\n\n")[-1]] and d.text_changed
    same_authors = diff_revisions(old, _row(2, V1, authors=["Ana Ruiz"]))
    assert same_authors.changed == {} and not same_authors.text_changed
    # a notice already in the old revision is not new
    assert diff_revisions(_row(2, V2), _row(3, V2 + "\n\nMore.")).corrections == []


def test_history_pairs_consecutive_revisions_in_order():
    rows = [_row(3, V2 + "\n\nLate news."), _row(1, V1), _row(2, V2)]
    assert [(d.from_revision, d.to_revision) for d in diff_history(rows)] == [(1, 2), (2, 3)]
    assert diff_history([_row(1, V1)]) == []


def test_the_view_carries_the_python_correction_pattern():
    # SQL doubles the quote of "editor's"; otherwise the same characters.
    assert CORRECTION_PATTERN.replace("'", "''") in view_sql("revisions")


def _db(rows: list[dict]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.register("src", conform(rows, ARTICLES, "articles"))
    con.execute("CREATE TABLE articles AS SELECT * FROM src")
    from schemas import TABLES

    for name in ("rejects", "fetch_log", "signatures", "entities", "places"):
        con.register(f"{name}_src", TABLES[name].empty_table())
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_src")
    for _name, sql in views():
        con.execute(sql)
    return con


def test_revisions_view_one_row_per_pair():
    rows = [_row(1, V1), _row(2, V2, title="Bridge approved at higher cost"),
            _row(3, V2 + "\n\nLate news.")]
    con = _db(rows + [{**_row(1, "Other."), "article_id": "b1", "url": "https://e.com/b"}])
    got = con.execute(
        "SELECT from_revision, to_revision, title_changed, authors_changed, "
        "published_at_changed, text_changed, paragraphs_added, paragraphs_removed, "
        "correction_added FROM revisions ORDER BY to_revision").fetchall()
    assert got == [(1, 2, True, False, False, True, 2, 1, True),
                   (2, 3, True, False, False, True, 1, 0, False)]
    # the same counts as the Python diff
    d = diff_revisions(rows[0], rows[1])
    assert (len(d.added), len(d.removed)) == (2, 1)


def test_revisions_of_and_the_diff_command(warehouse):
    from flows.cli import app

    for i, row in enumerate([_row(1, V1), _row(2, V2)], 1):
        publish_run(warehouse, {"articles": conform([row], ARTICLES, "articles")},
                    {"run_id": f"r{i}", "started_at": f"2024-05-0{i}"})
    assert [r["revision"] for r in revisions_of(warehouse, "https://e.com/bridge")] == [1, 2]
    assert [r["revision"] for r in revisions_of(warehouse, "a1")] == [1, 2]
    assert revisions_of(warehouse, "https://e.com/other") == []
    runner = CliRunner()
    res = runner.invoke(app, ["diff", "https://e.com/bridge", "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    assert "- Construction will cost 40 million euros." in res.output
    assert "+ Construction will cost 45 million euros." in res.output
    assert "correction" in res.output.lower()
    res = runner.invoke(app, ["diff", "https://e.com/bridge", "--format", "json",
                              "--warehouse", str(warehouse)])
    (pair,) = json.loads(res.output)
    assert pair["removed"] == ["Construction will cost 40 million euros."]
    assert pair["corrections"] and pair["from_revision"] == 1
    res = runner.invoke(app, ["diff", "https://e.com/nothing", "--warehouse", str(warehouse)])
    assert res.exit_code == 1


def test_the_diff_names_its_article_and_ignores_the_order_of_authors():
    old = _row(1, V1, authors=["Tom Becker", "Ana Ruiz"])
    new = _row(2, V1, authors=["Ana Ruiz", "Tom Becker"])
    d = diff_revisions(old, new)
    assert d.article_id == "a1" and d.changed == {} and not d.text_changed


def test_history_orders_by_revision_number_not_by_its_digits():
    rows = [_row(10, V2, run_id="r10"), _row(2, V1, run_id="r9"), _row(1, V1, run_id="r1")]
    assert [(d.from_revision, d.to_revision) for d in diff_history(rows)] == [(1, 2), (2, 10)]



def test_revisions_without_numbers_are_ordered_by_their_runs_oldest_first():
    # rows written before revisions were numbered: the run ids (UTC stamps) give the order,
    # and a row with no run id at all is the oldest
    for old_run in ("20240501T080000Z-aaaa", None):
        rows = [{**_row(1, V2, run_id="20240502T080000Z-bbbb"), "revision": None},
                {**_row(1, V1, run_id=old_run), "revision": None}]
        (diff,) = diff_history(rows)
        assert (diff.added, diff.removed) == diff_paragraphs(V1, V2)
        assert diff.removed == ["Construction will cost 40 million euros."]


def test_a_paragraph_repeated_through_a_long_article_is_no_change():
    # seed 52: difflib's automatic junk heuristic (for 200 elements and more, one found
    # in over 1 % of them cannot start a match) would report an unchanged "Advertisement"
    # between two corrected paragraphs as removed and added again
    old = []
    for i in range(1, 241):
        old.append(f"Paragraph {i} of the story.")
        if i % 10 == 0:
            old.append("Advertisement")
    new = [p.replace("100 of the story.", "100, corrected.")
           .replace("101 of the story.", "101, corrected.") for p in old]
    assert diff_paragraphs("\n\n".join(old), "\n\n".join(new)) == (
        ["Paragraph 100, corrected.", "Paragraph 101, corrected."],
        ["Paragraph 100 of the story.", "Paragraph 101 of the story."])


def test_a_revision_without_a_number_is_the_first():
    # seed 52: rows written before revisions were numbered count as revision 1
    old = {**_row(1, V1, run_id="r1"), "revision": None}
    new = _row(2, V2, run_id="r2")
    assert (diff_revisions(old, new).from_revision, diff_revisions(old, new).to_revision) == (1, 2)
    unnumbered = {**new, "revision": None}
    assert diff_revisions(old, unnumbered).to_revision == 1


def test_the_diff_command_refuses_csv_which_it_cannot_write(warehouse):
    """Fault round 34: `pressroom diff URL -f csv` took the shared --format choice and
    wrote JSON (`[]` for an article of one revision), exit 0, under the name of CSV."""
    from flows.cli import app

    publish_run(warehouse, {"articles": conform([_row(1, V1)], ARTICLES, "articles")},
                {"run_id": "r1", "started_at": "2024-05-01"})
    res = CliRunner().invoke(app, ["diff", "https://e.com/bridge", "-f", "csv",
                                   "--warehouse", str(warehouse)])
    assert res.exit_code == 2, res.output
    assert "csv" in res.output and not res.output.startswith("[")
