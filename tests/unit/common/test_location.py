"""The warehouse setting: local paths and file: URIs are folders; other filesystem URIs
are refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tasks.common.location import UnsupportedWarehouse, local_warehouse
from tasks.common.settings import Settings


@pytest.mark.parametrize("given", ["file:///data/news%20wh", "file:/data/news%20wh",
                                   Path("file:///data/news%20wh")])
def test_file_uris_name_the_local_folder(given):
    assert local_warehouse(given) == Path("/data/news wh")


@pytest.mark.parametrize("given", ["warehouse", "./ab:c", "/abs/wh", "C:\\wh"])
def test_plain_paths_stay_as_given(given):
    assert local_warehouse(given) == Path(given)


@pytest.mark.parametrize("given", ["s3://bucket/wh", "gs://bucket/wh", "hdfs://nn/wh",
                                   "abfs://c@acct.dfs.core.windows.net/wh", "mock:///wh",
                                   Path("s3://bucket/wh")])
def test_other_filesystems_are_refused_with_a_reason(given):
    with pytest.raises(UnsupportedWarehouse, match="local folder or a file:// URI"):
        local_warehouse(given)


@pytest.mark.parametrize("given", ["file://otherhost/data/wh", "file:///data/news wh"])
def test_a_file_uri_on_another_host_or_not_escaped_is_refused(given):
    with pytest.raises(UnsupportedWarehouse, match="not a valid local file URI"):
        local_warehouse(given)


def test_settings_take_the_uri_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", tmp_path.as_uri() + "/wh")
    assert Settings().warehouse == tmp_path / "wh"
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", "s3://bucket/wh")
    with pytest.raises(ValidationError, match="not s3://"):
        Settings()


# --- fault round 17: a `~` no shell expanded ----------------------------------------------

def test_a_tilde_in_a_path_setting_is_the_home_folder(monkeypatch, tmp_path):
    """pressroom.toml, a service's env file or a deployment's job variables reach
    pressroom without a shell: `warehouse = "~/news/wh"` made a folder named `~` where
    the run started and put the warehouse in it, without a word."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text('warehouse = "~/news/wh"\nseeds = "~/seeds"\n'
                                             'outlets_file = "~/outlets.toml"\n')
    s = Settings()
    assert (s.warehouse, s.seeds, s.outlets_file) == (
        tmp_path / "news/wh", tmp_path / "seeds", tmp_path / "outlets.toml")
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", "~/other")
    assert Settings().warehouse == tmp_path / "other"
    assert local_warehouse("~nobody-has-this-name/wh") == Path("~nobody-has-this-name/wh")
    assert local_warehouse("a/~/b") == Path("a/~/b")


def test_a_variable_in_a_path_setting_is_its_value(monkeypatch, tmp_path):
    """`warehouse = "$HOME/news/wh"` (pressroom.toml, a service's env file, a
    deployment's job variables: no shell read them) made a folder named `$HOME` where the
    run started and put the warehouse in it, without a word (round 18)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NEWS_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("NO_SUCH_VARIABLE_HERE", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text('warehouse = "$HOME/news/wh"\n'
                                             'seeds = "${NEWS_DATA}/seeds"\n')
    s = Settings()
    assert (s.warehouse, s.seeds) == (tmp_path / "news/wh", tmp_path / "data/seeds")
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", "${NEWS_DATA}/wh")
    assert Settings().warehouse == tmp_path / "data/wh"
    assert local_warehouse("$NEWS_DATA/wh") == tmp_path / "data/wh"
    # a variable no one set, and a `$` that names none, stay as written
    assert local_warehouse("/d/$NO_SUCH_VARIABLE_HERE/wh") == Path("/d/$NO_SUCH_VARIABLE_HERE/wh")
    assert local_warehouse("/d/$RECYCLE.BIN/${x-y}/$5") == Path("/d/$RECYCLE.BIN/${x-y}/$5")
