"""Health: GET /healthz (the process answers) and GET /readyz (ready to answer)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.concurrency import run_in_threadpool

from service.answering import AnswerService
from service.api.deps import get_answer_service, get_index
from service.index import NewsIndex
from service.retrieval import EMPTY_INDEX_HINT

router = APIRouter()


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
