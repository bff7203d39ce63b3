"""``slot_proximity``: the question's non-name terms beside an item of the asked-for kind."""

from __future__ import annotations

import pytest

from service.answerability import Kind, question_focus, slot_proximity
from service.evidence import content_words


def proximity(question: str, sentence: str) -> float:
    focus = question_focus(question, None)
    named = {w for run in focus.names for w in content_words(run)}
    relation = {t: w for t, w in focus.weights.items() if t not in named}
    return slot_proximity(sentence, focus.kind, question, relation)


@pytest.mark.parametrize(
    ("question", "answer", "distractor"),
    [
        # a year beside the asked verb, not a year of another event
        (
            "In what year was the Harlow Building Society founded?",
            "The society was founded in 1921 by local traders.",
            "Harlow Building Society saw profits jump 18% during 2004.",
        ),
        # a count beside the counted noun
        (
            "How many versions of the Varro worm are known?",
            "So far six versions of Varro are known to exist.",
            "The Varro worm affects phones running Series 60 software.",
        ),
        # a name beside the asked role
        (
            "Who is the director of the Tarn Valley Arts Trust?",
            "Mia Kell, director of the trust, welcomed the grant.",
            "The Tarn Valley Arts Trust was praised by Councillor Ben Oduya.",
        ),
        # an amount beside the asked relation
        (
            "How much did Corvale pay for the Lintel mine?",
            "Corvale paid $40m for the mine last year.",
            "Corvale's profits rose to $12m in 2004, Lintel said.",
        ),
        # a day beside the asked event
        (
            "When will Dana Fell present her last show?",
            "Fell will host her last show on 5 March.",
            "Dana Fell has presented the show since 1999 and joined in January.",
        ),
    ],
)
def test_the_item_beside_the_questions_words_scores_higher(
    question: str, answer: str, distractor: str
) -> None:
    assert proximity(question, answer) > proximity(question, distractor)


def test_items_the_question_states_are_not_answers() -> None:
    question = "How many staff did Argon cut in 2004?"
    # 2004 is the question's own year: beside "cut" it still answers nothing
    assert proximity(question, "Argon cut staff in 2004 as sales slid.") == 0.0
    assert proximity(question, "Argon cut 80 staff as sales slid.") > 0.0


def test_a_nationality_or_a_country_is_no_name() -> None:
    question = "Who did the Amberly chief executive meet in Lisbon?"
    # "Portuguese" beside "met" names no one; "Rui Sala" does
    assert proximity(question, "He met the Portuguese delegation at noon.") == 0.0
    assert proximity(question, "He met Rui Sala, the trade minister, at noon.") > 0.0


def test_no_kind_or_no_relation_terms_give_nothing() -> None:
    # "What did X say?" asks for a statement: no item to sit beside
    assert proximity("What did Lena Ostrow say about the merger?", "Ostrow said it was bad.") == 0.0
    assert slot_proximity("Founded in 1921.", Kind.DATE, "When was Harlow founded?", {}) == 0.0


def test_a_year_is_no_count() -> None:
    question = "How many shops did Tarvo open?"
    # "in 2004" sits beside "open" but counts no shops; "40 shops" does
    assert proximity(question, "Tarvo opened its shops in 2004.") == 0.0
    assert proximity(question, "Tarvo opened 40 shops.") > 0.0
