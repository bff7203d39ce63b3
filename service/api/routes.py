"""The HTTP API: search, ask, documents, health."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.sse import EventSourceResponse, ServerSentEvent

from service.answering import AnswerService
from service.api.deps import get_answer_service, get_index, get_settings
from service.api.errors import InvalidRequestError
from service.config import Settings
from service.errors import NewsQAError, NotFoundError
from service.index import NewsIndex
from service.retrieval import EMPTY_INDEX_HINT
from service.schemas import (
    Answer,
    AskRequest,
    DocumentList,
    DocumentOut,
    DocumentSummary,
    ErrorResponse,
    SearchRequest,
    SearchResponse,
)

router = APIRouter()
log = logging.getLogger("service.api")

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "Invalid request; the message says what to fix."},
    503: {"model": ErrorResponse, "description": "The index is empty or unreachable."},
}


def _check_length(text: str, settings: Settings, field: str) -> None:
    if len(text) > settings.max_question_chars:
        raise InvalidRequestError(
            f"{field}: {len(text)} characters is too long; "
            f"send at most {settings.max_question_chars}"
        )


@router.post("/search", response_model=SearchResponse, responses=ERRORS, tags=["answers"])
async def search(
    body: SearchRequest,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> SearchResponse:
    """Passages nearest to the query, best first (`text == document.text[start:end]`)."""
    _check_length(body.query, settings, "query")
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
    _check_length(body.question, settings, "question")
    return await run_in_threadpool(answers.ask, body)


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
    _check_length(body.question, settings, "question")
    events = answers.events(body, stream=True)
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


@router.get("/documents", response_model=DocumentList, tags=["documents"])
async def list_documents(
    index: Annotated[NewsIndex, Depends(get_index)],
    limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Documents to skip.")] = 0,
) -> DocumentList:
    """Indexed documents, ordered by id."""
    records = await run_in_threadpool(index.list_documents, limit, offset)
    total = await run_in_threadpool(index.document_collection.count)
    return DocumentList(
        documents=[
            DocumentSummary(
                doc_id=r.doc_id,
                title=r.title,
                published=r.published,
                source=r.source,
                chunks=r.chunks,
            )
            for r in records
        ],
        total=total,
    )


@router.get(
    "/documents/{doc_id:path}",
    response_model=DocumentOut,
    responses={404: {"model": ErrorResponse, "description": "No such document."}},
    tags=["documents"],
)
async def get_document(doc_id: str, index: Annotated[NewsIndex, Depends(get_index)]) -> DocumentOut:
    """One document with its canonical text; ids may contain `/`."""
    record = await run_in_threadpool(index.get_document, doc_id)
    if record is None:
        raise NotFoundError(f"no document with id {doc_id!r}; GET /documents lists them")
    return DocumentOut(
        doc_id=record.doc_id,
        title=record.title,
        published=record.published,
        source=record.source,
        text=record.text,
        aliases=record.aliases,
    )


@router.get("/healthz", tags=["health"])
async def healthz() -> dict[str, str]:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"description": "Not ready."}})
async def readyz(
    response: Response,
    index: Annotated[NewsIndex, Depends(get_index)],
    answers: Annotated[AnswerService, Depends(get_answer_service)],
) -> dict[str, Any]:
    """Index reachable (with counts), embedding model loaded, LLM provider state."""
    body: dict[str, Any] = {"status": "ready"}
    try:
        counts = await run_in_threadpool(index.counts)
        body["index"] = {"reachable": True, "documents": counts.documents, "chunks": counts.chunks}
        if counts.chunks == 0:
            body["status"] = "not_ready"
            body["index"]["detail"] = EMPTY_INDEX_HINT
    except Exception as exc:  # reachability is what this endpoint reports
        body["status"] = "not_ready"
        body["index"] = {"reachable": False, "detail": str(exc)}
    body["embedding"] = {"model": index.embed_model_id, "state": index.embed_state}
    if index.embed_state != "ready":
        body["status"] = "not_ready"
    health = await run_in_threadpool(answers.generator.health)
    body["llm"] = {
        "provider": answers.generator.name,
        "state": health.state,
        "detail": health.detail,
    }
    if health.state != "ready":
        body["status"] = "not_ready"
    if body["status"] != "ready":
        response.status_code = 503
    return body
