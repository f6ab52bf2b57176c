"""robots.txt outcomes per RFC 9309 and the rules we read from them."""

from __future__ import annotations

import pytest

from tasks.fetch.robots import agent_token, robots_url, rules_from_fetch

ROBOTS = b"""
User-agent: *
Disallow: /private/
Crawl-delay: 7

User-agent: pressroom
Disallow: /news/drafts/
Allow: /news/drafts/public$
Disallow: /*.pdf$
Crawl-delay: 3
"""


def test_parsed_rules_use_our_group() -> None:
    rules = rules_from_fetch(200, ROBOTS, None)
    assert rules.state == "parsed"
    agent = agent_token("pressroom/0.1 (+https://example.org/bot; bot@example.org)")
    assert agent == "pressroom"
    assert rules.allows("https://a.example/news/story.html", agent)
    assert not rules.allows("https://a.example/news/drafts/x.html", agent)
    assert rules.allows("https://a.example/news/drafts/public", agent)
    assert not rules.allows("https://a.example/files/report.pdf", agent)
    # our own group replaces *: /private/ is not disallowed for us
    assert rules.allows("https://a.example/private/x", agent)
    assert rules.crawl_delay(agent) == 3.0
    assert not rules.allows("https://a.example/private/x", "otherbot")
    assert rules.crawl_delay("otherbot") == 7.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410])
def test_4xx_allows_everything(status: int) -> None:
    rules = rules_from_fetch(status, b"Disallow: /", None)
    assert rules.state == "unavailable"
    assert rules.allows("https://a.example/anything", "pressroom")
    assert rules.crawl_delay("pressroom") is None


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_5xx_and_429_disallow_everything(status: int) -> None:
    rules = rules_from_fetch(status, b"", None)
    assert rules.state == "unreachable"
    assert not rules.allows("https://a.example/", "pressroom")
    assert str(status) in rules.detail


@pytest.mark.parametrize("error", ["timeout_headers", "connect_error", "connection_reset"])
def test_network_failures_disallow(error: str) -> None:
    rules = rules_from_fetch(None, None, error)
    assert not rules.allows("https://a.example/", "pressroom")
    assert rules.detail == f"robots.txt {error}"  # no ": None" without a detail
    assert rules_from_fetch(None, None, error, "after 1.0 s").detail == (
        f"robots.txt {error}: after 1.0 s")


def test_too_many_redirects_means_unavailable() -> None:
    assert rules_from_fetch(None, None, "too_many_redirects").allows("https://a.example/", "x")


def test_empty_file_allows() -> None:
    assert rules_from_fetch(200, b"", None).allows("https://a.example/x", "pressroom")


def test_only_first_500_kib_parsed() -> None:
    body = b"User-agent: *\n" + b"# filler\n" * 60_000 + b"Disallow: /\n"
    assert rules_from_fetch(200, body, None).allows("https://a.example/x", "pressroom")


def test_robots_url_keeps_scheme_host_port() -> None:
    assert robots_url("HTTP://Example.org:8080/a/b?c") == "http://example.org:8080/robots.txt"


def test_failures_any_page_would_meet_keep_their_kind() -> None:
    rules = rules_from_fetch(None, None, "blocked_address")
    assert not rules.allows("https://a.example/", "pressroom")
    assert rules.error_kind == "blocked_address"
    assert rules_from_fetch(None, None, "connect_error").error_kind == "robots_unreachable"
    assert rules_from_fetch(None, None, "timeout_headers").error_kind == "robots_timeout"
    assert rules_from_fetch(503, b"", None).error_kind == "robots_server_error"


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [("pressroom/0.1 (+https://x.example)", "pressroom"), ("Mozilla/5.0 (compatible)", "Mozilla"),
     ("newsbot", "newsbot"), ("", "*"), ("   ", "*"),
     # no product token before the version: the * group, not an IndexError in Fetcher()
     ("/0.1 (+https://x.example)", "*")],
)
def test_agent_token(user_agent: str, token: str) -> None:
    assert agent_token(user_agent) == token


def test_no_response_at_all_disallows_as_unreachable() -> None:
    rules = rules_from_fetch(None, None, None)
    assert (rules.state, rules.error_kind) == ("unreachable", "robots_unreachable")
    assert not rules.allows("https://a.example/", "pressroom")
    assert rules.crawl_delay("pressroom") is None


