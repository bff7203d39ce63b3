"""Shared fixtures: paths to the shipped and shared corpora, isolated settings, one loaded model."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from service.config import PROJECT_ROOT, Settings
from tests.servers import RunningService, running_service

pytest_plugins = ["tests.browser_support"]  # the one Playwright browser of a session

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SHARED = PROJECT_ROOT.parent / "shared"
SAMPLE_DIR = PROJECT_ROOT / "data" / "articles"
BBC_DIR = SHARED / "corpus" / "bbc"
DEV_QA = SHARED / "eval" / "dev_qa.jsonl"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once, saying why, when the shared corpus is not beside the repository (many
    tests read it; without it they would fail one by one with unrelated-looking errors)."""
    missing = [str(p) for p in (BBC_DIR, DEV_QA) if not p.exists()]
    if missing:
        pytest.exit(
            f"the tests need a checkout of shared/ beside this repository: missing {missing}",
            returncode=2,
        )


@pytest.fixture(scope="session")
def dev_qa() -> list[dict[str, Any]]:
    """The development question set."""
    return [json.loads(line) for line in DEV_QA.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def embed_model() -> Any:
    """The default embedding model, loaded once for the whole session."""
    from service.embeddings import make_embed_model

    return make_embed_model(Settings(_env_file=None))


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings isolated from the developer's .env and index: a fresh Chroma path per test."""

    def factory(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "chroma_path": tmp_path / "chroma",
            "chroma_host": None,
            "llm_provider": "extractive",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)

    return factory


@pytest.fixture
def articles(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the five sample articles."""
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLE_DIR, folder)
    yield folder


@pytest.fixture
def extractive_over(
    make_settings: Callable[..., Settings], tmp_path: Path, embed_model: Any
) -> Callable[[dict[str, str]], Any]:
    """An extractive ``AnswerService`` over a few made-up articles (file name → text), ingested
    into a fresh index with the session's model."""
    from service.answering import AnswerService
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob
    from service.llm.extractive import ExtractiveGenerator

    def build(articles: dict[str, str]) -> AnswerService:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, text in articles.items():
            (corpus / name).write_text(text, encoding="utf-8")
        settings = make_settings(lexical_dir=tmp_path / "lexical")
        index = open_index(settings, for_writing=True, embed_model=embed_model)
        IngestJob(settings, index).run([corpus])
        return AnswerService(
            settings, open_index(settings, embed_model=embed_model), ExtractiveGenerator()
        )

    return build


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory, embed_model: Any) -> Settings:
    """Settings of an index holding the five sample articles (ingested once per session)."""
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    settings = Settings(
        _env_file=None,
        chroma_path=tmp_path_factory.mktemp("sample") / "chroma",
        chroma_host=None,
        llm_provider="extractive",
    )
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    summary = IngestJob(settings, index).run([SAMPLE_DIR])
    assert summary.documents == 5
    return settings


@pytest.fixture(scope="session")
def sample_index(sample_settings: Settings, embed_model: Any) -> Any:
    """The opened sample index, sharing the session's embedding model."""
    from service.index import open_index

    return open_index(sample_settings, embed_model=embed_model)


@pytest.fixture(scope="session")
def replay_service(
    sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    """One `python -m service` process for the session: recorded SmolLM2 answers (``replay``)
    over the sample index, behind the network guard (see ``tests/servers.py``)."""
    env = {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_LLM_PROVIDER": "replay"}
    with running_service(env, tmp_path_factory.mktemp("replay-service")) as service:
        yield service
