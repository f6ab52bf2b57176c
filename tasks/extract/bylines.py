"""Authors: JSON-LD and meta-tag names, the byline written in the body, author-page
links, and the cleaning of names (roles, "By", "and", outlet names, agencies)."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import trim

from tasks.common.text import CAPITALS
from tasks.extract.areas import in_other_area
from tasks.extract.jsonld import JSONLD_ARTICLE_TYPES, jsonld_texts, jsonld_value, load_jsonld
from tasks.extract.titles import folded, headline_text, is_outlet, squash, unescaped_twice

# An e-mail address (a `mailto:` link's too) or a web address written into a byline ("Jane
# Doe jane@example.com", "Jane Doe, https://twitter.com/janedoe"). trafilatura's
# normalize_authors drops a byline that is one address and nothing else, but reads one
# beside a name as words: "Jane Doe jane com", "Mailtojane Com", "Https", "Janedoe".
# A bare domain ("Autor: www.portalspozywczy.pl") is left as it was: it names the outlet,
# and the byline line it is read from is dropped from the text by that reading.
_ADDRESS = re.compile(
    r"(?:mailto:)?[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://[^\s;,|]+", re.I)


# An ampersand between capitals with no space around it is part of a name ("AT&T", "B&Q",
# "H&M", "R&D"): normalize_authors splits every "&" as it splits "Jane Doe & John Roe",
# and "AT&T Newsroom" became two authors, "AT" and "T Newsroom" (seed 61's question).
_NAME_AMPERSAND = re.compile(r"(?<=[A-Z])&(?=[A-Z])")
_AMPERSAND_STAND_IN = "\uff06"  # FULLWIDTH AMPERSAND: a letter to normalize_authors


# A given name ending in "t" before a family name with "von" ("Birgit von Hoff", "Ernst von
# Weizsäcker", "Margit von der Au"): trafilatura's normaliser takes a lead word ending in
# "t" or "ed" and "von" off as a label ("Gepostet von", "Verfasst von": its
# `^([a-zäöüß]+(ed|t))? ?(...|von) `) and kept "Hoff". Told from such a label: one family
# name after "von" (or "der"/"den"/"dem"/"zu" and one), and no participle ("Erstellt",
# "Veröffentlicht", "Aktualisiert") nor a noun of the credit ("Text von Jo Roe") before.
_GIVEN_NAME_VON = re.compile(
    r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]*t)(?= von (?:(?:der|den|dem|zu) )?[A-ZÄÖÜ][\w'’-]*"
    r"\s*(?:$|[,;/|&]|\s(?:und|and)\s))")
_LABEL_ENDING_IN_T = re.compile(
    r"(?:ge|ver|er|be|ent|zer|ein|ab|an|auf|aus|über|vor|nach|hoch)[a-zäöüß]{3,}t"
    r"|[a-zäöüß]+iert|text|bericht|konzept|gedicht|post|beitrag", re.I)
_VON_SHIELD = "\u200b"  # ZERO WIDTH SPACE after the given name: no "...t von " lead then


def _shielded_von_names(text: str) -> str:
    """`text` with a zero-width space after each given name that trafilatura's normaliser
    would read as a label before "von" (_GIVEN_NAME_VON); normalize_byline takes it out
    again."""
    return _GIVEN_NAME_VON.sub(
        lambda m: m[1] if _LABEL_ENDING_IN_T.fullmatch(m[1]) else m[1] + _VON_SHIELD, text)


# A credit line that says who did what: "Anna Keller (Text) und Jonas Weber (Fotos)",
# "Marie Durand (texte) et Luc Martin (photos)". The photographer is no author, the
# writer's role mark is no part of the name.
_PICTURE_ROLE = re.compile(
    r"(?:^|\s+(?:und|et|and|&|y|e|en|i)\s+|\s*[,;/]\s*)[^,;/()]+?\s*"
    r"\((?:fotos?|photos?|bilder?|fotografie|photographies?|fotografías?|fotografi[ae])\)",
    re.I,
)
_TEXT_ROLE = re.compile(r"\s*\((?:text|texte|texto|testo|tekst)\)", re.I)


def without_picture_roles(text: str) -> str:
    """A byline less the names marked as the pictures' ("Jonas Weber (Fotos)") and the
    writer's role mark ("(Text)"); the line as it was when only a picture role is in it
    ("Jonas Weber (Fotos)" alone: the credit names the photographer, not nobody)."""
    rest = _PICTURE_ROLE.sub("", text)
    if not rest.strip(" ,;/&"):
        return text
    return _TEXT_ROLE.sub("", rest)


# A byline that opens with "From" names the reporter and the place the story was filed
# from after a comma ("From Ayo Okafor, Abuja", "From Hannah Hayes, Cape Town"), as the
# Nigerian and Indian press write it: the place is no second author, nor is its country
# after a second comma ("From Ayo Okafor, Abuja, Nigeria" gave three authors). An "and"
# after a comma makes the commas a list of names ("From Anna B., Tom K., and Jo R.").
_FROM_NAME_PLACE = re.compile(r"^\s*from\s+([^,;]+?)\s*(?:,\s*(?:(?!\band\b)[^,;&])+){1,2}$",
                              re.IGNORECASE)
# A helper's credit after the writer in the byline's own sentence ("By Jane D. Tom K.
# contributed reporting.", "By Jane D.; Additional reporting by Tom K."): the helper signs
# no story (as a contribution note under the story, `headline_area._CONTRIBUTION_NOTE`),
# and without a cut the full stop was read as a space: "Jane D. Tom K. contributed
# reporting" as one name. The "contributing writer" role is the writer's own.
# The helper's verb and what follows it: "contributed to/reporting/research": a
# "contributing writer" (the role) is no helper. Shared with the credit element's
# contribution note.
HELPER_CREDIT_VERB = r"\bcontribut(?:ed|es|ing)\s+(?:to|reporting|research|from|additional)\b"
_HELPER_CREDIT_AFTER = re.compile(
    r"(?:[.;|]\s+|\s+[–—-]\s+)(?:(?:with\s+)?additional\s+reporting\s+by\b"
    r"|[^.;|]{0,80}?" + HELPER_CREDIT_VERB + r")"
    r".*$", re.IGNORECASE | re.DOTALL)


def without_helpers_credit(text: str) -> str:
    """`text` without a helper's credit after the writer's name ("Jane D. Tom K.
    contributed reporting." -> "Jane D.")."""
    # (a cheap test first: rare words, in any case, as the pattern reads them: an
    # all-capitals "ADDITIONAL REPORTING BY" was left in the name; seed 82)
    low = text.lower()
    if "ontribut" in low or "eporting" in low:
        return _HELPER_CREDIT_AFTER.sub("", text)
    return text


_LOWER_CASE_BY = re.compile(r"^\s*(?:de|di|por|par|door)\s+(?=\S)")
# Credit labels the normaliser cuts inside, at a "to" or an "and" ("As told to X" read "As
# told", "Written and photographed by X" read "Written; X"): taken off before it reads the
# line. The writer who took a first-person story down, or who wrote and photographed it,
# is the credit's one name.
# The reporter's role with "our" before the name ("Von unserem Korrespondenten Anna K.", "De
# notre envoyée spéciale Marie D.", "De nuestro corresponsal", "Dal nostro inviato", "dalla
# nostra inviata", the Dutch "Van onze verslaggever", "Door onze correspondent"): a lead, no
# part of the name. (Shared with headline_area's written byline, which reads it the same.)
OUR_REPORTER_LEAD = (
    r"(?:von|de|dal|dalla|del|della|from|van|door)\s+(?:unserem|unserer|notre|nuestro|nuestra"
    r"|nostro|nostra|our|onze)"
    r"\s+(?:[\w-]+\s+)?(?:[\w-]*korrespondent(?:en|in)?|[\w-]*reporter(?:in)?|redakteur(?:in)?"
    r"|verslaggever|verslaggeefster|redacteur"
    r"|mitarbeiter(?:in)?|correspondante?|envoyée?(?:\s+spéciale?)?|corresponsal"
    r"|enviad[oa](?:\s+especial)?|corrispondente|inviat[oa](?:\s+special[ei])?"
    r"|correspondent|reporter)")
_CREDIT_LEAD = re.compile(
    r"^\s*(?:as\s+told\s+to|(?:written|words|text|story)\s+and\s+(?:photographed"
    r"|photos|pictures|images)\s+by"
    # one writer's two crafts ("Written and reported by X", "Reporting and writing by
    # X"): the normaliser split it at its "and" into a first "author", "Written"
    r"|(?:written|reported|reporting|writing)\s+(?:and|&)\s+(?:written|reported"
    r"|reporting|writing|edited|produced)\s+by"
    # Italian "a cura di X" (prepared by X): the credit of a compiled piece, its writer;
    # read whole, the normaliser capitalised it into the name ("A Cura Di Ilaria F.")
    r"|a\s+cura\s+di"
    rf"|{OUR_REPORTER_LEAD})\s*:?\s+(?=\S)", re.IGNORECASE)


# Credits for work other than the writing, after the writer's behind a bar, a dot or a
# semicolon ("Reported by X | Produced by Y | Edited by Z", "By X | Edited by Y"): cut
# before the normaliser, which takes "Produced by" off as it takes "By" off and kept Y and Z
# as authors. (The same words as _NOT_AN_AUTHOR_CREDIT, which reads an entry that stayed
# whole; Filipino "Inedit ni" / "Isinalin ni" is "edited by" / "translated by".)
_OTHER_WORK = (
    r"(?:(?:additional\s+)?editing|edited|compiled|fact[- ]?check(?:ing|ed)|graphics"
    # a company blog's or health site's reviewer ("Written by X · Reviewed by Y", "By X |
    # Fact checked by Y", "Medically reviewed by Y")
    r"|(?:medically\s+|expert\s+)?reviewed|design"
    r"|translation|translated|produced|production)\s+by\b|(?:inedit|in-edit|isinalin)\s+ni\b")
_OTHER_WORK_AFTER = re.compile(
    rf"(?<=\S)\s*[|·•;]\s*(?:{_OTHER_WORK})[^|·•;]*?(?=\s*(?:[|·•;]|$))", re.IGNORECASE)



def without_other_work(text: str) -> str:
    """A byline less the credits for other work after the writer's (_OTHER_WORK_AFTER)."""
    return _OTHER_WORK_AFTER.sub("", text)


# Swahili "Na X na Y" and Filipino "Ni X at Y" (by X and Y), and their "written by"
# ("Imeandikwa na X", "Isinulat ni X"): the normaliser knows neither the lead nor the
# join, and read "Na X na Y" as one name, "Ni X at Y" as "Ni X" (its "at" an English
# preposition). The lead goes and the language's "and" between the names is written
# "and". A capitalised "Na"/"Ni" is a Korean or Chinese family name too ("Na Kyung-won"):
# a lead only before names of two words or more each.
_LEAD_AND_JOIN = (
    (re.compile(r"^\s*(?:(?i:imeandikwa)\s+na|Na)\s+"), " na "),
    (re.compile(r"^\s*(?:(?i:isinulat|sinulat)\s+ni|Ni)\s+"), " at "),
)


def _without_by_lead_and_join(text: str) -> str:
    """`text` without a Swahili or Filipino "by" lead, its names joined by "and"
    (_LEAD_AND_JOIN), or as it was."""
    for lead, join in _LEAD_AND_JOIN:
        m = lead.match(text)
        if m is None:
            continue
        sides = [side.strip() for side in text[m.end():].split(join)]
        if all(len(side.split()) >= 2 and side[:1].isupper() for side in sides):
            return " and ".join(sides)
    return text


# Two people joined by "with" ("By Jane Doe with John Roe"): co-authors, where the
# normaliser cuts at "with" as at a preposition and the second was lost. Only between two
# full names (two to four words, capitalised or particles); one word or an agency after
# "with" is the wire the reporter wrote with ("Jane Doe with AFP", "... with Associated
# Press"), lower-case words a helper's credit ("with contributions from ...").
_WITH_BETWEEN = re.compile(r"^(\s*(?:by\s+)?)(\S.*?)\s+with\s+(\S.*?)\s*$", re.IGNORECASE)


def _full_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper() and all(
        (w[:1].isupper() or w in NAME_PARTICLES) and w.replace("'", "").replace("’", "").replace(
            "-", "").replace(".", "").isalpha() for w in words)


def _with_as_and(text: str) -> str:
    m = _WITH_BETWEEN.match(text)
    if m is None or not (_full_name(m[2]) and _full_name(m[3])) or is_agency(m[3]):
        return text
    return f"{m[1]}{m[2]} and {m[3]}"


def _with_final_marks(read: str, raw: str) -> str:
    """The normaliser's names with the combining marks that ended them in `raw` put back:
    Thai and Indic vowel signs ("ใจดี", "शर्मा") are marks, no word characters, and its cut
    of what ends a name in no letter took them off ("ใจด", "शर्म")."""
    names = []
    for name in read.split("; "):
        last = name.rsplit(None, 1)[-1]
        at = raw.find(last)
        while at >= 0:  # the name's last word where the raw byline has marks after it
            end = at + len(last)
            marks = end
            while marks < len(raw) and unicodedata.category(raw[marks]).startswith("M"):
                marks += 1
            if marks > end and (at == 0 or not raw[at - 1].isalnum()):
                name += raw[end:marks]
                break
            at = raw.find(last, end)
        names.append(name)
    return "; ".join(names)


# The wires' share credited after the writer's name ("Von Anna K., mit Material von dpa und
# AFP", "Por Ana R., con información de EFE", "Por João S., com informações da Reuters"):
# the normaliser split it at its comma and "und" into an entry "Mit Material Von" beside
# the writer. The agencies supplied material, they did not write the story: cut before
# the normaliser reads the line. (The same words without a comma, "Anna K. mit dpa", are
# _TRAILING_NOISE's.)
_WIRE_MATERIAL_AFTER = re.compile(
    r"(?<=\S)\s*,?\s+(?:mit\s+(?:material|informationen)\s+(?:von|der|aus)"
    r"|con\s+informaci[oó]n\s+de|com\s+informações\s+d[aeo]s?)\s+\S.*$",
    re.IGNORECASE | re.DOTALL)


# A public office's name as a release's one credit, in capitals or not ("U.S. CUSTOMS AND
# BORDER PROTECTION", "By Department of Health and Human Services", "NATIONAL OCEANIC AND
# ATMOSPHERIC ADMINISTRATION"): the normaliser cut it at its "and" and its "of" into two
# "authors" ("U S Customs; Border Protection", "DEPARTMENT; HUMAN SERVICES"); the office
# is one. Told by its form: an office word (_PUBLIC_OFFICE_WORD) and either a national
# lead ("U.S.", "National", "Federal", "State") or the office word before "of"/"for"
# ("Department of ..."); every word capitalised or a joining word. Two people joined by
# "AND" ("BY JANE DOE AND JOHN ROE") name no office word and stay two.
_PUBLIC_OFFICE_WORD = (
    r"department|ministry|office|bureau|agency|administration|service|services|commission"
    r"|authority|protection|institute|institutes|council|survey|corps|police|centers?"
    r"|directorate|inspectorate")
_PUBLIC_OFFICE = re.compile(
    rf"^(?:by\s+)?((?:u\.\s?s\.|us|u\.\s?k\.|uk|national|federal|state)\s+.*\b(?:{_PUBLIC_OFFICE_WORD})"
    rf"|(?:the\s+)?(?:{_PUBLIC_OFFICE_WORD})\s+(?:of|for)\s+\S.*)$", re.IGNORECASE)
_OFFICE_JOINING_WORDS = frozenset(("and", "of", "for", "the", "&", "on"))


def public_office_name(text: str) -> str | None:
    """The public office a byline credits whole (_PUBLIC_OFFICE), without its "By", or
    None: at most MAX_INSTITUTION_WORDS words, each capitalised or a joining word."""
    m = _PUBLIC_OFFICE.match(" ".join(text.split()))
    if m is None:
        return None
    words = m[1].split()
    if len(words) > MAX_INSTITUTION_WORDS or not all(
            w[:1].isupper() or w.casefold() in _OFFICE_JOINING_WORDS for w in words):
        return None
    return m[1]


# A writer's bio sentence read as the byline, its verb the beat the writer covers
# ("<strong>Anna Berg</strong> covers city hall for the Courier. Reach Anna at ...", "Anna
# Berg writes about health care and hospitals for ..."), the story's only credit: the name
# before the verb, two to four capitalised words (or particles). (The normaliser cut the
# line at "for", and at its "and": "Anna Berg covers courts; Public Safety".)
_BEAT_AFTER_NAME = re.compile(
    r"^\s*(\S+(?:\s+\S+){1,3}?)\s+(?-i:covers|writes\s+(?:about|on)|reports\s+on)\s+\S")


def bio_sentence_name(text: str) -> str | None:
    """The writer's name opening a bio sentence (_BEAT_AFTER_NAME), else None."""
    m = _BEAT_AFTER_NAME.match(text)
    if m is None or not all(w[:1].isupper() or w in NAME_PARTICLES for w in m[1].split()):
        return None
    return m[1]


def normalize_byline(raw: str | None) -> str | None:
    """trafilatura's normalize_authors of `raw` ('A; B') with the character references
    left in it read (`unescaped_twice`) and the addresses taken out first (each a space:
    what is left beside one is still read); None if nothing is. An ampersand inside a
    name ("AT&T") is kept in it."""
    if not raw:
        return None
    text = _ADDRESS.sub(" ", unescaped_twice(raw))
    text = without_helpers_credit(text)
    if (office := public_office_name(text)) is not None:
        return office
    text = bio_sentence_name(text) or _WIRE_MATERIAL_AFTER.sub("", text)
    if (place := _FROM_NAME_PLACE.match(text)) is not None:
        text = place[1]
    whole = " ".join(text.split())
    if " " in whole and whole[:1].isupper() and is_agency(whole):
        # an agency's name of several words, whole: the normaliser cuts at a preposition
        # ("Press Trust of India" was read "Press Trust"), as it cuts "Anna B. for the Globe"
        return whole
    if "(" in text:
        text = without_picture_roles(text)
    # Romanian "de X", Italian "di X", Spanish/Portuguese "por X", French "par X", Dutch
    # "door X" (by X), lower case: the normaliser would read the lower-case lead as a
    # name's and capitalise the whole line ("Di X E Y", its "and" then no longer one). A
    # name's particle opens a byline capitalised ("De Vries", "Di Maio"), so a lower-case
    # "by" word before a capital is the label.
    if (lead := _LOWER_CASE_BY.match(text)) is not None and text[lead.end()].isupper():
        text = text[lead.end():]
    text = _CREDIT_LEAD.sub("", text, count=1)
    text = _with_as_and(_without_by_lead_and_join(without_other_work(text)))
    shielded = _shielded_von_names(text)
    if _AMPERSAND_STAND_IN in text:  # (written so already: nothing to tell apart)
        read = normalize_authors(None, shielded)
    else:
        read = normalize_authors(None, _NAME_AMPERSAND.sub(_AMPERSAND_STAND_IN, shielded))
        read = read.replace(_AMPERSAND_STAND_IN, "&") if read else read
    read = read.replace(_VON_SHIELD, "") if read else read
    return _with_final_marks(read, text) if read else read


# The meta tags of library and scholarly vocabularies (Dublin Core, Highwire Press's
# citation_* that Google Scholar reads), whose convention is one person a tag, written
# family name first: "Doe, Jane", "van der Berg, Anna Maria", "Doe, J. R.".
INVERTED_NAME_TAGS = frozenset({
    "citation_author", "dc.creator", "dc:creator", "dc.creator.aut", "dcterms.creator",
    "dcterms.creator.aut",
})
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
_INVERTED_NAME = re.compile(
    rf"\s*((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})\s*,\s*((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})\s*")
# what follows a comma after a whole name, not a given name: "Doe, Jr.", "Doe, PhD"
_NAME_SUFFIX = re.compile(r"(?:jr|sr|ii|iii|iv|phd|md|msc|ma|mba|esq)\.?", re.I)


def uninverted_name(raw: str) -> str:
    """A name written "Family, Given" as it is said ("Jane Doe"), each of a "; " list;
    anything else as it was. trafilatura read the comma as a list: "Doe, Jane" was two
    authors, "Doe" and "Jane" (fault round 30). The given names must read as names: each
    capitalised, none all capitals but an initial ("Reuters, AP" and "bergportal GmbH,
    digvis GmbH" are lists of outlets), no suffix ("Doe, Jr."); two names of two
    capitalised words each are two people ("Jane Doe, Richard Roe")."""
    parts = []
    for part in raw.split(";"):
        m = _INVERTED_NAME.fullmatch(part)
        family, given = (m.group(1).split(), m.group(2).split()) if m else ([], [])
        full = [w for w in given if len(w.rstrip(".")) > 1]
        if m and family[-1][0].isupper() and (
                len(full) < 2 or sum(w[0].isupper() for w in family) < 2) and all(
                w[0].isupper() and (len(w.rstrip(".")) == 1 or w.endswith(".") or not w.isupper())
                and not _NAME_SUFFIX.fullmatch(w) for w in given):
            part = f"{m.group(2)} {m.group(1)}"
        parts.append(part.strip())
    return "; ".join(parts)


def holds_address(raw: str | None) -> bool:
    """True when a byline string holds an e-mail or web address."""
    return bool(raw) and _ADDRESS.search(raw) is not None


def holds_reference(raw: str | None) -> bool:
    """True when a byline string holds a complete character reference as text: a JSON-LD
    name a CMS escaped for HTML (`"Jos&eacute; Garc&iacute;a"`: JSON has no entities), a
    `<meta name=author>` escaped twice. normalize_authors reads a numeric one, but splits
    a named one at its `;` ("Jos; Eacute; Garc; Iacute; A"), and the author was lost
    (fault round 27)."""
    return bool(raw) and "&" in raw and unescaped_twice(raw) != raw


def holds_name_ampersand(raw: str | None) -> bool:
    """True when a byline string holds an ampersand inside a name ("AT&T Newsroom"),
    which trafilatura's reading split into two authors."""
    return bool(raw) and "&" in raw and _NAME_AMPERSAND.search(unescaped_twice(raw)) is not None


def _author_names(value: object, named: dict[str, dict] | None = None) -> list[str]:
    """Names of a JSON-LD author value: a string, a Person/Organization (its name, or its
    givenName and familyName), a reference to a node of the same JSON-LD by its @id (Yoast
    SEO's `"author": {"@id": ".../#/schema/person/..."}`, the Person in its @graph), or a
    list of those. `named`: the JSON-LD's nodes by @id."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        # (a language-tagged value object, `{"@value": "Jane Doe", "@language": "en"}`,
        # or a list of them, as multilingual sites write names: the author was lost)
        names = value.get("name")
        if isinstance(names, list) and len(names) > 1 and all(isinstance(n, str) for n in names):
            # one Person whose "name" lists plain strings (a CMS writing its co-authors
            # into one record: "name": ["Ana Ruiz", "Jo Lee"]): every one of them, where a
            # list of language-tagged values stays one name spelled in several languages
            return [n for n in names if n.strip()]
        name = jsonld_value(value.get("name"))
        if not isinstance(name, str):
            parts = [jsonld_value(value.get(k)) for k in ("givenName", "familyName")]
            name = " ".join(p for p in parts if isinstance(p, str)) or None
        if name is None and named and isinstance(value.get("@id"), str):
            target = named.get(value["@id"])
            if target is not None and target is not value:
                return _author_names(target)
        if name and " " not in name.strip() and isinstance(value.get("description"), str):
            # a one-word name (a login, a first name) whose bio opens with the full name:
            # Yoast's Person "Stefanus" described "Stefanus Stahl - Maschinenbauer, ...",
            # "Nils" described "Nils Pickert ist freier Autor und Journalist"
            m = re.match(rf"\s*{re.escape(name.strip())}((?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+){{1,2}})"
                         r"\s*(?:[-–—,:|(]|$|(?:ist|is|war|was|es|est)\s)", value["description"])
            if m:
                name = name.strip() + m[1]
        return [name] if name else []
    if isinstance(value, list):
        return [n for item in value for n in _author_names(item, named)]
    return []


def _nodes_by_id(node: object, out: dict[str, dict]) -> dict[str, dict]:
    """The JSON-LD's nodes that have an @id and a name, by @id (through @graph and lists)."""
    if isinstance(node, list):
        for item in node:
            _nodes_by_id(item, out)
    elif isinstance(node, dict):
        if isinstance(node.get("@id"), str) and (node.get("name") or node.get("familyName")):
            out.setdefault(node["@id"], node)
        if isinstance(node.get("@graph"), list):
            _nodes_by_id(node["@graph"], out)
    return out


def _walk_jsonld_authors(node: object, out: list[list[str]],
                         named: dict[str, dict] | None = None) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld_authors(item, out, named)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        if JSONLD_ARTICLE_TYPES.search(kind) and node.get("author"):
            names = [n.strip() for n in _author_names(node["author"], named) if n and n.strip()]
            if names:
                out.append(names)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), (list, dict)):
                _walk_jsonld_authors(node[key], out, named)


