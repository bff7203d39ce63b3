"""The sentence cache is an optimisation only: the same stored sentences with it or without it."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.config import Settings


def test_sentences_are_the_same_with_and_without_the_cache(
    sample_settings: Settings, embed_model: Any
) -> None:
    from service.index import open_index
    from service.retrieval import Retriever

    question = "Who did Microsoft President Brad Smith meet in China?"
    off = open_index(
        sample_settings.model_copy(update={"sentence_cache_chunks": 0}), embed_model=embed_model
    )
    on = open_index(
        sample_settings.model_copy(update={"sentence_cache_chunks": 4096}),
        embed_model=embed_model,
    )
    passages = Retriever(off).search(question, 5, None)
    assert passages
    fresh = off.sentences_of(passages)  # read from Chroma (nothing is ever cached)
    assert len(off._sentence_cache) == 0
    on.sentences_of(passages)  # fills the cache
    cached = on.sentences_of(list(reversed(passages[1:])))  # a reordered subset, from it
    assert all(on._sentence_cache.get(p.passage_id) is not None for p in passages)
    assert cached.keys() == {p.passage_id for p in passages[1:]}
    for key, stored in cached.items():
        assert stored.spans == fresh[key].spans
        assert np.array_equal(stored.vectors, fresh[key].vectors)
