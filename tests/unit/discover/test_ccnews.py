"""Backfill selection over CC-NEWS file names: parse, filter by date range, order."""

from __future__ import annotations

import http.server
from datetime import date, datetime

import pytest

from tasks.discover.ccnews import (
    DatedFile,
    file_name,
    list_source,
    listing_links,
    parse_name,
    pending,
    select,
)
from tasks.discover.inputs import DiscoverConfig
from tasks.discover.warcopen import WarcReadError
from tests.site import serving

BASE = "https://data.example/crawl-data/CC-NEWS/2024/05/"


def test_parse_a_cc_news_name_from_a_path_or_url():
    assert parse_name("/d/CC-NEWS-20240501093015-01234.warc.gz") == DatedFile(
        datetime(2024, 5, 1, 9, 30, 15), 1234, "/d/CC-NEWS-20240501093015-01234.warc.gz")
    url = BASE + "CC-NEWS-20240502000000-00001.warc.gz"
    assert parse_name(url).crawled_at == datetime(2024, 5, 2)
    assert file_name(BASE + "a%20b.warc.gz") == "a b.warc.gz"


@pytest.mark.parametrize("name", [
    "CC-NEWS-20240501093015-01234.warc",        # not gzipped: not CC-NEWS's naming
    "CC-NEWS-2024050109301-01234.warc.gz",      # 13 digits
    "CC-NEWS-20240501093015-1234.warc.gz",      # 4-digit serial
    "CC-NEWS-20240231000000-00001.warc.gz",     # no 31 February
    "CC-NEWS-20240501093015-01234.warc.gz.tmp",
    "xCC-NEWS-20240501093015-01234.warc.gz",
    "news.warc.gz",
])
def test_other_names_are_not_dated_files(name):
    assert parse_name(f"/d/{name}") is None


def test_select_keeps_the_range_both_days_included_oldest_first():
    names = ["CC-NEWS-20240503000000-00009.warc.gz",   # after the range
             "CC-NEWS-20240502235959-00007.warc.gz",   # last second of the last day
             "CC-NEWS-20240501120000-00003.warc.gz",
             "CC-NEWS-20240501120000-00002.warc.gz",   # same second: serial orders
             "CC-NEWS-20240501000000-00001.warc.gz",   # first second of the first day
             "CC-NEWS-20240430235959-00000.warc.gz",   # before the range
             "warc.paths", "index.html"]
    got = select([f"/d/{n}" for n in names], date(2024, 5, 1), date(2024, 5, 2))
    assert [f.serial for f in got] == [1, 2, 3, 7]


def test_select_keeps_a_name_listed_twice_once_and_refuses_a_reversed_range():
    name = "CC-NEWS-20240501000000-00001.warc.gz"
    got = select([BASE + name, f"{BASE}./{name}"], date(2024, 5, 1), date(2024, 5, 1))
    assert [f.location for f in got] == [BASE + name]
    with pytest.raises(ValueError):
        select([], date(2024, 5, 2), date(2024, 5, 1))


def test_pending_leaves_out_the_files_a_finished_run_ingested():
    files = select([f"/d/CC-NEWS-2024050{d}000000-0000{d}.warc.gz" for d in (1, 2, 3)],
                   date(2024, 5, 1), date(2024, 5, 3))
    done = {"/d/CC-NEWS-20240502000000-00002.warc.gz", "/somewhere/else"}
    assert [f.serial for f in pending(files, done)] == [1, 3]


def test_listing_links_from_an_html_index_and_from_a_paths_file():
    html = """<html><body><h1>Index of /CC-NEWS/2024/05/</h1>
      <a href="../">../</a><a href="?C=M;O=A">Last modified</a>
      <a href="CC-NEWS-20240501000000-00001.warc.gz">CC-NEWS-20240501000000-00001.warc.gz</a>
      <a HREF='/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000000-00002.warc.gz'>x</a>
    </body></html>"""
    links = listing_links(html, BASE)
    assert BASE + "CC-NEWS-20240501000000-00001.warc.gz" in links
    assert BASE + "CC-NEWS-20240502000000-00002.warc.gz" in links
    assert [f.serial for f in select(links, date(2024, 5, 1), date(2024, 5, 31))] == [1, 2]

    paths = ("# CC-NEWS warc.paths\n  # an indented comment\ncrawl-data/CC-NEWS/2024/05/"
             "CC-NEWS-20240501000000-00001.warc.gz\n\n")
    assert listing_links(paths, "https://data.example/") == [
        "https://data.example/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00001.warc.gz"]


