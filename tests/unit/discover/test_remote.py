"""discover_remote without a network: feeds and sitemaps through a fake fetch_urls. The
rows, rejects and counters it returns are what discover's ledger and the warehouse get."""

from __future__ import annotations

from datetime import UTC, datetime

from tasks.discover.remote import RemoteLimits, discover_remote

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)

RSS = b"""<rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>https://news.example/one</link></item>
<item><title>Two</title><link>https://news.example/two</link></item>
</channel></rss>"""

URLSET = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://news.example/two</loc><lastmod>2024-05-01</lastmod></url>
<url><loc>https://news.example/three</loc></url></urlset>"""


def index(children: list[tuple[str, str]]) -> bytes:
    items = "".join(f"<sitemap><loc>{u}</loc><lastmod>{d}</lastmod></sitemap>"
                    for u, d in children)
    return (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}'
            "</sitemapindex>").encode()


def fetcher(bodies: dict[str, bytes]):
    def fetch_urls(urls: list[str]):
        got = {u: bodies[u] for u in urls if u in bodies}
        return got, [{"url": u, "error": None if u in got else "http_404"} for u in urls]
    return fetch_urls


def test_items_are_counted_per_kind_and_merged_across_sources() -> None:
    bodies = {"https://news.example/rss": RSS, "https://news.example/sitemap.xml": URLSET}
    result = discover_remote(["https://news.example/rss"], ["https://news.example/sitemap.xml"],
                             fetcher(bodies), "run-1", NOW,
                             urls=[("https://news.example/listed", "sources.toml")])
    rows = {r["url"]: r for r in result.rows}
    assert list(rows) == ["https://news.example/one", "https://news.example/two",
                          "https://news.example/three", "https://news.example/listed"]
    # /two is in the feed and the sitemap: the feed's row wins, the sitemap fills its date
    assert rows["https://news.example/two"]["source_kind"] == "feed"
    assert rows["https://news.example/two"]["hint_published_source"] == "sitemap_lastmod"
    assert (rows["https://news.example/listed"]["source_kind"],
            rows["https://news.example/listed"]["source"]) == ("url", "sources.toml")
    assert result.stats == {"feed_fetched": 1, "sitemap_fetched": 1, "sitemaps_parsed": 1,
                            "feed_items": 2, "sitemap_items": 1, "merged_duplicate_url": 1,
                            "url_items": 1}


def test_a_sitemap_that_is_not_one_is_a_sitemap_reject() -> None:
    url = "https://news.example/sitemap.xml"
    result = discover_remote([], [url], fetcher({url: b"<html><body>404</body></html>"}),
                             "run-1", NOW)
    [rej] = result.rejects
    assert (rej["reason"], rej["source_kind"], rej["source"], rej["url"], rej["input_key"],
            rej["run_id"]) == ("not_a_sitemap", "sitemap", url, url, url, "run-1")
    assert result.stats["rejected_not_a_sitemap"] == 1


def test_old_children_are_one_reject_per_index_listing_the_first_five() -> None:
    root = "https://news.example/index.xml"
    one_old = index([("https://news.example/2019.xml", "2019-01-01")])
    result = discover_remote([], [root], fetcher({root: one_old}), "r", NOW,
                             RemoteLimits(max_child_age_days=30))
    [rej] = result.rejects
    assert (rej["reason"], rej["input_key"]) == ("sitemap_child_too_old",
                                                 f"{root}#sitemap_child_too_old")
    assert rej["detail"].startswith("1 child sitemap(s) not fetched, lastmod before 2024-04-03")
    assert rej["detail"].endswith(": https://news.example/2019.xml")
    many = index([(f"https://news.example/{y}.xml", f"{y}-01-01") for y in range(2010, 2017)])
    [rej] = discover_remote([], [root], fetcher({root: many}), "r", NOW).rejects
    assert rej["detail"].startswith("7 child sitemap(s) not fetched")
    assert rej["detail"].endswith("https://news.example/2012.xml ...")  # newest five
    assert result.stats["sitemaps_skipped_sitemap_child_too_old"] == 1


