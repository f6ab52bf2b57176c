"""Inputs that cannot be read are rejects with a reason, never a silent skip (issue 11,
item 6): a missing path, a folder that cannot be listed, a file that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.common.settings import Settings, settings_slice
from tasks.discover.inputs import DiscoverConfig, discover

DUMP = " date 2024-05-02 https://news.example/a.html\nTitle\nBody text of the article.\n"


def _config() -> DiscoverConfig:
    return settings_slice(DiscoverConfig, Settings(_env_file=None))


def _refuse_listing(monkeypatch, folder: Path) -> None:
    """Make `folder` unlistable (chmod does not stop root, who runs the tests here)."""
    real = os.scandir

    def scandir(path="."):
        if Path(path).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unlistable_sub_folder_is_a_reject_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(DUMP, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(DUMP.replace("/a.html", "/b.html"), encoding="utf-8")
    _refuse_listing(monkeypatch, locked)
    found = discover([str(tmp_path)], "r1", _config())
    assert found.docs.column("url").to_pylist() == ["https://news.example/a.html"]
    assert [(r["reason"], r["source"], r["stage"]) for r in found.rejects] == [
        ("unreadable", str(locked), "discover")]
    assert "Permission denied" in found.rejects[0]["detail"]
    assert any("cannot be read" in n for n in found.notes)


def test_a_missing_path_is_a_not_found_reject(tmp_path):
    found = discover([str(tmp_path / "nope")], "r1", _config())
    assert found.docs.num_rows == 0
    assert [(r["reason"], r["input_key"]) for r in found.rejects] == [
        ("not_found", f"path:{tmp_path / 'nope'}")]


def test_an_unreadable_file_is_a_reject(tmp_path, monkeypatch):
    dump = tmp_path / "a.txt"
    dump.write_text(DUMP, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self == dump:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found = discover([str(tmp_path)], "r1", _config())
    assert [(r["reason"], r["source"]) for r in found.rejects] == [("unreadable", str(dump))]


def test_walk_files_is_sorted_and_does_not_follow_folder_links(tmp_path):
    from tasks.discover.inputs import walk_files

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, problems = walk_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["1.txt", "b/2.txt"]
    assert problems == []


def test_folders_that_cannot_be_listed_are_reported_in_path_order(tmp_path, monkeypatch):
    # a run is reproducible: the unreadable folders are noted in the same order every time,
    # whatever order os.walk met them in (faked: tests run as root, who can list anything)
    import os

    from tasks.discover import inputs

    def walk(folder, onerror):
        for name in ("z-private", "a-private"):
            onerror(PermissionError(13, "Permission denied", str(tmp_path / name)))
        return iter(())

    monkeypatch.setattr(inputs.os, "walk", walk)
    files, problems = inputs.walk_files(tmp_path)
    assert files == []
    assert [os.path.basename(p.path) for p in problems] == ["a-private", "z-private"]
    assert {p.reason for p in problems} == {"unreadable"}
    assert {p.detail for p in problems} == {"folder cannot be listed: Permission denied"}


def test_scrub_credentials_counts_the_rows_that_had_one():
    from tasks.discover.inputs import credentials_note, scrub_credentials

    rows = [{"url": "https://user:pw@a.example/1", "input_key": "https://user:pw@a.example/1"},
            {"url": "https://a.example/2"}]
    assert scrub_credentials(rows) == 1  # one row, though two of its fields had them
    assert rows[0]["url"] == rows[0]["input_key"] == "https://a.example/1"
    assert scrub_credentials([{"url": "https://a.example/2"}]) == 0
    assert credentials_note(0) == []


def test_pipes_dangling_links_and_link_loops_in_a_folder_are_rejects_not_silence(tmp_path):
    """Fault round 7: os.walk lists them as names and `is_file()` is False for each, so
    they were dropped without a reject or a note. A pipe is never opened (the read would
    block the run)."""
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.urls").symlink_to(tmp_path / "gone.urls")
    loop_a, loop_b = tmp_path / "loop-a.txt", tmp_path / "loop-b.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    found = discover([str(tmp_path)], "r1", _config())
    assert found.docs.column("url").to_pylist() == ["https://news.example/a.html"]
    got = {(Path(r["source"]).name, r["reason"]): r["detail"] for r in found.rejects}
    assert got == {
        ("dangling.urls", "not_found"): f"a symbolic link to {str(tmp_path / 'gone.urls')!r}, "
                                        "which does not exist (No such file or directory)",
        ("loop-a.txt", "unreadable"): f"a loop of symbolic links (to {str(loop_b)!r})",
        ("loop-b.txt", "unreadable"): f"a loop of symbolic links (to {str(loop_a)!r})",
        ("pipe.txt", "not_a_file"): "a named pipe (FIFO), not a file: not read",
    }
    assert {r["input_key"] for r in found.rejects} == {
        f"path:{tmp_path / n}" for n in ("dangling.urls", "loop-a.txt", "loop-b.txt", "pipe.txt")}
    assert sum("cannot be read" in n for n in found.notes) == 4


def test_a_pipe_or_dangling_link_named_on_the_command_line_says_what_it_is(tmp_path):
    """Named directly, a pipe was `not_found` "no such file or folder": a file that is
    there, described as missing."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = discover([str(tmp_path / "pipe.txt"), str(tmp_path / "dangling.txt")], "r1",
                     _config())
    assert [(r["reason"], r["detail"].split(",")[0]) for r in found.rejects] == [
        ("not_a_file", "a named pipe (FIFO)"),
        ("not_found", f"a symbolic link to {str(tmp_path / 'gone.txt')!r}")]


