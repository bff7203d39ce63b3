"""Clients of the OpenAI-compatible API against the real `python -m service` process
(replay provider, sample index): the answers /ask gives are the reference."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from service.api.routes.openai import quote_hash
from tests.servers import RunningService, ask_all

MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def ask_answers(replay_service: RunningService, dev_qa: list[dict[str, Any]]) -> dict[str, Any]:
    """question -> the /ask answer of the same service."""
    with httpx.Client(base_url=replay_service.url, timeout=120) as client:
        got = ask_all(client, [q["question"] for q in dev_qa])
    answers = {q["question"]: answer for q, answer in zip(dev_qa, got, strict=True)}
    assert any(a["citations"] for a in answers.values()), "the reference must cite something"
    assert any(a["refused"] for a in answers.values()), "and refuse something"
    return answers


def check_annotations(
    content: str, annotations: list[dict[str, Any]], citations: list[dict[str, Any]], base: str
) -> None:
    """Each marker of the content is one url_citation whose link opens its quote."""
    by_marker = {c["marker"]: c for c in citations}
    markers = list(MARKER.finditer(content))
    assert len(annotations) == len(markers)
    for match, annotation in zip(markers, annotations, strict=True):
        assert annotation["type"] == "url_citation"
        cited = annotation["url_citation"]
        assert content[cited["start_index"] : cited["end_index"]] == match.group(0)
        citation = by_marker[int(match.group(1))]
        assert cited["title"] == citation["title"]
        url = urlsplit(cited["url"])
        assert f"{url.scheme}://{url.netloc}" == base and url.path == "/"
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        assert query == {
            "doc": citation["doc_id"],
            "start": str(citation["start"]),
            "end": str(citation["end"]),
            "hash": quote_hash(citation["quote"]),  # the page's check that the quote is there
        }


# The Chromium fixtures of the chat page's browser tests (a fresh page, JS errors fail).
