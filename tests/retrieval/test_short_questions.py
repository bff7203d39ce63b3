"""A short question is answered only by a sentence holding each of its words, or one close in
meaning (real index, real model).

Made-up articles: a mining firm's South Australian mine, and the IMF's boss. "What is the
capital of Australia?" shares only "Australia" with the mine's sentence (offtopic0's question,
answered before from it); "Who is the head of the IMF?" is answered by "IMF boss …" ("boss"
is close to "head"). The same questions with the check off show that it is the check that
refuses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

ARTICLES = {
    "mine.txt": (
        "Miner bids for Australian rival\n\n"
        "The firm owns the Olympic Dam mine in South Australia, which holds about a third of the "
        "world's known uranium. Its shares rose 3% in Sydney after the bid for its Australian "
        "rival was announced.\n"
    ),
    "imf.txt": (
        "IMF warns on debt\n\n"
        "IMF boss Rodrigo Rato was asked by finance ministers to study how debt relief for poor "
        "countries could be paid for. The fund said its gold reserves could be used.\n"
    ),
}


def test_a_short_question_needs_each_of_its_words(extractive_over: Callable[..., Any]) -> None:
    service = extractive_over(ARTICLES)
    capital = Question("What is the capital of Australia?")
    assert service.ask(capital).refused
    head = service.ask(Question("Who is the head of the IMF?"))
    assert not head.refused and "Rodrigo Rato" in head.answer, head.answer
    service.settings = service.settings.model_copy(update={"term_min_similarity": 0.0})
    unchecked = service.ask(capital)
    assert not unchecked.refused and "South Australia" in unchecked.answer, unchecked.answer
