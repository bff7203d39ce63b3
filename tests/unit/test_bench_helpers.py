"""The arithmetic of the benchmark commands (not their timings)."""

from __future__ import annotations

from typing import Any

from eval.bench import baseline_recall
from eval.load import LoadResult


def test_percentiles_are_nearest_rank() -> None:
    result = LoadResult("/search", 1, latencies_ms=[float(x) for x in range(1, 101)], seconds=2)
    assert result.percentile(50) == 50.0
    assert result.percentile(95) == 95.0
    assert result.percentile(99) == 99.0
    assert result.summary()["rps"] == 50.0
    assert LoadResult("/ask", 8).summary()["p50_ms"] is None


def test_baseline_recall_matches_raw_file_offsets(dev_qa: list[dict[str, Any]]) -> None:
    gold = {
        q["id"]: [
            {"doc_id": alt["doc_id"], "start": alt["start"], "end": alt["start"] + len(alt["text"])}
            for group in q["evidence_groups"]
            for alt in group[:1]
        ]
        for q in dev_qa
        if q["answerable"]
    }
    assert baseline_recall(gold) == 1.0
    assert baseline_recall({}) == 0.0
    shifted = {
        qid: [{**hit, "start": hit["end"], "end": hit["end"] + 50} for hit in hits]
        for qid, hits in gold.items()
    }
    assert baseline_recall(shifted) == 0.0  # adjacent, not overlapping


def test_lru_is_bounded_and_safe_across_threads() -> None:
    import threading

    from service.lru import LRU

    cache: LRU[int, int] = LRU(50)
    errors: list[BaseException] = []

    def hammer(offset: int) -> None:
        try:
            for i in range(2000):
                cache.put((i + offset) % 120, i)
                cache.get((i * 7 + offset) % 120)
        except BaseException as exc:  # any failure in a thread is the finding
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(cache) == 50
    cache.put(1000, 1)
    assert cache.get(1000) == 1 and len(cache) == 50
