"""The HTTP API, one router per feature: answers (ask, search), documents, health, metrics,
and the OpenAI-compatible chat API.

Every router but health is included behind the API key and the rate limit
(``service/api/security.py``); /healthz and /readyz stay open for probes.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from service.api.routes import ask, documents, health, metrics, openai
from service.api.routes.common import COMMON_ERRORS
from service.api.security import rate_limit, require_api_key

PROTECTED = [Depends(require_api_key), Depends(rate_limit)]

router = APIRouter()
router.include_router(ask.router, dependencies=PROTECTED, responses=COMMON_ERRORS)
router.include_router(documents.router, dependencies=PROTECTED, responses=COMMON_ERRORS)
router.include_router(metrics.router, dependencies=PROTECTED, responses=COMMON_ERRORS)
router.include_router(health.router)
# OpenAI-shaped errors (the router's own route class), so no COMMON_ERRORS here.
router.include_router(openai.router, dependencies=PROTECTED)
