"""A question typed all in lower case is read with the capitals its names have in the articles
(``service.answerability.casing``, through ``AnswerService.as_written``): its names are names,
so a question about someone the passages do not name is refused as the written-out question is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RAIL = (
    "Rail plan cost row\n\n"
    "Transport Secretary Alistair Darling said the new rail plan would cost £2bn over ten "
    "years. Conservative spokesman Tim Collins said the plan would cost at least £5bn, and "
    "that passengers would pay for it through higher fares."
)
LIBRARY = (
    "Library opens in Leeds\n\n"
    "The new city library in Leeds opened on Monday. The building was opened by local "
    "author John Smithers, who said that John Smithers had borrowed his first book there."
)


def test_a_lower_case_question_reads_its_names_from_the_articles(
    extractive_over: Callable[..., Any],
) -> None:
    from service.answering import Question

    service = extractive_over({"rail.txt": RAIL, "library.txt": LIBRARY})
    assert (
        service.as_written("how much did john smithers say the rail plan would cost")
        == "How much did John Smithers say the rail plan would cost?"
    )
    # written out, the question names someone the rail article does not: refused
    reasons = set()
    for typed in (
        "How much did John Smithers say the rail plan would cost?",
        "how much did john smithers say the rail plan would cost",
        "HOW MUCH DID JOHN SMITHERS SAY THE RAIL PLAN WOULD COST",
    ):
        answer = service.ask(Question(typed))
        assert answer.refused, (typed, answer.answer)
        reasons.add(answer.refusal_reason)
    # the reason reads the written question too: the name is found, the fact is not
    assert reasons == {
        "The passages found mention what the question names, but no sentence in them states "
        "what it asks for."
    }
    # and a name it does hold is answered, typed either way, with the same sentence
    answers = [
        service.ask(Question(typed))
        for typed in (
            "How much did Tim Collins say the rail plan would cost?",
            "how much did tim collins say the rail plan would cost",
            "HOW MUCH DID TIM COLLINS SAY THE RAIL PLAN WOULD COST",
        )
    ]
    assert not answers[0].refused and "£5bn" in answers[0].answer
    assert answers[1].answer == answers[0].answer
    assert answers[2].answer == answers[0].answer
