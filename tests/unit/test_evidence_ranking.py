"""Evidence ranking: the names a sentence's passage holds count for ranking, not for refusal."""

from __future__ import annotations

import numpy as np

from service.evidence import EvidenceScorer
from service.schemas import Passage
from service.sentence_store import ChunkSentences

TEXT = "Ana Ruiz has left her publisher Penfold. Her first novel was The Salt Road."


class OnePassageIndex:
    """Stands in for ``NewsIndex.sentences_of``: the passage's two sentences, with one vector
    for both, so that only the lexical part of the score tells them apart."""

    def sentences_of(self, passages: list[Passage]) -> dict[str, ChunkSentences]:
        cut = TEXT.index(" Her") + 1
        vector = np.ones((1, 4), dtype=np.float32) / 2.0
        return {
            p.passage_id: ChunkSentences(
                spans=[(0, cut - 1), (cut, len(TEXT))], vectors=np.vstack([vector, vector])
            )
            for p in passages
        }


PASSAGE = Passage(
    passage_id="p1",
    doc_id="d1",
    title="Novelist leaves Penfold",
    published=None,
    start=0,
    end=len(TEXT),
    text=TEXT,
    score=0.5,
)


def rank(named: frozenset[str]) -> list[tuple[str, float, float]]:
    passage = PASSAGE
    scorer = EvidenceScorer(OnePassageIndex(), lexical_weight=0.6)  # type: ignore[arg-type]
    weights = {"ana": 1.0, "ruiz": 1.0, "first": 1.0, "novel": 1.0}
    ranked = scorer.rank(
        "What was Ana Ruiz's first novel?", [0.5] * 4, [passage], weights=weights, named=named
    )
    return [(c.sentence.text, round(c.score, 4), round(c.threshold_score, 4)) for c in ranked]


def test_a_sentence_that_refers_to_the_passages_names_ranks_by_what_it_says() -> None:
    # Without the passage's names the two tie on the lexical part (two terms of four each)
    # and the one that repeats the names comes first in passage order.
    plain = rank(frozenset())
    assert [round(s, 4) for _, s, _ in plain] == [plain[0][1], plain[0][1]]
    assert plain[0][0].startswith("Ana Ruiz has left")
    # With them, "Her first novel …" holds every term (the names through its passage) and wins.
    ranked = rank(frozenset({"ana", "ruiz"}))
    assert ranked[0][0] == "Her first novel was The Salt Road."
    assert ranked[0][1] > ranked[1][1]


def test_the_refusal_threshold_reads_only_what_the_sentence_says() -> None:
    ranked = {text: (score, bar) for text, score, bar in rank(frozenset({"ana", "ruiz"}))}
    score, threshold = ranked["Her first novel was The Salt Road."]
    assert threshold == round(score - 0.6 * 0.5, 4)  # half the terms are its own
    # a sentence that names them itself gains nothing from its passage
    score, threshold = ranked["Ana Ruiz has left her publisher Penfold."]
    assert threshold == score


def rank_with_proximity(answers: bool) -> dict[str, tuple[float, float, float]]:
    passage = PASSAGE
    scorer = EvidenceScorer(OnePassageIndex(), lexical_weight=0.6)  # type: ignore[arg-type]
    ranked = scorer.rank(
        "What was Ana Ruiz's first novel?",
        [0.5] * 4,
        [passage],
        weights={"ana": 1.0, "ruiz": 1.0, "first": 1.0, "novel": 1.0},
        answers=lambda text: answers,
        proximity=lambda text: 1.0 if "novel" in text else 0.0,
        proximity_weight=0.5,
    )
    return {
        c.sentence.text: (round(c.score, 4), round(c.threshold_score, 4), c.proximity_bonus)
        for c in ranked
    }


def test_proximity_ranks_but_does_not_lower_the_refusal_bar() -> None:
    scores = rank_with_proximity(answers=True)
    score, threshold, bonus = scores["Her first novel was The Salt Road."]
    assert bonus == 0.5
    assert score == round(threshold + 0.5, 4)  # ranking only
    assert scores["Ana Ruiz has left her publisher Penfold."][2] == 0.0


def test_proximity_counts_only_for_a_sentence_holding_the_asked_kind() -> None:
    scores = rank_with_proximity(answers=False)
    assert all(bonus == 0.0 for _, _, bonus in scores.values())
    assert all(score == threshold for score, threshold, _ in scores.values())
