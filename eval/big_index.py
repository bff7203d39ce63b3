"""Grow an ingested index to about N chunks without embedding anything new.

Embedding 100k chunks would take over half an hour on 2 cores, and the search benchmark does
not need new text, only a vector index of that size with the same shape of data. So each
stored chunk is copied K times with its vector perturbed by Gaussian noise (sigma 0.025 per
dimension, then re-normalised: a copy sits at cosine ~0.9 from its original, as paraphrases
do), its text and metadata kept, and its id suffixed ``~k``. Copies point to the same
document, so ``/search``, ``/ask`` and ``/documents`` work on them as on the originals.
A copy's sentences are copied with it (``<name>_sentences``, vectors perturbed the same way),
so the grown index costs what a real one of that size would: about 8 sentence records per
chunk.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from service.chroma_paging import get_all
from service.sentence_store import sentence_id

NOISE_SIGMA = 0.025


def grow_index(
    source: Path, target: Path, collection: str, chunks: int, *, seed: int = 7
) -> dict[str, Any]:
    """Copy the Chroma store at ``source`` to ``target`` and add perturbed copies of its
    chunks until it holds about ``chunks``. Returns what was built."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    client = chromadb.PersistentClient(
        path=str(target), settings=ChromaSettings(anonymized_telemetry=False)
    )
    col = client.get_collection(f"{collection}_chunks")
    got = get_all(col, include=["embeddings", "metadatas", "documents"])
    ids: list[str] = list(got["ids"])
    metadatas: list[Any] = list(got["metadatas"] or [])
    documents: list[str] = list(got["documents"] or [])
    base = np.asarray(got["embeddings"], dtype=np.float32)
    n = len(ids)
    copies = max(0, math.ceil((chunks - n) / n))
    rng = np.random.default_rng(seed)
    batch = 5000
    for k in range(1, copies + 1):
        noisy = base + rng.normal(0.0, NOISE_SIGMA, base.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        for i in range(0, n, batch):
            if col.count() >= chunks:
                break
            j = min(n, i + batch, i + chunks - col.count())
            col.add(
                ids=[f"{cid}~{k}" for cid in ids[i:j]],
                embeddings=noisy[i:j],
                metadatas=metadatas[i:j],
                documents=documents[i:j],
            )
    sentences = _grow_sentences(client, collection, copies, rng)
    cosines = (noisy[:100] * base[:100]).sum(axis=1) if copies else np.ones(1)
    return {
        "source_chunks": n,
        "chunks": col.count(),
        "copies_per_chunk": copies,
        "noise_sigma": NOISE_SIGMA,
        "copy_cosine_mean": round(float(cosines.mean()), 3),
        "sentences": sentences,
    }


def _grow_sentences(client: Any, collection: str, copies: int, rng: Any) -> int:
    """Copy every copied chunk's sentence records (chunk id ``<id>~k``); returns how many
    sentence records the index holds."""
    col = client.get_collection(f"{collection}_sentences")
    chunk_col = client.get_collection(f"{collection}_chunks")
    present = set(get_all(chunk_col, include=[])["ids"])
    got = get_all(col, include=["embeddings", "metadatas"])
    base = np.asarray(got["embeddings"], dtype=np.float32)
    metas: list[Any] = list(got["metadatas"] or [])
    batch = 5000
    for k in range(1, copies + 1):
        keep = [i for i, m in enumerate(metas) if f"{m['chunk_id']}~{k}" in present]
        if not keep:
            break
        noisy = base[keep] + rng.normal(0.0, NOISE_SIGMA, (len(keep), base.shape[1])).astype(
            np.float32
        )
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        for i in range(0, len(keep), batch):
            part = keep[i : i + batch]
            col.add(
                # The id a real chunk's sentence has (``sentence_id``): the service reads
                # sentences by id, so a copy must be found the same way as an original.
                ids=[
                    sentence_id(f"{metas[j]['chunk_id']}~{k}", int(metas[j]["position"]))
                    for j in part
                ],
                embeddings=noisy[i : i + batch],
                metadatas=[{**metas[j], "chunk_id": f"{metas[j]['chunk_id']}~{k}"} for j in part],
            )
    return int(col.count())
