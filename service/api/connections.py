"""Slow clients: a bound on the time a connection may take to send a request's headers.

uvicorn closes idle keep-alive connections (``timeout_keep_alive``) but has no bound on a
request's headers: a client sending one byte at a time (slowloris) holds its connection, and a
connection that sends nothing after connecting is never closed. ``bounded_http_protocol``
returns uvicorn's httptools protocol with a timer that starts when a connection opens (and
when each new request begins) and closes the connection if the headers are not complete within
``header_timeout`` seconds. Body time is bounded by ``BodyLimitMiddleware``.

Why hand-written: uvicorn exposes no header timeout; this subclasses its own protocol and
touches only connection set-up and the two parser callbacks.
"""

from __future__ import annotations

import asyncio
import logging

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("service.connections")


class _HeaderDeadlineProtocol(HttpToolsProtocol):
    """httptools protocol whose requests must finish their headers within ``header_timeout``."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        if getattr(self, "_header_timer", None) is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            log.info(
                "closed a connection that sent no complete headers in %gs", self.header_timeout
            )
            self.transport.close()

    def on_message_begin(self) -> None:
        """A new request on this connection: its headers have ``header_timeout`` to arrive."""
        super().on_message_begin()
        self._arm_header_timer()

    def on_headers_complete(self) -> None:
        """Headers are in: the request proceeds (its body has RAG_BODY_TIMEOUT)."""
        self._disarm_header_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        """Between requests, uvicorn's keep-alive timeout applies instead."""
        self._disarm_header_timer()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        """Nothing to time any more."""
        self._disarm_header_timer()
        super().connection_lost(exc)


def bounded_http_protocol(header_timeout: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with a header deadline of ``header_timeout`` seconds."""
    return type(
        "BoundedHttpToolsProtocol", (_HeaderDeadlineProtocol,), {"header_timeout": header_timeout}
    )