def test_a_feed_is_decoded_with_the_charset_its_response_declared() -> None:
    url = "https://news.example/rss"
    # windows-1251 bytes: read as the windows-1252 fallback they would be mojibake
    body = ('<rss version="2.0"><channel><item><title>Новости дня</title>'
            '<link>https://news.example/day</link></item></channel></rss>').encode("cp1251")

    def fetch_urls(urls: list[str]):
        return {url: body}, [{"url": url, "error": None,
                              "content_type": "application/rss+xml; charset=windows-1251"}]

    result = discover_remote([url], [], fetch_urls, "run-1", NOW)
    assert [(r["url"], r["hint_title"]) for r in result.rows] == [
        ("https://news.example/day", "Новости дня")]


def test_plain_http_addresses_are_classified_like_https_ones() -> None:
    from tasks.discover.remote import classify_remote

    assert classify_remote("http://news.example/rss.xml") == ("feed", "http://news.example/rss.xml")
    assert classify_remote("HTTP://News.example/sitemap.xml")[0] == "sitemap"
    assert classify_remote("http://news.example/2024/story.html") == (
        None, "http://news.example/2024/story.html")
    assert classify_remote("seeds/rss.xml") == (None, "seeds/rss.xml")  # a local file


def test_a_sitemap_cut_short_is_a_reject_beside_the_urls_it_held() -> None:
    url = "https://news.example/sitemap.xml"
    cut = URLSET[:URLSET.index(b"three") + 2]
    result = discover_remote([], [url], fetcher({url: cut}), "run-1", NOW)
    assert [r["url"] for r in result.rows] == ["https://news.example/two"]
    [rej] = result.rejects
    assert (rej["reason"], rej["source_kind"], rej["source"]) == ("sitemap_truncated",
                                                                  "sitemap", url)


def test_a_feed_cut_short_is_a_reject_beside_the_items_it_held() -> None:
    url = "https://news.example/rss"
    result = discover_remote([url], [], fetcher({url: RSS[:RSS.index(b"<title>Two")]}),
                             "run-1", NOW)
    assert [r["url"] for r in result.rows] == ["https://news.example/one"]
    assert [(r["reason"], r["source_kind"], r["source"]) for r in result.rejects] == [
        ("feed_truncated", "feed", url)]


def test_a_child_exactly_as_old_as_the_age_cap_is_still_fetched() -> None:
    # "older than max_child_age_days" skips; a child changed exactly 30 days ago is read
    root, child = "https://news.example/index.xml", "https://news.example/april.xml"
    bodies = {root: index([(child, "2024-04-03T12:00:00+00:00")]), child: URLSET}
    result = discover_remote([], [root], fetcher(bodies), "r", NOW,
                             RemoteLimits(max_child_age_days=30))
    assert result.rejects == []
    assert {r["url"] for r in result.rows} == {"https://news.example/two",
                                               "https://news.example/three"}


def test_five_old_children_are_all_listed_with_nothing_left_out() -> None:
    root = "https://news.example/index.xml"
    five = index([(f"https://news.example/{y}.xml", f"{y}-01-01") for y in range(2010, 2015)])
    [rej] = discover_remote([], [root], fetcher({root: five}), "r", NOW).rejects
    assert rej["detail"].startswith("5 child sitemap(s) not fetched")
    assert rej["detail"].endswith("https://news.example/2010.xml")  # no " ...": all shown


def test_sitemap_indexes_that_list_themselves_or_each_other_are_read_once() -> None:
    a, b, c = (f"https://news.example/{n}.xml" for n in ("a", "b", "c"))
    bodies = {a: index([(a, "2024-05-01"), (b, "2024-05-01")]),
              b: index([(a, "2024-05-01"), (c, "2024-05-01")]), c: URLSET}
    asked: list[str] = []
    fetch = fetcher(bodies)

    def counting(urls: list[str]):
        asked.extend(urls)
        return fetch(urls)

    result = discover_remote([], [a], counting, "r", NOW, RemoteLimits(max_depth=10))
    assert sorted(asked) == [a, b, c]  # each once, and the walk ends
    assert sorted(r["url"] for r in result.rows) == ["https://news.example/three",
                                                      "https://news.example/two"]
    assert result.rejects == []


