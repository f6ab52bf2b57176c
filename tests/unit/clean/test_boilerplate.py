"""Boilerplate line removal: each rule drops furniture and keeps prose."""

from __future__ import annotations

import re

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate

PROSE = (
    "The council approved the budget on Tuesday after a debate that lasted more than six "
    "hours, with the opposition calling the spending plan unrealistic."
)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read more: Council approves new bus lanes", "related"),
        ("Lesen Sie auch: Der Stadtrat und die Busspuren", "related"),
        ("LE PUEDE INTERESAR: La ficha del candidato", "related"),
        ("À lire aussi", "related"),
        ("Czytaj też: Atomowy straszak", "related"),
        ("Subscribe now to our print edition for the full story.", "cta"),
        ("Abonnieren Sie unseren Newsletter", "cta"),
        ("Follow us on Twitter", "cta"),
        ("Share this article", "ui"),
        ("Teilen mit:", "ui"),
        ("Advertisement", "ui"),
        ("Tags: politics, budget", "ui"),
        ("© 2024 Harbour Gazette. All rights reserved.", "legal"),
        ("Foto: dpa", "credit"),
        ("Crédits photos : Bestimage", "credit"),
        ("Getty Images", "credit"),
        ("23.10.2018", "date"),
        ("January 22, 2014", "date"),
        ("We use cookies to improve your experience. Accept all cookies.", "cookie"),
        ("Lesen Sie auch die folgenden Beiträge:", "related"),
        ("Anzeige, enthält Affiliate Links", "ui"),
        ("Sie sind aktuell nicht eingeloggt.", "cta"),
        ("Pressekontakt: Jane Doe, +49 30 1234", "ui"),
    ],
)
def test_furniture_lines_are_classified(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        # a cue word inside a long sentence is prose, not a button
        "The paper said its newsletter had reached 40,000 subscribers, a record for a local "
        "title, and that it would now subscribe to a wire service as well as hire reporters.",
        "Lea Müller, the head of the department, said the plan would be revised next year.",
        "Mira Sorvino attended the premiere.",
        "Share prices fell by 3% on Monday.",
        "The photos were taken in 1999 by a local resident.",
        "- 200 g flour",
        # a colon after a cue word that opens a real sentence is not a heading
        "Weitere Informationen gab die Polizei zunächst nicht bekannt.",
        "Werbung ist für viele Verlage die wichtigste Einnahmequelle geblieben.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert classify_line(line) is None


def test_related_heading_takes_its_teaser_list_along() -> None:
    text = "\n".join([
        PROSE,
        "Auch interessant",
        "Warum nehme ich nicht ab? 4 mögliche Gründe",
        "Home Gym: So gelingt das perfekte Workout",
    ])
    assert remove_boilerplate(text).text == PROSE


def test_teaser_list_stops_at_a_real_paragraph() -> None:
    text = "\n".join(["Related stories", "Bus lanes approved", PROSE])
    assert remove_boilerplate(text).text == PROSE


def test_teaser_list_stops_at_a_chinese_or_japanese_sentence() -> None:
    # a paragraph of theirs is few \w runs (no spaces) and ends in a full-width mark
    for sentence in ("国务院今天发布了新的规定，要求各地加快推进有关工作。",
                     "政府は5日、新しい方針を発表した！", "「本当にそうなのか？」"):
        text = "\n".join(["Related stories", "Bus lanes approved", sentence, PROSE])
        assert remove_boilerplate(text).text == "\n\n".join([sentence, PROSE])


@pytest.mark.parametrize("heading", ["相关阅读", "延伸閱讀", "関連記事", "관련기사", "اقرأ أيضا"])
def test_a_related_heading_in_chinese_japanese_korean_or_arabic_takes_its_list(heading):
    # fault round 43's known item: the cue lists held Latin-script languages only
    teasers = ["国务院常务会议部署稳经济措施", "各地加快推进重大项目建设"]
    text = "\n".join([PROSE, heading, *teasers])
    assert remove_boilerplate(text).text == PROSE


@pytest.mark.parametrize("line", ["（责任编辑：王晓）", "责任编辑：王晓", "編輯：李明",
                                  "【校对：张三】"])
def test_a_chinese_editor_line_is_a_credit(line):
    assert classify_line(line) == "credit"
    # a sentence that names the editor is the story's
    assert classify_line("责任编辑王晓表示，会议将于明天举行。") is None


def test_repeated_byline_is_removed_only_when_it_names_the_author() -> None:
    text = "\n".join(["By Maria Lopez | 2 May 2024", PROSE, "Maria Lopez"])
    out = remove_boilerplate(text, authors=["Maria Lopez"])
    assert out.text == PROSE
    assert out.removed["byline"] == 2
    # without a known author the same lines stay (no guessing)
    assert "Maria Lopez" in remove_boilerplate(text).text


@pytest.mark.parametrize("sign_off", ["Euer HansEhrlich", "Liebe Grüße, HansEhrlich",
                                      "Yours, HansEhrlich"])
def test_byline_rule_spares_the_authors_sign_off_under_the_post(sign_off) -> None:
    text = "\n".join([PROSE, sign_off])
    assert remove_boilerplate(text, authors=["HansEhrlich"]).text == f"{PROSE}\n\n{sign_off}"


def test_byline_rule_spares_a_sentence_quoting_the_author() -> None:
    line = ("Maria Lopez, who has covered the harbour for the paper since 2010, said the "
            "repairs were the largest she had seen in the city.")
    assert remove_boilerplate(line, authors=["Maria Lopez"]).text == line


def test_title_repeated_as_first_block_and_duplicates_are_dropped() -> None:
    title = "Harbour bridge reopens after two years"
    text = "\n".join([title, PROSE, PROSE])
    assert remove_boilerplate(text, title=title).text == PROSE
    assert remove_boilerplate(text, title=title, drop_title=False).text == f"{title}\n\n{PROSE}"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    other = "Engineers replaced the steel cables and resurfaced the deck of the bridge."
    out = remove_boilerplate(f"  {PROSE}  \n\n\n{other}\n")
    assert out.text == f"{PROSE}\n\n{other}"
    assert out.removed == {}


# --- cookie and call-to-action cue words inside prose -------------------------------------
# The cookie rule needs both a cookie word and a consent/usage cue; the CTA rule a short
# line. Ordinary article sentences use the cue words all the time ("accept", "privacy",
# "nutzen", "subscribe"): they must survive, while real banners and buttons still go.

PROSE_WITH_CUE_WORDS = [
    "The minister said he would not accept the resignation of his deputy.",
    "Opposition leaders accused the government of ignoring the privacy of patients.",
    "Privacy campaigners say the new law goes too far.",
    "We use the same data as the statistics office for our forecasts, the bank said.",
    "The agency has not given its consent to the merger, a spokesman said.",
    "This website uses the same figures as the ministry, the researchers wrote.",
    "Die Stadt will die alte Halle künftig als Jugendzentrum nutzen.",
    "Viele Bürger nutzen das Angebot bereits, sagte die Bürgermeisterin am Montag.",
    "Beim Datenschutz sieht der Verband noch große Lücken, sagte seine Präsidentin.",
    "Der Bürgermeister erklärte sich mit dem Kompromiss einverstanden.",
    "Die Polizei verwendete bei dem Einsatz auch eine Drohne.",
    "El gobierno utiliza los fondos europeos para reparar el puente.",
    "Le gouvernement utilise les fonds européens pour réparer le pont.",
    "She baked cookies for the school fair and sold all of them by noon.",
    # "subscribe"/"newsletter" in a sentence long enough to be prose, not a button
    "Readers who subscribe to the print edition will pay more from January, the publisher "
    "said, blaming the rising cost of paper and energy.",
    "Die Zahl der Menschen, die eine Tageszeitung abonnieren, ist nach Angaben des "
    "Verlegerverbands im vergangenen Jahr erneut um fast vier Prozent gesunken.",
]


@pytest.mark.parametrize("line", PROSE_WITH_CUE_WORDS)
def test_prose_with_cookie_and_cta_cue_words_is_kept(line: str) -> None:
    assert classify_line(line) is None
    assert remove_boilerplate(line).text == line


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("We use cookies to give you the best experience on our website.", "cookie"),
        ("This website uses cookies. By continuing you accept our privacy policy.", "cookie"),
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "cookie"),
        ("Diese Website nutzt Cookies. Mit der Nutzung stimmen Sie dem zu.", "cookie"),
        ("Cookies akzeptieren", "cookie"),
        ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "cookie"),
        ("En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "cookie"),
        ("Subscribe to our newsletter", "cta"),
        ("Jetzt abonnieren und weiterlesen", "cta"),
        ("Suscríbete a nuestro boletín", "cta"),
    ],
)
def test_cookie_banners_and_calls_to_action_are_removed(line: str, rule: str) -> None:
    assert classify_line(line) == rule


def test_article_keeps_its_cue_word_prose_and_loses_its_banners() -> None:
    prose = PROSE_WITH_CUE_WORDS[:3] + PROSE_WITH_CUE_WORDS[6:8]
    text = "\n".join([
        "We use cookies to give you the best experience on our website. Accept all cookies.",
        prose[0],
        prose[1],
        "Subscribe to our newsletter",
        prose[2],
        "Wir verwenden Cookies. Mit der Nutzung der Seite stimmen Sie dem zu.",
        prose[3],
        prose[4],
        "Jetzt abonnieren",
    ])
    out = remove_boilerplate(text)
    assert out.text == "\n\n".join(prose)
    assert out.removed == {"cookie": 2, "cta": 2}


@pytest.mark.parametrize(("line", "rule"), [
    ("Pour lire la suite", "cta"),
    ("Ten tekst przeczytasz w mniej niż minutę", "cta"),
    ("If you enjoyed reading this post – would you consider supporting our work? Thanks!", "cta"),
    ("We want to hear what you think about this article. Submit a letter to the editor.", "cta"),
    ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", "credit"),
    ("Letzte Änderung 14.02.2019", "ui"),
])
def test_paywall_caption_and_dated_label_lines_go(line, rule) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    # prose that mentions the same words keeps its line
    "The paper said readers who support our work made the investigation possible over two "
    "long years of reporting, archive requests and interviews across three countries and more.",
    "Der Stand der Ermittlungen ist unklar, sagte die Sprecherin am Montag in Berlin.",
    "Das Foto zeigt den Bürgermeister bei der Eröffnung der Brücke am Donnerstag.",
])
def test_prose_with_the_same_words_stays(line) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", ["— Share this —", "Advertisement:", "* Print *",
                                  "Share this article »", "| Teilen |"])
def test_ui_words_wrapped_in_punctuation_are_still_ui(line: str) -> None:
    assert classify_line(line) == "ui"


def test_a_follow_us_line_is_a_cta_up_to_twenty_words() -> None:
    line = ("Follow us on Facebook for the latest news and updates from our newsroom about "
            "the city and region daily too")
    assert len(line.split()) == 20 and classify_line(line) == "cta"
    assert classify_line(line + " again") is None  # 21 words: a sentence, kept


def test_a_repeated_line_goes_from_twenty_characters_up() -> None:
    twenty = "The mayor said: yes."
    assert len(twenty) == 20
    out = remove_boilerplate(f"{twenty}\nOther text in between here.\n{twenty}")
    assert out.text.split("\n\n") == [twenty, "Other text in between here."]
    assert out.removed == {"repeat": 1}
    short = "The mayor said: no."  # 19: short lines ("Yes.", "Photo: AP") may recur
    kept = remove_boilerplate(f"{short}\nOther text in between here.\n{short}")
    assert kept.text.split("\n\n") == [short, "Other text in between here.", short]


def test_a_long_related_line_drops_itself_but_not_the_lines_after_it() -> None:
    text = ("Read more: The council approved the new budget for next year\n"
            "Council story one\n"
            "The rest of the article goes on here with a full sentence.")
    assert remove_boilerplate(text).text.split("\n\n") == [
        "Council story one", "The rest of the article goes on here with a full sentence."]


def test_a_sentence_ending_in_a_dash_is_not_a_teaser_link() -> None:
    text = ("Read more:\n"
            "The council approved the budget. —\n"
            "The rest of the article goes on here with a full sentence.")
    assert remove_boilerplate(text).text.split("\n\n") == [
        "The council approved the budget. —",
        "The rest of the article goes on here with a full sentence."]


def test_a_login_line_is_a_cta_up_to_twenty_words() -> None:
    line = ("You must be logged in to post a comment on this story about the new "
            "bridge in the old town")
    assert len(line.split()) == 20 and classify_line(line) == "cta"


# --- issue 13: longer furniture blocks (subscription boxes, disclosures, captions, bios) ----

@pytest.mark.parametrize(("line", "rule"), [
    ("To read the full story, please subscribe to the Harbour Gazette. You can choose an "
     "annual plan or a weekly pass at a price that suits you.", "cta"),
    ("If you are seeing this message but you are already a subscriber, you can log in for "
     "immediate access to this story.", "cta"),
    ("Follow the Gazette on Twitter and Instagram @gazette and on Facebook, or send us a "
     "message with your news tips.", "cta"),
    ("Watch the highlights on our channel on YouTube!", "cta"),
    ("This post contains references to products from our advertisers. We may receive "
     "compensation when you click on links to those products.", "ui"),
    ("Alle mit einem Stern gekennzeichneten Links sind Affiliate-Links.", "ui"),
    ("© 2024 Harbour Gazette. This article is the property of the Gazette and was written by "
     "its staff; it is shown here for subscribers only.", "legal"),
    ("Written permission must be obtained before reprint in online or print media.", "legal"),
    ("Mit der Registrierung akzeptieren Sie unsere Datenschutz- und Nutzungsbedingungen.",
     "legal"),
    ("Abbildung 4: Der Pegel des Flusses im Januar und im Juli.", "credit"),
    ("Figure 2: Monthly rainfall in the harbour district.", "credit"),
    ("Ansprechpartnerin zum Thema:", "ui"),
    ("Pressesprecher Jan Muster", "ui"),
    ("Release date: 04/21/2022", "ui"),
    ("Dezember 2008", "date"),
    ("| Weitere Artikel zum Thema |", "related"),
    ("Weitere Informationen zum Hochwasser an der Elbe:", "related"),
    ("Teilen Sie dies mit:", "ui"),
    ("Um den Beitrag kommentieren zu können, müssen Sie eingeloggt sein.", "cta"),
])
def test_longer_furniture_blocks_are_classified(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    # the same cue words in article prose
    "Pressesprecher Jan Muster sagte, die Brücke werde im Mai wieder geöffnet.",
    "The newspaper said more than 40,000 readers already subscribe to its weekly pass, and "
    "that it would now ask them to pay more.",
    "The figure of 2 million visitors was reached in May, the harbour authority said.",
    "Im Dezember 2008 wurde die Brücke zum ersten Mal gesperrt.",
    "The company said it would follow the rules on Twitter and Facebook like every other "
    "advertiser, whatever the regulator decides about political adverts next year in Brussels.",
    "Die Polizei bat um weitere Informationen zu dem Fahrzeug, das am Hafen gesehen wurde.",
])
def test_longer_furniture_cues_in_prose_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_author_bio_at_the_end_is_dropped() -> None:
    bio = ("Maria Lopez ist Redakteurin im Ressort Wirtschaft. Sie schreibt über Häfen, "
           "Handel und die Schifffahrt.")
    text = "\n".join([PROSE, PROSE.replace("Tuesday", "Monday"), bio])
    out = remove_boilerplate(text)
    assert bio not in out.text
    assert out.removed == {"bio": 1}
    # the extractor sometimes cuts the name off the bio; the role still gives it away
    cut = "ist Gründungspartner der Kanzlei Muster und Partner in Berlin."
    assert cut not in remove_boilerplate("\n".join([PROSE, cut])).text


def test_a_bio_like_sentence_inside_the_article_stays() -> None:
    # "is a reporter" in the article's body, not in its last blocks: prose about a person
    inner = "Jane Doe is a reporter who covered the harbour for twenty years."
    text = "\n".join([PROSE, inner, PROSE.replace("Tuesday", "Monday"),
                      "Engineers replaced the steel cables of the bridge.",
                      "The bridge reopens on Friday."])
    assert inner in remove_boilerplate(text).text
    # at the end, a sentence that only mentions a role is not a bio: no name opens it
    last = "The decision was made by the editor of the paper on Friday."
    assert last in remove_boilerplate("\n".join([PROSE, last])).text
    # and a lone block is never dropped as a bio
    assert remove_boilerplate(inner).text == inner


def test_no_break_spaces_do_not_hide_a_cue() -> None:
    assert classify_line("| \xa0\xa0Weitere\xa0Artikel\xa0zum\xa0Thema | ") == "related"


