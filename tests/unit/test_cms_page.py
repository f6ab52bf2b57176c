"""The page assembly the `--cms` families share (bench/cms_page.py): what each helper
writes and records, and that it draws from the page's random stream only where the
family code it replaced did (a draw more or less would change every later page)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cms_page  # noqa: E402 -- bench/ is not a package


def test_story_paras_escapes_markup_and_keeps_quotes_and_puts_the_note_last() -> None:
    wrap = cms_page.story_paras(['A & B said "no" <now>', "Second"], "Note's end")
    assert wrap == ['<p>A &amp; B said "no" &lt;now&gt;</p>', "<p>Second</p>",
                    "<p>Note's end</p>"]
    assert cms_page.story_paras(["Only"], None) == ["<p>Only</p>"]
    assert cms_page.story_paras(["Only"], "") == ["<p>Only</p>"]  # an empty note: none


def test_placer_returns_the_markup_and_records_the_texts_under_site_and_kind() -> None:
    placed: list[tuple[str, list[str]]] = []
    seen = []

    def block(kind: str, f) -> tuple[str, list[str]]:
        seen.append((kind, f))
        return f"<aside>{kind}</aside>", [kind.upper()]

    add = cms_page.placer("wire", block, "F", placed)
    assert add("promo") == "<aside>promo</aside>"
    assert add("share") == "<aside>share</aside>"
    assert placed == [("wire:promo", ["PROMO"]), ("wire:share", ["SHARE"])]
    assert seen == [("promo", "F"), ("share", "F")]


def test_placer_without_a_site_records_the_kind_alone() -> None:
    placed: list[tuple[str, list[str]]] = []
    add = cms_page.placer(None, lambda kind, f: (f"<b>{kind}</b>", [f]), "words", placed)
    assert add("ad") == "<b>ad</b>"
    assert placed == [("ad", ["words"])]


def test_insert_inside_never_puts_a_block_first_and_stays_in_its_count() -> None:
    for seed in range(50):
        wrap = [f"<p>{i}</p>" for i in range(5)]
        cms_page.insert_inside(wrap, random.Random(seed), ("ad",), 5, lambda k: f"<{k}>", 1, 3)
        assert wrap[0] == "<p>0</p>"
        assert 1 <= wrap.count("<ad>") <= 3
        assert [w for w in wrap if w != "<ad>"] == [f"<p>{i}</p>" for i in range(5)]


def test_insert_inside_with_no_kinds_places_nothing_and_draws_nothing() -> None:
    r, untouched = random.Random(7), random.Random(7)
    wrap = ["<p>a</p>", "<p>b</p>"]
    cms_page.insert_inside(wrap, r, (), 2, lambda k: k, 2, 4)
    assert wrap == ["<p>a</p>", "<p>b</p>"]
    assert r.random() == untouched.random()


def test_insert_inside_draws_as_the_family_loops_did() -> None:
    """The loop it replaced: count, then per block a place and a kind, in that order."""
    got, want = ["<p>a</p>", "<p>b</p>", "<p>c</p>"], ["<p>a</p>", "<p>b</p>", "<p>c</p>"]
    cms_page.insert_inside(got, random.Random(3), ("x", "y"), 3, lambda k: k, 2, 4)
    r = random.Random(3)
    for _ in range(r.randint(2, 4)):
        want.insert(r.randint(1, 2), r.choice(("x", "y")))
    assert got == want


def test_closed_closes_the_box_by_its_own_tag_name() -> None:
    assert cms_page.closed('<div class="body">', "<p>x</p>") == '<div class="body"><p>x</p></div>'
    assert (cms_page.closed('<section id="s" class="c">', "")
            == '<section id="s" class="c"></section>')


def test_nav_bar_lists_its_links_in_order() -> None:
    assert cms_page.nav_bar("top", (("/", "Home"), ("/a/", "A"))) == (
        '<header class="top"><nav><ul><li><a href="/">Home</a></li><li><a href="/a/">A</a>'
        "</li></ul></nav></header>")
    assert cms_page.nav_bar("top", (("/", "H"),), ' class="m"').startswith(
        '<header class="top"><nav class="m"><ul>')


def test_news_page_escapes_title_and_author_and_names_the_owner() -> None:
    page = cms_page.news_page("Rates <up> & down", "A & B", "wire", "<nav/>", "<div>BODY</div>",
                              "Wire Media")
    assert page.count("Rates &lt;up&gt; &amp; down") == 2  # the <title> and the <h1>
    assert ">A &amp; B</a>" in page
    assert '<body class="wire"><nav/><main>' in page
    assert "<div>BODY</div></article>" in page
    assert "© 2026 Wire Media. All rights reserved." in page


def test_with_one_of_adds_one_paragraph_never_first_or_leaves_the_body() -> None:
    paras = ["first", "second", "third"]
    added = 0
    for seed in range(60):
        out = cms_page.with_one_of(paras, random.Random(seed), ("MISS",))
        if out is paras:
            continue
        added += 1
        assert out[0] == "first" and out.count("MISS") == 1 and len(out) == 4
        assert [p for p in out if p != "MISS"] == paras
    assert 0 < added < 60
    assert paras == ["first", "second", "third"]  # the caller's list is left as it was


def test_cms_record_holds_the_body_as_written_and_the_note_last() -> None:
    import bench_text_templates as btt

    rec = btt._cms_record("https://x.example/1", "<html/>", ["ROME - One.", "Two."], "Note.",
                          [("s:k", ["t"])], lang="it")
    assert rec == {"url": "https://x.example/1", "html": "<html/>",
                   "truth": "ROME - One.\nTwo.\nNote.", "blocks": [("s:k", ["t"])],
                   "lang": "it"}
    assert list(rec) == ["url", "html", "truth", "blocks", "lang"]  # the dump's field order
    assert btt._cms_record("u", "h", ["One."], None, [])["truth"] == "One."
    assert "english" not in btt._cms_record("u", "h", ["One."], "", [])
