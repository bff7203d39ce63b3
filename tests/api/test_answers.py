"""/ask and /search over HTTP: every dev-set question, citation invariants, refusals."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eval.claims import split_sentences
from tests.servers import ask_all

MARKER = re.compile(r"\[(\d+)\]")


def doc_text(client: TestClient, doc_id: str, cache: dict[str, str] = {}) -> str:  # noqa: B006
    if doc_id not in cache:
        response = client.get(f"/documents/{doc_id}")
        assert response.status_code == 200
        cache[doc_id] = response.json()["text"]
    return cache[doc_id]


def check_invariants(client: TestClient, answer: dict[str, Any]) -> None:
    """What every answer must satisfy, whatever the question."""
    for p in answer["passages"]:
        assert doc_text(client, p["doc_id"])[p["start"] : p["end"]] == p["text"]
    markers = {int(m) for m in MARKER.findall(answer["answer"])}
    assert markers == {c["marker"] for c in answer["citations"]}
    assert sorted(c["marker"] for c in answer["citations"]) == list(
        range(1, len(answer["citations"]) + 1)
    )
    for c in answer["citations"]:
        assert doc_text(client, c["doc_id"])[c["start"] : c["end"]] == c["quote"]
        # A citation points into a passage retrieved for this question.
        assert any(
            p["doc_id"] == c["doc_id"] and p["start"] <= c["start"] and c["end"] <= p["end"]
            for p in answer["passages"]
        )
        # Evidence is a sentence or two, not a chunk.
        assert len(c["quote"]) < 400
    if answer["refused"]:
        assert answer["citations"] == []
        assert "do not contain" in answer["answer"]
    # a refusal says why; an answer has no refusal reason
    assert bool(answer["refusal_reason"]) == answer["refused"]


@pytest.fixture(scope="module")
def dev_answers(client: TestClient, dev_qa: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    got = ask_all(client, [q["question"] for q in dev_qa])
    return {q["id"]: answer for q, answer in zip(dev_qa, got, strict=True)}


def test_every_dev_answer_keeps_the_citation_invariants(
    client: TestClient, dev_answers: dict[str, dict[str, Any]]
) -> None:
    for answer in dev_answers.values():
        check_invariants(client, answer)


def test_unanswerable_questions_are_refused(
    dev_qa: list[dict[str, Any]], dev_answers: dict[str, dict[str, Any]]
) -> None:
    for q in dev_qa:
        if not q["answerable"]:
            assert dev_answers[q["id"]]["refused"], q["question"]
            # with a reason for the reader, from what retrieval found
            assert dev_answers[q["id"]]["refusal_reason"].startswith(
                ("None of the passages found mentions", "The passages found")
            ), dev_answers[q["id"]]["refusal_reason"]


def test_answerable_questions_are_answered_with_the_expected_facts(
    dev_qa: list[dict[str, Any]], dev_answers: dict[str, dict[str, Any]]
) -> None:
    for q in dev_qa:
        if not q["answerable"]:
            continue
        answer = dev_answers[q["id"]]
        assert not answer["refused"], q["question"]
        assert not answer["degraded"]
        for expected in q["answer_contains"]:
            assert expected.lower() in answer["answer"].lower(), (q["id"], answer["answer"])
        cited_docs = {c["doc_id"] for c in answer["citations"]}
        assert cited_docs & set(q["gold_docs"]), q["id"]


def test_fact_in_two_articles_cites_both_most_direct_first(
    dev_answers: dict[str, dict[str, Any]],
) -> None:
    # d01: both articles report the meeting with Wang Wentao. The second article's sentence
    # is cited beside the first only when it states the whole claim (issue 12), so check
    # that every citation of the first claim names him, most direct first.
    answer = dev_answers["d01"]
    citations = {c["marker"]: c for c in answer["citations"]}
    first_claim_markers = split_sentences(answer["answer"])[0][1]
    assert first_claim_markers and first_claim_markers[0] == 1
    assert all("Wang Wentao" in citations[m]["quote"] for m in first_claim_markers)
    assert citations[1]["doc_id"] in {"000_9173119fdca6e14c", "001_819d45a17c5bb7df"}


def test_answer_shape_model_and_timings(dev_answers: dict[str, dict[str, Any]]) -> None:
    answer = dev_answers["d04"]
    assert answer["model"] == {
        "llm": "extractive",
        "embedding": "huggingface:sentence-transformers/all-MiniLM-L6-v2",
    }
    t = answer["timings_ms"]
    assert 0 < t["retrieve"] <= t["total"] and t["generate"] >= 0
    # (top_k, then the first article's other chunks: RAG_ARTICLE_PASSAGES)
    assert len(answer["passages"]) >= 5


def test_search_returns_exact_passages_best_first(client: TestClient) -> None:
    response = client.post("/search", json={"query": "Shanghai investment fund", "top_k": 3})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    assert results[0]["doc_id"] == "002_f30c3b285b3e3037"
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 1
    for r in results:
        assert doc_text(client, r["doc_id"])[r["start"] : r["end"]] == r["text"]
        assert r["passage_id"].startswith(r["doc_id"] + "::")


def test_search_filters(client: TestClient) -> None:
    only = client.post(
        "/search",
        json={"query": "AI", "top_k": 10, "filters": {"doc_ids": ["004_b86033e991a1b907"]}},
    ).json()["results"]
    assert only and {r["doc_id"] for r in only} == {"004_b86033e991a1b907"}
    after = client.post(
        "/search", json={"query": "AI", "top_k": 50, "filters": {"published_after": "2023-06-01"}}
    ).json()["results"]
    assert {r["doc_id"] for r in after} == {"001_819d45a17c5bb7df", "002_f30c3b285b3e3037"}
    before = client.post(
        "/search", json={"query": "AI", "top_k": 50, "filters": {"published_before": "2019-01-01"}}
    ).json()["results"]
    assert {r["doc_id"] for r in before} == {"004_b86033e991a1b907"}
    window = client.post(
        "/search",
        json={
            "query": "AI",
            "top_k": 50,
            "filters": {"published_after": "2023-01-01", "published_before": "2023-12-31"},
        },
    ).json()["results"]
    assert {r["doc_id"] for r in window} == {"002_f30c3b285b3e3037"}


def test_ask_with_filters_cites_only_the_allowed_documents(client: TestClient) -> None:
    answer = client.post(
        "/ask",
        json={
            "question": "Who did Microsoft President Brad Smith meet in China?",
            "filters": {"doc_ids": ["001_819d45a17c5bb7df"]},
        },
    ).json()
    assert not answer["refused"]
    assert {c["doc_id"] for c in answer["citations"]} == {"001_819d45a17c5bb7df"}
    check_invariants(client, answer)


def test_ask_with_a_filter_that_matches_nothing_refuses(client: TestClient) -> None:
    """No passage passes the filter: a plain refusal, not an error (the story lookup of the
    retrieved documents is skipped when there are none)."""
    response = client.post(
        "/ask",
        json={
            "question": "Who did Microsoft President Brad Smith meet in China?",
            "filters": {"doc_ids": ["no-such-article"]},
        },
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["refused"]
    assert answer["citations"] == []
    assert answer["refusal_reason"] == ("No article matches the filters of the question.")


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What is the boiling point of mercury?", "OFF_TOPIC"),
        ("Write me a limerick about cats.", "TO_THE_ASSISTANT"),
        ("In your opinion, which of these firms is the best run?", "TO_THE_ASSISTANT"),
    ],
)
def test_a_question_from_outside_the_articles_is_refused_as_such(
    client: TestClient, question: str, reason: str
) -> None:
    """Retrieval always returns its best passages; none of them is about these (made up here,
    not from an eval set), or the question asks the assistant's opinion or a task: the answer
    says so instead of quoting a sentence that shares a word."""
    from service import refusal

    answer = client.post("/ask", json={"question": question}).json()
    assert answer["refused"] and answer["citations"] == []
    assert answer["refusal_reason"] == getattr(refusal, reason)
    assert answer["passages"]  # what was found is still shown


def _full_width(text: str) -> str:
    """``text`` typed on a full-width keyboard layout (U+FF01-FF5E, ideographic spaces)."""
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text
    )


def test_a_question_in_compatibility_characters_gets_the_same_answer(
    client: TestClient, dev_qa: list[dict[str, Any]], dev_answers: dict[str, dict[str, Any]]
) -> None:
    """review61: full-width letters (an East Asian keyboard's Latin layout), ligatures and
    no-break spaces read as other words, and the question was refused."""
    answered = [q for q in dev_qa if not dev_answers[q["id"]]["refused"]][:3]
    assert answered
    for q in answered:
        for variant in (
            _full_width(q["question"]),
            q["question"].replace("fi", "\ufb01").replace(" ", "\u00a0"),
        ):
            answer = client.post("/ask", json={"question": variant}).json()
            assert answer["answer"] == dev_answers[q["id"]]["answer"], variant
    searched = client.post("/search", json={"query": _full_width("Brad Smith")}).json()
    plain = client.post("/search", json={"query": "Brad Smith"}).json()
    assert searched["results"] == plain["results"]
    # an earlier turn's question is read the same way: the follow-up is rewritten alike
    follow_up = {"question": "What about 2023?"}
    turn = {"question": answered[0]["question"], "answer": "…"}
    plain_query = client.post("/ask", json={**follow_up, "history": [turn]}).json()["query"]
    turn["question"] = _full_width(turn["question"])
    wide_query = client.post("/ask", json={**follow_up, "history": [turn]}).json()["query"]
    assert wide_query == plain_query != follow_up["question"]
    # only those forms: a fraction or a power is no compatibility spelling (review64: NFKC of
    # the whole text made "28½" "281⁄2")
    from service.schemas import as_read

    assert as_read("Was it 28½ or 10³ km?") == "Was it 28½ or 10³ km?"


def test_a_filter_to_the_answering_article_keeps_a_short_question(client: TestClient) -> None:
    """review63: within the one article that answers it, "Who did Brad Smith meet?" was
    refused as off topic: that article's passage is far (in cosine) from so short a question,
    and no better passage was allowed. A sentence of the allowed passages close to the
    question keeps it; a question from outside the articles is still refused under filters."""
    from service.refusal import OFF_TOPIC_FILTERED, TO_THE_ASSISTANT

    doc = "002_f30c3b285b3e3037"
    for filters in ({"doc_ids": [doc]}, {"published_before": "2023-12-31"}):
        answer = client.post(
            "/ask", json={"question": "Who did Brad Smith meet?", "filters": filters}
        ).json()
        assert not answer["refused"], answer
        assert "Chen Jining" in answer["answer"]
        bread = client.post(
            "/ask", json={"question": "How do I bake sourdough bread?", "filters": filters}
        )
        assert bread.json()["refusal_reason"] == OFF_TOPIC_FILTERED, bread.json()
        # (a question to the assistant itself is refused as such, with or without filters)
        joke = client.post("/ask", json={"question": "Tell me a joke.", "filters": filters})
        assert joke.json()["refusal_reason"] == TO_THE_ASSISTANT, joke.json()
        outside = client.post(
            "/ask", json={"question": "What is the capital of Australia?", "filters": filters}
        ).json()
        assert outside["refused"] and "Australia" in outside["refusal_reason"], outside
