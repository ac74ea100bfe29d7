# The one entry point for people and CI. Every target installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: install browser office test demo bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

# The HTML report's tests drive Debian's chromium through playwright, which never downloads a
# browser of its own here. Installing a system package needs root, as on CI.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "$(CHROMIUM) is missing: installing Debian's chromium for the browser tests"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

# The Word and PDF tests: LibreOffice (headless) opens the Word redline and prints it to PDF,
# poppler's pdftoppm renders a page to PNG, the DejaVu fonts give the PDF fixtures their accents.
# Only the packages missing are installed.
OFFICE_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-dejavu-core fonts-dejavu-extra
office:
	@missing=""; for p in $(OFFICE_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
			|| missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian's$$missing for the Word and PDF tests"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

test: $(STAMP) browser office
	$(PY) -m pytest

demo: $(STAMP)
	$(PY) -m resdiff.demo drafts

bench: $(STAMP) office
	$(PY) -m bench

check: $(STAMP)
	$(VENV)/bin/ruff check resdiff tests bench
	$(VENV)/bin/mypy resdiff

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
