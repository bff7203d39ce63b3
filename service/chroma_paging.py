"""Reading many records from Chroma in pages.

Chroma (1.5, embedded) fails a ``get`` that returns more than SQLite's 32,766 bound variables
allow ("too many SQL variables": about 32k records with embeddings or metadata), so anything
that may read a whole collection goes through ``get_all``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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
