# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lock audit demo lint format messages check-migrations collectstatic clean \
	backup restore cluster-check bench load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Install exactly the locked versions (requirements/test.txt, every file checked by its hash),
# then the portal itself without resolving anything again. Reinstall only when the lock or
# pyproject.toml changed since the last install; a lock out of step with pyproject.toml stops
# here (run `make lock`).
$(STAMP): pyproject.toml requirements/test.txt | $(BIN)/python
	$(BIN)/python requirements/check_lock.py
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The maintainers' tools (pip-tools, pip-audit) on top, from requirements/dev.txt.
install-dev: install
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt

LOCK_ARGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links --no-emit-trusted-host

## Regenerate the lock files from pyproject.toml: deploy (the portal), test (+ tests, what
## `make install` and CI use), dev (+ pip-tools, pip-audit). `make lock UPGRADE=1` takes newer releases.
lock: | $(BIN)/python
	$(BIN)/python -m piptools --version >/dev/null 2>&1 || $(BIN)/python -m pip install --quiet 'pip-tools>=7.4'
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/python -m piptools compile $(LOCK_ARGS) $(if $(UPGRADE),--upgrade) \
		--output-file requirements/deploy.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/python -m piptools compile $(LOCK_ARGS) $(if $(UPGRADE),--upgrade) \
		--extra test --output-file requirements/test.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/python -m piptools compile $(LOCK_ARGS) $(if $(UPGRADE),--upgrade) \
		--extra test --extra dev --output-file requirements/dev.txt pyproject.toml
	$(BIN)/python requirements/check_lock.py

## Known vulnerabilities in the locked versions (pip-audit); says so and passes when the
## advisory service cannot be reached.
audit: install-dev
	$(BIN)/python requirements/audit.py requirements/dev.txt

## Serve the portal with demo data on SQLite at http://$(HOST):$(PORT)
run: install
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (DATABASE_URL chooses the database; SQLite by default)
test: install
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

demo: install
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Refresh the Dutch translations (needs GNU gettext) and compile them.
messages: install
	DEBUG=true $(BIN)/python manage.py makemessages -l nl --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

check-migrations: install
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

## The PostgreSQL database and MEDIA_ROOT in one dated archive in BACKUP_DIR (docs/deploy.md).
backup: install
	$(BIN)/python manage.py backup

## Load ARCHIVE into the EMPTY database of DATABASE_URL and an empty MEDIA_ROOT.
restore: install
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=backups/avk-backup-YYYYMMDD-HHMMSS.tar.gz" >&2; exit 2; }
	$(BIN)/python manage.py restore "$(ARCHIVE)"

## Two gunicorn instances on one PostgreSQL: shared sessions, lock-out, stale saves, uploads.
cluster-check: install
	$(BIN)/python bench/cluster_check.py

## Benchmarks (bench/README.md): the main pages against their floors and the admin at AVK size
## and 10x, the phase-plan PDF, the 5.000-row import; on PostgreSQL (BENCH_DATABASE_URL).
bench: install
	$(BIN)/python -m bench.pages $(BENCH_ARGS)

## Load test with wrk (apt-get install wrk): 32 and 64 connections, LOAD_DURATION s each.
load: install
	$(BIN)/python -m bench.load --duration $${LOAD_DURATION:-60} $(LOAD_ARGS)

clean:
	rm -rf $(VENV) staticfiles
