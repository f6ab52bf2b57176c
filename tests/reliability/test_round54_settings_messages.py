"""A setting typed wrong in the environment or pressroom.toml (fault round 54; left since
round 21): every command answered with pydantic's report, "invalid settings: 1 validation
error for Settings / batch_size / Input should be a valid integer, unable to parse string
as an integer [type=int_parsing, input_value='abc', input_type=str] / For further
information visit https://errors.pydantic.dev/2.14/v/int_parsing": the field, not the
variable or the file it was written in. One clause per setting now, naming where its value
was written and what it should be. Real `pressroom runs` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.warehouses import committed_warehouse

ROOT = Path(__file__).resolve().parents[2]


def _runs(wh: Path, cwd: Path, **env: str) -> tuple[int, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PRESSROOM_")}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "runs", "-w", str(wh)], cwd=cwd,
                          env={**base, "PYTHONPATH": str(ROOT), "COLUMNS": "300", **env},
                          capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    return done.returncode, " ".join((done.stdout + done.stderr).split())


@pytest.mark.parametrize(("name", "value", "should"), [
    ("PRESSROOM_BATCH_SIZE", "abc", "should be a valid integer"),
    ("PRESSROOM_MAX_BODY_BYTES", "-1", "should be greater than 0"),
    ("PRESSROOM_REFRESH", "maybe", "should be a valid boolean"),
])
def test_a_bad_variable_is_named_with_its_value(tmp_path, name, value, should):
    wh = committed_warehouse(tmp_path / "wh", runs=1, rows=1)
    code, out = _runs(wh, tmp_path, **{name: value})
    assert code == 2, out
    assert out.startswith(f"invalid settings: {name}={value!r} (in the environment) {should}"), out
    assert "errors.pydantic.dev" not in out and "validation error" not in out


def test_bad_keys_of_pressroom_toml_are_named_with_the_file(tmp_path):
    wh = committed_warehouse(tmp_path / "wh", runs=1, rows=1)
    (tmp_path / "pressroom.toml").write_text('batch_size = -3\nrequest_timeout_s = "slow"\n')
    code, out = _runs(wh, tmp_path)
    toml = tmp_path.resolve() / "pressroom.toml"
    assert code == 2, out
    assert out == (f"invalid settings: batch_size = -3 in {toml} should be greater than or "
                   f"equal to 1; request_timeout_s = 'slow' in {toml} should be a valid "
                   "number, unable to parse string as a number"), out
    # the guard: the file's keys, right, read
    (tmp_path / "pressroom.toml").write_text("batch_size = 3\n")
    assert _runs(wh, tmp_path)[0] == 0
