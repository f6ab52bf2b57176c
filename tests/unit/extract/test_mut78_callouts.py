"""Mutation seed 78: plain summary boxes ("Key points" over a list of points) and appeal
boxes ("Before you go") in tasks/extract/callouts.py. Each test builds a small page,
prunes its callouts (`prune_callouts`) and checks the text left: the box gone, or the
story's own text kept."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.extract.callouts import prune_callouts

STORY = ("<p>The harbour bridge reopened on Monday after two years of repairs, and the "
         "first ferries of the morning passed under it without delay.</p>") * 4
POINTS = "<ul><li>The bridge reopened on Monday</li><li>Ferries run on time</li></ul>"
PITCH = "<p>Our reporting on the port is free to read. Give what you can to keep it so.</p>"


def _left(inner: str, *, wrap: str = "div") -> str:
    """The page's text once its callouts are pruned (the story, then `inner`)."""
    tree = lxml_html.fromstring(
        f"<html><body><{wrap}>{STORY}{inner}</{wrap}></body></html>")
    prune_callouts(tree)
    return " ".join(tree.find("body").text_content().split())


STORY_TEXT = _left("")


def _gone(inner: str, **kw) -> bool:
    left = _left(inner, **kw)
    assert left.startswith(STORY_TEXT)
    return left == STORY_TEXT


# --- plain summary labels --------------------------------------------------------------

@pytest.mark.parametrize("label", [
    "Key points", "KEY POINTS", "Key points:", "  Key points:  ", "Key points :", "At a glance",
    "Das Wichtigste in Kürze", "En bref", "W skrócie", "TL;DR"])
def test_a_plain_summary_label_over_a_list_is_a_box(label: str) -> None:
    assert _gone(f"<div><h3>{label}</h3>{POINTS}</div>")


@pytest.mark.parametrize("tag", ["h2", "h3", "h4", "h5", "p", "strong", "div", "span"])
def test_each_label_tag_opens_a_summary_box(tag: str) -> None:
    assert _gone(f"<div><{tag}>Key takeaways</{tag}>{POINTS}</div>")


@pytest.mark.parametrize("points", [POINTS, POINTS.replace("ul>", "ol>")])
def test_a_numbered_or_bulleted_list_both_are_points(points: str) -> None:
    assert _gone(f"<section><h3>Summary</h3>{points}</section>")


def test_a_plain_summary_heading_over_paragraphs_is_the_storys_section() -> None:
    paragraphs = ("<p>The council voted on Tuesday to keep the old toll.</p>"
                  "<p>Ferries will run every hour in summer.</p>")
    inner = f"<div><h3>Summary</h3>{paragraphs}</div>"
    assert not _gone(inner)
    assert "The council voted" in _left(inner)


def test_a_label_not_in_the_list_opens_no_box() -> None:
    assert not _gone(f"<div><h3>Key points of the vote</h3>{POINTS}</div>")
    assert not _gone(f"<div><h3>Ferries</h3>{POINTS}</div>")


def test_a_plain_label_padded_past_thirty_characters_is_not_read() -> None:
    padded = "In brief" + " " * 22  # 30 characters
    assert _gone(f"<div><h3>{padded}</h3>{POINTS}</div>")
    assert not _gone(f"<div><h3>{padded} </h3>{POINTS}</div>")


def test_a_plain_label_with_an_element_inside_is_not_read() -> None:
    assert not _gone(f"<div><h3>Key points<br></h3>{POINTS}</div>")
    assert not _gone(f"<div><h3>Key points<em>!</em></h3>{POINTS}</div>")


def test_a_summary_box_with_text_before_its_label_is_the_storys_part() -> None:
    assert not _gone(f"<div><p>The vote in numbers.</p><h3>Key points</h3>{POINTS}</div>")
    assert not _gone(f"<div>The vote. <h3>Key points</h3>{POINTS}</div>")


def test_a_summary_label_in_a_bold_paragraph_opens_the_box_around_it() -> None:
    assert _gone(f"<div><p><strong>Key points</strong></p>{POINTS}</div>")


def test_a_plain_summary_box_past_the_size_bound_stays() -> None:
    many = "".join(f"<li>Point number {i} about the harbour bridge and its ferries</li>"
                   for i in range(40))
    assert not _gone(f"<div><h3>Key points</h3><ul>{many}</ul></div>")


def test_a_plain_summary_label_straight_in_the_article_is_no_box() -> None:
    assert not _gone(f"<h3>Key points</h3>{POINTS}", wrap="article")


# --- appeal boxes ----------------------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Before you go", "BEFORE YOU GO", "Before you go:", "Thanks for reading!",
    "Support independent local news", "Bevor Sie gehen", "Avant de partir",
    "  Dear   reader  "])
def test_an_appeal_heading_opens_a_box_that_goes(heading: str) -> None:
    assert _gone(f"<div><h3>{heading}</h3>{PITCH}<a href='/give'>Give</a></div>")


@pytest.mark.parametrize("level", [2, 3, 4])
def test_each_appeal_heading_level(level: int) -> None:
    assert _gone(f"<div><h{level}>Before you go</h{level}>{PITCH}</div>")


def test_an_h5_appeal_heading_is_not_read() -> None:
    assert not _gone(f"<div><h5>Before you go</h5>{PITCH}</div>")


def test_an_appeal_heading_with_one_element_inside_is_read_two_are_not() -> None:
    assert _gone(f"<div><h3>Before you <em>go</em></h3>{PITCH}</div>")
    assert not _gone(f"<div><h3>Before <em>you</em> <em>go</em></h3>{PITCH}</div>")


def test_an_appeal_heading_padded_past_forty_characters_is_not_read() -> None:
    padded = "Before you go" + " " * 27  # 40 characters
    assert _gone(f"<div><h3>{padded}</h3>{PITCH}</div>")
    assert not _gone(f"<div><h3>{padded} </h3>{PITCH}</div>")


