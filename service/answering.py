"""One question, end to end: (condense) → retrieve → evidence → generate → verify → Answer.

``events`` yields what happens as it happens (the streaming API forwards each event); ``ask``
runs the same steps and returns the final answer, so both always agree.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from service.citations import CitationVerifier, SupportPolicy
from service.config import Settings
from service.errors import ServiceBusyError
from service.evidence import EvidenceItem, EvidenceScorer, select_evidence
from service.index import NewsIndex
from service.llm.base import AnswerGenerator, GenerationRequest, Turn, heuristic_condense
from service.llm.extractive import ExtractiveGenerator
from service.llm.prompting import REFUSAL_PHRASE
from service.retrieval import Retriever
from service.schemas import Answer, AskRequest, Citation, Filters, ModelInfo, Passage, Timings

log = logging.getLogger(__name__)

REFUSAL = "The articles do not contain an answer to this question."
# Phrases with which a model says it cannot answer from the passages; the prompt asks for the
# first (prompts/answer_system.md), small models sometimes paraphrase it.
_MODEL_REFUSALS = (
    REFUSAL_PHRASE.lower(),
    "do not contain",
    "does not contain",
    "cannot answer",
    "can't answer",
    "no answer",
    "not mentioned",
)


def is_model_refusal(draft: str) -> bool:
    """Whether a draft is the model declining to answer (an empty draft is a failure, not this)."""
    text = draft.strip().lower()
    return any(p in text[:200] for p in _MODEL_REFUSALS)


@dataclass(frozen=True)
class Event:
    """A step of answering: ``passages``, ``token``, ``citation`` or ``done``."""

    kind: str
    data: Any


@dataclass
class _Outcome:
    """What an answer is built from, filled in as the request proceeds."""

    query: str
    passages: list[Passage]
    started: float
    retrieved: float
    llm: str
    degraded_reason: str | None = None


class AnswerService:
    """Answers questions from the index with verified, sentence-level citations."""

    def __init__(
        self,
        settings: Settings,
        index: NewsIndex,
        generator: AnswerGenerator,
        *,
        fallback: AnswerGenerator | None = None,
    ) -> None:
        self.settings = settings
        self.index = index
        self.retriever = Retriever(index)
        self.scorer = EvidenceScorer(index, lexical_weight=settings.lexical_weight)
        self.generator = generator
        self.fallback = fallback or ExtractiveGenerator()
        # safety (issue 13 §4): metrics hook, called with the sentences verification removed
        self.on_verified: Callable[[int], object] | None = None
        self.verifier = CitationVerifier(
            index.embed_texts,
            SupportPolicy(settings.support_min_similarity, settings.support_min_overlap),
        )

    def _finish(self, out: _Outcome, text: str, citations: list[Citation] | None = None) -> Answer:
        done = time.perf_counter()
        return Answer(
            answer=text,
            refused=not citations,
            query=out.query,
            citations=citations or [],
            passages=out.passages,
            degraded=out.degraded_reason is not None,
            degraded_reason=out.degraded_reason,
            model=ModelInfo(llm=out.llm, embedding=self.index.embed_model_id),
            timings_ms=Timings(
                retrieve=round((out.retrieved - out.started) * 1000, 2),
                generate=round((done - out.retrieved) * 1000, 2),
                total=round((done - out.started) * 1000, 2),
            ),
        )

    def gather(
        self, query: str, top_k: int | None = None, filters: Filters | None = None
    ) -> tuple[list[Passage], list[EvidenceItem]]:
        """Retrieve passages and choose the evidence for ``query``.

        The evidence is empty when even the best sentence scores below the refusal threshold:
        then the articles do not contain the answer and no model is asked.
        """
        s = self.settings
        vector = self.index.embed_query(query)
        passages = self.retriever.search(query, top_k or s.top_k, filters, vector=vector)
        ranked = self.scorer.rank(query, vector, passages)
        if not ranked or ranked[0].score < s.refusal_threshold:
            return passages, []
        evidence = select_evidence(
            ranked,
            count=s.evidence_sentences,
            min_score=ranked[0].score - s.evidence_margin,
            same_fact_similarity=s.same_fact_similarity,
        )
        return passages, evidence

    def _condense(self, request: AskRequest) -> tuple[str, str | None]:
        history = [Turn(t.question, t.answer) for t in request.history]
        if not history:
            return request.question, None
        try:
            return self.generator.condense(history, request.question), None
        except ServiceBusyError:  # safety (issue 13 §1): load is answered 503, not degraded
            raise
        except Exception as exc:  # a failed rewrite must not cost the answer
            log.warning("provider %s could not rewrite a follow-up: %s", self.generator.name, exc)
            reason = f"{self.generator.name} failed to rewrite the follow-up: {exc}"
            return heuristic_condense(history, request.question), reason

    def events(self, request: AskRequest, *, stream: bool = True) -> Generator[Event, None, None]:
        """Answer one question step by step; the last event is ``done`` with the Answer.

        Raises EmptyIndexError when nothing is indexed. Stopping the iteration stops the
        generation (a streaming provider produces tokens only as they are pulled).
        """
        started = time.perf_counter()
        query, condense_failure = self._condense(request)
        passages, evidence = self.gather(query, request.top_k, request.filters)
        out = _Outcome(
            query, passages, started, time.perf_counter(), self.generator.name, condense_failure
        )
        yield Event("passages", {"query": query, "passages": passages})
        if not evidence:
            yield Event("done", self._finish(out, REFUSAL))
            return

        gen_request = GenerationRequest(query, evidence)
        try:
            if stream:
                pieces = []
                for piece in self.generator.stream(gen_request):
                    pieces.append(piece)
                    yield Event("token", piece)
                draft = "".join(pieces)
            else:
                draft = self.generator.generate(gen_request)
                yield Event("token", draft)
        except ServiceBusyError:  # safety (issue 13 §1): load is answered 503, not degraded
            raise
        except Exception as exc:  # any provider failure falls back: never a 500
            log.warning("provider %s failed: %s", self.generator.name, exc)
            out.degraded_reason = f"{self.generator.name} failed: {exc}"
            out.llm = self.fallback.name
            draft = self.fallback.generate(gen_request)
        else:
            if is_model_refusal(draft):
                yield Event("done", self._finish(out, REFUSAL))
                return

        verified = self.verifier.verify(draft, evidence, passages)
        if self.on_verified:  # safety (issue 13 §4)
            self.on_verified(len(verified.removed_sentences))
        if verified.removed_sentences or verified.dropped_markers:
            log.info(
                "verification removed %d sentence(s), dropped marker(s) %s",
                len(verified.removed_sentences),
                verified.dropped_markers,
            )
        if not verified.citations and out.llm != self.fallback.name:
            out.degraded_reason = f"{self.generator.name} gave no answer the articles support"
            out.llm = self.fallback.name
            verified = self.verifier.verify(self.fallback.generate(gen_request), evidence, passages)
        for citation in verified.citations:
            yield Event("citation", citation)
        if not verified.citations:
            yield Event("done", self._finish(out, REFUSAL))
        else:
            yield Event("done", self._finish(out, verified.answer, verified.citations))

    def ask(self, request: AskRequest) -> Answer:
        """Answer one question (raises EmptyIndexError when nothing is indexed)."""
        answer: Answer | None = None
        for event in self.events(request, stream=False):
            if event.kind == "done":
                answer = event.data
        assert answer is not None
        return answer
