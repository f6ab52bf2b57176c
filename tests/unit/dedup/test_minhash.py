"""Near-duplicate detection: signatures, banding, verification, stable incremental clusters."""

from __future__ import annotations

import random
import re

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.common.text import CJK_RANGES, UNSPACED_RANGES
from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg

VOCAB = [f"{a}{b}" for a in ("ka", "lo", "pre", "men", "ter", "vi", "stra", "ul", "co")
         for b in ("ba", "de", "fi", "gon", "hu", "jat", "kel", "lum", "nor", "pix", "qua")]


def make_text(seed: int, n_words: int = 300) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(VOCAB) + str(rnd.randrange(1000)) for _ in range(n_words))


def edit(text: str, n_edits: int, seed: int, region: slice | None = None) -> str:
    """Replace n_edits words (optionally only inside `region` of word positions)."""
    rnd = random.Random(seed)
    words = text.split()
    positions = list(range(len(words)))[region or slice(None)]
    for pos in rnd.sample(positions, n_edits):
        words[pos] = f"edit{seed}x{pos}"
    return " ".join(words)


def exact_jaccard(a: str, b: str, k: int = 5) -> float:
    def sh(t: str) -> set:
        w = re.findall(r"[0-9a-z]+", t.lower())
        return {tuple(w[i : i + k]) for i in range(len(w) - k + 1)}

    x, y = sh(a), sh(b)
    return len(x & y) / len(x | y)


def run(ids, first_seen, texts, **kw) -> nd.Clustering:
    return nd.cluster_incremental(ids, np.asarray(first_seen, np.int64), sg.sign(texts),
                                  new_texts=texts, **kw)


# ---- signatures --------------------------------------------------------------------------


def test_signature_shape_dtype_and_determinism():
    texts = [make_text(1), make_text(2)]
    a, b = sg.sign(texts), sg.sign(list(reversed(texts)))
    assert a.shape == (2, 128) and a.dtype == np.uint32
    assert (a[0] == b[1]).all() and (a[1] == b[0]).all()  # per text, not per batch position
    assert not (a[0] == a[1]).all()


def test_tokenizer_ignores_case_punctuation_and_typographic_quotes():
    plain = '"Hello," she said -- the minister... resigned today in Warsaw at 10.30'
    fancy = ("\u201cHELLO\u201d, she said \u2014 the Minister\u2026 resigned today "
             "in\u00a0Warsaw at 10.30")
    a, b = sg.sign([plain, fancy])
    assert (a == b).all()
    assert not (sg.sign(["hello she said the minister resigned today in Krakow at 10.30"])
                == a).all()


def test_word_order_matters():
    assert not (sg.sign(["a b c d e f g h"]) == sg.sign(["h g f e d c b a"])).all()


def test_empty_and_short_texts():
    sig = sg.sign(["", "  ...  ", "three words only", make_text(3)])
    assert sg.is_empty_signature(sig).tolist() == [True, True, False, False]


def test_non_ascii_words_are_tokens():
    a, b = sg.sign(["Zażółć gęślą jaźń dziś rano w Łodzi", "zażółć gęślą jaźń dziś rano w łodzi"])
    assert (a == b).all()
    c = sg.sign(["Zażółć gęślą jaźń dziś wieczorem w Łodzi"])[0]
    assert not (a == c).all()


def test_a_letter_whose_second_byte_is_0x80_or_0x81_is_no_punctuation():
    # Cyrillic р and с are D1 80 and D1 81: the same second bytes as the E2 80 / E2 81 of
    # curly quotes and dashes, which are separators. The letters stay inside their words.
    text = "россия сегодня снова приняла решение"  # five words: one 5-word shingle
    _, counts = sg.sign_counted([text, text + " сразу"])
    assert counts.tolist() == [1, 2]
    # an em dash (E2 80 94) and guillemets (C2 AB, C2 BB) between them are separators
    assert (sg.sign(["Россия \u2014 сегодня «снова» приняла решение"]) == sg.sign([text])).all()



# Lower case as str.lower gives it, for the scripts and the characters whose lower case is
# no simple one-for-one: final sigma, dotted capital I, the Kelvin sign, fullwidth letters,
# Deseret (4 bytes), Cherokee and Georgian Mtavruli (3 bytes), with emoji and a lone
# surrogate beside them.
CASE_TEXTS = [
    "Die Bundesregierung ÄNDERT ihre Pläne für Straßen in Köln und München",
    "ΟΙ ΕΚΛΟΓΕΣ ΣΤΗΝ ΑΘΗΝΑ ΞΕΚΙΝΟΥΝ ΣΗΜΕΡΑ ΜΕ ΠΟΛΛΟΥΣ ΨΗΦΟΦΟΡΟΥΣ",
    "İSTANBUL'DA BÜYÜK BİR TOPLANTI YAPILDI VE KARARLAR ALINDI",
    "Москва СЕГОДНЯ приняла решение о новых мерах поддержки",
    "The Kelvin sign \u212a and ＦＵＬＬＷＩＤＴＨ letters and 𐐀𐐁 Deseret and 😀 emoji stay words",
    "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ and ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ in capitals, ǅ titlecase, x\ud800y",
    "", "ASCII ONLY TEXT",
]


def _reference_lowered(texts: list[str]) -> bytes:
    return b" ".join(t.lower().encode("utf-8", "surrogatepass") for t in texts) + b" "


def test_texts_are_lower_cased_exactly_as_str_lower_does():
    buf, _, starts, _ = sg._lowered_utf8(CASE_TEXTS)
    assert buf.tobytes() == _reference_lowered(CASE_TEXTS)
    lowered = [t.lower().encode("utf-8", "surrogatepass") for t in CASE_TEXTS]
    assert starts.tolist() == np.cumsum([0] + [len(e) + 1 for e in lowered[:-1]]).tolist()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(codec=None, max_codepoint=0x2FFFF),
                        max_size=40), min_size=1, max_size=6))
def test_any_text_is_lower_cased_as_str_lower_does(texts):
    assert sg._lowered_utf8(texts)[0].tobytes() == _reference_lowered(texts)


def test_the_word_mask_is_the_same_before_and_after_lower_casing():
    # the mask is read off the text as written: no character's lower case is a separator
    # where it was a word byte, or the reverse
    joined = b" ".join(t.encode("utf-8", "surrogatepass") for t in CASE_TEXTS) + b" "
    lowered = _reference_lowered(CASE_TEXTS)
    lead = np.flatnonzero(np.frombuffer(joined, np.uint8) >= 0xC2)
    _, word, _, _ = sg._lowered_utf8(CASE_TEXTS)
    low_lead = np.flatnonzero(np.frombuffer(lowered, np.uint8) >= 0xC2)
    assert (word == sg._word_mask(lowered, low_lead)).all()
    assert word.sum() == sg._word_mask(joined, lead).sum()


