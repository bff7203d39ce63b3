"""The BM25 index (SQLite FTS5, derived from Chroma) stays consistent with the chunk collection
through add, edit, duplicates, prune and --rebuild (SIGKILL: test_cli.py), and hybrid retrieval
uses it, with the same filters as the dense search. Real Chroma, the real model."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import service.lexical as lexical_module
from service.config import Settings
from service.index import NewsIndex, open_index
from service.ingestion.pipeline import IngestJob
from service.lexical import LexicalIndex
from service.retrieval import Retriever
from service.schemas import Filters

SettingsFactory = Callable[..., Settings]


def chroma_chunks(index: NewsIndex) -> dict[str, str]:
    """Chunk id → text of every chunk of a document with a record (a complete document)."""
    got = index.chunk_collection.get(include=["documents", "metadatas"])
    complete = set(index.document_records())
    return {
        i: t
        for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        if m["ref_doc_id"] in complete
    }


def assert_in_step(lexical: LexicalIndex, index: NewsIndex) -> None:
    lexical.refresh(index, force=True)
    assert lexical.chunk_ids() == chroma_chunks(index)


def ingest(settings: Settings, embed_model: Any, paths: list[Path], **kw: Any) -> NewsIndex:
    rebuild = kw.pop("rebuild", False)
    index = open_index(settings, for_writing=True, rebuild=rebuild, embed_model=embed_model)
    IngestJob(settings, index).run(paths, **kw)
    return index


def count_sync_reads(index: NewsIndex, delay: float = 0.0) -> list[int]:
    """Make ``index`` record each read of its change token (one per sync), optionally slow
    (a slow Chroma: other threads arrive while a sync runs); returns the record."""
    reads: list[int] = []
    generation = index.generation

    def counted() -> tuple[str, str]:
        reads.append(1)
        time.sleep(delay)
        return generation()

    index.generation = counted  # type: ignore[method-assign]
    return reads


def test_lexical_index_follows_chroma_through_every_kind_of_change(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    # A long-lived reader (a service replica) keeps the same file across all the changes.
    reader = LexicalIndex(tmp_path / "lexical.sqlite", refresh_seconds=3600)
    assert_in_step(reader, index)
    assert len(reader.chunk_ids()) > 10

    target = articles / "002_f30c3b285b3e3037.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("twenty AI products", "thirty AI products"),
        encoding="utf-8",
    )
    (articles / "zz").mkdir()
    shutil.copy(articles / "001_819d45a17c5bb7df.txt", articles / "zz" / "copy.txt")
    (articles / "new.txt").write_text(
        "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March.",
        encoding="utf-8",
    )
    index = ingest(settings, embed_model, [articles])
    assert_in_step(reader, index)
    hits = reader.search("how many quokkas were counted", 3)
    assert hits and hits[0].doc_id == "new" and hits[0].score > 0
    assert [h.doc_id for h in reader.search("thirty AI products", 20)].count(
        "002_f30c3b285b3e3037"
    ) >= 1
    assert all("twenty AI products" not in t for t in reader.chunk_ids().values())

    (articles / "new.txt").unlink()
    index = ingest(settings, embed_model, [articles], prune=True)
    assert_in_step(reader, index)
    assert reader.search("quokkas", 3) == []

    # Another process sharing the file sees the same rows without re-reading anything.
    other = LexicalIndex(tmp_path / "lexical.sqlite", refresh_seconds=3600)
    assert other.chunk_ids() == reader.chunk_ids()

    rebuilt = ingest(settings, embed_model, [articles], rebuild=True)
    assert_in_step(reader, rebuilt)  # a new collection id: the old rows are dropped


def test_hybrid_search_fuses_bm25_and_dense_with_the_same_filters(
    sample_settings: Settings, embed_model: Any, tmp_path: Path
) -> None:
    settings = sample_settings.model_copy(update={"lexical_dir": tmp_path / "lex"})
    index = open_index(settings, embed_model=embed_model)
    retriever = Retriever(index)
    found = retriever.search("Brad Smith Beijing meeting", 5)
    assert found[0].fused_score is not None
    assert any(p.lexical_score is not None for p in found)
    assert [p.fused_score for p in found] == sorted(
        (p.fused_score or 0.0 for p in found), reverse=True
    )
    for p in found:
        doc = index.get_document(p.doc_id)
        assert doc is not None and doc.text[p.start : p.end] == p.text
        assert -1.0 <= p.score <= 1.0
    only = retriever.search("Brad Smith", 5, Filters(doc_ids=["002_f30c3b285b3e3037"]))
    assert {p.doc_id for p in only} == {"002_f30c3b285b3e3037"}
    early = retriever.search("Brad Smith", 5, Filters(published_before=date(2019, 1, 1)))
    assert early and all(p.published and p.published <= date(2019, 1, 1) for p in early)
    dense = Retriever(
        open_index(settings.model_copy(update={"retrieval": "dense"}), embed_model=embed_model)
    ).search("Brad Smith Beijing meeting", 5)
    assert all(p.lexical_score is None and p.fused_score is None for p in dense)


def test_bm25_in_memory_follows_the_changes_and_answers_as_fts5(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    """A replica with the in-memory copy (the service's default) through a real add, edit and
    prune: after each sync the copy is rebuilt in the background, and its answers (used once
    it is current) equal those of FTS5 on the same file."""
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    path = tmp_path / "lexical.sqlite"
    reader = LexicalIndex(path, refresh_seconds=3600, max_df_share=0.1, in_memory=True)
    fts = LexicalIndex(path, refresh_seconds=3600, max_df_share=0.1)
    queries = [
        "how many quokkas were counted",
        "thirty AI products",
        "Brad Smith Beijing meeting",
        "Microsoft president China",
        "wheat prices",
    ]

    def answers_as_fts5() -> None:
        fts.refresh(index, force=True)  # the file is synced: this only forgets its counts
        assert reader.wait_memory(120)  # the build a sync started, in the background
        served = reader.served["memory"]
        for query in queries:
            got, want = reader.search(query, 10), fts.search(query, 10)
            assert [(h.chunk_id, h.text) for h in got] == [(h.chunk_id, h.text) for h in want]
            assert [h.score for h in got] == pytest.approx([h.score for h in want], rel=1e-6)
        assert reader.served["memory"] == served + len(queries)

    assert_in_step(reader, index)
    answers_as_fts5()
    (articles / "new.txt").write_text(
        "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March.",
        encoding="utf-8",
    )
    target = articles / "002_f30c3b285b3e3037.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("twenty AI products", "thirty AI products"),
        encoding="utf-8",
    )
    index = ingest(settings, embed_model, [articles])
    assert_in_step(reader, index)
    answers_as_fts5()
    assert reader.search("how many quokkas were counted", 1)[0].doc_id == "new"
    (articles / "new.txt").unlink()
    index = ingest(settings, embed_model, [articles], prune=True)
    assert_in_step(reader, index)
    answers_as_fts5()
    assert reader.search("quokkas", 3) == []
    reader.close()
    fts.close()


def test_a_document_the_dense_search_found_but_bm25_lacks_syncs_at_once(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A replica whose periodic check is an hour away still syncs when a dense hit comes from a
    document written since (by another process); a document still absent after that sync (its
    record not written yet) forces no second sync within ``_ABSENT_RETRY``, and gets a new
    look once a sync has seen the change token move."""
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    reader = LexicalIndex(tmp_path / "lexical.sqlite", refresh_seconds=3600)
    reader.refresh(index)
    (articles / "new.txt").write_text(
        "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March.",
        encoding="utf-8",
    )
    index = ingest(settings, embed_model, [articles])  # another process wrote it
    reads = count_sync_reads(index)
    monkeypatch.setattr(lexical_module, "_ABSENT_RETRY", 3600.0)  # no retry within this test

    reader.refresh(index, found={"001_819d45a17c5bb7df"})  # held: the hour is not up
    assert reads == [] and reader.search("quokkas", 3) == []
    reader.refresh(index, found={"001_819d45a17c5bb7df", "new"})
    assert len(reads) == 1 and reader.search("quokkas", 3)[0].doc_id == "new"
    reader.refresh(index, found={"ghost"})  # no record: one sync, not one per query
    reader.refresh(index, found={"ghost"})
    assert len(reads) == 2
    index.mark_changed()  # once a sync has seen a new token, the ghost gets one more look
    reader.refresh(index, force=True)
    reader.refresh(index, found={"ghost"})
    reader.refresh(index, found={"ghost"})
    assert len(reads) == 4
    reader.close()


def test_a_replica_sharing_the_file_syncs_for_a_document_another_one_added(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    """Two processes on one BM25 file: the one that wrote the new rows is not the one asked.
    The other's in-memory copy predates them, so "held" means held at its own last sync."""
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    path = tmp_path / "lexical.sqlite"
    writer = LexicalIndex(path, refresh_seconds=3600)
    asked = LexicalIndex(path, refresh_seconds=3600, in_memory=True)
    asked.refresh(index)
    asked.build_memory()
    (articles / "new.txt").write_text(
        "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March.",
        encoding="utf-8",
    )
    index = ingest(settings, embed_model, [articles])
    writer.refresh(index, force=True)  # the shared file now holds "new"
    assert asked.search("quokkas", 3) == []  # its copy in memory does not
    asked.refresh(index, found={"new"})
    assert [h.doc_id for h in asked.search("quokkas", 3)] == ["new"]
    writer.close()
    asked.close()


def test_requests_finding_the_same_new_document_sync_once_and_an_absent_one_is_retried(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Eight request threads whose dense search found the same new document: one sync, not
    eight (the others re-check under the lock). A document still absent after a sync is
    looked for again after ``_ABSENT_RETRY`` (its record may be written a moment later)."""
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    index = ingest(settings, embed_model, [articles])
    reader = LexicalIndex(tmp_path / "lexical.sqlite", refresh_seconds=3600)
    reader.refresh(index)
    (articles / "new.txt").write_text(
        "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March.",
        encoding="utf-8",
    )
    index = ingest(settings, embed_model, [articles])
    reads = count_sync_reads(index, delay=0.2)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: reader.refresh(index, found={"new"}), range(8)))
    assert len(reads) == 1 and reader.search("quokkas", 3)[0].doc_id == "new"

    monkeypatch.setattr(lexical_module, "_ABSENT_RETRY", 0.0)
    reader.refresh(index, found={"ghost"})
    reader.refresh(index, found={"ghost"})
    assert len(reads) == 3
    reader.close()
