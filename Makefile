# Everything a fresh machine needs: `make run` extracts the seeds in every format,
# `make test` runs every test (core, every plugin) and builds the docs strictly.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PLUGINS := $(sort $(wildcard plugins/libyaevents-*))
# format:suffix pairs for `make run` (one extraction, then `convert` to each format)
FORMATS := json:json jsonl:jsonl geojson:geojson stix:stix.json acled-csv:csv
STAMP := $(VENV)/.installed

.PHONY: install run test docs bench clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml) Makefile
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# The CPU build of torch lies on this kind of machine; installing it first keeps
	# sentence-transformers from pulling a multi-GB CUDA build.
	$(PY) -m pip install -q "torch==2.13.0"
	$(PY) -m pip install -q -e ".[test,docs,dask]" $(foreach p,$(PLUGINS),-e "$(p)[test]")
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(VENV)/bin/libyaevents extract seeds/ --format json -o out/seeds.json
	@echo "wrote out/seeds.json (json)"
	@for pair in $(FORMATS); do \
	  f=$${pair%%:*}; suffix=$${pair#*:}; \
	  [ "$$f" = json ] && continue; \
	  $(VENV)/bin/libyaevents convert out/seeds.json --format $$f -o out/seeds.$$suffix || exit $$?; \
	  echo "wrote out/seeds.$$suffix ($$f)"; \
	done

test: $(STAMP)
	$(PY) -m pytest tests $(PLUGINS)
	$(VENV)/bin/mkdocs build --strict --site-dir $(VENV)/site

docs: $(STAMP)
	$(VENV)/bin/mkdocs serve

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) out site