@pytest.mark.parametrize("line", [
    "24. März 2004, 19:49 | Genesis",
    "2021-10-16 | Botschaft",
    "Harbour bridge reopens | Local news | Gazette | 23.05.2011",
])
def test_a_dated_label_line_goes(line: str) -> None:
    assert classify_line(line) == "date"


@pytest.mark.parametrize("line", [
    # table rows are content: a schedule, a results table, a fee table
    "| 2:00 PM | Goes outside the museum, near the river. |",
    "| Endstand | 8:4 | 1:21 |",
    "| $20 million-$100 million | 0.15% | 0.05% |",
    # a pipe in a sentence with no date field
    "Harbour | a new bridge for the city, the council decided on Tuesday after long talks.",
])
def test_table_rows_and_undated_pipes_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", [
    "Entdecke weitere Reportagen", "Weitere aktuelle Themen aus der Region",
    "Mehr zum Thema auf gazette.example", "Related Recipes",
])
def test_a_short_label_opening_with_a_cue_goes(line: str) -> None:
    assert classify_line(line) == "related"


def test_a_short_sentence_opening_with_a_cue_stays() -> None:
    assert classify_line("Weitere Informationen folgen.") is None


def test_every_long_furniture_pattern_passes_the_stem_gate() -> None:
    # the stems only decide whether the patterns run: a line a pattern matches but no stem
    # names would silently be kept
    from tasks.clean import boilerplate as bp

    lines = [
        "To view the full story, you can choose an annual plan today.",
        "This post contains references to products from our partners.",
        "Wesprzyj nas darowizną, aby czytać dalej bez ograniczeń i reklam.",
        "Written permission must be obtained before reprint in print media.",
        "Mit der Anmeldung akzeptieren Sie unsere Datenschutzbestimmungen.",
        "Síguenos en Facebook y Twitter para más noticias de la ciudad.",
        "Help us continue our reporting with a small gift each month, readers.",
    ]
    for line in lines:
        low = line.lower()
        assert any(stem in low for stem in bp._LONG_FURNITURE_STEMS), line
        assert bp.classify_line(line) is not None, line


# --- each length bound is inclusive: a line of exactly that many words still goes -----------

def _words_to(head: str, n: int, tail: str = "") -> str:
    """`head`, neutral filler words, then `tail`: exactly n words as the rules count them."""
    from tasks.clean.boilerplate import _words

    filler = n - _words(head) - _words(tail)
    line = " ".join([head, *["stone"] * filler, tail]).strip()
    assert _words(line) == n
    return line


@pytest.mark.parametrize(("head", "tail", "n", "rule"), [
    ("Follow the Gazette on Twitter and Instagram and read", ".", 40, "cta"),
    ("Written permission must be obtained before reprint of", ".", 40, "legal"),
    ("Tags:", "", 12, "ui"),
    ("Anzeige:", "", 15, "ui"),
])
def test_a_rule_takes_a_line_of_exactly_its_word_limit(head, tail, n, rule) -> None:
    assert classify_line(_words_to(head, n, tail)) == rule
    assert classify_line(_words_to(head, n + 1, tail)) != rule


def test_a_dated_label_line_of_exactly_twenty_five_words_goes() -> None:
    dated = "2 May 2024"
    line = " | ".join([_words_to("Bridge", 11), _words_to("Harbour", 11), dated])
    assert classify_line(line) == "date"
    longer = " | ".join([_words_to("Bridge", 12), _words_to("Harbour", 11), dated])
    assert classify_line(longer) is None


def test_a_weak_cue_alone_with_its_colon_is_a_related_heading() -> None:
    from tasks.clean.boilerplate import _is_related_heading

    assert _is_related_heading("Mehr zum Thema Hochwasser:")
    assert _is_related_heading("Lea:")
    assert not _is_related_heading("Lea la noticia completa en nuestra web hoy mismo.")


def test_table_cell_pipes_do_not_hide_a_line_or_its_cue() -> None:
    # trafilatura writes table cells between pipes: the cell's text is what is judged, and
    # a row of empty cells is an empty line
    assert classify_line("| Pressesprecher Max Muster |") == "ui"
    assert classify_line("| |") == "empty"


def test_a_press_contact_line_is_furniture_up_to_five_words() -> None:
    # "Pressesprecherin der Stadt: Anna Muster" is a contact label; a longer line that
    # opens with the role is more often the start of a statement and is kept
    assert classify_line("Pressesprecherin der Stadt: Anna Muster") == "ui"
    assert classify_line("Pressesprecherin der Stadt Kassel: Anna Muster") is None


# --- issue 13, round 3: each rule with a line it removes and prose with its cue that stays ---

@pytest.mark.parametrize(("line", "rule"), [
    # related cues in more languages, "most read" boxes, "keep reading" buttons
    ("Lue aiheesta lisää:", "related"),
    ("Läs också: Hamnen öppnar igen", "related"),
    ("Meist gelesen", "related"),
    ("| Kommentierte Artikel |", "related"),
    ("Las Más Leídas", "related"),
    ("Seguí leyendo", "related"),
    (">> Mehr lesen: Erfahrt mehr über die Therme am Hafen!", "related"),
    # a link to the next part, or back to a list
    ('... weiter zu "die Wortwahl"', "related"),
    ("« Zurück zu den Veranstaltungen", "related"),
    # a pointer to another site
    ("Weitere Infos unter www.harbour-festival.example.", "related"),
    ("Weitere Informationen hierzu gibt es in Kürze auf der Website des Vereins.", "related"),
    # membership and subscription boxes
    ("Werden Sie Mitglied bei", "cta"),
    ("Gazette Club und erhalten Sie exklusive Angebote!", "cta"),
    ("Klicke dich durch die Homestorys unserer Leserinnen und Leser.", "cta"),
    ("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", "cta"),
    ("- Jederzeit kündbar", "cta"),
    # the site's licence line
    ("Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY", "legal"),
])
def test_round_three_furniture_lines_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "Lue lisää sataman historiasta kaupungin kirjastossa, jossa näyttely on auki syksyyn asti.",
    "Mehr lesen als früher wollen laut der Umfrage vor allem die Jüngeren.",
    "Die meist gelesenen Bücher des Jahres stammen aus kleinen Verlagen, sagte die Jury.",
    "Weiter zu den Plänen der Stadt: Der Hafen soll bis 2030 erweitert werden.",
    # subheadings: a navigation cue without its arrow, "most popular" in a travel story
    "Zurück zur Natur", "Back to school", "Most popular destinations",
    "Weitere Informationen gab es auf Nachfrage nicht.",
    "Weitere Infos zum Unfall liegen der Polizei bei Redaktionsschluss nicht vor.",
    "Werden Sie Mitglied der Feuerwehr? Das fragte der Bürgermeister die Jugendlichen.",
    "Sofern nicht anders angegeben, gelten die Preise pro Person und Nacht.",
    "Die Inhalte dieser Website richten sich an Fachleute aus der Pflege.",
    "Der Vertrag ist monatlich kündbar, sagte der Anbieter, und die Preise steigen 2025.",
])
def test_round_three_cue_words_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_a_bio_with_contact_details_goes_up_to_eighty_words() -> None:
    from tasks.clean.boilerplate import BIO_MAX_WORDS

    bio = _words_to(
        "Jane Doe is the Founder & Principal Consultant at Harbour PR, a consultancy that "
        "helps brands to stand out. Follow us on Facebook. Email: jane@example.com", 70)
    text = "\n".join([PROSE, PROSE.replace("Tuesday", "Monday"), bio])
    assert bio not in remove_boilerplate(text).text
    longer = _words_to(bio, BIO_MAX_WORDS + 1)
    assert longer in remove_boilerplate("\n".join([PROSE, longer])).text


# --- issue 13 round 4: review notes, widget help, the closing "about this series" box ------


@pytest.mark.parametrize(
    "line",
    [
        "Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur, medizinischen "
        "Leitlinien sowie aktuellen Studien und wurde von Medizinern geprüft.",
        "This article was medically reviewed by Dr. Jane Roe, a family physician in Leeds.",
        "Mit diesem Button kannst Du diese Episode zu einer Kurationsliste hinzufügen. Dazu "
        "musst Du Dich einloggen:",
    ],
)
def test_review_notes_and_widget_help_go(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize(
    "line",
    [
        # who checked it is named, but the text does not speak of itself
        "Der Entwurf wurde von Juristen des Ministeriums geprüft, sagte die Sprecherin am Montag.",
        # the text speaks of itself, but nobody checked it
        "Dieser Artikel beschreibt, wie der Haushalt im Ausschuss geprüft wurde.",
        "Mit diesem Knopfdruck startete die Bürgermeisterin die neue Anlage am Hafen.",
    ],
)
def test_prose_about_checks_and_buttons_stays(line: str) -> None:
    assert classify_line(line) is None


def test_the_closing_about_this_series_box_goes_with_its_heading() -> None:
    box = ("Die Stiftung ist in rund 110 Ländern mit einem eigenen Büro vertreten. Die "
           "Mitarbeiter vor Ort berichten aus erster Hand über aktuelle Ereignisse.")
    text = "\n".join([PROSE, PROSE.replace("Tuesday", "Monday"), "Über diese Reihe", box])
    out = remove_boilerplate(text)
    assert out.text == "\n\n".join([PROSE, PROSE.replace("Tuesday", "Monday")])
    assert out.removed == {"about": 2}


def test_an_about_heading_inside_the_text_stays() -> None:
    # a subheading in the middle of a company portrait, with the article going on after it
    body = [PROSE, "Über uns", PROSE.replace("Tuesday", "Monday"),
            PROSE.replace("Tuesday", "Friday"), PROSE.replace("Tuesday", "Sunday")]
    assert remove_boilerplate("\n".join(body)).text == "\n\n".join(body)
    # and a sentence opening with the same words is no heading
    tail = [PROSE, PROSE.replace("Tuesday", "Monday"), "Über uns wurde viel geschrieben."]
    assert remove_boilerplate("\n".join(tail)).text == "\n\n".join(tail)


# --- issue 13 round 5: photo credits, appeals, ad-slot labels, counters, bios by label -----


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # a caption whose credit closes it in brackets
        ("Autohäuser in Thüringen dürfen wieder öffnen. (Symbolfoto)", "credit"),
        ("Der Verband fordert eine schnelle Aufklärung. (Symbolbild: Alex T./AdobeStock)",
         "credit"),
        ("The president speaks in the Rose Garden on Monday. (AP Photo/Evan Vucci)", "credit"),
        ("Fans wait outside the stadium. (REUTERS/Jane Roe)", "credit"),
        ("Protesters gather in the square. (Photo by John Doe/Getty Images)", "credit"),
        # a caption labelled as one, however long
        ("Header Image: People have lived in Ecuador’s Amazon forests for thousands of years, "
         "including those who made this petroglyph (rock art) in Napo province, in what is "
         "now a national park visited by thousands each year.", "credit"),
        ("Image caption: Firefighters at the scene of the blaze on the harbour front in the "
         "early hours of Tuesday morning, after the alarm was raised by a passing taxi "
         "driver who saw smoke rising from the roof.", "credit"),
        # nationnews.com's captions
        ("Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
         "credit"),
        ("The Barbados Tridents’ footballers training ahead of a match against Dominica. "
         "(FILE)", "credit"),
        ("Mourners at the church on Sunday. (file)", "credit"),
        # a photo box's credit labels
        ("Bildnachweis:", "credit"),
        ("Illustrationen / Fotos: Jane Doe", "credit"),
        ("Image source, Reuters", "credit"),
        ("featured image: Jane Doe via Unsplash", "credit"),
        ("Featured image by Jane Doe/The Gazette.", "credit"),
        # cues, counters and buttons
        ("Seguir leyendo:", "related"),
        ("Sehen Sie auch: Woran Sie erkennen, dass der Hafen wächst", "related"),
        ("3 Kommentare", "ui"),
        ("12 comments", "ui"),
        ("6 Bilder", "ui"),
        ("Bild schließen", "ui"),
        ("Permalink: https://example.org/2021/01/bridge.html", "ui"),
        ("Story continues below advertisement", "ui"),
        ("ADVERTISEMENT - CONTINUE READING BELOW", "ui"),
        ("Der Artikel geht nach der Anzeige weiter", "ui"),
        # a subscription offered, the sign-up form's message, an "enjoyed this?" appeal
        ("Want to bookmark your favourite articles? Start your Gazette Premium subscription "
         "today.", "cta"),
        ("Your subscription failed. Please check your e-mail address.", "cta"),
        ("Hat dir dieser Artikel gefallen? Dann würde es uns sehr freuen, wenn auch du uns als "
         "Supporter mit einem monatlichen Beitrag unterstützt. Als Supporter bekommst du "
         "Zugang zu allen Inhalten und hilfst uns, unabhängig zu bleiben.", "cta"),
        ("If you enjoyed our roundup about the harbour, sign up for the weekly letter.", "cta"),
    ],
)
def test_round5_furniture_lines_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        # a bracket in prose that is no photo credit
        "The minister met the unions on Monday (AP reported the talks lasted six hours).",
        "Der Rat hat das Foto am Montag veröffentlicht (siehe oben).",
        # a caption label's words opening a story's sentence
        "The main image of the campaign: a bridge at dawn, shot by a local student.",
        "Caption contests are back at the county fair this summer, organisers said.",
        # "(file)" inside a sentence, or ending one that has no full stop before it
        "She saved the report as a spreadsheet (file) and sent it to the council.",
        "The council sent the report as a spreadsheet (file)",
        # "subscription" in a story
        "Netflix raised the price of its standard subscription by two dollars in the US.",
        "Die Zahl der Kommentare unter dem Beitrag stieg auf 300.",
        "3 Kommentare zu dem Entwurf gingen bis Montag beim Stadtrat ein.",
        # "enjoyed" in a story, not the text asking about itself
        "Did you know that the bridge was built in 1901?",
        "Visitors enjoyed the article exhibition in the town hall on Sunday.",
        "Der Artikel wird nach der Sitzung im Amtsblatt veröffentlicht.",
    ],
)
def test_round5_cues_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_a_bio_by_its_label_at_the_end_is_dropped() -> None:
    body = [PROSE, PROSE.replace("Tuesday", "Monday")]
    for bio in ("Die Autorin ist Achtsamkeitslehrerin und im Vorstand eines Vereins in Wien.",
                "The writer is a fellow at the Harbour Institute and a former mayor of Leeds.",
                "Autor*in: Prof. Dr. Jane Doe ist seit 2014 Ministerin für Kultur."):
        out = remove_boilerplate("\n".join([*body, bio]))
        assert out.text == "\n\n".join(body)
        assert out.removed == {"bio": 1}
    # the same words in the middle of a review, or about a book's author, stay
    review = [PROSE, "Der Autor ist ein Meister der leisen Töne.",
              PROSE.replace("Tuesday", "Friday"), PROSE.replace("Tuesday", "Sunday")]
    assert remove_boilerplate("\n".join(review)).text == "\n\n".join(review)
    last = [*body, "Der Autor des Buches, Jan Muster, ist Anwalt in Berlin."]
    assert remove_boilerplate("\n".join(last)).text == "\n\n".join(last)


