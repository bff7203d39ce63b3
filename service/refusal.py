"""Why the articles do not answer a question, in a sentence a reader understands (pure).

A refusal that only says "the articles do not contain an answer" leaves the reader to guess
whether nothing on the subject was found or the subject was found without the asked-for fact.
``explain_refusal`` tells which, from what retrieval found and the question's focus:

- no passage at all: nothing in the collection (or within the filters) is close enough;
- a name, year or quoted phrase of the question that no retrieved passage (nor its article's
  title) mentions: the passages found are about something else, and the reason names it;
- otherwise the question's names were found, but no sentence states what it asks for.

It states only what is true of the retrieved passages (the answer's ``passages`` field), not a
verdict on the whole collection, and not the answerability check's reading of the question
(which kind of fact it asks for): a misreading there must not become a false sentence to the
reader. Written by hand: no library phrases a retrieval result for a reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.answerability import Focus

_WORD = re.compile(r"[a-z0-9]+")
# (at most this many missing names are listed; the rest are "and others")
_MAX_LISTED = 3

NOTHING_FOUND = "No article in the collection is close enough to the question."
NOTHING_FOUND_FILTERED = "No article within the filters is close enough to the question."


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _mentioned(run: str, words: set[str], prefixes: set[str]) -> bool:
    """Whether a name is mentioned: its last word, most of its words, or its initials ("US"
    for "United States"), with six-letter prefixes for inflected forms ("Chinese" is no
    "China", but "Olympics" is "Olympic")."""
    parts = _WORD.findall(run.lower())
    if not parts:
        return True

    def seen(w: str) -> bool:
        return w in words or (len(w) >= 6 and w[:6] in prefixes)

    initials = "".join(w[0] for w in parts) if len(parts) > 1 else ""
    return seen(parts[-1]) or 2 * sum(map(seen, parts)) > len(parts) or initials in words


def _listed(items: Sequence[str]) -> str:
    quoted = [f"“{item}”" for item in items[:_MAX_LISTED]]
    if len(items) > _MAX_LISTED:
        return ", ".join(quoted) + " and others"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def explain_refusal(focus: Focus, texts: Sequence[str], *, filtered: bool = False) -> str:
    """The reason for refusing ``focus.question`` when the retrieved ``texts`` (passages, with
    their articles' titles) hold no sentence that answers it. ``filtered``: the request had
    filters (dates, documents), which may be why nothing was found."""
    if not texts:
        return NOTHING_FOUND_FILTERED if filtered else NOTHING_FOUND
    joined = "\n".join(texts)
    words = _words(joined)
    prefixes = {w[:6] for w in words if len(w) >= 6}
    absent = [run for run in focus.names if not _mentioned(run, words, prefixes)]
    absent += [y for y in focus.years if y not in words]
    lowered = joined.lower()
    absent += [p for p in focus.phrases if p.lower() not in lowered]
    if absent:
        return f"None of the passages found mentions {_listed(absent)}."
    if focus.names:
        return (
            "The passages found mention what the question names, but no sentence in them "
            "states what it asks for."
        )
    return "The passages found are close to the question, but no sentence in them answers it."
