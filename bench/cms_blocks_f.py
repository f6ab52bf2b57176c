"""`bench_text_templates.py --cms F`: the templates of the dev corpus's SMALL sites, not
newsrooms: German-speaking and English WordPress blog themes, TYPO3 sites, page builders
(Jimdo, Wix, Squarespace), associations and NGOs, government and university pages, company
newsrooms and shop magazines, forum threads. Written from knowledge of those themes' markup
(nothing downloaded, no benchmark's gold read), fixed in code before any result was seen;
measured once held out, then tuned on.

Bodies: dev bodies in German (~540) and English (the rest of `lang_of`'s "en"), the English
ones first up to a third of the pages; furniture sentences and teasers come from OTHER
bodies of the same language.

Sites (SITES_F: language(s), body markup, furniture inside / after the body):

  wp_astra    Astra/GeneratePress `entry-content`: figure `wp-caption-text` "Bild: X",
              Jetpack "Teilen mit:" / "Share this:" + "Gefällt mir" / "Like this:", "Ähnliche
              Beiträge" / "Related" (jp-relatedposts), "Kategorien:" / "Schlagwörter:" line,
              "Beitragsnavigation" with "Vorheriger Beitrag" / "Nächster Beitrag", "X Kommentare",
              "Kommentar verfassen" / "Leave a Reply" form text.
  wp_ocean    OceanWP/Divi: `et_pb_text_inner` blocks, author box "Über den Autor" / "About the
              author" with a bio, tag cloud, cookie notice inside content.
  elementor   Elementor sections: body split over `elementor-widget-text-editor` siblings,
              "Das könnte Sie auch interessieren" posts widget, share buttons.
  typo3       `ce-bodytext` / `frame-type-textmedia` elements, caption "Bild: X / Quelle: Y",
              "news-backlink" "Zurück zur Übersicht", "Drucken", "Seite teilen".
  builder     Jimdo/Wix/Squarespace: text in sibling `j-module` / `sqs-block` blocks,
              "Nach oben", footer line "Impressum | Datenschutz | Kontakt" in a content block.
  verein      association/NGO: "Jetzt spenden" box, "Mitglied werden" box, contact box with
              address/phone/e-mail, download "PDF (245 KB)", "Das könnte Sie auch interessieren".
  amt         government/university: "Sie sind hier:" breadcrumb inside main, "Stand: …",
              "Seite drucken", "Kontakt" sidebar, "Zum Seitenanfang", "Leichte Sprache" /
              "Gebärdensprache" links.
  presse      company newsroom / shop magazine: "Pressekontakt:" block, company boilerplate
              "Über <Firma>" closing the release, "Weitere Informationen:" links, product box.
  forum       forum thread: the first post is the body; signature, "Antworten" / "Zitieren"
              buttons, "Registriert seit", the replies' teasers below.

Truth decisions (as the dev gold marks them: it lists "Kontakt: Ansprechpartnerin …",
"Weitere Informationen:", "Mitglied werden", "Über uns" as must-not-contain):
- Captions ("Bild: … / Quelle: …", `wp-caption-text`), share / like bars, related-posts
  widgets, categories and tags, post navigation, comment counters and forms, author boxes,
  cookie notices, back links, print / share links, breadcrumbs, "Stand:" lines, contact
  boxes and sidebars, donation and membership boxes, downloads, footer link lines, "Nach
  oben" / "Zum Seitenanfang": furniture.
- Press releases: "Pressekontakt:" blocks and the company boilerplate ("Über die X GmbH: Die
  X GmbH ist …") closing the release are furniture (the dev gold marks the contact and
  "Über uns" as must-not; a boilerplate is the same text on every release of the firm).
- Forum: the first post is the body; signatures, user info, buttons and replies: furniture.
- An author's closing note or update ("Update: …") is body (30 % of pages, STORY_NOTES_F).
- NEAR_MISSES_F: story paragraphs opening with these furniture's words ("Kontakt",
  "Drucken", "Teilen", "Impressum", "Mitglied werden", "Stand", a sentence mentioning
  "Datenschutz"), put into 40 % of bodies: body, in the truth.
"""

