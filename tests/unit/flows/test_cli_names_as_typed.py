"""A site or a language named on the command line as people name one: `forget --domain`
and `search --outlet` read `www.`, a root dot, a port or a pasted address as the domain
the articles store, `search --lang` a tag with its region as its language; what names
neither is refused (fault round 46)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

TEXT = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."


@pytest.fixture
def wh(warehouse):
    rows = [_article("a1", "River floods valley", TEXT, "r1", domain="news.example"),
            _article("a2", "Rain floods town", TEXT, "r1", domain="other.example")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


def _domains(root) -> list[str]:
    out = CliRunner().invoke(app, ["sql", "-w", str(root), "-f", "csv",
                                   "SELECT domain FROM articles ORDER BY 1"])
    return out.output.split()[1:]


@pytest.mark.parametrize("typed", ["www.news.example", "NEWS.EXAMPLE.",
                                   "https://www.news.example/world/a1?x=1",
                                   "news.example:443"])
def test_forget_of_a_domain_typed_with_www_a_dot_a_port_or_as_an_address(wh, typed):
    """Before: "forgotten: no rows", a takedowns row of the name as typed, exit 0; the
    site's articles stayed and later runs kept taking them."""
    out = CliRunner().invoke(app, ["forget", "--domain", typed, "-w", str(wh)])
    assert out.exit_code == 0 and "articles 1" in out.output, out.output
    assert _domains(wh) == ["other.example"]
    takedowns = CliRunner().invoke(app, ["sql", "-w", str(wh), "-f", "csv",
                                         "SELECT domain FROM takedowns"]).output.split()
    assert takedowns == ["domain", "news.example"]


@pytest.mark.parametrize("typed", ["*", "%", "news example", ".example"])
def test_forget_of_a_domain_that_names_no_site_is_refused_before_a_commit(wh, typed):
    """Before: `--domain '*'` said "forgotten: no rows" and committed a takedown of `*`."""
    out = CliRunner().invoke(app, ["forget", "--domain", typed, "-w", str(wh)])
    said = " ".join(out.output.split())
    assert out.exit_code == 2 and f"--domain {typed!r} names no site" in said, said
    assert "as in --domain news.example" in said
    assert _domains(wh) == ["news.example", "other.example"]
    assert not (wh / "takedowns").exists() or not list((wh / "takedowns").iterdir())


@pytest.mark.parametrize("typed", ["news.example", "www.news.example", "News.Example.",
                                   "https://news.example/world/"])
def test_search_by_an_outlet_typed_with_www_a_dot_or_as_an_address(wh, typed):
    """Before: `www.news.example`, `news.example.` and a pasted address found nothing."""
    out = CliRunner().invoke(app, ["search", "rain", "--outlet", typed, "-f", "csv",
                                   "-w", str(wh)])
    assert out.exit_code == 0, out.output
    assert "https://news.example/a1" in out.output
    assert "other.example" not in out.output


def test_search_by_an_outlets_name_still_matches_the_name_alone(warehouse):
    rows = [_article("a1", "River floods valley", TEXT, "r1", domain="news.example",
                     source_name="Daily Post")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    runner = CliRunner()
    found = runner.invoke(app, ["search", "rain", "--outlet", "Daily Post", "-f", "csv",
                                "-w", str(warehouse)])
    assert "https://news.example/a1" in found.output, found.output
    none = runner.invoke(app, ["search", "rain", "--outlet", "Daily", "-f", "csv",
                               "-w", str(warehouse)])
    assert "news.example/a1" not in none.output, none.output


@pytest.mark.parametrize("typed", ["en", "EN", "en-US", "en_GB", " en "])
def test_search_by_a_language_tag_with_its_region(warehouse, typed):
    """Before: `--lang en-US` (a locale's spelling) found "0 of 0" English articles."""
    rows = [_article("a1", "River floods valley", TEXT, "r1", lang="en"),
            _article("a2", "Fluss flutet Tal", TEXT, "r1", lang="de")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    out = CliRunner().invoke(app, ["search", "rain", "--lang", typed, "-f", "csv",
                                   "-w", str(warehouse)])
    assert out.exit_code == 0, out.output
    assert "e.com/a1" in out.output and "e.com/a2" not in out.output, out.output


@pytest.mark.parametrize("typed", ["english", "en US", "*"])
def test_search_by_a_language_name_is_refused_with_a_sentence(wh, typed):
    """Before: `--lang english` said "0 of 0 matching", as if none were in English."""
    out = CliRunner().invoke(app, ["search", "rain", "--lang", typed, "-w", str(wh)])
    said = " ".join(out.output.split())
    assert out.exit_code == 2, said
    assert f"--lang {typed!r} is no language code" in said and "(en, de, fr;" in said, said


def test_forget_of_an_outlet_no_article_has_commits_nothing_and_says_the_near_name(warehouse):
    """Before: `forget --outlet "Dialy Post"` said "forgotten: no rows" and committed a
    takedown of nothing, exit 0; the outlet's articles stayed."""
    rows = [_article("a1", "River floods valley", TEXT, "r1", domain="news.example",
                     source_name="Daily Post")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    out = CliRunner().invoke(app, ["forget", "--outlet", "Dialy Post", "-w", str(warehouse)])
    said = " ".join(out.output.split())
    assert out.exit_code == 1, said
    assert "no article of an outlet named 'Dialy Post'" in said and "nothing taken down" in said
    assert "did you mean 'Daily Post'?" in said
    assert _domains(warehouse) == ["news.example"]
    assert not (warehouse / "takedowns").exists()
