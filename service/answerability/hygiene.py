"""Evidence hygiene: sentences addressed to an AI or shaped like a prompt are never
evidence (``is_instruction``)."""

from __future__ import annotations

import re
from functools import lru_cache

_INSTRUCTION = re.compile(
    r"(?:\b(?:note|message|instructions?|attention|reminder)\s+(?:to|for)\s+(?:all\s+|any\s+)?"
    r"(?:ai|a\.i\.|assistants?|language models?|llms?|chatbots?|bots?|models?|gpt|crawlers?)\b"
    r"|\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+|previous\s+|prior\s+|"
    r"above\s+)+(?:\w+\s+){0,2}(?:question|instructions?|evidence|prompt|context|rules?|"
    r"articles?)\b"
    r"|\b(?:ai|assistants?|language models?|llms?|chatbots?)\s+(?:must|should|shall)\s+"
    r"(?:answer|reply|respond|say|write|state|always|never)\b"
    r"|\b(?:you|assistant)\s+(?:must|should)\s+(?:now\s+)?(?:answer|reply|respond|say|write|"
    r"ignore)\b"
    r"|^\s*(?:question|evidence|answer|system|assistant|user|instructions?)\s*:"
    r"|<\|im_(?:start|end)\|>|\bsystem prompt\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=32768)
def is_instruction(text: str) -> bool:
    """Whether a sentence addresses an AI or imitates a prompt (never evidence, never an answer).

    Cached (``functools.lru_cache``: bounded, thread-safe): every question reads each
    retrieved sentence through this case-insensitive alternation (~20 µs), and popular
    articles' sentences come back question after question; the result depends on the text
    only, so an entry is never stale."""
    return bool(_INSTRUCTION.search(text))
