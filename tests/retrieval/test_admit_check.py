"""``AnswerService(admit=…)``: one more check a sentence must pass to lead (real index, real
model). The eval's answer-model experiment (``eval/answer_model.py``) measures a trained
cross-encoder through it; here the check is a plain predicate, so what is tested is the
seam: a rejected sentence never leads, the next eligible one does, and none left is a
refusal; and its budget (``RAG_ANSWER_CHECK_MAX_SENTENCES``): a sentence past it is not read
and does not lead. (A lead anchored only by two sentences together spends the same budget
through the same ``passes``; no fixture here anchors that way.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question
from service.evidence import Sentence

# Two body sentences give the sum asked for; the first ranks higher (it words the question).
DEAL = (
    "Corvane buys Lindqvist\n\n"
    "Corvane paid $40m for the Lindqvist software firm, its chief executive said on Monday.\n\n"
    "Analysts said the $40m price for Lindqvist was high for a firm with 60 staff.\n\n"
    "Corvane makes accounting programs for small shops in northern Europe.\n"
)
QUESTION = Question("How much did Corvane pay for the Lindqvist software firm?")


def test_a_rejected_sentence_never_leads_and_none_left_is_a_refusal(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"deal.txt": DEAL})
    plain = service.ask(QUESTION)
    assert not plain.refused and "$40m" in plain.answer, plain.answer
    lead: str = plain.citations[0].quote

    seen: list[tuple[str, str]] = []

    def not_the_lead(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        seen.append((question, sentence))
        return sentence != lead

    service.admit = not_the_lead
    other = service.ask(QUESTION)
    assert seen and all(q == QUESTION.text for q, _ in seen)
    assert not other.refused and "$40m" in other.answer, other.answer
    # (it may still stand beside the new lead: the check is on what leads)
    assert other.citations[0].quote != lead

    service.admit = lambda question, sentence: False
    none = service.ask(QUESTION)
    assert none.refused, none.answer


def test_the_check_reads_at_most_its_budget_of_sentences(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"deal.txt": DEAL})
    lead: str = service.ask(QUESTION).citations[0].quote
    seen: list[str] = []

    def not_the_lead(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        seen.append(sentence)
        return sentence != lead

    service.admit = not_the_lead
    service.settings = service.settings.model_copy(update={"answer_check_max_sentences": 1})
    capped = service.ask(QUESTION)
    # the budget's one sentence is read and rejected; the next, which would pass, is not read
    assert seen == [lead]
    assert capped.refused, capped.answer

    seen.clear()
    service.settings = service.settings.model_copy(update={"answer_check_max_sentences": 2})
    second = service.ask(QUESTION)
    assert seen[0] == lead and len(seen) == 2
    assert not second.refused and "$40m" in second.answer, second.answer
    assert second.citations[0].quote == seen[1]


def test_a_paraphrase_below_the_coverage_bar_leads_only_when_vouched_for(
    extractive_over: Callable[..., Any],
) -> None:
    """``AnswerService(vouch=…)``: with the coverage bar out of reach (``focus_min_coverage``
    0.99) no sentence may lead as usual; one over the paraphrase floor leads only when
    ``vouch`` passes it, within its own budget of sentences."""
    service = extractive_over({"deal.txt": DEAL})
    service.settings = service.settings.model_copy(
        update={"focus_min_coverage": 0.99, "answer_check_paraphrase_coverage": 0.0}
    )
    assert service.ask(QUESTION).refused  # no vouch: the bar stands

    seen: list[str] = []

    def vouch(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        assert question == QUESTION.text
        seen.append(sentence)
        return "$40m" in sentence

    service.vouch = vouch
    vouched = service.ask(QUESTION)
    assert not vouched.refused and "$40m" in vouched.answer, vouched.answer
    assert seen and vouched.citations[0].quote == seen[-1]

    service.vouch = lambda question, sentence: False
    assert service.ask(QUESTION).refused

    # over the paraphrase floor only: at 0.99 too no sentence is read
    seen.clear()
    service.vouch = vouch
    service.settings = service.settings.model_copy(
        update={"answer_check_paraphrase_coverage": 0.99}
    )
    assert service.ask(QUESTION).refused and not seen

    # its budget: both sentences giving the sum are read when it allows, one when it is 1
    def never(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        seen.append(sentence)
        return False

    service.vouch = never
    for budget, read in ((5, 2), (1, 1)):
        service.settings = service.settings.model_copy(
            update={"answer_check_paraphrase_coverage": 0.0, "answer_check_max_sentences": budget}
        )
        seen.clear()
        assert service.ask(QUESTION).refused and len(seen) == read, (budget, seen)


def test_vouch_is_not_asked_when_a_sentence_over_the_bar_leads(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"deal.txt": DEAL})
    seen: list[str] = []

    def vouch(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        seen.append(sentence)
        return True

    service.vouch = vouch
    answer = service.ask(QUESTION)
    assert not answer.refused and "$40m" in answer.answer and not seen


def test_a_sentence_over_the_bar_past_the_budget_does_not_lead_by_vouch(
    extractive_over: Callable[..., Any],
) -> None:
    """The paraphrase pass reads only sentences under the coverage bar: one over it that the
    first check's budget left unread still may not lead (review83)."""
    service = extractive_over({"deal.txt": DEAL})
    lead: str = service.ask(QUESTION).citations[0].quote
    service.admit = lambda question, evidence: evidence.text != lead
    service.settings = service.settings.model_copy(update={"answer_check_max_sentences": 1})
    seen: list[str] = []

    def vouch(question: str, evidence: Sentence) -> bool:
        sentence = evidence.text
        seen.append(sentence)
        return True

    service.vouch = vouch
    assert service.ask(QUESTION).refused
    assert not seen  # (both sentences giving the sum are over the bar)


