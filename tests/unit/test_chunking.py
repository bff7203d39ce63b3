"""Chunks: exact offsets into the canonical text, deterministic ids, bounded token counts."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from service.ingestion.chunking import chunk_document, make_splitter
from service.ingestion.clean import clean_article
from service.ingestion.sources import RawDocument, load_paths
from tests.conftest import BBC_DIR, SAMPLE_DIR


def cleaned_docs(paths: list[Path]) -> list[tuple[str, str]]:
    out = []
    for item in load_paths(paths):
        if isinstance(item, RawDocument):
            out.append((item.doc_id, clean_article(item.text).text))
    return out


def bbc_subset(n: int = 150) -> list[Path]:
    files = sorted(BBC_DIR.rglob("*.txt"))
    return random.Random(7).sample(files, n)


@pytest.mark.parametrize(("size", "overlap"), [(256, 32), (128, 16), (64, 8)])
def test_offsets_are_exact_for_sample_and_bbc_subset(size: int, overlap: int) -> None:
    docs = cleaned_docs([SAMPLE_DIR, *bbc_subset()])
    assert len(docs) > 150
    total = 0
    for doc_id, text in docs:
        chunks = chunk_document(
            doc_id, text, chunk_size=size, chunk_overlap=overlap, encoding="cl100k_base"
        )
        assert chunks
        for c in chunks:
            assert text[c.start : c.end] == c.text
            assert c.text.strip() == c.text and c.text
        # Chunks cover the document from its first to its last character, in order.
        assert chunks[0].start == 0 and chunks[-1].end == len(text)
        assert all(a.start < b.start for a, b in itertools.pairwise(chunks))
        total += len(chunks)
    assert total > len(docs)


def test_chunks_respect_the_token_budget() -> None:
    splitter = make_splitter(128, 16, "cl100k_base")
    for doc_id, text in cleaned_docs([SAMPLE_DIR]):
        for c in chunk_document(
            doc_id, text, chunk_size=128, chunk_overlap=16, encoding="cl100k_base"
        ):
            assert len(splitter._tokenizer(c.text)) <= 128


def test_ids_are_deterministic_and_depend_on_content() -> None:
    text = clean_article((SAMPLE_DIR / "000_9173119fdca6e14c.txt").read_text()).text
    kwargs: dict[str, Any] = {"chunk_size": 128, "chunk_overlap": 16, "encoding": "cl100k_base"}
    a = chunk_document("000", text, **kwargs)
    b = chunk_document("000", text, **kwargs)
    assert [c.chunk_id for c in a] == [c.chunk_id for c in b]
    assert a[0].chunk_id.startswith("000::00000::")
    edited = chunk_document("000", text.replace("Wednesday", "Thursday"), **kwargs)
    changed = [x.chunk_id != y.chunk_id for x, y in zip(a, edited, strict=False)]
    assert any(changed) and not all(changed)
    salted = chunk_document("000", text, salt="other-title", **kwargs)
    assert all(x.chunk_id != y.chunk_id for x, y in zip(a, salted, strict=True))
