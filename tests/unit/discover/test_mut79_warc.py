"""Seed 79: the WARC length lie of fault round 54 where discover's unit runs read it (its
test sits in tests/reliability): after a record claiming a few bytes more than its
block, reading goes on from that record's start, so the next record is kept, not lost
without a reject."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.discover.inputs import discover
from tests.reliability.test_round54_warc_length_lie import LIAR, URLS, _lying, records
from tests.unit.discover.test_inputs import CONFIG, NOW

__all__ = ["records"]  # (the module's fixture: the records of a WARC of real pages)


@pytest.mark.parametrize("extra", [5, 12])
def test_every_record_after_a_short_length_lie_is_kept(tmp_path: Path, records, extra):
    path = tmp_path / "lie.warc"
    path.write_bytes(b"".join(_lying(records, extra)))
    found = discover([str(path)], "run-79", CONFIG, now=NOW)
    assert set(found.docs.column("url").to_pylist()) == URLS - {LIAR}
    assert [r["reason"] for r in found.rejects] == ["warc_bad_length"]
