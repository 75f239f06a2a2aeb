# Two commands are all a user needs: `make run` and `make test`.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
SAMPLE := sample_data/sample
DB ?= data/kpi.duckdb
PORT ?= 8501

.PHONY: install run test check lint typecheck unit sample load bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.synced: pyproject.toml uv.lock Makefile | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode
	touch $@

install: $(VENV)/.synced

# Loads the committed sample when no database exists yet, then starts the dashboard.
$(DB): | install
	@if [ ! -d "$(SAMPLE)" ]; then $(PY) -m sample_data --out $(SAMPLE) --clients 400 --seed 7; fi
	$(PY) -m pipelines load $(SAMPLE) --db $(DB)

run: install $(DB)
	KPI_DB=$(DB) $(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address localhost --browser.gatherUsageStats false

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
	$(PY) -m sample_data --out $(SAMPLE) --clients 400 --seed 7

bench: install
	bench/run

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
