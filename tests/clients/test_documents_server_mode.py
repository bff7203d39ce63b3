"""POST/DELETE /documents in server mode for real: `chroma run` on loopback, two service
replicas, and the ingest CLI writing at the same time as the HTTP endpoint."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.config import Settings
from service.index import NewsIndex, open_index
from service.ingestion.chunking import chunk_document
from service.ingestion.pipeline import IngestJob
from tests.conftest import BBC_DIR, SAMPLE_DIR
from tests.server_mode.test_chroma_server import ingest_cli
from tests.servers import ChromaServer, RunningService, running_service

INK = BBC_DIR / "tech" / "001.txt"
INK_QUESTION = "What is the Kyrgyz Republic using in its elections to prevent multiple voting?"
SAMPLE_QUESTION = "Which Tesla executive travelled to China this year?"


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory, embed_model: Any) -> Iterator[ChromaServer]:
    tmp = tmp_path_factory.mktemp("clients-chroma")
    server = ChromaServer(tmp / "data", tmp / "chroma.log")
    server.start()
    settings = Settings(_env_file=None, chroma_host="127.0.0.1", chroma_port=server.port)
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [SAMPLE_DIR]
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def replicas(
    chroma: ChromaServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RunningService, RunningService]]:
    # A minute between periodic checks: a replica sees the other's writes at the next question
    # only because its dense search finds a document its BM25 file does not hold yet.
    env = {**chroma.env, "RAG_LLM_PROVIDER": "extractive", "RAG_LEXICAL_REFRESH_SECONDS": "60"}
    dirs = [tmp_path_factory.mktemp(f"replica-{name}") for name in "ab"]
    with (  # each replica its own BM25 file, as on two machines
        running_service({**env, "RAG_LEXICAL_DIR": str(dirs[0] / "lex")}, dirs[0]) as a,
        running_service({**env, "RAG_LEXICAL_DIR": str(dirs[1] / "lex")}, dirs[1]) as b,
    ):
        yield a, b


def server_index(chroma: ChromaServer, embed_model: Any) -> tuple[Settings, NewsIndex]:
    settings = Settings(_env_file=None, chroma_host="127.0.0.1", chroma_port=chroma.port)
    return settings, open_index(settings, embed_model=embed_model)


def test_a_document_posted_to_one_replica_is_answered_by_the_other(
    replicas: tuple[RunningService, RunningService],
) -> None:
    a, b = replicas
    with (
        httpx.Client(base_url=a.url, timeout=120) as ca,
        httpx.Client(base_url=b.url, timeout=120) as cb,
    ):
        assert cb.post("/ask", json={"question": INK_QUESTION}).json()["refused"]
        posted = ca.post(
            "/documents", json={"id": "bbc/tech/001", "text": INK.read_text(encoding="utf-8")}
        )
        assert posted.status_code == 200, posted.text
        assert posted.json()["documents"][0]["status"] == "added"
        answer = cb.post("/ask", json={"question": INK_QUESTION}).json()
        assert [c["doc_id"] for c in answer["citations"]][:1] == ["bbc/tech/001"]
        assert cb.get("/documents/bbc/tech/001").status_code == 200
        deleted = cb.delete("/documents/bbc/tech/001")
        assert deleted.status_code == 200, deleted.text
        assert ca.get("/documents/bbc/tech/001").status_code == 404
        assert ca.post("/ask", json={"question": INK_QUESTION}).json()["refused"]
    assert a.blocked_connections() == b.blocked_connections() == ""


def test_http_writes_and_a_cli_ingest_at_once_lose_and_duplicate_nothing(
    chroma: ChromaServer,
    replicas: tuple[RunningService, RunningService],
    tmp_path: Path,
    embed_model: Any,
) -> None:
    cli_folder = tmp_path / "cli" / "business"
    cli_folder.mkdir(parents=True)
    for path in sorted((BBC_DIR / "business").glob("*.txt"))[:30]:
        shutil.copy(path, cli_folder / path.name)
    # HTTP writes go on for as long as the CLI runs (its one flush of chunks comes last).
    http_files = sorted((BBC_DIR / "entertainment").glob("*.txt"))[:80]
    cli_summary: dict[str, Any] = {}
    cli = threading.Thread(
        target=lambda: cli_summary.update(ingest_cli([tmp_path / "cli"], chroma.env))
    )
    outcomes: list[dict[str, Any]] = []
    asked: list[int] = []
    during_cli: list[bool] = []
    failures: list[str] = []  # threads report here; the test asserts in its own thread

    def post_all() -> None:
        clients = [httpx.Client(base_url=r.url, timeout=300) for r in replicas]
        try:
            for n in range(0, len(http_files), 2):  # two files per request, replicas alternating
                if n >= 8 and not cli.is_alive():
                    break
                files = [
                    ("file", (f"{p.stem}.txt", p.read_bytes(), "text/plain"))
                    for p in http_files[n : n + 2]
                ]
                response = clients[(n // 2) % 2].post("/documents", files=files)
                if response.status_code != 200:
                    failures.append(response.text)
                    return
                outcomes.extend(response.json()["documents"])
                during_cli.append(cli.is_alive())
        finally:
            for c in clients:
                c.close()

    def ask_meanwhile() -> None:  # questions to a replica that is writing, all along
        with httpx.Client(base_url=replicas[0].url, timeout=120) as client:
            while writer.is_alive():
                response = client.post("/ask", json={"question": SAMPLE_QUESTION})
                asked.append(response.status_code)
                if "Elon Musk" not in response.text:
                    failures.append(response.text)

    writer = threading.Thread(target=post_all)
    asker = threading.Thread(target=ask_meanwhile)
    cli.start()
    writer.start()
    asker.start()
    writer.join()
    cli.join()
    asker.join()
    print(  # shown with -s: how much the writers overlapped
        f"{len(outcomes)} documents over HTTP, {sum(during_cli)} of {len(during_cli)} requests "
        f"answered while the CLI ran, {len(asked)} questions answered meanwhile"
    )
    assert failures == []
    assert set(asked) == {200} and len(asked) >= 2 and len(outcomes) >= 8
    assert sum(during_cli) >= 2, "the HTTP writes must overlap the CLI ingest"
    assert cli_summary["added"] + cli_summary["duplicates"] == 30

    settings, index = server_index(chroma, embed_model)
    records = index.document_records()
    for outcome in outcomes:
        assert outcome["status"] in ("added", "duplicate")
        if outcome["status"] == "added":
            assert outcome["doc_id"] in records
    for doc_id, record in records.items():
        text = index.get_document(doc_id)
        assert text is not None
        expected = chunk_document(
            doc_id,
            text.text,
            chunk_size=settings.chunk_size,
            chunk_overlap=settings.chunk_overlap,
            encoding=settings.tokenizer,
            salt=record.fingerprint,
        )
        assert sorted(index.chunk_ids(doc_id)) == sorted(c.chunk_id for c in expected), doc_id
        assert record.chunks == len(expected)
    stored = index.chunk_collection.get(include=[])["ids"]
    assert len(stored) == len(set(stored)) == sum(r.chunks for r in records.values())
