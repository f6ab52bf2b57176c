"""warehouse_problem on folders built here: what it refuses, with which sentence, and that it
creates nothing. The commands' exit codes are tests/reliability/test_preflight.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.storage import preflight
from tasks.storage.preflight import warehouse_problem
from tasks.storage.warehouse import MANIFESTS


def test_a_missing_warehouse_under_a_writable_folder_is_fine_and_nothing_is_created(tmp_path):
    assert warehouse_problem(tmp_path / "new" / "wh", write=True) is None
    assert warehouse_problem(str(tmp_path / "new" / "wh"), write=False) is None
    assert list(tmp_path.iterdir()) == []  # not the folders, not the probe file


def test_an_existing_warehouse_with_table_folders_is_fine(tmp_path):
    for name in ("articles", "rejects", MANIFESTS, "raw"):
        (tmp_path / name).mkdir()
    assert warehouse_problem(tmp_path, write=True) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["articles", "rejects", MANIFESTS, "raw"])


@pytest.mark.parametrize("name", ["articles", "raw", MANIFESTS])
def test_a_table_or_run_folder_that_is_a_file_is_named(tmp_path, name):
    (tmp_path / name).write_text("", encoding="utf-8")
    problem = warehouse_problem(tmp_path, write=False)
    assert problem == f"warehouse {tmp_path}: {tmp_path / name} should be a folder but is a file"


def test_a_warehouse_that_is_a_file_or_under_a_file(tmp_path):
    f = tmp_path / "wh"
    f.write_text("", encoding="utf-8")
    assert warehouse_problem(f, write=False) == f"warehouse {f} is not a folder"
    assert warehouse_problem(f / "sub", write=True) == \
        f"warehouse {f / 'sub'} cannot be created: {f} is not a folder"


def test_an_unreadable_warehouse_is_refused(tmp_path, monkeypatch):
    # Root reads everything: ask os.access as the check does, and answer no for this folder.
    real = preflight.os.access
    asked = []

    def access(path, mode):
        asked.append((path, mode))
        return False if path == tmp_path else real(path, mode)

    monkeypatch.setattr(preflight.os, "access", access)
    assert warehouse_problem(tmp_path, write=False) == f"warehouse {tmp_path} is not readable"
    assert asked == [(tmp_path, preflight.os.R_OK | preflight.os.X_OK)]


def test_an_unwritable_folder_or_parent_is_named(tmp_path, monkeypatch):
    def refuse(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(preflight, "_probe_write", refuse)
    assert warehouse_problem(tmp_path, write=True) == \
        f"warehouse {tmp_path} is not writable (Permission denied)"
    missing = tmp_path / "a" / "wh"
    assert warehouse_problem(missing, write=True) == \
        f"warehouse {missing}: its parent {tmp_path} is not writable (Permission denied)"
    assert warehouse_problem(missing, write=False) is None  # queries need no writing


def test_an_unwritable_warehouse_named_by_a_relative_path_is_not_called_its_parent(
        tmp_path, monkeypatch):
    """`--warehouse wh` (relative) of an existing folder no one may write: the warehouse
    itself is named, as for an absolute path. It read "warehouse wh: its parent wh is not
    writable", the folder taken for its own parent."""
    def refuse(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(preflight, "_probe_write", refuse)
    (tmp_path / "wh").mkdir()
    monkeypatch.chdir(tmp_path)
    assert warehouse_problem(Path("wh"), write=True) == \
        "warehouse wh is not writable (Permission denied)"
    assert warehouse_problem(Path("wh") / "new", write=True) == \
        f"warehouse {Path('wh') / 'new'}: its parent {tmp_path / 'wh'} is not writable " \
        "(Permission denied)"


def test_a_missing_warehouse_for_a_command_that_reads_one_is_named_with_the_way_out(
        tmp_path):
    """`sql`, `runs`, `search`, `diff`, `reindex` on a mistyped path: the sentence says
    how a warehouse is named and made; a missing folder is fine for the others."""
    missing = tmp_path / "typo"
    for write in (False, True):
        assert warehouse_problem(missing, write=write, existing=True) == (
            f"no warehouse at {missing}: no such folder (name it with --warehouse or "
            "PRESSROOM_WAREHOUSE; `pressroom ingest` makes one)")
    assert warehouse_problem(missing, write=False) is None
    assert not missing.exists()


def test_the_write_probe_leaves_no_file(tmp_path):
    preflight._probe_write(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_write_probe_is_made_in_the_warehouse_or_its_nearest_existing_parent(
        tmp_path, monkeypatch):
    probed = []
    monkeypatch.setattr(preflight, "_probe_write", probed.append)
    (tmp_path / "wh").mkdir()
    assert warehouse_problem(tmp_path / "wh", write=True) is None
    assert warehouse_problem(tmp_path / "a" / "wh", write=True) is None
    assert probed == [tmp_path / "wh", tmp_path]


def test_the_write_probe_of_a_folder_that_does_not_exist_fails(tmp_path):
    with pytest.raises(FileNotFoundError):
        preflight._probe_write(tmp_path / "missing")


def test_the_search_folder_that_is_a_file_is_named(tmp_path):
    """Fault round 7: `search` was not among the run's folders; a file there failed the
    run after its commit (FileExistsError at the index task), and every later run."""
    from tasks.storage.search import SEARCH_DIR

    (tmp_path / SEARCH_DIR).write_text("", encoding="utf-8")
    assert warehouse_problem(tmp_path, write=True) == (
        f"warehouse {tmp_path}: {tmp_path / SEARCH_DIR} should be a folder but is a file")


@pytest.mark.parametrize("name", [".writer.lock", "pressroom.duckdb", ".pressroom.duckdb.lock",
                                  "reports/latest.html"])
def test_a_file_of_the_run_that_is_a_folder_is_named(tmp_path, name):
    """Fault round 7: a folder where the run opens or replaces a file was a traceback
    (IsADirectoryError), for all but the lock after the batch had committed."""
    (tmp_path / name).mkdir(parents=True)
    for write in (True, False):
        assert warehouse_problem(tmp_path, write=write) == (
            f"warehouse {tmp_path}: {tmp_path / name} should be a file but is a folder "
            "(move it away: a run makes the file)")


def test_the_files_named_are_the_ones_the_run_writes():
    from tasks.storage import report, warehouse

    assert preflight._RUN_FILES[:3] == (warehouse.WRITER_LOCK, report.DB_NAME,
                                        f".{report.DB_NAME}.lock")


def test_a_report_out_path_is_checked_before_any_work(tmp_path, monkeypatch):
    """`pressroom report --out`: a folder, a folder at `<out>.tmp`, a file among its
    parents and an unwritable parent each get a sentence; a new file under a folder that
    does not exist yet is fine (the report makes it)."""
    from tasks.storage.preflight import report_target_problem

    (tmp_path / "dir").mkdir()
    (tmp_path / "f").write_text("x")
    (tmp_path / "r.html.tmp").mkdir()
    assert report_target_problem(tmp_path / "dir") == (
        f"--out {tmp_path / 'dir'} is a folder: name the report's file "
        f"(e.g. {tmp_path / 'dir' / 'report.html'})")
    assert report_target_problem(tmp_path / "r.html") == (
        f"--out {tmp_path / 'r.html'}: {tmp_path / 'r.html.tmp'} is a folder, where the "
        "report is written before renaming")
    assert report_target_problem(tmp_path / "f" / "deeper" / "r.html") == (
        f"--out {tmp_path / 'f' / 'deeper' / 'r.html'} cannot be written: "
        f"{tmp_path / 'f'} is a file, not a folder")
    assert report_target_problem(tmp_path / "new" / "sub" / "r.html") is None
    assert report_target_problem(tmp_path / "f") is None  # an existing file is replaced

    def refuse(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(preflight, "_probe_write", refuse)
    assert report_target_problem(tmp_path / "dir" / "r.html") == (
        f"--out {tmp_path / 'dir' / 'r.html'} cannot be written: {tmp_path / 'dir'} is not "
        "writable (Permission denied)")


# Round 20: files in manifests/ that are no commit of the warehouse.
def _committed(root: Path) -> Path:
    from tests.reliability.warehouses import committed_warehouse

    return committed_warehouse(root)


def test_hidden_files_beside_the_manifests_are_no_commits(tmp_path):
    """macOS's `._<name>` (written beside each file copied to a USB stick or a share) was
    refused as a damaged manifest, "restore it from a backup"; Emacs's `.#<name>` lock
    (a link to nowhere, while a manifest is open in it) a FileNotFoundError traceback."""
    from tasks.storage.warehouse import listed_files, manifests, run_manifests

    wh = _committed(tmp_path / "wh")
    before = manifests(wh)
    name = sorted(p.name for p in (wh / MANIFESTS).iterdir())[0]
    (wh / MANIFESTS / f"._{name}").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X  \xff")
    (wh / MANIFESTS / f".#{name}").symlink_to("user@host.4242:1700000000")
    assert warehouse_problem(wh, write=True) is None
    assert manifests(wh) == before
    assert [m["run_id"] for m in run_manifests(wh)] == [m["run_id"] for m in before]
    assert listed_files(wh)
    # the views read the manifests too: the runs view failed "Malformed JSON" on the
    # `._` file, and every data test and report with it
    from tasks.storage.report import build_views, connect_views, run_data_tests

    db = build_views(wh)
    con = connect_views(db)
    try:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (len(before),)
    finally:
        con.close()
    assert not any(run_data_tests(db).values())


@pytest.mark.parametrize(("text", "what"), [
    ("[]", "JSON an array without a run_id"),
    ('{"note": "copied by hand"}', "JSON an object without a run_id"),
    ('"x"', "JSON a string without a run_id"),
])
def test_json_in_manifests_that_is_no_commit_is_named_not_a_traceback(tmp_path, text, what):
    """An array raised AttributeError out of every command, an object without a run_id
    KeyError out of `pressroom runs`."""
    wh = _committed(tmp_path / "wh")
    (wh / MANIFESTS / "notes.json").write_text(text)
    problem = warehouse_problem(wh, write=False)
    assert problem is not None and "notes.json is no commit manifest" in problem
    assert what in problem and "move it out of the warehouse" in problem
    assert "backup" not in problem


def test_a_manifest_that_is_a_link_to_nothing_or_no_utf8_is_named(tmp_path):
    wh = _committed(tmp_path / "wh")
    (wh / MANIFESTS / "20991231T000000Z-000009.json").symlink_to(tmp_path / "gone.json")
    problem = warehouse_problem(wh, write=False)
    assert problem is not None and "20991231T000000Z-000009.json is unreadable" in problem
    (wh / MANIFESTS / "20991231T000000Z-000009.json").unlink()
    (wh / MANIFESTS / "20991231T000000Z-000009.json").write_bytes(b'{"run_id": "\xff"}')
    problem = warehouse_problem(wh, write=False)
    assert problem is not None and "is unreadable" in problem


def _refusing(paths, probe):
    """A probe that refuses `paths` (root writes everywhere: the refusal is simulated)."""
    def refuse(path):
        if Path(path) in paths:
            raise PermissionError(13, "Permission denied")
        return probe(path)
    return refuse


@pytest.mark.parametrize("name", ["articles", "rejects", "raw", MANIFESTS, "search"])
def test_a_table_or_run_folder_a_run_cannot_write_is_named_before_the_run(
        tmp_path, monkeypatch, name):
    """Fault round 29: a table folder left read-only (made by a run under sudo, a restored
    backup) was not probed: the run did all its work, then pyarrow's PermissionError
    traceback at its first commit."""
    for sub in ("articles", "rejects", "raw", MANIFESTS, "search"):
        (tmp_path / sub).mkdir()
    monkeypatch.setattr(preflight, "_probe_write",
                        _refusing({tmp_path / name}, preflight._probe_write))
    problem = warehouse_problem(tmp_path, write=True)
    assert problem == (
        f"warehouse {tmp_path}: {tmp_path / name} is not writable (Permission denied): a run "
        "writes there; was it made by another user (a run under sudo)? Give the warehouse "
        "to the user who runs pressroom (chown -R) or make it writable")
    assert warehouse_problem(tmp_path, write=False) is None  # queries write nothing there


@pytest.mark.parametrize("name", [".writer.lock", ".pressroom.duckdb.lock"])
def test_a_lock_file_a_run_cannot_open_for_writing_is_named(tmp_path, monkeypatch, name):
    """Fault round 29: a `.writer.lock` of another user's was a PermissionError traceback."""
    (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(preflight, "_probe_append",
                        _refusing({tmp_path / name}, preflight._probe_append))
    assert warehouse_problem(tmp_path, write=True) == (
        f"warehouse {tmp_path}: its lock file {tmp_path / name} cannot be opened for writing "
        "(Permission denied): a run writes there; was it made by another user (a run under "
        "sudo)? Give the warehouse to the user who runs pressroom (chown -R) or make it "
        "writable")


def test_the_lock_probe_writes_nothing(tmp_path):
    lock = tmp_path / ".writer.lock"
    lock.write_text("run r1 (pid 7)", encoding="utf-8")
    preflight._probe_append(lock)
    assert lock.read_text(encoding="utf-8") == "run r1 (pid 7)"


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
def test_a_lock_file_that_can_be_read_but_not_written_is_named(tmp_path):
    # seed 61: the probe opens the lock as its lock is taken, for appending, not only for
    # reading. /proc/version is a file the kernel opens for reading and refuses for
    # appending, whoever asks (root too, for whom permission bits do not count)
    (tmp_path / ".writer.lock").symlink_to("/proc/version")
    problem = warehouse_problem(tmp_path, write=True)
    assert problem.startswith(f"warehouse {tmp_path}: its lock file {tmp_path / '.writer.lock'}"
                              " cannot be opened for writing (")


def test_a_manifest_saved_with_a_byte_order_mark_is_read_as_its_json(tmp_path):
    """Fault round 41: a manifest opened and saved in an editor that writes UTF-8 with a
    byte-order mark (Notepad, a Windows share) was refused as damaged, "Unexpected UTF-8
    BOM ... restore it from a backup": every command, `sql` and `runs` too, exit 2, while
    its JSON was whole (DuckDB's runs view reads it). pressroom.toml's BOM is read so too."""
    from tasks.storage.warehouse import listed_files, manifests

    wh = _committed(tmp_path / "wh")
    before, files = manifests(wh), listed_files(wh)
    for path in sorted((wh / MANIFESTS).glob("*.json")):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert warehouse_problem(wh, write=True) is None
    assert manifests(wh) == before and listed_files(wh) == files


@pytest.mark.parametrize(("field", "value", "said"), [
    ("started_at", 1717000000, "started_at 1717000000, where text (an ISO 8601 time)"),
    ("finished_at", ["2024-05-01"], "finished_at ['2024-05-01'], where text"),
    ("batch", "2", "batch '2', where a whole number"),
    ("files", ["articles/x.parquet"], "files ['articles/x.parquet'], where an object"),
    ("files", {"articles": "articles/x.parquet"},
     "files.articles 'articles/x.parquet', where a list of paths"),
    ("replaces", "articles/x.parquet", "replaces 'articles/x.parquet', where a list of paths"),
    ("files", {"articles": ["/srv/other/articles/x.parquet"]},
     "files.articles '/srv/other/articles/x.parquet', a path outside the warehouse"),
    ("replaces", ["articles/../../keep.parquet"],
     "replaces 'articles/../../keep.parquet', a path outside the warehouse"),
])
def test_a_manifest_edited_with_a_field_of_another_type_is_named_not_a_traceback(
        tmp_path, field, value, said):
    """Fault round 41: a run manifest edited by hand or by a script (an epoch for its
    start, `files` as a bare list) ended every command, `runs` and `sql` too, with
    "TypeError: '<' not supported between instances of 'str' and 'int'" (the commits are
    sorted by started_at and batch) or "AttributeError: 'list' object has no attribute
    'items'", and a string where a list of paths goes was read character by character
    as paths. A path outside the warehouse (absolute, or climbing out with `..`) was read
    as a committed file, and `compact` deletes the files a manifest `replaces`. Named
    now, with what to do, as a damaged manifest is."""
    import json

    from typer.testing import CliRunner

    from flows.cli import app

    wh = _committed(tmp_path / "wh")
    path = sorted((wh / MANIFESTS).glob("*.json"))[0]
    manifest = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**manifest, field: value}), "utf-8")
    problem = warehouse_problem(wh, write=False)
    assert problem is not None and path.name in problem and said in problem, problem
    assert "restore it from a backup" in problem
    for command in (["runs"], ["sql", "SELECT count(*) FROM articles"], ["compact"]):
        out = CliRunner().invoke(app, [*command, "-w", str(wh)])
        assert out.exit_code == 2 and "Traceback" not in out.output, (out.output, out.exception)
        assert said in " ".join(out.output.split()), out.output


def test_a_manifest_whose_start_is_null_is_read_as_one_without_a_start(tmp_path):
    """Fault round 41: `"started_at": null` (`jq '.started_at = null'`) was the TypeError
    above out of every command; a manifest without the key sorts first (seed 63), and
    so does this one now."""
    import json

    from tasks.storage.warehouse import manifests

    wh = _committed(tmp_path / "wh")
    path = sorted((wh / MANIFESTS).glob("*.json"))[-1]
    manifest = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**manifest, "started_at": None, "batch": None}), "utf-8")
    assert warehouse_problem(wh, write=True) is None
    assert manifests(wh)[0]["run_id"] == manifest["run_id"]


