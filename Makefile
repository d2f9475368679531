# Drechtlens — the two commands in the README are `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
PORT    ?= 8501
export DRECHTLENS_DB ?= $(CURDIR)/data/corpus.db

.PHONY: setup run test lint system-deps model bench bench-smoke screenshots clean

setup: $(STAMP)

# Idempotent: re-runs only when the pins or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

run: setup
	$(BIN)/drechtlens demo --if-empty
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

# Optional system tools (poppler for the benchmark reference, tesseract for OCR,
# chromium for the browser test). Installed when missing and when we are root with apt;
# tests that need them skip with a reason otherwise.
system-deps:
	@missing=""; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr tesseract-ocr-nld"; \
	command -v chromium  >/dev/null || missing="$$missing chromium"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null 2>&1 \
	    || echo "warning: could not install$$missing; dependent tests will skip"; \
	fi

lint: setup
	$(BIN)/ruff check .

test: setup system-deps lint
	$(BIN)/python -m pytest -q

# Tries the preferred spaCy model; without network it says so and the fallback pipeline is used.
model: setup
	$(BIN)/python -m spacy download nl_core_news_lg || echo "nl_core_news_lg not available (offline?): using the fallback pipeline"

bench: setup system-deps
	$(BIN)/python -m bench.run --out bench/results

bench-smoke: setup
	$(BIN)/python -m bench.run --smoke --out test-artifacts/bench-smoke

screenshots: setup system-deps
	DRECHTLENS_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q -m browser

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
