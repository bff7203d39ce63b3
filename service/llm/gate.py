"""The generation gate: one generation at a time per in-process model, behind a bounded queue.

llama.cpp's context is not thread-safe: two request threads decoding on one ``Llama`` instance
abort the process (``GGML_ASSERT``). Every use of an in-process model (answers, follow-up
rewriting, the start-up warm-up) therefore holds this gate.

Two steps, so that load is refused *before* any work and before a stream's first event:

* ``admit()`` (the HTTP routes, as a dependency): takes one of ``slots + queue`` places without
  waiting, or raises ``ServiceBusyError`` at once (→ 503 with ``Retry-After``).
* ``generation(deadline)`` (the provider, around the model call): waits for the model until
  ``deadline`` (→ ``GenerationTimeoutError``: the service answers extractively, ``degraded``);
  refuses with ``ServiceBusyError`` if ``2 * slots + queue`` callers already wait or run (the
  admitted requests plus one caller per slot that was not admitted: the start-up warm-up),
  so that an admitted request is never refused half-way, and nothing waits unbounded.

Why hand-written: ``threading.Semaphore`` cannot say how many wait, refuse when a queue is full,
or report wait times; this is a counter pair under one ``threading.Condition``. Thread-safe by
design: every counter is read and written only with the condition's lock held, and the slot is
not owned by a thread (a stream is pulled from several worker threads in turn).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from service.errors import GenerationTimeoutError, ServiceBusyError


@dataclass(frozen=True)
class GateState:
    """A snapshot of the gate (for /metrics and /readyz)."""

    running: int
    waiting: int
    admitted: int
    capacity: int


class GenerationGate:
    """One generation at a time (``slots``) per model instance, at most ``queue`` waiting."""

    def __init__(
        self,
        name: str,
        *,
        queue: int,
        slots: int = 1,
        retry_after: float = 2.0,
    ) -> None:
        if slots < 1 or queue < 0:
            raise ValueError("a gate needs slots >= 1 and queue >= 0")
        self.name = name
        self.slots = slots
        self.queue = queue
        self.retry_after = retry_after
        #: Called with the seconds each generation waited for the model (metrics hook).
        self.on_wait: Callable[[float], None] | None = None
        #: Called with "queue_full" | "wait_timeout" when a caller is turned away.
        self.on_reject: Callable[[str], None] | None = None
        self._cond = threading.Condition()
        self._running = 0
        self._waiting = 0
        self._admitted = 0

    @property
    def capacity(self) -> int:
        """Requests that may be inside at once: running plus queued."""
        return self.slots + self.queue

    def state(self) -> GateState:
        """Counters, read consistently."""
        with self._cond:
            return GateState(self._running, self._waiting, self._admitted, self.capacity)

    def _busy(self, why: str) -> ServiceBusyError:
        if self.on_reject:
            self.on_reject(why)
        return ServiceBusyError(
            f"the service is busy: {self.capacity} questions are already being answered or "
            f"waiting for the model; try again in {self.retry_after:g} s",
            retry_after=self.retry_after,
        )

    @contextmanager
    def admit(self) -> Iterator[None]:
        """Reserve a place for a request, without waiting; ServiceBusyError when all are taken."""
        with self._cond:
            if self._admitted >= self.capacity:
                raise self._busy("queue_full")
            self._admitted += 1
        try:
            yield
        finally:
            with self._cond:
                self._admitted -= 1

    @contextmanager
    def generation(self, deadline: float) -> Iterator[None]:
        """Hold the model until the block ends.

        Waits until ``deadline`` (``time.monotonic()`` seconds) at most: GenerationTimeoutError
        then; ServiceBusyError at once when ``capacity`` callers are already inside.
        """
        asked = time.monotonic()
        with self._cond:
            if self._running + self._waiting >= self.capacity + self.slots:
                raise self._busy("queue_full")
            self._waiting += 1
            try:
                while self._running >= self.slots:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        if self.on_reject:
                            self.on_reject("wait_timeout")
                        raise GenerationTimeoutError(
                            f"waited {time.monotonic() - asked:.1f} s for the model "
                            "(RAG_LLM_TIMEOUT) while other questions were answered"
                        )
                    self._cond.wait(remaining)
            finally:
                self._waiting -= 1
            self._running += 1
        if self.on_wait:
            self.on_wait(time.monotonic() - asked)
        try:
            yield
        finally:
            with self._cond:
                self._running -= 1
                self._cond.notify()
