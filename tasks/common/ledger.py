"""Conservation: every record that enters leaves in exactly one place.

Each stage reports how many records it received and where they went. A run ends with
`Ledger.check()`: per stage, in = out + rejected + failed + skipped, each stage's output is
the next stage's input, and overall inputs = kept + rejected + failed + skipped. Otherwise
the run fails loudly, naming the stage that lost (or invented) records.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


class ConservationError(RuntimeError):
    """Records were lost or invented between stages."""


@dataclass
class StageCount:
    stage: str
    received: int = 0
    passed: int = 0
    rejected: int = 0
    failed: int = 0  # fetches that failed (rows in fetch_log with an error)
    skipped: int = 0  # already settled by an earlier run (not re-fetched, not re-added)

    @property
    def accounted(self) -> int:
        return self.passed + self.rejected + self.failed + self.skipped


@dataclass
class Ledger:
    stages: list[StageCount] = field(default_factory=list)

    def record(self, stage: str, received: int, passed: int, rejected: int = 0,
               failed: int = 0, skipped: int = 0) -> None:
        for existing in self.stages:
            if existing.stage == stage:  # several batches of one stage add up
                existing.received += received
                existing.passed += passed
                existing.rejected += rejected
                existing.failed += failed
                existing.skipped += skipped
                return
        self.stages.append(StageCount(stage, received, passed, rejected, failed, skipped))

    def record_result(self, result) -> None:
        """Record a stage's StageResult (tasks.common.result): every stage the same way."""
        self.record(result.stage, **result.counts)

    @property
    def inputs(self) -> int:
        return self.stages[0].received if self.stages else 0

    @property
    def kept(self) -> int:
        return self.stages[-1].passed if self.stages else 0

    def totals(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "kept": self.kept,
            "rejected": sum(s.rejected for s in self.stages),
            "failed": sum(s.failed for s in self.stages),
            "skipped": sum(s.skipped for s in self.stages),
        }

    def check(self) -> None:
        """Raise ConservationError unless every record is accounted for."""
        previous = None
        for s in self.stages:
            if s.received != s.accounted:
                raise ConservationError(
                    f"stage '{s.stage}' received {s.received} records but accounted for "
                    f"{s.accounted} (passed {s.passed}, rejected {s.rejected}, failed "
                    f"{s.failed}, skipped {s.skipped})"
                )
            if previous is not None and previous.passed != s.received:
                raise ConservationError(
                    f"stage '{previous.stage}' passed on {previous.passed} records but "
                    f"stage '{s.stage}' received {s.received}"
                )
            previous = s
        t = self.totals()
        if t["inputs"] != t["kept"] + t["rejected"] + t["failed"] + t["skipped"]:
            raise ConservationError(f"inputs {t['inputs']} != kept + rejected + failed + "
                                    f"skipped: {t}")

    def as_dicts(self) -> list[dict]:
        return [asdict(s) for s in self.stages]


# fetch_log errors of a transfer that stopped before its end: a body shorter than its
# Content-Length (or gzip data a whole transfer cut), a connection closed, reset or stalled
# half way, a chunked body whose framing breaks half way (the chunks before the broken one
# arrived whole; nothing after it can be read). What arrived of a discovery input
# (sitemap, feed) is still read for its whole entries (StageResult.cut_sources); the fetch
# stays a failure with this error.
CUT_TRANSFER_ERRORS = frozenset({"truncated", "disconnected", "timeout_body",
                                 "connection_reset", "bad_chunking"})


def fetch_outcomes(fetch_log: list[dict]) -> tuple[int, int]:
    """(failed, unchanged) among fetch_log rows. A 304 under --refresh is an answer, not a
    failure: the archived copy still holds, so it counts as settled (skipped)."""
    unchanged = sum(1 for row in fetch_log if row.get("error") == "not_modified")
    return sum(1 for row in fetch_log if row.get("error")) - unchanged, unchanged
