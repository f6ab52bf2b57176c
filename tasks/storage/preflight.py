"""Checks of the warehouse folder before any work: a path that is a file or a folder we
cannot write should fail the command at once with a sentence, not with a traceback at
publish after the whole run's fetching and extraction."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from schemas import SCHEMA_VERSION, TABLES
from tasks.common.location import output_destination, path_refused
from tasks.storage.warehouse import (
    MANIFESTS,
    WRITER_LOCK,
    ForeignManifest,
    UnreadableManifest,
    lost_commits_problem,
    manifests,
)

# Folders a run writes into (besides the tables'): each must be a folder if it exists.
# "search" is tasks/storage/search.SEARCH_DIR (not imported: that loads tantivy); a file
# there failed every run after its commit (FileExistsError at the index task).
_RUN_FOLDERS = (MANIFESTS, "raw", "reports", "_staging", "_orphans", "search")
# Files a run opens or replaces (the lock, the views' database and its build lock, the
# latest report: tasks/storage/report.py): a folder in their place gave a traceback
# (IsADirectoryError), before any work for the lock, after the commit for the others.
_RUN_FILES = (WRITER_LOCK, "pressroom.duckdb", ".pressroom.duckdb.lock", "reports/latest.html")
# The files among them a run opens for writing in place (the others it replaces by renaming).
_LOCK_FILES = (WRITER_LOCK, ".pressroom.duckdb.lock")


def _probe_write(folder: Path) -> None:
    """Create and remove a file in `folder`: the only honest test of writability
    (os.access says yes to root on a read-only mount and ignores ACLs)."""
    fd, name = tempfile.mkstemp(prefix=".pressroom-probe-", dir=folder)
    os.close(fd)
    os.unlink(name)


def _probe_append(path: Path) -> None:
    """Open `path` as its lock is taken (append: nothing is written)."""
    with open(path, "a"):
        pass


def _existing_ancestor(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def database_path_problem(root: Path) -> str | None:
    """Why DuckDB cannot keep the views database (pressroom.duckdb) under `root`, or None.
    DuckDB reads a `?` in a database path as the start of options: under `star*q?/` it
    put the database's log at `star*q.wal?/...` and every build of the views failed
    ("TransactionException: ... Cannot open file"), after a run's whole work (fault round
    38). It resolves links first (a link without `?` to such a folder fails alike), and no
    spelling of the path escapes it, so a command that writes (and builds the views) is
    refused before any work; queries build the views in memory (report.open_views)."""
    shown = str(Path(root).absolute())
    try:
        resolved = str(Path(root).resolve())
    except OSError:
        resolved = shown
    for path in (shown, resolved):
        if "?" in path:
            return (f"warehouse {root}: DuckDB cannot keep the views database "
                    f"(pressroom.duckdb) under a path holding '?' ({path}): it reads what "
                    "follows '?' in a database path as options. Rename the folder, or "
                    "name another with --warehouse or PRESSROOM_WAREHOUSE")
    return None


# What only a warehouse holds: any one of them and the folder is one (a fresh warehouse
# whose first run kept nothing has manifests/ already).
_WAREHOUSE_MARKS = frozenset((*TABLES, *_RUN_FOLDERS, WRITER_LOCK, "pressroom.duckdb"))


def foreign_folder_problem(root: Path) -> str | None:
    """Why `root`, a folder that exists, is no warehouse for a command that reads one:
    it holds files but none of a warehouse's own (a `-w` naming the project folder, the
    seeds folder, a home directory). `pressroom sql -w seeds` answered "count 0" as from
    an empty warehouse, exit 0, and left a 536 KB pressroom.duckdb and its lock among
    the seeds (fault round 48). An empty folder (or one of hidden files only) is a
    warehouse no run has written yet: no problem."""
    try:
        names = [e.name for e in os.scandir(root)]
    except OSError:
        return None  # the readers name what they cannot read
    if not names or _WAREHOUSE_MARKS.intersection(names):
        return None
    shown = [n for n in sorted(names) if not n.startswith(".")]
    if not shown:
        return None
    listed = ", ".join(shown[:3]) + (", ..." if len(shown) > 3 else "")
    return (f"no warehouse at {root}: the folder holds {len(shown)} other file(s) or "
            f"folder(s) ({listed}) and none of a warehouse's (manifests/, articles/, "
            "pressroom.duckdb): name the warehouse with --warehouse or "
            "PRESSROOM_WAREHOUSE")


def warehouse_problem(root: Path, write: bool, existing: bool = False) -> str | None:
    """Why `root` cannot serve as the warehouse (for a run when `write`, for queries
    otherwise), or None. Creates nothing; a missing folder is fine if it can be created,
    unless `existing` (a command that only reads or rebuilds what a warehouse holds:
    `sql`, `runs`, `search`, `diff`, `reindex`): a mistyped path answered "0" or "no
    such article" as if from an empty warehouse, and left a new folder at the typo."""
    root = Path(root)
    if refused := path_refused(root):
        return f"warehouse {root}: {refused}"
    if existing and not root.exists():
        return (f"no warehouse at {root}: no such folder (name it with --warehouse or "
                "PRESSROOM_WAREHOUSE; `pressroom ingest` makes one)")
    if root.exists() and not root.is_dir():
        return f"warehouse {root} is not a folder"
    if root.is_dir():
        for name in (*TABLES, *_RUN_FOLDERS):
            sub = root / name
            if sub.exists() and not sub.is_dir():
                return f"warehouse {root}: {sub} should be a folder but is a file"
        for name in _RUN_FILES:
            if (root / name).is_dir():
                return (f"warehouse {root}: {root / name} should be a file but is a folder "
                        "(move it away: a run makes the file)")
        if not os.access(root, os.R_OK | os.X_OK):
            return f"warehouse {root} is not readable"
        if existing:
            foreign = foreign_folder_problem(root)
            if foreign:
                return foreign
        try:
            commits = manifests(root)  # parsed once per file and kept: the run reads them
        except ForeignManifest as exc:
            return (f"{exc}. manifests/ holds the warehouse's commits and nothing else: "
                    "move it out of the warehouse")
        except UnreadableManifest as exc:
            return (f"{exc}. Our commits write manifests whole (a temporary file renamed), "
                    "so this one was damaged or edited afterwards: restore it from a "
                    "backup, or move it out of manifests/ to drop that commit's rows")
        newer = newer_schema_problem(root, commits) if write else None
        if newer:
            return newer
        lost = lost_commits_problem(root, commits) if write else None
        if lost:
            return lost
    if not write:
        # a query builds the views in memory when the folder cannot hold them
        return None
    question = database_path_problem(root)
    if question:
        return question
    target = root if root.is_dir() else _existing_ancestor(root)
    if not target.is_dir():
        return f"warehouse {root} cannot be created: {target} is not a folder"
    try:
        _probe_write(target)
    except OSError as exc:
        what = ("warehouse" if target.absolute() == root.absolute()  # (root may be relative)
                else f"warehouse {root}: its parent")
        return f"{what} {target} is not writable ({exc.strerror or exc})"
    return unwritable_part(root) if root.is_dir() else None


