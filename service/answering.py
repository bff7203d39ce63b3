"""One question, end to end: retrieve → select evidence → generate → verify → Answer."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from service.citations import CitationVerifier, SupportPolicy
from service.config import Settings
from service.evidence import EvidenceScorer, select_evidence
from service.index import NewsIndex
from service.llm.base import AnswerGenerator, GenerationRequest
from service.llm.extractive import ExtractiveGenerator
from service.retrieval import Retriever
from service.schemas import Answer, AskRequest, Citation, ModelInfo, Passage, Timings

log = logging.getLogger(__name__)

REFUSAL = "The articles do not contain an answer to this question."
# Phrases with which a model says it cannot answer from the passages; the prompt asks for the
# first (prompts/answer_system.md), small models sometimes paraphrase it.
_MODEL_REFUSALS = (
    "not in the articles",
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


@dataclass
class _Outcome:
    """What an answer is built from, filled in as the request proceeds."""

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
        self.verifier = CitationVerifier(
            index.embed_texts,
            SupportPolicy(settings.support_min_similarity, settings.support_min_overlap),
        )

    def _finish(self, out: _Outcome, text: str, citations: list[Citation] | None = None) -> Answer:
        done = time.perf_counter()
        return Answer(
            answer=text,
            refused=not citations,
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

    def ask(self, request: AskRequest) -> Answer:
        """Answer one question (raises EmptyIndexError when nothing is indexed)."""
        started = time.perf_counter()
        s = self.settings
        q_vec = self.index.embed_query(request.question)
        passages = self.retriever.search(
            request.question, request.top_k or s.top_k, request.filters, vector=q_vec
        )
        ranked = self.scorer.rank(request.question, q_vec, passages)
        out = _Outcome(passages, started, time.perf_counter(), self.generator.name)
        if not ranked or ranked[0].score < s.refusal_threshold:
            return self._finish(out, REFUSAL)

        evidence = select_evidence(
            ranked,
            count=s.evidence_sentences,
            min_score=ranked[0].score - s.evidence_margin,
            same_fact_similarity=s.same_fact_similarity,
        )
        gen_request = GenerationRequest(request.question, evidence)
        try:
            draft = self.generator.generate(gen_request)
        except Exception as exc:  # any provider failure falls back: never a 500
            log.warning("provider %s failed: %s", self.generator.name, exc)
            out.degraded_reason = f"{self.generator.name} failed: {exc}"
            out.llm = self.fallback.name
            draft = self.fallback.generate(gen_request)
        else:
            if is_model_refusal(draft):
                return self._finish(out, REFUSAL)

        verified = self.verifier.verify(draft, evidence, passages)
        if verified.removed_sentences or verified.dropped_markers:
            log.info(
                "verification removed %d sentence(s), dropped marker(s) %s",
                len(verified.removed_sentences),
                verified.dropped_markers,
            )
        if not verified.citations and out.degraded_reason is None:
            out.degraded_reason = f"{self.generator.name} gave no answer the articles support"
            out.llm = self.fallback.name
            verified = self.verifier.verify(self.fallback.generate(gen_request), evidence, passages)
        if not verified.citations:
            return self._finish(out, REFUSAL)
        return self._finish(out, verified.answer, verified.citations)
