"""`bench_text_templates.py --cms E`: non-English news publishers' OWN article templates,
with their furniture written in the page's language (families A-D and the unseen ones
are English markup, with a few foreign labels in generic boxes). Written from knowledge
of those sites' markup shapes (nothing downloaded, no benchmark's gold read), fixed in
code before any result was seen; measured once held out, then tuned on.

Bodies: dev bodies of the publisher's language (`lang_of`: function-word shares; the dev
corpus has German ~540, Spanish ~46, French ~23, Polish ~19, Portuguese ~7, Italian ~3
usable bodies, no Dutch, Russian or Turkish ones, so no publisher of those languages),
and the furniture's sentences and teasers come from OTHER bodies of the same language.
All non-German bodies are used first, German ones fill the rest.

Publishers (PUBLISHERS_E: language, body markup, furniture inside / after the body):

  de  spiegel  `RichText` paragraphs, "Mehr zum Thema" box, figure "Foto: X / dpa",
               "Artikel verschenken" gift bar, "Zur Startseite" link, comment counter.
      zeit     `article__item paragraph`, "Lesen Sie auch:" inline `<p>`, "Anzeige" slot,
               "Dieser Artikel erschien zuerst in …" note, paywall box "Z+ Exklusiv".
      faz      `atc-TextParagraph`, "Mehr zum Thema" list, "Quelle: FAZ.NET" line,
               "Bildbeschreibung einblenden" caption toggle.
      sz       `css-` hashed paragraphs, "Lesen Sie mehr zum Thema" teaser, "SZ Plus" box,
               "Mit Material von dpa" wire line.
      welt     `c-article-text`, "Lesen Sie auch" teaser card, "Quelle: WELT/X" credit,
               "Kommentare" counter.
      funke    regional (Funke/Madsack/Ippen): "Auch interessant:" `<p>`, "Lesen Sie
               auch:" `<p>`, "Bild: IMAGO/X" caption, "dpa/tmn" or "(dpa)" signature,
               "Unsere Zeitung im Netz: Mehr Nachrichten aus der Region" box.
  fr  lemonde  `article__paragraph`, "Lire aussi" inline link, "Article réservé aux
               abonnés" paywall, "Le Monde avec AFP" signature, "Partager" bar.
      figaro   `fig-paragraph`, "À lire aussi" inline links, "Photo : X / AFP" caption,
               "Newsletter" box "Recevez chaque matin …", comments "Commentaires (N)".
      ouestf   Ouest-France: "Lire la suite" teaser, "Sur le même sujet" list.
      20min    20 Minutes: "Sur le même sujet" list, "(AFP)" / "avec AFP" wire line,
               "Partager sur Facebook" buttons.
  es  elpais   `a_c` paragraphs, "Más información" box, "Archivado en" tags,
               "Suscríbete para seguir leyendo" paywall, photo "Imagen: X (EFE)".
      elmundo  `ue-c-article__paragraph`, "Lee también" card, comments "Comentarios N".
      clarin   "Te puede interesar" links, "Mirá también" card, "Newsletter Clarín" box.
      infobae  "Seguir leyendo:" list after the story, "(Con información de EFE)" line.
  it  corriere "Leggi anche" box, "© RIPRODUZIONE RISERVATA" line.
      repub    "Leggi anche" inline link, "Riproduzione riservata ©", "Abbonati" box.
      ansa     "(ANSA)" dateline joined to the first paragraph, "© Copyright ANSA" line.
  pt  folha    "Leia também" box, "Assine a Folha" paywall prompt, "Foto: X/Folhapress".
      g1       "Veja também" video list, "VÍDEOS: …" line, "Foto: Reprodução/TV Globo".
      publico  "Leia também" inline, "Assine o PÚBLICO" box.
  pl  onet     "Zobacz też:" inline links, "Fot. X / PAP" caption, comments counter.
      gazeta   "Czytaj także:" `<p>`, "Czytaj więcej" teaser, "Fot. X / Agencja Gazeta".

Truth decisions (what such benchmarks' annotators mark as the article):
- A wire dateline opening the first paragraph ("(ANSA) -"): body (part of the paragraph).
- Captions (figcaption or `<p>` after an image) with their credits ("Foto:", "Bild:",
  "Photo :", "Imagen:", "Fot.", "(dpa)"), caption toggles: furniture.
- Inline "Lesen Sie auch: <headline>" / "À lire aussi" / "Lee también" / "Leggi anche" /
  "Leia também" / "Czytaj także" paragraphs and boxes, "Mehr zum Thema" / "Sur le même
  sujet" / "Más información" / "Te puede interesar" / "Veja também" / "Zobacz też" lists
  and "Seguir leyendo:" lists: furniture (links to other stories).
- Wire and source signatures closing the story ("Mit Material von dpa", "dpa/tmn",
  "(AFP)", "Le Monde avec AFP", "Quelle: FAZ.NET", "(Con información de EFE)", "© Copyright
  ANSA", "Riproduzione riservata ©"), "Dieser Artikel erschien zuerst in …": furniture.
- Paywall cuts ("Article réservé aux abonnés", "Suscríbete para seguir leyendo", "Assine
  a Folha", "Z+ Exklusiv", "SZ Plus"), gift and share bars, newsletter boxes, comment
  counters, tags ("Archivado en"), "Zur Startseite", "Anzeige" slots: furniture.
- The author's bio in the language ("X ist Redakteurin im Ressort Politik."): furniture.
- An editor's note or correction closing the story is body (30 % of pages, STORY_NOTES_E,
  in the page's language).
- NEAR_MISSES_E: story paragraphs opening with these furniture's words ("Lesen", "Mehr
  zum Thema", "Anzeige", "Foto", "Lire", "Partager", "Sur le même sujet", "Más
  información", "Archivado", "Leggi", "Leia", "Veja", "Zobacz", a sentence quoting
  "Lesen Sie auch"), in the page's language, put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random
import re

from cms_blocks_d import _css, _esc, _n
from cms_page import closed, insert_inside, nav_bar, placer, story_paras, with_one_of

_WORD = re.compile(r"\w+")
FUNCTION_WORDS = {
    "en": "the and of to in is that for was with",
    "de": "der die und das nicht ist mit sich den auch",
    "fr": "le la les des et est une pour dans que",
    "es": "el la los las y que en por una del",
    "it": "il la che di per una non sono della gli",
    "pt": "o a os que não uma para com em do",
    "pl": "i w na się nie z jest że do to",
}
_FW = {k: frozenset(v.split()) for k, v in FUNCTION_WORDS.items()}


def lang_of(paras: list[str]) -> str:
    """The language whose function words are the largest share of the body's words."""
    words = _WORD.findall(" ".join(paras).lower())
    return max(_FW, key=lambda k: sum(w in _FW[k] for w in words))