def jsonld_authors(tree: HtmlElement, *, scripts: list[str] | None = None) -> list[str]:
    """The author names of the page's first article-like JSON-LD object (through @graph,
    lists and mainEntity; a Person's or Organization's name, or a plain string).
    `scripts`: the page's jsonld_texts, when the caller has read them."""
    found: list[list[str]] = []
    for text in jsonld_texts(tree) if scripts is None else scripts:
        try:
            data = load_jsonld(text)
            _walk_jsonld_authors(data, found, _nodes_by_id(data, {}))
        except (ValueError, RecursionError):
            continue
        if found:
            return found[0]
    return []


# Byline containers, most specific first. One XPath with contains() runs in C; trafilatura's
# own author search uses EXSLT regex tests on a pruned deep copy of the page and cost 12% of
# the stage's time on the dev corpus for the same accuracy (bench/results/extract.md).
# Written over the attributes (`//@class[...]/..`), not over every element
# (`//*[contains(@class, ...)]`): the same elements in the same (document) order, in
# 0.95 ms a page instead of 2.2 ms, since libxml2 then tests only the elements that have
# the attribute (BENCHMARKS.md, "throughput cuts (session 21)").
# The class words: 'author', 'Author', 'byline', 'Byline' and 'autor' (German, Spanish,
# Polish... themes: 'content-left-autor'). libxml2 tests each contains() on every class
# attribute of the page, so the XPath asks for two stems that cover all five ('ut',
# 'yline') and _is_byline_candidate drops the classes they let through besides ('button',
# 'layout', 'skyline': ~4x as many elements, still fewer than 30 a page): 0.49 ms a page,
# against 0.57 with the stems 'uthor', 'yline', 'autor' and 0.68 with the five words.
_BYLINE_CLASS_WORDS = ("author", "byline", "Author", "autor", "Byline")
_BYLINE_XPATH = XPath(
    "//@class[contains(., 'ut') or contains(., 'yline')]/.."
    " | //@id[contains(., 'author')]/.. | //@rel[. = 'author']/.. | //@itemprop[. = 'author']/.."
)


