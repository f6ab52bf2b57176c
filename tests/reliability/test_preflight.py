"""Bad warehouse paths and missing inputs fail at once, with a sentence and exit code 2
(issue 11, items 6 and 8), before Prefect starts or anything is fetched."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.reliability.warehouses import committed_warehouse


class _Out:
    """The command's exit code and output, its lines unwrapped (rich wraps at 80)."""

    def __init__(self, result):
        self.exit_code = result.exit_code
        self.output = " ".join(result.output.split())


def _run(*args):
    return _Out(CliRunner().invoke(app, list(args)))


@pytest.mark.parametrize("command", [["ingest", "seeds"], ["reprocess"], ["report"],
                                     ["sql", "SELECT 1"], ["runs"]])
def test_a_warehouse_that_is_a_file_is_refused_by_every_command(tmp_path, command):
    wh = tmp_path / "wh"
    wh.write_text("not a folder", encoding="utf-8")
    out = _run(*command, "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "is not a folder" in out.output and "Traceback" not in out.output


def test_a_table_folder_that_is_a_file_is_refused_before_the_run(tmp_path):
    wh = committed_warehouse(tmp_path / "wh", runs=1)
    (wh / "fetch_log").write_text("", encoding="utf-8")
    out = _run("ingest", "seeds", "-w", str(wh))
    assert out.exit_code == 2 and "should be a folder" in out.output, out.output


@pytest.mark.parametrize("command", [["ingest", "seeds"], ["sql", "SELECT 1"], ["report"]])
def test_a_damaged_manifest_is_named_with_what_to_do(tmp_path, command):
    wh = committed_warehouse(tmp_path / "wh", runs=1)
    damaged = sorted((wh / "manifests").glob("*.json"))[0]
    damaged.write_text('{"run_id": "cut sh', encoding="utf-8")
    out = _run(*command, "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert f"{damaged.name} is unreadable" in out.output and "Traceback" not in out.output
    assert "restore it from a backup, or move it out of manifests/" in out.output


def test_a_read_only_warehouse_is_refused_for_runs_but_answers_queries(tmp_path, monkeypatch):
    wh = committed_warehouse(tmp_path / "wh")
    wh.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse new files
        import tasks.storage.preflight as preflight
        import tasks.storage.report as report

        real_probe = preflight._probe_write

        def refuse(folder):
            if folder.resolve() == wh.resolve():
                raise PermissionError(13, "Permission denied")
            real_probe(folder)

        def no_lock(root):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(preflight, "_probe_write", refuse)
        monkeypatch.setattr(report, "_build_lock", no_lock)
    try:
        out = _run("ingest", "seeds", "-w", str(wh))
        assert out.exit_code == 2 and "is not writable" in out.output, out.output
        out = _run("report", "-w", str(wh))
        assert out.exit_code == 2 and "is not writable" in out.output, out.output
        # Queries still work: the views are built in memory when they cannot be saved.
        out = _run("sql", "SELECT count(*) AS n FROM rejects", "-w", str(wh), "-f", "csv")
        assert out.exit_code == 0 and out.output.split() == ["n", "6"], out.output
        assert not (wh / "pressroom.duckdb").exists()
    finally:
        wh.chmod(0o755)


def test_warehouse_problem_is_none_for_a_good_or_missing_folder(tmp_path):
    from tasks.storage.preflight import warehouse_problem

    assert warehouse_problem(tmp_path / "new" / "wh", write=True) is None
    assert not (tmp_path / "new").exists()  # the check creates nothing
    assert warehouse_problem(committed_warehouse(tmp_path / "wh"), write=True) is None
    assert warehouse_problem(tmp_path / "absent", write=False) is None


def test_a_missing_input_on_the_command_line_exits_2_before_any_run(tmp_path):
    wh = tmp_path / "wh"
    out = _run("ingest", str(tmp_path / "no-such-folder"), "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "no such input" in out.output and "no-such-folder" in out.output
    assert not (wh / "manifests").exists()  # no empty run committed


def test_missing_inputs_leaves_urls_and_existing_paths_alone(tmp_path):
    from tasks.discover.inputs import missing_inputs

    given = ["https://example.com/a", "feed:http://example.com/rss", str(tmp_path),
             str(tmp_path / "typo.txt")]
    assert missing_inputs(given) == [str(tmp_path / "typo.txt")]


@pytest.mark.parametrize("command", [["sql", "SELECT count(*) FROM articles"], ["runs"],
                                     ["search", "climate"], ["diff", "https://a.example/x"],
                                     ["reindex"]])
def test_a_command_that_reads_a_warehouse_refuses_one_that_does_not_exist(tmp_path, command):
    """Round 13: a mistyped --warehouse (or a run from another folder, the default being
    ./warehouse) answered `0`, "0 of 0 matching", "no runs yet" or "no article" as if
    from an empty warehouse, and left a new folder with a database or an index there."""
    wh = tmp_path / "wrehouse"
    out = _run(*command, "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert f"no warehouse at {wh}" in out.output and "Traceback" not in out.output
    assert not wh.exists()


@pytest.mark.parametrize("command", [["search", "climate"], ["diff", "https://a.example/x"],
                                     ["reindex"]])
def test_search_diff_and_reindex_refuse_a_warehouse_that_is_a_file(tmp_path, command):
    """Round 13: `search` and `diff` answered "0 of 0" and "no article" over a file named
    as the warehouse; `reindex` raised NotADirectoryError (a traceback)."""
    wh = tmp_path / "wh"
    wh.write_text("not a folder", encoding="utf-8")
    out = _run(*command, "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "is not a folder" in out.output and "Traceback" not in out.output


@pytest.mark.parametrize("command", [["sql", "SELECT count(*) AS n FROM articles", "-f", "csv"],
                                     ["runs"], ["search", "climate"]])
def test_an_empty_warehouse_folder_still_answers(tmp_path, command):
    wh = tmp_path / "wh"
    wh.mkdir()
    out = _run(*command, "-w", str(wh))
    assert out.exit_code == 0, out.output


def test_a_file_named_as_an_input_that_no_reader_takes_exits_2_before_any_run(tmp_path):
    """Fault round 19: `pressroom ingest urls.csv` committed a run of 0 inputs and exited
    0, the file a note "not a recognised input ... ignored" under the summary."""
    wh = tmp_path / "wh"
    # (loopback URLs: without the fix, a good input beside it would be fetched)
    (tmp_path / "urls.csv").write_text("url\nhttp://127.0.0.1:9/a\n")
    (tmp_path / "good.urls").write_text("http://127.0.0.1:9/a\n")
    out = _run("ingest", str(tmp_path / "good.urls"), str(tmp_path / "urls.csv"), "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "not an input:" in out.output and "urls.csv" in out.output
    assert "save the URLs as one" in out.output  # what to do
    assert not (wh / "manifests").exists()  # no empty run committed


def test_reprocess_of_a_run_the_warehouse_does_not_hold_exits_2_before_any_run(tmp_path):
    """Fault round 19: `pressroom reprocess --run <a typo>` (or another warehouse's run)
    reprocessed nothing, committed an empty run and exited 0."""
    from tasks.storage.warehouse import run_manifests

    wh = committed_warehouse(tmp_path / "wh")
    before = len(run_manifests(wh))
    out = _run("reprocess", "--run", "20240101T000000Z-000000", "--run", "2024-01-01",
               "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "no such run: 2024-01-01 in" in out.output
    assert "the latest: 20240102T000000Z-000001, 20240101T000000Z-000000" in out.output
    assert len(run_manifests(wh)) == before  # nothing committed
    from tasks.storage.warehouse import unknown_run_ids

    assert unknown_run_ids(wh, ["20240102T000000Z-000001"]) == []


def test_reprocess_of_a_run_that_archived_no_page_exits_2_before_any_run(tmp_path):
    """Round 19's known item: `pressroom reprocess --run` of a run that exists but archived
    no page (a reprocess run's own id, a run of text dumps) committed an empty run."""
    from tasks.storage.warehouse import run_manifests

    wh = committed_warehouse(tmp_path / "wh")  # runs of rejects only: no fetch at all
    before = len(run_manifests(wh))
    for given in ("20240102T000000Z-000001", " 20240102T000000Z-000001\t"):  # pasted
        out = _run("reprocess", "--run", given, "-w", str(wh))
        assert out.exit_code == 2, out.output
        assert "nothing to reprocess: 20240102T000000Z-000001 archived no page" in out.output
        assert len(run_manifests(wh)) == before  # nothing committed


@pytest.mark.parametrize("command", [["ingest", "DUMP"], ["compact"], ["reprocess"],
                                     ["forget", "--domain", "x.example", "--reason", "t"]])
def test_a_warehouse_a_newer_pressroom_wrote_is_refused_for_writes(tmp_path, command):
    """Fault round 40: an older pressroom (a scheduled deployment not yet upgraded) over a
    warehouse a newer one committed to left the newer files out as foreign (columns it
    does not declare), fetched and added their articles again, then failed on its data
    tests with a traceback. Now it is refused before any work; queries still answer."""
    import json

    from schemas import SCHEMA_VERSION

    wh = committed_warehouse(tmp_path / "wh", runs=1)
    newest = sorted((wh / "manifests").glob("*.json"))[-1]
    manifest = json.loads(newest.read_text(encoding="utf-8"))
    newest.write_text(json.dumps({**manifest, "schema_version": SCHEMA_VERSION + 1}),
                      encoding="utf-8")
    dump = tmp_path / "d.txt"  # a local input: nothing to fetch, whatever happens
    dump.write_text(" date 2024-05-01 https://x.example/a\nTitle\nBody.\n", encoding="utf-8")
    out = _run(*[str(dump) if c == "DUMP" else c for c in command], "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert f"holds commits of schema version {SCHEMA_VERSION + 1}, written by a newer " \
           "pressroom" in out.output and "Traceback" not in out.output
    assert _run("sql", "SELECT 1", "-w", str(wh)).exit_code == 0


def test_backfill_refuses_a_warehouse_that_is_a_file_before_any_run(tmp_path):
    """Fault round 40: backfill alone did not check its warehouse. Over a file it started
    the Prefect server, then ended with a FileExistsError traceback at its first file's
    run (exit 1, after 1 min 53 s in the probe), or, with nothing in range, exit 0 as if
    the path were a warehouse."""
    wh = tmp_path / "wh"
    wh.write_text("not a folder", encoding="utf-8")
    source = tmp_path / "ccnews"  # local and empty: nothing is fetched, whatever happens
    source.mkdir()
    out = _run("backfill", str(source), "--from", "2024-05-01", "--to", "2024-05-02",
               "-w", str(wh))
    assert out.exit_code == 2, out.output
    assert "is not a folder" in out.output and "Traceback" not in out.output
