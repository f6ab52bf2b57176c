"""`pressroom diff` over an article whose committed file cannot be read (fault round 61's
known item, mended in round 64): the file was left out, as every reader leaves it out,
and nothing named it: "no article with URL or id ..." for an article whose only file it
was, or a diff short of the revision it holds. `sql` names such files; now `diff` does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from flows.cli import app
from schemas import ARTICLES, REJECTS, conform
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, V2, _row

URL = "https://e.com/bridge"


@pytest.fixture
def two_revisions(tmp_path):
    for n, text in ((1, V1), (2, V2)):
        publish_run(tmp_path, {"articles": conform([_row(n, text)], ARTICLES, "articles")},
                    {"run_id": f"r{n}", "started_at": f"2024-05-0{n}"})
    return tmp_path


def _diff(root):
    return CliRunner().invoke(app, ["diff", "-w", str(root), URL])


def test_a_revision_in_a_cut_file_is_named_beside_what_diff_can_show(two_revisions):
    cut = next((two_revisions / "articles").glob("r2-*.parquet"))
    cut.write_bytes(cut.read_bytes()[:100])
    out = _diff(two_revisions)
    assert out.exit_code == 0, out.output
    assert "one revision only (r1)" in out.output
    # before: only "one revision only (r1)", the cut file unnamed
    assert "1 committed articles file(s) could not be read and are LEFT OUT of this diff: " \
           f"articles/{cut.name} (" in out.output
    assert "restore them from a backup" in out.output


def test_an_article_whose_only_file_is_a_folder_now_names_it(two_revisions):
    for f in (two_revisions / "articles").glob("*.parquet"):
        f.unlink()
        f.mkdir()
    out = _diff(two_revisions)
    assert out.exit_code == 1 and "no article with URL or id" in out.output  # as before
    assert "2 committed articles file(s) could not be read" in out.output
    assert "articles/r1-0000.parquet" in out.output and "articles/r2-0000.parquet" in out.output


def test_a_sound_articles_table_gets_no_note_and_the_same_diff(two_revisions):
    # near misses, on the start too: no note over readable articles files, and a damaged
    # file of another table is not the diff's to name (`sql` and the report name it)
    now = datetime.now(UTC)
    rejects = conform([{"input_key": "k", "stage": "clean", "reason": "too_short",
                        "rejected_at": now, "run_id": "r3"}], REJECTS, "rejects")
    publish_run(two_revisions, {"rejects": rejects}, {"run_id": "r3", "started_at": "2024-05-03"})
    cut = next((two_revisions / "rejects").glob("*.parquet"))
    cut.write_bytes(cut.read_bytes()[:100])
    out = _diff(two_revisions)
    assert out.exit_code == 0, out.output
    assert "revision 1 → 2" in out.output and "LEFT OUT" not in out.output
