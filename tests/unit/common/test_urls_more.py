"""Issue 5's URL identity rules on top of courlan: AMP forms, caches, index pages,
newsroom campaign parameters."""

from __future__ import annotations

import pytest

from tasks.common.urls import article_id_for, canonical_url

STORY = "https://example.com/2024/05/story.html"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.com/2024/05/story.amp.html",
        "https://example.com/amp/2024/05/story.html",
        "https://amp.example.com/2024/05/story.html?amp=1",
        "https://m.example.com/2024/05/story.html?outputType=amp",
        "https://www.google.com/amp/s/example.com/2024/05/story.html",
        "https://www.google.co.uk/amp/s/www.example.com/2024/05/story.html",
        "https://example-com.cdn.ampproject.org/c/s/example.com/2024/05/story.html",
        "https://example.com/2024/05/story.html?CMP=share_btn_tw&INTCMP=x",
        "https://example.com/2024/05/story.html?smid=tw-share&smtyp=cur",
        "https://example.com/2024/05/story.html?ns_mchannel=social&ns_source=twitter",
        "https://example.com/2024/05/story.html?guccounter=1&guce_referrer=abc",
        "https://example.com/2024/05/story.html?_hsenc=p2&_hsmi=9&mkt_tok=z",
        "https://example.com/2024/05/story.html?WT.mc_id=rss&icid=home",
        "http://EXAMPLE.com:80/2024/05/story.html/#comments",
    ],
)
def test_variant_has_the_story_identity(variant):
    assert canonical_url(variant) == STORY
    assert article_id_for(canonical_url(variant)) == article_id_for(STORY)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/news/story/index.html", "https://example.com/news/story"),
        ("https://example.com/index.php", "https://example.com/"),
        ("https://example.com/news/default.aspx", "https://example.com/news"),
    ],
)
def test_directory_index_pages(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Content-selecting parameters stay.
        ("https://example.com/story?id=1", "https://example.com/story?id=2"),
        ("https://example.com/story?page=1", "https://example.com/story?page=2"),
        # A page about amplifiers is not an AMP page.
        ("https://example.com/amplifiers/review", "https://example.com/review"),
        ("https://example.com/news/amped-up", "https://example.com/news"),
        # Google's own pages are not an AMP cache unless they carry a host.
        ("https://www.google.com/amp/help", "https://help"),
        # Different sites stay different.
        ("https://example.com/a", "https://example.org/a"),
    ],
)
def test_different_things_stay_different(a, b):
    try:
        other = canonical_url(b)
    except ValueError:
        other = None
    assert canonical_url(a) != other


def test_an_amp_cache_path_without_a_host_is_not_taken_for_one():
    # The cache form is /amp/s/<host>/<path>: a first segment without a dot is no host.
    from tasks.common.urls import canonical_url, domain_of

    assert domain_of(canonical_url("https://www.google.com/amp/s/news/page.html")) == \
        "google.com"
    assert canonical_url("https://www.google.com/amp/s/example.com/news/page.html") == \
        "https://example.com/news/page.html"


def test_a_trailing_dot_of_the_host_is_dropped():
    from tasks.common.urls import canonical_url

    assert canonical_url("https://Example.com./a") == canonical_url("https://example.com/a")


def test_only_the_default_ports_leave_the_identity():
    from tasks.common.urls import canonical_url

    assert canonical_url("http://example.com:443/a") == "https://example.com/a"
    assert canonical_url("https://example.com:443/a") == "https://example.com/a"
    assert canonical_url("https://example.com:444/a") == "https://example.com:444/a"
    assert canonical_url("http://example.com:81/a") == "https://example.com:81/a"


@pytest.mark.parametrize("url", ["https://[::1/a", "http://example.com:99999/a",
                                 "http://example.com:abc/"])
def test_a_url_python_cannot_split_is_a_bad_url_that_says_so(url):
    from tasks.common.urls import BadURL, canonical_url

    with pytest.raises(BadURL) as err:
        canonical_url(url)
    assert str(err.value).startswith(f"malformed URL {url!r}: ")


# --- seed 55: fault round 21's server_key and without_prose_punctuation -----------------

def test_a_server_key_is_the_name_in_lower_case_whatever_letter_it_ends_in():
    # seed 55: only the root's dot comes off the end; a capital X (Mexico's .MX, a
    # sources file's host in capitals) is a letter of the name
    from tasks.common.urls import server_key

    assert server_key("WWW.ELUNIVERSAL.COM.MX.") == "www.eluniversal.com.mx"
    assert server_key("NEWS.BOX") == "news.box"
    assert server_key("") == ""  # a URL without a host names no server


@pytest.mark.parametrize(("text", "url"), [
    # a Wikipedia-style address inside brackets: its own pair stays, the sentence's goes
    ("(https://en.wikipedia.org/wiki/Harbour_(Oslo))",
     "https://en.wikipedia.org/wiki/Harbour_(Oslo)"),
    ("https://en.wikipedia.org/wiki/Harbour_(Oslo)).", "https://en.wikipedia.org/wiki/Harbour_(Oslo)"),
    ("[https://s.example/list[1]]", "https://s.example/list[1]"),
])
def test_an_address_with_its_own_brackets_pasted_inside_a_sentences_keeps_them(text, url):
    from tasks.common.urls import without_prose_punctuation

    assert without_prose_punctuation(text) == url


# --- fault round 46: a site named on the command line ------------------------------------

@pytest.mark.parametrize(("typed", "domain"), [
    ("news.example", "news.example"),
    ("WWW.News.Example.", "news.example"),  # capitals, www., the root's dot
    ("https://www.news.example/world/story-1.html?utm_source=x", "news.example"),
    ("news.example/world/", "news.example"),  # an address bar hides the scheme
    ("news.example:8443", "news.example"),
    (" m.news.example ", "news.example"),
    ("xn--bcher-kva.example", "bücher.example"),
    ("mobile.de", "mobile.de"),  # a mirror label that is the outlet's own name
    ("localhost", "localhost"),
])
def test_a_site_typed_as_people_type_one_is_the_domain_articles_store(typed, domain):
    from tasks.common.urls import canonical_url, domain_of, typed_domain

    assert typed_domain(typed) == domain
    # the same spelling the stored `domain` of a page of that site has
    assert domain_of(canonical_url(f"https://{domain}/a")) == domain


@pytest.mark.parametrize("typed", ["*", "%", "a b", ".example", "news..example", "", " ",
                                   "ftp://news.example/", "mailto:desk@news.example"])
def test_what_names_no_site_is_refused(typed):
    from tasks.common.urls import BadURL, typed_domain

    with pytest.raises(BadURL):
        typed_domain(typed)
