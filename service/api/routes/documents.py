"""Documents: GET /documents (paginated), GET /documents/{doc_id}, and the writes
POST /documents and DELETE /documents/{doc_id} (admin key when keys are configured)."""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.api.deps import get_index, get_settings
from service.api.document_schemas import (
    DocumentDeleted,
    DocumentIn,
    DocumentStatus,
    DocumentWriteResponse,
    IngestSummary,
)
from service.api.security import require_admin_key
from service.config import Settings
from service.errors import (
    InvalidDocumentError,
    InvalidRequestError,
    NotFoundError,
    PayloadTooLargeError,
    UnparsableBodyError,
    UnsupportedMediaTypeError,
)
from service.index import NewsIndex
from service.ingestion.clean import PUBLISHED_FORMS
from service.ingestion.single import DocumentWriter, document_from_fields, documents_from_upload
from service.ingestion.sources import RawDocument, public_source
from service.schemas import DocumentList, DocumentOut, DocumentSummary, ErrorResponse

router = APIRouter()


@router.get("/documents", response_model=DocumentList, tags=["documents"])
async def list_documents(
    index: Annotated[NewsIndex, Depends(get_index)],
    limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Documents to skip.")] = 0,
) -> DocumentList:
    """Indexed documents, ordered by id."""
    records = await run_in_threadpool(index.list_documents, limit, offset)
    total = await run_in_threadpool(index.document_collection.count)
    related = await run_in_threadpool(index.documents.related, records)
    return DocumentList(
        documents=[
            DocumentSummary(
                doc_id=r.doc_id,
                title=r.title,
                published=r.published,
                source=public_source(r.source),
                chunks=r.chunks,
                story_id=r.story_id,
                related=related[r.doc_id],
            )
            for r in records
        ],
        total=total,
    )


@router.get(
    "/documents/{doc_id:path}",
    response_model=DocumentOut,
    responses={404: {"model": ErrorResponse, "description": "No such document."}},
    tags=["documents"],
)
async def get_document(doc_id: str, index: Annotated[NewsIndex, Depends(get_index)]) -> DocumentOut:
    """One document with its canonical text; ids may contain `/`. An alias (the id of an exact
    repeat, listed in `aliases`) gives the document it repeats, under that document's id."""
    record = await run_in_threadpool(index.find_document, doc_id)
    if record is None:
        raise NotFoundError(f"no document with id {doc_id!r}; GET /documents lists them")
    return DocumentOut(
        doc_id=record.doc_id,
        title=record.title,
        published=record.published,
        source=public_source(record.source),
        text=record.text,
        aliases=record.aliases,
        story_id=record.story_id,
        related=(await run_in_threadpool(index.documents.related, [record]))[record.doc_id],
    )


# --- writes --------------------------------------------------------------------------------
async def get_document_writer(request: Request) -> DocumentWriter:
    """The writer of the app's index (one per app: its lock serialises writes)."""
    writer: DocumentWriter = request.app.state.writer
    return writer


_UPLOAD_FIELDS = ("id", "title", "url", "published")
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        401: "No key, or a key that is not accepted (when keys are configured).",
        403: "A key that may not write (not an admin key).",
        409: "The index was built with another embedding model or chunking, the ingest "
        "job declined a document (the reason is given), or another service shares this "
        "embedded store (store_shared: nothing written).",
        413: "Body over RAG_MAX_UPLOAD_BYTES, or more than RAG_UPLOAD_MAX_DOCUMENTS documents.",
        415: "Neither JSON nor multipart, or a file type the ingest job does not read.",
        422: "A document or file that cannot be ingested (the reason is given); nothing written.",
        503: "The index is unreachable.",
    }.items()
}
_MULTIPART_SCHEMA = {
    "type": "object",
    "properties": {
        "file": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "Files as the ingest job reads them: .txt/.md (first line is the "
            "title), .html, .json/.jsonl (records with text, optional id, title, url, "
            "published). Any file field name is accepted.",
        },
        "id": {"type": "string", "description": "Id of a single-document file (default: name)."},
        "title": {"type": "string", "description": "Title of a single-document file."},
        "url": {"type": "string", "description": "Source url of a single-document file."},
        "published": {
            "type": "string",
            "description": f"Publication date of a single-document file ({PUBLISHED_FORMS}).",
        },
    },
    "required": ["file"],
}


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused (413) as soon as it exceeds ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLargeError(
            f"the body is {int(declared)} bytes; send at most {limit} (RAG_MAX_UPLOAD_BYTES)"
        )
    parts, size = [], 0
    async for part in request.stream():
        size += len(part)
        if size > limit:
            raise PayloadTooLargeError(f"the body exceeds {limit} bytes (RAG_MAX_UPLOAD_BYTES)")
        parts.append(part)
    return b"".join(parts)


