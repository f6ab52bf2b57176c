"""The title and the headline (tasks/extract/titles.py): which heading or titled element
agrees with the declared titles, which count as the page's frame, the site's segment of
a <title>. Seed 54 ran every mutant of the module; these are the cases its survivors
showed no test asked (the module's older tests are in test_metadata.py)."""

from __future__ import annotations

from lxml.html import HtmlElement, fromstring

from tasks.extract.titles import (
    choose_headline,
    drop_site_segment,
    guessed_title,
    headline_text,
    is_outlet,
    outlet_names,
    titled_element,
)

OUTLETS = outlet_names("Harbour Gazette", "https://www.harbourgazette.example/2024/bridge")
# words every heading below shares with it: harbor, bridge, opened
REF = "Harbor bridge opened after nine years | Harbour Gazette"
LONG_REF = ("Harbor bridge opened after nine years of delays, protests and a court case "
            "| Harbour Gazette")
# a declared title no heading agrees with (a season's slogan)
SLOGAN = "Christmas Gift Guide | Harbour Gazette"


def page(body: str, title: str = "Harbour Gazette") -> HtmlElement:
    return fromstring(f"<html><head><title>{title}</title></head><body>{body}</body></html>")


def text_of(elem: HtmlElement | None) -> str | None:
    return None if elem is None else elem.text_content()


# --- the elements classed as titles (titled_element) ---------------------------------------

def test_only_the_first_fifty_elements_classed_as_titles_are_read() -> None:
    cards = "".join(f"<span class='card-title'>Weather on day {i}</span>" for i in range(50))
    story = "<div class='article-title'>Harbor bridge opened after nine years</div>"
    assert titled_element(page(cards + story), [REF], OUTLETS) is None
    found = titled_element(page(cards[cards.index("</span>") + 7:] + story), [REF], OUTLETS)
    assert text_of(found) == "Harbor bridge opened after nine years"


def test_a_link_classed_as_a_title_is_passed_over_for_the_one_after_it() -> None:
    """A link (a teaser's title) is no element a headline is set in, and passing it over
    does not end the search."""
    tree = page("<a class='story-title' href='/2024/bridge'>Harbor bridge opened after nine "
                "years</a><div class='article-title'>Harbor bridge opened after nine years</div>")
    assert titled_element(tree, [REF], OUTLETS).tag == "div"


def test_a_titled_element_holds_at_most_three_elements() -> None:
    three = ("<div class='article-title'><span>Harbor</span> <span>bridge opened</span> "
             "<b>after nine years</b></div>")
    assert text_of(titled_element(page(three), [REF], OUTLETS)) == (
        "Harbor bridge opened after nine years")
    four = three.replace("</b>", "</b> <i>at last</i>")
    assert titled_element(page(four), [REF], OUTLETS) is None


def test_the_sites_name_and_the_frames_titles_are_no_headline() -> None:
    """The site's name in a title-classed element agrees with the <title>'s site segment;
    a sidebar's box title with the title itself: neither is the headline, and passing
    them over does not end the search."""
    name = "<div class='header-title'>Harbour Gazette</div>"
    box = ("<div class='sidebar'><div class='box-title'>Harbor bridge opened after nine years"
           "</div></div>")
    assert titled_element(page(name), [REF], OUTLETS) is None
    assert titled_element(page(box), [REF], OUTLETS) is None
    story = "<div class='lead-title'>Harbor bridge opened after nine years</div>"
    assert titled_element(page(name + box + story), [REF], OUTLETS).get("class") == "lead-title"


def repeated(n_words: int) -> str:
    """n_words of six letters (harbor, bridge, opened in turn): 7 * n_words - 1 characters."""
    return " ".join(("harbor", "bridge", "opened")[i % 3] for i in range(n_words))


def test_a_titled_element_of_up_to_300_characters_is_a_headline() -> None:
    assert len(repeated(43)) == 300
    for text, found in ((repeated(43), True), (repeated(43) + "!", False)):
        elem = titled_element(page(f"<div class='article-title'>{text}</div>"), [REF], OUTLETS)
        assert (elem is not None) is found, len(text)


