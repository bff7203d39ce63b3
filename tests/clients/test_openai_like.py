"""llama-index's `OpenAILike` (what llama-index users point at "an OpenAI-compatible
server") against the real service: the same answers and citations as /ask."""

from __future__ import annotations

from typing import Any

import pytest
from llama_index.core.llms import ChatMessage
from llama_index.llms.openai_like import OpenAILike

from tests.servers import RunningService


@pytest.fixture(scope="module")
def llm(replay_service: RunningService) -> OpenAILike:
    return OpenAILike(
        model="newsqa",
        api_base=f"{replay_service.url}/v1",
        api_key="not-needed",
        is_chat_model=True,
        context_window=4096,
        max_retries=0,
        timeout=120,
    )


def test_chat_answers_equal_ask(llm: OpenAILike, ask_answers: dict[str, Any]) -> None:
    for question, expected in ask_answers.items():
        response = llm.chat([ChatMessage(role="user", content=question)])
        assert response.message.content == expected["answer"], question
        assert response.raw is not None
        assert response.raw.to_dict()["citations"] == expected["citations"], question


def test_stream_chat_answers_equal_ask(llm: OpenAILike, ask_answers: dict[str, Any]) -> None:
    for question, expected in ask_answers.items():
        last = None
        citations = None
        for last in llm.stream_chat([ChatMessage(role="user", content=question)]):
            raw = last.raw.to_dict() if last.raw is not None else {}
            if "citations" in raw:
                citations = raw["citations"]
        assert last is not None and last.message.content == expected["answer"], question
        assert citations == expected["citations"], question
