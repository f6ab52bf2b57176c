"""The band-key index (issue 10): written with every commit's signatures, read by dedup's
per-batch lookup, merged by compaction, scrubbed by forget; warehouses of older commits
(no index, no containment columns) still answer."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import SIGNATURES
from tasks.dedup import signing as sg
from tasks.storage import compact as C
from tasks.storage.forget import Takedown, forget
from tasks.storage.publish import publish_commit
from tasks.storage.warehouse import committed_files, load_prior, scan_table
from tests.unit.dedup.test_containment import ORIGINAL, text, truncated
from tests.unit.dedup.test_rules import by_url, row, run, story

ORIGINAL_TEXT = text(ORIGINAL)
CUT = text(truncated(ORIGINAL, 0.5))  # shares no 16x8 band key with ORIGINAL


def _publish(root, res, batch: int, run_id: str = "r1") -> None:
    publish_commit(root, {"articles": res.table, "signatures": res.outputs["signatures"]},
                   {"run_id": run_id, "started_at": f"2024-04-04T0{batch}:00:00+00:00"}, batch)


def _keys(sig: pa.Table) -> set[tuple[int, str]]:
    """(key, article_id) of every containment key of every row, and of the band keys of rows
    whose containment keys are not 64 two-row bands (16x8 bands are 4 of those each),
    computed here row by row."""
    out = set()
    for r in sig.to_pylist():
        loose = r["containment_keys"] or []
        band = [] if len(loose) == 64 and len(r["band_keys"]) == 16 else r["band_keys"]
        for k in band + loose:
            out.add((k, r["article_id"]))
    return out


def test_a_commit_writes_the_index_of_its_signature_keys_sorted(tmp_path):
    res = run([row("https://a.example/1", ORIGINAL_TEXT, 0),
               row("https://b.example/2", story(9), 1)])
    _publish(tmp_path, res, 1)
    (f,) = committed_files(tmp_path, "band_index")
    index = pq.read_table(f)
    keys = index["key"].to_numpy()
    assert (np.diff(keys.astype(np.float64)) >= 0).all()
    assert set(zip(keys.tolist(), index["article_id"].to_pylist(), strict=True)) == \
        _keys(res.outputs["signatures"])


def test_a_truncated_copy_finds_its_original_through_the_index_alone(tmp_path):
    first = run([row("https://wire.example/a", ORIGINAL_TEXT, 0)])
    _publish(tmp_path, first, 1)
    sig = sg.sign([ORIGINAL_TEXT, CUT])
    # Not a Jaccard candidate: only a containment key can bring the two together.
    assert not set(sg.band_keys(sig)[0]) & set(sg.band_keys(sig)[1])
    assert set(sg.containment_keys(sig)[0]) & set(sg.containment_keys(sig)[1])
    second = run([row("https://regional.example/b", CUT, 5)], load_prior(tmp_path), "r2")
    assert by_url(second)["https://regional.example/b"]["cluster_id"] == \
        first.table["article_id"][0].as_py()


def test_a_warehouse_of_older_commits_still_finds_copies_by_their_band_keys(tmp_path):
    first = run([row("https://wire.example/a", ORIGINAL_TEXT, 0)])
    old = first.outputs["signatures"].drop_columns(["shingle_count", "containment_keys"])
    (tmp_path / "signatures").mkdir()
    (tmp_path / "articles").mkdir()
    pq.write_table(old, tmp_path / "signatures" / "old.parquet")
    pq.write_table(first.table, tmp_path / "articles" / "old.parquet")
    from tasks.storage.publish import commit_manifest

    commit_manifest(tmp_path, "r0", {"run_id": "r0", "started_at": "2024-04-01",
                                     "files": {"signatures": ["signatures/old.parquet"],
                                               "articles": ["articles/old.parquet"]}})
    assert committed_files(tmp_path, "band_index") == []
    copy = run([row("https://copy.example/c", ORIGINAL_TEXT, 9)], load_prior(tmp_path), "r2")
    assert copy.table["cluster_id"][0].as_py() == first.table["article_id"][0].as_py()
    assert copy.outputs["signatures"].schema.equals(SIGNATURES)


def test_compaction_merges_index_files_and_the_lookup_still_answers(tmp_path):
    first = run([row("https://wire.example/a", ORIGINAL_TEXT, 0)])
    _publish(tmp_path, first, 1)
    for b in range(2, 5):
        _publish(tmp_path, run([row(f"https://x.example/{b}", story(b), b)], run_id=f"r{b}"), b)
    before = sorted(tuple(r.values()) for r in scan_table(tmp_path, "band_index").to_pylist())
    assert C.compact(tmp_path, min_files=2) is not None
    assert len(committed_files(tmp_path, "band_index")) == 1
    after = sorted(tuple(r.values()) for r in scan_table(tmp_path, "band_index").to_pylist())
    assert after == before
    second = run([row("https://regional.example/b", CUT, 9)], load_prior(tmp_path), "r9")
    assert second.table["cluster_id"][0].as_py() == first.table["article_id"][0].as_py()


def test_forget_removes_the_articles_index_rows(tmp_path):
    res = run([row("https://a.example/1", ORIGINAL_TEXT, 0),
               row("https://b.example/2", story(9), 1)])
    _publish(tmp_path, res, 1)
    gone = by_url(res)["https://a.example/1"]["article_id"]
    forget(tmp_path, Takedown(url="https://a.example/1", reason="test"))
    left = set(scan_table(tmp_path, "band_index")["article_id"].to_pylist())
    assert gone not in left and left == {by_url(res)["https://b.example/2"]["article_id"]}


def test_each_key_and_article_pair_is_indexed_once():
    """A re-recorded signature row (the article's cluster moved) repeats its keys: the index
    holds each (key, article) once; articles sharing a key each keep theirs."""
    from tasks.storage.band_index import band_index_rows

    res = run([row("https://a.example/1", ORIGINAL_TEXT, 0),
               row("https://b.example/2", story(9), 1),
               row("https://c.example/3", ORIGINAL_TEXT, 2)])  # shares every key with a/1
    sig = res.outputs["signatures"]
    index = band_index_rows(pa.concat_tables([sig, sig, sig]))  # every row re-recorded twice
    pairs = list(zip(index["key"].to_pylist(), index["article_id"].to_pylist(), strict=True))
    assert len(pairs) == len(set(pairs)) == len(_keys(sig))
    assert set(pairs) == _keys(sig)


def _with_loose_banding(monkeypatch, bands: int, rows: int) -> None:
    """Run the dedup stage with another containment banding (as code before 64x2 did)."""
    from dataclasses import replace

    from tasks.dedup import rules

    default = rules.minhash_params
    monkeypatch.setattr(rules, "minhash_params",
                        lambda cfg: replace(default(cfg), loose_bands=bands, loose_rows=rows))


def test_a_copy_cut_to_a_third_finds_its_original_through_the_index(tmp_path):
    from tests.unit.dedup.test_containment import SHORT_CUTS

    original, cut = SHORT_CUTS[22]  # one of the pairs 42x3 shared no key for
    old = sg.MinHashParams(loose_bands=42, loose_rows=3)
    sig = sg.sign([original, cut])
    assert not set(sg.containment_keys(sig, old)[0]) & set(sg.containment_keys(sig, old)[1])
    first = run([row("https://wire.example/a", original, 0)])
    _publish(tmp_path, first, 1)
    second = run([row("https://regional.example/b", cut, 5)], load_prior(tmp_path), "r2")
    assert second.table["cluster_id"][0].as_py() == first.table["article_id"][0].as_py()


def test_rows_indexed_with_the_earlier_42x3_banding_are_still_found(tmp_path, monkeypatch):
    """A warehouse written before 64x2: its index holds 42x3 containment keys. A later
    batch looks those up too, so a cut copy still joins an original persisted then."""
    old = sg.MinHashParams(loose_bands=42, loose_rows=3)
    sig = sg.sign([ORIGINAL_TEXT, CUT])
    assert set(sg.containment_keys(sig, old)[0]) & set(sg.containment_keys(sig, old)[1])
    with monkeypatch.context() as m:
        _with_loose_banding(m, 42, 3)
        first = run([row("https://wire.example/a", ORIGINAL_TEXT, 0)])
    assert len(first.outputs["signatures"]["containment_keys"][0]) == 42
    _publish(tmp_path, first, 1)
    # The copy's current keys (16x8 and 64x2) share nothing with what the index holds.
    indexed = set(scan_table(tmp_path, "band_index")["key"].to_pylist())
    assert not indexed & (set(sg.band_keys(sig)[1]) | set(sg.containment_keys(sig)[1]))
    # Earlier than the original: the cluster gets the copy's name, the original is
    # re-recorded, with the current banding's keys (indexed anew in this commit).
    second = run([row("https://regional.example/b", CUT, -5)], load_prior(tmp_path), "r2")
    copy_id = by_url(second)["https://regional.example/b"]["article_id"]
    assert second.table["cluster_id"][0].as_py() == copy_id
    moved = [r for r in second.outputs["signatures"].to_pylist()
             if r["article_id"] == first.table["article_id"][0].as_py()]
    assert [r["cluster_id"] for r in moved] == [copy_id]
    assert moved[0]["containment_keys"] == sg.containment_keys(sig)[0].tolist()


def test_band_keys_covered_by_the_containment_bands_are_not_indexed_but_still_found(tmp_path):
    """A short text (under the 50-shingle containment guard: Jaccard is its only edge) is
    indexed by its 64 containment keys alone; its near copy in a later commit still finds it
    through them, as every 8-row band it shares holds 4 aligned 2-row bands."""
    from tasks.storage.band_index import _band_keys_covered

    short = " ".join(story(3).split()[:40])  # 36 shingles
    near = short.replace(short.split()[-1], "changed")  # the last shingle differs
    first = run([row("https://wire.example/brief", short, 0)])
    _publish(tmp_path, first, 1)
    index = scan_table(tmp_path, "band_index")
    sig = first.outputs["signatures"]
    assert index.num_rows == 64
    assert not set(index["key"].to_pylist()) & set(sig["band_keys"][0].as_py())
    second = run([row("https://paper.example/brief", near, 5)], load_prior(tmp_path), "r2")
    assert second.table["cluster_id"][0].as_py() == first.table["article_id"][0].as_py()
    # 42x3 bands (126 of 128 values) or 1-row Jaccard bands do not cover: both lists kept.
    assert _band_keys_covered([128, 128, 128, 128], [16, 16, 128, 16], [64, 42, 64, 0]
                              ).tolist() == [True, False, False, False]


def test_index_hits_read_the_matching_rows_of_every_file_and_row_group(tmp_path):
    # Two index files of several row groups each; the matches are scattered, repeated per
    # article (one row per key) and arrive unsorted from DuckDB.
    from tasks.storage.warehouse import index_hits_in_files, rows_at

    files = []
    for f in range(2):
        keys = np.arange(f * 100, f * 100 + 100, dtype=np.uint64)
        ids = [f"f{f}-a{int(k) % 7}" for k in keys]
        path = tmp_path / f"index-{f}.parquet"
        pq.write_table(pa.table({"key": pa.array(keys, pa.uint64()), "article_id": ids}),
                       path, row_group_size=30)
        files.append(str(path))
    want = np.array([3, 10, 17, 45, 150, 199, 999], np.uint64)
    expected = sorted({f"f{int(k) // 100}-a{int(k) % 7}" for k in want if k < 200})
    assert index_hits_in_files(files, want) == expected
    assert index_hits_in_files(files, np.empty(0, np.uint64)) == []
    # Locations as an unsorted array: the same rows as pairs given in order.
    loc = np.array([[1, 99], [0, 45], [0, 3], [1, 50], [0, 31]])
    got = [r for part in rows_at(files, loc, ["key"]) for r in part.column(0).to_pylist()]
    assert got == [3, 31, 45, 150, 199]


def test_rows_without_containment_columns_or_keys():
    """Signature rows of schema 6 (no shingle_count) are not indexed; a row whose
    containment keys are null is indexed by its band keys alone."""
    from tasks.storage.band_index import band_index_rows

    sig = run([row("https://a.example/1", ORIGINAL_TEXT, 0),
               row("https://b.example/2", story(9), 1)]).outputs["signatures"]
    assert band_index_rows(sig.drop_columns(["shingle_count"])).num_rows == 0
    at = sig.schema.get_field_index("containment_keys")
    no_loose = sig.set_column(at, sig.schema.field(at),
                              pa.nulls(sig.num_rows, sig.schema.field(at).type))
    index = band_index_rows(no_loose)
    assert set(zip(index["key"].to_pylist(), index["article_id"].to_pylist(), strict=True)) == \
        {(k, r["article_id"]) for r in sig.to_pylist() for k in r["band_keys"]}


def test_a_commit_that_brings_its_own_index_is_not_given_a_derived_one(tmp_path):
    from tasks.storage.band_index import band_index_rows

    res = run([row("https://a.example/1", ORIGINAL_TEXT, 0)])
    own = band_index_rows(res.outputs["signatures"]).slice(0, 5)
    publish_commit(tmp_path, {"articles": res.table, "signatures": res.outputs["signatures"],
                              "band_index": own},
                   {"run_id": "r1", "started_at": "2024-04-04T01:00:00+00:00"}, 1)
    (f,) = committed_files(tmp_path, "band_index")
    assert pq.read_table(f).to_pylist() == own.to_pylist()


def test_a_new_copy_is_answered_with_its_clusters_representative_not_the_whole_cluster(
        tmp_path):
    """Both sources of the past (the warehouse's files and the in-memory tables) answer a
    batch's first question in part (`near`): the representative of each cluster the batch's
    keys reach, and which keys relate to it. The whole cluster (`signatures`) is never read
    for a copy that joins its representative."""
    import dataclasses

    from tasks.storage.warehouse import prior_from_tables
    from tests.unit.dedup.test_rules import WIRE, edited

    members = [row(f"https://m{i}.example/wire", edited(WIRE, 3, seed=i), 20 + i)
               for i in range(4)]
    first = run(members)
    _publish(tmp_path, first, 1)
    rep = members[0]["article_id"]
    copy = row("https://new.example/wire", edited(WIRE, 3, seed=9), 60)
    for prior in (load_prior(tmp_path),
                  prior_from_tables(first.table, first.outputs["signatures"])):
        assert prior.near is not None
        whole_reads, answers = [], []

        def near(ids, keys, prior=prior, answers=answers):
            answers.append(prior.near(ids, keys))
            return answers[-1]

        def signatures(ids, keys, prior=prior, whole_reads=whole_reads):
            whole_reads.append(ids)
            return prior.signatures(ids, keys)

        spy = dataclasses.replace(prior, near=near, signatures=signatures)
        assert by_url(run([copy], spy, "r2"))[copy["url"]]["cluster_id"] == rep
        assert whole_reads == []
        (answer,) = answers
        assert answer.rows["article_id"].to_pylist() == [rep] and answer.whole == frozenset()
        assert set(answer.relations["cluster_id"].to_pylist()) == {rep}


def test_band_keys_given_as_python_ints_find_their_rows(tmp_path):
    # seed 50: keys read back with to_pylist() (Python ints, some at or over 2**63) are
    # looked up as uint64; numpy would make such a list float64 and lose their low bits
    first = run([row("https://a.example/wire", story(1), 10)])
    _publish(tmp_path, first, 1)
    sig = first.outputs["signatures"]
    [keys] = sig.column("containment_keys").to_pylist()  # what the band index holds
    assert min(keys) < 2**63 <= max(keys)
    prior = load_prior(tmp_path)
    found = prior.signatures(["not-in-the-warehouse"], [keys])
    assert found["article_id"].to_pylist() == sig["article_id"].to_pylist()
    assert prior.signatures(["not-in-the-warehouse"], [[1, 2**63 + 1]]).num_rows == 0
