"""One typed settings object: defaults, PRESSROOM_<NAME> env vars, pressroom.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsError

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
    with pytest.raises(SettingsError, match="batch_sise"):  # named by the file's check
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


# --- fault round 9: values the settings took that a run could not use ------------------

@pytest.mark.parametrize(("name", "value", "words"), [
    # nan/inf: a duration or cap no run can use (nan hours raised ValueError in the
    # known-inputs task and in fetch: the run failed with a traceback; 1e12 hours
    # OverflowError there)
    ("refetch_failed_after_hours", "nan", "finite number"),
    ("refetch_failed_after_hours", "inf", "finite number"),
    ("refetch_failed_after_hours", "1e12", "less than or equal to 876000"),
    ("refetch_failed_after_hours", "-1", "greater than or equal to 0"),
    ("per_host_delay_s", "inf", "finite number"),
    ("request_timeout_s", "inf", "finite number"),
    ("sitemap_max_child_age_days", "nan", "finite number"),
    ("sitemap_max_child_age_days", "-1", "greater than or equal to 0"),
    ("host_delays", '{"a.example": "nan"}', "finite number"),
    ("host_delays", '{"a.example": -5}', "greater than or equal to 0"),
    # byte caps of 0 or less: every page empty_body or too_large_declared ("> -1")
    ("max_body_bytes", "0", "greater than 0"),
    ("max_body_bytes", "-1", "greater than 0"),
    ("max_source_bytes", "-1", "greater than 0"),
    ("sitemap_max_depth", "-1", "greater than or equal to 0"),
    ("sitemap_max_files", "-1", "greater than or equal to 0"),
    ("words_per_minute", "0", "greater than or equal to 1"),  # ZeroDivisionError in enrich
    # read only when the first URL was fetched: ValueError out of the fetch stage
    ("allowed_networks", '["127.0.0.0/8", "bogus"]',
     "'bogus' is no IP network in CIDR form, e.g. 127.0.0.0/8"),
    ("allowed_networks", '["127.0.0.0/33"]', "'127.0.0.0/33' is no IP network"),
    # aiohttp refused the header in every request: each fetch an invalid_url of its
    # robots.txt; non-ASCII went out as UTF-8 read as Latin-1; empty names no contact
    ("user_agent", "bot/1\nX-Injected: 1", r"the User-Agent holds '\\n' at position 5"),
    ("user_agent", "préssroom/1", "the User-Agent holds 'é' at position 2"),
    ("user_agent", "  ", "the User-Agent is empty"),
])
def test_values_no_run_can_use_are_refused_naming_the_setting(tmp_path, monkeypatch, name,
                                                              value, words):
    import re

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(f"PRESSROOM_{name.upper()}", value)
    with pytest.raises(ValidationError) as info:
        Settings()
    assert name in str(info.value) and re.search(words, str(info.value)), str(info.value)


def test_values_at_the_edges_of_the_new_limits_are_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings(refetch_failed_after_hours=0, sitemap_max_child_age_days=None,
                 sitemap_max_depth=0, max_body_bytes=1, words_per_minute=1,
                 allowed_networks=["127.0.0.1", "::1/128", "10.0.0.0/8"],
                 user_agent="bot/1 (+mailto:a@example.org)", host_delays={"a.example": 0})
    assert s.allowed_networks == ["127.0.0.1", "::1/128", "10.0.0.0/8"]
    assert Settings(refetch_failed_after_hours=876000).refetch_failed_after_hours == 876000


def test_the_cli_refuses_an_unusable_value_before_any_work(tmp_path, monkeypatch):
    """`pressroom ingest` with PRESSROOM_REFETCH_FAILED_AFTER_HOURS=nan started the run and
    failed in its known-inputs task with "ValueError: cannot convert float NaN to
    integer"; now it is exit 2 with a sentence naming the setting, and no warehouse."""
    from typer.testing import CliRunner

    from flows.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_REFETCH_FAILED_AFTER_HOURS", "nan")
    (tmp_path / "a.urls").write_text("https://a.example/1\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.urls"),
                                   "-w", str(tmp_path / "wh")])
    assert out.exit_code == 2, out.output
    # (named as written, the variable, since fault round 54)
    assert "PRESSROOM_REFETCH_FAILED_AFTER_HOURS='nan'" in out.output
    assert "finite number" in out.output
    assert not (tmp_path / "wh").exists()


