"""Furniture of non-English publishers' own templates, in their languages, through extract
and the line rules (`bench/bench_text_templates.py --cms E`, held out, session 55): wire
signatures closing the story ("Mit Material von dpa", "(dpa)", "Le Monde avec AFP", "(Con
información de EFE)"), the SZ-style kicker glued to its link ("Lesen Sie mehr zum Thema
<title>"), a regional paper's pointer ("… finden Sie hier."), Le Monde's paywall cut and
its "Lire la suite" button, comment counters with the label first ("Comentarios 56",
"Komentarze (12)"). Each fails on the session's start; the near-misses (story prose
opening with or quoting the same words, a sentence naming an agency) stay."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line
from tests.unit.clean.test_cms_furniture import text_of

DE = [
    "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die marode Brücke "
    "über den Hafenkanal bis zum Herbst vollständig zu sanieren.",
    "Die Kosten von rund zwölf Millionen Euro sollen zur Hälfte vom Land getragen werden, "
    "wie der Bürgermeister nach der Sitzung mitteilte.",
    "Anwohner hatten sich seit Jahren über den Lärm und die Umwege beschwert, die durch die "
    "Sperrung für Lastwagen entstanden waren.",
    "Die Bauarbeiten sollen im Mai beginnen; während dieser Zeit wird eine Fähre den "
    "Verkehr zwischen den beiden Ufern übernehmen.",
]
FR = [
    "Le conseil municipal a décidé mardi soir, après un long débat, de rénover entièrement "
    "le pont qui enjambe le canal du port d'ici à l'automne.",
    "Le coût, estimé à douze millions d'euros, sera pris en charge pour moitié par la "
    "région, a précisé le maire à l'issue de la séance.",
    "Les riverains se plaignaient depuis des années du bruit et des détours causés par "
    "l'interdiction du pont aux poids lourds.",
    "Les travaux commenceront en mai ; pendant cette période, un bac assurera la liaison "
    "entre les deux rives du canal.",
]


def story(paras: list[str], after: str, lang: str, box: str = '<div class="article-body">'
          ) -> bytes:
    """A story in a publisher's body container, `after` closing it (where the sites put
    their signatures, paywall cuts and counters)."""
    body = "".join(f"<p>{p}</p>" for p in paras) + after
    return (
        f'<html lang="{lang}"><head><title>Brücke</title></head><body><header><nav><a href="/">'
        f'Start</a></nav></header><main><article><h1>Die Brücke wird saniert</h1>{box}{body}'
        "</div></article></main></body></html>"
    ).encode()


SIGNATURES = [
    ("de", "Mit Material von dpa und AFP"),
    ("de", "Mit Material der Nachrichtenagentur dpa"),
    ("de", "(mit dpa)"),
    ("de", "(dpa)"),
    ("fr", "Le Monde avec AFP"),
    ("fr", "(avec AFP et Reuters)"),
]


@pytest.mark.parametrize(("lang", "line"), SIGNATURES)
def test_a_wire_signature_closing_the_story_goes(lang: str, line: str) -> None:
    paras = DE if lang == "de" else FR
    text = text_of(story(paras, f"<p>{line}</p>", lang))
    assert line not in text
    assert paras[-1] in text


@pytest.mark.parametrize("line", ["(Con información de EFE)", "(Con información de AFP y EFE)",
                                  "Com informações da Reuters"])
def test_spanish_and_portuguese_wire_credits_are_credits(line: str) -> None:
    assert classify_line(line) == "credit"


def test_the_kicker_glued_to_another_storys_title_goes() -> None:
    teaser = ('<p class="css-1r9juou"><strong>Lesen Sie mehr zum Thema</strong> <a href="/politik'
              '/hafen-1.55">Hamburger Senat streitet über die Zukunft des Hafens</a></p>')
    text = text_of(story(DE[:2], teaser + "".join(f"<p>{p}</p>" for p in DE[2:]), "de"))
    assert "Hamburger Senat streitet" not in text
    assert all(p in text for p in DE)


def test_a_pointer_to_a_link_under_the_story_goes() -> None:
    box = ('<div class="article__footer-teaser"><p>Unsere Zeitung im Netz: Mehr Nachrichten aus '
           'der Region finden Sie hier.</p></div>')
    text = text_of(story(DE, box, "de"))
    assert "finden Sie hier" not in text
    assert DE[-1] in text


def test_le_mondes_paywall_cut_and_its_button_go() -> None:
    cut = ('<section class="paywall"><p class="paywall__title">Article réservé aux abonnés. Il '
           'vous reste 72% de cet article à lire.</p><a href="/abonnement">Lire la suite</a>'
           '</section>')
    text = text_of(story(FR, cut, "fr", '<div class="article__content">'))
    assert "réservé aux abonnés" not in text
    assert "Lire la suite" not in text
    assert FR[-1] in text


@pytest.mark.parametrize("line", ["Comentarios 56", "Komentarze (12)", "Kommentare 7"])
def test_a_comment_counter_with_its_label_first_goes(line: str) -> None:
    assert classify_line(line) == "ui"


NEAR_MISSES = [
    "Mehr zum Thema Klimaschutz wollte der Minister am Dienstag nicht sagen; er verwies auf "
    "die laufenden Beratungen im Kabinett.",
    "Lesen und Schreiben lernen viele Kinder inzwischen später, heißt es in der Studie der "
    "Universität Bielefeld.",
    "Auf den Plakaten der Initiative steht „Lesen Sie auch das Kleingedruckte!“, eine "
    "Anspielung auf die Verträge der Stadtwerke.",
    "Lesen Sie mehr zum Thema nach, riet der Richter den Geschworenen, bevor Sie urteilen.",
    "Die Zahl der Toten stieg am Abend auf zwölf, meldete die Nachrichtenagentur dpa.",
    "Nach Angaben von AFP",
    "Ein Sprecher der dpa bestätigte den Bericht am Abend.",
    "Lire entre les lignes du communiqué n'est pas difficile : le gouvernement prépare un "
    "recul sur la réforme.",
    "Partager les coûts entre l'État et les régions reste le principal point de désaccord.",
    "Más información sobre el estado de los heridos será facilitada por el hospital a lo "
    "largo de la tarde.",
    "Leia também o relatório da Polícia Federal, disse o ministro aos jornalistas, que foi "
    "entregue ao Supremo.",
    "Das Konzeptpapier finden Sie hier:",  # introduces the document quoted below it
    "Les abonnés du réseau ont été prévenus mardi; l'article 12 du contrat leur est réservé.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_with_the_furniture_words_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_near_miss_paragraph_stays_in_the_story() -> None:
    paras = DE[:2] + [NEAR_MISSES[0], NEAR_MISSES[4]] + DE[2:]
    text = text_of(story(paras, "<p>(dpa)</p>", "de"))
    assert all(p in text for p in paras)
    assert "(dpa)" not in text