def test_the_closing_about_the_author_box_goes_with_its_heading() -> None:
    body = [PROSE, PROSE.replace("Tuesday", "Monday")]
    box = ["Über die Autorin:", "Jane Doe (37) ist Coach für Start-ups und Moderatorin."]
    out = remove_boilerplate("\n".join([*body, *box]))
    assert out.text == "\n\n".join(body)
    assert out.removed == {"about": 2}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Boris Johnson in Downing Street. Photograph: Jane Doe/PA", "credit"),
        ("Protesters outside parliament on Monday. Evan Vucci/AP", "credit"),
        ("The harbour at dawn. Jane Roe/Getty Images", "credit"),
        ("To reach the reporter behind this story, contact jane@gazette.example. To reach the "
         "editor, contact ed@gazette.example", "cta"),
        ("Have a news tip? Email us at tips@gazette.example.", "cta"),
        ("Haben Sie einen Hinweis für die Redaktion? Schreiben Sie uns.", "cta"),
        ("Ad Feedback", "ui"),
        ("toggle caption", "ui"),
        ("Listen to this article", "ui"),
        ("Image 3 of 12", "ui"),
        ("Read the original article on Business Insider", "cta"),
        # session 38: a video teaser behind a bar, the app's and the tip line's calls
        ("WATCH | Bridge reopens after two years", "related"),
        ("Get the Gazette app", "cta"),
        ("Got a story? Email news@gazette.example", "cta"),
    ],
)
def test_round5_news_furniture_lines_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "Users who get the app can pay the bridge toll from their phones.",
    "He said the bridge | would reopen on Monday",
    "Got a minute, the mayor asked the crowd, and then spoke for an hour.",
])
def test_sentences_that_resemble_those_calls_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        # a slash and an agency in prose, or a name and a slash that is no agency
        "The ratio was 3/AP at the time, the report said.",
        "He moved from Berlin/Brandenburg to Hamburg in May.",
        "Contact with the harbour was lost at midnight, the coastguard said.",
        "The editor contacted the mayor on Friday.",
        "Officials said the photograph was taken on Monday in the harbour.",
    ],
)
def test_round5_news_cues_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        # the comment section's form, rules and appeals
        "Um einen Kommentar zu hinterlassen, loggen Sie sich bitte ein.",
        "Ihr Kommentar ist zu lang. Es sind maximal 2048 Zeichen erlaubt!",
        "Beachten Sie, dass die Redaktion unpassende oder beleidigende Kommentare entfernen kann.",
        "Dann schreibe mir gern einen Kommentar unter diesen Artikel.",
        "Please spare some time to comment below, letting us know what you think.",
        "Comments are closed.",
        # a newsletter form's small print and confirmation
        "Der Newsletter ist kostenlos und kann jederzeit abonniert und wieder abbestellt werden.",
        "Nach Anmeldung erhalten Sie eine Aktivierungs-E-Mail. Nach Klicken des Links erhalten "
        "Sie den Newsletter.",
        "Unterstütze unsere Arbeit mit einem Abo.",
    ],
)
def test_round5_comment_and_signup_boxes_go(line: str) -> None:
    assert classify_line(line) == "cta"


@pytest.mark.parametrize(
    "line",
    [
        "The mayor declined to comment on the report.",
        "Der Bürgermeister wollte den Kommentar des Ministers nicht bewerten.",
        "A spokesman did not respond to a request for comment on Friday.",
    ],
)
def test_round5_comments_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_date_labels_between_middle_dots_and_bullets_go() -> None:
    assert classify_line("14.10.2020 ∙ 14:00 Uhr") == "date"
    assert classify_line("Handball Schweiz • 02.02.2022") == "date"
    assert classify_line("Harbour Gazette · 3 March 2021") == "date"
    # a list item behind a bullet, and fields with no calendar date, stay
    assert classify_line("• 02.02.2022 Hallenmeisterschaft in Bern") is None
    assert classify_line("Matthes & Seitz 2019 · 280 Seiten · 30 Euro") is None


def test_an_affiliate_note_of_a_paragraph_goes() -> None:
    note = ("Unsere Experten prüfen regelmäßig Produkte und Anbieter. Nur wenn sie ein "
            "besonders gutes Angebot empfehlen, kann der Anbieter einen Link zu diesem Angebot "
            "setzen lassen. Solche Links kennzeichnen wir mit einem Sternchen (*). Geld "
            "erhalten wir, wenn Sie diesen Link klicken oder beim Anbieter dann einen Vertrag "
            "abschließen. Ob und in welcher Höhe wir dafür vergütet werden, hat keinen Einfluss "
            "auf unsere Empfehlungen.")
    assert 60 < len(note.split()) <= 90
    assert classify_line(note) == "ui"
    assert classify_line("Wenn Sie auf einen dieser Links klicken und ein Produkt kaufen, "
                         "erhalten wir eine kleine Provision.") == "ui"
    # money received, with no link in the line, is news
    assert classify_line("Geld erhalten wir nur vom Land, sagte die Leiterin des Museums.") is None
    assert classify_line("Eine Provision erhalten wir nicht, sagte der Makler.") is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Accueil > Actualités et humeurs > Décisions de l'AG du mardi 10 septembre", "ui"),
        ("Startseite › Politik › Inland", "ui"),
        ("Home / News / Politics", "ui"),
        ("Seite drucken", "ui"),
        ("Print this article", "ui"),
        ("Courtesy of Forests News", "credit"),
        ("Photo courtesy of the Harbour Museum", "credit"),
        ("Autor: Die Redaktion", "ui"),
        ("Written by: Jane Doe", "ui"),
        ("20. März 2021 - 15:00 Uhr", "date"),
    ],
)
def test_round5_breadcrumbs_buttons_and_labels_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        # a schedule's day headings are content (half 0 of the dev corpus expects them:
        # weekdays were measured and dropped). "Veröffentlicht am 16.08.2019" stayed here
        # too until text round 7 made every labelled stamp a date line (the article body has
        # its date in a column of its own; one dev snippet expected it)
        "Donnerstag, 03. Februar 2022",
        "FRIDAY APRIL 17",
        # a dotted date's day and month are no time of day: a weekday and the date, or a
        # span of dates, stay (text round 7 took "01.11" for a time and dropped both)
        "Mittwoch, 01.11.2023",
        "23.10.2015 - 25.10.2015",
        "Home is where the harbour is",
        "Home/Office-Pauschale: was Arbeitnehmer jetzt wissen müssen",
        "The museum thanked the family for the courtesy of a private tour on Sunday.",
    ],
)
def test_round5_dates_and_words_of_prose_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Die Zeitung ist gemeinnützig und unabhängig. Wir finanzieren uns durch Spenden und "
        "Abos. Unterstütze unsere Arbeit und abonniere das Magazin.",
        "Spenden könnt ihr ganz einfach per Paypal oder direkt auf unser Konto.",
        "The Gazette is funded by readers. Make a contribution to keep it free for everyone.",
        "Donate now",
    ],
)
def test_round5_funding_appeals_go(line: str) -> None:
    assert classify_line(line) == "cta"


def test_funding_in_a_story_stays() -> None:
    assert classify_line("Die Tafel finanziert sich aus Spenden, sagte die Leiterin.") is None
    assert classify_line("The museum is funded by the city and by private donors.") is None


# --- text round 6: classes read among the held half's leaks -------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # an embed's consent placeholder and its button
        ("Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.", "ui"),
        ("Mit dem Laden des Inhalts akzeptieren Sie die Datenschutzerklärung von YouTube.",
         "legal"),
        ("Click the button below to load the content from Instagram.", "ui"),
        ("Inhalt laden", "ui"),
        # a media library's availability, a listing's pager, a download's file label
        ("Video verfügbar bis 28.02.2021", "ui"),
        ("Available until 3 March 2024", "ui"),
        ("Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "ui"),
        ("Showing 1–10 of 19 results", "ui"),
        ("Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
         "ui"),
        ("Download: mp3 (30 MB) m4a (24 MB) opus (16 MB)", "ui"),
        ("(Alle Angaben ohne Gewähr)", "legal"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "ui"),
        # the comment section's note and count, and the question put to readers
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", "cta"),
        ("| Kommentare insgesamt: 0 | |", "cta"),
        ("Verraten Sie gerne in den Kommentaren: Was bedeutet ein Award für Sie?", "cta"),
        ("Let us know in the comments what you think.", "cta"),
        # teasers: between double angle brackets, the next story, the forum's posts
        (">> Wegen Corona: Danni Büchner muss Kult-Lokal auf Mallorca schließen <<", "related"),
        ("Vorschau auf den nächsten Artikel", "related"),
        ("Next article", "related"),
        ("Beiträge aus dem Forum", "related"),
        ("Más sobre La Tercera AM", "related"),
        # subscribing to a feed, the outlet asking for support or about itself
        ("Online-Pressemappe - alle Pressemitteilungen der Nordex SE | RSS-Feed abonnieren",
         "cta"),
        ("Unterstütze RosaMag bereits mit 2,50!", "cta"),
        ("Gefällt dir unser Klettermagazin? Bei der Lancierung haben wir entschieden, keine "
         "Bezahlschranke einzuführen.", "cta"),
    ],
)
def test_round6_furniture_lines_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        # the same words in a story's sentences
        "Die Feuerwehr brauchte zwei Stunden, um den Inhalt des Lastwagens zu entladen.",
        "Das Video ist ab Montag verfügbar, sagte die Sprecherin.",
        "Von 1 bis 10 von insgesamt 19 Teams kamen nur drei weiter.",
        "Die Datei war 38 KB groß und enthielt die Namen aller Mitglieder.",
        "Angaben ohne Gewähr seien in der Branche üblich, sagte der Anwalt vor Gericht.",
        "In den Kommentaren unter dem Video schrieben Nutzer, sie hätten nichts gehört.",
        "Der nächste Artikel des Gesetzes regelt die Ausnahmen.",
        "Die Stiftung unterstützt Familien mit Kindern seit 1999.",
        "Gefällt dir das? fragte die Moderatorin.",
        "He said the next article of the treaty would follow in March.",
    ],
)
def test_round6_cues_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_a_cookie_notice_has_up_to_forty_words_a_pointer_to_more_info_fifteen() -> None:
    from tasks.clean.boilerplate import _words

    cookie = ("We use cookies to give you the best experience on our website. If you continue "
              "to use this site we will assume that you are happy with it and accept all "
              "cookies, as described in our privacy policy and terms.")
    assert (_words(cookie), classify_line(cookie)) == (40, "cookie")
    longer = cookie.replace("terms.", "terms here.")
    assert (_words(longer), classify_line(longer)) == (41, None)
    more = "Weitere Informationen zu den Kursen und den Preisen gibt es auf www.vhs-example.de"
    assert (_words(more), classify_line(more)) == (15, "related")
    longer = more.replace("es auf", "es online auf")
    assert (_words(longer), classify_line(longer)) == (16, None)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # publication and update stamps: a label or a time beside the date, nothing else
        ("Updated June 13, 2019", "date"),
        ("Last updated: 13 July 2020", "date"),
        ("Latest update May 6th, 2022 12:49 AM", "date"),
        ("Published: 10:02 AM ET, Thu March 5, 2020", "date"),
        ("First published on Mon 20 Jan 2020 06.00 GMT", "date"),
        ("Jan. 5, 2020, 3:45 p.m. ET", "date"),
        ("PUBLISHED: 10:02 EST, 5 March 2020 | UPDATED: 12:00 EST, 5 March 2020", "date"),
        ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46", "date"),
        ("Veröffentlicht am 16.08.2019", "date"),
        ("- Publicado: Jueves, 21 Abril 2022 04:45", "date"),
        ("Mittwoch, 01.11.2023, 14:30 Uhr", "date"),
        ("01.11.2023 14.30", "date"),
        ("12.03.2021 | 09h45", "date"),
        ("Posted on", "ui"),
        # teaser boxes' headings alone on their line, and inline teasers behind a label
        ("In case you missed this earlier", "related"),
        ("Trending Now", "related"),
        ("Most Popular", "related"),
        ("Editor's Picks", "related"),
        ("Read: Two disasters are exponentially worse than one", "related"),
        ("WATCH: Biden speaks in Iowa", "related"),
        # buttons and labels of English news templates
        ("Supported by", "ui"),
        ("Show all 50", "ui"),
        ("Open image in gallery", "ui"),
        ("Rights and permissions", "ui"),
        ("If you're on the ABC7 News app, click here to watch live", "cta"),
        # credits: the photo's source, a caption's bracketed or trailing credit, a reprint
        ("Photo Source: Markus Spiske from Pexels.", "credit"),
        ("Michael R. Bloomberg campaigns in Houston last week.(Elizabeth Conley / Houston "
         "Chronicle)", "credit"),
        ("AMO found Sunday 475 pounds of cocaine concealed inside a vessel. By U.S. CUSTOMS AND "
         "BORDER PROTECTION", "credit"),
        ("From the book The Great Democracy by Ganesh Sitaraman. Copyright © 2019 by Ganesh "
         "Sitaraman. Reprinted by permission of Basic Books, New York, NY, a division of a "
         "publishing group, and the author's agents.", "legal"),
    ],
)
def test_round7_stamps_teasers_and_credits_go(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        # dates inside sentences, a stamp's words in prose, day headings
        "The law was updated on March 5, 2020, after a vote in the state senate.",
        "Published in 2019, the report found that 40 percent of schools had no nurse.",
        "On March 5, 2020 at 10:02 a.m. the first patient was admitted.",
        "May 06, 2022 news",  # (with its section's name, "News", it is a label: session 36)
        "Sábado 23 de abril del 2022",
        "April 2016, the",
        "+81 158-23-2012",
        # a label's word opening a sentence, a heading that starts like a teaser box
        "Read: the statement said nothing about the budget.",
        "Most popular destinations in 2020 were close to home",
        "Trending topics on social media rarely last a day.",
        # a sentence that ends on "by" and one name, a bracket of two names without an outlet
        "The study was led by Jane Doe. It was funded by the National Science Foundation",
        "He said the report was written by Smith. By Tuesday",
        "The two leaders met in Paris.(Macron and Scholz)",
        "The museum asked for permission to reprint the letters, which the family refused.",
    ],
)
def test_round7_dates_and_labels_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_a_teaser_box_heading_alone_takes_its_list_of_titles_along() -> None:
    text = "\n".join([
        PROSE,
        "In case you missed this earlier",
        "Coronavirus Ireland: One death and 432 new cases",
        "Cork University Hospital suspends visiting until further notice",
        PROSE.replace("Tuesday", "Wednesday"),
    ])
    result = remove_boilerplate(text)
    assert result.text.split("\n\n") == [PROSE, PROSE.replace("Tuesday", "Wednesday")]
    assert result.removed == {"related": 3}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # bylines the metadata did not name
        ("By Jane Doe and John Smith, Reuters", "byline"),
        ("BY JANE DOE", "byline"),
        ("By The Associated Press", "byline"),
        ("By Jane Doe on March 5, 2020", "byline"),
        ("By April Ryan", "byline"),
        # relative stamps
        ("Updated 3 hours ago", "date"),
        ("2 hours ago", "date"),
        ("vor 5 Minuten", "date"),
        # blog, comment-form and gallery furniture; the article's age; share buttons; pagers
        ("Like Loading...", "ui"),
        ("Leave a Reply", "ui"),
        ("Posted in Uncategorized", "ui"),
        ("Tagged: politics, elections", "ui"),
        ("This article is more than 2 years old", "ui"),
        ("This story has been shared 1,234 times.", "ui"),
        ("Click to share on Twitter (Opens in new window)", "ui"),
        ("Page 1 of 2", "ui"),
        ("View 12 photos", "ui"),
        ("Most Viewed", "related"),
        ("Recent Posts", "related"),
        # calls to action
        ("Get the latest news delivered to your inbox", "cta"),
        ("Got a confidential news tip? We want to hear from you.", "cta"),
        ("Your email address will not be published. Required fields are marked *", "cta"),
        # photo credits
        ("Photo by Jane Doe on Unsplash", "credit"),
        ("Caption: Protesters outside parliament", "credit"),
        ("Credit...Doug Mills/The New York Times", "credit"),
        ("AFP via Getty Images", "credit"),
        ("Associated Press", "credit"),
    ],
)
def test_round7_english_templates_furniture_goes(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "By the numbers",
        "By The Numbers",
        "By contrast, the city spent less.",
        "By Tuesday, the council had agreed to the plan",
        "By March 2021",
        "By Car",
        "By 2030 the plan will be finished",
        "Posted in the comments, the video drew thousands of replies",
        "Er kam vor 5 Minuten",
        "The photo was taken 2 hours ago",
        "Associated Press reporters found the files in a warehouse.",
    ],
)
def test_round7_the_same_words_in_prose_stay(line: str) -> None:
    assert classify_line(line) is None


def test_a_pull_quote_that_repeats_the_story_is_dropped_and_the_story_keeps_it_once() -> None:
    quote = "“We ran out of fuel and the electricity is cut off. The hospital is out of service.”"
    paragraph = ("Dr. Ahmed said: “We ran out of fuel and the electricity is cut off. The hospital "
                 "is out of service.” He asked for help from the United Nations.")
    result = remove_boilerplate("\n".join([PROSE, quote, paragraph]))
    assert result.text.split("\n\n") == [PROSE, paragraph]
    assert result.removed == {"repeat": 1}
    # after its paragraph too, and a caption that repeats a sentence of the story
    caption = "The hospital is out of service."
    result = remove_boilerplate("\n".join([PROSE, paragraph, caption.replace("The", "This")]))
    assert result.removed == {}
    result = remove_boilerplate("\n".join([PROSE, paragraph, "The hospital is out of service."]))
    assert result.text.split("\n\n") == [PROSE, paragraph]


def test_a_subheading_whose_words_open_a_paragraph_stays() -> None:
    heading = "AI in Patient Care and Operations"
    paragraph = (f"{heading} is the first part of this report; the second covers the cost of the "
                 "systems that hospitals bought in the last five years.")
    text = "\n".join([PROSE, heading, paragraph])
    assert remove_boilerplate(text).text.split("\n\n") == [PROSE, heading, paragraph]
    # twelve words and more are a repeat whatever their last character
    long_heading = "How the hospitals of the city are already using AI in patient care today"
    holder = f"{long_heading}, and what it costs them, is the subject of this report."
    assert remove_boilerplate("\n".join([long_heading, holder])).text == holder


