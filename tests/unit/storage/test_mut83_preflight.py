"""Seed 83 (session 58): `report_target_problem` for a pipe or a device written in place
and for a link, pinned by what hand mutants RT2-RT5 of seed 83 changed (TESTING.md)."""

from __future__ import annotations

import os

from tasks.storage import preflight
from tasks.storage.preflight import report_target_problem


def test_a_pipe_that_may_not_be_written_is_refused(tmp_path, monkeypatch) -> None:
    # (the tests run as root, which os.access lets write anything: the answer is the system's)
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    asked = []

    def access(path, mode):
        asked.append(mode)
        return mode != os.W_OK

    monkeypatch.setattr(preflight.os, "access", access)
    assert report_target_problem(fifo) == f"--out {fifo} cannot be written: permission denied"
    assert asked == [os.W_OK]


def test_a_pipe_is_not_checked_for_the_renamed_copy_it_does_not_take(tmp_path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    (tmp_path / "p.tmp").mkdir()  # would refuse a file replaced by a rename
    assert report_target_problem(fifo) is None
    plain = tmp_path / "r.html"
    (tmp_path / "r.html.tmp").mkdir()
    assert "r.html.tmp is a folder" in report_target_problem(plain)


def test_a_link_to_a_folder_is_named_as_given(tmp_path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    link = tmp_path / "latest"
    link.symlink_to(folder)
    problem = report_target_problem(link)
    assert problem.startswith(f"--out {link} is a folder: name the report's file")
    assert f"(e.g. {folder.resolve() / 'report.html'})" in problem