def newer_schema_problem(root: Path, commits: list[dict]) -> str | None:
    """Why a command of this pressroom must not write into `root`: commits of a later
    schema version (a newer pressroom, e.g. an analyst's upgraded install sharing the
    warehouse with an older scheduled deployment), or None. Their files hold columns this
    version does not declare, so its readers leave them out ("foreign"): its run found
    none of their articles, fetched and added them all again, then failed on its data
    tests with a traceback (fault round 40). Queries still answer, the files named."""
    newest = max((c.get("schema_version") for c in commits
                  if isinstance(c.get("schema_version"), int)), default=None)
    if newest is None or newest <= SCHEMA_VERSION:
        return None
    return (f"warehouse {root} holds commits of schema version {newest}, written by a newer "
            f"pressroom than this one (schema version {SCHEMA_VERSION}): this one would "
            "leave their files out and add their articles again. Run the pressroom that "
            "wrote them (upgrade this one), or name another warehouse")


# What to do about a part of the warehouse the run cannot write while the folder itself is
# writable: most often a run made it as another user (`sudo pressroom ingest` once).
_OWNER_HINT = ("a run writes there; was it made by another user (a run under sudo)? Give "
               "the warehouse to the user who runs pressroom (chown -R) or make it writable")


def unwritable_part(root: Path) -> str | None:
    """The first existing table or run folder of `root` a run cannot write into, or lock
    file it cannot open for writing, named with what to do; None when a run can write all
    it will. Only the warehouse folder itself was probed: a table folder left read-only (by
    another user's run, a restored backup, `chmod -R a-w`) ended the run at its first
    commit with pyarrow's traceback, after all its fetching and extraction, and a lock
    file so left with a PermissionError traceback before any work (fault round 29)."""
    for name in (*TABLES, *_RUN_FOLDERS):
        sub = root / name
        if not sub.is_dir():
            continue
        try:
            _probe_write(sub)
        except OSError as exc:
            return f"warehouse {root}: {sub} is not writable ({exc.strerror or exc}): {_OWNER_HINT}"
    for name in _LOCK_FILES:
        lock = root / name
        if not lock.is_file():
            continue
        try:
            _probe_append(lock)
        except OSError as exc:
            return (f"warehouse {root}: its lock file {lock} cannot be opened for writing "
                    f"({exc.strerror or exc}): {_OWNER_HINT}")
    return None


