"""The chat page in a real browser: streamed answers, clickable citations, follow-ups,
refusals, errors, escaping, keyboard and a phone-sized screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from eval.bench import free_port
from service.config import Settings
from tests.browser.conftest import ARTIFACTS
from tests.providers.ollama_stub import OllamaStub
from tests.servers import RunningService, running_service

QUESTION = "Which Tesla executive travelled to China this year?"
FOLLOW_UP = "What about Apple?"
UNANSWERABLE = "What is the share price of Microsoft?"


def ask(page: Any, question: str) -> Any:
    """Type a question, press Enter, wait until the answer is final; returns its bubble."""
    count = page.locator("#messages > li").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    item = page.locator("#messages > li").nth(count)
    page.wait_for_function(
        "n => document.querySelectorAll('#messages > li').length > n "
        "&& !document.getElementById('question').disabled",
        arg=count,
    )
    return item.locator(".reply")


def watch_disabled(page: Any) -> None:
    page.evaluate(
        """() => { window.__disabledSeen = false;
        new MutationObserver(() => { if (document.getElementById('question').disabled)
          window.__disabledSeen = true; })
        .observe(document.getElementById('question'), {attributes: true}); }"""
    )


def test_streamed_answer_with_citation_opens_the_highlighted_source(
    page: Any, replay_service: RunningService
) -> None:
    expected = httpx.post(
        f"{replay_service.url}/ask", json={"question": QUESTION}, timeout=60
    ).json()
    page.goto(replay_service.url)
    watch_disabled(page)
    reply = ask(page, QUESTION)
    assert page.evaluate("window.__disabledSeen"), "input must be disabled while streaming"
    assert reply.locator(".answer").inner_text().strip() == expected["answer"].strip()
    links = reply.locator("a.cite")
    assert links.count() == len(expected["citations"]) >= 1
    assert reply.locator(".sources li").count() == len(expected["citations"])
    links.first.click()
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    first = expected["citations"][0]
    assert page.inner_text("#highlight") == first["quote"]
    assert page.inner_text("#panel-title") == first["title"]
    assert "undated" in page.inner_text("#panel-meta") or first["published"] in page.inner_text(
        "#panel-meta"
    )
    panel = page.locator("#panel").bounding_box()
    mark = page.locator("#highlight").bounding_box()
    assert panel["y"] <= mark["y"] and mark["y"] + mark["height"] <= panel["y"] + panel["height"]


def test_follow_up_and_refusal(page: Any, replay_service: RunningService) -> None:
    page.goto(replay_service.url)
    first = ask(page, QUESTION)
    assert first.locator("a.cite").count() >= 1
    follow = ask(page, FOLLOW_UP)
    assert "Searched for: Which Apple executive travelled to China this year?" in (
        follow.locator(".searched").first.inner_text()
    )
    assert "error" not in (follow.get_attribute("class") or "")
    refused = ask(page, UNANSWERABLE)
    assert "refused" in (refused.get_attribute("class") or "")
    assert refused.locator(".badge").inner_text() == "Not in the articles"
    assert refused.locator("a.cite").count() == 0
    assert "do not contain" in refused.locator(".answer").inner_text()
    # and why, in words: the service's reason, shown once
    reason = refused.locator(".reason")
    assert reason.count() == 1
    assert reason.inner_text().startswith(("None of the passages", "The passages found"))


def test_errors_are_shown_as_errors(page: Any, replay_service: RunningService) -> None:
    # Failure injection: the service answers 503 as it does for an empty index.
    page.route(
        "**/ask/stream",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            body='{"error": {"code": "empty_index", "message": "the index is empty: run '
            '`python -m ingest`", "request_id": "r1"}}',
        ),
    )
    page.goto(replay_service.url)
    reply = ask(page, QUESTION)
    assert "error" in (reply.get_attribute("class") or "")
    assert "python -m ingest" in reply.inner_text()


def test_keyboard_enter_sends_shift_enter_breaks_the_line(
    page: Any, replay_service: RunningService
) -> None:
    page.goto(replay_service.url)
    page.click("#question")
    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    assert page.input_value("#question") == "first line\nsecond line"
    assert page.locator("#messages > li").count() == 0


def test_phone_screen(browser: Any, replay_service: RunningService) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(replay_service.url)
        reply = ask(page, QUESTION)
        form = page.locator("#ask-form").bounding_box()
        assert form["width"] <= 375 and form["x"] >= 0
        reply.locator("a.cite").first.click()
        page.wait_for_selector("#panel:not([hidden]) #highlight")
        panel = page.locator("#panel").bounding_box()
        assert panel["width"] == 375 and panel["x"] == 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone.png"))
    finally:
        context.close()


HOSTILE = (
    "Hostile markup test\n\n"
    'Researchers said <img src=x onerror="window.__pwned=1"> the quantum lab opened in Oslo. '
    "<script>window.__pwned=2</script> The quantum lab in Oslo employs 40 scientists."
)


@pytest.fixture(scope="module")
def hostile_site(
    tmp_path_factory: pytest.TempPathFactory, embed_model: Any
) -> Iterator[RunningService]:
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "articles").mkdir()
    (tmp / "articles" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    settings = Settings(_env_file=None, chroma_path=tmp / "chroma", llm_provider="extractive")
    IngestJob(settings, open_index(settings, for_writing=True, embed_model=embed_model)).run(
        [tmp / "articles"]
    )
    env = {"RAG_CHROMA_PATH": str(tmp / "chroma"), "RAG_LLM_PROVIDER": "extractive"}
    with running_service(env, tmp) as service:
        yield service


def test_article_text_cannot_inject_markup(page: Any, hostile_site: RunningService) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(hostile_site.url)
    reply = ask(page, "Where did the quantum lab open?")
    assert "<img" in reply.locator(".answer").inner_text()
    reply.locator("a.cite").first.click()
    page.wait_for_selector("#panel:not([hidden]) #highlight")
    assert "<script>" in page.inner_text("#panel-text")
    assert page.locator("#messages img, #panel img, #panel-text script").count() == 0
    assert page.evaluate("window.__pwned") is None and dialogs == []


def test_page_loads_nothing_from_outside(page: Any, replay_service: RunningService) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(replay_service.url)
    ask(page, QUESTION)
    assert requested and all(re.match(r"^http://127\.0\.0\.1:\d+/", u) for u in requested)


def test_no_favicon_request(browser: Any, replay_service: RunningService) -> None:
    """The page names its icon inline: Chromium does not ask for /favicon.ico (a 404 in the
    console on every load). Under the real Content-Security-Policy, which must allow it."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    not_found = " GET unmatched 404 "  # the access log's line for a path the service lacks
    before = replay_service.log.read_text().count(not_found)
    try:
        page.goto(replay_service.url, wait_until="load")
        page.wait_for_timeout(1500)  # Chromium asks for the icon just after the load
    finally:
        context.close()
    # The browser's own icon request is not seen by Playwright; the service's access log is.
    assert replay_service.log.read_text().count(not_found) == before
    assert problems == []