def test_the_case_tables_rest_on_what_python_s_unicode_data_says():
    # cased letters end below U+20000 (the tables stop there), and lower-casing twice
    # changes nothing (the second pass over the irregular texts relies on it)
    assert all(chr(c).lower() == chr(c) for c in range(sg._CASED_PLANES_END, 0x110000)
               if not 0xD800 <= c <= 0xDFFF)
    assert all(chr(c).lower().lower() == chr(c).lower() for c in range(sg._CASED_PLANES_END))
    lower, irregular = sg._case_tables()
    assert irregular[0x3A3] and irregular[0x130] and irregular[0x212A]  # Σ, İ, Kelvin
    assert lower[ord("Ä")] == ord("ä") and lower[ord("Ｆ")] == ord("ｆ")
    assert lower[0x10400] == 0x10428 and not irregular[0x10400]  # Deseret, 4 bytes each


@pytest.mark.parametrize("num_perm", [1, 3, 7, 128, 130])
def test_each_signature_value_is_the_minimum_of_its_hash_function(num_perm):
    # the signing loop runs PERMS_PER_PASS functions at a time: any count, a last short
    # pass included, gives min over the text's shingles of (a_i * x + b_i) mod 2^32
    params = sg.MinHashParams(num_perm=num_perm, bands=1, rows=num_perm, loose_bands=1,
                              loose_rows=1)
    texts = [make_text(seed, 40 + 30 * seed) for seed in range(5)] + ["two words", ""]
    sigs = sg.sign(texts, params)
    a = params.perm_a32.astype(np.uint64)
    b = params.perm_b32.astype(np.uint64)
    for text, sig in zip(texts, sigs, strict=True):
        (shingles,) = sg.shingle_sets([text], params.shingle_words)
        if len(shingles) == 0:
            assert sg.is_empty_signature(sig[None, :])[0]
            continue
        naive = ((shingles[None, :].astype(np.uint64) * a[:, None] + b[:, None])
                 & np.uint64(0xFFFFFFFF)).min(axis=1)
        assert sig.tolist() == naive.tolist()


@pytest.mark.parametrize(("marked", "plain"), [
    ("¿Qué pasa con el gobierno y la ley hoy?", "Qué pasa con el gobierno y la ley hoy?"),
    ("the and\u2044or rule of the new council", "the and or rule of the new council"),
    ("the word\u2060joiner rule of the council", "the word joiner rule of the council"),
    ("東京、大阪、名古屋 の 会議 は 明日", "東京 大阪 名古屋 の 会議 は 明日"),
])
def test_unicode_punctuation_separates_words_like_a_space(marked, plain):
    # ¿ (C2 BF) ends the Latin-1 punctuation range, ⁄ and the word joiner (E2 81 ..)
    # are the second half of the general punctuation block, 、 (E3 80 81) is CJK
    assert (sg.sign([marked]) == sg.sign([plain])).all()


def test_each_kana_and_ideograph_is_a_token_of_its_own():
    # E3 81 xx is hiragana, E4 xx xx CJK ideographs: letters, not punctuation, and one
    # token each whether spaces part them or not (9 letters: five 5-letter shingles)
    spaced, unspaced = "はい です よ ね 本当 に", "はいですよね本当に"
    _, counts = sg.sign_counted([spaced, unspaced, "は い"])
    assert counts.tolist() == [5, 5, 1]
    assert (sg.sign([spaced]) == sg.sign([unspaced])).all()
    # Latin letters beside them stay one word ("iphone", "手", "机", "case")
    assert (sg.sign(["iPhone手机case"]) == sg.sign(["iphone 手 机 case"])).all()
    assert not (sg.sign(["iPhone手机case"]) == sg.sign(["i phone 手 机 case"])).all()


def test_each_thai_lao_khmer_and_myanmar_letter_is_a_token_of_its_own():
    # written without spaces between words, as Chinese is: one token a letter (vowel
    # signs and tone marks are letters of their own), spaced or not
    thai = "นายกรัฐมนตรี"  # 12 code points: 8 shingles of 5
    _, counts = sg.sign_counted([thai, " ".join(thai)])
    assert counts.tolist() == [8, 8]
    for text in ("ລາວມື້ນີ້", "កម្ពុជាថ្ងៃនេះ", "မြန်မာနိုင်ငံ"):
        assert (sg.sign([text]) == sg.sign([" ".join(text)])).all()


def test_korean_words_stay_whole_words():
    # Hangul is written with spaces: its syllables (EA-ED lead bytes) are no CJK letters
    _, counts = sg.sign_counted(["한국어 문장 입니다 오늘 내일 모레"])
    assert counts.tolist() == [2]


def _reference_tokens(text: str) -> list[str]:
    """The tokens as the signing's rules define them, read per character: ASCII letters
    and digits and every non-ASCII character but the punctuation blocks are word
    characters; each kana or ideograph is a token of its own."""
    tokens, word = [], ""
    for ch in text.lower():
        c = ord(ch)
        if any(low <= c <= high for low, high in CJK_RANGES + UNSPACED_RANGES):
            tokens += [word, ch] if word else [ch]
            word = ""
        elif (ch.isascii() and ch.isalnum()) or (
                c >= 0x80 and not (0xA0 <= c <= 0xBF or 0x2000 <= c <= 0x206F
                                   or 0x3000 <= c <= 0x303F)):
            word += ch
        elif word:
            tokens.append(word)
            word = ""
    return tokens + [word] if word else tokens


_MIXED = st.sampled_from(list("ab Zé.") + ["“", "—", "、", "。", "日", "本", "語",
                                           "の", "カ", "ー", "㐀", "丽", "한", "Ａ",
                                           "　", "Σ", "ก", "\u0e34", "ລ", "ក", "က",
                                           "\u1e00"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_MIXED, max_size=30), min_size=1, max_size=5))
def test_tokens_are_those_the_rules_define(texts):
    tok, doc = sg._token_hashes(texts)
    want = [(i, t) for i, text in enumerate(texts) for t in _reference_tokens(text)]
    assert doc.tolist() == [i for i, _ in want]
    one_each = [sg._token_hashes([t])[0] for _, t in want]
    assert tok.tolist() == [int(h[0]) for h in one_each]


@pytest.mark.parametrize("texts", [
    ["Σήμερα η Αθήνα ψηφίζει", "plain second text"],  # the batch's first text
    ["plain first text", "İstanbul bugün seçim yapıyor", "Σ at the start"],  # at a start
    ["ΣΑΣ x\ud800y ΟΔΟΣ", "Kelvin \u212a and \U00010400 too"],  # a lone surrogate
])
def test_a_text_lower_cased_by_str_lower_is_the_one_holding_the_character(texts):
    buf, _, starts, _ = sg._lowered_utf8(texts)
    assert buf.tobytes() == _reference_lowered(texts)
    assert starts.tolist() == np.cumsum(
        [0] + [len(t.lower().encode("utf-8", "surrogatepass")) + 1 for t in texts[:-1]]
    ).tolist()


