"""`pressroom` command line: ingest, reprocess, sql, runs, report, demo, search, reindex,
diff, compact, forget."""

from __future__ import annotations

import csv
import difflib
import json
import math
import os
import signal
import sys
import tempfile
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from flows.terminal import (
    CheckedOutput,
    OutputConsole,
    as_records,
    console_width,
    names_standard_output,
    output_name,
    summary_line,
    table_fits,
    terminal_columns,
    tolerant,
    utf8_data,
)
from tasks.storage.interrupts import (  # (light: duckdb loads on a call)
    interruptible,
    query_interrupted,
)

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="pressroom: news on the web -> a deduplicated, enriched SQL warehouse.")
# Piped output (CI logs, `| less`) gets a wide table instead of rich's 80-column default;
# COLUMNS=0 is no width (flows/terminal.console_width).
console = OutputConsole(width=console_width(os.environ.get("COLUMNS"), sys.stdout.isatty(),
                                            terminal_columns(1), piped=160))
err = Console(stderr=True, width=console_width(os.environ.get("COLUMNS"), sys.stderr.isatty(),
                                               terminal_columns(2)))


@app.callback()
def _every_command(ctx: typer.Context) -> None:
    # A terminal whose encoding lacks a character of a title or a path gets an escape
    # for it, not a UnicodeEncodeError traceback (fault round 15; flows/terminal.py).
    tolerant(sys.stdout)
    tolerant(sys.stderr)
    if not isinstance(sys.stdout, CheckedOutput) and sys.stdout is not None:
        sys.stdout = CheckedOutput(sys.stdout, _output_failed)
    ctx.call_on_close(_flush_standard_output)


def _flush_standard_output() -> None:
    """What the command left in standard output's buffer, written while click still ends
    the command (its context closes inside click's handling of a closed pipe: exit 1,
    nothing said). Left to the interpreter's exit, a small output (`search -f json`,
    `diff -f json`, `sql -f csv "SELECT 1"`) into a pipe whose reader had gone was
    "Exception ignored ... BrokenPipeError" with a traceback and exit 120, where a large
    one, written during the command, was click's quiet 1 (fault round 63; hidden where
    PYTHONUNBUFFERED is set). When the command already ends by an exception of its own
    (Ctrl-C's 130), that exit stands: the closed pipe only sends the rest nowhere."""
    if sys.stdout is None:
        return
    # (click closes the context before a command's own end, and while an exception of
    # the command's goes by; read here, not inside the except below, where it is the pipe)
    ending_by = sys.exc_info()[1]
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the exit's flush then writes nowhere
        os.close(devnull)
        if ending_by is None or getattr(ending_by, "exit_code", None) == 0:
            raise


