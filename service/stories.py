"""Same story, several articles: documents grouped at ingest by the similarity of their text.

A document's vector is the normalised mean of its chunk vectors (already stored, nothing is
embedded again); two documents report the same story when their vectors' cosine is at least
``RAG_STORY_SIMILARITY``. Groups are the connected components of that relation, and a group's
``story_id`` is its smallest document id, so the result does not depend on ingest order.

The threshold was measured on the samples plus the BBC corpus (README, "Same story"): the two
sample articles on the Brad Smith / Wang Wentao meeting are at 0.89, the closest pair of
different sample stories at 0.83; BBC near-duplicates are at 0.98-1.0, articles on the same
event (a party launch, a takeover bid, one court case) at 0.88-0.95, and below ~0.87 pairs are
merely on the same topic (Sony PSP vs Nintendo DS launch: 0.85).

Written here because it is a mean, a matrix product and a union-find over our own stored
vectors; MinHash (datasketch) would find only near-duplicates, not two outlets' write-ups.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from service.chroma_paging import get_all

_BLOCK = 1024  # rows of the similarity matrix computed at once


def document_vectors(chunk_collection: Any) -> tuple[list[str], np.ndarray]:
    """Every document's id and its normalised mean chunk vector (rows in id order)."""
    got = get_all(chunk_collection, include=["embeddings", "metadatas"])
    sums: dict[str, np.ndarray] = {}
    for vector, meta in zip(got["embeddings"], got["metadatas"] or [], strict=True):
        doc_id = str(meta["ref_doc_id"])
        v = np.asarray(vector, dtype=np.float32)
        sums[doc_id] = sums[doc_id] + v if doc_id in sums else v.copy()
    ids = sorted(sums)
    if not ids:
        return [], np.zeros((0, 0), dtype=np.float32)
    matrix = np.stack([sums[i] for i in ids])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return ids, matrix


def story_groups(ids: list[str], matrix: np.ndarray, threshold: float) -> dict[str, str]:
    """Document id → story id (the smallest id of its connected component)."""
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for start in range(0, len(ids), _BLOCK):
        sims = matrix[start : start + _BLOCK] @ matrix.T
        rows, cols = np.nonzero(sims >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            a, b = find(start + r), find(c)
            if a != b:
                parent[max(a, b)] = min(a, b)
    # ids are sorted, so the root (smallest index) of a component is its smallest id.
    return {doc_id: ids[find(i)] for i, doc_id in enumerate(ids)}
