"""BM25 in memory: an immutable copy of the FTS5 index's postings that answers a query the way
``bm25(chunks)`` would, in well under a millisecond at 100k chunks (FTS5: ~9 ms of CPU).

A derived, correctness-neutral cache: the FTS5 table (``service.lexical``) stays the source of
truth (transactional, synced with Chroma); this copy is read from it in one read transaction
and used only while nothing has changed since (``LexicalIndex`` compares generations and falls
back to FTS5 otherwise, or when a query cannot be served from memory).

Exactly FTS5's tokens and formula, not a re-implementation of them:
- *Documents*: the postings are read from FTS5 itself (its ``fts5vocab`` "instance" table: one
  row per token FTS5 indexed, with the rowid it is in), so no Python tokenizer or stemmer is
  involved. A row's length is its number of tokens, as FTS5 counts it (``xColumnSize``).
- *Queries*: ``QueryTokens`` tokenizes each query word with an FTS5 table of the same tokenizer
  (``porter unicode61``) in a private in-memory database. A word FTS5 splits into several
  tokens (a phrase: ``foo_bar``) or none is not served from memory.
- *Score*: SQLite's ``fts5Bm25Function`` (``ext/fts5/fts5_aux.c``): k1 = 1.2, b = 0.75, per
  phrase IDF = log((N - n + 0.5) / (n + 0.5)), 1e-6 if not positive, summed over the query's
  phrases in order (a word repeated by stemming counts once per phrase, as in FTS5), with the
  same floating-point operations in the same order, so the scores are FTS5's to the last bits
  (tested to 1e-6 relative). Ties are ordered by rowid, as ``LexicalIndex`` orders FTS5's.

Why hand-written: no library reads SQLite's FTS5 postings; bm25s/rank-bm25 would tokenize and
score differently (another stemmer, another IDF), which is exactly what this must not do.
numpy arrays in CSR layout (one slice of rows and term frequencies per term) are all it needs.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from service.lru import LRU

TOKENIZE = "porter unicode61"
"""The FTS5 tokenizer of the chunks table (``service.lexical``) and of query tokenization."""

K1 = 1.2
B = 0.75
_TOKEN_CACHE = 65536


class QueryTokens:
    """Query words → the tokens FTS5 makes of them (``TOKENIZE``), cached by word.

    Thread-safe: one in-memory SQLite connection behind a lock (a word is tokenized once; the
    cache is the thread-safe ``LRU``)."""

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(word, tokenize = '{TOKENIZE}')")
        self._conn.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab(words, instance)")
        self._lock = threading.Lock()
        self._cache: LRU[str, tuple[str, ...]] = LRU(_TOKEN_CACHE)

    def __call__(self, words: list[str]) -> list[tuple[str, ...]]:
        """The tokens of each word, in order."""
        found = {w: self._cache.get(w) for w in words}
        missing = [w for w, t in found.items() if t is None]
        if missing:
            with self._lock:
                self._conn.execute("BEGIN")
                try:
                    self._conn.executemany(
                        "INSERT INTO words(rowid, word) VALUES (?, ?)",
                        list(enumerate(missing, start=1)),
                    )
                    rows = self._conn.execute(
                        'SELECT doc, term FROM tokens ORDER BY doc, "offset"'
                    ).fetchall()
                finally:
                    self._conn.execute("ROLLBACK")  # nothing is kept: the table stays empty
            made: dict[int, list[str]] = {i: [] for i in range(1, len(missing) + 1)}
            for doc, term in rows:
                made[int(doc)].append(str(term))
            for i, word in enumerate(missing, start=1):
                tokens = tuple(made[i])
                self._cache.put(word, tokens)
                found[word] = tokens
        return [found[w] or () for w in words]

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()


IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class MemoryBM25:
    """The postings of the FTS5 chunks table at one moment (its ``generation``), immutable once
    built: every request thread may read it at once, and ``LexicalIndex`` swaps the whole
    object (one reference assignment) when a newer one is built."""

    generation: int
    rowids: IntArray  # ascending; row i of every per-row array is FTS5 rowid rowids[i]
    chunk_ids: tuple[str, ...]
    doc_of_row: npt.NDArray[np.int32]
    doc_numbers: dict[str, int]
    published_ord: npt.NDArray[np.int32]
    norm: npt.NDArray[np.float64]  # k1 * (1 - b + b * D / avgdl), per row
    terms: dict[str, int]  # token → its postings slice: offsets[t] : offsets[t + 1]
    offsets: IntArray
    post_rows: npt.NDArray[np.int32]
    post_tf: npt.NDArray[Any]  # uint16 (uint32 if a chunk repeats a token 65,536 times)

    @property
    def rows(self) -> int:
        """Chunks held (FTS5's row count, the N of the IDF)."""
        return len(self.rowids)

    @property
    def nbytes(self) -> int:
        """Bytes held in arrays (not counting the Python strings of ids and terms)."""
        arrays = (self.rowids, self.doc_of_row, self.published_ord, self.norm, self.offsets)
        return sum(a.nbytes for a in (*arrays, self.post_rows, self.post_tf))

    @classmethod
    def build(cls, conn: sqlite3.Connection, generation: int) -> MemoryBM25:
        """Read the chunks table on ``conn`` (in autocommit mode) in one read transaction."""
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_tokens "
            "USING fts5vocab(main, chunks, instance)"
        )
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_terms USING fts5vocab(main, chunks, row)"
        )
        conn.execute("BEGIN")
        try:
            rows = conn.execute(
                "SELECT rowid, chunk_id, doc_id, published_ord FROM chunks ORDER BY rowid"
            ).fetchall()
            n = len(rows)
            rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
            chunk_ids = tuple(str(r[1]) for r in rows)
            doc_numbers: dict[str, int] = {}
            doc_of_row = np.fromiter(
                (doc_numbers.setdefault(str(r[2]), len(doc_numbers)) for r in rows),
                dtype=np.int32,
                count=n,
            )
            published_ord = np.fromiter((int(r[3]) for r in rows), dtype=np.int32, count=n)
            del rows
            # The arrays are allocated once at their final size (the number of postings is the
            # sum of the terms' document counts), so a build holds little more than its result.
            total = int(
                conn.execute("SELECT coalesce(sum(doc), 0) FROM temp.chunk_terms").fetchone()[0]
            )
            post_rows = np.zeros(total, dtype=np.int32)
            post_tf: npt.NDArray[Any] = np.zeros(total, dtype=np.uint16)
            terms: dict[str, int] = {}
            offsets_list = [0]
            length = np.zeros(n, dtype=np.int64)  # tokens per row: FTS5's xColumnSize(-1)
            # One row per term, its documents' rowids (one per instance, ascending): the
            # instance table is read in term order, so the grouping needs no sort.
            for term, docs in conn.execute(
                "SELECT term, group_concat(doc) FROM temp.chunk_tokens GROUP BY term"
            ):
                instances = np.fromstring(str(docs), dtype=np.int64, sep=",")
                at = np.searchsorted(rowids, instances)
                first = np.flatnonzero(np.r_[True, at[1:] != at[:-1]])
                held = at[first]
                tf = np.diff(np.r_[first, len(at)])
                length[held] += tf  # a row appears once per term
                start, end = offsets_list[-1], offsets_list[-1] + len(held)
                if end > total:
                    raise RuntimeError("FTS5 postings disagree with its term counts")
                if post_tf.dtype == np.uint16 and tf.max() >= 2**16:
                    post_tf = post_tf.astype(np.uint32)  # a chunk repeating one token 65,536 times
                terms[str(term)] = len(terms)
                post_rows[start:end] = held
                post_tf[start:end] = tf
                offsets_list.append(end)
        finally:
            conn.execute("COMMIT")
        if offsets_list[-1] != total:
            raise RuntimeError("FTS5 postings disagree with its term counts")
        offsets = np.asarray(offsets_list, dtype=np.int64)
        # fts5Bm25Function's denominator, k1 * (1 - b + b * D / avgdl), with avgdl the total
        # of tokens over the rows (xColumnTotalSize / xRowCount).
        avgdl = float(length.sum()) / n if n else 1.0
        norm = K1 * (1 - B + B * length.astype(np.float64) / avgdl)
        return cls(
            generation=generation,
            rowids=rowids,
            chunk_ids=chunk_ids,
            doc_of_row=doc_of_row,
            doc_numbers=doc_numbers,
            published_ord=published_ord,
            norm=norm,
            terms=terms,
            offsets=offsets,
            post_rows=post_rows,
            post_tf=post_tf,
        )

    def doc_freq(self, token: str) -> int:
        """Chunks holding ``token`` (FTS5's count of a one-token phrase)."""
        t = self.terms.get(token)
        return 0 if t is None else int(self.offsets[t + 1] - self.offsets[t])

    def top(
        self,
        phrases: list[str],
        limit: int,
        *,
        doc_ids: list[str] | None = None,
        after_ord: int | None = None,
        before_ord: int | None = None,
    ) -> list[tuple[int, str, float]]:
        """The ``limit`` best rows matching any of ``phrases`` (one token each) and the filters,
        as (rowid, chunk id, score), best first, ties by rowid; ``score`` is ``-bm25()``."""
        n = self.rows
        scores = np.zeros(n, dtype=np.float64)
        held: list[npt.NDArray[np.int32]] = []
        for token in phrases:
            t = self.terms.get(token)
            if t is None:
                continue  # matches nothing; its frequency is 0 in every row: adds 0.0
            start, end = int(self.offsets[t]), int(self.offsets[t + 1])
            hits = end - start
            idf = math.log((n - hits + 0.5) / (hits + 0.5))  # the C library's log, as SQLite
            if idf <= 0.0:
                idf = 1e-6
            at = self.post_rows[start:end]
            f = self.post_tf[start:end].astype(np.float64)
            scores[at] += idf * ((f * (K1 + 1.0)) / (f + self.norm[at]))
            held.append(at)
        # The matching rows, ascending (each scores > 0: idf > 0, f > 0).
        touched = sum(len(a) for a in held)
        found = np.unique(np.concatenate(held)) if 0 < touched < n // 64 else np.flatnonzero(scores)
        if doc_ids is not None:
            wanted = [self.doc_numbers[d] for d in doc_ids if d in self.doc_numbers]
            found = found[np.isin(self.doc_of_row[found], wanted)]
        if after_ord is not None:
            found = found[self.published_ord[found] >= after_ord]
        if before_ord is not None:
            dates = self.published_ord[found]
            found = found[(dates > 0) & (dates <= before_ord)]
        if found.size > limit:
            kth = np.partition(scores[found], found.size - limit)[found.size - limit]
            found = found[scores[found] >= kth]  # the best, ties at the limit included
        best = np.lexsort((self.rowids[found], -scores[found]))[:limit]
        return [(int(self.rowids[i]), self.chunk_ids[i], float(scores[i])) for i in found[best]]