def _output_failed(exc: OSError) -> typing.NoReturn:
    """Standard output could not be written (a full disk or quota where it goes, a
    file-size limit, an I/O error): one sentence naming it, exit 1 (fault round 59)."""
    where = output_name(1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - what is left unwritten goes nowhere
    err.print(f"[red]cannot write to standard output[/red]"
              f"{f' ({escape(where)})' if where else ''}: {escape(str(exc))}\n"
              "What was written there is cut short. The warehouse is not affected: what "
              "this command committed to it is kept (`pressroom runs` lists the runs). Make "
              "room where the output goes (or raise its file-size limit, ulimit -f), or send "
              "it elsewhere, and run the command again.",
              highlight=False, soft_wrap=True)
    raise SystemExit(1)


def _print_table(t: Table) -> None:
    """The table, or on a terminal too narrow for its columns (which rich shrinks down to
    nothing) each row as a record: one line per column, its name then its value."""
    if table_fits(t, console.width):
        console.print(t)
        return
    if t.title:
        console.print(t.title, style="italic")
    for i, record in enumerate(as_records(t), 1):
        console.print(f"[dim]-- row {i} --[/dim]")
        width = max(len(name) for name, _ in record)
        for name, cell in record:
            console.print(Text(name.ljust(width) + "  ", style="bold"), cell, sep="",
                          soft_wrap=True, highlight=False)


def _before_flows() -> None:
    """Ephemeral Prefect without telemetry, with a start-up timeout this machine meets; and
    SIGTERM (`kill`, `timeout`, systemd stopping a service) as a normal exit, so that the
    exit hooks run: the temporary Prefect server this process started stops with it
    instead of living on as an orphan. (SIGKILL cannot be caught; the writer lock and the
    commit protocol cover what it leaves.)"""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    _stop_signals_are_exits()


def _stop_signals_are_exits() -> None:
    """SIGTERM and SIGHUP (`signals_to_exit_on`) raise SystemExit(128 + the signal) in the
    main thread (`_exit_on_sigterm`), so a command unwinds through its handlers and says
    what it left; a stop swallowed in a finalizer is sent again."""
    if threading.current_thread() is threading.main_thread():
        for signum in signals_to_exit_on(signal.getsignal):
            signal.signal(signum, _exit_on_sigterm)
        # once per process: commands called in one (the tests' CliRunner) each wrapped
        # the hook again, a chain as deep as the calls
        if not getattr(sys.unraisablehook, "delivers_stops_again", False):
            sys.unraisablehook = ctrl_c_in_a_finalizer_again(sys.unraisablehook)


def ctrl_c_in_a_finalizer_again(previous):
    """An unraisable-exception hook that delivers again a stop Python swallowed. The
    KeyboardInterrupt of a SIGINT (or the SystemExit of a SIGTERM, `_exit_on_sigterm`, or
    Prefect's TerminationSignal during a flow) is raised in whatever the main thread
    runs, and when that is an object's finalizer (a `__del__` the garbage collector
    called: the `regex` package's, in a run), Python prints "Exception ignored in ..."
    with a traceback and goes on: the run never learned
    of its stop, its stalled fetches ended as FetchesStopped, and it exited 1 with a
    traceback (session 59: fault round 56's test, 3 runs in 5). The signal is sent again
    from a thread of its own, so that its handler runs at the main thread's next step,
    outside the finalizer (from the hook itself, it ran inside the hook and was swallowed
    again), and nothing is printed. Any other unraisable exception goes to `previous`."""
    import _thread

    def hook(unraisable) -> None:
        kind = unraisable.exc_type
        stop = (signal.SIGINT if kind is not None and issubclass(kind, KeyboardInterrupt)
                else _stop_signal if kind is not None and issubclass(kind, SystemExit)
                # Prefect's handler of SIGTERM during a flow raises its TerminationSignal
                # (no Exception; the signal's number on it)
                else _signal_of(unraisable.exc_value)
                if kind is not None and not issubclass(kind, Exception) else None)
        if stop is None:
            previous(unraisable)
            return
        # (not threading.Thread: its start() waits for the thread, and the signal landed
        # in that wait, inside the hook; the short sleep lets the hook return first)
        _thread.start_new_thread(_signal_again_soon, (stop,))

    hook.delivers_stops_again = True
    return hook


def _signal_of(exc: BaseException | None) -> int | None:
    """The signal an external-signal exception carries (Prefect's TerminationSignal)."""
    number = getattr(exc, "signal", None)
    return number if isinstance(number, int) and number > 0 else None


def _signal_again_soon(signum: int) -> None:
    time.sleep(0.05)
    os.kill(os.getpid(), signum)


def signals_to_exit_on(current) -> list[int]:
    """The stop signals a run turns into a normal exit, its hooks run: SIGTERM always;
    SIGHUP (the terminal closed, an ssh session dropped) unless it is ignored, as `nohup`
    leaves it for a run that must outlive its terminal. A hangup killed the process
    outright (fault round 37): death by signal, not a word, no exit hook (Prefect's engine
    never told of the end; the extraction workers' semaphores reported leaked).
    `current(signum)` is the signal's present handler (signal.getsignal)."""
    wanted = [signal.SIGTERM]
    hup = getattr(signal, "SIGHUP", None)  # not on Windows
    if hup is not None and current(hup) is not signal.SIG_IGN:
        wanted.append(hup)
    return wanted


# The stop signal this process received (SIGTERM, SIGHUP), once `_exit_on_sigterm` ran.
_stop_signal: int | None = None


def _exit_on_sigterm(signum, frame) -> None:
    global _stop_signal
    _stop_signal = signum
    # The chunks the workers are extracting will not be committed: end them now rather
    # than have the exit wait for them (the commit protocol keeps what was committed).
    # Only if loaded: a pool exists only then, and a handler should not import.
    parallel = sys.modules.get("tasks.common.parallel")
    if parallel is not None:
        parallel.stop_workers()
    # Likewise the fetches waiting on stalled servers (fault round 56).
    fetching = sys.modules.get("tasks.fetch.client")
    if fetching is not None:
        fetching.stop_fetches()
    raise SystemExit(128 + signum)


@contextmanager
def _a_stop_signal_is_the_exit() -> Iterator[None]:
    """A run that received SIGTERM or SIGHUP exits 128 + its number whatever happened
    after: the SystemExit its handler raises can land inside a library that catches every
    exception (aiohttp's response parsing, in the discover stage's feed fetch, which runs
    in the main thread), and the run went on to the end and exited 0 (fault round 57)."""
    try:
        yield
    finally:
        if _stop_signal is not None:
            raise SystemExit(128 + _stop_signal) from None


@contextmanager
def _disk_full_is_a_sentence(root: Path) -> Iterator[None]:
    """A write that stops on a full disk (or quota), a file-size limit, a read-only
    filesystem or a part of the warehouse made unwritable meanwhile ends the command with
    a sentence and exit status 1, not a traceback: the commit protocol has kept every
    batch committed before, and a re-run resumes after them."""
    from tasks.storage.preflight import (
        WRITE_STOP_ADVICE,
        WRITE_STOP_HEADLINES,
        write_stop_cause,
    )

    try:
        yield
    except Exception as exc:
        found = write_stop_cause(exc, root)
        if found is None:
            raise
        kind, cause = found
        first_line = str(cause).strip().splitlines()[0][:300] if str(cause).strip() else ""
        err.print(f"[red]{WRITE_STOP_HEADLINES[kind]}[/red] (writing to {escape(str(root))}): "
                  f"{escape(first_line)}\n"
                  f"Every batch committed before is kept; {WRITE_STOP_ADVICE[kind]}",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _settings(warehouse: str | Path | None, **given):
    """The Settings, with what the command line gave (None = not given) over the
    environment and pressroom.toml."""
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    from tasks.common.settings import Settings, invalid_settings_message

    if isinstance(warehouse, str):
        if not warehouse.strip():
            err.print("[red]--warehouse is empty:[/red] give the warehouse folder (an unset "
                      "shell variable? for the current folder, write -w .)", soft_wrap=True)
            raise typer.Exit(2)
        warehouse = Path(warehouse)
    given = {k: v for k, v in {"warehouse": warehouse, **given}.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        err.print(f"[red]invalid settings:[/red] {escape(invalid_settings_message(exc.errors()))}",
                  soft_wrap=True)
        raise typer.Exit(2) from None
    except SettingsError as exc:
        err.print(f"[red]invalid settings:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


def _require_utf8(**values: str | None) -> None:
    """Exit 2 with a sentence when a text argument holds bytes that are no UTF-8
    (`not_utf8_problem`); keys are the names shown ("query", "--outlet")."""
    from tasks.common.text import not_utf8_problem

    for what, value in values.items():
        problem = not_utf8_problem(what.replace("_", " "), value)
        if problem:
            err.print(f"[red]bad argument:[/red] {escape(problem)}", highlight=False,
                      soft_wrap=True)
            raise typer.Exit(2)


def _require_warehouse(root: Path, write: bool, existing: bool = False, hint: str = "") -> None:
    """Exit 2 with a sentence (and `hint`, what else to do) when the warehouse path cannot
    serve (a file, a folder we cannot write, or for a command that reads one, no folder
    at all): before Prefect starts, not at publish after all the work."""
    from tasks.storage.preflight import warehouse_problem

    problem = warehouse_problem(root, write, existing)
    if problem:
        err.print(f"[red]bad warehouse:[/red] {escape(problem + hint)}", soft_wrap=True)
        raise typer.Exit(2)


def _require_dedup_settings(settings) -> None:
    """Exit 2 when this run's near-duplicate settings cannot sign into the warehouse's
    signatures (changed since they were made): before any work, not at the first batch's
    dedup after its fetching and extraction (fault round 29)."""
    from tasks.steps import dedup_settings_problem

    problem = dedup_settings_problem(settings)
    if problem:
        err.print(f"[red]settings do not fit the warehouse:[/red] {escape(problem)}",
                  soft_wrap=True)
        raise typer.Exit(2)


def _require_api() -> None:
    """Exit 2 with a sentence when PREFECT_API_URL names a Prefect server that does not
    answer (a run against it failed with a traceback of httpx's and Prefect's)."""
    from prefect.settings import PREFECT_API_URL

    from flows.server import api_problem

    url = PREFECT_API_URL.value()
    if url and (problem := api_problem(url)):
        err.print(f"[red]no Prefect server:[/red] {escape(problem)}", soft_wrap=True)
        raise typer.Exit(2)
    if not url:  # Prefect starts a temporary server of its own
        _require_prefect_home()


def _require_prefect_home() -> None:
    """Exit 2 with a sentence when the temporary Prefect server cannot keep its database
    in Prefect's home (fault round 37): before, 120 s of respawned servers and their
    tracebacks, then a traceback of ours."""
    from flows.server import prefect_home_problem

    if problem := prefect_home_problem(os.environ):
        err.print(f"[red]no place for Prefect's database:[/red] {escape(problem)}",
                  soft_wrap=True)
        raise typer.Exit(2)


def _require_inputs(inputs: list[str]) -> None:
    """Exit 2 when a path given on the command line does not exist, or is a file no
    reader takes (`urls.csv`, `crawl.warc.zst`): either would otherwise commit an empty
    run and exit 0."""
    from tasks.discover.inputs import (
        BLANK_INPUT,
        blank_input,
        broken_link,
        missing_inputs,
        unknown_inputs,
        unreachable_input,
    )

    missing = missing_inputs(inputs)
    for item in missing:
        if blank_input(item):  # "" is the current folder as a path: never read it unasked
            err.print(f"[red]no such input:[/red] {escape(repr(item))}: {BLANK_INPUT}; an "
                      "unset shell variable?", soft_wrap=True)
            continue
        # A link whose target is missing, or a loop of links, is there: "no such input"
        # sent the user looking for a typo in a name `ls` lists (fault round 51).
        link = broken_link(item) or unreachable_input(item)
        err.print(f"[red]no such input:[/red] {escape(item)}"
                  + (f": {escape(link)}" if link else ""), soft_wrap=True)
    unknown = unknown_inputs(inputs)
    for item, why in unknown:  # was a note in an empty run that exited 0
        err.print(f"[red]not an input:[/red] {escape(item)}: {escape(why)}", soft_wrap=True)
    if missing or unknown:
        raise typer.Exit(2)


# Read as text, made a Path in `_settings`: as a Path, `-w ""` (an unset shell variable)
# was `.`, and the command made or read a warehouse in the current folder (fault round 46)
WarehouseOpt = Annotated[
    str | None, typer.Option("--warehouse", "-w", help="warehouse folder (PRESSROOM_WAREHOUSE)")
]
DaskOpt = Annotated[str | None, typer.Option(
    "--dask-address", help="run the batches on this Dask scheduler, e.g. tcp://10.0.0.5:8786 "
    "(PRESSROOM_DASK_ADDRESS; needs a Prefect server: PREFECT_API_URL)")]


def _require_server_for_dask(settings) -> None:
    """A Dask cluster needs a real Prefect server: in ephemeral mode every Dask worker
    would start a server of its own."""
    if settings.dask_address:
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            err.print("[red]--dask-address needs a Prefect server:[/red] run `prefect server "
                      "start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)")
            raise typer.Exit(2)


def _on_runner(flow, settings):
    """The flow on the settings' task runner."""
    from flows.runners import for_cluster, on_runner

    _require_server_for_dask(settings)
    settings = for_cluster(settings)
    return on_runner(flow, settings), settings


@app.command()
def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="files, folders or http(s) URLs (default: the seeds folder)")] = None,
    refresh: Annotated[bool, typer.Option(help="re-fetch URLs already in the warehouse")] = False,
    warehouse: WarehouseOpt = None,
    dask_address: DaskOpt = None,
) -> None:
    """Run the ingest flow and print the run summary. An input of "-" is standard input:
    a URL list or a text dump piped in (`curl -s .../urls.txt | pressroom ingest -`); a
    pipe named as an input is read so too (`pressroom ingest <(grep news urls.txt)`)."""
    settings = _settings(warehouse, dask_address=dask_address)
    _require_warehouse(settings.warehouse, write=True)
    with _standard_input(inputs or []) as named:
        _ingest(named, refresh, settings)


@contextmanager
def _standard_input(inputs: list[str]) -> Iterator[list[str]]:
    """`inputs` with "-" as the file standard input's bytes were saved to (for the run's
    length: a temporary folder), and each named pipe likewise (`pressroom ingest
    <(grep news urls.txt)`: the shell names /dev/fd/63, which was skipped as "a named pipe
    (FIFO), not a file" and the run exited 0 with nothing read, fault round 58). Exit 2
    when standard input is a terminal (nothing was piped: the command would wait for
    typing), when a pipe holds nothing, or more than the cap (a WARC has none: it is read
    batch by batch). "-" was "no such input"."""
    from tasks.discover.inputs import STDIN_INPUT, named_pipe

    pipes = list(dict.fromkeys(item for item in inputs
                               if item == STDIN_INPUT or named_pipe(item)))
    if not pipes:
        yield inputs
        return
    stream = sys.stdin
    if STDIN_INPUT in pipes and (stream is None or stream.isatty()):
        err.print("[red]nothing piped in:[/red] the input - reads standard input, which is "
                  "a terminal here: pipe a URL list, a text dump or a WARC in, e.g. "
                  "`cat urls.txt | pressroom ingest -`", soft_wrap=True)
        raise typer.Exit(2)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pressroom-stdin-") as folder:
        saved = {}
        for n, item in enumerate(pipes):
            (Path(folder) / str(n)).mkdir()
            if item == STDIN_INPUT:
                saved[item] = _save_piped(stream.buffer, Path(folder) / str(n),
                                          "standard input", " (the input -)")
            else:
                with open(item, "rb") as pipe:
                    saved[item] = _save_piped(pipe, Path(folder) / str(n), f"the pipe {item}")
        # a pipe named twice is one input: it can be read once
        yield [saved[item] if item in saved else item for i, item in enumerate(inputs)
               if item not in saved or inputs.index(item) == i]


def _save_piped(stream, folder: Path, what: str, which: str = "") -> str:
    """What `stream` (standard input, a named pipe) holds, saved in `folder` as the file
    the run reads (`inputs.piped_input` names its kind)."""
    from tasks.discover.inputs import MAX_PIPED_BYTES, piped_input
    from tasks.discover.warc import is_warc_path

    raw = stream.read(MAX_PIPED_BYTES + 1)
    if not raw.strip():
        err.print(f"[red]nothing piped in:[/red] {escape(what + which)} held no text",
                  soft_wrap=True)
        raise typer.Exit(2)
    path = str(piped_input(raw, folder))
    if is_warc_path(path):
        _save_the_rest(stream, path)
    elif len(raw) > MAX_PIPED_BYTES:
        err.print(f"[red]too much piped in:[/red] {escape(what)} holds more than "
                  f"{MAX_PIPED_BYTES} bytes: save it to files (.urls lists, .txt dumps) "
                  "and ingest their folder", soft_wrap=True)
        raise typer.Exit(2)
    return path


def _save_the_rest(stream, path: str) -> None:
    """A WARC piped in, copied to its file past the first read: WARCs are read batch by
    batch, never whole, so no cap holds them (a CC-NEWS file is about 1 GB); the
    temporary folder's disk (TMPDIR) bounds it, and a full one is a sentence."""
    import shutil

    try:
        with open(path, "ab") as fh:
            shutil.copyfileobj(stream, fh, 1 << 20)
    except OSError as exc:
        err.print(f"[red]cannot save standard input:[/red] a WARC piped in is saved to "
                  f"{escape(path)} for the run, and that failed: {escape(exc.strerror or str(exc))}"
                  "; save it to a file and ingest the file, or set TMPDIR to a folder "
                  "with room", soft_wrap=True)
        raise typer.Exit(2) from None


def _ingest(inputs: list[str], refresh: bool, settings) -> None:
    _require_inputs(inputs)
    _before_flows()
    from flows.server import PrefectApi

    api = PrefectApi(start=not settings.dask_address)  # starts while the modules load
    if not api.starting:
        _require_api()
    else:
        _require_prefect_home()
    _require_dedup_settings(settings)  # (its imports are the flow's: while the server starts)
    from flows.ingest import ingest as ingest_flow
    from tasks.discover.inputs import given_inputs

    # Before the flow: Prefect stores a flow's parameters, so credentials never reach it,
    # and holds them as UTF-8, so a path that is no UTF-8 goes escaped (fault round 41)
    clean, credentials = given_inputs(inputs)
    if credentials:
        err.print("[yellow]note:[/yellow] user name/password removed from input URL(s): "
                  "pressroom never sends or stores them")
    from flows.progress import terminal_progress

    flow, settings = _on_runner(ingest_flow, settings)
    if api.starting:  # the server's start-up leaves time for the stages' one-time loads
        from tasks.steps import warm_up_stages

        warm_up_stages(settings)
    # A progress display at a terminal only: piped output and logs stay one line a commit.
    shown = terminal_progress(console) if console.is_terminal else nullcontext()
    with _a_stop_signal_is_the_exit(), _interrupted_run_is_a_sentence(), \
            _failed_run_is_a_sentence(), _disk_full_is_a_sentence(settings.warehouse), \
            api.ready(), shown:
        manifest = flow(inputs=clean or None, refresh=refresh, settings=settings)
    print_summary(manifest, settings.warehouse)


@contextmanager
def _interrupted_command_is_a_sentence(what: str) -> Iterator[None]:
    """Ctrl-C in a command that reads the warehouse (`report`, `search`), or rebuilds or
    removes within it (`reindex`, `forget`: they exited 130 without a word, fault round
    58): exit 130 with `what` was stopped, and what it left. DuckDB turns the SIGINT it
    catches in a query into a RuntimeError, which was a traceback and exit 1 (fault round
    57; `sql`'s in round 56)."""
    import duckdb

    try:
        yield
    except (KeyboardInterrupt, RuntimeError, duckdb.InterruptException) as exc:
        if not query_interrupted(exc):
            raise
        err.print(f"[yellow]interrupted:[/yellow] {what}", soft_wrap=True)
        raise typer.Exit(130) from None
    except SystemExit:
        # SIGTERM or SIGHUP (`_stop_signals_are_exits`, set by the writing commands): the
        # same sentence, exit 128 + its number; they killed `forget`, `reindex` and
        # `report` without a word (fault round 64's known item)
        if _stop_signal is None:
            raise  # an exit of another kind
        err.print(f"[yellow]stopped (signal {_stop_signal}):[/yellow] {what}", soft_wrap=True)
        raise typer.Exit(128 + _stop_signal) from None


# How each run command goes on after a Ctrl-C, for `_interrupted_run_is_a_sentence`.
INGEST_GOES_ON = "run the same command again to go on: inputs already in the warehouse are skipped"
BACKFILL_GOES_ON = ("run the same command again to go on: files already ingested are skipped, "
                    "and the file that was stopped goes on after its committed batches")
# A reprocess is a refresh of the whole archive (or of the runs named): run again it
# re-extracts every page, the stopped run's committed ones too; their text is then
# unchanged and adds no revision (fault round 58 measured it: the same articles as one
# uninterrupted reprocess).
REPROCESS_GOES_ON = ("run the same command again to go on: it re-extracts every page again, "
                     "and a page whose new text this run committed adds no second revision")


def _fetches_stopped(exc: BaseException) -> bool:
    """Whether `exc` is the fetch stage's FetchesStopped, without importing the fetch
    client (aiohttp) into `reprocess` and `backfill`, which never fetch: a run that did
    not load the client cannot have raised it."""
    client = sys.modules.get("tasks.fetch.client")
    return client is not None and isinstance(exc, client.FetchesStopped)


@contextmanager
def _interrupted_run_is_a_sentence(go_on: str = INGEST_GOES_ON) -> Iterator[None]:
    """Ctrl-C during a run: exit 130 (as a shell reports SIGINT) with what it kept and how
    to go on (`go_on`: the command's own way), after Prefect's "Crash detected!" lines,
    which said neither. Also when it falls in a DuckDB query of the run's closing views,
    data tests or report, which DuckDB turns into a RuntimeError: that was a traceback and
    exit 1 (fault round 57). `reprocess` and `backfill` exited 130 with no word (round 58)."""
    import asyncio

    import duckdb

    try:
        yield
    except (KeyboardInterrupt, RuntimeError, duckdb.InterruptException,
            asyncio.CancelledError) as exc:
        # (FetchesStopped: the stop's own cancellation of a batch's fetches, which reaches
        # the flow when the signal's KeyboardInterrupt did not; a SIGTERM's exit is still
        # _a_stop_signal_is_the_exit's, around this)
        if not (query_interrupted(exc) or _fetches_stopped(exc)):
            raise
        err.print("[yellow]interrupted:[/yellow] the batches this run committed are kept "
                  f"(a commit is whole or absent); {go_on}", soft_wrap=True)
        raise typer.Exit(130) from None


@app.command()
def reprocess(
    run: Annotated[list[str] | None, typer.Option(
        "--run", help="only pages fetched by these runs (default: the whole archive)")] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Re-extract archived pages from warehouse/raw/ WARC files, without the network."""
    settings = _settings(warehouse)
    _require_warehouse(settings.warehouse, write=True)
    _require_dedup_settings(settings)
    from tasks.storage.warehouse import run_manifests, unknown_run_ids

    # a run id holds no space: one pasted with the space around it is still that run
    run = [r.strip() for r in run] if run else run

    unknown = unknown_run_ids(settings.warehouse, run or [])
    if unknown:
        latest = [m["run_id"] for m in run_manifests(settings.warehouse)][-3:]
        err.print(f"[red]no such run:[/red] {escape(', '.join(unknown))} in "
                  f"{escape(str(settings.warehouse))} (`pressroom runs` lists them"
                  + (f"; the latest: {escape(', '.join(reversed(latest)))})" if latest
                     else "; it holds none yet)"), soft_wrap=True)
        raise typer.Exit(2)
    if run:
        from tasks.storage.archive import runs_without_pages
        from tasks.storage.warehouse import scan_table

        empty = runs_without_pages(scan_table(settings.warehouse, "fetch_log"), settings, run)
        if empty:
            why = (f"{', '.join(empty)} archived no page to re-extract (a reprocess run "
                   "fetches none, nor does a run of text dumps; a run whose fetches all "
                   "failed has none either)")
            if len(empty) == len(set(run)):
                err.print(f"[red]nothing to reprocess:[/red] {escape(why)}", soft_wrap=True)
                raise typer.Exit(2)
            err.print(f"[yellow]note:[/yellow] {escape(why)}", soft_wrap=True)
    _before_flows()
    _require_api()
    from flows.reprocess import reprocess as reprocess_flow

    with _a_stop_signal_is_the_exit(), _interrupted_run_is_a_sentence(REPROCESS_GOES_ON), \
            _failed_run_is_a_sentence(), _disk_full_is_a_sentence(settings.warehouse):
        manifest = reprocess_flow(run_ids=run or None, settings=settings)
    print_summary(manifest, settings.warehouse)


@app.command()
def backfill(
    source: Annotated[str, typer.Argument(
        help="a folder of CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz files, or an http(s) listing "
             "of them (an index page or a warc.paths list)")],
    start: Annotated[datetime, typer.Option("--from", formats=["%Y-%m-%d"],
                                            help="first day (YYYY-MM-DD)")],
    end: Annotated[datetime, typer.Option("--to", formats=["%Y-%m-%d"],
                                          help="last day, included (YYYY-MM-DD)")],
    warehouse: WarehouseOpt = None,
    dask_address: DaskOpt = None,
) -> None:
    """Ingest the source's dated WARC files from one day to another, file by file, oldest
    first. Run it again to resume: files a finished run ingested are skipped."""
    _before_flows()
    if end < start:
        err.print(f"[red]--to {end:%Y-%m-%d} is before --from {start:%Y-%m-%d}[/red]")
        raise typer.Exit(2)
    from tasks.discover.ccnews import local_source_problem

    # a folder mistyped, a file named: said before a server starts (fault round 46)
    if problem := local_source_problem(source):
        err.print(f"[red]cannot read the backfill source:[/red] {escape(problem)}",
                  soft_wrap=True)
        raise typer.Exit(2)
    settings = _settings(warehouse, dask_address=dask_address)
    # as ingest's: without it a warehouse that is a file (or not writable, or of a newer
    # pressroom) ended the backfill with a traceback once its first file's run started
    # (FileExistsError after the server's start, fault round 40)
    _require_warehouse(settings.warehouse, write=True)
    _require_dedup_settings(settings)
    _require_api()
    from flows.backfill import backfill as backfill_flow
    from tasks.discover.inputs import given_inputs

    flow, settings = _on_runner(backfill_flow, settings)
    (source,), _ = given_inputs([source])  # a flow's parameters are UTF-8 (as ingest's)
    # the listing did not answer, or a run's data tests failed: the flow's own sentence
    with _a_stop_signal_is_the_exit(), _interrupted_run_is_a_sentence(BACKFILL_GOES_ON), \
            _failed_run_is_a_sentence(), _disk_full_is_a_sentence(settings.warehouse):
        done = flow(source=source, start=start.date(), end=end.date(), settings=settings)
    t = Table(title=f"backfill {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    for col in ("file", "run_id", "inputs", "kept", "rejected", "skipped"):
        t.add_column(col, justify="left" if col in ("file", "run_id") else "right")
    for m in done["runs"]:
        tot = m["totals"]
        t.add_row(Text(Path(m["inputs_given"][0]).name), m["run_id"],
                  *(str(tot[k]) for k in ("inputs", "kept", "rejected", "skipped")))
    with _summary_of_committed_runs():
        _print_table(t)
        console.print(f"{len(done['files'])} file(s) in range: {len(done['runs'])} ingested "
                      f"now, {len(done['skipped'])} already ingested")
    if done.get("note"):
        err.print(f"[yellow]note:[/yellow] {escape(done['note'])}", soft_wrap=True)


@contextmanager
def _summary_of_committed_runs() -> Iterator[None]:
    """Around what a run command prints once its runs committed. A reader that stopped
    reading (`pressroom ingest x.warc.gz | head -1`) made the summary's write fail with
    EPIPE, and click's handling of it exited 1: a script under `set -o pipefail` saw a
    failed ingest whose 24 articles had landed (fault round 61). git, ls, grep and cat die
    of SIGPIPE there (141, a failure under pipefail too): their output is what they are
    run for. A run's product is the warehouse, and its status says whether the run
    committed: the rest of the summary goes to /dev/null, quietly, and the exit stays 0.
    Any other failed write (a full disk) is still CheckedOutput's sentence and exit 1."""
    try:
        yield
        sys.stdout.flush()  # what is buffered meets the closed pipe here, not at the exit
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the exit's flush then writes nowhere
        os.close(devnull)


@contextmanager
def _failed_run_is_a_sentence() -> Iterator[None]:
    """A flow that ended in a Failed state of its own (a run whose data tests fail, a
    backfill source that does not answer): its message and exit 1, no traceback."""
    from prefect.exceptions import FailedRun

    try:
        yield
    except FailedRun as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(1) from None


def print_summary(manifest: dict, root: Path) -> None:
    with _summary_of_committed_runs():
        _print_summary(manifest, root)


def _print_summary(manifest: dict, root: Path) -> None:
    t = Table(title=f"run {manifest['run_id']}", show_lines=False)
    for col in ("stage", "received", "passed", "rejected", "failed", "skipped"):
        t.add_column(col, justify="left" if col == "stage" else "right")
    for s in manifest["stages"]:
        t.add_row(s["stage"], *(str(s[k]) for k in
                                ("received", "passed", "rejected", "failed", "skipped")))
    _print_table(t)
    totals = manifest["totals"]
    console.print(
        f"inputs {totals['inputs']} = kept {totals['kept']} + rejected {totals['rejected']} "
        f"+ failed fetches {totals['failed']} + already in warehouse {totals['skipped']}"
    )
    for note in manifest.get("notes", []):
        console.print(f"[yellow]note:[/yellow] {escape(note)}")
    console.print(f"warehouse: {escape(str(Path(root).resolve()))}", highlight=False)
    console.print(f"DuckDB:    {escape(str(Path(manifest['database']).resolve()))}",
                  highlight=False)
    console.print(f"report:    {escape(str(Path(manifest['report']).resolve()))}",
                  highlight=False)
    console.print('try: pressroom sql "SELECT title, domain, word_count FROM articles"')


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class DiffFormat(StrEnum):
    """`diff`'s own choice: a pair of revisions is no row of columns, so no CSV (with the
    shared Format, `-f csv` wrote JSON under CSV's name: fault round 34)."""

    table = "table"
    json = "json"


def _csv_writer(stream):
    """A CSV writer ending rows in LF, as DuckDB's COPY ... TO writes them. The csv
    module's default CRLF put a CR at the end of every last cell, which the next command
    of a pipe read as part of it (`while read url` gave "...html\r": fault round 34); a
    newline inside a cell stays quoted."""
    return csv.writer(stream, lineterminator="\n")


def _blob_text(value: bytes | bytearray | memoryview) -> str:
    """A blob in DuckDB's own text form: `\\xFF` for a byte that is no printable ASCII
    (and for the backslash itself), as `CAST(blob AS VARCHAR)` and COPY ... TO write it."""
    return "".join(chr(b) if 0x20 <= b < 0x7F and b != 0x5C else f"\\x{b:02X}"
                   for b in bytes(value))


def _json_safe(value):
    """A query value JSON can hold: NaN and infinities (DuckDB's 'nan'::double, a ratio of
    zero counts) become null, also inside lists and structs. json.dump wrote them as
    NaN / Infinity, which no JSON parser reads (fault round 11)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        # a blob (`signatures.signature`) went through json's default=str as Python's
        # repr, "b'\\x8f...'", at the top of a row or inside a list or struct, also in
        # a csv cell (fault round 42)
        return _blob_text(value)
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


# Rows fetched and written at a time by `sql -f csv` / `-f json`.
SQL_BATCH_ROWS = 10_000


# Rows `sql` shows as a table: a terminal table of a million rows is unreadable, and it
# held every row, as Python objects and as rich cells, before printing the first.
SQL_TABLE_ROWS = 1_000


def _first_rows(batches, limit: int) -> tuple[list, int]:
    """The first `limit` rows of the batches, and how many rows they hold in all: the
    rest are counted as they come and not kept."""
    kept: list = []
    total = 0
    for batch in batches:
        room = limit - len(kept)
        if room > 0:
            kept.extend(batch[:room])
        total += len(batch)
    return kept, total


def _write_json_rows(keys: list[str], batches) -> None:
    """The rows as one JSON array of objects, written batch by batch (json.dump of the
    whole list held every row, as Python objects, at once)."""
    sys.stdout.write("[")
    first = True
    for batch in batches:
        for r in batch:
            record = dict(zip(keys, map(_json_safe, r), strict=True))
            sys.stdout.write(("\n " if first else ",\n ") + json.dumps(
                record, default=str, ensure_ascii=False, allow_nan=False))
            first = False
    sys.stdout.write("\n]\n" if not first else "]\n")


def _csv_cell(value):
    """A query value as a CSV cell: a list, a struct or a map as JSON (as `-f json` writes
    it), a blob in DuckDB's own text form (`\\xFF` for a byte that is no printable
    ASCII). The csv module wrote Python's reprs, `['a', 'b']`, `b'\\x00'`,
    `[Decimal('1.5')]`, which nothing but Python reads back."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(_json_safe(value), default=str, ensure_ascii=False)
    if isinstance(value, bytes | bytearray | memoryview):
        return _blob_text(value)
    return value


def _unique_names(columns: list[str]) -> list[str]:
    """Column names as JSON object keys, each once: a join's `SELECT *` gives two `id`
    (or `run_id`, `url`) columns, and a JSON object keeps one value per key, so `-f json`
    dropped every earlier one without a word. A repeated name gets a numbered suffix, as
    DuckDB names it in a table made from such a query (`id_1`), one no column has yet."""
    taken = set(columns)
    seen: set[str] = set()
    out = []
    for name in columns:
        if name in seen:
            n = 1
            while f"{name}_{n}" in taken:
                n += 1
            name = f"{name}_{n}"
            taken.add(name)
        seen.add(name)
        out.append(name)
    return out


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL over articles, rejects, fetch_log, ...")],
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    # at least 1: a cell is cut to `width - 1` characters and "…", so 0 cut one character
    # off each cell (and -5 every character), while seeming to ask for no limit
    max_width: Annotated[int, typer.Option(min=1, help="truncate cells in table output")
                         ] = 120,
    max_rows: Annotated[int, typer.Option(
        min=1, help="rows shown in table output (the rest are counted; csv and json "
                    "write every row)")] = SQL_TABLE_ROWS,
    warehouse: WarehouseOpt = None,
) -> None:
    """Query the warehouse with DuckDB SQL."""
    import duckdb

    from tasks.storage.report import (
        QUERY_SETTINGS,
        anchored_cursor,
        extension_advice_replaced,
        lock_for_queries,
        query_refusal,
        query_statements,
        split_query_settings,
        unshown_statements,
    )

    _require_utf8(the_query=query)
    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False, existing=True)
    parsed = query_statements(query)
    refusal = query_refusal(parsed)
    if refusal:
        err.print(f"[red]SQL refused:[/red] {escape(refusal)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    con = _open_views(root)
    _print_file_notes(con)
    unshown = unshown_statements(parsed)
    if unshown:
        first = unshown[0] if len(unshown[0]) <= 60 else unshown[0][:59] + "…"
        err.print(f"[yellow]note:[/yellow] the rows shown are the last statement's only; "
                  f"{len(unshown)} statement(s) before it also answer with rows "
                  f"({escape(first)}{', ...' if len(unshown) > 1 else ''}): run each on "
                  "its own to see them", highlight=False, soft_wrap=True)
    try:
        # the settings a query may open with (SET threads = 2; ...) go before the lock
        settings, statements = split_query_settings(parsed)
        # the query runs on a cursor of its own, in a worker thread, so that Ctrl-C
        # always reaches it (`interruptible`; fault round 61)
        on = anchored_cursor(con)
        lock_for_queries(on, settings)
        if not settings:
            cur = interruptible(on, lambda: on.execute(query))
        else:
            cur = None
            for statement in statements:
                cur = interruptible(on, lambda statement=statement: on.execute(statement))
        if cur is None:
            # DuckDB answers a query of no statement ("", ";", a comment) with None, and
            # reading its description was an AttributeError traceback.
            err.print("[red]SQL error:[/red] the query holds no SQL statement"
                      + (" after its settings" if settings else ""))
            raise typer.Exit(1)
        columns = [d[0] for d in cur.description] if cur.description else []
        # csv and json are written as the rows come, SQL_BATCH_ROWS at a time: an export
        # of the whole articles table needs no memory for the whole result
        batches = iter(lambda: interruptible(on, lambda: cur.fetchmany(SQL_BATCH_ROWS))
                       if columns else [], [])
        if fmt is not Format.table:
            utf8_data(sys.stdout)
        if fmt is Format.csv:
            w = _csv_writer(sys.stdout)
            w.writerow(columns)
            for batch in batches:
                w.writerows([_csv_cell(v) for v in r] for r in batch)
        elif fmt is Format.json:
            _write_json_rows(_unique_names(columns), batches)
        else:
            rows, total = _first_rows(batches, max_rows)
    except (KeyboardInterrupt, RuntimeError, duckdb.InterruptException) as exc:
        if not query_interrupted(exc):
            raise
        # Ctrl-C in a long query: DuckDB stops it and raises RuntimeError("Query
        # interrupted"), which was a traceback and exit 1 (fault round 56)
        err.print("[yellow]interrupted:[/yellow] the query was stopped; the warehouse is "
                  "unchanged (pressroom sql only reads it)", soft_wrap=True)
        raise typer.Exit(130) from None
    except duckdb.Error as exc:
        locked = "configuration has been locked" in str(exc)
        note = (" (pressroom sql changes no other DuckDB setting than "
                f"{', '.join(sorted(QUERY_SETTINGS))}, each in a SET that opens the query)"
                if locked else "")
        err.print(f"[red]SQL error:[/red] {escape(extension_advice_replaced(str(exc)))}{note}",
                  soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        con.close()
    if fmt is not Format.table:
        return
    t = Table(show_lines=False)
    for c in columns:
        t.add_column(Text(c), overflow="fold")
    for r in rows:
        # Text: a value is shown as stored, never read as rich markup ("[update] ..."
        # lost its first word, "a[/]b" was a MarkupError traceback)
        t.add_row(*(Text("" if v is None else _cell(v, max_width)) for v in r))
    _print_table(t)
    if total > len(rows):
        console.print(f"{len(rows):,} of {total:,} rows shown (--max-rows); -f csv or "
                      f"-f json writes them all")
    else:
        console.print(f"{total} row(s)")


def _open_views(root: Path):
    """A read-only connection to the warehouse's views (tasks.storage.report.open_views:
    built if missing, built again if damaged, in memory if it cannot be written)."""
    from tasks.storage.report import open_views
    from tasks.storage.warehouse import lost_commits_problem

    con, note = open_views(root)
    if note:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False, soft_wrap=True)
    # committed runs' files whose manifests are lost: every view leaves them out, and
    # `count(*)` answered 0 with no word why (fault round 48)
    lost = lost_commits_problem(root)
    if lost:
        err.print(f"[yellow]note:[/yellow] {escape(lost)}; no query reads them meanwhile",
                  highlight=False, soft_wrap=True)
    return con


def _print_file_notes(con) -> None:
    """Committed files read through a cast, or left out, named on stderr."""
    from tasks.storage.report import file_notes

    for note in file_notes(con):
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False, soft_wrap=True)