STORY_NOTES_E = {
    "de": ("Korrektur: In einer früheren Version dieses Artikels hieß es, die Sitzung habe "
           "am Dienstag stattgefunden; tatsächlich war es der Mittwoch.",),
    "fr": ("Rectificatif : une version précédente de cet article indiquait que la réunion "
           "avait eu lieu mardi ; elle s'est tenue mercredi.",),
    "es": ("Fe de errores: una versión anterior de esta noticia situaba la reunión el "
           "martes; se celebró el miércoles.",),
    "it": ("Correzione: in una versione precedente di questo articolo la riunione era "
           "indicata per martedì; si è svolta mercoledì.",),
    "pt": ("Correção: uma versão anterior deste texto informava que a reunião ocorreu na "
           "terça-feira; ela aconteceu na quarta-feira.",),
    "pl": ("Korekta: we wcześniejszej wersji tekstu podaliśmy, że posiedzenie odbyło się we "
           "wtorek; w rzeczywistości była to środa.",),
}

NEAR_MISSES_E = {
    "de": ("Lesen und Schreiben lernen viele Kinder inzwischen später, heißt es in der "
           "Studie der Universität Bielefeld, die am Montag vorgestellt wurde.",
           "Mehr zum Thema Klimaschutz wollte der Minister am Dienstag nicht sagen; er "
           "verwies auf die laufenden Beratungen im Kabinett.",
           "Auf den Plakaten der Initiative steht „Lesen Sie auch das Kleingedruckte!“, eine "
           "Anspielung auf die Verträge der Stadtwerke mit dem Energieversorger.",
           "Anzeige erstattet hat nach Angaben der Polizei der Besitzer des Wagens, der den "
           "Schaden am Montagmorgen bemerkt hatte.",
           "Foto und Video der Tat kursierten schon wenige Stunden später in den sozialen "
           "Netzwerken, wie die Ermittler am Abend bestätigten."),
    "fr": ("Lire entre les lignes du communiqué n'est pas difficile : le gouvernement "
           "prépare un recul sur la réforme des retraites.",
           "Partager les coûts entre l'État et les régions reste le principal point de "
           "désaccord, selon un conseiller du ministère.",
           "Sur le même sujet, le maire avait déjà été entendu par les enquêteurs en 2019, a "
           "rappelé le parquet dans un communiqué."),
    "es": ("Más información sobre el estado de los heridos será facilitada por el hospital "
           "a lo largo de la tarde, según la consejería de Sanidad.",
           "Archivado en un cajón durante años, el informe sobre la presa vuelve ahora al "
           "debate del Parlamento regional."),
    "it": ("Leggi anche tu le motivazioni della sentenza, ha detto l'avvocato ai cronisti, e "
           "capirai perché il processo va rifatto.",),
    "pt": ("Leia também o relatório da Polícia Federal, disse o ministro aos jornalistas, que "
           "foi entregue ao Supremo na segunda-feira.",
           "Veja também como votaram os deputados: 312 a favor, 150 contra e duas abstenções, "
           "segundo os registros da Câmara."),
    "pl": ("Zobacz też, jak zmieniały się ceny energii, apelował minister do posłów podczas "
           "debaty w Sejmie w czwartek wieczorem.",),
}

