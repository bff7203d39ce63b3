"""Evidence selection and "also reported by" (service/evidence.py ``select_evidence``)."""

from __future__ import annotations

import random
import re

import numpy as np

from service.evidence import ScoredSentence, Sentence, find_word, select_evidence


def scored(doc_id: str, text: str, score: float, vector: list[float]) -> ScoredSentence:
    v = np.asarray(vector, dtype=np.float32)
    sentence = Sentence(doc_id, doc_id, None, f"{doc_id}::0", 0, len(text), text)
    return ScoredSentence(sentence, score, score, 0.0, v / np.linalg.norm(v))


STORIES = {"a/1": "a/1", "b/7": "a/1", "c/3": "c/3"}


def same_story(x: str, y: str) -> bool:
    return STORIES[x] == STORIES[y]


def test_a_same_story_article_stating_the_same_fact_is_cited_beside_the_first() -> None:
    first = scored("a/1", "The ministers met in Geneva on 3 May.", 1.2, [1, 0.05, 0])
    same = scored("b/7", "The two ministers met in Geneva on 3 May.", 1.1, [1, 0.07, 0])
    other = scored("a/1", "Talks lasted four hours.", 1.0, [0, 1, 0])
    evidence = select_evidence(
        [first, same, other],
        count=2,
        min_score=0.5,
        same_fact_similarity=0.8,
        same_story=same_story,
    )
    assert [e.sentence.doc_id for e in evidence] == ["a/1", "a/1"]
    assert evidence[0].also == (same.sentence,)
    assert evidence[1].sentence.text == "Talks lasted four hours."
    # each quote's stored vector travels with it, for verification
    assert evidence[0].known_vectors().keys() == {first.sentence.text, same.sentence.text}
    assert evidence[0].known_vectors()[same.sentence.text] is same.vector


def test_a_similar_sentence_of_an_unrelated_story_is_not_an_also_report() -> None:
    first = scored("a/1", "The ministers met in Geneva on 3 May.", 1.2, [1, 0.05, 0])
    unrelated = scored("c/3", "Ministers met in Geneva on 3 May.", 1.1, [1, 0.06, 0])
    evidence = select_evidence(
        [first, unrelated],
        count=2,
        min_score=0.5,
        same_fact_similarity=0.8,
        same_story=same_story,
    )
    assert [e.also for e in evidence] == [(), ()]
    assert [e.sentence.doc_id for e in evidence] == ["a/1", "c/3"]


def test_the_same_story_with_a_different_fact_takes_its_own_slot() -> None:
    first = scored("a/1", "The ministers met in Geneva on 3 May.", 1.2, [1, 0, 0])
    differs = scored("b/7", "The talks ended without a deal.", 1.1, [0.2, 1, 0])
    evidence = select_evidence(
        [first, differs],
        count=2,
        min_score=0.5,
        same_fact_similarity=0.8,
        same_story=same_story,
    )
    assert [e.also for e in evidence] == [(), ()]
    assert len(evidence) == 2


def test_without_story_groups_the_cosine_alone_decides() -> None:
    first = scored("a/1", "The ministers met in Geneva on 3 May.", 1.2, [1, 0.05, 0])
    unrelated = scored("c/3", "Ministers met in Geneva on 3 May.", 1.1, [1, 0.06, 0])
    evidence = select_evidence([first, unrelated], count=2, min_score=0.5, same_fact_similarity=0.8)
    assert evidence[0].also == (unrelated.sentence,)
    assert len(evidence) == 1


def test_the_answer_to_a_second_part_is_kept_below_the_margin() -> None:
    # "How tall is Emiew, and how tall is Asimo?": the second answer resembles the question
    # much less than the first; it is required, other sentences still need the margin.
    lead = scored("a/1", "Emiew is 1.3m tall.", 1.5, [1, 0, 0])
    second = scored("c/3", "Asimo is 130cm tall.", 0.9, [0, 1, 0])
    weak = scored("a/1", "Emiew was shown on Friday.", 0.9, [0, 0, 1])
    kept = select_evidence(
        [lead, second, weak], count=3, min_score=1.1, same_fact_similarity=0.9, required=2
    )
    assert [e.sentence.text for e in kept] == [lead.sentence.text, second.sentence.text]
    dropped = select_evidence(
        [lead, second, weak], count=3, min_score=1.1, same_fact_similarity=0.9
    )
    assert [e.sentence.text for e in dropped] == [lead.sentence.text]


def test_find_word_is_the_whole_word_regex() -> None:
    """``find_word`` (hand-written to spare a regex compilation per new word) finds what
    ``(?<![A-Za-z0-9])word(?![A-Za-z0-9])`` finds, from any start, over random text."""
    rng = random.Random(20261204)
    alphabet = "ab1 -'’.éÉ_\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        word = "".join(rng.choice("ab1é") for _ in range(rng.randint(1, 3)))
        start = rng.randint(0, len(text))
        m = re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])").search(text, start)
        assert find_word(text, word, start) == (m.start() if m else -1), (text, word, start)
    assert find_word("Abbey", "") == -1
