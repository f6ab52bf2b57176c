"""One result type for every stage, and the one place where reject rows are built.

Every stage's entry point returns a `StageResult`: the records that go on (`table`), the
ones it dropped (`rejects`, each with a reason), the fetches that failed (`fetch_log`),
and how many it received. The flow records any result in the ledger the same way
(`Ledger.record_result`), so conservation is checked with one rule for all stages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa

# A reject's detail is for a person; past this it is noise (a whole traceback, a page).
DETAIL_MAX_CHARS = 1000


@dataclass(frozen=True)
class Verdict:
    """A filter's decision to drop a record: a reason code and a detail for a person."""

    reason: str
    detail: str


def reject_row(stage: str, reason: str, detail: str, run_id: str, *,
               input_key: str, url: str | None = None, article_id: str | None = None,
               source_kind: str | None = None, source: str | None = None,
               at: datetime | None = None) -> dict:
    """A REJECTS row. `input_key` is what lets a later run skip the same input."""
    return {
        "article_id": article_id, "url": url, "source_kind": source_kind, "source": source,
        "input_key": input_key, "stage": stage, "reason": reason,
        "detail": detail[:DETAIL_MAX_CHARS] if detail else detail,
        "rejected_at": at or datetime.now(UTC), "run_id": run_id,
    }


def reject_record(record: Mapping, stage: str, verdict: Verdict, run_id: str, *,
                  article_id: str | None = None, at: datetime | None = None) -> dict:
    """A REJECTS row for a DOCUMENTS or ARTICLES row that a stage drops."""
    return reject_row(
        stage, verdict.reason, verdict.detail, run_id,
        input_key=record.get("input_key") or record.get("url"), url=record.get("url"),
        article_id=article_id if article_id is not None else record.get("article_id"),
        source_kind=record.get("source_kind"), source=record.get("source"), at=at,
    )


@dataclass
class StageResult:
    """What a stage did with the records it received.

    table     the records that go on to the next stage (DOCUMENTS or ARTICLES)
    received  how many records came in
    rejects   REJECTS rows: records dropped, each with a reason
    fetch_log FETCH_LOG rows: every fetch attempted (failed ones carry an error)
    failed    records lost to a failed fetch (their error is in fetch_log)
    skipped   records an earlier run already settled (not processed again)
    notes     sentences for the run summary
    outputs   further tables to publish, by table name (entities, places, signatures)
    pending   inputs left for later streaming (WARC sources found by discover)
    cut_sources  DOCUMENTS rows of discovery inputs (sitemaps, feeds) whose transfer was
              cut: what arrived, decoded, for discover to read its whole entries. Not
              passed on and not in the counts: each is already a failed fetch (`failed`,
              its error in fetch_log); the fetch stage fills it for sources only, so an
              article cut short never reaches extraction
    """

    stage: str
    table: pa.Table
    received: int
    rejects: list[dict] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)
    failed: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    outputs: dict[str, pa.Table] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)
    cut_sources: pa.Table | None = None

    @property
    def counts(self) -> dict[str, int]:
        """The ledger's view: received = passed + rejected + failed + skipped."""
        return {"received": self.received, "passed": self.table.num_rows,
                "rejected": len(self.rejects), "failed": self.failed, "skipped": self.skipped}

    @classmethod
    def combine(cls, parts: list[StageResult], schema: pa.Schema) -> StageResult:
        """One result from the results of a batch's slices (worker processes), in order."""
        if not parts:
            raise ValueError("combine() needs at least one part")
        notes: list[str] = []
        for p in parts:
            notes += [n for n in p.notes if n not in notes]
        outputs: dict[str, pa.Table] = {}
        for name in dict.fromkeys(k for p in parts for k in p.outputs):
            outputs[name] = pa.concat_tables([p.outputs[name] for p in parts if name in p.outputs])
        return cls(
            stage=parts[0].stage,
            table=pa.concat_tables([schema.empty_table(), *(p.table for p in parts)]),
            received=sum(p.received for p in parts),
            rejects=[r for p in parts for r in p.rejects],
            fetch_log=[r for p in parts for r in p.fetch_log],
            failed=sum(p.failed for p in parts),
            skipped=sum(p.skipped for p in parts),
            notes=notes, outputs=outputs,
            pending=[s for p in parts for s in p.pending],
            cut_sources=(pa.concat_tables(cut) if (cut := [p.cut_sources for p in parts
                                                          if p.cut_sources is not None])
                         else None),
        )
