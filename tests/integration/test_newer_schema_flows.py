"""A deployment's run (`pressroom serve`, a Prefect schedule) calls the flows directly, so
no command line checks the warehouse first. Over a warehouse a newer pressroom committed
to, the `ingest` and `reprocess` flows must refuse before any work, as the command line
does: otherwise they leave the newer files out as foreign and add their articles again."""

from __future__ import annotations

import json

import pytest

from schemas import SCHEMA_VERSION
from tasks.common.settings import Settings
from tests.reliability.warehouses import committed_warehouse


@pytest.mark.parametrize("flow_name", ["ingest", "reprocess"])
def test_flows_refuse_a_warehouse_a_newer_pressroom_wrote(prefect_harness, tmp_path,
                                                          flow_name) -> None:
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    wh = committed_warehouse(tmp_path / "wh", runs=1)
    newest = sorted((wh / "manifests").glob("*.json"))[-1]
    newest.write_text(json.dumps({**json.loads(newest.read_text(encoding="utf-8")),
                                  "schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    dump = tmp_path / "d.txt"  # a local input: nothing to fetch, whatever happens
    dump.write_text(" date 2024-05-01 https://x.example/a\nTitle\nBody.\n", encoding="utf-8")
    before = sorted(p.name for p in (wh / "manifests").iterdir())
    settings = Settings(warehouse=wh)

    with pytest.raises(ValueError, match=f"holds commits of schema version "
                       f"{SCHEMA_VERSION + 1}, written by a newer pressroom"):
        if flow_name == "ingest":
            ingest(inputs=[str(dump)], settings=settings)
        else:
            reprocess(settings=settings)

    assert sorted(p.name for p in (wh / "manifests").iterdir()) == before
    assert not (wh / "articles").exists() or not any((wh / "articles").rglob("*.parquet"))
    # the writer lock was let go: a run of this version can take it again at once
    from tasks.storage.warehouse import writer_lock
    with writer_lock(wh, "test", wait=False):
        pass