def test_a_vouched_paraphrase_must_still_be_anchored(
    extractive_over: Callable[..., Any],
) -> None:
    """A question about a name the article never gives: its sentences stay unanchored, so the
    paraphrase pass lets none lead whatever ``vouch`` says."""
    service = extractive_over({"deal.txt": DEAL})
    service.settings = service.settings.model_copy(
        update={"focus_min_coverage": 0.99, "answer_check_paraphrase_coverage": 0.0}
    )
    service.vouch = lambda question, sentence: True
    anchored = service.ask(QUESTION)
    assert not anchored.refused and "$40m" in anchored.answer, anchored.answer
    stranger = service.ask(Question("How much did Zebulon pay for the Lindqvist software firm?"))
    assert stranger.refused, stranger.answer


# A two-part question whose second part two sentences give a count for.
RESULTS = (
    "Orbis results\n\n"
    "Orbis made a profit of $40m in 2004, its chief executive Jo Hale said on Monday.\n\n"
    "Orbis employs 1,200 staff at its plant in Hexley, the firm said.\n\n"
    "Staff numbers at the Hexley plant rose by 300 last year, Orbis said.\n\n"
    "Orbis makes engines for small boats.\n"
)
TWO_PARTS = Question(
    "How much profit did Orbis make in 2004, and how many staff does Orbis employ at Hexley?"
)


def test_the_check_may_pick_a_two_part_question_s_other_part_by_a_clear_margin(
    extractive_over: Callable[..., Any],
) -> None:
    """``AnswerService(rate=…)``: a two-part question's other part gets the sentence the
    check rates clearly higher (``PART_RATE_MARGIN``), read with the part alone, among the
    few that answer the part best by score; by a smaller margin the choice stands."""
    from service.answering import PART_RATE_MARGIN

    service = extractive_over({"results.txt": RESULTS})
    plain = service.ask(TWO_PARTS)
    assert not plain.refused and "$40m" in plain.answer, plain.answer
    counts = [
        "Orbis employs 1,200 staff at its plant in Hexley, the firm said.",
        "Staff numbers at the Hexley plant rose by 300 last year, Orbis said.",
    ]
    quotes = [c.quote for c in plain.citations]
    chosen = next(q for q in quotes if q in counts)
    other = next(q for q in counts if q != chosen)

    asked: list[str] = []

    def favour(margin: float) -> Callable[[str, Sentence], float]:
        def rate(question: str, evidence: Sentence) -> float:
            sentence = evidence.text
            asked.append(question)
            return 0.2 + margin if sentence == other else 0.2

        return rate

    service.rate = favour(PART_RATE_MARGIN + 0.05)
    rated = service.ask(TWO_PARTS)
    quotes = [c.quote for c in rated.citations]
    assert other in quotes and "$40m" in rated.answer, rated.answer
    # read with the part, not the whole question
    assert asked and all(q != TWO_PARTS.text and "staff" in q for q in asked), asked

    service.rate = favour(PART_RATE_MARGIN - 0.1)
    kept = service.ask(TWO_PARTS)
    assert chosen in [c.quote for c in kept.citations], kept.answer


# Another article giving a count for the same part.
UNION = (
    "Hexley union claim\n\n"
    "The union said 900 staff now work at the Hexley plant, fewer than Orbis says.\n\n"
    "Union officials will meet managers in March.\n"
)


def test_the_lead_s_article_keeps_its_part_when_the_part_score_chose_it(
    extractive_over: Callable[..., Any],
) -> None:
    """A part read alone may leave its subject to the first part: when the part score chose a
    sentence of the lead's article, the check weighs only that article's sentences against
    it (review94), however much it prefers another article's."""
    service = extractive_over({"results.txt": RESULTS, "union.txt": UNION})
    plain = service.ask(TWO_PARTS)
    assert not plain.refused and "$40m" in plain.answer, plain.answer
    lead_doc = plain.citations[0].doc_id
    assert "1,200 staff" in plain.answer or "rose by 300" in plain.answer, plain.answer

    rated: list[str] = []

    def rate(question: str, evidence: Sentence) -> float:
        sentence = evidence.text
        rated.append(sentence)
        return 0.99 if "900 staff" in sentence else 0.1

    service.rate = rate
    kept = service.ask(TWO_PARTS)
    assert rated, "the check was not asked about the part"
    assert not any("900 staff" in s for s in rated), rated
    assert "900 staff" not in kept.answer and kept.citations[0].doc_id == lead_doc, kept.answer
