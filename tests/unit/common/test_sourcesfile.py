"""The sources file: typed, defaults resolved, clear messages for every malformed shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.common.sourcesfile import SourcesFileError, is_sources_file, load_sources, parse_sources

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "sources.toml"


def test_the_shipped_sources_file_is_valid() -> None:
    cfg = load_sources(SEEDS)
    names = [s.name for s in cfg.sources]
    assert "Sputnik International" in names
    sputnik = cfg.sources[names.index("Sputnik International")]
    assert any("sputnikglobe.com" in u for u in sputnik.feeds + sputnik.sitemaps)
    assert all(s.delay_s is not None and s.enabled is not None for s in cfg.sources)
    assert 0 < len(cfg.enabled()) < len(cfg.sources)  # one outlet ships disabled


def test_defaults_fill_what_a_source_leaves_out() -> None:
    cfg = parse_sources("""
[defaults]
delay_s = 3.0
language = "de"
enabled = false
[[source]]
name = "A"
feeds = ["https://a.example/rss", "https://a.example/rss"]
[[source]]
name = "B"
delay_s = 0.5
enabled = true
language = "fr"
""")
    a, b = cfg.sources
    assert (a.delay_s, a.language, a.enabled) == (3.0, "de", False)
    assert a.feeds == ["https://a.example/rss"]
    assert a.feeds == ["https://a.example/rss"]  # duplicates dropped
    assert (b.delay_s, b.language, b.enabled) == (0.5, "fr", True)
    assert [s.name for s in cfg.enabled()] == ["B"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\n[[source]\n', "not valid TOML"),
        ('[[source]]\nname = "A"\nfeeds = ["file:///etc/passwd"]', "#1 ('A') feeds"),
        ('[[source]]\nname = "A"\nfeeds = "https://a.example/rss"', "valid list"),
        ('[[source]]\nname = "A"\ndelay = 1', "#1 ('A') delay: Extra inputs"),
        ('[[source]]\nname = "A"\n[[source]]\nname = "A"', "names must be unique"),
        ('[[source]]\nname = "A"\nlanguage = "English"', "not an ISO 639"),
        ('[[source]]\nname = "A"\ndelay_s = -1', "delay_s"),
        ('[[source]]\nname = "A"\ncountry = "gb"', "ISO 3166"),
        ('[[source]]\nfeeds = []', "#1 name: Field required"),
        ("version = 2", "version"),
    ],
)
def test_malformed_file_gives_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(SourcesFileError) as info:
        parse_sources(text, "seeds/sources.toml")
    assert str(info.value).startswith("seeds/sources.toml: ")
    assert message in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="cannot read the sources file"):
        load_sources(tmp_path / "sources.toml")


def test_is_sources_file() -> None:
    assert is_sources_file("seeds/sources.toml") and is_sources_file("x/eu.sources.toml")
    assert not is_sources_file("pressroom.toml") and not is_sources_file("urls.txt")


def test_host_delays_for_the_fetcher() -> None:
    from tasks.common.sourcesfile import host_delays

    cfg = parse_sources("""
[[source]]
name = "A"
delay_s = 2.0
feeds = ["https://feeds.a.example/rss"]
homepage = "https://www.a.example/"
[[source]]
name = "B"
delay_s = 5.0
feeds = ["https://feeds.a.example/b-rss"]
[[source]]
name = "D"
delay_s = 0.5
feeds = ["https://feeds.a.example/d-rss"]
[[source]]
name = "C"
enabled = false
delay_s = 9.0
feeds = ["https://c.example/rss"]
""")
    assert host_delays(cfg) == {"feeds.a.example": 5.0, "www.a.example": 2.0}


def test_plain_http_addresses_are_accepted() -> None:
    cfg = parse_sources('[[source]]\nname = "Old"\nhomepage = "http://old.example/"\n'
                        'feeds = ["HTTP://old.example/rss"]\n')
    assert cfg.sources[0].homepage == "http://old.example/"
    assert cfg.sources[0].feeds == ["HTTP://old.example/rss"]


def test_an_error_inside_a_table_or_a_list_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[defaults]\ndelay_s = -1\n[[source]]\nname = "BBC"\nfeeds = [1]\n',
                    encoding="utf-8")
    with pytest.raises(SourcesFileError) as err:
        load_sources(path)
    assert str(err.value) == (
        f"{path}: defaults.delay_s: Input should be greater than or equal to 0; "
        "[[source]] #1 ('BBC') feeds.[0]: Input should be a valid string")


def test_a_sources_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Fault round 9: a sources.toml saved with a BOM was "not valid TOML: Invalid
    statement (at line 1, column 1)", and none of its sources was read."""
    path = tmp_path / "sources.toml"
    path.write_bytes(b'\xef\xbb\xbf[[source]]\r\nname = "Desk"\r\n'
                     b'feeds = ["https://news.example/feed.xml"]\r\n')
    cfg = load_sources(path)
    assert [s.name for s in cfg.enabled()] == ["Desk"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_sources_file_saved_as_utf16_is_read(tmp_path: Path, codec: str) -> None:
    """Round 14: Notepad's "Unicode" was "cannot read the sources file: 'utf-8' codec
    can't decode byte 0xff"; without a BOM the same of its "ü" (0xfc), or, all ASCII, "not
    valid TOML: Found invalid character '\\x00'"."""
    path = tmp_path / "sources.toml"
    path.write_bytes('[[source]]\r\nname = "Zürich desk"\r\n'
                     'feeds = ["https://news.example/feed.xml"]\r\n'.encode(codec))
    cfg = load_sources(path)
    assert [s.name for s in cfg.enabled()] == ["Zürich desk"]


def test_a_sources_file_url_with_invisible_edges_is_its_url() -> None:
    """Round 13: a feed URL pasted into sources.toml with a zero-width space or a bidi
    mark at an end; a leading one was refused as no http(s) URL."""
    cfg = parse_sources('[[source]]\nname = "A"\n'
                        'feeds = ["\\u200bhttps://a.example/rss\\u200e"]\n'
                        'sitemaps = ["https://a.example/sitemap.xml\\u2060"]\n')
    assert cfg.sources[0].feeds == ["https://a.example/rss"]
    assert cfg.sources[0].sitemaps == ["https://a.example/sitemap.xml"]
