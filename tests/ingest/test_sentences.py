"""Sentences computed at ingest stay consistent with the chunks through add, edit, prune,
duplicates and --rebuild (the SIGKILL case is in test_cli.py), on real Chroma and the real model."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from service.config import Settings
from service.errors import IndexMismatchError
from service.index import NewsIndex, open_index
from service.ingestion.chunking import Chunk
from service.ingestion.pipeline import IngestJob
from service.schemas import Passage
from service.sentence_store import SpanKey

SettingsFactory = Callable[..., Settings]


def sentence_records(index: NewsIndex) -> dict[str, dict[str, Any]]:
    """Every stored sentence record (metadata), by id."""
    got = index.sentence_store.collection.get(include=["metadatas"])
    return dict(zip(got["ids"], got["metadatas"], strict=True))


def assert_consistent(index: NewsIndex, embed_model: Any) -> int:
    """Every chunk has exactly its sentences (spans from its text, vectors of their text), and no
    sentence belongs to a chunk that is not stored. Returns how many sentences were checked."""
    chunks = index.chunk_collection.get(include=["metadatas", "documents"])
    records = sentence_records(index)
    chunk_ids = set(chunks["ids"])
    assert {str(m["chunk_id"]) for m in records.values()} <= chunk_ids, "orphan sentences"
    passages = [
        Passage(
            passage_id=cid,
            doc_id=str(m["ref_doc_id"]),
            title=str(m["title"]),
            published=None,
            start=int(m["start"]),
            end=int(m["end"]),
            text=text,
            score=0.0,
        )
        for cid, m, text in zip(
            chunks["ids"], chunks["metadatas"], chunks["documents"], strict=True
        )
    ]
    stored = index.sentence_store.for_chunks(
        [SpanKey(p.passage_id, p.doc_id, p.start, p.end) for p in passages]
    )
    checked = 0
    samples: list[tuple[str, np.ndarray]] = []
    for p in passages:
        expected = Chunk(p.passage_id, 0, p.start, p.end, p.text).sentences()
        got = stored.get(p.passage_id)
        assert got is not None, f"chunk {p.passage_id} has no sentences"
        assert tuple(got.spans) == expected
        assert got.vectors.shape == (len(expected), 384)
        checked += len(expected)
        s, e = expected[0]
        samples.append((p.text[s - p.start : e - p.start], got.vectors[0]))
    assert len(records) == checked, "every chunk's sentences once"
    fresh = embed_model.get_text_embedding_batch([t for t, _ in samples[:8]])
    for (_, stored_vector), vector in zip(samples[:8], fresh, strict=False):
        assert float(np.dot(stored_vector, np.asarray(vector))) > 0.98
    return checked


def ingest(settings: Settings, embed_model: Any, paths: list[Path], **kw: Any) -> NewsIndex:
    rebuild = kw.pop("rebuild", False)
    index = open_index(settings, for_writing=True, rebuild=rebuild, embed_model=embed_model)
    IngestJob(settings, index).run(paths, **kw)
    return index


def test_sentences_follow_chunks_through_edit_duplicate_prune_and_rebuild(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    first = assert_consistent(index, embed_model)
    assert first > 40
    before = sentence_records(index)

    target = articles / "002_f30c3b285b3e3037.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("twenty AI products", "thirty AI products"),
        encoding="utf-8",
    )
    (articles / "zz").mkdir()
    shutil.copy(articles / "001_819d45a17c5bb7df.txt", articles / "zz" / "copy.txt")
    index = ingest(settings, embed_model, [articles])
    assert_consistent(index, embed_model)
    after = sentence_records(index)
    changed = {
        str(m["ref_doc_id"])
        for i, m in {**before, **after}.items()
        if (i in before) != (i in after)
    }
    assert changed == {"002_f30c3b285b3e3037"}

    (articles / "003_be6de4bd62aa57b5.txt").unlink()
    index = ingest(settings, embed_model, [articles], prune=True)
    assert_consistent(index, embed_model)
    assert all(m["ref_doc_id"] != "003_be6de4bd62aa57b5" for m in sentence_records(index).values())

    rebuilt = ingest(
        make_settings(chunk_size=256, chunk_overlap=32), embed_model, [articles], rebuild=True
    )
    assert assert_consistent(rebuilt, embed_model) > 0

    # An index built before sentences were stored (schema 1) is refused, naming --rebuild.
    meta = dict(rebuilt.chunk_collection.metadata or {})
    rebuilt.chunk_collection.modify(metadata={**meta, "schema_version": 1})
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        open_index(settings, embed_model=embed_model)


def test_scorer_reads_stored_sentences_without_embedding_them(
    sample_index: NewsIndex, make_settings: SettingsFactory
) -> None:
    from service.evidence import EvidenceScorer
    from service.retrieval import Retriever

    question = "Who did Microsoft President Brad Smith meet in China?"
    vector = sample_index.embed_query(question)
    passages = Retriever(sample_index).search(question, 5, vector=vector)

    class NoEmbedding:
        """Failure injection: any attempt to embed a sentence at question time fails."""

        def __getattr__(self, name: str) -> Any:
            if name in ("embed_texts", "embed_model"):
                raise AssertionError(f"{name} called while answering")
            return getattr(sample_index, name)

    ranked = EvidenceScorer(NoEmbedding(), lexical_weight=0.6).rank(  # type: ignore[arg-type]
        question, vector, passages
    )
    assert ranked and ranked[0].sentence.doc_id.startswith(("000_", "001_"))
    doc = sample_index.get_document(ranked[0].sentence.doc_id)
    assert doc is not None
    s = ranked[0].sentence
    assert doc.text[s.start : s.end] == s.text
