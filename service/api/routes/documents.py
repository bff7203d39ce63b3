"""Documents: GET /documents (paginated) and GET /documents/{doc_id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool

from service.api.deps import get_index
from service.errors import NotFoundError
from service.index import NewsIndex
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
                source=r.source,
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
    """One document with its canonical text; ids may contain `/`."""
    record = await run_in_threadpool(index.get_document, doc_id)
    if record is None:
        raise NotFoundError(f"no document with id {doc_id!r}; GET /documents lists them")
    return DocumentOut(
        doc_id=record.doc_id,
        title=record.title,
        published=record.published,
        source=record.source,
        text=record.text,
        aliases=record.aliases,
        story_id=record.story_id,
        related=(await run_in_threadpool(index.documents.related, [record]))[record.doc_id],
    )
