"""The sources file (seeds/sources.toml): which outlets to crawl, and how.

A typed pydantic model of the crawl configuration. Every outlet lists its feeds and
sitemaps and its own settings (delay, enabled, language); a `[defaults]` table fills what
an outlet leaves out. A malformed file raises `SourcesFileError` whose message names the
file, and the line (TOML syntax) or the outlet and field (validation) at fault, so that
whoever edited it can fix it without reading a pydantic traceback.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tasks.common.charset import wide_as_utf8
from tasks.common.urls import trim_url

# ISO 639-1 (two letters) or 639-3 (three); a region suffix such as pt-BR is allowed.
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


# Codes ISO 3166 reserves "exceptionally" for a country whose code is another: "UK" for
# the United Kingdom (GB), "EL" for Greece (GR, the EU's own abbreviation). Written in a
# sources or outlets file, "UK" was stored: the outlet's country never met its places'
# (the gazetteer's codes are ISO's: GB), nor an analyst's `source_country = 'GB'` (round 32).
_RESERVED_COUNTRY_CODES = {"UK": "GB", "EL": "GR"}


def iso_country(code: str) -> str:
    """An outlet's two-letter country in capitals, as ISO 3166-1 alpha-2 names it."""
    code = code.upper()
    return _RESERVED_COUNTRY_CODES.get(code, code)


class SourcesFileError(ValueError):
    """The sources file cannot be read or does not describe a valid crawl configuration."""


def _check_http_url(url: str) -> str:
    url = trim_url(url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    return url


class SourceDefaults(BaseModel):
    """Values every source inherits unless it sets them itself."""

    model_config = ConfigDict(extra="forbid")

    # 1 s between two requests to one host is the common courtesy of news crawlers
    # (news-please, StormCrawler defaults); robots.txt Crawl-delay may raise it.
    delay_s: float = Field(1.0, ge=0, le=600)
    enabled: bool = True
    language: str | None = None


class Source(BaseModel):
    """One outlet: where to discover its articles and how politely to fetch them."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    homepage: str | None = None
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)  # single article URLs, rarely used
    delay_s: float | None = Field(None, ge=0, le=600)
    enabled: bool | None = None
    language: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the outlet")
    type: Literal["state", "public", "private", "agency", "nonprofit", "other"] | None = None

    @field_validator("homepage")
    @classmethod
    def _homepage_url(cls, v: str | None) -> str | None:
        return None if v is None else _check_http_url(v)

    @field_validator("feeds", "sitemaps", "urls")
    @classmethod
    def _urls(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(_check_http_url(u) for u in v))

    @field_validator("language")
    @classmethod
    def _language(cls, v: str | None) -> str | None:
        if v is not None and not _LANGUAGE.match(v):
            raise ValueError(f"not an ISO 639 language code: {v!r}")
        return v

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Z]{2}", v):
            raise ValueError(f"not an ISO 3166-1 alpha-2 code (two capitals): {v!r}")
        return v if v is None else iso_country(v)


class SourcesFile(BaseModel):
    """The whole file: a version, the defaults, and the outlets (`[[source]]` tables)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    version: Literal[1] = 1
    defaults: SourceDefaults = Field(default_factory=SourceDefaults)
    sources: list[Source] = Field(default_factory=list, alias="source")

    @field_validator("defaults")
    @classmethod
    def _default_language(cls, v: SourceDefaults) -> SourceDefaults:
        if v.language is not None and not _LANGUAGE.match(v.language):
            raise ValueError(f"not an ISO 639 language code: {v.language!r}")
        return v

    @model_validator(mode="after")
    def _resolve(self) -> SourcesFile:
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"two sources are named {s.name!r}; names must be unique")
            seen.add(s.name)
            # Fill inherited values once, so every reader sees resolved settings.
            if s.delay_s is None:
                s.delay_s = self.defaults.delay_s
            if s.enabled is None:
                s.enabled = self.defaults.enabled
            if s.language is None:
                s.language = self.defaults.language
        return self

    def enabled(self) -> list[Source]:
        """The sources a run discovers from."""
        return [s for s in self.sources if s.enabled]


def _describe(exc: ValidationError, data: dict) -> str:
    """Turn pydantic errors into 'source "BBC" (#2).feeds[0]: not an absolute URL' lines."""
    lines = []
    sources = data.get("source") if isinstance(data.get("source"), list) else []
    for err in exc.errors()[:10]:
        loc = list(err["loc"])
        where = []
        if loc[:1] == ["source"] and len(loc) > 1 and isinstance(loc[1], int):
            i = loc[1]
            entry = sources[i] if i < len(sources) else None
            name = entry.get("name") if isinstance(entry, dict) else None
            where.append(f"[[source]] #{i + 1}" + (f" ({name!r})" if name else ""))
            loc = loc[2:]
        if loc:
            where.append(".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc))
        msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"{' '.join(where) or 'file'}: {msg}")
    return "; ".join(lines)


def parse_sources(text: str, origin: str = "sources.toml") -> SourcesFile:
    """Parse the TOML text of a sources file; raise SourcesFileError naming what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message carries line and column
        raise SourcesFileError(f"{origin}: not valid TOML: {exc}") from None
    try:
        return SourcesFile.model_validate(data)
    except ValidationError as exc:
        raise SourcesFileError(f"{origin}: {_describe(exc, data)}") from None


def load_sources(path: str | Path) -> SourcesFile:
    """Read and validate a sources file from disk."""
    path = Path(path)
    try:
        # utf-8-sig: a byte-order mark (Notepad's "UTF-8 with BOM") made the whole file
        # "not valid TOML: Invalid statement (at line 1, column 1)"; its "Unicode" is
        # UTF-16: "'utf-8' codec can't decode byte 0xff", or without a BOM "invalid
        # character '\x00'" (round 14)
        text = wide_as_utf8(path.read_bytes())[0].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesFileError(f"{path}: cannot read the sources file: {exc}") from None
    return parse_sources(text, str(path))


def is_sources_file(path: str) -> bool:
    """True for paths discover should read as a sources file (by name, not content)."""
    name = Path(path).name.lower()
    return name == "sources.toml" or name.endswith(".sources.toml")


def host_delays(cfg: SourcesFile) -> dict[str, float]:
    """Per-host politeness delay from the enabled sources, for the fetcher: every host a
    source's feeds, sitemaps, URLs or homepage live on gets that source's delay_s (the
    largest one if two sources share a host, e.g. a CDN serving several outlets' feeds)."""
    delays: dict[str, float] = {}
    for s in cfg.enabled():
        for url in [*s.feeds, *s.sitemaps, *s.urls, *([s.homepage] if s.homepage else [])]:
            host = (urlsplit(url).hostname or "").lower()
            if host:
                delays[host] = max(delays.get(host, 0.0), s.delay_s or 0.0)
    return delays
