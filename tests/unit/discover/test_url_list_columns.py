"""A URL list of tab-separated columns (fault round 48): `URL<TAB>title<TAB>date`, as a
spreadsheet, GDELT or a crawler's table exports one. Every line was a `bad_url` reject
"not a URL: whitespace inside ...", every URL of the list lost."""

from __future__ import annotations

from pathlib import Path

from tasks.discover.inputs import read_dumps, read_url_list

TABLE = ("url\ttitle\tdate\n"
         "https://n.example/a\tCouncil passes the budget\t2024-04-01\n"
         "https://n.example/b\tFloods in the valley\t2024-04-02\n")


def test_a_tab_separated_list_gives_the_url_of_each_line(tmp_path: Path) -> None:
    path = tmp_path / "export.urls"
    path.write_text(TABLE)
    docs, rejects = read_url_list(path, "r48")
    assert [d["url"] for d in docs] == ["https://n.example/a", "https://n.example/b"]
    # the header line names no URL: a reject that says so, as before
    assert [(r["reason"], r["input_key"]) for r in rejects] == [
        ("bad_url", f"urls:{path}:1")], rejects


def test_a_tab_separated_list_saved_as_txt_is_a_url_list(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(TABLE.split("\n", 1)[1])  # without its header: every line a URL's
    docs, rejects = read_dumps(path, "r48")
    assert [d["url"] for d in docs] == ["https://n.example/a", "https://n.example/b"], rejects


def test_whitespace_that_is_not_a_column_is_still_a_bad_url(tmp_path: Path) -> None:
    """The guards: a URL with a space inside, a line whose first column is no URL, and
    words between two URLs are rejected as before (two URLs and nothing else on a line
    are two URLs since session 52: test_several_urls_on_a_line.py)."""
    path = tmp_path / "bad.urls"
    path.write_text("https://n.example/a b\tTitle\n"
                    "Title\thttps://n.example/c\n"
                    "https://n.example/a and https://n.example/b\n")
    docs, rejects = read_url_list(path, "r48")
    assert docs == [] and [r["reason"] for r in rejects] == ["bad_url"] * 3, (docs, rejects)
