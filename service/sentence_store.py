"""Sentences of the stored chunks with their vectors, computed once by the ingest job.

Where they live: a third Chroma collection, ``<name>_sentences``, one record per sentence of a
chunk (id ``<chunk_id>::s<k>``, the sentence vector, and metadata: document id, chunk id, the
chunk's span and the sentence's span, both in document offsets). Why a collection rather than
vectors in the chunk's metadata: Chroma indexes every string metadata value in SQLite and
llama-index's vector store copies a node's metadata into ``_node_content`` once more, so ~10 kB
of encoded vectors per chunk would be stored four times; a collection holds them once, in the
same store as the chunks, so embedded and server mode (and every replica) behave alike, and a
sentence-level dense search stays possible later. Its cost is the HNSW graph Chroma keeps for
any collection (memory and ingest time are in the README's figures).

The text is not stored: ``document.text[start:end]`` is the sentence, and the passage the
service already holds is a slice of that text.

Lookup is by sentence id (derived from the chunk id); a chunk without sentences of its own
(none, after a complete ingest) falls back to the sentences stored for the same document and
span. The chunk record also carries its sentences' spans (``LAYOUT_KEY``, ``encode_layout``),
which the search reads with the chunk anyway: with them, a read asks for exactly the chunk's
sentence ids and their vectors only. Reading the sentences' metadata was most of the cost
(100k chunks, 10 chunks: ~7.5 ms of CPU with metadata, ~3.5 without); chunks stored before the
layout existed are read the old way.

Thread-safe: it holds no state besides the Chroma collection handle, which is.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from service.chroma_paging import get_readable, get_unless_stale

log = logging.getLogger(__name__)

# Chroma caps how many records one call may carry; stay well below it.
_WRITE_BATCH = 4000
_ID_WINDOW = 32  # sentence positions asked for per chunk and call

LAYOUT_KEY = "sentences"
"""Chunk metadata key: the chunk's sentence spans (``encode_layout``)."""


def encode_layout(spans: Sequence[tuple[int, int]], chunk_start: int) -> str:
    """Sentence spans (document offsets) as a short string of offsets from the chunk's start,
    ``"0-120,121-300"``: Chroma metadata values are flat (str, int, float, bool)."""
    return ",".join(f"{s - chunk_start}-{e - chunk_start}" for s, e in spans)


def decode_layout(value: Any, chunk_start: int) -> tuple[tuple[int, int], ...] | None:
    """The spans ``encode_layout`` wrote, in document offsets; None when ``value`` is absent,
    empty or not a layout (a chunk stored before layouts: it is read the old way)."""
    if not isinstance(value, str) or not value:
        return None
    spans: list[tuple[int, int]] = []
    try:
        for part in value.split(","):
            s, e = part.split("-")
            spans.append((chunk_start + int(s), chunk_start + int(e)))
    except ValueError:
        return None
    if any(e <= s for s, e in spans):  # a negative offset fails to parse above
        return None
    return tuple(spans)


@dataclass(frozen=True)
class SpanKey:
    """Which chunk a set of sentences belongs to: its document and span (document offsets),
    and its sentences' spans when its record carries them (``decode_layout``)."""

    chunk_id: str
    doc_id: str
    start: int
    end: int
    layout: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class ChunkSentences:
    """The sentences of one chunk (document offsets, in text order) and their vectors."""

    spans: list[tuple[int, int]]
    vectors: np.ndarray


def sentence_id(chunk_id: str, position: int) -> str:
    """Deterministic id of a chunk's ``position``-th sentence (the chunk id pins its content)."""
    return f"{chunk_id}::s{position:03d}"


def parse_sentence_id(value: str) -> tuple[str, int] | None:
    """(chunk id, position) of an id ``sentence_id`` made; None for any other string."""
    chunk_id, separator, position = value.rpartition("::s")
    if not separator or not chunk_id or not position.isdigit():
        return None
    return chunk_id, int(position)


