"""`output_destination` and `report_target_problem` for `--out` paths that are not plain
files (fault round 59; the real commands: tests/reliability/test_round59_report_out_targets.py)."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.common.location import output_destination
from tasks.storage.preflight import report_target_problem


def test_a_pipe_or_a_device_is_written_in_place(tmp_path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    assert output_destination(fifo) == (fifo, True)
    assert output_destination(os.devnull) == (Path(os.devnull), True)
    link = tmp_path / "null.html"
    link.symlink_to(os.devnull)
    assert output_destination(link) == (link, True)
    assert report_target_problem(fifo) is None
    assert report_target_problem(link) is None


def test_a_link_to_a_file_is_followed(tmp_path) -> None:
    page = tmp_path / "site" / "r.html"
    page.parent.mkdir()
    page.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to(page)
    assert output_destination(link) == (page.resolve(), False)
    assert report_target_problem(link) is None


def test_a_plain_file_or_a_new_path_is_replaced_by_a_rename(tmp_path) -> None:
    existing = tmp_path / "r.html"
    existing.write_text("old")
    assert output_destination(existing) == (existing.resolve(), False)
    new = tmp_path / "new" / "r.html"
    assert output_destination(new) == (Path(os.path.realpath(new)), False)
    assert report_target_problem(existing) is None
    assert report_target_problem(tmp_path) is not None  # a folder stays refused
    assert "is a folder" in report_target_problem(tmp_path)


def test_a_link_to_nothing_names_the_file_to_create(tmp_path) -> None:
    link = tmp_path / "latest.html"
    link.symlink_to(tmp_path / "pages" / "r.html")
    (tmp_path / "pages").mkdir()
    assert output_destination(link) == ((tmp_path / "pages" / "r.html").resolve(), False)

