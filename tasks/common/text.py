"""Text measures every stage agrees on: word count, language, content hash.

One definition each, so that extract, clean and enrich count and hash alike.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# Chinese and Japanese are written without spaces: a whitespace count sees a whole
# paragraph as one "word". ~2 characters per word is the usual rule of thumb for both.
# The letters of those scripts (kana, CJK ideographs with extension A, compatibility
# ideographs), as inclusive code point ranges: word counts and near-duplicate shingles
# (dedup's signing, one token per such letter) read the same ones.
CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
CJK_LETTER = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]")
CJK_CHARS_PER_WORD = 2
# Thai, Lao, Khmer and Myanmar are written without spaces between words too: a space
# there ends a phrase or a sentence. Counted as space-separated runs, a Thai story of
# ~300 words was ~20 "words", a brief a `too_short` reject and its reading time a few
# seconds (fault round 43). Their vowel signs and tone marks are code points of their
# own: a word is about 5 code points (a Thai lead segmented by hand: 203 in 36 words).
# The near-duplicate signer takes each of them for a token too, as it does CJK letters.
UNSPACED_RANGES = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
UNSPACED_LETTER = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in UNSPACED_RANGES)
                             + "]")
UNSPACED_CHARS_PER_WORD = 5
_LETTER_WITHOUT_SPACES = re.compile(CJK_LETTER.pattern[:-1] + UNSPACED_LETTER.pattern[1:])


def word_count(text: str) -> int:
    """ARTICLES.word_count, also what the length filter counts: whitespace tokens, plus
    CJK characters / 2 and Thai, Lao, Khmer and Myanmar code points / 5 for scripts
    without spaces (a Chinese or Thai article is not 'too short', and its reading time
    is not a few seconds)."""
    if not _LETTER_WITHOUT_SPACES.search(text):
        return len(text.split())
    cjk = len(CJK_LETTER.findall(text))
    unspaced = len(UNSPACED_LETTER.findall(text))
    spaced = _LETTER_WITHOUT_SPACES.sub(" ", text).split()
    return len(spaced) + cjk // CJK_CHARS_PER_WORD + unspaced // UNSPACED_CHARS_PER_WORD



def _class_of(chars: list[str]) -> str:
    """A regex character-class body for `chars` (sorted), runs written as ranges."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        first, last = re.escape(chars[i]), re.escape(chars[j])
        out.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(out)


# Every capital letter of the alphabets with case below U+2000 (Latin with its extensions,
# Greek, Cyrillic, Armenian, Georgian), as the body of a regex character class: a name
# opens with one. "[A-ZÀ-Ý]" missed "Šimon", "Željko", "Şule", "Ștefan", "Иван", "Ευάγγελος".
CAPITALS = _class_of([chr(c) for c in range(0x41, 0x2000) if chr(c).isupper()])


# py3langid needs some text to be reliable; below this we trust <html lang> instead.
LANGID_MIN_CHARS = 200
# A few paragraphs decide; cost grows with length (at 3000 chars it was 9% of the stage).
LANGID_MAX_CHARS = 1000


@lru_cache(maxsize=1)
def _lang_identifier():
    from tasks.common.langmodel import language_identifier

    return language_identifier()


