"""A question typed all in lower case, read as if it had been written out (pure).

People type "which prison did charles kennedy mention in his new year message": no capitals and
no question mark. The rules find a question's names by their capitals (``names``, ``focus``)
and the learned check was trained on questions written out, so such a question loses its names
and reads as a statement. ``as_written`` gives it back what it lacks:

- each word the collection writes capitalised (or in capitals) inside a sentence at least
  three times as often as in lower case takes that form ("Charles", "Kennedy", "BBC", "McLetchie";
  ``TermStats.written_form``). A stopword ("who", "it", "new"), "vs" and the pronoun "us" are
  never read as names: the articles write "US" four times for each "us", but a question typed in
  lower case says "us" as often as it means the country;
- the first letter is capitalised;
- a question opening on a question word or an auxiliary and ending without a mark gets "?",
  whatever its case ("Who won the match" reads as "Who won the match?").

A question typed in capitals ("WHO WON THE CUP") is read as typed in lower case, then as above.
Any other question holding a capital letter was written with capitals: its case is left as it
is (its writer chose it, and "the law Lords" is not a typo to repair). Written by hand: the
truecasers of NLP libraries ship models trained on other text; this one reads the indexed
articles' own habits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from service.evidence import STOPWORDS

_WORD = re.compile(r"[a-z][a-z0-9]*")
# (and "vs", which headlines capitalise: "Yen at its lowest Vs the euro")
_NEVER_NAMES = STOPWORDS | {"us", "v", "vs", "versus"}
_OPENS_QUESTION = re.compile(
    r"(?i:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|"
    r"would|shall|should|has|have|had|might)\b"
)


def typed_in_lower_case(question: str) -> bool:
    """Whether ``question`` holds letters and none of them is a capital."""
    return not any(c.isupper() for c in question) and any(c.isalpha() for c in question)


def typed_in_capitals(question: str) -> bool:
    """Whether ``question`` is typed in capitals: four capital letters or more ("WHO WON
    THE CUP"), and none in lower case ("BBC?" or "NHS GP" are names, not a shouted question)."""
    return sum(c.isupper() for c in question) > 3 and not any(c.islower() for c in question)


def as_written(question: str, written_form: Callable[[str], str | None]) -> str:
    """``question`` with the capitals a writer would give it when it was typed all in lower
    case or all in capitals, and with its question mark. ``written_form(word)``: the form
    the collection writes a lower-case word in inside a sentence ("Kennedy"), or ``None`` when
    it writes it in lower case more often than a name is."""
    if typed_in_capitals(question):
        question = question.lower()
    text = question
    if typed_in_lower_case(question):

        def restore(m: re.Match[str]) -> str:
            word = m.group()
            if word in _NEVER_NAMES:
                return word
            return written_form(word) or word

        text = _WORD.sub(restore, question)
        lead = len(text) - len(text.lstrip())
        text = text[:lead] + text[lead].upper() + text[lead + 1 :]
    if _OPENS_QUESTION.match(text.lstrip()) and not re.search(r"[?.!]\s*$", text):
        text = text.rstrip() + "?"
    return text
