"""Loaders: files and folders (txt, md, html, json, jsonl) become raw documents with stable ids.

A document's id is its path relative to the folder given on the command line, without the
extension (``business/001``); a single file given directly is named by its stem. JSON records
are named inside their file: ``<file id>/<record id>`` when they carry an ``id``, else
``<file id>/<record number>``, so a record can never take the id of an article of another file.

A document's ``source`` is what users see: the file's path relative to the folder ingested
(``business/001.txt``, ``feed.jsonl#3``), or a record's http(s) ``url``; never a server path.

Hostile or broken input is skipped with its reason and never ends the run: any error while
reading one file becomes a ``Skipped``. Links are not followed out of the folder ingested, only
regular files are read, and ``max_doc_bytes`` caps what one article may weigh (a ``.jsonl``
feed is read line by line, so the cap applies to each of its records, not to the feed).
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from bs4 import BeautifulSoup

from service.config import Settings
from service.errors import LoadError
from service.ingestion.clean import PUBLISHED_FORMS, decode_character_references, published_date

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# Share of control characters above which decoded bytes are not text.
_MAX_CONTROL_SHARE = 0.01
# RAG_MAX_DOC_BYTES's default, for callers without settings.
DEFAULT_MAX_DOC_BYTES: int = Settings.model_fields["max_doc_bytes"].default
# Longest document id, in characters (ids are URL paths and Chroma keys).
MAX_ID_CHARS = 512
# Longest title kept, in characters (see ``bounded_title``).
MAX_TITLE_CHARS = 300
# Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class RawDocument:
    """One article as loaded, before cleaning."""

    doc_id: str
    source: str  # shown to users: path relative to the folder ingested, or the article's URL
    text: str
    origin: str  # absolute path of the file it came from (for prune; never shown)
    title: str | None = None
    published: str | None = None
    # a record's ``published`` that is no date: the CLI keeps the record without one (and says
    # so in its log); an HTTP upload refuses it (422), as the JSON body does
    date_problem: str | None = None


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A file or record that was not ingested, and why."""

    source: str
    reason: str


@dataclasses.dataclass(frozen=True)
class SourceFile:
    """A file to load: where to read it, the id it gives, how users see it, where it lives."""

    path: Path
    doc_id: str
    source: str
    origin: str


def too_large(max_doc_bytes: int, size: int | None = None) -> str:
    """The reason given for an article over ``RAG_MAX_DOC_BYTES`` (``size`` when known)."""
    known = f"{size:,} bytes, " if size is not None else ""
    return f"{known}larger than RAG_MAX_DOC_BYTES ({max_doc_bytes:,} bytes)"


def id_problem(doc_id: str) -> str | None:
    """Why ``doc_id`` cannot name a document, or None when it can.

    An id is a Chroma key and a URL path (``/documents/{id}``): it must be non-empty, of
    bounded length, free of control, invisible-format and surrogate characters, and made of
    non-empty ``/``-separated segments other than ``.`` and ``..``.
    """
    if not doc_id:
        return "empty"
    if len(doc_id) > MAX_ID_CHARS:
        return f"longer than {MAX_ID_CHARS} characters"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in doc_id):
        return "contains control or invisible characters"
    if any(part.strip() in ("", ".", "..") for part in doc_id.split("/")):
        return "has an empty, '.' or '..' path segment"
    return None