def test_blocks_of_equal_text_are_not_both_dropped_as_contained() -> None:
    # short equal blocks (under the 20 characters of the repeat rule) hold each other: the
    # containment rule needs a longer holder, so both stay
    text = "\n".join(["I am, I am, I am!", PROSE, "I am, I am, I am!"])
    assert remove_boilerplate(text).text.count("I am, I am, I am!") == 2


# --- every word limit of classify_line at its edge (mutation testing, session 31) ----------
# A line the rule takes at exactly its limit, and the same line one word longer, which it
# leaves. Filler words go where the rule's pattern allows any ("end", "before_last",
# "after_first"). The limits keep a rule from taking a paragraph that opens like furniture.

def _grown(seed: str, words: int, where: str, filler: str) -> str:
    from tasks.clean.boilerplate import _words

    extra = " ".join([filler] * (words - _words(seed)))
    if where == "end":
        line = f"{seed} {extra}"
    elif where == "before_last":
        head, _, last = seed.rpartition(" ")
        line = f"{head} {extra} {last}"
    else:
        first, _, rest = seed.partition(" ")
        line = f"{first} {extra} {rest}"
    assert _words(line) == words
    return line


@pytest.mark.parametrize(("seed", "where", "filler", "limit", "rule"), [
    ("ADVERTISEMENT - CONTINUE READING BELOW", "after_first", "word", 4, "ui"),
    ("Ansprechpartnerin zum Thema:", "end", "word", 5, "ui"),
    ("20. März 2021 - 15:00 Uhr", "end", "word", 6, "date"),
    ("Auch interessant", "end", "word", 6, "related"),
    ("Video verfügbar bis 28.02.2021", "after_first", "word", 6, "ui"),
    ("LE PUEDE INTERESAR: La ficha del candidato", "after_first", "word", 7, "related"),
    ("Courtesy of Forests News", "end", "word", 8, "credit"),
    ("Get the latest news delivered to your inbox", "before_last", "word", 8, "cta"),
    ("... weiter zu \"die Wortwahl\"", "end", "word", 8, "related"),
    ("Available until 3 March 2024", "end", "word", 8, "ui"),
    ("Lesen Sie auch die folgenden Beiträge:", "before_last", "word", 12, "related"),
    ("Accueil > Actualités et humeurs > Décisions de l'AG du mardi 10 "
     "septembre", "after_first", "word", 12, "ui"),
    ("By Jane Doe and John Smith, Reuters", "end", "Lee", 14, "byline"),
    ("Bildnachweis:", "end", "word", 14, "credit"),
    ("Weitere Informationen hierzu gibt es in Kürze auf der Website des "
     "Vereins.", "end", "word", 15, "related"),
    ("ADVERTISEMENT - CONTINUE READING BELOW", "end", "word", 15, "ui"),
    ("Abonnieren Sie unseren Newsletter", "end", "word", 20, "cta"),
    ("Read: Two disasters are exponentially worse than one", "end", "word", 20, "related"),
    ("Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "end", "word", 20, "ui"),
    ("- Publicado: Jueves, 21 Abril 2022 04:45", "end", "on", 24, "date"),
    ("Help us continue our reporting with a small gift each month, readers.",
     "end", "word", 25, "cta"),
    ("All rights reserved", "end", "word", 25, "legal"),
    ("Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur, "
     "medizinischen Leitlinien sowie aktuellen Studien und wurde von "
     "Medizinern geprüft.", "before_last", "word", 25, "ui"),
    ("Autohäuser in Thüringen dürfen wieder öffnen. (Symbolfoto)",
     "before_last", "word", 30, "credit"),
    ("Beachten Sie, dass die Redaktion unpassende oder beleidigende "
     "Kommentare entfernen kann.", "end", "word", 30, "cta"),
    (">> Mehr lesen: Erfahrt mehr über die Therme am Hafen!", "end", "word", 30, "related"),
    ("Accueil > Actualités et humeurs > Décisions de l'AG du mardi 10 "
     "septembre", "end", "word", 30, "ui"),
    ("- Jederzeit kündbar", "end", "word", 35, "cta"),
    ("Cookies akzeptieren", "end", "word", 40, "cookie"),
    ("AMO found Sunday 475 pounds of cocaine concealed inside a vessel. By "
     "U.S. CUSTOMS AND BORDER PROTECTION", "after_first", "word", 40, "credit"),
    ("Follow the Gazette on Twitter and Instagram @gazette and on Facebook, "
     "or send us a message with your news tips.", "end", "word", 40, "cta"),
    ("Mit dem Laden des Inhalts akzeptieren Sie die Datenschutzerklärung von"
     " YouTube.", "end", "word", 40, "legal"),
    ("Click the button below to load the content from Instagram.", "end", "word", 40, "ui"),
    ("Die Zeitung ist gemeinnützig und unabhängig. Wir finanzieren uns durch"
     " Spenden und Abos. Unterstütze unsere Arbeit und abonniere das "
     "Magazin.", "end", "word", 60, "cta"),
    ("From the book The Great Democracy by Ganesh Sitaraman. Copyright © "
     "2019 by Ganesh Sitaraman. Reprinted by permission of Basic Books, New "
     "York, NY, a division of a publishing group, and the author's agents.",
     "end", "word", 60, "legal"),
    ("Alle mit einem Stern gekennzeichneten Links sind Affiliate-Links.", "end", "word", 60, "ui"),
    ("This post contains references to products from our advertisers. We may"
     " receive compensation when you click on links to those products.", "end", "word", 90, "ui"),
    ("Click to share on Facebook", "end", "stone", 12, "ui"),
    ("Continue reading the main story", "end", "stone", 12, "ui"),
    ("Der Artikel geht nach der Anzeige weiter", "end", "stone", 12, "ui"),
    ("You must be logged in to comment", "end", "stone", 20, "cta"),
    ("Harbour / dpa", "after_first", "the", 8, "credit"),
    ("To continue reading", "end", "stone", 30, "cta"),
    ("Follow us on Facebook", "end", "stone", 20, "cta"),
    ("Werden Sie Mitglied", "end", "stone", 8, "cta"),
    ("Did you enjoy this article", "end", "stone", 60, "cta"),
    ("Abbildung 1: Der Hafen", "end", "stone", 40, "credit"),
    ("This article was medically reviewed by Dr. Roe", "end", "stone", 40, "ui"),
    ("To reach the reporter, email harbour@example.com", "end", "stone", 40, "cta"),
    ("Mit diesem Button kannst Du die Folge merken", "end", "stone", 40, "ui"),
    ("PDF | 38 KB", "end", "stone", 25, "ui"),
    ("For further details >", "before_last", "stone", 8, "related"),
    ("[Our Latest Forecast: Who Will Win?]", "before_last", "stone", 20, "related"),
])
def test_each_word_limit_is_inclusive_and_one_word_more_is_not(seed, where, filler, limit,
                                                               rule) -> None:
    assert classify_line(_grown(seed, limit, where, filler)) == rule
    assert classify_line(_grown(seed, limit + 1, where, filler)) != rule


# --- the byline, bio, about-box, teaser-list and repeat passes at their edges (session 31) ---

def test_a_byline_naming_the_author_is_at_most_fourteen_words() -> None:
    authors = ["Maria Lopez"]
    assert classify_line(_words_to("Von Maria Lopez", 14), authors) == "byline"
    assert classify_line(_words_to("Von Maria Lopez", 15), authors) is None


def test_a_byline_without_its_prefix_has_at_most_six_other_words() -> None:
    authors = ["Maria Lopez"]
    assert classify_line("Maria Lopez, Gazette, 3. Mai 2024, 10:15", authors) == "byline"
    assert classify_line("Maria Lopez, Gazette, 3. Mai 2024, 10:15 Uhr", authors) is None


def test_a_byline_matches_any_of_the_authors_and_none_that_it_does_not_name() -> None:
    assert classify_line("Maria Lopez", ["John Smith", "Maria Lopez"]) == "byline"
    assert classify_line("Weather update", ["Maria Lopez"]) is None
    # a name of five characters is long enough to be looked for, one of four is not
    assert classify_line("Al Li", ["Al Li"]) == "byline"
    assert classify_line("Von Al L", ["Al L"]) is None
    assert classify_line("Groß", ["Groß"]) is None  # four letters, whatever their case


def test_both_bios_in_the_last_two_blocks_go_and_are_counted() -> None:
    first = "Maria Lopez is a reporter at the Gazette."
    second = "John Smith is a columnist for the Gazette."
    out = remove_boilerplate("\n".join([PROSE, first, second]))
    assert (out.text, out.removed) == (PROSE, {"bio": 2})


def test_a_bio_of_exactly_eighty_words_goes() -> None:
    bio = _words_to("Maria Lopez is a reporter at the Gazette and", 80, ".")
    assert remove_boilerplate("\n".join([PROSE, bio])).text == PROSE
    longer = _words_to("Maria Lopez is a reporter at the Gazette and", 81, ".")
    assert remove_boilerplate("\n".join([PROSE, longer])).text == f"{PROSE}\n\n{longer}"


def test_an_about_box_second_of_three_blocks_goes_with_the_box() -> None:
    box = "The series looks at how cities adapt to the heat, one summer at a time."
    out = remove_boilerplate("\n".join([PROSE, "About this series", box]))
    assert (out.text, out.removed) == (PROSE, {"about": 2})


def test_a_teaser_heading_takes_at_most_twelve_lines_after_it() -> None:
    links = [f"Harbour story number {k} of the week" for k in range(1, 14)]
    out = remove_boilerplate("\n".join([PROSE, "Auch interessant", *links]))
    assert out.text == f"{PROSE}\n\n{links[12]}"
    assert out.removed == {"related": 13}


def test_a_teaser_line_is_at_most_sixteen_words() -> None:
    at_limit = _words_to("Harbour story", 16)
    out = remove_boilerplate("\n".join([PROSE, "Auch interessant", at_limit]))
    assert out.text == PROSE
    longer = _words_to("Harbour story", 17)
    out = remove_boilerplate("\n".join([PROSE, "Auch interessant", longer]))
    assert out.text == f"{PROSE}\n\n{longer}"


def test_exact_and_contained_repeats_are_counted_together() -> None:
    quote = "We ran out of fuel and the power is cut off."
    holder = f"The director of the hospital said: {quote} The wards are closed."
    line = "A line that the page printed twice, word for word."
    out = remove_boilerplate("\n".join([holder, line, quote, line]))
    assert out.text == f"{holder}\n\n{line}"
    assert out.removed == {"repeat": 2}


def test_a_quoted_block_is_found_without_its_quotation_marks() -> None:
    quote = "We ran out of fuel and the power is cut off."
    holder = f"The director of the hospital said: {quote} The wards are closed."
    out = remove_boilerplate("\n".join([holder, f"“{quote}”"]))
    assert out.text == holder


def test_contained_repeat_limits_are_inclusive() -> None:
    from tasks.clean.boilerplate import REPEAT_MAX_WORDS, REPEAT_MIN_CHARS

    # the shortest: six one-letter words and a full stop, exactly REPEAT_MIN_CHARS long
    tiny = "a b c d e f."
    assert len(tiny) == REPEAT_MIN_CHARS
    holder = f"{PROSE} Then a b c d e f. And more."
    assert remove_boilerplate("\n".join([holder, tiny])).text == holder
    # the longest: REPEAT_MAX_WORDS words, found in a longer paragraph; one more word stays
    for words, gone in ((REPEAT_MAX_WORDS, True), (REPEAT_MAX_WORDS + 1, False)):
        block = _words_to("The harbour", words, ".")
        holder = f"{block} {PROSE}"
        out = remove_boilerplate("\n".join([holder, block])).text
        assert out == (holder if gone else f"{holder}\n\n{block}")


def test_a_heading_of_twelve_words_repeated_goes_and_one_ending_in_a_letter_stays() -> None:
    heading = _words_to("Harbour", 12)
    holder = f"{heading} opens the paragraph. {PROSE}"
    assert remove_boilerplate("\n".join([heading, holder])).text == holder
    short = "Apple named the system Mac OS X"
    holder = f"{short} in 2001, after a decade of work."
    assert remove_boilerplate("\n".join([short, holder])).text == f"{short}\n\n{holder}"


def test_the_repeat_pass_runs_on_a_text_of_exactly_its_size_limit() -> None:
    from tasks.clean.boilerplate import REPEAT_MAX_CHARS, _drop_contained_repeats

    quote = "We ran out of fuel and the power is cut off."
    holder = f"The director said: {quote} The wards are closed."
    pad = "x" * (REPEAT_MAX_CHARS - len(quote) - len(holder) - 2)
    kept, removed = [quote, holder, pad], {}
    _drop_contained_repeats(kept, removed)
    assert (kept, removed) == ([holder, pad], {"repeat": 1})
    kept, removed = [quote, holder, pad + "x"], {}
    _drop_contained_repeats(kept, removed)
    assert (kept, removed) == ([quote, holder, pad + "x"], {})


def test_a_dated_label_field_has_at_most_twelve_words() -> None:
    assert classify_line(" | ".join([_words_to("Bridge", 12), "2 May 2024"])) == "date"
    assert classify_line(" | ".join([_words_to("Bridge", 13), "2 May 2024"])) is None


def test_a_title_dropped_as_the_first_block_is_counted_as_title() -> None:
    out = remove_boilerplate(f"Harbour bridge reopens\n{PROSE}", title="Harbour Bridge Reopens")
    assert (out.text, out.removed) == (PROSE, {"title": 1})


def test_a_long_copyright_line_is_legal_only_when_it_opens_with_the_sign() -> None:
    assert classify_line(_words_to("© 2024 Harbour Trust. All rights reserved.", 30)) == "legal"
    # past the 25 words of the plain rule, "All rights reserved" in a sentence that does
    # not open with © is the start of a story's sentence as often as small print
    line = _words_to("All rights reserved, the trust said, and it published", 30, ".")
    assert classify_line(line) is None


@pytest.mark.parametrize(("line", "rule"), [
    # a pager in French and Spanish, a file label in kilobytes or marked not accessible
    ("Resultados 1 - 20 de 45 resultados", "ui"),
    ("Produits 1 - 20 sur 45 products", "ui"),
    ("PDF | 38 KB", "ui"),
    ("Jahresbericht 2023: Datei ist nicht barrierefrei", "ui"),
    # a navigation or contact line that ends a sentence, or a membership line that asks
    ("« Zurück zu den Veranstaltungen.", None),
    ("Pressesprecherin: Anna Muster.", None),
    ("Werden Sie Mitglied der Feuerwehr?", None),
    ("Werden Sie Mitglied bei Harbour", "cta"),
])
def test_prefilters_and_sentence_ends_of_short_labels(line: str, rule: str | None) -> None:
    assert classify_line(line) == rule


def test_an_arrowed_teaser_is_at_most_thirty_words() -> None:
    at_limit = ">> " + _words_to("Wegen", 30) + " <<"
    assert classify_line(at_limit) == "related"
    assert classify_line(">> " + _words_to("Wegen", 31) + " <<") is None


def test_the_longest_exact_ui_labels_go() -> None:
    from tasks.clean.boilerplate import _UI_EXACT, _words

    longest = max(_UI_EXACT, key=_words)
    assert _words(longest) == 5
    assert classify_line(longest.capitalize()) == "ui"


@pytest.mark.parametrize(("heading", "takes_the_list"), [
    # a cue heading of twelve words, or a related line of seven, introduces a list
    ("Lesen Sie auch " + " ".join(["stone"] * 8) + " Beiträge:", True),
    ("LE PUEDE INTERESAR: La ficha del candidato", True),
    # a related line of eight words, or an inline teaser, is one teaser: the next stays
    ("LE PUEDE INTERESAR: La ficha del candidato electo", False),
    ("WATCH: Biden speaks in Iowa", False),
])
def test_which_related_lines_take_the_teaser_list_after_them(heading, takes_the_list) -> None:
    teaser = "Harbour news of the week"
    out = remove_boilerplate("\n".join([PROSE, heading, teaser])).text
    assert out == (PROSE if takes_the_list else f"{PROSE}\n\n{teaser}")


# Cyrillic look-alikes in Latin words: а е і о с у ѕ х (the ad box of a dev page)
_DISGUISED = "Аdvеrtіѕе wіth thе most visited news site ~ Wе оffеr fullу сuѕtоmіzаblе packages."


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (_DISGUISED, "disguised"),
        ("Соntасt uѕ аt our newsroom today.", "disguised"),  # exactly three mixed words
        ("Соntасt uѕ at our newsroom today.", None),  # two: "at" is plain Latin here
        ("| Vitamin D | 1,3 μg | (7 %) | | mehr |", None),  # one unit word
        ("Москва и Berlin: iPhone-продажи выросли, сообщает Reuters.", None),  # whole words
        ("Die Partei „Единая Россия“ gewann die Wahl in Moskau deutlich.", None),
        ("Ο δήμαρχος της Αθήνας συνάντησε τον CEO της Siemens χθες.", None),
        # Greek look-alikes count as Cyrillic ones do
        ("Τhе ΝΑΤΟ summit оpеnеd ΤОDΑΥ іn thе сіtу.", "disguised"),
    ],
)
def test_words_spelt_with_look_alike_letters_of_another_alphabet(line, rule) -> None:
    assert classify_line(line) == rule


