"""`bench_text_templates.py --cms K`: long reads, explainers and service pages, with the
furniture families A–J did not write, or wrote in another shape. (Grepped first in
cms_blocks*.py and bench_text_templates.py: "Key takeaways" is G's `div.key-takeaways`;
"In brief" J's `<p><strong>` + `<ul>`; "1 of 12" C's gallery counter; "originally
published" C's and H's closing line; "Republish" I's bare line; "earn a commission",
"at Amazon" and "Most read" C's classed boxes; footnotes C's Substack `div.footnote` and
G's `section.footnotes`; "Up next" J's `<div><video>`. In no family: "FAQ", "Frequently
asked", "glossary", "timeline", "References", "Sources", "Das Wichtigste", "L'essentiel",
"In het kort", "In sintesi", "Em resumo", "Bildergalerie", "Inhaltsverzeichnis",
"Sommaire", "Índice", `<table>`, `<details>` in a family's blocks.) K writes them in new
shapes: summaries as a `<table>`, a `<details>` accordion or `<p>`s opened by bullets,
pull quotes as a heading or a "Tweet this" box, tables of contents as one `<p>` of " | "
links or a `<nav>` of numbered anchors, the editions' labels in de / fr / es / nl / it /
pt. Written from knowledge of such pages (nothing downloaded, no benchmark's gold read),
fixed in code before any result was seen; measured once held out, then tuned on.

Bodies: the dev corpus's English bodies, each used for up to three pages under different
templates (as G–J); teasers, captions, product and event lines come from OTHER English
bodies, except the summaries, pull quotes and FAQ answers, which repeat this body's own
sentences.

Sites (SITES_K: body markup; furniture on top, between the paragraphs, after the last):

  explainde   German publisher's English explainer: "Das Wichtigste in Kürze" / "At a
              glance" summary as `<p>`s opened by "•" / "–", a `<nav>` table of contents
              ("Inhalt" / "Contents", numbered anchors).
  explainfr   French publisher's English edition: "L'essentiel" / "Summary" `<table>` of
              the story's sentences, a pull quote as an `<h3>` in quotes.
  guide       service guide: FAQ accordion (`<details><summary>question</summary><p>…`),
              "Jump to:" table of contents as one `<p>` of " | " links, a glossary `<dl>`.
  reviews     product-review site: affiliate disclosure on top ("When you buy through
              links …"), product boxes ("$29 at Amazon", "€49 bei MediaMarkt", "View
              Deal"), "Most read" ranked `<div>`s after the story.
  gallery     photo gallery story: "1 / 12" / "Bild 3 von 12" / "Foto 3 de 12" counters
              with their captions between the paragraphs.
  conversation republished research article: reference list ("References" / "Quellen" /
              "Bronnen" `<ol>` or `<p>`s of citations), "This article was originally
              published on X" / "Dieser Artikel erschien zuerst bei X", "Republish this
              article" button.
  nonprofit   nonprofit newsroom: "Republish this story" box (`<div><h4>` + button +
              licence line), "In brief" `<details>` summary on top.
  videohub    video-led site: "Up next" / "Nächstes Video" / "Vidéo suivante" / "A
              continuación" cards (`<div><span>` label + `<h4>` title + length), "Now
              playing" `<p>` + `<strong>` title.
  timeline    background explainer: timeline widget (`<ol>` of `<li><time>` year + event
              line, "Timeline" / "Chronologie" / "Tijdlijn" / "Cronología" / "Cronologia").
  mostread    Spanish / Italian / Portuguese publisher's English edition: "Lo más leído" /
              "I più letti" / "Mais lidas" ranked `<ol>` after the story, "Em resumo" /
              "In sintesi" summary.
  science     science magazine: footnote list ("Notes" `<p>`s opened by "[1]", "¹"),
              glossary box ("Glossary" / "Begriffe" `<dl>`), pull quote "Tweet this" box.
  longform    long read: "Key takeaways" as `<table>`, chapter table of contents as one `<p>`
              of " · " links, pull quotes as `<h3>`.
  deals       deals page: product boxes, affiliate disclosure (de / fr / es / nl wording),
              "Up next" video cards.
  dutchlong   Dutch publisher's English long read: "In het kort" summary, "Inhoud"
              table of contents, "Meest gelezen" ranked list.
  faqhealth   health service page: FAQ as `<h3>` question + `<p>` answer pairs under
              "Frequently asked questions", "Sources" reference `<ul>`, "Medically
              reviewed by X" line on top.

Truth decisions:
- Every block above is furniture. Summaries (key takeaways / "In brief" / "L'essentiel" /
  "Das Wichtigste in Kürze"), pull quotes and FAQ answers repeat the story's own sentences:
  the sentence belongs in the text once, the second copy is furniture (measured as a pull
  quote: leaked when the sentence is said twice). An FAQ block's questions are the
  template's, its answers the story's again (an FAQ that said something new would be
  body; K writes none). Tables of contents, gallery counters and captions (as every family
  decides for captions), reference lists and footnotes (as C and G decide: the page's
  apparatus, not the story's prose), "originally published on" and "Republish" boxes,
  affiliate disclosures, product boxes, ranked most-read lists, glossary boxes (a
  definition the site keeps for the term, the same on every story that uses it), timeline
  widgets (a background box of other days' events) and video cards are furniture.
  "Medically reviewed by X" is a byline-like credit: furniture.
- A correction or editor's note the newsroom wrote saying what changed is body (30 % of
  pages, STORY_NOTES_K), as in every family. The dev gold has no such note in its
  snippets either way (expected.jsonl grepped for Correction / Editor's note /
  Anmerkung der Redaktion / Korrektur / originally published / Update:): its only hit is
  a "Corrections and Clarifications" policy link in a footer, which it excludes; K puts
  no such link in a body.
- NEAR_MISSES_K: story paragraphs that open with the furniture's words ("In brief, the
  council has no money left …", "Sources close to the inquiry said …", "The timeline for
  the works has slipped …", "Up next for the committee is …", "Most read the verdict as
  …"), put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random
import re

from cms_blocks_d import _esc, _n
from cms_page import render_site_page, with_one_of

__all__ = ["NEAR_MISSES_K", "SITES_K", "STORY_NOTES_K", "render_cms_k", "with_near_miss_k"]

STORY_NOTES_K = (
    "Correction: An earlier version of this article said the study followed 4,000 "
    "patients. It followed 400.",
    "Editor's note: This explainer was updated on December 7 to include the court's ruling.",
    "Clarification: The figures in the third paragraph refer to the 2025 budget, not the "
    "2026 one, as an earlier version said.",
)

NEAR_MISSES_K = (
    "In brief, the council has no money left for the bridge, the treasurer told the "
    "meeting on Tuesday.",
    "Sources close to the inquiry said the report would be published before the end of "
    "the year.",
    "The timeline for the works has slipped by eight months, according to the contractor's "
    "own filing.",
    "Up next for the committee is the question of who pays for the new pumping station.",
    "Most read the verdict as a warning to the other operators, although the judge said "
    "it was not.",
    "Republished figures from the statistics office show a smaller rise than first "
    "thought.",
    "Frequently asked by residents at the meeting was why the clinic had closed without "
    "notice.",
    "Key takeaways from the pilot, the agency said, will be shared with every school in "
    "the district.",
    "References to the old agreement were removed from the draft on Monday night, two "
    "officials said.",
    "At a glance the building looks unchanged, but the inside has been gutted and rebuilt.",
    "Photo 3 of the series shows the harbour before the storm wall was built in 1962.",
    "Originally published in 1911, the map shows the river running east of the village.",
)

SOURCES = ("The Conversation", "ProPublica", "Grist", "Undark", "Knowable Magazine")
JOURNALS = ("Nature", "The Lancet", "Science", "BMJ", "PNAS", "Cell Reports")
PRODUCTS = ("Anker Nano Charger", "Kindle Paperwhite", "Sony WH-1000XM5", "Instant Pot Duo",
            "Philips Hue Starter Kit", "Bosch Series 4 Drill")
SHOPS = ("${p} at Amazon", "${p} at Walmart", "€{p} bei MediaMarkt", "£{p} at Currys",
         "{p} € chez Fnac", "{p} € en El Corte Inglés", "€{p} bij Bol")
TERMS = ("Inflation", "Quorum", "Bail", "Subsidy", "Easement", "Tariff", "Vaccine efficacy")

SUMMARY_HEADS = ("Das Wichtigste in Kürze", "At a glance", "L'essentiel", "Summary",
                 "In brief", "En resumen", "In het kort", "In sintesi", "Em resumo",
                 "Key takeaways", "The short version")
TOC_HEADS = ("Inhalt", "Contents", "Sommaire", "Índice", "Inhoud", "Indice", "Jump to:",
             "In this guide:", "Chapters")
MOST_READ = ("Most read", "Meistgelesen", "Les plus lus", "Lo más leído", "Meest gelezen",
             "I più letti", "Mais lidas", "Popular now")
UP_NEXT = ("Up next", "Nächstes Video", "Vidéo suivante", "A continuación", "Volgende video",
           "Prossimo video", "A seguir")
TIMELINE = ("Timeline", "Chronologie", "Tijdlijn", "Cronología", "Cronologia",
            "Linha do tempo", "How we got here")
REFS = ("References", "Quellen", "Sources", "Bronnen", "Fuentes", "Fonti", "Referências",
        "Notes")
GALLERY = ("{i} / {n}", "{i} of {n}", "Bild {i} von {n}", "Photo {i} sur {n}",
           "Foto {i} de {n}", "Foto {i} van {n}", "Foto {i} di {n}")
AFFILIATE = (
    "When you buy through links on our site, we may earn an affiliate commission. Here's "
    "how it works.",
    "This article contains affiliate links. If you buy something, we may earn a small "
    "commission at no extra cost to you.",
    "Dieser Artikel enthält Affiliate-Links. Bei einem Kauf erhalten wir eine Provision.",
    "Cet article contient des liens affiliés : nous pouvons percevoir une commission.",
    "Este artículo contiene enlaces de afiliados, por los que podemos recibir una comisión.",
    "Dit artikel bevat affiliate links: bij een aankoop ontvangen wij een kleine vergoeding.",
)
ORIGIN = (
    "This article was originally published on {s}. Read the original article.",
    "This article is republished from {s} under a Creative Commons license.",
    "Dieser Artikel erschien zuerst bei {s}.",
    "Cet article a été publié initialement sur {s}.",
    "Este artículo se publicó originalmente en {s}.",
)


def _own_sentence(paras: list[str], r: random.Random) -> str:
    """One sentence of this page's own body (summaries, pull quotes and FAQ answers repeat
    them)."""
    para = r.choice(paras[1:] or paras)
    parts = [s for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 6]
    return r.choice(parts) if parts else para


def _short(f, k: int = 5) -> str:
    return " ".join(f.teaser().split()[:k]).rstrip(",.;:")


def k_block(kind: str, f, paras: list[str]) -> tuple[str, list[str]]:  # noqa: C901
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    # --- the story's own sentences again --------------------------------------------------------
    if kind == "pullquote_summary":
        pts = list(dict.fromkeys(_own_sentence(paras, r) for _ in range(3)))
        head = r.choice(SUMMARY_HEADS)
        how = r.choice(("bullets", "table", "details", "br"))
        if how == "bullets":
            mark = r.choice(("•", "–", "▪", "→"))
            inner = f"<p><strong>{_esc(head)}</strong></p>" + "".join(
                f"<p>{mark} {_esc(p)}</p>" for p in pts)
        elif how == "table":
            inner = (f"<table><tr><th>{_esc(head)}</th></tr>"
                     + "".join(f"<tr><td>{_esc(p)}</td></tr>" for p in pts) + "</table>")
        elif how == "details":
            inner = (f"<details open><summary>{_esc(head)}</summary>"
                     + "".join(f"<p>{_esc(p)}</p>" for p in pts) + "</details>")
        else:
            inner = (f"<p><b>{_esc(head)}</b><br>"
                     + "<br>".join(f"— {_esc(p)}" for p in pts) + "</p>")
        return inner, pts
    if kind == "pullquote_x":
        s = _own_sentence(paras, r)
        how = r.choice(("h3", "tweet", "center"))
        if how == "h3":
            return f"<h3>“{_esc(s)}”</h3>", [s]
        if how == "tweet":
            return (f'<div><p>{_esc(s)}</p><a href="https://twitter.com/intent/tweet">'
                    f"{r.choice(('Tweet this', 'Click to tweet', 'Share this quote'))}</a>"
                    "</div>", [s])
        return f'<p style="text-align:center;font-size:1.5em"><em>{_esc(s)}</em></p>', [s]
    if kind == "pullquote_faq":
        qs = ("What happened?", "Why does it matter?", "What happens next?",
              "Who is affected?", "What did officials say?")
        head = r.choice(("Frequently asked questions", "FAQ", "Häufige Fragen",
                         "Questions fréquentes", "Preguntas frecuentes"))
        pairs = [(q, _own_sentence(paras, r)) for q in r.sample(qs, 3)]
        if r.random() < 0.5:
            inner = "".join(f"<details><summary>{q}</summary><p>{_esc(a)}</p></details>"
                            for q, a in pairs)
        else:
            inner = "".join(f"<h3>{q}</h3><p>{_esc(a)}</p>" for q, a in pairs)
        return f"<h2>{_esc(head)}</h2>{inner}", list(dict.fromkeys(a for _, a in pairs))
    # --- navigation inside the page -------------------------------------------------------------
    if kind == "toc":
        items = [_short(f) for _ in range(r.randint(3, 5))]
        head = r.choice(TOC_HEADS)
        if r.random() < 0.5:
            sep = r.choice((" | ", " · ", " / "))
            links = sep.join(f'<a href="#c{i}">{_esc(t)}</a>' for i, t in enumerate(items))
            return f"<p><strong>{_esc(head)}</strong> {links}</p>", [" ".join(items)]
        numbered = [f"{i + 1}. {t}" for i, t in enumerate(items)]
        lis = "".join(f'<li><a href="#c{i}">{_esc(t)}</a></li>' for i, t in enumerate(numbered))
        # (the texts as the page shows them, numbers included: the leak measure reads the
        # first six words in order; fixed after the held-out run, the pages unchanged)
        return f"<nav><p>{_esc(head)}</p><ol>{lis}</ol></nav>", [" ".join(numbered)]
    # --- pictures and video ---------------------------------------------------------------------
    if kind == "gallery":
        n = r.randint(6, 24)
        i = r.randint(1, n)
        counter = r.choice(GALLERY).format(i=i, n=n)
        cap = f.sentence()
        credit = r.choice(("", f" Foto: {f.name()}", f" Photo: {f.name()}/AFP"))
        return (f'<div><img src="/g/{_n(r)}.jpg" alt=""><p>{_esc(counter)}</p>'
                f"<p>{_esc(cap)}{_esc(credit)}</p><button>‹</button><button>›</button></div>",
                [cap])
    if kind == "up_next":
        t = f.teaser()
        lab = r.choice(UP_NEXT)
        length = f"{r.randint(0, 9)}:{r.randint(10, 59)}"
        if r.random() < 0.5:
            return (f"<div><span>{_esc(lab)}</span><h4>{_esc(t)}</h4><span>{length}</span>"
                    "</div>", [t])
        return f"<p>Now playing</p><p><strong>{_esc(t)}</strong></p><p>{length}</p>", [t]
    # --- the page's apparatus -------------------------------------------------------------------
    if kind == "references":
        refs = []
        for _ in range(r.randint(2, 4)):
            who = f.name().split()[-1]
            refs.append(f"{who}, {r.choice('ABCDEFGHJKLMN')}. et al. ({r.randint(2009, 2026)})"
                        f". {_short(f, 7)}. {r.choice(JOURNALS)} {r.randint(3, 600)}: "
                        f"{r.randint(1, 90)}–{r.randint(91, 180)}.")
        head = r.choice(REFS)
        if r.random() < 0.5:
            inner = "<ol>" + "".join(f"<li>{_esc(x)}</li>" for x in refs) + "</ol>"
        else:
            inner = "".join(f"<p>[{i + 1}] {_esc(x)}</p>" for i, x in enumerate(refs))
        return f"<h2>{_esc(head)}</h2>{inner}", refs
    if kind == "origin":
        s = r.choice(ORIGIN).format(s=r.choice(SOURCES))
        return f'<p><em>{_esc(s)}</em></p><p><a href="#republish">Republish this article</a>' \
               "</p>", [s]
    if kind == "republish":
        head = r.choice(("Republish this story", "Republish this article",
                         "Diesen Artikel wiederveröffentlichen", "Republica este artículo"))
        lic = ("You may republish this story for free under a Creative Commons "
               "Attribution-NoDerivatives license.")
        return (f"<div><h4>{_esc(head)}</h4><p>{lic}</p><button>Copy HTML</button></div>",
                [head, lic])
    if kind == "reviewed":
        s = f"Medically reviewed by {f.name()}, MD"
        return f"<p><small>{_esc(s)}</small></p>", [s]
    if kind == "glossary":
        term = r.choice(TERMS)
        defn = f.sentence()
        head = r.choice(("Glossary", "Begriffe", "Glossaire", "Glosario", "Explainer"))
        return (f"<aside><p><strong>{_esc(head)}</strong></p><dl><dt>{term}</dt>"
                f"<dd>{_esc(defn)}</dd></dl></aside>", [defn])
    if kind == "timeline":
        head = r.choice(TIMELINE)
        events = [(str(y), f.sentence()) for y in sorted(r.sample(range(1990, 2026), 3))]
        lis = "".join(f'<li><time datetime="{y}">{y}</time> {_esc(e)}</li>' for y, e in events)
        return f"<p><strong>{_esc(head)}</strong></p><ol>{lis}</ol>", [e for _, e in events]
    # --- commerce -------------------------------------------------------------------------------
    if kind == "affiliate":
        s = r.choice(AFFILIATE)
        return r.choice((f"<p><small>{_esc(s)}</small></p>", f"<p><em>{_esc(s)}</em></p>",
                         f"<div><span>{_esc(s)}</span></div>")), [s]
    if kind == "product":
        name = r.choice(PRODUCTS)
        price = r.choice(SHOPS).format(p=r.randint(19, 399))
        cta = r.choice(("View Deal", "Check price", "Zum Angebot", "Voir l'offre", "Buy now"))
        return (f'<div><img src="/p/{_n(r)}.jpg" alt=""><p><strong>{_esc(name)}</strong></p>'
                f'<p>{_esc(price)}</p><a href="/go/{_n(r)}" rel="sponsored">{cta}</a></div>',
                [price])
    if kind == "most_read":
        head = r.choice(MOST_READ)
        ts = [f.teaser() for _ in range(r.randint(3, 5))]
        if r.random() < 0.5:
            inner = "".join(f'<div><span>{i + 1}</span><a href="/n/{_n(r)}">{_esc(t)}</a>'
                            "</div>" for i, t in enumerate(ts))
        else:
            inner = "<ol>" + "".join(f'<li><a href="/n/{_n(r)}">{_esc(t)}</a></li>'
                                     for t in ts) + "</ol>"
        return f"<h3>{_esc(head)}</h3>{inner}", ts
    raise ValueError(kind)


# site: (body markup, on top, between the paragraphs, after the last)
SITES_K = {
    "explainde": ('<div class="article-body">', ("pullquote_summary", "toc"), ("pullquote_x",),
                  ()),
    "explainfr": ('<div class="article__content">', ("pullquote_summary",), ("pullquote_x",),
                  ()),
    "guide": ('<div class="guide-body">', ("toc",), ("glossary",), ("pullquote_faq",)),
    "reviews": ('<div class="review-body">', ("affiliate",), ("product",), ("most_read",)),
    "gallery": ('<div class="story-body">', (), ("gallery",), ()),
    "conversation": ('<div class="content-body">', (), (), ("origin", "references")),
    "nonprofit": ('<div class="entry-content">', ("pullquote_summary",), (), ("republish",)),
    "videohub": ('<div class="article-text">', (), ("up_next",), ()),
    "timeline": ('<div class="explainer-body">', (), ("timeline",), ()),
    "mostread": ('<div class="cuerpo-noticia">', ("pullquote_summary",), (), ("most_read",)),
    "science": ('<div class="article-content">', (), ("glossary", "pullquote_x"),
                ("references",)),
    "longform": ('<div class="longform-text">', ("pullquote_summary", "toc"), ("pullquote_x",),
                 ()),
    "deals": ('<div class="deal-content">', ("affiliate",), ("product", "up_next"), ()),
    "dutchlong": ('<div class="artikel-tekst">', ("pullquote_summary", "toc"), (),
                  ("most_read",)),
    "faqhealth": ('<div class="health-content">', ("reviewed",), (), ("pullquote_faq",
                                                                       "references")),
}

NAV_K = (("/", "Home"), ("/explained/", "Explained"), ("/guides/", "Guides"),
         ("/reviews/", "Reviews"))


def render_cms_k(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-K site: the HTML and its furniture blocks."""
    return render_site_page(paras, headline, f, note, SITES_K, NAV_K,
                            lambda site, kind, f: k_block(kind, f, paras))


def with_near_miss_k(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_K paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_K)
