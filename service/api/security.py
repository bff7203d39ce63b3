"""Who may ask, and how much: API keys, admin keys, per-client rate limits, open streams.

* ``RAG_API_KEYS`` unset: the API is open (as before keys existed). Set: every router but
  health requires ``Authorization: Bearer <key>`` or ``X-API-Key: <key>`` → 401 otherwise.
* ``RAG_ADMIN_KEYS``: keys for write endpoints (``require_admin_key``); an admin key is also
  an API key. Unset: write endpoints are open when the API is open, refused (403) when
  ``RAG_API_KEYS`` is set, so turning keys on never leaves writes open by accident.
* Keys are compared as SHA-256 digests with ``hmac.compare_digest`` against every configured
  key (no early exit), never logged or echoed; logs and limits see a short fingerprint.
* ``RateLimiter``: a token bucket per key (or per client address when keys are off) → 429.

Why hand-written: FastAPI's ``HTTPBearer``/``APIKeyHeader`` only read a header (and answer 403
in their own error format); the comparison, the two key sets and the error tree are the
project's. The token bucket is a few lines over ``service.lru.LRU`` (bounded memory), where a
rate-limit package would bring its own storage backends and error types.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from service.config import Settings, split_keys
from service.errors import ForbiddenError, RateLimitedError, ServiceBusyError, UnauthorizedError
from service.lru import LRU

Role = Literal["anonymous", "api", "admin"]


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


def fingerprint(key: str) -> str:
    """A short, non-reversible name for a key (logs, metrics, rate limits)."""
    return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]


class KeyRing:
    """The configured keys, as digests. Immutable after construction: thread-safe."""

    def __init__(self, api_keys: list[str], admin_keys: list[str]) -> None:
        self._api = [_digest(k) for k in api_keys]
        self._admin = [_digest(k) for k in admin_keys]

    @classmethod
    def from_settings(cls, settings: Settings) -> KeyRing:
        """Keys from ``RAG_API_KEYS`` and ``RAG_ADMIN_KEYS``."""
        return cls(split_keys(settings.api_keys), split_keys(settings.admin_keys))

    @property
    def enabled(self) -> bool:
        """Whether any key is configured (else the API is open)."""
        return bool(self._api or self._admin)

    @property
    def admin_configured(self) -> bool:
        """Whether write endpoints have keys of their own."""
        return bool(self._admin)

    def role_of(self, presented: str | None) -> Role:
        """What a presented key may do; every configured key is compared (constant time)."""
        if not presented:
            return "anonymous"
        digest = _digest(presented)
        is_api = False
        is_admin = False
        for known in self._api:
            is_api |= hmac.compare_digest(digest, known)
        for known in self._admin:
            is_admin |= hmac.compare_digest(digest, known)
        return "admin" if is_admin else "api" if is_api else "anonymous"


def presented_key(request: Request) -> str | None:
    """The key a request carries: ``Authorization: Bearer <key>`` or ``X-API-Key``."""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-api-key") or None


def client_address(request: Request) -> str:
    """The peer address (a reverse proxy in front must be trusted via uvicorn's proxy flags)."""
    return "addr:" + (request.client.host if request.client else "unknown")


def _keys(request: Request) -> KeyRing:
    ring = getattr(request.app.state, "keys", None)
    if ring is None:  # an app built without create_app (e.g. a test's bare FastAPI)
        ring = KeyRing.from_settings(request.app.state.settings)
        request.app.state.keys = ring
    assert isinstance(ring, KeyRing)
    return ring


def _authenticate(request: Request) -> Role:
    ring = _keys(request)
    key = presented_key(request)
    role = ring.role_of(key)
    if key and role != "anonymous":
        request.state.client_id = fingerprint(key)
    else:
        request.state.client_id = client_address(request)
    if not ring.enabled:
        return "admin"  # open mode: everything allowed, as before keys existed
    if role == "anonymous":
        limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
        if limiter is not None:  # guessing keys costs tokens of the address's bucket
            limiter.take(client_address(request))
        if key is None:
            raise UnauthorizedError(
                "this endpoint needs an API key: send `Authorization: Bearer <key>` or "
                "`X-API-Key: <key>` (keys are set by the operator in RAG_API_KEYS)"
            )
        raise UnauthorizedError("the API key is not valid; check it with the operator")
    return role


async def require_api_key(request: Request) -> None:
    """FastAPI dependency: a valid API (or admin) key, when keys are configured."""
    _authenticate(request)


async def require_admin_key(request: Request) -> None:
    """FastAPI dependency for write endpoints: an admin key (see the module docstring)."""
    role = _authenticate(request)
    ring = _keys(request)
    if not ring.enabled or role == "admin":
        return
    if not ring.admin_configured:
        raise ForbiddenError("write endpoints are disabled: the operator has set no RAG_ADMIN_KEYS")
    raise ForbiddenError("this key may read but not write; write endpoints need an admin key")


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client: ``per_minute`` tokens refill a bucket of ``burst``.

    Thread-safe: every bucket update holds one lock. At most ``clients`` buckets are kept
    (least recently seen dropped: a dropped client starts again with a full bucket).
    """

    def __init__(self, per_minute: float, burst: int, *, clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: LRU[str, _Bucket] = LRU(clients)
        self._lock = threading.Lock()

    def take(self, who: str) -> None:
        """Spend one token of ``who``'s bucket, or raise RateLimitedError with Retry-After."""
        if self.rate <= 0:
            return
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.get(who) or _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            self._buckets.put(who, bucket)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = (1.0 - bucket.tokens) / self.rate
        raise RateLimitedError(
            f"too many requests: this client may send {self.rate * 60:g} per minute "
            f"(bursts of {self.burst:g}); retry in {math.ceil(wait)} s",
            retry_after=wait,
        )


async def rate_limit(request: Request) -> None:
    """FastAPI dependency (after ``require_api_key``): one token of this client's bucket."""
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None:
        return
    who = getattr(request.state, "client_id", None) or client_address(request)
    limiter.take(who)


class StreamSlots:
    """At most ``limit`` open streams. Thread-safe: the counter is changed under a lock."""

    def __init__(self, limit: int, retry_after: float) -> None:
        self.limit = limit
        self.retry_after = retry_after
        self.open = 0
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Take a slot or raise ServiceBusyError."""
        with self._lock:
            if self.open >= self.limit:
                raise ServiceBusyError(
                    f"the service is busy: {self.limit} answers are already streaming; try "
                    f"again in {self.retry_after:g} s",
                    retry_after=self.retry_after,
                )
            self.open += 1

    def release(self) -> None:
        """Give a slot back."""
        with self._lock:
            self.open -= 1


async def stream_slot(request: Request) -> AsyncIterator[None]:
    """FastAPI dependency: one of ``RAG_MAX_STREAMS`` open-stream slots, for the stream's life."""
    slots: StreamSlots | None = getattr(request.app.state, "stream_slots", None)
    if slots is None:
        yield
        return
    slots.acquire()
    try:
        yield
    finally:
        slots.release()
