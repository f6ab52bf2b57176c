"""The fetch stage against a fault-injecting server on loopback (127.0.0.N only).

One batch holds every fault and normal pages: each fault must end with its own error
kind (or the page, where the fault is transient), within the deadline plus a margin,
with bounded memory, while the normal pages of the same batch are fetched. Politeness is
checked from the server's side. Delays and deadlines are short so the suite stays fast.
"""

from __future__ import annotations

import re
import statistics
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pytest
from warcio.archiveiterator import ArchiveIterator

from schemas.tables import DOCUMENTS, FETCH_LOG, conform
from tasks.common.charset import decode
from tasks.common.result import StageResult
from tasks.common.settings import Settings
from tasks.steps import fetch_documents
from tasks.storage.archive import iter_responses, read_response_at
from tests.integration.faultserver import ROBOTS_MOVED, FaultServer

# Generous enough that a loaded 2-core CI machine (tracemalloc on) never turns a fast
# failure into a timeout; the hang and trickle cases wait it out.
DEADLINE = 3.0
BODY_CAP = 512 * 1024
FORBIDDEN_HOST = 200  # outside the allowed 127.0.0.0/25: the guard's redirect target
UA = "pressroom-test/1.0 (+mailto:bot@example.org)"

# path -> (expected error kind or None for a page, host number)
FAULTS: dict[str, str | None] = {
    "/hang": "timeout_headers",
    "/trickle": "timeout_body",
    "/reset": "connection_reset",
    "/short": "truncated",
    "/badchunk": "bad_chunking",
    "/loop/a": "redirect_loop",
    "/chain/0": "too_many_redirects",
    "/to-file": "scheme_not_allowed",
    f"/to-host?n={FORBIDDEN_HOST}": "blocked_address",
    "/endless": "too_large",
    "/huge-cl": "too_large_declared",
    "/bomb": "decompressed_too_large",
    "/double-bomb": "decompressed_too_large",
    "/double-gzip": None,
    "/gzip": None,
    "/gzip-cut": "truncated",     # a page cut inside its gzip data is not kept as a prefix
    "/gzip-no-trailer": None,     # only the trailer missing: nothing of the page is lost
    "/br": None,
    "/deflate-raw": None,
    "/charset-wrong": None,
    "/charset-conflict": None,
    "/invalid-bytes": None,
    "/pdf": "unsupported_content_type",
    "/pdf-as-html": "unsupported_content_type",  # the body says what the label does not
    "/image": "unsupported_content_type",
    "/429-then-ok": None,
    "/429-long": "http_429",
    "/503-then-ok": None,
    "/503": "http_503",
    "/404": "http_404",
    "/410": "http_410",
    "/bad-location": "bad_redirect",  # a Location that names no URL
    "/refresh": None,                 # a meta refresh is followed like a redirect ...
    f"/refresh-to-host?n={FORBIDDEN_HOST}": "blocked_address",  # ... and guarded like one
    "/half-head": "disconnected",     # the connection ends inside the response head
    "/partial": "partial_content",    # a 206 with part of the page is never the page
    "/partial-whole": None,           # ... but a 206 whose range is the whole page is
    "/304-plain": "http_304",         # Not Modified to a GET that asked nothing conditional
    "/latin1-location": None,         # raw latin-1 bytes in Location: percent-encoded
    "/latin1-host": "bad_redirect",   # raw bytes in the Location's host that are no UTF-8
    "/two-locations": "bad_redirect",  # two different Location headers
    "/no-location": "bad_redirect",   # a 302 naming no target
    "/status-999": "bad_status",      # no HTTP status: not retried
    "/refresh-scheme/js": None,       # a refresh to javascript:/mailto:/data: is no
    "/refresh-scheme/mailto": None,   # redirect: the page itself is kept
    "/refresh-scheme/data": None,
    "/chunk-cut": "truncated",        # chunked body cut inside a chunk: retried, then final
    "/empty": "empty_body",           # a 200 with nothing in it
    "/no-ctype": None,                # no Content-Type: the body is sniffed as HTML
    "/utf16-nobom": None,             # UTF-16LE without a BOM or a charset: detected
    "/compress": "unsupported_encoding",  # a content coding we never offered
    "/early-hints": None,             # 103 Early Hints before the 200: the page
    "/bare-lf": None,                 # header lines ended by a bare LF
    "/dup-cl": "protocol_error",      # two Content-Length headers that disagree
    "/gzip-plain": None,              # gzip declared over a plain page: the page
    "/html-as-text": None,            # an HTML page labelled text/plain is the page ...
    "/html-as-octets": None,          # ... as is one labelled application/octet-stream
    "/text-as-text": "unsupported_content_type",  # ... but plain text is no page
    "/status-101": "bad_status",      # 101 Switching Protocols to a GET: no final response
    "/cl-shorter": "protocol_error",  # more body than its Content-Length (one segment)
    "/long-location": "protocol_error",  # a header line of 100,000 bytes
    "/http09": "protocol_error",      # no status line at all (HTTP/0.9 style)
    "/cl-junk": "protocol_error",     # Content-Length: 12abc
    "/http10-close": None,            # HTTP/1.0 without Content-Length: read to the close
    "/te-gzip": None,                 # Transfer-Encoding: gzip, chunked
    "/charset-label/rot13": None,     # a charset no browser reads pages in: ignored
    "/charset-label/utf-7": None,
}
ROBOTS_HOSTS = {4: "disallow", 5: "500", 6: "hang", 7: "crawl-delay:5",
                8: "User-agent: *\nDisallow: /private\n",
                55: "redirect:http://[::1/robots.txt",  # a Location that names no URL
                56: "gzip-cut", 57: "short",  # a robots.txt cut short: unknown rules
                58: "gzip-huge",  # over 500 KiB once decompressed: its start is the rules
                59: "gzip-plain"}  # labelled gzip, sent plain: the rules all the same
