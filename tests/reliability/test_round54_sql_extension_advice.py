"""`pressroom sql` over a query that needs a DuckDB extension pressroom does not install
(round 53's known item, fault round 54): `s3://` and `https://` files need httpfs,
`st_read` spatial. DuckDB answered with its advice, 'Install it first using "INSTALL
httpfs"' or 'INSTALL spatial; LOAD spatial;', which `pressroom sql` refuses (it downloads
code) and which no offline machine could follow. The advice is replaced by what is so.
(DuckDB's autoinstall is off on the connection: nothing is downloaded or tried.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.storage.report import extension_advice_replaced
from tests.reliability.warehouses import committed_warehouse

ROOT = Path(__file__).resolve().parents[2]


def _sql(query: str, wh: Path) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-m", "flows.cli", "sql", query, "-w", str(wh)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT),
                                         "COLUMNS": "300"},
                          capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    return done.returncode, " ".join((done.stdout + done.stderr).split())


@pytest.mark.parametrize(("query", "name"), [
    ("SELECT * FROM 's3://bucket/x.parquet'", "httpfs"),
    ("SELECT * FROM read_parquet('https://127.0.0.56:9/x.parquet')", "httpfs"),
    ("SELECT * FROM st_read('x.shp')", "spatial"),
])
def test_an_extension_not_installed_is_no_advice_to_install_it(tmp_path, query, name):
    wh = committed_warehouse(tmp_path / "wh", runs=1, rows=2)
    code, out = _sql(query, wh)
    assert code == 1, out
    assert f"INSTALL {name}" not in out and "Install it first" not in out, out
    assert f"The query needs DuckDB's {name} extension, which is not installed with " \
           "pressroom, and pressroom sql installs none" in out, out
    assert "Traceback" not in out


def test_other_errors_are_as_duckdb_says():
    said = 'Catalog Error: Table with name nope does not exist!\n\nLINE 1: SELECT * FROM nope'
    assert extension_advice_replaced(said) == said
