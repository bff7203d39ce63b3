"""A question about one match and an article reporting two (real index, real model): a result
against another opponent ("a 6-1 6-1 win over Ed Lamb") is no answer to the score of the match
the question names, nor says who beat whom in another semi-final."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embed_model: Any) -> Any:
    """An extractive ``AnswerService`` over ``ARTICLES`` (built once for the module)."""
    from service.answering import AnswerService
    from service.config import Settings
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob
    from service.llm.extractive import ExtractiveGenerator

    tmp = tmp_path_factory.mktemp("contests")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(
        _env_file=None,
        chroma_path=tmp / "chroma",
        chroma_host=None,
        llm_provider="extractive",
        lexical_dir=tmp / "lexical",
    )
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [corpus]
    )
    return AnswerService(
        settings, open_index(settings, embed_model=embed_model), ExtractiveGenerator()
    )


def test_the_score_of_the_match_the_question_names(service: Any) -> None:
    question = "What was the score when Jo Vey knocked top seed Sam Tull out of the Velia event?"
    answer = service.ask(Question(question))
    assert not answer.refused and "7-6" in answer.answer, answer.answer
    assert "Ed Lamb" not in answer.answer.split("[1]")[0], answer.answer


def test_who_beat_a_player_the_articles_do_not_say(service: Any) -> None:
    assert service.ask(Question("Who beat Mia Kerr in the Velia semi-finals?")).refused
