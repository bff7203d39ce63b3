"""API keys: ``require_api_key`` and ``require_admin_key``, FastAPI dependencies.

Minimal version (helper "clients"), with exactly the agreed interface; the full one (rate
limits, metrics) comes from helper "safety" at merge. A key is sent as
``Authorization: Bearer <key>`` (what OpenAI clients send) or ``X-API-Key: <key>``; keys are
compared in constant time. With no keys configured, everything is open.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from pydantic import SecretStr

from service.config import Settings
from service.errors import ForbiddenError, UnauthorizedError


def _presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def _matches(key: str, keys: list[SecretStr]) -> bool:
    found = False
    for candidate in keys:  # no early exit: the time taken does not tell which key matched
        found |= hmac.compare_digest(key.encode(), candidate.get_secret_value().encode())
    return found


def require_api_key(request: Request) -> None:
    """Any configured API or admin key (nothing needed when no keys are configured)."""
    settings: Settings = request.app.state.settings
    if not settings.api_keys and not settings.admin_keys:
        return
    key = _presented_key(request)
    if key is None:
        raise UnauthorizedError("an API key is required: send Authorization: Bearer <key>")
    if not _matches(key, [*settings.api_keys, *settings.admin_keys]):
        raise UnauthorizedError("this API key is not accepted")


def require_admin_key(request: Request) -> None:
    """An admin key, when any key is configured (writes are open only when none is)."""
    settings: Settings = request.app.state.settings
    if not settings.api_keys and not settings.admin_keys:
        return
    key = _presented_key(request)
    if key is None:
        raise UnauthorizedError("an admin key is required: send Authorization: Bearer <key>")
    if _matches(key, settings.admin_keys):
        return
    if _matches(key, settings.api_keys):
        raise ForbiddenError("this key may ask questions but not change documents")
    raise UnauthorizedError("this API key is not accepted")
