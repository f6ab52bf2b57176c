"""A page whose extraction runs out of memory (fault round 37): under `ulimit -v` of
2 GiB every page of a batch was rejected `extraction_failed` "MemoryError: Unable to
allocate 37.4 MiB ...", as if it had no text; now `out_of_memory`, naming the limit and
how to get the page back. The other pages of the batch are extracted as before."""

from __future__ import annotations

import tasks.extract.pages as pages
from tasks import extract
from tasks.common.settings import Settings, settings_slice
from tasks.extract.filters import out_of_memory
from tests.unit.extract.test_pages import docs_table

PAGE = ("<html><head><title>Council votes</title></head><body><article><h1>Council votes"
        "</h1>" + "<p>The council voted on Tuesday to extend the tram line to the northern "
        "districts, and residents said the works would take two years.</p>" * 6
        + "</article></body></html>").encode()


def test_the_verdict_names_the_limit_and_the_way_back() -> None:
    v = out_of_memory(MemoryError("Unable to allocate 37.4 MiB for an array"), 9_900_000,
                      2 * 2**30, "r37")
    assert v.reason == "out_of_memory"
    assert v.detail.startswith("MemoryError: Unable to allocate 37.4 MiB for an array (a page "
                               "of 9,900,000 bytes; this process may use 2.0 GiB (ulimit -v))")
    assert v.detail.endswith("`pressroom reprocess --run r37` extracts it from the archive")
    assert "no limit was set" in out_of_memory(MemoryError(), 10, None, "r").detail


def test_a_page_out_of_memory_is_its_own_reject_and_the_batch_goes_on(monkeypatch) -> None:
    real = pages.extract_html

    def tight(body, url, **kw):
        if url.endswith("/huge"):
            raise MemoryError("Unable to allocate 37.4 MiB for an array with shape (9816576,)")
        return real(body, url, **kw)

    monkeypatch.setattr(pages, "extract_html", tight)
    docs = docs_table([{"input_key": k, "url": f"https://gazette.example/{k}",
                        "source_kind": "url", "body": PAGE, "encoding": "utf-8"}
                       for k in ("a", "huge", "b")])
    result = extract.run(docs, settings_slice(extract.ExtractConfig, Settings()), "r37")
    assert sorted(result.table.column("input_key").to_pylist()) == ["a", "b"]
    assert [(r["input_key"], r["reason"]) for r in result.rejects] == [("huge", "out_of_memory")]
    assert "ulimit -v" in result.rejects[0]["detail"] or "no limit" in result.rejects[0]["detail"]


def test_the_verdict_is_one_sentence_with_or_without_a_limit() -> None:
    # (seed 64) the error's text is cut at 80 characters
    error = MemoryError("Unable to allocate " + "x" * 100)
    assert out_of_memory(error, 1234, None, "r").detail == (
        f"MemoryError: {str(error)[:80]} (a page of 1,234 bytes; no limit was set on this "
        "process's memory): raise the limit, then `pressroom reprocess --run r` extracts it "
        "from the archive")


def test_the_memory_limit_is_the_processes_soft_limit_of_address_space(monkeypatch) -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = 2**46 if soft == resource.RLIM_INFINITY else soft - 1  # (far above what runs)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        assert pages.memory_limit() == limit
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    monkeypatch.setattr(resource, "getrlimit",
                        lambda which: (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert pages.memory_limit() is None