from __future__ import annotations

import random

from cms_blocks_d import _esc, _n
from cms_blocks_e import _line, _links, lang_of
from cms_page import insert_inside, nav_bar, placer, story_paras, with_one_of

__all__ = ["STORY_NOTES_F", "lang_of", "render_cms_f", "with_near_miss_f", "SITES_F"]

STORY_NOTES_F = {
    "de": ("Update: Inzwischen hat uns die Gemeinde mitgeteilt, dass der Termin auf den "
           "kommenden Herbst verschoben wurde.",
           "Nachtrag vom 12. Mai: Die Veranstaltung ist ausgebucht, eine Warteliste gibt es "
           "beim Vorstand des Vereins."),
    "en": ("Update: The council has since told us that the meeting was moved to the autumn.",
           "Edit, May 12: the event is fully booked; the club keeps a waiting list."),
}

NEAR_MISSES_F = {
    "de": ("Kontakt zu den Behörden hatte die Familie nach eigenen Angaben erst aufgenommen, "
           "als das Wasser bereits im Keller stand.",
           "Drucken lassen wollte die Schule die Zeugnisse eigentlich schon im Juni, doch der "
           "Dienstleister meldete Lieferprobleme beim Papier.",
           "Teilen können sich die Nachbarn den Garten seit dem Frühjahr, nachdem der Verein "
           "die Pacht für weitere zehn Jahre verlängert hat.",
           "Impressum und Kontaktdaten fehlten auf der Seite des Händlers völlig, kritisierte "
           "die Verbraucherzentrale in ihrer Abmahnung.",
           "Beim Datenschutz sehen die Eltern dagegen keine Probleme, weil die Fotos nur im "
           "internen Bereich der Schule gezeigt werden.",
           "Mitglied werden können alle Einwohner ab 16 Jahren, sagte die Vorsitzende, der "
           "Jahresbeitrag liegt weiterhin bei zwölf Euro.",
           "Stand heute fehlen dem Projekt noch rund 40.000 Euro, die der Förderverein bis "
           "zum Jahresende sammeln will."),
    "en": ("Contact with the council was first made in March, when residents noticed the "
           "cracks in the bridge railings.",
           "Print runs of the magazine have fallen by half since 2019, the publisher said in "
           "its annual report.",
           "Share prices of the supplier rose sharply after the announcement on Monday.",
           "Privacy campaigners said the new cameras breach data protection rules, and the "
           "club agreed to switch them off."),
}

