"""Issue 10, throughput: end-to-end docs/s of `pressroom ingest` on a WARC of real pages
versus plain trafilatura `bare_extraction(html, with_metadata=True)` over the same WARC
with the same number of processes, and Prefect's share of the wall time; every variant
in its own subprocess, interleaved, in the same run.

    .venv/bin/python bench/bench_throughput.py --docs 1000 --repeat 1

Variants (docs/s = WARC records / wall time of the subprocess, interpreter start and
imports included; "inner" is the time the variant measures itself):
  traf-1   FastWARC read + bare_extraction, 1 process
  traf-2   the same, a Pool of 2 worker processes (what cpu_workers=0 gives on 2 cores)
  cli-1    `pressroom ingest WARC --warehouse TMP`, PRESSROOM_CPU_WORKERS=1
  cli-0    the same, cpu_workers=0 (default: one worker process per core)
  direct   bench_flow.direct(): the stage functions called without Prefect, 1 process
  flow-1   the ingest flow in-process, cpu_workers=1 (Prefect test server started before
           the clock, as in bench_flow.py)
  cli-1@before, cli-0@before   the cli variants run from another copy of the code (--before
           DIR, e.g. `git archive` of the commit before a change): the change's effect,
           measured in the same run as everything else
Prefect's share = (flow-1 inner - direct inner) / flow-1 inner; cli-1 against direct also
counts the CLI's start-up (interpreter, imports, ephemeral Prefect server).

The cli variants share one PREFECT_HOME, warmed by an untimed ingest of a 10-page WARC
before the first timed variant (--prefect-home warm, the default): a user's Prefect
database exists after the first run, and creating it (migrations, block registration)
costs ~8 s once per machine, not per run. --prefect-home cold gives every cli variant a
new PREFECT_HOME, as the first run on a machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path


def warc_bodies(path: str):
    """HTTP bodies of the WARC's response records (FastWARC, as pressroom reads them)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            yield rec.reader.read()


def _extract(body: bytes) -> bool:
    from trafilatura import bare_extraction

    doc = bare_extraction(body, with_metadata=True)
    return bool(doc and doc.text)


def trafilatura_run(warc: str, procs: int) -> int:
    if procs == 1:
        return sum(_extract(b) for b in warc_bodies(warc))
    from multiprocessing import get_context

    with get_context("spawn").Pool(procs) as pool:
        return sum(pool.imap(_extract, warc_bodies(warc), chunksize=8))


def one(variant: str, warc: str, tmp: Path) -> dict:
    t0 = time.perf_counter()
    if variant.startswith("traf-"):
        kept = trafilatura_run(warc, int(variant[-1]))
    elif variant == "direct":
        from bench_flow import direct  # bench/ is sys.path[0] when this script runs

        from tasks.common.settings import Settings

        inner = direct([warc], Settings(warehouse=tmp / "wh", cpu_workers=1))
        return {"inner_s": inner, "kept": None}
    elif variant == "flow-1":
        from prefect.testing.utilities import prefect_test_harness

        from flows.ingest import ingest
        from tasks.common.settings import Settings

        with prefect_test_harness(server_startup_timeout=300):
            t0 = time.perf_counter()
            manifest = ingest(inputs=[warc], settings=Settings(warehouse=tmp / "wh",
                                                               cpu_workers=1))
            inner = time.perf_counter() - t0
        return {"inner_s": inner, "kept": manifest["totals"]["kept"]}
    else:
        raise SystemExit(variant)
    return {"inner_s": time.perf_counter() - t0, "kept": kept}


def run_variant(variant: str, warc: Path, tmp: Path, prefect_home: Path | None = None
                ) -> dict:
    work = Path(tempfile.mkdtemp(dir=tmp, prefix=variant + "-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(prefect_home or work / "prefect-home"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300")
    if variant.startswith("cli-"):
        env["PRESSROOM_CPU_WORKERS"] = variant.split("@")[0][-1]
        cmd = [str(Path(sys.executable).parent / "pressroom"), "ingest", str(warc),
               "--warehouse", str(work / "wh")]
        if variant.endswith("@before"):  # the same command from the other code tree
            env["PYTHONPATH"] = str(BEFORE)
            cmd = [sys.executable, "-m", "flows.cli", *cmd[1:]]
    else:
        cmd = [sys.executable, __file__, "--one", variant, "--warc", str(warc),
               "--tmp", str(work)]
    started = datetime.now()
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=work, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{variant} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    out = {"wall_s": wall, "inner_s": None, "kept": None}
    if variant.startswith("cli-"):
        out.update(flow_span(done.stderr, started, wall))
    else:
        out.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


LOG_TIME = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO +\| Flow run '[^']+' - (Beginning|Finished)",
                      re.M)