def test_file_names_that_are_no_utf8_are_read_and_stored_escaped(tmp_path):
    """A dump, a URL list and a bad dump whose names are latin-1 bytes: their rows and
    rejects name them with \\xNN escapes (Arrow holds no lone surrogate: the run ended
    with a SchemaError), the files themselves read by their real names."""
    from schemas import DOCUMENTS, REJECTS, conform

    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(DUMP, encoding="utf-8")
    (tmp_path / os.fsdecode(b"l\xefst.urls")).write_text("https://news.example/u\nnot a url\n",
                                                          encoding="utf-8")
    (tmp_path / os.fsdecode(b"b\xe0d.txt")).write_text("no header\n", encoding="utf-8")
    found = discover([str(tmp_path)], "r1", _config())
    conform(found.docs.to_pylist(), DOCUMENTS, "documents")
    conform(found.rejects, REJECTS, "rejects")
    assert sorted(zip(found.docs.column("url").to_pylist(),
                      found.docs.column("source").to_pylist(), strict=True)) == [
        ("https://news.example/a.html", f"{tmp_path}/caf\\xe9.txt"),
        ("https://news.example/u", f"{tmp_path}/l\\xefst.urls")]
    assert sorted((r["source"], r["reason"], r["detail"].split(" ")[0]) for r in found.rejects
                  ) == [(f"{tmp_path}/b\\xe0d.txt", "missing_header", "first"),
                        (f"{tmp_path}/l\\xefst.urls", "bad_url", "l\\xefst.urls:2")]


def test_a_file_gone_between_the_listing_and_its_check_cannot_be_read(tmp_path):
    # not a link: stat fails on the file itself (removed meanwhile, or a folder that
    # cannot be searched), and the reject says what the system said
    from tasks.discover.inputs import Unusable, not_a_file

    gone = tmp_path / "gone.txt"
    assert not_a_file(gone) == Unusable(str(gone), "unreadable",
                                        "cannot be read: No such file or directory")
    gone.write_text(DUMP, encoding="utf-8")
    assert not_a_file(gone) is None


def test_credentials_in_rejected_lines_are_removed_and_counted_too(tmp_path):
    urls = tmp_path / "a.urls"
    urls.write_text("https://user:pw@a.example/1\nhttps://user:pw@exa mple/x y\n",
                    encoding="utf-8")
    found = discover([str(urls)], "r1", _config())
    assert found.docs.column("url").to_pylist() == ["https://a.example/1"]
    [rej] = found.rejects
    assert rej["reason"] == "bad_url" and not any("pw@" in str(v) for v in rej.values())
    assert [n for n in found.notes if "user name or password" in n] == [
        "2 input(s) had a user name or password in a URL: removed before fetching or "
        "storing anything"]


def test_missing_inputs_are_the_paths_that_are_not_there(tmp_path):
    from tasks.discover.inputs import missing_inputs

    there = tmp_path / "a.urls"
    there.write_text("https://a.example/1\n", encoding="utf-8")
    gone = str(tmp_path / "gone.urls")
    assert missing_inputs(["https://a.example/x", "HTTP://a.example/y", "feed:https://a.example/rss",
                           "sitemap:http://a.example/s.xml", str(there), gone,
                           "ftp://a.example/z"]) == [gone, "ftp://a.example/z"]


