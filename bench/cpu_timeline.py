"""Issue 10, where a `pressroom ingest` run with worker processes loses time: the CPU of
every process of the tree (the main process per thread, each worker of the pool, the
temporary Prefect server) sampled from /proc every 0.2 s, and the workers' idle time
while the flow runs.

    .venv/bin/python bench/cpu_timeline.py WARC [--workers 0] [--keep RAW]

Prints a summary (CPU seconds per process and per main-process thread, worker
utilisation over the flow's span, the intervals in which both workers were idle and what
the main process's threads were doing then) and, with --keep, the raw timeline.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def stat_cpu(path: str) -> tuple[str, float, str] | None:
    """(comm, user+system CPU seconds, state) from a /proc/.../stat file. The state tells
    a worker with nothing to do (S, sleeping) from one running or waiting for a core (R),
    which on a loaded machine the CPU figures alone cannot."""
    try:
        raw = Path(path).read_text()
    except OSError:
        return None
    comm = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2:].split()
    return comm, (int(fields[11]) + int(fields[12])) / TICK, fields[0]


def children(pid: int) -> list[int]:
    """Every descendant of pid."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for tid in os.listdir(f"/proc/{p}/task") if os.path.exists(f"/proc/{p}/task") else []:
            try:
                kids = Path(f"/proc/{p}/task/{tid}/children").read_text().split()
            except OSError:
                continue
            for k in kids:
                out.append(int(k))
                todo.append(int(k))
    return out


def kind(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "gone"
    if "uvicorn" in cmd:
        return "server"
    if "forkserver" in cmd:
        return "forkserver-or-worker"
    return "other"


def sample(root: int) -> tuple[dict, dict]:
    """{(kind, pid, thread name): cpu seconds}, {pid: state} for the tree now."""
    snap, states = {}, {}
    main_threads = f"/proc/{root}/task"
    if os.path.exists(main_threads):
        for tid in os.listdir(main_threads):
            got = stat_cpu(f"{main_threads}/{tid}/stat")
            if got:
                snap[("main", root, f"{got[0]}:{tid}")] = got[1]
    for pid in children(root):
        got = stat_cpu(f"/proc/{pid}/stat")
        if got:
            snap[(kind(pid, root), pid, got[0])] = got[1]
            states[pid] = got[2]
    return snap, states


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--workers", default="0")
    ap.add_argument("--every", type=float, default=0.2)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--pythonpath", help="run the CLI from this code tree")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cpu-timeline-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(work / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300",
               PRESSROOM_CPU_WORKERS=args.workers)
    cmd = [sys.executable, "-m", "flows.cli", "ingest", args.warc, "--warehouse", str(work / "wh")]
    if args.pythonpath:
        env["PYTHONPATH"] = args.pythonpath
    log = open(work / "log.txt", "w")
    started = datetime.now()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=work)
    rows = []
    while proc.poll() is None:
        rows.append((time.perf_counter() - t0, sample(proc.pid)))
        time.sleep(args.every)
    wall = time.perf_counter() - t0
    log.close()
    text = (work / "log.txt").read_text()
    if proc.returncode:
        raise SystemExit(text[-3000:])
    report(rows, wall, text, args, flow_marks(text, started))


FLOW = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO +\| Flow run '[^']+' - (Beginning|Finished)",
                  re.M)


def flow_marks(log: str, started: datetime) -> tuple[float, float] | None:
    """Seconds from the start of the process to the flow's first and last log line."""
    marks = {}
    for stamp, what in FLOW.findall(log):
        t = datetime.combine(started.date(), datetime.strptime(stamp, "%H:%M:%S.%f").time())
        marks.setdefault(what, (t - started).total_seconds())
    return (marks["Beginning"], marks["Finished"]) if len(marks) == 2 else None


