# The whole set-up is in these targets: `make build` and `make test` create what they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-lock
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: venv build serve test test-fast lint publish-check translations bench screenshots trim-css system-deps build-deps lock clean check-links check-links-external cff

$(STAMP): requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

## venv: the Python packages only, into .venv (from requirements.lock, with hashes)
venv: $(STAMP)

## build: the site into site/ (strict: a broken link, anchor, note or datum stops it), then one PDF
## per language into site/pdf/ (skip the PDFs for a quick build: BUILD_PDF=false make build)
build: $(STAMP) build-deps
	$(PY) -m scripts build

## serve: live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: lint and the whole test suite (builds the site once, in a temporary folder)
test: $(STAMP) node_modules/.installed system-deps
	$(PY) -m pytest

## test-fast: the tests that need neither the PDFs, a browser, Java nor nginx (markers in pyproject.toml),
## on a site built without PDFs, one test file per core at a time: the loop to run while working (under a minute)
test-fast: $(STAMP) node_modules/.installed
	$(PY) -m pytest -m "not pdf and not browser and not java and not nginx" -n auto --dist loadfile

## translations: status of every page in every language (up to date, outdated, stale, missing)
translations: $(STAMP)
	$(PY) -m scripts translations status

## check-links: internal links and anchors of the built site (offline; the tests run it too)
check-links: build
	$(PY) -m scripts check-links site

## check-links-external: every registered URL and external link; report in reports/
## (exit 0 no dead link, 1 a dead link, 2 could not run, 3 no network)
check-links-external: build
	$(PY) -m scripts check-links-external --site-dir site --report-dir reports

## publish-check: placeholders, wrong values and unverified facts in data/ a publisher should settle
## (exit 0 when nothing blocks, else 2: make's code for any failed command; the command's own codes,
## 0/1/2, come from `.venv/bin/python -m scripts publish-check`, as .github/workflows/deploy.yml runs it)
publish-check: $(STAMP)
	$(PY) -m scripts publish-check

## cff: write CITATION.cff from data/manifesto.yml (the tests verify it is up to date)
cff: $(STAMP)
	$(PY) -m scripts cff

## bench: build time, page weight (first and repeat view in Chromium, gzip), Lighthouse mobile scores,
## each PDF's time, size and pages (median of 3 runs)
bench: $(STAMP) node_modules/.installed system-deps
	$(PY) -m scripts bench
	$(PY) -m scripts bench-signatories

## screenshots: home, an argument, the whole text and the 404 page of each language, phone and desktop,
## light and dark, into screenshots/
screenshots: $(STAMP) system-deps
	$(PY) -m scripts screenshots

## trim-css: rewrite docs/assets/material-trimmed.css, the theme's rules the pages use (needs npm's PurgeCSS)
trim-css: $(STAMP) node_modules/.installed
	$(PY) -m scripts trim-css

lint: $(STAMP)
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests

## system-deps: Debian packages the build and the tests need (Pango, headless Chromium), when missing
system-deps:
	bash scripts/install-system-deps.sh test

build-deps:
	bash scripts/install-system-deps.sh build

## lock: re-pin requirements.in into requirements.lock (with hashes)
lock:
	python3 -m venv /tmp/pip-tools-venv && /tmp/pip-tools-venv/bin/pip install --quiet pip-tools
	/tmp/pip-tools-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf site .pytest_cache
