"""Furniture of small sites' templates through extract and the line rules
(`bench/bench_text_templates.py --cms F`, held out, session 55): an association's or a page
builder's contact box ("Kontakt", a name, street, town, phone), a press release's
"Pressekontakt:" block and the firm's boilerplate ("Über die X GmbH: Die X GmbH ist …"), a
footer's link line inside the content ("Impressum | Datenschutz | Kontakt"), a donation
box's sentence, a "Downloads" heading, a forum post's profile (the poster's name,
"Registriert seit:", "Beiträge:"). Each fails on the session's start; the near-misses
(story prose opening with "Kontakt", "Impressum", "Über die", a sentence on Datenschutz or
donations) stay."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_foreign_furniture56 import story as page

DE = [
    "Der Heimatverein hat am Samstag seine Jahreshauptversammlung im Gasthaus am Markt "
    "abgehalten und einen neuen Vorstand gewählt.",
    "Die Mitglieder stimmten mit großer Mehrheit für den Vorschlag, das alte Backhaus im "
    "kommenden Jahr von Grund auf zu sanieren.",
    "Die Kosten von rund 80.000 Euro sollen zur Hälfte aus Fördermitteln des Landes "
    "getragen werden, sagte die Vorsitzende nach der Sitzung.",
    "Mit den Arbeiten soll im Frühjahr begonnen werden; der Verein sucht dafür noch "
    "freiwillige Helfer aus dem Ort.",
]
EN = [
    "The historical society held its annual meeting at the town hall on Saturday and "
    "elected a new board for the next three years.",
    "Members voted by a large majority to restore the old bakehouse next year, a project "
    "that has been discussed for more than a decade.",
    "The work is expected to cost around 80,000 dollars, half of which the state will "
    "cover, the chair said after the meeting.",
    "Work is due to begin in the spring, and the society is still looking for volunteers "
    "from the town to help with it.",
]


def kept_story(text: str, paras: list[str]) -> bool:
    return all(p in text for p in paras)


CONTACT_BOX_DE = (
    '<div class="contact-box"><h3>Kontakt</h3><p>Lea Schmitt<br>Hauptstraße 12<br>12345 '
    'Musterstadt<br>Tel.: 0123 45678-0<br>E-Mail: <a href="mailto:info@example.org">info@'
    "example.org</a></p></div>")
CONTACT_BOX_EN = (
    '<div class="contact-box"><h3>Contact</h3><p>Paul Okafor<br>403 Main St<br>Springfield, '
    'IL 62701<br>Tel.: 0217 55512-0<br>E-Mail: <a href="mailto:info@example.org">info@'
    "example.org</a></p></div>")
PRESS_CONTACT_DE = (
    "<p><strong>Pressekontakt:</strong><br>Nordlicht Solar GmbH<br>Marta Lindqvist<br>Tel.: "
    "+49 40 123456<br>E-Mail: presse@example.com</p>")
PRESS_CONTACT_EN = (
    "<p><strong>Press contact:</strong><br>Keller Outdoor GmbH<br>James Holloway<br>Tel.: "
    "+49 89 654321<br>E-Mail: presse@example.com</p>")
BOILER_DE = (
    "<p><strong>Über die Nordlicht Solar GmbH:</strong> Die Nordlicht Solar GmbH ist ein "
    "mittelständisches Familienunternehmen mit Sitz in Musterstadt und beschäftigt rund 450 "
    "Mitarbeiterinnen und Mitarbeiter.</p>")
BOILER_EN = (
    "<p><strong>About Keller Outdoor GmbH:</strong> Keller Outdoor GmbH is a family-owned "
    "company headquartered in Springfield with around 450 employees.</p>")
FORUM_PROFILE = (
    '<dl class="postprofile"><dt><a href="/member/4711">Tom Becker</a></dt><dd>Registriert '
    "seit: 12.3.2012</dd><dd>Beiträge: 1375</dd></dl>")


@pytest.mark.parametrize(("after", "lang", "gone"), [
    (CONTACT_BOX_DE, "de", ("Kontakt", "Lea Schmitt", "Hauptstraße 12", "12345 Musterstadt")),
    (CONTACT_BOX_EN, "en", ("Contact", "Paul Okafor", "403 Main St", "Springfield, IL")),
    (PRESS_CONTACT_DE, "de", ("Pressekontakt", "Nordlicht Solar GmbH", "Marta Lindqvist")),
    (PRESS_CONTACT_EN, "en", ("Press contact", "Keller Outdoor GmbH", "James Holloway")),
    (BOILER_DE, "de", ("Über die Nordlicht", "Familienunternehmen")),
    (BOILER_EN, "en", ("About Keller", "family-owned")),
    ('<p class="j-text">Impressum | Datenschutz | Kontakt</p>', "de", ("Impressum",)),
    ('<p class="j-text">Imprint | Privacy Policy | Contact</p>', "en", ("Imprint",)),
    ('<div class="donation-box"><h3>Jetzt spenden</h3><p>Mit Ihrer Spende helfen Sie uns, '
     "diese Arbeit auch im kommenden Jahr fortzusetzen.</p></div>", "de", ("Ihrer Spende",)),
    ('<div class="donation-box"><p>Your donation helps us continue this work next year.</p>'
     "</div>", "en", ("Your donation",)),
    ('<div class="downloads"><h4>Downloads</h4><ul><li><a href="/f/1.pdf">Satzung</a> PDF '
     "(245 KB)</li></ul></div>", "de", ("Downloads",)),
    (FORUM_PROFILE, "de", ("Tom Becker", "Registriert seit", "Beiträge: 1375")),
])
def test_small_site_furniture_goes(after: str, lang: str, gone: tuple[str, ...]) -> None:
    paras = DE if lang == "de" else EN
    text = text_of(page(paras, after, lang, '<div class="entry-content">'))
    assert kept_story(text, paras)
    for words in gone:
        assert words not in text


NEAR_MISSES = [
    "Kontakt zu den Behörden hatte die Familie nach eigenen Angaben erst aufgenommen, als "
    "das Wasser bereits im Keller stand.",
    "Impressum und Kontaktdaten fehlten auf der Seite des Händlers völlig, kritisierte die "
    "Verbraucherzentrale in ihrer Abmahnung.",
    "Beim Datenschutz sehen die Eltern dagegen keine Probleme, weil die Fotos nur im "
    "internen Bereich der Schule gezeigt werden.",
    "Über die Jahre hinweg ist die Zahl der Mitglieder von 40 auf mehr als 300 gestiegen, "
    "sagte die Vorsitzende.",
    "Über die Zukunft des Backhauses: Darüber wollen die Mitglieder im Herbst abstimmen.",
    "Mit den Spenden der Bürger hat der Verein im vergangenen Jahr drei neue Bänke "
    "aufgestellt.",
    "Contact with the council was first made in March, when residents noticed the cracks in "
    "the bridge railings.",
    "About the study: researchers followed 2,000 households over ten years.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_with_the_same_words_stays(line: str) -> None:
    assert classify_line(line) is None
    paras = [*DE[:2], line, *DE[2:]]
    assert line in text_of(page(paras, "", "de"))


def test_a_contact_heading_stops_at_the_story_prose_after_it() -> None:
    # a "Kontakt" box in the middle of a text takes its short lines only, not the
    # paragraph after it
    text = "\n".join([DE[0], "Kontakt", "Lea Schmitt", "Hauptstraße 12", DE[1], DE[2]])
    kept = remove_boilerplate(text).text
    assert "Lea Schmitt" not in kept and "Hauptstraße" not in kept
    assert kept_story(kept, DE[:3])

