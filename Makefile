# The README's front door. Every target creates .venv and installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120

.PHONY: run demo test browser bench bench-extract mutation mutation-changed lint clean-warehouse

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# pip 23 does not resolve trafilatura's lxml_html_clean: upgrade pip first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressroom ingest

# A sample news site on loopback, ingested into $$PRESSROOM_WAREHOUSE (default warehouse/),
# and its report: offline, about a minute.
demo: $(STAMP)
	$(BIN)/pressroom demo

# The report's browser test drives Debian's Chromium (Playwright's own download needs the
# internet); without a way to install it the test skips and says why.
browser:
	@test -x /usr/bin/chromium || apt-get install -y -q chromium >/dev/null 2>&1 || \
		(apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1) || \
		echo "chromium not installable here: the browser test will skip"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	# The fetch benchmark serves pages from a real nginx on loopback (it skips without one).
	command -v nginx >/dev/null || apt-get install -y -q nginx >/dev/null 2>&1 || \
		echo "nginx not installable here: bench_fetch.py will say so and skip"
	touch $(BENCH_STAMP)

# Every stage's benchmark; figures go in BENCHMARKS.md (see there for the machine).
bench: $(BENCH_STAMP)
	$(BIN)/python bench/bench_flow.py --docs 2000 --repeat 3
	$(BIN)/python bench/bench_warc_read.py
	$(BIN)/python bench/bench_discover_parse.py
	$(BIN)/python bench/bench_fetch.py --hosts 60 --pages 1200 --repeat 3
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_cold_start.py --pages 181 --rounds 5
	$(BIN)/python bench/bench_text_templates.py --pages 400
	$(BIN)/python bench/bench_text_templates.py --pages 400 --hashed
	# furniture and metadata conventions the rules were not written for (BENCHMARKS.md,
	# issue 13, sessions 52-54): each family was measured held out once, then tuned on
	for family in A B; do $(BIN)/python bench/bench_text_templates.py --pages 400 --unseen $$family; done
	for family in A B C D E F G H I J K L; do $(BIN)/python bench/bench_text_templates.py --pages 400 --cms $$family; done
	$(BIN)/python bench/bench_meta_generated.py --pages 2000
	for family in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z AA AB AC; do $(BIN)/python bench/bench_meta_generated.py --pages 1000 --unseen $$family; done
	$(BIN)/python bench/bench_selectors.py --pages 1000 --rounds 3
	$(BIN)/python bench/bench_enrich.py --rounds 3
	$(BIN)/python bench/bench_neardup.py --sizes 100000 1000000 --incremental 10000

# The extraction-quality benchmark on ../shared/corpus/dev (skips when it is missing).
bench-extract: $(BENCH_STAMP)
	$(BIN)/python bench/bench_extract.py --meta-baseline

MUTATION_STAMP := $(VENV)/.installed-mutation
$(MUTATION_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	touch $(MUTATION_STAMP)

# Mutation testing of tasks/ and schemas/ (mutmut; not part of `make test`). The baseline
# in TESTING.md is a seeded sample of MUTATION_SAMPLE mutants per module (0 = all of them).
MUTATION_SAMPLE ?= 15
mutation: $(MUTATION_STAMP)
	$(BIN)/python bench/mutation.py --sample $(MUTATION_SAMPLE) --update-testing

# Only the core modules changed since MUTATION_BASE, every mutant; TESTING.md untouched.
MUTATION_BASE ?= main
mutation-changed: $(MUTATION_STAMP)
	$(BIN)/python bench/mutation.py --changed --base $(MUTATION_BASE)


# ruff, and the import rule of ARCHITECTURE.md (import-linter contracts in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check flows tasks schemas tests bench
	$(BIN)/lint-imports

clean-warehouse:
	rm -rf warehouse/*/ warehouse/pressroom.duckdb