@pytest.mark.parametrize(("name", "value", "words"), [
    # an empty variable was Path(""), the current folder: the warehouse written wherever
    # the run started; empty seeds made `pressroom ingest` read every file under it
    ("warehouse", "", "is empty: give a path"),
    ("seeds", "  ", "is empty: give a path"),
    ("outlets_file", "", "is empty: give a path"),
    # no language the detector gives: every article a wrong_language reject
    ("target_languages", '["eng"]', "'eng' is no ISO 639-1 language code"),
    ("target_languages", '["en", "English"]', "'English' is no ISO 639-1 language code"),
    ("target_languages", '[""]', "'' is no ISO 639-1 language code"),
])
def test_empty_paths_and_language_names_are_refused(tmp_path, monkeypatch, name, value,
                                                    words):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(f"PRESSROOM_{name.upper()}", value)
    with pytest.raises(ValidationError) as info:
        Settings()
    assert name in str(info.value) and words in str(info.value), str(info.value)


def test_language_codes_with_a_region_or_in_capitals_are_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_TARGET_LANGUAGES", '["EN", "pt-BR", "zh_Hant"]')
    assert Settings().target_languages == ["EN", "pt-BR", "zh_Hant"]


def test_a_pressroom_toml_with_a_byte_order_mark_is_read(tmp_path, monkeypatch):
    """Notepad's "UTF-8 with BOM": tomllib refused the file, and every command ended with
    "pressroom.toml is not valid TOML: Invalid statement (at line 1, column 1)"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_bytes(
        b"\xef\xbb\xbfbatch_size = 50\r\nmin_words = 80\r\n")
    s = Settings()
    assert (s.batch_size, s.min_words) == (50, 80)
    (tmp_path / "pressroom.toml").write_bytes(b"batch_size = 50\nuser_agent = \"caf\xe9\"\n")
    from pydantic_settings import SettingsError

    with pytest.raises(SettingsError, match=r"pressroom\.toml is not UTF-8 text, as TOML must be"):
        Settings()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_a_pressroom_toml_saved_as_utf16_is_read(tmp_path, monkeypatch, codec):
    """Round 14: Notepad's "Unicode" (UTF-16 with a BOM) ended every command with
    "pressroom.toml is not UTF-8 text"; without a BOM "not valid TOML: Expected '='
    after a key in a key/value pair (at line 1, column 2)"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_bytes("batch_size = 50\r\nmin_words = 80\r\n"
                                              .encode(codec))
    s = Settings()
    assert (s.batch_size, s.min_words) == (50, 80)


def test_a_user_agent_problem_names_the_first_bad_character_and_the_rule():
    # two tabs: the position is the first one's; the sentence says what a header may hold
    from tasks.common.settings import user_agent_problem

    assert user_agent_problem("bot/1\t(+mailto:a@example.org)\t") == (
        r"holds '\t' at position 5: a header value is visible ASCII and spaces only")
    assert user_agent_problem("bot/1 (+mailto:a@example.org)") is None


# --- round 13 -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "value", "field", "expected"), [
    ("PRESSROOM_TARGET_LANGUAGES", "en,de", "target_languages", ["en", "de"]),
    ("PRESSROOM_TARGET_LANGUAGES", " en , pt-BR ,", "target_languages", ["en", "pt-BR"]),
    ("PRESSROOM_TARGET_LANGUAGES", '["en", "de"]', "target_languages", ["en", "de"]),
    ("PRESSROOM_TARGET_LANGUAGES", "", "target_languages", []),
    ("PRESSROOM_ALLOWED_NETWORKS", "10.0.0.0/8, 192.168.0.0/16", "allowed_networks",
     ["10.0.0.0/8", "192.168.0.0/16"]),
    ("PRESSROOM_HOST_DELAYS", "a.example=2,b.example=0.5", "host_delays",
     {"a.example": 2.0, "b.example": 0.5}),
    ("PRESSROOM_HOST_DELAYS", '{"a.example": 2}', "host_delays", {"a.example": 2.0}),
])
def test_list_and_mapping_settings_read_comma_separated_from_the_environment(
        tmp_path, monkeypatch, name, value, field, expected):
    """Round 13: `PRESSROOM_TARGET_LANGUAGES=en,de`, as shells and container files write
    lists, ended every command with 'error parsing value for field "target_languages"
    from source "EnvSettingsSource"', naming neither the form expected nor the value."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    assert getattr(Settings(), field) == expected


@pytest.mark.parametrize(("name", "value", "says"), [
    ("PRESSROOM_TARGET_LANGUAGES", "[en]", "is no list: write it as JSON or comma-separated"),
    ("PRESSROOM_HOST_DELAYS", "a.example", "is no mapping: write it as JSON or comma-separated"),
    ("PRESSROOM_HOST_DELAYS", "a.example=2,=3", "a.example=2,b.example=0.5"),
])
def test_a_list_setting_that_is_neither_form_names_both(tmp_path, monkeypatch, name, value,
                                                        says):
    from pydantic_settings import SettingsError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        Settings()
    assert says in str(caught.value) and name in str(caught.value)


@pytest.mark.parametrize(("name", "value"), [
    ("PRESSROOM_BATCH_SIZE", "99999999999999999999999"),
    ("PRESSROOM_BATCH_SIZE", "50001"),
    ("PRESSROOM_CPU_WORKERS", "100000"),
    ("PRESSROOM_NER_PROCESSES", "100000"),
    ("PRESSROOM_MAX_RETRIES", "1000000000"),
    ("PRESSROOM_NEARDUP_BANDS", "1000000"),
    ("PRESSROOM_NEARDUP_ROWS", "129"),
])
def test_values_too_large_for_any_run_are_refused(tmp_path, monkeypatch, name, value):
    """Round 13: each was taken. A batch of 10**23 is the whole run in memory; 100,000
    CPU workers or spaCy processes forked at warm-up (round 9's known item); 10**9
    retries asked a dead server for ever; a million MinHash bands meant 32 MB per
    article's signature."""
    from pydantic import ValidationError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError):
        Settings()