BIO_ROLE = {"de": "ist Redakteurin im Ressort Politik.",
            "fr": "est journaliste au service International.",
            "es": "es periodista de la sección de Internacional.",
            "it": "è giornalista della redazione Esteri.",
            "pt": "é repórter da editoria de Política.",
            "pl": "jest dziennikarką działu krajowego."}


def _offer(cls: str, text: str, href: str, label: str) -> tuple[str, list[str]]:
    """A paywall or subscription box: its sentence and the button."""
    return f'<div class="{cls}"><p>{text}</p><a href="{href}">{label}</a></div>', [text]


def _links(f, k: int, path: str, li: bool = True) -> tuple[str, list[str]]:
    items = [f.teaser() for _ in range(k)]
    a = [f'<a href="/{path}/{_n(f.rnd)}.html">{_esc(t)}</a>' for t in items]
    return ("".join(f"<li>{x}</li>" for x in a) if li else "".join(a)), items


def _list_box(f, label: str, cls: str, path: str, tag: str = "h3") -> tuple[str, list[str]]:
    lis, items = _links(f, f.rnd.randint(2, 4), path)
    return (f'<div class="{cls}"><{tag}>{label}</{tag}><ul>{lis}</ul></div>', items)


def _inline(f, label: str, path: str, cls: str = "") -> tuple[str, list[str]]:
    t = f.teaser()
    c = f' class="{cls}"' if cls else ""
    return (f'<p{c}><strong>{label}</strong> <a href="/{path}/{_n(f.rnd)}.html">{_esc(t)}</a>'
            '</p>', [t])


def _figure(f, credit: str, cls: str = "") -> tuple[str, list[str]]:
    s = f.sentence()
    c = f' class="{cls}"' if cls else ""
    return (f'<figure{c}><img src="/img/{_n(f.rnd)}.jpg" alt=""><figcaption>{_esc(s)} '
            f'<span class="credit">{_esc(credit)}</span></figcaption></figure>', [s])


def _p_caption(f, credit: str) -> tuple[str, list[str]]:
    s = f.sentence()
    return (f'<p><img src="/img/{_n(f.rnd)}.jpg" alt="" width="640"></p><p><em>{_esc(s)} '
            f'{_esc(credit)}</em></p>', [s])


def _line(text: str, cls: str = "", tag: str = "p") -> tuple[str, list[str]]:
    c = f' class="{cls}"' if cls else ""
    return f"<{tag}{c}>{_esc(text)}</{tag}>", [text]


