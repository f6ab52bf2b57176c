"""Published day, authors and title on generated news pages: do the metadata rules
generalise beyond the dev corpus they were tuned on?

    .venv/bin/python bench/bench_meta_generated.py [--pages 2000] [--seed 13]
                                                   [--no-trafilatura] [--show CONVENTION]
                                                   [--unseen A|B|...|Y|Z|AA|AB|AC]

A seeded generator writes realistic article pages in eight languages (en, de, fr, es, it,
pt, nl, pl), each with known truth: the day of publication as the page's own time zone
has it, the list of authors, the headline. Every page draws one convention per field:

- date: where the publication day is written (JSON-LD NewsArticle, an @graph, a meta tag
  of one of several vocabularies, <time datetime> with or without text, a visible
  dateline worded or numeric, a label, the URL only), an instant near midnight with an
  offset, or none at all (the truth is then no date, not the fetch day), or a date after
  the fetch (refused: no date, and flagged 'future');
- noise beside it: an updated date, comments' dates, a related article's date and byline,
  a copyright year (all later or other days, which must not win);
- author: JSON-LD (a Person, a list, an @id reference in an @graph, a string), a meta tag,
  a written byline in the page's language ("By X and Y", "Von X und Y", "Par X et Y",
  "Tekst: X", with a role or the outlet after the name, "X | AP"), an agency only, or
  nobody (then another article's author box must not be taken);
- title: the <title> with the site after " | ", " - ", " – " or before it, a kicker in
  or above the <h1>, no <h1> at all.

`--unseen A|B|C` (session 53): every field drawn instead from conventions and wordings
the rules were not written for (`UNSEEN`), in disjoint families fixed before any result
was seen: tune on A only; B is the held-out figure. Round 2 (the same session) made B a
tuning set and added C, fixed before any result, as the new held-out figure. Round 3
(session 53) made C a tuning set and added D, fixed before any result, held out. Round 4
made D a tuning set and added E, fixed before any result, held out. Round 5 made E a
tuning set and added F, fixed before any result, held out. Round 6 made F a tuning set
and added G, fixed before any result, held out. Round 7 (session 55) made G a tuning set
and added H, fixed before any result, held out: English-language templates of 2017-2021
news sites (US regional chains, UK locals, Indian, Gulf and African outlets) and one
European convention. H's truth decisions:
- a day shown with its zone is the day in that zone, even where the head's UTC stamp is
  the next day (a US evening, "9:40 PM EST") or the day before (Indian early morning, "|
  01:35 AM IST"); a stamp with no offset (`2026-12-03T00:40:00`) is the site's own clock;
- "Updated 2:14 PM ET, Thu December 3, 2026" shown alone: that day (round 4's rule, a page
  dated only by its update keeps it); the Guardian's "Last modified on" inside the
  dateline's <details> is not the publication;
- authors are people: "By X | Staff Writer", "By X, The Associated Press", "By X and Y,
  The Site", "By X / Courier staff", "X with AFP", "X, Correspondent" are X (and Y); an
  editor credited beside the byline ("Edited by Y") is no author; a Twitter handle after
  the name is not a name. (No H page is credited to a newsroom alone: round 6 left that
  gold decision to the lead.);
- a media label in the SEO title only ("Headline (VIDEO) | Site", "[PHOTOS]") is not the
  headline's; a hidden "Breaking:" label in the <h1> is not either.
H scored 1.000 on every field held out, so family I was written (again before any result)
as a second held-out set: sites whose zone and date habits are their own. Its truth:
- Gannett's empty stamp whose day is only in its aria-label ("Published 9:40 p.m. ET March
  5, 2026 | Updated ..."): the published day; "Posted Thu 5 Mar 2026 at 7:15am, updated
  ..." (an Australian broadcaster, its UTC stamp the day before): the posted day; "Manila
  Courier / 09:40 PM March 05, 2026": that day;
- an English page of a European site writes the day first ("Published on 05/03/2026 -
  21:40 - Updated ...", "05.03.2026"); a US site's `<meta name="date" content="03/05/2026">`
  writes the month first; "Mar 5th 2026 09:40:12 GMT +0300" and "March 5, 2026 | 5:20 pm"
  are that day;
- "Story by X - Photos by Y", "By X For Site.com", "By X Published 9:40 p.m. ET", a
  `<meta name="author" content="By X">`, an author card with a role, "By X & Y": the
  people; "By PTI" / "IANS" / "NAN" / "KNA" with no person: the agency (round 1's rule);
- a `<title>` the CMS cut ("City council approves... | Site") beside the whole og:title:
  the whole headline; "Headline | Site | Springfield, MO": the headline.
Round 8 (session 56) made I a tuning set and added J, fixed before any result, held out:
the templates of common CMSs (WordPress, Drupal, Joomla, Hugo) and habits no family above
has. J's truth decisions:
- the day in the URL alone (`/20261203/slug`, `/news/slug-20261203-12`,
  `/news/2026-12-03-slug`, `/news/a10012-2026-12-03/`) is the publication day;
- the article's microdata `<meta itemprop="datePublished">` (a `dateModified` beside it),
  WordPress's "Posted on <a>December 3, 2026</a>", "on Thursday" whose hover `title` holds
  the whole day, a `data-publish-date` / `data-published` / `data-time` attribute holding
  an ISO stamp on an empty element, `<time pubdate>` with the day only in its text, and
  `article:published_time` written "2026-12-03 14:05:00" (no T, no zone: the site's
  clock) are that day;
- Joomla's "Created: 03 December 2026" beside "Last Updated: ..." and "Hits: 123": the
  created day; Drupal's "Thu, 12/03/2026 - 14:05" on a US site: month first (half the
  pages have day and month both <= 12); "03/dic/2026", "03 dic 2026 - 14:05",
  "do 3 dec 2026, 14:05": that day; JavaScript's Date string left in the page ("Thu Dec
  03 2026 14:05:00 GMT-0500 (Eastern Standard Time)"): the day in its own zone;
- authors are the people: "Submitted by X", "Posted by X in Politics" (not the category),
  a bare link to /profile/123, "Author(s): X, Y", "X · 4 min read", a `DC.creator` /
  `dcterms.creator` written "Surname, Given" (the person, in reading order "Given
  Surname"), "By X on December 3, 2026" (not the day);
- titles: the `<title>` alone ("Headline » Site", no og:title, no heading), an `<h1>`
  whose text is a link to the page itself, a microdata `itemprop="headline"` with
  `<title>` the site's name: the headline.
Round 9 (session 55) made J a tuning set and added K, fixed before any result, held out:
pages crowded with competing dates and names, the way real news pages mislead a reader of
dates and bylines (no new spelling of a day: every day is written as A-J write them).
Every K page carries a random half of the crowd: a ticker of the fetch day's items with
their times, a "Most read" / "Meistgelesen" / "Más leídas" list with recent days above the
story, a "Latest news" sidebar of `<time>`s before or after <main>, related teasers as
`<article>`s with their own `<time>` and byline after the story, comments with later days
and their writers' names, an event's later day in the text ("On December 15 the council
will vote"), the copyright year in the footer. K's truth decisions:
- the story's day is the one written for the story, wherever the others stand in the DOM:
  a plain worded or numeric dateline under the headline beside a "Most read" list or a
  "Latest" sidebar full of `<time>`s; the story's `<time>` when three "Top stories"
  `<article>` teasers with theirs come before it; a "Published 03.12.2026" line in the
  article's own footer when the text names an event's later day;
- a print edition's line above the headline ("Print edition: Friday, 4 December 2026",
  the day after) is not the publication: the small "Published online 3 December 2026"
  line after the body is; "Updated December 9, 2026" (or "Correction appended ...") shown
  alone under the headline is not either when a "First published ..." line after the body
  or the JSON-LD's datePublished (dateModified beside it) names the first day;
- a live blog's day is the page's published stamp (`article:published_time`, or a
  LiveBlogPosting's datePublished), not its entries' later times;
- the JSON-LD's story node is the page's NewsArticle even when it comes last, after a
  BreadcrumbList, a WebPage whose dateModified is the fetch day, the Organization and an
  ItemList of related NewsArticles with their own days, authors and headlines (one @graph
  or separate scripts);
- a template's stale `article:published_time` (a day 30-400 days before the story, at
  midnight UTC) loses to the day the reader sees under the headline: the visible day is
  the truth;
- authors are the story's writers: not the writer a "More from Y" box names, not the
  photographer's or editor's author cards (with their roles), not the bylines of "Top
  stories" teasers above the story, not commenters (also when their names are microdata
  `itemprop="author"` of a schema.org Comment, the story's writer in `<meta
  name="author">`), not the authors of an ItemList's related NewsArticles; a template's
  `<meta name="author">` naming the site loses to the visible "By X";
- titles: the `<h1>` where og:title is the site's name (a template's); the story's `<h2
  class="article-title">` after "Top stories" teasers' `<h2>`s when `<title>` is the site
  alone; the story's heading when the JSON-LD's first headlines are related stories'.
Round 10 (session 55) made K a tuning set and added L, fixed before any result, held out:
the dev corpus's own mix of sites that are not big newsrooms (built by `make_page_l`, its
own sites and languages: about half German-speaking with Swiss and Austrian sites, a
third English .com/.org, the rest Polish, French and Spanish; no JSON-LD, no meta tags:
small sites' pages carry what their theme shows). Every page may carry a "recent posts"
widget with other posts' days. L's truth decisions (as the dev corpus's annotators give
them: the day the page was put up, not a day it names or a later change):
- the day of a German WordPress "Veröffentlicht am <a>3. Dezember 2026</a> von X",
  "Beitrag vom 03.12.2026", "Kategorie: Vereinsleben | Erstellt am 03. Dezember 2026",
  "Meldung vom" / "Artikel vom" / "Nachricht vom 03.12.2026", TYPO3's
  `news-single-rightbox` ("03.12.2026 14:05<br>Kategorie: ...", the `news-list-date`s of
  "Weitere Meldungen" after it are other releases'), "Pressemitteilung Nr. 123/2026 vom 3.
  Dezember 2026" / "Press Release No. 123/2026 of 3 December 2026", "Presseinformation |
  03.12.2026" / "Press Release | December 3, 2026" above the heading, a letter-style
  opening "Berlin, den 3. Dezember 2026." / "Lyon, le 3 décembre 2026 –" / "Puebla, 3 de
  diciembre de 2026.-", a `<dl>` whose `<dt>Datum</dt>` (Date, Data) labels the `<dd>`,
  Swiss "Publiziert: 03.12.2026, 14.05 Uhr" (an "| Aktualisiert: ..." after it is not),
  Austrian "3. Jänner 2026, 14:05" / "3. Feber 2026", a shop magazine's kicker "Ratgeber |
  03.12.2026" / "Blog | Dec 3, 2026", Blogger's `<h2 class="date-header">Thursday,
  December 3, 2026</h2>` over the post, a newsletter archive's "Issue #42 · December 3,
  2026", "Dodano: 03.12.2026, 14:05", "Mis en ligne le 03/12/2026", "Fecha: 03/12/2026";
- a page dated only by "Letzte Änderung: 03.12.2026" after the body: that day (round 4's
  rule: a page dated only by its change keeps it, as "Stand:" does in the dev corpus);
- an event page's day of the event ("Termin: Fr, 15.01.2027, 19:00 Uhr", "When: ...") is
  not the publication: the "Eingestellt am 03.12.2026" / "Added on 3 Dec 2026" line is;
- a forum thread's day and author are its first post's ("von <strong>handle</strong> »
  Do 3. Dez 2026, 14:05", phpBB's "Post by handle » Thu Dec 03, 2026 2:05 pm"), not the
  replies' (later days, other handles); the author is the user name as written;
- authors: "Ein Beitrag von X", "Gastbeitrag von X" / "Guest post by X", "Verfasst von
  X" / "Rédigé par X" / "Redactado por X" / "Autorka tekstu: X", Blogger's "Posted by X
  at 3:05 PM" / "Eingestellt von X um 15:05" under the post, an author box "Über die
  Autorin: <strong>X</strong> arbeitet ..." / "About the author" with no byline: X; "Text:
  X, Fotos: Y": X, not the photographer; a team or company credited as the author
  ("Autor: Gartenfreunde-Team", "Author: The Maple Team"): that name, as the dev corpus's
  annotators take "PETA-Team" or "EnBW ... AG"; a press release's "Pressekontakt" /
  "Media contact" person is no author (the page has none);
- titles: the post's `<h2 class="entry-title">` where the `<h1 class="site-title">` holds
  the site's name ("Post – Site" in `<title>`) or a `<h1>` the blog's section ("Blog",
  "Aktualności") with `<title>` the site alone; `<title>Post | Site – Claim</title>`
  beside the post's `<h1>`: the post's title.
Round 11 (session 55) made L a tuning set and added M, fixed before any result, held out:
the .com/.org English and the Latin-American side of the dev mix (built by `make_page_m`:
half English company/SaaS blogs, recipe, review, podcast, press-wire, NGO and Medium-like
pages, a third Spanish news of .cl/.pe/.com.ar/.com.uy/.bo/.com.pa, the rest Brazilian
.com.br; a Yoast-like JSON-LD graph with the true day on about a third of the English
pages that do not show only an update; related posts with other days and writers). M's
truth decisions (as the dev corpus's annotators give them):
- the publication day, not a later change: "Published Nov 20, 2026 | Last updated on Dec
  3, 2026" is Nov 20; WP Recipe Maker's "Published: ... · Modified: ..." the published
  day; "Fecha de publicación: 03/12/2026 | Actualizado el 15/12/2026 10:15" the 3rd;
- a page dated only by its update keeps it (round 4's rule): a SaaS blog's "Updated: Dec
  3, 2026 · 6 min read", a review site's "Last updated: December 3, 2026", Brazilian
  "Atualizado em 03/12/2026 14h05";
- "Episode 42 · Dec 3, 2026 · 45 min", Medium's "X · Follow · 5 min read · Dec 3, 2026",
  an NGO report's "Publication date: 3 December 2026" beside "Download PDF", the wires'
  "NEWS PROVIDED BY / Company / Dec 03, 2026, 08:00 ET", "December 03, 2026 08:00 AM
  Eastern Standard Time", "December 03, 2026 08:00 ET | Source: Company": that day;
- Latin-American and Brazilian pages write the day first: "03/12/2026 - 14:05",
  "Postado em 03/12/2026 às 14:05", g1's "<time>03/12/2026 14h05</time> Atualizado há 3
  horas" (the 3rd: "há N horas" is the update's age); "Publicado el jueves 3 de diciembre
  de 2026 a las 14:05 hrs.", "Jueves, 3 de Diciembre de 2026";
- "Hace 2 horas" alone: the fetch time less those hours, as the day in the site's own zone
  (Peru's evening before where 06:00 UTC less two hours is 23:00 the day before);
- authors: "Written by X, Head of Content" in an author card (with X's avatar): X; "Written
  by X · Reviewed by Y", "By X | Fact checked by Y": X, the reviewer is no author; two
  avatars and "X and Y": X and Y; "X · Follow · 5 min read": X; "Our expert X tested 12
  models": X; "Por: X | Corresponsal": X; "Por X / Y", "Por X e Y": both; "Por X, g1 São
  Paulo": X; an agency alone ("Agencia EFE", "Agência Brasil"): the agency (round 1's rule,
  as the dev corpus's 24horas.cl); "Por Redacción Diario El Sur": "Redacción Diario El
  Sur", the newsroom as written (the dev corpus's "Redacción Diario Pagina Siete"); a press
  wire's company ("NEWS PROVIDED BY") is no author: the page has none;
- titles: the `<h1>`: not "Ep. 42: Headline - Podcast", "Headline | by X | Medium",
  "Headline Recipe (Easy, 30 Minutes) - Site"; a release's `<h2>` subhead after its `<h1>`
  is not the title; a category link above the `<h1>` is not part of it.

Round 12 (session 56) made M a tuning set and added N, fixed before any result, held out:
the English-language press of South Asia, Africa, South-East Asia and Oceania, and
long-form magazine templates (built by `make_page_n`: its own sites in India, Pakistan,
Nigeria, Kenya, South Africa, the Philippines, Singapore, Malaysia, Australia and New
Zealand, a fifth US magazines; no JSON-LD; a "Trending" rail with "3h ago" items before
<main> on half the pages, related stories with other days and writers on 60%). N's truth:
- the day in the site's own zone (IST, PKT, WAT, EAT, SAST, PHT, SGT, MYT, AEDT, NZDT,
  ET), not the UTC day a stamp or a head tag gives: "Published on 7 Dec 2026 at 12:40 AM
  SAST" beside an `article:published_time` of the 6th in UTC is the 7th;
- the publication, not a later change: "Last Updated : Dec 09 2026 | 10:11 AM IST" above
  "First Published : Dec 07 2026 | 8:40 AM IST" is the 7th; "UPDATED Dec 9, 2026, 05:40 PM
  / PUBLISHED Dec 7, 2026, 10:11 AM" the 7th; "Published 10:11 AM, December 07, 2026 /
  Updated ..." the 7th; Dawn-like "Published <span title=stamp>December 7, 2026</span>
  Updated about 3 hours ago" the 7th;
- a page dated only by its update keeps it (round 4's rule): "Updated: Dec 7, 2026, 22:11
  IST", "Press Trust of India | Updated: December 07, 2026 10:11 pm IST";
- "Posted on December 7, 2026 | By X", "7 December 2026 - 10:11am", "Monday, 07 Dec 2026" /
  "10:11 AM MYT", "December 7, 2026 — 10.11am", Stuff-like "X 07:11, Dec 07 2026", WIRED-
  like "DEC 7, 2026 10:11 AM": that day; ABC-like `<time title="Monday 7 December 2026 at
  7:11am AEDT">Posted 7h ago</time>` (its datetime in UTC) beside "Updated 2h ago": the
  posted day in AEDT;
- a magazine's web date, not its issue's: "The December 21, 2026 Issue" above the rubric
  and "Published in the print edition of the December 21, 2026, issue" after the body are
  not the publication, "December 7, 2026" under the dek is; "This article appears in the
  January 2027 print edition" neither;
- authors: "By political reporter X" (a descriptor before the name), "From X, Abuja", "By
  X / More by this Author", a byline X with "(With inputs from agencies)" after the body:
  X; "By X" with "Illustration by Y" or "Photographs by Y for Site": X, not the artist;
  a news service or desk credit alone ("Express News Service", "TNN", "HT Correspondent")
  and an agency's full name alone ("Press Trust of India"): the credit as written (round
  1's rule, an agency alone is the author);
- titles: the `<h1>`: not a rubric above it ("Annals of Technology"), not a magazine's SEO
  `<title>`/og:title that words the story differently ("How X ... | Site"), not
  "Headline | India News - Site", not an og:title "Site: Headline".

Round 13 (session 56) made N a tuning set and added O, fixed before any result, held out:
public broadcasters, sports, tech and entertainment sites, US local TV stations and
fact-checkers (built by `make_page_o`, its own sites; JSON-LD only on fact-checks, a
ClaimReview; a "Latest" rail of "2 hours ago" `<time>`s before <main> on half the pages,
related stories with other days and writers on 60%; a programme box with its presenter on
some broadcaster pages). O's truth:
- the day in the site's own zone: BBC-like "Published <time datetime=UTC>3 December
  2026</time>", RTÉ-like "Updated / Thursday, 3 Dec 2026 14:05" (dated only by its update:
  round 4's rule), PBS-like "<a>Politics</a> Dec 3, 2026 2:05 PM EST", "Sendung vom
  03.12.2026, 20:15 Uhr" (not "Video verfügbar bis ..."), ORF-like "3. Dezember 2026, 14.05
  Uhr", RFI-like "Publié le : 03/12/2026 - 14:05 / Modifié le : ..." (the publication),
  ESPN-like "Dec 3, 2026, 02:05 PM ET" (not a scoreboard's game days), Engadget-like "Thu,
  Dec 3, 2026, 2:05 PM EST · 3 min read", TMZ-like "12/3/2026 2:05 PM PT" (month first),
  local-TV "Posted: Dec 3, 2026 / 02:05 PM CST / Updated: ..." (the posting), a
  fact-check's own date, not the claim's ("stated on November 20, 2026 in a Facebook
  post", the ClaimReview's itemReviewed date);
- authors: "By X, Site News, Berlin", "X reports from Kyiv", "Von X, ARD-Hauptstadtstudio",
  "Par X, envoyé spécial à Kiev", an author card (photo, name, role below, no "By"), "by:
  X", "Fact check by X" (not the ClaimReview's organisation): X; a presenter ("Presented
  by Y", "Moderation: Y") is no author; "By Stargaze Staff", "by: KQRT Staff": the credit
  as written (round 1's rule);
- titles: the `<h1>`: not "Headline - Programme - Site", not "KQRT | Headline", not an
  og:title "FALSE: Headline", not a sports recap's "Hawks 3-1 Rovers (Dec 3, 2026) Game
  Recap - Site", and an `<h1>` in a header outside the `<article>` (with an `<h2>` subhead
  inside it) is still the title.

Round 14 (session 57) made O a tuning set and added P, fixed before any result, held out:
the press of the Nordic countries, Central and Eastern Europe, Turkey and Greece in their
own languages (built by `make_page_p`: Finnish, Swedish, Norwegian, Czech, Hungarian,
Turkish, Greek and Russian sites; a section link above the `<h1>`, half the stories open
with a picture credited "Kuva: Y" / "Foto: Y" / "Fotó: Y" / "Фото: Y", related stories
with other days and writers on 60%; the story text joins people with the language's
"and"). P's truth:
- the day in the site's own zone, the publication, not the update: "Julkaistu 7.12.2026
  klo 10.11 | Päivitetty 9.12.2026 klo 12.30", "Publicerad 7 december 2026 kl. 10.11" over
  "Uppdaterad ...", "Publisert 07.12.2026 10:11 Oppdatert ...", "Publikováno 7. prosince
  2026 10:11", "Létrehozva: 2026. december 7. 10:11 Frissítve: ...", "7 Aralık 2026
  Pazartesi 10:11", "07.12.2026 • 10:11", "7 декабря 2026, 10:11": the 7th;
- a story of the last hours shows only its age ("2 tuntia sitten", "för 3 timmar sedan",
  "před 2 hodinami", "3 órája", "2 saat önce", "πριν από 2 ώρες", "3 часа назад") in a
  `<time datetime>` whose stamp carries the site's offset: the stamp's day;
- a page whose only visible line is its update ("Päivitetty ...", "Frissítve: ...") with
  the publication in a JSON-LD NewsArticle's datePublished: the publication;
- authors: "Kirjoittaja X | Kuva: Y", "Autor: X a Y, Foto: Z", "Автор: X / Фото: Y": the
  writers, not the photographer; "X, STT", "X / TT"-like "X | ČTK", "X (MTI)": X (the
  agency after a named reporter is no second author); "Av X och Y", "Av X og Y", "X ja Y",
  "X és Y", "X ve Y", "X και Y", "X и Y": both; "Tekst og foto: X", "Szerző: X" (Hungarian
  surname first, as written), "Muhabir: X" / "Yazar: X" / "Haber: X": X; a Greek "Του X" /
  "Της X": X in the genitive, as written (the byline's form, not a nominative the page
  never shows); a picture's credit in the story is no author;
- titles: the `<h1>`: not "Headline | Section | Site", not og:title "Site: Headline", not
  a live label before it ("SUORA: Headline - Site").

Round 15 (session 58) made P a tuning set and added Q, fixed before any result, held out,
aimed at bylines: the press of Indonesia, Vietnam, Romania and Denmark in their own
languages and English-language wire, guest-column and legacy templates (built by
`make_page_q`: one site each; no JSON-LD; half the stories carry an inline "Baca juga:" /
"Xem thêm:" / "Citește și:" / "Læs også:" / "Read more:" link to another story, related
stories with other days and writers on 60%; the story text joins words with the
language's "and"). Q's truth:
- the day in the site's own zone, the publication, not the update: "Kamis, 03 Desember
  2026 14:05 WIB"; "Diperbarui 05 Desember 2026, 10:11 WIB" above "Diterbitkan 03 Desember
  2026, 14:05 WIB": the 3rd; "Thứ Năm, 03/12/2026 - 14:05 (GMT+7)", "3/12/2026 14:05
  GMT+7" (day first); "Publicat: joi, 3 decembrie 2026, 14:05 | Actualizat: ...", "3 dec.
  2026, 14:05"; "3. december 2026 kl. 14.05 Opdateret ...", "Publiceret 03.12.2026 -
  14:05"; an hAtom `<abbr class="published" title="2026-12-03T14:05:00-05:00">Dec 3</abbr>`
  (no year in its text); a wire story's "WASHINGTON, Dec 3 (Lakeside Wire) -" with the day
  in `<meta name="dc.date.issued">`: the 3rd;
- authors: "Penulis: X | Editor: Y": X, the editor is no author; "Laporan Wartawan Site,
  X": X; "Oleh: X dan Y", "de X și Y", "Af X og Y": both; an Indonesian one-word name
  ("Penulis: Sutrisno") is a name; a Vietnamese byline after the story, the name alone in
  bold ("Nguyễn Thị Hoa", family name first, as written), "X - Y" there: both; "Bài và
  ảnh: X": X; "Autor: <a>X</a>": X; "X, journalist" / "X, politisk redaktør" / "X,
  Ritzau": X; a wire's "Reporting by X in City and Y in City; Editing by Z" after the body
  with no byline on top: X and Y, not the editor; "Opinion | By Dr. X, Professor of
  Economics at the University of Lakeside": X, without the honorific or the affiliation;
  two `<meta name="author">` tags, one a person, no visible byline: both; "By X Jr. and
  Y" (names with "van den", "de la", "di", "O'", "Mc", middle initials): "X Jr." and Y;
- titles: the headline: not "Headline Halaman all - Site" (nor that og:title), not the
  site's name in an old template's `<h1>` (the headline an `<h2 class="title">`, the
  `<title>` "Site | Headline"), not "Headline | Site – tagline", not "Headline - Site".

Round 16 (session 58) made Q a tuning set and added R, fixed before any result, held out,
aimed at dates: the regional press of Argentina, Spain, Brazil, Italy, the Netherlands and
Poland in their own languages, and US sites (built by `make_page_r`: one site a language;
no JSON-LD; readers' comments with later days under 40% of the stories, related stories
with other days and writers on 60%). R's truth:
- the day in the site's own zone, the first publication online: "Lunes 7 de diciembre de
  2026 - 14:05 hs" (Argentina); "Edición impresa del martes 8 de diciembre de 2026" above
  the online "07/12/2026 14:05": the 7th (the web story came first); "Actualizado: 09 dic
  2026 10:11 h · Publicado: 07 dic 2026 14:05 h": the 7th; a two-digit year on a European
  site, "07/12/26 - 14:05": day first, the 7th of December; on a US site "12/07/26 2:05 PM
  ET": month first; "Published Dec. 7th, 2026 at 2:05 p.m. ET" (AP's month abbreviations,
  an ordinal day): the 7th; a Brazilian "Ontem às 10h11" with nothing else: the day before
  the fetch, in the site's zone; "Gepubliceerd: 7 december 2026, 14:05" beside a later
  `<meta name="date">` (the CMS's last save): the visible labelled publication; a Polish
  "8.12.2026, 00:40" beside `article:published_time` 2026-12-07T23:40:00Z: the 8th;
- authors: "Por X, enviado especial" / "X, da Redação" / "Opracowanie: X": X; "di X e Y",
  "Door X en Y": both; "By X | Dec. 7th, 2026": X;
- titles: the `<h1>`, not "Headline - site.com.ar" nor "Headline | Site".

Round 17 (session 58) made R a tuning set and added S, fixed before any result, held out,
aimed at authors: credits in shapes no family A-R wrote, on an English, a Korean and an
Arabic site (built by `make_page_s`; the date a plain `<time datetime>`, the title the
`<h1>`). S's truth, what a reader would call the author:
- "As told to X": X (the first-person story was written down by X, the only credit);
  "Interview by X": X; "Compiled by X from wire reports": X (the wires are no person);
  "By X, Senior Reporter, and Y, Data Editor": X and Y, without the job titles;
  "By J.D. Whitfield" (initials for a first name): "J.D. Whitfield"; "Words: X /
  Pictures: Y": X, the photographer is no author; "By X" on top and "Additional reporting
  by Y." after the body: X alone (a helper, not a writer); "Written and photographed by
  X": X;
- Korean "김민수 기자 minsu@site.co.kr" (name, "reporter", address) and "글·사진 김민수 기자"
  ("text and photos: NAME reporter"): the name alone, written as the page writes it
  (family name first, no space); Arabic "بقلم: X" ("by the pen of"): X;
- the date: the `<time datetime>`'s day in the site's zone; the title: the `<h1>`.

Round 18 (session 59) made S a tuning set and added T, fixed before any result, held out,
aimed at dates: the press of China, Japan, Korea, Thailand, Egypt, Lebanon, India
(Hindi), Bangladesh, Ukraine, Bulgaria, Serbia, Lithuania, Latvia and Israel in their own
scripts (built by `make_page_t`: one site a region; no JSON-LD, no meta tag, no day in the
URL: the story's visible line is its only day; the line's element a `<span>`, a `<div>` or
a `<time>` without a datetime attribute; related stories with earlier days written the
same way on 60%, a photo whose file name and caption carry the day it was taken, weeks or
months earlier, on 40%). T's truth:
- the day written on the story's line, in the site's own zone: "发布时间：2026年12月03日
  14:05 更新时间：2026年12月05日 ..." and a bare "2026年12月03日 14:05": the 3rd (not the
  update); Japanese "令和8年12月3日 14時05分" (the Reiwa era, year 1 = 2019): 2026-12-03;
  "2026年12月3日(木) 14:05配信 最終更新：12月4日(金) 9:12": the 3rd (the distribution, not
  the update without a year); Korean "입력 2026.12.03 14:05 수정 2026.12.04 ..." (entered,
  revised): the 3rd; "2026년 12월 3일 (목) 오후 2:05": the 3rd;
- Thai Buddhist-era years (543 ahead): "3 ธันวาคม 2569 เวลา 14:05 น." and "พฤ. 3 ธ.ค. 69
  14:05": 2026-12-03; Egyptian Arabic with Arabic-Indic digits "الخميس، ٣ ديسمبر ٢٠٢٦ ٠٢:٠٥
  م": the 3rd; Levantine month names "٣ كانون الأول ٢٠٢٦ | 14:05" (or with Western digits):
  the 3rd of December ("كانون الثاني" is January);
- Hindi "प्रकाशित: 03 दिसंबर 2026, 02:05 PM (IST)" and Devanagari digits "३ दिसंबर २०२६,
  14:05", Bengali "প্রকাশ: ৩ ডিসেম্বর ২০২৬, ১৪:০৫": the 3rd; Ukrainian genitive "3 грудня 2026,
  14:05", Bulgarian "03 декември 2026 | 14:05", Serbian Cyrillic "3. децембра 2026. 14:05",
  Lithuanian "2026 m. gruodžio 3 d. 14:05", Latvian "Publicēts: 2026. gada 3. decembrī
  14:05", Hebrew "פורסם: 3 בדצמבר 2026, 14:05" and "03.12.26 , 14:05" (day first, a
  two-digit year): the 3rd;
- the days of related stories and of a photo's file name ("IMG_20250712_0930.jpg") are
  not the story's;
- authors (on about a fifth of the pages; the others credit nobody and have none):
  Chinese "记者 张伟 李娜" (reporters, names separated by a space) with "（责任编辑：王芳）"
  after the body: 张伟 and 李娜, the desk editor is no author; a Japanese story closed by
  the reporter's name in parentheses "（山田太郎）": 山田太郎; Hebrew "מאת X" ("by"): X;
  Ukrainian "Текст: X, фото: Y": X, the photographer is no author;
- titles: the `<h1>`: not "Headline_Site" (Chinese portals' underscore), not "【速報】
  Headline - Site" (a breaking-news kicker in the `<title>` only), not "Headline - Site".

Round 19 (session 59) added U, fixed before any result, held out, aimed at authors again
(written beside T, not tuned on it): credits in conventions no family A-S wrote, on a US,
a Japanese and a Chinese site (built by `make_page_u`). U's truth, the writers a careful
reader names:
- "By AHMAD BIN ISMAIL Associated Press" as the story's first paragraph (no byline above):
  the person, without the agency; "By" in a span with each name in its own `/author/`
  link and the commas and "and" in text between them: every name; "X, Contributor": X;
  "By X · Photos: Y · Video: Z": X; Reuters' "(Writing by X; Editing by Y and Z)" after
  the body and no byline: X; "Text: X | Photography: Y": X; names with particles,
  hyphens and apostrophes ("Ahmad bin Ismail and María de la Cruz", "Kwame O'Neill",
  "Nurul Okonkwo-Hart"): whole; the name only in the `alt` of an avatar inside an
  `<a rel="author">`: that name;
- Japanese "山田太郎記者" (NAME reporter, glued): the name; "【ワシントン＝山田太郎】"
  opening the story (place = reporter): the name; "文：X　写真：Y" (text, photos): X;
- Chinese "本报记者 王小明 李华" (our reporters): both, "责任编辑：Y" (editor in charge)
  after the body is none; "文／X" (text): X; "记者X／台北报导" (reporter X / Taipei
  report): X;
- the date (a fifth of the pages): "2026年12月3日 14時05分" and "2026年12月03日 14:05
  来源：新华网" (the source after it): that day; "Updated Dec. 5, 2026 · Posted Dec. 3,
  2026": the posted day; otherwise the `<time datetime>`'s day in the site's zone;
- the title (a fifth): `<title>Headline_Site</title>` with no `<h1>` (the headline in a
  `<div class="title">`): the headline; a bracketed label glued before the `<h1>`'s
  words ("【速報】", "[WATCH]"): no part of it; otherwise the `<h1>`.

Round 20 (session 60) added V, fixed before any result, held out, aimed at dates: days
written beside another calendar, only in a URL of a shape no family A-U wrote, or beside a
later print edition's (built by `make_page_v`: an Iranian, a Saudi, a Taiwanese, a Chinese,
a German and a French site; no JSON-LD, no meta tag; related stories with earlier days in
their links on 60%). V's truth, the day a careful reader gives in the site's own zone:
- Persian pages write the Solar Hijri day in Persian digits: "پنجشنبه ۱۲ آذر ۱۴۰۵ - ۱۴:۰۵"
  (Thursday 12 Azar 1405), "تاریخ انتشار: ۱۴۰۵/۰۹/۱۲ - ۱۴:۰۵" (date of publication), "۱۲
  آذر ۱۴۰۵ برابر با ۳ دسامبر ۲۰۲۶" (equal to 3 December 2026): 2026-12-03;
- Saudi pages put the lunar Hijri day beside the Gregorian: "الخميس 22 جمادى الآخرة 1448 هـ -
  03 ديسمبر 2026 م" and "03-12-2026 م الموافق 22-06-1448 هـ" (AD ..., corresponding to ...
  AH): the Gregorian day, the 3rd;
- Taiwan's Minguo years (year 1 = 1912): "發布時間：115/12/03 14:05", "中華民國115年12月3日
  14:05": 2026-12-03;
- a Chinese story whose only day is its URL's, People's Daily's "/n1/2026/1203/c1001-...
  .html" or Xinhua's "/2026-12/03/c_....htm": that day (J's rule), not its related links';
- a German or French web story's day under the heading ("03.12.2026, 19:40 Uhr", "Le
  03/12/2026 à 19h40"), not the print edition's after the body ("Erschienen in der Ausgabe
  vom 04.12.2026", "Dieser Artikel erschien in der gedruckten Ausgabe vom 4. Dezember
  2026.", "Paru dans l'édition du 04/12/2026", "Cet article est paru dans l'édition du 4
  décembre 2026."): the web story came first (K's and R's rule);
- authors (on about a fifth of the pages; the others credit nobody and have none):
  Persian "نویسنده: X | عکس: Y" (writer, photo): X; Arabic "كتب: X" (wrote): X; Taiwan's
  CNA opening "（中央社記者X台北3日電）" (CNA reporter X, Taipei, 3rd, dispatch): X;
- titles: the `<h1>` ("Headline - Site" in the `<title>`).
Round 21 (session 60) added W, fixed before any result, held out, aimed at authors again:
credits in conventions no family A-U wrote, on a UK/Irish English, a Thai, a Filipino and
a Swahili (Tanzanian) site (built by `make_page_w`; four pages in seven English). W's
truth, the writers a careful reader names, cleaned of roles and outlets:
- "By X · Translated by Y": X, the translator is no author; "By X with Y" (two people):
  X and Y; "Reported by X | Produced by Y | Edited by Z": X; "Words by X · Graphics by Y ·
  Data by Z": X; the story's last paragraph "AOIFE NÍ BHRIAIN / Reuters" in capitals and
  no byline: the person, without the agency; the name then its job title on its own line
  ("X<br>Senior Editor"): X; `article:author` a Facebook profile URL beside "By X": X
  (a URL is no name); Irish names with "Ní", "Nic", "Ó", "Mac", "Mc", "O'" ("By Aoife Ní
  Bhriain and Cathal Ó Súilleabháin"): both, whole;
- Thai "โดย X" (by): X, given name and surname as written with the space between; "เรื่อง:
  X ภาพ: Y" (story, photos): X;
- Filipino "Ni X at Y" (by X and Y; "dela Cruz", "delos Santos", "de Guzman" lower-case):
  both; "Isinulat ni X | Inedit ni Y" (written by, edited by): X;
- Swahili "Na X na Y" (the first "Na" is "by", the second "and"): both; "Imeandikwa na X"
  (written by) with "Mhariri: Y" (editor) after the body: X;
- the date (a fifth of the pages): "First published on Thu 3 Dec 2026 14.05 GMT", "3
  Desemba 2026, saa 14:05", "Disyembre 3, 2026 2:05 PM", a bare "2026-12-03 14:05" in a
  paragraph: that day; otherwise the `<time datetime>`'s day in the site's zone;
- the title (a fifth): `<title>Headline · Site</title>` with no `<h1>` (the headline in a
  `<div class="headline">`): the headline; an `<h1>` holding the headline, a `<br>` and a
  standfirst in a `<span class="subtitle">`: the headline alone; otherwise the `<h1>`.
Round 22 (session 60) added X, fixed before any result, held out, aimed at dates again:
days in conventions no family A-W wrote, on a British, a Spanish, a German, a French, a
Vietnamese, an Afghan and a Persian site (built by `make_page_x`; no JSON-LD, no meta tag,
no related links). X's truth, the day a careful reader gives in the site's own zone:
- a relative age under the heading ("3 hours ago", "hace 2 días", "vor 5 Stunden", "il y
  a 2 jours", "2 giờ trước") and ONE absolute day after the body ("Published 3 December
  2026", "Publicado el 3 de diciembre de 2026", "Veröffentlicht am 3. Dezember 2026",
  "Publié le 3 décembre 2026", "Ngày đăng: 03/12/2026"): the absolute day. The age was
  written when the page was rendered (a cached copy, the story 2 to 20 days before the
  fetch), so counted back from the fetch it names a later day. (An age alone, with no
  other day, is A-W's `hours_ago`/`days_ago` and not drawn here);
- a week-numbered URL ("/2026/w49/harbour-dredging-...") and a visible "Published 3
  December 2026" (or "Veröffentlicht am ..."): the visible day, the week names no day;
- a URL with an earlier day ("/2026/12/01-harbour-dredging-...", the draft's) and a
  visible "Published 3 December 2026, 14:05": the visible day, the story went out then;
- `<time datetime="2026-12-05T09:12:00+00:00">Published 3 December 2026</time>` (the
  CMS fills datetime with the last edit, 1 to 4 days later): the words' day;
- the first paragraph opening on an earlier day, "As of November 28, 2026, the port
  authority had spent ..." / "A fecha de 28 de noviembre de 2026, ..." or "At its
  meeting on 28 November 2026, the council ..." / "In seiner Sitzung am 28. November
  2026 ..." / "Lors de sa séance du 28 novembre 2026, ...", and the published line after
  the body: the published line's day (the figures' and the meeting's days are not the
  story's);
- Afghan (Dari) Solar Hijri month names on a .af site (`lang="fa-AF"`): "پنجشنبه ۱۲ قوس
  ۱۴۰۵" (Thursday 12 Qaws 1405, Persian digits) or "12 قوس 1405" (Latin digits): the
  Gregorian day, 2026-12-03 (Hamal to Hut are Iran's Farvardin to Esfand);
- a bare Solar Hijri numeric day and time on a .com site whose only Persian cue is
  `lang="fa"`: "۱۴۰۵/۰۹/۱۲ ۱۴:۰۵" or "1405/09/12 14:05": 2026-12-03 (no day has a year
  1405 in the Gregorian calendar of these pages);
- authors (on about a fifth of the pages; the others credit nobody and have none): Dari
  "گزارشگر: X" (reporter): X; Persian "به قلم X" (by the pen of): X; Vietnamese "Tác giả:
  X" (author): X;
- titles: the `<h1>` ("Headline | Site" in the `<title>`).
The Hebrew calendar beside the Gregorian was left out: the standard library has no
Hebrew calendar to write its days from.

Round 23 (session 60) added Y, fixed before any result, held out, aimed at authors again:
credits in conventions no family A-W wrote (or not in this shape), on an American, a
German, a Dutch, an Argentine, a Brazilian and an Italian site (built by `make_page_y`;
three pages in nine English, two German). Y's truth, the writers a careful reader names,
cleaned of roles and outlets:
- "BY JAMES WHITFIELD AND PRIYA OKAFOR" in capitals, the byline's only form: both (the
  scoring compares words without case); the wire's credit after the body alone,
  "Reporting by X in Paris; additional reporting by Y in Berlin; Editing by Z": X only
  (the dev corpus's Reuters page, reuters.com.parasite, credits "Additional reporting by"
  and its gold names the byline's writer alone); a schema.org Person in microdata whose
  name is only a `<meta itemprop="name" content="X">` (no visible byline, no head tag):
  X; Yoast's JSON-LD `@graph` whose NewsArticle names its author only as `{"@id": ...}`
  (one, or a list of two), the Person nodes after it: the Persons' names;
- German "Ein Kommentar von X" (a commentary by): X; "Ein Gastbeitrag von X, Ökonom am
  ..." (a guest contribution by, who X is after a comma): X;
- Dutch "Door onze correspondent X" / "Van onze verslaggever X" (by our correspondent,
  reporter): X;
- Spanish "Por X y Y | Corresponsales": both; Portuguese "Por X e Y, da Redação": both;
  Italian "di X e Y, inviati a Bruxelles" (envoys): both;
- the date (a fifth of the pages): "Thursday 3rd December 2026, 2.05pm", "03.12.26, 14:05
  Uhr", "3 december 2026 om 14:05", "3-XII-2026", Folha's "3.dez.2026 às 14h05", "3 dic
  2026 alle 14:05": that day; otherwise the `<time datetime>`'s day in the site's zone;
- the title (a fifth): an `<h1>` whose longest word a soft hyphen (`&shy;`) breaks: the
  headline without it; `<title>Headline — Site</title>` and the headline in an `<h2>`,
  no `<h1>`: the headline; otherwise the `<h1>`.

Round 24 (session 61) added family Z, fixed before any result was seen and held out, aimed
at dates again: conventions no family A-Y wrote, on its own sites (a Catalan, an
Albanian, a Malaysian, a Korean, a Japanese, a Brazilian and a US site; no JSON-LD, no
meta tag), each page one convention; truth, the day a careful reader gives in the site's
own zone:
- Catalan "Dijous, 3 de desembre de 2026 · 14:05", with "d'" (or "d’") before a month
  opening on a vowel ("3 d'octubre de 2026", "d'abril", "d'agost"): that day;
- Albanian "3 dhjetor 2026, 14:05" (month names in lower case): that day;
- Malay "Khamis, 3 Disember 2026 @ 2:05pm" (Malaysia's "Mac", "Jun", "Julai", "Ogos",
  "Disember", not Indonesia's): that day;
- Korean "등록 2026-12-03 14:05 수정 2026-12-04 09:12" (registered, edited) or Naver's
  "기사입력 2026.12.03. 오후 2:05 최종수정 2026.12.04. 오전 9:12": the registration's day,
  not the edit's;
- Japanese "12/4(金) 9:12 更新" (the update, in the short form of a day's list, no year)
  before "2026年12月3日 14時05分 配信" (the distribution): the distribution's day;
- Brazilian "Atualizado em 04/12/2026 às 09h12 | Publicado em 03/12/2026 às 14h05", the
  update first: the publication's day;
- a US site's rail "From the archive" before the story, three links each opening on an
  older story's day ("March 14, 2024: Ferry fares frozen for winter"), and the story's
  "December 3, 2026" under its heading: the story's day;
- authors (about a fifth): Catalan "Per X" (by): X; Malay "Oleh X bin Y" / "Oleh X binti
  Y" (by; son/daughter of): the whole name; Albanian "Shkruar nga X" (written by): X;
  every other page credits nobody and has none; the title is the `<h1>`.
The Hebrew calendar beside the Gregorian was left out again (no Hebrew calendar here to
write its days from), and a relative age as a page's only date too (A-W's
`hours_ago`/`days_ago` decide it already).
Round 25 (session 61) added AA (after Z, as spreadsheet columns go), fixed before any
result, held out, aimed at authors again: credits in conventions no family A-Y wrote, on an
American site that also republishes federal releases, an Italian, a Brazilian and a German
site (built by `make_page_aa`; four pages in eight English, two Italian). AA's truth, the
writers a careful reader names, cleaned of roles and outlets:
- a federal office in capitals, the release's only credit, with or without "By" ("U.S.
  CUSTOMS AND BORDER PROTECTION", "By DEPARTMENT OF HEALTH AND HUMAN SERVICES"): the
  office, ONE author (its "AND" is part of its name, not a second writer; the dev page
  viconsortium.com shows this shape);
- "Opinion by X" / "Analysis by X" (the section's word before "by"): X;
- no byline, the writer's bio closing the story ("<strong>X</strong> covers city hall for
  Site. Reach Dana at dana@site.com."): X;
- `<meta name="author" content="X and Y">` in the head, no visible credit: both;
- a microformats h-card under the heading, the name and no "By" (`<span class="h-card
  p-author"><a class="u-url p-name">X</a></span>`): X;
- "By X, Y, and Z" (the serial comma): all three;
- Italian "a cura di X" (prepared by; the piece's only credit, so its writer): X; "dal
  nostro inviato X" / "dalla nostra inviata X" / "dal nostro corrispondente X" (from our
  envoy, correspondent): X;
- Portuguese "Por X — São Paulo" (the city it was filed from after an em dash): X;
- German "Von X, mit Material von dpa und AFP" (with material from the wires): X;
- the date (a fifth of the pages): "Release Date: December 3, 2026 | Release Number:
  123-26", "3 dicembre 2026 (modifica il 5 dicembre 2026 | 14:05)" (the first day; the
  change is later), "quinta-feira, 3 de dezembro de 2026 às 14:05", "Donnerstag,
  03.12.2026, 14:05 Uhr": that day; otherwise the `<time datetime>`'s day in the site's
  zone;
- the title (a fifth): no `<h1>`, the headline in `<div role="heading" aria-level="1">`:
  the headline; otherwise the `<h1>`.
Left out, as earlier families write them: French "Propos recueillis par X", `<address>`
bylines, "About the author" boxes and "X is a reporter for", `<meta name="author">` with
";" or "|", `article:author` as a URL only, Italian "di X e Y", Portuguese "da Redação",
Czech/Polish "Autor:", Turkish "Haber:", Russian "Автор:", Greek "Του X", Korean "X 기자",
Japanese "X記者", Hebrew "מאת X".
Round 26 (session 61) added AB, fixed before any result was seen and held out, aimed at
dates again: conventions no family A-AA wrote, on its own sites (a Russian, a Japanese, a
Turkish, a US, a British and a Bangladeshi site; no JSON-LD, no meta tag; built by
`make_page_ab`), each page one convention; truth, the day a careful reader gives in the
site's own zone:
- "yesterday" with a clock, in words earlier families did not write: Russian "вчера в
  14:05" (or "Вчера в"), Japanese "昨日 14:05", Turkish "Dün 14:05" / "Dün, 14:05": the
  fetch's day in the site's zone minus one (Moscow, Tokyo, Istanbul: 3 December 2026);
- a calendar tile, the day, month and year in separate elements and nothing between
  them (`<span class="day">03</span><span class="month">Dec</span><span
  class="year">2026</span>`): that day;
- a timeago element as the server rendered it, a compact age ("5d", "5d ago") and the
  instant with the site's offset in its `title` (`<abbr class="timeago"
  title="2026-11-29T14:05:00-05:00">5d</abbr>`, or a `<span>`): the title's day (which the
  age, counted back from the fetch in the site's zone, agrees with);
- a British "3rd Dec '26, 2:05pm" (an ordinal day, the year's last two digits after an
  apostrophe): that day;
- Bangladesh's Gregorian day in Bangla beside the Bengali calendar's (Bangabda, as
  Bangladesh revised it: Boishakh 1 on 14 April), in either order, in Bengali digits
  ("বৃহস্পতিবার, ৩ ডিসেম্বর ২০২৬, ১৮ অগ্রহায়ণ ১৪৩৩" or "১৮ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ,
  বৃহস্পতিবার, ৩ ডিসেম্বর ২০২৬"): the Gregorian day;
- authors (about a fifth): "Story and photos by X": X; Japanese "文・X　写真・Y" (text,
  photos): X, the writer; every other page credits nobody and has none; the title is
  the `<h1>`.
Left out, as earlier families write them: "Yesterday"/"Gestern"/"Hier à"/"Ayer"/"Ieri"/
"Ontem"/"Gisteren"/"Wczoraj" with a clock, `data-timestamp` epochs, `data-date` /
`data-publish-date`, a weekday-only text with the day in its `title`, "3h ago" rails;
the Nepali Bikram Sambat (no verified table here to write its days from).
Round 27 (session 61) added AC (AB is round 26's), fixed before any result, held out, aimed
at titles: headlines set in conventions no family A-AA wrote, on an American, a German and a
Spanish site (built by `make_page_ac`; three pages in five English). AC's truth, the headline
as the page shows it to a reader, without a kicker or section label the site's declared
titles leave out (the dev corpus's gold drops those: "Local News | Brothel catering ..." ->
"Brothel catering ...", "Covid-19: Lässt sich ..." -> "Lässt sich ...", "Klimaschutz :
Bohren ..." -> "Bohren ..."), with one they carry too (it keeps "VIDEO: Voting on NYCHA's
Future", og:title and `<title>` so; corrected after the held-out run, see BENCHMARKS.md
round 27: the first truth dropped it, against that gold):
- a kicker in capitals and a colon written as the `<h1>`'s own text ("EXCLUSIVE: X",
  "WATCH: X", "EILMELDUNG: X", "ÚLTIMA HORA: X"), the `<title>` "EXCLUSIVE: X | Site":
  "EXCLUSIVE: X", as both write it;
- the section, a bar, then the headline in the `<h1>` ("Analysis | X", "Meinung | X",
  "Opinión | X"), the `<title>` "X | Site": X;
- a sign-up dialog's `<h1>` ("Subscribe to our newsletter") before the masthead, the
  story's `<h1>` X after it, the `<title>` "X | Site": X;
- a headline longer than 110 characters: the JSON-LD `headline` is its first 110
  characters (Google's limit, cut where the 110th falls), the `<title>` its first words
  and "… | Site", the `<h1>` whole: the whole headline;
- no `<h1>`, a headline that writes " - " itself ("Rock - Paper - Scissors: how ...",
  "Lakers 98 - 101 Celtics: ...") in `<div class="headline">`, the `<title>` "X - Site",
  `og:site_name` Site: X, dashes and all;
- the `<h1>` and a standfirst (`<p class="dek">`) in the story's `<header>`, og:title X: X
  (the standfirst is no part of it);
- about a fifth of the pages: the date "Do., 03.12.26 | 14:05 Uhr" (a weekday's short form,
  a two-digit year) or "jue 03/12/2026 - 14:05" (day first): that day; the credit "Von
  unserer Redakteurin X" / "Von unserem Redakteur X" or "Written and reported by X": X;
  otherwise a `<time datetime>`'s day in the site's zone and "By X" ("Von X", "Por X"): X.
Left out, as earlier families write them: a kicker in a `<span>` of the `<h1>`, a `<br>` in
it, the logo as the only `<h1>`, og:title in other words, "Site | Section | Headline", a
`<title>` cut with "…" and no `<h1>`, AMP pages, emoji and quotes, "LIVE" in the `<title>`;
a headline in capitals scores as any other (titles are compared case-folded).

Scored: pressroom's `page_metadata` (fetch time fixed, see NOW) and, as the baseline,
trafilatura's `extract_metadata`, accuracy per field and per convention. A date is right
when it is the true day (or none where none is true); authors when the set of names is
the true set (normalised words); a title when its words equal the headline's.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from html import escape

from trafilatura.utils import load_html

from tasks.extract.metadata import page_metadata

# The fetch time of every page: generated publication days lie before it, the "future"
# negatives more than a day after it.
NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

MONTHS = {
    "en": "January February March April May June July August September October November "
          "December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
          "novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
          "listopada grudnia",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}


WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
}
WEEKDAYS = {k: v.split() for k, v in WEEKDAYS.items()}
AT_TIME = {"en": "{h}:{m:02d} a.m.", "de": "{h:02d}:{m:02d} Uhr", "fr": "à {h}h{m:02d}",
           "es": "a las {h}:{m:02d}", "it": "ore {h:02d}:{m:02d}", "pt": "às {h}h{m:02d}",
           "nl": "om {h:02d}:{m:02d}", "pl": "godz. {h:02d}:{m:02d}"}


def worded(lang: str, d: date, rng: random.Random) -> str:
    """The day as a reader of `lang` sees it written out, sometimes with its weekday
    before it or the time after it."""
    text = _worded(lang, d, rng)
    if rng.random() < 0.25:
        text = f"{WEEKDAYS[lang][d.weekday()]}, {text}"
    if rng.random() < 0.25:
        at = AT_TIME[lang].format(h=rng.randint(7, 11), m=rng.randint(0, 59))
        text = f"{text}{',' if lang == 'en' else ''} {at}"
    return text


def _worded(lang: str, d: date, rng: random.Random) -> str:
    m = MONTHS[lang][d.month - 1]
    if lang == "en":
        return rng.choice([f"{m} {d.day}, {d.year}", f"{d.day} {m} {d.year}",
                           f"{m[:3]}. {d.day}, {d.year}" if m not in ("May", "June", "July")
                           else f"{m} {d.day}, {d.year}"])
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    if lang in ("es", "pt"):
        return f"{d.day} de {m} de {d.year}"
    return f"{d.day} {m} {d.year}"  # fr, it, nl, pl


def numeric(lang: str, d: date, rng: random.Random) -> str:
    """The day in digits as the language's pages write it."""
    if lang in ("de", "pl", "nl") or (lang in ("fr",) and rng.random() < 0.2):
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if lang == "en":
        return rng.choice([f"{d.year}-{d.month:02d}-{d.day:02d}",
                           f"{d.month:02d}/{d.day:02d}/{d.year}"])
    if lang == "nl":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"  # fr, es, it, pt


PUBLISHED = {"en": "Published", "de": "Veröffentlicht am", "fr": "Publié le",
             "es": "Publicado el", "it": "Pubblicato il", "pt": "Publicado em",
             "nl": "Gepubliceerd op", "pl": "Opublikowano"}
UPDATED = {"en": "Updated", "de": "Aktualisiert am", "fr": "Mis à jour le",
           "es": "Actualizado el", "it": "Aggiornato il", "pt": "Atualizado em",
           "nl": "Bijgewerkt op", "pl": "Zaktualizowano"}
BY = {"en": "By", "de": "Von", "fr": "Par", "es": "Por", "it": "Di", "pt": "Por",
      "nl": "Door", "pl": "Autor:"}
AND = {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "pt": "e", "nl": "en",
       "pl": "i"}
TEXT_LABEL = {"en": "Words:", "de": "Text:", "fr": "Texte :", "es": "Texto:", "it": "Testo:",
              "pt": "Texto:", "nl": "Tekst:", "pl": "Tekst:"}
ROLE = {"en": "Senior Reporter", "de": "Korrespondentin in Brüssel",
        "fr": "correspondant à Bruxelles", "es": "corresponsal en Bruselas",
        "it": "corrispondente da Bruxelles", "pt": "correspondente em Bruxelas",
        "nl": "correspondent in Brussel", "pl": "korespondent w Brukseli"}
COMMENTS = {"en": "Comments", "de": "Kommentare", "fr": "Commentaires", "es": "Comentarios",
            "it": "Commenti", "pt": "Comentários", "nl": "Reacties", "pl": "Komentarze"}
RELATED = {"en": "Read more", "de": "Mehr zum Thema", "fr": "À lire aussi",
           "es": "Más noticias", "it": "Leggi anche", "pt": "Leia também", "nl": "Lees ook",
           "pl": "Czytaj także"}
ROLE_BEFORE = {"en": "Reporter", "de": "Redakteurin", "fr": "Journaliste", "es": "Redactor",
               "it": "Redattore", "pt": "Repórter", "nl": "Verslaggever", "pl": "Redaktor"}
PHOTO = {"en": "Photo", "de": "Foto", "fr": "Photo", "es": "Foto", "it": "Foto", "pt": "Foto",
         "nl": "Foto", "pl": "Fot."}
PLACE = {"en": "LONDON", "de": "BERLIN", "fr": "PARIS", "es": "MADRID", "it": "ROMA",
         "pt": "LISBOA", "nl": "AMSTERDAM", "pl": "WARSZAWA"}
SEO_TAIL = {"en": "what it means for you", "de": "Das müssen Sie wissen",
            "fr": "ce qu'il faut savoir", "es": "todo lo que debes saber",
            "it": "cosa c'è da sapere", "pt": "o que precisa de saber",
            "nl": "dit moet je weten", "pl": "co musisz wiedzieć"}
AGENCIES = ("Reuters", "AP", "AFP", "dpa", "EFE", "ANSA", "PAP", "ANP", "Lusa")

FIRST = {
    "en": "James Emily Michael Sarah David Laura Robert Olivia Daniel Hannah",
    "de": "Anna Lukas Katrin Jonas Sabine Matthias Julia Tobias Claudia Florian",
    "fr": "Camille Julien Élodie Mathieu Chloé Nicolas Léa Antoine Manon Thomas",
    "es": "Lucía Javier Carmen Alejandro Marta Sergio Elena Pablo Sofía Andrés",
    "it": "Giulia Marco Francesca Luca Chiara Matteo Sara Alessandro Elisa Davide",
    "pt": "Beatriz João Mariana Pedro Inês Tiago Ana Rafael Carolina Gonçalo",
    "nl": "Sanne Daan Eva Bram Lotte Thijs Femke Ruben Anouk Joris",
    "pl": "Katarzyna Piotr Agnieszka Tomasz Magdalena Paweł Joanna Michał Ewa Krzysztof",
}
LAST = {
    "en": "Carter Hughes Bennett Foster Palmer Reynolds Sullivan Whitaker Hayes Morgan",
    "de": "Schneider Hoffmann Becker Wagner Krüger Zimmermann Hartmann Lehmann Brandt Vogel",
    "fr": "Lefèvre Moreau Girard Fontaine Chevalier Rousseau Blanchard Mercier Lambert Faure",
    "es": "García Fernández Moreno Jiménez Navarro Romero Castillo Ortega Rubio Molina",
    "it": "Rossi Bianchi Ferrari Esposito Romano Colombo Ricci Marino Greco Conti",
    "pt": "Silva Santos Ferreira Oliveira Costa Rodrigues Martins Sousa Carvalho Pereira",
    "nl": "Jansen Visser Smit Bakker Mulder Bos Vos Peters Hendriks Dekker",
    "pl": "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak "
          "Dąbrowski",
}
FIRST = {k: v.split() for k, v in FIRST.items()}
LAST = {k: v.split() for k, v in LAST.items()}

# Headline material: subjects, verbs and objects per language, joined as a sentence.
HEADLINE = {
    "en": (["City council", "Regional hospital", "Local farmers", "The new rail line",
            "Energy prices", "Teachers' union", "The harbour authority"],
           ["approves", "rejects", "delays", "plans", "warns about", "celebrates"],
           ["budget for next year", "new wind farm", "school reform", "tram extension",
            "flood defences", "housing project"]),
    "de": (["Stadtrat", "Kreisklinik", "Landwirte im Allgäu", "Die neue Bahnstrecke",
            "Energiepreise", "Lehrergewerkschaft", "Hafenbehörde"],
           ["beschließt", "lehnt ab:", "verschiebt", "plant", "warnt vor", "feiert"],
           ["Haushalt für 2027", "neuen Windpark", "Schulreform", "Verlängerung der Tram",
            "Hochwasserschutz", "Wohnprojekt am Fluss"]),
    "fr": (["Le conseil municipal", "L'hôpital régional", "Les agriculteurs",
            "La nouvelle ligne", "Les prix de l'énergie", "Le syndicat des enseignants"],
           ["approuve", "rejette", "reporte", "prépare", "s'inquiète pour", "célèbre"],
           ["le budget de l'année", "un parc éolien", "la réforme scolaire",
            "le prolongement du tram", "la digue du port", "un projet de logements"]),
    "es": (["El ayuntamiento", "El hospital regional", "Los agricultores",
            "La nueva línea de tren", "Los precios de la energía", "El sindicato docente"],
           ["aprueba", "rechaza", "aplaza", "prepara", "advierte sobre", "celebra"],
           ["el presupuesto anual", "un parque eólico", "la reforma escolar",
            "la ampliación del tranvía", "el dique del puerto", "un plan de vivienda"]),
    "it": (["Il consiglio comunale", "L'ospedale regionale", "Gli agricoltori",
            "La nuova linea ferroviaria", "I prezzi dell'energia", "Il sindacato"],
           ["approva", "respinge", "rinvia", "prepara", "avverte su", "festeggia"],
           ["il bilancio annuale", "un parco eolico", "la riforma della scuola",
            "il prolungamento del tram", "la diga del porto", "un piano casa"]),
    "pt": (["A câmara municipal", "O hospital regional", "Os agricultores",
            "A nova linha ferroviária", "Os preços da energia", "O sindicato dos professores"],
           ["aprova", "rejeita", "adia", "prepara", "alerta para", "celebra"],
           ["o orçamento anual", "um parque eólico", "a reforma escolar",
            "a extensão do elétrico", "o dique do porto", "um plano de habitação"]),
    "nl": (["De gemeenteraad", "Het regionale ziekenhuis", "Boeren in Drenthe",
            "De nieuwe spoorlijn", "Energieprijzen", "De lerarenbond"],
           ["keurt goed", "verwerpt", "stelt uit", "plant", "waarschuwt voor", "viert"],
           ["begroting voor volgend jaar", "nieuw windpark", "onderwijshervorming",
            "verlenging van de tram", "dijkversterking", "woningbouwproject"]),
    "pl": (["Rada miasta", "Szpital wojewódzki", "Rolnicy z Podlasia", "Nowa linia kolejowa",
            "Ceny energii", "Związek nauczycieli"],
           ["zatwierdza", "odrzuca", "odkłada", "planuje", "ostrzega przed", "świętuje"],
           ["budżet na przyszły rok", "nową farmę wiatrową", "reformę szkolną",
            "przedłużenie tramwaju", "umocnienia wałów", "projekt mieszkaniowy"]),
}
KICKERS = {"en": "Exclusive", "de": "Nach der Wahl", "fr": "Politique", "es": "Última hora",
           "it": "Cronaca", "pt": "Política", "nl": "Binnenland", "pl": "Wiadomości"}
FILLER = {
    "en": "The decision came after months of debate in the chamber and among residents, "
          "who had asked for clearer figures on the cost and the timetable of the work.",
    "de": "Die Entscheidung fiel nach monatelanger Debatte im Rat und unter den Anwohnern, "
          "die genauere Zahlen zu den Kosten und zum Zeitplan der Arbeiten verlangt hatten.",
    "fr": "La décision est intervenue après des mois de débat au conseil et parmi les "
          "habitants, qui réclamaient des chiffres plus clairs sur le coût et le calendrier.",
    "es": "La decisión llegó tras meses de debate en el pleno y entre los vecinos, que "
          "pedían cifras más claras sobre el coste y el calendario de las obras previstas.",
    "it": "La decisione è arrivata dopo mesi di dibattito in consiglio e tra i residenti, "
          "che chiedevano cifre più chiare sui costi e sui tempi dei lavori previsti.",
    "pt": "A decisão surgiu depois de meses de debate na assembleia e entre os moradores, "
          "que pediam números mais claros sobre o custo e o calendário das obras.",
    "nl": "Het besluit volgde na maanden van debat in de raad en onder bewoners, die om "
          "duidelijkere cijfers over de kosten en de planning van de werkzaamheden vroegen.",
    "pl": "Decyzja zapadła po miesiącach debaty w radzie i wśród mieszkańców, którzy prosili "
          "o jaśniejsze dane dotyczące kosztów i harmonogramu prac budowlanych w mieście.",
}
SITES = {
    "en": [("Daily Courier", "dailycourier.com"), ("The Northern Echo", "northernecho.co.uk"),
           ("Valley Tribune", "valleytribune.com")],
    "de": [("Rheinbote", "rheinbote.de"), ("Allgäuer Anzeiger", "allgaeuer-anzeiger.de"),
           ("Neue Presse Wien", "neuepresse.at")],
    "fr": [("Le Petit Courrier", "lepetitcourrier.fr"), ("La Voix du Sud", "voixdusud.fr")],
    "es": [("Diario del Norte", "diariodelnorte.es"), ("El Heraldo", "elheraldo.com.mx")],
    "it": [("Il Corriere Locale", "corrierelocale.it"), ("La Gazzetta", "lagazzetta.it")],
    "pt": [("Jornal da Cidade", "jornaldacidade.pt"), ("Folha do Sul", "folhadosul.com.br")],
    "nl": [("Dagblad Oost", "dagbladoost.nl"), ("De Stedenkrant", "stedenkrant.nl")],
    "pl": [("Gazeta Miejska", "gazetamiejska.pl"), ("Kurier Północny", "kurierpolnocny.pl")],
}
# The offset each site writes its instants with (its newsroom's zone in winter/summer).
ZONE_OF_TLD = {"com": -5, "uk": 0, "de": 1, "at": 1, "fr": 1, "es": 1, "mx": -6, "it": 1,
               "pt": 0, "br": -3, "nl": 1, "pl": 1}

DATE_CONVENTIONS = (
    "jsonld_article", "jsonld_graph", "meta_article", "meta_dc", "meta_parsely",
    "meta_sailthru", "meta_og", "time_text", "time_no_text", "visible_worded",
    "visible_numeric", "visible_iso", "labelled", "url_only", "midnight_offset",
    "all_agree", "dateline_para", "byline_with_date", "itemprop_body", "none", "future",
)
AUTHOR_CONVENTIONS = (
    "jsonld_person", "jsonld_list", "jsonld_graph_ref", "jsonld_string", "meta_author",
    "byline_one", "byline_two", "byline_class", "text_label", "byline_role",
    "byline_outlet_comma", "byline_outlet_pipe", "agency_only", "byline_three",
    "jsonld_with_org", "signature_end", "jsonld_string_list", "role_before", "byline_upper",
    "none",
)
TITLE_CONVENTIONS = ("suffix_pipe", "suffix_dash", "suffix_endash", "prefix_site",
                     "kicker_in_h1", "kicker_above", "no_h1", "og_clean", "logo_h1",
                     "seo_og_title", "kicker_colon")
NOISE = ("updated", "comments", "related", "copyright", "ticker_top", "photo_credit",
         "author_url_meta")  # (+ "update_line_alone")


@dataclass
class Page:
    html: str
    url: str
    lang: str
    day: date | None  # the true publication day (None: the page must give none)
    authors: list[str]
    title: str
    conv: dict[str, str] = field(default_factory=dict)
    noise: list[str] = field(default_factory=list)


# Name shapes beside "First Last": a middle initial, a double first name, a surname with
# its particle or a double surname, as bylines write them.
PARTICLES = {"de": "von", "nl": "van der", "fr": "de", "it": "De", "pt": "da", "es": "de la",
             "en": "", "pl": ""}


def person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
        shape = rng.random()
        if shape < 0.1:
            first = f"{first} {rng.choice('ABCDEFGHJKLMPRST')}."
        elif shape < 0.2:
            first = f"{first}-{rng.choice(FIRST[lang])}" if lang in ("de", "fr") else \
                f"{first} {rng.choice(FIRST[lang])}"
        elif shape < 0.28 and PARTICLES[lang]:
            last = f"{PARTICLES[lang]} {last}"
        elif shape < 0.34 and lang in ("es", "pt", "pl"):
            last = f"{last}{'-' if lang == 'pl' else ' '}{rng.choice(LAST[lang])}"
        name = f"{first} {last}"
        # co-authors share no name part: "Eva Jansen" beside "Thijs Eva Jansen" would
        # test the scorer's matching, not the byline rules
        if any(set(name.replace("-", " ").split()) & set(a.replace("-", " ").split())
               for a in avoid):
            continue
        return name


def instant(day: date, zone_hours: int, rng: random.Random, near_midnight: bool = False) -> str:
    """An ISO 8601 instant on `day` in the site's zone, written with its offset."""
    if near_midnight:
        # just after or just before midnight: the UTC day differs from the local one
        hour, minute = rng.choice([(0, rng.randint(1, 50)), (23, rng.randint(5, 58))])
        zone_hours = rng.choice([h for h in (-5, -3, 1, 2, 5) if h != 0])
        if (hour == 0 and zone_hours < 0) or (hour == 23 and zone_hours > 0):
            zone_hours = -zone_hours  # an offset that moves the instant across midnight
    else:
        hour, minute = rng.randint(6, 20), rng.randint(0, 59)
    tz = timezone(timedelta(hours=zone_hours))
    return datetime(day.year, day.month, day.day, hour, minute, rng.randint(0, 59),
                    tzinfo=tz).isoformat()


def headline(lang: str, rng: random.Random) -> str:
    subj, verb, obj = HEADLINE[lang]
    return f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)}"


def generate(seed: int, n: int) -> list[Page]:
    rng = random.Random(seed)
    return [make_page(rng, i) for i in range(n)]


def make_page(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many options
    lang = LANGS[i % len(LANGS)]
    site, domain = rng.choice(SITES[lang])
    zone_hours = ZONE_OF_TLD[domain.rsplit(".", 1)[-1]]
    day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 700))
    conv = {"date": rng.choice(DATE_CONVENTIONS), "author": rng.choice(AUTHOR_CONVENTIONS),
            "title": rng.choice(TITLE_CONVENTIONS)}
    noise = [x for x in NOISE if rng.random() < 0.4]
    dconv, aconv, tconv = conv["date"], conv["author"], conv["title"]
    if dconv == "none":  # no date anywhere: no update, comment or teaser dates either
        noise = [x for x in noise if x == "copyright"]
    truth_day: date | None = day
    if dconv == "none":
        truth_day = None
    elif dconv == "future":
        day = (NOW + timedelta(days=rng.randint(3, 400))).date()
        truth_day = None
    slug = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", headline(lang, rng))
                               .encode("ascii", "ignore").decode().lower()))[:60]
    path = f"/{rng.choice(['news', 'politik', 'region', 'actualite', 'local'])}/{slug}-{i}"
    if dconv == "url_only":
        path = f"/{day.year}/{day.month:02d}/{day.day:02d}/{slug}"
    url = f"https://www.{domain}{path}"

    # --- title --------------------------------------------------------------------------
    title = headline(lang, rng)
    kicker = KICKERS[lang]
    sep = {"suffix_pipe": " | ", "suffix_dash": " - ", "suffix_endash": " – "}.get(tconv, " | ")
    doc_title = f"{site}{sep}{title}" if tconv == "prefix_site" else f"{title}{sep}{site}"
    if tconv == "kicker_colon":
        doc_title = f"{kicker}: {title}{sep}{site}"
    elif tconv == "seo_og_title":
        doc_title = f"{title}: {SEO_TAIL[lang]}{sep}{site}"
    og_title = title if tconv in ("og_clean", "kicker_in_h1") else doc_title
    logo = _logo(site)
    if tconv == "kicker_in_h1":
        h1 = f'<h1><span class="kicker">{escape(kicker)}</span> {escape(title)}</h1>'
    elif tconv == "kicker_above":
        h1 = f'<p class="kicker">{escape(kicker)}</p><h1 class="headline">{escape(title)}</h1>'
    elif tconv == "no_h1":
        h1 = f'<div class="lead-title">{escape(title)}</div>'
    elif tconv == "logo_h1":
        # the theme gives the <h1> to the site's logo, the headline an <h2>
        logo = f'<h1 class="site-logo"><a href="/">{escape(site)}</a></h1>'
        h1 = f'<h2 class="entry-title">{escape(title)}</h2>'
    else:
        h1 = f"<h1>{escape(title)}</h1>"

    # --- authors ------------------------------------------------------------------------
    names: list[str] = []
    if aconv in ("byline_two", "jsonld_list", "byline_three", "jsonld_string_list"):
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
        if aconv == "byline_three":
            names.append(person(lang, rng, set(names)))
    elif aconv == "agency_only":
        names = [rng.choice(AGENCIES)]
    elif aconv != "none":
        names = [person(lang, rng)]
    head: list[str] = []
    jsonld: dict = {"@context": "https://schema.org", "@type": "NewsArticle",
                    "headline": title, "inLanguage": lang}
    graph_people: list[dict] = []
    if aconv == "jsonld_person":
        jsonld["author"] = {"@type": "Person", "name": names[0]}
    elif aconv == "jsonld_list":
        jsonld["author"] = [{"@type": "Person", "name": n} for n in names]
    elif aconv == "jsonld_with_org":
        # the publisher listed beside the reporter: not an author of the text
        jsonld["author"] = [{"@type": "Person", "name": names[0]},
                            {"@type": "Organization", "name": site}]
    elif aconv == "jsonld_string_list":
        jsonld["author"] = list(names)
    elif aconv == "jsonld_string":
        jsonld["author"] = names[0]
    elif aconv == "jsonld_graph_ref":
        pid = f"https://www.{domain}/#/schema/person/{i}"
        jsonld["author"] = {"@id": pid}
        graph_people.append({"@type": "Person", "@id": pid, "name": names[0]})
    elif aconv == "meta_author":
        head.append(f'<meta name="author" content="{escape(names[0])}">')
    byline = ""
    by = BY[lang]
    if aconv == "byline_one":
        byline = f'<p class="article-meta">{by} {escape(names[0])}</p>'
    elif aconv == "byline_two":
        byline = (f'<p class="article-meta">{by} {escape(names[0])} {AND[lang]} '
                  f'{escape(names[1])}</p>')
    elif aconv == "byline_class":
        byline = f'<div class="byline"><a href="/autor/{i}">{escape(names[0])}</a></div>'
    elif aconv == "text_label":
        byline = f'<p class="credits">{TEXT_LABEL[lang]} {escape(names[0])}</p>'
    elif aconv == "byline_role":
        byline = f'<p class="article-meta">{by} {escape(names[0])}, {ROLE[lang]}</p>'
    elif aconv == "byline_outlet_comma":
        byline = f'<p class="article-meta">{by} {escape(names[0])}, {rng.choice(AGENCIES)}</p>'
    elif aconv == "byline_outlet_pipe":
        byline = f'<div class="author">{escape(names[0])} | {rng.choice(AGENCIES)}</div>'
    elif aconv == "agency_only":
        byline = f'<div class="author">{escape(names[0])}</div>'
    elif aconv == "byline_three":
        byline = (f'<p class="article-meta">{by} {escape(names[0])}, {escape(names[1])} '
                  f'{AND[lang]} {escape(names[2])}</p>')
    elif aconv == "role_before":
        byline = f'<p class="article-meta">{ROLE_BEFORE[lang]}: {escape(names[0])}</p>'
    elif aconv == "byline_upper":
        byline = f'<p class="article-meta">{by.upper()} {escape(names[0].upper())}</p>'
    signature = (f"<p><strong>{escape(names[0])}</strong></p>" if aconv == "signature_end"
                 else "")

    # --- date ---------------------------------------------------------------------------
    stamp = instant(day, zone_hours, rng, near_midnight=dconv == "midnight_offset")
    dateline = ""
    if dconv in ("jsonld_article", "jsonld_graph", "midnight_offset", "all_agree", "future"):
        jsonld["datePublished"] = stamp
    if dconv in ("meta_article", "midnight_offset", "all_agree") or (
            dconv == "future" and rng.random() < 0.5):
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    if dconv == "meta_dc":
        head.append(f'<meta name="{rng.choice(["dc.date", "DC.date.issued", "dcterms.date"])}"'
                    f' content="{day.isoformat()}">')
    if dconv == "meta_parsely":
        head.append(f'<meta name="parsely-pub-date" content="{stamp}">')
    if dconv == "meta_sailthru":
        head.append(f'<meta name="sailthru.date" content="{day.isoformat()} '
                    f'{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00">')
    if dconv == "meta_og":
        head.append(f'<meta property="og:published_time" content="{stamp}">')
    if dconv in ("time_text", "all_agree"):
        dateline = f'<time datetime="{stamp}">{escape(worded(lang, day, rng))}</time>'
    elif dconv == "time_no_text":
        dateline = f'<time class="published" datetime="{stamp}"></time>'
    elif dconv == "visible_worded":
        dateline = f'<span class="date">{escape(worded(lang, day, rng))}</span>'
    elif dconv == "visible_numeric":
        dateline = f'<span class="date">{numeric(lang, day, rng)}</span>'
    elif dconv == "visible_iso":
        dateline = f'<span class="date">{day.isoformat()}</span>'
    elif dconv == "labelled":
        dateline = (f'<span>{PUBLISHED[lang]}: '
                    f'{escape(rng.choice([worded(lang, day, rng), numeric(lang, day, rng)]))}'
                    '</span>')
    elif dconv == "byline_with_date":
        shown = escape(worded(lang, day, rng))
        if byline.endswith("</p>"):
            byline = f"{byline[:-4]} | {shown}</p>"
        else:
            dateline = f'<p class="meta-line">{shown}</p>'
    elif dconv == "itemprop_body":
        dateline = f'<meta itemprop="datePublished" content="{stamp}">'
    lead = ""
    if dconv == "dateline_para":
        shown = rng.choice([worded(lang, day, rng), numeric(lang, day, rng)])
        lead = f"{PLACE[lang]}, {escape(shown)} – "
    later = day + timedelta(days=rng.randint(1, 20))
    later = min(later, (NOW - timedelta(days=1)).date()) if dconv != "future" else later
    if "updated" in noise and later != day:
        jsonld["dateModified"] = instant(later, zone_hours, rng)
        head.append(f'<meta property="article:modified_time" content="{jsonld["dateModified"]}">')
        if dateline and dconv not in ("itemprop_body", "time_no_text"):
            # the update shown beside the publication's date
            dateline += (f' <span class="updated">{UPDATED[lang]}: '
                         f'{escape(worded(lang, later, rng))}</span>')
        elif dconv != "future" and rng.random() < 0.5:
            # the update alone on the page's date line: the dev corpus's annotators take
            # the day such a line shows (4 pages), the truth here stays the publication's
            noise[noise.index("updated")] = "update_line_alone"
            dateline += (f' <span class="updated">{UPDATED[lang]}: '
                        f'{escape(worded(lang, later, rng))}</span>')
    if jsonld.get("author") or jsonld.get("datePublished") or rng.random() < 0.5:
        if dconv == "jsonld_graph" or aconv == "jsonld_graph_ref":
            block = {"@context": "https://schema.org", "@graph": [
                {"@type": "WebSite", "@id": f"https://www.{domain}/#website", "name": site},
                {"@type": "WebPage", "@id": url, "name": doc_title,
                 "datePublished": jsonld.get("datePublished") if dconv == "jsonld_graph"
                 else None},
                {k: v for k, v in jsonld.items() if k != "@context"} | {"@id": f"{url}#article"},
                *graph_people,
            ]}
            block["@graph"] = [{k: v for k, v in node.items() if v is not None}
                               for node in block["@graph"]]
        else:
            block = jsonld
        head.append('<script type="application/ld+json">'
                    f"{json.dumps(block, ensure_ascii=False)}</script>")

    # --- the page's frame and noise -----------------------------------------------------
    other_day = day - timedelta(days=rng.randint(2, 60))
    other = person(lang, rng, set(names))
    related = ""
    if "related" in noise:
        related = (f'<aside class="related"><h3>{RELATED[lang]}</h3><article class="teaser">'
                   f'<a href="/news/other-{i}"><h4>{escape(headline(lang, rng))}</h4></a>'
                   f'<p class="byline">{BY[lang] if lang != "pl" else "Autor:"} '
                   f'{escape(other)}</p>'
                   f'<time datetime="{other_day.isoformat()}T09:00:00">'
                   f'{escape(worded(lang, other_day, rng))}</time></article></aside>')
    comments = ""
    if "comments" in noise:
        cday = min(day + timedelta(days=rng.randint(0, 3)), (NOW - timedelta(days=1)).date())
        commenter = person(lang, rng, set(names) | {other})
        comments = (f'<section id="comments" class="comments"><h3>{COMMENTS[lang]}</h3>'
                    f'<div class="comment"><span class="comment-author">{escape(commenter)}'
                    f'</span> <span class="comment-date">{numeric(lang, cday, rng)} '
                    f'{rng.randint(8, 22)}:{rng.randint(10, 59)}</span><p>{FILLER[lang][:80]}</p>'
                    f"</div></section>")
    footer = (f'<footer class="site-footer"><p>© {NOW.year} {escape(site)}</p></footer>'
              if "copyright" in noise else "<footer><p>Impressum</p></footer>")
    author_box = ""
    if aconv == "none" and rng.random() < 0.5:
        # another story's author box in the sidebar: its author is not this page's
        author_box = (f'<div class="sidebar widget"><div class="author-box">'
                      f'<span class="author-name">{escape(other)}</span></div></div>')
    ticker = ""
    if "ticker_top" in noise:
        # the latest stories above the article, with their days
        tday = (NOW - timedelta(days=rng.randint(1, 3))).date()
        ticker = (f'<div class="news-ticker"><ul><li><span class="ticker-date">'
                  f"{escape(worded(lang, tday, rng))}</span> <a href='/news/t-{i}'>"
                  f"{escape(headline(lang, rng))}</a></li></ul></div>")
    photo = ""
    if "photo_credit" in noise:
        photo = (f'<figure><img src="/img/{i}.jpg" alt=""><figcaption>{PHOTO[lang]}: '
                 f"{escape(person(lang, rng, set(names)))}</figcaption></figure>")
    if "author_url_meta" in noise:
        head.append(f'<meta property="article:author" content="https://www.facebook.com/{domain}">')
    paragraphs = lead + "".join(f"<p>{FILLER[lang]} {FILLER[lang]}</p>"
                                for _ in range(rng.randint(3, 6)))
    if lead:  # the dateline opens the first paragraph
        paragraphs = f"<p>{lead}{paragraphs[len(lead) + 3:]}"
    order = rng.random()
    meta_line = " ".join(x for x in (byline, dateline) if x)
    header = (f"{h1}{photo}<div class=\"article-info\">{meta_line}</div>" if order < 0.7
              else f"<div class=\"article-info\">{meta_line}</div>{h1}{photo}")
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>"
        f'<meta property="og:title" content="{escape(og_title)}">'
        f'<meta property="og:site_name" content="{escape(site)}">'
        f'<meta property="og:type" content="article">'
        f'<link rel="canonical" href="{url}">{"".join(head)}</head><body>'
        f'<header class="site-header">{logo}<nav><ul>'
        f'<li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul>'
        f"</nav></header><main>{ticker}<article>{header}"
        f'<div class="article-body">{paragraphs}{signature}</div></article>{comments}</main>'
        f"{related}{author_box}{footer}</body></html>"
    )
    return Page(html, url, lang, truth_day, names, title, conv, noise)


# --- --unseen A|B: conventions the rules were not written for -------------------------
# Fixed in session 53 BEFORE any result was seen; the rules may be tuned on family A
# only, family B is the held-out figure. Each family draws every field from its own list,
# so a B page holds no convention of A (nor of the default mode's lists above).
UNSEEN = {
    "A": {
        "date": ("ordinal_en", "fr_weekday_at", "zone_word_midnight", "jsonld_no_zone",
                 "jsonld_list_value", "meta_pubdate", "meta_cxense", "relative_yesterday",
                 "liveblog_later_updates"),
        "author": ("written_by", "reporting_editing", "name_in_city", "itemprop_nested",
                   "contributed_reporting", "lowercase_byline"),
        "title": ("section_prefix", "og_longer_than_h1"),
    },
    "B": {
        "date": ("two_digit_year", "es_zone_word", "pl_opublikowano_time", "time_partial",
                 "jsonld_blocks_disagree", "meta_uncommon", "updated_above_published",
                 "hours_ago"),
        "author": ("special_to", "agency_initials", "byline_link_list", "rel_author",
                   "our_correspondent", "upper_surname"),
        "title": ("site_in_headline", "odd_separator"),
    },
    # round 2, fixed before any result: held out while B is tuned on
    "C": {
        "date": ("es_publicado_a_las", "de_um_uhr_stand", "en_ampm_zone", "weekday_no_year",
                 "jsonld_epoch_or_ms", "data_attr_epoch", "rss_shown", "wire_dateline",
                 "hatom_abbr", "upload_path_only", "updated_first_other_words"),
        "author": ("story_by", "label_reportage", "mit_material", "text_and_photos",
                   "address_byline", "meta_byl", "og_author_name", "jsonld_org_and_person"),
        "title": ("em_dash_site", "site_colon_prefix", "breadcrumb_before_h1"),
    },
    # round 3, fixed before any result: held out while C is tuned on
    "D": {
        "date": ("slash_locale", "time_text_iso_no_zone", "weekday_pipe_time",
                 "dotted_unpadded", "month_abbr_first", "og_updated_only",
                 "microdata_vs_sidebar", "originally_published", "copyright_year_only",
                 "days_ago", "wayback_url"),
        "author": ("by_and_pipe_agency", "name_dash_role", "author_caps_label",
                   "name_comma_city", "with_agency_paren", "two_names_joined",
                   "jsonld_url_only_entry", "text_photos_amp"),
        "title": ("title_page_n", "h1_hidden_site", "h1_subtitle_small"),
    },
    # round 4, fixed before any result: held out while D is tuned on
    "E": {
        "date": ("de_lesedauer", "fr_abbr_h", "time_first", "year_in_sibling",
                 "time_updated_vs_meta", "utc_compact_offset", "dc_date_created",
                 "jsonld_date_created", "video_upload_date", "teaser_jsonld_only",
                 "updated_published_one_line", "pl_aktualizacja_only"),
        "author": ("autorin_label", "por_agencia", "names_comma_ap", "caps_three",
                   "con_collaborazione", "article_footer_byline", "jsonld_name_list"),
        "title": ("og_dash_title_colon", "h1_br", "emoji_title"),
    },
    # round 5, fixed before any result: held out while E is tuned on
    "F": {
        "date": ("fr_publie_modifie_comma", "de_stand_alone", "en_abbr_ordinal",
                 "slash_ymd", "dash_dmy_unpadded", "time_pubdate_attr", "data_date_span",
                 "abbr_title_no_class", "h1_kicker_date", "url_query_date",
                 "newsletter_box_date"),
        "author": ("par_correspondant_a", "reportage_de", "redactie_label",
                   "autor_in_slash", "avatar_img_alt", "oxford_three", "staff_reports",
                   "jsonld_given_family"),
        "title": ("title_site_only", "og_title_only", "h1_section_h2_headline"),
    },
    # round 6, fixed before any result: held out while F is tuned on
    "G": {
        "date": ("pt_publicado_em_hifen", "citation_date_slash", "parsely_page_json",
                 "jsonld_main_entity", "next_data_published_at", "ampm_pacific_late",
                 "today_stamp", "pl_data_publikacji_godz", "it_ore_dash", "nl_abbr_om_uur",
                 "wp_posted_on_two_times"),
        "author": ("plural_label", "amp_link_pair", "meta_author_semicolon",
                   "author_url_slug_only", "bio_at_end", "compiled_by", "byline_email",
                   "jsonld_name_with_role"),
        "title": ("title_site_section_headline", "h1_logo_og_suffix", "sr_only_h1_kicker",
                  "quotes_in_headline"),
    },
    # round 7, fixed before any result: held out while G is tuned on
    "H": {
        "date": ("time_zone_before_date", "posted_at_ampm", "updated_only_et",
                 "ist_pipe_utc_meta", "guardian_dotted_gmt", "upper_published_on",
                 "sr_text_published_on", "og_article_published_time", "meta_local_no_zone",
                 "jsonld_worded", "upper_month_eu"),
        "author": ("by_pipe_staff_writer", "name_comma_outlet", "slash_desk_staff",
                   "posted_by", "by_colon", "with_agency_en", "edited_by_near",
                   "twitter_handle", "name_comma_correspondent"),
        "title": ("title_headline_section_site", "title_endash_tagline",
                  "h1_hidden_breaking", "seo_media_tag"),
    },
    # round 7 too, fixed before any result once H scored 1.000 everywhere: held out
    "I": {
        "date": ("aria_label_only", "posted_updated_at_pm", "outlet_slash_time_first",
                 "en_dmy_slash_bullet", "en_dotted_dmy", "meta_date_us_slash",
                 "ordinal_no_comma_gmt_offset", "date_pipe_lower_time"),
        "author": ("story_photos_bullet", "by_for_outlet", "by_name_then_published",
                   "asian_african_agency", "meta_author_by_prefix", "author_card_role",
                   "by_ampersand_plain"),
        "title": ("title_truncated_ellipsis", "title_site_location", "amp_title"),
    },
    # round 8, fixed before any result: held out while I is tuned on
    "J": {
        "date": ("url_compact_date", "microdata_meta_only", "wp_posted_on_link",
                 "weekday_hover_title", "data_publish_date_iso", "joomla_created_hits",
                 "drupal_submitted_us", "eu_abbr_month_time", "meta_space_no_zone",
                 "js_date_string", "time_pubdate_text_only"),
        "author": ("drupal_submitted_by", "posted_by_in_category", "profile_link_no_label",
                   "authors_paren_label", "name_dot_read_time", "dc_creator_inverted",
                   "by_name_on_date"),
        "title": ("title_tag_only", "h1_self_link", "itemprop_headline_only"),
    },
    # round 9, fixed before any result: held out while J is tuned on; built by make_page_k
    "K": {
        "date": ("dateline_under_most_read", "numeric_beside_sidebar_times",
                 "print_edition_first", "correction_only_visible",
                 "updated_big_first_published_small", "liveblog_entries",
                 "jsonld_graph_last", "template_meta_stale", "event_in_text_footer_date",
                 "teaser_articles_first"),
        "author": ("byline_more_from_other", "photo_editor_cards", "teaser_bylines_above",
                   "comment_authors_microdata", "jsonld_itemlist_authors_first",
                   "meta_author_sitename"),
        "title": ("og_title_site_template", "teaser_h2s_no_h1", "itemlist_headlines_first"),
    },
}
# the language a convention is written in, where it has one
UNSEEN_LANG = {"ordinal_en": ("en",), "fr_weekday_at": ("fr",),
               "zone_word_midnight": ("en", "de"), "es_zone_word": ("es",),
               "pl_opublikowano_time": ("pl",), "two_digit_year": ("de", "pl", "nl", "fr",
                                                                   "es", "it"),
               "reporting_editing": ("en",), "special_to": ("en",),
               "our_correspondent": ("de", "fr", "es", "it"), "upper_surname": ("fr", "en"),
               "agency_initials": ("de", "en", "fr", "es"),
               "es_publicado_a_las": ("es",), "de_um_uhr_stand": ("de",),
               "en_ampm_zone": ("en",), "weekday_no_year": ("en", "de", "fr"),
               "rss_shown": ("en", "de", "nl"), "wire_dateline": ("en",),
               "updated_first_other_words": ("de", "fr", "es", "it", "nl"),
               "story_by": ("en",), "label_reportage": ("de", "fr"),
               "mit_material": ("de",), "text_and_photos": ("de", "fr"),
               "meta_byl": ("en",),
               "slash_locale": ("en",), "weekday_pipe_time": ("en",),
               "dotted_unpadded": ("de", "nl", "pl"), "month_abbr_first": ("es", "pt"),
               "by_and_pipe_agency": ("en",), "name_comma_city": ("de", "es"),
               "with_agency_paren": ("fr", "es", "it"),
               "two_names_joined": ("it", "pt", "nl", "pl"),
               "de_lesedauer": ("de",), "fr_abbr_h": ("fr",),
               "time_first": ("de", "pl", "nl", "it"), "year_in_sibling": ("en",),
               "utc_compact_offset": ("de", "fr", "it", "nl", "pl"),
               "updated_published_one_line": ("fr",), "pl_aktualizacja_only": ("pl",),
               "autorin_label": ("de",), "por_agencia": ("es",), "names_comma_ap": ("en",),
               "caps_three": ("en",), "con_collaborazione": ("it",),
               "fr_publie_modifie_comma": ("fr",), "de_stand_alone": ("de",),
               "en_abbr_ordinal": ("en",), "dash_dmy_unpadded": ("nl", "it", "pt"),
               "par_correspondant_a": ("fr",), "reportage_de": ("fr",),
               "redactie_label": ("nl",), "autor_in_slash": ("de",),
               "oxford_three": ("en",), "staff_reports": ("en",),
               "pt_publicado_em_hifen": ("pt",), "ampm_pacific_late": ("en",),
               "today_stamp": ("de", "fr", "it", "nl", "pl", "pt"),
               "pl_data_publikacji_godz": ("pl",), "it_ore_dash": ("it",),
               "nl_abbr_om_uur": ("nl",), "author_url_slug_only": ("en",),
               "bio_at_end": ("en", "de", "fr"), "compiled_by": ("en", "de"),
               "time_zone_before_date": ("en",), "posted_at_ampm": ("en",),
               "updated_only_et": ("en",), "ist_pipe_utc_meta": ("en",),
               "guardian_dotted_gmt": ("en",), "upper_published_on": ("en",),
               "sr_text_published_on": ("en",),
               "upper_month_eu": ("de", "fr", "es", "it", "pt", "nl", "pl"),
               "by_pipe_staff_writer": ("en",), "name_comma_outlet": ("en",),
               "slash_desk_staff": ("en",), "posted_by": ("en",), "by_colon": ("en",),
               "with_agency_en": ("en",), "name_comma_correspondent": ("en",),
               "aria_label_only": ("en",), "posted_updated_at_pm": ("en",),
               "outlet_slash_time_first": ("en",), "en_dmy_slash_bullet": ("en",),
               "en_dotted_dmy": ("en",), "meta_date_us_slash": ("en",),
               "ordinal_no_comma_gmt_offset": ("en",), "date_pipe_lower_time": ("en",),
               "story_photos_bullet": ("en",), "by_for_outlet": ("en",),
               "by_name_then_published": ("en",), "asian_african_agency": ("en",),
               "by_ampersand_plain": ("en",),
               "joomla_created_hits": ("en",), "drupal_submitted_us": ("en",),
               "wp_posted_on_link": ("en",), "weekday_hover_title": ("en",),
               "eu_abbr_month_time": ("es", "it", "nl"), "js_date_string": ("en", "de"),
               "drupal_submitted_by": ("en",), "posted_by_in_category": ("en",),
               "authors_paren_label": ("en",), "name_dot_read_time": ("en",),
               "by_name_on_date": ("en",)}
# round 2 (family C): an update line written above the publication's, in wordings the
# other families do not use; labels of a reporter's job before the name
UPDATED_C = {"de": ("Zuletzt aktualisiert:", "Erstellt:"), "fr": ("Modifié le", "Créé le"),
             "es": ("Última actualización:", "Fecha de publicación:"),
             "it": ("Ultimo aggiornamento:", "Data di pubblicazione:"),
             "nl": ("Laatst gewijzigd:", "Geplaatst:")}
REPORT_LABEL = {"de": ("Reportage:", "Interview:"), "fr": ("Reportage :", "Propos recueillis par")}
TEXT_PHOTOS = {"de": ("(Text)", "und", "(Fotos)"), "fr": ("(texte)", "et", "(photos)")}
REVIEWED = {"en": "Last reviewed", "de": "Zuletzt geprüft", "fr": "Dernière vérification",
            "es": "Última revisión", "it": "Ultima revisione", "pt": "Última revisão",
            "nl": "Laatst gecontroleerd", "pl": "Ostatnio sprawdzono"}
EVENT = {"en": "The summit is due to take place on {d}.",
         "de": "Der Gipfel soll am {d} stattfinden.",
         "fr": "Le sommet doit avoir lieu le {d}.", "es": "La cumbre se celebrará el {d}.",
         "it": "Il vertice si terrà il {d}.", "pt": "A cimeira realiza-se a {d}.",
         "nl": "De top vindt plaats op {d}.", "pl": "Szczyt odbędzie się {d}."}
US_ZONES = {-5: "EST", -6: "CST", -8: "PST"}
WRITTEN_BY = {"en": "Written by", "de": "Geschrieben von", "fr": "Écrit par",
              "es": "Escrito por", "it": "Scritto da", "pt": "Escrito por",
              "nl": "Geschreven door", "pl": "Napisane przez"}
IN_CITY = {"en": ("in", "Brussels"), "de": ("aus", "Brüssel"), "fr": ("à", "Bruxelles"),
           "es": ("en", "Bruselas"), "it": ("da", "Bruxelles"), "pt": ("em", "Bruxelas"),
           "nl": ("in", "Brussel"), "pl": ("z", "Brukseli")}
OUR_CORRESPONDENT = {"de": "Von unserem Korrespondenten", "fr": "De notre correspondant",
                     "es": "De nuestro corresponsal", "it": "Dal nostro corrispondente"}
YESTERDAY = {"en": "Yesterday, {h}:{m:02d} p.m.", "de": "Gestern, {h}:{m:02d} Uhr",
             "fr": "Hier à {h}h{m:02d}", "es": "Ayer, {h}:{m:02d}", "it": "Ieri, ore {h}:{m:02d}",
             "pt": "Ontem, {h}h{m:02d}", "nl": "Gisteren, {h}:{m:02d}",
             "pl": "Wczoraj, {h}:{m:02d}"}
HOURS_AGO = {"en": "{n} hours ago", "de": "vor {n} Stunden", "fr": "il y a {n} heures",
             "es": "hace {n} horas", "it": "{n} ore fa", "pt": "há {n} horas",
             "nl": "{n} uur geleden", "pl": "{n} godziny temu"}
SECTION = {"en": "Politics", "de": "Politik", "fr": "Politique", "es": "Política",
           "it": "Politica", "pt": "Política", "nl": "Politiek", "pl": "Polityka"}
ZONE_WORDS = {"en": ("ET", -5), "de": ("MEZ", 1), "es": ("CET", 1)}
# round 3 (family D)
MONTH_ABBR = {"es": "ene feb mar abr may jun jul ago sep oct nov dic".split(),
              "pt": "jan fev mar abr mai jun jul ago set out nov dez".split()}
ORIGINALLY = {"en": "Originally published", "de": "Ursprünglich veröffentlicht am",
              "fr": "Initialement publié le", "es": "Publicado originalmente el",
              "it": "Pubblicato originariamente il", "pt": "Publicado originalmente em",
              "nl": "Oorspronkelijk gepubliceerd op", "pl": "Pierwotnie opublikowano"}
DAYS_AGO = {"en": "{n} days ago", "de": "vor {n} Tagen", "fr": "il y a {n} jours",
            "es": "hace {n} días", "it": "{n} giorni fa", "pt": "há {n} dias",
            "nl": "{n} dagen geleden", "pl": "{n} dni temu"}
ROLE_D = {"en": "Staff Writer", "de": "Redakteurin", "fr": "journaliste", "es": "redactora",
          "it": "redattore", "pt": "repórter", "nl": "verslaggever", "pl": "dziennikarka"}
AUTHOR_LABEL = {"en": "Author:", "de": "Autor:", "fr": "Auteur :", "es": "Autor:",
                "it": "Autore:", "pt": "Autor:", "nl": "Auteur:", "pl": "Autor:"}
CITY_D = {"de": ("Berlin", "München", "Hamburg"), "es": ("Madrid", "Sevilla", "Bilbao")}
WITH_AGENCY = {"fr": "(avec AFP)", "es": "(con EFE)", "it": "(con ANSA)"}
TEXT_PHOTOS_AMP = {"en": "Text & photos:", "de": "Text und Fotos:", "fr": "Texte et photos :",
                   "es": "Texto y fotos:", "it": "Testo e foto:", "pt": "Texto e fotos:",
                   "nl": "Tekst en foto's:", "pl": "Tekst i zdjęcia:"}
# round 4 (family E)
MONTH_ABBR_FR = "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split()
MONTH_ABBR_EN = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
VIDEO = {"en": "Video", "de": "Video", "fr": "Vidéo", "es": "Vídeo", "it": "Video",
         "pt": "Vídeo", "nl": "Video", "pl": "Wideo"}
# round 5 (family F)
NEWSLETTER = {"en": "Newsletter of", "de": "Newsletter vom", "fr": "Lettre du",
              "es": "Boletín del", "it": "Newsletter del", "pt": "Newsletter de",
              "nl": "Nieuwsbrief van", "pl": "Newsletter z"}
SIGN_UP = {"en": "Sign up", "de": "Anmelden", "fr": "S'inscrire", "es": "Suscríbete",
           "it": "Iscriviti", "pt": "Subscrever", "nl": "Aanmelden", "pl": "Zapisz się"}
PAGE_N = {"en": "Page", "de": "Seite", "fr": "Page", "es": "Página", "it": "Pagina",
          "pt": "Página", "nl": "Pagina", "pl": "Strona"}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _local_now(zone_hours: int) -> datetime:
    return NOW.astimezone(timezone(timedelta(hours=zone_hours)))


def _crossing_instant(day: date, zone_hours: int, rng: random.Random) -> tuple[datetime, str]:
    """A local time on `day` near midnight whose UTC day differs: (the local instant, its
    UTC 'Z' form)."""
    if zone_hours < 0:
        hour, minute = 23 - rng.randint(0, 1), rng.randint(1, 58)  # evening, UTC next day
        if hour + (-zone_hours) < 24:
            hour = 23
    else:
        hour, minute = 0, rng.randint(1, 55)  # just after midnight, UTC the day before
    local = datetime(day.year, day.month, day.day, hour, minute,
                     tzinfo=timezone(timedelta(hours=zone_hours)))
    return local, local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unseen_date(dconv: str, lang: str, day: date, zone_hours: int, rng: random.Random,
                 jsonld: dict, head: list[str], blocks: list[dict]) -> tuple[str, str]:
    """(the date line beside the headline, a line at the story's end) for `dconv`,
    writing into the JSON-LD record and head tags as the convention does."""
    tz = timezone(timedelta(hours=zone_hours))
    stamp = datetime(day.year, day.month, day.day, rng.randint(7, 19), rng.randint(0, 59),
                     tzinfo=tz)
    if dconv in UNSEEN["F"]["date"]:
        return _unseen_date_f(dconv, lang, day, rng, head, stamp)
    if dconv in UNSEEN["G"]["date"]:
        return _unseen_date_g(dconv, lang, day, rng, jsonld, head, blocks, stamp)
    if dconv in UNSEEN["H"]["date"]:
        return _unseen_date_h(dconv, lang, day, rng, jsonld, head, stamp)
    if dconv in UNSEEN["I"]["date"]:
        return _unseen_date_i(dconv, day, rng, head, stamp)
    if dconv in UNSEEN["J"]["date"]:
        return _unseen_date_j(dconv, lang, day, rng, head, stamp)
    m_en = MONTHS["en"][day.month - 1]
    if dconv == "ordinal_en":
        shown = rng.choice([f"{_ordinal(day.day)} {m_en} {day.year}",
                            f"{m_en} {_ordinal(day.day)}, {day.year}",
                            f"{WEEKDAYS['en'][day.weekday()]} {_ordinal(day.day)} {m_en} "
                            f"{day.year}"])
        return f'<span class="date">{shown}</span>', ""
    if dconv == "fr_weekday_at":
        return (f'<p class="date">le {WEEKDAYS["fr"][day.weekday()]} {day.day} '
                f'{MONTHS["fr"][day.month - 1]} {day.year} à {stamp.hour}h{stamp.minute:02d}'
                "</p>"), ""
    if dconv in ("zone_word_midnight", "es_zone_word"):
        word, hours = ZONE_WORDS[lang]
        local, utc = _crossing_instant(day, hours, rng)
        head.append(f'<meta property="article:published_time" content="{utc}">')
        if lang == "en":
            h12 = local.hour % 12 or 12
            shown = (f"{m_en[:3]}. {day.day}, {day.year} {h12}:{local.minute:02d} "
                     f"{'p.m.' if local.hour >= 12 else 'a.m.'} {word}")
        elif lang == "de":
            shown = f"{day.day:02d}.{day.month:02d}.{day.year}, {local:%H:%M} Uhr {word}"
        else:
            shown = (f"{day.day} de {MONTHS['es'][day.month - 1]} de {day.year}, "
                     f"{local:%H:%M} {word}")
        return f'<span class="timestamp">{shown}</span>', ""
    if dconv == "jsonld_no_zone":
        # a local wall-clock time near midnight, written without its offset
        hour = rng.choice([0, 23])
        jsonld["datePublished"] = f"{day.isoformat()}T{hour:02d}:{rng.randint(5, 55):02d}:00"
        return "", ""
    if dconv == "jsonld_list_value":
        jsonld["datePublished"] = rng.choice([[stamp.isoformat()],
                                              [stamp.isoformat(), stamp.isoformat()]])
        return "", ""
    if dconv == "meta_pubdate":
        name = rng.choice(["pubdate", "date", "publication_date"])
        value = rng.choice([stamp.isoformat(), day.isoformat(), stamp.strftime("%Y%m%d")])
        head.append(f'<meta name="{name}" content="{value}">')
        return "", ""
    if dconv == "meta_cxense":
        head.append('<meta name="cXenseParse:recs:publishtime" '
                    f'content="{stamp.strftime("%Y-%m-%dT%H:%M%z")}">')
        return "", ""
    if dconv == "relative_yesterday":
        said = YESTERDAY[lang].format(h=rng.randint(1, 9), m=rng.randint(0, 59))
        return f'<span class="date">{said}</span>', ""
    if dconv == "hours_ago":
        return f'<span class="date">{HOURS_AGO[lang].format(n=rng.randint(2, 5))}</span>', ""
    if dconv == "liveblog_later_updates":
        jsonld["@type"] = "LiveBlogPosting"
        jsonld["datePublished"] = stamp.isoformat()
        jsonld["coverageStartTime"] = stamp.isoformat()
        updates, shown = [], []
        for k in (3, 2, 1):  # newest first, each on a later day
            at = stamp + timedelta(days=k, hours=rng.randint(0, 3))
            updates.append({"@type": "BlogPosting", "headline": f"Update {k}",
                            "datePublished": at.isoformat()})
            shown.append(f'<div class="live-update"><time datetime="{at.isoformat()}">'
                         f"{escape(worded(lang, at.date(), rng))}</time><p>{FILLER[lang]}</p>"
                         "</div>")
        jsonld["liveBlogUpdate"] = updates
        return "", "".join(shown)
    if dconv == "two_digit_year":
        sep = "." if lang in ("de", "pl", "nl") else "/"
        return (f'<span class="date">{day.day:02d}{sep}{day.month:02d}{sep}{day.year % 100:02d}'
                "</span>"), ""
    if dconv == "pl_opublikowano_time":
        return (f'<div class="article-date">Opublikowano: {day.day} '
                f'{MONTHS["pl"][day.month - 1]} {day.year}, {stamp:%H:%M}</div>'), ""
    if dconv == "time_partial":
        partial = rng.choice([f"{day.isoformat()}T{stamp:%H:%M}", f"{day.year}-{day.month:02d}",
                              day.isoformat()])
        return (f'<time datetime="{partial}">{escape(worded(lang, day, rng))}</time>'), ""
    if dconv == "jsonld_blocks_disagree":
        jsonld["datePublished"] = stamp.isoformat()
        earlier = stamp - timedelta(days=rng.randint(30, 400))
        blocks.append({"@context": "https://schema.org", "@type": "WebPage",
                       "datePublished": earlier.isoformat(),
                       "breadcrumb": {"@type": "BreadcrumbList", "itemListElement": []}})
        return "", ""
    if dconv == "meta_uncommon":
        name, value = rng.choice([
            ("publish-date", day.isoformat()),
            ("article.published", stamp.isoformat()),
            ("sailthru.date", stamp.strftime("%a, %d %b %Y %H:%M:%S %z")),
            ("article:published", stamp.isoformat())])
        head.append(f'<meta name="{name}" content="{value}">')
        return "", ""
    if dconv == "updated_above_published":
        later = min(day + timedelta(days=rng.randint(1, 9)), (NOW - timedelta(days=1)).date())
        return (f'<p class="updated">{UPDATED[lang]}: {escape(worded(lang, later, rng))}</p>'
                f'<p class="published">{PUBLISHED[lang]}: {escape(worded(lang, day, rng))}'
                "</p>"), ""
    if dconv in UNSEEN["E"]["date"]:
        return _unseen_date_e(dconv, lang, day, zone_hours, rng, jsonld, head, blocks, stamp)
    return _unseen_date_c(dconv, lang, day, zone_hours, rng, jsonld, head, stamp)


def _unseen_date_c(dconv: str, lang: str, day: date, zone_hours: int, rng: random.Random,
                   jsonld: dict, head: list[str], stamp: datetime) -> tuple[str, str]:
    """Family C's date conventions (round 2), as `_unseen_date`."""
    m_en = MONTHS["en"][day.month - 1]
    if dconv == "es_publicado_a_las":
        return (f'<p class="fecha">Publicado el {day.day}/{day.month}/{day.year} a las '
                f"{stamp:%H:%M} h</p>"), ""
    if dconv == "de_um_uhr_stand":
        later = min(day + timedelta(days=rng.randint(1, 9)), (NOW - timedelta(days=1)).date())
        return (f'<p class="date">{day.day}. {MONTHS["de"][day.month - 1]} {day.year} um '
                f"{stamp:%H:%M} Uhr</p><p class=\"stand\">Stand: {later.day}. "
                f'{MONTHS["de"][later.month - 1]} {later.year}, {rng.randint(8, 20)}:'
                f"{rng.randint(10, 59)} Uhr</p>"), ""
    if dconv == "en_ampm_zone":
        h12 = stamp.hour % 12 or 12
        return (f'<span class="pubdate">{m_en[:3]} {day.day} {day.year} {h12}:{stamp.minute:02d}'
                f"{'PM' if stamp.hour >= 12 else 'AM'} {US_ZONES.get(zone_hours, 'EST')}"
                "</span>"), ""
    if dconv == "weekday_no_year":
        # within the fetch's week: the weekday and the day make the year exact
        wd = WEEKDAYS[lang][day.weekday()]
        month = MONTHS[lang][day.month - 1]
        shown = {"en": f"{wd} {day.day} {month}", "de": f"{wd}, {day.day}. {month}",
                 "fr": f"{wd} {day.day} {month}"}[lang]
        return f'<span class="date">{shown}</span>', ""
    if dconv in ("jsonld_epoch_or_ms", "data_attr_epoch"):
        # an instant with no zone shown: kept mid-day, so its UTC day is the page's day
        stamp = stamp.replace(hour=min(max(stamp.hour, 9), 16))
    if dconv == "jsonld_epoch_or_ms":
        jsonld["datePublished"] = rng.choice([
            int(stamp.timestamp()),
            stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}Z"])
        return "", ""
    if dconv == "data_attr_epoch":
        attr = rng.choice(["data-timestamp", "data-published"])
        value = int(stamp.timestamp()) * rng.choice([1, 1000])
        return f'<span class="article-time" {attr}="{value}"></span>', ""
    if dconv == "rss_shown":
        return f'<span class="date">{stamp.strftime("%a, %d %b %Y %H:%M:%S %z")}</span>', ""
    if dconv == "wire_dateline":
        # the first paragraph opens with the wire's dateline, no year (within the year)
        return "", (f"BERLIN, {m_en[:3]}. {day.day} (Reuters) - " if m_en != "May"
                    else f"BERLIN, May {day.day} (Reuters) - ")
    if dconv == "hatom_abbr":
        return (f'<abbr class="published" title="{stamp.isoformat()}">'
                f"{escape(worded(lang, day, rng))}</abbr>"), ""
    if dconv == "upload_path_only":
        # a month in the photo's path is no day: the truth is no date
        return (f'<figure><img src="https://www.example-cdn.com/wp-content/uploads/{day.year}/'
                f'{day.month:02d}/photo-{rng.randint(100, 999)}.jpg" alt=""></figure>'), ""
    if dconv == "updated_first_other_words":
        later = min(day + timedelta(days=rng.randint(1, 9)), (NOW - timedelta(days=1)).date())
        upd, pub = UPDATED_C[lang]
        return (f'<div class="dates"><span>{upd} {escape(worded(lang, later, rng))}</span> '
                f"<span>{pub} {escape(worded(lang, day, rng))}</span></div>"), ""
    return _unseen_date_d(dconv, lang, day, zone_hours, rng, jsonld, head, stamp)


def _unseen_date_d(dconv: str, lang: str, day: date, zone_hours: int, rng: random.Random,
                   jsonld: dict, head: list[str], stamp: datetime) -> tuple[str, str]:
    """Family D's date conventions (round 3), as `_unseen_date`."""
    m_en = MONTHS["en"][day.month - 1]
    if dconv == "slash_locale":
        # the page's locale says which number is the month (the day is <= 12 here)
        us = zone_hours == -5
        shown = (f"{day.month:02d}/{day.day:02d}/{day.year}" if us
                 else f"{day.day:02d}/{day.month:02d}/{day.year}")
        return f'<span class="date">{shown}</span>', ""
    if dconv == "time_text_iso_no_zone":
        return f'<time class="published">{day.isoformat()}T{stamp:%H:%M}</time>', ""
    if dconv == "weekday_pipe_time":
        h12 = stamp.hour % 12 or 12
        return (f'<p class="dateline">{WEEKDAYS["en"][day.weekday()]}, {m_en} {day.day}, '
                f"{day.year} | {h12}:{stamp.minute:02d} "
                f"{'p.m.' if stamp.hour >= 12 else 'a.m.'}</p>"), ""
    if dconv == "dotted_unpadded":
        return (f'<span class="date">{day.day}.{day.month}.{day.year}, '
                f"{stamp.hour}.{stamp.minute:02d}</span>"), ""
    if dconv == "month_abbr_first":
        return (f'<p class="fecha">Publicado: {MONTH_ABBR[lang][day.month - 1]} {day.day}, '
                f"{day.year}</p>"), ""
    if dconv == "og_updated_only":
        later = stamp + timedelta(days=rng.randint(0, 3))
        head.append(f'<meta property="og:updated_time" content="{later.isoformat()}">')
        return "", ""
    if dconv == "microdata_vs_sidebar":
        return f'<meta itemprop="datePublished" content="{stamp.isoformat()}">', ""
    if dconv == "originally_published":
        later = min(day + timedelta(days=rng.randint(2, 40)), (NOW - timedelta(days=1)).date())
        head.append('<meta property="article:modified_time" '
                    f'content="{later.isoformat()}T10:00:00{stamp:%z}">')
        return (f'<span class="updated">{UPDATED[lang]} {escape(worded(lang, later, rng))}'
                "</span>",
                f"<p><em>{ORIGINALLY[lang]} {escape(worded(lang, day, rng))}</em></p>")
    if dconv == "copyright_year_only":
        return "", f'<p class="copyright">Copyright {day.year} </p>'
    if dconv == "days_ago":
        return f'<span class="date">{DAYS_AGO[lang].format(n=rng.randint(2, 6))}</span>', ""
    if dconv == "wayback_url":
        return f'<span class="date">{escape(numeric(lang, day, rng))}</span>', ""
    raise ValueError(dconv)


def _unseen_date_e(dconv: str, lang: str, day: date, zone_hours: int,  # noqa: C901
                   rng: random.Random, jsonld: dict, head: list[str], blocks: list[dict],
                   stamp: datetime) -> tuple[str, str]:
    """Family E's date conventions (round 4), as `_unseen_date`. A teaser article's own
    record (teaser_jsonld_only) is written by `_unseen_e_frame`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    if dconv == "de_lesedauer":
        return (f'<p class="meta">Veröffentlicht am {day:%d.%m.%Y} | Lesedauer: '
                f"{rng.randint(2, 9)} Minuten</p>"), ""
    if dconv == "fr_abbr_h":
        return (f'<span class="date">{day.day} {MONTH_ABBR_FR[day.month - 1]} {day.year} à '
                f"{stamp.hour}h{stamp.minute:02d}</span>"), ""
    if dconv == "time_first":
        return (f'<span class="date">{stamp:%H:%M} {day:%d.%m.%Y}</span>'), ""
    if dconv == "year_in_sibling":
        return (f'<div class="date"><span class="md">{MONTH_ABBR_EN[day.month - 1]} '
                f'{day.day}</span> <span class="year">{day.year}</span></div>'), ""
    if dconv == "time_updated_vs_meta":
        head.append(f'<meta property="article:published_time" content="{stamp.isoformat()}">')
        return (f'<time datetime="{later.isoformat()}">{UPDATED[lang]} '
                f"{escape(worded(lang, later, rng))}</time>"), ""
    if dconv == "utc_compact_offset":
        # published just after local midnight: the UTC instant is the day before
        local = datetime(day.year, day.month, day.day, 0, rng.randint(1, 50),
                         tzinfo=timezone(timedelta(hours=zone_hours)))
        utc = local.astimezone(UTC)
        head.append('<meta property="article:published_time" '
                    f'content="{utc:%Y-%m-%dT%H:%M:%S}+0000">')
        return (f'<span class="date">{escape(numeric(lang, day, rng))} '
                f"{local:%H:%M}</span>"), ""
    if dconv == "dc_date_created":
        head.append(f'<meta name="DC.date.created" content="{day.isoformat()}">')
        return "", ""
    if dconv == "jsonld_date_created":
        jsonld["dateCreated"] = stamp.isoformat()
        return "", ""
    if dconv == "video_upload_date":
        blocks.append({"@context": "https://schema.org", "@type": "VideoObject",
                       "name": jsonld["headline"], "uploadDate": stamp.isoformat(),
                       "thumbnailUrl": "https://cdn.example/v/thumb.jpg",
                       "contentUrl": "https://cdn.example/v/clip.mp4"})
        return (f'<div class="video"><video src="https://cdn.example/v/clip.mp4" controls>'
                f"</video><p>{VIDEO[lang]}</p></div>"), ""
    if dconv == "teaser_jsonld_only":
        return f'<span class="date">{escape(worded(lang, day, rng))}</span>', ""
    if dconv == "updated_published_one_line":
        return (f'<p class="dates">Mis à jour le {escape(worded(lang, later, rng))} à '
                f"{rng.randint(8, 20)}h{rng.randint(0, 59):02d} Publié le "
                f"{escape(worded(lang, day, rng))} à {stamp.hour}h{stamp.minute:02d}</p>"), ""
    if dconv == "pl_aktualizacja_only":
        return (f'<span class="date">Aktualizacja: {day.day}.{day.month:02d}.{day.year}, '
                f"{stamp:%H:%M}</span>"), ""
    raise ValueError(dconv)


def _unseen_author_e(aconv: str, lang: str, names: list[str],
                     rng: random.Random) -> tuple[str, str]:
    """Family E's author conventions (round 4), as `_unseen_author`. The footer byline
    and the JSON-LD name list are written by `_unseen_e_frame`."""
    n0 = escape(names[0])
    if aconv == "autorin_label":
        return f'<p class="article-meta">Autorin: {n0}</p>', ""
    if aconv == "por_agencia":
        return f'<p class="article-meta">Por {n0} / Agencia EFE</p>', ""
    if aconv == "names_comma_ap":
        return (f'<p class="byline">{n0} and {escape(names[1])}, The Associated Press</p>'), ""
    if aconv == "caps_three":
        return (f'<p class="byline">BY {escape(names[0].upper())}, {escape(names[1].upper())} '
                f"AND {escape(names[2].upper())}</p>"), ""
    if aconv == "con_collaborazione":
        helper = person(lang, rng, set(names))
        return (f'<p class="article-meta">{n0} con la collaborazione di {escape(helper)}'
                "</p>"), ""
    if aconv in ("article_footer_byline", "jsonld_name_list"):
        return "", ""
    raise ValueError(aconv)


def _unseen_author(aconv: str, lang: str, names: list[str], site: str, i: int,
                   rng: random.Random) -> tuple[str, str]:
    """(the byline beside the headline, a line at the story's end) for `aconv`."""
    if aconv in UNSEEN["F"]["author"]:
        return _unseen_author_f(aconv, lang, names, rng)
    if aconv in UNSEEN["G"]["author"]:
        return _unseen_author_g(aconv, lang, names, site, rng)
    if aconv in UNSEEN["H"]["author"]:
        return _unseen_author_h(aconv, lang, names, site, rng)
    if aconv in UNSEEN["I"]["author"]:
        return _unseen_author_i(aconv, lang, names, site, rng)
    if aconv in UNSEEN["J"]["author"]:
        return _unseen_author_j(aconv, names, rng)
    n0 = escape(names[0])
    if aconv == "written_by":
        return f'<p class="article-meta">{WRITTEN_BY[lang]} {n0}</p>', ""
    if aconv == "reporting_editing":
        return "", (f"<p><em>Reporting by {n0} and {escape(names[1])}; Editing by "
                    f"{escape(person(lang, rng, set(names)))}</em></p>")
    if aconv == "name_in_city":
        word, city = IN_CITY[lang]
        return f'<p class="article-meta">{BY[lang]} {n0} {word} {city}</p>', ""
    if aconv == "itemprop_nested":
        return (f'<div class="author-info" itemprop="author" itemscope '
                f'itemtype="https://schema.org/Person"><span itemprop="name">{n0}</span> '
                f'<span itemprop="jobTitle">{ROLE[lang]}</span></div>'), ""
    if aconv == "contributed_reporting":
        helpers = [person(lang, rng, set(names))]
        helpers.append(person(lang, rng, set(names) | set(helpers)))
        return (f'<p class="article-meta">{BY[lang]} {n0}</p>',
                f"<p><em>{escape(helpers[0])} and {escape(helpers[1])} contributed "
                "reporting.</em></p>")
    if aconv == "lowercase_byline":
        return f'<p class="article-meta">{BY[lang].lower()} {n0.lower()}</p>', ""
    if aconv == "special_to":
        return f'<p class="article-meta">By {n0}, Special to the {escape(site)}</p>', ""
    if aconv == "agency_initials":
        initials = "".join(rng.choice("abcdefghjklmnprstuvw") for _ in range(3))
        return "", f"<p>({escape(names[0])}/{initials})</p>"
    if aconv == "byline_link_list":
        links = [f'<a href="/people/{k}-{i}">{escape(n)}</a>' for k, n in enumerate(names)]
        return (f'<div class="byline">{BY[lang]} {", ".join(links[:-1])} {AND[lang]} '
                f"{links[-1]}</div>"), ""
    if aconv == "rel_author":
        return (f'<p class="meta"><a rel="author" href="/author/{i}">{n0}</a></p>'), ""
    if aconv == "our_correspondent":
        return f'<p class="article-meta">{OUR_CORRESPONDENT[lang]} {n0}</p>', ""
    if aconv == "upper_surname":
        first, _, last = names[0].rpartition(" ")
        return f'<p class="article-meta">{BY[lang]} {escape(first)} {escape(last.upper())}</p>', ""
    return _unseen_author_c(aconv, lang, names, site, rng)


def _unseen_author_c(aconv: str, lang: str, names: list[str], site: str,
                     rng: random.Random) -> tuple[str, str]:
    """Family C's author conventions (round 2), as `_unseen_author`; the ones written only
    in the head return nothing here."""
    n0 = escape(names[0])
    if aconv == "story_by":
        return f'<p class="article-meta">Story by {n0}</p>', ""
    if aconv == "label_reportage":
        return f'<p class="article-meta">{rng.choice(REPORT_LABEL[lang])} {n0}</p>', ""
    if aconv == "mit_material":
        agencies = rng.choice(["dpa", "dpa und AFP", "AFP, dpa und Reuters"])
        return (f'<p class="article-meta">Von {n0}</p>',
                f"<p><em>Mit Material von {agencies}</em></p>")
    if aconv == "text_and_photos":
        text, conj, photos = TEXT_PHOTOS[lang]
        photographer = escape(person(lang, rng, set(names)))
        return f'<p class="credits">{n0} {text} {conj} {photographer} {photos}</p>', ""
    if aconv == "address_byline":
        return rng.choice([f'<address class="author">{n0}</address>',
                           f"<address>{BY[lang]} {n0}</address>"]), ""
    if aconv in ("meta_byl", "og_author_name", "jsonld_org_and_person"):
        return "", ""
    if aconv in UNSEEN["E"]["author"]:
        return _unseen_author_e(aconv, lang, names, rng)
    return _unseen_author_d(aconv, lang, names, rng)


def _unseen_author_d(aconv: str, lang: str, names: list[str],
                     rng: random.Random) -> tuple[str, str]:
    """Family D's author conventions (round 3), as `_unseen_author`."""
    n0 = escape(names[0])
    if aconv == "by_and_pipe_agency":
        return (f'<p class="byline">By {n0} and {escape(names[1])} | '
                f'{rng.choice(["Reuters", "AP", "Bloomberg"])}</p>'), ""
    if aconv == "name_dash_role":
        return f'<p class="author">{n0} – {ROLE_D[lang]}</p>', ""
    if aconv == "author_caps_label":
        return f'<p class="article-meta">{AUTHOR_LABEL[lang]} {escape(names[0].upper())}</p>', ""
    if aconv == "name_comma_city":
        return f'<p class="article-meta">{BY[lang]} {n0}, {rng.choice(CITY_D[lang])}</p>', ""
    if aconv == "with_agency_paren":
        return f'<p class="article-meta">{BY[lang]} {n0} {WITH_AGENCY[lang]}</p>', ""
    if aconv == "two_names_joined":
        return (f'<p class="article-meta">{BY[lang]} {n0} {AND[lang]} '
                f"{escape(names[1])}</p>"), ""
    if aconv == "jsonld_url_only_entry":
        return "", ""
    if aconv == "text_photos_amp":
        return f'<p class="credits">{TEXT_PHOTOS_AMP[lang]} {n0}</p>', ""
    raise ValueError(aconv)


def make_unseen_page(rng: random.Random, i: int, family: str) -> Page:
    """One page whose date, author and title each follow a convention of `family`."""
    lists = UNSEEN[family]
    conv = {fld: rng.choice(lists[fld]) for fld in ("date", "author", "title")}
    dconv, aconv, tconv = conv["date"], conv["author"], conv["title"]
    langs = set(LANGS)
    for c in (dconv, aconv):
        langs &= set(UNSEEN_LANG.get(c, LANGS))
    if not langs:  # two conventions of different languages: the date's wins
        conv["author"] = aconv = rng.choice([a for a in lists["author"]
                                             if a not in UNSEEN_LANG])
        langs = set(UNSEEN_LANG.get(dconv, LANGS))
    lang = rng.choice(sorted(langs))
    site, domain = rng.choice(SITES[lang])
    zone_hours = ZONE_OF_TLD[domain.rsplit(".", 1)[-1]]
    if dconv in ("zone_word_midnight", "es_zone_word"):
        # the zone the page writes in words is its newsroom's: a site of that zone
        zone_hours = ZONE_WORDS[lang][1]
        site, domain = {"en": ("Valley Tribune", "valleytribune.com"),
                        "es": ("Diario del Norte", "diariodelnorte.es")}.get(lang, (site, domain))
    day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 690))
    if dconv == "relative_yesterday":
        day = _local_now(zone_hours).date() - timedelta(days=1)
    elif dconv == "hours_ago":
        day = _local_now(zone_hours).date()  # fixed below once the hours are drawn
    elif dconv == "weekday_no_year":
        day = _local_now(zone_hours).date() - timedelta(days=rng.randint(1, 6))
    elif dconv == "wire_dateline":
        day = _local_now(zone_hours).date() - timedelta(days=rng.randint(1, 300))
    elif dconv == "slash_locale":
        # day and month both <= 12 and different: only the locale tells them apart
        month = rng.randint(1, 12)
        day = date(rng.choice([2025, 2026]) if month < 12 else 2025, month,
                   rng.choice([d for d in range(1, 13) if d != month]))
    elif dconv == "today_stamp":
        day = _local_now(zone_hours).date()
    elif dconv == "ampm_pacific_late":
        # a West Coast newsroom: its late evening is the next day in UTC
        site, domain, zone_hours = "Pacific Ledger", "pacificledger.com", -8
    elif dconv in ("time_zone_before_date", "updated_only_et"):
        # US East Coast papers (Gannett, Lee, McClatchy, CNN): their zone written
        site, domain = rng.choice([SITES["en"][0], SITES["en"][2]])
        zone_hours = -5
    elif dconv == "ist_pipe_utc_meta":
        # an Indian outlet: IST is UTC+5:30, so its early morning is yesterday in UTC
        site, domain, zone_hours = "Deccan Mail", "deccanmail.in", 5.5
    elif dconv == "guardian_dotted_gmt":
        site, domain, zone_hours = "The Northern Echo", "northernecho.co.uk", 0
    elif dconv in UNSEEN["I"]["date"]:
        site, domain, zone_hours = SITES_I[dconv]
        if dconv in ("en_dmy_slash_bullet", "meta_date_us_slash"):
            # day and month both <= 12 half the time: only the site's habit tells them apart
            if rng.random() < 0.5:
                month = rng.randint(1, 12)
                day = date(2025, month, rng.choice([d for d in range(1, 13) if d != month]))
    elif dconv in ("drupal_submitted_us", "joomla_created_hits"):
        site, domain, zone_hours = "Daily Courier", "dailycourier.com", -5
        if rng.random() < 0.5:  # day and month both <= 12: only the site's habit tells
            month = rng.randint(1, 12)
            day = date(2025, month, rng.choice([d for d in range(1, 13) if d != month]))
    elif dconv == "weekday_hover_title":
        day = _local_now(zone_hours).date() - timedelta(days=rng.randint(2, 6))
    slug = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", headline(lang, rng))
                               .encode("ascii", "ignore").decode().lower()))[:60]
    url = f"https://www.{domain}/{rng.choice(['news', 'region', 'local'])}/{slug}-{i}"
    if dconv == "url_compact_date":  # the URL is the page's only date
        section = rng.choice(["news", "politics", "local"])
        url = f"https://www.{domain}" + rng.choice([
            f"/{day:%Y%m%d}/{slug}", f"/{section}/{slug}-{day:%Y%m%d}-{i}",
            f"/{section}/{day:%Y-%m-%d}-{slug}", f"/{section}/a{i + 10000}-{day:%Y-%m-%d}/"])

    # --- title
    title = headline(lang, rng)
    doc_title, og_title = f"{title} | {site}", title
    h1 = f"<h1>{escape(title)}</h1>"
    crumbs = ""
    if tconv == "section_prefix":
        section = SECTION[lang]
        doc_title, og_title = f"{section}: {title} | {site}", f"{section}: {title}"
        crumbs = (f'<nav class="breadcrumb"><a href="/">Home</a> › '
                  f'<a href="/{section.lower()}">{section}</a></nav>')
        if rng.random() < 0.5:
            h1 = f'<div class="story-title">{escape(title)}</div>'
    elif tconv == "og_longer_than_h1":
        og_title = f"{title}: {SEO_TAIL[lang]}"
        doc_title = f"{og_title} | {site}"
    elif tconv == "site_in_headline":
        _, verbs, objs = HEADLINE[lang]
        title = f"{site} {rng.choice(verbs)} {rng.choice(objs)}"
        doc_title, og_title = f"{title} | {site}", title
        h1 = f"<h1>{escape(title)}</h1>"
    elif tconv == "odd_separator":
        doc_title = f"{title}{rng.choice([' · ', ' » ', ' :: ', ' ~ '])}{site}"
        og_title = None
        h1 = f'<div class="headline">{escape(title)}</div>'
    elif tconv == "em_dash_site":
        doc_title = og_title = f"{title} — {site}"
        h1 = f'<div class="headline">{escape(title)}</div>'
    elif tconv == "site_colon_prefix":
        doc_title = og_title = f"{site}: {title}"
        h1 = rng.choice([f"<h1>{escape(title)}</h1>",
                         f'<div class="headline">{escape(title)}</div>'])
    elif tconv == "title_page_n":
        doc_title, og_title = f"{title} | {PAGE_N[lang]} {rng.randint(2, 5)} | {site}", None
        h1 = f'<div class="headline">{escape(title)}</div>'
    elif tconv == "h1_hidden_site":
        doc_title, og_title = site, None
        h1 = (f'<h1><span class="visually-hidden">{escape(site)}: </span>{escape(title)}'
              "</h1>")
    elif tconv == "h1_subtitle_small":
        doc_title, og_title = f"{SECTION[lang]} - {site}", None
        h1 = (f"<h1>{escape(title)}<small>{escape(SEO_TAIL[lang])}</small></h1>")
    elif tconv == "og_dash_title_colon":
        doc_title, og_title = f"{site}: {title}", f"{title} - {site}"
        h1 = f'<div class="headline">{escape(title)}</div>'
    elif tconv == "h1_br":
        words = title.split()
        cut = max(1, len(words) // 2)
        h1 = f"<h1>{escape(' '.join(words[:cut]))}<br>{escape(' '.join(words[cut:]))}</h1>"
        doc_title, og_title = f"{title} | {site}", None
    elif tconv == "emoji_title":
        mark = rng.choice(["🔴", "⚡", "📸", "🇪🇺"])
        title = f"{mark} {title}" if rng.random() < 0.5 else f"{title} {mark}"
        doc_title, og_title = f"{title} | {site}", title
        h1 = f"<h1>{escape(title)}</h1>"
    elif tconv == "title_site_only":
        doc_title, og_title = site, None
        h1 = f'<h2 class="article-title">{escape(title)}</h2>'
    elif tconv == "og_title_only":
        doc_title = site
        h1 = ""
    elif tconv == "h1_section_h2_headline":
        doc_title, og_title = f"{SECTION[lang]} | {site}", None
        h1 = f'<h1 class="section">{SECTION[lang]}</h1><h2>{escape(title)}</h2>'
    elif tconv in UNSEEN["G"]["title"]:
        title, doc_title, og_title, h1 = _unseen_title_g(tconv, lang, site, title, rng)
    elif tconv in UNSEEN["H"]["title"]:
        title, doc_title, og_title, h1 = _unseen_title_h(tconv, lang, site, title, rng)
    elif tconv in UNSEEN["I"]["title"]:
        title, doc_title, og_title, h1 = _unseen_title_i(tconv, site, title)
    elif tconv in UNSEEN["J"]["title"]:
        title, doc_title, og_title, h1 = _unseen_title_j(tconv, site, title, url, rng)
    elif tconv == "breadcrumb_before_h1":
        section = SECTION[lang]
        short = " ".join(title.split()[:3]) + " …"
        crumbs = (f'<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/'
                  f'{section.lower()}">{section}</a></li><li><a href="/{section.lower()}/region">'
                  f"Region</a></li><li>{escape(short)}</li></ol>")
        doc_title, og_title = f"{section} - {site}", None

    # --- authors
    if aconv in ("reporting_editing",):
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    elif aconv == "byline_link_list":
        names = [person(lang, rng)]
        for _ in range(rng.choice([1, 2])):
            names.append(person(lang, rng, set(names)))
    elif aconv == "agency_initials":
        names = [rng.choice(["dpa", "AFP", "AP", "Reuters", "EFE"])]
    elif aconv == "staff_reports":
        names = []  # no person signs
    elif aconv == "jsonld_given_family":
        names = [f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"]
    elif aconv in ("caps_three", "oxford_three"):
        names = [person(lang, rng)]
        for _ in range(2):
            names.append(person(lang, rng, set(names)))
    elif aconv in ("plural_label", "amp_link_pair", "meta_author_semicolon"):
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    elif aconv in ("names_comma_ap", "jsonld_name_list"):
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    elif aconv == "asian_african_agency":
        names = [rng.choice(ASIAN_AFRICAN_AGENCIES)]
    elif aconv == "by_ampersand_plain":
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    elif aconv == "name_comma_outlet" and rng.random() < 0.5:
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    elif aconv in ("by_and_pipe_agency", "two_names_joined") or (
            aconv == "meta_byl" and rng.random() < 0.5):
        names = [person(lang, rng)]
        names.append(person(lang, rng, {names[0]}))
    else:
        names = [person(lang, rng)]
    byline, signoff = _unseen_author(aconv, lang, names, site, i, rng)

    # --- date
    head: list[str] = []
    jsonld: dict = {"@context": "https://schema.org", "@type": "NewsArticle",
                    "headline": og_title or title, "inLanguage": lang}
    blocks: list[dict] = []
    dateline, updates = _unseen_date(dconv, lang, day, zone_hours, rng, jsonld, head, blocks)
    if dconv == "hours_ago":
        hours = int(re.search(r"\d+", dateline).group())
        day = (_local_now(zone_hours) - timedelta(hours=hours)).date()
    truth_day: date | None = day
    lead, tail = "", ""
    if family == "C":
        lead, tail = _unseen_c_extras(aconv, dconv, lang, names, site, rng, jsonld, head)
        if dconv == "wire_dateline":
            lead, updates = updates, ""
        elif dconv == "upload_path_only":
            truth_day = None
    html_lang, article_attrs, rail = lang, "", ""
    if family == "D":
        html_lang, article_attrs, rail, url = _unseen_d_frame(aconv, dconv, lang, names, site,
                                                               domain, day, url, rng, jsonld)
        if dconv == "days_ago":
            day = _local_now(zone_hours).date() - timedelta(
                days=int(re.search(r"\d+", dateline).group()))
            truth_day = day
        elif dconv in ("og_updated_only", "copyright_year_only"):
            truth_day = None
    art_footer, after = "", ""
    if family == "E":
        art_footer, after = _unseen_e_frame(aconv, dconv, lang, names, day, i, rng, jsonld)
        # (pl_aktualizacja_only: round 5 took the update's day as the truth, by the lead's
        # decision of round 4: a page dated only by its update keeps that day)
    if family == "F":
        url, h1, box = _unseen_f_frame(aconv, dconv, lang, names, day, url, h1, rng, jsonld)
        rail += box
    if family == "G":
        _unseen_g_head(aconv, tconv, names, domain, title, jsonld, head)
    if aconv == "meta_author_by_prefix":
        head.append(f'<meta name="author" content="By {escape(names[0])}">')
    if family == "J":
        byline, article_attrs = _unseen_j_frame(aconv, dconv, tconv, names, day, byline,
                                                rng, head)
    # (A and B never write an author into the record: their draws are unchanged)
    if family == "G" and dconv == "jsonld_main_entity":
        pass  # the record is already in `blocks`, as the WebPage's mainEntity
    elif (jsonld.get("datePublished") or jsonld.get("author") or jsonld.get("dateCreated")
            or rng.random() < 0.5):
        blocks.append(jsonld)
    head.extend('<script type="application/ld+json">'
                f"{json.dumps(b, ensure_ascii=False)}</script>" for b in blocks)

    # --- frame: a related teaser with its own byline and an older day
    other_day = day - timedelta(days=rng.randint(2, 60))
    related = ""
    if rng.random() < 0.5:
        related = (f'<aside class="related"><h3>{RELATED[lang]}</h3><article class="teaser">'
                   f'<a href="/news/other-{i}"><h4>{escape(headline(lang, rng))}</h4></a>'
                   f'<p class="byline">{BY[lang]} {escape(person(lang, rng, set(names)))}</p>'
                   f'<time datetime="{other_day.isoformat()}T09:00:00">'
                   f"{escape(worded(lang, other_day, rng))}</time></article></aside>")
    paragraphs = "".join(f"<p>{FILLER[lang]} {FILLER[lang]}</p>"
                         for _ in range(rng.randint(3, 6)))
    if family == "C":
        paragraphs = f"<p>{lead}{paragraphs[3:]}" + tail
    og = f'<meta property="og:title" content="{escape(og_title)}">' if og_title else ""
    meta_line = " ".join(x for x in (byline, dateline) if x)
    html = (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{og}"
        f'<meta property="og:site_name" content="{escape(site)}">'
        f'<meta property="og:type" content="article">'
        f'<link rel="canonical" href="{url}">{"".join(head)}</head><body>'
        f'<header class="site-header"><a class="logo" href="/">{escape(site)}</a><nav><ul>'
        f'<li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul>'
        f"</nav></header>{rail}<main>{crumbs}<article{article_attrs}>{h1}"
        f'<div class="article-info">{meta_line}</div>'
        f'<div class="article-body">{paragraphs}{updates}{signoff}</div>{art_footer}</article>'
        f"{after}</main>"
        f'{related}<footer class="site-footer"><p>© {NOW.year} {escape(site)}</p></footer>'
        "</body></html>"
    )
    if tconv == "amp_title":  # an AMP page: the <html> marked, the CMS's AMP heading class
        html = html.replace(f'<html lang="{html_lang}">', f'<html amp lang="{html_lang}">', 1)
    if tconv == "h1_logo_og_suffix":  # the site's name is the page's only <h1>
        html = html.replace(f'<a class="logo" href="/">{escape(site)}</a>',
                            f'<h1 class="site-title"><a href="/">{escape(site)}</a></h1>', 1)
    return Page(html, url, lang, truth_day, names, title, conv, [])


def _unseen_c_extras(aconv: str, dconv: str, lang: str, names: list[str], site: str,
                     rng: random.Random, jsonld: dict, head: list[str]) -> tuple[str, str]:
    """Family C: the authors written only in the head, and the story's date noise (an
    event after the fetch in the text, a 'last reviewed' line after it). Returns (the
    words that open the first paragraph, a paragraph after the story)."""
    if aconv == "meta_byl":
        both = f" {AND[lang]} ".join(names)
        head.append(f'<meta name="byl" content="By {escape(both)}">')
    elif aconv == "og_author_name":
        head.append(f'<meta property="article:author" content="{escape(names[0])}">')
    elif aconv == "jsonld_org_and_person":
        jsonld["author"] = [{"@type": "Organization", "name": site},
                            {"@type": "Person", "name": names[0]}]
        rng.shuffle(jsonld["author"])
    lead, tail = "", ""
    if rng.random() < 0.4:
        event = (NOW + timedelta(days=rng.randint(20, 200))).date()
        lead = EVENT[lang].format(d=worded(lang, event, rng)) + " "
    if rng.random() < 0.3:
        reviewed = (NOW - timedelta(days=rng.randint(0, 2))).date()
        tail = f'<p class="reviewed">{REVIEWED[lang]}: {escape(numeric(lang, reviewed, rng))}</p>'
    return lead, tail


def _unseen_d_frame(aconv: str, dconv: str, lang: str, names: list[str], site: str,
                    domain: str, day: date, url: str, rng: random.Random,
                    jsonld: dict) -> tuple[str, str, str, str]:
    """Family D: (the html lang, the <article>'s attributes, a rail before the story, the
    page's URL), and the authors written only in the JSON-LD record."""
    if aconv == "jsonld_url_only_entry":
        slug = re.sub(r"\W+", "-", unicodedata.normalize("NFKD", names[0]).encode(
            "ascii", "ignore").decode().lower())
        jsonld["author"] = [{"@type": "Person", "name": names[0],
                             "url": f"https://www.{domain}/author/{slug}"},
                            {"@type": "Person", "url": f"https://www.{domain}/author/staff-"
                                                        f"{rng.randint(10, 99)}"}]
        rng.shuffle(jsonld["author"])
    html_lang = lang
    if dconv == "slash_locale":
        html_lang = "en-US" if domain.endswith(".com") else "en-GB"
    article_attrs, rail = "", ""
    if dconv == "microdata_vs_sidebar":
        article_attrs = ' itemscope itemtype="https://schema.org/NewsArticle"'
        other = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
        rail = ('<aside class="most-read"><div itemscope itemtype="https://schema.org/'
                f'NewsArticle"><a itemprop="url" href="/news/most-read"><span itemprop='
                f'"headline">{escape(headline(lang, rng))}</span></a><meta itemprop='
                f'"datePublished" content="{other.isoformat()}T08:00:00"></div></aside>')
    if dconv == "wayback_url":
        # the archive's capture time is in the path; the story's own URL has no date
        archived = NOW - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 23))
        url = f"https://web.archive.org/web/{archived:%Y%m%d%H%M%S}/{url}"
    return html_lang, article_attrs, rail, url


def _unseen_e_frame(aconv: str, dconv: str, lang: str, names: list[str], day: date, i: int,
                    rng: random.Random, jsonld: dict) -> tuple[str, str]:
    """Family E: (a <footer> inside the story's <article>, a second <article> after it),
    and the authors written only in the JSON-LD record."""
    art_footer, after = "", ""
    if aconv == "article_footer_byline":
        art_footer = f'<footer class="article-footer"><p>{BY[lang]} {escape(names[0])}</p></footer>'
    elif aconv == "jsonld_name_list":
        jsonld["author"] = {"@type": "Person", "name": list(names)}
    if dconv == "teaser_jsonld_only":
        # the next story's teaser carries its own record; the page's story has none
        other = day - timedelta(days=rng.randint(1, 30))
        teaser = {"@context": "https://schema.org", "@type": "NewsArticle",
                  "headline": headline(lang, rng), "url": f"/news/next-{i}",
                  "datePublished": f"{other.isoformat()}T08:00:00"}
        after = ('<article class="next-story"><script type="application/ld+json">'
                 f"{json.dumps(teaser, ensure_ascii=False)}</script><h2><a href="
                 f'"/news/next-{i}">{escape(teaser["headline"])}</a></h2></article>')
    return art_footer, after


def _unseen_date_f(dconv: str, lang: str, day: date, rng: random.Random, head: list[str],
                   stamp: datetime) -> tuple[str, str]:
    """Family F's date conventions (round 5), as `_unseen_date`. The kicker in the <h1>,
    the canonical URL's query and the newsletter box are written by `_unseen_f_frame`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    if dconv == "fr_publie_modifie_comma":
        return (f'<p class="dates">Publié le {day:%d/%m/%Y} à {stamp.hour}h{stamp.minute:02d}, '
                f"modifié le {later:%d/%m/%Y} à {rng.randint(8, 20)}h{rng.randint(0, 59):02d}"
                "</p>"), ""
    if dconv == "de_stand_alone":
        # public broadcasters show only 'Stand': for a story never changed, its day
        return f'<span class="date">Stand: {day:%d.%m.%Y}, {stamp:%H:%M} Uhr</span>', ""
    if dconv == "en_abbr_ordinal":
        return (f'<span class="date">{MONTHS["en"][day.month - 1][:3]} {_ordinal(day.day)}, '
                f"{day.year}</span>"), ""
    if dconv == "slash_ymd":
        return f'<span class="date">{day:%Y/%m/%d} {stamp:%H:%M}</span>', ""
    if dconv == "dash_dmy_unpadded":
        return f'<span class="date">{day.day}-{day.month}-{day.year}</span>', ""
    if dconv == "time_pubdate_attr":
        return (f'<time pubdate datetime="{stamp.isoformat()}">'
                f"{escape(worded(lang, day, rng))}</time>"), ""
    if dconv == "data_date_span":
        return (f'<span class="timestamp" data-date="{stamp.isoformat()}">'
                f"{stamp:%H:%M}</span>"), ""
    if dconv == "abbr_title_no_class":
        return f'<abbr title="{stamp:%Y-%m-%dT%H:%M}">{stamp:%H:%M}</abbr>', ""
    if dconv in ("h1_kicker_date", "url_query_date"):
        return "", ""
    if dconv == "newsletter_box_date":
        return f'<span class="date">{escape(worded(lang, day, rng))}</span>', ""
    raise ValueError(dconv)


def _unseen_author_f(aconv: str, lang: str, names: list[str],
                     rng: random.Random) -> tuple[str, str]:
    """Family F's author conventions (round 5), as `_unseen_author`. The JSON-LD Person
    by its name parts is written by `_unseen_f_frame`."""
    if aconv == "par_correspondant_a":
        city = rng.choice(["Bruxelles", "Berlin", "Rome", "Washington"])
        return f'<p class="byline">Par {escape(names[0])}, correspondant à {city}</p>', ""
    if aconv == "reportage_de":
        return f'<p class="article-meta">Reportage de {escape(names[0])}</p>', ""
    if aconv == "redactie_label":
        return f'<p class="article-meta">Redactie: {escape(names[0])}</p>', ""
    if aconv == "autor_in_slash":
        return f'<p class="article-meta">Autor/in: {escape(names[0])}</p>', ""
    if aconv == "avatar_img_alt":
        slug = re.sub(r"\W+", "-", names[0].lower())
        return (f'<div class="byline"><img class="avatar" src="/img/{slug}.jpg" '
                f'alt="{escape(names[0])}"> <a href="/author/{slug}">{escape(names[0])}</a>'
                "</div>"), ""
    if aconv == "oxford_three":
        return (f'<p class="byline">By {escape(names[0])}, {escape(names[1])}, and '
                f"{escape(names[2])}</p>"), ""
    if aconv == "staff_reports":
        return f'<p class="byline">{rng.choice(["Staff reports", "From staff reports"])}</p>', ""
    if aconv == "jsonld_given_family":
        return "", ""
    raise ValueError(aconv)


def _unseen_f_frame(aconv: str, dconv: str, lang: str, names: list[str], day: date,
                    url: str, h1: str, rng: random.Random,
                    jsonld: dict) -> tuple[str, str, str]:
    """Family F: (the page's URL, its <h1>, a box before the story), and the authors
    written only in the JSON-LD record."""
    if aconv == "jsonld_given_family":
        first, last = names[0].split(" ", 1)
        jsonld["author"] = {"@type": "Person", "givenName": first, "familyName": last}
    box = ""
    if dconv == "h1_kicker_date":
        kicker = f'<span class="kicker">{escape(numeric(lang, day, rng))}</span> '
        h1 = (h1.replace("<h1>", "<h1>" + kicker, 1) if "<h1>" in h1
              else f'<p class="kicker">{kicker}</p>{h1}')
    elif dconv == "url_query_date":
        url = f"{url}?date={day:%Y%m%d}"
    elif dconv == "newsletter_box_date":
        issue = (NOW - timedelta(days=rng.randint(0, 2))).date()
        box = (f'<aside class="newsletter"><p>{NEWSLETTER[lang]} '
               f"{escape(numeric(lang, issue, rng))}</p><form><input type=\"email\">"
               f"<button>{SIGN_UP[lang]}</button></form></aside>")
    return url, h1, box


# round 6 (family G)
TODAY = {"de": "Heute, {h:02d}:{m:02d} Uhr", "fr": "Aujourd'hui à {h}h{m:02d}",
         "it": "Oggi, {h:02d}:{m:02d}", "nl": "Vandaag, {h:02d}:{m:02d}",
         "pl": "Dzisiaj, {h:02d}:{m:02d}", "pt": "Hoje, {h}h{m:02d}"}
MONTH_ABBR_NL = "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split()
POSTED_ON = {"en": "Posted on", "de": "Veröffentlicht am", "fr": "Publié le",
             "es": "Publicado el", "it": "Pubblicato il", "pt": "Publicado em",
             "nl": "Geplaatst op", "pl": "Opublikowano"}
AUTHORS_LABEL = {"en": "Authors:", "de": "Autoren:", "fr": "Auteurs :", "es": "Autores:",
                 "it": "Autori:", "pt": "Autores:", "nl": "Auteurs:", "pl": "Autorzy:"}
BIO = {"en": "{n} is a reporter for {s}.", "de": "{n} ist Redakteurin bei {s}.",
       "fr": "{n} est journaliste pour {s}."}
COMPILED = {"en": "Compiled by", "de": "Zusammengestellt von"}
QUOTES = {"en": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c"), "fr": ("« ", " »"),
          "es": ("«", "»"), "it": ("«", "»"), "pt": ("\u201c", "\u201d"),
          "nl": ("\u2018", "\u2019"), "pl": ("\u201e", "\u201d")}


def _slug(name: str) -> str:
    return re.sub(r"\W+", "-", unicodedata.normalize("NFKD", name).encode(
        "ascii", "ignore").decode().lower()).strip("-")


def _unseen_date_g(dconv: str, lang: str, day: date, rng: random.Random, jsonld: dict,
                   head: list[str], blocks: list[dict], stamp: datetime) -> tuple[str, str]:
    """Family G's date conventions (round 6), as `_unseen_date`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    later_at = datetime(later.year, later.month, later.day, rng.randint(8, 20),
                        rng.randint(0, 59), tzinfo=stamp.tzinfo)
    utc = stamp.astimezone(UTC)
    if dconv == "pt_publicado_em_hifen":
        return (f'<p class="content-publication-data">Publicado em {day:%d/%m/%Y} - '
                f"{stamp.hour:02d}h{stamp.minute:02d} Atualizado em {later:%d/%m/%Y} - "
                f"{later_at.hour:02d}h{later_at.minute:02d}</p>"), ""
    if dconv == "citation_date_slash":
        head.append(f'<meta name="citation_publication_date" content="{day:%Y/%m/%d}">')
        return "", ""
    if dconv == "parsely_page_json":
        data = {"title": jsonld["headline"], "type": "post", "post_id": str(rng.randint(1, 99999)),
                "pub_date": f"{utc:%Y-%m-%dT%H:%M:%SZ}", "section": SECTION[lang]}
        head.append(f'<meta name="parsely-page" content="{escape(json.dumps(data))}">')
        return "", ""
    if dconv == "jsonld_main_entity":
        jsonld["datePublished"] = stamp.isoformat()
        blocks.append({"@context": "https://schema.org", "@type": "WebPage",
                       "name": jsonld["headline"], "dateModified": later_at.isoformat(),
                       "mainEntity": jsonld})
        return "", ""
    if dconv == "next_data_published_at":
        data = {"props": {"pageProps": {"article": {
            "title": jsonld["headline"], "publishedAt": f"{utc:%Y-%m-%dT%H:%M:%S}.000Z",
            "updatedAt": f"{later_at.astimezone(UTC):%Y-%m-%dT%H:%M:%S}.000Z"}}},
            "page": "/[section]/[slug]", "buildId": f"b{rng.randint(100, 999)}"}
        return (f'<span class="reading-time">{rng.randint(2, 9)} min</span>',
                '<script id="__NEXT_DATA__" type="application/json">'
                f"{json.dumps(data, ensure_ascii=False)}</script>")
    if dconv == "ampm_pacific_late":
        late = stamp.replace(hour=rng.choice([22, 23]))
        head.append('<meta property="article:published_time" content="'
                    f'{late.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">')
        return (f'<span class="date">{MONTHS["en"][day.month - 1]} {day.day}, {day.year} at '
                f'{late.hour - 12}:{late.minute:02d} PM PST</span>'), ""
    if dconv == "today_stamp":
        local_hour = _local_now(round(stamp.utcoffset().total_seconds() / 3600)).hour
        at = TODAY[lang].format(h=rng.randint(0, local_hour - 1), m=rng.randint(0, 59))
        return f'<span class="date">{at}</span>', ""
    if dconv == "pl_data_publikacji_godz":
        return (f'<p class="date">Data publikacji: {day:%d.%m.%Y}, godz. '
                f"{stamp:%H:%M}</p>"), ""
    if dconv == "it_ore_dash":
        return (f'<span class="data">{day.day:02d} {MONTHS["it"][day.month - 1]} {day.year} '
                f"- ore {stamp:%H:%M}</span>"), ""
    if dconv == "nl_abbr_om_uur":
        return (f'<span class="date">{day.day} {MONTH_ABBR_NL[day.month - 1]} {day.year} om '
                f"{stamp:%H:%M} uur</span>"), ""
    if dconv == "wp_posted_on_two_times":
        return (f'<span class="posted-on">{POSTED_ON[lang]} <a href="#" rel="bookmark">'
                f'<time class="entry-date published" datetime="{stamp.isoformat()}">'
                f"{escape(_worded(lang, day, rng))}</time><time class=\"updated\" datetime="
                f'"{later_at.isoformat()}">{escape(_worded(lang, later, rng))}</time></a></span>'
                ), ""
    raise ValueError(dconv)


def _unseen_author_g(aconv: str, lang: str, names: list[str], site: str,
                     rng: random.Random) -> tuple[str, str]:
    """Family G's author conventions (round 6), as `_unseen_author`. The head's author
    tags and the JSON-LD record are written by `_unseen_g_head`."""
    n = [escape(x) for x in names]
    if aconv == "plural_label":
        joined = rng.choice([f"{n[0]}, {n[1]}", f"{n[0]} {AND[lang]} {n[1]}"])
        return f'<p class="article-meta">{AUTHORS_LABEL[lang]} {joined}</p>', ""
    if aconv == "amp_link_pair":
        links = [f'<a rel="author" href="/author/{_slug(x)}">{escape(x)}</a>' for x in names]
        return f'<div class="byline">{BY[lang]} {links[0]} &amp; {links[1]}</div>', ""
    if aconv in ("meta_author_semicolon", "author_url_slug_only", "jsonld_name_with_role"):
        return "", ""
    if aconv == "bio_at_end":
        return "", f'<p class="author-bio"><em>{BIO[lang].format(n=n[0], s=escape(site))}</em></p>'
    if aconv == "compiled_by":
        line = f'<p class="credit">{COMPILED[lang]} {n[0]}</p>'
        return (line, "") if rng.random() < 0.5 else ("", line)
    if aconv == "byline_email":
        mail = f"{_slug(names[0]).replace('-', '.')}@{_slug(site).replace('-', '')}.example"
        return (f'<p class="byline">{BY[lang]} {n[0]} | <a href="mailto:{mail}">{mail}</a>'
                "</p>"), ""
    raise ValueError(aconv)


def _unseen_g_head(aconv: str, tconv: str, names: list[str], domain: str, title: str,
                   jsonld: dict, head: list[str]) -> None:
    """Family G: the authors written only in the head or the JSON-LD record."""
    if aconv == "meta_author_semicolon":
        sep = "; " if len(title) % 2 else " | "
        head.append(f'<meta name="author" content="{escape(sep.join(names))}">')
    elif aconv == "author_url_slug_only":
        head.append('<meta property="article:author" content="'
                    f'https://www.{domain}/author/{_slug(names[0])}">')
    elif aconv == "jsonld_name_with_role":
        jsonld["author"] = {"@type": "Person",
                            "name": f"{names[0]}, {ROLE_BEFORE[jsonld['inLanguage']]}"}
    if tconv == "h1_logo_og_suffix":
        jsonld["headline"] = title


def _unseen_title_g(tconv: str, lang: str, site: str, title: str,
                    rng: random.Random) -> tuple[str, str, str | None, str]:
    """Family G's title conventions: (the headline, <title>, og:title, the heading)."""
    if tconv == "title_site_section_headline":
        return (title, f"{site} | {SECTION[lang]} | {title}", None,
                f'<div class="headline">{escape(title)}</div>')
    if tconv == "h1_logo_og_suffix":
        return (title, f"{title} - {site}", f"{title} - {site}",
                f'<h2 class="entry-title">{escape(title)}</h2>')
    if tconv == "sr_only_h1_kicker":
        return (title, f"{title} | {site}", None,
                f'<h1 class="sr-only">{escape(title)}</h1><div class="headline" aria-hidden='
                f'"true"><span class="kicker">{KICKERS[lang]}</span> {escape(title)}</div>')
    if tconv == "quotes_in_headline":
        subj, verbs, objs = HEADLINE[lang]
        left, right = QUOTES[lang]
        title = f"{rng.choice(subj)}: {left}{rng.choice(verbs)} {rng.choice(objs)}{right}"
        return title, f"{title} | {site}", title, f"<h1>{escape(title)}</h1>"
    raise ValueError(tconv)


# round 7 (family H): English-language news templates of 2017-2021 and a few European ones
US_ROLE = ("Staff Writer", "Staff Reporter", "Senior Writer", "Correspondent")
EDITED_BY = {"en": "Edited by", "de": "Redigiert von", "fr": "Édité par", "es": "Editado por",
             "it": "A cura di", "pt": "Edição:", "nl": "Eindredactie:", "pl": "Redakcja:"}
TAGLINE = ("News you can trust", "Your local news since 1887", "Breaking news and analysis")
MEDIA_TAG = ("(VIDEO)", "[PHOTOS]", "(WATCH)", "[VIDEO]")
BREAKING = {"en": "Breaking:", "de": "Eilmeldung:", "fr": "Alerte :", "es": "Última hora:",
            "it": "Ultim'ora:", "pt": "Última hora:", "nl": "Breaking:", "pl": "Pilne:"}


def _ampm(t: datetime, dots: bool = False) -> str:
    h = t.hour % 12 or 12
    half = ("a.m." if dots else "AM") if t.hour < 12 else ("p.m." if dots else "PM")
    return f"{h}:{t.minute:02d} {half}"


def _unseen_date_h(dconv: str, lang: str, day: date, rng: random.Random, jsonld: dict,
                   head: list[str], stamp: datetime) -> tuple[str, str]:
    """Family H's date conventions (round 7), as `_unseen_date`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    later_at = datetime(later.year, later.month, later.day, rng.randint(8, 20),
                        rng.randint(0, 59), tzinfo=stamp.tzinfo)
    m_en = MONTHS["en"][day.month - 1]
    # an evening instant: on a US site it is the next day in UTC
    late = stamp.replace(hour=rng.choice([19, 20, 21, 22, 23]))
    if dconv == "time_zone_before_date":
        shown = late if rng.random() < 0.5 else stamp
        if shown is late:
            head.append('<meta property="article:published_time" content="'
                        f'{late.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">')
        return (f'<div class="gnt_ar_dt">Published: {_ampm(shown)} EST {m_en[:3]} {day.day}, '
                f"{day.year}</div>"), ""
    if dconv == "posted_at_ampm":
        shown = rng.choice([f"{m_en[:3]} {day.day}, {day.year}", f"{m_en} {day.day}, {day.year}"])
        return (f'<p class="posted">Posted {shown} at {_ampm(stamp).lower()}</p>'), ""
    if dconv == "updated_only_et":
        # only the update is shown (round 4's rule: a page dated only by its update keeps
        # that day); `day` is that shown day
        return (f'<div class="update-time">Updated {_ampm(stamp)} ET, '
                f"{WEEKDAYS['en'][day.weekday()][:3]} {m_en} {day.day}, {day.year}</div>"), ""
    if dconv == "ist_pipe_utc_meta":
        early = stamp.replace(hour=rng.randint(0, 4))
        head.append('<meta property="article:published_time" content="'
                    f'{early.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">')
        return (f'<div class="article-dates">Published: {WEEKDAYS["en"][day.weekday()]}, '
                f"{day.day:02d} {m_en} {day.year} | {_ampm(early)} IST</div>"), ""
    if dconv == "guardian_dotted_gmt":
        wd = WEEKDAYS["en"][day.weekday()][:3]
        first = f"{wd} {day.day} {m_en[:3]} {day.year} {stamp:%H.%M} GMT"
        if rng.random() < 0.5:
            lwd = WEEKDAYS["en"][later.weekday()][:3]
            return (f'<details class="dateline"><summary>{first}</summary><p>Last modified on '
                    f"{lwd} {later.day} {MONTHS['en'][later.month - 1][:3]} {later.year} "
                    f"{later_at:%H.%M} GMT</p></details>"), ""
        return f'<div class="dateline">First published on {first}</div>', ""
    if dconv == "upper_published_on":
        return (f'<p class="post-date">PUBLISHED ON: {m_en.upper()} {day.day}, {day.year}'
                "</p>"), ""
    if dconv == "sr_text_published_on":
        shown = f"{day.day} {m_en[:3]} {day.year}"
        return (f'<div class="date-simple"><span class="screen-reader-text">Published On '
                f'{shown}</span><span aria-hidden="true">{shown}</span></div>'), ""
    if dconv == "og_article_published_time":
        head.append(f'<meta property="og:article:published_time" content="{stamp.isoformat()}">')
        return "", ""
    if dconv == "meta_local_no_zone":
        # no offset: the site's own clock, here just after its midnight
        early = stamp.replace(hour=rng.randint(0, 2))
        head.append('<meta property="article:published_time" content="'
                    f'{early:%Y-%m-%dT%H:%M:%S}">')
        return "", ""
    if dconv == "jsonld_worded":
        jsonld["datePublished"] = rng.choice([f"{m_en[:3]} {day.day}, {day.year}",
                                              f"{m_en} {day.day}, {day.year} {_ampm(stamp)}"])
        jsonld["dateModified"] = f"{MONTHS['en'][later.month - 1]} {later.day}, {later.year}"
        return "", ""
    if dconv == "upper_month_eu":
        return f'<span class="data">{_worded(lang, day, rng).upper()}</span>', ""
    raise ValueError(dconv)


def _unseen_author_h(aconv: str, lang: str, names: list[str], site: str,
                     rng: random.Random) -> tuple[str, str]:
    """Family H's author conventions (round 7), as `_unseen_author`. The truth is the
    people only: no role, no outlet, no desk, no agency beside a person, no editor."""
    n = [escape(x) for x in names]
    if aconv == "by_pipe_staff_writer":
        return f'<p class="byline">By {n[0]} | {rng.choice(US_ROLE)}</p>', ""
    if aconv == "name_comma_outlet":
        outlet = "The Associated Press" if len(n) == 1 else escape(
            site if site.startswith("The ") else f"The {site}")
        return f'<p class="byline">By {" and ".join(n)}, {outlet}</p>', ""
    if aconv == "slash_desk_staff":
        desk = site.split()[-1]
        return f'<p class="byline">By {n[0]} / {escape(desk)} staff</p>', ""
    if aconv == "posted_by":
        return (f'<span class="author">Posted by <a href="/author/{_slug(names[0])}">{n[0]}'
                "</a></span>"), ""
    if aconv == "by_colon":
        return f'<p class="byline">{rng.choice(["By:", "BY:"])} {n[0]}</p>', ""
    if aconv == "with_agency_en":
        return (f'<p class="byline">{rng.choice(["By ", ""])}{n[0]} with '
                f"{rng.choice(['AFP', 'Reuters', 'AP'])}</p>"), ""
    if aconv == "edited_by_near":
        editor = escape(person(lang, rng, set(names)))
        return (f'<p class="byline">{BY[lang]} {n[0]}</p><p class="editor">{EDITED_BY[lang]} '
                f"{editor}</p>"), ""
    if aconv == "twitter_handle":
        handle = _slug(names[0]).replace("-", "")[:12]
        return (f'<p class="byline">{BY[lang]} <a href="/author/{_slug(names[0])}">{n[0]}</a> '
                f'<a class="twitter" href="https://twitter.com/{handle}">@{handle}</a></p>'), ""
    if aconv == "name_comma_correspondent":
        role = rng.choice(["Correspondent", "Special Correspondent", "Staff Correspondent"])
        return f'<p class="author-name">{n[0]}, {role}</p>', ""
    raise ValueError(aconv)


def _unseen_title_h(tconv: str, lang: str, site: str, title: str,
                    rng: random.Random) -> tuple[str, str, str | None, str]:
    """Family H's title conventions: (the headline, <title>, og:title, the heading)."""
    div = f'<div class="headline">{escape(title)}</div>'
    if tconv == "title_headline_section_site":
        return title, f"{title} | {SECTION[lang]} | {site}", None, div
    if tconv == "title_endash_tagline":
        return title, f"{title} \u2013 {site} \u2013 {rng.choice(TAGLINE)}", None, div
    if tconv == "h1_hidden_breaking":
        return (title, f"{title} | {site}", None,
                f'<h1><span class="label-breaking" style="display:none">{BREAKING[lang]}'
                f"</span> {escape(title)}</h1>")
    if tconv == "seo_media_tag":
        # the media label is the SEO title's, not the headline's
        tagged = f"{title} {rng.choice(MEDIA_TAG)}"
        return title, f"{tagged} | {site}", tagged, div
    raise ValueError(tconv)


# family I (round 7, after H): sites of known zones whose date habits are their own
SITES_I = {
    "aria_label_only": ("Valley Tribune", "valleytribune.com", -5),
    "posted_updated_at_pm": ("Coastal Herald", "coastalherald.com.au", 10),
    "outlet_slash_time_first": ("Manila Courier", "manilacourier.ph", 8),
    "en_dmy_slash_bullet": ("Euro Courier", "eurocourier.eu", 1),
    "en_dotted_dmy": ("Rhine Wave", "rhinewave.de", 1),
    "meta_date_us_slash": ("Daily Courier", "dailycourier.com", -5),
    "ordinal_no_comma_gmt_offset": ("Nairobi Standard", "nairobistandard.co.ke", 3),
    "date_pipe_lower_time": ("Lagos Mirror", "lagosmirror.ng", 1),
}
ASIAN_AFRICAN_AGENCIES = ("PTI", "IANS", "ANI", "APP", "NAN", "KNA", "PNA", "AAP")


def _unseen_date_i(dconv: str, day: date, rng: random.Random, head: list[str],
                   stamp: datetime) -> tuple[str, str]:
    """Family I's date conventions (round 7), as `_unseen_date`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    m_en, lm_en = MONTHS["en"][day.month - 1], MONTHS["en"][later.month - 1]
    wd, lwd = WEEKDAYS["en"][day.weekday()][:3], WEEKDAYS["en"][later.weekday()][:3]
    if dconv == "aria_label_only":
        # Gannett: the stamp is drawn by script from the aria-label; the element is empty
        return (f'<div class="gnt_ar_dt" aria-label="Published {_ampm(stamp, True)} ET '
                f"{m_en} {day.day}, {day.year} | Updated {rng.randint(1, 11)}:"
                f'{rng.randint(0, 59):02d} a.m. ET {lm_en} {later.day}, {later.year}"></div>'), ""
    if dconv == "posted_updated_at_pm":
        # an Australian broadcaster; its morning is the day before in UTC
        early = stamp.replace(hour=rng.randint(6, 9))
        if rng.random() < 0.5:
            head.append('<meta property="article:published_time" content="'
                        f'{early.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">')
        t = _ampm(early).replace(" ", "").lower()
        return (f'<p class="timestamp">Posted {wd} {day.day} {m_en[:3]} {day.year} at {t}, '
                f"updated {lwd} {later.day} {lm_en[:3]} {later.year} at 8:00am</p>"), ""
    if dconv == "outlet_slash_time_first":
        return (f'<div class="byline-date">Manila Courier / {_ampm(stamp).zfill(8)} '
                f"{m_en} {day.day:02d}, {day.year}</div>"), ""
    if dconv == "en_dmy_slash_bullet":
        return (f'<div class="date">Published on {day:%d/%m/%Y} - {stamp:%H:%M} \u2022 '
                f"Updated {later:%d/%m/%Y} - {rng.randint(8, 20)}:{rng.randint(0, 59):02d}"
                "</div>"), ""
    if dconv == "en_dotted_dmy":
        return f'<span class="date">{day:%d.%m.%Y}</span>', ""
    if dconv == "meta_date_us_slash":
        head.append(f'<meta name="date" content="{day:%m/%d/%Y}">')
        return "", ""
    if dconv == "ordinal_no_comma_gmt_offset":
        return (f'<span class="date">{m_en[:3]} {_ordinal(day.day)} {day.year} '
                f"{stamp:%H:%M:%S} GMT +0300</span>"), ""
    if dconv == "date_pipe_lower_time":
        return (f'<span class="post-date">{m_en} {day.day}, {day.year} | '
                f"{_ampm(stamp).lower()}</span>"), ""
    raise ValueError(dconv)


def _unseen_author_i(aconv: str, lang: str, names: list[str], site: str,
                     rng: random.Random) -> tuple[str, str]:
    """Family I's author conventions (round 7), as `_unseen_author`; the truth is the
    people, or the agency where only an agency signs (round 1's rule)."""
    n = [escape(x) for x in names]
    if aconv == "story_photos_bullet":
        photog = escape(person(lang, rng, set(names)))
        return f'<p class="credits">Story by {n[0]} \u2022 Photos by {photog}</p>', ""
    if aconv == "by_for_outlet":
        outlet = rng.choice([f"{site.replace(' ', '')}.com", f"The {site}"])
        return f'<p class="byline">By {n[0]} For {escape(outlet)}</p>', ""
    if aconv == "by_name_then_published":
        return (f'<div class="byline">By {n[0]} Published {rng.randint(1, 11)}:'
                f"{rng.randint(0, 59):02d} p.m. ET</div>"), ""
    if aconv == "asian_african_agency":
        return f'<p class="byline">{rng.choice(["By ", ""])}{n[0]}</p>', ""
    if aconv == "meta_author_by_prefix":
        return "", ""  # written into the head by make_unseen_page's caller below
    if aconv == "author_card_role":
        return (f'<div class="author-card"><a href="/people/{_slug(names[0])}">{n[0]}</a>'
                f'<span class="role">{ROLE_D.get(lang, "Reporter")}</span></div>'), ""
    if aconv == "by_ampersand_plain":
        return f'<p class="byline">By {n[0]} &amp; {n[1]}</p>', ""
    raise ValueError(aconv)


def _unseen_title_i(tconv: str, site: str, title: str) -> tuple[str, str, str | None, str]:
    """Family I's title conventions: (the headline, <title>, og:title, the heading)."""
    div = f'<div class="headline">{escape(title)}</div>'
    if tconv == "title_truncated_ellipsis":
        # the CMS cut the SEO title; og:title keeps the whole headline
        short = " ".join(title.split()[:3]) + "..."
        return title, f"{short} | {site}", title, div
    if tconv == "title_site_location":
        return title, f"{title} | {site} | Springfield, MO", None, div
    if tconv == "amp_title":
        return title, f"{title} | {site}", None, f'<h1 class="amp-wp-title">{escape(title)}</h1>'
    raise ValueError(tconv)


# family J (round 8): CMS templates (WordPress, Drupal, Joomla, Hugo), microdata, URL days,
# JavaScript's Date string, abbreviated European months
MONTH_ABBR_J = {"es": "ene feb mar abr may jun jul ago sep oct nov dic".split(),
                "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
                "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split()}
WEEKDAY_ABBR_NL = "ma di wo do vr za zo".split()
JS_ZONE = {-5: "Eastern Standard Time", 0: "Greenwich Mean Time",
           1: "Central European Standard Time", -6: "Central Standard Time",
           -3: "Brasilia Standard Time"}


def _unseen_date_j(dconv: str, lang: str, day: date, rng: random.Random, head: list[str],
                   stamp: datetime) -> tuple[str, str]:
    """Family J's date conventions (round 8), as `_unseen_date`. The URL's day is written
    by make_unseen_page, the microdata wrapper by `_unseen_j_frame`."""
    later = min(day + timedelta(days=rng.randint(1, 20)), (NOW - timedelta(days=1)).date())
    m_en = MONTHS["en"][day.month - 1]
    if dconv == "url_compact_date":
        return "", ""
    if dconv == "microdata_meta_only":
        return (f'<meta itemprop="datePublished" content="{stamp.isoformat()}">'
                f'<meta itemprop="dateModified" content="{later.isoformat()}T08:00:00">'), ""
    if dconv == "wp_posted_on_link":
        return (f'<span class="posted-on">Posted on <a href="/{day:%Y/%m/%d}/" rel="bookmark">'
                f"{m_en} {day.day}, {day.year}</a></span>"), ""
    if dconv == "weekday_hover_title":
        full = f"{WEEKDAYS['en'][day.weekday()]}, {m_en} {day.day}, {day.year} at {_ampm(stamp)}"
        return (f'<span class="timestamp" title="{full}">on '
                f"{WEEKDAYS['en'][day.weekday()]}</span>"), ""
    if dconv == "data_publish_date_iso":
        attr = rng.choice(["data-publish-date", "data-published", "data-time"])
        value = rng.choice([stamp.isoformat(), f"{stamp:%Y-%m-%d %H:%M:%S}"])
        return f'<div class="article-meta" {attr}="{value}"></div>', ""
    if dconv == "joomla_created_hits":
        return (f'<dl class="article-info"><dt class="article-info-term">Details</dt>'
                f'<dd class="create">Created: {day:%d} {m_en} {day.year}</dd>'
                f'<dd class="modified">Last Updated: {later:%d} {MONTHS["en"][later.month - 1]}'
                f' {later.year}</dd><dd class="hits">Hits: {rng.randint(40, 9000)}</dd></dl>'), ""
    if dconv == "drupal_submitted_us":
        return (f'<div class="submitted">{WEEKDAYS["en"][day.weekday()][:3]}, '
                f"{day:%m/%d/%Y} - {stamp:%H:%M}</div>"), ""
    if dconv == "eu_abbr_month_time":
        mon = MONTH_ABBR_J[lang][day.month - 1]
        shown = {"es": f"{day:%d}/{mon}/{day.year}",
                 "it": f"{day:%d} {mon} {day.year} - {stamp:%H:%M}",
                 "nl": f"{WEEKDAY_ABBR_NL[day.weekday()]} {day.day} {mon} {day.year}, "
                       f"{stamp:%H:%M}"}[lang]
        return f'<span class="fecha">{shown}</span>', ""
    if dconv == "meta_space_no_zone":
        head.append(f'<meta property="article:published_time" content="{stamp:%Y-%m-%d %H:%M:%S}">')
        return "", ""
    if dconv == "js_date_string":
        # a script's Date.toString() left in the page
        off = stamp.utcoffset() // timedelta(hours=1)
        return (f'<span class="dateline">{stamp:%a %b %d %Y %H:%M:%S} GMT{stamp:%z} '
                f'({JS_ZONE.get(off, "Coordinated Universal Time")})</span>'), ""
    if dconv == "time_pubdate_text_only":
        return f"<time pubdate>{_worded(lang, day, rng)}</time>", ""
    raise ValueError(dconv)


def _unseen_author_j(aconv: str, names: list[str], rng: random.Random) -> tuple[str, str]:
    """Family J's author conventions (round 8), as `_unseen_author`; the truth is the
    people. The dc.creator tag and "By X on <day>" are written by `_unseen_j_frame`."""
    n = [escape(x) for x in names]
    if aconv == "drupal_submitted_by":
        return (f'<span class="username">Submitted by <a href="/user/{rng.randint(2, 999)}">'
                f"{n[0]}</a></span>"), ""
    if aconv == "posted_by_in_category":
        return (f'<div class="entry-meta">Posted by <a href="/author/{_slug(names[0])}">{n[0]}'
                f'</a> in <a href="/category/politics" rel="category tag">Politics</a></div>'), ""
    if aconv == "profile_link_no_label":
        return (f'<div class="byline"><a href="/profile/{rng.randint(100, 99999)}">{n[0]}'
                "</a></div>"), ""
    if aconv == "authors_paren_label":
        return f'<p class="authors">Author(s): {", ".join(n)}</p>', ""
    if aconv == "name_dot_read_time":
        return (f'<div class="byline"><a href="/@{_slug(names[0])}">{n[0]}</a> · '
                f"{rng.randint(2, 9)} min read</div>"), ""
    if aconv in ("dc_creator_inverted", "by_name_on_date"):
        return "", ""
    raise ValueError(aconv)


def _unseen_j_frame(aconv: str, dconv: str, tconv: str, names: list[str], day: date,
                    byline: str, rng: random.Random, head: list[str]) -> tuple[str, str]:
    """(the byline, the <article>'s attributes) of a family J page."""
    attrs = ""
    if dconv == "microdata_meta_only" or tconv == "itemprop_headline_only":
        attrs = ' itemscope itemtype="http://schema.org/NewsArticle"'
    if aconv == "dc_creator_inverted":  # library style: "Surname, Given"
        first, _, last = names[0].partition(" ")
        head.append(f'<meta name="{rng.choice(["DC.creator", "dcterms.creator"])}" '
                    f'content="{escape(last)}, {escape(first)}">')
    if aconv == "by_name_on_date":
        byline = (f'<p class="byline">By <a href="/author/{_slug(names[0])}">'
                  f"{escape(names[0])}</a> on {MONTHS['en'][day.month - 1]} {day.day}, "
                  f"{day.year}</p>")
    return byline, attrs


def _unseen_title_j(tconv: str, site: str, title: str, url: str,
                    rng: random.Random) -> tuple[str, str, str | None, str]:
    """Family J's title conventions: (the headline, <title>, og:title, the heading)."""
    if tconv == "title_tag_only":
        sep = rng.choice([" » ", " - ", " | "])
        return title, f"{title}{sep}{site}", None, ""
    if tconv == "h1_self_link":
        return (title, f"{title} – {site}", None,
                f'<h1 class="entry-title"><a href="{url}" rel="bookmark">{escape(title)}</a>'
                "</h1>")
    if tconv == "itemprop_headline_only":
        return (title, site, None,
                f'<div class="story-head"><span itemprop="headline">{escape(title)}</span></div>')
    raise ValueError(tconv)


# --- family K (round 9): pages crowded with competing dates and names ----------------

MOST_READ = {"en": "Most read", "de": "Meistgelesen", "fr": "Les plus lus", "es": "Más leídas",
             "it": "I più letti", "pt": "Mais lidas", "nl": "Meest gelezen",
             "pl": "Najczęściej czytane"}
LATEST = {"en": "Latest news", "de": "Neueste Meldungen", "fr": "Dernières infos",
          "es": "Últimas noticias", "it": "Ultime notizie", "pt": "Últimas notícias",
          "nl": "Laatste nieuws", "pl": "Najnowsze"}
TOP_STORIES = {"en": "Top stories", "de": "Top-Themen", "fr": "À la une", "es": "Portada",
               "it": "In primo piano", "pt": "Destaques", "nl": "Uitgelicht", "pl": "Na czasie"}
PRINT_EDITION = {"en": "Print edition:", "de": "Printausgabe:", "fr": "Édition imprimée :",
                 "es": "Edición impresa:", "it": "Edizione cartacea:", "pt": "Edição impressa:",
                 "nl": "Papieren krant:", "pl": "Wydanie papierowe:"}
ONLINE_SINCE = {"en": "Published online", "de": "Online veröffentlicht am",
                "fr": "Publié en ligne le", "es": "Publicado en línea el",
                "it": "Pubblicato online il", "pt": "Publicado online em",
                "nl": "Online gepubliceerd op", "pl": "Opublikowano online"}
CORRECTION = {"en": "Correction appended", "de": "Korrigiert am", "fr": "Rectificatif du",
              "es": "Corregido el", "it": "Rettifica del", "pt": "Corrigido em",
              "nl": "Gecorrigeerd op", "pl": "Sprostowanie z dnia"}
FIRST_PUBLISHED = {"en": "First published", "de": "Erstmals erschienen am",
                   "fr": "Première publication le", "es": "Publicado originalmente el",
                   "it": "Prima pubblicazione il", "pt": "Publicado originalmente em",
                   "nl": "Eerder verschenen op", "pl": "Pierwsza publikacja"}
MORE_FROM = {"en": "More from", "de": "Mehr von", "fr": "Plus d'articles de",
             "es": "Más de", "it": "Altri articoli di", "pt": "Mais de", "nl": "Meer van",
             "pl": "Więcej od"}
PHOTOGRAPHER = {"en": "Photographer", "de": "Fotografin", "fr": "Photographe",
                "es": "Fotógrafo", "it": "Fotografo", "pt": "Fotógrafo", "nl": "Fotograaf",
                "pl": "Fotograf"}
EDITOR = {"en": "Editor", "de": "Redaktion", "fr": "Édition", "es": "Edición",
          "it": "Editing", "pt": "Edição", "nl": "Eindredactie", "pl": "Redakcja"}
VOTE = {"en": "On {d} the council will vote on the plan.",
        "de": "Am {d} soll der Rat über den Plan abstimmen.",
        "fr": "Le {d}, le conseil votera le projet.",
        "es": "El {d} el pleno votará el plan.", "it": "Il {d} il consiglio voterà il piano.",
        "pt": "A {d} a câmara vota o plano.", "nl": "Op {d} stemt de raad over het plan.",
        "pl": "{d} rada zagłosuje nad planem."}
LIVE = {"en": "Live", "de": "Liveticker", "fr": "En direct", "es": "En directo",
        "it": "Diretta", "pt": "Ao vivo", "nl": "Live", "pl": "Relacja na żywo"}


def _teaser(lang: str, rng: random.Random, i: int, k: int, on: date, by: str | None) -> str:
    """Another story's teaser as an <article> with its own <time> (and byline)."""
    at = datetime(on.year, on.month, on.day, rng.randint(6, 21), rng.randint(0, 59))
    who = f'<p class="byline">{BY[lang]} {escape(by)}</p>' if by else ""
    return (f'<article class="teaser"><a href="/news/k{i}-{k}"><h2>'
            f"{escape(headline(lang, rng))}</h2></a>{who}"
            f'<time datetime="{at:%Y-%m-%dT%H:%M}">{escape(worded(lang, on, rng))}</time>'
            "</article>")


def _recent(rng: random.Random, back: int = 2) -> date:
    """A day near the fetch: the day of the latest stories on the site's lists."""
    return (NOW - timedelta(days=rng.randint(0, back))).date()


# --- page parts families N to S share: each family's make_page_* keeps its own date,
# author and title conventions and calls these for the rest, which draw from `rng`
# exactly as the code they replaced did (session 59 checked every page byte-identical).

def _stamp_since_2024(rng: random.Random, tz: timezone) -> datetime:
    """A minute on one of the days from 2024-01-01 on (nearly three years), site's clock."""
    return datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))


def _title_slug(title: str) -> str:
    """The URL's words of a headline, as news CMSs cut them."""
    return "-".join(re.findall(r"\w+", title.lower()))[:60]


def _filler_paras(filler: str, rng: random.Random) -> str:
    """Two to four body paragraphs of the language's filler."""
    return "".join(f"<p>{filler} {filler}</p>" for _ in range(rng.randint(2, 4)))


def _related(rng: random.Random, i: int, label: str, story: Callable[[], str],
             date_format: str, writer: Callable[[], str]) -> str:
    """On 60 % of pages, three related stories, each with its own day and writer: dates
    and names near the story that are not its own ("" on the other pages)."""
    if rng.random() >= 0.6:
        return ""
    items = "".join(
        f'<li><a href="/r/{i}-{k}">{escape(story())}</a> '
        f'<span class="date">{_recent(rng, 30):{date_format}}</span> '
        f"<span>{escape(writer())}</span></li>" for k in range(3))
    return f'<aside class="related"><h3>{label}</h3><ul>{items}</ul></aside>'


def _logo(site: str) -> str:
    return f'<a class="logo" href="/">{escape(site)}</a>'


NAV_HOME_NEWS = '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'


def _masthead_page(lang: str, doc_title: str, head: str, url: str, masthead: str, main: str,
                   site: str, html_attrs: str = "", rail: str = "", rights: str = "") -> str:
    """The document around a story: the <title> and `head` tags, the canonical URL, the
    masthead, an optional `rail` before <main>, and the site's copyright line."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"{html_attrs}><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{head}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead">{masthead}</header>'
        f"{rail}<main>{main}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}{rights}</p></footer></body></html>'
    )


def make_page_k(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many parts
    """A family K page: the story's own date, author and headline written once, among the
    dates and names of everything else a news page carries (see the module docstring)."""
    lists = UNSEEN["K"]
    conv = {fld: rng.choice(lists[fld]) for fld in ("date", "author", "title")}
    dconv, aconv, tconv = conv["date"], conv["author"], conv["title"]
    lang = rng.choice(LANGS)
    site, domain = rng.choice(SITES[lang])
    zone_hours = ZONE_OF_TLD[domain.rsplit(".", 1)[-1]]
    tz = timezone(timedelta(hours=zone_hours))
    day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 690))
    stamp = datetime(day.year, day.month, day.day, rng.randint(7, 19), rng.randint(0, 59),
                     tzinfo=tz)
    later = min(day + timedelta(days=rng.randint(1, 12)), (NOW - timedelta(days=1)).date())
    title = headline(lang, rng)
    slug = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", title)
                               .encode("ascii", "ignore").decode().lower()))[:60]
    url = f"https://www.{domain}/{rng.choice(['news', 'region', 'politics'])}/{slug}-{i}"
    names = [person(lang, rng)]
    if rng.random() < 0.25:
        names.append(person(lang, rng, {names[0]}))
    others = [person(lang, rng, set(names)) for _ in range(3)]  # everyone else on the page
    crowd = {x for x in ("ticker", "most_read", "sidebar", "teasers_after", "comments",
                         "event", "copyright") if rng.random() < 0.5}

    head: list[str] = []
    blocks: list[dict] = []
    story: dict = {"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": title, "inLanguage": lang}
    above, dateline, body_tail, footer_line = "", "", "", ""

    # --- date: where the story's own day is written
    if dconv == "dateline_under_most_read":
        crowd.add("most_read")
        dateline = f'<span class="date">{escape(worded(lang, day, rng))}</span>'
    elif dconv == "numeric_beside_sidebar_times":
        crowd.add("sidebar")
        dateline = f'<div class="meta-date">{numeric(lang, day, rng)}</div>'
    elif dconv == "print_edition_first":
        printed = day + timedelta(days=1)
        above = (f'<p class="print-edition">{PRINT_EDITION[lang]} '
                 f"{WEEKDAYS[lang][printed.weekday()]}, {escape(_worded(lang, printed, rng))}</p>")
        body_tail = (f'<p class="small">{ONLINE_SINCE[lang]} '
                     f"{escape(_worded(lang, day, rng))}</p>")
    elif dconv == "correction_only_visible":
        dateline = (f'<p class="correction">{CORRECTION[lang]} '
                    f"{escape(_worded(lang, later, rng))}</p>")
        story["datePublished"] = stamp.isoformat()
        story["dateModified"] = datetime(later.year, later.month, later.day, 9, 30,
                                         tzinfo=tz).isoformat()
    elif dconv == "updated_big_first_published_small":
        dateline = (f'<p class="updated">{UPDATED[lang]} '
                    f"{escape(worded(lang, later, rng))}</p>")
        body_tail = (f'<p class="first-published"><small>{FIRST_PUBLISHED[lang]} '
                     f"{escape(_worded(lang, day, rng))}</small></p>")
    elif dconv == "liveblog_entries":
        if rng.random() < 0.5:
            head.append(f'<meta property="article:published_time" content="{stamp.isoformat()}">')
        else:
            story["@type"] = "LiveBlogPosting"
            story["datePublished"] = stamp.isoformat()
        entries = []
        for k in range(rng.randint(4, 7), 0, -1):  # newest first, over the next days
            at = stamp + timedelta(hours=5 * k + rng.randint(0, 4))
            at = min(at, NOW.astimezone(tz) - timedelta(hours=1))
            entries.append(f'<div class="live-entry"><time datetime="{at.isoformat()}">'
                           f"{at:%H:%M}</time> <strong>{numeric(lang, at.date(), rng)}</strong>"
                           f"<p>{FILLER[lang][:90]}</p></div>")
        above = f'<p class="live-label">{LIVE[lang]}</p>'
        body_tail = f'<div class="live-entries">{"".join(entries)}</div>'
    elif dconv == "jsonld_graph_last":
        story["datePublished"] = stamp.isoformat()
    elif dconv == "template_meta_stale":
        built = day - timedelta(days=rng.randint(30, 400))
        head.append(f'<meta property="article:published_time" content="{built}T00:00:00Z">')
        dateline = f'<span class="date">{escape(worded(lang, day, rng))}</span>'
    elif dconv == "event_in_text_footer_date":
        crowd.add("event")
        footer_line = f"<span>{PUBLISHED[lang]} {numeric(lang, day, rng)}</span>"
    elif dconv == "teaser_articles_first":
        dateline = (f'<time datetime="{stamp.isoformat()}">'
                    f"{escape(worded(lang, day, rng))}</time>")
    else:
        raise ValueError(dconv)

    # --- title
    doc_title, og_title = f"{title} | {site}", title
    h1 = f"<h1>{escape(title)}</h1>"
    if tconv == "og_title_site_template":
        og_title = site
    elif tconv == "teaser_h2s_no_h1":
        doc_title, og_title = site, None
        h1 = f'<h2 class="article-title">{escape(title)}</h2>'
    elif tconv == "itemlist_headlines_first":
        doc_title, og_title = site, None
        h1 = f'<div class="headline">{escape(title)}</div>'

    # --- authors
    n = [escape(x) for x in names]
    by_line = f'{BY[lang]} {f" {AND[lang]} ".join(n)}'
    byline, cards = "", ""
    if aconv == "byline_more_from_other":
        byline = f'<p class="byline">{by_line}</p>'
        cards = (f'<section class="more-from"><h3>{MORE_FROM[lang]} {escape(others[0])}</h3>'
                 f'<ul><li><a href="/news/m{i}">{escape(headline(lang, rng))}</a></li></ul>'
                 "</section>")
    elif aconv == "photo_editor_cards":
        byline = f'<span class="author">{f" {AND[lang]} ".join(n)}</span>'
        cards = "".join(
            f'<div class="author-card"><span class="author-name">{escape(o)}</span>'
            f'<span class="author-role">{role}</span></div>'
            for o, role in ((others[0], PHOTOGRAPHER[lang]), (others[1], EDITOR[lang])))
    elif aconv == "teaser_bylines_above":
        crowd.add("top_teasers")
        byline = f'<p class="byline">{by_line}</p>'
    elif aconv == "comment_authors_microdata":
        crowd.add("comments_microdata")
        head.append(f'<meta name="author" content="{escape(", ".join(names))}">')
    elif aconv == "jsonld_itemlist_authors_first":
        story["author"] = [{"@type": "Person", "name": x} for x in names]
    elif aconv == "meta_author_sitename":
        head.append(f'<meta name="author" content="{escape(site)}">')
        byline = f'<p class="byline">{by_line}</p>'
    else:
        raise ValueError(aconv)
    if dconv == "teaser_articles_first" or tconv == "teaser_h2s_no_h1":
        crowd.add("top_teasers")

    # --- the crowd
    top = ""
    if "ticker" in crowd:  # the fetch day's latest items, stamped with their times
        items = []
        for k in range(3):
            at = NOW - timedelta(minutes=rng.randint(10, 400) * (k + 1))
            items.append(f'<li><time datetime="{at.isoformat()}">{at:%H:%M}</time> '
                         f'<a href="/news/t{i}-{k}">{escape(headline(lang, rng))}</a></li>')
        top += f'<div class="ticker"><ul>{"".join(items)}</ul></div>'
    if "most_read" in crowd:
        items = "".join(f'<li><a href="/news/r{i}-{k}">{escape(headline(lang, rng))}</a> '
                        f'<span class="date">{escape(worded(lang, _recent(rng), rng))}</span></li>'
                        for k in range(3))
        top += f'<section class="most-read"><h3>{MOST_READ[lang]}</h3><ol>{items}</ol></section>'
    if "top_teasers" in crowd:
        teasers = "".join(_teaser(lang, rng, i, k, _recent(rng, 5),
                                  others[2] if aconv == "teaser_bylines_above" else None)
                          for k in range(3))
        top += f'<section class="top-stories"><h2>{TOP_STORIES[lang]}</h2>{teasers}</section>'
    sidebar = ""
    if "sidebar" in crowd:
        items = []
        for k in range(4):
            on = _recent(rng, 3)
            hour = rng.randint(0, 5) if on == NOW.date() else rng.randint(6, 21)
            items.append(f'<li><time datetime="{on}T{hour:02d}:{rng.randint(0, 59):02d}">'
                         f"{numeric(lang, on, rng)}</time> <a href='/news/s{i}-{k}'>"
                         f"{escape(headline(lang, rng))}</a></li>")
        sidebar = (f'<aside class="sidebar"><h3>{LATEST[lang]}</h3><ul>{"".join(items)}</ul>'
                   "</aside>")
    after = ""
    if "teasers_after" in crowd:
        after += (f'<section class="related"><h3>{RELATED[lang]}</h3>'
                  + "".join(_teaser(lang, rng, i, 10 + k, day - timedelta(days=rng.randint(1, 40)),
                                    others[1 + k])
                            for k in range(2)) + "</section>")
    if "comments" in crowd or "comments_microdata" in crowd:
        rows = []
        for k in range(rng.randint(2, 3)):
            on = min(day + timedelta(days=k + rng.randint(0, 2)), (NOW - timedelta(days=1)).date())
            who = person(lang, rng, set(names))
            if "comments_microdata" in crowd:
                rows.append(f'<div class="comment" itemscope itemtype="https://schema.org/Comment">'
                            f'<span itemprop="author">{escape(who)}</span> '
                            f'<time itemprop="dateCreated" datetime="{on}T{12 + k}:05">'
                            f"{numeric(lang, on, rng)}</time><p>{FILLER[lang][:70]}</p></div>")
            else:
                rows.append(f'<div class="comment"><span class="comment-author">'
                            f'{escape(who)}</span> <time datetime="{on}T{12 + k}:05">'
                            f"{numeric(lang, on, rng)}</time>"
                            f"<p>{FILLER[lang][:70]}</p></div>")
        after += (f'<section class="comments"><h3>{COMMENTS[lang]}</h3>{"".join(rows)}'
                  "</section>")
    event = ""
    if "event" in crowd:
        on = day + timedelta(days=rng.randint(3, 30))
        event = f"<p>{VOTE[lang].format(d=escape(_worded(lang, on, rng)))}</p>"

    # --- the JSON-LD: the story's node, alone or among the site's other nodes
    if dconv == "jsonld_graph_last" or aconv == "jsonld_itemlist_authors_first" \
            or tconv == "itemlist_headlines_first":
        related = []
        for k in range(3):
            on = day - timedelta(days=rng.randint(1, 60))
            related.append({"@type": "ListItem", "position": k + 1, "item": {
                "@type": "NewsArticle", "headline": headline(lang, rng),
                "url": f"https://www.{domain}/news/l{i}-{k}",
                "datePublished": f"{on}T08:00:00+00:00",
                "author": {"@type": "Person", "name": others[k]}}})
        nodes = [{"@type": "BreadcrumbList", "itemListElement": [
                     {"@type": "ListItem", "position": 1, "name": "Home",
                      "item": f"https://www.{domain}/"}]},
                 {"@type": "WebPage", "@id": url, "url": url,
                  "dateModified": f"{_recent(rng, 1)}T05:00:00Z"},
                 {"@type": "Organization", "name": site, "url": f"https://www.{domain}/"},
                 {"@type": "ItemList", "itemListElement": related}]
        node = {k: v for k, v in story.items() if k != "@context"}
        if rng.random() < 0.5:
            blocks.append({"@context": "https://schema.org", "@graph": nodes + [node]})
        else:
            blocks.extend({"@context": "https://schema.org", **x} for x in nodes + [node])
    elif story.get("datePublished") or story.get("author") or rng.random() < 0.5:
        blocks.append(story)
    head.extend('<script type="application/ld+json">'
                f"{json.dumps(b, ensure_ascii=False)}</script>" for b in blocks)

    og = f'<meta property="og:title" content="{escape(og_title)}">' if og_title else ""
    paragraphs = "".join(f"<p>{FILLER[lang]} {FILLER[lang]}</p>"
                         for _ in range(rng.randint(3, 5)))
    if event:
        paragraphs = paragraphs[:paragraphs.index("</p>") + 4] + event + \
            paragraphs[paragraphs.index("</p>") + 4:]
    meta_line = " ".join(x for x in (byline, dateline) if x)
    art_footer = f'<footer class="article-footer">{footer_line}</footer>' if footer_line else ""
    site_footer = (f"<p>© {NOW.year} {escape(site)}</p>" if "copyright" in crowd
                   else "<p>Impressum</p>")
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{og}"
        f'<meta property="og:site_name" content="{escape(site)}">'
        f'<meta property="og:type" content="article">'
        f'<link rel="canonical" href="{url}">{"".join(head)}</head><body>'
        f'<header class="site-header"><a class="logo" href="/">{escape(site)}</a></header>'
        f"{sidebar if rng.random() < 0.5 else ''}<main>{top}"
        f'<article class="story">{above}{h1}<div class="article-info">{meta_line}</div>'
        f'<div class="article-body">{paragraphs}{body_tail}</div>{cards}{art_footer}'
        f"</article>{after}</main>"
    )
    if sidebar and sidebar not in html:
        html += sidebar
    html += f'<footer class="site-footer">{site_footer}</footer></body></html>'
    return Page(html, url, lang, day, names, title, conv, sorted(crowd))


# --- family L (round 10): the dev corpus's sites that are not big newsrooms ------------
# German-speaking blogs, TYPO3/Drupal/Joomla sites of associations, councils and
# universities, press releases, Swiss and Austrian pages, company newsrooms and shop
# magazines, forums and event pages, their English counterparts and a little Polish,
# French and Spanish. Built by make_page_l; truth decisions in the module docstring.
SITES_L = {
    "de": [("Gartenfreunde Oberland e.V.", "gartenfreunde-oberland.de"),
           ("Stadtwerke Lindenau", "stadtwerke-lindenau.de"),
           ("Hochschule Weserbergland", "hs-weserbergland.de"),
           ("Reiseblog Fernweh & Heimat", "fernweh-heimat.de"),
           ("Zürcher Gewerbezeitung", "gewerbezeitung.ch"),
           ("Tiroler Bergbote", "bergbote.at"), ("Naturschutzring Süd", "nsr-sued.de")],
    "en": [("Maple Street Bakery Blog", "maplestreetbakery.com"),
           ("Friends of the River Trust", "riverfriends.org"),
           ("Notes from a Small Garden", "smallgardennotes.com"),
           ("Harbor Tech Solutions", "harbortech.com")],
    "pl": [("Stowarzyszenie Zielony Gród", "zielonygrod.pl")],
    "fr": [("Association Les Amis du Vieux Port", "amisduvieuxport.fr")],
    "es": [("Fundación Horizonte", "fundacionhorizonte.org.mx")],
}
ZONE_L = {"de": 1, "ch": 1, "at": 1, "com": -5, "org": -5, "pl": 1, "fr": 1, "mx": -6}
MONTHS_AT = ["Jänner", "Feber"] + MONTHS["de"][2:]  # Austria writes January, February so
DAY_ABBR_DE = "Mo Di Mi Do Fr Sa So".split()
DAY_ABBR_EN = "Mon Tue Wed Thu Fri Sat Sun".split()
CATEGORY_DE = ("Vereinsleben", "Aktuelles", "Allgemein", "Termine", "Projekte")
HANDLES = ("Gartenfreund_78", "kleinerPirat", "Bergziege2019", "sunny-side", "Moosmann",
           "RiverRat42", "bakerbee", "old_tom")
L_DATE_LANG = {
    "wp_veroeffentlicht_am_von": ("de",), "beitrag_vom": ("de",),
    "kategorie_pipe_erstellt": ("de",), "typo3_news_rightbox": ("de",),
    "press_release_no_of": ("de", "en"), "press_info_pipe": ("de", "en"),
    "place_den_date_opening": ("de", "fr", "es"), "letzte_aenderung_only": ("de",),
    "datum_dt_dd": ("de", "en", "pl"), "meldung_vom": ("de",),
    "ch_publiziert_dotted_uhr": ("de",), "at_jaenner_feber": ("de",),
    "shop_kicker_pipe": ("de", "en"), "forum_first_post": ("de", "en"),
    "event_day_and_posted": ("de", "en"), "blogger_date_header": ("en", "de"),
    "newsletter_issue_line": ("en",), "pl_dodano": ("pl",), "fr_mis_en_ligne": ("fr",),
    "es_fecha_label": ("es",),
}
L_AUTHOR_LANG = {
    "ein_beitrag_von": ("de",), "text_fotos_comma": ("de", "en", "pl"),
    "gastbeitrag_von": ("de", "en"), "author_box_ueber": ("de", "en"),
    "press_contact_only": ("de", "en"), "team_as_author": ("de", "en"),
    "verfasst_von": ("de", "fr", "es", "pl"), "blogger_posted_by_at": ("en", "de"),
}


def _l_lang(rng: random.Random) -> str:
    """About half German (the dev corpus's .de/.ch/.at), a third English, the rest
    Polish, French and Spanish."""
    x = rng.random()
    return "de" if x < 0.55 else "en" if x < 0.85 else rng.choice(("pl", "fr", "es"))


def _l_date(dconv: str, lang: str, day: date, stamp: datetime, domain: str, author: str,
            rng: random.Random) -> tuple[str, str, str, str]:
    """Family L's date conventions: (line above the heading, meta line under it, the
    body's opening, a line after the body)."""
    de_long = f"{day.day}. {MONTHS['de'][day.month - 1]} {day.year}"
    dotted = f"{day:%d.%m.%Y}"
    above = meta = opening = tail = ""
    if dconv == "wp_veroeffentlicht_am_von":
        meta = (f'<div class="entry-meta"><span class="posted-on">Veröffentlicht am '
                f'<a href="/{day:%Y/%m/%d}/" rel="bookmark">{de_long}</a></span> '
                f'<span class="byline">von <span class="author vcard"><a class="url fn n" '
                f'href="/author/{_slug(author)}/">{escape(author)}</a></span></span></div>')
    elif dconv == "beitrag_vom":
        meta = f'<p class="post-date">Beitrag vom {dotted}</p>'
    elif dconv == "kategorie_pipe_erstellt":
        meta = (f'<p class="article-info">Kategorie: {rng.choice(CATEGORY_DE)} | Erstellt am '
                f"{day:%d}. {MONTHS['de'][day.month - 1]} {day.year}</p>")
    elif dconv == "typo3_news_rightbox":
        meta = (f'<div class="news-single-rightbox">{dotted} {stamp:%H:%M}<br>'
                f"Kategorie: {rng.choice(CATEGORY_DE)}</div>")
        others = "".join(
            f'<div class="news-list-item"><span class="news-list-date">'
            f"{day - timedelta(days=rng.randint(2, 60)):%d.%m.%Y}</span> "
            f'<a href="/aktuelles/detail/m{k}">{escape(headline(lang, rng))}</a></div>'
            for k in range(3))
        tail = f'<div class="news-list-view"><h3>Weitere Meldungen</h3>{others}</div>'
    elif dconv == "press_release_no_of":
        no = f"{rng.randint(12, 240)}/{day.year}"
        above = (f'<p class="pm-nummer">Pressemitteilung Nr. {no} vom {de_long}</p>'
                 if lang == "de" else
                 f'<p class="release-no">Press Release No. {no} of '
                 f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}</p>")
    elif dconv == "press_info_pipe":
        above = (f'<p class="kicker">Presseinformation | {dotted}</p>' if lang == "de" else
                 f'<p class="kicker">Press Release | {MONTHS["en"][day.month - 1]} '
                 f"{day.day}, {day.year}</p>")
    elif dconv == "place_den_date_opening":
        place = {"de": ("Berlin", "Stuttgart", "Bern", "Linz"), "fr": ("Marseille", "Lyon"),
                 "es": ("Monterrey", "Puebla")}[lang]
        city = rng.choice(place)
        lead = {"de": f"{city}, den {de_long}.",
                "fr": f"{city}, le {day.day} {MONTHS['fr'][day.month - 1]} {day.year} –",
                "es": f"{city}, {day.day} de {MONTHS['es'][day.month - 1]} de {day.year}.-"}
        opening = lead[lang]
    elif dconv == "letzte_aenderung_only":
        tail = f'<p class="last-change">Letzte Änderung: {dotted}</p>'
    elif dconv == "datum_dt_dd":
        label = {"de": "Datum", "en": "Date", "pl": "Data"}[lang]
        shown = dotted if lang != "en" else f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}"
        meta = (f'<dl class="news-facts"><dt>{label}</dt><dd>{shown}</dd>'
                f"<dt>{'Ort' if lang == 'de' else 'Place' if lang == 'en' else 'Miejsce'}</dt>"
                "<dd>Campus Nord</dd></dl>")
    elif dconv == "meldung_vom":
        meta = f'<p class="meta">{rng.choice(("Meldung", "Artikel", "Nachricht"))} vom {dotted}</p>'
    elif dconv == "ch_publiziert_dotted_uhr":
        meta = f'<p class="pubdate">Publiziert: {dotted}, {stamp:%H.%M} Uhr'
        if rng.random() < 0.5:
            upd = stamp + timedelta(hours=rng.randint(14, 40))
            meta += f" | Aktualisiert: {upd:%d.%m.%Y}, {upd:%H.%M} Uhr"
        meta += "</p>"
    elif dconv == "at_jaenner_feber":
        meta = (f'<span class="date">{day.day}. {MONTHS_AT[day.month - 1]} {day.year}, '
                f"{stamp:%H:%M}</span>")
    elif dconv == "shop_kicker_pipe":
        above = (f'<p class="post-kicker">{rng.choice(("News", "Ratgeber", "Magazin"))} | '
                 f"{dotted}</p>" if lang == "de" else
                 f'<p class="post-kicker">{rng.choice(("Blog", "Tips", "News"))} | '
                 f"{MONTHS['en'][day.month - 1][:3]} {day.day}, {day.year}</p>")
    elif dconv == "event_day_and_posted":
        ev = day + timedelta(days=rng.randint(10, 60))
        above = (f'<div class="event-box"><strong>Termin:</strong> {DAY_ABBR_DE[ev.weekday()]}, '
                 f"{ev:%d.%m.%Y}, 19:00 Uhr<br><strong>Ort:</strong> Bürgerhaus</div>"
                 if lang == "de" else
                 f'<div class="event-box"><strong>When:</strong> {WEEKDAYS["en"][ev.weekday()]}, '
                 f"{MONTHS['en'][ev.month - 1]} {ev.day}, {ev.year}, 7:00 PM<br>"
                 "<strong>Where:</strong> Community Hall</div>")
        tail = (f'<p class="small">Eingestellt am {dotted}</p>' if lang == "de" else
                f'<p class="small">Added on {day.day} {MONTHS["en"][day.month - 1][:3]} '
                f"{day.year}</p>")
    elif dconv == "blogger_date_header":
        shown = (f"{WEEKDAYS['en'][day.weekday()]}, {MONTHS['en'][day.month - 1]} {day.day}, "
                 f"{day.year}" if lang == "en" else
                 f"{WEEKDAYS['de'][day.weekday()]}, {de_long}")
        above = f'<h2 class="date-header"><span>{shown}</span></h2>'
    elif dconv == "newsletter_issue_line":
        above = (f'<p class="issue">Issue #{rng.randint(12, 140)} · '
                 f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}</p>")
    elif dconv == "pl_dodano":
        meta = f'<p class="info">Dodano: {dotted}, {stamp:%H:%M}</p>'
    elif dconv == "fr_mis_en_ligne":
        meta = f'<p class="date">Mis en ligne le {day:%d/%m/%Y}</p>'
    elif dconv == "es_fecha_label":
        meta = f'<p class="fecha"><strong>Fecha:</strong> {day:%d/%m/%Y}</p>'
    elif dconv != "forum_first_post":
        raise ValueError(dconv)
    return above, meta, opening, tail


def _l_author(aconv: str, lang: str, names: list[str], site: str,
              rng: random.Random) -> tuple[str, str, list[str]]:
    """Family L's author conventions: (byline under the heading, a block after the body,
    the true authors)."""
    n = escape(names[0])
    if aconv == "ein_beitrag_von":
        return f'<p class="byline">Ein Beitrag von {n}</p>', "", names[:1]
    if aconv == "text_fotos_comma":
        photo = escape(person(lang, rng, set(names)))
        label = {"de": ("Text", "Fotos"), "en": ("Text", "Photos"), "pl": ("Tekst", "zdjęcia")}
        t, f = label[lang]
        return f'<p class="credits">{t}: {n}, {f}: {photo}</p>', "", names[:1]
    if aconv == "gastbeitrag_von":
        line = (f"Gastbeitrag von {n}" if lang == "de" else f"Guest post by {n}")
        return f'<p class="guest">{line}</p>', "", names[:1]
    if aconv == "author_box_ueber":
        head = ("Über die Autorin" if rng.random() < 0.5 else "Über den Autor") \
            if lang == "de" else "About the author"
        bio = ("arbeitet seit 2015 als Referentin für Umweltbildung und schreibt über "
               "Gärten, Vereine und das Leben auf dem Land." if lang == "de" else
               "has run the bakery since 2012 and writes about bread, seasons and the "
               "people of our street.")
        return "", (f'<div class="author-box"><h4>{head}</h4><p><strong>{n}</strong> '
                    f"{bio}</p></div>"), names[:1]
    if aconv == "press_contact_only":
        label = "Pressekontakt" if lang == "de" else "Media contact"
        return "", (f'<div class="press-contact"><h4>{label}</h4><p>{n}<br>'
                    f"Tel. +49 30 1234 567<br>presse@example.org</p></div>"), []
    if aconv == "team_as_author":
        team = f"{site.split()[0]}-Team" if lang == "de" else f"The {site.split()[0]} Team"
        label = "Autor:" if lang == "de" else "Author:"
        return f'<p class="byline">{label} {escape(team)}</p>', "", [team]
    if aconv == "verfasst_von":
        label = {"de": "Verfasst von", "fr": "Rédigé par", "es": "Redactado por",
                 "pl": "Autorka tekstu:"}[lang]
        return f'<p class="byline">{label} {n}</p>', "", names[:1]
    if aconv == "blogger_posted_by_at":
        at = datetime(2026, 1, 1, rng.randint(13, 22), rng.randint(0, 59))
        line = (f'Posted by <span class="fn">{n}</span> at <a class="timestamp-link" '
                f'href="#">{at:%I:%M %p}</a>' if lang == "en" else
                f'Eingestellt von <span class="fn">{n}</span> um <a class="timestamp-link" '
                f'href="#">{at:%H:%M}</a>')
        return "", f'<div class="post-footer"><span class="post-author">{line}</span></div>', \
            names[:1]
    raise ValueError(aconv)


def _l_forum(lang: str, day: date, stamp: datetime, handle: str, title: str,
             rng: random.Random) -> str:
    """A forum thread: the first post (the page's own date and author), replies later."""
    posts = []
    who, at = handle, stamp
    for k in range(rng.randint(3, 5)):
        if lang == "de":
            when = (f"{DAY_ABBR_DE[at.weekday()]} {at.day}. {MONTHS['de'][at.month - 1][:3]} "
                    f"{at.year}, {at:%H:%M}")
            meta = f'<p class="author">von <strong>{escape(who)}</strong> » {when}</p>'
            subject = title if k == 0 else f"Re: {title}"
        else:
            when = (f"{DAY_ABBR_EN[at.weekday()]} {MONTHS['en'][at.month - 1][:3]} "
                    f"{at.day:02d}, {at.year} {at:%I:%M %p}".replace("AM", "am")
                    .replace("PM", "pm"))
            meta = f'<p class="author">Post by <strong>{escape(who)}</strong> » {when}</p>'
            subject = title if k == 0 else f"Re: {title}"
        body = FILLER[lang][: 80 + 40 * (k == 0)]
        posts.append(f'<div class="post"><h3>{escape(subject)}</h3>{meta}'
                     f'<div class="content">{body}</div></div>')
        who = rng.choice([h for h in HANDLES if h != handle])
        at = min(at + timedelta(hours=rng.randint(5, 60)), NOW - timedelta(hours=2))
    return "".join(posts)


def make_page_l(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many parts
    """A family L page: a small site's post, release, notice or thread (see the module
    docstring for the truth)."""
    lang = _l_lang(rng)
    dconv = rng.choice([c for c, langs in L_DATE_LANG.items() if lang in langs])
    aconv = rng.choice([c for c, langs in L_AUTHOR_LANG.items() if lang in langs])
    tconv = rng.choice(("h1_site_h2_entry", "title_site_claim", "title_site_only_h1_blog"))
    site, domain = rng.choice(SITES_L[lang])
    if dconv == "ch_publiziert_dotted_uhr":
        site, domain = SITES_L["de"][4]
    elif dconv == "at_jaenner_feber":
        site, domain = SITES_L["de"][5]
    tz = timezone(timedelta(hours=ZONE_L[domain.rsplit(".", 1)[-1]]))
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1060))
    if dconv == "at_jaenner_feber":  # the two months Austria names its own way
        day = date(rng.choice((2025, 2026)), rng.randint(1, 2), rng.randint(1, 28))
    stamp = datetime(day.year, day.month, day.day, rng.randint(7, 19), rng.randint(0, 59),
                     tzinfo=tz)
    title = headline(lang, rng)
    slug = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", title)
                               .encode("ascii", "ignore").decode().lower()))[:60]
    section = rng.choice(("blog", "aktuelles", "news", "presse", "beitrag"))
    url = f"https://www.{domain}/{section}/{slug}-{i}"
    names = [person(lang, rng)]
    if dconv == "forum_first_post":
        aconv = "forum_user"
        handle = rng.choice(HANDLES)
        byline, after_body, authors = "", "", [handle]
        above = meta = opening = tail = ""
        thread = _l_forum(lang, day, stamp, handle, title, rng)
    else:
        byline, after_body, authors = _l_author(aconv, lang, names, site, rng)
        if dconv == "wp_veroeffentlicht_am_von" and authors:
            pass  # the meta line names the author too: the same person
        elif dconv == "wp_veroeffentlicht_am_von":
            authors = names[:1]  # "von X" in the meta line is a byline
        above, meta, opening, tail = _l_date(dconv, lang, day, stamp, domain,
                                            authors[0] if authors else names[0], rng)
        thread = ""
    conv = {"date": dconv, "author": aconv, "title": tconv}

    # --- titles, the way small sites write them
    claim = {"de": "Ihr Partner in der Region", "en": "Since 1998",
             "pl": "Razem dla miasta", "fr": "Depuis 1987", "es": "Juntos por la comunidad"}
    h2_post = False
    if tconv == "h1_site_h2_entry":
        doc_title = f"{title} – {site}"
        heading = (f'<h1 class="site-title"><a href="/">{escape(site)}</a></h1>', True)
        h2_post = True
    elif tconv == "title_site_claim":
        doc_title = f"{title} | {site} – {claim[lang]}"
        heading = ("", False)
    else:
        doc_title = site
        blog = {"de": "Blog", "en": "Blog", "pl": "Aktualności", "fr": "Actualités",
                "es": "Noticias"}[lang]
        heading = (f'<h1 class="page-title">{blog}</h1>', True)
        h2_post = True
    post_head = (f'<h2 class="entry-title">{escape(title)}</h2>' if h2_post
                 else f'<h1 class="entry-title">{escape(title)}</h1>')
    if dconv == "forum_first_post":
        post_head = f'<h2 class="topic-title">{escape(title)}</h2>'

    paragraphs = _filler_paras(FILLER[lang], rng)
    if opening:
        paragraphs = f"<p>{escape(opening)} {FILLER[lang]}</p>" + paragraphs
    sidebar = ""
    if rng.random() < 0.5:  # the small site's "recent posts" widget, with their days
        items = "".join(f'<li><a href="/blog/p{i}-{k}">{escape(headline(lang, rng))}</a> '
                        f'<span class="post-date">'
                        f"{_recent(rng, 40):%d.%m.%Y}</span></li>" for k in range(3))
        sidebar = f'<aside class="widget recent-posts"><ul>{items}</ul></aside>'
    content = thread or (f'<article class="post">{above}{post_head}{meta}{byline}'
                         f'<div class="entry-content">{paragraphs}</div>{tail}{after_body}'
                         "</article>")
    if thread:
        content = f'<div class="topic">{post_head}{thread}</div>'
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="site-header">{heading[0] or f"<a class=logo href=/>{escape(site)}</a>"}'
        f'<nav><a href="/">Start</a> <a href="/kontakt">Kontakt</a></nav></header>'
        f'<div class="wrap"><main>{content}</main>{sidebar}</div>'
        f'<footer class="site-footer"><p>© {NOW.year} {escape(site)} · Impressum · '
        "Datenschutz</p></footer></body></html>"
    )
    return Page(html, url, lang, day, authors, title, conv, [])


# --- --unseen M (round 11): the .com/.org English and Latin-American side of the dev mix -
# Company and SaaS blogs, recipe and review sites, podcast pages, press-release wires, NGO
# reports, Medium-like pages; Spanish and Portuguese news and blogs of Chile, Peru,
# Argentina, Brazil, Uruguay, Bolivia and Panama. Built by make_page_m; truth decisions in
# the module docstring.
SITES_M = {
    "en": [("Brightline CRM Blog", "brightlinecrm.com"), ("Pantry & Pine", "pantryandpine.com"),
           ("GearScout Reviews", "gearscout.com"), ("Open Water Alliance", "openwateralliance.org"),
           ("The Build Log Podcast", "buildlogpodcast.com"), ("Ledgerly Docs", "ledgerly.com")],
    "es": [("Diario El Sur", "diarioelsur.cl"), ("La Voz del Rímac", "lavozdelrimac.pe"),
           ("El Observador del Plata", "observadordelplata.com.ar"),
           ("Montevideo Hoy", "montevideohoy.com.uy"), ("Correo del Oriente", "correooriente.bo"),
           ("Istmo Noticias", "istmonoticias.com.pa")],
    "pt": [("Folha do Cerrado", "folhadocerrado.com.br"),
           ("Portal Litoral Sul", "portallitoralsul.com.br")],
}
ZONE_M = {"com": -5, "org": -5, "cl": -3, "pe": -5, "ar": -3, "uy": -3, "bo": -4, "pa": -5,
          "br": -3}
CITY_M = {"cl": "Santiago", "pe": "Lima", "ar": "Buenos Aires", "uy": "Montevideo",
          "bo": "Santa Cruz", "pa": "Panamá", "br": "São Paulo"}
M_DATE_LANG = {
    "saas_updated_reading": ("en",), "saas_published_last_updated": ("en",),
    "wprm_published_modified": ("en",), "review_last_updated_tested": ("en",),
    "podcast_episode_line": ("en",), "wire_news_provided_by": ("en",),
    "wire_business_est": ("en",), "wire_globe_source": ("en",),
    "medium_follow_read": ("en",), "ngo_publication_date_pdf": ("en",),
    "es_publicado_weekday_hrs": ("es",), "es_slashed_dash_time": ("es",),
    "es_hace_horas": ("es",), "es_fecha_pub_actualizado": ("es",),
    "es_capitalised_weekday": ("es",), "pt_atualizado_only": ("pt",),
    "pt_g1_time_atualizado_ha": ("pt",), "pt_postado_em_slashed": ("pt",),
}
M_AUTHOR_LANG = {
    "written_by_role_card": ("en",), "written_reviewed_by": ("en",),
    "by_fact_checked_by": ("en",), "avatars_x_and_y": ("en",), "medium_name_follow": ("en",),
    "our_expert_tested": ("en",),
    "por_colon_corresponsal": ("es",), "por_redaccion_site": ("es",),
    "agencia_efe_only": ("es", "pt"), "por_x_slash_y": ("es",),
    "pt_por_x_g1_city": ("pt",), "pt_por_x_e_y": ("pt",),
}
ROLE_M = ("Head of Content", "Senior Content Marketing Manager", "Product Marketing Lead",
          "Founder & CEO")


def _m_lang(rng: random.Random) -> str:
    """Half English (.com/.org), a third Spanish of Latin America, the rest Brazilian."""
    x = rng.random()
    return "en" if x < 0.5 else "es" if x < 0.82 else "pt"


def _m_date(dconv: str, day: date, stamp: datetime, site: str,  # noqa: C901
            rng: random.Random) -> tuple[str, str, str]:
    """Family M's date conventions: (line above the heading, meta line under it, a line
    after the body). `stamp` is the local publication instant."""
    en_long = f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    en_abbr = f"{MONTHS['en'][day.month - 1][:3]} {day.day}, {day.year}"
    later = day + timedelta(days=rng.randint(3, 200))
    later = min(later, (NOW - timedelta(days=1)).date())
    later_en = f"{MONTHS['en'][later.month - 1]} {later.day}, {later.year}"
    es_long = f"{day.day} de {MONTHS['es'][day.month - 1]} de {day.year}"
    above = meta = tail = ""
    if dconv == "saas_updated_reading":
        meta = (f'<div class="post-meta"><span>Updated: {en_abbr}</span> · '
                f"<span>{rng.randint(4, 14)} min read</span></div>")
    elif dconv == "saas_published_last_updated":
        meta = (f'<p class="blog-post__meta">Published {en_abbr} | '
                f"Last updated on {later_en}</p>")
    elif dconv == "wprm_published_modified":
        meta = (f'<div class="entry-meta"><span class="published">Published: {en_long}</span>'
                f' · <span class="modified">Modified: {later_en}</span></div>'
                '<a class="wprm-recipe-jump wprm-jump-to-recipe-shortcode" '
                'href="#recipe">Jump to Recipe</a>')
    elif dconv == "review_last_updated_tested":
        meta = f'<p class="updated-date">Last updated: {en_long}</p>'
    elif dconv == "podcast_episode_line":
        above = (f'<p class="episode-meta">Episode {rng.randint(12, 260)} · {en_abbr} · '
                 f"{rng.randint(25, 80)} min</p>")
    elif dconv == "wire_news_provided_by":
        meta = (f'<div class="release-meta"><p>NEWS PROVIDED BY</p><p><strong>'
                f"{escape(site)}</strong></p><p>{day:%b %d, %Y}, {stamp:%H:%M} ET</p></div>")
    elif dconv == "wire_business_est":
        meta = (f'<div class="bw-release-timestamp"><time>{day:%B %d, %Y} '
                f"{stamp:%I:%M %p} Eastern Standard Time</time></div>")
    elif dconv == "wire_globe_source":
        meta = (f'<p class="article-published-source">{day:%B %d, %Y} {stamp:%H:%M} ET '
                f"| Source: {escape(site)}</p>")
    elif dconv == "medium_follow_read":
        pass  # written in the author's line (make_page_m)
    elif dconv == "ngo_publication_date_pdf":
        tail = (f'<div class="report-facts"><p>Publication date: {day.day} '
                f"{MONTHS['en'][day.month - 1]} {day.year}</p><p><a href=\"/report.pdf\">"
                f"Download PDF ({rng.randint(1, 9)}.{rng.randint(0, 9)} MB)</a></p></div>")
    elif dconv == "es_publicado_weekday_hrs":
        meta = (f'<p class="fecha">Publicado el {WEEKDAYS["es"][day.weekday()]} {es_long} '
                f"a las {stamp:%H:%M} hrs.</p>")
    elif dconv == "es_slashed_dash_time":
        meta = f'<span class="fecha">{day:%d/%m/%Y} - {stamp:%H:%M}</span>'
    elif dconv == "es_hace_horas":
        hours = round((NOW - stamp).total_seconds() / 3600)
        meta = f'<span class="time-ago">Hace {hours} hora{"s" if hours > 1 else ""}</span>'
    elif dconv == "es_fecha_pub_actualizado":
        meta = (f'<p class="meta">Fecha de publicación: {day:%d/%m/%Y} | Actualizado el '
                f"{later:%d/%m/%Y} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}</p>")
    elif dconv == "es_capitalised_weekday":
        meta = (f'<p class="date">{WEEKDAYS["es"][day.weekday()].capitalize()}, {day.day} de '
                f"{MONTHS['es'][day.month - 1].capitalize()} de {day.year}</p>")
    elif dconv == "pt_atualizado_only":
        meta = f'<p class="data">Atualizado em {day:%d/%m/%Y} {stamp:%H}h{stamp:%M}</p>'
    elif dconv == "pt_g1_time_atualizado_ha":
        meta = (f'<p class="content-publication-data__updated"><time itemprop="datePublished">'
                f"{day:%d/%m/%Y} {stamp:%H}h{stamp:%M}</time> Atualizado há "
                f"{rng.randint(2, 9)} horas</p>")
    elif dconv == "pt_postado_em_slashed":
        meta = f'<p class="post-date">Postado em {day:%d/%m/%Y} às {stamp:%H:%M}</p>'
    else:
        raise ValueError(dconv)
    return above, meta, tail


def _m_author(aconv: str, lang: str, names: list[str], site: str, domain: str,
              rng: random.Random) -> tuple[str, str, list[str]]:
    """Family M's author conventions: (byline under the heading, a block after the body,
    the true authors)."""
    n = escape(names[0])
    other = person(lang, rng, set(names))
    o = escape(other)
    if aconv == "written_by_role_card":
        return "", (f'<div class="author-card"><img class="avatar" src="/a.jpg" alt="{n}">'
                    f'<p>Written by <a href="/author/{_slug(names[0])}">{n}</a>, '
                    f"{rng.choice(ROLE_M)}</p></div>"), names[:1]
    if aconv == "written_reviewed_by":
        return (f'<p class="byline">Written by <a href="/author/{_slug(names[0])}">{n}</a> · '
                f'Reviewed by <a href="/reviewer/{_slug(other)}">{o}</a></p>'), "", names[:1]
    if aconv == "by_fact_checked_by":
        return f'<p class="byline">By {n} | Fact checked by {o}</p>', "", names[:1]
    if aconv == "avatars_x_and_y":
        return (f'<div class="post-authors"><img src="/a1.jpg" alt="{n}"><img src="/a2.jpg" '
                f'alt="{o}"><span>{n} and {o}</span></div>'), "", [names[0], other]
    if aconv == "medium_name_follow":
        return "", "", names[:1]  # written with the date line (make_page_m)
    if aconv == "our_expert_tested":
        return (f'<p class="expert-note">Our expert {n} tested {rng.randint(6, 20)} models '
                "over three months.</p>"), "", names[:1]
    if aconv == "por_colon_corresponsal":
        return f'<p class="autor">Por: {n} | Corresponsal</p>', "", names[:1]
    if aconv == "por_redaccion_site":
        team = f"Redacción {site}"
        return f'<p class="autor">Por {escape(team)}</p>', "", [team]
    if aconv == "agencia_efe_only":
        agency = "Agencia EFE" if lang == "es" else "Agência Brasil"
        return f'<p class="autor">{agency}</p>', "", [agency]
    if aconv == "por_x_slash_y":
        return f'<p class="autor">Por {n} / {o}</p>', "", [names[0], other]
    if aconv == "pt_por_x_g1_city":
        city = rng.choice(("São Paulo", "Rio de Janeiro", "Brasília"))
        return f'<p class="content-publication-data__from">Por {n}, g1 {city}</p>', "", \
            names[:1]
    if aconv == "pt_por_x_e_y":
        return f'<p class="autor">Por {n} e {o}</p>', "", [names[0], other]
    raise ValueError(aconv)


def make_page_m(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many parts
    """A family M page: a company/SaaS/recipe/review/podcast/wire/NGO/Medium page in
    English, or a Latin-American news page (see the module docstring for the truth)."""
    lang = _m_lang(rng)
    dconv = rng.choice([c for c, langs in M_DATE_LANG.items() if lang in langs])
    aconv = rng.choice([c for c, langs in M_AUTHOR_LANG.items() if lang in langs])
    site, domain = rng.choice(SITES_M[lang])
    tld = domain.rsplit(".", 1)[-1]
    tz = timezone(timedelta(hours=ZONE_M[tld]))
    if dconv == "medium_follow_read":  # the date sits in the author's line
        aconv = "medium_name_follow"
    if dconv == "es_hace_horas":  # a fresh page: "Hace N horas" before the fetch
        stamp = NOW.astimezone(tz) - timedelta(hours=rng.randint(1, 2))
    else:
        stamp = datetime(2024, 1, 1, rng.randint(7, 19), rng.randint(0, 59), tzinfo=tz) \
            + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = headline(lang, rng)
    names = [person(lang, rng)]
    if dconv.startswith("wire_"):
        aconv = "wire_company_none"
        byline, after_body, authors = "", "", []
    else:
        byline, after_body, authors = _m_author(aconv, lang, names, site, domain, rng)
    above, meta, tail = _m_date(dconv, day, stamp, site, rng)
    if aconv == "medium_name_follow":
        shown = (f" · {MONTHS['en'][day.month - 1][:3]} {day.day}, {day.year}"
                 if dconv == "medium_follow_read" else "")
        byline = (f'<div class="pw-author"><a href="/@{_slug(names[0])}">'
                  f"{escape(names[0])}</a> · <button>Follow</button> · "
                  f"<span>{rng.randint(3, 12)} min read</span>{shown}</div>")
    conv = {"date": dconv, "author": aconv}

    # --- titles
    slug = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", title)
                               .encode("ascii", "ignore").decode().lower()))[:60]
    url = f"https://www.{domain}/{'blog' if lang == 'en' else 'noticias'}/{slug}-{i}"
    kicker = ""
    if dconv == "podcast_episode_line":
        tconv = "podcast_ep_number_title"
        doc_title = f"Ep. {rng.randint(12, 260)}: {title} - {site}"
    elif aconv == "medium_name_follow":
        tconv = "medium_title_by_name"
        doc_title = f"{title} | by {names[0]} | Medium"
    elif dconv == "wprm_published_modified":
        tconv = "recipe_seo_suffix"
        doc_title = f"{title} Recipe (Easy, 30 Minutes) - {site}"
    elif dconv.startswith("wire_"):
        tconv = "release_h1_h2_subhead"
        doc_title = f"{title}"
        kicker = f'<h2 class="subhead">{escape(headline(lang, rng))}</h2>'
    else:
        tconv = rng.choice(("title_site_pipe", "category_link_above_h1", "og_title_site_dash"))
        doc_title = f"{title} | {site}" if tconv != "og_title_site_dash" else \
            f"{title} - {site}"
        if tconv == "category_link_above_h1":
            cat = {"en": ("Marketing", "Sales", "Guides"), "es": ("Nacional", "Política"),
                   "pt": ("Cidades", "Política")}[lang]
            above = f'<a class="category" href="/c/">{rng.choice(cat)}</a>' + above
    conv["title"] = tconv
    og = (f'<meta property="og:title" content="{escape(title)} - {escape(site)}">'
          if conv["title"] == "og_title_site_dash" else "")

    jsonld = ""
    if lang == "en" and dconv not in ("saas_updated_reading", "review_last_updated_tested") \
            and rng.random() < 0.3:  # Yoast's graph on some blogs, with the true day
        jsonld = ('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "@id": url, "name": doc_title},
                {"@type": "Article", "headline": title, "datePublished":
                 stamp.isoformat(), "isPartOf": {"@id": url}}]}) + "</script>")
    paragraphs = _filler_paras(FILLER[lang], rng)
    related = ""
    if rng.random() < 0.6:  # related posts with their own days and writers
        rel_word = {"en": "Related posts", "es": "Te puede interesar", "pt": "Veja também"}
        items = "".join(
            f'<li><a href="/r/{i}-{k}">{escape(headline(lang, rng))}</a> '
            f'<span class="date">{_recent(rng, 30):%d/%m/%Y}</span> '
            f"<span>{escape(person(lang, rng, set(names)))}</span></li>" for k in range(3))
        related = f'<aside class="related"><h3>{rel_word[lang]}</h3><ul>{items}</ul></aside>'
    content = (f'<article class="post">{above}<h1 class="post-title">{escape(title)}</h1>'
               f'{kicker}{meta}{byline}<div class="post-body">{paragraphs}</div>{tail}'
               f"{after_body}</article>")
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{og}{jsonld}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="site-header"><a class="logo" href="/">{escape(site)}</a>'
        f'<nav><a href="/">Home</a> <a href="/about">About</a></nav></header>'
        f"<main>{content}{related}</main>"
        f'<footer class="site-footer"><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family N (round 12): the English-language press of South Asia, Africa, South-East
# Asia and Oceania, and long-form magazine templates -------------------------------------

SITES_N = {
    "in": [("The Deccan Ledger", "deccanledger.in"),
           ("Bharat Evening Post", "bharateveningpost.com")],
    "pk": [("The Indus Herald", "indusherald.com.pk")],
    "ng": [("The Lagos Standard", "lagosstandard.com.ng")],
    "ke": [("The Rift Valley Nation", "riftvalleynation.co.ke")],
    "za": [("The Highveld Times", "highveldtimes.co.za")],
    "ph": [("Visayas Daily Inquirer", "visayasinquirer.com.ph")],
    "sg": [("The Lion City Tribune", "lioncitytribune.com.sg")],
    "my": [("The Klang Valley Star", "klangvalleystar.com.my")],
    "au": [("Southern Cross Broadcasting", "southerncross.net.au"),
           ("The Harbour Morning Herald", "harbourherald.com.au")],
    "nz": [("Aotearoa Today", "aotearoatoday.co.nz")],
    "mag": [("The Longitude", "thelongitude.com"), ("The Meridian Review", "meridianreview.com")],
}
ZONE_N = {"in": (5.5, "IST"), "pk": (5, "PKT"), "ng": (1, "WAT"), "ke": (3, "EAT"),
          "za": (2, "SAST"), "ph": (8, "PHT"), "sg": (8, "SGT"), "my": (8, "MYT"),
          "au": (11, "AEDT"), "nz": (13, "NZDT"), "mag": (-5, "ET")}
N_DATE_REGION = {
    "in_updated_abbr_ist": ("in",), "in_last_updated_first_published": ("in",),
    "in_agency_pipe_updated_pm_ist": ("in",), "pk_published_span_title": ("pk",),
    "ng_posted_on_pipe_by": ("ng",), "ke_day_dash_ampm": ("ke",),
    "za_published_on_at_sast": ("za",), "ph_published_time_comma_date": ("ph",),
    "sg_updated_above_published_upper": ("sg",), "my_weekday_dd_mmm_myt": ("my",),
    "au_ago_hover_title": ("au",), "au_emdash_dotted_time": ("au",),
    "nz_time_comma_abbr_date": ("nz",), "mag_web_date_issue_line": ("mag",),
    "mag_print_edition_month": ("mag",), "mag_upper_abbr_time": ("mag",),
}
N_AUTHOR_REGION = {
    "by_descriptor_name": ("au", "nz", "sg", "my", "ph", "za"),
    "from_name_city": ("ng", "pk", "za"),
    "more_by_this_author": ("ke", "za", "ph", "my", "sg", "pk"),
    "news_service_credit": ("in",),
    "with_inputs_agencies": ("in", "pk", "ph"),
    "mag_byline_illustration": ("mag",), "mag_byline_photographs": ("mag",),
}
# date conventions that carry the author's line: the author convention goes with them
N_TIED_AUTHOR = {"in_agency_pipe_updated_pm_ist": "agency_full_pipe",
                 "ng_posted_on_pipe_by": "posted_on_pipe_by",
                 "nz_time_comma_abbr_date": "name_then_time"}
CITY_N = {"ng": ("Abuja", "Lagos", "Port Harcourt"), "pk": ("Karachi", "Lahore", "Islamabad"),
          "za": ("Johannesburg", "Durban", "Cape Town")}
DESCRIPTOR_N = ("political reporter", "national affairs correspondent",
                "Pacific affairs reporter", "senior business correspondent",
                "health reporter")
AGENCY_N = ("Press Trust of India", "Asian News International", "Indo-Asian News Service")
SERVICE_N = ("Express News Service", "TNN", "HT Correspondent")
RUBRIC_N = ("Annals of Technology", "Dispatch", "The Political Scene", "Letter from Lagos",
            "Ideas")
SECTION_N = ("India News", "World News", "Business News", "City News")


def _n_date(dconv: str, day: date, stamp: datetime, zone: str, credit: str,
            rng: random.Random) -> tuple[str, str, str, str]:  # noqa: C901
    """Family N's date conventions: (line above the heading, meta line under it, a line
    after the body, a head tag). `stamp` is the local publication instant; `credit` the
    author's line where the convention writes it."""
    mon = MONTHS["en"][day.month - 1]
    later_at = stamp + timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 9))
    later_at = min(later_at, NOW.astimezone(stamp.tzinfo) - timedelta(hours=1))
    above = meta = tail = head = ""
    if dconv == "in_updated_abbr_ist":
        meta = (f'<div class="byline-time">Updated: {mon[:3]} {day.day}, {day.year}, '
                f"{stamp:%H:%M} IST</div>")
    elif dconv == "in_last_updated_first_published":
        meta = (f'<div class="article-dates"><span>Last Updated : {later_at:%b %d %Y} | '
                f"{_ampm(later_at)} IST</span><span>First Published : {day:%b %d %Y} | "
                f"{_ampm(stamp)} IST</span></div>")
    elif dconv == "in_agency_pipe_updated_pm_ist":
        meta = (f'<div class="pst-by"><span class="pst-by_lnk">{escape(credit)}</span> | '
                f"<span>Updated: {mon} {day:%d}, {day.year} {_ampm(stamp).lower()} IST</span>"
                "</div>")
    elif dconv == "pk_published_span_title":
        meta = (f'<div class="timestamp"><span class="timestamp--label">Published</span> '
                f'<span class="timestamp--time" title="{stamp:%Y-%m-%d %H:%M:%S}+05:00">'
                f"{mon} {day.day}, {day.year}</span> <span class=\"timestamp--label\">"
                f"Updated</span> <span class=\"timestamp--time\" title=\""
                f'{later_at:%Y-%m-%d %H:%M:%S}+05:00">about {rng.randint(2, 9)} hours ago'
                "</span></div>")
    elif dconv == "ng_posted_on_pipe_by":
        meta = (f'<p class="post-meta">Posted on {mon} {day.day}, {day.year} | '
                f"By {escape(credit)}</p>")
    elif dconv == "ke_day_dash_ampm":
        meta = (f'<p class="article-date">{day.day} {mon} {day.year} - '
                f"{_ampm(stamp).replace(' ', '').lower()}</p>")
    elif dconv == "za_published_on_at_sast":
        head = ('<meta property="article:published_time" content="'
                f'{stamp.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">')
        meta = (f'<p class="publish-date">Published on {day.day} {mon[:3]} {day.year} at '
                f"{_ampm(stamp)} SAST</p>")
    elif dconv == "ph_published_time_comma_date":
        meta = (f'<p class="posted-on">Published {_ampm(stamp)}, {mon} {day:%d}, {day.year}'
                f"</p><p class=\"updated-on\">Updated {_ampm(later_at)}, "
                f"{later_at:%B %d, %Y}</p>")
    elif dconv == "sg_updated_above_published_upper":
        meta = (f'<div class="story-postdate"><p>UPDATED {later_at:%b} {later_at.day}, '
                f"{later_at.year}, {later_at:%I:%M %p}</p><p>PUBLISHED {mon[:3]} {day.day}, "
                f"{day.year}, {stamp:%I:%M %p}</p></div>")
    elif dconv == "my_weekday_dd_mmm_myt":
        meta = (f'<p class="date">{WEEKDAYS["en"][day.weekday()]}, {day:%d} {mon[:3]} '
                f"{day.year}</p><p class=\"timestamp\">{stamp:%I:%M %p} MYT</p>")
    elif dconv == "au_ago_hover_title":
        ago = round((NOW - stamp).total_seconds() / 3600)
        upd = rng.randint(1, max(1, ago - 1))
        meta = (f'<div class="timestamps"><time datetime="'
                f'{stamp.astimezone(UTC):%Y-%m-%dT%H:%M:%S}.000Z"'
                f' title="{WEEKDAYS["en"][day.weekday()]} {day.day} {mon} {day.year} at '
                f'{_ampm(stamp).replace(" ", "").lower()} AEDT">Posted {ago}h ago</time>'
                f'<time datetime="{(NOW - timedelta(hours=upd)):%Y-%m-%dT%H:%M:%S}.000Z">'
                f"Updated {upd}h ago</time></div>")
    elif dconv == "au_emdash_dotted_time":
        h = stamp.hour % 12 or 12
        meta = (f'<time class="date">{mon} {day.day}, {day.year} \u2014 '
                f"{h}.{stamp.minute:02d}{'am' if stamp.hour < 12 else 'pm'}</time>")
    elif dconv == "nz_time_comma_abbr_date":
        meta = (f'<p class="sics-component__byline">{escape(credit)}<span class="date">'
                f"{stamp:%H:%M}, {mon[:3]} {day:%d} {day.year}</span></p>")
    elif dconv == "mag_web_date_issue_line":
        issue = day + timedelta(days=rng.randint(7, 14))
        meta = f'<p class="pub-date"><time>{mon} {day.day}, {day.year}</time></p>'
        tail = (f'<p class="print-issue">Published in the print edition of the <a href="/mag">'
                f"{issue:%B} {issue.day}, {issue.year}, issue</a>.</p>")
        above = (f'<p class="issue-link"><a href="/mag">The {issue:%B} {issue.day}, '
                 f"{issue.year} Issue</a></p>")
    elif dconv == "mag_print_edition_month":
        nxt = (day.replace(day=1) + timedelta(days=40)).replace(day=1)
        hour = f"{stamp.hour % 12 or 12} {'AM' if stamp.hour < 12 else 'PM'}"
        meta = f'<time class="article-date">{mon} {day.day}, {day.year}, {hour} ET</time>'
        tail = (f'<p class="print-note">This article appears in the {nxt:%B %Y} print edition '
                "with the headline “The Long Way Round.”</p>")
    elif dconv == "mag_upper_abbr_time":
        meta = (f'<time class="timestamp">{mon[:3].upper()} {day.day}, {day.year} '
                f"{_ampm(stamp)}</time>")
    else:
        raise ValueError(dconv)
    return above, meta, tail, head


def _n_author(aconv: str, region: str, name: str, other: str, site: str,
              rng: random.Random) -> tuple[str, str, list[str]]:
    """Family N's author conventions: (byline under the heading, a line after the body,
    the true authors)."""
    n, o = escape(name), escape(other)
    if aconv == "by_descriptor_name":
        return (f'<p class="byline">By {rng.choice(DESCRIPTOR_N)} <a href="/news/{_slug(name)}">'
                f"{n}</a></p>"), "", [name]
    if aconv == "from_name_city":
        return (f'<p class="byline">From {n}, {rng.choice(CITY_N[region])}</p>'), "", [name]
    if aconv == "more_by_this_author":
        return (f'<div class="author"><p>By <strong>{n}</strong></p><p><a href="/author/'
                f'{_slug(name)}">More by this Author</a></p></div>'), "", [name]
    if aconv == "news_service_credit":
        credit = rng.choice(SERVICE_N)
        return f'<p class="byline">{credit}</p>', "", [credit]
    if aconv == "with_inputs_agencies":
        return (f'<p class="byline"><a href="/author/{_slug(name)}">{n}</a></p>',
                f"<p><em>(With inputs from {rng.choice(('agencies', 'PTI', 'Reuters'))})</em></p>",
                [name])
    if aconv == "mag_byline_illustration":
        return (f'<p class="byline">By <a href="/contributors/{_slug(name)}">{n}</a></p>'
                f'<figure><img src="/art.jpg" alt=""><figcaption>Illustration by {o}'
                "</figcaption></figure>"), "", [name]
    if aconv == "mag_byline_photographs":
        return (f'<p class="byline">By <a href="/contributors/{_slug(name)}">{n}</a></p>'
                f'<p class="credit">Photographs by {o} for {escape(site)}</p>'), "", [name]
    raise ValueError(aconv)


def make_page_n(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many parts
    """A family N page: a news page of India, Pakistan, Nigeria, Kenya, South Africa, the
    Philippines, Singapore, Malaysia, Australia or New Zealand, or a long-form magazine
    page (see the module docstring for the truth)."""
    region = rng.choice(("in", "in", "pk", "ng", "ke", "za", "ph", "sg", "my", "au", "au",
                         "nz", "mag", "mag", "mag"))
    dconv = rng.choice([c for c, r in N_DATE_REGION.items() if region in r])
    site, domain = rng.choice(SITES_N[region])
    hours, _zone = ZONE_N[region]
    tz = timezone(timedelta(hours=hours))
    if dconv == "au_ago_hover_title":  # a fresh page: "Posted 7h ago"
        stamp = (NOW - timedelta(hours=rng.randint(3, 20), minutes=rng.randint(0, 59))
                 ).astimezone(tz).replace(second=0, microsecond=0)
    else:
        stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = headline("en", rng)
    name = person("en", rng)
    other = person("en", rng, {name})
    if dconv in N_TIED_AUTHOR:
        aconv = N_TIED_AUTHOR[dconv]
        if aconv == "agency_full_pipe":
            credit = rng.choice(AGENCY_N)
            byline, after_body, authors = "", "", [credit]
        else:
            credit = name
            byline, after_body, authors = "", "", [name]
    else:
        aconv = rng.choice([c for c, r in N_AUTHOR_REGION.items() if region in r])
        credit = ""
        byline, after_body, authors = _n_author(aconv, region, name, other, site, rng)
    above, meta, tail, head = _n_date(dconv, day, stamp, _zone, credit, rng)
    conv = {"date": dconv, "author": aconv}

    # --- titles
    slug = _title_slug(title)
    url = f"https://www.{domain}/{'magazine' if region == 'mag' else 'news'}/{slug}-{i}"
    dek = ""
    if region == "mag":
        tconv = rng.choice(("mag_rubric_above_h1", "mag_seo_title_differs"))
        dek = f'<p class="dek">{escape(headline("en", rng))}, and what it cost.</p>'
        if tconv == "mag_rubric_above_h1":
            doc_title = f"{title} | {site}"
            above = f'<p class="rubric"><a href="/r/">{rng.choice(RUBRIC_N)}</a></p>' + above
            og = f'<meta property="og:title" content="{escape(title)}">'
        else:
            seo = f"How {headline('en', rng)}"
            doc_title = f"{seo} | {site}"
            og = f'<meta property="og:title" content="{escape(seo)}">'
    else:
        tconv = rng.choice(("title_section_news_dash_site", "og_site_colon_headline"))
        if tconv == "title_section_news_dash_site":
            doc_title = f"{title} | {rng.choice(SECTION_N)} - {site}"
            og = f'<meta property="og:title" content="{escape(doc_title)}">'
        else:
            doc_title = f"{title} | {site}"
            og = f'<meta property="og:title" content="{escape(site)}: {escape(title)}">'
    conv["title"] = tconv

    paragraphs = _filler_paras(FILLER["en"], rng)
    trending = ""
    if rng.random() < 0.5:  # a trending rail with the fetch day's stories and their times
        items = "".join(
            f'<li><a href="/t/{i}-{k}">{escape(headline("en", rng))}</a> '
            f"<span>{rng.randint(1, 11)}h ago</span></li>" for k in range(3))
        trending = f'<aside class="trending"><h3>Trending</h3><ol>{items}</ol></aside>'
    word = "More from the magazine" if region == "mag" else "Also read"
    related = _related(rng, i, word, lambda: headline("en", rng), "%b %d, %Y",
                       lambda: person("en", rng, {name, other}))
    content = (f'<article class="story">{above}<h1 class="headline">{escape(title)}</h1>'
               f"{dek}{byline}{meta}<div class=\"story-body\">{paragraphs}{after_body}</div>"
               f"{tail}</article>")
    html = _masthead_page("en", doc_title, og + head, url, _logo(site) + NAV_HOME_NEWS,
                          content + related, site, rail=trending, rights=". All rights reserved.")
    return Page(html, url, "en", day, authors, title, conv, [])


SITES_O = {
    "uk": [("Britannia Broadcasting", "britanniabroadcasting.co.uk")],
    "ie": [("Raidió Éireann News", "raidioeireann.ie")],
    "pub": [("Public Radio Network", "publicradio.org"), ("Civic Television", "civictv.org")],
    "de": [("Rundfunk Mitte", "rundfunk-mitte.de"), ("Alpen Rundfunk", "alpenrundfunk.at")],
    "fr": [("Radio Monde Internationale", "radiomonde.fr")],
    "sports": [("Scoreline Sports", "scoreline.com")],
    "tech": [("Circuit Review", "circuitreview.com")],
    "ent": [("Stargaze", "stargaze.com")],
    "tv": [("KQRT 7 News", "kqrt.com"), ("WBNF Channel 4", "wbnf4.com")],
    "fact": [("TruthMeter", "truthmeter.org")],
}
ZONE_O = {"uk": 0, "ie": 0, "pub": -5, "de": 1, "fr": 1, "sports": -5, "tech": -5, "ent": -8,
          "tv": -6, "fact": -5}
LANG_O = {"de": "de", "fr": "fr"}
O_DATE_REGION = {
    "uk_published_time_z": ("uk",), "ie_updated_slash_weekday": ("ie",),
    "pub_section_then_date": ("pub",), "de_sendung_vom_verfuegbar": ("de",),
    "de_day_month_dotted_uhr": ("de",), "fr_publie_slash_dash_modifie": ("fr",),
    "sports_et_comma_ampm": ("sports",), "tech_weekday_abbr_read_time": ("tech",),
    "ent_slash_mdy_pt": ("ent",), "tv_posted_slash_updated": ("tv",),
    "fact_stated_on_claim": ("fact",),
}
O_AUTHOR_REGION = {
    "by_name_org_place": ("uk", "ie", "pub"), "name_reports_from": ("uk", "pub", "ie"),
    "von_name_studio": ("de",), "par_name_envoye_special": ("fr",),
    "card_name_role_no_by": ("sports", "tech", "ent"), "site_staff": ("ent", "sports"),
    "by_colon_lower": ("tv",), "callsign_staff": ("tv",), "fact_check_by": ("fact",),
}
O_TITLE_REGION = {
    "title_program_site": ("uk", "ie", "pub", "de", "fr"), "title_callsign_prefix": ("tv",),
    "og_verdict_prefix": ("fact",), "title_score_recap": ("sports",),
    "h1_header_outside_article": ("tech", "ent", "sports"),
}
CITY_O = ("Berlin", "Kyiv", "Brussels", "Washington", "Nairobi", "Tokyo")
CITY_FR_O = ("Kiev", "Bruxelles", "Dakar", "Beyrouth")
STUDIO_O = ("ARD-Hauptstadtstudio", "SWR-Studio Brüssel", "ORF-Korrespondentenbüro Wien")
PROGRAM_O = {"en": ("Morning Edition", "Newsnight", "The World Tonight"),
             "de": ("Tagesthemen", "Mittagsjournal"), "fr": ("Journal de 12h", "Afrique midi")}
CARD_ROLE_O = ("NFL Insider", "Senior Writer", "Deputy Reviews Editor", "Staff Writer")
TEAMS_O = ("Hawks", "Rovers", "Comets", "Mariners", "Bisons", "Falcons")
VERDICT_O = ("FALSE", "Mostly False", "Misleading", "TRUE")
MONTHS_FR_O = MONTHS["fr"]


def _o_date(dconv: str, lang: str, day: date, stamp: datetime, site: str, section: str,
            rng: random.Random) -> tuple[str, str, str]:  # noqa: C901
    """Family O's date conventions: (meta line under the heading, a block before the
    article, a head tag). `stamp` is the local publication instant."""
    mon = MONTHS["en"][day.month - 1]
    later = stamp + timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 9))
    meta = before = head = ""
    if dconv == "uk_published_time_z":
        meta = (f'<div class="byline-block"><span class="visually-hidden">Published</span>'
                f'<time datetime="{stamp.astimezone(UTC):%Y-%m-%dT%H:%M:%S}.000Z">'
                f"{day.day} {mon} {day.year}</time></div>")
    elif dconv == "ie_updated_slash_weekday":
        meta = (f'<p class="date">Updated / {WEEKDAYS["en"][day.weekday()]}, {day.day} '
                f"{mon[:3]} {day.year} {stamp:%H:%M}</p>")
    elif dconv == "pub_section_then_date":
        meta = (f'<p class="post__meta"><a href="/politics">{section}</a> {mon[:3]} {day.day}, '
                f"{day.year} {_ampm(stamp)} EST</p>")
    elif dconv == "de_sendung_vom_verfuegbar":
        until = day + timedelta(days=rng.choice((180, 365, 730)))
        meta = (f'<p class="sendung">Sendung vom {day:%d.%m.%Y}, {stamp:%H:%M} Uhr</p>'
                f'<p class="verfuegbar">Video verfügbar bis {until:%d.%m.%Y}</p>')
    elif dconv == "de_day_month_dotted_uhr":
        meta = (f'<p class="date">{day.day}. {MONTHS["de"][day.month - 1]} {day.year}, '
                f"{stamp.hour}.{stamp.minute:02d} Uhr</p>")
    elif dconv == "fr_publie_slash_dash_modifie":
        meta = (f'<p class="date">Publié le : {day:%d/%m/%Y} - {stamp:%H:%M}<br>'
                f"Modifié le : {later:%d/%m/%Y} - {later:%H:%M}</p>")
    elif dconv == "sports_et_comma_ampm":
        meta = (f'<span class="timestamp">{mon[:3]} {day.day}, {day.year}, {stamp:%I:%M %p} ET'
                "</span>")
        played = day - timedelta(days=rng.randint(1, 4))
        nxt = day + timedelta(days=rng.randint(2, 8))
        a, b = rng.sample(TEAMS_O, 2)
        before = (f'<div class="scoreboard"><div class="game"><span class="status">FINAL</span> '
                  f"{a} {rng.randint(0, 5)} \u2013 {b} {rng.randint(0, 5)} <span class=\"gdate\">"
                  f"{played:%a}, {played:%b} {played.day}</span></div><div class=\"game\">"
                  f"Next: {b} vs. {a} <span>{nxt:%m/%d/%Y} 7:30 PM</span></div></div>")
    elif dconv == "tech_weekday_abbr_read_time":
        meta = (f'<p class="meta">{day:%a}, {mon[:3]} {day.day}, {day.year}, {_ampm(stamp)} EST'
                f" \u00b7 {rng.randint(2, 9)} min read</p>")
    elif dconv == "ent_slash_mdy_pt":
        meta = f'<p class="article-date">{day.month}/{day.day}/{day.year} {_ampm(stamp)} PT</p>'
    elif dconv == "tv_posted_slash_updated":
        meta = (f'<p class="article-meta">Posted: {mon[:3]} {day.day}, {day.year} / '
                f"{stamp:%I:%M %p} CST<br>Updated: {later:%b} {later.day}, {later.year} / "
                f"{later:%I:%M %p} CST</p>")
    elif dconv == "fact_stated_on_claim":
        claim = day - timedelta(days=rng.randint(3, 40))
        before = (f'<div class="statement"><p class="statement__source">A viral post</p>'
                  f'<p class="statement__meta">stated on {claim:%B} {claim.day}, {claim.year} '
                  "in a Facebook post</p></div>")
        meta = f'<p class="date">{mon} {day.day}, {day.year}</p>'
        head = ('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "datePublished": day.isoformat(),
            "author": {"@type": "Organization", "name": site},
            "itemReviewed": {"@type": "Claim", "datePublished": claim.isoformat(),
                             "author": {"@type": "Organization", "name": "A viral post"}},
            "reviewRating": {"@type": "Rating", "alternateName": rng.choice(VERDICT_O)},
        }) + "</script>")
    else:
        raise ValueError(dconv)
    return meta, before, head


def _o_author(aconv: str, name: str, site: str, domain: str,
              rng: random.Random) -> tuple[str, list[str]]:
    """Family O's author conventions: (byline under the heading, the true authors)."""
    n = escape(name)
    if aconv == "by_name_org_place":
        return f'<p class="byline">By {n}, {escape(site)} News, {rng.choice(CITY_O)}</p>', [name]
    if aconv == "name_reports_from":
        return f'<p class="byline">{n} reports from {rng.choice(CITY_O)}</p>', [name]
    if aconv == "von_name_studio":
        return f'<p class="autor">Von {n}, {rng.choice(STUDIO_O)}</p>', [name]
    if aconv == "par_name_envoye_special":
        return (f'<p class="byline">Par {n}, envoyé spécial à {rng.choice(CITY_FR_O)}</p>',
                [name])
    if aconv == "card_name_role_no_by":
        return (f'<div class="author-card"><img src="/img/{_slug(name)}.jpg" alt="{n}">'
                f'<a class="author-name" href="/author/{_slug(name)}">{n}</a>'
                f'<span class="author-title">{rng.choice(CARD_ROLE_O)}</span></div>'), [name]
    if aconv == "site_staff":
        credit = f"{site.split()[0]} Staff"
        return f'<p class="byline">By {escape(credit)}</p>', [credit]
    if aconv == "by_colon_lower":
        return f'<p class="article-byline">by: <a href="/author/{_slug(name)}">{n}</a></p>', [name]
    if aconv == "callsign_staff":
        credit = f"{domain[:4].upper()} Staff"
        return f'<p class="article-byline">by: {credit}</p>', [credit]
    if aconv == "fact_check_by":
        return (f'<p class="byline">Fact check by <a href="/staff/{_slug(name)}">{n}</a></p>',
                [name])
    raise ValueError(aconv)


def make_page_o(rng: random.Random, i: int) -> Page:  # noqa: C901 -- one page, many parts
    """A family O page: a public broadcaster's, a sports, tech or entertainment site's, a
    US local TV station's or a fact-checker's (see the module docstring for the truth)."""
    region = rng.choice(("uk", "ie", "pub", "pub", "de", "de", "fr", "sports", "sports",
                         "tech", "ent", "tv", "tv", "fact", "fact"))
    lang = LANG_O.get(region, "en")
    dconv = rng.choice([c for c, r in O_DATE_REGION.items() if region in r])
    aconv = rng.choice([c for c, r in O_AUTHOR_REGION.items() if region in r])
    tconv = rng.choice([c for c, r in O_TITLE_REGION.items() if region in r])
    site, domain = rng.choice(SITES_O[region])
    tz = timezone(timedelta(hours=ZONE_O[region]))
    stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = headline(lang, rng)
    name = person(lang, rng)
    section = SECTION.get(lang, SECTION["en"])
    meta, before, head = _o_date(dconv, lang, day, stamp, site, section, rng)
    byline, authors = _o_author(aconv, name, site, domain, rng)
    if dconv == "de_sendung_vom_verfuegbar" or rng.random() < 0.3:
        if region in ("uk", "pub", "de", "fr", "ie"):  # the programme's presenter: no author
            word = {"de": "Moderation:", "fr": "Présentation :"}.get(lang, "Presented by")
            before += (f'<div class="programme"><p>{rng.choice(PROGRAM_O[lang])}</p><p>{word} '
                       f"{escape(person(lang, rng, {name}))}</p></div>")

    # --- titles
    slug = _title_slug(title)
    url = f"https://www.{domain}/news/{slug}-{i}"
    og = ""
    h1 = f'<h1 class="headline">{escape(title)}</h1>'
    header = ""
    if tconv == "title_program_site":
        doc_title = f"{title} - {rng.choice(PROGRAM_O[lang])} - {site}"
    elif tconv == "title_callsign_prefix":
        doc_title = f"{domain[:4].upper()} | {title}"
        og = f'<meta property="og:title" content="{escape(title)} | {escape(site)}">'
    elif tconv == "og_verdict_prefix":
        doc_title = f"Fact Check: {title} | {site}"
        og = f'<meta property="og:title" content="{rng.choice(VERDICT_O)}: {escape(title)}">'
    elif tconv == "title_score_recap":
        a, b = rng.sample(TEAMS_O, 2)
        doc_title = (f"{a} {rng.randint(0, 5)}-{rng.randint(0, 5)} {b} ({day:%b} {day.day}, "
                     f"{day.year}) Game Recap - {site}")
        og = f'<meta property="og:title" content="{escape(doc_title)}">'
    else:  # h1_header_outside_article
        doc_title = f"{title} - {site}"
        header, h1 = (f'<header class="article-header"><a class="kicker" href="/s">'
                      f"{escape(section)}</a>{h1}</header>"), ""
        byline = f'<h2 class="subhead">{escape(headline(lang, rng))}</h2>' + byline

    paragraphs = _filler_paras(FILLER[lang], rng)
    latest = ""
    if rng.random() < 0.5:  # a "Latest" rail of the fetch day's stories
        items = "".join(
            f'<li><a href="/l/{i}-{k}">{escape(headline(lang, rng))}</a> <time datetime="'
            f'{(NOW - timedelta(hours=k + 1)):%Y-%m-%dT%H:%M:%SZ}">{k + 1} hour'
            f'{"s" if k else ""} ago</time></li>'
            for k in range(3))
        latest = (f'<aside class="latest"><h3>{LATEST.get(lang, "Latest")}</h3><ol>{items}'
                  "</ol></aside>")
    related = _related(rng, i, RELATED[lang], lambda: headline(lang, rng), "%d.%m.%Y",
                       lambda: person(lang, rng, {name}))
    content = (f"{header}{before}<article class=\"story\">{h1}{byline}{meta}"
               f'<div class="story-body">{paragraphs}</div></article>')
    html = _masthead_page(lang, doc_title, og + head, url, _logo(site) + NAV_HOME_NEWS,
                          content + related, site, rail=latest, rights=". All rights reserved.")
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# Family P (round 14, session 57): the press of the Nordic countries, Central and Eastern
# Europe, Turkey and Greece, in their own languages. Built by make_page_p; truth
# decisions in the module docstring.
SITES_P = {
    "fi": ("Helsingin Päivä", "helsinginpaiva.fi"), "sv": ("Göteborgs Kuriren", "gbgkuriren.se"),
    "nb": ("Vestlandsposten", "vestlandsposten.no"), "cs": ("Pražský deník", "prazskydenik.cz"),
    "hu": ("Pesti Hírlap", "pestihirlap.hu"), "tr": ("Ankara Gündem", "ankaragundem.com.tr"),
    "el": ("Αθηναϊκά Νέα", "athinaikanea.gr"), "ru": ("Северная газета", "severgazeta.ru"),
}
ZONE_P = {"fi": 2, "sv": 1, "nb": 1, "cs": 1, "hu": 1, "tr": 3, "el": 2, "ru": 3}
MONTHS_P = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november "
          "december",
    "cs": "ledna února března dubna května června července srpna září října listopadu "
          "prosince",
    "hu": "január február március április május június július augusztus szeptember "
          "október november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября "
          "декабря",
}
MONTHS_P = {k: v.split() for k, v in MONTHS_P.items()}
WEEKDAYS_TR = "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar".split()
FIRST_P = {
    "fi": "Aino Mikko Sanna Jussi Päivi Ville Riikka Tuomas", "sv": "Åsa Johan Karin Björn "
    "Ingrid Måns Elin Pär", "nb": "Ingrid Øyvind Kari Håkon Solveig Bjørn Marte Ståle",
    "cs": "Petr Jiří Tomáš Ondřej Martin Pavel Jan Lukáš", "hu": "Kovács Nagy Szabó Tóth "
    "Horváth Varga Kiss Molnár", "tr": "Ayşe Mehmet Zeynep Emre Elif Burak Gül Çağlar",
    "el": "Γιώργος Μαρία Νίκος Ελένη Κώστας Δήμητρα Γιάννης Σοφία",
    "ru": "Анна Сергей Мария Дмитрий Ольга Алексей Елена Павел",
}
LAST_P = {
    "fi": "Virtanen Mäkinen Järvinen Heikkilä Lehtonen Nieminen Hämäläinen Koskinen",
    "sv": "Lindqvist Åberg Söderström Nyström Sjöberg Ekdahl Håkansson Berglund",
    "nb": "Haugen Sæther Bråten Løvås Strøm Aasheim Dahl Kvamme",
    "cs": "Novák Dvořák Černý Procházka Kučera Veselý Horák Němec",
    "hu": "Anna Péter Katalin Gábor Zsófia László Eszter Bence",  # Hungarian: surname first
    "tr": "Yılmaz Kaya Demir Şahin Çelik Aydın Öztürk Arslan",
    "el": "Παπαδόπουλος Οικονόμου Γεωργίου Δημητρίου Νικολάου Καραγιάννης Βλάχος Αντωνίου",
    "ru": "Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков",
}
FIRST_P = {k: v.split() for k, v in FIRST_P.items()}
LAST_P = {k: v.split() for k, v in LAST_P.items()}
# the genitive a Greek byline writes after "Του"/"Της": the truth is the name as written
GENITIVE_EL = {"Γιώργος": "Γιώργου", "Νίκος": "Νίκου", "Κώστας": "Κώστα", "Γιάννης": "Γιάννη",
               "Μαρία": "Μαρίας", "Ελένη": "Ελένης", "Δήμητρα": "Δήμητρας", "Σοφία": "Σοφίας"}
FEMININE_EL = {"Μαρία", "Ελένη", "Δήμητρα", "Σοφία"}
HEADLINE_P = {
    "fi": ("Kaupunginvaltuusto hyväksyi uuden raitiotien rakentamisen",
           "Sairaanhoitopiiri lykkää päivystyksen uudistusta"),
    "sv": ("Kommunfullmäktige godkänner den nya spårvägen",
           "Regionen skjuter upp reformen av akutsjukvården"),
    "nb": ("Bystyret vedtok den nye bybanen", "Helseforetaket utsetter reformen av legevakten"),
    "cs": ("Zastupitelstvo schválilo stavbu nové tramvajové trati",
           "Nemocnice odkládá reformu pohotovosti"),
    "hu": ("A közgyűlés jóváhagyta az új villamosvonal építését",
           "A kórház elhalasztja az ügyelet reformját"),
    "tr": ("Belediye meclisi yeni tramvay hattını onayladı",
           "Hastane acil servis reformunu erteledi"),
    "el": ("Το δημοτικό συμβούλιο ενέκρινε τη νέα γραμμή τραμ",
           "Το νοσοκομείο αναβάλλει τη μεταρρύθμιση των επειγόντων"),
    "ru": ("Городская дума одобрила строительство новой трамвайной линии",
           "Больница откладывает реформу приёмного отделения"),
}
# a story paragraph with the language's "and" between two people, neither an author
FILLER_P = {
    "fi": "Päätös syntyi pitkän keskustelun jälkeen, ja asukkaat sekä yrittäjät odottavat nyt "
          "tarkempia lukuja kustannuksista ja aikataulusta.",
    "sv": "Beslutet kom efter månader av debatt, och både invånare och företagare väntar nu "
          "på tydligare siffror om kostnaderna och tidsplanen.",
    "nb": "Vedtaket kom etter måneder med debatt, og både innbyggere og næringsliv venter nå "
          "på klarere tall for kostnadene og framdriften.",
    "cs": "Rozhodnutí padlo po měsících debat a obyvatelé i podnikatelé nyní čekají na "
          "přesnější čísla o nákladech a harmonogramu.",
    "hu": "A döntés hónapokig tartó vita után született, és a lakók és a vállalkozók most "
          "pontosabb számokat várnak a költségekről és az ütemezésről.",
    "tr": "Karar aylarca süren tartışmaların ardından çıktı ve sakinler ve esnaf şimdi "
          "maliyetler ve takvim hakkında daha net rakamlar bekliyor.",
    "el": "Η απόφαση ήρθε μετά από μήνες συζητήσεων και οι κάτοικοι και οι επιχειρηματίες "
          "περιμένουν τώρα σαφέστερα στοιχεία για το κόστος και το χρονοδιάγραμμα.",
    "ru": "Решение было принято после нескольких месяцев споров, и жители и предприниматели "
          "теперь ждут более точных цифр о стоимости и сроках.",
}
AND_P = {"fi": "ja", "sv": "och", "nb": "og", "cs": "a", "hu": "és", "tr": "ve", "el": "και",
         "ru": "и"}
PHOTO_P = {"fi": "Kuva:", "sv": "Foto:", "nb": "Foto:", "cs": "Foto:", "hu": "Fotó:",
           "tr": "Fotoğraf:", "el": "Φωτογραφία:", "ru": "Фото:"}
AGENCY_P = {"fi": "STT", "sv": "TT", "nb": "NTB", "cs": "ČTK", "hu": "MTI", "tr": "AA",
            "el": "ΑΠΕ-ΜΠΕ", "ru": "ТАСС"}
AGO_P = {"fi": "{} tuntia sitten", "sv": "för {} timmar sedan", "nb": "for {} timer siden",
         "cs": "před {} hodinami", "hu": "{} órája", "tr": "{} saat önce",
         "el": "πριν από {} ώρες", "ru": "{} часа назад"}
UPDATED_P = {"fi": "Päivitetty", "sv": "Uppdaterad", "nb": "Oppdatert", "cs": "Aktualizováno",
             "hu": "Frissítve:", "tr": "Güncelleme:", "el": "Ενημερώθηκε:", "ru": "Обновлено"}
SECTION_P = {"fi": "Kotimaa", "sv": "Nyheter", "nb": "Nyheter", "cs": "Domácí", "hu": "Belföld",
             "tr": "Gündem", "el": "Ελλάδα", "ru": "Общество"}
RELATED_P = {"fi": "Lue myös", "sv": "Läs också", "nb": "Les også", "cs": "Mohlo by vás zajímat",
             "hu": "Kapcsolódó", "tr": "İlgili Haberler", "el": "Διαβάστε ακόμα",
             "ru": "Читайте также"}
P_DATE_LANG = {
    "fi_julkaistu_klo_paivitetty": ("fi",), "sv_publicerad_kl_uppdaterad": ("sv",),
    "nb_publisert_oppdatert_dotted": ("nb",), "cs_publikovano_genitive": ("cs",),
    "hu_year_first_frissitve": ("hu",), "tr_month_weekday_time": ("tr",),
    "el_dotted_bullet_time": ("el",), "ru_genitive_comma_time": ("ru",),
    "relative_ago_machine_stamp": tuple(SITES_P),
    "jsonld_only_visible_updated": tuple(SITES_P),
}
P_AUTHOR_LANG = {
    "fi_kirjoittaja_kuva": ("fi",), "name_comma_agency": ("fi", "sv", "nb"),
    "sv_av_two_och": ("sv",), "nb_tekst_og_foto": ("nb",), "nb_av_two_og": ("nb",),
    "cs_autor_two_a_foto": ("cs",), "name_pipe_agency": ("cs", "tr"),
    "hu_szerzo_surname_first": ("hu",), "name_paren_agency": ("hu", "el"),
    "tr_muhabir_yazar": ("tr",), "el_genitive_tou_tis": ("el",), "ru_avtor_foto": ("ru",),
    "two_names_local_and": tuple(SITES_P),
}
P_TITLE_LANG = {"title_section_site": tuple(SITES_P), "og_site_prefix": tuple(SITES_P),
                "title_live_prefix": tuple(SITES_P)}
LIVE_P = {"fi": "SUORA", "sv": "JUST NU", "nb": "DIREKTE", "cs": "ŽIVĚ", "hu": "ÉLŐ",
          "tr": "SON DAKİKA", "el": "LIVE", "ru": "ОНЛАЙН"}


def _p_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        first, last = rng.choice(FIRST_P[lang]), rng.choice(LAST_P[lang])
        if lang == "cs" and rng.random() < 0.5 and not last.endswith("ec"):
            # a woman's surname: Nováková, Černá
            last = last[:-1] + "á" if last.endswith("ý") else (
                last[:-1] + "ová" if last[-1] in "aeiou" else last + "ová")
            first = rng.choice(("Jana", "Tereza", "Lucie", "Kateřina"))
        if lang == "cs" and last.endswith("ec"):  # Němec: Němcová
            last = last[:-2] + "cová" if first in ("Jana", "Tereza", "Lucie", "Kateřina") \
                else last
        if lang == "ru" and first in ("Анна", "Мария", "Ольга", "Елена"):  # Иванова
            last += "а"
        if lang == "el" and first in FEMININE_EL:  # Παπαδοπούλου: a woman's surname
            last = {"Παπαδόπουλος": "Παπαδοπούλου", "Καραγιάννης": "Καραγιάννη",
                    "Βλάχος": "Βλάχου"}.get(last, last)
        name = f"{first} {last}"
        if not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _p_genitive(name: str) -> str:
    """A Greek byline's "Του X"/"Της X": the name in the genitive (surnames in -ος take
    -ου, in -ης/-ας drop the -ς)."""
    first, last = name.split()
    if last.endswith("ος"):
        last = last[:-2] + "ου"
    elif last.endswith(("ης", "ας")):
        last = last[:-1]
    return f"{'Της' if first in FEMININE_EL else 'Του'} {GENITIVE_EL[first]} {last}"


def _p_visible(lang: str, day: date, stamp: datetime) -> str:
    """The day and time as the language's press writes them."""
    m = MONTHS_P.get(lang, [""] * 12)[day.month - 1]
    return {"fi": f"{day.day}.{day.month}.{day.year} klo {stamp.hour}.{stamp.minute:02d}",
            "sv": f"{day.day} {m} {day.year} kl. {stamp:%H.%M}",
            "nb": f"{day:%d.%m.%Y} {stamp:%H:%M}",
            "cs": f"{day.day}. {m} {day.year} {stamp:%H:%M}",
            "hu": f"{day.year}. {m} {day.day}. {stamp:%H:%M}",
            "tr": f"{day.day} {m} {day.year} {WEEKDAYS_TR[day.weekday()]} {stamp:%H:%M}",
            "el": f"{day:%d.%m.%Y} \u2022 {stamp:%H:%M}",
            "ru": f"{day.day} {m} {day.year}, {stamp:%H:%M}"}[lang]


def _p_date(dconv: str, lang: str, day: date, stamp: datetime,
            rng: random.Random) -> tuple[str, str]:  # noqa: C901
    """Family P's date conventions: (meta line under the heading, a head tag). `stamp` is
    the local publication instant."""
    later = stamp + timedelta(days=rng.randint(1, 5), hours=rng.randint(1, 9))
    shown, upd = _p_visible(lang, day, stamp), _p_visible(lang, later.date(), later)
    if dconv == "fi_julkaistu_klo_paivitetty":
        return f'<p class="date">Julkaistu {shown} | Päivitetty {upd}</p>', ""
    if dconv == "sv_publicerad_kl_uppdaterad":
        return (f'<p class="published">Publicerad {shown}</p><p class="updated">Uppdaterad '
                f"{upd}</p>"), ""
    if dconv == "nb_publisert_oppdatert_dotted":
        return f'<div class="dates">Publisert {shown} Oppdatert {upd}</div>', ""
    if dconv == "cs_publikovano_genitive":
        return f'<span class="date">Publikováno {shown}</span>', ""
    if dconv == "hu_year_first_frissitve":
        return (f'<div class="dates"><span>Létrehozva: {shown}</span> <span>Frissítve: {upd}'
                "</span></div>"), ""
    if dconv in ("tr_month_weekday_time", "el_dotted_bullet_time", "ru_genitive_comma_time"):
        return f'<div class="article-date">{shown}</div>', ""
    if dconv == "relative_ago_machine_stamp":  # only an age shown; the stamp in datetime
        hours = int((NOW - stamp).total_seconds() // 3600)
        ago = AGO_P[lang].format(hours)
        if lang == "ru" and hours >= 5:
            ago = ago.replace("часа", "часов")
        return f'<time class="ago" datetime="{stamp.isoformat()}">{ago}</time>', ""
    if dconv == "jsonld_only_visible_updated":  # the visible line is the later update
        head = ('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "datePublished": stamp.isoformat(), "dateModified": later.isoformat(),
        }, ensure_ascii=False) + "</script>")
        return f'<p class="updated">{UPDATED_P[lang]} {upd}</p>', head
    raise ValueError(dconv)


def _p_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, list[str], str]:
    """Family P's author conventions: (byline under the heading, the true authors, a
    caption for the story's picture)."""
    name = _p_person(lang, rng)
    other = _p_person(lang, rng, {name})
    snapper = _p_person(lang, rng, {name, other})
    photo = f"{PHOTO_P[lang]} {snapper}"
    caption = (f'<figure><img src="/img/1.jpg" alt=""><figcaption>{escape(photo)}'
               "</figcaption></figure>") if rng.random() < 0.5 else ""
    n, o, agency = escape(name), escape(other), AGENCY_P[lang]
    by = '<p class="byline">{}</p>'
    if aconv == "fi_kirjoittaja_kuva":
        return by.format(f"Kirjoittaja {n} | {escape(photo)}"), [name], caption
    if aconv == "name_comma_agency":
        return by.format(f"{n}, {agency}"), [name], caption
    if aconv == "sv_av_two_och":
        return by.format(f"Av {n} och {o}"), [name, other], caption
    if aconv == "nb_tekst_og_foto":
        return by.format(f"Tekst og foto: {n}"), [name], ""
    if aconv == "nb_av_two_og":
        return by.format(f"Av {n} og {o}"), [name, other], caption
    if aconv == "cs_autor_two_a_foto":
        return by.format(f"Autor: {n} a {o}, {escape(photo)}"), [name, other], caption
    if aconv == "name_pipe_agency":
        return by.format(f"{n} | {agency}"), [name], caption
    if aconv == "hu_szerzo_surname_first":
        return by.format(f"Szerző: {n}"), [name], caption
    if aconv == "name_paren_agency":
        return by.format(f"{n} ({agency})"), [name], caption
    if aconv == "tr_muhabir_yazar":
        word = rng.choice(("Muhabir:", "Yazar:", "Haber:"))
        return by.format(f"{word} {n}"), [name], caption
    if aconv == "el_genitive_tou_tis":
        written = _p_genitive(name)
        return by.format(escape(written)), [written.split(" ", 1)[1]], caption
    if aconv == "ru_avtor_foto":
        return by.format(f"Автор: {n}<br>{escape(photo)}"), [name], caption
    if aconv == "two_names_local_and":  # no label: the two names and the language's "and"
        return by.format(f"{n} {AND_P[lang]} {o}"), [name, other], caption
    raise ValueError(aconv)


def make_page_p(rng: random.Random, i: int) -> Page:
    """A family P page: a Nordic, Central or Eastern European, Turkish or Greek news site's
    (see the module docstring for the truth)."""
    lang = rng.choice(tuple(SITES_P))
    dconv = rng.choice([c for c, r in P_DATE_LANG.items() if lang in r])
    aconv = rng.choice([c for c, r in P_AUTHOR_LANG.items() if lang in r])
    tconv = rng.choice([c for c, r in P_TITLE_LANG.items() if lang in r])
    site, domain = SITES_P[lang]
    tz = timezone(timedelta(hours=ZONE_P[lang]))
    if dconv == "relative_ago_machine_stamp":  # a story of the last few hours
        stamp = (NOW - timedelta(hours=rng.randint(2, 9), minutes=rng.randint(0, 59))) \
            .astimezone(tz).replace(second=0, microsecond=0)
    else:
        stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = rng.choice(HEADLINE_P[lang])
    meta, head = _p_date(dconv, lang, day, stamp, rng)
    byline, authors, caption = _p_author(aconv, lang, rng)
    section = SECTION_P[lang]

    slug = _title_slug(title)
    url = f"https://www.{domain}/news/{slug}-{i}"
    og = ""
    h1 = f'<h1 class="headline">{escape(title)}</h1>'
    if tconv == "title_section_site":
        doc_title = f"{title} | {section} | {site}"
    elif tconv == "og_site_prefix":
        doc_title = f"{site} - {title}"
        og = f'<meta property="og:title" content="{escape(site)}: {escape(title)}">'
    else:  # title_live_prefix: a live label in the <title> and og:title, not in the <h1>
        doc_title = f"{LIVE_P[lang]}: {title} - {site}"
        og = f'<meta property="og:title" content="{LIVE_P[lang]}: {escape(title)}">'

    paragraphs = _filler_paras(FILLER_P[lang], rng)
    related = _related(rng, i, RELATED_P[lang], lambda: rng.choice(HEADLINE_P[lang]),
                       "%d.%m.%Y", lambda: _p_person(lang, rng))
    content = (f'<article class="story"><a class="section" href="/section">'
               f"{escape(section)}</a>{h1}{byline}{meta}"
               f'<div class="story-body">{caption}{paragraphs}</div></article>')
    html = _masthead_page(lang, doc_title, og + head, url, _logo(site), content + related, site)
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family Q (round 15): the press of Indonesia, Vietnam, Romania and Denmark in their
# own languages, and English-language wire, guest and legacy templates, aimed at bylines.
# Built by make_page_q; truth decisions in the module docstring.

SITES_Q = {
    "id": ("Harian Nusantara", "hariannusantara.co.id"), "vi": ("Báo Sông Hồng", "baosonghong.vn"),
    "ro": ("Gazeta Carpaților", "gazetacarpatilor.ro"), "da": ("Jyllands Dagblad",
                                                                 "jyllandsdagblad.dk"),
    "en": ("The Lakeside Courier", "lakesidecourier.com"),
}
ZONE_Q = {"id": 7, "vi": 7, "ro": 2, "da": 1, "en": -5}
FIRST_Q = {
    "id": "Budi Siti Agus Dewi Rina Hendra Putri Yusuf Ratna Fajar",
    "vi": "Văn Thị Minh Thu Quang Thanh Hữu Ngọc",  # middle names; the given name below
    "ro": "Andrei Ioana Mihai Elena Ștefan Cristina Bogdan Alexandra Radu Mirela",
    "da": "Mette Søren Anders Kirsten Jens Lærke Rasmus Ida Mikkel Sofie",
    "en": "Robert Ana Michael Laura David Grace Thomas Helen",
}
LAST_Q = {
    "id": "Santoso Wijaya Kurniawan Hidayat Saputra Lestari Pratama Nugroho Setiawan Rahmawati",
    "vi": "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi",  # the family name comes first
    "ro": "Popescu Ionescu Dumitrescu Stan Constantinescu Munteanu Țăranu Gheorghiu Lungu",
    "da": "Nielsen Jensen Hansen Pedersen Andersen Christensen Sørensen Mølgaard Kjær",
    "en": "Whitfield Okafor Brennan Castillo Harrington Lindqvist Mercer Sandoval",
}
GIVEN_VI = "Hoa Nam Lan Hùng Mai Tuấn Hương Dũng".split()
SINGLE_ID = "Sutrisno Haryanto Suparman Wahyudi Sumarni Purwanto".split()  # one-word names
PARTICLE_EN = ("van den", "de la", "O'", "Mc", "di")
FIRST_Q = {k: v.split() for k, v in FIRST_Q.items()}
LAST_Q = {k: v.split() for k, v in LAST_Q.items()}
MONTHS_Q = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
          "Desember",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
          "noiembrie decembrie",
    "da": "januar februar marts april maj juni juli august september oktober november "
          "december",
}
MONTHS_Q = {k: v.split() for k, v in MONTHS_Q.items()}
WEEKDAYS_Q = {"id": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split(),
              "vi": "Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ Nhật".split("|"),
              "ro": "luni marți miercuri joi vineri sâmbătă duminică".split()}
HEADLINE_Q = {
    "id": ("Pemerintah kota menyetujui pembangunan jalur trem baru",
           "Rumah sakit daerah menunda reformasi layanan gawat darurat"),
    "vi": ("Hội đồng thành phố thông qua dự án tuyến tàu điện mới",
           "Bệnh viện tỉnh hoãn cải cách khoa cấp cứu"),
    "ro": ("Consiliul local a aprobat construcția noii linii de tramvai",
           "Spitalul județean amână reforma unității de primiri urgențe"),
    "da": ("Byrådet godkender den nye letbane", "Regionen udskyder reformen af skadestuen"),
    "en": ("Council approves new tram line after year-long fight",
           "County hospital delays emergency room overhaul"),
}
FILLER_Q = {
    "id": "Keputusan itu diambil setelah rapat panjang, dan warga kini menunggu angka yang "
          "lebih pasti tentang biaya dan jadwal pembangunan.",
    "vi": "Quyết định được đưa ra sau một cuộc họp kéo dài, và người dân đang chờ những con "
          "số cụ thể hơn về chi phí và tiến độ.",
    "ro": "Decizia a fost luată după o ședință lungă, iar locuitorii așteaptă acum cifre mai "
          "precise despre costuri și termene.",
    "da": "Beslutningen blev truffet efter et langt møde, og borgerne venter nu på mere "
          "præcise tal for udgifter og tidsplan.",
    "en": "The decision came after a long meeting, and residents are now waiting for firmer "
          "figures on the cost and the timetable.",
}
AND_Q = {"id": "dan", "vi": "và", "ro": "și", "da": "og", "en": "and"}
RELATED_Q = {"id": "Berita Terkait", "vi": "Tin liên quan", "ro": "Citește și",
             "da": "Læs også", "en": "Related"}
ALSO_Q = {"id": "Baca juga:", "vi": "Xem thêm:", "ro": "Citește și:", "da": "Læs også:",
          "en": "Read more:"}
Q_DATE_LANG = {
    "id_weekday_wib": ("id",), "id_diperbarui_above_published": ("id",),
    "vi_weekday_slash_gmt7": ("vi",), "vi_slash_time_bare": ("vi",),
    "ro_publicat_actualizat": ("ro",), "ro_abbr_month_dot": ("ro",),
    "da_kl_dotted_opdateret": ("da",), "da_publiceret_numeric": ("da",),
    "en_hatom_abbr_title": ("en",), "en_wire_dateline_meta": ("en",),
}
Q_AUTHOR_LANG = {
    "id_penulis_editor": ("id",), "id_laporan_wartawan": ("id",), "id_oleh_dan": ("id",),
    "vi_name_bold_end": ("vi",), "vi_names_dash_end": ("vi",), "vi_bai_va_anh": ("vi",),
    "ro_de_name_si": ("ro",), "ro_autor_link": ("ro",),
    "da_af_name_og": ("da",), "da_name_comma_role": ("da",),
    "en_reporting_editing_end": ("en",), "en_dr_guest_affiliation": ("en",),
    "en_meta_author_twice": ("en",), "en_by_suffix_particle": ("en",),
}
Q_TITLE_LANG = {"title_halaman_all": ("id",), "h1_logo_h2_headline": tuple(SITES_Q),
                "title_site_tagline": tuple(SITES_Q), "plain_h1_title_dash_site": tuple(SITES_Q)}


def _q_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        if lang == "vi":  # family, middle and given names: Nguyễn Thị Hoa
            name = f"{rng.choice(LAST_Q['vi'])} {rng.choice(FIRST_Q['vi'])} {rng.choice(GIVEN_VI)}"
        elif lang == "id" and rng.random() < 0.3:  # many Indonesians have one name
            name = rng.choice(SINGLE_ID)
        elif lang == "en" and rng.random() < 0.4:
            particle = rng.choice(PARTICLE_EN)
            last = rng.choice(LAST_Q["en"])
            last = f"{particle}{last}" if particle in ("O'", "Mc") else f"{particle} {last}"
            middle = f" {rng.choice('ABCDEFGHJKLMPRST')}." if rng.random() < 0.5 else ""
            name = f"{rng.choice(FIRST_Q['en'])}{middle} {last}"
        else:
            name = f"{rng.choice(FIRST_Q[lang])} {rng.choice(LAST_Q[lang])}"
        if not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _q_date(dconv: str, lang: str, day: date, stamp: datetime,
            rng: random.Random) -> tuple[str, str]:  # noqa: C901
    """Family Q's date conventions: (meta line under the heading, head tags). `stamp` is
    the local publication instant."""
    later = stamp + timedelta(days=rng.randint(1, 5), hours=rng.randint(1, 9))
    if dconv == "id_weekday_wib":
        m = MONTHS_Q["id"][day.month - 1]
        return (f'<div class="date">{WEEKDAYS_Q["id"][day.weekday()]}, {day.day:02d} {m} '
                f"{day.year} {stamp:%H:%M} WIB</div>"), ""
    if dconv == "id_diperbarui_above_published":
        m, lm = MONTHS_Q["id"][day.month - 1], MONTHS_Q["id"][later.month - 1]
        return (f'<div class="date"><span>Diperbarui {later.day:02d} {lm} {later.year}, '
                f"{later:%H:%M} WIB</span><br><span>Diterbitkan {day.day:02d} {m} {day.year}, "
                f"{stamp:%H:%M} WIB</span></div>"), ""
    if dconv == "vi_weekday_slash_gmt7":
        return (f'<span class="date">{WEEKDAYS_Q["vi"][day.weekday()]}, {day:%d/%m/%Y} - '
                f"{stamp:%H:%M} (GMT+7)</span>"), ""
    if dconv == "vi_slash_time_bare":
        return f'<div class="time">{day.day}/{day.month}/{day.year} {stamp:%H:%M} GMT+7</div>', ""
    if dconv == "ro_publicat_actualizat":
        m, lm = MONTHS_Q["ro"][day.month - 1], MONTHS_Q["ro"][later.month - 1]
        wd, lwd = WEEKDAYS_Q["ro"][day.weekday()], WEEKDAYS_Q["ro"][later.weekday()]
        return (f'<div class="dates">Publicat: {wd}, {day.day} {m} {day.year}, {stamp:%H:%M} '
                f"| Actualizat: {lwd}, {later.day} {lm} {later.year}, {later:%H:%M}</div>"), ""
    if dconv == "ro_abbr_month_dot":
        m = MONTHS_Q["ro"][day.month - 1]
        m = m if len(m) <= 4 else m[:3] + "."
        return f'<span class="date">{day.day} {m} {day.year}, {stamp:%H:%M}</span>', ""
    if dconv == "da_kl_dotted_opdateret":
        m, lm = MONTHS_Q["da"][day.month - 1], MONTHS_Q["da"][later.month - 1]
        return (f'<p class="dates">{day.day}. {m} {day.year} kl. {stamp:%H.%M} '
                f"<span>Opdateret {later.day}. {lm} {later.year} kl. {later:%H.%M}</span></p>"), ""
    if dconv == "da_publiceret_numeric":
        return f'<p class="date">Publiceret {day:%d.%m.%Y} - {stamp:%H:%M}</p>', ""
    if dconv == "en_hatom_abbr_title":  # the visible text has no year: the hover title has
        return (f'<abbr class="published" title="{stamp.isoformat()}">'
                f"{day:%b} {day.day}</abbr>"), ""
    if dconv == "en_wire_dateline_meta":  # "CITY, Dec 3 (Wire) -" and the day in a head tag
        head = f'<meta name="dc.date.issued" content="{day.isoformat()}">'
        return "", head
    raise ValueError(dconv)


def _q_author(aconv: str, lang: str, site: str, rng: random.Random
              ) -> tuple[str, str, list[str], str]:  # noqa: C901
    """Family Q's author conventions: (byline under the heading, credit after the body,
    the true authors, head tags)."""
    name = _q_person(lang, rng)
    other = _q_person(lang, rng, {name})
    editor = _q_person(lang, rng, {name, other})
    n, o, e = escape(name), escape(other), escape(editor)
    by = '<p class="byline">{}</p>'
    if aconv == "id_penulis_editor":
        return by.format(f"Penulis: {n} | Editor: {e}"), "", [name], ""
    if aconv == "id_laporan_wartawan":
        return by.format(f"Laporan Wartawan {escape(site)}, {n}"), "", [name], ""
    if aconv == "id_oleh_dan":
        return by.format(f"Oleh: {n} dan {o}"), "", [name, other], ""
    if aconv == "vi_name_bold_end":  # the writer's name alone, bold, after the story
        return "", f'<p class="author" style="text-align:right"><strong>{n}</strong></p>', \
            [name], ""
    if aconv == "vi_names_dash_end":
        return "", f'<p class="author"><strong>{n} - {o}</strong></p>', [name, other], ""
    if aconv == "vi_bai_va_anh":  # "text and pictures:"
        return "", f'<p class="author">Bài và ảnh: <strong>{n}</strong></p>', [name], ""
    if aconv == "ro_de_name_si":
        return by.format(f"de {n} și {o}"), "", [name, other], ""
    if aconv == "ro_autor_link":
        return by.format(f'Autor: <a href="/autor/{_slug(name)}">{n}</a>'), "", [name], ""
    if aconv == "da_af_name_og":
        return by.format(f"Af {n} og {o}"), "", [name, other], ""
    if aconv == "da_name_comma_role":
        role = rng.choice(("journalist", "politisk redaktør", "Ritzau"))
        return by.format(f"{n}, {role}"), "", [name], ""
    if aconv == "en_reporting_editing_end":  # the wire's credit line, no byline on top
        city, city2 = rng.sample(("Washington", "London", "Brussels", "Nairobi"), 2)
        return "", (f'<p class="credit">Reporting by {n} in {city} and {o} in {city2}; '
                    f"Editing by {e}</p>"), [name, other], ""
    if aconv == "en_dr_guest_affiliation":  # an honorific is no part of the name
        return by.format(f"Opinion | By Dr. {n}, Professor of Economics at the University of "
                         "Lakeside"), "", [name], ""
    if aconv == "en_meta_author_twice":  # one meta tag a person, no visible byline
        return "", "", [name, other], (f'<meta name="author" content="{n}">'
                                       f'<meta name="author" content="{o}">')
    if aconv == "en_by_suffix_particle":
        suffix = rng.choice(("Jr.", "Sr.", "III"))
        return by.format(f"By {n} {suffix} and {o}"), "", [f"{name} {suffix}", other], ""
    raise ValueError(aconv)


def make_page_q(rng: random.Random, i: int) -> Page:
    """A family Q page: an Indonesian, Vietnamese, Romanian, Danish or English-language
    site's (see the module docstring for the truth)."""
    lang = rng.choice(tuple(SITES_Q))
    dconv = rng.choice([c for c, r in Q_DATE_LANG.items() if lang in r])
    aconv = rng.choice([c for c, r in Q_AUTHOR_LANG.items() if lang in r])
    tconv = rng.choice([c for c, r in Q_TITLE_LANG.items() if lang in r])
    site, domain = SITES_Q[lang]
    tz = timezone(timedelta(hours=ZONE_Q[lang]))
    stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = rng.choice(HEADLINE_Q[lang])
    meta, head = _q_date(dconv, lang, day, stamp, rng)
    byline, credit, authors, head_a = _q_author(aconv, lang, site, rng)
    head += head_a

    slug = _title_slug(title)
    url = f"https://www.{domain}/read/{slug}-{i}"
    logo = _logo(site)
    h1 = f'<h1 class="headline">{escape(title)}</h1>'
    if tconv == "title_halaman_all":  # the CMS's "all pages" view in the <title>
        doc_title = f"{title} Halaman all - {site}"
        head += f'<meta property="og:title" content="{escape(title)} Halaman all">'
    elif tconv == "h1_logo_h2_headline":  # an old template: the site's name is the <h1>
        doc_title = f"{site} | {title}"
        logo = f'<h1 class="logo"><a href="/">{escape(site)}</a></h1>'
        h1 = f'<h2 class="title">{escape(title)}</h2>'
    elif tconv == "title_site_tagline":
        tagline = {"id": "Berita Terkini Hari Ini", "vi": "Tin tức mới nhất",
                   "ro": "Știri de ultimă oră", "da": "Nyheder fra Jylland",
                   "en": "News for the Lakes Region"}[lang]
        doc_title = f"{title} | {site} \u2013 {tagline}"
    else:  # plain_h1_title_dash_site
        doc_title = f"{title} - {site}"

    dateline = ""
    if dconv == "en_wire_dateline_meta":
        dateline = (f"{rng.choice(('WASHINGTON', 'LONDON', 'BRUSSELS'))}, {day:%b} {day.day} "
                    "(Lakeside Wire) - ")
    paras = [f"<p>{dateline}{FILLER_Q[lang]} {FILLER_Q[lang]}</p>"] + [
        f"<p>{FILLER_Q[lang]} {FILLER_Q[lang]}</p>" for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:  # an inline link to another story, within the text
        paras.insert(1, f'<p><strong>{ALSO_Q[lang]}</strong> <a href="/read/other-{i}">'
                        f"{escape(rng.choice(HEADLINE_Q[lang]))}</a></p>")
    related = _related(rng, i, RELATED_Q[lang], lambda: rng.choice(HEADLINE_Q[lang]),
                       "%d.%m.%Y", lambda: _q_person(lang, rng))
    content = (f'<article class="story">{h1}{byline}{meta}'
               f'<div class="story-body">{"".join(paras)}{credit}</div></article>')
    html = _masthead_page(lang, doc_title, head, url, logo, content + related, site)
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])

# --- family R (round 16): date lines of the regional press of Argentina, Spain, Brazil,
# Italy, the Netherlands and Poland, and US sites. Built by make_page_r; truth decisions
# in the module docstring.

SITES_R = {
    "es-AR": ("Diario del Litoral", "diariodellitoral.com.ar", -3),
    "es": ("El Correo de Castilla", "elcorreodecastilla.es", 1),
    "pt": ("Gazeta do Planalto", "gazetadoplanalto.com.br", -3),
    "it": ("Il Gazzettino Emiliano", "gazzettinoemiliano.it", 1),
    "nl": ("Dagblad van het Oosten", "dagbladvanhetoosten.nl", 1),
    "pl": ("Kurier Podlaski", "kurierpodlaski.pl", 1),
    "en": ("The Prairie Ledger", "prairieledger.com", -5),
}
FIRST_R = {"es": "Martín Lucía Santiago Valentina Joaquín Carolina Diego Florencia",
           "pt": "João Mariana Rafael Beatriz Lucas Camila Thiago Larissa",
           "it": "Marco Giulia Luca Chiara Matteo Francesca Paolo Elisa",
           "nl": "Daan Sanne Bram Femke Thijs Lotte Joost Anouk",
           "pl": "Tomasz Agnieszka Piotr Katarzyna Marcin Magdalena Paweł Joanna",
           "en": "Karen Dale Brenda Travis Megan Curtis Holly Wade"}
LAST_R = {"es": "Gutiérrez Ferreyra Sosa Benítez Acosta Medina Quiroga Villalba",
          "pt": "Carvalho Ribeiro Almeida Barbosa Teixeira Moreira Cardoso Nogueira",
          "it": "Colombo Ricci Marino Greco Bruno Galli Conti Mancini",
          "nl": "Bakker Visser Smit Meijer Mulder Bos Vos Dekker",
          "pl": "Wiśniewski Zieliński Szymański Woźniak Kozłowski Jankowski Mazur Krawczyk",
          "en": "Lindgren Hollis Pruitt Sorensen Gaines Whitaker Dunbar Kessler"}
FIRST_R = {k: v.split() for k, v in FIRST_R.items()}
LAST_R = {k: v.split() for k, v in LAST_R.items()}
MONTHS_R = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
          "listopada grudnia",
}
MONTHS_R = {k: v.split() for k, v in MONTHS_R.items()}
WEEKDAYS_ES = "lunes martes miércoles jueves viernes sábado domingo".split()
AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
HEADLINE_R = {
    "es": ("El municipio aprobó la nueva línea de tranvía tras un año de debate",
           "El hospital provincial posterga la reforma de la guardia"),
    "pt": ("Prefeitura aprova nova linha de bonde depois de um ano de debate",
           "Hospital estadual adia reforma do pronto-socorro"),
    "it": ("Il consiglio comunale approva la nuova linea del tram",
           "L'ospedale provinciale rinvia la riforma del pronto soccorso"),
    "nl": ("Gemeenteraad stemt in met nieuwe tramlijn na jaar van discussie",
           "Ziekenhuis stelt verbouwing van de spoedeisende hulp uit"),
    "pl": ("Rada miasta zatwierdziła nową linię tramwajową",
           "Szpital wojewódzki odkłada reformę szpitalnego oddziału ratunkowego"),
    "en": ("County board approves new tram line after year-long fight",
           "Regional hospital delays emergency room overhaul"),
}
FILLER_R = {
    "es": "La decisión llegó tras una larga sesión y los vecinos esperan ahora cifras más "
          "precisas sobre el costo y los plazos de la obra.",
    "pt": "A decisão veio depois de uma longa sessão e os moradores aguardam agora números "
          "mais precisos sobre o custo e os prazos da obra.",
    "it": "La decisione è arrivata dopo una lunga seduta e i residenti attendono ora cifre "
          "più precise sui costi e sui tempi dei lavori.",
    "nl": "Het besluit viel na een lange vergadering en de bewoners wachten nu op preciezere "
          "cijfers over de kosten en de planning.",
    "pl": "Decyzja zapadła po długiej sesji, a mieszkańcy czekają teraz na dokładniejsze "
          "dane o kosztach i terminach budowy.",
    "en": "The decision came after a long meeting, and residents are now waiting for firmer "
          "figures on the cost and the timetable.",
}
COMMENTS_R = {"es": "Comentarios", "pt": "Comentários", "it": "Commenti", "nl": "Reacties",
              "pl": "Komentarze", "en": "Comments"}
RELATED_R = {"es": "Más noticias", "pt": "Leia também", "it": "Leggi anche",
             "nl": "Meer nieuws", "pl": "Czytaj także", "en": "Related"}
R_DATE_LANG = {
    "es_ar_weekday_hs": ("es-AR",), "es_print_edition_above_online": ("es-AR", "es"),
    "es_actualizado_before_publicado": ("es",), "eu_two_digit_year": ("es", "it", "pt"),
    "en_us_two_digit_year": ("en",), "en_ap_month_ordinal": ("en",),
    "pt_ontem_as": ("pt",), "nl_meta_date_later_than_visible": ("nl",),
    "pl_after_midnight_utc_stamp": ("pl",),
}
R_AUTHOR_LANG = {
    "es_por_enviado_especial": ("es-AR", "es"), "pt_da_redacao": ("pt",),
    "pl_opracowanie": ("pl",), "it_di_e": ("it",), "nl_door_en": ("nl",),
    "en_by_pipe_date": ("en",),
}
R_TITLE_LANG = {"title_dash_domain": tuple(SITES_R), "title_pipe_site": tuple(SITES_R)}


def _r_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        name = f"{rng.choice(FIRST_R[lang])} {rng.choice(LAST_R[lang])}"
        if not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _r_date(dconv: str, day: date, stamp: datetime,
            rng: random.Random) -> tuple[str, str]:  # noqa: C901
    """Family R's date conventions: (date line under the heading, head tags). `stamp` is
    the local publication instant."""
    later = stamp + timedelta(days=rng.randint(1, 5), hours=rng.randint(1, 9))
    if dconv == "es_ar_weekday_hs":
        m = MONTHS_R["es"][day.month - 1]
        wd = WEEKDAYS_ES[day.weekday()].capitalize()
        return (f'<p class="fecha">{wd} {day.day} de {m} de {day.year} - '
                f"{stamp:%H:%M} hs</p>"), ""
    if dconv == "es_print_edition_above_online":  # the paper of the next morning
        printed = day + timedelta(days=1)
        m = MONTHS_R["es"][printed.month - 1]
        return (f'<p class="edicion">Edición impresa del {WEEKDAYS_ES[printed.weekday()]} '
                f"{printed.day} de {m} de {printed.year}</p>"
                f'<p class="fecha">{day:%d/%m/%Y} {stamp:%H:%M}</p>'), ""
    if dconv == "es_actualizado_before_publicado":
        m, lm = MONTHS_R["es"][day.month - 1][:3], MONTHS_R["es"][later.month - 1][:3]
        return (f'<p class="fechas">Actualizado: {later:%d} {lm} {later.year} {later:%H:%M} h '
                f"· Publicado: {day:%d} {m} {day.year} {stamp:%H:%M} h</p>"), ""
    if dconv == "eu_two_digit_year":  # day first, the century left out
        return f'<span class="data">{day:%d/%m/%y} - {stamp:%H:%M}</span>', ""
    if dconv == "en_us_two_digit_year":  # month first on a US site
        return f'<span class="timestamp">{day:%m/%d/%y} {_ampm(stamp)} ET</span>', ""
    if dconv == "en_ap_month_ordinal":
        return (f'<p class="dateline">Published {AP_MONTHS[day.month - 1]} '
                f"{_ordinal(day.day)}, {day.year} at {_ampm(stamp, dots=True)} ET</p>"), ""
    if dconv == "pt_ontem_as":  # relative to the fetch: make_page_r put the stamp yesterday
        return f'<p class="data">Ontem às {stamp:%H}h{stamp:%M}</p>', ""
    if dconv == "nl_meta_date_later_than_visible":  # the CMS's last save in the head
        m = MONTHS_R["nl"][day.month - 1]
        return (f'<p class="datum">Gepubliceerd: {day.day} {m} {day.year}, {stamp:%H:%M}</p>',
                f'<meta name="date" content="{later.date().isoformat()}">')
    if dconv == "pl_after_midnight_utc_stamp":  # make_page_r put the stamp after midnight
        utc = stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f'<p class="data">{day.day}.{day.month:02d}.{day.year}, {stamp:%H:%M}</p>',
                f'<meta property="article:published_time" content="{utc}">')
    raise ValueError(dconv)


def _r_author(aconv: str, lang: str, stamp: datetime,
              rng: random.Random) -> tuple[str, list[str]]:
    """Family R's author conventions: (byline under the heading, the true authors)."""
    name = _r_person(lang, rng)
    other = _r_person(lang, rng, {name})
    n, o = escape(name), escape(other)
    by = '<p class="autor">{}</p>'
    if aconv == "es_por_enviado_especial":
        return by.format(f"Por {n}, enviado especial"), [name]
    if aconv == "pt_da_redacao":
        return by.format(f"{n}, da Redação"), [name]
    if aconv == "pl_opracowanie":  # "compiled by"
        return by.format(f"Opracowanie: {n}"), [name]
    if aconv == "it_di_e":
        return by.format(f"di {n} e {o}"), [name, other]
    if aconv == "nl_door_en":
        return by.format(f"Door {n} en {o}"), [name, other]
    if aconv == "en_by_pipe_date":
        day = stamp.date()
        return by.format(f"By {n} | {AP_MONTHS[day.month - 1]} {_ordinal(day.day)}, "
                         f"{day.year}"), [name]
    raise ValueError(aconv)


def make_page_r(rng: random.Random, i: int) -> Page:
    """A family R page: a regional Argentinian, Spanish, Brazilian, Italian, Dutch, Polish
    or US site's (see the module docstring for the truth)."""
    region = rng.choice(tuple(SITES_R))
    lang = region[:2]
    dconv = rng.choice([c for c, r in R_DATE_LANG.items() if region in r])
    aconv = rng.choice([c for c, r in R_AUTHOR_LANG.items() if region in r])
    tconv = rng.choice(tuple(R_TITLE_LANG))
    site, domain, zone = SITES_R[region]
    tz = timezone(timedelta(hours=zone))
    if dconv == "pt_ontem_as":  # yesterday, as the site's clock had it at the fetch
        yesterday = NOW.astimezone(tz).date() - timedelta(days=1)
        stamp = datetime(yesterday.year, yesterday.month, yesterday.day, rng.randint(0, 23),
                         rng.randint(0, 59), tzinfo=tz)
    elif dconv == "pl_after_midnight_utc_stamp":  # past midnight here, the day before in UTC
        stamp = datetime(2024, 1, 1, 0, rng.randint(0, 59), tzinfo=tz) \
            + timedelta(days=rng.randint(0, 1060))
    else:
        stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = rng.choice(HEADLINE_R[lang])
    meta, head = _r_date(dconv, day, stamp, rng)
    byline, authors = _r_author(aconv, lang, stamp, rng)

    slug = _title_slug(title)
    url = f"https://www.{domain}/noticias/{slug}-{i}"
    doc_title = f"{title} - {domain}" if tconv == "title_dash_domain" else f"{title} | {site}"
    paras = _filler_paras(FILLER_R[lang], rng)
    comments = ""
    if rng.random() < 0.4:  # readers' comments, days after the story
        items = "".join(
            f'<li class="comment"><span class="comment-author">{escape(_r_person(lang, rng))}'
            f'</span> <span class="comment-date">{later:%d/%m/%Y %H:%M}</span>'
            f"<p>{FILLER_R[lang][:60]}</p></li>"
            for later in (stamp + timedelta(days=rng.randint(1, 9), hours=k) for k in range(2)))
        comments = (f'<section class="comments"><h3>{COMMENTS_R[lang]}</h3>'
                    f"<ol>{items}</ol></section>")
    related = _related(rng, i, RELATED_R[lang], lambda: rng.choice(HEADLINE_R[lang]),
                       "%d/%m/%Y", lambda: _r_person(lang, rng))
    content = (f'<article class="nota"><h1 class="titulo">{escape(title)}</h1>{byline}{meta}'
               f'<div class="cuerpo">{paras}</div>{comments}</article>')
    html = _masthead_page(lang, doc_title, head, url, _logo(site), content + related, site)
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family S (round 17): author credits in shapes no family A-R wrote, on English, Korean
# and Arabic sites. Built by make_page_s; truth decisions in the module docstring.

SITES_S = {
    "en": ("The Harbor Courier", "harborcourier.com", -5),
    "ko": ("한빛일보", "hanbitilbo.co.kr", 9),
    "ar": ("صحيفة الساحل", "alsahil-news.com", 3),
}
FIRST_S = {"en": "Naomi Gareth Priya Desmond Ingrid Rafael Colette Emeka Yusra Tobias",
           "ko": "민수 지현 서준 하은 도윤 수빈 예준 지우",
           "ar": "أحمد فاطمة خالد ليلى يوسف مريم عمر سارة"}
LAST_S = {"en": "Okafor Brennan Halvorsen Castellano Whitfield Abernathy Lindqvist Mbeki "
                "Takahashi Donnelly",
          "ko": "김 이 박 최 정 강 조 윤",
          "ar": "المصري الحسيني العلي الخطيب النجار الشامي"}
FIRST_S = {k: v.split() for k, v in FIRST_S.items()}
LAST_S = {k: v.split() for k, v in LAST_S.items()}
HEADLINE_S = {
    "en": ("Harbor dredging plan stalls as costs climb past estimates",
           "Ferry operators brace for a winter of reduced crossings"),
    "ko": ("항만 준설 계획, 비용 증가로 제동", "여객선 업계, 겨울철 운항 감축 대비"),
    "ar": ("تعثر خطة تعميق الميناء مع ارتفاع التكاليف",
           "مشغلو العبارات يستعدون لشتاء بعدد رحلات أقل"),
}
FILLER_S = {
    "en": "Officials said the figures would be reviewed again next month, and residents along "
          "the waterfront asked for a public hearing before any contract is signed.",
    "ko": "관계자들은 다음 달 수치를 다시 검토할 것이라고 밝혔으며, 해안가 주민들은 계약 체결 "
          "전에 공청회를 열어 달라고 요구했다.",
    "ar": "وقال مسؤولون إن الأرقام ستراجع مرة أخرى الشهر المقبل، وطالب سكان الواجهة البحرية "
          "بعقد جلسة استماع عامة قبل توقيع أي عقد.",
}
ROLES_S = ("Senior Reporter", "Data Editor", "Staff Writer", "Investigations Editor")
S_AUTHOR_LANG = {
    "en_as_told_to": ("en",), "en_interview_by": ("en",),
    "en_compiled_from_wire_reports": ("en",), "en_roles_between_names": ("en",),
    "en_initials_only": ("en",), "en_words_slash_pictures": ("en",),
    "en_additional_reporting_after_body": ("en",), "en_written_and_photographed": ("en",),
    "ko_name_gija_email": ("ko",), "ko_geul_sajin_gija": ("ko",), "ar_biqalam": ("ar",),
}


def _s_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        first, last = rng.choice(FIRST_S[lang]), rng.choice(LAST_S[lang])
        name = f"{last}{first}" if lang == "ko" else f"{first} {last}"  # Korean: no space
        if name not in avoid and not (lang == "en" and any(
                set(name.split()) & set(a.split()) for a in avoid)):
            return name


def _s_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """Family S's author conventions: (credit under the heading, credit after the body,
    the true authors)."""
    name = _s_person(lang, rng)
    other = _s_person(lang, rng, {name})
    n, o = escape(name), escape(other)
    by = '<p class="credit">{}</p>'
    if aconv == "en_as_told_to":  # the writer who took it down is the byline
        return by.format(f"As told to {n}"), "", [name]
    if aconv == "en_interview_by":
        return by.format(f"Interview by {n}"), "", [name]
    if aconv == "en_compiled_from_wire_reports":
        return by.format(f"Compiled by {n} from wire reports"), "", [name]
    if aconv == "en_roles_between_names":
        r1, r2 = rng.sample(ROLES_S, 2)
        return by.format(f"By {n}, {r1}, and {o}, {r2}"), "", [name, other]
    if aconv == "en_initials_only":  # "J.D. Whitfield": initials are the first name
        first = "".join(f"{c}." for c in rng.sample("ABCDEGHJKLMPRST", 2))
        name = f"{first} {name.split()[1]}"
        return by.format(f"By {escape(name)}"), "", [name]
    if aconv == "en_words_slash_pictures":
        return by.format(f"Words: {n} / Pictures: {o}"), "", [name]
    if aconv == "en_additional_reporting_after_body":  # a helper, not a writer
        return (by.format(f"By {n}"),
                f'<p class="note"><em>Additional reporting by {o}.</em></p>', [name])
    if aconv == "en_written_and_photographed":
        return by.format(f"Written and photographed by {n}"), "", [name]
    if aconv == "ko_name_gija_email":  # "NAME 기자" (reporter) and the address
        slug = rng.choice(("minsu", "jihyun", "seojun", "haeun"))
        return by.format(f"{n} 기자 {slug}@hanbitilbo.co.kr"), "", [name]
    if aconv == "ko_geul_sajin_gija":  # "text and photos: NAME reporter"
        return by.format(f"글·사진 {n} 기자"), "", [name]
    if aconv == "ar_biqalam":  # "by the pen of"
        return by.format(f"بقلم: {n}"), "", [name]
    raise ValueError(aconv)


def make_page_s(rng: random.Random, i: int) -> Page:
    """A family S page: an English, Korean or Arabic site's story with an author credit in
    a shape no earlier family wrote (see the module docstring for the truth). The date is a
    plain `<time datetime>` and the title the `<h1>`: S is aimed at authors."""
    lang = rng.choice(("en", "en", "en", "ko", "ar"))  # eight English conventions, three not
    aconv = rng.choice([c for c, r in S_AUTHOR_LANG.items() if lang in r])
    site, domain, zone = SITES_S[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = _stamp_since_2024(rng, tz)
    day = stamp.date()
    title = rng.choice(HEADLINE_S[lang])
    byline, tail, authors = _s_author(aconv, lang, rng)
    url = f"https://www.{domain}/news/{day:%Y%m%d}{i:04d}"
    paras = _filler_paras(FILLER_S[lang], rng)
    meta = f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'
    content = (f'<article class="story"><h1>{escape(title)}</h1>{byline}{meta}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    dir_ = ' dir="rtl"' if lang == "ar" else ""
    html = _masthead_page(lang, f"{title} | {site}", "", url, _logo(site), content, site, dir_)
    conv = {"date": "time_datetime", "author": aconv, "title": "h1_title_pipe_site"}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family T (round 18): publication days written in the scripts, digits and calendars of
# Chinese, Japanese, Korean, Thai, Arabic, Hindi, Bengali, Ukrainian, Bulgarian, Serbian,
# Lithuanian, Latvian and Hebrew sites. Built by make_page_t; truth decisions in the module
# docstring.

SITES_T = {
    "zh": ("华东日报", "huadongribao.cn", 8), "ja": ("湾岸新聞", "wangan-shimbun.jp", 9),
    "ko": ("동해신문", "donghaenews.co.kr", 9), "th": ("ข่าวสยามใหม่", "siammaimai.co.th", 7),
    "ar-EG": ("أخبار الدلتا", "deltanews.com.eg", 2),
    "ar-LB": ("صدى الجبل", "sadaljabal.com.lb", 2),
    "hi": ("प्रभात समाचार", "prabhatsamachar.in", 5.5),
    "bn": ("সকালের খবর", "sokalerkhobor.com.bd", 6),
    "uk": ("Волинський вісник", "volynvisnyk.com.ua", 2),
    "bg": ("Дунавски новини", "dunavnovini.bg", 2),
    "sr": ("Новосадски дневник", "nsdnevnik.rs", 1), "lt": ("Kauno žinios", "kaunozinios.lt", 2),
    "lv": ("Rīgas Vēstis", "rigasvestis.lv", 2), "he": ("חדשות הגליל", "galilnews.co.il", 2),
}
MONTHS_T = {
    "th": "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม "
          "พฤศจิกายน ธันวาคม",
    "th_abbr": "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.",
    "ar-EG": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "sr": "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра "
          "децембра",
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio "
          "lapkričio gruodžio",
    "lv": "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī "
          "novembrī decembrī",
    "he": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
}
MONTHS_T = {k: v.split() for k, v in MONTHS_T.items()}
# The Levantine month names (Syriac), two of them two words: one list, not split on spaces.
MONTHS_LEVANT = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
WEEKDAYS_T = {"ja": "月火水木金土日", "ko": "월화수목금토일",
              "th": "จ. อ. พ. พฤ. ศ. ส. อา.".split(),
              "ar": "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split()}
DIGITS_T = {"ar": "٠١٢٣٤٥٦٧٨٩", "hi": "०१२३४५६७८९", "bn": "০১২৩৪৫৬৭৮৯"}
T_DATE_LANG = {
    "zh_fabu_shijian_nianyueri": ("zh",), "zh_time_nianyueri_only": ("zh",),
    "ja_reiwa_era": ("ja",), "ja_haishin_weekday_update_no_year": ("ja",),
    "ko_ipryeok_sujeong": ("ko",), "ko_nyeon_wol_il_ohu": ("ko",),
    "th_buddhist_era_full": ("th",), "th_buddhist_era_abbr_two_digit": ("th",),
    "ar_eg_indic_digits": ("ar-EG",), "ar_levant_months": ("ar-LB",),
    "hi_month_latin_digits": ("hi",), "hi_devanagari_digits": ("hi",),
    "bn_bengali_digits": ("bn",), "uk_genitive": ("uk",), "bg_month_pipe": ("bg",),
    "sr_cyrillic_genitive": ("sr",), "lt_m_d": ("lt",), "lv_gada_locative": ("lv",),
    "he_b_month": ("he",), "he_dotted_two_digit_year": ("he",),
}
T_AUTHOR_LANG = {"zh_jizhe_zeren_bianji": ("zh",), "ja_name_in_parens_after_body": ("ja",),
                 "he_meet": ("he",), "uk_tekst_foto": ("uk",)}
HEADLINE_T = {
    "zh": "港口疏浚计划因成本上升而搁置", "ja": "港湾しゅんせつ計画、費用膨らみ見直しへ",
    "ko": "항만 준설 계획, 비용 증가로 재검토", "th": "แผนขุดลอกท่าเรือสะดุดเพราะต้นทุนพุ่ง",
    "ar": "تعثر خطة تعميق الميناء مع ارتفاع التكاليف", "hi": "लागत बढ़ने से बंदरगाह की खुदाई योजना अटकी",
    "bn": "ব্যয় বাড়ায় বন্দর খনন পরিকল্পনা আটকে গেল",
    "uk": "План поглиблення порту зупинили через витрати",
    "bg": "Планът за драгиране на пристанището спря заради разходите",
    "sr": "План за продубљивање луке заустављен због трошкова",
    "lt": "Uosto gilinimo planas sustojo dėl išaugusių išlaidų",
    "lv": "Ostas padziļināšanas plāns apstājies izmaksu dēļ",
    "he": "תוכנית חפירת הנמל נעצרה בשל עליית העלויות",
}
FILLER_T = {
    "zh": "官员表示，相关数字将在下个月再次审查，沿岸居民要求在签署任何合同之前举行公开听证会。",
    "ja": "担当者は来月改めて数字を精査するとしており、"
          "沿岸の住民は契約前に公聴会を開くよう求めている。",
    "ko": "관계자들은 다음 달 수치를 다시 검토할 것이라고 밝혔으며, 주민들은 공청회를 요구했다.",
    "th": "เจ้าหน้าที่ระบุว่าจะทบทวนตัวเลขอีกครั้งในเดือนหน้า ขณะที่ชาวบ้านริมน้ำขอให้จัดรับฟังความคิดเห็น",
    "ar": "وقال مسؤولون إن الأرقام ستراجع مرة أخرى الشهر المقبل، وطالب السكان بجلسة استماع عامة.",
    "hi": "अधिकारियों ने कहा कि अगले महीने आंकड़ों की फिर से समीक्षा होगी, और तट के निवासियों ने "
          "जन सुनवाई की मांग की।",
    "bn": "কর্মকর্তারা বলেছেন, আগামী মাসে হিসাব আবার পর্যালোচনা করা হবে, আর তীরের বাসিন্দারা "
          "গণশুনানির দাবি জানিয়েছেন।",
    "uk": "Посадовці заявили, що цифри переглянуть наступного місяця, а мешканці узбережжя "
          "вимагають громадських слухань.",
    "bg": "Служители заявиха, че цифрите ще бъдат преразгледани следващия месец, а жителите "
          "искат обществено обсъждане.",
    "sr": "Званичници су рекли да ће бројке бити поново размотрене следећег месеца, а мештани "
          "траже јавну расправу.",
    "lt": "Pareigūnai teigė, kad skaičiai bus peržiūrėti kitą mėnesį, o pakrantės gyventojai "
          "reikalauja viešo svarstymo.",
    "lv": "Amatpersonas sacīja, ka skaitļi tiks pārskatīti nākamajā mēnesī, bet krasta "
          "iedzīvotāji pieprasa sabiedrisko apspriešanu.",
    "he": "גורמים רשמיים אמרו כי הנתונים ייבחנו שוב בחודש הבא, ותושבי החוף דורשים שימוע ציבורי.",
}
RELATED_T = {"zh": "相关新闻", "ja": "関連記事", "ko": "관련 기사", "th": "ข่าวที่เกี่ยวข้อง",
             "ar": "أخبار ذات صلة", "hi": "संबंधित खबरें", "bn": "আরও পড়ুন", "uk": "Читайте також",
             "bg": "Още по темата", "sr": "Повезане вести", "lt": "Susiję straipsniai",
             "lv": "Saistītie raksti", "he": "כתבות נוספות"}
PEOPLE_T = {"zh": ("张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊"),
            "ja": ("山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "田中健"),
            "he": ("יוסי כהן", "מיכל לוי", "אבי מזרחי", "נועה פרץ", "דני ביטון"),
            "uk": ("Олена Коваленко", "Андрій Шевчук", "Ірина Бондар", "Тарас Мельник")}


def _t_digits(text: str, script: str) -> str:
    """`text` with its ASCII digits written in `script`'s digits."""
    return text.translate(str.maketrans("0123456789", DIGITS_T[script]))


def _t_date_text(dconv: str, stamp: datetime, rng: random.Random) -> str:  # noqa: C901
    """The words a family T site writes for `stamp` under `dconv` (for the story's line and,
    with other stamps, its related stories')."""
    d, m, y, wd = stamp.day, stamp.month, stamp.year, stamp.weekday()
    hm = f"{stamp:%H:%M}"
    if dconv.startswith("zh_"):
        return f"{y}年{m:02d}月{d:02d}日 {hm}"
    if dconv == "ja_reiwa_era":  # Reiwa 1 was 2019
        return f"令和{y - 2018}年{m}月{d}日 {stamp.hour}時{stamp.minute:02d}分"
    if dconv.startswith("ja_"):
        return f"{y}年{m}月{d}日({WEEKDAYS_T['ja'][wd]}) {stamp.hour}:{stamp.minute:02d}"
    if dconv == "ko_ipryeok_sujeong":
        return f"{y}.{m:02d}.{d:02d} {hm}"
    if dconv == "ko_nyeon_wol_il_ohu":
        half = "오후" if stamp.hour >= 12 else "오전"
        return (f"{y}년 {m}월 {d}일 ({WEEKDAYS_T['ko'][wd]}) {half} "
                f"{(stamp.hour - 1) % 12 + 1}:{stamp.minute:02d}")
    if dconv == "th_buddhist_era_full":  # the Buddhist era: 543 years ahead
        return f"{d} {MONTHS_T['th'][m - 1]} {y + 543} เวลา {hm} น."
    if dconv == "th_buddhist_era_abbr_two_digit":
        short_year = (y + 543) % 100
        return f"{WEEKDAYS_T['th'][wd]} {d} {MONTHS_T['th_abbr'][m - 1]} {short_year:02d} {hm}"
    if dconv == "ar_eg_indic_digits":
        half = "م" if stamp.hour >= 12 else "ص"  # evening / morning
        clock = f"{(stamp.hour - 1) % 12 + 1:02d}:{stamp.minute:02d}"
        return _t_digits(f"{WEEKDAYS_T['ar'][wd]}، {d} {MONTHS_T['ar-EG'][m - 1]} {y} {clock} "
                         f"{half}", "ar")
    if dconv == "ar_levant_months":
        text = f"{d} {MONTHS_LEVANT[m - 1]} {y} | {hm}"
        return _t_digits(text, "ar") if rng.random() < 0.5 else text
    if dconv == "hi_month_latin_digits":
        half = "PM" if stamp.hour >= 12 else "AM"
        clock = f"{(stamp.hour - 1) % 12 + 1:02d}:{stamp.minute:02d} {half}"
        return f"{d:02d} {MONTHS_T['hi'][m - 1]} {y}, {clock} (IST)"
    if dconv == "hi_devanagari_digits":
        return _t_digits(f"{d} {MONTHS_T['hi'][m - 1]} {y}, {hm}", "hi")
    if dconv == "bn_bengali_digits":
        return _t_digits(f"{d} {MONTHS_T['bn'][m - 1]} {y}, {hm}", "bn")
    if dconv == "uk_genitive":
        return f"{d} {MONTHS_T['uk'][m - 1]} {y}, {hm}"
    if dconv == "bg_month_pipe":
        return f"{d:02d} {MONTHS_T['bg'][m - 1]} {y} | {hm}"
    if dconv == "sr_cyrillic_genitive":
        return f"{d}. {MONTHS_T['sr'][m - 1]} {y}. {hm}"
    if dconv == "lt_m_d":
        return f"{y} m. {MONTHS_T['lt'][m - 1]} {d} d. {hm}"
    if dconv == "lv_gada_locative":
        return f"{y}. gada {d}. {MONTHS_T['lv'][m - 1]} {hm}"
    if dconv == "he_b_month":
        return f"{d} ב{MONTHS_T['he'][m - 1]} {y}, {hm}"
    if dconv == "he_dotted_two_digit_year":
        return f"{d:02d}.{m:02d}.{y % 100:02d} , {hm}"
    raise ValueError(dconv)


def _t_date_line(dconv: str, stamp: datetime, rng: random.Random) -> str:
    """The story's date line under the heading: its day, labelled as the site labels it,
    with a later update beside it where the site shows one. The element is the site's:
    a <span>, a <div> or a <time> without a datetime attribute."""
    text = _t_date_text(dconv, stamp, rng)
    later = stamp + timedelta(days=rng.randint(1, 3), hours=rng.randint(1, 5))
    if dconv == "zh_fabu_shijian_nianyueri":  # "published: ... updated: ... source: ..."
        text = (f"发布时间：{text}　更新时间：{_t_date_text(dconv, later, rng)}"
                f"　来源：{SITES_T['zh'][0]}")
    elif dconv == "ja_haishin_weekday_update_no_year":  # "distributed", "last updated" (no year)
        text = (f"{text}配信　最終更新：{later.month}月{later.day}日"
                f"({WEEKDAYS_T['ja'][later.weekday()]}) {later.hour}:{later.minute:02d}")
    elif dconv == "ko_ipryeok_sujeong":  # "entered ... revised ..."
        text = f"입력 {text} 수정 {_t_date_text(dconv, later, rng)}"
    elif dconv == "hi_month_latin_digits":
        text = f"प्रकाशित: {text}"
    elif dconv == "bn_bengali_digits":
        text = f"প্রকাশ: {text}"
    elif dconv == "he_b_month":
        text = f"פורסם: {text}"
    elif dconv == "lv_gada_locative":
        text = f"Publicēts: {text}"
    tag = rng.choice(("span", "div", "time"))
    return f'<{tag} class="date">{escape(text)}</{tag}>'


def _t_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """Family T's author credits: (under the heading, after the body, the true authors)."""
    names = rng.sample(PEOPLE_T[lang], 3) if lang in PEOPLE_T else []
    if aconv == "zh_jizhe_zeren_bianji":  # "reporter(s) ...", and the desk editor at the end
        writers = names[:rng.choice((1, 2))]
        return (f'<p class="source">记者 {escape(" ".join(writers))}</p>',
                f'<p class="editor">（责任编辑：{escape(names[2])}）</p>', writers)
    if aconv == "ja_name_in_parens_after_body":  # the reporter's name closes the story
        return "", f"<p>（{escape(names[0])}）</p>", [names[0]]
    if aconv == "he_meet":  # "by"
        return f'<p class="author">מאת {escape(names[0])}</p>', "", [names[0]]
    if aconv == "uk_tekst_foto":  # "text: X, photo: Y"
        return (f'<p class="author">Текст: {escape(names[0])}, фото: {escape(names[1])}</p>',
                "", [names[0]])
    return "", "", []


def make_page_t(rng: random.Random, i: int) -> Page:
    """A family T page: a Chinese, Japanese, Korean, Thai, Arabic, Hindi, Bengali,
    Ukrainian, Bulgarian, Serbian, Lithuanian, Latvian or Hebrew site's story whose only
    publication day is a visible line in the site's own script, digits and calendar (see
    the module docstring for the truth). No meta tag, no JSON-LD, no day in the URL."""
    region = rng.choice(tuple(SITES_T))
    lang = region[:2]
    dconv = rng.choice([c for c, r in T_DATE_LANG.items() if region in r])
    authored = [c for c, r in T_AUTHOR_LANG.items() if region in r]
    aconv = authored[0] if authored and rng.random() < 0.6 else "none"
    site, domain, zone = SITES_T[region]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = HEADLINE_T[lang]
    byline, tail, authors = _t_author(aconv, lang, rng)
    paras = "".join(f"<p>{FILLER_T[lang]} {FILLER_T[lang]}</p>"
                    for _ in range(rng.randint(2, 4)))
    picture = ""
    if rng.random() < 0.4:  # a photo whose file name and caption carry the day it was taken
        shot = stamp - timedelta(days=rng.randint(20, 400))
        picture = (f'<figure><img src="/uploads/{shot:%Y/%m}/IMG_{shot:%Y%m%d}_{shot:%H%M}.jpg" '
                   f'alt=""><figcaption>IMG_{shot:%Y%m%d}</figcaption></figure>')
    related = ""
    if rng.random() < 0.6:  # related stories, their days written as the story's
        items = "".join(
            f'<li><a href="/news/{i}-{k}">{escape(HEADLINE_T[lang])}</a> <span class="date">'
            f"{escape(_t_date_text(dconv, stamp - timedelta(days=rng.randint(1, 40)), rng))}"
            f"</span></li>" for k in range(3))
        related = f'<aside class="related"><h3>{RELATED_T[lang]}</h3><ul>{items}</ul></aside>'
    if region == "zh":  # Chinese portals: "headline_site"
        tconv, doc_title = "title_underscore_site", f"{title}_{site}"
    elif region == "ja":  # a breaking-news kicker in the <title> only
        tconv, doc_title = "title_kicker_brackets", f"【速報】{title} - {site}"
    else:
        tconv, doc_title = "title_dash_site", f"{title} - {site}"
    url = f"https://www.{domain}/news/{(i * 7919) % 100000 + 100000}.html"
    meta = _t_date_line(dconv, stamp, rng)
    content = (f'<article class="story"><h1>{escape(title)}</h1>{byline}{meta}{picture}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    dir_ = ' dir="rtl"' if lang in ("ar", "he") else ""
    html = (
        f'<!DOCTYPE html><html lang="{region}"{dir_}><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}{related}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family U (round 19): author conventions no family A-S wrote, on a US, a Japanese and
# a Chinese site. Built by make_page_u; truth decisions in the module docstring.

SITES_U = {
    "en": ("The Lakeshore Ledger", "lakeshoreledger.com", -6),
    "ja": ("みなと新聞", "minato-shimbun.jp", 9),
    "zh": ("东岸日报", "dongandaily.cn", 8),
}
FIRST_U = {"en": "Ahmad María Anne-Marie Jean-Luc Siobhan Kwame Nurul Pieter",
           "ja": "太郎 花子 健一 美咲 翔太 由美",
           "zh": "小明 华 建国 丽娟 伟 静"}
LAST_U = {"en": ("bin Ismail", "de la Cruz", "van der Berg", "al-Rashid", "O'Neill",
                 "Okonkwo-Hart", "dos Santos", "Mac Giolla"),
          "ja": ("山田", "佐藤", "鈴木", "高橋", "田中", "渡辺"),
          "zh": ("王", "李", "张", "刘", "陈", "杨")}
FIRST_U = {k: v.split() for k, v in FIRST_U.items()}
HEADLINE_U = {
    "en": ("Lake levels fall to a ten-year low as the dry season drags on",
           "Transit board delays vote on the north line extension"),
    "ja": ("港湾の再開発計画、費用高騰で見直しへ", "冬の減便に備えるフェリー各社"),
    "zh": ("港口疏浚计划因成本上涨而搁置", "渡轮公司为冬季减班做准备"),
}
FILLER_U = {
    "en": "Officials said the figures would be reviewed again next month, and residents along "
          "the shore asked for a public hearing before any contract is signed.",
    "ja": "関係者によると、数字は来月改めて検討される見通しで、沿岸の住民は契約前の公聴会の開催を"
          "求めている。",
    "zh": "有关官员表示，相关数据将于下月再次审查，沿岸居民要求在签署任何合同之前举行公开听证会。",
}
U_AUTHOR_LANG = {
    "en_allcaps_in_first_paragraph": ("en",), "en_split_spans_links": ("en",),
    "en_contributor_suffix": ("en",), "en_photos_video_credits": ("en",),
    "en_writing_editing_signoff": ("en",), "en_text_photography_labels": ("en",),
    "en_particle_names_and": ("en",), "en_avatar_alt_only": ("en",),
    "ja_name_kisha_glued": ("ja",), "ja_bracket_place_equals_name": ("ja",),
    "ja_bun_shashin_labels": ("ja",),
    "zh_benbao_jizhe_two_names": ("zh",), "zh_wen_slash_name": ("zh",),
    "zh_jizhe_name_slash_place_report": ("zh",),
}
# about a fifth of the pages date or title themselves otherwise (the rest: <time>, <h1>)
U_DATE_LANG = {"ja_nen_gappi_jifun": ("ja",), "zh_nian_yue_ri_laiyuan": ("zh",),
               "en_updated_first_then_posted": ("en",)}
U_TITLE = ("title_underscore_site_no_h1", "h1_bracket_label_kicker")


def _u_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        first, last = rng.choice(FIRST_U[lang]), rng.choice(LAST_U[lang])
        name = f"{first} {last}" if lang == "en" else f"{last}{first}"  # CJK: no space
        if name not in avoid and not (lang == "en" and any(
                set(name.split()) & set(a.split()) for a in avoid)):
            return name


def _u_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, str, str, list[str]]:
    """Family U's author conventions: (credit under the heading, the body's first
    paragraph, what follows the body, the true authors)."""
    name = _u_person(lang, rng)
    other = _u_person(lang, rng, {name})
    third = _u_person(lang, rng, {name, other})
    n, o, t = escape(name), escape(other), escape(third)
    by = '<p class="credit">{}</p>'
    if aconv == "en_allcaps_in_first_paragraph":  # the wire's dateline habit, no byline
        return "", f"<p>By {escape(name.upper())} Associated Press</p>", "", [name]
    if aconv == "en_split_spans_links":  # "By" and each name in its own element
        def link(x: str) -> str:
            return f'<a href="/author/{re.sub(r"[^a-z]+", "-", x.lower())}">{escape(x)}</a>'
        return (f'<div class="byline"><span class="by">By</span> {link(name)}'
                f'<span class="sep">, </span>{link(other)}<span class="sep"> and </span>'
                f"{link(third)}</div>"), "", "", [name, other, third]
    if aconv == "en_contributor_suffix":
        return by.format(f"{n}, Contributor"), "", "", [name]
    if aconv == "en_photos_video_credits":  # the photographer and the video are no writers
        return by.format(f"By {n} · Photos: {o} · Video: {t}"), "", "", [name]
    if aconv == "en_writing_editing_signoff":  # Reuters' tail, no byline on top
        return "", "", f"<p>(Writing by {n}; Editing by {o} and {t})</p>", [name]
    if aconv == "en_text_photography_labels":
        return by.format(f"Text: {n} | Photography: {o}"), "", "", [name]
    if aconv == "en_particle_names_and":
        return by.format(f"By {n} and {o}"), "", "", [name, other]
    if aconv == "en_avatar_alt_only":  # the name only in the avatar's alt text
        slug = re.sub(r"[^a-z]+", "-", name.lower())
        return (f'<div class="author"><a rel="author" href="/author/{slug}/">'
                f'<img class="avatar" src="/img/{slug}.jpg" alt="{n}"></a></div>'), "", "", [name]
    if aconv == "ja_name_kisha_glued":  # "NAME記者" (reporter), no space
        return by.format(f"{n}記者"), "", "", [name]
    if aconv == "ja_bracket_place_equals_name":  # "【Washington = NAME】" opens the story
        place = rng.choice(("ワシントン", "北京", "大阪", "ロンドン"))
        return "", f"<p>【{place}＝{n}】{FILLER_U['ja']}</p>", "", [name]
    if aconv == "ja_bun_shashin_labels":  # "text: X  photos: Y"
        return by.format(f"文：{n}　写真：{o}"), "", "", [name]
    if aconv == "zh_benbao_jizhe_two_names":  # "our reporters X Y"; the editor is none
        return (by.format(f"本报记者 {n} {o}"), "",
                f'<p class="editor">责任编辑：{t}</p>', [name, other])
    if aconv == "zh_wen_slash_name":  # "text / NAME"
        return by.format(f"文／{n}"), "", "", [name]
    if aconv == "zh_jizhe_name_slash_place_report":  # "reporter NAME / Taipei report"
        return by.format(f"记者{n}／台北报导"), "", "", [name]
    raise ValueError(aconv)


def _u_date(dconv: str, stamp: datetime, rng: random.Random) -> str:
    """Family U's date line: a plain `<time datetime>` or one of U_DATE_LANG's."""
    day = stamp.date()
    if dconv == "ja_nen_gappi_jifun":
        return (f'<p class="date">{day.year}年{day.month}月{day.day}日 '
                f"{stamp.hour}時{stamp.minute:02d}分</p>")
    if dconv == "zh_nian_yue_ri_laiyuan":  # the day, the time and the source
        return (f'<p class="info">{day.year}年{day.month:02d}月{day.day:02d}日 '
                f"{stamp:%H:%M} 来源：新华网</p>")
    if dconv == "en_updated_first_then_posted":  # the later update written first
        later = stamp + timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 9))
        return (f'<p class="dates">Updated {AP_MONTHS[later.month - 1]} {later.day}, '
                f"{later.year} · Posted {AP_MONTHS[day.month - 1]} {day.day}, {day.year}</p>")
    return f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'


def make_page_u(rng: random.Random, i: int) -> Page:
    """A family U page: a US, Japanese or Chinese site's story with an author credit in a
    convention no earlier family wrote (see the module docstring for the truth); about a
    fifth date or title themselves in a way of their own."""
    lang = rng.choice(("en", "en", "en", "ja", "zh"))
    aconv = rng.choice([c for c, r in U_AUTHOR_LANG.items() if lang in r])
    own_date = [c for c, r in U_DATE_LANG.items() if lang in r]
    dconv = rng.choice(own_date) if rng.random() < 0.2 else "time_datetime"
    tconv = rng.choice(U_TITLE) if rng.random() < 0.2 else "h1_title_pipe_site"
    site, domain, zone = SITES_U[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = rng.choice(HEADLINE_U[lang])
    byline, first, tail, authors = _u_author(aconv, lang, rng)
    meta = _u_date(dconv, stamp, rng)
    url = f"https://www.{domain}/news/{i:05d}.html"
    paras = first + "".join(f"<p>{FILLER_U[lang]} {FILLER_U[lang]}</p>"
                            for _ in range(rng.randint(2, 4)))
    if tconv == "title_underscore_site_no_h1":  # Chinese portals' habit; no <h1>
        doc_title, heading = f"{title}_{site}", f'<div class="title">{escape(title)}</div>'
    elif tconv == "h1_bracket_label_kicker":  # a label in brackets is no part of it
        label = {"en": "[WATCH]", "ja": "【速報】", "zh": "【独家】"}[lang]
        doc_title, heading = f"{title} | {site}", f"<h1>{label}{escape(title)}</h1>"
    else:
        doc_title, heading = f"{title} | {site}", f"<h1>{escape(title)}</h1>"
    content = (f'<article class="story">{heading}{byline}{meta}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family V (round 20): publication days beside another calendar (Solar Hijri, lunar
# Hijri, Taiwan's Minguo years), days only in a Chinese URL's shapes, and an online day
# beside a later print edition's. Built by make_page_v; truth decisions in the module
# docstring.

SITES_V = {
    "fa": ("روزنامه کرانه", "karanehnews.ir", 3.5),
    "ar-SA": ("صحيفة الواحة", "alwahanews.com.sa", 3),
    "zh-TW": ("南港日報", "nangangdaily.com.tw", 8),
    "zh-CN": ("江海在线", "jianghai.com.cn", 8),
    "de": ("Nordbrücker Zeitung", "nordbruecker-zeitung.de", 1),
    "fr": ("Le Courrier de l'Estuaire", "courrier-estuaire.fr", 1),
}
V_DATE_REGION = {
    "fa_jalali_month_name": "fa", "fa_jalali_numeric_slash": "fa",
    "fa_jalali_equals_gregorian": "fa",
    "ar_hijri_then_gregorian": "ar-SA", "ar_gregorian_then_hijri_numeric": "ar-SA",
    "tw_minguo_numeric": "zh-TW", "tw_minguo_nian_yue_ri": "zh-TW",
    "url_cn_yyyy_mmdd_only": "zh-CN", "url_cn_yyyy_mm_slash_dd_only": "zh-CN",
    "de_online_print_edition_next_day": "de", "fr_online_print_edition_next_day": "fr",
}
V_AUTHOR_REGION = {"fa_nevisande_aks": "fa", "ar_kataba": "ar-SA",
                   "tw_cna_dispatch_opening": "zh-TW"}
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
MONTHS_JALALI = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
MONTHS_FA_GREGORIAN = ("ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر "
                       "دسامبر").split()
WEEKDAYS_FA = "دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه شنبه یکشنبه".split()
MONTHS_HIJRI = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
# Nowruz (1 Farvardin) of the Solar Hijri years the generated days fall in, as Iran's
# calendar has them (1403 a leap year: its Esfand has 30 days)
NOWRUZ_V = {1402: date(2023, 3, 21), 1403: date(2024, 3, 20), 1404: date(2025, 3, 21),
            1405: date(2026, 3, 21)}
HEADLINE_V = {
    "fa": "طرح لایروبی بندر به دلیل افزایش هزینه‌ها متوقف شد",
    "ar": "تعثر خطة تعميق الميناء مع ارتفاع التكاليف",
    "zh-TW": "港口疏浚計畫因成本上漲而擱置", "zh-CN": "港口疏浚计划因成本上涨而搁置",
    "de": "Hafenvertiefung liegt wegen steigender Kosten auf Eis",
    "fr": "Le dragage du port suspendu face à la hausse des coûts",
}
FILLER_V = {
    "fa": "مقامات گفتند ارقام ماه آینده دوباره بررسی می‌شود و ساکنان ساحل خواستار جلسه استماع "
          "عمومی پیش از امضای هر قراردادی شدند.",
    "ar": "وقال مسؤولون إن الأرقام ستراجع مرة أخرى الشهر المقبل، وطالب السكان بجلسة استماع عامة.",
    "zh-TW": "官員表示，相關數字將在下個月再次審查，沿岸居民要求在簽署任何合約之前舉行公聽會。",
    "zh-CN": "官员表示，相关数字将在下个月再次审查，沿岸居民要求在签署任何合同之前举行公开听证会。",
    "de": "Die Zahlen sollen im kommenden Monat erneut geprüft werden, Anwohner am Ufer fordern "
          "vor jeder Vertragsunterzeichnung eine öffentliche Anhörung.",
    "fr": "Les chiffres seront réexaminés le mois prochain, et les riverains réclament une "
          "réunion publique avant toute signature de contrat.",
}
PEOPLE_V = {"fa": ("مریم احمدی", "علی رضایی", "سارا کریمی", "حسین محمدی"),
            "ar": ("أحمد السيد", "منى عبد الله", "خالد الشمري", "نورة القحطاني"),
            "zh-TW": ("陳怡君", "林志明", "黃淑芬", "張家豪")}


def _v_jalali(day: date) -> tuple[int, int, int]:
    """The Solar Hijri (year, month, day) of a Gregorian day (months 1-6 of 31 days, 7-11
    of 30, Esfand 29 or 30)."""
    year = max(y for y, start in NOWRUZ_V.items() if start <= day)
    offset = (day - NOWRUZ_V[year]).days
    if offset < 186:
        return year, offset // 31 + 1, offset % 31 + 1
    offset -= 186
    return year, offset // 30 + 7, offset % 30 + 1


def _v_hijri(day: date) -> tuple[int, int, int]:
    """The tabular (arithmetic) Islamic calendar's (year, month, day) of a Gregorian day;
    Saudi sites print Umm al-Qura's, at most a day apart: the Gregorian beside it is the
    truth either way."""
    def start(y: int, m: int) -> int:  # the Julian day number of the month's first day
        return (295 * (m - 1) + 9) // 10 + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948440
    jdn = day.toordinal() + 1721425
    y = (30 * (jdn - 1948440) + 10646) // 10631
    m = min(12, max(1, next(k for k in range(12, 0, -1) if start(y, k) <= jdn)))
    return y, m, jdn - start(y, m) + 1


def _v_persian(text: str) -> str:
    return text.translate(str.maketrans("0123456789", PERSIAN_DIGITS))


def _v_date_line(dconv: str, stamp: datetime, rng: random.Random) -> tuple[str, str]:
    """Family V's visible day: (the line under the heading, a line after the body)."""
    day, hm = stamp.date(), f"{stamp:%H:%M}"
    if dconv.startswith("fa_"):
        jy, jm, jd = _v_jalali(day)
        if dconv == "fa_jalali_month_name":  # "Thursday 12 Azar 1405 - 14:05"
            text = f"{WEEKDAYS_FA[day.weekday()]} {jd} {MONTHS_JALALI[jm - 1]} {jy} - {hm}"
        elif dconv == "fa_jalali_numeric_slash":  # "date of publication: 1405/09/12 - 14:05"
            text = f"تاریخ انتشار: {jy}/{jm:02d}/{jd:02d} - {hm}"
        else:  # "12 Azar 1405, equal to 3 December 2026"
            text = (f"{jd} {MONTHS_JALALI[jm - 1]} {jy} برابر با {day.day} "
                    f"{MONTHS_FA_GREGORIAN[day.month - 1]} {day.year}")
        return f'<div class="news-date">{escape(_v_persian(text))}</div>', ""
    if dconv.startswith("ar_"):
        hy, hm_, hd = _v_hijri(day)
        if dconv == "ar_hijri_then_gregorian":  # "Thursday 22 Jumada II 1448 AH - 03 Dec. 2026 AD"
            text = (f"{WEEKDAYS_T['ar'][day.weekday()]} {hd} {MONTHS_HIJRI[hm_ - 1]} {hy} هـ - "
                    f"{day.day:02d} {MONTHS_T['ar-EG'][day.month - 1]} {day.year} م")
        else:  # "03-12-2026 AD, corresponding to 22-06-1448 AH"
            text = f"{day:%d-%m-%Y} م الموافق {hd:02d}-{hm_:02d}-{hy} هـ"
        return f'<span class="date">{escape(text)}</span>', ""
    if dconv == "tw_minguo_numeric":  # the Republic's year 1 was 1912
        return (f'<div class="date">發布時間：{day.year - 1911}/{day.month:02d}/{day.day:02d} '
                f"{hm}</div>"), ""
    if dconv == "tw_minguo_nian_yue_ri":
        return (f'<div class="date">中華民國{day.year - 1911}年{day.month}月{day.day}日 '
                f"{hm}</div>"), ""
    if dconv.startswith("url_cn_"):
        return "", ""  # the URL's day only
    # the print edition of the next morning (or two days on) is not the web story's day
    printed = day + timedelta(days=rng.choice((1, 1, 2)))
    if dconv == "de_online_print_edition_next_day":
        online = f'<div class="date">{day:%d.%m.%Y}, {stamp:%H:%M} Uhr</div>'
        if rng.random() < 0.5:
            paper = f"<p><em>Erschienen in der Ausgabe vom {printed:%d.%m.%Y}</em></p>"
        else:
            paper = (f"<p><em>Dieser Artikel erschien in der gedruckten Ausgabe vom "
                     f"{printed.day}. {MONTHS['de'][printed.month - 1]} {printed.year}.</em></p>")
        return online, paper
    online = f'<div class="date">Le {day:%d/%m/%Y} à {stamp:%H}h{stamp:%M}</div>'
    if rng.random() < 0.5:
        paper = f"<p><em>Paru dans l'édition du {printed:%d/%m/%Y}</em></p>"
    else:
        paper = (f"<p><em>Cet article est paru dans l'édition du {printed.day} "
                 f"{MONTHS['fr'][printed.month - 1]} {printed.year}.</em></p>")
    return online, paper


def _v_author(aconv: str, region: str, day: date, rng: random.Random
              ) -> tuple[str, str, list[str]]:
    """Family V's credits: (under the heading, the body's opening, the true authors)."""
    if aconv == "none":
        return "", "", []
    names = rng.sample(PEOPLE_V["ar" if region == "ar-SA" else region], 2)
    if aconv == "fa_nevisande_aks":  # "writer: X | photo: Y"
        return (f'<div class="author">نویسنده: {escape(names[0])} | عکس: {escape(names[1])}</div>',
                "", [names[0]])
    if aconv == "ar_kataba":  # "wrote: X" (Gulf and Egyptian bylines)
        return f'<p class="author">كتب: {escape(names[0])}</p>', "", [names[0]]
    # CNA's opening: "(CNA reporter X, Taipei, the 3rd, dispatch)"
    return "", f"（中央社記者{escape(names[0])}台北{day.day}日電）", [names[0]]


def make_page_v(rng: random.Random, i: int) -> Page:
    """A family V page: an Iranian, Saudi, Taiwanese, Chinese, German or French site's
    story whose day is written beside another calendar's, only in the URL, or beside a
    later print edition's (see the module docstring for the truth). No JSON-LD, no meta
    tag; about a fifth credit an author in a way of their own."""
    dconv = rng.choice(tuple(V_DATE_REGION))
    region = V_DATE_REGION[dconv]
    lang = region[:2]
    authored = [c for c, r in V_AUTHOR_REGION.items() if r == region]
    aconv = authored[0] if authored and rng.random() < 0.4 else "none"
    site, domain, zone = SITES_V[region]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = HEADLINE_V["ar" if region == "ar-SA" else region if lang == "zh" else lang]
    filler = FILLER_V["ar" if region == "ar-SA" else region if lang == "zh" else lang]
    byline, opening, authors = _v_author(aconv, region, day, rng)
    online, paper = _v_date_line(dconv, stamp, rng)
    if dconv == "url_cn_yyyy_mmdd_only":  # People's Daily's shape
        url = f"https://www.{domain}/n1/{day.year}/{day:%m%d}/c1001-{40000000 + i * 37}.html"
    elif dconv == "url_cn_yyyy_mm_slash_dd_only":  # Xinhua's shape
        url = f"https://www.{domain}/{day:%Y-%m}/{day:%d}/c_{1130000000 + i * 41}.htm"
    else:
        url = f"https://www.{domain}/news/{(i * 7919) % 100000 + 100000}.html"
    paras = (f"<p>{opening}{filler}</p>" + "".join(f"<p>{filler} {filler}</p>"
                                                  for _ in range(rng.randint(2, 4))))
    related = ""
    if rng.random() < 0.6:  # related stories: their URLs (and no day besides) are theirs
        items = []
        for k in range(3):
            other = day - timedelta(days=rng.randint(1, 40))
            href = (f"/n1/{other.year}/{other:%m%d}/c1001-{30000000 + i * 3 + k}.html"
                    if dconv == "url_cn_yyyy_mmdd_only" else
                    f"/{other:%Y-%m}/{other:%d}/c_{1120000000 + i * 3 + k}.htm"
                    if region == "zh-CN" else f"/news/{(i * 31 + k) % 100000 + 100000}.html")
            items.append(f'<li><a href="{href}">{escape(title)}</a></li>')
        related = f'<aside class="related"><ul>{"".join(items)}</ul></aside>'
    content = (f'<article class="story"><h1>{escape(title)}</h1>{byline}{online}'
               f'<div class="story-body">{paras}{paper}</div></article>')
    dir_ = ' dir="rtl"' if lang in ("fa", "ar") else ""
    html = (
        f'<!DOCTYPE html><html lang="{region}"{dir_}><head><meta charset="utf-8">'
        f"<title>{escape(title)} - {escape(site)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}{related}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": "h1_title_dash_site"}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family X (round 22): publication days beside relative ages, in odd URL shapes,
# behind a <time> whose datetime is another moment, after dates in the first paragraph,
# and in Afghanistan's Solar Hijri months or on a Persian page of no Iranian domain. Built
# by make_page_x; truth decisions in the module docstring.

SITES_X = {
    "en": ("The Harbour Ledger", "harbourledger.co.uk", 0),
    "es": ("Diario del Litoral Sur", "litoralsur.es", 1),
    "de": ("Rheinufer Kurier", "rheinufer-kurier.de", 1),
    "fr": ("Le Petit Riverain", "petitriverain.fr", 1),
    "vi": ("Báo Cửa Biển", "baocuabien.vn", 7),
    "fa-AF": ("خبرگزاری دریا", "daryanews.af", 4.5),
    "fa": ("پیک ساحل", "peykesahel.com", 3.5),
}
X_DATE_LANG = {
    "age_top_absolute_after_body": ("en", "es", "de", "fr", "vi"),
    "url_week_number_visible_day": ("en", "de"),
    "url_day_differs_visible_published": ("en", "es", "fr"),
    "time_datetime_modified_text_published": ("en", "es", "de", "fr"),
    "as_of_first_paragraph_date_after_body": ("en", "es"),
    "event_day_first_paragraph_date_after_body": ("en", "de", "fr"),
    "af_dari_solar_month_name": ("fa-AF",),
    "fa_jalali_numeric_lang_only": ("fa",),
}
X_AUTHOR_LANG = {"af_gozareshgar": "fa-AF", "fa_be_ghalam": "fa", "vi_tac_gia": "vi"}
# Afghanistan's names of the Solar Hijri months (Dari), the same months as Iran's
MONTHS_DARI = "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت".split()
AGE_X = {  # an age as the server wrote it when it rendered the page (hours, days)
    "en": ("{n} hours ago", "{n} days ago"), "es": ("hace {n} horas", "hace {n} días"),
    "de": ("vor {n} Stunden", "vor {n} Tagen"), "fr": ("il y a {n} heures", "il y a {n} jours"),
    "vi": ("{n} giờ trước", "{n} ngày trước"),
}
PUBLISHED_X = {"en": "Published {d} {m} {y}", "es": "Publicado el {d} de {m} de {y}",
               "de": "Veröffentlicht am {d}. {m} {y}", "fr": "Publié le {d} {m} {y}"}
HEADLINE_X = {
    "en": "Harbour dredging plan shelved as costs climb",
    "es": "El dragado del puerto, aplazado por el alza de los costes",
    "de": "Hafenausbaggerung wegen steigender Kosten verschoben",
    "fr": "Le dragage du port reporté face à la hausse des coûts",
    "vi": "Dự án nạo vét cảng bị hoãn vì chi phí tăng",
    "fa-AF": "طرح لایروبی بندر به دلیل افزایش هزینه‌ها متوقف شد",
    "fa": "طرح لایروبی بندر به دلیل افزایش هزینه‌ها متوقف شد",
}
FILLER_X = {
    "en": "Officials said the figures would be reviewed again next month, and residents "
          "along the shore asked for a public hearing before any contract is signed.",
    "es": "Las cifras se revisarán el mes que viene y los vecinos de la costa piden una "
          "audiencia pública antes de firmar cualquier contrato.",
    "de": "Die Zahlen sollen im kommenden Monat erneut geprüft werden, Anwohner fordern vor "
          "jeder Vertragsunterzeichnung eine öffentliche Anhörung.",
    "fr": "Les chiffres seront réexaminés le mois prochain, et les riverains réclament une "
          "réunion publique avant toute signature de contrat.",
    "vi": "Các quan chức cho biết số liệu sẽ được xem xét lại vào tháng tới, và người dân "
          "ven biển yêu cầu một buổi điều trần công khai trước khi ký hợp đồng.",
    "fa-AF": "مقامات گفتند ارقام ماه آینده دوباره بررسی می‌شود و باشندگان ساحل خواستار "
             "نشست عمومی پیش از امضای هر قراردادی شدند.",
    "fa": "مقامات گفتند ارقام ماه آینده دوباره بررسی می‌شود و ساکنان ساحل خواستار جلسه "
          "استماع عمومی پیش از امضای هر قراردادی شدند.",
}
# a day earlier than the story's in its first paragraph: the figures' or the meeting's
AS_OF_X = {"en": "As of {m} {d}, {y}, the port authority had spent {n} million on surveys.",
           "es": "A fecha de {d} de {m} de {y}, la autoridad portuaria había gastado {n} "
                 "millones en estudios."}
EVENT_X = {"en": "At its meeting on {d} {m} {y}, the council voted {n} to 4 to pause the "
                 "works.",
           "de": "In seiner Sitzung am {d}. {m} {y} stimmte der Rat mit {n} zu 4 Stimmen "
                 "für eine Pause.",
           "fr": "Lors de sa séance du {d} {m} {y}, le conseil a voté par {n} voix contre 4 "
                 "la suspension des travaux."}
PEOPLE_X = {"fa-AF": ("احمد شاه نوری", "مریم سادات", "فرید احمدزی", "زهرا حیدری"),
            "fa": ("مریم احمدی", "علی رضایی", "سارا کریمی", "حسین محمدی"),
            "vi": ("Nguyễn Minh Anh", "Trần Thu Hà", "Lê Quang Huy", "Phạm Ngọc Lan")}


def _x_written(lang: str, day: date) -> str:
    """"Published 3 December 2026" in the page's language (Vietnamese: its numeric form)."""
    if lang == "vi":
        return f"Ngày đăng: {day:%d/%m/%Y}"
    return PUBLISHED_X[lang].format(d=day.day, m=MONTHS[lang][day.month - 1], y=day.year)


def _x_date(dconv: str, lang: str, stamp: datetime, rng: random.Random
            ) -> tuple[str, str, str, str]:
    """Family X's day: (under the heading, the first paragraph's opening, a line after the
    body, the URL's path before its slug)."""
    day, hm = stamp.date(), f"{stamp:%H:%M}"
    if dconv == "age_top_absolute_after_body":
        # the age was written when the page was rendered, some hours or days before the
        # fetch (a cached copy): counted back from the fetch it is no day at all
        hours, days = AGE_X[lang]
        age = (hours.format(n=rng.randint(2, 11)) if rng.random() < 0.6
               else days.format(n=rng.randint(2, 3)))
        return (f'<span class="age">{escape(age)}</span>', "",
                f'<p class="published">{escape(_x_written(lang, day))}</p>', "/news/")
    if dconv == "url_week_number_visible_day":  # "/2026/w49/": a week, not a day
        week = day.isocalendar()[1]
        return (f'<p class="dateline">{escape(_x_written(lang, day))}</p>', "", "",
                f"/{day.isocalendar()[0]}/w{week:02d}/")
    if dconv == "url_day_differs_visible_published":
        # the slug was made on the draft's day; the story went out later
        drafted = day - timedelta(days=rng.randint(1, 3))
        return (f'<p class="dateline">{escape(_x_written(lang, day))}, {hm}</p>', "", "",
                f"/{drafted:%Y/%m}/{drafted:%d}-")
    if dconv == "time_datetime_modified_text_published":
        # the CMS fills datetime with the last edit; the words say when it was published
        edited = stamp + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 5))
        return (f'<time datetime="{edited.isoformat()}">{escape(_x_written(lang, day))}'
                "</time>", "", "", "/news/")
    if dconv in ("as_of_first_paragraph_date_after_body",
                 "event_day_first_paragraph_date_after_body"):
        earlier = day - timedelta(days=rng.randint(2, 12))
        said = (AS_OF_X if dconv.startswith("as_of") else EVENT_X)[lang]
        opening = said.format(d=earlier.day, m=MONTHS[lang][earlier.month - 1],
                              y=earlier.year, n=rng.randint(5, 12)) + " "
        return "", opening, f'<p class="published">{escape(_x_written(lang, day))}</p>', "/news/"
    jy, jm, jd = _v_jalali(day)
    if dconv == "af_dari_solar_month_name":  # "Thursday 12 Qaws 1405", Persian or Latin digits
        text = f"{jd} {MONTHS_DARI[jm - 1]} {jy}"
        if rng.random() < 0.5:
            text = f"{WEEKDAYS_FA[day.weekday()]} {_v_persian(text)}"
        return f'<div class="date">{escape(text)}</div>', "", "", "/fa/news/"
    # a bare Solar Hijri numeric day on a .com page: only the page's lang says Persian
    text = f"{jy}/{jm:02d}/{jd:02d} {hm}"
    text = _v_persian(text) if rng.random() < 0.5 else text
    return f'<span class="date">{escape(text)}</span>', "", "", "/news/"


def _x_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """Family X's credits: (the line, the true authors)."""
    if aconv == "none":
        return "", []
    name = rng.choice(PEOPLE_X[lang])
    if aconv == "af_gozareshgar":  # "reporter: X" (Afghan sites)
        return f'<div class="author">گزارشگر: {escape(name)}</div>', [name]
    if aconv == "fa_be_ghalam":  # "by the pen of X"
        return f'<div class="author">به قلم {escape(name)}</div>', [name]
    return f'<p class="author">Tác giả: {escape(name)}</p>', [name]  # "author: X"


def make_page_x(rng: random.Random, i: int) -> Page:
    """A family X page: a British, Spanish, German, French, Vietnamese, Afghan or Persian
    site's story whose day is written in a convention no earlier family wrote (see the
    module docstring for the truth). No JSON-LD, no meta tag; about a fifth credit an
    author in a way of their own."""
    dconv = rng.choice(tuple(X_DATE_LANG))
    lang = rng.choice(X_DATE_LANG[dconv])
    aconv = next((c for c, r in X_AUTHOR_LANG.items() if r == lang), "none")
    aconv = aconv if rng.random() < 0.6 else "none"
    site, domain, zone = SITES_X[lang]
    tz = timezone(timedelta(hours=zone))
    if dconv == "age_top_absolute_after_body":  # a fresh story: ages are shown for days
        stamp = (NOW - timedelta(days=rng.randint(2, 20), minutes=rng.randint(0, 1439))
                 ).astimezone(tz)
    else:
        stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
            + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title, filler = HEADLINE_X[lang], FILLER_X[lang]
    byline, authors = _x_author(aconv, lang, rng)
    head, opening, after, path = _x_date(dconv, lang, stamp, rng)
    url = f"https://www.{domain}{path}harbour-dredging-{(i * 7919) % 100000 + 100000}"
    paras = (f"<p>{escape(opening)}{filler}</p>"
             + "".join(f"<p>{filler} {filler}</p>" for _ in range(rng.randint(2, 4))))
    content = (f'<article class="story"><h1>{escape(title)}</h1>{byline}{head}'
               f'<div class="story-body">{paras}{after}</div></article>')
    dir_ = ' dir="rtl"' if lang.startswith("fa") else ""
    html = (
        f'<!DOCTYPE html><html lang="{lang}"{dir_}><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {escape(site)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": "h1_title_pipe_site"}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family AA (round 25): author conventions no family A-Y wrote, on an American site that
# also republishes federal releases, an Italian, a Brazilian and a German site --------------

SITES_AA = {
    "en": ("The Valley Observer", "valleyobserver.com", -5),
    "it": ("La Gazzetta del Borgo", "gazzettadelborgo.it", 1),
    "pt": ("Diário do Planalto", "diariodoplanalto.com.br", -3),
    "de": ("Oberland Kurier", "oberland-kurier.de", 1),
}
FIRST_AA = {"en": "Dana Caleb Rosalind Tobias Imani Wesley Marisol Everett".split(),
            "it": "Matteo Ilaria Tommaso Serena Davide Valeria".split(),
            "pt": "Gustavo Mariana Eduardo Letícia Rodrigo Camila".split(),
            "de": "Lukas Annika Florian Svenja Tobias Ulrike".split()}
LAST_AA = {"en": ("Prescott", "Abernathy", "Quintero", "Vaughan", "Oyelaran", "Kowalczyk",
                  "Lindgren", "Marchetti"),
           "it": ("Ferrari", "Galli", "Conti", "De Luca", "Mancini", "Lombardi"),
           "pt": ("Rocha", "Barbosa", "Teixeira", "Cardoso", "Moreira", "Nascimento"),
           "de": ("Hartmann", "Krüger", "Lehmann", "Wagner", "Zimmermann", "Fuchs")}
HEADLINE_AA = {
    "en": ("Officers seize counterfeit goods at inland port of entry",
           "Regional clinics expand hours under new federal grant"),
    "it": ("Il comune approva il piano per la nuova scuola",
           "Lavori sulla provinciale, chiusure notturne fino a marzo"),
    "pt": ("Prefeitura anuncia novo corredor de ônibus na zona norte",
           "Governo estadual amplia horário de atendimento nas clínicas"),
    "de": ("Kreistag beschließt Ausbau der Bahnstrecke ins Oberland",
           "Landratsamt verlängert Öffnungszeiten der Bürgerbüros"),
}
FILLER_AA = {
    "en": "The officials said the figures would be published in full next quarter, and "
          "local leaders asked for a public briefing before the program expands further.",
    "it": "L'amministrazione ha spiegato che i dati completi saranno pubblicati nel prossimo "
          "trimestre, e i residenti hanno chiesto un incontro pubblico.",
    "pt": "Os responsáveis disseram que os números completos serão publicados no próximo "
          "trimestre, e os moradores pediram uma audiência pública.",
    "de": "Die Verwaltung will die vollständigen Zahlen im nächsten Quartal vorlegen, "
          "Anwohner fordern eine öffentliche Informationsveranstaltung.",
}
AGENCIES_AA = ("U.S. Customs and Border Protection", "Department of Health and Human Services",
               "U.S. Fish and Wildlife Service",
               "National Oceanic and Atmospheric Administration")
AA_AUTHOR_LANG = {
    "en_agency_caps_and": ("en",), "en_opinion_analysis_by": ("en",),
    "en_bio_after_body_only": ("en",), "en_meta_author_and_only": ("en",),
    "en_hcard_name_only": ("en",), "en_by_three_oxford_comma": ("en",),
    "it_a_cura_di": ("it",), "it_dal_nostro_inviato": ("it",),
    "pt_por_emdash_city": ("pt",), "de_von_mit_material": ("de",),
}
# about a fifth of the pages date or title themselves otherwise (the rest: <time>, <h1>)
AA_DATE_LANG = {"en_release_date_label": ("en",), "it_modifica_paren": ("it",),
                "pt_weekday_de_as": ("pt",), "de_weekday_comma_dots": ("de",)}
AA_TITLE = ("aria_heading_no_h1",)
MONTHS_AA = {"it": ("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
                    "ottobre novembre dicembre").split(),
             "pt": ("janeiro fevereiro março abril maio junho julho agosto setembro outubro "
                    "novembro dezembro").split()}
WEEKDAYS_AA = {"pt": ("segunda-feira terça-feira quarta-feira quinta-feira sexta-feira "
                      "sábado domingo").split(),
               "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()}
BEATS_AA = ("covers city hall", "writes about health care and hospitals",
            "covers courts and public safety")


def _aa_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        name = f"{rng.choice(FIRST_AA[lang])} {rng.choice(LAST_AA[lang])}"
        if name not in avoid and not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _aa_author(aconv: str, lang: str, domain: str, rng: random.Random  # noqa: C901
               ) -> tuple[str, str, str, list[str]]:
    """Family AA's author conventions: (credit under the heading, what follows the body,
    extra head tags, the true authors)."""
    name = _aa_person(lang, rng)
    other = _aa_person(lang, rng, {name})
    third = _aa_person(lang, rng, {name, other})
    n, o, t = escape(name), escape(other), escape(third)
    by = '<p class="byline">{}</p>'
    if aconv == "en_agency_caps_and":  # a republished release: the office, in capitals
        agency = rng.choice(AGENCIES_AA)
        credit = agency.upper() if rng.random() < 0.5 else f"By {agency.upper()}"
        return by.format(escape(credit)), "", "", [agency]
    if aconv == "en_opinion_analysis_by":  # the section's word before "by"
        return by.format(f"{rng.choice(('Opinion', 'Analysis'))} by {n}"), "", "", [name]
    if aconv == "en_bio_after_body_only":  # no byline: the writer's bio closes the story
        beat = rng.choice(BEATS_AA)
        mail = f"{_slug(name).split('-')[0]}@{domain}"
        return ("", f'<div class="author-bio"><p><strong>{n}</strong> {beat} for '
                f'{escape(SITES_AA[lang][0])}. Reach {n.split()[0]} at '
                f'<a href="mailto:{mail}">{mail}</a>.</p></div>', "", [name])
    if aconv == "en_meta_author_and_only":  # two names joined by "and" in the head only
        return "", "", f'<meta name="author" content="{n} and {o}">', [name, other]
    if aconv == "en_hcard_name_only":  # a microformats h-card, the name and no "By"
        return (f'<p class="meta"><span class="h-card p-author"><a class="u-url p-name" '
                f'href="https://www.{domain}/people/{_slug(name)}/">{n}</a></span></p>',
                "", "", [name])
    if aconv == "en_by_three_oxford_comma":  # three writers, the serial comma
        return by.format(f"By {n}, {o}, and {t}"), "", "", [name, other, third]
    if aconv == "it_a_cura_di":  # "edited/prepared by": the piece's only credit
        return by.format(f"a cura di {n}"), "", "", [name]
    if aconv == "it_dal_nostro_inviato":  # "from our envoy / correspondent X"
        label = rng.choice(("dal nostro inviato", "dalla nostra inviata",
                            "dal nostro corrispondente"))
        return by.format(f"{label} {n}"), "", "", [name]
    if aconv == "pt_por_emdash_city":  # the name, an em dash, the city it was filed from
        city = rng.choice(("São Paulo", "Brasília", "Rio de Janeiro", "Belo Horizonte"))
        return by.format(f"Por {n} — {city}"), "", "", [name]
    if aconv == "de_von_mit_material":  # "by X, with material from dpa and AFP"
        wires = rng.choice(("dpa", "dpa und AFP", "KNA"))
        return by.format(f"Von {n}, mit Material von {wires}"), "", "", [name]
    raise ValueError(aconv)


def _aa_date(dconv: str, stamp: datetime, rng: random.Random) -> str:
    """Family AA's date line: a plain `<time datetime>` or one of AA_DATE_LANG's."""
    day = stamp.date()
    if dconv == "en_release_date_label":  # a release's own label, then its number
        return (f'<p class="release-meta">Release Date: {stamp:%B} {day.day}, {day.year}'
                f" | Release Number: {rng.randint(100, 999)}-{day:%y}</p>")
    if dconv == "it_modifica_paren":  # the day, then "(changed on <a later day> | time)"
        later = day + timedelta(days=rng.randint(1, 3))
        return (f'<p class="date">{day.day} {MONTHS_AA["it"][day.month - 1]} {day.year} '
                f"(modifica il {later.day} {MONTHS_AA['it'][later.month - 1]} {later.year} | "
                f"{stamp:%H:%M})</p>")
    if dconv == "pt_weekday_de_as":  # "quinta-feira, 3 de dezembro de 2026 às 14:05"
        return (f'<p class="date">{WEEKDAYS_AA["pt"][day.weekday()]}, {day.day} de '
                f"{MONTHS_AA['pt'][day.month - 1]} de {day.year} às {stamp:%H:%M}</p>")
    if dconv == "de_weekday_comma_dots":  # "Donnerstag, 03.12.2026, 14:05 Uhr"
        return (f'<p class="date">{WEEKDAYS_AA["de"][day.weekday()]}, {day:%d.%m.%Y}, '
                f"{stamp:%H:%M} Uhr</p>")
    return f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'


def make_page_aa(rng: random.Random, i: int) -> Page:
    """A family AA page: an American (also republishing federal releases), Italian,
    Brazilian or German site's story with an author credit in a convention no earlier
    family wrote (see the module docstring for the truth); about a fifth date or title
    themselves in a way of their own."""
    lang = rng.choice(("en", "en", "en", "en", "it", "it", "pt", "de"))
    aconv = rng.choice([c for c, r in AA_AUTHOR_LANG.items() if lang in r])
    own_date = [c for c, r in AA_DATE_LANG.items() if lang in r]
    dconv = rng.choice(own_date) if rng.random() < 0.2 else "time_datetime"
    tconv = rng.choice(AA_TITLE) if rng.random() < 0.2 else "h1_title_pipe_site"
    site, domain, zone = SITES_AA[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = rng.choice(HEADLINE_AA[lang])
    url = f"https://www.{domain}/news/{i:05d}.html"
    byline, tail, head_tags, authors = _aa_author(aconv, lang, domain, rng)
    meta = _aa_date(dconv, stamp, rng)
    paras = "".join(f"<p>{FILLER_AA[lang]} {FILLER_AA[lang]}</p>"
                    for _ in range(rng.randint(2, 4)))
    if tconv == "aria_heading_no_h1":  # no <h1>: a <div> made the page's heading by ARIA
        doc_title = f"{title} | {site}"
        heading = f'<div class="headline" role="heading" aria-level="1">{escape(title)}</div>'
    else:
        doc_title, heading = f"{title} | {site}", f"<h1>{escape(title)}</h1>"
    content = (f'<article class="story">{heading}{byline}{meta}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{head_tags}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family W (round 21): author conventions no family A-U wrote, on a UK/Irish English
# site, a Thai, a Filipino and a Swahili (Tanzanian) site. Built by make_page_w; truth
# decisions in the module docstring.

SITES_W = {
    "en": ("The Harbour Courier", "harbourcourier.co.uk", 0),
    "th": ("ข่าวริมน้ำ", "rimnamnews.co.th", 7),
    "tl": ("Balitang Lungsod", "balitanglungsod.ph", 8),
    "sw": ("Habari za Pwani", "habarizapwani.co.tz", 3),
}
FIRST_W = {"en": "Aoife Cathal Niamh Seán Róisín Declan Eimear Padraig",
           "th": "สมชาย สุดา วิชัย มาลี ประเสริฐ นภา",
           "tl": "Juan Maria Jose Ligaya Ramon Corazon",
           "sw": "Juma Amina Baraka Neema Hamisi Zawadi"}
LAST_W = {"en": ("Ní Bhriain", "Ó Súilleabháin", "McGrath", "O'Sullivan", "Mac Cárthaigh",
                 "Nic Giolla", "MacNamara", "Ó Dónaill"),
          "th": ("ใจดี", "ศรีสุข", "วงศ์ใหญ่", "ทองคำ", "แก้วมณี", "บุญมา"),
          "tl": ("dela Cruz", "delos Santos", "Villanueva", "de Guzman", "Bautista", "Reyes"),
          "sw": ("Mwita", "Hamisi", "Mollel", "Kimaro", "Mushi", "Njau")}
FIRST_W = {k: v.split() for k, v in FIRST_W.items()}
HEADLINE_W = {
    "en": ("Ferry operators warn of winter cuts as fuel costs climb",
           "Harbour board approves new berth after two-year review"),
    "th": ("ท่าเรือเลื่อนแผนขุดลอกเพราะต้นทุนพุ่ง", "ผู้ประกอบการเรือข้ามฟากเตรียมลดเที่ยวหน้าหนาว"),
    "tl": ("Pantalan, ipinagpaliban ang dredging dahil sa taas ng gastos",
           "Mga ferry, magbabawas ng biyahe ngayong taglamig"),
    "sw": ("Bandari yaahirisha mpango wa kuchimba kwa sababu ya gharama",
           "Kampuni za vivuko kupunguza safari msimu wa mvua"),
}
FILLER_W = {
    "en": "Officials said the figures would be reviewed again next month, and residents along "
          "the quay asked for a public hearing before any contract is signed.",
    "th": "เจ้าหน้าที่ระบุว่าจะทบทวนตัวเลขอีกครั้งในเดือนหน้า และชาวบ้านริมท่าเรือขอให้จัดประชาพิจารณ์ก่อนลงนามสัญญา",
    "tl": "Ayon sa mga opisyal, muling susuriin ang mga numero sa susunod na buwan, at humiling "
          "ang mga residente ng pampublikong pagdinig bago pirmahan ang anumang kontrata.",
    "sw": "Maafisa walisema takwimu hizo zitapitiwa tena mwezi ujao, na wakazi wa pwani "
          "waliomba mkutano wa hadhara kabla ya mkataba wowote kusainiwa.",
}
W_AUTHOR_LANG = {
    "en_translated_by": ("en",), "en_name_with_name": ("en",),
    "en_reported_produced_edited": ("en",), "en_words_graphics_data": ("en",),
    "en_allcaps_slash_agency_at_end": ("en",), "en_name_role_after_br": ("en",),
    "en_profile_url_meta_and_byline": ("en",), "en_irish_particles_and": ("en",),
    "th_doi_name": ("th",), "th_rueang_phap_labels": ("th",),
    "tl_ni_name_at_name": ("tl",), "tl_isinulat_ni": ("tl",),
    "sw_na_name_na_name": ("sw",), "sw_imeandikwa_na_mhariri": ("sw",),
}
# about a fifth of the pages date or title themselves otherwise (the rest: <time>, <h1>)
W_DATE_LANG = {"en_guardian_first_published": ("en",), "sw_desemba_saa": ("sw",),
               "tl_disyembre_comma": ("tl",), "th_iso_text_only": ("th",)}
W_TITLE = ("title_middot_site_no_h1", "h1_with_subtitle_span")
SW_MONTHS = ("Januari Februari Machi Aprili Mei Juni Julai Agosti Septemba Oktoba Novemba "
             "Desemba").split()
TL_MONTHS = ("Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre "
             "Disyembre").split()


def _w_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        name = f"{rng.choice(FIRST_W[lang])} {rng.choice(LAST_W[lang])}"
        if name not in avoid and not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _w_author(aconv: str, lang: str, domain: str, rng: random.Random
              ) -> tuple[str, str, str, list[str]]:
    """Family W's author conventions: (credit under the heading, what follows the body,
    extra head tags, the true authors)."""
    name = _w_person(lang, rng)
    other = _w_person(lang, rng, {name})
    third = _w_person(lang, rng, {name, other})
    n, o, t = escape(name), escape(other), escape(third)
    by = '<p class="credit">{}</p>'
    if aconv == "en_translated_by":  # the translator is no writer
        return by.format(f"By {n} · Translated by {o}"), "", "", [name]
    if aconv == "en_name_with_name":  # two people joined by "with"
        return by.format(f"By {n} with {o}"), "", "", [name, other]
    if aconv == "en_reported_produced_edited":  # a broadcaster's credits
        return by.format(f"Reported by {n} | Produced by {o} | Edited by {t}"), "", "", [name]
    if aconv == "en_words_graphics_data":  # a visual story's credits
        return by.format(f"Words by {n} · Graphics by {o} · Data by {t}"), "", "", [name]
    if aconv == "en_allcaps_slash_agency_at_end":  # the wire's sign-off, no byline on top
        return "", f"<p>{escape(name.upper())} / Reuters</p>", "", [name]
    if aconv == "en_name_role_after_br":  # the job title on its own line under the name
        role = rng.choice(("Senior Editor", "Staff Writer", "Europe Correspondent"))
        return (f'<p class="byline">{n}<br><span class="role">{role}</span></p>', "", "",
                [name])
    if aconv == "en_profile_url_meta_and_byline":  # the head's author is a profile URL
        profile = re.sub(r"[^a-z]+", "", name.lower().encode("ascii", "ignore").decode())
        return (by.format(f"By {n}"), "",
                f'<meta property="article:author" content="https://www.facebook.com/{profile}">',
                [name])
    if aconv == "en_irish_particles_and":  # "Ní", "Ó", "Nic", "Mac" before the surname
        return by.format(f"By {n} and {o}"), "", "", [name, other]
    if aconv == "th_doi_name":  # "by NAME SURNAME"
        return by.format(f"โดย {n}"), "", "", [name]
    if aconv == "th_rueang_phap_labels":  # "story: X  photos: Y"
        return by.format(f"เรื่อง: {n} ภาพ: {o}"), "", "", [name]
    if aconv == "tl_ni_name_at_name":  # Filipino "ni X at Y" (by X and Y)
        return by.format(f"Ni {n} at {o}"), "", "", [name, other]
    if aconv == "tl_isinulat_ni":  # "written by X", "edited by Y" after it
        return by.format(f"Isinulat ni {n} | Inedit ni {o}"), "", "", [name]
    if aconv == "sw_na_name_na_name":  # Swahili "Na X na Y": "Na" is "by", then "and"
        return by.format(f"Na {n} na {o}"), "", "", [name, other]
    if aconv == "sw_imeandikwa_na_mhariri":  # "written by X", the editor after the body
        return (by.format(f"Imeandikwa na {n}"),
                f'<p class="editor">Mhariri: {t}</p>', "", [name])
    raise ValueError(aconv)


def _w_date(dconv: str, stamp: datetime) -> str:
    """Family W's date line: a plain `<time datetime>` or one of W_DATE_LANG's."""
    day = stamp.date()
    if dconv == "en_guardian_first_published":
        return (f'<p class="dateline">First published on {stamp:%a} {day.day} {stamp:%b %Y} '
                f"{stamp:%H.%M} GMT</p>")
    if dconv == "sw_desemba_saa":  # "3 December 2026, at 14:05"
        return (f'<p class="date">{day.day} {SW_MONTHS[day.month - 1]} {day.year}, '
                f"saa {stamp:%H:%M}</p>")
    if dconv == "tl_disyembre_comma":
        return (f'<p class="date">{TL_MONTHS[day.month - 1]} {day.day}, {day.year} '
                f"{_ampm(stamp)}</p>")
    if dconv == "th_iso_text_only":  # the CMS's stamp printed as text, no element
        return f'<p class="date">{stamp:%Y-%m-%d %H:%M}</p>'
    return f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'


def make_page_w(rng: random.Random, i: int) -> Page:
    """A family W page: a UK/Irish, Thai, Filipino or Swahili site's story with an author
    credit in a convention no earlier family wrote (see the module docstring for the
    truth); about a fifth date or title themselves in a way of their own."""
    lang = rng.choice(("en", "en", "en", "en", "th", "tl", "sw"))
    aconv = rng.choice([c for c, r in W_AUTHOR_LANG.items() if lang in r])
    own_date = [c for c, r in W_DATE_LANG.items() if lang in r]
    dconv = rng.choice(own_date) if rng.random() < 0.2 else "time_datetime"
    tconv = rng.choice(W_TITLE) if rng.random() < 0.2 else "h1_title_pipe_site"
    site, domain, zone = SITES_W[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = rng.choice(HEADLINE_W[lang])
    byline, tail, head_tags, authors = _w_author(aconv, lang, domain, rng)
    meta = _w_date(dconv, stamp)
    url = f"https://www.{domain}/news/{i:05d}.html"
    paras = "".join(f"<p>{FILLER_W[lang]} {FILLER_W[lang]}</p>"
                    for _ in range(rng.randint(2, 4)))
    if tconv == "title_middot_site_no_h1":  # no <h1>: the headline in a styled div
        doc_title, heading = f"{title} · {site}", f'<div class="headline">{escape(title)}</div>'
    elif tconv == "h1_with_subtitle_span":  # the standfirst inside the <h1>, after a <br>
        sub = {"en": "What it means for commuters", "th": "ผลกระทบต่อผู้โดยสาร",
               "tl": "Ano ang epekto sa mga pasahero", "sw": "Maana yake kwa abiria"}[lang]
        doc_title = f"{title} | {site}"
        heading = f'<h1>{escape(title)}<br><span class="subtitle">{escape(sub)}</span></h1>'
    else:
        doc_title, heading = f"{title} | {site}", f"<h1>{escape(title)}</h1>"
    content = (f'<article class="story">{heading}{byline}{meta}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{head_tags}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])

# --- family AC (round 27): title conventions no family A-AA wrote, on an American, a German
# and a Spanish site ------------------------------------------------------------------------

SITES_AC = {
    "en": ("The Lakeshore Ledger", "lakeshoreledger.com", -6),
    "de": ("Nordhessen Echo", "nordhessen-echo.de", 1),
    "es": ("El Faro del Sur", "elfarodelsur.es", 1),
}
FIRST_AC = {"en": "Harper Desmond Juniper Malik Odessa Reuben".split(),
            "de": "Jonas Friederike Malte Henrike Till Wiebke".split(),
            "es": "Alejandro Lucía Ignacio Nerea Sergio Paloma".split()}
LAST_AC = {"en": ("Whitfield", "Okonkwo", "Castellanos", "Brennan", "Ashby", "Nakamura"),
           "de": ("Brandt", "Seidel", "Vogt", "Kühn", "Scholz", "Peters"),
           "es": ("Navarro", "Iglesias", "Ortega", "Delgado", "Serrano", "Molina")}
HEADLINE_AC = {
    "en": ("City council delays vote on lakefront housing plan",
           "Ferry operator adds winter crossings after record demand"),
    "de": ("Stadtrat vertagt Entscheidung über neues Wohngebiet am See",
           "Fährbetrieb bietet nach Rekordjahr zusätzliche Winterfahrten an"),
    "es": ("El ayuntamiento aplaza la votación del plan de vivienda del puerto",
           "La naviera añade travesías de invierno tras un año récord"),
}
# headlines longer than the 110 characters Google shows of a JSON-LD "headline"
LONG_HEADLINE_AC = {
    "en": ("After three years of delays and two lawsuits, the city finally opens its new "
           "lakefront library to the public this weekend",
           "State inspectors order repairs to four aging bridges on the county's busiest "
           "commuter routes before the first snowfall arrives"),
    "de": ("Nach drei Jahren Verzögerung und zwei Klagen öffnet die neue Stadtbibliothek am "
           "Seeufer an diesem Wochenende endlich ihre Türen",
           "Landesprüfer ordnen vor dem ersten Schnee Reparaturen an vier alten Brücken auf "
           "den meistbefahrenen Pendlerstrecken des Kreises an"),
    "es": ("Tras tres años de retrasos y dos demandas, la nueva biblioteca del paseo marítimo "
           "abre por fin sus puertas al público este fin de semana",
           "Los inspectores regionales ordenan reparar cuatro puentes antiguos de las rutas "
           "más transitadas de la comarca antes de las primeras nevadas"),
}
# headlines that write " - " themselves (a score, a game's name): no site separator
DASHED_HEADLINE_AC = ("Rock - Paper - Scissors: how the school board picked its new chair",
                      "Lakers 98 - 101 Celtics: late three sinks the home side",
                      "Mid-season review - the good, the bad and the ugly of the ferry league")
KICKER_CAPS_AC = {"en": ("EXCLUSIVE", "WATCH", "BREAKING", "UPDATE"),
                  "de": ("EXKLUSIV", "VIDEO", "EILMELDUNG"),
                  "es": ("EXCLUSIVA", "VÍDEO", "ÚLTIMA HORA")}
SECTION_KICKER_AC = {"en": ("Analysis", "Opinion", "Local News"),
                     "de": ("Analyse", "Meinung", "Lokales"),
                     "es": ("Análisis", "Opinión", "Local")}
MODAL_AC = {"en": ("Subscribe to our newsletter", "Get the morning briefing"),
            "de": ("Newsletter abonnieren", "Jetzt registrieren"),
            "es": ("Suscríbete a nuestro boletín", "Regístrate gratis")}
DEK_AC = {"en": "Residents say the plan moves too slowly; officials point to the budget.",
          "de": "Anwohner kritisieren das Tempo, die Verwaltung verweist auf den Haushalt.",
          "es": "Los vecinos critican la lentitud; el consistorio apunta al presupuesto."}
FILLER_AC = {
    "en": "Officials said the full figures would be published next quarter, and residents "
          "asked for a public hearing before the work goes ahead.",
    "de": "Die Verwaltung will die vollständigen Zahlen im nächsten Quartal vorlegen, "
          "Anwohner fordern vorher eine öffentliche Anhörung.",
    "es": "Los responsables dijeron que las cifras completas se publicarán el próximo "
          "trimestre, y los vecinos pidieron una audiencia pública antes de las obras.",
}
AC_TITLE_LANG = {
    "h1_caps_kicker_colon": ("en", "de", "es"), "h1_section_bar_kicker": ("en", "de", "es"),
    "modal_h1_before_story": ("en", "de", "es"), "jsonld_headline_cut_110": ("en", "de", "es"),
    "headline_own_dashes_no_h1": ("en",), "h1_header_dek": ("en", "de", "es"),
}
# about a fifth of the pages date or credit themselves otherwise (the rest: <time>, "By X")
AC_OWN_LANG = {"date:de_weekday_abbr_two_digit_year": ("de",),
               "date:es_weekday_abbr_slash": ("es",),
               "author:de_von_unserer_redakteurin": ("de",),
               "author:en_written_and_reported_by": ("en",)}
WEEKDAYS_ABBR_AC = {"de": "Mo. Di. Mi. Do. Fr. Sa. So.".split(),
                    "es": "lun mar mié jue vie sáb dom".split()}


def _ac_person(lang: str, rng: random.Random) -> str:
    return f"{rng.choice(FIRST_AC[lang])} {rng.choice(LAST_AC[lang])}"


def _ac_title(tconv: str, lang: str, site: str, rng: random.Random
              ) -> tuple[str, str, str, str, str]:
    """Family AC's title conventions: (the true headline, the <title>, extra head tags,
    what stands before the story, the story's heading)."""
    title = rng.choice(HEADLINE_AC[lang])
    plain = f"<h1>{escape(title)}</h1>"
    if tconv == "h1_caps_kicker_colon":  # a kicker in capitals, as text of the <h1>
        kicker = rng.choice(KICKER_CAPS_AC[lang])
        # (the <title> declares it too, so it is the title's: the dev gold keeps "VIDEO:
        # Voting on NYCHA's Future", declared so, and drops only labels the site leaves out)
        return (f"{kicker}: {title}", f"{kicker}: {title} | {site}", "", "",
                f"<h1>{escape(kicker)}: {escape(title)}</h1>")
    if tconv == "h1_section_bar_kicker":  # the section, a bar, then the headline
        kicker = rng.choice(SECTION_KICKER_AC[lang])
        return (title, f"{title} | {site}", "", "", f"<h1>{escape(kicker)} | {escape(title)}</h1>")
    if tconv == "modal_h1_before_story":  # a sign-up dialog's <h1> earlier in the page
        modal = (f'<div class="modal" role="dialog" aria-modal="true"><h1 class="modal-title">'
                 f"{escape(rng.choice(MODAL_AC[lang]))}</h1><form><input type=\"email\">"
                 "<button>OK</button></form></div>")
        return title, f"{title} | {site}", "", modal, plain
    if tconv == "jsonld_headline_cut_110":  # JSON-LD's headline cut at 110 characters
        title = rng.choice(LONG_HEADLINE_AC[lang])
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": title[:110].rstrip()}, ensure_ascii=False)
        short = title[:60].rsplit(" ", 1)[0]
        return (title, f"{short}… | {site}",
                f'<script type="application/ld+json">{ld}</script>', "",
                f"<h1>{escape(title)}</h1>")
    if tconv == "headline_own_dashes_no_h1":  # " - " in the headline, "- Site" after it
        title = rng.choice(DASHED_HEADLINE_AC)
        return (title, f"{title} - {site}",
                f'<meta property="og:site_name" content="{escape(site)}">', "",
                f'<div class="headline">{escape(title)}</div>')
    if tconv == "h1_header_dek":  # the standfirst beside the <h1> in the story's <header>
        return (title, f"{title} | {site}", f'<meta property="og:title" content="{escape(title)}">',
                "", f'<header class="article-header">{plain}<p class="dek">'
                f"{escape(DEK_AC[lang])}</p></header>")
    raise ValueError(tconv)


def _ac_date(dconv: str, stamp: datetime) -> str:
    """Family AC's date line: a plain `<time datetime>` or one of AC_OWN_LANG's dates."""
    day = stamp.date()
    if dconv == "de_weekday_abbr_two_digit_year":  # "Do., 03.12.26 | 14:05 Uhr"
        return (f'<p class="date">{WEEKDAYS_ABBR_AC["de"][day.weekday()]}, {day:%d.%m.%y} | '
                f"{stamp:%H:%M} Uhr</p>")
    if dconv == "es_weekday_abbr_slash":  # "jue 03/12/2026 - 14:05"
        return (f'<p class="date">{WEEKDAYS_ABBR_AC["es"][day.weekday()]} {day:%d/%m/%Y} - '
                f"{stamp:%H:%M}</p>")
    return f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'


def _ac_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """Family AC's credit: "By X" ("Von X", "Por X") or one of AC_OWN_LANG's."""
    name = _ac_person(lang, rng)
    by = '<p class="byline">{}</p>'
    if aconv == "de_von_unserer_redakteurin":  # "from our (woman) editor X"
        label = rng.choice(("Von unserer Redakteurin", "Von unserem Redakteur"))
        return by.format(f"{label} {escape(name)}"), [name]
    if aconv == "en_written_and_reported_by":
        return by.format(f"Written and reported by {escape(name)}"), [name]
    word = {"en": "By", "de": "Von", "es": "Por"}[lang]
    return by.format(f"{word} {escape(name)}"), [name]


def make_page_ac(rng: random.Random, i: int) -> Page:
    """A family AC page: an American, German or Spanish site's story whose headline is set
    in a convention no earlier family wrote (see the module docstring for the truth);
    about a fifth date or credit themselves in a way of their own."""
    lang = rng.choice(("en", "en", "en", "de", "es"))
    tconv = rng.choice([c for c, r in AC_TITLE_LANG.items() if lang in r])
    own = [c for c, r in AC_OWN_LANG.items() if lang in r]
    pick = rng.choice(own) if rng.random() < 0.2 else ""
    dconv = pick.split(":", 1)[1] if pick.startswith("date:") else "time_datetime"
    aconv = pick.split(":", 1)[1] if pick.startswith("author:") else "by_name"
    site, domain, zone = SITES_AC[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title, doc_title, head_tags, before, heading = _ac_title(tconv, lang, site, rng)
    byline, authors = _ac_author(aconv, lang, rng)
    meta = _ac_date(dconv, stamp)
    url = f"https://www.{domain}/news/{i:05d}.html"
    paras = "".join(f"<p>{FILLER_AC[lang]} {FILLER_AC[lang]}</p>"
                    for _ in range(rng.randint(2, 4)))
    content = (f'<article class="story">{heading}{byline}{meta}'
               f'<div class="story-body">{paras}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{head_tags}"
        f'<link rel="canonical" href="{url}"></head><body>{before}'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])

# --- family Y (round 23): author conventions no family A-W wrote, on an American, a German,
# a Dutch, an Argentine, a Brazilian and an Italian site -------------------------------------

SITES_Y = {
    "en": ("The Meridian Herald", "meridianherald.com", -5),
    "de": ("Rheinische Rundschau", "rheinische-rundschau.de", 1),
    "nl": ("Het Dagelijks Nieuws", "dagelijksnieuws.nl", 1),
    "es": ("Diario del Plata", "diariodelplata.com.ar", -3),
    "pt": ("Jornal da Serra", "jornaldaserra.com.br", -3),
    "it": ("Corriere del Lago", "corrieredellago.it", 1),
}
FIRST_Y = {"en": "James Olivia Marcus Hannah Derek Priya Thomas Grace",
           "de": "Jürgen Katrin Henrike Matthias Sönke Birgit",
           "nl": "Joost Marieke Sanne Pieter Bram Femke",
           "es": "Martín Lucía Santiago Valentina Joaquín Camila",
           "pt": "João Ana Rafael Beatriz Thiago Larissa",
           "it": "Giulia Marco Alessandro Chiara Luca Federica"}
LAST_Y = {"en": ("Whitfield", "Okafor", "Brennan", "Castillo", "Holloway", "Nakamura",
                 "Fairbanks", "Lindqvist"),
          "de": ("Schäfer", "Brandt", "von Hoff", "Kühn", "Wolters", "Nüßlein"),
          "nl": ("van Dijk", "de Vries", "Jansen", "van den Berg", "Bakker", "Visser"),
          "es": ("Fernández", "Gómez", "Díaz", "Sosa", "Romero", "Benítez"),
          "pt": ("Silva", "Oliveira", "Souza", "Pereira", "Carvalho", "Almeida"),
          "it": ("Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci")}
FIRST_Y = {k: v.split() for k, v in FIRST_Y.items()}
HEADLINE_Y = {
    "en": ("County commissioners delay vote on riverfront redevelopment plan",
           "Transit authority weighs fare freeze as ridership recovers"),
    "de": ("Stadtrat vertagt Entscheidung über Rheinuferbebauung",
           "Verkehrsverbund prüft Preisstopp für Monatskarten"),
    "nl": ("Gemeenteraad stelt besluit over herinrichting kade uit",
           "Vervoerder overweegt tariefstop nu reizigers terugkeren"),
    "es": ("El concejo posterga la votación sobre la costanera",
           "La empresa de transporte evalúa congelar la tarifa"),
    "pt": ("Câmara adia votação sobre revitalização da orla",
           "Empresa de transporte estuda congelar tarifa"),
    "it": ("Il consiglio rinvia il voto sul lungolago",
           "L'azienda dei trasporti valuta il blocco delle tariffe"),
}
FILLER_Y = {
    "en": "Officials said the figures would be reviewed again next month, and residents "
          "asked for a public hearing before any contract is signed.",
    "de": "Die Verwaltung will die Zahlen im kommenden Monat erneut prüfen, Anwohner fordern "
          "eine öffentliche Anhörung, bevor ein Vertrag unterschrieben wird.",
    "nl": "De gemeente wil de cijfers volgende maand opnieuw bekijken, en bewoners vragen om "
          "een openbare hoorzitting voordat er een contract wordt getekend.",
    "es": "Las autoridades dijeron que las cifras se revisarán el mes próximo, y los vecinos "
          "pidieron una audiencia pública antes de firmar cualquier contrato.",
    "pt": "As autoridades disseram que os números serão revistos no próximo mês, e os "
          "moradores pediram uma audiência pública antes da assinatura do contrato.",
    "it": "Le autorità hanno detto che i dati saranno rivisti il mese prossimo, e i residenti "
          "hanno chiesto un'audizione pubblica prima della firma del contratto.",
}
Y_AUTHOR_LANG = {
    "en_allcaps_by_and": ("en",), "en_reporting_in_city_additional": ("en",),
    "en_microdata_meta_name_only": ("en",), "en_jsonld_graph_id_refs": ("en",),
    "de_ein_kommentar_von": ("de",), "de_ein_gastbeitrag_role": ("de",),
    "nl_door_onze_correspondent": ("nl",), "es_por_y_corresponsales": ("es",),
    "pt_por_e_da_redacao": ("pt",), "it_di_e_inviati": ("it",),
}
# about a fifth of the pages date or title themselves otherwise (the rest: <time>, <h1>)
Y_DATE_LANG = {"en_ordinal_dot_time": ("en",), "de_two_digit_year_dots": ("de",),
               "nl_om_time": ("nl",), "es_roman_month": ("es",), "pt_folha_dez_dot": ("pt",),
               "it_alle_time": ("it",)}
Y_TITLE = ("h1_soft_hyphens", "title_emdash_site_h2_only")
MONTHS_Y = {"nl": ("januari februari maart april mei juni juli augustus september oktober "
                   "november december").split(),
            "pt": "jan fev mar abr mai jun jul ago set out nov dez".split(),
            "it": "gen feb mar apr mag giu lug ago set ott nov dic".split()}
ROMAN_MONTHS = "I II III IV V VI VII VIII IX X XI XII".split()
GUEST_ROLE_DE = ("Ökonom am Institut für Weltwirtschaft", "Professorin für Europarecht in Bonn",
                 "ehemaliger Botschafter in Moskau")


def _y_person(lang: str, rng: random.Random, avoid: set[str] = frozenset()) -> str:
    while True:
        name = f"{rng.choice(FIRST_Y[lang])} {rng.choice(LAST_Y[lang])}"
        if name not in avoid and not any(set(name.split()) & set(a.split()) for a in avoid):
            return name


def _y_author(aconv: str, lang: str, url: str, rng: random.Random
              ) -> tuple[str, str, str, str, list[str]]:
    """Family Y's author conventions: (credit under the heading, what follows the body,
    extra head tags, the article element's attributes, the true authors)."""
    name = _y_person(lang, rng)
    other = _y_person(lang, rng, {name})
    third = _y_person(lang, rng, {name, other})
    n, o, t = escape(name), escape(other), escape(third)
    by = '<p class="credit">{}</p>'
    if aconv == "en_allcaps_by_and":  # the template's only form: capitals, "AND" too
        return by.format(escape(f"BY {name} AND {other}".upper())), "", "", "", [name, other]
    if aconv == "en_reporting_in_city_additional":  # the wire's credit after the body only
        city, city2 = rng.choice((("Paris", "Berlin"), ("Brussels", "Geneva"),
                                  ("Washington", "Ottawa")))
        return ("", f"<p><em>Reporting by {n} in {city}; additional reporting by {o} in "
                f"{city2}; Editing by {t}</em></p>", "", "", [name])
    if aconv == "en_microdata_meta_name_only":  # the name only in a microdata <meta>
        slug = _slug(name)
        card = ('<div class="author-card" itemprop="author" itemscope '
                f'itemtype="https://schema.org/Person"><meta itemprop="name" content="{n}">'
                f'<link itemprop="url" href="{url.split("/news/")[0]}/author/{slug}/"></div>')
        return card, "", "", ' itemscope itemtype="https://schema.org/NewsArticle"', [name]
    if aconv == "en_jsonld_graph_id_refs":  # Yoast's @graph: the author an @id, one or two
        base = url.split("/news/")[0]
        people = [name] if rng.random() < 0.5 else [name, other]
        ids = [f"{base}/#/schema/person/{_slug(p).replace('-', '')[:12]}" for p in people]
        graph = [{"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
                  "author": [{"@id": i} for i in ids] if len(ids) > 1 else {"@id": ids[0]},
                  "publisher": {"@id": f"{base}/#organization"}},
                 {"@type": "WebPage", "@id": url, "url": url},
                 {"@type": "Organization", "@id": f"{base}/#organization",
                  "name": SITES_Y[lang][0]}]
        graph += [{"@type": "Person", "@id": i, "name": p, "url": f"{base}/author/{_slug(p)}/"}
                  for i, p in zip(ids, people, strict=True)]
        block = {"@context": "https://schema.org", "@graph": graph}
        head = (f'<script type="application/ld+json">'
                f"{json.dumps(block, ensure_ascii=False)}</script>")
        return "", "", head, "", people
    if aconv == "de_ein_kommentar_von":  # "a commentary by X"
        return by.format(f"Ein Kommentar von {n}"), "", "", "", [name]
    if aconv == "de_ein_gastbeitrag_role":  # "a guest contribution by X, <who X is>"
        role = escape(rng.choice(GUEST_ROLE_DE))
        return by.format(f"Ein Gastbeitrag von {n}, {role}"), "", "", "", [name]
    if aconv == "nl_door_onze_correspondent":  # "by our correspondent X" / "reporter X"
        label = rng.choice(("Door onze correspondent", "Van onze verslaggever"))
        return by.format(f"{label} {n}"), "", "", "", [name]
    if aconv == "es_por_y_corresponsales":  # two names, the plural role after a bar
        return by.format(f"Por {n} y {o} | Corresponsales"), "", "", "", [name, other]
    if aconv == "pt_por_e_da_redacao":  # two names, then the newsroom
        return by.format(f"Por {n} e {o}, da Redação"), "", "", "", [name, other]
    if aconv == "it_di_e_inviati":  # "by X and Y, (our) envoys to Brussels"
        where = rng.choice(("inviati a Bruxelles", "inviati a Kiev"))
        return by.format(f"di {n} e {o}, {where}"), "", "", "", [name, other]
    raise ValueError(aconv)


def _y_date(dconv: str, stamp: datetime) -> str:
    """Family Y's date line: a plain `<time datetime>` or one of Y_DATE_LANG's."""
    day = stamp.date()
    if dconv == "en_ordinal_dot_time":  # "Thursday 3rd December 2026, 2.05pm"
        suffix = "th" if 10 < day.day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(
            day.day % 10, "th")
        return (f'<p class="date">{stamp:%A} {day.day}{suffix} {stamp:%B %Y}, '
                f"{stamp.hour % 12 or 12}.{stamp:%M}{'am' if stamp.hour < 12 else 'pm'}</p>")
    if dconv == "de_two_digit_year_dots":
        return f'<p class="date">{day:%d.%m.%y}, {stamp:%H:%M} Uhr</p>'
    if dconv == "nl_om_time":
        return (f'<p class="date">{day.day} {MONTHS_Y["nl"][day.month - 1]} {day.year} om '
                f"{stamp:%H:%M}</p>")
    if dconv == "es_roman_month":  # "3-XII-2026"
        return f'<p class="date">{day.day}-{ROMAN_MONTHS[day.month - 1]}-{day.year}</p>'
    if dconv == "pt_folha_dez_dot":  # Folha's "3.dez.2026 às 14h05"
        return (f'<p class="date">{day.day}.{MONTHS_Y["pt"][day.month - 1]}.{day.year} às '
                f"{stamp:%H}h{stamp:%M}</p>")
    if dconv == "it_alle_time":
        return (f'<p class="date">{day.day} {MONTHS_Y["it"][day.month - 1]} {day.year} alle '
                f"{stamp:%H:%M}</p>")
    return f'<time datetime="{stamp.isoformat()}">{day.isoformat()} {stamp:%H:%M}</time>'


def _soft_hyphenated(title: str) -> str:
    """The headline escaped, its longest word broken by a soft hyphen in the middle."""
    longest = max(title.split(), key=len)
    cut = len(longest) // 2
    return escape(title).replace(escape(longest),
                                 f"{escape(longest[:cut])}&shy;{escape(longest[cut:])}", 1)


def make_page_y(rng: random.Random, i: int) -> Page:
    """A family Y page: an American, German, Dutch, Argentine, Brazilian or Italian site's
    story with an author credit in a convention no earlier family wrote (see the module
    docstring for the truth); about a fifth date or title themselves in a way of their own."""
    lang = rng.choice(("en", "en", "en", "de", "de", "nl", "es", "pt", "it"))
    aconv = rng.choice([c for c, r in Y_AUTHOR_LANG.items() if lang in r])
    own_date = [c for c, r in Y_DATE_LANG.items() if lang in r]
    dconv = rng.choice(own_date) if rng.random() < 0.2 else "time_datetime"
    tconv = rng.choice(Y_TITLE) if rng.random() < 0.2 else "h1_title_pipe_site"
    site, domain, zone = SITES_Y[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title = rng.choice(HEADLINE_Y[lang])
    url = f"https://www.{domain}/news/{i:05d}.html"
    byline, tail, head_tags, article_attrs, authors = _y_author(aconv, lang, url, rng)
    meta = _y_date(dconv, stamp)
    paras = "".join(f"<p>{FILLER_Y[lang]} {FILLER_Y[lang]}</p>"
                    for _ in range(rng.randint(2, 4)))
    if tconv == "h1_soft_hyphens":  # a long word broken for narrow screens: &shy;
        doc_title, heading = f"{title} | {site}", f"<h1>{_soft_hyphenated(title)}</h1>"
    elif tconv == "title_emdash_site_h2_only":  # no <h1>: the headline in an <h2>
        doc_title, heading = f"{title} — {site}", f'<h2 class="headline">{escape(title)}</h2>'
    else:
        doc_title, heading = f"{title} | {site}", f"<h1>{escape(title)}</h1>"
    content = (f'<article class="story"{article_attrs}>{heading}{byline}{meta}'
               f'<div class="story-body">{paras}{tail}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(doc_title)}</title>{head_tags}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": tconv}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family Z (round 24): publication days in month names no family A-Y wrote (Catalan's
# elided "d'octubre", Albanian, Malay), Korean and Japanese update stamps before or beside
# the first publication, Brazil's "Atualizado em" before "Publicado em", and dated links to
# older stories in a rail before the story. Built by make_page_z; truth decisions in the
# module docstring.

SITES_Z = {
    "ca": ("Diari del Delta", "diarideldelta.cat", 1),
    "sq": ("Gazeta e Bregut", "gazetaebregut.al", 1),
    "ms": ("Warta Pelabuhan", "wartapelabuhan.my", 8),
    "ko": ("바다일보", "badailbo.co.kr", 9),
    "ja": ("港湾タイムズ", "kowan-times.jp", 9),
    "pt": ("Jornal do Cais", "jornaldocais.com.br", -3),
    "en": ("The Quayside Courier", "quaysidecourier.com", -5),
}
Z_DATE_LANG = {
    "ca_weekday_de_month": ("ca",),
    "sq_month_name": ("sq",),
    "ms_weekday_month_at_clock": ("ms",),
    "ko_registered_then_edited": ("ko",),
    "ja_update_short_before_haishin": ("ja",),
    "pt_atualizado_before_publicado": ("pt",),
    "en_archive_rail_before_story": ("en",),
}
Z_AUTHOR_LANG = {"ca_per": "ca", "ms_oleh_bin": "ms", "sq_shkruar_nga": "sq"}
# Catalan writes "de" before a month and "d'" before one that opens on a vowel
MONTHS_CA = ("de gener", "de febrer", "de març", "d'abril", "de maig", "de juny",
             "de juliol", "d'agost", "de setembre", "d'octubre", "de novembre", "de desembre")
WEEKDAYS_CA = "dilluns dimarts dimecres dijous divendres dissabte diumenge".split()
MONTHS_SQ = "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor".split()
MONTHS_MS = ("Januari Februari Mac April Mei Jun Julai Ogos September Oktober November "
             "Disember").split()
WEEKDAYS_MS = "Isnin Selasa Rabu Khamis Jumaat Sabtu Ahad".split()
HEADLINE_Z = {
    "ca": "El port ajorna el dragatge per l'augment dels costos",
    "sq": "Porti shtyn pastrimin e kanalit për shkak të kostove",
    "ms": "Kerja pengorekan pelabuhan ditangguh kerana kos meningkat",
    "ko": "항만 준설 계획, 비용 급증에 보류",
    "ja": "港のしゅんせつ計画、費用高騰で見送り",
    "pt": "Dragagem do porto é adiada por alta nos custos",
    "en": "Harbor dredging plan shelved as costs climb",
}
FILLER_Z = {
    "ca": "Les xifres es revisaran el mes vinent i els veïns de la costa demanen una "
          "audiència pública abans de signar cap contracte.",
    "sq": "Shifrat do të rishikohen muajin e ardhshëm dhe banorët e bregut kërkojnë një "
          "dëgjesë publike para nënshkrimit të çdo kontrate.",
    "ms": "Pegawai berkata angka itu akan dikaji semula bulan depan dan penduduk pesisir "
          "meminta perbicaraan awam sebelum sebarang kontrak ditandatangani.",
    "ko": "당국은 다음 달 수치를 다시 검토할 예정이며, 해안 주민들은 계약 체결 전에 공청회를 "
          "열어 달라고 요구했다.",
    "ja": "当局は来月に数字を再検討する方針で、沿岸の住民は契約前に公聴会を開くよう求めている。",
    "pt": "Os números serão revistos no mês que vem, e os moradores da orla pedem uma "
          "audiência pública antes da assinatura de qualquer contrato.",
    "en": "Officials said the figures would be reviewed again next month, and residents "
          "along the shore asked for a public hearing before any contract is signed.",
}
ARCHIVE_Z = ("Ferry fares frozen for winter", "Council backs new sea wall",
             "Fish market reopens after repairs", "Pier lighting upgrade approved")
PEOPLE_Z = {"ca": ("Jordi Puigdollers", "Montse Ribas", "Arnau Vilaró", "Núria Ferrer"),
            "ms": ("Ahmad Rizal bin Yusof", "Nurul Huda binti Ismail", "Mohd Faizal bin Hamid",
                   "Siti Aminah binti Osman"),
            "sq": ("Arben Hoxha", "Elira Kola", "Dritan Shehu", "Blerta Gjoni")}


def _z_date(dconv: str, stamp: datetime, rng: random.Random) -> tuple[str, str]:
    """Family Z's day: (what precedes the story's article, the line under its heading)."""
    day, hm = stamp.date(), f"{stamp:%H:%M}"
    edited = stamp + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 5),
                               minutes=rng.randint(1, 59))
    if dconv == "ca_weekday_de_month":  # "Dijous, 3 d'octubre de 2026, 14:05"
        month = MONTHS_CA[day.month - 1]
        month = month.replace("'", "’") if rng.random() < 0.5 else month  # typographic too
        text = f"{WEEKDAYS_CA[day.weekday()].capitalize()}, {day.day} {month} de {day.year}"
        return "", f'<p class="date">{escape(text)} · {hm}</p>'
    if dconv == "sq_month_name":  # "3 dhjetor 2026, 14:05" (lower case)
        text = f"{day.day} {MONTHS_SQ[day.month - 1]} {day.year}, {hm}"
        return "", f'<p class="date">{escape(text)}</p>'
    if dconv == "ms_weekday_month_at_clock":  # "Khamis, 3 Disember 2026 @ 2:05pm"
        clock = f"{stamp.hour % 12 or 12}:{stamp:%M}{'am' if stamp.hour < 12 else 'pm'}"
        text = (f"{WEEKDAYS_MS[day.weekday()]}, {day.day} {MONTHS_MS[day.month - 1]} "
                f"{day.year} @ {clock}")
        return "", f'<p class="date">{escape(text)}</p>'
    if dconv == "ko_registered_then_edited":
        if rng.random() < 0.5:  # "등록 2026-12-03 14:05 수정 2026-12-04 09:12"
            text = (f"등록 {day.isoformat()} {hm} 수정 {edited.date().isoformat()} "
                    f"{edited:%H:%M}")
        else:  # "기사입력 2026.12.03. 오후 2:05 최종수정 2026.12.04. 오전 9:12"
            def clock(t: datetime) -> str:
                return f"{'오전' if t.hour < 12 else '오후'} {t.hour % 12 or 12}:{t:%M}"
            text = (f"기사입력 {day:%Y.%m.%d}. {clock(stamp)} 최종수정 "
                    f"{edited:%Y.%m.%d}. {clock(edited)}")
        return "", f'<p class="date">{escape(text)}</p>'
    if dconv == "ja_update_short_before_haishin":
        # the update in the short form of the day's list ("12/4(金) 9:12 更新"), then the
        # distribution written whole ("2026年12月3日 14時05分 配信")
        short = (f"{edited.month}/{edited.day}({WEEKDAYS_T['ja'][edited.weekday()]}) "
                 f"{edited.hour}:{edited:%M} 更新")
        whole = f"{day.year}年{day.month}月{day.day}日 {stamp.hour}時{stamp:%M}分 配信"
        return "", (f'<p class="date"><span class="updated">{escape(short)}</span> '
                    f'<span class="published">{escape(whole)}</span></p>')
    if dconv == "pt_atualizado_before_publicado":
        # "Atualizado em 04/12/2026 às 09h12 | Publicado em 03/12/2026 às 14h05"
        text = (f"Atualizado em {edited:%d/%m/%Y} às {edited:%H}h{edited:%M} | "
                f"Publicado em {day:%d/%m/%Y} às {stamp:%H}h{stamp:%M}")
        return "", f'<p class="date">{escape(text)}</p>'
    # a rail of older stories, each with its day, before the story; the story's day after
    # its heading ("December 3, 2026")
    links = []
    for n, headline in enumerate(rng.sample(ARCHIVE_Z, 3)):
        old = day - timedelta(days=rng.randint(200, 900) + n)
        links.append(f'<li><a href="/archive/{old:%Y/%m/%d}/story-{n}">'
                     f"{old:%B} {old.day}, {old.year}: {escape(headline)}</a></li>")
    rail = (f'<aside class="rail"><h2>From the archive</h2><ul>{"".join(links)}</ul>'
            "</aside>")
    return rail, f'<p class="dateline">{stamp:%B} {day.day}, {day.year}</p>'


def _z_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """Family Z's credits: (the line, the true authors)."""
    if aconv == "none":
        return "", []
    name = rng.choice(PEOPLE_Z[lang])
    if aconv == "ca_per":  # Catalan "by X"
        return f'<p class="author">Per {escape(name)}</p>', [name]
    if aconv == "ms_oleh_bin":  # Malay "by X" with "bin"/"binti" (son/daughter of)
        return f'<p class="author">Oleh {escape(name)}</p>', [name]
    return f'<p class="author">Shkruar nga {escape(name)}</p>', [name]  # Albanian "written by"


def make_page_z(rng: random.Random, i: int) -> Page:
    """A family Z page: a Catalan, Albanian, Malaysian, Korean, Japanese, Brazilian or US
    site's story whose day is written in a convention no earlier family wrote (see the
    module docstring for the truth). No JSON-LD, no meta tag; about a fifth credit an
    author in a way of their own."""
    dconv = rng.choice(tuple(Z_DATE_LANG))
    lang = rng.choice(Z_DATE_LANG[dconv])
    aconv = next((c for c, r in Z_AUTHOR_LANG.items() if r == lang), "none")
    aconv = aconv if rng.random() < 0.6 else "none"
    site, domain, zone = SITES_Z[lang]
    tz = timezone(timedelta(hours=zone))
    stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
        + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title, filler = HEADLINE_Z[lang], FILLER_Z[lang]
    byline, authors = _z_author(aconv, lang, rng)
    before, dateline = _z_date(dconv, stamp, rng)
    url = f"https://www.{domain}/news/harbour-dredging-{(i * 7919) % 100000 + 100000}"
    paras = "".join(f"<p>{filler} {filler}</p>" for _ in range(rng.randint(2, 4)))
    content = (f'{before}<article class="story"><h1>{escape(title)}</h1>{byline}{dateline}'
               f'<div class="story-body">{paras}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {escape(site)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": "h1_title_pipe_site"}
    return Page(html, url, lang, day, authors, title, conv, [])


# --- family AB (round 26): publication days in conventions no family A-AA wrote: "yesterday"
# with a clock in Russian, Japanese and Turkish, a calendar tile whose day, month and year
# are separate elements, a timeago element's compact age ("5d") with the instant in its
# title, an English ordinal with an apostrophe year ("3rd Dec '26"), and Bangladesh's
# Bengali calendar (Bangabda) beside the Gregorian day. Built by make_page_ab; truth
# decisions in the module docstring.

SITES_AB = {
    "ru": ("Портовые вести", "portvesti.ru", 3),
    "ja": ("みなと新報", "minato-shinpo.jp", 9),
    "tr": ("Liman Postası", "limanpostasi.com.tr", 3),
    "en-US": ("The Harbor Ledger", "harborledger.com", -5),
    "en-GB": ("Dockside Weekly", "docksideweekly.co.uk", 0),
    "bn": ("বন্দর বার্তা", "bondorbarta.com.bd", 6),
}
AB_DATE_LANG = {
    "ru_vchera_v_clock": ("ru",),
    "ja_kinou_clock": ("ja",),
    "tr_dun_clock": ("tr",),
    "en_calendar_tile_spans": ("en-US",),
    "en_timeago_compact_title": ("en-US",),
    "en_ordinal_apostrophe_year": ("en-GB",),
    "bn_bangabda_beside_gregorian": ("bn",),
}
AB_AUTHOR_LANG = {"en_story_and_photos_by": ("en-US", "en-GB"), "ja_bun_shashin": ("ja",)}
MONTHS_BN_AB = ("জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর "
                "ডিসেম্বর").split()
# the Bangla months of the Bengali calendar as Bangladesh revised it (in force since 1426
# BS, 2019): Boishakh 1 is 14 April; the first six months have 31 days, Falgun 29 (30 in a
# Gregorian leap year, the one holding 29 February), the others 30. Checked against the
# national days it fixes: 21 February is 8 Falgun, 26 March 12 Chaitra, 16 December 1 Poush.
MONTHS_BANGABDA = ("বৈশাখ জ্যৈষ্ঠ আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ মাঘ ফাল্গুন "
                   "চৈত্র").split()
WEEKDAYS_BN_AB = "সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার".split()
HEADLINE_AB = {
    "ru": "Порт отложил дноуглубление из-за роста расходов",
    "ja": "港のしゅんせつ工事、費用増で延期へ",
    "tr": "Liman tarama çalışmasını artan maliyetler nedeniyle erteledi",
    "en-US": "Harbor dredging postponed as costs rise again",
    "en-GB": "Dock dredging put on hold as bills mount",
    "bn": "খরচ বাড়ায় বন্দরের খনন কাজ স্থগিত",
}
FILLER_AB = {
    "ru": "Цифры пересмотрят в следующем месяце, а жители побережья просят провести "
          "публичные слушания до подписания любого контракта.",
    "ja": "当局は来月に数字を見直す方針で、沿岸の住民は契約前の説明会を求めている。",
    "tr": "Rakamlar önümüzdeki ay yeniden gözden geçirilecek; kıyıda yaşayanlar herhangi "
          "bir sözleşme imzalanmadan önce halka açık bir toplantı istiyor.",
    "en-US": "Officials said the figures would be reviewed again next month, and residents "
             "along the shore asked for a public hearing before any contract is signed.",
    "en-GB": "Officials said the figures would be looked at again next month, and residents "
             "along the front want a public meeting before any contract is signed.",
    "bn": "কর্মকর্তারা জানান, আগামী মাসে হিসাব আবার পর্যালোচনা করা হবে; উপকূলের বাসিন্দারা "
          "চুক্তির আগে গণশুনানি চান।",
}
PEOPLE_AB = {"en-US": ("Dana Whitcombe", "Marcus Ellery", "Priya Natarajan", "Owen Fairbanks"),
             "en-GB": ("Fiona Lockhart", "Gareth Pryce", "Imogen Hale", "Callum Reid"),
             "ja": ("山本直樹", "佐々木美穂", "中村健太", "高橋由紀")}
PHOTOGRAPHERS_AB = {"ja": ("小林誠", "松田彩", "井上大輔")}


def _ab_bangabda(day: date) -> tuple[int, int, int]:
    """`day` in Bangladesh's revised Bengali calendar: (year, month 1-12, day)."""
    new_year = date(day.year if day >= date(day.year, 4, 14) else day.year - 1, 4, 14)
    leap = calendar.isleap(new_year.year + 1)  # the Falgun after it spans that February
    lengths = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30 if leap else 29, 30)
    left = (day - new_year).days
    for month, length in enumerate(lengths, 1):
        if left < length:
            return new_year.year - 593, month, left + 1
        left -= length
    raise AssertionError(day)  # the lengths sum to the year's days


def _ab_date(dconv: str, stamp: datetime, rng: random.Random) -> str:
    """Family AB's day, as the line under the story's heading."""
    day, hm = stamp.date(), f"{stamp:%H:%M}"
    if dconv == "ru_vchera_v_clock":  # "вчера в 14:05" (yesterday at)
        said = f"{rng.choice(('вчера', 'Вчера'))} в {hm}"
        return f'<p class="date">{escape(said)}</p>'
    if dconv == "ja_kinou_clock":  # "昨日 14:05" (yesterday)
        return f'<p class="date">昨日 {stamp.hour}:{stamp:%M}</p>'
    if dconv == "tr_dun_clock":  # "Dün 14:05" / "Dün, 14:05" (yesterday)
        return f'<p class="date">Dün{rng.choice((" ", ", "))}{hm}</p>'
    if dconv == "en_calendar_tile_spans":  # a calendar tile: day, month and year apart
        return (f'<div class="date-tile"><span class="day">{day:%d}</span>'
                f'<span class="month">{day:%b}</span><span class="year">{day.year}</span>'
                "</div>")
    if dconv == "en_timeago_compact_title":
        # a timeago element as the server rendered it: the compact age, the instant (with
        # the site's offset) in its title for the script that rewrites it
        age = (NOW.astimezone(stamp.tzinfo).date() - day).days
        shown = rng.choice((f"{age}d", f"{age}d ago"))
        tag = rng.choice(("abbr", "span"))
        return (f'<p class="byline-meta"><{tag} class="timeago" '
                f'title="{stamp.isoformat()}">{shown}</{tag}></p>')
    if dconv == "en_ordinal_apostrophe_year":  # "3rd Dec '26, 2:05pm"
        suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(
            day.day % 10, "th")
        clock = f"{stamp.hour % 12 or 12}:{stamp:%M}{'am' if stamp.hour < 12 else 'pm'}"
        return f'<p class="date">{day.day}{suffix} {day:%b} \'{day:%y}, {clock}</p>'
    # Bangladesh: the Gregorian day and the Bengali calendar's, in either order
    by, bm, bd = _ab_bangabda(day)
    gregorian = _t_digits(f"{day.day} {MONTHS_BN_AB[day.month - 1]} {day.year}", "bn")
    bangla = _t_digits(f"{bd} {MONTHS_BANGABDA[bm - 1]} {by}", "bn")
    weekday = WEEKDAYS_BN_AB[day.weekday()]
    if rng.random() < 0.5:
        said = f"{weekday}, {gregorian}, {bangla}"
    else:
        said = f"{bangla} বঙ্গাব্দ, {weekday}, {gregorian}"
    return f'<p class="date">{escape(said)}</p>'


def _ab_author(aconv: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """Family AB's credits: (the line, the true authors)."""
    if aconv == "none":
        return "", []
    name = rng.choice(PEOPLE_AB[lang])
    if aconv == "en_story_and_photos_by":  # one person wrote and photographed it
        return f'<p class="credit">Story and photos by {escape(name)}</p>', [name]
    # Japanese magazines: "文・X　写真・Y" (text, photos): the writer
    photo = rng.choice(PHOTOGRAPHERS_AB["ja"])
    return f'<p class="credit">文・{escape(name)}　写真・{escape(photo)}</p>', [name]


def make_page_ab(rng: random.Random, i: int) -> Page:
    """A family AB page: a Russian, Japanese, Turkish, US, British or Bangladeshi site's
    story whose day is written in a convention no earlier family wrote (see the module
    docstring for the truth). No JSON-LD, no meta tag; about a fifth credit an author in a
    way of their own."""
    dconv = rng.choice(tuple(AB_DATE_LANG))
    region = rng.choice(AB_DATE_LANG[dconv])
    lang = region[:2]
    aconv = next((c for c, r in AB_AUTHOR_LANG.items() if region in r), "none")
    aconv = aconv if rng.random() < 0.6 else "none"
    site, domain, zone = SITES_AB[region]
    tz = timezone(timedelta(hours=zone))
    if dconv in ("ru_vchera_v_clock", "ja_kinou_clock", "tr_dun_clock"):
        # yesterday, as the site's clock had it at the fetch
        yesterday = NOW.astimezone(tz).date() - timedelta(days=1)
        stamp = datetime(yesterday.year, yesterday.month, yesterday.day, rng.randint(0, 23),
                         rng.randint(0, 59), tzinfo=tz)
    elif dconv == "en_timeago_compact_title":  # two to six days before the fetch
        back = NOW.astimezone(tz).date() - timedelta(days=rng.randint(2, 6))
        stamp = datetime(back.year, back.month, back.day, rng.randint(0, 23),
                         rng.randint(0, 59), tzinfo=tz)
    else:
        stamp = datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59), tzinfo=tz) \
            + timedelta(days=rng.randint(0, 1060))
    day = stamp.date()
    title, filler = HEADLINE_AB[region], FILLER_AB[region]
    byline, authors = _ab_author(aconv, region, rng)
    dateline = _ab_date(dconv, stamp, rng)
    url = f"https://www.{domain}/news/harbour-dredging-{(i * 7919) % 100000 + 100000}"
    paras = "".join(f"<p>{filler} {filler}</p>" for _ in range(rng.randint(2, 4)))
    content = (f'<article class="story"><h1>{escape(title)}</h1>{byline}{dateline}'
               f'<div class="story-body">{paras}</div></article>')
    html = (
        f'<!DOCTYPE html><html lang="{region}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {escape(site)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        f'<header class="masthead"><a class="logo" href="/">{escape(site)}</a></header>'
        f"<main>{content}</main>"
        f'<footer><p>© {NOW.year} {escape(site)}</p></footer></body></html>'
    )
    conv = {"date": dconv, "author": aconv, "title": "h1_title_pipe_site"}
    return Page(html, url, lang, day, authors, title, conv, [])


def generate_unseen(seed: int, n: int, family: str) -> list[Page]:
    rng = random.Random(f"{seed}-unseen-{family}")
    if family == "K":  # its own page builder: A-J's draws stay as they were
        return [make_page_k(rng, i) for i in range(n)]
    if family == "L":  # its own page builder too
        return [make_page_l(rng, i) for i in range(n)]
    if family == "M":  # and M
        return [make_page_m(rng, i) for i in range(n)]
    if family == "N":  # and N
        return [make_page_n(rng, i) for i in range(n)]
    if family == "O":  # and O
        return [make_page_o(rng, i) for i in range(n)]
    if family == "P":  # and P
        return [make_page_p(rng, i) for i in range(n)]
    if family == "Q":  # and Q
        return [make_page_q(rng, i) for i in range(n)]
    if family == "R":  # and R
        return [make_page_r(rng, i) for i in range(n)]
    if family == "S":  # and S
        return [make_page_s(rng, i) for i in range(n)]
    if family == "T":  # and T
        return [make_page_t(rng, i) for i in range(n)]
    if family == "U":  # and U
        return [make_page_u(rng, i) for i in range(n)]
    if family == "V":  # and V
        return [make_page_v(rng, i) for i in range(n)]
    if family == "W":  # and W
        return [make_page_w(rng, i) for i in range(n)]
    if family == "X":  # and X
        return [make_page_x(rng, i) for i in range(n)]
    if family == "Y":  # and Y
        return [make_page_y(rng, i) for i in range(n)]
    if family == "Z":  # and Z
        return [make_page_z(rng, i) for i in range(n)]
    if family == "AA":  # and AA (after Z, as spreadsheet columns go)
        return [make_page_aa(rng, i) for i in range(n)]
    if family == "AB":  # and AB
        return [make_page_ab(rng, i) for i in range(n)]
    if family == "AC":  # and AC (round 27; AB is round 26's)
        return [make_page_ac(rng, i) for i in range(n)]
    return [make_unseen_page(rng, i, family) for i in range(n)]


# --- scoring ---------------------------------------------------------------------------

_TOKENS = re.compile(r"\w+")


def norm(s: str | None) -> str:
    return " ".join(_TOKENS.findall(unicodedata.normalize("NFC", s or "").casefold()))


def same_names(want: list[str], got: list[str]) -> bool:
    return sorted(map(norm, want)) == sorted(filter(None, map(norm, got)))


def pressroom(page: Page) -> dict:
    m = page_metadata(load_html(page.html), page.url, now=NOW)
    return {"date": m.published_date, "authors": m.authors, "title": m.title,
            "flags": m.date_flags}


_TRAF_SPLIT = re.compile(r"\s*;\s*")


def trafilatura_meta(page: Page) -> dict:
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(load_html(page.html), page.url)
    d = datetime.strptime(m.date, "%Y-%m-%d").date() if m.date else None
    return {"date": d, "authors": _TRAF_SPLIT.split(m.author) if m.author else [],
            "title": m.title, "flags": []}


def judge(page: Page, got: dict) -> dict[str, bool]:
    date_ok = got["date"] == page.day
    if page.conv["date"] == "future" and got["who"] == "pressroom":
        date_ok = date_ok and "future" in got["flags"]  # refused, and said so
    return {"date": date_ok, "author": same_names(page.authors, got["authors"]),
            "title": norm(got["title"]) == norm(page.title)}


def score(pages: list[Page], extractor) -> tuple[dict, list]:
    """Per field: overall and per convention (right, total); and the misses."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for page in pages:
        got = extractor(page)
        got["who"] = extractor.__name__
        ok = judge(page, got)
        for fld in ("date", "author", "title"):
            keys = [("all", fld), (fld, page.conv[fld]), (fld, f"lang={page.lang}")]
            if "update_line_alone" not in page.noise:
                keys.append(("all*", fld))
            for key in keys:
                tally[key][0] += ok[fld]
                tally[key][1] += 1
            for x in page.noise:
                tally[(fld, f"noise={x}")][0] += ok[fld]
                tally[(fld, f"noise={x}")][1] += 1
            if not ok[fld]:
                misses.append((fld, page, got))
    return tally, misses


def fmt(cell: list[int] | None) -> str:
    return f"{cell[0] / cell[1]:.3f} ({cell[0]}/{cell[1]})" if cell and cell[1] else "-"


def print_table(tallies: dict[str, dict]) -> None:
    who = list(tallies)
    print("| field / convention | " + " | ".join(who) + " |")
    print("| --- |" + " ---: |" * len(who))
    first = tallies[who[0]]
    for fld in ("date", "author", "title"):
        print(f"| **{fld}** (all) | " + " | ".join(f"**{fmt(tallies[w].get(('all', fld)))}**"
                                                   for w in who) + " |")
        print(f"| {fld}: all but update_line_alone | "
              + " | ".join(fmt(tallies[w].get(("all*", fld))) for w in who) + " |")
        keys = sorted(k for k in first if k[0] == fld)
        for k in keys:
            print(f"| {fld}: {k[1]} | " + " | ".join(fmt(tallies[w].get(k)) for w in who) + " |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--show", help="print pressroom's misses of this field:convention "
                                   "(e.g. date:visible_numeric, author:all)")
    ap.add_argument("--limit", type=int, default=5, help="misses shown per --show")
    ap.add_argument("--html", action="store_true", help="with --show: print each page's HTML")
    ap.add_argument("--unseen", choices=(*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC"),
                    help="draw every field from the unseen conventions of family A-G "
                         "(tuned on) or H, I (held out, round 7) instead of the lists above")
    args = ap.parse_args()
    pages = (generate_unseen(args.seed, args.pages, args.unseen) if args.unseen
             else generate(args.seed, args.pages))
    tallies = {}
    tallies["pressroom"], misses = score(pages, pressroom)
    if not args.no_trafilatura:
        tallies["trafilatura"], _ = score(pages, trafilatura_meta)
    family = f", unseen family {args.unseen}" if args.unseen else ""
    print(f"{len(pages)} generated pages, seed {args.seed}{family}, "
          f"fetch time {NOW.isoformat()}\n")
    print_table(tallies)
    if args.show:
        fld, _, conv = args.show.partition(":")
        shown = 0
        for f, page, got in misses:
            if f != fld or (conv not in ("", "all") and page.conv[fld] != conv):
                continue
            want = {"date": page.day, "author": page.authors, "title": page.title}[fld]
            have = {"date": got["date"], "author": got["authors"], "title": got["title"]}[fld]
            print(f"\n{page.url} [{page.lang}] {page.conv} noise={page.noise}\n"
                  f"  want {want!r}\n  got  {have!r} flags={got['flags']}")
            if args.html:
                print(page.html)
            shown += 1
            if shown >= args.limit:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
