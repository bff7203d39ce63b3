"""The ``<name>_chunks`` collection: chunks with their vectors, written (and queried by
``query``) through llama-index's ``ChromaVectorStore`` (cosine space), read by search as
Chroma's rows (``nearest``), and the sentences of each chunk beside them
(``service.sentence_store``). Its collection metadata records the embedding model and chunking
that built it, and a change token (``mark_changed``).

Thread-safe: no state besides the Chroma handles (the vector store is created once).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import ConfigDict

from service.chroma_paging import get_readable, get_unless_stale
from service.dates import date_metadata
from service.llama_import import llama_index_core
from service.lru import LRU
from service.schemas import Span
from service.sentence_store import (
    LAYOUT_KEY,
    SentenceStore,
    SpanKey,
    decode_layout,
    encode_layout,
)

if TYPE_CHECKING:
    from llama_index.vector_stores.chroma import ChromaVectorStore

# Chroma caps how many records one call may carry; stay well below it.
_WRITE_BATCH = 4000


class ChunkRecord(Span):
    """A chunk to store: ``text == document.text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str
    index: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()  # document offsets, in text order


@dataclass(frozen=True)
class DocumentChunks:
    """What an ingest flush stores for one document: its chunks, their vectors and the vectors
    of each chunk's sentences (``sentence_vectors[i][k]`` for ``chunks[i].sentences[k]``)."""

    doc_id: str
    chunks: list[ChunkRecord]
    vectors: list[list[float]]
    sentence_vectors: list[list[list[float]]]


@dataclass(frozen=True)
class ChunkHit:
    """A chunk a nearest-neighbour query found, as Chroma stores it: its id, text, flat
    metadata (``ref_doc_id``, ``title``, ``published``, ``start``, ``end`` …) and cosine
    similarity to the query."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]
    similarity: float

    @property
    def layout(self) -> tuple[tuple[int, int], ...] | None:
        """Its sentences' spans (document offsets) if its record carries them."""
        return decode_layout(self.metadata.get(LAYOUT_KEY), int(self.metadata.get("start", 0)))


def _flat(meta: dict[str, Any] | None) -> dict[str, Any]:
    """A chunk row's flat metadata fields, without llama-index's "_" keys (its copy of the
    node, "_node_content", is most of a row and is read by nothing here)."""
    return {k: v for k, v in (meta or {}).items() if not k.startswith("_")}


READ_AT_ONCE = 32
"""Most chunks ``ChunkStore.of_document`` reads with their vectors in one ``get``; a longer
document is asked a nearest-neighbour query instead (the longest BBC article has 25)."""


