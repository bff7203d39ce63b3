"""The official `openai` SDK against the real service: the same answers and citations as
/ask for every dev-set question, non-streaming and streaming."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from openai import OpenAI

from service.ingestion.chunking import token_encoder
from tests.clients.conftest import check_annotations
from tests.servers import RunningService


@pytest.fixture(scope="module")
def client(replay_service: RunningService) -> OpenAI:
    return OpenAI(
        base_url=f"{replay_service.url}/v1", api_key="not-needed", max_retries=0, timeout=120
    )


def messages(question: str) -> list[Any]:
    return [
        {"role": "system", "content": "You are a helpful assistant."},  # ignored by design
        {"role": "user", "content": question},
    ]


def test_models_lists_newsqa_with_its_provider(client: OpenAI) -> None:
    models = client.models.list().data
    assert [m.id for m in models] == ["newsqa"]
    card: dict[str, Any] = models[0].to_dict()
    assert card["metadata"]["llm_provider"] == "replay"
    assert client.models.retrieve("newsqa").id == "newsqa"


def test_non_streaming_answers_equal_ask(
    client: OpenAI, replay_service: RunningService, ask_answers: dict[str, Any]
) -> None:
    encode = token_encoder("cl100k_base")
    for question, expected in ask_answers.items():
        sent = messages(question)
        completion = client.chat.completions.create(
            model="newsqa",
            messages=sent,
            temperature=0.3,  # accepted and ignored
            extra_body={"some_future_option": True},  # unknown: accepted and ignored
        )
        body: dict[str, Any] = completion.to_dict()
        assert body["object"] == "chat.completion"
        message = completion.choices[0].message
        assert message.role == "assistant"
        assert message.content == expected["answer"], question
        assert completion.choices[0].finish_reason == "stop"
        assert body["citations"] == expected["citations"], question
        assert body["newsqa"]["refused"] == expected["refused"]
        assert body["newsqa"]["refusal_reason"] == expected["refusal_reason"]
        annotations = [a.to_dict() for a in message.annotations or []]
        assert message.content is not None
        check_annotations(message.content, annotations, expected["citations"], replay_service.url)
        if expected["refused"]:
            assert annotations == [] and message.content == expected["answer"]
        prompt = len(encode("\n".join(m["content"] for m in sent)))
        assert completion.usage is not None
        assert completion.usage.prompt_tokens == prompt
        assert completion.usage.completion_tokens == len(encode(expected["answer"]))
        assert completion.usage.total_tokens == prompt + completion.usage.completion_tokens


def test_streaming_answers_equal_ask(
    client: OpenAI, replay_service: RunningService, ask_answers: dict[str, Any]
) -> None:
    for question, expected in ask_answers.items():
        stream = client.chat.completions.create(
            model="newsqa",
            messages=messages(question),
            stream=True,
            stream_options={"include_usage": True},
        )
        content, sources, usage = "", [], None
        final: dict[str, Any] | None = None
        for chunk in stream:
            data: dict[str, Any] = chunk.to_dict()
            assert data["object"] == "chat.completion.chunk"
            if "event" in data and data["event"]["type"] == "source":
                sources.append(data["event"]["data"])
            if chunk.usage is not None:
                usage = chunk.usage
            for choice in chunk.choices:
                content += choice.delta.content or ""
                if choice.finish_reason:
                    final = data
        assert content == expected["answer"], question
        assert final is not None and final["citations"] == expected["citations"], question
        assert final["newsqa"]["refusal_reason"] == expected["refusal_reason"], question
        delta = final["choices"][0]["delta"]
        check_annotations(content, delta["annotations"], expected["citations"], replay_service.url)
        # Open WebUI: one source per citation, in marker order, with the quote as document.
        assert [s["document"] for s in sources] == [[c["quote"]] for c in expected["citations"]]
        assert [s["source"]["name"] for s in sources] == [c["title"] for c in expected["citations"]]
        assert usage is not None and usage.completion_tokens > 0


def test_the_wire_format_ends_with_done(replay_service: RunningService) -> None:
    question = next(iter(["Who did Microsoft President Brad Smith meet in China?"]))
    with httpx.stream(
        "POST",
        f"{replay_service.url}/v1/chat/completions",
        json={
            "model": "newsqa",
            "messages": [{"role": "user", "content": question}],
            "stream": True,
        },
        timeout=120,
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in response.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines)
    assert lines[-1] == "data: [DONE]"
    first = json.loads(lines[0].removeprefix("data: "))
    assert first["choices"][0]["delta"] == {"role": "assistant", "content": ""}
