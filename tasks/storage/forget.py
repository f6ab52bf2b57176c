"""Forget: remove every trace of an article, a domain or an outlet from the warehouse.

A takedown request must leave nothing of the content behind: rows in every table, the
raw WARC records, the search index, the reports. Parquet files are immutable, so every
file holding a matching row is rewritten without it (tmp + rename) and committed by a
manifest of kind "forget" that replaces the old files, which are then deleted at once
(unlike a compaction: keeping them would keep the content). A WARC file holding a record
of a forgotten URL is rewritten without its records, and the fetch_log rows pointing into
it get their new offsets. The `takedowns` table records what was removed, when and why,
never the content; later runs refuse those articles and domains (a reject, `taken_down`).
Runs under the writer lock.
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import TABLES, TAKEDOWNS
from tasks.common.crashpoints import crash_point
from tasks.common.urls import BadURL, article_id_for, canonical_url, domain_identity, domain_of
from tasks.storage.publish import (
    ROW_GROUP_SIZE,
    commit_manifest,
    with_declared_columns,
    write_table,
)
from tasks.storage.warehouse import committed_files, read_declared, read_declared_file

_TARGET = re.compile(rb"^WARC-Target-URI:\s*(\S+)\s*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Takedown:
    """What to forget: one URL, a whole domain, or an outlet (by its registry name)."""

    url: str | None = None
    domain: str | None = None
    outlet: str | None = None
    reason: str = ""


# a scheme (`https:`, `mailto:`), not a host's port (`a.example:8080/x`)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def takedown_url(value: str) -> str:
    """The http(s) URL a takedown names: as typed, or with `https://` before an address
    copied from a browser's address bar, which hides the scheme (`news.example/a`).
    Raises ValueError for what names no page: such a takedown matched nothing, said
    "forgotten: no rows" and committed, and the article stayed in the warehouse."""
    text = value.strip()
    if not _SCHEME.match(text) and "." in text.split("/", 1)[0] and " " not in text:
        text = "https://" + text.lstrip("/")
    try:
        canonical_url(text)
    except BadURL as exc:
        raise ValueError(f"--url {value!r} is no http(s) URL of a page ({exc})") from None
    return text


def redirect_targets(con: duckdb.DuckDBPyConnection, root: Path, url: str) -> list[str]:
    """The addresses fetches of `url` were redirected to and landed at (fetch_log's
    `final_url`), where the article was stored: its `url` and id are the final
    address's. A takedown of the address people have (the link shared, the http:// or
    old address a site redirects) matched no article, said "articles 0" and committed,
    and the story stayed with its archived page (fault round 43)."""
    files = [str(f) for f in committed_files(root, "fetch_log")]
    if not files:
        return []
    read_declared(con, files, "fetch_log").create_view("fetched")
    return [u for (u,) in con.sql(
        "SELECT DISTINCT final_url FROM fetched WHERE url = $url AND final_url IS NOT NULL"
        " AND final_url <> url", params={"url": url}).fetchall()]


def outlet_key(name: str) -> str:
    """An outlet's name as a takedown compares it: case and runs of spaces folded."""
    return re.sub(" +", " ", name.strip()).lower()  # as _OUTLET_KEY_SQL folds it


def outlet_names(root: Path) -> list[str]:
    """The outlet names the warehouse's articles carry."""
    files = [str(f) for f in committed_files(root, "articles")]
    if not files:
        return []
    con = duckdb.connect()
    try:
        rel = read_declared(con, files, "articles")
        if "source_name" not in rel.columns:
            return []
        rel.create_view("a")
        return [n for (n,) in con.sql("SELECT DISTINCT source_name FROM a WHERE "
                                      "source_name IS NOT NULL ORDER BY 1").fetchall()]
    finally:
        con.close()


# the same folding in SQL
_OUTLET_KEY_SQL = "lower(trim(regexp_replace(source_name, ' +', ' ', 'g')))"


