"""The HTTP API, one router per feature: answers (ask, search), documents, health."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.routes import ask, documents, health

router = APIRouter()
router.include_router(ask.router)
router.include_router(documents.router)
router.include_router(health.router)
