"""MinHash signing: word shingles hashed on the bytes of a whole batch, the signatures, and
their LSH keys (`band_keys`, `containment_keys`) for minhash.py's clustering.

Everything here is numpy over whole batches: a batch of texts is concatenated into one
byte array, tokens are found and hashed with array arithmetic (no per-token or per-shingle
Python loop), and each of the `num_perm` hash functions is one vectorised pass followed by
`np.minimum.reduceat` over the per-document shingle ranges. That is where the speed comes
from (bench/results/neardup.md: ~17x datasketch 1.6 per CPU second on ~3 KB texts;
against datasketch 2.0, which is 1.9x faster than 1.6, ~15x on news bodies: BENCHMARKS.md,
"Signing: lower case on the bytes").

The hash functions are fixed by `MinHashParams` (seed included). Signatures persisted in the
warehouse are only comparable with signatures made with the same parameters, so every
persisted row carries `params.fingerprint` and mixing fingerprints is refused, except
rows signed before Chinese, Japanese, Thai, Lao, Khmer and Myanmar letters became tokens
of their own (LETTER_TOKENS), which are today's signatures for every other text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np

from tasks.common.text import CJK_RANGES, UNSPACED_RANGES

_U64 = np.uint64
_MASK32 = 0xFFFFFFFF
# Odd 64-bit constants for the polynomial token hash and the shingle combination.
_POLY_BASE = 0x100000001B3 | 1  # FNV-1a 64-bit prime
_GOLDEN = 0x9E3779B97F4A7C15
EMPTY_VALUE = np.uint32(_MASK32)  # signature value of a document with no tokens


# The tokens since 2026-12-06: every kana, CJK ideograph and Thai, Lao, Khmer or Myanmar
# letter is a token of its own (`_letter_token_starts`), where it was part of a
# space-separated run. Named in the fingerprint so that the rows signed before can be
# told apart: such a text's signature of before and of now share almost no value, so a
# copy signed now is not joined to an article signed before (missed, never joined
# wrongly: no such pair gets past the estimate to the exact check).
LETTER_TOKENS = "letters1"


@dataclass(frozen=True)
class MinHashParams:
    """Everything that determines a signature. Changing any field makes new signatures
    incomparable with persisted ones (the fingerprint changes)."""

    num_perm: int = 128
    bands: int = 16
    rows: int = 8
    shingle_words: int = 5
    seed: int = 1_234_567
    # The looser banding that finds containment candidates (a copy cut to a third of its
    # original, or cut, thinned and given a local intro: Jaccard ~0.15-0.4 with the
    # original, which 16x8 passes with p < 0.001). 64 bands of 2 rows over all 128 values:
    # p = 1-(1-J^2)^64 is 0.93 at J = 0.2, 0.98 at 0.25 and 0.997 at 0.3; 42x3 (the
    # banding before) gave 0.29, 0.48 and 0.69 there, and lost 53 of the 791 pairs the
    # edge rule joins on the syndication set (64x2: 2; BENCHMARKS.md, "Story clusters").
    # The price: pairs at J = 0.05-0.1 (same-topic stories, shared boilerplate) become
    # candidates with p = 0.15-0.47 (42x3: 0.005-0.04); verification drops them.
    # Every aligned 2-row band lies inside one 8-row band (rows % loose_rows == 0), so a
    # pair sharing a band key also shares a containment key.
    # Not part of the fingerprint: the keys are salted with this banding, so keys of
    # another banding never match (candidates are missed, nothing is joined wrongly);
    # dedup recomputes a persisted row's containment keys from its signature, and looks
    # rows of the earlier 42x3 banding up by their own keys (LEGACY_LOOSE_BANDING).
    loose_bands: int = 64
    loose_rows: int = 2

    def __post_init__(self) -> None:
        if self.bands * self.rows != self.num_perm:
            raise ValueError(
                f"bands x rows must equal num_perm ({self.bands} x {self.rows} != {self.num_perm})"
            )
        if self.loose_bands * self.loose_rows > self.num_perm:
            raise ValueError("loose_bands x loose_rows must not exceed num_perm")
        if self.shingle_words < 1:
            raise ValueError("shingle_words must be >= 1")

    @property
    def fingerprint(self) -> str:
        """A short string naming the hash family and the tokens it hashes; persisted
        beside every signature."""
        return f"{self.word_token_fingerprint}-{LETTER_TOKENS}"

    @property
    def word_token_fingerprint(self) -> str:
        """The fingerprint of the same hash family over the tokens before LETTER_TOKENS
        (until 2026-12-06). Its signatures are those of today for every text without a
        Chinese, Japanese, Thai, Lao, Khmer or Myanmar letter, so a warehouse holding
        them is signed on into."""
        return f"mh32-p{self.num_perm}-b{self.bands}x{self.rows}-k{self.shingle_words}-s{self.seed}"

    @cached_property
    def perm_a32(self) -> np.ndarray:
        """Odd 32-bit multipliers of the permutations (fixed by the seed)."""
        return _perm_coefficients(self.seed, self.num_perm)[0]

    @cached_property
    def perm_b32(self) -> np.ndarray:
        """32-bit offsets of the permutations (fixed by the seed)."""
        return _perm_coefficients(self.seed, self.num_perm)[1]


def _perm_coefficients(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    # PCG64 with a fixed seed is stable across numpy versions (numpy's stream policy for
    # Generator.integers is not guaranteed, so we draw raw bits, which are).
    bits = (np.random.PCG64(seed).random_raw(2 * n) & _MASK32).astype(np.uint32)
    return bits[:n] | np.uint32(1), bits[n:]


def fmix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser, in place on a copy: avalanches every input bit."""
    x = x.astype(np.uint64, copy=True)
    x ^= x >> _U64(33)
    x *= _U64(0xFF51AFD7ED558CCD)
    x ^= x >> _U64(33)
    x *= _U64(0xC4CEB9FE1A85EC53)
    x ^= x >> _U64(33)
    return x