def test_a_listing_href_no_parser_takes_names_no_file_and_ends_nothing():
    html = ('<a href="http://[::1/CC-NEWS-20240501000000-00001.warc.gz">x</a>'
            '<a href="CC-NEWS-20240502000000-00002.warc.gz">y</a>')
    assert listing_links(html, BASE) == [BASE + "CC-NEWS-20240502000000-00002.warc.gz"]
    assert listing_links("//[bad\ncrawl-data/a.warc.gz\n", "https://data.example/") == [
        "https://data.example/crawl-data/a.warc.gz"]


def _config(**kw) -> DiscoverConfig:
    from tasks.common.settings import Settings, settings_slice

    return settings_slice(DiscoverConfig, Settings(**kw))


def test_a_local_folder_lists_its_warcs_as_absolute_paths(tmp_path, monkeypatch):
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "CC-NEWS-20240501000000-00001.warc.gz").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list_source("2024", _config()) == [
        str(tmp_path / "2024" / "05" / "CC-NEWS-20240501000000-00001.warc.gz")]
    with pytest.raises(WarcReadError, match="missing: not a folder"):
        list_source("missing", _config())
    with pytest.raises(WarcReadError):
        list_source("s3://bucket/CC-NEWS/", _config())


def test_an_http_listing_on_a_private_address_is_refused_unless_allowed():
    # No socket is opened: the guard refuses the loopback address before connecting.
    for scheme in ("http", "https"):
        with pytest.raises(WarcReadError, match=r"127\.0\.0\.1 \(loopback\)"):
            list_source(f"{scheme}://127.0.0.1:9/CC-NEWS/", _config())


class _ListingHandler(http.server.BaseHTTPRequestHandler):
    body = (b'<html><a href="CC-NEWS-20240501000000-00001.warc.gz">1</a>'
            b'<a href="CC-NEWS-20240502000000-00002.warc.gz">2</a></html>')

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


def test_an_http_listing_on_an_allowed_network_lists_its_links():
    with serving(_ListingHandler) as origin:
        base = f"{origin}/CC-NEWS/2024/05/"
        links = list_source(base, _config(allowed_networks=["127.0.0.0/8"]))
    assert links == [base + "CC-NEWS-20240501000000-00001.warc.gz",
                     base + "CC-NEWS-20240502000000-00002.warc.gz"]


def test_an_http_listing_is_read_up_to_its_cap_and_refused_past_it(monkeypatch):
    from tasks.discover import ccnews

    with serving(_ListingHandler) as origin:
        base = f"{origin}/CC-NEWS/2024/05/"
        config = _config(allowed_networks=["127.0.0.0/8"])
        monkeypatch.setattr(ccnews, "MAX_LISTING_BYTES", len(_ListingHandler.body))
        assert len(list_source(base, config)) == 2  # exactly the cap: read
        monkeypatch.setattr(ccnews, "MAX_LISTING_BYTES", len(_ListingHandler.body) - 1)
        with pytest.raises(WarcReadError, match="listing over"):
            list_source(base, config)


class _LongListingHandler(_ListingHandler):
    # ~150 KB: several reads of the stream; a Latin-1 byte in a comment (not UTF-8)
    body = (b"<html><!-- r\xe9pertoire -->"
            + b"".join(b'<a href="CC-NEWS-%05d.warc.gz">x</a>' % i for i in range(4000))
            + b"</html>")


def test_an_http_listing_longer_than_one_read_and_not_utf8_is_read_whole():
    with serving(_LongListingHandler) as origin:
        base = f"{origin}/CC-NEWS/"
        links = list_source(base, _config(allowed_networks=["127.0.0.0/8"]))
    assert len(_LongListingHandler.body) > 2 * (1 << 16)
    assert links == [f"{base}CC-NEWS-{i:05d}.warc.gz" for i in range(4000)]


