"""The warehouse inside a folder given as input (fault round 29): `pressroom ingest .` in
a project folder whose warehouse is `./warehouse` (the default) read the warehouse as
input: its raw WARC archive again (every archived page read, staged and skipped as
known) and a "not a recognised input" note for each of its Parquet, JSON and HTML files.
The wrapper passes the warehouse as `pass_over`; it is not walked into."""

from __future__ import annotations

from pathlib import Path

from tasks.discover.inputs import expand_inputs


def _project(tmp_path: Path) -> Path:
    (tmp_path / "pages.urls").write_text("https://a.example/1\n", encoding="utf-8")
    wh = tmp_path / "warehouse"
    for name in ("raw/r1-00000.warc.gz", "articles/r1.b00001-0000.parquet",
                 "manifests/r1.json", "reports/latest.html"):
        (wh / name).parent.mkdir(parents=True, exist_ok=True)
        (wh / name).write_bytes(b"x")
    return wh


def test_the_warehouse_inside_an_input_folder_is_passed_over_with_a_note(tmp_path):
    wh = _project(tmp_path)
    items, notes = expand_inputs([str(tmp_path)], pass_over=(wh,))
    assert items == [tmp_path / "pages.urls"]
    assert notes == [f"input {str(tmp_path)!r}: the warehouse {str(wh)!r} inside it passed "
                     "over (its files are no input)"]


def test_the_warehouse_named_by_another_spelling_is_passed_over(tmp_path, monkeypatch):
    wh = _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link").symlink_to(wh)  # (a link is not walked into anyway)
    items, _ = expand_inputs(["."], pass_over=(Path("warehouse"),))
    assert items == [Path("pages.urls")]


def test_the_warehouse_given_as_the_input_folder_is_not_read(tmp_path):
    wh = _project(tmp_path)
    items, notes = expand_inputs([str(wh)], pass_over=(wh,))
    assert items == []
    assert notes == [f"input {str(wh)!r} is the warehouse: its files are no input (name a "
                     "file of it to read that file): not read"]


def test_a_file_of_the_warehouse_named_is_read(tmp_path):
    wh = _project(tmp_path)
    warc = wh / "raw" / "r1-00000.warc.gz"
    items, _ = expand_inputs([str(warc)], pass_over=(wh,))
    assert items == [warc]


def test_without_a_warehouse_to_pass_over_every_file_is_listed(tmp_path):
    _project(tmp_path)
    items, _ = expand_inputs([str(tmp_path)])
    assert len(items) == 5
