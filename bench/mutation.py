"""Mutation testing of the core logic in tasks/ and schemas/: `make mutation`.

The tool is mutmut 3 (TESTING.md says why: about 20x faster per mutant than cosmic-ray on
this code, because it forks a warm pytest per mutant instead of starting a new one).
mutmut mutates a copy of the project under `mutants/`; this driver makes that copy in a
scratch directory, so the work tree is never touched and no `[tool.mutmut]` table has to
live in pyproject.toml.

For each module it picks the tests that exercise it: the unit tests of its package
(tests/unit/<pkg>/), plus any other unit test file that imports the module, plus an
integration test only where the module is tested end to end and nowhere else
(INTEGRATION below). Modules are run in groups that share one test selection (one group
per stage, and one per integration-tested module); within a group mutmut runs, for each
mutant, only the selected tests that execute the mutated function.

    python bench/mutation.py                       # every core module, every mutant
    python bench/mutation.py --sample 20           # 20 mutants per module (seeded)
    python bench/mutation.py --changed --base main # only modules changed since main
    python bench/mutation.py tasks/common/urls.py tasks/dedup
    python bench/mutation.py flows/server.py       # a flows/ module, named as a file
    python bench/mutation.py --dry-run             # modules, tests and groups; no run
    python bench/mutation.py tasks/dedup/minhash.py --functions connected_min _ExactCheck._ensure
                                                   # only those functions' mutants (all,
                                                   # or --sample N of them per module)
    python bench/mutation.py tasks/clean/boilerplate.py --functions classify_line \
        --exclude-json bench/results/runs/mut39_seed38_renamed.json
                                                   # the rest: what that run did not run

Results: a per-module and per-stage table (killed / survived / timeout / no tests /
score) and every survivor as file:line with the mutation, printed and written to
bench/results/mutation.md (+ .json); --update-testing copies the headline table into
TESTING.md. Score = (killed + timeout) / mutants run: a mutant whose function no
selected test executes ("no tests") counts as not killed.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE = ("tasks", "schemas")
# Measured only when a target names the file itself (a flow module that holds logic of its
# own, e.g. flows/server.py): the rest of flows/ is wiring that only whole flows reach.
BY_NAME = ("flows",)
# Thin Prefect @task wrappers (call, return): only the flow tests reach them.
SKIP = {"tasks/steps.py"}
_FETCH_FAULTS = [f"tests/integration/test_fetch_faults{n}.py" for n in ("", "3", "4", "5", "6")]
# Modules tested only end to end: their integration test joins their unit tests.
INTEGRATION = {
    # every fault round's server tests: each round's fixes live in client.py too
    "tasks/fetch/client.py": _FETCH_FAULTS,
    # (moved out of client.py on 2026-12-05, with the fault rounds' tests)
    "tasks/fetch/hosts.py": _FETCH_FAULTS,
    "tasks/fetch/redirects.py": _FETCH_FAULTS,
    "tasks/fetch/failures.py": _FETCH_FAULTS,
    "tasks/discover/remote.py": ["tests/integration/test_discover_sources.py",
                                 "tests/integration/test_fetch_faults5.py",
                                 "tests/integration/test_fetch_faults6.py"],
    # round 6: the prefix of a cut brotli source is reached end to end only through the
    # fetcher (its unit tests call decode_body directly)
    "tasks/common/codings.py": ["tests/integration/test_fetch_faults6.py"],
    # round 7: input files and WARC records through whole ingest flows
    "tasks/discover/inputs.py": ["tests/integration/test_input_faults7.py"],
    "tasks/discover/warc.py": ["tests/integration/test_input_faults7.py"],
    # (moved out of warc.py on 2026-12-05)
    "tasks/discover/httpmessage.py": ["tests/integration/test_input_faults7.py"],
    "tasks/discover/warcopen.py": ["tests/integration/test_input_faults7.py"],
    "tasks/discover/warcrepair.py": ["tests/integration/test_input_faults7.py"],
}
# An integration test's module fixtures run outside the timed test calls that mutmut's
# timeout is based on: give those groups a larger constant (seconds). 60 s made one hanging
# fetch mutant cost 9.5 min ((10.5 + 60) x 8); the fixtures take a few seconds, 15 s covers
# them with room to spare.
INTEGRATION_TIMEOUT_CONSTANT = 15.0
# --unit-only: leave the integration tests out (their timing-sensitive fault tests fail
# on a heavily loaded machine, and mutmut then cannot run the group at all).
UNIT_ONLY = False
STAGES = ("discover", "fetch", "extract", "clean", "dedup", "enrich")
SHARED = ("common", "storage", "schemas")
RESULTS = REPO / "bench" / "results"
TESTING = REPO / "TESTING.md"
BEGIN, END = "<!-- mutation:begin -->", "<!-- mutation:end -->"
STATUSES = ("killed", "survived", "timeout", "no tests", "other", "equivalent")
# Survivors judged equivalent (no test can tell them from the original), each with its
# reason: bench/mutation_equivalent.toml. An entry applies only while the mutant's name AND
# its mutation text (removed -> added) are unchanged, so a judgement goes stale, and the
# mutant counts again, as soon as the code it was made on changes.
EQUIVALENT = REPO / "bench" / "mutation_equivalent.toml"


# ---------------------------------------------------------------- modules and tests


def stage_of(module: str) -> str:
    parts = module.split("/")
    return parts[1] if parts[0] == "tasks" and len(parts) > 2 else parts[0]


def has_functions(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(tree))


def expand(targets: list[str]) -> list[str]:
    """Paths (files or packages) or dotted names -> sorted module paths relative to REPO."""
    found: set[str] = set()
    for target in targets:
        path = REPO / target
        if not path.exists() and not target.endswith(".py"):
            dotted = REPO / target.replace(".", "/")
            path = dotted if dotted.is_dir() else dotted.with_suffix(".py")
        if not path.exists():
            sys.exit(f"mutation: no such module or package: {target}")
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        roots = CORE + BY_NAME if path.is_file() else CORE
        for file in files:
            rel = file.relative_to(REPO).as_posix()
            if rel.split("/")[0] in roots and rel not in SKIP and has_functions(file):
                found.add(rel)
    return sorted(found)


def defined_functions(module: str) -> set[str]:
    """A module's top-level functions, its classes and their methods (`Class.method`): the
    names --functions takes (mutmut mutates a nested function as part of its parent)."""
    names: set[str] = set()
    for node in ast.parse((REPO / module).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
            names |= {f"{node.name}.{sub.name}" for sub in node.body
                      if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef)}
    return names


def function_of(mutant: str) -> tuple[str, str | None]:
    """A mutant's name -> (function or Class.method, class or None):
    `tasks.dedup.signing.x__chunk_bounds__mutmut_3` -> ("_chunk_bounds", None),
    `...xǁ_ExactCheckǁ_ensure__mutmut_2` -> ("_ExactCheck._ensure", "_ExactCheck")."""
    key = mutant.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    if key.startswith("xǁ"):
        cls, method = key[2:].split("ǁ", 1)
        return f"{cls}.{method}", cls
    return key.removeprefix("x_"), None


def changed_modules(base: str) -> list[str]:
    """Core modules changed since the merge base with `base`, committed or not."""
    def git(*args: str) -> list[str]:
        out = subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True)
        return [line for line in out.stdout.splitlines() if line]

    merge_base = git("merge-base", base, "HEAD")[0]
    names = set(git("diff", "--name-only", merge_base))  # committed since + work tree
    names |= set(git("ls-files", "--others", "--exclude-standard"))
    existing = [n for n in names if n.endswith(".py") and (REPO / n).exists()]
    return expand(existing) if existing else []


def tests_for(module: str) -> list[str]:
    """The tests that exercise a module: its package's unit tests first, then other unit
    test files that import it, then (INTEGRATION) an end-to-end test."""
    own = f"tests/unit/{stage_of(module)}"
    dotted = module[:-3].replace("/", ".")
    parent, name = dotted.rsplit(".", 1)
    patterns = [rf"\b{re.escape(dotted)}\b", rf"from {re.escape(parent)} import [^\n]*\b{name}\b"]
    init = REPO / parent.replace(".", "/") / "__init__.py"
    if init.exists() and f"from {dotted} import" in init.read_text(encoding="utf-8"):
        patterns.append(rf"from {re.escape(parent)} import")  # re-exported by the package
    pattern = re.compile("|".join(patterns))
    extra = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "tests" / "unit").rglob("test_*.py")
        if not p.is_relative_to(REPO / own) and pattern.search(p.read_text(encoding="utf-8"))
    )
    integration = [] if UNIT_ONLY else INTEGRATION.get(module, [])
    return ([own] if (REPO / own).is_dir() else []) + extra + integration


def groups_of(modules: list[str]) -> dict[str, list[str]]:
    """One mutmut run per stage, and one per integration-tested module."""
    groups: dict[str, list[str]] = defaultdict(list)
    for module in modules:
        key = stage_of(module)
        if module in INTEGRATION and not UNIT_ONLY:
            key += f"+{Path(module).stem}"
        groups[key].append(module)
    return dict(groups)


# ---------------------------------------------------------------- one group, one scratch copy


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def scratch_files() -> list[str]:
    """The work tree's files (tracked or not, ignored ones left out) a scratch copy gets:
    all but the warehouse and bench/results/."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                            check=True, capture_output=True, text=True).stdout.splitlines()
    return [rel for rel in listed if not rel.startswith(("warehouse/", "bench/results/"))
            and (REPO / rel).is_file()]