def test_rejects_are_stamped_in_utc_when_no_time_is_given(tmp_path):
    # a path's reject, and a feed's, which discover_remote stamps with discover's `now`
    from datetime import timedelta

    feed = "https://a.example/rss"

    def fetch_urls(urls):
        return {feed: b"<html><body>no feed here</body></html>"}, [
            {"url": feed, "error": None, "content_type": "text/html"}]

    found = discover([str(tmp_path / "gone.txt"), f"feed:{feed}"], "r1", _config(),
                     fetch_urls)
    assert len(found.rejects) == 2
    assert all(r["rejected_at"].utcoffset() == timedelta(0) for r in found.rejects)


def test_a_remote_warc_is_read_through_the_opener_given(tmp_path):
    from tests.unit.discover.test_warc import write_cc_news_like

    local = tmp_path / "crawl.warc.gz"
    write_cc_news_like(local)
    opened: list[str] = []

    def opener(url):
        opened.append(url)
        return open(local, "rb")

    found = discover(["https://archive.example/crawl.warc.gz"], "r1", _config(),
                     warc_opener=opener)
    assert opened == ["https://archive.example/crawl.warc.gz"]
    assert found.docs.column("url").to_pylist() == [
        "https://news.example/a", "https://news.example/b", "https://news.example/c"]


def test_a_dump_whose_url_has_no_canonical_form_says_why(tmp_path):
    dump = tmp_path / "a.txt"
    dump.write_bytes(b" date 2024-05-01 https://a.example:99999/x\nTitle\nBody.\n")
    [rej] = discover([str(dump)], "r1", _config()).rejects
    assert (rej["reason"], rej["detail"]) == (
        "bad_url", "malformed URL 'https://a.example:99999/x': Port out of range 0-65535")


def test_a_path_that_is_no_utf8_named_on_the_command_line_reaches_the_run_and_is_read(
        tmp_path):
    """Fault round 41: a file or folder named on the command line whose name is latin-1
    bytes (Python gives them as lone surrogates) reached Prefect as a flow parameter,
    which must be UTF-8: `pressroom ingest '/data/d\\xe9p/a.txt'` started the server, then
    ended "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udce9' ...:
    surrogates not allowed" with a traceback, exit 1 (the same file read fine from its
    folder's walk, round 7). The command line's inputs are handed over as the tables
    name such paths (\\xNN escapes: `given_inputs`), and discover reads such a name as
    the file it stands for when no file bears it literally (`input_path`)."""
    import json

    from tasks.discover.inputs import given_inputs

    folder = tmp_path / os.fsdecode(b"d\xe9p")
    folder.mkdir()
    (folder / "a.txt").write_text(DUMP, encoding="utf-8")
    (folder / os.fsdecode(b"l\xefst.urls")).write_text("https://news.example/u\n",
                                                       encoding="utf-8")
    raw = [str(folder / "a.txt"), str(folder / os.fsdecode(b"l\xefst.urls")),
           "https://user:pw@news.example/x"]
    given, credentials = given_inputs(raw)
    json.dumps(given, ensure_ascii=False).encode("utf-8")  # what Prefect stores: UTF-8
    assert given[0] == f"{tmp_path}/d\\xe9p/a.txt" and credentials
    assert given[2] == "https://news.example/x"
    found = discover(given[:2], "r1", _config())
    assert found.rejects == []
    assert sorted(zip(found.docs.column("url").to_pylist(),
                      found.docs.column("source").to_pylist(), strict=True)) == [
        ("https://news.example/a.html", f"{tmp_path}/d\\xe9p/a.txt"),
        ("https://news.example/u", f"{tmp_path}/d\\xe9p/l\\xefst.urls")]
    # the folder itself, named so, is walked as its real name is
    found = discover(given_inputs([str(folder)])[0], "r1", _config())
    assert len(found.docs) == 2 and found.rejects == []
    # a name that is literally `\xe9` (a backslash in it) is that file, as before
    literal = tmp_path / "lit\\xe9.txt"
    literal.write_text(DUMP, encoding="utf-8")
    (tmp_path / os.fsdecode(b"lit\xe9.txt")).write_text("no header\n", encoding="utf-8")
    found = discover([str(literal)], "r1", _config())
    assert len(found.docs) == 1 and found.rejects == []