class ChunkStore:
    """Chunk writes (with their sentences), nearest-neighbour queries, the change token."""

    def __init__(
        self,
        client: Any,
        collection: Any,
        sentences: SentenceStore,
        *,
        rows: LRU[str, tuple[str, dict[str, Any]]] | None = None,
    ) -> None:
        self.client = client
        self.collection = collection
        self.sentences = sentences
        # Rows ``nearest`` has read (text, flat metadata), by chunk id: a chunk id hashes the
        # chunk's content and its document's fingerprint (text, title, date, chunking), so a
        # row can never be out of date. Thread-safe (``LRU`` holds a lock); None: no cache.
        self.rows = rows

    @cached_property
    def vector_store(self) -> ChromaVectorStore:
        """llama-index's vector store over the chunk collection."""
        llama_index_core()
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.collection)

    def ids(self, doc_id: str) -> list[str]:
        """Ids of the chunks stored for a document."""
        got = self.collection.get(where={"ref_doc_id": doc_id}, include=[])
        return list(got["ids"])

    def count(self) -> int:
        """How many chunks are stored."""
        return int(self.collection.count())

    def replace_many(self, items: list[DocumentChunks]) -> None:
        """Store the chunks (and their sentences) of several documents, then delete their
        chunks and sentences not among them.

        Each Chroma write is a transaction of its own; per document they cost more than the
        embedding of its chunks did (profiled on BBC: ~50 ms per document), so the ingest job
        writes a whole flush of documents at once. Order is kept: the sentences of new chunks,
        then the new chunks (so a stored chunk always has its sentences), then stale chunks and
        stale sentences deleted; the caller writes the document records after.
        """
        llama_index_core()
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        if not items:
            return
        doc_ids = [item.doc_id for item in items]
        stored: set[str] = set()
        for i in range(0, len(doc_ids), _WRITE_BATCH):
            got = self.collection.get(
                where={"ref_doc_id": {"$in": doc_ids[i : i + _WRITE_BATCH]}}, include=[]
            )
            stored.update(got["ids"])
        keep: set[str] = set()
        new_nodes: list[BaseNode] = []
        s_ids: list[str] = []
        s_vectors: list[Any] = []
        s_metas: list[dict[str, Any]] = []
        for item in items:
            for c, vector, sentence_vectors in zip(
                item.chunks, item.vectors, item.sentence_vectors, strict=True
            ):
                keep.add(c.chunk_id)
                # Ids carry a content hash: an id already stored holds exactly this chunk.
                if c.chunk_id in stored:
                    continue
                ids, vecs, metas = SentenceStore.records(
                    SpanKey(c.chunk_id, item.doc_id, c.start, c.end), c.sentences, sentence_vectors
                )
                s_ids += ids
                s_vectors += vecs
                s_metas += metas
                new_nodes.append(
                    TextNode(
                        id_=c.chunk_id,
                        text=c.text,
                        embedding=vector,
                        start_char_idx=c.start,
                        end_char_idx=c.end,
                        metadata={
                            "title": c.title,
                            **date_metadata(c.published),
                            "start": c.start,
                            "end": c.end,
                            "chunk_index": c.index,
                            # its sentences' spans: the search reads them with the chunk
                            **(
                                {LAYOUT_KEY: encode_layout(c.sentences, c.start)}
                                if c.sentences
                                else {}
                            ),
                        },
                        relationships={
                            NodeRelationship.SOURCE: RelatedNodeInfo(node_id=item.doc_id)
                        },
                    )
                )
        self.sentences.write(s_ids, s_vectors, s_metas)
        for i in range(0, len(new_nodes), _WRITE_BATCH):
            self.vector_store.add(new_nodes[i : i + _WRITE_BATCH])
        stale = sorted(stored - keep)
        if stale:
            self.collection.delete(ids=stale)
        self.sentences.delete_stale(doc_ids, keep)

    def delete_document(self, doc_id: str) -> None:
        """Delete a document's sentences, then its chunks."""
        self.sentences.delete_document(doc_id)
        self.collection.delete(where={"ref_doc_id": doc_id})

    def vectors(self, chunk_ids: list[str]) -> dict[str, Any]:
        """The stored vectors of some chunks, by id (one Chroma cannot read is left out:
        ``get_readable``)."""
        if not chunk_ids:
            return {}
        got = get_readable(self.collection, chunk_ids, ["embeddings"])
        return dict(zip(got["ids"], got["embeddings"], strict=True))

    def nearest(
        self, vector: list[float], top_k: int, where: dict[str, Any] | None
    ) -> list[ChunkHit]:
        """The ``top_k`` nearest chunks, best first: the same rows, text and similarities as
        ``query``, read from Chroma's result as it comes (or, with the rows cache, from the
        cache and one read of the rows it lacks: ``_nearest_cached``; its rows keep only the
        flat metadata fields, not llama-index's "_" keys).

        ``query`` has llama-index rebuild a ``TextNode`` for every row (parse the node JSON
        stored in its metadata, validate a pydantic model, copy it); the search reads only
        the id, the text and five flat metadata fields, which the row already holds (llama-index
        writes the node's metadata and ``ref_doc_id`` beside the JSON). The similarity is
        computed as llama-index computes it (``exp(-distance)``, then ``1 + log``), so scores
        are equal to the last bit.
        """
        kwargs: dict[str, Any] = {"where": where} if where else {}
        if self.rows is not None:
            return self._nearest_cached(vector, top_k, kwargs)
        got = self.collection.query(
            query_embeddings=[vector],
            n_results=top_k,
            include=["documents", "metadatas", "distances"],
            **kwargs,
        )
        return [
            ChunkHit(str(chunk_id), text or "", dict(meta or {}), 1.0 + math.log(math.exp(-d)))
            for chunk_id, text, meta, d in zip(
                got["ids"][0],
                (got["documents"] or [[]])[0],
                (got["metadatas"] or [[]])[0],
                (got["distances"] or [[]])[0],
                strict=True,
            )
        ]

    def _nearest_cached(
        self, vector: list[float], top_k: int, kwargs: dict[str, Any]
    ) -> list[ChunkHit]:
        """``nearest`` with the rows cache: Chroma's query returns ids and distances only
        (reading a row's metadata, llama-index's node JSON among it, was half of the query's
        CPU: ~3.0 against ~1.4 ms for 20 rows of the samples+BBC index), and the rows not yet
        cached are read in one ``get``. A row Chroma no longer has when the ``get`` runs (a
        chunk deleted between the two calls, or by another process since this one loaded its
        vector index) comes back without text or metadata, as the query itself would return
        it, and the search drops it. A deleted chunk this process had cached comes back with
        its text when its own vector index still lists it (embedded Chroma written by another
        process only); ``served_only`` then keeps it only if the served document still holds
        that text at its offsets, so a citation still quotes the served text."""
        assert self.rows is not None
        got = self.collection.query(
            query_embeddings=[vector], n_results=top_k, include=["distances"], **kwargs
        )
        ids = [str(i) for i in got["ids"][0]]
        distances = (got["distances"] or [[]])[0]
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        for chunk_id in ids:
            row = self.rows.get(chunk_id)
            if row is not None:
                found[chunk_id] = row
        missing = [i for i in ids if i not in found]
        if missing:
            more = get_readable(self.collection, missing, ["documents", "metadatas"])
            for chunk_id, text, meta in zip(
                more["ids"], more["documents"], more["metadatas"], strict=True
            ):
                flat = _flat(meta)
                row = (text or "", flat)
                found[str(chunk_id)] = row
                if flat:
                    self.rows.put(str(chunk_id), row)
        hits = []
        for chunk_id, d in zip(ids, distances, strict=True):
            text, meta = found.get(chunk_id, ("", {}))
            # (each hit its own copy: a caller changing it must not change the cache)
            hits.append(ChunkHit(chunk_id, text, dict(meta), 1.0 + math.log(math.exp(-d))))
        return hits

    def of_document(
        self,
        doc_id: str,
        vector: list[float],
        limit: int,
        where: dict[str, Any] | None = None,
    ) -> list[ChunkHit]:
        """The ``limit`` chunks of one document nearest to ``vector`` (those that also match
        ``where``), nearest first, as ``nearest`` returns them (flat metadata; similarity the
        cosine, as Chroma's cosine distance gives it).

        A document of up to ``READ_AT_ONCE`` chunks (every BBC article) is read in one ``get``
        with its vectors, the cosines in numpy: a nearest-neighbour query restricted to the
        document costs ~3 times as much (4.8 against 1.6 ms on the samples+BBC index). A longer
        one is asked that query, so that the cost does not grow with its length. A chunk this
        process's vector index lacks (another process wrote the store) is left out, as
        ``get_readable`` leaves it out."""
        if limit <= 0:
            return []
        own: dict[str, Any] = {"ref_doc_id": doc_id}
        matching = {"$and": [own, where]} if where else own
        include = ["documents", "metadatas", "embeddings"]
        got = get_unless_stale(
            self.collection, where=matching, include=include, limit=READ_AT_ONCE + 1
        )
        if got is None:
            # (decided on the ids stored, not on those still readable: review87)
            ids = self.collection.get(where=matching, include=[], limit=READ_AT_ONCE + 1)["ids"]
            if len(ids) > READ_AT_ONCE:
                return self.nearest(vector, limit, matching)
            got = get_readable(self.collection, list(ids), include)
        elif len(got["ids"]) > READ_AT_ONCE:
            return self.nearest(vector, limit, matching)
        ids = [str(i) for i in got["ids"]]
        if not ids:
            return []
        q = np.asarray(vector, dtype=np.float64)
        vectors = np.asarray(got["embeddings"], dtype=np.float64)
        norms = np.linalg.norm(vectors, axis=1) * (np.linalg.norm(q) or 1.0)
        cosines = (vectors @ q) / np.where(norms > 0, norms, 1.0)
        hits = [
            ChunkHit(
                chunk_id,
                text or "",
                _flat(meta),
                float(cosine),
            )
            for chunk_id, text, meta, cosine in zip(
                ids, got["documents"], got["metadatas"], cosines.tolist(), strict=True
            )
        ]
        return sorted(hits, key=lambda h: -h.similarity)[:limit]

    def query(
        self, vector: list[float], top_k: int, where: dict[str, Any] | None
    ) -> list[tuple[Any, float]]:
        """The ``top_k`` nearest chunks as (llama-index node, cosine similarity)."""
        llama_index_core()
        from llama_index.core.vector_stores.types import VectorStoreQuery

        kwargs: dict[str, Any] = {"where": where} if where else {}
        result = self.vector_store.query(
            VectorStoreQuery(query_embedding=vector, similarity_top_k=top_k), **kwargs
        )
        # ChromaVectorStore reports exp(-distance); cosine similarity is 1 - distance.
        return [
            (node, 1.0 + math.log(sim))
            for node, sim in zip(result.nodes or [], result.similarities or [], strict=True)
        ]

    def generation(self) -> tuple[str, str]:
        """(collection id, change token), read fresh from Chroma.

        Every write of document records sets a new random token (``mark_changed``), after the
        chunks it covers are stored: readers that derive something from the collection (the
        lexical index) compare tokens to know, cheaply, whether to look for changes.
        """
        col = self.client.get_collection(self.collection.name)
        return str(col.id), str((col.metadata or {}).get("generation", ""))

    def mark_changed(self) -> None:
        """Record that documents changed: a new random token in the collection's metadata.

        Random rather than a counter, so that two ingest workers never need to read-modify-write
        it; the other keys are written back unchanged (``modify`` replaces the metadata).
        """
        current = self.client.get_collection(self.collection.name).metadata or {}
        self.collection.modify(metadata={**current, "generation": uuid.uuid4().hex})
