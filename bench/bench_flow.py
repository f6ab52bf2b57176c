"""Orchestration overhead and parallel speed-up: the ingest flow under Prefect versus the
same stage functions (publish and report included) called directly in one process, on
the same input in the same run.

    .venv/bin/python bench/bench_flow.py [--input corpus|html|dumps] [--docs N] [--repeat 3]

corpus (the default when ../shared/corpus/dev exists) packs the development corpus's real
pages into a WARC; html uses synthetic pages; dumps pre-extracted text (the cheapest
input, so the worst case for a fixed overhead).

Prints medians and the overhead ratio; DESIGN.md's target is under 5% of a run.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

WORDS = ("alliance minister troops training border summit coordinated capabilities "
         "support regional economic growth parliament election city council harbour "
         "bridge library runner record officials said statement agreed budget").split()


def make_dumps(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(n):
        paragraphs = []
        for _ in range(8):
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 25)))
            paragraphs.append(sentence.capitalize() + ".")
        body = "".join(paragraphs)  # glued, like the seed: exercises the repair
        (folder / f"{i:06d}.txt").write_text(
            f" date 2024-04-{1 + i % 28:02d} https://bench.example/{i}.html\n"
            f"Synthetic article {i}\n{body}\n", encoding="utf-8")


CORPUS = Path(os.environ.get("DEV_CORPUS",
                              Path(__file__).resolve().parents[2] / "shared/corpus/dev"))


def synthetic_pages(n: int, seed: int = 7):
    from tests.site import TEMPLATE

    rng = random.Random(seed)
    for i in range(n):
        paragraphs = "\n".join(
            "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 70))).capitalize()
            + ".</p>" for _ in range(8))
        yield TEMPLATE.format(title=f"Synthetic article {i}", author="A. Writer",
                              date=f"2024-04-{1 + i % 28:02d}", comment="Nice piece.",
                              canonical=f"/news/{i}.html", paragraphs=paragraphs).encode()


def corpus_pages(n: int):
    """Real news pages of the development corpus, cycled to n."""
    import gzip

    files = sorted((CORPUS / "pages").glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no corpus at {CORPUS}: use --input html, or set "
                         "DEV_CORPUS")
    for i in range(n):
        yield gzip.decompress(files[i % len(files)].read_bytes())


def make_warc(path: Path, pages) -> None:
    """A CC-NEWS-like WARC of HTML article pages: the realistic input, where extraction
    does the work."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, body in enumerate(pages):
            head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://bench.example/news/{i}.html", "response", payload=BytesIO(body),
                http_headers=head))


