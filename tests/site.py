"""Pages of the local test news site: real-looking articles wrapped in navigation, ads,
share buttons and comments, so extraction has something to throw away."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler],
            host: str = "127.0.0.1") -> Iterator[str]:
    """A real HTTP server on `host` (a free port) answering with `handler`, one thread
    per request; yields its base URL and stops it afterwards.

    A test that fetches through the fetch stage may want a loopback address of its own
    (127.0.0.N): the stage keeps per-host politeness (Retry-After, Crawl-delay) for the
    whole process, so what another test left on 127.0.0.1 can slow it down."""
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True  # a stalled request must not hold up the shutdown
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()

def answer(handler: BaseHTTPRequestHandler, body: bytes, content_type: str,
           status: int = 200) -> None:
    """Send `body` whole from a test server's handler: the status, its Content-Type and
    a Content-Length that counts it."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="{canonical}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe now</a></nav></header>
<div class="ad-banner">ADVERTISEMENT Buy the new Harbour phone today, 50% off!</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
</article>
<aside class="share">Share this article on Facebook Twitter Email</aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>{comment}</p></div></section>
</main>
<footer>Copyright Harbour Gazette. All rights reserved. Cookie settings.</footer>
</body></html>"""

ARTICLES = {
    "/news/harbour-bridge-reopens.html": {
        "title": "Harbour bridge reopens after two years of repairs",
        "author": "Maria Lopez",
        "date": "2024-05-02",
        "comment": "COMMENTMARKER I drove across it this morning and it was great.",
        "paragraphs": [
            "The harbour bridge reopened to traffic on Thursday after two years of repairs "
            "that cost the city more than 40 million euros, officials said at a ceremony.",
            "Engineers replaced the steel cables, resurfaced the deck and installed new "
            "sensors that measure the strain on the structure every few seconds.",
            "The mayor said the bridge would carry about 30,000 vehicles a day and that "
            "ferry services added during the closure would continue until the summer.",
            "Local businesses on both banks welcomed the reopening, saying the closure had "
            "cut the number of customers crossing from the old town by almost a third.",
        ],
    },
    "/news/library-turns-100.html": {
        "title": "City library celebrates its hundredth birthday",
        "author": "Tom Becker",
        "date": "2024-05-03",
        "comment": "COMMENTMARKER My grandmother worked there for forty years.",
        "paragraphs": [
            "The central library marked its hundredth anniversary on Friday with an "
            "exhibition of the letters, maps and photographs collected since it opened.",
            "Librarians said visits had risen every year since the reading rooms were "
            "renovated, with students filling the tables long before exams begin.",
            "A new archive wing, paid for by donations from residents, will open next "
            "spring and hold the newspapers that the city has printed since 1850.",
            "The director thanked volunteers who digitised thousands of fragile pages "
            "so that anyone can read them online without travelling to the building.",
        ],
    },
    "/news/ferry-timetable.html": {
        "title": "New ferry timetable adds late crossings on weekends",
        "author": "Jonas Berg",
        "date": "2024-05-05",
        "comment": "COMMENTMARKER Finally a boat home after the concert.",
        "paragraphs": [
            "The ferry company will add three late crossings on Friday and Saturday nights "
            "from June, after a petition signed by more than 4,000 residents.",
            "The last boat from the old town will now leave at half past one in the "
            "morning, two hours later than under the winter timetable.",
            "Bar and theatre owners said the change would help them keep staff and guests "
            "who live across the water and had to leave before the end of shows.",
            "The company said it would review passenger numbers in September and could "
            "extend the late service to Thursdays if demand stayed high.",
        ],
    },
    "/news/marathon-record.html": {
        "title": "Local runner sets course record at the spring marathon",
        "author": "Ana Novak",
        "date": "2024-05-04",
        "comment": "COMMENTMARKER What a race, congratulations to her!",
        "paragraphs": [
            "A 24-year-old nurse from the harbour district won the spring marathon on "
            "Saturday in two hours and twenty-six minutes, a new record for the course.",
            "She said she had trained before and after her night shifts at the hospital, "
            "running along the river path when the streets were still empty.",
            "More than 6,000 runners took part, and the organisers said that a record "
            "amount of money had been raised for the children's ward this year.",
            "The city plans to close the coastal road again in October for the autumn "
            "half marathon, which is expected to draw even more participants.",
        ],
    },
}


def render(path: str, base: str = "http://127.0.0.1") -> bytes:
    a = ARTICLES[path]
    paragraphs = "\n".join(f"<p>{p}</p>" for p in a["paragraphs"])
    html = TEMPLATE.format(
        title=a["title"], author=a["author"], date=a["date"], comment=a["comment"],
        canonical=path, paragraphs=paragraphs,
    )
    return html.encode("utf-8")


# A minimal valid PDF: the fetcher must record it, not feed it to the HTML extractor.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

# The site's RSS feed announces one article that no URL list names.
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>/</link>
<description>Local news</description>
<item><title>New ferry timetable adds late crossings on weekends</title>
<link>{base}/news/ferry-timetable.html</link>
<pubDate>Sun, 05 May 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"""

NEWS_SITE: dict[str, tuple[int, str, bytes]] = {
    **{p: (200, "text/html; charset=utf-8", render(p)) for p in ARTICLES},
    "/files/annual-report.pdf": (200, "application/pdf", PDF),
    "/gone.html": (404, "text/html", b"<h1>Not found</h1>"),
}
