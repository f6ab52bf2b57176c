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
