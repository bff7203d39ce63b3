"""Contests a question names: "What was the score when Dent beat top seed Hewitt?" asks about one
match, against one opponent. A sentence reporting a result against another opponent ("a 6-1 6-1
win over Argentine Juan Ignacio Chela") is about another match, whatever figure, date or name it
gives (``against_another``). Hand-written: no installed library reads who played whom.
"""

from __future__ import annotations

import re

from service.answerability.kinds import asking_clause
from service.answerability.lexicon import NATIONALITY_WORDS

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
_NAME = r"((?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3})"
_OPPONENT = re.compile(rf"\b{_CONTEST}\s+{_BETWEEN}{_NAME}", re.IGNORECASE)
_CONTEST_WORD = re.compile(rf"\b{_CONTEST}\b", re.IGNORECASE)
# a score beside the result: a sentence of a contest, not "plays Hamlet" or "against the Bill"
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
# the question asks about a result: a score, a scorer, a winner or a margin ("What injury is
# keeping Parker out of the match against Italy?" asks none — review90)
_ASKS_MATCH = re.compile(
    r"\b(?:score|scored|scorer|scorers|tie-break|tiebreak|margin|win|won|wins|beat|beating|"
    r"beaten|defeat|defeated|defeating|knocked|knock)\b",
    re.IGNORECASE,
)


_NEEDS_SCORE = frozenset("against play plays played playing face faces faced facing".split())


# "Who beat Henman …?", "Which qualifier knocked Coria out …?": the winner is asked, and a
# sentence names them after "lost to" — only a winner's own result ("Robredo beat Kiefer") is
# another match then
_ASKS_WINNER = re.compile(
    r"^\s*(?:who|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:beat|defeated|knocked|ousted|eliminated)\b",
    re.IGNORECASE,
)
_LOSER_FORM = re.compile(r"^(?:lost|lose|loses|losing|defeat|loss|went)\b", re.IGNORECASE)
# words shared by names that say nothing of who they are ("Real Betis" and "Real Madrid" share
# "real"; "Manchester United's" its "s")
_NAME_FILLER = frozenset("the of s fc city united real".split())


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)} - _NAME_FILLER


def _is_a_description(sentence: str, m: re.Match[str]) -> bool:
    """Whether the captured run describes rather than names: after "the" ("the British number
    one", "the Boks", "the All Blacks", "the American") or made of nationality words."""
    before = sentence[m.start() : m.start(1)].lower().split()
    words = [w.lower() for w in m.group(1).split()]
    return "the" in before or all(w in NATIONALITY_WORDS for w in words)


def asked_opponent(question: str) -> str | None:
    """The opponent a question about a match names ("Lleyton Hewitt" in "… when Dent beat top
    seed Lleyton Hewitt?"), or None when it names none."""
    question = asking_clause(question)
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
    for the score of Dent's win over Hewitt). A result against no name, or a description ("lost
    to the American", "the British number one"), or against the question's opponent is no
    other match; nor, when the question asks who beat its opponent, a loss to someone ("He lost
    to Coria": the winner asked for). "Against" and "play" count only in a sentence that gives
    a score ("won 3-1 against Vela", not "voted against the Bill"). Read from the clause that
    asks (``asking_clause``); a two-part question's parts are not checked (the caller's)."""
    opponent = asked_opponent(question)
    if opponent is None or not _words(opponent):
        return False
    if _words(opponent) & _words(sentence):
        return False
    winner_asked = _ASKS_WINNER.search(asking_clause(question)) is not None
    q_words = _words(question)
    for m in _OPPONENT.finditer(sentence):
        verb = m.group(0).split()[0].lower()
        if verb in _NEEDS_SCORE and _SCORE.search(sentence) is None:
            continue
        if winner_asked and _LOSER_FORM.match(m.group(0)):
            continue  # "He lost to Guillermo Coria": the winner asked for
        if _is_a_description(sentence, m):
            continue
        if not _words(m.group(1)) & q_words:
            return True
    return False