@pytest.mark.parametrize("field", ["started_at", "finished_at"])
def test_a_run_whose_start_or_end_is_no_time_is_listed_without_it(tmp_path, field):
    """Round 41's known item: a run manifest's start or end edited into text that is no
    time ("yesterday") failed every query of the runs view ("invalid timestamp field
    format"), the data tests and report with it. The run is listed, that time NULL."""
    import json

    from tasks.storage.report import build_views, connect_views, run_data_tests
    from tasks.storage.warehouse import run_manifests

    wh = _committed(tmp_path / "wh")
    edited = run_manifests(wh)[-1]["run_id"]
    path = next(p for p in (wh / MANIFESTS).glob("*.json")
                if json.loads(p.read_text("utf-8")).get("run_id") == edited
                and json.loads(p.read_text("utf-8")).get("kind", "run") == "run")
    manifest = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**manifest, field: "yesterday"}), "utf-8")
    db = build_views(wh)
    con = connect_views(db)
    try:
        rows = dict(con.execute(f"SELECT run_id, {field} FROM runs").fetchall())
    finally:
        con.close()
    assert len(rows) == len(run_manifests(wh)) and rows[edited] is None
    if field == "started_at":  # (these runs were written without an end)
        assert all(v is not None for k, v in rows.items() if k != edited)
    assert not any(run_data_tests(db).values())


