"""Opt-out signals: X-Robots-Tag, robots meta, TDMRep header/meta/tdmrep.json; and the
policies that act on them (clean's `opted_out` reject, enrich's withheld text)."""

from __future__ import annotations

import gzip

import pyarrow as pa
import pytest

from schemas import ARTICLES, conform
from tasks.clean.filters import opted_out
from tasks.common.codings import decoded_head
from tasks.common.rights import (
    DEFAULT_AGENT,
    as_column,
    header_signals,
    meta_signals,
    tdmrep_signals,
)
from tasks.enrich.rights import withhold_text

A = "pressroom"


@pytest.mark.parametrize(("headers", "want"), [
    ([("X-Robots-Tag", "noarchive")], {"noarchive"}),
    ([("x-robots-tag", "NoIndex, NoFollow")], {"noindex"}),
    ([("X-Robots-Tag", "none")], {"noindex"}),
    ([("X-Robots-Tag", "noai, noimageai")], {"noai", "noimageai"}),
    # repeated headers all count
    ([("X-Robots-Tag", "noindex"), ("X-Robots-Tag", "noarchive")], {"noindex", "noarchive"}),
    # another agent's directives are not ours; ours and * are
    ([("X-Robots-Tag", "googlebot: noarchive, noindex")], set()),
    ([("X-Robots-Tag", "pressroom: noarchive")], {"noarchive"}),
    ([("X-Robots-Tag", "noai, googlebot: noindex")], {"noai"}),
    ([("X-Robots-Tag", "googlebot: noindex, pressroom: noarchive")], {"noarchive"}),
    # a directive with a value is not an agent prefix
    ([("X-Robots-Tag", "unavailable_after: 25 Jun 2010 15:00:00 PST, noarchive")],
     {"noarchive"}),
    ([(b"X-Robots-Tag", b"noarchive")], {"noarchive"}),  # raw aiohttp headers
    ([("tdm-reservation", "1")], {"tdm-reservation"}),
    ([("TDM-Reservation", "0")], set()),
    ([("Content-Type", "text/html"), ("X-Robots-Tag", "all")], set()),
])
def test_header_signals(headers, want):
    assert header_signals(headers, A) == want


def test_meta_signals():
    page = b"""<html><head><title>x</title>
        <META NAME="Robots" CONTENT="noarchive, max-snippet:50">
        <meta content='noai' name='pressroom'>
        <meta name="googlebot" content="noindex">
        <meta name=tdm-reservation content=1>
        <meta property="og:title" content="noindex">
        </head><body><meta name="robots" content="noimageai"></body></html>"""
    assert meta_signals(page, A) == {"noarchive", "noai", "tdm-reservation"}
    assert meta_signals("<meta name='robots' content='index, follow'>", A) == set()
    assert meta_signals(b"", A) == set()


def test_meta_in_a_compressed_body_is_seen_through_its_decoded_head():
    page = b"<html><head><meta name='robots' content='noarchive'></head>" + b"x" * 100_000
    head = decoded_head(gzip.compress(page), "gzip", 4096)
    assert len(head) == 4096 and meta_signals(head, A) == {"noarchive"}
    # text under a gzip label is the text, as decode_body reads it (fault round 9)
    assert decoded_head(b"not gzip", "gzip", 100) == b"not gzip"
    assert decoded_head(b"\x1f\x8b\x08 not gzip", "gzip", 100) == b""
    assert decoded_head(page, None, 10) == page[:10]


def test_tdmrep_json_rules():
    doc = b"""[{"location": "/news/free/*", "tdm-reservation": 0},
               {"location": "/news/*", "tdm-reservation": 1,
                "tdm-policy": "https://e.com/policy.json"},
               {"location": "/about$", "tdm-reservation": 1}]"""
    assert tdmrep_signals(doc, "/news/free/a.html") == set()  # first match decides
    assert tdmrep_signals(doc, "/news/2024/a.html") == {"tdm-reservation"}
    assert tdmrep_signals(doc, "/about") == {"tdm-reservation"}
    assert tdmrep_signals(doc, "/about/team") == set()
    assert tdmrep_signals(doc, "/sport/a") == set()
    assert tdmrep_signals(b"not json", "/news/a") == set()
    assert tdmrep_signals(b'{"location": "/"}', "/news/a") == set()


