"""Same-story groups computed by the ingest job (real model, real Chroma)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from service.config import Settings
from service.index import open_index
from service.ingestion.pipeline import IngestJob
from service.stories import story_groups
from tests.conftest import BBC_DIR


def test_story_groups_are_connected_components_named_by_their_smallest_id() -> None:
    m = np.asarray([[1, 0, 0], [0.95, 0.31, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    groups = story_groups(["b", "c", "d", "a"], m, 0.9)
    assert groups == {"b": "b", "c": "b", "d": "d", "a": "a"}


def test_samples_and_bbc_near_duplicates_are_grouped_at_ingest(
    make_settings: Callable[..., Settings], embed_model: Any, articles: Path
) -> None:
    # Two BBC write-ups of one event that are not exact repeats, and an unrelated article.
    for rel in ["tech/219.txt", "tech/224.txt", "sport/001.txt"]:
        (articles / "bbc" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BBC_DIR / rel, articles / "bbc" / rel)
    settings = make_settings()
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, index).run([articles])
    records = index.document_records()
    stories = {d: r.story_id for d, r in records.items()}
    assert (
        stories["000_9173119fdca6e14c"]
        == stories["001_819d45a17c5bb7df"]
        == ("000_9173119fdca6e14c")
    )
    assert stories["bbc/tech/219"] == stories["bbc/tech/224"] == "bbc/tech/219"
    alone = ["002_f30c3b285b3e3037", "003_be6de4bd62aa57b5", "004_b86033e991a1b907"]
    assert all(stories[d] == d for d in [*alone, "bbc/sport/001"])
    related = index.documents.related(list(records.values()))
    assert related["001_819d45a17c5bb7df"] == ["000_9173119fdca6e14c"]
    assert related["004_b86033e991a1b907"] == []

    # Removing one member leaves the other alone in its story.
    (articles / "001_819d45a17c5bb7df.txt").unlink()
    IngestJob(settings, index).run([articles], prune=True)
    after = index.document_records()
    assert index.documents.related([after["000_9173119fdca6e14c"]]) == {"000_9173119fdca6e14c": []}
