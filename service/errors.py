"""The one error hierarchy of the project.

Every error raised on purpose derives from ``NewsQAError``; its message is written for the user
(what went wrong and what to do) and never holds a secret or a server path. Classes say *what*
happened; which HTTP status and public ``code`` each gets is decided in one table,
``service/api/errors.py`` (the only place that knows about HTTP).

```
NewsQAError
├── ConfigurationError          a setting names something unusable
├── IndexProblem
│   ├── IndexMismatchError      collection built with another model or chunking
│   ├── IndexUnavailableError   Chroma cannot be reached or opened
│   ├── IndexInUseError         the embedded store is open in another process
│   └── EmptyIndexError         nothing ingested yet
├── NotFoundError               no such document
├── InvalidRequestError         well-formed but unacceptable request
│   ├── UnparsableBodyError     a body that is not UTF-8 or is nested too deeply to read
│   ├── PayloadTooLargeError    body larger than RAG_MAX_BODY_BYTES (or upload limits)
│   ├── InvalidDocumentError    a document or file POST /documents cannot ingest
│   ├── UnsupportedMediaTypeError  a body or file type the ingest job does not read
│   └── ChatParamError          a chat completion parameter the service cannot honour
├── DocumentConflictError       the ingest job declined a document that passed the checks
├── UnauthorizedError           missing or wrong API key
├── ForbiddenError              a valid key without the right to do this
├── RateLimitedError            too many requests for this key or client
├── ServiceBusyError            generation queue full (or too many open streams)
├── ProviderError               the model failed: the service falls back, never a 5xx
│   ├── GenerationTimeoutError  RAG_LLM_TIMEOUT passed (waiting or generating)
│   └── ReplayMissError         no recorded answer for this prompt
└── LoadError                   one input file cannot be read (ingest skips it)
```
"""

from __future__ import annotations

import re

_ABSOLUTE_PATH = re.compile(r"(?<![\w.:/~-])/(?:[\w.@+~-]+/)+([\w.@+~-]*)")


def scrub_paths(text: str) -> str:
    """``text`` with absolute server paths cut to their last part (``/srv/a/b.gguf`` →
    ``…/b.gguf``): messages reach users, and the server's layout is nobody's business."""
    return _ABSOLUTE_PATH.sub(lambda m: "…/" + m.group(1), text)


class NewsQAError(Exception):
    """Base of every error this project raises on purpose; its message is shown to the user."""


class ConfigurationError(NewsQAError):
    """A setting names something that cannot be used (unknown model, missing extra)."""


class IndexProblem(NewsQAError):
    """The index cannot answer (base of the index errors)."""


class IndexMismatchError(IndexProblem):
    """The collection was built with another embedding model or chunking."""


class IndexUnavailableError(IndexProblem):
    """Chroma cannot be reached or opened."""


class IndexInUseError(IndexProblem):
    """The embedded store is open in another process that may write it (``service.store_lock``)."""


class StoreSharedError(IndexProblem):
    """A write over HTTP to an embedded store that other services share (``service.store_lock``):
    they would not see it until restarted."""


class EmptyIndexError(IndexProblem):
    """Nothing has been ingested yet."""


class NotFoundError(NewsQAError):
    """A requested document does not exist."""


class InvalidRequestError(NewsQAError):
    """The request is well-formed JSON but asks for something we do not accept."""


class UnparsableBodyError(InvalidRequestError):
    """A request body that cannot be read as JSON text at all: not UTF-8, or nested too deeply."""

    MESSAGE = (
        "the request body cannot be parsed: send JSON encoded as UTF-8, "
        "without deeply nested arrays or objects"
    )

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)


class PayloadTooLargeError(InvalidRequestError):
    """The request body is larger than ``RAG_MAX_BODY_BYTES``."""


class InvalidDocumentError(InvalidRequestError):
    """A document or file that cannot be ingested; the message gives the reason."""


class UnsupportedMediaTypeError(InvalidRequestError):
    """A request body or file type the ingest job does not read."""


class ChatParamError(InvalidRequestError):
    """A chat completion parameter the service cannot honour; ``param`` names it."""

    def __init__(
        self, message: str, param: str | None, code: str = "unsupported_parameter"
    ) -> None:
        super().__init__(message)
        self.param = param
        self.code = code


class DocumentConflictError(NewsQAError):
    """The ingest job declined a document that passed the checks (e.g. an id it refuses)."""


class UnauthorizedError(NewsQAError):
    """No API key, or one that is not configured (keys on: ``RAG_API_KEYS``)."""


class ForbiddenError(NewsQAError):
    """A valid key that may not do this (write endpoints need ``RAG_ADMIN_KEYS``)."""


class RetryLater(NewsQAError):
    """An error the client should retry after ``retry_after`` seconds."""

    def __init__(self, message: str, *, retry_after: float = 1.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimitedError(RetryLater):
    """This key or client address sent more requests than ``RAG_RATE_LIMIT`` allows."""


class ServiceBusyError(RetryLater):
    """The generation queue is full (or too many streams are open): try again shortly."""


class ProviderError(NewsQAError):
    """The model failed (timeout, unreachable, malformed output): the service falls back."""


class GenerationTimeoutError(ProviderError):
    """``RAG_LLM_TIMEOUT`` passed before the model finished (or before it could start)."""


class ReplayMissError(ProviderError):
    """No recording exists for a prompt."""


class LoadError(NewsQAError):
    """One input file cannot be read; ingest skips it with this reason."""