_L = {  # each label in each language
    "caption": ("Bild", "Image"), "source": ("Quelle", "Source"),
    "share": ("Teilen mit:", "Share this:"), "like": ("Gefällt mir:", "Like this:"),
    "liked": ("Gefällt mir Wird geladen …", "Like Loading..."),
    "related": ("Ähnliche Beiträge", "Related"),
    "cats": ("Kategorien:", "Categories:"), "tags": ("Schlagwörter:", "Tags:"),
    "postnav": ("Beitragsnavigation", "Post navigation"),
    "prev": ("Vorheriger Beitrag", "Previous Post"), "next": ("Nächster Beitrag", "Next Post"),
    "comments": ("Kommentare", "Comments"),
    "reply": ("Kommentar verfassen", "Leave a Reply"),
    "reply_note": ("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind "
                   "mit * markiert.", "Your email address will not be published. Required "
                   "fields are marked *"),
    "about": ("Über den Autor", "About the author"),
    "cookie": ("Diese Website verwendet Cookies, um Ihnen das beste Nutzererlebnis zu bieten. "
               "Wenn Sie weiter surfen, stimmen Sie der Verwendung zu.",
               "This website uses cookies to improve your experience. We'll assume you're ok "
               "with this, but you can opt-out if you wish."),
    "interest": ("Das könnte Sie auch interessieren", "You may also like"),
    "back": ("Zurück zur Übersicht", "Back to overview"),
    "print": ("Drucken", "Print"), "sharepage": ("Seite teilen", "Share page"),
    "top": ("Nach oben", "Back to top"),
    "footer": ("Impressum | Datenschutz | Kontakt", "Imprint | Privacy Policy | Contact"),
    "donate": ("Jetzt spenden", "Donate now"),
    "donate_s": ("Mit Ihrer Spende helfen Sie uns, diese Arbeit auch im kommenden Jahr "
                 "fortzusetzen.", "Your donation helps us continue this work next year."),
    "member": ("Mitglied werden", "Become a member"),
    "member_s": ("Werden Sie Teil unserer Gemeinschaft und unterstützen Sie unsere Ziele mit "
                 "Ihrer Mitgliedschaft.", "Join our community and support our goals with "
                 "your membership."),
    "contact": ("Kontakt", "Contact"), "download": ("Downloads", "Downloads"),
    "here": ("Sie sind hier:", "You are here:"), "home": ("Startseite", "Home"),
    "stand": ("Stand:", "Last updated:"), "pageprint": ("Seite drucken", "Print page"),
    "pagetop": ("Zum Seitenanfang", "To the top"),
    "easy": ("Leichte Sprache", "Easy Read"), "sign": ("Gebärdensprache", "Sign language"),
    "presscontact": ("Pressekontakt:", "Press contact:"),
    "moreinfo": ("Weitere Informationen:", "More information:"),
    "reply_btn": ("Antworten", "Reply"), "quote_btn": ("Zitieren", "Quote"),
    "since": ("Registriert seit", "Joined"), "posts": ("Beiträge", "Posts"),
}
CITY = ("12345 Musterstadt", "Springfield, IL 62701")
BOILER = ("Über die {firm}: Die {firm} ist ein mittelständisches Familienunternehmen mit "
          "Sitz in Musterstadt und beschäftigt rund 450 Mitarbeiterinnen und Mitarbeiter an "
          "sechs Standorten in Deutschland, Österreich und der Schweiz.",
          "About {firm}: {firm} is a family-owned company headquartered in Springfield with "
          "around 450 employees at six locations across North America and Europe.")
FIRMS = ("Müller Haustechnik GmbH", "Brandt & Söhne AG", "Nordlicht Solar GmbH",
         "Keller Outdoor GmbH")


