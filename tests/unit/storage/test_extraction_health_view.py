"""extraction_health counts pages, not log rows: each page once, by its latest outcome.

`rejects` is every run's log and `articles` keeps every revision, so counting their rows
counted a page rejected again by a reprocess twice, and an article fetched again after an
update twice (RELIABILITY.md round 61's known item; session 59)."""

from __future__ import annotations

from tasks.common.result import reject_row

from .test_report_views import article, connect


def rejected(i: int, domain: str, run_id: str, reason: str = "too_short",
             stage: str = "clean") -> dict:
    url = f"https://{domain}/{i}"
    return reject_row(stage, reason, "", run_id, input_key=url, url=url)


def health(con) -> dict[str, tuple]:
    return {d: (kept, rej, pct, top) for d, kept, rej, pct, top in con.execute(
        "SELECT domain, kept, rejected, kept_pct, top_reject_reason FROM extraction_health"
    ).fetchall()}


def test_a_page_rejected_again_by_a_reprocess_counts_once():
    con = connect({"articles": [article(1, "a.example", 0)],
                   "rejects": [rejected(2, "a.example", "20240101T000000Z-aaaaaa"),
                               rejected(2, "a.example", "20240102T000000Z-bbbbbb")]})
    assert health(con)["a.example"] == (1, 1, 50.0, "too_short")


def test_a_page_kept_by_a_later_run_is_no_longer_counted_rejected():
    # rejected by the first run's extractor, kept when a reprocess read it again
    con = connect({"articles": [article(2, "a.example", 0, run_id="20240102T000000Z-bbbbbb")],
                   "rejects": [rejected(2, "a.example", "20240101T000000Z-aaaaaa")]})
    assert health(con)["a.example"] == (1, 0, 100.0, None)


def test_a_page_rejected_by_a_later_run_counts_as_rejected():
    # the latest extraction is the one that says how extraction fares on the site now
    con = connect({"articles": [article(2, "a.example", 0, run_id="20240101T000000Z-aaaaaa")],
                   "rejects": [rejected(2, "a.example", "20240102T000000Z-bbbbbb",
                                        reason="no_text", stage="extract")]})
    assert health(con)["a.example"] == (0, 1, 0.0, "no_text")


def test_an_article_with_two_revisions_counts_once():
    first = article(1, "a.example", 0, run_id="20240101T000000Z-aaaaaa")
    second = article(1, "a.example", 1, run_id="20240105T000000Z-cccccc", revision=2,
                     content_hash="changed")
    assert health(connect({"articles": [first, second]}))["a.example"] == (1, 0, 100.0, None)


def test_different_pages_each_count_and_other_stages_do_not():
    con = connect({
        "articles": [article(i, "a.example", 0) for i in range(3)]
        + [article(1, "b.example", 0)],
        "rejects": [rejected(10, "a.example", "r1"), rejected(11, "a.example", "r1",
                                                              reason="no_text", stage="extract"),
                    rejected(12, "a.example", "r1", reason="too_short"),
                    # a fetch failure or a discover reject is no extraction outcome
                    rejected(13, "a.example", "r1", reason="http_404", stage="fetch"),
                    rejected(14, "b.example", "r1", reason="bad_url", stage="discover")]})
    got = health(con)
    assert got["a.example"] == (3, 3, 50.0, "too_short")
    assert got["b.example"] == (1, 0, 100.0, None)
