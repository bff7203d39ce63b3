"""The OpenAPI schema states the limits this deployment enforces.

The request models carry fixed ceilings (``service/schemas.py``), while the limits in force come
from the settings (``RAG_MAX_QUESTION_CHARS``, ``RAG_MAX_HISTORY_TURNS``…). A client generated
from the schema, or a fuzzer, must not be able to send a schema-valid request that the service
then refuses, so the generated schema is patched with the settings' values. Hand-written: a
FastAPI ``openapi()`` override is the documented way to adjust the generated schema.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from service.config import Settings


def _set(prop: dict[str, Any], key: str, value: int) -> None:
    """Set ``key`` on a property, or on the non-null alternative of an ``anyOf``."""
    targets = [p for p in prop.get("anyOf", []) if p.get("type") != "null"] or [prop]
    for target in targets:
        target[key] = min(value, target.get(key, value))


def limits(settings: Settings) -> dict[tuple[str, str], tuple[str, int]]:
    """(schema, property) → (JSON Schema keyword, value) for every settings-driven limit."""
    return {
        ("AskRequest", "question"): ("maxLength", settings.max_question_chars),
        ("AskRequest", "history"): ("maxItems", settings.max_history_turns),
        ("SearchRequest", "query"): ("maxLength", settings.max_question_chars),
        ("HistoryTurn", "question"): ("maxLength", settings.max_question_chars),
        ("HistoryTurn", "answer"): ("maxLength", settings.max_history_answer_chars),
        ("Filters", "doc_ids"): ("maxItems", settings.max_doc_ids),
    }


def install_schema_limits(app: FastAPI, settings: Settings) -> None:
    """Make ``app.openapi()`` return the schema with the settings' limits (built once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            components = schema.get("components", {}).get("schemas", {})
            for (model, field), (keyword, value) in limits(settings).items():
                prop = components.get(model, {}).get("properties", {}).get(field)
                if prop is not None:
                    _set(prop, keyword, value)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
