"""Issue 10, bounded memory: peak memory of the whole `pressroom ingest` process tree for
N and 10N real pages.

    .venv/bin/python bench/bench_memory.py --sizes 1000 10000 [--workers 0] [--out FILE]

Each size gets a WARC of the development corpus's pages cycled to N, every copy with its
own URL and one inserted word (so no two records are exact duplicates). `pressroom
ingest WARC --warehouse TMP` runs as a subprocess (default settings, its own PREFECT_HOME
so the ephemeral Prefect server is its own child); every 0.5 s the PSS of the process
and all its children is summed (psutil `memory_full_info().pss`, which splits shared
pages between processes, so the sum does not count a page twice). Prints the peak sum,
the largest single process at any sample, wall time and docs/s.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

import psutil

CORPUS = Path(os.environ.get("DEV_CORPUS", "/work/shared/corpus/dev"))
BIN = Path(sys.executable).parent
FIRST_P = re.compile(rb"(<p[\s>][^>]*>|<p>)", re.I)
# A page's own canonical link or og:url names the article when it resolves onto the
# record's host (relative links do, for 14 dev pages): copies would then be revisions of
# one article instead of distinct articles. Renamed away (keep_canonical=True keeps them).
CANONICAL = re.compile(rb"""rel=["']?canonical\b|property=["']og:url["']""", re.I)


def pages(n: int, keep_canonical: bool = False):
    """(url, html) for n records: corpus page i % 990, copy i // 990 gets the word
    `pressroomcopy<k>` at the start of its first paragraph (copy 0 is the page as is)."""
    files = sorted((CORPUS / "pages").glob("*.html.gz"))
    bodies = [gzip.decompress(f.read_bytes()) for f in files]
    for i in range(n):
        body, copy = bodies[i % len(bodies)], i // len(bodies)
        if not keep_canonical:
            body = CANONICAL.sub(b'data-bench="no-canonical"', body)
        if copy:
            body = FIRST_P.sub(lambda m, c=copy: m.group(1) + b"pressroomcopy%d " % c, body,
                               count=1)
        yield f"https://bench.example/news/{i}.html", body


def make_warc(path: Path, n: int, gzip: bool = True) -> None:
    """gzip=False writes a plain .warc: 5x faster to make on a loaded machine (50k pages
    took over 20 min compressed), read the same way by pressroom."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, body in pages(n):
            head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=head))


def kind_of(p: psutil.Process, root: psutil.Process) -> str:
    """main (the `pressroom` process), server (Prefect's temporary server), worker (an
    extraction worker of the pool), or other (forkserver, resource tracker)."""
    if p.pid == root.pid:
        return "main"
    cmd = " ".join(p.cmdline())
    if "uvicorn" in cmd or "prefect" in cmd and "server" in cmd:
        return "server"
    if "forkserver" in cmd and p.ppid() != root.pid:
        return "worker"  # a child of the forkserver
    return "other"


