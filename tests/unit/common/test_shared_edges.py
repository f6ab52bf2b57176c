"""Edges of the shared helpers that land in the warehouse or decide a fetch: persisted
content hashes, UTF-8 detection ratios, codings' reason codes, ledger batches, address
parsing, pool set-up, settings slices and sources-file messages and delays."""

from __future__ import annotations

import gzip
import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from tasks.common import parallel
from tasks.common.charset import _utf8_ok
from tasks.common.codings import CodingError, decode_one
from tasks.common.ledger import Ledger
from tasks.common.netguard import embedded_ipv4, parse_ipv4_legacy
from tasks.common.result import Verdict, reject_record
from tasks.common.settings import Settings, settings_slice
from tasks.common.sourcesfile import SourcesFileError, host_delays, parse_sources
from tasks.common.text import content_hash
from tasks.common.urls import BadURL, canonical_url


def test_content_hashes_are_stable_across_releases() -> None:
    # Persisted in ARTICLES and compared by dedup: a change makes every article a revision.
    assert content_hash("The mayor said yes.") == "0e5765efd5a12ccf90c3310167a7d2b8"
    assert content_hash("  THE mayor\n said   yes. ") == "0e5765efd5a12ccf90c3310167a7d2b8"


def test_utf8_with_a_few_broken_bytes_is_still_utf8_up_to_one_in_ten() -> None:
    valid = ("é" * 100).encode("utf-8")
    assert _utf8_ok(valid + b"\xff" * 10)  # 10 invalid per 100 valid: still UTF-8
    assert not _utf8_ok(valid + b"\xff" * 11)
    # latin-1 text: every non-ASCII byte invalid, a handful of valid ones do not save it
    assert not _utf8_ok(("é" * 5).encode("utf-8") + "café crème".encode("latin-1") * 3)
    assert not _utf8_ok(b"plain ascii \xff")  # no valid non-ASCII at all


def test_a_truncated_gzip_stream_is_bad_compression_when_strict() -> None:
    cut = gzip.compress(b"<urlset>" * 1000)[:-8]
    assert decode_one(cut, "gzip", 1 << 20).startswith(b"<urlset>")  # lenient: the prefix
    with pytest.raises(CodingError) as info:
        decode_one(cut, "gzip", 1 << 20, strict=True)
    assert info.value.kind == "bad_compression"


def test_ledger_batches_add_every_count() -> None:
    ledger = Ledger()
    ledger.record("fetch", received=5, passed=1, rejected=1, failed=1, skipped=2)
    ledger.record("fetch", received=4, passed=1, rejected=0, failed=2, skipped=1)
    s = ledger.stages[0]
    assert (s.received, s.passed, s.rejected, s.failed, s.skipped) == (9, 2, 1, 3, 3)
    ledger.check()


def test_legacy_ipv4_forms_and_embedded_ipv4() -> None:
    assert parse_ipv4_legacy("255.1") == ipaddress.IPv4Address("255.0.0.1")
    assert parse_ipv4_legacy("256.1") is None
    assert embedded_ipv4(ipaddress.ip_address("::2")) == ipaddress.IPv4Address("0.0.0.2")
    assert embedded_ipv4(ipaddress.ip_address("::1")) is None  # loopback, not IPv4


def test_one_worker_means_one_and_pools_are_forkserver_pools() -> None:
    assert parallel.worker_count(1) == 1
    pool = parallel._pool(3)
    try:
        assert pool._max_workers == 3
        assert pool._mp_context.get_start_method() == "forkserver"
        assert parallel._pool(3) is pool  # reused by later batches
    finally:
        pool.shutdown()
        parallel._POOL, parallel._POOL_SIZE = None, 0


def test_reject_record_keeps_its_time() -> None:
    at = datetime(2024, 5, 3, tzinfo=UTC)
    row = reject_record({"url": "https://a.example/"}, "clean", Verdict("r", "d"), "run", at=at)
    assert row["rejected_at"] == at


@dataclass(frozen=True)
class _Slice:
    batch_size: int
    min_words: int


def test_settings_slice_takes_settings_overrides_and_refuses_unknown_fields(
        tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_MIN_WORDS", "77")
    assert settings_slice(_Slice) == _Slice(Settings().batch_size, 77)  # default: Settings()
    assert settings_slice(_Slice, Settings(min_words=5)).min_words == 5
    assert settings_slice(_Slice, Settings(min_words=5), min_words=9).min_words == 9

    @dataclass(frozen=True)
    class Bad:
        batch_size: int
        no_such_setting: int

    with pytest.raises(TypeError, match=r"\['no_such_setting'\]"):
        settings_slice(Bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nname = "A"\nfeeds = ["ftp://x"]',
         "sources.toml: [[source]] #1 ('A') feeds: not an absolute http(s) URL: 'ftp://x'"),
        ('[[source]]\nname = "A"\n[[source]]\nfeeds = []',
         "sources.toml: [[source]] #2 name: Field required"),
        ("version = 2", "sources.toml: version: Input should be 1"),
        ('source = "x"', "sources.toml: source: Input should be a valid list"),
        ('source = ["x"]', "sources.toml: [[source]] #1: Input should be a valid dictionary "
         "or instance of Source"),
    ],
)
def test_sources_file_messages_say_where(text: str, message: str) -> None:
    with pytest.raises(SourcesFileError) as info:
        parse_sources(text)
    assert str(info.value) == message


def test_a_source_without_delay_gets_none() -> None:
    cfg = parse_sources('[[source]]\nname = "A"\nfeeds = ["https://a.example/rss"]\n'
                        'delay_s = 0\n')
    assert host_delays(cfg) == {"a.example": 0.0}


@pytest.mark.parametrize("value", [None, "", 123, b"https://a.example/"])
def test_canonical_url_refuses_what_is_not_a_url_string(value) -> None:
    with pytest.raises(BadURL):
        canonical_url(value)
