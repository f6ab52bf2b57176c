"""Issue 10, start-up: wall and CPU seconds of the whole `pressroom ingest` tree until the
flow begins (Prefect logs "Beginning flow run"), and of the whole run, for two copies of
the code in alternating pairs.

    .venv/bin/python bench/startup_cpu.py WARC PAIRS CODE_DIR_A CODE_DIR_B

Each run imports the code of its CODE_DIR (PYTHONPATH and working directory). Warehouses
go to $TMPDIR/startup-wh-N. CPU is summed over every process of the tree, sampled every
50 ms from /proc (psutil): a process's last 50 ms before the flow begins may be missed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time

import psutil


def run(code_dir: str, warc: str, warehouse: str) -> dict:
    env = {**os.environ, "PYTHONPATH": code_dir}
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", warc,
                             "--warehouse", warehouse], cwd=code_dir, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root = psutil.Process(proc.pid)
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        cpu[p.pid] = sum(p.cpu_times()[:2])
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = cpu_to_flow = None
    for line in proc.stdout:
        if began is None and "Beginning flow run" in line:
            began = time.monotonic() - t0
            stop.set()
            sampler.join()
            cpu_to_flow = sum(cpu.values())
    proc.wait()
    return {"wall_to_flow": round(began, 2) if began else None,
            "cpu_to_flow": round(cpu_to_flow, 2) if cpu_to_flow else None,
            "total": round(time.monotonic() - t0, 2), "rc": proc.returncode}


def main() -> None:
    warc, pairs, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    for i in range(pairs):
        for code_dir in dirs if i % 2 == 0 else dirs[::-1]:
            warehouse = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"startup-wh-{i}")
            shutil.rmtree(warehouse, ignore_errors=True)
            print(i, code_dir, json.dumps(run(code_dir, warc, warehouse)), "load",
                  os.getloadavg()[0], flush=True)
            shutil.rmtree(warehouse, ignore_errors=True)


if __name__ == "__main__":
    main()
