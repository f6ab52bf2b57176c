"""Where the memory of a running process tree is: attach to a PID (e.g. the `pressroom
ingest` that bench_memory.py started) and every few seconds print each process's PSS and,
for the largest, its biggest mappings by PSS ([anon] = heap: Python objects, Arrow,
DuckDB, tantivy buffers; named files = shared libraries and mapped files).

    .venv/bin/python bench/mem_where.py PID [--every 15]
"""

from __future__ import annotations

import argparse
import time

import psutil


def snapshot(root: psutil.Process) -> None:
    rows = []
    for p in [root, *root.children(recursive=True)]:
        try:
            rows.append((p.memory_full_info().pss, p.pid, " ".join(p.cmdline()[1:4])[-70:]))
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    rows.sort(reverse=True)
    print(f"t={time.strftime('%H:%M:%S')} tree PSS {sum(r[0] for r in rows) >> 20} MB; "
          + "; ".join(f"{pid} {pss >> 20} MB {cmd}" for pss, pid, cmd in rows), flush=True)
    if rows:
        try:
            maps = psutil.Process(rows[0][1]).memory_maps(grouped=True)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return
        top = sorted(maps, key=lambda m: m.pss, reverse=True)[:6]
        print("   largest mappings: " + "; ".join(f"{m.path[-45:] or '[anon]'} {m.pss >> 20} MB"
                                                  for m in top), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pid", type=int)
    ap.add_argument("--every", type=float, default=15)
    args = ap.parse_args()
    root = psutil.Process(args.pid)
    while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
        snapshot(root)
        time.sleep(args.every)


if __name__ == "__main__":
    main()