def test_of_equally_agreeing_titled_elements_the_first_is_taken() -> None:
    tree = page("<div class='article-title' id='first'>Harbor bridge opened after nine years"
                "</div><div class='print-title' id='second'>Harbor bridge opened after nine "
                "years</div>")
    assert titled_element(tree, [REF], OUTLETS).get("id") == "first"


def test_three_words_all_in_a_long_title_agree_just_enough() -> None:
    """A heading of 3 words or more, every one of them in the declared title, agrees at
    HEADLINE_MIN_OVERLAP (0.4) however long the title is; one that does not agree as
    much is no headline."""
    tree = page("<div class='article-title'>Harbor bridge opened</div>")
    assert text_of(titled_element(tree, [LONG_REF], OUTLETS)) == "Harbor bridge opened"
    weather = page("<div class='article-title'>Weather for the harbor today</div>")
    assert titled_element(weather, [LONG_REF], OUTLETS) is None
    # and so among several <h1>s, where no one <h1> stands alone
    h1s = page("<h1>Harbor bridge opened</h1><h1>Most read</h1>")
    assert text_of(choose_headline(h1s, [LONG_REF], OUTLETS)) == "Harbor bridge opened"


# --- the page's only content <h1> (sole_h1, content_headings, _is_page_furniture) ----------

STORY_H1 = "<h1>Council backs the harbour plan</h1>"


def sole(body: str) -> str | None:
    """The headline of a page whose declared title agrees with no heading."""
    return text_of(choose_headline(page(body), [SLOGAN], OUTLETS))


def test_the_frames_h1s_leave_the_storys_h1_the_only_one() -> None:
    """An <h1> in a <nav>, an <aside> or a container whose id says sidebar, an empty one
    (a logo image) and a link to the front page are the page's frame."""
    assert sole(STORY_H1) == "Council backs the harbour plan"
    for frame in ("<nav><h1>Sections</h1></nav>", "<aside><h1>Weekend</h1></aside>",
                  "<div id='sidebar'><h1>Popular</h1></div>", "<h1 id='site-title'>Port</h1>",
                  "<h1><img src='logo.png'></h1>",
                  "<h1><a href='https://www.harbourgazette.example/'>Port news</a></h1>"):
        assert sole(frame + STORY_H1) == "Council backs the harbour plan", frame
    assert sole("<h1>Sections</h1>" + STORY_H1) is None  # two content <h1>s: no headline


def test_a_menus_or_search_boxs_h1_is_no_headline() -> None:
    """A theme that titles its menu with an <h1> leaves the page without a content <h1>:
    the declared title stands, the menu's label is not taken for the headline."""
    for label in ("Menu", "Main menu", "MENÜ", "Suche", "Navigation:", "Skip to content"):
        assert sole(f"<h1>{label}</h1>") is None, label
        assert sole(f"<h1>{label}</h1>{STORY_H1}") == "Council backs the harbour plan", label
    # a headline that merely holds such a word is a headline
    assert sole("<h1>Menu of the week</h1>") == "Menu of the week"


def test_an_h1_of_up_to_300_characters_counts_as_content() -> None:
    assert sole(f"<h1>{repeated(43)}</h1>{STORY_H1}") is None  # two of them
    assert sole(f"<h1>{repeated(43)}!</h1>{STORY_H1}") == "Council backs the harbour plan"


def test_a_heading_without_words_agrees_with_no_title() -> None:
    """A separator set as a heading ("* * *") shares no word with any title."""
    tree = page("<h1>* * *</h1><h1>Harbor bridge opened after nine years</h1>")
    assert text_of(choose_headline(tree, [REF], OUTLETS)) == (
        "Harbor bridge opened after nine years")


# --- the guess, the outlet, the site segment --------------------------------------------

def test_trafilaturas_guess_stands_beside_a_comment_forms_heading() -> None:
    """Only a guess that is the comment heading gives way to the <title>: the story's
    lone <h1> beside a comment form's heading stays the guess."""
    tree = page("<h1>Harbor bridge opened</h1><p>" + "Text. " * 30 + "</p><h3 id='reply-title' "
                "class='comment-reply-title'>Leave a Reply</h3>",
                title="Harbor bridge opened | Harbour Gazette")
    assert guessed_title(tree, "Harbor bridge opened | Harbour Gazette") == "Harbor bridge opened"


