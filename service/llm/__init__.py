"""Answer generators (LLM providers) behind one interface, chosen by ``RAG_LLM_PROVIDER``."""

from __future__ import annotations

from service.config import Settings
from service.errors import ConfigurationError
from service.llm.base import AnswerGenerator
from service.llm.extractive import ExtractiveGenerator


def make_generator(settings: Settings) -> AnswerGenerator:
    """The generator the settings select."""
    if settings.llm_provider == "extractive":
        return ExtractiveGenerator()
    raise ConfigurationError(f"unknown RAG_LLM_PROVIDER {settings.llm_provider!r}")