def _cell(value, width: int) -> str:
    """A value as the terminal table shows it, cut to `width`: a blob in DuckDB's text
    form, a list or struct as JSON (as a csv cell holds it: a blob inside one was
    Python's "b'...'", fault round 42's known item)."""
    if isinstance(value, bytes | bytearray | memoryview):
        s = _blob_text(value)
    elif isinstance(value, list | tuple | dict):
        s = json.dumps(_json_safe(value), default=str, ensure_ascii=False)
    else:
        s = str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


@app.command()
def runs(
    # at least 1: `[-limit:]` of 0 listed every run, and of -1 none ("no runs yet" on
    # a warehouse of one run)
    limit: Annotated[int, typer.Option(min=1, help="how many recent runs")] = 10,
    warehouse: WarehouseOpt = None,
) -> None:
    """Recent runs and their counts, from the run manifests."""
    from tasks.storage.warehouse import run_manifests, unfinished_runs

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False, existing=True)
    # with the runs that committed batches and never finished (killed, failed, running),
    # whose rows are in the tables: they were left out, as if they had never run
    found = sorted([*run_manifests(root), *unfinished_runs(root)],
                   key=lambda m: str(m.get("started_at") or ""))[-limit:]
    if not found:
        console.print(f"no runs yet in {escape(str(root.resolve()))}")
        return
    t = Table(title=f"runs in {escape(str(root.resolve()))}")
    t.add_column("run_id", no_wrap=True, min_width=23)
    t.add_column("finished_at", no_wrap=True)
    for col in ("inputs", "kept", "rejected", "failed", "skipped"):
        t.add_column(col, justify="right")
    notes = []
    for m in reversed(found):
        if "batches" in m:  # unfinished: what its batches committed, no totals
            t.add_row(m["run_id"], "running" if m["running"] else "not finished", "?",
                      str(m["kept"]), str(m["rejected"]), "?", "?")
            notes.append(f"{m['run_id']}: " + (
                "running" if m["running"] else "stopped before its end (killed, or failed)")
                + f"; {m['batches']} batch commit(s) hold its {m['kept']} article(s) and "
                f"{m['rejected']} reject(s)" + ("" if m["running"] else
                "; running the same inputs again finishes its work"))
            continue
        tot = m.get("totals", {})
        t.add_row(m["run_id"], str(m.get("finished_at", ""))[:19],
                  *(str(tot.get(k, "")) for k in ("inputs", "kept", "rejected", "failed",
                                                  "skipped")))
    _print_table(t)
    for note in notes:
        err.print(escape(note), soft_wrap=True)