def flow_span(log: str, started: datetime, wall: float) -> dict:
    """From the CLI's Prefect log: seconds from the process start to the flow's first
    line (interpreter, imports, waiting for the Prefect server) and the flow's own time
    ("inner"). Log lines carry the local time of day only; runs do not cross midnight."""
    marks = {}
    for stamp, what in LOG_TIME.findall(log):
        t = datetime.combine(started.date(), datetime.strptime(stamp, "%H:%M:%S.%f").time())
        marks.setdefault(what, (t - started).total_seconds())
    if len(marks) < 2:
        return {}
    return {"before_flow_s": marks["Beginning"],
            "inner_s": marks["Finished"] - marks["Beginning"],
            "after_flow_s": wall - marks["Finished"]}


VARIANTS = ["traf-1", "cli-1", "direct", "flow-1", "traf-2", "cli-0"]
BEFORE: Path | None = None  # --before: the code tree of the @before variants


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--variants", nargs="+", default=VARIANTS)
    ap.add_argument("--prefect-home", choices=["warm", "cold"], default="warm",
                    help="warm: the cli variants share a PREFECT_HOME made before the clock "
                         "(a user's second run on); cold: a new one each (the first run)")
    ap.add_argument("--before", type=Path,
                    help="a copy of the code (flows/, tasks/, schemas/) the @before variants "
                         "run, e.g. from `git archive COMMIT | tar -x -C DIR`")
    ap.add_argument("--reuse-warc", type=Path,
                    help="a WARC made earlier by this script or bench_memory.py for --docs "
                         "pages (made anew when missing; kept afterwards)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--warc", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.warc, Path(args.tmp))))
        return
    from bench_memory import make_warc  # same WARC as the memory benchmark

    global BEFORE
    BEFORE = args.before
    if any(v.endswith("@before") for v in args.variants) and not BEFORE:
        raise SystemExit("the @before variants need --before DIR")

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}; "
          f"PREFECT_HOME {args.prefect_home}", flush=True)
    results: dict[str, list[dict]] = {v: [] for v in args.variants}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        warc = args.reuse_warc or tmp / f"pages-{args.docs}.warc.gz"
        if not warc.exists():
            make_warc(warc, args.docs)
        home = None
        if args.prefect_home == "warm":
            home = tmp / "prefect-home"
            make_warc(tmp / "warm-up.warc.gz", 10)
            run_variant("cli-1", tmp / "warm-up.warc.gz", tmp, home)
        for r in range(args.repeat):
            for v in args.variants:
                res = run_variant(v, warc, tmp, home if v.startswith("cli-") else None)
                results[v].append(res)
                inner = f"{res['inner_s']:.1f}" if res["inner_s"] is not None else "-"
                cli = (f"  before flow {res['before_flow_s']:.1f} s  after "
                       f"{res['after_flow_s']:.1f} s" if "before_flow_s" in res else "")
                print(f"repeat {r} {v:7s} wall {res['wall_s']:7.1f} s  inner {inner} s{cli}  "
                      f"kept {res['kept']}  load average {os.getloadavg()[0]:.1f}", flush=True)
    med = {v: statistics.median(x["wall_s"] for x in rs) for v, rs in results.items()}
    print("\nvariant  median wall s  docs/s")
    for v, t in med.items():
        print(f"{v:8s} {t:10.1f} {args.docs / t:9.1f}")
    for a, b in (("cli-1", "traf-1"), ("cli-0", "traf-2"), ("cli-1@before", "traf-1"),
                 ("cli-0@before", "traf-2")):
        if a in med and b in med:
            print(f"{a} / {b} docs/s = {med[b] / med[a]:.2f}x")
    for v in ("cli-1", "cli-0", "cli-1@before", "cli-0@before"):
        spans = [x for x in results.get(v, []) if "before_flow_s" in x]
        if spans:
            b, i, a = (statistics.median(x[k] for x in spans)
                       for k in ("before_flow_s", "inner_s", "after_flow_s"))
            print(f"{v}: before the flow {b:.1f} s, flow {i:.1f} s, after {a:.1f} s "
                  f"(medians; outside the flow {100 * (b + a) / med[v]:.1f}% of the wall)")
    if "flow-1" in med and "direct" in med:
        f = statistics.median(x["inner_s"] for x in results["flow-1"])
        d = statistics.median(x["inner_s"] for x in results["direct"])
        print(f"Prefect share (flow-1 inner vs direct inner): {100 * (f - d) / f:.1f}% "
              f"({f:.1f} s vs {d:.1f} s)")
        if "cli-1" in med:
            c = med["cli-1"]
            print(f"CLI start-up + Prefect (cli-1 wall vs direct inner): "
                  f"{100 * (c - d) / c:.1f}% ({c:.1f} s vs {d:.1f} s)")


if __name__ == "__main__":
    main()
