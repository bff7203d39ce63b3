"""The dev-set metrics of ``shared/eval/README.md``, computed from HTTP responses.

Evidence spans are given as offsets into the raw article files, while the service serves the
cleaned text; spans are matched modulo NFKC and folded whitespace, so an evidence span is
located in the served text first and compared by character intervals there.
"""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from eval.claims import judge_answer, split_sentences

Span = tuple[str, int, int]  # doc_id, start, end in the served (canonical) text


class HTTPClient(Protocol):
    """What the evaluation needs of an HTTP client (httpx's, or Starlette's TestClient)."""

    def get(self, url: str) -> Any: ...

    def post(self, url: str, *, json: Any) -> Any: ...


def fold(text: str) -> str:
    """NFKC, lower case, whitespace folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def locate(doc_text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` stands in ``doc_text``, modulo NFKC and whitespace; None if absent."""
    start = doc_text.find(needle)
    if start >= 0:
        return start, start + len(needle)
    # Fold character by character, remembering where each folded character came from.
    folded: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(doc_text):
        for f in unicodedata.normalize("NFKC", ch).lower():
            if f.isspace():
                if folded and folded[-1] == " ":
                    continue
                f = " "
            folded.append(f)
            origin.append(i)
    target = fold(needle)
    at = "".join(folded).find(target)
    if at < 0:
        return None
    return origin[at], origin[at + len(target) - 1] + 1


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans of the same document share a character."""
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


@dataclass
class Report:
    """Everything the evaluation measured."""

    questions: int = 0
    answerable: int = 0
    unanswerable: int = 0
    evidence_groups: int = 0
    evidence_hits_at_k: int = 0
    answered_correctly: int = 0
    # Of the answerable questions with one evidence group (one fact): how many were answered
    # with that fact in the answer's lead (its first cited sentence). A right fact only in a
    # later sentence, behind a wrong lead, counts for ``answered_correctly`` but not here.
    one_fact: int = 0
    lead_correct: int = 0
    refused_unanswerable: int = 0
    false_refusals: int = 0
    citations: int = 0
    valid_citations: int = 0
    precise_citations: int = 0
    groups_cited: int = 0
    claim_sentences: int = 0
    backed_sentences: int = 0
    answers_judged: int = 0
    degraded_answers: int = 0
    fully_backed_answers: int = 0
    unbacked: list[dict[str, str]] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    ask_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # what is worth knowing but no failure: an evidence alternative the service does not serve
    notes: list[str] = field(default_factory=list)
    llm: str = ""

    def summary(self) -> dict[str, Any]:
        """The headline figures."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        def p50(xs: list[float]) -> float | None:
            return round(statistics.median(xs), 1) if xs else None

        return {
            "llm": self.llm,
            "questions": self.questions,
            "evidence_recall_at_k": ratio(self.evidence_hits_at_k, self.evidence_groups),
            "answer_accuracy": ratio(self.answered_correctly, self.answerable),
            "lead_accuracy": ratio(self.lead_correct, self.one_fact),
            "refusal_unanswerable": ratio(self.refused_unanswerable, self.unanswerable),
            "false_refusal": ratio(self.false_refusals, self.answerable),
            "citation_validity": ratio(self.valid_citations, self.citations),
            "citation_precision": ratio(self.precise_citations, self.citations),
            "citation_recall": ratio(self.groups_cited, self.evidence_groups),
            "claim_support_sentences": ratio(self.backed_sentences, self.claim_sentences),
            "claim_support_answers": ratio(self.fully_backed_answers, self.answers_judged),
            "degraded_share": ratio(self.degraded_answers, self.answers_judged),
            "search_p50_ms": p50(self.search_ms),
            "ask_p50_ms": p50(self.ask_ms),
        }


def lead_sentence(answer: str) -> str:
    """An answer's lead: its text up to its first citation marker (the first cited claim,
    with any opening before it, so that a quote's inner full stops or an abbreviation
    ("Dr. Hale") do not cut it), or its first sentence when nothing is cited."""
    head = _FIRST_MARKER.split(answer, maxsplit=1)
    if len(head) > 1:
        return head[0].strip()
    return next((text for text, _ in split_sentences(answer)), "")


_FIRST_MARKER = re.compile(r"\s*\[\d{1,3}\]")


