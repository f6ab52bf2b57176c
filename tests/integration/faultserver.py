"""A misbehaving HTTP/1.1 server on loopback, for the fetcher's fault tests.

Raw asyncio streams rather than a web framework, because the faults live below what a
framework lets you do: a reset in the middle of a body, a body shorter than its
Content-Length, broken chunking, a 1 byte/s trickle. One server socket per address
127.0.0.N (same port), so the fetcher sees distinct hosts; it runs in a thread with its
own event loop and records every request (host, path, start, end) so that tests can check
politeness from the server's side.

The path picks the behaviour (see `FaultServer._respond`); robots.txt depends on the host
via `robots` (address -> "disallow" | "500" | "hang" | "crawl-delay:<s>" |
"redirect:<Location>" | "status:<code>" | "empty" | "redirect-no-location" | text).
"""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import brotli

from tasks.common.ledger import Ledger

PARAGRAPH = (
    "The council voted on Tuesday to extend the tram line to the northern districts. "
    "Residents said the works would take two years; the mayor promised compensation. "
)

# A dump's body long enough for the word filter (min_words 25), for the rounds' dump files.
PROSE = ("The city council met on Tuesday evening to debate the budget for the coming "
         "year, and members from every party spoke about schools, roads and housing. ")


def story_paragraphs(slug: str) -> str:
    """Eight paragraphs of a story, distinct per slug (so no two served pages are copies)."""
    return "".join(
        f"<p>The council debated the {slug} plan for the {j + 1}th time on Tuesday, and "
        f"member {j + 3} said it would cost {j + 5} million euros over {j + 2} years, "
        "according to figures the city published on its site.</p>" for j in range(8))


def story(slug: str, title: str, head: str = "", body: str | None = None) -> str:
    """The page the fault rounds (11 on) serve as an article: `head` goes into <head>,
    `body` replaces the paragraphs."""
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>{head}</head>'
            f"<body><article><h1>{title}</h1>"
            f"{story_paragraphs(slug) if body is None else body}</article></body></html>")


# robots.txt served at /robots-moved.txt on every host.
ROBOTS_MOVED = b"User-agent: *\nDisallow: /secret\n"


