"""Request and response models of the HTTP API (the OpenAPI schema is generated from them)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

TOP_K_MAX = 50
# Ceilings of the schema; the limits in force are settings (RAG_MAX_HISTORY_*, RAG_MAX_DOC_IDS),
# checked per request in service/api/deps.py.
HISTORY_MAX_TURNS = 50
HISTORY_MAX_ANSWER_CHARS = 20000
DOC_IDS_MAX = 10000


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be taken as text (None when it can): it must be valid Unicode
    without NUL. A lone surrogate (JSON ``"\\ud800"``) cannot be encoded for the embedding
    model or the store, and NUL ends strings in C libraries."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired UTF-16 surrogate; send valid Unicode"
    if "\x00" in value:
        return "contains a NUL character"
    return None


def _encodable(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


#: Text from a client: valid Unicode, no NUL (see ``_encodable``).
Text = Annotated[str, AfterValidator(_encodable)]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` (the schema's ``format: date``): pydantic would also read "0" as a
    Unix time, a date the client never meant."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("not a valid date; use the ISO format YYYY-MM-DD")
    return value


#: A calendar date written as ``YYYY-MM-DD``.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class Filters(BaseModel):
    """Restrict retrieval to some documents or a publication-date range (inclusive)."""

    model_config = ConfigDict(extra="forbid")

    doc_ids: list[Annotated[Text, Field(max_length=512)]] | None = Field(
        default=None,
        max_length=DOC_IDS_MAX,
        description="Only these document ids (one at least, at most RAG_MAX_DOC_IDS, default "
        "1000); leave it out to search every article.",
        examples=[["000_9173119fdca6e14c"]],
        # (said in the schema; checked by ``_some_ids``, whose message says what to send)
        json_schema_extra={"minItems": 1},
    )
    published_after: IsoDate | None = Field(
        default=None,
        description="Only articles published on or after this ISO date.",
        examples=["2023-01-01"],
    )
    published_before: IsoDate | None = Field(
        default=None,
        description="Only articles published on or before this ISO date.",
        examples=["2024-12-31"],
    )

    @field_validator("doc_ids")
    @classmethod
    def _some_ids(cls, ids: list[str] | None) -> list[str] | None:
        # an empty selection is no "every article" (review66: it searched the whole index)
        if ids is not None and not ids:
            raise ValueError("send at least one id, or leave doc_ids out to search every article")
        return ids

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Filters:
        if (
            self.published_after
            and self.published_before
            and self.published_after > self.published_before
        ):
            raise ValueError("published_after must not be later than published_before")
        return self


def _a_number(value: object) -> object:
    """``top_k`` is a JSON number (10 or 10.0), not ``true`` or ``"5"``, which pydantic's lax
    mode would take for 1 and 5 (strict mode would refuse 10.0, an integer in JSON Schema)."""
    if isinstance(value, bool | str):
        raise ValueError("must be a number")
    return value


def is_blank(value: str) -> bool:
    """Whether ``value`` holds nothing to read: whitespace and invisible characters only (format
    characters such as U+200B, and blank letters such as U+3164 or U+2800)."""
    return not "".join(
        c for c in value if unicodedata.category(c) != "Cf" and c not in _BLANK_LETTERS
    ).strip()


# Letters and marks that draw nothing (Hangul fillers, the blank Braille pattern, the combining
# grapheme joiner): not format characters, but no text either.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")


def _not_blank(value: str) -> str:
    _encodable(value)
    if is_blank(value):
        raise ValueError("must not be empty or only whitespace")
    return as_read(value).strip()


def as_read(value: str) -> str:
    """A question as a reader reads it: full-width forms ("Ｗｈｏ ｗｏｎ"), ligatures ("ﬁnal")
    and no-break spaces folded to what they stand for (their NFKC form), so that they match
    the articles' text. Only those: NFKC of the whole text would also turn "28½" into
    "281⁄2" and "10³" into "103" (review64)."""
    return "".join(
        unicodedata.normalize("NFKC", c)
        if c in _NO_BREAK or "\ufb00" <= c <= "\ufb06" or "\uff01" <= c <= "\uff5e" or c == "\u3000"
        else c
        for c in value
    )


_NO_BREAK = frozenset("\u00a0\u2007\u202f")


class SearchRequest(BaseModel):
    """A retrieval query."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"query": "Microsoft meeting in China", "top_k": 5}]},
    )

    query: str = Field(min_length=1, description="What to look for.")
    top_k: int | None = Field(
        default=None,
        ge=1,
        le=TOP_K_MAX,
        description="How many passages (1-50; default: the service's RAG_TOP_K).",
    )
    filters: Filters | None = None

    _strip = field_validator("query")(_not_blank)
    _number = field_validator("top_k", mode="before")(_a_number)


