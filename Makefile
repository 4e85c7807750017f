# Keel: `make run` starts the demo shop, `make test` runs every test. See README.md.
# Needs only python3 and make; `make test` installs Chromium, CJK fonts, gettext and npm with
# apt-get when run as root (.ci/system-deps), or names what is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KEEL := $(BIN)/keel
KEEL_PORT ?= 8000
STAMP := $(VENV)/.installed
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/keel_test
# `make test LINT=0` runs the tests without the lint (test-postgres does).
LINT ?= 1
export KEEL_PORT
# Browser tests use the system's Chromium; never download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test test-postgres setup system-deps lint format bench loadtest messages clean

# Chromium, CJK fonts, gettext and npm for the tests (installed with apt-get when root).
system-deps:
	@bash .ci/system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || \
	  { echo "python3 -m venv failed: install python3-venv (apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

HAVE_PO = find keel -name '*.po' | grep -q .
COMPILEMESSAGES = $(KEEL) compilemessages --ignore=.venv -v 0

# Translations are compiled when gettext is there; without it the pages show in English.
setup: $(STAMP)
	$(KEEL) migrate --noinput
	$(KEEL) createcachetable
	@if ! $(HAVE_PO); then :; elif command -v msgfmt >/dev/null 2>&1; then $(COMPILEMESSAGES); \
	  else echo "gettext (msgfmt) is not installed: translations not compiled"; fi

# The devserver seeds the demo first and repeats the owner's sign-in once both processes are
# up. Links in the demo's emails follow KEEL_PORT (KEEL_BASE_URL's development default).
run: setup
	$(BIN)/python -m keel.devserver --port $(KEEL_PORT) --seed demo

node_modules/axe-core/axe.min.js:
	npm install --no-save --no-audit --no-fund --no-package-lock --silent axe-core@4

lint: $(STAMP)
	$(BIN)/ruff check keel bench tests
	$(BIN)/ruff format --check keel bench tests
	$(BIN)/mypy keel
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix keel bench tests
	$(BIN)/ruff format keel bench tests

# Lint, then every test on SQLite. KEEL_TEST_DATABASE_URL=postgres://… make test runs the
# same on PostgreSQL.
test: system-deps $(STAMP) node_modules/axe-core/axe.min.js
	if $(HAVE_PO); then $(COMPILEMESSAGES); fi
	if [ "$(LINT)" != 0 ]; then $(MAKE) lint; fi
	$(BIN)/pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

# CI's second pass, after `make test`: the suite on PostgreSQL, without the lint (it does not
# depend on the database) and the browser journeys (they run once, on SQLite).
test-postgres:
	KEEL_TEST_DATABASE_URL=$(PG_TEST_URL) $(MAKE) test LINT=0 PYTEST_ARGS='-m "not browser" $(PYTEST_ARGS)'

messages: $(STAMP)
	cd keel && ../$(KEEL) makemessages -l zh_Hans -l zh_Hant --no-obsolete --ignore=tests
	cd keel && ../$(KEEL) makemessages -d djangojs -l zh_Hans -l zh_Hant --no-obsolete

bench: setup
	$(BIN)/python -m bench.run

# 50 people doing a day's work for 3 minutes against `keel serve` (SQLite, then PostgreSQL +
# Redis): errors, lost writes, latency per action, idle RSS, API vs bare view req/s.
loadtest: setup
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) var node_modules
