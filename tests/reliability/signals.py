"""Signal dispositions for the commands the reliability tests start."""

from __future__ import annotations

import signal


def ctrl_c_reaches_it() -> None:
    """A child's preexec_fn: SIGINT at its default, as a command started at a terminal
    has it. A non-interactive shell starts background jobs (a CI run) with SIGINT
    ignored, children inherit that, and Python then installs no KeyboardInterrupt
    handler: a test's SIGINT did nothing and the command ran on to its end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
