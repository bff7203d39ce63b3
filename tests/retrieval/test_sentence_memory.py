"""The sentence vectors in memory are the stored ones: the same spans and vectors as a read from
Chroma for every chunk, the same search results, no Chroma read for a chunk the copy holds,
and chunks written after the copy was read are read from Chroma until the copy is read again
(real Chroma, the real model)."""

from __future__ import annotations

import gc
import shutil
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from service import sentence_memory
from service.config import Settings
from service.index import NewsIndex, open_index
from service.ingestion.pipeline import IngestJob
from service.retrieval import Retriever
from service.sentence_memory import SentenceMatrix, SentenceMemory
from service.sentence_store import SpanKey
from tests.retrieval.test_sentence_layout import CountingCollection, chunk_keys


def _memory(index: NewsIndex, refresh_seconds: float = 3600.0) -> SentenceMemory:
    return SentenceMemory(
        index.sentence_store.collection, index.generation, refresh_seconds=refresh_seconds, page=7
    )


def test_the_copy_holds_every_chunk_with_the_stored_spans_and_vectors(sample_index: Any) -> None:
    keys = chunk_keys(sample_index, layouts=True)
    memory = _memory(sample_index)  # pages of 7 records: chunks span pages
    assert memory.snapshot is None and memory.lookup(keys) == {}
    memory.build()
    assert memory.state == "ready"
    from_chroma = sample_index.sentence_store.for_chunks(
        [SpanKey(k.chunk_id, k.doc_id, k.start, k.end) for k in keys]  # the metadata read
    )
    held = memory.lookup(keys)
    assert held.keys() == from_chroma.keys() and len(held) == len(keys) > 0
    for chunk_id, sentences in held.items():
        assert sentences.spans == from_chroma[chunk_id].spans
        assert np.array_equal(sentences.vectors, from_chroma[chunk_id].vectors)


def test_a_chunk_the_copy_does_not_hold_in_full_is_absent(sample_index: Any) -> None:
    memory = _memory(sample_index)
    memory.build()
    key = chunk_keys(sample_index, layouts=True)[0]
    assert key.layout is not None
    longer = (*key.layout, (key.end - 1, key.end))  # one sentence more than is stored
    assert memory.lookup([SpanKey(key.chunk_id, key.doc_id, key.start, key.end, longer)]) == {}
    assert memory.lookup([SpanKey(key.chunk_id, key.doc_id, key.start, key.end)]) == {}  # no layout
    assert memory.lookup([SpanKey("unknown", key.doc_id, key.start, key.end, key.layout)]) == {}


def test_search_with_the_copy_reads_no_sentence_from_chroma_and_finds_the_same(
    sample_settings: Settings, embed_model: Any
) -> None:
    no_cache = {"sentence_cache_chunks": 0}
    off = open_index(
        sample_settings.model_copy(update={**no_cache, "sentence_vectors_in_memory": False}),
        embed_model=embed_model,
    )
    on = open_index(sample_settings.model_copy(update=no_cache), embed_model=embed_model)
    assert off.sentence_memory is None and on.sentence_memory is not None
    on.sentence_memory.build()
    counting = CountingCollection(on.sentence_store.collection)
    on.sentence_store.collection = counting
    for question in (
        "Who did Microsoft President Brad Smith meet in China?",
        "What did the US and China discuss in Geneva?",
        "AI chips export restrictions",
    ):
        expected = Retriever(off).search(question, 5, None)
        got = Retriever(on).search(question, 5, None)
        assert expected and [(p.passage_id, p.score) for p in got] == [
            (p.passage_id, p.score) for p in expected
        ]
    assert counting.reads == 0


def test_chunks_written_after_the_copy_are_read_from_chroma_until_it_is_read_again(
    make_settings: Callable[..., Settings],
    articles: Path,
    tmp_path: Path,
    embed_model: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]  # the copy's clock: a check falls due only when the test moves it
    monkeypatch.setattr(sentence_memory, "monotonic", lambda: clock[0])
    settings = make_settings(sentence_cache_chunks=0, lexical_dir=tmp_path / "lexical")
    later = tmp_path / "later"
    later.mkdir()
    first = sorted(articles.iterdir())[0]
    shutil.move(first, later / first.name)
    writer = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, writer).run([articles])
    service = open_index(settings, embed_model=embed_model)
    checks: list[tuple[str, str]] = []

    def generation() -> tuple[str, str]:
        checks.append(service.generation())
        return checks[-1]

    memory = service.sentence_memory = SentenceMemory(
        service.sentence_store.collection,
        generation,
        refresh_seconds=settings.lexical_refresh_seconds,
    )
    memory.build()
    before = memory.snapshot
    held = {k.chunk_id for k in chunk_keys(service, layouts=True)}
    assert before is not None and set(before.rows) == held

    IngestJob(settings, writer).run([articles, later])  # one more article, from elsewhere
    new = [k for k in chunk_keys(service, layouts=True) if k.chunk_id not in held]
    assert new and memory.lookup(new) == {}  # not in the copy (no check is due yet)
    counting = CountingCollection(service.sentence_store.collection)
    service.sentence_store.collection = counting
    passages = Retriever(service).search(
        (later / first.name).read_text(encoding="utf-8")[:200], 5, None
    )
    assert {p.passage_id for p in passages} & {k.chunk_id for k in new}
    assert counting.reads == 1  # the new article's chunks, from Chroma

    clock[0] += settings.lexical_refresh_seconds  # a check is due: the next lookup starts it
    memory.lookup(new)
    assert memory.wait(60) and memory.snapshot is not before
    assert memory.lookup(new).keys() == {k.chunk_id for k in new}
    again, looked = memory.snapshot, len(checks)
    clock[0] += 1000  # due again (and past the pause after a read): the index has not changed
    memory.lookup(new)
    assert memory.wait(60) and memory.snapshot is again and len(checks) == looked + 1


