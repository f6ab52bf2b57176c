"""Freed memory goes back to the system between batches (glibc's malloc_trim)."""

from __future__ import annotations

import threading

import psutil
import pytest

from tasks.common.memory import _libc, give_back_free_memory


@pytest.mark.skipif(_libc() is None, reason="malloc_trim is glibc's")
def test_memory_freed_between_batches_is_given_back():
    me = psutil.Process()
    kept: list[bytes] = []

    def a_batch() -> None:
        # 240 MB of pages of 60 KB (under glibc's mmap threshold, so they come from an
        # arena), freed but for every 20th, which pins the arena as a batch's leftovers do
        pages = [bytearray(b"x" * 60_000) for _ in range(4_000)]
        kept.extend(pages[::20])

    worker = threading.Thread(target=a_batch)  # a task thread, as in the flow
    worker.start()
    worker.join()
    before = me.memory_info().rss
    give_back_free_memory()
    after = me.memory_info().rss
    assert before - after > 100 * 2**20, (before >> 20, after >> 20)
    assert len(kept) == 200
