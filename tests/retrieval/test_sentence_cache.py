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
    results = []
    for size in (0, 4096):
        settings = sample_settings.model_copy(update={"sentence_cache_chunks": size})
        index = open_index(settings, embed_model=embed_model)
        passages = Retriever(index).search(question, 5, None)
        assert passages
        first = index.sentences_of(passages)
        again = index.sentences_of(passages)  # from the cache when there is one
        assert first.keys() == again.keys() == {p.passage_id for p in passages}
        for key in first:
            assert first[key].spans == again[key].spans
            assert np.array_equal(first[key].vectors, again[key].vectors)
        cached = [index._sentence_cache.get(key) is not None for key in first]
        assert all(cached) if size else (len(index._sentence_cache) == 0 and not any(cached))
        results.append(first)
    off, on = results
    assert off.keys() == on.keys()
    for key in off:
        assert off[key].spans == on[key].spans
        assert np.allclose(off[key].vectors, on[key].vectors)
