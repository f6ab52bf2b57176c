"""`bench_text_templates.py --cms L`: the page furniture families A–K wrote in other shapes
or not at all, and the shapes K left leaking, on pages of publishers in eight languages'
templates. (Grepped first in cms_blocks*.py and bench_text_templates.py: "Listen to this
article" is A's player button, G's `div.audio-player` and J's bare line; "min read" C's and
J's cards; "Sponsored" A's Outbrain / Taboola labels; cookie banners C's `cmp-banner` and F's
`cookie-notice-container`; "Topics:" D's ABC list and H's "Suggested Topics:"; "Updated"
A's "Updated at …" and J's live stamps; "<details>" K's summaries and FAQs; "@" handles in
author boxes with a class (C, D, G, H, I). In no family: "Share this article", "Corrections
policy", "Ethics", "Paid post", "Subscribe to keep reading", "keep reading", "Abonnieren",
"Aktualisiert", "Mis à jour", and no label at all in Polish.) L writes them as sites with
no class that names them do, in en / de / fr / es / nl / it / pt / pl: "Listen to this
article · 5 min" bars as a `<div>` with a button, "Share this article" rows written as text,
comment counts ("42 comments · Join the conversation"), corrections-policy and ethics
footers inside the article, "Sponsored" / "Paid post" labels with their blurbs between the
paragraphs, cookie banners rendered into the body, paywall teasers after the last
paragraph, author cards with a bio and social handles, "Topics:" rows of links, "Updated"
lines repeating the dateline; and K's leaks in new shapes: tables of contents under a
heading as an `<ol>` / `<ul>` of anchors or `<p>`s of anchors, summaries in a closed
`<details>` or `<br>` lines with no marker, captions under a bare "3 / 12" or "3/12"
counter, J's pull quotes (`<blockquote>` with no class, `<p><strong>“…”</strong></p>`).
Written from knowledge of such pages (nothing downloaded, no benchmark's gold read), fixed
in code before any result was seen; measured once held out, then tuned on.

Bodies: the dev corpus's English bodies, each used for up to three pages under different
templates (as G–K); captions, blurbs, bios, tags and contents entries come from OTHER
English bodies, except the summaries and pull quotes, which repeat this body's own
sentences. The labels are in the site's language (its "English edition"), as K's are.

Sites (SITES_L: body markup; furniture on top, between the paragraphs, after the
last):

  usdaily     US daily: listen bar, share row, comment count, ethics footer, author card.
  ukpaper     UK paper: cookie banner, pull quotes, paywall teaser, topics row.
  deedition   German publisher: "Artikel anhören", "Aktualisiert am", contents, "Themen:".
  fredition   French: "Écouter cet article", `<details>` "L'essentiel", "Partager l'article",
              "Il vous reste …" paywall.
  esdiario    Spanish: "Actualizado", "Patrocinado" blurb, cookie banner, "comentarios".
  nlkrant     Dutch: "Luister naar dit artikel", author card, "Deel dit artikel",
              "Onderwerpen:".
  itgiornale  Italian: bare-counter gallery, "Aggiornato il", "Argomenti:", paywall.
  ptjornal    Portuguese: "Ouvir este artigo", `<br>` summary, "comentários", share row.
  plportal    Polish: "Posłuchaj artykułu", "Zaktualizowano", "Materiał sponsorowany",
              cookie banner, "Tematy:".
  paidpost    native-advertising hub: "Paid post" / "Sponsored" labels and blurbs between
              the paragraphs, ethics footer.
  explainer   explainer: contents, summary (`<details>` / `<br>`), pull quotes.
  photoessay  photo essay: bare-counter captions, pull quotes, share row.
  publicmedia public broadcaster's site: "Updated" line, corrections footer, author card.
  magazine    magazine: listen bar, contents, pull quotes, author card.
  regional    regional paper: updated line, sponsored blurb, comments, topics, share row.

Truth decisions (the dev gold checked: expected.jsonl's `without` lists hold cookie
notices 15 times, "Abonn…" / "Subscribe" 26, "Kommentare" / "comments" 48, "Themen" /
"Topics" 29, "Share this" 3, "Sponsored" / "Anzeige" 14, "Corrections" and "Ethics" once
each, "Updated" / "Aktualisiert" 3; its `with` lists hold none of these as furniture — its
hits are story sentences that use the words: "Beschimpfungen akzeptiere ich aber nicht
unter den Kommentaren.", "We will keep this statement updated", a blog's "Follow us to stay
up to date on industry trends."):
- Every block above is furniture: listen bars, share rows, comment counts, ethics /
  corrections footers, sponsored labels and their blurbs (an advertiser's copy, not the
  story), cookie banners, paywall teasers, author cards (the bio and the handles: the byline
  already names the author), topics rows, "Updated" lines (a date the header carries),
  tables of contents, gallery counters and captions (as every family).
- Summaries and pull quotes repeat the story's own sentences: the sentence belongs in the
  text once, the second copy is furniture (measured as a pull quote: leaked when said
  twice).
- A correction or update note that says what changed is body (30 % of pages,
  STORY_NOTES_L), as in every family — unlike an "Updated" line that only repeats a date.
- NEAR_MISSES_L: story paragraphs that open with the furniture's words ("Comments from
  residents …", "Sponsored by the regional government …", "Subscribers to the water scheme
  …", "Updated flood maps show …", "Topics on the agenda include …", "Cookies and cakes
  sold at the fair …"), put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random
import re

from cms_blocks_d import _esc, _n
from cms_page import render_site_page, with_one_of

__all__ = ["LANG_L", "NEAR_MISSES_L", "SITES_L", "STORY_NOTES_L", "render_cms_l",
           "with_near_miss_l"]

STORY_NOTES_L = (
    "Correction: An earlier version of this story gave the wrong year for the plant's "
    "opening. It opened in 1987.",
    "Update: This story was updated after publication with the ministry's response, which "
    "is in the sixth paragraph.",
    "Editor's note: The name of one witness has been withheld at her request.",
)

NEAR_MISSES_L = (
    "Comments from residents, 42 of them in all, were read into the record on Tuesday "
    "evening.",
    "Sponsored by the regional government, the programme has trained 300 nurses since 2022.",
    "Subscribers to the water scheme will pay 4 percent more from January, the utility said.",
    "Updated flood maps show 1,200 more homes at risk than the 2019 edition did.",
    "Topics on the agenda include the bus depot, the school roof and the new parking rules.",
    "Cookies and cakes sold at the fair raised 3,400 euros for the children's ward.",
    "Paid posts on social media were not declared as advertising, the regulator found.",
    "Ethics rules for the council were last changed in 2014, after the planning scandal.",
    "Corrections officers at the prison have been on strike since Monday, the union said.",
    "Contents of the container were seized at the port and sent to a laboratory in Hamburg.",
    "Share prices of the three companies fell by a fifth in the week after the report.",
    "Follow-up tests at the plant found no further trace of the solvent, the inspectors said.",
)

LISTEN = {"en": ("Listen to this article", "min"), "de": ("Artikel anhören", "Min."),
          "fr": ("Écouter cet article", "min"), "es": ("Escuchar este artículo", "min"),
          "nl": ("Luister naar dit artikel", "min"), "it": ("Ascolta l'articolo", "min"),
          "pt": ("Ouvir este artigo", "min"), "pl": ("Posłuchaj artykułu", "min")}
SHARE = {"en": "Share this article", "de": "Artikel teilen", "fr": "Partager l'article",
         "es": "Compartir este artículo", "nl": "Deel dit artikel",
         "it": "Condividi questo articolo", "pt": "Partilhe este artigo",
         "pl": "Udostępnij ten artykuł"}
COMMENTS = {"en": ("{n} comments", "Join the conversation"),
            "de": ("{n} Kommentare", "Jetzt mitdiskutieren"),
            "fr": ("{n} commentaires", "Réagir à cet article"),
            "es": ("{n} comentarios", "Únete a la conversación"),
            "nl": ("{n} reacties", "Praat mee"),
            "it": ("{n} commenti", "Partecipa alla discussione"),
            "pt": ("{n} comentários", "Participe da conversa"),
            "pl": ("{n} komentarzy", "Dołącz do dyskusji")}
SPONSORED = {"en": ("Sponsored", "Paid post", "Presented by {b}"),
             "de": ("Anzeige", "Gesponserter Inhalt", "Präsentiert von {b}"),
             "fr": ("Contenu sponsorisé", "Publi-rédactionnel", "Présenté par {b}"),
             "es": ("Patrocinado", "Contenido patrocinado", "Presentado por {b}"),
             "nl": ("Gesponsord", "Advertorial", "Aangeboden door {b}"),
             "it": ("Contenuto sponsorizzato", "Sponsorizzato", "Presentato da {b}"),
             "pt": ("Patrocinado", "Conteúdo patrocinado", "Apresentado por {b}"),
             "pl": ("Materiał sponsorowany", "Artykuł sponsorowany", "Partnerem jest {b}")}
BRANDS = ("Allianz", "Deutsche Bahn", "Iberdrola", "Philips", "Enel", "Galp", "Orlen", "Visa")
COOKIE = {
    "en": ("We use cookies to give you the best experience on our website. By continuing "
           "to browse, you agree to our use of cookies.", "Accept all", "Manage preferences"),
    "de": ("Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten. Mit "
           "der Nutzung der Seite stimmen Sie dem zu.", "Alle akzeptieren", "Einstellungen"),
    "fr": ("Nous utilisons des cookies pour améliorer votre expérience. En poursuivant "
           "votre navigation, vous acceptez leur utilisation.", "Tout accepter", "Paramétrer"),
    "es": ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si "
           "continúa navegando, consideramos que acepta su uso.", "Aceptar", "Configurar"),
    "nl": ("Wij gebruiken cookies om onze website te verbeteren. Door verder te gaan, ga je "
           "akkoord met ons cookiebeleid.", "Accepteren", "Instellingen"),
    "it": ("Utilizziamo i cookie per offrirti la migliore esperienza sul nostro sito. "
           "Continuando la navigazione accetti il loro utilizzo.", "Accetta", "Personalizza"),
    "pt": ("Utilizamos cookies para melhorar a sua experiência. Ao continuar a navegar, "
           "concorda com a sua utilização.", "Aceitar", "Definições"),
    "pl": ("Używamy plików cookies, aby zapewnić najlepsze działanie serwisu. Korzystając ze "
           "strony, zgadzasz się na ich użycie.", "Akceptuję", "Ustawienia"),
}
PAYWALL = {
    "en": ("Subscribe to keep reading", "Get unlimited access to our journalism for $1 a "
           "week.", "Already a subscriber? Sign in"),
    "de": ("Weiterlesen mit Abo", "Lesen Sie alle Artikel für 1 € im ersten Monat.",
           "Sie sind bereits Abonnent? Hier anmelden"),
    "fr": ("Il vous reste 70 % de cet article à lire.", "Abonnez-vous pour lire la suite à "
           "partir de 1 € le premier mois.", "Déjà abonné ? Se connecter"),
    "it": ("Continua a leggere con l'abbonamento", "Abbonati per leggere tutti gli articoli "
           "a 1 euro al mese.", "Sei già abbonato? Accedi"),
}
UPDATED = {
    "en": "Updated December 7, 2026, 3:14 p.m. ET",
    "de": "Aktualisiert am 07.12.2026, 15:14 Uhr",
    "fr": "Mis à jour le 7 décembre 2026 à 15h14",
    "es": "Actualizado el 07 dic 2026 - 15:14 CET",
    "nl": "Bijgewerkt op 7 december 2026, 15:14",
    "it": "Aggiornato il 7 dicembre 2026 alle 15:14",
    "pt": "Atualizado em 07/12/2026 às 15h14",
    "pl": "Zaktualizowano 7 grudnia 2026, 15:14",
}
TOPICS = {"en": "Topics:", "de": "Themen:", "fr": "Sujets :", "es": "Temas:",
          "nl": "Onderwerpen:", "it": "Argomenti:", "pt": "Tópicos:", "pl": "Tematy:"}
TOC = {"en": ("Table of contents", "In this article"), "de": ("Inhaltsverzeichnis", "Inhalt"),
       "fr": ("Sommaire", "Dans cet article"), "es": ("Índice", "Contenido"),
       "nl": ("Inhoudsopgave", "In dit artikel"), "it": ("Indice", "In questo articolo"),
       "pt": ("Índice", "Neste artigo"), "pl": ("Spis treści", "W tym artykule")}
SUMMARY = {"en": ("Summary", "The essentials"), "de": ("Zusammenfassung", "Kurz gesagt"),
           "fr": ("L'essentiel", "En bref"), "es": ("Resumen", "Lo esencial"),
           "nl": ("Samenvatting", "Kort gezegd"), "it": ("Riassunto", "In breve"),
           "pt": ("Resumo", "O essencial"), "pl": ("Najważniejsze", "W skrócie")}
ETHICS = (
    "Corrections policy · Ethics policy · Contact the newsroom",
    "Our journalism follows our Editorial Standards and Ethics. See a mistake? Contact us.",
    "Read our corrections policy. Report an error to corrections@newsroom.example.",
    "Unsere Standards · Korrekturen · Kontakt zur Redaktion",
    "Charte de déontologie · Signaler une erreur",
    "Principios editoriales · Fe de errores · Contacto",
)
BIO = {"en": "{a} is a senior reporter covering {t}. She previously worked at {o}.",
       "de": "{a} ist Redakteurin im Ressort {t}. Zuvor arbeitete sie bei {o}.",
       "fr": "{a} est journaliste au service {t}. Elle a auparavant travaillé à {o}.",
       "es": "{a} es redactora de la sección de {t}. Antes trabajó en {o}.",
       "nl": "{a} is verslaggever voor {t}. Eerder werkte zij bij {o}.",
       "it": "{a} è giornalista della redazione {t}. In precedenza ha lavorato a {o}.",
       "pt": "{a} é jornalista da secção de {t}. Trabalhou antes no {o}.",
       "pl": "{a} jest dziennikarką działu {t}. Wcześniej pracowała w {o}."}
BEATS = ("politics", "climate", "health", "economy", "Politik", "Wirtschaft", "société",
         "economía", "binnenland", "cronaca", "sociedade", "kraj")
OUTLETS = ("Reuters", "the Financial Times", "Le Monde", "El País", "NRC", "la Repubblica",
           "Público", "Gazeta Wyborcza", "Der Spiegel")


def _own_sentence(paras: list[str], r: random.Random) -> str:
    """One sentence of this page's own body (summaries and pull quotes repeat them)."""
    para = r.choice(paras[1:] or paras)
    parts = [s for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 6]
    return r.choice(parts) if parts else para


