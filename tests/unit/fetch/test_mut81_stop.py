"""Seed 81: a batch run from the main thread (the discover stage's feed and sitemap
fetches) runs its event loop beside the main thread (fault round 57). A failure of the
batch's own, with no signal, must reach its caller as it was and must not stop the
process's fetches: the stop is for a signal's exception raised in the waiting thread.
In a child process: a stop there would be process-wide and never cleared
(tests/unit/fetch/test_mut80_stop_fetches.py's way)."""

from __future__ import annotations

from tests.unit.fetch.test_mut80_stop_fetches import child, result_of


def test_a_main_thread_batch_that_fails_hands_its_error_back_and_stops_nothing() -> None:
    proc = child("""
        async def a_feed_that_breaks():
            await asyncio.sleep(0)
            raise ValueError("the feed's XML is broken")

        async def a_feed():
            return ["fetched"]

        try:
            outcome["returned"] = _run_sync(a_feed_that_breaks())
        except ValueError as exc:
            outcome["error"] = str(exc)
        outcome["stopping"] = client.stopping()
        outcome["next"] = _run_sync(a_feed())  # the next batch runs: nothing stopped
        print(json.dumps(outcome))
    """)
    assert result_of(proc) == {"error": "the feed's XML is broken", "stopping": False,
                               "next": ["fetched"]}
