"""The ``<name>_documents`` collection: one record per article, its whole canonical text and
metadata.

llama-index has no document store backed by Chroma, so this one is written by hand; keeping it
in Chroma means a Chroma server holds everything and replicas share it. Chroma requires a
vector per record, so each carries a constant one-dimensional placeholder.

Thread-safe: no state besides the Chroma collection handle.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from service.chroma_paging import get_all
from service.dates import date_from_metadata, date_metadata
from service.schemas import DocumentMeta

_DOC_VECTOR = [1.0]
# The aliases field of a record without any (aliases are a JSON list in one string field).
_NO_ALIASES = "[]"
# Where the aliases came from (a JSON object in one string field), when there are none.
_NO_SOURCES = "{}"
# Chroma caps how many records one call may carry; stay well below it.
_WRITE_BATCH = 4000


class AliasSource(BaseModel):
    """Where an exact repeat (an alias) was read from: what ``--prune`` checks and what the
    repeat keeps when it takes its document's place."""

    source: str
    origin: str
    # (posted over HTTP with a title or date of its own; a file's title is in its text)
    title: str | None = None
    published: str | None = None


class DocumentRecord(DocumentMeta):
    """An article as stored: canonical text plus metadata."""

    source: str
    origin: str
    text: str
    content_hash: str
    fingerprint: str
    chunks: int
    aliases: list[str] = Field(default_factory=list)
    # each alias's source (absent for an alias recorded before sources were kept: the next
    # ingest run that reads its file records it)
    alias_sources: dict[str, AliasSource] = Field(default_factory=dict)
    story_id: str | None = None  # set by the ingest job's grouping (service.stories)


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
            **_alias_metadata(
                {a: rec.alias_sources.get(a) for a in rec.aliases},
            ),
            **({"story_id": rec.story_id} if rec.story_id else {}),
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
            aliases=list(json.loads(str(meta.get("aliases") or _NO_ALIASES))),
            alias_sources={
                a: AliasSource.model_validate(src)
                for a, src in json.loads(str(meta.get("alias_sources") or _NO_SOURCES)).items()
            },
            story_id=str(meta["story_id"]) if meta.get("story_id") else None,
        )

    def records(self) -> dict[str, DocumentRecord]:
        """Every document's metadata (without its text), by id."""
        got = get_all(self.collection, include=["metadatas"])
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

    def canonical_of(self, alias: str) -> str | None:
        """The document that ``alias`` is an exact repeat of, or None.

        One Chroma call that returns only the records with aliases (a metadata filter; Chroma
        still reads every record's metadata: ~40 ms at 50,000 documents, paid by a lookup
        that misses, i.e. a 404)."""
        return self._alias_holders().get(alias)

    def _alias_holders(self) -> dict[str, str]:
        """alias → the document it repeats (the first by id, should two claim it): one Chroma
        call that returns only the records with aliases."""
        got = get_all(
            self.collection, where={"aliases": {"$ne": _NO_ALIASES}}, include=["metadatas"]
        )
        holders: dict[str, str] = {}
        for doc_id, meta in sorted(zip(got["ids"], got["metadatas"], strict=True)):
            for alias in json.loads(str((meta or {}).get("aliases") or _NO_ALIASES)):
                holders.setdefault(alias, str(doc_id))
        return holders

    def canonical_ids(self, doc_ids: list[str]) -> list[str]:
        """``doc_ids`` with each alias (an exact repeat kept under the first article's id)
        replaced by its document, each once: a filter on an alias filters on what
        ``GET /documents/{alias}`` serves. Ids that are documents cost one read by id; the
        aliases are looked up only when some id is not a document."""
        wanted = list(dict.fromkeys(doc_ids))
        known = set(self.collection.get(ids=wanted, include=[])["ids"]) if wanted else set()
        if known >= set(wanted):
            return wanted
        holders = self._alias_holders()
        return list(dict.fromkeys(holders.get(d, d) for d in wanted))

    def page(self, limit: int, offset: int) -> list[DocumentRecord]:
        """A page of documents (metadata only), ordered by id."""
        ids = sorted(get_all(self.collection, include=[])["ids"])[offset : offset + limit]
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

    def set_aliases(self, aliases: dict[str, dict[str, AliasSource | None]]) -> None:
        """Write the aliases of some documents (each alias with its source, or None when
        unknown), their other metadata kept: a metadata-only update, so that it cannot undo
        a text another process wrote meanwhile."""
        ids = sorted(aliases)
        for i in range(0, len(ids), _WRITE_BATCH):
            part = ids[i : i + _WRITE_BATCH]
            self.collection.update(ids=part, metadatas=[_alias_metadata(aliases[d]) for d in part])

    def set_stories(self, stories: dict[str, str]) -> None:
        """Write the story id of some documents (their other metadata is kept)."""
        ids = sorted(stories)
        for i in range(0, len(ids), _WRITE_BATCH):
            part = ids[i : i + _WRITE_BATCH]
            self.collection.update(ids=part, metadatas=[{"story_id": stories[d]} for d in part])

    def served(self, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """The stored text and story id (``story_ids``) of each document that has a record:
        what ``served_only`` checks passages against, and what answering groups them by, in
        one Chroma call (two calls cost ~2 ms of CPU more per answer, measured)."""
        got = self.collection.get(ids=sorted(set(doc_ids)), include=["documents", "metadatas"])
        return {
            doc_id: (text or "", _story_id(meta))
            for doc_id, text, meta in zip(
                got["ids"], got["documents"], got["metadatas"], strict=True
            )
        }

    def story_ids(self, doc_ids: list[str]) -> dict[str, str | None]:
        """The story id of each document (None when it has none yet, e.g. a document added
        over HTTP before the next ingest run groups it); one Chroma call, metadata only."""
        got = self.collection.get(ids=sorted(set(doc_ids)), include=["metadatas"])
        found = {
            doc_id: _story_id(meta)
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)
        }
        return {d: found.get(d) for d in doc_ids}

    def related(self, records: list[DocumentRecord]) -> dict[str, list[str]]:
        """For each record, the other documents of its story (one Chroma call)."""
        story_ids = sorted({r.story_id for r in records if r.story_id})
        members: dict[str, list[str]] = {}
        if story_ids:
            got = self.collection.get(where={"story_id": {"$in": story_ids}}, include=["metadatas"])
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True):
                members.setdefault(str((meta or {})["story_id"]), []).append(doc_id)
        return {
            r.doc_id: sorted(d for d in members.get(r.story_id or "", []) if d != r.doc_id)
            for r in records
        }

    def delete(self, doc_id: str) -> None:
        """Delete a document's record."""
        self.collection.delete(ids=[doc_id])

    def count(self) -> int:
        """How many documents are stored."""
        return int(self.collection.count())


def _story_id(meta: Mapping[str, Any] | None) -> str | None:
    """A record's story id, None before the ingest job grouped it."""
    return str(meta["story_id"]) if meta and meta.get("story_id") else None


def _alias_metadata(aliases: dict[str, AliasSource | None]) -> dict[str, str]:
    """The two metadata fields of a document's aliases: the sorted ids (a list, filtered on
    by ``canonical_of``) and the known sources (an object)."""
    return {
        "aliases": json.dumps(sorted(aliases), ensure_ascii=False),
        "alias_sources": json.dumps(
            {
                a: src.model_dump(exclude_none=True)
                for a, src in sorted(aliases.items())
                if src is not None
            },
            ensure_ascii=False,
        ),
    }
