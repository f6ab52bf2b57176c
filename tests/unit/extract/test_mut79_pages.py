"""Seed 79: when the page's second reading (its paragraph `<div>`s read as paragraphs)
replaces a first reading that missed the story (`_found_the_missed_story`, session 54's
text round: CNN's story in `zn-body__paragraph` divs beside a comment thread of `<p>`s).
The decision is made on the readings' text: the divs must say at least half as much as
the first reading, none of them may open a line of it (compared on its first 60
characters), and four in five must be in the second reading. The page itself is
tested in tests/unit/clean/test_publisher_furniture.py, which extract's runs do not
read."""

from __future__ import annotations

from lxml.html import fragment_fromstring

from tasks.extract.pages import _found_the_missed_story

STORY = [
    "The harbour bridge reopened to traffic on Monday after two years of repairs that "
    "cost the city forty million euros.",
    "Engineers replaced every cable of the main span and laid a new surface that is "
    "meant to last for the next thirty years.",
    "The ferry that carried commuters across the river during the closure will keep "
    "running in the summer months, the council said.",
    "Shop owners on the east bank said they had lost a third of their customers while "
    "the bridge was closed to cars and lorries.",
    "A cycle lane on the northern side of the bridge will open in the spring once the "
    "railings have been fitted along its length.",
]


def divs(paragraphs: list[str] = STORY) -> list:
    # (the words spread over lines and inline elements, as a template writes them)
    return [fragment_fromstring(f'<div class="zn-body__paragraph">\n  {p.replace(" ", "  ", 1)}'
                                '<span></span></div>') for p in paragraphs]


STORY_CHARS = sum(map(len, STORY))


def comments(chars: int) -> str:
    """A first reading of readers' comments, `chars` long."""
    line = "I drove over it this morning and it is much quieter than before. "
    return (line * (chars // len(line) + 1))[:chars]


def test_the_story_the_first_reading_missed_is_taken() -> None:
    before = comments(STORY_CHARS)
    again = before + "\n" + "\n".join(STORY)
    assert _found_the_missed_story(divs(), before, again)


def test_divs_saying_half_as_much_as_the_first_reading_are_the_story() -> None:
    again = "\n".join(STORY)
    assert _found_the_missed_story(divs(), comments(2 * STORY_CHARS), again)
    assert not _found_the_missed_story(divs(), comments(2 * STORY_CHARS + 2), again)


def test_a_first_reading_holding_a_divs_opening_did_not_miss_it() -> None:
    # its first 60 characters, then other words
    before = comments(STORY_CHARS) + "\n" + STORY[2][:60] + "XYZ and the rest"
    assert not _found_the_missed_story(divs(), before, before + "\n" + "\n".join(STORY))


def test_a_second_reading_holding_each_divs_opening_has_the_story() -> None:
    again = "\n".join(p[:60] + " ..." for p in STORY)
    assert _found_the_missed_story(divs(), comments(STORY_CHARS), again)


def test_four_of_five_divs_in_the_second_reading_are_enough_and_one_is_not() -> None:
    before = comments(STORY_CHARS)
    assert _found_the_missed_story(divs(), before, "\n".join(STORY[:4]))
    assert not _found_the_missed_story(divs(), before, "\n".join(STORY[:3]))
    assert not _found_the_missed_story(divs(), before, STORY[0])
