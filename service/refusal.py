"""Why the articles do not answer a question, in a sentence a reader understands (pure).

A refusal that only says "the articles do not contain an answer" leaves the reader to guess
whether nothing on the subject was found or the subject was found without the asked-for fact.
``explain_refusal`` tells which, from what retrieval found and the question's focus:

- no passage at all (retrieval has no score floor, so only filters that match nothing leave
  none): the filters are named as the reason;
- a name, year or quoted phrase of the question of which no retrieved passage (nor its
  article's title) holds any trace: the passages found are about something else, and the
  reason names it;
- every name found as the question writes it: no sentence states what it asks for;
- no passage close to the question in meaning (a question from outside the collection):
  that the articles hold nothing close to it;
- otherwise (a name found only in part, "Smith" for "John Smith", or one that may be written
  otherwise, "UN" for "United Nations"): only that the passages are close.

It states only what is true of the retrieved passages (the answer's ``passages`` field), not a
verdict on the whole collection, and not the answerability check's reading of the question
(which kind of fact it asks for): a misreading there must not become a false sentence to the
reader. Written by hand: no library phrases a retrieval result for a reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import Enum
from functools import cached_property

from service.answerability import Focus

_WORD = re.compile(r"[a-z0-9]+")
# Words that join the words of a name ("Bank of England"), and a possessive's "s".
_JOINERS = frozenset("of the and for de da di del du von van der den la le s".split())
# A name written in capitals ("NHS", "U.S."): the passages may spell it out.
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z]s?\b|(?<![A-Za-z.])[A-Z](?:\.[A-Z])+\.?")
# A word joined by hyphens or apostrophes ("coca-cola"), tried only where a word starts: the
# unanchored pattern retried it at each letter of every plain word (the same matches).
_JOINED = re.compile(r"(?<![a-z0-9])[a-z0-9]++(?:[-'’][a-z0-9]++)+")
# Characters beyond ASCII, the only ones that can be combining marks.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# (at most this many missing names are listed; the rest are "and others")
_MAX_LISTED = 3

NOTHING_FOUND = "No passage of the articles was found for the question."
NOTHING_FOUND_FILTERED = "No article matches the filters of the question."
NAMES_FOUND = (
    "The passages found mention what the question names, but no sentence in them states what "
    "it asks for."
)
ONLY_CLOSE = "The passages found are close to the question, but no sentence in them answers it."
OFF_TOPIC = "The articles hold nothing close to what the question asks about."
TO_THE_ASSISTANT = (
    "The question asks for an opinion, about the assistant or for a task; the assistant only "
    "reports what the articles state."
)
OFF_TOPIC_FILTERED = (
    "The articles the filters allow hold nothing close to what the question asks about."
)


class _Found(Enum):
    PRESENT = "present"  # as the question writes it (up to case, accents, a plural)
    ABSENT = "absent"  # no trace at all: no word of it, nothing that may stand for it
    UNSURE = "unsure"  # in part ("Smith" for "John Smith"), or it may be written otherwise


def _fold(text: str) -> str:
    """Lower case without accents ("Zürich" is "zurich", "Pelé" "pele")."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        decomposed = _NOT_ASCII.sub(
            lambda m: "".join(c for c in m.group() if not unicodedata.combining(c)), decomposed
        )
    return decomposed.lower()


