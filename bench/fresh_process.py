"""What the lookup benchmarks share: one measured call per fresh process, the variants
alternated round by round (this machine is noisy), the children's JSON lines gathered.

    result, figures = measured(fn, *args)     # in the child
    runs = alternate({"name": argv, ...}, repeat)   # in the parent
"""

from __future__ import annotations

import json
import resource
import subprocess
import time


def _resident_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 >> 10


def measured(fn, *args):
    """fn(*args) and what it cost: CPU and wall seconds, and the peak RSS above the
    process's RSS before the call (ru_maxrss: call it once before, for imports and
    first-use allocations, so that they are not counted)."""
    before = _resident_kb()
    t0, w0 = time.process_time(), time.perf_counter()
    result = fn(*args)
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB
    return result, {"cpu_s": cpu, "wall_s": wall, "peak_above_mb": (peak - before) / 1024}


def alternate(commands: dict[str, list[str]], repeat: int,
              cwd: dict[str, str] | None = None) -> dict[str, list[dict]]:
    """Each command run `repeat` times, in turn (A B A B ...), each in a fresh process;
    per name, the JSON object each run printed last."""
    got: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            out = subprocess.run(argv, capture_output=True, text=True, check=True,
                                 cwd=(cwd or {}).get(name)).stdout
            got[name].append(json.loads(out.strip().splitlines()[-1]))
    return got
