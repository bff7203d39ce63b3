"""A question about one match and an article reporting two (real index, real model): a result
against another opponent ("a 6-1 6-1 win over Ed Lamb") is no answer to the score of the match
the question names, nor says who beat whom in another semi-final."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

ARTICLES = {
    "velia.txt": (
        "Vey stuns top seed in Velia\n\n"
        "American Jo Vey reached the final of the Velia hardcourt event with a crushing 6-1 6-1 "
        "win over Argentine Ed Lamb. Vey had knocked out top seed Sam Tull in the "
        "quarter-finals. The top seed was a strong favourite for the title but went down 7-6 "
        "(7-4) 6-3 to the American. In the women's event, Kim Roe beat Ann Lott 6-3 6-2 to "
        "reach the final.\n"
    ),
}


def test_the_score_of_the_match_the_question_names(extractive_over: Callable[..., Any]) -> None:
    service = extractive_over(ARTICLES)
    question = "What was the score when Jo Vey knocked top seed Sam Tull out of the Velia event?"
    answer = service.ask(Question(question))
    assert not answer.refused and "7-6" in answer.answer, answer.answer
    assert "Ed Lamb" not in answer.answer.split("[1]")[0], answer.answer


def test_who_beat_a_player_the_articles_do_not_say(extractive_over: Callable[..., Any]) -> None:
    service = extractive_over(ARTICLES)
    assert service.ask(Question("Who beat Mia Kerr in the Velia semi-finals?")).refused
