"""Pure pieces of hybrid retrieval: the FTS5 query built from a question, rank fusion, dates."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from service.dates import date_from_metadata, date_metadata, date_ord, parse_date
from service.lexical import LexicalIndex, match_expression, selective_terms
from service.lru import LRU
from service.retrieval import dense_ranks, reciprocal_rank_fusion, with_each_first


def test_match_expression_quotes_every_word_and_drops_function_words() -> None:
    assert match_expression("Who met Brad Smith in 2023?") == '"met" OR "brad" OR "smith" OR "2023"'
    # FTS5 syntax in a question is only words to match, never operators.
    assert match_expression('NEAR(a b) "x" OR y*') == '"near"'
    assert match_expression("who is it?") is None


def test_reciprocal_rank_fusion_rewards_agreement() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "d"]], k=60)
    assert fused["c"] == pytest.approx(1 / 63 + 1 / 61)
    assert max(fused, key=lambda i: fused[i]) == "c"
    assert fused["a"] > fused["b"] == fused["d"]
    assert reciprocal_rank_fusion([[], []], k=60) == {}


def test_dates_have_one_type_and_one_storage_form() -> None:
    assert parse_date("2023-12-05") == date(2023, 12, 5)
    assert parse_date("2024-03-01T10:00:00Z") == date(2024, 3, 1)
    assert parse_date("March 2023") is None and parse_date(None) is None
    assert date_ord(date(2018, 9, 18)) == 20180918 and date_ord(None) == 0
    meta = date_metadata(date(2018, 9, 18))
    assert meta == {"published": "2018-09-18", "published_ord": 20180918}
    assert date_from_metadata(meta) == date(2018, 9, 18)
    assert date_from_metadata(date_metadata(None)) is None


def test_fts5_ranks_by_bm25_and_filters_like_the_dense_search() -> None:
    lexical = LexicalIndex(":memory:", refresh_seconds=60)
    rows = [
        ("q1", "a", "Quokkas counted on Rottnest", "2023-03-01", 20230301),
        ("q2", "b", "A census of quokkas and quokka habitats: quokkas", "", 0),
        ("x", "c", "Wheat prices fell in March", "2020-01-01", 20200101),
    ]
    lexical._conn.executemany(  # fill the table as a sync from Chroma would
        'INSERT INTO chunks(text, chunk_id, doc_id, title, published, published_ord, start, "end")'
        " VALUES (?, ?, ?, 't', ?, ?, 0, 10)",
        [(text, cid, doc, pub, ordinal) for cid, doc, text, pub, ordinal in rows],
    )
    hits = lexical.search("how many quokkas", 5)
    assert [h.chunk_id for h in hits] == ["q2", "q1"]
    assert hits[0].score > hits[1].score > 0 and hits[0].published is None
    assert [h.chunk_id for h in lexical.search("quokkas", 5, doc_ids=["a"])] == ["q1"]
    after = lexical.search("quokkas", 5, published_after=date(2023, 1, 1))
    assert [h.published for h in after] == [date(2023, 3, 1)]
    # Undated articles are never "before" a date.
    assert lexical.search("quokkas", 5, published_before=date(2030, 1, 1))[0].chunk_id == "q1"
    assert lexical.search("the", 5) == []


def test_rank_fusion_accepts_tied_ranks() -> None:
    assert dense_ranks({"a": 3, "b": 5, "c": 3}) == {"b": 1, "a": 2, "c": 2}
    fused = reciprocal_rank_fusion([["x", "y"], {"y": 1, "x": 1}], k=60)
    assert fused["x"] > fused["y"]


def test_get_all_reads_every_page_of_a_collection() -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from service.chroma_paging import get_all

    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    col = client.get_or_create_collection("paging-test", embedding_function=None)
    col.add(
        ids=[f"r{i:03d}" for i in range(25)],
        embeddings=np.asarray([[float(i), 1.0] for i in range(25)], dtype=np.float32),
        metadatas=[{"n": i} for i in range(25)],
    )
    got = get_all(col, page=10, include=["metadatas", "embeddings"])
    assert sorted(got["ids"]) == [f"r{i:03d}" for i in range(25)]
    assert sorted(m["n"] for m in got["metadatas"]) == list(range(25))
    assert len(got["embeddings"]) == 25
    assert get_all(col, page=10, where={"n": {"$gte": 20}}, include=[])["ids"] != []


def test_selective_terms_leave_out_common_words_but_never_all() -> None:
    freq = {"said": 600, "market": 90, "quokka": 3, "zebra": 0}
    # 10 % of 1,000 chunks: "said" goes, the absent "zebra" matches nothing anyway.
    assert selective_terms(freq, 1000, 0.1, min_rows=0) == ["market", "quokka"]
    assert selective_terms(freq, 1000, 0.01, min_rows=0) == ["quokka"]
    # Only common words: the rarest one stays, so the query still finds something.
    assert selective_terms({"said": 600, "year": 400}, 1000, 0.1, min_rows=0) == ["year"]
    # A small index is never pruned below min_rows (scoring a few hundred rows costs nothing).
    assert selective_terms(freq, 1000, 0.1, min_rows=1000) == ["said", "market", "quokka"]
    assert selective_terms({"zebra": 0}, 1000, 0.1, min_rows=0) == []


def _filled(path: Path, *, max_df_share: float, min_df_rows: int = 1000) -> LexicalIndex:
    """A file index of 200 chunks: "common" in all of them, "quokka" in three."""
    lexical = LexicalIndex(
        path, refresh_seconds=60, max_df_share=max_df_share, min_df_rows=min_df_rows
    )
    rows = [
        (f"common words in chunk {i}" + (" about a quokka" * (1 + i % 3) if i < 3 else ""), i)
        for i in range(200)
    ]
    lexical._conn.executemany(
        'INSERT INTO chunks(text, chunk_id, doc_id, title, published, published_ord, start, "end")'
        " VALUES (?, ?, 'd', 't', '', 0, 0, 10)",
        [(text, f"c{i}") for text, i in rows],
    )
    return lexical


def test_common_query_words_are_left_out_of_the_match(tmp_path: Path) -> None:
    pruned = _filled(tmp_path / "pruned.sqlite", max_df_share=0.1, min_df_rows=0)
    full = _filled(tmp_path / "full.sqlite", max_df_share=1.0)
    both = "common quokka"
    # Every chunk holds "common": all of them match unless it is left out.
    assert len(full.search(both, 50)) == 50
    hits = pruned.search(both, 50)
    assert [h.chunk_id for h in hits] == [h.chunk_id for h in pruned.search("quokka", 50)]
    assert {h.chunk_id for h in hits} == {"c0", "c1", "c2"}
    # The quokka chunks come first in the full ranking too: the common word adds little.
    assert [h.chunk_id for h in full.search(both, 3)] == [h.chunk_id for h in hits]
    # A query of common words only keeps its rarest word and still finds chunks.
    assert len(pruned.search("common words", 5)) == 5
    pruned.close()
    full.close()


def test_searches_from_many_threads_read_the_committed_rows(tmp_path: Path) -> None:
    lexical = _filled(tmp_path / "lexical.sqlite", max_df_share=0.1, min_df_rows=0)
    alone = [h.chunk_id for h in lexical.search("quokka", 5)]
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda _: [h.chunk_id for h in lexical.search("quokka", 5)], range(40))
        )
        assert results == [alone] * 40
        # A write committed by the sync connection is seen by the threads' own connections
        # (which already exist) on their next search, once the caches are emptied as a sync does.
        lexical._conn.execute(
            "INSERT INTO chunks(text, chunk_id, doc_id, title, published, published_ord, start,"
            " \"end\") VALUES ('quokka quokka quokka quokka', 'new', 'd', 't', '', 0, 0, 10)"
        )
        lexical._doc_freq, lexical._total = LRU(10), None
        after = list(pool.map(lambda _: lexical.search("quokka", 5)[0].chunk_id, range(8)))
    assert after == ["new"] * 8
    lexical.close()


def test_each_retriever_s_first_passages_reach_the_re_rank() -> None:
    """A passage BM25 ranks first but the dense search missed is fused below passages both
    found: it is moved into the re-ranked head, in place of the head's last ones."""
    dense = ["d1", "d2", "both1", "both2", "both3"]
    bm25 = ["b1", "both1", "both2", "both3", "b2"]
    fused = reciprocal_rank_fusion([dense, bm25], k=60)
    order = sorted(fused, key=lambda i: -fused[i])
    assert order[:3] == ["both1", "both2", "both3"]  # d1 and b1 cut by the fusion alone
    moved = with_each_first(order, [dense, bm25], first=1, head=3)
    assert moved == ["both1", "d1", "b1", "both2", "both3", "d2", "b2"]  # (they follow)
    assert with_each_first(order, [dense, bm25], first=0, head=3) == order
    assert with_each_first(order, [dense, bm25], first=1, head=len(order)) == order
    # a ranking of ranks is read in rank order, not in the order its ids were written
    ranks = {"both3": 3, "b1": 1, "both1": 2}
    assert with_each_first(order, [dense, ranks], first=1, head=3) == moved