def _is_byline_candidate(elem: HtmlElement) -> bool:
    """The element is one _BYLINE_XPATH means: a class holding one of _BYLINE_CLASS_WORDS,
    an id holding 'author', rel or itemprop 'author'."""
    cls = elem.get("class")
    return (cls is not None and any(word in cls for word in _BYLINE_CLASS_WORDS)
            or "author" in (elem.get("id") or "")
            or elem.get("rel") == "author" or elem.get("itemprop") == "author")


def byline_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """The elements whose markup says 'author' or 'byline', in document order."""
    return [elem for elem in _BYLINE_XPATH(tree) if _is_byline_candidate(elem)]


_SPECIFIC = re.compile(r"^(?:author|byline|author-?name|authorname)$|^author |author-name", re.I)
# A credit line of a picture: its class may say 'autor', its name is the photographer's.
_PHOTO_CREDIT = re.compile(
    r"^(?:fotos?|photos?|bild|bilder|image|credit|quelle)\s*:"
    # "Photograph by Ed Marshall" under a picture, in an element classed as its author's
    r"|^(?:photo(?:graph|graphy|s)?|fotos?|bilder?)\s+(?:by|von|de|par)\s", re.I)
_AUTHOR_NOISE = re.compile(r"^(?:author|autor|by|von|written by)s?\s*:?\s*$", re.I)


def _person_name_element(elem: HtmlElement) -> HtmlElement:
    """The element holding the name of a microdata author (`<div itemprop="author"
    itemscope><span itemprop="name">Ana R.</span><span itemprop="jobTitle">...`): the
    Person's `name` property, not its job title or address beside it; else `elem`."""
    if elem.get("itemprop") == "author" and "itemscope" in elem.attrib:
        for inner in elem.iterdescendants():
            if inner.get("itemprop") == "name":
                return inner
    return elem


def _person_name_text(elem: HtmlElement) -> str:
    """The text of a byline candidate, its microdata Person's name if it has one. A name
    schema.org's microdata gives in a `<meta itemprop="name" content="Ana R.">` (the
    Person's card shows no text: the name is not on the page otherwise) is its content:
    read as text, the <meta> is empty."""
    inner = _person_name_element(elem)
    if inner is not elem and inner.tag == "meta":
        return trim(inner.get("content") or "")
    return without_role_line(inner)


def _lines(elem: HtmlElement) -> list[str]:
    """The element's text as the lines its <br>s set apart (tags inside a line are
    spaces, as itertext joined them)."""
    parts: list[str] = []
    for node in elem.iter():
        if node.tag == "br":
            parts.append("\n")
        elif isinstance(node.tag, str) and node.text and node is not elem:
            parts.append(" " + node.text)
        elif node is elem and node.text:
            parts.append(node.text)
        if node is not elem and node.tail:
            parts.append(" " + node.tail)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def without_role_line(elem: HtmlElement) -> str:
    """A byline element's text without the reporter's job title on its own line after the
    name ("Anna Berg<br>Senior Editor", "... <br><span>Europe Correspondent</span>"): read
    as one text, a beat before the role ("Europe") was kept as the name's last word. The
    line goes when it is a role (is_role) or a beat and a newsroom's role (_is_job_title)
    and a line stays before it."""
    text = trim(" ".join(elem.itertext()))
    if elem.find(".//br") is None:
        return text  # (the common case: no line to tell apart)
    lines = _lines(elem)
    if len(lines) >= 2 and (is_role(lines[-1]) or _is_job_title(lines[-1])):
        return trim(" ".join(lines[:-1]))
    return text


# The heading of an author box after a blog post or a guest article ("Über die Autorin",
# "About the author", "Zur Person"): the box's bold name is the author, the rest a bio.
_ABOUT_THE_AUTHOR = re.compile(
    r"^(?:über (?:den|die) autor(?:in)?|zur person|about the author|à propos de l['’]auteur"
    r"|sobre (?:el autor|la autora)|o autor(?:ze|ce))\s*:?$", re.I)
MAX_BOX_NAME_WORDS = 5


def _about_box_name(elem: HtmlElement) -> str | None:
    """The name an author box puts in bold under its "About the author" heading, or None:
    looked for only when the box's whole text is too long for a byline (its bio)."""
    heading = next((h for h in elem.iterdescendants("h2", "h3", "h4", "h5", "h6", "p", "div")
                    if h.text and _ABOUT_THE_AUTHOR.match(h.text.strip())), None)
    if heading is None:
        return None
    for bold in heading.itersiblings():
        for name in bold.iter("strong", "b"):
            text = trim(name.text_content())
            if text and len(text.split()) <= MAX_BOX_NAME_WORDS:
                return text
    return None


def find_byline_author(tree: HtmlElement, headline: HtmlElement | None = None) -> str | None:
    """Author names from a byline element of the page ('A; B'), or None."""
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    candidates = byline_candidates(tree)
    # elements whose class/rel/itemprop says exactly 'author' before vaguer matches
    candidates.sort(
        key=lambda e: not (
            e.get("rel") == "author" or e.get("itemprop") == "author"
            or _SPECIFIC.search(e.get("class", "") or "")
        )
    )
    headline_words = squash(headline_text(headline)) if headline is not None else ""
    unseen_name = None  # a microdata Person's name the page does not show: the last resort
    for elem in candidates[:40]:
        if elem.tag in ("script", "style", "meta", "link", "img", "body", "html", "article"):
            continue
        text = _person_name_text(elem)
        if text and not trim(elem.text_content()):
            # (a template's Person card may hold the outlet's name where the visible byline
            # names the reporter: "El Colombiano" beside "JACOBO BETANCUR PELÁEZ")
            if unseen_name is None and not in_other_area(elem, article_area):
                unseen_name = normalize_byline(text)
            continue
        if len(text) >= 120:
            # (a bio too long for a byline: the name its box sets in bold, or the one its
            # sentence opens with before the beat, "Anna Berg covers ...")
            text = _about_box_name(elem) or bio_sentence_name(text) or text
        if not text or not (2 < len(text) < 120 or is_agency(text)) or _AUTHOR_NOISE.match(text):
            # (a two-letter byline is an agency's: "AP", "SN")
            continue
        if len(headline_words) >= 12 and headline_words in squash(text):
            continue  # a widget repeating the headline, no byline
        if _PHOTO_CREDIT.match(text):
            continue  # "Foto: Ingo S." under a picture: the photographer, not the author
        if in_other_area(elem, article_area):
            continue
        found = normalize_byline(text)
        if found:
            return found
    return unseen_name or None


