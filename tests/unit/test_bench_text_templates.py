"""The generated-page text benchmark (bench/bench_text_templates.py) measures what it says:
its score is the token F1 of word multisets, a block counts as leaked only when its words
reach the text in order, the generated class names hide every named one, and each page
holds its body's paragraphs and its furniture's words."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_text_templates as btt  # noqa: E402 -- bench/ is not a package
import cms_blocks  # noqa: E402
import cms_blocks_c  # noqa: E402
import cms_blocks_d  # noqa: E402
import cms_blocks_e  # noqa: E402
import cms_blocks_f  # noqa: E402
import cms_blocks_g  # noqa: E402
import cms_blocks_h  # noqa: E402
import cms_blocks_i  # noqa: E402
import cms_blocks_j  # noqa: E402
import cms_blocks_k  # noqa: E402
import cms_blocks_l  # noqa: E402

BODY = [f"Paragraph {i} of the story tells the readers of the harbour gazette what the "
        f"council decided about bridge number {i} this week." for i in range(6)]
OTHER = [[f"Another story {j} sentence {i} says something else about ferries and docks "
          f"and the weather on the coast today." for i in range(6)] for j in range(10)]


def test_token_f1_counts_words_as_a_multiset() -> None:
    assert btt.token_f1("a b c", "a b c") == (1.0, 1.0, 1.0)
    p, r, f1 = btt.token_f1("a a b", "a b c d")
    assert (p, r) == (2 / 3, 2 / 4)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert btt.token_f1("", "a") == (0.0, 0.0, 0.0)
    assert btt.token_f1("Ä, b!", "ä b") == (1.0, 1.0, 1.0)  # case and punctuation aside


def test_a_block_leaks_only_when_its_first_words_come_through_in_order() -> None:
    text = "The story. Every Friday our reporter walks you through the week."
    assert btt.leaked(text, "Every Friday our reporter walks you through it all")
    assert not btt.leaked(text, "Friday every our reporter walks you")
    assert not btt.leaked(text, "Facebook Twitter")  # under three words: not measurable


def test_generated_class_names_hide_every_named_one() -> None:
    page = '<div class="newsletter-box" id="signup"><p class="x">Hi</p></div>'
    hashed = btt.hashed_classes(page, random.Random(1))
    assert "newsletter" not in hashed and "signup" not in hashed
    assert hashed.count('class="css-') == 2 and hashed.count('id="css-') == 1
    assert "<p" in hashed and "Hi" in hashed


@pytest.mark.parametrize("hashed", [False, True])
def test_each_page_holds_its_body_and_its_furniture(hashed: bool) -> None:
    texts = ["\n".join(BODY)] + ["\n".join(o) for o in OTHER]
    pages = btt.build_pages(texts, 1, seed=3, hashed=hashed)
    page = pages[0]
    assert page["truth"] in texts  # one body whole, its paragraphs all long enough
    assert all(p in page["html"] for p in page["truth"].split("\n"))
    assert page["blocks"], "no furniture placed"
    shown = lxml_html.fromstring(page["html"]).text_content()
    for kind, words in page["blocks"]:
        assert kind in btt.BLOCKS
        assert all(btt.leaked(shown, w) for w in words if len(btt.tokens(w)) >= 3), kind


@pytest.mark.parametrize("family", ["A", "B"])
def test_cms_pages_hold_their_body_and_their_family_s_plugin_furniture(family: str) -> None:
    texts = ["\n".join(BODY)] + ["\n".join(o) for o in OTHER]
    pages = btt.build_pages(texts, 3, seed=3, cms=family)
    kinds = {k for place in cms_blocks.CMS_KINDS[family].values() for k in place}
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(
            tuple(n[:12] for n in cms_blocks.STORY_NOTES[family]))]
        assert "\n".join(body) in texts  # a body whole (and maybe its closing note)
        assert page["english"]  # the English bodies come first
        _shows_its_truth_and_furniture(page, kinds)


def _shows_its_truth_and_furniture(page: dict, kinds: set[str]) -> None:
    """The page shows every truth paragraph and every furniture text of its blocks, whose
    kinds are all among `kinds`."""
    # (the pieces spaced: a tag list's items touch in text_content; a dateline's <cite>
    # and its paragraph's text one space apart)
    shown = " ".join(" ".join(lxml_html.fromstring(page["html"]).itertext()).split())
    assert all(p in shown for p in page["truth"].split("\n"))
    assert page["blocks"], "no furniture placed"
    for kind, words in page["blocks"]:
        assert kind in kinds, kind
        assert all(btt.leaked(shown, w) for w in words if len(btt.tokens(w)) >= 3), kind


def test_cms_c_pages_hold_their_body_near_misses_and_modern_furniture() -> None:
    texts = ["\n".join(BODY)] + ["\n".join(o) for o in OTHER]
    pages = btt.build_pages(texts, 3, seed=4, cms="C")
    kinds = {k for where in (*cms_blocks_c.PLATFORM.values(), cms_blocks_c.COMMON)
             for place in where.values() for k in place}
    notes = tuple(n[:12] for n in (*cms_blocks_c.STORY_NOTES_C, *cms_blocks_c.NEAR_MISSES))
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        assert "\n".join(body) in texts  # a body whole, with maybe a near-miss and a note
        _shows_its_truth_and_furniture(page, kinds)


def test_cms_d_pages_hold_their_body_and_their_publishers_furniture() -> None:
    texts = ["\n".join(BODY)] + ["\n".join(o) for o in OTHER]
    pages = btt.build_pages(texts, 6, seed=4, cms="D")
    kinds = {k for where in (*cms_blocks_d.PUBLISHERS.values(), cms_blocks_d.LAYOUT)
             for place in where.values() for k in place}
    notes = tuple(n[:12] for n in (*cms_blocks_d.STORY_NOTES_D, *cms_blocks_d.NEAR_MISSES_D))
    datelines = tuple(f"{d} " for d in cms_blocks_d.DATELINES.values())
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        body[0] = body[0].removeprefix(next((d for d in datelines if body[0].startswith(d)), ""))
        assert "\n".join(body) in texts  # a body whole, maybe a dateline, near-miss, note
        _shows_its_truth_and_furniture(page, kinds)


def _bodies(sentence: str, k: int) -> list[str]:
    return ["\n".join(sentence.format(j=j, i=i) for i in range(6)) for j in range(k)]


def test_cms_e_pages_hold_a_body_and_furniture_of_its_own_language() -> None:
    de = _bodies("Die Geschichte {j} erzählt im Absatz {i}, was der Stadtrat über die Brücke und "
                 "den Hafen in dieser Woche beschlossen hat.", 5)
    fr = _bodies("Le récit {j} raconte dans le paragraphe {i} ce que le conseil a décidé pour le "
                 "pont et le port dans la semaine.", 4)
    pages = btt.build_pages(de + fr, 6, seed=4, cms="E")
    assert [p["lang"] for p in pages[:4]] == ["fr"] * 4  # the few non-German bodies first
    notes = tuple(n[:12] for lang in ("de", "fr") for n in (
        *cms_blocks_e.STORY_NOTES_E[lang], *cms_blocks_e.NEAR_MISSES_E[lang]))
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        assert "\n".join(body) in (de if page["lang"] == "de" else fr)
        pubs = cms_blocks_e.publishers_of(page["lang"])
        kinds = {f"{pub}:{k}" for pub in pubs for place in cms_blocks_e.PUBLISHERS_E[pub][2:]
                 for k in place}
        _shows_its_truth_and_furniture(page, kinds)
        words = " ".join(w for _, ws in page["blocks"] for w in ws)
        other = ("conseil", "récit") if page["lang"] == "de" else ("Stadtrat", "Geschichte")
        assert not any(w in words for w in other)  # furniture from its own language's bodies


def test_cms_f_pages_hold_a_body_and_small_sites_furniture_of_its_language() -> None:
    de = _bodies("Die Geschichte {j} erzählt im Absatz {i}, was der Verein über das Backhaus und "
                 "den Garten in dieser Woche beschlossen hat.", 6)
    en = _bodies("The story {j} tells in paragraph {i} what the club decided about the bakehouse "
                 "and the garden this week.", 6)
    pages = btt.build_pages(de + en, 9, seed=4, cms="F")
    assert [p["lang"] for p in pages[:3]] == ["en"] * 3  # English bodies first, a third
    assert {p["lang"] for p in pages[3:]} == {"de"}
    notes = tuple(n[:12] for lang in ("de", "en") for n in (
        *cms_blocks_f.STORY_NOTES_F[lang], *cms_blocks_f.NEAR_MISSES_F[lang]))
    kinds = {f"{site}:{k}" for site, spec in cms_blocks_f.SITES_F.items()
             for place in spec[2:] for k in place}
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        assert "\n".join(body) in (de if page["lang"] == "de" else en)
        _shows_its_truth_and_furniture(page, kinds)
        words = " ".join(w for _, ws in page["blocks"] for w in ws)
        other = ("bakehouse", "story") if page["lang"] == "de" else ("Backhaus", "Geschichte")
        assert not any(w in words for w in other)  # furniture from its own language's bodies


def test_cms_g_pages_reuse_english_bodies_under_the_region_s_and_magazines_furniture() -> None:
    en = _bodies("The story {j} tells in paragraph {i} what the council decided about the "
                 "harbour and the ferries this week.", 4)
    de = _bodies("Die Geschichte {j} erzählt im Absatz {i}, was der Verein über das Backhaus "
                 "und den Garten in dieser Woche beschlossen hat.", 3)
    pages = btt.build_pages(en + de, 10, seed=4, cms="G")
    assert len(pages) == 10  # 4 English bodies, each under up to G_USES templates
    notes = tuple(n[:12] for n in (*cms_blocks_g.STORY_NOTES_G, *cms_blocks_g.NEAR_MISSES_G))
    kinds = {f"{site}:{k}" for site, spec in cms_blocks_g.SITES_G.items()
             for place in spec[2:] for k in place}
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        assert "\n".join(body) in en  # English bodies only
        # a drop cap's letter is its own element: the first word is whole when joined
        page = {**page, "html": page["html"].replace('<span class="dropcap">', "<span>")}
        tree = lxml_html.fromstring(page["html"])
        for span in tree.iter("span"):
            if span.text and len(span.text) == 1 and span.tail:
                span.tail, span.text = span.text + span.tail, ""
        page["html"] = lxml_html.tostring(tree, encoding="unicode")
        _shows_its_truth_and_furniture(page, kinds)
        for kind, words in page["blocks"]:
            if kind.endswith(":pullquote"):  # a pull quote repeats this page's own sentence
                assert words[0] in page["truth"]
            else:
                assert not any("Backhaus" in w for w in words)


def test_cms_h_pages_hold_an_english_body_with_its_dateline_under_wire_and_portal_furniture(
) -> None:
    en = _bodies("The story {j} tells in paragraph {i} what the council decided about the "
                 "harbour and the ferries this week.", 5)
    de = _bodies("Die Geschichte {j} erzählt im Absatz {i}, was der Verein über das Backhaus "
                 "und den Garten in dieser Woche beschlossen hat.", 3)
    pages = btt.build_pages(en + de, 15, seed=3, cms="H")
    assert len(pages) == 15  # 5 English bodies, each under up to G_USES templates
    notes = tuple(n[:12] for n in (*cms_blocks_h.STORY_NOTES_H, *cms_blocks_h.NEAR_MISSES_H))
    kinds = {f"{site}:{k}" for site, spec in cms_blocks_h.SITES_H.items()
             for place in spec[2:] for k in place}
    datelined = 0
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        first = body[0].index("The story")  # a dateline joins the first paragraph
        datelined += first > 0
        assert "\n".join([body[0][first:], *body[1:]]) in en  # English bodies only
        _shows_its_truth_and_furniture(page, kinds)
        assert not any("Backhaus" in w for _, ws in page["blocks"] for w in ws)
    assert datelined  # some templates write "(AFP) -", "/PRNewswire/ --" …


EN_STORIES = _bodies("The story {j} tells in paragraph {i} what the council decided about the "
                     "harbour and the ferries this week.", 5)
DE_STORIES = _bodies("Die Geschichte {j} erzählt im Absatz {i}, was der Verein über das "
                     "Backhaus und den Garten in dieser Woche beschlossen hat.", 3)
FLOW_FAMILIES = {"I": cms_blocks_i, "J": cms_blocks_j, "K": cms_blocks_k, "L": cms_blocks_l}


def _english_pages_in_their_container(family: str) -> list[tuple[dict, str]]:
    """`--cms I`, `J`, `K` and `L`: 15 pages of five English bodies (German ones offered too),
    each holding one English body whole (its note and near-miss aside, no dateline),
    showing its truth and its family's furniture, none of it drawn from a German body, all
    inside the body's own container with no box of its own. Each page with the text of its
    container, for the family's own checks."""
    module = FLOW_FAMILIES[family]
    pages = btt.build_pages(EN_STORIES + DE_STORIES, 15, seed=3, cms=family)
    assert len(pages) == 15  # 5 English bodies, each under up to G_USES templates
    notes = tuple(n[:12] for n in (*getattr(module, f"STORY_NOTES_{family}"),
                                   *getattr(module, f"NEAR_MISSES_{family}")))
    sites = getattr(module, f"SITES_{family}")
    kinds = {f"{site}:{k}" for site, spec in sites.items() for place in spec[1:] for k in place}
    out = []
    for page in pages:
        body = [p for p in page["truth"].split("\n") if not p.startswith(notes)]
        assert "\n".join(body) in EN_STORIES
        _shows_its_truth_and_furniture(page, kinds)
        assert not any("Backhaus" in w for _, ws in page["blocks"] for w in ws)
        container = lxml_html.fromstring(page["html"]).xpath("//article/*[not(self::header)]")[0]
        spaced = " ".join(" ".join(container.itertext()).split())  # list items apart
        tight = " ".join(container.text_content().split())  # a link and its full stop together
        assert all(" ".join(w.split()) in spaced or " ".join(w.split()) in tight
                   for _, ws in page["blocks"] for w in ws)
        out.append((page, spaced))
    return out