def outlet_domains(root: Path, outlet: str) -> list[str]:
    """The domains of an outlet's articles: its takedown covers them whole."""
    return sorted(set(matching_articles(root, Takedown(outlet=outlet))["domain"].to_pylist()))


def matching_articles(root: Path, what: Takedown) -> pa.Table:
    """(article_id, url, canonical_url, domain) of every committed article it covers."""
    files = [str(f) for f in committed_files(root, "articles")]
    if not files:
        return pa.table({c: pa.array([], pa.string())
                         for c in ("article_id", "url", "canonical_url", "domain")})
    con = duckdb.connect()
    try:
        rel = read_declared(con, files, "articles")
        rel.create_view("a")
        where, params = [], {}
        if what.url:
            try:
                params["id"] = article_id_for(canonical_url(what.url))
            except BadURL:
                params["id"] = ""
            params["url"] = what.url
            params["landed"] = redirect_targets(con, root, what.url)
            where.append("(article_id = $id OR url = $url OR list_contains($landed, url))")
        if what.domain:
            params["domain"] = domain_identity(what.domain)
            # a subdomain by its suffix, not LIKE: `%` and `_` in what was typed are
            # wildcards there, and `--domain %` forgot every article of every domain
            where.append("(domain = $domain OR ends_with(domain, '.' || $domain))")
        if what.outlet:
            # as `search --outlet` reads it: a name in other capitals or spacing ("daily
            # post") matched nothing, and the takedown committed "no rows" (round 46)
            params["outlet"] = outlet_key(what.outlet)
            where.append(f"{_OUTLET_KEY_SQL} = $outlet")
        if not where:
            raise ValueError("forget needs a URL, a domain or an outlet")
        return con.sql("SELECT DISTINCT article_id, url, canonical_url, domain FROM a WHERE "
                       + " OR ".join(where), params=params).to_arrow_table()
    finally:
        con.close()


def _row_mask(table: pa.Table, name: str, ids: set[str], urls: set[str],
              domains: set[str]) -> pa.Array:
    """True for the rows of a table that belong to the forgotten articles."""
    mask = pa.array([False] * table.num_rows)
    if "article_id" in table.column_names:
        mask = pc.or_(mask, pc.fill_null(pc.is_in(table["article_id"],
                                                  pa.array(sorted(ids), pa.string())), False))
    for column in ("url", "final_url"):
        if column in table.column_names:
            hit = pc.fill_null(pc.is_in(table[column], pa.array(sorted(urls), pa.string())),
                               False)
            if domains:
                hosts = [domain_of(u) if u else "" for u in table[column].to_pylist()]
                hit = pc.or_(hit, pa.array([h in domains or any(h.endswith("." + d)
                                                                 for d in domains)
                                            for h in hosts]))
            mask = pc.or_(mask, hit)
    return mask


class UnreadableArchive(RuntimeError):
    """A raw WARC file of the warehouse that cannot be read through: a takedown cannot
    know that it removed every record it covers (round 20: a zlib.error traceback)."""


