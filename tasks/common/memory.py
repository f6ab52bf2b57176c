"""How the flow's process asks glibc's malloc to keep its memory.

Arenas. glibc gives each thread that allocates under contention an arena of its own (up
to 8 per core) and keeps what is freed in it: the task threads and the WARC staging
thread each allocate and free a batch of pages every few seconds, and the freed memory
stays in their arenas. Measured in the flow's process on 2,500 pages (`bench/mem_inside.py`,
pairs of runs side by side, BENCHMARKS.md issue 10): this call vs none, peak RSS 826 vs
869 MB, malloc's free-but-kept peak 175 vs 246 MB, same wall (197 s); MALLOC_ARENA_MAX=2
in the environment (all threads) vs none, 796 vs 835 MB, 120 vs 302 MB, 247 vs 248 s.

The mmap threshold. Most of what grew batch after batch in the flow's process was memory
malloc had freed and kept (BENCHMARKS.md, issue 10, "what grows"). The tables the
extraction workers send back are unpickled into Python bytes objects, one per Arrow
buffer (pyarrow does not copy them into its own pool), so each batch's columns are
malloc blocks of a few hundred KB to a few MB, freed a minute later when the batch
commits, between blocks that live on. glibc serves a block of at least the mmap
threshold with a mapping of its own, given back to the system when freed, but by default
the threshold slides up to the largest such block freed so far (up to 32 MB): after the
first big buffer is freed, every later one comes from the arenas and leaves a hole there
when freed. A fixed threshold stops the sliding."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

M_MMAP_THRESHOLD = -3  # mallopt parameter numbers (glibc malloc.h)
M_ARENA_MAX = -8
ARENAS = 2
# Blocks from this size up get a mapping of their own. 256 KB: the unpickled buffers of
# a batch's columns are mostly above it, Python's own objects and the C libraries' small
# blocks below. glibc's starting value is 128 KB; the cost of a mapping per big block
# (a system call and fresh pages) is microseconds against seconds of work per batch.
MMAP_THRESHOLD = 256 * 1024


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "mallopt") else None


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas for threads started from now on (glibc only; the
    environment's MALLOC_ARENA_MAX wins when set). True when applied."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    libc = _libc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, arenas))


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Blocks of `size` bytes and more get their own mapping, given back when freed, and
    the threshold no longer slides up (glibc only; the environment's
    MALLOC_MMAP_THRESHOLD_ wins when set). True when applied."""
    if os.environ.get("MALLOC_MMAP_THRESHOLD_"):
        return False
    libc = _libc()
    return bool(libc and libc.mallopt(M_MMAP_THRESHOLD, size))