# Byte classes: ASCII letters and digits are word bytes, other ASCII is a separator, and
# bytes >= 0x80 belong to (non-ASCII) words, except the punctuation sequences handled in
# _word_mask. As a bytes.translate table: one C loop over the batch, ~3x np.take.
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True
_WORD_TABLE = _WORD_BYTE.astype(np.uint8).tobytes()
_ASCII_LOWER_TABLE = bytes(c + 32 if 0x41 <= c <= 0x5A else c for c in range(256))


def _word_mask(joined: bytes, lead: np.ndarray) -> np.ndarray:
    """True for bytes of `joined` that belong to a word (`lead`: the positions of its
    multi-byte characters' first bytes, >= 0xC2).

    Unicode punctuation that news copy uses instead of ASCII (curly quotes, dashes,
    ellipsis, non-breaking and thin spaces: U+2000-U+206F, encoded E2 80-81 xx; Latin-1
    punctuation U+00A0-U+00BF, encoded C2 A0-BF; CJK punctuation E3 80 xx) is a separator,
    so "“Hello”" and "\"Hello\"" give the same token.
    """
    word = np.frombuffer(joined.translate(_WORD_TABLE), dtype=bool)
    lead = lead[lead < len(word) - 1]
    if len(lead) == 0:
        return word
    word = word.copy()
    buf = np.frombuffer(joined, dtype=np.uint8)
    b0 = buf[lead]
    b1 = buf[lead + 1]
    two = lead[(b0 == 0xC2) & (b1 >= 0xA0) & (b1 <= 0xBF)]
    word[two] = False
    word[two + 1] = False
    three = lead[((b0 == 0xE2) & ((b1 == 0x80) | (b1 == 0x81))) | ((b0 == 0xE3) & (b1 == 0x80))]
    three = three[three + 2 < len(buf)]
    for shift in (0, 1, 2):
        word[three + shift] = False
    return word


def _utf8_length(code_point: int) -> int:
    return 1 if code_point < 0x80 else 2 if code_point < 0x800 else 3 if code_point < 0x10000 else 4


