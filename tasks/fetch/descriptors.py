"""How many connections the fetcher may hold open at once, within the process's limit of
open files (fault round 37).

A cron job, a container or a batch system may give the process a low limit of open files
(RLIMIT_NOFILE, `ulimit -n`: 1024 is common, 64-256 in some containers and CI runners).
Every connection is a file. Under `ulimit -n 48` with 32 connections allowed, 47 of 120
pages failed on the process's own limit ("Cannot connect to host ... [Too many open
files]"), logged as the server's `connect_error` or as an unreachable robots.txt. The cap
is now what the limit leaves once the files already open and a reserve are counted; a
connection that still meets the limit (files opened by other work meanwhile) is logged
as `too_many_open_files`, naming the limit (`failures.classify_exception`).
"""

from __future__ import annotations

import os

try:  # POSIX only; elsewhere there is no limit to read and the setting stands
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

# Files a run opens beside the fetcher's sockets while a batch is fetched: the WARC
# archive, Parquet parts and the DuckDB file of a batch committing meanwhile, the pipes
# of extraction workers, Prefect's API connections, a log file. 16 covers those with room;
# it is little next to the 1,024 most systems give, and leaves 2 connections even at 64.
RESERVE = 16


def connection_cap(wanted: int, soft_limit: int | None, open_now: int,
                   reserve: int = RESERVE) -> int:
    """The connections to allow: `wanted` (max_concurrency), or what the soft limit of
    open files leaves after the `open_now` files and the reserve; never below 1 (a run
    under a limit that low is slow, not stopped). No limit (None, or RLIM_INFINITY's
    negative value): `wanted`."""
    if soft_limit is None or soft_limit < 0:
        return wanted
    return max(1, min(wanted, soft_limit - open_now - reserve))


def open_file_limit() -> int | None:
    """The process's soft limit of open files (None: none, or no way to read it)."""
    if resource is None:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else soft


def files_open() -> int:
    """How many files this process holds open now (0 where the system does not say)."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder))
        except OSError:
            continue
    return 0


def cap_note(wanted: int, cap: int, soft_limit: int | None) -> str | None:
    """The run summary's sentence when the limit lowered the cap (None when it did not)."""
    if cap >= wanted:
        return None
    return (f"fetch: {cap} connection(s) at a time instead of max_concurrency={wanted}: the "
            f"process may open {soft_limit} files (ulimit -n) and holds some already; "
            "raise the limit (ulimit -n, the container's or scheduler's nofile) to fetch "
            "faster")
