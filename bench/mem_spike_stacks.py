"""What a process is doing when its memory spikes: attach to a PID (the `pressroom ingest`
of bench/bench_memory.py), read its PSS every 0.5 s from /proc/PID/smaps_rollup and, when
it is over a threshold (at most every 15 s), print the Python stacks of its busy threads
(`py-spy dump --nonblocking`; py-spy is not a project dependency: `pip install --target
DIR py-spy` and pass --py-spy DIR/bin/py-spy).

    python bench/mem_spike_stacks.py PID 850 [--py-spy /tmp/pyspy/bin/py-spy]
"""

from __future__ import annotations

import argparse
import subprocess
import time


def pss_mb(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1]) >> 10
    return 0


def busy_stacks(py_spy: str, pid: int, frames: int = 6) -> list[str]:
    out = subprocess.run([py_spy, "dump", "--pid", str(pid), "--nonblocking"],
                         capture_output=True, text=True).stdout
    keep = []
    for block in out.split("\nThread ")[1:]:
        lines = block.splitlines()
        if "(idle)" not in lines[0]:
            keep.append(" | ".join([lines[0][:60]] + [ln.strip()[:90]
                                                       for ln in lines[1:frames + 1]]))
    return keep


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pid", type=int)
    ap.add_argument("threshold_mb", type=int)
    ap.add_argument("--py-spy", default="py-spy")
    args = ap.parse_args()
    last = 0.0
    while True:
        try:
            pss = pss_mb(args.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        if pss > args.threshold_mb and time.time() - last > 15:
            last = time.time()
            print(time.strftime("%H:%M:%S"), f"Pss {pss} MB", flush=True)
            for stack in busy_stacks(args.py_spy, args.pid):
                print("   ", stack, flush=True)
        time.sleep(0.5)


if __name__ == "__main__":
    main()
