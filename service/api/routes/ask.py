"""Answers: POST /search, POST /ask and POST /ask/stream (Server-Sent Events)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.sse import EventSourceResponse, ServerSentEvent

from service.answering import AnswerService, Question
from service.api.deps import get_answer_service, get_settings
from service.api.routes.common import ERRORS, check_length
from service.config import Settings
from service.errors import NewsQAError
from service.llm.base import Turn
from service.schemas import Answer, AskRequest, SearchRequest, SearchResponse

router = APIRouter()


def to_question(body: AskRequest) -> Question:
    """The HTTP request as the pipeline's domain request (the one adapter)."""
    history = tuple(Turn(t.question, t.answer) for t in body.history)
    return Question(body.question, history, body.filters, body.top_k)


log = logging.getLogger("service.api")


@router.post("/search", response_model=SearchResponse, responses=ERRORS, tags=["answers"])
async def search(
    body: SearchRequest,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> SearchResponse:
    """Passages nearest to the query, best first (`text == document.text[start:end]`)."""
    check_length(body.query, settings, "query")
    results = await run_in_threadpool(
        answers.retriever.search, body.query, body.top_k, body.filters
    )
    return SearchResponse(results=results)


@router.post("/ask", response_model=Answer, responses=ERRORS, tags=["answers"])
async def ask(
    body: AskRequest,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Answer:
    """A cited answer; `refused` is true when the articles do not contain the answer."""
    check_length(body.question, settings, "question")
    return await run_in_threadpool(answers.ask, to_question(body))


@router.post(
    "/ask/stream",
    response_class=EventSourceResponse,
    responses={
        200: {
            "description": "Server-Sent Events: `passages` ({query, passages}), `token` (answer "
            "text as generated), `citation` (each verified citation), `done` (the final Answer, "
            "as /ask returns it), `error` ({message}; the stream then ends)."
        },
        **ERRORS,
    },
    tags=["answers"],
)
async def ask_stream(
    body: AskRequest,
    request: Request,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> AsyncIterator[ServerSentEvent]:
    """The /ask answer as it is made; a client that disconnects stops the generation."""
    check_length(body.question, settings, "question")
    events = answers.events(to_question(body), stream=True)
    try:
        while True:
            if await request.is_disconnected():
                log.info("client went away; generation stopped")
                return
            try:
                event = await run_in_threadpool(next, events, None)
            except NewsQAError as exc:
                yield ServerSentEvent(event="error", data={"message": str(exc)})
                return
            except Exception:
                rid = getattr(request.state, "request_id", "-")
                log.exception("stream failed [request_id=%s]", rid)
                message = f"internal error; quote request id {rid} to report it"
                yield ServerSentEvent(event="error", data={"message": message})
                return
            if event is None:
                return
            yield ServerSentEvent(event=event.kind, data=jsonable_encoder(event.data))
    finally:
        events.close()  # pulls no more tokens: the provider's stream is closed
