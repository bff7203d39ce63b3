"""FastAPI dependencies: everything a route needs comes from ``app.state`` through these.

The request checks that depend on settings (lengths, history, filters) run here, as
dependencies, so that they answer before a streaming response starts (a check inside a
stream's generator would come after its 200 headers).

Every dependency here (and in ``security``, ``metrics``, ``routes.documents``) is ``async def``
although none awaits anything: FastAPI runs a plain ``def`` dependency in the thread pool, a
hop to a worker thread and back for each of the five or six a request solves. They only read
``app.state``, compare lengths or take a lock for a few instructions, so they run on the event
loop (measured: ~0.25 ms less CPU per request, README "Performance").
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request

from service.answering import AnswerService, Question
from service.config import Settings
from service.errors import InvalidRequestError
from service.index import NewsIndex
from service.llm.base import Turn
from service.schemas import AskRequest, Filters, SearchRequest, is_blank


async def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_index(request: Request) -> NewsIndex:
    """The open index."""
    index: NewsIndex = request.app.state.index
    return index


async def get_answer_service(request: Request) -> AnswerService:
    """The question-answering pipeline."""
    service: AnswerService = request.app.state.answers
    return service


SettingsDep = Annotated[Settings, Depends(get_settings)]
IndexDep = Annotated[NewsIndex, Depends(get_index)]
AnswersDep = Annotated[AnswerService, Depends(get_answer_service)]


def check_length(text: str, settings: Settings, field: str) -> None:
    """A question or query longer than the settings allow is refused with what to send."""
    if len(text) > settings.max_question_chars:
        raise InvalidRequestError(
            f"{field}: {len(text)} characters is too long; "
            f"send at most {settings.max_question_chars} (RAG_MAX_QUESTION_CHARS)"
        )


def _check_filters(filters: Filters | None, settings: Settings) -> None:
    if filters and filters.doc_ids is not None and len(filters.doc_ids) > settings.max_doc_ids:
        raise InvalidRequestError(
            f"filters.doc_ids: {len(filters.doc_ids)} ids is too many; send at most "
            f"{settings.max_doc_ids} (RAG_MAX_DOC_IDS)"
        )


async def valid_ask(body: AskRequest, settings: SettingsDep) -> AskRequest:
    """An AskRequest within the limits the settings set (422 with what to change otherwise)."""
    check_length(body.question, settings, "question")
    _check_filters(body.filters, settings)
    if len(body.history) > settings.max_history_turns:
        raise InvalidRequestError(
            f"history: {len(body.history)} turns is too many; send the last "
            f"{settings.max_history_turns} at most (RAG_MAX_HISTORY_TURNS)"
        )
    for i, turn in enumerate(body.history):
        check_length(turn.question, settings, f"history.{i}.question")
        if len(turn.answer) > settings.max_history_answer_chars:
            raise InvalidRequestError(
                f"history.{i}.answer: {len(turn.answer)} characters is too long; send at most "
                f"{settings.max_history_answer_chars} (RAG_MAX_HISTORY_ANSWER_CHARS)"
            )
    return body


def to_question(body: AskRequest) -> Question:
    """The HTTP request as the pipeline's domain request (the one adapter; the OpenAI chat
    route builds an AskRequest from its messages and comes through here too)."""
    # (a turn with no question carries nothing to rewrite a follow-up with)
    history = tuple(Turn(t.question, t.answer) for t in body.history if not is_blank(t.question))
    return Question(body.question, history, body.filters, body.top_k)


async def valid_search(body: SearchRequest, settings: SettingsDep) -> SearchRequest:
    """A SearchRequest within the settings' limits (``top_k`` unset: ``RAG_TOP_K``)."""
    check_length(body.query, settings, "query")
    _check_filters(body.filters, settings)
    return body


AskDep = Annotated[AskRequest, Depends(valid_ask)]


@contextmanager
def queue_place(answers: AnswerService) -> Iterator[None]:
    """A place in the model's queue for this request, held for the block.

    Refuses at once with ServiceBusyError (503, Retry-After) when the queue is full. No-op for
    providers without a gate.
    """
    gate = answers.generator.gate
    if gate is None:
        yield
        return
    with gate.admit():
        yield


async def ask_admission(answers: AnswersDep, _valid: AskDep) -> AsyncIterator[None]:
    """A place in the model's queue for a valid /ask request, held until its response ends:
    taken after the request is validated (a request that can never succeed gets its 4xx, not
    a 503 busy that clients retry; review65), before any work and before a stream's first
    event."""
    with queue_place(answers):
        yield


async def stream_closers() -> AsyncIterator[list[Callable[[], object]]]:
    """Callbacks run when the response has ended, however it ended.

    A stream's generator must be closed when its client leaves: closing it closes the model's
    stream and frees the generation gate. FastAPI cancels an SSE producer without finalising
    the route's async generator (its ``finally`` runs only when the garbage collector gets to
    it), so the close is registered here, on the request's exit stack, which always unwinds.
    """
    closers: list[Callable[[], object]] = []
    try:
        yield closers
    finally:
        for close in closers:
            close()


ClosersDep = Annotated[list[Callable[[], object]], Depends(stream_closers)]
SearchDep = Annotated[SearchRequest, Depends(valid_search)]
