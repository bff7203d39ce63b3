"""Claim support: is every sentence of an answer backed by the quotes it cites?

The definition (issue 12 §1), kept deliberately simple so that it stays an honest check rather
than a target: an answer is split into sentences at its marker runs; a sentence is *backed* when

- it cites something (at least one of its markers names a citation of the answer),
- every number in it appears in its own cited quotes,
- every name in it (a capitalised word after the sentence's first word) appears in its own
  cited quotes,
- at least 75% of its content words (matched by Porter stem or by 6-letter prefix) appear in
  its cited quotes or in the question.

It is a lexical stand-in for entailment: it sees invented numbers, invented names and invented
content words; it does not see a swapped relation between names that are all in the quote, a
dropped or added negation, or a wrong sentence that happens to reuse the quote's words. This
module does not import the service's verifier: it is an independent check of its output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nltk.stem import PorterStemmer

MIN_COVERAGE = 0.75
_MARKER_RUN = re.compile(r"((?:\s*\[\d{1,3}\])+)")
_MARKER = re.compile(r"\[(\d{1,3})\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'‘(])")
# A title's full stop ends no sentence, whether or not the quote writes it ("Mr. Myers has
# admitted …" for a quote's "Mr Myers has admitted …")
_TITLE_BEFORE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Gov|Gen|Capt|Sgt|Lt|Col|St)\.$")
_TOKEN = re.compile(r"[^\W_][\w'’.,%-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
# Function words: not content. Short on purpose (the check must not be easy to satisfy).
_STOP = frozenset(
    (
        "a an the and or but if of to in on at by for with from as into onto about over under "
        "is are was were be been being am has have had do does did will would shall should can "
        "could may might must it its this that these those there here which who whom whose what "
        "when where why how he she they them his her their we our you your i me my not no nor "
        "so than then too very also just only said says say according while after before"
    ).split()
)


@lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


def numbers(text: str) -> set[str]:
    """The numbers of a text, thousands separators removed (``12,575`` == ``12575``)."""
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def names(sentence: str) -> list[str]:
    """Capitalised words after the sentence's first word (trailing punctuation removed)."""
    tokens = _TOKEN.findall(sentence)
    found = []
    for token in tokens[1:]:
        word = token.rstrip(".,'’")
        word = re.sub(r"['’]s$", "", word)
        if word[:1].isupper():
            found.append(word)
    return found


def content_words(text: str) -> list[str]:
    """Lower-case words that are not function words (numbers are checked separately)."""
    return [w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOP]


def _word_keys(text: str) -> tuple[set[str], set[str]]:
    words = content_words(text)
    return {_stem(w) for w in words}, {w[:6] for w in words}


def _inside_a_quote(before: str, after: str, quotes: Sequence[str]) -> bool:
    """Whether the full stop between ``before`` and ``after`` is one of a cited quote's own
    ("Xbox frontman J. Allard said …", "Mr. Reid"): the words around it, as written, stand in a
    quote of the answer."""
    left = before.split()[-2:]
    right = after.split()[:1]
    if not left or not right:
        return False
    around = " ".join([*left, *right])
    return any(around in " ".join(q.split()) for q in quotes)


def split_sentences(answer: str, quotes: Sequence[str] = ()) -> list[tuple[str, list[int]]]:
    """Sentences of an answer with the markers that close them.

    The text before a marker run is cut into sentences; the run belongs to the last of them
    (the earlier ones cite nothing). Text after the last run cites nothing. A full stop that a
    cited quote holds in the same words ("J. Allard", ``quotes``: the answer's quotes) ends no
    sentence: an initial is not told from a sentence end by its letters alone ("vetoed Plan B.
    Ann Reid …"); a title's is ("Mr. Reid", ``_TITLE_BEFORE_NAME``), quoted so or not.
    """
    out: list[tuple[str, list[int]]] = []
    pieces = _MARKER_RUN.split(answer)
    # pieces alternates text, marker run, text, marker run, ..., text
    for i in range(0, len(pieces), 2):
        text = pieces[i]
        markers = [int(m) for m in _MARKER.findall(pieces[i + 1])] if i + 1 < len(pieces) else []
        parts: list[str] = []
        for piece in _SENTENCE_END.split(text):
            if parts and (
                _inside_a_quote(parts[-1], piece, quotes) or _TITLE_BEFORE_NAME.search(parts[-1])
            ):
                parts[-1] = f"{parts[-1]} {piece.strip()}"
            elif re.search(r"\w", piece):
                parts.append(piece.strip())
        if not parts:
            if markers and out:
                out[-1][1].extend(markers)
            continue
        out.extend((p, []) for p in parts[:-1])
        out.append((parts[-1], markers))
    return out


@dataclass(frozen=True)
class SentenceVerdict:
    """Whether one answer sentence is backed, and if not, why."""

    sentence: str
    backed: bool
    reason: str = ""


def judge_sentence(
    sentence: str, markers: list[int], quotes: dict[int, str], question: str
) -> SentenceVerdict:
    """Apply the four conditions of the module docstring to one sentence."""
    cited = [quotes[m] for m in markers if m in quotes]
    if not cited:
        return SentenceVerdict(sentence, False, "cites nothing")
    quote_text = " ".join(cited)
    missing_numbers = numbers(sentence) - numbers(quote_text)
    if missing_numbers:
        return SentenceVerdict(sentence, False, f"numbers not in its quotes: {missing_numbers}")
    quote_lower = quote_text.lower()
    # (a name ending in a sign is still a whole word of the quote: "rated 'BBB-'")
    missing_names = [
        n
        for n in names(sentence)
        if not re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", quote_lower)
    ]
    if missing_names:
        return SentenceVerdict(sentence, False, f"names not in its quotes: {missing_names}")
    words = content_words(sentence)
    if words:
        stems, prefixes = _word_keys(quote_text + " " + question)
        found = sum(_stem(w) in stems or w[:6] in prefixes for w in words)
        coverage = found / len(words)
        if coverage < MIN_COVERAGE:
            return SentenceVerdict(sentence, False, f"content words covered: {coverage:.2f}")
    return SentenceVerdict(sentence, True)


def judge_answer(answer: dict[str, Any], question: str) -> list[SentenceVerdict]:
    """Verdicts for every sentence of a non-refused ``Answer`` (as /ask returns it)."""
    quotes = {int(c["marker"]): str(c["quote"]) for c in answer.get("citations", [])}
    return [
        judge_sentence(sentence, markers, quotes, question)
        for sentence, markers in split_sentences(
            str(answer.get("answer", "")), list(quotes.values())
        )
    ]
