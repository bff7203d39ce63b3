"""An undated article that states no year is about its collection's time (real index, real
model).

Made-up undated reports: the Oscars (no year anywhere in it) beside three that state 2004 and
2005 (and one 1971: a year stated less than half as often is not the collection's time).
Asked who won best picture "in 2005", the Oscars report answers; asked the same "in 2020",
it does not (offtopic2's question, answered before from the 2005 Oscars)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

ARTICLES = {
    "oscars.txt": (
        "Baby wins top Oscar\n\n"
        "Million Dollar Baby won best picture at the Oscars on Sunday, while its director "
        "Clint Eastwood won best director. Hilary Swank won best actress for her role as a "
        "boxer.\n"
    ),
    "cinema.txt": (
        "Cinema visits rise\n\n"
        "UK cinema admissions rose to 171 million in 2004, the highest since 1971, and "
        "distributors expect a further rise in 2005.\n"
    ),
    "dvd.txt": (
        "DVD sales climb\n\n"
        "Sales of DVDs rose by 10% in 2004, and retailers expect 2005 to be another record year "
        "for the format.\n"
    ),
    "music.txt": (
        "Album sales dip\n\n"
        "Album sales fell by 2% in 2004, and the industry hopes downloads will lift them in "
        "2005.\n"
    ),
}


def test_a_year_far_from_the_collections_time_is_not_an_undated_articles(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over(ARTICLES)
    assert service.term_stats.era() == frozenset({"2004", "2005"})
    then = service.ask(Question("Which film won best picture at the Oscars in 2005?"))
    assert not then.refused and "Million Dollar Baby" in then.answer, then.answer
    now = Question("Which film won best picture at the Oscars in 2020?")
    assert service.ask(now).refused
    # without a time of its own, the undated report was taken to be about any year
    service.term_stats._era = frozenset()
    assert not service.ask(now).refused


DATED = {
    f"{topic}.txt": f"{topic.title()} sales up\n\nPublished: 2025-03-0{day}\n\n"
    f"{topic.title()} sales rose in 2025, after a slow 2024, and makers expect 2025 to end at "
    "a record.\n"
    for day, topic in enumerate(["car", "phone", "chip", "game"], start=1)
}


def test_dated_articles_years_are_not_the_undated_ones_time(
    extractive_over: Callable[..., Any],
) -> None:
    """Mixed with articles dated 2025 (review68: their years made the undated Oscars report
    one of 2025's), the undated articles' time is still their own."""
    service = extractive_over({**ARTICLES, **DATED})
    assert service.index.documents.get("car").published.year == 2025
    assert service.term_stats.era() == frozenset({"2004", "2005"})
    then = service.ask(Question("Which film won best picture at the Oscars in 2005?"))
    assert not then.refused and "Million Dollar Baby" in then.answer, then.answer
    assert service.ask(Question("Which film won best picture at the Oscars in 2025?")).refused
