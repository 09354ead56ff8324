# The two commands of README: `make brief` (set-up + the bundled example) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SOURCES  ?= examples/relos-2025
AUDIENCE ?= executive
OUT      ?= out/brief.pdf
AS_OF    ?=

.PHONY: brief test venv doctor bench send rules-check clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# Bytecode ahead of time: where PYTHONDONTWRITEBYTECODE is set, every run would
	@# otherwise compile the package again (~0.07 s of a cold build).
	$(BIN)/python -m compileall -q briefing >/dev/null
	@touch $@

venv: $(BIN)/briefing

brief: venv
	$(BIN)/briefing build $(SOURCES) -o $(OUT) --audience $(AUDIENCE) $(if $(AS_OF),--as-of $(AS_OF))

test: venv
	$(BIN)/python -m pytest -q

rules-check: venv
	$(BIN)/briefing rules check rules

send:
	$(if $(AUDIENCE),,$(error usage: make send AUDIENCE=name [TO="a@x b@y"] [DRY_RUN=1]))
	$(BIN)/briefing send $(or $(PDF),$(OUT)) --audience $(AUDIENCE) $(addprefix --to ,$(TO)) $(if $(DRY_RUN),--dry-run)

bench: venv
	$(BIN)/python bench/tempeval.py ../shared/tempeval
	$(BIN)/python bench/timex_speed.py ../shared/tempeval
	$(BIN)/python bench/pipeline.py ../shared/tempeval  # add --large for 10,000 articles (minutes)

doctor:
	@if ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; then \
	  echo "libharfbuzz-subset0: present (WeasyPrint's fast font path)"; \
	else \
	  echo "libharfbuzz-subset0: MISSING — WeasyPrint is ~4x slower; apt-get install libharfbuzz-subset0"; fi
	@command -v pdftoppm >/dev/null && echo "pdftoppm: present" || echo "pdftoppm: missing (apt-get install poppler-utils) — only needed to look at pages"

clean:
	rm -rf out/*.pdf out/*.html out/*.json out/*.md out/*.txt out/*.eml
