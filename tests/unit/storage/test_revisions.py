"""revisions_of over a warehouse whose article files were written by different schema
versions (the CLI `diff` and the history view are tests/unit/common/test_revisions.py)."""

from __future__ import annotations

import pyarrow.parquet as pq

from schemas import ARTICLES, conform
from tasks.storage.publish import commit_manifest, publish_run
from tasks.storage.revisions import revisions_of
from tests.unit.common.test_revisions import V1, V2, _row


def test_revisions_span_files_of_an_older_schema(tmp_path):
    # Revision 1 was committed before articles had a `revision` column (and others), so
    # its file has fewer columns, in another order than the files written since.
    old = conform([_row(1, V1)], ARTICLES, "articles").drop_columns(["revision", "title"])
    old = old.select(list(reversed(old.column_names)))
    (tmp_path / "articles").mkdir()
    pq.write_table(old, tmp_path / "articles" / "r1-0000.parquet")
    commit_manifest(tmp_path, "r1", {"run_id": "r1", "started_at": "2024-05-01",
                                     "files": {"articles": ["articles/r1-0000.parquet"]}})
    publish_run(tmp_path, {"articles": conform([_row(2, V2)], ARTICLES, "articles")},
                {"run_id": "r2", "started_at": "2024-05-02"})
    got = revisions_of(tmp_path, "https://e.com/bridge")
    assert [(r["run_id"], r["revision"], r["text"]) for r in got] == [
        ("r1", None, V1), ("r2", 2, V2)]
    assert got[1]["title"] == "Bridge approved" and got[0]["title"] is None


def test_an_article_is_found_by_any_address_that_is_its_identity(tmp_path):
    """Fault round 34: `pressroom diff` matched the key to the stored URL, canonical URL
    or id as written, where `forget --url` takes the page's identity: the address as
    shared (tracking parameters), in another case of scheme or host, with `www.`, or
    pasted with a newline, a CR (a line of `sql -f csv`) or a space was "no article with
    URL or id ...". An address of another page still finds nothing."""
    from tasks.common.urls import article_id_for, canonical_url
    from tests.unit.common.test_revisions import V1

    url = "https://news.example/2024/05/bridge"
    row = {**_row(1, V1), "url": url, "canonical_url": url, "domain": "news.example",
           "article_id": article_id_for(canonical_url(url))}
    publish_run(tmp_path, {"articles": conform([row], ARTICLES, "articles")},
                {"run_id": "r1", "started_at": "2024-05-01"})
    for key in (url, f"{url}?utm_source=newsletter&utm_medium=email", f"{url}\r", f" {url}\n",
                "HTTPS://NEWS.EXAMPLE/2024/05/bridge", "https://www.news.example/2024/05/bridge",
                f"{url}#comments"):
        assert [r["run_id"] for r in revisions_of(tmp_path, key)] == ["r1"], key
    for key in ("https://news.example/2024/05/bridge-2", "https://news.example/2024/05/BRIDGE",
                "not a url", ""):
        assert revisions_of(tmp_path, key) == [], key
