"""One typed settings object, read from PRESSROOM_<NAME> env vars or pressroom.toml."""

from __future__ import annotations

import difflib
import ipaddress
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from tasks.common.charset import wide_as_utf8
from tasks.common.location import home_expanded, local_warehouse
from tasks.common.rights import SIGNALS
from tasks.common.text import without_inline_comment

ENV_PREFIX = "PRESSROOM_"
# The most MinHash functions a signature may hold (Settings._minhash_fits_in_memory).
MAX_MINHASH_PERMUTATIONS = 1024


def unknown_env_keys(environ: Mapping[str, str], fields: Iterable[str],
                     prefix: str = ENV_PREFIX) -> list[str]:
    """PRESSROOM_* variables that name no setting. pydantic-settings reads only the names
    it knows, so a typo (PRESSROOM_BATCHSIZE) would silently leave the default in place.
    Matching is case-insensitive, as pydantic-settings' is."""
    known = {prefix + f.upper() for f in fields}
    return sorted(k for k in environ if k.upper().startswith(prefix) and k.upper() not in known)


def unknown_env_message(unknown: list[str], fields: Iterable[str],
                        prefix: str = ENV_PREFIX) -> str:
    """One line per unknown variable, with the closest setting's name when there is one."""
    names = [prefix + f.upper() for f in fields]
    lines = []
    for key in unknown:
        close = difflib.get_close_matches(key.upper(), names, n=1, cutoff=0.8)
        lines.append(f"unknown setting {key} in the environment"
                     + (f" (did you mean {close[0]}?)" if close else ""))
    return "; ".join(lines)


def unknown_toml_message(data: dict[str, Any], fields: Iterable[str], path: Path) -> str | None:
    """Why pressroom.toml's keys are not settings, one clause per unknown key (None: all
    are), naming the file and the setting meant: pydantic said only "max-body-bytes
    Extra inputs are not permitted [type=extra_forbidden, ...] For further information
    visit https://errors.pydantic.dev/...", where the environment's check names the
    setting meant (`unknown_env_message`). A table (`[pressroom]`, `[tool.pressroom]` as
    pyproject.toml has them) holding settings is named as such: its keys go at the top."""
    names = {f.lower(): f for f in fields}
    lines = []
    for key, value in data.items():
        if key.lower() in names:
            continue
        if isinstance(value, dict):
            inner = value.get("pressroom") if isinstance(value.get("pressroom"), dict) else value
            if any(str(k).lower() in names for k in inner):
                table = f"{key}.pressroom" if inner is not value else key
                lines.append(f"the settings under [{table}] go at the top of the file, "
                             f"before any [table] header (delete the line [{table}])")
                continue
        wanted = key.lower().replace("-", "_").replace(" ", "_").replace(".", "_")
        close = ([names[wanted]] if wanted in names
                 else difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.8))
        lines.append(f"unknown setting {key!r}"
                     + (f" (did you mean {names.get(close[0], close[0])}?)" if close else ""))
    if not lines:
        return None
    return f"{path.resolve()}: " + "; ".join(lines)


def user_agent_problem(value: str) -> str | None:
    """Why a User-Agent cannot be sent (None: it can). HTTP header values are visible
    ASCII and spaces (RFC 9110 5.5; obs-text is obsolete): aiohttp refuses a control
    character in every request ("Forbidden control character detected in headers"), which
    made each fetch of the run an `invalid_url` of its robots.txt; a non-ASCII one went
    out as UTF-8 that servers read as Latin-1 ("prÃ©ssroom"); an empty one names no one
    an operator could reach."""
    if not value.strip():
        return "is empty: name the crawler and a contact (see the default)"
    bad = next((ch for ch in value if not " " <= ch <= "~"), None)
    if bad is not None:
        return (f"holds {bad!r} at position {value.index(bad)}: a header value is visible "
                "ASCII and spaces only")
    return None


def network_problem(value: str) -> str | None:
    """Why an `allowed_networks` entry is no network (None: it is one). Read only when
    the first URL was fetched, a bad entry raised ValueError there and failed the run
    after discovery."""
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as exc:
        return f"{value!r} is no IP network in CIDR form, e.g. 127.0.0.0/8 ({exc})"
    return None