def test_a_disguised_ad_box_goes_and_the_story_stays() -> None:
    after = "The mayor said the vote would be repeated if the court found any fault."
    out = remove_boilerplate(f"{PROSE}\n{_DISGUISED}\n{after}")
    assert out.text == f"{PROSE}\n\n{after}"
    assert out.removed == {"disguised": 1}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("FILE PHOTO: A man walks past a sign in London, Britain, May 2, 2020. "
         "REUTERS/Toby Melville/File Photo", "credit"),
        ("Rescue workers search the rubble in Kyiv, March 3, 2022. REUTERS/Valentyn Ogirenko",
         "credit"),
        ("A view shows the plant. REUTERS/Dado Ruvic/Illustration.", "credit"),
        ("Delegates arrive for the summit in Ankara. ANADOLU/Emin Sansar/Pool", "credit"),
        ("The ministry said on Tuesday it would publish the figures, Reuters reported.", None),
        ("Read the statement at reuters.com/world/europe before the vote.", None),
        ("The photographer signs her pictures REUTERS/Jane Doe in the archive, she said.",
         None),
        # credited through Getty, after the caption's last sentence
        ("Supporters gather outside the court in Paris on May 4, 2023. AFP via Getty Images",
         "credit"),
        ("Protesters in Lagos on Monday. Pius Utomi Ekpei/AFP via Getty Images", "credit"),
        ("The ship ran aground on Tuesday. Getty Images", "credit"),
        ("Who will lead the party after the vote? Getty Images", "credit"),
        ("The mayor at the opening (left, in blue) Getty Images", "credit"),
        ("The agency bought the archive, according to Getty Images.", None),
        ("The photos were licensed from Getty Images, the agency said.", None),
        # a BBC figure's labels in the text
        ("Image copyright Getty Images Image caption The ship ran aground on Tuesday", "credit"),
        ("Media caption Watch: the moment the bridge fell", "credit"),
        ("Image quality matters more than resolution, the study found.", None),
    ],
)
def test_a_wire_photo_caption_ending_in_agency_and_photographer(line, rule) -> None:
    assert classify_line(line) == rule


def test_a_wire_caption_is_at_most_sixty_words() -> None:
    def caption(words: int) -> str:  # the credit counts as three words
        return " ".join(["word"] * (words - 3)) + " REUTERS/Toby Melville"

    assert classify_line(caption(60)) == "credit"
    assert classify_line(caption(61)) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("CLICK HERE TO GET THE FOX NEWS APP", "cta"),
        ("CLICK HERE FOR MORE SPORTS COVERAGE ON FOXNEWS.COM", "cta"),
        ("For the full list of winners, click here.", "cta"),
        ("Watch Video", "ui"),
        ("Play video", "ui"),
        # prose of more than twenty words that happens to say it stays
        ("The children were told not to click here and there on strange links in emails "
         "sent by people they do not know, the police said.", None),
    ],
)
def test_link_labels_of_english_news_templates(line, rule) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Jane Doe/NPR", "credit"),
        ("Michael Jönsson/Visit Sweden", "credit"),
        ("Kjell Holmner/Göteborg & Co", "credit"),
        ("Besprochene Bücher / Literaturhinweise", None),  # a spaced slash: a heading
        ("Stellvertretender Geschäftsführer / Koordinator Leistungssport", None),
        ("Input/Output", None),  # one word before the slash
        ("The study by Jane Doe/NPR found more.", None),  # a sentence
    ],
)
def test_a_photographer_and_source_alone_on_a_line_is_a_credit(line, rule) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("___", "empty"),  # the rule before an AP contributor line
        ("* * *", "empty"),
        ("|---|---|", "empty"),  # a table's header rule
        ("| | |", "empty"),
        ("...", "empty"),
        ("。", "empty"),
        ("—", "empty"),
        ("=)", None),  # a blogger's smiley is words
        (":-)", None),
        ("2", None),
        ("},", None),
    ],
)
def test_lines_of_separators_alone_go(line, rule) -> None:
    assert classify_line(line) == rule


def test_a_table_keeps_its_rows_without_its_header_rule() -> None:
    table = "| Year | Votes |\n|---|---|\n| 2020 | 1,204 |"
    out = remove_boilerplate(f"{PROSE}\n{table}")
    assert out.text == f"{PROSE}\n\n| Year | Votes |\n\n| 2020 | 1,204 |"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Follow AP's coverage of the elections at https://apnews.com/hub/election-2020",
         "related"),
        ("More AP coverage of the pandemic: https://apnews.com/hub/coronavirus", "related"),
        ("More AP reporters are covering the trial this week than ever before, the editor "
         "said.", None),
        ("(AP Photo)", "credit"),
        ("File photo", "credit"),
        ("Staff photo by Jane Doe", "credit"),
        ("Photo illustration by Jane Doe", "credit"),
        ("Submitted photo.", "credit"),
        ("File photos show the damage.", None),
        ("The file photo was taken in 2019.", None),
        ("Tap here to add The Herald to your home screen", "cta"),
    ],
)
def test_wire_pointers_and_photo_labels_of_us_papers(line, rule) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("A version of this article appears in print on Oct. 5, 2019, Section A, Page 1 of "
         "the New York edition with the headline: Council Votes.", "ui"),
        ("Media playback is unsupported on your device", "ui"),
        ("These are external links and will open in a new window", "ui"),
        ("All quotes delayed a minimum of 15 minutes.", "ui"),
        ("Before it's here, it's on the Bloomberg Terminal.", "ui"),
        ("VIDEO 2:31 02:31 Inside the vote", "ui"),
        ("Please enable JavaScript to view the comments powered by Disqus.", "ui"),
        ("Copy this link", "ui"),
        ("Gift Article", "ui"),
        ("Follow us:", "ui"),
        ("Open this photo in gallery:", "ui"),
        ("Share this with Facebook", "ui"),
        ("Share this with WhatsApp", "ui"),
        ("We’re sorry, this feature is currently unavailable.", "ui"),
        ("We're sorry this feature is unavailable", "ui"),
        ("Story highlights", "ui"),
        ("Chat with us in Facebook Messenger. Find out what’s happening in the world as it "
         "unfolds.", "ui"),
        ("Scroll down for video", "ui"),
        ("Share or comment on this article:", "ui"),
        ("Visit Business Insider's homepage for more stories.", "ui"),
        ("Calling all HuffPost superfans!", "ui"),
        ("Do Not Sell My Personal Information", "ui"),
        ("Data is a real-time snapshot *Data is delayed at least 15 minutes.", "ui"),
        ("Keep reading", "ui"),
        ("Show full article", "ui"),
        ("Close this dialog window", "ui"),
        ("Terms of Service", "ui"),
        ("Privacy Policy", "ui"),
        ("Share or comment on this article, readers were told, and they did.", None),
        ("Share this with the people you love, the poster said.", None),
        ("We're sorry, the mayor said, this feature of the bridge is unavailable.", None),
        # the same words in prose stay
        ("Video 12:30 was when the broadcast started, he said, and the crowd had gathered.",
         None),
        ("A version of this plan was rejected by the council in 2019, the mayor said.", None),
        ("All quotes in this story were checked with the speakers before publication.", None),
    ],
)
def test_fixed_notes_of_english_news_templates(line, rule) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Write to Jane Doe at jane.doe@wsj.com", "bio"),
        ("Email Jane Doe at jdoe@example.com.", "bio"),
        ("Jane Doe can be reached at jdoe@herald.com or 555-1234.", "bio"),
        ("Reach Jane Doe at jdoe@herald.com. Follow her on Twitter @janedoe.", "bio"),
        # no address, or no writer: a story's own sentence
        ("Contact Anne Althaus at the town hall for details.", None),
        ("Readers can be reached at the hall.", None),
        ("The mayor can be reached at city hall most days, his office said.", None),
    ],
)
def test_how_to_reach_the_writer_is_the_author_box(line, rule) -> None:
    assert classify_line(line) == rule


def test_a_long_word_is_looked_at_in_linear_time() -> None:
    """The first look-alike pattern ("\\w*<seam>\\w*" over the line) backtracked through
    every long word: a 16,000-letter Cyrillic "word" took 6 s, 200,000 letters hours. Now
    milliseconds; the deadline only turns a regression into a failure instead of a hang
    (a child process, killed at the deadline)."""
    import subprocess
    import sys

    code = ("from tasks.clean.boilerplate import classify_line as c\n"
            "assert c('\u0434' * 200_000) is None\n"
            "assert c(' '.join(['w\u0456th'] * 40_000)) == 'disguised'\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_wire_pointer_is_at_most_30_words_long() -> None:
    pointer = ("More AP coverage of the flood, from the towns along the river that lost their "
               "bridges to the farms still under water in the valley: "
               "https://apnews.com/hub/floods")  # 30 words (the address counts 5)
    assert classify_line(pointer) == "related"
    assert classify_line(pointer.replace("the valley", "the green valley")) is None


def test_a_template_note_is_at_most_40_words_long() -> None:
    note = ("A version of this article appears in print on Feb. 3, 2022, Section A, Page 1 of "
            "the New York edition with the headline: After Years of Delays, the City Opens Its "
            "New Bridge Over the Harlem River to Traffic.")  # 40 words
    assert classify_line(note) == "ui"
    assert classify_line(note.replace("City Opens", "City Finally Opens")) is None


def test_a_follow_line_naming_one_network_is_at_most_20_words_long() -> None:
    # a network and a follow, but no "follow us on": _CTA would take that first, also at 20
    line = ("Follow @janedoe on Twitter for updates from the statehouse, the budget talks and "
            "the race for governor through the fall.")  # 20 words
    assert classify_line(line) == "cta"
    assert classify_line(line.replace("the fall", "the long fall")) is None


def test_how_to_reach_the_writers_is_at_most_30_words_long() -> None:
    line = ("Write to Jane Doe at jane.doe@wsj.com, John Smith at john.smith@wsj.com, Emma Brown "
            "at emma.brown@wsj.com and Tom Lee at tlee@wsj.com")  # 30 words (an address 3-4)
    assert classify_line(line) == "bio"
    assert classify_line(line.replace("tlee@", "tom.lee@")) is None


@pytest.mark.parametrize("line", ["Xinhua", "Xinhua via Getty Images"])
def test_an_agency_credit_that_begins_with_an_x(line) -> None:
    # the table-cell pipes are stripped from the ends, and nothing else
    assert classify_line(line) == "credit"
    assert classify_line(f"| {line} |") == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "Tickets cost $25 and are on sale at the box office and online "
        "(harbourtheatre.org/tickets)",
        "The council will vote on the plan on 3/4 (a Tuesday)",
    ],
)
def test_a_sentence_ending_in_brackets_with_a_slash_is_no_credit(line) -> None:
    # a credit in brackets is "(Name Surname/Outlet)" after the caption's last sentence
    assert classify_line(line) is None


def test_a_labelled_caption_is_a_credit_up_to_its_word_limit() -> None:
    from tasks.clean.boilerplate import AGENCY_CAPTION_MAX_WORDS

    words = ("Header Image: people have lived in these forests for thousands of years "
             * 20).split()
    assert classify_line(" ".join(words[:AGENCY_CAPTION_MAX_WORDS])) == "credit"
    # past it, a paragraph of prose that opens with a label-like phrase stays
    assert classify_line(" ".join(words[:AGENCY_CAPTION_MAX_WORDS + 1])) is None


# --- session 36: a link's label pointing with an arrow ---------------------------------------

@pytest.mark.parametrize("line", [
    "For further details >",  # under a KBS World story
    "Jetzt 1000 Euro Kredit sichern »",
    "Jan »",  # a blog's link to the next month
    "- Home ›",  # a breadcrumb's item
    "Read more →",
    "All events >>",
])
def test_a_short_link_label_ending_in_an_arrow_goes(line: str) -> None:
    assert classify_line(line) == "related"


@pytest.mark.parametrize("line", [
    "« Je ne fais pas que voter blanc, je le bois aussi »",  # a French quote
    "‹ Pas de retour en arrière ›",
    "He said that 3 > 2",  # the sign inside the line
    "That was the end. >",  # a sentence ends before the arrow
    "Is it over? >",
    "Rates rose → fell",
    "x<y and y>",  # no space before it: markup or a formula, not a pointer
])
def test_a_quote_a_sentence_or_an_arrow_inside_the_line_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", ["Zugehörige Themenseiten:", "Verwandte Themen"])
def test_a_label_of_the_topic_pages_linked_under_a_story_goes(line: str) -> None:
    assert classify_line(line) == "related"


def test_a_sentence_on_related_topics_stays() -> None:
    assert classify_line("Verwandte Themen wie die Energiewende kamen nicht zur Sprache, "
                         "sagte die Ministerin am Dienstag.") is None


@pytest.mark.parametrize("line", [
    # a regional site's sign-up box between a story's paragraphs (corkbeo.ie)
    "Simply pop your email into the box at the top of this article and get all the "
    "latest news and entertainment direct to you",
    "Every day we'll send you a roundup email of all the latest from Cork covering news, "
    "entertainment and sport, all in one handy email.",
    "You can unsubscribe from this service at any time. And rest assured that your data "
    "will not be shared with any other party.",
    "Enter your email address below to get our newsletter",
    # the form's message once sent (thepointsguy.com)
    "Sign-up Successful!",
    "Thank you for signing up!",
    "Thanks for subscribing.",
])
def test_a_sign_up_boxs_pitch_small_print_and_message_go(line: str) -> None:
    assert classify_line(line) == "cta"


@pytest.mark.parametrize("line", [
    "Police said the scammers asked victims to enter your email address into a fake form.",
    "The company said it would send you a refund by email within ten days.",
    "We'll send you home, the coach told the players after the defeat on Sunday.",
    "The sign-up successful applicants receive is a letter from the council in May.",
])
def test_a_sentence_about_emails_and_sign_ups_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", [
    "[Our Latest Forecast: Who Will Win The 2020 Democratic Primary?]",  # FiveThirtyEight
    "[Watch: The mayor on the budget]",
    "[More from our desk: Ferry strike ends]",
])
def test_a_promotion_in_square_brackets_goes(line: str) -> None:
    assert classify_line(line) == "related"


@pytest.mark.parametrize("line", [
    "[Editor's note: This story was updated on May 5.]",  # a full stop: a sentence
    "[UPDATE: The council voted on Tuesday]",  # notes about the story itself
    "[Correction: An earlier version misnamed the mayor]",
    "[Note: Figures are in euros]",
    "[Music]",
    "[1] Smith, J.: Title of a paper",  # a reference: the bracket closes first
    "[Five words of a label here: Title]",  # more than four words before the colon
    "Our Latest Forecast: Who Will Win The 2020 Democratic Primary?",  # no brackets
])
def test_a_bracketed_note_or_a_reference_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(("line", "rule"), [
    ("May 06, 2022 News", "date"),  # kaieteurnewsonline.com, above the story
    ("31.01.2016 Hardware", "date"),
    ("12.03.2021 Bundesliga", "date"),
    ("20. März 2021 - 15:00 Uhr Sport", "date"),  # a date with its time
    ("- 28 mai 2016 : AgoraVox", None),  # an item of a list of sources
    ("May 06, 2022 news", None),  # no section's name
    ("May 2022 Sales rose", None),
    ("On May 6, 2022 Police", None),
    ("May 06, 2022 Local-News", None),
])
def test_a_date_and_its_section_alone_is_a_label(line: str, rule: str | None) -> None:
    assert classify_line(line) == rule


