# Every target sets itself up: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp
NPM_STAMP := node_modules/.npm-stamp

.PHONY: site test serve validate golden clean system npm zensical-check bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian packages the tests drive: Chromium for the browser tests, poppler for PDF pictures,
# Liberation Sans for lean fillable PDF fields, Java for the Nu HTML Checker, npm for the
# accessibility checkers below, strace to stop builds at chosen moments (tests/test_faults.py),
# LibreOffice Calc to recompute the filled scoring workbooks (tests/test_scoring_workbooks.py).
system: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): $(STAMP)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing="$$missing fonts-liberation"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v strace >/dev/null || missing="$$missing strace"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-calc"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $(SYSTEM_STAMP)

# axe-core and the Nu HTML Checker (vnu-jar), exact versions from package-lock.json. Install
# scripts are off: vnu-jar's would download a Java runtime; the tests use Debian's java.
npm: $(NPM_STAMP)
$(NPM_STAMP): package.json package-lock.json | $(SYSTEM_STAMP)
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

site: $(STAMP)
	$(BIN)/roleprint build

validate: $(STAMP)
	$(BIN)/roleprint validate

serve: $(STAMP)
	$(BIN)/roleprint serve

test: $(STAMP) system npm
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Timings on synthetic content (docs/performance.md); e.g. make bench BENCH_ARGS="--sizes 10,100"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

golden: $(STAMP)
	$(BIN)/python -m tests.update_golden

# Engine portability: the same staging tree and mkdocs.yml built by Zensical, in its own venv.
zensical-check: $(STAMP)
	$(BIN)/roleprint generate --out .staging --no-pdf
	test -x .venv-zensical/bin/zensical || ($(PYTHON) -m venv .venv-zensical && .venv-zensical/bin/pip install --quiet zensical)
	.venv-zensical/bin/zensical build -f mkdocs.yml --strict
	test -f site/roles/recovery-navigator/index.html

clean:
	rm -rf site build .staging .cache