# WordPress marks the comments the post's own author writes: class="comment bypostauthor
# comment-author-<login>" (the login as a URL slug). On a page whose byline names nobody,
# that login is the only trace of who wrote the post.
# (over the class attributes, not every element: the same elements, in 0.25 ms a page
# instead of 0.40; see _BYLINE_XPATH)
_POST_AUTHOR_COMMENT = XPath("//@class[contains(., 'bypostauthor')]/..")
_COMMENT_AUTHOR_CLASS = re.compile(r"(?:^|\s)comment-author-([\w-]+)")


def post_author_login(tree: HtmlElement) -> str | None:
    """The login of the post's author from WordPress's `bypostauthor` comment class
    ('comment-author-jancak' -> 'jancak', 'comment-author-anna-keller' -> 'anna keller')."""
    for elem in _POST_AUTHOR_COMMENT(tree):
        m = _COMMENT_AUTHOR_CLASS.search(elem.get("class", ""))
        if m:
            return m[1].replace("-", " ")
    return None


# Links to the site's page of an author ("/author/herr_rein/", WordPress's author archive;
# "/autor/", "/autoren/" on German sites): their text is the name as the site spells it.
# The XPath asks for the stems ('/author/', '/autor') over the links' addresses and
# author_page_links keeps the four forms: the same links, in 0.20 ms a page instead of 0.35.
_AUTHOR_PAGE_PATHS = ("/author/", "/autor/", "/autoren/", "/autoren-")
_AUTHOR_PAGE_LINKS = XPath("//a/@href[contains(., '/author/') or contains(., '/autor')]/..")
MAX_AUTHOR_LINKS = 20  # the first links: a byline's, not an author index's long list


def author_page_links(tree: HtmlElement) -> list[HtmlElement]:
    """The page's first MAX_AUTHOR_LINKS links to an author's page, in document order."""
    links = []
    for link in _AUTHOR_PAGE_LINKS(tree):
        href = link.get("href", "")
        if any(path in href for path in _AUTHOR_PAGE_PATHS):
            links.append(link)
            if len(links) == MAX_AUTHOR_LINKS:
                break
    return links


def _link_text(link: HtmlElement) -> str:
    """A link's text on one line, without a copyright sign before the name (a portrait's
    credit: "© Kathrin F."). A link that holds only the author's portrait names the author
    in the image's alt text ("<a rel=author href=/author/jane-doe><img alt='Jane Doe'>"),
    as a screen reader reads it."""
    text = " ".join((link.text_content() or "").split()).lstrip("©").strip()
    if not text:
        alts = [" ".join((img.get("alt") or "").split()) for img in link.iter("img")]
        text = next((alt for alt in alts if alt), "")
    return text


def author_link_byline(tree: HtmlElement, headline: HtmlElement | None = None) -> str | None:
    """The text of the first link to an author's page outside comments, teasers and
    sidebars: a byline the theme marks by its link only ("<a href=/autoren/kathrin-f>")."""
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    for link in author_page_links(tree):
        text = _link_text(link)
        if text and len(text) <= 80 and not in_other_area(link, article_area) and (
                not _NOT_A_NAME.match(text)  # a button to the page ("Zur Artikelübersicht")
                and not _AUTHOR_INDEX.search(link.get("href", ""))):
            return normalize_byline(text)
    return None


# The list of all authors ("/autoren/", "/authors/"), linked from the menu: no one's page.
_AUTHOR_INDEX = re.compile(r"/(?:authors?|autor|autoren)/?(?:[?#].*)?$", re.I)


# Catalan "Per" (by) opening a byline: the Nordic first name "Per" ("Per Andersson", "Per
# Olof Larsson") is spelled the same, so it is read as the label only on a Catalan page,
# and only before a name of two words or more.
_CATALAN_BY = re.compile(r"Per\s+(?=\S+\s+\S)")


def without_language_by_label(authors: list[str], lang: str | None) -> list[str]:
    """`authors` without a by-label that is a name elsewhere, read in the page's language
    (`lang`, the `<html lang>`): Catalan "Per Jordi Puig" is Jordi Puig."""
    if not (lang or "").lower().startswith("ca"):
        return authors
    return [_CATALAN_BY.sub("", name, count=1) if _CATALAN_BY.match(name) else name
            for name in authors]


def author_link_spelling(tree: HtmlElement, authors: list[str],
                         recorded: str | None = None) -> list[str]:
    """The recorded authors as the site's own author links spell them, where only
    punctuation or spacing differs: trafilatura's normaliser turns 'Herr_Rein' into 'Herr
    Rein' and splits 'AFP/The Local' into two names (of which the cleaning keeps 'AFP'),
    while the link keeps the byline. `recorded`: the 'A; B' string the authors came from."""
    if not authors:
        return authors
    joined = {"".join(folded(a) for a in authors)}
    if recorded:
        joined.add(folded(recorded))
    wanted = {folded(a): i for i, a in enumerate(authors)}
    out = list(authors)
    for link in author_page_links(tree):
        text = _link_text(link)
        if not text or len(text) > 80:
            continue
        sq = folded(text)
        if sq in joined and sq not in wanted:
            cleaned = clean_author_name(text)
            if cleaned is not None and folded(cleaned) in wanted:
                continue  # it spells the role too ("Rechtsanwalt Dennis T."): the name stands
            return [text]  # one byline the normaliser split ("AFP/The Local")
        if sq in wanted:
            i = wanted[sq]
            # (a link in capitals spells no more than the name in its usual case)
            out[i] = name_case(text) if authors[i].upper() != authors[i] else text
    return out


# Role words that open a byline entry ("Auteur Anna K.", "Zeige alle Beiträge von Petra R.",
# "FOCUS-Online-Experte Robin T.", "责任编辑：X"): stripped, repeatedly, from the start.
_ROLE_PREFIX = re.compile(
    r"^(?:(?:zeige |alle |view |see |all |more )*(?:beiträge|artikel|posts?|articles?|stories)"
    r" (?:von|by)|zum profil von|ein beitrag von|ein artikel von|blog ?beitrag von"
    r"|eingestellt von|gespeichert von|beitrag von|mehr von|posted by|written by|words by"
    r"|submitted by"  # Drupal's "Submitted by X on ..." line
    # a wire story's credit line ("Reporting by Anna K.; Editing by Tim A."), MSN's card
    r"|(?:additional )?reporting by|reported by|writing by|story by"
    # the kind of piece before its writer ("Fact check by X", "Analysis by X", "Opinion
    # by X"); "Fact checked by Y" beside a byline is a reviewer (_NOT_AN_AUTHOR_CREDIT)
    r"|(?:fact[- ]?check|analysis|commentary|opinion|column|essay|explainer) by"
    r"|published by|verfasst von"
    r"|geschrieben von|publicado por|escrito por|escrita por|publié par|écrit par|scritto da"
    r"|geschreven door|napisane przez"
    r"|gastbeitrag von|guest (?:post|article) by|rédigé par|redactado por|autor(?:ka)? tekstu"
    # a credit for the words and the pictures alike ("Texte et photos :", "Texto y fotos:",
    # "Tekst en foto's:"): the whole label, before its first word alone is read as one
    # (Indonesian "Teks dan foto:", Vietnamese "Bài và ảnh:", words and pictures)
    r"|(?:text(?:e|o)?|tekst|testo|teksti|teks|bài)\s+(?:&|and|und|et|y|e|en|i|og|och|ja|a"
    r"|dan|và)\s+(?:foto['’]s|fotos?|photos?|zdjęcia|bilder|kuvat?|ảnh)"
    r"|napisał[a]?|autor(?:in|es|a)?|auteure?|author|by|von|par|por|di|door|av|af|text(?:e|o)?"
    # Polish "Opracowanie:" (compiled by): the writer who put the story together, the
    # byline of Polish regional portals
    r"|opracowanie"
    r"|texte|tekst|testo"  # Dutch and Polish, Italian "text:" labels
    r"|yazar|автор(?:ы|и)?|текст"  # Turkish; Russian, Ukrainian, Bulgarian
    # Finnish "Kirjoittaja"/"Toimittaja"/"Teksti", Hungarian "Szerző"/"Írta", Turkish
    # "Muhabir"/"Haber" (reporter, news), Serbian "Аутор", and the Greek article before
    # a name in the genitive ("Του Γιώργου Π.", "Της Μαρίας Π.": "by", the name as written)
    r"|kirjoittaja|toimittaja|teksti|szerző|írta|muhabir|haber|аутор|του|της"
    # Indonesian and Malay "Penulis" (writer), "Oleh" (by), "Pewarta"/"Wartawan"
    # (reporter), Tribun's "Laporan Wartawan <outlet>," (the outlet an entry of its own,
    # dropped beside the name); Vietnamese "Tác giả" (author)
    r"|penulis|oleh|pewarta|(?:laporan\s+)?wartawan|tác giả"
    r"|interview|fotos?|photos?|bilder|redaktion(?:ell)?|reporter(?:in)?|editor|redakteur(?:in)?"
    r"|[\w-]+-(?:experte|expertin|autor|autorin|redakteur|redakteurin|korrespondent(?:in)?)"
    r"|责任编辑|编辑|作者|记者"
    # Korean "글" (text) and "글·사진" (text and photos) before the reporter's name, and
    # Arabic "بقلم" (by the pen of), the byline's label of the Arabic press; Hebrew "מאת"
    # (by), the Israeli press's (a whole word: "מאתיים", two hundred, is none)
    r"|글·사진|글|بقلم|מאת"
    # Arabic "كتب" (wrote: the Gulf and Egyptian press's "كتب: X"), Persian "نویسنده"
    # (writer), "خبرنگار" (reporter) and "به قلم" (by the pen of, as Arabic "بقلم"), Dari
    # "گزارشگر" (reporter, Afghanistan's)
    r"|كتب|نویسنده|خبرنگار|به\s+قلم|گزارشگر"
    # Albanian "Shkruar nga" (written by); "nga" alone is also "from", so only the pair
    r"|shkruar\s+nga"
    # Thai "โดย" (by) and "เรื่อง" (story: the writer's credit beside "ภาพ", photos)
    r"|โดย|เรื่อง)\b\s*[:：]?\s*",
    re.IGNORECASE,
)
# Words that end a byline entry but are no part of the name: a date or time label, a share
# counter, a reading time ("Sara Z. Stand", "Amber G. Shares", "... Hace 3 horas",
# "Online-Redaktion Veröffentlicht", an "all posts by" link).
_TRAILING_NOISE = re.compile(
    r"\s+(?:(?:stand|aktualisiert|updated|veröffentlicht|published|publicado|publié|shares?"
    # a separator and what follows it ("Story by Anna K. • Yesterday"), a contributor's
    # "Special to the Globe"
    r"|[•·»](?:\s|$)|special(?:\s+(?:to|for)\b|\s*$)"
    r"|hace|tiempo de lectura|lesezeit"
    # Korean "기자" (reporter) and "특파원" (correspondent) written after the name, and the
    # address that follows them ("김민수 기자 minsu@site.co.kr"): a name is one word there,
    # so the role-after-a-name cut, which keeps two name words, cannot take it
    r"|기자|특파원)\b"
    # an author box's link to the author's page after the name ("Martin J. Alles von
    # Martin J. Kontakt", "Anna K. View all posts by Anna K.")
    r"|(?:(?:view |see )?(?:alles|alle (?:beiträge|artikel)|all (?:posts|articles|stories)"
    r"|more|mehr) (?:von|by|from)\b)"
    # the author box's links after the name ("Tim A. Twitter", "Anna K. E-Mail")
    r"|(?:twitter|facebook|instagram|linkedin|e-?mail|kontakt|contact|follow)\b"
    # the agencies the reporter wrote with ("Anna K. mit dpa", "Marie D. avec AFP")
    r"|(?:mit|avec|con|com)\s+(?:material\s+(?:von|der)\s+)?(?:agenturen|agences|agencias"
    r"|agenzie|dpa|afp|ap|reuters|kna|epd|apa|efe|ansa|sda|lusa)\b"
    # a relative time whose number the author cleaning already took ("vor 5 Stunden")
    r"|vor(?:\s+(?:\d+\s*)?(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren))?\s*$"
    # short words ('am', 'le', 'do') are also name particles ('Loïc Le Clerc'): only when a
    # date or a time follows them
    r"|(?:am|on|le|el|mo|di|mi|do|fr|sa|so)\b\.?,?(?:\s+(?=\S*\d)|\s*$)"
    # Blogger's post footer: "Posted by Anna K. at 3:05 PM", "Eingestellt von Anna K. um
    # 15:05" (a time, never a name, after the word; its time may already be cut off; in
    # lower case: "Katholisch At" is a name)
    r"|(?-i:at|um)(?:\s+\d{1,2}[:.]\d{2}\b|\s*$)).*$",
    re.IGNORECASE,
)
# A reporter's bio read as the byline ("Anna Berg is a reporter for the Courier", "Anna
# Berg ist Redakteurin bei ...", "Anna Berg est journaliste pour ..."): the verb, written
# in lower case after two name words at least, then a reporter's role (is_role), and all
# after the name go. "Martin is a full-stack engineer" after an author box's name, or
# "Credaris ist ein Partner-Service" after a customer's, is no reporter's bio.
_BIO_AFTER_NAME = re.compile(
    r"^(\S+(?:\s+\S+)+?)\s+(?:is|ist|est|es|è|é|jest|was|war)\s+"
    r"(?:(?:a|an|the|ein|eine|un|une|una|uno|um|uma|o|een)\s+)?(\S+)(?:\s+(\S+))?")


