"""The chat page with API keys on (RAG_API_KEYS): it asks for a key once, keeps it for the
tab (sessionStorage), sends it with every request, and asks again when a key is refused."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from service.config import Settings
from tests.browser.test_chat_page import QUESTION, ask
from tests.servers import RunningService, running_service

KEY = "browser-key-7"


@pytest.fixture(scope="module")
def keyed_service(
    sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    env = {
        "RAG_CHROMA_PATH": str(sample_settings.chroma_path),
        "RAG_LLM_PROVIDER": "replay",
        "RAG_API_KEYS": KEY,
    }
    with running_service(env, tmp_path_factory.mktemp("keyed-service")) as service:
        yield service


def keyed_answer(service: RunningService) -> dict[str, Any]:
    """The service's answer to QUESTION, asked over HTTP with the key."""
    response = httpx.post(
        f"{service.url}/ask",
        json={"question": QUESTION},
        headers={"Authorization": f"Bearer {KEY}"},
        timeout=60,
    )
    body: dict[str, Any] = response.json()
    return body


def test_the_page_asks_for_a_key_once_and_keeps_it_for_the_tab(
    page: Any, keyed_service: RunningService
) -> None:
    expected = keyed_answer(keyed_service)
    page.goto(keyed_service.url)
    assert page.locator("#key-form").is_hidden()
    first = ask(page, QUESTION)
    assert "API key" in first.inner_text()  # the 401 is explained, not shown raw
    assert page.locator("#key-form").is_visible()
    page.fill("#api-key", KEY)
    page.press("#api-key", "Enter")  # the question is asked again, with the key
    page.wait_for_function(
        "document.querySelectorAll('#messages > li').length === 2 "
        "&& !document.getElementById('question').disabled"
    )
    second = page.locator("#messages > li").nth(1).locator(".reply")
    second.locator("a.cite").first.wait_for()
    assert second.locator(".answer").inner_text().strip() == expected["answer"].strip()
    assert page.locator("#key-form").is_hidden()
    assert page.evaluate("sessionStorage.getItem('newsqa.apiKey')") == KEY
    # the key also opens the cited article (GET /documents/... needs it too)
    second.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    # after a reload in the same tab the key is still there: no second prompt
    page.reload()
    third = ask(page, QUESTION)
    assert third.locator("a.cite").count() >= 1
    assert page.locator("#key-form").is_hidden()


def test_a_citation_link_asks_for_the_key_then_opens_the_quote(
    page: Any, keyed_service: RunningService
) -> None:
    """A shared link opened in a fresh tab: the article needs the key too (its 401 is not
    "not in the index"); once entered, the article opens at the quote."""
    answer = keyed_answer(keyed_service)
    cited = answer["citations"][0]
    link = urlencode({"doc": cited["doc_id"], "start": cited["start"], "end": cited["end"]})
    page.goto(f"{keyed_service.url}/?{link}")
    page.locator("#key-form").wait_for(state="visible")
    assert page.locator("#panel").is_hidden()
    page.fill("#api-key", KEY)
    page.press("#api-key", "Enter")
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert page.inner_text("#highlight") == cited["quote"]
    assert page.locator("#key-form").is_hidden()


def test_a_wrong_key_is_asked_for_again(page: Any, keyed_service: RunningService) -> None:
    page.goto(keyed_service.url)
    page.evaluate("sessionStorage.setItem('newsqa.apiKey', 'not-the-key')")
    reply = ask(page, QUESTION)
    assert "API key" in reply.inner_text()
    assert page.locator("#key-form").is_visible()
    assert page.evaluate("sessionStorage.getItem('newsqa.apiKey')") is None


def test_the_page_works_under_its_own_content_security_policy(
    browser: Any, keyed_service: RunningService
) -> None:
    """No CSP bypass here: the page, its script and the key prompt work with the real policy
    (waiting with locators only: Playwright's string predicates need eval, which it forbids)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    try:
        response = page.goto(keyed_service.url)
        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.fill("#question", QUESTION)
        page.press("#question", "Enter")
        page.locator("#key-form").wait_for(state="visible")
        page.fill("#api-key", KEY)
        page.press("#api-key", "Enter")
        page.locator("#messages > li").nth(1).locator("a.cite").first.wait_for()
    finally:
        context.close()
    # the first question's 401 is logged by Chromium as a failed resource; nothing else
    assert [p for p in problems if "401" not in p] == []
