"""The demo news site: several outlets on loopback addresses, each with an RSS feed, a news
sitemap, a sitemap index of weekly sitemaps and its own page template; a few hundred
articles over several weeks, wire stories republished by other outlets, a template change
on one outlet mid-way (its pages lose the author byline and the date meta) and a few broken
pages (500, 404, an empty page).

Deterministic: the same seed and `today` give the same site, byte for byte. Published
dates lie in the days before `today`, so no article is dated after its fetch.
Used by `pressroom demo` (flows/demo.py) and the demo's tests.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

Page = tuple[int, str, bytes]  # status, content type, body


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    ip: str  # each outlet is its own host: a loopback address
    language: str
    country: str
    kind: str  # sources.toml type
    template: str  # which page layout
    sitemap_only: bool = False  # discovered through its sitemaps only (no feed)
    slow_ms: int = 0  # per-page latency the server adds


OUTLETS = (
    Outlet("harbour", "Harbour Gazette", "127.0.0.2", "en", "GB", "private", "classic"),
    Outlet("courier", "Northern Courier", "127.0.0.3", "en", "IE", "private", "jsonld"),
    Outlet("wire", "Meridian Wire", "127.0.0.4", "en", "US", "agency", "timetag"),
    Outlet("rhein", "Rheinblick Zeitung", "127.0.0.5", "de", "DE", "private", "jsonld",
           sitemap_only=True),
    Outlet("ledger", "Pacific Ledger", "127.0.0.6", "en", "AU", "public", "timetag",
           slow_ms=40),
)
# The outlet whose template changes mid-way: from then on no byline and no date meta.
CHANGING_OUTLET = "harbour"
# The outlet with a few broken pages (two 500s, two 404s, two empty pages).
BROKEN_OUTLET = "ledger"

PEOPLE = ["Maria Lopez", "Tom Becker", "Jonas Berg", "Ana Novak", "Priya Raman",
          "Samuel Okafor", "Elena Petrova", "Kenji Watanabe", "Laura Fischer", "David Mensah",
          "Claire Dubois", "Rafael Costa", "Ingrid Larsen", "Omar Haddad", "Sofia Rossi",
          "Lucas Meyer", "Aisha Bello", "Mateo Alvarez", "Hannah Schulz", "Victor Nguyen"]
ROLES = ["the finance minister", "a senior economist", "the mayor", "a union leader",
         "the chief executive", "a climate scientist", "the health minister",
         "a spokesperson for the ministry", "the head of the agency", "a local councillor"]
ORGS = ["the central bank", "the port authority", "the national statistics office",
        "the energy regulator", "the rail operator", "the university hospital",
        "the farmers' association", "the chamber of commerce", "the weather service",
        "the transport ministry", "the football federation", "the space agency"]
PLACES_EN = ["France", "Germany", "Kenya", "Brazil", "Japan", "India", "Canada", "Poland",
             "Egypt", "Mexico", "Australia", "Norway", "Spain", "Italy", "Nigeria",
             "Indonesia", "Chile", "Turkey", "Vietnam", "Ireland"]
CITIES_EN = ["Paris", "Berlin", "Nairobi", "Tokyo", "Mumbai", "Toronto", "Warsaw", "Cairo",
             "Madrid", "Rome", "Lagos", "Sydney", "Oslo", "Jakarta", "Santiago", "Dublin"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TOPICS_EN = {
    "economy": (["inflation", "interest rates", "exports", "wages", "the budget deficit",
                 "consumer spending", "factory output", "housing prices"],
                ["{Place} reports {thing} at a {num}-year high",
                 "{Org} warns over {thing} in {place}",
                 "What rising {thing} means for households in {city}"]),
    "climate": (["the heatwave", "flood defences", "wind farms", "the drought",
                 "carbon emissions", "solar panels", "river levels", "wildfires"],
                ["{Place} braces for {thing} as temperatures climb",
                 "New plan on {thing} unveiled in {city}",
                 "Scientists track {thing} across {place}"]),
    "transport": (["the new rail line", "airport traffic", "bus fares", "the motorway",
                   "cycling lanes", "ferry services", "freight trains", "electric buses"],
                  ["{City} opens {thing} after years of delay",
                   "Strike disrupts {thing} in {place}",
                   "Passengers welcome changes to {thing} in {city}"]),
    "health": (["hospital waiting lists", "the vaccine campaign", "nurse shortages",
                "mental health services", "the measles outbreak", "drug prices",
                "emergency wards", "school meals"],
               ["{Place} moves to cut {thing}",
                "Doctors in {city} raise alarm over {thing}",
                "{Org} publishes report on {thing}"]),
    "sport": (["the national team", "the marathon", "the cup final", "the new stadium",
               "the cycling tour", "the swimming championships", "ticket prices",
               "the transfer window"],
              ["{City} celebrates as {thing} ends in triumph",
               "Controversy surrounds {thing} in {place}",
               "Fans flock to {city} for {thing}"]),
    "tech": (["the chip factory", "broadband coverage", "the data centre",
              "online banking", "the satellite launch", "artificial intelligence rules",
              "the cyber attack", "electric cars"],
             ["{Place} bets on {thing} to lift growth",
              "Questions remain after {thing} in {city}",
              "{Org} approves {thing} near {city}"]),
}
SENTENCES_EN = [
    "Officials in {city} said on {day} that {thing} had become the main concern for {org}, "
    "which expects a decision within {num} weeks.",
    "According to {org}, {thing} rose by {pct} percent over the past year, the fastest pace "
    "recorded since {year}.",
    "Residents of {city} told reporters that {thing} had changed their daily routines, "
    "with some travelling {num} kilometres further than before.",
    "The debate over {thing} has divided lawmakers in {place}, where a vote is expected "
    "before the end of the month.",
    "Analysts compared the situation with {place2}, where {thing} took almost {num} years "
    "to return to normal levels.",
    "{Person}, who has followed {thing} for more than a decade, described the latest "
    "figures as a turning point for {place}.",
    "A survey of {num} households found that {pct} percent were worried about {thing}, "
    "up sharply from the previous spring.",
    "Neighbouring {place2} has taken a different approach, spending heavily on {thing} "
    "while cutting taxes for small firms.",
    "Critics argue that the money set aside for {thing} will not reach the towns that "
    "need it most, especially outside {city}.",
    "The government in {place} promised a review of {thing} and said it would publish its "
    "findings in {num} weeks.",
    "Delegations from {place2} and {place} met in {city} on {day} to discuss {thing} and "
    "trade links between the two countries.",
    "Local newspapers in {city} reported long queues and frustration as {thing} dominated "
    "conversations in cafes and markets.",
    "Engineers working for {org} said the timetable for {thing} was ambitious but "
    "achievable if funding arrived on time.",
    "Opposition parties in {place} accused ministers of ignoring warnings about {thing} "
    "that were first raised in {year}.",
    "Figures released on {day} showed that spending on {thing} reached {num} million "
    "euros, more than twice the original estimate.",
    "Several companies in {city} have already changed their plans because of {thing}, "
    "according to a statement from {org}.",
    "Volunteers handed out leaflets about {thing} across {city}, hoping to reach older "
    "residents who rarely go online.",
    "In rural parts of {place}, farmers said {thing} had arrived later than promised and "
    "cost them a season of income.",
    "The report by {org} ran to {num} pages and included maps, interviews and a detailed "
    "timeline of {thing}.",
    "Markets reacted calmly, with shares in {city} closing {pct} percent higher as traders "
    "weighed the news about {thing}.",
]
QUOTES_EN = [
    "We cannot wait another year for {thing}, people in {city} need answers now",
    "The numbers on {thing} are clear and they should worry everyone in {place}",
    "This is the most important decision about {thing} that we will take this decade",
    "Our teams have worked day and night on {thing} and the results speak for themselves",
    "Nobody expected {thing} to move this quickly, and we are still learning from it",
]

PLACES_DE = ["Frankreich", "Polen", "Italien", "Spanien", "Österreich", "Japan", "Kanada",
             "Brasilien", "Indien", "Norwegen", "Ägypten", "Mexiko"]
CITIES_DE = ["Berlin", "Hamburg", "München", "Köln", "Wien", "Paris", "Warschau", "Rom"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
TOPICS_DE = {
    "wirtschaft": (["die Inflation", "die Exporte", "die Löhne", "der Wohnungsmarkt",
                    "die Energiepreise", "der Haushalt"],
                   ["{Place}: Sorge um {thing} wächst", "{City} debattiert über {thing}",
                    "Neue Zahlen zu {thing} aus {place}"]),
    "verkehr": (["die neue Bahnstrecke", "der Flughafen", "die Fahrpreise", "die Radwege",
                 "der Nahverkehr", "die Autobahn"],
                ["{City} eröffnet {thing} nach Jahren", "Streik legt {thing} in {city} lahm",
                 "Was sich für Pendler in {city} ändert"]),
    "klima": (["die Hitzewelle", "der Hochwasserschutz", "die Windparks", "die Dürre",
               "der Ausbau der Solarenergie", "der Pegel des Rheins"],
              ["{Place} rüstet sich gegen {thing}", "Forscher warnen vor {thing}",
               "{City} stellt Plan gegen {thing} vor"]),
}
SENTENCES_DE = [
    "Wie die Behörden in {city} am {day} mitteilten, beschäftigt {thing} die Verwaltung "
    "seit Wochen, eine Entscheidung soll in {num} Tagen fallen.",
    "Nach Angaben der Statistiker ist {thing} im vergangenen Jahr um {pct} Prozent "
    "gestiegen, so stark wie seit {year} nicht mehr.",
    "Viele Bürger in {city} berichten, dass {thing} ihren Alltag verändert habe und "
    "manche Familien bereits umplanen mussten.",
    "Im Landtag wird über {thing} heftig gestritten, die Opposition verlangt eine "
    "unabhängige Untersuchung bis zum Sommer.",
    "Experten verweisen auf {place}, wo {thing} fast {num} Jahre gebraucht habe, um sich "
    "wieder zu normalisieren.",
    "{Person} verfolgt {thing} seit mehr als zehn Jahren und spricht von einem "
    "Wendepunkt für die ganze Region.",
    "Eine Umfrage unter {num} Haushalten ergab, dass {pct} Prozent sich wegen {thing} "
    "Sorgen machen, deutlich mehr als im Frühjahr.",
    "Die Regierung in {city} kündigte an, {thing} gründlich zu prüfen und die Ergebnisse "
    "innerhalb von {num} Wochen vorzulegen.",
    "Kritiker bemängeln, dass die Mittel für {thing} nicht dort ankommen, wo sie am "
    "dringendsten gebraucht werden.",
    "Unternehmen in {city} haben ihre Pläne wegen {thing} bereits angepasst, heißt es in "
    "einer Mitteilung der Handelskammer.",
    "Auf dem Land klagen Landwirte, {thing} habe sie eine ganze Saison an Einnahmen "
    "gekostet, während die Städte kaum betroffen seien.",
    "Der Bericht umfasst {num} Seiten mit Karten, Interviews und einer genauen Chronik "
    "über {thing} in den vergangenen Jahren.",
    "An der Börse in {city} blieb es ruhig, die Kurse schlossen {pct} Prozent höher, "
    "während Händler die Nachrichten über {thing} abwogen.",
    "Freiwillige verteilten in {city} Informationsblätter über {thing}, um auch ältere "
    "Menschen ohne Internet zu erreichen.",
]
QUOTES_DE = [
    "Wir können nicht noch ein Jahr auf Antworten zu {thing} warten",
    "Die Zahlen zu {thing} sind eindeutig und sie sollten alle beunruhigen",
    "Das ist die wichtigste Entscheidung über {thing} in diesem Jahrzehnt",
]


@dataclass
class Article:
    outlet: str
    path: str
    title: str
    author: str
    published: datetime
    paragraphs: list[str]
    copy_of: str | None = None  # outlet/path of the wire original


@dataclass
class DemoSite:
    """The generated site: pages per outlet address, and what a test needs to know."""

    today: date
    articles: list[Article]
    pages: dict[str, dict[str, Page]]  # ip -> path -> page
    change_day: date  # first published day of the changed template
    broken: list[str] = field(default_factory=list)  # paths of BROKEN_OUTLET's broken pages
    ports: dict[str, int] = field(default_factory=dict)  # ip -> port once served

    def base(self, outlet: Outlet) -> str:
        return f"http://{outlet.ip}:{self.ports[outlet.ip]}"

    def sources_toml(self) -> str:
        """The crawl configuration of the served site (ports known)."""
        parts = ["# The demo news site (flows/demo_site.py), served on loopback.",
                 "version = 1", "", "[defaults]", "delay_s = 0.0", ""]
        for o in OUTLETS:
            base = self.base(o)
            feeds = [] if o.sitemap_only else [f"{base}/rss.xml"]
            parts += ["[[source]]", f'name = "{o.name}"', f'homepage = "{base}/"',
                      f'language = "{o.language}"', f'country = "{o.country}"',
                      f'type = "{o.kind}"', f"feeds = {json.dumps(feeds)}",
                      f'sitemaps = ["{base}/sitemap.xml", "{base}/news-sitemap.xml"]', ""]
        return "\n".join(parts)


def _fill(rng: random.Random, text: str, lang: str, thing: str) -> str:
    places, cities, days = ((PLACES_DE, CITIES_DE, DAYS_DE) if lang == "de"
                            else (PLACES_EN, CITIES_EN, DAYS_EN))
    place, place2 = rng.sample(places, 2)
    city = rng.choice(cities)
    values = {"place": place, "place2": place2, "city": city, "day": rng.choice(days),
              "thing": thing, "org": rng.choice(ORGS), "person": rng.choice(PEOPLE),
              "num": str(rng.randint(3, 90)), "pct": str(rng.randint(2, 38)),
              "year": str(rng.randint(1998, 2019))}
    values.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in list(values.items())})
    return text.format(**values)


def _body(rng: random.Random, lang: str, topic_things: list[str]) -> list[str]:
    sentences, quotes = (SENTENCES_DE, QUOTES_DE) if lang == "de" else (SENTENCES_EN, QUOTES_EN)
    pool = rng.sample(sentences, min(len(sentences), rng.randint(12, 16)))
    paragraphs, i = [], 0
    while i < len(pool):
        k = rng.randint(2, 3)
        paragraphs.append(" ".join(_fill(rng, s, lang, rng.choice(topic_things))
                                   for s in pool[i:i + k]))
        i += k
    person = rng.choice(PEOPLE)
    quote = _fill(rng, rng.choice(quotes), lang, rng.choice(topic_things))
    if lang == "de":
        said = f"„{quote}“, sagte {person}, die seit Jahren für die Stadt arbeitet."
    else:
        said = (f'"{quote}," {person} said, speaking to {rng.choice(ROLES)} '
                f"on {rng.choice(DAYS_EN)}.")
    paragraphs.insert(rng.randint(1, len(paragraphs) - 1), said)
    return paragraphs


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    keep = "".join(c.lower() if c.isalnum() else "-" for c in ascii_title)
    return "-".join(p for p in keep.split("-") if p)[:60]


def generate(seed: int = 7, today: date | None = None, days: int = 28,
             per_day: float = 2.5) -> DemoSite:
    """The whole site. `days` of news before `today`, about `per_day` articles per outlet
    and day; the changing outlet's new template starts a little after half-way."""
    rng = random.Random(seed)
    today = today or datetime.now(UTC).date()
    first = today - timedelta(days=days)
    change_day = first + timedelta(days=int(days * 0.55))
    articles: list[Article] = []
    for o in OUTLETS:
        topics = TOPICS_DE if o.language == "de" else TOPICS_EN
        for d in range(days):
            day = first + timedelta(days=d)
            n = int(per_day) + (1 if rng.random() < per_day - int(per_day) else 0)
            for _ in range(n):
                topic = rng.choice(sorted(topics))
                things, titles = topics[topic]
                title = _fill(rng, rng.choice(titles), o.language, rng.choice(things))
                title = title[:1].upper() + title[1:]
                published = datetime(day.year, day.month, day.day, rng.randint(5, 21),
                                     rng.randint(0, 59), tzinfo=UTC)
                path = f"/{topic}/{day:%Y/%m/%d}/{_slug(title)}-{rng.randint(1000, 9999)}.html"
                articles.append(Article(o.key, path, title, rng.choice(PEOPLE), published,
                                        _body(rng, o.language, things)))
    # Wire stories republished by English outlets, hours later, sometimes cut short.
    by_key = {o.key: o for o in OUTLETS}
    takers = [o.key for o in OUTLETS if o.language == "en" and o.key != "wire"]
    wire = [a for a in articles if a.outlet == "wire"]
    # min(): a short site of few articles a day may have no wire story to republish, and
    # `demo --per-day 0.1 --days 2` was random.sample's traceback (fault round 47)
    for original in rng.sample(wire, min(len(wire), max(1, len(wire) // 3))):
        for taker in rng.sample(takers, rng.randint(1, 3)):
            paragraphs = list(original.paragraphs)
            if rng.random() < 0.5 and len(paragraphs) > 6:
                paragraphs = paragraphs[:-1]  # truncated copy
            published = original.published + timedelta(hours=rng.randint(1, 20))
            if published.date() >= today:
                published = original.published + timedelta(minutes=30)
            path = f"/wire/{published:%Y/%m/%d}/{_slug(original.title)}.html"
            articles.append(Article(taker, path, original.title, "Meridian Wire", published,
                                    paragraphs, copy_of=f"wire{original.path}"))
    articles.sort(key=lambda a: (a.published, a.outlet, a.path))

    pages: dict[str, dict[str, Page]] = {o.ip: {} for o in OUTLETS}
    for a in articles:
        o = by_key[a.outlet]
        changed = a.outlet == CHANGING_OUTLET and a.published.date() >= change_day
        pages[o.ip][a.path] = (200, "text/html; charset=utf-8",
                               render(o, a, "changed" if changed else o.template))
    broken = _add_broken_pages(rng, pages[by_key[BROKEN_OUTLET].ip], first, days)
    return DemoSite(today, articles, pages, change_day, broken=broken)


def _add_broken_pages(rng: random.Random, pages: dict[str, Page], first: date,
                      days: int) -> list[str]:
    broken = []
    for i, (status, body) in enumerate([(500, b"<h1>Internal Server Error</h1>"),
                                        (500, b"<h1>Internal Server Error</h1>"),
                                        (404, b"<h1>Not found</h1>"),
                                        (404, b"<h1>Not found</h1>"),
                                        (200, EMPTY_PAGE), (200, EMPTY_PAGE)]):
        day = first + timedelta(days=rng.randint(0, days - 1))
        path = f"/news/{day:%Y/%m/%d}/broken-story-{i}.html"
        pages[path] = (status, "text/html; charset=utf-8", body)
        broken.append(path)
    return broken


EMPTY_PAGE = (b"<!DOCTYPE html><html><head><title>Pacific Ledger</title></head><body>"
              b"<nav><a href='/'>Home</a></nav><main><p>Loading...</p></main></body></html>")

NAV = ("<header><nav><a href='/'>Home</a> <a href='/world'>World</a> "
       "<a href='/economy'>Economy</a> <a href='/sport'>Sport</a> "
       "<a href='/subscribe'>Subscribe</a></nav></header>")
FOOTER = ("<footer><p>Copyright {name}. All rights reserved.</p>"
          "<p><a href='/privacy'>Privacy</a> <a href='/cookies'>Cookie settings</a></p></footer>")


def render(o: Outlet, a: Article, template: str) -> bytes:
    """One article page in the outlet's layout (or the changed layout)."""
    title, author, when = escape(a.title), escape(a.author), a.published.isoformat()
    paras = "\n".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    head = [f"<meta charset='utf-8'><title>{title} | {escape(o.name)}</title>",
            f"<meta property='og:site_name' content='{escape(o.name)}'>",
            f"<meta property='og:title' content='{title}'>"]
    if template == "classic":
        head += [f"<meta name='author' content='{author}'>",
                 f"<meta property='article:published_time' content='{when}'>"]
        article = (f"<article><h1>{title}</h1><p class='byline'>By {author}</p>"
                   f"{paras}</article>")
    elif template == "jsonld":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
              "datePublished": when, "author": {"@type": "Person", "name": a.author},
              "publisher": {"@type": "Organization", "name": o.name}}
        head.append(f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
        head.append(f"<meta name='author' content='{author}'>")
        article = (f"<article class='story'><h1 class='headline'>{title}</h1>"
                   f"<div class='meta'><span class='author'>{author}</span></div>"
                   f"<div class='story-body'>{paras}</div></article>")
    elif template == "timetag":
        head.append(f"<meta name='author' content='{author}'>")
        article = (f"<article><header><h1>{title}</h1><p class='byline'>By "
                   f"<span class='author'>{author}</span> · <time datetime='{when}' "
                   f"itemprop='datePublished'>{a.published:%d %B %Y}</time></p></header>"
                   f"<section class='content'>{paras}</section></article>")
    else:  # "changed": the new layout has no byline and no date markup at all
        article = (f"<div class='page-content'><div class='headline-block'><h1>{title}</h1>"
                   f"</div><div class='text-block'>{paras}</div></div>")
    body = (f"<!DOCTYPE html><html lang='{o.language}'><head>{''.join(head)}</head><body>"
            f"{NAV}<div class='ad'>ADVERTISEMENT</div><main>{article}"
            "<aside class='share'>Share on Facebook Twitter Email</aside></main>"
            f"{FOOTER.format(name=escape(o.name))}</body></html>")
    return body.encode("utf-8")


def _feed(site: DemoSite, o: Outlet, items: list[Article]) -> bytes:
    base = site.base(o)
    entries = "".join(
        f"<item><title>{escape(a.title)}</title><link>{base}{a.path}</link>"
        f"<pubDate>{format_datetime(a.published)}</pubDate></item>" for a in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(o.name)}</title><link>{base}/</link><description>Latest news"
            f"</description>{entries}</channel></rss>").encode()


def _urlset(base: str, items: list[tuple[str, datetime]], news: str | None = None) -> bytes:
    ns = " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'" if news else ""
    rows = []
    for path, when in items:
        extra = (f"<news:news><news:publication><news:name>{escape(news)}</news:name>"
                 f"<news:language>en</news:language></news:publication>"
                 f"<news:publication_date>{when.isoformat()}</news:publication_date>"
                 "</news:news>") if news else f"<lastmod>{when.isoformat()}</lastmod>"
        rows.append(f"<url><loc>{base}{path}</loc>{extra}</url>")
    return (f"<?xml version='1.0' encoding='utf-8'?><urlset xmlns="
            f"'http://www.sitemaps.org/schemas/sitemap/0.9'{ns}>{''.join(rows)}</urlset>"
            ).encode()


def discovery_pages(site: DemoSite) -> None:
    """Feeds, sitemaps and robots.txt, once the ports (and so the URLs) are known."""
    xml = "application/xml"
    for o in OUTLETS:
        base, pages = site.base(o), site.pages[o.ip]
        mine = [a for a in site.articles if a.outlet == o.key]
        dated = [(a.path, a.published) for a in mine]
        if o.key == BROKEN_OUTLET:
            dated += [(p, datetime.combine(_path_day(p), datetime.min.time(), UTC)
                       + timedelta(hours=9)) for p in site.broken]
        dated.sort(key=lambda x: x[1])
        pages["/robots.txt"] = (200, "text/plain", b"User-agent: *\nAllow: /\n")
        if not o.sitemap_only:
            pages["/rss.xml"] = (200, "application/rss+xml", _feed(site, o, mine[-30:]))
        weeks: dict[str, list[tuple[str, datetime]]] = {}
        for path, when in dated:
            monday = when.date() - timedelta(days=when.weekday())
            weeks.setdefault(f"/sitemap-{monday:%Y-%m-%d}.xml", []).append((path, when))
        for name, items in weeks.items():
            pages[name] = (200, xml, _urlset(base, items))
        index = "".join(f"<sitemap><loc>{base}{name}</loc><lastmod>"
                        f"{items[-1][1].isoformat()}</lastmod></sitemap>"
                        for name, items in weeks.items())
        pages["/sitemap.xml"] = (200, xml, (
            "<?xml version='1.0' encoding='utf-8'?><sitemapindex xmlns="
            f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{index}</sitemapindex>"
        ).encode())
        recent = [(p, w) for p, w in dated if w.date() >= site.today - timedelta(days=2)]
        pages["/news-sitemap.xml"] = (200, xml, _urlset(base, recent, news=o.name))


def _path_day(path: str) -> date:
    y, m, d = path.split("/")[2:5]
    return date(int(y), int(m), int(d))


def _handler(pages: dict[str, Page], slow_ms: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            path = unquote(self.path.split("?")[0])
            status, ctype, body = pages.get(path, (404, "text/html", b"<h1>Not found</h1>"))
            if slow_ms and path.endswith(".html"):  # a slower host, deterministic per page
                jitter = int(hashlib.md5(path.encode()).hexdigest()[:2], 16) % slow_ms
                time.sleep((slow_ms + jitter) / 1000)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return Handler


@contextmanager
def serve(site: DemoSite, port: int = 0) -> Iterator[DemoSite]:
    """Serve every outlet on its loopback address (the same port on each when `port` is
    given and free, so a second demo run finds the same URLs); feeds and sitemaps are
    generated once the ports are known."""
    servers = []
    try:
        for o in OUTLETS:
            try:
                server = ThreadingHTTPServer((o.ip, port), _handler(site.pages[o.ip], o.slow_ms))
            except OSError:
                server = ThreadingHTTPServer((o.ip, 0), _handler(site.pages[o.ip], o.slow_ms))
            server.daemon_threads = True
            servers.append(server)
            site.ports[o.ip] = server.server_port
            threading.Thread(target=server.serve_forever, daemon=True).start()
        discovery_pages(site)
        yield site
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