def source_paths(modules: list[str]) -> list[str]:
    return sorted(set(CORE) | {m.split("/")[0] for m in modules})


def also_copy(listed: list[str], sources: list[str]) -> list[str]:
    """What mutmut copies into mutants/ besides the mutated packages (and tests/ and
    pyproject.toml, which it copies itself): every other top-level entry of the scratch.
    The tests run in mutants/ with the scratch itself taken off sys.path, so a package left
    out there (flows/, which the CLI's tests import; bench/, whose modules a test puts on
    its path) was found through the editable install, i.e. in the main checkout: a run then
    mixed this tree's tasks/ with whatever main's flows/ was at the time. Seeds, prefect.yaml
    and the rest are read by tests relative to the repository root (mutants/)."""
    top = {rel.split("/")[0] for rel in listed}
    return sorted(top - set(sources) - {"tests", "pyproject.toml"})


def make_scratch(modules: list[str], tests: list[str], args: argparse.Namespace,
                 constant: float) -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="pressroom-mutation-"))
    listed = scratch_files()
    for rel in listed:
        dst = scratch / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, dst)
    sources = source_paths(modules)
    config = f"""

[tool.mutmut]
source_paths = {toml_list(sources)}
only_mutate = {toml_list(modules)}
also_copy = {toml_list(also_copy(listed, sources))}
pytest_add_cli_args_test_selection = {toml_list(tests)}
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-W", "ignore"]
timeout_multiplier = {args.timeout_multiplier}
timeout_constant = {constant}
use_git_change_detection = false
process_isolation = "forkserver"
"""
    with open(scratch / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(config)
    return scratch


def worker(scratch: Path, command: str, payload: object) -> object:
    """Run this file's --worker mode inside the scratch copy (mutmut reads its config from
    the working directory at import time, so it is only ever imported there)."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", command],
        cwd=scratch, input=json.dumps(payload), capture_output=True, text=True,
    )
    if out.returncode != 0:
        sys.exit(f"mutation: worker {command} failed in {scratch}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def run_group(key: str, modules: list[str], args: argparse.Namespace, log) -> list[dict]:
    tests = sorted({t for m in modules for t in tests_for(m)},
                   key=lambda t: ("integration" in t, t))
    constant = INTEGRATION_TIMEOUT_CONSTANT \
        if not UNIT_ONLY and any(m in INTEGRATION for m in modules) else args.timeout_constant
    scratch = make_scratch(modules, tests, args, constant)
    try:
        names_by_module = worker(scratch, "generate", modules)
        chosen: list[str] = []
        for module in modules:
            names = sorted(names_by_module.get(module, []))
            if args.functions:  # a function, a Class.method, or a class (all its methods)
                names = [n for n in names if not args.functions.isdisjoint(function_of(n))]
            if args.exclude_names:  # --exclude-json: what earlier runs ran already
                names = [n for n in names if n not in args.exclude_names]
            if args.sample and len(names) > args.sample:
                names = sorted(random.Random(f"{args.seed}:{module}").sample(names, args.sample))
            if args.rerun_names is not None:  # --rerun: only what an earlier run left alive
                names = sorted(n for n in names_by_module.get(module, [])
                               if n in args.rerun_names)
            chosen += names
        print(f"[{key}] {len(modules)} modules, {len(chosen)} mutants, tests: {' '.join(tests)}",
              flush=True)
        if not chosen:
            return []
        started = time.monotonic()
        cmd = [str(Path(sys.executable).with_name("mutmut")), "run", "--max-children",
               str(args.jobs)]
        # Naming every mutant makes mutmut run exactly those (and only their tests).
        cmd += chosen if args.sample or args.functions or args.rerun_names is not None else []
        # Output to a file, not a pipe, and mutmut in a session of its own: worker
        # processes that a mutant's tests leave behind (a process pool's forkserver) keep
        # a pipe open forever, and so would this call; they are ended with the session.
        out_path = scratch / "mutmut-run.log"
        with open(out_path, "w", encoding="utf-8") as out:
            proc = subprocess.Popen(cmd, cwd=scratch, stdout=out, stderr=subprocess.STDOUT,
                                    env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
                                    start_new_session=True)
            proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # what is left of the session, if anything
        except ProcessLookupError:
            pass
        output = out_path.read_text(encoding="utf-8", errors="replace")
        log.write(f"\n===== {key}: {' '.join(cmd[:4])} ... ({len(chosen)} mutants)\n")
        log.write(re.sub(r"[^\n]*\r", "", output)[-20000:])
        elapsed = time.monotonic() - started
        results = worker(scratch, "collect", chosen)
        for warning in apply_equivalent(results, load_equivalent()):
            print(f"[{key}] stale: {warning}", flush=True)
        missing = [r for r in results if r["status"] == "other"]
        print(f"[{key}] done in {elapsed:.0f}s (mutmut exit {proc.returncode}"
              f"{', ' + str(len(missing)) + ' not run/other' if missing else ''})", flush=True)
        for r in results:
            r["group"], r["group_seconds"] = key, round(elapsed, 1)
            r["tests"] = tests_for(r["module"])
        return results
    finally:
        if args.keep:
            print(f"[{key}] scratch kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


# ---------------------------------------------------------------- worker mode (in scratch)


def worker_generate(modules: list[str]) -> dict[str, list[str]]:
    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir

    set_mutant_under_test("mutant_generation")
    os.makedirs("mutants", exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    create_mutants(1)
    out = {}
    for module in modules:
        meta = Path("mutants") / (module + ".meta")
        keys = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        out[module] = list(keys)
    return out


def locate(module: str, name: str, diff: str) -> tuple[int, str, str]:
    """-> (line in the original file, removed text, added text) of a mutant's diff."""
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    func, cls = orig_function_and_class_names_from_key(name)
    source = Path(module).read_text(encoding="utf-8")
    lines = source.splitlines()
    start, end = 1, len(lines)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and cls and node.name == cls:
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef) and sub.name == func:
                    start, end = sub.lineno, sub.end_lineno or end
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not cls \
                and node.name == func and node.col_offset == 0:
            start, end = node.lineno, node.end_lineno or end
    removed, added, offset, at = [], [], None, 0
    for line in diff.splitlines():
        if line.startswith("@@"):
            at = int(re.match(r"@@ -(\d+)", line).group(1))
        elif line.startswith(("---", "+++")):
            continue
        elif line.startswith("-"):
            offset = at if offset is None else offset
            removed.append(line[1:].strip())
            at += 1
        elif line.startswith("+"):
            added.append(line[1:].strip())
        elif line.startswith(" "):
            at += 1
    guess = start + (offset or 1) - 1
    if removed:  # trust the text over the offset (decorators, blank lines)
        hits = [i + 1 for i in range(start - 1, min(end, len(lines)))
                if lines[i].strip() == removed[0]]
        if hits:
            guess = min(hits, key=lambda n: abs(n - guess))
    return guess, " / ".join(removed), " / ".join(added)