def article(title: str, paragraphs: int = 40, charset_meta: str = "utf-8") -> str:
    body = "\n".join(f"<p>{PARAGRAPH} ({i})</p>" for i in range(paragraphs))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset_meta}"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _gzip_zeros(n: int, layers: int = 1) -> bytes:
    """gzip of n zero bytes, compressed in chunks (never n bytes in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    parts = [comp.compress(chunk) for _ in range(n >> 20)]
    parts.append(comp.flush())
    data = b"".join(parts)
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


# /cut/<name>: a discovery input whose transfer is cut inside its 4th entry (Content-Length
# of the whole, the head of it sent, then the connection closed); /gzcut/<name>: a whole
# transfer whose gzip data stops there. The first 3 entries are whole.
CUT_ENTRIES = 4


def cut_tag(path: str) -> str:
    """The part of the entries' URLs that names the document they are in (/cut/feed.xml:
    cut_feed_xml), so that no two documents list the same page."""
    return path.strip("/").replace("/", "_").replace(".", "_").replace("-", "_")


def cut_document(name: str, base: str, tag: str) -> tuple[str, bytes, bytes, str | None]:
    """(content type, the whole body as it would be sent, the part sent before the cut,
    Content-Encoding) of the discovery input `name`: sitemap.txt, sitemap.xml, feed.xml,
    index.xml (children at /whole-child/<tag>/<i>.xml), sitemap.xml.gz (a gzip file) or
    sitemap-ce.xml (Content-Encoding: gzip); its entries are {base}/ok/<tag>-<i>. Gzip is
    flushed at the cut, so the part sent decodes to exactly the text before the cut."""
    urls = [f"{base}/ok/{tag}-{i}" for i in range(1, CUT_ENTRIES + 1)]
    if name == "sitemap.txt":
        ctype, text = "text/plain", "".join(u + "\n" for u in urls)
        at = text.index(urls[-1]) + len(base) + 4  # inside the last line: ".../ok"
    elif name == "feed.xml":
        ctype = "application/rss+xml"
        text = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                + "".join(f"<item><title>Cut {i}</title><link>{u}</link></item>"
                          for i, u in enumerate(urls, 1)) + "</channel></rss>")
        at = text.index(urls[-1]) + len(base) + 4
    elif name == "index.xml":
        ctype = "application/xml"
        children = [f"{base}/whole-child/{tag}/{i}.xml" for i in range(1, CUT_ENTRIES + 1)]
        text = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
                + "</sitemapindex>")
        at = text.index(children[-1]) + len(base) + 8
    else:  # sitemap.xml, sitemap.xml.gz, sitemap-ce.xml: one urlset
        ctype = "application/gzip" if name.endswith(".gz") else "application/xml"
        text = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>")
        at = text.index(urls[-1]) + len(base) + 4
    data = text.encode()
    if not (name.endswith(".gz") or name == "sitemap-ce.xml"):
        return ctype, data, data[:at], None
    comp = zlib.compressobj(6, zlib.DEFLATED, 31)
    sent = comp.compress(data[:at]) + comp.flush(zlib.Z_SYNC_FLUSH)
    whole = sent + comp.compress(data[at:]) + comp.flush()
    return ctype, whole, sent, None if name.endswith(".gz") else "gzip"


@dataclass
class Hit:
    host: str
    path: str
    start: float
    end: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class FaultServer:
    """Start with `start()`, stop with `stop()`; `url(host_n, path)` builds addresses."""

    def __init__(self, hosts: list[int], robots: dict[int, str] | None = None) -> None:
        self.hosts = hosts
        self.robots = robots or {}
        self.port = 0
        self.hits: list[Hit] = []
        self.counters: dict[str, int] = {}
        self.in_flight: dict[str, int] = {}
        self.max_in_flight: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[asyncio.AbstractServer] = []
        self._lock = threading.Lock()
        self.bomb = _gzip_zeros(64 << 20)  # 64 MiB of zeros in ~64 KB
        self.double_bomb = _gzip_zeros(64 << 20, layers=2)

    # -- lifecycle -----------------------------------------------------------------
    def url(self, host: int, path: str) -> str:
        return f"http://127.0.0.{host}:{self.port}{path}"

    def start(self) -> FaultServer:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            try:
                self._loop.run_until_complete(self._bind())
                ready.set()
                self._loop.run_forever()
            finally:
                # closed where it ran, once stop() has stopped it: an unclosed loop's
                # ResourceWarning surfaced in whatever test ran at the next collection
                self._loop.close()

        self._thread = threading.Thread(target=run, daemon=True, name="faultserver")
        self._thread.start()
        ready.wait(10)
        return self

    async def _bind(self) -> None:
        for _ in range(20):
            probe = socket.socket()
            probe.bind((f"127.0.0.{self.hosts[0]}", 0))
            port = probe.getsockname()[1]
            probe.close()
            try:
                for n in self.hosts:
                    ip = f"127.0.0.{n}"
                    server = await asyncio.start_server(
                        lambda r, w, ip=ip: self._handle(r, w, ip), ip, port
                    )
                    self._servers.append(server)
                self.port = port
                return
            except OSError:
                for s in self._servers:
                    s.close()
                self._servers.clear()
        raise RuntimeError("no free port on all loopback addresses")

    def stop(self) -> None:
        async def close() -> None:
            for s in self._servers:
                s.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        if self._loop is not None:
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)

    def reset_log(self) -> None:
        with self._lock:
            self.hits.clear()
            self.max_in_flight.clear()

    def hits_for(self, host: int) -> list[Hit]:
        ip = f"127.0.0.{host}"
        with self._lock:
            return [h for h in self.hits if h.host == ip]

    # -- protocol --------------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      ip: str) -> None:
        hit = None
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            hit = Hit(ip, target, time.monotonic(), headers=headers)
            with self._lock:
                self.hits.append(hit)
                self.in_flight[ip] = self.in_flight.get(ip, 0) + 1
                self.max_in_flight[ip] = max(self.max_in_flight.get(ip, 0), self.in_flight[ip])
            await self._respond(ip, target, headers, writer)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if hit is not None:
                hit.end = time.monotonic()
                with self._lock:
                    self.in_flight[ip] -= 1
            if not writer.is_closing():
                writer.close()

    @staticmethod
    def _head(status: str, headers: list[tuple[str, str]]) -> bytes:
        lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers]
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def _send(self, writer, status: str, body: bytes, ctype: str = "text/html; charset=utf-8",
                    extra: list[tuple[str, str]] = ()) -> None:
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), *extra]
        writer.write(self._head(status, headers) + body)
        await writer.drain()

    def _count(self, key: str) -> int:
        with self._lock:
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]

    async def _robots(self, ip: str, writer) -> None:
        rule = self.robots.get(int(ip.rsplit(".", 1)[1]))
        if rule is None:
            await self._send(writer, "404 Not Found", b"no robots here", "text/plain")
        elif rule == "disallow":
            await self._send(writer, "200 OK", b"User-agent: *\nDisallow: /\n", "text/plain")
        elif rule == "500":
            await self._send(writer, "500 Internal Server Error", b"oops", "text/plain")
        elif rule == "hang":
            await asyncio.sleep(3600)
        elif rule.startswith("redirect:"):  # "redirect:<Location>", absolute or not
            await self._send(writer, "301 Moved Permanently", b"", "text/plain",
                             extra=[("Location", rule.split(":", 1)[1])])
        elif rule == "gzip-cut":  # whole transfer, gzip data cut half way
            data = gzip.compress(b"User-agent: *\nDisallow: /private\n" + b"# pad\n" * 400)
            await self._send(writer, "200 OK", data[:len(data) // 2], "text/plain",
                             extra=[("Content-Encoding", "gzip")])
        elif rule == "gzip-huge":  # rules first, then padding past 500 KiB once inflated
            data = gzip.compress(b"User-agent: *\nDisallow: /private\n" + b"# pad\n" * 100_000)
            await self._send(writer, "200 OK", data, "text/plain",
                             extra=[("Content-Encoding", "gzip")])
        elif rule == "gzip-plain":  # labelled gzip, sent as plain text
            await self._send(writer, "200 OK", b"User-agent: *\nDisallow: /private\n",
                             "text/plain", extra=[("Content-Encoding", "gzip")])
        elif rule == "short":  # the connection ends before the Content-Length is reached
            body = b"User-agent: *\nDisallow: /private\n"
            writer.write(self._head("200 OK", [("Content-Type", "text/plain"),
                                               ("Content-Length", str(len(body) + 500))]) + body)
            await writer.drain()
            writer.close()
        elif rule.startswith("status:"):  # "status:<code>": that status, a short body
            await self._send(writer, f"{rule.split(':', 1)[1]} Whatever", b"nope", "text/plain")
        elif rule == "empty":  # 200 with an empty file
            await self._send(writer, "200 OK", b"", "text/plain")
        elif rule == "redirect-no-location":  # a 302 that names no target
            await self._send(writer, "302 Found", b"", "text/plain")
        elif rule.startswith("crawl-delay:"):
            body = f"User-agent: *\nCrawl-delay: {rule.split(':', 1)[1]}\n".encode()
            await self._send(writer, "200 OK", body, "text/plain")
        else:
            await self._send(writer, "200 OK", rule.encode(), "text/plain")

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        key = f"{ip}{target}"
        base = f"http://{ip}:{self.port}"
        page = article(path).encode("utf-8")
        if path == "/robots.txt":
            await self._robots(ip, writer)
        elif path == "/robots-moved.txt":  # where a same-host robots.txt redirect lands
            await self._send(writer, "200 OK", ROBOTS_MOVED, "text/plain")
        elif path.startswith(("/ok", "/private", "/secret")):
            await self._send(writer, "200 OK", page)
        elif path == "/slow":
            await asyncio.sleep(float(query.get("s", ["0.2"])[0]))
            await self._send(writer, "200 OK", page)
        elif path == "/hang":
            await asyncio.sleep(3600)
        elif path == "/trickle":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", "100000")]))
            for byte in page[:3600]:
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(1.0)
        elif path == "/reset":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(page) * 10))]))
            writer.write(page[:2000])
            await writer.drain()
            await asyncio.sleep(0.05)
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()  # RST, not FIN
        elif path == "/short":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(page) + 5000))]))
            writer.write(page)
            await writer.drain()
            writer.close()
        elif path == "/badchunk":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Transfer-Encoding", "chunked")]))
            # Headers and the broken chunk in separate segments: the case where aiohttp
            # does not wake a waiting reader (tasks/fetch/client.py _read_some).
            await writer.drain()
            await asyncio.sleep(0.1)
            writer.write(b"10\r\n<html><body>hel\r\nZZZ-not-hex\r\nlo\r\n0\r\n\r\n")
            await writer.drain()
        elif path == "/bad-location":
            await self._send(writer, "302 Found", b"", extra=[("Location", "http://[::1/x")])
        elif path == "/partial":  # 206 to a request without Range: only part of the page
            part = page[:200]
            await self._send(writer, "206 Partial Content", part,
                             extra=[("Content-Range", f"bytes 0-{len(part) - 1}/{len(page)}")])
        elif path == "/partial-whole":  # 206 whose range is the whole page: it is the page
            await self._send(writer, "206 Partial Content", page,
                             extra=[("Content-Range", f"bytes 0-{len(page) - 1}/{len(page)}")])
        elif path == "/304-plain":  # Not Modified, though nothing conditional was asked
            writer.write(self._head("304 Not Modified", [("ETag", '"x"')]))
            await writer.drain()
        elif path == "/latin1-location":  # raw latin-1 bytes in the Location path and query
            writer.write(b"HTTP/1.1 302 Found\r\nLocation: /caf\xe9/d\xe9j\xe0?q=\xe9t\xe9\r\n"
                         b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
        elif path.startswith("/caf"):  # where /latin1-location lands (percent-encoded)
            await self._send(writer, "200 OK", page)
        elif path == "/latin1-host":  # raw bytes in the host that are no UTF-8
            writer.write(b"HTTP/1.1 302 Found\r\nLocation: http://b\xe9d\xff.example/x\r\n"
                         b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
        elif path == "/two-locations":  # two different Location headers: which one?
            await self._send(writer, "302 Found", b"", extra=[("Location", "/ok/one"),
                                                              ("Location", "/ok/two")])
        elif path == "/no-location":  # a redirect status that names no target
            await self._send(writer, "302 Found", b"moved somewhere")
        elif path == "/status-999":  # no HTTP status at all
            await self._send(writer, "999 Whatever", page)
        elif path.startswith("/refresh-scheme/"):  # a meta refresh to javascript:/mailto:/data:
            target = {"js": "javascript:location.href='/ok/x'", "mailto": "mailto:desk@example.org",
                      "data": "data:text/html,hello"}[path.rsplit("/", 1)[1]]
            meta = f'<head><meta http-equiv="refresh" content="0; url={target}">'.encode()
            await self._send(writer, "200 OK", page.replace(b"<head>", meta, 1))
        elif path == "/half-head":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Ty")
            await writer.drain()
            writer.close()
        elif path == "/loop/a":
            await self._send(writer, "302 Found", b"", extra=[("Location", "/loop/b")])
        elif path == "/loop/b":
            await self._send(writer, "301 Moved", b"", extra=[("Location", f"{base}/loop/a")])
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            if n >= 25:
                await self._send(writer, "200 OK", page)
            else:
                await self._send(writer, "302 Found", b"", extra=[("Location", f"/chain/{n + 1}")])
        elif path == "/to-file":
            await self._send(writer, "302 Found", b"", extra=[("Location", "file:///etc/passwd")])
        elif path == "/to-host":  # redirect to another address: /to-host?n=40
            target_host = query["n"][0]
            loc = f"http://127.0.0.{target_host}:{self.port}/ok/redirected"
            await self._send(writer, "302 Found", b"", extra=[("Location", loc)])
        elif path == "/refresh":  # a moved page: a meta refresh, relative, no delay
            await self._send(writer, "200 OK", b'<html><head><meta http-equiv="Refresh" '
                             b'content="0; URL=\'/ok/refreshed\'"></head><body>Moved</body>'
                             b"</html>")
        elif path == "/refresh-to-host":  # a meta refresh to another address: ?n=100
            loc = f"http://127.0.0.{query['n'][0]}:{self.port}/ok/refreshed"
            await self._send(writer, "200 OK", f'<meta http-equiv="refresh" content="1;url={loc}">'
                             .encode())
        elif path == "/endless":
            writer.write(self._head("200 OK", [("Content-Type", "text/html")]))
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            for _ in range(100_000):  # 6.5 GB if nobody stops reading
                writer.write(chunk)
                await writer.drain()
        elif path == "/huge-cl":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(10 * 1024**3))]))
            for _ in range(100_000):
                writer.write(b"x" * 65536)
                await writer.drain()
        elif path == "/bomb":
            await self._send(writer, "200 OK", self.bomb, extra=[("Content-Encoding", "gzip")])
        elif path == "/double-bomb":
            await self._send(writer, "200 OK", self.double_bomb,
                             extra=[("Content-Encoding", "gzip, gzip")])
        elif path == "/double-gzip":  # declared once, compressed twice
            body = gzip.compress(gzip.compress(page))
            await self._send(writer, "200 OK", body, extra=[("Content-Encoding", "gzip")])
        elif path == "/gzip":
            await self._send(writer, "200 OK", gzip.compress(page),
                             extra=[("Content-Encoding", "gzip")])
        elif path == "/gzip-cut":  # the transfer is whole, the gzip data in it is cut
            body = gzip.compress(page)
            await self._send(writer, "200 OK", body[: len(body) // 2],
                             extra=[("Content-Encoding", "gzip")])
        elif path == "/gzip-no-trailer":  # every block there, the CRC and length missing
            await self._send(writer, "200 OK", gzip.compress(page)[:-8],
                             extra=[("Content-Encoding", "gzip")])
        elif path == "/br":
            await self._send(writer, "200 OK", brotli.compress(page),
                             extra=[("Content-Encoding", "br")])
        elif path == "/deflate-raw":
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            await self._send(writer, "200 OK", comp.compress(page) + comp.flush(),
                             extra=[("Content-Encoding", "deflate")])
        elif path == "/charset-wrong":  # says utf-8, is windows-1252
            body = article("Zürich café “news” €").encode("cp1252")
            await self._send(writer, "200 OK", body)
        elif path == "/charset-conflict":  # header iso-8859-2, meta utf-8, bytes iso-8859-2
            body = article("Łódź i Kraków", charset_meta="utf-8").encode("iso-8859-2")
            await self._send(writer, "200 OK", body, "text/html; charset=iso-8859-2")
        elif path == "/invalid-bytes":
            body = page.replace(b"tram line", "linię tramwajową".encode())  # real UTF-8 text
            body = body.replace(b"</h1>", b"\xff\xfe\xc3(</h1>")  # ... and broken bytes
            await self._send(writer, "200 OK", body)
        elif path == "/gzip-plain":  # gzip declared, the body is plain HTML
            await self._send(writer, "200 OK", page, extra=[("Content-Encoding", "gzip")])
        elif path == "/compress":  # a coding we never offer (LZW's magic, then junk; it
            # was zstd's until round 36, when zstd became a coding we offer and undo)
            await self._send(writer, "200 OK", b"\x1f\x9d\x90" + bytes(300),
                             extra=[("Content-Encoding", "compress")])
        elif path == "/cl-shorter":  # Content-Length says half, the whole page follows
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(page) // 2))]) + page)
            await writer.drain()
        elif path == "/chunk-cut":  # a chunk announced at 4096 bytes, 100 sent, then close
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Transfer-Encoding", "chunked")]))
            writer.write(b"1000\r\n" + page[:100])
            await writer.drain()
            writer.close()
        elif path == "/empty":  # 200, nothing in it
            await self._send(writer, "200 OK", b"")
        elif path == "/html-as-text":  # an HTML page labelled text/plain
            await self._send(writer, "200 OK", page, "text/plain; charset=utf-8")
        elif path == "/text-as-text":  # really plain text, labelled so
            await self._send(writer, "200 OK", PARAGRAPH.encode() * 20, "text/plain")
        elif path == "/html-as-octets":  # an HTML page labelled application/octet-stream
            await self._send(writer, "200 OK", page, "application/octet-stream")
        elif path == "/no-ctype":  # an HTML page with no Content-Type at all
            writer.write(self._head("200 OK", [("Content-Length", str(len(page)))]) + page)
            await writer.drain()
        elif path == "/utf16-nobom":  # UTF-16LE, no BOM, no charset anywhere
            body = article("Zürich tram").replace('<meta charset="utf-8">', "")
            await self._send(writer, "200 OK", body.encode("utf-16-le"), "text/html")
        elif path == "/early-hints":  # 103 Early Hints, then the page
            writer.write(b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n")
            await self._send(writer, "200 OK", page)
        elif path == "/long-location":  # a Location of 100,000 characters (round 22:
            # over the 64 KiB header line the fetcher reads; one of 20,000 is read, and
            # refused unsent as url_too_long)
            await self._send(writer, "302 Found", b"",
                             extra=[("Location", "/ok/" + "x" * 100_000)])
        elif path == "/dup-cl":  # two Content-Length headers that disagree
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(page))),
                                               ("Content-Length", str(len(page) - 500))]) + page)
            await writer.drain()
        elif path == "/bare-lf":  # header lines ended by LF alone
            writer.write(b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: "
                         + str(len(page)).encode() + b"\nConnection: close\n\n" + page)
            await writer.drain()
        elif path == "/status-101":  # Switching Protocols to a plain GET
            writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         b"Connection: Upgrade\r\n\r\n")
            await writer.drain()
            await asyncio.sleep(0.2)
            writer.close()
        elif path == "/te-gzip":  # Transfer-Encoding: gzip, chunked
            data = gzip.compress(page)
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Transfer-Encoding", "gzip, chunked")])
                         + b"%x\r\n" % len(data) + data + b"\r\n0\r\n\r\n")
            await writer.drain()
        elif path == "/http09":  # no status line, no headers: the body alone
            writer.write(page)
            await writer.drain()
            writer.close()
        elif path == "/http10-close":  # HTTP/1.0, no Content-Length: the body ends at close
            writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page)
            await writer.drain()
            writer.close()
        elif path == "/cl-junk":
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", "12abc")]) + page)
            await writer.drain()
        elif path.startswith("/charset-label/"):  # a label no browser decodes pages with
            label = path.rsplit("/", 1)[1]
            await self._send(writer, "200 OK", page.replace(b"tram line", b"C++ tram line"),
                             f"text/html; charset={label}")
        elif path == "/feed.xml":
            rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                   b"<item><link>http://example.org/a</link></item></channel></rss>")
            await self._send(writer, "200 OK", rss, "application/rss+xml")
        elif path == "/feed.json":  # a JSON Feed, under its own media type
            body = (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": '
                    b'[{"id": "1", "url": "http://example.org/j1"}]}')
            await self._send(writer, "200 OK", body, "application/feed+json")
        elif path == "/sitemap.xml.gz":
            xml = b'<?xml version="1.0"?><urlset><url><loc>http://example.org/a</loc></url></urlset>'
            await self._send(writer, "200 OK", gzip.compress(xml), "application/x-gzip")
        elif path == "/pdf-as-html":  # a CMS download link: a PDF labelled text/html
            await self._send(writer, "200 OK", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 4000)
        elif path == "/pdf":
            await self._send(writer, "200 OK", b"%PDF-1.4\n" + bytes(5000), "application/pdf")
        elif path == "/image":
            await self._send(writer, "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(5000), "image/png")
        elif path == "/429-then-ok":
            if self._count(key) == 1:
                await self._send(writer, "429 Too Many Requests", b"slow down",
                                 extra=[("Retry-After", "1")])
            else:
                await self._send(writer, "200 OK", page)
        elif path == "/429-long":
            await self._send(writer, "429 Too Many Requests", b"", extra=[("Retry-After", "3600")])
        elif path == "/503-then-ok":
            if self._count(key) == 1:
                await self._send(writer, "503 Service Unavailable", b"busy")
            else:
                await self._send(writer, "200 OK", page)
        elif path == "/500-twice-then-ok":
            if self._count(key) <= 2:
                await self._send(writer, "500 Internal Server Error", b"oops")
            else:
                await self._send(writer, "200 OK", page)
        elif path == "/500":
            await self._send(writer, "500 Internal Server Error", b"down")
        elif path == "/503":
            await self._send(writer, "503 Service Unavailable", b"down")
        elif path == "/404":
            await self._send(writer, "404 Not Found", b"<html>not found</html>")
        elif path == "/410":
            await self._send(writer, "410 Gone", b"<html>gone</html>")
        # -- round 3 ---------------------------------------------------------------------
        elif path.startswith("/to-scheme/"):  # a redirect to a URL that is no web page
            target = {"data": "data:text/html;base64,PGgxPmhpPC9oMT4=",
                      "js": "javascript:alert(1)", "mailto": "mailto:desk@example.org",
                      "ftp": "ftp://127.0.0.1/pub/x.html"}[path.rsplit("/", 1)[1]]
            await self._send(writer, "302 Found", b"", extra=[("Location", target)])
        elif path == "/location-spaces":  # spaces written raw into the Location
            await self._send(writer, "302 Found", b"",
                             extra=[("Location", "/ok/with space/a b?q=x y")])
        elif path == "/location-utf8":  # raw UTF-8 bytes in the Location path
            writer.write(b"HTTP/1.1 301 Moved\r\nLocation: /ok/z\xc3\xbcrich/\xe2\x82\xac\r\n"
                         b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
        elif path == "/location-empty":  # a Location header with no value
            await self._send(writer, "301 Moved Permanently", b"", extra=[("Location", "")])
        elif path == "/300-no-location":  # Multiple Choices, no Location: nothing to follow
            await self._send(writer, "300 Multiple Choices", b"<ul><li>a</li></ul>")
        elif path == "/204":  # No Content to a plain GET
            writer.write(self._head("204 No Content", []))
            await writer.drain()
        elif path == "/429-date":  # Retry-After as an HTTP date an hour ahead
            when = email.utils.formatdate(time.time() + 3600, usegmt=True)
            await self._send(writer, "429 Too Many Requests", b"", extra=[("Retry-After", when)])
        elif path == "/503-date-past-then-ok":  # Retry-After as an HTTP date in the past
            if self._count(key) == 1:
                await self._send(writer, "503 Service Unavailable", b"busy",
                                 extra=[("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")])
            else:
                await self._send(writer, "200 OK", page)
        elif path == "/429-huge":  # Retry-After far beyond any float of seconds
            await self._send(writer, "429 Too Many Requests", b"",
                             extra=[("Retry-After", "9" * 400)])
        elif path == "/429-junk-then-ok":  # Retry-After that is neither seconds nor a date
            if self._count(key) == 1:
                await self._send(writer, "429 Too Many Requests", b"",
                                 extra=[("Retry-After", "soon")])
            else:
                await self._send(writer, "200 OK", page)
        elif path == "/stall":  # half the body, then nothing (the connection stays open)
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(page)))])
                         + page[:len(page) // 2])
            await writer.drain()
            await asyncio.sleep(3600)
        elif path == "/over-cap-chunked":  # chunked, no Content-Length, over the cap
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Transfer-Encoding", "chunked")]))
            chunk = b"<p>" + b"y" * 65536 + b"</p>"
            for _ in range(20):
                writer.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        elif path == "/br-cut":  # brotli data cut half way, the transfer whole
            data = brotli.compress(page)
            await self._send(writer, "200 OK", data[:len(data) // 2],
                             extra=[("Content-Encoding", "br")])
        elif path == "/deflate-zlib":  # deflate as RFC 9110 means it: zlib-wrapped
            await self._send(writer, "200 OK", zlib.compress(page),
                             extra=[("Content-Encoding", "deflate")])
        elif path == "/gzip-as-br":  # labelled br, the body is gzip
            await self._send(writer, "200 OK", gzip.compress(page),
                             extra=[("Content-Encoding", "br")])
        elif path == "/bom-vs-header":  # UTF-8 BOM, header says iso-8859-1
            body = b"\xef\xbb\xbf" + article("Zürich café").encode("utf-8")
            await self._send(writer, "200 OK", body, "text/html; charset=iso-8859-1")
        elif path == "/utf16-bom-vs-header":  # UTF-16LE with its BOM, header says utf-8
            body = "\ufeff".encode("utf-16-le") + article("Zürich café").replace(
                '<meta charset="utf-8">', "").encode("utf-16-le")
            await self._send(writer, "200 OK", body, "text/html; charset=utf-8")
        elif path == "/meta-late":  # windows-1252, its meta charset after 1024 bytes
            body = article("Zürich café “news”").replace('<meta charset="utf-8">', "").replace(
                "<head>", "<head><!--" + "x" * 1500 + '--><meta charset="windows-1252">')
            await self._send(writer, "200 OK", body.encode("cp1252"), "text/html")
        elif path == "/meta-late-lies":  # UTF-8 bytes, a late meta that says latin-1
            body = article("Zürich café “news”").replace('<meta charset="utf-8">', "").replace(
                "<head>", "<head><!--" + "x" * 1500 + '--><meta charset="iso-8859-1">')
            await self._send(writer, "200 OK", body.encode("utf-8"), "text/html")
        elif path == "/two-ctypes":  # two Content-Type headers
            await self._send(writer, "200 OK", page, extra=[("Content-Type", "text/plain")])
        elif path == "/ctype-empty-charset":  # "charset=" with no value
            await self._send(writer, "200 OK", page, "text/html; charset=")
        elif path == "/no-reason":  # a status line without a reason phrase
            writer.write(b"HTTP/1.1 200\r\nContent-Type: text/html\r\nContent-Length: "
                         + str(len(page)).encode() + b"\r\nConnection: close\r\n\r\n" + page)
            await writer.drain()
        elif path == "/cookie-bounce":  # a consent bounce: set a cookie, come back
            if "seen=1" in headers.get("cookie", ""):
                await self._send(writer, "200 OK", page)
            else:
                await self._send(writer, "302 Found", b"", extra=[
                    ("Set-Cookie", "seen=1; Path=/"), ("Location", "/cookie-bounce")])
        elif path == "/to-fragment":  # a redirect to a fragment of itself
            await self._send(writer, "302 Found", b"", extra=[("Location", "#top")])
        elif path == "/scheme-relative":  # Location //host:port/path
            await self._send(writer, "302 Found", b"",
                             extra=[("Location", f"//{ip}:{self.port}/ok/scheme-relative")])
        elif path == "/many-headers":  # 500 header lines before the body
            extra = [(f"X-Pad-{i}", "v") for i in range(500)]
            await self._send(writer, "200 OK", page, extra=extra)
        # -- fault round 4 --
        elif path == "/br-as-gzip":  # labelled gzip, the body is brotli
            await self._send(writer, "200 OK", brotli.compress(page),
                             extra=[("Content-Encoding", "gzip")])
        elif path == "/gzip-as-deflate":  # labelled deflate, the body is gzip
            await self._send(writer, "200 OK", gzip.compress(page),
                             extra=[("Content-Encoding", "deflate")])
        elif path == "/junk-as-gzip":  # labelled gzip, neither gzip nor brotli nor text
            await self._send(writer, "200 OK", bytes(range(256)) * 4,
                             extra=[("Content-Encoding", "gzip")])
        elif path == "/refresh-header":  # an HTTP Refresh header, the body a stub
            await self._send(writer, "200 OK", b"<html><body>Moved</body></html>",
                             extra=[("Refresh", "0; url=/ok/refresh-header-target")])
        elif path == "/refresh-self":  # a meta refresh to the page itself
            await self._send(writer, "200 OK", b'<html><head><meta http-equiv="refresh" '
                             b'content="0"></head><body>' + page + b"</body></html>")
        elif path == "/location-padded":  # spaces and a tab around the Location value
            writer.write(b"HTTP/1.1 302 Found\r\nLocation: \t /ok/padded  \r\n"
                         b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
        elif path == "/cl-negative":  # Content-Length: -5
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", "-5")]) + page)
            await writer.drain()
        elif path == "/blank-page":  # 200 with nothing but whitespace
            await self._send(writer, "200 OK", b" \r\n\t \n" * 50)
        elif path == "/charset-utf8-alias":  # WHATWG's "unicode-1-1-utf-8" label
            await self._send(writer, "200 OK", article("Zürich café").replace(
                '<meta charset="utf-8">', "").encode("utf-8"),
                "text/html; charset=unicode-1-1-utf-8")
        elif path == "/charset-quoted-cp1252":  # a quoted label with odd case
            await self._send(writer, "200 OK", article("Zürich café").replace(
                '<meta charset="utf-8">', "").encode("cp1252"),
                'text/html; Charset="Windows-1252"')
        elif path == "/ctype-json":  # an API answer under application/json
            await self._send(writer, "200 OK", b'{"error": "not found"}', "application/json")
        elif path == "/cl-zero-body":  # Content-Length: 0, then the page anyway
            writer.write(self._head("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", "0")]) + page)
            await writer.drain()
        elif path == "/ctype-raw-byte":  # a byte that is no UTF-8 in the Content-Type
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/h\xe9ml\r\nContent-Length: "
                         + str(len(page)).encode() + b"\r\nConnection: close\r\n\r\n" + page)
            await writer.drain()
        elif path == "/gzip-gzip":  # two codings declared, both applied
            await self._send(writer, "200 OK", gzip.compress(gzip.compress(page)),
                             extra=[("Content-Encoding", "gzip, gzip")])
        elif path.startswith(("/cut/", "/gzcut/")):  # a discovery input cut inside an entry
            ctype, whole, sent, coding = cut_document(path.split("/", 2)[2], base,
                                                      cut_tag(path))
            if path.startswith("/gzcut/"):  # a whole transfer of gzip data that stops
                coding, declared = "gzip", len(sent)
            else:  # Content-Length of the whole, the head sent, the connection closed
                declared = len(whole)
            extra = [("Content-Encoding", coding)] if coding else []
            writer.write(self._head("200 OK", [("Content-Type", ctype),
                                               ("Content-Length", str(declared)), *extra])
                         + sent)
            await writer.drain()
            writer.close()
        elif path.startswith("/whole-child/"):  # /whole-child/<tag>/<i>.xml, of an index
            _, _, tag, n = path.split("/")
            await self._send(writer, "200 OK", (
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{base}/ok/{tag}-child-{n.split('.')[0]}</loc></url></urlset>"
                ).encode(), "application/xml")
        elif path == "/etag":
            etag = '"v1"'
            if headers.get("if-none-match") == etag:
                writer.write(self._head("304 Not Modified", [("ETag", etag)]))
                await writer.drain()
            else:
                await self._send(writer, "200 OK", page, extra=[("ETag", etag)])
        else:
            await self._send(writer, "404 Not Found", b"unknown fault")


def assert_cut_sources_conserve(found, pages, expected: int, cut_sources: int) -> None:
    """Discover's and fetch's ledgers over a discovery with cut sources balance: every
    whole entry passed on and fetched, each cut source one reject and one failed fetch
    (its URL counted once, not also as fetched)."""
    assert pages.table.num_rows == expected and not pages.failed
    ledger = Ledger()
    ledger.record_result(found)
    ledger.record_result(pages)
    ledger.check()
    [disc, fet] = ledger.as_dicts()
    assert (disc["received"], disc["passed"], disc["rejected"], disc["failed"]) == (
        expected + 2 * cut_sources, expected, cut_sources, cut_sources)
    assert (fet["received"], fet["passed"], fet["failed"]) == (expected, expected, 0)


def assert_run_conserves(manifest: dict, kept: int, rejected: int, failed: int) -> None:
    """A run's manifest balances (inputs = kept + rejected + failed), holds the expected
    counts, and every data test of the run passed (0 failing rows each)."""
    totals = manifest["totals"]
    assert totals["inputs"] == totals["kept"] + totals["rejected"] + totals["failed"], totals
    assert (totals["kept"], totals["rejected"], totals["failed"]) == (kept, rejected, failed), (
        totals)
    failing = {name: n for name, n in manifest["data_tests"].items() if n}
    assert not failing, failing


class FeedRoundServer(FaultServer):
    """A fault round's RSS feed at /<prefix>/feed.xml (`feed(base)`, base the round's
    address) and its pages at /<prefix>/<slug> (`page(slug)`), any other path under the
    prefix a 404, every other path the shared fault server's: the server of the rounds
    whose inputs are one feed of pages (25, 26)."""

    def __init__(self, hosts: list[int], prefix: str, feed, page, slugs,
                 robots: dict[int, str] | None = None) -> None:
        super().__init__(hosts, robots)
        self.prefix, self.feed, self.page, self.slugs = prefix, feed, page, frozenset(slugs)

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        root = f"/{self.prefix}/"
        if path == f"{root}feed.xml":
            base = f"http://{ip}:{self.port}/{self.prefix}"
            await self._send(writer, "200 OK", self.feed(base).encode(), "application/rss+xml")
        elif path.startswith(root) and path.removeprefix(root) in self.slugs:
            await self._send(writer, "200 OK", self.page(path.removeprefix(root)).encode())
        elif path.startswith(root):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)
