"""The best article lends its other chunks to the evidence (``Retriever.with_articles``, real
index, real model): a fact in a chunk that retrieval ranks below ``top_k`` is found, while
``/search``'s passages stay as ranked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from service.answering import AnswerService, Question
from service.config import Settings
from service.llm.extractive import ExtractiveGenerator

# Two chunks (256 tokens each): the question's words (the plant, the town, the closure) fill
# the first; the number of jobs is stated once, in the second, among other business.
FILLER = (
    "Shareholders were told that the board would keep the dividend at last year's level, "
    "and that the new chief executive would present a strategy in the spring. "
)
ARTICLE = (
    "Orbis confirms closure of its Velby plant\n\n"
    "Orbis has confirmed the closure of its glass plant in Velby, the town's biggest employer, "
    "after months of talks with the council about the future of the plant. The closure of the "
    "Velby plant was announced to staff on Monday, and the council said the plant's closure "
    "was a blow to the town. "
    + FILLER * 7
    + "About 1,450 jobs will go by the end of next year, the company said. "
    + FILLER * 2
)
QUESTION = "How many jobs will go with the closure of the Orbis glass plant in Velby?"


def test_a_fact_in_another_chunk_of_the_best_article_is_found(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"plant.txt": ARTICLE})
    assert service.index.get_document("plant").chunks >= 2
    first = service.retriever.search(QUESTION, 1)
    assert "1,450" not in first[0].text  # retrieval ranks the headline's chunk first

    alone = AnswerService(
        service.settings.model_copy(update={"article_passages": 0}),
        service.index,
        ExtractiveGenerator(),
    ).ask(Question(QUESTION, top_k=1))
    assert alone.refused or "1,450" not in alone.answer

    answer = service.ask(Question(QUESTION, top_k=1))
    assert not answer.refused, answer.refusal_reason
    assert "1,450" in answer.answer
    assert any("1,450" in c.quote for c in answer.citations)
    # (the citation quotes the served text at its offsets)
    text = service.index.get_document("plant").text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_the_article_chunks_come_after_the_ranked_passages(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"plant.txt": ARTICLE})
    passages = service.retriever.search(QUESTION, 1)
    assert len(passages) == 1
    vector = service.index.embed_query(QUESTION)
    more = service.retriever.with_articles(passages, vector, 1, 5)
    assert more[0] == passages[0]
    assert len(more) == service.index.get_document("plant").chunks
    assert len({p.passage_id for p in more}) == len(more)
    assert all(p.score is not None for p in more[1:])
    assert service.retriever.with_articles(passages, vector, 0, 5) == passages
    # (``/search`` still returns the passages it ranks)
    assert service.retriever.search(QUESTION, 1) == passages


def test_a_long_article_lends_at_most_top_k_chunks(
    extractive_over: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A digest of many chunks (review86: 277 chunks made ``/ask`` carry 277 passages) lends
    the ``limit`` nearest; past ``READ_AT_ONCE`` chunks it is asked a nearest-neighbour query
    instead of read whole (review87)."""
    from service.chunk_store import READ_AT_ONCE

    long = ARTICLE + "".join(
        f"In other news, the Velby council item {i} concerned roads, parks and the library. "
        + FILLER * 8
        for i in range(READ_AT_ONCE)
    )
    service = extractive_over({"plant.txt": long})
    chunks = service.index.get_document("plant").chunks
    assert chunks > READ_AT_ONCE + 2
    vector = service.index.embed_query(QUESTION)
    passages = service.retriever.search(QUESTION, 2)
    store = service.index.chunks
    real_nearest = store.nearest
    restricted: list[Any] = []

    def spy(vector: Any, top_k: int, where: Any) -> Any:
        if where and "ref_doc_id" in str(where):
            restricted.append(top_k)
        return real_nearest(vector, top_k, where)

    monkeypatch.setattr(store, "nearest", spy)
    more = service.retriever.with_articles(passages, vector, 1, 2)
    assert restricted == [2 + sum(p.doc_id == "plant" for p in passages)]
    monkeypatch.setattr(store, "nearest", real_nearest)
    assert len(more) == len(passages) + 2
    held = {p.passage_id for p in passages}
    nearest = [
        h.chunk_id
        for h in service.index.nearest(vector, chunks, {"ref_doc_id": "plant"})
        if h.chunk_id not in held
    ]
    assert [p.passage_id for p in more[len(passages) :]] == nearest[:2]
    answer = service.ask(Question(QUESTION, top_k=2))
    assert len(answer.passages) == 4  # the request's top_k, then as many of the article's


