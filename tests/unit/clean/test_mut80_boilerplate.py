"""Seed 80: the text rounds E/F's line rules (session 55) that no test pinned: the cheap
prechecks before the legal and caption-credit patterns (each word of `_LEGAL_WORDS` is
the only one some real notice holds; "(" is the only precheck character of a caption
credited "(c) ..."), Le Monde's "Il vous reste 72% de cet article à lire.", the "hier"
pointers, a press contact, footer link lines, forum profile fields, a firm's closing
"Über ..." box and a contact box's length. The lines are the dev corpus pages' own."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate

STORY = ("Die Stadtwerke haben am Montag den neuen Tarif für das kommende Jahr vorgestellt, "
         "der für die meisten Haushalte günstiger ausfällt als der bisherige.")


@pytest.mark.parametrize("line", [
    # each notice holds one precheck word only (agrarheute.com, portalspozywczy.pl,
    # a Polish page's footer, telebasel.ch, welpenkaufen24.de, 24horas.cl)
    "Alle Rechte vorbehalten.",
    "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.",
    "Wszelkie prawa zastrzeżone.",
    "© Telebasel",
    "© 2019 agrarheute.com",
    "(c) 2014 welpenkaufen24.de",
    "Todos los derechos reservados.",
])
def test_each_kind_of_legal_notice_is_legal(line):
    assert classify_line(line) == "legal"


@pytest.mark.parametrize("line", [
    # 1000things.at's caption shape: the credit after "(c)" (no "©", no colon)
    "Wer sagt, dass Radfahren nur etwas für warme Tage ist? (c) TV Thermen- & Vulkanland",
    # dawo-dresden.de: a caption longer than the short credit labels' bound, "Foto:" last
    # (with its bracketed role, and without: then the colon alone lets the credit be read)
    "Die Ausstellung 2023/24 auf Schloss Moritzburg ist der Schauspielerin Libuše "
    "Šafránková (Hauptdarstellerin) gewidmet. Foto: Sylvio Dittrich",
    "Die Ausstellung 2023/24 auf Schloss Moritzburg ist der Schauspielerin Libuše "
    "Šafránková gewidmet. Foto: Sylvio Dittrich",
])
def test_a_caption_closed_by_its_credit_is_a_credit(line):
    assert classify_line(line) == "credit"


def test_le_mondes_remaining_share_line_is_the_paywall():
    assert classify_line("Il vous reste 72% de cet article à lire.") == "cta"


@pytest.mark.parametrize("line", [
    "Den vollständigen Bericht lesen Sie hier",
    "Mehr zu unserer Arbeitsweise lesen Sie hier.",
])
def test_a_pointer_to_the_link_under_the_story_is_related(line):
    assert classify_line(line) == "related"


def test_a_press_contact_line_is_ui():
    assert classify_line("Medienkontakt: Anna Berger, Tel. 0711 123456") == "ui"


def test_footer_links_joined_by_und_are_ui():
    assert classify_line("Impressum und Datenschutz") == "ui"


def test_a_one_word_subheading_naming_a_legal_page_stays():
    # a story's subheading ("Datenschutz" over a paragraph on privacy), not a footer row
    assert classify_line("Datenschutz") is None


@pytest.mark.parametrize("line", ["Joined: Mar 2012", "Registriert seit: 12.3.2012"])
def test_a_forum_profile_field_is_ui(line):
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", [
    # the firm named again after the label, the article before the name
    "Über die Stadtwerke Musterstadt: Die Stadtwerke Musterstadt versorgen rund 80.000 "
    "Haushalte mit Strom, Gas und Wasser.",
    # the firm's name ending in its company form, the text not naming it again
    "Über Brandt GmbH: Wir entwickeln seit 1987 Software für Handwerksbetriebe.",
])
def test_a_firms_closing_box_is_about(line):
    assert classify_line(line) == "about"


# A press release's closing box, each sentence of it (45 words: past the short labels'
# bounds, within COMPANY_ABOUT_MAX_WORDS)
FIRM_BOX = (
    "Über die Brandt & Söhne GmbH: Die Brandt & Söhne GmbH entwickelt seit 1987 Software "
    "für Handwerksbetriebe in Deutschland, Österreich und der Schweiz.",
    "Das Familienunternehmen mit Sitz in Stuttgart beschäftigt heute rund 240 Mitarbeiter.",
    "Es betreut mehr als 12.000 Kunden, vom Einmannbetrieb bis zum Bauunternehmen.",
)


def test_a_long_press_release_boilerplate_is_about():
    assert classify_line(" ".join(FIRM_BOX)) == "about"


def test_not_about_a_firm_without_a_form_or_its_name_again():
    assert classify_line("Über Brandt: Wir entwickeln seit 1987 Software für Betriebe.") is None


def test_a_contact_box_goes_with_all_its_lines():
    # a club's box: a name, the club, its office, street and town (none a rule's own line)
    text = "\n".join([STORY, "Kontakt", "Lea Schmitt", "Heimatverein Musterstadt",
                      "Geschäftsstelle im Rathaus", "Hauptstraße 12", "12345 Musterstadt"])
    result = remove_boilerplate(text)
    assert result.text == STORY


@pytest.mark.parametrize("line", ["(dpa/lnw)", "Mit Material von dpa/tmn"])
def test_a_wire_signature_with_its_desk_is_a_credit(line):
    # dpa's regional desks after a slash ("dpa/lnw", "dpa/tmn"), on a line of their own
    assert classify_line(line) == "credit"


def test_a_contact_box_takes_a_six_word_address_line():
    text = "\n".join([STORY, "Kontakt", "Lea Schmitt",
                      "Geschäftsstelle im Rathaus, Zimmer 12, Erdgeschoss", "Hauptstraße 12"])
    assert remove_boilerplate(text).text == STORY


def test_a_contact_box_ends_at_a_sentence():
    text = "\n".join([STORY, "Kontakt", "Lea Schmitt", "Wir freuen uns auf Sie."])
    assert remove_boilerplate(text).text.split("\n\n") == [STORY, "Wir freuen uns auf Sie."]


def forum(poster: str) -> str:
    return "\n".join([STORY, poster, "Registriert seit: 12.3.2012", "Beiträge: 1375"])


@pytest.mark.parametrize("poster", ["Mister X", "Anna Maria de Vries"])
def test_the_posters_name_above_the_profile_fields_goes(poster):
    assert remove_boilerplate(forum(poster)).text == STORY


@pytest.mark.parametrize("reply", [
    "Danke, hat funktioniert.",  # the post before it: a sentence
    "Hat jemand eine Idee woran das liegen könnte",  # five words and more
])
def test_a_post_above_the_next_profile_stays(reply):
    assert remove_boilerplate(forum(reply)).text.split("\n\n") == [STORY, reply]
