"""The flow's process keeps few malloc arenas however many threads allocate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tasks.common.memory import limit_malloc_arenas

# Threads allocating at once, then the number of arenas glibc made (malloc_info's XML
# lists one <heap nr=...> per arena).
PROBE = """
import ctypes, ctypes.util, sys, tempfile, threading
from tasks.common.memory import limit_malloc_arenas
if sys.argv[1] == "limit":
    assert limit_malloc_arenas(2)
start = threading.Barrier(8)
def work():
    start.wait()
    for _ in range(200):
        chunks = [bytearray(60_000) for _ in range(20)]
        del chunks
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile(suffix=".xml") as out:
    fh = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(fh))
    libc.fclose(ctypes.c_void_p(fh))
    print(open(out.name).read().count("<heap nr="))
"""


def arenas(mode: str) -> int:
    env = {"PATH": "/usr/bin:/bin"}  # no MALLOC_ARENA_MAX from outside
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True,
                          text=True, env=env, check=True, cwd=str(_root()))
    return int(done.stdout.strip())


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[3]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_threads_share_two_arenas_once_limited():
    assert arenas("limit") <= 2
    assert arenas("default") > 2  # without the limit the same threads make more


def test_the_environment_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas() is False
