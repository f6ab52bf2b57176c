"""Mutation seed 76: block pages with no title or a bare host name for a title (session
52), counted only on a body of at most BARE_PAGE_MAX_BYTES, as the fetcher reads them."""

from __future__ import annotations

from tasks.common.blockpage import BARE_PAGE_MAX_BYTES, block_page

INCAPSULA = (b'<html><head><meta name="robots" content="noindex"></head><body><iframe '
             b'src="/_Incapsula_Resource?incident_id=1">Request unsuccessful. Incapsula '
             b"incident ID: 1234</iframe></body></html>")
DATADOME = (b"<html><head><title>news.example.com</title></head><body><p>Please enable JS"
            b"</p><script src=\"https://ct.captcha-delivery.com/c.js\"></script>")


def _padded(page: bytes, size: int) -> bytes:
    """`page` grown to `size` bytes by a comment before its end (a page's scripts)."""
    return page + b"<!--" + b"x" * (size - len(page) - 7) + b"-->"


def test_a_page_without_a_title_is_known_by_its_vendor_with_no_title() -> None:
    assert block_page(INCAPSULA) == "Imperva (Incapsula)'s block page (no title)"


def test_a_host_titled_page_counts_up_to_the_bare_bound_and_not_a_byte_past() -> None:
    at_bound = _padded(DATADOME, BARE_PAGE_MAX_BYTES)
    assert len(at_bound) == BARE_PAGE_MAX_BYTES
    assert block_page(at_bound) == "DataDome's block page (title 'news.example.com')"
    assert block_page(_padded(DATADOME, BARE_PAGE_MAX_BYTES + 1)) is None
    # (the same for no title at all: an article past the bound loads the vendor's script)
    assert block_page(_padded(INCAPSULA, BARE_PAGE_MAX_BYTES + 1)) is None


def test_a_host_name_title_is_only_the_host_titled_vendors_evidence() -> None:
    cloudflare_marked = b"<title>news.example.com</title><div id='cf-error-details'></div>"
    assert block_page(cloudflare_marked) is None
    # a story's title that is no host name, on a page loading DataDome's script
    story = DATADOME.replace(b"news.example.com", b"Captcha delivery is down")
    assert block_page(story) is None