def _short(f, k: int = 5) -> str:
    return " ".join(f.teaser().split()[:k]).rstrip(",.;:")


def _handle(name: str) -> str:
    return "@" + re.sub(r"\W", "", name.lower())


def l_block(kind: str, f, paras: list[str], lang: str) -> tuple[str, list[str]]:  # noqa: C901
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    # --- the reader's tools ---------------------------------------------------------------------
    if kind == "listen":
        lab, unit = LISTEN[lang]
        length = f"{r.randint(2, 18)} {unit}"
        s = f"{lab} · {length}"
        return r.choice((f"<div><button>▶</button><span>{_esc(s)}</span></div>",
                         f"<p>{_esc(s)}</p>",
                         f"<div><button>{_esc(lab)}</button><span>· {length}</span></div>")), [s]
    if kind == "share":
        lab = SHARE[lang]
        row = r.choice(("Facebook · X · WhatsApp · Email · Copy link",
                        "Facebook Twitter LinkedIn E-Mail Link kopieren",
                        "Facebook | X | Reddit | Email | Print"))
        return (f"<p>{_esc(lab)}</p><p>{_esc(row)}</p>", [lab, row])
    if kind == "comments":
        count, join = COMMENTS[lang]
        s = f"{count.format(n=r.randint(2, 480))} · {join}"
        return r.choice((f'<p><a href="#comments">{_esc(s)}</a></p>',
                         f"<div><span>{_esc(s)}</span></div>")), [s]
    if kind == "topics":
        tags = [_short(f, r.randint(1, 3)) for _ in range(r.randint(3, 6))]
        links = ", ".join(f'<a href="/tag/{_n(r)}">{_esc(t)}</a>' for t in tags)
        return f"<p>{_esc(TOPICS[lang])} {links}</p>", [f"{TOPICS[lang]} {', '.join(tags)}"]
    if kind == "updated":
        s = UPDATED[lang]
        return r.choice((f"<p>{_esc(s)}</p>", f"<p><em>{_esc(s)}</em></p>",
                         f"<div><span>{_esc(s)}</span></div>")), [s]
    # --- the site's own notices -----------------------------------------------------------------
    if kind == "ethics":
        s = r.choice(ETHICS)
        return r.choice((f"<p><small>{_esc(s)}</small></p>", f"<div><p>{_esc(s)}</p></div>")), [s]
    if kind == "cookie":
        text, yes, more = COOKIE[lang]
        return (f"<div><p>{_esc(text)}</p><button>{_esc(yes)}</button><button>{_esc(more)}"
                "</button></div>", [text])
    if kind == "paywall":
        head, pitch, login = PAYWALL[lang if lang in PAYWALL else "en"]
        return (f"<div><h3>{_esc(head)}</h3><p>{_esc(pitch)}</p><a href=\"/subscribe\">"
                f"Subscribe</a><p>{_esc(login)}</p></div>", [head, pitch, login])
    if kind == "sponsored":
        lab, lab2, by = SPONSORED[lang]
        blurb = f.sentence()
        brand = r.choice(BRANDS)
        return (f'<div><p>{_esc(r.choice((lab, lab2)))}</p><a href="/partner/{_n(r)}"><p>'
                f"{_esc(blurb)}</p></a><p>{_esc(by.format(b=brand))}</p></div>", [blurb])
    if kind == "author_card":
        a = f.author
        bio = BIO[lang].format(a=a, t=r.choice(BEATS), o=r.choice(OUTLETS))
        handle = _handle(a)
        return (f'<div><img src="/a/{_n(r)}.jpg" alt=""><p><strong>{_esc(a)}</strong></p>'
                f"<p>{_esc(bio)}</p><p>{handle} · Follow on X</p></div>", [bio])
    # --- K's leaks in other shapes --------------------------------------------------------------
    if kind == "toc":
        items = [_short(f) for _ in range(r.randint(3, 6))]
        head = r.choice(TOC[lang])
        how = r.choice(("ol", "ul", "ps"))
        if how == "ps":
            inner = "".join(f'<p><a href="#s{i}">{_esc(t)}</a></p>' for i, t in enumerate(items))
        else:
            inner = (f"<{how}>" + "".join(f'<li><a href="#s{i}">{_esc(t)}</a></li>'
                                          for i, t in enumerate(items)) + f"</{how}>")
        return f"<h2>{_esc(head)}</h2>{inner}", items
    if kind == "pullquote_summary":
        pts = list(dict.fromkeys(_own_sentence(paras, r) for _ in range(3)))
        head = r.choice(SUMMARY[lang])
        if r.random() < 0.5:
            inner = (f"<details><summary>{_esc(head)}</summary>"
                     + "".join(f"<p>{_esc(p)}</p>" for p in pts) + "</details>")
        else:
            inner = f"<p><strong>{_esc(head)}</strong><br>" + "<br>".join(
                _esc(p) for p in pts) + "</p>"
        return inner, pts
    if kind == "pullquote":
        s = _own_sentence(paras, r)
        return r.choice((f"<blockquote><p>{_esc(s)}</p></blockquote>",
                         f"<p><strong>“{_esc(s)}”</strong></p>",
                         f"<blockquote>{_esc(s)}</blockquote>")), [s]
    if kind == "gallery":
        n = r.randint(5, 30)
        i = r.randint(1, n)
        counter = r.choice((f"{i} / {n}", f"{i}/{n}"))
        cap = f.sentence()
        return (f'<figure><img src="/g/{_n(r)}.jpg" alt=""><p>{counter}</p><p>{_esc(cap)}</p>'
                "</figure>", [cap])
    raise ValueError(kind)