def test_compact_never_deletes_a_file_outside_the_warehouse_a_manifest_names(tmp_path):
    """Fault round 41: `compact` first deletes the files earlier compactions `replaces`;
    a manifest naming an absolute path there (copied from elsewhere, edited) had it
    delete that file, outside the warehouse, and go on. Now the manifest is named and
    nothing is deleted."""
    import json

    from typer.testing import CliRunner

    from flows.cli import app

    wh = _committed(tmp_path / "wh")
    keep = tmp_path / "keep.parquet"
    keep.write_bytes(b"another tool's file")
    path = sorted((wh / MANIFESTS).glob("*.json"))[0]
    manifest = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**manifest, "replaces": [str(keep)]}), "utf-8")
    out = CliRunner().invoke(app, ["compact", "--min-files", "0", "-w", str(wh)])
    assert out.exit_code == 2 and "a path outside the warehouse" in " ".join(out.output.split())
    assert keep.read_bytes() == b"another tool's file"


def test_commits_of_a_newer_schema_refuse_writes_and_leave_reads(tmp_path):
    """Mutation seed 67: the newest schema version among the commits decides (a number;
    anything else in the field is no version), and only a newer one than this
    pressroom's refuses a command that writes; a read goes on. (The commands' exit codes
    are tests/reliability/test_preflight.py's.)"""
    import json

    from schemas import SCHEMA_VERSION
    from tasks.storage.preflight import newer_schema_problem

    older, ours, newer = SCHEMA_VERSION - 1, SCHEMA_VERSION, SCHEMA_VERSION + 1
    assert newer_schema_problem(tmp_path, [{"schema_version": older},
                                           {"schema_version": ours}, {}]) is None
    assert newer_schema_problem(tmp_path, [{"schema_version": str(newer)},
                                           {"schema_version": None}]) is None
    assert newer_schema_problem(tmp_path, []) is None
    problem = newer_schema_problem(tmp_path, [{"schema_version": ours},
                                              {"schema_version": newer + 2},
                                              {"schema_version": newer}])
    assert f"schema version {newer + 2}" in problem and f"schema version {ours}" in problem
    assert str(tmp_path) in problem

    wh = _committed(tmp_path / "wh")
    assert warehouse_problem(wh, write=True) is None
    newest = sorted((wh / MANIFESTS).glob("*.json"))[-1]
    manifest = json.loads(newest.read_text(encoding="utf-8"))
    newest.write_text(json.dumps({**manifest, "schema_version": newer}), encoding="utf-8")
    problem = warehouse_problem(wh, write=True)
    assert problem is not None and f"schema version {newer}" in problem
    assert f"warehouse {wh} " in problem
    assert warehouse_problem(wh, write=False) is None


