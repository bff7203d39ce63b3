"""Request ids and the one place where errors become HTTP responses.

Every response carries ``X-Request-ID``; every error body is
``{"error": {"code", "message", "request_id"}}``; a stack trace is logged, never sent.
``ERROR_STATUS`` is the whole mapping from the error tree (``service/errors.py``) to an HTTP
status and a stable public ``code``: clients may switch on the code, so codes never change.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import (
    ChatParamError,
    ConfigurationError,
    DocumentConflictError,
    EmptyIndexError,
    ForbiddenError,
    GenerationTimeoutError,
    IndexInUseError,
    IndexMismatchError,
    IndexProblem,
    IndexUnavailableError,
    InvalidDocumentError,
    InvalidRequestError,
    LoadError,
    NewsQAError,
    NotFoundError,
    PayloadTooLargeError,
    ProviderError,
    RateLimitedError,
    ReplayMissError,
    RetryLater,
    ServiceBusyError,
    StoreSharedError,
    UnauthorizedError,
    UnparsableBodyError,
    UnsupportedMediaTypeError,
    scrub_paths,
)

__all__ = [
    "ERROR_STATUS",
    "InvalidRequestError",
    "error_response",
    "install_error_handling",
    "store_unreachable",
]

log = logging.getLogger("service.api")
REQUEST_ID_HEADER = "X-Request-ID"

#: Error class → (HTTP status, public code). The most specific class of an error wins.
ERROR_STATUS: Mapping[type[NewsQAError], tuple[int, str]] = {
    NewsQAError: (500, "internal_error"),
    ConfigurationError: (500, "configuration_error"),
    IndexProblem: (503, "index_unavailable"),
    IndexMismatchError: (409, "index_mismatch"),
    IndexUnavailableError: (503, "index_unavailable"),
    IndexInUseError: (503, "index_in_use"),
    StoreSharedError: (409, "store_shared"),
    EmptyIndexError: (503, "empty_index"),
    NotFoundError: (404, "not_found"),
    InvalidRequestError: (422, "invalid_request"),
    UnparsableBodyError: (400, "bad_request"),
    PayloadTooLargeError: (413, "payload_too_large"),
    InvalidDocumentError: (422, "invalid_document"),
    UnsupportedMediaTypeError: (415, "unsupported_media_type"),
    ChatParamError: (400, "unsupported_parameter"),
    DocumentConflictError: (409, "document_conflict"),
    LoadError: (422, "unreadable_input"),
    UnauthorizedError: (401, "unauthorized"),
    ForbiddenError: (403, "forbidden"),
    RetryLater: (503, "busy"),
    RateLimitedError: (429, "rate_limited"),
    ServiceBusyError: (503, "busy"),
    ProviderError: (502, "provider_error"),
    GenerationTimeoutError: (504, "generation_timeout"),
    ReplayMissError: (502, "replay_miss"),
}

#: Errors raised by Starlette/FastAPI themselves (routing, body reading), by status.
HTTP_CODES: Mapping[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "busy",
}


def store_unreachable(exc: httpx.TransportError) -> IndexUnavailableError:
    """What a transport error reaching this boundary means: a server the index depends on
    cannot be reached — the Chroma server (chromadb's ``HttpClient`` speaks httpx) or a remote
    embedding server. The answer model's own transport errors never get here: the answering
    pipeline falls back on them."""
    return IndexUnavailableError(
        f"cannot reach a server the index depends on, the Chroma server or the embedding "
        f"server ({type(exc).__name__}: {exc}); try again once GET /readyz answers 200"
    )


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this request's path (HEAD wherever GET is).
    Starlette's 405 names the methods of the first route on the path only ("DELETE
    /documents": `Allow: GET`, though POST is served there too; review66)."""
    # (each method tried in turn: FastAPI nests included routers, whose routes it does not list)
    allowed = [
        method
        for method in ("DELETE", "GET", "PATCH", "POST", "PUT")
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]
    return sorted([*allowed, "HEAD"]) if "GET" in allowed else allowed


def status_of(exc: NewsQAError) -> tuple[int, str]:
    """The HTTP status and public code of an error: its own class's entry, else its nearest
    ancestor's (a test checks that every class in ``service.errors`` has its own entry)."""
    for cls in type(exc).__mro__:
        if cls in ERROR_STATUS:
            return ERROR_STATUS[cls]
    return ERROR_STATUS[NewsQAError]


def request_id_of(request: Request) -> str:
    """The id of this request (set by the middleware)."""
    return str(getattr(request.state, "request_id", "-"))


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The JSON error body every failure uses."""
    rid = request_id_of(request)
    return JSONResponse(
        status_code=status,
        content={"error": {"code": code, "message": message, "request_id": rid}},
        headers={**(headers or {}), REQUEST_ID_HEADER: rid},
    )


def known_error_response(request: Request, exc: NewsQAError) -> JSONResponse:
    """The response for an error of the tree (also used by middleware, outside routing)."""
    status, code = status_of(exc)
    headers: dict[str, str] = {}
    if isinstance(exc, RetryLater):
        headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after)))
    if isinstance(exc, UnauthorizedError):
        headers["WWW-Authenticate"] = 'Bearer realm="newsqa"'
    if status >= 500 and not isinstance(exc, RetryLater):
        log.error("%s [request_id=%s]: %s", type(exc).__name__, request_id_of(request), exc)
    return error_response(request, status, code, scrub_paths(str(exc)), headers)


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


# What a nested object looks like, by where it sits (a list's index read as "*").
_OBJECT_EXAMPLES = {
    "history.*": ', e.g. {"question": "...", "answer": "..."}',
    "filters": ', e.g. {"doc_ids": ["..."]} or {"published_after": "2024-01-01"}',
}


# What a request body looks like, by the route's path (the default: /ask's).
_BODY_EXAMPLES = {
    "/search": '{"query": "..."}',
    "/documents": '{"text": "...", "title": "..."}',
    "/v1/chat/completions": '{"model": "newsqa", "messages": [{"role": "user", "content": "..."}]}',
}


def body_example(path: str) -> str:
    """An example body of the route at ``path`` for messages about the body's shape."""
    return _BODY_EXAMPLES.get(path.rstrip("/"), '{"question": "..."}')


def validation_message(exc: RequestValidationError, example: str = '{"question": "..."}') -> str:
    """A sentence per problem that names the field and what to send instead (``example``: a
    body of the route, for a body that is no object or no JSON), each sentence once."""
    messages = []
    for err in exc.errors():
        kind = err.get("type", "")
        where = _location(tuple(err.get("loc", ())))
        if kind == "json_invalid":
            messages.append(
                f"the request body is not valid JSON: send a JSON object such as {example} "
                "with Content-Type: application/json"
            )
        elif where == "body" and kind in ("model_attributes_type", "dict_type", "model_type"):
            messages.append(f"the request body must be a JSON object, e.g. {example}")
        elif kind in ("model_attributes_type", "dict_type", "model_type"):
            # (a nested object: "history": ["a"] is a list of strings, not of turns)
            example = _OBJECT_EXAMPLES.get(re.sub(r"\.\d+$", ".*", where), "")
            messages.append(f"{where}: must be a JSON object{example}")
        elif kind == "string_unicode":
            # (pydantic reading the body's JSON itself: a lone surrogate, "\ud800"; the same
            # words as ``schemas.text_problem`` gives where the text is read first)
            messages.append(f"{where}: contains an unpaired UTF-16 surrogate; send valid Unicode")
        elif kind == "missing":
            messages.append(f"{where}: this field is required")
        elif kind == "extra_forbidden":
            messages.append(f"{where}: unknown field; remove it")
        elif kind == "string_too_short" and (err.get("ctx") or {}).get("min_length") == 1:
            messages.append(f"{where}: must not be empty or only whitespace")
        elif kind.startswith("date"):
            messages.append(f"{where}: not a valid date; use the ISO format YYYY-MM-DD")
        elif kind in ("greater_than_equal", "less_than_equal"):
            messages.append(f"{where}: {err.get('msg', '').lower()}")
        else:
            msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
            messages.append(f"{where}: {msg}")
    return "; ".join(dict.fromkeys(messages))


def not_json_message(request: Request, exc: RequestValidationError) -> str | None:
    """What to fix when a JSON route's body came with another Content-Type (curl's ``-d``
    sends a form type): FastAPI then reads no JSON and reports the body's shape ("must be a
    JSON object"), though the client did send one (review66). None for a JSON request."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return None
    if not any(tuple(err.get("loc", ()))[:1] == ("body",) for err in exc.errors()):
        return None
    given = f"Content-Type: {media}" if media else "no Content-Type"
    return f"the request body must be JSON sent with Content-Type: application/json ({given})"


class UnhandledErrorMiddleware:
    """An exception no handler mapped becomes the project's 500 body (logged with its trace,
    never sent), when the response has not started; after that it propagates as before.

    Pure ASGI rather than ``@app.middleware("http")``: Starlette's ``BaseHTTPMiddleware`` runs
    every request's app in a task of its own and passes the response through memory streams,
    ~0.15-0.2 ms of CPU per request for a ``try``/``except`` (measured, README "Performance").
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_started(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_started)
        except Exception:  # anything a handler did not map: logged with its trace, not shown
            if started:
                raise
            request = Request(scope)
            log.exception(
                "unhandled error [request_id=%s] %s %s",
                request_id_of(request),
                request.method,
                request.url.path,
            )
            response = error_response(
                request,
                500,
                "internal_error",
                "internal error; quote the request id when reporting it",
            )
            await response(scope, receive, send)


