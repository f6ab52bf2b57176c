"""Fuzzing with hypothesis: the parsers and text repairs never crash on any input and
keep their invariants. 300 cases per property by default; HYPOTHESIS_PROFILE=thorough
for thousands (RELIABILITY.md has the figures)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from tasks.clean.boilerplate import remove_boilerplate
from tasks.clean.text import normalise_text, repair_glued_paragraphs
from tasks.common.urls import BadURL, canonical_url, strip_userinfo
from tasks.discover.feeds import parse_feed
from tasks.discover.inputs import DumpError, decode_dump, parse_dump, split_dumps
from tasks.discover.sitemaps import parse_sitemap
from tasks.extract.metadata import page_metadata
from tasks.extract.pages import extract_html, parse_html

_WS = re.compile(r"\s+")

# Prose-like text: words, sentence punctuation glued or not, quotes, digits, URLs.
_tokens = st.sampled_from(["Poland", "meanwhile", ".", "!", "?", " ", "\n", '"', "'",
                           "Mr.", "U.S.", "3.5", "http://x.example/a.B", "www.y.com",
                           "a@b.com", "The", "said", ")", "(", "\u201c", "\u201d", "No.",
                           "5", "Amazon.Com", "\t", "\u00a0", "é", "Ä"])
prose = st.one_of(st.text(max_size=300), st.lists(_tokens, max_size=80).map("".join))


@given(st.binary(max_size=2000))
def test_dump_bytes_parse_or_are_refused_with_a_reason(raw):
    try:
        dump = parse_dump(decode_dump(raw))
    except DumpError as exc:
        assert exc.reason and exc.detail
    else:
        assert dump.title and dump.body.strip() and dump.url


@given(st.text(max_size=40), st.text(max_size=60), st.text(max_size=400),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_dump_text_parses_or_is_refused(date, title, body, nl):
    text = f" date {date} https://news.example/{title[:10]}{nl}{title}{nl}{body}"
    try:
        dump = parse_dump(text)
    except DumpError as exc:
        assert exc.reason in {"empty_file", "missing_header", "bad_date", "bad_url",
                              "missing_title", "empty_body"}
    else:
        assert "\r" not in dump.body and dump.body.strip()


@given(prose)
def test_paragraph_repair_changes_only_whitespace(text):
    paragraphs = repair_glued_paragraphs(text)
    assert _WS.sub("", "".join(paragraphs)) == _WS.sub("", text)
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


@given(prose)
def test_normalise_text_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


_url_parts = st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "", "www.",
                              "m.", "amp.", "example.com", "news.example.co.uk", ":8080",
                              ":443", "/", "/amp", "/index.html", "/a b", "?", "&",
                              "utm_source=x", "id=3", "#frag", "%2F", "user:pw@", "..",
                              "\u00e9", "[::1]", "xn--", "=", ";"])
urls = st.one_of(st.text(max_size=80), st.lists(_url_parts, max_size=12).map("".join))


@given(urls)
def test_canonical_url_is_a_fixed_point_or_refuses(url):
    try:
        canon = canonical_url(url)
    except BadURL:
        return
    assert canon.startswith("https://")
    assert canonical_url(canon) == canon


@given(urls)
def test_strip_userinfo_leaves_no_credentials_and_is_idempotent(url):
    clean = strip_userinfo(url)
    assert strip_userinfo(clean) == clean
    assert not re.search(r"(?i)\b(https?|ftp|wss?)://[^/?#\s]*@", clean)


_xml_bits = st.sampled_from([
    "<?xml version='1.0'?>", "<rss version='2.0'>", "</rss>", "<channel>", "</channel>",
    "<item>", "</item>", "<link>", "</link>", "<title>", "</title>", "<pubDate>",
    "</pubDate>", "Mon, 06 May 2024 10:00:00 GMT", "https://news.example/a", "/rel",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>",
    "<link href='https://news.example/b'/>", "<urlset xmlns='http://www.sitemaps.org/"
    "schemas/sitemap/0.9'>", "</urlset>", "<url>", "</url>", "<loc>", "</loc>",
    "<sitemapindex>", "</sitemapindex>", "<sitemap>", "</sitemap>", "<lastmod>",
    "</lastmod>", "2024-05-06T10:00:00Z", "2024-13-45", "&amp;", "&bogus;", "<![CDATA[",
    "]]>", "<!DOCTYPE x [<!ENTITY e 'v'>]>", "&e;", "\x00", "é", " ", "\n"])
xml = st.one_of(st.binary(max_size=1500),
                st.lists(_xml_bits, max_size=60).map(lambda b: "".join(b).encode()))


@given(xml)
def test_feed_parser_never_raises(data):
    result = parse_feed(data, "https://news.example/rss.xml")
    assert result.error is None or result.error[0]
    assert all(item.url.startswith(("http://", "https://")) for item in result.items)


@given(xml)
def test_sitemap_parser_never_raises(data):
    result = parse_sitemap(data, "https://news.example/sitemap.xml")
    assert result.error is None or result.error[0]


_html_bits = st.sampled_from([
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>",
    "<article>", "</article>", "<h1>", "</h1>", "<title>", "</title>", "<script>",
    "</script>", "<div class='comments'>", "</div>", "<meta charset='latin-1'>",
    "<meta property='article:published_time' content='2024-05-02T08:00:00Z'>",
    "<link rel='canonical' href='/x'>", "<br>", "<table><tr><td>", "&nbsp;", "&#0;",
    "The harbour bridge reopened on Thursday after two years of repairs. ",
    "Engineers replaced the cables and resurfaced the deck, officials said. ",
    "\x00", "\ufeff", "é", "<!--", "-->", "<![CDATA[", "<svg><text>", "</svg>"])
html = st.one_of(st.binary(max_size=3000),
                 st.lists(_html_bits, max_size=80).map(lambda b: "".join(b).encode()))


@given(html)
def test_html_extraction_never_raises(body):
    out = extract_html(body, "https://news.example/story.html")
    assert out.text is None or isinstance(out.text, str)


# The tags the text repairs before parsing look for (pages.py, browserview.py), their
# names in any case: ASCII's, and the letters Unicode IGNORECASE folds onto ASCII ones
# (dotless ı and dotted İ onto i, long ſ onto s, the Kelvin sign onto k), which HTML does
# not. "<tıtle>" made the unclosed-RCDATA repair raise KeyError (session 56).
_FOLDS = {"i": "iIıİ", "s": "sSſ", "k": "kKK"}
_tag_name = st.sampled_from(["title", "textarea", "script", "html", "body", "xmp", "noframes",
                             "frameset", "h2", "h3"]).flatmap(
    lambda name: st.tuples(*(st.sampled_from(_FOLDS.get(c, c + c.upper())) for c in name)))
_tag = st.tuples(st.sampled_from(["<", "</"]), _tag_name.map("".join),
                 st.sampled_from([">", "/>", " x=1>", " ", "\n>"])).map("".join)
_marked_up = st.lists(st.one_of(_tag, _html_bits.map(str)), max_size=60).map("".join)


@given(_marked_up)
def test_the_text_repairs_before_parsing_never_raise(page):
    # parse_html directly: extract_html turns any exception into a reject, which the
    # property above cannot tell from a page that is no HTML
    tree = parse_html(page)
    assert tree is None or isinstance(tree.text_content(), str)


# What the metadata rules read: dates in the forms they parse (and broken ones), bylines,
# labels, JSON-LD and meta tags, around headings and the tags above.
_meta_bits = st.sampled_from([
    "<h1>Harbour bridge reopens</h1>", "<h2>", "</h2>", "<p>", "</p>", "<time datetime='",
    "2026-12-03T08:00:00+01:00", "'>", "</time>", "3. Dezember 2026", "Dec. 3, 2026",
    "03/12/2026", "12/31/2026 4:05 PM EST", "vor 3 Stunden", "Updated ", "Published on ",
    "Erschienen am: ", "Letzte Änderung: ", "Atualizado em ", "By ", "Von ", "Gastbeitrag von ",
    "Jane Doe", " and ", ", Reuters", "Posted by jd_99 at 3:05 PM", "<span class='byline'>",
    "</span>", "<div class='author'>", "</div>", "<a rel='author' href='/author/jane-doe'>",
    "</a>", "<dd>", "<dt>Datum</dt>", "Berlin, den ", "<meta name='author' content='",
    "<meta property='article:published_time' content='", "'>", "<script type="
    "'application/ld+json'>", '{"@type":"NewsArticle","datePublished":"', '","author":',
    '[{"name":"', '"}]', '"headline":"', "}", "</script>", "<title>", "</title>", "9999",
    "0000-00-00", "31.02.2026", "2026-13-45T25:61", "-1", "\u00a0", "ı", "é", "<article>",
    "</article>", "<ul><li>", "</li></ul>", "\n", " | ", "—"])
_meta_page = st.lists(st.one_of(_meta_bits, _tag), max_size=60).map(
    lambda bits: "<html><head></head><body>" + "".join(bits) + "</body></html>")


@given(_meta_page, st.sampled_from(["https://news.example/2026/12/03/story.html",
                                    "https://blog.example.de/beitrag?id=3", None]))
def test_the_metadata_rules_never_raise(page, url):
    # called directly: extract_html catches any exception of page_metadata and goes on
    # with none of the page's metadata, which no other test would notice
    tree = parse_html(page)
    if tree is not None:
        meta = page_metadata(tree, url, now=datetime(2026, 12, 7, tzinfo=UTC))
        assert meta.published_at is None or meta.published_at <= datetime(2026, 12, 9, tzinfo=UTC)


# Lines of an extracted text: story sentences, and furniture of the kinds the line rules
# drop, with the context rules' pieces (a related heading and its teasers, a contact box,
# a sign-up box's perks, a poster's name and profile, a repeated block, the headline).
_text_lines = st.sampled_from([
    "The harbour bridge reopened on Thursday after two years of repairs.",
    "Engineers replaced the cables and resurfaced the deck, officials said.",
    "Harbour bridge reopens", "News", "Related stories", "Read more:", "More from Metro",
    "Council approves budget", "Mayor resigns over expenses", "Share this:", "Like this:",
    "Subscribe to our newsletter.", "Want more stories like this?", "Join now or renew to get:",
    "— Instant access to special reports", "Kontakt", "Anna Berger", "Hauptstraße 12",
    "12345 Musterstadt", "Tel. 030 1234567", "- Anna Berger", "- Registriert seit: 12.3.2012",
    "Jane Doe is a reporter covering transport.", "About the author", "© 2026 Metro News",
    "Mit Material von dpa", "(Reporting by Jane Doe; Editing by John Roe)", "Advertisement",
    "Lesen Sie mehr zum Thema Verkehr:", "Alle Infos finden Sie hier.", "Photo: Jane Doe/AP",
    "Impressum | Datenschutz | Kontakt", "12 Kommentare", "Published Dec. 3, 2026", "By Jane Doe",
    "", " ", "Sign up", "Download (PDF, 245 KB)", "Zum Seitenanfang", "Tags: bridge, harbour"])
_text = st.lists(st.one_of(_text_lines, st.text(max_size=40)), max_size=40).map("\n".join)


@given(_text, st.sampled_from([(), ("Jane Doe",)]),
       st.sampled_from([None, "Harbour bridge reopens"]))
def test_boilerplate_removal_keeps_lines_in_order_and_counts_every_drop(text, authors, title):
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = remove_boilerplate(text, authors, title)
    kept = out.text.split("\n\n") if out.text else []
    it = iter(lines)
    assert all(any(k == ln for ln in it) for k in kept)  # a sub-sequence: nothing invented
    assert sum(out.removed.values()) == len(lines) - len(kept)  # every drop has its rule


_dump_lines = st.lists(st.one_of(
    st.sampled_from([" date 2024-04-04 https://a.example/1", "date 2024-04-05 https://b.example/2",
                     " date 2024-04-06https://c.example/3", "", "Title", "Body text.",
                     "date 2024 was set", "\r"]),
    st.text(max_size=30)), max_size=12)


@given(_dump_lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_splitting_a_dump_file_loses_no_line(lines, nl):
    """Every line of a dump file lands in exactly one article, in order (round 3: a
    file of several dumps is split at their headers). Round 13: a header glued to the end
    of a body line is put on a line of its own, so only whitespace may differ."""
    text = nl.join(lines)
    parts = split_dumps(text)
    flat = text.replace("\r\n", "\n").replace("\r", "\n")
    assert parts == [text] or "\n".join(parts) == flat or (
        "".join("\n".join(parts).split()) == "".join(flat.split()))
    for part in parts[1:]:  # each later article opens with its header
        assert part.lstrip(" ").lower().startswith("date")