# site: (body markup, on top, between the paragraphs, after the last), as SITES_K
SITES_L = {
    "usdaily": ('<div class="article-body">', ("listen",), (),
                ("share", "comments", "ethics", "author_card")),
    "ukpaper": ('<div class="article-content">', ("cookie",), ("pullquote",),
                ("topics", "paywall")),
    "deedition": ('<div class="article-text">', ("listen", "updated", "toc"), (),
                  ("topics",)),
    "fredition": ('<div class="article__body">', ("listen", "pullquote_summary"), (),
                  ("share", "paywall")),
    "esdiario": ('<div class="cuerpo">', ("updated", "cookie"), ("sponsored",),
                 ("comments",)),
    "nlkrant": ('<div class="artikel">', ("listen",), (),
                ("share", "author_card", "topics")),
    "itgiornale": ('<div class="testo">', ("updated",), ("gallery",),
                   ("topics", "paywall")),
    "ptjornal": ('<div class="texto">', ("listen", "pullquote_summary"), (),
                 ("comments", "share")),
    "plportal": ('<div class="tresc">', ("listen", "updated", "cookie"),
                 ("sponsored",), ("topics",)),
    "paidpost": ('<div class="entry">', (), ("sponsored",), ("ethics",)),
    "explainer": ('<div class="explainer">', ("pullquote_summary", "toc"),
                  ("pullquote",), ()),
    "photoessay": ('<div class="essay">', (), ("gallery", "pullquote"), ("share",)),
    "publicmedia": ('<div class="story-text">', ("updated",), (),
                    ("ethics", "author_card")),
    "magazine": ('<div class="magazine-body">', ("listen", "toc"), ("pullquote",),
                 ("author_card",)),
    "regional": ('<div class="news-text">', ("updated",), ("sponsored",),
                 ("comments", "topics", "share")),
}

# the language of the site's labels (its "English edition": the body stays English)
LANG_L = {"usdaily": "en", "ukpaper": "en", "deedition": "de", "fredition": "fr",
          "esdiario": "es", "nlkrant": "nl", "itgiornale": "it", "ptjornal": "pt",
          "plportal": "pl", "paidpost": "en", "explainer": "en", "photoessay": "en",
          "publicmedia": "en", "magazine": "en", "regional": "en"}

NAV_L = (("/", "Home"), ("/news/", "News"), ("/opinion/", "Opinion"), ("/culture/", "Culture"))


def render_cms_l(paras: list[str], headline: str, f, note: str | None
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-L site: the HTML and its furniture blocks."""
    return render_site_page(paras, headline, f, note, SITES_L, NAV_L,
                            lambda site, kind, f: l_block(kind, f, paras, LANG_L[site]))


def with_near_miss_l(paras: list[str], r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_L paragraph (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_L)
