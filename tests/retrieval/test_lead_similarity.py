"""A sentence that shares the question's words but not its meaning leads no answer (real index,
real model).

A made-up article on a software-patent law, with a list of gadgets beside it: asked who invented
the telephone, the words "invent" ("Inventions Directive") and "telephone" are there, the
meaning is not (offtopic0's question, answered before the check with the directive's
sentence). The same question with the check off shows that it is the check that refuses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

ARTICLES = {
    "patents.txt": (
        "MEPs reject software patent law\n\n"
        "The Legal Affairs Committee (JURI) said the Commission should re-submit the Computer "
        "Implemented Inventions Directive after MEPs failed to back it. Critics said the law "
        "would let big firms patent ideas that smaller developers use every day.\n"
    ),
    "gadgets.txt": (
        "Pocket radio tops gadget poll\n\n"
        "The transistor radio has been voted the greatest gadget of the past century by readers "
        "of a technology magazine. Gadgets which could be said to feature surprisingly low down "
        "in the list include the original telephone, the television and the video recorder.\n"
    ),
}


def test_shared_words_without_shared_meaning_are_no_answer(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over(ARTICLES)
    # (the short-question check refuses it too, for "telephone": off here)
    service.settings = service.settings.model_copy(update={"term_min_similarity": 0.0})
    question = Question("Who invented the telephone?")
    answer = service.ask(question)
    assert answer.refused, answer.answer
    service.settings = service.settings.model_copy(update={"lead_min_similarity": 0.0})
    unchecked = service.ask(question)
    assert not unchecked.refused and "Inventions Directive" in unchecked.answer, unchecked.answer