_PATHS = (b"crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00001.warc.gz\n"
          b"crawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000000-00002.warc.gz\n")


class _GzipPathsHandler(_ListingHandler):
    # as data.commoncrawl.org serves a month's list: the .gz file itself, no
    # Content-Encoding
    import gzip as _gzip

    body = _gzip.compress(_PATHS)


def test_common_crawls_warc_paths_gz_lists_its_files_from_the_buckets_root():
    """Fault round 19: the listing Common Crawl publishes, `.../CC-NEWS/2024/05/
    warc.paths.gz`, was read as text while gzip ("0 file(s) in range", without a word);
    decompressed, its lines (paths from the bucket's root) were joined to the list's own
    folder: `.../2024/05/crawl-data/CC-NEWS/2024/05/CC-NEWS-...`, a 404 each."""
    with serving(_GzipPathsHandler) as origin:
        listing = f"{origin}/crawl-data/CC-NEWS/2024/05/warc.paths.gz"
        links = list_source(listing, _config(allowed_networks=["127.0.0.0/8"]))
    assert links == [f"{origin}/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00001.warc.gz",
                     f"{origin}/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000000-00002.warc.gz"]
    # a line of another folder, or a bare name, is still the list's folder's
    assert listing_links("CC-NEWS-20240501000000-00001.warc.gz\nother/x.warc.gz\n",
                         "https://d.example/a/b/warc.paths") == [
        "https://d.example/a/b/CC-NEWS-20240501000000-00001.warc.gz",
        "https://d.example/a/b/other/x.warc.gz"]


def test_a_gzip_listing_that_cannot_be_read_is_a_sentence():
    from tasks.discover.ccnews import listing_body

    with pytest.raises(WarcReadError, match="a gzip listing that cannot be read"):
        listing_body(_GzipPathsHandler.body[:20], "https://d.example/warc.paths.gz")
    assert listing_body(_PATHS, "x") == _PATHS


def test_a_backfill_that_finds_nothing_in_its_range_says_why(tmp_path):
    """Fault round 19: a month mistyped, a folder of files renamed or decompressed, an
    empty listing: each printed "0 file(s) in range: 0 ingested now, 0 already
    ingested" and no more. The backfill now says what the source lists."""
    from tasks.common.settings import Settings
    from tasks.discover.ccnews import nothing_in_range
    from tasks.steps import backfill_files_task

    may = [BASE + "CC-NEWS-20240501000000-00001.warc.gz",
           BASE + "CC-NEWS-20240531230000-00002.warc.gz"]
    assert nothing_in_range(may, date(2025, 5, 1), date(2025, 5, 31)) == (
        "no CC-NEWS file crawled from 2025-05-01 to 2025-05-31: the source lists 2, "
        "crawled from 2024-05-01 to 2024-05-31")
    assert nothing_in_range([], date(2024, 5, 1), date(2024, 5, 1)) == (
        "the source lists no .warc.gz file")
    others = [f"/d/crawl-{i}.warc.gz" for i in range(5)]
    assert nothing_in_range(others, date(2024, 5, 1), date(2024, 5, 1)) == (
        "the source lists 5 entries, none named as CC-NEWS names its files "
        "(CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz): crawl-0.warc.gz, crawl-1.warc.gz, "
        "crawl-2.warc.gz ...")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "CC-NEWS-20240501000000-00001.warc.gz").write_bytes(b"")
    settings = Settings(warehouse=tmp_path / "wh")
    files, todo, why, bad = backfill_files_task.fn(str(tmp_path / "src"), date(2024, 6, 1),
                                                   date(2024, 6, 30), settings)
    assert (files, todo) == ([], []) and why.startswith("no CC-NEWS file crawled from 2024-06-01")
    files, todo, why, bad = backfill_files_task.fn(str(tmp_path / "src"), date(2024, 5, 1),
                                                   date(2024, 5, 1), settings)
    assert len(files) == len(todo) == 1 and why is None and bad is None
    # a source that cannot be read is the task's answer, not its exception (fault round 46)
    files, todo, why, bad = backfill_files_task.fn(str(tmp_path / "gone"), date(2024, 5, 1),
                                                   date(2024, 5, 1), settings)
    assert (files, todo, why) == ([], [], None) and bad.endswith("gone: not a folder (no "
                                                                 "such file or folder)")