@pytest.fixture(scope="module")
def slow_service(
    sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    """Failure injection: the real service over the sample index, its `ollama` provider a stub
    (tests/providers/ollama_stub.py) that streams one word every 0.4 s, as a slow model does."""
    with OllamaStub(free_port(), delay=0.4) as stub:
        env = {
            "RAG_CHROMA_PATH": str(sample_settings.chroma_path),
            "RAG_LLM_PROVIDER": "ollama",
            "RAG_OLLAMA_BASE_URL": stub.url,
        }
        with running_service(env, tmp_path_factory.mktemp("slow-service")) as service:
            yield service


def test_a_slow_answer_says_what_is_going_on(page: Any, slow_service: RunningService) -> None:
    """Until the first words arrive the reply is not an empty box: it says the articles are
    searched, then that the answer is written (a status, read out by screen readers)."""
    page.goto(slow_service.url)
    page.evaluate(
        """() => { window.__states = [];
        new MutationObserver(() => {
          const reply = document.querySelector('#messages .reply');
          const status = reply && reply.querySelector('[role=status]');
          const state = [status ? status.textContent : null,
                         reply ? reply.querySelector('.answer').textContent : null];
          const last = window.__states[window.__states.length - 1];
          if (!last || last[0] !== state[0] || (last[1] === '') !== (state[1] === ''))
            window.__states.push(state);
        }).observe(document.getElementById('messages'),
                   {childList: true, subtree: true, characterData: true}); }"""
    )
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    writing = page.locator("#messages .reply [role=status]", has_text="Writing the answer")
    writing.wait_for(timeout=15_000)
    assert page.locator("#messages .reply .answer").inner_text() == ""
    page.wait_for_function("() => !document.getElementById('question').disabled")
    reply = page.locator("#messages .reply")
    states = page.evaluate("window.__states")
    assert states[0] == ["Searching the articles…", ""]
    assert ["Writing the answer…", ""] in states
    assert states[-1][0] is None and states[-1][1], "the status goes with the first words"
    assert page.locator("#messages [role=status]").count() == 0
    assert reply.locator("a.cite").count() >= 1


def test_stop_does_not_leave_the_unchecked_draft(page: Any, slow_service: RunningService) -> None:
    """Streamed words are the model's draft; verification (at the end) decides what stays.
    Stopped before that, the draft is not left on screen as if it were the answer."""
    page.goto(slow_service.url)
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    page.wait_for_function(
        "() => (document.querySelector('#messages .answer')?.textContent || '')"
        ".trim().split(/\\s+/).length >= 3"
    )
    draft = page.inner_text("#messages .answer")
    page.click("#stop")
    page.wait_for_function("() => !document.getElementById('question').disabled")
    reply = page.locator("#messages .reply")
    assert "stopped" in (reply.get_attribute("class") or "")
    text = reply.locator(".answer").inner_text()
    assert draft.strip() not in text
    assert "before it was checked against the articles" in text