def worker_collect(names: list[str]) -> list[dict]:
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    metas = {}
    for meta in Path("mutants").rglob("*.py.meta"):
        module = meta.relative_to("mutants").as_posix()[: -len(".meta")]
        metas[module] = json.loads(meta.read_text())
    out = []
    for module, meta in metas.items():
        for name, code in meta["exit_code_by_key"].items():
            if name not in names:
                continue
            status = status_by_exit_code[code]
            status = status if status in STATUSES else "other"
            row = {"module": module, "name": name, "status": status, "exit_code": code,
                   "seconds": meta.get("durations_by_key", {}).get(name)}
            if status != "killed":
                diff = get_diff_for_mutant(name, path=Path(module))
                row["line"], row["removed"], row["added"] = locate(module, name, diff)
            out.append(row)
    found = {r["name"] for r in out}
    out += [{"module": "?", "name": n, "status": "other", "exit_code": None, "seconds": None}
            for n in names if n not in found]
    return out


# ---------------------------------------------------------------- equivalent mutants


def load_equivalent(path: Path = EQUIVALENT) -> dict[tuple[str, str], list[dict]]:
    """The judgements by (module, mutant name). A name may carry several: mutmut renumbers
    a function's mutants when its lines change, so a judgement carried to a new number
    can meet a stale one of another mutation there; the text decides which applies."""
    if not path.exists():
        return {}
    import tomllib

    judged: dict[tuple[str, str], list[dict]] = {}
    for e in tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", []):
        judged.setdefault((e["module"], e["mutant"]), []).append(e)
    return judged


