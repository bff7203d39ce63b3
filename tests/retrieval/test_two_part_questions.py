"""A two-part question is answered part by part (real index, real model): a sentence that
answers only the second part may lead, though it holds nothing of the first part's kind and
covers too little of the whole question."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

# (one paragraph a line, as news files are)
TRADE = (
    "Trade bloc opens its doors\n\n"
    "The Varnian trade bloc has agreed to start membership talks with Ostrava, its officials "
    "said on Monday.\n\n"
    "Varnia had to take 12 years of talks to join the bloc, in 1998.\n\n"
    "There are now 19 countries that want to join.\n\n"
    "Officials expect the first new members to join within three years.\n"
)


def test_each_part_of_a_two_part_question_gets_its_sentence(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"trade.txt": TRADE})
    answer = service.ask(
        Question(
            "How long did Varnia take to join the bloc, and how many countries want to join now?"
        )
    )
    assert not answer.refused, answer.answer
    assert "19 countries" in answer.answer and "12 years" in answer.answer, answer.answer


# Two subjects' figures, each in its own sentence; a third sentence only talks about the list.
EARNINGS = (
    "Touring stars top the earnings list\n\n"
    "The magazine's annual list of the top-earning pop stars was published on Friday.\n\n"
    "Jo Vale banked $56.5m in 2004 from concerts and album sales with his Harbour tour.\n\n"
    "Tam Rees came second, as she earned $41.2m in 2004 while touring Europe.\n\n"
    "Several veteran bands also made the list thanks to reunion concerts.\n"
)


def test_one_question_of_two_subjects_gets_each_subjects_sentence(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"earnings.txt": EARNINGS})
    answer = service.ask(Question("How much did Jo Vale and Tam Rees each earn in 2004?"))
    assert not answer.refused, answer.answer
    assert "$56.5m" in answer.answer and "$41.2m" in answer.answer, answer.answer


# The second part's names are only in the first article, which gives no figure for them;
# another story's payment is the one sentence of the part's kind.
SPONSORED = EARNINGS.replace(
    "Several veteran bands", "Kesto Bank sponsored the Harbour tour. Several veteran bands"
)
OTHER_DEAL = (
    "Harlow Bank pays for Lintel tour\n\n"
    "Harlow Bank paid $40m to sponsor the Lintel tour, its chief executive said.\n\n"
    "Lintel makes accounting programs for small shops.\n"
)


def test_a_part_gets_no_sentence_of_a_story_that_does_not_name_it(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"earnings.txt": SPONSORED, "deal.txt": OTHER_DEAL})
    answer = service.ask(
        Question(
            "How much did Jo Vale earn in 2004, and how much did Kesto Bank pay to sponsor the "
            "Harbour tour?"
        )
    )
    assert not answer.refused, answer.answer
    assert "$56.5m" in answer.answer, answer.answer
    # (Harlow Bank's payment is another bank's: the part is left unanswered, not mis-cited)
    assert all("Harlow" not in c.quote for c in answer.citations), answer.answer