def test_a_dot_line_of_a_paths_list_is_relative_to_the_lists_own_folder():
    # seed 52: "./" and "../" name the list's folder and its parent (RFC 3986), even when
    # the list's own address holds such a segment: it is no folder a line can start from
    for listing, folder in (("https://d.example/a/./b/warc.paths", "https://d.example/a/b/"),
                            ("https://d.example/a/../b/warc.paths", "https://d.example/b/")):
        assert listing_links("./x.warc.gz\n", listing) == [folder + "x.warc.gz"]
    assert listing_links("../y.warc.gz\n", "https://d.example/a/../b/c/warc.paths") == [
        "https://d.example/b/y.warc.gz"]


def test_a_paths_list_saved_with_a_byte_order_mark_names_its_first_file_as_written():
    """Fault round 41: a `warc.paths` list saved by a Windows editor (UTF-8 with a BOM,
    CRLF lines) named its first file from the BOM on: a URL holding "\\ufeff", joined
    to the list's own folder rather than the bucket's root (the BOM hid the line's first
    folder): `.../2024/05/%EF%BB%BFcrawl-data/CC-NEWS/2024/05/CC-NEWS-...`, a 404, the
    first day's first file lost from the backfill. A zero-width space pasted before a
    line did the same."""
    listing = "https://data.example/crawl-data/CC-NEWS/2024/05/warc.paths"
    paths = ("\ufeffcrawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00001.warc.gz\r\n"
             "\u200bcrawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000000-00002.warc.gz\u200b\r\n"
             "\ufeff# a comment after a BOM (two lists joined with cat)\r\n")
    assert listing_links(paths, listing) == [
        "https://data.example/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00001.warc.gz",
        "https://data.example/crawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000000-00002.warc.gz"]


def test_an_html_listing_with_unquoted_hrefs_names_every_file():
    """Fault round 41: HTML lets an attribute's value go unquoted (`<a href=x.warc.gz>`,
    as small servers' and hand-made index pages write it); the listing read only quoted
    hrefs, so beside a quoted `../` link every unquoted file was dropped ("0 file(s) in
    range", or the files missing from the backfill, without a word), and a page of
    unquoted links alone was read as a plain list, its lines of markup joined as URLs.
    An escaped `&amp;` in an href is the `&` it stands for, as a browser reads it."""
    html = ('<html><body><a href="../">Parent</a>\n'
            "<a href=CC-NEWS-20240501000000-00001.warc.gz>one</a>\n"
            "<a class=f href = CC-NEWS-20240502000000-00002.warc.gz title=two>two</a>\n"
            '<a href="CC-NEWS-20240503000000-00003.warc.gz?sig=a&amp;exp=1">three</a>\n'
            "<a href=#top>top</a></body></html>")
    links = listing_links(html, BASE)
    assert [f.serial for f in select(links, date(2024, 5, 1), date(2024, 5, 31))] == [1, 2, 3]
    assert BASE + "CC-NEWS-20240503000000-00003.warc.gz?sig=a&exp=1" in links
    alone = "<ul><li><a href=CC-NEWS-20240501000000-00001.warc.gz>one</a></ul>"
    assert listing_links(alone, BASE) == [BASE + "CC-NEWS-20240501000000-00001.warc.gz"]


def test_a_local_folder_named_in_latin1_lists_its_warcs_as_utf8_text(tmp_path):
    """Fault round 41: a backfill of a folder whose name is no UTF-8 handed each file to
    its run as a Prefect parameter holding lone surrogates (a UnicodeEncodeError
    traceback once the run started); its files are named with \\xNN escapes as the tables
    name them, and the escaped folder name (as the command line hands it over) lists."""
    import os

    folder = tmp_path / os.fsdecode(b"cc-n\xe9ws")
    folder.mkdir()
    (folder / "CC-NEWS-20240501000000-00001.warc.gz").write_bytes(b"")
    escaped = f"{tmp_path}/cc-n\\xe9ws"
    for source in (str(folder), escaped):
        assert list_source(source, _config()) == [
            f"{escaped}/CC-NEWS-20240501000000-00001.warc.gz"]


