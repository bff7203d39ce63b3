"""Prometheus metrics (``prometheus_client``); ``GET /metrics`` is in ``api/routes/metrics.py``.

One ``CollectorRegistry`` per app (no process-global registry: every ``create_app`` gets its
own counters, so tests and several apps in one process do not collide). Labels are bounded:
route *templates* (``/documents/{doc_id:path}``, never the id), methods, status codes, and
small fixed vocabularies; no key, question or article text is ever a label.
"""

from __future__ import annotations

from fastapi import Request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

from service.llm.gate import GenerationGate
from service.schemas import Answer

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120)


class Metrics:
    """The service's metrics. prometheus_client metrics are thread-safe."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "newsqa_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "newsqa_http_request_duration_seconds",
            "Time from request to the end of the response, by route template and method.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.queue_waiting = Gauge(
            "newsqa_generation_queue_depth",
            "Generations waiting for the in-process model.",
            registry=r,
        )
        self.queue_running = Gauge(
            "newsqa_generation_running", "Generations running on the in-process model.", registry=r
        )
        self.queue_wait = Histogram(
            "newsqa_generation_wait_seconds",
            "Time a generation waited for the in-process model.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.rejected = Counter(
            "newsqa_generation_rejected",
            "Generations turned away: queue_full (503 busy) or wait_timeout (degraded answer).",
            ["reason"],
            registry=r,
        )
        self.answers = Counter(
            "newsqa_answers",
            "Answers given, by outcome: answered, refused (articles lack the answer), degraded "
            "(the model failed and the extractive fallback answered).",
            ["outcome"],
            registry=r,
        )
        self.removed_sentences = Counter(
            "newsqa_verification_removed_sentences",
            "Draft sentences removed because their cited quotes do not support them.",
            registry=r,
        )
        self.provider_errors = Counter(
            "newsqa_provider_errors",
            "Model failures, by kind (timeout, or the failure's exception class).",
            ["kind"],
            registry=r,
        )

    def watch_gate(self, gate: GenerationGate) -> None:
        """Report a generation gate's queue (depth read at scrape time)."""
        self.queue_waiting.set_function(lambda: gate.state().waiting)
        self.queue_running.set_function(lambda: gate.state().running)
        gate.on_wait = self.queue_wait.observe
        gate.on_reject = lambda reason: self.rejected.labels(reason).inc()

    def count_answer(self, answer: Answer) -> None:
        """One answer's outcome."""
        outcome = "degraded" if answer.degraded else "refused" if answer.refused else "answered"
        self.answers.labels(outcome).inc()

    def render(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)


async def get_metrics(request: Request) -> Metrics:
    """The app's metrics (set by ``create_app``)."""
    metrics: Metrics = request.app.state.metrics
    return metrics
