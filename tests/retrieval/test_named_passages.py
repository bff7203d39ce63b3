"""A question's name that only another chunk of a retrieved article holds (real index, real
model): the article's passage holding it is read too, so the question is anchored and
answered (``Retriever.with_named``); a name no retrieved article holds is still
missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import AnswerService, Question
from service.llm.extractive import ExtractiveGenerator

# Two chunks (256 tokens each): the stadium's park is named only in the second, which the
# question's other words (the club, the tycoon, the offer) do not bring up first.
FILLER = (
    "The Orbis board has met the bidder several times this winter, and the chairman said the "
    "talks had been friendly but slow. Supporters have marched twice outside the ground, and "
    "the club's accounts show debts that have grown every year since the last title. "
)
CLUB = (
    "Orbis stadium plans stall\n\n"
    "Orbis chairman Rick Parr says tycoon Sam Morgan remains the club's preferred investor, "
    "after Morgan publicly withdrew his offer for a stake in the club last month. "
    + FILLER
    * 6
    + "The club must still deliver the new 60,000-seat stadium in Velby Park by 2007, amid "
    "claims that its costs will spiral well above the first estimate. " + FILLER * 2
)


def test_a_name_in_another_chunk_of_the_article_is_read(
    extractive_over: Callable[..., Any],
) -> None:
    built = extractive_over({"club.txt": CLUB})
    doc_chunks = built.index.get_document("club").chunks
    assert doc_chunks >= 2
    # (the best article's other chunks are not read here: ``with_named`` alone is tested;
    # tests/retrieval/test_article_passages.py tests ``with_articles``)
    service = AnswerService(
        built.settings.model_copy(update={"article_passages": 0}),
        built.index,
        ExtractiveGenerator(),
    )
    answer = service.ask(
        Question(
            "How many seats will the Orbis stadium in Velby Park that Rick Parr must deliver "
            "hold, after tycoon Sam Morgan withdrew his offer?",
            top_k=1,
        )
    )
    assert not answer.refused, answer.refusal_reason
    assert "60,000" in answer.answer
    assert any("Velby Park" in c.quote for c in answer.citations)
    # a name the article does not hold is still missing
    missing = service.ask(
        Question(
            "How many seats will the Orbis stadium in Kelso Park that Rick Parr must deliver "
            "hold, after tycoon Sam Morgan withdrew his offer?",
            top_k=1,
        )
    )
    assert missing.refused
    assert "Kelso Park" in (missing.refusal_reason or "")


def test_a_name_is_held_as_a_phrase() -> None:
    from service.retrieval import _holds_name

    assert _holds_name("the new stadium in Velby\nPark by 2007", "Velby Park")
    # (its words apart are not the name: review77)
    assert not _holds_name("Park officials met Velby Morgan.", "Velby Park")


def test_a_named_passage_keeps_to_the_requests_dates(
    extractive_over: Callable[..., Any],
) -> None:
    """The article's passage holding the missing name is searched with the request's dates
    (review87: only its id was kept); an undated article matches no date filter."""
    from datetime import date

    from service.schemas import Filters

    service = extractive_over({"club.txt": CLUB})
    question = (
        "How many seats will the Orbis stadium in Velby Park that Rick Parr must deliver "
        "hold, after tycoon Sam Morgan withdrew his offer?"
    )
    vector = service.index.embed_query(question)
    # (a passage of the article without the name, as retrieval may rank first)
    passages = [
        p for p in service.retriever.search(question, 5, vector=vector) if "Velby" not in p.text
    ][:1]
    assert passages
    found = service.retriever.with_named(passages, ["Velby Park"], question, vector)
    assert any("Velby Park" in p.text for p in found[len(passages) :])
    dated = Filters(published_after=date(2000, 1, 1))
    assert service.retriever.with_named(passages, ["Velby Park"], question, vector, dated) == (
        passages
    )