def test_signing_no_text_or_only_wordless_texts():
    sig, counts = sg.sign_counted([])
    assert sig.shape == (0, 128) and sig.dtype == np.uint32
    assert counts.dtype == np.dtype(np.int32) and counts.tolist() == []
    sig, counts = sg.sign_counted(["", " — ", "!!!"])
    assert sg.is_empty_signature(sig).all() and counts.tolist() == [0, 0, 0]
    assert sg.is_empty_signature(sg.sign(["", "..."])).all()


def test_signatures_of_fixed_texts_do_not_change():
    # persisted signatures are compared with new ones: any change to tokenising,
    # lower-casing or hashing must show here (values of the str.lower implementation)
    expected = [
        [192564363, 715867687, 155462175, 374411568, 146270332, 937855472],
        [466057883, 1232080193, 1072895088, 63903135, 270788287, 20748206],
        [568220011, 219409576, 806919405, 646948810, 953113744, 424979645],
        [513640514, 202388095, 2427635737, 319215776, 945440253, 1310544783],
        [30780780, 1293939833, 751415022, 750509823, 211555168, 2718393],
    ]
    assert sg.sign(CASE_TEXTS[:5])[:, :6].tolist() == expected


def test_shingle_counts_are_int32_as_the_signatures_table_stores_them():
    # seven words: three 5-word shingles; no word: none
    _, counts = sg.sign_counted(["alpha beta gamma delta epsilon zeta eta", ""])
    assert (counts.dtype, counts.tolist()) == (np.dtype(np.int32), [3, 0])

def test_a_lone_surrogate_is_a_word_hashed_by_its_bytes_not_an_error():
    # An unpaired surrogate (a JSON dump's "\ud83d" without its partner) cannot be
    # encoded as UTF-8: it is passed through as its three bytes, one word like any other.
    with_surrogate = "alpha beta \ud83d gamma delta epsilon zeta"
    _, counts = sg.sign_counted([with_surrogate, "alpha beta x gamma delta epsilon zeta"])
    assert counts.tolist() == [3, 3]
    other = sg.sign([with_surrogate.replace("\ud83d", "\ud83e")])
    assert not (sg.sign([with_surrogate]) == other).all()


def test_a_one_word_text_has_a_signature_of_its_own():
    sig = sg.sign(["minister", "minister", "resigned"])
    assert not sg.is_empty_signature(sig).any()
    assert (sig[0] == sig[1]).all() and not (sig[0] == sig[2]).all()


def test_identical_texts_of_one_shingle_are_one_story():
    # One 5-word shingle each: the exact Jaccard is 1/1 (not 1/2, which is under the
    # threshold, and one shingle is too few for containment).
    t = "five words make one shingle"
    res = nd.cluster_incremental(["a", "b"], np.array([1, 2]), sg.sign([t, t]), new_texts=[t, t])
    assert res.new_cluster == ["a", "a"] and res.new_duplicate_of == [None, "a"]


def test_band_keys_of_a_fixed_signature_do_not_change():
    # Band keys are stored (signatures, band_index) and looked up by later runs: a key
    # computed differently for the same signature would find no earlier copy.
    sig = np.arange(128, dtype=np.uint32).reshape(1, 128)
    assert sg.band_keys(sig)[0].tolist()[:4] == [
        3686084039961060080, 3186979544214735579, 16263849054870800402, 12005636921764046118]
    assert sg.containment_keys(sig)[0].tolist()[:2] == [7654701954788234484,
                                                         18077279843488979203]


def test_large_input_is_chunked_consistently():
    texts = [make_text(i, 60) for i in range(sg.CHUNK_CHARS // 300 + 37)]
    assert len(sg._chunk_bounds(texts)) >= 2  # the input really spans several passes
    whole = sg.sign(texts)
    assert (whole[-5:] == sg.sign(texts[-5:])).all()
    signed, counts = sg.sign_counted(texts)
    assert (signed == whole).all()
    assert counts.tolist() == [len(sg.shingle_sets([t], 5)[0]) for t in texts]
    sets = sg.shingle_sets(texts, 5)
    assert all((sets[i] == sg.shingle_sets([texts[i]], 5)[0]).all() for i in (0, -1))


def test_chunks_cover_every_text_once_by_size():
    sizes = [10, sg.CHUNK_CHARS, 10, 10, sg.CHUNK_CHARS - 20, 30, 1]
    texts = ["x" * n for n in sizes]
    bounds = sg._chunk_bounds(texts)
    # consecutive, complete, and cut as soon as a chunk reaches CHUNK_CHARS characters
    # (the second chunk is exactly CHUNK_CHARS long)
    assert bounds == [(0, 2), (2, 5), (5, 7)]
    assert sg._chunk_bounds(["x" * sg.CHUNK_CHARS]) == [(0, 1)]  # no empty chunk after it
    assert sg._chunk_bounds([]) == [(0, 0)]
    assert sg.sign([]).shape == (0, 128)
    assert sg.shingle_sets([], 5) == []



def test_a_chunk_one_character_short_of_chunk_chars_takes_the_next_text():
    # the count starts at 0 in every chunk, the first and the ones after a cut
    texts = ["x" * n for n in (sg.CHUNK_CHARS - 1, 1, sg.CHUNK_CHARS - 1, 1)]
    assert sg._chunk_bounds(texts) == [(0, 2), (2, 4)]


def test_a_text_s_shingle_set_is_sorted_unique_32_bit_hashes():
    # a repeated sentence repeats its shingles: each is in the set once
    once = "the council met on monday and voted on the tram line"
    [twice] = sg.shingle_sets([f"{once} {once} {once}"], 5)
    assert twice.dtype == np.uint32
    assert twice.tolist() == sorted(set(twice.tolist()))
    assert len(twice) == len(set(sg.shingle_hashes([f"{once} {once} {once}"], 5)[0].tolist()))
    assert len(twice) < 3 * len(sg.shingle_sets([once], 5)[0])


def test_a_batch_of_one_word_is_one_shingle_and_a_batch_of_no_word_is_empty():
    sig, counts = sg.sign_counted(["Ukraine"])
    assert counts.tolist() == [1] and not sg.is_empty_signature(sig).any()
    # also with 1-word shingles (neardup_shingle_words may be 1)
    one = sg.MinHashParams(shingle_words=1)
    assert sg.is_empty_signature(sg.sign(["", " — "], one)).tolist() == [True, True]
    assert sg.sign_counted(["Ukraine"], one)[1].tolist() == [1]

def test_estimate_tracks_exact_jaccard():
    base = make_text(10, 500)
    errors = []
    for n_edits in (0, 5, 10, 20, 40, 80):
        other = edit(base, n_edits, seed=n_edits)
        est = nd.estimated_jaccard(sg.sign([base]), sg.sign([other]))[0]
        errors.append(est - exact_jaccard(base, other))
    # 128 permutations: spread <= 0.045 per pair; 0.15 is > 3 sigma.
    assert max(abs(e) for e in errors) < 0.15
    assert errors[0] == 0.0


def test_exact_jaccard_matches_python_sets():
    base = make_text(11, 400)
    other = edit(base, 25, seed=3)
    sets = dict(enumerate(sg.shingle_sets([base, other], 5)))
    got = nd.exact_jaccard(np.array([[0, 1]]), sets)[0]
    assert got == pytest.approx(exact_jaccard(base, other), abs=1e-3)


def test_params_validation_and_fingerprint():
    with pytest.raises(ValueError):
        sg.MinHashParams(num_perm=128, bands=9, rows=13)
    assert sg.MinHashParams().fingerprint != sg.MinHashParams(shingle_words=4).fingerprint
    assert sg.MinHashParams().fingerprint == sg.MinHashParams().fingerprint


# ---- banding and candidates ------------------------------------------------------------------


def test_band_keys_equal_for_equal_bands_and_distinct_across_bands():
    sig = sg.sign([make_text(4), make_text(4), make_text(5)])
    keys = sg.band_keys(sig)
    assert keys.shape == (3, 16) and keys.dtype == np.uint64
    assert (keys[0] == keys[1]).all()
    assert len(set(keys[0].tolist())) == 16  # identical rows in two bands still differ


def test_fmix64_leaves_its_argument_unchanged():
    # the docstring's promise ("in place on a copy"): a caller's uint64 array (a signature
    # column, a tag) is not scrambled behind its back
    x = np.arange(1, 6, dtype=np.uint64)
    mixed = sg.fmix64(x)
    assert x.tolist() == [1, 2, 3, 4, 5]
    assert len(set(mixed.tolist())) == 5 and not (mixed == x).any()


def test_legacy_containment_keys_need_enough_permutations():
    # a smaller hash family (64 permutations) cannot hold the 42x3 banding of old rows:
    # no legacy keys to look up, rather than a crash of every dedup batch
    small = sg.MinHashParams(num_perm=64, bands=8, rows=8, loose_bands=32, loose_rows=2)
    sig = sg.sign([make_text(i, 50) for i in range(3)], small)
    assert sg.legacy_containment_keys(sig, small).shape == (3, 0)
    # the default family (128) does look old rows up by their 42 keys
    assert sg.legacy_containment_keys(sg.sign([make_text(1, 50)])).shape == (1, 42)


def test_containment_of_a_one_shingle_text():
    # a text of one shingle inside a 10-shingle one: J = 1/10, so |A n B| = J (10 + 1) /
    # (1 + J) = 1 shingle, all of the smaller text (either side); an unknown size (-1,
    # a row persisted before containment existed) falls back to the Jaccard itself
    j = np.array([0.1, 0.1, 0.1])
    out = nd.estimated_containment(j, np.array([10, 1, -1]), np.array([1, 10, 1]))
    assert out.tolist() == pytest.approx([1.0, 1.0, 0.1])


def test_candidate_pairs_small_and_big_groups():
    keys = sg.fmix64(np.arange(10 * 16, dtype=np.uint64)).reshape(10, 16)  # random-like
    keys[3, 2] = keys[7, 2]  # 3 and 7 share one band
    assert nd.candidate_pairs(keys).tolist() == [[3, 7]]
    is_new = np.zeros(10, bool)
    assert nd.candidate_pairs(keys, is_new).tolist() == []  # two old rows: already known
    n = nd.MAX_ALL_PAIRS_GROUP + 10
    big = sg.fmix64(np.arange(n * 16, dtype=np.uint64)).reshape(n, 16)
    big[:, 0] = 42
    pairs = nd.candidate_pairs(big)
    assert len(pairs) == n - 1 and set(pairs[:, 0].tolist()) == {0}  # star, not n^2/2


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 39), st.integers(0, 3), st.integers(0, 39)),
                max_size=40),
       st.lists(st.booleans(), min_size=40, max_size=40))
