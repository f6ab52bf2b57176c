"""Ctrl-C during `pressroom ingest` (session 52): a real process sent a real SIGINT at a
crash point. It exited 130 after Prefect's "Crash detected!" lines, which said nothing of
what was kept or how to go on."""

from __future__ import annotations

import subprocess

import pytest

from tests.reliability.test_standard_input import DUMP, _pressroom


@pytest.mark.integration
def test_ctrl_c_during_a_run_says_what_is_kept_and_the_same_command_goes_on(
        tmp_path, prefect_server):
    """SIGINT while the first batch commits (a real signal, at the crash point): exit 130
    with a sentence (Prefect's "Crash detected!" lines said nothing of what was kept);
    the same command again keeps the article."""
    wh = tmp_path / "wh"
    dump = tmp_path / "a.txt"
    dump.write_text(DUMP)
    env = {**prefect_server, "PRESSROOM_MIN_WORDS": "10"}
    stopped = _pressroom("ingest", str(dump), "-w", str(wh), stdin=subprocess.DEVNULL,
                         env={**env, "CRASHPOINT_KILL_AT": "commit-files-written",
                              "CRASHPOINT_SIGNAL": "INT"})
    told = " ".join(stopped.stderr.decode().split())
    assert stopped.returncode == 130, told[-3000:]
    assert "interrupted: the batches this run committed are kept" in told
    again = _pressroom("ingest", str(dump), "-w", str(wh), stdin=subprocess.DEVNULL, env=env)
    assert again.returncode == 0, again.stderr.decode()[-3000:]
    assert "inputs 1 = kept 1" in " ".join(again.stdout.decode().split())
