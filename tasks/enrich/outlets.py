"""The source registry: which outlet published an article, from where, and what kind.

`seeds/outlets.toml` maps a registrable domain to {name, country, type}. Other stages may
keep more per outlet in the same file (feeds, sitemaps, crawl hints), so the parser reads
only the keys it knows and ignores the rest. Lookup walks up the host's labels, so
`news.bbc.co.uk` finds `bbc.co.uk`.

The crawl configuration `seeds/sources.toml` (tasks/common/sourcesfile.py) also names outlets,
with a homepage, a country and a coarser type. `merge_registries` joins both: an outlet
listed only in sources.toml is still known (keyed by its homepage's domain, its type
mapped by `SOURCES_TYPE_MAP`), and outlets.toml wins where both describe a domain.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from tasks.common import sourcesfile
from tasks.common.urls import domain_identity

# The outlet types we accept; anything else is a typo in the registry, reported at load.
OUTLET_TYPES = frozenset(
    {
        "public-broadcaster",
        "state-affiliated",
        "wire",
        "independent",
        "newspaper",
        "magazine",
        "broadcaster",
        "government",
        "other",
    }
)


# sources.toml's `type` vocabulary -> ours. "private" says who owns an outlet, not how
# it is run; "independent" is the nearest of our types.
SOURCES_TYPE_MAP = {
    "state": "state-affiliated",
    "public": "public-broadcaster",
    "agency": "wire",
    "private": "independent",
    "nonprofit": "independent",
    "other": "other",
}


class RegistryError(ValueError):
    """The outlet registry file is malformed (the message names the file and entry)."""


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: display name, ISO 3166-1 alpha-2 country, outlet type."""

    name: str
    country: str | None
    type: str | None


def parse_registry(text: str, origin: str = "outlets.toml") -> dict[str, Outlet]:
    """Parse registry TOML into {domain: Outlet}. Unknown keys per outlet are ignored."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{origin}: not valid TOML: {exc}") from None
    outlets = data.get("outlets", {})
    if not isinstance(outlets, dict):
        raise RegistryError(f"{origin}: [outlets] must be a table of domains")
    registry: dict[str, Outlet] = {}
    for domain, entry in outlets.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise RegistryError(f"{origin}: outlet {domain!r} needs a string 'name'")
        country = entry.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 2):
            raise RegistryError(f"{origin}: outlet {domain!r}: country must be ISO alpha-2")
        kind = entry.get("type")
        if kind is not None and kind not in OUTLET_TYPES:
            raise RegistryError(
                f"{origin}: outlet {domain!r}: type {kind!r} not in {sorted(OUTLET_TYPES)}"
            )
        registry[registry_key(domain)] = Outlet(
            entry["name"], sourcesfile.iso_country(country) if country else None, kind)
    return registry


def registry_key(written: str) -> str:
    """The domain a registry key (or a homepage) names, spelt as articles' `domain` is
    (`domain_identity`: Unicode, no www./m./mobile./amp., lower case) and without a
    root dot. Keys were kept as written (lower case, one "www." off): a punycode `.рф`
    name, a homepage's URL pasted as the key, `m.dw.com` or `www.dw.com.` never met an
    article's domain, and the outlet's name, country and type were joined to none of its
    articles, without a word (round 32)."""
    key = written.strip()
    try:
        host = urlsplit(key if "://" in key else f"//{key}").hostname or key
    except ValueError:  # "[::1" and other addresses no parser takes: kept as written
        host = key
    return domain_identity(host.rstrip("."))


def load_registry(path: Path) -> dict[str, Outlet]:
    """Read the registry file; a missing file is an empty registry (nothing to join)."""
    if not path.exists():
        return {}
    # utf-8-sig: a byte-order mark made the registry "not valid TOML" (line 1, column 1)
    return parse_registry(path.read_text(encoding="utf-8-sig"), origin=str(path))


def lookup(registry: dict[str, Outlet], domain: str | None) -> Outlet | None:
    """The outlet for `domain` or its nearest registered parent domain, else None."""
    if not domain or not registry:
        return None
    labels = domain.lower().rstrip(".").split(".")
    # Stop before the bare TLD: "co.uk" or "com" alone never names an outlet.
    for i in range(len(labels) - 1):
        hit = registry.get(".".join(labels[i:]))
        if hit is not None:
            return hit
    return None


def from_sources_file(cfg: sourcesfile.SourcesFile) -> dict[str, Outlet]:
    """Outlets of a parsed sources file, by the domain of their homepage; sources without
    a homepage are skipped (nothing to key them by)."""
    registry: dict[str, Outlet] = {}
    for src in cfg.sources:
        if not src.homepage:
            continue
        domain = registry_key(src.homepage)
        if domain:
            kind = SOURCES_TYPE_MAP.get(src.type) if src.type else None
            registry[domain] = Outlet(src.name, src.country, kind)
    return registry


def merge_registries(*registries: dict[str, Outlet]) -> dict[str, Outlet]:
    """One registry from several; a later one wins where two name the same domain."""
    merged: dict[str, Outlet] = {}
    for reg in registries:
        merged.update(reg)
    return merged


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's (mtime_ns, size): the registry cache key; None when there is no file."""
    if not path.exists():
        return None
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=8)
def _registry(outlets: str, outlets_stamp, crawl: str, crawl_stamp):
    """(registry, problems): outlets.toml over the outlets of sources.toml. Cached until
    either file changes. A broken file is a note for the run, not a failed batch: the
    articles are still enriched, without that file's outlets."""
    problems: list[str] = []
    from_crawl: dict[str, Outlet] = {}
    if crawl_stamp is not None:
        try:
            from_crawl = from_sources_file(sourcesfile.load_sources(crawl))
        except sourcesfile.SourcesFileError as exc:
            problems.append(f"source registry: {exc}")
    try:
        own = load_registry(Path(outlets))
    except RegistryError as exc:
        own = {}
        problems.append(f"source registry: {exc}")
    return merge_registries(from_crawl, own), tuple(problems)


def load_outlet_registry(outlets_file: Path, sources_file: Path
                         ) -> tuple[dict[str, Outlet], tuple[str, ...]]:
    """(registry, problems) from outlets.toml over the outlets of sources.toml; cached
    until either file changes. The wrapper loads it and hands it to the stage."""
    return _registry(str(outlets_file), _stamp(outlets_file), str(sources_file),
                     _stamp(sources_file))
