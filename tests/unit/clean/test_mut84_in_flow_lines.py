"""Seed 84 (session 59): the hand mutants of text family J's `_in_flow_line` that family
J's tests left alive: the player's "Audio" button and the hour of a recording's length, a
podcast's "episode", a radio story's "Aired on", the dotted clock of British live blogs
("9.05am GMT"), and the rule each line is given (a clock is a date line, a player's
button a piece of the page's interface), a caption's "(X for the Outlet)" with the
article in lower case. Near misses: a sentence opening with "Audio", a lower-case
heading after "Heard on"."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line


@pytest.mark.parametrize(("line", "rule"), [
    ("Audio · 4:12", "ui"),
    ("Audio: 12 min", "ui"),
    ("Aired on Morning Edition", "ui"),
    ("9.05am GMT", "date"),
    ("11.30 p.m.", "date"),
    ("9:05 a.m. ET", "date"),
    ("Listen · 3:41", "ui"),
    ("Listen to the episode · 45 min", "ui"),
    ("Listen · 1:02:33", "ui"),  # an hour-long recording
    # the photographer's commission with the outlet's "the" in lower case
    ("A nurse checks the oxygen supply on the ward that reopened last week. (Maria Lopez "
     "for the Harbour Gazette)", "credit"),
])
def test_a_players_or_live_blogs_line_goes_under_its_rule(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "Audio of the call was released on Monday.",
    "Heard on the street",  # a vox pop's heading: no programme's capitalised name
])
def test_prose_that_opens_like_them_stays(line: str) -> None:
    assert classify_line(line) is None
