"""Seed 81: family G's line rules (session 56) that no test pinned, each by a line of the
shape the rule was written for (the Indian, Nigerian, Pakistani and Philippine press,
broadcasters' feeds), and the two findings seed 80 left: a caption credited twice with a
bar between (1000things.at) and a contact box that names a club with its form ("e.V.")."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line, remove_boilerplate

STORY = ("Die Stadtwerke haben am Montag den neuen Tarif für das kommende Jahr vorgestellt, "
         "der für die meisten Haushalte günstiger ausfällt als der bisherige.")


# Each line as the rule was written for it, and the rule that must take it.
RULED = [
    # a call to follow the outlet naming Google News only (no "join", no WhatsApp)
    ("Follow Hindustan Times on Google News for the latest updates.", "cta"),
    ("📣 Follow Indian Express on Google News", "cta"),
    # the outlet's address after a dash, closing the story
    ("– Rappler.com", "credit"),
    # a domain of several labels, or with a hyphen (the Philippine press: Manila
    # Bulletin's mb.com.ph, ABS-CBN): each label is a word of the line's count
    ("– mb.com.ph", "credit"),
    ("— ABS-CBN.com", "credit"),
    ("- news.abs-cbn.com", "credit"),
    # a note that the text ran elsewhere first
    ("This article has been published in the December 2026 print edition of The Caravan "
     "with the headline “The long count”.", "ui"),
    ("This story was first published in The Conversation.", "ui"),  # a story, first
    ("This essay was originally published in Aeon.", "ui"),
    # the outlet's disclaimer, by each of its words
    ("Disclaimer: These are the personal views of the writer and do not reflect the "
     "paper's.", "ui"),
    ("Disclaimer: Comments are moderated and News24 encourages freedom of speech.", "ui"),
    ("Disclaimer: The publisher accepts no responsibility for the content of external "
     "sites.", "ui"),
    # the print edition's line (a paper of several words, the day first, twelve words)
    ("Published in The Express Tribune, December 7th, 2026", "date"),
    ("Published in Dawn, 7th December, 2026", "date"),
    ("Appeared in The News, December 7, 2026", "date"),
    ("Printed in Business Recorder, 8 December 2026", "date"),
    ("Printed in The Sunday Times of Sri Lanka, on December 7th, 2026", "date"),
]


@pytest.mark.parametrize(("line", "rule"), RULED)
def test_each_line_goes_by_its_rule(line, rule):
    assert classify_line(line) == rule


def test_a_caption_with_two_credits_set_apart_by_a_bar_is_a_credit():
    # 1000things.at's figcaption, whole: the tourist board and the photographer's site
    line = ("Wer sagt, dass Radfahren nur etwas für warme Tage ist? "
            "(c) TV Thermen- & Vulkanland | pixelmaker.at")
    assert classify_line(line) == "credit"


def test_a_contact_box_goes_past_a_clubs_name_with_its_form():
    # "e.V." ends the club's name with a full stop; the box's address lines follow it
    text = "\n".join([STORY, "Kontakt", "Lea Schmitt", "Heimatverein Musterstadt e.V.",
                      "Hauptstraße 12", "12345 Musterstadt"])
    assert remove_boilerplate(text).text == STORY


def test_a_contact_box_still_ends_at_a_short_sentence():
    text = "\n".join([STORY, "Kontakt", "Lea Schmitt", "Wir sehen uns im Verein."])
    assert remove_boilerplate(text).text.split("\n\n") == [STORY, "Wir sehen uns im Verein."]


def test_an_agency_inputs_credit_of_seven_words_is_a_credit():
    assert classify_line("(With inputs from Press Trust of India)") == "credit"


def test_a_heading_that_opens_with_input_from_readers_stays():
    # near-miss: the credit is the whole line; after a colon the story's heading goes on
    assert classify_line("With input from readers: your questions answered") is None


def test_a_short_sentence_that_opens_like_a_desk_credit_stays():
    # near-miss: "Produced by" and a capitalised name, then the sentence goes on
    assert classify_line("Produced by Netflix, it premieres Friday.") is None


def test_a_study_published_in_a_journal_on_a_day_stays():
    # near-miss: the journal and its day, then the sentence goes on
    line = "Published in Nature on March 4, 2026, the study tracked 900 patients."
    assert classify_line(line) is None


def test_mints_news_line_with_words_before_news_is_ui():
    assert classify_line("Catch all the Latest Sports News and Updates on Live Mint.") == "ui"


def test_a_log_in_now_button_is_ui():
    assert classify_line("Log in now") == "ui"


def test_a_paragraph_with_a_sentence_about_signing_up_for_a_scheme_stays():
    # near-miss: "Sign up for the" after a sentence's end names no newsletter
    line = ("The council will open the list for the allotments next week, a spokesman said. "
            "Sign up for the scheme closes on Friday, and the places are handed out in the "
            "order the requests came in.")
    assert classify_line(line) is None


def test_a_press_contact_box_with_a_clubs_form_goes_and_the_download_list_after_it_too():
    # jugend-forscht.de's closing lines as extracted: the foundation's "e. V." took the
    # box's end, leaving its address; taken whole, the next heading must still take its
    # list of links
    text = "\n".join([STORY, "Pressekontakt:", "Stiftung Jugend forscht e. V.",
                      "Dr. Daniel Giese", "Baumwall 3", "20459 Hamburg", "040 374709-40",
                      "presse(at)jugend-forscht.de", "www.jugend-forscht.de",
                      "- Weitere Infos zum Download:",
                      "- Pressemitteilung_Jugend_forscht_iENA_211103.pdf"])
    assert remove_boilerplate(text).text == STORY


def test_a_sentence_opening_with_disclaimer_and_no_colon_stays():
    # near-miss: the label and its colon make the disclaimer; a sentence may speak of advice
    line = "Disclaimer notices on the packaging gave no advice on dosage, the court found."
    assert classify_line(line) is None
