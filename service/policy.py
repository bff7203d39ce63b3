"""The one place that decides: refuse, answer, or answer with the extractive fallback.

Pure: it sees what the pipeline found (is there evidence that answers, what the model drafted,
what verification kept, whether the kept text holds the asked-for kind) and returns a
``Decision``. ``service.answering`` only carries it out. The reason it gives is written for a
reader of the answer; the provider's id goes in the answer's ``model`` field and in the logs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from service.llm.prompting import REFUSAL_PHRASE

_REFUSAL_SENTENCE = re.compile(
    rf"^\W*{re.escape(REFUSAL_PHRASE)}\W*$|^\W*(?:the )?(?:articles|evidence) do(?:es)? not "
    r"contain an answer(?: to (?:this|the) question)?\W*$",
    re.IGNORECASE,
)

REASON_PROVIDER_FAILED = (
    "The language model could not answer just now, so the sentences from the articles that "
    "answer the question are quoted instead."
)
REASON_UNSUPPORTED = (
    "The language model's answer was not supported by the articles it cited, so the "
    "sentences from the articles that answer the question are quoted instead."
)
REASON_OFF_LEAD = (
    "The language model's answer did not rest on the sentence of the articles that answers "
    "the question, so the sentences from the articles that answer it are quoted instead."
)

# Why a refusal, when the evidence passed the checks but no answer came of it.
REASON_MODEL_REFUSED = (
    "The language model read the sentences found and judged that they do not answer the question."
)
REASON_NOT_ANSWERED = "The sentences found did not hold an answer that their own words support."


def is_model_refusal(draft: str) -> bool:
    """Whether a draft is the model's refusal sentence (and nothing else).

    The prompt asks for exactly ``REFUSAL_PHRASE``; an answer that merely mentions "does not
    contain" or "no answer yet" is an answer, not a refusal.
    """
    return bool(_REFUSAL_SENTENCE.match(draft.strip()))


class Outcome(Enum):
    """What the service returns."""

    REFUSE = "refuse"
    ANSWER = "answer"  # the provider's verified draft
    FALLBACK = "fallback"  # the extractive answer, degraded


@dataclass(frozen=True)
class Draft:
    """What became of the provider's attempt."""

    text: str | None  # None when the provider failed
    kept_claims: int  # claims verification kept
    answers_kind: bool  # the kept text holds something of the kind the question asks for
    # the kept claims cite the lead evidence: the sentence that passed the answerability
    # checks (a claim citing only the evidence beside it answers something else)
    cites_lead: bool


@dataclass(frozen=True)
class Decision:
    """The outcome, and for a fallback or a refusal the reason shown to the reader (a refusal
    for want of evidence gets its reason from ``service.refusal``, which sees the passages)."""

    outcome: Outcome
    reason: str | None = None


def decide(*, answerable: bool, draft: Draft | None, fallback_available: bool) -> Decision:
    """Refuse, answer or fall back.

    - no evidence that answers the question → refuse (no model is asked);
    - the model says its refusal sentence → refuse (a second line of defence);
    - the provider failed → the extractive answer, degraded;
    - verification kept nothing, or what it kept does not hold the asked-for kind of fact →
      the extractive answer, degraded (never an unbacked claim);
    - what it kept does not cite the lead evidence (the sentence found to answer; the others
      are offered beside it, not checked to answer) → the extractive answer, degraded;
    - otherwise the verified draft.
    ``fallback_available`` is false when the draft already was the extractive answer: then
    a draft with nothing kept is a refusal.
    """
    if not answerable or draft is None:
        return Decision(Outcome.REFUSE)
    if draft.text is None:
        return Decision(Outcome.FALLBACK, REASON_PROVIDER_FAILED)
    if is_model_refusal(draft.text):
        return Decision(Outcome.REFUSE, REASON_MODEL_REFUSED)
    if draft.kept_claims and draft.answers_kind and draft.cites_lead:
        return Decision(Outcome.ANSWER)
    if fallback_available:
        off_lead = bool(draft.kept_claims) and draft.answers_kind
        return Decision(Outcome.FALLBACK, REASON_OFF_LEAD if off_lead else REASON_UNSUPPORTED)
    if draft.kept_claims:
        return Decision(Outcome.ANSWER)
    return Decision(Outcome.REFUSE, REASON_NOT_ANSWERED)
