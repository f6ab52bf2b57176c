"""Quotes with speakers: the three attribution patterns and their variants."""

from __future__ import annotations

import pytest

from tasks.enrich.quotes import extract_quotes

DEMONYMS = frozenset({"Polish", "Russian", "American"})


def pairs(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in extract_quotes(text, DEMONYMS)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('"We stay the course," Stoltenberg said.', ("Stoltenberg", "We stay the course")),
        ('"We have decided to act," said Sikorski.', ("Sikorski", "We have decided to act")),
        ('Sikorski said: "We have decided to act."', ("Sikorski", "We have decided to act.")),
        ('Sikorski told reporters on Monday, "We have decided."', ("Sikorski", "We have decided.")),
        ("“Curly quotes work too,” Merkel said.", ("Merkel", "Curly quotes work too")),
        ("Merkel sagte: „Wir schaffen das.“", ("Merkel", "Wir schaffen das.")),
        ("„Wir schaffen das“, sagte Merkel.", ("Merkel", "Wir schaffen das")),
        ('"Fine words," said U.S. Secretary of State Antony Blinken.',
         ("Antony Blinken", "Fine words")),
        ('Polish Foreign Minister Radoslaw Sikorski said: "No troops."',
         ("Radoslaw Sikorski", "No troops.")),
        ('"Drink water," says Dr. Jane Smith.', ("Jane Smith", "Drink water")),
        ('"Prices will fall," according to Christine Lagarde.',
         ("Christine Lagarde", "Prices will fall")),
        ('"We stand firm," European Commission President Ursula von der Leyen said.',
         ("Ursula von der Leyen", "We stand firm")),
    ],
)
def test_patterns(text, expected):
    got = pairs(text)
    if expected is None:
        assert all(s is None for s, _ in got)
    else:
        assert got == [expected]


def test_pronoun_and_description_resolve_to_last_named_speaker():
    text = (
        '"The first point is clear," Stoltenberg said. Later, "a second point," he added. '
        'Then: "A third point," the secretary general explained.'
    )
    assert [s for s, _ in pairs(text)] == ["Stoltenberg"] * 3


def test_description_kept_when_nobody_was_named():
    assert pairs('"It is over," a White House spokesperson told reporters.') == [
        ("a White House spokesperson", "It is over")
    ]


def test_pronoun_without_antecedent_is_unknown_but_kept():
    assert pairs('"No comment at all," she said.') == [(None, "No comment at all")]


def test_scare_quotes_are_not_quotes_but_long_unattributed_statements_are():
    assert pairs('The so-called "special military operation" began.') == []
    long = '"This is a long statement that nobody in particular is said to have made here."'
    assert pairs(long) == [(None, long.strip('"'))]


def test_continuation_inherits_speaker():
    text = '"We will win," Putin said. "And we will rebuild everything we lost."'
    assert pairs(text) == [
        ("Putin", "We will win"),
        ("Putin", "And we will rebuild everything we lost."),
    ]


def test_unbalanced_quote_does_not_swallow_next_paragraph():
    text = 'He wrote "an unfinished thought\n\n"All good here," Stoltenberg said.'
    assert ("Stoltenberg", "All good here") in pairs(text)


def test_glued_paragraphs_from_a_dump():
    text = 'defeat."Fundamentally there are two scenarios," Stoltenberg said.Russia launched'
    assert pairs(text) == [("Stoltenberg", "Fundamentally there are two scenarios")]


def test_an_empty_pair_of_marks_does_not_end_the_paragraph():
    text = 'Type "" to clear the field. "The update ships on Monday," Ana Ruiz said.'
    assert [(q.quote, q.speaker) for q in extract_quotes(text)] == [
        ("The update ships on Monday", "Ana Ruiz")]


def test_a_speaker_glued_to_the_closing_mark_is_still_read():
    # scraped text often loses the space that markup (</q>, a line break) stood for
    text = '"We will not be intimidated,"Stoltenberg said.'
    assert [(q.quote, q.speaker) for q in extract_quotes(text)] == [
        ("We will not be intimidated", "Stoltenberg")]


def test_scare_quotes_after_a_quotation_are_not_given_its_speaker():
    text = ('Stoltenberg said: "We are ready for every scenario." '
            'Critics called the plan "a dangerous gamble" on Monday.')
    assert [(q.quote, q.speaker) for q in extract_quotes(text)] == [
        ("We are ready for every scenario.", "Stoltenberg")]


@pytest.mark.parametrize("open_,close", [("«", "»"), ("»", "«"), ("‟", "”"), ("„", "”")])
def test_every_kind_of_mark_pairs_and_keeps_the_offsets(open_, close):
    text = f"Intro line.\nMerkel sagte: {open_}Wir schaffen das.{close} Dann ging sie."
    [q] = extract_quotes(text, DEMONYMS)
    assert (q.speaker, q.quote) == ("Merkel", "Wir schaffen das.")
    assert text[q.start] == open_


