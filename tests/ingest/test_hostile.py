"""Bad and hostile files in the ingested folder (issue 13, section 7), end to end: real files,
the real embedding model, embedded Chroma. Each case asserts exactly what it gets: skipped with
its reason or refused with a message, and nothing written."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.chunk_store import ChunkRecord, DocumentChunks
from service.config import Settings
from service.index import NewsIndex, open_index
from service.ingestion.pipeline import IngestJob, Summary

SettingsFactory = Callable[..., Settings]

GHOST = (
    "Zanzibar clove auction sets a record\n\n"
    "The Zanzibar clove auction sold 900 tonnes of cloves on Monday at a record price of "
    "twelve dollars per kilo, the island's trading board said."
)
GHOST_QUESTION = "What price did the Zanzibar clove auction reach per kilo?"


def run(settings: Settings, embed_model: Any, paths: list[Path], **kw: Any) -> Summary:
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    return IngestJob(settings, index).run(paths, **kw)


def reasons(summary: Summary) -> dict[str, str]:
    return {s["source"]: s["reason"] for s in summary.skipped_files}


def stored(index: NewsIndex) -> dict[str, Any]:
    """Every chunk (id → text) and every record (id → fingerprint, source, text)."""
    chunks = index.chunk_collection.get(include=["documents"])
    docs = index.document_collection.get(include=["metadatas", "documents"])
    return {
        "chunks": dict(zip(chunks["ids"], chunks["documents"], strict=True)),
        "docs": {
            i: (m["fingerprint"], m["source"], t)
            for i, m, t in zip(docs["ids"], docs["metadatas"], docs["documents"], strict=True)
        },
    }


def chunk_docs(index: NewsIndex) -> dict[str, int]:
    """Chunks per document id, as the store holds them."""
    per_doc: dict[str, int] = {}
    for meta in index.chunk_collection.get(include=["metadatas"])["metadatas"]:
        per_doc[meta["ref_doc_id"]] = per_doc.get(meta["ref_doc_id"], 0) + 1
    return per_doc


def test_a_record_cannot_take_the_id_of_an_article_from_another_file(
    make_settings: SettingsFactory, embed_model: Any, tmp_path: Path
) -> None:
    news, feeds = tmp_path / "news", tmp_path / "feeds"
    (news / "world").mkdir(parents=True)
    feeds.mkdir()
    (news / "world" / "a.txt").write_text(
        "Harbour reopens\n\nThe harbour of Valletta reopened on Friday after repairs.",
        encoding="utf-8",
    )
    forged = {"id": "a", "text": "Harbour closed\n\nThe harbour of Valletta closed for good."}
    other = {"id": "b", "text": "Bridge opens\n\nA new bridge opened in Gozo on Sunday."}
    (feeds / "world.jsonl").write_text(
        json.dumps(forged) + "\n" + json.dumps(other) + "\n", encoding="utf-8"
    )
    settings = make_settings()
    assert run(settings, embed_model, [news]).added == 1
    index = open_index(settings, embed_model=embed_model)
    before = stored(index)

    summary = run(settings, embed_model, [feeds])
    assert (summary.added, summary.updated, summary.skipped, summary.documents) == (1, 0, 1, 2)
    assert reasons(summary) == {
        "world.jsonl#1": "document id 'world/a' is already used by world/a.txt; "
        "refusing to overwrite it"
    }
    after = stored(index)
    assert after["docs"]["world/a"] == before["docs"]["world/a"]
    assert {c: t for c, t in after["chunks"].items() if c.startswith("world/a::")} == before[
        "chunks"
    ]
    doc = index.get_document("world/a")
    assert doc is not None and "reopened" in doc.text and "closed" not in doc.text
    assert (index.get_document("world/b") or doc).source == "world.jsonl#2"

    # In one folder, the article file keeps its id whatever the order of names.
    (news / "world.jsonl").write_text(json.dumps(forged) + "\n", encoding="utf-8")
    fresh = make_settings(chroma_path=tmp_path / "fresh")
    both = run(fresh, embed_model, [news])
    assert (both.added, both.skipped) == (1, 1)
    assert reasons(both) == {
        "world.jsonl#1": "duplicate document id 'world/a' (already given by world/a.txt)"
    }
    got = open_index(fresh, embed_model=embed_model).get_document("world/a")
    assert got is not None and "reopened" in got.text


def test_unusable_ids_are_skipped_and_prune_removes_chunks_without_a_record(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    run(settings, embed_model, [articles])
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    # The state an id of "/" left before ids were checked: chunks stored under an empty
    # document id (llama-index records it as "None"), whose record Chroma then refused.
    vector = index.embed_texts(["Orphan text."])
    orphan = ChunkRecord(
        chunk_id="::00000::0",
        doc_id="",
        index=0,
        start=0,
        end=12,
        text="Orphan text.",
        title="Orphan",
        published=None,
    )
    index.replace_chunks_many([DocumentChunks("", [orphan], vector, [[]])])
    assert chunk_docs(index)["None"] == 1
    (articles / "feed.jsonl").write_text(
        "\n".join(
            json.dumps({"id": i, "text": f"Record {n} about the harbour."})
            for n, i in enumerate(["/", "", "..", "ok"])
        ),
        encoding="utf-8",
    )

    summary = run(settings, embed_model, [articles])
    assert (summary.added, summary.skipped, summary.orphans_deleted) == (1, 3, 0)
    assert reasons(summary) == {
        "feed.jsonl#1": "record 1: unusable id '/' (empty)",
        "feed.jsonl#2": "record 2: unusable id '' (empty)",
        "feed.jsonl#3": "record 3: unusable id '..' (has an empty, '.' or '..' path segment)",
    }
    assert index.get_document("feed/ok") is not None
    assert "None" in chunk_docs(index), "without --prune nothing is removed"

    pruned = run(settings, embed_model, [articles], prune=True)
    assert (pruned.orphans_deleted, pruned.deleted, pruned.unchanged) == (1, 0, 6)
    records = index.document_records()
    assert chunk_docs(index) == {d: r.chunks for d, r in records.items()}
    # The next run is clean: nothing to skip but the same three records, nothing to prune.
    again = run(settings, embed_model, [articles], prune=True)
    assert (again.orphans_deleted, again.skipped, again.embedded) == (0, 3, 0)


def test_one_bad_file_never_ends_the_run(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (articles / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    lines = [json.dumps({"text": "First record about ports."}), "[" * 100_000]
    (articles / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (articles / "odd.txt").write_text("Odd\n\nAn article the cleaner trips on.", encoding="utf-8")

    from service.ingestion import clean, pipeline

    real_clean = clean.clean_article

    def clean_or_fail(text: str) -> Any:
        if "cleaner trips" in text:  # failure injection: a bug in the cleaner for one article
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(text)

    monkeypatch.setattr(pipeline, "clean_article", clean_or_fail)
    summary = run(make_settings(), embed_model, [articles])
    assert (summary.added, summary.documents, summary.skipped) == (6, 6, 3)
    assert reasons(summary) == {
        "deep.json": "invalid JSON (nested too deeply)",
        "feed.jsonl#2": "line 2: invalid JSON (nested too deeply)",
        "odd.txt": "cannot clean: RecursionError",
    }


def test_links_out_of_the_folder_are_not_followed(
    make_settings: SettingsFactory, embed_model: Any, articles: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "private.txt"
    secret.write_text("Private\n\nThe server's private notes.", encoding="utf-8")
    (articles / "passwd.txt").symlink_to("/etc/passwd")
    (articles / "notes.txt").symlink_to(secret)
    (articles / "etc").symlink_to("/etc", target_is_directory=True)
    (articles / "copy.txt").symlink_to(articles / "000_9173119fdca6e14c.txt")
    settings = make_settings()
    summary = run(settings, embed_model, [articles])
    outside = "symbolic link to outside the ingested folder: not followed"
    assert reasons(summary) == {
        "etc": "symbolic link to a folder: not followed",
        "notes.txt": outside,
        "passwd.txt": outside,
    }
    # A link inside the folder is read: here an exact repeat, so an alias.
    assert (summary.documents, summary.duplicates) == (5, 1)
    assert summary.duplicate_of == {"copy": "000_9173119fdca6e14c"}
    index = open_index(settings, embed_model=embed_model)
    texts = index.chunk_collection.get(include=["documents"])["documents"]
    assert not any("root:" in t or "private notes" in t for t in texts)


def test_documents_over_max_doc_bytes_are_skipped(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    (articles / "big.txt").write_text("Big\n\n" + "Harbour news. " * 800, encoding="utf-8")
    # 5,602 bytes on disk in UTF-16, 8,400 as UTF-8 text: the cap is on the article's text.
    (articles / "wide.txt").write_bytes(b"\xff\xfe" + ("港口新闻。" * 560).encode("utf-16-le"))
    feed = [json.dumps({"text": "Small record."}), json.dumps({"text": "Harbour news. " * 800})]
    (articles / "feed.jsonl").write_text("\n".join(feed), encoding="utf-8")
    settings = make_settings(max_doc_bytes=8192)
    summary = run(settings, embed_model, [articles])
    assert reasons(summary) == {
        "big.txt": "11,205 bytes, larger than RAG_MAX_DOC_BYTES (8,192 bytes)",
        "feed.jsonl#2": "line 2: larger than RAG_MAX_DOC_BYTES (8,192 bytes)",
        "wide.txt": "8,400 bytes, larger than RAG_MAX_DOC_BYTES (8,192 bytes)",
    }
    assert (summary.added, summary.documents) == (6, 6)
    index = open_index(settings, embed_model=embed_model)
    assert set(index.document_records()) == {p.stem for p in articles.glob("0*.txt")} | {"feed/1"}


def test_a_huge_title_is_not_stored_once_per_chunk(
    make_settings: SettingsFactory, embed_model: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    record = {"title": "harbour " * 100_000, "text": "Port news. " * 300}
    (folder / "feed.jsonl").write_text(json.dumps(record), encoding="utf-8")
    settings = make_settings()
    summary = run(settings, embed_model, [folder])
    assert (summary.added, summary.skipped) == (1, 0) and summary.chunks > 1
    index = open_index(settings, embed_model=embed_model)
    doc = index.get_document("feed/1")
    assert doc is not None and len(doc.title) <= 300 and doc.title.endswith("harbour…")
    metas = index.chunk_collection.get(include=["metadatas"])["metadatas"]
    assert {m["title"] for m in metas} == {doc.title}


def test_utf16_and_utf8_bom_files_are_ingested(
    make_settings: SettingsFactory, embed_model: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = "Café owners in Zürich raise prices\n\nA “flat white” now costs 6.50 francs in Zürich."
    (folder / "utf16.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (folder / "utf16be.md").write_bytes(b"\xfe\xff" + text.replace("6.50", "7").encode("utf-16-be"))
    (folder / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("6.50", "8").encode())
    settings = make_settings()
    summary = run(settings, embed_model, [folder])
    assert (summary.added, summary.skipped) == (3, 0)
    index = open_index(settings, embed_model=embed_model)
    for doc_id, price in [("utf16", "6.50"), ("utf16be", "7"), ("bom8", "8")]:
        doc = index.get_document(doc_id)
        assert doc is not None
        assert doc.title == "Café owners in Zürich raise prices"
        assert f"costs {price} francs" in doc.text and "\ufeff" not in doc.text


def legacy_fingerprint(settings: Settings, text: str, title: str, published: Any, src: str) -> str:
    """How records were fingerprinted before sources were relative (the source was in it)."""
    iso = published.isoformat() if published else None
    parts = [text, title, iso, src, settings.chunk_size, settings.chunk_overlap]
    payload = json.dumps([*parts, settings.tokenizer], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def test_sources_are_relative_and_older_records_keep_working(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    settings = make_settings()
    run(settings, embed_model, [articles])
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    records = index.document_records()
    assert {r.source for r in records.values()} == {p.name for p in articles.glob("*.txt")}
    assert all(r.origin == str(articles.resolve() / r.source) for r in records.values())
    # Make the index look like one written before: absolute sources, the old fingerprint.
    old = []
    for doc_id in records:
        rec = index.get_document(doc_id)
        assert rec is not None
        rec.source = rec.origin
        rec.fingerprint = legacy_fingerprint(
            settings, rec.text, rec.title, rec.published, rec.origin
        )
        old.append(rec)
    index.put_documents(old)
    chunks_before = stored(index)["chunks"]

    with TestClient(create_app(settings, index=index)) as client:
        listed = client.get("/documents").json()["documents"]
        one = client.get("/documents/004_b86033e991a1b907").json()
    assert {d["source"] for d in listed} == {p.name for p in articles.glob("*.txt")}
    assert one["source"] == "004_b86033e991a1b907.txt"
    assert str(articles) not in json.dumps([listed, one])

    # The next ingest embeds nothing and rewrites the records with relative sources.
    summary = run(settings, embed_model, [articles])
    assert (summary.unchanged, summary.embedded, summary.updated) == (5, 0, 0)
    after = stored(index)
    assert after["chunks"] == chunks_before
    assert {s for _, s, _ in after["docs"].values()} == {p.name for p in articles.glob("*.txt")}
    again = run(settings, embed_model, [articles])
    assert (again.unchanged, again.embedded) == (5, 0)
    assert stored(index) == after


def test_answers_only_cite_documents_that_are_served(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = make_settings()
    run(settings, embed_model, [articles])
    (articles / "ghost.txt").write_text(GHOST, encoding="utf-8")
    index = open_index(settings, for_writing=True, embed_model=embed_model)

    def killed(recs: Any) -> None:  # failure injection: killed after the chunks, before records
        raise RuntimeError("killed")

    monkeypatch.setattr(index, "put_documents", killed)
    with pytest.raises(RuntimeError, match="killed"):
        IngestJob(settings, index).run([articles])
    monkeypatch.undo()
    index = open_index(settings, embed_model=embed_model)
    assert index.get_document("ghost") is None and index.chunk_ids("ghost")
    # Without the check, the ghost's chunk is what this question retrieves first.
    nearest, _ = index.query(index.embed_query(GHOST_QUESTION), 1, None)[0]
    assert nearest.ref_doc_id == "ghost"

    with TestClient(create_app(settings, index=index)) as client:
        search = client.post("/search", json={"query": GHOST_QUESTION})
        answer = client.post("/ask", json={"question": GHOST_QUESTION})
        assert search.status_code == 200 and answer.status_code == 200
        body = answer.json()
        cited = {c["doc_id"] for c in body["citations"]} | {p["doc_id"] for p in body["passages"]}
        found = {p["doc_id"] for p in search.json()["results"]}
        assert "ghost" not in cited | found and found
        for doc_id in cited | found:
            assert client.get(f"/documents/{doc_id}").status_code == 200

    # The next run completes the document; from then on it is served and cited.
    assert run(settings, embed_model, [articles]).added == 1
    index = open_index(settings, embed_model=embed_model)
    with TestClient(create_app(settings, index=index)) as client:
        body = client.post("/ask", json={"question": GHOST_QUESTION}).json()
    assert "ghost" in {c["doc_id"] for c in body["citations"]}


def test_answers_never_quote_a_version_the_document_does_not_serve(
    make_settings: SettingsFactory,
    embed_model: Any,
    articles: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = make_settings()
    run(settings, embed_model, [articles])
    target = articles / "002_f30c3b285b3e3037.txt"
    old_text = target.read_text(encoding="utf-8")
    assert "twenty AI products" in old_text
    target.write_text(old_text.replace("twenty AI products", "thirty AI products"), "utf-8")
    index = open_index(settings, for_writing=True, embed_model=embed_model)

    def killed(recs: Any) -> None:  # failure injection: killed after the chunks, before records
        raise RuntimeError("killed")

    monkeypatch.setattr(index, "put_documents", killed)
    with pytest.raises(RuntimeError, match="killed"):
        IngestJob(settings, index).run([articles])
    monkeypatch.undo()
    index = open_index(settings, embed_model=embed_model)
    doc = index.get_document("002_f30c3b285b3e3037")
    assert doc is not None and "twenty AI products" in doc.text  # the record is the old one
    question = "How many AI products were released?"
    stale = [
        node
        for node, _ in index.query(index.embed_query(question), 20, None)
        if "thirty AI products" in node.get_content()
    ]
    assert stale, "the new version's chunk is stored and retrievable without the check"

    with TestClient(create_app(settings, index=index)) as client:
        body = client.post("/search", json={"query": question, "top_k": 20}).json()
        assert body["results"]
        for p in body["results"]:
            served = client.get(f"/documents/{p['doc_id']}").json()["text"]
            assert served[p["start"] : p["end"]] == p["text"]
        assert not any("thirty AI products" in p["text"] for p in body["results"])
        answer = client.post("/ask", json={"question": question}).json()
        for c in answer["citations"]:
            served = client.get(f"/documents/{c['doc_id']}").json()["text"]
            assert served[c["start"] : c["end"]] == c["quote"]


def test_fifo_in_the_folder_does_not_block_the_run(
    make_settings: SettingsFactory, embed_model: Any, articles: Path
) -> None:
    os.mkfifo(articles / "pipe.txt")
    summary = run(make_settings(), embed_model, [articles])
    assert reasons(summary) == {"pipe.txt": "not a regular file"}
    assert summary.documents == 5
