"""Seed 77: `path_refused`, the sentence a command prints for a path the system will not
look at (fault round 53), asked directly: the reliability tests ask it through the
command line only, which unit runs do not read. Which length is over (one name of more
than 255 bytes, counted in bytes, or the whole path), and no sentence for a path that is
merely missing, found, or under a file."""

from __future__ import annotations

import os

from tasks.common.location import path_refused

TOO_LONG = "the system cannot look at this path: File name too long"


def test_a_name_over_255_bytes_is_named_with_its_length(tmp_path):
    assert path_refused(tmp_path / ("a" * 256)) == f"{TOO_LONG} (a name of 256 bytes)"
    # bytes, not characters: 150 "é" are 300 bytes in UTF-8
    assert path_refused(str(tmp_path / ("é" * 150))) == f"{TOO_LONG} (a name of 300 bytes)"


def test_a_path_over_the_system_limit_is_named_with_its_length(tmp_path):
    deep = os.path.join(str(tmp_path), *["d" * 255] * 17, "x.txt")
    assert path_refused(deep) == f"{TOO_LONG} (a path of {len(os.fsencode(deep))} bytes)"


def test_the_longest_name_decides_whatever_its_place(tmp_path):
    # the long name first, then short ones: every name is measured, not only the last
    deep = os.path.join(str(tmp_path), "n" * 300, "x", "y.txt")
    assert path_refused(deep) == f"{TOO_LONG} (a name of 300 bytes)"


def test_names_the_system_takes_are_no_sentence(tmp_path):
    (tmp_path / "found.txt").write_text("x")
    assert path_refused(tmp_path / "found.txt") is None
    assert path_refused(tmp_path / ("a" * 255)) is None  # missing, but looked at
    assert path_refused(tmp_path / "missing" / "x.txt") is None
    assert path_refused(tmp_path / "found.txt" / "x.txt") is None  # under a file
    assert path_refused(str(tmp_path)) is None


def test_another_refusal_is_the_system_s_reason_alone(tmp_path):
    # a path through a loop of links: no length is over, none is named
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert path_refused(tmp_path / "loop" / "x.txt") == (
        "the system cannot look at this path: Too many levels of symbolic links")
    assert path_refused(tmp_path / "loop") is None  # the link itself is looked at
