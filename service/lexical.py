"""BM25 retrieval over the stored chunks: SQLite FTS5, a cache derived from Chroma.

Why SQLite FTS5 (its ``bm25()`` ranking, porter stemming): it ships with Python, updates
incrementally and transactionally (a document's rows are replaced in one transaction), and
answers from disk without loading the index into memory. llama-index's ``BM25Retriever``
(bm25s) has no incremental add, so every new article would mean re-indexing the corpus;
tantivy would be a new native dependency for the same result at this size.

Why derived from Chroma rather than written by the ingest job: Chroma is the one store that
every ingest worker and every API replica shares (embedded or server mode). Each process keeps
its own FTS5 file (``RAG_LEXICAL_DIR/<chunk collection id>.sqlite``) and brings it in step with
Chroma: the ingest job sets a new random token in the chunk collection's metadata after each
write of document records (``NewsIndex.mark_changed``); a reader compares that token with the
one it last synced (at most every ``RAG_LEXICAL_REFRESH_SECONDS``, and at once when the
dense search returns a document it does not hold) and, when it differs,
compares every document's fingerprint with its own and re-reads the chunks of exactly the
documents that were added, changed or removed. A document's record is written after its chunks,
so the rows for a fingerprint are its complete chunks; a crashed ingest leaves the token
unchanged and the re-run's token triggers the repair. ``--rebuild`` creates a new collection
(new id): the file for the old one is simply not used again.

Common words are left out of a query (``max_df_share``): FTS5 scores every chunk that holds any
query word (about 1 µs per chunk, a row-size lookup each), so at 100k chunks a word found in a
third of them ("us", "new") costs ~30 ms and adds little to the ranking (its IDF is near 0).
Document frequencies are counted by FTS5 itself (its own tokenizer and stemmer), once per word
and change of the index.

BM25 in memory (``in_memory``, ``RAG_LEXICAL_IN_MEMORY``): FTS5 stays the source of truth,
and a copy of its postings (``service.bm25_memory.MemoryBM25``, same tokens, same formula, same
scores) answers queries in well under a millisecond. It is built from the FTS5 file in a
background thread after a sync (start-up included: it never delays ``/readyz``), labelled with
the *generation* of the rows it read; every change of the rows (a sync that re-read documents,
or a new change token: another process may have synced the shared file) moves the generation,
so the copy is no longer used and a new one is built. Until it is ready, while it is stale, and
for a query it cannot serve (a word FTS5 splits into a phrase), searches go to FTS5. The rows
of its hits are read from FTS5 by rowid and must carry the chunk ids the copy holds, else the
query goes to FTS5 as well (a sync committed in between).

Thread-safe: syncs run on one connection behind a lock; searches run on one read connection
per thread (WAL mode lets readers run beside each other and beside a writer, and ``sqlite3``
releases the GIL while SQLite works), after ``refresh`` has waited for any sync in progress.
The in-memory copy is immutable once built and replaced by one reference assignment; one build
runs at a time, on its own connection. Several processes may share the file (a sync is one
``BEGIN IMMEDIATE`` transaction).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from service.bm25_memory import TOKENIZE, MemoryBM25, QueryTokens
from service.chroma_paging import get_all
from service.dates import date_ord, parse_date
from service.lru import LRU

if TYPE_CHECKING:
    from service.index import NewsIndex

log = logging.getLogger(__name__)

_TERM = re.compile(r"\w+", re.UNICODE)
_READ_BATCH = 500  # documents whose chunks one Chroma call fetches
_ABSENT_RETRY = 1.0  # seconds before a document still absent after a sync forces another
_DF_CACHE = 65536  # query words whose document frequency is kept
# Function words carry no evidence; leaving them out keeps FTS5 from ranking every chunk.
_STOP = frozenset(
    "a an and are as at be by did do does for from had has have he her his how i in is it its "
    "of on or she that the their them they this to was were what when where which who whom "
    "why will with would you".split()
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks USING fts5(
    text, chunk_id UNINDEXED, doc_id UNINDEXED, title UNINDEXED, published UNINDEXED,
    published_ord UNINDEXED, start UNINDEXED, "end" UNINDEXED,
    tokenize = '{TOKENIZE}'
);
""".replace("{TOKENIZE}", TOKENIZE)


@dataclass(frozen=True)
class LexicalHit:
    """A chunk matching the query's words; ``score`` is BM25 (higher is better)."""

    chunk_id: str
    doc_id: str
    title: str
    published: date | None
    start: int
    end: int
    text: str
    score: float