@app.command()
def serve(
    ingest_cron: Annotated[str | None, typer.Option(help="ingest schedule (cron, UTC)")] = None,
    report_cron: Annotated[str | None, typer.Option(help="report schedule (cron, UTC)")] = None,
    dask_address: DaskOpt = None,
) -> None:
    """Serve the scheduled ingest (every 2 hours) and report (daily) deployments from this
    process: no work pool or worker needed. Settings come from this process's environment
    and pressroom.toml. Stop with Ctrl-C."""
    from flows.schedules import cron_problem

    problems = [f"--{name}-cron {why}" for name, cron in (("ingest", ingest_cron),
                                                          ("report", report_cron))
                if cron is not None and (why := cron_problem(cron))]
    for problem in problems:
        err.print(f"[red]bad schedule:[/red] {escape(problem)}", soft_wrap=True)
    if problems:
        raise typer.Exit(2)
    settings = _settings(None, dask_address=dask_address)
    _before_flows()
    from prefect.settings import PREFECT_API_URL

    _require_server_for_dask(settings)
    if dask_address:
        # Each served run is a new process that imports the flow (flows/runners.py
        # runner_at_import): the environment is how the address reaches it.
        os.environ["PRESSROOM_DASK_ADDRESS"] = dask_address
    from flows import schedules

    if not PREFECT_API_URL.value():
        err.print("[yellow]note:[/yellow] no PREFECT_API_URL: runs go to a temporary server "
                  "that ends with this process; `prefect server start` gives one with a UI")
    schedules.serve(ingest_cron or schedules.INGEST_CRON, report_cron or schedules.REPORT_CRON)


