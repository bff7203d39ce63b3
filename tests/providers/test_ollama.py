"""The ollama provider against a stub that speaks Ollama's HTTP API (see ollama_stub.py)."""

from __future__ import annotations

import socket
from typing import Any

from service.config import Settings
from service.evidence import EvidenceItem, Sentence
from service.llm.base import GenerationRequest
from service.llm.providers import ollama_generator
from tests.providers.ollama_stub import MODEL, OllamaStub

QUOTE = "Tesla CEO Elon Musk also made a trip to China"
REQUEST = GenerationRequest(
    "Which Tesla executive travelled to China?",
    [EvidenceItem(1, Sentence("d", "t", None, "p", 0, len(QUOTE), QUOTE), 1.0)],
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ollama_generate_stream_and_health() -> None:
    with OllamaStub(free_port()) as stub:
        settings = Settings(_env_file=None, ollama_base_url=stub.url, llm_max_tokens=64)
        gen = ollama_generator(settings)
        assert gen.name == f"ollama:{MODEL}"
        assert gen.health().state == "ready"
        assert gen.generate(REQUEST) == f"{QUOTE} [1]"
        pieces = list(gen.stream(REQUEST))
        assert len(pieces) > 3 and "".join(pieces) == f"{QUOTE} [1]"
        sent: dict[str, Any] = stub.requests[0]
        assert sent["model"] == MODEL
        assert [m["role"] for m in sent["messages"]] == ["system", "user"]
        assert f"[1] {QUOTE}" in sent["messages"][1]["content"]
        assert sent["options"]["temperature"] == 0.0 and sent["options"]["num_predict"] == 64
        assert sent["stream"] is False and stub.requests[1]["stream"] is True


def test_ollama_unreachable() -> None:
    settings = Settings(_env_file=None, ollama_base_url=f"http://127.0.0.1:{free_port()}")
    assert ollama_generator(settings).health().state == "unreachable"
