"""Mutation seed 75: `broken_link` (tasks/discover/inputs.py), what the CLI says of an
input that does not exist when it is a symbolic link. Its only tests were the CLI's,
which the discover stage's mutants do not run."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.discover.inputs import broken_link


def test_a_link_to_nothing_says_where_it_points(tmp_path: Path):
    link = tmp_path / "feed.xml"
    link.symlink_to(tmp_path / "gone.xml")
    said = broken_link(str(link))
    assert said is not None and said.startswith("a symbolic link to ")
    assert "gone.xml" in said and "which does not exist" in said


def test_a_loop_of_links_is_named_a_loop(tmp_path: Path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert broken_link(str(tmp_path / "a")).startswith("a loop of symbolic links")


def test_a_missing_path_or_a_working_link_is_no_broken_link(tmp_path: Path):
    assert broken_link(str(tmp_path / "typo.xml")) is None  # no link: just missing
    target = tmp_path / "feed.xml"
    target.write_text("<rss/>")
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    assert broken_link(str(link)) is None  # a link that leads to a file


def test_a_link_under_the_home_folder_is_read_as_the_shell_reads_it(tmp_path: Path,
                                                                     monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    os.symlink(tmp_path / "nowhere", tmp_path / "in.txt")
    said = broken_link("~/in.txt")
    assert said is not None and "nowhere" in said