def test_trafilaturas_guess_of_a_menus_h1_gives_way_to_the_title() -> None:
    """trafilatura takes a page's lone <h1> for its title, and some themes' lone <h1> is
    their menu's label: the <title> stands instead."""
    doc_title = "Council backs the harbour plan | Harbour Gazette"
    body = "<ul><li><a href='/a'>News</a></li></ul><p>" + "Text. " * 30 + "</p>"
    assert guessed_title(page("<h1>Menu</h1>" + body, title=doc_title), doc_title) == doc_title
    assert guessed_title(page("<h1>Council backs it</h1>" + body, title=doc_title),
                         doc_title) == "Council backs it"


def test_the_title_left_in_the_body_is_found_after_other_text() -> None:
    """Without a <title> in the head, the first <title> element with text stands for it,
    wherever the parser left it, not the first element with text."""
    tree = fromstring("<html><body><p>Bibliothek 2.0</p><title>Alles Neue mach der Mai</title>"
                      "<p>" + "Text. " * 30 + "</p><h3 id='reply-title' class='comment-reply-"
                      "title'>Write a Reply or Comment</h3></body></html>")
    assert guessed_title(tree, None) == "Alles Neue mach der Mai"


def test_a_three_letter_outlet_and_a_part_of_its_name() -> None:
    assert is_outlet("NPR", outlet_names("NPR", None)) is True
    assert is_outlet("ZEIT", outlet_names("ZEIT ONLINE", None)) is True
    assert is_outlet("ZEIT ONLINE", outlet_names("Zeit", None)) is True
    assert is_outlet("ZDF", outlet_names("ZD", None)) is False  # names under 3 letters


def test_the_site_segment_is_cut_where_it_stands_when_its_name_recurs() -> None:
    """The outlet's name also inside the headline: a last segment is cut at its last
    place, a first one at its first."""
    outlets = outlet_names("ZEIT", None)
    assert drop_site_segment("Zeit for change: the ZEIT debate | ZEIT", outlets) == (
        "Zeit for change: the ZEIT debate")
    gazette = outlet_names("Gazette", None)
    assert drop_site_segment("Gazette | Gazette readers rebuild the old bridge", gazette) == (
        "Gazette readers rebuild the old bridge")


# --- the heading's words (_element_text, headline_text, _own_text) -------------------------

def h1(inner: str) -> HtmlElement:
    return page(f"<h1>{inner}</h1>").find(".//h1")


def test_a_style_inside_a_heading_is_no_part_of_its_words() -> None:
    """A CSS-in-JS page renders its <style> inside the heading: the heading's words are
    the rest, and they agree with the declared title."""
    css = ".css-1x{font-size:16px;line-height:1.25;color:#222}"
    tree = page(f"<h1><style>{css}</style>Harbor bridge opened</h1><h1>Most read</h1>")
    assert choose_headline(tree, [LONG_REF], OUTLETS) is tree.find(".//h1")
    # a topline alone is the headline's text, without its style and a comment
    topline = h1(f"<span class='css-1x topline'>Klimaschutz<style>{css}</style></span>"
                 "<!-- teaser 12 -->")
    assert headline_text(topline) == "Klimaschutz"


def test_a_heading_with_nothing_left_out_is_its_text_as_written() -> None:
    assert headline_text(h1("- Harbour plan, part two -")) == "- Harbour plan, part two -"


def test_ruby_readings_around_every_kind_of_base() -> None:
    """The base as text, in an <rb> (with text after it) or in another element; the
    readings (<rt>, <rp>) left out; what follows the ruby run on."""
    assert headline_text(h1("<ruby><rb>子</rb>供<rp>(</rp><rt>こども</rt><rp>)</rp></ruby>"
                            "への支援")) == "子供への支援"
    assert headline_text(h1("支援は<ruby><span>子</span><rt>こ</rt></ruby>")) == "支援は子"


def test_a_date_a_footnote_and_an_element_marked_by_its_id_are_no_part_of_the_headline() -> None:
    assert headline_text(h1("Harbor bridge opened <time>12.05.2024</time>")) == (
        "Harbor bridge opened")
    assert headline_text(h1("Harbor bridge opened<sup>1</sup>")) == "Harbor bridge opened"
    assert headline_text(h1("<span id='kicker'>Klimaschutz</span> Bohren für die Wärme")) == (
        "Bohren für die Wärme")


