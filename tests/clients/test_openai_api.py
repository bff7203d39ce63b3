"""The OpenAI-compatible routes in process (extractive provider, sample index): follow-ups,
accepted and refused parameters, OpenAI-shaped errors, the OpenAPI schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.ingestion.chunking import token_encoder

QUESTION = "Which Tesla executive travelled to China this year?"
FOLLOW_UP = "What about Apple?"


@pytest.fixture(scope="module")
def client(sample_settings: Settings, sample_index: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_settings, index=sample_index)) as c:
        yield c


def chat(client: TestClient, **body: Any) -> Any:
    payload = {"model": "newsqa", "messages": [{"role": "user", "content": QUESTION}], **body}
    return client.post("/v1/chat/completions", json=payload)


def assert_openai_error(response: Any, status: int, param: str | None, code: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["param"] == param and error["code"] == code
    assert error["type"] == "invalid_request_error" and error["message"]


def test_history_is_rewritten_like_ask(client: TestClient) -> None:
    first = client.post("/ask", json={"question": QUESTION}).json()
    expected = client.post(
        "/ask",
        json={
            "question": FOLLOW_UP,
            "history": [{"question": QUESTION, "answer": first["answer"]}],
        },
    ).json()
    got = chat(
        client,
        messages=[
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": first["answer"]},
            {"role": "user", "content": [{"type": "text", "text": FOLLOW_UP}]},
        ],
    ).json()
    assert got["newsqa"]["query"] == expected["query"] != FOLLOW_UP
    assert got["choices"][0]["message"]["content"] == expected["answer"]
    assert got["citations"] == expected["citations"]


def test_a_long_conversation_keeps_its_last_turns(client: TestClient) -> None:
    turns = []
    for i in range(15):
        turns += [
            {"role": "user", "content": f"Question {i}?"},
            {"role": "assistant", "content": "x" * 5000},
        ]
    response = chat(client, messages=[*turns, {"role": "user", "content": QUESTION}])
    assert response.status_code == 200, response.text


def test_harmless_parameters_are_accepted(client: TestClient) -> None:
    response = chat(
        client,
        temperature=1.2,
        top_p=0.5,
        max_tokens=5,
        presence_penalty=0.1,
        stop=["\n"],
        seed=3,
        user="u1",
        n=1,
        response_format={"type": "text"},
        tool_choice="none",
        metadata={"k": "v"},
        unknown_thing={"a": 1},
    )
    assert response.status_code == 200, response.text
    assert response.json()["choices"][0]["message"]["content"]


@pytest.mark.parametrize(
    ("body", "param", "code"),
    [
        ({"n": 2}, "n", "invalid_value"),
        ({"temperature": 3}, "temperature", "invalid_value"),
        ({"logprobs": True}, "logprobs", "unsupported_parameter"),
        (
            {"tools": [{"type": "function", "function": {"name": "f"}}]},
            "tools",
            "unsupported_parameter",
        ),
        ({"response_format": {"type": "json_object"}}, "response_format", "unsupported_parameter"),
        # (review65: the older functions, or a forced call, were answered with prose)
        ({"functions": [{"name": "f"}]}, "functions", "unsupported_parameter"),
        ({"tool_choice": "required"}, "tool_choice", "unsupported_parameter"),
        ({"function_call": {"name": "f"}}, "function_call", "unsupported_parameter"),
        ({"messages": []}, "messages", "invalid_value"),
        ({"messages": [{"role": "wizard", "content": "hi"}]}, "messages.0.role", "invalid_value"),
        ({"messages": [{"role": "assistant", "content": "hi"}]}, "messages", "invalid_value"),
        ({"messages": [{"role": "user", "content": "  "}]}, "messages", "invalid_value"),
        (
            {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]},
            "messages[0].content",
            "unsupported_content",
        ),
        # (over the length limit: like every other problem with the messages)
        ({"messages": [{"role": "user", "content": "x" * 2001}]}, "messages", "invalid_value"),
        # (invisible characters only: empty, as on /ask; review62 found a 500)
        ({"messages": [{"role": "user", "content": "\u200b\u2060"}]}, "messages", "invalid_value"),
        ({"stream": "sometimes"}, "stream", "invalid_value"),
        # (review65: NUL in the question or in a turn was a 500)
        (
            {"messages": [{"role": "user", "content": "Who is Brad\u0000 Smith?"}]},
            "messages",
            "invalid_value",
        ),
        (
            {
                "messages": [
                    {"role": "user", "content": "Who met\u0000 whom?"},
                    {"role": "assistant", "content": "Brad Smith met Liu He. [1]"},
                    {"role": "user", "content": "Where?"},
                ]
            },
            "messages",
            "invalid_value",
        ),
        (
            {"messages": [{"role": "user", "content": [{"type": "text"}]}]},
            "messages[0].content",
            "invalid_value",
        ),
    ],
)
def test_invalid_parameters_are_openai_errors(
    client: TestClient, body: dict[str, Any], param: str | None, code: str
) -> None:
    assert_openai_error(chat(client, **body), 400, param, code)


def test_a_lone_surrogate_in_a_message_is_a_400(client: TestClient) -> None:
    """review65: a 500 (JSON may escape one, which no UTF-8 text can hold)."""
    raw = b'{"model": "newsqa", "messages": [{"role": "user", "content": "Who is \\ud800?"}]}'
    response = client.post(
        "/v1/chat/completions", content=raw, headers={"Content-Type": "application/json"}
    )
    assert_openai_error(response, 400, "messages", "invalid_value")
    assert "surrogate" in response.json()["error"]["message"]


def test_unknown_model_and_bad_json(client: TestClient) -> None:
    assert_openai_error(chat(client, model="gpt-4o"), 404, "model", "model_not_found")
    assert_openai_error(client.get("/v1/models/gpt-4o"), 404, "model", "model_not_found")
    response = client.post(
        "/v1/chat/completions", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_value"
    assert response.json()["error"]["param"] is None  # (not the character offset "1"; review65)
    # a body that is no object: one sentence, with a chat body as the example (review65)
    listed = client.post(
        "/v1/chat/completions", content=b"[1]", headers={"Content-Type": "application/json"}
    )
    message = listed.json()["error"]["message"]
    assert listed.status_code == 400 and message.count("must be a JSON object") == 1
    assert '"messages"' in message and '"question"' not in message


def test_empty_index_is_a_503_before_any_stream(make_settings: Any, embed_model: Any) -> None:
    from service.index import open_index

    settings = make_settings()
    with TestClient(create_app(settings, index=open_index(settings, embed_model=embed_model))) as c:
        for stream in (False, True):
            response = chat(c, stream=stream)
            assert response.status_code == 503
            error = response.json()["error"]
            assert error["type"] == "server_error" and "ingest" in error["message"]


def test_openapi_documents_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/models", "/v1/models/{model}", "/v1/chat/completions"} <= paths.keys()
    post = paths["/v1/chat/completions"]["post"]
    assert "text/event-stream" in post["responses"]["200"]["content"]
    assert "400" in post["responses"]


def test_keys_apply_with_openai_shaped_errors(sample_settings: Settings, sample_index: Any) -> None:
    keyed = Settings(
        _env_file=None,
        chroma_path=sample_settings.chroma_path,
        chroma_host=None,
        llm_provider="extractive",
        api_keys=SecretStr("user-key"),
    )
    with TestClient(create_app(keyed, index=sample_index)) as c:
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            response = c.get("/v1/models", headers=headers)
            assert response.status_code == 401
            error = response.json()["error"]
            assert error["type"] == "authentication_error" and error["code"] == "unauthorized"
        ok = c.post(
            "/v1/chat/completions",
            headers={"Authorization": "Bearer user-key"},  # what OpenAI clients send
            json={"model": "newsqa", "messages": [{"role": "user", "content": QUESTION}]},
        )
        assert ok.status_code == 200, ok.text


def test_usage_counts_the_text_of_every_message(client: TestClient) -> None:
    response = chat(
        client,
        messages=[
            {"role": "system", "content": [{"type": "text", "text": "one two"}]},
            {"role": "developer", "content": None},
            {"role": "user", "content": QUESTION},
        ],
    )
    assert response.status_code == 200, response.text
    encode = token_encoder("cl100k_base")
    assert response.json()["usage"]["prompt_tokens"] == len(encode("one two\n" + QUESTION))
