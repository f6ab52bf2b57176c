"""Faults in combination (fault round 55): one seeded run of many faults at once, with the
pipeline's invariants checked from the outside.

One loopback fault server (tests/integration/faultserver.py's, a subclass adding real dev
corpus pages and block pages) listens on 127.0.0.56-59 at several ports, so the fetcher
sees a dozen hosts with their own robots.txt oddities. A seeded random mix of N URLs
draws from the faults the rounds covered (resets, stalls, truncation, lying lengths, bad
codings, redirect loops and chains across hosts, 4xx/5xx with Retry-After, block pages,
empty and binary bodies, charset lies, duplicates ...) and good pages; the same run
ingests a URL list with junk lines, a dump file with a bad record and a WARC with a
damaged record. Then, with the real `pressroom` command on a real Prefect server:

1. ingest; check the invariants (below);
2. the same ingest again (resume): nothing kept is fetched again; check again;
3. an ingest of more URLs, SIGTERM midway; the warehouse still opens;
4. that ingest again: it completes; check again.

Invariants: the summary line adds up (inputs = kept + rejected + failed fetches + already
in warehouse); every input URL is in articles, rejects or fetch_log, and every failed
fetch has an error; a URL fetched with success is an article or a reject; `report`,
`sql`, `search` and `runs` open the warehouse; no traceback, exit 0 (a run whose data
tests fail says so). A broken invariant is printed with its URLs and their faults.

    nice -n 10 env PYTHONPATH=. .venv/bin/python bench/fault_sweep.py --seed 1 --n 300
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.integration.faultserver import PROSE, FaultServer  # noqa: E402

HOSTS = [56, 57, 58, 59]
CORPUS = Path("/work/shared/corpus/dev/pages")
SUMMARY = re.compile(r"inputs (\d+) = kept (\d+) \+ rejected (\d+) \+ failed fetches (\d+) "
                     r"\+ already in warehouse (\d+)")
BLOCK_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
              b"<h1>Checking your browser before accessing the site.</h1><p>Enable "
              b"JavaScript and cookies to continue. Ray ID: 7f00</p></body></html>")

# The faults drawn from, by the faultserver's paths (each a round's; quick ones favoured:
# the stalls cost a request timeout each). "{h}" is another host of the same server.
FAULTS = [
    "/reset", "/short", "/badchunk", "/stall", "/hang", "/cl-shorter", "/huge-cl",
    "/bomb", "/double-bomb", "/gzip-cut", "/gzip-no-trailer", "/br-cut", "/junk-as-gzip",
    "/gzip-as-br", "/br-as-gzip", "/gzip-plain", "/double-gzip", "/gzip", "/br",
    "/deflate-raw", "/compress", "/loop/a", "/chain/12", "/chain/3", "/to-host?n={h}",
    "/404", "/410", "/500", "/503", "/429-then-ok", "/429-long", "/503-then-ok",
    "/429-date", "/429-huge", "/empty", "/blank-page", "/204", "/pdf", "/pdf-as-html",
    "/image", "/charset-wrong", "/charset-conflict", "/utf16-nobom", "/invalid-bytes",
    "/ctype-json", "/html-as-octets", "/html-as-text", "/no-ctype", "/endless",
    "/over-cap-chunked", "/chunk-cut", "/dup-cl", "/cl-negative", "/cl-zero-body",
    "/http09", "/status-999", "/status-101", "/te-gzip", "/early-hints", "/many-headers",
    "/refresh", "/refresh-self", "/refresh-to-host?n={h}", "/cookie-bounce",
    "/to-scheme/mailto", "/bad-location", "/no-location", "/partial", "/304-plain",
    "/half-head", "/bare-lf", "/block-403", "/block-200", "/secret/page",
]
# Those that answer at once (no stall, no trickle, no Retry-After wait): the CI test's.
SLOW = {"/stall", "/hang", "/429-long", "/429-date", "/429-huge", "/429-then-ok",
        "/503-then-ok", "/endless", "/over-cap-chunked", "/bomb", "/double-bomb",
        "/huge-cl"}
QUICK_FAULTS = [f for f in FAULTS if f not in SLOW]
# robots.txt per host, per server (the faultserver's rules); None: a 404, all allowed.
ROBOTS = [{56: None, 57: "gzip-cut", 58: "500", 59: "redirect:/robots-moved.txt"},
          {56: "empty", 57: "short", 58: None, 59: "disallow"},
          {56: "hang", 57: "status:403", 58: "crawl-delay:0.2", 59: None}]


class SweepServer(FaultServer):
    """The shared fault server plus real article pages (/c/<id>: a dev corpus page's bytes
    as archived, no charset given) and block pages (a bot check, 403 and 200)."""

    def __init__(self, hosts, robots, pages: dict[str, bytes]) -> None:
        super().__init__(hosts, robots)
        self.pages = pages

    async def _respond(self, ip, target, headers, writer) -> None:
        path = target.partition("?")[0]
        if path.startswith("/c/") and path[3:] in self.pages:
            await self._send(writer, "200 OK", self.pages[path[3:]], "text/html")
        elif path == "/block-403":
            await self._send(writer, "403 Forbidden", BLOCK_PAGE)
        elif path == "/block-200":
            await self._send(writer, "200 OK", BLOCK_PAGE)
        else:
            await super()._respond(ip, target, headers, writer)


@dataclass
class Mix:
    urls: dict[str, str] = field(default_factory=dict)  # url -> fault ("good:<id>")
    order: list[str] = field(default_factory=list)  # as written, duplicates included
    tags: tuple[str, ...] = ()  # the input files' names (a.urls, a.txt, a.warc.gz)


def corpus_pages(rng: random.Random, n: int) -> dict[str, bytes]:
    names = sorted(p.name for p in CORPUS.glob("*.html.gz"))
    return {name.split(".")[0]: gzip.decompress((CORPUS / name).read_bytes())
            for name in rng.sample(names, n)}


def draw(rng: random.Random, servers: list[SweepServer], pages: list[str], n: int,
         tag: str, faults: list[str]) -> Mix:
    """n URLs: about 40% good corpus pages, the rest faults, 5% written twice."""
    mix = Mix(tags=(tag,))
    for k in range(n):
        server = rng.choice(servers)
        host = rng.choice(HOSTS)
        if rng.random() < 0.4:
            page = rng.choice(pages)
            url, fault = server.url(host, f"/c/{page}?k={tag}{k}"), f"good:{page}"
        else:
            fault = rng.choice(faults).replace("{h}", str(rng.choice(HOSTS)))
            sep = "&" if "?" in fault else "?"
            url = server.url(host, f"{fault}{sep}k={tag}{k}")
        mix.urls[url] = f"{fault} (robots {server.robots.get(host)})"
        mix.order.append(url)
        if rng.random() < 0.05:
            mix.order.append(url)
    rng.shuffle(mix.order)
    return mix


def junk_lines(tag: str) -> list[str]:
    """Lines of a URL list that are no URL, each list's own (a line rejected by an earlier
    run is "already in warehouse", rightly, and would not be rejected again)."""
    return ["", "# a comment", f"not a url {tag}", f"ftp://127.0.0.56/file-{tag}",
            f"javascript:alert('{tag}')", f"http://127.0.0.56:0/port-zero-{tag}", "\t  ",
            f"http://exa mple.com/{tag}", f"https://[::1/broken-{tag}"]


def write_inputs(folder: Path, mix: Mix, rng: random.Random, tag: str) -> list[Path]:
    """The URL list (junk lines among the URLs), a dump of three articles (the second
    with no text), a WARC whose second record is damaged (its gzip member cut)."""
    lines = list(mix.order)
    for junk in junk_lines(tag):
        lines.insert(rng.randrange(len(lines) + 1), junk)
    (folder / f"{tag}.urls").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dump = "".join(
        f" date 2024-04-0{i + 1} https://dump.example/{tag}/{i}.html\n"
        f"Dump story {tag} {i}\n{'' if i == 1 else PROSE * 3}\n" for i in range(3))
    (folder / f"{tag}.txt").write_text(dump, encoding="utf-8")
    return [folder / f"{tag}.urls", folder / f"{tag}.txt", write_warc(folder, tag)]


def write_warc(folder: Path, tag: str) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    members = []
    for i in range(4):
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=True)
        body = (f"<html><head><title>WARC story {tag} {i}</title></head><body><article>"
                f"<h1>WARC story {tag} {i}</h1><p>{PROSE * 3} ({tag} {i})</p></article>"
                "</body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(
            f"https://warc.example/{tag}/{i}.html", "response", payload=io.BytesIO(body),
            http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-01T07:00:00Z"}))
        members.append(buf.getvalue())
    members[1] = members[1][:len(members[1]) * 2 // 3]  # the second record's member cut
    path = folder / f"{tag}.warc.gz"
    path.write_bytes(b"".join(members))
    return path


# -- running the command -------------------------------------------------------------
def pressroom(args: list[str], env: dict[str, str], timeout: float = 1800):
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, timeout=timeout)


def sql(query: str, wh: Path, env: dict[str, str]) -> list[dict]:
    done = pressroom(["sql", "-f", "csv", query, "-w", str(wh)], env, 300)
    if done.returncode != 0:
        raise AssertionError(f"sql failed: {done.stderr.decode()[-2000:]}")
    return list(csv.DictReader(io.StringIO(done.stdout.decode())))


@dataclass
class Check:
    failures: list[str] = field(default_factory=list)

    def that(self, ok: bool, what: str, detail: object = "") -> None:
        if not ok:
            self.failures.append(f"{what}: {detail}"[:4000])
            print(f"INVARIANT FAILED: {what}: {str(detail)[:4000]}", flush=True)


def no_traceback(check: Check, done, label: str) -> None:
    text = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
    check.that("Traceback (most recent call last)" not in text, f"{label}: a traceback",
               text[-3000:])


def summary(check: Check, done, label: str) -> tuple[int, ...] | None:
    out = " ".join(done.stdout.decode(errors="replace").split())
    m = SUMMARY.search(out)
    check.that(done.returncode == 0 and m is not None, f"{label}: exit {done.returncode}, "
               "no summary", out[-1500:] + done.stderr.decode(errors="replace")[-2000:])
    if m is None:
        return None
    n, *parts = map(int, m.groups())
    check.that(n == sum(parts), f"{label}: the summary does not add up", m[0])
    return (n, *parts)


ROWS = """SELECT 'article' AS t, url, canonical_url AS a, NULL AS b, NULL AS c FROM articles
UNION ALL SELECT 'reject', url, reason, stage, source FROM rejects
UNION ALL SELECT 'fetch', url, error, CAST(status AS VARCHAR), final_url FROM fetch_log"""


def invariants(check: Check, wh: Path, env: dict[str, str], mix: Mix, label: str,
               commands: bool = True) -> None:
    """Every input URL accounted for, every failure with its reason, the commands open
    (one `sql` for the rows: each command costs a process start)."""
    from tasks.common.urls import canonical_url

    rows = sql(ROWS, wh, env)
    arts = {r["url"] for r in rows if r["t"] == "article"}
    stored = {r["a"] for r in rows if r["t"] == "article"}
    rejects = [r for r in rows if r["t"] == "reject"]
    rej = {r["url"] for r in rejects if r["url"]}
    log = [r for r in rows if r["t"] == "fetch"]
    logged = {r["url"] for r in log}
    missing = [(u, f) for u, f in mix.urls.items() if u not in arts | rej | logged]
    check.that(not missing, f"{label}: input URLs in no table", missing[:20])
    bad = [(r["url"], r["b"], mix.urls.get(r["url"])) for r in log
           if r["b"] not in ("200", "203", "304") and not r["a"]]
    check.that(not bad, f"{label}: fetch_log rows not 200 without an error", bad[:20])
    # A page fetched with success is an article, a reject, or an article stored before
    # under its final URL (another input that led to the same page: "already in warehouse")
    lost = [(r["url"], r["c"], mix.urls.get(r["url"])) for r in log
            if not r["a"] and r["url"] not in arts | rej
            and canonical_url(r["c"] or r["url"]) not in stored]
    check.that(not lost, f"{label}: fetched with success, then no article and no reject",
               lost[:20])
    empty = [r for r in rejects if not r["a"] or not r["b"]]
    check.that(not empty, f"{label}: rejects without a reason", empty[:20])
    inputs_side(check, rejects, arts, mix, label)
    for args in (["report", "-w", str(wh), "--out", str(wh.parent / "report.html")],
                 ["search", "council", "-w", str(wh)], ["runs", "-w", str(wh)]):
        if not commands:
            break
        done = pressroom(args, env, 600)
        no_traceback(check, done, f"{label}: {args[0]}")
        check.that(done.returncode == 0, f"{label}: {args[0]} exit {done.returncode}",
                   done.stderr.decode(errors="replace")[-1500:])


def inputs_side(check: Check, rejects: list[dict], arts: set[str], mix: Mix,
                label: str) -> None:
    """The input files' faults: each junk line that is no URL a reject, each dump and
    WARC record an article or a reject (a cut WARC member may leave no URL to name)."""
    for tag in mix.tags:
        junk = sum(1 for line in junk_lines(tag) if line.strip() and not line.startswith("#"))
        listed = [r for r in rejects if (r["c"] or "").endswith(f"{tag}.urls")
                  and r["b"] == "discover" and r["a"] != "duplicate_url"]
        check.that(len(listed) >= junk, f"{label}: junk lines of {tag}.urls without a "
                   "reject", f"{len(listed)} rejects for {junk} junk lines")
        for kind, count, name in (("dump", 3, "txt"), ("warc", 4, "warc.gz")):
            prefix = f"https://{kind}.example/{tag}/"
            kept = sum(1 for u in arts if u.startswith(prefix))
            rejected = sum(1 for r in rejects if (r["url"] or "").startswith(prefix)
                           or (r["c"] or "").endswith(f"{tag}.{name}"))
            check.that(kept + rejected >= count, f"{label}: records of the {kind} {tag} "
                       f"lost", f"{kept} kept, {rejected} rejected of {count}")


def ingest(inputs: list[Path], wh: Path, env: dict[str, str], check: Check, label: str):
    started = time.monotonic()
    done = pressroom(["ingest", *map(str, inputs), "-w", str(wh)], env)
    no_traceback(check, done, label)
    totals = summary(check, done, label)
    print(f"{label}: {time.monotonic() - started:.0f} s, {totals}", flush=True)
    return totals


def sweep(seed: int, n: int, env: dict[str, str], work: Path,
          faults: list[str] = FAULTS, every_run: bool = True) -> list[str]:
    """The four runs; `every_run` False opens report/search/runs after the last only."""
    rng = random.Random(seed)
    pages = corpus_pages(rng, 40)
    servers = [SweepServer(HOSTS, robots, pages).start() for robots in ROBOTS]
    check = Check()
    try:
        first = draw(rng, servers, sorted(pages), n, "a", faults)
        inputs = write_inputs(work, first, rng, "a")
        wh = work / "wh"
        ingest(inputs, wh, env, check, "run 1")
        invariants(check, wh, env, first, "run 1", commands=every_run)
        kept = {r["url"] for r in sql("SELECT url FROM articles", wh, env)}
        for s in servers:
            s.reset_log()
        ingest(inputs, wh, env, check, "run 2 (the same)")
        again = [f"{h.host}{h.path}" for s in servers for h in s.hits
                 if s.url(int(h.host.rsplit(".", 1)[1]), h.path) in kept]
        check.that(not again, "run 2: kept URLs fetched again", again[:20])
        invariants(check, wh, env, first, "run 2", commands=False)
        # run 3: more URLs, stopped by SIGTERM once a few dozen requests were answered
        more = draw(rng, servers, sorted(pages), n // 2, "b", faults)
        more_inputs = write_inputs(work, more, rng, "b")
        for s in servers:
            s.reset_log()
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest",
                                 *map(str, more_inputs), "-w", str(wh)], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 900
        while (sum(len(s.hits) for s in servers) < n // 6 and proc.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=300)
        print(f"run 3 (SIGTERM): exit {proc.returncode} {time.monotonic() - sent:.1f} s "
              "after the signal: "
              f"{err.decode(errors='replace')[-600:]}", flush=True)
        check.that("Traceback (most recent call last)" not in (out + err).decode(
            errors="replace"), "run 3: a traceback", err.decode(errors="replace")[-3000:])
        runs = pressroom(["runs", "-w", str(wh)], env, 300)
        check.that(runs.returncode == 0, "run 3: the warehouse does not open",
                   runs.stderr.decode(errors="replace")[-1500:])
        ingest(more_inputs, wh, env, check, "run 4 (after SIGTERM)")
        both = Mix({**first.urls, **more.urls}, tags=("a", "b"))
        invariants(check, wh, env, both, "run 4")
    finally:
        for s in servers:
            s.stop()
    return check.failures


def environment(prefect_home: str) -> dict[str, str]:
    """Short timeouts (a stall costs one request timeout), small batches (several commits
    a run), the loopback network allowed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": prefect_home,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
           "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]', "PRESSROOM_BATCH_SIZE": "60",
           "PRESSROOM_REQUEST_TIMEOUT_S": "4", "PRESSROOM_CONNECT_TIMEOUT_S": "2",
           "PRESSROOM_ROBOTS_TIMEOUT_S": "2", "PRESSROOM_PER_HOST_DELAY_S": "0.2",
           "PRESSROOM_MAX_CRAWL_DELAY_S": "0.5"}
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, action="append")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    parser.add_argument("--api", help="PREFECT_API_URL of a running server (else ephemeral)")
    args = parser.parse_args()
    env = environment(os.environ.get("PREFECT_HOME", "/tmp/fault55-prefect"))
    if args.api:
        env["PREFECT_API_URL"] = args.api
    failed = {}
    for seed in args.seed or [1]:
        work = Path(tempfile.mkdtemp(prefix=f"sweep{seed}-"))
        print(f"== seed {seed}, N {args.n}, in {work}", flush=True)
        failed[seed] = sweep(seed, args.n, env, work)
        if not args.keep:
            shutil.rmtree(work)
    print(json.dumps({s: len(f) for s, f in failed.items()}))
    return 1 if any(failed.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
