"""The real service (uvicorn on a free loopback port) with the replay provider: every dev-set
question over HTTP, answers and citation invariants, refusals, and no traffic off loopback."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from service.policy import REASON_OFF_LEAD, REASON_PROVIDER_FAILED, REASON_UNSUPPORTED
from tests.servers import RunningService, ask_all

MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def answers(replay_service: RunningService, dev_qa: list[dict[str, Any]]) -> dict[str, Any]:
    with httpx.Client(base_url=replay_service.url, timeout=120) as client:
        got = ask_all(client, [q["question"] for q in dev_qa])
    return {q["id"]: answer for q, answer in zip(dev_qa, got, strict=True)}


def test_the_model_behind_the_answers_is_the_recorded_local_model(
    answers: dict[str, Any],
) -> None:
    recorded = "replay:llamacpp:SmolLM2-135M-Instruct"
    own = [a for a in answers.values() if not a["degraded"]]
    # Verification keeps only claims their quotes state (issue 12): SmolLM2's other drafts
    # fall back to the extractive answer, so only some answers are the model's own.
    assert own, "no answer is the model's own"
    for answer in answers.values():
        if answer["degraded"]:
            # The model's sentence failed verification: the extractive fallback says so.
            assert answer["model"]["llm"] == "extractive"
            assert answer["degraded_reason"] in (REASON_UNSUPPORTED, REASON_OFF_LEAD)
        else:
            assert answer["model"]["llm"].startswith(recorded)


def test_answers_refusals_and_citation_invariants(
    replay_service: RunningService, dev_qa: list[dict[str, Any]], answers: dict[str, Any]
) -> None:
    texts: dict[str, str] = {}
    correct = 0
    with httpx.Client(base_url=replay_service.url, timeout=30) as client:
        for q in dev_qa:
            answer = answers[q["id"]]
            assert answer["degraded_reason"] != REASON_PROVIDER_FAILED, (
                "a prompt has no recording: run `make record`"
            )
            if not q["answerable"]:
                assert answer["refused"] and answer["citations"] == [], q["id"]
                continue
            assert not answer["refused"], q["id"]
            correct += all(e.lower() in answer["answer"].lower() for e in q["answer_contains"])
            markers = {int(m) for m in MARKER.findall(answer["answer"])}
            assert markers == {c["marker"] for c in answer["citations"]} != set()
            for c in answer["citations"]:
                if c["doc_id"] not in texts:
                    texts[c["doc_id"]] = client.get(f"/documents/{c['doc_id']}").json()["text"]
                assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
                assert any(
                    p["doc_id"] == c["doc_id"] and p["start"] <= c["start"] and c["end"] <= p["end"]
                    for p in answer["passages"]
                )
    # SmolLM2-135M answers 8 of the 11 answerable dev questions with the expected facts
    # (README); a change that loses one of them shows here.
    assert correct >= 8


def test_nothing_left_the_machine(replay_service: RunningService, answers: dict[str, Any]) -> None:
    assert answers
    assert replay_service.blocked_connections() == ""