def test_cms_i_pages_hold_an_english_body_with_unboxed_lines_inside_its_container() -> None:
    _english_pages_in_their_container("I")


def _inside_kinds_sit_between_the_story_paragraphs(page: dict, shown: str, notes: tuple[str, ...],
                                                   placed_elsewhere: tuple[str, ...]) -> None:
    """What the template does not put on top (or after the story) sits after the story's
    first paragraph and before its last."""
    story = [p for p in page["truth"].split("\n") if p not in notes]
    first, last = story[0], story[-1]
    between = shown[shown.index(first) + len(first):shown.rindex(last)]
    assert all(" ".join(w.split()) in between for kind, ws in page["blocks"]
               if kind.split(":")[1] not in placed_elsewhere for w in ws)


def test_cms_j_pages_put_their_furniture_between_the_story_paragraphs() -> None:
    for page, shown in _english_pages_in_their_container("J"):
        site = page["blocks"][0][0].split(":")[0]
        _inside_kinds_sit_between_the_story_paragraphs(
            page, shown, cms_blocks_j.STORY_NOTES_J, cms_blocks_j.SITES_J[site][1])


def _apparatus_around_the_story(family: str, sites: dict, notes) -> None:
    """`--cms K` and `L` pages: each site's top and after kinds sit around the story's
    paragraphs, its summaries and pull quotes repeat the page's own sentences, and at
    least 8 of the 15 templates are drawn."""
    pages = _english_pages_in_their_container(family)
    for page, shown in pages:
        site = page["blocks"][0][0].split(":")[0]
        _, top, _, after = sites[site]
        _inside_kinds_sit_between_the_story_paragraphs(page, shown, notes, (*top, *after))
        for kind, words in page["blocks"]:
            if kind.split(":")[1].startswith("pullquote"):
                assert all(w in page["truth"] for w in words), kind
    assert len({page["blocks"][0][0].split(":")[0] for page, _ in pages}) >= 8


