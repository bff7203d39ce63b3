"""What several routers share: the documented error responses and request checks."""

from __future__ import annotations

from typing import Any

from service.config import Settings
from service.errors import InvalidRequestError
from service.schemas import ErrorResponse

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "Invalid request; the message says what to fix."},
    503: {"model": ErrorResponse, "description": "The index is empty or unreachable."},
}


def check_length(text: str, settings: Settings, field: str) -> None:
    """A question or query longer than the settings allow is refused with what to send."""
    if len(text) > settings.max_question_chars:
        raise InvalidRequestError(
            f"{field}: {len(text)} characters is too long; "
            f"send at most {settings.max_question_chars}"
        )
