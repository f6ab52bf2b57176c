"""Byline cleaning's limits that no test pinned (found by mutation testing bylines.py's
cleaning and refining functions): what clean_author_name strips and how many roles, its
word limits, and when a byline shown refines or extends the recorded authors."""

from __future__ import annotations

import pytest

from tasks.extract.bylines import (
    byline_adds_coauthors,
    byline_refines,
    clean_author_name,
    clean_authors,
    names_of_people,
)


@pytest.mark.parametrize(("raw", "name"), [
    ("Jane Doe,", "Jane Doe"), (", Jane Doe -", "Jane Doe"), ("Jane Doe ·", "Jane Doe"),
    ("Xavier Doe", "Xavier Doe"),  # only separators are stripped, not letters
    ("J", None),  # one letter is no name
    ("Jane Doe Jane Doe", "Jane Doe"),  # an image's alt text and the name, the same twice
    ("Text: Interview: Fotos: Harald Weber", "Harald Weber"),  # three stacked roles
    ("Text: Interview: Fotos: Interview: Harald Weber", "Interview: Harald Weber"),  # a 4th
    ("Redaktion,", "Redaktion"),  # a newsroom's byline on its own, without its comma
    ("Redaktion X", None),  # the role and one letter: no name, and no newsroom either
    ("Jane Doe, E-Mail", "Jane Doe"),  # the contact link's label, and the comma before it
])
def test_clean_author_name(raw, name) -> None:
    assert clean_author_name(raw) == name


def test_a_name_has_at_most_six_words_an_institution_ten() -> None:
    assert clean_author_name("Anna Maria Luisa de la Cruz") == "Anna Maria Luisa de la Cruz"
    assert clean_author_name("Anna Maria Luisa de la Cruz Lopez") is None
    ministry = "Ministerium für Umwelt Natur und Verkehr Baden Württemberg Stuttgart Süd"
    assert clean_author_name(ministry) == ministry  # 10 words, "für": an institution's name
    assert clean_author_name(ministry + " Nord") is None


def test_an_editing_credit_is_passed_over_and_the_names_after_it_kept() -> None:
    assert clean_authors("Jane Doe; Editing by Tim Allen; Ann Lee", set()) == [
        "Jane Doe", "Ann Lee"]


def test_with_no_person_named_the_first_entry_is_the_byline() -> None:
    assert clean_authors("Harbour Media GmbH; City Press AG", set()) == ["Harbour Media GmbH"]


def test_names_of_people_are_one_to_three_names_of_two_to_four_words() -> None:
    assert not names_of_people([], set())
    assert names_of_people(["Anna Maria de Cruz"], set())
    assert not names_of_people(["Anna Maria Luisa de Cruz"], set())


@pytest.mark.parametrize(("recorded", "shown", "refines"), [
    (["Fiona Bell", "Mariam Haddad", "Tom Roe"], ["Fiona Bell", "Mariam Haddad"], True),
    (["Fiona Bell", "Mariam Haddad", "Tom Roe"],
     ["Fiona Bell", "Mariam Haddad", "Tom Roe"], False),  # all of them: nothing more precise
    (["Todd"], ["Todd Bates"], True),  # one recorded word spelled out
    (["Tod"], ["Tod Bates"], True),  # three letters are enough
    (["Al"], ["Al Bates"], False),  # two are not
    (["Todd"], ["Todd"], False),  # the byline must write more than one word
    (["Todd"], ["Todd Bates", "Ann Lee"], False),  # one name only
    (["Todd"], ["Anna Lee"], False),  # another person
])
def test_byline_refines(recorded, shown, refines) -> None:
    assert byline_refines(recorded, shown) is refines


@pytest.mark.parametrize(("recorded", "shown", "adds"), [
    (["Rudolf Fischer"], ["Rudolf Fischer", "Simon Kohler"], True),
    (["Jane Doe"], ["Jane Doe"], False),  # no co-author
    (["Jane Doe", "Tom Roe"], ["Jane Doe", "Ann Lee"], False),  # one recorded name only
    (["Todd"], ["Todd Bates", "Ann Todd"], False),  # a full recorded name only
])
def test_byline_adds_coauthors(recorded, shown, adds) -> None:
    assert byline_adds_coauthors(recorded, shown, set()) is adds


