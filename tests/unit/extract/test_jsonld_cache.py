"""A page's JSON-LD records are parsed once for the searches that read them
(tasks/extract/jsonld.py `load_jsonld`, a cache keyed by the script's text), and its
scripts are found as `//script[@type]` finds them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

from lxml.html import fromstring

from tasks.extract import jsonld
from tasks.extract.metadata import page_metadata

PAGE = """<html><head><title>Bridge reopens</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",
 "datePublished": "2022-05-03T08:00:00+02:00", "dateModified": "2022-05-04T08:00:00+02:00",
 "author": {"@type": "Person", "name": "Anna Keller"},
 "publisher": {"@type": "Organization", "name": ["Der Bote", "The Messenger"]}}</script>
</head><body><h1>Bridge reopens</h1><p>Text.</p></body></html>"""


def test_the_records_of_a_page_are_parsed_once_for_all_its_searches(monkeypatch):
    jsonld.load_jsonld.cache_clear()
    loads = []
    real = json.loads
    # (jsonld's own json: trafilatura's extract_meta_json parses the scripts with its own)
    monkeypatch.setattr(jsonld, "json", SimpleNamespace(
        loads=lambda *a, **k: loads.append(1) or real(*a, **k)))
    md = page_metadata(fromstring(PAGE), "https://example.com/bridge",
                       now=datetime(2024, 1, 1, tzinfo=UTC))
    # authors, publication and modification dates, publisher: one parse
    assert len(loads) == 1
    assert md.authors == ["Anna Keller"]
    assert md.published_date.isoformat() == "2022-05-03"
    assert md.modified_at == datetime(2022, 5, 4, 6, tzinfo=UTC)
    assert md.site_name == "Der Bote"


def test_a_script_changed_in_the_tree_is_read_afresh():
    jsonld.load_jsonld.cache_clear()
    tree = fromstring(PAGE)
    assert jsonld.jsonld_publisher_name(tree) == "Der Bote"
    script = tree.find(".//script")
    script.text = script.text.replace('"Der Bote", ', "")
    assert jsonld.jsonld_publisher_name(tree) == "The Messenger"


def test_the_scripts_are_the_documents_typed_ones_as_the_xpath_found_them():
    from lxml.etree import XPath
    page = fromstring("""<html><head><script type="application/ld+json">{"a": 1}</script>
      <script>var x;</script><!-- <script type="application/ld+json">{}</script> -->
      </head><body><div><script type=" Application/LD+JSON ; charset=utf-8">{"b": 2}</script>
      <script type="text/javascript">{"c": 3}</script></div></body></html>""")
    body_div = page.find(".//div")
    # from any element of the page: the XPath's `//` reads the whole document
    for start in (page, body_div):
        assert list(jsonld._typed_scripts(start)) == XPath("//script[@type]")(start)
    assert jsonld.jsonld_texts(body_div) == ['{"a": 1}', '{"b": 2}']


def test_a_pages_metadata_reads_its_scripts_once(monkeypatch):
    # authors, publication and modification dates and publisher get the texts passed down
    reads = []
    real = jsonld._typed_scripts
    monkeypatch.setattr(jsonld, "_typed_scripts", lambda tree: reads.append(1) or real(tree))
    page = PAGE.replace('"publisher"', '"x-publisher"').replace(
        "<title>", '<meta name="date" content="2022-05-03"><meta name="pubdate"'
        ' content="2022-05-03"><title>')  # two date tags: the revision is looked for
    md = page_metadata(fromstring(page), "https://example.com/bridge",
                       now=datetime(2024, 1, 1, tzinfo=UTC))
    assert len(reads) == 1
    assert md.authors == ["Anna Keller"]
    assert md.modified_at == datetime(2022, 5, 4, 6, tzinfo=UTC)
