"""Limits and bad input: each answered with a clear 4xx (or 503 busy), never a 500.

The hand-made cases of issue 13 §6: huge bodies (declared and chunked), 40,000 doc ids, a lone
surrogate, deep nesting, invalid UTF-8, NUL bytes, `../` ids; plus the generation gate's
503 and the RAG_LLM_TIMEOUT deadline with a slow (fake: failure injection) model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.llm.gate import GenerationGate
from service.llm.providers import DeadlineClock, LLMGenerator
from tests.api.test_endpoints import error_of

QUESTION = "Which Chinese tech giants have launched their own AI models?"


def code_of(response: Any) -> str:
    return str(response.json()["error"]["code"])


def test_a_100_mb_body_is_refused_before_it_is_read(client: TestClient) -> None:
    big = b'{"question": "' + b"a" * 100_000_000 + b'"}'
    response = client.post("/ask", content=big, headers={"Content-Type": "application/json"})
    assert "RAG_MAX_BODY_BYTES" in error_of(response, 413)
    assert code_of(response) == "payload_too_large"


def test_a_chunked_body_is_counted_as_it_arrives(client: TestClient) -> None:
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        yield b'{"question": "'
        for _ in range(10_000):  # 10 MB if read in full
            sent += 1
            yield b"a" * 1024
        yield b'"}'

    response = client.post("/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert error_of(response, 413)
    assert "Content-Length" not in response.request.headers  # it was really chunked


def test_40000_doc_ids_are_refused(
    client: TestClient, sample_settings: Settings, sample_index: Any
) -> None:
    body = {"question": QUESTION, "filters": {"doc_ids": [f"id{i}" for i in range(40_000)]}}
    assert error_of(client.post("/ask", json=body), 413)  # ~400 KB: over the body limit
    roomy = sample_settings.model_copy(update={"max_body_bytes": 10_000_000})
    with TestClient(create_app(roomy, index=sample_index)) as c:
        response = c.post("/search", json={"query": "AI", "filters": body["filters"]})
        assert "at most 10000" in error_of(response, 422)  # the schema's ceiling
        ids = {"doc_ids": [f"id{i}" for i in range(2_000)]}
        response = c.post("/search", json={"query": "AI", "filters": ids})
        assert "RAG_MAX_DOC_IDS" in error_of(response, 422)  # the setting (default 1000)


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b'{"question": "\\ud800"}', 422),  # a lone surrogate
        (b'{"question": "Who met \\ud800 in China?"}', 422),
        (b'{"query": "AI", "filters": {"doc_ids": ["\\udfff"]}}', 422),
        (b'{"question": "Who\\u0000 met"}', 422),  # NUL
        (b'{"question": "' + "é".encode("latin-1") + b'"}', 400),  # invalid UTF-8
        (b'{"question": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", 400),  # deep nesting
        (b'{"question": ' + b'{"a":' * 9_000 + b"1" + b"}" * 9_001, 400),
    ],
)
def test_hostile_json_is_a_clear_4xx(client: TestClient, raw: bytes, status: int) -> None:
    path = "/search" if b"query" in raw else "/ask"
    response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert error_of(response, status)


def test_path_traversal_ids_are_just_unknown_ids(client: TestClient) -> None:
    for path in ["/documents/..%2F..%2Fetc%2Fpasswd", "/documents/%2e%2e/%2e%2e/etc/passwd"]:
        response = client.get(path)
        assert error_of(response, 404) and "passwd" in response.json()["error"]["message"]
    assert client.get("/documents/../../etc/passwd").status_code == 404


def test_empty_question_is_schema_invalid(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["components"]["schemas"]
    assert spec["AskRequest"]["properties"]["question"]["minLength"] == 1
    assert spec["SearchRequest"]["properties"]["query"]["minLength"] == 1
    stream = client.get("/openapi.json").json()["paths"]["/ask/stream"]["post"]["responses"]
    assert list(stream["422"]["content"]) == ["application/json"]  # as it is sent
    assert list(stream["503"]["content"]) == ["application/json"]
    response = client.post("/ask/stream", json={"question": "   "})
    assert error_of(response, 422) and response.headers["Content-Type"] == "application/json"


def test_history_limits_follow_the_settings(sample_settings: Settings, sample_index: Any) -> None:
    tight = sample_settings.model_copy(
        update={"max_history_turns": 1, "max_history_answer_chars": 20, "max_question_chars": 80}
    )
    turn = {"question": "Who?", "answer": "Alibaba."}
    with TestClient(create_app(tight, index=sample_index)) as c:
        two = c.post("/ask", json={"question": QUESTION, "history": [turn, turn]})
        assert "RAG_MAX_HISTORY_TURNS" in error_of(two, 422)
        long_answer = [{"question": "Who?", "answer": "x" * 21}]
        too_long = c.post("/ask/stream", json={"question": QUESTION, "history": long_answer})
        assert "history.0.answer" in error_of(too_long, 422)
        long_question = [{"question": "q" * 81, "answer": "a"}]
        assert "history.0.question" in error_of(
            c.post("/ask", json={"question": QUESTION, "history": long_question}), 422
        )


def test_search_top_k_defaults_to_the_setting(sample_settings: Settings, sample_index: Any) -> None:
    three = sample_settings.model_copy(update={"top_k": 3})
    with TestClient(create_app(three, index=sample_index)) as c:
        assert len(c.post("/search", json={"query": "AI models"}).json()["results"]) == 3
        assert len(c.post("/search", json={"query": "AI", "top_k": 1}).json()["results"]) == 1


class SlowLlama:
    """Failure injection: an in-process model that takes 50 ms per token and, like llama.cpp,
    checks its stopping criterion (the deadline clock) between tokens."""

    def __init__(self, clock: DeadlineClock, tokens: int = 400) -> None:
        self.clock = clock
        self.tokens = tokens
        self.produced = 0

    def _pieces(self) -> Iterator[str]:
        for _ in range(self.tokens):
            time.sleep(0.05)
            if self.clock.passed():
                return
            self.produced += 1
            yield "Alibaba "

    def stream_chat(self, messages: Any) -> Iterator[Any]:
        for piece in self._pieces():
            yield SimpleNamespace(delta=piece)

    def chat(self, messages: Any) -> Any:
        text = "".join(self._pieces())
        return SimpleNamespace(message=SimpleNamespace(content=text))

    def stream_complete(self, prompt: str) -> Iterator[Any]:
        for piece in self._pieces():
            yield SimpleNamespace(delta=piece)


def slow_generator(timeout: float, queue: int = 2) -> tuple[LLMGenerator, SlowLlama]:
    clock = DeadlineClock()
    llm = SlowLlama(clock)
    gate = GenerationGate("slow", queue=queue, retry_after=7)
    gen = LLMGenerator("slow:model", llm, timeout=timeout, in_process=True, gate=gate, clock=clock)
    return gen, llm


def test_the_deadline_stops_the_generation_and_the_extractive_answer_is_given(
    sample_settings: Settings, sample_index: Any
) -> None:
    gen, llm = slow_generator(timeout=0.5)
    with TestClient(create_app(sample_settings, index=sample_index, generator=gen)) as c:
        answer = c.post("/ask", json={"question": QUESTION}).json()
        assert answer["degraded"] and answer["model"]["llm"] == "extractive"
        # the reader gets plain words; the kind (timeout) goes to the logs and /metrics below
        assert "could not answer just now" in answer["degraded_reason"]
        assert answer["citations"] and "Alibaba" in answer["answer"]
        assert 0 < llm.produced < 40  # stopped at the deadline, not run to its 400 tokens
        llm.produced = 0
        events = c.post("/ask/stream", json={"question": QUESTION}).text
        done = json.loads(events.split("event: done\ndata: ")[1].split("\n")[0])
        assert done["degraded"] and "could not answer just now" in done["degraded_reason"]
        assert llm.produced < 40
        metrics = c.get("/metrics").text
    assert 'newsqa_provider_errors_total{kind="timeout"} 2.0' in metrics
    assert 'newsqa_answers_total{outcome="degraded"} 2.0' in metrics


def test_a_full_queue_is_503_busy_with_retry_after_before_any_event(
    sample_settings: Settings, sample_index: Any
) -> None:
    gen, _ = slow_generator(timeout=5, queue=1)
    assert gen.gate is not None
    with TestClient(create_app(sample_settings, index=sample_index, generator=gen)) as c:
        with gen.gate.admit(), gen.gate.admit():  # the model's two places are taken
            for path in ["/ask", "/ask/stream"]:
                response = c.post(path, json={"question": QUESTION})
                assert "busy" in error_of(response, 503), path
                assert code_of(response) == "busy"
                assert response.headers["Retry-After"] == "7"
                assert response.headers["Content-Type"] == "application/json"
            assert c.post("/search", json={"query": "AI"}).status_code == 200  # no model needed
        assert c.post("/ask", json={"question": QUESTION}).status_code == 200  # places freed
        metrics = c.get("/metrics").text
    assert 'newsqa_generation_rejected_total{reason="queue_full"} 2.0' in metrics


def test_a_full_queue_still_answers_a_bad_request_with_its_4xx(
    sample_settings: Settings, sample_index: Any
) -> None:
    """review65: with the model's queue full, an empty question, an unknown model or an
    empty messages list got 503 busy with Retry-After, which clients (the openai SDK among
    them) retry although the request can never succeed. Its own 4xx comes first."""
    gen, _ = slow_generator(timeout=5, queue=0)
    assert gen.gate is not None
    chat = "/v1/chat/completions"
    question = [{"role": "user", "content": QUESTION}]
    bad = [
        ("/ask", {"question": ""}, 422),
        ("/ask", {"question": QUESTION, "top_k": 0}, 422),
        ("/ask", {"question": QUESTION, "colour": "red"}, 422),
        ("/ask", {"question": "x" * 5_000}, 422),  # over RAG_MAX_QUESTION_CHARS
        ("/ask/stream", {"question": ""}, 422),
        (chat, {"model": "gpt-4", "messages": question}, 404),
        (chat, {"model": "newsqa", "messages": []}, 400),
        (chat, {"model": "newsqa", "messages": [{"role": "user", "content": "a\u0000"}]}, 400),
    ]
    with (
        TestClient(create_app(sample_settings, index=sample_index, generator=gen)) as c,
        gen.gate.admit(),  # the model's one place is taken
    ):
        for path, body, status in bad:
            assert c.post(path, json=body).status_code == status, (path, body)
        for path, body in [
            ("/ask", {"question": QUESTION}),
            (chat, {"model": "newsqa", "messages": question}),
        ]:
            assert c.post(path, json=body).status_code == 503, path  # a good one waits its turn


def test_open_streams_are_bounded(sample_settings: Settings, sample_index: Any) -> None:
    one = sample_settings.model_copy(update={"max_streams": 1})
    app = create_app(one, index=sample_index)
    with TestClient(app) as c:
        app.state.stream_slots.acquire()  # a stream that is still open
        response = c.post("/ask/stream", json={"question": QUESTION})
        assert "streaming" in error_of(response, 503)
        # a chat stream takes a slot too (review65: none of 63 was refused beside /ask/stream)
        chat = {"model": "newsqa", "messages": [{"role": "user", "content": QUESTION}]}
        streamed = c.post("/v1/chat/completions", json={**chat, "stream": True})
        assert streamed.status_code == 503 and "streaming" in streamed.text
        assert c.post("/v1/chat/completions", json=chat).status_code == 200  # not a stream
        app.state.stream_slots.release()
        assert "event: done" in c.post("/ask/stream", json={"question": QUESTION}).text
        assert "[DONE]" in c.post("/v1/chat/completions", json={**chat, "stream": True}).text
        assert app.state.stream_slots.open == 0
        assert app.state.stream_slots.open == 0  # the finished stream gave its slot back


def test_an_unsupported_method_is_405_with_allow(client: TestClient) -> None:
    response = client.request("TRACE", "/ask")
    assert error_of(response, 405) and response.headers["Allow"] == "POST"
    assert code_of(response) == "method_not_allowed"
    # every method served at the path, whichever route serves it (review66: `Allow: GET`)
    response = client.delete("/documents")
    assert "use GET or HEAD or POST" in error_of(response, 405)
    assert response.headers["Allow"] == "GET, HEAD, POST"
    response = client.put("/documents/business/001", json={})
    assert error_of(response, 405) and response.headers["Allow"] == "DELETE, GET, HEAD"
    # under /v1, in OpenAI's shape (review67)
    response = client.delete("/v1/chat/completions")
    assert response.status_code == 405 and response.headers["Allow"] == "POST"
    assert response.json()["error"]["type"] == "invalid_request_error"


def test_a_date_must_be_written_as_iso(client: TestClient) -> None:
    response = client.post("/search", json={"query": "AI", "filters": {"published_after": "0"}})
    assert "YYYY-MM-DD" in error_of(response, 422)


class PathLeakingGenerator:
    """Failure injection: a provider whose failure message holds a server path."""

    name = "leaky"
    gate = None
    on_error = None

    def generate(self, request: Any) -> str:
        raise RuntimeError("cannot read /srv/newsqa/models/secret-model.gguf")

    def stream(self, request: Any) -> Iterator[str]:
        yield self.generate(request)

    def condense(self, history: Any, question: str) -> str:
        return question

    def warm_up(self) -> None:
        pass


def test_no_server_path_in_a_degraded_reason(sample_settings: Settings, sample_index: Any) -> None:
    app = create_app(sample_settings, index=sample_index, generator=PathLeakingGenerator())  # type: ignore[arg-type]
    with TestClient(app) as c:
        answer = c.post("/ask", json={"question": QUESTION}).json()
        streamed = c.post("/ask/stream", json={"question": QUESTION}).text
    assert answer["degraded"] and "could not answer just now" in answer["degraded_reason"]
    assert "/srv" not in answer["degraded_reason"] and "/srv" not in streamed


def test_uploads_have_their_own_body_limit(client: TestClient) -> None:
    """POST /documents (issue 15's uploads) may be larger than a question, up to its own limit."""
    two_mb = b"x" * 2_000_000
    upload = client.post("/documents", content=two_mb)
    assert upload.status_code != 413  # 405 until uploads exist: not refused for its size
    assert error_of(client.post("/ask", content=two_mb), 413)
    huge = client.post("/documents", content=b"x" * 11_000_000)
    assert "RAG_MAX_UPLOAD_BYTES" in error_of(huge, 413)


def test_the_local_model_is_not_ready_before_its_warm_up_which_holds_the_gate() -> None:
    gen, llm = slow_generator(timeout=5, queue=0)
    assert gen.gate is not None
    assert gen.health().state == "loading"  # /readyz says 503 until the warm-up has run
    gen.warm_up()
    assert llm.produced == 1  # one token, through the model
    assert gen.health().state == "ready"
    assert gen.gate.state().running == 0  # and the gate is free again


def test_small_input_gaps_found_by_review61(client: TestClient) -> None:
    """HEAD on the health checks (monitors, `curl -I`); a question of invisible characters
    only is empty; top_k is a number, not true or "5"."""
    assert client.head("/healthz").status_code == 200
    assert client.head("/readyz").status_code in (200, 503)
    assert client.post("/ask", json={"question": "\u3164\u2800"}).status_code == 422
    blank = client.post("/ask", json={"question": "\u200b\u200b \u2060"})
    assert blank.status_code == 422
    assert "empty" in blank.json()["error"]["message"]
    for top_k in (True, "5"):
        bad = client.post("/search", json={"query": "rates", "top_k": top_k})
        assert bad.status_code == 422, top_k
        assert "top_k" in bad.json()["error"]["message"]
    assert client.post("/search", json={"query": "rates", "top_k": 5}).status_code == 200


def test_history_items_must_be_turns(client: TestClient) -> None:
    """review63: ``"history": ["a", "b"]`` was answered "the request body must be a JSON
    object" (it is one: its history items are not). A turn with an empty question carries
    nothing and is left out of the rewrite."""
    strings = client.post("/ask", json={"question": "Who?", "history": ["a", "b"]})
    assert strings.status_code == 422
    message = strings.json()["error"]["message"]
    assert "history.0: must be a JSON object" in message and '"answer"' in message
    assert "request body" not in message
    question = "What did they discuss?"
    empty = client.post(
        "/ask", json={"question": question, "history": [{"question": " ", "answer": "x"}]}
    )
    assert empty.status_code == 200 and empty.json()["query"] == question


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 30_000 + b"]" * 30_000,  # nested deeper than Python's recursion limit
        b'{"text": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
        b'{"text": "' + "é".encode("latin-1") + b'"}',  # not UTF-8
    ],
)
def test_an_unreadable_document_body_is_a_400(client: TestClient, raw: bytes) -> None:
    # (review66: a RecursionError in POST /documents was a 500)
    response = client.post("/documents", content=raw, headers={"Content-Type": "application/json"})
    assert "cannot be parsed" in error_of(response, 400)
    assert response.json()["error"]["code"] == "bad_request"