class SentenceStore:
    """Writes, deletes and reads sentence records of the ``<name>_sentences`` collection."""

    def __init__(self, collection: Any) -> None:
        self.collection = collection

    @staticmethod
    def records(
        chunk: SpanKey,
        spans: Sequence[tuple[int, int]],
        vectors: Sequence[Sequence[float]],
    ) -> tuple[list[str], list[Sequence[float]], list[dict[str, Any]]]:
        """The records (ids, vectors, metadata) of one chunk's sentences, for ``write``."""
        ids = [sentence_id(chunk.chunk_id, k) for k in range(len(spans))]
        metas: list[dict[str, Any]] = [
            {
                "ref_doc_id": chunk.doc_id,
                "chunk_id": chunk.chunk_id,
                "chunk_start": chunk.start,
                "chunk_end": chunk.end,
                "position": k,
                "start": s,
                "end": e,
            }
            for k, (s, e) in enumerate(spans)
        ]
        return ids, list(vectors), metas

    def write(
        self, ids: list[str], vectors: list[Sequence[float]], metas: list[dict[str, Any]]
    ) -> None:
        """Upsert sentence records in calls of at most ``_WRITE_BATCH``."""
        for i in range(0, len(ids), _WRITE_BATCH):
            self.collection.upsert(
                ids=ids[i : i + _WRITE_BATCH],
                embeddings=np.asarray(vectors[i : i + _WRITE_BATCH], dtype=np.float32),
                metadatas=metas[i : i + _WRITE_BATCH],
            )

    def delete_stale(self, doc_ids: list[str], keep_chunk_ids: set[str]) -> None:
        """Delete the sentences of ``doc_ids`` whose chunk is not in ``keep_chunk_ids``
        (replaced chunks, and sentences a killed run wrote for chunks it never stored)."""
        for i in range(0, len(doc_ids), _WRITE_BATCH):
            part = doc_ids[i : i + _WRITE_BATCH]
            where: dict[str, Any] = {"ref_doc_id": {"$in": part}}
            keep = sorted(keep_chunk_ids)
            if keep:
                where = {"$and": [where, {"chunk_id": {"$nin": keep}}]}
            self.collection.delete(where=where)

    def delete_document(self, doc_id: str) -> None:
        """Delete every sentence of a document."""
        self.collection.delete(where={"ref_doc_id": doc_id})

    def for_chunks(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        """The stored sentences of each chunk, by chunk id.

        Read by id (``<chunk_id>::s000``, ``s001`` …, asking for ``_ID_WINDOW`` positions per
        chunk and more only for a chunk that filled them): a ``get`` by ids costs ~5 ms for
        10 chunks whatever the collection's size, where a metadata ``where`` grows with it
        (70 ms at 800k sentences). Only chunks with no sentence of their own are looked up
        by document and span. A chunk without stored sentences is absent from the result.
        Chunks with a ``layout`` are read first, by their exact ids and without metadata; one
        whose sentences are not all there is read the old way.
        """
        if not chunks:
            return {}
        found = self._by_layout([c for c in chunks if c.layout])
        rest = [c for c in chunks if c.chunk_id not in found]
        if rest:
            found.update(self._by_ids(rest))
        return found

    def _by_layout(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        if not chunks:
            return {}
        wanted = {c.chunk_id: c for c in chunks}
        got = self.collection.get(
            ids=[
                sentence_id(c.chunk_id, k)
                for c in wanted.values()
                for k in range(len(c.layout or ()))
            ],
            include=["embeddings"],
        )
        vectors = dict(zip(got["ids"], got["embeddings"], strict=True))
        found: dict[str, ChunkSentences] = {}
        for chunk_id, c in wanted.items():
            layout = c.layout or ()
            rows = [vectors.get(sentence_id(chunk_id, k)) for k in range(len(layout))]
            if any(v is None for v in rows):
                continue
            found[chunk_id] = ChunkSentences(
                spans=list(layout),
                vectors=np.asarray(rows, dtype=np.float32).reshape(len(rows), -1),
            )
        return found

    def _by_ids(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        ids: list[str] = []
        metas: list[Any] = []
        vectors: list[Any] = []
        pending = sorted({c.chunk_id for c in chunks})
        start = 0
        while pending:
            got = get_readable(
                self.collection,
                [sentence_id(c, k) for c in pending for k in range(start, start + _ID_WINDOW)],
                ["metadatas", "embeddings"],
            )
            ids += got["ids"]
            metas += list(got["metadatas"] or [])
            vectors += list(got["embeddings"])
            last = {sentence_id(c, start + _ID_WINDOW - 1): c for c in pending}
            pending = sorted(last[i] for i in got["ids"] if i in last)
            start += _ID_WINDOW
        found = self._group(chunks, {"metadatas": metas, "embeddings": vectors})
        missing = [c for c in chunks if c.chunk_id not in found]
        if missing:
            found.update(self._by_span(missing))
        return found

    def _by_span(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        clauses: list[dict[str, Any]] = [
            {
                "$and": [
                    {"ref_doc_id": c.doc_id},
                    {"chunk_start": c.start},
                    {"chunk_end": c.end},
                ]
            }
            for c in {(c.doc_id, c.start, c.end): c for c in chunks}.values()
        ]
        where = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        got = get_unless_stale(self.collection, where=where, include=["metadatas", "embeddings"])
        if got is None:  # (a stale vector index: ``chroma_paging``)
            log.warning("Chroma could not read the sentences of %d chunks", len(chunks))
            return {}
        return self._group(chunks, got)

    @staticmethod
    def _group(chunks: Sequence[SpanKey], got: Any) -> dict[str, ChunkSentences]:
        # Group by (span, producing chunk): several chunks may share a span.
        groups: dict[tuple[str, int, int], dict[str, list[tuple[int, int, int, Any]]]] = {}
        for meta, vector in zip(got["metadatas"] or [], got["embeddings"], strict=True):
            span = (str(meta["ref_doc_id"]), int(meta["chunk_start"]), int(meta["chunk_end"]))
            rows = groups.setdefault(span, {}).setdefault(str(meta["chunk_id"]), [])
            rows.append((int(meta["position"]), int(meta["start"]), int(meta["end"]), vector))
        found: dict[str, ChunkSentences] = {}
        for c in chunks:
            by_chunk = groups.get((c.doc_id, c.start, c.end))
            if not by_chunk:
                continue
            rows = by_chunk.get(c.chunk_id) or by_chunk[min(by_chunk)]
            rows.sort(key=lambda r: r[0])
            found[c.chunk_id] = ChunkSentences(
                spans=[(s, e) for _, s, e, _ in rows],
                vectors=np.asarray([v for *_, v in rows], dtype=np.float32).reshape(len(rows), -1),
            )
        return found