def test_as_column_sorted_distinct_and_empty_means_looked():
    assert as_column({"noindex", "noai"}, {"noai"}, None) == ["noai", "noindex"]
    assert as_column(set(), set()) == []


def test_skip_policy_rejects_opted_out_pages_only():
    signals = ["noai", "tdm-reservation"]
    verdict = opted_out(["noarchive", "tdm-reservation"], "skip", signals)
    assert verdict.reason == "opted_out" and "tdm-reservation" in verdict.detail
    assert opted_out(["noarchive", "noindex"], "skip", signals) is None
    assert opted_out(None, "skip", signals) is None
    assert opted_out(["noai"], "metadata", signals) is None
    assert opted_out(["noai"], "keep", signals) is None


def _articles(rights: list) -> pa.Table:
    return conform([{"article_id": f"a{i}", "url": f"https://e.com/{i}",
                     "canonical_url": f"https://e.com/{i}", "domain": "e.com",
                     "source_kind": "url", "text": f"Text {i}.", "word_count": 2,
                     "content_hash": f"h{i}", "run_id": "r", "rights": r}
                    for i, r in enumerate(rights)], ARTICLES, "articles")


def test_metadata_policy_withholds_only_opted_out_texts():
    table = _articles([["noai"], ["noarchive"], None, ["tdm-reservation", "noindex"]])
    out = withhold_text(table, "metadata", ["noai", "tdm-reservation"])
    assert out.column("text").to_pylist() == ["", "Text 1.", "Text 2.", ""]
    assert out.column("content_hash").to_pylist() == ["h0", "h1", "h2", "h3"]
    assert out.schema == table.schema
    assert withhold_text(table, "keep", ["noai"]).column("text").to_pylist()[0] == "Text 0."


def test_meta_values_that_are_not_utf8_are_still_read():
    page = b"<head><meta name='description' content='caf\xe9'><meta name='robots' content='noai'>"
    assert meta_signals(page, A) == {"noai"}


def test_meta_signals_of_a_text_with_undecodable_bytes_kept_as_surrogates():
    # a page decoded with surrogateescape keeps its bad bytes as lone surrogates
    page = b"<head><meta name=robots content=noai>\xff</head>".decode("utf-8", "surrogateescape")
    assert meta_signals(page, A) == {"noai"}


def test_an_agent_prefix_without_directives_scopes_the_ones_after_it():
    # "otherbot:" alone: what follows is for otherbot; empty list items are skipped
    assert header_signals([("X-Robots-Tag", "otherbot:, noai")], A) == set()
    assert header_signals([("X-Robots-Tag", "pressroom:, noai, , noarchive")], A) == {
        "noai", "noarchive"}


def test_tdmrep_rules_that_are_not_objects_with_a_location_are_skipped():
    doc = '["x", {"tdm-reservation": 1}, {"location": 5}, {"location": "/", "tdm-reservation": 1}]'
    assert tdmrep_signals(doc, "/a.html") == {"tdm-reservation"}


def test_the_opt_out_signals_acted_on_are_those_of_the_policy():
    from tasks.common.rights import opted_out as acted_on

    assert acted_on(["noindex", "tdm-reservation", "noai"], ["noai", "tdm-reservation"]) == [
        "noai", "tdm-reservation"]
    assert acted_on(None, ["noai"]) == []


def test_meta_signals_read_any_spelling_of_the_names_among_many_other_tags():
    others = b"".join(b'<meta property="og:x%d" content="noai">' % i for i in range(40))
    page = (b"<head>" + others + b"<meta NAME='PressRoom' CONTENT='noai'>"
            + b"<meta name=' ROBOTS ' content='noarchive'><meta name='TDM-Reservation'"
            b" content='1'></head>")
    assert meta_signals(page, "PRESSroom") == {"noai", "noarchive", "tdm-reservation"}
    assert meta_signals(others, A) == set()