class HistoryTurn(BaseModel):
    """An earlier question of the conversation and the answer it got."""

    model_config = ConfigDict(extra="forbid")

    question: Text = Field(description="At most RAG_MAX_QUESTION_CHARS characters.")
    answer: Text = Field(
        max_length=HISTORY_MAX_ANSWER_CHARS,
        description="At most RAG_MAX_HISTORY_ANSWER_CHARS characters (default 4000).",
    )

    _read = field_validator("question")(as_read)


class AskRequest(BaseModel):
    """A question to answer from the articles."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"question": "Who did Microsoft President Brad Smith meet in China?"}]
        },
    )

    question: str = Field(min_length=1, description="The question, in plain language.")
    top_k: int | None = Field(
        default=None,
        ge=1,
        le=TOP_K_MAX,
        description="Passages to retrieve (1-50). An answer's passages may hold more, after "
        "these: up to three passages of retrieved articles holding a name of the question "
        "that no retrieved passage holds, then up to top_k more chunks of each of the first "
        "RAG_ARTICLE_PASSAGES retrieved articles.",
    )
    filters: Filters | None = None
    history: list[HistoryTurn] = Field(
        default_factory=list,
        max_length=HISTORY_MAX_TURNS,
        description="Earlier turns, oldest first (at most RAG_MAX_HISTORY_TURNS, default 10); "
        "a follow-up is rewritten into a standalone question for retrieval.",
    )

    _strip = field_validator("question")(_not_blank)
    _number = field_validator("top_k", mode="before")(_a_number)


class DocumentMeta(BaseModel):
    """Which article: the fields every document, passage and citation carries."""

    doc_id: str
    title: str
    published: date | None = Field(description="Publication date; null when unknown.")


class Span(DocumentMeta):
    """A span of an article's canonical text, ``document.text[start:end]``: the one definition
    that passages, citations and stored chunks share."""

    start: int
    end: int


class Passage(Span):
    """A retrieved chunk: ``text == document.text[start:end]``."""

    passage_id: str
    text: str
    score: float = Field(description="Cosine similarity of query and passage.")
    lexical_score: float | None = Field(
        default=None, description="BM25 score of the passage for the query (None: no match)."
    )
    sentence_score: float | None = Field(
        default=None,
        description="Evidence score of the passage's best sentence (cosine plus word overlap).",
    )
    fused_score: float | None = Field(
        default=None,
        description="Reciprocal rank fusion score that orders the results (hybrid retrieval).",
    )
    story_id: str | None = Field(
        default=None,
        description="Same-story group of the passage's article (as in `GET /documents/{id}`; "
        "None until the ingest job has grouped it).",
    )


class SearchResponse(BaseModel):
    """Passages, best first."""

    results: list[Passage]


class Citation(Span):
    """The evidence for a marker: ``quote == document.text[start:end]``."""

    marker: int
    quote: str
    same_story_as: int | None = Field(
        default=None,
        description="Set on a citation of another article reporting the same story (the "
        "ingest job's story grouping) that states the same fact: the marker of the citation "
        'it repeats, which is the most direct statement ("also reported by").',
    )


class ModelInfo(BaseModel):
    """Which models produced an answer."""

    llm: str
    embedding: str


class Timings(BaseModel):
    """Where the time of a request went, in milliseconds."""

    retrieve: float
    generate: float
    total: float


class Answer(BaseModel):
    """A cited answer, or a refusal when the articles do not contain the answer."""

    answer: str
    refused: bool
    query: str = Field(description="What was searched: the question, or a follow-up rewritten.")
    citations: list[Citation]
    passages: list[Passage]
    degraded: bool = Field(
        description="True when the configured model failed and a fallback answered."
    )
    degraded_reason: str | None = Field(default=None, description="Why the answer is degraded.")
    refusal_reason: str | None = Field(
        default=None,
        description=(
            "For a refusal, why, for a reader, in words true of the returned passages: no "
            "article matches the filters; the passages do not mention a name, year or quoted "
            "phrase of the question; they mention what it names but no sentence states what "
            "it asks for; they are only close to it; or the model judged that the sentences "
            "found do not answer it. Null for an answer."
        ),
        examples=["None of the passages found mentions “Xiluodu”."],
    )
    model: ModelInfo
    timings_ms: Timings


class StoryFields(BaseModel):
    """Which story a document reports, and the other documents reporting it."""

    story_id: str | None = Field(
        default=None, description="Same-story group (the smallest document id in it)."
    )
    related: list[str] = Field(
        default_factory=list, description="Other documents reporting the same story."
    )


class DocumentSummary(DocumentMeta, StoryFields):
    """A document in the listing."""

    source: str
    chunks: int


class DocumentList(BaseModel):
    """A page of documents."""

    documents: list[DocumentSummary]
    total: int


class DocumentOut(DocumentMeta, StoryFields):
    """One document with its canonical text, which every offset indexes into."""

    source: str
    text: str
    aliases: list[str] = Field(default_factory=list, description="Ids of exact repeats.")


class ErrorBody(BaseModel):
    """What went wrong and how to fix it."""

    code: str
    message: str
    request_id: str


class ErrorResponse(BaseModel):
    """Every error response has this shape."""

    error: ErrorBody
