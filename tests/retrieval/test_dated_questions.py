"""Questions that name a time, over the sample articles (real index, real model): passages of
that time rank higher, undated articles are never dropped by it, and an explicit filter does
exclude them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings
from service.index import open_index
from service.retrieval import Retriever
from service.schemas import Filters, Passage

UNDATED = {"000_9173119fdca6e14c", "003_be6de4bd62aa57b5"}


@pytest.fixture(scope="module")
def retriever(
    sample_settings: Settings, embed_model: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Retriever]:
    lexical = tmp_path_factory.mktemp("lexical")
    settings = sample_settings.model_copy(update={"lexical_dir": Path(lexical)})
    yield Retriever(open_index(settings, embed_model=embed_model))


def docs(passages: list[Passage]) -> list[str]:
    return [p.doc_id for p in passages]


@pytest.mark.parametrize(
    ("question", "expected_first"),
    [
        ("What did Brad Smith discuss in China in 2024?", "001_819d45a17c5bb7df"),
        ("What did Brad Smith discuss in China in December 2023?", "002_f30c3b285b3e3037"),
        ("What did Brad Smith discuss in China last year?", "002_f30c3b285b3e3037"),
        (
            "What did Chinese officials say about AI cooperation before 2019?",
            "004_b86033e991a1b907",
        ),
    ],
)
def test_a_named_time_ranks_its_articles_first_without_dropping_undated_ones(
    retriever: Retriever, question: str, expected_first: str
) -> None:
    found = retriever.search(question, 5)
    assert found[0].doc_id == expected_first
    assert UNDATED & set(docs(found)), "undated articles are not excluded by a time in the question"


def test_the_latest_prefers_newer_articles(retriever: Retriever) -> None:
    plain = docs(retriever.search("Microsoft and AI in China", 5))
    latest = docs(retriever.search("What is the latest on Microsoft and AI in China?", 5))
    # A nudge, not a filter: the newest article moves up (or stays); what it passes may slip a
    # rank or two (an undated article gains nothing from the time ranking) but is not dropped.
    assert latest.index("001_819d45a17c5bb7df") <= plain.index("001_819d45a17c5bb7df")
    wider = docs(retriever.search("What is the latest on Microsoft and AI in China?", 10))
    assert set(plain) <= set(wider)


def test_an_explicit_filter_excludes_undated_articles(retriever: Retriever) -> None:
    found = retriever.search(
        "Brad Smith",
        5,
        Filters(published_after=date(2023, 1, 1), published_before=date(2024, 12, 31)),
    )
    assert found and not UNDATED & set(docs(found))
    assert all(p.published and p.published.year in (2023, 2024) for p in found)