# Cased letters end at U+1FFFF (planes 2 and up are ideographs, tags and private use:
# tests/unit/dedup/test_minhash.py checks it against this Python's Unicode tables).
_CASED_PLANES_END = 0x20000


@lru_cache(maxsize=1)
def _case_tables() -> tuple[np.ndarray, np.ndarray]:
    """(lower, irregular) for every code point below _CASED_PLANES_END: `lower[c]` is the
    one code point `str.lower` maps c to, where it has the same UTF-8 length; `irregular[c]`
    where it has not (İ -> "i̇", the Kelvin sign -> "k") or depends on the letters around
    it (Σ -> σ, or ς at a word's end). Built once per process (~10 ms)."""
    lower = np.arange(_CASED_PLANES_END, dtype=np.uint32)
    irregular = np.zeros(_CASED_PLANES_END, dtype=bool)
    for code_point in range(0x80, _CASED_PLANES_END):
        char = chr(code_point)
        low = char.lower()
        if low == char:
            continue
        if (len(low) != 1 or _utf8_length(ord(low)) != _utf8_length(code_point)
                or code_point == 0x3A3):
            irregular[code_point] = True
        else:
            lower[code_point] = ord(low)
    return lower, irregular


def _decode_at(buf: np.ndarray, pos: np.ndarray, size: int) -> np.ndarray:
    """The code points of the `size`-byte UTF-8 characters starting at `pos`."""
    cp = (buf[pos] & np.uint8(0xFF >> (size + 1))).astype(np.uint32)
    for k in range(1, size):
        cp = (cp << 6) | (buf[pos + k] & np.uint8(0x3F))
    return cp


def _encode_at(buf: np.ndarray, pos: np.ndarray, cp: np.ndarray, size: int) -> None:
    """Write the code points `cp` as `size`-byte UTF-8 characters at `pos`."""
    marker = (0xFF00 >> size) & 0xFF  # 0xC0, 0xE0, 0xF0
    buf[pos] = marker | (cp >> (6 * (size - 1)))
    for k in range(1, size):
        buf[pos + k] = 0x80 | ((cp >> (6 * (size - 1 - k))) & 0x3F)


def _lower_multibyte(buf: np.ndarray, lead: np.ndarray) -> np.ndarray | None:
    """Lower-case, in place, the multi-byte characters starting at `lead` that `str.lower`
    maps to one character of the same length; the positions of the irregular ones
    (`_case_tables`), which are left as they are, or None."""
    lower, irregular = _case_tables()
    first = buf[lead]
    bad = []
    for size, of_size in ((2, first < 0xE0), (3, (first >= 0xE0) & (first < 0xF0)),
                          (4, first >= 0xF0)):
        pos = lead[of_size]
        if len(pos) == 0:
            continue
        cp = _decode_at(buf, pos, size)
        if size == 4:  # emoji and ideographs beyond the cased planes have no case
            cased_plane = cp < _CASED_PLANES_END
            pos, cp = pos[cased_plane], cp[cased_plane]
        hit = irregular[cp]
        if hit.any():
            bad.append(pos[hit])
        low = lower[cp]
        changed = np.flatnonzero(low != cp)
        if len(changed):
            _encode_at(buf, pos[changed], low[changed], size)
    return np.concatenate(bad) if bad else None


