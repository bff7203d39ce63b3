"""A question typed all in lower case, read as if it had been written out (pure).

People type "which prison did charles kennedy mention in his new year message": no capitals and
no question mark. The rules find a question's names by their capitals (``names``, ``focus``)
and the learned check was trained on questions written out, so such a question loses its names
and reads as a statement. ``as_written`` gives it back what it lacks:

- each word the collection writes capitalised (or in capitals) inside a sentence at least
  three times as often as in lower case takes that form ("Charles", "Kennedy", "BBC", "McLetchie";
  ``TermStats.written_form``). A stopword ("who", "it", "new") and "vs" are never read as
  names, nor the noun a "which" question asks for right before its verb ("in which city did
  …": the articles write "City" more often than "city"), nor "us" after a verb that takes it
  ("tell us"; elsewhere it is the US, which the articles write four times for each "us");
- the first letter is capitalised;
- a question opening on a question word or an auxiliary (after a preposition or not) and
  ending without a mark gets "?", whatever its case ("Who won the match" reads as "Who won
  the match?", "in which city" as "In which city …?").

A question shouted in capitals ("WHAT DID THE BBC SAY") is read as typed in lower case, then
as above; a run of names in capitals ("NHS GP", "UK GDP Q3") is not a shouted question.
Any other question holding a capital letter was written with capitals: its case is left as it
is (its writer chose it, and "the law Lords" is not a typo to repair). Written by hand: the
truecasers of NLP libraries ship models trained on other text; this one reads the indexed
articles' own habits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from service.evidence import STOPWORDS

# A word of two letters or more standing alone ("79p", "21st", "co.uk", "arsène" hold none)
_WORD = re.compile(r"(?<![\w.])[a-z][a-z0-9]+(?![\w])")
# (and "vs", which headlines capitalise: "Yen at its lowest Vs the euro")
_NEVER_NAMES = STOPWORDS | {"vs", "versus"}
# "us" is the US (the articles write "US" four times for each "us") unless a verb takes it
_US_PRONOUN = re.compile(
    r"\b(?:tell|told|tells|give|gave|gives|show|showed|shows|let|lets|help|helped|helps|ask|"
    r"asked|asks|join|joined|joins)\s+$"
)
# The word a "which"/"what" question asks for, right before its verb ("In which city did …",
# "On which street is …"): a common noun, whatever the articles do with "City" and "Street".
_ASKED_NOUN = re.compile(
    r"\b(?:which|what|whose)\s+([a-z]+)(?=\s+(?:is|are|was|were|do|does|did|has|have|had|"
    r"will|would|can|could|should|might|may)\b)"
)
_QUESTION_WORDS = (
    "who whom whose what when where which why how is are was were do does did can could would "
    "shall should has have had might"
).split()
_PREPOSITIONS = "in on at for from to by with of after before since during under over about".split()


def _either_case(words: list[str]) -> str:
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words)


# A question word as written or typed, after a preposition or not ("What", "In which"; not the
# capitals of "WHO" the agency)
_OPENS_QUESTION = re.compile(
    rf"(?:(?:{_either_case(_PREPOSITIONS)})\s+)?(?:{_either_case(_QUESTION_WORDS)})\b"
)


def typed_in_lower_case(question: str) -> bool:
    """Whether ``question`` holds letters and none of them is a capital."""
    return not any(c.isupper() for c in question) and any(c.isalpha() for c in question)


def typed_in_capitals(question: str) -> bool:
    """Whether ``question`` is shouted: no lower-case letter, and two or more different
    stopwords of three letters or more written in capitals ("WHAT DID THE BBC SAY"; "NHS GP",
    "UK GDP Q3" or "WHO" are names, not a shouted question)."""
    if any(c.islower() for c in question):
        return False
    words = {w.lower() for w in re.findall(r"[A-Z]{3,}", question)}
    return len(words & STOPWORDS) >= 2


def as_written(question: str, written_form: Callable[[str], str | None]) -> str:
    """``question`` with the capitals a writer would give it when it was typed all in lower
    case or shouted in capitals, and with its question mark. ``written_form(word)``: the form
    the collection writes a lower-case word in inside a sentence ("Kennedy"), or ``None`` when
    it writes it in lower case more often than a name is."""
    if typed_in_capitals(question):
        question = question.lower()
    text = question
    if typed_in_lower_case(question):
        asked = {m.start(1) for m in _ASKED_NOUN.finditer(question)}

        def restore(m: re.Match[str]) -> str:
            word = m.group()
            if word in _NEVER_NAMES or m.start() in asked:
                return word
            if word == "us" and _US_PRONOUN.search(question[: m.start()]):
                return word
            return written_form(word) or word

        text = _WORD.sub(restore, question)
        lead = len(text) - len(text.lstrip())
        text = text[:lead] + text[lead].upper() + text[lead + 1 :]
    if _OPENS_QUESTION.match(text.lstrip()) and not re.search(r"[?.!]\s*$", text):
        text = text.rstrip() + "?"
    return text