def e_block(kind: str, f) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r, a = f.rnd, f.author
    nm = f.name()
    # --- German -----------------------------------------------------------------------
    if kind == "spiegel_more":
        return _list_box(f, "Mehr zum Thema", "relative flex flex-col", "politik/deutschland")
    if kind == "spiegel_fig":
        return _figure(f, f"Foto: {nm} / dpa", "relative")
    if kind == "spiegel_gift":
        return ('<div data-area="gift_article"><button type="button" class="gift-button">'
                '<span>Artikel verschenken</span></button></div>', [])
    if kind == "spiegel_home":
        return ('<div class="mt-32"><a href="https://www.spiegel.de/" class="text-primary">'
                'Zur Startseite</a></div>', [])
    if kind == "comments_de":
        k = r.randint(3, 480)
        return (f'<div class="comments-link"><a href="#comments">{k} Kommentare</a></div>', [])
    if kind == "zeit_also":
        return _inline(f, "Lesen Sie auch:", "politik", "paragraph article__item")
    if kind == "zeit_ad":
        return ('<div class="ad-container"><span class="ad-label">Anzeige</span><div id="iq-'
                f'ad-{_n(r)}"></div></div>', [])
    if kind == "zeit_first":
        s = (f"Dieser Artikel erschien zuerst in der Ausgabe {r.randint(1, 52)}/2021 der "
             "ZEIT im Osten.")
        return _line(s, "paragraph article__item")
    if kind == "zeit_paywall":
        s = ("Z+ Exklusiv: Lesen Sie diesen Artikel mit einem Abo weiter. Jetzt 4 Wochen "
             "kostenlos testen.")
        return (f'<aside class="paywall-footer"><p>{s}</p><a href="/abo">Jetzt testen</a>'
                '</aside>', [s])
    if kind == "faz_more":
        return _list_box(f, "Mehr zum Thema", "atc-ContainerMoreOnTopic", "aktuell/politik",
                         "h2")
    if kind == "faz_source":
        return _line(f"Quelle: FAZ.NET mit {r.choice(('dpa', 'Reuters', 'AFP'))}",
                     "atc-TextParagraph")
    if kind == "faz_fig":
        s = f.sentence()
        return (f'<figure class="atc-Image"><img src="/p{_n(r)}.jpg" alt=""><button class="atc'
                '-ImageToggle">Bildbeschreibung einblenden</button><figcaption class="atc-'
                f'ImageDescriptionText">{_esc(s)} Bild: {_esc(nm)}</figcaption></figure>', [s])
    if kind == "sz_more":
        return _inline(f, "Lesen Sie mehr zum Thema", "politik", f"css-{_css(r)}")
    if kind == "sz_plus":
        s = "SZ Plus: Jetzt weiterlesen mit dem Abo der Süddeutschen Zeitung."
        return f'<div class="sz-plus-teaser"><p>{s}</p></div>', [s]
    if kind == "wire_dpa":
        return _line(r.choice(("Mit Material von dpa und AFP", "Mit Material der "
                               "Nachrichtenagentur dpa")))
    if kind == "welt_also":
        t = f.teaser()
        return ('<div class="c-inline-teaser"><span class="c-inline-teaser__kicker">Lesen Sie '
                f'auch</span><a href="/politik/article{_n(r)}.html"><h4>{_esc(t)}</h4></a>'
                '</div>', [t])
    if kind == "welt_credit":
        return _figure(f, f"Quelle: WELT/{nm}", "c-image")
    if kind == "funke_also":
        return _inline(f, r.choice(("Auch interessant:", "Lesen Sie auch:", "Lesen Sie "
                                    "hier:")), "region")
    if kind == "funke_caption":
        return _p_caption(f, f"Bild: IMAGO/{nm}")
    if kind == "funke_sig":
        return _line(r.choice(("dpa/tmn", "(dpa)", "(dpa/lnw)", "(mit dpa)")))
    if kind == "funke_region":
        s = "Unsere Zeitung im Netz: Mehr Nachrichten aus der Region finden Sie hier."
        return f'<div class="article__footer-teaser"><p>{s}</p></div>', [s]
    # --- French -----------------------------------------------------------------------
    if kind == "lemonde_also":
        t = f.teaser()
        return (f'<p class="article__paragraph"><span class="icon__premium"></span>Lire aussi '
                f'<a class="js-article-read-also" href="/politique/article/{_n(r)}.html">'
                f'{_esc(t)}</a></p>', [t])
    if kind == "lemonde_paywall":
        s = "Article réservé aux abonnés. Il vous reste 72% de cet article à lire."
        return (f'<section class="paywall"><p class="paywall__title">{s}</p><a href="/abonnement">'
                'Lire la suite</a></section>', [s])
    if kind == "lemonde_afp":
        return _line("Le Monde avec AFP", "article__paragraph")
    if kind == "share_fr":
        return ('<div class="social-bar"><span>Partager</span><a href="#fb">Partager sur '
                'Facebook</a><a href="#tw">Partager sur Twitter</a><a href="#mail">Envoyer par '
                'e-mail</a></div>', ["Partager sur Facebook"])
    if kind == "figaro_also":
        return _inline(f, "À lire aussi :", "actualite-france", "fig-paragraph")
    if kind == "figaro_fig":
        return _figure(f, f"Photo : {nm} / AFP", "fig-media")
    if kind == "figaro_news":
        s = "Recevez chaque matin l'essentiel de l'actualité avec la newsletter du Figaro."
        return (f'<div class="fig-newsletter"><p class="fig-newsletter__title">Newsletter</p>'
                f'<p>{s}</p><button>S\'inscrire</button></div>', [s])
    if kind == "comments_fr":
        k = r.randint(3, 400)
        return f'<a class="fig-comments" href="#comments">Commentaires ({k})</a>', []
    if kind == "of_suite":
        t = f.teaser()
        return (f'<div class="su-teaser"><a href="/bretagne/{_n(r)}"><p>{_esc(t)}</p><span>Lire '
                'la suite</span></a></div>', [t])
    if kind == "same_topic_fr":
        return _list_box(f, "Sur le même sujet", "same-topic", "societe")
    if kind == "wire_afp":
        return _line(r.choice(("(AFP)", "Avec AFP", "(avec AFP et Reuters)")))
    # --- Spanish ----------------------------------------------------------------------
    if kind == "elpais_more":
        return _list_box(f, "Más información", "a_ei", "internacional")
    if kind == "elpais_tags":
        lis, _ = _links(f, 4, "noticias")
        return f'<div class="a_k"><span>Archivado En</span><ul>{lis}</ul></div>', []
    if kind == "elpais_paywall":
        return _offer("a_pw", "Suscríbete para seguir leyendo. Lee sin límites.",
                      "/suscripciones/", "Suscríbete")
    if kind == "elpais_fig":
        return _figure(f, f"Imagen: {nm} (EFE)", "a_m")
    if kind == "elmundo_also":
        t = f.teaser()
        return ('<aside class="ue-c-article__related"><p class="ue-c-article__related-kicker">Lee'
                f' también</p><a href="/espana/{_n(r)}.html">{_esc(t)}</a></aside>', [t])
    if kind == "comments_es":
        return f'<a class="ue-c-comments" href="#c">Comentarios {r.randint(3, 400)}</a>', []
    if kind == "clarin_interest":
        return _list_box(f, "Te puede interesar", "related-news", "politica")
    if kind == "clarin_mira":
        return _inline(f, "Mirá también", "sociedad")
    if kind == "clarin_news":
        s = "Newsletter Clarín: recibí en tu mail las noticias más importantes del día."
        return f'<div class="newsletter-box"><p>{s}</p><button>Suscribirme</button></div>', [s]
    if kind == "infobae_more":
        lis, items = _links(f, 3, "america")
        return f'<p><strong>Seguir leyendo:</strong></p><ul>{lis}</ul>', items
    if kind == "wire_efe":
        return _line(r.choice(("(Con información de EFE)", "(Con información de AFP y EFE)")))
    # --- Italian ----------------------------------------------------------------------
    if kind == "corriere_also":
        return _list_box(f, "Leggi anche", "box-leggi-anche", "cronache")
    if kind == "it_copyright":
        return _line(r.choice(("© RIPRODUZIONE RISERVATA", "Riproduzione riservata ©")))
    if kind == "repub_also":
        return _inline(f, "Leggi anche", "cronaca")
    if kind == "repub_abbonati":
        return _offer("paywall-box", "Abbonati a Repubblica per continuare a leggere i nostri "
                      "articoli.", "/abbonati", "Abbonati")
    if kind == "ansa_copy":
        return _line("© Copyright ANSA - Tutti i diritti riservati", "news-copyright")
    # --- Portuguese -------------------------------------------------------------------
    if kind == "folha_also":
        return _list_box(f, "Leia também", "c-more-news", "poder")
    if kind == "folha_assine":
        return _offer("c-paywall", "Assine a Folha e tenha acesso ilimitado ao melhor "
                      "jornalismo.", "/assine", "Assine")
    if kind == "folha_fig":
        return _figure(f, f"Foto: {nm}/Folhapress", "c-image-full")
    if kind == "g1_veja":
        return _list_box(f, "Veja também", "mc-column content-video", "jornal-nacional", "h2")
    if kind == "g1_fig":
        return _p_caption(f, "— Foto: Reprodução/TV Globo")
    if kind == "publico_also":
        return _inline(f, "Leia também", "sociedade")
    if kind == "publico_assine":
        s = "Assine o PÚBLICO e apoie o jornalismo independente."
        return f'<div class="paywall-callout"><p>{s}</p></div>', [s]
    # --- Polish -----------------------------------------------------------------------
    if kind == "onet_also":
        return _inline(f, "Zobacz też:", "wiadomosci")
    if kind == "onet_fig":
        return _figure(f, f"Fot. {nm} / PAP", "imageContainer")
    if kind == "comments_pl":
        return f'<a class="commentsCount" href="#k">Komentarze ({r.randint(3, 400)})</a>', []
    if kind == "gazeta_also":
        return _inline(f, "Czytaj także:", "wiadomosci")
    if kind == "gazeta_more":
        t = f.teaser()
        return (f'<div class="related_box"><a href="/7,{_n(r)}.html"><p>{_esc(t)}</p><span>Czytaj'
                ' więcej</span></a></div>', [t])
    if kind == "gazeta_fig":
        return _p_caption(f, f"Fot. {nm} / Agencja Gazeta")
    # --- any language -------------------------------------------------------------------
    if kind == "bio":
        s = f"{a} {BIO_ROLE[f.lang]}"
        return f"<p><em>{_esc(s)}</em></p>", [s]
    raise ValueError(kind)


