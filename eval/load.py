"""A closed-loop HTTP load generator: N clients, each sending its next request when the last
one is answered. Written by hand (a few lines of aiohttp) so the benchmark needs no extra tool.

The generator runs on the same 2 cores as the service; at high request rates it takes a share
of the CPU the service could have had, so figures are a lower bound of the service's own speed.
It uses aiohttp (already installed with llama-index) rather than httpx because it is the
cheaper client: against the samples+BBC service at 8 clients (2026-12-01), httpx's
``AsyncClient`` spent 1.7 ms of CPU per ``/search`` request and aiohttp 0.5-0.6 ms, so the
service got ~0.1 core more and served ~5-10 % more requests in the same run.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import aiohttp


@dataclass
class LoadResult:
    """Latencies of the successful requests and the throughput of one load run."""

    path: str
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def percentile(self, p: float) -> float | None:
        """The p-th percentile latency (nearest rank), in ms."""
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        rank = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
        return round(ordered[rank], 1)

    def summary(self) -> dict[str, Any]:
        """p50/p95/p99 latency, requests per second, counts."""
        return {
            "path": self.path,
            "clients": self.clients,
            "requests": len(self.latencies_ms),
            "errors": self.errors,
            "p50_ms": self.percentile(50),
            "p95_ms": self.percentile(95),
            "p99_ms": self.percentile(99),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1) if self.latencies_ms else None,
            "rps": round(len(self.latencies_ms) / self.seconds, 1) if self.seconds else None,
        }


async def _run(
    url: str,
    path: str,
    payloads: list[dict[str, Any]],
    clients: int,
    *,
    requests: int | None,
    seconds: float | None,
) -> LoadResult:
    result = LoadResult(path, clients)
    feed = itertools.cycle(payloads)
    sent = 0
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(url, connector=connector, timeout=timeout) as client:
        started = time.perf_counter()
        deadline = started + seconds if seconds else None

        async def worker() -> None:
            nonlocal sent
            while True:
                if requests is not None and sent >= requests:
                    return
                if deadline is not None and time.perf_counter() >= deadline:
                    return
                sent += 1
                payload = next(feed)
                t0 = time.perf_counter()
                try:
                    async with client.post(path, json=payload) as response:
                        await response.read()
                        ok = response.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    ok = False
                if ok:
                    result.latencies_ms.append((time.perf_counter() - t0) * 1000)
                else:
                    result.errors += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
        result.seconds = time.perf_counter() - started
    return result


def run_load(
    url: str,
    path: str,
    payloads: list[dict[str, Any]],
    clients: int,
    *,
    requests: int | None = None,
    seconds: float | None = None,
) -> LoadResult:
    """Send ``payloads`` (cycled) to ``url + path`` from ``clients`` concurrent clients, until
    ``requests`` have been sent or ``seconds`` have passed.

    Callable from a thread that already runs an event loop (a notebook, or Playwright's sync
    API in the same test session): the load then runs on its own loop in a worker thread."""
    if requests is None and seconds is None:
        raise ValueError("give requests or seconds")

    def run() -> LoadResult:
        return asyncio.run(_run(url, path, payloads, clients, requests=requests, seconds=seconds))

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()
