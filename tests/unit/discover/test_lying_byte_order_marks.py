"""Files whose byte-order mark lies (fault round 48): a UTF-16 or UTF-32 mark before
UTF-8 text (a script that writes the "Unicode" mark, then UTF-8), or a UTF-8 mark before
UTF-16 text. Read by its mark, the text was CJK characters: a dump was `missing_header`
(the article lost), a URL list one junk line (every URL lost), a feed `not_a_feed`, a
sitemap one `sitemap_bad_loc` of junk."""

from __future__ import annotations

import pytest

from tasks.discover.feeds import parse_feed
from tasks.discover.inputs import decode_dump, read_dump, read_url_list
from tasks.discover.sitemaps import parse_sitemap

DUMP = ("date 2024-04-01 https://news1.example/story-1.html\n"
        "Council passes the budget\n"
        + "The city council met on Tuesday evening to debate the budget for the coming "
          "year, and members from every party spoke about schools, roads and housing.\n" * 3)
MARKS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}


@pytest.mark.parametrize("mark", MARKS)
def test_a_dump_of_utf8_behind_a_wide_mark_is_its_article(tmp_path, mark):
    path = tmp_path / "d.txt"
    path.write_bytes(MARKS[mark] + DUMP.encode("utf-8"))
    doc, reject = read_dump(path, "r48")
    assert reject is None, reject
    assert doc["url"] == "https://news1.example/story-1.html"
    assert doc["hint_title"] == "Council passes the budget"
    assert doc["dump_text"].startswith("The city council met")


def test_a_dump_of_utf16_behind_a_utf8_mark_is_its_article(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DUMP.encode("utf-16-le"))
    doc, reject = read_dump(path, "r48")
    assert reject is None, reject
    assert doc["url"] == "https://news1.example/story-1.html"


def test_a_url_list_of_utf8_behind_a_utf16_mark_is_its_urls(tmp_path):
    path = tmp_path / "a.urls"
    path.write_bytes(b"\xff\xfehttps://n.example/1\nhttps://n.example/2\n")
    docs, rejects = read_url_list(path, "r48")
    assert [d["url"] for d in docs] == ["https://n.example/1", "https://n.example/2"], rejects
    assert rejects == []


def test_a_feed_and_a_sitemap_of_utf8_behind_a_utf16_mark_are_read():
    feed = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T'
            b'</title><item><title>A</title><link>https://n.example/a</link></item>'
            b'</channel></rss>')
    sitemap = (b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.'
               b'org/schemas/sitemap/0.9"><url><loc>https://n.example/a</loc></url></urlset>')
    assert [i.url for i in parse_feed(b"\xff\xfe" + feed, "https://n.example/f").items] == [
        "https://n.example/a"]
    assert [e.url for e in parse_sitemap(b"\xfe\xff" + sitemap,
                                         "https://n.example/s.xml").entries] == [
        "https://n.example/a"]


@pytest.mark.parametrize("text", [DUMP, "date 2024-04-01 https://n.example/a\n文件" * 40,
                                  "文" * 200])
def test_text_that_is_what_its_mark_says_is_read_by_it(text):
    """The guards: UTF-16 and UTF-32 text with its mark (ASCII lines, CJK lines, CJK text
    of no ASCII at all, whose bytes hold no NUL) is read as before."""
    for codec in ("utf-16", "utf-32"):
        assert decode_dump(text.encode(codec)) == text
