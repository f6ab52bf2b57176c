"""What the warehouse already holds, as the stages need it.

Built by `tasks.storage.warehouse` (the only code that reads warehouse paths) and passed
to a stage by its Prefect wrapper: a stage never reads the warehouse itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


class HashedKeys:
    """A set of strings that answers `in`, held as their sorted 64-bit hashes: 8 bytes a
    key where a frozenset of str took ~290 bytes (the str, its hash slot and the list it
    was read into). The known inputs of a warehouse of 1M articles held 1M input keys
    that way, 290 MB more at the run's start (fault round 56, bench/bench_known_inputs.py).
    A false `in` needs two keys of 64-bit hashes alike: at a million keys, a chance of
    about 1 in 2e13 per key asked."""

    __slots__ = ("_hashes",)

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._hashes = np.unique(np.fromiter((_key_hash(k) for k in keys), dtype=np.uint64))

    @classmethod
    def of_chunks(cls, chunks: Iterable[Iterable[str]]) -> HashedKeys:
        """From keys read chunk by chunk (only one chunk of them as str at a time)."""
        made = cls()
        parts = [np.fromiter((_key_hash(k) for k in chunk), dtype=np.uint64)
                 for chunk in chunks]
        if parts:
            made._hashes = np.unique(np.concatenate(parts))
        return made

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not len(self._hashes):
            return False
        h = np.uint64(_key_hash(key))
        i = int(np.searchsorted(self._hashes, h))
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HashedKeys) and np.array_equal(self._hashes, other._hashes)

    def __hash__(self) -> int:
        return hash(self._hashes.tobytes())


@dataclass(frozen=True)
class KnownInputs:
    """What earlier runs settled, so a re-run neither re-fetches nor re-adds."""

    article_ids: frozenset[str] = frozenset()
    rejected_keys: frozenset[str] = frozenset()  # inputs rejected at any stage
    recently_failed_urls: frozenset[str] = frozenset()
    # Inputs rejected for what they are (a malformed dump, a bad URL): a refresh cannot
    # change that, while a page rejected later (too short, no text) may have changed.
    input_rejected_keys: frozenset[str] = frozenset()
    # Taken down (`pressroom forget`): these articles and domains are refused for good.
    taken_down_ids: frozenset[str] = frozenset()
    taken_down_domains: frozenset[str] = frozenset()
    # The inputs the kept articles came from: a page reached through a redirect or a meta
    # refresh is stored under its target's id, which its input URL does not give, so the
    # URL was fetched again by every later run (fault round 55). Only those not listed as
    # their canonical URL (the others the ids settle), hashed (HashedKeys; round 56).
    article_input_keys: frozenset[str] | HashedKeys = frozenset()


def _no_latest(ids: list[str]) -> dict[str, tuple[str, int]]:
    return {}


def _no_signatures(ids: list[str], band_keys: Any) -> pa.Table | None:
    return None


def _no_fingerprints() -> set[str]:
    return set()


@dataclass(frozen=True)
class PriorArticles:
    """What the warehouse already holds, for dedup: answers about the articles one batch
    touches, never the whole past at once, so dedup's memory does not grow with the
    warehouse.

    latest(ids): article_id -> (content_hash, revision) of its latest revision, for the
        given ids (a batch's articles).
    signatures(ids, band_keys): the latest `signatures` rows (schemas.SIGNATURES) of every
        earlier article that shares an LSH band key with the batch or is one of `ids`,
        and of every member of their clusters (None when nothing is signed yet).
    near(ids, band_keys): the same question answered in part (`NearRows`), so that a
        batch does not read every earlier copy of each story it touches; None where the
        source cannot (then `signatures` is asked). `members(cluster_ids)`: the latest
        rows of every member of those clusters, for what `near` left out.
    fingerprints(): the MinHash parameter fingerprints of every persisted signature.
    texts(ids): the latest text of the given article ids (exact verification needs it
        only for the few earlier articles that candidate pairs touch).
    """

    latest: Callable[[list[str]], dict[str, tuple[str, int]]] = _no_latest
    signatures: Callable[[list[str], Any], pa.Table | None] = _no_signatures
    fingerprints: Callable[[], set[str]] = _no_fingerprints
    texts: Callable[[list[str]], dict[str, str]] | None = field(default=None, compare=False)
    near: Callable[[list[str], Any], NearRows | None] | None = field(default=None,
                                                                    compare=False)
    members: Callable[[list[str]], pa.Table] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NearRows:
    """A first answer to "which earlier rows can the batch touch" (PriorArticles.near).

    rows: the latest `signatures` rows of every near cluster's representative, and of
        every member of the clusters in `whole` (sorted by article_id).
    relations: (key uint64, cluster_id string): the clusters whose members hold each of
        the batch's keys. A batch row relates to a cluster when one of its keys is there:
        only then can it pair with a member of that cluster.
    whole: clusters read whole (those of articles the batch revises, or found without
        the key index): nothing of them is left to read.
    """

    rows: pa.Table
    relations: pa.Table
    whole: frozenset[str]


@dataclass(frozen=True)
class FetchHistory:
    """The latest fetch of a URL in the warehouse, and the validators of its archived
    response (If-None-Match / If-Modified-Since) for a conditional GET under --refresh."""

    status: int | None
    error: str | None
    fetched_at: object  # datetime (UTC) or None
    validators: dict[str, str] = field(default_factory=dict)
