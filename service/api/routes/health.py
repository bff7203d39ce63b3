"""Health: GET /healthz (the process answers) and GET /readyz (ready to answer)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from service.api.deps import AnswersDep, IndexDep
from service.api.errors import request_id_of
from service.errors import scrub_paths
from service.retrieval import EMPTY_INDEX_HINT

router = APIRouter()
log = logging.getLogger("service.api")


@router.get("/healthz", tags=["health"])
async def healthz() -> dict[str, str]:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"description": "Not ready."}})
async def readyz(
    request: Request, response: Response, index: IndexDep, answers: AnswersDep
) -> dict[str, Any]:
    """Index reachable (with counts), embedding model loaded, LLM provider state (never an
    exception's text or a server path: those go to the log, under the request id)."""
    body: dict[str, Any] = {"status": "ready"}
    try:
        counts = await run_in_threadpool(index.counts)
        body["index"] = {"reachable": True, "documents": counts.documents, "chunks": counts.chunks}
        if counts.chunks == 0:
            body["status"] = "not_ready"
            body["index"]["detail"] = EMPTY_INDEX_HINT
    except Exception:  # reachability is what this endpoint reports
        rid = request_id_of(request)
        log.warning("readiness: index unreachable [request_id=%s]", rid, exc_info=True)
        body["status"] = "not_ready"
        detail = f"the index cannot be reached; the server log has the reason (request id {rid})"
        body["index"] = {"reachable": False, "detail": detail}
    body["embedding"] = {
        "model": scrub_paths(index.embed_model_id),
        "state": scrub_paths(index.embed_state),
    }
    if index.embed_state != "ready":
        body["status"] = "not_ready"
    if index.settings.retrieval == "hybrid":
        # Informational, never "not ready": FTS5 answers until the in-memory copy is built.
        try:
            state = await run_in_threadpool(lambda: index.lexical.memory_state())
        except Exception:
            log.warning("readiness: lexical index unavailable", exc_info=True)
            state = "unavailable"
        body["lexical"] = {"in_memory": state}
    # Informational too: Chroma answers the re-rank's reads until the copy is read.
    memory = index.sentence_memory
    body["sentences"] = {"in_memory": memory.state if memory is not None else "off"}
    health = await run_in_threadpool(answers.generator.health)
    body["llm"] = {
        "provider": answers.generator.name,
        "state": health.state,
        "detail": scrub_paths(health.detail),
    }
    if health.state != "ready":
        body["status"] = "not_ready"
    if body["status"] != "ready":
        response.status_code = 503
    return body


# HEAD too (uptime monitors and `curl -I` ask with it): the same checks, no body; kept out of
# the OpenAPI schema, which documents the GET operations.
router.add_api_route("/healthz", healthz, methods=["HEAD"], include_in_schema=False)
router.add_api_route("/readyz", readyz, methods=["HEAD"], include_in_schema=False)
