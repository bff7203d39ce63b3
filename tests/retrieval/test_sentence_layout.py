"""Sentences read by the layout their chunk record carries are the stored sentences: the same
spans and vectors as the read through the sentence records' metadata, and a chunk whose
sentences are not all stored is read the old way."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.config import Settings
from service.sentence_store import LAYOUT_KEY, SpanKey, decode_layout, sentence_id


class CountingCollection:
    """The sentence collection, counting the reads that ask for metadata."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.metadata_reads = 0
        self.reads = 0

    def get(self, **kwargs: Any) -> Any:
        self.reads += 1
        self.metadata_reads += "metadatas" in kwargs.get("include", [])
        return self.inner.get(**kwargs)


def chunk_keys(index: Any, layouts: bool) -> list[SpanKey]:
    """Every chunk of ``index`` as a ``SpanKey``, with its layout when ``layouts``."""
    got = index.chunk_collection.get(include=["metadatas"])
    return [
        SpanKey(
            cid,
            str(m["ref_doc_id"]),
            int(m["start"]),
            int(m["end"]),
            decode_layout(m.get(LAYOUT_KEY), int(m["start"])) if layouts else None,
        )
        for cid, m in zip(got["ids"], got["metadatas"], strict=True)
    ]


def test_every_chunk_record_carries_the_spans_of_its_sentence_records(sample_index: Any) -> None:
    keys = chunk_keys(sample_index, layouts=True)
    assert keys and all(k.layout for k in keys)
    for k in keys:
        assert k.layout is not None
        got = sample_index.sentence_store.collection.get(
            ids=[sentence_id(k.chunk_id, i) for i in range(len(k.layout) + 1)],
            include=["metadatas"],
        )
        stored = sorted((m["position"], m["start"], m["end"]) for m in got["metadatas"])
        assert [(s, e) for _, s, e in stored] == list(k.layout)  # no more, no fewer


def test_the_layout_read_gives_the_same_sentences_without_their_metadata(
    sample_index: Any,
) -> None:
    store = sample_index.sentence_store
    old = store.for_chunks(chunk_keys(sample_index, layouts=False))
    counting = CountingCollection(store.collection)
    store.collection = counting
    try:
        new = store.for_chunks(chunk_keys(sample_index, layouts=True))
    finally:
        store.collection = counting.inner
    assert counting.reads == 1 and counting.metadata_reads == 0
    assert new.keys() == old.keys() and len(new) == sample_index.chunk_collection.count()
    for chunk_id, sentences in new.items():
        assert sentences.spans == old[chunk_id].spans
        assert np.array_equal(sentences.vectors, old[chunk_id].vectors)


def test_a_chunk_whose_sentences_are_not_all_stored_is_read_the_old_way(
    sample_index: Any,
) -> None:
    store = sample_index.sentence_store
    key = chunk_keys(sample_index, layouts=True)[0]
    assert key.layout is not None
    expected = store.for_chunks([SpanKey(key.chunk_id, key.doc_id, key.start, key.end)])
    # A layout naming one sentence more than is stored (a record lost to a killed run): the
    # layout read cannot give every sentence, so the metadata read decides.
    longer = (*key.layout, (key.end - 1, key.end))
    counting = CountingCollection(store.collection)
    store.collection = counting
    try:
        got = store.for_chunks([SpanKey(key.chunk_id, key.doc_id, key.start, key.end, longer)])
    finally:
        store.collection = counting.inner
    assert counting.metadata_reads >= 1
    assert got[key.chunk_id].spans == expected[key.chunk_id].spans == list(key.layout)


def test_search_passes_the_layouts_it_read(sample_settings: Settings, embed_model: Any) -> None:
    from service.index import open_index
    from service.retrieval import Retriever

    index = open_index(
        sample_settings.model_copy(update={"sentence_cache_chunks": 0}), embed_model=embed_model
    )
    counting = CountingCollection(index.sentence_store.collection)
    index.sentence_store.collection = counting
    passages = Retriever(index).search("Who did Microsoft President Brad Smith meet?", 5, None)
    assert passages and counting.reads >= 1
    assert counting.metadata_reads == 0  # every re-ranked passage came with its layout
