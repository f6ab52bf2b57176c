"""trafilatura keeps the zero-width joiners a script spells with.

Why: trafilatura cleans every line it writes with `remove_control_characters`, which keeps
only what `str.isprintable` accepts. The zero-width non-joiner and joiner (U+200C, U+200D)
are format characters, so they went: a Persian page writing "می‌دهد" came out "میدهد" (the
two parts joined into another shape, a misspelling), Hindi lost its forced half forms
("क्‍ष"), an emoji family (👨‍👩‍👧) became three people. Fault round 28 kept them in dumps
and the clean stage (`clean.text._stray_joiners_out` drops those no script or emoji
sequence spells with); this keeps them through trafilatura, so HTML pages are spelt as
they were written.

How: trafilatura looks the filter up by name on each call (`utils.return_printables_and_
spaces`), so one function in its place keeps the two joiners and asks the original for
every other character. `ensure_kept()` installs it once per process, before the first
reading (`extract_html` calls it first); the line cache filled
before that is cleared. Every other character is judged as trafilatura judges it, and a
trafilatura release without that name is left as it is (a unit test then fails: the
Persian page loses its joiners again). The filter is trafilatura's for the whole process:
a plain `trafilatura.extract` run beside the extract stage (bench_extract's baseline)
keeps the joiners too; on the dev corpus that changed one line of one page of it.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from trafilatura import utils as _utils

LOG = logging.getLogger(__name__)

JOINERS = frozenset("\u200c\u200d")
_installed = False


def ensure_kept() -> bool:
    """Install the joiner-keeping filter into trafilatura, once; whether it is in place."""
    global _installed
    if _installed:
        return True
    original = getattr(_utils, "return_printables_and_spaces", None)
    cache = getattr(_utils, "line_processing", None)
    if original is None or not callable(original):
        LOG.debug("trafilatura has no return_printables_and_spaces: joiners left to it")
        return False

    # cached as trafilatura's own filter is: it is called for each character of every
    # line holding one that is not printable (a newline), and a Python call per character
    # cost about 0.5 ms a dev page (1.6 million calls over 495 pages), a cache hit ~0.1
    @lru_cache(maxsize=2**14)
    def printables_spaces_and_joiners(char: str) -> str:
        return char if char in JOINERS else original(char)

    _utils.return_printables_and_spaces = printables_spaces_and_joiners
    if cache is not None and hasattr(cache, "cache_clear"):
        cache.cache_clear()  # lines read before, without their joiners
    _installed = True
    return True
