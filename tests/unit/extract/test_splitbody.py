"""A story cut into sibling containers around its ads: joined after the fast pass read
the first of them (tasks/extract/splitbody.py)."""

from __future__ import annotations

from lxml.html import fromstring

from tasks.extract.pages import extract_html
from tasks.extract.splitbody import join_split_body

PARAS = [f"Part {i}: the senate voted on the bridge bill after a long debate, and members of "
         f"both parties said it would fund repairs in {i} states over the next ten years."
         for i in range(1, 13)]


def chunk(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def page(main: str) -> str:
    return ("<html lang='en'><head><title>Senate passes bridge bill</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><main><h1>Senate passes bridge bill</h1>{main}"
            "</main><footer>About us</footer></body></html>")


def split(between: list[str], cls: str = "article-body") -> str:
    """The twelve paragraphs in three containers of class `cls`, `between` after the
    first and the second."""
    return (f"<div class='{cls}'>{chunk(PARAS[:4])}</div>{between[0]}"
            f"<div class='{cls}'>{chunk(PARAS[4:8])}</div>{between[1]}"
            f"<div class='{cls}'>{chunk(PARAS[8:])}</div>")


AD = "<div class='ad-slot'><span>Advertisement</span></div>"
SIGNUP = "<div class='promo'><p>Get the morning briefing in your inbox.</p></div>"


def test_a_story_cut_around_its_ads_is_read_whole_and_the_ads_stay_out() -> None:
    for cls in ("article-body", "entry-content", "story-body", "content"):
        got = extract_html(page(split([AD, SIGNUP], cls)), "https://news.example/a").text
        assert all(p in got for p in PARAS), cls  # the fast pass read 4 of 12
        assert "Advertisement" not in got and "morning briefing" not in got


def first_read(html: str) -> tuple:
    tree = fromstring(html)
    return tree, "\n".join(PARAS[:4])


def test_the_joining_stops_where_another_story_may_start() -> None:
    # the next story rendered below the first: a container with its own headline
    nxt = (f"<div class='article-body'><h2>Ferries return</h2>{chunk(PARAS[4:8])}</div>"
           f"<div class='article-body'>{chunk(PARAS[8:])}</div>")
    tree, taken = first_read(page(f"<div class='article-body'>{chunk(PARAS[:4])}</div>"
                                  + AD + nxt))
    assert join_split_body(tree, taken) == 0
    # a long block between (comments): what follows it is no part of the story
    comments = "<div class='comments'>" + "<p>A reader wrote a long comment here.</p>" * 12 + \
        "</div>"
    tree, taken = first_read(page(split([comments, AD])))
    assert join_split_body(tree, taken) == 0
    # a short container after it is a note (a licence line), not a part
    note = "<div class='article-body'><p>This text is published under CC BY 4.0.</p></div>"
    tree, taken = first_read(page(f"<div class='article-body'>{chunk(PARAS[:4])}</div>{note}"))
    assert join_split_body(tree, taken) == 0
    # the parts before either stop are joined, in their order
    tree, taken = first_read(page(split([AD, comments])))
    assert join_split_body(tree, taken) == 1
    assert [p.text for p in tree.find(".//div[@class='article-body']").iter("p")] == PARAS[:8]


def test_a_first_container_the_fast_pass_did_not_read_is_left_alone() -> None:
    # a list of teasers that match the body expressions first (chemie.de's div.post): the
    # fast pass's text came from elsewhere, and joined they would have been taken
    tree = fromstring(page(split([AD, SIGNUP], "post")))
    assert join_split_body(tree, "Another story altogether, from the page's real body.") == 0
    assert join_split_body(tree, "") == 0
    # no class: nothing tells its siblings are the same kind of container
    tree = fromstring(page(split([AD, SIGNUP], "")))
    assert join_split_body(tree, "\n".join(PARAS[:4])) == 0


def chemie_like(teasers: int) -> str:
    cards = "".join(
        f"<div class='post'><h3>Story {i} about ferries</h3><p>Teaser {i}: "
        + "the ferry company said timetables would change for the summer on every route " * 3
        + "</p></div>" for i in range(teasers))
    links = "".join(f"<a href='/s{i}'>Section number {i} of the site</a> " for i in range(900))
    return ("<html lang='en'><head><title>Bridge bill</title></head><body><div class='news'>"
            f"{cards}</div><div class='story'><h1>Bridge bill</h1>{chunk(PARAS[:8])}</div>"
            f"<div class='sitemap'>{links}</div></body></html>")


def test_a_short_first_part_goes_to_the_full_cascade_not_to_the_joining() -> None:
    """chemie.de: teasers of other news (div.post) before the story; the fast pass read
    the first, short beside a long page, and the full cascade found the story. Joined,
    three teasers came into the text, eight took the story's place."""
    got = extract_html(chemie_like(3), "https://news.example/a").text
    assert all(p in got for p in PARAS[:8]) and "Teaser" not in got
    got = extract_html(chemie_like(8), "https://news.example/a").text
    assert all(p in got for p in PARAS[:8])


def grid(paras: list[str], loose: str = "") -> str:
    """wired.com's chunk: the story's paragraphs one level down in each container."""
    return (f"<div class='grid grid-layout'><div class='article__body'>{loose}{chunk(paras)}"
            "</div></div>")


def test_the_parts_paragraphs_join_the_first_parts_where_they_sit_one_level_down() -> None:
    """wired.com.burn (dev corpus): the story in chunks `grid > div.article__body`, an ad
    row between them; the fast pass read the first chunk, about half the story."""
    ad = "<div class='row full-bleed-ad'>Advertisement</div>"
    html = page(grid(PARAS[:6]) + ad + grid(PARAS[6:], loose="Loose words before them."))
    got = extract_html(html, "https://news.example/a").text
    assert all(p in got for p in PARAS) and "Advertisement" not in got
    assert got.index(PARAS[5]) < got.index("Loose words before them.") < got.index(PARAS[6])
    tree = fromstring(html)
    assert join_split_body(tree, "\n".join(PARAS[:6])) == 1
    body = tree.find(".//div[@class='article__body']")
    assert [p.text for p in body.iter("p")] == PARAS[:6] + ["Loose words before them."] + PARAS[6:]


def test_a_part_built_otherwise_or_already_read_is_not_moved() -> None:
    # the second chunk holds its paragraphs in another element: no place to take them from
    other = ("<div class='grid grid-layout'><section class='body'>" + chunk(PARAS[6:])
             + "</section></div>")
    tree = fromstring(page(grid(PARAS[:6]) + other))
    assert join_split_body(tree, "\n".join(PARAS[:6])) == 0
    # the fast pass read a container above both: moved, they would come after what stands
    # between them
    tree = fromstring(page(split([AD, SIGNUP])))
    assert join_split_body(tree, "\n".join(PARAS)) == 0


def parts_joined(*between: str, first: str = "", part: str = "") -> int:
    """join_split_body on three article-body containers with `between` after the first
    and the second (`first` / `part`: extra markup inside the first / the later ones)."""
    html = page(f"<div class='article-body'>{first}{chunk(PARAS[:4])}</div>{between[0]}"
                f"<div class='article-body'>{part}{chunk(PARAS[4:8])}</div>{between[1]}"
                f"<div class='article-body'>{part}{chunk(PARAS[8:])}</div>")
    return join_split_body(fromstring(html), "\n".join(PARAS[:4]))


def block(chars: int) -> str:
    return f"<div class='ad'>{'x' * chars}</div>"


def test_the_text_between_the_parts_is_counted_to_the_limit_and_reset_by_each_part() -> None:
    limit = 300  # an ad's or a promotion's text, at most (MAX_BETWEEN_CHARS)
    assert parts_joined(block(limit), block(limit)) == 2  # at the limit: an ad, each time
    assert parts_joined(block(limit + 1), "") == 0
    assert parts_joined(block(limit // 2 + 1) * 2, "") == 0  # two blocks add up
    # a comment between them is no text
    assert parts_joined("<!-- ad slot -->", "<!-- ad slot -->") == 2


def test_a_part_counts_from_the_shortest_paragraph_length() -> None:
    # a part of exactly 200 characters (MIN_PART_CHARS) joins, one of 199 does not; the
    # container's only same-class sibling of another tag does not count
    short = page(f"<div class='article-body'>{chunk(PARAS[:4])}</div>"
                 f"<div class='article-body'><p>{'y' * 199}</p></div>")
    assert join_split_body(fromstring(short), "\n".join(PARAS[:4])) == 0
    text = "y" * 200
    html = page(f"<div class='article-body'>{chunk(PARAS[:4])}</div>"
                f"<div class='article-body'><p>{text}</p></div>"
                f"<section class='article-body'>{chunk(PARAS[8:])}</section>")
    tree = fromstring(html)
    assert join_split_body(tree, "\n".join(PARAS[:4])) == 1
    assert text in tree.find(".//div[@class='article-body']").text_content()
    tree = fromstring(page(f"<div class='article-body'>{chunk(PARAS[:4])}</div>"
                           f"<section class='article-body'>{chunk(PARAS[8:])}</section>"))
    assert join_split_body(tree, "\n".join(PARAS[:4])) == 0


def test_the_container_is_the_nearest_ancestor_with_a_sibling_of_its_class() -> None:
    # two levels down (grid > div.wrap > div.article__body), the body beside a byline box:
    # the byline's parent is no container of the story's kind
    def two_down(paras: list[str]) -> str:
        return ("<div class='grid'><div class='wrap'><div class='byline'>By Ann Lee</div>"
                f"<div class='article__body'>{chunk(paras)}</div></div></div>")
    tree = fromstring(page(two_down(PARAS[:6]) + AD + two_down(PARAS[6:])))
    assert join_split_body(tree, "\n".join(PARAS[:6])) == 1
    body = tree.find(".//div[@class='article__body']")
    assert [p.text for p in body.iter("p")] == PARAS
    # a same-class element of another tag in the chunk is no place for the paragraphs
    other = ("<div class='grid'><div class='wrap'><section class='article__body'>"
             f"{chunk(PARAS[6:])}</section></div></div>")
    tree = fromstring(page(two_down(PARAS[:6]) + AD + other))
    assert join_split_body(tree, "\n".join(PARAS[:6])) == 0


def test_the_first_paragraph_is_found_from_the_shortest_line_that_tells() -> None:
    opener = "z" * 40  # exactly long enough to tell where it sits (MIN_PARAGRAPH_CHARS)
    html = page(f"<div class='article-body'><p>{opener}</p>{chunk(PARAS[1:4])}</div>{AD}"
                f"<div class='article-body'>{chunk(PARAS[4:])}</div>")
    assert join_split_body(fromstring(html), "\n".join([opener, *PARAS[1:4]])) == 1
    # a shorter first line is passed over for the next
    assert join_split_body(fromstring(html), "\n".join(["Short.", opener, *PARAS[1:4]])) == 1


def test_a_first_line_just_long_enough_is_the_one_looked_up() -> None:
    opener = "z" * 40
    html = page(f"<div class='article-body'><p>{opener}</p>{chunk(PARAS[1:4])}</div>{AD}"
                f"<div class='article-body'>{chunk(PARAS[4:])}</div>")
    # the next line is in no paragraph of the page: only the opener tells where it sits
    taken = "\n".join([opener, "A line of the text that stands in no paragraph of the page."])
    assert join_split_body(fromstring(html), taken) == 1


def test_a_nearer_ancestor_beside_a_same_class_element_of_another_tag_is_passed_over() -> None:
    # section.article-body beside a div.article-body (a teaser styled alike) in each chunk:
    # the chunks (div.g) are what repeats
    def chunk_of(paras: list[str]) -> str:
        return (f"<div class='g'><section class='article-body'>{chunk(paras)}</section>"
                "<div class='article-body'>Teaser styled like the story</div></div>")
    tree = fromstring(page(chunk_of(PARAS[:6]) + AD + chunk_of(PARAS[6:])))
    assert join_split_body(tree, "\n".join(PARAS[:6])) == 1
    assert [p.text for p in tree.find(".//section").iter("p")] == PARAS



def test_the_container_is_looked_for_up_to_three_levels_above_the_paragraph() -> None:
    def nested(paras: list[str], depth: int) -> str:
        inner = chunk(paras)
        for _ in range(depth - 1):
            inner = f"<div>{inner}</div>"
        return f"<div class='story-part'>{inner}</div>"
    for depth, joined in ((3, 1), (4, 0)):
        tree = fromstring(page(nested(PARAS[:6], depth) + AD + nested(PARAS[6:], depth)))
        assert join_split_body(tree, "\n".join(PARAS[:6])) == joined, depth
