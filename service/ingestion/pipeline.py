"""The ingest pipeline: load → clean → dedup → chunk → embed → upsert → prune.

Crash safety comes from the order of writes, per document:
1. upsert the sentences (with vectors) of its new chunks, then the chunks (deterministic ids,
   so a repeat write changes nothing, and a stored chunk always has its sentences),
2. delete its chunks, and sentences, that the new version no longer has,
3. write the document record, whose fingerprint marks the document as complete.
A run killed anywhere leaves at worst a document whose record is missing or stale; the next
run sees that its fingerprint does not match and redoes exactly that document.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from service.config import Settings
from service.dates import parse_date
from service.document_store import AliasSource
from service.index import ChunkRecord, DocumentChunks, DocumentRecord, NewsIndex
from service.ingestion.chunking import Chunk, chunk_document
from service.ingestion.clean import clean_article
from service.ingestion.sources import (
    RawDocument,
    Skipped,
    bounded_title,
    id_problem,
    load_paths,
    public_source,
    too_large,
)
from service.stories import document_vectors, story_groups

log = logging.getLogger(__name__)

# Chunks read or deleted per Chroma call while pruning.
_PAGE = 2000
# The ``origin`` of documents added over HTTP (POST /documents): no file backs them, so a
# CLI ``--prune`` leaves them alone (they are removed with DELETE /documents/{id}).
API_ORIGIN = "api:POST /documents"
# The ``origin`` of a document that took the place of a deleted one as its alias, where the
# alias was recorded before aliases' sources were kept: a file of the same id may take it over
# (``IngestJob.refusal``), and ``--prune`` keeps it.
UNKNOWN_ORIGIN = "alias:source unknown"


def repeat_document(rec: DocumentRecord, alias: str, src: AliasSource | None) -> RawDocument:
    """An alias of ``rec`` as a document of its own: ``rec``'s text, the alias's source and,
    when it was posted with them, its own title and date."""
    published = rec.published.isoformat() if rec.published else None
    src = src or AliasSource(source=f"alias:{alias}", origin=UNKNOWN_ORIGIN)
    return RawDocument(
        doc_id=alias,
        source=src.source,
        text=rec.text,
        origin=src.origin,
        title=src.title or rec.title,
        published=src.published or published,
    )


@dataclass
class Summary:
    """What one run did; printed as one JSON line with ``--json``."""

    documents: int = 0
    chunks: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    duplicates: int = 0
    orphans_deleted: int = 0
    embedded: int = 0
    sentences_embedded: int = 0
    seconds: float = 0.0
    chunks_per_second: float = 0.0
    skipped_files: list[dict[str, str]] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    # repeats that keep the old text as documents of their own, the document they repeated
    # being edited or removed by this run: id → that document (review65: a user who corrects
    # an article is told that an earlier copy of it still gives the old text)
    repeats_kept: dict[str, str] = field(default_factory=dict)

    def absorb(self, other: Summary) -> None:
        """Add the document counts of a run made on this run's behalf (its totals, timing
        and throughput are this run's to measure)."""
        for name in ("added", "updated", "unchanged", "deleted", "skipped", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.embedded += other.embedded
        self.sentences_embedded += other.sentences_embedded
        self.skipped_files.extend(other.skipped_files)
        self.duplicate_of.update(other.duplicate_of)
        self.repeats_kept.update(other.repeats_kept)

    def to_json(self) -> str:
        """The summary as one JSON line."""
        return json.dumps(asdict(self), ensure_ascii=False)


@dataclass
class _Pending:
    record: DocumentRecord
    chunks: list[Chunk]
    is_new: bool
    sentences: list[tuple[tuple[int, int], ...]]  # per chunk, document offsets


@dataclass
class _Embedded:
    """A flush after embedding: what its Chroma writes need."""

    batch: list[_Pending]
    items: list[DocumentChunks]


def sha256(text: str) -> str:
    """Hex SHA-256 of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class IngestJob:
    """One ingest run over some paths into the index opened by ``service.index``."""

    def __init__(self, settings: Settings, index: NewsIndex, *, progress: bool = False) -> None:
        self.settings = settings
        self.index = index
        self.progress = progress
        self.summary = Summary()
        self._pending: list[_Pending] = []
        self._pending_chunks = 0
        # Embedding several documents per batch keeps the model busy; flushing per ~4 batches
        # bounds what a crash can make us redo.
        self._flush_at = settings.embed_batch_size * 4
        self._embedder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-embed")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-writer")
        self._embedding: Future[_Embedded] | None = None
        self._writing: list[Future[None]] = []

    # -- helpers ---------------------------------------------------------------------------
    def _fingerprint(self, text: str, title: str, published: date | None) -> str:
        """What a document's chunks depend on (its source does not change them)."""
        s = self.settings
        iso = published.isoformat() if published else None
        return sha256(
            json.dumps(
                [text, title, iso, s.chunk_size, s.chunk_overlap, s.tokenizer],
                ensure_ascii=False,
            )
        )

    def _legacy_fingerprint(
        self, text: str, title: str, published: date | None, source: str
    ) -> str:
        """The fingerprint of records written before sources were relative (it had the source)."""
        s = self.settings
        iso = published.isoformat() if published else None
        return sha256(
            json.dumps(
                [text, title, iso, source, s.chunk_size, s.chunk_overlap, s.tokenizer],
                ensure_ascii=False,
            )
        )

    def refusal(self, item: RawDocument, existing: Mapping[str, DocumentRecord]) -> str | None:
        """Why ``item`` must not be written, or None.

        Checked here rather than in the loaders so that every way in (files, the service's
        write endpoints) is held to it: a usable id, a bounded size, and no overwriting a
        document that another source still provides. A document whose source is gone may be
        taken over (a file moved or renamed). ``existing`` needs only the records of the ids
        checked: a caller that must refuse before writing anything (POST /documents) can pass
        just those.
        """
        if problem := id_problem(item.doc_id):
            return f"unusable document id ({problem})"
        size = len(item.text.encode("utf-8", "surrogatepass"))
        if size > self.settings.max_doc_bytes:
            return too_large(self.settings.max_doc_bytes, size)
        old = existing.get(item.doc_id)
        if old is not None and old.origin and old.origin not in (item.origin, UNKNOWN_ORIGIN):
            origin = Path(old.origin)
            if not origin.is_absolute() or origin.exists():
                return (
                    f"document id '{item.doc_id}' is already used by "
                    f"{public_source(old.source)}; refusing to overwrite it"
                )
        return None

    def _skip(self, source: str, reason: str) -> None:
        self.summary.skipped += 1
        self.summary.skipped_files.append({"source": source, "reason": reason})
        log.warning("skipped %s: %s", source, reason)

    # -- the run ---------------------------------------------------------------------------
    def run(
        self,
        paths: list[Path],
        *,
        prune: bool = False,
        items: Iterable[RawDocument | Skipped] | None = None,
        retiring: frozenset[str] = frozenset(),
    ) -> Summary:
        """Ingest ``paths``; with ``prune``, drop documents whose source files are gone.

        ``items``: documents already loaded (POST /documents), ingested instead of ``paths``.
        ``retiring``: documents the caller deletes after this run; no item is an alias of
        them (their repeats are written as documents of their own).
        """
        started = time.perf_counter()
        existing = {
            doc_id: rec
            for doc_id, rec in self.index.document_records().items()
            if doc_id not in retiring
        }
        by_hash = {rec.content_hash: rec.doc_id for rec in existing.values()}
        # each document's text at the end of this run, by hash (an edit changes it)
        holds = {rec.doc_id: rec.content_hash for rec in existing.values()}
        seen: dict[str, str] = {}  # doc id -> the source that gave it in this run
        aliases: dict[str, dict[str, AliasSource]] = {}
        # this run's exact repeats, by id, with the hash of their text
        repeats: dict[str, tuple[RawDocument, str]] = {}
        # documents with aliases whose text this run changes, as they were (with their text)
        before_edit: dict[str, DocumentRecord] = {}
        # An alias written as a document of its own (its text changed) is no alias any more.
        alias_of = {a: rec.doc_id for rec in existing.values() for a in rec.aliases}
        unaliased: set[str] = set()

        if items is None:
            items = load_paths(paths, max_doc_bytes=self.settings.max_doc_bytes)
        orphans = self._orphan_chunks() if prune else {}
        rewrites: list[DocumentRecord] = []
        bar = tqdm(items, desc="ingest", unit="doc", file=sys.stderr, disable=not self.progress)
        for item in bar:
            if isinstance(item, Skipped):
                self._skip(item.source, item.reason)
                continue
            if item.doc_id in seen:
                self._skip(
                    item.source,
                    f"duplicate document id '{item.doc_id}' (already given by {seen[item.doc_id]})",
                )
                continue
            if (reason := self.refusal(item, existing)) is not None:
                self._skip(item.source, reason)
                continue
            try:
                cleaned = clean_article(item.text)
            except Exception as exc:  # one article must never end the run
                self._skip(item.source, f"cannot clean: {type(exc).__name__}")
                continue
            if not cleaned.text:
                self._skip(item.source, "no article text left after cleaning")
                continue
            seen[item.doc_id] = item.source
            content_hash = sha256(cleaned.text)
            first = by_hash.get(content_hash)
            if first is not None and first != item.doc_id:
                self._record_duplicate(item, first, aliases, existing)
                repeats[item.doc_id] = (item, content_hash)
                if alias_of.get(item.doc_id, first) != first:
                    unaliased.add(item.doc_id)  # no alias of the document it repeated before
                # (had it a text of its own before, that text is no one's now)
                own = holds.pop(item.doc_id, None)
                if own is not None and by_hash.get(own) == item.doc_id:
                    del by_hash[own]
                continue
            old = existing.get(item.doc_id)
            if old is not None and by_hash.get(old.content_hash) == item.doc_id:
                del by_hash[old.content_hash]  # its old text is no one's now
            # (read before this run writes the new text: its repeats keep the old one)
            if (
                old is not None
                and old.aliases
                and old.content_hash != content_hash
                and (was := self.index.get_document(item.doc_id)) is not None
            ):
                before_edit[item.doc_id] = was
            by_hash[content_hash] = item.doc_id
            holds[item.doc_id] = content_hash
            if item.doc_id in alias_of:
                unaliased.add(item.doc_id)
            title = bounded_title(item.title or cleaned.title)
            published = parse_date(item.published or cleaned.published)
            fingerprint = self._fingerprint(cleaned.text, title, published)
            record = DocumentRecord(
                doc_id=item.doc_id,
                title=title,
                published=published,
                source=item.source,
                origin=item.origin,
                text=cleaned.text,
                content_hash=content_hash,
                fingerprint=fingerprint,
                chunks=0,
                # (the repeats of a text that changed repeat it no more)
                aliases=list(old.aliases) if old and old.content_hash == content_hash else [],
                alias_sources=(
                    dict(old.alias_sources) if old and old.content_hash == content_hash else {}
                ),
            )
            if old is not None and old.fingerprint in (
                fingerprint,
                self._legacy_fingerprint(cleaned.text, title, published, old.source),
            ):
                self.summary.unchanged += 1
                if (old.fingerprint, old.source, old.origin) != (
                    fingerprint,
                    item.source,
                    item.origin,
                ):
                    # Same text, new source (or a record from before sources were relative):
                    # its chunks stay valid, only the record is rewritten.
                    rewrites.append(
                        record.model_copy(update={"chunks": old.chunks, "story_id": old.story_id})
                    )
                continue
            try:
                chunks = chunk_document(
                    item.doc_id,
                    cleaned.text,
                    chunk_size=self.settings.chunk_size,
                    chunk_overlap=self.settings.chunk_overlap,
                    encoding=self.settings.tokenizer,
                    salt=fingerprint,
                )
            except Exception as exc:  # one article must never end the run
                self._skip(item.source, f"cannot chunk: {type(exc).__name__}")
                continue
            record.chunks = len(chunks)
            sentences = [c.sentences() for c in chunks]
            self._pending.append(_Pending(record, chunks, old is None, sentences))
            self._pending_chunks += len(chunks)
            if self._pending_chunks >= self._flush_at:
                self._submit_flush()
        self._submit_flush()
        self._wait_flush()  # a failed flush raises here
        bar.close()
        self.index.put_documents(rewrites)

        doomed = self._doomed(paths, seen, existing) if prune else set()
        # A repeat whose document is pruned now, or whose document's text changed in this
        # run, repeats nothing that stays: it becomes a document (or an alias of another).
        stranded = sorted(
            alias
            for alias, (_, content_hash) in repeats.items()
            if (first := self.summary.duplicate_of[alias]) in doomed
            or holds.get(first) != content_hash
        )
        for alias in stranded:
            aliases[self.summary.duplicate_of[alias]].pop(alias)
        # (each heir with the document whose text it takes)
        heirs = {a: (repeats[a][0], self.summary.duplicate_of[a]) for a in stranded}
        # and so do the aliases this run did not read (posted over HTTP, or files elsewhere)
        # of a document pruned now or whose text it changed, while their sources remain
        roots = [p.resolve() for p in paths]
        for doc_id in sorted(doomed | set(before_edit)):
            rec = before_edit.get(doc_id) or self.index.get_document(doc_id)
            for heir in [] if rec is None else self._unread_repeats(rec, seen, roots):
                heirs[heir.doc_id] = (heir, doc_id)
        self._save_aliases(aliases, {alias_of[a] for a in unaliased}, unaliased)
        if heirs:
            self.summary.repeats_kept.update({a: d for a, (_, d) in heirs.items()})
            self._promote([item for item, _ in heirs.values()], frozenset(doomed))
        if prune:
            for doc_id in sorted(doomed):  # after their repeats are written
                mine = [a for a, (_, d) in heirs.items() if d == doc_id]
                if mine and not any(self.index.get_document(a) for a in mine):
                    # (the job refused its repeats: the text stays with its document)
                    log.warning("kept %s: its repeats %s could not take its text", doc_id, mine)
                    continue
                self.index.delete_document(doc_id)
                self.summary.deleted += 1
            self._prune_aliases(paths, seen)
            self._prune_orphans(orphans)
        self._group_stories()
        counts = self.index.counts()
        self.summary.documents, self.summary.chunks = counts.documents, counts.chunks
        self.summary.seconds = round(time.perf_counter() - started, 3)
        if self.summary.seconds > 0:
            self.summary.chunks_per_second = round(self.summary.embedded / self.summary.seconds, 2)
        return self.summary

    def _record_duplicate(
        self,
        item: RawDocument,
        first: str,
        aliases: dict[str, dict[str, AliasSource]],
        existing: dict[str, DocumentRecord],
    ) -> None:
        self.summary.duplicates += 1
        self.summary.duplicate_of[item.doc_id] = first
        aliases.setdefault(first, {})[item.doc_id] = AliasSource(
            source=item.source, origin=item.origin, title=item.title, published=item.published
        )
        if item.doc_id in existing:
            # It was indexed on its own before its text became equal to another article's.
            self.index.delete_document(item.doc_id)
            existing.pop(item.doc_id)
            self.summary.deleted += 1

    def _submit_flush(self) -> None:
        """Hand the pending documents to the embedding thread and go on reading.

        Three stages run at once, one flush each: this thread loads, cleans, chunks and splits
        sentences (Python, holding the GIL); the embedding thread embeds the previous flush
        (torch, which releases it); the writer thread stores the one before (Chroma's Rust
        core and SQLite, which release it too). Profiled on BBC, embedding is ~90% of the
        work, the Chroma writes ~9% and the reading ~3%: each stage hides behind embedding.
        Writes stay in order on the one writer thread, a flush after the previous one, so the
        crash-safety argument above holds per flush. A flush waits for the embedding of the
        one before it, so at most two are held in memory besides the one being read.
        """
        if not self._pending:
            return
        batch, self._pending, self._pending_chunks = self._pending, [], 0
        try:
            if self._embedding is not None:
                self._embedding.result()  # re-raises what the embedding raised
            # Writes older than the previous flush's are finished (else wait), and none failed.
            for future in self._writing[:-1]:
                future.result()
        except BaseException:
            self._settle()
            raise
        self._writing = self._writing[-1:]
        embedding = self._embedder.submit(self._embed, batch)
        previous = self._writing[0] if self._writing else None
        self._embedding = embedding
        self._writing.append(self._writer.submit(self._write_after, previous, embedding))

    def _wait_flush(self) -> None:
        """Wait for every submitted flush to be stored; re-raise the first failure."""
        try:
            for future in self._writing:
                future.result()
        finally:
            self._settle()

    def _settle(self) -> None:
        """Wait until no flush is being written (the writes before a failure finish, those
        after it fail at once), so that a run that raises leaves the store as it will stay;
        then stop the two threads (a job makes one run)."""
        wait(self._writing)
        self._writing, self._embedding = [], None
        self._embedder.shutdown()
        self._writer.shutdown()

    def _embed(self, batch: list[_Pending]) -> _Embedded:
        # Every chunk's sentences; overlapping chunks repeat sentences, embedded once each.
        chunk_sentences = [p.sentences for p in batch]
        unique: dict[tuple[str, int, int], int] = {}
        sentence_texts: list[str] = []
        for pending, per_chunk in zip(batch, chunk_sentences, strict=True):
            text = pending.record.text
            for spans in per_chunk:
                for s, e in spans:
                    key = (pending.record.doc_id, s, e)
                    if key not in unique:
                        unique[key] = len(sentence_texts)
                        sentence_texts.append(text[s:e])
        texts = [c.text for p in batch for c in p.chunks]
        log.debug(
            "embedding %d chunks and %d sentences of %d documents",
            len(texts),
            len(sentence_texts),
            len(batch),
        )
        embedded = self.index.embed_texts(texts + sentence_texts)
        vectors, sentence_vectors = embedded[: len(texts)], embedded[len(texts) :]
        self.summary.embedded += len(texts)
        self.summary.sentences_embedded += len(sentence_texts)
        items = []
        offset = 0
        for pending, per_chunk in zip(batch, chunk_sentences, strict=True):
            rec = pending.record
            n = len(pending.chunks)
            chunk_records = [
                ChunkRecord(
                    chunk_id=c.chunk_id,
                    doc_id=rec.doc_id,
                    index=c.index,
                    start=c.start,
                    end=c.end,
                    text=c.text,
                    title=rec.title,
                    published=rec.published,
                    sentences=spans,
                )
                for c, spans in zip(pending.chunks, per_chunk, strict=True)
            ]
            items.append(
                DocumentChunks(
                    rec.doc_id,
                    chunk_records,
                    vectors[offset : offset + n],
                    [
                        [sentence_vectors[unique[(rec.doc_id, s, e)]] for s, e in spans]
                        for spans in per_chunk
                    ],
                )
            )
            offset += n
        return _Embedded(batch, items)

    def _write_after(self, previous: Future[None] | None, embedding: Future[_Embedded]) -> None:
        """Write a flush once it is embedded, unless the write before it failed (its error is
        raised again: no flush is stored after one that failed, as when they ran one by one)."""
        if previous is not None:
            previous.result()
        self._write(embedding.result())

    def _write(self, flush: _Embedded) -> None:
        self.index.replace_chunks_many(flush.items)
        log.debug("stored chunks of %d documents", len(flush.batch))
        # Last: a document record marks its document complete (a crash before this line
        # leaves documents without records, which the next run redoes).
        self.index.put_documents([p.record for p in flush.batch])
        log.debug("stored records of %d documents", len(flush.batch))
        for pending in flush.batch:
            if pending.is_new:
                self.summary.added += 1
            else:
                self.summary.updated += 1

    def _group_stories(self) -> None:
        """Regroup documents into stories (``service.stories``) when documents changed or
        some have no story yet; only story ids that differ are written."""
        s = self.summary
        records = self.index.document_records()
        if not (s.added or s.updated or s.deleted) and all(r.story_id for r in records.values()):
            return
        ids, matrix = document_vectors(self.index.chunk_collection)
        groups = story_groups(ids, matrix, self.settings.story_similarity)
        changed = {
            d: story for d, story in groups.items() if d in records and records[d].story_id != story
        }
        if changed:
            self.index.documents.set_stories(changed)
            self.index.mark_changed()

    def _save_aliases(
        self,
        aliases: dict[str, dict[str, AliasSource]],
        holders: set[str],
        unaliased: set[str],
    ) -> None:
        """Add this run's repeats (with their sources) to their documents' aliases, and take
        out of ``holders``' aliases the ids now written as documents of their own
        (``unaliased``). Metadata updates only: another process's write of the same records
        keeps its text."""
        changed: dict[str, dict[str, AliasSource | None]] = {}
        for doc_id in sorted(set(aliases) | holders):
            rec = self.index.get_document(doc_id)
            if rec is None:
                continue
            now = {a: rec.alias_sources.get(a) for a in rec.aliases}
            merged: dict[str, AliasSource | None] = {**now, **aliases.get(doc_id, {})}
            for alias in unaliased:
                if alias not in aliases.get(doc_id, {}):  # (not the holder it has now)
                    merged.pop(alias, None)
            if merged != now:
                changed[doc_id] = merged
        if changed:
            self.index.documents.set_aliases(changed)

    def _promote(self, repeats: list[RawDocument], retiring: frozenset[str]) -> None:
        """Write ``repeats`` as documents: the first of each text becomes the document, the
        others its aliases. Called before ``retiring`` (the documents they repeated) are
        deleted, so that a run killed in between leaves both texts, never neither. (The
        repeats of a document this run edited are written after its new text: a run killed
        in between loses the old text of those it did not read; the next run cannot bring
        a posted repeat back.)"""
        for item in repeats:  # counted as duplicates by this run; counted again as written
            if self.summary.duplicate_of.pop(item.doc_id, None) is not None:
                self.summary.duplicates -= 1
        log.info("%d repeats take the place of their documents", len(repeats))
        # (a job runs once: its threads stop with its run)
        done = IngestJob(self.settings, self.index).run([], items=repeats, retiring=retiring)
        self.summary.absorb(done)

    def _unread_repeats(
        self, rec: DocumentRecord, seen: dict[str, str], roots: list[Path]
    ) -> list[RawDocument]:
        """``rec``'s aliases that this run did not read and whose source remains, as documents
        with ``rec``'s text (an alias recorded before sources were kept is not known to
        remain: it goes with its document, as before)."""
        out = []
        for alias in rec.aliases:
            src = rec.alias_sources.get(alias)
            if alias in seen or src is None or self._gone(src.origin, False, roots):
                continue
            out.append(repeat_document(rec, alias, src))
        return out

    @staticmethod
    def _gone(origin: str, seen: bool, roots: list[Path]) -> bool:
        """Whether a file-backed document or alias no longer has its source: its file is gone,
        or it is within the folders of this run and the run did not produce it (a record
        removed from a JSONL file, a file now skipped). A document whose source is not known
        (``UNKNOWN_ORIGIN``) is never gone."""
        if seen or origin in (API_ORIGIN, UNKNOWN_ORIGIN):
            return False
        path = Path(origin)
        return not path.exists() or any(path.resolve().is_relative_to(r) for r in roots)

    def _doomed(
        self, paths: list[Path], seen: dict[str, str], existing: dict[str, DocumentRecord]
    ) -> set[str]:
        """The documents ``--prune`` deletes: those whose source is gone."""
        roots = [p.resolve() for p in paths]
        return {
            doc_id
            for doc_id, rec in existing.items()
            if self._gone(rec.origin, doc_id in seen, roots)
        }

    def _prune_aliases(self, paths: list[Path], seen: dict[str, str]) -> None:
        """Take out of every document's aliases those whose source is gone. An alias recorded
        before sources were kept stays until a run reads its file (or DELETE removes it)."""
        roots = [p.resolve() for p in paths]
        changed: dict[str, dict[str, AliasSource | None]] = {}
        for doc_id, rec in self.index.document_records().items():
            kept = {
                a: src
                for a in rec.aliases
                if (src := rec.alias_sources.get(a)) is None
                or not self._gone(src.origin, a in seen, roots)
            }
            if len(kept) != len(rec.aliases):
                changed[doc_id] = kept
        if changed:
            self.index.documents.set_aliases(changed)

    def _orphan_chunks(self) -> dict[str, int]:
        """Document ids that have chunks but no record (left by a run killed between its
        writes, or by a document that could not be written), with their chunk counts."""
        records = set(self.index.document_collection.get(include=[])["ids"])
        orphans: dict[str, int] = {}
        total = self.index.chunk_collection.count()
        for offset in range(0, total, _PAGE):
            got = self.index.chunk_collection.get(include=["metadatas"], limit=_PAGE, offset=offset)
            for meta in got["metadatas"]:
                doc_id = str((meta or {}).get("ref_doc_id"))
                if doc_id not in records:
                    orphans[doc_id] = orphans.get(doc_id, 0) + 1
        return orphans

    def _prune_orphans(self, before: dict[str, int]) -> None:
        """Delete the chunks of documents that had no record before this run and still have none.

        Prune goes by what the store holds, not by records alone. Only documents orphaned both
        before and after the run go: chunks a concurrent writer has just stored ahead of their
        record are left alone. ``delete_document`` removes whatever the index keeps per chunk.
        """
        after = self._orphan_chunks()
        for doc_id in sorted(before.keys() & after.keys()):
            self.index.delete_document(doc_id)
            self.summary.orphans_deleted += after[doc_id]
        if self.summary.orphans_deleted:
            log.info("pruned %d chunks that had no document record", self.summary.orphans_deleted)