def install_error_handling(app: FastAPI) -> None:
    """The exception → response mapping (request ids come from ``service.api.middleware``)."""

    app.add_middleware(UnhandledErrorMiddleware)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        message = not_json_message(request, exc) or validation_message(
            exc, body_example(request.url.path)
        )
        return error_response(request, 422, "invalid_request", message)

    @app.exception_handler(NewsQAError)
    async def on_known(request: Request, exc: NewsQAError) -> JSONResponse:
        return known_error_response(request, exc)

    @app.exception_handler(httpx.TransportError)
    async def on_store_unreachable(request: Request, exc: httpx.TransportError) -> JSONResponse:
        return known_error_response(request, store_unreachable(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "http_error")
        detail = str(exc.detail)
        if exc.status_code == 400 and "parsing the body" in detail:  # FastAPI's own words
            detail = UnparsableBodyError.MESSAGE
        headers = exc.headers
        path = request.url.path
        no_route = exc.status_code == 404 and detail == "Not Found"
        if no_route:  # say where the routes are
            detail = f"no route {request.method} {path}"
            # (when /docs is served: it is off without the Swagger UI files)
            if any(getattr(r, "path", None) == "/docs" for r in request.app.router.routes):
                detail += ": the API is described at /docs"
        # keep the exception's headers: a 405 must say which methods are Allowed
        if exc.status_code == 405:
            allowed = allowed_methods(request)
            if allowed:
                headers = {**(headers or {}), "Allow": ", ".join(allowed)}
                detail = f"{request.method} is not allowed here; use {' or '.join(allowed)}"
        if path == "/v1" or path.startswith("/v1/"):
            # (OpenAI clients try /v1/completions, /v1/embeddings: answer in their shape)
            if no_route:
                detail = (
                    f"unknown URL {request.method} {path}: this service serves "
                    "POST /v1/chat/completions and GET /v1/models"
                )
            kind = "invalid_request_error" if exc.status_code < 500 else "server_error"
            body = {
                "error": {
                    "message": detail,
                    "type": kind,
                    "param": None,
                    "code": "unknown_url" if no_route else code,
                }
            }
            return JSONResponse(status_code=exc.status_code, content=body, headers=headers)
        return error_response(request, exc.status_code, code, detail, headers)
