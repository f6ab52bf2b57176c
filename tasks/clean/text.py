"""Clean: unicode and whitespace normalisation, glued-paragraph repair, content hash.

Text leaves this stage as paragraphs separated by one blank line, NFC-normalised, with
invisible characters removed, so that content hashes and shingles compare like with like.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

import pyarrow as pa

from schemas import ARTICLES, conform
from tasks.clean.boilerplate import remove_boilerplate
from tasks.clean.filters import opted_out, too_short, wrong_language
from tasks.common.result import StageResult, reject_record
from tasks.common.text import content_hash, detect_language, word_count

STAGE = "clean"

# Zero-width and bidi marks: invisible, but they break hashing, shingling and search.
# Control characters too (NUL and the rest of C0 but tab and line ends, DEL): no text holds
# them, and they came through whole from a dump or a record (a NUL past a dump's sniffed
# first 8 KB, a writer's padding) into articles.text, where a terminal, a CSV export or a
# search index chokes on them.
# Bidi isolates (U+2066-2069, HTML5's <bdi> and dir=auto written out) and the Arabic
# letter mark belong with the other bidi marks; the C1 controls (U+0080-009F: mojibake of
# windows-1252 read as latin-1 twice, old EBCDIC exports; U+009B is a terminal's CSI) with
# the C0 ones. Kept, an isolate made one copy of a story hash apart from the other.
# The zero-width non-joiner and joiner (U+200C, U+200D) are no such marks where a script
# spells with them, and go only elsewhere (`_stray_joiners_out`).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e"
                        "\u2066-\u2069\u061c"
                        "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")  # NEL (\x85) is a break
# ZWNJ and ZWJ are letters of the spelling in the Arabic script (Persian writes "می‌خواهم"
# with a ZWNJ: without it the two parts join into another shape, a misspelling) and in
# the Brahmic scripts of India and Sri Lanka (Devanagari's half forms "क्‍ष", Malayalam's
# chillus, Sinhala's yansaya), and a ZWJ joins emoji into one picture (👨‍👩‍👧 a family,
# 🏳️‍🌈 the rainbow flag; without it three people, a white flag and a rainbow). Dropped
# with the other zero-width marks, each such text was stored misspelt or its pictures
# taken apart (fault round 28). Kept there, dropped elsewhere (pasted into a Latin word,
# where they only break search and comparison); content_hash folds them out, so a copy
# written without them is still an exact duplicate.
_JOINERS = re.compile("[\u200c\u200d]")
# Arabic, Syriac, Thaana, NKo, Samaritan... (U+0600-08FF), the Brahmic scripts from
# Devanagari to Sinhala (U+0900-0DFF), and the Arabic presentation forms.
_JOINING_SCRIPT = re.compile("[\u0600-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefe]")
# What an emoji ZWJ sequence holds before a joiner (a pictograph, a presentation selector,
# a skin tone) and after it (a pictograph).
_EMOJI_BEFORE = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]")
_EMOJI_AFTER = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")


def _joiner_kept(text: str, at: int) -> bool:
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if before and _JOINING_SCRIPT.match(before):
        # inside a word of the script, or after a virama or other sign (a chillu, a half
        # form ending a word)
        return bool(after and _JOINING_SCRIPT.match(after)) \
            or unicodedata.category(before) in ("Mn", "Mc")
    return text[at] == "\u200d" and bool(before and _EMOJI_BEFORE.match(before)) \
        and bool(after and _EMOJI_AFTER.match(after))


def _stray_joiners_out(text: str) -> str:
    """`text` without the ZWNJs and ZWJs no script or emoji sequence spells with."""
    if "\u200c" not in text and "\u200d" not in text:
        return text
    return _JOINERS.sub(lambda m: m.group() if _joiner_kept(text, m.start()) else "", text)
# Terminal escape sequences (ECMA-48), written into a dump by a tool that coloured its
# output (`grep --color=always`, a log viewer, `tput sgr0`): only the ESC went with the
# controls above, "[31m" and "[0m" stayed in the text (round 14). A control sequence
# (ESC [ parameters, intermediates, a final byte), an operating system command (ESC ],
# up to BEL or ESC \: a terminal's title, a hyperlink), and an escape with intermediate
# bytes (ESC ( B, a character set). Only ESC-led forms: a lone U+009B (the 8-bit CSI) is
# more often a windows-1252 "›" read twice, and the letter after it is text.
_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]{0,2000}(?:\x07|\x1b\\)"
                              r"|[ -/]+[0-~])")


def _without_terminal_escapes(text: str) -> str:
    return _TERMINAL_ESCAPE.sub("", text) if "\x1b" in text else text


# Line breaks other than LF and CR (NEL, LINE and PARAGRAPH SEPARATOR): `str.splitlines`
# (the boilerplate rules) broke lines there and `split("\n")` here did not, so a paragraph
# was one line to one and two to the other; they are line breaks
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\x0b\x0c\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# A glued boundary: sentence end (.!?), an optional closing bracket, then with no space
# the next sentence's capital letter or opening quote. The lookbehind needs a lowercase
# letter, digit or closing bracket/quote before the punctuation, which already spares
# initials and acronyms ("U.S.", "J.R.R.") and decimals ("3.5", "No.5": digit after).
_GLUE = re.compile(
    r"""(?<=[a-z\u00df-\u00ff0-9\)\]%])   # end of a word
        ([.!?]+)                          # sentence-final punctuation
        (["\u201d\u2019']?)               # maybe a closing quote
        (?=["\u201c\u2018']?[A-Z\u00c0-\u00de])  # next sentence: capital, maybe quoted
    """,
    re.VERBOSE,
)
# Abbreviations after which a capital is a name, not a new sentence ("Mr.Smith").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt cmdr adm rep sen gov pres jr sr rev fr vs "
    "etc inc ltd co corp no nos vol fig pp ca approx dept est jan feb mar apr jun jul aug "
    "sep sept oct nov dec mt ft".split()
)
# Tokens that continue as a domain or a file name ("Amazon.Com", "index.HTML").
_DOMAINISH_NEXT = re.compile(
    r"(?i)(com|org|net|gov|edu|int|info|io|co|uk|de|ru|html?|php|aspx?"
    r"|jpe?g|png|gif|webp|pdf|mp[34]|csv|docx|xlsx)\b")


def repair_glued_paragraphs(text: str) -> list[str]:
    """Split paragraphs that were glued without a space ("Poland.Meanwhile") into separate
    paragraphs; existing line breaks are paragraph breaks too.

    Spared: abbreviations ("Mr.Smith"), initials and acronyms ("U.S.", "J.R.R."),
    decimals and numbers ("3.5", "No.5"), domains, URLs and e-mail addresses.
    """
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            paragraphs.extend(_split_line(line))
    return paragraphs


def _split_line(line: str) -> list[str]:
    cuts: list[int] = []
    for m in _GLUE.finditer(line):
        start, end = m.start(), m.end()
        word = _word_before(line, start)
        if word.lower() in _ABBREVIATIONS or _inside_url(line, start):
            continue
        if _DOMAINISH_NEXT.match(line, end):  # a domain or file name goes on: no cut
            continue
        quote = m.group(2)
        if quote and quote in "\"'":
            # A straight quote after the full stop either closes the sentence's quotation
            # ('"yes."Then') or opens the next paragraph ('defeat."Fundamentally'): it
            # closes one iff the paragraph so far has an unbalanced quote.
            opened = line[cuts[-1] if cuts else 0:start].count(quote) % 2 == 1
            cuts.append(end if opened else end - len(quote))
        else:
            cuts.append(end)
    if not cuts:
        return [line]
    parts, prev = [], 0
    for cut in cuts:
        parts.append(line[prev:cut].strip())
        prev = cut
    parts.append(line[prev:].strip())
    return [p for p in parts if p]


_LAST_WORD = re.compile(r"([A-Za-z]+)$")
# How far back the word before a full stop is looked for: longer than any abbreviation, so
# a word cut there is never taken for one. Searching the whole line before each match
# made a long one-line body quadratic (a 200 KB dump: 11 s; a 4.9 MB one, under the dump
# cap: hours, the run stalled in clean).
_WORD_LOOKBACK = 40


def _word_before(line: str, pos: int) -> str:
    m = _LAST_WORD.search(line, max(0, pos - _WORD_LOOKBACK), pos)
    return m.group(1) if m else ""


def _inside_url(line: str, pos: int) -> bool:
    # `line` holds no line break (repair_glued_paragraphs splits on them): looking for
    # one scanned back to the line's start at every match (quadratic)
    token_start = line.rfind(" ", 0, pos) + 1
    token = line[token_start:pos]
    return "://" in token or token.startswith("www.") or "@" in token or "/" in token


def normalise_text(text: str) -> str:
    """NFC, invisible characters removed, runs of spaces collapsed, paragraphs separated by
    exactly one blank line."""
    text = unicodedata.normalize("NFC", _without_terminal_escapes(text))
    text = _stray_joiners_out(_INVISIBLE.sub("", text)).replace("\r\n", "\n").replace("\r", "\n")
    text = _OTHER_BREAKS.sub("\n", text)
    paragraphs = (_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def normalise_inline(value: str | None) -> str | None:
    """One-line fields (title, site name): NFC, invisible characters out, spaces collapsed."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", _without_terminal_escapes(value))
    value = _OTHER_BREAKS.sub(" ", _stray_joiners_out(_INVISIBLE.sub("", value)))
    value = _SPACES.sub(" ", value)
    return value.replace("\n", " ").strip() or None


def normalise_names(values: list[str] | None) -> list[str] | None:
    """A list of names (authors, tags) as one-line fields, empty ones out, duplicates
    merged: "Jose\u0301" (decomposed, as macOS writes file names and some CMSs store
    them) and "José" are one author, as "Jane\u200b Doe" and "Jane Doe" are."""
    if values is None:
        return None
    return list(dict.fromkeys(v for v in map(normalise_inline, values) if v))


@dataclass(frozen=True)
class CleanConfig:
    """What the clean stage uses of Settings (see there for each value's reason)."""

    min_words: int
    target_languages: list[str]
    opt_out_action: str
    opt_out_signals: list[str]


def clean_record(row: dict) -> dict:
    """Normalise one article row. Dumps also get their glued paragraphs repaired."""
    text = _without_terminal_escapes(row["text"] or "")  # before the repair's glue and
    if row["source_kind"] == "dump":                      # the boilerplate's line rules
        text = "\n".join(repair_glued_paragraphs(text))
    # boilerplate lines ("Read more: ...", share/cookie/credit lines, a repeated byline)
    text = remove_boilerplate(text, authors=row.get("authors") or (), title=row.get("title")).text
    text = normalise_text(text)
    language, score = row.get("language"), row.get("language_score")
    if language is None:  # dumps: extract had no page to read it from
        language, score = detect_language(text)
    return {
        **row,
        "text": text,
        "language": language,
        "language_score": score,
        "title": normalise_inline(row.get("title")),
        "site_name": normalise_inline(row.get("site_name")),
        "description": normalise_inline(row.get("description")),
        "authors": normalise_names(row.get("authors")),
        "tags": normalise_names(row.get("tags")),
        "word_count": word_count(text),
        "content_hash": content_hash(text),
    }


def run(articles: pa.Table, config: CleanConfig, run_id: str) -> StageResult:
    """Normalise every article and drop its boilerplate lines; reject the ones left too short
    or in a language outside config.target_languages (tasks.clean.filters)."""
    kept, rejects = [], []
    now = datetime.now(UTC)
    for row in articles.to_pylist():
        row = clean_record(row)
        verdict = opted_out(row.get("rights"), config.opt_out_action,
                            config.opt_out_signals) or too_short(
            row["text"], config.min_words) or wrong_language(
            row["language"], config.target_languages, row["language_score"]
        )
        if verdict:
            rejects.append(reject_record(row, STAGE, verdict, run_id, at=now))
            continue
        kept.append(row)
    return StageResult(STAGE, conform(kept, ARTICLES, "articles"), articles.num_rows, rejects)
