"""The ingest job end to end on real files, the real embedding model and embedded Chroma."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings
from service.errors import IndexMismatchError
from service.index import NewsIndex, open_index
from service.ingestion.pipeline import IngestJob, Summary
from tests.conftest import BBC_DIR

SettingsFactory = Callable[..., Settings]


def run(settings: Settings, embed_model: Any, paths: list[Path], **kw: Any) -> Summary:
    rebuild = kw.pop("rebuild", False)
    index = open_index(settings, for_writing=True, rebuild=rebuild, embed_model=embed_model)
    return IngestJob(settings, index).run(paths, **kw)


def snapshot(index: NewsIndex) -> dict[str, Any]:
    chunks = index.chunk_collection.get(include=["metadatas"])
    docs = index.document_records()
    return {
        "chunk_ids": sorted(chunks["ids"]),
        "docs": {d: (r.fingerprint, r.chunks) for d, r in docs.items()},
    }


def test_sample_ingest_then_rerun_changes_nothing(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    first = run(settings, embed_model, [articles])
    assert (first.documents, first.added, first.unchanged, first.skipped) == (5, 5, 0, 0)
    assert first.chunks == first.embedded > 5
    index = open_index(settings, embed_model=embed_model)
    before = snapshot(index)
    second = run(settings, embed_model, [articles])
    assert (second.embedded, second.unchanged, second.added, second.updated) == (0, 5, 0, 0)
    assert second.documents == 5 and second.chunks == first.chunks
    assert snapshot(index) == before


def test_document_and_chunk_metadata(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    doc = index.get_document("004_b86033e991a1b907")
    assert doc is not None
    assert doc.title == "China’s leaders are softening their stance on AI"
    assert doc.published == date(2018, 9, 18)
    assert doc.source == "004_b86033e991a1b907.txt"  # relative: no server path is shown
    assert doc.origin == str((articles / "004_b86033e991a1b907.txt").resolve())
    assert len(doc.content_hash) == 64
    assert "Deep Dive" not in doc.text
    raw = index.document_collection.get(ids=[doc.doc_id], include=["metadatas"])["metadatas"][0]
    assert raw["embed_model"] == "huggingface:sentence-transformers/all-MiniLM-L6-v2"
    assert (raw["chunk_size"], raw["chunk_overlap"], raw["tokenizer"]) == (128, 16, "cl100k_base")
    meta = index.chunk_collection.metadata
    assert meta["embed_model"] == "huggingface:sentence-transformers/all-MiniLM-L6-v2"
    assert (meta["chunk_size"], meta["chunk_overlap"], meta["tokenizer"]) == (
        128,
        16,
        "cl100k_base",
    )
    assert index.chunk_collection.configuration_json["hnsw"]["space"] == "cosine"
    got = index.chunk_collection.get(
        where={"ref_doc_id": doc.doc_id}, include=["metadatas", "documents"]
    )
    assert len(got["ids"]) == doc.chunks > 1
    for text, m in zip(got["documents"], got["metadatas"], strict=True):
        assert doc.text[m["start"] : m["end"]] == text
        assert (m["doc_id"], m["title"], m["published"]) == (doc.doc_id, doc.title, "2018-09-18")
        assert m["published_ord"] == 20180918


def test_edit_replaces_exactly_that_documents_chunks(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings(chunk_size=128, chunk_overlap=16)
    run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    before = snapshot(index)
    target = articles / "002_f30c3b285b3e3037.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("twenty AI products", "thirty AI products"),
        encoding="utf-8",
    )
    summary = run(settings, embed_model, [articles])
    assert (summary.updated, summary.unchanged, summary.added) == (1, 4, 0)
    after = snapshot(index)
    changed = {c.split("::")[0] for c in set(before["chunk_ids"]) ^ set(after["chunk_ids"])}
    assert changed == {"002_f30c3b285b3e3037"}
    assert summary.embedded == after["docs"]["002_f30c3b285b3e3037"][1]
    # No orphans: every stored chunk belongs to the current version of its document.
    stored = index.chunk_collection.get(include=["metadatas"])
    per_doc: dict[str, int] = {}
    for m in stored["metadatas"]:
        per_doc[m["ref_doc_id"]] = per_doc.get(m["ref_doc_id"], 0) + 1
    assert per_doc == {d: n for d, (_, n) in after["docs"].items()}
    doc = index.get_document("002_f30c3b285b3e3037")
    assert doc is not None and "thirty AI products" in doc.text


def test_prune_removes_documents_whose_files_are_gone(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    run(settings, embed_model, [articles])
    (articles / "003_be6de4bd62aa57b5.txt").unlink()
    kept = run(settings, embed_model, [articles])
    assert (kept.documents, kept.deleted) == (5, 0), "without --prune nothing is removed"
    pruned = run(settings, embed_model, [articles], prune=True)
    assert (pruned.documents, pruned.deleted, pruned.unchanged) == (4, 1, 4)
    index = open_index(settings, embed_model=embed_model)
    assert index.get_document("003_be6de4bd62aa57b5") is None
    assert index.chunk_ids("003_be6de4bd62aa57b5") == []


def test_prune_keeps_documents_of_other_folders(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    settings = make_settings()
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Other\n\nA separate article about trade.", encoding="utf-8")
    run(settings, embed_model, [articles])
    summary = run(settings, embed_model, [other], prune=True)
    assert (summary.documents, summary.deleted, summary.added) == (6, 0, 1)


def test_duplicates_are_indexed_once_and_recorded_as_aliases(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    (articles / "zz").mkdir()
    shutil.copy(articles / "001_819d45a17c5bb7df.txt", articles / "zz" / "copy.txt")
    summary = run(settings, embed_model, [articles])
    assert (summary.documents, summary.duplicates) == (5, 1)
    assert summary.duplicate_of == {"zz/copy": "001_819d45a17c5bb7df"}
    index = open_index(settings, embed_model=embed_model)
    doc = index.get_document("001_819d45a17c5bb7df")
    assert doc is not None and doc.aliases == ["zz/copy"]
    assert index.get_document("zz/copy") is None
    again = run(settings, embed_model, [articles])
    assert (again.duplicates, again.unchanged, again.embedded) == (1, 5, 0)


SAMPLE = "001_819d45a17c5bb7df"


def test_a_repeat_takes_the_place_of_a_pruned_document(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    (articles / "zz").mkdir()
    shutil.copy(articles / f"{SAMPLE}.txt", articles / "zz" / "copy.txt")
    shutil.copy(articles / f"{SAMPLE}.txt", articles / "zz" / "copy2.txt")
    run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    first = index.get_document(SAMPLE)
    assert first is not None and first.aliases == ["zz/copy", "zz/copy2"]
    assert first.alias_sources["zz/copy"].origin == str((articles / "zz" / "copy.txt").resolve())
    (articles / f"{SAMPLE}.txt").unlink()
    summary = run(settings, embed_model, [articles], prune=True)
    assert index.get_document(SAMPLE) is None and index.chunk_ids(SAMPLE) == []
    heir = index.get_document("zz/copy")
    assert heir is not None and heir.text == first.text and heir.aliases == ["zz/copy2"]
    assert len(index.chunk_ids("zz/copy")) == first.chunks
    assert (summary.documents, summary.deleted, summary.added, summary.duplicates) == (5, 1, 1, 1)
    assert summary.duplicate_of == {"zz/copy2": "zz/copy"}
    again = run(settings, embed_model, [articles], prune=True)
    assert (again.added, again.deleted, again.embedded, again.duplicates) == (0, 0, 0, 1)


def test_prune_drops_an_alias_whose_file_is_gone(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    (articles / "zz").mkdir()
    shutil.copy(articles / f"{SAMPLE}.txt", articles / "zz" / "copy.txt")
    run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    assert index.find_document("zz/copy") is not None
    (articles / "zz" / "copy.txt").unlink()
    run(settings, embed_model, [articles])  # without --prune the alias stays
    assert index.find_document("zz/copy") is not None
    summary = run(settings, embed_model, [articles], prune=True)
    assert (summary.deleted, summary.documents) == (0, 5)
    kept = index.get_document(SAMPLE)
    assert kept is not None and kept.aliases == [] and kept.alias_sources == {}
    assert index.find_document("zz/copy") is None


def test_a_repeat_of_an_edited_document_keeps_its_text(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    (articles / "zz").mkdir()
    original = (articles / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    (articles / "zz" / "copy.txt").write_text(original, encoding="utf-8")
    run(settings, embed_model, [articles])
    (articles / f"{SAMPLE}.txt").write_text(
        original + "\n\nThe talks will resume in the spring.\n", encoding="utf-8"
    )
    summary = run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    edited, copy = index.get_document(SAMPLE), index.get_document("zz/copy")
    assert edited is not None and edited.aliases == [] and "spring" in edited.text
    assert copy is not None and "spring" not in copy.text and index.chunk_ids("zz/copy")
    assert (summary.updated, summary.added, summary.duplicates) == (1, 1, 0)


def repeat_elsewhere_then_remove_the_first(
    settings: Settings, embed_model: Any, articles: Path, tmp_path: Path
) -> Path:
    """Ingest the samples and, in another folder, a repeat of one ("copy"); then delete the
    first one's file. Returns the other folder."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(articles / f"{SAMPLE}.txt", elsewhere / "copy.txt")
    run(settings, embed_model, [articles, elsewhere])
    (articles / f"{SAMPLE}.txt").unlink()
    return elsewhere