def test_relative_links_resolve_against_where_a_feed_or_sitemap_was_redirected() -> None:
    """A feed moved to another host or folder (the fetcher followed the redirect): its
    relative links are relative to the address it was served from, as in a browser or
    a feed reader, not to the address asked for (they named pages that do not exist)."""
    feed, sitemap = "http://old.example/rss", "http://old.example/sitemap.xml"
    moved = {feed: "https://news.example/world/rss.xml",
             sitemap: "https://news.example/maps/sitemap.xml"}
    bodies = {feed: b'<rss version="2.0"><channel><title>t</title><item><title>A</title>'
                    b"<link>story-a.html</link></item></channel></rss>",
              sitemap: b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       b"<url><loc>/2024/story-b.html</loc></url></urlset>"}

    def fetch_urls(urls: list[str]):
        return ({u: bodies[u] for u in urls},
                [{"url": u, "final_url": moved[u], "error": None} for u in urls])

    result = discover_remote([feed], [sitemap], fetch_urls, "r", NOW)
    got = {r["url"]: r["source"] for r in result.rows}
    assert got == {"https://news.example/world/story-a.html": feed,
                   "https://news.example/2024/story-b.html": sitemap}


def test_a_broken_sitemap_does_not_stop_the_ones_after_it() -> None:
    broken, good = "https://news.example/a.xml", "https://news.example/b.xml"
    result = discover_remote([], [broken, good],
                             fetcher({broken: b"<html>not a sitemap</html>", good: URLSET}),
                             "r", NOW)
    assert [r["reason"] for r in result.rejects] == ["not_a_sitemap"]
    assert [r["url"] for r in result.rows] == ["https://news.example/two",
                                                "https://news.example/three"]


def test_a_cut_text_sitemap_from_the_fetcher_loses_only_its_cut_line() -> None:
    """Fault round 4: what arrived of a text sitemap whose transfer was cut (the fetcher's
    row says `truncated`) keeps its whole lines, not the cut one; the same bytes from a
    whole transfer keep their last line (a file without a final newline)."""
    url = "https://news.example/sitemap.txt"
    body = b"https://news.example/a\nhttps://news.example/b\nhttps://news.example/bre"

    def fetch_urls(urls: list[str]):
        return {url: body}, [{"url": url, "error": "truncated",
                              "error_detail": "Response payload is not completed"}]

    result = discover_remote([], [url], fetch_urls, "run-1", NOW)
    assert [r["url"] for r in result.rows] == ["https://news.example/a",
                                               "https://news.example/b"]
    assert [(r["reason"], r["source"]) for r in result.rejects] == [("sitemap_truncated", url)]
    whole = discover_remote([], [url], fetcher({url: body}), "run-1", NOW)
    assert [r["url"] for r in whole.rows][-1] == "https://news.example/bre"
    assert whole.rejects == []


def test_a_link_listed_twice_in_one_feed_is_counted_as_a_sitemap_repeat_is() -> None:
    """Fault round 4: a feed listing one link twice gave one document and no trace of the
    second; a sitemap's repeat is counted (`merged_duplicate_url`), and so is the feed's
    now (RSS and JSON Feed)."""
    rss = (b'<rss version="2.0"><channel><title>t</title>'
           b"<item><title>One</title><link>https://news.example/one</link></item>"
           b"<item><title>Again</title><link>https://news.example/one</link></item>"
           b"<item><title>Two</title><link>https://news.example/two</link></item>"
           b"</channel></rss>")
    json_feed = (b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
                 b'{"id": "1", "url": "https://news.example/j"},'
                 b'{"id": "2", "url": "https://news.example/j"}]}')
    sitemap = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>https://news.example/s</loc></url>"
               b"<url><loc>https://news.example/s</loc></url></urlset>")
    feeds = ["https://news.example/rss", "https://news.example/feed.json"]
    smap = "https://news.example/sitemap.xml"
    result = discover_remote(feeds, [smap], fetcher(
        {feeds[0]: rss, feeds[1]: json_feed, smap: sitemap}), "run-1", NOW)
    assert [r["url"] for r in result.rows] == [
        "https://news.example/one", "https://news.example/two", "https://news.example/j",
        "https://news.example/s"]
    assert result.rows[0]["hint_title"] == "One"  # the first listing wins
    assert result.stats["merged_duplicate_url"] == 3  # one in each
    assert result.rejects == []


def _cut_fetcher(bodies: dict[str, bytes], rows: dict[str, dict]):
    """A fetcher whose every body is what arrived of a cut transfer (its row says so)."""
    def fetch_urls(urls: list[str]):
        return ({u: bodies[u] for u in urls if u in bodies},
                [{"url": u, "error": "truncated", "error_detail": "cut"} | rows.get(u, {})
                 for u in urls])
    return fetch_urls