# Mutation seed 58: round 25's byline readers (`normalize_byline`, `_author_names` with
# language-tagged names), each case their mutants were not asked.
def test_no_byline_is_no_author_and_an_address_alone_is_none() -> None:
    from tasks.extract.bylines import holds_address, normalize_byline

    assert normalize_byline(None) is None and normalize_byline("") is None
    assert holds_address(None) is False and holds_address("") is False
    assert normalize_byline("Jane Doe jane@example.com") == "Jane Doe"
    assert holds_address("Jane Doe, https://twitter.com/janedoe") is True


def test_a_jsonld_author_without_a_name_is_no_author() -> None:
    from tasks.extract.bylines import _author_names

    assert _author_names({"@type": "Person"}) == []
    assert _author_names({"@type": "Person", "name": ""}) == []
    # a reference with no nodes to look it up in, or to no node, names nobody
    assert _author_names({"@id": "#/schema/person/1"}) == []
    assert _author_names({"@id": "#/schema/person/1"}, {"#/other": {"name": "Ann"}}) == []


def test_a_list_of_jsonld_references_reads_each_named_node() -> None:
    from tasks.extract.bylines import _author_names

    named = {"#/person/1": {"@type": "Person", "name": "Jane Doe"},
             "#/person/2": {"@type": "Person", "name": {"@value": "Tom Roe"}}}
    assert _author_names([{"@id": "#/person/1"}, {"@id": "#/person/2"}], named) == [
        "Jane Doe", "Tom Roe"]


def test_a_full_name_is_not_lengthened_from_its_bio() -> None:
    """Only a one-word name (a login) is completed from the bio that opens with it; a
    name of two words is the name, whatever capitalised words its bio goes on with."""
    from tasks.extract.bylines import _author_names

    assert _author_names({"@type": "Person", "name": "Jane Doe",
                          "description": "Jane Doe Berlin - correspondent"}) == ["Jane Doe"]
    assert _author_names({"@type": "Person", "name": "Jane",
                          "description": "Jane Doe - correspondent"}) == ["Jane Doe"]


@pytest.mark.parametrize(("empty", "read"), [(19, "Kathrin Führes"), (20, None)])
def test_the_first_20_author_page_links_are_looked_at_and_no_more(empty, read) -> None:
    # seed 59: a page listing many authors (a portrait wall of image links without text)
    # is not searched link by link: the byline's link is among the first 20
    from lxml.html import fromstring

    from tasks.extract.bylines import author_link_byline

    links = "".join(f"<a href='/autoren/a-{i}'><img src='{i}.jpg'></a>" for i in range(empty))
    tree = fromstring(f"<html><body><article><h1>Bridge reopens</h1>{links}"
                      "<a href='/autoren/kathrin-fuehres'>Kathrin Führes</a>"
                      "<p>The bridge reopened.</p></article></body></html>")
    assert author_link_byline(tree, tree.find(".//h1")) == read


@pytest.mark.parametrize(("raw", "name"), [
    ("Jane Doe Correspondent", "Jane Doe"),                 # a role of one word
    ("Anna Maria Berg Senior Editor", "Anna Maria Berg"),   # of two, not its last word only
    ("Anna Berg Senior Political Correspondent", "Anna Berg"),
    ("Anna Maria Berg Political Correspondent", "Anna Maria Berg"),
    ("Anna Correspondent", "Anna Correspondent"),           # two words: a name stays whole
])
def test_a_role_after_the_name_goes_and_two_words_of_a_name_stay(raw, name) -> None:
    # (seed 64) an author box's "<span>Jane Doe</span><span>Correspondent</span>"
    assert clean_author_name(raw) == name


# --- names in capitals, agency and newsroom bylines (fault round 44) ---------------------

def byline(text: str) -> list[str]:
    from tasks.extract.bylines import normalize_byline

    return clean_authors(normalize_byline(text), set())