def test_a_batch_without_a_rights_column_is_returned_as_is():
    table = pa.table({"article_id": ["a0"], "text": ["Text 0."]})
    assert withhold_text(table, "metadata", ["noai"]) is table


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_meta_in_a_utf16_page_is_read(codec) -> None:
    """Fault round 9: the meta scan matched bytes, and UTF-16 markup has a NUL in every
    ASCII character: a noai meta in a UTF-16 page (which the fetcher and the extraction
    read, with or without a BOM) was never seen."""
    page = ('<html><head><meta name="robots" content="noai, noarchive">'
            "<title>Zürich</title></head><body><p>x</p></body></html>")
    assert meta_signals(page.encode(codec), DEFAULT_AGENT) == {"noai", "noarchive"}
    assert meta_signals(page.encode("utf-8"), DEFAULT_AGENT) == {"noai", "noarchive"}


# --- fault round 9: a hostile /.well-known/tdmrep.json --------------------------------

def _regex_location_matches(pattern: str, path: str) -> bool:
    """The matcher before round 9 (a regex of `.*` between the pieces), as the
    reference for small inputs."""
    import re

    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(piece) for piece in body.split("*"))
    return re.match(regex + ("$" if anchored else ""), path) is not None


def test_a_location_pattern_is_matched_as_before_on_every_small_case() -> None:
    import itertools

    from tasks.common.rights import _location_matches

    paths = ["".join(p) for n in range(6) for p in itertools.product("ab/", repeat=n)]
    patterns = ["".join(p) + end for n in range(5) for p in itertools.product("ab/*", repeat=n)
                for end in ("", "$")]
    for pattern in patterns:
        for path in paths:
            assert _location_matches(pattern, path) == _regex_location_matches(pattern, path), (
                pattern, path)