def test_cms_k_pages_put_the_long_read_apparatus_on_top_between_and_after_the_story() -> None:
    # (K's FAQ answers are pull quotes too: the page's own sentences)
    _apparatus_around_the_story("K", cms_blocks_k.SITES_K, cms_blocks_k.STORY_NOTES_K)


def test_cms_l_pages_put_the_reader_tools_and_notices_on_top_between_and_after_the_story(
) -> None:
    _apparatus_around_the_story("L", cms_blocks_l.SITES_L, cms_blocks_l.STORY_NOTES_L)
    # every site's labels are in a language the blocks have words for
    assert set(cms_blocks_l.LANG_L) == set(cms_blocks_l.SITES_L)
    assert set(cms_blocks_l.LANG_L.values()) == set(cms_blocks_l.LISTEN)


def test_cms_c_near_misses_go_into_the_body_never_first() -> None:
    import random

    r = random.Random(1)
    out = [cms_blocks_c.with_near_miss(BODY, r) for _ in range(50)]
    grown = [o for o in out if len(o) == len(BODY) + 1]
    assert 5 < len(grown) < 45  # about 40 %
    assert all(o[0] == BODY[0] and set(o) - set(BODY) <= set(cms_blocks_c.NEAR_MISSES)
               for o in grown)


def test_a_pull_quote_leaks_when_its_sentence_is_said_twice() -> None:
    quote = "The bridge will carry thirty thousand cars a day, the mayor said."
    assert not btt.repeated(f"Intro. {quote} More.", quote)
    assert btt.repeated(f"Intro. {quote} More. {quote}", quote)
