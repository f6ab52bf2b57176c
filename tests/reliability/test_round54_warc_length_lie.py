"""A plain (uncompressed) WARC whose record claims a few bytes more than its block holds
(fault round 54): a Content-Length 5 to 12 bytes long swallows the two CRLFs that end
the record and the first letters of the next record's `WARC/1.0` line. The reader then
fails on the next record, the lying record is a `warc_bad_length` reject, and reading
went on after the lying record's claimed end: inside the next record, which was passed
over and lost without a reject (22 kept + 1 rejected of 24). Reading goes on from the
lying record's start now, so the next record is found where it begins. Real files read
by the discover stage."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from tasks.discover.inputs import discover
from tests.integration.test_crash_resume import PAGES, write_warc
from tests.unit.discover.test_inputs import CONFIG, NOW

URLS = {f"https://outlet{i % 3}.example/news/story-{i}.html" for i in range(PAGES)}
LIAR = "https://outlet2.example/news/story-5.html"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[bytes]:
    path = tmp_path_factory.mktemp("warc") / "pages.warc.gz"
    write_warc(path)
    raw = gzip.decompress(path.read_bytes())
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", raw)]
    return [raw[a:b] for a, b in zip(starts, [*starts[1:], len(raw)], strict=True)]


def _lying(records: list[bytes], extra: int) -> list[bytes]:
    """The records, the sixth's Content-Length `extra` bytes more than its block."""
    out = list(records)
    m = re.search(rb"Content-Length: (\d+)", out[5])
    out[5] = out[5][:m.start(1)] + b"%d" % (int(m[1]) + extra) + out[5][m.end(1):]
    return out


@pytest.mark.parametrize("extra", [5, 8, 12])
def test_the_record_after_a_short_length_lie_is_read(tmp_path: Path, records, extra):
    path = tmp_path / "lie.warc"
    path.write_bytes(b"".join(_lying(records, extra)))
    found = discover([str(path)], "run-54", CONFIG, now=NOW)
    kept = set(found.docs.column("url").to_pylist())
    assert kept == URLS - {LIAR}, sorted(URLS - kept)
    assert [(r["reason"], r["url"]) for r in found.rejects] == [("warc_bad_length", LIAR)]


@pytest.mark.parametrize(("extra", "gz"), [(200, False), (5, True), (-200, False)])
def test_other_length_lies_still_lose_nothing(tmp_path: Path, records, extra, gz):
    """The guards: a lie long enough to swallow the next record's whole first line, the
    same lie in a gzip member of its own, a length that falls short."""
    path = tmp_path / ("lie.warc.gz" if gz else "lie.warc")
    lying = _lying(records, extra)
    path.write_bytes(b"".join(gzip.compress(r) for r in lying) if gz else b"".join(lying))
    found = discover([str(path)], "run-54", CONFIG, now=NOW)
    assert set(found.docs.column("url").to_pylist()) == URLS - {LIAR}
    assert [r["reason"] for r in found.rejects] == ["warc_bad_length"]
