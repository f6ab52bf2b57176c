"""Direct quotations and who said them: {quote, speaker} per article.

Rule-based, because the patterns news prose uses are few and regular, and a rule costs
microseconds where a parser costs milliseconds:

    "...," Stoltenberg said.          quote, then NAME VERB
    "...," said Sikorski.             quote, then VERB NAME
    "...," the minister explained.    quote, then DESCRIPTION VERB (resolved, see below)
    Sikorski said: "..."              NAME VERB [words] : or , then quote
    "A," he said. "B."                B continues A's speaker

Quote marks: straight ("), English curly (“ ”), German (low-9 „ with “ or ”) and
guillemets (« » and » «) are treated alike and paired in order within one paragraph, so
an unbalanced mark cannot swallow the rest of the article. Single-quote quotations
('...') are not read: apostrophes make them ambiguous.

A pronoun ("he said") or a description ("the minister explained") resolves to the most
recent named speaker in the article; with none, a pronoun gives null and a description
is kept as written ("the White House spokesperson"). Speakers lose leading
titles and nationalities ("Polish Foreign Minister Radoslaw Sikorski" -> "Radoslaw
Sikorski"). A quotation with no attribution is kept (speaker null) only when it is long
enough to be a statement rather than scare quotes (MIN_UNATTRIBUTED_WORDS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Scare quotes ("special military operation") are short; a quoted statement is longer.
MIN_UNATTRIBUTED_WORDS = 8
MIN_ATTRIBUTED_WORDS = 2
MAX_QUOTE_CHARS = 2000  # a longer "quote" is a pairing error, not a quotation

_VERBS = (
    r"said|says|say|told|tells|added|adds|explained|explains|noted|notes|stressed|stresses|"
    r"stated|states|declared|wrote|writes|asked|asks|replied|warned|warns|argued|argues|"
    r"insisted|continued|claimed|claims|commented|recalled|emphasized|emphasised|"
    r"underlined|announced|concluded|acknowledged|admitted|tweeted|posted|remarked|"
    r"observed|suggested|added|told reporters|told journalists|confirmed|urged|"
    r"pointed out|went on|maintained|cautioned|predicted|vowed|admits|agreed|recounted|"
    r"according to|"
    # German, the commonest other language in our sources ("sagte Merkel", "Merkel sagte:")
    r"sagte|sagt|erklärte|erklärt|betonte|betont|meinte|schrieb|warnte|ergänzte"
)
# "Dr.", "U.S.", "J.", "Sikorski": an abbreviation keeps its full stop.
_CAP_TOKEN = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr)\.|(?:[A-Z]\.)+|[A-Z][\w'’-]+)"
)
# (The particles end at a word boundary: "der" was read as "de" and the name cut there.)
_NAME_TOKEN = rf"(?:{_CAP_TOKEN}|(?:de|van|von|al|bin|la|der|da|di|le|of)\b)"
_NAME = rf"(?:{_CAP_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,6}})"
# "the minister", "a White House spokesperson": the role noun is the last, lower-case word.
# The role noun is no function word: "said the Bank of England" is no "the Bank of".
_DESCRIPTION = (r"(?:(?:the|a|an|his|her|their|our)\s+(?:[\w.’'-]+\s+){0,3}?"
                r"(?!(?:of|and|for|in|at|to|on|the)\b)[a-z][\w-]*)")
_PRONOUN = r"(?:he|she|they|He|She|They)"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_DESCRIPTION}|{_PRONOUN})"

# After the closing mark: `," Stoltenberg said` / `," the minister explained`.
_AFTER_SPEAKER_VERB = re.compile(rf"^[\s,]*{_SPEAKER}\s+(?:has\s+|had\s+|also\s+)?(?:{_VERBS})\b")
# After the closing mark: `," said Sikorski`.
_AFTER_VERB_SPEAKER = re.compile(rf"^[\s,]*(?:{_VERBS})\s+{_SPEAKER}")
# `," said the Bank of England governor Andrew Bailey`: a description, its role noun, then
# the name; tried before the description alone (which would be the speaker otherwise).
_AFTER_VERB_DESCRIBED_NAME = re.compile(
    rf"^[\s,]*(?:{_VERBS})\s+{_DESCRIPTION}\s+(?P<speaker>{_NAME})"
)
# Before the opening mark: `Sikorski said: ` / `He told reporters on Monday, `.
_BEFORE = re.compile(
    rf"(?:^|[.!?]\s+|\n|\s){_SPEAKER}\s+(?:has\s+|had\s+|also\s+)?(?:{_VERBS})"
    r"(?:\s+[\w'’-]+){0,4}?\s*[:,]\s*$"
)
# Between two quotes of the same speaker: `," he said. "` / `, she added, "`.
_CONTINUATION = re.compile(rf"^[^\"]{{0,80}}\b(?:{_VERBS})\b[^\"]{{0,40}}[.,:;]\s*$")

_OPEN_CLOSE = ("“", "”", "„", "«", "»", "‟")
_TYPOGRAPHIC = re.compile("[" + "".join(_OPEN_CLOSE) + "]")


# How far before an opening mark its speaker is looked for ("Sikorski said: "). The window
# opens at a word's start: `_BEFORE`'s `^` is a paragraph's start, and a window cut inside
# "McDonald" read "Donald said:" as the speaker (mutation seed 59).
BEFORE_WINDOW = 160


def _word_start(para: str, at: int) -> int:
    """`at`, moved back to the start of the word it falls in (0 at the paragraph's start)."""
    if at <= 0:
        return 0
    while at > 0 and not para[at - 1].isspace():
        at -= 1
    return at


def _straight_quotes(text: str) -> str:
    """Every opening/closing mark as a straight quote. One str.replace per mark: each is a
    C scan, where str.translate with these non-ASCII marks looks every character up in a
    dict (~10x slower on an article)."""
    for mark in _OPEN_CLOSE:
        if mark in text:
            text = text.replace(mark, '"')
    return text

# Leading words of a speaker phrase that are titles, not names.
_TITLE_WORDS = frozenset(
    """President Vice Prime Minister Foreign Defence Defense Interior Finance Deputy
    Secretary General Secretary-General State Chancellor Senator Sen. Rep. Representative Gov.
    Governor Mayor Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof. Professor King Queen Prince
    Princess Pope Sir Lord Lady General Gen. Col. Colonel Admiral Commander Chief Spokesman
    Spokeswoman Spokesperson Ambassador Envoy Speaker Chairman Chairwoman Chair CEO Judge
    Justice Attorney Health Economy Trade Energy Home Supreme Allied Europe Alliance NATO
    EU UN Kremlin White House State Department Pentagon Former Ex-President Minister's
    Ministry Office Press Secretary's Senior Top Acting Interim Opposition Leader""".split()
)
_PRONOUNS = frozenset({"he", "she", "they"})


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation; speaker is None when no attribution was found."""

    quote: str
    speaker: str | None
    start: int  # offset of the quotation in the text (for ordering and tests)


_PARTICLES = frozenset({"de", "van", "von", "al", "bin", "la", "der", "da", "di", "le"})
MAX_NAME_TOKENS = 4


def _clean_speaker(raw: str, demonyms: frozenset[str]) -> str:
    """The personal name at the end of a speaker phrase: scan from the right while tokens
    look like name parts. 'U.S. Secretary of State Antony Blinken' -> 'Antony Blinken';
    'Ursula von der Leyen' keeps its particles."""
    kept: list[str] = []
    after_of = False
    for token in reversed(raw.split()):
        if (
            token in _TITLE_WORDS
            or token in demonyms
            or token == "of"
            or (token.endswith(".") and len(token) > 2 and kept)  # "U.S." before a name
            or len(kept) >= MAX_NAME_TOKENS
        ):
            after_of = token == "of"
            break
        kept.append(token)
    while kept and kept[-1] in _PARTICLES:  # a name does not start with "von"
        kept.pop()
    if after_of:
        kept = _name_after_office(kept)
    return " ".join(reversed(kept)) or raw


_INITIAL = re.compile(r"^[A-Z]\.$")


def _name_after_office(kept: list[str]) -> list[str]:
    """What follows the "of" of a title (`kept`, right to left) opens with the title's
    place or office: "Mayor of Gdansk Anna Nowak", "Mayor of New York Eric Adams". The
    name is its last two words, with the particles and initials between them ("Jan van
    der Berg", "Lloyd J. Austin"); two words or fewer are all name."""
    names = 0
    for i, token in enumerate(kept):
        if token in _PARTICLES or _INITIAL.match(token):
            continue
        names += 1
        if names == 2:
            return kept[: i + 1]
    return kept


def _is_named(speaker: str) -> bool:
    return speaker[:1].isupper() and speaker.split()[0].lower() not in _PRONOUNS


def _pairs(marks: list[int]) -> list[tuple[int, int]]:
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


def _quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of paired quote marks in a paragraph, as written (straight
    or typographic marks; every mark is one character, so the offsets hold in its
    straight-quote copy too).

    The marks of one kind pair in order. A paragraph holding both kinds nests one in the
    other (`“He told me "the ferry is back" yesterday,” said Jane Doe`): paired as one
    kind, the inner marks cut the quotation into pieces too short to keep, and the whole
    quotation was lost (fault round 26). So each kind pairs on its own and a span inside
    (or across) an earlier one is left out: the outer quotation is the statement."""
    # str.find jumps from mark to mark in C; a Python step per character was the slower
    # half of extract_quotes on long paragraphs.
    marks = []
    i = paragraph.find('"')
    while i >= 0:
        marks.append(i)
        i = paragraph.find('"', i + 1)
    typographic = [m.start() for m in _TYPOGRAPHIC.finditer(paragraph)]
    if not typographic or not marks:
        return _pairs(marks or typographic)
    kept: list[tuple[int, int]] = []
    for span in sorted(_pairs(typographic) + _pairs(marks)):
        if not kept or span[0] > kept[-1][1]:
            kept.append(span)
    return kept


def _paragraphs(text: str):
    """(offset, paragraph) pairs; paragraphs are separated by newlines."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def extract_quotes(text: str, demonyms: frozenset[str] = frozenset()) -> list[Quote]:
    """All direct quotations in `text` with their speakers, in order of appearance.

    `demonyms` are words stripped from the front of a speaker ("Polish", "Russian");
    enrich passes the gazetteer's demonyms.
    """
    quotes: list[Quote] = []
    last_named: str | None = None
    written, text = text, _straight_quotes(text)
    if '"' not in text:
        return quotes
    for offset, para in _paragraphs(text):
        prev_end = None
        prev_speaker = None
        for open_, close in _quote_spans(written[offset : offset + len(para)]):
            body = para[open_ + 1 : close].strip().rstrip(",").strip()
            if not body or len(body) > MAX_QUOTE_CHARS:
                prev_end, prev_speaker = close, None
                continue
            after = para[close + 1 : close + 121]
            before = para[_word_start(para, open_ - BEFORE_WINDOW) : open_]
            m = (
                _AFTER_SPEAKER_VERB.match(after)
                or _AFTER_VERB_DESCRIBED_NAME.match(after)
                or _AFTER_VERB_SPEAKER.match(after)
                or _BEFORE.search(before)
            )
            speaker: str | None = None
            attributed = m is not None
            if m:
                speaker = m.group("speaker")
                if _is_named(speaker) and not speaker.startswith(("The ", "A ", "An ")):
                    speaker = _clean_speaker(speaker, demonyms)
                    last_named = speaker
                elif last_named is not None:
                    speaker = last_named  # "he", "the minister": the last named speaker
                elif speaker.split()[0].lower() in _PRONOUNS:
                    speaker = None  # "she said" with nobody named before: unknown
                # else: keep the description ("the White House spokesperson")
            elif prev_end is not None and prev_speaker and _CONTINUATION.match(
                para[prev_end + 1 : open_]
            ):
                speaker, attributed = prev_speaker, True
            words = len(body.split())
            if words >= (MIN_ATTRIBUTED_WORDS if attributed else MIN_UNATTRIBUTED_WORDS):
                quotes.append(Quote(body, speaker, offset + open_))
            prev_end, prev_speaker = close, speaker
    return quotes
