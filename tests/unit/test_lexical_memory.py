"""BM25 in memory (``service.bm25_memory``) gives FTS5's answer: the same chunks in the same
order with the same scores, under the same filters and the same common-word cut; a copy that
is stale (the rows changed) or not built yet is never used. Real SQLite FTS5 files."""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from service.bm25_memory import MemoryBM25, QueryTokens
from service.lexical import LexicalHit, LexicalIndex
from tests.conftest import BBC_DIR

# Words FTS5's tokenizer treats specially: diacritics folded, stems shared, an underscore
# (FTS5 splits "foo_bar" into a phrase of two tokens: served by FTS5), digits, apostrophes.
TRICKY = [
    "Café owners in Zürich say naïve coöperation helped.",
    "Running runners ran; the runner runs and running continues.",
    "The foo_bar protocol and foo bar results differ from foobar.",
    "In 2023 the £3.5bn deal, worth 3.5 billion, closed on 12/05.",
    "Don't say the U.S. e-mail policy isn't working, ÉCOLE students said.",
]


def _rows() -> list[tuple[str, str, str, int]]:
    """(text, chunk id, doc id, published_ord): paragraphs of 60 BBC articles (a few hundred
    chunks), a few tricky texts, some articles dated and some not."""
    rng = random.Random(7)
    rows = []
    files = sorted(BBC_DIR.rglob("*.txt"))[::30][:60]
    for d, path in enumerate(files):
        paragraphs = [
            p.strip() for p in path.read_text(encoding="latin-1").split("\n\n") if p.strip()
        ]
        published = 0 if d % 3 == 0 else 20000101 + 10000 * rng.randrange(20) + rng.randrange(28)
        for i, text in enumerate(paragraphs):
            rows.append((text, f"d{d}:{i}", f"d{d}", published))
    for i, text in enumerate(TRICKY):
        rows.append((text, f"t:{i}", "tricky", 20230512))
    return rows


ROWS = _rows()


def _insert(lexical: LexicalIndex, rows: list[tuple[str, str, str, int]]) -> None:
    lexical._conn.executemany(  # fill the table as a sync from Chroma would
        'INSERT INTO chunks(text, chunk_id, doc_id, title, published, published_ord, start, "end")'
        " VALUES (?, ?, ?, 't', ?, ?, 0, 10)",
        [
            (text, cid, doc, "" if not ordinal else f"{ordinal // 10000}-01-01", ordinal)
            for text, cid, doc, ordinal in rows
        ],
    )


def _pair(path: Path, **kw: Any) -> tuple[LexicalIndex, LexicalIndex]:
    """The same file read by FTS5 only, and with the in-memory copy (built)."""
    fts = LexicalIndex(path, refresh_seconds=60, **kw)
    _insert(fts, ROWS)
    memory = LexicalIndex(path, refresh_seconds=60, in_memory=True, **kw)
    memory.build_memory()
    assert memory.memory_state() == "ready"
    return fts, memory


def _same(got: list[LexicalHit], want: list[LexicalHit]) -> None:
    assert [h.chunk_id for h in got] == [h.chunk_id for h in want]
    assert [h.score for h in got] == pytest.approx([h.score for h in want], rel=1e-6)
    assert [replace(h, score=0.0) for h in got] == [replace(h, score=0.0) for h in want]