def report(rows, wall, text, args, flow) -> None:
    # per-interval CPU deltas per key
    last: dict = {}
    series = []  # (t, {key: cpu in interval})
    for t, (snap, _) in rows:
        d = {k: snap[k] - last[k] for k in snap if k in last}
        last.update(snap)
        series.append((t, d))
    totals: dict = defaultdict(float)
    for k in last:
        totals[k] = last[k]
    workers = sorted({k[1] for k in last if k[0] == "forkserver-or-worker"})
    # the forkserver itself uses ~no CPU; workers are the ones with CPU
    busy_workers = [p for p in workers if sum(v for k, v in totals.items() if k[1] == p) > 1.0]
    print(f"wall {wall:.1f} s, {len(rows)} samples every {args.every} s")
    print("CPU seconds per process / main thread:")
    for k, v in sorted(totals.items(), key=lambda kv: -kv[1]):
        if v >= 0.3:
            print(f"  {k[0]:22s} {k[1]:7d} {k[2]:28s} {v:8.1f}")
    # flow span: first to last sample where any worker used CPU after start-up
    wt = [(t, sum(v for k, v in d.items() if k[1] in busy_workers)) for t, d in series]
    active = [t for t, w in wt if w > 0]
    if not active or not busy_workers:
        return
    start, end = flow if flow else (active[0], active[-1])
    span = [(t, d) for t, d in series if start <= t <= end]
    n = len(busy_workers)
    used = sum(sum(v for k, v in d.items() if k[1] in busy_workers) for _, d in span)
    print(f"workers {busy_workers}: {'flow' if flow else 'busy span'} {start:.1f}-{end:.1f} s; "
          f"worker CPU {used:.1f} s of {n * (end - start):.1f} s available "
          f"({100 * used / (n * (end - start)):.0f}%)")
    asleep = [sum(states.get(p) == "S" for p in busy_workers) / n
              for t, (_, states) in rows if start <= t <= end]
    print(f"workers asleep (state S: no chunk to work on) {100 * sum(asleep) / len(asleep):.0f}% "
          f"of the flow's samples, ~{sum(asleep) * args.every * n:.1f} worker-seconds")
    main_cpu = sum(sum(v for k, v in d.items() if k[0] == "main") for _, d in span)
    server_cpu = sum(sum(v for k, v in d.items() if k[0] == "server") for _, d in span)
    print(f"in that span: main process CPU {main_cpu:.1f} s, server {server_cpu:.1f} s; "
          f"both cores' time {2 * (end - start):.1f} s, unused "
          f"{2 * (end - start) - used - main_cpu - server_cpu:.1f} s")
    # idle intervals: intervals where worker CPU < 25% of n cores
    print("\ntimeline (per 1 s: worker cores used (workers asleep, mean) / main cores used / "
          "top main threads):")
    bucket: dict = defaultdict(lambda: defaultdict(float))
    for t, d in span:
        b = int(t)
        for k, v in d.items():
            key = "W" if k[1] in busy_workers else ("M:" + k[2].split(":")[0]) if k[0] == "main" \
                else k[0]
            bucket[b][key] += v
    sleeping: dict = defaultdict(list)
    for t, (_, states) in rows:
        if start <= t <= end:
            sleeping[int(t)].append(sum(states.get(p) == "S" for p in busy_workers))
    for b in sorted(bucket):
        row = bucket[b]
        asleep_b = sleeping.get(b) or [0]
        mains = sorted(((k, v) for k, v in row.items() if k.startswith("M:")), key=lambda x: -x[1])
        msum = sum(v for _, v in mains)
        top = " ".join(f"{k[2:]}={v:.2f}" for k, v in mains[:3] if v > 0.02)
        srv = row.get("server", 0)
        print(f"  {b:4d}s  W {row.get('W', 0):4.2f} (asleep {sum(asleep_b) / len(asleep_b):3.1f})"
              f"  M {msum:4.2f}  srv {srv:4.2f}  {top}")
    if args.keep:
        with open(args.keep, "w") as fh:
            for t, d in series:
                fh.write(f"{t:.2f} " + " ".join(f"{k[0]}/{k[1]}/{k[2]}={v:.2f}"
                                                 for k, v in d.items() if v) + "\n")
            fh.write("\n--- log ---\n" + text)


if __name__ == "__main__":
    main()