def test_a_short_article_is_read_whole_not_searched(
    extractive_over: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    service = extractive_over({"plant.txt": ARTICLE})
    vector = service.index.embed_query(QUESTION)
    passages = service.retriever.search(QUESTION, 1)
    asked: list[Any] = []
    real_nearest = service.index.chunks.nearest

    def spy(*args: Any) -> Any:
        asked.append(args)
        return real_nearest(*args)

    monkeypatch.setattr(service.index.chunks, "nearest", spy)
    assert len(service.retriever.with_articles(passages, vector, 1, 5)) > 1
    assert asked == []


def test_one_passage_a_span_and_the_served_version_wins(
    extractive_over: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While an ingest replaces an article, both versions' chunks are stored at the same
    spans (injected here: the other version's chunks, other ids and text, nearer to the
    question). Each span is added once, and by the chunk the served text holds (review87:
    an unserved chunk took the span and the served one was lost)."""
    from service.chunk_store import ChunkHit

    service = extractive_over({"plant.txt": ARTICLE})
    vector = service.index.embed_query(QUESTION)
    passages = service.retriever.search(QUESTION, 1)
    honest = service.retriever.with_articles(passages, vector, 1, 5)
    assert len(honest) >= 2
    real = service.index.chunks_of

    def two_versions(doc_id: str, vector: Any, limit: int, where: Any = None) -> Any:
        hits = real(doc_id, vector, limit, where)
        other = [
            ChunkHit(f"{h.chunk_id}-other", h.text[:-1] + "#", dict(h.metadata), h.similarity)
            for h in hits
        ]
        return other + hits

    monkeypatch.setattr(service.index, "chunks_of", two_versions)
    both = service.retriever.with_articles(passages, vector, 1, 5)
    assert [p.passage_id for p in both] == [p.passage_id for p in honest]
    assert len({(p.start, p.end) for p in both}) == len(both)


def test_the_requests_dates_hold_for_the_added_chunks(
    sample_settings: Settings, embed_model: Any
) -> None:
    """The article's other chunks are read with the request's dates (an article's two
    versions coexist while an ingest replaces it, review86): a date range the article is
    outside of lends none."""
    from datetime import timedelta

    from service.index import open_index
    from service.retrieval import Retriever
    from service.schemas import Filters

    index = open_index(sample_settings, embed_model=embed_model)
    retriever = Retriever(index)
    question = "What did Brad Smith say about artificial intelligence in China?"
    vector = index.embed_query(question)
    # (a dated sample article of several chunks)
    found = [
        (record, retriever.search(question, 1, Filters(doc_ids=[record.doc_id]), vector=vector))
        for record in index.document_records().values()
        if record.chunks >= 2
    ]
    record, passages = next((r, p) for r, p in found if p and p[0].published is not None)
    published = passages[0].published
    assert published is not None
    within = Filters(doc_ids=[record.doc_id])
    assert len(retriever.with_articles(passages, vector, 1, 5, within)) == record.chunks
    before = Filters(published_before=published - timedelta(days=1))
    assert retriever.with_articles(passages, vector, 1, 5, before) == passages
    after = Filters(published_after=published)
    assert len(retriever.with_articles(passages, vector, 1, 5, after)) == record.chunks


def test_an_articles_chunks_are_those_a_search_within_it_finds(
    sample_settings: Settings, embed_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ChunkStore.of_document`` reads an article's chunks by its id: the same rows, in the
    same order and with the same cosines (to float precision) as a nearest-neighbour query
    restricted to the article; and, when this process's vector index is stale (another
    process wrote the store: a read of several ids fails), the same rows read one by one."""
    from service import chroma_paging
    from service.index import open_index

    index = open_index(sample_settings, embed_model=embed_model)
    vector = index.embed_query("Who did Microsoft President Brad Smith meet in China?")
    doc_id = max(index.document_records().values(), key=lambda r: r.chunks).doc_id
    within = index.nearest(vector, 50, {"ref_doc_id": doc_id})
    assert len(within) >= 2
    read = index.chunks_of(doc_id, vector, 50)
    assert [h.chunk_id for h in read] == [h.chunk_id for h in within]
    for a, b in zip(within, read, strict=True):
        assert b.text == a.text
        assert b.similarity == pytest.approx(a.similarity, abs=1e-5)
        assert b.metadata == {k: v for k, v in a.metadata.items() if not k.startswith("_")}
    assert [h.chunk_id for h in index.chunks_of(doc_id, vector, 1)] == [within[0].chunk_id]
    assert index.chunks_of("no-such-document", vector, 5) == []

    real = chroma_paging.get_unless_stale
    one_by_one: list[int] = []

    def stale(collection: Any, **kwargs: Any) -> Any:
        ids = kwargs.get("ids")
        if ids is None or len(ids) > 1:
            return None  # as embedded Chroma fails past a stale vector index
        one_by_one.append(len(ids))
        return real(collection, **kwargs)

    monkeypatch.setattr("service.chunk_store.get_unless_stale", stale)
    monkeypatch.setattr("service.chroma_paging.get_unless_stale", stale)
    again = index.chunks_of(doc_id, vector, 50)
    assert len(one_by_one) == len(read)
    assert [(h.chunk_id, h.text) for h in again] == [(h.chunk_id, h.text) for h in read]
