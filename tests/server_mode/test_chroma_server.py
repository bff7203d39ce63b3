"""Server mode for real: `chroma run` on loopback, the ingest job and the service against it.

Same results as the embedded store; answers during an ingest; parallel ingest workers and
service replicas; and a SIGKILLed Chroma server restarted on its folder with the index intact.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.config import PROJECT_ROOT, Settings
from service.index import open_index
from service.ingestion.chunking import chunk_document
from service.ingestion.clean import clean_article
from service.ingestion.pipeline import IngestJob
from tests.conftest import BBC_DIR, SAMPLE_DIR
from tests.servers import ChromaServer, RunningService, ask_all, running_service


def ingest_cli(paths: list[Path], env: dict[str, str]) -> dict[str, Any]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    full.update({"HF_HUB_OFFLINE": "1", **env})
    result = subprocess.run(
        [sys.executable, "-m", "ingest", *map(str, paths), "--json"],
        cwd=PROJECT_ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def bbc_folder(root: Path, category: str, count: int) -> Path:
    folder = root / category
    folder.mkdir(parents=True)
    for path in sorted((BBC_DIR / category).glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory, embed_model: Any) -> Iterator[ChromaServer]:
    """A Chroma server holding the sample articles."""
    tmp = tmp_path_factory.mktemp("chroma-server")
    server = ChromaServer(tmp / "data", tmp / "chroma.log")
    server.start()
    settings = Settings(_env_file=None, chroma_host="127.0.0.1", chroma_port=server.port)
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [SAMPLE_DIR]
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def server_service(
    chroma: ChromaServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    tmp = tmp_path_factory.mktemp("svc-server")
    env = {**chroma.env, "RAG_LLM_PROVIDER": "replay", "RAG_LEXICAL_DIR": str(tmp / "lexical")}
    with running_service(env, tmp) as service:
        yield service


def answers_of(service: RunningService, questions: list[str]) -> list[dict[str, Any]]:
    with httpx.Client(base_url=service.url, timeout=120) as client:
        answers = ask_all(client, questions)
    for body in answers:
        body.pop("timings_ms")  # everything else must be identical between modes
    return answers


def test_ingest_cli_in_server_mode_is_idempotent(chroma: ChromaServer) -> None:
    summary = ingest_cli([SAMPLE_DIR], chroma.env)
    assert (summary["documents"], summary["unchanged"], summary["embedded"]) == (5, 5, 0)


def test_same_answers_in_server_and_embedded_mode(
    server_service: RunningService,
    replay_service: RunningService,
    dev_qa: list[dict[str, Any]],
) -> None:
    questions = [q["question"] for q in dev_qa]
    server = answers_of(server_service, questions)
    embedded = answers_of(replay_service, questions)
    assert server == embedded
    assert sum(not a["refused"] for a in server) == 11
    assert server_service.blocked_connections() == ""


def test_answers_during_an_ingest_and_new_articles_without_restart(
    chroma: ChromaServer, server_service: RunningService, tmp_path: Path
) -> None:
    folder = bbc_folder(tmp_path / "bbc", "tech", 40)
    done = threading.Event()
    summary: dict[str, Any] = {}

    def run_ingest() -> None:
        summary.update(ingest_cli([tmp_path / "bbc"], chroma.env))
        done.set()

    worker = threading.Thread(target=run_ingest)
    worker.start()
    statuses = []
    with httpx.Client(base_url=server_service.url, timeout=120) as client:
        while not done.is_set():
            response = client.post(
                "/ask", json={"question": "Which Tesla executive travelled to China this year?"}
            )
            statuses.append(response.status_code)
            assert "Elon Musk" in response.json()["answer"]
        worker.join()
        assert len(statuses) >= 2 and set(statuses) == {200}
        # The BBC corpus repeats some articles: a repeat is an alias, not a new document.
        assert summary["added"] + summary["duplicates"] == 40 and summary["added"] >= 35
        first_id = f"tech/{sorted(folder.glob('*.txt'))[0].stem}"
        found = client.post(
            "/search", json={"query": "technology", "filters": {"doc_ids": [first_id]}}
        ).json()["results"]
        assert found and found[0]["doc_id"] == first_id
        assert client.get("/documents").json()["total"] == 5 + summary["added"]


def test_two_ingest_workers_lose_and_duplicate_nothing(
    chroma: ChromaServer, tmp_path: Path, embed_model: Any
) -> None:
    a = bbc_folder(tmp_path / "a", "sport", 25)
    b = bbc_folder(tmp_path / "b", "politics", 25)
    threads = [
        threading.Thread(target=ingest_cli, args=([folder.parent], chroma.env)) for folder in (a, b)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    settings = Settings(_env_file=None, chroma_host="127.0.0.1", chroma_port=chroma.port)
    index = open_index(settings, embed_model=embed_model)
    records = index.document_records()
    for folder, prefix in ((a, "sport/"), (b, "politics/")):
        for path in folder.glob("*.txt"):
            doc_id = prefix + path.stem
            if doc_id not in records:  # an exact repeat, stored as an alias
                assert any(doc_id in r.aliases for r in records.values()), doc_id
                continue
            text = clean_article(path.read_text(encoding="utf-8", errors="replace")).text
            expected = chunk_document(
                doc_id,
                text,
                chunk_size=settings.chunk_size,
                chunk_overlap=settings.chunk_overlap,
                encoding=settings.tokenizer,
            )
            assert records[doc_id].chunks == len(expected)
            assert len(index.chunk_ids(doc_id)) == len(expected), doc_id
    stored = index.chunk_collection.get(include=[])["ids"]
    assert len(stored) == len(set(stored)) == sum(r.chunks for r in records.values())


def test_two_service_replicas_answer_alike(
    chroma: ChromaServer, server_service: RunningService, tmp_path: Path
) -> None:
    with running_service({**chroma.env, "RAG_LLM_PROVIDER": "replay"}, tmp_path) as replica:
        q = ["Who did Microsoft President Brad Smith meet in China?"]
        assert answers_of(replica, q) == answers_of(server_service, q)


def search_until(client: httpx.Client, query: str, doc_id: str) -> dict[str, Any]:
    """The first result of ``query`` once it is ``doc_id`` (replicas check Chroma for new
    articles every RAG_LEXICAL_REFRESH_SECONDS, 1 s by default)."""
    deadline = time.monotonic() + 15
    while True:
        results = client.post("/search", json={"query": query, "top_k": 3}).json()["results"]
        if (results and results[0]["doc_id"] == doc_id) or time.monotonic() > deadline:
            assert results and results[0]["doc_id"] == doc_id, results
            first: dict[str, Any] = results[0]
            return first
        time.sleep(0.3)


def test_replicas_find_a_newly_ingested_article_by_its_words(
    chroma: ChromaServer, server_service: RunningService, tmp_path: Path
) -> None:
    # Two replicas, each with its own BM25 file, both synced before the article exists.
    env = {**chroma.env, "RAG_LLM_PROVIDER": "replay", "RAG_LEXICAL_DIR": str(tmp_path / "lex")}
    with running_service(env, tmp_path) as replica:
        query = "quokka census Rottnest Island rangers"
        for service in (server_service, replica):
            with httpx.Client(base_url=service.url, timeout=120) as client:
                # Each holds the sentence vectors in memory, read through the server: the new
                # article must be found whether or not a copy has been read again since.
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    ready = client.get("/readyz").json()["sentences"]["in_memory"]
                    if ready == "ready":
                        break
                    time.sleep(0.2)
                assert ready == "ready"
                found = client.post("/search", json={"query": query}).json()["results"]
                assert all(r["doc_id"] != "quokka-census" for r in found)
        folder = tmp_path / "new"
        folder.mkdir()
        (folder / "quokka-census.txt").write_text(
            "Quokka census\n\nRangers on Rottnest Island counted 12,000 quokkas in March, "
            "the wildlife service said on Tuesday.\n",
            encoding="utf-8",
        )
        assert ingest_cli([folder], chroma.env)["added"] == 1
        for service in (server_service, replica):
            with httpx.Client(base_url=service.url, timeout=120) as client:
                first = search_until(client, query, "quokka-census")
                assert first["lexical_score"] is not None and first["lexical_score"] > 0
                answer = client.post(
                    "/ask", json={"question": "How many quokkas did rangers count on Rottnest?"}
                ).json()
                assert "12,000" in answer["answer"]
                assert answer["citations"][0]["doc_id"] == "quokka-census"


def test_sigkilled_chroma_restarts_with_the_index_intact(
    chroma: ChromaServer, server_service: RunningService
) -> None:
    with httpx.Client(base_url=server_service.url, timeout=120) as client:
        before = client.get("/readyz").json()["index"]
        question = {"question": "Which sectors does the Shanghai investment fund target?"}
        answer_before = client.post("/ask", json=question).json()
        chroma.kill()
        down = client.get("/readyz")
        assert down.status_code == 503 and down.json()["index"]["reachable"] is False
        # every route that reads the index says so: 503 index_unavailable, not a 500
        # (review66), a stream before its first event, /v1 in OpenAI's shape
        for method, path, body in [
            ("POST", "/ask", question),
            ("POST", "/ask/stream", question),
            ("POST", "/search", {"query": "Shanghai investment fund"}),
            ("GET", "/documents", None),
            ("GET", f"/documents/{answer_before['citations'][0]['doc_id']}", None),
        ]:
            response = client.request(method, path, json=body)
            assert response.status_code == 503, (path, response.text)
            error = response.json()["error"]
            assert error["code"] == "index_unavailable" and "/readyz" in error["message"], path
        chat = {"model": "newsqa", "messages": [{"role": "user", "content": question["question"]}]}
        for stream in (False, True):
            response = client.post("/v1/chat/completions", json={**chat, "stream": stream})
            assert response.status_code == 503, response.text
            assert response.json()["error"]["code"] == "index_unavailable"
        chroma.start()  # same folder, same port
        after = client.get("/readyz").json()["index"]
        assert after == before
        answer_after = client.post("/ask", json=question).json()
    answer_before.pop("timings_ms")
    answer_after.pop("timings_ms")
    assert answer_after == answer_before
