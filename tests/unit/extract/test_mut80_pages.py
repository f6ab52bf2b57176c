"""Seed 80: `_repair_faulty_html` copies the page only when its doctype line changes
(session 55's speed change); it must still give what trafilatura's repair gives, also
for a page opening with a line break, a self-closing <html/> past the lines trafilatura
looks at, and a second one."""

from __future__ import annotations

import pytest

from tasks.extract import pages as extract_mod


@pytest.mark.parametrize("html", [
    "\n<!DOCTYPE html/>\n<html><body><p>Story.</p></body></html>",  # a line break first
    "\n<!DOCTYPE html>",
    "<!DOCTYPE html>\n<meta charset=utf-8>\n<title>T</title>\n<!-- x -->\n<html/>\n<p>a</p>",
    '<!DOCTYPE html>\n<html lang="en"/>\n<p>a</p>\n<html/>\n<p>b</p>',
])
def test_the_repair_is_trafilaturas(html) -> None:
    from trafilatura.utils import repair_faulty_html

    beginning = html[:50].lower()
    assert extract_mod._repair_faulty_html(html, beginning) == repair_faulty_html(html,
                                                                                  beginning)
