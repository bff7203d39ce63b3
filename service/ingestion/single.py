"""Documents over HTTP (POST/DELETE /documents) through the ingest job, never beside it.

A JSON document becomes the loader's ``RawDocument``; an uploaded file goes through the
loader itself (``load_file``, from a temporary file named as uploaded), so every format the
CLI reads is read the same way. Then ``IngestJob`` does what it does for the CLI: cleaning,
duplicate detection, chunking, embedding and the crash-safe write order. Everything that can
be checked before writing is checked first (size, count, ids, unreadable files, no text left
after cleaning): a bad request writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import tempfile
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from service.config import Settings
from service.dates import parse_date
from service.errors import (
    DocumentConflictError,
    InvalidDocumentError,
    LoadError,
    NotFoundError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
)
from service.index import DocumentRecord, NewsIndex, open_index
from service.ingestion.clean import clean_article
from service.ingestion.pipeline import API_ORIGIN, IngestJob, Summary, repeat_document
from service.ingestion.sources import (
    SUPPORTED_SUFFIXES,
    RawDocument,
    Skipped,
    from_markup,
    load_file,
)

log = logging.getLogger(__name__)

MAX_ID_CHARS = 256


def check_doc_id(doc_id: str) -> str:
    """A document id as the loader makes them: path-like, relative, printable."""
    doc_id = doc_id.strip()
    parts = doc_id.split("/")
    if (
        not doc_id
        or len(doc_id) > MAX_ID_CHARS
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(ch) < 32 or ch == "\\" for ch in doc_id)
    ):
        raise InvalidDocumentError(
            f"id {doc_id[:80]!r}: use 1-{MAX_ID_CHARS} printable characters, segments "
            "separated by '/', none empty, '.' or '..'"
        )
    return doc_id


def document_from_fields(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> RawDocument:
    """A JSON document. Without an id it gets ``api/<hash of its text>`` (the same text
    posted twice is the same document)."""
    if doc_id is None:
        doc_id = "api/" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    doc_id = check_doc_id(doc_id)
    doc = RawDocument(
        doc_id=doc_id,
        source=url or f"api:{doc_id}",
        text=text,
        origin=API_ORIGIN,
        title=title,
        published=published.isoformat() if published else None,
    )
    try:
        return from_markup(doc)
    except LoadError as exc:  # an HTML page with no text
        raise InvalidDocumentError(f"text: {exc}") from exc


def documents_from_upload(filename: str, data: bytes, doc_id: str | None) -> list[RawDocument]:
    """The documents of one uploaded file, read by the CLI's loader.

    A file's id is ``doc_id`` or its name without extension (as for a file given to the CLI);
    JSON records use their own ``id`` or ``<file id>/<n>``. Unreadable files or records raise
    ``InvalidDocumentError`` with the loader's reason.
    """
    name = PurePosixPath(filename.replace("\\", "/")).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedMediaTypeError(
            f"{name or 'the file'}: unsupported file type {suffix or '(none)'!r}; send {kinds}"
        )
    file_id = check_doc_id(doc_id if doc_id is not None else PurePosixPath(name).stem)
    shown = f"upload:{name}"  # how the document's source reads (no server path)
    with tempfile.TemporaryDirectory(prefix="newsqa-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        items = list(load_file(path, file_id, source=shown, origin=API_ORIGIN))
    problems = [
        f"{item.source.removeprefix('upload:')}: {item.reason}"
        for item in items
        if isinstance(item, Skipped)
    ] + [
        # (the CLI keeps such a record without a date; an upload says so, as the JSON body
        # does for its own date)
        f"{name}: {item.date_problem}"
        for item in items
        if isinstance(item, RawDocument) and item.date_problem
    ]
    if problems:
        raise InvalidDocumentError("; ".join(problems))
    docs = []
    for item in items:
        assert isinstance(item, RawDocument)
        docs.append(dataclasses.replace(item, doc_id=check_doc_id(item.doc_id)))
    return docs


@dataclass(frozen=True)
class DocumentOutcome:
    """What happened to one document of a request."""

    doc_id: str
    status: str  # added | updated | unchanged | duplicate
    duplicate_of: str | None
    title: str | None
    published: date | None
    chunks: int


@dataclass(frozen=True)
class WriteResult:
    """Per-document outcomes and the ingest job's summary."""

    documents: list[DocumentOutcome]
    summary: Summary


