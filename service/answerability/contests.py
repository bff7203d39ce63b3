"""Contests a question names: "What was the score when Dent beat top seed Hewitt?" asks about one
match, against one opponent. A sentence reporting a result against another opponent ("a 6-1 6-1
win over Argentine Juan Ignacio Chela") is about another match, whatever figure, date or name it
gives (``against_another``). Hand-written: no installed library reads who played whom.
"""

from __future__ import annotations

import re

# A result against someone: "beat", "a win over", "lost to", "knocked … out", "against" (the
# opponent follows, after a few lower-case words: "beat top seed Lleyton Hewitt").
_CONTEST = (
    r"(?:beat|beats|beating|beaten|defeat(?:s|ed|ing)?|knock(?:s|ed|ing)?(?:\s+out)?|"
    r"(?:win|wins|victory|victories|triumph)\s+(?:over|against)|"
    r"(?:lost|lose|loses|losing|defeat|loss)\s+(?:to|by)|went\s+down\s+to|"
    r"(?:play|plays|played|playing|face|faces|faced|facing)|against)"
)
# what may stand between the result and the opponent's name ("top seed", "world number one",
# "the defending champion"), lower case or a number
_BETWEEN = (
    r"(?:(?:the|a|an|top|seed|seeded|world|number|no|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|\d+|\d+(?:st|nd|rd|th)|defending|champion|champions|holders?|fellow|compatriot|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+){0,4}?"
)
_NAME = r"((?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3})"
_OPPONENT = re.compile(rf"\b{_CONTEST}\s+{_BETWEEN}{_NAME}", re.IGNORECASE)
_CONTEST_WORD = re.compile(rf"\b{_CONTEST}\b", re.IGNORECASE)
# a score beside the result: a sentence of a contest, not "plays Hamlet" or "against the Bill"
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
# the question asks about a match: a score, a round, a set, a goal or a win
_ASKS_MATCH = re.compile(
    r"\b(?:score|scored|scorer|final|semi-final|semi-finals|semis|quarter-final|quarter-finals|"
    r"round|set|tie-break|tiebreak|match|game|tie|goal|goals|try|tries|win|won|beat|beating|"
    r"defeat|defeated|knocked)\b",
    re.IGNORECASE,
)


_NEEDS_SCORE = frozenset("against play plays played playing face faces faced facing".split())


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)}


def asked_opponent(question: str) -> str | None:
    """The opponent a question about a match names ("Lleyton Hewitt" in "… when Dent beat top
    seed Lleyton Hewitt?"), or None when it names none."""
    if _ASKS_MATCH.search(question) is None:
        return None
    # the first result the question names: "Which team did Orbis beat on penalties, before
    # facing Vela?" asks the opponent (none named after its verb), and the match with Vela
    # is another
    first = _CONTEST_WORD.search(question)
    m = _OPPONENT.match(question, first.start()) if first else None
    return m.group(1) if m else None


def against_another(question: str, sentence: str) -> bool:
    """Whether the sentence reports a result against another opponent than the question's and
    names the question's opponent nowhere ("Dent … with a 6-1 6-1 win over Juan Ignacio Chela"
    for the score of Dent's win over Hewitt). A result against no name ("went down 7-6 6-3 to
    the American") or against the question's opponent is no other match; "against" and "play"
    count only beside a score ("won 3-1 against Vela", not "voted against the Bill")."""
    opponent = asked_opponent(question)
    if opponent is None:
        return False
    if _words(opponent) & _words(sentence):
        return False
    q_words = _words(question)
    for m in _OPPONENT.finditer(sentence):
        verb = m.group(0).split()[0].lower()
        if verb in _NEEDS_SCORE and _SCORE.search(sentence) is None:
            continue
        if not _words(m.group(1)) & q_words:
            return True
    return False