# A broadcaster's line naming its reporter with a verb ("Anna Berg reports from Kyiv",
# "Anna Berg reporting from Kyiv"; trafilatura's normaliser has already cut "from ..." so
# "Anna Berg reports" is what comes here): the verb and what follows it are no name. Only
# after two capitalised words: a newsroom's "wire reports" stays for _is_newsroom_credit.
_REPORTS_AFTER_NAME = re.compile(
    r"^(\S+(?:\s+\S+)+?)\s+(?-i:reports|reporting)(?:\s+(?:from|in|on|for)\s.*)?$")


def _without_reports(name: str) -> str:
    """`name` without the reporting verb after it (_REPORTS_AFTER_NAME)."""
    m = _REPORTS_AFTER_NAME.match(name)
    if m is None or not all(w[:1].isupper() or w in NAME_PARTICLES for w in m[1].split()):
        return name
    return m[1]


def _without_bio(name: str) -> str:
    """`name` without the bio sentence a name opens (_BIO_AFTER_NAME)."""
    m = _BIO_AFTER_NAME.match(name)
    if m is None or not all(w[:1].isupper() or w in NAME_PARTICLES for w in m[1].split()):
        return name
    # the role, a two-word role, or a role after one adjective ("freie Autorin",
    # "jeune journaliste")
    role = _bio_role(m[2]) or (m[3] is not None and (is_role(f"{m[2]} {m[3]}") or (
        m[2][:1].islower() and _bio_role(m[3]))))
    return m[1] if role else name


# What a bio says its writer is besides a newsroom's roles (is_role leaves "Autor" out: it
# is the label before a byline's name, "Autor: Anna Berg")
_BIO_ROLES = frozenset(("author", "autor", "autorin", "auteur", "autrice", "autora", "writer",
                        "schriftsteller", "schriftstellerin", "écrivain", "escritor",
                        "escritora", "scrittore", "scrittrice"))


def _bio_role(word: str) -> bool:
    return is_role(word) or word.casefold() in _BIO_ROLES


# An entry that is a label or a date word, not a person: what a byline box holds when it
# has no name ("Zuletzt geändert", "Publicado el", "Lundi", "Dezember", "AUTOR; IN"), or a
# button of the page read as one ("Posted", "Suche Erweiterte Suche", "Zur
# Artikelübersicht" linking to the author's page, "Alle Artikel", "View all posts").
_NOT_A_NAME = re.compile(
    r"^(?:zuletzt|publicado|published|posted|veröffentlicht|updated|aktualisiert"
    r"|suche|search|zu[mr]\s+\w*(?:übersicht|seite|profil|artikel|beiträge|autor)"
    r"|alle (?:artikel|beiträge)|all (?:posts|articles)|view (?:all|profile|more|posts)"
    r"|more (?:from|by|articles|posts)|mehr (?:von|artikel|beiträge)"
    r"|weitere (?:artikel|beiträge)"
    # the entry whole: a button, or a CMS's placeholder account ("Super User",
    # "Publisher"; Blogger's "Unknown" and "Anónimo" stay: the page shows them as the
    # byline); "Contributor: Jo Roe" is a label before a name
    r"|(?:follow|folgen|(?:super )?user|publisher|contributors?)$"
    # the kind of piece as an entry of its own ("Opinion | By X": "Opinion; X")
    r"|(?:opinion|analysis|commentary|op-ed)$"
    # picture credits read as bylines ("Photograph by ...", "Cortesía", "Фото из ...")
    r"|photo(?:graph)?s? by|photo|foto|фото|cortesía|courtesy"
    # an article or preposition alone or before a lowercase word, or a lowercase "in"
    # ("in Politik" is the category label; "Der Spendenteddy" a pen name)
    r"|(?:in|el|la|le|der|die|das|the)(?=$|\s+(?-i:[a-zäöüéè]))|(?-i:in\s)"
    r"|admin|wordpressadmin|administrator|autor|author|datum|date|no author|stand"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|january|february|march|june|july|october|december|share|teilen)\b",
    re.IGNORECASE,
)
_PICTURE_CREDIT_LEAD = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|fotos?|фото|image|bild|kuvat?|fotó|φωτογραφ\w*|fotoğraf\w*"
    r"|zdjęci[ae]|ภาพ|عکس|عکاس|تصوير)\b", re.I)
# The same credit inside an entry, after the writer's name, where the line break that set
# it apart was read as a space ("Автор: Мария К.<br>Фото: Павел П."): capitalised, as
# such a label is.
_PICTURE_CREDIT_AFTER = re.compile(
    r"\s+(?-i:Photos?|Pictures?|Fotos?|Фото|Kuvat?|Fotó|Φωτογραφ\w*|Fotoğraf\w*|Zdjęci[ae]|Bild(?:er)?"
    # (Thai "ภาพ", Persian "عکس"/"عکاس" and Arabic "تصوير", photos, photographer: scripts
    # without capitals)
    r"|ภาพ|عکس|عکاس|تصوير)"
    r"\s+\S")
_AND_WORDS = frozenset(("and", "und", "&", "et", "y", "e", "i", "en", "og", "och", "ja", "a",
                        "dan", "và"))


def _without_picture_credit(entry: str) -> str:
    """A byline entry without the picture's credit after the writer's name ("Мария К.
    Фото Павел П."): the photographer is no author. The entry stays whole when fewer than
    two words stand before the label, or the word before it is an "and" ("Tekst og Foto
    X" credits one person with both)."""
    m = _PICTURE_CREDIT_AFTER.search(entry)
    if m is None:
        return entry
    before = entry[:m.start()].split()
    if len(before) < 2 or before[-1].casefold() in _AND_WORDS:
        return entry
    return " ".join(before)
# Legal-form and outlet words: an entry carrying one names an organisation (the publisher
# that CMSs put next to the reporter), dropped when a person is named beside it.
_ORGANISATION = re.compile(
    r"\b(?:gmbh|ag|e\s?v|inc|ltd|llc|plc|s\.?a|média|media|verlag|verlagsgruppe|online|news"
    r"|zeitung|nachrichten|welle|tagespost|press|presse|agency|agentur|com|de|at|ch|org|net"
    # a publication's kind ("Auto Illustrierte", "Teen Vogue Magazine"): no person's surname
    r"|magazin|magazine|illustrierte|zeitschrift|revista|rivista)$",
    re.IGNORECASE,
)


# A newsroom rather than a person ("Redaktion", "Editorial Team", "Staff", "Redacción"):
# a byline when nobody else is named (the annotations keep it), dropped beside a person.
_STAFF = re.compile(
    # (also "of the newsroom" after a reporter's name: "X, da Redação", "X, de la
    # redacción", "X, della redazione", "X, z redakcji")
    r"^(?:die |the |of the |da |de la |della |z )?"
    r"(?:redaktion|redacci[oó]n|r[ée]daction|redazione|reda[çc][ãa]o|redakcj[ai]"
    r"|editorial(?: team)?|editors?"
    r"|staff|team|newsroom|newsdesk|agenturen|agencies|agences|agencias|agenzie|agências)\b"
    r"|\b(?:redaktion|editorial team|staff)$",
    re.IGNORECASE,
)
# The name of an HTML entity left by a doubly escaped author string ("Redacci&oacute;n"),
# which trafilatura's author splitting cuts at '&' and ';' into 'Redacci; Oacute; N ...'.
_ENTITY_NAME = re.compile(
    r"^(?:[a-z](?:acute|grave|circ|uml|tilde|cedil|ring|slash)|szlig|amp|quot|nbsp|apos)$",
    re.IGNORECASE,
)
# A newsroom word directly before a name, without a colon ("Redaktion Polizeiticker",
# not "Redaktion: Eberhard F."): with the outlet's name after it, the whole is the byline.
_NEWSROOM_LEAD = re.compile(
    r"^(?:(?:von|by|por|par)\s+)?((?:redaktion|redacci[oó]n|r[ée]daction|redazione|newsroom)"
    r"\s+(?=\w))",
    re.IGNORECASE,
)
# Academic and professional degrees written as an entry of their own ("Grant T.; PhD").
_DEGREE = re.compile(r"^(?:ph\.?\s?d|m\.?d|dr|prof|msc|m\.?sc|ma|ba|mba|rd|rn|mph)\.?$",
                     re.IGNORECASE)