def test_the_largest_values_allowed_are_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, value in [("BATCH_SIZE", "50000"), ("CPU_WORKERS", "256"),
                        ("NER_PROCESSES", "64"), ("MAX_RETRIES", "10"),
                        ("NEARDUP_BANDS", "128"), ("NEARDUP_ROWS", "8")]:
        monkeypatch.setenv(f"PRESSROOM_{name}", value)
    s = Settings()
    assert (s.batch_size, s.neardup_bands * s.neardup_rows) == (50000, 1024)


def test_list_from_env_reads_each_form_exactly() -> None:
    """Seed 45's survivors: the empty mapping, a value holding "=", a value opening
    like JSON's letters, the message's example forms and its cut of the value."""
    from pydantic_settings import SettingsError

    from tasks.common.settings import list_from_env

    assert list_from_env("per_host", "  ", of_pairs=True) == {}
    assert list_from_env("langs", "", of_pairs=False) == []
    assert list_from_env("per_host", "a.example=b=c", of_pairs=True) == {"a.example": "b=c"}
    assert list_from_env("langs", "XX,de", of_pairs=False) == ["XX", "de"]
    with pytest.raises(SettingsError) as caught:
        list_from_env("langs", '["en", ' + "x" * 300, of_pairs=False)
    said = str(caught.value)
    assert said.endswith('e.g. ["en", "de"] or en,de') and "a.example" not in said
    assert repr(('["en", ' + "x" * 300)[:200]) in said and "x" * 200 not in said
    with pytest.raises(SettingsError) as caught:
        list_from_env("per_host", "a.example", of_pairs=True)
    assert str(caught.value).endswith(
        'e.g. {"a.example": 2, "b.example": 0.5} or a.example=2,b.example=0.5')


