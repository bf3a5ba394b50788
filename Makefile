# Two commands matter: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres bench bench-postgres bench-analytics demo check migrate install clean fuzz eval

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/formagent migrate

run: install
	$(BIN)/formagent migrate
	$(BIN)/formagent serve --host $(HOST) --port $(PORT)

demo: install
	$(BIN)/formagent migrate
	$(BIN)/formagent seed-demo

# Browser tests need Chromium: scripts/ensure-browser finds it (or installs it
# when it can); without one they are skipped locally and fail under CI=true.
test: install
	@scripts/ensure-browser || true
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

# The same suite on PostgreSQL 15 (SPEC §15): a throw-away cluster (initdb as the
# postgres user, a temporary directory, a free port), stopped and deleted at the end.
# Each test gets its own database. Needs Debian's postgresql package.
test-postgres: install
	@scripts/ensure-browser || true
	$(BIN)/python -m scripts.pg_cluster run -- $(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m scripts.bench

# The capture benchmark on PostgreSQL with 1, 2 and 4 server processes.
bench-postgres: install
	$(BIN)/python -m scripts.pg_cluster run -- $(BIN)/python -m scripts.bench_postgres

# schemathesis against a locally started server (long; not part of CI).
fuzz: install
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	$(BIN)/python -m scripts.fuzz

# Analytics over 1 000 000 generated submissions (also part of `make bench`).
bench-analytics: install
	$(BIN)/python -m scripts.bench_analytics

# The local engine on its evaluation sets (tests/eval/): generation, scoring, refinement.
eval: install
	$(BIN)/python -m tests.eval.run

check: install
	$(BIN)/ruff check app tests scripts
	$(BIN)/ruff format --check app tests scripts

clean:
	rm -rf $(VENV) .pytest_cache