def test_redirect_targets_are_absolute_without_credentials_or_refused() -> None:
    from tasks.fetch.redirects import redirect_target

    page = "https://a.example/news/1"
    assert redirect_target(page, " /moved ") == "https://a.example/moved"
    assert redirect_target(page, "https://user:pw@b.example/x") == "https://b.example/x"
    assert redirect_target(page, "http://[::1/x") is None  # unclosed IPv6 literal
    assert redirect_target(page, "http://b.example:port/x") is None  # port not a number


def test_archived_request_heads_carry_no_injected_header_lines() -> None:
    from tasks.fetch.client import http_request_head

    head = http_request_head("GET", "/a", [("Referer", "https://x.example/\r\nX-Evil: 1"),
                                           ("X-Other", "line\nbreak")])
    lines = head.decode().split("\r\n")
    assert lines[0] == "GET /a HTTP/1.1"
    assert "Referer: https://x.example/%0D%0AX-Evil: 1" in lines
    assert "X-Other: line%0Abreak" in lines
    assert not any(line.startswith("X-Evil") for line in lines)


@pytest.mark.parametrize("encode", [
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),       # UTF-8 with a BOM
    lambda t: t.encode("utf-16"),                        # UTF-16 with its BOM (LE here)
    lambda t: b"\xfe\xff" + t.encode("utf-16-be"),       # UTF-16 BE with its BOM
    lambda t: t.encode("utf-16-le"),                     # UTF-16 without a BOM
    lambda t: t.encode("utf-16-be"),
], ids=["utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be"])
def test_a_byte_order_mark_or_utf16_file_is_read_as_its_text(encode) -> None:
    text = "User-agent: *\nDisallow: /private/\nCrawl-delay: 7\n"
    rules = rules_from_fetch(200, encode(text), None)
    assert not rules.allows("https://news.example/private/a", "pressroom")
    assert rules.allows("https://news.example/public/a", "pressroom")
    assert rules.crawl_delay("pressroom") == 7.0


def test_robots_text_of_plain_utf8_and_an_odd_utf16_length() -> None:
    from tasks.fetch.robots import robots_text

    assert robots_text("Disallow: /zürich\n".encode()) == "Disallow: /zürich\n"
    assert robots_text(None) == ""
    # a UTF-16 body cut at an odd byte (the 500 KiB cap) loses only the half character
    assert robots_text("Disallow: /a\n".encode("utf-16")[:-1]) == "Disallow: /a"


def test_the_shortest_utf16_body_without_a_bom_is_read_as_utf16() -> None:
    from tasks.fetch.robots import robots_text

    # four bytes, two characters: the least the NUL pattern can be judged on
    assert robots_text("#\n".encode("utf-16-le")) == "#\n"
    assert robots_text("#\n".encode("utf-16-be")) == "#\n"


# ("5s" was here: since fault round 22 it is read as 5 seconds, below)
@pytest.mark.parametrize("value", ["nan", "inf", "-5", "1e309", "abc", "5 parsecs", "5s5"])
def test_a_crawl_delay_that_is_no_usable_number_is_no_delay_and_keeps_the_rules(value) -> None:
    rules = rules_from_fetch(200, f"User-agent: *\nCrawl-delay: {value}\nDisallow: /p\n"
                             .encode(), None)
    assert rules.crawl_delay("pressroom") is None
    assert not rules.allows("https://news.example/p", "pressroom")
    assert rules.allows("https://news.example/x", "pressroom")


def test_an_html_page_served_as_robots_txt_has_no_rules_so_allows() -> None:
    page = b"<html><body><h1>Welcome</h1><p>User-agent: * Disallow: /</p></body></html>"
    assert rules_from_fetch(200, page, None).allows("https://news.example/x", "pressroom")


def test_a_utf16_body_with_a_broken_character_keeps_the_rest_of_its_rules() -> None:
    # seed 51: a lone surrogate (a cut or a bad editor) is one replacement character,
    # not an error that loses the whole file
    from tasks.fetch.robots import robots_text

    body = (b"\xff\xfe" + "Disallow: /".encode("utf-16-le") + b"\x00\xd8"
            + "x\nDisallow: /b\n".encode("utf-16-le"))
    assert robots_text(body) == "Disallow: /\ufffdx\nDisallow: /b\n"


