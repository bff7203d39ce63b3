"""A stand-in for an Ollama server, speaking its documented HTTP API on loopback.

Used because no Ollama server can be installed here. It implements what the ``ollama``
provider uses: ``GET /api/tags`` and ``POST /api/chat``, streaming (NDJSON lines, the last with
``"done": true``) and not. Its answers are synthetic: it quotes the first evidence line of the
prompt with its marker, so the test checks the wire format and our handling, not a model.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

MODEL = "smollm2:135m"


def _answer(messages: list[dict[str, Any]]) -> str:
    user = next(m["content"] for m in messages if m["role"] == "user")
    m = re.search(r"^\[(\d+)\] (.+)$", user, re.MULTILINE)
    return f"{m.group(2)} [{m.group(1)}]" if m else "NOT IN THE ARTICLES"


class OllamaStub:
    """Runs the stub in a background thread; records the requests it received."""

    def __init__(self, port: int, delay: float = 0.0) -> None:
        self.requests: list[dict[str, Any]] = []
        self.delay = delay  # seconds before each streamed word: a slow model (chat page tests)
        app = Starlette(
            routes=[
                Route("/api/tags", self.tags, methods=["GET"]),
                Route("/api/chat", self.chat, methods=["POST"]),
                Route("/api/show", self.show, methods=["POST"]),
            ]
        )
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> OllamaStub:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    async def tags(self, request: Request) -> JSONResponse:
        return JSONResponse({"models": [{"name": MODEL, "model": MODEL, "size": 270898672}]})

    async def show(self, request: Request) -> JSONResponse:
        return JSONResponse(
            {"modelinfo": {"llama.context_length": 8192}, "details": {"family": "llama"}}
        )

    async def chat(self, request: Request) -> JSONResponse | StreamingResponse:
        body = await request.json()
        self.requests.append(body)
        text = _answer(body["messages"])
        created = "2026-11-21T00:00:00Z"
        if not body.get("stream", True):
            return JSONResponse(
                {
                    "model": body["model"],
                    "created_at": created,
                    "message": {"role": "assistant", "content": text},
                    "done": True,
                    "done_reason": "stop",
                    "eval_count": len(text.split()),
                }
            )

        def lines() -> Iterator[bytes]:
            for word in re.findall(r"\S+\s*", text):
                time.sleep(self.delay)
                chunk = {
                    "model": body["model"],
                    "created_at": created,
                    "message": {"role": "assistant", "content": word},
                    "done": False,
                }
                yield (json.dumps(chunk) + "\n").encode()
            final = {
                "model": body["model"],
                "created_at": created,
                "message": {"role": "assistant", "content": ""},
                "done": True,
                "done_reason": "stop",
                "eval_count": len(text.split()),
            }
            yield (json.dumps(final) + "\n").encode()

        return StreamingResponse(lines(), media_type="application/x-ndjson")
