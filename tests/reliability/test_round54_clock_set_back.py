"""A clock set back between runs (fault round 54): NTP correcting a machine that ran fast,
a VM restored from a snapshot, a container moved to another host. The first run ran
with the clock 30 days ahead, the second with the real one. Before: the second run got
an id and a `started_at` that sorted it before the first (in `runs`, the report, every
`ORDER BY run_id`), and the URL whose fetch had failed in the first run was not asked
again ("already in warehouse") until the clock had caught up with that failure's time
plus `refetch_failed_after_hours`: a month unasked. Now the run is recorded a second
after the latest commit, with a note saying the clock was set back, and a failure
stamped further ahead than the window is not recent.

The clock is set back for real, for the whole process tree of each command: a small
LD_PRELOAD library (compiled here with the system's C compiler) shifts what
clock_gettime, gettimeofday and time return for CLOCK_REALTIME by CLOCK_SHIFT_S seconds
(faketime's mechanism; faketime is not installed). The code is unchanged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tasks.storage.warehouse import start_after_commits

ROOT = Path(__file__).resolve().parents[2]
SHIFT = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
static long shift(void) { const char *s = getenv("CLOCK_SHIFT_S"); return s ? atol(s) : 0; }
int clock_gettime(clockid_t id, struct timespec *tp) {
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = dlsym(RTLD_NEXT, "clock_gettime");
    int r = real(id, tp);
    if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) tp->tv_sec += shift();
    return r;
}
int gettimeofday(struct timeval *tv, void *tz) {
    static int (*real)(struct timeval *, void *);
    if (!real) real = dlsym(RTLD_NEXT, "gettimeofday");
    int r = real(tv, tz);
    if (r == 0 && tv) tv->tv_sec += shift();
    return r;
}
time_t time(time_t *t) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (t) *t = ts.tv_sec;
    return ts.tv_sec;
}
"""
MONTH_S = 30 * 24 * 3600


@pytest.fixture(scope="module")
def clock_shift(tmp_path_factory) -> Path:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build the clock-shifting library")
    folder = tmp_path_factory.mktemp("clock")
    (folder / "shift.c").write_text(SHIFT)
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(folder / "shift.so"),
                    str(folder / "shift.c"), "-ldl"], check=True)
    return folder / "shift.so"


def _pressroom(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, timeout=600)
    out = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()[-3000:] + out[-2000:]
    return out


@pytest.mark.integration
def test_a_run_after_the_clock_was_set_back(tmp_path, clock_shift, prefect_server):
    # a port nothing listens on (9, discard): robots.txt unreachable, the URL a failed fetch
    urls = tmp_path / "fail.urls"
    urls.write_text("http://127.0.0.57:9/story-a\n", encoding="utf-8")
    wh = tmp_path / "wh"
    env = {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT),
           "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]', "LD_PRELOAD": str(clock_shift)}
    ahead = _pressroom(["ingest", str(urls), "-w", str(wh)], {**env, "CLOCK_SHIFT_S":
                                                              str(MONTH_S)})
    assert "failed fetches 1" in ahead, ahead[-1500:]
    now = _pressroom(["ingest", str(urls), "-w", str(wh)], {**env, "CLOCK_SHIFT_S": "0"})
    # the failed URL asked again, not "already in warehouse" for a month
    assert "inputs 1 = kept 0 + rejected 0 + failed fetches 1 + already in warehouse 0" \
        in now, now[-1500:]
    assert re.search(r"note: the clock reads \S+ \S+ UTC, before the latest commit", now), \
        now[-1500:]
    ids = re.findall(r"\b(\d{8}T\d{6}Z-[0-9a-f]{6})\b",
                     _pressroom(["runs", "-w", str(wh)], env))
    first, second = sorted(set(ids), key=ids.index)  # `runs` lists the latest first
    assert first > second  # the run that ran last sorts last, by id as by start
    starts = _pressroom(["sql", "-f", "csv", "SELECT run_id, started_at FROM runs ORDER BY "
                         "started_at", "-w", str(wh)], env)
    assert starts.index(second) < starts.index(first), starts
    log = _pressroom(["sql", "-f", "csv", "SELECT count(*) AS n FROM fetch_log", "-w",
                      str(wh)], env)
    assert log.endswith("n 2"), log


NOW = datetime(2026, 12, 7, 4, 40, tzinfo=UTC)


def test_a_run_starts_after_the_latest_commit():
    found = [{"started_at": (NOW + timedelta(days=30, microseconds=5)).isoformat()},
             {"started_at": None}, {"started_at": "edited by hand"}]
    started, note = start_after_commits(found, NOW)
    assert started == NOW + timedelta(days=30, seconds=1)
    assert "the clock reads 2026-12-07 04:40:00 UTC" in note
    # the guards: a clock that moved on, and a warehouse of no commits
    assert start_after_commits(found, NOW + timedelta(days=31)) == (
        NOW + timedelta(days=31), None)
    assert start_after_commits([], NOW) == (NOW, None)
