"""py3langid's language model, unpacked once per machine.

py3langid 0.4 ships its model as an LZMA-packed npz (4.5 MB) and unpacks it in every
process: 68 MB of LZMA, ~1 s of CPU before the first page's language (0.4 s more than
importing every stage). `pressroom ingest` hides that while Prefect's server starts, but
not every process can: a worker of a pool, `reprocess`, a script calling the stages, a
benchmark timing a fresh process. So the unpacked arrays are kept as plain `.npy` files in
the user's cache (`$XDG_CACHE_HOME/pressroom`, else `~/.cache/pressroom`) and later
processes map them: ~0.05 s, and the 28 MB score table is shared by every process that
maps it rather than copied into each.

The cache is only ever a copy of the library's own arrays. A cache that cannot be written
(read-only home) or read (a truncated file, another version's layout) is passed over: the
model is then unpacked as py3langid does it, with the same results.
"""

from __future__ import annotations

import os
import shutil
from array import array
from pathlib import Path

import numpy as np

# Bumped when what is stored changes; a folder of another layout is never read.
CACHE_LAYOUT = 1
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path:
    """Where pressroom keeps what it can rebuild: the XDG cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pressroom"


def _packed_model() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def cache_folder(packed: Path) -> Path:
    """One folder per library version and model file: an upgrade never reads old arrays."""
    import py3langid

    stat = packed.stat()
    version = getattr(py3langid, "__version__", "unknown")
    return cache_root() / f"langid-{version}-{stat.st_size}-{stat.st_mtime_ns}-v{CACHE_LAYOUT}"


def _identifier(ptc, pc, classes, nextmove, row, output):
    from py3langid.langid import LanguageIdentifier

    # what py3langid's from_model_file builds from the same arrays
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)


def _as_array(values: np.ndarray) -> array:
    """An unsigned numpy array as the stdlib array py3langid walks (its DFA loop indexes
    one entry per byte of text: a numpy scalar per index would be ~3× slower)."""
    out = array(values.dtype.char)
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def _read(folder: Path) -> tuple:
    """The model's arrays from an unpacked folder; ValueError or OSError if any is damaged."""
    got = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
           for name in _ARRAYS}
    ptc, pc = got["ptc"], got["pc"]
    # A file cut short fails np.load; these catch arrays of the wrong model or layout.
    if ptc.ndim != 2 or not ptc.shape[1] == len(pc) == len(got["classes"]):
        raise ValueError(f"{folder}: score table and classes disagree")
    if len(got["out_feat"]) != len(got["nextmove_row"]):
        raise ValueError(f"{folder}: one output slot per DFA state expected")
    return (ptc, np.array(pc), got["classes"].tolist(), _as_array(got["nextmove"]),
            _as_array(got["nextmove_row"]), got["out_feat"].tolist())


def _write(folder: Path, model: tuple) -> None:
    """Store the arrays under a temporary name, then rename: a reader sees all or none,
    and of two processes unpacking at once the first rename wins."""
    ptc, pc, classes, nextmove, row, output = model
    arrays = {
        "ptc": np.asarray(ptc), "pc": np.asarray(pc), "classes": np.array(classes),
        "nextmove": np.frombuffer(nextmove, dtype=nextmove.typecode),
        "nextmove_row": np.frombuffer(row, dtype=row.typecode),
        "out_feat": np.asarray(output, dtype=np.int32),
    }
    temporary = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    try:
        temporary.mkdir(parents=True, exist_ok=True)
        for name, values in arrays.items():
            np.save(temporary / f"{name}.npy", values, allow_pickle=False)
        temporary.rename(folder)
    except OSError:  # another process's rename came first, or the cache is read-only
        shutil.rmtree(temporary, ignore_errors=True)


def language_identifier():
    """py3langid's identifier (norm_probs: probabilities), from the cache when it holds
    this model, else unpacked by py3langid and stored for the next process."""
    from py3langid.modelio import load_model

    packed = _packed_model()
    folder = cache_folder(packed)
    try:
        return _identifier(*_read(folder))
    except (OSError, ValueError, EOFError):
        if folder.is_dir():  # damaged since it was renamed into place (a disk error, a
            # hand edit): unpacked again below, or every later process would unpack too
            shutil.rmtree(folder, ignore_errors=True)
    model = load_model(packed)
    _write(folder, model)
    return _identifier(*model)
