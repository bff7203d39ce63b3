"""Pure logic of the clients' endpoints: the chat → ask adapter, annotations, document ids."""

from __future__ import annotations

from typing import Any

import pytest

from service.api.openai_schemas import ChatCompletionRequest
from service.api.routes.openai import annotations_for, ask_request_from_chat, quote_hash
from service.config import Settings
from service.errors import ChatParamError, InvalidDocumentError
from service.ingestion.single import check_doc_id
from service.schemas import Citation


@pytest.fixture
def settings() -> Settings:
    return Settings(_env_file=None)


def request(*messages: tuple[str, Any]) -> ChatCompletionRequest:
    return ChatCompletionRequest(
        model="newsqa", messages=[{"role": r, "content": c} for r, c in messages]
    )


def test_pairs_user_and_assistant_turns_and_keeps_unanswered_questions(
    settings: Settings,
) -> None:
    """A user message with no answer after it is a turn with an empty answer (review63: two
    user messages in a row lost the first, and "How much did it pay?" its subject)."""
    ask = ask_request_from_chat(
        request(
            ("system", "be brief"),
            ("user", "q1"),
            ("assistant", "a1"),
            ("user", "unanswered"),
            ("user", [{"type": "text", "text": "q2"}]),
            ("tool", "ignored"),
            ("assistant", "a2"),
            ("assistant", "a stray second answer"),
            ("user", " last? "),
        ),
        settings,
    )
    assert ask.question == "last?"
    assert [(t.question, t.answer) for t in ask.history] == [
        ("q1", "a1"),
        ("unanswered", ""),
        ("q2", "a2"),
    ]
    ask = ask_request_from_chat(
        request(("user", "Who bought Yuganskneftegaz?"), ("user", "How much did it pay?")),
        settings,
    )
    assert [(t.question, t.answer) for t in ask.history] == [("Who bought Yuganskneftegaz?", "")]


def test_keeps_the_last_ten_turns_cut_to_the_ask_limits(settings: Settings) -> None:
    turns = []
    for i in range(12):
        turns += [("user", f"q{i}" + "?" * 3000), ("assistant", "a" * 5000)]
    ask = ask_request_from_chat(request(*turns, ("user", "now")), settings)
    assert len(ask.history) == 10 and ask.history[0].question.startswith("q2")
    assert {len(t.question) for t in ask.history} == {2000}
    assert {len(t.answer) for t in ask.history} == {4000}


def test_the_last_message_must_be_a_user_question(settings: Settings) -> None:
    with pytest.raises(ChatParamError):
        ask_request_from_chat(request(("user", "q"), ("assistant", "a")), settings)
    with pytest.raises(ChatParamError):
        ask_request_from_chat(request(("user", [{"type": "image_url"}])), settings)


def test_annotations_mark_every_marker_occurrence() -> None:
    cite = Citation(
        marker=1, doc_id="a/b", title="T", published=None, start=3, end=9, quote="quoted"
    )
    text = "One [1]. Two [1][7]."
    annotations = annotations_for(text, [cite], "http://h:1/")
    assert [(a.url_citation.start_index, a.url_citation.end_index) for a in annotations] == [
        (4, 7),
        (13, 16),
    ]
    url = "http://h:1/?doc=a%2Fb&start=3&end=9&hash=" + quote_hash("quoted")
    assert annotations[0].url_citation.url == url


def test_the_quote_hash_is_the_chat_pages() -> None:
    # 32-bit FNV-1a over UTF-16 units in base 36: the values app.js's quoteHash gives (node)
    assert quote_hash("") == "ztntfp"
    assert quote_hash("quoted") == "1h8dosp"
    assert quote_hash("China’s own technology giants — 😀 ok") == "ao227d"


@pytest.mark.parametrize("doc_id", ["a", "bbc/tech/001", "x y-z_1.2"])
def test_good_document_ids(doc_id: str) -> None:
    assert check_doc_id(doc_id) == doc_id


@pytest.mark.parametrize("doc_id", ["", "/abs", "a//b", "a/../b", "..", "a/", "t\tab", "a\\b"])
def test_bad_document_ids(doc_id: str) -> None:
    with pytest.raises(InvalidDocumentError):
        check_doc_id(doc_id)
