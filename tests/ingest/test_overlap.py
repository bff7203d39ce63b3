"""The ingest job's three overlapping stages (read, embed, write; ``IngestJob._submit_flush``):
a flush is stored only after the one before it, a failure in either background stage ends the
run with its error and nothing after it is written, and the re-run completes the index exactly
as one clean run does. Real model, real Chroma; only the failures are injected."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings
from service.embeddings import BATCH_CHARS, batches_by_size
from service.index import open_index
from service.ingestion.pipeline import IngestJob
from tests.ingest.test_hostile import stored

SettingsFactory = Callable[..., Settings]


def test_batches_keep_order_and_bound_texts_and_characters() -> None:
    texts = sorted(["s" * 100] * 150 + ["c" * 1000] * 40 + ["x" * (BATCH_CHARS + 5)], key=len)
    batches = batches_by_size(texts, 64)
    assert [t for b in batches for t in b] == texts
    assert [len(b) for b in batches] == [64, 64, 22, 16, 16, 8, 1]
    for batch in batches[:-1]:
        assert len(batch) * max(map(len, batch)) <= BATCH_CHARS
    assert batches_by_size([], 64) == []


def _flushes(settings: Settings, embed_model: Any, articles: Path) -> list[list[str]]:
    """The document ids of each flush of a clean run (so the failures below hit flush 2)."""
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    seen: list[list[str]] = []
    real = index.replace_chunks_many

    def spy(items: Any) -> None:
        seen.append([item.doc_id for item in items])
        real(items)

    index.replace_chunks_many = spy  # type: ignore[method-assign]
    IngestJob(settings, index).run([articles])
    return seen


@pytest.mark.parametrize("stage", ["write", "embed"])
def test_a_failed_flush_stops_the_writes_after_it_and_the_rerun_completes(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    tmp_path: Path,
    stage: str,
) -> None:
    # embed_batch_size 1: a flush every 4 chunks, i.e. every one or two sample articles.
    clean = make_settings(embed_batch_size=1, chroma_path=tmp_path / "clean")
    flushes = _flushes(clean, embed_model, articles)
    assert len(flushes) >= 3
    expected = stored(open_index(clean, embed_model=embed_model))

    settings = make_settings(embed_batch_size=1)
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    third_embedding = threading.Event()
    embeds = writes = 0
    real_embed, real_write = index.embed_texts, index.replace_chunks_many

    def embed(texts: list[str]) -> list[list[float]]:
        nonlocal embeds
        embeds += 1
        if embeds == 2 and stage == "embed":
            raise RuntimeError("embed failed")
        if embeds == 3:
            third_embedding.set()
        return real_embed(texts)

    def write(items: Any) -> None:
        nonlocal writes
        writes += 1
        if writes == 2:
            # Fail only once the next flush is embedding, so that its write is queued behind.
            assert third_embedding.wait(60)
            raise RuntimeError("write failed")
        real_write(items)

    index.embed_texts = embed  # type: ignore[method-assign]
    index.replace_chunks_many = write  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match=f"{stage} failed"):
        IngestJob(settings, index).run([articles])
    # Flush 1 stored, flush 2 failed: a failed embedding stops the reading (no flush 3); a
    # failed write comes while flush 3 embeds, and flush 3's write never runs.
    assert (writes, embeds >= 3) == {"write": (2, True), "embed": (1, False)}[stage]
    partial = stored(open_index(settings, embed_model=embed_model))
    assert set(partial["docs"]) == set(flushes[0])
    assert {c.split("::")[0] for c in partial["chunks"]} == set(flushes[0])

    index = open_index(settings, for_writing=True, embed_model=embed_model)
    again = IngestJob(settings, index).run([articles])
    assert again.added == 5 - len(flushes[0]) and again.unchanged == len(flushes[0])
    assert stored(open_index(settings, embed_model=embed_model)) == expected
    sentences = index.sentence_store.collection.get(include=["metadatas"])["metadatas"]
    assert {m["chunk_id"] for m in sentences} == set(expected["chunks"])
