"""Seed 81: the run's staging thread at the run's end (fault round 57). A finished or
failed run waits for the thread, so nothing is written into the staging folder after the
run removes it; a stop (SIGTERM, Ctrl-C) does not wait for a reader blocked on a stalled
WARC download, which held the exit up to the request's deadline (120 s). The reader here
is one blocked until it is let go, in place of the stage-warc task; the stop runs in a
child process (its flag is process-wide and never cleared)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from flows import pipeline
from tests.unit.fetch.test_mut80_stop_fetches import child, result_of

STALLED = "http://127.0.0.62:9/stalled.warc.gz"  # never opened: the reader below stands in


def test_a_finished_run_waits_for_the_staging_reader(monkeypatch) -> None:
    release = threading.Event()
    read = []

    def slow_read(source, settings, run_id, emit):  # the last WARC's last batch
        release.wait()
        read.append(source)

    monkeypatch.setattr(pipeline, "stage_warc_task", slow_read)
    staging = pipeline._Staging(SimpleNamespace(settings=None, run_id="r81"), [STALLED],
                                wake=lambda: None)
    # let the reader go a while after the close began: past the stop's short wait
    threading.Timer(3 * pipeline.STOPPED_STAGING_WAIT_S, release.set).start()
    staging.close()
    assert read == [STALLED]  # it ended before the close returned
    assert not staging._thread.is_alive()


def test_a_stopped_run_does_not_wait_for_a_reader_blocked_on_a_stalled_download() -> None:
    # (the child's timeout, 60 s, is below the 120 s a finished run would wait)
    proc = child(f"""
        from types import SimpleNamespace
        from flows import pipeline

        never = threading.Event()

        def stalled_read(source, settings, run_id, emit):
            never.wait()

        pipeline.stage_warc_task = stalled_read
        staging = pipeline._Staging(SimpleNamespace(settings=None, run_id="r81"),
                                    ["{STALLED}"], wake=lambda: None)
        stop_fetches()
        staging.close()
        outcome["reader_still_blocked"] = staging._thread.is_alive()
        print(json.dumps(outcome))
    """, timeout=60)
    assert result_of(proc) == {"reader_still_blocked": True}