# 60.. : after the robots and redirect hosts below, inside the allowed 127.0.0.0/25
FAULT_HOSTS = {path: 60 + i for i, path in enumerate(FAULTS)}
assert max(FAULT_HOSTS.values()) < 128  # every fault host inside the allowed network
NORMAL_HOSTS = [2, 3]
# robots.txt redirected to another host and port (as http -> https would be), and to
# another path of the same host; both land on "Disallow: /secret".
ROBOTS_TO_OTHER_ORIGIN, ROBOTS_TO_SAME_HOST, OTHER_ORIGIN = 50, 51, 52
RETRY_HOSTS = [53, 54]


@pytest.fixture(scope="module")
def other_origin():
    """A second server, on its own port, standing for the https origin of a site."""
    srv = FaultServer([OTHER_ORIGIN], robots={OTHER_ORIGIN: ROBOTS_MOVED.decode()}).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def server(other_origin):
    hosts = [2, 3, 9, *ROBOTS_HOSTS, *FAULT_HOSTS.values(), FORBIDDEN_HOST,
             ROBOTS_TO_OTHER_ORIGIN, ROBOTS_TO_SAME_HOST, *RETRY_HOSTS]
    robots = {**ROBOTS_HOSTS,
              ROBOTS_TO_OTHER_ORIGIN: f"redirect:{other_origin.url(OTHER_ORIGIN, '/robots.txt')}",
              ROBOTS_TO_SAME_HOST: "redirect:/robots-moved.txt"}
    srv = FaultServer(hosts, robots=robots).start()
    yield srv
    srv.stop()


def settings(tmp_path: Path, **overrides) -> Settings:
    values = dict(
        warehouse=tmp_path, user_agent=UA, allowed_networks=["127.0.0.0/25"],
        request_timeout_s=DEADLINE, connect_timeout_s=1.0, max_body_bytes=BODY_CAP,
        per_host_delay_s=0.05, per_host_concurrency=2, max_concurrency=16,
        robots_timeout_s=1.0, max_retries=2, backoff_base_s=0.05, backoff_max_s=0.2,
        retry_after_max_s=2.0, max_redirects=10, max_crawl_delay_s=0.3,
    )
    values.update(overrides)
    return Settings(**values)


def fetch(docs: pa.Table, cfg: Settings, run_id: str) -> StageResult:
    """Every test reaches the fetch stage through here, as the flow's wrapper calls it
    (config slice, warehouse history, WARC archive)."""
    return fetch_documents(docs, cfg, run_id)


def assert_delay_kept(gaps: list[float], delay: float) -> None:
    """Request starts seen by the server keep the delay. The server stamps a request when
    its event loop gets to it, which a loaded machine may delay for one request and not
    the next: one gap can shrink by that lag. So: the median keeps the delay (minus 2%
    for clock granularity), and no gap is below half of it (no delay at all is ~0)."""
    assert gaps, "no gaps to check"
    assert statistics.median(gaps) >= delay * 0.98 and min(gaps) >= delay / 2, gaps


def documents(urls: list[str], kind: str = "url") -> pa.Table:
    return conform([{"input_key": f"k{i}", "url": u, "source_kind": kind, "source": "test"}
                    for i, u in enumerate(urls)], DOCUMENTS, "documents")


def by_url(log: list[dict]) -> dict[str, dict]:
    return {row["url"]: row for row in log}


@pytest.fixture(scope="module")
def fault_run(server, tmp_path_factory):
    """One batch with every fault, robots cases and normal pages."""
    tmp = tmp_path_factory.mktemp("faults")
    urls = [server.url(FAULT_HOSTS[p], p) for p in FAULTS]
    normal = [server.url(h, f"/ok/{i}") for h in NORMAL_HOSTS for i in range(4)]
    robots = {h: server.url(h, "/ok/robots-case") for h in (4, 5, 6, 55, 56, 57)}
    server.reset_log()
    tracemalloc.start()
    result = fetch(documents(urls + normal + list(robots.values())), settings(tmp),
                   "run-faults")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, urls, normal, robots, peak, tmp


def test_each_fault_ends_with_its_own_kind(fault_run, server) -> None:
    result, urls, *_ = fault_run
    log = by_url(result.fetch_log)
    got = {path: log[server.url(FAULT_HOSTS[path], path)]["error"] for path in FAULTS}
    assert got == FAULTS


