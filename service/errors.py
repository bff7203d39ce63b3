"""The error hierarchy; the HTTP layer maps each class to one status code in one place."""

from __future__ import annotations


class NewsQAError(Exception):
    """Base of every error this project raises on purpose; its message is shown to the user."""

    status_code = 500


class IndexMismatchError(NewsQAError):
    """The collection was built with another embedding model or chunking."""

    status_code = 409


class IndexUnavailableError(NewsQAError):
    """Chroma cannot be reached or opened."""

    status_code = 503


class EmptyIndexError(NewsQAError):
    """Nothing has been ingested yet."""

    status_code = 503


class ConfigurationError(NewsQAError):
    """A setting names something that cannot be used (unknown model, missing extra)."""

    status_code = 500


class NotFoundError(NewsQAError):
    """A requested document does not exist."""

    status_code = 404


class UnauthorizedError(NewsQAError):
    """No API key, or one that is not accepted."""

    status_code = 401


class ForbiddenError(NewsQAError):
    """A valid key without the right to do this (writes need an admin key)."""

    status_code = 403
