"""Every stored sentence vector in memory, so the re-rank reads a chunk's sentences without a
Chroma call (``RAG_SENTENCE_VECTORS_IN_MEMORY``).

At 100k chunks the re-rank's read of 10 chunks' sentence vectors from the sentence collection
cost ~5 ms of CPU, a quarter of a search, even by exact id and without metadata
(``SentenceStore._by_layout``); the per-process LRU (``RAG_SENTENCE_CACHE_CHUNKS``) rarely holds
them when questions spread over the whole index. This copy holds all of them in one float32
matrix, read from the collection in pages by a background thread, and answers a chunk from
its layout (the spans its chunk record carries, ``LAYOUT_KEY``) with one indexing of it.

A correctness-neutral copy, like the BM25 postings in memory: the collection stays the only
source of truth, and no entry can be out of date, because a sentence's id derives from its
chunk's id, which carries a hash of the chunk's content (``sentence_id``). A chunk the copy
does not hold in full (written after the copy was read, or whose number of stored sentences
differs from its layout's) is absent, and the caller reads it from Chroma as before. Records deleted
since the copy was read are never asked for (the search only asks for chunks it found).
The copy is read again, in the background, when the index's change token
(``ChunkStore.generation``) moves: checked at most every ``refresh_seconds``, from a request
thread that only starts it (the Chroma calls run in a background thread); after a read, failed
or not, the next waits three times as long as it took, so a stream of writes costs this
process at most about a quarter of a core (in server mode the reads also cost the Chroma
server). While a new copy is read the old one answers, so memory briefly holds two.

A write during a read (``DELETE /documents``, an ingest that prunes) is expected, not an
error: when the change token moved during the read, or a page read failed, the copy is read
again at once (``READ_ATTEMPTS`` reads at most, one INFO line each, no trace), so that the
copy put in use is one the store held still for, without a deleted document's sentences
(unless writes overlap every read: the last copy then serves under its first token, and the
next check reads again). Only a read that fails every time is a failure (a WARNING with its
trace; the next check tries again).

Cost (README, "Performance"): 4 bytes x 384 per sentence (1.3 GB for the 823k sentences of
100k chunks, 69 MB for samples+BBC) and ~80 us of CPU per sentence to read (~70 s at 100k).

Hand-written because no library keeps a copy of a Chroma collection's vectors; numpy holds it.
Thread-safe: a copy is immutable once read and replaced by one reference assignment; readers
start under one lock and read under another, so reads (background ones and ``build``) run one
at a time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from time import monotonic, sleep
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from service.chroma_paging import PAGE, pages
from service.sentence_store import ChunkSentences, SpanKey, parse_sentence_id

log = logging.getLogger(__name__)

MemoryState = Literal["off", "building", "ready"]

#: Reads of one copy at most when writes overlap them (the change token moved during the read,
#: or a page read failed); after the last, a copy the store changed under is still put in use
#: under the token it started from, so that the next check reads it again.
READ_ATTEMPTS = 3
#: Seconds before reading again after a failed page, times the attempt (a delete finishing).
RETRY_PAUSE = 0.2


@dataclass(frozen=True, eq=False)
class SentenceMatrix:
    """The sentence vectors of a collection at one change ``token``: row ``rows[chunk][k]`` of
    ``vectors`` is the vector of the chunk's ``k``-th sentence. Only chunks whose positions
    0..n-1 were all read are held."""

    token: str
    vectors: npt.NDArray[np.float32]
    rows: dict[str, tuple[int, ...]]

    @property
    def nbytes(self) -> int:
        """Bytes of the matrix (the row index adds ~100 bytes per chunk)."""
        return int(self.vectors.nbytes)

    @classmethod
    def read(cls, collection: Any, token: str, *, page: int = PAGE) -> SentenceMatrix:
        """Read every record's id and vector, in pages (a record a concurrent write shifts
        between pages may be read twice, the later row wins, or not at all: its chunk is then
        incomplete and left out)."""
        capacity = max(int(collection.count()), 1)
        matrix: npt.NDArray[np.float32] | None = None
        positions: dict[str, dict[int, int]] = {}
        filled = 0
        for got in pages(collection, page=page, include=["embeddings"]):
            ids = list(got["ids"])
            if not ids:
                continue
            block = np.asarray(got["embeddings"], dtype=np.float32)
            if matrix is None:
                matrix = np.empty((max(capacity, len(ids)), block.shape[1]), dtype=np.float32)
            if filled + len(ids) > len(matrix):  # records written since the count: +1/8
                rows_needed = max(filled + len(ids), len(matrix) * 9 // 8)
                grown = np.empty((rows_needed, block.shape[1]), dtype=np.float32)
                grown[:filled] = matrix[:filled]
                matrix = grown
            matrix[filled : filled + len(ids)] = block
            for i, sentence in enumerate(ids):
                parsed = parse_sentence_id(str(sentence))
                if parsed is not None:
                    positions.setdefault(parsed[0], {})[parsed[1]] = filled + i
            filled += len(ids)
        rows = {
            chunk: tuple(found[k] for k in range(len(found)))
            for chunk, found in positions.items()
            if all(k in found for k in range(len(found)))
        }
        if matrix is None:
            return cls(token, np.zeros((0, 0), dtype=np.float32), rows)
        # Right-sized, so that no spare rows stay allocated for as long as the copy is used
        # (a copy only when the count was off: records written or deleted during the read).
        return cls(token, matrix if filled == len(matrix) else matrix[:filled].copy(), rows)

    def lookup(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        """The sentences of the chunks held in full whose layout names as many sentences."""
        found: dict[str, ChunkSentences] = {}
        for chunk in chunks:
            if not chunk.layout:
                continue
            rows = self.rows.get(chunk.chunk_id)
            if rows is None or len(rows) != len(chunk.layout):
                continue
            found[chunk.chunk_id] = ChunkSentences(
                spans=list(chunk.layout), vectors=self.vectors[list(rows)]
            )
        return found


class SentenceMemory:
    """Keeps a ``SentenceMatrix`` of a sentence collection current, in the background."""

    def __init__(
        self,
        collection: Any,
        generation: Callable[[], tuple[str, str]],
        *,
        refresh_seconds: float,
        page: int = PAGE,
    ) -> None:
        self.collection = collection
        self._generation = generation
        self.refresh_seconds = refresh_seconds
        self.page = page
        self._snapshot: SentenceMatrix | None = None
        self._lock = threading.Lock()  # starting a reader
        self._reading = threading.Lock()  # held for a whole read
        self._builder: threading.Thread | None = None
        self._wanted = False  # set by schedule/build: from then on the copy is kept current
        self._next_check = 0.0
        self._next_build = 0.0

    @property
    def state(self) -> MemoryState:
        """``building`` until a first copy is read, then ``ready`` (``off`` is the caller's)."""
        return "building" if self._snapshot is None else "ready"

    @property
    def snapshot(self) -> SentenceMatrix | None:
        """The copy in use (None before the first read)."""
        return self._snapshot

    def lookup(self, chunks: Sequence[SpanKey]) -> dict[str, ChunkSentences]:
        """The chunks the copy holds (``SentenceMatrix.lookup``); when a check for changes is
        due, starts it in a background thread. Never reads Chroma in the calling thread."""
        if self._wanted and monotonic() >= self._next_check:
            self._start(check=True)
        snapshot = self._snapshot
        return snapshot.lookup(chunks) if snapshot is not None else {}

    def schedule(self) -> None:
        """Read a copy in the background now, and keep it current from then on."""
        self._wanted = True
        self._start(check=False)

    def build(self) -> None:
        """Read a copy now, in this thread (tests), and keep it current."""
        self._wanted = True
        self._next_check = monotonic() + self.refresh_seconds
        self._read(0.0)

    def wait(self, timeout: float) -> bool:
        """Wait for a read in progress; True when a copy is in use."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)
        return self._snapshot is not None

    def _start(self, *, check: bool) -> None:
        with self._lock:
            now = monotonic()
            if check and now < self._next_check:
                return  # another request thread started this check
            self._next_check = now + self.refresh_seconds
            if self._builder is not None and self._builder.is_alive():
                return
            delay = max(0.0, self._next_build - now)
            builder = threading.Thread(
                target=self._read, args=(delay,), name="sentence-memory", daemon=True
            )
            try:
                builder.start()
            except RuntimeError:  # no thread to spare: the request goes on, Chroma answers
                log.warning("sentence vectors in memory: cannot start a reader", exc_info=True)
                return
            self._builder = builder

    def _read(self, delay: float) -> None:
        if delay:
            sleep(delay)
        with self._reading:  # one read at a time (a background one, or ``build``)
            started = monotonic()
            try:
                snapshot = self._read_unchanged()
            except Exception:  # Chroma keeps answering; a later check tries again
                log.warning("sentence vectors in memory: reading them failed", exc_info=True)
                return
            finally:
                # The next read waits three times as long as this one took, failed or not.
                self._next_build = monotonic() + 3 * (monotonic() - started)
            if snapshot is None:
                return
            self._snapshot = snapshot
        log.info(
            "sentence vectors in memory: %d sentences of %d chunks, %.0f MB in %.1f s",
            len(snapshot.vectors),
            len(snapshot.rows),
            snapshot.nbytes / 2**20,
            monotonic() - started,
        )

    def _key(self) -> str:
        collection_id, token = self._generation()
        return f"{collection_id}:{token}"

    def _read_unchanged(self) -> SentenceMatrix | None:
        """A copy of the collection read while its change token did not move, or None when
        the copy in use is current. A read that a write overlapped is read again (see the
        module's docstring); raises the last page's failure when every read failed."""
        for attempt in range(1, READ_ATTEMPTS + 1):
            key = self._key()  # before the records it covers
            current = self._snapshot
            if current is not None and current.token == key:
                return None
            try:
                snapshot = SentenceMatrix.read(self.collection, key, page=self.page)
            except Exception as exc:
                if attempt == READ_ATTEMPTS:
                    raise
                log.info(
                    "sentence vectors in memory: a page read failed (%s: %s), as a write to "
                    "the store during the read makes it; reading again",
                    type(exc).__name__,
                    str(exc).splitlines()[0][:200] if str(exc) else "",
                )
                sleep(RETRY_PAUSE * attempt)
                continue
            if self._key() == key:
                return snapshot
            if attempt == READ_ATTEMPTS:
                log.info(
                    "sentence vectors in memory: the store changed during %d reads in a row; "
                    "this copy serves until the next check reads it again",
                    READ_ATTEMPTS,
                )
                return snapshot  # under the token before: the next check reads again
            del snapshot  # (not held while the next is read: memory holds two copies at most)
            log.info("sentence vectors in memory: the store changed during the read; reading again")
        return None  # pragma: no cover - the last attempt returns or raises
