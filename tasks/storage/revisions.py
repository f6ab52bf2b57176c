"""The committed revisions of one article, for `pressroom diff` (tasks/common/revisions.py
compares them)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks.common.urls import safe_article_id, trim_url
from tasks.storage.interrupts import interruptible
from tasks.storage.warehouse import (
    committed_files,
    file_problems,
    named_files,
    read_declared,
)

COLUMNS = ("article_id", "url", "canonical_url", "revision", "run_id", "title",
           "published_at", "authors", "description", "text", "content_hash", "word_count")


def revisions_of(root: Path, key: str) -> list[dict]:
    """Every committed revision of the article that `key` names (its URL as discovered,
    its canonical URL or its article_id), oldest first. Several articles can share a URL
    as discovered: all of their revisions come back, grouped by article_id.

    The key is trimmed of what surrounds a pasted address (a CR from a line of `sql -f
    csv`, a newline, a space), and an address also names the article of its identity,
    as a takedown's does (`forget.matching_articles`): as written it matched the stored
    strings alone, so the address as shared (`?utm_source=...`), with `www.` or in
    capitals was "no article with URL or id ..." (fault round 34)."""
    key = trim_url(key)
    files = [str(f) for f in committed_files(Path(root), "articles")]
    if not files or not key:
        return []
    con = duckdb.connect()
    # The scan of every articles file runs on a cursor of its own in a worker thread
    # (`interruptible`), as `sql`'s queries do: on the main thread DuckDB's own check of
    # signals lost a Ctrl-C at random (fault rounds 60-61), and a `diff` over a large
    # warehouse reads every file. The relation and its view live on that cursor.
    cur = con.cursor()
    try:
        rel = read_declared(cur, files, "articles")
        cols = ", ".join(c for c in COLUMNS if c in rel.columns)
        cur.register("t", rel)

        def rows() -> tuple[list[str], list[tuple]]:
            cur.execute(
                f"""SELECT {cols} FROM t WHERE article_id IN (
                        SELECT article_id FROM t WHERE url = $k OR canonical_url = $k
                                                       OR article_id = $k OR article_id = $id)
                    ORDER BY article_id, coalesce(revision, 1), run_id""",
                {"k": key, "id": safe_article_id(key) or ""})
            return [d[0] for d in cur.description], cur.fetchall()

        names, found = interruptible(cur, rows)
        return [dict(zip(names, row, strict=True)) for row in found]
    finally:
        cur.close()
        con.close()


def left_out_note(root: Path, most: int = 3) -> str | None:
    """What `pressroom diff` says of the committed articles files it could not read
    (`file_problems`: deleted, torn, a folder in a file's place), or None. It left them
    out as every reader does and answered "no article with URL or id ..." for an article
    whose only file it was, or a diff short of the revisions there, naming none of them
    where `sql` names each (fault round 61's known item, mended in round 64)."""
    problems = file_problems(Path(root), ("articles",))
    if not problems:
        return None
    named = named_files([(p["file"], p["detail"]) for p in problems], most)
    return (f"{len(problems)} committed articles file(s) could not be read and are LEFT "
            f"OUT of this diff: {named}. The revisions they hold are not compared "
            "(`pressroom sql` names them too); restore them from a backup")
