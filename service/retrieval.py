"""Query → passages: embed, filter, nearest chunks from Chroma."""

from __future__ import annotations

from typing import Any

from service.errors import EmptyIndexError
from service.index import NewsIndex, published_ord
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


def served_only(index: NewsIndex, passages: list[Passage]) -> list[Passage]:
    """The passages that ``GET /documents/{id}`` serves verbatim, in their order.

    A document's record is written after its chunks (see ``service.ingestion.pipeline``), so
    between an ingest killed mid-run and the next run, chunks can exist without their document,
    or beside the record of its previous version; an answer must never cite either (a citation
    promises ``quote == document.text[start:end]``). One batched lookup of the passages'
    documents per query (~0.5 ms for five BBC articles, embedded Chroma).
    """
    if not passages:
        return passages
    got = index.document_collection.get(
        ids=sorted({p.doc_id for p in passages}), include=["documents"]
    )
    served = dict(zip(got["ids"], got["documents"], strict=True))
    return [
        p
        for p in passages
        if p.doc_id in served and (served[p.doc_id] or "")[p.start : p.end] == p.text
    ]


class Retriever:
    """Nearest passages for a query, with the metadata a citation needs."""

    def __init__(self, index: NewsIndex) -> None:
        self.index = index

    def search(
        self,
        query: str,
        top_k: int,
        filters: Filters | None = None,
        *,
        vector: list[float] | None = None,
    ) -> list[Passage]:
        """The ``top_k`` passages nearest to ``query``, best first; raises on an empty index."""
        vector = vector if vector is not None else self.index.embed_query(query)
        results = self.index.query(vector, top_k, chroma_where(filters))
        # Counting costs a round trip (to the server, in server mode): only when nothing came back.
        if not results and self.index.chunk_collection.count() == 0:
            raise EmptyIndexError(EMPTY_INDEX_HINT)
        passages = []
        for node, score in results:
            meta = node.metadata
            passages.append(
                Passage(
                    passage_id=node.node_id,
                    doc_id=str(node.ref_doc_id),
                    title=str(meta.get("title", "")),
                    published=str(meta["published"]) if meta.get("published") else None,
                    start=int(meta["start"]),
                    end=int(meta["end"]),
                    text=node.get_content(),
                    score=round(score, 4),
                )
            )
        return served_only(self.index, passages)