def test_candidate_pairs_match_a_naive_join(shared, new_flags):
    keys = sg.fmix64(np.arange(40 * 4, dtype=np.uint64) + np.uint64(999)).reshape(40, 4)
    for i, band, j in shared:  # row i takes row j's key in one band
        keys[i, band] = keys[j, band]
    is_new = np.array(new_flags)
    expected = set()
    for band in range(4):
        for i in range(40):
            for j in range(i + 1, 40):
                if keys[i, band] == keys[j, band] and (is_new[i] or is_new[j]):
                    expected.add((i, j))
    assert {tuple(p) for p in nd.candidate_pairs(keys, is_new).tolist()} == expected


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 3 * 64), st.floats(0.0, 1.0))
def test_candidate_pairs_with_new_rows_are_the_pairs_that_touch_one(seed, copies, new_share):
    """Copies of one story in every band (groups under and over MAX_ALL_PAIRS_GROUP, so
    all pairs and star edges) among unrelated rows: the pairs kept for the new rows are
    exactly those of the whole join that touch a new row."""
    rng = np.random.default_rng(seed)
    n = copies + 30
    keys = rng.integers(0, 2**63, size=(n, 4), dtype=np.uint64)
    story = rng.permutation(n)[:copies]
    keys[story, :3] = keys[story[0], :3]  # one band stays the row's own
    is_new = rng.random(n) < new_share
    every = nd.candidate_pairs(keys).tolist()
    expected = sorted(p for p in every if is_new[p[0]] or is_new[p[1]])
    assert nd.candidate_pairs(keys, is_new).tolist() == expected


def test_banding_finds_pairs_near_threshold():
    base = make_text(20, 500)
    found = 0
    trials = 40
    for s in range(trials):
        other = edit(base, 12, seed=100 + s)  # Jaccard ~0.85 with 5-word shingles
        keys = sg.band_keys(sg.sign([base, other]))
        found += len(nd.candidate_pairs(keys)) == 1
    assert found >= trials - 2


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60),
       st.randoms(use_true_random=False))
def test_connected_min_matches_naive_union_find(edges, rnd):
    n = 31
    rank = np.array(rnd.sample(range(n), n))
    e = np.array(edges, dtype=np.int64).reshape(-1, 2)
    got = nd.connected_min(n, e, rank)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for u, v in edges:
        parent[find(u)] = find(v)
    for i in range(n):
        members = [j for j in range(n) if find(j) == find(i)]
        assert got[i] == min(rank[j] for j in members)


# ---- clustering ------------------------------------------------------------------------


def corpus():
    """ids, first_seen, texts: a wire story on 3 outlets (one lightly edited), an unrelated
    story, a heavily rewritten version of the wire story, and an empty text."""
    wire = make_text(30, 400)
    texts = [
        wire,
        edit(wire, 6, seed=1),  # J ~0.86
        wire,  # exact copy on another outlet
        make_text(31, 400),
        edit(wire, 120, seed=2),  # rewritten: J < 0.2
        "",
    ]
    ids = ["wire-a", "wire-b", "wire-c", "other", "rewrite", "empty"]
    first_seen = [30, 10, 20, 5, 40, 1]
    return ids, first_seen, texts


