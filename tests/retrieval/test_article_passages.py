"""The best article lends every chunk to the evidence (``Retriever.with_articles``, real
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


def test_search_returns_top_k_passages_as_ranked(extractive_over: Callable[..., Any]) -> None:
    service = extractive_over({"plant.txt": ARTICLE})
    passages = service.retriever.search(QUESTION, 1)
    assert len(passages) == 1
    more = service.retriever.with_articles(passages, service.index.embed_query(QUESTION), 1)
    assert more[0] == passages[0]
    assert len(more) == service.index.get_document("plant").chunks
    assert len({p.passage_id for p in more}) == len(more)
    assert service.retriever.with_articles(passages, [0.0], 0) == passages


def test_an_articles_chunks_are_those_a_search_within_it_finds(
    sample_settings: Settings, embed_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ChunkStore.of_document`` reads an article's chunks by its id: the same rows, in the
    same order and with the same cosines (to float precision) as a nearest-neighbour query
    restricted to the article; and, when this process's vector index is stale (another
    process wrote the store), the same rows read one by one."""
    from service.index import open_index

    index = open_index(sample_settings, embed_model=embed_model)
    vector = index.embed_query("Who did Microsoft President Brad Smith meet in China?")
    doc_id = max(index.document_records().values(), key=lambda r: r.chunks).doc_id
    within = index.nearest(vector, 50, {"ref_doc_id": doc_id})
    assert len(within) >= 2
    read = index.chunks_of(doc_id, vector)
    assert [h.chunk_id for h in read] == [h.chunk_id for h in within]
    for a, b in zip(within, read, strict=True):
        assert b.text == a.text
        assert b.similarity == pytest.approx(a.similarity, abs=1e-5)
        assert b.metadata == {k: v for k, v in a.metadata.items() if not k.startswith("_")}
    assert index.chunks_of("no-such-document", vector) == []

    monkeypatch.setattr("service.chunk_store.get_unless_stale", lambda *a, **k: None)
    stale = index.chunks_of(doc_id, vector)
    assert [(h.chunk_id, h.text) for h in stale] == [(h.chunk_id, h.text) for h in read]