def apply_equivalent(rows: list[dict], judged: dict[tuple[str, str], list[dict]]) -> list[str]:
    """Mark the survivors judged equivalent; -> warnings for judgements gone stale."""
    stale = []
    for r in rows:
        entries = judged.get((r["module"], r["name"].rsplit(".", 1)[-1]))
        if not entries or r["status"] not in ("survived", "no tests"):
            continue
        text = (r.get("removed"), r.get("added"))
        entry = next((e for e in entries if (e["removed"], e["added"]) == text), None)
        if entry is not None:
            r["status"], r["reason"] = "equivalent", entry["reason"]
        else:
            stale.append(f"{r['module']} {r['name']}: the mutation changed, judgement ignored")
    return stale


# ---------------------------------------------------------------- report


def score(counts: dict[str, int], raw: bool = False) -> str:
    """(killed + timeout) / mutants, the mutants judged equivalent left out (raw: kept in,
    as not killed)."""
    total = sum(counts.values()) - (0 if raw else counts["equivalent"])
    return f"{100 * (counts['killed'] + counts['timeout']) / total:.1f}%" if total else "-"


def tally(rows: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for r in rows:
        counts[r["status"]] += 1
    return counts


def table(title: str, keyed: dict[str, list[dict]]) -> list[str]:
    out = [f"| {title} | mutants | killed | survived | timeout | no tests | other | equivalent "
           "| score | raw score |",
           "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    total: list[dict] = []

    def line(key: str, rows: list[dict], bold: bool = False) -> str:
        c = tally(rows)
        b = "**" if bold else ""
        return (f"| {b}{key}{b} | {len(rows)} | {c['killed']} | {c['survived']} | "
                f"{c['timeout']} | {c['no tests']} | {c['other']} | {c['equivalent']} | "
                f"{b}{score(c)}{b} | {score(c, raw=True)} |")

    for key, rows in keyed.items():
        total += rows
        out.append(line(key, rows))
    out.append(line("all", total, bold=True))
    return out


def stage_order(stage: str) -> int:
    order = STAGES + SHARED
    return order.index(stage) if stage in order else len(order)


def report(rows: list[dict], command: str, seconds: float,
           args: argparse.Namespace) -> tuple[str, str]:
    by_stage: dict[str, list[dict]] = defaultdict(list)
    by_module: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (stage_order(stage_of(r["module"])), r["module"])):
        by_stage[stage_of(r["module"])].append(r)
        by_module[r["module"]].append(r)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *CORE], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    try:
        from importlib.metadata import version
        tool = f"mutmut {version('mutmut')}"
    except Exception:  # noqa: BLE001 - the report still stands without the version
        tool = "mutmut"
    head = [f"Command: `{command}`  ",
            f"Commit {commit}{' (+ uncommitted changes)' if dirty else ''}, {tool}, "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {args.jobs} worker(s), "
            + (f"mutmut time of the merged runs {seconds / 60:.1f} min.  " if args.from_json
               else f"wall time {seconds / 60:.1f} min.  "),
            "Score = (killed + timeout) / (mutants - equivalent); raw score = (killed + "
            "timeout) / mutants. `no tests` = no selected test runs the mutated function "
            "(counted as not killed); `equivalent` = a survivor judged equivalent in "
            "bench/mutation_equivalent.toml (listed below with its reason).", ""]
    headline = head + table("stage", by_stage)
    full = ["# Mutation testing", "", *head, "## Per stage", "", *table("stage", by_stage), "",
            "## Per module", "", *table("module", by_module), "", "## Tests per module", ""]
    for module in by_module:
        full.append(f"- `{module}`: {', '.join(by_module[module][0].get('tests', []))}")
    full += ["", "## Not killed", ""]
    for stage, stage_rows in by_stage.items():
        left = [r for r in stage_rows if r["status"] not in ("killed", "equivalent")]
        if not left:
            continue
        full += [f"### {stage}", "", "| where | status | mutation | mutant |", "|---|---|---|---|"]
        for r in sorted(left, key=lambda r: (r["module"], r.get("line") or 0)):
            change = f"`{r.get('removed', '')}` → `{r.get('added', '')}`".replace("|", "\\|")
            full.append(f"| {r['module']}:{r.get('line', '?')} | {r['status']} | {change} "
                        f"| {r['name'].rsplit('.', 1)[-1]} |")
        full.append("")
    equivalent = [r for r in rows if r["status"] == "equivalent"]
    if equivalent:
        full += ["## Judged equivalent", "", "| where | mutation | why it cannot be told apart |",
                 "|---|---|---|"]
        for r in sorted(equivalent, key=lambda r: (r["module"], r.get("line") or 0)):
            change = f"`{r.get('removed', '')}` → `{r.get('added', '')}`".replace("|", "\\|")
            full.append(f"| {r['module']}:{r.get('line', '?')} | {change} | {r['reason']} |")
        full.append("")
    return "\n".join(headline) + "\n", "\n".join(full) + "\n"


