"""An app over the sample index, driven through HTTP with Starlette's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings


@pytest.fixture(scope="module")
def client(sample_settings: Settings, sample_index: Any) -> Iterator[TestClient]:
    """A client of the app with the extractive provider over the five sample articles."""
    with TestClient(create_app(sample_settings, index=sample_index)) as c:
        yield c


@pytest.fixture
def empty_client(make_settings: Any, embed_model: Any) -> Iterator[TestClient]:
    """A client of the app over an empty index."""
    from service.index import open_index

    settings = make_settings()
    index = open_index(settings, embed_model=embed_model)
    with TestClient(create_app(settings, index=index)) as c:
        yield c