def test_quote_spans_pair_the_marks_in_order_and_drop_an_odd_one():
    from tasks.enrich.quotes import _quote_spans

    assert _quote_spans('a "b" c "d" e "f') == [(2, 4), (8, 10)]
    assert _quote_spans('""') == [(0, 1)]
    assert _quote_spans("no marks") == []


def test_a_text_without_marks_has_no_quotes():
    assert extract_quotes("Merkel sagte, sie werde das prüfen, und ging dann weiter.") == []


@pytest.mark.parametrize("phrase", ["Deputy Head of Mission Anna Nowak",
                                    "Head of Research Anna Nowak"])
def test_a_speakers_name_stops_at_the_of_of_a_job_title(phrase: str) -> None:
    # the scan for the name goes right to left and stops at "of": never "of Mission ..."
    (q,) = extract_quotes(f'"We will not accept any delay in this matter," said {phrase}.')
    assert q.speaker.endswith("Anna Nowak") and "of" not in q.speaker.split()


@pytest.mark.parametrize("rank", ["Lt.", "Sgt."])
def test_an_abbreviated_rank_before_a_name_is_no_part_of_it(rank: str) -> None:
    (q,) = extract_quotes(f'"We will not accept any delay in this matter," said {rank} Anna Nowak.')
    assert q.speaker == "Anna Nowak"


@pytest.mark.parametrize(("phrase", "name"), [
    ("Mayor of Gdansk Anna Nowak", "Anna Nowak"),
    ("Mayor of New York Eric Adams", "Eric Adams"),
    ("Deputy Head of Mission Anna Nowak", "Anna Nowak"),
    ("Secretary of Defense Lloyd J. Austin", "Lloyd J. Austin"),
    ("Minister of Finance Jan van der Berg", "Jan van der Berg"),
    ("Secretary of State Antony Blinken", "Antony Blinken"),
])
def test_the_place_or_office_after_of_is_no_part_of_the_name(phrase: str, name: str) -> None:
    (after,) = extract_quotes(f'"We will not accept any delay in this matter," said {phrase}.')
    (before,) = extract_quotes(f'{phrase} said: "We will not accept any delay in this matter."')
    assert after.speaker == name and before.speaker == name


@pytest.mark.parametrize("name", ["Jan van der Berg", "Ursula von der Leyen", "Ana da Silva"])
def test_a_particle_is_read_whole_not_as_the_start_of_a_longer_one(name: str) -> None:
    # "der" once matched as "de": the name was cut to "Jan van de"
    (q,) = extract_quotes(f'"We will not accept any delay in this matter," said {name}.')
    assert q.speaker == name


def test_a_name_after_a_description_is_the_speaker() -> None:
    (q,) = extract_quotes('"Inflation is still too high," said the Bank of England governor '
                          'Andrew Bailey.')
    assert q.speaker == "Andrew Bailey"
    (q,) = extract_quotes('"Inflation is still too high," said the White House spokesperson '
                          'Karine Jean-Pierre on Monday.')
    assert q.speaker == "Karine Jean-Pierre"


def test_a_description_never_ends_on_a_function_word() -> None:
    # "the Bank of" is no speaker; with nobody named before, the quote stays unattributed
    quotes = extract_quotes('"Inflation is still too high and will stay high for a while," '
                            'said the Bank of England.')
    assert [q.speaker for q in quotes] in ([], [None])
    (q,) = extract_quotes('"We will not accept any delay in this matter," said the minister.')
    assert q.speaker == "the minister"


@pytest.mark.parametrize(("outer", "inner"), [
    (("“", "”"), ('"', '"')), (('"', '"'), ("“", "”")), (("«", "»"), ('"', '"')),
    (("„", "“"), ('"', '"'))])
def test_a_quotation_nesting_the_other_kind_of_mark_is_kept_whole(outer, inner):
    """Round 26: a quotation in typographic marks quoting someone in straight ones (or
    the other way round). All marks paired as one kind, the inner ones cut it into
    pieces too short to keep: no quotation at all. Each kind now pairs on its own."""
    text = (f"Intro line.\n{outer[0]}He told me {inner[0]}the ferry is back{inner[1]} "
            f"yesterday,{outer[1]} said Jane Doe.")
    [q] = extract_quotes(text, DEMONYMS)
    assert (q.speaker, q.quote) == ("Jane Doe", 'He told me "the ferry is back" yesterday')
    assert text[q.start] == outer[0]


