"""The ``<name>_documents`` collection: one record per article, its whole canonical text and
metadata.

llama-index has no document store backed by Chroma, so this one is written by hand; keeping it
in Chroma means a Chroma server holds everything and replicas share it. Chroma requires a
vector per record, so each carries a constant one-dimensional placeholder.

Thread-safe: no state besides the Chroma collection handle.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field

from service.dates import date_from_metadata, date_metadata
from service.schemas import DocumentMeta

_DOC_VECTOR = [1.0]
# Chroma caps how many records one call may carry; stay well below it.
_WRITE_BATCH = 4000


class DocumentRecord(DocumentMeta):
    """An article as stored: canonical text plus metadata."""

    source: str
    origin: str
    text: str
    content_hash: str
    fingerprint: str
    chunks: int
    aliases: list[str] = Field(default_factory=list)


class DocumentStore:
    """Reads and writes document records."""

    def __init__(self, collection: Any, build_metadata: dict[str, Any]) -> None:
        self.collection = collection
        # What produced each document's chunks (the chunk collection records it too).
        self.build_metadata = build_metadata

    def _metadata(self, rec: DocumentRecord) -> dict[str, Any]:
        return {
            **self.build_metadata,
            "title": rec.title,
            **date_metadata(rec.published),
            "source": rec.source,
            "origin": rec.origin,
            "content_hash": rec.content_hash,
            "fingerprint": rec.fingerprint,
            "chunks": rec.chunks,
            "aliases": json.dumps(rec.aliases, ensure_ascii=False),
        }

    @staticmethod
    def _record(doc_id: str, meta: dict[str, Any], text: str | None) -> DocumentRecord:
        return DocumentRecord(
            doc_id=doc_id,
            title=str(meta.get("title", "")),
            published=date_from_metadata(meta),
            source=str(meta.get("source", "")),
            origin=str(meta.get("origin", "")),
            text=text or "",
            content_hash=str(meta.get("content_hash", "")),
            fingerprint=str(meta.get("fingerprint", "")),
            chunks=int(meta.get("chunks", 0)),
            aliases=list(json.loads(str(meta.get("aliases") or "[]"))),
        )

    def records(self) -> dict[str, DocumentRecord]:
        """Every document's metadata (without its text), by id."""
        got = self.collection.get(include=["metadatas"])
        return {
            doc_id: self._record(doc_id, meta or {}, None)
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)
        }

    def get(self, doc_id: str) -> DocumentRecord | None:
        """One document with its canonical text, or None."""
        got = self.collection.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        return self._record(doc_id, got["metadatas"][0] or {}, got["documents"][0])

    def page(self, limit: int, offset: int) -> list[DocumentRecord]:
        """A page of documents (metadata only), ordered by id."""
        ids = sorted(self.collection.get(include=[])["ids"])[offset : offset + limit]
        if not ids:
            return []
        got = self.collection.get(ids=ids, include=["metadatas"])
        by_id = dict(zip(got["ids"], got["metadatas"], strict=True))
        return [self._record(i, by_id[i] or {}, None) for i in ids if i in by_id]

    def put(self, recs: list[DocumentRecord]) -> None:
        """Write document records in one call per ``_WRITE_BATCH``."""
        for i in range(0, len(recs), _WRITE_BATCH):
            part = recs[i : i + _WRITE_BATCH]
            self.collection.upsert(
                ids=[r.doc_id for r in part],
                documents=[r.text for r in part],
                metadatas=[self._metadata(r) for r in part],
                embeddings=[_DOC_VECTOR] * len(part),
            )

    def delete(self, doc_id: str) -> None:
        """Delete a document's record."""
        self.collection.delete(ids=[doc_id])

    def count(self) -> int:
        """How many documents are stored."""
        return int(self.collection.count())