# A reporter's role written as a byline entry of its own, after the name ("Anna K.,
# Korrespondentin in Paris", "Tim A., Political Correspondent", "Ana R., corresponsal en
# Madrid", "Marie D., envoyée spéciale à Kiev"): role words, the words that qualify them,
# and a place after a preposition. No person's name is made of these words only.
_ROLE_WORD = re.compile(
    r"\w*(?:korrespondent|redakteur)(?:in)?|correspondent|corresponsal|correspondante?"
    r"|corrispondente|editor(?:a|in)?|éditeur|éditrice|rédact(?:eur|rice)|redatt(?:ore|rice)"
    r"|reporter(?:in|a)?|journalist(?:in)?|journaliste|periodista|giornalista"
    r"|dziennikar(?:z|ka)|columnist|kolumnist(?:in)?|chroniqueu(?:r|se)|writer|contributor"
    r"|mitarbeiter(?:in)?|volontär(?:in)?|envoyée?|inviat[oa]|enviad[oa]"
    # the profession of a guest author, written before the name on law firms' and
    # advisers' posts ("Autor: Rechtsanwalt Sebastian E.", "Attorney John S.")
    r"|(?:rechts|fach)?anw[aä]lt(?:in)?|attorney|lawyer|avocate?|abogad[oa]|avvocat[oa]"
    r"|steuerberater(?:in)?|notar(?:in)?"
    # an academic guest's post ("By Dr. Anna K., Professor of Economics at ...", which the
    # normaliser cuts at "of": "Professor")
    r"|professor|lecturer|researcher"
    # Danish and Norwegian, Swedish editors and writers ("X, politisk redaktør")
    r"|redaktør|redaktör|skribent|medarbejder"
    # a company blog's author card ("Written by X, Head of Content", "X, Product Marketing
    # Lead", "X, Founder & CEO")
    r"|head|manager|lead|director|founder|co-founder|ceo|cmo|cto|strategist|marketer",
    re.IGNORECASE,
)
_ROLE_MODIFIERS = frozenset({
    "senior", "junior", "chief", "political", "politische", "politischer", "leitende",
    "leitender", "stellvertretende", "stellvertretender", "freie", "freier", "freelance",
    "staff", "special", "spécial", "spéciale", "especial", "speciale", "deputy", "managing",
    "executive", "foreign", "contributing", "associate", "assistant", "news", "sports",
    "business", "science", "features", "digital", "online", "the", "our", "unser", "unsere",
    # what a company blog's role names ("Head of Content", "Senior Content Marketing
    # Manager", "Founder & CEO")
    "of", "&", "and", "content", "marketing", "product", "growth", "brand", "communications",
    "social", "media", "seo", "editorial",
    "politisk", "politiske", "chef", "ansvarshavende",  # da/nb ("politisk redaktør")
})
_PLACE_AFTER_ROLE = re.compile(r"\s+(?:in|en|à|a|au|aux|für|for|at|aus|de|di|da|w|we)\s.*$",
                               re.IGNORECASE)


def is_role(entry: str) -> bool:
    """Whether `entry` is a reporter's role and nothing else ("Senior Correspondent",
    "Korrespondentin in Paris")."""
    words = _PLACE_AFTER_ROLE.sub("", entry).split()
    return any(_ROLE_WORD.fullmatch(w) for w in words) and all(
        _ROLE_WORD.fullmatch(w) or w.casefold() in _ROLE_MODIFIERS for w in words)


# The most words a role written before or after a name takes ("Senior Political
# Correspondent").
MAX_ROLE_WORDS = 4


def _without_trailing_role(name: str) -> str:
    """The name without the role an author box sets after it in an element of its own
    ("<span>Anna Berg</span><span>Senior Correspondent</span>", read as one text): the
    role's words go when at least two words of a name stay ("Anna Writer" stays whole)."""
    words = name.split()
    if len(words) <= MAX_ROLE_WORDS and is_role(name):
        # a role and nothing else ("Senior Content Marketing Manager"): its tail cut, the
        # head ("Senior Content") read as a name; left whole, the leading-role cut drops it
        return name
    for size in range(min(MAX_ROLE_WORDS, len(words) - 2), 0, -1):
        if is_role(" ".join(words[-size:])):
            return " ".join(words[:-size])
    return name


def _without_leading_role(name: str) -> str:
    """The name without the role written before it ("Korrespondentin Anna Berg", "Senior
    Correspondent: Anna Berg", "Rechtsanwalt Sebastian Einbock"): the role's words go when
    at least two words of a name stay ("Korrespondentin Keller" stays whole), at most
    MAX_ROLE_WORDS of them, as after a name."""
    if is_role(name):
        return name  # a role and its place ("Corresponsal en Madrid"): no name to keep
    words = name.split()
    if len(words) <= MAX_ROLE_WORDS and is_role(name):
        # a role and nothing else ("Senior Content Marketing Manager"): its tail cut, the
        # head ("Senior Content") read as a name; left whole, the leading-role cut drops it
        return name
    for size in range(min(MAX_ROLE_WORDS, len(words) - 2), 0, -1):
        if is_role(" ".join(words[:size]).rstrip(":")) or _is_beat_role(words[:size]):
            return " ".join(words[size:])
    return name


# A newsroom's role word that ends a beat's description before the name ("By political
# reporter X", "By Pacific affairs reporter X", "By national affairs correspondent X"):
# the beat's words are any, so only a reporter's role word ends one (not a company's
# "Lead" or "Head", which are surnames too).
_REPORTER_ROLE = re.compile(r"reporter|correspondent|editor|writer|columnist|journalist",
                            re.IGNORECASE)


def _is_beat_role(words: list[str]) -> bool:
    """Whether `words`, read before a name, are a beat and a reporter's role: two words or
    more of two letters or more (an initial, "K." or "K" once the normaliser dropped its
    dot, is a name's), the last a role word."""
    return len(words) >= 2 and bool(_REPORTER_ROLE.fullmatch(words[-1])) and all(
        len(w) > 1 and w.isalpha() for w in words)


def _is_job_title(entry: str) -> bool:
    """Whether a byline entry is a beat and a newsroom's role ("Data Editor",
    "Investigations Reporter"), not a person: as `_is_beat_role`, but "Writer" is a surname
    too ("Tom Writer"), so it ends no such title here ("Staff Writer" is_role already)."""
    words = entry.split()
    return _is_beat_role(words) and words[-1].casefold() != "writer"


# A reporter's city after the name, without a comma or a role ("Por Pablo Moreno en
# Bruselas", "Von Anna Berg aus Brüssel", "By Tim Hayes in London"): a preposition no name
# carries as a particle and one capitalised word. ("da", "de", "di" are particles too:
# "Ana Maria da Silva" keeps its surname; Italian's "da Bruxelles" stays.)
_PLACE_AFTER_NAME = re.compile(rf"\s+(?:in|en|à|aus|em|z|from)\s+(?-i:[{CAPITALS}])[\w'’.-]*$",
                               re.IGNORECASE)


def _without_place(name: str) -> str:
    """The name without a city after it, when two words of a name stay before it; and
    without a particle it ends with, whose surname the byline's name pattern left behind
    ("Alessandro De Ferrari da" of "Di Alessandro De Ferrari da Bruxelles"): no name
    ends with "da" or "von"."""
    m = _PLACE_AFTER_NAME.search(name)
    name = name[:m.start()] if m and len(name[:m.start()].split()) >= 2 else name
    words = name.split()
    if len(words) >= 3 and words[-1] in NAME_PARTICLES:
        name = " ".join(words[:-1])
    return name


# Chinese and Japanese credits glue their labels to the name, with no space nor word
# boundary for _ROLE_PREFIX's "\b": "记者张建国" / "本报记者 张静" (our paper's reporter),
# "文／王小明" / "文：山田花子" (text), "山田太郎記者" (reporter, after the name), "记者X／台北
# 报导" (X, reporting from Taipei). A name there is two to four ideographs.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_LABEL_BEFORE = re.compile(
    r"^(?:本报|本報|本社|本台)?(?:特约|特約|实习|實習|驻\S{1,4}|駐\S{1,4})?"
    r"(?:记者|記者|特派员|特派員|通讯员|通訊員|编辑|編輯|作者|撰文)\s*[:：／/]?\s*"
    # "文" (text) alone is a family name too (文在寅): a label only with its colon or slash,
    # or the Japanese middle dot ("文・中村健太　写真・井上大輔"); the longer labels first
    r"|^(?:文・写真|文·图|文/图|文／图|文字|文)\s*[:：／/・]\s*")
_CJK_LABEL_AFTER = re.compile(
    rf"(?<=[{_HAN}])\s*(?:[／/]\s*[{_HAN}]{{1,6}}(?:报导|報導|报道|報道)"
    r"|记者|記者|特派员|特派員|通讯员|通訊員)$")
# the photographer's credit after the writer's ("文：X　写真：Y", "文／X 摄影／Y")
_CJK_PICTURE_CREDIT = re.compile(r"\s+(?:写真|撮影|摄影|攝影|图|圖|图片|圖片)\s*[:：／/・].*$")


def without_cjk_labels(name: str) -> str:
    """A Chinese or Japanese byline entry without the labels glued to its name: the role
    before it or after it, the report's place and the photographer's credit after it.
    An entry of other scripts comes back as it was."""
    if not re.search(f"[{_HAN}]", name):
        return name
    name = _CJK_PICTURE_CREDIT.sub("", name)
    return _CJK_LABEL_AFTER.sub("", _CJK_LABEL_BEFORE.sub("", name, count=1)).strip()


