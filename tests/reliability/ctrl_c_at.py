"""The real `pressroom` command with a Ctrl-C sent at a known point of its work, for the
tests of interrupted read commands (fault round 57):

    python -m tests.reliability.ctrl_c_at [--in-call] FUNCTION FILE_SUFFIX -- ARGS...

A thread watches the main thread's stack and sends the process a real SIGINT once it
holds FUNCTION (of a file ending in FILE_SUFFIX); with --in-call, once FUNCTION is the top
frame and stands on a call, that is inside a C call such as a DuckDB query (which
releases the GIL while it works, so the watcher runs meanwhile). A signal at a random
moment made round 56's test flaky; this one always lands where the test says. It prints
"signalled" to standard error when it did, so that a command which ended first fails its
test rather than passing unsignalled. With STOP_SIGNAL=TERM in its environment the signal
is a SIGTERM (fault round 64's stops of `forget`, `reindex` and `report`)."""

from __future__ import annotations

import dis
import os
import signal
import sys
import threading
import time


def _at(frame, function: str, suffix: str, in_call: bool) -> bool:
    def named(f) -> bool:
        return f.f_code.co_name == function and f.f_code.co_filename.endswith(suffix)

    if in_call:
        return (frame is not None and named(frame) and frame.f_lasti in
                {i.offset for i in dis.get_instructions(frame.f_code) if i.opname == "CALL"})
    while frame is not None:
        if named(frame):
            return True
        frame = frame.f_back
    return False


def _watch(function: str, suffix: str, in_call: bool) -> None:
    main = threading.main_thread().ident
    while not _at(sys._current_frames().get(main), function, suffix, in_call):
        time.sleep(0.0002)
    print("signalled", file=sys.stderr, flush=True)
    # STOP_SIGNAL=TERM sends SIGTERM instead (a `kill`, `timeout`, a service manager)
    os.kill(os.getpid(), signal.SIGTERM if os.environ.get("STOP_SIGNAL") == "TERM"
            else signal.SIGINT)


def main(argv: list[str]) -> None:
    in_call = argv[0] == "--in-call"
    function, suffix = argv[in_call:in_call + 2]
    args = argv[argv.index("--") + 1:]
    threading.Thread(target=_watch, args=(function, suffix, in_call), daemon=True).start()
    import flows.cli

    sys.argv = ["pressroom", *args]
    flows.cli.app()


if __name__ == "__main__":
    main(sys.argv[1:])