def test_a_repeat_in_another_folder_takes_the_place_of_a_pruned_document(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    settings = make_settings()
    elsewhere = repeat_elsewhere_then_remove_the_first(settings, embed_model, articles, tmp_path)
    # this run reads only the first folder: the repeat's file is not read, but remains
    summary = run(settings, embed_model, [articles], prune=True)
    index = open_index(settings, embed_model=embed_model)
    assert index.get_document(SAMPLE) is None
    heir = index.get_document("copy")
    assert heir is not None and index.chunk_ids("copy")
    assert heir.origin == str((elsewhere / "copy.txt").resolve())
    assert (summary.deleted, summary.added, summary.documents) == (1, 1, 5)


def test_prune_keeps_a_document_whose_repeat_cannot_take_its_text(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    settings = make_settings()
    repeat_elsewhere_then_remove_the_first(settings, embed_model, articles, tmp_path)
    # (a size limit lowered since: the repeat is refused as a document of its own)
    small = make_settings(max_doc_bytes=1024)
    summary = run(small, embed_model, [articles], prune=True)
    index = open_index(settings, embed_model=embed_model)
    kept = index.get_document(SAMPLE)
    assert kept is not None and kept.aliases == ["copy"]
    assert index.find_document("copy") is not None
    # (the folder's other articles, now too large, are pruned as skipped files are)
    assert summary.deleted == 4 and index.get_document("copy") is None


def test_an_alias_that_repeats_another_document_now_has_one_holder(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    (articles / "zz").mkdir()
    others = sorted(p for p in articles.glob("*.txt") if p.stem != SAMPLE)
    shutil.copy(articles / f"{SAMPLE}.txt", articles / "zz" / "copy.txt")
    run(settings, embed_model, [articles])
    shutil.copy(others[0], articles / "zz" / "copy.txt")  # now a repeat of another article
    run(settings, embed_model, [articles])
    index = open_index(settings, embed_model=embed_model)
    first, second = index.get_document(SAMPLE), index.get_document(others[0].stem)
    assert first is not None and first.aliases == []
    assert second is not None and second.aliases == ["zz/copy"]


def test_bad_files_are_skipped_and_do_not_stop_the_run(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    (articles / "blank.txt").write_text("\n  \n")
    (articles / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (articles / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (articles / "only-junk.txt").write_text("Share this article\nSource link\n")
    summary = run(make_settings(), embed_model, [articles])
    assert summary.documents == 5 and summary.skipped == 4
    reasons = {Path(s["source"]).name: s["reason"] for s in summary.skipped_files}
    assert reasons["blank.txt"] == "empty file"
    assert reasons["blob.txt"].startswith("binary file")
    assert reasons["photo.jpg"] == "unsupported file type '.jpg'"
    assert reasons["only-junk.txt"] == "no article text left after cleaning"


def test_changed_chunking_is_refused_until_rebuild(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    run(make_settings(), embed_model, [articles])
    other = make_settings(chunk_size=128)
    with pytest.raises(IndexMismatchError, match="--rebuild") as err:
        open_index(other, for_writing=True, embed_model=embed_model)
    assert "chunk_size: index has 256, settings say 128" in str(err.value)
    # Reading (the service) only cares about the embedding model.
    open_index(other, embed_model=embed_model)
    with pytest.raises(IndexMismatchError, match="embed_model"):
        open_index(make_settings(embed_model="/some/other/model"), embed_model=embed_model)
    rebuilt = run(other, embed_model, [articles], rebuild=True)
    assert (rebuilt.added, rebuilt.documents) == (5, 5)
    assert rebuilt.chunks > 13


def test_bbc_subset_with_repeats_and_latin1(
    make_settings: SettingsFactory, embed_model: Any, tmp_path: Path
) -> None:
    # Two known exact repeats of the BBC corpus and its Latin-1 file.
    folder = tmp_path / "bbc"
    for rel in ["sport/199.txt", "business/001.txt", "business/002.txt", "tech/001.txt"]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BBC_DIR / rel, folder / rel)
    shutil.copy(BBC_DIR / "business/001.txt", folder / "business/999.txt")
    summary = run(make_settings(), embed_model, [folder])
    assert (summary.documents, summary.duplicates, summary.skipped) == (4, 1, 0)
    assert summary.duplicate_of == {"business/999": "business/001"}