def test_exact_and_near_duplicates_cluster_under_first_seen():
    ids, fs, texts = corpus()
    res = run(ids, fs, texts)
    got = dict(zip(ids, res.new_cluster, strict=True))
    dup = dict(zip(ids, res.new_duplicate_of, strict=True))
    # wire-b has the earliest first_seen of the three copies: it names the cluster.
    assert got["wire-a"] == got["wire-b"] == got["wire-c"] == "wire-b"
    assert dup["wire-b"] is None and dup["wire-a"] == dup["wire-c"] == "wire-b"
    for lone in ("other", "rewrite", "empty"):
        assert got[lone] == lone and dup[lone] is None
    # Exactly the three copies pair up, with their exact shingle Jaccard.
    j_edit = exact_jaccard(texts[0], texts[1])
    assert 0.8 <= j_edit < 0.9
    assert sorted((*sorted(p[:2]), p[2]) for p in res.pairs) == [
        ("wire-a", "wire-b", pytest.approx(j_edit)), ("wire-a", "wire-c", 1.0),
        ("wire-b", "wire-c", pytest.approx(j_edit))]


def test_estimate_only_verification_also_clusters():
    ids, fs, texts = corpus()
    res = nd.cluster_incremental(ids, np.array(fs), sg.sign(texts))
    assert dict(zip(ids, res.new_cluster, strict=True))["wire-a"] == "wire-b"


def _distinct_words(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}w" for i in range(n)]


@pytest.mark.parametrize(("extra_words", "clustered"), [(10, True), (11, False)])
def test_a_pair_exactly_at_the_threshold_clusters_and_just_below_does_not(
        extra_words, clustered):
    # 44 distinct words: 40 five-word shingles. The copy appends `extra_words` new words,
    # adding as many shingles: Jaccard 40/50 = 0.8 exactly (40/51 just below).
    base = " ".join(_distinct_words("alpha", 44))
    copy = " ".join(_distinct_words("alpha", 44) + _distinct_words("tail", extra_words))
    jac = exact_jaccard(base, copy)
    assert jac == (0.8 if clustered else 40 / 51)
    sig = sg.sign([base, copy])
    assert len(nd.candidate_pairs(sg.band_keys(sig))) == 1  # banding lets the pair through
    res = run(["a", "b"], [1, 2], [base, copy], threshold=0.8)
    if clustered:
        assert res.new_cluster == ["a", "a"] and res.new_duplicate_of == [None, "a"]
        assert res.pairs == [("a", "b", 0.8)]
    else:
        assert res.new_cluster == ["a", "b"] and res.new_duplicate_of == [None, None]
        assert res.pairs == []


def test_verify_pairs_keeps_an_estimate_exactly_at_the_threshold():
    sig = np.arange(3 * 128, dtype=np.uint32).reshape(3, 128)
    sig[1, :96] = sig[0, :96]  # 96 of 128 values equal: estimate 0.75
    sig[2, :95] = sig[0, :95]  # 95 of 128: just below
    kept, est = nd.verify_pairs(np.array([[0, 1], [0, 2]]), sig, 0.75)
    assert kept.tolist() == [[0, 1]] and est.tolist() == [0.75]


def test_ties_in_first_seen_are_broken_by_article_id():
    t = make_text(40)
    res = run(["b", "a"], [7, 7], [t, t])
    assert res.new_cluster == ["a", "a"]


def _incremental(ids, fs, texts, splits):
    """Run in several batches, carrying persisted state like the warehouse would."""
    sigs = sg.sign(texts)
    keys = sg.band_keys(sigs)
    cluster: dict[str, str] = {}
    seen: list[int] = []
    bounds = [0, *splits, len(ids)]
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        new = list(range(lo, hi))
        if not new:
            continue
        res = nd.cluster_incremental(
            [ids[i] for i in new], np.array([fs[i] for i in new]), sigs[new],
            prior_ids=[ids[i] for i in seen], prior_first_seen=np.array([fs[i] for i in seen]),
            prior_cluster=[cluster[ids[i]] for i in seen], prior_keys=keys[seen],
            prior_signature_rows=lambda ix, seen=tuple(seen): sigs[[seen[j] for j in ix]],
            new_texts=[texts[i] for i in new],
            prior_texts=lambda ix, seen=tuple(seen): [texts[seen[j]] for j in ix],
        )
        cluster.update(zip([ids[i] for i in new], res.new_cluster, strict=True))
        cluster.update(res.changed_prior)
        seen += new
    return cluster


def bridge_corpus():
    """A and C are each ~0.85 similar to B but only ~0.7 to each other: B joins them."""
    base = make_text(50, 400)
    a = edit(base, 7, seed=5, region=slice(0, 200))
    c = edit(base, 7, seed=6, region=slice(200, 400))
    ids = ["A", "C", "B", "X", "A2"]
    texts = [a, c, base, make_text(51, 400), a]
    fs = [30, 20, 40, 10, 35]
    return ids, fs, texts


def test_bridge_merges_prior_clusters_and_reports_changed_rows():
    ids, fs, texts = bridge_corpus()
    assert exact_jaccard(texts[0], texts[1]) < 0.8 <= exact_jaccard(texts[0], texts[2])
    one = dict(zip(ids, run(ids, fs, texts).new_cluster, strict=True))
    assert one["A"] == one["B"] == one["C"] == one["A2"] == "C"
    inc = _incremental(ids, fs, texts, splits=[2, 3])
    assert inc == one


def test_late_member_with_earlier_first_seen_renames_cluster():
    t = make_text(60)
    first = run(["late", "later"], [50, 60], [t, t])
    assert first.new_cluster == ["late", "late"]
    res = nd.cluster_incremental(
        ["early"], np.array([10]), sg.sign([t]),
        prior_ids=["late", "later"], prior_first_seen=np.array([50, 60]),
        prior_cluster=first.new_cluster, prior_keys=sg.band_keys(sg.sign([t, t])),
        prior_signature_rows=lambda ix: sg.sign([t, t])[ix],
        new_texts=[t], prior_texts=lambda ix: [t for _ in ix],
    )
    assert res.new_cluster == ["early"] and res.new_duplicate_of == [None]
    assert res.changed_prior == {"late": "early", "later": "early"}



def test_an_exact_check_against_earlier_rows_without_their_texts_names_what_is_missing():
    t = make_text(61)
    sigs = sg.sign([t])
    missing = "^prior_texts is needed for exact checks against old rows$"
    with pytest.raises(ValueError, match=missing):
        nd.cluster_incremental(
            ["new"], np.array([5]), sigs, prior_ids=["old"], prior_first_seen=np.array([1]),
            prior_cluster=["old"], prior_keys=sg.band_keys(sigs),
            prior_signature_rows=lambda ix: sigs[ix], new_texts=[t])


