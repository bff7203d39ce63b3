"""Failure injection at the HTTP layer: exactly one retry, then a degraded answer, never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.evidence import EvidenceItem, Sentence
from service.llm.base import GenerationRequest, ProviderError
from service.llm.providers import LLMGenerator, openai_generator, openai_like_generator
from service.policy import REASON_PROVIDER_FAILED

REQUEST = GenerationRequest(
    "Which Tesla executive travelled to China?",
    [
        EvidenceItem(
            1,
            Sentence("d", "t", None, "p", 0, 45, "Tesla CEO Elon Musk also made a trip to China"),
            1.0,
        )
    ],
)


def failing_client(status: int | None, calls: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if status is None:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(status, json={"error": {"message": "overloaded"}})

    return httpx.Client(transport=httpx.MockTransport(handler))


def settings(**kw: Any) -> Settings:
    values: dict[str, Any] = {"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "m", **kw}
    return Settings(_env_file=None, **values)


@pytest.mark.parametrize("status", [None, 500, 503, 429])
@pytest.mark.parametrize("provider", ["openai", "openai_like"])
@pytest.mark.parametrize("mode", ["generate", "stream"])
def test_one_retry_then_provider_error(provider: str, mode: str, status: int | None) -> None:
    calls: list[httpx.Request] = []
    client = failing_client(status, calls)
    gen: LLMGenerator
    if provider == "openai":
        key = SecretStr("sk-test-" + "x" * 20)
        gen = openai_generator(
            settings(openai_api_key=key, llm_model="gpt-4o-mini"), http_client=client
        )
    else:
        gen = openai_like_generator(settings(), http_client=client)
    with pytest.raises(ProviderError) as err:
        if mode == "generate":
            gen.generate(REQUEST)
        else:
            "".join(gen.stream(REQUEST))
    assert len(calls) == 2, f"expected exactly 2 attempts, saw {len(calls)}"
    assert "sk-test" not in str(err.value)
    assert all(c.url.path.endswith("/chat/completions") for c in calls)


def test_provider_down_gives_a_degraded_answer_over_http(
    sample_settings: Settings, sample_index: Any
) -> None:
    calls: list[httpx.Request] = []
    gen = openai_like_generator(settings(), http_client=failing_client(None, calls))
    with TestClient(create_app(sample_settings, index=sample_index, generator=gen)) as c:
        response = c.post("/ask", json={"question": "Which Tesla executive travelled to China?"})
        ready = c.get("/readyz").json()
    assert response.status_code == 200
    answer = response.json()
    assert answer["degraded"] and "Elon Musk" in answer["answer"]
    assert answer["degraded_reason"] == REASON_PROVIDER_FAILED
    assert answer["model"]["llm"] == "extractive"
    assert len(calls) == 2
    assert ready["llm"]["provider"] == "openai_like:m"
    assert ready["llm"]["state"] == "unreachable"


def test_misconfigured_providers_say_what_to_set() -> None:
    from service.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="RAG_OPENAI_API_KEY"):
        openai_generator(Settings(_env_file=None))
    with pytest.raises(ConfigurationError, match="RAG_LLM_BASE_URL"):
        openai_like_generator(Settings(_env_file=None))


@pytest.mark.parametrize("mode", ["generate", "stream"])
def test_a_request_the_model_cannot_take_is_not_retried(mode: str) -> None:
    """llama-cpp raises ValueError for a prompt longer than its context window: the same call
    fails the same way again (review63 saw "retrying once" logged for it). Failure injected
    with a stand-in model, the one kind of fake these tests use."""
    calls: list[str] = []

    class TooLong:
        def chat(self, messages: Any) -> Any:
            calls.append("chat")
            raise ValueError("Requested tokens (7141) exceed context window of 2048")

        def stream_chat(self, messages: Any) -> Any:
            calls.append("stream")
            raise ValueError("Requested tokens (7141) exceed context window of 2048")

    gen = LLMGenerator("stand-in", TooLong(), timeout=5)
    with pytest.raises(ProviderError, match="context window"):
        if mode == "generate":
            gen.generate(REQUEST)
        else:
            "".join(gen.stream(REQUEST))
    assert len(calls) == 1
