# The whole set-up is in these targets: `make build` and `make test` create what they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-lock
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: build serve test lint bench system-deps lock clean

$(STAMP): requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

## build: the site into site/ (strict: a broken link, anchor, note or datum stops it), then one PDF
## per language into site/pdf/ (skip the PDFs for a quick build: BUILD_PDF=false make build)
build: $(STAMP)
	$(PY) -m scripts.build

## serve: live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: lint and the whole test suite (builds the site once, in a temporary folder)
test: $(STAMP) node_modules/.installed system-deps
	$(PY) -m pytest

## bench: time the PDF of each language (median of 5 runs), with its size and page count
bench: $(STAMP)
	$(PY) -m scripts.bench

lint: $(STAMP)
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests

## system-deps: Debian packages the tests need (headless Chromium), installed when missing
system-deps:
	bash scripts/install-system-deps.sh

## lock: re-pin requirements.in into requirements.lock (with hashes)
lock:
	python3 -m venv /tmp/pip-tools-venv && /tmp/pip-tools-venv/bin/pip install --quiet pip-tools
	/tmp/pip-tools-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf site .pytest_cache