def test_a_separator_for_screen_readers_ends_the_kicker() -> None:
    """'<span>Kicker</span><span class="sr-only">: </span><span>Headline</span>': what
    stands before a separator written for screen readers only is a kicker; a hidden
    label of words is left out, nothing more."""
    for hidden in ("<b class='sr-only'>: </b>", "<span class='sr-only'><i>:</i></span>"):
        assert headline_text(h1(f"<span>Klimaschutz</span>{hidden}"
                                "<span>Bohren für die Wärme</span>")) == (
            "Bohren für die Wärme"), hidden
    assert headline_text(h1("<span>Klimaschutz</span> <span class='sr-only'>Artikel</span> "
                            "<span>Bohren für die Wärme</span>")) == (
        "Klimaschutz Bohren für die Wärme")


# --- the headings that agree (choose_headline) -------------------------------------------

def test_an_h3_agrees_when_no_h1_or_h2_does() -> None:
    tree = page("<h1>Harbour Gazette</h1><h2>Sections</h2>"
                "<h3>Harbor bridge opened after nine years</h3>")
    assert choose_headline(tree, [REF], OUTLETS).tag == "h3"


def test_the_sites_name_and_logo_are_passed_over_among_several_h1s() -> None:
    """The site's name, or an <h1> classed (or with an id) as the logo, is passed over,
    and the search goes on to the <h1> that agrees; a third <h1> keeps the page from
    having a sole one."""
    story, other = "<h1>Harbor bridge opened after nine years</h1>", "<h1>Most read</h1>"
    for frame in ("<h1>Harbour Gazette</h1>", "<h1 class='logo'>Harbor news</h1>",
                  "<h1 id='logo'>Harbour Gazette: harbor news</h1>",
                  "<div id='masthead'><h1>Harbour Gazette: harbor news</h1></div>"):
        found = choose_headline(page(frame + story + other), [REF], OUTLETS)
        assert text_of(found) == "Harbor bridge opened after nine years", frame


def test_of_equally_agreeing_h1s_the_first_is_the_headline() -> None:
    tree = page("<h1 id='top'>Harbor bridge opened after nine years</h1><p>Text.</p>"
                "<h1 id='print'>Harbor bridge opened after nine years</h1>")
    assert choose_headline(tree, [REF], OUTLETS).get("id") == "top"


def test_a_site_segment_goes_only_when_it_names_the_outlet_and_is_under_half() -> None:
    outlets = outlet_names("Harbour Gazette", None)
    # a short first segment that names no outlet stays
    assert drop_site_segment("Harbour plan | Council votes on Tuesday", outlets) == (
        "Harbour plan | Council votes on Tuesday")
    # the outlet's name as long as the rest of the title stays; shorter, it goes
    assert drop_site_segment("Bridge opens | Harbour Gazette", outlets) == (
        "Bridge opens | Harbour Gazette")
    assert drop_site_segment("Harbor bridge opened | Harbour Gazette", outlets) == (
        "Harbor bridge opened")


def test_the_comment_pages_heading_gives_way_to_its_title() -> None:
    """A blog's comments page: trafilatura guesses the <title>'s first segment, which
    is the comment list's heading's own words (its count aside): the <title> whole."""
    tree = page("<p>" + "Text. " * 30 + "</p><h3 id='comments'>Kommentare <span>(3)</span>"
                "</h3>", title="Kommentare | Bildungsblog")
    assert guessed_title(tree, "Kommentare | Bildungsblog") == "Kommentare | Bildungsblog"


def test_the_outlet_names_of_a_subdomain_and_of_a_name_without_letters() -> None:
    """The domain's name and name.suffix, not the subdomain's; a site name of
    punctuation alone names nothing."""
    assert outlet_names(None, "https://news.harbourgazette.example/a") == {
        "harbourgazette", "harbourgazetteexample"}
    assert outlet_names("–", None) == set()


def test_a_logo_heading_that_agrees_with_the_title_is_no_headline() -> None:
    """A section front's og:title is the site's tagline, which the logo's <h1> spells
    out: the logo (by class or id, its own or its parent's) is passed over, and the
    page's only content <h1> is the headline."""
    tagline = "Harbour Gazette – harbor news"
    story = "<h1>Council backs the harbour plan</h1>"
    for logo in ("<h1 id='logo'>Harbour Gazette: harbor news</h1>",
                 "<h1 class='site-logo'>Harbour Gazette: harbor news</h1>",
                 "<div id='masthead'><h1>Harbour Gazette: harbor news</h1></div>"):
        found = choose_headline(page(logo + story), [tagline], OUTLETS)
        assert text_of(found) == "Council backs the harbour plan", logo


