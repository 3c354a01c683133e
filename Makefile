# Living Plan: `make run` serves the demo, `make test` runs every check. Both install first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 \
	chromium chromium-driver libatomic1 gettext poppler-utils
DEMO_PASSWORD ?= living-plan-demo
PYTEST_WORKERS ?= auto

.PHONY: help install apt venv assets run test lint typecheck contracts templates unit browser bench bench-notify bench-fhir clean

help:
	@echo "make run    - set up and serve the demo on http://127.0.0.1:$(PORT), with the task worker"
	@echo "make test   - set up and run lint, types, import contracts, templates and all tests"

install: apt venv assets

# Debian packages, installed only when missing and only when we are root (see README).
apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Missing Debian packages:$$missing"; echo "Run once: sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

$(BIN)/uv:
	@python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "Living Plan needs Python 3.11 as python3"; exit 1; }
	python3 -m venv $(VENV)
	$(BIN)/pip install -q uv

venv: $(BIN)/uv
	$(BIN)/uv sync -q --frozen --python $(BIN)/python

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

livingplan/static/dist/livingplan.css: node_modules/.package-lock.json scripts/build-assets.mjs $(wildcard assets/*/*)
	npm run --silent build

assets: livingplan/static/dist/livingplan.css

run: install
	@mkdir -p var
	$(BIN)/livingplan migrate --no-input -v0
	$(BIN)/livingplan seed_demo --password "$(DEMO_PASSWORD)"
	@echo ""
	@echo "Living Plan is running at http://127.0.0.1:$(PORT)/"
	@echo "Sign in as alex, sam, priya, dr.jones, omar, morgan, quinn, casey or admin"
	@echo "with the password: $(DEMO_PASSWORD)"
	@echo ""
	@# The task worker makes PDFs and downloads (ADR-019), at a lower CPU priority than the server;
	@# it stops when the server does.
	@trap 'kill $$worker 2>/dev/null' EXIT; \
	nice -n 10 $(BIN)/livingplan db_worker & worker=$$!; \
	$(BIN)/livingplan runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Strict on livingplan/ ([tool.mypy] in pyproject.toml); tests are checked a little less strictly.
typecheck: install
	$(BIN)/mypy

contracts: install
	$(BIN)/lint-imports

templates: install
	$(BIN)/djlint livingplan --lint

unit: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser"

browser: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m browser

test: install lint typecheck contracts templates
	$(BIN)/pytest -n $(PYTEST_WORKERS)

bench: install
	$(BIN)/python benchmarks/plan_read.py
	$(BIN)/python benchmarks/caseload.py
	$(BIN)/python benchmarks/pdf_background.py

# The outbox drained by real workers through the Notify stub; NOTIFY_BENCH_MESSAGES=10000 for the full run.
bench-notify: install
	$(BIN)/python benchmarks/notify.py

bench-fhir: install
	$(BIN)/python benchmarks/fhir.py

clean:
	rm -rf $(VENV) node_modules livingplan/static/dist livingplan/static/nhsuk var