# An empty PRESSROOM_WAREHOUSE (`export PRESSROOM_WAREHOUSE=` in a deployment template)
# was Path(""), the current folder: the run wrote its warehouse wherever it was started;
# an empty PRESSROOM_SEEDS made `pressroom ingest` read every file under it as an input.
# The longest a duration setting may be, in seconds (round 21). Every duration here is
# in seconds, and a value written in milliseconds (PRESSROOM_PER_HOST_DELAY_S=1000 for
# one second, REQUEST_TIMEOUT_S=20000) was taken without a word: 1,000 s between two
# requests to a host (a batch of 500 pages from one site: 6 days), 5.5 hours for one
# stalled page to time out. The bounds are far above any value a news crawl uses:
# - a minute between two requests to one host: 60 pages an hour, a batch of 500 from
#   one site over 8 hours (Heritrix caps its politeness delay at 30 s, and a robots.txt
#   Crawl-delay is capped at max_crawl_delay_s, 10 s by default);
# - one host's own delay (`host_delays`, one outlet that asks for slowness) ten minutes,
#   as a sources file's `delay_s` takes (sourcesfile.py);
# - ten minutes to connect, fetch robots.txt or a whole page: a 10 MB page at 17 KB/s.
MAX_DURATION_S = {"per_host_delay_s": 60.0, "host_delays": 600.0, "request_timeout_s": 600.0,
                  "connect_timeout_s": 600.0, "robots_timeout_s": 600.0}


def duration_problem(name: str, value: float) -> str | None:
    """Why a duration setting's value is no duration a run can mean (None: it is one):
    over `MAX_DURATION_S[name]`, with the value in seconds it likely meant when it reads
    as milliseconds."""
    most = MAX_DURATION_S.get(name)
    if most is None or value <= most:
        return None
    hint = (f"; for {value:g} milliseconds write {value / 1000:g}"
            if value / 1000 <= most else "")
    return (f"{value:g} s is over the {most:g} s this duration takes (the unit is seconds"
            f"{hint})")


EMPTY_PATH = "is empty: give a path (or unset the variable for the default)"
_LANGUAGE = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{1,8})*")


def language_problem(value: str) -> str | None:
    """Why a `target_languages` entry names no language the filter can match (None: it
    does). The detector gives ISO 639-1 codes (en, de); "eng", "English" or "" matched
    none, so every article of the run was a `wrong_language` reject. A region (en-GB,
    pt_BR) is allowed: the filter compares the language alone."""
    if _LANGUAGE.fullmatch(value.strip()):
        return None
    return (f"{value!r} is no ISO 639-1 language code: the language detector gives "
            "two-letter codes (en, de, fr, pt-BR)")


def signal_problem(value: str) -> str | None:
    """Why an `opt_out_signals` entry names no signal a page can carry (None: it names
    one, in any case). The policy compares names: "no-ai" or "tdm_reservation" matched
    no page, and the pages that reserve their text had it kept and mined without a word
    (fault round 42)."""
    if value.strip().lower() in SIGNALS:
        return None
    close = difflib.get_close_matches(value.strip().lower(), SIGNALS, n=1, cutoff=0.6)
    return (f"{value!r} is no opt-out signal a page can carry"
            + (f" ({close[0]}?)" if close else "") + f": one of {', '.join(SIGNALS)}")


class _EnvKeysCheck(PydanticBaseSettingsSource):
    """Refuses unknown PRESSROOM_* variables, as extra="forbid" refuses unknown keys in
    pressroom.toml; contributes no values itself."""

    def get_field_value(self, field, field_name):  # pragma: no cover - never asked
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        fields = self.settings_cls.model_fields
        unknown = unknown_env_keys(os.environ, fields)
        if unknown:
            raise SettingsError(unknown_env_message(unknown, fields))
        return {}


