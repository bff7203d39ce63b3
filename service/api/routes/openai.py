"""OpenAI-compatible API: GET /v1/models and POST /v1/chat/completions.

The last user message is the question; earlier user/assistant pairs are the history (the
same follow-up rewriting as /ask). The assistant message is the verified answer with its
``[n]`` markers, each also an OpenAI ``url_citation`` annotation whose url opens the article
at the quote in the chat page; the full citations travel in an extra ``citations`` field.
Streaming sends the verified answer (never unverified tokens, which a client could not take
back), preceded by one Open WebUI ``source`` event per citation and followed by
``data: [DONE]``. Errors on these routes have OpenAI's shape
``{"error": {"message", "type", "param", "code"}}``.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Generator
from typing import Annotated, Any
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.answering import AnswerService, Event
from service.api.deps import (
    check_length,
    get_answer_service,
    get_settings,
    queue_place,
    to_question,
)
from service.api.errors import (
    HTTP_CODES,
    body_example,
    not_json_message,
    request_id_of,
    status_of,
    store_unreachable,
    validation_message,
)
from service.api.openai_schemas import (
    MODEL_ID,
    Annotation,
    AssistantMessage,
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessageIn,
    Choice,
    ModelCard,
    ModelList,
    NewsqaInfo,
    OpenAIError,
    UrlCitation,
    Usage,
)
from service.api.security import StreamSlots
from service.config import Settings
from service.errors import (
    ChatParamError,
    InvalidRequestError,
    NewsQAError,
    NotFoundError,
    RetryLater,
    UnparsableBodyError,
    scrub_paths,
)
from service.ingestion.chunking import token_encoder
from service.schemas import (
    Answer,
    AskRequest,
    Citation,
    ErrorResponse,
    HistoryTurn,
    is_blank,
    text_problem,
)

log = logging.getLogger("service.api")
_MARKER = re.compile(r"\[(\d+)\]")
# OpenAI's error ``type`` per status code.
_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
    409: "invalid_request_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}


class ModelNotFoundError(NotFoundError):
    """A model id other than the one this service serves."""


def openai_error(
    request: Request,
    status: int,
    message: str,
    param: str | None,
    code: str | None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """OpenAI's error body (with our request id header, set by the middleware)."""
    kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
    log.info("openai route error %s [request_id=%s]: %s", status, request_id_of(request), message)
    return JSONResponse(status_code=status, content=body, headers=headers)


