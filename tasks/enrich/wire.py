"""Wire credits: which news agencies a copy credits, from its dateline and its byline.

Agency copy says where it came from in three places: the dateline opening the text
("KYIV (Reuters) -", "BERLIN, June 3 (AP) —", "New Delhi [India], June 3 (ANI):",
"Berlin (dpa/AFP) -", PTI's and IANS's "NEW DELHI, June 3 (PTI) The ..." with no dash
after the bracket), or opening one of its first paragraphs after a site's own intro
(see `_later_paragraph_datelines`), both read strictly: the bracket holds agencies alone
and the words before it are a place and a date (`_dateline_credit`), so a caption's
"(AP Photo/Jane Doe) -" or a sentence's "(Reuters) -" is none; the byline ("By The Associated
Press", "Jane Doe, Reuters": read as the page wrote it, `articles.byline`, since the
cleaned `authors` keep the reporter's name only) and a closing credit line ("The
Associated Press contributed to this report.", "— Associated Press writer Jane Doe
contributed.", "With AFP", "Mit Material von dpa", "(dpa)", "Copyright 2024 The Associated
Press."). Only those are read: an agency named in the body ("Reuters reported that
...") is a source the story cites, not a credit of the copy.

The agencies and their spellings are data (tasks/common/data/wire_agencies.tsv, shared
with the extract stage's byline cleaning). A one-word spelling matches only as written
("AP", "dpa"), at word boundaries, so "ap" in a word or "Pa" as a name does not count; a
spelling of several words matches in any case.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from tasks.common.text import CJK_LETTER

# How far into the text a dateline can reach: "NEW DELHI [India], June 3 (ANI):" and
# "WASHINGTON, Dec 2 (Reuters) -" end well inside 200 characters.
DATELINE_CHARS = 200
# A credit in brackets closing a dateline: "(AP) —", "(dpa) -", "(ANI):", "[Reuters] |",
# and EFE's house style "(EFE).-" (a full stop before the dash). (`_dateline_credit`
# judges what the bracket holds and the words before it.)
_DATELINE_CREDIT = re.compile(r"[(\[]([^()\[\]\n]{1,80})[)\]]\s*\.?\s*[—–\-:|]")
# PTI's and IANS's house style closes the dateline with the bracket alone, the story
# after it in the same line: "NEW DELHI, May 3 (PTI) The government ...", "Chennai, May 3
# (IANS) Tamil Nadu ...". With no dash to mark the dateline's end, a bracket that a
# caption or a sentence ends with looks the same, so it is read only before a sentence's
# first letter in its line and after a place and a date, never after a place alone or
# nothing (`_undashed_credit`).
_UNDASHED = r"\(([^()\[\]\n]{1,80})\)(?=[^\S\n])"
_UNDASHED_CREDIT = re.compile(_UNDASHED)
# The first character after a bracket in its line, read in the text as written: a
# quotation opening the story ('NEW DELHI, May 3 (PTI) "We will ...') is blanked where
# the bracket is found.
_NEXT_IN_LINE = re.compile(r"[^\S\n]*(\S)")
# A quotation in the opening window, closed or running past it: a dateline is never
# inside one, so brackets there ('"I read it (Reuters) - and it was false," he said')
# are the speaker's words. Each kind of mark pairs with its own closer; German „ closes
# with “ or ”.
_QUOTATION = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|„[^“”]*(?:[“”]|$)|«[^»]*(?:»|$)')


# A word character that is no kana or CJK ideograph, as a regex class.
_NOT_CJK_WORD = "[^\\W" + CJK_LETTER.pattern[1:-1] + "]"


@lru_cache(maxsize=1)
def agencies() -> tuple[tuple[str, re.Pattern], ...]:
    """(canonical name, pattern of its spellings), from tasks/common/data/wire_agencies.tsv."""
    text = resources.files("tasks.common").joinpath("data/wire_agencies.tsv").read_text(
        "utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, joined = line.split("\t")
        spellings = joined.split("|")
        # Chinese and Japanese names are followed by the dateline's place with no space
        # between ("新华社北京12月5日电"): matched without word boundaries
        unspaced = [re.escape(s) for s in spellings if CJK_LETTER.search(s)]
        exact = [re.escape(s) for s in spellings if " " not in s and not CJK_LETTER.search(s)]
        loose = [re.escape(s) for s in spellings if " " in s]
        # (the spellings of several words first: the first alternative that matches
        # wins, and "Anadolu Agency" read as "Anadolu" left " Agency" in a dateline's
        # bracket, which then held more than agencies)
        parts = []
        if loose:
            parts.append("|".join(loose))
        if exact:
            parts.append("(?-i:" + "|".join(exact) + ")")
        # (a kana or ideograph beside a Latin name is a boundary: "【パリAFP時事】";
        # `_NOT_CJK_WORD`, one class each side, costs less than an alternative of two)
        pattern = (rf"(?<!{_NOT_CJK_WORD})(?<!-)(?i:" + "|".join(parts)
                   + rf")(?!{_NOT_CJK_WORD})(?!-)")
        if unspaced:
            pattern += "|" + "|".join(unspaced)
        out.append((name, re.compile(pattern)))
    return tuple(out)


# The dateline of Chinese agency copy: the agency, the place and the day, then 电
# ("wired"; 電 in traditional characters) and the reporter in brackets or a space:
# "新华社北京12月5日电（记者 王晓）", "中央社台北5日電",
# "中新社香港12月5日电 香港特区政府...". An agency named otherwise ("据新华社报道", "as
# Xinhua reports"; "新华社记者...电动汽车", 电 starting a word) is a source the story cites.
# The Central News Agency writes its whole dateline in brackets, the reporter before the
# place ("（中央社記者王小明台北5日電）"), and some copy puts a colon after 电
# ("新华社北京12月5日电：..."): 电 ends the word there too (it was read as no dateline:
# fault round 43).
_CHINESE_DATELINE = re.compile(r"[^。！？，,\n]{0,24}?[电電](?=[（(\s\u3000）)］\]：:]|$)")
# Japanese copy's dateline in lenticular brackets, the place then the agency:
# "【ワシントン共同】", "【ロンドン時事】", "【ニューヨーク＝ロイター】". 共同 and 時事 are
# common words; here, closing the bracket, they are Kyodo and Jiji.
_JAPANESE_DATELINE = re.compile(r"【([^】\n]{1,20})】")
_JAPANESE_SHORT_NAMES = (("共同", "Kyodo"), ("時事", "Jiji"))
# ... and Japanese copy's closing credit line: "（共同）".
_JAPANESE_CLOSING = re.compile(r"[（(]\s*(共同|時事)\s*[）)]")


def _japanese_closing_credit(line: str) -> set[str]:
    m = _JAPANESE_CLOSING.fullmatch(line)
    return {name for short, name in _JAPANESE_SHORT_NAMES if m and m.group(1) == short}


# Korean agency copy opens with the place and the agency in brackets joined by "=",
# then the reporter: "(서울=연합뉴스) 김철수 기자 = ...", Yonhap's own dateline (no dash
# follows the bracket, so `_DATELINE_CREDIT` read none, and the credit was lost: fault
# round 43); Japanese copy writes it so in round brackets too: "（北京＝共同）".
# (the place: two characters or more and no digit, so a formula's "(a=AP)" is none)
_PLACE_EQUALS_AGENCY = re.compile(r"[(（][^()（）=＝\n\d]{2,20}[=＝]\s*([^()（）\n]{1,30})[)）]")
# Russian agency copy closes its dateline with the agency between slashes, or after a
# dash: "МОСКВА, 5 декабря. /ТАСС/.", "MOSCOW, December 5. /TASS/.", "МОСКВА, 5 дек —
# РИА Новости." Read only where a dateline can be: slashes standing apart from words,
# and a dash in a text that opens with a place in capitals, within its first
# DASHED_DATELINE_CHARS. Read anywhere in the opening, a picture credit ("Foto: picture
# alliance/dpa/AFP/Jane Doe"), a link's path ("reuters.com/AP/") or a caption's or
# sentence's "— AP." credited the agency in Latin copy (fault round 43).
_SLASHED_CREDIT = re.compile(r"(?<![\w/.:])/([^/\n]{1,40})/(?![\w/])")
_DASHED_CREDIT = re.compile(r"\s[—–-]\s*([^.\n]{1,40})\.")
DASHED_DATELINE_CHARS = 60
_FIRST_WORD = re.compile(r"\s*([^\W\d_]{2,})")


def _opens_with_a_place_in_capitals(head: str) -> bool:
    m = _FIRST_WORD.match(head)
    return bool(m) and m.group(1).isupper()


# An agency's regional desk after its name: dpa's "(dpa/lno)", "(dpa/lby)".
_REGIONAL_DESK = re.compile(r"/[a-z]{2,3}\b")


def _only_agencies(text: str, desks: bool = False) -> bool:
    """Whether `text` names agencies and nothing else ("ТАСС", "dpa/AFP"; with `desks`,
    their regional desks too: "dpa/lno")."""
    spans = _credit_spans(text)
    if not spans:
        return False
    rest = list(text)
    for start, end, _ in spans:
        rest[start:end] = " " * (end - start)
    left = "".join(rest)
    if desks:
        left = _REGIONAL_DESK.sub(" ", left)
    return not any(c.isalnum() for c in left)


def _found(pattern: re.Pattern, head: str, at_start: bool) -> list[re.Match]:
    """The matches of `pattern` in `head`; with `at_start`, the one opening it only."""
    if not at_start:
        return list(pattern.finditer(head))
    m = pattern.match(head)
    return [m] if m else []


def _datelines_of_other_scripts(head: str, at_start: bool = False) -> set[str]:
    """Agencies credited in a Chinese, Japanese, Korean or Russian dateline in `head`;
    with `at_start`, in a dateline opening `head` only (a later paragraph's)."""
    found: set[str] = set()
    if CJK_LETTER.search(head):  # (the other scripts' heads skip the agencies' scan)
        for start, end, name in _credit_spans(head):
            # (at a paragraph's start: the agency first, or first in the Central News
            # Agency's bracket, "（中央社記者...電）")
            if at_start and head[:start] not in ("", "（", "("):
                continue
            if CJK_LETTER.match(head, start) and _CHINESE_DATELINE.match(head, end):
                found.add(name)
    for m in _found(_JAPANESE_DATELINE, head, at_start):
        inside = m.group(1)
        # (the place and the agencies are all it holds: "【パリAFP時事】" is AFP's copy
        # as Jiji passes it on)
        found |= {name for short, name in _JAPANESE_SHORT_NAMES if inside.endswith(short)}
        found |= _credited(inside)
    for m in _found(_PLACE_EQUALS_AGENCY, head, at_start):
        found |= {name for short, name in _JAPANESE_SHORT_NAMES if m.group(1) == short}
        if _only_agencies(m.group(1)):
            found |= _credited(m.group(1))
    capitals = _opens_with_a_place_in_capitals(head)
    dashed = _DASHED_CREDIT.finditer(head, 0, DASHED_DATELINE_CHARS) if capitals else ()
    # (a later paragraph's slashes count as its dashes do: after a place in capitals,
    # close to it, "КИЕВ, 5 декабря /Укринформ/.", not a path or picture credit further on)
    slashed = (() if at_start and not capitals
               else _SLASHED_CREDIT.finditer(head, 0, DASHED_DATELINE_CHARS if at_start
                                             else len(head)))
    for m in (*slashed, *dashed):
        if _only_agencies(m.group(1)):
            found |= _credited(m.group(1))
    return found


def _credit_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, agency) of each spelling in `text`, less those inside a longer
    spelling of another agency: "Associated Press of Pakistan" is APP, not AP."""
    spans = [(m.start(), m.end(), name) for name, pattern in agencies()
             for m in pattern.finditer(text)]
    if len(spans) < 2:
        return spans
    return [(s, e, name) for s, e, name in spans
            if not any(s2 <= s and e <= e2 and e2 - s2 > e - s and name2 != name
                       for s2, e2, name2 in spans)]


def _credited(text: str) -> set[str]:
    return {name for _, _, name in _credit_spans(text)}


def _blank_quotations(text: str) -> str:
    return _QUOTATION.sub(lambda m: " " * len(m.group()), text)


def dateline_credits(text: str | None) -> set[str]:
    """Agencies credited in brackets closing the text's opening dateline, or a dateline
    opening one of its first paragraphs after a local intro."""
    if not text:
        return set()
    head = _blank_quotations(text[:DATELINE_CHARS])
    found = _datelines_of_other_scripts(head)
    for m in _DATELINE_CREDIT.finditer(head):
        found |= _dateline_credit(m.group(1), _opening_prefixes(head[:m.start()]))
    for m in _UNDASHED_CREDIT.finditer(head):
        found |= _undashed_credit(m.group(1), _next_in_line(text, m.end()),
                                  _opening_prefixes(head[:m.start()]))
    return found | _later_paragraph_datelines(text)


# Where a dateline can start inside a line of the opening window: after a sentence's or
# a label's end.
_CLAUSE_END = re.compile(r"[.!?:;|]\s+")


def _opening_prefixes(before: str) -> list[str | None]:
    """What may be the place and date of a dateline in the opening window whose bracket
    `before` precedes: the words before the bracket from their line's start (a headline
    line may open the window) or from a sentence's or a label's end in that line (a
    roundup's second dateline, "„Wir schaffen das“: BERLIN (dpa) -"), each such start,
    since a full stop can be the place's or the date's ("ST. LOUIS", "Dec. 2"). None
    where nothing is left: the credit alone ("(Reuters) - ") opening the line, or after a
    sentence, where it is a site's intro merged into the paragraph of copy that left its
    place out more likely than a caption, whose credit names the photo ("(AP Photo/Jane
    Doe)") and fails the bracket's test."""
    line = _LINE_BREAK.split(before)[-1]
    starts = [0, *(m.end() for m in _CLAUSE_END.finditer(line))]
    return [line[s:].strip() or None for s in starts]


def _dateline_credit(inside: str, prefixes: list[str | None]) -> set[str]:
    """The agencies a dateline credits whose bracket holds `inside`, one of `prefixes`
    (None: nothing, the bracket opening its line or paragraph) before it; none unless the
    bracket holds agencies alone (dpa's regional desks allowed: "dpa/lno") and a prefix
    reads as a place and a date: a caption's "(AP Photo/Jane Doe)", "(Reuters graphic)",
    "(AFP/file)" or a sentence's "The minister (AP) -" credits nothing."""
    if any(_dateline_prefix(p) for p in prefixes) and _only_agencies(inside, desks=True):
        return _credited(inside)
    return set()


def _undashed_credit(inside: str, after: str, prefixes: list[str | None]) -> set[str]:
    """The agencies a dateline closed by its bracket alone credits (`_UNDASHED`), whose
    bracket holds `inside`, `after` the character after it in its line ("" for none) and
    one of `prefixes` before it: a sentence must start after it ("(PTI) The", "(IANS) 15
    people", '(PTI) "We'; not the rest of a sentence the bracket stands in, "... May 3
    (PTI) said") and a place and a date precede it ("Mumbai, May 3 (PTI) Benchmark")."""
    if not (after.isupper() or after.isdigit() or after in _QUOTATION_OPENERS):
        return set()
    return _dateline_credit(inside, [p for p in prefixes if _dated(p)])


_QUOTATION_OPENERS = frozenset("\"“„«‘'")


def _next_in_line(text: str, at: int) -> str:
    m = _NEXT_IN_LINE.match(text, at)
    return m.group(1) if m else ""


def _dated(prefix: str | None) -> bool:
    """Whether `prefix` (what precedes a dateline's bracket) holds a date after its place,
    "NEW DELHI, May 3": a place alone ("Berlin (dpa) Neue ...") or nothing before a
    bracket with no dash after it is a sentence's subject and its aside, or a caption's
    credit ("... on Friday. (PTI) The ...")."""
    if not prefix:
        return False
    _, _, parts = _REGION.sub("", prefix).partition(",")
    return any(c.isdigit() for c in parts)


# A regional site runs agency copy after an intro of its own ("Residents will feel the
# change, the county said.\n\nWASHINGTON, Dec 2 (Reuters) - ..."), past the opening
# window. A dateline is read at the start of the next paragraphs too, up to the
# LATER_DATELINE_PARAGRAPHS-th (a headline line kept in the text, then one or two
# intro paragraphs, then the dateline), starting within LATER_DATELINE_CHARS: two
# intro paragraphs of 3-4 sentences (bench_syndication_stress's intros: <= 100 words,
# ~650 characters) fit with room. Further down, a paragraph opening "BERLIN (dpa) -"
# is a story the copy quotes or rounds up, not where the copy came from.
LATER_DATELINE_PARAGRAPHS = 4
LATER_DATELINE_CHARS = 1500
# A later paragraph's dateline, whole, from its first letter: a place and what follows
# it before the bracket (`_dateline_prefix` judges it; none where a site kept the credit
# alone, "(Reuters) - "), the credit in brackets (agencies alone), and the same closing
# dash or colon as the opening's (`_DATELINE_CREDIT`). In the body, brackets opening a
# caption ("(AP Photo/Jane Doe)", "(Reuters graphic)"), a list's item ("- Berlin (dpa)
# -", "1. ...") or a quotation are none.
# ANI's state in round brackets before the country in square ones is part of the place
# ("Srinagar (Jammu and Kashmir) [India], June 3 (ANI):"): a round bracket followed by a
# square one is read as no credit (no dash follows it), so no dateline read before lost
# its match. The dateline closed by its bracket alone, PTI's and IANS's, likewise
# (`_UNDASHED`), its place and date required.
_PARAGRAPH_PLACE = r"([^\W\d_](?:[^()\n]|\([^()\[\]\n]{1,60}\)(?=\s*\[)){0,59}?)"
_PARAGRAPH_DATELINE = re.compile(
    rf"(?:{_PARAGRAPH_PLACE}\s*)?[(\[]([^()\[\]\n]{{1,80}})[)\]]\s*\.?\s*[—–\-:|]")
_PARAGRAPH_UNDASHED = re.compile(rf"{_PARAGRAPH_PLACE}\s*{_UNDASHED}")
# What a dateline's place and date do not hold: a sentence's or a label's marks
# ("UPDATE: ...", "Why? ..."), quotation marks.
_NOT_IN_DATELINE = re.compile(r"[:;!?\"“”„«»]")
# A region in brackets after the place: "New Delhi [India]", and ANI's state before it,
# "Srinagar (Jammu and Kashmir) [India]".
_REGION = re.compile(r"\s*(?:\[[^\[\]()]*\]|\([^\[\]()]*\))")


def _dateline_words(part: str, date: bool) -> bool:
    """Whether one comma-separated part of a dateline is a place (1-4 words, each
    capitalised or a particle: "Frankfurt am Main", "Ciudad de México") or, holding a
    number, a date ("Dec. 2", "3 jun", "5 декабря")."""
    words = part.split()
    if not 1 <= len(words) <= 4:
        return False
    return (date and any(c.isdigit() for c in part)) or all(
        w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in words)


def _dateline_prefix(prefix: str | None) -> bool:
    """Whether `prefix`, what precedes a dateline's bracketed credit, reads as a
    dateline's place and date ("WASHINGTON, Dec. 2", "New Delhi [India], June 3",
    "Ciudad de México, 3 jun"), not as words of a sentence ("Smoke rises over Gaza")."""
    if prefix is None:
        return True
    if not prefix[0].isupper() or _NOT_IN_DATELINE.search(prefix):
        return False
    place, *parts = _REGION.sub("", prefix).split(",")
    return (len(parts) <= 2 and _dateline_words(place, date=False)
            and all(_dateline_words(p, date=True) for p in parts))


def _later_paragraph_datelines(text: str) -> set[str]:
    """Agencies credited in a dateline opening the 2nd to LATER_DATELINE_PARAGRAPHS-th
    paragraph (a line of the text), one that starts within LATER_DATELINE_CHARS."""
    window = text[:LATER_DATELINE_CHARS + DATELINE_CHARS]
    found: set[str] = set()
    paragraphs = list(itertools.islice(_PARAGRAPH.finditer(window), LATER_DATELINE_PARAGRAPHS))
    for p in paragraphs[1:]:
        if p.start() >= LATER_DATELINE_CHARS:
            break
        # The paragraph alone: a place ending one line and a bracket opening the next
        # are no dateline. Its quotations are blanked as the opening's are, a quotation
        # left open running to its end, not on into the next paragraphs: a quotation
        # that goes on into a paragraph opens that paragraph with a mark again (which
        # no dateline starts with), while a mark left open in an intro (a quotation cut
        # short, an inch sign) hid the dateline after it (bench_syndication_stress:
        # 309 of its 20,609 planted credits).
        head = _blank_quotations(p.group()[:DATELINE_CHARS])
        found |= _datelines_of_other_scripts(head, at_start=True)
        m = _PARAGRAPH_DATELINE.match(head)
        if m:
            found |= _dateline_credit(m.group(2), [m.group(1)])
        m = _PARAGRAPH_UNDASHED.match(head)
        if m:
            found |= _undashed_credit(m.group(2), _next_in_line(p.group(), m.end()),
                                      [m.group(1)])
    return found


# A credit line closing the copy: "... contributed to this report", "... contributed
# reporting", "... writer Jane Doe contributed."; a short line opening with "with" in a
# language we ingest and no sentence in it: "With AFP", "(with Reuters)", "(Con
# información de AFP, EFE y Reuters)", "Mit Material von dpa", "(avec AFP)"; Chinese
# copy's source line, "（来源：新华社）".
_CLOSING_CREDIT = re.compile(
    r"\bcontributed(?: (?:to|reporting to) (?:this|the) (?:report|story|article)| reporting"
    r"|\W*$)|^\W{0,3}(?:with|mit|avec|con|com)\s[^.!?]{1,70}$"
    r"|^\W{0,3}(?:来源|來源|消息来源)\s*[:：][^。！？]{1,40}$", re.IGNORECASE)
# A closing line that credits by copyright: "Copyright 2024 The Associated Press. All
# rights reserved.", "Riproduzione riservata © Copyright ANSA".
_COPYRIGHT = re.compile(r"©|\bcopyright\b", re.IGNORECASE)


def _credit_line(line: str) -> bool:
    """A closing line that credits the agencies it names: a credit sentence, a "with"
    line, a copyright line, or the agencies alone ("(dpa)", "dpa/AFP", "(ANSA).", as
    German, Swiss and Italian copy closes)."""
    if len(line) > MAX_CREDIT_LINE_CHARS or _PICTURE_ENTRY.match(line):
        return False
    if _CLOSING_CREDIT.search(line) or _COPYRIGHT.search(line):
        return True
    return _only_agencies(line)


# How many of the text's last lines a closing credit may be among (a corrections note or
# a tip line can follow it).
CLOSING_LINES = 3
# A longer line is a paragraph of the story, whatever it names.
MAX_CREDIT_LINE_CHARS = 200
# How far from the text's end its last lines are read (a bound: the text is not split
# whole); a line that starts further back is not read.
CLOSING_CHARS = 2000
# What str.splitlines ends a line at.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# A paragraph: a line's text from its first character that is no space.
_PARAGRAPH = re.compile(f"[^\\s{_LINE_BREAKS}][^{_LINE_BREAKS}]*")
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")


def closing_credits(text: str | None) -> set[str]:
    """Agencies named in a credit line among the text's last CLOSING_LINES lines."""
    if not text:
        return set()
    lines = text[-CLOSING_CHARS:].splitlines()
    if len(text) > CLOSING_CHARS and text[-CLOSING_CHARS - 1] not in _LINE_BREAKS:
        # The window starts inside a line: the end of that line alone is no line of the
        # text, and is not read. A story's "... he said in a phone call with AFP", cut to
        # " with AFP", was taken for a credit line (seed 56).
        lines = lines[1:]
    lines = [line.strip() for line in lines if line.strip()]
    found: set[str] = set()
    for line in lines[-CLOSING_LINES:]:
        if _credit_line(line):
            found |= _credited(line)
        found |= _japanese_closing_credit(line)
    return found


# A byline entry crediting a picture, not the text ("Photo: AP", "Foto: dpa").
_PICTURE_ENTRY = re.compile(
    r"^\W*(?:photos?|photograph(?:s|y)?|pictures?|images?|fotos?|bild(?:er)?|video|graphics?)"
    r"\b", re.IGNORECASE)


def byline_credits(authors: Iterable[str] | None, byline: str | None = None) -> set[str]:
    """Agencies named in the byline's entries: the cleaned `authors` and the byline as
    written (entries split at ';'), less the entries that credit a picture."""
    entries = [*(authors or ()), *(byline.split(";") if byline else ())]
    found: set[str] = set()
    for entry in entries:
        if entry and not _PICTURE_ENTRY.match(entry):
            found |= _credited(entry)
    return found


def wire_credits(text: str | None, authors: Iterable[str] | None,
                 byline: str | None = None) -> list[str]:
    """Sorted canonical names of the agencies a copy credits; [] when none."""
    return sorted(dateline_credits(text) | byline_credits(authors, byline)
                  | closing_credits(text))