def list_from_env(name: str, value: str, of_pairs: bool) -> list[str] | dict[str, str]:
    """A list (or, `of_pairs`, a mapping) setting as an environment variable holds it:
    JSON (`["en", "de"]`, `{"a.example": 2}`) or, as shells and container files write
    lists, comma-separated (`en,de`; `a.example=2,b.example=0.5`). Raises SettingsError
    naming both forms for anything else: pydantic-settings said only "error parsing value
    for field "target_languages" from source "EnvSettingsSource"" (round 13)."""
    text = value.strip()
    if text[:1] in "[{\"" and text:
        try:
            return json.loads(text)
        except ValueError:
            pass
    elif not text:
        return {} if of_pairs else []
    else:
        items = [item.strip() for item in text.split(",") if item.strip()]
        if not of_pairs:
            return items
        pairs = [item.partition("=") for item in items]
        if all(sep and key.strip() and val.strip() for key, sep, val in pairs):
            return {key.strip(): val.strip() for key, _, val in pairs}
    form = ('{"a.example": 2, "b.example": 0.5} or a.example=2,b.example=0.5' if of_pairs
            else '["en", "de"] or en,de')
    raise SettingsError(f"{ENV_PREFIX}{name.upper()}={value[:200]!r} is no "
                        f"{'mapping' if of_pairs else 'list'}: write it as JSON or "
                        f"comma-separated, e.g. {form}")


class _EnvSource(EnvSettingsSource):
    """The environment, with list and mapping settings also read comma-separated
    (`list_from_env`)."""

    def decode_complex_value(self, field_name, field, value):
        origin = getattr(field.annotation, "__origin__", None) if field else None
        if origin in (list, dict) and isinstance(value, str):
            return list_from_env(field_name, value, of_pairs=origin is dict)
        return super().decode_complex_value(field_name, field, value)

    def __call__(self) -> dict[str, Any]:
        try:
            return super().__call__()
        except SettingsError as exc:  # pydantic-settings puts its own words over ours
            if isinstance(exc.__cause__, SettingsError):
                raise SettingsError(str(exc.__cause__)) from None
            raise


class _NamedTomlSource(TomlConfigSettingsSource):
    """pressroom.toml, with a parse error that names the file (tomllib's says only
    'Expected ... (at line 3, column 7)')."""

    def _read_file(self, file_path):
        try:
            # utf-8-sig: Windows editors (Notepad's "UTF-8 with BOM") start the file with a
            # byte-order mark, which tomllib refuses ("Invalid statement (at line 1,
            # column 1)") in a file that is otherwise valid. Notepad's "Unicode" is UTF-16:
            # "not UTF-8 text", or without a BOM "Expected '=' after a key" (round 14)
            raw, _ = wide_as_utf8(file_path.read_bytes())
            data = tomllib.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise SettingsError(f"{Path(str(file_path)).resolve()} is not UTF-8 text, as "
                                f"TOML must be: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{Path(str(file_path)).resolve()} is not valid TOML: {exc}"
                                ) from None
        self._read_from = Path(str(file_path))
        return data

    def __call__(self) -> dict[str, Any]:
        data = super().__call__()
        read_from = getattr(self, "_read_from", None)
        unknown = read_from and unknown_toml_message(data, self.settings_cls.model_fields,
                                                     read_from)
        if unknown:
            raise SettingsError(unknown)
        return data



