"""Documents, health, OpenAPI, bad input, failures: every endpoint over HTTP."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.llm.base import AnswerGenerator, GenerationRequest, ProviderError
from service.llm.prompting import REFUSAL_PHRASE
from service.policy import REASON_MODEL_REFUSED, REASON_PROVIDER_FAILED

QUESTION = "Which Chinese tech giants have launched their own AI models?"


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["request_id"] == response.headers["X-Request-ID"]
    assert "Traceback" not in response.text
    return str(body["error"]["message"])


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready"
    assert body["index"] == {"reachable": True, "documents": 5, "chunks": 13}
    assert body["embedding"]["state"] == "ready"
    assert body["llm"] == {"provider": "extractive", "state": "ready", "detail": ""}
    # The warm-up copies the sentence vectors to memory in the background (Chroma answers
    # meanwhile): the state says when the copy is in use.
    deadline = time.monotonic() + 60
    while body["sentences"] == {"in_memory": "building"} and time.monotonic() < deadline:
        time.sleep(0.1)
        body = client.get("/readyz").json()
    assert body["sentences"] == {"in_memory": "ready"}


def test_documents_listing_is_paginated(client: TestClient) -> None:
    page = client.get("/documents", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 5
    assert [d["doc_id"] for d in page["documents"]] == [
        "001_819d45a17c5bb7df",
        "002_f30c3b285b3e3037",
    ]
    first = client.get("/documents").json()["documents"][0]
    assert set(first) == {"doc_id", "title", "published", "source", "chunks", "story_id", "related"}
    assert first["chunks"] >= 1 and first["source"].endswith("000_9173119fdca6e14c.txt")
    assert client.get("/documents", params={"offset": 10}).json()["documents"] == []
    assert "limit" in error_of(client.get("/documents", params={"limit": 0}), 422)


def test_search_results_name_their_article_story(client: TestClient) -> None:
    # The sample articles 000 and 001 report one meeting: the ingest job groups them.
    results = client.post(
        "/search", json={"query": "Chinese officials met Microsoft executives", "top_k": 5}
    ).json()["results"]
    assert results
    for r in results:
        assert r["story_id"] == client.get(f"/documents/{r['doc_id']}").json()["story_id"]
    assert any(r["story_id"] for r in results)


def test_document_text_is_the_canonical_text(client: TestClient) -> None:
    doc = client.get("/documents/002_f30c3b285b3e3037").json()
    assert doc["title"] == "Shanghai Invites Microsoft to Promote AI Tech Advancements in the City"
    assert doc["published"] == "2023-12-05"
    assert "Disclaimer" not in doc["text"] and "$707 million" in doc["text"]


def test_unknown_document_is_404(client: TestClient) -> None:
    message = error_of(client.get("/documents/no/such/doc"), 404)
    assert "no/such/doc" in message


def test_ids_with_slashes(make_settings: Any, embed_model: Any, tmp_path: Any) -> None:
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    folder = tmp_path / "corpus" / "business"
    folder.mkdir(parents=True)
    (folder / "001.txt").write_text("Oil prices rise\n\nOil rose 3% on Monday.", encoding="utf-8")
    settings = make_settings()
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, index).run([tmp_path / "corpus"])
    with TestClient(create_app(settings, index=index)) as c:
        doc = c.get("/documents/business/001").json()
        assert doc["doc_id"] == "business/001" and doc["title"] == "Oil prices rise"
        hits = c.post(
            "/search", json={"query": "oil", "filters": {"doc_ids": ["business/001"]}}
        ).json()
        assert hits["results"][0]["doc_id"] == "business/001"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"question": ""}, "question: must not be empty or only whitespace"),
        ({"question": "   \n\t"}, "question: must not be empty or only whitespace"),
        ({}, "question: this field is required"),
        ({"question": "x" * 2001}, "question: 2001 characters is too long; send at most 2000"),
        ({"question": QUESTION, "top_k": 0}, "top_k: input should be greater than or equal to 1"),
        ({"question": QUESTION, "top_k": 51}, "top_k: input should be less than or equal to 50"),
        (
            {"question": QUESTION, "filters": {"published_after": "12/05/2023"}},
            "filters.published_after: not a valid date; use the ISO format YYYY-MM-DD",
        ),
        (
            {"question": QUESTION, "filters": {"published_after": "2024-02-30"}},
            "filters.published_after: not a valid date; use the ISO format YYYY-MM-DD",
        ),
        ({"question": QUESTION, "colour": "red"}, "colour: unknown field; remove it"),
        (
            ["not", "an", "object"],
            'the request body must be a JSON object, e.g. {"question": "..."}',
        ),
        (
            {
                "question": QUESTION,
                "filters": {"published_after": "2024-01-01", "published_before": "2023-01-01"},
            },
            "published_after must not be later than published_before",
        ),
    ],
)
def test_bad_ask_requests_get_422_with_what_to_fix(
    client: TestClient, body: Any, expected: str
) -> None:
    assert expected in error_of(client.post("/ask", json=body), 422)


def test_body_that_is_not_json(client: TestClient) -> None:
    response = client.post(
        "/ask", content=b"question=hello", headers={"Content-Type": "application/json"}
    )
    assert "not valid JSON" in error_of(response, 422)
    assert "query: this field is required" in error_of(client.post("/search", json={}), 422)
    assert "query: 2001 characters" in error_of(
        client.post("/search", json={"query": "y" * 2001}), 422
    )


def test_empty_index_answers_503_with_the_command_that_fills_it(
    empty_client: TestClient,
) -> None:
    for path, body in [("/ask", {"question": QUESTION}), ("/search", {"query": "AI"})]:
        message = error_of(empty_client.post(path, json=body), 503)
        assert "python -m ingest" in message
    ready = empty_client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["status"] == "not_ready"


def test_an_empty_index_is_named_with_the_stores_others(
    make_settings: Any, embed_model: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A misspelt RAG_COLLECTION looked like an index nobody filled; the log now says which
    exist, at every start (review68: the first open created it, and the next said nothing)."""
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    settings = make_settings(collection="news")
    (tmp := settings.chroma_path.parent / "corpus").mkdir()
    (tmp / "a.txt").write_text("Oil prices rise\n\nOil rose 3% on Monday.", encoding="utf-8")
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run([tmp])
    with caplog.at_level("WARNING", logger="service.index"):
        open_index(settings, embed_model=embed_model)
        assert not caplog.records  # an index that holds articles opens quietly
        for _ in range(2):
            open_index(make_settings(collection="newz"), embed_model=embed_model)
    warnings = [r.getMessage() for r in caplog.records]
    assert (
        warnings
        == ["RAG_COLLECTION=newz: this index is empty (the store's other indexes: news)"] * 2
    )