@pytest.mark.parametrize(("toml", "message"), [
    ("max-body-bytes = 100\n", "unknown setting 'max-body-bytes' (did you mean max_body_bytes?)"),
    ("batch_sise = 10\nfoo = 1\n",
     "unknown setting 'batch_sise' (did you mean batch_size?); unknown setting 'foo'"),
    ('[pressroom]\nwarehouse = "/tmp/w"\n',
     "the settings under [pressroom] go at the top of the file, before any [table] header "
     "(delete the line [pressroom])"),
    ('[tool.pressroom]\nwarehouse = "/tmp/w"\n',
     "the settings under [tool.pressroom] go at the top of the file"),
])
def test_an_unknown_key_in_pressroom_toml_names_the_file_and_the_setting_meant(
        tmp_path, monkeypatch, toml, message):
    """pydantic said "max-body-bytes  Extra inputs are not permitted [type=extra_forbidden,
    input_value=100, input_type=int] For further information visit https://errors.
    pydantic.dev/...": no file, no word of the setting meant (the environment's check
    names it), and of a `[pressroom]` table "pressroom  Extra inputs are not permitted"
    (round 18)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        Settings()
    assert str(info.value).startswith(f"{tmp_path.resolve() / 'pressroom.toml'}: ")
    assert message in str(info.value)


def test_keys_in_any_case_and_tables_of_settings_are_still_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text(
        'MAX_BODY_BYTES = 100\n[host_delays]\n"a.example" = 2\n', encoding="utf-8")
    s = Settings()
    assert (s.max_body_bytes, s.host_delays) == (100, {"a.example": 2})


def test_a_hyphenated_key_with_a_slip_still_names_the_setting_meant(tmp_path, monkeypatch):
    # seed 51: the hyphens are read as underscores before the near match is looked for:
    # "per-host-delay-sec" is two letters off per_host_delay_s, not four hyphens and those
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressroom.toml").write_text("per-host-delay-sec = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        Settings()
    assert "unknown setting 'per-host-delay-sec' (did you mean per_host_delay_s?)" in str(
        info.value)


@pytest.mark.parametrize(("name", "value", "field", "expected"), [
    ("PRESSROOM_WAREHOUSE", "/data/wh\r", "warehouse", Path("/data/wh")),
    ("PRESSROOM_WAREHOUSE", "/data/wh ", "warehouse", Path("/data/wh")),
    ("PRESSROOM_SEEDS", "\t/data/seeds\r", "seeds", Path("/data/seeds")),
    ("PRESSROOM_REFRESH", "true\r", "refresh", True),
    ("PRESSROOM_USER_AGENT", "bot/1 (+mailto:a@example.org)\r", "user_agent",
     "bot/1 (+mailto:a@example.org)"),
    ("PRESSROOM_TARGET_LANGUAGES", '["en ", " de"]', "target_languages", ["en", "de"]),
])
def test_white_space_at_the_ends_of_a_value_is_no_part_of_it(tmp_path, monkeypatch, name,
                                                              value, field, expected):
    """Round 20: an env file saved with Windows line ends and sourced by a shell (the CR
    stays at the end of each value), or a space after a value.
    PRESSROOM_WAREHOUSE=/data/wh<CR> was a folder named "wh\\r": a second, empty
    warehouse beside the real one, without a word; the seeds "no such input";
    PRESSROOM_REFRESH=true<CR> "unable to interpret input"; the User-Agent refused for
    its control character."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    assert getattr(Settings(), field) == expected