# --- mutation seed 68: session 46's listing reading --------------------------------------


def test_an_empty_href_and_a_fragment_name_no_file_of_their_own():
    """An empty href (`href=""`, `href=''`: the page itself) and a link within the page
    (`#top`) name no file, and a file's link keeps no fragment: each link as a browser
    reads it, nothing else."""
    html = ('<a href="">self</a><a href=\'\'>self</a><a href=#top>top</a>'
            '<a href="CC-NEWS-20240501000000-00001.warc.gz#part">one</a>')
    assert listing_links(html, BASE) == [BASE + "CC-NEWS-20240501000000-00001.warc.gz"]


def test_a_listing_whose_first_read_ends_at_the_cap_is_read_on_and_refused(monkeypatch):
    """A cap met exactly by a read is no end: the next read shows whether more follows
    (a listing of 64 KB and more under a cap of 64 KB was taken, cut, as whole). A stream
    that gives each read whole (a socket may give less), so the first ends at the cap."""
    import io

    from tasks.discover import ccnews

    body = b"<html>" + b"x" * ((1 << 16) - 6) + b'<a href="CC-NEWS-1.warc.gz">1</a></html>'
    streams = []

    def opener(config):
        def open_(source):
            streams.append(io.BytesIO(body))
            return streams[-1]
        return open_

    monkeypatch.setattr(ccnews, "warc_opener_for", opener)
    monkeypatch.setattr(ccnews, "MAX_LISTING_BYTES", 1 << 16)
    with pytest.raises(WarcReadError, match="listing over 65536 bytes"):
        list_source("https://d.example/CC-NEWS/", _config())
    monkeypatch.setattr(ccnews, "MAX_LISTING_BYTES", len(body))
    assert list_source("https://d.example/CC-NEWS/", _config()) == [
        "https://d.example/CC-NEWS/CC-NEWS-1.warc.gz"]
    assert all(s.closed for s in streams)


class _BadGzipHandler(_ListingHandler):
    body = _GzipPathsHandler.body[:20]


def test_an_http_gzip_listing_that_cannot_be_read_names_the_listing():
    with serving(_BadGzipHandler) as origin:
        listing = f"{origin}/crawl-data/CC-NEWS/2024/05/warc.paths.gz"
        with pytest.raises(WarcReadError) as caught:
            list_source(listing, _config(allowed_networks=["127.0.0.0/8"]))
    assert str(caught.value).startswith(f"{listing}: a gzip listing that cannot be read (")


def test_a_source_of_another_scheme_is_refused_as_no_folder_or_listing(tmp_path, monkeypatch):
    """`s3://...` or `ftp://...` is neither a folder nor an http(s) listing: said so, not
    looked for as a folder (a folder named `s3:` holding `bucket/` is no such source)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s3:" / "bucket").mkdir(parents=True)
    for source in ("s3://bucket", "ftp://d.example/CC-NEWS/"):
        with pytest.raises(WarcReadError) as caught:
            list_source(source, _config())
        assert str(caught.value) == (
            f"{source}: a backfill reads a local folder or an http(s) listing")


def test_a_local_source_that_is_no_folder_is_named_without_the_network(tmp_path):
    """Fault round 46: said by the command line before a run starts."""
    from tasks.discover.ccnews import local_source_problem

    (tmp_path / "warc.paths").write_text("x\n")
    assert local_source_problem(str(tmp_path)) is None
    assert local_source_problem("https://data.commoncrawl.org/x/warc.paths.gz") is None
    assert local_source_problem(str(tmp_path / "nope")) == (
        f"{tmp_path / 'nope'}: not a folder (no such file or folder)")
    assert "a backfill reads a folder of CC-NEWS-*.warc.gz files" in local_source_problem(
        str(tmp_path / "warc.paths"))
    assert "a local folder or an http(s) listing" in local_source_problem("s3://b/CC-NEWS/")