PUBLISHERS_E = {
    "spiegel": ("de", '<div class="RichText">', ("spiegel_more", "spiegel_fig"),
                ("spiegel_gift", "spiegel_home", "comments_de", "bio")),
    "zeit": ("de", '<div class="article-body">', ("zeit_also", "zeit_ad"),
             ("zeit_first", "zeit_paywall")),
    "faz": ("de", '<div class="atc-Text">', ("faz_more", "faz_fig"), ("faz_source",)),
    "sz": ("de", '<div itemprop="articleBody">', ("sz_more", "zeit_ad"),
           ("wire_dpa", "sz_plus")),
    "welt": ("de", '<div class="c-article-text">', ("welt_also", "welt_credit"),
             ("comments_de", "wire_dpa")),
    "funke": ("de", '<div class="article__body">', ("funke_also", "funke_caption", "zeit_ad"),
              ("funke_sig", "funke_region", "bio")),
    "lemonde": ("fr", '<section class="article__content">', ("lemonde_also", "figaro_fig"),
                ("lemonde_afp", "lemonde_paywall", "share_fr")),
    "figaro": ("fr", '<div class="fig-body">', ("figaro_also", "figaro_fig"),
               ("figaro_news", "comments_fr", "bio")),
    "ouestf": ("fr", '<div class="article-body">', ("of_suite",), ("same_topic_fr", "share_fr")),
    "20min": ("fr", '<div class="content">', ("same_topic_fr", "figaro_fig"),
              ("wire_afp", "share_fr")),
    "elpais": ("es", '<div class="a_c clearfix" data-dtm-region="articulo_cuerpo">',
               ("elpais_more", "elpais_fig"), ("elpais_tags", "elpais_paywall")),
    "elmundo": ("es", '<div class="ue-l-article__body">', ("elmundo_also", "elpais_fig"),
                ("comments_es", "bio")),
    "clarin": ("es", '<div class="body-nota">', ("clarin_interest", "clarin_mira"),
               ("clarin_news",)),
    "infobae": ("es", '<div class="body-article">', ("elpais_fig",),
                ("infobae_more", "wire_efe")),
    "corriere": ("it", '<div class="chapter">', ("corriere_also",), ("it_copyright", "bio")),
    "repub": ("it", '<div class="story__text">', ("repub_also",),
              ("it_copyright", "repub_abbonati")),
    "ansa": ("it", '<div class="news-txt">', ("repub_also",), ("ansa_copy",)),
    "folha": ("pt", '<div class="c-news__body">', ("folha_also", "folha_fig"),
              ("folha_assine",)),
    "g1": ("pt", '<div class="mc-article-body">', ("g1_fig",), ("g1_veja",)),
    "publico": ("pt", '<div class="story__body">', ("publico_also",), ("publico_assine", "bio")),
    "onet": ("pl", '<div class="articleBody">', ("onet_also", "onet_fig"), ("comments_pl",)),
    "gazeta": ("pl", '<section class="art_content">', ("gazeta_also", "gazeta_fig"),
               ("gazeta_more", "bio")),
}
DATELINES_E = {"ansa": "(ANSA) -"}
PAGE_LABELS = {"de": ("Startseite", "Politik", "Wirtschaft", "Sport", "© Verlag, alle Rechte "
                      "vorbehalten. Impressum Datenschutz"),
               "fr": ("Accueil", "Politique", "Économie", "Sport", "© Tous droits réservés. "
                      "Mentions légales"),
               "es": ("Portada", "Política", "Economía", "Deportes", "© Todos los derechos "
                      "reservados. Aviso legal"),
               "it": ("Home", "Politica", "Economia", "Sport", "© Riproduzione riservata. "
                      "Note legali"),
               "pt": ("Início", "Política", "Economia", "Esporte", "© Todos os direitos "
                      "reservados. Termos de uso"),
               "pl": ("Strona główna", "Polityka", "Gospodarka", "Sport", "© Wszelkie prawa "
                      "zastrzeżone. Regulamin")}


