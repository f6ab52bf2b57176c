"""The warehouse location: a local path, or a URI that pyarrow's filesystem layer resolves
to one (`file:///data/wh`, `file:/data/wh`, percent-escapes decoded). Any other
filesystem URI (s3://, gs://, hdfs://, abfs://, ...) is refused with a sentence.

Why only local: a commit is atomic because its Parquet files and then its manifest are
renamed into place (object stores have no atomic rename), one writer at a time is an
fcntl lock on `.writer.lock`, and the DuckDB file and the tantivy index are local files.
Before this check an `s3://bucket/wh` was taken as a relative folder named `s3:`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

# RFC 3986 scheme, at least two characters so that a Windows drive (C:\wh) is a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


class UnsupportedWarehouse(ValueError):
    """A warehouse URI on a filesystem the warehouse cannot live on."""


def path_refused(path: str | Path) -> str | None:
    """Why the system refuses to look at `path` at all ("File name too long" with the
    length that is over, "Permission denied": a folder this user may not enter), or None
    when it looked, found or not. Python 3.11's `Path.exists()` and `is_dir()` raise
    then, and the commands given such a path (an input, --warehouse, --out) ended in a
    traceback (fault round 53)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return (f"the system cannot look at this path: {exc.strerror or exc}"
                + (_too_long(os.fspath(path)) if exc.errno == errno.ENAMETOOLONG else ""))
    return None


def output_destination(out: str | Path) -> tuple[Path, bool]:
    """Where a file the user named for output (`pressroom report --out`) is written, and
    whether it is written into in place (True) rather than replaced by a rename.

    A file is written to a temporary name and renamed over the path, so a reader never
    sees half a report. That rename replaced whatever the path was (fault round 59): a
    named pipe (`mkfifo`; its reader waited for ever and the report said "written"), a
    link to /dev/null, or, run as root as in a container, /dev/null or /dev/stdout
    themselves; and a link to a published file lost its link while the file it named
    kept the old page. So a pipe, a device or a socket (what `>` would write into) is
    written in place, and a link is followed to the file it names, which is then
    replaced whole as before. A process substitution (`--out >(gzip > r.gz)`, named
    /dev/fd/63) is such a pipe."""
    try:
        kind = os.stat(out).st_mode  # follows links: what the path finally names
    except OSError:  # nothing there yet (or a link to nothing): a new file
        kind = None
    if kind is not None and not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):
        return Path(out), True
    return Path(os.path.realpath(out)), False


def _too_long(path: str) -> str:
    """Which length a path too long for the system has: one of its names (a filesystem
    takes 255 bytes a name) or the whole path (Linux takes 4,096 bytes)."""
    longest = max(len(os.fsencode(name)) for name in path.split(os.sep))
    return (f" (a name of {longest} bytes)" if longest > 255
            else f" (a path of {len(os.fsencode(path))} bytes)")


def home_expanded(value: str) -> str:
    """`value` with a leading `~` or `~user` written as that user's home folder, and set
    variables as their values, as a shell expands them; any other value as it is
    (`~nobody-here/x` too).

    A path in pressroom.toml, in a `PRESSROOM_*` variable set by a service file, a
    container's env file or a Prefect deployment's job variables, or among a
    deployment's inputs, reaches pressroom without a shell: `warehouse = "~/news/wh"`
    made a folder named `~` in the folder the run started in and put the warehouse
    there, without a word (the next run, started elsewhere, found an empty one), and an
    input `~/seeds/today.urls` was a `not_found` reject of a file that exists.

    `$NAME` and `${NAME}` of a variable the environment sets are its value, as a shell
    reads them (`warehouse = "$HOME/news/wh"`, `${DATA}/seeds` in a deployment's
    job variables): they made a folder named `$HOME` in the folder the run started in,
    the same silent loss. A variable that is not set stays as written."""
    value = os.path.expanduser(value) if value.startswith("~") else value
    return _VARIABLE.sub(_set_variable, value) if "$" in value else value


# `$NAME` or `${NAME}`, as a shell writes a variable in a path
_VARIABLE = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})")


def _set_variable(found: re.Match) -> str:
    """The value of a variable the environment sets; an unset one stays as written (a
    folder's name may hold a `$`: `/data/$RECYCLE.BIN`)."""
    value = os.environ.get(found.group(1) or found.group(2))
    return found.group(0) if value is None else value


def local_warehouse(value: str | Path) -> Path:
    """The local folder a warehouse setting names: a path as given, or a file: URI
    resolved by pyarrow (`FileSystem.from_uri`). Other schemes raise, without asking
    pyarrow (which would contact the store: for s3:// it looks up the bucket's region).
    A Path is checked too: the command line's --warehouse arrives as one, and
    Path("file:///data/wh") is "file:/data/wh", which pyarrow also reads. A local folder
    whose name starts like a scheme ("ab:c") is given as ./ab:c. A leading `~` is the
    home folder (`home_expanded`)."""
    value = home_expanded(str(value))
    found = _SCHEME.match(value)
    if not found:
        return Path(value)
    scheme = found.group(1).lower()
    if scheme != "file":
        raise UnsupportedWarehouse(
            f"the warehouse must be a local folder or a file:// URI, not {scheme}:// "
            f"({value}): commits rename files into place and lock a file, which object "
            "stores and remote filesystems cannot do atomically; mount the storage "
            "(NFS, a cluster file system) and give its path")
    from pyarrow import ArrowInvalid
    from pyarrow.fs import FileSystem, LocalFileSystem

    try:
        filesystem, path = FileSystem.from_uri(value)
    except ArrowInvalid as exc:  # file://otherhost/path, or a space not escaped as %20
        raise UnsupportedWarehouse(f"not a valid local file URI: {value} ({exc})") from None
    if not isinstance(filesystem, LocalFileSystem):  # pragma: no cover - file: is local
        raise UnsupportedWarehouse(f"{value} is not on the local filesystem")
    return Path(path)
