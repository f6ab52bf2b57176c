"""The fresh-process benchmark (bench/bench_cold_start.py) runs each side on the pages it
names and extracts them: each side in a process of its own, as it is timed."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_cold_start.py"
STORY = " ".join(f"Sentence {i} of the council story says the harbour bridge will be "
                 f"repaired before the winter storms reach the coast." for i in range(12))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A corpus in the dev corpus's layout: expected.jsonl and gzipped pages."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "pages").mkdir()
    with open(root / "expected.jsonl", "w") as out:
        for n in range(3):
            page_id = f"page{n}"
            html = (f"<html lang='en'><head><title>Story {n}</title></head><body>"
                    f"<nav><a href='/'>Home</a></nav><article><h1>Story {n}</h1>"
                    + "".join(f"<p>{STORY} Part {p}.</p>" for p in range(3))
                    + "</article></body></html>")
            (root / "pages" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
            out.write(json.dumps({"id": page_id, "url": f"https://example.test/{n}"}) + "\n")
    return root


@pytest.mark.parametrize("side", ["ours", "ours-unpack", "trafilatura"])
def test_each_side_extracts_the_pages_it_names_in_a_fresh_process(corpus, side) -> None:
    out = subprocess.run([sys.executable, str(BENCH), "--corpus", str(corpus), "--pages", "2",
                          "--child", side], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert (got["side"], got["pages"], got["texts"]) == (side, 2, 2)
    assert 0 < got["cpu_s"] <= got["wall_s"] * 4  # a process's CPU, not a sum of others'