def test_what_follows_a_storys_end_mark_at_the_tail_goes() -> None:
    """villagevoice.com: the story ends "... read that book.” ❖", then a note on the
    page's advertising disclaimer; The Economist ends its stories with ■."""
    story = ("The council met on Monday to vote on the bridge plan.\n\n"
             "“We will build it,” the mayor said. ❖\n\n"
             "NOTE: The advertising disclaimer below does not apply to this article.")
    got = remove_boilerplate(story)
    assert got.text.endswith("the mayor said. ❖") and got.removed == {"after_end": 1}
    economist = "The bank held its rate.\n\nMarkets fell on the news ■\n\nMore from Finance"
    assert remove_boilerplate(economist).text.endswith("news ■")
    # a list of ■-bullets puts its marks first; a mark early in a long text is no end
    bullets = "■ First item of the list\n\n■ Second item of the list\n\nThe last paragraph."
    assert remove_boilerplate(bullets).text == bullets
    early = "\n\n".join(["Intro ends here ■"] + [f"Paragraph {i} of the story." for i in range(5)])
    assert remove_boilerplate(early).text == early
    # three blocks after the mark go (END_MARK_TAIL_BLOCKS), four are the story's
    for after, kept in ((3, 1), (4, 5)):
        text = "\n\n".join(["The story ends here. ❖"]
                             + [f"Block {i} of the page's tail." for i in range(after)])
        assert len(remove_boilerplate(text).text.split("\n\n")) == kept, after


def test_a_more_stories_heading_with_words_between_leads_a_teaser_list() -> None:
    # wired.com's "More Great WIRED Stories" before its list of other stories
    text = ("The last sentence of the story ends here, as the author said.\n\n"
            "More Great WIRED Stories\n\n- Chris Evans goes to Washington\n\n"
            "- What Atlanta can teach tech about cultivating black talent")
    assert remove_boilerplate(text).text == (
        "The last sentence of the story ends here, as the author said.")
    assert classify_line("More Top Stories") == "related"
    assert classify_line("More than 20 people told their stories to the court.") is None


def test_a_recommended_label_alone_is_a_teaser_heading_but_recommendations_are_not() -> None:
    for label in ("Empfohlen", "Recomendados", "Recommandés"):
        assert classify_line(label) == "related", label
    # "Empfehlungen" heads a report's recommendations (umweltbundesamt.de)
    assert classify_line("Empfehlungen") is None


def test_a_related_headings_list_goes_whole_sentences_and_all() -> None:
    # wired.com's list went on with teasers that are sentences; a list item ("- ") after
    # the heading is a teaser whatever its punctuation, up to 30 words
    story = "The last sentence of the story ends here, as the author said."
    items = ["- Here's what the world will look like in 2030 ... right?",
             "- Want the best tools to get healthy? Check out our Gear team's picks.",
             "- " + _words_to("Harbour story", 30)]
    out = remove_boilerplate("\n\n".join([story, "More Great WIRED Stories", *items]))
    assert (out.text, out.removed) == (story, {"related": 4})
    longer = "- " + _words_to("Harbour story", 31)
    out = remove_boilerplate("\n\n".join([story, "More Great WIRED Stories", longer]))
    assert out.text == f"{story}\n\n{longer}"
    # the list ends where the items do: a paragraph after it stays
    out = remove_boilerplate("\n\n".join([story, "Related stories", items[0], PROSE]))
    assert out.text == f"{story}\n\n{PROSE}"
    # teasers that are no list items still stop at a sentence
    out = remove_boilerplate("\n\n".join([story, "Related stories", "Bus lanes approved",
                                           "Want the best tools? Check out our picks."]))
    assert out.text == f"{story}\n\nWant the best tools? Check out our picks."


def test_a_sign_up_call_closing_the_text_goes_with_the_question_leading_into_it() -> None:
    # blog.amp.dev: longer than a call-to-action line may be (20 words), at the text's end
    call = ("Then sign up for our email newsletter to get the latest updates, event "
            "announcements, community discussions, and advanced tutorials straight to your "
            "inbox.")
    out = remove_boilerplate("\n\n".join([PROSE, "Interested in learning more about AMP?",
                                         call]))
    assert (out.text, out.removed) == (PROSE, {"cta": 2})
    # within the last 2 blocks; a third block from the end stays
    tail = "The ferry timetable for the summer is printed in the harbour office's window."
    out = remove_boilerplate("\n\n".join([PROSE, call, tail]))
    assert out.text == f"{PROSE}\n\n{tail}"
    out = remove_boilerplate("\n\n".join([PROSE, call, tail, tail + " Again."]))
    assert call in out.text
    # up to 50 words; a question of up to 10 words leads into it
    at_limit = _words_to("Subscribe to our letter", 50)
    assert remove_boilerplate(f"{PROSE}\n\n{at_limit}").text == PROSE
    longer = _words_to("Subscribe to our letter", 51)
    assert longer in remove_boilerplate(f"{PROSE}\n\n{longer}").text
    for words, kept in ((10, False), (11, True)):
        question = _words_to("Want more", words, "harbour?")
        out = remove_boilerplate("\n\n".join([PROSE, question, call]))
        assert (question in out.text) is kept, words
    # a story's sentence about signing up, and a text that is only the call, stay
    story = ("Residents who want to use the new ferry between the two harbours this summer "
             "can sign up for a pass at the town hall from Monday, the mayor said.")
    assert remove_boilerplate(f"{PROSE}\n\n{story}").text == f"{PROSE}\n\n{story}"
    assert remove_boilerplate(call).text == call


def test_a_short_question_right_before_a_call_to_action_goes_with_it() -> None:
    for question in ("Want more stories like this?", _words_to("Want more", 10, "harbour?")):
        out = remove_boilerplate("\n\n".join([PROSE, question, "Subscribe to our newsletter."]))
        assert (out.text, out.removed) == (PROSE, {"cta": 2}), question
    # a longer question, a question with a line between, a statement: they stay
    longer = _words_to("Want more", 11, "harbour?")
    between = "The ferry runs every hour."
    for lines in ([PROSE, longer, "Subscribe to our newsletter."],
                  [PROSE, "Want more?", between, "Subscribe to our newsletter."],
                  [PROSE, between, "Subscribe to our newsletter."]):
        out = remove_boilerplate("\n\n".join(lines))
        assert out.text == "\n\n".join(lines[:-1]), lines
    # never the text's first block
    out = remove_boilerplate("\n\n".join(["Want more?", "Subscribe to our newsletter.", PROSE]))
    assert out.text == f"Want more?\n\n{PROSE}"


# --- seed 53: the survivors of every mutant of boilerplate.py besides classify_line ---


def test_a_teaser_title_ending_in_a_capital_x_is_still_a_title() -> None:
    # a related list's title that names X (formerly Twitter) ends in a letter, not in the
    # full stop of "vs." before it: it goes with the list
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([story, "Read more:", "Threads vs. X",
                                          "Bus lanes approved", PROSE]))
    assert (out.text, out.removed) == (f"{story}\n\n{PROSE}", {"related": 3})


@pytest.mark.parametrize("bullet", ["-", "*", "•"])
def test_a_dated_source_in_a_list_stays_whatever_its_bullet(bullet: str) -> None:
    # a list of sources under a story, typed with a star or a bullet sign
    assert classify_line(f"{bullet} 28 mai 2016 : AgoraVox") is None
    text = "\n\n".join([PROSE, "Sources :", f"{bullet} 28 mai 2016 : AgoraVox",
                        f"{bullet} 2 juin 2016 : Le Monde"])
    assert remove_boilerplate(text).text == text


@pytest.mark.parametrize("heading", ["Top stories:", "Trending:", "Most popular:",
                                     "Editor's picks »", "Latest news |"])
def test_a_teaser_box_heading_with_its_colon_or_arrow_takes_its_list(heading: str) -> None:
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([story, heading, "Bus lanes approved",
                                          "Ferry fares rise in the spring", PROSE]))
    assert (out.text, out.removed) == (f"{story}\n\n{PROSE}", {"related": 3}), heading


def test_a_cue_line_of_twelve_words_is_a_heading_and_of_thirteen_a_teaser() -> None:
    # "Lesen Sie auch: ...:" of up to 12 words heads the list after it; a longer one is a
    # teaser with its own title, and the story's subheading after it stays
    heading = "Lesen Sie auch: Was die Reform für Pendler in Berlin-Mitte bedeutet:"
    teaser = "Lesen Sie auch: Was die Reform für Pendler in Berlin und Umland bedeutet:"
    subheading = "Die Reaktionen im Landtag"
    prose = ("Die Opposition kritisierte die Pläne am Dienstag scharf, die Regierung will "
             "im Herbst über die Details beraten.")
    out = remove_boilerplate("\n\n".join([PROSE, heading, "Neue Regeln für Pendler ab Januar",
                                          "Das Deutschlandticket wird teurer", prose]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{prose}", {"related": 3})
    out = remove_boilerplate("\n\n".join([PROSE, teaser, subheading, prose]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{subheading}\n\n{prose}", {"related": 1})


def test_the_question_before_a_call_goes_after_a_story_of_several_blocks() -> None:
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([PROSE, story, "Want more stories like this?",
                                          "Subscribe to our newsletter."]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{story}", {"cta": 2})


_SIGN_UP_CALL = ("Then sign up for our email newsletter to get the latest updates, event "
                 "announcements, community discussions, and advanced tutorials straight to "
                 "your inbox.")


def test_a_sign_up_call_after_a_first_block_that_is_a_question_leaves_the_question() -> None:
    # never the text's first block, even when it is a short question
    question = "Interested in learning more about AMP?"
    out = remove_boilerplate(f"{question}\n\n{_SIGN_UP_CALL}")
    assert (out.text, out.removed) == (question, {"cta": 1})


def test_a_closing_sign_up_call_adds_to_the_texts_other_calls_to_action() -> None:
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([PROSE, "Follow us on Twitter", story,
                                          "Interested in learning more about AMP?",
                                          _SIGN_UP_CALL]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{story}", {"cta": 3})


# The limits of the closing about box and of contained repeats, by their values (the tests
# above read the constants, so they would follow a changed constant).


def test_an_about_box_of_a_heading_and_two_paragraphs_goes_and_of_three_stays() -> None:
    box = ["The series looks at how cities adapt to the heat, one summer at a time.",
           "It is supported by a grant from the harbour foundation, which has no say in it.",
           "Next week: the water towers of the old port."]
    out = remove_boilerplate("\n".join([PROSE, "About this series", *box[:2]]))
    assert (out.text, out.removed) == (PROSE, {"about": 3})
    text = "\n".join([PROSE, "About this series", *box])
    assert remove_boilerplate(text).text == "\n\n".join([PROSE, "About this series", *box])


@pytest.mark.parametrize(("quote", "gone"), [
    ("The power is cut off.", False),  # 5 words: a short sentence may well recur
    ("The power is cut off again.", True),  # 6 words
])
def test_a_contained_sentence_repeats_from_six_words(quote: str, gone: bool) -> None:
    holder = f"The director of the hospital said: {quote} The wards are closed."
    out = remove_boilerplate("\n".join([holder, quote])).text
    assert out == (holder if gone else f"{holder}\n\n{quote}")


@pytest.mark.parametrize(("heading", "gone"), [
    ("How the harbour plans to adapt its port to rising seas", False),  # 11 words
    ("How the harbour city plans to adapt its port to rising seas", True),  # 12 words
])
def test_a_heading_opening_a_paragraph_is_a_repeat_from_twelve_words(heading: str,
                                                                      gone: bool) -> None:
    holder = f"{heading} is the question the council debated on Tuesday."
    out = remove_boilerplate("\n".join([heading, holder])).text
    assert out == (holder if gone else f"{heading}\n\n{holder}")


@pytest.mark.parametrize(("words", "gone"), [(80, True), (81, False)])
def test_a_contained_repeat_is_at_most_eighty_words(words: int, gone: bool) -> None:
    block = _words_to("The harbour", words, ".")
    holder = f"{block} {PROSE}"
    out = remove_boilerplate("\n".join([holder, block])).text
    assert out == (holder if gone else f"{holder}\n\n{block}")


@pytest.mark.parametrize(("size", "gone"), [(200_000, True), (200_001, False)])
def test_contained_repeats_are_looked_for_in_texts_of_up_to_200000_characters(
        size: int, gone: bool) -> None:
    quote = "We ran out of fuel and the power is cut off."
    holder = f"The director said: {quote} The wards are closed."
    # the blocks joined by a newline each: the pass's own measure of the text
    pad = "x" * (size - len(quote) - len(holder) - 2)
    out = remove_boilerplate("\n".join([quote, holder, pad]))
    assert (quote not in out.text.split("\n\n")) is gone


@pytest.mark.parametrize("line", [
    "View this post on Instagram", "Sieh dir diesen Beitrag auf Instagram an",
    "Ver esta publicación en Instagram", "Voir cette publication sur Instagram.",
    "View this video on TikTok",
])
def test_an_embedded_posts_call_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


def test_a_sentence_about_viewing_a_post_stays() -> None:
    # the call is the whole line; a story telling readers where to look keeps its line
    assert classify_line("Fans can view this post on Instagram until Friday.") is None
    assert classify_line("Sieh dir diesen Beitrag auf Instagram an, schrieb sie.") is None
    out = remove_boilerplate("The singer thanked her fans.\nSieh dir diesen Beitrag auf "
                             "Instagram an\nShe will tour again next year.")
    assert out.text.split("\n\n") == ["The singer thanked her fans.",
                                      "She will tour again next year."]


@pytest.mark.parametrize("line", [
    "Estimated reading time: 6 minutes", "Read time: 3 min", "Tiempo de lectura: 3 minutos",
    "Temps de lecture : 4 min", "Lesedauer: ca. 3 Minuten", "Czas czytania: 5 minut",
    "Leestijd 2 minuten", "Tiempo estimado de lectura: ca. 3 minutos",  # seven words, the most
])
def test_a_reading_time_label_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", [
    "Tiempo de lectura: 3 minutos por día, recomienda el estudio a los padres.",
    "Temps de lecture : le rapport en demande plus aux élèves",
])
def test_a_sentence_opening_like_a_reading_time_label_stays(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", ["Hide Images", "Show images"])
def test_a_recipes_image_toggle_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", ["UK news in pictures", "World news in pictures",
                                  "The week in pictures", "Day in pictures",
                                  "Northern Ireland politics news in pictures"])
def test_a_gallerys_label_is_related(line: str) -> None:
    assert classify_line(line) == "related"


@pytest.mark.parametrize("line", ["The news in pictures was grim.", "Ukraine war in pictures",
                                  "2024 news in pictures"])
def test_other_lines_about_pictures_stay(line: str) -> None:
    # a sentence, a gallery of the story's own subject, a label with a number: not the
    # template's gallery label
    assert classify_line(line) is None




STORY = ("The council approved the budget on Tuesday after a long debate about the new bridge "
         "and the harbour.\nIt will vote again in June on the second part of the plan, "
         "officials said.")


@pytest.mark.parametrize("bio", [
    "Jane Doe is a freelance writer based in Brooklyn.",
    "Jane Doe is a former reporter for the Times and now writes books.",
    "Jane Doe covers politics for The Gazette. Reach her at jane@gazette.com.",
    "Anna Berg Smith writes about health for the Herald. You can reach her on Twitter @anna.",
    "Mark Lee reports on courts and crime. He can be reached at 555-0100.",
])
def test_a_bio_by_title_or_by_beat_and_contact_ends_no_story(bio: str) -> None:
    out = remove_boilerplate(f"{STORY}\n{bio}")
    assert out.text == STORY.replace("\n", "\n\n")
    assert out.removed == {"bio": 1}


@pytest.mark.parametrize("last", [
    "Jane Doe covers politics for The Gazette.",  # the beat without a contact
    "The insurance covers damages for residents. Contact them at the office, the mayor said.",
])
def test_a_last_line_that_only_opens_like_a_beat_bio_stays(last: str) -> None:
    assert remove_boilerplate(f"{STORY}\n{last}").text.endswith(last)


def test_a_beat_bio_in_the_middle_of_a_story_stays() -> None:
    bio = "Jane Doe covers politics for The Gazette. Reach her at jane@gazette.com."
    text = f"{bio}\n{STORY}\nThe mayor will speak on Friday.\nThe vote is in June."
    assert bio in remove_boilerplate(text).text


@pytest.mark.parametrize("line", [
    "The Associated Press receives support from the Walton Family Foundation for coverage of "
    "water and environmental policy. The AP is solely responsible for all content.",
    "The Associated Press Health and Science Department receives support from the Howard "
    "Hughes Medical Institute’s Science and Educational Media Group. The AP is solely "
    "responsible for all content.",
    "The Associated Press’ climate and environmental coverage receives financial support from "
    "multiple private foundations. AP is solely responsible for all content.",
])
def test_the_wires_funding_note_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


def test_a_sentence_citing_the_wire_on_support_stays() -> None:
    line = "The Associated Press reported that the company receives support from investors."
    assert classify_line(line) is None


VIDEOJS_DIALOG = (
    "This is a modal window. Beginning of dialog window. Escape will cancel and close the "
    "window. Text Color White Black Red Green Blue Yellow Magenta Cyan Transparency Opaque "
    "Semi-Transparent Background Color Black White Red Green Blue Yellow Magenta Cyan "
    "Transparency Opaque Semi-Transparent Transparent Font Size 50% 75% 100% 125% 150% 175% "
    "200% 300% 400% Text Edge Style None Raised Depressed Uniform Dropshadow Font Family "
    "Proportional Sans-Serif Monospace Sans-Serif Reset restore all settings to the default "
    "values Done Close Modal Dialog End of dialog window.")


@pytest.mark.parametrize("line", [
    VIDEOJS_DIALOG, "This is a modal window.", "End of dialog window.", "Current Time 0:00",
    "Duration 2:31", "Loaded: 0%", "Your browser does not support the video tag.",
    "Sorry, the video player failed to load.(Error Code: 101102)",
    "Please enable JavaScript to view this content", "Now Playing", "Tap to unmute",
    "Next image", "Top of page", "A A A", "1 of 12", "Photo 3/10", "Slide 3 of 10",
])
def test_a_players_and_a_gallerys_text_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


def test_a_players_dialog_is_ui_up_to_150_words() -> None:
    words = len(re.findall(r"\w+", VIDEOJS_DIALOG))  # "Semi-Transparent" is two words
    line = VIDEOJS_DIALOG + " Close" * (150 - words)
    assert classify_line(line) == "ui"
    assert classify_line(line + " Close") is None


@pytest.mark.parametrize("line", [
    "1/4", "3 of 4 people said no", "Duration of the strike was two weeks.",
    "The video is not available in Germany, the broadcaster said.",
])
def test_quantities_and_sentences_like_a_players_text_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(("line", "rule"), [
    ("Load more", "ui"), ("Send any friend a story", "ui"), ("Have Your Say", "ui"),
    ("Don’t miss", "related"), ("Don't miss:", "related"),
    ("Our journalism needs your support", "cta"),
    ("Menu", "ui"), ("Search", "ui"), ("Submit", "ui"), ("Email address", "ui"),
    ("About sharing", "ui"), ("Join the conversation", "ui"), ("Comments (12)", "ui"),
    ("You May Like", "related"), ("From the Web", "related"),
    ("Sponsored Links by Taboola", "related"), ("Full coverage", "related"),
    ("Elsewhere on the BBC", "related"), ("Around the BBC", "related"),
    ("Already have an account? Log in", "cta"), ("Already have an account? Sign in", "cta"),
])
def test_template_lines_of_english_news_sites(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "Don't miss the concert on Friday, the mayor said.",
    "Search and rescue teams worked through the night.", "Comments (12 of them) poured in",
    "Already have an account? Most customers of the bank do, the survey found.",
])
def test_sentences_around_template_words_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", ["Continue to page 2", "Go to page 3", "1 2 3 Next",
                                  "« 1 2 3 »", "‹ 1 2 3", "< 2 >"])
