"""Fetch stage speed against a real server: Debian's nginx on loopback, >= 50 hosts.

    .venv/bin/python bench/bench_fetch.py [--hosts 60] [--pages 1200] [--repeat 5]
                                          [--out bench/results/fetch.md]

Starts its own nginx (temp config, one worker, 127.0.0.10.. as distinct hosts, ~170 KB
pages), then measures in the same run, interleaved, medians over --repeat:
- the raw aiohttp client alone (a semaphore and GET/read: the baseline);
- fetch_batch (guard, robots.txt, per-host gates, retries, caps, charset, Arrow output)
  without WARC archiving, and with it at gzip level 1 (the default) and level 6;
client CPU ms per page (process CPU time: nginx is another process) and pages/s. Then a
politeness run (per-host delay 0.2 s) measured from nginx's access log, and WARC read
speed (records/s). Skips with a message when nginx is not installed.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

FIRST_HOST = 10
WORDS = ("alliance minister troops training border summit coordinated capabilities support "
         "regional economic growth parliament election city council harbour bridge library "
         "runner record officials said statement agreed budget").split()


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None)


def make_page(rng: random.Random, size: int) -> bytes:
    """A news-like page of about `size` bytes: head, navigation, paragraphs, footer."""
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in WORDS[:20])
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge '
        'reopens</title><meta name="description" content="News"><link rel="stylesheet" '
        f'href="/s.css"></head><body><header><nav><ul>{nav}</ul></nav></header><main>'
        "<article><h1>Harbour bridge reopens after two years</h1>"
    ]
    total = sum(len(p) for p in parts)
    while total < size - 200:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120)))
        p = f'<p class="para">{sentence.capitalize()}.</p>\n'
        parts.append(p)
        total += len(p)
    parts.append("</article></main><footer>(c) Bench Times</footer></body></html>")
    return "".join(parts).encode()


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, binary: str, hosts: int, pages: int, page_size: int) -> None:
        self.binary = binary
        self.dir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        self.hosts = [f"127.0.0.{FIRST_HOST + i}" for i in range(hosts)]
        self.port = free_port(self.hosts[0])
        self.gzip_port = free_port(self.hosts[0])
        www = self.dir / "www"
        www.mkdir()
        rng = random.Random(7)
        for i in range(pages):
            page = make_page(rng, page_size)
            (www / f"p{i}.html").write_bytes(page)
            # Pre-compressed copies for the gzip server (gzip_static): news servers send
            # gzip, and nginx's CPU should not be the bottleneck of the client benchmark.
            (www / f"p{i}.html.gz").write_bytes(gzip.compress(page, 6))
        (www / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
        for d in (self.dir, www):
            d.chmod(0o755)
        listens = "\n".join(f"    listen {h}:{self.port};" for h in self.hosts)
        gzip_listens = "\n".join(f"    listen {h}:{self.gzip_port};" for h in self.hosts)
        temps = "\n".join(f"  {k}_temp_path {self.dir}/{k};" for k in
                          ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (self.dir / "nginx.conf").write_text(f"""
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  types {{ text/html html; text/plain txt; }}
  log_format bench '$server_addr $msec $request_time $request_uri';
  access_log {self.dir}/access.log bench;
  sendfile on; tcp_nopush on;
  keepalive_requests 100000; keepalive_timeout 60s;
{temps}
  server {{
{listens}
    root {www};
  }}
  server {{
{gzip_listens}
    root {www};
    gzip_static on;
  }}
}}
""")
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"),
             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection((self.hosts[-1], self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not start: {self.proc.stderr.read().decode()[:500]}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)

    def clear_log(self) -> None:
        # nginx keeps the file open: truncate in place.
        with open(self.dir / "access.log", "r+") as fh:
            fh.truncate(0)

    def log(self) -> list[tuple[str, float, float, str]]:
        out = []
        for line in (self.dir / "access.log").read_text().splitlines():
            addr, msec, rtime, uri = line.split(" ", 3)
            end = float(msec)
            out.append((addr, end - float(rtime), end, uri))
        return out

    def urls(self, n: int, pages: int, tag: str, gzip: bool = False) -> list[str]:
        port = self.gzip_port if gzip else self.port
        return [f"http://{self.hosts[i % len(self.hosts)]}:{port}/p{i % pages}.html"
                f"?{tag}={i}" for i in range(n)]


# -- the runs --------------------------------------------------------------------------
def raw_aiohttp(urls: list[str], concurrency: int) -> tuple[float, float, int]:
    """The baseline: aiohttp alone, no politeness, no checks. -> (wall s, cpu s, bytes)."""
    import aiohttp

    async def main() -> int:
        sem = asyncio.Semaphore(concurrency)
        total = 0
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as s:
            async def one(url: str) -> None:
                nonlocal total
                async with sem, s.get(url) as resp:
                    total += len(await resp.read())
            await asyncio.gather(*(one(u) for u in urls))
        return total

    wall, cpu = time.perf_counter(), time.process_time()
    size = asyncio.run(main())
    return time.perf_counter() - wall, time.process_time() - cpu, size


def raw_httpx(urls: list[str], concurrency: int) -> tuple[float, float, int]:
    """The other candidate client, same shape as raw_aiohttp."""
    import httpx

    async def main() -> int:
        sem = asyncio.Semaphore(concurrency)
        total = 0
        limits = httpx.Limits(max_connections=concurrency)
        async with httpx.AsyncClient(limits=limits) as client:
            async def one(url: str) -> None:
                nonlocal total
                async with sem:
                    resp = await client.get(url)
                    total += len(resp.content)
            await asyncio.gather(*(one(u) for u in urls))
        return total

    wall, cpu = time.perf_counter(), time.process_time()
    size = asyncio.run(main())
    return time.perf_counter() - wall, time.process_time() - cpu, size


def stage(urls: list[str], cfg, run_id: str, batch: int) -> tuple[float, float, int, int]:
    """fetch_batch in batches as the flow calls it. -> (wall s, cpu s, pages ok, failures)."""
    from schemas.tables import DOCUMENTS, conform
    from tasks.steps import fetch_documents as fetch_batch

    docs = conform([{"input_key": f"k{i}", "url": u, "source_kind": "url"}
                    for i, u in enumerate(urls)], DOCUMENTS, "documents")
    ok = failed = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, docs.num_rows, batch):
        result = fetch_batch(docs.slice(start, batch), cfg, run_id)
        ok += result.table.num_rows
        failed += sum(1 for r in result.fetch_log if r["error"])
    return time.perf_counter() - wall, time.process_time() - cpu, ok, failed


def politeness(server: Nginx, cfg_factory, per_host: int) -> dict:
    """A run with a per-host delay; gaps and in-flight counts from nginx's access log."""
    server.clear_log()
    urls = server.urls(len(server.hosts) * per_host, 20, "pol")
    cfg = cfg_factory(per_host_delay_s=0.2, archive_warc=False)
    wall, _, ok, failed = stage(urls, cfg, f"pol-{time.time_ns()}", 10**9)
    by_host: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for addr, start, end, _uri in server.log():
        by_host[addr].append((start, end))
    gaps, inflight = [], 0
    for spans in by_host.values():
        starts = sorted(s for s, _ in spans)
        gaps += [b - a for a, b in zip(starts, starts[1:], strict=False)]
        events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans],
                        key=lambda ev: (ev[0], -ev[1]))  # a start before an end at a tie
        level = 0
        for _, step in events:
            level += step
            inflight = max(inflight, level)
    gaps.sort()
    return {"pages": ok, "failed": failed, "wall": wall, "hosts": len(by_host),
            "min_gap": gaps[0], "p50_gap": gaps[len(gaps) // 2], "max_in_flight": inflight,
            "requests": sum(len(v) for v in by_host.values())}


def warc_read(paths: list[Path], repeat: int = 3) -> tuple[int, float, float]:
    """-> (response records, records/s FastWARC iteration reading each payload,
    records/s `archive.iter_responses` with HTTP parsing and content decoding).
    Medians of `repeat` passes after a warm-up pass (files in the page cache)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from tasks.storage.archive import iter_responses

    def raw() -> int:
        n = 0
        for p in paths:
            with open(p, "rb") as fh:
                for rec in ArchiveIterator(fh, record_types=WarcRecordType.response):
                    rec.reader.read()
                    n += 1
        return n

    def decoded() -> int:
        return sum(1 for p in paths for _ in iter_responses(p))

    n = raw()
    rates: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):
        for name, fn in (("raw", raw), ("decoded", decoded)):
            t = time.perf_counter()
            count = fn()
            rates[name].append(count / (time.perf_counter() - t))
    return n, statistics.median(rates["raw"]), statistics.median(rates["decoded"])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=60)
    ap.add_argument("--pages", type=int, default=1200, help="URLs per measured run")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--batch", type=int, default=500, help="documents per fetch_batch call")
    ap.add_argument("--page-kb", type=int, default=170)
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "fetch.md"))
    args = ap.parse_args()

    # SIGTERM (make, CI, a timeout) must still stop our nginx: let `finally` run.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    binary = find_nginx()
    if binary is None:
        print("SKIP bench_fetch: nginx is not installed (Debian: apt-get install -y nginx)")
        return 0
    from tasks.common.settings import Settings

    server = Nginx(binary, args.hosts, 20, args.page_kb * 1024)
    server.start()
    work = Path(tempfile.mkdtemp(prefix="bench-fetch-"))

    def cfg(**over) -> Settings:
        values = dict(warehouse=work, allowed_networks=["127.0.0.0/8"],
                      max_concurrency=args.concurrency, per_host_concurrency=2,
                      per_host_delay_s=0.0, max_body_bytes=10 << 20)
        values.update(over)
        return Settings(**values)

    # name -> (settings or None for the raw client, pages served gzip-encoded)
    variants = {
        "raw aiohttp (baseline)": (None, False),
        "raw httpx AsyncClient": ("httpx", False),
        "fetch_batch, no archive": (cfg(archive_warc=False), False),
        "fetch_batch + WARC gzip 1": (cfg(warc_gzip_level=1), False),
        "fetch_batch + WARC gzip 6": (cfg(warc_gzip_level=6), False),
        "gzip-served: raw aiohttp (baseline)": (None, True),
        "gzip-served: fetch_batch, no archive": (cfg(archive_warc=False), True),
        "gzip-served: fetch_batch + WARC": (cfg(warc_gzip_level=1), True),
    }
    names = list(variants)
    runs: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    try:
        raw_aiohttp(server.urls(200, 20, "warm"), args.concurrency)  # warm caches
        for r in range(args.repeat):
            order = list(variants.items())
            random.Random(r).shuffle(order)  # no variant always runs first
            for name, (c, gz) in order:
                urls = server.urls(args.pages, 20, f"r{r}v{names.index(name)}", gzip=gz)
                if c is None or c == "httpx":
                    client = raw_aiohttp if c is None else raw_httpx
                    wall, cpu, size = client(urls, args.concurrency)
                    runs[name].append((wall, cpu, len(urls)))
                else:
                    wall, cpu, ok, failed = stage(urls, c, f"bench-{r}-{names.index(name)}",
                                               args.batch)
                    if failed or ok != len(urls):
                        print(f"warning: {name}: {ok} pages, {failed} failures")
                    runs[name].append((wall, cpu, ok))
            print(f"repeat {r + 1}/{args.repeat} done", flush=True)
        pol = politeness(server, cfg, per_host=8)
        # The archive of one identity-served gzip-1 run: 170 KB pages, deflated records.
        gz1 = names.index("fetch_batch + WARC gzip 1")
        warcs = sorted(work.glob(f"raw/bench-0-{gz1}/*.warc.gz"))
        n_records, raw_rps, dec_rps = warc_read(warcs)
        warc_bytes = sum(p.stat().st_size for p in warcs)
    finally:
        server.stop()

    rows = []
    for name, (_, gz) in variants.items():
        base = "gzip-served: raw aiohttp (baseline)" if gz else "raw aiohttp (baseline)"
        base_cpu = statistics.median(c / n * 1000 for _, c, n in runs[base])
        cpu_ms = statistics.median(c / n * 1000 for _, c, n in runs[name])
        pps = statistics.median(n / w for w, _, n in runs[name])
        rows.append((name, cpu_ms, pps, cpu_ms / base_cpu))
    lines = [
        "# Fetch stage benchmark (feat/fetch)",
        "",
        f"Command: `.venv/bin/python bench/bench_fetch.py --hosts {args.hosts} --pages "
        f"{args.pages} --repeat {args.repeat}`",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared with other agents), "
        f"Python {platform.python_version()}, nginx ({binary}) 1 worker on loopback, "
        f"{args.hosts} hosts 127.0.0.{FIRST_HOST}-{FIRST_HOST + args.hosts - 1}, "
        f"{args.page_kb} KB pages, concurrency {args.concurrency}, per-host cap 2, "
        f"batches of {args.batch}.",
        "",
        f"Medians of {args.repeat} interleaved repeats, {args.pages} pages each. Client CPU "
        "is this process's CPU time per page (nginx excluded); fetch_batch includes the "
        "address guard, robots.txt, per-host gates, charset detection and building the "
        "Arrow table.",
        "",
        "Rows prefixed gzip-served fetch the same pages sent with Content-Encoding: gzip "
        "(nginx gzip_static), as most news servers send them; their ratio is to the raw "
        "client on the same gzip pages. An encoded body is archived as received, without "
        "deflating it again.",
        "",
        "| variant | client CPU ms/page | pages/s | CPU ratio to raw aiohttp |",
        "| --- | ---: | ---: | ---: |",
        *[f"| {n} | {c:.3f} | {p:.0f} | {r:.2f} |" for n, c, p, r in rows],
        "",
        "Politeness, from nginx's access log (per-host delay 0.2 s, cap 2, "
        f"{pol['hosts']} hosts x 8 pages + robots.txt): {pol['requests']} requests, "
        f"{pol['pages']} pages, {pol['failed']} failures in {pol['wall']:.2f} s; "
        f"smallest gap between two request starts on one host {pol['min_gap'] * 1000:.0f} ms "
        f"(median {pol['p50_gap'] * 1000:.0f} ms); most requests in flight on one host: "
        f"{pol['max_in_flight']}.",
        "",
        f"WARC read (one gzip-1 run: {len(warcs)} files, {warc_bytes / 1e6:.1f} MB, "
        f"{n_records} response records): FastWARC iteration with payload read "
        f"{raw_rps:.0f} records/s; "
        f"`archive.iter_responses` (HTTP parse + content decoding) {dec_rps:.0f} records/s.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