def test_a_cut_source_is_counted_failed_once_not_also_fetched() -> None:
    """Fault round 5: a body handed over with its cut-transfer error is read (its whole
    entries kept) but counted as the failed fetch it is: `sitemap_fetch_failed` and
    `sitemap_read_to_cut`, never also `sitemap_fetched`."""
    url = "https://news.example/sitemap.xml"
    feed = "https://news.example/rss"
    cut_xml = URLSET[:URLSET.index(b"three") + 2]
    cut_rss = RSS[:RSS.index(b"/two")]
    result = discover_remote([feed], [url], _cut_fetcher({url: cut_xml, feed: cut_rss}, {}),
                             "run-1", NOW)
    assert [r["url"] for r in result.rows] == ["https://news.example/one",
                                               "https://news.example/two"]
    assert sorted(r["reason"] for r in result.rejects) == ["feed_truncated",
                                                           "sitemap_truncated"]
    assert result.stats == {"feed_fetch_failed": 1, "feed_read_to_cut": 1,
                            "sitemap_fetch_failed": 1, "sitemap_read_to_cut": 1,
                            "sitemaps_parsed": 1, "feed_items": 1, "sitemap_items": 1,
                            "rejected_feed_truncated": 1, "rejected_sitemap_truncated": 1}
    assert [r["error"] for r in result.fetch_log] == ["truncated", "truncated"]


def test_a_cut_source_is_read_from_where_it_was_served() -> None:
    """The row of a cut transfer gives its final address: relative links resolve there
    (they resolved against the address asked for: pages that do not exist)."""
    feed = "https://old.example/feed"
    body = (b'<rss version="2.0"><channel><title>t</title><item><title>One</title>'
            b"<link>a/1</link></item><item><title>Tw")
    result = discover_remote([feed], [], _cut_fetcher({feed: body}, {feed: {
        "final_url": "https://new.example/news/feed.xml"}}), "run-1", NOW)
    assert [(r["url"], r["hint_title"]) for r in result.rows] == [
        ("https://new.example/news/a/1", "One")]
    assert [r["reason"] for r in result.rejects] == ["feed_truncated"]


def test_a_cut_source_that_reads_as_nothing_is_not_also_rejected_under_its_own_key() -> None:
    """A cut body that is no sitemap at all: the source is its failed fetch (its key in
    fetch_log); the reject that says what arrived carries a key of its own."""
    url = "https://news.example/sitemap.txt"
    result = discover_remote([], [url], _cut_fetcher({url: b"https://news.exa"}, {}),
                             "run-1", NOW)
    [rej] = result.rejects
    assert (rej["reason"], rej["url"], rej["input_key"]) == ("sitemap_truncated", url,
                                                             url + "#cut")
    whole = discover_remote([], [url], fetcher({url: b"<html>404</html>"}), "run-1", NOW)
    assert whole.rejects[0]["input_key"] == url  # a whole one's reject is the source's own


def test_round5_an_index_cycle_through_a_redirect_ends() -> None:
    """Fault round 5, probed: index A lists B and a variant of itself; B redirects to A
    (its body is A's). Each address is fetched once, the walk ends, the variant's empty
    answer is named."""
    a, b = "https://news.example/a.xml", "https://news.example/b.xml"
    calls: list[list[str]] = []

    def fetch_urls(urls: list[str]):
        calls.append(list(urls))
        bodies = {u: index([(b, "2024-05-01"), (a + "?again", "2024-05-01")])
                  if u in (a, b) else b"" for u in urls}
        return bodies, [{"url": u, "final_url": a if u == b else u, "error": None}
                        for u in urls]

    result = discover_remote([], [a], fetch_urls, "run-1", NOW)
    assert calls == [[a], [b, a + "?again"]]
    assert [(r["reason"], r["source"]) for r in result.rejects] == [
        ("sitemap_empty", a + "?again")]
    assert result.rows == []


def test_a_body_that_comes_with_any_error_is_read_as_cut() -> None:
    """Fault round 6: the fetcher hands over the longest part any attempt got; when the
    retries ended in a 503 or a header timeout, the row's error is that, not a cut's. The
    body is still what arrived of a cut transfer: its cut line is no URL (it was read as
    a whole file, the cut line `https://news.example/bre` kept as a page)."""
    url = "https://news.example/sitemap.txt"
    body = b"https://news.example/a\nhttps://news.example/b\nhttps://news.example/bre"
    for error in ("http_503", "timeout_headers"):
        result = discover_remote([], [url], _cut_fetcher({url: body}, {url: {"error": error}}),
                                 "run-1", NOW)
        assert [r["url"] for r in result.rows] == ["https://news.example/a",
                                                   "https://news.example/b"], error
        assert [r["reason"] for r in result.rejects] == ["sitemap_truncated"], error
        assert result.stats["sitemap_fetch_failed"] == result.stats["sitemap_read_to_cut"] == 1