def test_a_number_too_long_to_read_is_named(client: TestClient) -> None:
    raw = b'{"id": ' + b"7" * 5_000 + b', "text": "Some news."}'
    response = client.post("/documents", content=raw, headers={"Content-Type": "application/json"})
    assert "too long to read" in error_of(response, 422)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"model": "newsqa", "messages": [{"role": "user", "content": "\xff\xfe"}]}',
        b"[" * 30_000 + b"]" * 30_000,
    ],
)
def test_an_unreadable_chat_body_is_an_openai_400(client: TestClient, raw: bytes) -> None:
    # (review66: FastAPI's own 400 became a 500 in the OpenAI route's error mapping)
    response = client.post(
        "/v1/chat/completions", content=raw, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and error["code"] == "bad_request"
    assert "cannot be parsed" in error["message"]


def test_an_empty_id_selection_is_refused_not_the_whole_index(client: TestClient) -> None:
    # (review66: "doc_ids": [] searched every article, ["unknown"] none)
    for path, body in [("/ask", {"question": QUESTION}), ("/search", {"query": "AI"})]:
        response = client.post(path, json={**body, "filters": {"doc_ids": []}})
        assert "leave doc_ids out" in error_of(response, 422)


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/ask", b'{"question": "Who met \\ud800 in China?"}'),
        ("/search", b'{"query": "AI \\udfff"}'),
        ("/search", b'{"query": "AI", "filters": {"doc_ids": ["\\udfff"]}}'),
    ],
)
def test_a_lone_surrogate_is_named_the_same_everywhere(
    client: TestClient, path: str, raw: bytes
) -> None:
    # (review66: questions and queries got pydantic's "unable to parse raw data as a unicode
    # string", ids the documented words)
    response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert "contains an unpaired UTF-16 surrogate" in error_of(response, 422)


@pytest.mark.parametrize("path", ["/ask", "/search", "/ask/stream", "/v1/chat/completions"])
def test_a_json_body_without_its_content_type_is_told_so(client: TestClient, path: str) -> None:
    # (curl -d sends application/x-www-form-urlencoded; review66: "must be a JSON object")
    body = json.dumps({"question": QUESTION, "query": "AI"}).encode()
    response = client.post(path, content=body, headers={"Content-Type": "text/plain"})
    assert response.status_code in (400, 422), response.text
    error = response.json()["error"]
    assert "Content-Type: application/json (Content-Type: text/plain)" in error["message"]


def test_an_unknown_route_says_where_the_api_is(client: TestClient) -> None:
    # (review66: a bare "Not Found"; OpenAI clients trying /v1/completions got our shape)
    assert "no route GET /nowhere: the API is described at /docs" in error_of(
        client.get("/nowhere"), 404
    )
    response = client.post("/v1/completions", json={"model": "newsqa", "prompt": "hi"})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and error["code"] == "unknown_url"
    assert "POST /v1/chat/completions" in error["message"]
    assert response.headers["X-Request-ID"]
