"""A URL list line that names several addresses (session 52): "https://a/1, https://b/2",
cells of a spreadsheet row pasted with commas or semicolons, addresses between spaces.
Before, a line of spaced addresses was one `bad_url` reject, "whitespace inside", its
URLs lost, and addresses joined by a bare comma were fetched as one page whose path held
the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.discover.inputs import read_dumps, read_url_list


def _listed(tmp_path: Path, text: str) -> tuple[list[str], list[dict]]:
    path = tmp_path / "list.urls"
    path.write_text(text)
    docs, rejects = read_url_list(path, "r52")
    return [d["url"] for d in docs], rejects


@pytest.mark.parametrize("line", [
    "https://n.example/a, https://n.example/b",
    "https://n.example/a,https://n.example/b",
    "https://n.example/a;https://n.example/b",
    "https://n.example/a ; https://n.example/b",
    "https://n.example/a https://n.example/b",
    "https://n.example/a\u00a0\u00a0https://n.example/b",
])
def test_each_address_of_a_line_is_read(tmp_path: Path, line: str) -> None:
    urls, rejects = _listed(tmp_path, line + "\n")
    assert urls == ["https://n.example/a", "https://n.example/b"] and rejects == []


def test_a_query_keeps_its_commas_and_goes_with_the_last_address(tmp_path: Path) -> None:
    """A query's commas are its own: "?share=https://a,https://b" names one page, and in
    "A,B?q=1,2" the query is B's."""
    urls, rejects = _listed(tmp_path, "https://n.example/s?u=https://x.example/1,https://y.example/2\n"
                            "https://n.example/a,https://n.example/b?q=1,2\n")
    assert urls == ["https://n.example/s?u=https://x.example/1,https://y.example/2",
                    "https://n.example/a", "https://n.example/b?q=1,2"]
    assert rejects == []


def test_an_address_inside_another_path_is_one_url(tmp_path: Path) -> None:
    """An archive's address holds the page's own after a slash: one URL, not two."""
    urls, _ = _listed(tmp_path, "https://web.archive.org/web/2020/https://n.example/a\n")
    assert urls == ["https://web.archive.org/web/2020/https://n.example/a"]


def test_a_line_split_only_when_every_part_is_an_address(tmp_path: Path) -> None:
    urls, rejects = _listed(tmp_path, "https://n.example/a see https://n.example/b\n"
                            "https://n.example/c, not a link\n")
    assert urls == []
    assert [(r["reason"], r["input_key"].rsplit(":", 1)[1]) for r in rejects] == [
        ("bad_url", "1"), ("bad_url", "2")], rejects
    assert "whitespace inside" in rejects[0]["detail"]


def test_a_comma_separated_list_saved_as_txt_is_a_url_list(tmp_path: Path) -> None:
    """`urls.txt` holding one spreadsheet row of addresses: a list, not a dump whose
    header is missing."""
    path = tmp_path / "urls.txt"
    path.write_text("https://n.example/a, https://n.example/b, https://n.example/c\n")
    docs, rejects = read_dumps(path, "r52")
    assert [d["url"] for d in docs] == [
        "https://n.example/a", "https://n.example/b", "https://n.example/c"], rejects
