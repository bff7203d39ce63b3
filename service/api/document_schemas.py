"""Models of the document write endpoints (POST /documents, DELETE /documents/{id})."""

from __future__ import annotations

from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.ingestion.clean import PUBLISHED_FORMS, published_date
from service.ingestion.single import MAX_ID_CHARS
from service.schemas import Text


class DocumentIn(BaseModel):
    """An article to add (or to replace, when its id exists)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "local/2024-06-01-bridge",
                    "title": "New bridge opens",
                    "text": "New bridge opens\n\nThe bridge opened on Saturday after ...",
                    "url": "https://example.org/news/bridge",
                    "published": "2024-06-01",
                }
            ]
        },
    )

    id: str | None = Field(
        default=None,
        max_length=MAX_ID_CHARS,
        description="Document id ('/' allowed); default: api/<hash of the text>.",
    )
    title: Text | None = Field(
        default=None, max_length=1000, description="Default: the first line of the text."
    )
    # valid Unicode without NUL, as a question (a NUL was stored in the title; review65)
    text: Text = Field(description="The article; cleaned as the ingest job cleans files.")
    url: str | None = Field(default=None, max_length=2000, description="Shown as its source.")
    published: date | None = Field(
        default=None,
        description=f"Publication date ({PUBLISHED_FORMS}); the day is kept. Empty: none.",
    )

    @field_validator("published", mode="before")
    @classmethod
    def _read_published(cls, value: object) -> object:
        # the forms a record in a file may use, read the same way (review64: an RSS date)
        if not isinstance(value, str):
            return value
        if not value.strip():
            return None
        day = published_date(value)
        if day is None:
            raise ValueError(f"is not a date ({PUBLISHED_FORMS})")
        return day

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty or only whitespace")
        return value

    @field_validator("url")
    @classmethod
    def _is_web_address(cls, value: str | None) -> str | None:
        # the ingest job keeps only http(s) urls of its records; a client that links the
        # source must not be handed "javascript:" or "data:" (review61)
        if value is None:
            return value
        parsed = urlsplit(value)
        if (
            parsed.scheme.lower() not in ("http", "https")
            or not parsed.netloc
            or any(c.isspace() or ord(c) < 32 for c in value)
        ):
            raise ValueError("must be an http:// or https:// address with a host")
        return value


class DocumentStatus(BaseModel):
    """What the ingest did with one document."""

    doc_id: str
    status: Literal["added", "updated", "unchanged", "duplicate"]
    duplicate_of: str | None = Field(
        description="For a duplicate: the document with the same text (this id becomes its alias)."
    )
    title: str | None
    published: date | None
    chunks: int


class IngestSummary(BaseModel):
    """The ingest job's summary, as `python -m ingest --json` prints it."""

    documents: int = Field(description="Documents in the index after the write.")
    chunks: int = Field(description="Chunks in the index after the write.")
    added: int
    updated: int
    unchanged: int
    deleted: int
    skipped: int
    duplicates: int
    embedded: int = Field(description="Chunks embedded by this request.")
    seconds: float
    chunks_per_second: float
    skipped_files: list[dict[str, str]]
    duplicate_of: dict[str, str]
    repeats_kept: dict[str, str] = Field(
        default_factory=dict,
        description="Exact repeats of a document this write edited or removed, which keep the "
        "old text as documents of their own: id → the document they repeated. Edit or delete "
        "them too if the old text is wrong.",
    )


class DocumentWriteResponse(BaseModel):
    """The outcome of POST /documents."""

    documents: list[DocumentStatus]
    summary: IngestSummary


class DocumentDeleted(BaseModel):
    """The outcome of DELETE /documents/{doc_id}."""

    doc_id: str
    deleted: bool = True
    chunks: int = Field(description="Chunks removed with it.")
