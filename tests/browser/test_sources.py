"""The article panel when a cited article has changed or cannot be loaded: an updated article
no longer passes another sentence off as the quote, a deleted one and a refused request say so.

The articles are posted to a service of their own (the sample articles plus the test's, the
extractive provider), so that updating and deleting them disturbs no other test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from service.config import Settings
from tests.browser.test_chat_page import QUESTION, ask
from tests.conftest import SAMPLE_DIR
from tests.servers import RunningService, running_service

CORRECTION = "Correction: an earlier version of this story misstated the plant's opening date. "


class Story:
    """A made-up article of one company (each test its own: the same text twice would be
    stored as a duplicate) and the question its QUOTE answers."""

    def __init__(self, company: str) -> None:
        self.title = f"{company} opens plant in Quixville"
        self.quote = (
            f"{company} said on Monday it would open a new plant in Quixville, hiring 740 workers."
        )
        self.rest = " The plant will cost $310m, chief executive Mara Tollund said."
        self.question = f"How many workers will {company} hire in Quixville?"

    def text(self, before: str = "", quote: str | None = None) -> str:
        return f"{self.title}\n\n{before}{quote or self.quote}{self.rest}"


@pytest.fixture(scope="module")
def writable_service(
    tmp_path_factory: pytest.TempPathFactory, embed_model: Any
) -> Iterator[RunningService]:
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    tmp = tmp_path_factory.mktemp("writable")
    settings = Settings(_env_file=None, chroma_path=tmp / "chroma", llm_provider="extractive")
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [SAMPLE_DIR]
    )
    env = {
        "RAG_CHROMA_PATH": str(tmp / "chroma"),
        "RAG_LEXICAL_DIR": str(tmp / "lexical"),
        "RAG_LLM_PROVIDER": "extractive",
    }
    with running_service(env, tmp) as service:
        yield service


def post(service: RunningService, doc_id: str, text: str) -> str:
    response = httpx.post(
        f"{service.url}/documents", json={"id": doc_id, "text": text}, timeout=120
    )
    assert response.status_code == 200, response.text
    status: str = response.json()["documents"][0]["status"]
    return status


def cited_answer(page: Any, service: RunningService, story: Story) -> Any:
    """The page's answer to the story's question, which cites its quote."""
    page.goto(service.url)
    reply = ask(page, story.question)
    reply.locator("a.cite").first.wait_for()
    assert reply.locator(".sources li a").first.inner_text() == story.title
    return reply


def test_a_changed_article_is_not_shown_as_the_quote(
    page: Any, writable_service: RunningService
) -> None:
    story = Story("Zorblat Widgets")
    assert post(writable_service, "changed/gone", story.text()) == "added"
    reply = cited_answer(page, writable_service, story)
    # The update changes the quoted sentence, and another now stands at its offsets.
    changed = story.text(CORRECTION, story.quote.replace("740", "470"))
    assert post(writable_service, "changed/gone", changed) == "updated"
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    assert page.inner_text("#panel-title") == story.title
    assert page.locator("#highlight").count() == 0  # not the correction in the quote's place
    note = page.inner_text("#panel-note")
    assert "has changed since this answer" in note and story.quote in note
    assert "hiring 470 workers" in page.inner_text("#panel-text")


def test_a_quote_moved_by_an_update_is_highlighted_where_it_now_stands(
    page: Any, writable_service: RunningService
) -> None:
    story = Story("Quendor Valves")
    assert post(writable_service, "changed/moved", story.text()) == "added"
    reply = cited_answer(page, writable_service, story)
    assert post(writable_service, "changed/moved", story.text(CORRECTION)) == "updated"
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert page.inner_text("#highlight") == story.quote
    assert "has changed since this answer" in page.inner_text("#panel-note")


def test_a_shared_link_tells_when_its_article_has_changed(
    page: Any, writable_service: RunningService
) -> None:
    story = Story("Vexmoor Cables")
    assert post(writable_service, "changed/link", story.text()) == "added"
    reply = cited_answer(page, writable_service, story)
    href = reply.locator(".sources a.share").first.get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert set(query) == {"doc", "start", "end", "hash"}
    # Before the update the link opens the quote, and says nothing more.
    page.goto(writable_service.url + href)
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert page.inner_text("#highlight") == story.quote
    assert page.locator("#panel-note").is_hidden()
    assert post(writable_service, "changed/link", story.text(CORRECTION)) == "updated"
    page.goto(writable_service.url + href)
    page.locator("#panel-note").wait_for()
    assert "has changed since this link was made" in page.inner_text("#panel-note")
    assert page.inner_text("#panel-title") == story.title
    assert page.locator("#highlight").count() == 0
    # A link without the hash (made before it existed, or by the OpenAI API) opens the span.
    start, end = query["start"][0], query["end"][0]
    page.goto(f"{writable_service.url}/?doc=changed/link&start={start}&end={end}")
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert page.locator("#panel-note").is_hidden()


def test_an_emoji_before_the_quote_does_not_shift_it(
    page: Any, writable_service: RunningService
) -> None:
    """The service counts offsets in code points, JavaScript in UTF-16 units."""
    story = Story("Ostrel Pumps")
    story.title += " \U0001f3ed"  # a factory, beyond U+FFFF
    assert post(writable_service, "emoji/plant", story.text()) == "added"
    reply = cited_answer(page, writable_service, story)
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert page.inner_text("#highlight") == story.quote
    assert page.locator("#panel-note").is_hidden()


def test_a_deleted_article_says_so(page: Any, writable_service: RunningService) -> None:
    story = Story("Brindle Motors")
    assert post(writable_service, "deleted/plant", story.text()) == "added"
    reply = cited_answer(page, writable_service, story)
    deleted = httpx.delete(f"{writable_service.url}/documents/deleted/plant", timeout=60)
    assert deleted.status_code == 200, deleted.text
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    assert "not in the index" in page.inner_text("#panel-title")
    assert page.locator("#highlight").count() == 0


@pytest.mark.parametrize(
    ("status", "message"),
    [(429, "Too many requests"), (500, "could not load the article"), (503, "could not load")],
)
def test_a_refused_article_load_says_why(
    page: Any, replay_service: RunningService, status: int, message: str
) -> None:
    page.goto(replay_service.url)
    reply = ask(page, QUESTION)
    # Failure injection: the service refuses the article (rate limit, failure, overload).
    page.route(
        "**/documents/**",
        lambda route: route.fulfill(
            status=status,
            content_type="application/json",
            body='{"error": {"code": "x", "message": "refused", "request_id": "r1"}}',
        ),
    )
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    assert message in page.inner_text("#panel-title")
    assert page.locator("#highlight").count() == 0