def direct(inputs: list[str], settings) -> float:
    """The same stages, no Prefect: the baseline. Like flows/pipeline.py, each batch is
    fetched, extracted, cleaned, deduplicated against the warehouse (load_prior), enriched,
    committed and indexed for search; then the run manifest and the report."""
    from datetime import UTC, datetime
    from pathlib import Path as P

    from flows.pipeline import batches, new_run_id
    from schemas import ENTITIES, PLACES, SIGNATURES
    from tasks import clean, dedup, enrich, extract
    from tasks.common.settings import settings_slice
    from tasks.discover.inputs import DiscoverConfig, discover
    from tasks.steps import fetch_documents, outlet_registry
    from tasks.storage import publish, report, search, warehouse

    t0 = time.perf_counter()
    run_id, root = new_run_id(), P(settings.warehouse)
    started = datetime.now(UTC).isoformat()
    found = discover(inputs, run_id, settings_slice(DiscoverConfig, settings))
    extract_cfg = settings_slice(extract.ExtractConfig, settings)
    clean_cfg = settings_slice(clean.CleanConfig, settings)
    dedup_cfg = settings_slice(dedup.DedupConfig, settings)
    enrich_cfg = settings_slice(enrich.EnrichConfig, settings)
    registry, _ = outlet_registry(settings)
    kept = 0
    for n, b in enumerate(batches(found.docs, settings.batch_size), 1):
        f = fetch_documents(b, settings, run_id)
        e = extract.run(f.table, extract_cfg, run_id)
        c = clean.run(e.table, clean_cfg, run_id)
        d = dedup.run(c.table, dedup_cfg, run_id, warehouse.load_prior(root))
        en = enrich.run(d.table, enrich_cfg, run_id, registry)
        outputs = {**d.outputs, **en.outputs}
        tables = {"articles": en.table,
                  **{name: outputs.get(name, schema.empty_table())
                     for name, schema in (("entities", ENTITIES), ("places", PLACES),
                                          ("signatures", SIGNATURES))}}
        commit = publish.publish_commit(root, tables, {"run_id": run_id,
                                                       "started_at": started}, n)
        search.catch_up(root, fresh={search.commit_key(commit): en.table})
        kept += en.table.num_rows
    inputs = found.docs.num_rows  # the report's balance line needs totals (approximate)
    totals = {"inputs": inputs, "kept": kept, "rejected": inputs - kept, "failed": 0,
              "skipped": 0}
    manifest = publish.publish_run(root, {}, {"run_id": run_id, "started_at": started,
                                              "totals": totals})
    report.build_report(root, manifest["run_id"])
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    default_input = "corpus" if (CORPUS / "pages").is_dir() else "html"
    ap.add_argument("--input", choices=["corpus", "html", "dumps"], default=default_input,
                    help="corpus: a WARC of the dev corpus's real pages; html: of synthetic "
                         "article pages; dumps: pre-extracted text dumps (cheapest input, so "
                         "the worst case for overhead)")
    args = ap.parse_args()

    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest
    from tasks.common.settings import Settings

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120):
        src = Path(tmp) / "input"
        src.mkdir()
        if args.input == "html":
            make_warc(src / "pages.warc.gz", synthetic_pages(args.docs))
        elif args.input == "corpus":
            make_warc(src / "pages.warc.gz", corpus_pages(args.docs))
        else:
            make_dumps(src, args.docs)
        flow_times, direct_times, par_times = [], [], []
        for i in range(args.repeat):
            settings = Settings(warehouse=Path(tmp) / f"wh-direct-{i}", cpu_workers=1)
            direct_times.append(direct([str(src)], settings))
            for workers, times in ((1, flow_times), (0, par_times)):
                settings = Settings(warehouse=Path(tmp) / f"wh-flow{workers}-{i}",
                                    cpu_workers=workers)
                t0 = time.perf_counter()
                manifest = ingest(inputs=[str(src)], settings=settings)
                times.append(time.perf_counter() - t0)
                kept = manifest["totals"]["kept"]
                assert args.input == "corpus" or kept == args.docs, manifest["totals"]
    print("direct runs (s):", " ".join(f"{t:.2f}" for t in direct_times))
    print("flow runs (s):  ", " ".join(f"{t:.2f}" for t in flow_times))
    print("flow, all cores:", " ".join(f"{t:.2f}" for t in par_times))
    f, d = statistics.median(flow_times), statistics.median(direct_times)
    p = statistics.median(par_times)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"input={args.input} docs={args.docs} batch_size={Settings().batch_size} "
          f"repeat={args.repeat}")
    print(f"direct stage calls, 1 process: median {d:.2f} s ({args.docs / d:.0f} docs/s)")
    print(f"prefect flow, cpu_workers=1: median {f:.2f} s ({args.docs / f:.0f} docs/s)")
    print(f"prefect flow, cpu_workers=0 (one per core): median {p:.2f} s "
          f"({args.docs / p:.0f} docs/s), {d / p:.2f}x the direct calls")
    overhead = 100 * (f - d) / f
    print(f"flow / direct = {f / d:.3f}  (orchestration overhead: {overhead:.1f}% of the run)")


if __name__ == "__main__":
    main()