def evaluate(
    client: HTTPClient,
    questions: list[dict[str, Any]],
    *,
    k: int = 5,
    clock: Callable[[], float] = time.perf_counter,
) -> Report:
    """Ask every question over HTTP and score the answers."""
    report = Report()
    texts: dict[str, str | None] = {}

    def served(doc_id: str) -> str | None:
        """The served text of a document, or None when the service has no such id."""
        if doc_id not in texts:
            response = client.get(f"/documents/{doc_id}")
            texts[doc_id] = response.json()["text"] if response.status_code == 200 else None
        return texts[doc_id]

    def text_of(doc_id: str) -> str:
        return served(doc_id) or ""

    for q in questions:
        report.questions += 1
        groups: list[list[Span]] = []
        for group in q.get("evidence_groups", []):
            spans = []
            unserved = []
            for alt in group:
                text = served(alt["doc_id"])
                where = None if text is None else locate(text, alt["text"])
                if text is None:
                    unserved.append(alt["doc_id"])
                elif where is None:
                    report.failures.append(
                        f"{q['id']}: evidence not in served text of {alt['doc_id']}"
                    )
                else:
                    spans.append((alt["doc_id"], *where))
            # An alternative in a document the service does not serve (ingest keeps an exact
            # duplicate under the first article's id) is a note while another alternative of
            # its group is served; with none served, the evidence is missing.
            for doc_id in unserved:
                (report.notes if spans else report.failures).append(
                    f"{q['id']}: evidence document {doc_id} is not served (not ingested, or an "
                    "exact duplicate kept under another id)"
                )
            groups.append(spans)

        t0 = clock()
        search = client.post("/search", json={"query": q["question"], "top_k": k})
        report.search_ms.append((clock() - t0) * 1000)
        passages = [(p["doc_id"], p["start"], p["end"]) for p in search.json().get("results", [])]
        t0 = clock()
        response = client.post("/ask", json={"question": q["question"]})
        report.ask_ms.append((clock() - t0) * 1000)
        if response.status_code != 200:
            report.failures.append(f"{q['id']}: /ask answered {response.status_code}")
            continue
        answer = response.json()
        report.llm = answer["model"]["llm"]
        cited = [(c["doc_id"], c["start"], c["end"]) for c in answer["citations"]]
        for c in answer["citations"]:
            report.citations += 1
            if text_of(c["doc_id"])[c["start"] : c["end"]] == c["quote"]:
                report.valid_citations += 1
            span = (c["doc_id"], c["start"], c["end"])
            if any(overlaps(span, g) for group in groups for g in group):
                report.precise_citations += 1
        if not answer["refused"]:
            verdicts = judge_answer(answer, q["question"])
            report.answers_judged += 1
            report.degraded_answers += bool(answer.get("degraded"))
            report.claim_sentences += len(verdicts)
            report.backed_sentences += sum(v.backed for v in verdicts)
            report.fully_backed_answers += all(v.backed for v in verdicts)
            report.unbacked.extend(
                {"id": q["id"], "sentence": v.sentence, "why": v.reason}
                for v in verdicts
                if not v.backed
            )

        if q["answerable"]:
            report.answerable += 1
            report.evidence_groups += len(groups)
            report.evidence_hits_at_k += sum(
                any(overlaps(p, g) for p in passages for g in group) for group in groups
            )
            report.groups_cited += sum(
                any(overlaps(c, g) for c in cited for g in group) for group in groups
            )
            if answer["refused"]:
                report.false_refusals += 1
                report.failures.append(f"{q['id']}: refused an answerable question")
            elif all(fold(s) in fold(answer["answer"]) for s in q["answer_contains"]):
                report.answered_correctly += 1
            else:
                report.failures.append(f"{q['id']}: answer lacks {q['answer_contains']}")
            if len(groups) == 1:
                report.one_fact += 1
                lead = "" if answer["refused"] else lead_sentence(answer["answer"])
                if lead and all(fold(s) in fold(lead) for s in q["answer_contains"]):
                    report.lead_correct += 1
                elif lead:
                    report.notes.append(f"{q['id']}: the lead lacks {q['answer_contains']}")
        else:
            report.unanswerable += 1
            if answer["refused"]:
                report.refused_unanswerable += 1
            else:
                report.failures.append(f"{q['id']}: answered an unanswerable question")
    return report
