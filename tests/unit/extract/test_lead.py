"""The lead (standfirst) under the headline: trafilatura leaves it in the page's header
block; the extract stage puts it in front of the text. Only a block named as a lead, right
under a headline that agrees with the title, and that reads as prose."""

from __future__ import annotations

from lxml import html as lxml_html

from tasks.extract.lead import find_lead, with_lead
from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import FETCHED, PARAGRAPHS

URL = "https://gazette.example/news/bridge.html"
TITLE = "Harbour bridge reopens after two years of repairs"
LEAD = ("After two years of repairs the harbour bridge carries traffic again, and the ferries "
        "added during the closure will keep running until the end of the summer.")


def article_page(header_extra: str, title: str = TITLE, body_first: str = "") -> str:
    """A news page whose lead sits in the header beside the headline, as CMSs lay it out."""
    body = body_first + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title} | Gazette</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>'
        f'<header class="article-header"><h1>{title}</h1>{header_extra}'
        '<p class="article-date">2 May 2024</p></header>'
        f'<div class="article-body">{body}</div>'
        "</article></main><footer><p>Gazette, 1 Quay Street</p></footer></body></html>"
    )


def test_a_lead_that_trafilatura_leaves_in_the_header_is_put_in_front() -> None:
    html = article_page(f'<p class="article-teaser">{LEAD}</p>')
    x = extract_html(html.encode(), URL, fetched_at=FETCHED)
    assert x.text.splitlines()[0] == LEAD
    assert all(p in x.text for p in PARAGRAPHS)


def test_no_lead_is_added_twice() -> None:
    # a lead that trafilatura keeps (the body's first paragraph) stays where it is, once
    html = article_page("", body_first=f'<p class="lead">{LEAD}</p>')
    x = extract_html(html.encode(), URL, fetched_at=FETCHED)
    assert x.text.count("After two years of repairs") == 1


def lead_of(fragment: str, title: str | None = TITLE) -> str | None:
    return find_lead(lxml_html.fromstring(article_page(fragment)), title)


def test_what_is_not_a_lead_stays_out() -> None:
    # the headline's neighbours that carry a lead-like class but are no lead
    assert lead_of(f'<p class="intro author-intro">{LEAD}</p>') is None  # an author's box
    assert lead_of(f'<figure><p class="summary">{LEAD}</p></figure>') is None  # a caption
    assert lead_of(f'<a href="/other"><p class="teaser-text">{LEAD}</p></a>') is None  # card
    assert lead_of('<p class="teaser">Harbour, bridge, traffic</p>') is None  # not prose
    assert lead_of('<div class="intro"><script>window.ads = [];</script>'
                   f"{LEAD}</div>") is None  # an ad slot
    assert lead_of(f'<p class="lead">{LEAD}</p>') == LEAD


def test_the_headline_must_be_the_article_title() -> None:
    # a blog's front page: its <h1> is the site's name, the "description" its motto
    motto = '<p class="site-description">Notes on bridges, harbours and the sea, since 2009.</p>'
    assert lead_of(motto, title="Harbour bridge reopens after two years of repairs") is not None
    page = article_page(motto, title="The Harbour Blog")
    assert find_lead(lxml_html.fromstring(page), TITLE) is None


def test_a_summary_far_below_the_headline_is_another_story() -> None:
    filler = "".join(f"<span>{i}</span>" for i in range(60))
    assert lead_of(f'{filler}<p class="summary">{LEAD}</p>') is None


def test_with_lead_keeps_empty_and_present_texts() -> None:
    assert with_lead("", LEAD) == ""
    assert with_lead(f"{LEAD}\nBody.", LEAD) == f"{LEAD}\nBody."
    assert with_lead("Body.", LEAD) == f"{LEAD}\nBody."
    assert with_lead("Body.", None) == "Body."


def test_a_paragraph_of_the_headlines_header_is_the_lead() -> None:
    # the dek under the <h1> in the article's <header>, with no class of its own
    assert lead_of(f"<p>{LEAD}</p>") == LEAD
    # ... but not the byline or the date beside it
    assert lead_of('<p class="byline">By Maria Lopez, harbour correspondent for the '
                   "Gazette since 2009.</p>") is None


def test_a_lead_spaced_or_hyphenated_otherwise_counts_as_present() -> None:
    # the tree glues inline elements ("15:30 UhrAm"); trafilatura spaces them and drops
    # soft hyphens: the same lead, not one to add again
    lead = "19.10.2019, 15:30 UhrAm 8. Spiel\u00adtag treffen Dortmund und Gladbach aufeinander."
    text = "19.10.2019, 15:30 Uhr\nAm 8. Spieltag treffen Dortmund und Gladbach aufeinander.\nBody."
    assert with_lead(text, lead) == text


def test_the_lead_goes_under_a_headline_that_opens_the_text() -> None:
    # the clean stage drops a first block equal to the title: the lead must not hide it
    text = f"{TITLE}\nBody."
    assert with_lead(text, LEAD, TITLE) == f"{TITLE}\n{LEAD}\nBody."
    assert with_lead(text, LEAD, "Another title") == f"{LEAD}\n{TITLE}\nBody."


def test_a_block_named_a_lead_only_by_its_id_is_the_lead() -> None:
    # page builders name the block in its id as often as in its class
    lead = LEAD.replace("After", "Since")
    assert lead_of(f'<div id="article-intro">{lead}</div>') == lead
    # ... and an id naming the byline beside the headline keeps it out
    assert lead_of('<div class="intro" id="byline">By Maria Lopez, harbour correspondent '
                   "for the Gazette since 2009.</div>") is None