class OpenAIRoute(APIRoute):
    """A route whose errors (validation, keys, empty index...) have OpenAI's shape.

    FastAPI's documented way to handle errors per route (a custom ``APIRoute``); the rest of
    the API keeps the project's error shape.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                errors = exc.errors()
                loc = [str(p) for p in errors[0].get("loc", ()) if p != "body"] if errors else []
                param = ".".join(loc) or None
                if (wrong_type := not_json_message(request, exc)) is not None:
                    message, param = wrong_type, None
                elif errors and errors[0].get("type") == "json_invalid":
                    # (its location is a character offset, not a parameter)
                    message = "the request body is not valid JSON: send a chat completion object"
                    param = None
                else:
                    message = validation_message(exc, body_example(request.url.path))
                return openai_error(request, 400, message, param, "invalid_value")
            except ChatParamError as exc:
                return openai_error(request, 400, str(exc), exc.param, exc.code)
            except ModelNotFoundError as exc:
                return openai_error(request, 404, str(exc), "model", "model_not_found")
            except (NewsQAError, httpx.TransportError) as caught:
                known = (
                    store_unreachable(caught)
                    if isinstance(caught, httpx.TransportError)
                    else caught
                )
                status, code = status_of(known)
                status = 400 if status == 422 else status
                headers = (
                    {"Retry-After": str(max(1, math.ceil(known.retry_after)))}
                    if isinstance(known, RetryLater)
                    else None
                )
                return openai_error(request, status, scrub_paths(str(known)), None, code, headers)
            except StarletteHTTPException as exc:  # FastAPI's own: a body it cannot parse
                message = str(exc.detail)
                if exc.status_code == 400 and "parsing the body" in message:
                    message = UnparsableBodyError.MESSAGE
                code = HTTP_CODES.get(exc.status_code, "http_error")
                return openai_error(
                    request, exc.status_code, message, None, code, dict(exc.headers or {}) or None
                )
            except Exception:  # logged with its trace, never shown
                rid = request_id_of(request)
                log.exception("unhandled error [request_id=%s] %s", rid, request.url.path)
                message = f"internal error; quote request id {rid} to report it"
                return openai_error(request, 500, message, None, "internal_error")

        return route


router = APIRouter(route_class=OpenAIRoute, prefix="/v1", tags=["openai"])
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": OpenAIError, "description": "Invalid or unsupported parameter."},
    401: {"model": OpenAIError, "description": "Missing or invalid API key (RAG_API_KEYS set)."},
    404: {"model": OpenAIError, "description": "Unknown model."},
    413: {
        "model": ErrorResponse,
        "description": "Body over RAG_MAX_UPLOAD_BYTES (checked before parsing, in the "
        "service's own error shape).",
    },
    429: {"model": OpenAIError, "description": "Too many requests; see Retry-After."},
    503: {"model": OpenAIError, "description": "The index is empty or unreachable."},
}


# --- the request -------------------------------------------------------------------------
def _text(message: ChatMessageIn, where: str) -> str:
    """The message's text (its text parts joined); a 400 naming ``where`` for a part that is
    not text, or text that is not valid Unicode without NUL (as /ask's 422)."""
    if message.content is None:
        return ""
    if isinstance(message.content, str):
        text = message.content
    else:
        texts = []
        for j, part in enumerate(message.content):
            if part.type != "text":
                raise ChatParamError(
                    f"{where}.content[{j}]: only text parts can be answered, not {part.type!r}",
                    f"{where}.content",
                    "unsupported_content",
                )
            if part.text is None:
                raise ChatParamError(
                    f"{where}.content[{j}]: a text part needs its 'text'",
                    f"{where}.content",
                    "invalid_value",
                )
            texts.append(part.text)
        text = "\n".join(texts)
    problem = text_problem(text)
    if problem:
        raise ChatParamError(f"{where}: {problem}", "messages", "invalid_value")
    return text


def _check_supported(body: ChatCompletionRequest) -> None:
    if body.model != MODEL_ID:
        raise ModelNotFoundError(
            f"The model {body.model!r} does not exist; this service serves {MODEL_ID!r} "
            "(GET /v1/models)"
        )
    if body.logprobs:
        raise ChatParamError("logprobs are not available for verified answers", "logprobs")
    if body.tools:
        raise ChatParamError(
            "tools are not supported: the service answers from its articles", "tools"
        )
    if body.functions:  # (the older form of tools)
        raise ChatParamError(
            "functions are not supported: the service answers from its articles", "functions"
        )
    for name, choice in (("tool_choice", body.tool_choice), ("function_call", body.function_call)):
        if choice not in (None, "none", "auto"):
            raise ChatParamError(
                f"{name}: a forced tool call cannot be made; the service answers with text",
                name,
            )
    kind = (body.response_format or {}).get("type", "text")
    if kind != "text":
        raise ChatParamError(
            f"response_format {kind!r} is not supported; the answer is cited text",
            "response_format",
        )


def ask_request_from_chat(body: ChatCompletionRequest, settings: Settings) -> AskRequest:
    """THE adapter from a chat completion request to the answering pipeline's request.

    The last message must be the user's question. Earlier user messages, each with the
    assistant message that followed it (if any), are the history, oldest first; system and
    tool messages are ignored
    (the service's prompts are fixed). Chat clients resend the whole conversation, so only
    the last ``RAG_MAX_HISTORY_TURNS`` turns are kept, each cut to /ask's limits, where /ask would
    refuse them; the question itself has /ask's limit (an error beyond it).
    """
    _check_supported(body)
    last = body.messages[-1]
    where = f"messages[{len(body.messages) - 1}]"
    if last.role != "user":
        raise ChatParamError(
            f"{where}: the last message must be the user's question, not {last.role!r}",
            "messages",
            "invalid_value",
        )
    question = _text(last, where).strip()
    if is_blank(question):  # (the same notion of empty as /ask's)
        raise ChatParamError(f"{where}: the question is empty", "messages", "invalid_value")
    try:
        check_length(question, settings, where)  # /ask's limit, in OpenAI's error shape
    except InvalidRequestError as exc:
        raise ChatParamError(str(exc), "messages", "invalid_value") from None
    turns: list[HistoryTurn] = []
    pending: str | None = None
    for i, message in enumerate(body.messages[:-1]):
        if message.role == "user":
            # (two user messages in a row: the earlier is a turn with no answer, not dropped:
            # "Who bought Yuganskneftegaz?" then "How much did it pay?")
            if pending is not None:
                turns.append(
                    HistoryTurn(question=pending[: settings.max_question_chars], answer="")
                )
            text = _text(message, f"messages[{i}]").strip()
            pending = None if is_blank(text) else text
        elif message.role == "assistant" and pending is not None:
            answer = _text(message, f"messages[{i}]").strip()
            turns.append(
                HistoryTurn(
                    question=pending[: settings.max_question_chars],
                    answer=answer[: settings.max_history_answer_chars],
                )
            )
            pending = None
    if pending is not None:
        turns.append(HistoryTurn(question=pending[: settings.max_question_chars], answer=""))
    kept = turns[len(turns) - settings.max_history_turns :] if settings.max_history_turns else []
    try:
        return AskRequest(question=question, history=kept)
    except ValidationError as exc:  # what the checks above missed: a 400, never a 500
        first = exc.errors(include_url=False)[0]
        place = ".".join(str(p) for p in first["loc"])
        raise ChatParamError(f"{place}: {first['msg']}", "messages", "invalid_value") from None


async def valid_chat(
    body: ChatCompletionRequest, settings: Annotated[Settings, Depends(get_settings)]
) -> AskRequest:
    """The chat request as /ask's request, or its 4xx (unknown model, unsupported parameter,
    no question)."""
    return ask_request_from_chat(body, settings)


ChatAskDep = Annotated[AskRequest, Depends(valid_chat)]


async def chat_admission(
    request: Request,
    body: ChatCompletionRequest,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    _valid: ChatAskDep,
) -> AsyncIterator[None]:
    """For a valid chat request (its 4xx first; review65): a stream's slot of
    ``RAG_MAX_STREAMS`` as /ask/stream takes (streams here took none), then a place in the
    model's queue, both held until the response ends."""
    slots: StreamSlots | None = getattr(request.app.state, "stream_slots", None)
    if not body.stream:
        slots = None
    if slots is not None:
        slots.acquire()
    try:
        with queue_place(answers):
            yield
    finally:
        if slots is not None:
            slots.release()


# --- the response ------------------------------------------------------------------------
def quote_hash(text: str) -> str:
    """The chat page's short hash of a quote (``quoteHash`` in ``static/app.js``: 32-bit FNV-1a
    over UTF-16 code units, in base 36): a link opened after its article was updated can then
    tell that the span no longer holds the quote. It detects edits, not forgeries."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        value = ((value ^ int.from_bytes(data[i : i + 2], "little")) * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def citation_url(base_url: str, citation: Citation) -> str:
    """The chat page opened at the quote: ``/?doc=ID&start=S&end=E&hash=H`` (``quote_hash``)."""
    query = urlencode(
        {
            "doc": citation.doc_id,
            "start": citation.start,
            "end": citation.end,
            "hash": quote_hash(citation.quote),
        }
    )
    return f"{base_url.rstrip('/')}/?{query}"


def annotations_for(text: str, citations: list[Citation], base_url: str) -> list[Annotation]:
    """One ``url_citation`` per marker occurrence in ``text``."""
    by_marker = {c.marker: c for c in citations}
    out = []
    for match in _MARKER.finditer(text):
        citation = by_marker.get(int(match.group(1)))
        if citation is None:
            continue
        out.append(
            Annotation(
                url_citation=UrlCitation(
                    start_index=match.start(),
                    end_index=match.end(),
                    url=citation_url(base_url, citation),
                    title=citation.title,
                )
            )
        )
    return out


def open_webui_source(citation: Citation, base_url: str) -> dict[str, Any]:
    """An Open WebUI ``source`` event: it lists the article under the message as source n
    (markers ``[n]`` follow the order of these events) and shows the quote when clicked."""
    url = citation_url(base_url, citation)
    name = citation.title or citation.doc_id
    return {
        "type": "source",
        "data": {
            # Unique per quote (the url holds the span): two quotes of one article stay two
            # sources, so that marker n is the n-th source.
            "source": {"id": url, "name": name, "url": url},
            "document": [citation.quote],
            "metadata": [
                {
                    "source": url,
                    "name": name,
                    "doc_id": citation.doc_id,
                    "published": citation.published,
                    "start": citation.start,
                    "end": citation.end,
                }
            ],
        },
    }


def count_usage(body: ChatCompletionRequest, answer: str, settings: Settings) -> Usage:
    """Tokens of the messages sent and of the answer, in ``settings.tokenizer`` (tiktoken)."""
    encode = token_encoder(settings.tokenizer)
    texts = []
    for m in body.messages:  # every text the client sent, whatever its role
        if isinstance(m.content, str):
            texts.append(m.content)
        elif m.content:
            texts += [part.text for part in m.content if part.text is not None]
    sent = "\n".join(texts)
    prompt, completion = len(encode(sent)), len(encode(answer))
    return Usage(
        prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion
    )


def _info(answer: Answer) -> NewsqaInfo:
    return NewsqaInfo(
        refused=answer.refused,
        query=answer.query,
        degraded=answer.degraded,
        degraded_reason=answer.degraded_reason,
        refusal_reason=answer.refusal_reason,
        llm=answer.model.llm,
    )


def links_base(request: Request, settings: Settings) -> str:
    """The base of the links the service emits: ``RAG_PUBLIC_URL`` when set, else the
    request's own base URL (which follows its ``Host`` header: local use only)."""
    if settings.public_url is not None:
        return str(settings.public_url)
    return str(request.base_url)


# --- routes ------------------------------------------------------------------------------
def _model_card(request: Request, settings: Settings) -> ModelCard:
    answers: AnswerService = request.app.state.answers
    return ModelCard(
        id=MODEL_ID,
        created=int(time.time()),
        owned_by="newsqa",
        metadata={
            "llm_provider": settings.llm_provider,
            "llm": answers.generator.name,
            "embedding": answers.index.embed_model_id,
        },
    )


@router.get("/models", response_model=ModelList, responses=ERRORS)
async def list_models(
    request: Request, settings: Annotated[Settings, Depends(get_settings)]
) -> ModelList:
    """The one model: cited answers from the articles (its provider in ``metadata``)."""
    return ModelList(data=[_model_card(request, settings)])


@router.get("/models/{model}", response_model=ModelCard, responses=ERRORS)
async def get_model(
    model: str, request: Request, settings: Annotated[Settings, Depends(get_settings)]
) -> ModelCard:
    """One model by id."""
    if model != MODEL_ID:
        raise ModelNotFoundError(
            f"The model {model!r} does not exist; this service serves {MODEL_ID!r}"
        )
    return _model_card(request, settings)


@router.post(
    "/chat/completions",
    response_model=ChatCompletion,
    responses={
        200: {
            "description": "A `chat.completion`, or with `stream: true` Server-Sent Events of "
            "`chat.completion.chunk` objects ending with `data: [DONE]`. Stream chunks: the "
            "role; Open WebUI `source` events (top-level `event`, empty `choices`), one per "
            "citation; the verified answer word by word; a chunk with `annotations` (delta), "
            "`citations` and `finish_reason: stop`; the usage (with "
            "`stream_options.include_usage`).",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
        **ERRORS,
    },
    # A place in the local model's queue, or 503 busy before any work (as /ask).
    dependencies=[Depends(chat_admission)],
)
async def chat_completions(
    body: ChatCompletionRequest,
    request: Request,
    answers: Annotated[AnswerService, Depends(get_answer_service)],
    settings: Annotated[Settings, Depends(get_settings)],
    ask: ChatAskDep,
) -> Response:
    """The verified, cited answer to the last user message, in OpenAI's format."""
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    base_url = links_base(request, settings)
    if not body.stream:
        answer = await run_in_threadpool(answers.ask, to_question(ask))
        completion = ChatCompletion(
            id=completion_id,
            created=created,
            model=MODEL_ID,
            choices=[
                Choice(
                    message=AssistantMessage(
                        content=answer.answer,
                        annotations=annotations_for(answer.answer, answer.citations, base_url),
                    )
                )
            ],
            usage=count_usage(body, answer.answer, settings),
            citations=answer.citations,
            newsqa=_info(answer),
        )
        return JSONResponse(jsonable_encoder(completion))

    events = answers.events(to_question(ask), stream=True)
    try:
        # The first step (retrieval) runs before the response starts, so that an empty or
        # unreachable index is an HTTP error, not an error inside a 200 stream.
        first = await run_in_threadpool(next, events, None)
    except BaseException:
        events.close()
        raise
    if first is None:  # pragma: no cover - the pipeline always reports its passages first
        raise NewsQAError("the answering pipeline produced nothing")
    stream = _chunks(body, request, events, first, completion_id, created, base_url, settings)
    return StreamingResponse(
        stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


def _sse(data: dict[str, Any]) -> str:
    return f"data: {json.dumps(jsonable_encoder(data), ensure_ascii=False)}\n\n"


async def _chunks(
    body: ChatCompletionRequest,
    request: Request,
    events: Generator[Event, None, None],
    first: Event,
    completion_id: str,
    created: int,
    base_url: str,
    settings: Settings,
) -> AsyncIterator[str]:
    """The SSE body: hand-formatted because one route answers JSON or SSE depending on
    ``stream`` (FastAPI's SSE response class serves generator routes only)."""

    def chunk(delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> str:
        choices = (
            []
            if delta is None
            else [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]
        )
        return _sse(
            {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": MODEL_ID,
                "system_fingerprint": None,
                "choices": choices,
                **extra,
            }
        )

    answer: Answer | None = None
    try:
        yield chunk({"role": "assistant", "content": ""})
        query = first.data["query"]
        status = {"description": f"Searched the articles for: {query}", "done": False}
        yield chunk(None, event={"type": "status", "data": status})
        while answer is None:
            if await request.is_disconnected():
                log.info("client went away; generation stopped")
                return
            try:
                event = await run_in_threadpool(next, events, None)
            except NewsQAError as exc:
                yield _sse(
                    {
                        "error": {
                            "message": str(exc),
                            "type": "server_error",
                            "param": None,
                            "code": "answer_failed",
                        }
                    }
                )
                return
            except Exception:
                rid = request_id_of(request)
                log.exception("chat stream failed [request_id=%s]", rid)
                message = f"internal error; quote request id {rid} to report it"
                yield _sse(
                    {
                        "error": {
                            "message": message,
                            "type": "server_error",
                            "param": None,
                            "code": "internal_error",
                        }
                    }
                )
                return
            if event is None:
                return
            if event.kind == "done":
                answer = event.data
        for citation in answer.citations:
            yield chunk(None, event=open_webui_source(citation, base_url))
        for piece in re.findall(r"\S+\s*|\s+", answer.answer):
            yield chunk({"content": piece})
        yield chunk(
            {"annotations": annotations_for(answer.answer, answer.citations, base_url)},
            "stop",
            citations=answer.citations,
            newsqa=_info(answer),
        )
        status = {"description": f"Searched the articles for: {answer.query}", "done": True}
        yield chunk(None, event={"type": "status", "data": status})
        if body.stream_options and body.stream_options.include_usage:
            yield chunk(None, usage=count_usage(body, answer.answer, settings))
        yield "data: [DONE]\n\n"
    finally:
        events.close()  # pulls no more tokens: the provider's stream is closed
