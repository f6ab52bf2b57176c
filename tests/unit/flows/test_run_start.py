"""A flow run's start (`flows.pipeline.Run.start`) without a flow around it (mutation seed
68: only whole flows, outside the unit tests, reached it): the writer lock held from start
to end under the run's name, a dead run's scratch cleared and its uncommitted files moved
aside under that lock, the run's own staging removed at its end, and a warehouse of a newer
schema refused before any of that."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time

import pytest

from flows import pipeline
from flows.pipeline import Run
from schemas import SCHEMA_VERSION
from tasks.common.settings import Settings
from tasks.storage.warehouse import (
    MANIFESTS,
    WRITER_LOCK,
    WarehouseBusy,
    manifests,
    staging_dir,
    writer_lock,
)

LOGGER = "pressroom.test.run_start"


@pytest.fixture(autouse=True)
def _logger(monkeypatch):
    # Prefect's run logger needs a flow run; a plain logger stands in for it
    monkeypatch.setattr(pipeline, "get_run_logger", lambda: logging.getLogger(LOGGER))


def _lock_is_free(root) -> bool:
    try:
        with writer_lock(root, "probe", wait=False):
            return True
    except WarehouseBusy:
        return False


def test_a_run_holds_the_lock_under_its_name_clears_a_dead_runs_scratch_and_its_own(tmp_path):
    wh = tmp_path / "wh"
    (wh / "_staging" / "dead-run").mkdir(parents=True)
    (wh / "_staging" / "dead-run" / "batch.warc.gz").write_bytes(b"x" * 7)
    (wh / "articles").mkdir()
    (wh / "articles" / "orphan.parquet").write_bytes(b"PAR1")
    settings = Settings(warehouse=wh)
    with Run.start(settings, ["seeds/a.txt"]) as run:
        assert run.settings is settings and run.inputs == ["seeds/a.txt"]
        assert (wh / WRITER_LOCK).read_text() == f"run {run.run_id} (pid {os.getpid()})\n"
        assert not _lock_is_free(wh)
        assert run.notes == [
            "removed _staging/dead-run (7 bytes) left by a killed run",
            "moved uncommitted articles/orphan.parquet to "
            f"{wh / '_orphans' / 'articles' / 'orphan.parquet'}"]
        own = staging_dir(wh, run.run_id)
        (own / "batch-1").mkdir(parents=True)
        (own / "batch-1" / "x.warc.gz").write_bytes(b"y")
    assert not own.exists() and (wh / "_staging").is_dir()
    assert _lock_is_free(wh)


def test_a_run_that_finds_its_own_staging_gone_ends_quietly(tmp_path):
    # (rmtree with ignore_errors: a run that staged nothing has no folder to remove)
    with Run.start(Settings(warehouse=tmp_path / "wh"), []) as run:
        assert not staging_dir(run.root, run.run_id).exists()
    assert _lock_is_free(tmp_path / "wh")


def test_a_run_waits_for_the_lock_and_says_who_holds_it(tmp_path, caplog):
    wh = tmp_path / "wh"
    wh.mkdir()
    fh = open(wh / WRITER_LOCK, "a+")  # noqa: SIM115 - another writer, released below
    fcntl.flock(fh, fcntl.LOCK_EX)
    fh.write("run other (pid 1)\n")
    fh.flush()
    release = threading.Timer(0.5, fh.close)
    release.start()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger=LOGGER), \
            Run.start(Settings(warehouse=wh), []) as run:
        assert time.monotonic() - started >= 0.4
        assert (wh / WRITER_LOCK).read_text() == f"run {run.run_id} (pid {os.getpid()})\n"
    release.join()
    assert [r.getMessage() for r in caplog.records if r.name == LOGGER] == [
        "waiting for the warehouse: run other (pid 1) is writing"]


def test_a_run_on_a_warehouse_of_a_newer_schema_is_refused_before_any_work(tmp_path):
    """A deployment's run, which no command line checked: refused under the lock with the
    sentence the command line gives, the lock released, a dead run's scratch left."""
    from tasks.storage.preflight import newer_schema_problem

    wh = tmp_path / "wh"
    (wh / MANIFESTS).mkdir(parents=True)
    (wh / MANIFESTS / "20240101T000000Z-abcdef.json").write_text(json.dumps(
        {"run_id": "20240101T000000Z-abcdef", "started_at": "2024-01-01T00:00:00+00:00",
         "schema_version": SCHEMA_VERSION + 1, "files": {}}), "utf-8")
    (wh / "_staging" / "dead-run").mkdir(parents=True)
    expected = newer_schema_problem(wh, manifests(wh))
    assert expected and f"schema version {SCHEMA_VERSION + 1}" in expected
    with pytest.raises(ValueError) as caught:
        Run.start(Settings(warehouse=wh), [])
    assert str(caught.value) == expected
    assert _lock_is_free(wh) and (wh / "_staging" / "dead-run").is_dir()
