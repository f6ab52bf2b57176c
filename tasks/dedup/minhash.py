"""Near-duplicate detection over MinHash signatures: candidate pairs from shared LSH keys,
their verification (estimated, then exact Jaccard and containment), and incremental
clustering. The signatures and their keys are made in signing.py.

Pipeline of functions (all pure; the first four in signing.py):
    sign(texts, params)                     -> uint32 (n, num_perm) signatures
    sign_counted(texts, params)             -> signatures + shingles per text
    band_keys(signatures, params)           -> uint64 (n, bands) LSH keys
    containment_keys(signatures, params)    -> uint64 (n, loose_bands) looser LSH keys
    candidate_pairs(keys, is_new)           -> int64 (m, 2) index pairs sharing a band key
    verify_pairs(pairs, signatures, thr)    -> the pairs whose estimated Jaccard >= thr
    exact_jaccard(pairs, shingle_sets(...)) -> exact Jaccard of candidate pairs
    exact_overlap(pairs, shingle_sets(...)) -> |A n B|, |A|, |B| of candidate pairs
    connected_min(n, edges, rank)           -> per node, the rank of its component's first
    cluster_incremental(new..., prior...)   -> all of the above for one run vs the past
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.common.text import (
    CJK_CHARS_PER_WORD,
    CJK_LETTER,
    UNSPACED_CHARS_PER_WORD,
    UNSPACED_LETTER,
)
from tasks.dedup.signing import (
    MinHashParams,
    band_keys,
    containment_keys,
    is_empty_signature,
    shingle_hashes,
    shingle_sets,
)


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Fraction of equal MinHash values, row by row (the unbiased Jaccard estimate)."""
    return (sig_a == sig_b).mean(axis=1)


# Groups of equal band keys larger than this produce star edges (every member to the
# group's first) instead of all pairs: a 10,000-copy wire story must not become 50M pairs.
MAX_ALL_PAIRS_GROUP = 64


