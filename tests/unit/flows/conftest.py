"""Fixtures of the command-line tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

# Both articles hold "floods"; only the storm's holds "storm" or "coast".
FLOOD = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."
STORM = "A storm flooded the coast overnight.\n\nThe mayor ordered an evacuation."


@pytest.fixture
def search_wh(warehouse: Path) -> Path:
    """A warehouse of two indexed articles for `pressroom search`: a1 the river's flood,
    a2 the storm on the coast."""
    rows = [_article("a1", "River floods valley", FLOOD, "r1"),
            _article("a2", "Storm floods coast", STORM, "r1")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


@pytest.fixture
def search() -> Callable[..., Result]:
    """`pressroom search ARGS...` run in this process: search(*args, env=...) -> Result."""
    runner = CliRunner()
    return lambda *args, **kwargs: runner.invoke(app, ["search", *args], **kwargs)
