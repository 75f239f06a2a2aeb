# Two commands are all a user needs: `make run` and `make test`.
# Any Python from 3.11 to 3.13 works (pyproject.toml's requires-python; the lock covers all
# three): `make test PYTHON=python3.13` builds its own .venv-3.13 beside the default .venv.
PYTHON ?= python3
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(PYVER),)
$(error "$(PYTHON)" was not found: install Python 3.11-3.13 (Debian/Ubuntu: apt install python3 python3-venv))
endif
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# The default interpreter gets .venv (the one the docs and scripts use); any other PYTHON
# gets its own environment, so switching versions never rebuilds the other one.
VENV ?= $(if $(filter python3,$(PYTHON)),.venv,.venv-$(PYVER))
PY := $(VENV)/bin/python
SAMPLE := sample_data/sample
# The committed sample's fixed arguments: `make sample` writes the same bytes on any day.
SAMPLE_ARGS := --clients 400 --seed 7 --from 2025-01-01 --to 2026-10-31
DB ?= data/kpi.duckdb
PORT ?= 8501

.PHONY: install run test check lint typecheck unit sample load bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.synced-$(PYVER): pyproject.toml uv.lock Makefile | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --quiet --compile-bytecode --python "$$(command -v $(PYTHON))"
	rm -f $(VENV)/.synced-*
	touch $@

install: $(VENV)/.synced-$(PYVER)

# Loads the committed sample when no database exists yet, then starts the dashboard.
$(DB): | install
	@if [ ! -d "$(SAMPLE)" ]; then $(PY) -m sample_data --out $(SAMPLE) $(SAMPLE_ARGS); fi
	$(PY) -m pipelines load $(SAMPLE) --db $(DB)

run: install $(DB)
	@echo ""
	@echo "  Tavoiteseuranta käynnistyy / the dashboard is starting:"
	@echo "  avaa selaimessa / open in a browser:  http://localhost:$(PORT)"
	@echo "  (Ctrl+C pysäyttää / stops it)"
	@echo ""
	KPI_DB=$(DB) $(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address localhost --server.headless true --browser.gatherUsageStats false

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy .

check: lint typecheck

unit: install
	$(VENV)/bin/pytest -q

test: check unit

sample: install
	$(PY) -m sample_data --out $(SAMPLE) $(SAMPLE_ARGS)

bench: install
	bench/run

clean:
	rm -rf .venv .venv-3.* $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