def report_target_problem(out: Path) -> str | None:
    """Why the report cannot be written to `out` (`pressroom report --out`), or None.
    A folder there, or a file where a folder of its path should be, raised a traceback
    after the views were built and the data tests run (IsADirectoryError,
    FileExistsError), and left `<out>.tmp` behind. A pipe or a device is written into
    (`output_destination`), so only its permission matters; a link is checked where it
    leads."""
    if refused := path_refused(out):
        return f"--out {out}: {refused}"
    shown = out
    out, in_place = output_destination(out)
    if in_place:
        if not os.access(out, os.W_OK):
            return f"--out {shown} cannot be written: permission denied"
        return None
    tmp = out.with_name(out.name + ".tmp")  # the report is written there, then renamed
    for path in (out, tmp):  # (a name of 252 to 255 bytes is one its .tmp is too long for)
        if refused := path_refused(path):
            return f"--out {shown}: {refused}" + (" (the name with .tmp, where the report "
                                                "is written first)" if path == tmp else "")
    if out.is_dir():
        return (f"--out {shown} is a folder: name the report's file "
                f"(e.g. {out / 'report.html'})")
    if tmp.is_dir():
        return f"--out {shown}: {tmp} is a folder, where the report is written before renaming"
    ancestor = _existing_ancestor(out.parent)
    if not ancestor.is_dir():
        return f"--out {shown} cannot be written: {ancestor} is a file, not a folder"
    try:
        _probe_write(ancestor)
    except OSError as exc:
        return (f"--out {shown} cannot be written: {ancestor} is not writable "
                f"({exc.strerror or exc})")
    return None


# What a full disk or an exhausted quota raises, by errno, and by the text the libraries
# that wrap it keep (DuckDB's FatalException, pyarrow's OSError without an errno).
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_DISK_FULL_TEXTS = ("no space left on device", "disk quota exceeded")