def clean_author_name(name: str) -> str | None:
    """One byline entry without role words and trailing labels; None when no name is left."""
    name = without_cjk_labels(" ".join(name.split()).strip(" ,;:|-–—·•"))
    whole = name
    for _ in range(3):  # "Text: Interview: Harald W." -- a few stacked roles at most
        stripped = _ROLE_PREFIX.sub("", name, count=1)
        if stripped == name:
            break
        name = stripped
    if not name.strip(" ,;:|-–—·•") and _STAFF.search(whole):
        return whole  # "Redaktion" is a role word before a name, and a byline on its own
    name = _without_place(_without_leading_role(_without_trailing_role(
        _TRAILING_NOISE.sub("", _without_reports(_without_bio(name))).strip(" ,;:|-–—·•"))))
    name = name.strip(" ,;:|-–—·•")
    # (and the comma that set the role apart: "Anna Berg, Senior Correspondent")
    if not name or len(name) < 2 or _NOT_A_NAME.match(name) or len(name.split()) > (
            MAX_INSTITUTION_WORDS if _INSTITUTION.search(name) else 6):
        return None
    if _DEGREE.match(name):
        return None
    words = name.split()
    if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
        name = " ".join(words[: len(words) // 2])  # "jesusfreak jesusfreak": alt text + name
    if any(ch.isdigit() for ch in name):
        return None  # a date or a counter, never a name
    return name


# A reporter's outlet and role after the name ("Adam Aaronson PhillyVoice Staff").
_OUTLET_STAFF = re.compile(r"\s+(\S+)\s+(?:staff(?: writer| reporter)?|contributor|correspondent)$",
                           re.I)
# "<meta name=author content='unocero - Alberto Ávila'>": the outlet, a dash, the reporter.
# trafilatura's normaliser keeps what stands before a dash (a name's suffix often follows
# one), which here is the outlet.
_AUTHOR_META_DASH = re.compile(r"\s+[-–—|]\s+")


def outlet_dash_author(tree: HtmlElement, outlet_names: set[str]) -> str | None:
    """The reporter of an author meta tag written "<outlet> - <name>", else None."""
    meta = tree.find(".//meta[@name='author']")
    content = (meta.get("content") or "") if meta is not None else ""
    parts = _AUTHOR_META_DASH.split(content.strip())
    if len(parts) == 2 and is_outlet(parts[0], outlet_names):
        name = clean_author_name(parts[1])
        if name and is_person(name, outlet_names):  # not the publisher's full name
            return normalize_byline(parts[1])
    return None


# An institution's name: words joined by "für", "of", "for"... ("Bayerische Landesanstalt
# für Wald und Forstwirtschaft", "Ministry of Health"); a person's name has no such word.
_INSTITUTION = re.compile(r"\w\s+(?:für|of|for|pour|per)\s+\w", re.I)
MAX_INSTITUTION_WORDS = 10  # "Eidgenössisches Departement für Wirtschaft, Bildung und ..."


def _rejoin_institution(parts: list[str]) -> list[str]:
    """An institution's name that trafilatura's normaliser split at its commas and
    "und"/"and" ("Landesanstalt für Wald; Forstwirtschaft", "Departement für Wirtschaft;
    Bildung; Forschung WBF"), joined again: its last words are no author."""
    out: list[str] = []
    for part in parts:
        words = part.split()
        if out and _INSTITUTION.search(out[-1]) and (
                len(words) == 1 or (len(words) == 2 and words[1].isupper())):
            # one word, or one and the institution's acronym: no person's name
            out[-1] = f"{out[-1].rstrip()} und {part.strip()}"
        else:
            out.append(part)
    return out


# "and" in the languages trafilatura's author splitting does not know (it splits "and",
# "und", commas): "Marie D. et Paul M.", "Ana R. y Pedro G.", "Marco R. e Luca B.", "Jan K.
# i Anna N.", "Jan de V. en Piet B.", nb/da "og", sv "och", fi "ja", ru "и", cs/sk "a",
# hu "és", tr "ve", el "και", uk "і"/"та", ro "și", id/ms "dan", vi "và"
_OTHER_JOINS = re.compile(r"\s+(?:et|y|e|i|en|og|och|ja|и|oraz|a|és|ve|και|і|та|și|dan|và)\s+")


# The "and"s of _OTHER_JOINS that are no particle nor word of a name in any language
# (where "y", "e", "a", "i", "en" are: "José Ortega y Gasset", "Marco Rossi a Roma")
_NEVER_IN_A_NAME = re.compile(r"\s(?:dan|và|și|och|és|και)\s")


_HAN_NAME = re.compile(f"[{_HAN}]{{2,4}}")


def cjk_names_after_label(part: str) -> list[str] | None:
    """The names of a Chinese credit that lists them after its label with spaces between
    ("本报记者 张静 刘丽娟": our reporters Zhang Jing, Liu Lijuan), else None. Without the
    label the spaces may be a Japanese name's own ("山田 太郎"), so it is required."""
    m = _CJK_LABEL_BEFORE.match(part.strip())
    words = part.strip()[m.end():].split() if m else []
    if len(words) >= 2 and all(_HAN_NAME.fullmatch(w) for w in words):
        return words
    return None


def _split_joined(part: str) -> list[str]:
    """A byline entry joined by another language's "and", as its names, when each side is
    a name of two words or more starting with a capital ("José Ortega y Gasset" is one
    person's name: one word after the "y"). A city after the last name is not a third
    side ("Ana Pérez y Luis Gil en Madrid": Dutch "en" is an "and"). A Chinese credit's
    names after its label are split at their spaces (cjk_names_after_label)."""
    listed = cjk_names_after_label(part)
    if listed:
        return listed
    pieces = _OTHER_JOINS.split(_without_place(part.strip()))
    if len(pieces) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() for p in pieces):
        return pieces
    if len(pieces) == 2 and _NEVER_IN_A_NAME.search(part) and all(
            p[:1].isupper() and len(p.split()) <= MAX_ROLE_WORDS for p in pieces):
        # an "and" no name is written with joins one-word names too (Indonesian "Suparman
        # dan Haryanto": many Indonesians have one name)
        return pieces
    return [part]


# Credits in a byline for work other than the writing: editing, graphics, translation.
_NOT_AN_AUTHOR_CREDIT = re.compile(rf"^\s*(?:{_OTHER_WORK})", re.IGNORECASE)


# An editor's credit set after the writer's ("Penulis: X | Editor: Y", Indonesian
# "Redaktur"/"Penyunting" Y): the label, then a name. The desk that edited the copy is no
# author; alone ("Editor: Y") the label is the byline's and Y stays.
_EDITOR_AFTER_WRITER = re.compile(r"^\s*(?:editor|redaktur|penyunting)\s*:?\s+\S", re.I)


def _without_picture_credits(parts: list[str]) -> list[str]:
    """Byline entries less the picture's credit after a writer's full name ("Autor: Jan
    N.; Foto: Petr D.", "Kirjoittaja Anna V.; Kuva: Mikko M."): the photographer is no
    author. Before any full name, the credit stays ("Text; Fotos Ivan V.", the normaliser's
    cut of "Text & Fotos: Ivan V.", names the one person who did both)."""
    if not any(_PICTURE_CREDIT_AFTER.search(part) for part in parts) and not any(
            _PICTURE_CREDIT_LEAD.match(part.strip()) for part in parts[1:]):
        return parts  # (no credit to look at: the common case, left as it was)
    kept: list[str] = []
    named = False
    for part in parts:
        if named and _PICTURE_CREDIT_LEAD.match(part.strip()):
            continue
        part = _without_picture_credit(part)
        name = clean_author_name(part)
        named = named or bool(name and len(name.split()) >= 2)
        kept.append(part)
    return kept


def clean_authors(raw: str | None, outlet_names: set[str]) -> list[str]:
    """The person names of a 'A; B' author string: role words stripped, labels dropped,
    duplicates merged, and outlet / organisation names dropped when a person remains.

    Newsrooms put the publisher beside the reporter ("El Espectador; Felipe Morales") and
    syndication lists the site itself: neither is an author of the text. When only an
    outlet is named (agency copy, a press office), that name stays: it is the byline.
    """
    split = [_split_joined(part) for part in (raw.split(";") if raw else [])]
    parts = _rejoin_institution([piece for pieces in split for piece in pieces])
    # the last name came after a written "and" ("Hendra N. dan Haryanto"): a co-author,
    # not the one-word city or outlet a byline sets after its names
    joined_last = bool(split) and len(split[-1]) > 1
    if parts and _PICTURE_CREDIT_LEAD.match(parts[0].strip()):
        return []  # "Photograph by Ed M.; Redonda Restoration Programme": one credit, split
    parts = _without_picture_credits(parts)
    if any(_ENTITY_NAME.match(part.strip()) for part in parts):
        return []  # 'Redacci&oacute;n' cut at '&' and ';': the names are lost, not just one
    names: list[str] = []
    for part in parts:
        if _NOT_AN_AUTHOR_CREDIT.match(part) or (names and _EDITOR_AFTER_WRITER.match(part)):
            continue  # "Editing by Tim A.": the desk that edited the copy
        if names and _is_job_title(part):
            # "By X, Data Editor, and Y, Investigations Editor": the job title set between
            # the names, split off as an entry; its beat word is any, so is_role (which
            # knows "Senior Reporter") cannot tell it, and it is no co-author
            continue
        staff = _OUTLET_STAFF.search(part)
        if staff and is_outlet(staff[1], outlet_names):
            part = part[:staff.start()]  # "Adam Aaronson PhillyVoice Staff": the outlet's role
        name = clean_author_name(part)
        if name:  # (after the trailing noise: "Anna K. mit Material von dpa" is read there)
            name = _without_trailing_agency(name)
        lead = _NEWSROOM_LEAD.match(part.strip())
        if name and lead and is_outlet(name, outlet_names):
            # "Redaktion Polizeiticker Schweiz": the newsroom's name, not a role before one
            name = " ".join(part.split())[lead.start(1):]
        if name and squash(name) not in {squash(n) for n in names}:
            names.append(name)
    if len(names) >= 2 and _is_newsroom_credit(names):
        # "Staff and agencies" (the Guardian), "Staff and wire reports": one credit of the
        # newsroom, no person, which the normaliser split at its "and"; its first word
        # alone ("Staff") was read as the author (fault round 44)
        return [" and ".join(names)]
    people = [n for n in names if is_person(n, outlet_names)]
    if any(len(p.split()) >= 2 and not _is_affiliation(p) for p in people):
        # "By Jane Doe and John Roe, National Park Service", "By Jane Doe, U.S.
        # correspondent" (the role cut leaves "U S"): the body the writers work for, or
        # the country they cover, set after their names, is no co-author; alone it stays
        # the byline (a release's "U.S. CUSTOMS AND BORDER PROTECTION")
        people = [p for p in people if not _is_affiliation(p)]
    if any(not _BUREAU.search(p) and len(p.split()) >= 2 for p in people):
        # "Von Anna Berg, ARD-Hauptstadtstudio", "By Jo Roe, Washington bureau": the
        # office the reporter files from, beside a full name, is no co-author
        people = [p for p in people if not _BUREAU.search(p)]
    if _trailing_single_word(people) and not joined_last:
        # "Von Anna Berg, München", "By Jo Roe and Tim Hale | Bloomberg": one word after
        # full names is the dateline's city or the outlet the story ran in, no co-author
        people = people[:-1]
    if not any(len(p.split()) >= 2 for p in people):
        # no reporter's full name: an agency credit is the byline, before the outlet, and
        # beside a desk's initials ("det/dpa") it is one of the credits
        people = [n for n in names if is_person(n, outlet_names) or is_agency(n)]
    return [name_case(n) if is_person(n, outlet_names) else n for n in people] or names[:1]


# A newsroom's office: a broadcaster's studio, a correspondents' bureau or desk, as a word
# or a compound's end ("ARD-Hauptstadtstudio", "SWR-Studio Brüssel", "Korrespondentenbüro
# Wien", "Washington bureau", "Metro desk"); no person's name ends a word so.
_BUREAU = re.compile(r"(?:studio|büro|bureau|desk)(?:\s|$)", re.IGNORECASE)


# A country's or union's initials, what the role cut leaves of "U.S. correspondent".
_PLACE_INITIALS = re.compile(r"(?:U\.?\s?S|U\.?\s?K|E\.?\s?U|U\.?\s?N)\.?", re.IGNORECASE)
# The last word of an institution's name: the public offices' words, and a university's,
# a foundation's, a museum's ...
_INSTITUTION_LAST_WORD = re.compile(
    rf"(?:{_PUBLIC_OFFICE_WORD}|university|foundation|association|society|laboratory"
    r"|museum|hospital)", re.IGNORECASE)


def _is_affiliation(name: str) -> bool:
    """`name` is an institution (a public office's form, or three capitalised words and
    more ending on an institution's word: "National Park Service", "U S Geological
    Survey"; two could be a person, "Robert Service") or a country's initials ("U S")."""
    if _PLACE_INITIALS.fullmatch(name.strip()) or public_office_name(name):
        return True
    words = name.split()
    return (len(words) >= 3 and _INSTITUTION_LAST_WORD.fullmatch(words[-1]) is not None
            and all(w[:1].isupper() or w.casefold() in _OFFICE_JOINING_WORDS for w in words))


def _trailing_single_word(people: list[str]) -> bool:
    """The last of `people` is one capitalised word (no initial, no particle) or an
    agency's initials, and every name before it has two words or more: a place, an outlet
    or a wire, which bylines set after the names ("Anna Berg, München", "Anna Berg, TT"),
    not a co-author's name ("Anna Berg, Tom Kurz")."""
    if len(people) < 2:
        return False
    last = people[-1]
    # an agency's initials after the names ("Anna Berg, TT", "Zeynep Ç. | AA"): capitals,
    # where a place or an outlet is one capitalised word
    initials = 2 <= len(last) <= 7 and last.isupper() and last.replace("-", "").isalpha()
    return (" " not in last and (initials or (
        len(last) > 2 and last[:1].isupper() and last[1:].islower()))
        and all(len(p.split()) >= 2 for p in people[:-1]))


# What a newsroom credits beside its staff ("Staff and agencies", "Staff and wire
# reports", "Staff and news service reports"): no person, nor an agency by its name
_NEWSROOM_CREDIT = re.compile(
    r"agencies|agences|agencias|agenturen|agenzie|agências"
    r"|(?:(?:news|wire)\s+)?(?:services?|reports?|wires?)(?:\s+reports?)?", re.I)


def _is_newsroom_credit(entries: list[str]) -> bool:
    """The newsroom's staff and what it credits beside them (_NEWSROOM_CREDIT), as
    entries or joined by " and ": no person."""
    return len(entries) >= 2 and bool(_STAFF.search(entries[0])) and all(
        _NEWSROOM_CREDIT.fullmatch(e.strip()) for e in entries[1:])


# A name written in capitals ("JOHN SMITH", "By JANE DOE and JOHN SMITH"): words of
# letters, initials, hyphens and apostrophes only (no "/", "&" nor digits: "APA/AP")
_CAPITALS_NAME = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-]+[^\W\d_]*)*(?:\s+\S+)+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# particles written in lower case inside a name ("Jan van der Berg", "Ana de la Cruz",
# "José da Silva"); "Di", "Le", "La" alone are capitalised as often ("Luigi Di Maio",
# "Loïc Le Clerc", "Fiorello La Guardia") and stay so
NAME_PARTICLES = frozenset({"van", "der", "den", "de", "von", "da", "das", "dos", "del",
                             "della", "ten", "ter", "zu", "af"})
