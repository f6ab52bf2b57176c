"""Giving freed memory back to the system between batches.

A long run allocates and frees a batch of pages every few seconds on several threads;
glibc's malloc keeps what is freed in its arenas (measured in the flow's process on 5,000
pages, `bench/mem_inside.py`: 80 MB free-but-kept after the first batch, 200 MB after
five), and Arrow's allocator keeps freed pages for reuse. Neither is a leak, but both
count in the process's memory for the rest of the run."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

import pyarrow as pa


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def give_back_free_memory() -> None:
    """Return the free memory malloc and Arrow hold to the system (malloc_trim: glibc
    only; a no-op elsewhere). Costs milliseconds: call it once per batch, not per row."""
    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
