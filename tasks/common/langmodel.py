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
from functools import lru_cache
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


# How many bytes back the automaton's state reaches. py3langid finds its features (byte
# n-grams) with an Aho-Corasick automaton: its state after a byte is the longest run of
# bytes just read that begins a feature, and its model's deepest state lies 6 bytes from
# the start (tests/unit/common/test_langmodel.py walks the automaton to check it). So the
# state after any byte is the one its last 6 bytes lead to from the start, whatever came
# before them.
WINDOW_BYTES = 6


def windowed_visits(nextmove: np.ndarray, rowbase: np.ndarray, output: np.ndarray,
                    data: bytes) -> dict[int, int] | None:
    """{feature: count} for `data`, as py3langid's `visit_counts` counts them (the same
    features in the same order, that of their first place), or None for none.

    py3langid walks its automaton one byte at a time in Python, each step waiting for the
    last: the walk cost 3% of the extract stage's CPU, its 39 MB transition table read
    at a place out of the caches at each byte. Here the state at every place comes from
    its last WINDOW_BYTES bytes, one numpy gather per byte back for all places at once
    (~0.5 ms of the ~0.8 ms a page)."""
    codes = np.frombuffer(data, dtype=np.uint8)
    n = len(codes)
    states = np.zeros(n, dtype=np.intp)
    for back in range(WINDOW_BYTES - 1, -1, -1):
        if back < n:  # a place `back` bytes from the start has no byte that far back
            states[back:] = nextmove[rowbase[states[back:]] + codes[:n - back]]
    features = output[states]
    features = features[features >= 0]
    if not len(features):
        return None
    found, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first)  # py3langid sums them in this order: the same last bit
    return dict(zip(found[order].tolist(), counts[order].tolist(), strict=True))


@lru_cache(maxsize=1)
def _windowed_identifier_class():
    from py3langid.langid import LanguageIdentifier

    class WindowedIdentifier(LanguageIdentifier):
        """py3langid's identifier with its automaton walked by `windowed_visits`; the
        library's own walk for a text with no feature (its answer for none)."""

        __slots__ = ("_arrays",)

        def _raw_score(self, text):
            visits = windowed_visits(*self._arrays, text)
            if visits is None:
                return super()._raw_score(text)
            return self._sparse_score(visits, self.nb_ptc)

    return WindowedIdentifier


def _identifier(ptc, pc, classes, nextmove, row, output):
    # what py3langid's from_model_file builds from the same arrays
    identifier = _windowed_identifier_class()(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True,
        tk_row=row)
    identifier._arrays = (np.frombuffer(nextmove, dtype=nextmove.typecode),
                          np.asarray(row, dtype=np.intp) << 8,
                          np.asarray(output, dtype=np.intp))
    return identifier


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
