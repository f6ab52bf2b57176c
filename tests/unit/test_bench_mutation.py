"""bench/mutation.py's scratch copy: what mutmut's mutants/ copy gets besides the mutated
packages (mutation seed 68: without flows/ there, a test importing the CLI read the main
checkout's flows/ through the editable install)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import mutation  # noqa: E402 -- bench/ is not a package


def test_mutants_get_every_other_top_level_entry_of_the_scratch() -> None:
    listed = ["tasks/common/text.py", "schemas/__init__.py", "flows/cli.py", "bench/x.py",
              "seeds/sources.toml", "tests/unit/test_a.py", "pyproject.toml", "prefect.yaml"]
    assert mutation.also_copy(listed, ["schemas", "tasks"]) == [
        "bench", "flows", "prefect.yaml", "seeds"]
    # a mutated flows/ is mutmut's own copy, never overwritten by the original
    assert mutation.also_copy(listed, ["flows", "schemas", "tasks"]) == [
        "bench", "prefect.yaml", "seeds"]


def test_the_scratch_holds_the_work_trees_flows_and_no_results() -> None:
    files = mutation.scratch_files()
    assert "flows/cli.py" in files and "bench/mutation.py" in files
    assert not any(f.startswith(("bench/results/", "warehouse/")) for f in files)
    assert "flows" in mutation.also_copy(files, mutation.source_paths(["tasks/common/text.py"]))
