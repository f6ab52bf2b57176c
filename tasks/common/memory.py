"""Fewer malloc arenas for the flow's process.

glibc gives each thread that allocates under contention an arena of its own (up to 8 per
core) and keeps what is freed in it: the task threads and the WARC staging thread each
allocate and free a batch of pages every few seconds, and the freed memory stays in their
arenas. Measured in the flow's process on 2,500 pages (`bench/mem_inside.py`, pairs of
runs side by side, BENCHMARKS.md issue 10): this call vs none, peak RSS 826 vs 869 MB,
malloc's free-but-kept peak 175 vs 246 MB, same wall (197 s); MALLOC_ARENA_MAX=2 in the
environment (all threads) vs none, 796 vs 835 MB, 120 vs 302 MB, 247 vs 248 s."""

from __future__ import annotations

import ctypes
import ctypes.util

M_ARENA_MAX = -8  # mallopt parameter number (glibc malloc.h)
ARENAS = 2


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas for threads started from now on (glibc only; the
    environment's MALLOC_ARENA_MAX wins when set). True when applied."""
    import os

    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return False
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))
