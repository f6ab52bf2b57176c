"""The flow's process keeps few malloc arenas however many threads allocate, and gives
big blocks back to the system when they are freed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tasks.common.memory import fix_mmap_threshold, limit_malloc_arenas

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


# A big block freed, then a smaller one (still over the threshold) allocated: glibc
# counts the bytes of blocks it serves with a mapping of their own in mallinfo2's hblkhd.
MMAP_PROBE = """
import ctypes, ctypes.util, sys
from tasks.common.memory import fix_mmap_threshold
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
        "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.mallinfo2.restype = Info
if sys.argv[1] == "fixed":
    assert fix_mmap_threshold()
big = bytearray(8 << 20)
del big  # by default glibc now serves blocks up to 8 MB from its arenas
before = libc.mallinfo2().hblkhd
block = bytearray(1 << 20)
mapped = libc.mallinfo2().hblkhd - before
del block
print(mapped >= 1 << 20, libc.mallinfo2().hblkhd <= before)
"""


def mapped_and_given_back(mode: str) -> tuple[bool, bool]:
    env = {"PATH": "/usr/bin:/bin"}  # no MALLOC_MMAP_THRESHOLD_ from outside
    done = subprocess.run([sys.executable, "-c", MMAP_PROBE, mode], capture_output=True,
                          text=True, env=env, check=True, cwd=str(_root()))
    mapped, given_back = done.stdout.split()
    return mapped == "True", given_back == "True"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_big_block_gets_its_own_mapping_after_a_bigger_one_was_freed():
    assert mapped_and_given_back("fixed") == (True, True)
    # without the fixed threshold the same block comes from the arena and stays there
    assert mapped_and_given_back("default")[0] is False


def test_the_environment_wins_for_the_mmap_threshold(monkeypatch):
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert fix_mmap_threshold() is False


def test_the_calls_report_whether_glibc_took_them(monkeypatch):
    # In this process, as the flow calls them (the subprocess tests above show the
    # effect on arenas): applied when glibc's mallopt is there and no variable overrides.
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    from tasks.common import memory

    assert memory._libc() is not None and hasattr(memory._libc(), "mallopt")
    assert limit_malloc_arenas(memory.ARENAS) is True
    assert fix_mmap_threshold() is True
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas() is False



def test_the_calls_ask_glibc_for_the_arena_cap_and_the_threshold(monkeypatch):
    # What each call asks mallopt for (glibc's parameter numbers, malloc.h); the effect on
    # arenas is the subprocess test above.
    from tasks.common import memory

    asked = []

    class Libc:
        def mallopt(self, param, value):
            asked.append((param, value))
            return 1

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.setattr(memory, "_libc", Libc)
    assert limit_malloc_arenas(3) and fix_mmap_threshold(512 * 1024)
    assert asked == [(-8, 3), (-3, 512 * 1024)]  # M_ARENA_MAX, M_MMAP_THRESHOLD


def test_a_libc_without_mallopt_is_left_alone(monkeypatch):
    # seed 51: a C library without glibc's mallopt (musl) is no error: the calls say no
    from tasks.common import memory

    class NoMallopt:
        pass

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.setattr(memory.ctypes, "CDLL", lambda name: NoMallopt())
    assert memory._libc() is None
    assert limit_malloc_arenas() is False and fix_mmap_threshold() is False


def test_where_no_c_library_is_found_none_is_opened_and_the_calls_say_no(monkeypatch):
    # seed 56: find_library finding no "c" (a static or unusual system) is not guessed
    # at: nothing is opened, and the calls are not applied
    from tasks.common import memory

    opened = []

    class Libc:
        def mallopt(self, param, value):
            return 1

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(memory.ctypes, "CDLL", lambda name: opened.append(name) or Libc())
    assert memory._libc() is None
    assert limit_malloc_arenas() is False and fix_mmap_threshold() is False
    assert opened == []