def _lowered_utf8(texts: Sequence[str]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The texts lower-cased exactly as `str.lower` does, UTF-8, each followed by a space
    (so that no token spans two documents): (bytes uint8, word mask, each text's start,
    the positions of multi-byte characters' first bytes).

    `str.lower` on news text (rarely pure ASCII: curly quotes) took half of the token
    hashing: it works per code point in UCS-4. Here bytes.translate lower-cases ASCII and
    a table lookup the other characters, in place in the UTF-8 bytes; the few texts with
    a character whose lower case is longer, shorter or depends on its neighbours (Σ, İ)
    are lower-cased by `str.lower` itself (a second pass over the batch)."""
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    while True:
        joined = b" ".join(encoded) + b" "
        lengths = np.fromiter((len(e) + 1 for e in encoded), dtype=np.int64,
                              count=len(encoded))
        doc_start = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        raw = np.frombuffer(joined, dtype=np.uint8)
        lead = np.flatnonzero(raw >= 0xC2)  # first bytes of multi-byte characters
        word = _word_mask(joined, lead)  # case does not change which bytes are words
        buf = np.frombuffer(joined.translate(_ASCII_LOWER_TABLE), dtype=np.uint8)
        if len(lead) == 0:
            return buf, word, doc_start, lead
        buf = buf.copy()
        bad = _lower_multibyte(buf, lead)
        if bad is None:
            return buf, word, doc_start, lead
        for d in np.unique(np.searchsorted(doc_start, bad, side="right") - 1):
            encoded[d] = texts[d].lower().encode("utf-8", "surrogatepass")
        # str.lower's output holds no irregular character (lower-casing twice changes
        # nothing), so the next pass returns


class _Powers:
    """Cached P^j and P^-j (mod 2^64) for the positional token hash; grows on demand."""

    def __init__(self) -> None:
        self.pow = np.ones(1, dtype=np.uint64)
        self.inv = np.ones(1, dtype=np.uint64)

    def get(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.pow) < n:
            size = max(n, 2 * len(self.pow))
            p = np.full(size, _POLY_BASE, dtype=np.uint64)
            p[0] = 1
            q = np.full(size, pow(_POLY_BASE, -1, 1 << 64), dtype=np.uint64)
            q[0] = 1
            # uint64 products wrap modulo 2^64, which is the ring we want.
            self.pow = np.cumprod(p, dtype=np.uint64)
            self.inv = np.cumprod(q, dtype=np.uint64)
        return self.pow[:n], self.inv[:n]


_POWERS = _Powers()


# Chinese and Japanese are written without spaces between words, and so are Thai, Lao,
# Khmer and Myanmar: a run of their letters is a clause or a sentence, and with
# sentence-long tokens a copy with one sentence in three dropped shared almost no
# 5-token shingle with its original. Each kana, CJK ideograph and letter of those
# scripts (CJK_RANGES, UNSPACED_RANGES: all three UTF-8 bytes long) is a token of its
# own, so shingles are 5 letters, as character n-grams are for these scripts. Korean is
# written with spaces and keeps its words. Texts without such letters are tokenised, and
# signed, as before.
_LETTER_TOKEN_RANGES = CJK_RANGES + UNSPACED_RANGES
# Their lead bytes: E0-E1 (U+0800-U+1FFF) and E3-EF (U+3000-U+FFFF); E2 (U+2000-U+2FFF:
# the curly quotes and dashes of every Latin text) holds none of them.
_LETTER_TOKEN_LEADS = ((0xE0, 0xE1), (0xE3, 0xEF))


def _letter_token_starts(buf: np.ndarray, lead: np.ndarray) -> np.ndarray:
    """The first bytes of the letters in `buf` that are tokens of their own (`lead`: the
    first bytes of all its multi-byte characters). A batch without them costs a few
    comparisons over `lead` (a few per Latin text: its curly quotes and dashes)."""
    first = buf[lead]
    maybe = np.zeros(len(lead), dtype=bool)
    for low, high in _LETTER_TOKEN_LEADS:
        maybe |= (first >= low) & (first <= high)
    three = lead[maybe]
    if len(three) == 0:
        return three
    code = _decode_at(buf, three, 3)  # (CJK punctuation, U+3000-303F, is in no range)
    own = np.zeros(len(three), dtype=bool)
    for low, high in _LETTER_TOKEN_RANGES:
        own |= (code >= low) & (code <= high)
    return three[own]


def _token_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hash every word of every text. Returns (token_hash uint64, token_doc int64).

    A token's hash is the polynomial sum(byte_j * P^(j - start)) mod 2^64, computed for all
    tokens at once from one prefix sum over the concatenated bytes, then avalanched.
    """
    buf, word, doc_start, lead = _lowered_utf8(texts)
    edge = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0)) != 0
    letters = _letter_token_starts(buf, lead)
    if len(letters) == 0:
        change = np.flatnonzero(edge)  # on bool: ~5x faster than on int8
        # Word and non-word runs alternate and every buffer ends with a space, so the
        # changes are start, end, start, end, ...
        starts = change[0::2]
        ends = change[1::2]
    else:
        # Every run's edges and every such letter's two: the bytes between two
        # neighbouring edges are all word or all separator, and each word piece is a token.
        edge[letters] = True
        edge[letters + 3] = True
        change = np.flatnonzero(edge)
        is_token = word[change[:-1]]
        starts = change[:-1][is_token]
        ends = change[1:][is_token]
    if len(starts) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    pw, inv = _POWERS.get(len(buf) + 1)
    # prefix[j+1] = sum of (byte + 1) * P^i for i <= j, built in place (the widest array
    # of the whole signing, so no temporaries of its size).
    prefix = np.empty(len(buf) + 1, dtype=np.uint64)
    prefix[0] = 0
    terms = prefix[1:]
    np.add(buf, _U64(1), out=terms, dtype=np.uint64)
    terms *= pw[: len(buf)]
    np.cumsum(terms, out=terms)
    raw = (prefix[ends] - prefix[starts]) * inv[starts]
    # Tokens per document from n_docs binary searches, not one per token.
    first_tok = np.searchsorted(starts, doc_start)
    counts = np.diff(np.append(first_tok, len(starts)))
    token_doc = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
    return fmix64(raw ^ (ends - starts).astype(np.uint64)), token_doc