def test_request_ids(client: TestClient) -> None:
    mine = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert mine.headers["X-Request-ID"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"})
    assert len(generated.headers["X-Request-ID"]) == 32


class FailingGenerator(AnswerGenerator):
    """Failure injection: a provider whose model is down."""

    name = "broken-model"

    def generate(self, request: GenerationRequest) -> str:
        raise ProviderError("connection refused")


class InventingGenerator(AnswerGenerator):
    """Failure injection: a model that cites evidence that was never offered."""

    name = "inventive-model"

    def generate(self, request: GenerationRequest) -> str:
        best = request.evidence[0].sentence.text
        return f"{best} [1] [9]. The moon is made of cheese [1]. Bananas are blue [4]."


def test_provider_failure_degrades_to_extractive(
    sample_settings: Settings, sample_index: Any
) -> None:
    with TestClient(
        create_app(sample_settings, index=sample_index, generator=FailingGenerator())
    ) as c:
        answer = c.post("/ask", json={"question": QUESTION}).json()
    assert answer["degraded"] and not answer["refused"]
    assert answer["degraded_reason"] == REASON_PROVIDER_FAILED  # plain words; id in model
    assert answer["model"]["llm"] == "extractive"
    assert "Alibaba" in answer["answer"] and answer["citations"]


class RefusingGenerator(AnswerGenerator):
    """Failure injection: a model that refuses whatever the evidence."""

    name = "refusing-model"

    def generate(self, request: GenerationRequest) -> str:
        return REFUSAL_PHRASE


def test_the_models_refusal_is_a_refusal_that_says_so(
    sample_settings: Settings, sample_index: Any
) -> None:
    with TestClient(
        create_app(sample_settings, index=sample_index, generator=RefusingGenerator())
    ) as c:
        answer = c.post("/ask", json={"question": QUESTION}).json()
    assert answer["refused"] and not answer["degraded"] and not answer["citations"]
    assert answer["refusal_reason"] == REASON_MODEL_REFUSED


def test_invented_citations_and_unsupported_sentences_are_dropped(
    sample_settings: Settings, sample_index: Any
) -> None:
    with TestClient(
        create_app(sample_settings, index=sample_index, generator=InventingGenerator())
    ) as c:
        answer = c.post("/ask", json={"question": QUESTION}).json()
    assert not answer["degraded"] and not answer["refused"]
    assert "cheese" not in answer["answer"] and "Bananas" not in answer["answer"]
    assert "[9]" not in answer["answer"]
    assert [c["marker"] for c in answer["citations"]] == [1]
    assert "Alibaba" in answer["citations"][0]["quote"]


def test_unexpected_errors_are_500_without_a_trace(
    sample_settings: Settings, sample_index: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(sample_settings, index=sample_index)
    with TestClient(app, raise_server_exceptions=False) as c:

        def explode(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("disk on fire at /secret/path")

        app.state.answers.retriever.search = explode
        response = c.post("/search", json={"query": "AI"})
    message = error_of(response, 500)
    assert "secret" not in response.text and "disk on fire" not in message
    assert response.headers["X-Request-ID"] in caplog.text
    assert "disk on fire" in caplog.text


def test_openapi_documents_the_api_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ["/ask", "/search", "/documents", "/documents/{doc_id}", "/healthz", "/readyz"]:
        assert path in spec["paths"], path
    ask_schema = spec["components"]["schemas"]["AskRequest"]
    assert ask_schema["examples"][0]["question"]
    assert "422" in spec["paths"]["/ask"]["post"]["responses"]


def test_answers_pass_the_learned_answerability_check(
    client: TestClient, sample_settings: Settings, sample_index: Any, dev_qa: list[dict[str, Any]]
) -> None:
    """The app asks the packaged cross-encoder (``service.answer_check``) before a sentence
    may lead: with a threshold no sentence reaches, the answer the default app gives becomes
    a refusal."""
    question = next(q for q in dev_qa if q["answerable"])["question"]
    assert not client.post("/ask", json={"question": question}).json()["refused"]
    strict = sample_settings.model_copy(update={"answer_check_threshold": 0.9999})
    with TestClient(create_app(strict, index=sample_index)) as c:
        assert c.post("/ask", json={"question": question}).json()["refused"]


def test_the_app_wires_both_seams_of_the_learned_check(
    sample_settings: Settings, sample_index: Any
) -> None:
    """``AnswerService.checked``: the check admits leads and vouches for paraphrases; with
    the paraphrase threshold at 0 the second seam is absent; with the check off, both."""
    cases: tuple[tuple[dict[str, float], bool, bool], ...] = (
        ({}, True, True),
        ({"answer_check_paraphrase_threshold": 0.0}, True, False),
        ({"answer_check_threshold": 0.0}, False, False),
    )
    for update, admits, vouches in cases:
        app = create_app(sample_settings.model_copy(update=update), index=sample_index)
        with TestClient(app):
            answers = app.state.answers
            assert (answers.admit is not None, answers.vouch is not None) == (admits, vouches)
