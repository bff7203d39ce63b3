"""The provider interface: turn a question and numbered evidence into a draft answer."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

# ProviderError lives in the one error tree (service.errors); re-exported for callers.
from service.answerability.lexicon import COUNTRY_WORDS, NOT_CITIES
from service.dates import MONTHS
from service.errors import GenerationTimeoutError
from service.errors import ProviderError as ProviderError
from service.evidence import EvidenceItem
from service.llm.gate import GenerationGate
from service.llm.prompting import Message, answer_messages, condense_messages


@dataclass(frozen=True)
class GenerationRequest:
    """What a generator answers from: the question and evidence numbered from 1."""

    question: str
    evidence: list[EvidenceItem]


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str
    answer: str


@dataclass(frozen=True)
class ProviderHealth:
    """Whether a provider can answer now."""

    state: str  # "ready" | "unreachable" | "loading"
    detail: str = ""


_FOLLOW_UP_START = re.compile(
    r"^(and|but|also|what about|how about|and what about|what else|why|how come|so)\b", re.I
)
_PRONOUN = re.compile(
    r"\b(it|its|they|them|their|he|him|his|she|her|this|that|these|those)\b", re.I
)


_WHAT_ABOUT = re.compile(r"^(?:and |but |so )?(?:what|how) about (?P<subject>.+?)\s*\??$", re.I)
_NAMED_PHRASE = re.compile(
    r"\b(?:in|at|for|from|of|about|with|by)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
)
_FIRST_NAME = re.compile(r"(?<=\s)(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")


# Month names as questions write them (service.dates's table, without its abbreviations) and
# a year.
_MONTH = (
    "(?:"
    + "|".join(
        max((m for m in MONTHS if MONTHS[m] == i), key=len).capitalize() for i in range(1, 13)
    )
    + ")"
)
_YEAR = r"(?:1[5-9]|20)\d\d"
# A follow-up that only moves the time ("What about 1988?", "And in March 2004?", "What about
# last year?"): the previous question with its time replaced, or the time added.
_TIME_ONLY = re.compile(
    r"^(?:(?:in|during|for|since|by)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:{_MONTH}(?:\s+{_YEAR})?|{_YEAR}(?:s|['’]s)?|(?:last|next|this)\s+"
    r"(?:year|month|week|season)|the\s+(?:year|season)\s+(?:before|after)|the\s+(?:previous|"
    r"following|next)\s+(?:year|season))$",
    re.I,
)
_TIME_IN_QUESTION = re.compile(
    r"\b(?:in|during|for|since|by)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:{_MONTH}(?:\s+{_YEAR})?|{_YEAR}(?:s|['’]s)?)\b|\b(?:{_YEAR}|"
    r"(?:last|next|this)\s+(?:year|month|week|season))\b"
)


def _with_time(previous: str, time: str) -> str:
    """``previous`` asked of another time: its last time expression replaced by ``time``
    (keeping its preposition for a year or a month: "in 2004" → "in 1988"), or ``time``
    added before its question mark."""
    bare = re.sub(r"^(?:in|during|for|since|by)\s+", "", time, flags=re.I)
    years = list(re.finditer(rf"(?<!\d){_YEAR}(?!\d)", previous))
    # "the year before" / "the following year": the previous question's last year, moved
    step = re.fullmatch(
        r"the\s+(?:(?P<back>year\s+before|previous\s+year|season\s+before|previous\s+season)|"
        r"(?:year|season)\s+after|(?:following|next)\s+(?:year|season))",
        bare,
        re.I,
    )
    if step:
        if not years:
            return f"{previous.rstrip(' ?')} {bare}?"
        y = years[-1]
        moved = int(y.group(0)) + (-1 if step["back"] else 1)
        return previous[: y.start()] + str(moved) + previous[y.end() :]
    # a month alone: the previous question's month replaced, its year kept ("March 2004" →
    # "May 2004"), or the month put before its year
    if re.fullmatch(_MONTH, bare, re.I):
        month = list(re.finditer(_MONTH, previous))
        if month:
            m = month[-1]
            return previous[: m.start()] + bare + previous[m.end() :]
        if years:
            y = years[-1]
            return previous[: y.start()] + f"{bare} " + previous[y.start() :]
    relative = re.match(r"(?:last|next|this)\s", bare, re.I) is not None
    found = list(_TIME_IN_QUESTION.finditer(previous))
    if found:
        last = found[-1]
        lead = re.match(r"(?:in|during|for|since|by)\s+", last.group(0), re.I)
        if lead and relative:  # "in 2004" → "last year"
            new = bare
        elif lead:
            new = lead.group(0) + bare
        else:  # "this year" → "in 1988", "the 2004 final" → "the 1988 final"
            new = bare if relative or last.group(0)[0].isdigit() else f"in {bare}"
        return previous[: last.start()] + new + previous[last.end() :]
    return f"{previous.rstrip(' ?')} {bare if relative else 'in ' + bare}?"


# A day of the week, as a follow-up gives it ("What about Tuesday?", "And on Saturday?",
# "What about last Friday?") and as a question dates its event ("on Monday", "last Sunday's
# match", "at the weekend").
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_ONLY = re.compile(
    rf"^(?:on\s+)?(?:(?:last|next|this)\s+)?{_WEEKDAY}|^(?:at\s+)?the\s+weekend$", re.I
)
_DAY_IN_QUESTION = re.compile(
    rf"\b(?:(?:on|last|next|this)\s+)?{_WEEKDAY}\b|\b(?:at|over)\s+the\s+weekend\b", re.I
)


def _with_day(previous: str, day: str) -> str:
    """``previous`` asked of another day: its last weekday (with its "on" or "last")
    replaced by ``day``, or ``day`` added before its question mark ("on Tuesday")."""
    bare = re.sub(r"^on\s+", "", day, flags=re.I)
    said = bare if re.match(r"(?:last|next|this|at|the)\s", bare, re.I) else f"on {bare}"
    found = list(_DAY_IN_QUESTION.finditer(previous))
    if found:
        last = found[-1]
        # "last Sunday's match" → "Saturday's match": a possessive keeps no preposition
        possessive = re.match(r"['’]s\b", previous[last.end() :]) is not None
        return previous[: last.start()] + (bare if possessive else said) + previous[last.end() :]
    return f"{previous.rstrip(' ?')} {said}?"


def heuristic_condense(history: Sequence[Turn], question: str) -> str:
    """Standalone query without a model.

    The conversation's last three turns are read in order, each follow-up rewritten against
    the one before it, so that a third turn still knows the first one's subject. Then:

    - "What about X?" takes the previous question with its last named place replaced by X
      ("Who did Brad Smith meet in China?" → "Who did Brad Smith meet in Shanghai?"), or,
      with none, its first name ("Which Tesla executive…?" → "Which Apple executive…?"), or
      after a rewrite with context the context's first name; "What about 1988?" replaces its
      time, or adds one ("Who won the Australian Open in 1988?"), and "What about Tuesday?"
      its day of the week; "What about revenue?" (no name) is searched together with the
      previous question;
    - a question (a wh- or auxiliary opening, three words or more) that names something the
      previous one does not and leans on no pronoun stands on its own ("Who bought
      Yuganskneftegaz?" after a question about Microsoft);
    - a question that leans on a pronoun keeps its own words and takes the previous one's
      names, years and long words as context ("Who did he beat? (Australian Open, 2004)"):
      what it asks for is its own, not the previous question's;
    - other follow-ups (short fragments, or opening with "and"/"why"…) are searched together
      with the previous question.
    """
    if not history:
        return question
    recent = history[-_TURNS_READ:]  # (a query built from every turn grows without bound)
    previous = recent[0].question
    for turn in recent[1:]:
        previous = _condense_one(previous, turn.question)
    return _condense_one(previous, question)


# How many earlier turns the rule reads, oldest first.
_TURNS_READ = 3
# A question rewritten with the previous one's names as context: "…there? (Microsoft, China)".
_WITH_CONTEXT = re.compile(r"^(?P<question>.*?\?)\s+\((?P<context>[^()]*)\)$", re.DOTALL)


# Capitalised words that open a question or a clause, not names.
_OPENERS = frozenset(
    "what who whom whose when where which why how and but also so did does do is are was were "
    "can could will would has have had should the a an in on at of for no yes sorry".split()
)
_ASKS = re.compile(
    r"^(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|are|was|were|can|could|"
    r"will|would|has|have|had)\b",
    re.I,
)


def _names_in(text: str) -> list[str]:
    """The capitalised runs of ``text`` that are names (not a question's or clause's opening
    word), each once, in order."""
    names: list[str] = []
    for m in re.finditer(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", text):
        words = m.group(0).split()
        while words and words[0].lower().strip(".") in _OPENERS:
            words = words[1:]
        name = re.sub(r"['’]s$", "", " ".join(words)).rstrip(".’'")
        if name and name not in names:
            names.append(name)
    return names


def _is_place(run: str) -> bool:
    """Whether every word of a capitalised run names a country or nation ("Hong Kong",
    "China"); a city is not told apart from a firm or a person (no gazetteer)."""
    words = re.findall(r"[a-z]+", run.lower())
    return bool(words) and all(w in COUNTRY_WORDS or w in NOT_CITIES for w in words)


def _spot_for(previous: str, subject: str) -> tuple[int, int] | None:
    """Where in ``previous`` the name that "What about ``subject``?" replaces lies.

    A subject after a preposition ("in Shanghai") or naming a country takes the last named
    place ("… meet in China?"). Another subject takes a name of as many words ("Wang Wentao"
    for "Brad Smith", "Shanghai" for "Beijing"), not a country when a name of its own kind
    is there ("Apple" for "Microsoft", not "China"); failing that, the last named place or the
    first name (review63: "What about Wang Wentao?" replaced the place)."""
    placed = [(m.start("name"), m.end("name")) for m in _NAMED_PHRASE.finditer(previous)]
    named = [(m.start("name"), m.end("name")) for m in _FIRST_NAME.finditer(previous)]
    fallback = placed[-1] if placed else (named[0] if named else None)
    bare = re.sub(r"^(?:in|at|for|from|of|about|with|by)\s+", "", subject)
    if bare != subject or _is_place(bare):
        return fallback
    spots = sorted({*placed, *named})
    size = len(bare.split())
    alike = [s for s in spots if len(previous[s[0] : s[1]].split()) == size]
    unplaced = [s for s in alike if not _is_place(previous[s[0] : s[1]])]
    if unplaced and len(unplaced) < len(alike):
        return unplaced[0]
    if len(alike) == 1:
        return alike[0]
    return fallback if fallback in alike or not alike else alike[-1]


def _condense_one(previous: str, question: str) -> str:
    """``question`` made standalone against ``previous`` (itself standalone)."""
    question = question.strip()
    what_about = _WHAT_ABOUT.match(question)
    if what_about:
        subject = what_about["subject"].strip()
        if _TIME_ONLY.match(subject):
            return _with_time(previous, subject)
        if _DAY_ONLY.fullmatch(subject):
            return _with_day(previous, subject)
        if _names_in(subject):
            framed = _WITH_CONTEXT.match(previous)
            if framed:  # "What did he say? (Brad Smith, China)": X stands for the first name
                context = framed["context"].split(", ")
                subject = re.sub(r"^(?:in|at|for|from|of|about|with|by)\s+", "", subject)
                return f"{framed['question']} ({', '.join([subject, *context[1:]])})"
            spot = _spot_for(previous, subject)
            if spot:
                # "what about in Shanghai": the previous question already has the preposition
                subject = re.sub(r"^(?:in|at|for|from|of|about|with|by)\s+", "", subject)
                return previous[: spot[0]] + subject + previous[spot[1] :]
        return f"{previous} {question}"
    leans = _PRONOUN.search(question) is not None
    opens = _FOLLOW_UP_START.match(question) is not None
    before = {n.lower() for n in _names_in(previous)}
    asks = _ASKS.match(question) is not None and len(question.split()) >= 3
    if (
        asks
        and not leans
        and not opens
        and any(n.lower() not in before for n in _names_in(question))
    ):
        return question
    if leans and not opens and asks:
        framed = _WITH_CONTEXT.match(previous)
        said = framed["question"] if framed else previous
        context = [n for n in _names_in(said) if n.lower() not in question.lower()]
        # its years and long words too: "(Australian Open, 2004)", "(UK, pledge, tsunami)"
        context += [y for y in re.findall(r"\b(?:19|20)\d\d\b", said) if y not in question]
        context += [
            w
            for w in re.findall(r"\b[a-z]{6,}\b", said)
            if w not in _FUNCTION_WORDS and w not in question.lower()
        ]
        if framed:  # the names the previous turn leant on
            context += framed["context"].split(", ")
        context = list(dict.fromkeys(context))
        return f"{question} ({', '.join(context)})" if context else f"{previous} {question}"
    if len(question.split()) <= 5 or opens or leans:
        return f"{previous} {question}"
    return question


class AnswerGenerator(ABC):
    """A source of draft answers whose sentences cite evidence as ``[n]``.

    Drafts are never trusted: the answering service verifies every marker against the evidence
    and drops what it cannot support.
    """

    #: Identifies provider and model in answers, e.g. ``extractive`` or ``llamacpp:smollm2``.
    name: str
    #: One generation at a time for an in-process model (None: calls may run concurrently).
    gate: GenerationGate | None = None
    #: Called with the kind of each failure (``timeout`` or the cause's class name): metrics.
    on_error: Callable[[str], None] | None = None

    def report_error(self, exc: BaseException) -> None:
        """Tell ``on_error`` (if set) what kind of failure happened."""
        if self.on_error is not None:
            cause = exc.__cause__ if isinstance(exc, ProviderError) and exc.__cause__ else exc
            kind = "timeout" if isinstance(exc, GenerationTimeoutError) else type(cause).__name__
            self.on_error(kind)

    @abstractmethod
    def generate(self, request: GenerationRequest) -> str:
        """The whole draft; raises ProviderError when the model fails."""

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """The draft in pieces as they are produced (default: one piece)."""
        yield self.generate(request)

    def condense(self, history: Sequence[Turn], question: str) -> str:
        """A follow-up rewritten as a standalone question (default: a heuristic)."""
        return heuristic_condense(history, question)

    def health(self) -> ProviderHealth:
        """Whether the provider is reachable (cheap; called by /readyz)."""
        return ProviderHealth("ready")

    def warm_up(self) -> None:  # noqa: B027 - optional hook; most providers need nothing
        """Get ready for the first request (the service calls this in a background thread)."""


class MessageGenerator(AnswerGenerator):
    """A generator driven by chat messages (every model provider, recording and replay)."""

    @abstractmethod
    def stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        """The model's reply to ``messages``, piece by piece; ProviderError on failure."""

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """The answer to the prompt files filled with the request."""
        return self.stream_messages(answer_messages(request))

    def generate(self, request: GenerationRequest) -> str:
        """The whole answer."""
        return "".join(self.stream(request))

    def condense(self, history: Sequence[Turn], question: str) -> str:
        """Ask the model (prompts/condense_*.md); its first line is the standalone question."""
        if not history:
            return question
        reply = "".join(self.stream_messages(condense_messages(history, question))).strip()
        first = reply.splitlines()[0].strip().strip('"') if reply else ""
        # A small model may answer instead of rewriting ("The answer is: Apple. [2]"); only a
        # question is a usable search, else the heuristic does better.
        first = re.sub(r"^(?:Q|Follow-up|Rewritten)\s*:\s*", "", first)
        # Repeating an earlier question is not a rewrite of the follow-up either.
        earlier = {t.question.strip().lower() for t in history}
        usable = first.lower() not in earlier and keeps_the_question(question, first)
        if usable and first.endswith("?") and "[" not in first and len(first.split()) >= 3:
            return first
        return heuristic_condense(history, question)


# Words that say nothing of what a follow-up asks.
_FUNCTION_WORDS = frozenset(
    "who how why the and but for nor was are has had his her him she its our you did can may "
    "not any all one too yet out off own "
    "what when where which whom whose does were been have having they them their theirs this "
    "that these those there here about with from into onto also just then than your yours "
    "would could should will shall some more most much many such very really please tell "
    "sorry meant mean know".split()
)


def keeps_the_question(follow_up: str, rewrite: str) -> bool:
    """Whether a model's rewrite of ``follow_up`` keeps what it asks: every content word of
    three letters or more (by its first five letters). review63: "What did he say about
    China?" came back as "Who is Philip Knight's chairman and chief executive?", the earlier
    question with the answer's name in it."""
    wanted = {
        w[:5] for w in re.findall(r"[a-z]{3,}", follow_up.lower()) if w not in _FUNCTION_WORDS
    }
    return wanted <= {w[:5] for w in re.findall(r"[a-z]{3,}", rewrite.lower())}
