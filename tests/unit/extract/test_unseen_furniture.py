"""Furniture no class names (tasks/extract/callouts.py): call boxes that end in a lone
button, AI-summary boxes, captions with a credit after a picture; and the story's own
text that looks like them, which stays. Each page goes through `extract_html` whole."""

from __future__ import annotations

import pytest

from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import FETCHED, PARAGRAPHS

URL = "https://gazette.example/news/bridge.html"


def story_with(block: str, at: int = 2) -> bytes:
    """The test page with `block` between the story's paragraphs (after the first `at`)."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:at]) + block
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[at:])
    return (
        "<html><head><title>Harbour bridge reopens</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main>'
        '<article><h1>Harbour bridge reopens</h1><p class="css-by1">By Maria Lopez</p>'
        f'<div class="css-9xk2pq">{body}</div></article></main></body></html>'
    ).encode()


def text_of(html: bytes) -> str:
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert x.error is None
    return x.text


# --- call boxes: what ends in a subscribe / listen / download button ------------------

PODCAST_PROMO = (
    '<div class="css-77xmjb"><p><strong>Listen to our daily podcast</strong> The week in '
    'the port: ferries, cranes and the new bridge</p><a href="https://podcasts.example/'
    'show/12">Listen now</a></div>'
)
PAYWALL_INSERT = (
    '<section data-testid="paywall-inline"><p>Dieser Artikel ist exklusiv für Abonnenten '
    "der Hafenzeitung</p><button type=\"button\">Jetzt abonnieren</button></section>"
)
SIGNUP_WITHOUT_FORM = (
    '<div data-component="inline-signup" class="css-dk845a"><p><b>Recevez notre lettre '
    "du port</b></p><p>Chaque vendredi, les nouvelles des quais et des ferries dans votre "
    'boîte.</p><a class="css-0s03v7" href="/newsletters">Je m\'inscris</a></div>'
)


@pytest.mark.parametrize(
    ("block", "furniture"),
    [(PODCAST_PROMO, ["Listen to our daily podcast", "The week in the port", "Listen now"]),
     (PAYWALL_INSERT, ["exklusiv für Abonnenten", "Jetzt abonnieren"]),
     (SIGNUP_WITHOUT_FORM, ["Recevez notre lettre", "Chaque vendredi", "inscris"])],
    ids=["podcast-promo", "paywall-insert", "signup-without-form"],
)
def test_a_box_ending_in_a_call_button_is_pruned(block: str, furniture: list[str]) -> None:
    text = text_of(story_with(block))
    assert all(p in text for p in PARAGRAPHS)
    assert [f for f in furniture if f in text] == []


# --- AI summaries -------------------------------------------------------------------------

AI_SUMMARY = (
    '<div class="css-4f9a0b"><h2>KI-Zusammenfassung</h2><ul><li>Die Hafenbrücke ist nach '
    "zwei Jahren Sanierung wieder für den Verkehr freigegeben.</li><li>Die Kosten lagen bei "
    "mehr als 40 Millionen Euro, sagte die Stadt.</li></ul><p><small>Diese Zusammenfassung "
    "wurde mit KI erstellt.</small></p></div>"
)
AI_DETAILS = (
    '<details open aria-label="Summary by AI"><summary>Summary by AI</summary><ul><li>The '
    "harbour bridge has reopened after two years of work on its cables and deck.</li><li>"
    "Ferries added during the closure will keep running.</li></ul></details>"
)


@pytest.mark.parametrize("block", [AI_SUMMARY, AI_DETAILS], ids=["heading", "details"])
def test_an_ai_summary_box_is_pruned(block: str) -> None:
    text = text_of(story_with(block, at=0))
    assert all(p in text for p in PARAGRAPHS)
    assert "Zusammenfassung" not in text and "Summary by AI" not in text
    assert "Sanierung wieder" not in text and "work on its cables and deck" not in text


# --- captions with a credit after a picture ---------------------------------------------

CAPTION_IN_WRAPPER = (
    '<div class="css-e0loe8"><img src="/img/918.jpg" alt=""><p>Divers inspect the '
    "anchorage of the new cables below the deck (Fot. Anna Berger)</p></div>"
)
CAPTION_AFTER_PICTURE_PARAGRAPH = (
    '<p><img src="/img/51.jpg" alt=""></p><p class="css-8ylvqg"><em>La grúa levanta el '
    "último tramo del tablero</em> Crédito: Marta Lindqvist</p>"
)


@pytest.mark.parametrize("block", [CAPTION_IN_WRAPPER, CAPTION_AFTER_PICTURE_PARAGRAPH],
                         ids=["wrapper", "after-picture-paragraph"])
def test_a_credited_caption_after_a_picture_is_pruned(block: str) -> None:
    text = text_of(story_with(block))
    assert all(p in text for p in PARAGRAPHS)
    assert "Divers inspect" not in text and "La grúa levanta" not in text


# --- the story's own text that looks like furniture -------------------------------------

# a link closing a sentence: the words run up to it on its line
LINK_IN_A_SENTENCE = (
    "<p>The full inspection report, with the strain readings of every cable, is published on "
    'the city\'s website: <a href="/report.pdf">download</a></p>')
NEWSLETTER_IN_THE_STORY = (
    "<p>The plan was first reported in the council's newsletter, which is sent to 4,000 "
    "households; readers can subscribe to it at the town hall.</p>")
AI_LAW_SECTION = (
    "<h2>Summary of the AI Act</h2><p>The new European rules on artificial intelligence "
    "oblige port operators to register the cameras that read number plates at the bridge's "
    "toll gates, the harbour authority said.</p>")
# a story about photography: the paragraph after the picture is the story's own
PHOTO_STORY = (
    '<p><img src="/img/7.jpg" alt=""></p><p>Photo: the exhibition in the old customs house '
    "shows 120 prints of the bridge's construction, most of them taken by dock workers "
    "between 1928 and 1931.</p>")
OBITUARY_PARAGRAPH = (
    '<div><img src="/img/w.jpg" alt=""><p>Weber was a reporter at the Gazette for 31 years '
    "and covered the harbour, the shipyards and the first bridge's opening in 1974, her "
    "colleague Tom Becker said.</p></div>")

# a story's list of points whose last item holds a registration banner (for-me-online.de):
# a call box is no list
POINTS_ENDING_IN_A_BANNER = (
    "<ul><li>The bridge carries four lanes again.</li><li>Ferries keep running until "
    'September.</li><li>Tolls stay the same.<p class="registration-banner"><img src="/b.png" '
    'alt=""><a href="/register">Registrieren</a></p></li></ul>')


@pytest.mark.parametrize(
    ("block", "words"),
    [(LINK_IN_A_SENTENCE, "The full inspection report, with the strain readings"),
     (NEWSLETTER_IN_THE_STORY, "first reported in the council's newsletter"),
     (AI_LAW_SECTION, "oblige port operators to register the cameras"),
     (AI_LAW_SECTION, "Summary of the AI Act"),
     (PHOTO_STORY, "the exhibition in the old customs house shows 120 prints"),
     (OBITUARY_PARAGRAPH, "Weber was a reporter at the Gazette for 31 years"),
     (POINTS_ENDING_IN_A_BANNER, "Ferries keep running until September.")],
    ids=["link-in-a-sentence", "newsletter-in-the-story", "ai-law-section-text",
         "ai-law-section-heading", "photo-story", "obituary", "points-ending-in-a-banner"],
)
def test_the_storys_own_text_that_looks_like_furniture_stays(block: str, words: str) -> None:
    assert words in text_of(story_with(block))


# --- regions marked complementary: ARIA's <aside> ------------------------------------

RAIL = (  # cards of a picture and a teaser each, as CSS-module sites write them
    '<div role="complementary" class="css-r41l"><div class="css-0a9f">More from the port'
    '</div><a href="/news/ferry" class="css-k2"><img src="/r/1.jpg" alt=""><p>Ferry '
    "timetable changes for the winter months</p></a>"
    '<a href="/news/cranes" class="css-k2"><img src="/r/2.jpg" alt=""><p>New cranes arrive'
    " at the container terminal</p></a></div>"
)


def test_a_region_marked_complementary_inside_the_story_is_pruned() -> None:
    """A rail of teasers set into the story's container: trafilatura drops an <aside> by
    its tag, and read the same rail as the story's text when only its role said so."""
    text = text_of(story_with(RAIL))
    assert all(p in text for p in PARAGRAPHS)
    assert "More from the port" not in text and "Ferry timetable" not in text
    # the same rail as an <aside> (trafilatura's own rule): the two read alike
    assert text == text_of(story_with(RAIL.replace("<div role", "<aside role")
                                      .replace("</a></div>", "</a></aside>")))


def test_a_story_its_template_marks_complementary_is_kept() -> None:
    """A template's mistake: the story itself inside a region marked complementary (more
    than MAX_BOX_SHARE of the page's text), or an <article> marked so. Kept."""
    wrapped = story_with("").replace(b'<div class="css-9xk2pq">',
                                     b'<div role="complementary" class="css-9xk2pq">')
    assert all(p in text_of(wrapped) for p in PARAGRAPHS)
    marked = story_with("").replace(b"<article>", b'<article role="complementary">')
    assert all(p in text_of(marked) for p in PARAGRAPHS)