def test_a_multi_page_storys_page_steps_are_ui(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", ["1 2 3", "2 3 4 next week", "1 in 3 people"])
def test_numbers_without_a_step_stay(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize("line", [
    "The BBC is not responsible for the content of external sites.",
    "We are not responsible for the content of external websites. Read about our approach.",
])
def test_a_sites_disclaimer_of_its_links_is_ui(line: str) -> None:
    assert classify_line(line) == "ui"


IMPORTED_EMBED = ("This content is imported from Twitter. You may be able to find the same "
                  "content in another format, or you may be able to find more information, at "
                  "their web site.")


@pytest.mark.parametrize(("line", "rule"), [
    ("Submit a correction", "ui"), ("Suggest a correction", "ui"),
    ("— Reuters", "credit"), ("– The Associated Press", "credit"), ("- AFP", "credit"),
    ("Picture: Getty", "credit"), ("Pic: PA", "credit"), ("Pictures: Jane Doe", "credit"),
    (IMPORTED_EMBED, "ui"), ("This content is imported from YouTube.", "ui"),
    ("You may be able to find the same content in another format, or you may be able to "
     "find more information, at their web site.", "ui"),
    ("When readers buy products we write about, we may earn affiliate commissions.", "ui"),
    ("If you buy something through one of these links, we may earn an affiliate "
     "commission.", "ui"),
    ("If you buy something through our links, we may earn money from our affiliate "
     "partners.", "ui"),
    ("This post contains affiliate links.", "ui"),
    ("Die folgenden Angebote sind mit Affiliate-Links versehen.", "ui"),
    ("Story continues", "ui"), ("Sponsor Message", "ui"), ("Please Wait...", "ui"),
    ("Email This Story", "ui"), ("Buy Photo", "ui"), ("Sign in to comment", "ui"),
    ("Comment now", "ui"), ("Connect with the Reporter", "ui"), ("Show Thumbnails", "ui"),
    ("Sorry, something went wrong.", "ui"),
    ("A post shared by Jane Doe (@janedoe) on Mar 3, 2020 at 6:00pm PST", "ui"),
    ("A post shared by City Zoo (@city.zoo)", "ui"),
    ("You have reached your limit of free articles", "cta"),
    ("You’ve reached your maximum of free stories this month.", "cta"),
    ("Do you have a news tip? Send it to tips@example.com.", "cta"),
    ("Have a story idea? Email us.", "cta"),
    ("Read or Share this story: https://www.usatoday.com/story/news/2020/03/03/x/123/", "ui"),
    ("By clicking submit, you agree to share your email address with the site owner and "
     "Mailchimp to receive marketing, updates, and other emails from the site owner.", "ui"),
    ("Updated at 6:00 p.m. ET", "date"), ("Posted 10:32 AM", "date"),
    ("Last updated 11:45 GMT", "date"),
    ("Photo Gallery", "ui"), ("Click to play video", "ui"), ("Open in app", "ui"),
    ("Hide Transcript", "ui"), ("Be the first to know", "ui"), ("Not Now", "ui"),
    ("Register now", "ui"), ("View image in fullscreen", "ui"),
    ("Already registered? Log in", "cta"),
    ("Please enter valid email address to continue", "ui"),
    ("Get browser notifications for breaking news, live events, and exclusive reporting.",
     "ui"),
    ("This is a carousel. Use Next and Previous buttons to navigate", "ui"),
    ("Thanks for reading CBS NEWS.", "ui"), ("Thanks for reading CNBC.com", "ui"),
    ("Show me", "ui"), ("Invalid email", "ui"), ("Video Loading", "ui"), ("Play now", "ui"),
    ("Most Recent", "related"), ("AAP", "credit"),
    ("Something went wrong, please try again later.", "ui"),
    ("Click to play Tap to play", "ui"), ("The video will auto-play soon 8 Cancel", "ui"),
    ("When you subscribe we will use the information you provide to send you these "
     "newsletters.", "ui"),
    ("For more news and videos visit The Mirror's homepage", "ui"),
    ("Get the biggest daily news stories by email", "ui"),
    ("Do you have a story for us? Contact our newsdesk at news@example.co.uk", "cta"),
    ("(Except for the headline, this story has not been edited by NDTV staff and is "
     "published from a syndicated feed.)", "ui"),
    ("Catch all the Breaking News and Latest News on NDTV", "ui"),
    ("Get live Share Market updates and latest India News and business news on Financial "
     "Express.", "ui"),
    ("Download Financial Express App for latest business news.", "ui"),
    ("Join our WhatsApp channel", "ui"), ("Disclaimer: The views expressed are personal.", "ui"),
    ("Aktuelle Ausgabe", "ui"), ("Signaler une erreur", "cta"),
    ("Fehler gefunden? Jetzt melden.", "cta"),
    ("Vous voulez communiquer un renseignement ou vous avez repéré une erreur ?", "cta"),
])
def test_sign_offs_buttons_notes_and_clock_stamps_of_english_news_templates(line, rule):
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "This content is imported from the city's archive, the spokesman said.",
    "Picture this: a city without cars.",
    "Pictures of the flood spread on social media within minutes.",
    "- Reuters reported the deal first.",
    "We receive a fee when customers buy tickets, the company said.",
    "We buy low and we make money when prices rise, the trader said.",
    "Amazon is cutting its commission rates for affiliate links, the company said.",
    "Blogger verdienen mit Affiliate-Links Geld, sagt die Studie.",
    "A post shared by the mayor on Monday drew 2,000 replies.",
    "You have reached your limit, the bank told him.",
    "Do you have a tip for first-time buyers? Save early, she said.",
    "By clicking the link, readers reached the council's page.",
    "at 6:00 p.m.", "10:00 - 12:00", "The meeting starts at 6:00 p.m. ET",
    "Updated at 6:00 p.m. ET with comments from the mayor",
    "Thanks for reading the whole thing.", "Thanks for reading my column every week.",
    "Already registered voters can sign the petition at city hall.",
    "Something went wrong with the engine, the pilot said.",
    "Join our WhatsApp channel for the results, the party told its supporters.",
    "The story has not been edited since 2019, the archive said.",
    "Signaler une erreur médicale reste difficile, explique la patiente.",
    "Fehler gefunden hat die Prüferin in keiner der Akten.",
])
def test_sentences_and_times_like_those_template_lines_stay(line) -> None:
    assert classify_line(line) is None


# --- session 44: a PHP engine's messages printed into the page ----------------------------

@pytest.mark.parametrize("line", [
    "Deprecated: preg_replace(): The /e modifier is deprecated, use preg_replace_callback "
    "instead in /www/htdocs/w0094d70/wp-includes/formatting.php on line 82",
    'Warning: Undefined array key "x" in /var/www/html/index.php on line 12',
    "Notice: Undefined index: id in C:\\xampp\\htdocs\\site\\page.php on line 7",
    "PHP Fatal error:  Uncaught Error: Call to undefined function foo() in /srv/a.inc on line 3",
    "Strict Standards: Non-static method JSite::getMenu() should not be called statically in "
    "/home/site/templates/index.php on line 23",
])
def test_a_php_engines_message_is_no_line_of_the_story(line) -> None:
    # the dev corpus's einfachspanien.de page opened with one above its story
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", [
    "Warning: the bridge in Berlin was closed on line 12 of the timetable",
    "The council issued a warning: the bridge in /news is closed on line 5",
    "Notice: the office in index.php street opens on line 4 of the schedule today",
])
def test_a_sentence_about_a_warning_stays(line) -> None:
    assert classify_line(line) is None


# --- session 48: boxes at English news pages' ends ---


def test_a_newsletter_promotion_closing_on_its_call_goes_at_the_texts_end() -> None:
    # edition.cnn.com: longer than a call line may be, its call last, not first
    promo = ("CNN will soon launch Royal News, a weekly newsletter bringing you the inside "
             "track on the royal family, what they are up to in public and what's happening "
             "behind palace walls. Sign up here.")
    story = "CNN has reached out to the royal family for comment."
    out = remove_boilerplate("\n\n".join([PROSE, story, promo]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{story}", {"cta": 1})
    for call in ("Subscribe now!", "Register today.", "Join for free", "Sign up"):
        text = "\n\n".join([PROSE, story, f"Our podcast comes out every Friday. {call}"])
        assert remove_boilerplate(text).text == f"{PROSE}\n\n{story}", call
    # a story's sentence naming a newsletter and ending on "sign up", or a call that
    # promotes nothing, stays; so does a promotion before the last two blocks
    kept = [
        # (over the 20 words of a call line: a shorter one is one by _CTA)
        "The council's newsletter, which goes to every household in the district each month, "
        "asks residents whether they would like to sign up.",
        "The club opens its doors to newcomers every Friday evening. Join now.",
        "More than 5,000 readers in the county read the weekly newsletter last year, and at the "
        "meeting the mayor urged others to sign up here.",
    ]
    for line in kept:
        text = "\n\n".join([PROSE, story, line])
        assert remove_boilerplate(text).text == text, line
    text = "\n\n".join([PROSE, promo, story, story + " Again."])
    assert promo in remove_boilerplate(text).text


def test_a_membership_box_heading_takes_its_list_of_perks_along() -> None:
    # haitiantimes.com: "Join now or renew to get:" and the perks as dashed paragraphs
    perks = ["— Instant access to one-of-kind stories and special reports",
             "— Local news from our communities (especially New York and Florida)",
             "• Membership merch, perks and special invitations",
             "✓ Downloadable lists and resources"]
    out = remove_boilerplate("\n\n".join([PROSE, "Join now or renew to get:", *perks]))
    assert (out.text, out.removed) == (PROSE, {"cta": 5})
    # the list ends at a line that is no dashed item, and without the colon nothing follows
    story = "The family thanked the donors on Sunday."
    out = remove_boilerplate("\n\n".join([PROSE, "Join now or renew to get:", perks[0], story]))
    assert out.text == f"{PROSE}\n\n{story}"
    out = remove_boilerplate("\n\n".join([PROSE, "Join now", perks[0]]))
    assert out.text == f"{PROSE}\n\n{perks[0]}"
    # a list under a sentence of the story stays, and so does the list under another
    # call by its word alone (talent.ch's minutes: "Inhalte für den nächsten Newsletter:")
    for heading in ("The council approved three measures:",
                    "Inhalte für den nächsten Newsletter:"):
        listed = "\n\n".join([PROSE, heading, "- A new ferry", "– Bus lanes"])
        assert "- A new ferry\n\n– Bus lanes" in remove_boilerplate(listed).text, heading
    for heading in ("Subscribers get:", "Become a member and receive:", "Sign up to get:"):
        out = remove_boilerplate("\n\n".join([PROSE, heading, "- A new ferry", "– Bus lanes"]))
        assert out.text == PROSE, heading


@pytest.mark.parametrize("line, rule", [
    ("Join now or renew to get:", "cta"),
    ("Join today", "cta"),
    ("Siehe auch:", "related"),
    ("Siehe auch: Die Geschichte des Mondes", "related"),
    ("Location Details", "ui"),
    ('Na, hat dir "Montessori-Spielzeug: 13 pädagogisch wertvolle Ideen" gefallen, '
     "weitergeholfen? Dann hinterlasse uns doch ein Like.", "cta"),
    ("Kommentare von Lesern stellen keinesfalls die Meinung der Redaktion dar!", "cta"),
    ("Reader comments do not represent the views of The Daily Example.", "cta"),
])
def test_session_48_furniture_lines(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    "Join us for a live chat on Tuesday.",
    "The comments made by the minister do not reflect the views of the government.",
    'Hat Ihnen „Titanic" gefallen?',
    "Die Kommentare des Ministers gaben nicht die Meinung der Regierung wieder.",
])
def test_session_48_prose_is_kept(line: str) -> None:
    assert classify_line(line) is None


def test_the_headline_among_the_first_blocks_goes_with_the_labels_above_it() -> None:
    title = "Harbour bridge reopens after two years"
    lead = ("The harbour bridge reopened on Monday after two years of repairs, the city "
            "said, and the first buses crossed it at dawn.")
    # a kicker, a section's name or a date line above the headline go with it
    for above in (["Gesundheit"], ["- Pressemitteilungen"], ["Mo, 11:41 Uhr", "Verkehr"],
                  ["Headline:"]):
        out = remove_boilerplate("\n".join([*above, title, PROSE]), title=title)
        assert (out.text, out.removed) == (PROSE, {"kicker": len(above), "title": 1}), above
    # a lead placed before them stays, the labels between it and the headline go
    out = remove_boilerplate("\n".join([lead, "Auto", title, PROSE]), title=title)
    assert (out.text, out.removed) == (f"{lead}\n\n{PROSE}", {"kicker": 1, "title": 1})
    # a short sentence, or a label of seven words, above it is no kicker
    for above in ("The bridge is open.", "One two three four five six seven"):
        out = remove_boilerplate("\n".join([above, title, PROSE]), title=title)
        assert out.text == f"{above}\n\n{PROSE}", above
    # the headline repeated at the start goes each time (a wiki's infobox repeats it)
    out = remove_boilerplate("\n".join([title, f"| {title} | |", PROSE]), title=title)
    assert (out.text, out.removed) == (PROSE, {"title": 2})


def test_the_headline_is_looked_for_among_the_first_four_blocks_only() -> None:
    title = "Harbour bridge reopens after two years"
    blocks = [f"Paragraph {n} of the story ends here, as the author said." for n in range(4)]
    out = remove_boilerplate("\n".join([*blocks[:3], title, PROSE]), title=title)
    assert out.text == "\n\n".join([*blocks[:3], PROSE])
    # the fifth block quoting the headline is the story's
    text = "\n".join([*blocks, title, PROSE])
    assert remove_boilerplate(text, title=title).text == text.replace("\n", "\n\n")


@pytest.mark.parametrize("line", [
    "Email Facebook Messenger Twitter", "Facebook | Twitter | E-Mail", "Facebook Twitter",
    "Facebook Twitter Drucken", "Bluesky Mastodon Threads",
    "Email Facebook Messenger Twitter Link kopieren", "LEARN MORE", "Give this article",
    "Copy the link below:", "Read more about these links.",
])
def test_a_share_row_of_network_names_and_english_templates_buttons_go(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", [
    "Twitter", "Facebook and Twitter", "Facebook Twitter Instagram said on Monday.",
    "Learn more about the bridge at the town hall.",
    "x x x",  # an athlete's three failed attempts in a results table, not X's button
])
def test_a_line_naming_networks_in_a_sentence_or_alone_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_share_row_is_ten_names_at_most() -> None:
    assert classify_line(" ".join(["Facebook", "Twitter"] * 5)) == "ui"
    assert classify_line(" ".join(["Facebook", "Twitter"] * 5 + ["Email"])) is None


