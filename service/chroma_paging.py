"""Reading records from Chroma: many of them in pages, and some by id past a stale vector index.

Chroma (1.5, embedded) fails a ``get`` that returns more than SQLite's 32,766 bound variables
allow ("too many SQL variables": about 32k records with embeddings or metadata), so anything
that may read a whole collection goes through ``get_all``.

Embedded Chroma also fails a whole ``get`` by ids with embeddings ("Error finding id") when one
id is in SQLite but not in this process's in-memory vector index: another process wrote the
store after this one loaded it (chroma-core/chroma#3792; ``service.store_lock`` refuses that
at the entry points). ``get_readable`` then reads the ids one by one and leaves out those it
cannot read, so a search degrades instead of failing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

log = logging.getLogger(__name__)

PAGE = 10_000


def pages(collection: Any, *, page: int = PAGE, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """``collection.get(**kwargs)`` one page of ``page`` records at a time, by offset, until a
    page comes back short. A write between two pages may shift the offsets (a record seen
    twice or not at all): readers that need an exact snapshot must not rely on it."""
    offset = 0
    while True:
        got = collection.get(limit=page, offset=offset, **kwargs)
        yield got
        if len(got["ids"]) < page:
            return
        offset += page


def get_all(collection: Any, *, page: int = PAGE, **kwargs: Any) -> dict[str, Any]:
    """``collection.get(**kwargs)`` for any number of records: ids, and each included field,
    concatenated over pages of ``page`` records."""
    out: dict[str, list[Any]] = {"ids": []}
    fields = [f"{name}s" if not name.endswith("s") else name for name in kwargs.get("include", [])]
    for name in fields:
        out[name] = []
    for got in pages(collection, page=page, **kwargs):
        out["ids"] += list(got["ids"])
        for name in fields:
            values = got.get(name)
            out[name] += list(values) if values is not None else [None] * len(got["ids"])
    return out


def is_stale_index(exc: BaseException) -> bool:
    """Whether a Chroma error is embedded Chroma's "Error finding id": an id in SQLite that
    this process's vector index lacks (the only failure read past here)."""
    return "Error finding id" in str(exc)


def get_unless_stale(collection: Any, **kwargs: Any) -> dict[str, Any] | None:
    """``collection.get(**kwargs)``, or None when the read reached an id this process's vector
    index lacks (``is_stale_index``); any other failure of Chroma is raised, the caller's to
    report."""
    from chromadb.errors import InternalError

    try:
        got: dict[str, Any] = collection.get(**kwargs)
    except InternalError as exc:
        if not is_stale_index(exc):
            raise
        return None
    return got


def get_readable(collection: Any, ids: Sequence[str], include: list[str]) -> dict[str, Any]:
    """``collection.get(ids=ids, include=include)``, leaving out the records Chroma cannot read
    (see the module's docstring); the result holds ``ids`` and each included field."""
    got = get_unless_stale(collection, ids=list(ids), include=include)
    if got is not None:
        return got
    log.warning(
        "Chroma could not read %d records by id: the store was written by another process "
        "after this one opened it; reading them one by one. Restart this process to see that "
        "process's writes, or use a Chroma server (RAG_CHROMA_HOST).",
        len(ids),
    )
    out: dict[str, list[Any]] = {"ids": [], **{name: [] for name in include}}
    for one_id in ids:
        one = get_unless_stale(collection, ids=[one_id], include=include)
        if one is None:
            continue
        out["ids"] += list(one["ids"])
        for name in include:
            values = one.get(name)
            out[name] += list(values) if values is not None else [None] * len(one["ids"])
    return out