def test_a_utf8_body_with_a_byte_that_is_no_utf8_keeps_its_rules() -> None:
    # seed 52: a Latin-1 comment (an editor that saved it so) is one replacement
    # character, not an error that loses the whole file
    from tasks.fetch.robots import robots_text

    body = b"# Caf\xe9 news\nUser-agent: *\nDisallow: /private/\n"
    assert robots_text(body) == "# Caf\ufffd news\nUser-agent: *\nDisallow: /private/\n"
    rules = rules_from_fetch(200, body, None)
    assert not rules.allows("https://news.example/private/x", "pressroom")
    assert rules.allows("https://news.example/news/x", "pressroom")


# Fault round 22: group and delay lines as sites write them.
@pytest.mark.parametrize("line", [
    "User-agent: pressroom/1.0", "User-agent: Pressroom/0.1 (+https://example.org/bot)",
    "User-agent: pressroom (+https://example.org/bot)", "user-agent:pressroom/2\r",
    "User-agent: pressroom/1.0 # our crawler",
])
def test_a_group_naming_our_token_with_a_version_or_comment_is_ours(line) -> None:
    """RFC 9309 2.2.1 matches the product token; Google's parser reads such a line by its
    leading token. Before: Protego compared "pressroom/1.0" with "pressroom", the group
    was nobody's, and the `Disallow: /` addressed to us was not obeyed (allowed)."""
    rules = rules_from_fetch(200, f"User-agent: *\nDisallow: /private/\n\n{line}\n"
                             "Disallow: /\n".encode(), None)
    assert not rules.allows("https://news.example/story.html", "pressroom")


@pytest.mark.parametrize("line", ["User-agent: pressroom-bot/1.0", "User-agent: pressroomx",
                                  "User-agent: otherbot/1.0 (pressroom)"])
def test_a_group_of_another_token_stays_anothers(line) -> None:
    rules = rules_from_fetch(200, f"{line}\nDisallow: /\n".encode(), None)
    assert rules.allows("https://news.example/story.html", "pressroom")


@pytest.mark.parametrize(("value", "seconds"), [
    ("10s", 10.0), ("10 s", 10.0), ("5 seconds", 5.0), ("1 second", 1.0), ("2sec", 2.0),
    ("1,5", 1.5), ("'5'", 5.0), ('"2.5"', 2.5), ("500ms", 0.5), ("500 milliseconds", 0.5),
    ("10s # please", 10.0), ("7\r", 7.0),
])
def test_a_crawl_delay_written_with_its_unit_or_a_decimal_comma_is_read(value, seconds) -> None:
    """Before: Protego takes a bare number only, and dropped each of these without a word
    (no delay: the site's requested pace not kept)."""
    rules = rules_from_fetch(200, f"User-agent: *\nCrawl-delay: {value}\nDisallow: /p\n"
                             .encode(), None)
    assert rules.crawl_delay("pressroom") == seconds
    assert not rules.allows("https://news.example/p", "pressroom")


@pytest.mark.parametrize(("value", "seconds"), [
    ("1m", 60.0), ("2 min", 120.0), ("1 minute", 60.0), ("0,5 minutes", 30.0),
    ("3 mins # slow please", 180.0), ("1M", 60.0), ("250 milliseconds", 0.25),
])
def test_a_crawl_delay_in_minutes_is_read(value, seconds) -> None:
    """Fault round 23 (round 22's known item): a delay in minutes was no delay, so a site
    that asked for one request a minute got them at the per-host delay. (Milliseconds
    stay milliseconds.)"""
    rules = rules_from_fetch(200, f"User-agent: *\nCrawl-delay: {value}\n".encode(), None)
    assert rules.crawl_delay("pressroom") == seconds


@pytest.mark.parametrize("value", ["1mm", "1 month", "5m5", "1 mile"])
def test_a_crawl_delay_of_another_unit_stays_no_delay(value) -> None:
    rules = rules_from_fetch(200, f"User-agent: *\nCrawl-delay: {value}\n".encode(), None)
    assert rules.crawl_delay("pressroom") is None


def test_a_crawl_delay_with_an_equals_sign_or_cr_line_ends_is_read() -> None:
    rules = rules_from_fetch(200, b"User-agent: *\rcrawl-delay = 4\rDisallow: /p\r", None)
    assert rules.crawl_delay("pressroom") == 4.0
    assert not rules.allows("https://news.example/p", "pressroom")