def test_a_feed_items_date_is_labelled_a_feed_date_and_a_skip_keeps_its_key() -> None:
    url = "https://news.example/rss"
    rss = (b'<rss version="2.0"><channel><title>t</title><item><title>No link</title></item>'
           b"<item><title>One</title><link>https://news.example/one</link>"
           b"<pubDate>Thu, 02 May 2024 08:00:00 GMT</pubDate></item></channel></rss>")
    result = discover_remote([url], [], fetcher({url: rss}), "r", NOW)
    [row] = result.rows
    assert (row["hint_published_at"], row["hint_published_source"]) == (
        datetime(2024, 5, 2, 8, tzinfo=UTC), "feed")
    # an entry without a URL has no key of its own: the feed's address and a digest of the
    # reject, the same in every run and release (a later run skips what is settled)
    [rej] = result.rejects
    assert (rej["reason"], rej["input_key"]) == ("feed_item_no_url",
                                                 f"{url}#d7046dca0fff")


def test_children_of_a_root_index_are_one_level_deep() -> None:
    # max_depth=1: the root's children are read, their own children are not
    root, child = "https://news.example/index.xml", "https://news.example/may.xml"
    grandchild = "https://news.example/may-1.xml"
    bodies = {root: index([(child, "2024-05-01")]), child: index([(grandchild, "2024-05-01")]),
              grandchild: URLSET}
    result = discover_remote([], [root], fetcher(bodies), "r", NOW, RemoteLimits(max_depth=1))
    assert result.rows == [] and result.stats["sitemaps_parsed"] == 2
    [rej] = result.rejects
    assert (rej["reason"], rej["source"]) == ("sitemap_depth_cap", child)


def test_children_past_the_sitemap_count_are_one_reject_per_index() -> None:
    root = "https://news.example/index.xml"
    kids = [f"https://news.example/{d}.xml" for d in ("may-2", "may-1")]
    bodies = {root: index([(kids[0], "2024-05-02"), (kids[1], "2024-05-01")]),
              kids[0]: URLSET}
    result = discover_remote([], [root], fetcher(bodies), "r", NOW, RemoteLimits(max_sitemaps=2))
    [rej] = result.rejects
    assert (rej["reason"], rej["input_key"], rej["url"], rej["source_kind"]) == (
        "sitemap_count_cap", f"{root}#sitemap_count_cap", root, "sitemap")
    assert rej["detail"] == ("1 child sitemap(s) not fetched, over 2 sitemap files this run: "
                             + kids[1])
    assert result.stats["sitemaps_skipped_sitemap_count_cap"] == 1
    assert {r["url"] for r in result.rows} == {"https://news.example/two",
                                               "https://news.example/three"}


def test_feed_hosts_are_feeds_whatever_the_path() -> None:
    from tasks.discover.remote import classify_remote

    for host in ("feeds", "rss", "feed"):
        assert classify_remote(f"https://{host}.news.example/latest")[0] == "feed", host
    assert classify_remote("https://feedback.news.example/latest")[0] is None


def test_a_feed_that_is_not_one_is_a_feed_reject_naming_its_url() -> None:
    url = "https://news.example/rss"
    result = discover_remote([url], [], fetcher({url: b"<html><body>404</body></html>"}),
                             "run-1", NOW)
    [rej] = result.rejects
    assert (rej["source_kind"], rej["source"], rej["url"], rej["input_key"]) == (
        "feed", url, url, url)


def test_the_url_cap_of_a_sitemap_applies_to_each_file() -> None:
    url = "https://news.example/sitemap.xml"
    result = discover_remote([], [url], fetcher({url: URLSET}), "r", NOW,
                             RemoteLimits(max_urls_per_sitemap=1))
    assert [r["url"] for r in result.rows] == ["https://news.example/two"]
    assert [r["reason"] for r in result.rejects] == ["sitemap_url_cap"]


