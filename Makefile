# Every target sets itself up: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp
NPM_STAMP := node_modules/.npm-stamp
SEARCH_STAMP := node_modules/.search-stamp
# Zensical, the successor of Material for MkDocs, in a venv of its own. Pinned: every later
# release (0.0.74 and 0.1.x) requires zensical-ui, which the package index here does not serve,
# so pip would fall back to this one anyway, after trying each of them.
ZENSICAL_VERSION := 0.0.73
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed-$(ZENSICAL_VERSION)

.PHONY: site test serve edit format validate golden clean system npm search zensical zensical-check bench fuzz import-measure

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian packages the tests drive: Chromium for the browser tests, poppler for PDF pictures,
# Liberation Sans for lean fillable PDF fields, Java for the Nu HTML Checker, npm for the
# accessibility checkers below, strace to stop builds at chosen moments (tests/output/test_faults.py),
# HarfBuzz-Subset, which WeasyPrint warns it will need (the tests make that warning an error).
# LibreOffice Calc to recompute the filled scoring workbooks (tests/scoring/test_workbooks.py).
system: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): $(STAMP)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing="$$missing fonts-liberation"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v strace >/dev/null || missing="$$missing strace"; \
	ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || missing="$$missing libharfbuzz-subset0"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-calc"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $(SYSTEM_STAMP)

# axe-core, the Nu HTML Checker (vnu-jar) and the browser editor (Decap CMS), exact versions
# from package-lock.json. Install scripts are off: vnu-jar's would download a Java runtime (the
# tests use Debian's java) and Decap CMS needs none (its built bundle is in the package).
npm: $(NPM_STAMP)
$(NPM_STAMP): package.json package-lock.json | $(SYSTEM_STAMP)
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

# Pagefind, which makes the site's search index (docs/search.md): the one package in
# package.json's "dependencies", so a site build installs it alone (the binary for this machine
# comes with it). Where `npm` above has installed everything already, that is kept.
search: $(SEARCH_STAMP)
$(SEARCH_STAMP): package.json package-lock.json
	command -v npm >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	if [ ! -f $(NPM_STAMP) ] || [ package-lock.json -nt $(NPM_STAMP) ]; then \
	  npm ci --omit=dev --ignore-scripts --no-audit --no-fund; fi
	touch $(SEARCH_STAMP)

zensical: $(ZENSICAL_STAMP)
$(ZENSICAL_STAMP):
	rm -rf $(ZENSICAL_VENV)
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet zensical==$(ZENSICAL_VERSION)
	touch $(ZENSICAL_STAMP)

site: $(STAMP) search
	$(BIN)/roleprint build

validate: $(STAMP)
	$(BIN)/roleprint validate

serve: $(STAMP) search
	$(BIN)/roleprint serve

# The browser editor and the live preview together, on 127.0.0.1 (docs/editor.md).
edit: $(STAMP) npm
	$(BIN)/roleprint edit

format: $(STAMP)
	$(BIN)/roleprint format

test: $(STAMP) system npm zensical
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Timings on synthetic content (docs/performance.md); e.g. make bench BENCH_ARGS="--sizes 10,100"
bench: $(STAMP) zensical search
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# `roleprint import` scored on the corpus of real job descriptions in tests/importer/corpus
# against their answer keys; rewrites the tables under "Measured on real documents" in
# docs/import.md.
import-measure: $(STAMP)
	$(BIN)/python -m benchmarks.import_corpus --docs

# The fuzz test at length: thousands of mutated records through validate, dozens through
# build --no-pdf, with a new random seed each run (make test runs a fixed, short set).
fuzz: $(STAMP)
	ROLEPRINT_FUZZ=long $(BIN)/python -m pytest -q tests/content/test_fuzz.py

golden: $(STAMP)
	$(BIN)/python -m tests.render.update_golden

# Engine portability: the same staging tree and mkdocs.yml built by Zensical (writes site/).
zensical-check: $(STAMP) zensical search
	$(BIN)/roleprint generate --out .staging --no-pdf
	$(ZENSICAL_VENV)/bin/zensical build -f mkdocs.yml --strict --clean
	test -f site/roles/recovery-navigator/index.html
	test -f site/search.json
	$(BIN)/python -c "from pathlib import Path; from generator.output.search import index_site; index_site(Path('site'))"
	test -f site/pagefind/pagefind-ui.js

clean:
	rm -rf site build .staging .cache