def _page(lang: str, title: str, author: str, body: str) -> str:
    t, a = _esc(title), _esc(author)
    home, s1, s2, s3, foot = PAGE_LABELS[lang]
    nav = nav_bar("site-header", (("/", home), ("/p/", s1), ("/w/", s2), ("/s/", s3)))
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset='utf-8'><title>{t}"
            f"</title></head><body>{nav}<main><article><header><h1>{t}</h1><div class=\"author\">"
            f'<a href="/autor/x">{a}</a> <time datetime="2021-03-04">04.03.2021</time></div>'
            f'</header>{body}</article></main><footer><p>{_esc(foot)}</p></footer></body></html>')


def publishers_of(lang: str) -> tuple[str, ...]:
    return tuple(p for p, spec in PUBLISHERS_E.items() if spec[0] == lang)


def render_cms_e(paras: list[str], headline: str, f, note: str | None, lang: str
                 ) -> tuple[str, list[tuple[str, list[str]]], list[str]]:
    """One page of a family-E publisher of `lang`: the HTML, its furniture blocks and the
    story's paragraphs as the truth holds them (a dateline joins the first)."""
    r = f.rnd
    pub = r.choice(publishers_of(lang))
    _, box, inside, after = PUBLISHERS_E[pub]
    f.author, f.lang = f.name(), lang
    placed: list[tuple[str, list[str]]] = []
    paras = list(paras)
    if pub in DATELINES_E:
        paras[0] = f"{DATELINES_E[pub]} {paras[0]}"
    add = placer(pub, e_block, f, placed)
    body = story_paras(paras, note)
    insert_inside(body, r, inside, len(paras), add, 2, 4)
    for kind in r.sample(after, min(len(after), r.randint(1, 3))):
        body.append(add(kind))  # the sites put these inside the body container
    page = _page(lang, headline, f.author, closed(box, "".join(body)))
    return page, placed, paras


def with_near_miss_e(paras: list[str], lang: str, r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_E paragraph of their language (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_E[lang])