def test_a_heading_that_is_not_an_appeal_opens_nothing() -> None:
    assert not _gone(f"<div><h3>Before you go to the harbour</h3>{PITCH}</div>")


def test_an_appeal_heading_with_anything_before_it_is_the_storys_part() -> None:
    assert not _gone(f"<div><p>Ferry times.</p><h3>Before you go</h3>{PITCH}</div>")
    assert not _gone(f"<div><span></span><h3>Before you go</h3>{PITCH}</div>")
    assert not _gone(f"<div>Ferry times <h3>Before you go</h3>{PITCH}</div>")


@pytest.mark.parametrize("wrap", ["article", "main", "li", "td"])
def test_an_appeal_heading_in_a_container_that_is_no_box_stays(wrap: str) -> None:
    inner = f"<h3>Before you go</h3>{PITCH}"
    if wrap in ("li", "td"):
        parent = "ul" if wrap == "li" else "table"
        inner = f"<{parent}><{wrap}>{inner}</{wrap}></{parent}>"
        inner = inner.replace("<table><td>", "<table><tr><td>").replace(
            "</td></table>", "</td></tr></table>")
        assert not _gone(inner)
    else:
        assert not _gone(f"<{wrap}>{inner}</{wrap}>")


def test_an_appeal_heading_straight_in_the_body_is_no_box() -> None:
    tree = lxml_html.fromstring(f"<html><body>{STORY}<h3>Before you go</h3>{PITCH}</body></html>")
    prune_callouts(tree)
    assert "Give what you can" in tree.find("body").text_content()


def test_an_appeal_box_past_its_bounds_stays() -> None:
    three = PITCH * 3
    assert not _gone(f"<div><h3>Before you go</h3>{three}</div>")
    two = PITCH * 2
    assert _gone(f"<div><h3>Before you go</h3>{two}</div>")
    long_pitch = "<p>" + "Our reporting on the port is free to read. " * 10 + "</p>"
    assert not _gone(f"<div><h3>Before you go</h3>{long_pitch}</div>")


def test_the_pruned_count_holds_the_appeal_box() -> None:
    tree = lxml_html.fromstring(
        f"<html><body><div>{STORY}<div><h3>Before you go</h3>{PITCH}</div></div></body></html>")
    assert prune_callouts(tree) == 1


# --- an affiliate card's button, a credit after "via" or "for" --------------------------

CARD = ("<div><h4>Brightline folding bicycle lamp</h4><p>$129 at the harbour shop</p>"
        "<a href='/go'>{button}</a></div>")


@pytest.mark.parametrize("button", [
    "Buy now", "Buy it now", "Shop now", "View deal", "See deal", "See the deal",
    "Check price", "Check the price", "See price"])
def test_an_affiliate_cards_button_makes_it_a_call_box(button: str) -> None:
    assert _gone(CARD.format(button=button))


def test_a_link_that_is_no_call_leaves_the_card() -> None:
    assert not _gone(CARD.format(button="Buy the harbour lamp"))


@pytest.mark.parametrize("credit", [
    "Photo: Anna Berger via Getty Images", "Image: Anna Berger for The Times",
    "Foto: Anna Berger via Reuters"])
def test_a_caption_credited_via_or_for_an_agency_goes(credit: str) -> None:
    assert _gone(f'<img src="bridge.jpg"/><p>The bridge at dawn. {credit}</p>')


def test_a_credit_followed_by_a_lower_case_word_is_a_sentence() -> None:
    assert not _gone('<img src="bridge.jpg"/><p>The bridge at dawn. Photo: Anna Berger '
                     'via the harbour</p>')


# --- each heading and box of a page is read, not only the first -----------------------

def test_an_appeal_box_after_the_storys_own_subheading_goes() -> None:
    inner = (f"<h2>Ferries</h2><p>The ferries run every hour.</p>"
             f"<div><h3>Before you go</h3>{PITCH}</div>")
    assert _gone(inner.replace("<h2>Ferries</h2><p>The ferries run every hour.</p>", ""))
    left = _left(inner)
    assert "The ferries run every hour." in left and "Give what you can" not in left


def test_an_appeal_box_after_a_refused_one_goes() -> None:
    refused = f"<div><p>Ferry times.</p><h3>Before you go</h3>{PITCH}</div>"
    left = _left(refused + "<div><h3>Thanks for reading</h3><p>Tell a friend.</p></div>")
    assert "Ferry times." in left and "Tell a friend." not in left


def test_an_appeal_box_of_exactly_the_call_box_bound_goes() -> None:
    from tasks.extract.callouts import MAX_CALL_BOX_CHARS
    head = "Before you go"
    words = ("Give what you can to keep the harbour news free " * 20)[
        :MAX_CALL_BOX_CHARS - len(head)].rstrip()
    words += "x" * (MAX_CALL_BOX_CHARS - len(head) - len(words))
    tree = lxml_html.fromstring(f"<html><body><div>{STORY * 3}<div><h3>{head}</h3><p>{words}"
                                "</p></div></div></body></html>")
    assert prune_callouts(tree) == 1
    tree = lxml_html.fromstring(f"<html><body><div>{STORY * 3}<div><h3>{head}</h3><p>{words}y"
                                "</p></div></div></body></html>")
    assert prune_callouts(tree) == 0


def test_a_summary_box_after_a_refused_summary_heading_goes() -> None:
    refused = ("<div><h3>Summary</h3><p>The council voted on Tuesday to keep the old toll."
               "</p></div>")
    left = _left(refused + f"<div><h3>Key points</h3>{POINTS}</div>")
    assert "The council voted" in left and "Ferries run on time" not in left