def test_at_min_shingles_1_a_one_shingle_text_is_contained_only_in_a_text_holding_it():
    # neardup_containment_min_shingles may be 1: a text of five words or fewer has one
    # shingle, and is contained in a story only when the story holds it (0 of 1 is 0,
    # 1 of 1 is 1). A text of three words is its own 3-word shingle: found only when its
    # 5-word miss (exactly min_shingles) is measured again on 3-word shingles.
    words = make_text(62, 40).split()
    story = " ".join(words)
    texts = [story, " ".join(words[10:15]), "qqa qqb qqc qqd qqe", " ".join(words[20:23]),
             "qqf qqg qqh"]
    pairs = np.array([[0, 1], [0, 2], [0, 3], [0, 4]])
    rule = nd.EdgeRule(0.8, 0.8, 1)
    for again, want in ((None, [True, False, False, False]), (3, [True, False, True, False])):
        joins, _ = nd._ExactCheck(rule, 5, 0, texts, None, containment_words=again)(pairs)
        assert joins.tolist() == want, again

def test_revision_replaces_its_node_and_keeps_membership():
    t = make_text(70)
    first = run(["x", "y"], [1, 2], [t, t])
    assert first.new_cluster == ["x", "x"]
    revised = make_text(71)  # x's text changes completely
    sigs = sg.sign([t, t])
    res = nd.cluster_incremental(
        ["x"], np.array([99]), sg.sign([revised]),
        prior_ids=["x", "y"], prior_first_seen=np.array([1, 2]), prior_cluster=["x", "x"],
        prior_keys=sg.band_keys(sigs), prior_signature_rows=lambda ix: sigs[ix],
        new_texts=[revised], prior_texts=lambda ix: [t for _ in ix],
    )
    # Same article, same cluster, same name; nothing else moves.
    assert res.new_cluster == ["x"] and res.changed_prior == {} and res.pairs == []


def test_a_revised_articles_old_text_finds_no_containment_partners():
    # x's old text is superseded by its revision: a new article that repeats the old text
    # must not join x's cluster through the old row's containment keys (the old row keeps
    # x's membership, it is no longer x's text).
    old = make_text(72)
    sig, counts = sg.sign_counted([old])
    revised, copy = make_text(73), old
    res = nd.cluster_incremental(
        ["x", "c"], np.array([99, 100]), sg.sign([revised, copy]),
        prior_ids=["x"], prior_first_seen=np.array([1]), prior_cluster=["x"],
        prior_keys=sg.band_keys(sig), prior_signature_rows=lambda ix: sig[ix],
        new_texts=[revised, copy], prior_texts=lambda ix: [old for _ in ix],
        prior_counts=counts, prior_loose_keys=sg.containment_keys(sig))
    assert res.new_cluster == ["x", "c"] and res.new_duplicate_of == [None, None]


def test_a_prior_row_without_a_shingle_count_takes_part_by_jaccard_only():
    # Loose keys without counts (a caller that has no counts for its rows): the row is
    # taken as persisted before containment, so the looser containment keys do not
    # propose it, and a cut copy of it (containment 1.0, Jaccard 0.4) stays apart.
    full = make_text(901, 600)
    cut = " ".join(full.split()[:240])
    sig, counts = sg.sign_counted([full])

    def against_full(**kw) -> nd.Clustering:
        return nd.cluster_incremental(
            ["cut"], np.array([100]), sg.sign([cut]), prior_ids=["full"],
            prior_first_seen=np.array([1]), prior_cluster=["full"],
            prior_keys=sg.band_keys(sig), prior_signature_rows=lambda ix: sig[ix],
            new_texts=[cut], prior_texts=lambda ix: [full for _ in ix],
            prior_loose_keys=sg.containment_keys(sig), **kw)

    counted = against_full(prior_counts=counts)
    assert counted.new_cluster == ["full"] and counted.candidates == 1
    uncounted = against_full()
    assert uncounted.new_cluster == ["cut"] and uncounted.candidates == 0


def test_a_new_copy_reads_one_earlier_copy_of_its_story_not_every_copy():
    # A story already republished 30 times (one cluster): a new copy needs one checked
    # pair to join it, so only one earlier text is read (was: all 30 every batch, which
    # made dedup memory grow with the warehouse).
    wire = make_text(80, 400)
    prior = [edit(wire, 3, seed=s) for s in range(30)]
    prior_ids = [f"p{i:02d}" for i in range(30)]
    sigs = sg.sign(prior)
    asked: list[int] = []

    def prior_texts(ix):
        asked.extend(ix.tolist())
        return [prior[i] for i in ix]

    copy = edit(wire, 3, seed=99)
    res = nd.cluster_incremental(
        ["new"], np.array([100]), sg.sign([copy]), prior_ids=prior_ids,
        prior_first_seen=np.arange(30), prior_cluster=["p00"] * 30,
        prior_keys=sg.band_keys(sigs), prior_signature_rows=lambda ix: sigs[ix],
        new_texts=[copy], prior_texts=prior_texts)
    assert res.new_cluster == ["p00"] and res.new_duplicate_of == ["p00"]
    assert res.candidates >= 25  # banding found (nearly) every earlier copy ...
    assert len(asked) == 1 and len(res.pairs) == 1  # ... one was enough to join


def test_checks_go_on_past_a_failed_pair_until_the_ends_are_joined():
    # New node 5 has candidates with earlier nodes 0..4 of one cluster, best estimate
    # first. Rounds check 1, then 2, then 4 pairs per pair of components: 0 fails, then
    # 1 (joins) and 2; 3 and 4 are never checked, the ends being joined by then.
    pairs = np.array([[i, 5] for i in range(5)])
    estimate = np.array([0.95, 0.9, 0.85, 0.8, 0.75])
    fixed = np.array([[i, 0] for i in range(5)])
    checked: list[list[int]] = []

    def check(batch):
        checked.extend(batch.tolist())
        joins = batch[:, 0] != 0
        return joins, np.where(joins, 0.9, 0.1)

    kept, jac = nd._verify_until_joined(pairs, estimate, fixed, 6, 5, check)
    assert checked == [[0, 5], [1, 5], [2, 5]]
    assert kept.tolist() == [[1, 5], [2, 5]] and jac.tolist() == [0.9, 0.9]


def test_pairs_between_new_rows_are_all_checked():
    pairs = np.array([[0, 1], [1, 2], [0, 2]])
    checked: list[list[int]] = []

    def check(batch):
        checked.extend(batch.tolist())
        return np.ones(len(batch), bool), np.ones(len(batch))

    kept, _ = nd._verify_until_joined(pairs, np.full(3, 0.9), np.empty((0, 2), np.int64),
                                      3, 0, check)
    assert sorted(checked) == sorted(pairs.tolist()) and len(kept) == 3


def test_no_earlier_signature_is_read_when_no_pair_touches_an_earlier_row():
    earlier = [make_text(200 + i) for i in range(3)]
    sigs = sg.sign(earlier)
    asked: list[list[int]] = []

    def prior_signature_rows(ix):
        asked.append(list(ix))
        return sigs[ix]

    new = make_text(300)  # shares no band key with the earlier texts
    res = nd.cluster_incremental(
        ["new"], np.array([100]), sg.sign([new]), prior_ids=["e0", "e1", "e2"],
        prior_first_seen=np.arange(3), prior_cluster=["e0", "e1", "e2"],
        prior_keys=sg.band_keys(sigs), prior_signature_rows=prior_signature_rows,
        new_texts=[new], prior_texts=lambda ix: [earlier[i] for i in ix])
    assert res.candidates == 0 and asked == []
    assert res.new_cluster == ["new"] and res.changed_prior == {}
    # without a way to read earlier rows, nothing is needed either
    alone = nd.cluster_incremental(
        ["new"], np.array([100]), sg.sign([new]), prior_ids=["e0", "e1", "e2"],
        prior_first_seen=np.arange(3), prior_cluster=["e0", "e1", "e2"],
        prior_keys=sg.band_keys(sigs), new_texts=[new])
    assert alone.new_cluster == ["new"]