@pytest.mark.parametrize(("lines", "seconds"), [
    ("Request-rate: 1/10s", 10.0), ("Request-rate: 1/5", 5.0), ("Request-rate: 2/1m", 30.0),
    ("Request-rate: 1/5s 0900-1700", 5.0),  # a rate for working hours: kept all day
    ("Request-rate: 1/5\nCrawl-delay: 2", 5.0),  # the slower of the two
    ("Request-rate: 10/1s\nCrawl-delay: 2", 2.0),
])
def test_a_request_rate_is_a_pace_kept_as_a_crawl_delay(lines, seconds) -> None:
    """Fault round 23: Protego reads the Request-rate extension, but it was never asked.
    Before: a site that set its pace with `Request-rate: 1/10s` alone got no delay."""
    rules = rules_from_fetch(200, f"User-agent: *\n{lines}\nDisallow: /p\n".encode(), None)
    assert rules.crawl_delay("pressroom") == seconds


@pytest.mark.parametrize("value", ["0/5", "1/0", "fast", "1/"])
def test_a_request_rate_of_no_pace_is_no_delay(value) -> None:
    rules = rules_from_fetch(200, f"User-agent: *\nRequest-rate: {value}\n".encode(), None)
    assert rules.crawl_delay("pressroom") is None


# Mutation seed 57: the field names in capitals, as RFC 9309 allows and Protego reads.
@pytest.mark.parametrize("body", [
    b"USER-AGENT: pressroom/1.0\nDISALLOW: /\n", b"User-Agent: pressroom (+bot)\nDisallow: /\n",
    b"USER-AGENT: *\nCRAWL-DELAY: 2s\nDISALLOW: /\n",
])
def test_a_group_or_delay_line_in_capitals_is_rewritten_as_in_lower_case(body) -> None:
    """Before: the cheap test for such lines looked for "gent" and "elay" as written, so a
    file spelling its field names in capitals was handed to Protego as it was: the group
    naming `pressroom/1.0` nobody's (its `Disallow: /` not obeyed), the `2s` no delay."""
    rules = rules_from_fetch(200, body, None)
    assert not rules.allows("https://news.example/story.html", "pressroom")
    assert rules.crawl_delay("pressroom") == (2.0 if b"CRAWL" in body else None)


# Mutation seed 57: rules_from_fetch's other outcomes, each with its fetch_log detail.
@pytest.mark.parametrize(("status", "error", "state", "detail"), [
    (None, "redirect_loop", "unavailable", "robots.txt redirect_loop"),
    (None, "too_many_redirects", "unavailable", "robots.txt too_many_redirects"),
    (None, None, "unreachable", "robots.txt no response"),
    (200, None, "parsed", "robots.txt 200"),
    (299, None, "parsed", "robots.txt 299"),
    (300, None, "unavailable", "robots.txt 300"),  # a 3xx not followed: no rules
    (404, None, "unavailable", "robots.txt 404"),
])
def test_each_robots_outcome_says_what_it_was(status, error, state, detail) -> None:
    rules = rules_from_fetch(status, b"User-agent: *\nDisallow: /\n", error)
    assert (rules.state, rules.detail) == (state, detail)
    assert rules.allows("https://a.example/x", "pressroom") is (state == "unavailable")


@pytest.mark.parametrize(("rule", "url"), [
    ("Disallow: https://news.example/private/", "https://news.example/private/a"),
    ("Disallow: http://news.example/private/", "https://news.example/private/a"),
    ("disallow:https://NEWS.example/private/  # our drafts", "https://news.example/private/a"),
    ("Disallow: https://news.example/search?q=", "https://news.example/search?q=x"),
    ("Disallow: https://news.example", "https://news.example/any"),
])
def test_a_rule_written_as_a_full_url_is_read_as_its_path(rule, url) -> None:
    """Fault round 27: `Disallow: https://news.example/private/`, an address copied from
    the browser. RFC 9309's patterns start with "/", and Protego matched the value
    against no path: the rule was not obeyed (allowed). Now its path is the rule."""
    rules = rules_from_fetch(200, f"User-agent: *\n{rule}\n".encode(), None)
    assert not rules.allows(url, "pressroom")
    assert rules.allows("https://news.example/public/a", "pressroom") == (
        rule != "Disallow: https://news.example")


def test_an_allow_written_as_a_full_url_opens_its_path_again() -> None:
    """The Allow twin of the rule above, beside a path rule as written."""
    rules = rules_from_fetch(200, b"User-agent: *\nDisallow: /private/\n"
                                  b"Allow: https://news.example/private/open\n", None)
    assert rules.allows("https://news.example/private/open", "pressroom")
    assert not rules.allows("https://news.example/private/shut", "pressroom")
