"""Reading a sentence collection into memory (``SentenceMatrix.read``) from a collection whose
pages shift under a concurrent write, and a failed read (fakes: failure injection only)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pytest

from service import sentence_memory
from service.sentence_memory import SentenceMatrix, SentenceMemory
from service.sentence_store import SpanKey, sentence_id


class PagedCollection:
    """``count``/``get(limit, offset)`` over fixed records; ``count`` may under-report."""

    def __init__(self, ids: list[str], vectors: np.ndarray, count: int | None = None) -> None:
        self.ids, self.vectors, self.reported = ids, vectors, count

    def count(self) -> int:
        return len(self.ids) if self.reported is None else self.reported

    def get(self, *, limit: int, offset: int, include: list[str]) -> dict[str, Any]:
        assert include == ["embeddings"]  # never the metadata
        return {
            "ids": self.ids[offset : offset + limit],
            "embeddings": self.vectors[offset : offset + limit],
        }


def _records(chunks: dict[str, int]) -> tuple[list[str], np.ndarray]:
    ids = [sentence_id(c, k) for c, n in chunks.items() for k in range(n)]
    return ids, np.arange(len(ids) * 4, dtype=np.float32).reshape(len(ids), 4)


def _key(chunk: str, n: int) -> SpanKey:
    return SpanKey(chunk, "doc", 0, 10 * n, tuple((10 * k, 10 * k + 9) for k in range(n)))


@pytest.mark.parametrize("reported", [None, 1, 0, 100])
def test_every_complete_chunk_is_read_whatever_the_count_said(reported: int | None) -> None:
    ids, vectors = _records({"a": 3, "b::x": 1, "c": 5})
    matrix = SentenceMatrix.read(PagedCollection(ids, vectors, reported), "t", page=2)
    assert matrix.rows.keys() == {"a", "b::x", "c"} and len(matrix.vectors) == len(ids)
    # No spare rows stay allocated behind the copy (records written or deleted while it was
    # read make the count wrong; the matrix must not keep the room it grew).
    assert matrix.vectors.base is None and matrix.nbytes == len(ids) * 4 * 4
    got = matrix.lookup([_key("c", 5), _key("b::x", 1)])
    assert np.array_equal(got["c"].vectors, vectors[4:9])
    assert np.array_equal(got["b::x"].vectors, vectors[3:4])
    assert got["c"].spans == list(_key("c", 5).layout or ())


def test_a_chunk_missing_a_sentence_or_read_twice_is_handled() -> None:
    ids, vectors = _records({"a": 3, "b": 2})
    # A write between pages: "a"'s second sentence is not seen, "b"'s first is seen twice
    # (the later row wins), an id of no sentence is ignored.
    order = [0, 2, 3, 3, 4]
    shifted = [ids[i] for i in order] + ["not-a-sentence"]
    rows = np.concatenate([vectors[order], np.zeros((1, 4), dtype=np.float32)])
    matrix = SentenceMatrix.read(PagedCollection(shifted, rows), "t", page=2)
    assert matrix.rows.keys() == {"b"} and matrix.rows["b"] == (3, 4)
    assert matrix.lookup([_key("a", 3)]) == {}
    assert np.array_equal(matrix.lookup([_key("b", 2)])["b"].vectors, vectors[3:5])
    assert matrix.lookup([_key("b", 3)]) == {}  # the layout names more than are held


def test_an_empty_collection_holds_nothing() -> None:
    matrix = SentenceMatrix.read(PagedCollection([], np.zeros((0, 4), np.float32)), "t")
    assert matrix.rows == {} and matrix.lookup([_key("a", 1)]) == {}


def test_a_failed_read_is_logged_and_the_service_reads_chroma(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken() -> tuple[str, str]:
        raise RuntimeError("chroma is gone")

    ids, vectors = _records({"a": 2})
    memory = SentenceMemory(PagedCollection(ids, vectors), broken, refresh_seconds=60)
    with caplog.at_level(logging.WARNING):
        memory.build()
    assert memory.snapshot is None and memory.lookup([_key("a", 2)]) == {}
    assert "reading them failed" in caplog.text
    memory._generation = lambda: ("col", "token")
    memory.build()
    assert memory.state == "ready" and memory.lookup([_key("a", 2)]).keys() == {"a"}


def test_a_failed_read_waits_before_the_next_one(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    waits: list[float] = []
    monkeypatch.setattr(sentence_memory, "monotonic", lambda: clock[0])
    monkeypatch.setattr(sentence_memory, "sleep", waits.append)

    def slow_failure() -> tuple[str, str]:
        clock[0] += 5.0  # a read that fails after 5 s (a Chroma server timing out)
        raise TimeoutError("timed out")

    ids, vectors = _records({"a": 2})
    memory = SentenceMemory(PagedCollection(ids, vectors), slow_failure, refresh_seconds=1)
    memory.build()
    assert memory.snapshot is None
    clock[0] += 1.0  # a check is due
    memory.lookup([_key("a", 2)])
    assert memory.wait(10) is False
    assert waits == [14.0]  # three times the failed read's 5 s, less the 1 s since
