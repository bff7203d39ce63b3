"""Answer generators (LLM providers) behind one interface, chosen by ``RAG_LLM_PROVIDER``."""

from __future__ import annotations

from service.config import Settings
from service.llm.base import AnswerGenerator, MessageGenerator
from service.llm.extractive import ExtractiveGenerator


def generation_params(settings: Settings) -> dict[str, float | int]:
    """The parameters that, with the messages, key a recorded answer."""
    return {"temperature": settings.llm_temperature, "max_tokens": settings.llm_max_tokens}


def make_generator(settings: Settings) -> AnswerGenerator:
    """The generator the settings select (wrapped for recording when ``RAG_LLM_RECORD``)."""
    from service.llm import providers
    from service.llm.recording import RecordingGenerator, ReplayGenerator

    provider = settings.llm_provider
    generator: MessageGenerator
    if provider == "extractive":
        return ExtractiveGenerator()
    if provider == "replay":
        return ReplayGenerator(settings.recordings_dir, generation_params(settings))
    if provider == "llamacpp":
        generator = providers.llamacpp_generator(settings)
    elif provider == "openai":
        generator = providers.openai_generator(settings)
    elif provider == "openai_like":
        generator = providers.openai_like_generator(settings)
    else:
        generator = providers.ollama_generator(settings)
    if settings.llm_record:
        return RecordingGenerator(generator, settings.recordings_dir, generation_params(settings))
    return generator
