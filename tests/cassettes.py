"""HTTP cassettes: record real HTTP exchanges through an httpx transport, replay them offline.

Used for the OpenAI wire protocol: the OpenAI SDK (under llama-index's OpenAI classes) takes an
``httpx.Client``, so recording and replay sit exactly where the network would be. Keys, tokens
and cookies are scrubbed from headers and bodies before anything is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx

SCRUBBED = "<scrubbed>"
SECRET_HEADERS = {
    "authorization",
    "cookie",
    "set-cookie",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "proxy-authorization",
}
SECRET_FIELDS = {"api_key", "apikey", "key", "token", "access_token", "password", "secret"}
# Anything that looks like a credential, wherever it appears in a body.
SECRET_PATTERN = re.compile(r"(sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9._\-]{8,})")
# Headers that differ between runs and say nothing about the protocol.
VOLATILE_HEADERS = {"date", "x-request-id", "content-length", "user-agent", "host"}
RERECORD_COMMAND = "make record"


def scrub_text(text: str) -> str:
    """Replace credential-looking strings."""
    return SECRET_PATTERN.sub(SCRUBBED, text)


def scrub_json(value: Any) -> Any:
    """Scrub secret-named fields and credential-looking strings in JSON data."""
    if isinstance(value, dict):
        return {
            k: SCRUBBED if k.lower() in SECRET_FIELDS else scrub_json(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub_json(v) for v in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value


def scrub_headers(headers: httpx.Headers) -> dict[str, str]:
    """Headers without secrets or run-to-run noise."""
    out = {}
    for name, value in headers.items():
        low = name.lower()
        if low in VOLATILE_HEADERS or low.startswith("x-stainless"):
            continue
        out[low] = SCRUBBED if low in SECRET_HEADERS else scrub_text(value)
    return out


def _body(content: bytes) -> Any:
    text = content.decode("utf-8")
    try:
        return scrub_json(json.loads(text))
    except json.JSONDecodeError:
        return scrub_text(text)


class RecordingTransport(httpx.BaseTransport):
    """Sends requests for real and keeps a scrubbed copy of each exchange."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.inner = httpx.HTTPTransport()
        self.interactions: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Forward, read the whole response (SSE included), record, return it."""
        response = self.inner.handle_request(request)
        content = response.read()
        self.interactions.append(
            {
                "request": {
                    "method": request.method,
                    "path": request.url.path,
                    "headers": scrub_headers(request.headers),
                    "body": _body(request.content) if request.content else None,
                },
                "response": {
                    "status": response.status_code,
                    "headers": scrub_headers(response.headers),
                    "body": scrub_text(content.decode("utf-8")),
                },
            }
        )
        return httpx.Response(
            response.status_code, headers=response.headers, content=content, request=request
        )

    def save(self) -> None:
        """Write the cassette."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"interactions": self.interactions}
        self.path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


class CassetteMissError(RuntimeError):
    """A request that the cassette does not hold."""


class ReplayTransport(httpx.BaseTransport):
    """Answers requests from a cassette: same method, path and JSON body."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.interactions = json.loads(path.read_text(encoding="utf-8"))["interactions"]
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded response of the matching request."""
        self.requests.append(request)
        body = _body(request.content) if request.content else None
        for item in self.interactions:
            recorded = item["request"]
            if (
                recorded["method"] == request.method
                and recorded["path"] == request.url.path
                and recorded["body"] == body
            ):
                response = item["response"]
                return httpx.Response(
                    response["status"],
                    headers=response["headers"],
                    content=response["body"].encode("utf-8"),
                    request=request,
                )
        raise CassetteMissError(
            f"{request.method} {request.url.path} with this body is not in {self.path.name}; "
            f"re-record with `{RERECORD_COMMAND}`"
        )
