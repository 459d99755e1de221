# Two entry points: `make demo` and `make test`. Both build their own .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= marsad.db
SHARED ?= ../shared

.PHONY: venv demo test bench screenshots clean

$(BIN)/marsad: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

venv: $(BIN)/marsad

demo: venv
	rm -f $(DB)
	$(BIN)/marsad ingest --db $(DB) examples/
	$(BIN)/marsad summary --db $(DB)
	@echo
	@echo "Browse the analyses:  $(BIN)/marsad serve --db $(DB)   (then open http://127.0.0.1:8000/)"

test: venv
	$(BIN)/python -m pytest

# A PNG of each page at desktop and phone width over a SaudiNewsNet store (needs chromium, chromium-driver).
screenshots: venv
	$(BIN)/python -m tests.browser.screenshots --out screenshots

bench: venv
	$(BIN)/python bench/analyze_speed.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) build src/*.egg-info
