"""A stop whose cancellation the fetches swallowed (fault round 57): SIGTERM's handler
raises SystemExit wherever the main thread stands, and in the discover stage (its feed
fetch runs its event loop in the main thread) that was at times inside aiohttp's parsing
of a response, which turns any exception there into the fetch's error. The batch then
returned its fetches as failures of the stop's making, and the run went on to the end and
exited 0 (1 run in 5 of round 57's stalled-feed test). A batch that returns after a stop
now raises FetchesStopped: nothing of it is kept, as for one cancelled in flight.

The stop's flag is process-wide and never cleared: the stops run in a child process
(tests/unit/fetch/test_mut80_stop_fetches.py's way)."""

from __future__ import annotations

from tests.unit.fetch.test_mut80_stop_fetches import child, result_of

# A child's SIGTERM handler raising as Prefect's does (TerminationSignal, a BaseException)
PREFECT_LIKE_HANDLER = """
        class Termination(BaseException):
            pass

        def prefect_like_handler(signum, frame):
            raise Termination

        signal.signal(signal.SIGTERM, prefect_like_handler)
"""
# The child's batch (its coroutine `fetch`) run from the main thread; what stopped it.
RUN_AND_REPORT = """
        try:
            outcome["returned"] = _run_sync(fetch())
        except Termination:
            outcome["signal"] = "reached the main thread"
            outcome["stopping"] = client.stopping()
        print(json.dumps(outcome))
"""


def test_a_batch_that_swallowed_the_stop_and_returned_is_stopped_all_the_same() -> None:
    proc = child("""
        async def swallows_the_stop():
            # a fetch library that catches the stop's exception and reports the fetch
            # failed, as aiohttp does with a SystemExit raised in its parser
            started.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                return ["failed: the connection's parser raised"]

        def swallowing_batch():
            try:
                outcome["returned"] = _run_sync(swallows_the_stop())
            except FetchesStopped as exc:
                outcome["batch"] = "stopped"
                outcome["message"] = str(exc)

        t = threading.Thread(target=swallowing_batch)
        t.start()
        assert started.wait(60)
        stop_fetches()
        t.join(60)
        print(json.dumps(outcome))
    """)
    got = result_of(proc)
    assert got.get("batch") == "stopped", got  # not the stop's failures as its outcomes
    assert "returned" not in got and "next run asks its URLs again" in got["message"]


def test_a_batch_that_ended_before_any_stop_keeps_its_outcomes() -> None:
    proc = child("""
        async def answers():
            return ["fetched"]

        outcome["returned"] = _run_sync(answers())
        stop_fetches()  # after: the batch's outcomes were already handed back
        print(json.dumps(outcome))
    """)
    assert result_of(proc) == {"returned": ["fetched"]}


def test_a_signal_during_a_main_thread_batch_stops_it_instead_of_failing_a_connection() -> None:
    # The discover stage's fetches run from the main thread, where signal handlers raise
    # (Prefect's SIGTERM handler raises TerminationSignal, a BaseException). With the
    # event loop in the main thread that exception could land in a transport's callback,
    # which took it for the connection's failure: the stop was lost and the batch went
    # on. Here the signal is sent from inside data_received, where it used to land every
    # time; the batch's loop now runs beside the main thread, which gets the exception in
    # its wait and stops the fetches.
    proc = child(PREFECT_LIKE_HANDLER + """
        class Signalling(asyncio.Protocol):
            def data_received(self, data):
                os.kill(os.getpid(), signal.SIGTERM)
                sum(range(100_000))  # bytecode to run: a handler in this thread runs here

        async def fetch():
            loop = asyncio.get_running_loop()
            server = await asyncio.start_server(
                lambda r, w: w.write(b"<rss>" * 100), "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            await loop.create_connection(Signalling, "127.0.0.1", port)
            await asyncio.sleep(20)  # the rest of the feed, as a stalled server sends it
            return "fetched"
    """ + RUN_AND_REPORT, timeout=60)
    assert result_of(proc) == {"signal": "reached the main thread", "stopping": True}
    assert "Fatal error" not in proc.stderr, proc.stderr  # asyncio's log of a lost one


def test_a_signal_while_the_batchs_thread_starts_stops_it_too() -> None:
    """Fault round 58 (the test above failed once under load): the signal's exception can
    reach the main thread before its wait, while `Thread.start()` returns: the fetch
    thread, under load, connects and has the signal sent first. The exception left
    outside the `try` that stops the fetches, so `stopping()` stayed false. Here it lands
    there every time: a profile function of the main thread sends SIGTERM as
    `threading.Thread.start` returns."""
    proc = child(PREFECT_LIKE_HANDLER + """
        def on_start_return(frame, event, arg):
            if (event == "return" and frame.f_code.co_name == "start"
                    and frame.f_code.co_filename == threading.__file__):
                sys.setprofile(None)
                os.kill(os.getpid(), signal.SIGTERM)

        async def fetch():
            await asyncio.sleep(20)  # a server that sends nothing more
            return "fetched"

        sys.setprofile(on_start_return)
    """ + RUN_AND_REPORT, timeout=60)
    assert result_of(proc) == {"signal": "reached the main thread", "stopping": True}