def test_a_feed_folder_in_the_path_makes_a_feed() -> None:
    from tasks.discover.remote import classify_remote

    assert classify_remote("https://news.example/feeds/latest")[0] == "feed"
    assert classify_remote("https://news.example/rss/world/latest")[0] == "feed"


def test_an_item_url_that_cannot_be_canonical_is_rejected_under_its_feed() -> None:
    url = "https://news.example/rss"
    rss = (b'<rss version="2.0"><channel><title>t</title>'
           b"<item><title>Port</title><link>https://news.example:99999/x</link></item>"
           b"<item><title>One</title><link>https://news.example/one</link></item>"
           b"</channel></rss>")
    result = discover_remote([url], [], fetcher({url: rss}), "r", NOW)
    assert [r["url"] for r in result.rows] == ["https://news.example/one"]
    [rej] = result.rejects
    assert (rej["reason"], rej["source_kind"], rej["source"], rej["url"]) == (
        "bad_url", "feed", url, "https://news.example:99999/x")


def test_a_title_missing_from_the_first_listing_is_filled_from_a_later_one() -> None:
    a, b = "https://news.example/a.rss", "https://news.example/b.rss"
    untitled = (b'<rss version="2.0"><channel><title>t</title><item>'
                b"<link>https://news.example/one</link></item></channel></rss>")
    titled = (b'<rss version="2.0"><channel><title>t</title><item><title>One</title>'
              b"<link>https://news.example/one</link></item></channel></rss>")
    result = discover_remote([a, b], [], fetcher({a: untitled, b: titled}), "r", NOW)
    [row] = result.rows
    assert (row["source"], row["hint_title"]) == (a, "One")


def test_a_feed_listed_twice_in_other_spellings_is_fetched_once() -> None:
    """Fault round 15: one feed listed under other spellings of its address (host case,
    the default port, a fragment: two outlets of a sources file, or a sources file and
    the command line) was fetched once per spelling, and its relative links came out as
    the same articles under each spelling: `https://NEWS.example/a` and
    `https://news.example:443/a` beside `https://news.example/a`, two of them
    `duplicate_url` rejects in discover (one input counted three times). A sitemap that
    is also a listed feed is the feed, as before; a trailing slash is another address."""
    rss = (b'<rss version="2.0"><channel><title>t</title><item><title>x</title>'
           b"<link>/a</link></item></channel></rss>")
    calls: list[str] = []

    def fetch_urls(urls: list[str]):
        calls.extend(urls)
        return {u: rss for u in urls}, [{"url": u, "error": None} for u in urls]

    feeds = ["https://news.example/feed", "https://NEWS.example/feed",
             "https://news.example:443/feed", "https://news.example/feed#top",
             "HTTPS://news.example/feed", "https://news.example/feed/"]
    result = discover_remote(feeds, ["https://news.example/feed#x"], fetch_urls, "run-1", NOW)
    assert calls == ["https://news.example/feed", "https://news.example/feed/"]
    assert [r["url"] for r in result.rows] == ["https://news.example/a"]
    assert result.stats["sources_listed_twice"] == 5
    assert [f["url"] for f in result.fetch_log] == calls


def test_sources_listed_twice_counts_the_feeds_and_the_sitemaps_left_out() -> None:
    """Seed 48: listed 5 (two feeds, three sitemaps), fetched 2 (one each): 3 twice."""
    bodies = {"https://news.example/rss": b"", "https://news.example/sitemap.xml": URLSET}
    result = discover_remote(
        ["https://news.example/rss", "https://NEWS.example/rss"],
        ["https://news.example/sitemap.xml", "https://news.example:443/sitemap.xml",
         "https://news.example/rss#sitemap"], fetcher(bodies), "run-1", NOW)
    assert result.stats["sources_listed_twice"] == 3
    assert [f["url"] for f in result.fetch_log] == ["https://news.example/rss",
                                                    "https://news.example/sitemap.xml"]


NEWS_AFTER_A_WARNING = (
    b"<br /><b>Warning</b>: Cannot modify header<br />\n<?xml version=\"1.0\"?>"
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
    b"<loc>https://news.example/story</loc><news:news><news:publication_date>"
    b"2024-05-02T10:00:00Z</news:publication_date><news:title>Bridge reopens</news:title>"
    b"</news:news></url></urlset>")


