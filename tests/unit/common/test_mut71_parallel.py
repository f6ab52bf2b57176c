"""Seed 71 (TESTING.md): the process pool made again at another size."""

from __future__ import annotations

import time

from tasks.common import parallel


def test_a_pool_of_another_size_cancels_the_work_the_old_one_had_not_started() -> None:
    """The old pool is shut down without running its queue: chunks that no worker took yet
    are cancelled, and the new size is not kept waiting behind them."""
    if parallel._POOL is not None:
        parallel._POOL.shutdown()
    parallel._POOL, parallel._POOL_SIZE = None, 0
    try:
        old = parallel._pool(1)
        old.submit(time.sleep, 0.5)
        queued = [old.submit(time.sleep, 0.5) for _ in range(6)]
        new = parallel._pool(2)
        assert new is not old and parallel._POOL_SIZE == 2
        assert queued[-1].cancelled()
    finally:
        parallel._POOL.shutdown()
        parallel._POOL, parallel._POOL_SIZE = None, 0
