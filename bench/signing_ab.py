"""Signing speed against datasketch, and against another signing.py, in one process.

The harness of `bench_syndication.speed` (its first 1,000 texts of the syndication set:
dev bodies, truncated, given intros, thinned), with more rounds and the three sides
interleaved, each going first in turn: datasketch's MinHash per text over the same 5-word
shingles, this tree's `sign_counted` + both key sets, and, with `--against FILE`, the same
from another version of `tasks/dedup/signing.py` (minhash.py before the signing was split
out of it):

    git show 1a90c95:tasks/dedup/signing.py > /tmp/signing_before.py
    .venv/bin/python bench/signing_ab.py --corpus ../shared/corpus/dev \\
        --against /tmp/signing_before.py --rounds 11

Medians of CPU seconds (process_time). The signatures of the two versions are compared
too: a speed-up that changes them would make persisted signatures incomparable.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_syndication as syndication  # noqa: E402

from tasks.dedup import signing as sg  # noqa: E402

SHINGLE_WORDS = 5


def _module(path: str):
    spec = importlib.util.spec_from_file_location("signing_against", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the dev corpus folder")
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--against", help="another signing.py to time beside this tree's")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--texts", type=int, default=1000)
    args = ap.parse_args()
    from datasketch import MinHash

    bodies = syndication.usable(syndication.bodies(Path(args.corpus), Path(args.cache)))
    docs = syndication.build(bodies, 13)
    texts = [r["text"] for r in syndication.rows(docs, 13)][: args.texts]

    def datasketch() -> None:
        for text in texts:
            words = syndication.words_of(text)
            m = MinHash(num_perm=128)
            m.update_batch([" ".join(words[i:i + SHINGLE_WORDS]).encode()
                            for i in range(len(words) - SHINGLE_WORDS + 1)])

    def signer(module):
        def run() -> None:
            params = module.MinHashParams()
            sig, _ = module.sign_counted(texts, params)
            module.band_keys(sig, params)
            module.containment_keys(sig, params)
        return run

    sides = {"datasketch": datasketch, "this tree": signer(sg)}
    if args.against:
        other = _module(args.against)
        sides["against"] = signer(other)
        same = np.array_equal(sg.sign(texts), other.sign(texts))
    for run in sides.values():  # warm-up: imports, tables, caches
        run()
    cpu = {name: [] for name in sides}
    load_before = os.getloadavg()
    for r in range(args.rounds):
        names = list(sides)
        for name in names[r % len(names):] + names[: r % len(names)]:
            start = time.process_time()
            sides[name]()
            cpu[name].append(time.process_time() - start)
    median = {name: statistics.median(v) for name, v in cpu.items()}
    print(f"# {len(texts)} texts, {args.rounds} rounds, datasketch {version('datasketch')}, "
          f"numpy {np.__version__}, load {load_before} -> {os.getloadavg()}")
    for name, m in median.items():
        ratio = median["datasketch"] / m
        print(f"{name:>10}: {m:.4f} CPU s median ({ratio:.1f}x datasketch)")
    if args.against:
        print(f"this tree / against: {median['this tree'] / median['against']:.3f}; "
              f"signatures identical: {same}")


if __name__ == "__main__":
    main()