ARTICLES_AFTER_PARTICLE = frozenset({"la", "las", "los", "le", "het"})  # "de la", "van het"
_ROMAN_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


# A profile page's path on the site itself ("/author/laura-reynolds", "/autor/anna-berg/"):
# the folder's name, then a slug of two to four words of letters
_PROFILE_PATH = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|autori|autores|journalist(?:s|en)?"
    r"|redakteur(?:e|in)?|profiles?)/([^\W\d_]+(?:-[^\W\d_]+){1,3})/?$")


def author_from_profile_url(tree: HtmlElement, url: str | None) -> str | None:
    """The name an `article:author` tag gives only as the author's profile page on the
    site itself ("https://www.courier.com/author/laura-reynolds" -> "Laura Reynolds"), for
    a page that names its author nowhere else. A profile elsewhere (a Facebook page), a
    slug with digits ("staff-12") or of one word names nobody."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    for meta in tree.iterfind(".//meta[@property='article:author']"):
        value = (meta.get("content") or "").strip()
        parts = urlsplit(value) if value.startswith(("http://", "https://")) else None
        if parts is None or not host or (parts.hostname or "").removeprefix("www.") != host:
            continue
        m = _PROFILE_PATH.search(parts.path.lower())
        if m is not None:
            return " ".join(w if w in NAME_PARTICLES else w.capitalize()
                            for w in m[1].split("-"))
    return None


def name_case(name: str) -> str:
    """A person's name written all in capitals in its usual case ("JOHN SMITH" -> "John
    Smith", "SADHBH O'SULLIVAN" -> "Sadhbh O'Sullivan", "JEAN-CLAUDE VAN DER BERG" ->
    "Jean-Claude van der Berg", "RONALD MCDONALD" -> "Ronald McDonald"): the same person
    was two authors, in capitals on one page and not on the next (fault round 44). A name
    of one word ("AP", "JIJI" may be an acronym) or with a lower-case letter stays."""
    words = name.split()
    if len(words) < 2 or name.upper() != name or name.lower() == name or not (
            _CAPITALS_NAME.fullmatch(name)) or not all(
            any(ch.isalpha() for ch in w) for w in words):
        return name
    out = []
    for i, word in enumerate(words):
        if word in _ROMAN_NUMERALS:
            out.append(word)
            continue
        cased = _LETTER_RUN.sub(lambda m: m[0][0] + m[0][1:].lower(), word)
        if cased.startswith("Mc") and len(cased) > 3 and cased[2].isalpha():
            cased = "Mc" + cased[2].upper() + cased[3:]
        inside = 0 < i < len(words) - 1
        if inside and (cased.lower() in NAME_PARTICLES or (
                cased.lower() in ARTICLES_AFTER_PARTICLE and out[-1].islower())):
            cased = cased.lower()
        out.append(cased)
    return " ".join(out)


# The most co-authors a byline that replaces or extends the recorded authors may name: a
# class="author" element with more entries is a category list or a teaser more often than
# a team of reporters ("Clara L., Siddharth P. & Klaus J." is three).
MAX_BYLINE_NAMES = 3


def names_of_people(names: list[str], outlet_names: set[str]) -> bool:
    """One to MAX_BYLINE_NAMES entries of 2-4 words, none an outlet or newsroom: what a
    byline that replaces the outlet named in the meta tags must look like (a class="author"
    element sometimes holds a category list or a teaser instead)."""
    return 0 < len(names) <= MAX_BYLINE_NAMES and all(
        2 <= len(n.split()) <= 4 and is_person(n, outlet_names) for n in names
    )


def byline_refines(recorded: list[str], shown: list[str]) -> bool:
    """The byline shown on the page says more precisely who the recorded authors are: some
    of several recorded names (the others are the publisher or a photographer: "Condé
    Nast; Fiona B.; Mariam H." shown as "Fiona B., Mariam H."), or one recorded word
    spelled out ("Todd" shown as "Todd Bates", "arianschlichenmayer" as "Arian S.")."""
    rec = [squash(n) for n in recorded]
    got = [squash(n) for n in shown]
    if len(recorded) >= 2:
        return 2 <= len(got) < len(rec) and all(g in rec for g in got)
    word = rec[0]
    return len(got) == 1 and len(shown[0].split()) >= 2 and len(word) >= 3 and (
        got[0] == word or got[0].startswith(word))


def _surname(name: str) -> str:
    return squash(name.split()[-1]) if name.split() else ""


def byline_adds_coauthors(recorded: list[str], shown: list[str], outlets: set[str]) -> bool:
    """The byline shown names the one recorded author and co-authors besides: CMSs record
    the account that filed the story ('Rudolf Fischer') where the page credits the team
    ('von Rudolf Fischer, Simon Kohler'). The recorded name is found by its surname, which
    the byline may write with initials ('E. Barreneche / J. I. da Silva')."""
    if len(recorded) != 1 or " " not in recorded[0] or len(shown) < 2:
        return False
    return names_of_people(shown, outlets) and _surname(recorded[0]) in {
        _surname(n) for n in shown}


def byline_backs_the_tags(tagged: list[str], recorded: list[str], shown: list[str],
                           outlets: set[str]) -> bool:
    """The byline shown names people the meta tags name too, and none of those the JSON-LD
    record put in their place: the record names the account that filed the story (wsvn:
    tags "Jessica Holly; Gail Levy; Kathleen Ditton", JSON-LD "Kathleen Ditton", the page
    "By Jessica Holly, Gail Levy")."""
    if recorded == tagged or not names_of_people(shown, outlets):
        return False
    tags = {squash(n) for n in tagged}
    got = {squash(n) for n in shown}
    return got <= tags and not got & {squash(n) for n in recorded}


# An organisation by its form: a name after "The" ("The Washington Post", "The Globe"),
# or a broadcaster's call letters, alone or before a desk ("CNN", "WSVN", "CNN Business");
# a name in capitals ("JOHN SMITH") is all capitals, and "AJ Smith" has two letters.
_ORGANISATION_FORM = re.compile(r"^(?-i:The\s+[A-Z]|[A-Z]{3,6}(?:$|\s+[A-Z][a-z]))")


def is_person(name: str, outlet_names: set[str]) -> bool:
    """Not the outlet, an organisation, a newsroom, a news agency or a reporter's role
    ("Korrespondentin in Paris"): a byline entry naming a person."""
    return not (
        is_outlet(name, outlet_names) or _ORGANISATION.search(name) or _STAFF.search(name)
        or _INSTITUTION.search(name) or is_agency(name) or is_role(name)
        or _ORGANISATION_FORM.match(name) or _is_newsroom_credit(name.split(" and "))
    )


def is_agency(name: str) -> bool:
    return folded(name) in _AGENCY_NAMES


def _without_trailing_agency(entry: str) -> str:
    """A byline entry without the agency (and the reporter's role at it) written after the
    name with no comma ("By JOHN SMITH Associated Press", "Anna K. AP Business Writer"),
    as an agency after a comma is an entry of its own: no part of the name. An entry left
    with fewer than two words keeps it."""
    words = entry.split()
    end = len(words)
    while end > 3 and (_ROLE_WORD.fullmatch(words[end - 1])
                       or words[end - 1].casefold() in _ROLE_MODIFIERS):
        end -= 1
    for size in (3, 2, 1):
        if end - size >= 2 and is_agency(" ".join(words[end - size:end])):
            return " ".join(words[:end - size])
    return entry


def _load_agency_names() -> frozenset[str]:
    """Every spelling of a news agency (tasks/common/data/wire_agencies.tsv, shared with
    the enrich stage's wire credits), folded: 'Anna K.; Dpa' names one reporter."""
    text = resources.files("tasks.common").joinpath("data/wire_agencies.tsv").read_text(
        "utf-8")
    return frozenset(folded(spelling) for line in text.splitlines()
                     if line.strip() and not line.startswith("#")
                     for spelling in line.split("\t")[1].split("|"))


_AGENCY_NAMES = _load_agency_names()


# Labels of the "twitter:labelN / twitter:dataN" pairs WordPress SEO plugins write, in the
# site's language ("Written by" / "Verfasst von" / "Écrit par" ...), naming the author.
_AUTHOR_LABEL = re.compile(
    r"^(?:written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|autor|author"
    r"|auteur)$",
    re.IGNORECASE,
)


def labelled_author(tree: HtmlElement) -> str | None:
    """The author of a 'twitter:labelN' = 'Written by', 'twitter:dataN' = name pair."""
    labels: dict[str, str] = {}
    for meta in tree.iterfind(".//meta[@name][@content]"):
        key = meta.get("name", "")
        if key.startswith("twitter:label") and _AUTHOR_LABEL.match(meta.get("content").strip()):
            labels[key[len("twitter:label"):]] = ""
        elif key.startswith("twitter:data") and key[len("twitter:data"):] in labels:
            return meta.get("content").strip() or None
    return None
