"""Evidence hygiene: sentences addressed to an AI or shaped like a prompt are never
evidence (``is_instruction``); questions addressed to the assistant itself are no question
about the articles (``addresses_the_assistant``)."""

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


# "What is your opinion …?", "Do you think …?", "Are you a robot?", "Tell me a joke", "Write me
# a poem", "Translate …", "Summarise the news." (with no subject): an opinion, the assistant's
# own nature or a task, none of which a news article states.
_TO_THE_ASSISTANT = re.compile(
    r"\byour (?:own |personal )?(?:opinion|view|views|thoughts|feelings?|favourite|favorite|name|"
    r"age)\b"
    r"|\b(?:what|how) do you (?:think|feel|reckon|believe)\b"
    r"|\bdo you (?:personally )?(?:think|believe|agree|like|love|prefer|reckon|feel)\b"
    r"|^\s*(?:are|were) you\b|^\s*who (?:are|made|built|created|trained) you\b"
    r"|^\s*(?:please\s+|can you\s+|could you\s+)?(?:tell me a (?:joke|story|poem|riddle)|"
    r"write (?:me )?(?:a|an|some) (?:[\w-]+ )?(?:poem|story|song|essay|letter|joke|limerick|haiku|"
    r"email|e-mail|tweet|code|program|script)s?\b|compose\b|translate\b|sing\b|draw\b)"
    r"|^\s*(?:please\s+|can you\s+|could you\s+)?(?:summari[sz]e|give me a summary of|sum up)\s+"
    r"(?:the |today['’]s |this week['’]s |all (?:the )?|recent |latest )?(?:news|headlines|"
    r"articles|stories)\s*[.?!]*\s*$",
    re.IGNORECASE,
)


def addresses_the_assistant(question: str) -> bool:
    """Whether a question asks the assistant for its opinion, about itself or for a task
    ("In your opinion, was X the better leader?", "Are you a robot?", "Tell me a joke about
    computers", "Translate 'good morning' into French", "Summarise the news."): refused before
    any sentence is read, since an answer would cite a sentence that happens to share a word
    ("a virus that poses as a joke"). "What did Jo Hale think of the plan?" asks what the
    articles report and is not one; nor is "Summarise the news about Yukos"."""
    return _TO_THE_ASSISTANT.search(question) is not None