def test_a_lead_of_the_minimum_length_counts() -> None:
    from tasks.extract.lead import MIN_CHARS

    short = "Ferries keep running until the summer."
    short = short[:-1] + "s" * (MIN_CHARS - len(short)) + "."
    assert len(short) == MIN_CHARS
    assert lead_of(f'<p class="lead">{short}</p>') == short
    assert lead_of(f'<p class="lead">{short[1:]}</p>') is None  # one character short


def test_a_lead_like_block_above_the_headline_is_not_the_lead() -> None:
    # the site's header above the <h1> holds its own "description"; the lead is looked for
    # from the headline down only
    motto = '<p class="site-description">Notes on bridges, harbours and the sea, since 2009.</p>'
    page = article_page("").replace("<nav>", f"<div class='site-header'>{motto}</div><nav>")
    assert find_lead(lxml_html.fromstring(page), TITLE) is None
    page = article_page(f'<p class="lead">{LEAD}</p>').replace(
        "<nav>", f"<div class='site-header'>{motto}</div><nav>")
    assert find_lead(lxml_html.fromstring(page), TITLE) == LEAD


def test_a_lead_block_that_is_mostly_a_link_is_a_pointer_to_another_story() -> None:
    other = "Ferry operators announce a new summer timetable with more boats at the weekend"
    assert lead_of(f'<p class="teaser"><a href="/news/ferries">{other}</a>, read on.</p>') is None
    # a link inside a lead that is mostly its own prose does not matter
    linked = LEAD.replace("harbour bridge", '<a href="/bridge">harbour bridge</a>')
    assert lead_of(f'<p class="teaser">{linked}</p>') == LEAD


def test_only_block_elements_named_a_lead_are_leads() -> None:
    # a table cell or a list-like <dd> named "summary" in a box beside the headline is
    # no dek, whatever its class says
    for tag in ("td", "dd", "em"):
        frag = f'<{tag} class="summary">{LEAD}</{tag}>'
        if tag == "td":
            frag = f"<table><tr>{frag}</tr></table>"
        assert lead_of(f'<div class="box">{frag}</div>') is None, tag


def test_outside_a_header_a_plain_paragraph_under_the_headline_is_the_body() -> None:
    # without a <header> around the <h1> only a block named a lead is one; the paragraph
    # after the headline is the story's first, which trafilatura keeps
    page = (f"<html><body><article><h1>{TITLE}</h1><p>{LEAD}</p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
    assert find_lead(lxml_html.fromstring(page), TITLE) is None
    page = page.replace(f"<p>{LEAD}</p>", f'<p class="standfirst">{LEAD}</p>')
    assert find_lead(lxml_html.fromstring(page), TITLE) == LEAD


def test_the_headlines_header_may_hold_it_in_a_wrapper_of_its_own() -> None:
    # <header><div class="headline-wrap"><h1>...</h1></div><p>dek</p></header>: the
    # paragraph is still one of the header that holds the headline
    page = article_page(f"<p>{LEAD}</p>").replace(
        f"<h1>{TITLE}</h1>", f'<div class="headline-wrap"><h1>{TITLE}</h1></div>')
    assert find_lead(lxml_html.fromstring(page), TITLE) == LEAD


def test_a_page_with_no_title_takes_its_h1_as_the_headline() -> None:
    # seed 51: there is no title to disagree with; a title that disagrees still stops it
    assert lead_of(f'<p class="lead">{LEAD}</p>', None) == LEAD
    assert lead_of(f'<p class="lead">{LEAD}</p>', "") == LEAD
    assert lead_of(f'<p class="lead">{LEAD}</p>', "Council budget vote delayed") is None


def test_a_two_word_headline_is_the_headline_a_one_word_h1_is_not() -> None:
    # seed 52: "Bridge reopens" is a headline; a one-word <h1> before it (the site's
    # logo, "Gazette") is passed over
    page = article_page(f'<p class="lead">{LEAD}</p>', title="Bridge reopens")
    assert find_lead(lxml_html.fromstring(page), "Bridge reopens") == LEAD
    logo = page.replace("<body>", "<body><h1>Gazette</h1>")
    assert find_lead(lxml_html.fromstring(logo), "Bridge reopens") == LEAD


def test_the_lead_is_looked_for_in_the_elements_under_the_headline_up_to_the_cap() -> None:
    # seed 56: the lead may be the MAX_ELEMENTS_AFTER_H1-th element after the <h1>, not
    # the one after it
    from tasks.extract.lead import MAX_ELEMENTS_AFTER_H1

    def filler(n: int) -> str:
        return "".join(f"<span>{i}</span>" for i in range(n))

    assert lead_of(f'{filler(MAX_ELEMENTS_AFTER_H1 - 1)}<p class="summary">{LEAD}</p>') == LEAD
    assert lead_of(f'{filler(MAX_ELEMENTS_AFTER_H1)}<p class="summary">{LEAD}</p>') is None


def test_a_title_sharing_three_fifths_of_its_words_with_the_headline_agrees() -> None:
    # seed 66: "most of its words" starts at 60 % of the shorter's words, that included:
    # 3 of a 5-word title's words are the headline's, 2 of them are not enough
    assert lead_of(f'<p class="lead">{LEAD}</p>', "Harbour bridge reopens on Monday") == LEAD
    assert lead_of(f'<p class="lead">{LEAD}</p>', "Harbour bridge closes on Monday") is None
