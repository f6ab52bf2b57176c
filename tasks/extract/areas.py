"""Which area of a page an element sits in: the article, or another one (a footer, a
sidebar, a list of stories, a meta box, an author's card). The date and byline searches
skip the other areas: their dates and names belong to other stories or to the site."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Containers whose author names are not the article's: comments, teasers, sidebars. Not a
# share bar: news templates set the byline in it ("ng-sharekit__contributors", France
# Culture's "share-zone"); a share button names no author.
_NOT_ARTICLE_AREA = re.compile(
    r"comment|sidebar|related|teaser|recommend|footer|widget|quote|review|avatar", re.I,
)
# Lists of other stories: a news ticker, the latest, most read, trending ones. Not on an
# <article>: there the class is WordPress's post type ("newsticker type-newsticker").
_STORY_LIST = re.compile(r"ticker|latest|most-?read|popular|trending", re.I)
# The footer of the post itself ('post-footer', 'entry-footer', 'article__footer',
# 'footer--article'): blog themes and Drupal put the byline there ("Eingestellt von X",
# "von X 18.10.2019"), below the text; unlike the page's footer it is the article's.
_ARTICLE_FOOTER = re.compile(
    r"(?:post|article|entry|story|node)(?:[-_]{1,2}\w+)?[-_]{1,2}footer[\w-]*"
    r"|footer[-_]{1,2}(?:article|post|entry|story)[\w-]*",
    re.I,
)
# The story's own sidebar ('article-sidebar', 'c--article-sidebar'): the column beside the
# text where news themes set the byline, the date and the share buttons; and a layout's
# modifier on the column that holds the story ('main-content has-double-sidebar',
# 'with-sidebar', 'no-sidebar'): it says a sidebar stands beside it, not that it is one.
_ARTICLE_SIDEBAR = re.compile(r"(?:post|article|entry|story)[-_]{1,2}sidebar[\w-]*"
                              r"|(?<![\w-])(?:has|with|no|without)[-_](?:[a-z]+[-_])?sidebars?(?![\w-])",
                              re.I)


_META_BOX = re.compile(r"(?:^|[\s_-])meta(?:$|[\s_-])", re.I)


def in_other_area(elem: HtmlElement, article_area: frozenset = frozenset()) -> bool:
    """The element sits in a comment list, sidebar, teaser, figure... not the article's byline.

    `article_area` holds the ancestors of the headline: a container that also holds the
    headline is the article's own column, whatever its classes say (themes name the main
    column "content-area sidebar"), so the climb stops there.
    """
    for node in elem.iterancestors():
        if node.tag in ("body", "html") or node in article_area:
            return False  # page-wide classes ("no-sidebar", "show-comments") say nothing
        if node.tag == "aside" and _META_BOX.search(node.get("class", "")):
            continue  # <aside class="meta">, "post-meta": the story's byline and date box
        if node.tag in ("figure", "figcaption", "time", "aside", "nav", "blockquote"):
            # a <blockquote> quotes another source: an embedded post (Instagram, X,
            # TikTok) or a cited text, with its own author and date
            return True
        if node.tag == "a" and node.find(".//div") is not None and not (
                node.get("href") or "").lower().startswith(("mailto:", "javascript:", "#")):
            # a link wrapping a block: a teaser card of another article (a link that
            # mails the author is no teaser: "<a href=mailto:..><div/>Von: Götz W.</a>",
            # nor one to a place on the same page: "<a href=#timeline><div>...")
            return True
        if node.tag == "footer" and node.getparent() is not None and not any(
            a.tag == "article" for a in node.iterancestors()
        ):
            return True  # the page footer; an <article>'s own footer carries its byline
        attrs = f"{node.get('class', '')} {node.get('id', '')}".strip()
        # (the quick tests in any case, as the patterns read: "article-sideBar")
        if attrs and "ooter" in attrs.lower():
            attrs = _ARTICLE_FOOTER.sub("", attrs)  # the post's own footer is no page footer
        if attrs and "idebar" in attrs.lower():
            attrs = _ARTICLE_SIDEBAR.sub("", attrs)  # nor its own sidebar a page sidebar
        if attrs and (_NOT_ARTICLE_AREA.search(attrs) or attrs in ("title", "date")):
            return True
        if attrs and node.tag != "article" and _STORY_LIST.search(attrs):
            return True
    return False


# A link to the author's profile page ("/user/Marianne1.html", "/author/anna-k/",
# "/autoren/...", "/profil/..."): wrapped around a block it is the byline box, not a teaser
_PROFILE_LINK = re.compile(
    r"/(?:users?|authors?|autor|autoren|profiles?|profil|members?|mitglied)(?:[/.?#-]|$)", re.I)


def in_byline_card_or_other_area(elem: HtmlElement, article_area: frozenset = frozenset()
                                  ) -> bool:
    """in_other_area, except that a link to the author's profile wrapping a block is the
    story's byline box ("<a href=/user/anna><div>von Anna am 20.09.2020</div></a>"), for
    the date search of bylined_date (the author searches keep such cards out: a profile
    card's text carries photo credits)."""
    card = None
    for node in elem.iterancestors():
        if node.tag == "a" and _PROFILE_LINK.search(node.get("href") or ""):
            card = node
            break
    if card is None:
        return in_other_area(elem, article_area)
    return in_other_area(card, article_area)
