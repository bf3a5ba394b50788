# Two commands matter: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench bench-analytics demo check migrate install clean fuzz eval

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

bench: install
	$(BIN)/python -m scripts.bench

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