def update_testing(headline: str) -> None:
    text = TESTING.read_text(encoding="utf-8") if TESTING.exists() else ""
    block = f"{BEGIN}\n{headline}{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text += f"\n{block}\n"
    TESTING.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="modules or packages (default: tasks schemas)")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="a seeded random sample of N mutants per module (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--functions", nargs="+", metavar="NAME",
                        help="only the mutants of these functions (`name`, `Class.method`, "
                        "or `Class` for all its methods), before --sample")
    parser.add_argument("--exclude-json", nargs="+", type=Path, metavar="JSON",
                        help="leave out the mutants named in these runs' .json files, before "
                        "--sample (by mutant name: mutmut numbers a function's mutants in "
                        "order, so only for the same code of that function)")
    parser.add_argument("--changed", action="store_true",
                        help="only the modules changed since the merge base with --base")
    parser.add_argument("--base", default="main")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--timeout-multiplier", type=float, default=8.0,
                        help="a mutant times out after (its tests' time + constant) x this")
    parser.add_argument("--timeout-constant", type=float, default=2.0)
    parser.add_argument("--out", type=Path, default=RESULTS / "mutation.md")
    parser.add_argument("--update-testing", action="store_true",
                        help="copy the per-stage table into TESTING.md")
    parser.add_argument("--dry-run", action="store_true", help="print modules, tests, groups")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies")
    parser.add_argument("--rerun", type=Path, metavar="JSON",
                        help="run again only the mutants an earlier run's .json did not kill "
                        "(same code, more tests); its killed rows are kept in the result")
    parser.add_argument("--unit-only", action="store_true",
                        help="unit tests only: no INTEGRATION test joins a module's tests")
    parser.add_argument("--from-json", nargs="+", type=Path, metavar="JSON",
                        help="no run: report the rows of earlier runs' .json files together "
                        "(e.g. one run per package; a later file's modules replace an "
                        "earlier file's), equivalence judgements re-applied")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        payload = json.loads(sys.stdin.read())
        fn = {"generate": worker_generate, "collect": worker_collect}[args.worker]
        result = fn(payload)
        print(json.dumps(result))
        return

    global UNIT_ONLY
    UNIT_ONLY = args.unit_only
    if args.from_json:
        rows = []
        for path in args.from_json:  # a later file's modules replace an earlier file's
            new = json.loads(path.read_text(encoding="utf-8"))
            again = {r["module"] for r in new}
            rows = [r for r in rows if r["module"] not in again]
            for r in new:
                if r["status"] == "equivalent":
                    r["status"] = "survived"
                rows.append(r)
        for warning in apply_equivalent(rows, load_equivalent()):
            print(f"stale: {warning}")
        seconds = sum({(str(p), r["group"]): r["group_seconds"] for p in args.from_json
                       for r in json.loads(p.read_text(encoding="utf-8"))}.values())
        command = ("python bench/mutation.py " + " ".join(sys.argv[1:])).strip()
        headline, full = report(rows, command, seconds, args)
        args.out.write_text(full, encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print(full)
        if args.update_testing:
            update_testing(headline)
            print("updated: TESTING.md")
        return

    args.rerun_names = None
    args.exclude_names = {r["name"] for path in args.exclude_json or []
                          for r in json.loads(path.read_text(encoding="utf-8"))}
    kept_rows: list[dict] = []
    if args.rerun:
        earlier = json.loads(args.rerun.read_text(encoding="utf-8"))
        kept_rows = [r for r in earlier if r["status"] == "killed"]
        args.rerun_names = {r["name"] for r in earlier if r["status"] != "killed"}
        args.targets = args.targets or sorted({r["module"] for r in earlier})

    modules = expand(args.targets or list(CORE))
    if args.changed:
        changed = set(changed_modules(args.base))
        modules = [m for m in modules if m in changed]
    if not modules:
        print("mutation: no core module to test")
        return
    if args.functions:  # only the modules that define one of them
        args.functions = set(args.functions)
        defined = {m: defined_functions(m) & args.functions for m in modules}
        unknown = args.functions - set().union(*defined.values())
        if unknown:
            sys.exit(f"mutation: --functions: not defined in {' '.join(modules)}: "
                     f"{' '.join(sorted(unknown))}")
        modules = [m for m in modules if defined[m]]
    kept_rows = [r for r in kept_rows if r["module"] in modules]
    groups = groups_of(modules)
    if args.dry_run:
        listed = scratch_files()
        print(f"mutants/ gets: {' '.join(source_paths(modules))} (mutated), tests, "
              f"pyproject.toml, {' '.join(also_copy(listed, source_paths(modules)))}")
        for key, mods in groups.items():
            print(f"[{key}]")
            for m in mods:
                print(f"  {m}: {' '.join(tests_for(m))}")
                if args.functions:
                    print(f"    functions: {' '.join(sorted(defined[m]))}")
        return

    command = "python bench/mutation.py " + " ".join(sys.argv[1:])
    started = time.monotonic()
    rows: list[dict] = list(kept_rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    order = sorted(groups, key=lambda k: (stage_order(k.split("+")[0]), k))
    with open(args.out.with_suffix(".log"), "w", encoding="utf-8") as log:
        for done, key in enumerate(order, 1):
            rows += run_group(key, groups[key], args, log)
            # Written after every group, so an interrupted run still leaves its figures.
            partial = "" if done == len(order) else f" (partial: {done}/{len(order)} groups)"
            headline, full = report(rows, command.strip() + partial,
                                    time.monotonic() - started, args)
            args.out.write_text(full, encoding="utf-8")
            args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1),
                                                     encoding="utf-8")
    print()
    print(full)
    print(f"written: {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    if args.update_testing:
        update_testing(headline)
        print("updated: TESTING.md")


if __name__ == "__main__":
    main()
