"""The chunk rows cache is an optimisation only: the nearest chunks are the same rows with it
or without it, a row read once is not read again, and an edited article's new text is what a
search returns (a chunk id pins its content, so no entry is ever stale)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings


def _counting_gets(index: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the rows ``Collection.get`` is asked for on the chunk collection."""
    collection = index.chunks.collection
    asked: list[int] = []
    real = collection.get

    def get(*args: Any, **kwargs: Any) -> Any:
        asked.append(len(kwargs.get("ids") or []))
        return real(*args, **kwargs)

    monkeypatch.setattr(collection, "get", get)
    return asked


def test_the_nearest_rows_are_the_same_with_and_without_the_cache(
    sample_settings: Settings, embed_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.index import open_index

    off = open_index(
        sample_settings.model_copy(update={"chunk_cache_rows": 0}), embed_model=embed_model
    )
    on = open_index(
        sample_settings.model_copy(update={"chunk_cache_rows": 1000}), embed_model=embed_model
    )
    assert off.chunks.rows is None and on.chunks.rows is not None
    vector = on.embed_query("Who did Microsoft President Brad Smith meet in China?")
    where = {"ref_doc_id": {"$ne": "no-such-document"}}
    for filters in (None, where):
        plain = off.nearest(vector, 8, filters)
        cached = on.nearest(vector, 8, filters)
        assert [h.chunk_id for h in cached] == [h.chunk_id for h in plain]
        assert len(plain) == 8
        for a, b in zip(plain, cached, strict=True):
            assert b.text == a.text
            assert b.similarity == a.similarity
            # the same flat fields; llama-index's node copy ("_node_content") is not kept
            assert b.metadata == {k: v for k, v in a.metadata.items() if not k.startswith("_")}
            assert b.layout == a.layout
    # read again: the rows come from the cache, Chroma is asked for ids and distances only
    asked = _counting_gets(on, monkeypatch)
    again = on.nearest(vector, 8, None)
    assert asked == []
    assert [h.text for h in again] == [h.text for h in plain]
    # rows not yet seen are read, in one call, and only those
    more = on.nearest(vector, 12, None)
    assert asked == [4]
    assert [h.chunk_id for h in more] == [h.chunk_id for h in off.nearest(vector, 12, None)]


def test_an_edited_article_is_searched_as_it_is_now(
    make_settings: Callable[..., Settings],
    tmp_path: Path,
    embed_model: Any,
) -> None:
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob
    from service.retrieval import Retriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "norvale.txt"
    article.write_text(
        "Norvale harbour reopens\n\nThe Norvale harbour reopened on Monday after a storm. "
        "Its owner, Jo Hale, said 40 boats had returned.\n",
        encoding="utf-8",
    )
    settings = make_settings(lexical_dir=tmp_path / "lexical", chunk_cache_rows=1000)
    writer = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, writer).run([corpus])
    reader = open_index(settings, embed_model=embed_model)
    retriever = Retriever(reader)
    question = "How many boats returned to Norvale harbour?"
    before = retriever.search(question, 3)
    assert any("40 boats" in p.text for p in before)
    assert reader.chunks.rows is not None and len(reader.chunks.rows) > 0

    article.write_text(
        "Norvale harbour reopens\n\nThe Norvale harbour reopened on Monday after a storm. "
        "Its owner, Jo Hale, said 55 boats had returned.\n",
        encoding="utf-8",
    )
    IngestJob(settings, writer).run([corpus])
    after = retriever.search(question, 3)
    assert after
    assert all("40 boats" not in p.text for p in after)
    assert any("55 boats" in p.text for p in after)
    document = reader.get_document(after[0].doc_id)
    assert document is not None
    assert all(
        document.text[p.start : p.end] == p.text for p in after if p.doc_id == document.doc_id
    )


def test_a_row_deleted_between_the_query_and_its_read_is_no_passage(
    sample_settings: Settings,
    embed_model: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cached path asks Chroma twice (ids, then the rows not cached): a chunk deleted in
    between (an upload or a delete on another thread, another process in server mode) comes
    back without its row, and neither the dense list nor the dated list of a question that
    names a time makes a passage of it (the lexical index, which this injection does not touch,
    may still find its text: that is what a deletion not yet seen by it looks like)."""
    from service.chroma_paging import get_readable
    from service.index import open_index
    from service.retrieval import Retriever

    settings = sample_settings.model_copy(
        update={"chunk_cache_rows": 1000, "lexical_dir": tmp_path / "lexical"}
    )
    index = open_index(settings, embed_model=embed_model)
    question = "What did Brad Smith discuss in China in December 2023?"
    real = get_readable
    gone: set[str] = set()

    def vanishing(collection: Any, ids: Any, include: list[str]) -> dict[str, Any]:
        # every row asked for is deleted just before it is read, but one
        got = real(collection, ids, include)
        keep = set(list(got["ids"])[:1])
        gone.update(i for i in got["ids"] if i not in keep)
        rows = [j for j, i in enumerate(got["ids"]) if i in keep]
        return {"ids": [got["ids"][j] for j in rows]} | {
            name: [got[name][j] for j in rows] for name in include
        }

    monkeypatch.setattr("service.chunk_store.get_readable", vanishing)
    vector = index.embed_query(question)
    hits = index.nearest(vector, 8, None)
    assert gone and {h.chunk_id for h in hits} >= gone
    for hit in hits:
        if hit.chunk_id in gone:
            assert (hit.text, hit.metadata) == ("", {})
    # a question naming a time runs a second, dated query (``_in_time``): its vanished rows
    # are skipped too (they raised KeyError before)
    gone.clear()
    found = Retriever(index).search(question, 5)
    assert gone
    assert found
    for p in found:
        document = index.get_document(p.doc_id)
        assert document is not None and document.text[p.start : p.end] == p.text
