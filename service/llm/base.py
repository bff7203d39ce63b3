"""The provider interface: turn a question and numbered evidence into a draft answer."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass

from service.errors import NewsQAError
from service.evidence import EvidenceItem


class ProviderError(NewsQAError):
    """The model failed (timeout, unreachable, malformed output): the service falls back."""

    status_code = 502


@dataclass(frozen=True)
class GenerationRequest:
    """What a generator answers from: the question and evidence numbered from 1."""

    question: str
    evidence: list[EvidenceItem]


@dataclass(frozen=True)
class ProviderHealth:
    """Whether a provider can answer now."""

    state: str  # "ready" | "unreachable" | "loading"
    detail: str = ""


class AnswerGenerator(ABC):
    """A source of draft answers whose sentences cite evidence as ``[n]``.

    Drafts are never trusted: the answering service verifies every marker against the evidence
    and drops what it cannot support.
    """

    #: Identifies provider and model in answers, e.g. ``extractive`` or ``llamacpp:smollm2``.
    name: str

    @abstractmethod
    def generate(self, request: GenerationRequest) -> str:
        """The whole draft; raises ProviderError when the model fails."""

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """The draft in pieces as they are produced (default: one piece)."""
        yield self.generate(request)

    def health(self) -> ProviderHealth:
        """Whether the provider is reachable (cheap; called by /readyz)."""
        return ProviderHealth("ready")

    def warm_up(self) -> None:  # noqa: B027 - optional hook; most providers need nothing
        """Get ready for the first request (the service calls this in a background thread)."""