def test_a_warehouse_under_a_question_mark_is_refused_for_writes_only(tmp_path):
    """Mutation seed 67 (fault round 38's rule, tested end to end in
    tests/reliability): DuckDB reads what follows '?' in a database path as options, so
    a command that builds the views there is refused before any work; a query is not."""
    root = tmp_path / "star*q?" / "wh"
    problem = warehouse_problem(root, write=True)
    assert problem is not None and str(root) in problem and "?" in problem
    assert warehouse_problem(root, write=False) is None
    assert warehouse_problem(tmp_path / "starq" / "wh", write=True) is None


def test_a_manifest_fields_value_is_named_as_json_null_or_its_repr_up_to_120_characters():
    """Mutation seed 68: a null where an object or a list goes is named as JSON writes it
    (`null`, not Python's None); another value by its repr, whole up to 120 characters,
    past that its first 119 and an ellipsis (a manifest may hold a field of any size)."""
    from tasks.storage.warehouse import manifest_shape_problem

    assert manifest_shape_problem({"run_id": "r", "files": None}) == (
        "files null, where an object of a list of paths per table is written")
    assert manifest_shape_problem({"run_id": "r", "files": {"articles": None}}) == (
        "files.articles null, where a list of paths is written")
    whole = "x" * 118  # its repr: 120 characters
    assert manifest_shape_problem({"run_id": "r", "batch": whole}) == (
        f"batch '{whole}', where a whole number is written")
    long = "x" * 119
    assert manifest_shape_problem({"run_id": "r", "batch": long}) == (
        f"batch '{long[:118]}…, where a whole number is written")
    assert manifest_shape_problem({"run_id": "r", "replaces": ["/srv/x.parquet"]}) == (
        "replaces '/srv/x.parquet', a path outside the warehouse (each is relative to it, "
        "e.g. articles/<commit>.parquet)")