def _json_document(data: bytes) -> RawDocument:
    # json.loads, as FastAPI reads /ask's body: a lone surrogate ("\\ud800") is then text the
    # model refuses by name, not "not valid JSON" (pydantic's own parser rejects it; review65)
    # (not UTF-8, or nested deeper than Python's recursion limit: a 400, as FastAPI gives /ask)
    try:
        body = json.loads(data)
    except (UnicodeDecodeError, RecursionError) as exc:
        raise UnparsableBodyError() from exc
    except ValueError as exc:
        # (valid JSON, but a number longer than Python reads: say so, not "not valid JSON")
        if "digits" in str(exc):
            raise InvalidRequestError(
                "a number in the request body is too long to read (more than 4,300 digits): "
                "send ids and dates as strings"
            ) from exc
        error = {"type": "json_invalid", "loc": ("body",), "msg": "JSON decode error", "input": {}}
        raise RequestValidationError([error]) from exc
    try:
        doc = DocumentIn.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from exc
    return document_from_fields(
        doc.text, doc_id=doc.id, title=doc.title, url=doc.url, published=doc.published
    )


async def _uploaded_documents(
    request: Request, data: bytes, settings: Settings
) -> list[RawDocument]:
    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": data, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(
            max_files=settings.upload_max_documents,
            max_fields=len(_UPLOAD_FIELDS),
            max_part_size=settings.max_upload_bytes,
        )
    except StarletteHTTPException as exc:  # Starlette's multipart limits and parse errors
        if "Too many files" in str(exc.detail):  # (a count, as a .jsonl's records: 413)
            raise PayloadTooLargeError(
                f"more than {settings.upload_max_documents} files in one upload "
                "(RAG_UPLOAD_MAX_DOCUMENTS): send them in several"
            ) from exc
        raise InvalidDocumentError(f"multipart body: {exc.detail}") from exc
    try:
        files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        if unknown := sorted(set(fields) - set(_UPLOAD_FIELDS)):
            raise InvalidDocumentError(f"unknown form fields {unknown}; use {_UPLOAD_FIELDS}")
        if not files:
            raise InvalidDocumentError("no file in the multipart body; send the article as a file")
        docs: list[RawDocument] = []
        for upload in files:
            content = await upload.read()
            docs += documents_from_upload(upload.filename or "", content, fields.get("id"))
    finally:
        await form.close()
    overrides = {k: v for k, v in fields.items() if k != "id"}
    if overrides or "id" in fields:
        if len(docs) != 1:
            raise InvalidDocumentError(
                f"fields {sorted(fields)} apply to a single document; this upload has {len(docs)}"
            )
        try:
            meta = DocumentIn(text=docs[0].text, **overrides)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from exc
        docs[0] = dataclasses.replace(
            docs[0],
            title=meta.title or docs[0].title,
            source=meta.url or docs[0].source,
            published=meta.published.isoformat() if meta.published else docs[0].published,
        )
    return docs


@router.post(
    "/documents",
    response_model=DocumentWriteResponse,
    responses=_WRITE_ERRORS,
    dependencies=[Depends(require_admin_key)],
    tags=["documents"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": DocumentIn.model_json_schema()},
                "multipart/form-data": {"schema": _MULTIPART_SCHEMA},
            },
        }
    },
)
async def add_documents(
    request: Request,
    writer: Annotated[DocumentWriter, Depends(get_document_writer)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> DocumentWriteResponse:
    """Add or replace articles through the ingest job (cleaning, duplicate detection,
    chunking, embedding, crash-safe writes): a JSON document or a multipart upload of files.
    Answerable by the next request. A bad document or file writes nothing."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/json", "multipart/form-data"):
        raise UnsupportedMediaTypeError(
            f'Content-Type {kind or "(none)"!r}: send application/json ({{"text": ...}}) '
            "or multipart/form-data with files"
        )
    data = await _read_body(request, settings.max_upload_bytes)
    if kind == "application/json":
        docs = [_json_document(data)]
    else:
        docs = await _uploaded_documents(request, data, settings)
    result = await run_in_threadpool(writer.add, docs)
    return DocumentWriteResponse(
        documents=[DocumentStatus(**dataclasses.asdict(o)) for o in result.documents],
        summary=IngestSummary(**dataclasses.asdict(result.summary)),
    )


@router.delete(
    "/documents/{doc_id:path}",
    response_model=DocumentDeleted,
    responses={404: {"model": ErrorResponse, "description": "No such document."}, **_WRITE_ERRORS},
    dependencies=[Depends(require_admin_key)],
    tags=["documents"],
)
async def delete_document(
    doc_id: str, writer: Annotated[DocumentWriter, Depends(get_document_writer)]
) -> DocumentDeleted:
    """Remove an article and its chunks; ids may contain `/`."""
    record = await run_in_threadpool(writer.delete, doc_id)
    return DocumentDeleted(doc_id=record.doc_id, chunks=record.chunks)