def f_block(kind: str, f) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind."""
    r = f.rnd
    i = 0 if f.lang == "de" else 1

    def L(k: str) -> str:
        return _L[k][i]

    nm = f.name()
    if kind == "wp_caption":
        s = f.sentence()
        return (f'<figure id="attachment_{_n(r)}" class="wp-caption aligncenter"><img src='
                f'"/wp-content/uploads/2021/05/img{_n(r)}.jpg" alt=""><figcaption class="wp-'
                f'caption-text">{_esc(s)} {L("caption")}: {_esc(nm)}</figcaption></figure>', [s])
    if kind == "wp_caption_p":
        s = f.sentence()
        return (f'<p><img class="size-large" src="/wp-content/uploads/p{_n(r)}.jpg" alt=""></p>'
                f'<p class="has-small-font-size"><em>{_esc(s)} ({L("caption")}: {_esc(nm)})'
                '</em></p>', [s])
    if kind == "jp_share":
        return (f'<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-'
                f'block sd-social"><h3 class="sd-title">{L("share")}</h3><ul><li><a href="#"'
                '>Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">E-Mail</a>'
                f'</li></ul></div></div><div class="sharedaddy sd-block sd-like"><h3 class="sd-'
                f'title">{L("like")}</h3><span>{L("liked")}</span></div>', [])
    if kind == "jp_related":
        items = [f.teaser() for _ in range(3)]
        cells = "".join(f'<div class="jp-relatedposts-post"><h4><a href="/20{r.randint(15, 22)}'
                        f'/{_n(r)}/">{_esc(t)}</a></h4><p>{r.randint(1, 28)}. März 2021</p>'
                        '</div>' for t in items)
        return (f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-'
                f'headline"><em>{L("related")}</em></h3>{cells}</div>', items)
    if kind == "wp_meta":
        tags = ", ".join(f.teaser().split()[:1][0] for _ in range(3))
        return (f'<footer class="entry-meta"><span class="cat-links">{L("cats")} <a href="/'
                f'category/x/">Allgemein</a></span> <span class="tags-links">{L("tags")} {tags}'
                '</span></footer>', [])
    if kind == "wp_postnav":
        a, b = f.teaser(), f.teaser()
        return (f'<nav class="navigation post-navigation"><h2 class="screen-reader-text">'
                f'{L("postnav")}</h2><div class="nav-links"><div class="nav-previous"><a href="/'
                f'p/{_n(r)}/"><span class="meta-nav">{L("prev")}</span> {_esc(a)}</a></div><div '
                f'class="nav-next"><a href="/p/{_n(r)}/"><span class="meta-nav">{L("next")}</span>'
                f' {_esc(b)}</a></div></div></nav>', [a, b])
    if kind == "wp_comments":
        k = r.randint(2, 40)
        s = f.sentence()
        return (f'<div id="comments" class="comments-area"><h2 class="comments-title">{k} '
                f'{L("comments")}</h2><ol class="comment-list"><li class="comment"><div '
                f'class="comment-author vcard"><b class="fn">{_esc(nm)}</b></div><div class="'
                f'comment-content"><p>{_esc(s)}</p></div></li></ol><div id="respond" class="'
                f'comment-respond"><h3 class="comment-reply-title">{L("reply")}</h3><form><p '
                f'class="comment-notes">{L("reply_note")}</p><textarea></textarea></form></div>'
                '</div>', [s, L("reply_note")])
    if kind == "author_box":
        s = f"{f.author} {f.sentence()}"
        return (f'<div class="author-box"><img src="/avatar/{_n(r)}.png" alt=""><div class="'
                f'author-box-content"><h4>{L("about")}</h4><p>{_esc(s)}</p></div></div>', [s])
    if kind == "tag_cloud":
        words = [w.strip(".,;:") for w in f.sentence().split()[:8]]
        return ('<div class="tagcloud">' + "".join(f'<a href="/tag/{w.lower()}/" class="tag-'
                f'cloud-link" style="font-size:{r.randint(8, 22)}pt">{_esc(w)}</a>' for w in words)
                + "</div>", [])
    if kind == "cookie":
        return (f'<div class="cookie-notice-container"><p>{L("cookie")}</p><a href="#">OK</a>'
                '</div>', [L("cookie")])
    if kind == "interest":
        lis, items = _links(f, r.randint(2, 4), "blog")
        return (f'<div class="elementor-widget-posts"><h3>{L("interest")}</h3><ul>{lis}</ul>'
                '</div>', items)
    if kind == "share_buttons":
        return ('<div class="elementor-share-buttons"><a href="#">Facebook</a><a href="#">'
                'WhatsApp</a><a href="#">LinkedIn</a></div>', [])
    if kind == "typo3_caption":
        s = f.sentence()
        return (f'<div class="ce-gallery"><figure class="image"><img src="/fileadmin/_processed'
                f'_/{_n(r)}.jpg" alt=""><figcaption class="image-caption">{_esc(s)} '
                f'{L("caption")}: {_esc(nm)} / {L("source")}: Stadtarchiv</figcaption></figure>'
                '</div>', [s])
    if kind == "typo3_back":
        return (f'<div class="news-backlink-wrap"><a href="/aktuelles/">{L("back")}</a></div>',
                [])
    if kind == "typo3_tools":
        return (f'<ul class="page-tools"><li><a href="javascript:window.print()">{L("print")}'
                f'</a></li><li><a href="#share">{L("sharepage")}</a></li></ul>', [])
    if kind == "to_top":
        return f'<p class="back-to-top"><a href="#top">{L("top")}</a></p>', []
    if kind == "footer_line":
        return _line(L("footer"), "j-text")
    if kind == "donate":
        return (f'<div class="donation-box"><h3>{L("donate")}</h3><p>{L("donate_s")}</p><a '
                f'class="button" href="/spenden/">{L("donate")}</a></div>', [L("donate_s")])
    if kind == "member":
        return (f'<div class="cta-box"><h3>{L("member")}</h3><p>{L("member_s")}</p><a href="/'
                f'mitglied/">{L("member")}</a></div>', [L("member_s")])
    if kind == "contact_box":
        street = f"Hauptstraße {r.randint(1, 90)}" if i == 0 else f"{r.randint(1, 900)} Main St"
        phone = f"Tel.: 0{r.randint(200, 999)} {r.randint(10000, 99999)}-0"
        return (f'<div class="contact-box"><h3>{L("contact")}</h3><p>{_esc(nm)}<br>{street}<br>'
                f'{CITY[i]}<br>{phone}<br>E-Mail: <a href="mailto:info@example.org">info@'
                'example.org</a></p></div>', [f"{street} {CITY[i]}"])
    if kind == "download":
        t = f.teaser()
        return (f'<div class="downloads"><h4>{L("download")}</h4><ul><li><a href="/fileadmin/'
                f'{_n(r)}.pdf">{_esc(t)}</a> PDF ({r.randint(80, 900)} KB)</li></ul></div>', [t])
    if kind == "breadcrumb":
        t = f.teaser()
        return (f'<nav class="breadcrumb"><span>{L("here")}</span> <a href="/">{L("home")}</a> '
                f'&gt; <a href="/themen/">Themen</a> &gt; <span>{_esc(t)}</span></nav>', [t])
    if kind == "stand":
        return _line(f"{L('stand')} {r.randint(1, 28)}.{r.randint(1, 12)}.2022", "stand")
    if kind == "amt_tools":
        return (f'<div class="service-links"><a href="#" onclick="print()">{L("pageprint")}</a>'
                f' <a href="#top">{L("pagetop")}</a></div>', [])
    if kind == "a11y":
        return (f'<ul class="a11y-links"><li><a href="/leichte-sprache/">{L("easy")}</a></li><li>'
                f'<a href="/gebaerdensprache/">{L("sign")}</a></li></ul>', [])
    if kind == "amt_contact":
        phone = f"Telefon: 0{r.randint(200, 999)} {r.randint(1000, 9999)}-{r.randint(10, 99)}"
        return (f'<aside class="sidebar-contact"><h2>{L("contact")}</h2><p>{_esc(nm)}<br>'
                f'Referat Öffentlichkeitsarbeit<br>{phone}</p></aside>',
                [f"{nm} Referat Öffentlichkeitsarbeit"])
    if kind == "presscontact":
        firm = f.firm
        return (f'<p><strong>{L("presscontact")}</strong><br>{_esc(firm)}<br>{_esc(nm)}<br>'
                f'Tel.: +49 {r.randint(30, 899)} {r.randint(100000, 999999)}<br>E-Mail: presse@'
                'example.com</p>', [f"{firm} {nm}"])
    if kind == "boilerplate":
        s = BOILER[i].format(firm=f.firm)
        return f"<p><strong>{_esc(s.split(':')[0])}:</strong>{_esc(s.split(':', 1)[1])}</p>", [s]
    if kind == "moreinfo":
        t = f.teaser()
        return (f'<p>{L("moreinfo")} <a href="https://www.example.com/{_n(r)}">{_esc(t)}</a></p>',
                [t])
    if kind == "product":
        t = f.teaser()
        return (f'<div class="product-teaser"><a href="/shop/p{_n(r)}"><h4>{_esc(t)}</h4><span '
                f'class="price">{r.randint(9, 199)},99 €</span></a><button>In den Warenkorb'
                '</button></div>', [t])
    if kind == "forum_sig":
        s = f.sentence()
        return f'<div class="signature">{_esc(s)}</div>', [s]
    if kind == "forum_user":
        return (f'<dl class="postprofile"><dt><a href="/member/{_n(r)}">{_esc(nm)}</a></dt><dd>'
                f'{L("since")}: {r.randint(1, 28)}.{r.randint(1, 12)}.2012</dd><dd>{L("posts")}: '
                f'{r.randint(5, 9000)}</dd></dl>', [])
    if kind == "forum_buttons":
        return (f'<ul class="post-buttons"><li><a href="#">{L("reply_btn")}</a></li><li><a href='
                f'"#">{L("quote_btn")}</a></li></ul>', [])
    if kind == "forum_reply":
        s = f.sentence()
        return (f'<div class="post reply"><div class="author">{_esc(f.name())}</div><div class='
                f'"content">{_esc(s)}</div></div>', [s])
    raise ValueError(kind)


# site: (body markup, whether the body is split into sibling blocks, inside, after)
SITES_F = {
    "wp_astra": ('<div class="entry-content clear" itemprop="text">', False,
                 ("wp_caption", "wp_caption_p"),
                 ("jp_share", "jp_related", "wp_meta", "wp_postnav", "wp_comments")),
    "wp_ocean": ('<div class="et_pb_text_inner">', False, ("wp_caption", "cookie"),
                 ("author_box", "tag_cloud", "wp_meta", "wp_comments")),
    "elementor": ('<div class="elementor-widget-container">', True, ("wp_caption",),
                  ("interest", "share_buttons", "author_box")),
    "typo3": ('<div class="ce-bodytext">', True, ("typo3_caption",),
              ("typo3_back", "typo3_tools", "download")),
    "builder": ('<div class="j-module n j-text">', True, ("wp_caption_p",),
                ("to_top", "footer_line", "contact_box")),
    "verein": ('<div class="content-main">', False, ("typo3_caption", "donate"),
               ("member", "contact_box", "download", "interest")),
    "amt": ('<div class="main-content">', False, ("breadcrumb", "typo3_caption"),
            ("stand", "amt_tools", "a11y", "amt_contact")),
    "presse": ('<div class="press-release-body">', False, ("wp_caption",),
               ("boilerplate", "presscontact", "moreinfo", "product")),
    "forum": ('<div class="postbody"><div class="content">', False, (),
              ("forum_sig", "forum_user", "forum_buttons", "forum_reply")),
}
FOOT = ("Impressum Datenschutz Kontakt © 2022", "Imprint Privacy Contact © 2022")


def _page(lang: str, title: str, author: str, body: str) -> str:
    t, a = _esc(title), _esc(author)
    home = "Startseite" if lang == "de" else "Home"
    nav = nav_bar("site-header", (("/", home), ("/blog/", "Blog"), ("/ueber/", "Über uns")),
                  ' class="main-navigation"')
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset='utf-8'><title>{t}"
            f"</title></head><body>{nav}<main id=\"main\" class=\"site-main\"><article class="
            f'"post type-post"><header class="entry-header"><h1 class="entry-title">{t}</h1><div'
            f' class="entry-meta"><span class="byline"><a href="/author/x/">{a}</a></span> '
            f'<time datetime="2021-03-04">04.03.2021</time></div></header>{body}</article></main>'
            f'<footer class="site-footer"><p>{FOOT[lang != "de"]}</p></footer></body></html>')


def render_cms_f(paras: list[str], headline: str, f, note: str | None, lang: str
                 ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of a family-F site of `lang`: the HTML and its furniture blocks."""
    r = f.rnd
    site = r.choice(sorted(SITES_F))
    box, split, inside, after = SITES_F[site]
    f.author, f.lang, f.firm = f.name(), lang, r.choice(FIRMS)
    placed: list[tuple[str, list[str]]] = []
    add = placer(site, f_block, f, placed)
    tag = box[1:box.index(" ")]
    closes = f"</{tag}>" * box.count("<")
    if split:  # page builders: each paragraph its own widget, siblings in one section
        wrap = [f"{box}<p>{_esc(p)}</p>{closes}" for p in paras]
        if note:
            wrap.append(f"{box}<p>{_esc(note)}</p>{closes}")
    else:
        wrap = story_paras(paras, note)
    insert_inside(wrap, r, inside, len(paras), add, 1, 3)
    for kind in r.sample(after, min(len(after), r.randint(2, 4))):
        wrap.append(add(kind))  # the themes put these inside the content container
    body = "".join(wrap) if split else f"{box}{''.join(wrap)}{closes}"
    if split:
        body = f'<div class="elementor-section">{body}</div>'
    return _page(lang, headline, f.author, body), placed


def with_near_miss_f(paras: list[str], lang: str, r: random.Random) -> list[str]:
    """40 % of bodies get one NEAR_MISSES_F paragraph of their language (never first)."""
    return with_one_of(paras, r, NEAR_MISSES_F[lang])
