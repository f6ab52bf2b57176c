"""Mutation seed 75: `block_page` (tasks/common/blockpage.py), in the cases its mutants
were not asked: the vendors after the first in the data file, a title set on lines of
its own, a title of more than 80 characters, a title in a charset other than UTF-8."""

from __future__ import annotations

import pytest

from tasks.common.blockpage import block_page

SUCURI = (b'<html><head><title>Sucuri WebSite Firewall - Access Denied</title></head><body>'
          b'<h2>Access Denied - Sucuri Website Firewall</h2><p>Block reason: an attempted '
          b'access was detected.</p><p>If you think this was a mistake, contact Sucuri '
          b'(https://sucuri.net/contact/).</p></body></html>')
PERIMETERX = (b'<!DOCTYPE html><html><head><title>Access to this page has been denied.</title>'
              b'</head><body><div id="px-captcha"></div><p>Press &amp; Hold to confirm you '
              b'are a human (and not a bot).</p></body></html>')
F5 = (b'<html><head><title>Request Rejected</title></head><body>The requested URL was '
      b'rejected. Please consult with your administrator.<br><br>Your support ID is: '
      b'1234567890123456789</body></html>')


@pytest.mark.parametrize("body, vendor, title", [
    (SUCURI, "Sucuri", "Sucuri WebSite Firewall - Access Denied"),
    (PERIMETERX, "PerimeterX (HUMAN)", "Access to this page has been denied."),
    (F5, "F5 BIG-IP ASM", "Request Rejected"),
])
def test_the_vendors_after_cloudflare_are_named(body, vendor, title):
    assert block_page(body) == f"{vendor}'s block page (title {title!r})"


def test_a_title_on_lines_of_its_own_is_read_as_its_words():
    body = (b'<html><head>\n<title>\n    Just a moment...\n  </title>\n</head><body>'
            b'<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/v1"></script>'
            b'</body></html>')
    assert block_page(body) == "Cloudflare's block page (title 'Just a moment...')"


def test_a_long_title_is_shown_to_80_characters():
    title = ("Access denied | news.a-regional-newspaper-with-a-long-name.example.com used "
             "Cloudflare to restrict access")
    assert len(title) > 81
    body = (f'<html><head><title>{title}</title></head><body><div id="cf-error-details">'
            '</div></body></html>').encode()
    assert block_page(body) == f"Cloudflare's block page (title {title[:80]!r})"


def test_a_title_in_latin_1_is_shown_with_its_unreadable_bytes_replaced():
    # a firewall page in Latin-1: its title is no UTF-8, and is still named
    body = (b'<html><head><title>Access Denied</title></head><body>Acc\xe8s refus\xe9.'
            b'<p>https://errors.edgesuite.net/18</p></body></html>')
    assert block_page(body) == "Akamai's block page (title 'Access Denied')"
    body = body.replace(b"<title>Access Denied", b"<title>Access Denied\xa0")
    assert block_page(body) == "Akamai's block page (title 'Access Denied\ufffd')"