def test_an_index_walk_reports_each_child_as_it_went() -> None:
    """Seed 48 (discover_remote's walk, whole): an index that lists itself first (newest)
    and two children under a cap of 3 files (both fetched), a news sitemap behind a PHP
    warning (counted, noted, its publication date and title kept), a child that is no
    sitemap (its reject's detail), and six children too old (one reject naming five and
    "...", counted 6); every reject stamped `now`, every fetch logged as a sitemap."""
    idx = "https://news.example/index.xml"
    old = [(f"https://news.example/old{i}.xml", f"2001-01-0{i}") for i in range(1, 7)]
    bodies = {idx: index([(idx, "2024-05-03"), ("https://news.example/a.xml", "2024-05-02"),
                          ("https://news.example/b.xml", "2024-05-01")] + old),
              "https://news.example/a.xml": NEWS_AFTER_A_WARNING,
              "https://news.example/b.xml": b"<html>no</html>"}
    r = discover_remote([], [idx], fetcher(bodies), "run-1", NOW, RemoteLimits(max_sitemaps=3))
    assert [(f["url"], f["source_kind"]) for f in r.fetch_log] == [
        (idx, "sitemap"), ("https://news.example/a.xml", "sitemap"),
        ("https://news.example/b.xml", "sitemap")]
    assert r.stats["sitemaps_junk_before_xml"] == 1
    assert r.notes == ["sitemap https://news.example/a.xml: 49 bytes before the XML were not "
                       "read (a server's error message?): "
                       "'<br /><b>Warning</b>: Cannot modify header<br />'"]
    [row] = r.rows
    assert (row["url"], row["hint_published_source"], row["hint_title"]) == (
        "https://news.example/story", "sitemap", "Bridge reopens")
    assert r.stats["sitemaps_skipped_sitemap_child_too_old"] == 6
    assert [(x["url"], x["reason"], x["detail"]) for x in r.rejects] == [
        (idx, "sitemap_child_too_old", "6 child sitemap(s) not fetched, lastmod before "
         "2024-04-03T12:00:00+00:00: " + ", ".join(
             f"https://news.example/old{i}.xml" for i in (6, 5, 4, 3, 2)) + " ..."),
        ("https://news.example/b.xml", "not_a_sitemap",
         "root element <html>, expected <urlset> or <sitemapindex>")]
    assert {x["rejected_at"] for x in r.rejects} == {NOW}


def test_an_index_walk_goes_max_depth_levels_down_and_keeps_old_children_without_an_age_cap(
) -> None:
    top, mid, leaf = ("https://news.example/top.xml", "https://news.example/mid.xml",
                      "https://news.example/leaf.xml")
    bodies = {top: index([(mid, "2001-01-01")]), mid: index([(leaf, "2001-01-01")]),
              leaf: URLSET}
    r = discover_remote([], [top], fetcher(bodies), "run-1", NOW,
                        RemoteLimits(max_depth=2, max_child_age_days=None))
    assert [f["url"] for f in r.fetch_log] == [top, mid, leaf]
    assert r.rejects == [] and len(r.rows) == 2


def test_a_cut_feed_that_cannot_be_read_is_rejected_under_its_cut_key() -> None:
    """A feed whose transfer was cut (a body with an error) and whose part does not
    parse: its reject's input key is `<url>#cut` (the fetch failure is the input)."""
    url = "https://news.example/rss"

    def fetch_urls(urls: list[str]):
        return {url: b"<html>cut"}, [{"url": url, "error": "transfer_cut"}]

    r = discover_remote([url], [], fetch_urls, "run-1", NOW)
    assert [(x["url"], x["input_key"]) for x in r.rejects] == [(url, f"{url}#cut")]


def test_a_feed_body_the_fetcher_did_not_log_is_still_read() -> None:
    url = "https://news.example/rss"
    r = discover_remote([url], [], lambda urls: ({url: RSS}, []), "run-1", NOW)
    assert [x["url"] for x in r.rows] == ["https://news.example/one", "https://news.example/two"]


def test_a_child_sitemap_listed_in_other_spellings_is_fetched_once() -> None:
    calls: list[str] = []
    bodies = {"https://news.example/index.xml": index([
        ("https://news.example/s1.xml", "2024-05-02"),
        ("https://NEWS.example:443/s1.xml#again", "2024-05-01")]),
        "https://news.example/s1.xml": URLSET}

    def fetch_urls(urls: list[str]):
        calls.extend(urls)
        return fetcher(bodies)(urls)

    result = discover_remote([], ["https://news.example/index.xml"], fetch_urls, "run-1", NOW)
    assert calls == ["https://news.example/index.xml", "https://news.example/s1.xml"]
    assert result.rejects == []


