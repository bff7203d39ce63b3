"""The HTTP API, one router per feature: answers (ask, search), documents, health, OpenAI."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from service.api.routes import ask, documents, health, openai
from service.api.security import require_api_key

router = APIRouter()
router.include_router(ask.router)
router.include_router(documents.router)
router.include_router(health.router)
router.include_router(openai.router, dependencies=[Depends(require_api_key)])