class DocumentWriter:
    """Adds and deletes documents of the service's index.

    Thread-safe: a lock serialises this process's writes (each runs in a worker thread, so
    questions are answered meanwhile; nothing a question needs is locked). Writers in other
    processes (the CLI, other replicas) are safe per document through the job's deterministic
    ids and write order.
    """

    def __init__(
        self,
        settings: Settings,
        index: NewsIndex,
        exclusive: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        self.settings = settings
        self.index = index
        self._lock = threading.Lock()
        # held around each write: the store to this process alone (``StoreLock.exclusive``)
        self._exclusive = exclusive

    def check(self, docs: list[RawDocument]) -> None:
        """Refuse a request that could only be written in part (nothing is written)."""
        if len(docs) > self.settings.upload_max_documents:
            raise PayloadTooLargeError(
                f"{len(docs)} documents in one request; send at most "
                f"{self.settings.upload_max_documents} (RAG_UPLOAD_MAX_DOCUMENTS)"
            )
        seen: set[str] = set()
        for doc in docs:
            if doc.doc_id in seen:
                raise InvalidDocumentError(f"id {doc.doc_id!r} appears twice in this request")
            seen.add(doc.doc_id)
            if not clean_article(doc.text).text:
                raise InvalidDocumentError(f"{doc.doc_id}: no article text left after cleaning")

    def add(self, docs: list[RawDocument]) -> WriteResult:
        """Ingest ``docs`` with the ingest job; blocking (call it from a worker thread)."""
        self.check(docs)
        ids = [d.doc_id for d in docs]
        with self._lock, self._exclusive():
            # Refuses (IndexMismatchError) an index built with another model or chunking.
            open_index(self.settings, for_writing=True, embed_model=self.index.embed_model)
            before = {i: self.index.get_document(i) for i in ids}
            job = IngestJob(self.settings, self.index)
            existing = {i: rec for i, rec in before.items() if rec is not None}
            for doc in docs:  # the job's own checks, before anything is written
                if (why := job.refusal(doc, existing)) is not None:
                    raise InvalidDocumentError(f"{doc.doc_id}: {why}")
            summary = job.run([], items=docs)
            after = {i: self.index.get_document(i) for i in ids}
            self._sync_lexical()
        outcomes = [self._outcome(d, before[d.doc_id], after[d.doc_id], summary) for d in docs]
        log.info("POST /documents: %s", ", ".join(f"{o.doc_id} {o.status}" for o in outcomes))
        return WriteResult(outcomes, summary)

    @staticmethod
    def _outcome(
        doc: RawDocument,
        before: DocumentRecord | None,
        after: DocumentRecord | None,
        summary: Summary,
    ) -> DocumentOutcome:
        first = summary.duplicate_of.get(doc.doc_id)
        if first is not None:
            published = parse_date(doc.published)
            return DocumentOutcome(doc.doc_id, "duplicate", first, doc.title, published, 0)
        if after is None:  # check() refuses what today's job skips; a later rule may add more
            reasons = "; ".join(f"{s['source']}: {s['reason']}" for s in summary.skipped_files)
            raise DocumentConflictError(
                f"{doc.doc_id} was not ingested ({reasons or 'no reason given'}); other "
                "documents of this request may have been"
            )
        if before is None:
            status = "added"
        elif before.fingerprint == after.fingerprint:
            status = "unchanged"
        else:
            status = "updated"
        return DocumentOutcome(doc.doc_id, status, None, after.title, after.published, after.chunks)

    def _sync_lexical(self) -> None:
        """This process's BM25 index takes the write in at once: the next request must find
        it (other processes see it within ``RAG_LEXICAL_REFRESH_SECONDS``)."""
        if self.settings.retrieval == "hybrid":
            self.index.lexical.refresh(self.index, force=True)

    def delete(self, doc_id: str) -> DocumentRecord:
        """Remove a document (its chunks first, then its record); returns what was removed.

        An alias (the id of an exact repeat) is removed from its document's aliases: the
        document it repeats stays, and nothing is returned as removed but the alias itself.
        A document with aliases leaves its text to them: the first becomes a document (with
        its own chunks, written before the document is deleted), the others its aliases."""
        with self._lock, self._exclusive():
            record = self.index.get_document(doc_id)
            if record is None:
                return self._delete_alias(doc_id)
            if record.aliases:
                self._promote_aliases(record)
            self.index.delete_document(doc_id)
            self._sync_lexical()
        log.info("DELETE /documents/%s: %d chunks", doc_id, record.chunks)
        return record

    def _promote_aliases(self, record: DocumentRecord) -> None:
        """Write ``record``'s aliases as documents (the first; the others become its aliases)
        before ``record`` is deleted; refuse the delete if the first could not be written."""
        # Refuses (IndexMismatchError) an index built with another model or chunking.
        open_index(self.settings, for_writing=True, embed_model=self.index.embed_model)
        repeats = [
            repeat_document(record, alias, record.alias_sources.get(alias))
            for alias in sorted(record.aliases)
        ]
        summary = IngestJob(self.settings, self.index).run(
            [], items=repeats, retiring=frozenset({record.doc_id})
        )
        if self.index.get_document(repeats[0].doc_id) is None:
            reasons = "; ".join(f"{s['source']}: {s['reason']}" for s in summary.skipped_files)
            raise DocumentConflictError(
                f"{record.doc_id} was not deleted: its repeat {repeats[0].doc_id} could not "
                f"take its text ({reasons or 'no reason given'})"
            )
        log.info("DELETE /documents/%s: its repeats keep its text", record.doc_id)

    def _delete_alias(self, alias: str) -> DocumentRecord:
        canonical = self.index.documents.canonical_of(alias)
        record = self.index.get_document(canonical) if canonical else None
        if record is None:
            raise NotFoundError(f"no document with id {alias!r}; GET /documents lists them")
        # (the aliases alone: a whole-record write could undo another process's new text)
        self.index.documents.set_aliases(
            {record.doc_id: {a: record.alias_sources.get(a) for a in record.aliases if a != alias}}
        )
        log.info("DELETE /documents/%s: an alias of %s, no chunks", alias, record.doc_id)
        return record.model_copy(update={"doc_id": alias, "chunks": 0, "aliases": []})
