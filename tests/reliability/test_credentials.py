"""Credentials in input URLs never reach the warehouse (issue 11, item 10): after a run
over URLs with user:password@, no byte under the warehouse - Parquet (decoded), WARC
(decompressed), manifests, report, DuckDB - nor the command's output holds the password
or its Basic-auth form."""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tasks.common.settings import Settings
from tasks.common.urls import strip_userinfo

PASSWORD = "Hunter2-s3cret-pw"
USER = "reporter"


def _needles() -> list[bytes]:
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return [PASSWORD.encode(), basic.encode(), f"{USER}:".encode()]


def _readable_bytes(path: Path) -> bytes:
    """The file's bytes, plus its decoded content where it is compressed."""
    raw = path.read_bytes()
    if path.suffix == ".parquet":
        return raw + repr(pq.read_table(path).to_pylist()).encode()
    if path.name.endswith(".gz"):
        return raw + gzip.decompress(raw)
    return raw


def test_strip_userinfo():
    assert strip_userinfo("http://u:p@h.example/a?b=c@d") == "http://h.example/a?b=c@d"
    assert strip_userinfo("feed:https://u@h.example/rss") == "feed:https://h.example/rss"
    assert strip_userinfo("https://u:p@ss@h.example:8080/") == "https://h.example:8080/"
    assert strip_userinfo("see http://a:b@x.example/ and mailto:c@d.example") == (
        "see http://x.example/ and mailto:c@d.example")
    assert strip_userinfo("/data/user@host/dump.txt") == "/data/user@host/dump.txt"


@pytest.mark.integration
def test_no_credential_reaches_the_warehouse(prefect_harness, tmp_path, warehouse, news_site,
                                            capsys):
    from flows.ingest import ingest

    host = news_site.removeprefix("http://")
    secret = f"http://{USER}:{PASSWORD}@{host}"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "site.urls").write_text(f"{secret}/news/harbour-bridge-reopens.html\n"
                                      f"{secret}/gone.html\n", encoding="utf-8")
    (folder / "dump.txt").write_text(
        f" date 2024-05-02 {secret}/news/dumped.html\nA dumped story\n"
        + "The council met on Tuesday to discuss the harbour budget for next year. " * 6,
        encoding="utf-8")
    settings = Settings(warehouse=warehouse, allowed_networks=["127.0.0.0/8"], min_words=20,
                        per_host_delay_s=0.01)
    manifest = ingest(inputs=[str(folder), f"{secret}/news/library-turns-100.html"],
                      settings=settings)

    assert manifest["totals"]["kept"] >= 2
    assert any("user name or password" in n for n in manifest["notes"])
    files = [p for p in warehouse.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".warc.gz") for p in files)
    leaks = [(str(p.relative_to(warehouse)), n) for p in files for n in _needles()
             if n in _readable_bytes(p)]
    assert leaks == []
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err


def test_no_setting_looks_like_a_secret():
    """The run manifest stores settings.model_dump(): a setting that holds a secret would
    be written to every manifest. A new one needs excluding from it first (then change
    this test)."""
    secretish = ("password", "passwd", "secret", "token", "api_key", "apikey", "auth",
                 "cookie", "credential", "proxy")
    fields = [f for f in Settings.model_fields if any(w in f.lower() for w in secretish)]
    assert fields == []
