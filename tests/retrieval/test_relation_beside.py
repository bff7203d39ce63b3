"""A date or an amount answers only beside the question's relation (real index, real model).

A made-up article gives the price a portrait fetched at auction, that a collector later bought
it from a dealer (no price), and the day a guard was abducted. Asked what the collector paid the
dealer, the service refuses instead of answering with the auction price; asked the auction
price, or the day the guard was kidnapped (the article's word is "abducted"), it answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

OMAI = (
    "Portrait of Omai goes on show in Leeds\n\n"
    "Portrait of Omai fetched £10.3m when it was sold at auction in 2001, a record for a "
    "British painting. An unnamed collector later bought the painting from a London dealer, "
    "and has now lent it to Leeds Art Gallery.\n\n"
    "The gallery's night guard, Tom Vell, was abducted outside the building on 19 October and "
    "released unharmed two days later.\n\n"
    "The painting will go on show at the gallery on 4 March.\n"
)


def test_an_amount_beside_another_relation_is_no_answer(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"omai.txt": OMAI})
    paid = service.ask(
        Question("How much did the unnamed collector pay the London dealer for Portrait of Omai?")
    )
    assert paid.refused, paid.answer
    # the same amount answers what it sits beside
    auction = service.ask(Question("How much did Portrait of Omai fetch at auction in 2001?"))
    assert not auction.refused and "£10.3m" in auction.answer, auction.answer
    # a word close in meaning is the relation too ("abducted" for "kidnapped": no word of the
    # question is beside the date)
    kidnapped = service.ask(Question("On what date was Tom Vell kidnapped?"))
    assert not kidnapped.refused and "19 October" in kidnapped.answer, kidnapped.answer


def test_words_close_in_meaning_count_only_as_close_as_the_setting_says(
    extractive_over: Callable[..., Any],
) -> None:
    # above 1, only the question's own words are its relation: "abducted" is not "kidnapped"
    service = extractive_over({"omai.txt": OMAI})
    service.settings = service.settings.model_copy(update={"relation_min_similarity": 1.01})
    kidnapped = service.ask(Question("On what date was Tom Vell kidnapped?"))
    assert kidnapped.refused, kidnapped.answer
