"""GET /metrics: Prometheus text format (protected by the API key when keys are on)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST

from service.api.metrics import Metrics, get_metrics

router = APIRouter()


@router.get(
    "/metrics",
    tags=["health"],
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus metrics."}},
)
async def metrics(metrics: Annotated[Metrics, Depends(get_metrics)]) -> Response:
    """Counters and latencies in Prometheus format (needs an API key when keys are on)."""
    return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)
