"""The single-writer lock and the clean-up of a killed run's leftovers."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from tasks.storage.warehouse import (
    WarehouseBusy,
    clear_leftovers,
    quarantine_orphans,
    writer_lock,
)


def _hold(root, ready, release) -> None:
    with writer_lock(root, "run A"):
        ready.set()
        release.wait(30)


def test_a_second_writer_is_refused_or_waits_until_the_first_ends(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(WarehouseBusy) as busy:
            with writer_lock(tmp_path, "run B", wait=False):
                pass
        assert "run A" in str(busy.value)  # says who holds it
        seen = []
        release.set()
        with writer_lock(tmp_path, "run B", on_wait=seen.append):
            assert (tmp_path / ".writer.lock").read_text().startswith("run B")
    finally:
        holder.join(30)
    assert holder.exitcode == 0


def test_the_lock_dies_with_its_process(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(tmp_path, ready, release))
    holder.start()
    assert ready.wait(60)
    holder.kill()  # SIGKILL: no clean-up code runs
    holder.join(30)
    deadline = time.monotonic() + 30
    while True:
        try:
            with writer_lock(tmp_path, "run B", wait=False):
                break
        except WarehouseBusy:
            assert time.monotonic() < deadline, "the kernel did not release the lock"
            time.sleep(0.1)


def test_leftovers_of_killed_runs_are_cleared(tmp_path):
    staged = tmp_path / "_staging" / "run-x"
    staged.mkdir(parents=True)
    (staged / "batch-00000.parquet").write_bytes(b"x" * 100)
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "run-x.b00002.json.tmp").write_text("{")
    (tmp_path / "manifests" / "run-w.json").write_text('{"run_id": "run-w", "files": {}}')
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "run-x.b00002-0000.parquet.tmp").write_bytes(b"PAR1")
    (tmp_path / "articles" / "run-x.b00001-0000.parquet").write_bytes(b"PAR1")

    notes = clear_leftovers(tmp_path)
    assert notes == ["removed _staging/run-x (100 bytes) left by a killed run",
                     "removed manifests/run-x.b00002.json.tmp left by a killed run"]
    assert not staged.exists() and (tmp_path / "manifests" / "run-w.json").exists()
    notes = quarantine_orphans(tmp_path)
    # the half-written file is deleted, the complete uncommitted one kept for inspection
    assert not list(tmp_path.rglob("*.tmp"))
    assert (tmp_path / "_orphans" / "articles" / "run-x.b00001-0000.parquet").exists()
    assert notes == [
        "moved uncommitted articles/run-x.b00001-0000.parquet to "
        f"{tmp_path / '_orphans' / 'articles' / 'run-x.b00001-0000.parquet'}",
        "removed half-written articles/run-x.b00002-0000.parquet.tmp"]
    assert clear_leftovers(tmp_path) == [] and quarantine_orphans(tmp_path) == []
