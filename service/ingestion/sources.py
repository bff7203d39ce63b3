"""Loaders: files and folders (txt, md, html, json, jsonl) become raw documents with stable ids.

A document's id is its path relative to the folder given on the command line, without the
extension (``business/001``); a single file given directly is named by its stem. JSON records
use their own ``id`` when they carry one, else ``<file id>/<record number>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from service.ingestion.clean import parse_dateline

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# Share of control characters above which decoded bytes are not text.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class RawDocument:
    """One article as loaded, before cleaning."""

    doc_id: str
    source: str
    text: str
    origin: str  # absolute path of the file it came from (for prune)
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not ingested, and why."""

    source: str
    reason: str


class LoadError(Exception):
    """A file that cannot be read as an article; the message is the reason shown to the user."""


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Raises LoadError for binary or undecodable data.
    """
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes)")
    text: str | None = None
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # pragma: no cover - latin-1 decodes every byte string
        raise LoadError("undecodable text")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise LoadError("binary or undecodable file (too many control characters)")
    return text


def _read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    text = decode_bytes(data)
    if not text.strip():
        raise LoadError("empty file")
    return text


def _html_document(doc_id: str, source: str, origin: str, html: str) -> RawDocument:
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    published = None
    meta_keys: list[dict[str, Any]] = [
        {"property": "article:published_time"},
        {"name": "date"},
        {"name": "pubdate"},
        {"itemprop": "datePublished"},
    ]
    for attrs in meta_keys:
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content"):
            parsed = parse_dateline(str(meta["content"])[:10])
            published = parsed[0] if parsed else None
            break
    if published is None and (t := soup.find("time")) and t.get("datetime"):
        parsed = parse_dateline(str(t["datetime"])[:10])
        published = parsed[0] if parsed else None
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [
        el.get_text(" ", strip=True)
        for el in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre"])
    ]
    text = "\n\n".join(b for b in blocks if b) or body.get_text("\n", strip=True)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    if not text.strip():
        raise LoadError("HTML page has no text")
    return RawDocument(doc_id, source, text, origin, title=title, published=published)


def _json_records(path: Path, text: str) -> list[object]:
    if path.suffix == ".jsonl":
        records: list[object] = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                records.append(LoadError(f"line {n}: invalid JSON ({exc.msg})"))
        return records
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    return data if isinstance(data, list) else [data]


def _record_document(file_id: str, source: str, origin: str, n: int, record: object) -> RawDocument:
    if isinstance(record, LoadError):
        raise record
    if not isinstance(record, dict):
        raise LoadError(f"record {n}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(f"record {n}: missing or empty 'text'")
    raw_id = record.get("id")
    doc_id = str(raw_id).strip("/") if raw_id not in (None, "") else f"{file_id}/{n}"
    published = None
    if isinstance(record.get("published"), str):
        parsed = parse_dateline(record["published"][:10])
        published = parsed[0] if parsed else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return RawDocument(
        doc_id, url or f"{source}#{n}", text, origin, title=title, published=published
    )


def load_file(path: Path, doc_id: str) -> Iterator[RawDocument | Skipped]:
    """Load one file: yields its documents (several for JSON) and any skipped records."""
    source = str(path.resolve())
    origin = str(path.resolve())
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise LoadError(f"unsupported file type '{suffix or path.name}'")
        text = _read_text_file(path)
        if suffix in TEXT_SUFFIXES:
            yield RawDocument(doc_id, source, text, origin)
        elif suffix in HTML_SUFFIXES:
            yield _html_document(doc_id, source, origin, text)
        else:
            for n, record in enumerate(_json_records(path, text), start=1):
                try:
                    yield _record_document(doc_id, source, origin, n, record)
                except LoadError as exc:
                    yield Skipped(f"{source}#{n}", str(exc))
    except LoadError as exc:
        yield Skipped(source, str(exc))


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str] | Skipped]:
    """Every file under ``paths`` with its document id, in a stable (sorted) order."""
    for root in paths:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = path.relative_to(root)
                if any(part.startswith(".") for part in rel.parts):
                    continue  # hidden files and folders (.DS_Store, .git) are not articles
                yield path, rel.with_suffix("").as_posix()
        elif root.is_file():
            yield root, root.stem
        else:
            yield Skipped(str(root), "no such file or folder")


def load_paths(paths: list[Path]) -> Iterator[RawDocument | Skipped]:
    """Load every article under ``paths``; problems come back as ``Skipped``, never raised."""
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from load_file(*item)
