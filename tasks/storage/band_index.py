"""The band-key index: one narrow row (key, article_id) per LSH key of every signature row.

Dedup asks, once per batch, which earlier articles share a band key (Jaccard candidates)
or a containment key with the batch. Answering that from `signatures` means unnesting the
list columns of every persisted row (16 + 64 keys each since the 64x2 containment banding,
16 + 42 before) on every batch. The index holds the keys flat (64M rows at 1M articles,
see below), so the lookup is a scan of one uint64 column and a semi-join with the batch's
keys (bench/bench_dedup_prior.py, BENCHMARKS.md).

It is derived from the signatures rows of a commit and written in that same commit
(publish.py), sorted by key: nothing else writes it, so it always agrees with the
signatures it came from. Rows persisted before schema 7 (shingle_count null) are not
indexed; the lookup unnests their band keys instead (`warehouse._prior`).

A row's Jaccard band keys are left out when its containment keys cover them: when the
containment bands tile the whole signature and each Jaccard band is a whole number of them
(16x8 over 64x2: every 8-row band holds 4 aligned 2-row bands), two rows sharing a band key
share a containment key, so the lookup finds the same articles with 64 keys per article
instead of 80. Rows of the 42x3 banding (126 of 128 values) keep both lists.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas import BAND_INDEX


def band_index_rows(signatures: pa.Table) -> pa.Table:
    """BAND_INDEX rows of `signatures` rows (schema 7 rows only), sorted by key; an
    article's repeated key (a re-recorded row) appears once."""
    signatures = signatures.filter(pc.is_valid(signatures["shingle_count"])) \
        if "shingle_count" in signatures.column_names else signatures.slice(0, 0)
    if signatures.num_rows == 0:
        return BAND_INDEX.empty_table()
    parts_key, parts_row, lengths = [], [], {}
    for column in ("band_keys", "containment_keys"):
        col = signatures[column].combine_chunks()
        if col.null_count:
            col = pc.fill_null(col, pa.scalar([], col.type))
        lengths[column] = pc.list_value_length(col).to_numpy(zero_copy_only=False)
        parts_key.append(pc.list_flatten(col).to_numpy(zero_copy_only=False))
        parts_row.append(np.repeat(np.arange(signatures.num_rows), lengths[column]))
    covered = _band_keys_covered(
        pc.binary_length(signatures["signature"].combine_chunks()).to_numpy(
            zero_copy_only=False) // 4, lengths["band_keys"], lengths["containment_keys"])
    keep_band = ~covered[parts_row[0]]
    parts_key[0], parts_row[0] = parts_key[0][keep_band], parts_row[0][keep_band]
    keys = np.concatenate(parts_key).astype(np.uint64)
    rows = np.concatenate(parts_row)
    ids = signatures["article_id"].combine_chunks()
    # Unique (key, article) pairs, ordered by key: article ids as dictionary codes.
    codes = pc.dictionary_encode(ids)
    uniq = codes.dictionary
    code = codes.indices.to_numpy().astype(np.int64)[rows]
    order = np.lexsort((code, keys))
    keys, code = keys[order], code[order]
    keep = np.ones(len(keys), bool)
    keep[1:] = (keys[1:] != keys[:-1]) | (code[1:] != code[:-1])
    source_row = rows[order][keep]  # the signature row each entry comes from
    run_ids = signatures["run_id"].combine_chunks().take(pa.array(source_row))
    return pa.table({"key": pa.array(keys[keep], pa.uint64()),
                     "article_id": uniq.take(pa.array(code[keep])),
                     "run_id": run_ids}, schema=BAND_INDEX)


def _band_keys_covered(num_perm: np.ndarray, bands: np.ndarray, loose_bands: np.ndarray
                       ) -> np.ndarray:
    """Per row: do its containment bands tile the signature so that each Jaccard band is a
    whole number of them (then a shared band key implies a shared containment key)?"""
    num_perm, bands, loose = (np.asarray(x, np.int64) for x in (num_perm, bands, loose_bands))
    ok = (bands > 0) & (loose > 0)
    safe_b, safe_l = np.where(ok, bands, 1), np.where(ok, loose, 1)
    rows, loose_rows = num_perm // safe_b, num_perm // safe_l
    return ok & (num_perm % safe_b == 0) & (num_perm % safe_l == 0) \
        & (rows % np.maximum(loose_rows, 1) == 0)
