"""The run's progress display: stage counts at a terminal, nothing when piped."""

from __future__ import annotations

import io

from rich.console import Console

from flows import progress


def test_listeners_hear_every_stage_result_and_only_pipeline_stages():
    heard = []
    with progress.listening(lambda *event: heard.append(event)):
        progress.expect(12)
        progress.advance("fetch", 5)
        progress.advance("discover", 12)  # shown by its total, not as a bar
        progress.advance("enrich", 7)
    progress.advance("fetch", 1)  # nobody listens any more
    assert heard == [("expect", "", 12), ("advance", "fetch", 5), ("advance", "enrich", 7)]


def test_terminal_display_shows_counts_per_stage():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress.terminal_progress(console):
        progress.expect(10)
        for stage in progress.STAGES:
            progress.advance(stage, 10)
    text = out.getvalue()
    for stage in progress.STAGES:
        assert stage in text
    assert "10/10" in text