def _queries(n: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """Random queries of corpus words (function words, common and rare ones, absent words,
    the tricky ones), with random filters."""
    rng = random.Random(seed)
    words = sorted({w for text, *_ in ROWS for w in re.findall(r"\w+", text)})
    extra = ["zzyzx", "quokka", "foo_bar", "Zürich", "running", "runs", "ran", "naive", "2023"]
    docs = sorted({doc for _, _, doc, _ in ROWS})
    out = []
    for _ in range(n):
        query = " ".join(rng.choice(words + extra) for _ in range(rng.randint(1, 7)))
        filters: dict[str, Any] = {}
        kind = rng.randrange(5)
        if kind == 1:
            filters["doc_ids"] = [*rng.sample(docs, rng.randint(1, 8)), "no-such-doc"]
        elif kind == 2:
            filters["published_after"] = date(2000 + rng.randrange(20), 1, 1)
        elif kind == 3:
            filters["published_before"] = date(2000 + rng.randrange(20), 6, 30)
        elif kind == 4:
            filters["doc_ids"] = []  # no filter, as for FTS5
        out.append((query, filters))
    fixed = ["foo_bar protocol", "Zürich café", "running", "the of and", "zzyzx", "said the"]
    return out + [(q, {}) for q in fixed]


@pytest.mark.parametrize(("share", "min_rows"), [(1.0, 1000), (0.1, 0), (0.02, 0)])
def test_in_memory_bm25_gives_fts5_results_and_scores(
    tmp_path: Path, share: float, min_rows: int
) -> None:
    fts, memory = _pair(tmp_path / "bm25.sqlite", max_df_share=share, min_df_rows=min_rows)
    assert memory._snapshot is not None and memory._snapshot.rows == len(ROWS) > 300
    queries = _queries(300, seed=int(share * 100))
    for query, filters in queries:
        for limit in (1, 5, 20):
            _same(memory.search(query, limit, **filters), fts.search(query, limit, **filters))
    phrases = sum("foo_bar" in q for q, _ in queries) * 3  # FTS5 makes a phrase of it
    assert memory.served["fts5"] >= phrases > 0
    assert memory.served["memory"] >= 0.8 * len(queries) * 3
    # Stemming: FTS5 scores "running" and "runs" as two phrases of one token; so does memory.
    _same(memory.search("running runs", 5), fts.search("running runs", 5))
    assert memory.search("running runs", 1)[0].chunk_id == "t:1"
    assert memory.search("cafe zurich", 1)[0].chunk_id == "t:0"  # diacritics folded
    fts.close()
    memory.close()


def test_query_words_are_tokenized_as_fts5_does() -> None:
    tokens = QueryTokens()
    assert tokens(["running", "runs", "café", "zürich", "foo_bar", "2023", "_"]) == [
        ("run",),
        ("run",),
        ("cafe",),
        ("zurich",),
        ("foo", "bar"),
        ("2023",),
        (),
    ]
    assert tokens(["running"]) == [("run",)]  # from the cache
    tokens.close()


def test_a_stale_copy_is_never_used(tmp_path: Path) -> None:
    fts, memory = _pair(tmp_path / "bm25.sqlite", max_df_share=0.1, min_df_rows=0)
    before = memory.search("quokka census rottnest", 5)
    assert before == []
    # A sync adds and removes rows (through the sync connection, then marks the change as
    # ``LexicalIndex._sync`` does after committing).
    _insert(memory, [("Rangers counted 12,000 quokkas on Rottnest.", "new:0", "new", 20240301)])
    memory._conn.execute("DELETE FROM chunks WHERE doc_id = 'd1'")
    memory._invalidate()
    assert memory.memory_state() == "stale"
    served = dict(memory.served)
    for query, filters in [("quokka census rottnest", {}), *_queries(40, seed=3)]:
        _same(memory.search(query, 10, **filters), fts.search(query, 10, **filters))
    assert memory.served["memory"] == served["memory"]  # every query went to FTS5
    assert memory.search("quokka census", 1)[0].chunk_id == "new:0"
    assert all(h.doc_id != "d1" for q, _ in _queries(40, seed=3) for h in memory.search(q, 20))
    memory.build_memory()
    assert memory.memory_state() == "ready"
    for query, filters in [("quokka census rottnest", {}), *_queries(40, seed=3)]:
        _same(memory.search(query, 10, **filters), fts.search(query, 10, **filters))
    assert memory.served["memory"] > served["memory"]
    fts.close()
    memory.close()


def test_rows_changed_under_an_unaware_copy_send_the_query_to_fts5(tmp_path: Path) -> None:
    """Another process synced the shared file and this one has not seen the new token yet:
    the hits' rows no longer carry the copy's chunk ids, so FTS5 answers."""
    fts, memory = _pair(tmp_path / "bm25.sqlite", max_df_share=1.0)
    first = memory.search("naive cooperation", 3)
    assert first[0].chunk_id == "t:0" and memory.memory_state() == "ready"
    # The row is replaced under the same rowid (a new row may take a freed rowid).
    (rowid,) = fts._conn.execute("SELECT rowid FROM chunks WHERE chunk_id = 't:0'").fetchone()
    fts._conn.execute("DELETE FROM chunks WHERE chunk_id = 't:0'")
    fts._conn.execute(
        "INSERT INTO chunks(rowid, text, chunk_id, doc_id, title, published, published_ord, start,"
        " \"end\") VALUES (?, ?, 't:0b', 'tricky', 't', '2023-01-01', 20230512, 0, 10)",
        (rowid, TRICKY[0].replace("helped", "helped again")),
    )
    served = dict(memory.served)
    _same(memory.search("naive cooperation", 3), fts.search("naive cooperation", 3))
    assert memory.search("naive cooperation", 1)[0].chunk_id == "t:0b"
    assert memory.served["fts5"] == served["fts5"] + 2
    fts.close()
    memory.close()


def test_queries_go_to_fts5_while_the_copy_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bm25.sqlite"
    fts = LexicalIndex(path, refresh_seconds=60, max_df_share=0.1, min_df_rows=0)
    _insert(fts, ROWS)
    memory = LexicalIndex(path, refresh_seconds=60, max_df_share=0.1, min_df_rows=0, in_memory=True)
    release = threading.Event()
    build = MemoryBM25.build

    def slow_build(conn: Any, generation: int) -> MemoryBM25:
        assert release.wait(60)  # a build that takes as long as the test needs
        return build(conn, generation)

    monkeypatch.setattr(MemoryBM25, "build", slow_build)
    memory.schedule_memory_build()
    assert memory.memory_state() == "building"
    queries = _queries(30, seed=11)
    for query, filters in queries:
        _same(memory.search(query, 10, **filters), fts.search(query, 10, **filters))
    assert memory.served == {"memory": 0, "fts5": len(queries)}
    release.set()
    assert memory.wait_memory(60)
    for query, filters in queries:
        _same(memory.search(query, 10, **filters), fts.search(query, 10, **filters))
    assert memory.served["memory"] >= len(queries) - 3  # all but queries with a phrase
    fts.close()
    memory.close()


def test_a_change_during_the_pause_after_a_build_is_built_later(tmp_path: Path) -> None:
    """After a build the next waits (three times the last build's time): a change in that
    pause is built when it ends, not dropped until some later change."""
    fts, memory = _pair(tmp_path / "bm25.sqlite", max_df_share=0.1, min_df_rows=0)
    memory._next_build = time.monotonic() + 0.5  # as if the last build took ~0.17 s
    _insert(memory, [("Rangers counted 12,000 quokkas on Rottnest.", "new:0", "new", 20240301)])
    memory._invalidate()
    memory.schedule_memory_build()
    assert memory.memory_state() == "stale"  # waiting out the pause, FTS5 answers meanwhile
    assert memory.wait_memory(60)
    assert memory.search("quokkas rottnest", 1)[0].chunk_id == "new:0"
    fts.close()
    memory.close()
