"""What every stage shares and must agree on: word counts, content hashes, the html-lang
fallback, reject rows, combined results, ledger totals, worker counts and crash points."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from tasks.common import crashpoints, parallel
from tasks.common.ledger import ConservationError, Ledger
from tasks.common.result import DETAIL_MAX_CHARS, StageResult, Verdict, reject_record, reject_row
from tasks.common.text import content_hash, detect_language, word_count

NOW = datetime(2024, 5, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("one  two\nthree", 3), ("国务院", 1), ("国务院新闻", 2),
     ("Xi 国务院新闻办 said", 2 + 3)],
)
def test_word_count_counts_cjk_as_two_characters_a_word(text: str, words: int) -> None:
    assert word_count(text) == words


@pytest.mark.parametrize(("text", "words"), [("ก" * 7, 1), ("ก" * 10, 2), ("AP " + "ก" * 9, 2)])
def test_word_count_counts_whole_words_of_five_thai_letters(text: str, words: int) -> None:
    # seed 69: a word count is a whole number (7 Thai letters: 1 word, not 1.4)
    got = word_count(text)
    assert (got, type(got)) == (words, int)


def test_content_hash_folds_case_and_whitespace_only() -> None:
    h = content_hash("The  Mayor said\nyes.")
    assert h == content_hash(" the mayor SAID yes. ")
    assert h != content_hash("The Mayor said no.")
    assert len(h) == 32 and int(h, 16) >= 0


@pytest.mark.parametrize(
    ("html_lang", "expected"),
    [("de-AT", "de"), ("pt_BR", "pt"), ("EN", "en"), ("fil", "fil"), ("x", None), ("engl", None),
     ("english", None), ("12", None), ("", None), (None, None)],
)
def test_short_texts_take_the_html_lang(html_lang, expected) -> None:
    assert detect_language("Kurz.", html_lang) == (expected, None)


def test_language_is_detected_from_two_hundred_characters_on() -> None:
    text = ("Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen, sagte der Minister "
            "in Berlin. Die Entlastungen sollen vor allem Familien helfen und gelten ab Juni.")
    short, long = text[:199], (text * 3)[:200]
    assert detect_language(short, "fr") == ("fr", None)
    lang, score = detect_language(long, "fr")
    assert lang == "de" and 0.5 < score <= 1.0


def test_reject_row_and_reject_record() -> None:
    row = reject_row("clean", "too_short", "x" * (DETAIL_MAX_CHARS + 5), "run-1",
                     input_key="k", url="https://a.example/", article_id="a1",
                     source_kind="url", source="s", at=NOW)
    assert row == {"article_id": "a1", "url": "https://a.example/", "source_kind": "url",
                   "source": "s", "input_key": "k", "stage": "clean", "reason": "too_short",
                   "detail": "x" * DETAIL_MAX_CHARS, "rejected_at": NOW, "run_id": "run-1"}
    assert reject_row("s", "r", None, "run", input_key="k")["detail"] is None
    stamped = reject_row("s", "r", "d", "run", input_key="k")["rejected_at"]  # no `at`: now
    assert stamped.utcoffset() == timedelta(0)  # aware UTC, like every warehouse timestamp
    record = {"url": "https://a.example/p", "article_id": "a9", "source_kind": "feed",
              "source": "https://a.example/rss"}
    rec = reject_record(record, "extract", Verdict("not_article", "d"), "run-2", at=NOW)
    assert (rec["input_key"], rec["article_id"], rec["url"], rec["source_kind"], rec["source"],
            rec["stage"], rec["reason"], rec["detail"], rec["run_id"]) == (
        "https://a.example/p", "a9", "https://a.example/p", "feed", "https://a.example/rss",
        "extract", "not_article", "d", "run-2")
    keyed = reject_record({**record, "input_key": "dump:1"}, "x", Verdict("r", "d"), "r",
                          article_id="other")
    assert (keyed["input_key"], keyed["article_id"]) == ("dump:1", "other")


def test_combine_adds_counts_and_keeps_order_and_distinct_notes() -> None:
    schema = pa.schema([("x", pa.int64())])
    a = StageResult("fetch", pa.table({"x": [1]}, schema=schema), 3, rejects=[{"r": 1}],
                    fetch_log=[{"u": 1}], failed=1, skipped=1, notes=["n1", "n2"],
                    outputs={"t": pa.table({"y": [1]})}, pending=["w1"])
    b = StageResult("fetch", pa.table({"x": [2, 3]}, schema=schema), 4, rejects=[{"r": 2}],
                    fetch_log=[{"u": 2}], failed=0, skipped=2, notes=["n2", "n3"],
                    outputs={"t": pa.table({"y": [2]}), "u": pa.table({"z": [0]})},
                    pending=["w2"])
    c = StageResult.combine([a, b], schema)
    assert c.stage == "fetch" and c.table.column("x").to_pylist() == [1, 2, 3]
    assert c.counts == {"received": 7, "passed": 3, "rejected": 2, "failed": 1, "skipped": 3}
    assert c.rejects == [{"r": 1}, {"r": 2}] and c.fetch_log == [{"u": 1}, {"u": 2}]
    assert c.notes == ["n1", "n2", "n3"] and c.pending == ["w1", "w2"]
    assert c.outputs["t"].column("y").to_pylist() == [1, 2] and list(c.outputs) == ["t", "u"]
    with pytest.raises(ValueError):
        StageResult.combine([], schema)


def test_combine_joins_the_cut_sources_of_the_slices_that_have_some() -> None:
    # what arrived of cut discovery inputs, slice by slice; a slice without any adds none
    schema = pa.schema([("x", pa.int64())])
    empty = pa.table({"x": pa.array([], pa.int64())})

    def part(cut: list[str] | None) -> StageResult:
        return StageResult("fetch", empty, 0, cut_sources=(
            None if cut is None else pa.table({"url": cut})))

    c = StageResult.combine([part(["a"]), part(None), part(["b", "c"])], schema)
    assert c.cut_sources.column("url").to_pylist() == ["a", "b", "c"]
    assert StageResult.combine([part(None), part(None)], schema).cut_sources is None


def test_ledger_totals_must_balance_even_when_each_stage_does() -> None:
    ledger = Ledger()
    assert ledger.totals() == {"inputs": 0, "kept": 0, "rejected": 0, "failed": 0,
                               "skipped": 0}
    ledger.check()  # nothing recorded: nothing lost
    ledger.record("a", received=2, passed=2)
    ledger.record_result(StageResult("b", pa.table({"x": [1]}), 2, rejects=[{}]))
    ledger.check()
    assert ledger.as_dicts() == [
        {"stage": "a", "received": 2, "passed": 2, "rejected": 0, "failed": 0, "skipped": 0},
        {"stage": "b", "received": 2, "passed": 1, "rejected": 1, "failed": 0, "skipped": 0}]
    ledger.stages[1].received = 3  # invent one
    ledger.stages[1].skipped = 1
    with pytest.raises(ConservationError, match="'a' passed on 2 .* 'b' received 3"):
        ledger.check()


def test_worker_count() -> None:
    import os

    assert parallel.worker_count(3) == 3
    assert parallel.worker_count(0) == (os.cpu_count() or 1)
    assert parallel.worker_count(-1) == (os.cpu_count() or 1)


def test_chunks_of_a_table_that_divides_evenly() -> None:
    parts = parallel.chunks(pa.table({"x": list(range(6))}), 3)
    assert [p.column("x").to_pylist() for p in parts] == [[0, 1], [2, 3], [4, 5]]


def test_crash_points_fire_only_where_and_when_named(monkeypatch) -> None:
    killed = []
    monkeypatch.setattr(crashpoints.os, "kill", lambda pid, sig: killed.append((pid, sig)))
    monkeypatch.setattr(crashpoints, "_hits", crashpoints.Counter())
    monkeypatch.delenv("CRASHPOINT_KILL_AT", raising=False)
    crashpoints.crash_point("publish")
    monkeypatch.setenv("CRASHPOINT_KILL_AT", "publish:2")
    crashpoints.crash_point("views")
    crashpoints.crash_point("publish")
    assert killed == []
    crashpoints.crash_point("publish")
    assert killed == [(crashpoints.os.getpid(), crashpoints.signal.SIGKILL)]
    monkeypatch.setenv("CRASHPOINT_KILL_AT", "views")
    crashpoints.crash_point("views")
    assert len(killed) == 2


@pytest.mark.parametrize(("value", "expected"), [
    (None, "SIGKILL"), ("", "SIGKILL"), ("term", "SIGTERM"), ("SIGTERM", "SIGTERM"),
    ("INT", "SIGINT"), ("sigint", "SIGINT"), ("QUIT", "SIGKILL")])
def test_a_crash_point_sends_sigterm_only_when_asked(monkeypatch, value, expected) -> None:
    # seed 50: CRASHPOINT_SIGNAL=TERM (any case, or SIGTERM) sends SIGTERM, INT SIGINT
    # (fault round 52: Ctrl-C), anything else SIGKILL
    killed = []
    monkeypatch.setattr(crashpoints.os, "kill", lambda pid, sig: killed.append((pid, sig)))
    monkeypatch.setattr(crashpoints, "_hits", crashpoints.Counter())
    monkeypatch.setenv("CRASHPOINT_KILL_AT", "publish")
    if value is None:
        monkeypatch.delenv("CRASHPOINT_SIGNAL", raising=False)
    else:
        monkeypatch.setenv("CRASHPOINT_SIGNAL", value)
    crashpoints.crash_point("publish")
    assert killed == [(crashpoints.os.getpid(), getattr(crashpoints.signal, expected))]
