"""Two rebuilds of the search index at once: `pressroom reindex` run twice, or beside a
`forget` (which rebuilds it) or a search remaking a damaged index. Fault round 46: each
rebuild began by deleting every `search.*` folder as a killed rebuild's leftover, so the
second deleted the first's half-built `search.new-<pid>`, and the first ended with
tantivy's traceback ("ValueError: Failed to open file for read: FileDoesNotExist(
.../search.new-14956/....fieldnorm)"), exit 1 (measured: two `reindex` of 20,000
articles 0.8 s apart). Real processes: a child rebuilds, the test rebuilds as soon as
the child's folder appears."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

ROOT = Path(__file__).resolve().parents[2]
WORDS = "rain flood river valley mayor council budget storm coast harbour senate vote".split()


def _many_articles(root: Path, n: int) -> None:
    rows = [_article(f"a{i}", f"Title {i}", " ".join(
        WORDS[(i * 7 + k) % len(WORDS)] for k in range(300)) + f" unique{i}", "r1")
        for i in range(n)]
    _commit(root, "r1", rows)


def test_a_second_rebuild_waits_for_the_first_instead_of_deleting_its_work(tmp_path):
    root = tmp_path / "wh"
    _many_articles(root, 8000)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from tasks.storage.search import rebuild; print(rebuild(Path(sys.argv[1])))",
         str(root)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        building = root / f"search.new-{child.pid}"
        deadline = time.monotonic() + 120
        while not building.exists() and child.poll() is None:
            assert time.monotonic() < deadline, "the child never began its rebuild"
            time.sleep(0.005)
        assert child.poll() is None, "the child finished before the test could overlap it"
        mine = search_index.rebuild(root)
        out, err = child.communicate(timeout=300)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err[-3000:]
    assert out.split() == ["8000"] and mine == 8000
    assert sorted(p.name for p in root.glob("search*")) == ["search"]
    assert search_index.search(root, "unique7", limit=5).total == 1