def test_normal_pages_of_the_same_run_are_fetched(fault_run) -> None:
    result, _, normal, *_ = fault_run
    log = by_url(result.fetch_log)
    assert all(log[u]["error"] is None and log[u]["status"] == 200 for u in normal)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for u in normal:
        assert b"tram line" in docs[u]["body"]
        assert docs[u]["encoding"] == "utf-8" and docs[u]["content_type"] == "text/html"
        assert docs[u]["final_url"] == u and docs[u]["fetched_at"] is not None


def test_transient_faults_end_with_the_page(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path, kind in FAULTS.items():
        url = server.url(FAULT_HOSTS[path], path)
        if kind is None:
            assert url in docs, path
            assert "tram" in decode(docs[url]["body"], docs[url]["encoding"]), path
        else:
            assert url not in docs, path
    assert log[server.url(FAULT_HOSTS["/429-then-ok"], "/429-then-ok")]["attempts"] == 2
    assert log[server.url(FAULT_HOSTS["/503-then-ok"], "/503-then-ok")]["attempts"] == 2
    assert log[server.url(FAULT_HOSTS["/503"], "/503")]["attempts"] == 3  # retried, then final
    assert log[server.url(FAULT_HOSTS["/404"], "/404")]["attempts"] == 1  # 4xx: no retry
    # Retry-After: 1 was honoured: the second request came at least 1 s after the first.
    hits = server.hits_for(FAULT_HOSTS["/429-then-ok"])
    starts = [h.start for h in hits if h.path == "/429-then-ok"]
    assert len(starts) == 2 and starts[1] - starts[0] >= 0.95


def test_charsets_are_decided_and_recorded(fault_run, server) -> None:
    result, *_ = fault_run
    docs = {r["url"]: r for r in result.table.to_pylist()}

    def doc(path: str) -> dict:
        return docs[server.url(FAULT_HOSTS[path], path)]

    wrong = doc("/charset-wrong")  # says utf-8, is windows-1252
    assert wrong["encoding"] != "utf-8"
    assert "Zürich café “news” €" in decode(wrong["body"], wrong["encoding"])
    conflict = doc("/charset-conflict")  # header iso-8859-2 wins over meta utf-8
    assert conflict["encoding"] == "iso8859-2"
    assert "Łódź i Kraków" in decode(conflict["body"], conflict["encoding"])
    for label in ("rot13", "utf-7"):  # the label ignored, the bytes read (as UTF-8)
        page = doc(f"/charset-label/{label}")
        assert page["encoding"] == "utf-8", label
        assert "C++ tram line" in decode(page["body"], page["encoding"])
    broken = doc("/invalid-bytes")  # UTF-8 with a few broken bytes stays UTF-8
    assert broken["encoding"] == "utf-8"
    assert "linię tramwajową" in decode(broken["body"], "utf-8")


def test_robots_cases(fault_run) -> None:
    result, _, _, robots, *_ = fault_run
    log = by_url(result.fetch_log)
    assert log[robots[4]]["error"] == "robots_disallowed"
    assert log[robots[5]]["error"] == "robots_server_error"
    assert log[robots[6]]["error"] == "robots_timeout"
    # a robots.txt redirect that cannot be followed counts as no robots.txt (RFC 9309:
    # unavailable, as too many redirects), not as a failure of ours
    assert (log[robots[55]]["error"], log[robots[55]]["status"]) == (None, 200)
    # a robots.txt cut short (its gzip data half way, or the transfer) is no file we can
    # read whole: unreachable, so the origin is disallowed as for a robots.txt timeout,
    # never read as the rules of its first half (nor as allow-all)
    for host, cause in ((56, "truncated"), (57, "truncated")):
        row = log[robots[host]]
        assert row["error"] == "robots_unreachable", row
        assert row["error_detail"].startswith(f"robots.txt {cause}"), row


def test_deadline_ends_the_exchanges_that_never_finish(fault_run, server) -> None:
    """/hang never sends headers and /trickle sends a byte a second (never idle, so only
    a total deadline stops it): both end as timeouts of their phase after one request
    (a timeout is not retried), and not before the deadline. Without the deadline the
    batch would not have returned at all. No upper bound on elapsed time: a loaded
    machine can stretch any exchange."""
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    for path, kind in (("/hang", "timeout_headers"), ("/trickle", "timeout_body")):
        row = log[server.url(FAULT_HOSTS[path], path)]
        assert (row["error"], row["attempts"]) == (kind, 1), row
        assert row["elapsed_ms"] >= DEADLINE * 1000 - 10, row
        assert [h.path for h in server.hits_for(FAULT_HOSTS[path])].count(path) == 1
    trickle = log[server.url(FAULT_HOSTS["/trickle"], "/trickle")]
    assert 0 < trickle["bytes"] < 100_000  # cut mid-body: Content-Length says 100000


def test_memory_stays_bounded(fault_run) -> None:
    # A 64 MiB gzip bomb, an endless body and a 10 GB Content-Length in the batch: the
    # peak of Python allocations stays a small multiple of the body cap.
    *_, peak, _ = fault_run
    assert peak < 40 * BODY_CAP, f"peak {peak / 1e6:.1f} MB"


def test_guard_refused_redirect_never_reached_the_server(fault_run, server) -> None:
    result, *_ = fault_run
    assert server.hits_for(FORBIDDEN_HOST) == []
    row = by_url(result.fetch_log)[server.url(FAULT_HOSTS[f"/to-host?n={FORBIDDEN_HOST}"],
                                               f"/to-host?n={FORBIDDEN_HOST}")]
    assert row["redirects"] == [server.url(FORBIDDEN_HOST, "/ok/redirected")]


def test_redirect_chain_is_recorded(fault_run, server) -> None:
    result, *_ = fault_run
    row = by_url(result.fetch_log)[server.url(FAULT_HOSTS["/chain/0"], "/chain/0")]
    assert len(row["redirects"]) == 11
    assert row["redirects"][0].endswith("/chain/1")


def test_fetch_log_conforms_and_points_into_the_archive(fault_run) -> None:
    result, _, normal, robots, _, tmp = fault_run
    table = conform(result.fetch_log, FETCH_LOG, "fetch_log")
    assert table.num_rows == len(FAULTS) + len(normal) + len(robots)
    assert set(table.column("run_id").to_pylist()) == {"run-faults"}
    log = by_url(result.fetch_log)
    for url in normal:
        row = log[url]
        archived = read_response_at(tmp / row["warc_file"], row["warc_offset"])
        assert archived.url == url and archived.status == 200
        assert b"tram line" in archived.body
    warcs = list(Path(tmp, "raw").rglob("*.warc.gz"))
    assert warcs and not list(Path(tmp, "raw").rglob("*.tmp"))
    # The truncated exchanges are archived and flagged with the WARC-Truncated reason:
    # the body cap ("length"), the deadline mid-body ("time": /trickle), a connection
    # lost mid-body ("disconnect": /short, /chunk-cut ...)
    responses = [r for w in warcs for r in iter_responses(w)]
    assert {"length", "time", "disconnect"} <= {r.truncated for r in responses}


def test_a_body_cut_by_a_lost_connection_is_archived_as_truncated_by_disconnect(
        server, tmp_path) -> None:
    # fetched here, not in the module's batch, so that the exchange runs inside this test
    url = server.url(FAULT_HOSTS["/short"], "/short")
    result = fetch(documents([url]), settings(tmp_path, max_retries=0), "run-short")
    assert by_url(result.fetch_log)[url]["error"] == "truncated"
    archived = [r for w in Path(tmp_path, "raw").rglob("*.warc.gz") for r in iter_responses(w)
                if r.url == url]
    assert archived and {r.truncated for r in archived} == {"disconnect"}


def test_archive_has_request_and_response_records(fault_run) -> None:
    *_, tmp = fault_run
    types: dict[str, int] = {}
    for path in Path(tmp, "raw").rglob("*.warc.gz"):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                types[record.rec_type] = types.get(record.rec_type, 0) + 1
    assert types["warcinfo"] >= 1
    assert types["request"] >= types["response"] > 30
    # each request record holds the request line as sent: method, path and query
    lines = []
    for path in Path(tmp, "raw").rglob("*.warc.gz"):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "request":
                    head = record.http_headers
                    lines.append(f"{head.protocol} {head.statusline}")
    assert "GET /ok/0 HTTP/1.1" in lines
    assert all(re.fullmatch(r"GET /\S* HTTP/1\.1", line) for line in lines), lines[:5]


def test_user_agent_is_sent(fault_run, server) -> None:
    result, _, normal, *_ = fault_run
    hits = server.hits_for(NORMAL_HOSTS[0])
    assert hits and all(h.headers.get("user-agent") == UA for h in hits)
    # pages asked for as HTML first (a server that negotiates answers with its page)
    assert all(h.headers.get("accept", "").startswith("text/html") for h in hits)


def test_politeness_gap_from_server_side(server, tmp_path) -> None:
    server.reset_log()
    urls = [server.url(3, f"/slow?s=0.02&i={i}") for i in range(6)]
    result = fetch(documents(urls), settings(tmp_path, per_host_delay_s=0.25), "run-p")
    assert all(r["error"] is None for r in result.fetch_log)
    starts = sorted(h.start for h in server.hits_for(3))
    assert len(starts) == 8  # robots.txt + 6 pages + tdmrep.json (after the first page)
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert_delay_kept(gaps, 0.25)


def test_per_host_cap_from_server_side(server, tmp_path) -> None:
    server.reset_log()
    urls = [server.url(3, f"/slow?s=0.3&i={i}") for i in range(6)]
    urls += [server.url(2, f"/slow?s=0.3&i={i}") for i in range(6)]
    result = fetch(documents(urls), settings(tmp_path, per_host_delay_s=0.0), "run-c")
    assert all(r["error"] is None for r in result.fetch_log)
    assert server.max_in_flight["127.0.0.3"] == 2
    assert server.max_in_flight["127.0.0.2"] == 2


def test_global_concurrency_limit(server, tmp_path) -> None:
    server.reset_log()
    urls = [server.url(h, "/slow?s=0.2") for h in (2, 3, 8, *list(FAULT_HOSTS.values())[:5])]
    fetch(documents(urls), settings(tmp_path, per_host_delay_s=0.0, max_concurrency=3), "run-g")
    hits = [h for h in server.hits if h.path.startswith("/slow")]
    events = sorted([(h.start, 1) for h in hits] + [(h.end, -1) for h in hits])
    level = peak = 0
    for _, step in events:
        level += step
        peak = max(peak, level)
    assert peak <= 3


def test_crawl_delay_is_honoured_up_to_the_cap(server, tmp_path) -> None:
    """robots.txt asks 5 s; max_crawl_delay_s caps it at 0.3 s. The server sees the
    capped gap; that it is not the full 5 s is not timed here (a loaded machine could
    stretch a gap), the cap itself is tests/unit/fetch/test_gate.py's."""
    from tasks.fetch.hosts import host_record

    server.reset_log()
    urls = [server.url(7, f"/ok/{i}") for i in range(4)]
    fetch(documents(urls), settings(tmp_path, per_host_delay_s=0.0, max_crawl_delay_s=0.3),
          "run-cd")
    starts = sorted(h.start for h in server.hits_for(7) if h.path.startswith("/ok/"))
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(gaps) == 3
    assert_delay_kept(gaps, 0.3)
    assert host_record("127.0.0.7").crawl_delay == 5.0  # what robots.txt asked, before the cap


def test_robots_fetched_once_per_host_and_rules_applied(server, tmp_path) -> None:
    server.reset_log()
    urls = [server.url(8, f"/ok/{i}") for i in range(5)] + [server.url(8, "/private/x")]
    result = fetch(documents(urls), settings(tmp_path), "run-r")
    assert [h.path for h in server.hits_for(8)].count("/robots.txt") == 1
    assert [h.path for h in server.hits_for(8)].count("/.well-known/tdmrep.json") == 1
    log = by_url(result.fetch_log)
    assert log[server.url(8, "/private/x")]["error"] == "robots_disallowed"
    assert sum(r["error"] is None for r in result.fetch_log) == 5


def test_dumps_and_bodies_pass_through_without_network(server, tmp_path) -> None:
    server.reset_log()
    rows = [
        {"input_key": "d1", "url": server.url(2, "/ok/dump"), "source_kind": "dump",
         "dump_text": "text"},
        {"input_key": "w1", "url": server.url(2, "/ok/warc"), "source_kind": "warc",
         "body": b"<html>archived</html>", "status": 200, "encoding": "utf-8"},
    ]
    docs = conform(rows, DOCUMENTS, "documents")
    result = fetch(docs, settings(tmp_path), "run-pt")
    assert result.fetch_log == []
    assert result.table.to_pylist() == docs.to_pylist()
    assert server.hits == []


def test_known_urls_skipped_and_refresh_sends_conditional_get(server, tmp_path) -> None:
    from tasks.storage.publish import publish_run

    url = server.url(2, "/etag")
    first = fetch(documents([url]), settings(tmp_path), "run-1")
    assert first.fetch_log[0]["error"] is None
    publish_run(tmp_path, {"fetch_log": conform(first.fetch_log, FETCH_LOG, "fetch_log")},
                {"run_id": "run-1", "started_at": "2026-01-01T00:00:00+00:00"})

    server.reset_log()
    again = fetch(documents([url]), settings(tmp_path, skip_known_urls=True), "run-2")
    assert again.fetch_log[0]["error"] == "already_fetched"
    assert again.table.num_rows == 0 and server.hits == []

    refreshed = fetch(documents([url]), settings(tmp_path, refresh=True), "run-3")
    row = refreshed.fetch_log[0]
    assert (row["status"], row["error"]) == (304, "not_modified")
    page_hits = [h for h in server.hits if h.path == "/etag"]
    assert page_hits[-1].headers.get("if-none-match") == '"v1"'


def test_bad_urls_are_logged_not_raised(tmp_path) -> None:
    docs = documents(["ftp://example.org/x", "http://10.0.0.1/admin", "not a url"])
    result = fetch(docs, settings(tmp_path, allowed_networks=[]), "run-b")
    kinds = {r["url"]: r["error"] for r in result.fetch_log}
    assert kinds == {"ftp://example.org/x": "scheme_not_allowed",
                     "http://10.0.0.1/admin": "blocked_address",
                     "not a url": "scheme_not_allowed"}


def test_concurrent_batches_share_politeness_and_robots(server, tmp_path) -> None:
    """Two batches of one run in two threads (a thread-pool task runner) on one host:
    still <= the cap in flight, starts >= the delay apart, robots.txt fetched once."""
    import threading

    server.reset_log()
    cfg = settings(tmp_path, per_host_delay_s=0.1, per_host_concurrency=1)
    batches = [[server.url(9, f"/slow?s=0.05&b={b}&i={i}") for i in range(4)] for b in range(2)]
    results = []
    threads = [threading.Thread(target=lambda u=u: results.append(
        fetch(documents(u), cfg, "run-shared"))) for u in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r["error"] is None for res in results for r in res.fetch_log)
    hits = server.hits_for(9)
    assert [h.path for h in hits].count("/robots.txt") == 1
    assert server.max_in_flight["127.0.0.9"] == 1
    starts = sorted(h.start for h in hits)
    assert_delay_kept([b - a for a, b in zip(starts, starts[1:], strict=False)], 0.1)


def test_host_names_are_checked_on_what_they_resolve_to(server, tmp_path) -> None:
    """`localhost` resolves (hosts file, no DNS traffic) to loopback: with only
    127.0.0.2/32 allowed the resolver refuses it, and nothing reaches any server."""
    server.reset_log()
    url = f"http://localhost:{server.port}/ok/by-name"
    cfg = settings(tmp_path, allowed_networks=["127.0.0.2/32"])
    result = fetch(documents([url]), cfg, "run-dns")
    row = result.fetch_log[0]
    assert row["error"] == "blocked_address", row
    assert "loopback" in row["error_detail"]
    assert server.hits == []


def test_the_fetch_config_is_a_slice_of_the_run_settings(tmp_path) -> None:
    from dataclasses import fields

    from tasks.common.settings import Settings, settings_slice
    from tasks.fetch import FetchConfig

    cfg = settings_slice(FetchConfig, Settings(warehouse=tmp_path, request_timeout_s=3.0,
                                               user_agent="ua/1 (+mailto:x@example.org)",
                                               allow_private_hosts=True))
    assert (cfg.user_agent, cfg.request_timeout_s) == ("ua/1 (+mailto:x@example.org)", 3.0)
    assert cfg.allow_private_hosts is True and cfg.per_host_concurrency == 2
    # fetch never sees where the warehouse is: history and archive are handed to it
    assert "warehouse" not in {f.name for f in fields(FetchConfig)}


def test_discovery_inputs_accept_feed_and_sitemap_types(server, tmp_path) -> None:
    """discover fetches feeds and sitemaps through fetch_batch as documents whose source
    is their own URL: XML and gzip files are accepted for them (and a .xml.gz stays
    compressed for the sitemap parser), not for article pages."""
    feed, sitemap = server.url(2, "/feed.xml"), server.url(2, "/sitemap.xml.gz")
    rows = [{"input_key": u, "url": u, "source_kind": "feed", "source": u}
            for u in (feed, sitemap)]
    rows.append({"input_key": "page", "url": server.url(3, "/feed.xml"), "source_kind": "feed",
                 "source": feed})  # an article URL listed by a feed that returns RSS
    result = fetch(conform(rows, DOCUMENTS, "documents"), settings(tmp_path), "run-src")
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    assert log[feed]["error"] is None and docs[feed]["content_type"] == "application/rss+xml"
    assert b"<rss" in docs[feed]["body"]
    assert log[sitemap]["error"] is None and docs[sitemap]["body"][:2] == b"\x1f\x8b"
    assert log[server.url(3, "/feed.xml")]["error"] == "unsupported_content_type"


def test_per_host_delays_from_the_sources_file(server, tmp_path) -> None:
    """host_delays (from seeds/sources.toml via sourcesfile.host_delays) raise the delay
    of their host only."""
    server.reset_log()
    urls = [server.url(n, f"/ok/hd{i}") for n in (NORMAL_HOSTS[0], NORMAL_HOSTS[1])
            for i in range(3)]
    from tasks.fetch.hosts import host_record, register_host_delays

    cfg = settings(tmp_path, per_host_delay_s=0.0, host_delays={"127.0.0.2": 0.4})
    try:
        fetch(documents(urls), cfg, "run-hd")
        # The other host keeps the (zero) default: read from its politeness record
        # rather than timed (a loaded machine could stretch its gaps past 0.4 s).
        assert host_record("127.0.0.2").source_delay == 0.4
        assert host_record("127.0.0.3").source_delay == 0.0
    finally:
        register_host_delays({"127.0.0.2": 0.0})  # process-wide: do not slow other tests

    def gaps(n: int) -> list[float]:
        starts = sorted(h.start for h in server.hits_for(n) if h.path.startswith("/ok/hd"))
        return [b - a for a, b in zip(starts, starts[1:], strict=False)]

    assert min(gaps(2)) >= 0.4 - 0.02
    assert len(gaps(3)) == 2  # its pages were fetched too


def test_robots_txt_redirects_are_followed(server, other_origin, tmp_path) -> None:
    """robots.txt that redirects (RFC 9309 2.3.1.2: follow at least five) governs the
    origin it was asked for: the page it disallows is never requested."""
    server.reset_log()
    other_origin.reset_log()
    hosts = (ROBOTS_TO_OTHER_ORIGIN, ROBOTS_TO_SAME_HOST)
    secret = {h: server.url(h, "/secret/page") for h in hosts}
    allowed = {h: server.url(h, "/ok/allowed") for h in hosts}
    cfg = settings(tmp_path, per_host_delay_s=0.0)
    result = fetch(documents([*secret.values(), *allowed.values()]), cfg, "run-robots-redirect")
    log = by_url(result.fetch_log)
    for h in hosts:
        assert log[secret[h]]["error"] == "robots_disallowed", log[secret[h]]
        assert log[secret[h]]["error_detail"] == "robots.txt 200"
        assert log[allowed[h]]["error"] is None  # the rules were read, not "disallow all"
    # From the servers' side: the redirects were followed, the page was never asked for.
    # (the TDMRep file is asked for after the origin's first page)
    assert [h.path for h in server.hits_for(ROBOTS_TO_OTHER_ORIGIN)] == [
        "/robots.txt", "/ok/allowed", "/.well-known/tdmrep.json"]
    assert [h.path for h in other_origin.hits_for(OTHER_ORIGIN)] == ["/robots.txt"]
    assert [h.path for h in server.hits_for(ROBOTS_TO_SAME_HOST)] == [
        "/robots.txt", "/robots-moved.txt", "/ok/allowed", "/.well-known/tdmrep.json"]
    assert not [h for h in server.hits if h.path.startswith("/secret")]


def test_http_500_is_retried_until_the_page_comes(server, tmp_path) -> None:
    server.reset_log()
    url = server.url(RETRY_HOSTS[0], "/500-twice-then-ok")
    cfg = settings(tmp_path, max_retries=3, backoff_base_s=0.01, backoff_max_s=0.02,
                   per_host_delay_s=0.0)
    result = fetch(documents([url]), cfg, "run-500-ok")
    row = result.fetch_log[0]
    assert (row["error"], row["status"], row["attempts"]) == (None, 200, 3), row
    assert [h.path for h in server.hits_for(RETRY_HOSTS[0])].count("/500-twice-then-ok") == 3
    assert result.table.num_rows == 1


@pytest.mark.parametrize("max_retries", [1, 3])
def test_http_500_always_ends_as_http_500(server, tmp_path, max_retries: int) -> None:
    server.reset_log()
    url = server.url(RETRY_HOSTS[1], "/500")
    cfg = settings(tmp_path, max_retries=max_retries, backoff_base_s=0.01,
                   backoff_max_s=0.02, per_host_delay_s=0.0)
    result = fetch(documents([url]), cfg, f"run-500-{max_retries}")
    row = result.fetch_log[0]
    assert (row["error"], row["status"], row["attempts"]) == ("http_500", 500, 1 + max_retries)
    assert [h.path for h in server.hits_for(RETRY_HOSTS[1])].count("/500") == 1 + max_retries
    assert result.table.num_rows == 0


def test_a_page_is_asked_for_as_html_and_its_request_archived_as_sent(server, tmp_path) -> None:
    """In a test of its own (not the module's shared run), so that a change to the request
    is caught here wherever the shared run's checks are attributed."""
    url = server.url(NORMAL_HOSTS[1], "/ok/asked?x=1")
    server.reset_log()
    result = fetch(documents([url]), settings(tmp_path), "run-asked")
    assert result.table.num_rows == 1
    [hit] = [h for h in server.hits_for(NORMAL_HOSTS[1]) if h.path.startswith("/ok/asked")]
    assert hit.headers.get("accept", "").startswith("text/html")
    heads = []
    for path in Path(tmp_path, "raw").rglob("*.warc.gz"):
        with open(path, "rb") as fh:
            heads += [f"{r.http_headers.protocol} {r.http_headers.statusline}"
                      for r in ArchiveIterator(fh) if r.rec_type == "request"]
    assert "GET /ok/asked?x=1 HTTP/1.1" in heads, heads


def test_a_gzip_page_is_kept_whole_or_refused_never_kept_in_part(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    no_trailer = docs[server.url(FAULT_HOSTS["/gzip-no-trailer"], "/gzip-no-trailer")]
    assert no_trailer["body"].rstrip().endswith(b"</html>")  # all of it, not a prefix
    cut = log[server.url(FAULT_HOSTS["/gzip-cut"], "/gzip-cut")]
    assert "compressed data stops before its end" in cut["error_detail"]


def test_a_meta_refresh_is_followed_to_the_page_it_names(fault_run, server) -> None:
    result, *_ = fault_run
    url = server.url(FAULT_HOSTS["/refresh"], "/refresh")
    row = by_url(result.fetch_log)[url]
    target = server.url(FAULT_HOSTS["/refresh"], "/ok/refreshed")
    assert row["final_url"] == target and row["redirects"] == [target]
    doc = {r["url"]: r for r in result.table.to_pylist()}[url]
    assert doc["final_url"] == target and b"<title>/ok/refreshed</title>" in doc["body"]


def test_a_binary_body_under_an_html_label_is_named_in_the_log(fault_run, server) -> None:
    result, *_ = fault_run
    row = by_url(result.fetch_log)[server.url(FAULT_HOSTS["/pdf-as-html"], "/pdf-as-html")]
    assert row["error_detail"] == "content-type text/html, but the body is a PDF"


def test_faults_of_status_and_location_say_what_was_wrong(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)

    def row(path: str) -> dict:
        return log[server.url(FAULT_HOSTS[path], path)]

    assert "Content-Range" in row("/partial")["error_detail"]
    assert row("/partial")["status"] == 206
    assert "no conditional" in row("/304-plain")["error_detail"]
    assert "2 different Location headers" in row("/two-locations")["error_detail"]
    assert "without a Location header" in row("/no-location")["error_detail"]
    assert "host" in row("/latin1-host")["error_detail"]
    # an impossible status is final at once, not retried like a 5xx
    assert (row("/status-999")["status"], row("/status-999")["attempts"]) == (999, 1)
    assert "outside 100-599" in row("/status-999")["error_detail"]
    assert (row("/status-101")["status"], row("/status-101")["attempts"]) == (101, 1)
    assert "interim (1xx) response" in row("/status-101")["error_detail"]
    # the latin-1 bytes of the Location were sent percent-encoded, byte for byte
    latin = row("/latin1-location")
    assert latin["redirects"] == [server.url(FAULT_HOSTS["/latin1-location"],
                                             "/caf%E9/d%E9j%E0?q=%E9t%E9")]


def test_a_refresh_to_a_non_web_scheme_keeps_the_page(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for name in ("js", "mailto", "data"):
        url = server.url(FAULT_HOSTS[f"/refresh-scheme/{name}"], f"/refresh-scheme/{name}")
        assert log[url]["redirects"] == [] and log[url]["final_url"] == url
        assert b"tram line" in docs[url]["body"]


def test_timeouts_and_broken_heads_name_their_phase(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    for path, phase in (("/hang", "headers"), ("/trickle", "reading the body"),
                        ("/half-head", "headers"), ("/badchunk", "reading the body")):
        detail = log[server.url(FAULT_HOSTS[path], path)]["error_detail"]
        assert phase in detail, (path, detail)


def test_a_robots_txt_over_the_cap_once_decompressed_is_read_from_its_start(
        server, tmp_path) -> None:
    """RFC 9309: the first 500 KiB are parsed. The gzip body decompresses past that: its
    start (the rules) counts, not the compressed bytes (read as no rules: allow-all)."""
    urls = [server.url(58, "/private/a"), server.url(58, "/ok/a")]
    log = by_url(fetch(documents(urls), settings(tmp_path), "run-robots-huge").fetch_log)
    assert log[urls[0]]["error"] == "robots_disallowed"
    assert log[urls[1]]["error"] is None


def test_broken_transfers_and_labels_say_what_was_wrong(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}

    def url(path: str) -> str:
        return server.url(FAULT_HOSTS[path], path)

    # a chunk cut short is a transfer that may come whole next time: retried
    assert log[url("/chunk-cut")]["attempts"] == 3
    # what the parser refused, in words: no "400" the server never sent, no page bytes
    for path, words in (("/dup-cl", "two Content-Length headers"),
                        ("/cl-shorter", "more bytes than its Content-Length"),
                        ("/long-location", "a header line longer than 65536 bytes"),
                        ("/http09", "Bad status line"),
                        ("/cl-junk", "Invalid character in Content-Length")):
        assert log[url(path)]["error_detail"].endswith(f"malformed response: {words}"), path
    assert "compress" in log[url("/compress")]["error_detail"]
    utf16 = docs[url("/utf16-nobom")]
    assert utf16["encoding"] == "utf-16-le"
    assert "<title>Zürich tram</title>" in decode(utf16["body"], utf16["encoding"])
    assert docs[url("/no-ctype")]["content_type"] == "text/html"


def test_a_page_under_a_generic_label_is_kept_only_when_it_is_html(fault_run, server) -> None:
    result, *_ = fault_run
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path in ("/html-as-text", "/html-as-octets"):
        doc = docs[server.url(FAULT_HOSTS[path], path)]
        assert doc["content_type"] == "text/html" and doc["body"].endswith(b"</html>")
    row = log[server.url(FAULT_HOSTS["/text-as-text"], "/text-as-text")]
    assert row["error_detail"] == "content-type text/plain, and the body is no HTML page"


def test_a_url_too_long_for_any_server_is_refused_unsent(server, tmp_path) -> None:
    """A 9,000-character URL (a query string gone wrong): servers answer 414 or drop the
    connection (which was retried three times as `disconnected`); it is never sent."""
    server.reset_log()
    long_url = server.url(NORMAL_HOSTS[0], "/ok/" + "y" * 9000)
    result = fetch(documents([long_url]), settings(tmp_path), "run-long-url")
    row = result.fetch_log[0]
    assert (row["error"], row["attempts"]) == ("url_too_long", 1), row
    assert not [h for h in server.hits if h.path.startswith("/ok/yyy")]


def test_a_robots_txt_labelled_gzip_but_sent_plain_is_read(server, tmp_path) -> None:
    """A common misconfiguration: the gzip decoder refused the plain file, and the refusal
    made robots.txt unreachable, so every page of the site was robots_unreachable."""
    urls = [server.url(59, "/private/a"), server.url(59, "/ok/a")]
    log = by_url(fetch(documents(urls), settings(tmp_path), "run-robots-gzip-plain").fetch_log)
    assert log[urls[0]]["error"] == "robots_disallowed"
    assert log[urls[1]]["error"] is None
