"""The manifest is the commit point: it is written under a temporary name and renamed, so
a failed or interrupted manifest write leaves the run invisible and the warehouse healthy,
and a stray temporary manifest never breaks a later run or reader."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

import tasks.storage.publish as publish_mod
from schemas import REJECTS, conform
from tasks.storage.publish import publish_run
from tasks.storage.report import build_views, connect_views, run_data_tests
from tasks.storage.warehouse import MANIFESTS, committed_files, manifests, quarantine_orphans


def _rejects(n: int, run_id: str):
    now = datetime.now(UTC)
    return conform([{"input_key": f"{run_id}-k{i}", "stage": "clean", "reason": "too_short",
                     "rejected_at": now, "run_id": run_id, "url": f"https://e.com/{i}"}
                    for i in range(n)], REJECTS, "rejects")


def _publish(root: Path, run_id: str, n: int) -> dict:
    return publish_run(root, {"rejects": _rejects(n, run_id)},
                       {"run_id": run_id, "started_at": datetime.now(UTC).isoformat(),
                        "totals": {"inputs": n, "kept": 0, "rejected": n, "failed": 0,
                                   "skipped": 0}})


def _visible(root: Path) -> tuple[list[str], list[str], int, list[str]]:
    """What readers see: manifests, committed files, the rejects view, the runs view."""
    db = build_views(root)
    con = connect_views(Path(db))
    try:
        count = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
        runs = [r[0] for r in con.execute("SELECT run_id FROM runs ORDER BY run_id").fetchall()]
    finally:
        con.close()
    assert set(run_data_tests(db).values()) == {0}
    return ([m["run_id"] for m in manifests(root)],
            [p.name for p in committed_files(root, "rejects")], count, runs)


def _assert_r2_invisible_then_next_run_healthy(root: Path) -> None:
    assert not (root / MANIFESTS / "r2.json").exists()
    # r2's Parquet file is in place, but no manifest commits it: readers do not see it.
    assert (root / "rejects" / "r2-0000.parquet").exists()
    assert _visible(root) == (["r1"], ["r1-0000.parquet"], 2, ["r1"])
    # The next run commits normally; r2's uncommitted file goes to _orphans/.
    _publish(root, "r3", 4)
    assert _visible(root) == (["r1", "r3"], ["r1-0000.parquet", "r3-0000.parquet"], 6,
                              ["r1", "r3"])
    notes = quarantine_orphans(root)
    assert notes == [f"moved uncommitted rejects/r2-0000.parquet to "
                     f"{root / '_orphans' / 'rejects' / 'r2-0000.parquet'}"]
    assert _visible(root)[:3] == (["r1", "r3"], ["r1-0000.parquet", "r3-0000.parquet"], 6)


def test_fsync_failure_during_the_manifest_write_leaves_the_run_invisible(
        tmp_path, monkeypatch):
    _publish(tmp_path, "r1", 2)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        # Fail only once r2's manifest is being written (its Parquet fsyncs pass).
        if any((tmp_path / MANIFESTS).glob("r2.json*")):
            raise OSError(5, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="I/O error"):
        _publish(tmp_path, "r2", 5)
    monkeypatch.setattr(os, "fsync", real_fsync)
    _assert_r2_invisible_then_next_run_healthy(tmp_path)


def test_failed_rename_of_the_manifest_leaves_the_run_invisible(tmp_path, monkeypatch):
    _publish(tmp_path, "r1", 2)
    real_replace = os.replace

    def replace(src, dst) -> None:
        if Path(dst).parent.name == MANIFESTS:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="No space left"):
        _publish(tmp_path, "r2", 5)
    monkeypatch.setattr(os, "replace", real_replace)
    _assert_r2_invisible_then_next_run_healthy(tmp_path)


class _HalfWriter:
    """A file whose write stops halfway through (a crash or a full disk mid-write)."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def write(self, data: bytes) -> int:
        self._fh.write(data[: len(data) // 2])
        self._fh.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


def test_an_interrupted_manifest_write_never_leaves_a_partial_manifest(tmp_path, monkeypatch):
    _publish(tmp_path, "r1", 2)
    written: list[Path] = []

    def fake_open(path, mode="r", *args, **kwargs):
        fh = open(path, mode, *args, **kwargs)  # noqa: SIM115 -- closed by the wrapper
        if Path(path).parent.name == MANIFESTS and "w" in mode:
            written.append(Path(path))
            return _HalfWriter(fh)
        return fh

    monkeypatch.setattr(publish_mod, "open", fake_open, raising=False)
    with pytest.raises(OSError, match="No space left"):
        _publish(tmp_path, "r2", 5)
    monkeypatch.undo()
    # The half-written bytes went to a temporary name, never to the final manifest path.
    assert written == [tmp_path / MANIFESTS / "r2.json.tmp"]
    assert 0 < written[0].stat().st_size
    _assert_r2_invisible_then_next_run_healthy(tmp_path)


def test_a_stray_temporary_manifest_does_not_break_readers_or_the_next_run(tmp_path):
    _publish(tmp_path, "r1", 2)
    stray = tmp_path / MANIFESTS / "x.json.tmp"
    stray.write_bytes(b'{"run_id": "x", "files": {"rejects": ["rejects/r1-00')  # cut off
    (tmp_path / MANIFESTS / "r9.json.tmp").write_bytes(b"\x00\xff garbage")
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r1"]
    assert _visible(tmp_path) == (["r1"], ["r1-0000.parquet"], 2, ["r1"])
    _publish(tmp_path, "r2", 3)
    assert _visible(tmp_path) == (["r1", "r2"], ["r1-0000.parquet", "r2-0000.parquet"], 5,
                                  ["r1", "r2"])
    assert quarantine_orphans(tmp_path) == []
    assert stray.exists()  # left for an operator; readers never look at it


def test_a_successful_publish_leaves_no_temporary_files(tmp_path):
    m = _publish(tmp_path, "r1", 2)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if p.is_file()) == ["manifests/r1.json", "rejects/r1-0000.parquet"]
    assert manifests(tmp_path) == [m]
