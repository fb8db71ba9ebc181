# Dealdesk: `make run` opens the app on a demo database, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APP_STAMP := $(VENV)/.installed-app
QM := resources/translations/dealdesk_de.qm resources/translations/dealdesk_en.qm

.PHONY: run test lint test-fast test-slow shots bench translations translations-update clean bundle package guide

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone (make run); the dev tools come with the tests (make test).
$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP_STAMP)

$(STAMP): pyproject.toml $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(APP_STAMP)
	$(BIN)/python -m tools.translations release

translations: $(QM)

translations-update: $(STAMP)
	$(BIN)/python -m tools.translations update

run: $(APP_STAMP) $(QM)
	$(BIN)/dealdesk --demo

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/mypy

# Offscreen Qt; tests marked xvfb (real mouse drags) run under xvfb-run when it is installed.
test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not xvfb and not stress" -n 2 --dist loadfile
	@if command -v xvfb-run >/dev/null 2>&1; then \
		QT_QPA_PLATFORM=xcb xvfb-run -a $(BIN)/python -m pytest -m xvfb --no-header -q; rc=$$?; \
		if [ $$rc -ne 0 ] && [ $$rc -ne 5 ]; then exit $$rc; fi; \
	else echo "xvfb-run not installed: skipped the tests that need a real X server"; fi

# The long crash and contention suite (200 SIGKILLs during mixed writes, 10 writers x 100
# transactions) and the other slow tests, printing their counts.
test-slow: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "slow and not xvfb and not postgres" -s -q

test-fast: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not gui and not slow and not postgres" -q

shots: $(STAMP) $(QM)
	$(BIN)/dealdesk shots --out /tmp/shots

bench: $(STAMP) $(QM)
	$(BIN)/python -m benchmarks --deals 1000000 --out benchmarks/out/results.json

bundle: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet -e ".[packaging]"
	$(BIN)/pyinstaller --noconfirm packaging/dealdesk.spec

# The user guide's screenshots and placeholder list, from the app itself (docs/guide).
guide: $(STAMP) $(QM)
	$(BIN)/python -m tools.guide

# Linux: the .deb and the portable .tar.gz in dist/ (from the bundle).
package: bundle
	$(BIN)/python packaging/linux/build_packages.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache $(QM)
