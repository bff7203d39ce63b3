"""The answer prompt: files from ``prompts/`` filled with the question and its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from service.config import PROJECT_ROOT

if TYPE_CHECKING:
    from collections.abc import Sequence

    from service.llm.base import GenerationRequest, Turn

PROMPTS_DIR = PROJECT_ROOT / "prompts"
REFUSAL_PHRASE = "NOT IN THE ARTICLES"


@dataclass(frozen=True)
class Message:
    """One chat message."""

    role: str
    content: str


@lru_cache(maxsize=8)
def load_prompt(name: str, folder: Path = PROMPTS_DIR) -> str:
    """A prompt file's text (cached; prompts are read once per process)."""
    return (folder / name).read_text(encoding="utf-8").strip()


# Article text that could pass for the prompt's own structure: citation markers, the evidence
# fence, chat-template tokens. Evidence is quoted data; none of it may look like the frame.
_FRAME_LOOKALIKES = re.compile(r"\[\d{1,3}\]|<<<|>>>|<\|[a-z_]+\|>")


def quote_evidence(text: str) -> str:
    """One evidence sentence as it is shown to the model: on one line, with anything shaped
    like a citation marker, the evidence fence or a chat-template token removed."""
    return " ".join(_FRAME_LOOKALIKES.sub(" ", text).split())


def answer_messages(request: GenerationRequest) -> list[Message]:
    """System and user messages asking for a cited answer from the numbered evidence, which is
    fenced as quoted data (see prompts/answer_system.md)."""
    evidence = "\n".join(
        f"[{item.number}] {quote_evidence(item.sentence.text)}" for item in request.evidence
    )
    user = load_prompt("answer_user.md").format(evidence=evidence, question=request.question)
    return [Message("system", load_prompt("answer_system.md")), Message("user", user)]


def condense_messages(history: Sequence[Turn], question: str) -> list[Message]:
    """Messages asking for a follow-up question rewritten to stand on its own."""
    turns = "\n".join(f"Q: {t.question}\nA: {t.answer}" for t in history)
    user = load_prompt("condense_user.md").format(history=turns, question=question)
    return [Message("system", load_prompt("condense_system.md")), Message("user", user)]


def chatml(messages: list[Message]) -> str:
    """The ChatML prompt of SmolLM2 (its GGUF chat template), ending with the assistant turn."""
    turns = "".join(f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n"