@app.command()
def report(
    since: Annotated[str | None, typer.Option(help="first published day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="last published day (YYYY-MM-DD)")] = None,
    # A str, not a Path: Path("./-") is Path("-"), and `./-` must stay the way to name
    # a file called "-" once "-" is standard output.
    out: Annotated[str | None, typer.Option(
        help="write the HTML here, - for standard output (default: "
             "<warehouse>/reports/<run>.html and latest.html)")
    ] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Rebuild the DuckDB views, run the data tests, write the HTML report.

    No run: for after moving the warehouse, or to refresh reports/latest.html."""
    from tasks.common.location import path_refused
    from tasks.storage.preflight import report_target_problem
    from tasks.storage.report import build_report
    from tasks.storage.warehouse import run_to_report

    first, last = _day_range(since, until)
    root = _settings(warehouse).warehouse
    # `--out -` is standard output, as Unix tools read it (`curl -o -`, `tar -f -`): it
    # wrote a file named "-" in the current folder (fault round 51). The HTML is then
    # all that goes to standard output, so `> r.html` or `| gzip` gets a clean page; the
    # lines for people go to standard error.
    to_stdout = out == "-" or (out is not None and names_standard_output(out))
    target = sys.stdout.buffer if to_stdout else Path(out) if out is not None else None
    say = err if to_stdout else console
    # A warehouse this process cannot write (a read-only mount, a backup, another user's)
    # was refused ("not writable") even with the report going elsewhere (fault round 52):
    # it is read as `sql` reads it, the views built in a temporary folder.
    # (a path the system will not look at is said so by `_require_warehouse`)
    unwritable = path_refused(root) is None and root.is_dir() and not os.access(root, os.W_OK)
    read_only = unwritable and target is not None
    if read_only:
        _require_warehouse(root, write=False, existing=True)
    else:
        _require_warehouse(root, write=True, hint=(
            "; to report on it as it is, write the report elsewhere: --out FILE, or --out - "
            "for standard output") if unwritable else "")
    problem = report_target_problem(target) if isinstance(target, Path) else None
    if problem:
        err.print(f"[red]cannot write the report:[/red] {escape(problem)}", soft_wrap=True)
        raise typer.Exit(2)
    found = run_to_report(root)
    if found is None:
        err.print(f"no runs yet in {escape(str(root.resolve()))}: run `pressroom ingest` first")
        raise typer.Exit(1)
    run_id, unfinished = found
    if unfinished:
        say.print(f"[yellow]note:[/yellow] {escape(unfinished)}")
    if to_stdout:
        sys.stdout.flush()  # nothing printed is to come after the page's first bytes
    # the views database and each HTML file are replaced whole (a temporary name, then a
    # rename), so a stop leaves the ones before it as they were
    stopped = ("the report was stopped; the warehouse's data is unchanged, and the views "
               "database and report files are each the earlier one or the new one whole; "
               "run `pressroom report` again for a new report")
    _stop_signals_are_exits()
    with _a_stop_signal_is_the_exit(), _interrupted_command_is_a_sentence(stopped), \
            _disk_full_is_a_sentence(root), (
            tempfile.TemporaryDirectory(prefix="pressroom-report-") if read_only
            else nullcontext()) as views_in:
        result = build_report(root, run_id, first, last, target,
                              Path(views_in) if views_in else None)
    for name, failing in result.data_tests.items():
        mark = "[green]ok[/green]" if not failing else f"[red]{failing} failing row(s)[/red]"
        say.print(f"data test: {name}: {mark}")
    for note in result.notes:
        say.print(f"[yellow]note:[/yellow] {escape(note)}")
    where = "standard output" if result.html is None else (
        f"{escape(str(result.html.resolve()))} ({result.html.stat().st_size / 1024:.0f} KB)"
        if result.html.is_file() else f"written into {escape(str(result.html))} (a pipe or "
        "device: its reader has it)")
    database = ("none written (the warehouse cannot be written: its views were built in a "
                "temporary folder for this report)" if read_only
                else escape(str(result.database.resolve())))
    say.print(f"DuckDB: {database}\nreport: {where}", highlight=False)
    if any(result.data_tests.values()):
        raise typer.Exit(1)


@app.command()
def demo(
    # --days 0, a negative one or a --per-day of 0 or nan was random.sample's traceback
    # ("Sample larger than population or is negative") or int()'s, after the CLI's checks
    # had passed (fault round 47): a site of no day or no article is nothing to show
    days: Annotated[int, typer.Option(min=1, help="days of news on the demo site")] = 28,
    per_day: Annotated[float, typer.Option(help="articles per outlet and day")] = 2.5,
    seed: Annotated[int, typer.Option(help="the generator's seed")] = 7,
    warehouse: WarehouseOpt = None,
) -> None:
    """Serve a generated news site on loopback, ingest it, build the report, say where."""
    if not (math.isfinite(per_day) and per_day > 0):
        err.print(f"[red]--per-day {per_day!r} is no number of articles a day:[/red] "
                  "give a number above 0, as in --per-day 2.5")
        raise typer.Exit(2)
    _before_flows()
    settings = _settings(warehouse)
    _require_api()
    from flows.demo import run_demo

    manifest = run_demo(settings, days=days, per_day=per_day, seed=seed)
    print_summary(manifest, settings.warehouse)
    size = Path(manifest["report"]).stat().st_size
    console.print(f"[bold]demo report:[/bold] {escape(str(Path(manifest['report']).resolve()))} "
                  f"({size / 1024:.0f} KB) — open it in a browser")


def _day(value: str | None, option: str):
    """A --since/--until value: a day (YYYY-MM-DD) or an ISO timestamp; exit 2 otherwise."""
    from datetime import date, datetime

    if value is None:
        return None
    # RFC 3339 5.6 lets a timestamp's "T" and "Z" be written in lower case: `...18:00z`
    # was refused as no ISO timestamp (Python reads "Z" itself, since 3.11)
    written = value.upper()
    try:
        # a day in any ISO form (`2024-05-03`, `20240503`, `2024-W18-5`) is that whole
        # day; chosen by length, `20240503` was read as the instant 00:00, and `--until
        # 20240503` left that day's articles out without a word (fault round 26)
        return date.fromisoformat(written)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(written)
    except ValueError:
        err.print(f"[red]{option}:[/red] {escape(repr(value))} is not YYYY-MM-DD or an ISO "
                  "timestamp")
        raise typer.Exit(2) from None


def _day_range(since: str | None, until: str | None):
    """--since and --until read (`_day`); exit 2 when since falls on a later day than
    until: such a range holds no article, and the report was written empty (over the
    last run's report file) and the search answered nothing, without a word."""
    from datetime import datetime

    first, last = _day(since, "--since"), _day(until, "--until")
    if first is not None and last is not None:
        first_day = first.date() if isinstance(first, datetime) else first
        last_day = last.date() if isinstance(last, datetime) else last
        if first_day > last_day:
            err.print(f"[red]--since {escape(str(since))} is after --until "
                      f"{escape(str(until))}:[/red] "
                      "the range holds no day")
            raise typer.Exit(2)
    return first, last


def _highlighted(snippet: str, spans: list[tuple[int, int]]) -> str:
    from rich.markup import escape

    out, pos = [], 0
    for start, end in spans:
        out += [escape(snippet[pos:start]), "[bold yellow]", escape(snippet[start:end]),
                "[/bold yellow]"]
        pos = end
    out.append(escape(snippet[pos:]))
    return "".join(out).replace("\n", " ")


class _QueryMayBeginWithMinus(typer.core.TyperCommand):
    """`pressroom search "-storm flood"`: a query that begins with the exclusion the help
    names (`-word`) was taken by click for options, "No such option: -s" (round 46's known
    item, taken in round 47). A word that begins with "-" and is no option of the command
    (nor a short option with its value attached: `-fjson`) is the query; it is moved after
    a `--`, so the options around it still count. A `--` the user wrote is left alone."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, _minus_words_as_query(self, list(args)))


def _minus_words_as_query(command, args: list[str]) -> list[str]:
    if "--" in args:
        return args
    takes_value, short_choices = set(), {}
    for param in command.params:
        if param.param_type_name == "option" and not param.is_flag:
            takes_value.update(param.opts)
            kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
            choices = ({str(m.value) for m in kind}
                       if isinstance(kind, type) and issubclass(kind, StrEnum) else None)
            for opt in param.opts:
                if len(opt) == 2:
                    short_choices[opt] = choices  # None: any value (a path)
    named = {a.split("=", 1)[0] for a in args}
    kept, query, skip = [], [], False
    for arg in args:
        if skip:
            kept.append(arg)
            skip = False
        elif arg.startswith("--") or not arg.startswith("-") or arg == "-":
            kept.append(arg)
            skip = arg in takes_value
        elif arg in takes_value:  # `-f json`
            kept.append(arg)
            skip = True
        elif arg[:2] in short_choices and (
                arg[2:] in short_choices[arg[:2]] if short_choices[arg[:2]] is not None
                else not _named_again(command, arg[:2], named)
                and not _a_word_not_a_path(arg[2:])):
            kept.append(arg)  # `-fjson`, `-w/tmp/wh`
        else:
            query.append(arg)  # `-storm`, `-flood` (no format), `-weather -w W`, `-5`
    return [*kept, "--", *query] if query else args


def _a_word_not_a_path(value: str) -> bool:
    """Whether the rest of a `-w...` word is a word of the query, not a warehouse: no
    folder of that name is here and it names none elsewhere (no `/`). `search storm
    -weather` (or `-war`, `-world`, `-women`) read `-w eather` and stopped with "no
    warehouse at eather" (round 47's known item): `search` only reads an existing
    warehouse, so such a value could never be one."""
    return bool(value) and "/" not in value and not Path(value).exists()


def _named_again(command, short: str, named: set[str]) -> bool:
    """Whether the option `short` is also given on its own (`-w W`, `--warehouse=W`): then
    `-weather` is a word of the query, not a second warehouse."""
    for param in command.params:
        if short in param.opts:
            return any(opt in named for opt in param.opts)
    return False


@app.command(cls=_QueryMayBeginWithMinus)
def search(
    # Words, not one string: `pressroom search storm floods` unquoted (as people type a
    # search) was "Got unexpected extra argument(s) (floods)", and `search -storm
    # floods` too once `-storm` was read as the query (fault round 48). The words are
    # joined with spaces, as the shell split them.
    words: Annotated[list[str], typer.Argument(
        metavar="QUERY",
        help='words (all must match), "a phrase", AND / OR / NOT, -word, title:word')],
    since: Annotated[str | None, typer.Option(help="published on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="published on or before (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, typer.Option(help="domain or outlet name")] = None,
    lang: Annotated[str | None, typer.Option(help="language code, e.g. en")] = None,
    limit: Annotated[int, typer.Option(min=1, help="how many results")] = 10,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    warehouse: WarehouseOpt = None,
) -> None:
    """Full-text search over article titles and text: ranked, with a snippet each.

    Commits the index lacks (a run killed before indexing) are indexed first."""
    from tasks.storage import search as search_index

    query = " ".join(words)

    _require_utf8(the_query=query, **{"--outlet": outlet, "--lang": lang})
    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False, existing=True)
    # Ctrl-C was a bare exit 130 (fault round 57): now what it left. Each commit's part
    # of the index is committed whole (a tantivy commit), and the next search catches up.
    stopped = ("the search was stopped; the warehouse is unchanged, and the search index "
               "keeps the commits it had indexed (the next search indexes the rest)")
    try:
        with _interrupted_command_is_a_sentence(stopped):
            first, last = _day_range(since, until)
            result = search_index.search(root, query, since=first,
                                         until=last, outlet=outlet, lang=lang,
                                         limit=limit)
    except ValueError as exc:
        err.print(f"[red]query error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if result.note:
        err.print(f"[yellow]note:[/yellow] {escape(result.note)}")
    if result.caught_up:
        err.print(f"indexed {len(result.caught_up)} commit(s) the index lacked")
    if fmt is not Format.table:
        utf8_data(sys.stdout)
        rows = [{"score": round(h.score, 4), "title": h.title, "url": h.url,
                 "published_at": h.published_at, "domain": h.domain, "language": h.language,
                 "cluster_id": h.cluster_id, "article_id": h.article_id,
                 "revision": h.revision, "snippet": h.snippet} for h in result.hits]
        if fmt is Format.json:
            json.dump(rows, sys.stdout, default=str, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            w = _csv_writer(sys.stdout)
            w.writerow(rows[0].keys() if rows else ["score", "title", "url"])
            w.writerows([r.values() for r in rows])
        return
    for i, h in enumerate(result.hits, 1):
        when = h.published_at.date().isoformat() if h.published_at else "no date"
        # the URL, domain and cluster as stored: through markup, `.../wiki/[draft]/x` was
        # shown as `.../wiki//x` and `.../a[/]b` a MarkupError traceback (fault round 41)
        console.print(f"[bold]{i}. {_highlighted(h.title, [])}[/bold]  "
                      f"[dim]{escape(str(h.domain))} · {when} · cluster "
                      f"{escape(str(h.cluster_id))} · score {h.score:.2f}[/dim]")
        console.print(Text(f"   {h.url}"), soft_wrap=True, highlight=False)
        console.print(f"   {_highlighted(h.snippet, h.highlights)}", highlight=False)
    console.print(f"{len(result.hits)} of {result.total} matching article(s)")


@app.command()
def compact(
    # a negative count was taken as 0 (fault round 46): refused like --limit's 0
    min_files: Annotated[int, typer.Option(
        min=0, help="merge a table's small files when it has at least this many")] = 16,
    warehouse: WarehouseOpt = None,
) -> None:
    """Merge small Parquet files (one per batch commit) into large ones, atomically;
    queries keep answering while it runs."""
    from tasks.storage.compact import compact as compact_files
    from tasks.storage.compact import left_out_note
    from tasks.storage.report import build_views
    from tasks.storage.warehouse import file_problems, quarantine_orphans, writer_lock

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=True)
    # SIGTERM (a `kill`, `timeout`, a service manager stopping the cron job) killed the
    # process outright, not a word said (fault round 64): now a stop as Ctrl-C is
    _stop_signals_are_exits()
    manifest = None
    try:
        with _a_stop_signal_is_the_exit(), _disk_full_is_a_sentence(root), writer_lock(
                root, "pressroom compact",
                on_wait=lambda holder: err.print(f"waiting for the warehouse: {holder} is "
                                                 "writing")):
            # What a compaction stopped half-way left (Ctrl-C, a kill: its merged file
            # under a .tmp name, or renamed but in no manifest) was cleared by the next
            # `ingest` only; a `compact` from cron left each such copy of a table beside it
            # (fault round 52). Cleared as a run clears it, under the same lock.
            for note in quarantine_orphans(root):
                console.print(f"[yellow]note:[/yellow] {escape(note)}")
            manifest = compact_files(root, min_files=min_files)
            left_out = left_out_note(file_problems(root))
            if left_out:
                err.print(f"[yellow]note:[/yellow] {escape(left_out)}", highlight=False,
                          soft_wrap=True)
            if manifest is None:
                console.print(f"nothing to compact (no table has {min_files} small files)")
                return
            build_views(root)
    except (KeyboardInterrupt, SystemExit) as stop:
        # Ctrl-C: exit 130, as a shell reports SIGINT, with what it left (a bare exit
        # before: fault round 52's known item); SIGTERM or SIGHUP: 128 + its number. The
        # commit is one manifest written last.
        if isinstance(stop, SystemExit) and _stop_signal is None:
            raise  # an exit of another kind
        err.print("[yellow]interrupted:[/yellow] " + (
            f"the compaction committed ({manifest['name']}) before the views were rebuilt; "
            "the next `pressroom report` or `ingest` rebuilds them" if manifest else
            "the compaction stopped before its commit; queries read the warehouse as it "
            "was, and the next `pressroom compact` or `ingest` clears the merged file it "
            "was writing"), soft_wrap=True)
        raise typer.Exit(130 if _stop_signal is None else 128 + _stop_signal) from None
    for table, files in manifest["files"].items():
        replaced = sum(1 for r in manifest["replaces"] if r.startswith(f"{table}/"))
        console.print(f"{table}: {replaced} files -> {len(files)}")
    console.print(f"committed as {manifest['name']}; the replaced files are deleted by the "
                  "next compaction")


@app.command()
def forget(
    url: Annotated[str | None, typer.Option(help="one article, by its URL")] = None,
    domain: Annotated[str | None, typer.Option(help="every article of a domain")] = None,
    outlet: Annotated[str | None, typer.Option(help="every article of an outlet (by name)")
                      ] = None,
    reason: Annotated[str, typer.Option(help="why (kept in the takedowns table)")] = "",
    warehouse: WarehouseOpt = None,
) -> None:
    """Remove every trace of an article, domain or outlet: rows in every table, raw WARC
    records, the search index, the reports. Later runs refuse it (reject: taken_down)."""
    from tasks.common.urls import BadURL, typed_domain
    from tasks.storage import search as search_index
    from tasks.storage.forget import (
        Takedown,
        UnreadableArchive,
        outlet_domains,
        outlet_names,
        takedown_url,
    )
    from tasks.storage.forget import forget as forget_rows
    from tasks.storage.report import build_report
    from tasks.storage.warehouse import run_manifests, writer_lock

    if not (url or domain or outlet):
        err.print("[red]forget needs --url, --domain or --outlet[/red]")
        raise typer.Exit(2)
    _require_utf8(**{"--url": url, "--domain": domain, "--outlet": outlet, "--reason": reason})
    if url:
        try:
            url = takedown_url(url)
        except ValueError as exc:
            err.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    if domain:
        # the stored spelling: `www.`, a root dot, a port or a pasted address matched no
        # article, and `*` recorded a takedown of nothing (fault round 46)
        try:
            domain = typed_domain(domain)
        except BadURL as exc:
            err.print(f"[red]--domain {escape(repr(domain))} names no site ({escape(str(exc))}):"
                      " write its host name, as in --domain news.example[/red]",
                      soft_wrap=True)
            raise typer.Exit(2) from None
    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=True)
    if outlet and not (url or domain) and not outlet_domains(root, outlet):
        # a name mistyped committed a takedown of nothing, "forgotten: no rows" (round 46)
        names = outlet_names(root)
        near = difflib.get_close_matches(outlet, names, n=3, cutoff=0.5)
        err.print(f"[red]no article of an outlet named {escape(repr(outlet))} in "
                  f"{escape(str(root))}:[/red] nothing taken down"
                  + (f" (did you mean {escape(', '.join(map(repr, near)))}?)" if near else
                     f" ({len(names)} outlet name(s) in it; pressroom sql \"SELECT DISTINCT "
                     "source_name FROM articles\" lists them; --domain takes a site)"),
                  soft_wrap=True)
        raise typer.Exit(1)
    # a write no retry gets past (a full disk, a file-size limit, a folder made
    # unwritable) was a traceback here, as in reindex and report (fault round 45)
    stopped = ("the takedown was stopped: stopped before its commit, nothing was taken "
               "down; after it, the next `forget` or run finishes removing what it names. "
               "Run the same command again to be sure it is done")
    _stop_signals_are_exits()
    with _a_stop_signal_is_the_exit(), _interrupted_command_is_a_sentence(stopped), \
            _disk_full_is_a_sentence(root), writer_lock(
            root, "pressroom forget", on_wait=lambda holder: err.print(
                f"waiting for the warehouse: {holder} is writing")):
        try:
            manifest = forget_rows(root, Takedown(url, domain, outlet, reason))
        except UnreadableArchive as exc:
            err.print(f"[red]cannot forget:[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None
        # The old reports went with the takedown (they name titles): the latest is
        # written again.
        search_index.rebuild(root)  # a fresh index: deleted documents leave no bytes
        runs = run_manifests(root)
        if runs:
            build_report(root, runs[-1]["run_id"])
    removed = ", ".join(f"{t} {n}" for t, n in manifest["rows_removed"].items()) or "no rows"
    console.print(f"forgotten: {removed}; WARC records {manifest['warc_records_removed']}; "
                  f"committed as {manifest['name']}")
    left = manifest.get("unlisted_holding") or []
    if left:
        err.print(f"[yellow]warning:[/yellow] {len(left)} file(s) in the warehouse's table "
                  "folders that no commit lists still hold what was taken down (copies "
                  "or backups made outside pressroom; no query reads them): "
                  f"{escape(', '.join(left))}. Delete them, or check them and delete the "
                  "rows", highlight=False, soft_wrap=True)


@app.command()
def reindex(warehouse: WarehouseOpt = None) -> None:
    """Rebuild the search index from the committed articles (beside the old one, then
    swapped in: searches keep working meanwhile)."""
    from tasks.storage import search as search_index

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=True, existing=True)
    stopped = ("the rebuild was stopped; the warehouse is unchanged, and searches go on "
               "with the index as it was (stopped while it was swapped in, the next search "
               "builds the index again); run `pressroom reindex` again to rebuild it")
    _stop_signals_are_exits()
    try:
        with _a_stop_signal_is_the_exit(), _interrupted_command_is_a_sentence(stopped), \
                _disk_full_is_a_sentence(root):
            docs = search_index.rebuild(root)
    except search_index.IndexBusy as exc:
        err.print(f"[red]the index is being written by another process:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    console.print(f"search index rebuilt: {docs} article(s), "
                  f"{search_index.size_on_disk(root) / 1e6:.1f} MB in "
                  f"{escape(str(search_index.search_dir(root).resolve()))}", highlight=False)


@app.command()
def diff(
    url: Annotated[str, typer.Argument(help="the article's URL, canonical URL or article_id")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="table (text) or json")
                   ] = DiffFormat.table,
    warehouse: WarehouseOpt = None,
) -> None:
    """What changed between an article's revisions: fields, paragraphs removed (-) and
    added (+), correction notices."""
    from rich.markup import escape

    from tasks.common.revisions import diff_history
    from tasks.storage.revisions import left_out_note, revisions_of

    _require_utf8(the_URL=url)
    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False, existing=True)
    # Ctrl-C in the scan of the articles files (a large warehouse): a sentence and 130,
    # where DuckDB's "Query interrupted" was a traceback and exit 1, or the signal was
    # lost and the scan ran on (fault round 63)
    with _interrupted_command_is_a_sentence("the diff was stopped; the warehouse is "
                                            "unchanged (pressroom diff only reads it)"):
        rows = revisions_of(root, url)
    # the files the scan could not read, named as `sql` names them (fault round 64)
    if left_out := left_out_note(root):
        err.print(f"[yellow]note:[/yellow] {escape(left_out)}", highlight=False,
                  soft_wrap=True)
    if not rows:
        err.print(f"no article with URL or id {escape(repr(url))} in {escape(str(root.resolve()))}")
        raise typer.Exit(1)
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    diffs = [d for group in by_article.values() for d in diff_history(group)]
    if fmt is not DiffFormat.table:
        utf8_data(sys.stdout)
        json.dump([{"article_id": d.article_id, "from_revision": d.from_revision,
                    "to_revision": d.to_revision, "from_run_id": d.from_run,
                    "to_run_id": d.to_run, "changed": {k: list(v) for k, v in d.changed.items()},
                    "added": d.added, "removed": d.removed, "corrections": d.corrections}
                   for d in diffs], sys.stdout, default=str, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if not diffs:
        # the URL as given (fault round 41: `.../a[/]b` was a MarkupError traceback)
        console.print(Text(f"{url}: one revision only ({rows[0]['run_id']})"))
        return
    for d in diffs:
        console.print(f"[bold]{escape(d.article_id)}: revision {d.from_revision} → "
                      f"{d.to_revision}[/bold] [dim](run {escape(str(d.from_run))} → "
                      f"{escape(str(d.to_run))})[/dim]")
        for name, (old, new) in d.changed.items():
            console.print(f"  {name}: {escape(str(old))} → {escape(str(new))}",
                          highlight=False)
        for p in d.removed:
            console.print(f"[red]- {escape(p)}[/red]", highlight=False)
        for p in d.added:
            console.print(f"[green]+ {escape(p)}[/green]", highlight=False)
        for notice in d.corrections:
            console.print(f"  [yellow]correction notice:[/yellow] {escape(notice)}",
                          highlight=False)
        if not (d.changed or d.text_changed):
            console.print("  no change in the compared fields")


# Every command's line in `pressroom --help` is its docstring's first paragraph, rejoined.
for _command in app.registered_commands:
    if _command.short_help is None and _command.callback is not None:
        _command.short_help = summary_line(_command.callback.__doc__)


if __name__ == "__main__":
    app()
