"""Named points where a test can kill the whole process with SIGKILL, to prove that a
crash at any step of a run (a commit half-written, a manifest not yet renamed, the views
half-built) loses at most the batches in flight and leaves nothing torn.

Off unless CRASHPOINT_KILL_AT is set to "<point>" or "<point>:<n>" (die the n-th time the
point is reached). CRASHPOINT_SIGNAL=TERM sends SIGTERM instead (a `kill`, a service
manager's stop): the process unwinds through its handlers rather than vanishing; INT
sends SIGINT (Ctrl-C at a terminal: Python's KeyboardInterrupt). Only
code that runs in the flow's own process has points: a worker process killing itself
would test the pool, not the commit protocol.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter

_hits: Counter[str] = Counter()
_lock = threading.Lock()


def crash_point(name: str) -> None:
    """SIGKILL (or CRASHPOINT_SIGNAL=TERM or INT: that signal) this process here when
    CRASHPOINT_KILL_AT names this point (and count)."""
    spec = os.environ.get("CRASHPOINT_KILL_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    with _lock:
        _hits[name] += 1
        due = _hits[name] >= int(nth or 1)
    if due:
        wanted = os.environ.get("CRASHPOINT_SIGNAL", "").upper().removeprefix("SIG")
        os.kill(os.getpid(), {"TERM": signal.SIGTERM, "INT": signal.SIGINT}.get(
            wanted, signal.SIGKILL))