def tree_pss(proc: psutil.Process) -> tuple[int, int, str, int, dict[str, int]]:
    """(sum of PSS, largest PSS, that process's name, number of processes, PSS summed
    per process kind)."""
    total, biggest, name, count = 0, 0, "", 0
    kinds: dict[str, int] = {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            pss = p.memory_full_info().pss
            label = " ".join(p.cmdline()[:3])[-60:]
            kind = kind_of(p, proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        total += pss
        count += 1
        kinds[kind] = kinds.get(kind, 0) + pss
        if pss > biggest:
            biggest, name = pss, label
    return total, biggest, name, count, kinds


def measure(cmd: list[str], env: dict, cwd: str, interval: float = 0.5,
            progress: bool = False) -> dict:
    """Run cmd, sampling the tree's PSS every `interval` s; peak figures and wall time."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    # Drained as it comes: a pipe holds 64 KB, and an ingest of ~85 batches logs more than
    # that; read only at the end, the full pipe stopped the run (a 50k run stood still
    # for 11 minutes in `print` until the pipe was read from outside).
    output: list[bytes] = []
    drain = threading.Thread(target=lambda: output.extend(iter(proc.stdout.readline, b"")),
                             daemon=True)
    drain.start()
    ps = psutil.Process(proc.pid)
    peak = {"pss_sum": 0, "pss_max_one": 0, "max_one": "", "procs": 0, "samples": 0,
            "kinds": {}}
    timeline = []  # (t, MB) every ~10 s, to see whether it grows during the run
    while proc.poll() is None:
        total, biggest, name, count, kinds = tree_pss(ps)
        peak["samples"] += 1
        peak["pss_sum"] = max(peak["pss_sum"], total)
        peak["procs"] = max(peak["procs"], count)
        for kind, pss in kinds.items():  # each kind's own peak (not at the same moment)
            peak["kinds"][kind] = max(peak["kinds"].get(kind, 0), pss)
        if biggest > peak["pss_max_one"]:
            peak["pss_max_one"], peak["max_one"] = biggest, name
        if peak["samples"] % 20 == 1:
            timeline.append((round(time.perf_counter() - t0), total >> 20))
            if progress:  # a run stopped before its end still leaves its figures
                per_kind = ", ".join(f"{k} {v >> 20}" for k, v in sorted(kinds.items()))
                print(f"  t={timeline[-1][0]} s tree {total >> 20} MB ({count} processes: "
                      f"{per_kind}), peak so far {peak['pss_sum'] >> 20} MB, load "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(interval)
    drain.join(timeout=30)
    out = b"".join(output).decode("utf-8", "replace")
    peak["wall_s"] = time.perf_counter() - t0
    peak["rc"] = proc.returncode
    peak["timeline"] = timeline
    peak["tail"] = out[-1500:]
    return peak


def ingest_cmd(warc: Path, wh: Path, window: int | None = None) -> list[str]:
    args = ["ingest", str(warc), "--warehouse", str(wh)]
    if window is None:
        return [str(BIN / "pressroom"), *args]
    # another number of batches in flight (flows/pipeline.py WINDOW), for this run only
    code = ("import sys, flows.pipeline as p; p.WINDOW = int(sys.argv.pop(1)); "
            "from flows.cli import app; sys.argv[0] = 'pressroom'; app()")
    return [sys.executable, "-c", code, str(window), *args]


def env_for(tmp: Path, workers: int | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300")
    if workers is not None:
        env["PRESSROOM_CPU_WORKERS"] = str(workers)
    return env


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=None,
                    help="PRESSROOM_CPU_WORKERS (default: the default setting, 0 = per core)")
    ap.add_argument("--tmp", default=None, help="scratch folder (default: a temp dir)")
    ap.add_argument("--plain", action="store_true",
                    help="an uncompressed .warc (much faster to generate)")
    ap.add_argument("--warc-dir", default=None,
                    help="keep the WARCs here (pages-N.warc[.gz]) and reuse those that exist")
    ap.add_argument("--window", type=int, default=None,
                    help="batches in flight (default: flows/pipeline.py WINDOW)")
    ap.add_argument("--generate-only", action="store_true",
                    help="only write the WARCs into --warc-dir (made ahead of a timed run)")
    args = ap.parse_args()
    if args.generate_only and not args.warc_dir:
        ap.error("--generate-only needs --warc-dir")
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        tmp = Path(tmp)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
        for n in args.sizes:
            name = f"pages-{n}.warc" if args.plain else f"pages-{n}.warc.gz"
            warc = Path(args.warc_dir or tmp) / name
            t0 = time.perf_counter()
            if not (args.warc_dir and warc.exists()):
                make_warc(warc, n, gzip=not args.plain)
            print(f"\n{n} pages: WARC {warc.stat().st_size >> 20} MB in "
                  f"{time.perf_counter() - t0:.0f} s (window {args.window or 'default'})",
                  flush=True)
            if args.generate_only:
                continue
            run_dir = tmp / f"run-{n}"
            run_dir.mkdir()
            r = measure(ingest_cmd(warc, run_dir / "wh", args.window),
                        env_for(run_dir, args.workers),
                        str(run_dir), progress=True)
            print(f"{n} pages: rc={r['rc']} wall {r['wall_s']:.0f} s "
                  f"({n / r['wall_s']:.1f} docs/s); peak PSS of the tree "
                  f"{r['pss_sum'] / 2**20:.0f} MB over up to {r['procs']} processes; largest "
                  f"single process {r['pss_max_one'] / 2**20:.0f} MB ({r['max_one']}); "
                  f"{r['samples']} samples; load average {os.getloadavg()}", flush=True)
            print(f"{n} pages: peak PSS per process kind (MB) "
                  + ", ".join(f"{k} {v >> 20}" for k, v in sorted(r["kinds"].items())),
                  flush=True)
            print(f"{n} pages: timeline (s, MB) {r['timeline']}", flush=True)
            print("--- ingest output (tail) ---\n" + r["tail"] + "\n---", flush=True)
            if not args.warc_dir:
                warc.unlink()


if __name__ == "__main__":
    main()
