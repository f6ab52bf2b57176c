"""Mutation seed 78: the message `pressroom` prints for settings it cannot use
(`invalid_settings_message`, fault round 54): one clause a setting, naming where its
value was written (the environment variable as the user spelled it, else
pressroom.toml), pydantic's wording made a clause of a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tasks.common.settings import Settings, invalid_settings_message

INT = {"type": "int_parsing", "loc": ("batch_size",), "input": "abc",
       "msg": "Input should be a valid integer, unable to parse string as an integer"}
NO_TOML = Path("/nonexistent/pressroom.toml")


def test_a_value_from_the_environment_is_named_by_its_variable() -> None:
    env = {"HOME": "/root", "PRESSROOM_BATCH_SIZE": "abc"}
    assert invalid_settings_message([INT], env, NO_TOML) == (
        "PRESSROOM_BATCH_SIZE='abc' (in the environment) should be a valid integer, unable "
        "to parse string as an integer")


def test_the_variable_is_found_whatever_its_case_and_shown_as_written() -> None:
    env = {"pressroom_Batch_Size": "abc"}
    assert invalid_settings_message([INT], env, NO_TOML).startswith(
        "pressroom_Batch_Size='abc' (in the environment) should be")


def test_a_value_from_pressroom_toml_names_the_file(tmp_path: Path) -> None:
    toml = tmp_path / "pressroom.toml"
    toml.write_text("batch_size = 'abc'\n")
    assert invalid_settings_message([INT], {}, toml) == (
        f"batch_size = 'abc' in {toml.resolve()} should be a valid integer, unable to parse "
        "string as an integer")


def test_with_no_file_and_no_variable_the_setting_and_value_alone() -> None:
    assert invalid_settings_message([INT], {"PRESSROOM_OTHER": "1"}, NO_TOML) == (
        "batch_size = 'abc' should be a valid integer, unable to parse string as an integer")


def test_an_items_error_names_the_item_and_not_the_value() -> None:
    error = {"loc": ("seeds", 2, "url"), "input": 7, "msg": "Input should be a valid string"}
    assert invalid_settings_message([error], {}, NO_TOML) == (
        "seeds (item [2][url]) should be a valid string")


def test_a_missing_input_shows_no_value() -> None:
    error = {"loc": ("batch_size",), "msg": "Field required"}
    assert invalid_settings_message([error], {}, NO_TOML) == "batch_size: Field required"


def test_a_value_error_loses_pydantics_prefix_and_keeps_its_case() -> None:
    error = {"loc": ("batch_size",), "input": 0, "msg": "Value error, Batch size must be 1 "
             "or more"}
    assert invalid_settings_message([error], {}, NO_TOML) == (
        "batch_size = 0: Batch size must be 1 or more")


def test_a_check_over_the_whole_object_is_its_message_alone() -> None:
    errors = [{"loc": (), "msg": "Value error, fetch workers exceed the pool"},
              {"msg": "Input should be a valid dictionary"}, INT]
    assert invalid_settings_message(errors, {}, NO_TOML) == (
        "fetch workers exceed the pool; input should be a valid dictionary; batch_size = "
        "'abc' should be a valid integer, unable to parse string as an integer")


def test_settings_that_cannot_be_made_read_the_process_environment(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_BATCH_SIZE", "abc")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert invalid_settings_message(caught.value.errors()) == (
        "PRESSROOM_BATCH_SIZE='abc' (in the environment) should be a valid integer, unable "
        "to parse string as an integer")