def test_a_location_pattern_built_to_backtrack_is_matched_in_linear_time() -> None:
    """"/*a*a*a*a*a*a*a*ab" against a path of 60 "a": 0.4 s of CPU at 6 pieces, 20 s at 8,
    doubling with each more, inside the fetcher's event loop (no deadline fires there):
    the whole batch hung on one site's tdmrep.json. 50,000 pieces (a 256 KiB file) and a
    7,000-character path now take milliseconds; the deadline only turns a regression into
    a failure instead of a hang (a child process, killed at it)."""
    import subprocess
    import sys

    code = ("import json\nfrom tasks.common.rights import tdmrep_signals\n"
            "for k in (8, 30, 50000):\n"
            "    doc = json.dumps([{'location': '/' + '*a' * k + 'b', 'tdm-reservation': 1},\n"
            "                      {'location': '/', 'tdm-reservation': 1}])\n"
            "    assert tdmrep_signals(doc, '/' + 'a' * 7000) == {'tdm-reservation'}\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


def test_a_tdmrep_file_nested_past_the_recursion_limit_says_nothing() -> None:
    """"[[[[..." 100,000 deep (200 KB, under the 256 KiB read): json.loads raised
    RecursionError, which went up through the fetch of the page (internal_error)."""
    assert tdmrep_signals("[" * 100_000 + "]" * 100_000, "/x") == set()
    assert tdmrep_signals(b'[{"location": "/", "tdm-reservation": 1}]', "/x") == {
        "tdm-reservation"}


def test_a_robots_meta_with_an_attribute_that_is_not_utf8_is_still_read():
    # the bad byte in the robots tag itself, whose attributes are read (a description's
    # tag is passed over unread)
    page = b"<head><meta name='robots' content='noai' data-note='caf\xe9'></head>"
    assert meta_signals(page, A) == {"noai"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_with_a_bom_is_read_by_its_bom_whatever_its_first_letters(codec):
    # a long CJK title first: too few NULs in the first 256 bytes to tell UTF-16 without
    # the BOM, so only the byte-order mark (FF FE or FE FF) says how to read the head
    page = ('<html><head><title>' + "港口大桥维修两年后重新开放" * 10 + '</title>'
            '<meta name="robots" content="noai"></head><body><p>x</p></body></html>')
    data = (b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff") + page.encode(codec)
    assert meta_signals(data, DEFAULT_AGENT) == {"noai"}


def test_a_utf16_page_cut_inside_a_character_is_still_read() -> None:
    # seed 50: the head of a UTF-16 page whose last byte is half a character (a body cut
    # at the byte cap) or holding a lone surrogate decodes with replacements, not an error
    page = ('<html><head><meta name="robots" content="noai">'
            "<title>T</title></head><body><p>x</p></body></html>").encode("utf-16-le")
    assert meta_signals(page + b"<", DEFAULT_AGENT) == {"noai"}
    assert meta_signals(b"\x00\xd8" + page, DEFAULT_AGENT) == {"noai"}


def test_directives_for_every_crawler_after_another_agents_apply_again():
    # seed 51: "*:" ends the other agent's part of the list, as our own name does
    assert header_signals([("X-Robots-Tag", "googlebot: noindex, *: noarchive")], A) == {
        "noarchive"}
    assert header_signals([("X-Robots-Tag", "googlebot: noindex, * : noai")], A) == {"noai"}


def test_a_meta_tag_without_content_says_nothing():
    # seed 52: <meta name="robots"> or <meta name="tdm-reservation"> with no content
    # attribute is no directive and no error; the tags around it still count
    page = (b"<html><head><meta name='robots'><meta name=tdm-reservation>"
            b"<meta name='pressroom'><meta name='robots' content='noarchive'></head></html>")
    assert meta_signals(page, A) == {"noarchive"}


@pytest.mark.parametrize("head", [
    '<!-- <meta name="robots" content="noai, noarchive"> -->',
    '<!--<meta name="robots" content="noindex,noarchive"><meta name="tdm-reservation" '
    'content="1">-->',
    '<!--[if IE]><meta name="robots" content="noai"><![endif]-->',
])
def test_a_robots_meta_inside_an_html_comment_says_nothing(head) -> None:
    """A staging template's robots meta commented out (fault round 33): no crawler reads a
    comment, and it withheld the text (noai) and the archived body (noarchive)."""
    html = f"<html><head>{head}<title>t</title></head><body><p>x</p></body></html>"
    assert meta_signals(html.encode(), DEFAULT_AGENT) == set()
    after = html.replace("<title>", '<meta name="robots" content="noarchive"><title>')
    assert meta_signals(after.encode(), DEFAULT_AGENT) == {"noarchive"}


def test_comments_by_the_thousand_before_a_robots_meta_cost_linear_time() -> None:
    """The 512 KiB head scan steps over each comment once (no rescan to the next meta)."""
    import time
    for junk in (b"<!-- a -->" * 50_000, b"<!-- <meta x> -->" * 30_000):
        html = b"<html><head>" + junk + b'<meta name="robots" content="noai"></head>'
        start = time.process_time()
        assert meta_signals(html, DEFAULT_AGENT) == {"noai"}
        assert time.process_time() - start < 0.5


def test_a_meta_at_the_very_start_of_the_page_is_read_and_one_never_closed_is_not() -> None:
    # seed 62: HTML5 needs no <html> or <head>: a page may open with its robots meta; a
    # tag the bytes end inside (no ">") is no tag, as for browsers
    assert meta_signals(b'<meta name="robots" content="noai"><title>x</title>', A) == {"noai"}
    assert meta_signals(b"<title>x</title><meta name=robots content=noai", A) == set()


@pytest.mark.parametrize("date", [
    "Wed, 25 Jun 2026 15:00:00 GMT",  # RFC 822, as Google's documentation allows
    "Wednesday, 25-Jun-26 15:00:00 GMT",  # RFC 850
])
def test_a_directive_after_an_unavailable_after_date_written_with_a_comma_counts(date):
    """Fault round 42: the comma inside the date split the list there, and the date's
    rest ("25 jun 2026 15:00:00 gmt") was read as a user-agent prefix ("25 jun 2026 15"):
    every directive after it was that agent's, not ours, and the page's noarchive (or
    noai) was lost, its copy kept and its text mined. A prefix is a product token, which
    holds no space."""
    value = f"unavailable_after: {date}, noarchive, noai"
    assert header_signals([("X-Robots-Tag", value)], A) == {"noarchive", "noai"}
    page = f'<html><head><meta name="robots" content="{value}"></head></html>'.encode()
    assert meta_signals(page, A) == {"noarchive", "noai"}
    # an agent prefix after the date still scopes what follows it
    assert header_signals([("X-Robots-Tag", f"unavailable_after: {date}, googlebot: noai")],
                          A) == set()


@pytest.mark.parametrize(("location", "path"), [
    ("/actualités/*", "/actualit%C3%A9s/article-1.html"),  # the file in UTF-8, the URL escaped
    ("/actualit%c3%a9s/*", "/actualit%C3%A9s/article-1.html"),  # escapes in either case
    ("/actualit%C3%A9s/*", "/actualités/article-1.html"),  # a URL taken as an IRI
    ("/dossiers spéciaux/*", "/dossiers%20sp%C3%A9ciaux/a"),
    ("/%7Eredaction/*", "/~redaction/a"),  # an escaped unreserved character
])
def test_a_tdmrep_location_matches_the_path_however_either_escapes_its_characters(location, path):
    """Fault round 42: the location and the request path were compared as strings. A
    French publisher (TDMRep's own) writing `"location": "/actualités/*"` reserved
    nothing for the page `/actualit%C3%A9s/...` that every crawler requests, nor did
    escapes in lower case: the reservation was lost and the text mined. Both are
    compared as RFC 9309 (2.2.2) compares robots.txt paths: non-ASCII characters
    percent-encoded in UTF-8, escapes in one case, unreserved characters unescaped."""
    import json

    doc = json.dumps([{"location": location, "tdm-reservation": 1}], ensure_ascii=False)
    assert tdmrep_signals(doc, path) == {"tdm-reservation"}
    assert tdmrep_signals(doc, "/sport/a") == set()


@pytest.mark.parametrize("value, reserved", [
    ("1", True), ("true", True), ('"1"', True), ('"true"', True), ('" TRUE "', True),
    ("0", False), ("false", False), ('"0"', False), ("null", False), ('"no"', False),
])
def test_a_tdmrep_reservation_written_as_true_or_a_string_reserves(value, reserved):
    # fault round 42's known item: `true` read as no reservation, and the text mined
    doc = f'[{{"location": "/news/*", "tdm-reservation": {value}}}]'
    assert tdmrep_signals(doc, "/news/a.html") == ({"tdm-reservation"} if reserved else set())


def test_a_single_tdmrep_rule_outside_a_list_is_read():
    doc = '{"location": "/news/*", "tdm-reservation": 1}'
    assert tdmrep_signals(doc, "/news/a.html") == {"tdm-reservation"}
    assert tdmrep_signals(doc, "/sport/a.html") == set()


# seed 69: comparable_path's escapes, a missing page path, a valued directive after an agent


def test_comparable_paths_unescape_only_unreserved_characters_and_escape_in_capitals() -> None:
    from tasks.common.rights import comparable_path

    assert comparable_path("/a%2fb%7e%c3%a9") == "/a%2Fb~%C3%A9"
    assert comparable_path("/actualités/") == "/actualit%C3%A9s/"


def test_a_tdmrep_rule_for_the_root_covers_a_page_without_a_path() -> None:
    rules = b'[{"location": "/", "tdm-reservation": 1}]'
    assert tdmrep_signals(rules, "") == {"tdm-reservation"}


def test_a_valued_directive_after_an_agent_prefix_keeps_the_agent_scope() -> None:
    # "otherbot: unavailable_after: ..." is otherbot's: the noai after it too
    value = "otherbot: unavailable_after: 2026-07-01, noai"
    assert header_signals([("X-Robots-Tag", value)], DEFAULT_AGENT) == set()
    assert header_signals([("X-Robots-Tag", "noarchive, " + value)], DEFAULT_AGENT) == {
        "noarchive"}
