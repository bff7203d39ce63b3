"""Two-part questions ("How long did X take, and how many Y now?"): how well each candidate
sentence answers one part, and which part the lead sentence answers.

Pure functions over already-scored candidates (no model, no index): the answering pipeline
embeds each part once and passes its vector in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from service.answerability import Focus, holds_kind, names_what_is_counted, slot_proximity
from service.evidence import ScoredSentence, content_words, weighted_overlap


def part_scores(
    focus: Focus,
    part_vector: Sequence[float],
    candidates: Sequence[ScoredSentence],
    *,
    lexical_weight: float,
    is_common: Callable[[str], bool],
    proximity_weight: float = 0.0,
) -> dict[int, float]:
    """How well each candidate (by ``id``) answers one part (``focus`` is the part's own,
    ``part_vector`` the part's embedding): it must hold the part's kind of fact (and counted
    thing); its score is its similarity to the part, not to the whole question, plus the
    part's weighted term overlap, plus ``proximity_weight`` times how close an item of the
    part's kind sits to the part's own relation terms (``slot_proximity``, as the whole
    question's ranking adds it). The part is read on its own: "how many customers did it
    lose in January" is closer to "a net loss of 58,000 customers in January" than to the
    sentence that resembles the whole question's context, and "30,000 passengers were
    stranded" answers "how many passengers were left stranded" better than "stranding
    passengers in as many as 119 airports"."""
    kind, weights, part = focus.kind, focus.weights, focus.question
    named = frozenset(w for run in focus.names for w in content_words(run))
    relation = {t: w for t, w in weights.items() if t not in named}
    q = np.asarray(part_vector, dtype=np.float32)

    def near(text: str) -> float:
        if not proximity_weight:
            return 0.0
        return proximity_weight * slot_proximity(text, kind, part, relation, is_common)

    return {
        id(c): float(np.asarray(c.vector, dtype=np.float32) @ q)
        + lexical_weight * weighted_overlap(weights, c.sentence.text)
        + near(c.sentence.text)
        for c in candidates
        if kind is None
        or (
            holds_kind(c.sentence.text, kind, part, is_common)
            and names_what_is_counted(c.sentence.text, part)
        )
    }


def lead_part(scores: Sequence[dict[int, float]], lead: int, margin: float) -> int | None:
    """The part the lead (by ``id``) answers: among the parts whose best score it falls short
    of by at most ``margin``, the one it falls least short of. None when it is far from the
    best of every part: it then only leads, and each part gets its own best sentence. (Its
    raw score is not compared across parts: one part's sentences may all score higher.)"""
    fits = {
        i: part[lead] - max(part.values())
        for i, part in enumerate(scores)
        if lead in part and part[lead] >= max(part.values()) - margin
    }
    return max(fits, key=fits.__getitem__, default=None)
