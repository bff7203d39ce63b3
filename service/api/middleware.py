"""ASGI middleware around the whole app: trailing slashes, request context and the body limit.

``TrailingSlashMiddleware`` (outermost) serves ``/path/`` as ``/path``: every layer inside it,
the router included, sees the path without its trailing slashes.

``RequestContextMiddleware`` (next) gives every request an id, adds ``X-Request-ID`` and
the security headers to every response (errors from other middleware included), counts it in
``/metrics`` and logs one line: request id, method, route template, status, latency, client
fingerprint. Never a key, a question or article text.

``BodyLimitMiddleware`` reads the request body *before* the app parses it: a declared
``Content-Length`` above ``RAG_MAX_BODY_BYTES`` is refused at once (413, nothing read), a
chunked body is counted as it arrives and refused when it passes the limit, and a body that
takes longer than ``RAG_BODY_TIMEOUT`` to arrive gets 408. Pure ASGI (not ``@app.middleware``):
it must see the raw ``receive`` channel, and streaming responses pass through untouched.

Why hand-written: Starlette has no body-size or body-time limit, and uvicorn has none either.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import anyio
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.metrics import Metrics
from service.config import Settings

access_log = logging.getLogger("service.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
REQUEST_ID_HEADER = "X-Request-ID"

#: The page loads only its own files; the API is never framed (clickjacking).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def request_id_from_scope(scope: Scope) -> str:
    """The id given to this request (``-`` before the context middleware ran)."""
    state: Mapping[str, Any] = scope.get("state") or {}
    return str(state.get("request_id", "-"))


def json_error(scope: Scope, status: int, code: str, message: str) -> JSONResponse:
    """The project's error body, for middleware that answers before the app runs."""
    rid = request_id_from_scope(scope)
    return JSONResponse(
        {"error": {"code": code, "message": message, "request_id": rid}},
        status_code=status,
        headers={REQUEST_ID_HEADER: rid, "Connection": "close"},
    )


def _template_of(routes: Iterable[Any], scope: Scope) -> str | None:
    """The template of the first route whose path matches the request's, whatever its method,
    looking into included routers (FastAPI keeps their routes in ``original_router``)."""
    path = scope.get("path", "")
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found = _template_of(inner.routes, scope)
            if found is not None:
                return found
        elif (
            isinstance(getattr(route, "path", None), str)
            and getattr(route, "path_regex", None) is not None
            and route.path_regex.match(path)
        ):
            return str(route.path)
    return None


def route_of(scope: Scope) -> str:
    """The matched route's template (bounded label), or a fixed word for unmatched paths."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    # answered before routing (a 413 or 408 from the body limits): the route the path is for,
    # so that /ask's overruns count under /ask, not "unmatched" (review66)
    template = _template_of(getattr(getattr(scope.get("app"), "router", None), "routes", ()), scope)
    if template is not None:
        return template
    if scope.get("path", "").startswith("/static/"):
        return "/static"
    return "unmatched"


class TrailingSlashMiddleware:
    """A trailing slash names the route without it: ``GET /documents/`` is the listing,
    ``POST /ask/`` is ``POST /ask``, ``/nope/`` the 404 of ``/nope``.

    Instead of the router's ``redirect_slashes`` (off in ``create_app``): its 307 sent a client
    elsewhere for nothing (some resend a redirected POST without its body), built its
    ``Location`` from the request's ``Host`` header, and never applied to
    ``/documents/{doc_id:path}``, which read ``/documents/`` as the document with an empty id.
    No route and no document id ends with ``/`` (an id has no empty segment), so nothing is
    lost; the chat page ``/`` stays itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and len(path) > 1 and path.endswith("/"):
            scope = {**scope, "path": path.rstrip("/") or "/"}
            raw = scope.get("raw_path")
            if isinstance(raw, bytes) and raw.endswith(b"/"):
                scope["raw_path"] = raw.rstrip(b"/") or b"/"
        await self.app(scope, receive, send)


class RequestContextMiddleware:
    """Request id, security headers, metrics and one access-log line per request."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = ""
        for name, value in scope.get("headers", []):
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
        rid = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = MutableHeaders(scope=message)
                headers[REQUEST_ID_HEADER] = rid
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = route_of(scope)
            method = str(scope.get("method", "-"))
            self.metrics.requests.labels(route, method, str(status)).inc()
            self.metrics.latency.labels(route, method).observe(elapsed)
            client = (scope.get("state") or {}).get("client_id", "-")
            access_log.info(
                "%s %s %s %d %.1fms",
                rid,
                method,
                route,
                status,
                elapsed * 1000,
                extra={
                    "request_id": rid,
                    "method": method,
                    "route": route,
                    "status": status,
                    "latency_ms": round(elapsed * 1000, 1),
                    "client": client,
                },
            )


class BodyLimitMiddleware:
    """Bound the size and the arrival time of every request body (see the module docstring).

    ``upload_bytes`` replaces ``max_bytes`` for uploads (POST and PUT under ``/documents``) and
    for ``POST /v1/chat/completions``, whose clients resend the whole conversation every turn
    (the adapter keeps only the last turns, within /ask's limits).
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, timeout: float, upload_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes or max_bytes
        self.timeout = timeout

    def _limit(self, scope: Scope) -> tuple[int, str]:
        path = str(scope.get("path", ""))
        upload = scope.get("method") in ("POST", "PUT") and (
            path == "/documents" or path.startswith("/documents/") or path == "/v1/chat/completions"
        )
        if upload:
            return self.upload_bytes, "RAG_MAX_UPLOAD_BYTES"
        return self.max_bytes, "RAG_MAX_BODY_BYTES"

    def _too_large(self, scope: Scope) -> JSONResponse:
        limit, setting = self._limit(scope)
        return json_error(
            scope,
            413,
            "payload_too_large",
            f"the request body is larger than {limit} bytes ({setting}); send a shorter request",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, _ = self._limit(scope)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0:
                    response = json_error(scope, 400, "bad_request", "invalid Content-Length")
                    await response(scope, receive, send)
                    return
                if declared > limit:
                    await self._too_large(scope)(scope, receive, send)
                    return
        chunks: list[bytes] = []
        size = 0
        try:
            with anyio.fail_after(self.timeout):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return  # the client left before sending its body: nothing to answer
                    body = message.get("body", b"")
                    size += len(body)
                    if size > limit:
                        await self._too_large(scope)(scope, receive, send)
                        return
                    chunks.append(body)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            response = json_error(
                scope,
                408,
                "request_timeout",
                f"the request body did not arrive within {self.timeout:g} s (RAG_BODY_TIMEOUT)",
            )
            await response(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()  # later calls wait for the disconnect, as usual

        await self.app(scope, replay, send)


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the access-log fields."""

    FIELDS = ("request_id", "method", "route", "status", "latency_ms", "client")

    def format(self, record: logging.LogRecord) -> str:
        """The record as JSON (exception text included when there is one)."""
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Root logging as ``RAG_LOG_FORMAT`` says (text or json), at ``RAG_LOG_LEVEL``."""
    handler = logging.StreamHandler()
    if settings.log_format == "json":
        handler.setFormatter(JsonLogFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    # httpx logs every request it sends at INFO: in server mode ~3 lines per /ask to the Chroma
    # server, drowning the one access line per request (review66); its warnings still show
    quiet = logging.getLevelName(settings.log_level) == logging.INFO
    logging.getLogger("httpx").setLevel(logging.WARNING if quiet else logging.NOTSET)