def disk_full_cause(exc: BaseException) -> BaseException | None:
    """The exception in `exc`'s chain that says the disk (or quota) is full, if any: a run
    that stops there should say so in one sentence, not in a traceback."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_FULL_ERRNOS:
            return current
        if any(text in str(current).lower() for text in _DISK_FULL_TEXTS):
            return current
        current = current.__cause__ or current.__context__
    return None


# Other writes a run cannot get past, whatever it retries: a file grown past the limit on
# a file's size (`ulimit -f` / RLIMIT_FSIZE in a container or a batch system, a FAT32
# disk's 4 GiB), and a filesystem remounted read-only under the run (after disk errors).
# By errno, and by the text DuckDB's and pyarrow's errors keep.
_STOPS = (
    ("disk_full", _DISK_FULL_ERRNOS, _DISK_FULL_TEXTS),
    ("file_too_large", frozenset({errno.EFBIG}), ("file too large",)),
    ("read_only", frozenset({errno.EROFS}), ("read-only file system",)),
    # A memory limit (RLIMIT_AS / `ulimit -v`, a batch system's): DuckDB's "Out of Memory
    # Error: Failed to allocate block" building the views ended a run whose batches had
    # all committed in a traceback (fault round 37); Python's and pyarrow's MemoryError
    # by type (`write_stop_cause`).
    ("out_of_memory", frozenset({errno.ENOMEM}), ("out of memory error",)),
)
# What the command says of each, after "(writing to <warehouse>): <the error>".
WRITE_STOP_HEADLINES = {
    "disk_full": "the disk is full",
    "file_too_large": "a file grew past the largest size this process may write",
    "read_only": "the warehouse's filesystem is read-only",
    "out_of_memory": "the process ran out of memory",
    "permission_denied": "a part of the warehouse stopped being writable during the command",
}
WRITE_STOP_ADVICE = {
    "disk_full": "free some space and run the same command again to go on from there.",
    "file_too_large": ("raise the limit (ulimit -f, the container's or scheduler's file-size "
                       "limit) or use a filesystem that holds larger files, and run the same "
                       "command again to go on from there."),
    "read_only": ("remount it read-write (or check the disk: Linux remounts a filesystem "
                  "read-only after errors), and run the same command again to go on from "
                  "there."),
    "out_of_memory": ("raise its memory limit (ulimit -v, the container's or scheduler's "
                      "memory limit) or make batches smaller (PRESSROOM_BATCH_SIZE), and run "
                      "the same command again to go on from there."),
    "permission_denied": ("give the warehouse back to the user who runs pressroom (chown -R, "
                          "chmod -R u+w: a `chmod`, `chown` or a run under sudo changed it "
                          "while this one ran), and run the same command again to go on "
                          "from there."),
}


def _denied_under(exc: BaseException, root: Path | None) -> bool:
    """Whether `exc` is a permission refused on a path inside the warehouse `root`: by
    errno (EACCES, EPERM) and the exception's file name, or by the text pyarrow and DuckDB
    keep ("Permission denied" beside the path). A refusal elsewhere (an input file, the
    Prefect home) is not the warehouse's and keeps its traceback."""
    if root is None:
        return False
    text = str(exc)
    if not ((isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM))
            or "permission denied" in text.lower()):
        return False
    places = {str(root), os.path.abspath(root)}
    names = [n for n in (getattr(exc, "filename", None), getattr(exc, "filename2", None))
             if isinstance(n, str)]
    return any(name == place or name.startswith(place.rstrip(os.sep) + os.sep)
               for name in names for place in places) or any(
        place.rstrip(os.sep) + os.sep in text for place in places)


def write_stop_cause(exc: BaseException, root: Path | None = None
                     ) -> tuple[str, BaseException] | None:
    """(kind, the exception in `exc`'s chain that says it) when the run stopped on a write
    no retry gets past: a full disk or quota, a file-size limit, a read-only filesystem
    (see `_STOPS`), and, given the warehouse `root`, a permission refused inside it;
    None for anything else. Only the full disk was named: a file-size
    limit (EFBIG) or a read-only remount (EROFS) ended `pressroom ingest` with a traceback
    of pyarrow's or DuckDB's (fault round 29). A table folder made unwritable while a run
    went on (after the preflight's check: a `chmod`, a `chown`, another user's run) ended
    it at the commit with pyarrow's PermissionError traceback (fault round 45)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _denied_under(current, root):
            return "permission_denied", current
        text = str(current).lower()
        for kind, errnos, texts in _STOPS:
            if ((isinstance(current, OSError) and current.errno in errnos)
                    or any(t in text for t in texts)
                    or (kind == "out_of_memory" and isinstance(current, MemoryError))):
                return kind, current
        current = current.__cause__ or current.__context__
    return None
