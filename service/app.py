"""The app factory: ``create_app(settings)`` builds the FastAPI application."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from service.answer_check import AnswerCheck, open_answer_check
from service.answering import AnswerService
from service.api.errors import install_error_handling
from service.api.metrics import Metrics
from service.api.middleware import (
    BodyLimitMiddleware,
    RequestContextMiddleware,
    TrailingSlashMiddleware,
)
from service.api.routes import router
from service.api.schema_limits import install_schema_limits
from service.api.security import KeyRing, RateLimiter, StreamSlots
from service.config import DEFAULT_RATE_LIMIT, Settings
from service.index import NewsIndex, open_index
from service.ingestion.single import DocumentWriter
from service.llm import make_generator
from service.llm.base import AnswerGenerator
from service.store_lock import StoreLock

STATIC_DIR = Path(__file__).parent / "static"
log = logging.getLogger(__name__)

DESCRIPTION = """
Ask questions about a collection of news articles. Every claim in an answer carries a
citation to the exact sentence of the exact article (`quote == document.text[start:end]`),
and when the articles do not contain the answer, `refused` is true.

When the operator sets `RAG_API_KEYS`, every endpoint but `/healthz` and `/readyz` needs
`Authorization: Bearer <key>` (or `X-API-Key: <key>`).
"""

#: Swagger UI's page runs one inline script (its set-up); everything else comes from here.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'"
)


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the ``swagger-ui-bundle-v2`` package (no CDN: works offline)."""
    try:
        import swagger_ui_bundle
    except ImportError:  # docs are optional; the API works without them
        log.warning("swagger-ui-bundle-v2 is not installed: /docs is off")
        return
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsqa API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page


def create_app(
    settings: Settings,
    *,
    index: NewsIndex | None = None,
    generator: AnswerGenerator | None = None,
    store_lock: StoreLock | None = None,
    answer_check: AnswerCheck | None = None,
) -> FastAPI:
    """Build the app. ``index``, ``generator`` and ``answer_check`` default to what the
    settings name; ``store_lock`` is the entry point's lock on an embedded store (writes take
    it alone)."""
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        idx = index or open_index(settings)
        gen = generator or make_generator(settings)
        if gen.gate is not None:
            metrics.watch_gate(gen.gate)
        gen.on_error = lambda kind: metrics.provider_errors.labels(kind).inc()
        app.state.index = idx
        check = answer_check or open_answer_check(settings)
        answers = AnswerService.checked(settings, idx, gen, check)
        answers.on_verified = metrics.removed_sentences.inc
        app.state.answers = answers
        app.state.writer = (
            DocumentWriter(settings, idx, store_lock.exclusive)
            if store_lock
            else DocumentWriter(settings, idx)
        )

        def warm_up() -> None:
            try:
                idx.warm_up()
                gen.warm_up()  # an in-process model warms up through its generation gate
                answers.warm_up()  # the IDF table of answerability
            finally:  # last, so a first answer does not wait for it; even after a failure
                idx.copy_sentences_to_memory()

        # Models take seconds to load: do it beside serving; /readyz reports when it is done.
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        yield

    app = FastAPI(
        title="newsqa",
        summary="Cited answers over news articles",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served below from local files, or not at all
        redoc_url=None,  # ReDoc loads from a CDN
        redirect_slashes=False,  # TrailingSlashMiddleware serves /path/ as /path instead
    )
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.keys = KeyRing.from_settings(settings)
    per_minute = settings.rate_limit
    if per_minute is None:  # on by default where keys are: a deployment, not local use
        per_minute = DEFAULT_RATE_LIMIT if app.state.keys.enabled else 0.0
    app.state.rate_limiter = RateLimiter(per_minute, settings.rate_burst)
    app.state.stream_slots = StreamSlots(settings.max_streams, settings.llm_busy_retry_after)
    if not app.state.keys.enabled:
        log.warning("RAG_API_KEYS is not set: the API is open to anyone who can reach it")
    if uncalibrated := settings.uncalibrated_thresholds():
        log.warning(
            "%s keep their defaults, measured with all-MiniLM-L6-v2, while RAG_EMBED_MODEL is "
            "another model: calibrate them for it (README, Thresholds and their margins)",
            ", ".join(uncalibrated),
        )
    install_error_handling(app)
    app.include_router(router)
    install_schema_limits(app, settings)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if settings.docs_enabled:
        _mount_docs(app)

    @app.get("/", include_in_schema=False)
    async def chat_page() -> FileResponse:
        """The chat page (plain HTML, CSS and JS from the service itself)."""
        return FileResponse(STATIC_DIR / "index.html")

    # Outermost last: trailing slashes → request context → trusted hosts → body limit → app.
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        timeout=settings.body_timeout,
        upload_bytes=settings.max_upload_bytes,
    )
    hosts = [h.strip() for h in settings.trusted_hosts.split(",") if h.strip()] or ["*"]
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    app.add_middleware(TrailingSlashMiddleware)
    return app