# --- session 44: the outlet's name with an article, the fullwidth bar -----------------------

def test_the_outlets_name_is_named_whole_with_or_without_an_article() -> None:
    from tasks.extract.titles import names_the_outlet
    outlets = outlet_names(None, "https://gazette.example/news/1.html")
    assert names_the_outlet("The Gazette", outlets) and names_the_outlet("GAZETTE", outlets)
    assert names_the_outlet("La Gazette", outlets) and names_the_outlet("gazette.example", outlets)
    # a headline that mentions the outlet, or another article-like word before its name
    assert not names_the_outlet("Gazette wins press award", outlets)
    assert not names_the_outlet("Our Gazette", outlets)


def _title_of(head: str, body: str = "") -> str | None:
    from tasks.extract.pages import extract_html
    story = "".join(f"<p>{'The council voted to reopen the old bridge after repairs. ' * 3}"
                    f"{n}</p>" for n in range(3))
    html = f"<html><head>{head}</head><body><article>{body}{story}</article></body></html>"
    return extract_html(html, "https://gazette.example/news/1.html").meta.title


HEADLINE = "Harbour bridge reopens after two years"


def test_the_site_before_a_dash_goes_when_it_is_the_domains_name() -> None:
    # trafilatura's title was the <title>'s first segment, "The Gazette": nothing else
    # (no <h1>, no og:title) names the story
    assert _title_of(f"<title>The Gazette - {HEADLINE}</title>") == HEADLINE
    assert _title_of(f"<title>La Gazette - {HEADLINE}</title>") == HEADLINE


def test_a_logos_h1_of_the_outlets_name_with_an_article_is_no_headline() -> None:
    # the <h1> was the logo "The Gazette", agreeing with a <title> of the site's name alone,
    # while og:title held the headline
    head = f"<title>The Gazette</title><meta property='og:title' content='{HEADLINE}'>"
    assert _title_of(head, "<h1>The Gazette</h1>") == HEADLINE


def test_the_brand_after_a_fullwidth_bar_goes() -> None:
    from tasks.extract.titles import clean_title
    url = "https://news.example.jp/articles/1"
    assert clean_title("東京の橋が2年ぶりに再開｜ガゼット", None, url) == "東京の橋が2年ぶりに再開"
    assert _title_of(f"<title>{HEADLINE}｜ガゼット</title>") == HEADLINE
    # a segment as long as the headline's after the bar is no brand: the whole stays
    long_rest = "東京の橋が再開｜地域のニュースと話題の記事を毎日"
    assert clean_title(long_rest, None, url) == long_rest


def test_only_the_last_segment_after_a_fullwidth_bar_goes() -> None:
    """(seed 64) A headline with a section before the brand keeps the section; a brand of
    up to a third of the title goes, a longer one stays."""
    from tasks.extract.titles import clean_title
    assert clean_title("見出しの記事｜特集｜サイト", None, None) == "見出しの記事｜特集"
    assert clean_title("ABCDE｜XYZ", None, None) == "ABCDE"            # a third exactly
    assert clean_title("見出し見出し｜サイト", None, None) == "見出し見出し"  # 3 of 10
    assert clean_title("ABCD｜XYZ", None, None) == "ABCD｜XYZ"         # 3 of 8: stays


def test_a_comment_heading_without_text_of_its_own_matches_no_guess() -> None:
    """Mutation seed 67: a comment heading whose words are all in a child (`h.text` None)
    is compared by those words; its missing own text stands for nothing, not even for a
    placeholder headline ("XXXX", a story published before its title was written)."""
    tree = page("<h1>XXXX</h1><p>" + "Text. " * 30 + "</p><h3 id='reply-title' "
                "class='comment-reply-title'><span>Leave a Reply</span></h3>",
                title="Harbor bridge opened | Harbour Gazette")
    assert guessed_title(tree, "Harbor bridge opened | Harbour Gazette") == "XXXX"
