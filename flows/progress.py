"""Progress of a run, for a person at a terminal.

The flow announces what it does (`expect` once the run's size is known, `advance` with
every stage result) to whoever listens in this process; `pressroom ingest` listens with
a rich progress display only when its output is a terminal. Nothing here writes to logs:
the flow's log gets one line per commit, and piped output stays clean.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The stages a person follows, in DAG order (discover is shown by its total).
STAGES = ("fetch", "extract", "clean", "dedup", "enrich")

Listener = Callable[[str, str, int], None]  # (event, stage, count)
_listeners: list[Listener] = []


def expect(total: int) -> None:
    """The run will process `total` documents (known after discovery and WARC staging)."""
    for listener in list(_listeners):
        listener("expect", "", total)


def advance(stage: str, count: int) -> None:
    """`count` more documents went through `stage`."""
    if stage in STAGES:
        for listener in list(_listeners):
            listener("advance", stage, count)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@contextmanager
def terminal_progress(console) -> Iterator[None]:
    """A rich progress display per stage (counts, docs/s, ETA) while the block runs."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = [TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), TextColumn("[progress.data.speed]{task.fields[rate]}"),
               TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as bar:
        tasks = {s: bar.add_task(s, total=None, rate="") for s in STAGES}

        def listener(event: str, stage: str, count: int) -> None:
            if event == "expect":
                for task in tasks.values():
                    bar.update(task, total=count)
                return
            bar.advance(tasks[stage], count)
            speed = bar.tasks[tasks[stage]].speed
            bar.update(tasks[stage], rate=f"{speed:.1f} docs/s" if speed else "")

        with listening(listener):
            yield
