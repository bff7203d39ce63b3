"""One error tree, one HTTP mapping with explicit, stable codes; no server paths in messages."""

from __future__ import annotations

import inspect
import re

import service.errors as errors
from service.api.errors import ERROR_STATUS, status_of
from service.errors import NewsQAError, scrub_paths

ERROR_CLASSES = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, NewsQAError) and cls.__module__ == "service.errors"
]


def test_every_error_class_has_its_own_status_and_code() -> None:
    missing = [c.__name__ for c in ERROR_CLASSES if c not in ERROR_STATUS]
    assert missing == []
    for cls, (status, code) in ERROR_STATUS.items():
        assert 400 <= status < 600, cls
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", code), code


def test_the_codes_clients_switch_on() -> None:
    """These codes are public (README's API table): changing one breaks clients."""
    expected = {
        "UnauthorizedError": (401, "unauthorized"),
        "ForbiddenError": (403, "forbidden"),
        "NotFoundError": (404, "not_found"),
        "PayloadTooLargeError": (413, "payload_too_large"),
        "InvalidRequestError": (422, "invalid_request"),
        "RateLimitedError": (429, "rate_limited"),
        "ServiceBusyError": (503, "busy"),
        "EmptyIndexError": (503, "empty_index"),
        "IndexUnavailableError": (503, "index_unavailable"),
    }
    for name, mapping in expected.items():
        assert ERROR_STATUS[getattr(errors, name)] == mapping


def test_an_unlisted_subclass_gets_its_nearest_ancestors_mapping() -> None:
    class Local(errors.ServiceBusyError):
        pass

    assert status_of(Local("x")) == (503, "busy")


def test_provider_errors_are_re_exported_from_their_old_modules() -> None:
    from service.llm.base import ProviderError
    from service.llm.recording import ReplayMissError

    assert ProviderError is errors.ProviderError and ReplayMissError is errors.ReplayMissError


def test_absolute_paths_are_cut_to_their_last_part() -> None:
    text = "cannot load /srv/newsqa/models/SmolLM2.gguf: bad magic"
    assert scrub_paths(text) == "cannot load …/SmolLM2.gguf: bad magic"
    kept = "see http://127.0.0.1:8080/v1/models and data/articles/a.txt"
    assert scrub_paths(kept) == kept