def bounded_title(title: str) -> str:
    """``title`` cut to ``MAX_TITLE_CHARS`` at a word boundary, with an ellipsis.

    A title rides along on every chunk's metadata: an article whose first line is a megabyte
    long must not store that megabyte once per chunk.
    """
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[: MAX_TITLE_CHARS - 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return head.rstrip() + "…"


def public_source(source: str) -> str:
    """A stored ``source`` as users may see it.

    Records written before sources were stored relative hold the absolute server path of their
    file; for those only the file name is shown (the next ingest rewrites them).
    """
    if source.startswith(("http://", "https://")) or not PurePosixPath(source).is_absolute():
        return source
    return PurePosixPath(source).name


def _bom(data: bytes) -> tuple[str, str] | None:
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            return codec, name
    return None


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: by their byte-order mark (UTF-8, UTF-16, UTF-32) when they have
    one, else UTF-8, else Windows-1252, else Latin-1.

    Raises LoadError for binary or undecodable data.
    """
    text: str | None = None
    bom = _bom(data)
    if bom is not None:
        codec, name = bom
        try:
            text = data.decode(codec)  # these codecs drop the mark itself
        except UnicodeDecodeError as exc:
            raise LoadError(f"undecodable {name} text ({exc.reason})") from exc
    else:
        if b"\x00" in data[:8192]:
            raise LoadError("binary file (contains NUL bytes)")
        for encoding in ("utf-8", "cp1252", "latin-1"):
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


def _open_regular(path: Path) -> io.BufferedReader:
    """Open a regular file for reading, refusing anything else.

    ``O_NOFOLLOW`` and ``O_NONBLOCK``: a file swapped for a link after it was checked is not
    followed, and a FIFO or device put in the folder cannot block the run.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise LoadError("not a regular file")
    return os.fdopen(fd, "rb")


def _read_text_file(path: Path, max_doc_bytes: int) -> str:
    with _open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_doc_bytes:
            raise LoadError(too_large(max_doc_bytes, size))
        data = f.read(max_doc_bytes + 1)  # a file growing while read is still capped
    if len(data) > max_doc_bytes:
        raise LoadError(too_large(max_doc_bytes, len(data)))
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
            day = published_date(str(meta["content"]))
            published = day.isoformat() if day else None
            break
    if published is None and (t := soup.find("time")) and t.get("datetime"):
        day = published_date(str(t["datetime"]))
        published = day.isoformat() if day else None
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


def _parse_json(text: str) -> object:
    """``json.loads`` with its failures as reasons (a nesting too deep for the parser raises
    RecursionError; an integer of too many digits, ValueError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise LoadError("invalid JSON (nested too deeply)") from exc
    except ValueError as exc:  # only the integer limit is left ("use sys.set_int_max_…")
        raise LoadError("invalid JSON (a number of more than 4,300 digits)") from exc


def _capped_lines(f: io.BufferedReader, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a file as bytes, each at most ``max_bytes`` long (without its line end).

    A longer line gives None; its rest is read and dropped piece by piece, never held whole.
    A UTF-16/32 file (known by its byte-order mark) is decoded and its lines re-encoded as UTF-8.
    """
    bom = _bom(f.peek(4)[:4])
    if bom is not None and bom[1] != "UTF-8":
        stream = io.TextIOWrapper(f, encoding=bom[0])
        read: Callable[[], bytes] = lambda: stream.readline(max_bytes + 1).encode("utf-8")  # noqa: E731
    else:
        read = lambda: f.readline(max_bytes + 1)  # noqa: E731
    while line := read():
        if len(line.rstrip(b"\r\n")) <= max_bytes:
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = read()
        yield None


def _jsonl_records(f: io.BufferedReader, max_doc_bytes: int) -> Iterator[object]:
    """Records of a JSON Lines file, read line by line; a bad line gives a LoadError in its
    place (and is then skipped alone)."""
    sniff = f.peek(8192)[:8192]
    if _bom(sniff) is None and b"\x00" in sniff:
        raise LoadError("binary file (contains NUL bytes)")
    try:
        for n, line in enumerate(_capped_lines(f, max_doc_bytes), start=1):
            if line is None:
                yield LoadError(f"line {n}: {too_large(max_doc_bytes)}")
                continue
            try:
                text = decode_bytes(line)
                if text.strip():
                    yield _parse_json(text)
            except LoadError as exc:
                yield LoadError(f"line {n}: {exc}")
    except UnicodeDecodeError as exc:
        raise LoadError(f"undecodable text ({exc.reason})") from exc


def _record_id(file_id: str, n: int, record: dict[str, Any]) -> str:
    if "id" not in record or record["id"] is None:
        return f"{file_id}/{n}"
    raw = record["id"]
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise LoadError(f"record {n}: 'id' must be a string or an integer")
    local = str(raw).strip().strip("/")
    problem = id_problem(local) or id_problem(f"{file_id}/{local}")
    if problem:
        raise LoadError(f"record {n}: unusable id {str(raw)[:80]!r} ({problem})")
    return f"{file_id}/{local}"


def _record_document(file_id: str, source: str, origin: str, n: int, record: object) -> RawDocument:
    if isinstance(record, LoadError):
        raise record
    if not isinstance(record, dict):
        raise LoadError(f"record {n}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(f"record {n}: missing or empty 'text'")
    doc_id = _record_id(file_id, n, record)
    raw_date = record.get("published")
    day = published_date(raw_date) if isinstance(raw_date, str) else None
    published = day.isoformat() if day else None
    date_problem = None
    blank = raw_date is None or (isinstance(raw_date, str) and not raw_date.strip())
    if not blank and published is None:
        # kept without a date (the text is fine), but said: a date filter will not find it
        date_problem = f"record {n}: 'published' {raw_date!r:.40} is not a date ({PUBLISHED_FORMS})"
        log.warning("%s: %s; stored without one", source, date_problem)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    url = record.get("url")
    if not (
        isinstance(url, str) and url.lower().startswith(("http://", "https://")) and len(url) < 2048
    ):
        url = None
    return from_markup(
        RawDocument(
            doc_id,
            url or f"{source}#{n}",
            text,
            origin,
            title=title,
            published=published,
            date_problem=date_problem,
        )
    )


# An HTML page pasted as text: a doctype, an <html>, <head> or <body> element first (after a
# byte-order mark, an XML declaration or comments). A fragment ("<p> is the paragraph tag …")
# is kept as text: reading it as a page would keep its blocks only and drop the rest.
_MARKUP = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def from_markup(doc: RawDocument) -> RawDocument:
    """``doc`` with an HTML page in its text read as an .html file is (title, date, the
    article's blocks, no scripts or navigation); other text as it is. review63: HTML pasted
    into a JSON body was stored with its tags, the title a run of markup. The record's own
    title and date, when it gives them, win over the page's."""
    if not _MARKUP.search(doc.text[:100_000]):
        return doc
    page = _html_document(doc.doc_id, doc.source, doc.origin, doc.text)
    return dataclasses.replace(
        doc,
        text=page.text,
        title=doc.title or page.title,
        published=doc.published or page.published,
    )


def load_file(
    path: Path,
    doc_id: str,
    *,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
    source: str | None = None,
    origin: str | None = None,
) -> Iterator[RawDocument | Skipped]:
    """Load one file: yields its documents (several for JSON) and any skipped records.

    ``source`` is how users see the file (default: its name); ``origin`` where it lives
    (default: its absolute path). Every failure, whatever raised it, is a ``Skipped``: one bad
    file never ends a run.
    """
    source = source or path.name
    origin = origin or str(path.resolve())
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise LoadError(f"unsupported file type '{suffix or path.name}'")
        if suffix == ".jsonl":
            with _open_regular(path) as f:
                n = 0
                for n, record in enumerate(_jsonl_records(f, max_doc_bytes), start=1):
                    try:
                        yield _record_document(doc_id, source, origin, n, record)
                    except LoadError as exc:
                        yield Skipped(f"{source}#{n}", str(exc))
                if n == 0:
                    raise LoadError("empty file")
            return
        text = _read_text_file(path, max_doc_bytes)
        if suffix in TEXT_SUFFIXES:
            yield RawDocument(doc_id, source, decode_character_references(text), origin)
        elif suffix in HTML_SUFFIXES:
            yield _html_document(doc_id, source, origin, text)
        else:
            data = _parse_json(text)
            for n, record in enumerate(data if isinstance(data, list) else [data], start=1):
                try:
                    yield _record_document(doc_id, source, origin, n, record)
                except LoadError as exc:
                    yield Skipped(f"{source}#{n}", str(exc))
    except LoadError as exc:
        yield Skipped(source, str(exc))
    except RecursionError:
        yield Skipped(source, "cannot load: nested too deeply")
    except Exception as exc:  # one file must never end the run, whatever its parser raises
        yield Skipped(source, f"cannot load: {type(exc).__name__}")


def _folder_entry(root: Path, path: Path) -> SourceFile | Skipped:
    """A file found in the folder ``root`` (resolved), checked before it is read."""
    rel = path.relative_to(root)
    source = rel.as_posix()
    doc_id = rel.with_suffix("").as_posix()
    if problem := id_problem(doc_id):
        return Skipped(source, f"unusable document id ({problem})")
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return Skipped(source, f"cannot read file: {exc.strerror or exc}")
    target = path
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Skipped(source, "broken symbolic link")
        if not target.is_relative_to(root):
            return Skipped(source, "symbolic link to outside the ingested folder: not followed")
    elif not stat.S_ISREG(mode):
        return Skipped(source, "not a regular file")
    return SourceFile(target, doc_id, source, str(path))


# A folder's own notes, not news: the BBC corpus's README.txt (its licence and contact) was
# ingested as an article and cited (review66). Named on the command line, such a file is read.
# (only names no news file takes: an article may well be called "changes.txt" or "notice.txt",
# and ``--prune`` would then remove it)
FOLDER_NOTES = frozenset("README READ_ME LICENSE LICENCE COPYING".split())
FOLDER_NOTE_REASON = (
    "a folder's README or licence file, not an article: not read (name the file itself to "
    "ingest it)"
)


def _walk_folder(root: Path) -> tuple[list[Path], list[Skipped]]:
    """Files under ``root`` (resolved), and what could not be walked.

    Hidden files and folders (.DS_Store, .git) and the folder's README or licence file
    (``FOLDER_NOTES``) are not articles: each is listed as skipped with that reason (a folder
    once, not its files; review65: they were left out silently, and ``--prune`` then removed
    one ingested by name with no reason given). Links to folders are not followed (no loops,
    no way out of the folder).
    """
    found: list[Path] = []
    problems: list[Skipped] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        problems.append(Skipped(where, f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        for name in list(dirs):
            rel = (here / name).relative_to(root).as_posix()
            if name.startswith("."):
                dirs.remove(name)
                problems.append(Skipped(rel, "hidden folder (its name starts with '.'): not read"))
            elif (here / name).is_symlink():
                dirs.remove(name)
                problems.append(Skipped(rel, "symbolic link to a folder: not followed"))
        for name in files:
            rel = (here / name).relative_to(root).as_posix()
            if name.startswith("."):
                problems.append(Skipped(rel, "hidden file (its name starts with '.'): not read"))
            elif Path(name).stem.upper() in FOLDER_NOTES:
                problems.append(Skipped(rel, FOLDER_NOTE_REASON))
            else:
                found.append(here / name)
    # Plain files before JSON feeds: a record named like an article file of the same folder
    # (``business.jsonl`` record ``001`` and ``business/001.txt``) never takes the file's id.
    return sorted(found, key=lambda p: (p.suffix.lower() in JSON_SUFFIXES, p)), problems


def iter_files(paths: list[Path]) -> Iterator[SourceFile | Skipped]:
    """Every file under ``paths`` with its id and source, in a stable (sorted) order."""
    for given in paths:
        if given.is_dir():
            root = given.resolve()
            found, problems = _walk_folder(root)
            yield from problems
            for path in found:
                yield _folder_entry(root, path)
        elif given.is_file():
            # A file named on the command line is read wherever it is (the user chose it).
            yield SourceFile(given.resolve(), given.stem, given.name, str(given.resolve()))
        elif given.exists():
            yield Skipped(given.name, "not a regular file")
        else:
            yield Skipped(str(given), "no such file or folder")


def load_paths(
    paths: list[Path], *, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
) -> Iterator[RawDocument | Skipped]:
    """Load every article under ``paths``; problems come back as ``Skipped``, never raised."""
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from load_file(
                item.path,
                item.doc_id,
                max_doc_bytes=max_doc_bytes,
                source=item.source,
                origin=item.origin,
            )
