"""How much of an HTTP response head pressroom reads, one figure for the fetcher (which
sets aiohttp's parser so, `tasks/fetch/client.py`) and the WARC reader
(`tasks/discover/httpmessage.py`): a head the fetcher took and archived is one the
reader takes back. The WARC reader stopped at 64 KiB while the fetcher took up to
8 MB: a page whose 20 cookies of 4 KB it fetched and archived came back from its own
WARC as `bad_http` (fault round 23, round 22's known item)."""

from __future__ import annotations

# The longest response header line read (aiohttp's default is 8190 bytes, Apache's
# request limit). Sites send longer ones to browsers, which take up to 256 KB of headers
# (Chrome; curl 100 KB a header): a Content-Security-Policy listing every ad server, a
# Link header preloading hundreds of scripts, a consent cookie. At 8190 each such page,
# feed or robots.txt was a `protocol_error`, lost (fault round 22).
MAX_HEADER_LINE_BYTES = 64 * 1024
# The most header lines in one response: aiohttp's own cap for a response, kept.
MAX_HEADER_LINES = 128
# The longest head: its status line and every header line, each ended by CRLF.
MAX_HEAD_BYTES = (MAX_HEADER_LINES + 1) * (MAX_HEADER_LINE_BYTES + 2)
