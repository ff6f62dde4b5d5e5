# Every target sets itself up: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp

.PHONY: site test serve validate golden clean system zensical-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian packages the tests drive: Chromium for the browser tests, poppler for PDF pictures,
# Liberation Sans for lean fillable PDF fields.
system: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): $(STAMP)
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "Liberation Sans"; then \
	  echo "Installing Chromium, poppler-utils and fonts-liberation (Debian packages)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium poppler-utils fonts-liberation >/dev/null; \
	fi
	touch $(SYSTEM_STAMP)

site: $(STAMP)
	$(BIN)/roleprint build

validate: $(STAMP)
	$(BIN)/roleprint validate

serve: $(STAMP)
	$(BIN)/roleprint serve

test: $(STAMP) system
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

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
