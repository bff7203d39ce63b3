"""Near-identical passages of near-duplicate articles take one place (service/retrieval.py)."""

from __future__ import annotations

from service.retrieval import drop_twins
from service.schemas import Passage

SLIM = (
    "Sony PlayStation 2's slimmer shape has proved popular with UK gamers, with 50,000 sold "
    "in its first week on sale. The figures mean Sony is reaching the seven million barrier "
    "for UK sales of the console. Although Xbox sales over the last week also climbed, PS2 "
    "sales were more than double that."
)


def passage(doc_id: str, text: str) -> Passage:
    return Passage(
        passage_id=f"{doc_id}#0",
        doc_id=doc_id,
        title=doc_id,
        published=None,
        start=0,
        end=len(text),
        text=text,
        score=0.5,
    )


def test_a_twin_passage_gives_its_place_to_the_next_one() -> None:
    first = passage("tech/178", SLIM)
    twin = passage("tech/130", SLIM.replace("slimmer", "slim"))  # one word changed
    other = passage("tech/203", "PlayStation 2 titles took 47% of the money spent on games.")
    assert [p.doc_id for p in drop_twins([first, twin, other])] == ["tech/178", "tech/203"]


def test_two_reports_of_one_story_in_other_words_both_stay() -> None:
    a = passage("000", "Microsoft's Brad Smith met China's commerce minister Wang Wentao.")
    b = passage("001", "China's commerce minister met Microsoft president Brad Smith in Beijing.")
    assert drop_twins([a, b]) == [a, b]


def test_an_updated_figure_or_a_negation_makes_no_twin() -> None:
    first = passage("tech/178", SLIM)
    updated = passage("tech/130", SLIM.replace("50,000", "60,000"))
    negated = passage("tech/131", SLIM.replace("has proved", "has not proved"))
    assert drop_twins([first, updated, negated]) == [first, updated, negated]
