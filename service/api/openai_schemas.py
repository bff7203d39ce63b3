"""Models of the OpenAI-compatible API (``/v1/models``, ``/v1/chat/completions``).

The field names follow OpenAI's Chat Completions API, so that existing clients (the ``openai``
SDK, llama-index ``OpenAILike``, LangChain, Open WebUI) read the answers unchanged. What is
ours is marked as such: ``citations`` (the full citations with offsets) and ``newsqa``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from service.schemas import Citation

MODEL_ID = "newsqa"


# --- requests ----------------------------------------------------------------------------
class ContentPart(BaseModel):
    """A part of a message's content; only ``text`` parts can be answered."""

    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class ChatMessageIn(BaseModel):
    """A message of the conversation as a client sends it."""

    model_config = ConfigDict(extra="allow")  # name, tool_call_id, ...: accepted, ignored

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None


class StreamOptions(BaseModel):
    """``include_usage``: a last chunk (before ``[DONE]``) carries the usage."""

    model_config = ConfigDict(extra="allow")

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """OpenAI's chat completion request.

    The answer is the service's verified answer to the last user message; sampling parameters
    (``temperature``, ``top_p``, ``max_tokens``, penalties, ``stop``, ``seed``...) are checked
    and then ignored (the provider settings govern generation), as are unknown parameters.
    What would change the answer's form and cannot be honoured is refused: ``n`` > 1,
    ``logprobs``, ``tools`` or ``functions``, a forced tool call, a ``response_format`` other
    than text.
    """

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {
                            "role": "user",
                            "content": "Which Chinese tech giants have launched their own AI "
                            "models?",
                        }
                    ],
                }
            ]
        },
    )

    model: str = Field(description=f"The model id; `{MODEL_ID}` (GET /v1/models).")
    messages: list[ChatMessageIn] = Field(
        min_length=1,
        description="The conversation; the last message must be the user's question. Earlier "
        "user/assistant pairs are the history (the last 10 turns are used).",
    )
    stream: bool | None = Field(default=False, description="Server-Sent Events of chunks.")
    stream_options: StreamOptions | None = None
    n: int | None = Field(default=None, ge=1, le=1, description="Only 1 is supported.")
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, ge=0, le=1)
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    presence_penalty: float | None = Field(default=None, ge=-2, le=2)
    frequency_penalty: float | None = Field(default=None, ge=-2, le=2)
    stop: str | list[str] | None = None
    seed: int | None = None
    user: str | None = None
    logprobs: bool | None = Field(default=None, description="Not supported: false or absent.")
    top_logprobs: int | None = Field(default=None, ge=0, le=20)
    response_format: dict[str, Any] | None = Field(
        default=None, description='Only {"type": "text"}.'
    )
    tools: list[dict[str, Any]] | None = Field(default=None, description="Not supported.")
    tool_choice: str | dict[str, Any] | None = Field(
        default=None, description='Only "none" or "auto" (no tool is ever called).'
    )
    functions: list[dict[str, Any]] | None = Field(
        default=None, description="Not supported (the older form of tools)."
    )
    function_call: str | dict[str, Any] | None = Field(
        default=None, description='Only "none" or "auto" (the older form of tool_choice).'
    )


# --- responses ---------------------------------------------------------------------------
class UrlCitation(BaseModel):
    """Where a citation marker sits in the content, and the link that opens the quote."""

    start_index: int = Field(description="Offset of the marker `[n]` in the message content.")
    end_index: int
    url: str = Field(description="Opens the article in the chat page, the quote highlighted.")
    title: str = Field(description="The article's title.")


class Annotation(BaseModel):
    """OpenAI's ``url_citation`` annotation."""

    type: Literal["url_citation"] = "url_citation"
    url_citation: UrlCitation


class AssistantMessage(BaseModel):
    """The verified answer (a refusal is an ordinary message saying so)."""

    role: Literal["assistant"] = "assistant"
    content: str
    refusal: None = None
    annotations: list[Annotation]


class Choice(BaseModel):
    """The one choice."""

    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class Usage(BaseModel):
    """Tokens counted with tiktoken (the encoding the chunker uses, `RAG_TOKENIZER`):
    ``prompt_tokens`` over the text of the messages sent, ``completion_tokens`` over the
    answer returned. The local model's own tokenizer differs; these are the client's view."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class NewsqaInfo(BaseModel):
    """What /ask says beyond the text (ours, not OpenAI's)."""

    refused: bool
    query: str
    degraded: bool
    degraded_reason: str | None
    refusal_reason: str | None = None
    llm: str


class ChatCompletion(BaseModel):
    """A ``chat.completion``."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    system_fingerprint: str | None = None
    choices: list[Choice]
    usage: Usage
    citations: list[Citation] = Field(
        description="The full citations, as /ask returns them (ours, not OpenAI's)."
    )
    newsqa: NewsqaInfo


class ModelCard(BaseModel):
    """A model of GET /v1/models."""

    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str
    metadata: dict[str, str] = Field(
        description="The answer provider and embedding model behind it (ours, not OpenAI's)."
    )


class ModelList(BaseModel):
    """GET /v1/models."""

    object: Literal["list"] = "list"
    data: list[ModelCard]


class OpenAIErrorBody(BaseModel):
    """OpenAI's error object."""

    message: str
    type: str
    param: str | None
    code: str | None


class OpenAIError(BaseModel):
    """Errors of the /v1 routes have OpenAI's shape."""

    error: OpenAIErrorBody