def query_terms(query: str) -> list[str]:
    """The query's distinct words that can carry evidence, in order."""
    return list(
        dict.fromkeys(
            t
            for t in _TERM.findall(query.lower())
            if t not in _STOP and (len(t) > 1 or t.isdigit())
        )
    )


def match_expression(query: str | list[str]) -> str | None:
    """An FTS5 query: any of the query's words (each quoted, so no FTS5 syntax gets through)."""
    terms = query_terms(query) if isinstance(query, str) else query
    return " OR ".join(f'"{t}"' for t in terms) or None


def selective_terms(
    doc_freq: dict[str, int], total: int, max_share: float, min_rows: int
) -> list[str]:
    """The terms worth matching: those held by at most ``max_share`` of the ``total`` chunks
    (or by fewer than ``min_rows``, where scoring them costs nothing), and always at least the
    rarest present term, so a query of common words still finds something. Terms no chunk
    holds are dropped (they match nothing)."""
    present = {t: n for t, n in doc_freq.items() if n > 0}
    if not present:
        return []
    limit = max(max_share * total, min_rows)
    kept = [t for t, n in present.items() if n <= limit]
    return kept or [min(present, key=lambda t: (present[t], t))]


class LexicalIndex:
    """The FTS5 file of one chunk collection, synced from Chroma on demand."""

    def __init__(
        self,
        path: Path | str,
        *,
        refresh_seconds: float,
        max_df_share: float = 1.0,
        min_df_rows: int = 1000,
        in_memory: bool = False,
    ) -> None:
        self.path = path
        self.refresh_seconds = refresh_seconds
        self.max_df_share = max_df_share
        self.min_df_rows = min_df_rows
        if isinstance(path, Path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = self._connect()
        self._memory = str(path) == ":memory:"
        if not self._memory:
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._checked = float("-inf")
        self._newest: date | Literal[False] | None = None  # False: no dated article
        self._seen_token: str | None = None
        # Documents held as of this process's last sync, read at the sync, not later from the
        # file: a process sharing it may have added rows this process's in-memory copy lacks
        # (kept readable while a sync runs; ``_held_stale``: read them again after it). And
        # documents a dense search found that were still absent after the sync they forced,
        # with when to look again. All written under the lock.
        self._held_ids: frozenset[str] = frozenset()
        self._held_stale = True
        self._absent: dict[str, float] = {}
        # Document frequency of a query word (bounded: queries may hold any word), and the
        # number of chunks; replaced when the rows change. Two threads may count the same word
        # once each, with the same result.
        self._doc_freq: LRU[str, int] = LRU(_DF_CACHE)
        self._total: int | None = None
        # BM25 in memory (see the module docstring): used only while its generation is current.
        self.in_memory = in_memory and not self._memory
        self._generation = 0  # moves whenever the rows may have changed
        self._snapshot: MemoryBM25 | None = None
        self._builder: threading.Thread | None = None
        self._next_build = float("-inf")
        self._tokens = QueryTokens() if self.in_memory else None
        self._served_lock = threading.Lock()
        self.served = {"memory": 0, "fts5": 0}  # searches answered by each (behind its lock)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    def _reader(self) -> sqlite3.Connection | None:
        """This thread's read connection (None for an in-memory index: one connection only)."""
        if self._memory:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only = 1")
            with self._lock:
                self._readers.append(conn)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close the SQLite connections (the readers too: closing one from another thread is
        allowed, they are opened with ``check_same_thread=False``)."""
        with self._lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self._conn.close()
            self._snapshot = None
        if self._tokens is not None:
            self._tokens.close()

    # -- keeping in step with Chroma -----------------------------------------------------------
    def refresh(
        self, index: NewsIndex, *, force: bool = False, found: Collection[str] = ()
    ) -> None:
        """Sync with Chroma if the last check is older than ``refresh_seconds`` (or ``force``).

        ``found``: the documents the dense search just returned. One this index does not hold
        was written since the last sync (by another replica, or the ingest job), so it syncs
        now: a question asked right after a write elsewhere must not lose the new article
        because BM25 does not know it yet (rank fusion then buries a dense-only hit under the
        passages both rankings hold). A document still absent after that sync (chunks whose
        record is not written yet, or left by a killed ingest) forces another sync at most
        every ``_ABSENT_RETRY`` seconds. The check is repeated under the lock, so requests
        that found the same new document while one sync ran do not each sync again."""
        if found:
            now = time.monotonic()
            if self._unseen(found, now):
                with self._lock:
                    unseen = self._unseen(found, now)
                    if unseen:
                        self._sync(index)
                        self._finish_sync()
                        retry = time.monotonic() + _ABSENT_RETRY
                        self._absent.update(dict.fromkeys(unseen - self._held_ids, retry))
                return
        if not force and time.monotonic() - self._checked < self.refresh_seconds:
            return
        with self._lock:
            if not force and time.monotonic() - self._checked < self.refresh_seconds:
                return
            self._sync(index)
            self._finish_sync()

    def _unseen(self, found: Collection[str], now: float) -> set[str]:
        """The found documents not held and not waiting for their next look."""
        absent = self._absent
        return {d for d in set(found) - self._held_ids if absent.get(d, now) <= now}

    def _finish_sync(self) -> None:
        """After a sync, under the lock: the documents held (read again if the rows may have
        changed), the time of the check, and a build of the in-memory copy if it is stale."""
        if self._held_stale:
            docs = self._conn.execute("SELECT doc_id FROM docs")
            self._held_ids, self._held_stale = frozenset(r[0] for r in docs), False
        self._checked = time.monotonic()
        self._start_build()

    def _state(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_state(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO state(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _sync(self, index: NewsIndex) -> None:
        collection_id, token = index.generation()  # read before the data it covers
        if token != self._seen_token:  # this process or another one changed the rows
            self._newest, self._seen_token = None, token
            self._invalidate()
        conn = self._conn
        if (
            token
            and self._state("token") == token
            and self._state("collection_id") == collection_id
        ):
            return  # nothing changed: no write transaction (and no WAL checkpoint)
        conn.execute("BEGIN IMMEDIATE")
        emptied = False
        try:
            if self._state("collection_id") != collection_id:
                conn.execute("DELETE FROM chunks")
                conn.execute("DELETE FROM docs")
                self._set_state("collection_id", collection_id)
                self._set_state("token", "")
                emptied = True
            elif token and self._state("token") == token:
                conn.execute("COMMIT")
                return
            changed = self._apply_changes(index)
            self._set_state("token", token)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if changed or emptied:
            # Counted (or copied to memory) from the rows before this sync, by a search or a
            # build that was already running.
            self._invalidate()
        if changed:
            log.info("lexical index: %d document(s) re-read from Chroma", changed)

    def _invalidate(self) -> None:
        """The rows may have changed: forget what was counted from them, and stop using the
        in-memory copy (a new one is built after the sync)."""
        self._doc_freq, self._total = LRU(_DF_CACHE), None
        self._held_stale, self._absent = True, {}  # held stays readable until read again
        self._generation += 1

    # -- BM25 in memory ------------------------------------------------------------------------
    def _start_build(self) -> None:
        """Build the in-memory copy in a background thread if it is missing or stale (one
        build at a time; after a build, the next waits three times as long as it took, so a
        stream of small writes costs at most a quarter of a core: a build asked for sooner
        waits in its thread, it is never dropped). Called under the lock."""
        if not self.in_memory or (self._builder is not None and self._builder.is_alive()):
            return
        snapshot = self._snapshot
        if snapshot is not None and snapshot.generation == self._generation:
            return
        delay = max(0.0, self._next_build - time.monotonic())
        self._builder = threading.Thread(
            target=self._build, args=(delay,), name="bm25-memory", daemon=True
        )
        self._builder.start()

    def _build(self, delay: float = 0.0) -> None:
        if delay:
            time.sleep(delay)
        generation = self._generation  # read before the rows: a later change makes it stale
        started = time.monotonic()
        try:
            conn = self._connect()
            try:
                snapshot = MemoryBM25.build(conn, generation)
            finally:
                conn.close()
        except Exception:  # FTS5 keeps answering; the next refresh tries again
            log.warning("lexical index: building BM25 in memory failed", exc_info=True)
            return
        finally:
            took = time.monotonic() - started
            self._next_build = time.monotonic() + 3 * took
        self._snapshot = snapshot
        log.info(
            "lexical index: BM25 in memory built: %d chunks, %d postings, %.0f MB in %.1f s",
            snapshot.rows,
            len(snapshot.post_rows),
            snapshot.nbytes / 2**20,
            took,
        )

    def schedule_memory_build(self) -> None:
        """Start a background build of the in-memory copy if it is missing or stale."""
        with self._lock:
            self._start_build()

    def build_memory(self) -> None:
        """Build the in-memory copy now, in this thread (tests, benchmarks)."""
        self._next_build = float("-inf")
        self._build()

    def wait_memory(self, timeout: float) -> bool:
        """Wait for a build in progress; True when a current in-memory copy is in use."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)
        return self.memory_state() == "ready"

    def memory_state(self) -> str:
        """``off``, ``building`` (none yet), ``stale`` (rows changed since) or ``ready``."""
        if not self.in_memory:
            return "off"
        snapshot = self._snapshot
        if snapshot is None:
            return "building"
        return "ready" if snapshot.generation == self._generation else "stale"

    def _count(self, where: str) -> None:
        with self._served_lock:
            self.served[where] += 1

    def _apply_changes(self, index: NewsIndex) -> int:
        got = get_all(index.document_collection, include=["metadatas"])
        remote = {
            doc_id: str((meta or {}).get("fingerprint", ""))
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)
        }
        local = dict(self._conn.execute("SELECT doc_id, fingerprint FROM docs").fetchall())
        stale = [d for d in local if remote.get(d) != local[d]]
        fresh = [d for d, fp in remote.items() if local.get(d) != fp]
        for doc_id in stale:
            self._conn.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            self._conn.execute("DELETE FROM docs WHERE doc_id = ?", (doc_id,))
        for i in range(0, len(fresh), _READ_BATCH):
            part = fresh[i : i + _READ_BATCH]
            rows = get_all(
                index.chunk_collection,
                where={"ref_doc_id": {"$in": part}},
                include=["documents", "metadatas"],
            )
            self._conn.executemany(
                "INSERT INTO chunks(text, chunk_id, doc_id, title, published, published_ord, "
                'start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                [
                    (
                        text,
                        chunk_id,
                        str(meta["ref_doc_id"]),
                        str(meta.get("title", "")),
                        str(meta.get("published") or ""),
                        int(meta.get("published_ord", 0)),
                        int(meta["start"]),
                        int(meta["end"]),
                    )
                    for chunk_id, text, meta in zip(
                        rows["ids"], rows["documents"], rows["metadatas"], strict=True
                    )
                ],
            )
            self._conn.executemany(
                "INSERT INTO docs(doc_id, fingerprint) VALUES (?, ?)",
                [(d, remote[d]) for d in part],
            )
        return len(set(stale) | set(fresh))

    # -- reading -------------------------------------------------------------------------------
    def newest_date(self) -> date | None:
        """The publication date of the newest article held (cached until the next change)."""
        with self._lock:
            if self._newest is None:
                row = self._conn.execute("SELECT max(published_ord) FROM chunks").fetchone()
                ordinal = int(row[0] or 0)
                self._newest = (
                    date(ordinal // 10000, ordinal // 100 % 100, ordinal % 100)
                    if ordinal
                    else False
                )
            return self._newest or None

    def chunk_ids(self) -> dict[str, str]:
        """Every chunk held, chunk id → text (for consistency checks)."""
        with self._lock:
            return dict(self._conn.execute("SELECT chunk_id, text FROM chunks").fetchall())

    def search(
        self,
        query: str,
        limit: int,
        *,
        doc_ids: list[str] | None = None,
        published_after: date | None = None,
        published_before: date | None = None,
    ) -> list[LexicalHit]:
        """The ``limit`` best chunks by BM25 among those passing the filters (the same ones the
        dense search applies: undated articles are never "before" a date). Call ``refresh``
        first: it waits for a sync in progress, so the search reads its committed rows."""
        args = (query, limit, doc_ids, published_after, published_before)
        reader = self._reader()
        if reader is None:
            with self._lock:
                return self._search(self._conn, *args)
        return self._search(reader, *args)

    def _counts(self, conn: sqlite3.Connection, terms: list[str]) -> tuple[dict[str, int], int]:
        """Document frequency of each term and the number of chunks (cached until a change)."""
        cache = self._doc_freq
        total = self._total
        if total is None:
            total = int(conn.execute("SELECT count(*) FROM chunks_docsize").fetchone()[0])
            self._total = total
        freq: dict[str, int] = {}
        for term in terms:
            n = cache.get(term)
            if n is None:
                n = int(
                    conn.execute(
                        "SELECT count(*) FROM chunks WHERE chunks MATCH ?", (f'"{term}"',)
                    ).fetchone()[0]
                )
                cache.put(term, n)
            freq[term] = n
        return freq, total

    def _search(
        self,
        conn: sqlite3.Connection,
        query: str,
        limit: int,
        doc_ids: list[str] | None,
        published_after: date | None,
        published_before: date | None,
    ) -> list[LexicalHit]:
        terms = query_terms(query)
        snapshot = self._snapshot
        if terms and snapshot is not None and snapshot.generation == self._generation:
            hits = self._memory_search(
                conn, snapshot, terms, limit, doc_ids, published_after, published_before
            )
            if hits is not None:
                self._count("memory")
                return hits
        if self.in_memory:
            self._count("fts5")
        if terms and self.max_df_share < 1.0:
            freq, total = self._counts(conn, terms)
            terms = selective_terms(freq, total, self.max_df_share, self.min_df_rows)
        expression = match_expression(terms)
        if expression is None:
            return []
        # The best rows by rowid first, their columns after: sorting whole rows (texts
        # included) for every match cost ~15 % more at 100k chunks, for the same result.
        sql = ["SELECT rowid AS id, bm25(chunks) AS r FROM chunks WHERE chunks MATCH ?"]
        params: list[Any] = [expression]
        if doc_ids:
            sql.append(f"AND doc_id IN ({','.join('?' * len(doc_ids))})")
            params += doc_ids
        if published_after:
            sql.append("AND published_ord >= ?")
            params.append(date_ord(published_after))
        if published_before:
            sql.append("AND published_ord > 0 AND published_ord <= ?")
            params.append(date_ord(published_before))
        # Ties by rowid: the order the in-memory copy gives them too.
        sql.append("ORDER BY r, id LIMIT ?")
        params.append(limit)
        rows = conn.execute(
            'SELECT c.chunk_id, c.doc_id, c.title, c.published, c.start, c."end", c.text, t.r '
            f"FROM ({' '.join(sql)}) AS t JOIN chunks AS c ON c.rowid = t.id ORDER BY t.r, t.id",
            params,
        ).fetchall()
        return [_hit(r, -float(r[7])) for r in rows]  # FTS5's bm25() is lower-is-better

    def _memory_search(
        self,
        conn: sqlite3.Connection,
        snapshot: MemoryBM25,
        terms: list[str],
        limit: int,
        doc_ids: list[str] | None,
        published_after: date | None,
        published_before: date | None,
    ) -> list[LexicalHit] | None:
        """The FTS5 search's result from the in-memory copy, or None when it cannot give it:
        a word FTS5 makes a phrase of (or no token), or rows changed under the copy."""
        assert self._tokens is not None
        tokens = self._tokens(terms)
        if any(len(t) != 1 for t in tokens):
            return None
        token_of = {term: t[0] for term, t in zip(terms, tokens, strict=True)}
        if self.max_df_share < 1.0:
            freq = {term: snapshot.doc_freq(token_of[term]) for term in terms}
            terms = selective_terms(freq, snapshot.rows, self.max_df_share, self.min_df_rows)
        best = snapshot.top(
            [token_of[term] for term in terms],
            limit,
            doc_ids=doc_ids or None,  # an empty list filters nothing, as in FTS5's search
            after_ord=date_ord(published_after) if published_after else None,
            before_ord=date_ord(published_before) if published_before else None,
        )
        if not best:
            return []
        rows = conn.execute(
            'SELECT chunk_id, doc_id, title, published, start, "end", text, rowid FROM chunks '
            f"WHERE rowid IN ({','.join('?' * len(best))})",
            [rowid for rowid, _, _ in best],
        ).fetchall()
        by_rowid = {int(r[7]): r for r in rows}
        hits = []
        for rowid, chunk_id, score in best:
            row = by_rowid.get(rowid)
            if row is None or row[0] != chunk_id:
                return None  # a sync changed the rows since the copy was read
            hits.append(_hit(row, score))
        return hits


def _hit(row: Any, score: float) -> LexicalHit:
    """A hit from a row (chunk_id, doc_id, title, published, start, end, text, ...)."""
    return LexicalHit(
        chunk_id=str(row[0]),
        doc_id=str(row[1]),
        title=str(row[2]),
        published=parse_date(str(row[3]) or None),
        start=int(row[4]),
        end=int(row[5]),
        text=str(row[6]),
        score=score,
    )
