"""What several routers share: the documented error responses."""

from __future__ import annotations

from typing import Any

from service.schemas import ErrorResponse


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": description}


#: The errors any protected endpoint may answer (the body is always ErrorResponse).
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    401: _error("Missing or invalid API key (only when RAG_API_KEYS is set): `unauthorized`."),
    413: _error("Request body larger than RAG_MAX_BODY_BYTES: `payload_too_large`."),
    429: _error("Too many requests for this key or client: `rate_limited`; see Retry-After."),
}

ERRORS: dict[int | str, dict[str, Any]] = {
    **COMMON_ERRORS,
    400: _error("The body cannot be parsed (not UTF-8, or nested too deeply): `bad_request`."),
    422: _error("Invalid request; the message says what to fix: `invalid_request`."),
    503: _error(
        "`busy` (the model's queue is full; see Retry-After), `empty_index` or `index_unavailable`."
    ),
}

#: /ask/stream: the same errors, declared as JSON (they come before any event is sent; a
#: ``model`` here would be documented under the route's text/event-stream instead).
STREAM_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": spec["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
    }
    for status, spec in ERRORS.items()
}