def test_a_value_of_white_space_alone_is_still_empty(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", " \r")
    with pytest.raises(ValidationError, match="is empty: give a path"):
        Settings()


@pytest.mark.parametrize(("name", "value", "field", "expected"), [
    ("PRESSROOM_WAREHOUSE", '"/data/wh"', "warehouse", Path("/data/wh")),
    ("PRESSROOM_WAREHOUSE", "'/data/wh'\r", "warehouse", Path("/data/wh")),
    ("PRESSROOM_WAREHOUSE", "/data/wh  # the archive", "warehouse", Path("/data/wh")),
    ("PRESSROOM_WAREHOUSE", "/data/wh\t#archive", "warehouse", Path("/data/wh")),
    ("PRESSROOM_WAREHOUSE", '"/data/my #1 wh"', "warehouse", Path("/data/my #1 wh")),
    ("PRESSROOM_WAREHOUSE", "/data/wh#1", "warehouse", Path("/data/wh#1")),  # no word start
    ("PRESSROOM_SEEDS", '"/data/seeds"', "seeds", Path("/data/seeds")),
    ("PRESSROOM_OUTLETS_FILE", "/data/outlets.toml # ours", "outlets_file",
     Path("/data/outlets.toml")),
])
def test_a_path_setting_is_read_as_a_shell_reads_the_env_file_line(
        tmp_path, monkeypatch, name, value, field, expected):
    """Fault round 23: `docker run --env-file`, Kubernetes' `--from-env-file` and
    systemd's EnvironmentFile hand an env file's line over as written, quotes and
    comment included. Before: PRESSROOM_WAREHOUSE="/data/wh" was a folder named `"`
    under the folder the run started in (a second, empty warehouse, without a word), and
    `/data/wh  # the archive` one named `wh  # the archive`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    assert getattr(Settings(), field) == expected


@pytest.mark.parametrize("value", ['""', "''", "' '"])
def test_a_path_setting_of_quotes_alone_is_empty(tmp_path, monkeypatch, value):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_WAREHOUSE", value)
    with pytest.raises(ValidationError, match="is empty: give a path"):
        Settings()


# --- fault round 21: durations written in milliseconds ----------------------------------

@pytest.mark.parametrize(("name", "value", "words"), [
    ("per_host_delay_s", "1000", r"1000 s is over the 60 s .* for 1000 milliseconds write 1\)"),
    ("per_host_delay_s", "250", "for 250 milliseconds write 0.25"),
    ("request_timeout_s", "20000", "20000 s is over the 600 s .* write 20"),
    ("connect_timeout_s", "10000", "for 10000 milliseconds write 10"),
    ("robots_timeout_s", "5000", "write 5"),
    ("host_delays", "a.example=2,b.example=5000", "b.example: 5000 s is over the 600 s"),
    ("request_timeout_s", "1e300", r"1e\+300 s is over the 600 s .*seconds\)"),  # no hint
])
def test_a_duration_written_in_milliseconds_is_refused_saying_the_unit(
        tmp_path, monkeypatch, name, value, words):
    """Every duration is in seconds, and PRESSROOM_PER_HOST_DELAY_S=1000 (one second
    meant) was taken without a word: 1,000 s between two requests to a host, and a
    request timeout of 20000 5.5 hours for one stalled page."""
    import re

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(f"PRESSROOM_{name.upper()}", value)
    with pytest.raises(ValidationError) as info:
        Settings()
    assert name in str(info.value) and re.search(words, str(info.value)), str(info.value)


def test_durations_at_their_bounds_are_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings(per_host_delay_s=60, request_timeout_s=600, connect_timeout_s=600,
                 robots_timeout_s=600, host_delays={"a.example": 600})
    assert (s.per_host_delay_s, s.request_timeout_s, s.host_delays) == (
        60, 600, {"a.example": 600})


def test_the_milliseconds_hint_is_given_up_to_the_bound_read_as_milliseconds():
    # seed 55: 60000 read as milliseconds is the 60 s a per-host delay may be; 60001 is
    # over that too, so it is no duration in either unit and gets no hint
    from tasks.common.settings import duration_problem

    assert duration_problem("per_host_delay_s", 60) is None
    assert duration_problem("per_host_delay_s", 60000) == (
        "60000 s is over the 60 s this duration takes (the unit is seconds; for 60000 "
        "milliseconds write 60)")
    assert duration_problem("per_host_delay_s", 60001) == (
        "60001 s is over the 60 s this duration takes (the unit is seconds)")
    assert duration_problem("batch_size", 10**6) is None  # no duration


@pytest.mark.parametrize("name", ["host_delays", "request_timeout_s", "connect_timeout_s",
                                  "robots_timeout_s"])
def test_ten_minutes_is_the_longest_timeout_or_outlets_delay(name):
    # seed 55: MAX_DURATION_S read one step either side of its ten minutes (the per-host
    # delay's minute is pinned by the milliseconds hint above)
    from tasks.common.settings import duration_problem

    assert duration_problem(name, 600) is None
    assert duration_problem(name, 601) == (
        "601 s is over the 600 s this duration takes (the unit is seconds; for 601 "
        "milliseconds write 0.601)")


@pytest.mark.parametrize(("value", "words"), [
    ('["no-ai"]', "'no-ai' is no opt-out signal a page can carry (noai?)"),
    ('["noai", "tdm_reservation"]', "'tdm_reservation' is no opt-out signal a page can carry "
                                     "(tdm-reservation?)"),
    ('["tdmrep"]', "'tdmrep' is no opt-out signal"),
])
def test_an_opt_out_signal_no_page_carries_is_refused(tmp_path, monkeypatch, value, words):
    """Fault round 42: any name was taken, and the policy compares names as written: with
    `PRESSROOM_OPT_OUT_SIGNALS='["tdm_reservation"]'` (the TOML key's spelling) or
    "no-ai", no page ever matched, so the pages that reserve their text had it kept and
    mined without a word. The signals are those `articles.rights` can hold."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_OPT_OUT_SIGNALS", value)
    with pytest.raises(ValidationError) as info:
        Settings()
    assert "opt_out_signals" in str(info.value) and words in str(info.value), str(info.value)


def test_opt_out_signals_in_capitals_or_with_spaces_are_the_signals(tmp_path, monkeypatch):
    """Fault round 42: "NoAI" (as sites and articles write it) matched no page's `noai`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESSROOM_OPT_OUT_SIGNALS", '["NoAI", " TDM-Reservation "]')
    assert Settings().opt_out_signals == ["noai", "tdm-reservation"]
    monkeypatch.setenv("PRESSROOM_OPT_OUT_SIGNALS", "[]")  # acting on none stays a choice
    assert Settings().opt_out_signals == []


def test_an_unknown_opt_out_signal_is_named_with_the_signals_and_a_close_one_if_any() -> None:
    # seed 69: the whole sentence, with and without a close match
    from tasks.common.settings import signal_problem

    signals = "noai, noarchive, noimageai, noindex, tdm-reservation"
    assert signal_problem("zzzz") == (
        f"'zzzz' is no opt-out signal a page can carry: one of {signals}")
    assert signal_problem("No-AI ") == (
        f"'No-AI ' is no opt-out signal a page can carry (noai?): one of {signals}")
    assert signal_problem(" NoAI ") is None