@pytest.mark.parametrize(("raw", "names"), [
    ("JOHN SMITH", ["John Smith"]),
    ("By JANE DOE and JOHN SMITH", ["Jane Doe", "John Smith"]),
    ("SADHBH O'SULLIVAN, ELISABETH KOCHAN", ["Sadhbh O'Sullivan", "Elisabeth Kochan"]),
    ("By JEAN-CLAUDE VAN DER BERG", ["Jean-Claude van der Berg"]),
    ("ANA DE LA CRUZ", ["Ana de la Cruz"]),
    ("MARIA DEL CARMEN DE LOS SANTOS", ["Maria del Carmen de los Santos"]),
    ("RONALD MCDONALD", ["Ronald McDonald"]),
    ("LUIGI DI MAIO", ["Luigi Di Maio"]),  # "Di", "Le", "La" alone are capitalised as often
    ("JACOBO BETANCUR PELÁEZ", ["Jacobo Betancur Peláez"]),
    ("HENRY TUDOR VIII", ["Henry Tudor VIII"]),
    ("R.C. BAKER", ["R C Baker"]),  # (the normaliser's full stops)
    # a name in another case stays as written, as does a word in capitals (an acronym)
    ("Anna McKeller", ["Anna McKeller"]), ("AJ Keller", ["AJ Keller"]),
    ("JIJI", ["JIJI"]), ("DPA", ["DPA"]),
])
def test_a_name_in_capitals_is_written_in_its_usual_case(raw, names) -> None:
    assert byline(raw) == names


def test_one_name_in_capitals_and_not_is_one_author() -> None:
    assert byline("JOHN SMITH") == byline("John Smith")
    assert clean_authors("JANE DOE; Jane Doe", set()) == ["Jane Doe"]


def test_an_author_link_in_capitals_does_not_bring_the_capitals_back() -> None:
    from lxml.html import fromstring

    from tasks.extract.bylines import author_link_spelling

    tree = fromstring("<html><body><a href='/author/jsmith/'>JOHN SMITH</a></body></html>")
    assert author_link_spelling(tree, ["John Smith"]) == ["John Smith"]
    # an agency kept in capitals stays so
    tree = fromstring("<html><body><a href='/author/afp/'>AFP</a></body></html>")
    assert author_link_spelling(tree, ["AFP"]) == ["AFP"]


@pytest.mark.parametrize(("raw", "names"), [
    # the project's convention: an agency alone is the byline (the annotations keep it,
    # and the wire credit is read from it: tasks/enrich/wire.py's byline_credits)
    ("By AP", ["AP"]), ("By The Associated Press", ["The Associated Press"]),
    ("By Reuters", ["Reuters"]),
    # beside a reporter, no author
    ("By JANE DOE and The Associated Press", ["Jane Doe"]),
])
def test_an_agency_alone_is_the_byline(raw, names) -> None:
    assert byline(raw) == names


@pytest.mark.parametrize(("raw", "names"), [
    ("Staff and agencies", ["Staff and Agencies"]),
    ("Guardian staff and agencies", ["Guardian staff and Agencies"]),
    ("Staff and wire reports", ["Staff and Wire Reports"]),
    # a newsroom beside a person, an agency, or another newsroom word, as before
    ("Staff and Jane Doe", ["Jane Doe"]), ("Staff and dpa", ["Dpa"]),
    ("Redaktion und Staff", ["Redaktion"]),
])
def test_staff_and_agencies_is_one_credit_of_no_person(raw, names) -> None:
    from tasks.extract.bylines import is_person

    got = byline(raw)
    assert got == names
    if len(names[0].split()) > 2:
        assert not is_person(got[0], set())


def test_a_pages_byline_in_capitals_and_its_newsroom_credit() -> None:
    from datetime import UTC, datetime

    from lxml.html import fromstring

    from tasks.extract.metadata import page_metadata

    def authors(line: str) -> tuple[list[str], str | None]:
        tree = fromstring(f"<html><body><article><h1>Storm closes the port</h1>"
                          f"<p class='byline'>{line}</p><p>Text of the story.</p>"
                          "</article></body></html>")
        md = page_metadata(tree, None, now=datetime(2024, 5, 3, tzinfo=UTC))
        return md.authors, md.byline

    # the byline as written stays (wire credits are read from it)
    assert authors("By JANE DOE and JOHN SMITH") == (["Jane Doe", "John Smith"],
                                                     "JANE DOE; JOHN SMITH")
    assert authors("Staff and agencies") == (["Staff and Agencies"], "Staff; Agencies")
