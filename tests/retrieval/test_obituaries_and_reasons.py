"""Six near-misses of the kind news invites, over made-up articles (real index, real model):
an obituary that gives an age and no cause, where he died and not where he was born, or where
she was born and not where she died; an age given to the person just named (not to the one the
question asks about); a departure whose article says no reason was given; and a refusal to sell
that the article states without a cause. Each article answers another question, asked beside
it, so that the refusal is the check's and not retrieval's."""

from __future__ import annotations

from typing import Any

import pytest

from service.answering import Question

ARTICLES = {
    "obituary.txt": (
        "Veteran actor Jo Hale dies\n\n"
        "Veteran stage actor Jo Hale, who was nominated for a Tony award in 1961, has died at "
        "the age of 85. Hale appeared in more than 40 films and starred in the original run "
        "of the musical Glass Town. Hale, whose Oscar nomination was for the film Kell Road, "
        "died at his home in Brighton, Sussex, a spokesman said.\n"
    ),
    "trial.txt": (
        "Producer faces civil action\n\n"
        "Record producer Tim Reid is facing legal action from the family of singer Ann Lee. Ann "
        "Lee was found dead at his mansion in Surrey in March 2003. The family accuses Mr Reid "
        "of causing her death. Mr Reid is currently free on bail and is awaiting trial. The "
        "64-year-old record producer has denied the charge, saying her death was an accident.\n"
    ),
    "play.txt": (
        "Rowe quits Glass Town revival\n\n"
        "Actor Dan Rowe has pulled out of the West End revival of the musical Glass Town, a "
        "month before it opens at the Old Vic. No reason was given for Rowe's departure. The "
        "role will be played by his understudy, Sam Cole, until Ben Price joins the cast in "
        "June.\n"
    ),
    "portrait.txt": (
        "Gallery fails to buy Orbis portrait\n\n"
        "The Velia Gallery raised £12.5m to buy the Portrait of Orbis by Jo Renner, but the "
        "owner refused to sell it to the gallery. The painting has been held in storage "
        "since.\n"
    ),
    "playwright.txt": (
        "Tull play wins Hexley prize\n\n"
        "Playwright Sam Tull has won the Hexley drama prize for his play Quiet Waters. Tull was "
        "born in Kell, a mining town, in 1950 and wrote his first play at school.\n"
    ),
    "conductor.txt": (
        "Opera conductor Lia Marne dies\n\n"
        "Lia Marne, music director of the Orbis opera house, has died aged 50. Marne was born in "
        "Switzerland and studied the piano at the Kell Conservatory. Her last public performance "
        "was in Vienna in February, when she conducted Glass Town.\n"
    ),
    "painter.txt": (
        "Painter Tom Vey dies in Lisbon\n\n"
        "The painter Tom Vey, known for his harbour scenes, died in Lisbon on Sunday, his family "
        "said. Vey had lived in Portugal since 1990.\n"
    ),
    "exhibition.txt": (
        "Curator quits spring show\n\n"
        "Curator Ana Roe has pulled out of the Velia Gallery's spring exhibition because of a "
        "knee injury. Her deputy will open the show in April.\n"
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

    tmp = tmp_path_factory.mktemp("obituaries")
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


def test_an_obituary_without_a_cause(service: Any) -> None:
    age = service.ask(Question("How old was the actor Jo Hale when he died?"))
    assert not age.refused and "85" in age.answer, age.answer
    assert service.ask(Question("What did the actor Jo Hale die of?")).refused


def test_an_obituary_gives_where_he_died_not_where_he_was_born(service: Any) -> None:
    born = service.ask(Question("In which town was the playwright Sam Tull born?"))
    assert not born.refused and "Kell" in born.answer, born.answer
    hale = service.ask(Question("In which English town was Oscar-nominated actor Jo Hale born?"))
    assert hale.refused, hale.answer


def test_an_obituary_gives_where_she_was_born_not_where_she_died(service: Any) -> None:
    vey = service.ask(Question("In which city did the painter Tom Vey die?"))
    assert not vey.refused and "Lisbon" in vey.answer, vey.answer
    marne = service.ask(Question("In which city did the conductor Lia Marne die?"))
    assert marne.refused, marne.answer


def test_an_age_given_to_the_person_just_named(service: Any) -> None:
    # "The 64-year-old" after "Mr Reid is … awaiting trial" is the producer's age
    reid = service.ask(Question("How old is record producer Tim Reid?"))
    assert not reid.refused and "64" in reid.answer, reid.answer
    lee = "How old was singer Ann Lee when she was found dead at Tim Reid's mansion?"
    assert service.ask(Question(lee)).refused


def test_a_departure_whose_reason_was_not_given(service: Any) -> None:
    who = "Who will replace Dan Rowe in the Glass Town revival until Ben Price joins?"
    answer = service.ask(Question(who))
    assert not answer.refused and "Sam Cole" in answer.answer, answer.answer
    assert service.ask(Question("Why did Dan Rowe pull out of the Glass Town revival?")).refused


def test_a_why_question_needs_a_stated_cause(service: Any) -> None:
    # (probe77) "the owner refused to sell it" states the act, not why
    refusal = "Why did the owner of the Portrait of Orbis refuse to sell it to the Velia Gallery?"
    assert service.ask(Question(refusal)).refused
    why = service.ask(Question("Why did curator Ana Roe pull out of the spring exhibition?"))
    assert not why.refused and "knee injury" in why.answer, why.answer
