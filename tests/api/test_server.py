"""`python -m service` as a user starts it: a real uvicorn process on a free loopback port."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.config import Settings
from tests.servers import running_service, service_exit


@pytest.fixture(scope="module")
def server(sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_LLM_PROVIDER": "extractive"}
    with running_service(env, tmp_path_factory.mktemp("server")) as service:
        yield service.url


def test_real_server_answers_over_http(server: str, dev_qa: list[dict[str, Any]]) -> None:
    q = next(q for q in dev_qa if q["id"] == "d05")
    answer = httpx.post(f"{server}/ask", json={"question": q["question"]}, timeout=60).json()
    assert "March" in answer["answer"] and answer["citations"]
    doc = httpx.get(f"{server}/documents/{answer['citations'][0]['doc_id']}", timeout=10).json()
    c = answer["citations"][0]
    assert doc["text"][c["start"] : c["end"]] == c["quote"]
    bad = httpx.post(
        f"{server}/ask", content=b"{", timeout=10, headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 422 and "not valid JSON" in bad.json()["error"]["message"]


def test_mismatched_index_refuses_to_start(sample_settings: Settings) -> None:
    result = service_exit(
        {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_EMBED_MODEL": "/elsewhere/model"}
    )
    assert result.returncode == 2
    assert "--rebuild" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("provider", "extra", "named"),
    [
        # (empty: unset, even where a developer's .env sets it)
        ("openai_like", {"RAG_LLM_BASE_URL": ""}, "RAG_LLM_BASE_URL"),
        ("openai", {"RAG_OPENAI_API_KEY": ""}, "RAG_OPENAI_API_KEY"),
        ("llamacpp", {"RAG_LLM_MODEL_PATH": "/nowhere/model.gguf"}, "RAG_LLM_MODEL_PATH"),
    ],
)
def test_a_provider_missing_its_settings_refuses_to_start(
    sample_settings: Settings, provider: str, extra: dict[str, str], named: str
) -> None:
    """It was a traceback from uvicorn's startup (the generator was made in the lifespan)."""
    env = {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_LLM_PROVIDER": provider}
    result = service_exit({**env, **extra})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert named in result.stderr and "Traceback" not in result.stderr


def test_a_missing_answerability_model_refuses_to_start(
    sample_settings: Settings, tmp_path: Path
) -> None:
    """The learned check's model is read before serving: a folder without it is one line."""
    env = {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_LLM_PROVIDER": "extractive"}
    result = service_exit({**env, "RAG_ANSWER_CHECK_PATH": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "RAG_ANSWER_CHECK_PATH" in result.stderr and "Traceback" not in result.stderr


def test_load_generator_counts_every_request(server: str) -> None:
    from eval.load import run_load

    payloads = [{"query": q, "top_k": 3} for q in ("rates", "Microsoft in China", "pay rise")]
    result = run_load(server, "/search", payloads, 3, requests=12).summary()
    assert result["requests"] == 12 and result["errors"] == 0
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"]
    assert result["rps"] > 0
    bad = run_load(server, "/search", [{"query": ""}], 1, requests=2).summary()
    assert bad["errors"] == 2 and bad["requests"] == 0  # a 4xx is an error, not a latency


def test_load_generator_runs_from_a_thread_that_runs_a_loop(server: str) -> None:
    """Playwright's sync API (the session's browser) keeps a loop running in the main
    thread; the generator then ran into "asyncio.run() cannot be called from a running event
    loop" whenever a browser test had run first."""
    from eval.load import run_load

    async def inside_a_loop() -> dict[str, Any]:
        return run_load(server, "/search", [{"query": "rates"}], 1, requests=2).summary()

    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread of its own: no loop runs there
        assert pool.submit(asyncio.run, inside_a_loop()).result()["requests"] == 2


def test_grown_index_serves_its_copies(sample_settings: Settings, tmp_path: Any) -> None:
    from eval.big_index import grow_index
    from service.index import open_index

    built = grow_index(sample_settings.chroma_path, tmp_path / "big", "news", 60)
    assert built["chunks"] == 60 and built["source_chunks"] == 13
    assert built["copies_per_chunk"] == 4 and 0.8 < built["copy_cosine_mean"] < 0.97
    settings = sample_settings.model_copy(update={"chroma_path": tmp_path / "big"})
    index = open_index(settings)
    assert index.counts().chunks == 60 and index.counts().documents == 5
    hits = index.query(index.embed_query("Bank of England interest rates"), 5, None)
    assert len(hits) == 5
    # a copy keeps its original's text and document: every hit still cites real text
    for node, _ in hits:
        doc = index.get_document(str(node.ref_doc_id))
        assert doc is not None
        assert doc.text[node.metadata["start"] : node.metadata["end"]] == node.get_content()
    # a copy's sentences are stored under the ids the service reads them by, as an original's
    from service.sentence_store import SpanKey, sentence_id

    got = index.chunk_collection.get(include=["metadatas"])
    copy_id, meta = next(
        (i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True) if "~" in i
    )
    original = copy_id.rsplit("~", 1)[0]
    assert index.sentence_store.collection.get(ids=[sentence_id(copy_id, 0)])["ids"]
    key = (str(meta["ref_doc_id"]), int(meta["start"]), int(meta["end"]))
    found = index.sentence_store.for_chunks([SpanKey(copy_id, *key), SpanKey(original, *key)])
    assert found[copy_id].spans == found[original].spans