class _Passages:
    """The words of the retrieved passages, each view read once, when first asked for (a
    refusal without names never reads the capitals)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def folded(self) -> str:
        return _fold(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        return _WORD.findall(self.folded)

    @cached_property
    def names(self) -> list[str]:
        return [t for t in self.tokens if t not in _JOINERS]

    @cached_property
    def words(self) -> set[str]:
        # ("Coca-Cola" is "cocacola" too)
        return set(self.tokens) | {
            re.sub(r"[^a-z0-9]", "", w) for w in _JOINED.findall(self.folded)
        }

    @cached_property
    def capitals(self) -> set[str]:
        return {re.sub(r"[.s]$|\.", "", m).lower() for m in _CAPITALS.findall(self.text)}

    def has_run(self, parts: list[str]) -> bool:
        """Whether the words stand together (a plural allowed: "Olympic" / "Olympics")."""
        n = len(parts)
        for i in range(len(self.names) - n + 1):
            if all(_same(a, b) for a, b in zip(parts, self.names[i : i + n], strict=True)):
                return True
        return "".join(parts) in self.words

    def traces(self, part: str) -> bool:
        """Whether some word may be this one inflected ("Chinese" for "China")."""
        return part in self.words or (
            len(part) >= 4 and any(w.startswith(part[:4]) for w in self.words)
        )


def _same(a: str, b: str) -> bool:
    return a == b or b in (a + "s", a + "es") or a in (b + "s", b + "es")


def _opens_sentence(run: str, question: str) -> bool:
    """Whether the name owes its capital to opening the question or a sentence ("Given the
    war, …"): every use of it does."""
    at = [m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(run)}(?![\w'’-])", question)]
    return bool(at) and all(re.fullmatch(r"(?:.*[.!?:;]\s+)?[\"“‘(\s]*", question[:i]) for i in at)


def _title_case(question: str) -> bool:
    """A question in title case or capitals ("Why Did Tesla Stock Fall?") marks no names."""
    return not any(re.fullmatch(r"[a-z][a-z'’-]{3,}", w) for w in question.split())


def _name(run: str, passages: _Passages, question: str) -> _Found:
    compact = run.replace(" ", "")
    if _ACRONYM.fullmatch(compact):
        # "NHS" may be spelt out ("National Health Service"): never said to be absent
        found = compact.replace(".", "").lower() in passages.capitals
        return _Found.PRESENT if found else _Found.UNSURE
    parts = [w for w in _WORD.findall(_fold(run)) if w not in _JOINERS]
    if not parts:
        return _Found.UNSURE
    if passages.has_run(parts) or (
        len(parts) > 2 and "".join(w[0] for w in parts) in passages.capitals  # "IMF"
    ):
        return _Found.PRESENT
    if any(passages.traces(w) for w in parts):
        return _Found.UNSURE
    if _title_case(question) or (len(parts) == 1 and _opens_sentence(run, question)):
        return _Found.UNSURE
    return _Found.ABSENT


def _year_absent(year: str, passages: _Passages, question: str) -> str | None:
    """The year (or decade: "the 1990s") as the question writes it, if no passage has it."""
    if year.endswith("0") and re.search(rf"(?<!\d){year}s\b", question):
        found = re.search(rf"(?<!\d){year[:3]}\d", passages.folded)
        return None if found else f"{year}s"
    return None if re.search(rf"(?<!\d){year}(?!\d)", passages.folded) else year


def _phrase_present(phrase: str, passages: _Passages) -> bool:
    """Word for word, whatever the quotes, apostrophes, line breaks and accents."""
    words = _WORD.findall(_fold(phrase))
    n = len(words)
    tokens = passages.tokens
    return not n or any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1))


def _listed(items: Sequence[str]) -> str:
    quoted = [f"“{item}”" for item in items[:_MAX_LISTED]]
    if len(items) > _MAX_LISTED:
        return ", ".join(quoted) + " and others"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def explain_refusal(
    focus: Focus,
    texts: Sequence[str],
    *,
    filtered: bool = False,
    off_topic: bool = False,
    to_the_assistant: bool = False,
) -> str:
    """The reason for refusing ``focus.question`` when the retrieved ``texts`` (passages, with
    their articles' titles) hold no sentence that answers it. ``filtered``: the request had
    filters (dates, documents), which may be why nothing was found. ``off_topic``: no passage
    is close to the question in meaning (``answering.off_topic``), so none is said to be.

    A name is said to be missing only when no passage holds any trace of it, and the names
    are said to be found only when every one is found as the question writes it; between
    the two, the reason only says the passages are close. A vaguer sentence is better than
    a false one. ``to_the_assistant``: the question asks the assistant's opinion, about
    itself or for a task (``addresses_the_assistant``), which comes first."""
    if to_the_assistant:
        return TO_THE_ASSISTANT
    if not texts:
        return NOTHING_FOUND_FILTERED if filtered else NOTHING_FOUND
    passages = _Passages("\n".join(texts))
    found = {run: _name(run, passages, focus.question) for run in focus.names}
    absent = [run for run, state in found.items() if state is _Found.ABSENT]
    absent += [y for y in (_year_absent(y, passages, focus.question) for y in focus.years) if y]
    absent += [p.strip(" .,;:!?") for p in focus.phrases if not _phrase_present(p, passages)]
    if absent:
        return f"None of the passages found mentions {_listed(absent)}."
    if off_topic:
        return OFF_TOPIC_FILTERED if filtered else OFF_TOPIC
    if focus.names and all(state is _Found.PRESENT for state in found.values()):
        return NAMES_FOUND
    return ONLY_CLOSE
