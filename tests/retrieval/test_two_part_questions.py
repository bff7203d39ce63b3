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
