"""Two-part questions (service/parts.py): each part scored on its own, and the part the lead
answers."""

from __future__ import annotations

import numpy as np

from service.answerability import question_focus, question_parts
from service.evidence import ScoredSentence, Sentence
from service.parts import lead_part, part_scores

QUESTION = (
    "Whom will Dana Whitlow succeed as president of Corvel KK, and how many customers did "
    "the Japanese business lose net in January?"
)


def scored(text: str, similarity: float, vector: list[float]) -> ScoredSentence:
    v = np.asarray(vector, dtype=np.float32)
    sentence = Sentence("d/1", "d/1", None, "d/1::0", 0, len(text), text)
    return ScoredSentence(sentence, similarity, similarity, 0.0, v / np.linalg.norm(v))


def never_common(word: str) -> bool:
    return False


def test_a_part_is_scored_by_its_own_vector_not_the_whole_questions() -> None:
    second = question_focus(question_parts(QUESTION)[1], None)
    # closest to the whole question (its context: customers in Japan) ...
    context = scored(
        "While it has more than 12 million customers in Japan, Corvel has found it hard.",
        0.80,
        [1, 0, 0],
    )
    # ... but the one that answers the part is closest to the part
    answer = scored(
        "Corvel KK suffered a net loss of more than 41,000 customers in January.",
        0.40,
        [0, 1, 0],
    )
    scores = part_scores(
        second, [0.1, 1.0, 0.0], [context, answer], lexical_weight=0.0, is_common=never_common
    )
    assert scores[id(answer)] > scores[id(context)]
    # the part's vector is what counts: with the whole question's it would be the other way
    flipped = part_scores(
        second, [1.0, 0.1, 0.0], [context, answer], lexical_weight=0.0, is_common=never_common
    )
    assert flipped[id(context)] > flipped[id(answer)]


def test_a_part_scores_only_sentences_of_its_kind() -> None:
    second = question_focus(question_parts(QUESTION)[1], None)
    no_figure = scored("Corvel KK lost customers in January.", 0.9, [0, 1, 0])
    scores = part_scores(
        second, [0.0, 1.0, 0.0], [no_figure], lexical_weight=1.0, is_common=never_common
    )
    assert scores == {}


def test_the_lead_answers_the_part_it_is_nearly_best_for() -> None:
    # the lead scores higher on part 0 in raw terms, but is that part's fourth sentence;
    # on part 1 it is the best: it answers part 1 (the r28 shape: "shares fell 20%" / "closed
    # 12% down")
    lead, other0, other1 = 1, 2, 3
    scores = [{lead: 1.067, other0: 1.274}, {lead: 0.740, other1: 0.674}]
    assert lead_part(scores, lead, 0.2) == 1
    # within the margin of both: the one it falls least short of
    assert lead_part([{lead: 1.0, other0: 1.1}, {lead: 0.5, other1: 0.55}], lead, 0.2) == 1
    assert lead_part([{lead: 1.1, other0: 1.1}, {lead: 0.5, other1: 0.55}], lead, 0.2) == 0


def test_a_lead_far_from_every_parts_best_answers_none() -> None:
    lead, other0, other1 = 1, 2, 3
    scores = [{lead: 0.86, other0: 1.40}, {lead: 0.44, other1: 0.71}]
    assert lead_part(scores, lead, 0.2) is None
    # nor a part it holds nothing of (not scored there)
    assert lead_part([{other0: 1.0}, {other1: 1.0}], lead, 0.2) is None


def test_a_part_prefers_the_sentence_with_its_figure_beside_its_own_terms() -> None:
    # the whole question's ranking adds how close an item of the asked kind sits to the
    # question's relation terms; a part's score adds it for the part's own terms
    question = (
        "When did the storm hit Harlow Airways, and how many passengers were left stranded "
        "at the airports?"
    )
    second = question_focus(question_parts(question)[1], None)
    # a count of other things (flights, airports) beside the part's words ...
    others = scored(
        "Harlow Airways cancelled 100 flights, with passengers stuck in as many as 40 "
        "airports across the country.",
        0.5,
        [1, 1, 0],
    )
    # ... and the count the part asks for, a little less similar to the part
    asked = scored("Some 3,000 passengers were left stranded.", 0.5, [1, 0.8, 0])
    plain = part_scores(
        second, [1.0, 1.0, 0.0], [others, asked], lexical_weight=0.0, is_common=never_common
    )
    assert plain[id(others)] > plain[id(asked)]
    near = part_scores(
        second,
        [1.0, 1.0, 0.0],
        [others, asked],
        lexical_weight=0.0,
        is_common=never_common,
        proximity_weight=0.6,
    )
    assert near[id(asked)] > near[id(others)]
