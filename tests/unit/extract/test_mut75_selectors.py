"""Mutation seed 75: `build` (tasks/extract/selectors.py), what it swaps in for one of
trafilatura's expressions, in the cases its mutants were not asked."""

from __future__ import annotations

from lxml import etree
from lxml.html import fromstring

from tasks.extract import selectors
from tests.unit.extract.test_selectors import original

NAME = "xpaths.OVERALL_DISCARD_XPATH[1]"
REGEX = {"re": "http://exslt.org/regular-expressions"}


def test_a_selector_is_named_and_shaped_as_the_expression_it_stands_in_for():
    for name, expected, *_ in selectors.SPECS:
        selector = selectors.build(name, original(name))
        assert (selector.name, selector.expected_shape) == (name, expected)


def test_a_regex_that_only_a_non_empty_value_matches_is_swapped():
    # a site's own version of the expression, its regex a capital letter: '' (a
    # missing attribute) never matches it, so the selector stands in for it
    path = original(NAME).path.replace("re:test(@id|@style, 'hidden')",
                                       "re:test(@id|@style, 'X')")
    expression = etree.XPath(path, namespaces=REGEX)
    selector = selectors.build(NAME, expression)
    assert selector is not None
    tree = fromstring('<html><body><div id="BOX">a</div><div id="box">b</div>'
                      '<div style="X:1">c</div></body></html>')
    assert [e.text for e in selector(tree)] == [e.text for e in expression(tree)] == ["a", "c"]
