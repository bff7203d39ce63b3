"""Request ids and the one place where errors become HTTP responses.

Every response carries ``X-Request-ID``; every error body is
``{"error": {"code", "message", "request_id"}}``; a stack trace is logged, never sent.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.errors import NewsQAError

log = logging.getLogger("service.api")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


class InvalidRequestError(NewsQAError):
    """The request is well-formed JSON but asks for something we do not accept."""

    status_code = 422


def request_id_of(request: Request) -> str:
    """The id of this request (set by the middleware)."""
    return str(getattr(request.state, "request_id", "-"))


def error_response(request: Request, status: int, code: str, message: str) -> JSONResponse:
    """The JSON error body every failure uses."""
    rid = request_id_of(request)
    return JSONResponse(
        status_code=status,
        content={"error": {"code": code, "message": message, "request_id": rid}},
        headers={REQUEST_ID_HEADER: rid},
    )


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


def validation_message(exc: RequestValidationError) -> str:
    """A sentence per problem that names the field and what to send instead."""
    messages = []
    for err in exc.errors():
        kind = err.get("type", "")
        where = _location(tuple(err.get("loc", ())))
        if kind == "json_invalid":
            messages.append(
                "the request body is not valid JSON: send a JSON object such as "
                '{"question": "..."} with Content-Type: application/json'
            )
        elif kind == "model_attributes_type" or (kind == "dict_type" and where == "body"):
            messages.append('the request body must be a JSON object, e.g. {"question": "..."}')
        elif kind == "missing":
            messages.append(f"{where}: this field is required")
        elif kind == "extra_forbidden":
            messages.append(f"{where}: unknown field; remove it")
        elif kind.startswith("date"):
            messages.append(f"{where}: not a valid date; use the ISO format YYYY-MM-DD")
        elif kind in ("greater_than_equal", "less_than_equal"):
            messages.append(f"{where}: {err.get('msg', '').lower()}")
        else:
            msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
            messages.append(f"{where}: {msg}")
    return "; ".join(messages)


def install_error_handling(app: FastAPI) -> None:
    """Request-id middleware and the exception → response mapping."""

    @app.middleware("http")
    async def request_id(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        rid = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.state.request_id = rid
        try:
            response = await call_next(request)
        except Exception:  # anything a handler did not map: logged with its trace, not shown
            log.exception(
                "unhandled error [request_id=%s] %s %s", rid, request.method, request.url.path
            )
            return error_response(
                request,
                500,
                "internal_error",
                "internal error; quote the request id when reporting it",
            )
        response.headers[REQUEST_ID_HEADER] = rid
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(request, 422, "invalid_request", validation_message(exc))

    @app.exception_handler(NewsQAError)
    async def on_known(request: Request, exc: NewsQAError) -> JSONResponse:
        code = re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__.removesuffix("Error")).lower()
        if exc.status_code >= 500:
            log.error("%s [request_id=%s]: %s", type(exc).__name__, request_id_of(request), exc)
        return error_response(request, exc.status_code, code, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail))
