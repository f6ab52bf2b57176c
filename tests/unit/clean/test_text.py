"""Glued-paragraph repair at digit-ended sentences, and what it must leave intact."""

from __future__ import annotations

import pytest

from tasks.clean.text import clean_record, repair_glued_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profits doubled in 2023.Analysts expect less this year.",
         ["Profits doubled in 2023.", "Analysts expect less this year."]),
        ("Prices rose 5%.The central bank did not react.",
         ["Prices rose 5%.", "The central bank did not react."]),
        ("The vote was 52 to 48.Critics called it a disgrace.",
         ["The vote was 52 to 48.", "Critics called it a disgrace."]),
        ("The team won 3-1!Fans celebrated until dawn.",
         ["The team won 3-1!", "Fans celebrated until dawn."]),
        ("Will it reach 100?Nobody knows.", ["Will it reach 100?", "Nobody knows."]),
        ('The bill passed in 1998."It was a mistake," she said.',
         ["The bill passed in 1998.", '"It was a mistake," she said.']),
        ("Unemployment fell to 4.2 percent in 2023.Économistes were surprised.",
         ["Unemployment fell to 4.2 percent in 2023.", "Économistes were surprised."]),
    ],
)
def test_sentences_ending_in_a_number_are_split(text: str, expected: list[str]) -> None:
    assert repair_glued_paragraphs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Growth was 3.5 percent in 2023, up from 2.9 percent.",
        "Version 2.0 ships in May.",
        "The index closed at 1,234.56 points.",
        "Chanel No.5 and Vol.2 of the series were on sale.",
        "Officials in the U.S. Senate met Dr.Jones and Mr.Smith.",
        "See https://example.com/reports/2023.Annual.PDF for the figures.",
        "The site example2023.Com went offline.",
        "The event begins at 10 a.m. on Monday.",
    ],
)
def test_decimals_abbreviations_and_urls_stay_intact(text: str) -> None:
    assert repair_glued_paragraphs(text) == [text]


def test_a_dump_with_a_digit_ended_glued_sentence_is_cleaned_into_paragraphs() -> None:
    row = {"text": "Sales rose 12% in 2023.Analysts expect a slower 2024.", "source_kind": "dump",
           "title": None, "site_name": None, "description": None, "language": "en",
           "language_score": 1.0}
    out = clean_record(row)
    assert out["text"] == "Sales rose 12% in 2023.\n\nAnalysts expect a slower 2024."
