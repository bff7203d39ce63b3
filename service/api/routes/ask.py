"""Answers: POST /search, POST /ask and POST /ask/stream (Server-Sent Events)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator
from typing import Annotated

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.sse import EventSourceResponse, ServerSentEvent

from service.answering import Event
from service.api.deps import (
    AnswersDep,
    AskDep,
    ClosersDep,
    SearchDep,
    SettingsDep,
    ask_admission,
    to_question,
)
from service.api.errors import store_unreachable
from service.api.metrics import Metrics, get_metrics
from service.api.routes.common import ERRORS, STREAM_ERRORS
from service.api.security import stream_slot
from service.errors import NewsQAError, scrub_paths
from service.schemas import Answer, SearchResponse

router = APIRouter()


log = logging.getLogger("service.api")


def public(answer: Answer) -> Answer:
    """The answer as users may see it: no server path in why it is degraded."""
    if answer.degraded_reason is None:
        return answer
    return answer.model_copy(update={"degraded_reason": scrub_paths(answer.degraded_reason)})


@router.post("/search", response_model=SearchResponse, responses=ERRORS, tags=["answers"])
async def search(body: SearchDep, answers: AnswersDep, settings: SettingsDep) -> SearchResponse:
    """Passages nearest to the query, best first (`text == document.text[start:end]`);
    `top_k` defaults to the service's RAG_TOP_K."""
    results = await run_in_threadpool(
        answers.retriever.search, body.query, body.top_k or settings.top_k, body.filters
    )
    return SearchResponse(results=results)


@router.post(
    "/ask",
    response_model=Answer,
    responses=ERRORS,
    tags=["answers"],
    dependencies=[Depends(ask_admission)],
)
async def ask(
    body: AskDep, answers: AnswersDep, metrics: Annotated[Metrics, Depends(get_metrics)]
) -> Answer:
    """A cited answer; `refused` is true when the articles do not contain the answer.
    When the local model's queue is full: 503 `busy` with Retry-After."""
    answer = public(await run_in_threadpool(answers.ask, to_question(body)))
    metrics.count_answer(answer)
    return answer


async def started_answer(
    body: AskDep, answers: AnswersDep, closers: ClosersDep
) -> tuple[Generator[Event, None, None], Event | None]:
    """The answer's steps with the first (retrieval) already taken, before the stream's
    response starts: an empty or unreachable index is then an HTTP error (503 `empty_index`,
    `index_unavailable`), as /ask and /v1 streams answer it, not an error event in a 200."""
    events = answers.events(to_question(body), stream=True)
    closers.append(events.close)  # runs when the response ends, even if this is abandoned
    first = await run_in_threadpool(next, events, None)
    return events, first


StartedDep = Annotated[tuple[Generator[Event, None, None], Event | None], Depends(started_answer)]


@router.post(
    "/ask/stream",
    response_class=EventSourceResponse,
    responses={
        200: {
            "description": "Server-Sent Events: `passages` ({query, passages}), `token` (answer "
            "text as generated), `citation` (each verified citation), `done` (the final Answer, "
            "as /ask returns it), `error` ({message}; the stream then ends)."
        },
        **STREAM_ERRORS,
    },
    tags=["answers"],
    dependencies=[Depends(stream_slot), Depends(ask_admission)],
)
async def ask_stream(
    request: Request,
    started: StartedDep,
    metrics: Annotated[Metrics, Depends(get_metrics)],
) -> AsyncIterator[ServerSentEvent]:
    """The /ask answer as it is made; a client that disconnects stops the generation.
    Limits, a full queue and an empty or unreachable index are answered (422/429/503) before
    the first event."""
    events, event = started
    try:
        while event is not None:
            data = event.data
            if event.kind == "done":
                data = public(data)
                metrics.count_answer(data)
            yield ServerSentEvent(event=event.kind, data=jsonable_encoder(data))
            if await request.is_disconnected():
                log.info("client went away; generation stopped")
                return
            try:
                event = await run_in_threadpool(next, events, None)
            except (NewsQAError, httpx.TransportError) as exc:
                known = store_unreachable(exc) if isinstance(exc, httpx.TransportError) else exc
                yield ServerSentEvent(event="error", data={"message": scrub_paths(str(known))})
                return
            except Exception:
                rid = getattr(request.state, "request_id", "-")
                log.exception("stream failed [request_id=%s]", rid)
                message = f"internal error; quote request id {rid} to report it"
                yield ServerSentEvent(event="error", data={"message": message})
                return
    finally:
        events.close()  # pulls no more tokens: the provider's stream is closed
