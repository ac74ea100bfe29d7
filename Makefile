# The one entry point for people and CI. Every target installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install test demo bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest

demo: $(STAMP)
	$(PY) -m resdiff.demo drafts

bench: $(STAMP)
	$(PY) -m bench

check: $(STAMP)
	$(VENV)/bin/ruff check resdiff tests bench
	$(VENV)/bin/mypy resdiff

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
