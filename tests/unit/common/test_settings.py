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


def test_a_dask_address_must_name_a_protocol():
    assert Settings(dask_address="tcp://10.0.0.5:8786").dask_address == "tcp://10.0.0.5:8786"
    assert Settings().dask_address is None  # local processes by default
    with pytest.raises(ValidationError):
        Settings(dask_address="10.0.0.5:8786")  # Dask would guess; we ask