def _rewrite_warc(path: Path, urls: set[str], domains: set[str]
                  ) -> tuple[Path | None, dict[int, int], int]:
    """The WARC file without the records of the forgotten URLs (each record is its own
    gzip member), written beside it. -> (new file or None when nothing matched, old offset
    -> new offset of the records kept, records dropped)."""
    data = path.read_bytes()
    kept, moved, dropped, pos, out_pos = [], {}, 0, 0, 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        try:
            record = d.decompress(data[pos:])
        except zlib.error as exc:
            # a record it cannot read may be one it must remove: nothing is committed
            raise UnreadableArchive(
                f"{path} cannot be read from byte {pos} ({exc}): the takedown is not "
                "committed, as records of what it covers may be past that point; mend or "
                "move the file, then run forget again") from None
        end = len(data) - len(d.unused_data)
        member = data[pos:end]
        m = _TARGET.search(record[:8192])
        target = m.group(1).decode("utf-8", "replace") if m else ""
        host = domain_of(target) if target else ""
        if target and (target in urls or host in domains
                       or any(host.endswith("." + dd) for dd in domains)):
            dropped += 1
        else:
            kept.append(member)
            moved[pos] = out_pos
            out_pos += len(member)
        pos = end
    if not dropped:
        return None, {}, 0
    new = path.with_name(path.name.removesuffix(".warc.gz") + f"-f{os.getpid()}.warc.gz")
    tmp = new.with_name(new.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(b"".join(kept))
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(new)
    return new, moved, dropped


def forget(root: Path, what: Takedown, now: datetime | None = None) -> dict:
    """Remove every row, WARC record and index entry of what `what` covers; commit the
    rewritten files and a `takedowns` row. Returns the manifest (counts removed)."""
    now = now or datetime.now(UTC)
    commit = f"forget-{now:%Y%m%dT%H%M%S%fZ}"
    finish_takedowns(root)
    arts = matching_articles(root, what)
    ids = set(arts["article_id"].to_pylist())
    if what.url:
        # the URL's own id too: the takedowns table's ids are what later runs refuse, and
        # a URL the warehouse does not hold yet (a request that came before the crawl)
        # recorded none, so the next run fetched and kept it
        try:
            ids.add(article_id_for(canonical_url(what.url)))
        except BadURL:
            pass
    urls = set(arts["url"].to_pylist()) | set(arts["canonical_url"].to_pylist())
    if what.url:
        urls.add(what.url)
    domains = {domain_identity(what.domain)} if what.domain else set()
    # an outlet's own domains, not those of a --url given beside it (all of whose
    # domain's rows went too); recorded so later runs refuse them, as a --domain's: only
    # the ids removed were refused, and the outlet's next story was kept (round 46)
    of_outlet = outlet_domains(root, what.outlet) if what.outlet else []
    domains |= set(of_outlet)

    # 1. the raw archive: rewrite every WARC holding a record of these URLs
    warc_moves: dict[str, tuple[str, dict[int, int]]] = {}
    records = 0
    for warc in sorted((root / "raw").rglob("*.warc.gz")):
        if warc.name.startswith("."):
            # never a run's archive (run-<id>-...): macOS's `._<name>` beside each file it
            # copies, which zlib refused, a traceback out of every `forget` (round 20)
            continue
        try:
            new, moved, dropped = _rewrite_warc(warc, urls, domains)
        except UnreadableArchive:
            for written, _ in warc_moves.values():  # the copies made so far: uncommitted
                (root / written).unlink(missing_ok=True)
            raise
        if new is not None:
            warc_moves[str(warc.relative_to(root))] = (str(new.relative_to(root)), moved)
            records += dropped

    # 2. every table: rewrite the files holding matching rows (fetch_log also for moved
    #    WARC offsets)
    files: dict[str, list[str]] = {}
    replaces: list[str] = []
    removed: dict[str, int] = {}
    for name, schema in TABLES.items():
        for f in committed_files(root, name):
            table = read_declared_file(f, name)  # another tool's types, cast
            mask = _row_mask(table, name, ids, urls, domains)
            hits = pc.sum(pc.cast(mask, pa.int64())).as_py() or 0
            touches_warc = (name == "fetch_log" and "warc_file" in table.column_names
                            and any(w in warc_moves for w in table["warc_file"].to_pylist()))
            if not hits and not touches_warc:
                continue
            keep = table.filter(pc.invert(mask))
            if touches_warc:
                keep = _move_offsets(keep, warc_moves)
            keep = with_declared_columns(keep, schema)
            rel_old = str(f.relative_to(root.resolve()))
            files.setdefault(name, []).extend(
                write_table(root, name, keep, f"{commit}-{len(replaces):05d}"))
            replaces.append(rel_old)
            removed[name] = removed.get(name, 0) + hits

    # 3. the takedown record (never the content) and the commit
    request = {"url": what.url, "domain": what.domain, "outlet": what.outlet,
               "article_ids": sorted(ids), "reason": what.reason or None,
               "requested_at": now, "rows_removed": sum(removed.values()),
               "warc_records_removed": records, "run_id": commit}
    # one more row per domain of the outlet (no counts: the request's row holds them)
    covered = [{**request, "url": None, "domain": d, "article_ids": [], "rows_removed": 0,
                "warc_records_removed": 0} for d in of_outlet
               if what.domain is None or d != domain_identity(what.domain)]
    takedown = pa.Table.from_pylist([request, *covered], schema=TAKEDOWNS)
    files.setdefault("takedowns", []).extend(write_table(root, "takedowns", takedown, commit))
    replaces += list(warc_moves)
    manifest = commit_manifest(root, commit, {
        "run_id": commit, "started_at": now.isoformat(), "kind": "forget", "files": files,
        "replaces": replaces, "rows_removed": removed, "warc_records_removed": records,
        "warc_rewritten": {old: new for old, (new, _) in warc_moves.items()},
    })
    crash_point("forget-committed")  # committed: the replaced files not yet deleted
    # 4. the content goes now: the reports naming titles, orphans and superseded files
    #    holding it, and last the replaced files, whose presence says that this step is
    #    not done (`finish_takedowns` redoes it after a kill)
    _delete_reports(root)
    _scrub_orphans(root, ids, urls, domains)
    _scrub_superseded(root, ids, urls, domains)
    for rel in replaces:
        (root / rel).unlink(missing_ok=True)
    # files no commit lists are not ours to rewrite: named for the person taking it down
    return {**manifest, "unlisted_holding": unlisted_holding(root, ids, urls, domains)}


def _delete_reports(root: Path) -> None:
    """Reports name titles: every one goes (the command writes the latest again)."""
    for old in sorted((root / "reports").glob("*.html")):
        old.unlink(missing_ok=True)


def finish_takedowns(root: Path) -> list[str]:
    """Finish the takedowns a kill stopped between their commit and the deletion of what
    they replaced (a Ctrl-C, a closed terminal, a full disk while the reports were
    rebuilt). The rows were gone from every query, but the replaced Parquet and WARC
    files, the old reports and any orphan stayed on disk with the content, and no later
    command deleted them until a compaction (fault round 46). Run under the writer lock.
    Returns a note per takedown finished."""
    from tasks.storage.warehouse import manifests

    notes = []
    for m in manifests(root):
        if m.get("kind") != "forget":
            continue
        left = [rel for rel in m.get("replaces", []) if (root / rel).exists()]
        if not left:
            continue
        ids, urls, domains = _takedown_keys(root, m)
        _delete_reports(root)
        _scrub_orphans(root, ids, urls, domains)
        _scrub_superseded(root, ids, urls, domains)
        for rel in left:
            (root / rel).unlink(missing_ok=True)
        notes.append(f"takedown {m.get('name', m.get('run_id'))} had stopped after its "
                     f"commit: finished ({len(left)} replaced file(s) and the reports "
                     "deleted)")
    return notes


def _takedown_keys(root: Path, manifest: dict) -> tuple[set[str], set[str], set[str]]:
    """(article ids, URLs, domains) a committed takedown covers, from its takedowns row."""
    ids, urls, domains = set(), set(), set()
    for rel in manifest.get("files", {}).get("takedowns", []):
        for row in read_declared_file(root / rel, "takedowns").to_pylist():
            ids.update(row.get("article_ids") or [])
            if row.get("url"):
                urls.add(row["url"])
            if row.get("domain"):
                domains.add(domain_identity(row["domain"]))
    return ids, urls, domains


def unlisted_holding(root: Path, ids: set[str], urls: set[str], domains: set[str]
                     ) -> list[str]:
    """Files in table folders that no commit lists (another tool's copy, an editor's
    backup `x.parquet~` or `#x.parquet#`, a Hive-style `year=2024/part0.parquet`, an
    export, a copy the next run would quarantine) that still hold a row of the takedown,
    relative to the root. No reader sees them, so a takedown left them without a word
    (fault round 38). A Parquet file is searched by row; any other by the bytes of the
    ids and URLs."""
    from tasks.storage.warehouse import manifests

    listed = {str((root / rel).resolve()) for m in manifests(root)
              for rels in [*m.get("files", {}).values(), m.get("replaces", [])] for rel in rels}
    needles = [v.encode("utf-8") for v in sorted(ids | urls) if v]
    found = []
    for table in TABLES:
        folder = root / table
        if not folder.is_dir():
            continue
        for f in sorted(p for p in folder.rglob("*") if p.is_file()):
            if str(f.resolve()) in listed:
                continue
            try:
                rows = pq.read_table(f)
                holds = bool(rows.num_rows) and bool(pc.any(_row_mask(
                    rows, table, ids, urls, domains)).as_py())
            except Exception:  # noqa: BLE001 - not Parquet, torn, other types: its bytes
                try:
                    data = f.read_bytes()
                except OSError:
                    continue
                holds = any(n in data for n in needles)
            if holds:
                found.append(str(f.relative_to(root)))
    return found


def _scrub_superseded(root: Path, ids: set[str], urls: set[str], domains: set[str]) -> None:
    """Files an earlier compaction replaced, kept until the next compaction for databases
    built before it: no commit reads them, but they hold every row they held. A takedown
    after `pressroom compact` left the article's text, signature and keys in them
    (fault round 38); those holding a row of it go now (a views database naming them is
    built again, as after any commit)."""
    from tasks.storage.compact import superseded_files

    for f in superseded_files(root):
        table = f.parent.name
        try:
            rows = pq.read_table(f)
        except Exception:  # noqa: BLE001 - unreadable: no reader can use it either
            f.unlink(missing_ok=True)
            continue
        if table in TABLES and pc.any(_row_mask(rows, table, ids, urls, domains)).as_py():
            f.unlink(missing_ok=True)


def _move_offsets(table: pa.Table, moves: dict[str, tuple[str, dict[int, int]]]) -> pa.Table:
    files = table["warc_file"].to_pylist()
    offsets = table["warc_offset"].to_pylist()
    new_files, new_offsets = [], []
    for f, o in zip(files, offsets, strict=True):
        if f in moves:
            new_name, moved = moves[f]
            new_files.append(new_name)
            new_offsets.append(moved.get(o) if o is not None else None)
        else:
            new_files.append(f)
            new_offsets.append(o)
    table = table.set_column(table.schema.get_field_index("warc_file"), "warc_file",
                             pa.array(new_files, pa.string()))
    return table.set_column(table.schema.get_field_index("warc_offset"), "warc_offset",
                            pa.array(new_offsets, pa.int64()))


def _scrub_orphans(root: Path, ids: set[str], urls: set[str], domains: set[str]) -> None:
    """Quarantined files are not committed, but they are bytes under the warehouse."""
    for f in sorted((root / "_orphans").rglob("*.parquet")):
        try:
            table = pq.read_table(f)
        except Exception:  # noqa: BLE001 - an unreadable orphan is deleted all the same
            f.unlink()
            continue
        mask = _row_mask(table, f.parent.name, ids, urls, domains)
        if pc.any(mask).as_py():
            keep = table.filter(pc.invert(mask))
            if keep.num_rows:
                tmp = f.with_name(f.name + ".tmp")
                pq.write_table(keep, tmp, row_group_size=ROW_GROUP_SIZE, compression="zstd")
                tmp.replace(f)
            else:
                f.unlink()