def detect_language(text: str, html_lang: str | None = None) -> tuple[str | None, float | None]:
    """ISO 639-1 code and probability; the page's <html lang> (no score) for short texts.
    A text with no letter at all (digits, punctuation, emoji, symbols) is in no language:
    (None, None), whatever the page declares. py3langid classifies any bytes, so such a
    text got a guess: a million emoji `sr`, Arabic-Indic digits `sdh` at 0.96, a results
    table `vo` (Volapük), and a short one the page's <html lang>."""
    if not any(map(str.isalpha, text)):  # stops at the first letter: free for prose
        return None, None
    if len(text) >= LANGID_MIN_CHARS:
        lang, prob = _lang_identifier().classify(text[:LANGID_MAX_CHARS])
        return lang, float(prob)
    if html_lang:
        code = html_lang.replace("_", "-").split("-")[0].lower()
        return (code if code.isalpha() and 2 <= len(code) <= 3 else None), None
    return None, None


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: trivially re-wrapped or re-cased
    copies hash the same. The zero-width non-joiner and joiner are folded out too: clean
    keeps them where a script spells with them (Persian, Devanagari, emoji sequences;
    before fault round 28 it dropped every one, so no stored text holds one and no
    stored hash changes), and a copy whose writer dropped them is the same text."""
    folded = " ".join(text.casefold().split())
    if "\u200c" in folded or "\u200d" in folded:
        folded = folded.replace("\u200c", "").replace("\u200d", "")
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).hexdigest()


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(value: str | None) -> str | None:
    """Text a string column can hold. aiohttp hands header bytes that are no UTF-8 over
    as lone surrogates (surrogateescape), and so does Python a file name that is no
    UTF-8 (os.listdir, sys.argv); no Arrow or Parquet string holds one, so a
    Content-Type such as b"text/h\xe9ml" quoted in an error detail made the whole
    fetch_log of the batch fail to commit (a SchemaError ended the run). Such bytes are
    written as \\xNN escapes."""
    if value is None or not _SURROGATE.search(value):
        return value
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte stands for
        raw = value.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def not_utf8_problem(what: str, value: str | None) -> str | None:
    """Why a command-line value cannot be used (None: it can): it holds bytes that are
    no UTF-8, which Python gives as lone surrogates (a terminal or script writing
    latin-1 hands "Zürich" over so). DuckDB and tantivy take UTF-8 only: `pressroom sql`
    ended with a TypeError traceback, `diff` and `forget --outlet` with DuckDB's
    "Python Conversion Failure" (fault round 41)."""
    if value is None or not _SURROGATE.search(value):
        return None
    shown = storable_text(value)
    shown = shown if len(shown) <= 200 else shown[:199] + "…"
    return (f"{what} '{shown}' holds bytes that are no UTF-8 (each written \\xNN here): "
            "the terminal or script that gave it writes another encoding; give it in "
            "UTF-8 (a UTF-8 locale, e.g. LANG=C.UTF-8, or `iconv -t UTF-8`)")


# A byte storable_text wrote as an escape: it escapes bytes that are no UTF-8, all >= 0x80.
_ESCAPED_BYTE = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])")


def unescaped_bytes(label: str) -> str:
    """`storable_text` undone: each `\\xNN` escape of a byte of 0x80 or more as the lone
    surrogate Python gives such a byte of a file name (surrogateescape), so the OS is
    handed the name's own bytes again. Only for a name that is no file as written: a
    name may hold a backslash and `x` of its own."""
    return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m[1], 16)), label)


def without_inline_comment(line: str) -> str:
    """A list line without a comment after its URL ("https://a.example/x  # from the desk":
    whitespace, then "#", to the end), as the regex `\\s+#.*$` removed it, in linear time:
    that regex tried every place of a run of spaces and scanned the run from each, so a
    line padded with 40,000 spaces (a fixed-width export named .urls) took 1.3 s, a
    megabyte of them minutes, and a 32 MB list or a 50 MB text sitemap days."""
    at = line.find("#", 1)
    while at > 0:
        if line[at - 1].isspace():
            return line[:at].rstrip()
        at = line.find("#", at + 1)
    return line


# The longest a page's or a feed's title is kept: a longer one is a description or the
# whole text pasted into the wrong element (a 200 KB <h1> was stored as the title).
MAX_TITLE_CHARS = 1000
# A summary, not a second article body (a 1 MB <meta name=description> was stored whole).
MAX_DESCRIPTION_CHARS = 5000
# A site name, a tag or a category: a label. Longer is no label (keyword stuffing).
MAX_LABEL_CHARS = 200


# RFC 3339 5.6: "T" and "Z" may be written in lower case ("2024-05-03t10:00:00z": Go's
# and Rust's formatters on request, hand-written templates). Python's fromisoformat
# takes no "z", and the date was lost (a JSON Feed's, a sitemap's) or kept as its day
# alone (a page's JSON-LD): fault round 27.
_ISO_LOWER_LETTER = re.compile(r"(?<=\d)t(?=\d\d:)|(?<=\d)z$")


def iso_letters_in_capitals(text: str) -> str:
    """An ISO 8601 / RFC 3339 date-time with its separator `t` and its zone `z` in
    capitals; any other text as it is."""
    if "t" not in text and "z" not in text:
        return text
    return _ISO_LOWER_LETTER.sub(lambda m: m[0].upper(), text)


def ascii_digits(text: str) -> str:
    """`text` with the decimal digits of other scripts written as ASCII digits: Arabic-
    Indic "٢٠٢٤", Persian "۲۰۲۴", Devanagari "२०२४", fullwidth "２０２４" (Arabic, Persian and
    Hindi CMSs localise every number, date fields too). Python's `int` reads them, its
    date parsers do not: an ISO date so written kept its day alone and lost its time, a
    feed's was no date (fault round 31)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


# Japanese pages and feeds write the year by era: 令和6年5月3日 is 3 May 2024, 令和元年 (the
# "first year") 2019, 平成31年 the same year's months before May. The CJK date forms want a
# four-digit year, and such a date was none (fault round 31). Each era's year 1 less one.
# Taiwan's pages count the Republic's years (民國, "中華民國115年12月3日" is 3 December 2026),
# three digits since 2011: such a date was none too (round 20).
_ERA_YEARS = {"令和": 2018, "平成": 1988, "昭和": 1925, "民國": 1911, "民国": 1911}
_ERA_YEAR = re.compile(r"(令和|平成|昭和|民國|民国)\s?(元|\d{1,3})\s?年")


def _gregorian_year(m: re.Match) -> str:
    return f"{_ERA_YEARS[m[1]] + (1 if m[2] == '元' else int(m[2]))}年"


def gregorian_era_years(text: str) -> str:
    """`text` with each year of a Japanese era (令和6年) or of the Republic of China (民國
    115年) as its Gregorian year (2024年, 2026年)."""
    if "年" not in text:
        return text
    return _ERA_YEAR.sub(_gregorian_year, text)


def capped_text(text: str | None, limit: int) -> str | None:
    """`text` cut to at most `limit` characters, at the last space in its final fifth when
    there is one (no word cut in half), with an ellipsis where it was cut."""
    if text is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", limit * 4 // 5)
    return (cut[:space] if space > 0 else cut).rstrip() + "…"
