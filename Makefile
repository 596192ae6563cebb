# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves: absolute links (emails, sitemap, feeds, API) name it.
# Production sets BASE_URL in the environment instead (docs/production.md).
BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint install migrate demo serve messages check clean bench-load

# Python keeps compiled modules (and pytest its rewritten tests) in __pycache__, which git
# ignores: where the environment turns that off, every process of the suite (its workers,
# each manage.py and gunicorn it starts) would compile the project again, seconds each.
unexport PYTHONDONTWRITEBYTECODE

run: install migrate demo
	$(MANAGE) collectstatic --noinput -v0
	@BASE_URL=$(BASE_URL) $(MANAGE) email_destination
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	BASE_URL=$(BASE_URL) $(MANAGE) runserver $(HOST):$(PORT) --noreload

# The suite runs on every core (at most four workers; TEST_WORKERS=0 runs it in one process).
TEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile $(PYTEST_ARGS)

# The linter and the formatter, as CI runs them (ruff is pinned in the test extras).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

migrate: install
	$(MANAGE) migrate --noinput -v0

demo: migrate
	BASE_URL=$(BASE_URL) $(MANAGE) load_demo

# Re-extract and compile the interface strings (needs GNU gettext; the .mo files are committed).
# Every app with a locale/ folder has its own catalogue; site/ holds the site-wide strings.
APPS_WITH_MESSAGES := $(filter-out site,$(patsubst %/locale,%,$(wildcard */locale)))
messages: install
	for app in $(APPS_WITH_MESSAGES); do \
		(cd $$app && ../$(BIN)/python ../manage.py makemessages -l ca -l es -l en --no-obsolete -v0 || exit 1); done
	cd site && ../$(BIN)/python ../manage.py makemessages -l ca -l es -l en --no-obsolete -v0
	$(MANAGE) compilemessages -v0

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run -v0

# Load test of the demo under gunicorn with wrk (apt-get install wrk): cached vs uncached.
bench-load: install
	$(BIN)/python -m bench.load $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
