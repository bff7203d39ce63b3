"""The eval's scoring of evidence alternatives (eval/metrics.py ``evaluate``), against a
scripted HTTP surface: these tests are about the eval's own bookkeeping, not the service."""

from __future__ import annotations

import json
from typing import Any

import httpx

from eval.metrics import evaluate, lead_sentence

TEXT = "Orbis wins the cup\n\nOrbis beat Velia 2-1 in the final on Saturday."
SENTENCE = "Orbis beat Velia 2-1 in the final on Saturday."


def client_for(documents: dict[str, str], lead: str = "") -> httpx.Client:
    """A service that serves ``documents`` and answers every question with SENTENCE (after
    ``lead``, when given)."""
    start = TEXT.index(SENTENCE)

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/documents/"):
            doc_id = path[len("/documents/") :]
            if doc_id not in documents:
                return httpx.Response(404, json={"error": {"code": "not_found"}})
            return httpx.Response(200, json={"doc_id": doc_id, "text": documents[doc_id]})
        span = {"doc_id": "sport/1", "start": start, "end": start + len(SENTENCE)}
        if path == "/search":
            return httpx.Response(200, json={"results": [span]})
        answer: dict[str, Any] = {
            "answer": f"{lead}{SENTENCE} [1]",
            "refused": False,
            "degraded": False,
            "model": {"llm": "scripted"},
            "citations": [{**span, "quote": SENTENCE, "marker": 1}],
        }
        return httpx.Response(200, content=json.dumps(answer))

    return httpx.Client(transport=httpx.MockTransport(handle), base_url="http://eval.test")


def question(*doc_ids: str) -> dict[str, Any]:
    return {
        "id": "q1",
        "question": "By what score did Orbis beat Velia in the final?",
        "answerable": True,
        "kind": "single",
        "gold_docs": list(doc_ids),
        "answer_contains": ["2-1"],
        "evidence_groups": [[{"doc_id": d, "text": SENTENCE} for d in doc_ids]],
    }


def test_an_unserved_duplicate_alternative_is_a_note_not_a_failure() -> None:
    report = evaluate(client_for({"sport/1": TEXT}), [question("sport/1", "sport/9")])
    assert report.failures == []
    assert len(report.notes) == 1 and "sport/9 is not served" in report.notes[0]
    assert report.answered_correctly == 1 and report.evidence_hits_at_k == 1


def test_evidence_no_served_document_holds_is_a_failure() -> None:
    report = evaluate(client_for({"sport/1": TEXT}), [question("sport/9")])
    assert report.notes == []
    assert report.failures == [
        "q1: evidence document sport/9 is not served (not ingested, "
        "or an exact duplicate kept under another id)"
    ]
    # and a served document that lacks the sentence is one too
    report = evaluate(client_for({"sport/1": "Orbis lost."}), [question("sport/1")])
    assert report.failures[0] == "q1: evidence not in served text of sport/1"


def test_lead_accuracy_counts_the_fact_only_in_the_answer_s_first_cited_sentence() -> None:
    assert lead_sentence("Here is what the articles say. Orbis won. [1] It was 2-1. [2]") == (
        "Here is what the articles say. Orbis won."
    )
    # a quote's inner full stop or an abbreviation does not cut the lead
    quoted = 'Dr. Jo Hale said: "Sales fell 4%. We expect more." [1] Costs rose. [2]'
    assert lead_sentence(quoted) == 'Dr. Jo Hale said: "Sales fell 4%. We expect more."'
    assert lead_sentence("Orbis beat Velia 2-1 in the final. [1]") == (
        "Orbis beat Velia 2-1 in the final."
    )
    assert lead_sentence("No marker at all.") == "No marker at all."
    right = evaluate(client_for({"sport/1": TEXT}), [question("sport/1")])
    assert right.summary()["lead_accuracy"] == 1.0
    # the fact behind another sentence: right by answer accuracy, wrong by its lead
    behind = question("sport/1")
    behind["answer_contains"] = ["Saturday"]
    behind["question"] = "When did Orbis play the final?"
    late = evaluate(client_for({"sport/1": TEXT}, lead="Velia lost. [1] "), [behind])
    assert late.answered_correctly == 1 and late.summary()["lead_accuracy"] == 0.0
    assert late.notes == ["q1: the lead lacks ['Saturday']"]
