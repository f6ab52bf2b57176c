"""What the page shows around its headline (tasks/extract/headline_area.py), searched
directly: the written byline, the nearest date line, and the limits of both searches."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml import html

from tasks.extract.headline_area import (
    MAX_BYLINE_TEXT,
    _text_segments,
    text_byline,
    visible_date,
)

TEXT = "<p>" + "Text of the story. " * 30 + "</p>"


def _headline(body: str):
    tree = html.fromstring(f"<html><body><article><div>{body}</div></article></body></html>")
    return tree.find(".//h1")


def nowhere_else(elem, article_area) -> bool:
    return False


def parse_attr(value: str) -> date:
    return datetime.fromisoformat(value).date()


def test_a_written_byline_under_the_headline_gives_its_names():
    h1 = _headline(f"<h1>Bridge reopens</h1><p>Von Anna Keller und Tom Berger</p>{TEXT}")
    assert text_byline(h1, nowhere_else) == "Anna Keller; Tom Berger"


def test_a_bare_cue_needs_two_words_after_it():
    # "Von Berlin" is a place as often as a name: not a byline
    h1 = _headline(f"<h1>Bridge reopens</h1><p>Von Berlin aus</p>{TEXT}")
    assert text_byline(h1, nowhere_else) is None
    h1 = _headline(f"<h1>Bridge reopens</h1><p>Posted by Konstantin</p>{TEXT}")
    assert text_byline(h1, nowhere_else) == "Konstantin"


def test_a_byline_line_up_to_the_length_limit_counts_and_a_longer_one_does_not():
    name = "Von Anna Keller"
    at_limit = name + " " + "x" * (MAX_BYLINE_TEXT - len(name) - 1)
    assert len(at_limit) == MAX_BYLINE_TEXT
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{at_limit}</p>{TEXT}")
    assert text_byline(h1, nowhere_else) == "Anna Keller"
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{at_limit}x</p>{TEXT}")
    assert text_byline(h1, nowhere_else) is None  # a paragraph that starts with "Von"


def test_no_headline_no_byline_and_no_date():
    assert text_byline(None, nowhere_else) is None
    assert visible_date(None, nowhere_else, parse_attr) is None


def test_the_date_line_just_after_the_headline_wins_over_one_just_before():
    h1 = _headline('<p class="date">01.02.2024</p><h1>Bridge reopens</h1>'
                   f'<p class="date">03.02.2024</p>{TEXT}')
    assert visible_date(h1, nowhere_else, parse_attr) == (date(2024, 2, 3), 0)


def test_a_date_line_before_the_headline_wins_when_the_one_after_is_much_further():
    filler = "<p>Lead paragraph.</p>" * 3
    h1 = _headline(f'<p class="date">01.02.2024</p><h1>Bridge reopens</h1>{filler}'
                   f'<p class="date">03.02.2024</p>{TEXT}')
    assert visible_date(h1, nowhere_else, parse_attr) == (date(2024, 2, 1), 0)


def test_dates_in_other_areas_and_update_stamps_are_not_the_date_line():
    h1 = _headline('<h1>Bridge reopens</h1><p class="date updated">03.02.2024</p>'
                   f'<aside><p class="date">04.02.2024</p></aside>{TEXT}')

    def in_aside(elem, article_area) -> bool:
        return any(a.tag == "aside" for a in elem.iterancestors())

    assert visible_date(h1, in_aside, parse_attr) is None


def test_a_time_element_whose_text_is_relative_gives_its_machine_value():
    h1 = _headline('<h1>Bridge reopens</h1><time datetime="2024-02-03T08:00:00">3 hours ago'
                   f'</time>{TEXT}')
    assert visible_date(h1, nowhere_else, parse_attr) == (date(2024, 2, 3), 0)


def test_a_date_line_in_a_story_column_of_several_hundred_elements_is_found():
    # <main> = the header with the headline + a text of ~600 elements + the date line in
    # the meta bar below it: the date is three levels up from the headline
    text = "<p>" + "<span>word</span> " * 600 + "</p>"
    page = html.fromstring(
        "<html><body><main><section><header><div><h1>Bridge reopens</h1></div></header>"
        f"</section>{text}<div class='story-meta'><span class='date'>03.02.2024</span></div>"
        "</main></body></html>")
    found = visible_date(page.find(".//h1"), nowhere_else, parse_attr)
    assert found is not None and found[0] == date(2024, 2, 3)
    # a whole page column (thousands of elements) still says nothing about this article
    text = "<p>" + "<span>word</span> " * 2000 + "</p>"
    page = html.fromstring(
        "<html><body><main><section><header><div><h1>Bridge reopens</h1></div></header>"
        f"</section>{text}<div class='story-meta'><span class='date'>03.02.2024</span></div>"
        "</main></body></html>")
    assert visible_date(page.find(".//h1"), nowhere_else, parse_attr) is None


def test_an_author_label_alone_in_its_element_names_the_author_after_it():
    from tasks.extract.headline_area import labelled_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    def page(block: str):
        return html.fromstring(f"<html><body><h1>Bridge reopens</h1>{TEXT}{block}"
                               "</body></html>")

    # the label's tail, after the date field of the same block
    block = ("<div class='meta'><span>Datum:</span> 19.11.2021<br><span>Autor:</span> "
             "Fritz Imhof<br><span>Quelle:</span> Livenet</div>")
    assert labelled_byline(page(block), nowhere_else) == "Fritz Imhof"
    # a heading as the label, the name in the next element (a separator after it)
    block = "<div><h4>Autor</h4><p> <a href='/p/nh'>Nikolai Huke</a><b>, </b></p></div>"
    assert labelled_byline(page(block), nowhere_else) == "Nikolai Huke"
    # the name after line breaks
    block = "<div><b>Von:</b><br><br>Götz Warnke</div>"
    assert labelled_byline(page(block), nowhere_else) == "Götz Warnke"
    # a magazine's credits: the writer under "Interview" or "Text", labels indented
    block = ("<div class='credits'><div class='label'>\n            Interview        </div>"
             "<div class='text'>\n         SVEN MICHAELSEN    </div></div>")
    assert labelled_byline(page(block), nowhere_else) == "SVEN MICHAELSEN"
    block = "<div><b>Text:</b> <a href='/a/jt'>Jana Thiel</a></div>"
    assert labelled_byline(page(block), nowhere_else) == "Jana Thiel"
    # the label wrapped in elements of its own, the name in the next field
    block = ("<div class='name'><div class='field'><p class='label'><strong>By</strong></p>"
             "</div><div class='field'><p class='full-name'>Todd Bates</p></div></div>")
    assert labelled_byline(page(block), nowhere_else) == "Todd Bates"
    # a label followed by a sentence, a bare "Von" before one word, a longer label: nobody
    for block in ("<div><span>Autor:</span> Der Text wurde gekürzt und bearbeitet.</div>",
                  "<div><b>Von</b> Berlin</div>",
                  "<div><span>Autor dieser Seite:</span> Fritz Imhof</div>"):
        assert labelled_byline(page(block), nowhere_else) is None


def test_a_name_signed_in_bold_under_the_text_is_the_author():
    from tasks.extract.headline_area import signature_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    def page(paras: str):
        return html.fromstring(f"<html><body><h1>Halbfinale</h1><div>{paras}</div>"
                               "</body></html>")

    text = "<p>" + "Der Text des Berichts. " * 10 + "</p>"
    assert signature_byline(page(text + "<p><b><i>Stefan Wasmer</i></b></p>"),
                            nowhere_else) == "Stefan Wasmer"
    # a bold subheading is followed by more text; a bold sentence is no name
    assert signature_byline(page(text + "<p><b>Große Pläne</b></p>" + text),
                            nowhere_else) is None
    assert signature_byline(page(text + "<p><strong>Mehr dazu lesen Sie morgen.</strong></p>"),
                            nowhere_else) is None
    # a short bold line under the text that is not a name (a link label, a call to read on)
    for line in ("Alle Ergebnisse hier", "mehr zum Thema"):
        assert signature_byline(page(text + f"<p><b>{line}</b></p>"), nowhere_else) is None
    # a bold name under a short line (a caption, a list) is not a signature
    assert signature_byline(page("<p>Foto</p><p><b>Stefan Wasmer</b></p>"),
                            nowhere_else) is None
    # ... unless the text comes before that line: a review signed under the book's details
    details = "<p><strong>Nikole Hannah-Jones (Hrsg.)</strong><br>Blessing, 816 Seiten</p>"
    assert signature_byline(page(text + details + "<p><strong>Marina Mucha</strong></p>"),
                            nowhere_else) == "Marina Mucha"


def test_the_agency_credit_of_a_wire_dateline_is_the_byline():
    from tasks.extract.headline_area import wire_credit

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    def page(first: str):
        return html.fromstring(f"<html><body><h1>Lucke</h1><p>{first}</p>{TEXT}</body></html>")

    assert wire_credit(page("Hamburg (dpa/lno) – Trotz eines Gesprächs ..."),
                       nowhere_else) == "dpa/lno"
    assert wire_credit(page("WASHINGTON (AP) — The Senate voted ..."), nowhere_else) == "AP"
    # brackets that are not a dateline's credit
    for first in ("Zutaten (optional): Salz", "Die Bundesregierung (CDU) hat ...",
                  "Berlin (dpa) meldet, dass ...", "(dpa) – ohne Ort"):
        assert wire_credit(page(first), nowhere_else) is None
    # the place and credit set in bold, the text after them
    assert wire_credit(page("<strong>Hamburg (dpa/lno)</strong> – Trotz eines Gesprächs ..."),
                       nowhere_else) == "dpa/lno"
    # paragraphs without a bracket before the dateline's (a reading time, a teaser line)
    # are passed over, not the end of the search
    assert wire_credit(page("Lesezeit: 3 Minuten</p><p>Hamburg (dpa/lno) – Trotz eines ..."),
                       nowhere_else) == "dpa/lno"


def test_a_labelled_date_is_taken_from_1995_to_the_latest_day() -> None:
    from tasks.extract.headline_area import labelled_date

    def page(day: str):
        return html.fromstring(f"<html><body><h1>Bridge</h1><p>Published: {day}</p></body></html>")

    latest = date(2024, 1, 1)
    assert labelled_date(page("1 January 1995"), latest) == date(1995, 1, 1)
    assert labelled_date(page("31 December 1994"), latest) is None  # before news on the web
    assert labelled_date(page("1 January 2024"), latest) == latest
    assert labelled_date(page("2 January 2024"), latest) is None


def test_an_update_stamp_beside_the_headline_is_no_publication_date_in_many_languages():
    # the nearest date element says it is the update; the publication line further down is
    # the page's date (the update labels of Italian, Portuguese, Dutch, Polish, Swedish,
    # Danish, Norwegian, Finnish and Russian pages, and "zuletzt bearbeitet")
    for label in ("Aggiornato il", "Atualizado em", "Bijgewerkt op", "Zaktualizowano",
                  "Uppdaterad", "Opdateret", "Oppdatert", "Päivitetty", "Обновлено",
                  "Zuletzt bearbeitet am", "Revised"):
        h1 = _headline(f'<h1>Bridge reopens</h1><div class="date">{label} 05.05.2022</div>'
                       f'<div class="date">03.05.2022</div>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) == (date(2022, 5, 3), 0), label


def test_a_publication_label_dates_the_page_in_many_languages() -> None:
    from tasks.extract.headline_area import labelled_date

    latest = date(2024, 1, 1)
    for label in ("Gepubliceerd op", "Opublikowany", "Publicerad den", "Julkaistu",
                  "Udgivet den", "Publisert", "Опубликовано", "Publicada el", "Publiziert am",
                  "Online seit", "Eingestellt am", "Verfasst am", "Mis en ligne le"):
        page = html.fromstring(f"<html><body><h1>Bridge</h1><p>Letzte Änderung 05.05.2022</p>"
                               f"<p>{label} 03.05.2022</p></body></html>")
        assert labelled_date(page, latest) == date(2022, 5, 3), label


def test_a_date_line_labelled_with_its_date_or_publication_is_a_date_element():
    # no class says "date": the label in its text does ("Datum: ...", "Mis en ligne le ...")
    for line in ("Datum: 03.05.2022", "Date : 3 May 2022", "Fecha: 3 de mayo de 2022",
                 "Data: 3 maggio 2022", "Publiziert am 03.05.2022", "Online seit 03.05.2022",
                 "Geschrieben am 03.05.2022", "Mis en ligne le 3 mai 2022"):
        h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
        assert visible_date(h1, nowhere_else, parse_attr) == (date(2022, 5, 3), 0), line
    # a word ending in "date" is no label ("Update:" is no publication either)
    for line in ("Candidate: 03.05.2022", "Update: 03.05.2022"):
        h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
        assert visible_date(h1, nowhere_else, parse_attr) is None, line


def test_a_byline_line_that_goes_on_with_a_date_dates_the_story():
    for line in ("von Marianne Keller<br>am 20.09.2020", "By Tim Anderson on Sept. 20, 2020",
                 "par Anne Dupont le 20 septembre 2020",
                 "por Ana Ruiz el 20 de septiembre de 2020"):
        h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
        assert visible_date(h1, nowhere_else, parse_attr) == (date(2020, 9, 20), 0), line
    # a line that is no byline shows no date of the story
    h1 = _headline(f"<h1>Bridge reopens</h1><p>Vom 20.09.2020 bis Ende Mai</p>{TEXT}")
    assert visible_date(h1, nowhere_else, parse_attr) is None


def test_italian_and_nordic_bylines_beside_the_headline_give_their_names():
    for line, want in (("di Marco Rossi e Luca Bianchi", "Marco Rossi e Luca Bianchi"),
                       ("Av Anna Keller", "Anna Keller"),
                       ("af Anna Keller og Tom Berger", "Anna Keller og Tom Berger")):
        h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
        assert text_byline(h1, nowhere_else) == want, line
    # a bare "di" needs two capitalised words: "di Roma" is a place
    h1 = _headline(f"<h1>Bridge reopens</h1><p>di Roma</p>{TEXT}")
    assert text_byline(h1, nowhere_else) is None


def test_date_classes_in_other_languages_mark_a_date_element():
    for cls in ("data-pubblicazione", "news-dato", "haber-tarih", "pvm"):
        h1 = _headline(f'<h1>Bridge reopens</h1><span class="{cls}">03.05.2022</span>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) == (date(2022, 5, 3), 0), cls
    # "data" inside another word of the class is no cue
    h1 = _headline(f'<h1>Bridge reopens</h1><span class="dataset">03.05.2022</span>{TEXT}')
    assert visible_date(h1, nowhere_else, parse_attr) is None


def test_a_byline_written_as_an_address_element_is_found():
    from tasks.extract.headline_area import paragraph_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    # HTML's own element for an article's author contact, as some CMSs write the byline
    page = html.fromstring("<html><body><h1>Bridge reopens</h1>"
                           f"<address>By Tim Anderson</address>{TEXT}</body></html>")
    assert paragraph_byline(page, nowhere_else) == "Tim Anderson"


def test_a_labelled_name_keeps_its_first_and_last_letters():
    from tasks.extract.headline_area import labelled_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    # only separators are trimmed around the value, never letters of the name
    page = html.fromstring(f"<html><body><h1>Bridge reopens</h1>{TEXT}"
                           "<div><b>Von:</b> Xaver Sax, </div></body></html>")
    assert labelled_byline(page, nowhere_else) == "Xaver Sax"


def test_a_bold_subheading_or_caption_credit_does_not_end_the_search_for_the_signature():
    from tasks.extract.headline_area import signature_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    text = "<p>" + "Der Text des Berichts. " * 10 + "</p>"
    # "Große Pläne" looks like a name but text follows it: a subheading, passed over;
    # the name signed under the last paragraph is the author
    page = html.fromstring(f"<html><body><h1>Halbfinale</h1><div>{text}"
                           f"<p><b>Große Pläne</b></p>{text}"
                           "<p><b><i>Stefan Wasmer</i></b></p></div></body></html>")
    assert signature_byline(page, nowhere_else) == "Stefan Wasmer"
    # nor does a bold name under a caption (a photo credit) at the top of the text
    page = html.fromstring(f"<html><body><h1>Halbfinale</h1><div><p>Foto</p>"
                           f"<p><b>Anna Keller</b></p>{text}"
                           "<p><b><i>Stefan Wasmer</i></b></p></div></body></html>")
    assert signature_byline(page, nowhere_else) == "Stefan Wasmer"


def test_a_calendar_or_clock_icon_marks_the_date_after_it():
    for icon in ('<span class="icon-calendar"></span>&nbsp; 12.01.2022',
                 '<i class="fa fa-calendar-alt"></i> 12.01.2022',
                 '<i class="fa fa-clock-o"></i> Jan 12, 2022',
                 '<span class="glyphicon glyphicon-calendar"></span>2022-01-12 ·'):
        h1 = _headline(f'<h1>Bridge reopens</h1><div class="col-9">{icon}</div>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) == (date(2022, 1, 12), 0), icon
    for other in ('<i class="fa fa-clock"></i> ca. 8 Min.',  # a reading time
                  '<i class="fa fa-calendar"></i> Aktualisiert: 12.01.2022',  # an update
                  '<span class="icon-user"></span> 12.01.2022',  # no date icon
                  '<i class="fa fa-calendar">Termine</i> 12.01.2022'):  # not an empty icon
        h1 = _headline(f'<h1>Bridge reopens</h1><div class="col-9">{other}</div>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) is None, other


def test_a_date_element_showing_no_date_gives_its_data_date():
    for marker, want in (('<div class="timeline__arrow" data-date="18. März 2020"></div>',
                          date(2020, 3, 18)),
                         ('<span class="post-date" data-date="2020-03-18T09:00:00+01:00">'
                          '</span>', date(2020, 3, 18))):
        h1 = _headline(f"<h1>Bridge reopens</h1>{marker}{TEXT}")
        assert visible_date(h1, nowhere_else, parse_attr) == (want, 0), marker
    # an element that is no date element keeps its data to itself; a shown date comes first
    for marker, want in (('<div class="gallery" data-date="18. März 2020"></div>', None),
                         ('<span class="date" data-date="2020-01-01">18.03.2020</span>',
                          (date(2020, 3, 18), 0))):
        h1 = _headline(f"<h1>Bridge reopens</h1>{marker}{TEXT}")
        assert visible_date(h1, nowhere_else, parse_attr) == want, marker


def test_a_paragraph_of_prose_is_no_date_line_even_with_a_data_date():
    # a live blog's entry under the headline: its data-date is the entry's time, and a text
    # that opens "By ..." or "Posted ..." is a sentence, not a byline with its date, once it
    # is as long as a paragraph
    from tasks.extract.headline_area import MAX_DATE_TEXT

    for opening in ("By the morning the ferries were running again", "Posted on the quay"):
        entry = opening + ", and the harbour master said the bridge would open. " * 3
        assert len(entry) >= MAX_DATE_TEXT
        h1 = _headline(f'<h1>Bridge reopens</h1><div class="entry" '
                       f'data-date="2020-03-19T10:00:00">{entry}</div>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) is None, opening


def test_a_text_of_max_date_text_characters_is_a_paragraph_not_a_date_line():
    # the limit is the same for a line's opening words as for its whole text: at
    # MAX_DATE_TEXT characters a "By ..." opening no longer makes the element a date line
    from tasks.extract.headline_area import MAX_DATE_TEXT

    opening = "By Anna K. and Tim B., who waited on the quay while the harbour master "
    for length, want in ((MAX_DATE_TEXT - 1, (date(2020, 3, 19), 0)), (MAX_DATE_TEXT, None)):
        entry = (opening * 3)[:length]
        h1 = _headline(f'<h1>Bridge reopens</h1><div class="entry" '
                       f'data-date="2020-03-19T10:00:00">{entry}</div>{TEXT}')
        assert visible_date(h1, nowhere_else, parse_attr) == want, length


def test_a_date_element_named_only_by_its_itemprop():
    # schema.org microdata on a plain <span>: the itemprop says what the date is
    h1 = _headline('<h1>Bridge reopens</h1><span itemprop="datePublished">3 May 2022</span>'
                   f"{TEXT}")
    assert visible_date(h1, nowhere_else, parse_attr) == (date(2022, 5, 3), 0)
    h1 = _headline('<h1>Bridge reopens</h1><span itemprop="dateModified">3 May 2022</span>'
                   f"{TEXT}")
    assert visible_date(h1, nowhere_else, parse_attr) is None  # the update, not the day


def test_a_dateline_is_searched_in_the_storys_first_forty_paragraphs() -> None:
    from tasks.extract.headline_area import MAX_DATELINE_SCAN, dateline_date

    def page(before: int):
        filler = "<p>Ein Absatz ohne Datum.</p>" * before
        return html.fromstring(f"<html><body><h1>Bioenergie</h1>{filler}<p>Hamburg, "
                               "29.11.2022 – Mehrfach hatte die Branche gewarnt.</p>"
                               "</body></html>")

    def in_story(elem) -> bool:
        return False

    latest = date(2024, 5, 3)
    # the 40th paragraph is still searched, the 41st no longer
    assert dateline_date(page(MAX_DATELINE_SCAN - 1), latest, in_story) == date(2022, 11, 29)
    assert dateline_date(page(MAX_DATELINE_SCAN), latest, in_story) is None


def test_a_bare_cue_written_with_a_colon_before_one_word_is_no_byline():
    from tasks.extract.headline_area import labelled_byline

    def nowhere_else(elem, article_area=frozenset()) -> bool:
        return False

    def page(block: str):
        return html.fromstring(f"<html><body><h1>Bridge reopens</h1>{TEXT}{block}"
                               "</body></html>")

    # seed 50: "Von:" and "By :" are the bare cues "von" and "by" (the colon and the
    # space trimmed), so one word after them is a place as often as a name
    for block in ("<div><b>Von:</b> Berlin</div>", "<div><b>By :</b> Reuters</div>"):
        assert labelled_byline(page(block), nowhere_else) is None
    assert labelled_byline(page("<div><b>By :</b> Ann Lee</div>"), nowhere_else) == "Ann Lee"


def test_an_author_label_in_another_area_or_holding_more_is_passed_over():
    # seed 59: a label alone that is a comment's, or whose element holds more than the
    # label, is skipped and the search goes on to the article's own label after it
    from tasks.extract.headline_area import labelled_byline

    def in_comments(elem, article_area=frozenset()) -> bool:
        return any(a.get("class") == "comments" for a in elem.iterancestors())

    for first in ("<div class='comments'><div><span>Autor:</span> Hans Troll</div></div>",
                  "<div><h4>Autor<i class='icon'></i></h4><p>Hans Troll</p></div>"):
        page = html.fromstring(
            f"<html><body><h1>Bridge reopens</h1>{first}{TEXT}"
            "<div class='meta'><span>Autor:</span> Fritz Imhof</div></body></html>")
        assert labelled_byline(page, in_comments) == "Fritz Imhof"


def test_a_posted_line_that_dates_before_it_names_gives_the_name():
    # WordPress's default themes: "Posted on <date> by <name>", and the same in other
    # languages; the date is a date, so "Published in 2019 by ..." names no one
    for line, want in (("Posted on May 3, 2024 by Jane Doe", "Jane Doe"),
                       ("Posted on 3 May 2024 by Anna Berger", "Anna Berger"),
                       ("Published on 2024-05-03 at 10:15 by Tom Lee", "Tom Lee"),
                       ("Veröffentlicht am 3. Mai 2024 von Anna Keller", "Anna Keller"),
                       ("Publié le 03/05/2024 à 10h15 par Anne Dupont", "Anne Dupont"),
                       ("Publicado el 3 de mayo de 2024 por Ana Ruiz", "Ana Ruiz"),
                       ("Posted on March 3rd, 2024 by Konstantin", "Konstantin")):
        h1 = _headline(f"<h1>Bridge reopens</h1><div>{line}</div>{TEXT}")
        assert text_byline(h1, nowhere_else) == want, line
    for line in ("Published in 2019 by Oxford University Press",
                 "Posted on our website by the Harbour Board",
                 "Veröffentlicht am Montag von der Stadt"):
        h1 = _headline(f"<h1>Bridge reopens</h1><div>{line}</div>{TEXT}")
        assert text_byline(h1, nowhere_else) is None, line


def test_a_byline_commented_out_or_on_a_button_names_no_one():
    # session 42's mutation run: a template's commented-out byline line, or a button's
    # label ("By Jane Doe" on a follow button), is no byline of the page
    from tasks.extract.headline_area import paragraph_byline
    for block in ("<p><!-- By Jane Doe --></p>", "<p><button>By Jane Doe</button></p>"):
        page = html.fromstring(f"<html><body><article>{block}{TEXT}</article></body></html>")
        assert paragraph_byline(page, nowhere_else) is None, block


# --- session 44: names in every cased alphabet; a name and its role --------------------------


@pytest.mark.parametrize("line, names", [
    # capitals outside Latin-1: Czech, Croatian, Polish, Turkish, Romanian, Greek, Cyrillic
    ("Von Šimon Novák", "Šimon Novák"),
    ("By Željko Čović", "Željko Čović"),
    ("Autor: Łukasz Ćwik", "Łukasz Ćwik"),
    ("By Şule Çelik and Ștefan Țurcanu", "Şule Çelik; Ștefan Țurcanu"),
    ("By Ευάγγελος Παπαδόπουλος", "Ευάγγελος Παπαδόπουλος"),
    # the labels of Turkish, Russian, Ukrainian and Bulgarian bylines (with their colon)
    ("Yazar: Ayşe Yılmaz", "Ayşe Yılmaz"),
    ("Автор: Иван Петров", "Иван Петров"),
    ("Текст: Ольга Смирнова", "Ольга Смирнова"),
])
def test_a_byline_names_people_of_every_cased_alphabet(line, names):
    # "[A-ZÀ-Ý]" opened a name: "Von Šimon Novák" and "Автор: Иван Петров" named no one
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
    assert text_byline(h1, nowhere_else) == names


@pytest.mark.parametrize("line", [
    "Текст закона о мостах",  # "the text of the law": no colon, no byline
    "Фото: Иван Петров",  # a picture's credit
    "Von šimon novák",  # no capital
])
def test_words_that_are_no_byline_in_those_alphabets_name_no_one(line):
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
    assert text_byline(h1, nowhere_else) is None


@pytest.mark.parametrize("line, names", [
    ("Anna Berg, Staff Writer", "Anna Berg"),
    ("Tim Anders | Senior Political Correspondent", "Tim Anders"),
    ("Ana Ruiz – Corresponsal en Madrid", "Ana Ruiz"),
])
def test_a_name_with_its_role_after_it_is_a_byline(line, names):
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
    assert text_byline(h1, nowhere_else) == names


@pytest.mark.parametrize("line", [
    "Berlin, Germany",  # a place and a country: no role
    "Anna, Staff Writer",  # one word before the role
    "Anna Berg, Staff Writer of the Year 2023",  # more than a role after the comma
])
def test_a_name_and_something_else_than_a_role_is_no_byline(line):
    h1 = _headline(f"<h1>Bridge reopens</h1><p>{line}</p>{TEXT}")
    assert text_byline(h1, nowhere_else) is None


# --- session 44: dates in Thai, Vietnamese, Croatian, month-first Spanish, hyphens ------------

@pytest.mark.parametrize("text, day", [
    ("3 พฤษภาคม 2567", date(2024, 5, 3)),  # Thai, the Buddhist era's year
    ("3 พ.ค. 2567 10:00 น.", date(2024, 5, 3)),  # abbreviated
    ("3 ก.พ. 2024", date(2024, 2, 3)),  # a Gregorian year stays
    ("3 tháng 5, 2024", date(2024, 5, 3)),  # Vietnamese
    ("Thứ sáu, ngày 3 tháng 5 năm 2024", date(2024, 5, 3)),
    ("12. svibnja 2022.", date(2022, 5, 12)),  # Croatian
    ("3. srpnja 2022", date(2022, 7, 3)),  # Croatian July ...
    ("3. srpna 2022", date(2022, 8, 3)),  # ... and Czech August
    ("Mayo 3, 2024", date(2024, 5, 3)),  # Spanish of the Americas, month first
    ("Março 3, 2024", date(2024, 3, 3)),
    ("3-May-2024", date(2024, 5, 3)),  # hyphens
    ("03-June-2024", date(2024, 6, 3)),
])
def test_dates_in_forms_htmldate_does_not_read_are_read(text, day):
    from tasks.extract.headline_area import parse_visible_date
    assert parse_visible_date(text) == day


@pytest.mark.parametrize("text", [
    "31 กุมภาพันธ์ 2567",  # no such day
    "Liste 3, 2024",  # a word before a number: no month of the names read first
    "3-Foo-2024",
    "3 tháng 13, 2024",
])
def test_words_like_those_dates_are_no_date(text):
    from tasks.extract.headline_area import parse_visible_date
    assert parse_visible_date(text) is None


def test_a_thai_pages_visible_buddhist_date_is_moved_once():
    # the page's calendar (its .th domain) moves Buddhist years of its claims; the visible
    # date is read in the Gregorian calendar already and must stay on 3 May 2024
    from tasks.extract.pages import extract_html
    story = "".join(f"<p>{'สะพานเปิดใช้งานอีกครั้งหลังการซ่อมแซมสองปี ' * 6}{n}</p>" for n in range(3))
    page = ("<html lang='th'><head><title>สะพานเปิด</title></head><body><article>"
            f"<h1>สะพานเปิด</h1><p class='date'>3 พฤษภาคม 2567</p>{story}</article></body></html>")
    x = extract_html(page, "https://news.example.co.th/a/1",
                     fetched_at=datetime(2024, 6, 1, 12, 0, tzinfo=UTC))
    assert x.meta.published_date == date(2024, 5, 3)


def test_a_divs_opening_is_its_first_hundred_characters_not_its_whole_text() -> None:
    # (seed 64) a <div> may hold the whole story: its text is read piece by piece until
    # MAX_DATELINE_OPENING characters, then no further
    from tasks.extract.headline_area import MAX_DATELINE_OPENING, _opening_text

    div = html.fromstring("<div>" + "<i>a</i>" * 1000 + "</div>")
    assert _opening_text(div) == "a" * MAX_DATELINE_OPENING


# -- seed 65: a slashed date's numbers either side of 12 -----------------------------------
def test_a_slashed_date_is_ambiguous_up_to_12_and_read_by_its_number_over_12() -> None:
    from datetime import date

    from tasks.extract.headline_area import parse_visible_date

    # both numbers up to 12 (12 itself): either could be the month, no clock says which
    for text in ("12/05/2024", "05/12/2024", "12/11/2024"):
        assert parse_visible_date(text) is None, text
    # one of them 13: that one is the day
    assert parse_visible_date("13/05/2024") == date(2024, 5, 13)
    assert parse_visible_date("05/13/2024") == date(2024, 5, 13)
    assert parse_visible_date("12/13/2024") == date(2024, 12, 13)
    assert parse_visible_date("13/12/2024") == date(2024, 12, 13)


# --- session 49: the case-folded twins of the date element's regexes (speed, same matches)

@pytest.mark.parametrize("text", [
    "post-DATE meta", "Veröffentlicht am", "PUBLISHED: 3 May", "ArticleInfo", "x DATA y",
    "data-x", "metadata", "Datum:", "poſted",  # long s: only the flag folds it to "s"
    "İnfo", "no cue here", "", "   ",
])
def test_search_folded_finds_what_the_flagged_pattern_finds(text):
    from tasks.extract.headline_area import (
        _DATE_CUE,
        _DATE_LABEL,
        folded_twin,
        search_folded,
    )
    for pattern in (_DATE_CUE, _DATE_LABEL):
        want = pattern.search(text)
        got = search_folded(pattern, folded_twin(pattern), text)
        assert (got is None) == (want is None)
        if want is not None:
            assert got.span() == want.span()


def test_folded_twins_are_written_in_lower_case():
    # the twin drops re.IGNORECASE: a capital letter in the pattern would then match
    # nothing in lowercased text (escapes such as \s, \W are no letters of the text)
    import re

    from tasks.extract import headline_area as H
    for pattern in (H._DATE_CUE, H._DATE_LABEL, H._BYLINE_LEAD, H._PUBLISHED_LABEL):
        assert pattern.flags & re.IGNORECASE
        assert not re.search(r"(?<!\\)[A-Z]", pattern.pattern)


def test_date_line_found_by_its_capitalised_label_and_byline_word():
    from tasks.extract.headline_area import _element_date
    label = html.fromstring("<p>PUBLISHED: 3 May 2022</p>")
    assert _element_date(label, parse_attr) == date(2022, 5, 3)
    byline = html.fromstring("<p>BY Jane Doe, 3 May 2022</p>")
    assert _element_date(byline, parse_attr) == date(2022, 5, 3)
    cue = html.fromstring('<div class="Post-DATE">3 May 2022</div>')
    assert _element_date(cue, parse_attr) == date(2022, 5, 3)
    plain = html.fromstring("<p>Met on 3 May 2022</p>")
    assert _element_date(plain, parse_attr) is None


def test_a_label_alone_reaches_its_date_across_white_space_and_in_capitals() -> None:
    # a label alone, then the date in the next segment: the line breaks between them
    # (segments of white space) do not end the wait; the label is read in any letter case
    from tasks.extract.headline_area import labelled_date
    page = html.fromstring("<html><body><h1>Bridge</h1><p><b>PUBLISHED ON</b>\n  \n"
                           "<span>\n</span><span>3 May 2022</span></p></body></html>")
    assert labelled_date(page, date(2024, 1, 1)) == date(2022, 5, 3)
    also = html.fromstring("<html><body><p>VERÖFFENTLICHT: 03.05.2022</p></body></html>")
    assert labelled_date(also, date(2024, 1, 1)) == date(2022, 5, 3)


def test_text_segments_are_the_page_text_in_reading_order() -> None:
    # what labelled_date and first_text_date read: texts and tails in document order, a
    # script's, a <nav>'s and a clock widget's subtree skipped with their tails kept, a
    # comment's tail kept
    body = html.fromstring(
        "<html><body>A<div>B<p>C<b>D</b>E</p>F<script>no</script>G<nav>no<a>no</a></nav>H"
        "<span class='uhr'>12:00<i>no</i></span>I<!-- note -->J</div>K<p>L</p></body></html>"
    ).find("body")
    assert list(_text_segments(body)) == list("ABCDEFGHIJKL")
    # the root itself a widget or a skipped element: nothing
    assert list(_text_segments(body.find(".//span"))) == []
    assert list(_text_segments(body.find(".//nav"))) == []
    # the root's own tail is outside it
    assert list(_text_segments(body.find(".//p"))) == ["C", "D", "E"]
