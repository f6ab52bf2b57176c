"""The story's container named for trafilatura on pages that name none (container.py,
used by pages._read_in_a_named_container): a story's lists and quotes come through, the
name is kept only when the second reading keeps the first one's text, and a page with a
container trafilatura knows is left as it is."""

from __future__ import annotations

from lxml import html as lxml_html

from tasks.extract.container import name_the_story_container, reads_more, story_container
from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import FETCHED, PARAGRAPHS

URL = "https://gazette.example/news/bridge.html"
ITEMS = ["Engineers replaced the steel cables and resurfaced the whole deck.",
         "The mayor expects about 30,000 vehicles a day from next week on.",
         "Ferries added during the closure run on until the end of summer."]
LIST = "<ul>" + "".join(f"<li>{i}</li>" for i in ITEMS) + "</ul>"
QUOTE = ("<blockquote>We waited two long years for this bridge, and it is finally ours "
         "again, said a commuter.</blockquote>")


def _page(container_class: str, inner: str = LIST + QUOTE) -> str:
    story = f"<p>{PARAGRAPHS[0]}</p>{inner}" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    return (f"<html><body><div class='css-top'><h1>Bridge reopens</h1>"
            f"<div class='{container_class}'>{story}</div></div></body></html>")


def test_a_storys_lists_and_quotes_come_through_on_a_page_naming_no_container() -> None:
    x = extract_html(_page("css-8l7m41"), URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert all(i in x.text for i in ITEMS)
    assert "We waited two long years" in x.text


def test_a_container_trafilatura_knows_is_not_renamed() -> None:
    tree = lxml_html.fromstring(_page("entry-content"))
    assert name_the_story_container(tree) is None
    assert tree.find(".//article") is None


def test_only_a_container_with_blocks_beyond_paragraphs_is_renamed() -> None:
    tree = lxml_html.fromstring(_page("css-b", inner=""))
    assert name_the_story_container(tree) is None  # nothing the first reading would drop
    tree = lxml_html.fromstring(_page("css-b"))
    elem, tag = name_the_story_container(tree)
    assert (elem.tag, tag, elem.get("class")) == ("article", "div", "css-b")


def test_the_container_is_the_parent_of_most_paragraph_text() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div id='a'><p>short one</p><p>short two</p></div>"
        f"<div id='b'><p>{PARAGRAPHS[0]}</p></div></body></html>"
    )
    assert story_container(tree.find("body")).get("id") == "b"
    assert story_container(lxml_html.fromstring("<html><body><div>x</div></body></html>")
                           .find("body")) is None


def test_a_second_reading_counts_only_when_it_is_longer_and_keeps_the_first() -> None:
    before = "First paragraph of the story.\nSecond paragraph of the story."
    assert reads_more(before + "\n- a list item the first reading lost", before)
    assert not reads_more(before, before)  # not longer
    assert not reads_more("Second paragraph of the story.\n" + "x" * 200, before)  # lost one
    assert reads_more("anything at all", "")


def test_a_reading_that_loses_the_first_ones_text_is_not_taken() -> None:
    # two paragraphs of the story sit outside the container with the list: naming that
    # container would leave them out, so the page keeps its first reading
    inside = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS[:3])
    html = ("<html><body><div class='css-top'><h1>Bridge reopens</h1>"
            f"<div class='css-a'>{inside}{LIST}</div>"
            f"<div class='css-z'><p>{PARAGRAPHS[3]}</p></div></div></body></html>")
    tree = lxml_html.fromstring(html)
    assert name_the_story_container(tree)[0].get("class") == "css-a"  # it is tried
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert PARAGRAPHS[3] in x.text
