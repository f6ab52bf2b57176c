"""Issue 10, Prefect's share of a run, measured: py-spy samples `pressroom ingest` (and its
children: Prefect's temporary server, the worker pool) and every sample is put in one
bucket by the code on its stack.

    .venv/bin/python bench/prefect_share.py WARC [--workers 1] [--rate 100]

Needs py-spy (`pip install py-spy`; it reads the processes' memory, so it needs the right
to ptrace them: root, or kernel.yama.ptrace_scope=0). Samples are on-CPU only (py-spy
without --idle): the shares are of CPU time, per process and over the whole tree.

On a saturated machine a thread woken from a wait stays runnable until it gets a core,
and py-spy counts it as active: samples whose innermost frame is a wait (a selector, a
condition or queue wait, Prefect's heartbeat sleep, the batch loop's queue) go in
`waiting`, whatever process they are in.

Buckets, first match wins, for a sample of the `pressroom` process:
  stages      a frame of tasks/ or schemas/ (the pipeline's own work, in or out of a task)
  imports     an import in progress (start-up: the CLI's modules, trafilatura, Prefect)
  prefect     a frame of Prefect's package (the engine, its client, logging, events)
              and none of the above
  wiring      our flows/ code, nothing of the above (the batch loop, the CLI)
  other       anything else (library threads, the interpreter's own start)
Samples of the temporary server process are all Prefect's (`server`); of the worker
processes, `workers`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

PROCESS = re.compile(r'^process (\d+):"(.*)"$')


FRAME = re.compile(r"\((\S+?):\d+\)$")  # "function (path:line)"; paths as py-spy shortens them


def _path(frame: str) -> str:
    found = FRAME.search(frame)
    return found.group(1) if found else ""


def _ours(path: str, top: str) -> bool:
    return path.startswith(top) or f"/{top}" in path


# Innermost frames that are a thread waiting, not working (see the module docstring).
WAITS = (".select", ".wait", "heartbeat_loop", "_Finished.next", "Queue.get", ".sleep")
WAIT_LINES = ("_worker (concurrent/futures/thread.py:81)",
              "_connection_worker_thread (aiosqlite/core.py:59)")


def waiting(frames: list[str]) -> bool:
    if not frames:
        return False
    leaf = frames[-1]
    return leaf.split(" (")[0].endswith(WAITS) or leaf.startswith(WAIT_LINES)


def bucket(frames: list[str]) -> str:
    """The bucket of one sample of the main process (frames root first)."""
    if waiting(frames):
        return "waiting"
    paths = [_path(f) for f in frames]
    if any(_ours(p, "tasks/") or _ours(p, "schemas/") for p in paths):
        return "stages"
    if any(f.startswith("_find_and_load ") for f in frames):
        return "imports"
    if any(_ours(p, "prefect/") for p in paths):
        return "prefect"
    if any(_ours(p, "flows/") for p in paths):
        return "wiring"
    return "other"


def classify(raw: str) -> tuple[Counter, Counter]:
    """(samples per bucket, samples per process kind) from py-spy's raw output."""
    buckets: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        # A child's samples sit under its parent's process frame: the last one is the
        # process the sample was taken in.
        at = max((i for i, f in enumerate(frames) if PROCESS.match(f)), default=-1)
        cmd = PROCESS.match(frames[at]).group(2) if at >= 0 else ""
        frames = frames[at + 1:]
        n = int(count)
        if "uvicorn" in cmd:
            kind = "server-waiting" if waiting(frames) else "server"
            kinds[kind] += n
            buckets[kind] += n
        elif "multiprocessing" in cmd or "forkserver" in cmd:
            kind = "workers-waiting" if waiting(frames) else "workers"
            kinds[kind] += n
            buckets[kind] += n
        else:
            kinds["pressroom"] += n
            buckets[bucket(frames)] += n
    return buckets, kinds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--workers", type=int, default=1, help="PRESSROOM_CPU_WORKERS")
    ap.add_argument("--rate", type=int, default=100, help="samples per second")
    ap.add_argument("--keep", help="also write py-spy's raw output here")
    ap.add_argument("--from-raw", help="classify this raw output of an earlier run instead")
    args = ap.parse_args()
    if args.from_raw:
        report(Path(args.from_raw).read_text(), args)
        return
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
        env.update(PREFECT_HOME=str(Path(tmp) / "prefect-home"), DO_NOT_TRACK="1",
                   PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PRESSROOM_CPU_WORKERS=str(args.workers))
        pressroom = str(Path(sys.executable).parent / "pressroom")
        # untimed first run: creates the Prefect database, as any run after a machine's first
        subprocess.run([pressroom, "ingest", args.warc, "--warehouse", f"{tmp}/warm"],
                       env=env, check=True, capture_output=True)
        out = Path(tmp) / "raw.txt"
        subprocess.run([spy, "record", "--subprocesses", "--format", "raw", "-r",
                        str(args.rate), "-o", str(out), "--", pressroom, "ingest", args.warc,
                        "--warehouse", f"{tmp}/wh"], env=env, check=True,
                       capture_output=True)
        raw = out.read_text()
        if args.keep:
            Path(args.keep).write_text(raw)
    report(raw, args)


def report(raw: str, args: argparse.Namespace) -> None:
    buckets, kinds = classify(raw)
    waits = sum(n for k, n in buckets.items() if "waiting" in k)
    total, main_n = sum(kinds.values()) - waits, kinds["pressroom"] - buckets["waiting"]
    print(f"load average {os.getloadavg()}; {sum(kinds.values())} samples at {args.rate}/s, "
          f"cpu_workers={args.workers}; {waits} of them waiting (not counted below)")
    for name, n in buckets.most_common():
        if "waiting" in name:
            print(f"{name:15s} {n:7d} samples")
            continue
        where = "of the tree" if name in ("server", "workers") else "of pressroom"
        base = total if name in ("server", "workers") else main_n
        print(f"{name:15s} {n:7d} samples  {100 * n / base:5.1f}% {where}  "
              f"({100 * n / total:5.1f}% of the tree)")
    prefect = buckets["prefect"] + buckets["server"]
    print(f"Prefect (engine in pressroom + temporary server): {100 * prefect / total:.1f}% of "
          f"the tree's working samples; engine alone {100 * buckets['prefect'] / main_n:.1f}% "
          f"of the pressroom process's")


if __name__ == "__main__":
    main()
