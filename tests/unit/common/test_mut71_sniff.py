"""Seed 71 (TESTING.md): a UTF-16 page whose first 512 bytes end inside a character."""

from __future__ import annotations

import pytest

from tasks.common.sniff import opens_as_html


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-16-le", b"")])
def test_a_utf16_page_cut_inside_a_surrogate_pair_still_opens_as_html(codec: str,
                                                                      bom: bytes) -> None:
    """opens_as_html reads the first 512 bytes: an emoji there (a surrogate pair, 4 bytes)
    at bytes 510-513 is cut in half, and the half is a replaced character, not an error."""
    pad = (510 - len(bom)) // 2 - len("<html><body>")
    body = bom + f"<html><body>{'a' * pad}\U0001F600 more text</body></html>".encode(codec)
    with pytest.raises(UnicodeDecodeError):  # the cut is where the test means it to be
        body[len(bom):512].decode(codec)
    assert opens_as_html(body)