def test_mixing_unique_ids_is_required():
    with pytest.raises(ValueError, match="unique"):
        run(["a", "a"], [1, 2], [make_text(1), make_text(2)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(5)), st.lists(st.integers(0, 5), min_size=0, max_size=3))
def test_order_and_batching_do_not_change_clusters(perm, splits):
    ids, fs, texts = bridge_corpus()
    ids2 = [ids[i] for i in perm]
    fs2 = [fs[i] for i in perm]
    texts2 = [texts[i] for i in perm]
    one = dict(zip(ids, run(ids, fs, texts).new_cluster, strict=True))
    shuffled = dict(zip(ids2, run(ids2, fs2, texts2).new_cluster, strict=True))
    assert shuffled == one
    assert _incremental(ids2, fs2, texts2, sorted(splits)) == one


# ---- persistence ---------------------------------------------------------------------------


def test_arrow_round_trip():
    sig = sg.sign([make_text(i, 50) for i in range(5)])
    arr = nd.signatures_to_arrow(sig)
    chunked = pa.chunked_array([arr.slice(0, 2), arr.slice(2)])
    assert (nd.arrow_to_signatures(chunked, 128) == sig).all()
    keys = sg.band_keys(sig)
    karr = nd.keys_to_arrow(keys)
    assert (nd.arrow_to_keys(pa.chunked_array([karr.slice(0, 3), karr.slice(3)]), 16) == keys).all()
    with pytest.raises(ValueError):
        nd.arrow_to_signatures(arr, 64)
    # a damaged signatures file: the message says what is wrong with it
    with pytest.raises(ValueError, match="every row needs exactly 8 band keys"):
        nd.arrow_to_keys(karr, 8)


