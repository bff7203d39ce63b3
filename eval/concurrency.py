"""Concurrency benchmark: ``/ask`` from 1, 4 and 8 simultaneous clients against a running
service (meant for the in-process ``llamacpp`` model, which answers one question at a time).

Each client sends its next question when the last is answered (closed loop); a ``503 busy``
answer is counted as *rejected* and the client waits the ``Retry-After`` it was given (capped
at 2 s), as a well-behaved client would. Anything else but 200 or 503 is an *error* (must be 0).

    RAG_LLM_PROVIDER=llamacpp python -m service --port 8765 &
    python -m eval.concurrency --url http://127.0.0.1:8765 --clients 1,4,8 --requests 16

First, unmeasured, every question is asked once (the service caches sentence embeddings per
passage: without this pass the first client count would pay for the cache). Prints one JSON
line per client count: answered, rejected, errors, degraded, p50/p95 of the answered
requests (ms), the wall time, and the process's health afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from service.config import PROJECT_ROOT

DEV_QA = PROJECT_ROOT.parent / "shared" / "eval" / "dev_qa.jsonl"


@dataclass
class Tally:
    """What the clients of one run got."""

    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    rejected: int = 0
    errors: int = 0
    degraded: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, p: float) -> float | None:
        """Nearest-rank percentile of the answered requests' latency, in ms."""
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 1)

    def summary(self) -> dict[str, Any]:
        """The figures of this run."""
        return {
            "clients": self.clients,
            "answered": len(self.latencies_ms),
            "rejected_503": self.rejected,
            "errors": self.errors,
            "degraded": self.degraded,
            "p50_ms": self.percentile(50),
            "p95_ms": self.percentile(95),
            "seconds": round(self.seconds, 1),
            "statuses": dict(sorted(self.statuses.items())),
        }


async def run(
    url: str, questions: list[str], clients: int, requests: int, headers: dict[str, str]
) -> Tally:
    """Send ``requests`` questions in all from ``clients`` concurrent clients."""
    tally = Tally(clients)
    feed = itertools.cycle(questions)
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=url, timeout=300, limits=limits, headers=headers
    ) as client:
        started = time.perf_counter()

        async def worker() -> None:
            nonlocal sent
            while sent < requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    response = await client.post("/ask", json={"question": next(feed)})
                except httpx.HTTPError:
                    tally.errors += 1
                    continue
                status = response.status_code
                tally.statuses[status] = tally.statuses.get(status, 0) + 1
                if status == 200:
                    tally.latencies_ms.append((time.perf_counter() - t0) * 1000)
                    tally.degraded += bool(response.json().get("degraded"))
                elif status == 503 and response.json()["error"]["code"] == "busy":
                    tally.rejected += 1
                    await asyncio.sleep(min(2.0, float(response.headers.get("Retry-After", 1))))
                else:
                    tally.errors += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
        tally.seconds = time.perf_counter() - started
    return tally


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for each client count and print one JSON line each."""
    parser = argparse.ArgumentParser(prog="python -m eval.concurrency", description=__doc__)
    parser.add_argument("--url", required=True, help="base URL of a running service")
    parser.add_argument("--clients", default="1,4,8", help="comma-separated client counts")
    parser.add_argument("--requests", type=int, default=16, help="questions per client count")
    parser.add_argument("--questions", type=Path, default=DEV_QA, help="JSONL with `question`")
    parser.add_argument("--api-key", default=None, help="sent as Authorization: Bearer")
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="skip the unmeasured first pass (each question once, one client) that fills the "
        "service's caches, so that every client count is measured in the same state",
    )
    args = parser.parse_args(argv)
    lines = args.questions.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    if not args.no_warm:
        asyncio.run(run(args.url, questions, 1, len(questions), headers))
    failed = False
    for clients in (int(c) for c in args.clients.split(",")):
        tally = asyncio.run(run(args.url, questions, clients, args.requests, headers))
        alive = httpx.get(f"{args.url}/healthz", timeout=10).status_code == 200
        print(json.dumps({**tally.summary(), "alive_after": alive}), flush=True)
        failed |= tally.errors > 0 or not alive
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