def test_a_feed_entry_with_no_page_says_why_under_the_key_it_always_had() -> None:
    """The reject of an entry with no page says why (round 18); its key is the one
    earlier releases gave it, so a run after the upgrade adds no second reject."""
    url = "https://news.example/rss"
    rss = (b'<rss version="2.0"><channel><title>t</title><item><title>No link</title>'
           b'<enclosure url="https://cdn.example/1.mp3" type="audio/mpeg"/></item>'
           b"</channel></rss>")
    [rej] = discover_remote([url], [], fetcher({url: rss}), "r", NOW).rejects
    assert rej["detail"] == ("entry 'No link': no page link, only an enclosure (audio/mpeg: "
                             "https://cdn.example/1.mp3), a media file no text is read from")
    assert rej["input_key"] == f"{url}#d7046dca0fff"


def test_a_feed_that_is_a_sitemap_and_a_sitemap_that_is_a_feed_are_read_as_what_they_are(
        ) -> None:
    """Fault round 19: a sources file listing a news sitemap among its feeds, or a feed
    among its sitemaps (Google reads RSS and Atom as sitemaps, so sites list them so),
    lost every story in it: `not_a_feed` "no RSS or Atom root element", `not_a_sitemap`
    "root element <rss>". Each is read as what it is, with a note; an HTML page is still
    a reject under the kind it was listed as."""
    feed_url, map_url = "https://news.example/feed", "https://news.example/sitemap.xml"
    idx_url, html_url = "https://news.example/feed/index", "https://news.example/rss"
    idx = index([("https://news.example/child.xml", "2024-05-01")])
    child = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<url><loc>https://news.example/four</loc></url></urlset>")
    bodies = {feed_url: URLSET, map_url: RSS, idx_url: idx, html_url: b"<html>404</html>",
              "https://news.example/child.xml": child}
    result = discover_remote([feed_url, idx_url, html_url], [map_url], fetcher(bodies),
                             "run-19", NOW)
    rows = {r["url"]: r for r in result.rows}
    assert sorted(rows) == ["https://news.example/four", "https://news.example/one",
                            "https://news.example/three", "https://news.example/two"]
    assert rows["https://news.example/one"]["source_kind"] == "feed"
    assert rows["https://news.example/three"]["source_kind"] == "sitemap"
    assert rows["https://news.example/three"]["source"] == feed_url
    assert [(r["reason"], r["source_kind"], r["url"]) for r in result.rejects] == [
        ("not_a_feed", "feed", html_url)]
    assert result.stats["feeds_read_as_sitemaps"] == 2
    assert result.stats["sitemaps_read_as_feeds"] == 1
    assert f"feed {feed_url}: a sitemap (<urlset>), not a feed: read as a sitemap (list it " \
           "under sitemaps)" in result.notes
    assert f"sitemap {map_url}: a rss20 feed, not a sitemap: read as a feed (list it under " \
           "feeds)" in result.notes


def test_children_whose_lastmod_is_an_unset_clocks_are_fetched_as_undated() -> None:
    """Fault round 27: a generator whose records have no date writes the Unix epoch (or
    a year-one placeholder) as each child's <lastmod>. Before: every child was older than
    `max_child_age_days`, one `sitemap_child_too_old` reject, and no page of the site
    read. Now such a lastmod is none: the children are fetched; a real old date is still
    skipped."""
    root = "https://news.example/index.xml"
    bodies = {root: index([("https://news.example/a.xml", "1970-01-01T00:00:00+00:00"),
                           ("https://news.example/b.xml", "0001-01-01"),
                           ("https://news.example/c.xml", "2019-01-01")]),
              "https://news.example/a.xml": URLSET,
              "https://news.example/b.xml": URLSET.replace(b"/two<", b"/four<")}
    result = discover_remote([], [root], fetcher(bodies), "r", NOW,
                             RemoteLimits(max_child_age_days=30))
    assert sorted(r["url"] for r in result.rows) == [
        "https://news.example/four", "https://news.example/three", "https://news.example/two"]
    [rej] = result.rejects
    assert rej["reason"] == "sitemap_child_too_old"
    assert rej["detail"].endswith(": https://news.example/c.xml")