def candidate_pairs(keys: np.ndarray, is_new: np.ndarray | None = None) -> np.ndarray:
    """Index pairs (i < j) of rows sharing at least one band key, shape (m, 2) int64.

    With `is_new`, only pairs with at least one new row are returned: old pairs were
    found by the run that added them. A self-join done by sorting, band by band: each key
    is packed with its row number into one uint64 (high bits: key, low bits: row), so a
    plain np.sort (SIMD, ~0.01 s per million) groups equal keys with rows ascending. The
    key bits dropped for the row number only add rare false candidates, which
    verification removes (1M rows: 44 key bits, ~0.03 chance collisions per band).
    """
    n, bands = keys.shape
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    row_bits = int(n - 1).bit_length()
    shift = np.uint64(row_bits)
    low = np.uint64((1 << row_bits) - 1)
    rows = np.arange(n, dtype=np.uint64)
    # Pairs as sorted unique codes i * n + j, merged band by band: a story's copies share
    # most of their bands, so each band repeats the pairs of the last. Collected whole
    # first, 16 bands of a batch against 50 copies per story peaked at 18.4 MB, merged
    # 3.2 MB (bench/bench_candidate_pairs.py), and dedup runs 16 + 64 containment bands.
    codes = np.empty(0, dtype=np.int64)
    for b in range(bands):
        packed = np.sort(((keys[:, b] >> shift) << shift) | rows)
        key = packed >> shift
        eq = key[1:] == key[:-1]
        if not eq.any():
            continue
        member = np.zeros(n, dtype=bool)
        member[1:] |= eq
        member[:-1] |= eq
        idx = np.flatnonzero(member)
        row = (packed[idx] & low).astype(np.int64)
        # Old-old pairs are dropped as each is made, not after all bands: in a run whose
        # batches keep adding copies of the same stories, the prior rows of a group grow
        # batch by batch and their pairs with each other (g^2/2 a group and band) were
        # built in full first: 230 MB of pairs for one batch after 60 batches of a
        # 50,000-page WARC (BENCHMARKS.md, issue 10), of which only the new rows' stay.
        p = _group_pairs(key[idx], row, None if is_new is None else is_new[row])
        codes = np.union1d(codes, p[:, 0] * n + p[:, 1])
    return np.stack([codes // n, codes % n], axis=1)


def _group_pairs(key: np.ndarray, row: np.ndarray, keep: np.ndarray | None = None
                 ) -> np.ndarray:
    """Pairs (i < j) within runs of equal `key` (sorted; rows ascending inside a run):
    all pairs in runs up to MAX_ALL_PAIRS_GROUP, star edges to the first row above. With
    `keep` (one flag per element), only pairs with a kept element at either end."""
    def kept(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if keep is not None:
            wanted = keep[a] | keep[b]
            a, b = a[wanted], b[wanted]
        return np.stack([row[a], row[b]], axis=1)

    start = np.ones(len(key), dtype=bool)
    start[1:] = key[1:] != key[:-1]
    group = np.cumsum(start) - 1
    first = np.flatnonzero(start)
    size = np.diff(np.append(first, len(key)))[group]
    pos = np.arange(len(key)) - first[group]
    out = []
    small = np.flatnonzero(size <= MAX_ALL_PAIRS_GROUP)
    d = 1
    while len(small):  # one vectorised step per distance d inside a run
        small = small[pos[small] + d < size[small]]
        if len(small):
            out.append(kept(small, small + d))
        d += 1
    big = np.flatnonzero((size > MAX_ALL_PAIRS_GROUP) & (pos > 0))
    if len(big):
        out.append(kept(first[group[big]], big))
    return np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)


def _estimates(pairs: np.ndarray, signatures: np.ndarray, chunk: int = 200_000
               ) -> np.ndarray:
    """Estimated Jaccard of every candidate pair, in chunks (bounded temporary memory)."""
    if len(pairs) == 0:
        return np.empty(0)
    return np.concatenate([
        estimated_jaccard(signatures[pairs[i : i + chunk, 0]], signatures[pairs[i : i + chunk, 1]])
        for i in range(0, len(pairs), chunk)
    ])


def verify_pairs(
    pairs: np.ndarray, signatures: np.ndarray, threshold: float, chunk: int = 200_000
) -> tuple[np.ndarray, np.ndarray]:
    """Keep candidate pairs whose estimated Jaccard >= threshold.

    Returns (kept pairs, their estimates). Banding lets through pairs well below the
    threshold (16x8 passes ~5% of Jaccard-0.6 pairs); this check removes them.
    """
    if len(pairs) == 0:
        return pairs, np.empty(0)
    est = np.concatenate(
        [
            estimated_jaccard(signatures[pairs[i : i + chunk, 0]],
                              signatures[pairs[i : i + chunk, 1]])
            for i in range(0, len(pairs), chunk)
        ]
    )
    keep = est >= threshold
    return pairs[keep], est[keep]


def exact_jaccard(pairs: np.ndarray, sets: dict[int, np.ndarray]) -> np.ndarray:
    """Jaccard of the shingle sets of each pair (node -> sorted unique hashes in `sets`).

    32-bit shingle hashes: a chance collision shifts a 500-shingle Jaccard by < 1e-4.
    """
    out = np.empty(len(pairs))
    for i, (u, v) in enumerate(pairs.tolist()):
        a, b = sets[u], sets[v]
        inter = np.intersect1d(a, b, assume_unique=True).size
        union = a.size + b.size - inter
        out[i] = inter / union if union else 1.0
    return out


def exact_overlap(pairs: np.ndarray, sets: dict[int, np.ndarray]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(|A n B|, |A|, |B|) of the shingle sets of each pair, as int64 arrays."""
    inter = np.empty(len(pairs), np.int64)
    size_a = np.empty(len(pairs), np.int64)
    size_b = np.empty(len(pairs), np.int64)
    for i, (u, v) in enumerate(pairs.tolist()):
        a, b = sets[u], sets[v]
        inter[i] = np.intersect1d(a, b, assume_unique=True).size
        size_a[i], size_b[i] = a.size, b.size
    return inter, size_a, size_b


def estimated_containment(jaccard: np.ndarray, size_a: np.ndarray, size_b: np.ndarray
                          ) -> np.ndarray:
    """|A n B| / min(|A|, |B|) from a Jaccard estimate and the two set sizes:
    |A n B| = J (|A| + |B|) / (1 + J). A size < 0 means unknown (a row persisted before
    containment existed): the answer is the Jaccard itself, a lower bound."""
    a = size_a.astype(np.float64)
    b = size_b.astype(np.float64)
    known = (a > 0) & (b > 0)
    inter = jaccard * (a + b) / (1.0 + jaccard)
    out = np.asarray(jaccard, np.float64).copy()
    out[known] = np.minimum(inter[known] / np.minimum(a, b)[known], 1.0)
    return out


@dataclass(frozen=True)
class EdgeRule:
    """When a verified pair is one story. Jaccard >= `jaccard`, or the smaller set is
    >= `containment` contained in the larger and has at least `min_shingles` shingles
    (a teaser or one shared quote must not glue stories). `containment` None: Jaccard only.
    """

    jaccard: float = 0.8
    containment: float | None = 0.8
    min_shingles: int = 50

    def joins(self, jaccard: np.ndarray, containment: np.ndarray,
              smaller: np.ndarray) -> np.ndarray:
        edge = jaccard >= self.jaccard
        if self.containment is not None:
            edge |= (containment >= self.containment) & (smaller >= self.min_shingles)
        return edge


# Candidates whose estimate is this far below the threshold are dropped without an exact
# check: with 128 permutations the estimate's spread is <= 0.045, so 0.15 is > 3 sigma.
EXACT_PREFILTER_MARGIN = 0.15
# The containment estimate is the Jaccard estimate scaled by (|A|+|B|)/((1+J) min): its
# spread is ~1.3x the Jaccard's for a 55% copy (~0.06), so the margin is wider.
CONTAINMENT_PREFILTER_MARGIN = 0.2


def connected_min(n: int, edges: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """For each of n nodes, the minimum `rank` in its connected component.

    Vectorised min-label propagation with pointer jumping; the result depends only on the
    edge set and the ranks, never on the order of edges or nodes. `rank` must be a
    permutation of range(n) (so the minimum names one node).
    """
    label = rank.astype(np.int64).copy()
    if len(edges) == 0:
        return label
    by_rank = np.empty(n, dtype=np.int64)
    by_rank[label] = np.arange(n)
    u, v = edges[:, 0], edges[:, 1]
    while True:
        m = np.minimum(label[u], label[v])
        before = label.copy()
        np.minimum.at(label, u, m)
        np.minimum.at(label, v, m)
        # Pointer jumping: take the label of the node that owns my label.
        while True:
            jumped = label[by_rank[label]]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


class ShingleSetMemo:
    """Shingle sets (`shingle_sets`' sorted unique hashes) by a key that names one text
    exactly (its content hash), holding at most `max_hashes` hashes in all, the least
    recently used dropped first.

    The exact checks meet the same earlier texts batch after batch (each copy of a story
    is a candidate of the next copy) and again in each round of a batch; read and
    shingled anew each time, a 5,000-page WARC of republished stories shingled 140 times
    per run where 60 do with the memo (BENCHMARKS.md, session 27). A set is a pure function
    of its text, so what the memo holds changes no result, only what is recomputed."""

    def __init__(self, max_hashes: int) -> None:
        self.max_hashes = max_hashes
        self._sets: OrderedDict[str, np.ndarray] = OrderedDict()
        self.held = 0  # hashes held

    def __len__(self) -> int:
        return len(self._sets)

    def get(self, key: str) -> np.ndarray | None:
        found = self._sets.get(key)
        if found is not None:
            self._sets.move_to_end(key)
        return found

    def put(self, key: str, hashes: np.ndarray) -> None:
        if key in self._sets or hashes.size > self.max_hashes:
            return
        self._sets[key] = hashes
        self.held += hashes.size
        while self.held > self.max_hashes:
            _, dropped = self._sets.popitem(last=False)
            self.held -= dropped.size


# Containment is measured again on 3-word shingles when the 5-word measure falls short:
# a sub-editor's cut sentence leaves k-1 shingles across the gap that no other copy has,
# so a copy thinned (every 3rd or 4th sentence dropped), cut and given a local intro sat
# at 5-word containment 0.55-0.7 with its original. On the syndication set's three seeds
# the rule ceiling (every pair checked exactly) went 0.971 / 0.966 / 0.976 -> 0.989 /
# 0.991 / 0.985 at containment 0.7, and the other-story pairs that share most words
# (one long quote, the same topic) stayed at <= 0.53 either way (BENCHMARKS.md, "Story
# clusters, round 4"). Jaccard stays on the signature's shingles (its threshold means
# what the near-duplicate benchmarks measured).
CONTAINMENT_SHINGLE_WORDS = 3


# A pair joined by containment alone (Jaccard under its threshold) must share a lead: at
# least LEAD_SHARED of one text's first LEAD_WORDS words (as the shingles the pair was
# joined on) found in the other. A copy keeps its original's lead, or, given a local
# intro, carries it after the intro; two press releases of one company share the
# "About" paragraph and legal notice that close both (contained 0.83 in each other) but
# each opens with its own news.
# 30 words: past a dateline and a first sentence. 0.2: on the syndication set every pair
# of copies but those of two local intros (joined through their original) shares
# 0.22-1.0 of a lead on 5-word shingles, 0.28-1.0 on 3-word ones (a copy thinned of the
# lead's second sentence, given an intro); two releases of one company share their
# dateline's words at most (0.0 dated a week apart; 0.12 and 0.18 dated the same day).
LEAD_WORDS = 30
LEAD_SHARED = 0.2

# A pair that misses both edges on 3-word shingles too is measured once more without the
# unmatched opening of a text that carries the other's first paragraph after it (an
# intro *before* the other's opening): its leading paragraphs, while each shares under
# OPENING_SHARED of its shingles with the other text, up to OPENING_SHINGLES shingles in
# all (~words; a first paragraph longer than that is no opening, and gives none to match).
# A local intro of a few sentences before a cut, thinned copy counts in the copy's size
# though no other copy has it; on a short story (150-250 words, cut to 55%) two
# sentences of intro are a third of the copy, and its containment fell to 0.4-0.6
# (BENCHMARKS.md, "Stress variants (session 50)"). Only an opening goes: a shared quote
# or boilerplate in the middle or at the end keeps every other paragraph in the count,
# and the pair still needs a shared lead (the untrimmed texts' leads). 0: off.
OPENING_SHINGLES = 100
OPENING_SHARED = 0.2

# A pair joined by containment on the signature's 5-word shingles whose lead is not
# shared on them is measured again on 3-word shingles (containment and lead), as a pair
# that misses on 5-word shingles is. A sub-editor's thinning that takes the lead's second
# sentence leaves 4 of its 26 5-word shingles (15% < LEAD_SHARED) and 6 of 28 3-word
# ones (21%): such a copy, 0.76 contained, was kept apart from its original (seed 21 of
# bench_syndication_stress's heldout_like: 2 of the 3 copies the rule missed; BENCHMARKS.md,
# "Stress variants (session 50)"). False: the 5-word lead decides.
RECHECK_FAILED_LEADS = True


def _lead(text: str) -> str:
    """The first LEAD_WORDS words of `text` (read from a bounded prefix), counted as
    word_count counts them: a Chinese or Japanese letter is 1/CJK_CHARS_PER_WORD of a
    word, a Thai, Lao, Khmer or Myanmar one 1/UNSPACED_CHARS_PER_WORD. (Split at spaces
    alone, a Chinese text's first "words" were its first paragraphs: a lead of 1,200
    letters, the whole of a short release and its closing "About" section with it.)"""
    lead = " ".join(text[:LEAD_WORDS * 40].split()[:LEAD_WORDS])
    if not (CJK_LETTER.search(lead) or UNSPACED_LETTER.search(lead)):
        return lead
    words, in_word = 0.0, False
    for i, char in enumerate(lead):
        if CJK_LETTER.match(char):
            words += 1 / CJK_CHARS_PER_WORD
            in_word = False
        elif UNSPACED_LETTER.match(char):
            words += 1 / UNSPACED_CHARS_PER_WORD
            in_word = False
        elif char.isspace():
            in_word = False
        elif not in_word:
            words += 1
            in_word = True
        if words > LEAD_WORDS:
            return lead[:i]
    return lead


def _opening_sets(text: str, k: int) -> list[np.ndarray]:
    """The k-word shingle sets of `text`'s leading paragraphs (lines), while they hold
    OPENING_SHINGLES shingles in all: shingles, not words, so a Chinese paragraph counts
    as long as it is."""
    paras = [p for p in text[: OPENING_SHINGLES * 40].split("\n") if p.strip()]
    out, held = [], 0
    for hashes in shingle_sets(paras, k) if paras else []:
        held += hashes.size
        if held > OPENING_SHINGLES:
            break
        out.append(hashes)
    return out


def _unmatched(opening: list[np.ndarray], other: np.ndarray) -> int:
    """Shingles of the unmatched opening: of the leading paragraphs, up to the first
    that shares OPENING_SHARED of its shingles with `other`, those not in `other`."""
    gone = 0
    for para in opening:
        shared = int(np.isin(para, other, assume_unique=True).sum())
        if shared >= OPENING_SHARED * para.size:
            break
        gone += para.size - shared
    return gone


def _opens_in(opening: list[np.ndarray], other: np.ndarray) -> bool:
    """Whether the first paragraph of an opening shares OPENING_SHARED of its shingles
    with `other`."""
    return bool(opening) and (int(np.isin(opening[0], other, assume_unique=True).sum())
                              >= OPENING_SHARED * opening[0].size)


def _lead_found(lead: np.ndarray, other: np.ndarray) -> bool:
    """Whether LEAD_SHARED of `lead` is in `other` (both sorted unique, as shingle_sets
    gives them: a binary search, cheaper than np.isin on a lead of ~30 shingles)."""
    if not lead.size or not other.size:
        return False
    at = np.minimum(np.searchsorted(other, lead), other.size - 1)
    return int(np.count_nonzero(other[at] == lead)) >= LEAD_SHARED * lead.size


class _ExactCheck:
    """Checks candidate pairs on their shingle sets, computing each node's set once:
    new texts from memory, earlier ones through `prior_texts(indices)` only when a pair
    needs them and `memo` (by `node_keys[i]`, the text's content hash, and the shingle
    length) does not hold it."""

    def __init__(self, rule: EdgeRule, shingle_words: int, n_prior: int,
                 new_texts: Sequence[str], prior_texts,
                 node_keys: Sequence[str | None] | None = None,
                 memo: ShingleSetMemo | None = None,
                 containment_words: int | None = CONTAINMENT_SHINGLE_WORDS) -> None:
        self.rule, self.k, self.n_prior = rule, shingle_words, n_prior
        self.containment_words = containment_words
        self.new_texts, self.prior_texts = new_texts, prior_texts
        self.node_keys = node_keys if memo is not None else None
        self.memo = memo
        self.sets: dict[int, dict[int, np.ndarray]] = {}  # shingle words -> node -> set
        self.leads: dict[int, dict[int, np.ndarray]] = {}  # shingle words -> node -> lead
        # shingle words -> node -> its leading paragraphs' sets (`_opening_sets`)
        self.openings: dict[int, dict[int, list[np.ndarray]]] = {}

    def _memo_key(self, node: int, k: int) -> str | None:
        key = self.node_keys[node]
        # The signature's shingles keep the plain key (the memo's entries before 3-word
        # containment stay valid); other lengths are named.
        return key if key is None or k == self.k else f"{key}/k{k}"

    def _ensure(self, nodes: np.ndarray, k: int) -> dict[int, np.ndarray]:
        """The k-word shingle sets of `nodes` (from this check, the memo, or the texts)."""
        sets = self.sets.setdefault(k, {})
        todo = [i for i in nodes.tolist() if i not in sets]
        if self.node_keys is not None:
            missing = []
            for i in todo:
                key = self._memo_key(i, k)
                found = self.memo.get(key) if key is not None else None
                if found is None:
                    missing.append(i)
                else:
                    sets[i] = found
            todo = missing
        todo_arr = np.asarray(todo, np.int64)
        old_nodes = todo_arr[todo_arr < self.n_prior]
        new_nodes = todo_arr[todo_arr >= self.n_prior]
        texts = [self.new_texts[i - self.n_prior] for i in new_nodes.tolist()]
        if len(old_nodes):
            if self.prior_texts is None:
                raise ValueError("prior_texts is needed for exact checks against old rows")
            texts += list(self.prior_texts(old_nodes))
        computed = dict(zip(np.concatenate([new_nodes, old_nodes]).tolist(),
                            shingle_sets(texts, k), strict=True))
        sets.update(computed)
        if self.node_keys is not None:
            for i, hashes in computed.items():
                key = self._memo_key(i, k)
                if key is not None:
                    self.memo.put(key, hashes)
        return sets

    def __call__(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(joins, exact Jaccard) of each pair."""
        nodes = np.unique(pairs) if len(pairs) else np.empty(0, np.int64)
        inter, size_a, size_b = exact_overlap(pairs, self._ensure(nodes, self.k))
        union = size_a + size_b - inter
        smaller = np.minimum(size_a, size_b)
        jac = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
        cont = np.where(smaller > 0, inter / np.maximum(smaller, 1), 1.0)
        joins = self.rule.joins(jac, cont, smaller)
        limit = self.rule.containment
        measured_on = np.full(len(pairs), self.k)  # the shingle length that joined a pair
        rechecked = limit is not None and self.containment_words is not None
        if rechecked and RECHECK_FAILED_LEADS:
            # A join on the signature's shingles whose lead is not shared there goes on
            # to the shorter shingles too (their containment and their lead)
            soft = np.flatnonzero(joins & (jac < self.rule.jaccard))
            if len(soft):
                joins[soft] = self._share_a_lead(pairs[soft], self.k)
            measured_on[:] = -1  # (their leads are judged)
        if rechecked:
            # Only the pairs that reached this check (their estimate within the
            # prefilter's margin) and missed both edges: only their texts are shingled
            # a second time.
            again = np.flatnonzero(~joins & (smaller >= self.rule.min_shingles))
            if len(again):
                sub = pairs[again]
                sets = self._ensure(np.unique(sub), self.containment_words)
                inter_k, size_ak, size_bk = exact_overlap(sub, sets)
                small_k = np.minimum(size_ak, size_bk)
                cont_k = np.where(small_k > 0, inter_k / np.maximum(small_k, 1), 1.0)
                joins[again] = cont_k >= limit
                measured_on[again] = self.containment_words
        if limit is not None and self.containment_words is not None and OPENING_SHINGLES:
            still = np.flatnonzero(~joins & (smaller >= self.rule.min_shingles))
            if len(still):
                joins[still] = self._contained_past_openings(pairs[still],
                                                             self.containment_words)
                measured_on[still] = self.containment_words
        if limit is not None:
            for k in set(np.unique(measured_on).tolist()) - {-1}:
                soft = np.flatnonzero(joins & (jac < self.rule.jaccard) & (measured_on == k))
                if len(soft):
                    joins[soft] = self._share_a_lead(pairs[soft], k)
        return joins, jac

    def _openings(self, nodes: np.ndarray, k: int) -> dict[int, list[np.ndarray]]:
        """Per node, the k-word shingle sets of its leading paragraphs, up to
        OPENING_SHINGLES shingles in all (texts read again, as for the leads)."""
        openings = self.openings.setdefault(k, {})
        todo = np.asarray([i for i in nodes.tolist() if i not in openings], np.int64)
        if len(todo):
            old_nodes, new_nodes = todo[todo < self.n_prior], todo[todo >= self.n_prior]
            texts = [self.new_texts[i - self.n_prior] for i in new_nodes.tolist()]
            if len(old_nodes):
                texts += list(self.prior_texts(old_nodes))
            for i, text in zip(np.concatenate([new_nodes, old_nodes]).tolist(), texts,
                               strict=True):
                openings[i] = _opening_sets(text, k)
        return openings

    def _contained_past_openings(self, pairs: np.ndarray, k: int) -> np.ndarray:
        """Whether each pair's k-word containment reaches the level once the unmatched
        opening of each text (OPENING_SHINGLES) is left out of its size."""
        nodes = np.unique(pairs)
        sets = self._ensure(nodes, k)
        openings = self._openings(nodes, k)
        inter, size_a, size_b = exact_overlap(pairs, sets)
        out = np.zeros(len(pairs), dtype=bool)
        for j, (a, b) in enumerate(pairs.tolist()):
            # a text's opening goes only when the other's first paragraph is found in
            # it: an intro *before* the other's opening. Two stories that open each
            # with their own paragraph, then carry one long quote, keep theirs (seed
            # 21: trimmed both, a 200-word quote after a short headline line joined
            # two short stories whose 30-word leads held the quote's first words).
            rest_a = size_a[j] - (_unmatched(openings[a], sets[b])
                                  if _opens_in(openings[b], sets[a]) else 0)
            rest_b = size_b[j] - (_unmatched(openings[b], sets[a])
                                  if _opens_in(openings[a], sets[b]) else 0)
            small = min(rest_a, rest_b)
            out[j] = small >= self.rule.min_shingles and inter[j] >= self.rule.containment * small
        return out

    def _share_a_lead(self, pairs: np.ndarray, k: int) -> np.ndarray:
        """Whether each pair's texts share a lead (LEAD_SHARED of either's lead, as the
        k-word shingles the pair was joined on, in the other). Only pairs joined by
        containment alone come here: their texts are read once more (the earlier ones
        through `prior_texts`) for their first words, unless the memo holds their
        leads."""
        nodes = np.unique(pairs)
        sets = self._ensure(nodes, k)
        leads = self.leads.setdefault(k, {})
        todo = []
        for i in nodes.tolist():
            if i in leads:
                continue
            key = self.node_keys[i] if self.node_keys is not None else None
            found = self.memo.get(f"{key}/lead{k}") if key is not None else None
            if found is None:
                todo.append(i)
            else:
                leads[i] = found
        if todo:
            todo_arr = np.asarray(todo, np.int64)
            old_nodes = todo_arr[todo_arr < self.n_prior]
            new_nodes = todo_arr[todo_arr >= self.n_prior]
            texts = [self.new_texts[i - self.n_prior] for i in new_nodes.tolist()]
            if len(old_nodes):
                texts += list(self.prior_texts(old_nodes))
            made = shingle_sets([_lead(t) for t in texts], k)
            for i, lead in zip(np.concatenate([new_nodes, old_nodes]).tolist(), made,
                               strict=True):
                leads[i] = lead
                key = self.node_keys[i] if self.node_keys is not None else None
                if key is not None:
                    self.memo.put(f"{key}/lead{k}", lead)
        out = np.zeros(len(pairs), dtype=bool)
        for j, (a, b) in enumerate(pairs.tolist()):
            out[j] = _lead_found(leads[a], sets[b]) or _lead_found(leads[b], sets[a])
        return out


def _first_per_group(groups: np.ndarray, per_group: int) -> np.ndarray:
    """Mask of the first `per_group` positions of each group value, in array order."""
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    pos = np.arange(len(g)) - np.repeat(starts, np.diff(np.r_[starts, len(g)]))
    mask = np.zeros(len(groups), dtype=bool)
    mask[order[pos < per_group]] = True
    return mask


def _verify_until_joined(pairs: np.ndarray, estimate: np.ndarray, fixed_edges: np.ndarray,
                         n: int, n_prior: int, check) -> tuple[np.ndarray, np.ndarray]:
    """Exactly checked pairs that join, with their Jaccard.

    Pairs between new rows are all checked. A pair with an earlier row is checked only
    while its two ends are not yet joined (by `fixed_edges` and the pairs joined so far):
    a story republished 50 times would otherwise load the text of all 50 earlier copies
    for every new copy, so dedup memory grew with the warehouse. Skipping a pair whose
    ends are already connected leaves every component (and so every cluster and id)
    unchanged. Checked in rounds, best estimate first, 1, 2, 4 ... pairs per (component,
    component) in each round.
    """
    if len(pairs) == 0:
        return pairs, np.empty(0)
    with_prior = (pairs < n_prior).any(axis=1)
    kept, jac = [], []
    both_new = pairs[~with_prior]
    if len(both_new):
        joins, j = check(both_new)
        kept.append(both_new[joins])
        jac.append(j[joins])
    order = np.lexsort((pairs[with_prior][:, 1], pairs[with_prior][:, 0],
                        -estimate[with_prior]))
    waiting = pairs[with_prior][order]
    identity = np.arange(n, dtype=np.int64)
    per_group = 1
    while len(waiting):
        label = connected_min(n, np.concatenate([fixed_edges, *kept]), identity)
        a, b = label[waiting[:, 0]], label[waiting[:, 1]]
        open_ = a != b
        waiting, a, b = waiting[open_], a[open_], b[open_]
        if not len(waiting):
            break
        now = _first_per_group(np.minimum(a, b) * n + np.maximum(a, b), per_group)
        joins, j = check(waiting[now])
        kept.append(waiting[now][joins])
        jac.append(j[joins])
        waiting = waiting[~now]
        per_group *= 2
    if not kept:
        return np.empty((0, 2), np.int64), np.empty(0)
    return np.concatenate(kept), np.concatenate(jac)


@dataclass
class Clustering:
    """Outcome of `cluster_incremental` for one run.

    new_cluster / new_duplicate_of: per new document (input order), the cluster id and the
    representative it duplicates (None for the representative itself and for singletons).
    changed_prior: {article_id: new cluster_id} for persisted documents whose cluster got a
    new representative (a merge, or a new member that sorts first): the run re-records them.
    pairs: verified pairs as (article_id, article_id, Jaccard: exact when texts were given,
    else estimated), for reports and tests. With texts, a pair with a persisted row is
    listed only if it was checked, i.e. its ends were not already joined
    (`_verify_until_joined`).
    """

    new_cluster: list[str]
    new_duplicate_of: list[str | None]
    changed_prior: dict[str, str]
    pairs: list[tuple[str, str, float]]
    candidates: int


def order_rank(first_seen: np.ndarray, ids: Sequence[str]) -> np.ndarray:
    """Rank of every node by the explicit order key (first_seen, article_id).

    `first_seen` is int64 (e.g. microseconds); the article id breaks ties, so the rank
    (and so every cluster's representative) never depends on input order.
    """
    ids_arr = np.asarray(ids, dtype=object)
    order = np.lexsort((ids_arr.astype(str), first_seen))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def cluster_incremental(
    new_ids: Sequence[str],
    new_first_seen: np.ndarray,
    new_signatures: np.ndarray,
    prior_ids: Sequence[str] = (),
    prior_first_seen: np.ndarray | None = None,
    prior_cluster: Sequence[str] = (),
    prior_keys: np.ndarray | None = None,
    prior_signature_rows=None,
    params: MinHashParams = MinHashParams(),
    threshold: float = 0.8,
    new_texts: Sequence[str] | None = None,
    prior_texts=None,
    *,
    new_counts: np.ndarray | None = None,
    prior_counts: np.ndarray | None = None,
    prior_loose_keys: np.ndarray | None = None,
    containment: float | None = 0.8,
    containment_min_shingles: int = 50,
    text_keys: tuple[Sequence[str], Sequence[str]] | None = None,
    set_memo: ShingleSetMemo | None = None,
    containment_shingle_words: int | None = CONTAINMENT_SHINGLE_WORDS,
) -> Clustering:
    """Cluster new documents against themselves and everything persisted before.

    Components of (persisted cluster memberships + verified new pairs) are exactly the
    components a single run over all documents would find, so incremental runs and one
    big run agree; each component is named after its first member by (first_seen,
    article_id). `prior_signature_rows(indices) -> uint32 (len, num_perm)` loads only the
    persisted signatures that candidate pairs need (not all of them).

    A new id equal to a persisted id is a revision: it replaces that node (keeping the
    original first_seen and its cluster membership, so clusters never lose members).

    Edges (`EdgeRule`): Jaccard >= threshold, or containment >= `containment` with the
    smaller text having >= `containment_min_shingles` shingles. Candidates come
    from the band keys and, for containment, from the looser `containment_keys`
    (`prior_loose_keys`; `prior_counts` -1 marks a row persisted before containment, which
    has neither: it takes part through its band keys, by Jaccard only). `new_counts`
    defaults to the counts of `new_texts` (as sign_counted counts) when they are given.

    Verification: with `new_texts` (and `prior_texts(indices) -> list[str]` when old rows
    are involved) candidates are checked on their shingle sets, after dropping those
    whose estimate is far below both thresholds; a checked pair that misses both edges
    on the signature's shingles is measured again for containment on
    `containment_shingle_words`-word shingles (None: not again), and if it misses there
    too, on those shingles without a local intro before the other's opening
    (OPENING_SHINGLES). Without texts
    the MinHash estimate
    decides (containment estimated from it and the persisted shingle counts), which lets
    through a share of pairs just under a threshold (estimate spread ~0.035-0.06).
    `text_keys` (prior keys, new keys): a key naming each text exactly (its content
    hash), under which `set_memo` keeps shingle sets from one call to the next.
    """
    new_ids = list(new_ids)
    prior_ids = list(prior_ids)
    n_new, n_prior = len(new_ids), len(prior_ids)
    if len(set(new_ids)) != n_new:
        raise ValueError("new article ids must be unique within a run")
    rule = EdgeRule(threshold, containment, containment_min_shingles)
    prior_first_seen = (
        np.empty(0, np.int64) if prior_first_seen is None else np.asarray(prior_first_seen)
    )
    prior_keys = (
        np.empty((0, params.bands), np.uint64) if prior_keys is None else np.asarray(prior_keys)
    )
    if new_counts is None:  # as sign_counted counts them
        new_counts = (shingle_hashes(list(new_texts), params.shingle_words)[1]
                      if new_texts is not None else np.full(n_new, -1, np.int64))
    if prior_counts is None:
        prior_counts = np.full(n_prior, -1, np.int64)
    if prior_loose_keys is None:
        prior_loose_keys = np.zeros((n_prior, params.loose_bands), np.uint64)
        prior_counts = np.full(n_prior, -1, np.int64)
    prior_index = {a: i for i, a in enumerate(prior_ids)}
    revised = np.array([prior_index.get(a, -1) for a in new_ids], dtype=np.int64)
    # Node layout: prior rows 0..n_prior-1, then new rows. A revised prior row stays as a
    # node (it keeps the cluster's edges) but is tied to its new revision by an edge.
    n = n_prior + n_new
    ids = prior_ids + new_ids
    first_seen = np.concatenate([prior_first_seen.astype(np.int64),
                                 np.asarray(new_first_seen, dtype=np.int64)])
    is_rev = revised >= 0
    first_seen[n_prior + np.flatnonzero(is_rev)] = prior_first_seen[revised[is_rev]]
    counts = np.concatenate([np.asarray(prior_counts, np.int64),
                             np.asarray(new_counts, np.int64)])

    keys = np.concatenate([prior_keys.astype(np.uint64), band_keys(new_signatures, params)])
    is_new = np.zeros(n, dtype=bool)
    is_new[n_prior:] = True
    # Rows that take part in banding: not empty texts, not superseded old revisions.
    eligible = np.ones(n, dtype=bool)
    eligible[n_prior:] = ~is_empty_signature(new_signatures)
    eligible[revised[is_rev]] = False
    idx = np.flatnonzero(eligible)
    found = [idx[candidate_pairs(keys[idx], is_new[idx])]]
    if containment is not None:
        loose = np.concatenate([np.asarray(prior_loose_keys, np.uint64),
                                containment_keys(new_signatures, params)])
        # Only rows that are big enough for a containment edge and carry loose keys.
        lidx = np.flatnonzero(eligible & (counts >= containment_min_shingles))
        found.append(lidx[candidate_pairs(loose[lidx], is_new[lidx])])
    pairs = np.concatenate(found)
    if len(pairs):
        code = np.unique(pairs[:, 0] * n + pairs[:, 1])
        pairs = np.stack([code // n, code % n], axis=1)
    n_candidates = len(pairs)

    # Signatures of the nodes the candidates touch: new ones in memory, prior ones loaded.
    touched_prior = np.unique(pairs[pairs < n_prior]) if len(pairs) else np.empty(0, np.int64)
    sig = np.zeros((n, params.num_perm), dtype=np.uint32)
    sig[n_prior:] = new_signatures
    if len(touched_prior):
        if prior_signature_rows is None:
            raise ValueError("prior_signature_rows is needed to verify pairs with old rows")
        sig[touched_prior] = prior_signature_rows(touched_prior)
    jac_est = _estimates(pairs, sig)
    cont_est = estimated_containment(jac_est, counts[pairs[:, 0]], counts[pairs[:, 1]]) \
        if len(pairs) else np.empty(0)

    # Edges that hold before any check: persisted memberships (row -> its cluster's
    # representative) and old revision -> new revision.
    fixed = [np.empty((0, 2), np.int64)]
    if n_prior:
        rep = np.array([prior_index.get(c, i) for i, c in enumerate(prior_cluster)], np.int64)
        fixed.append(np.stack([np.arange(n_prior), rep], axis=1))
    if is_rev.any():
        fixed.append(np.stack([revised[is_rev], n_prior + np.flatnonzero(is_rev)], axis=1))
    fixed_edges = np.concatenate(fixed).astype(np.int64)

    if new_texts is None:
        smaller = np.minimum(counts[pairs[:, 0]], counts[pairs[:, 1]]) if len(pairs) \
            else np.empty(0, np.int64)
        keep = rule.joins(jac_est, cont_est, smaller)
        kept, est = pairs[keep], jac_est[keep]
    else:
        maybe = jac_est >= threshold - EXACT_PREFILTER_MARGIN
        if containment is not None:
            maybe |= cont_est >= containment - CONTAINMENT_PREFILTER_MARGIN
        node_keys = [*text_keys[0], *text_keys[1]] if text_keys is not None else None
        if node_keys is not None and len(node_keys) != n:
            raise ValueError("text_keys must name every prior and every new text")
        checker = _ExactCheck(rule, params.shingle_words, n_prior, new_texts, prior_texts,
                              node_keys, set_memo, containment_shingle_words)
        kept, est = _verify_until_joined(pairs[maybe], jac_est[maybe], fixed_edges, n,
                                         n_prior, checker)

    all_edges = np.concatenate([kept, fixed_edges]).astype(np.int64)
    rank = order_rank(first_seen, ids)
    # A revised prior node must not become the representative instead of its revision:
    # both carry the same key; push the old node just after its revision.
    if is_rev.any():
        rank = rank * 2
        rank[revised[is_rev]] = rank[n_prior + np.flatnonzero(is_rev)] + 1
        rank = order_rank(rank, ids)  # back to a permutation, order preserved
    comp = connected_min(n, all_edges, rank)
    by_rank = np.empty(n, dtype=np.int64)
    by_rank[rank] = np.arange(n)
    rep_node = by_rank[comp]

    new_cluster = [ids[r] for r in rep_node[n_prior:]]
    new_dup = [None if c == a else c for a, c in zip(new_ids, new_cluster, strict=True)]
    ids_arr = np.asarray(ids, dtype=object)
    now = ids_arr[rep_node[:n_prior]]
    was = np.asarray(prior_cluster, dtype=object)
    moved = np.flatnonzero(now != was)
    superseded = set(revised[is_rev].tolist())
    changed = {prior_ids[i]: now[i] for i in moved.tolist() if i not in superseded}
    report = [(ids[u], ids[v], float(e)) for (u, v), e in zip(kept, est, strict=True)]
    return Clustering(new_cluster, new_dup, changed, report, n_candidates)


# ---- Arrow conversions for the persisted `signatures` table (schemas/tables.py) ----


def signatures_to_arrow(signatures: np.ndarray) -> pa.Array:
    """uint32 (n, num_perm) -> binary array, num_perm*4 little-endian bytes per row."""
    sig = np.ascontiguousarray(signatures, dtype="<u4")
    n, width = sig.shape
    if n * width * 4 >= 2**31:
        raise ValueError("too many signatures for one binary array: split the batch")
    offsets = (np.arange(n + 1, dtype=np.int32) * np.int32(width * 4)).astype(np.int32)
    return pa.Array.from_buffers(
        pa.binary(), n, [None, pa.py_buffer(offsets), pa.py_buffer(sig.tobytes())]
    )


def arrow_to_signatures(column: pa.Array | pa.ChunkedArray, num_perm: int) -> np.ndarray:
    """Binary signature column -> uint32 (n, num_perm); raises if a row has another width."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    out = [np.empty((0, num_perm), np.uint32)]
    for chunk in chunks:
        if len(chunk) == 0:
            continue
        if chunk.null_count:
            raise ValueError("null signature")
        chunk = chunk.cast(pa.binary()) if chunk.type != pa.binary() else chunk
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[
            chunk.offset : chunk.offset + len(chunk) + 1
        ]
        if not (np.diff(offsets) == num_perm * 4).all():
            raise ValueError(f"signature width is not {num_perm} x 4 bytes")
        data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        out.append(data.view("<u4").reshape(-1, num_perm).astype(np.uint32))
    return np.concatenate(out)


def keys_to_arrow(keys: np.ndarray) -> pa.Array:
    """uint64 (n, bands) -> list<uint64> array."""
    n, bands = keys.shape
    offsets = pa.array(np.arange(n + 1, dtype=np.int32) * bands, type=pa.int32())
    return pa.ListArray.from_arrays(offsets, pa.array(keys.ravel(), type=pa.uint64()))


def arrow_to_keys(column: pa.Array | pa.ChunkedArray, bands: int) -> np.ndarray:
    """list<uint64> band-key column -> uint64 (n, bands)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks else pa.array([], column.type)
    if len(column) == 0:
        return np.empty((0, bands), np.uint64)
    lengths = pc.list_value_length(column).to_numpy(zero_copy_only=False)
    if column.null_count or not (lengths == bands).all():
        raise ValueError(f"every row needs exactly {bands} band keys")
    flat = pc.list_flatten(column).to_numpy(zero_copy_only=False)
    return flat.astype(np.uint64).reshape(-1, bands)
