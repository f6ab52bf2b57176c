"""One typed settings object: defaults, PRESSROOM_<NAME> env vars, pressroom.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tasks.common.settings import Settings


def test_env_var_wins_over_toml_which_wins_over_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text(
        'warehouse = "/data/from-toml"\nbatch_size = 50\nmin_words = 80\n', encoding="utf-8")
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", "/data/from-env")
    s = Settings()
    assert s.warehouse == Path("/data/from-env")  # env
    assert s.batch_size == 50 and s.min_words == 80  # toml
    assert s.per_host_delay_s == 1.0  # default


def test_list_settings_from_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_ALLOWED_NETWORKS", '["127.0.0.0/8"]')
    assert Settings().allowed_networks == ["127.0.0.0/8"]


def test_bad_values_and_unknown_keys_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_BATCH_SIZE", "0")
    with pytest.raises(ValidationError, match="batch_size"):
        Settings()
    monkeypatch.delenv("PRESSROOM_BATCH_SIZE")
    (tmp_path / "pressroom.toml").write_text("batch_sise = 10\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="batch_sise"):
        Settings()


# --- settings typos (issue 11, item 7) ---------------------------------------------------

def test_negative_batch_size_from_env_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_BATCH_SIZE", "-5")
    with pytest.raises(ValidationError, match="batch_size"):
        Settings()


def test_unknown_env_key_is_refused_with_the_closest_name(tmp_path, monkeypatch):
    from pydantic_settings import SettingsError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_BATCHSIZE", "-5")
    with pytest.raises(SettingsError,
                       match="PRESSROOM_BATCHSIZE.*did you mean PRESSROOM_BATCH_SIZE"):
        Settings()
    monkeypatch.delenv("PRESSROOM_BATCHSIZE")
    monkeypatch.setenv("pressroom_foo", "1")  # pydantic-settings matches names case-insensitively
    with pytest.raises(SettingsError, match="unknown setting pressroom_foo"):
        Settings()


def test_unknown_env_keys_is_pure_and_case_insensitive():
    from tasks.common.settings import unknown_env_keys

    env = {"PRESSROOM_BATCH_SIZE": "5", "pressroom_min_words": "3", "PRESSROOM_FOO": "1",
           "PRESSROOMX": "1", "PATH": "/bin"}
    assert unknown_env_keys(env, Settings.model_fields) == ["PRESSROOM_FOO"]


def test_broken_toml_names_the_file(tmp_path, monkeypatch):
    from pydantic_settings import SettingsError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text("batch_size = = 3\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"pressroom\.toml is not valid TOML.*line 1"):
        Settings()


def test_cli_refuses_settings_typos_with_exit_code_2(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from flows.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_BATCHSIZE", "10")
    out = CliRunner().invoke(app, ["runs", "-w", str(tmp_path / "wh")])
    assert out.exit_code == 2 and "PRESSROOM_BATCH_SIZE" in out.output, out.output
    monkeypatch.delenv("PRESSROOM_BATCHSIZE")
    (tmp_path / "pressroom.toml").write_text("[broken\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["runs", "-w", str(tmp_path / "wh")])
    assert out.exit_code == 2 and "pressroom.toml" in out.output, out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_a_dask_address_must_name_a_protocol():
    assert Settings(dask_address="tcp://10.0.0.5:8786").dask_address == "tcp://10.0.0.5:8786"
    assert Settings().dask_address is None  # local processes by default
    with pytest.raises(ValidationError):
        Settings(dask_address="10.0.0.5:8786")  # Dask would guess; we ask


def test_an_unknown_setting_with_no_close_name_is_named_alone():
    from tasks.common.settings import unknown_env_message

    assert unknown_env_message(["PRESSROOM_FOO"], Settings.model_fields) == \
        "unknown setting PRESSROOM_FOO in the environment"
    assert unknown_env_message(["PRESSROOM_BATCHSIZE", "PRESSROOM_FOO"], Settings.model_fields) \
        == ("unknown setting PRESSROOM_BATCHSIZE in the environment (did you mean "
            "PRESSROOM_BATCH_SIZE?); unknown setting PRESSROOM_FOO in the environment")
