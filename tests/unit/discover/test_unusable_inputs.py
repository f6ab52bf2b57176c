"""Inputs that cannot be read are rejects with a reason, never a silent skip (issue 11,
item 6): a missing path, a folder that cannot be listed, a file that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.common.settings import Settings, settings_slice
from tasks.discover.inputs import DiscoverConfig, discover

DUMP = " date 2024-05-02 https://news.example/a.html\nTitle\nBody text of the article.\n"


def _config() -> DiscoverConfig:
    return settings_slice(DiscoverConfig, Settings(_env_file=None))


def _refuse_listing(monkeypatch, folder: Path) -> None:
    """Make `folder` unlistable (chmod does not stop root, who runs the tests here)."""
    real = os.scandir

    def scandir(path="."):
        if Path(path).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unlistable_sub_folder_is_a_reject_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(DUMP, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(DUMP.replace("/a.html", "/b.html"), encoding="utf-8")
    _refuse_listing(monkeypatch, locked)
    found = discover([str(tmp_path)], "r1", _config())
    assert found.docs.column("url").to_pylist() == ["https://news.example/a.html"]
    assert [(r["reason"], r["source"], r["stage"]) for r in found.rejects] == [
        ("unreadable", str(locked), "discover")]
    assert "Permission denied" in found.rejects[0]["detail"]
    assert any("cannot be read" in n for n in found.notes)


def test_a_missing_path_is_a_not_found_reject(tmp_path):
    found = discover([str(tmp_path / "nope")], "r1", _config())
    assert found.docs.num_rows == 0
    assert [(r["reason"], r["input_key"]) for r in found.rejects] == [
        ("not_found", f"path:{tmp_path / 'nope'}")]


def test_an_unreadable_file_is_a_reject(tmp_path, monkeypatch):
    dump = tmp_path / "a.txt"
    dump.write_text(DUMP, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self == dump:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = discover([str(tmp_path)], "r1", _config())
    assert [(r["reason"], r["source"]) for r in found.rejects] == [("unreadable", str(dump))]


def test_walk_files_is_sorted_and_does_not_follow_folder_links(tmp_path):
    from tasks.discover.inputs import walk_files

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, problems = walk_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["1.txt", "b/2.txt"]
    assert problems == []


def test_folders_that_cannot_be_listed_are_reported_in_path_order(tmp_path, monkeypatch):
    # a run is reproducible: the unreadable folders are noted in the same order every time,
    # whatever order os.walk met them in (faked: tests run as root, who can list anything)
    import os

    from tasks.discover import inputs

    def walk(folder, onerror):
        for name in ("z-private", "a-private"):
            onerror(PermissionError(13, "Permission denied", str(tmp_path / name)))
        return iter(())

    monkeypatch.setattr(inputs.os, "walk", walk)
    files, problems = inputs.walk_files(tmp_path)
    assert files == []
    assert [os.path.basename(p.path) for p in problems] == ["a-private", "z-private"]
    assert {p.reason for p in problems} == {"unreadable"}


def test_scrub_credentials_counts_the_rows_that_had_one():
    from tasks.discover.inputs import credentials_note, scrub_credentials

    rows = [{"url": "https://user:pw@a.example/1", "input_key": "https://user:pw@a.example/1"},
            {"url": "https://a.example/2"}]
    assert scrub_credentials(rows) == 1  # one row, though two of its fields had them
    assert rows[0]["url"] == rows[0]["input_key"] == "https://a.example/1"
    assert scrub_credentials([{"url": "https://a.example/2"}]) == 0
    assert credentials_note(0) == []
