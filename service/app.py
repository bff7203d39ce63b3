"""The app factory: ``create_app(settings)`` builds the FastAPI application."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from service.answering import AnswerService
from service.api.errors import install_error_handling
from service.api.routes import router
from service.config import Settings
from service.index import NewsIndex, open_index
from service.llm import make_generator
from service.llm.base import AnswerGenerator

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """
Ask questions about a collection of news articles. Every claim in an answer carries a
citation to the exact sentence of the exact article (`quote == document.text[start:end]`),
and when the articles do not contain the answer, `refused` is true.
"""


def create_app(
    settings: Settings,
    *,
    index: NewsIndex | None = None,
    generator: AnswerGenerator | None = None,
) -> FastAPI:
    """Build the app. ``index`` and ``generator`` default to what the settings name."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        idx = index or open_index(settings)
        gen = generator or make_generator(settings)
        app.state.index = idx
        app.state.answers = AnswerService(settings, idx, gen)

        def warm_up() -> None:
            idx.warm_up()
            gen.warm_up()
            app.state.answers.warm_up()

        # Models take seconds to load: do it beside serving; /readyz reports when it is done.
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        yield

    app = FastAPI(
        title="newsqa",
        summary="Cited answers over news articles",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handling(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def chat_page() -> FileResponse:
        """The chat page (plain HTML, CSS and JS from the service itself)."""
        return FileResponse(STATIC_DIR / "index.html")

    return app
