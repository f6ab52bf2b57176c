"""The datelines of India's agencies, in the opening and after a local intro
(tasks/enrich/wire.py `dateline_credits`): ANI's "New Delhi [India], May 3 (ANI):" with
the state in round brackets before the country ("Srinagar (Jammu and Kashmir) [India]"),
PTI's and IANS's bracket with no dash after it ("NEW DELHI, May 3 (PTI) The ..."); and
the captions and sentences that look like them and credit nothing."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import DATELINE_CHARS, dateline_credits, wire_credits

BODY = " The minister said the talks would go on." * 6
# A regional site's own intro, longer than the opening window: a dateline after it is
# read only as a later paragraph's.
INTRO = ("Residents of Springfield will feel the change from next month, the county said on "
         "Tuesday, as the new rates reach the first households.\n\n"
         "The county's finance office expects most families to pay about twelve dollars "
         "more a month, a spokeswoman said in a statement.")

TRUE_DATELINES = [
    # ANI: the place, the country in square brackets, the date, "(ANI):"
    ("New Delhi [India], May 3 (ANI): The government on Friday", {"ANI"}),
    ("Washington DC [US], May 3 (ANI): US President", {"ANI"}),
    ("Kathmandu [Nepal], May 3 (ANI): Nepal's Prime Minister", {"ANI"}),
    # ... and the state in round brackets before the country
    ("Srinagar (Jammu and Kashmir) [India], May 3 (ANI): Security forces", {"ANI"}),
    ("Mumbai (Maharashtra) [India], May 3 (ANI): The city's civic body", {"ANI"}),
    ("Port Blair (Andaman and Nicobar Islands) [India], May 3 (ANI): The", {"ANI"}),
    ("Silvassa (Dadra and Nagar Haveli and Daman and Diu) [India], May 3 (ANI): The",
     {"ANI"}),
    # PTI and IANS: the place and the date, the bracket, and the story, no dash between
    ("NEW DELHI, May 3 (PTI) The government on Friday said", {"PTI"}),
    ("New Delhi, May 3 (PTI) The Supreme Court on Friday", {"PTI"}),
    ("Mumbai, May 3 (PTI) Benchmark equity indices rose", {"PTI"}),
    ("Islamabad, May 3 (PTI) Pakistan's government", {"PTI"}),
    ("New Delhi, May 3 (PTI): The government", {"PTI"}),  # with a colon, as some sites
    ("New Delhi, May 3 (IANS) The Congress on Friday", {"IANS"}),
    ("Chennai, May 3 (IANS) 15 fishermen were arrested", {"IANS"}),  # a digit opens it
    ("Kolkata, Dec. 2 (IANS) West Bengal", {"IANS"}),
]


@pytest.mark.parametrize("dateline, credited", TRUE_DATELINES)
def test_an_indian_agencys_dateline_opening_the_text_credits_it(dateline, credited):
    assert dateline_credits(dateline + BODY) == credited
    assert wire_credits(dateline + BODY, None) == sorted(credited)


@pytest.mark.parametrize("dateline, credited", TRUE_DATELINES)
def test_an_indian_agencys_dateline_after_a_local_intro_credits_it(dateline, credited):
    assert len(INTRO) > DATELINE_CHARS  # (else the opening window alone would read it)
    assert dateline_credits(f"{INTRO}\n\n{dateline}{BODY}") == credited
    # after a headline line too
    assert dateline_credits(f"Rates rise\n{INTRO}\n\n{dateline}{BODY}") == credited


NEAR_MISSES = [
    # photo captions and their credits, merged into the line of copy after them
    "Security personnel stand guard in Srinagar on Friday. (AP Photo/Mukhtar Khan) The",
    "(AP Photo/Channi Anand) Security personnel stand guard",
    "Security personnel in Srinagar, May 3 (AP Photo/Mukhtar Khan) The curfew",
    "Farmers at a protest in Amritsar, May 3. (PTI Photo) The protest went on",
    "Congress leader Rahul Gandhi in New Delhi, May 3 (PTI Photo/Kamal Singh) The",
    "Prime Minister Narendra Modi at a rally in Varanasi. (ANI Photo) The rally",
    # a caption's bare credit after its sentence: no place and date before the bracket
    "Farmers protest in Amritsar on Friday, May 3. (PTI) The farmers said",
    # a bracket inside a sentence
    "The ministry told the Press Trust of India (PTI) The talks would go on",
    "The ministry said on Friday, May 3 (PTI) that the talks would go on",
    "Officials in the state said on Friday, May 3 (IANS) The talks would go on",
    "In Geneva, on May 3 (AFP) officials met again",  # no sentence starts after it
    # a caption's credit after the name of whom it shows: no date, so no dateline
    "Prime Minister Narendra Modi (PTI) The prime minister said",
    "Chief Minister Mamata Banerjee (IANS) The chief minister",
    "He told [India] reporters on May 3 (ANI): the talks would go on",
    "Srinagar (Jammu and Kashmir) [India] residents said on May 3 (ANI) that",
    "Srinagar (Jammu and Kashmir) residents said (ANI): the talks would go on",
]


@pytest.mark.parametrize("opening", NEAR_MISSES)
def test_a_caption_or_a_sentence_bracket_credits_nothing(opening):
    assert dateline_credits(opening + BODY) == set()
    assert dateline_credits(f"{INTRO}\n\n{opening}{BODY}") == set()


def test_a_caption_line_before_the_dateline_leaves_the_datelines_credit_alone():
    caption = "Security personnel stand guard in Srinagar. (AP Photo/Mukhtar Khan)"
    text = f"{caption}\nSrinagar (Jammu and Kashmir) [India], May 3 (ANI): Security{BODY}"
    assert dateline_credits(text) == {"ANI"}
    assert dateline_credits(f"{INTRO}\n\n{caption}\n\nNEW DELHI, May 3 (PTI) The{BODY}") == {
        "PTI"}


def test_a_bracket_with_no_dash_closes_a_dateline_in_its_storys_line_only():
    # a place and date ending one line and a credit opening the next are no dateline;
    # nor, with no dash, is a line that the bracket ends (a caption's "..., May 3 (PTI)")
    assert dateline_credits("NEW DELHI, May 3\n(PTI) The government" + BODY) == set()
    assert dateline_credits("Farmers in Amritsar, May 3 (PTI)\nThe farmers" + BODY) == set()
