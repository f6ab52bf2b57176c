"""The house rules hold: the import contracts of pyproject.toml ([tool.importlinter]) and
no import cycle between any two modules of the pipeline. `make test` fails when a change
breaks either (ARCHITECTURE.md explains the rule)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    done = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _cycle(graph, modules: set[str]) -> list[str] | None:
    """One import cycle among `modules`, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for nxt in sorted(graph.find_modules_directly_imported_by(m) & modules):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(modules):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("tasks", "flows", "schemas")
    # Package __init__ modules re-export their entry point: a module importing its own
    # package's __init__ is not a cycle of the design, so only leaf modules count.
    modules = {m for m in graph.modules if not graph.find_children(m)}
    assert _cycle(graph, modules) is None, " -> ".join(_cycle(graph, modules))


def test_the_cycle_finder_finds_a_cycle() -> None:
    class Graph:  # a -> b -> c -> a, d alone
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}

        def find_modules_directly_imported_by(self, m: str) -> set[str]:
            return self.edges[m]

    assert _cycle(Graph(), {"a", "b", "c", "d"}) == ["a", "b", "c", "a"]
    assert _cycle(Graph(), {"a", "b", "d"}) is None


def _compile_warnings(path: Path) -> list[str]:
    """Warnings the compiler gives for one source file (invalid escapes and the like)."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(path.read_text("utf-8"), str(path), "exec")
    # only the compiler's own, which name the file compiled: a collection that runs
    # meanwhile reports objects earlier tests left ("unclosed event loop", in CI's full
    # run), under the file of their __del__
    return [f"{path.name}:{w.lineno}: {w.message}" for w in caught
            if w.filename == str(path)]


def test_no_source_file_compiles_with_a_warning() -> None:
    # A docstring quoting a regex (`</\1\s*>`) without r"" held chr(1) and warned on every
    # import (tasks/discover/feeds.py, found by mutation seed 36).
    found = [w for folder in ("flows", "tasks", "schemas", "tests", "bench")
             for path in sorted((REPO / folder).rglob("*.py"))
             for w in _compile_warnings(path)]
    assert found == []


def test_the_compile_check_sees_an_invalid_escape(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('"""a regex: </\\1\\s*>"""\n', "utf-8")
    assert len(_compile_warnings(bad)) == 1


def test_the_compile_check_ignores_what_a_collection_reports_meanwhile(tmp_path: Path,
                                                                     monkeypatch) -> None:
    import builtins
    import warnings

    good = tmp_path / "good.py"
    good.write_text("x = 1\n", "utf-8")
    real_compile = builtins.compile

    def compile_during_a_collection(source, filename, mode):
        # what the garbage collector does when it finalises an unclosed event loop that
        # an earlier test left, while the check compiles this file
        warnings.warn_explicit("unclosed event loop", ResourceWarning,
                               "/usr/lib/python3/asyncio/base_events.py", 692)
        return real_compile(source, filename, mode)

    monkeypatch.setattr(builtins, "compile", compile_during_a_collection)
    assert _compile_warnings(good) == []
    bad = tmp_path / "bad.py"
    bad.write_text('"""a regex: </\\1\\s*>"""\n', "utf-8")
    assert len(_compile_warnings(bad)) == 1  # the compiler's own still counts
