"""Line-level boilerplate removal: what extractors let through.

trafilatura keeps the main content block, but that block often carries lines that belong to
the page furniture: "Read more: <other article>", newsletter and subscription calls, share
buttons, photo credits, copyright notices, cookie text, a byline repeated in the body, and
"related articles" lists under a heading such as "Auch interessant". These rules drop such
lines. Each rule is general (a cue word in the main news languages plus a length limit),
never a site-specific selector, because unseen sites matter more than the dev corpus.

Why short-line limits everywhere: a cue word inside a long paragraph ("the newsletter
reported that...") is prose; the same word in a 6-word line is a button or a teaser. Every
rule below only fires on a line short enough to be furniture.

Input: text with one block (paragraph, heading, list item) per line, as trafilatura's txt
output. Output: the kept blocks joined by a blank line (the warehouse's paragraph format).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tasks.clean.notes import classify_note

# "Read also"-style cues that introduce a link to another article. Matched at the start of a
# line, case-insensitively. Multilingual: de, en, es, fr, it, pl, pt, nl (the languages of
# the news we ingest most); extending the list is cheap and safe since the cue must start
# a short line.
_RELATED_CUES = [
    # en
    r"read more", r"read also", r"also read", r"read next", r"see also", r"related(?: articles?"
    r"| stories| content| posts?| coverage| reading| news)?", r"more on this(?: story| topic)?",
    r"more from [\w .'-]{1,40}", r"more (?:[\w'’-]+ ){0,3}stories",
    r"recommended(?: for you| reading)?",
    r"you (?:may|might) also (?:like|be interested in)", r"don'?t miss", r"further reading",
    r"continue reading", r"click here",
    # de
    r"lesen sie (?:auch|mehr|hier|weiter)", r"auch interessant", r"ebenfalls interessant",
    r"mehr zum thema", r"mehr themen", r"schon gelesen", r"siehe auch",
    r"das (?:könnte|dürfte) (?:dich|sie) auch interessieren", r"passend zum thema",
    r"weitere (?:themen|artikel|beiträge|nachrichten|meldungen|news|aktuelle themen)",
    r"weiterlesen", r"zum weiterlesen", r"empfohlene beiträge", r"ähnliche (?:artikel|beiträge)",
    r"lust auf mehr", r"jetzt lesen", r"auch lesen", r"lies auch", r"mehr lesen",
    r"(?:das|dieses) thema (?:könnte|dürfte) (?:dich|sie) auch interessieren",
    r"auch auf [\w-]+\.[a-z]{2,4}",
    r"(?:zugehörige|verwandte) themen(?:seiten)?",  # the topic pages linked under a story
    # "further information" headings before a list of links (press releases, institutes)
    r"weitere (?:infos?|informationen)", r"zusatzinformationen", r"originalpublikation(?:en)?",
    r"weitere artikel zum thema", r"top-themen", r"entdecke (?:weitere|mehr)",
    r"more information", r"further information", r"discover more",
    # es / pt
    r"lea (?:también|más|además)", r"lee (?:también|más)", r"le puede interesar",
    r"te puede interesar", r"puede interesarte", r"puedes ver", r"vea (?:también|además)",
    r"ver (?:también|más)", r"notas? relacionadas?", r"contenido relacionado",
    r"noticias relacionadas", r"leia (?:também|mais)", r"veja (?:também|mais)",
    r"saiba mais",
    # fr / it / nl
    r"(?:à )?lire aussi", r"(?:à )?lire également", r"voir aussi", r"à voir aussi",
    r"sur le même (?:sujet|thème)", r"leggi anche", r"potrebbe interessarti", r"lees ook",
    # pl
    r"czytaj (?:też|także|również|więcej)", r"zobacz (?:też|także|również)", r"przeczytaj też",
    r"dowiedz się więcej",
    # fi / sv / no / da / nl
    r"lue (?:myös|lisää|aiheesta(?: lisää)?)", r"läs (?:mer|också|även)", r"les (?:mer|også)",
    r"læs (?:mere|også)", r"lees (?:meer|verder)",
    # "most read / most commented" boxes, and "keep reading" buttons
    r"(?:meist|most)[- ]?(?:gelesene?|kommentierte?|diskutierte?|read|commented)"
    r"(?: artikel| beiträge| stories| articles)?", r"kommentierte artikel",
    r"(?:las|lo) más (?:leíd[ao]s?|vist[ao]s?)", r"lo que se lee ahora",
    r"(?:seguí|sigue|seguir) leyendo",
    # "Sehen Sie auch:" (a teaser link follows)
    r"sehen sie (?:auch|hier|mehr)",
    # the next or previous story's teaser, the forum's latest posts, "more about" a show
    r"(?:vorschau auf den )?nächsten? (?:artikel|beitrag)", r"vorherige[rn]? (?:artikel|beitrag)",
    r"(?:next|previous) (?:article|post|story)", r"up next",
    r"(?:beiträge |neues |mehr )?aus dem forum", r"más sobre",
]
# Teaser-box headings that are ordinary words at the start of a line ("Most popular
# destinations..." is a subheading): only a line that is the heading alone.
_RELATED_EXACT = {
    # Chinese, Japanese, Korean and Arabic pages' own headings of a list of links
    # (fault round 43's known item): "related reading", "related articles", "read also"
    "相关阅读", "相关新闻", "相关链接", "相关报道", "延伸阅读", "推荐阅读", "相關閱讀", "相關新聞",
    "延伸閱讀", "関連記事", "関連ニュース", "あわせて読みたい", "관련기사", "관련 기사",
    "관련뉴스", "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة", "اقرأ المزيد",
    "trending", "trending now", "trending stories", "top stories", "most popular", "popular",
    "latest news", "latest stories", "latest headlines", "latest", "editor's picks",
    "editors' picks", "editors picks", "sponsored content", "sponsored stories", "sponsored links",
    "promoted stories", "promoted content", "promoted links", "around the web", "icymi",
    "you may like", "from the web", "sponsored links by taboola", "full coverage",
    "elsewhere on the bbc", "around the bbc", "most recent",
    "in case you missed it", "in case you missed this earlier", "in case you missed this",
    "what to read next", "what to read next:", "paid content", "paid post", "partner content",
    "from our partners", "more stories like this", "recommended stories", "related video",
    "related videos", "watch more", "popular stories", "top headlines", "most viewed",
    "most shared", "most watched", "most emailed", "more videos", "more video", "top picks",
    "featured stories", "featured articles", "recent posts", "recent articles", "recent stories",
    "empfohlen", "recomendados", "recommandé", "recommandés", "don't miss", "don’t miss",
}
# Cues that are also ordinary words ("Lea" is a name, "mira" a verb): only with a colon.
_WEAK_CUES = [
    r"lea", r"lee", r"mira", r"mire", r"vea", r"relacionad[oa]s?", r"mehr zu(?:m|r)? [\w -]{1,30}",
    r"auch auf [\w.-]{2,40}", r"hier geht es zu[mr]? [\w -]{1,40}", r"more", r"mehr",
]
# A cue followed by ":" or a dash and then a linked title, or the cue alone on its line.
_RELATED_LINE = re.compile(
    r"^\W{0,3}(?:" + "|".join(_RELATED_CUES) + r")\s*(?:[:»›>|\-–—]|\.\.\.|…|\?|!|$)",
    re.IGNORECASE,
)
# The heading form: a cue, a few more words, a colon ending the line ("Lesen Sie auch die
# folgenden Beiträge:", "Weitere Beiträge aus der Kolumne:").
_RELATED_HEADING = re.compile(
    r"^\W{0,3}(?:" + "|".join(_RELATED_CUES) + r")\b[^.!?]{0,60}:\s*$", re.IGNORECASE
)
_RELATED_START = re.compile(r"^\W{0,3}(?:" + "|".join(_RELATED_CUES) + r")\b", re.IGNORECASE)
_WEAK_RELATED_LINE = re.compile(r"^\W{0,3}(?:" + "|".join(_WEAK_CUES) + r")\s*:", re.IGNORECASE)

# An inline teaser: a label, a colon (or a bar: CBC's "WATCH | ...") and another story's
# (or a video's) title ("Read: Two disasters are exponentially worse than one", "WATCH:
# Biden speaks in Iowa"). A title ends without a full stop; a story's sentence after
# "Read:" would have one.
_TEASER_LABEL = re.compile(
    r"^\W{0,2}(?:read|watch|listen|podcast|photos|gallery|slideshow)\s*[:|]\s*\S[^.]*$",
    re.IGNORECASE,
)

# An outlet's heading over its picks ("DW recommends", "Wirecutter recommends", "Die
# Redaktion empfiehlt", "We recommend"): two or three words, the verb last; the pattern
# counts them by their spaces ("Tom's Guide recommends", "U.S. News recommends": a name's
# apostrophe or dots inside a word), so no other word count guards it.
_RECOMMENDS = re.compile(
    r"^\W{0,3}(?:[\w.'’&-]+ ){1,2}(?:recommends?|empfiehlt|empfehlen|recomienda|recommande)"
    r"\W*$", re.IGNORECASE)

# A link to the next part or back to a list ('... weiter zu "die Wortwahl"', "« Zurück zu den
# Veranstaltungen"): a short line behind an arrow or dots, since "Zurück zur Natur" or
# "Back to school" without one is a subheading.
_NAV_LINE = re.compile(
    r"^(?:\.{2,3}|…|«|‹|<{1,2}|←)\s*(?:weiter zu[mr]?|zurück zu[mr]?|continue to|back to)\s",
    re.IGNORECASE,
)
# A promotion set in square brackets between paragraphs, a short label and another
# page's title ("[Our Latest Forecast: Who Will Win The 2020 Democratic Primary?]",
# FiveThirtyEight): no full stop before the bracket closes, so an editor's note in
# brackets ("[Editor's note: This story was updated on May 5.]") stays, and so does a
# note labelled as one without it ("[Update: The council voted on Tuesday]").
_BRACKETED_PROMO = re.compile(
    r"^\[(?!(?i:update|editor|ed\.|note|correction|clarification|disclosure|disclaimer))"
    r"(?:[^\s:\]]+ ){0,3}[^\s:\]]+:\s+[^\]]*[^.!\]\s]\s*\]$")
BRACKETED_PROMO_MAX_WORDS = 20
# A link's label with the arrow it points with ("For further details >", "Jetzt 1000 Euro
# Kredit sichern »", "Jan »"): no sentence ends before the arrow, and no opening guillemet
# comes before it (« Je ne fais pas que voter blanc » is a French quote, not a link).
_ARROW_LABEL = re.compile(r"^[^«‹]*[^.!?\s]\s+(?:>{1,2}|»{1,2}|›|→)$")
ARROW_LABEL_MAX_WORDS = 8
# A membership box ("Werden Sie Mitglied bei <site>"): the invitation opening a short line
# with no question ("Werden Sie Mitglied der Feuerwehr?" asks a reader in a story).
_JOIN = re.compile(
    r"^\W{0,3}(?:werden sie|werde|jetzt) mitglied|^\W{0,3}(?:hazte socio|devenez membre)"
    # a membership box's heading ("Join now or renew to get:", "Join today and get:")
    r"|^\W{0,3}join (?:now|today)\b",
    re.IGNORECASE,
)
# "Weitere Infos unter www.example.de", "More information is available at ...": a pointer
# to another site under the text, not the text.
_MORE_INFO = re.compile(
    r"^\W{0,3}(?:weitere (?:infos?|informationen)|(?:more|further) info(?:rmation)?"
    r"|más información|plus d'informations?|mais informações)\b[^.!?]{0,60}?"
    r"\b(?:unter|auf|bei|at|on|en|sur|em)\b",
    re.IGNORECASE,
)
# ... and the line names a site: "Weitere Informationen gab es auf Nachfrage nicht" is news.
_WEB_POINTER = re.compile(
    r"www\.|https?://|\w\.(?:de|at|ch|com|org|net|eu|pe|es|fr)\b|website|webseite|homepage"
    r"|internetseite|\bsite\b|sitio web",
    re.IGNORECASE,
)

# Calls to action: subscribe, newsletter, follow us, download the app, support us, log in.
_CTA = re.compile(
    r"\b(?:subscrib\w*|newsletter\w*|sign(?:ing)? up|follow (?:us|the [\w ]{1,30}) on"
    r"|download (?:the|our) [\w ]{0,20}apps?|^\W{0,2}get (?:the|our) [\w ]{0,20}apps?\b"
    # the same call after a short label ("Stay informed: get the free WKRN News app")
    r"|^[\w ]{1,20}:\s*get (?:the|our) [\w ]{0,25}apps?\b"
    r"|support (?:us|our journalism)|become a member"
    # a support box's heading naming the outlet ("Support PREMIUM TIMES' journalism of
    # integrity"): at the line's start, so "readers who support local journalism" stays
    r"|^\W{0,3}support [\w .'’-]{0,30}journalism\b"
    r"|log ?in (?:for|to)|already a subscriber|jetzt abonnieren|abonnieren sie|abo\b"
    r"|folgen sie uns|jetzt anmelden|zum newsletter|melden sie sich|unterstütze(?:n sie)? uns"
    r"|suscr[ií]b\w*|s[ií]guenos|únete|hazte miembro|sigue(?:nos)? en"
    r"|abonnez[- ]vous|inscrivez[- ]vous|zapraszamy\W+(?:\w+\W+){0,3}subskryp\w*"
    r"|subskrypcj\w*|assine|inscreva-se|(?:erhalten sie|get|receive) exklusive"
    r"|(?:get|receive) exclusive"
    r"|klick(?:e|t|en sie)? (?:dich|sich|euch) durch|rss[- ]?feeds? abonnieren"
    r"|subscribe to (?:our |the |this )?rss"
    # a link's own label in a short line ("CLICK HERE TO GET THE FOX NEWS APP", "For the
    # full list of winners, click here")
    r"|(?:click|tap) here\b"
    # the app reader's pointer to a video ("If you're on the ABC7 News app, click here")
    r"|if you(?:'|’)re (?:on|using|reading this (?:on|in)) (?:the|our) [\w .'’-]{0,30}app\b"
    r"|delivered (?:straight |directly )?to your inbox|(?:breaking )?news alerts\b"
    r"|^(?:got|have) a (?:confidential |news |story )*(?:tip|story)\b|^we want to hear from you"
    r"|support independent journalism|your email address will not be published)",
    re.IGNORECASE,
)
# Paywall teasers, reading-time labels and reader-appeal boxes: the whole (short) line is
# the box ("Pour lire la suite", "Ten tekst przeczytasz w mniej niż minutę", "If you enjoyed
# reading this post – would you consider supporting our work?").
_PAYWALL = re.compile(
    r"^\W{0,3}(?:pour lire la suite|pour accéder en illimité|to continue reading|read the (?:full"
    r"|original) (?:story|article|post)|(?:jetzt )?weiterlesen mit"
    r"|um (?:den|diesen) (?:ganzen |vollständigen )?"
    r"artikel (?:zu )?lesen|para seguir leyendo|ten tekst przeczytasz|lesezeit\W|reading time\W"
    r"|\d{1,2} min(?:ute)?s? read\b"
    # Le Monde's cut: "Article réservé aux abonnés. Il vous reste 72% de cet article à lire."
    r"|(?:cet )?article (?:est )?réservé aux abonnés|il vous reste \d{1,3} ?% de cet article"
    r"|you(?:'ve|’ve| have) reached your (?:limit|maximum) of free (?:articles|stories)\b)",
    re.IGNORECASE,
)
# The appeal that opens by asking whether the reader liked the text ("Hat dir dieser Artikel
# gefallen? Dann ... unterstütze uns", "If you enjoyed our roundup about ..., subscribe"):
# the text speaks of itself, so it is the box under it, whatever follows.
_ENJOYED = re.compile(
    r"^\W{0,2}(?:(?:hat|haben) (?:dir|ihnen|euch) (?:dieser|der|unser) (?:artikel|beitrag|text)"
    r" gefallen|(?:did you|if you|if you've) (?:enjoy(?:ed)?|like[d]?) (?:this|our|the|reading)"
    r" (?:article|post|story|piece|roundup|newsletter|this)|enjoyed (?:this|the) (?:article|post"
    r"|story|piece)|(?:te|le) gustó (?:este|esta) (?:artículo|nota)|vous avez aimé cet article"
    # "Gefällt dir unser Klettermagazin? ...": the outlet asks about itself
    r"|gefällt (?:dir|ihnen|euch) (?:unser|unsere|dieser|dieses|diese) [\w-]+\?"
    # the text named by its title: 'Na, hat dir "Montessori-Spielzeug: 13 Ideen" gefallen'
    # (a title's length: an interview's 'Hat Ihnen „Titanic" gefallen?' stays)
    r"|(?:na,? )?(?:hat|haben) (?:dir|ihnen|euch) [\"„“»«][^\"“”»«]{15,200}[\"“”»«] gefallen)",
    re.IGNORECASE,
)
# An ad slot's own label in the text ("Story continues below advertisement", "Advertisement -
# Continue reading below", "Weiterlesen nach der Anzeige"): a reading aid, not the story.
_AD_CONTINUES = re.compile(
    r"^\W{0,3}(?:(?:the )?(?:story|article|text) continues (?:below|after)"
    r"|continue reading (?:below|the main story)|(?:advertisement|anzeige|werbung)\s*[-–—:|]\s*"
    r"(?:continue|scroll|weiterlesen|lesen sie weiter)|(?:weiterlesen|weiter) nach (?:der|dem)"
    r" (?:anzeige|werbung|werbeblock)|(?:der )?artikel (?:geht|wird) (?:nach|unter) (?:der|dem)"
    r" (?:anzeige|werbung))",
    re.IGNORECASE,
)
# The outlet asking for money: "Wir finanzieren uns durch Spenden und Abos", "Spenden könnt
# ihr ganz einfach per Paypal ...", "funded by readers", "Donate now". The outlet speaks of
# itself in the first person or asks the reader; "Die Tafel finanziert sich aus Spenden" in a
# story does neither.
_FUNDING = re.compile(
    r"\b(?:wir finanzieren uns (?:\w+ ){0,2}(?:durch|über|aus|mit) (?:spenden|abos|abonnements"
    r"|beiträge)|spenden (?:könnt ihr|können sie) (?:\w+ ){0,2}(?:per|über|auf|an)"
    r"|(?:funded|supported) by (?:our )?readers|reader-(?:funded|supported)|donate now"
    r"|jetzt spenden|make a (?:one-off |monthly )?(?:contribution|donation) to"
    # a donation box's sentence ("Mit Ihrer Spende helfen Sie uns, ...", "Your donation
    # helps us ..."): the reader addressed, which a story on a charity does not do
    r"|(?:mit )?(?:ihrer|deiner) spende (?:helfen|hilfst|unterstützen|ermöglichen)\b"
    r"|your (?:donation|gift|contribution) (?:helps|will help|makes)\b"
    # "Unterstütze RosaMag bereits mit 2,50!", "Support us from as little as $1"
    r"|unterstütze(?:n sie)? \w+ (?:bereits |schon )?(?:mit|ab) (?:\d|einem|einer)"
    r"|support \w+ (?:with|from|for) (?:as little as |just )?[$€£]\s?\d"
    # AP's line under every funded story ("Find AP's standards for working with
    # philanthropies, a list of supporters and funded coverage areas at AP.org.")
    r"|standards for working with philanthropies"
    # "Our journalism depends on readers like you.": the outlet on itself, to the reader
    r"|(?:our|this) (?:journalism|work|reporting|newsroom) (?:depends|relies) on readers like you)",
    re.IGNORECASE,
)
# Without one of these no _FUNDING pattern matches (a cheap test before the search).
_FUNDING_STEMS = ("spende", "finanzieren uns", "readers", "reader-", "donate", "contribution",
                  "donation", "unterstütze", "support ", "philanthrop")
# Reader appeals anywhere in a line, only on lines shorter than a paragraph of prose.
_APPEAL = re.compile(
    r"\b(?:support(?:ing)? our (?:work|journalism)|letters? to the editor|we want to hear what you"
    r" think|help us continue|(?:our|independent) journalism needs your support"
    r"|unterstütze(?:n sie)? (?:unsere|unseren) (?:arbeit|journalismus))",
    re.IGNORECASE,
)
# A caption: a short line that ends in a photo credit ("Marco Odermatt, Ski-Star aus der
# Schweiz. © AFP / MARCO BERTORELLO"). Prose does not end in a copyright sign and a name.
# Two credits may be set apart by a bar ("… (c) TV Thermen- & Vulkanland | pixelmaker.at",
# 1000things.at), as by a slash.
_CAPTION_CREDIT = re.compile(
    r"(?:©|\(c\)|foto:|photo:|photograph:|composite:|bild:|credit:)\s*[\w .&/|,'-]{2,60}$",
    re.IGNORECASE
)
# A caption labelled as one, however long its description of the picture ("Header Image:
# People have lived in Ecuador's Amazon forests for thousands of years, ..."): the label
# names the line a caption, where _CREDIT's short labels may open a story's sentence.
_CAPTION_LABEL = re.compile(
    r"^\W{0,2}(?:(?:featured|header|cover|top|lead|hero|main|title) (?:image|photo|picture)"
    r"|(?:image |photo |media )?caption|pie de foto|bildunterschrift|légende)\s*:",
    re.IGNORECASE,
)
# A caption whose credit closes it in brackets: "Autohäuser dürfen wieder öffnen. (Symbolfoto)",
# "... (Foto: dpa)", "... (AP Photo/Evan Vucci)", "... (Photo by Jane Doe/Getty Images)",
# "... (Picture by Jameel Springer)". A
# sentence of the story does not end on a photo's label or an agency's photographer.
_PAREN_CREDIT = re.compile(
    r"\((?:(?:symbol|archiv|file |stock )?(?:bild|foto|photo|image|picture)s?\b[^()]{0,60}"
    r"|(?:ap|afp|reuters|epa|dpa|getty images|xinhua|efe|anadolu)\b[^()/]{0,12}/[^()]{1,50})"
    r"\)\W{0,2}$"
    # a file picture's caption, marked so after its full stop ("... against Dominica.
    # (FILE)", nationnews.com); inside a sentence "(file)" would be a file
    r"|[.!?]\s*\((?:file|archive|archivo|archiv)\)$",
    re.IGNORECASE,
)
# ... or names the photographer and the outlet in brackets after the caption's full stop
# ("Bloomberg campaigns in Houston last week.(Elizabeth Conley / Houston Chronicle)").
# Case-sensitive: names and outlets are capitalised.
_PAREN_NAME_OUTLET = re.compile(
    r"[.!?]\s*\((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+ ?/ ?"
    r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}\)$"
)
# ... or ends on the credit "By <Name>" after its last full stop ("... in Las Croabas. By U.S.
# CUSTOMS AND BORDER PROTECTION"): a story's sentence does not end on a bare "By Name".
_TRAILING_BY = re.compile(
    r"[.!?]\s+(?:(?:Photo|Image|Picture) )?[Bb]y (?:[A-Z][\w.'’&-]*(?: (?:and|of|&|the))?\s?){2,7}$"
)
# ... or whose credit is the photographer and the agency after a slash, with no label
# ("Protesters outside parliament. Evan Vucci/AP"): a name, a slash and an agency end no
# sentence of a story. Case-sensitive: the name is capitalised, the agency as agencies write it.
_SLASH_AGENCY = re.compile(
    r"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA"
    r"|dpa|PA|Bloomberg|Xinhua|ANP|EFE|ANSA|Keystone|NurPhoto|SOPA Images)"
    r"(?: (?:via|über) Getty Images)?\.?$"
)
# A wire photo's caption ends with the agency, then the photographer, as Reuters writes it
# ("FILE PHOTO: A man walks past ... May 2, 2020. REUTERS/Toby Melville/File Photo"):
# the caption runs to a few sentences, so it is allowed longer than a "Name/AP" credit.
_AGENCY_SLASH_NAME = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|EPA|Xinhua|ANADOLU|Anadolu)/[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"(?:/(?:File Photo|File|Illustration|Pool))?\.?$"
)
AGENCY_CAPTION_MAX_WORDS = 60
# A photo credit alone on its line, "Photographer/Source" with no space at the slash
# ("Jane Doe/NPR", "Michael Jönsson/Visit Sweden"); spaced slashes are headings
# ("Besprochene Bücher / Literaturhinweise").
_NAME_SLASH_SOURCE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}/[A-Z][\w&.'’ -]{1,30}$")
# The same captions credited through Getty ("... in Paris on May 4, 2023. AFP via Getty
# Images", "... on Tuesday. Getty Images"): the credit follows a sentence's end.
_VIA_GETTY = re.compile(
    r"[.!?)][\"”’']?\s+(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}/)?"
    r"(?:[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2} via )?Getty Images\.?$"
)
# BBC pages of the 2010s put a figure's credit and caption in the text as labels:
# "Image copyright Getty Images Image caption The ship ran aground on Tuesday".
# The label is followed by the credit or the caption, capitalised ("Getty Images", "The
# ship", "@BBCSport") or nothing: "Image copyright laws were at the centre of ..." is prose.
_IMAGE_LABEL = re.compile(r"^(?:Image|Media) (?:copyright|caption)(?:\s*$|\s+[^\sa-z])")
# "Follow X on": the invitation, not the verb ("follow the rules on Twitter" is prose).
_FOLLOW_US = re.compile(
    r"\b(?:(?i:follow) (?:(?i:us)|@?[A-Z][\w.]*(?: [A-Z][\w.]*)?"
    r"|the [A-Z][\w.]*(?: [A-Z][\w.]*)?) on"
    r"|(?i:folg(?:en sie|e|t) (?:uns|\w+) auf|síguenos|suivez[- ]nous|obserwuj nas))",
)
_FOLLOW = re.compile(r"\b(?:follow|folg|sígu|sigue|suiv|obserwuj)", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok)\b", re.I)

# A book excerpt's or a reprint's permission line ("Copyright © 2019 by X. Reprinted by
# permission of Basic Books.", "Used with permission."): small print, however long.
_PERMISSION = re.compile(
    r"\b(?:reprinted|used|excerpted|reproduced|republished) (?:with|by) (?:the |kind )?"
    r"permission\b",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"^\W{0,2}(?:©|\(c\)\s|copyright\b)|all rights reserved|alle rechte vorbehalten"
    r"|todos los derechos reservados|tous droits réservés|tutti i diritti riservati"
    r"|materiał chroniony prawem|wszelkie prawa zastrzeżone|copyrighted property",
    re.IGNORECASE,
)
# A word every _LEGAL notice holds, in lower case: a substring test is ~30x cheaper than
# the pattern's search, which tries each of its alternatives at every place of the line.
_LEGAL_WORDS = ("©", "(c)", "copyright", "serv", "vorbehalten", "chroniony", "zastrze")


def _may_be_legal(low: str) -> bool:
    """Whether the lower-cased line `low` holds a word without which _LEGAL cannot match."""
    return any(word in low for word in _LEGAL_WORDS)


# "Copyright lawyers for the photographer argued ...": the word opening a sentence of the
# story, a lower-case word after it (a notice goes on with a year, "©", "by" or a name).
_COPYRIGHT_PROSE = re.compile(r"^Copyright (?!by\b|of\b|and\b|protected\b|notice\b)[a-z]")
# Who wrote and edited the copy, under a wire story: Reuters' "Reporting by Anna Berger;
# Editing by Tom Becker", USA Today's "Contributing: Tom Becker, USA TODAY", AP's
# "Associated Press writer Tom Becker in Washington contributed to this report.", the
# NYT's "Anna Berger contributed reporting." A credit of the copy, not the story: names,
# places and a few desk words only before "contributed" ("Three agencies contributed to
# the report" is a sentence), and a capitalised name after "Reporting by" ("Reporting by
# the local newspaper first revealed ..." is one).
_NAMES = r"[A-Z][\w.'’-]*(?:,? (?:[A-Z][\w.'’-]*|and|in|of|de|van|von))*"
_COPY_CREDIT = re.compile(
    # ("Additional reporting by X" opening a line, as Reuters writes it, stays: the dev
    # gold keeps it in reuters.com's story, a `with` snippet; seed 79 had it go)
    # (after the dash some desks open the line with: News24's "- Compiled by X")
    # (Reuters' wire copy closes on the credit in brackets: "(Reporting by X in Tokyo;
    # Editing by Y)"; Bloomberg's on "—With assistance from X and Y.")
    rf"^(?:[-–—]\s*)?\(?(?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Reported) by"
    rf" {_NAMES}(?:\s*;\s*(?:(?i:additional )?(?i:reporting|writing|editing|graphics|compiled))"
    rf"(?: by)? {_NAMES})*\.?\)?$"
    rf"|With assistance from {_NAMES}\.?$"
    r"|Contributing: [A-Z]"
    r"|(?:(?:[A-Z][\w.'’-]*|writers?|reporters?|correspondents?|staff|and|in|of|the|from|&),?"
    r"\s+){1,20}contributed (?:to (?:this|the) (?:report|story|article)"
    r"|reporting(?: from [A-Z][\w ,]{0,40})?)\.?$)")

# Chinese copy's closing editor and proof-reader lines, "（责任编辑：王晓）", "編輯：李明"
# (fault round 43's known item): the desk's names, no part of the story.
_CJK_EDITOR_LINE = re.compile(r"^[(（\[【]?\s*(?:责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核)"
                              r"\s*[:：]\s*[^。！？]{1,20}[)）\]】]?$")
# Photo and source credits: "Foto: dpa", "Bild: Getty Images", "Crédits photos : ...".
_CREDIT = re.compile(
    r"^\W{0,2}(?:fotos?|photos?|pictures?|pics?|bild(?:er|quelle)?|titelbild|beitragsbild|headerbild"
    r"|quelle|quellen|quellenangaben|source|credits?|crédits?(?: photos?)?|image(?:n| credit)?"
    r"|imagen|zdjęcie|fot\.|foto de portada|illustration(?:en|s)?|grafik|video"
    # the credit labels of photo boxes and of the BBC-style caption ("Image source, Reuters")
    r"|bildnachweise?|fotonachweise?|bildrechte|photo ?credits?|image (?:source|caption)"
    r"|media caption|(?:featured|header|cover) image|pie de foto|(?:photo|picture) source)"
    r"\s*(?:\(cc\)\s*)?(?:[:©|/,]|$)"
    r"|^\W{0,2}(?:featured|header|cover) (?:image|photo) by\s"
    # "Photo by Jane Doe on Unsplash", "Caption: ...", the NYT's "Credit...Doug Mills/..."
    r"|^\W{0,2}(?:photo(?:graph)?|image|picture|illustration)s? by\s|^\W{0,2}caption\s*:"
    r"|^\W{0,2}credit\s*(?:\.{2,3}|…)",
    re.IGNORECASE,
)
# An agency (or a photographer and an agency) alone on a line: a photo's credit, or a wire
# story's sign-off after a dash ("— Reuters", "– The Associated Press").
_AGENCY = re.compile(
    r"^(?:[\w .&-]{0,40}\s*/\s*|[—–-]\s*)?(?:getty images|afp|dpa|reuters|ap(?: photo)?|epa|"
    r"imago(?: images)?|shutterstock|istock(?:photo)?|picture alliance|keystone|pap|efe|ansa"
    r"|(?:the )?associated press|pa(?: media| wire| images)|anadolu(?: agency)?|xinhua|nurphoto"
    r"|sopa images|zuma(?: press| wire)?|alamy|rex features|aap)(?:\s+via\s+getty images)?"
    r"(?:\s*/\s*[\w .&-]{0,40})?$",
    re.IGNORECASE,
)

# A wire story's signature on a line of its own, in the page's language: "(dpa)", "(mit
# dpa)", "dpa/tmn", "(AFP)", "Le Monde avec AFP", "Mit Material von dpa und AFP", "Mit
# Material der Nachrichtenagentur dpa", "(Con información de EFE)", "Com informações da
# Reuters". The agencies' names and the words that credit them only: "Die Nachricht kam
# von AFP" has words before the credit that are not an outlet's capitalised name.
_AGENCIES = (r"(?i:dpa(?:/\w{2,5})?|afp|ap|reuters|efe|ansa|pap|kna|epd|apa|sda|keystone-sda"
             r"|europa press|lusa|anp|belga|ats|agencias|agências|agences|tass|interfax|xinhua"
             r"|anadolu|ddp)")
_WIRE_SIGN = re.compile(
    r"^\(?(?:(?:[A-Z][\w'’.-]*\s){0,3}(?i:mit|avec|with|con|com|nach)\s+"
    r"(?:(?i:material|informa\w+)\s+(?i:von|der|de|d[aeo]s?|from|of)\s+"
    r"(?:(?i:der|den|la|las|agencias?|agências?|nachrichtenagentur(?:en)?)\s+)?)?)?"
    rf"{_AGENCIES}(?:\s*(?:,|/|(?i:und|and|et|y|e|i))\s*{_AGENCIES})*\)?\.?$")
# "Lesen Sie mehr zum Thema <another story's title>" (the kicker glued to its link): a
# title, no sentence end; a story's sentence with the cue ends with one.
# The last words _AGENCIES can end a line with: a set lookup spares most short lines the
# regex ("dpa/tmn" is looked up as "dpa").
_AGENCY_LAST_WORDS = frozenset((
    "dpa", "afp", "ap", "reuters", "efe", "ansa", "pap", "kna", "epd", "apa", "sda",
    "keystone-sda", "press", "lusa", "anp", "belga", "ats", "agencias", "agências", "agences",
    "tass", "interfax", "xinhua", "anadolu", "ddp"))
_READ_MORE_ON = re.compile(
    r"^\W{0,3}lesen sie mehr (?:zum thema|zu diesem thema|dazu|darüber)\b[^.!]*$",
    re.IGNORECASE)
# A pointer to a link under the story ("Mehr Nachrichten aus der Region finden Sie hier.",
# "Mehr zu unserer Arbeitsweise lesen Sie hier."): the line only says where the link is.
_HERE_POINTER = re.compile(
    r"\b(?:finden sie|finden sich|gibt es|lesen sie|sehen sie|hören sie) (?:alle |weitere )?hier$")

# A breadcrumb trail from the front page ("Accueil > Actualités > Décisions ...",
# "Startseite › Politik › Inland", "Home / News"): the site's home as its first step, then an
# arrow or a spaced slash ("Home/Office-Pauschale" is a word).
_BREADCRUMB = re.compile(
    r"^\W{0,2}(?:home|homepage|startseite|start|accueil|inicio|portada|strona główna|página"
    r" inicial)(?:\s*[>›»]|\s+/)\s*\S",
    re.IGNORECASE,
)
# "Courtesy of Forests News", "Photo courtesy of the museum": a credit line.
_COURTESY = re.compile(r"^\W{0,2}(?:(?:photo|image|bild|foto)s? )?courtesy(?: of)?\s", re.I)
# The credit labels above with a name before their colon ("Photocredits MYMARINI: Christin
# Schwarzer"), a picture credited to a library ("Beitragsbild via Unsplash."), and
# Wikimedia's attribution ("Andreas Schwarzkopf [CC BY-SA 4.0], via Wikimedia Commons").
_NAMED_CREDIT = re.compile(
    r"^\W{0,2}(?:photo ?credits?|bildnachweise?|fotonachweise?|bildrechte|image credits?)\b"
    r"[^.!?:]{0,40}:"
    r"|^\W{0,2}(?:beitragsbild|titelbild|headerbild|(?:featured|header|cover|title) (?:image"
    r"|photo)|fotos?|photos?|bilder?|images?)\s+(?:\(cc\)\s*)?via\s+[\w.&-]+(?:\s+[\w.&-]+){0,2}"
    r"\.?$"
    r"|\[?\bCC[ -]BY(?:[ -](?:SA|ND|NC))*(?: \d\.\d)?\]?,? via Wikimedia Commons\W*$",
    re.IGNORECASE)
# A photo's label standing for its caption in US papers ("(AP Photo)", "File photo",
# "Staff photo by Jane Doe", "Photo illustration by ...", "Submitted photo").
_PHOTO_LABEL = re.compile(
    r"^\(?(?:AP Photo|(?:File|Provided|Contributed|Submitted|Courtesy|Staff) photo"
    r"|Photo illustration)(?: by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})?\)?\.?$", re.I)
# Fixed notes of English news templates, longer than a button: a newspaper's print-edition
# line, a video player's and an external-link notice, a market-data delay, a terminal's
# advert, a comment widget's script notice, a video embed's "VIDEO 2:31 02:31 Title" (its
# length twice, as the player writes it).
_TEMPLATE_NOTE = re.compile(
    r"^(?:a version of this (?:article|story) appears in print on\b"
    r"|media playback is (?:unsupported|not supported) on your device"
    r"|these are external links and will open in a new window"
    r"|all quotes (?:are )?delayed (?:a minimum of|by) \d+ minutes"
    r"|before it(?:'|’)s here, it(?:'|’)s on the bloomberg terminal"
    r"|video \d{1,2}:\d{2} \d{1,2}:\d{2}\b"
    # an embed's fallback (BBC News) and a news app's invitation (CNN)
    r"|we(?:'|’)re sorry,? this feature is (?:currently )?unavailable"
    r"|chat with us in facebook messenger"
    # a market widget's delay note (CNBC), a site's pointer home, a membership drive
    r"|data is a real-time snapshot\b"
    r"|visit [\w .'’-]{1,40}(?:'s|’s) homepage for more stories"
    r"|calling all [\w .'’-]{1,30} superfans"
    r"|share or comment on this article\W*$|do not sell my personal information\W*$"
    # the wire's note on who funds a beat, under its stories wherever they run ("The
    # Associated Press receives support from ... The AP is solely responsible for all
    # content.")
    r"|the associated press(?:(?-i:(?: (?:[A-Z][\w’'-]*|and|&)){0,8})"
    r"|(?:’|')s? [\w ]{1,50} coverage) receives (?:financial )?support from\b"
    r"|(?:the )?ap is solely responsible for all content"
    # the site's disclaimer under its links (BBC News)
    r"|(?:the )?[\w .'’-]{1,30} (?:is|are) not responsible for the content of external"
    r" (?:internet )?(?:sites|websites|links)\b"
    # the placeholder of an embed the page imports (Hearst's magazines: "This content is
    # imported from Twitter. You may be able to find the same content in another format")
    r"|this content is imported from [\w.'’ -]{1,30}\.(?: you may be able to find\b|\s*$)"
    r"|you may be able to find the same content in another format\b"
    # a story's own address offered for sharing (Gannett), a sign-up form's consent
    r"|read or share this story:|by clicking (?:submit|sign up|subscribe),? you agree\b"
    r"|please enter (?:a )?(?:valid )?email address to continue\b"
    # a browser's push-notification offer, a carousel's screen-reader note, and the
    # outlet's own sign-off under the story (CBS News: "Thanks for reading CBS NEWS.")
    r"|get browser notifications for\b|this is a carousel\b"
    r"|thanks for reading (?-i:[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3})\W*$"
    # a form's error, a player's autoplay offer, a newsletter form's small print, the
    # tabloid's pointer home (UK papers: Reach plc's templates)
    r"|(?:sorry, )?something went wrong,? please try again(?: later)?\W*$"
    r"|click to play tap to play\b|the video will auto-?play soon\b"
    r"|when you subscribe we will use the information you provide\b"
    r"|for more news and videos visit [\w .'’-]{1,40}(?:'s|’s) homepage"
    r"|get (?:the )?(?:biggest|latest|top) (?:daily )?(?:news )?(?:stories|headlines) by email\b"
    # a syndicated story's note and the site's app and channel offers (Indian papers)
    r"|\(?(?:except for the headline, )?this story has not been edited by [\w .'’-]{1,40}"
    r" staff\b|catch all the (?:[\w-]+ ){0,3}news\b|get live share market updates\b"
    r"|download (?:the )?[\w .'’-]{1,40} app for (?:the )?latest\b"
    r"|join our (?:whatsapp|telegram) (?:channel|group)\W*$"
    r"|disclaimer: the views expressed (?:are|in this)\b)",
    re.IGNORECASE,
)
# How to reach the writer, under the story ("Write to Jane Doe at jane.doe@wsj.com",
# "Email Jane Doe at ...", "Jane Doe can be reached at jdoe@herald.com or 555-1234"):
# the author's box, not the story. A name and an e-mail address are both needed.
_WRITER_CONTACT = re.compile(
    r"^(?:(?:Write to|E-?mail|Contact|Reach) (?:the (?:author|reporter|writer)|[A-Z][\w.'’-]+"
    r"(?: [A-Z][\w.'’-]+){0,3}) at|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:can|may) be "
    r"reached at) (?:[\w.+-]+@[\w-]+\.\w|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4} or [\w.+-]+@[\w-]+\.\w)")
# A wire's pointer to its topic page ("Follow AP's coverage of the elections at
# https://apnews.com/hub/...", "More AP coverage of the pandemic: https://...").
_WIRE_COVERAGE = re.compile(
    r"^(?:Follow|More|Find more of|Read more of|See more of) (?:AP|the AP|Reuters|AFP)"
    r"(?:'s|’s)? (?:coverage|stories|reporting|news)\b")

# Interface strings: the whole (short) line is a button or a label.
_UI_EXACT = {
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "print", "email", "e-mail", "copy link", "link copied",
    "loading", "loading...", "advertisement", "advertising", "sponsored", "ad", "anzeige",
    "werbung", "teilen", "teilen mit", "artikel teilen", "drucken", "merken", "wird geladen",
    "aktuelle ausgabe", "bild anzeigen", "mehr anzeigen", "weniger anzeigen",
    "keine kommentare", "kommentare",
    "kommentar schreiben", "view comments", "comments", "leave a comment", "no comments",
    "bewerten", "inhaltsverzeichnis", "table of contents", "compartir", "comentarios",
    # the licensing link under a story (Nine's, the publishers' reprint desks')
    "license this article", "reprints and permissions",
    "publicidad", "partager", "commentaires", "publicité", "udostępnij", "komentarze",
    "reklama", "zurück", "back", "next", "previous", "top", "nach oben", "back to top",
    "pdf", "mehr", "more", "weiter", "listen", "audio", "play", "zum artikel", "tags",
    "lire la suite", "downloads", "download", "kontakt", "contact",
    "schlagwörter", "themen", "temas", "etiquetas", "kategorie", "category", "stichwörter",
    "kategorien", "categories", "teilen sie dies mit", "gefällt mir", "hide images",
    "show images", "load more", "send any friend a story", "have your say",
    # a video player's and a gallery's buttons
    "now playing", "next up", "tap to unmute", "replay", "autoplay", "video unavailable",
    # and the next clip's label in the editions' languages (family K)
    "nächstes video", "vidéo suivante", "volgende video", "prossimo video", "próximo vídeo",
    "siguiente video",
    # a nonprofit newsroom's republishing box's button (its licence line is _REPUBLISH_NOTE)
    "republish this story", "republish this article", "diesen artikel wiederveröffentlichen",
    "republica este artículo",
    "menu", "search", "submit", "email address", "about sharing", "join the conversation",
    "previous image", "next image", "view more", "top of page", "text size", "font size", "a a a",
    # a photo box's and a form's buttons
    "bild schließen", "alle bilder anzeigen", "bild vergrößern", "fotostrecke", "bildergalerie",
    "view gallery", "view all photos", "see all photos", "enlarge image", "abonnieren",
    "abonniert", "anmelden", "log in", "sign in", "permalink", "ad feedback",
    "login now", "log in now", "donate",  # a benefits box's and a support box's buttons
    "enlarge this image", "toggle caption", "hide caption", "show caption", "click to expand",
    "listen to this article", "listen to article", "artikel anhören", "vorlesen",
    "seite drucken", "artikel drucken", "print this page", "print this article", "druckansicht",
    "artikel versenden", "email this article", "e-mail this article", "send this article",
    "send us your feedback", "send feedback", "feedback senden",
    # an embedded post's or map's consent button
    "inhalt laden", "inhalte laden", "externen inhalt laden", "video laden", "karte laden",
    "load content", "load external content",
    # English news templates' buttons and labels (a newspaper's "Supported by" over its ads,
    # a photo box's "Open image in gallery", a comment section's toggle)
    "supported by", "show comments", "hide comments", "view all comments", "open image in gallery",
    "expand", "collapse", "close", "reprints", "reprints & permissions", "rights and permissions",
    "reuse this content", "topics", "was this helpful", "thanks for reading", "view image",
    "explore more on these topics", "more on this topic", "save", "save article", "saved",
    "watch video", "play video", "watch now", "video ansehen",
    "copy this link", "gift article", "gift this article", "watch next", "follow us",
    "open this photo in gallery",
    # a stamp's label whose date the page put in an element of its own
    "posted on", "published on", "published", "updated", "last updated", "posted",
    # the ad slot's, the blog's and the comment form's buttons, a gallery's controls
    "scroll to continue with content", "skip ad", "adchoices", "ad choices", "like this",
    "like loading", "like loading...", "leave a reply", "cancel reply", "next page",
    "previous page", "share this with", "email this", "share via email", "gallery", "watch",
    "enlarge", "zoom", "read full article", "read full story", "see more", "show more", "reuse",
    "feedback", "report an error", "report a typo", "submit a correction", "suggest a correction",
    # a player's, a photo box's and a comment section's buttons (US papers), a widget's error
    "story continues", "sponsor message", "please wait", "email this story", "buy photo",
    "sign in to comment", "comment now", "connect with the reporter", "show thumbnails",
    "sorry, something went wrong", "photo gallery", "click to play video", "open in app",
    "hide transcript", "show transcript", "be the first to know", "not now", "turn on",
    "register now", "enjoy unlimited access", "view image in fullscreen", "show me",
    "see our privacy notice", "invalid email", "video loading", "play now",
    "send us feedback", "notifications",
    "breaking news", "view all", "click to enlarge", "tap to enlarge", "skip to content",
    "skip to main content", "opens in new window", "open in new window", "story highlights",
    # a tabloid's pointer to its video, a dialog's and a teaser's buttons, the footer's links
    "scroll down for video", "keep reading", "show full article", "close this dialog window",
    "terms of service", "terms of use", "privacy policy", "cookie policy", "cookie settings",
    # a venue box's label (alt-weeklies' CMS), a gift button, an ad's button, the BBC's note
    # under its list of links
    "location details", "give this article", "copy the link below", "learn more",
    "read more about these links",
    # a live blog's marker, a radio player's buttons, the label over a newsroom's summary
    # box and the Dutch ad label (family J, session 59)
    "key event", "transcript", "embed", "key points", "advertentie",
}
# A share row written out as its networks' names ("Email Facebook Messenger Twitter",
# "Facebook Twitter WhatsApp E-Mail"): every word a network or a sharing button.
_SHARE_TARGET = re.compile(
    r"(?:e-?mail|facebook|messenger|twitter|whatsapp|telegram|linkedin|pinterest|reddit"
    r"|xing|flipboard|pocket|tumblr|print|drucken|copy|kopieren|link|share|teilen|sms|threads"
    r"|bluesky|mastodon|x)", re.IGNORECASE)  # ("X": the old Twitter's button since 2023)
SHARE_ROW_MIN_WORDS = 2
# A small site's footer links inside its last content block ("Impressum | Datenschutz |
# Kontakt", "Imprint · Privacy Policy · Contact"): every word a legal or service link.
_SITE_LINK = re.compile(
    r"(?:impressum|datenschutz(?:erklärung|hinweise)?|kontakt|agb|sitemap|barrierefreiheit"
    r"|nutzungsbedingungen|haftungsausschluss|cookie-einstellungen|imprint|privacy|policy"
    r"|contact|terms|conditions|legal|notice|disclaimer|accessibility|cookies|startseite"
    r"|home|&|and|of|use|und)", re.IGNORECASE)
SITE_LINKS_MAX_WORDS = 8
# A forum post's profile fields ("- Registriert seit: 12.3.2012", "Beiträge: 1375",
# "Joined: Mar 2012", "Posts: 88"): the label and a number or date only.
_PROFILE_FIELD = re.compile(
    r"^\W{0,2}(?:registriert seit|mitglied seit|dabei seit|beiträge|joined|member since"
    r"|posts|messages|reaction score)\s*:\s*(?:\d[\d.,/ -]*|[A-Z][a-z]{2,8}\.? \d{4})$",
    re.IGNORECASE)
# The article's age warning, its share count, a share button's label ("This article is
# more than 2 years old", "This story has been shared 1,234 times.", "Click to share on
# Twitter (Opens in new window)"), a pager ("Page 1 of 2"), a blog's "Posted in News".
_META_UI = re.compile(
    r"^this (?:article|story|content) is (?:more than|over) \w+ (?:years?|months?) old$"
    r"|^this (?:article|story) has been shared [\d,.]+ times$"
    r"|^click to (?:share|email|print|tweet)\b|\(opens in (?:a )?new window\)$"
    r"|^page \d{1,3} (?:of|von|de|sur) \d{1,3}$|^view \d{1,4} (?:photos|images|pictures)$"
    # a share panel's buttons, one a line ("Share this with Facebook", BBC News)
    r"|^share this with (?:facebook|twitter|email|e-mail|messenger|whatsapp|linkedin"
    r"|pinterest|reddit|sms)$",
    re.IGNORECASE,
)
# Case-sensitive: the category is a name ("Posted in the comments, ..." is a sentence).
_POSTED_IN = re.compile(r"^(?:Posted|Filed) (?:in|under) [A-Z][^.!?]*$")
# "Show all 50", "View all photos": a gallery's or a list's button.
_SHOW_ALL = re.compile(
    r"^(?:show|view|see) all(?: \d{1,5})?"
    r"(?: (?:photos|images|pictures|comments|stories|articles))?$",
    re.IGNORECASE,
)
# A video player's text (Video.js writes its caption-settings dialog into the page: "This is
# a modal window. Beginning of dialog window. Escape will cancel and close the window. Text
# Color White Black Red ...", one line of a hundred words; its time display, "Current Time
# 0:00"), a player's fallback ("Your browser does not support the video tag.") and a
# script-less page's notice ("Please enable JavaScript ..."): never the story.
_PLAYER_TEXT = re.compile(
    r"^(?:this is a modal window|beginning of dialog window|end of dialog window"
    r"|close modal dialog|(?:current time|duration|remaining time) -?\d{1,2}:\d{2}"
    r"|stream type live|(?:loaded|progress): \d{1,3}(?:\.\d+)? ?%"
    r"|your browser does not support (?:the )?(?:html5 )?(?:video|audio|iframes?)\b"
    r"|sorry, the video player failed to load|this video is (?:not|no longer) available"
    r"|(?:please )?enable javascript (?:to|in order to)|javascript is (?:disabled|required)"
    r"|you need to enable javascript)",
    re.IGNORECASE,
)
PLAYER_TEXT_MAX_WORDS = 150
# A photo gallery's label left in the text when its pictures and captions went ("UK news in
# pictures", The Independent's galleries between paragraphs; "The week in pictures").
_IN_PICTURES = re.compile(
    r"^(?:(?:[^\W\d_]+ ){1,3}news|(?:the )?(?:day|week|month|year)) in pictures$", re.IGNORECASE)
# A multi-page story's page steps ("Continue to page 2", "1 2 3 Next", "« 1 2 3 »"):
# numbers and a step, no words of the story (a listing's "Showing 1-10 of 19" is _PAGER).
_PAGE_STEPS = re.compile(
    r"^(?:(?:continue to|go to|weiter zu(?:r)?) (?:page|seite) \d{1,3}"
    r"|[«‹<]?\s*(?:\d{1,3}\s+){1,12}(?:next|weiter|siguiente|suivant|»|›|>)"
    r"|[«‹<]\s*(?:\d{1,3}\s+){0,11}\d{1,3}\s*[»›>]?)$")
# The reading-time label over a story ("Estimated reading time: 6 minutes", "Tiempo de
# lectura: 3 minutos"): a label and a number of minutes, nothing of the story.
_READING_TIME = re.compile(
    r"^(?:(?:estimated |est\. )?read(?:ing)? time|lesezeit|lesedauer"
    r"|tiempo (?:estimado )?de lectura|temps de lecture|tempo di lettura|czas czytania"
    r"|leestijd)\s*[:–-]?\s*(?:ca\.\s*|about |~\s*)?\d{1,3}\s*"
    r"(?:min\.?|minutes?|minuten|minutos?|minuti|minut[ay]?)$",
    re.IGNORECASE,
)
# The call an embedded post shows before its script loads (Instagram's, in the page's
# language: its blockquote holds it as a line of its own when the embed code is
# indented), never a line of the story.
_EMBED_CALL = re.compile(
    r"^(?:(?:view|see) this (?:post|photo|video|reel|profile) on"
    r" (?:instagram|facebook|tiktok|twitter|x|threads)"
    r"|sieh dir diesen beitrag auf instagram an|ver esta publicaci[oó]n en instagram"
    r"|voir cette publication sur instagram|visualizza questo post su instagram"
    r"|ver essa publica[cç][aã]o no instagram|bekijk dit bericht op instagram"
    r"|wy[sś]wietl ten post na instagramie"
    # the caption Instagram's embed writes under the post
    r"|a post shared by .{1,80}?\(@[\w.]{1,30}\)(?: on .{1,40})?)$",
    re.IGNORECASE,
)
# A photo box's position ("Image 3 of 12", "Bild 2 von 8", "Photo 3/10", "1 of 12"; a bare
# "1/4" is a recipe's quantity on a line of its own as often).
_PHOTO_POSITION = (r"(?:(?:image|photo|picture|slide|bild|foto|imagen) \d{1,3} ?(?:of|von|de|/) ?"
                   r"\d{1,3}|\d{1,3} (?:of|von) \d{1,3})")
# A counter under a story or on a photo box: "5 Kommentare", "12 comments", "6 Bilder".
_COUNTER = re.compile(
    r"^\d{1,6}\s+(?:kommentare?|comments?|shares?|likes?|antworten|replies|comentarios?"
    r"|commentaires?|komentarz[ey]?|bilder|fotos|photos|images)$"
    r"|^(?:comments?|kommentare?|comentarios|commentaires|komentarze?)"
    r" (?:\(\d{1,6}\)|\d{1,6})$"
    # and a photo box's position
    r"|^" + _PHOTO_POSITION + "$",
    re.IGNORECASE,
)
# Ad and affiliate disclosures ("Anzeige, enthält Affiliate Links", "*Werbung. Dieser
# Beitrag..."): a label word first, then punctuation.
_DISCLOSURE = re.compile(
    r"^\W{0,2}(?:anzeige|werbung|advertisement|sponsored(?: content| post)?|publicidad"
    r"|publicité|reklama|affiliate[- ]links?)\s*[,.:|–-]",
    re.IGNORECASE,
)
_LOGIN = re.compile(
    r"\b(?:nicht (?:mehr )?eingeloggt|not logged in|you must be logged in|log in to comment"
    r"|anmelden,? um (?:zu )?kommentieren|eingeloggt sein,? um|müssen sie (?:eingeloggt|angemeldet)"
    r" sein|must be (?:logged in|registered) to"
    r"|already (?:have an account|registered)\W{0,3} (?:log|sign) in)",
    re.IGNORECASE,
)
_UI_PREFIX = re.compile(
    r"^(?:tags?|schlagwörter|stichwörter|themen|temas|etiquetas|kategorie|kategorien|category"
    r"|categories|filed under|posted in|veröffentlicht in|last modified|aktualisiert am"
    r"|zuletzt aktualisiert|letzte änderung|release date|stand|telefon|tel\.|fax|e-mail"
    r"|kontakt|pressekontakt|medienkontakt|contact|media contact|press contact"
    r"|(?:news |publish(?:ed)? |release )?date"
    r"|permalink|autor(?:in|en)?|author|verfasser(?:in)?|written by|our standards"
    r"|tagged(?: with)?|topics|related topics|more about|explore)\s*:"
    # the same labels before a date, without a colon ("Letzte Änderung 14.02.2019")
    r"|^(?:last modified|last updated|aktualisiert am|zuletzt aktualisiert|letzte änderung|stand"
    r"|updated|publié le|actualizado)\s+\d{1,2}[./-]",
    re.IGNORECASE,
)

# A contact person's label before a name ("Ansprechpartnerin zum Thema:", "Pressesprecher*in
# Markus Ulrich"): only as a line of a few words, since "Pressesprecher X sagte" is prose.
_CONTACT = re.compile(
    r"^(?:ansprechpartner(?:in)?|pressesprecher\S*|press officer|spokesperson|media contact)\b",
    re.IGNORECASE,
)
# Advertiser and affiliate disclosures written as a sentence ("We may receive compensation
# when you click on links", "Bei den Verlinkungen handelt es sich um Affiliate Links"). The
# affiliate links are what the text contains or is ("This post contains affiliate links",
# "Die Links sind Affiliate-Links", "mit Affiliate-Links versehen"): a story on affiliate
# marketing names them too ("Amazon cut its rates for affiliate links"). The same in Dutch,
# French, Spanish and Portuguese ("Dit artikel bevat affiliate links", "Cet article contient
# des liens affiliés").
_ADVERTISER = re.compile(
    r"\b(?:we may (?:receive|earn) (?:a )?(?:compensation|commission)|advertisers do not influence"
    r"|contains references to products"
    r"|(?:contains?|includes?|enthält|enthalten|sind|handelt es sich um|bevat|contient"
    r"|contiene|contém)\b[^.!?]{0,40}?"
    r"(?:affiliate[- ]links?|liens affiliés|enlaces de afiliados|links de afiliados)\b"
    r"|affiliate[- ]links?\W{0,2} (?:versehen|gekennzeichnet)\b"
    r"|provisions?-?links?|partnerlinks?\b)",
    re.IGNORECASE,
)
# The affiliate note of a consumer or finance site, which runs to a paragraph ("Solche Links
# kennzeichnen wir mit einem Sternchen (*). Geld erhalten wir, wenn Sie diesen Link klicken
# ...", "Wenn Sie auf einen dieser Links klicken, erhalten wir eine Provision"): the site paid
# for a link, said in a line that names links or affiliates (classify_line checks for "link"
# and "affiliate" first: "When readers buy products we write about, we may earn affiliate
# commissions"), so an interview's "Geld erhalten wir nur vom Land" stays, and so does a
# trader's "we get a fee when customers buy".
_AFFILIATE_NOTE = re.compile(
    r"\b(?:erhalten wir (?:ggf\. |unter umständen |möglicherweise )?(?:eine )?(?:kleine )?"
    r"(?:provision|vergütung|geld)|(?:provision|vergütung|geld) erhalten wir|we (?:may )?(?:earn"
    r"|receive|get) (?:an? )?(?:small )?(?:affiliate )?(?:commissions?|fees?|compensation)"
    r"|we may (?:earn|receive|get|make) (?:money|revenue|a (?:small )?share of (?:the )?sales)"
    r"|recibimos una comisión"
    r"|nous (?:percevons|touchons) une commission)\b",
    re.IGNORECASE,
)
AFFILIATE_NOTE_MAX_WORDS = 90
# Ad and spam boxes spell Latin words with Cyrillic or Greek look-alike letters so that
# filters miss them ("Аdvеrtіѕе wіth thе most visited news site", a dev page with 32
# such words in one box). No language writes a word half in one alphabet and half in the
# other; one such word is a unit ("1,3 μg" in a nutrition table), several are a disguise.
_LOOKALIKE_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
# Where a word changes alphabet. Searched word by word: one pattern "\w*<seam>\w*" over
# the line backtracked through every long word (a 16,000-letter Cyrillic "word" took 6 s).
_ALPHABET_SEAM = re.compile(
    r"[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]")
MIXED_ALPHABET_MIN_WORDS = 3
# Paywall and subscription boxes, which run longer than a button ("To view the full story,
# please subscribe to ...", "If you're already a subscriber, you can log in").
_SUBSCRIBE_BOX = re.compile(
    r"\b(?:please subscribe|already a subscriber|subscribers? (?:also )?(?:get|receive)"
    r"|to (?:view|read) the (?:full|whole|rest of the) (?:story|article)|wesprzyj nas"
    r"|jetzt (?:abonnieren|abonnent werden)|abonnent werden"
    r"|cancel (?:at )?any ?time|cancela cuando quieras|jederzeit kündbar|résiliable à tout moment"
    # a subscription offered, or the sign-up form's own message ("Start your Independent
    # Premium subscription today", "Your subscription failed"), not a story's "subscription"
    r"|(?:start|get|begin|activate) your [\w -]{0,30}subscription|subscription (?:today|failed)"
    # the sign-up form's small print and confirmation ("kann jederzeit wieder abbestellt
    # werden", "Nach Anmeldung erhalten Sie eine Aktivierungs-E-Mail")
    r"|(?:jederzeit|wieder) abbestell\w*|(?:aktivierungs|bestätigungs)"
    r"-?(?:e-?mail|link)|(?:confirmation|activation) (?:e-?mail|link)"
    # the sign-up box's pitch and small print under a story ("Simply pop your email into
    # the box ...", "Every day we'll send you a roundup email ...", "You can unsubscribe
    # from this service at any time") and its message once sent ("Sign-up Successful!")
    r"|unsubscribe (?:from [\w ]{1,30} )?at any ?time"
    r"|^\W{0,3}(?:simply |just )?(?:pop|enter|type|put|drop) your e-?mail(?: address)?"
    r" (?:in|into|below|here|above)\b"
    r"|we(?:'|’)?ll send you [\w ]{0,30}\b(?:e-?mails?|newsletters?|roundups?|digests?)\b"
    r"|^sign[- ]?up successful|^thanks? (?:you )?for (?:signing up|subscribing)\b"
    # a sentence telling the reader to sign up for the outlet's newsletter, after its pitch
    # ("Get a note directly from our foreign correspondents … Sign up for our weekly What in
    # the World newsletter.", "Sign up to The Daily H, a free newsletter curated by our
    # editors …"): "Sign up for the scheme closes on Friday" names no newsletter
    r"|(?:^|[.!?]\s+)sign up (?:for|to) (?:our|the) [^.!?]{0,60}\bnewsletters?\b)",
    re.IGNORECASE,
)
# Reuse and registration small print ("Written permission must be obtained before reprint",
# "Mit der Registrierung akzeptieren Sie unsere Datenschutz- und Nutzungsbedingungen").
_SMALL_PRINT = re.compile(
    r"\b(?:written permission|permission must be obtained|without (?:prior )?permission"
    r"|may not be (?:re)?(?:published|reproduced|distributed)|nachdruck (?:nur|verboten)"
    r"|akzeptieren sie (?:unsere|die) (?:datenschutz|nutzungs|agb)|you agree to (?:our|the) "
    r"(?:terms|privacy)|reproduction interdite"
    # the site's licence line ("Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website
    # unter CC-BY"): the licence named, so "unless stated otherwise, prices ..." stays
    r"|(?:inhalte dieser (?:website|webseite|seite)|content (?:on|of) this (?:site|website))"
    r"\b[^.]{0,40}\b(?:cc[- ]by|creative commons))",
    re.IGNORECASE,
)
# A figure caption: "Abbildung 4: ...", "Fig. 2.", "Image illustrative : ...".
_FIGURE = re.compile(
    r"^\W{0,2}(?:abbildung|abb\.|figure|fig\.|grafik|image illustrative|ilustración|imagen)"
    r"\s*\d{0,3}\s*[:.]",
    re.IGNORECASE,
)
# An author bio under the article: "<Name> ist Redakteurin im Ressort ...", "Jane Doe is the
# founder of ...", or the same with the name cut off by the extractor ("ist Gründungspartner
# der Kanzlei ..."). The line opens with capitalised words only (a name), then the verb, at
# most a few title words, and a role; only the last blocks are looked at (_drop_tail_bios),
# where bios sit, so "The mayor is a former reporter" in the middle of a story is safe.
_BIO_ROLES = (
    r"(?:co-?)?founder|editor|reporter|writer|journalist|correspondent|columnist|author"
    r"|consultant|contributor|head of|(?:chef)?redakteur\w*|autor\w*|journalist\w*"
    r"|gründ\w*|korrespondent\w*|kolumnist\w*|leiter\w*|volontär\w*|periodista|redactor\w*"
    r"|fundador\w*|corresponsal|journaliste|rédact\w*|fondat\w*|dziennikar\w*"
    r"|verslaggever|redacteur|giornalist\w*|redattor\w*|jornalist\w*|reporter\w*"
)
_BIO_TITLE_WORDS = (
    r"the|a|an|our|der|die|das|ein|eine|un|una|le|la|senior|chief|deputy|managing|staff"
    r"|freelance|former|contributing|regular|veteran|investigative|political|assistant"
    r"|associate|executive|digital"
    r"|freie[rs]?|stellvertretende[rs]?|leitende[rs]?|[\w]+-"
)
_BIO = re.compile(
    r"^(?:[A-ZÄÖÜ][\w.'’-]+\s+){0,4}(?i:ist|is|es|est|war|was|è|é|jest|arbeitet als|works as)\s+"
    rf"(?:(?i:{_BIO_TITLE_WORDS})\s*){{0,3}}"
    # the paper's name before the role ("is a San Francisco Chronicle staff writer")
    rf"(?:[A-Z][\w.&'’-]*\s+){{0,4}}(?:(?i:{_BIO_TITLE_WORDS})\s*){{0,2}}(?i:{_BIO_ROLES})"
)
# The bio that says what its writer covers and how to reach them ("Jane Doe covers city hall
# for the Gazette. Reach her at ..."): a name of two to four words, the beat, then the
# contact. The contact tells it from a story's last line ("Smith covers the costs for ...").
_BIO_BEAT = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){2,4}(?:covers|writes about|reports on)\s[^.]{1,100}\.\s+"
    r"(?i:(?:you can )?(?:reach|contact|email|e-mail|follow) (?:her|him|them)"
    r"|(?:she|he|they) can be reached"
    # or the writer's career ("Before joining the paper, he reported from Leeds …")
    r"|before (?:joining|coming to|that)|previously,? (?:she|he|they)"
    r"|(?:she|he|they) (?:previously|formerly) (?:worked|reported|wrote|covered))\b"
)
# The bio that names the outlet's beat with a possessive ("Lea Schmitt is The Valley
# Herald's education correspondent."): the outlet's name, its "'s", a beat of up to three
# words and the role; only in the last blocks, as _BIO.
_BIO_OUTLET_BEAT = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){2,4}is (?:the )?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s)\s+"
    rf"(?:[\w-]+\s+){{0,3}}(?i:{_BIO_ROLES})\b"
)
# The bio that names no one: "Die Autorin ist Achtsamkeitslehrerin und ...", "The writer is a
# fellow at ...", "Autor*in: Prof. Dr. X ist seit 2014 ...". The author as the subject of the
# copula, or the label, opening a block at the end (where reviews speak of "der Autor des
# Werks", the copula does not follow).
_BIO_LABEL = re.compile(
    r"^\W{0,2}(?:(?:der|die) (?:autor|autorin|verfasser|verfasserin) (?:ist|war)"
    r"|the (?:author|writer) (?:is|was)|l'aut(?:eur|rice) (?:est|était)|(?:el|la) autora? es"
    r"|autor(?:\*in|in|innen)?:"
    r"|about the authors?:)\s",
    re.IGNORECASE,
)
# Blocks at the end of the text where a bio is looked for.
BIO_TAIL_BLOCKS = 2
# A bio with the author's contact details runs to ~70 words ("... She is also a freelance
# writer. Follow us on ... Email: ..."); a closing paragraph of the story that opens like a
# bio ("The mayor is a former reporter") is usually longer, and _BIO still needs the role.
BIO_MAX_WORDS = 80

# A review note under a health or advice article ("Dieser Text entspricht den Vorgaben der
# ärztlichen Fachliteratur ... und wurde von Medizinern geprüft", "This article was medically
# reviewed by ..."): the text speaks of itself, and names who checked it, so "Der Entwurf
# wurde von Juristen geprüft" in a story stays.
_REVIEW_NOTE = re.compile(
    r"^\W{0,2}(?:(?:dieser|unser) (?:text|artikel|beitrag|ratgeber)\b[^.]{0,150}?\b(?:von|durch)"
    r" (?:medizinern|ärzt\w*|fachärzt\w*|expert\w*|fachleuten|apothek\w*|unserer? \w*redaktion)"
    r"\b[^.]{0,40}?\b(?:geprüft|überprüft)"
    r"|this (?:article|content|post|page)\b[^.]{0,100}?\b(?:medically reviewed|fact[- ]checked"
    r"|reviewed by (?:a |an |our )?(?:doctor|physician|medical|expert|pharmacist)))",
    re.IGNORECASE,
)
# How to reach the newsroom, under the story: "To reach the reporter behind this story,
# contact ...", "Email the author at ...", "Have a news tip? ...", "Haben Sie einen Hinweis
# für die Redaktion?". The reporter or editor as the one to contact, or the reader's tip.
_CONTACT_NEWSROOM = re.compile(
    r"^\W{0,2}(?:(?:to reach|to contact|contact|reach|email|e-mail|write to) (?:the )?(?:reporter"
    r"|writer|author|editor|journalist)s?\b|(?:have|got) a (?:news )?tip\b|do you have a news tip\b"
    r"|(?:do you )?have a story idea\b|do you have a story for us\b|(?:haben sie|hast du)"
    r" (?:einen )?(?:hinweis|tipp) für (?:uns|die redaktion)"
    # Tamedia's feedback box (tdg.ch, 24heures, Tages-Anzeiger): its heading alone or its
    # question, so "Signaler une erreur médicale reste difficile" stays
    r"|signaler une erreur\W*$|fehler gefunden\?"
    r"|vous (?:voulez|souhaitez) (?:nous )?communiquer un renseignement\b"
    # the letters desk's address under a column ("We welcome your comments at letters@…")
    r"|we welcome (?:your )?(?:comments|feedback|letters|views|tips)\b[^.!?]{0,40}@)",
    re.IGNORECASE,
)
# The comment section's own lines: its form, its rules and its appeals ("Ihr Kommentar ist zu
# lang", "Um einen Kommentar zu hinterlassen, loggen Sie sich bitte ein", "Please spare some
# time to comment below", "Comments are closed"). "declined to comment" is not among them.
_COMMENT_BOX = re.compile(
    r"\b(?:ihr(?:en)? kommentar\b|(?:einen|deinen|ihren) kommentar (?:zu )?(?:hinterlassen"
    r"|schreiben|verfassen|abgeben)|kommentar(?:e|en)? (?:unter (?:diesen|diesem|den)"
    r" (?:artikel|beitrag)|entfernen|löschen|deaktiviert)"
    r"|freue mich (?:auf|über) (?:deinen|ihren|euren) kommentar"
    r"|comments? (?:are|is) (?:closed|disabled)|leave a (?:comment|reply)|post a comment"
    r"|your comment\b|comment below|love a comment"
    # the section's moderation note and count, and the question put to readers under the
    # text ("Verraten Sie gerne in den Kommentaren: ...", "Let us know in the comments")
    r"|kommentare (?:erscheinen|werden) (?:erst )?(?:nach|nachdem)|kommentare insgesamt"
    r"|(?:verrat|schreib|erzähl|teil)(?:en sie|t|e)? (?:uns |mir )?(?:gerne |es |doch )?"
    r"(?:in den|im) kommentar|let (?:us|me) know in the comments|in the comments below"
    # the section's disclaimer ("Kommentare von Lesern stellen keinesfalls die Meinung der
    # Redaktion dar!", "Comments do not represent the views of The Daily Example")
    r"|^\W{0,3}(?:die )?(?:leser)?kommentare\b[^.!?]{0,40}\bmeinung der redaktion"
    r"|^\W{0,3}(?:(?:reader|user)s?(?:'|’)? )?comments\b[^.!?]{0,40}\b(?:do not|don't|does not"
    r"|are not)\b[^.!?]{0,30}\b(?:views?|opinions?) of\b)",
    re.IGNORECASE,
)
# The consent placeholder of an embedded post, video or map ("Klicken Sie auf den unteren
# Button, um den Inhalt von www.komoot.de zu laden.", "Mit dem Laden des Inhalts akzeptieren
# Sie die Datenschutzerklärung von YouTube.", "Click the button below to load the content
# from Instagram."): the page speaks of loading a third party's content.
_EMBED_CONSENT = re.compile(
    r"\b(?:um (?:den |die |das )?(?:inhalte?|beitrag|video|karte|tweet) (?:von|aus) .{1,60}?"
    r" zu laden|(?:mit dem|beim) laden (?:des|der) (?:inhalts?|inhalte|videos?|karte)"
    r" akzeptier\w*|to load the (?:content|video|map|post) (?:from|of)\b"
    r"|(?:by loading|when you load) the (?:content|video|map),? you (?:accept|agree))",
    re.IGNORECASE,
)
# A media library's availability label ("Video verfügbar bis 28.02.2021", "Available until
# 3 March 2024"), a listing's pager ("Es werden die Weine 1 bis 10 von insgesamt 19
# angezeigt!", "Showing 1–10 of 19 results") and a download's file label ("PDF | 38 KB |
# Datei ist nicht barrierefrei").
_AVAILABLE_UNTIL = re.compile(
    r"^\W{0,2}(?:(?:video|audio|sendung|folge)\s+)?(?:verfügbar bis|available (?:until|till)"
    r"|disponible (?:hasta|jusqu'au))\b",
    re.IGNORECASE,
)
_PAGER = re.compile(
    r"\b\d+\s*(?:bis|-|–|to)\s*\d+\s+(?:von|of|de|sur)\s+(?:insgesamt\s+)?\d+\b.{0,40}"
    r"\b(?:angezeigt|ergebnisse?n?|treffern?|einträgen?|results?|items|products|produkten?"
    r"|resultados|entries)\b"
    r"|^\W{0,2}(?:showing|zeige|anzeige) \d+\s*(?:-|–|bis|to)\s*\d+ (?:of|von) \d+",
    re.IGNORECASE,
)
_FILE_LABEL = re.compile(
    r"\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub)\b\s*[|(,–-]?\s*\(?\d+(?:[.,]\d+)?\s*(?:kb|mb|kib|mib)\b"
    r"|\bdatei ist nicht barrierefrei\b",
    re.IGNORECASE,
)
# "(Alle Angaben ohne Gewähr)": the disclaimer under a list of prices or dates.
_NO_WARRANTY = re.compile(r"^\W{0,2}(?:alle )?angaben ohne gewähr\W{0,2}$", re.IGNORECASE)
# A teaser link between double angle brackets (">> Wegen Corona: ... schließen <<").
_ARROWED_TEASER = re.compile(r"^>>\s*\S.{3,200}<<$")
# A widget's own explanation ("Mit diesem Button kannst Du diese Episode ... hinzufügen").
_WIDGET_HELP = re.compile(
    r"^\W{0,2}(?:mit|über) (?:diesem|dem) (?:button|knopf)\b|^\W{0,2}(?:with|using) this button\b",
    re.IGNORECASE,
)
# The publisher's "about this series / about us" box closing the text: its heading alone on
# a line among the last blocks (_drop_tail_about); the heading and the box after it go.
_ABOUT_HEADING = re.compile(
    r"^\W{0,2}(?:über (?:diese (?:reihe|serie)|uns|den autor|die autorin)|zu dieser (?:reihe|serie)"
    r"|zum autor|zur autorin|about the authors?|sobre (?:el|la) autora?"
    r"|à propos de l'aut(?:eur|rice)"
    r"|about (?:this series|us)|sobre (?:esta serie|nosotros)"
    r"|à propos(?: de (?:nous|cette série))?)\W{0,2}$",
    re.IGNORECASE,
)
# A company's boilerplate closing its press release: "Über die X GmbH: Die X GmbH ist ...",
# "About X: X is a ..." -- the label names the firm and the text after it names it again,
# or the label's name ends in a company form. "Über die Jahre hinweg ..." has no colon.
_COMPANY_ABOUT = re.compile(
    r"^(?:über|about) (?:(?:die|den|das|the) )?(?P<firm>[^:.!?]{2,60}?)\s*:\s+(?:(?:die|der|das"
    r"|the) )?", re.IGNORECASE)
_COMPANY_FORM = re.compile(r"\b(?:gmbh|ag|se|kg|e\.\s?v|inc|ltd|llc|plc|corp)\.?$", re.IGNORECASE)
COMPANY_ABOUT_MAX_WORDS = 120
# Blocks at the end of the text where an about-box heading is looked for: the heading and
# one or two paragraphs of the box.
ABOUT_TAIL_BLOCKS = 3

# Word stems without which none of _long_furniture's patterns can match, tested with `in`
# on the lower-cased line: most lines are prose, and the case-insensitive searches of those
# patterns on every line cost more than all the other rules together (bench in BENCHMARKS.md).
_LONG_FURNITURE_STEMS = (
    "subscri", "abonn", "wesprzyj", "support", "unterstütz", "letter", "hear what", "help us",
    "compensation", "commission", "advertis", "affili", "afiliad", "provision", "partnerlink",
    "permission", "nachdruck", "published", "reproduc", "distribut", "akzeptieren sie",
    "you agree", "interdite", "follow", "folg", "sígu", "suiv", "obserwuj", "©",
    "to view the", "to read the", "references to products", "cancel", "kündbar", "résiliable",
    "inhalte dieser", "content o", "abbestell", "aktivierungs", "bestätigungs", "confirmation",
    "activation", "your email", "your e-mail", "send you", "sign-up", "signup", "sign up",
    "signing up",
)


_CHANNEL = re.compile(r"\b(?:nuestro canal|our channel|unser(?:em|en)? kanal)\b", re.I)
# An invitation to the outlet's messenger channel or news feed, however long its pitch
# ("Join ST's Telegram channel and get the latest breaking news delivered to you.", "📣
# Follow Indian Express on WhatsApp and Google News. Click here to join …"): the call
# opens the line, names the channel and ends its sentence with no comma: "Join our
# WhatsApp channel for the results, the party told its supporters." reports a call, and
# "Follow-up inspections …" names no channel.
_CHANNEL_CALL = re.compile(
    r"^\W{0,3}(?:join|follow)\b[^,.!?]{0,50}?\b(?:whatsapp|telegram|google news|signal|viber)"
    r"\b[^,.!?]*(?:[.!?]|$)", re.IGNORECASE)
CHANNEL_CALL_MAX_WORDS = 30

# The agency credit Indian desks close a story with: "(With inputs from PTI)", "(With PTI
# inputs)", "— With inputs from Reuters". Short: "With inputs from farmers' groups, the
# ministry drafted …" is a sentence.
_INPUTS_CREDIT = re.compile(
    r"^\W{0,3}with (?:[\w.'’-]+ ){0,2}inputs?(?: from [\w .,&'’-]{1,40})?\W{0,3}$", re.I)

# The desk's credit line: "Published By: Jane Doe", "Edited By: Jane Doe", "Edited by Jane
# Doe" (India Today, essays' editors), or in brackets, "(Edited by Jane D.)" (ThePrint): a
# capitalised name and nothing else, so "Edited by a retired judge, the report …" stays.
_DESK_CREDIT = re.compile(
    r"^(?P<open>\()?(?:Published|Edited|Curated|Produced|Compiled) [Bb]y\s*:?\s*"
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?(open)\)|)$")

# A story's last line that is only the editor's initials ("/cb", "/jpv": the Inquirer's
# desk) or the outlet's address after a dash ("– Rappler.com").
_DESK_SIGN = re.compile(
    r"^/[a-z]{2,4}$|^[-–—]\s*[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|ph|in|pk|ng|ke"
    r"|za|sg|my|nz|au|co\.[a-z]{2})$")

# A note that the text is a reprint or ran in print ("This article originally appeared in
# the South China Morning Post …", "This article appears in the December 2026 print
# edition with the headline …", "This story was first published in …"): the page's
# note on the text, not the text.
_REPRINT_NOTE = re.compile(
    r"^This (?:article|story|essay|piece|report|interview|column|post)(?: was| has been)?"
    r" (?:originally |first )?(?:appeared|appears|published|ran|runs) in\b"
    # a distributor's note ("This story was produced by Stacker Studio and reviewed and
    # distributed by Stacker."), a print copy's reprint notice ("This copy is for your
    # personal, non-commercial use only. …", Dow Jones')
    r"|^This (?:article|story|piece|content) was produced by .{1,80}\b(?:distributed|syndicated)"
    r" by\b|^This (?:copy|article|material) is for (?:your )?personal,? non-commercial use\b",
    re.I)
REPRINT_NOTE_MAX_WORDS = 60

# The outlet's disclaimer ("Disclaimer: The views and recommendations made above are those
# of individual analysts …", "Disclaimer: News24 encourages freedom of speech …"): its
# label and colon open the line, and the first sentence speaks of views, advice or
# responsibility. "Disclaimer notices on the packaging were …" has no colon.
_DISCLAIMER = re.compile(
    r"^disclaimer\s*:\s*[^.!?]*\b(?:views?|opinions?|advice|advise|recommendations?"
    r"|responsib\w*|endorse\w*|freedom of speech)\b", re.I)
DISCLAIMER_MAX_WORDS = 80

# A wire desk's sign under the story: the agency and the desk's initials ("EFE jl/ics",
# "EFE-EPA ads/sk") or AFP's bureau slug ("bur-jj/des", "burs-ach/tym", "sah/lb"): lower-case
# initials around slashes, nothing a sentence has.
_WIRE_DESK_SIGN = re.compile(
    r"^(?:(?:EFE|EFE-EPA|AFP|ANSA|dpa|AP|EPA|Xinhua)\s+)?(?:burs?-)?[a-z]{2,4}(?:/[a-z]{2,4}){1,3}$")
# PR Newswire's line under a release naming who sent it ("SOURCE Northwind Analytics"):
# the word in capitals, then a name of capitalised words and nothing else.
_RELEASE_SOURCE = re.compile(r"^SOURCE [A-Z0-9][\w&.,'’()-]*(?: (?:[A-Z0-9&][\w&.,'’()-]*|of|and"
                             r"|for))*$")
WIRE_DESK_SIGN_MAX_WORDS = 5  # _words counts "EFE-EPA ads/sk" as four
# A distribution service's link to its copy ("View original content to download
# multimedia: https://www.prnewswire.com/…", "View source version on businesswire.com:
# https://…"), and a print or AMP copy's pointer to the page it came from ("This article
# was printed from https://…", "URL: https://…", "The original version of this article is
# at https://…"): the line is the label and the address.
_VIEW_RELEASE = re.compile(
    r"^View (?:the )?(?:original content|source version|original release)\b[^:]{0,60}:\s*\S+$")
_PRINTED_FROM = re.compile(
    r"^(?:URL:\s*\S+$|(?:This (?:article|story|page|copy) (?:was |is )?printed from|Printed from"
    r"|The original (?:version of this (?:article|story)|article|story) (?:is|can be found|was"
    r" published) (?:at|on|here)\b))", re.IGNORECASE)
# A press release's legal paragraph on forward-looking statements: its heading alone
# ("Forward-Looking Statements", "Safe Harbor Statement", "Cautionary Note Regarding
# Forward-Looking Statements"), or a paragraph whose first sentence names them and that
# speaks the lawyers' words (actual results may differ, risks and uncertainties, no
# obligation to update, the Securities Act). The same paragraph closes every release of
# the firm: not news. A story's sentence about a firm's forward-looking statements has no
# such words, or reports someone ("…, the regulator said").
_SAFE_HARBOR_HEADING = re.compile(
    r"^(?:cautionary (?:note|statement|language)s?(?: (?:regarding|concerning|about|on|for))? )?"
    r"(?:(?:safe harbou?r(?: statement)?(?: (?:for|regarding) )?)?forward[- ]looking"
    r" (?:statements?|information)|safe harbou?r(?: statement)?)\W*$", re.IGNORECASE)
_SAFE_HARBOR = re.compile(r"^[^.!?]*\bforward-looking (?:statements?|information)\b",
                          re.IGNORECASE)
_SAFE_HARBOR_LEGAL = re.compile(
    r"\b(?:actual (?:results|events|outcomes)\b[^.]{0,30}\bdiffer|risks and uncertainties"
    r"|undertakes? no (?:obligation|duty)|speak only as of|securities (?:act|exchange act|"
    r"litigation reform act)|safe harbou?r)\b", re.IGNORECASE)
SAFE_HARBOR_MAX_WORDS = 250

# Closing and opening lines the templates write as bare paragraphs inside the story's own
# container, with no box or class to tell them apart (issue 13, family I). Each is the
# site speaking to the reader about the story, the outlet or the writer, never the story:
# - the reader's tip asked for: a question naming a tip, story, claim or information, then
#   the way to send it ("Have you got a story? Email newsdesk@…", "Do you have information
#   about … we should know? Contact …"); a question in a story is not followed by "Email".
_TIP_QUESTION = re.compile(
    r"^\W{0,2}(?:do you (?:have|know)|have you got|have|got|know)\b[^.!?]{0,80}\b(?:tips?"
    r"|story|stories|something|anything|information|claim|idea)\b[^.!?]{0,60}\?\s+"
    r"(?:please )?(?:email|e-mail|contact|send|reach"
    r"|call|text|write|message|get in touch|tell us|let us know|dm)\b", re.IGNORECASE)
TIP_QUESTION_MAX_WORDS = 45
# - the reader asked to pass the text on ("Please share this article if you found it
#   helpful.", "If you found this post useful, please share it …", "Enjoyed this? Forward
#   it to a friend."): the text speaks of itself; "Share prices fell …" does not.
_SHARE_PROMPT = re.compile(
    r"^\W{0,2}(?:thanks? (?:you )?for reading\W+)?(?:(?:please )?(?:share|forward) (?:this|it)\b"
    r"(?: (?:article|story|post|piece|newsletter|email))?(?: (?:with|to) (?:a friend|friends"
    r"|someone|others|anyone|your \w+)| on social media| if you (?:found|find|enjoyed|liked))"
    r"|if you (?:found|find|enjoyed|liked)\b[^.!?]{0,40}?,? (?:please )?(?:share|forward)"
    r" (?:it|this)\b|enjoyed this\?\s*(?:forward|share) it\b)", re.IGNORECASE)
SHARE_PROMPT_MAX_WORDS = 30
# - the stamp that says only that the text changes ("This story has been updated.", "This
#   is a developing story. Check back for updates."): a note that says WHAT changed ("This
#   story has been updated with the company's comment …") is the story's and stays.
_UPDATE_STAMP = re.compile(
    r"^(?:this (?:story|article|post|report|page) (?:has been|was|will be|may be|is being)"
    r" updated|this is an? (?:developing|breaking)(?: news)? (?:story|situation)"
    r"(?:,? (?:and|which|that) (?:it )?(?:will|may) be updated\b[^.!?]*)?"
    r"(?:[.!]\s*(?:please )?(?:check back|refresh|stay with us|we will update|it will be"
    r" updated|more (?:details|information|updates) (?:to follow|will)\b)[^.!?]*)?)\W*$",
    re.IGNORECASE)
UPDATE_STAMP_MAX_WORDS = 25
# - a newsletter's goodbye and greeting ("That's all for this week. See you next Sunday.",
#   "See you next week, Lea", "Hi friends, and welcome to this week's edition.")
_NEWSLETTER_SIGNOFF = re.compile(
    r"^(?:that(?:'|’)s (?:all|it) for (?:this week|today|now|this edition|this issue)[.!]?\s*)?"
    r"(?:(?:see you|talk to you|until) (?:next (?:week|time|month|issue|\w+day)|tomorrow|soon)"
    r"\b[^.!?]{0,30}[.!]?)?$|^(?:hi|hello|hey|dear) (?:friends|everyone|all|folks|readers"
    r"|subscribers)\b[^.!?]{0,20}\bwelcome to (?:this|today)(?:(?:'|’)s)? (?:week(?:'|’)s )?"
    r"(?:edition|issue|newsletter|dispatch)\b", re.IGNORECASE)
NEWSLETTER_SIGNOFF_MAX_WORDS = 15
_SIGNOFF_OPENINGS = ("that", "see you", "talk to you", "until", "hi ", "hello", "hey", "dear")
# - the outlet's licence to republish ("Republish our articles for free, online or in
#   print, under a Creative Commons license."): the reader may reprint THIS text.
_REPUBLISH_NOTE = re.compile(
    r"\b(?:republish|reprint)\w* (?:this|our) (?:articles?|stor(?:y|ies)|work|reporting)\b"
    r"[^.!?]*\b(?:for free|free of charge|creative commons|under a)\b", re.IGNORECASE)
REPUBLISH_NOTE_MAX_WORDS = 45
# - the note placing the text in the outlet's series or programme ("This article is part
#   of our work to fact-check …", "This story is part of a series on …").
_SERIES_NOTE = re.compile(
    r"^this (?:article|story|report|piece|fact[- ]check|post|project) is (?:part|one) of"
    r" (?:our|an?|the)\b[^.!?]{0,80}\b(?:series|work|project|coverage|partnership"
    r"|collaboration|initiative|program(?:me)?|effort)\b", re.IGNORECASE)
SERIES_NOTE_MAX_WORDS = 40
# - the outlet introducing itself with a pitch ("X is a nonprofit newsroom that investigates
#   abuses of power. Sign up to receive our biggest stories …"): the self-description and a
#   call in the same paragraph; a story's sentence about a newsroom carries no call.
_NONPROFIT_PITCH = re.compile(
    r"^[A-Z][\w.&'’ -]{0,50} is an? (?:(?:independent|nonpartisan|nonprofit|non-profit"
    r"|not-for-profit|reader-supported|reader-funded),? (?:and )?)+(?:[\w-]+ ){0,2}"
    r"(?:newsroom|news organi[sz]ation|news site|news outlet|publication|journalism)\b"
    r"[^!?]*\b(?i:sign up|subscribe|newsletter|donat\w+|support us|become a member)\b")
NONPROFIT_PITCH_MAX_WORDS = 50
# - pointers to the outlet's policies ("Read about our process", "Read our corrections
#   policy.", "If you spot an error, read our corrections policy to find out how to report
#   it.")
_POLICY_POINTER = re.compile(
    r"^(?:(?:read|see|view|learn) (?:more )?(?:about )?(?:our|the) (?:process|methodology"
    r"|corrections? policy|ethics policy|editorial (?:standards|policy|guidelines)"
    r"|fact[- ]check(?:ing)? (?:process|methodology|policy)|rating system)\W*$"
    r"|if you (?:spot|see|find|notice|believe|think)\b[^.!?]{0,40}\b(?:an? error|a mistake"
    r"|an inaccuracy|something wrong)\b[^.!?]{0,80}\b(?:contact|e-?mail|let us know|tell us"
    r"|read our|report it|corrections? policy|write to)\b)", re.IGNORECASE)
POLICY_POINTER_MAX_WORDS = 35
_POLICY_OPENINGS = ("read", "see", "view", "learn", "if you")
# - a follow call ending on the writer's handle ("Follow Paul on X: @pokafor"): X has no
#   name _SOCIAL can search for; the handle says it.
# - a syndicated copy's pointer to its first headline ("Originally published as Council
#   backs the plan"; News Corp's papers): a headline, so no sentence end; "Originally
#   published as a pamphlet in 1848, the manifesto was soon translated." stays.
_ORIGINALLY_AS = re.compile(r"^Originally published as [^.!?]{3,200}$")
ORIGINALLY_AS_MAX_WORDS = 30
_FOLLOW_HANDLE = re.compile(r"^\W{0,2}(?i:follow)\b(?:[^.!?@]{0,50}@\w{2,}\W*$"
                            r"| (?i:me|us) on [A-Z]\w+)")


def _closing_line(s: str, low: str, n: int) -> str | None:
    """The rule for a template's bare closing or opening line (family I), or None.
    Each test sits behind a word count and a substring or first-word test."""
    if n <= TIP_QUESTION_MAX_WORDS and "?" in s and _TIP_QUESTION.match(s) and (
            not _REPORTED.search(s)):
        return "cta"
    # (a reported call stays: "Share this with your neighbours, the mayor told residents")
    if n <= SHARE_PROMPT_MAX_WORDS and ("share" in low or "forward" in low) and (
            _SHARE_PROMPT.match(s)) and not _REPORTED.search(s):
        return "cta"
    if n <= UPDATE_STAMP_MAX_WORDS and low.startswith("this ") and _UPDATE_STAMP.match(s):
        return "date"
    if n <= NEWSLETTER_SIGNOFF_MAX_WORDS and low.startswith(_SIGNOFF_OPENINGS) and (
            _NEWSLETTER_SIGNOFF.match(s)):
        return "ui"
    if n <= REPUBLISH_NOTE_MAX_WORDS and ("republish" in low or "reprint" in low) and (
            _REPUBLISH_NOTE.search(s)):
        return "legal"
    if n <= SERIES_NOTE_MAX_WORDS and low.startswith("this ") and _SERIES_NOTE.match(s):
        return "ui"
    if n <= NONPROFIT_PITCH_MAX_WORDS and (" is a" in s) and (
            "profit" in low or "partisan" in low or "independent" in low or "reader-" in low
    ) and _NONPROFIT_PITCH.match(s):
        return "cta"
    if n <= POLICY_POINTER_MAX_WORDS and low.startswith(_POLICY_OPENINGS) and (
            _POLICY_POINTER.match(s)):
        return "ui"
    if n <= ORIGINALLY_AS_MAX_WORDS and s[:11] == "Originally " and _ORIGINALLY_AS.match(s):
        return "ui"
    if n <= 15 and low.startswith("follow") and _FOLLOW_HANDLE.match(s):
        return "cta"
    return None

# Family J (session 59): what players, live blogs and photo boxes leave between a story's
# paragraphs as lines of their own, with no box that names them. (An embedded post's
# signature, "— Jane Doe (@janedoe) March 3, 2026", is not among them: the dev gold keeps
# it, with the post, on 16 pages.)
# An audio player's button with the recording's length ("Listen to this article · 12 min",
# "Listen · 4:12", "8 min listen"); the bare button is in _UI_EXACT. "Listen to the
# recordings and you can hear …" has words after the call, not a length.
_LISTEN_LENGTH = re.compile(
    r"^(?:(?:listen|play)(?: to (?:this|the) (?:article|story|episode|report))?"
    r"|audio)\s*[·•|:–-]?\s*(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,3}\s*(?:min|mins|minutes?)\.?)$"
    r"|^\d{1,3}\s*(?:min|mins|minutes?)\.? listen$",
    re.IGNORECASE,
)
LISTEN_LENGTH_MAX_WORDS = 8
# A radio story's player naming the programme it aired on ("Heard on Morning Edition",
# "As heard on The Current"): the label and a capitalised programme, nothing after it (a
# sentence "Heard on the radio, the warning …" goes on in lower case).
_HEARD_ON = re.compile(r"^(?:As [Hh]eard|Heard|Aired) on (?:[A-Z0-9][\w'’&-]*(?: |$)){1,5}$")
HEARD_ON_MAX_WORDS = 7
# A live blog's update stamp, or a video's length, alone on its line: a clock time with a
# zone or am/pm, or "4:12" — no word of a story ("12.50" alone may be a table's price).
_CLOCK_ONLY = re.compile(
    r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|BST"
    r"|UTC|CET|CEST|AEST|AEDT|IST|SAST|WAT|EAT|HKT|SGT|JST))?$"
    r"|^\d{1,2}\.\d{2}\s*[ap]\.?m\.?(?:\s+(?:ET|GMT|BST|UTC|CET|AEST|AEDT|IST))?$",
    re.IGNORECASE,
)
# A caption closed by its labelled credit after the sentence's end ("… after the storm on
# Tuesday. Image: Reuters", "… Photo: Jane Doe/AP"), or by the photographer "for" the
# outlet in brackets ("… in 2019. (Jane Doe for The Courier)"): no sentence of the story
# ends on a picture's label or a photographer's commission. Case-sensitive: credits are
# capitalised. (_CAPTION_CREDIT takes the short ones; a caption runs longer.)
_CLOSING_CREDIT = re.compile(
    r"[.!?][\"”’']?\s+(?:\(?(?:Photo|Image|Picture|Photograph|Foto)(?: credit)?: ?"
    r"[A-Z][\w.'’&-]*(?: ?[/ ] ?[A-Z][\w.'’&-]*){0,5}\)?"
    r"|\((?:[A-Z][\w.'’-]+ ){1,3}for (?:[Tt]he )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}\))$"
)


def _in_flow_line(s: str, low: str, n: int) -> str | None:
    """The rule for a player's, a live blog's or a photo's line left between a
    story's paragraphs (family J), or None. Each test sits behind a word count and a
    first-character or substring test."""
    if n <= LISTEN_LENGTH_MAX_WORDS and low[:1] in "lpa0123456789" and _LISTEN_LENGTH.match(low):
        return "ui"
    if n <= HEARD_ON_MAX_WORDS and " on " in s and _HEARD_ON.match(s):
        return "ui"
    if n <= 6 and s[:1].isdigit() and _CLOCK_ONLY.match(s):  # ("p.m." counts two)
        return "date"
    if n <= AGENCY_CAPTION_MAX_WORDS and (":" in s[-60:] or " for " in s[-60:]) and (
            _CLOSING_CREDIT.search(s)):
        return "credit"
    return None


# Family K (session 60): the apparatus of long reads, explainers and service pages, as
# lines of their own.
# An entry of a reference list: "Surname, I. (2019). Title. Journal 12(3): 45–67." — the
# author inverted with an initial, the year in brackets, and a page range or a DOI last
# (with a "[1]" or "1." before it in a numbered list). A story citing a study ("Smith, J.
# (2019) found that …") names no pages at its end.
_CITATION = re.compile(
    r"^(?:\[\d{1,3}\]\s*|\d{1,3}\.\s+|- )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,"
    r"(?: [A-Z]\.){1,3}[^()]{0,200}\((?:19|20)\d\d[a-z]?\)\."
    r".*?(?:\d{1,5}\s*[–-]\s*\d{1,5}|\bdoi(?:\.org/|:\s?)\S+)\.?$"
)
CITATION_MAX_WORDS = 80
# A health page's reviewer credit over its text ("Medically reviewed by Jane Doe, MD",
# "Fact checked by Dr. Tom Hale"): the credit and a name with its degrees, nothing after;
# "Reviewed by the board in March, the plan …" goes on in lower case.
_REVIEWED_BY = re.compile(
    r"^(?:(?:Medically|Clinically) )?(?:[Rr]eviewed|[Ff]act[- ][Cc]hecked)(?: and fact[- ]checked)?"
    r" by (?:Dr\.? )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"(?:,? (?:[A-Z][A-Za-z.]{1,5})(?:,? [A-Z][A-Za-z.]{1,5})*)?$"
)
REVIEWED_BY_MAX_WORDS = 10
# A gallery's position in a picture box written with a spaced slash ("3 / 12"; "1/4" with
# no spaces is a recipe's quantity) or in French, Dutch, Italian or Portuguese ("Photo 3 sur
# 12", "Foto 3 van 12", "Foto 3 di 12"; _COUNTER has English, German and Spanish).
_GALLERY_POSITION = re.compile(
    r"^(\d{1,3}) / (\d{1,3})$"
    r"|^(?:image|photo|picture|slide|bild|foto|imagen|immagine|imagem) (\d{1,3}) (?:sur|van|di|de) "
    r"(\d{1,3})$",
    re.IGNORECASE,
)


def _apparatus_line(s: str, low: str, n: int) -> str | None:
    """The rule for a reference entry, a reviewer credit or a gallery's position
    (family K), or None. Each test sits behind a word count and a character test."""
    if 6 <= n <= CITATION_MAX_WORDS and s[-1] not in "!?" and ". (" in s[:80] and (
            _CITATION.match(s)):
        return "credit"
    if n <= REVIEWED_BY_MAX_WORDS and " by " in s and _REVIEWED_BY.match(s):
        return "credit"
    if n <= 4 and s[-1:].isdigit() and _is_gallery_position(s):
        return "ui"
    return None


def _is_gallery_position(s: str) -> bool:
    """"3 / 12", "Foto 3 van 12": a position no further than the gallery's length, and a
    gallery of at least three (a "1 / 2" alone is a quantity)."""
    m = _GALLERY_POSITION.match(s)
    if not m:
        return False
    at, of = (int(g) for g in m.groups() if g is not None)
    return 1 <= at <= of and of >= 3


# Family L (session 61): the reader's tools and the site's notices that publishers in eight
# languages print as lines of their own, with no class that names them.
# An audio player's button in de / fr / es / nl / it / pt / pl, with or without the
# recording's length ("Artikel anhören · 5 Min.", "Écouter cet article"); the English one is
# _LISTEN_LENGTH's. "Listening to the article's critics, …" goes on.
_LISTEN_FOREIGN = re.compile(
    r"^(?:(?:artikel|beitrag) (?:vor)?(?:anhören|hören)|écouter (?:cet|l')\s?article"
    r"|escuchar (?:este|el) artículo|luister naar (?:dit|het) artikel"
    r"|ascolta (?:l'|questo )\s?articolo|ouvir (?:este|o) artigo|posłuchaj(?: tego)? artykułu)"
    r"(?:\s*[·•|:–-]?\s*(?:\d{1,2}:\d{2}|\d{1,3}\s*min\w*\.?))?$"
)
# A share row's label in the same languages ("Partager l'article", "Deel dit artikel"); the
# English "Share this article" is in _UI_EXACT.
_SHARE_LABEL = re.compile(
    r"^(?:(?:diesen )?artikel teilen|partager (?:l'|cet )\s?article"
    r"|compartir (?:este |el )?artículo|deel (?:dit|het) artikel"
    r"|condividi (?:questo |l')?\s?articolo"
    r"|partilh[ae] (?:este|o) artigo|compartilhe (?:este|o) artigo|udostępnij(?: ten)? artykuł)$"
)
# A comment counter as a line: the count and the word, perhaps a short call after a
# separator ("42 comments · Join the conversation", "184 comentários", "Kommentare (12)").
# A sentence that opens with a count ("42 comments were read into the record.") goes on
# without a separator.
_COMMENT_COUNT = re.compile(
    r"^(?:(?:\d{1,3}(?:[.,]\d{3})+|\d{1,5})\s+(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|reacties"
    r"|commenti|komentarz\w*|reactions?)(?:\s*[·•|–—-]\s*[^.!?\d]{0,40})?"
    r"|(?:comments?|kommentare|commentaires|comentarios|comentários|reacties|commenti"
    r"|komentarze)\s*\(\d{1,5}\))$",
    re.IGNORECASE,
)
COMMENT_COUNT_MAX_WORDS = 8
# The newsroom's policy links inside the article: a row of short items split by "·" / "|"
# with a policy's name among them ("Corrections policy · Ethics policy · Contact the
# newsroom", "Unsere Standards · Korrekturen · Kontakt"), or the sentence pointing at "our"
# standards or corrections ("Read our corrections policy. Report an error to …"). A story on
# a council's ethics rules names no policy of "our".
_POLICY_ITEM = re.compile(
    r"^(?:(?:our |unsere )?(?:corrections?|ethics|editorial|ethik|korrektur)\w*"
    r"(?: (?:policy|policies|standards?|code|and \w+|richtlinien))?|(?:our |unsere )?standards"
    r"|charte de déontologie|déontologie|signaler une erreur|fe de errores|principios editoriales"
    r"|report an error|contact (?:the newsroom|us)|kontakt(?: zur redaktion)?|contacto"
    r"|nous contacter)$"
)
_OUR_POLICY = re.compile(
    r"\b(?:our (?:corrections? policy|ethics policy|editorial standards|standards and ethics"
    r"|code of ethics|editorial (?:guidelines|policy))|see a mistake\?|report an error to)",
    re.IGNORECASE,
)
POLICY_NOTE_MAX_WORDS = 25
# A paywall's lines in Italian, French and English that _PAYWALL and _LOGIN do not hold
# ("Continua a leggere con l'abbonamento", "Sei già abbonato? Accedi", "Déjà abonné ? Se
# connecter", "Get unlimited access to our journalism …").
_PAYWALL_MORE = re.compile(
    r"^(?:continua a leggere(?: con l'abbonamento| l'articolo| abbonandoti|$)"
    r"|abbonati (?:per (?:leggere|continuare)|ora)|sei già abbonato|déjà abonné"
    r"|abonnez-vous pour|get unlimited access|already a subscriber|sie sind bereits abonnent"
    r"|ya eres suscriptor|al abonnee|já é assinante|masz już subskrypcję)\b"
)
PAYWALL_MORE_MAX_WORDS = 20
# A native ad's label alone on its line, in the eight languages ("Paid post", "Gesponsord",
# "Materiał sponsorowany"), and its sponsor's credit ("Presented by Allianz"): a capitalised
# name after the credit, nothing else ("Presented by the mayor, the plan …" goes on).
_SPONSOR_LABELS = frozenset((
    "sponsored", "paid post", "paid content", "partner content", "advertorial", "promoted",
    "anzeige", "gesponserter inhalt", "gesponsert", "sponsored content", "contenu sponsorisé",
    "publi-rédactionnel", "patrocinado", "contenido patrocinado", "gesponsord",
    "contenuto sponsorizzato", "sponsorizzato", "conteúdo patrocinado",
    "materiał sponsorowany", "artykuł sponsorowany", "materiał partnera",
))
_SPONSOR_CREDIT = re.compile(
    r"^(?:presented by|sponsored by|brought to you by|in partnership with|präsentiert von"
    r"|in zusammenarbeit mit|présenté par|en partenariat avec|presentado por|patrocinado por"
    r"|aangeboden door|presentato da|in collaborazione con|apresentado por|partnerem(?: jest)?)"
    r" [A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,3}$",
    re.IGNORECASE,
)
# A topics row: its label, a colon and at least three short items split by commas ("Themen:
# Klima, Energie, Berlin", "Argomenti: …", "Tematy: …"): no item a clause of a sentence
# ("Topics: the budget, the roof and the new parking rules were discussed" ends long).
_TOPICS_ROW = re.compile(
    r"^(?:tags?|topics|themen|schlagwörter|stichwörter|sujets|thèmes|mots-clés|temas|etiquetas"
    r"|onderwerpen|trefwoorden|argomenti|tópicos|tematy|tagi)\s?:\s*"
    r"(?:[^,.!?:]{1,40}(?:,\s*|$)){3,}"
)
TOPICS_ITEM_MAX_WORDS = 4
TOPICS_ROW_MAX_WORDS = 40


def _page_furniture_line(s: str, low: str, n: int) -> str | None:
    """The rule for a reader's tool or a site's notice on a line of its own (family L), or
    None. Each test sits behind a word count and a first-character or substring test."""
    if n <= 6 and low[:1] in "abeélpo" and _LISTEN_FOREIGN.match(low):
        return "ui"
    if n <= 5 and low[:1] in "acdpu" and _SHARE_LABEL.match(low):
        return "ui"
    if n <= COMMENT_COUNT_MAX_WORDS and low[:1] in "0123456789ckr" and (
            "ment" in low or "reac" in low) and _COMMENT_COUNT.match(s):
        return "ui"
    if n <= POLICY_NOTE_MAX_WORDS and ("·" in s or "|" in s) and all(
            _POLICY_ITEM.match(item.strip().lower()) for item in re.split(r"[·|]", s)):
        return "ui"
    if n <= POLICY_NOTE_MAX_WORDS and ("our " in low or "error" in low or "mistake" in low) and (
            _OUR_POLICY.search(s)):
        return "ui"
    if n <= PAYWALL_MORE_MAX_WORDS and low[:1] in "acdgjmsy" and _PAYWALL_MORE.match(low):
        return "cta"
    if n <= 3 and low in _SPONSOR_LABELS:
        return "ui"
    if n <= 8 and " " in s and _SPONSOR_CREDIT.match(s):
        return "ui"
    if n <= TOPICS_ROW_MAX_WORDS and "," in s and ":" in s[:14] and _TOPICS_ROW.match(low) and all(
            _words(item) <= TOPICS_ITEM_MAX_WORDS for item in s.partition(":")[2].split(",")):
        return "ui"
    return None


_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CTX = re.compile(
    r"\b(?:accept|consent|we use|this (?:site|website) uses|privacy|datenschutz|akzeptier\w*"
    r"|einverstanden|verwende\w*|nutz\w*|zustimm\w*|aceptar|utiliza\w*|acceptez|utilis\w*"
    r"|używa\w*|zgadzasz|akceptuj\w*|gebruik\w*|akkoord|utilizz\w*|accett\w*|concorda\w*)",
    re.IGNORECASE,
)

# A line that is only a date and/or a time ("23.10.2018", "19:49", "3:59 PM", "January 13").
_MONTHS = (
    r"jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:a|ä)r(?:ch|z)?|apr(?:il)?|ma[iy]|jun[ie]?|"
    r"jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?"
)
# The print edition's line under a story ("Published in Dawn, December 7th, 2026"): the
# paper's name and a date only; "Published in 1998, the novel …" names no paper. A
# magazine's says "the print edition" itself ("Published in the print edition of the
# December 7, 2026, issue, with the headline “…”."), whatever follows.
_PRINT_EDITION = re.compile(r"^(?:Published|Printed|Appeared|It appeared) in the print edition"
                            r" of (?:the )?[A-Z0-9]")
_PRINTED_IN = re.compile(
    r"^(?:Published|Printed|Appeared) in (?:the )?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4},?"
    rf" (?:on )?(?:(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?"
    rf" (?:of )?(?:{_MONTHS})),? \d{{4}}\.?$", re.IGNORECASE)

_DATE_ONLY = re.compile(
    r"^\W*(?:(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?(?:\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{4}})"
    # the time after a comma or a dash ("20. März 2021 - 15:00 Uhr")
    r"(?:,?\s*(?:[-–—]\s*)?(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)\W*$",
    re.IGNORECASE,
)

# A publication or update stamp: labels, weekdays, months, numbers, times, meridians and
# time zones and nothing else ("Updated 1:15 PM ET, Thu March 5, 2020", "Last updated: 13
# July 2020", "PUBLISHED: 10:02 EST, 5 March 2020 | UPDATED: 12:00 EST, 5 March 2020",
# "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46"). The date has its own
# column; a sentence always has a word that is none of these.
_STAMP_LABELS = (
    r"(?:first |last |latest |originally )?(?:published|publish date|updated?|update|posted"
    r"|uploaded|modified|written|created|edited|erschienen|aktualisiert|veröffentlicht|stand|publié"
    r"|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
    r"|opublikowano|zaktualizowano|atualizado|date|datum|fecha)"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo"
)
_MONTH_NAMES = (
    _MONTHS + r"|january|february|march|april|june|july|august|september|october|november"
    r"|december|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai"
    r"|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo"
    r"|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio"
    r"|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|sept"
    r"|ene|dic|gen|ago|set|ott|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
    r"|novembro|dezembro|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września"
    r"|października|listopada|grudnia"
)
_STAMP_TOKEN = re.compile(
    rf"(?<!\w)(?:{_STAMP_LABELS}|{_WEEKDAYS}|{_MONTH_NAMES}"
    r"|\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,4}(?:st|nd|rd|th|er|e)?|a\.m\.|p\.m\.|am|pm|uhr"
    r"|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|gmt|bst|utc|cet|cest|mez|mesz|ist|aest"
    r"|aedt|hkt|sgt|jst|kst|wib|sast|on|at|am|um|le|el|il|op|of|de|del|à|a las|alle|ore|em|às"
    r")(?!\w)\.?",
)
_STAMP_REST = re.compile(r"[\s,./|:;()\-–—•·+]*")
_STAMP_CALENDAR = re.compile(
    rf"(?<!\w)(?:{_MONTH_NAMES})(?!\w)"
    r"|(?<![\d.-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?![\d.-])"
)


# A relative stamp ("Updated 3 hours ago", "2 hours ago", "vor 5 Minuten aktualisiert").
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:last |first )?(?:updated|published|posted|aktualisiert|veröffentlicht)\s*:?\s*)?"
    r"(?:\d{1,3}|an?|one)\s+(?:seconds?|secs?|mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago$"
    r"|^(?:(?:aktualisiert|veröffentlicht)\s+)?vor\s+\d{1,3}\s+(?:sekunden|minuten|stunden|tagen)"
    r"(?:\s+(?:aktualisiert|veröffentlicht))?$",
    re.IGNORECASE,
)
# What makes a date a stamp: its label, or a time of day beside it. A weekday and a date
# alone ("Donnerstag, 03. Februar 2022", "FRIDAY APRIL 17", "Mittwoch, 01.11.2023") or a
# span of dates ("23.10.2015 - 25.10.2015") head a schedule's days or a tour's dates, which
# are content. A time is no part of a dotted date: "01.11" in "01.11.2023" is day and month.
_STAMP_LABEL = re.compile(rf"(?<!\w){_STAMP_LABELS}(?!\w)")
_STAMP_CLOCK = re.compile(r"(?<![\d.])\d{1,2}[:.h]\d{2}(?!\d|[./-]\d)")


def _is_stamp(low: str) -> bool:
    """`low`: a lower-cased short line with a digit. True when it is a date stamp: a label
    or a time and a month name or a numeric date, or a label and a time without a date
    ("Updated at 6:00 p.m. ET": the day is the story's), and no word that is none of these."""
    if _STAMP_CALENDAR.search(low):
        marked = bool(_STAMP_LABEL.search(low) or _STAMP_CLOCK.search(low))
    else:
        marked = bool(_STAMP_LABEL.search(low) and _STAMP_CLOCK.search(low))
    return marked and bool(_STAMP_REST.fullmatch(_STAMP_TOKEN.sub(" ", low)))


# A byline the metadata did not name: "By" and one to four people (or an agency), perhaps
# an outlet or a role after a comma or a bar ("By Jane Doe and John Smith, Reuters", "BY
# JANE DOE", "By The Associated Press"). Case-sensitive: names are capitalised; "By the
# numbers" and "By contrast" are not names, "By The Numbers" is excluded by its words.
_BYLINE_UNNAMED = re.compile(
    r"^(?:By|BY)\s*:?\s+(?!(?:The|THE|This|That|These|Those|Then|Now|Far) (?![Aa]ssociated|AP\b)"
    r"(?![A-Z][a-z]+ (?:Press|News)))"
    # a weekday, a month or a way to travel is no name ("By Tuesday, ...", "By Car"), unless
    # a surname follows ("By April Ryan")
    rf"(?!(?i:{_WEEKDAYS}|{_MONTH_NAMES}|car|train|bus|plane|air|boat|bike|foot|road|rail"
    r"|sea)\b(?! [A-Z][a-z]))"
    r"(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|AND|&)\s*(?:[A-Z][\w.'’-]*\s*){1,4})*"
    # an outlet or a role after a comma or a bar, a date after "on"
    r"(?:(?:[,|/–—-]|\bon\b)\s*[A-Z][^.!?]{0,40})?$"
)
_BYLINE_PREFIX = re.compile(
    r"^(?:by|von|por|par|di|de|door|autor(?:in)?|author|text|written by|reporter)\s*:?\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# Separators and table rules: "___", "* * *", "|---|---|", "...", a lone "。". Brackets
# are not in it: "=)" and ":-)" are a blogger's words (a dev page's annotators want one).
_SEPARATOR_ONLY = re.compile(r"[-_=*•·.…|+~#—–。、,;:/\\ ]+$")
_DIGIT = re.compile(r"\d")
# A year, a month name or a day.month: what makes a date more than a time of day.
_CALENDAR = re.compile(r"\d{4}|\d{1,2}\.\d{1,2}\.|[^\W\d]{3}")
# (with the full-width marks of Chinese and Japanese: a paragraph of theirs ends in 。)
_SENTENCE_END = re.compile(r"[.!?…:;\"”“»«)。！？：；」』）]\s*$")


@dataclass
class BoilerplateResult:
    """The cleaned text and how many lines each rule removed (for health reports)."""

    text: str
    removed: dict[str, int] = field(default_factory=dict)


def _share_words(line: str) -> list[str]:
    return [w for w in re.split(r"[\s|·•,/]+", line) if w]


def _is_share_row(words: list[str]) -> bool:
    """Every word a network or a share button, one of them more than "X" (an athlete's
    "x x x" in a results table is three failed attempts)."""
    return all(_SHARE_TARGET.fullmatch(word) for word in words) and any(
        word not in ("x", "X") for word in words)


# What follows a "Related:" cue in the story's own prose: a lower-case word, then a whole
# sentence ("Related: a separate study found that traffic had doubled."). A linked
# headline after the cue starts with a capital ("RELATED: Man arrested after ...") or
# stops without a sentence's end.
_PROSE_AFTER_CUE = re.compile(r"^[^:]{1,40}:\s+[a-zà-ÿ][^:]*[.!?][\"”’']?$")
MIN_PROSE_AFTER_CUE_WORDS = 10


def _prose_after_cue(line: str) -> bool:
    m = _PROSE_AFTER_CUE.match(line)
    return m is not None and len(line.split(":", 1)[1].split()) >= MIN_PROSE_AFTER_CUE_WORDS


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _is_linklike(line: str) -> bool:
    """A short line without sentence punctuation: a teaser title in a 'related' list."""
    return _words(line) <= 16 and not _SENTENCE_END.search(line.rstrip("-–— "))


# A list item ("- " is how the extract stage writes <li>) after a "related" heading is one
# of its teasers even when it is a sentence ("Here's what the world will look like in
# 2030 ... right?", "Want the best tools to get healthy? Check out our picks"), up to
# TEASER_ITEM_MAX_WORDS words.
TEASER_ITEM_MAX_WORDS = 30
# What opens a "related" list's item: the extract stage's "- " alone (a box's perks
# may open with a bullet or a tick too, `_PERK`).
_TEASER_ITEM = re.compile(r"- ")


def _is_list_item(line: str, marker: re.Pattern) -> bool:
    """A line that `marker` opens, of at most TEASER_ITEM_MAX_WORDS words: an item of the
    list a heading takes along (a "related" list's teasers, a box's perks)."""
    return bool(marker.match(line)) and _words(line) <= TEASER_ITEM_MAX_WORDS


def _is_teaser_item(line: str) -> bool:
    return _is_list_item(line, _TEASER_ITEM)


# The heading of a box offering membership or a subscription, over the list of what it
# gives ("Join now or renew to get:", "Subscribers get:"); "Inhalte für den nächsten
# Newsletter:" in a club's minutes is a call by its word, and its list is the minutes'.
# Only headings a call-to-action rule marks first are asked (seed 70: "Renew now to get:",
# "Members get:" are no call, and a club's "Mitglieder erhalten:" lists the club's own).
_PERKS_HEADING = re.compile(
    r"^\W{0,3}(?:join|subscribe|sign up|become a (?:member|subscriber)"
    r"|subscribers (?:get|receive)|werden sie mitglied|jetzt mitglied werden|abonnieren sie)\b",
    re.IGNORECASE)
# A list item as a box writes it: a dash, a bullet or a tick first.
_PERK = re.compile(r"^(?:[-–—•·✓✔✅]\s)")


def _is_perk(line: str) -> bool:
    return _is_list_item(line, _PERK)


def _norm_name(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


# A blogger's sign-off under the post ("Euer HansEhrlich", "Liebe Grüße, Anna", "Yours,
# Tom"): it names the author but is the end of the text, not a byline.
_SIGN_OFF = re.compile(
    r"^(?:euer|eure|dein|deine|yours|cheers|love|herzlichst|(?:liebe|viele|beste|herzliche)"
    r" grüße|best wishes|kind regards|xoxo)\b[,!]?\s",
    re.IGNORECASE,
)


# A byline is a prefix, the names and a date at most: "Von Maria Lopez und Anna Keller,
# Gazette, 3. Mai 2024, 10:15 Uhr".
BYLINE_MAX_WORDS = 14


def _is_byline(line: str, authors: Iterable[str]) -> bool:
    """A line of at most BYLINE_MAX_WORDS words (counted by the caller: counting is a
    tenth of classify_line's time) that names an author and little else ("By Jane Doe |
    3 May 2024")."""
    if _SIGN_OFF.match(line.strip()):
        return False
    low = _norm_name(line)
    for author in authors:
        name = _norm_name(author)
        if len(name) < 5 or name not in low:
            continue
        rest = low.replace(name, " ").split()
        # what remains besides the name: a prefix word, a date, a role -- a few tokens
        if len(rest) <= 6 or _BYLINE_PREFIX.match(line):
            return True
    return False


# What separates the fields of a date label: pipes, and the middle dots and bullets that
# templates put between a date and its time or section ("14.10.2020 ∙ 14:00 Uhr",
# "Handball Schweiz • 02.02.2022").
_LABEL_SEPARATORS = re.compile(r"[|·•∙]")


def _is_dated_label(line: str) -> bool:
    """A line of short fields between pipes (or middle dots, bullets), one of them a calendar
    date: "24. März 2004, 19:49 | Genesis", "2021-10-16 | Botschaft", "Title | Section | Outlet
    | 23.05.2011", "14.10.2020 ∙ 14:00 Uhr".

    Not a table row or a list item (those start with the separator: a schedule or a results
    table is content), and a bare time or number ("2:00 PM", "0.15%") is not a date here.
    """
    if _LABEL_SEPARATORS.match(line.lstrip()):
        return False
    parts = [p.strip() for p in _LABEL_SEPARATORS.split(line) if p.strip()]
    return (
        len(parts) >= 2
        and any(_DATE_ONLY.match(p) and _CALENDAR.search(p) for p in parts)
        and all(_words(p) <= 12 for p in parts)
    )


def _is_dated_section(line: str) -> bool:
    """A date and the section it was filed under, nothing else ("May 06, 2022 News",
    "31.01.2016 Hardware"): the label above a story. Not a list item ("- 28 mai 2016 :
    AgoraVox" in a list of sources)."""
    head, _, section = line.rpartition(" ")
    return (bool(head) and section.isalpha() and section[0].isupper()
            and not line.startswith(("- ", "* ", "• ")) and _DATE_ONLY.match(head) is not None)


def _long_furniture(s: str, n: int) -> str | None:
    """The boxes that run longer than a button: several networks named, a subscription
    or reader appeal of a few sentences, an advertiser disclosure, reuse small print."""
    if n <= 40 and _FOLLOW_US.search(s) and len(set(_SOCIAL.findall(s.lower()))) >= 2:
        return "cta"
    if (n <= 35 and _SUBSCRIBE_BOX.search(s)) or (n <= 25 and _APPEAL.search(s)):
        return "cta"
    if _ADVERTISER.search(s):
        return "ui"
    # (a story's sentence opening on "Copyright lawyers …" may speak of use "without
    # permission": _COPYRIGHT_PROSE spares it here as in the copyright-notice rule)
    if n <= 40 and ((_SMALL_PRINT.search(s) and not _COPYRIGHT_PROSE.match(s))
                    or (s.startswith("©") and _LEGAL.search(s))):
        return "legal"
    return None


# A PHP engine's message printed into the page above the template: "Deprecated:
# preg_replace(): The /e modifier is deprecated, use preg_replace_callback instead in
# /www/htdocs/.../formatting.php on line 82", "Warning: Undefined array key ... in
# /var/www/... on line 12". The server's, never the story's: it names a script and a line.
_PHP_MESSAGE = re.compile(
    r"^(?:PHP )?(?:Deprecated|Warning|Notice|Strict Standards|Fatal error|Parse error"
    r"|Catchable fatal error|Recoverable fatal error)\s*:\s.*\bin\s+\S+\.(?:php\d?|inc)"
    r"(?:\(\d+\))?\s+on\s+line\s+\d+$")


# A page's own short address after its label, as an info list gives it ("Permalink
# https://p.dw.com/p/3WRPd", "Kurzlink: https://...").
_LINK_LABEL = re.compile(
    r"^(?:permalink|short ?link|short url|kurzlink|kurz-url|kurz-link)\s*:?\s*https?://\S+$")


def _is_labelled_button(low: str) -> bool:
    """Whether a lowercased line is a button behind a label of one word: an icon's name
    read before the button's words ("print print this page", "share share this
    article"), or a label and its colon before a button of several words ("feedback:
    send us your feedback"), as a page's info list writes its items."""
    label, _, rest = low.partition(" ")
    rest = rest.rstrip(" .!")
    if rest not in _UI_EXACT:
        return False
    return label == rest.partition(" ")[0] or (label.endswith(":") and " " in rest)


def classify_line(line: str, authors: Iterable[str] = ()) -> str | None:
    """Return the rule that marks `line` as boilerplate, or None to keep it."""
    # trafilatura writes table cells between pipes ("| Weitere Artikel zum Thema |"), and
    # pages glue words with no-break spaces, which the cue patterns would not match
    spaced = " ".join(line.split())  # str.split knows every Unicode space, and is fast
    s = spaced.strip("|").strip()
    if not s or _SEPARATOR_ONLY.match(s):
        return "empty"
    n = _words(s)
    low = s.lower().strip(" .:!?-–—|·•»›>*")
    if n <= 5 and low in _UI_EXACT:
        return "ui"
    if (n <= 6 and _is_labelled_button(low)) or _LINK_LABEL.match(low):
        return "ui"
    if _RECOMMENDS.match(s):  # (it counts its own words: "Tom's Guide" is two)
        return "related"
    if SHARE_ROW_MIN_WORDS <= n <= 10 and _is_share_row(_share_words(s)):
        return "ui"
    if 2 <= n <= SITE_LINKS_MAX_WORDS and _SITE_LINK.match(s) and all(
            _SITE_LINK.fullmatch(word) for word in _share_words(s)):
        return "ui"
    if n <= 5 and ":" in s and _PROFILE_FIELD.match(s):
        return "ui"
    if n <= 7 and low in _RELATED_EXACT:
        return "related"
    if n <= 20 and _TEASER_LABEL.match(s):
        return "related"
    if n <= 4 and _COUNTER.match(low):
        return "ui"
    if n <= 6 and _SHOW_ALL.match(low):
        return "ui"
    # (these patterns are whole short lines: no word bound is needed before them)
    if _EMBED_CALL.match(low) or _READING_TIME.match(low) or _PAGE_STEPS.match(low):
        return "ui"
    if low.endswith(" in pictures") and _IN_PICTURES.match(low):
        return "related"
    if n <= PLAYER_TEXT_MAX_WORDS and _PLAYER_TEXT.match(low):
        return "ui"
    if n <= 12 and (_META_UI.match(low) or _POSTED_IN.match(s)):
        return "ui"
    if n <= 12 and _UI_PREFIX.match(s):
        return "ui"
    if (n <= 30 and (_RELATED_LINE.match(s) or _WEAK_RELATED_LINE.match(s))
            and not _prose_after_cue(s)):
        return "related"
    if n <= 12 and _RELATED_HEADING.match(s):
        return "related"
    if n <= 25 and low.startswith("lesen sie mehr ") and _READ_MORE_ON.match(s):
        return "related"
    # (not before a colon: "Das Konzeptpapier finden Sie hier:" introduces what follows)
    if n <= 15 and low.endswith(" hier") and s[-1] != ":" and _HERE_POINTER.search(low):
        return "related"
    # a cue opening a short label without a sentence end: "Entdecke weitere Homestorys"
    if n <= 6 and _RELATED_START.match(s) and not re.search(r"[.!?]\s*$", s):
        return "related"
    if n <= 15 and _DISCLOSURE.match(s):
        return "ui"
    if n <= 12 and _AD_CONTINUES.match(s):
        return "ui"
    if n <= 20 and _LOGIN.search(s):
        return "cta"
    if n <= 25 and _may_be_legal(low) and _LEGAL.search(s) and not (
            n >= 10 and _COPYRIGHT_PROSE.match(s)):
        return "legal"
    if n <= 60 and "permission" in low and _PERMISSION.search(s):
        return "legal"
    if n <= 14 and (_CREDIT.match(s) or _NAMED_CREDIT.search(s)):
        return "credit"
    if n <= 8 and _CJK_EDITOR_LINE.match(s):
        return "credit"
    if n <= AGENCY_CAPTION_MAX_WORDS and _CAPTION_LABEL.match(s):
        return "credit"
    if n <= 8 and (_COURTESY.match(s) or _PHOTO_LABEL.match(s)):
        return "credit"
    if n <= 30 and _WIRE_COVERAGE.match(s):
        return "related"
    if n <= 40 and (s[:1] in "RAWEC-–—(" or "contribut" in s) and _COPY_CREDIT.match(s):
        return "credit"
    if n <= 40 and _TEMPLATE_NOTE.match(s):
        return "ui"
    if n <= 30 and "@" in s and _WRITER_CONTACT.match(s):
        return "bio"
    if n <= 30 and _BREADCRUMB.match(s):
        return "ui"
    if n <= 80 and s.endswith(tuple("0123456789")) and _PHP_MESSAGE.match(s):
        return "ui"
    if n <= 8 and (_AGENCY.match(s) or (_last_word(low) in _AGENCY_LAST_WORDS
                                        and _WIRE_SIGN.match(s))):
        return "credit"
    if n <= 12 and _DATE_ONLY.match(s):
        return "date"
    if n <= 13 and _is_dated_section(s):  # a date line's 12 words and the section's name
        return "date"
    if n <= 24 and _DIGIT.search(s) and _is_stamp(s.lower()):
        return "date"
    if n <= 6 and (low.endswith(" ago") or "vor " in low) and _RELATIVE_STAMP.match(s):
        return "date"
    if n <= 14 and s[:2] in ("By", "BY") and _BYLINE_UNNAMED.match(s):
        return "byline"
    if n <= 40 and _COOKIE.search(s) and _COOKIE_CTX.search(s):
        return "cookie"
    # (a reported sentence stays: "Subscribers to the scheme will pay more, the utility said")
    if n <= 20 and _CTA.search(s) and not _REPORTED.search(s):
        return "cta"
    if (n <= 30 and _PAYWALL.search(s)) or (n <= 20 and _APPEAL.search(s)):
        return "cta"
    # (the bracket and the slash tested first: searching every line costs more than both)
    if n <= 30 and ((("©" in s or ":" in s or "(" in s) and _CAPTION_CREDIT.search(s))
                    or (")" in s[-3:] and _PAREN_CREDIT.search(s))
                    or ("/" in s and _SLASH_AGENCY.search(s))):
        return "credit"
    if n <= AGENCY_CAPTION_MAX_WORDS and (
            ("/" in s and _AGENCY_SLASH_NAME.search(s))
            or ("Getty" in s and _VIA_GETTY.search(s)) or _IMAGE_LABEL.match(s)):
        return "credit"
    if "/" in s and _NAME_SLASH_SOURCE.match(s):
        return "credit"
    if n <= 40 and ((")" in s[-2:] and "/" in s and _PAREN_NAME_OUTLET.search(s))
                    or ("y " in s and _TRAILING_BY.search(s))):
        return "credit"
    if n <= 20 and _SOCIAL.search(s) and (_FOLLOW.search(s) or _CHANNEL.search(s)):
        return "cta"
    if n <= CHANNEL_CALL_MAX_WORDS and ("join" in low or "follow" in low) and (
            _CHANNEL_CALL.match(s)):
        return "cta"
    if n <= 8 and "input" in low and _INPUTS_CREDIT.match(s):
        return "credit"
    if n <= 6 and s[0] in "PECpec(" and _DESK_CREDIT.match(s):
        return "credit"
    # (n counts a domain's labels and its hyphen's halves: "– ABS-CBN.com" is three, "–
    # mb.com.ph" three; the pattern itself holds the line to one token)
    if n <= 6 and s[0] in "/-–—" and _DESK_SIGN.match(s):
        return "credit"
    if n <= REPRINT_NOTE_MAX_WORDS and low.startswith("this ") and _REPRINT_NOTE.match(s):
        return "ui"
    if n <= DISCLAIMER_MAX_WORDS and low.startswith("disclaimer") and _DISCLAIMER.match(s):
        return "ui"
    if n <= 12 and s[0] in "PAp" and _PRINTED_IN.match(s):
        return "date"
    if n <= REPRINT_NOTE_MAX_WORDS and s[0] in "PAI" and _PRINT_EDITION.match(s):
        return "date"
    # a syndicated copy's note ("(Only the headline and picture of this report may have been
    # reworked by the Business Standard staff; the rest of the content is auto-generated
    # from a syndicated feed.)"): it ends on the feed
    if n <= 45 and "syndicated feed" in low[-20:]:
        return "ui"
    if n <= WIRE_DESK_SIGN_MAX_WORDS and "/" in s and _WIRE_DESK_SIGN.match(s):
        return "credit"
    if n <= 9 and s[:7] == "SOURCE " and _RELEASE_SOURCE.match(s):
        return "credit"
    # Reuters' link labels say where they go ("Acquire Licensing Rights, opens new tab")
    if n <= 8 and low.endswith(", opens new tab"):
        return "ui"
    if n <= 30 and "://" in s and (_VIEW_RELEASE.match(s) or _PRINTED_FROM.match(s)):
        return "ui"
    if n <= SAFE_HARBOR_MAX_WORDS and ("forward" in low or "harbo" in low) and (
            _SAFE_HARBOR_HEADING.match(s) or (_SAFE_HARBOR.match(s) and _SAFE_HARBOR_LEGAL.search(s)
                                              and not _REPORTED.search(s))):
        return "legal"
    rule = _closing_line(s, low, n)
    if rule:
        return rule
    rule = _in_flow_line(s, low, n)
    if rule:
        return rule
    rule = _apparatus_line(s, low, n)
    if rule:
        return rule
    rule = _page_furniture_line(s, low, n)
    if rule:
        return rule
    if n <= 60 and any(stem in low for stem in _LONG_FURNITURE_STEMS):
        rule = _long_furniture(s, n)
        if rule:
            return rule
    if n <= AFFILIATE_NOTE_MAX_WORDS and ("link" in low or "affiliate" in low) and (
            _AFFILIATE_NOTE.search(s)):
        return "ui"
    if n <= 8 and _NAV_LINE.match(s) and not re.search(r"[.!?]\s*$", s):
        return "related"
    if n <= ARROW_LABEL_MAX_WORDS and s[-1] in ">»›→" and _ARROW_LABEL.match(s):
        return "related"
    if n <= BRACKETED_PROMO_MAX_WORDS and s[0] == "[" and _BRACKETED_PROMO.match(s):
        return "related"
    if n <= 8 and _JOIN.match(s) and "?" not in s:
        return "cta"
    if n <= 15 and _MORE_INFO.match(s) and _WEB_POINTER.search(s):
        return "related"
    if n <= 60 and any(stem in low for stem in _FUNDING_STEMS) and _FUNDING.search(s):
        return "cta"
    if n <= 60 and _ENJOYED.match(s):
        return "cta"
    if n <= 40 and _FIGURE.match(s):
        return "credit"
    if n <= 40 and _REVIEW_NOTE.match(s):
        return "ui"
    if n <= 30 and ("comment" in low or "kommentar" in low) and _COMMENT_BOX.search(s):
        return "cta"
    if n <= 40 and _CONTACT_NEWSROOM.match(s):
        return "cta"
    if n <= 40 and _WIDGET_HELP.match(s):
        return "ui"
    if n <= 40 and ("lad" in low or "load" in low) and _EMBED_CONSENT.search(s):
        return "ui"
    if n <= 8 and _AVAILABLE_UNTIL.match(s):
        return "ui"
    # (each search after a substring test its pattern cannot match without)
    if n <= 20 and (" von " in low or " of " in low or " de " in low or " sur " in low) and (
            _PAGER.search(s)):
        return "ui"
    if n <= 25 and ("kb" in low or "mb" in low or "barrierefrei" in low) and _FILE_LABEL.search(s):
        return "ui"
    if n <= 5 and _NO_WARRANTY.match(s):
        return "legal"
    if n <= 30 and s.startswith(">>") and _ARROWED_TEASER.match(s):
        return "related"
    if n <= 5 and _CONTACT.match(s) and not re.search(r"[.!?]\s*$", s):
        return "ui"
    if n <= COMPANY_ABOUT_MAX_WORDS and low[:1] in "üa" and low.startswith(
            ("über ", "about ")) and _is_company_about(s):
        return "about"
    if _LOOKALIKE_LETTER.search(s) and _mixed_alphabet_words(s) >= MIXED_ALPHABET_MIN_WORDS:
        return "disguised"
    if authors and n <= BYLINE_MAX_WORDS and _is_byline(s, authors):
        return "byline"
    # after the byline rule: "By Jane Doe | 2 May 2024" is a byline first
    if n <= 25 and _LABEL_SEPARATORS.search(spaced) and _is_dated_label(spaced):
        return "date"
    return None


def _last_word(low: str) -> str:
    """The line's last word without its brackets and a desk after a slash ("dpa/lnw)")."""
    return low.rpartition(" ")[2].strip("().").partition("/")[0]


def _mixed_alphabet_words(line: str) -> int:
    """How many words of `line` are spelt partly in Latin, partly in Cyrillic or Greek."""
    return sum(1 for word in _WORD.findall(line) if _ALPHABET_SEAM.search(word))


def _is_related_heading(line: str) -> bool:
    """A cue alone on its line ("Auch interessant", "Read more:"): a list of links follows."""
    s = line.strip()
    if _RECOMMENDS.match(s):
        return True
    if _words(s) <= 7 and s.lower().strip(" .:!?-–—|·•»›>*") in _RELATED_EXACT:
        return True
    return _words(s) <= 12 and bool(
        (_words(s) <= 7 and (_RELATED_LINE.match(s) or _WEAK_RELATED_LINE.match(s)))
        or _RELATED_HEADING.match(s)
    )


# The headline is looked for among the first blocks: a kicker, a section's name or a date
# line may stand above it in the extracted text.
TITLE_BLOCKS = 4
KICKER_MAX_WORDS = 6


# The page's own headline beside a longer or shorter title in its <head> ("Hingucker beim
# Flugplatzfest: Zweite F13 kurz vor der Zulassung" for "Hingucker beim Flugplatzfest in
# Dessau: Zweite F13 ..."): nearly all its words the title's, most of the title's its own.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
HEADLINE_WORDS_IN_TITLE = 0.8
TITLE_WORDS_IN_HEADLINE = 0.6
# Words a headline may hold around the whole title: a kicker, a question after it.
HEADLINE_EXTRA_WORDS = 10
HOLDING_TITLE_MIN_WORDS = 3
_QUOTES = frozenset("\"'„“”»«‚‘’›‹")


def _is_headline_of(line: str, title_words: set[str]) -> bool:
    words = _norm_name(line).split()
    if not (HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS) or not title_words:
        return False
    if re.search(r"\.\W*$", line):  # a lead's sentence, not a headline
        return False
    inside = sum(1 for w in words if w in title_words)
    return (inside >= HEADLINE_WORDS_IN_TITLE * len(words)
            and len(title_words & set(words)) >= TITLE_WORDS_IN_HEADLINE * len(title_words))


def _holds_the_title(line: str, title_norm: str) -> bool:
    """The whole title inside a headline with a kicker or a question around it ("Tag der
    Abstimmung: Niederlage für Johnson: Parlament vertagt Votum über Brexit-Deal - wie geht
    es jetzt weiter?"), not in a lead's sentence, nor quoted in one ('Gestalte ein Plakat
    unter dem Motto: »Haltet unsere Gewässer sauber!«'). A title of one or two words
    ("Baumgutachten") is a word of many lines: only equal lines are it."""
    title = title_norm.split()
    if len(title) < HOLDING_TITLE_MIN_WORDS or re.search(r"\.\W*$", line):
        return False
    words = _norm_name(line)
    extra = len(words.split()) - len(title)
    if not (0 < extra <= HEADLINE_EXTRA_WORDS and f" {title_norm} " in f" {words} "):
        return False
    found = re.search(r"\W+".join(map(re.escape, title)), line, re.IGNORECASE)
    return found is None or line[:found.start()].rstrip()[-1:] not in _QUOTES


def _is_kicker(line: str) -> bool:
    """A short label without a sentence's end (above a headline: a kicker, not a lead)."""
    return _words(line) <= KICKER_MAX_WORDS and not re.search(r"[.!?…]\W*$", line)


def _is_company_about(s: str) -> bool:
    """A firm's boilerplate: "Über <firm>:" and the text naming the firm again, or a firm's
    name with its company form ("Über die Brandt & Söhne AG: Wir sind ...")."""
    m = _COMPANY_ABOUT.match(s)
    if not m:
        return False
    firm = m["firm"]
    return s.startswith(firm, m.end()) or bool(_COMPANY_FORM.search(firm))


# A press release's "About <Firm>" heading alone on its line (Business Wire, PR Newswire,
# GlobeNewswire put one over the firm's boilerplate: "About Northwind Analytics", "About
# Nielsen Measurement"), a name of capitalised words; the paragraph under it names the firm
# at its start and speaks of a firm ("X is a leading provider …", "Founded in 1994, X …",
# "headquartered in …", "visit www.x.com", "NASDAQ: X"). "About a third of the residents
# …" is a sentence, not a heading; a heading over a story's paragraph that does not
# describe a firm stays ("About Python" / "Python is an interpreted … language").
_FIRM_ABOUT_HEADING = re.compile(
    r"^About (?:the )?(?P<firm>[A-Z0-9][\w&.,'’-]*(?: (?:[A-Z0-9&][\w&.,'’()-]*|of|and|for|de))*)"
    r"\s*:?$")
_FIRM_SELF = re.compile(
    r"\b(?:company|companies|firm|provider|leader|founded|headquartered|subsidiary|nasdaq|nyse"
    r"|inc|corp|ltd|llc|plc|gmbh|visit)\b|www\.", re.IGNORECASE)
FIRM_ABOUT_HEADING_MAX_WORDS = 8
FIRM_ABOUT_MIN_BEFORE = 3  # lines of the release above its "About" heading, at least
FIRM_ABOUT_MAX_WORDS = 200
FIRM_NAMED_WITHIN = 80  # characters at the boilerplate's start where the firm is named


def _is_firm_about(heading: str, text: str) -> bool:
    """`heading` is "About <Firm>" and `text`, the paragraph under it, the firm's
    boilerplate: it names the firm near its start and says what the firm is."""
    if _words(heading) > FIRM_ABOUT_HEADING_MAX_WORDS or _words(text) > FIRM_ABOUT_MAX_WORDS:
        return False
    m = _FIRM_ABOUT_HEADING.match(heading)
    if not m:
        return False
    first = m["firm"].split()[0].rstrip(",.")
    return first in text[:FIRM_NAMED_WITHIN] and bool(_FIRM_SELF.search(text[:300]))


# A contact box's heading (alone on its line, with or without a colon) and the lines of the
# box: a name, a firm, a street, a town, phone and e-mail -- short, without a sentence's end.
_CONTACT_HEADINGS = frozenset(("kontakt", "contact", "contacts", "media contacts",
                               "press contacts", "investor contacts", "investor contact",
                               "pressekontakt", "press contact",
                               "medienkontakt", "media contact", "ansprechpartner",
                               "ansprechpartnerin", "kontakt für medien"))
# (a cheap test before the set: the longest heading and its colon. It was 16, shorter than
# "Investor Contacts" and "Ansprechpartnerin", whose boxes then stayed: seed 82)
CONTACT_HEADING_MAX_CHARS = max(map(len, _CONTACT_HEADINGS)) + 1
# Each heading alone on its line is a UI line, as "Kontakt" is: the box is taken only under
# a "ui" line, and "Pressekontakt", "Medienkontakt", "Press contact" (without a colon) and
# "Kontakt für Medien" were no rule's, so their boxes stayed (seed 82)
_UI_EXACT.update(_CONTACT_HEADINGS)
CONTACT_BOX_LINES = 8
CONTACT_DETAIL_MAX_WORDS = 6


def _is_contact_detail(line: str, authors: Iterable[str]) -> bool:
    if _is_related_heading(line):
        # the next box's heading ("- Weitere Infos zum Download:", jugend-forscht.de) ends
        # this one: it takes its own list of links along
        return False
    if _words(line) <= CONTACT_DETAIL_MAX_WORDS and (
            line.rstrip()[-1:] not in ".!?:" or _COMPANY_FORM.search(line.rstrip())):
        # (a firm's or a club's form ends its name with a full stop, not a sentence:
        # "Heimatverein Musterstadt e.V.", "Muster Ltd.")
        return True
    return classify_line(line, authors) is not None


POSTER_NAME_MAX_WORDS = 4


def _is_poster_name(line: str) -> bool:
    return _words(line) <= POSTER_NAME_MAX_WORDS and line.rstrip()[-1:] not in ".!?:"


# A video card's label over the next clip's title and its length ("Up next" / title /
# "2:31"): the title is no line of the story, though only the label and the length say so.
_PLAYER_LABELS = frozenset((
    "up next", "now playing", "next up", "watch next", "related video", "nächstes video",
    "vidéo suivante", "volgende video", "prossimo video", "próximo vídeo", "siguiente video",
    "a continuación", "a seguir",
))
PLAYER_TITLE_MAX_WORDS = 20
# A clip's length alone under its title ("2:31"; the card's label may be gone, dropped with
# the player): the title above it, no sentence (it ends on no full stop), goes with it. A
# live blog's stamp stands above its update, and carries "a.m." or a zone (_CLOCK_ONLY).
_VIDEO_LENGTH = re.compile(r"^\d{1,2}:[0-5]\d$")
# The heading of a reference list, dropped when a reference entry follows it ("Sources"
# over a story's paragraph stays).
_REFERENCE_HEADINGS = frozenset((
    "references", "sources", "notes", "bibliography", "literature", "quellen", "literatur",
    "einzelnachweise", "bronnen", "fuentes", "referencias", "fonti", "referências",
    "références",
))
# A timeline widget's heading over its dated events as list items: a box of other days'
# events kept beside the story (at least TIMELINE_MIN_ITEMS of them; a heading alone stays).
# Each item opens with its date's digits ("- 1998 The first survey ..."): the story's own
# list after the widget, or under a heading that merely says "Timeline", stays. ("How we
# got here" heads a story's own narrative as often as a widget: not a heading here.)
_TIMELINE_HEADINGS = frozenset((
    "timeline", "chronology", "chronologie", "zeitleiste", "tijdlijn", "cronología",
    "cronologia", "linha do tempo",
))
TIMELINE_MIN_ITEMS = 2
TIMELINE_ITEM_MAX_WORDS = 60
# The caption after a gallery's position that names the picture ("Photo 3 of 12", "Bild 3
# von 12", "Foto 3 van 12", then the picture's sentence): at most this many words (a
# caption is one sentence or two). A bare "3 / 12" or "3 of 12" goes alone: a recipe's
# step counter reads so too, over the step's text (the dev page backen.de.maulwurfkuchen).
_PICTURE_POSITION = re.compile(
    r"^(?:image|photo|picture|bild|foto|imagen|immagine|imagem) \d{1,3} ?(?:of|von|de|/|sur"
    r"|van|di) ?\d{1,3}$", re.IGNORECASE)
GALLERY_CAPTION_MAX_WORDS = 45
APPARATUS_HEADING_MAX_CHARS = 24


def _apparatus_run(lines: list[str], i: int) -> int:
    """How many lines from `lines[i]` on a long read's apparatus takes (family K): a video
    card's label, title and length; a reference list's heading; a timeline's heading and
    its items; a gallery's position and the caption under it. 0 when none."""
    line = lines[i]
    rest = len(lines) - i - 1
    if rest and len(lines[i + 1]) <= 5 and lines[i + 1][:1].isdigit() and (
            _VIDEO_LENGTH.match(lines[i + 1])) and _words(line) <= PLAYER_TITLE_MAX_WORDS and (
            not _SENTENCE_END.search(line)):
        return 2
    if len(line) > APPARATUS_HEADING_MAX_CHARS:
        return 0
    low = line.lower().strip(" :.")
    if low in _PLAYER_LABELS and rest >= 2 and lines[i + 2][:1].isdigit() and (
            _CLOCK_ONLY.match(lines[i + 2])) and _words(lines[i + 1]) <= PLAYER_TITLE_MAX_WORDS:
        return 3
    if low in _REFERENCE_HEADINGS and rest and _apparatus_line(
            lines[i + 1], lines[i + 1].lower(), _words(lines[i + 1])) == "credit":
        return 1
    if low in _TIMELINE_HEADINGS:
        j = i + 1
        while j < len(lines) and j - i <= 12 and lines[j][:2] == "- " and (
                lines[j][2:3].isdigit()) and _words(lines[j]) <= TIMELINE_ITEM_MAX_WORDS:
            j += 1
        return j - i if j - i > TIMELINE_MIN_ITEMS else 0
    if rest and line[-1:].isdigit() and _PICTURE_POSITION.match(line) and (
            _words(lines[i + 1]) <= GALLERY_CAPTION_MAX_WORDS):
        return 2
    return 0


# Family L (session 61): two boxes whose middle line no line rule can tell from a story's.
# A native ad's teaser between its label and its sponsor's credit ("Paid post", a linked
# sentence, "Presented by Allianz"): the credit below closes what the label opened.
SPONSORED_TEASER_MAX_LINES = 2
SPONSORED_TEASER_MAX_WORDS = 60
# A table of contents: its heading and the run of short entries under it ("In this
# article", "- What the council decided", "- Who pays"), entries without a sentence's end;
# at least two, since a heading over one short line is a story's own subheading.
_CONTENTS_HEADINGS = frozenset((
    "table of contents", "contents", "in this article", "in this story", "on this page",
    "jump to", "in this guide", "inhaltsverzeichnis", "inhalt", "in diesem artikel",
    "auf dieser seite", "sommaire", "dans cet article", "índice", "contenido", "contenidos",
    "en este artículo", "inhoudsopgave", "inhoud", "in dit artikel", "indice",
    "in questo articolo", "neste artigo", "spis treści", "w tym artykule",
))
_ENTRY_MARK = re.compile(r"^(?:[-•·] |\d{1,2}\.\s)")
CONTENTS_ENTRY_MAX_WORDS = 8
CONTENTS_MIN_ENTRIES = 2
CONTENTS_MAX_ENTRIES = 12
PAGE_BOX_HEADING_MAX_CHARS = 24


def _page_furniture_run(lines: list[str], i: int) -> int:
    """How many lines from `lines[i]` on a native ad's box or a table of contents takes
    (family L); 0 when none. Looks only at a line of at most PAGE_BOX_HEADING_MAX_CHARS."""
    line = lines[i]
    if len(line) > PAGE_BOX_HEADING_MAX_CHARS:
        return 0
    low = line.lower().strip(" :.")
    if low in _SPONSOR_LABELS:
        for j in range(i + 2, min(len(lines), i + 2 + SPONSORED_TEASER_MAX_LINES)):
            if len(lines[j]) <= 80 and _SPONSOR_CREDIT.match(lines[j]):
                return j - i + 1 if all(_words(m) <= SPONSORED_TEASER_MAX_WORDS
                                        for m in lines[i + 1:j]) else 0
        return 0
    if low in _CONTENTS_HEADINGS:
        j = i + 1
        while j < len(lines) and j - i <= CONTENTS_MAX_ENTRIES and _is_contents_entry(lines[j]):
            j += 1
        return j - i if j - i > CONTENTS_MIN_ENTRIES else 0
    return 0


def _is_contents_entry(line: str) -> bool:
    """A short entry of a table of contents: at most CONTENTS_ENTRY_MAX_WORDS words after
    its mark or number, and no sentence's end."""
    entry = _ENTRY_MARK.sub("", line, count=1)
    return _words(entry) <= CONTENTS_ENTRY_MAX_WORDS and not _SENTENCE_END.search(entry)


def remove_boilerplate(
    text: str,
    authors: Iterable[str] = (),
    title: str | None = None,
    drop_title: bool = True,
) -> BoilerplateResult:
    """Drop boilerplate lines from extracted text; join kept blocks with a blank line.

    Besides the per-line rules (`classify_line`), a "related" heading takes the run of short
    link-like lines after it along (the list of teasers it introduces), and a block that
    repeats an earlier one is dropped, and (`drop_title`) a block among the first
    TITLE_BLOCKS equal to the title, which has its own column, with the short labels
    right above it (and once, the page's own headline worded like the title). The dev
    corpus annotators disagree about headlines (some pages expect them in the text,
    others list them as boilerplate): dropping gave HM 0.9367 against 0.9360 keeping them
    (half corpus), so the cleaner body wins; the sites' own JSON-LD bodies leave the
    headline out on 51 of the 53 dev pages that carry one (session 48).
    """
    authors = [a for a in authors if a]
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    removed: dict[str, int] = {}
    kept: list[str] = []
    seen: set[str] = set()
    title_norm = _norm_name(title) if title and drop_title else None
    title_words = set(title_norm.split()) if title_norm else set()
    i = 0
    while i < len(lines):
        line = lines[i]
        taken = _apparatus_run(lines, i) or _page_furniture_run(lines, i)
        if taken:
            removed["apparatus"] = removed.get("apparatus", 0) + taken
            i += taken
            continue
        rule = classify_line(line, authors) or classify_note(line)
        if rule is None and title_norm and len(kept) < TITLE_BLOCKS and (
                _norm_name(line) == title_norm or (not removed.get("title") and (
                    _is_headline_of(line, title_words) or _holds_the_title(line, title_norm)))):
            rule = "title"
            # what stands above the headline is the page's: a kicker or section name, a
            # date, a breadcrumb ("Gesundheit", "Mo, 11:41 Uhr", "- Pressemitteilungen");
            # a lead paragraph placed before it (find_lead's) stays
            while kept and _is_kicker(kept[-1]):
                seen.discard(kept.pop())
                removed["kicker"] = removed.get("kicker", 0) + 1
        if rule is None and line[:6] == "About " and (
                FIRM_ABOUT_MIN_BEFORE <= i < len(lines) - 1) and _is_firm_about(line, lines[i + 1]):
            # a press release's "About <Firm>" heading and the firm's boilerplate under it,
            # after the release's text (a guide's "About Python" section opening it is the
            # guide's; the line count does not place it: a release's tail of contacts and
            # legal lines may outnumber its paragraphs)
            removed["about"] = removed.get("about", 0) + 2
            i += 2
            continue
        if rule is None and len(line) >= 20 and line in seen:
            rule = "repeat"
        if rule:
            removed[rule] = removed.get(rule, 0) + 1
            if rule == "cta" and len(kept) > 1 and kept[-1] == lines[i - 1] and (
                    _leads_into_a_call(kept[-1])):
                # "Want more stories like this?" right before "Subscribe to our newsletter."
                removed[rule] += 1
                seen.discard(kept.pop())
            if rule == "related" and _is_related_heading(line):
                # swallow the teaser list that the heading introduces
                j = i + 1
                listed = j < len(lines) and _is_teaser_item(lines[j])
                while j < len(lines) and j - i <= 12 and (
                        _is_teaser_item(lines[j]) if listed else _is_linklike(lines[j])):
                    removed["related"] += 1
                    j += 1
                i = j
                continue
            if rule == "ui" and kept and kept[-1] == lines[i - 1] and ":" in line and (
                    _PROFILE_FIELD.match(line) and _is_poster_name(kept[-1])):
                # the forum poster's name right above the profile fields ("- Anna Berger",
                # "- Registriert seit: 12.3.2012")
                removed["ui"] += 1
                seen.discard(kept.pop())
            if rule == "ui" and len(line) <= CONTACT_HEADING_MAX_CHARS and (
                    line.lower().strip(" :") in _CONTACT_HEADINGS):
                # a contact box's heading takes its name, address and phone lines along
                # ("Kontakt", "Anna Berger", "Hauptstraße 12", "12345 Musterstadt")
                j = i + 1
                while j < len(lines) and j - i <= CONTACT_BOX_LINES and _is_contact_detail(
                        lines[j], authors):
                    removed["ui"] += 1
                    j += 1
                i = j
                continue
            if rule == "cta" and line.endswith(":") and _PERKS_HEADING.match(line):
                # a membership or sign-up box's heading takes its list of perks along
                # ("Join now or renew to get:", "— Instant access to special reports")
                j = i + 1
                while j < len(lines) and j - i <= 12 and _is_perk(lines[j]):
                    removed["cta"] += 1
                    j += 1
                i = j
                continue
            i += 1
            continue
        kept.append(line)
        seen.add(line)
        i += 1
    _drop_after_end_mark(kept, removed)
    _drop_tail_bios(kept, removed)
    _drop_tail_about(kept, removed)
    _drop_tail_signup(kept, removed)
    _drop_contained_repeats(kept, removed)
    return BoilerplateResult("\n\n".join(kept), removed)


def _drop_tail_bios(kept: list[str], removed: dict[str, int]) -> None:
    """Drop an author bio among the last BIO_TAIL_BLOCKS blocks (never the only block)."""
    for j in range(len(kept) - 1, max(0, len(kept) - BIO_TAIL_BLOCKS) - 1, -1):
        if j > 0 and _words(kept[j]) <= BIO_MAX_WORDS and (
                _BIO.match(kept[j]) or _BIO_LABEL.match(kept[j]) or _BIO_BEAT.match(kept[j])
                or _BIO_OUTLET_BEAT.match(kept[j])):
            del kept[j]
            removed["bio"] = removed.get("bio", 0) + 1


# The sign a magazine sets after a story's last word (The Economist's ■, the Village
# Voice's ❖): what follows it within the last END_MARK_TAIL_BLOCKS blocks is the page's
# (a disclaimer, a note on the series), not the story's. Only at a block's end, after a
# word or a closing mark: a list of ■-bullets puts its marks first.
_END_MARK = re.compile(r"[\w.!?\"”’»)]\s*[■◼❖◆♦⬛]\s*$")
END_MARK_TAIL_BLOCKS = 3


def _drop_after_end_mark(kept: list[str], removed: dict[str, int]) -> None:
    """Drop the blocks after a story's end mark among the last END_MARK_TAIL_BLOCKS."""
    for j in range(max(0, len(kept) - END_MARK_TAIL_BLOCKS - 1), len(kept) - 1):
        if _END_MARK.search(kept[j]):
            removed["after_end"] = removed.get("after_end", 0) + len(kept) - j - 1
            del kept[j + 1:]
            return


# A sign-up call closing the text, longer than a call-to-action line may be (20 words):
# "Then sign up for our email newsletter to get the latest updates, event announcements,
# community discussions, and advanced tutorials straight to your inbox." The imperative
# opening the block makes it the page's call, not a sentence of the story about signing
# up; a short question before it leads into it ("Interested in learning more about AMP?").
_SIGNUP_CALL = re.compile(
    r"^\W{0,2}(?:(?:then|so|and|or|please) )?(?:sign up|subscribe|register|join)"
    r" (?:for|to|now|today|here|our)\b", re.IGNORECASE)
# The same call closing a promotion of a newsletter, a podcast or alerts: "CNN will soon
# launch Royal News, a weekly newsletter bringing you the inside track ... Sign up here."
_SIGNUP_CLOSE = re.compile(
    r"(?:^|[.!?…]\s+)(?:sign up|subscribe|register|join)(?: (?:here|now|today|for free))?"
    r"\s*[.!]?\s*$", re.IGNORECASE)
_PROMOTED = re.compile(r"\b(?:newsletters?|inbox|e-?mails?|podcasts?|alerts)\b", re.IGNORECASE)
# A sentence reported from someone ("..., the report's authors warned on Tuesday."): a
# story's line that opens with the call's words ("Subscribe to the idea that ..."), since
# no sign-up call is attributed to a speaker.
_REPORTED = re.compile(
    r",[\w\s'’.-]{0,60}\b(?:said|says|warned|told|added|wrote|argued|insisted|according to)\b")
SIGNUP_TAIL_BLOCKS = 2
SIGNUP_MAX_WORDS = 50
SIGNUP_LEAD_MAX_WORDS = 10


def _leads_into_a_call(line: str) -> bool:
    """A short question that leads into the call to action after it ("Interested in
    learning more about AMP?", "Want more stories like this?")."""
    return line.rstrip().endswith("?") and _words(line) <= SIGNUP_LEAD_MAX_WORDS


def _drop_tail_signup(kept: list[str], removed: dict[str, int]) -> None:
    """Drop a sign-up call (or a promotion closing on one) among the last SIGNUP_TAIL_BLOCKS
    blocks, and the short question leading into it (never the first block)."""
    for j in range(len(kept) - 1, max(0, len(kept) - SIGNUP_TAIL_BLOCKS) - 1, -1):
        block = kept[j]
        if j > 0 and _words(block) <= SIGNUP_MAX_WORDS and (_SIGNUP_CALL.match(block) or (
                _SIGNUP_CLOSE.search(block) and _PROMOTED.search(block))) and (
                not _REPORTED.search(block)):
            lead = j - 1 if j > 1 and _leads_into_a_call(kept[j - 1]) else j
            removed["cta"] = removed.get("cta", 0) + j + 1 - lead
            del kept[lead:j + 1]
            return


def _drop_tail_about(kept: list[str], removed: dict[str, int]) -> None:
    """Drop an "about this series / about us" heading among the last ABOUT_TAIL_BLOCKS blocks
    and the box after it (never the first block: a page that is only that is left alone)."""
    for j in range(max(1, len(kept) - ABOUT_TAIL_BLOCKS), len(kept)):
        if _ABOUT_HEADING.match(kept[j]):
            removed["about"] = removed.get("about", 0) + len(kept) - j
            del kept[j:]
            return


# A pull quote, a teaser's lead or a caption that repeats a sentence of the story is a block
# found whole inside another block: the story's words twice. Only blocks of a few words
# up (a short label may well occur inside a sentence), and only in texts small enough that
# the search (one pass over the text per block) stays cheap.
REPEAT_MIN_WORDS = 6
REPEAT_MIN_CHARS = 12  # six words take at least eleven characters
# A shorter block is repeated only as a quote or a sentence: a subheading's words may open
# a paragraph ("AI in Patient Care and Operations" in the list of the article's parts).
REPEAT_HEADING_WORDS = 12
REPEAT_MAX_WORDS = 80
REPEAT_MAX_CHARS = 200_000
_QUOTE_MARKS = " \"'“”‘’„«»‹›"


def _drop_contained_repeats(kept: list[str], removed: dict[str, int]) -> None:
    """Drop each block (REPEAT_MIN_WORDS..REPEAT_MAX_WORDS words) whose text, without its
    quotation marks, occurs inside a longer kept block. The longest holder is never inside
    another block, so the words stay in the text once."""
    if len(kept) < 2:
        return
    joined = "\n".join(kept)
    if len(joined) > REPEAT_MAX_CHARS:
        return
    # (the summary's items first: a paragraph of one sentence lies inside its item "• …"
    # too, and the story's copy must be the one that stays)
    _drop_restating_lists(kept, removed)
    joined = "\n".join(kept)
    keep = []
    for block in kept:
        core = block.strip(_QUOTE_MARKS)
        # (the count over the whole text first: most blocks occur once, and it is cheaper
        # than counting their words)
        if (len(core) >= REPEAT_MIN_CHARS and joined.count(core) >= 2
                and REPEAT_MIN_WORDS <= (n := _words(core)) <= REPEAT_MAX_WORDS
                and (n >= REPEAT_HEADING_WORDS or core != block or core[-1] in ".!?…")
                and any(len(other) > len(block) and core in other for other in kept)):
            removed["repeat"] = removed.get("repeat", 0) + 1
            continue
        keep.append(block)
    kept[:] = keep


# A summary box over the story ("Key takeaways", "L'essentiel", "In het kort") lists the
# story's own sentences again as items: "• …", "— …", "▪ …" or a table's "| … |" cells. An
# item is dropped only with its whole run, when every item of at least
# RESTATING_RUN_MIN_ITEMS repeats a block of prose word for word: a story's own list may
# repeat one paragraph (session 59 tried the items one by one and lost such lists on
# --cms A, C and E), a box that says the story again repeats it throughout.
_LIST_ITEM_MARK = re.compile(r"^(?:[•▪→–—-] |\| )")
RESTATING_RUN_MIN_ITEMS = 2


def _item_core(block: str) -> str | None:
    """A list item's or a table cell's text without its marker, or None for no item."""
    if not _LIST_ITEM_MARK.match(block):
        return None
    return block.strip(" |").lstrip("•▪→–—- ").strip(_QUOTE_MARKS)


def _drop_restating_lists(kept: list[str], removed: dict[str, int]) -> None:
    """Drop each run of list items (or table cells) all of whose texts occur inside a
    block that is no item (the same paragraph, or a longer one), with a short heading
    cell that opens it."""
    cores = [_item_core(b) for b in kept]
    if sum(c is not None for c in cores) < RESTATING_RUN_MIN_ITEMS:
        return
    prose = [b for b, c in zip(kept, cores, strict=True) if c is None]
    drop: set[int] = set()
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and cores[j] is not None:
            j += 1
        # (a table's heading cell opens its run: "| In het kort |" over the cells)
        first = i + (j > i and _words(cores[i]) < REPEAT_MIN_WORDS
                     and not _SENTENCE_END.search(cores[i]))
        if j - first >= RESTATING_RUN_MIN_ITEMS and all(
                _words(cores[k]) >= REPEAT_MIN_WORDS
                and any(cores[k] in b for b in prose)
                for k in range(first, j)):
            drop.update(range(i, j))
        i = j + 1
    if drop:
        removed["repeat"] = removed.get("repeat", 0) + len(drop)
        kept[:] = [b for k, b in enumerate(kept) if k not in drop]
