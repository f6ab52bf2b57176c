"""The outlet registry (seeds/outlets.toml) and keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.enrich import outlets as sources
from tasks.enrich.annotate import keywords

REPO = Path(__file__).resolve().parents[3]


def test_registry_file_parses_and_has_the_seed_outlet():
    reg = sources.load_registry(REPO / "seeds" / "outlets.toml")
    assert reg["sputnikglobe.com"] == sources.Outlet("Sputnik", "RU", "state-affiliated")
    assert len(reg) >= 12
    assert {o.type for o in reg.values()} >= {"public-broadcaster", "state-affiliated", "wire"}


def test_extra_keys_per_outlet_are_ignored_and_subdomains_match():
    reg = sources.parse_registry(
        """
        [outlets."bbc.co.uk"]
        name = "BBC"
        country = "gb"
        type = "public-broadcaster"
        feeds = ["https://feeds.bbci.co.uk/news/rss.xml"]
        sitemaps = []
        crawl_delay_s = 2
        [outlets." WWW.DW.com"]
        name = "DW"
        """
    )
    assert sources.lookup(reg, "dw.com").name == "DW"  # key folded: case, spaces, www.
    assert sources.lookup(reg, "amp.dw.com").name == "DW"
    bbc = sources.Outlet("BBC", "GB", "public-broadcaster")
    assert sources.lookup(reg, "news.bbc.co.uk") == bbc
    assert sources.lookup(reg, "bbc.co.uk").name == "BBC"
    assert sources.lookup(reg, "co.uk") is None
    assert sources.lookup(reg, "example.com") is None
    assert sources.lookup(reg, None) is None


@pytest.mark.parametrize(
    "text,message",
    [
        ("[outlets.x", "not valid TOML"),
        ('[outlets."a.com"]\ncountry = "RU"', "needs a string 'name'"),
        ('[outlets."a.com"]\nname = "A"\ntype = "tabloidish"', "type 'tabloidish'"),
        ('[outlets."a.com"]\nname = "A"\ncountry = "RUS"', "ISO alpha-2"),
    ],
)
def test_bad_registry_names_the_problem(text, message):
    with pytest.raises(sources.RegistryError, match=message):
        sources.parse_registry(text, origin="t.toml")


def test_missing_registry_is_empty(tmp_path):
    assert sources.load_registry(tmp_path / "nope.toml") == {}


def test_a_broken_registry_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text('[outlets."a.com"]\ncountry = "RU"\n')
    with pytest.raises(sources.RegistryError) as info:
        sources.load_registry(path)
    assert str(info.value).startswith(f"{path}: ")


DOCS = [
    "The central bank raised interest rates. The central bank said inflation was high. "
    "Inflation hurts savers; the central bank acts.",
    "The football club won the cup. The football club's striker scored twice in the final.",
    "Interest in gardening grows. Gardening clubs report record members and gardening tools sell.",
]


def test_tfidf_keywords_prefer_distinctive_recurring_terms():
    kws = keywords.tfidf_keywords(DOCS, ["en"] * 3, top_k=3)
    assert kws[0][0] == "central bank"
    assert "football club" in kws[1]
    assert kws[2][0] == "gardening"
    assert all("the" not in k.split() for doc in kws for k in doc)  # stop words never
    assert "central" not in kws[0] and "bank" not in kws[0]  # words of a chosen phrase


def test_yake_keywords_and_method_switch():
    got = keywords.keywords_batch(DOCS[:1], ["en"], method="yake", top_k=3)
    assert len(got[0]) == 3 and any("central bank" in k for k in got[0])
    assert keywords.keywords_batch(DOCS, ["en"] * 3, method="none") == [[], [], []]
    # tf-idf is the default method
    assert keywords.keywords_batch(DOCS, ["en"] * 3, top_k=3) == \
        keywords.tfidf_keywords(DOCS, ["en"] * 3, top_k=3)
    with pytest.raises(ValueError, match="unknown keywords method"):
        keywords.keywords_batch(DOCS, ["en"] * 3, method="magic")


def test_stopwords_for_german_and_unknown_language():
    assert "und" in keywords.stopwords("de")
    assert keywords.stopwords("xx") == keywords.stopwords("en")  # fallback, never empty
    assert keywords.stopwords(None) == keywords.stopwords("en")


def test_sources_toml_outlets_are_known_and_outlets_toml_wins():
    from tasks.common.sourcesfile import parse_sources

    cfg = parse_sources(
        """
        [[source]]
        name = "Sputnik (crawl name)"
        homepage = "https://sputnikglobe.com/"
        country = "RU"
        type = "state"

        [[source]]
        name = "Example Wire"
        homepage = "https://www.wire.example/news"
        country = "FR"
        type = "agency"

        [[source]]
        name = "No homepage"
        feeds = ["https://feeds.example/rss"]
        """
    )
    crawl = sources.from_sources_file(cfg)
    assert crawl["wire.example"] == sources.Outlet("Example Wire", "FR", "wire")
    assert len(crawl) == 2
    own = sources.load_registry(REPO / "seeds" / "outlets.toml")
    merged = sources.merge_registries(crawl, own)
    assert merged["sputnikglobe.com"].name == "Sputnik"  # outlets.toml wins
    assert sources.lookup(merged, "wire.example").type == "wire"


def test_enrich_joins_both_files_and_notes_a_broken_one(tmp_path, monkeypatch):
    from tasks.common.settings import Settings
    from tests.unit.enrich.test_annotate import enrich_batch, make_articles

    monkeypatch.delenv("PRESSROOM_SPACY_MODEL", raising=False)
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nname = "Wire"\nhomepage = "https://wire.example/"\ntype = "agency"\n'
    )
    (tmp_path / "outlets.toml").write_text('[outlets."a.example"]\nname = "A"\n')
    s = Settings(seeds=tmp_path, warehouse=tmp_path / "wh")
    r = enrich_batch(make_articles(["Text."], domain="wire.example"), s, "r")
    assert r.table.column("source_name").to_pylist() == ["Wire"]
    assert r.table.column("source_type").to_pylist() == ["wire"]

    (tmp_path / "outlets.toml").write_text("[outlets.broken")
    r = enrich_batch(make_articles(["Text."], domain="wire.example"), s, "r")
    assert any("source registry" in n and "not valid TOML" in n for n in r.notes)
    assert r.table.column("source_name").to_pylist() == ["Wire"]  # the other file still counts
    assert r.table.column("enrich_error").to_pylist() == [None]


def test_a_phrase_takes_the_place_of_its_word_chosen_before_it():
    # "bank" (5 uses) outscores "central bank" (3) and is chosen first; the phrase accounts
    # for over half of its uses, so it takes the word's place in the ranking.
    doc = ("Bank shares fell sharply on Monday. Traders sold. The central bank raised rates. "
           "The central bank warned. The central bank spoke. Bank customers waited.")
    kws = keywords.tfidf_keywords([doc, *DOCS[1:]], ["en"] * 3, top_k=5)
    assert keywords.candidates(doc, "en")["bank"] > keywords.candidates(doc, "en")["central bank"]
    assert kws[0][0] == "central bank" and "bank" not in kws[0] and len(kws[0]) == 5


def test_tfidf_keywords_need_one_language_per_text():
    with pytest.raises(ValueError):
        keywords.tfidf_keywords(DOCS, ["en"] * 2)


def test_candidates_count_words_and_phrases_within_one_run_of_words():
    text = ("Central bank's rates rose. Central bank rates fell, central-bank rates; the "
            "bank’s chief economist, Ms Lagarde, spoke 2 days later in Frankfurt.")
    assert keywords.candidates(text, "en") == {
        # possessives fold into the word (both apostrophes), case folds, a hyphen joins
        "bank": 3, "rates": 3, "central": 2, "central-bank": 1, "rose": 1, "fell": 1,
        "chief": 1, "economist": 1, "lagarde": 1, "spoke": 1, "days": 1, "frankfurt": 1,
        # a phrase: two words with only white space between them (not ". " nor ", "), and
        # no stop word ("the", "later", "in"), short word ("Ms") or number between them
        "central bank": 2, "bank rates": 2, "rates rose": 1, "rates fell": 1,
        "central-bank rates": 1, "bank chief": 1, "chief economist": 1,
    }


def test_a_phrase_under_half_of_its_words_uses_stands_beside_the_word():
    # "central bank" 2 of 5 uses of "bank": both stay; 2 of 4: the phrase takes its place
    doc = ("The central bank met. The central bank said. A bank opened. Another bank "
           "closed. One bank failed.")
    assert keywords.tfidf_keywords([doc], ["en"])[0][:2] == ["bank", "central bank"]
    doc = "The central bank met. The central bank said. A bank opened. Another bank closed."
    kws = keywords.tfidf_keywords([doc], ["en"])[0]
    assert kws[0] == "central bank" and "bank" not in kws


def test_terms_of_the_opening_lines_rank_before_later_ones_of_the_same_weight():
    filler = " to be or" * 40  # words too short to count: pushes the rest past the lead
    doc = "Zeppelin flights." + filler + " Apple harvest."
    assert len("Zeppelin flights." + filler) > keywords.LEAD_CHARS
    assert keywords.tfidf_keywords([doc], ["en"]) == [
        ["flights", "zeppelin", "apple", "harvest"]]


def test_a_text_that_opens_with_white_space_has_no_phrase_before_its_first_word():
    assert keywords.candidates("  Bank rates rose.", "en") == {
        "bank": 1, "rates": 1, "rose": 1, "bank rates": 1, "rates rose": 1}


def test_an_article_without_text_has_no_keywords():
    assert keywords.tfidf_keywords([None, "Bank rates rose again."], ["en", "en"]) == [
        [], ["bank", "rates", "rose"]]


def test_a_registry_without_outlets_is_empty():
    from tasks.enrich.outlets import parse_registry

    assert parse_registry("# nothing registered yet\n") == {}


def test_a_word_of_exactly_the_minimum_length_is_a_candidate():
    assert keywords.MIN_WORD_CHARS == 3
    assert keywords.candidates("EU tax cuts", "en") == {"tax": 1, "cuts": 1, "tax cuts": 1}


def test_a_term_repeated_in_an_article_outranks_a_rarer_one_used_once():
    # quartz: 3 times here, in 4 of the 5 texts (IDF 1.18); zebra: once, only here (IDF
    # 2.10). Sublinear TF, 1 + ln 3 = 2.10, puts quartz first (2.48 vs 2.10); a TF that
    # starts at 2 (2 + ln 3 against 2) would put zebra first.
    docs = ["Quartz. Quartz. Quartz. Zebra.", "Quartz. Mango.", "Quartz. Lemon.",
            "Quartz. Pepper.", "Ginger. Walnut."]
    assert keywords.tfidf_keywords(docs, ["en"] * 5, top_k=2)[0] == ["quartz", "zebra"]


def test_a_registry_with_a_byte_order_mark_is_read(tmp_path):
    """Fault round 9: an outlets.toml saved with a BOM was "not valid TOML" (line 1,
    column 1)."""
    path = tmp_path / "outlets.toml"
    path.write_bytes(b'\xef\xbb\xbf[outlets."news.example"]\r\nname = "News"\r\n'
                     b'country = "ch"\r\n')
    assert sources.load_registry(path)["news.example"].name == "News"


def test_a_domain_written_with_its_root_dot_is_the_same_outlet_and_a_tld_is_none():
    # seed 51: "dw.com." (a fully qualified name) is dw.com; a registry key that is a bare
    # top-level domain names no outlet, even if a sources file wrote one
    dw = sources.Outlet("DW", "DE", "public-broadcaster")
    reg = {"dw.com": dw, "com": sources.Outlet("Any", None, None), "uk": dw}
    assert sources.lookup(reg, "www.dw.com.") == dw
    assert sources.lookup(reg, "news.example.com") is None
    assert sources.lookup(reg, "bbc.co.uk") is None


@pytest.mark.parametrize(("key", "article_url"), [
    ("xn--80aswg.xn--p1ai", "https://сайт.рф/news/1"),  # punycode, as configs write .рф
    ("сайт.рф", "https://xn--80aswg.xn--p1ai/news/1"),
    ("https://www.rt.com/", "https://www.rt.com/news/1"),  # the homepage pasted
    ("http://rt.com", "https://rt.com/news/1"),
    ("m.dw.com", "https://www.dw.com/en/x"),  # the mobile site's name
    ("www.dw.com.", "https://dw.com/en/x"),
    (" TASS.com ", "https://tass.com/x"),
])
def test_a_registry_key_written_as_a_url_or_another_spelling_names_its_outlet(
        key, article_url) -> None:
    """Fault round 32: outlets.toml keys written otherwise than the articles' `domain`
    (which is `domain_identity`: Unicode, no www./m./amp., no root dot): a punycode
    `.рф` name, the homepage's URL pasted, the mobile host, a root dot after a www.
    Before: stored as written, no article of the outlet ever matched (no name, country
    or type joined, without a word)."""
    from tasks.common.urls import domain_of

    reg = sources.parse_registry(f'[outlets."{key}"]\nname = "X"\ncountry = "RU"\n')
    assert sources.lookup(reg, domain_of(article_url)) == sources.Outlet("X", "RU", None)


@pytest.mark.parametrize(("written", "iso"), [("UK", "GB"), ("uk", "GB"), ("EL", "GR"),
                                              ("GB", "GB"), ("de", "DE")])
def test_a_country_written_with_isos_reserved_code_is_its_iso_code(written, iso) -> None:
    """Fault round 32: `country = "UK"` (ISO 3166's exceptionally reserved code for the
    United Kingdom, whose code is GB; "EL" the EU's for Greece) in outlets.toml or
    sources.toml. Before: stored as "UK", so `places_by_source` never met the outlet's
    own country (places are GB), and an analyst's `source_country = 'GB'` missed it."""
    reg = sources.parse_registry(f'[outlets."bbc.co.uk"]\nname = "B"\ncountry = "{written}"\n')
    assert reg["bbc.co.uk"].country == iso
    from tasks.common.sourcesfile import parse_sources

    if written.isupper():  # the sources file takes two capitals only, as before
        cfg = parse_sources(f'[[source]]\nname = "B"\nhomepage = "https://bbc.co.uk/"\n'
                            f'country = "{written}"\n')
        assert cfg.sources[0].country == iso
        assert sources.from_sources_file(cfg)["bbc.co.uk"].country == iso


def test_a_registry_key_without_a_scheme_but_with_a_path_or_port_names_its_domain() -> None:
    # seed 62: a homepage pasted without its scheme; a key no URL parser takes stays
    assert sources.registry_key("www.dw.com/de/") == "dw.com"
    assert sources.registry_key("news.example:8080") == "news.example"
    assert sources.registry_key("[::1") == "[::1"


def test_a_source_without_a_homepage_does_not_hide_the_ones_after_it() -> None:
    from tasks.common.sourcesfile import parse_sources

    cfg = parse_sources('[[source]]\nname = "Feed only"\nfeeds = ["https://a.example/rss"]\n'
                        '[[source]]\nname = "B"\nhomepage = "https://bbc.co.uk/"\n')
    assert list(sources.from_sources_file(cfg)) == ["bbc.co.uk"]
