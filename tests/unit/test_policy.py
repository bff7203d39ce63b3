"""The one policy deciding refuse / answer / fall back (service/policy.py): no HTTP, no model."""

from __future__ import annotations

from service.llm.prompting import REFUSAL_PHRASE
from service.policy import (
    REASON_OFF_LEAD,
    REASON_PROVIDER_FAILED,
    REASON_UNSUPPORTED,
    Draft,
    Outcome,
    decide,
    is_model_refusal,
)

SUPPORTED = Draft(
    text="Tom Field met Ana Ruiz. [1]", kept_claims=1, answers_kind=True, cites_lead=True
)


def test_no_answering_evidence_is_a_refusal() -> None:
    assert decide(answerable=False, draft=None, fallback_available=True).outcome is Outcome.REFUSE


def test_a_verified_draft_that_answers_is_the_answer() -> None:
    decision = decide(answerable=True, draft=SUPPORTED, fallback_available=True)
    assert decision.outcome is Outcome.ANSWER and decision.reason is None


def test_the_model_s_refusal_sentence_is_a_refusal() -> None:
    draft = Draft(text=REFUSAL_PHRASE, kept_claims=0, answers_kind=False, cites_lead=True)
    assert decide(answerable=True, draft=draft, fallback_available=True).outcome is Outcome.REFUSE


def test_a_failed_provider_falls_back_with_a_plain_reason() -> None:
    draft = Draft(text=None, kept_claims=0, answers_kind=False, cites_lead=True)
    decision = decide(answerable=True, draft=draft, fallback_available=True)
    assert decision.outcome is Outcome.FALLBACK and decision.reason == REASON_PROVIDER_FAILED
    assert "llamacpp" not in REASON_PROVIDER_FAILED and ":" not in REASON_PROVIDER_FAILED


def test_nothing_kept_or_not_the_asked_kind_falls_back() -> None:
    empty = Draft(text="The weather was sunny.", kept_claims=0, answers_kind=False, cites_lead=True)
    decision = decide(answerable=True, draft=empty, fallback_available=True)
    assert decision.outcome is Outcome.FALLBACK and decision.reason == REASON_UNSUPPORTED
    off_kind = Draft(
        text="Tom Field travelled. [1]", kept_claims=1, answers_kind=False, cites_lead=True
    )
    assert decide(answerable=True, draft=off_kind, fallback_available=True).outcome is (
        Outcome.FALLBACK
    )


def test_a_draft_that_does_not_cite_the_lead_falls_back() -> None:
    # Supported and of the asked kind, but resting only on evidence offered beside the
    # sentence that answers: it answers something else.
    beside = Draft(
        text="Ana Ruiz visited Porto. [2]", kept_claims=1, answers_kind=True, cites_lead=False
    )
    decision = decide(answerable=True, draft=beside, fallback_available=True)
    assert decision.outcome is Outcome.FALLBACK and decision.reason == REASON_OFF_LEAD
    assert "llamacpp" not in REASON_OFF_LEAD
    # the extractive answer itself (no fallback left) is still an answer
    assert decide(answerable=True, draft=beside, fallback_available=False).outcome is (
        Outcome.ANSWER
    )


def test_the_fallback_itself_answers_or_refuses() -> None:
    off_kind = Draft(
        text="Tom Field travelled. [1]", kept_claims=1, answers_kind=False, cites_lead=True
    )
    assert decide(answerable=True, draft=off_kind, fallback_available=False).outcome is (
        Outcome.ANSWER
    )
    empty = Draft(text="", kept_claims=0, answers_kind=False, cites_lead=True)
    assert decide(answerable=True, draft=empty, fallback_available=False).outcome is Outcome.REFUSE


def test_only_the_refusal_sentence_is_a_refusal() -> None:
    assert is_model_refusal(REFUSAL_PHRASE)
    assert is_model_refusal(f"  {REFUSAL_PHRASE}.\n")
    assert is_model_refusal("The articles do not contain an answer to this question.")
    # Answers that merely mention such words are answers.
    assert not is_model_refusal("The agreement does not contain export restrictions. [1]")
    assert not is_model_refusal("There is no answer yet from Beijing, the ministry said. [1]")
    assert not is_model_refusal("It cannot answer for the delays, the firm said. [2]")
    assert not is_model_refusal("")
