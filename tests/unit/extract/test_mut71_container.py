"""Seed 71 (TESTING.md): the container test against trafilatura's own XPath searches."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.extract.container import _trafilatura_finds_a_container, _xpath_finds_a_container


@pytest.mark.parametrize("cls", ["x-Main-Content", "x-Main-content", "Post Main-content"])
def test_a_class_holding_main_content_in_any_case_is_a_container(cls: str) -> None:
    """BODY_XPATH lower-cases the C and the M of "main-content" inside a class (translate),
    so "x-Main-Content" names a container as "x-main-content" does."""
    tree = lxml_html.fromstring(
        f"<html><body><div class='{cls}'><p>Text.</p></div></body></html>")
    assert _xpath_finds_a_container(tree)
    assert _trafilatura_finds_a_container(tree)
