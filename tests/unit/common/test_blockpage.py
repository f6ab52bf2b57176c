"""Block and bot-check pages of CDNs and firewalls, served with status 200 in place of
the page (fault round 51): Cloudflare's block page and challenge were kept as articles,
Akamai's "Access Denied" rejected as `too_short`, and the URL never asked for again."""

from __future__ import annotations

import pytest

from tasks.common.blockpage import LOOK_BYTES, block_page
from tests.integration.faultserver import story

# As the vendors serve them (cut to their text and marks).
AKAMAI = (b'<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n'
          b'You don\'t have permission to access "http&#58;&#47;&#47;www&#46;example&#46;com'
          b'&#47;news&#47;a" on this server.<P>\nReference&#32;&#35;18&#46;2f5c1002&#46;1701234'
          b'567\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;2f5c1002\n'
          b'</BODY>\n</HTML>\n')
CF_BLOCK = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title>'
    b'</head><body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-'
    b'wrapper"><h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2>You '
    b'are unable to access example.com</h2><h2>Why have I been blocked?</h2><p>This website '
    b'is using a security service to protect itself from online attacks. The action you just '
    b'performed triggered the security solution. There are several actions that could '
    b'trigger this block including submitting a certain word or phrase, a SQL command or '
    b'malformed data.</p><h2>What can I do to resolve this?</h2><p>You can email the site '
    b'owner to let them know you were blocked. Please include what you were doing when this '
    b'page came up and the Cloudflare Ray ID found at the bottom of this page.</p></div><p>'
    b'Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong> &bull; Performance &amp; security'
    b' by Cloudflare</p></div></body></html>')
CF_CHALLENGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
    b'<div class="main-content"><h1 class="zone-name-title h1">www.example.com</h1><h2 '
    b'id="challenge-running">Checking if the site connection is secure</h2><div id="challenge'
    b'-body-text">www.example.com needs to review the security of your connection before '
    b'proceeding.</div><p>Please stand by, while we are checking your browser. This process '
    b'is automatic. Your browser will redirect to your requested content shortly. Please '
    b'allow up to 5 seconds while we verify that you are a human and not a robot.</p></div>'
    b'<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>'
    b'<div class="footer">Ray ID: <code>8a1b2c3d4e5f6a7b</code> Performance &amp; security '
    b'by Cloudflare</div></body></html>')
BLOCK_PAGES = {"akamai": AKAMAI, "cf-block": CF_BLOCK, "cf-challenge": CF_CHALLENGE}
# The guards: a story whose headline opens with "Access denied", one about Cloudflare that
# quotes its block page's words, a review titled "Access Denied" (no vendor's mark).
STORIES = {
    "headline": story("cdnsec", "Access denied: how the council locked out its own staff").encode(),
    "about-cloudflare": story("cdncf", "Cloudflare outage takes news sites down", body=(
        "<p>Readers saw a page titled Attention Required! | Cloudflare and a Cloudflare Ray "
        "ID instead of the news, said the company, which sells performance &amp; security "
        "by Cloudflare to a fifth of the web.</p>" * 5)).encode(),
    "review": story("cdnrev", "Access Denied").encode(),
}


@pytest.mark.parametrize("name, vendor, title", [
    ("akamai", "Akamai", "Access Denied"),
    ("cf-block", "Cloudflare", "Attention Required! | Cloudflare"),
    ("cf-challenge", "Cloudflare", "Just a moment..."),
])
def test_a_vendors_block_page_is_named(name, vendor, title):
    assert block_page(BLOCK_PAGES[name]) == f"{vendor}'s block page (title {title!r})"


@pytest.mark.parametrize("name", list(STORIES))
def test_a_story_is_no_block_page(name):
    assert block_page(STORIES[name]) is None


def test_the_title_and_a_mark_are_both_needed_and_looked_for_near_the_start():
    assert block_page(CF_CHALLENGE.replace(b"challenge-platform", b"x").replace(
        b"Cloudflare", b"x")) is None  # the title alone
    assert block_page(CF_CHALLENGE.replace(b"Just a moment...", b"Harbour news")) is None
    assert block_page(b"<html><body>cf-error-details</body></html>") is None  # no title
    # the page's words in upper case and other spacing: the same page
    assert block_page(CF_BLOCK.replace(b"Attention Required! | Cloudflare",
                                       b"ATTENTION  REQUIRED!\n| Cloudflare")) is not None
    assert block_page(b" " * LOOK_BYTES + CF_BLOCK) is None  # past the first bytes
