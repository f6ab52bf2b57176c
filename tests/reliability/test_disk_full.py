"""A full disk in the middle of a run: `pressroom ingest` ends with a sentence and exit
status 1 (not a traceback), the batches committed before stay readable, and once there
is space again the same command finishes the warehouse exactly as an uninterrupted run
would. The disk is a real one: a 100 KB tmpfs, grown to 20 MB for the re-run (mounting
needs root with CAP_SYS_ADMIN: elsewhere the test is skipped)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import ingest, state, write_warc

pytestmark = pytest.mark.integration


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mounts a tmpfs")
def test_full_disk_stops_the_run_with_a_sentence_and_the_rerun_finishes_it(
        tmp_path, small_disk, prefect_server):
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc)
    reference = tmp_path / "reference"
    assert ingest(warc, reference, prefect_server).returncode == 0
    expected = state(reference)

    full = ingest(warc, small_disk / "wh", prefect_server)
    assert full.returncode == 1, full.stderr[-3000:]
    said = full.stderr.rsplit("the disk is full", 1)
    assert len(said) == 2, full.stderr[-3000:]
    # (Prefect's own log lines carry the task's traceback; the command's last words don't)
    assert "No space left on device" in said[1] and "Traceback" not in said[1]
    assert "run the same command again" in said[1]

    subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    after_crash = state(small_disk / "wh")  # what a reader sees: committed batches only
    assert set(after_crash["rows"]) < set(expected["rows"])
    resumed = ingest(warc, small_disk / "wh", prefect_server)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert state(small_disk / "wh") == expected
