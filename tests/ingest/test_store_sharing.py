"""One embedded store, several processes: what the entry points refuse and what a service
does when another process wrote its store anyway (real processes throughout)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from service.config import Settings
from service.errors import IndexInUseError
from service.index import open_index
from service.ingestion.pipeline import IngestJob
from service.refusal import OFF_TOPIC
from service.store_lock import StoreLock
from tests.ingest.test_cli import ingest_env, run_cli
from tests.servers import RunningService, running_service, service_exit

BAKERY = (
    "Bakery opens in Harlow\n\n"
    "The Crumb bakery opened in Harlow on Monday, selling 400 loaves on its first day.\n\n"
    "Its owner, Jane Miles, said the town had waited ten years for a bakery.\n"
)


def counts(settings: Settings, embed_model: Any) -> tuple[int, int]:
    index = open_index(settings, embed_model=embed_model)
    return index.documents.collection.count(), index.chunk_collection.count()


def test_the_ingest_job_will_not_write_under_a_running_service(
    replay_service: RunningService, sample_settings: Settings, embed_model: Any, tmp_path: Path
) -> None:
    (tmp_path / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    before = counts(sample_settings, embed_model)
    done = run_cli(
        [str(tmp_path / "bakery.txt"), "--json"], ingest_env(sample_settings.chroma_path)
    )
    assert done.returncode == 2, done.stdout
    assert "open in another process" in done.stderr and "POST /documents" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert counts(sample_settings, embed_model) == before
    ready = httpx.get(f"{replay_service.url}/readyz", timeout=10)
    assert ready.status_code == 200


def test_the_service_will_not_start_while_an_ingest_job_writes(
    make_settings: Any, tmp_path: Path
) -> None:
    settings = make_settings()
    with StoreLock(settings, "ingest"):
        result = service_exit({"RAG_CHROMA_PATH": str(settings.chroma_path)})
    assert result.returncode == 2
    assert "being written by an ingest job" in result.stderr
    assert "Traceback" not in result.stderr


def service_env(settings: Settings) -> dict[str, str]:
    """The environment of an extractive ``python -m service`` over ``settings``' store."""
    return {
        "RAG_CHROMA_PATH": str(settings.chroma_path),
        "RAG_LEXICAL_DIR": str(settings.lexical_dir),
        "RAG_LLM_PROVIDER": "extractive",
    }


@pytest.fixture
def own_service(make_settings: Any, tmp_path: Path, embed_model: Any) -> Any:
    """A service over its own index of the sample articles, and that index's settings."""
    from tests.conftest import SAMPLE_DIR

    settings = make_settings(lexical_dir=tmp_path / "lexical")
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [SAMPLE_DIR]
    )
    (tmp_path / "service").mkdir()
    with running_service(service_env(settings), tmp_path / "service") as service:
        yield settings, service


def test_a_store_written_behind_the_services_back_degrades_no_request(
    own_service: Any, embed_model: Any, tmp_path: Path
) -> None:
    """A process that bypasses the lock (a script opening the index itself) adds one article
    and rewrites another while the service runs: embedded Chroma's vector index in the
    service does not see those chunks. No request may fail for it (it did: a 500 on every
    search that reached them until a restart)."""
    settings, service = own_service
    url = service.url
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    writer = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, writer).run([tmp_path / "new"])
    old = writer.documents.get("000_9173119fdca6e14c")
    assert old is not None
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "000_9173119fdca6e14c.txt").write_text(
        old.text.replace("Microsoft", "Microsoft Corp", 1) + "\n\nA sentence added later.\n",
        encoding="utf-8",
    )
    IngestJob(settings, writer).run([changed])
    asks = [
        "Which bakery opened in Harlow?",
        "How many loaves did the Crumb bakery sell on its first day?",
        "Who did Microsoft's president meet?",
    ]
    for question in asks:
        answer = httpx.post(f"{url}/ask", json={"question": question}, timeout=120)
        assert answer.status_code == 200, answer.text
    # (a passage whose stored vector cannot be read is embedded again, not scored 0: the
    # bakery is not "nothing close" to a bakery question; review62)
    bakery = httpx.post(f"{url}/ask", json={"question": asks[1]}, timeout=120).json()
    assert bakery["refusal_reason"] != OFF_TOPIC
    found = httpx.post(f"{url}/search", json={"query": "bakery loaves Harlow"}, timeout=60)
    assert found.status_code == 200, found.text
    chat = httpx.post(
        f"{url}/v1/chat/completions",
        json={"model": "newsqa", "messages": [{"role": "user", "content": asks[0]}]},
        timeout=120,
    )
    assert chat.status_code == 200, chat.text
    # ... and what the service could read before stays answerable
    known = httpx.post(
        f"{url}/ask",
        json={"question": "Which Chinese tech giants have launched their own AI models?"},
        timeout=120,
    ).json()
    assert not known["refused"] and "Baidu" in known["answer"]
    assert "could not read" in service.log.read_text()  # the operator is told why


def test_a_service_writes_the_store_only_when_no_other_service_shares_it(
    own_service: Any, tmp_path: Path
) -> None:
    """Two services on one embedded store: an article one of them added over HTTP stayed out
    of the other's vector index until it restarted. The write is now refused (409, nothing
    written) while another service shares the store, and taken once it is the only one; a
    service started later loads the article from disk."""
    settings, first = own_service
    article = {"id": "local/bakery", "text": BAKERY}
    env = service_env(settings)
    (tmp_path / "second").mkdir()
    with running_service(env, tmp_path / "second") as second:
        refused = httpx.post(f"{first.url}/documents", json=article, timeout=120)
        assert refused.status_code == 409, refused.text
        error = refused.json()["error"]
        assert error["code"] == "store_shared" and "RAG_CHROMA_HOST" in error["message"]
        assert httpx.get(f"{second.url}/documents/local/bakery", timeout=30).status_code == 404
        deleted = httpx.delete(f"{first.url}/documents/000_9173119fdca6e14c", timeout=120)
        assert deleted.status_code == 409
        # reads go on as before, on both
        for service in (first, second):
            assert httpx.get(f"{service.url}/readyz", timeout=30).status_code == 200
    added = httpx.post(f"{first.url}/documents", json=article, timeout=120)
    assert added.status_code == 200, added.text
    # the first service shares the store again: an ingest job is still refused ...
    with pytest.raises(IndexInUseError):
        StoreLock(settings, "ingest").acquire()
    # ... and a service started now sees the article
    (tmp_path / "third").mkdir()
    with running_service(env, tmp_path / "third") as third:
        answer = httpx.post(
            f"{third.url}/ask", json={"question": "Which bakery opened in Harlow?"}, timeout=120
        ).json()
        assert not answer["refused"], answer
        assert any(c["doc_id"] == "local/bakery" for c in answer["citations"])