def test_the_pages_own_headline_beside_a_longer_title_goes_too() -> None:
    title = "Hingucker beim Flugplatzfest in Dessau: Zweite F13 kurz vor der Zulassung"
    headline = "Hingucker beim Flugplatzfest: Zweite F13 kurz vor der Zulassung"
    out = remove_boilerplate("\n".join(["Dessau", headline, PROSE]), title=title)
    assert (out.text, out.removed) == (PROSE, {"kicker": 1, "title": 1})
    # the SEO title shorter than the headline: nearly every headline word is the title's
    out = remove_boilerplate("\n".join([f"{headline} in Dessau", PROSE]),
                             title="Zweite F13 kurz vor der Zulassung in Dessau")
    assert out.text == PROSE  # 8 of 12 words the title's, but the whole title inside it
    out = remove_boilerplate("\n".join([f"{headline} in Dessau", PROSE]),
                             title="Zweite F13 kurz vor der Zulassung in Halle")
    assert out.text == f"{headline} in Dessau\n\n{PROSE}"  # 7 of 12: a line of its own
    out = remove_boilerplate("\n".join(["Zweite F13 kurz vor der Zulassung", PROSE]),
                             title="Dessau: Zweite F13 kurz vor der Zulassung")
    assert out.text == PROSE
    # a lead sentence made of the title's words stays, and so does a line of two words
    lead = "Zweite F13 kurz vor der Zulassung beim Flugplatzfest in Dessau."
    for line in (lead, "Zweite F13"):
        out = remove_boilerplate("\n".join([line, PROSE]), title=title)
        assert out.text == f"{line}\n\n{PROSE}", line


@pytest.mark.parametrize("line, dropped", [
    ("one two three four five", True),  # every word the title's, all of the title
    ("one two three four extra", True),  # 4 of 5 words the title's (0.8)
    ("one two three extra other", False),  # 3 of 5 (0.6)
    ("one two three extra", False),  # 3 of 4 (0.75)
    ("one two three", True),  # 3 of the title's 5 words (0.6)
    ("one two", False),  # under three words
])
def test_a_headline_is_four_fifths_the_titles_words_and_three_fifths_of_the_title(
        line: str, dropped: bool) -> None:
    title = "One two three four five"
    out = remove_boilerplate(f"{line}\n{PROSE}", title=title)
    assert (out.text == PROSE) is dropped


def test_a_headline_holding_the_whole_title_and_a_kicker_goes() -> None:
    title = "Niederlage für Johnson: Parlament vertagt Votum über Brexit-Deal"
    headline = ("Tag der Abstimmung: Niederlage für Johnson: Parlament vertagt Votum über "
                "Brexit-Deal - wie geht es jetzt weiter?")
    out = remove_boilerplate(f"{headline}\n{PROSE}", title=title)
    assert (out.text, out.removed) == (PROSE, {"title": 1})
    # a lead's sentence opening with the title, and a line of more than ten words beside
    # the title, are the story's
    lead = f"{title}: so beschrieben die Zeitungen am Sonntag die Lage in London."
    longer = f"{title} - {' '.join(['und'] * 11)}"
    for line in (lead, longer):
        assert remove_boilerplate(f"{line}\n{PROSE}", title=title).text == f"{line}\n\n{PROSE}"
    at_limit = f"{title} - {' '.join(['und'] * 10)}"
    assert remove_boilerplate(f"{at_limit}\n{PROSE}", title=title).text == PROSE
    # the title's words must stand together: "Johnson" in "Johnsons" is not "Johnson"
    apart = "Tag der Niederlage für Johnsons Parlament: vertagt Votum über Brexit-Deal"
    out = remove_boilerplate(f"{apart}\n{PROSE}", title=title)
    assert out.text == f"{apart}\n\n{PROSE}"


@pytest.mark.parametrize("heading", ["DW recommends", "Wirecutter Recommends:",
                                     "Die Redaktion empfiehlt", "We recommend"])
def test_an_outlets_recommends_heading_takes_its_teasers_along(heading: str) -> None:
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([story, heading, "- Bus lanes approved",
                                          "- Ferry fares rise in the spring", PROSE]))
    assert (out.text, out.removed) == (f"{story}\n\n{PROSE}", {"related": 3}), heading


@pytest.mark.parametrize("line", ["Doctors strongly recommend it.",
                                  "The panel of four experts recommends",
                                  "Most doctors strongly recommend", "Doctors recommend it"])
def test_a_sentence_ending_in_recommends_is_no_heading(line: str) -> None:
    assert classify_line(line) is None


def test_a_title_of_one_or_two_words_is_only_an_equal_line() -> None:
    # buero-hoppe.de: the title "Baumgutachten" stands in the story's list items
    lines = ["Baumgutachten: wann und wie?", "- Baumgutachten zur Kontrolle der Standsicherheit",
             "- Baumgutachten zur Wertermittlung", PROSE]
    assert remove_boilerplate("\n".join(lines), title="Baumgutachten").text == "\n\n".join(lines)
    out = remove_boilerplate("\n".join(["Bee Simulator Mehrspieler", PROSE]), title="Bee Simulator")
    assert out.text == f"Bee Simulator Mehrspieler\n\n{PROSE}"


def test_a_title_quoted_in_a_line_is_the_storys() -> None:
    title = "»Haltet unsere Gewässer sauber!«"
    line = "Gestalte ein Plakat unter dem Motto: »Haltet unsere Gewässer sauber!«"
    assert remove_boilerplate(f"{line}\n{PROSE}", title=title).text == f"{line}\n\n{PROSE}"
    # unquoted, the same words around the title are a kicker's
    bare = "Gestalte ein Plakat unter dem Motto: Haltet unsere Gewässer sauber!"
    assert remove_boilerplate(f"{bare}\n{PROSE}", title=title).text == PROSE


def test_a_near_headline_goes_once_only() -> None:
    # a headline like the title and a list item under it like the title too: the first
    # is the headline, the second the story's
    title = "Harbour bridge reopens after two years of repairs"
    lines = ["Harbour bridge reopens after two years", "Harbour bridge reopens after repairs",
             PROSE]
    out = remove_boilerplate("\n".join(lines), title=title)
    assert out.text == "\n\n".join(lines[1:])
    # the title itself, written twice, goes twice (a wiki's infobox repeats it)
    out = remove_boilerplate("\n".join([title, title + ".", PROSE]), title=title)
    assert out.text == PROSE


@pytest.mark.parametrize("line", [
    "Photocredits MYMARINI: Christin Schwarzer", "Photo (cc) : svenwerk",
    "Beitragsbild via Unsplash.", "Featured image via Unsplash", "Bildrechte: dpa",
    "Beitragsbild (cc) via Flickr", "Beitragsbild via Pexels Creative Commons",
    "Andreas Schwarzkopf [CC BY-SA 4.0], via Wikimedia Commons",
    "CC BY 2.0 via Wikimedia Commons",
])
def test_a_credit_named_or_sent_via_a_library_is_a_credit(line: str) -> None:
    assert classify_line(line) == "credit"


@pytest.mark.parametrize("line", [
    "Fotos via Instagram zeigen den Strand am Morgen.",
    "Photos via the app show the flood on Monday, the police said.",
    "Photo credits and captions were added later by the editors.",
    "Photos via the county fire department",  # four words after "via": a sentence's
    "CC BY 2.0 via Wikimedia Commons and the city archive",  # Commons not the line's end
    "Bildrechteverletzungen: Was Fotografen tun können",  # a longer word than the label
])
def test_a_sentence_about_photos_sent_via_something_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_perks_list_is_twelve_items_of_thirty_words_at_most() -> None:
    # seed 70: the heading takes up to twelve items after it, each up to thirty words
    heading = "Join now or renew to get:"
    perks = [f"— Perk number {n} for members" for n in range(13)]
    out = remove_boilerplate("\n\n".join([PROSE, heading, *perks]))
    assert (out.text, out.removed) == (f"{PROSE}\n\n{perks[12]}", {"cta": 13})
    long_perk = "— " + " ".join(["word"] * 30)
    out = remove_boilerplate("\n\n".join([PROSE, heading, long_perk]))
    assert out.text == PROSE
    out = remove_boilerplate("\n\n".join([PROSE, heading, long_perk + " more"]))
    assert out.text == f"{PROSE}\n\n{long_perk} more"


@pytest.mark.parametrize("label", ["Watch: Floods", "Podcast: The flood", "Read: Bus lanes"])
def test_a_teaser_label_of_a_few_words_takes_no_list_along(label: str) -> None:
    # seed 70: a teaser's own label is a teaser, not the heading of the short lines after it
    story = "The family thanked the donors on Sunday."
    out = remove_boilerplate("\n\n".join([PROSE, label, "Bus lanes approved", story]))
    assert out.text == f"{PROSE}\n\nBus lanes approved\n\n{story}", label


def test_a_kicker_is_six_words_at_most() -> None:
    # seed 70: six words above the headline are its kicker (seven are a line of the story)
    title = "Harbour bridge reopens after two years"
    above = "One two three four five six"
    out = remove_boilerplate("\n".join([above, title, PROSE]), title=title)
    assert (out.text, out.removed) == (PROSE, {"kicker": 1, "title": 1})


def test_a_headline_is_three_to_twenty_five_words() -> None:
    # seed 70: two words in the title's other order are no headline (nor its whole); 25
    # of a 26-word title's words are, 26 of a 27-word title's are not
    out = remove_boilerplate(f"Bridge harbour\n{PROSE}", title="Harbour bridge")
    assert out.text == f"Bridge harbour\n\n{PROSE}"
    words = [f"word{n}" for n in range(27)]
    out = remove_boilerplate("\n".join([" ".join(words[:25]), PROSE]), title=" ".join(words[:26]))
    assert (out.text, out.removed) == (PROSE, {"title": 1})
    line = " ".join(words[:26])
    out = remove_boilerplate("\n".join([line, PROSE]), title=" ".join(words))
    assert out.text == f"{line}\n\n{PROSE}"


def test_a_few_of_a_long_titles_words_are_no_headline() -> None:
    # seed 70: every word of the line the title's, but three of its ten: 3/5 of the title
    # is the least a headline holds
    title = "One two three four five six seven eight nine ten"
    for line, dropped in (("one two three", False), ("one two three four five six", True),
                          ("one two three four five", False)):
        out = remove_boilerplate(f"{line}\n{PROSE}", title=title)
        assert (out.text == PROSE) is dropped, line
    # five of nine: 0.56 of the title
    out = remove_boilerplate(f"one two three four five\n{PROSE}", title=title[:-4])
    assert out.text == f"one two three four five\n\n{PROSE}"


def test_a_three_word_title_with_one_word_of_kicker_goes() -> None:
    # seed 70: the whole title of three words inside a headline one word longer (3 of its
    # 4 words are the title's: under 4/5, so only the whole title tells it)
    title = "Harbour bridge reopens"
    out = remove_boilerplate(f"Verkehr: Harbour bridge reopens\n{PROSE}", title=title)
    assert (out.text, out.removed) == (PROSE, {"title": 1})


def test_a_title_quoted_with_a_space_inside_the_quotes_is_the_storys() -> None:
    # seed 70: French guillemets hold a space before the words they quote
    title = "Gardons nos rivières propres"
    line = "Le slogan de la campagne de la ville : « Gardons nos rivières propres »"
    assert remove_boilerplate(f"{line}\n{PROSE}", title=title).text == f"{line}\n\n{PROSE}"
    # and German low quotes open a quote as guillemets do
    title = "Haltet unsere Gewässer sauber!"
    line = "Gestalte ein Plakat unter dem Motto: „Haltet unsere Gewässer sauber!“"
    assert remove_boilerplate(f"{line}\n{PROSE}", title=title).text == f"{line}\n\n{PROSE}"


@pytest.mark.parametrize("heading", ["Tom's Guide recommends", "U.S. News recommends",
                                     "» DW recommends"])
def test_a_recommends_heading_counts_a_names_apostrophe_or_dots_as_one_word(
        heading: str) -> None:
    # seed 70: "Tom's Guide" is two words as the pattern counts them, four as `_words`
    # does; the four-word guard before it left such headings and their lists in the text
    story = "The last sentence of the story ends here, as the author said."
    out = remove_boilerplate("\n\n".join([story, heading, "- Bus lanes approved",
                                          "- Ferry fares rise in the spring", PROSE]))
    assert (out.text, out.removed) == (f"{story}\n\n{PROSE}", {"related": 3}), heading


def test_a_named_credit_names_forty_characters_at_most_before_its_colon() -> None:
    # seed 70: "Photocredits MYMARINI: ..." with the name up to 40 characters long
    names = " MYMARINI Christin Schwarzer und Anna Be"
    assert len(names) == 40
    assert classify_line(f"Photocredits{names}: dpa") == "credit"
    assert classify_line(f"Photocredits{names}r: dpa") is None


def test_a_perks_heading_after_a_mark_and_items_glued_to_their_dash() -> None:
    # seed 70: a heading behind a mark still takes its list; a dash glued to its word
    # ("-5 degrees") opens no list item
    perks = ["— Instant access to special reports", "— Local news from our communities"]
    out = remove_boilerplate("\n\n".join([PROSE, "» Join now and get:", *perks]))
    assert (out.text, out.removed) == (PROSE, {"cta": 3})
    glued = "-5 degrees at night, the forecast said"
    out = remove_boilerplate("\n\n".join([PROSE, "Join now and get:", perks[0], glued]))
    assert out.text == f"{PROSE}\n\n{glued}"


def test_a_promotion_closing_on_its_call_after_an_ellipsis_goes() -> None:
    # seed 70: the call after "…" as after a full stop; a call word opening another
    # sentence at the end is no call
    story = "CNN has reached out to the royal family for comment."
    # (over the 20 words of a call line: a shorter one is one by _CTA)
    track = ("the inside track on the royal family, what they are up to in public and what's "
             "happening behind palace walls")
    for promo in (f"Royal News, our weekly newsletter, brings you {track}… Sign up here.",
                  f"Every Friday in your inbox: {track}. Sign up."):
        out = remove_boilerplate("\n\n".join([PROSE, story, promo]))
        assert out.text == f"{PROSE}\n\n{story}", promo
    line = ("The club sent an email to every member. Register offices in the county close on "
            "Friday, the council said.")
    text = "\n\n".join([PROSE, story, line])
    assert remove_boilerplate(text).text == text


@pytest.mark.parametrize("line", [
    "- Print Print this page",            # an icon's name read before the button's words
    "Share Share this article",
    "- Feedback: Send us your feedback.",  # an info list's label and its button
    "- Permalink https://p.dw.com/p/3WRPd",
    "Kurzlink: https://www.example.de/a1b2",
])
def test_an_info_lists_labelled_buttons_and_short_address_go(line: str) -> None:
    assert classify_line(line) == "ui"


@pytest.mark.parametrize("line", [
    "Print the page",                     # no button after the label
    "Feedback: readers loved the new layout",
    "Note: More",                         # a one-word button after a colon
    "Permalink https://example.org/a is where the paper's archive lives",
    "Share prices fell this morning",
])
def test_a_label_before_words_that_are_no_button_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_dw_info_list_after_the_story_goes_whole() -> None:
    # dw.com's list under each story (dev page dw.com.colonial): its date, author and
    # keywords went before, its feedback, print and permalink items stayed
    info = ["- Feedback: Send us your feedback.", "- Print Print this page",
            "- Permalink https://p.dw.com/p/3WRPd"]
    assert remove_boilerplate("\n\n".join([PROSE, *info])).text == PROSE