def test_a_lone_straight_mark_in_a_typographic_quotation_cuts_nothing():
    """Round 26: an inch mark (`12"`) inside curly quotes paired with the opening mark."""
    [q] = extract_quotes('“The 12" pizza is back on the menu,” said Jane Doe.', DEMONYMS)
    assert (q.speaker, q.quote) == ("Jane Doe", 'The 12" pizza is back on the menu')


def test_quotes_of_both_kinds_side_by_side_are_both_kept():
    text = ('“The ferry is back,” said Jane Doe. "It is on time," said John Smith.')
    assert [(q.speaker, q.quote) for q in extract_quotes(text, DEMONYMS)] == [
        ("Jane Doe", "The ferry is back"), ("John Smith", "It is on time")]


# --- mutation seed 59 -------------------------------------------------------------------

def test_a_span_of_the_other_kind_across_an_earlier_one_is_left_out():
    """Round 26's rule: a span inside or across an earlier one is left out. Straight
    marks opening inside a curly quotation and closing after it pair across it (a stray
    inch mark, a quotation left open); the curly quotation is the statement."""
    from tasks.enrich.quotes import _quote_spans

    para = '“one "two” three" four'
    assert _quote_spans(para) == [(para.index("“"), para.index("”"))]
    para = '"one “two" three” four'
    assert _quote_spans(para) == [(0, para.index('"', 1))]
    text = '“We will sail at 12" sharp,” said Jane Doe. The 8" plates are sold out.'
    assert [(q.speaker, q.quote) for q in extract_quotes(text, DEMONYMS)] == [
        ("Jane Doe", 'We will sail at 12" sharp')]


@pytest.mark.parametrize(("quote", "read"), [
    ("I met Malcolm X,", "I met Malcolm X"), ("We bought the Model X", "We bought the Model X"),
    ("It was Louis XIV,", "It was Louis XIV")])
def test_only_the_comma_is_stripped_from_the_end_of_a_quotation(quote, read):
    [q] = extract_quotes(f'"{quote}" Jane Doe said.', DEMONYMS)
    assert (q.speaker, q.quote) == ("Jane Doe", read)


def test_a_quotation_of_the_longest_length_is_kept_and_one_longer_is_not():
    from tasks.enrich.quotes import MAX_QUOTE_CHARS

    for size, kept in ((MAX_QUOTE_CHARS, True), (MAX_QUOTE_CHARS + 1, False)):
        body = ("We will build the new ferry terminal " * 100)[:size - 1] + "."
        assert len(body) == size
        quotes = extract_quotes(f'"{body}" Jane Doe said.', DEMONYMS)
        assert [q.quote for q in quotes] == ([body] if kept else [])


@pytest.mark.parametrize(("room", "read"), [(120, True), (121, False)])
def test_the_speaker_after_a_quotation_is_looked_for_in_the_next_120_characters(room, read):
    """The attribution after the closing mark ends within its 120 characters (a cut verb
    is no verb: "sai" of "said")."""
    after = "Sikorski said"
    text = '"We stay firm," ' + " " * (room - len(after) - 1) + after + "."
    assert len(text[text.index(",") + 2:-1]) == room  # from after the closing mark
    got = [(q.speaker, q.quote) for q in extract_quotes(text, DEMONYMS)]
    assert got == ([("Sikorski", "We stay firm")] if read else [])


def test_a_continuation_right_after_the_closing_mark_keeps_the_speaker():
    # scraped text loses the space after a closing mark (as the glued-speaker test): the
    # words between two quotations start right after the first one's mark
    text = '"We stay the course,"said Sikorski, "and we will not move."'
    assert [(q.speaker, q.quote) for q in extract_quotes(text, DEMONYMS)] == [
        ("Sikorski", "We stay the course"), ("Sikorski", "and we will not move.")]


def test_the_window_before_a_quotation_opens_at_a_words_start():
    # the speaker is looked for in the 160 characters before the opening mark; a window
    # that begins inside "McDonald" read the name's tail "Donald" as a name of its own
    from tasks.enrich.quotes import BEFORE_WINDOW

    words = " ".join(["Bundesverkehrswegeplanungsbeschleunigungsgesetz",
                      "Donaudampfschifffahrtsgesellschaftskapitaen",
                      "Rindfleischetikettierungsueberwachungsaufgaben"])
    tail = f" said {words} "
    tail += "x" * (BEFORE_WINDOW - len("Donald") - len(tail) - 2) + ": "
    text = "On Monday Ronald McDonald" + tail + '"The bridge is open again for everyone."'
    opening = text.index('"')
    assert text[opening - BEFORE_WINDOW:].startswith("Donald said")  # the cut, as it falls
    assert [q.speaker for q in extract_quotes(text, DEMONYMS)] == ["McDonald"]