def _shingle_mult(t: int) -> np.uint64:
    return _U64(((_GOLDEN * (2 * t + 3)) & 0xFFFFFFFFFFFFFFFF) | 1)


def shingle_hashes(texts: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of the k-word shingles of each text, grouped by document.

    Returns (hashes uint32, per-document counts int64). A text with
    fewer than k words (but at least one) has one shingle made of all its words; a text
    without words has none.
    """
    tok, doc = _token_hashes(texts)
    n_docs = len(texts)
    if len(tok) == 0:
        return np.empty(0, np.uint64), np.zeros(n_docs, np.int64)
    n = len(tok)
    counts = np.bincount(doc, minlength=n_docs)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    m = max(n - k + 1, 0)
    # Shingle starting at token i: word t multiplied by a distinct odd constant (order
    # matters), summed mod 2^64. Computed for every i < n-k+1, then only shingles that do
    # not straddle two documents are kept.
    acc = tok[:m] * _U64(_GOLDEN)
    for t in range(1, k):
        acc += tok[t : t + m] * _shingle_mult(t)
    keep_mask = np.zeros(n, dtype=bool)
    keep_mask[:m] = doc[k - 1 :] == doc[:m]
    keep = np.flatnonzero(keep_mask)
    acc = acc[keep]
    short = np.flatnonzero((counts > 0) & (counts < k))
    if len(short):
        # Texts with fewer than k words: one shingle of all their words (rare; a loop).
        extra = np.empty(len(short), dtype=np.uint64)
        for j, d in enumerate(short):
            words = tok[first[d] : first[d] + counts[d]]
            mult = np.array([_GOLDEN] + [int(_shingle_mult(t)) for t in range(1, len(words))],
                            dtype=np.uint64)
            extra[j] = (words * mult).sum(dtype=np.uint64)
        keep = np.concatenate([keep, first[short]])
        acc = np.concatenate([acc, extra])
        order = np.argsort(keep, kind="stable")
        keep, acc = keep[order], acc[order]
    hashes = (fmix64(acc) >> _U64(32)).astype(np.uint32)
    per_doc = np.bincount(doc[keep], minlength=n_docs)
    return hashes, per_doc


# Characters per numpy pass: enough to amortise the per-call overhead of the 128
# permutation passes, few enough that a pass's arrays (~8 bytes per input byte: the
# token hash's uint64 prefix sum over every byte and its powers of P) stay near the 2 MB
# L2 cache. Chunked by size, not by count: 200 texts of news length (~1 MB) took 1.3-1.4x
# the CPU time of 128-256 k-character chunks (BENCHMARKS.md, "Signing against datasketch 2.0").
CHUNK_CHARS = 192_000


# Hash functions per pass of the signing loop: 4 took 0.85x the CPU time of 1 on the dev
# bodies (2: 0.95x, 8: 0.88x; BENCHMARKS.md, "Signing against datasketch 2.0").
PERMS_PER_PASS = 4


def _chunk_bounds(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(start, stop) index ranges of consecutive texts of about CHUNK_CHARS characters
    each (a longer text is one chunk by itself); at least one range, maybe empty."""
    bounds, start, size = [], 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= CHUNK_CHARS:
            bounds.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(texts) or not bounds:
        bounds.append((start, len(texts)))
    return bounds


def sign(texts: Sequence[str], params: MinHashParams = MinHashParams()) -> np.ndarray:
    """MinHash signatures of `texts`, shape (len(texts), num_perm), uint32 (any number of
    texts; processed about CHUNK_CHARS characters at a time)."""
    return np.concatenate([_sign_chunk(texts[a:b], params) for a, b in _chunk_bounds(texts)])


def sign_counted(texts: Sequence[str], params: MinHashParams = MinHashParams()
                 ) -> tuple[np.ndarray, np.ndarray]:
    """`sign` plus each text's number of shingles (int32), the |A| that containment
    |A n B| / min(|A|, |B|) is estimated with. Shingles are counted by position, not
    deduplicated: a 5-word shingle repeated within one news text is rare (the distinct
    count would cost a sort of every shingle, +50% signing time), and exact verification
    uses the exact sets anyway."""
    sigs, counts = [], []
    for a, b in _chunk_bounds(texts):
        sig, cnt = _sign_chunk(texts[a:b], params, with_counts=True)
        sigs.append(sig)
        counts.append(cnt)
    return np.concatenate(sigs), np.concatenate(counts).astype(np.int32)


def _sign_chunk(texts: Sequence[str], params: MinHashParams, with_counts: bool = False):
    """MinHash signatures of one chunk of texts.

    Hash function i is h_i(x) = (a_i * x + b_i) mod 2^32 with a_i odd: a random linear
    permutation of the 32-bit shingle hashes x, which are already avalanched (fmix64), so
    the classic MinHash construction applies; bench/bench_neardup.py checks that the
    estimate is unbiased with the binomial spread sqrt(J(1-J)/num_perm). uint32 arithmetic
    is ~2.5x faster than 64-bit multiply-shift here (twice the SIMD lanes, half the bytes).
    A text without words gets all-0xFFFFFFFF (`is_empty_signature`); it must not be banded.
    """
    n = len(texts)
    out = np.full((n, params.num_perm), EMPTY_VALUE, dtype=np.uint32)
    if n == 0:
        return (out, np.zeros(0, np.int64)) if with_counts else out
    hashes, per_doc = shingle_hashes(texts, params.shingle_words)
    counts = per_doc if with_counts else None
    has = np.flatnonzero(per_doc > 0)
    if len(has) == 0:
        return (out, counts) if with_counts else out
    # reduceat needs non-empty segments: offsets only of documents with shingles.
    offsets = np.concatenate(([0], np.cumsum(per_doc[has])[:-1]))
    sub = np.empty((params.num_perm, len(has)), dtype=np.uint32)
    a, b = params.perm_a32[:, None], params.perm_b32[:, None]
    # PERMS_PER_PASS hash functions per numpy call, as rows of one 2-D array: a quarter
    # of the calls (their overhead was ~15% of this loop at 128 x 3 calls per chunk)
    tmp = np.empty((PERMS_PER_PASS, len(hashes)), dtype=np.uint32)
    for i in range(0, params.num_perm, PERMS_PER_PASS):
        j = min(i + PERMS_PER_PASS, params.num_perm)
        block = tmp[: j - i]
        np.multiply(hashes[None, :], a[i:j], out=block)
        block += b[i:j]
        np.minimum.reduceat(block, offsets, axis=1, out=sub[i:j])
    out[has] = sub.T
    return (out, counts) if with_counts else out


def is_empty_signature(signatures: np.ndarray) -> np.ndarray:
    """True for rows signed from a text without words."""
    return (signatures == EMPTY_VALUE).all(axis=1)


def band_keys(signatures: np.ndarray, params: MinHashParams = MinHashParams()) -> np.ndarray:
    """One uint64 key per band, shape (n, bands). Keys of different bands never compare
    equal by design (the band number is hashed in), so all keys can share one join."""
    salt = fmix64(np.arange(params.bands, dtype=np.uint64) + _U64(params.seed))
    return _banded(signatures, params.bands, params.rows, salt)


def containment_keys(signatures: np.ndarray,
                     params: MinHashParams = MinHashParams()) -> np.ndarray:
    """One uint64 key per loose band, shape (n, loose_bands): candidates for containment
    (MinHashParams.loose_bands). Salted with the loose banding, so they never equal a
    `band_keys` key (both kinds share the band-key index) nor keys of another banding."""
    tag = (params.seed * 1_000_003 + params.loose_bands * 1_009 + params.loose_rows) \
        & 0xFFFFFFFFFFFFFFFF
    salt = fmix64(fmix64(np.arange(params.loose_bands, dtype=np.uint64) + _U64(tag))
                  ^ _U64(_GOLDEN))
    width = params.loose_bands * params.loose_rows
    return _banded(np.ascontiguousarray(signatures[:, :width]), params.loose_bands,
                   params.loose_rows, salt)


# The containment banding of rows persisted before 64x2 (schema 7, 2026-12-02): their
# band-key index holds keys of this banding, so a batch also looks them up by it.
LEGACY_LOOSE_BANDING = (42, 3)


def legacy_containment_keys(signatures: np.ndarray,
                            params: MinHashParams = MinHashParams()) -> np.ndarray:
    """The containment keys rows of the earlier banding (LEGACY_LOOSE_BANDING) were
    indexed with, for looking those rows up; empty when it is the current banding."""
    bands, rows = LEGACY_LOOSE_BANDING
    if (bands, rows) == (params.loose_bands, params.loose_rows) \
            or bands * rows > params.num_perm:
        return np.empty((len(signatures), 0), np.uint64)
    return containment_keys(signatures, replace(params, loose_bands=bands, loose_rows=rows))


def _banded(signatures: np.ndarray, bands: int, rows: int, salt: np.ndarray) -> np.ndarray:
    n = len(signatures)
    sig = signatures.reshape(n, bands, rows)
    mult = fmix64(np.arange(1, rows + 1, dtype=np.uint64)) | _U64(1)
    # One (n, bands) pass per row position: a 3-D sum over the last axis is ~5x slower.
    lin = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        lin += sig[:, :, r].astype(np.uint64) * mult[r]
    lin ^= salt[None, :]
    return fmix64(lin)


def shingle_sets(texts: Sequence[str], k: int) -> list[np.ndarray]:
    """Sorted unique 32-bit shingle hashes of each text (for exact Jaccard)."""
    out = []
    for a, b in _chunk_bounds(texts):
        chunk = texts[a:b]
        hashes, per_doc = shingle_hashes(chunk, k)
        # One sort of (document, hash) keys instead of a np.unique per document.
        doc = np.repeat(np.arange(len(chunk), dtype=np.uint64), per_doc)
        key = np.sort((doc << _U64(32)) | hashes.astype(np.uint64))
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        key = key[first]
        uniq = (key & _U64(_MASK32)).astype(np.uint32)
        bounds = np.searchsorted(key >> _U64(32), np.arange(len(chunk) + 1, dtype=np.uint64))
        out.extend(uniq[bounds[i] : bounds[i + 1]] for i in range(len(chunk)))
    return out
