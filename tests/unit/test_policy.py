"""The one policy deciding refuse / answer / fall back (service/policy.py): no HTTP, no model."""

from __future__ import annotations

from service.answering import assess_draft
from service.citations import Verified
from service.evidence import EvidenceItem, Sentence
from service.llm.prompting import REFUSAL_PHRASE
from service.policy import (
    REASON_MODEL_REFUSED,
    REASON_NOT_ANSWERED,
    REASON_OFF_LEAD,
    REASON_PROVIDER_FAILED,
    REASON_UNSUPPORTED,
    Draft,
    Outcome,
    decide,
    is_model_refusal,
)
from service.schemas import Citation

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
    decision = decide(answerable=True, draft=draft, fallback_available=True)
    assert decision.outcome is Outcome.REFUSE and decision.reason == REASON_MODEL_REFUSED


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
    decision = decide(answerable=True, draft=empty, fallback_available=False)
    assert decision.outcome is Outcome.REFUSE and decision.reason == REASON_NOT_ANSWERED


def test_only_the_refusal_sentence_is_a_refusal() -> None:
    assert is_model_refusal(REFUSAL_PHRASE)
    assert is_model_refusal(f"  {REFUSAL_PHRASE}.\n")
    assert is_model_refusal("The articles do not contain an answer to this question.")
    # Answers that merely mention such words are answers.
    assert not is_model_refusal("The agreement does not contain export restrictions. [1]")
    assert not is_model_refusal("There is no answer yet from Beijing, the ministry said. [1]")
    assert not is_model_refusal("It cannot answer for the delays, the firm said. [2]")
    assert not is_model_refusal("")


# assess_draft: what the pipeline tells the policy about a verified draft (made-up articles).
LEAD_TEXT = "Harbour Logistics paid $40m for the Dunmore terminal, chief executive Ivo Lind said."
BESIDE_TEXT = "Ivo Lind joined Harbour Logistics from Orbis in 2019."


def _sentence(doc_id: str, start: int, text: str) -> Sentence:
    return Sentence(doc_id, "A title", None, f"{doc_id}:0", start, start + len(text), text)


def _citation(marker: int, s: Sentence) -> Citation:
    return Citation(
        marker=marker,
        doc_id=s.doc_id,
        title=s.title,
        published=None,
        start=s.start,
        end=s.end,
        quote=s.text,
    )


LEAD = _sentence("tech/001", 0, LEAD_TEXT)
LEAD_ELSEWHERE = _sentence("tech/002", 120, LEAD_TEXT)  # another report of the same story
BESIDE = _sentence("tech/001", 90, BESIDE_TEXT)
LEAD_ITEM = EvidenceItem(1, LEAD, 1.0, also=(LEAD_ELSEWHERE,))


def test_a_draft_citing_the_lead_or_its_other_report_cites_the_lead() -> None:
    asked = "How much did Harbour Logistics pay for the Dunmore terminal?"
    own = Verified("Harbour Logistics paid $40m for the terminal. [1]", [_citation(1, LEAD)])
    draft = assess_draft(asked, own, own.answer, LEAD_ITEM)
    assert draft.cites_lead and draft.answers_kind and draft.kept_claims == 1
    other = Verified("It paid $40m. [1]", [_citation(1, LEAD_ELSEWHERE)])
    assert assess_draft(asked, other, other.answer, LEAD_ITEM).cites_lead


def test_a_draft_citing_only_the_evidence_beside_the_lead_does_not() -> None:
    # of the asked kind (a name), true to its quote, but not from the sentence that answers
    asked = "Who is Harbour Logistics' chief executive?"
    beside = Verified("Ivo Lind joined Harbour Logistics from Orbis. [1]", [_citation(1, BESIDE)])
    draft = assess_draft(asked, beside, beside.answer, LEAD_ITEM)
    assert draft.answers_kind and not draft.cites_lead
    assert decide(answerable=True, draft=draft, fallback_available=True).outcome is (
        Outcome.FALLBACK
    )


def test_a_two_part_draft_must_hold_each_part_s_kind() -> None:
    asked = (
        "Who is Harbour Logistics' chief executive, and how much did it pay for the Dunmore "
        "terminal?"
    )
    one_part = Verified("Its chief executive is Ivo Lind. [1]", [_citation(1, LEAD)])
    assert not assess_draft(asked, one_part, one_part.answer, LEAD_ITEM).answers_kind
    both = Verified(
        "Chief executive Ivo Lind said it paid $40m for the Dunmore terminal. [1]",
        [_citation(1, LEAD)],
    )
    assert assess_draft(asked, both, both.answer, LEAD_ITEM).answers_kind


def test_a_draft_is_judged_on_the_question_as_the_evidence_was() -> None:
    # "What's …?" is read as "What is …?" by the evidence checks (``gather``): the draft's
    # kind is read the same way, not left unchecked because the contraction asks no kind
    asked = "What's the name of Harbour Logistics' chief executive?"
    vague = Verified("The terminal cost a lot, it said. [1]", [_citation(1, LEAD)])
    assert not assess_draft(asked, vague, vague.answer, LEAD_ITEM).answers_kind
    named = Verified("Chief executive Ivo Lind said so. [1]", [_citation(1, LEAD)])
    assert assess_draft(asked, named, named.answer, LEAD_ITEM).answers_kind
