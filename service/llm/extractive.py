"""The provider that needs no model: answers with the best evidence sentences, cited."""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.citations import strip_markers
from service.llm.base import AnswerGenerator, GenerationRequest


class ExtractiveGenerator(AnswerGenerator):
    """Quotes the selected evidence sentences verbatim, each followed by its marker.

    Also the fallback when a model fails, so it must never raise.
    """

    name = "extractive"

    def generate(self, request: GenerationRequest) -> str:
        """One cited sentence per evidence item, best first. A ``[n]`` written inside the
        article's sentence is removed: only the markers added here are citations."""
        return " ".join(
            f"{strip_markers(item.sentence.text)} [{item.number}]" for item in request.evidence
        )

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """The same text, word by word, so that a reader sees it arrive like a model's."""
        yield from re.findall(r"\S+\s*", self.generate(request))
