"""POST /ask/stream: event order, agreement with /ask, errors, history, and disconnects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.llm.base import AnswerGenerator, GenerationRequest

QUESTION = "Which Chinese tech giants have launched their own AI models?"


def sse(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        kind = next(line[7:] for line in lines if line.startswith("event: "))
        data = "\n".join(line[6:] for line in lines if line.startswith("data: "))
        events.append((kind, json.loads(data)))
    return events


def stream(client: TestClient, body: dict[str, Any]) -> list[tuple[str, Any]]:
    with client.stream("POST", "/ask/stream", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        return sse("".join(response.iter_text()))


def without_timings(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if k != "timings_ms"}


def test_events_in_order_and_done_equals_ask(client: TestClient) -> None:
    events = stream(client, {"question": QUESTION})
    kinds = [k for k, _ in events]
    assert kinds[0] == "passages" and kinds[-1] == "done"
    assert set(kinds[1:-1]) == {"token", "citation"}
    assert kinds.index("citation") > max(i for i, k in enumerate(kinds) if k == "token")
    passages = events[0][1]
    assert passages["query"] == QUESTION
    # the top_k passages /search ranks, then the first article's other chunks
    # (``RAG_ARTICLE_PASSAGES``)
    searched = client.post("/search", json={"query": QUESTION}).json()["results"]
    ids = [p["passage_id"] for p in passages["passages"]]
    assert ids[:5] == [p["passage_id"] for p in searched] and len(searched) == 5
    assert len(passages["passages"]) > 5
    assert all(p["doc_id"] == searched[0]["doc_id"] for p in passages["passages"][5:])
    done = events[-1][1]
    tokens = "".join(d for k, d in events if k == "token")
    assert "Alibaba" in tokens
    assert [d for k, d in events if k == "citation"] == done["citations"]
    asked = client.post("/ask", json={"question": QUESTION}).json()
    assert without_timings(done) == without_timings(asked)


def test_refusal_streams_passages_then_done(client: TestClient) -> None:
    events = stream(client, {"question": "What is the share price of Microsoft?"})
    assert [k for k, _ in events] == ["passages", "done"]
    assert events[-1][1]["refused"] is True


def test_follow_up_is_rewritten_and_the_rewrite_returned(client: TestClient) -> None:
    history = [
        {"question": "Which Tesla executive travelled to China this year?", "answer": "Musk [1]"}
    ]
    answer = client.post("/ask", json={"question": "What about Apple?", "history": history})
    body = answer.json()
    assert body["query"] == "Which Apple executive travelled to China this year?"
    assert not body["refused"] and "Tim Cook" in body["answer"]
    events = stream(client, {"question": "What about Apple?", "history": history})
    assert events[0][1]["query"] == body["query"]


def test_history_is_bounded(client: TestClient) -> None:
    turn = {"question": "q", "answer": "a"}
    too_many = client.post("/ask/stream", json={"question": QUESTION, "history": [turn] * 11})
    assert too_many.status_code == 422 and "history" in too_many.json()["error"]["message"]
    too_long = client.post(
        "/ask", json={"question": QUESTION, "history": [{"question": "q", "answer": "a" * 4001}]}
    )
    assert too_long.status_code == 422
    assert "history.0.answer" in too_long.json()["error"]["message"]


def test_an_empty_index_is_a_503_before_the_stream_starts(empty_client: TestClient) -> None:
    # (as /ask and a /v1 stream answer it: review66 found a 200 with an error event)
    response = empty_client.post("/ask/stream", json={"question": QUESTION})
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "empty_index" and "python -m ingest" in error["message"]


class CountingGenerator(AnswerGenerator):
    """Failure injection: a slow provider that counts the tokens pulled from it."""

    name = "counting"

    def __init__(self) -> None:
        self.pulled = 0
        self.closed = False

    def generate(self, request: GenerationRequest) -> str:
        return "".join(self.stream(request))

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        try:
            for _ in range(10_000):
                self.pulled += 1
                yield "word "
        finally:
            self.closed = True


def test_client_disconnect_stops_the_generation(
    sample_settings: Settings, sample_index: Any
) -> None:
    generator = CountingGenerator()
    app = create_app(sample_settings, index=sample_index, generator=generator)
    # Leaving the inner block closes the response: that is the disconnect.
    with TestClient(app) as c, c.stream("POST", "/ask/stream", json={"question": QUESTION}) as r:
        seen = 0
        for line in r.iter_lines():
            if line.startswith("event: token"):
                seen += 1
                if seen == 5:
                    break
    assert generator.closed
    assert generator.pulled < 10_000