def path_as_a_shell_reads(value: str) -> str:
    """A path setting as the line of an env file gives it to a shell: one pair of quotes
    around the whole value is no part of it, and an unquoted value ends before a `#`
    that starts a word (a comment). `docker run --env-file`, Kubernetes'
    `--from-env-file` and systemd's EnvironmentFile hand the line over as written:
    PRESSROOM_WAREHOUSE="/data/wh" was a folder named `"` under the folder the run
    started in, and `/data/wh  # the archive` one named `wh  # the archive`, each a
    second, empty warehouse beside the real one, without a word (fault round 23). A
    folder whose name holds ` #` must be quoted, as in a shell."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return without_inline_comment(value)


def _said_where(field: str, environ: Mapping[str, str], toml: Path, value: object) -> str:
    """Where the value of the setting `field` came from, as the user wrote it: the
    environment variable (the environment wins over the file), else pressroom.toml."""
    name = ENV_PREFIX + field.upper()
    for key, raw in environ.items():
        if key.upper() == name:  # (read regardless of case, as pydantic-settings reads)
            return f"{key}={raw!r} (in the environment)"
    shown = "" if value is None else f" = {value!r}"
    if toml.is_file():
        return f"{field}{shown} in {toml.resolve()}"
    return f"{field}{shown}"


def invalid_settings_message(errors: list[dict], environ: Mapping[str, str] | None = None,
                             toml: Path = Path("pressroom.toml")) -> str:
    """pydantic's `errors()` of a Settings that cannot be made, one clause per setting
    naming where its value was written: "PRESSROOM_BATCH_SIZE='abc' (in the environment)
    should be a valid integer, unable to parse string as an integer". It was pydantic's
    report ("1 validation error for Settings / batch_size / Input should be ...
    [type=int_parsing, ...] / For further information visit https://errors.pydantic.dev/
    ..."), which named the field and not the variable or file (round 21's known item,
    fault round 54)."""
    environ = os.environ if environ is None else environ
    clauses = []
    for error in errors:
        msg = str(error.get("msg", "")).removeprefix("Value error, ")
        msg = msg[0].lower() + msg[1:] if msg[:6] == "Input " else msg
        loc = error.get("loc") or ()
        if not loc:  # a check over the whole object: its message says what it is
            clauses.append(msg)
            continue
        item = "".join(f"[{p}]" for p in loc[1:])
        where = _said_where(str(loc[0]), environ, toml, None if item else error.get("input"))
        clauses.append(f"{where}{f' (item {item})' if item else ''}: {msg}"
                       .replace(": input should", " should"))
    return "; ".join(clauses)


class Settings(BaseSettings):
    """Every knob of a run. Env vars win over pressroom.toml, which wins over defaults."""

    # allow_inf_nan=False: "nan" and "inf" read as floats, and every float here is a
    # duration, a cap or a ratio that no run can use unbounded or undefined: a
    # refetch_failed_after_hours of nan raised ValueError in the known-inputs task (the
    # run failed with a traceback), one of inf OverflowError; a per-host delay of inf
    # would sleep for ever.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, toml_file="pressroom.toml", extra="forbid",
        allow_inf_nan=False,
    )

    warehouse: Path = Field(Path("warehouse"), description="where Parquet, WARC and DuckDB live")
    seeds: Path = Field(Path("seeds"), description="default inputs of `pressroom ingest`")

    @model_validator(mode="before")
    @classmethod
    def _values_without_edge_whitespace(cls, data: Any) -> Any:
        """Every text value (and text item of a list) without white space at its ends
        (round 20). An env file saved with Windows line ends and read by a shell
        (`set -a; . ./pressroom.env`) keeps a CR at the end of each value, and a space
        after a value is kept the same way: PRESSROOM_WAREHOUSE=/data/wh<CR> made a
        second, empty warehouse named "wh\\r" beside the real one without a word,
        PRESSROOM_SEEDS=seeds<CR> was "no such input", PRESSROOM_REFRESH=true<CR>
        "unable to interpret input". No
        setting means anything by white space at its ends (a folder's name that truly
        ends in a space is the one case lost)."""
        if not isinstance(data, dict):
            return data

        def bare(value: Any) -> Any:
            if isinstance(value, str):
                return value.strip()
            if isinstance(value, list):
                return [v.strip() if isinstance(v, str) else v for v in value]
            return value

        return {key: bare(value) for key, value in data.items()}

    @field_validator("warehouse", mode="before")
    @classmethod
    def _warehouse_is_local(cls, value: object) -> object:
        """A file:// URI becomes its path; other filesystem URIs are refused (location.py)."""
        if isinstance(value, str):
            value = path_as_a_shell_reads(value)
        if isinstance(value, str) and not value.strip():
            raise ValueError(EMPTY_PATH)
        return local_warehouse(value) if isinstance(value, str | Path) else value

    @field_validator("seeds", "outlets_file", mode="before")
    @classmethod
    def _path_is_named(cls, value: object) -> object:
        if isinstance(value, str):
            value = path_as_a_shell_reads(value)
        if isinstance(value, str) and not value.strip():
            raise ValueError(EMPTY_PATH)
        if isinstance(value, str | Path):  # no shell expanded a `~` (location.py)
            return Path(home_expanded(str(value)))
        return value

    @field_validator("target_languages", "allowed_networks")
    @classmethod
    def _list_items_are_usable(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Every item of a list setting, checked by its field's own test; all the
        problems named at once."""
        problem_of = {"target_languages": language_problem,
                      "allowed_networks": network_problem}[info.field_name]
        problems = [p for p in map(problem_of, value) if p]
        if problems:
            raise ValueError("; ".join(problems))
        return value

    @field_validator("opt_out_signals")
    @classmethod
    def _signals_are_known(cls, value: list[str]) -> list[str]:
        """Signals as `articles.rights` holds them (lower case: "NoAI" is noai), each one
        a page can carry; all the problems named at once."""
        problems = [p for p in map(signal_problem, value) if p]
        if problems:
            raise ValueError("; ".join(problems))
        return [v.strip().lower() for v in value]

    @model_validator(mode="after")
    def _minhash_fits_in_memory(self) -> Settings:
        """bands x rows is the number of MinHash functions (num_perm): every article's
        signature holds that many 32-bit values, and dedup reads every earlier one. At
        most 1,024 (8 times the default 128: 4 GB of signatures for a million articles);
        1,000,000 bands asked for 32 MB per article, 16 GB for one batch of 500, before
        the first was signed (round 13)."""
        perms = self.neardup_bands * self.neardup_rows
        if perms > MAX_MINHASH_PERMUTATIONS:
            raise ValueError(
                f"neardup_bands x neardup_rows = {self.neardup_bands} x {self.neardup_rows}"
                f" = {perms} hash functions, over the {MAX_MINHASH_PERMUTATIONS} a signature "
                "may hold (the default is 16 x 8 = 128)")
        return self

    @field_validator(*MAX_DURATION_S)
    @classmethod
    def _durations_in_seconds(cls, value: Any, info: ValidationInfo) -> Any:
        """Each duration within its bound (`duration_problem`); a per-host delay of the
        sources file's (`host_delays`) by its host."""
        items = value.items() if isinstance(value, dict) else [(None, value)]
        problems = [(f"{host}: " if host is not None else "") + problem
                    for host, seconds in items
                    if (problem := duration_problem(info.field_name, seconds))]
        if problems:
            raise ValueError("; ".join(problems))
        return value

    @field_validator("user_agent")
    @classmethod
    def _user_agent_is_a_header_value(cls, value: str) -> str:
        problem = user_agent_problem(value)
        if problem:
            raise ValueError(f"the User-Agent {problem}")
        return value

    # Batches: a Prefect task per batch, never per article (10-40 ms overhead per task run).
    # At most 50,000: a batch is held in memory whole (50,000 pages of the dev corpus's
    # mean 144 KB are ~7 GB of bodies); past that a batch is the run, and memory grows
    # with it (DESIGN principle 1). Round 13: 10**23 was taken.
    batch_size: int = Field(500, ge=1, le=50_000)
    # CPU-bound stages (extract, clean, enrich) split a batch over this many worker
    # processes (0 = one per core); below parallel_min_rows documents a pool costs more
    # than it saves (worker start-up imports trafilatura: ~1 s once per worker).
    # At most 256: each worker is a process that imports trafilatura (~150 MB, ~1 s);
    # 100,000 (a typo, or a count of pages) started that many at warm-up (round 9's known
    # item). More than a machine's cores is the scale of a Dask cluster (dask_address).
    cpu_workers: int = Field(0, ge=0, le=256)
    parallel_min_rows: int = Field(200, ge=1)
    # A Dask scheduler (tcp://host:8786) to run the per-batch work (fetch, extract, clean)
    # on, through prefect-dask, instead of this machine's threads and processes; None =
    # local. A setting, not only `--dask-address`, so that a pressroom.toml or the
    # environment of a scheduled run can name the cluster. On a cluster the workers are
    # the parallelism (no process pool inside a task there), the batch commits stay on
    # the flow's machine, and the warehouse must be on storage every worker sees at the
    # same path (README: Scale-out).
    dask_address: str | None = Field(None, pattern=r"^(tcp|tls|inproc|ucx)://\S+$")

    # Network. 20 s total is generous for one news page and bounds a stuck server.
    # Sites block anonymous bots; a contact lets an operator reach us instead.
    user_agent: str = (
        "pressroom/0.1 (+https://github.com/pressroom/pressroom; news archiving; "
        "contact: crawler@pressroom.invalid)"
    )
    # Total deadline of one exchange, connect to last byte: bounds a 1 byte/s trickle.
    request_timeout_s: float = Field(20.0, gt=0, description="total deadline per request")
    # At least one byte: a cap of 0 made every page an `empty_body`, -1 every page
    # `too_large_declared` ("Content-Length 364 > -1"), a setup fault blamed on the sites.
    max_body_bytes: int = Field(10 * 1024 * 1024, gt=0, description="news pages are < 2 MB")
    # A sitemap or feed (a discovery input) may be far larger than a page: the sitemaps
    # protocol allows 50 MB uncompressed (50,000 URLs), and the parsers take that much
    # (MAX_SITEMAP_BYTES, MAX_FEED_BYTES). Under the page cap a 12 MB sitemap was
    # refused whole (too_large_declared) and every URL in it lost. Few are fetched at once.
    max_source_bytes: int = Field(50 * 1024 * 1024, gt=0, description="sitemap protocol limit")
    allow_private_hosts: bool = Field(
        False, description="allow private/loopback targets (tests set it for 127.0.0.0/8)"
    )
    refresh: bool = Field(False, description="re-fetch URLs the warehouse already holds")
    # A URL that failed is not retried by the next scheduled run for this long: the
    # host is likely still down, and retrying every few hours adds a fetch_log row each time.
    # At most a century: a cut-off before year 1 raised OverflowError in the run
    # (known-inputs, fetch), e.g. 1e12 hours.
    refetch_failed_after_hours: float = Field(24.0, ge=0, le=100 * 365 * 24)

    # --- fetch stage (tasks/fetch/client.py) ---
    connect_timeout_s: float = Field(10.0, gt=0)
    # Networks allowed despite being private/loopback (tests: ["127.0.0.0/8"]).
    allowed_networks: list[str] = Field(default_factory=list)
    # Skip URLs the warehouse's fetch_log already holds a page for (unless refresh). Off
    # by default: the ingest flow already drops known inputs before fetch (warehouse.py).
    skip_known_urls: bool = False
    # 32 in flight keep one core busy on loopback (bench: ~800-1,000 pages/s through the
    # whole stage); the web is slower, so this bounds sockets and memory
    # (32 x max_body_bytes) rather than speed.
    max_concurrency: int = Field(32, ge=1)
    per_host_concurrency: int = Field(2, ge=1)  # news-crawl and Heritrix default to 1-2
    per_host_delay_s: float = Field(1.0, ge=0)  # between request starts to one host
    max_crawl_delay_s: float = Field(10.0, ge=0)  # a robots.txt asking for more is capped
    # Per-host delays from seeds/sources.toml (sourcesfile.host_delays): they raise the
    # default for their hosts; see also register_host_delays.
    host_delays: dict[str, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    respect_robots: bool = True
    robots_timeout_s: float = Field(10.0, gt=0)
    # TDMRep's well-known file (/.well-known/tdmrep.json), fetched once per origin and run
    # after its first page, read into `articles.rights`. Off: only headers and meta count.
    read_tdmrep: bool = True
    # attempts = 1 + max_retries. At most 10: a dead server is asked 11 times, ~5 minutes
    # at backoff_max_s; 10**9 retried a failing URL for ever (round 13).
    max_retries: int = Field(2, ge=0, le=10)
    backoff_base_s: float = Field(1.0, ge=0)
    backoff_max_s: float = Field(30.0, ge=0)
    retry_after_max_s: float = Field(60.0, ge=0)  # longer asks fail now, retried next run
    max_redirects: int = Field(10, ge=0)  # browsers allow 20; news chains are < 5 hops
    allowed_content_types: list[str] = Field(
        default_factory=lambda: ["text/html", "application/xhtml+xml"]
    )
    # Discovery inputs (feeds, sitemaps: documents whose source is their own URL, as
    # discover's fetch_urls_via sends them) may also be XML, JSON, plain text or gzip files.
    source_content_types: list[str] = Field(
        default_factory=lambda: [
            "application/rss+xml", "application/atom+xml", "application/rdf+xml",
            "application/xml", "text/xml", "text/plain", "application/gzip",
            "application/x-gzip", "application/octet-stream",
            # JSON Feed (jsonfeed.org): its own type, and the generic one most servers send
            "application/feed+json", "application/json",
        ]
    )
    archive_warc: bool = True
    warc_gzip_level: int = Field(1, ge=0, le=9)  # level 1: ~1/4 of level 6's CPU (bench)
    warc_max_file_bytes: int = Field(1 << 30, gt=0)

    # Sitemaps. Real news sites nest indexes about three deep; big outlets list thousands of
    # archive sitemaps, and a child sitemap unchanged for a month holds nothing new
    # (None for a backfill).
    # Negative limits refused every child sitemap ("deeper than -1 levels"), and a negative
    # age put the cut-off in the future: every child skipped as old.
    sitemap_max_depth: int = Field(3, ge=0)
    sitemap_max_files: int = Field(200, ge=0)
    sitemap_max_child_age_days: float | None = Field(30.0, ge=0, le=100 * 365)

    # --- extract stage ---
    # htmldate's extensive search when no other date is found: exact-date accuracy 0.80 ->
    # 0.85 on the dev corpus, but extraction speed drops to ~0.71x (BENCHMARKS.md).
    extract_extensive_dates: bool = False

    # Quality filters.
    # Shorter texts are captions, teasers or error pages. 25, not 50: on the dev corpus the
    # pages of 25-50 words were real briefs with annotated text (pipeline HM 0.9327 at 50,
    # 0.9356 at 25, the same at 20; BENCHMARKS.md).
    min_words: int = Field(25, ge=0)
    target_languages: list[str] = Field(default_factory=list, description="empty = any")

    # --- dedup stage (tasks/dedup/rules.py, minhash.py, signing.py). Changing
    # bands/rows/shingle_words changes the hash family: persisted signatures no longer
    # compare and the stage refuses to run until they are rebuilt.
    # Jaccard of 5-word shingles at which two texts are the same story. 0.8 keeps
    # different edits of one wire story together and separates follow-up stories.
    neardup_threshold: float = Field(0.8, gt=0, le=1)
    # 16 bands x 8 rows: a pair at Jaccard 0.8 becomes a candidate with p = 1-(1-0.8^8)^16
    # = 0.94, at 0.85 with 0.995; datasketch's "optimal" 9x13 finds only ~57% at 0.80-0.85.
    neardup_bands: int = Field(16, ge=1)
    neardup_rows: int = Field(8, ge=1)
    neardup_shingle_words: int = Field(5, ge=1)
    # exact: candidates are checked on their shingle sets (texts of earlier articles are
    # read back for the few candidates that need it); estimate: MinHash agreement only,
    # containment estimated as J (|A| + |B|) / ((1 + J) min(|A|, |B|)) from the Jaccard
    # estimate and the persisted shingle counts (rows persisted before containment have no
    # count: Jaccard only). Syndication set: recall 0.878 vs 0.903 exact (BENCHMARKS.md).
    neardup_verify: Literal["exact", "estimate"] = "exact"
    # Containment |A n B| / min(|A|, |B|) of 5-word shingles at which the smaller text is a
    # copy of the larger: a wire story cut after ~55% of its paragraphs (Jaccard ~0.55),
    # or with a local intro, joins its original (issue 13). Two texts of equal length at
    # containment 0.7 have Jaccard 0.54. 1.0 = only whole copies. 0.7, not 0.8: a cut
    # copy with a local intro and thinned sentences is often 0.7-0.8 contained (recall
    # 0.903 -> 0.943 on our syndication set), while different stories sharing a long
    # quote stay below 0.3; see BENCHMARKS.md "Story clusters". With exact verification a
    # pair that misses on 5-word shingles is measured again on 3-word ones, where a cut
    # sentence leaves two unmatched shingles instead of four (tasks/dedup/minhash.py,
    # CONTAINMENT_SHINGLE_WORDS).
    neardup_containment: float = Field(0.7, gt=0, le=1)
    # A containment edge needs the smaller text to have this many shingles
    # (~54 words): a 20-word teaser or a single quote must not glue two stories.
    neardup_containment_min_shingles: int = Field(50, ge=1)

    # --- enrich stage (tasks/enrich/annotate.py) ---
    spacy_model: str | None = Field(
        None, description="spaCy package name or path, e.g. en_core_web_sm; None = no NER"
    )
    # 64 texts per nlp.pipe batch amortises per-batch overhead without large memory.
    ner_batch_size: int = Field(64, ge=1)
    # At most 64: each forked worker holds its own spaCy model (~0.5-1 GB).
    ner_processes: int = Field(1, ge=1, le=64,
                               description="nlp.pipe n_process; >1 forks workers")
    # TF-IDF: 33x YAKE's speed and a better title-hit rate on the dev corpus (BENCHMARKS.md).
    keywords_method: str = Field("tfidf", pattern="^(tfidf|yake|none)$")
    keywords_top_k: int = Field(10, ge=0)
    outlets_file: Path | None = Field(
        None, description="source registry; default <seeds>/outlets.toml (+ sources.toml)"
    )

    # --- opt-out signals (tasks/common/rights.py): X-Robots-Tag, robots meta, TDMRep ---
    # Every article records the signals its page carried in `articles.rights`. The ones
    # listed here trigger `opt_out_action`: noai and tdm-reservation are the publisher's
    # machine-readable reservation of text-and-data mining (EU DSM directive art. 4(3)
    # makes TDMRep's binding), which is what enrichment and search over the text are.
    # noindex/noarchive address search engines' listings and cached copies: recorded only.
    opt_out_signals: list[str] = Field(default_factory=lambda: ["noai", "tdm-reservation"])
    # keep: text kept as any other page; metadata: the article is kept (URL, title, dates,
    # authors, cluster) with its text withheld (emptied in enrich, after dedup has used it
    # to find revisions and copies, before any text is mined); skip: rejected in clean,
    # reason `opted_out`. metadata by default: the warehouse still knows the story exists
    # and where, without holding or mining text its publisher reserved.
    opt_out_action: Literal["keep", "metadata", "skip"] = "metadata"
    # A noarchive page's body is not written to the raw WARC archive (its request and
    # response headers are, the record marked WARC-Truncated): noarchive asks crawlers
    # not to keep a copy of the page. True keeps it anyway (a legal deposit archive).
    archive_noarchive_bodies: bool = False

    # Reading time: 230 words/min is the usual adult silent-reading rate for news prose.
    words_per_minute: int = Field(230, ge=1)  # 0 raised ZeroDivisionError in enrich

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, _EnvKeysCheck(settings_cls), _EnvSource(settings_cls),
                _NamedTomlSource(settings_cls))


def settings_slice(cls, settings: Settings | None = None, **overrides):
    """A stage's configuration slice (a frozen dataclass whose fields are named like
    Settings fields) filled from the one Settings object: each stage receives only what
    it uses, and environment names and pressroom.toml keys stay those of Settings."""
    from dataclasses import fields

    settings = settings if settings is not None else Settings()
    unknown = [f.name for f in fields(cls) if f.name not in Settings.model_fields]
    if unknown:
        raise TypeError(f"{cls.__name__} declares fields Settings does not have: {unknown}")
    values = {f.name: getattr(settings, f.name) for f in fields(cls) if f.name not in overrides}
    return cls(**values, **overrides)