def test_a_signature_column_of_2_gib_or_more_is_refused_before_any_copy(tmp_path):
    # A binary array's offsets are int32: 2**31 bytes of signatures (4,194,304 rows of 128)
    # would wrap the last offset. The batch is refused; a memory map of a sparse file
    # stands in for the rows, read by nothing when the refusal comes first.
    path = tmp_path / "signatures.u4"
    with open(path, "wb") as f:
        f.truncate(2**31)
    sig = np.memmap(path, dtype="<u4", mode="r", shape=(2**31 // (128 * 4), 128))
    with pytest.raises(ValueError, match="too many signatures for one binary array"):
        nd.signatures_to_arrow(sig)


def test_permutations_are_distinct_odd_32_bit_and_fixed_by_the_seed():
    """Identical permutations would make all 128 minima one estimate repeated: the
    Jaccard estimate would be 0 or 1, never in between."""
    p = sg.MinHashParams()
    a, b = p.perm_a32, p.perm_b32
    assert a.dtype == np.uint32 and b.dtype == np.uint32 and len(a) == len(b) == 128
    assert len(set(a.tolist())) == 128 and len(set(b.tolist())) == 128
    assert (a % 2 == 1).all()
    assert a.tolist() == sg.MinHashParams().perm_a32.tolist()  # same seed, same family
    assert a.tolist() != sg.MinHashParams(seed=7).perm_a32.tolist()


def _story_against_prior(copy: str, prior: list[str], memo, asked: list[int],
                         keys: list[str] | None = None):
    """A new copy clustered against earlier texts (no cluster yet: each its own), with
    the texts' keys and `memo`; `asked` records the earlier texts read."""
    sigs = sg.sign(prior)
    n = len(prior)

    def prior_texts(ix):
        asked.extend(ix.tolist())
        return [prior[i] for i in ix]

    return nd.cluster_incremental(
        ["new"], np.array([100]), sg.sign([copy]), prior_ids=[f"p{i}" for i in range(n)],
        prior_first_seen=np.arange(n), prior_cluster=[f"p{i}" for i in range(n)],
        prior_keys=sg.band_keys(sigs), prior_signature_rows=lambda ix: sigs[ix],
        new_texts=[copy], prior_texts=prior_texts,
        text_keys=(keys or [f"h{i}" for i in range(n)], [f"h{hash(copy)}"]), set_memo=memo)


def test_the_set_memo_spares_reading_earlier_texts_again_and_changes_no_result():
    wire = make_text(81, 400)
    prior = [edit(wire, 3, seed=1), make_text(82, 400)]
    memo = nd.ShingleSetMemo(max_hashes=100_000)
    asked: list[int] = []
    first = _story_against_prior(edit(wire, 3, seed=2), prior, memo, asked)
    assert asked == [0] and first.new_cluster == ["p0"]
    assert len(memo) == 2  # the earlier text's set and the new copy's
    asked.clear()
    second = _story_against_prior(edit(wire, 3, seed=3), prior, memo, asked)
    assert asked == []  # the earlier copy's set came from the memo
    without = _story_against_prior(edit(wire, 3, seed=3), prior, None, [])
    assert second.new_cluster == without.new_cluster == ["p0"]
    assert [p[:2] for p in second.pairs] == [p[:2] for p in without.pairs]
    assert second.pairs[0][2] == pytest.approx(without.pairs[0][2])


def test_the_set_memo_is_read_by_key_not_by_position():
    # The memo holds the unrelated text's set under h0: a node keyed h0 is checked with
    # that set, so the copy does not join (reading by position would have joined it).
    wire = make_text(83, 400)
    other = make_text(84, 400)
    memo = nd.ShingleSetMemo(max_hashes=100_000)
    memo.put("h0", sg.shingle_sets([other], 5)[0])
    memo.put("h0/k3", sg.shingle_sets([other], 3)[0])  # the containment recheck's sets
    res = _story_against_prior(edit(wire, 3, seed=2), [edit(wire, 3, seed=1)], memo, [])
    assert res.new_cluster == ["new"]
    res = _story_against_prior(edit(wire, 3, seed=2), [edit(wire, 3, seed=1)], memo, [],
                               keys=["h1"])
    assert res.new_cluster == ["p0"]


def test_the_set_memo_holds_at_most_its_bound_dropping_the_least_recently_used():
    memo = nd.ShingleSetMemo(max_hashes=10)
    memo.put("a", np.arange(4, dtype=np.uint32))
    memo.put("b", np.arange(4, dtype=np.uint32))
    assert memo.get("a") is not None  # a is now the most recently used
    memo.put("c", np.arange(4, dtype=np.uint32))  # 12 > 10: b goes
    assert memo.get("b") is None and memo.get("a") is not None and memo.get("c") is not None
    assert memo.held == 8 and len(memo) == 2
    memo.put("big", np.arange(11, dtype=np.uint32))  # larger than the bound: not kept
    assert memo.get("big") is None and memo.held == 8
    memo.put("a", np.arange(9, dtype=np.uint32))  # a key already held keeps its set
    assert memo.get("a").size == 4


def test_text_keys_must_name_every_text():
    memo = nd.ShingleSetMemo(max_hashes=100)
    with pytest.raises(ValueError, match="every prior and every new text"):
        _story_against_prior(make_text(85, 50), [make_text(85, 50)], memo, [],
                             keys=["h0", "extra"])


def test_the_set_memo_keeps_everything_while_it_holds_exactly_its_bound():
    memo = nd.ShingleSetMemo(max_hashes=8)
    memo.put("a", np.arange(4, dtype=np.uint32))
    memo.put("b", np.arange(4, dtype=np.uint32))  # 8 of 8: nothing has to go
    assert memo.held == 8 and memo.get("a") is not None and memo.get("b") is not None


def test_a_pair_estimated_under_the_threshold_is_still_checked_on_its_shingles():
    # Exact Jaccard 0.8 (as above), but this pair's MinHash estimate is 99/128 = 0.77:
    # the exact check must see candidates a little under the threshold (the prefilter's
    # margin), or the estimate's spread loses pairs that are in fact at it. Containment
    # off, so only the Jaccard prefilter can let the pair through.
    base = " ".join(_distinct_words("eta", 44))
    copy = " ".join(_distinct_words("eta", 44) + _distinct_words("tail", 10))
    sig = sg.sign([base, copy])
    assert exact_jaccard(base, copy) == 0.8 and (sig[0] == sig[1]).mean() < 0.78
    assert len(nd.candidate_pairs(sg.band_keys(sig))) == 1
    res = run(["a", "b"], [1, 2], [base, copy], threshold=0.8, containment=None)
    assert res.new_duplicate_of == [None, "a"] and res.pairs == [("a", "b", 0.8)]
    # the estimate alone leaves it out
    alone = nd.cluster_incremental(["a", "b"], np.array([1, 2]), sig, threshold=0.8,
                                   containment=None)
    assert alone.new_duplicate_of == [None, None]


def test_an_empty_band_key_column_is_no_rows_of_that_many_bands():
    # seed 50: an empty signatures file (or a chunked column of no chunks) reads as zero
    # rows of `bands` keys, ready to be concatenated with the batch's
    for column in (pa.array([], pa.list_(pa.uint64())),
                   pa.chunked_array([], pa.list_(pa.uint64()))):
        keys = nd.arrow_to_keys(column, 16)
        assert (keys.shape, keys.dtype) == ((0, 16), np.uint64)


def test_the_case_tables_built_afresh_leave_length_changing_letters_to_str_lower():
    # seed 51: the tables are built once per process, so a test reading them after any
    # other signing saw the memo; built again here, a letter whose lower case has another
    # UTF-8 length (Kelvin sign 3 -> 1 byte, Ⱥ 2 -> 3) is irregular, and a text holding
    # one signs as its str.lower() does
    sg._case_tables.cache_clear()
    try:
        lower, irregular = sg._case_tables()
        assert irregular[0x212A] and irregular[0x23A] and irregular[0x130]
        assert lower[0x212A] == 0x212A and not irregular[ord("Ä")]
        text = "Die \u212aelvin-Skala und \u023aRGENT " + make_text(3, 60)
        params = sg.MinHashParams()
        assert (sg.sign([text], params) == sg.sign([text.lower()], params)).all()
    finally:
        sg._case_tables.cache_clear()


@pytest.mark.parametrize("texts", [
    ["ＦＵＬＬＷＩＤＴＨ NEWS \u2167"],         # 3-byte letters and no 2-byte one
    ["𐐀𐐁 DESERET"],                              # 4-byte letters alone
    ["ＦＵＬＬＷＩＤＴＨ", "𐐀𐐁 DESERET"],          # 3 and 4 bytes, no 2-byte letter
])
def test_a_batch_without_two_byte_letters_is_still_lower_cased(texts):
    # seed 52: each UTF-8 length is lower-cased on its own; a batch holding no 2-byte
    # character (fullwidth Latin, Roman numerals, Deseret alone) is no exception
    assert sg._lowered_utf8(texts)[0].tobytes() == _reference_lowered(texts)


def test_pairs_of_two_earlier_rows_are_not_candidates_again():
    # seed 56: a pair of persisted rows was found and settled by the run that added the
    # later of them; a run adding an unrelated text neither counts nor loads them
    t = make_text(62)
    loaded: list[list[int]] = []

    def prior_rows(ix):
        loaded.append(list(ix))
        return sg.sign([t, t])[ix]

    res = nd.cluster_incremental(
        ["new"], np.array([70]), sg.sign([make_text(63)]),
        prior_ids=["old", "older"], prior_first_seen=np.array([50, 60]),
        prior_cluster=["old", "old"], prior_keys=sg.band_keys(sg.sign([t, t])),
        prior_signature_rows=prior_rows,
        new_texts=[make_text(63)], prior_texts=lambda ix: [t for _ in ix],
    )
    assert (res.new_cluster, res.changed_prior, res.candidates) == (["new"], {}, 0)
    assert loaded == [] and res.pairs == []


def test_a_pair_at_the_jaccard_threshold_joins_whatever_its_leads():
    # seed 63: only a pair joined by containment alone (Jaccard under its threshold) must
    # share a lead. Two texts of 30 words each of their own and 44 in common: 40 shared
    # five-word shingles of 100, Jaccard 0.4 exactly, the threshold here; neither lead is
    # in the other text
    common = _distinct_words("body", 44)
    texts = [" ".join(_distinct_words("leada", 30) + common),
             " ".join(_distinct_words("leadb", 30) + common)]
    assert exact_jaccard(*texts) == 0.4
    for jaccard, joined in ((0.4, True), (0.41, False)):
        check = nd._ExactCheck(nd.EdgeRule(jaccard, 0.5, 10), 5, 0, texts, None,
                               containment_words=None)
        assert check(np.array([[0, 1]]))[0].tolist() == [joined], jaccard


def test_a_slice_of_a_signature_column_reads_its_own_rows():
    # seed 66: a slice (a table's batch, a chunk of a Parquet read) shares its parent's
    # data buffer; its rows are read from its offsets on, byte by byte
    sig = sg.sign([make_text(i, 50) for i in range(5)])
    arr = nd.signatures_to_arrow(sig)
    assert (nd.arrow_to_signatures(arr.slice(2), 128) == sig[2:]).all()
    assert nd.arrow_to_signatures(arr.slice(1, 2), 128).tolist() == sig[1:3].tolist()
    chunked = pa.chunked_array([arr.slice(3), arr.slice(0, 1)])
    assert nd.arrow_to_signatures(chunked, 128).tolist() == sig[[3, 4, 0]].tolist()