def test_the_service_holds_the_copy_and_checks_it_at_most_once_a_second(
    sample_settings: Settings, embed_model: Any
) -> None:
    def memory_of(**update: Any) -> SentenceMemory | None:
        settings = sample_settings.model_copy(update=update)
        return open_index(settings, embed_model=embed_model).sentence_memory

    every_request = memory_of(lexical_refresh_seconds=0.0)
    assert every_request is not None and every_request.refresh_seconds == 1.0
    slower = memory_of(lexical_refresh_seconds=5.0)
    assert slower is not None and slower.refresh_seconds == 5.0
    assert memory_of(sentence_vectors_in_memory=False) is None
    writer = open_index(sample_settings, for_writing=True, embed_model=embed_model)
    assert writer.sentence_memory is None  # the ingest job never holds it


class DeletingCollection:
    """The sentence collection, which deletes a document (as ``DELETE /documents`` does)
    just before its ``at``-th page read; with ``fail``, that read then fails as a read that
    reaches the deleted records may (embedded Chroma's "Error finding id")."""

    def __init__(self, inner: Any, delete: Callable[[], None], *, at: int, fail: bool) -> None:
        self.inner = inner
        self.delete = delete
        self.at = at
        self.fail = fail
        self.gets = 0

    def count(self) -> int:
        return int(self.inner.count())

    def get(self, **kwargs: Any) -> Any:
        self.gets += 1
        if self.gets == self.at:
            self.delete()
            if self.fail:
                from chromadb.errors import InternalError

                raise InternalError("Error finding id")
        return self.inner.get(**kwargs)


@pytest.mark.parametrize("fail", [False, True], ids=["pages-shift", "page-fails"])
def test_a_delete_during_the_read_is_read_again_without_a_trace(
    make_settings: Callable[..., Settings],
    articles: Path,
    tmp_path: Path,
    embed_model: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    fail: bool,
) -> None:
    settings = make_settings(sentence_cache_chunks=0, lexical_dir=tmp_path / "lexical")
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, index).run([articles])
    sentences = index.sentence_store.collection
    # the document of the first page's sentences: read before it is deleted
    deleted = str(sentences.get(limit=1, include=["metadatas"])["metadatas"][0]["ref_doc_id"])
    gone = {k.chunk_id for k in chunk_keys(index, layouts=True) if k.doc_id == deleted}
    assert gone
    wrapper = DeletingCollection(sentences, lambda: index.delete_document(deleted), at=2, fail=fail)
    memory = SentenceMemory(wrapper, index.generation, refresh_seconds=3600.0, page=7)
    # the copies alive when each read starts: a discarded copy is not held during the next
    # read (review68: three copies at once at 100k chunks would be ~3.9 GB)
    copies: list[weakref.ref[SentenceMatrix]] = []
    alive: list[int] = []
    read = SentenceMatrix.read

    def counted(*args: Any, **kwargs: Any) -> SentenceMatrix:
        gc.collect()
        alive.append(sum(c() is not None for c in copies))
        copy = read(*args, **kwargs)
        copies.append(weakref.ref(copy))
        return copy

    monkeypatch.setattr(SentenceMatrix, "read", counted)
    with caplog.at_level("INFO", logger="service.sentence_memory"):
        memory.build()
    assert len(alive) >= 2 and max(alive) == 0, alive
    assert memory.state == "ready" and wrapper.gets > 2
    # the copy is the store's after the delete: none of the deleted document's sentences,
    # every other chunk in full
    snapshot = memory.snapshot
    assert snapshot is not None and snapshot.token == ":".join(index.generation())
    kept = chunk_keys(index, layouts=True)
    assert not gone & set(snapshot.rows) and set(snapshot.rows) == {k.chunk_id for k in kept}
    assert memory.lookup(kept).keys() == {k.chunk_id for k in kept}
    records = [r for r in caplog.records if r.name == "service.sentence_memory"]
    assert all(r.exc_info is None and r.levelname in ("INFO", "WARNING") for r in records)
    assert any("reading again" in r.getMessage() for r in records)
