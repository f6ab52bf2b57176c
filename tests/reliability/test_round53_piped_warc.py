"""A WARC piped into `pressroom ingest -` (fault round 53): `curl .../CC-NEWS-...warc.gz |
pressroom ingest -` saved standard input as a URL list, so every line of the WARC (its
headers, the pages' HTML) was a `bad_url` reject: 288 rejects for the 24 pages of the
test WARC, nothing kept. And standard input was read up to the lists' cap (32 MB), where a
CC-NEWS WARC is about 1 GB. A WARC is saved as one now (`stdin.warc`, `stdin.warc.gz`),
the rest of it copied past the first read, and read batch by batch as a WARC file is."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import tasks.discover.inputs
from flows.cli import _standard_input
from tasks.common.codings import zstd
from tasks.discover.inputs import discover, piped_input
from tests.integration.test_crash_resume import PAGES, write_warc
from tests.reliability.signals import ctrl_c_reaches_it
from tests.unit.discover.test_inputs import CONFIG, NOW

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("warc") / "pages.warc.gz"
    write_warc(path)
    return path.read_bytes()


@pytest.mark.parametrize("packed, name", [("gzip", "stdin.warc.gz"), ("none", "stdin.warc")])
def test_a_warc_piped_in_is_read_as_a_warc(tmp_path, warc, packed, name):
    data = warc if packed == "gzip" else gzip.decompress(warc)
    path = piped_input(data, tmp_path)
    assert path.name == name and path.read_bytes() == data
    found = discover([str(path)], "r53", CONFIG, now=NOW)
    assert found.docs.num_rows == PAGES and found.rejects == []


def test_a_warc_compressed_otherwise_is_refused_with_the_hint(tmp_path, warc):
    """zstd: saved under the name whose refusal says how to recompress it, one reject."""
    path = piped_input(zstd.compress(gzip.decompress(warc)), tmp_path)
    assert path.name == "stdin.warc.zst"
    found = discover([str(path)], "r53", CONFIG, now=NOW)
    assert found.docs.num_rows == 0
    [reject] = found.rejects
    assert "a WARC compressed otherwise than with gzip" in reject["detail"], reject


def test_a_url_list_that_names_warcs_is_still_a_list(tmp_path):
    """The guard: lines naming WARC files (and one saying WARC/1.0 further down)."""
    data = b"https://n.example/CC-NEWS-1.warc.gz\nWARC/1.0\n"
    assert piped_input(data, tmp_path).name == "stdin.urls"


def test_a_warc_over_the_lists_cap_is_saved_whole(tmp_path, warc, monkeypatch):
    """Through a real pipe, the cap set below the WARC's size: the file saved holds
    every byte (a list that size is refused, `test_standard_input.py`)."""
    monkeypatch.setattr(tasks.discover.inputs, "MAX_PIPED_BYTES", 1000)
    read, write = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write, warc), os.close(write)))
    writer.start()
    with os.fdopen(read, "r") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        with _standard_input(["-"]) as [path]:
            assert Path(path).name == "stdin.warc.gz"
            assert Path(path).read_bytes() == warc
    writer.join()
    assert not Path(path).exists()


@pytest.mark.integration
def test_ingest_of_a_piped_warc(tmp_path, warc, prefect_server):
    read, write = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write, warc), os.close(write)))
    writer.start()
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", "-", "--warehouse", str(tmp_path / "wh")],
        stdin=read, env={**os.environ, **prefect_server, "PYTHONPATH": str(ROOT),
                         "PRESSROOM_BATCH_SIZE": "8"},
        cwd=ROOT, capture_output=True, timeout=900, preexec_fn=ctrl_c_reaches_it)
    os.close(read)
    writer.join()
    out = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()[-3000:] + out[-2000:]
    counts = re.search(r"inputs (\d+) = kept (\d+) \+ rejected (\d+) \+ failed fetches 0", out)
    assert counts, out[-1500:]
    inputs, kept, rejected = map(int, counts.groups())
    # each page kept, or a duplicate of its near copy (every sixth): none lost as a line
    assert inputs == PAGES and kept >= PAGES * 5 // 6 and rejected <= PAGES // 6, out[-1500:]
