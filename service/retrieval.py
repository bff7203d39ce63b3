"""Query → passages: embed, filter, nearest chunks from Chroma, fused with BM25 hits."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.errors import EmptyIndexError
from service.index import NewsIndex, published_ord
from service.lexical import LexicalHit
from service.schemas import Filters, Passage

EMPTY_INDEX_HINT = (
    "the index is empty: ingest articles first with `python -m ingest [PATH ...]` "
    "(or `make run`, which ingests the bundled sample articles)"
)


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """Translate API filters into a Chroma ``where`` clause."""
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.doc_ids:
        clauses.append({"ref_doc_id": {"$in": list(filters.doc_ids)}})
    if filters.published_after:
        clauses.append(
            {"published_ord": {"$gte": published_ord(filters.published_after.isoformat())}}
        )
    if filters.published_before:
        clauses.append(
            {"published_ord": {"$lte": published_ord(filters.published_before.isoformat())}}
        )
        clauses.append({"published_ord": {"$gt": 0}})  # undated articles are not "before" anything
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    """Passages for a query, with the metadata a citation needs: dense (Chroma) results, fused
    with BM25 results (``service.lexical``) by reciprocal rank when ``retrieval`` is hybrid.

    Each passage keeps its raw scores (``score``: cosine, also for passages only BM25 found;
    ``lexical_score``: BM25) for answerability; ``fused_score`` orders them.
    """

    def __init__(self, index: NewsIndex) -> None:
        self.index = index
        self.settings = index.settings

    def search(
        self,
        query: str,
        top_k: int,
        filters: Filters | None = None,
        *,
        vector: list[float] | None = None,
    ) -> list[Passage]:
        """The ``top_k`` best passages for ``query``, best first; raises on an empty index."""
        s = self.settings
        hybrid = s.retrieval == "hybrid"
        vector = vector if vector is not None else self.index.embed_query(query)
        candidates = max(top_k, s.fusion_candidates) if hybrid else top_k
        results = self.index.query(vector, candidates, chroma_where(filters))
        # Counting costs a round trip (to the server, in server mode): only when nothing came back.
        if not results and self.index.chunk_collection.count() == 0:
            raise EmptyIndexError(EMPTY_INDEX_HINT)
        dense = [_passage(node, score) for node, score in results]
        if not hybrid:
            return dense
        lexical = self.index.lexical
        lexical.refresh(self.index)
        hits = lexical.search(
            query,
            candidates,
            doc_ids=filters.doc_ids if filters else None,
            published_after=filters.published_after if filters else None,
            published_before=filters.published_before if filters else None,
        )
        return self._fuse(dense, hits, vector, top_k)

    def _fuse(
        self, dense: list[Passage], hits: list[LexicalHit], vector: list[float], top_k: int
    ) -> list[Passage]:
        """Reciprocal rank fusion (Cormack et al., 2009): score = sum over lists of
        1 / (k + rank). Written here because it is four lines over our own result types."""
        k = self.settings.rrf_k
        fused: dict[str, float] = {}
        for rank, p in enumerate(dense, start=1):
            fused[p.passage_id] = 1.0 / (k + rank)
        for rank, h in enumerate(hits, start=1):
            fused[h.chunk_id] = fused.get(h.chunk_id, 0.0) + 1.0 / (k + rank)
        by_id = {p.passage_id: p for p in dense}
        bm25 = {h.chunk_id: h for h in hits}
        cosine = {p.passage_id: p.score for p in dense}
        best = sorted(fused, key=lambda i: (-fused[i], -cosine.get(i, -1.0), i))[:top_k]
        # Passages only BM25 found get their cosine from their stored vectors.
        missing = [i for i in best if i not in by_id]
        if missing:
            q = np.asarray(vector, dtype=np.float32)
            for chunk_id, v in self.index.chunk_vectors(missing).items():
                cosine[chunk_id] = float(np.dot(np.asarray(v, dtype=np.float32), q))
        passages = []
        for i in best:
            hit = bm25.get(i)
            base = by_id.get(i)
            if base is None:
                assert hit is not None
                base = Passage(
                    passage_id=hit.chunk_id,
                    doc_id=hit.doc_id,
                    title=hit.title,
                    published=hit.published,
                    start=hit.start,
                    end=hit.end,
                    text=hit.text,
                    score=round(cosine.get(i, 0.0), 4),
                )
            passages.append(
                base.model_copy(
                    update={
                        "lexical_score": round(hit.score, 4) if hit else None,
                        "fused_score": round(fused[i], 6),
                    }
                )
            )
        return passages


def _passage(node: Any, score: float) -> Passage:
    meta = node.metadata
    return Passage(
        passage_id=node.node_id,
        doc_id=str(node.ref_doc_id),
        title=str(meta.get("title", "")),
        published=str(meta["published"]) if meta.get("published") else None,
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=node.get_content(),
        score=round(score, 4),
    )
