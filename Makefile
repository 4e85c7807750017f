# Keel: `make run` starts the demo shop, `make test` runs every test. See README.md.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KEEL := $(BIN)/keel
KEEL_PORT ?= 8000
STAMP := $(VENV)/.installed
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test setup lint format bench messages clean test-postgres

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)
	$(KEEL) migrate --noinput
	$(KEEL) createcachetable
	$(KEEL) compilemessages --ignore=.venv -v 0

run: setup
	$(KEEL) seed demo
	$(BIN)/python -m keel.devserver --port $(KEEL_PORT)

node_modules/axe-core/axe.min.js:
	npm install --no-save --no-audit --no-fund --silent axe-core@4

lint: $(STAMP)
	$(BIN)/ruff check keel bench tests
	$(BIN)/ruff format --check keel bench tests
	$(BIN)/mypy keel

format: $(STAMP)
	$(BIN)/ruff check --fix keel bench tests
	$(BIN)/ruff format keel bench tests

test: $(STAMP) node_modules/axe-core/axe.min.js
	$(KEEL) compilemessages --ignore=.venv -v 0
	$(MAKE) lint
	$(BIN)/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

messages: $(STAMP)
	cd keel && ../$(KEEL) makemessages -l zh_Hans -l zh_Hant --no-obsolete --ignore=tests
	cd keel && ../$(KEEL) makemessages -d djangojs -l zh_Hans -l zh_Hant --no-obsolete

bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var node_modules
