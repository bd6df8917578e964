# The whole set-up is `make run` and `make test`: each creates .venv on first use.
# Run `make help` for the list of targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Reinstall when pyproject.toml changes, and only then. Serving needs the project's
# dependencies (RUN_STAMP); testing and linting add the dev tools (DEV_STAMP, whose name
# is the one a full install always had, so an existing .venv stays current).
CKSUM     := $(shell cksum < pyproject.toml | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(CKSUM)
DEV_STAMP := $(VENV)/.installed-$(CKSUM)
# The stage to start, check or serve: STAGE=01. N=01 is its older name, still accepted.
STAGE ?= $(N)

# A folder of wheels made by `make wheelhouse`: install from it, without the package index.
WHEELHOUSE ?=

HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help doctor wheelhouse start check reset solution diff run test bench screenshots read lint format stage compare clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "This project needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 | head -n 1 || echo 'missing')."; \
	  echo "Install a newer Python, then run: make PYTHON=python3.12 run"; exit 1; }
	@echo "Creating the virtual environment .venv with $$($(PYTHON) --version)"
	@$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@test -f $(DEV_STAMP) || WHEELHOUSE="$(WHEELHOUSE)" $(BIN)/python tools/install.py run
	@rm -f $(VENV)/.installed-run-*
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@WHEELHOUSE="$(WHEELHOUSE)" $(BIN)/python tools/install.py dev
	@rm -f $(VENV)/.installed-*
	@touch $@ $(RUN_STAMP)

doctor: ## Check Python, .venv, the port, the capstone's database; say how to fix them
	@$(PYTHON) tools/doctor.py

wheelhouse: | $(BIN)/python ## Every wheel the course needs, for laptops offline: make wheelhouse WHEELHOUSE=/media/usb
	@$(BIN)/python tools/wheelhouse.py "$(or $(WHEELHOUSE),wheelhouse)"

start: $(RUN_STAMP) ## Write a stage yourself: make start STAGE=01 creates workspace/01_raw_wsgi/
	@$(BIN)/python -m tools.learn start "$(STAGE)"

check: $(DEV_STAMP) ## Check your workspace, with a hint per failure: make check STAGE=01
	@$(BIN)/python -m tools.learn check "$(STAGE)"

reset: $(RUN_STAMP) ## Start a stage over (your files go to workspace/.backup/): make reset STAGE=01
	@$(BIN)/python -m tools.learn reset "$(STAGE)"

solution: $(RUN_STAMP) ## Your files beside the reference stage: make solution STAGE=01
	@$(BIN)/python -m tools.learn solution "$(STAGE)"

diff: $(RUN_STAMP) ## What a stage adds to the previous one: make diff FROM=01 TO=02
	@$(BIN)/python -m tools.learn diff "$(FROM)" "$(TO)"

run: $(RUN_STAMP) ## Migrate, load demo data once, serve the capstone on http://127.0.0.1:8000
	$(BIN)/flask --app capstone init-db
	$(BIN)/flask --app capstone seed-demo
	@echo "Serving on http://$(HOST):$(PORT)/ (links in emails too); stop it with Ctrl-C"
	FLASK_RUN_HOST=$(HOST) FLASK_RUN_PORT=$(PORT) $(BIN)/flask --app capstone run

test: $(DEV_STAMP) ## Run the whole test suite, one worker per core
	$(BIN)/python -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

bench: $(DEV_STAMP) ## Measure each layer, compare/ and the capstone (needs wrk; about 3 minutes)
	$(BIN)/python -m bench

screenshots: $(DEV_STAMP) ## Take the capstone's screenshots again, into capstone/docs (needs chromium)
	SCREENSHOTS_FOLDER=$(CURDIR)/capstone/docs $(BIN)/python -m pytest -q tests/e2e/test_screenshots.py

read: $(RUN_STAMP) ## Where the functions of a stage's reading guide are: make read STAGE=03
	@$(BIN)/python tests/harness/reading.py "$(STAGE)"

lint: $(DEV_STAMP) ## Check style and formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP) ## Rewrite files to the project's formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

stage: $(RUN_STAMP) ## Serve one stage: make stage STAGE=01
	@test -n "$(STAGE)" || { echo "Say which stage: make stage STAGE=01"; exit 1; }
	@app=$$(ls -d $(STAGE)_*/app.py 2>/dev/null | head -n 1); \
	test -n "$$app" || { echo "There is no stage $(STAGE). Stages here:" $$(ls -d [0-9][0-9]_*/ | tr -d /); exit 1; }; \
	echo "$(BIN)/python $$app"; exec $(BIN)/python $$app

compare: $(DEV_STAMP) ## Serve the app in Django or FastAPI (compare/): make compare APP=fastapi
	@case "$(APP)" in django|fastapi) ;; *) echo "Say which: make compare APP=django, or APP=fastapi"; exit 1;; esac
	@echo "$(BIN)/python compare/with_$(APP)/app.py"; HOST=$(HOST) PORT=$(PORT) exec $(BIN)/python compare/with_$(APP)/app.py

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
