"""Boxes set into a story that no class names: call-to-action boxes, AI summaries and
picture captions with a credit, found from their markup and a few multilingual labels.

On CSS-module sites ("css-1q2w3e") and in components named by `data-testid`, the class
tokens `furniture.py` reads say nothing. What still tells the furniture:

- a **call box** ends in its button: a link or `<button>` standing on a line of its own
  whose whole text is a call ("Subscribe", "Jetzt anhören", "Je m'abonne", "Google
  Play"). The box is the widest wrapper that still ends with that call and stays within
  MAX_CALL_BOX_CHARS: a podcast or app promo, a paywall insert, a sign-up box without a
  form. A link at the end of a sentence ("the report is here: <a>Download</a>") is no
  button: text runs up to it on its line.
- an **AI summary** is labelled as one ("KI-Zusammenfassung", "Summary by AI", "Résumé
  généré par IA"): the label's box (its parent, when the label opens it) goes.
- a **caption** set as a paragraph right after a picture (in a wrapper of the two, or after
  a `<p>` that holds only the picture) is known by the credit it ends with ("(Fot. Anna
  Berger)", "Crédito: Anna Berger"): a story paragraph after a picture names no
  photographer at its end.

Measured on the generated pages of `bench/bench_text_templates.py --unseen A` (family B is
the held-out check) and on the dev corpus (BENCHMARKS.md, issue 13 session 52).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement
from trafilatura.htmlprocessing import delete_element

# A call box holds a label, a line of pitch and the button: ~60 words at most. The same
# bound as a sign-up box around an e-mail field (furniture.MAX_SIGNUP_CHARS).
MAX_CALL_BOX_CHARS = 400
# A box holding more than this share of the page's text is the story, whatever ends it.
MAX_BOX_SHARE = 0.4

# The whole text of a button that asks the reader to subscribe, sign up, listen, buy or
# install, in the dev corpus's languages (en, de, es, fr, pl, pt, it).
_CALL = re.compile(
    r"^(?:"
    # English
    r"subscribe(?: now| today| for free| here)?|sign (?:me )?up(?: now| for free| here)?"
    r"|join (?:now|today|for free)|(?:start|begin) (?:your |a )?free trial|try (?:it )?for free"
    r"|listen(?: now| here)?|listen (?:on|to the episode)(?: \w+){0,2}|download(?: the app)?"
    r"|get the app|app store|google play|register(?: now| for free)?"
    # an affiliate product card's button ("$129 at Amazon" / "Buy now")
    r"|buy (?:it )?now|shop now|view deal|see (?:the )?deal|check (?:the )?price|see price"
    # German
    r"|(?:jetzt |hier |kostenlos |gratis )?(?:abonnieren|anmelden|registrieren|anhören|hören"
    r"|herunterladen|testen|downloaden)|abo (?:abschließen|sichern|wählen)|zum (?:podcast|abo)"
    r"|zur app|(?:jetzt |gratis |kostenlos )?(?:abonnent|mitglied) werden"
    # French
    r"|(?:je )?m['’]abonne|s['’]abonner|abonnez-vous|(?:je )?m['’]inscris|s['’]inscrire"
    r"|inscrivez-vous|écouter(?: le podcast)?|télécharger(?: l['’]application)?"
    r"|essai gratuit|essayer gratuitement"
    # Spanish
    r"|suscr[ií]be(?:te)?(?: ahora| gratis)?|suscribirme|suscribirse|reg[ií]strate"
    r"|escuchar?(?: ahora)?|esc[uú]chalo|desc[aá]rga(?:la|lo)?(?: la app)?|descargar"
    r"|prueba gratis"
    # Portuguese
    r"|assine(?: já| agora)?|assinar|quero (?:receber|assinar)|inscreva-se|cadastre-se"
    r"|ouvir|ouça(?: agora)?|baixe(?: o app| o aplicativo)?|baixar|teste grátis"
    # Italian
    r"|abbonati(?: ora| subito)?|iscriviti(?: ora)?|registrati|ascolta(?: ora)?"
    r"|scarica(?: l['’]app)?|prova gratis"
    # Polish
    r"|subskrybuj|zapisz si[eę]|zarejestruj si[eę]|(?:po)?słuchaj|pobierz(?: aplikacj[eę])?"
    r"|wykup (?:dost[eę]p|subskrypcj[eę]|prenumerat[eę])|zamów prenumerat[eę]"
    r")\s*[!.…→›»>]*$",
    re.IGNORECASE,
)
# The same without the flag, for text lowercased first: in ASCII the same matches, about
# twice as fast (the engine folds every compared letter under re.IGNORECASE; in other
# text "ſ" and "İ" fold otherwise than str.lower, so it keeps the flag).
_CALL_FOLDED = re.compile(_CALL.pattern)
_CALL_TAGS = ("a", "button")
_MAX_CALL_CHARS = 40  # the longest call above with a word of room


def _norm(text: str) -> str:
    return " ".join(text.split())


def _is_call(elem: HtmlElement) -> bool:
    if len(elem) > 3:  # a button holds its words and maybe an icon
        return False
    # (most links are a bare text: read without building the whole text)
    text = elem.text if len(elem) == 0 else elem.text_content()
    if not text or len(text) > 2 * _MAX_CALL_CHARS:
        return False
    text = _norm(text)
    if not 0 < len(text) <= _MAX_CALL_CHARS:
        return False
    if text.isascii():
        return _CALL_FOLDED.match(text.lower()) is not None
    return _CALL.match(text) is not None


def _stands_alone(call: HtmlElement) -> bool:
    """Whether no running text comes before the call on its line: its parent's own text
    before it and the tails of its previous siblings are blank, or those siblings are
    calls too ("App Store", "Google Play")."""
    parent = call.getparent()
    if parent is None:
        return False
    prev = call.getprevious()
    while prev is not None:
        if (prev.tail or "").strip():
            return False
        if isinstance(prev.tag, str) and prev.tag in _CALL_TAGS and not _is_call(prev):
            return False
        prev = prev.getprevious()
    return not (parent.text or "").strip()


def _ends_with(box: HtmlElement, call_text: str) -> bool:
    return _norm(box.text_content()).endswith(call_text)


# A call box holds a label and a pitch: a heading and two paragraphs at most. A wrapper
# holding more is a section of the page that ends in a button (a landing page's "Young
# Branding ... Download" on the dev corpus).
MAX_BOX_HEADINGS = 1
# Nor is it a list or a table: a story's list of points may end in an item holding a
# registration banner (for-me-online.de: six bullet points went with it).
_NO_CALL_BOX = frozenset(("body", "html", "article", "main", "ul", "ol", "li", "table",
                          "tbody", "tr", "td", "dl"))
MIN_LABEL_CHARS = 10
MAX_BOX_PARAGRAPHS = 2


def _box_sized(box: HtmlElement) -> bool:
    headings = sum(1 for _ in box.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    paragraphs = sum(1 for p in box.iter("p") if p.text_content().strip())
    return (headings <= MAX_BOX_HEADINGS and paragraphs <= MAX_BOX_PARAGRAPHS
            and box.find(".//h1") is None)


def call_boxes(body: HtmlElement) -> list[HtmlElement]:
    """Per call button standing alone, the widest wrapper (below <body>, `_box_sized`)
    whose text ends with the call and stays within MAX_CALL_BOX_CHARS, when it says
    MIN_LABEL_CHARS more than the button."""
    boxes: list[HtmlElement] = []
    for call in body.iter(*_CALL_TAGS):
        if not _is_call(call) or not _stands_alone(call):
            continue
        text = _norm(call.text_content())
        box = None
        for anc in call.iterancestors():
            if anc is body or anc.tag in _NO_CALL_BOX:
                break
            if (len(_norm(anc.text_content())) > MAX_CALL_BOX_CHARS
                    or not _ends_with(anc, text) or not _box_sized(anc)):
                break
            box = anc
        # a box says more than its button (a label, a pitch); a lone button is left to
        # the line rules: deleting one ("Suscríbete" in a story's <div>) changed which
        # block trafilatura took on a dev page, and a paragraph went
        if (box is not None and box not in boxes
                and len(_norm(box.text_content())) - len(text) >= MIN_LABEL_CHARS):
            boxes.append(box)
    return boxes


# A label naming an AI-made summary: the summary word and the AI beside it, either order.
_SUMMARY_WORDS = (r"summary|zusammenfassung|r[ée]sum[ée]|resumen|resumo|riassunto|sintesi"
                  r"|podsumowanie|streszczenie")
_AI_WORDS = (r"ai|a\.i\.|ki|ia|k\.i\.|artificial intelligence|künstliche[rn]? intelligenz"
             r"|intelligence artificielle|inteligencia artificial|intelig[eê]ncia artificial"
             r"|intelligenza artificiale|sztuczn\w+ inteligencj\w+")
# Only a participle, a preposition and an article may stand between the two words: "the
# summary of the AI Act" is a story's heading, "Summary by AI" a label.
_AI_SUMMARY_LABEL = re.compile(
    rf"(?:^|\W)(?:(?:{_AI_WORDS})[\s-]+(?:generated\s+)?(?:{_SUMMARY_WORDS})"
    rf"|(?:{_SUMMARY_WORDS})\s*(?:\(|[-–:]\s*)?"
    r"(?:(?:generated|erstellt|generiert|généré|generado|gerado|generato|generata"
    r"|wygenerowane|automatique|automática|automatica)\s+)?"
    r"(?:(?:by|with|mit|von|durch|par|por|con|com|da|dall['’]|dalla|przez|de)\s*)?"
    r"(?:(?:une|einer|la|l['’]|the)\s*)?"
    rf"(?:{_AI_WORDS})\)?)(?:\W|$)",
    re.IGNORECASE,
)
MAX_AI_LABEL_WORDS = 8
_LABEL_TAGS = ("h2", "h3", "h4", "h5", "summary", "p", "div", "span", "strong", "b")
# An AI summary is a few bullet points: a box holding more is not the summary alone.
MAX_AI_BOX_CHARS = 1500


def is_ai_summary_label(text: str) -> bool:
    """Whether a short line labels an AI-made summary ("KI-Zusammenfassung")."""
    text = _norm(text)
    return (0 < len(text.split()) <= MAX_AI_LABEL_WORDS
            and _AI_SUMMARY_LABEL.search(text) is not None)


_HAS_SUMMARY_WORD = re.compile(rf"(?i:{_SUMMARY_WORDS})")
_HAS_SUMMARY_WORD_FOLDED = re.compile(_SUMMARY_WORDS)  # for ASCII lowercased (_CALL_FOLDED)


def _has_summary_word(text: str) -> bool:
    if text.isascii():
        return _HAS_SUMMARY_WORD_FOLDED.search(text.lower()) is not None
    return _HAS_SUMMARY_WORD.search(text) is not None


# A summary box's label when no AI is named: the whole label is one of these ("Key
# points", "At a glance", "Das Wichtigste in Kürze"), and the box it opens holds a list
# (the points). A heading "Summary" over a story's paragraphs opens no list box; a story's
# own list under a subheading sits in the story's container, which the size bounds keep.
_SUMMARY_LABELS = frozenset((
    "key points", "key takeaways", "key facts", "takeaways", "at a glance", "summary",
    "in brief", "in short", "the short version", "tl;dr", "what you need to know",
    "das wichtigste in kürze", "das wichtigste", "auf einen blick", "kurz gesagt",
    "zusammenfassung", "en bref", "l'essentiel", "l’essentiel", "résumé", "en resumen",
    "claves", "lo esencial", "em resumo", "pontos-chave", "in sintesi", "in breve",
    "w skrócie", "najważniejsze"))


def _plain_summary_label(own: str) -> bool:
    return own.strip().rstrip(":").strip().lower() in _SUMMARY_LABELS


def ai_summary_boxes(body: HtmlElement) -> list[HtmlElement]:
    """The boxes that open with an AI-summary label: the label's parent when nothing
    with text comes before the label in it (a <details> and its <summary>, a <div> and
    its heading), within MAX_AI_BOX_CHARS; and the boxes that open with a plain summary
    label (`_SUMMARY_LABELS`) and hold a list of points. A label is found from its
    element's own first text run (reading every candidate's whole text cost ~5 ms a
    page)."""
    boxes: list[HtmlElement] = []
    for label in body.iter(*_LABEL_TAGS):
        own = label.text
        if not own or len(own) > 120 or len(label) > 2:
            continue
        # (short labels are tested against the set first: an exact lookup)
        plain = len(own) <= 30 and len(label) == 0 and _plain_summary_label(own)
        if not plain and (not _has_summary_word(own)
                          or not is_ai_summary_label(label.text_content())):
            continue
        box = label.getparent()
        while box is not None and box.tag in ("strong", "b", "p", "span") and (
                _norm(box.text_content()) == _norm(label.text_content())):
            label, box = box, box.getparent()
        if box is None or box is body or box.tag in ("body", "html", "article", "main"):
            continue
        if (box.text or "").strip() or any(
                isinstance(e.tag, str) and e.text_content().strip()
                for e in label.itersiblings(preceding=True)):
            continue
        if plain and next(box.iter("ul", "ol"), None) is None:
            continue
        if len(_norm(box.text_content())) <= MAX_AI_BOX_CHARS and box not in boxes:
            boxes.append(box)
    return boxes


# A picture credit closing a caption: a label, then a name of one to four capitalised
# words and maybe an agency after a slash ("(Fot. Anna Berger)", "Crédito: Anna Berger",
# "Foto di Anna Berger", "© Anna Berger / Reuters") or after "via"/"for" ("Image: Anna
# Berger via Getty Images", "Photo: Anna Berger for The Times").
_CREDIT_LABELS = (r"photo|photograph|picture|image|credit|foto|fot\.|bild|quelle|crédit"
                  r"|crédit photo|crédito|créditos|imagen|fotografía|fotografia|foto di"
                  r"|zdjęcie|©|copyright|photo credit")
_CREDIT_END = re.compile(
    rf"(?:^|[\s(\[])(?i:{_CREDIT_LABELS})\s*[:.]?\s*"
    r"[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w.'’-]*(?:\s+[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w.'’-]*){0,3}"
    r"(?:\s*[/,]\s*[\w.&' -]{1,30}|\s+(?:via|for)\s+[A-Z][\w.&' -]{1,30})?[)\]]?\s*$"
    # a photographer and the paper without a label ("… Anna Berger/The Star")
    r"|\s[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*(?:The\s+)?[A-Z][\w.&'’-]*"
    r"(?:\s+[A-Z][\w.&'’-]*){0,3}\)?\s*$")
MAX_CAPTION_WORDS = 40


def _only_a_picture(elem: HtmlElement) -> bool:
    # (the cheap tests first: the parent of most pictures is the story's whole body)
    return (len(elem) <= 3 and not (elem.text or "").strip() and not _norm(elem.text_content())
            and next(elem.iter("img", "picture"), None) is not None)


def credited_captions(body: HtmlElement) -> list[HtmlElement]:
    """The paragraphs right after a picture that end with a credit and say at most
    MAX_CAPTION_WORDS words: the <img>/<picture>'s next sibling, or the next sibling of
    the wrapper that holds only the picture (a <p>, a link)."""
    found = []
    for img in body.iter("img"):
        pic = img
        parent = img.getparent()
        while parent is not None and parent.tag in ("picture", "a", "p", "span", "div") and (
                _only_a_picture(parent)):
            pic, parent = parent, parent.getparent()
        if (pic.tail or "").strip():
            continue
        para = pic.getnext()
        while para is not None and not isinstance(para.tag, str):
            para = para.getnext()
        if para is None or para.tag not in ("p", "div", "span") or para in found:
            continue
        text = _norm(para.text_content())
        if (text and len(text.split()) <= MAX_CAPTION_WORDS
                and _CREDIT_END.search(text) is not None):
            found.append(para)
    return found


# A heading that opens an appeal to the reader, not a story's section ("Before you go",
# "Support independent local news"): the whole heading is one of these. Its box (the
# heading's parent, opened by it) goes when it is an appeal's size: the pitch in a
# paragraph or two (`_box_sized`) within MAX_CALL_BOX_CHARS.
_APPEAL_LABELS = frozenset((
    "before you go", "before you go…", "before you go...", "one more thing before you go",
    "support our journalism", "support independent journalism", "support local journalism",
    "support local news", "support independent local news", "a message to our readers",
    "a note to our readers", "dear reader", "dear readers", "thanks for reading",
    "thank you for reading", "bevor sie gehen", "unterstützen sie unseren journalismus",
    "avant de partir", "antes de irte", "antes de ir"))


def appeal_boxes(body: HtmlElement) -> list[HtmlElement]:
    """The boxes an `_APPEAL_LABELS` heading opens (nothing with text before it)."""
    boxes: list[HtmlElement] = []
    for head in body.iter("h2", "h3", "h4"):
        own = head.text
        if (not own or len(own) > 40 or len(head) > 1
                or _norm(head.text_content()).rstrip(":!").lower() not in _APPEAL_LABELS):
            continue
        box = head.getparent()
        if (box is None or box is body or box.tag in _NO_CALL_BOX
                or (box.text or "").strip() or head.getprevious() is not None):
            continue
        if len(_norm(box.text_content())) <= MAX_CALL_BOX_CHARS and _box_sized(box):
            boxes.append(box)
    return boxes


# What a page may mark complementary that is no aside (a template's mistake): left.
_NO_ASIDE = frozenset(("body", "html", "article", "main"))


def prune_callouts(tree: HtmlElement, complementary: Iterable[HtmlElement] = ()) -> int:
    """Delete call boxes, AI and plain summaries, credited captions and appeal boxes from
    `tree` in place (their
    tail text stays), and the `complementary` regions (`role="complementary"`, which
    ARIA defines as <aside>: a rail of recommended stories, a sidebar; trafilatura drops
    <aside> by its tag and read such a <div> as the story's text), unless one holds more
    than MAX_BOX_SHARE of the page's text; how many."""
    body = tree.find("body")
    if body is None:
        return 0
    found = (call_boxes(body) + ai_summary_boxes(body) + credited_captions(body)
             + appeal_boxes(body)
             + [e for e in complementary if e.tag not in _NO_ASIDE])
    if not found:
        return 0
    page_chars = len(body.text_content())
    deleted: set[HtmlElement] = set()
    for elem in found:
        if elem in deleted or any(a in deleted for a in elem.iterancestors()):
            continue
        if len(elem.text_content()) > MAX_BOX_SHARE * page_chars:
            continue
        delete_element(elem)
        deleted.add(elem)
    return len(deleted)
