"""A question's focus: its names, quoted phrases, years and content words weighted by
IDF (``TermStats``, ``Focus``, ``question_focus``), its sub-questions (``question_parts``),
and whether the articles withhold the asked-for fact rather than state it
(``withheld_instead``)."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from service.answerability.figures import AGE_PHRASE, DIGITS, race_distances, singular_of
from service.answerability.holds import (
    ASKS_RANK,
    SPELT_NAME,
    is_withheld,
    states_reason,
    withholds_date,
    withholds_reason,
)
from service.answerability.kinds import (
    Kind,
    asked_kind,
    asking_clause,
    asking_sentence,
    asks_reason,
    date_event,
    read_question,
)
from service.answerability.lexicon import (
    BODY_NOUNS,
    COUNTRY_WORDS,
    DEMONYMS,
    LONE_DEMONYMS,
    MONTH_NAMES,
    NATIONALITY_WORDS,
    NOT_CITIES,
    NOT_NAMES,
    ORDINALS,
    PART_SPLIT,
    SPEECH_VERBS,
    WEEKDAYS,
    YEAR,
    initials,
)
from service.answerability.names import name_runs, names_a_model
from service.answerability.roles import (
    ACTING_ROLES,
    ANY_NAME_ROLES,
    HOSTED_ROLES,
    LOOSE_ROLES,
    MEDIA_ROLES,
    NAME_AFTER_ROLE,
    NAME_BEFORE_ROLE,
    ORGANISATION_PARTS,
    PLAYED,
    PLAYED_ROLES,
    REPORTS,
    TOLD_MEDIA,
    asked_noun,
    asked_office,
    asked_role,
    described_noun,
    event_forms,
    event_verb,
    gives_role,
    hosts_show,
    irregular_forms,
    mentions_asked_event,
    mentions_office,
    mentions_role,
    names_organisation,
    names_publication,
    office_of_another,
    role_as_title,
    states_asked_event,
    states_event,
)
from service.evidence import STOPWORDS, content_words, stem_word, words_of

_MODERN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # "1700 voters" is no year
# A day of a month, either way round: "16 March", "16th of March", "March 16", "Mar. 16th".
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})(?!\w)|"
    rf"\b({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
)

_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})(?!\w)"
)


_CARDINALS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
# A place in a ranking the question asks about: "Who came fourth in the poll?", "which act
# finished in sixth place?" ("first" is the winner, whom news says "won"; "third-largest" is
# no place).
_ASKS_POSITION = re.compile(
    r"\b(?:came|come|comes|finished|finishes|finish|placed|ranked|rank|was|were|is|are|at|in)\s+"
    rf"(?:(?:number|no\.?)\s*({'|'.join(_CARDINALS)}|(?:[2-9]|1\d|20)\b)|"
    rf"({'|'.join(ORDINALS)}|(?:[2-9]|1\d|20)(?:nd|rd|th)))\b(?!-)"
    r"(?!\s+(?:in command|in line|to last|from (?:bottom|last)|quarter|half|round|leg|term|"
    r"ballot|time)\b)",
    re.IGNORECASE,
)


def asked_position(question: str) -> int | None:
    """The place in a ranking the question asks who or what holds (4 for "who came fourth"),
    or None."""
    m = _ASKS_POSITION.search(question)
    if not m:
        return None
    if m.group(1):
        word = m.group(1).lower()
        return _CARDINALS.index(word) + 2 if word in _CARDINALS else int(word)
    word = m.group(2).lower()
    return ORDINALS.index(word) + 2 if word in ORDINALS else int(word[:-2])


def states_position(sentence: str, position: int) -> bool:
    """Whether the sentence gives the place ``position`` ("fourth", "4th", "number four",
    "No 4", "at four")."""
    ordinal, cardinal = ORDINALS[position - 2], _CARDINALS[position - 2]
    return (
        re.search(
            rf"\b(?:{ordinal}|{position}(?:st|nd|rd|th))\b(?!-(?!placed?\b))"
            r"(?!\s+(?:time|year|attempt|stage|round|weekend|week|day|successive|consecutive|"
            r"straight|quarter|half|test|term|leg)\b)|"
            rf"\b(?:number|no\.?)\s*(?:{cardinal}|{position})\b|"
            rf"\bat\s+(?:{cardinal}|{position})\b(?!\s*(?:o'clock|am|pm|GMT|BST))"
            + (r"|\brunners?[\s-]up\b|\bsilver\b" if position == 2 else "")
            + (r"|\bbronze\b" if position == 3 else ""),
            sentence,
            re.IGNORECASE,
        )
        is not None
    )


def days_of_months(text: str) -> set[tuple[int, str]]:
    """The days of months ``text`` gives, as (day, first three letters of the month)."""
    found: set[tuple[int, str]] = set()
    # a range gives every day in it: "the 16-17 March summit"
    for m in _DAY_RANGE.finditer(text):
        for n in range(int(m.group(1)), int(m.group(2)) + 1):
            found.add((n, m.group(3)[:3].lower()))
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.add((int(day), month[:3].lower()))
    return found


_WEEKDAY = re.compile(r"\b(" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b")
# Capitalised words that may stand before a weekday outside a name ("On Friday", "Last
# Sunday"); any other ("Good Friday", "Black Monday", "Super Tuesday") makes it part of a name.
_BEFORE_WEEKDAY = frozenset(
    "On By Since Until Till Last Next This From Before After Late Early And But Or".split()
)


# A year that bounds the question's time rather than naming one: "after 2020", "before 2019"
# (not "since 1997", which news states as such: "its first win since 1997"; not "after
# 2020's election", which names an event). Several bounds must hold for one year.
_YEAR_BOUND = re.compile(r"\b(after|before)\s+((?:19|20)\d\d)\b(?!\s*[-–]|['’]s\b)", re.IGNORECASE)


#: How ``AnswerService.gather`` adds the years an undated article states outside its passages
#: to a sentence's context: a line of its own, after this marker.
YEARS_ELSEWHERE = "years elsewhere in the article:"
_YEARS_ELSEWHERE = re.compile(rf"^{re.escape(YEARS_ELSEWHERE)}((?: \d{{4}})*)$", re.MULTILINE)


def stated_years(text: str) -> frozenset[str]:
    """The years from 1900 on that ``text`` states in digits ("in 2004", "by 2010"; not "1700
    voters")."""
    return frozenset(_MODERN_YEAR.findall(text))


def weekdays(text: str) -> set[str]:
    """The days of the week ``text`` dates something to, lower-cased: not inside a name
    ("Good Friday", "the Sunday Times", "Super Tuesday")."""
    found = set()
    for m in _WEEKDAY.finditer(text):
        before = text[: m.start()].split()[-1:]
        after = text[m.end() :].split()[:1]
        if before and before[0][:1].isupper() and before[0] not in _BEFORE_WEEKDAY:
            continue
        # ("the Sunday Times"; not "On Thursday Mr Straw …", "Saturday's game")
        word = after[0].strip(".,;:'’") if after else ""
        if (
            word[:1].isupper()
            and word.lower() not in NOT_NAMES
            and not re.match(r"[A-Z][a-z]*['’]", after[0])
        ):
            continue
        found.add(m.group(1).lower())
    return found


_QUOTED = re.compile(r"[\"“]([^\"“”]{3,80})[\"”]|(?<!\w)‘([^‘’]{3,80})’(?!\w)")

# How much better a withheld statement must cover the question than the lead to replace it.
WITHHELD_COVERAGE_MARGIN = 0.1

_FIRST_PERSON = re.compile(r"\bI\b|\b(?:[Mm]y|[Mm]e|[Ww]e|[Oo]ur)\b")


def _first_person_narrative(sentence: str) -> bool:
    """Whether the sentence is in its writer's own first person ("I find three old laptops"
    in a column): not a quotation or reported speech ("'We sold …,' said X", whose speaker
    may be anyone), nor the "I" of a name ("World War I")."""
    if re.search(r"[\"“”]|\b(?:said|says|told|tells)\b", sentence):
        return False
    for m in _FIRST_PERSON.finditer(sentence):
        if m.group(0) == "I" and re.search(r"[A-Z][a-z]+\s+$", sentence[: m.start()]):
            continue
        return True
    return False


PRONOUN = re.compile(
    r"\b(?:he|she|it|its|they|their|theirs|his|her|him|them|this|these|those)\b|"
    r"\b(?:the|an?) (?:company|firm|group|club|team|bank|star|actor|actress|singer|player|"
    r"minister|government|mp|city|country|band|show|film|programme|newspaper|paper|site|"
    r"report|couple|pair|man|woman|chairman|chief|boss|executive|president|carrier|"
    r"airline|maker|giant|retailer|broadcaster|network|agency|lab|labs|centre|unit|deal)\b",
    re.IGNORECASE,
)

# A person referred back to by a description as the sentence's subject, the verb next ("The
# world junior champion clocked 44.93 seconds", "The 62-year-old sang"), not one named by it
# ("The veteran sprinter Kelly Reid clocked") nor a description in apposition ("Kelly Reid,
# the defending champion, clocked"): ``PRONOUN``'s "the <noun>" is read anywhere, this only
# at the start.
_DESCRIBED_BACK = re.compile(
    r"^\W*(?:(?:But|And|Now|Yet)\s+)?(?:The|An?) (?:(?-i:[a-z0-9][\w'’-]*) ){0,2}?"
    r"(?:champion|title-holder|holder|teenager|\d+-year-old|striker|winger|midfielder|defender|"
    r"forward|captain|coach|manager|athlete|runner|sprinter|veteran|youngster)"
    r"(?=\s+(?-i:[a-z]+ed|said|says|sang|sings|won|wins|ran|runs|has|had|is|was|will|would|"
    r"could|took|takes|made|makes|beat|beats|hit|hits|came|comes|went|goes|became|gave|set|"
    r"sets)\b)",
    re.IGNORECASE,
)

# Acronyms that stand for one thing whatever the question's words ("US" for "units sold").
_FIXED_ACRONYMS = frozenset("US UK EU UN PM MP MPS AM PC TV".split())
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# A word written with a capital inside a sentence (after a lower-case word, a digit or a
# comma), in any form ("Kennedy", "BBC", "McLetchie"); the capitalised ones ("Kennedy") are
# what ``is_common`` and ``is_rare_name`` count.
# It is a name (``written_form``) when written so at least this many times for each time in
# lower case: "city" (108 to 70 in the BBC corpus: "Manchester City"), "bank" and "league" are
# capitalised more often than not, but "in which city" asks for a city.
_WRITTEN_MID = re.compile(r"(?<=[a-z0-9,;] )[A-Z][A-Za-z0-9]*\b")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_NAME_RATIO = 3


def _written_forms(forms: Counter[str], lower: Counter[str]) -> dict[str, str]:
    """Lower-case word → its most frequent form among ``forms`` (capitalised words inside
    sentences, by exact form), for the words written so ``_NAME_RATIO`` times as often as
    in lower case (``lower``)."""
    by_word: dict[str, list[tuple[int, str]]] = {}
    for form, n in forms.items():
        by_word.setdefault(form.lower(), []).append((n, form))
    return {
        word: max(seen)[1]
        for word, seen in by_word.items()
        if sum(n for n, _ in seen) >= _NAME_RATIO * lower[word]
    }


class ChunkText(NamedTuple):
    """A chunk's text, and whether its article is dated (``TermStats.era`` reads undated
    ones only)."""

    text: str
    dated: bool = False


# A word in at most this many chunks is rare (``TermStats.is_rare``).
RARE_CHUNKS = 5


class TermStats:
    """Inverse document frequencies of word stems over the indexed chunks, which words the
    chunks write mostly in lower case (``is_common``) and how they write the others
    (``written_form``), and the time of the undated ones (``era``).

    Loaded once per process on first use, from ``load`` (an iterable of chunk texts, a plain
    string being an undated chunk's); the load runs behind a lock, after which the table is
    read-only, so the object is thread-safe. Like the IDF, the era is the collection's when the
    process first needed it: articles added later do not move it until a restart.
    A term the collection never saw gets the highest IDF (it is as rare as it gets).
    """

    def __init__(self, load: Callable[[], Iterable[str | ChunkText]]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._idf: dict[str, float] | None = None
        self._max = 1.0
        self._common: frozenset[str] = frozenset()
        self._names: frozenset[str] = frozenset()
        self._written: dict[str, str] = {}
        self._era: frozenset[str] = frozenset()

    def _table(self) -> dict[str, float]:
        if self._idf is None:
            with self._lock:
                if self._idf is None:
                    counts: dict[str, int] = {}
                    lower: Counter[str] = Counter()
                    forms: Counter[str] = Counter()
                    years: Counter[str] = Counter()
                    total = 0
                    for item in self._load():
                        text, dated = (item, False) if isinstance(item, str) else item
                        total += 1
                        for w in words_of(text):
                            counts[w] = counts.get(w, 0) + 1
                        if not dated:
                            years.update(stated_years(text))
                        lower.update(_LOWER_WORD.findall(text))
                        forms.update(_WRITTEN_MID.findall(text))
                    self._max = math.log((total + 1) / 1) + 1
                    capital: Counter[str] = Counter()
                    for form, n in forms.items():
                        if _CAPITALISED.fullmatch(form):
                            capital[form.lower()] += n
                    self._common = frozenset(w for w, n in lower.items() if n > capital[w])
                    self._names = frozenset(w for w, n in capital.items() if n > lower[w])
                    self._written = _written_forms(forms, lower)
                    most = max(years.values(), default=0)
                    self._era = frozenset(y for y, n in years.items() if 2 * n >= most)
                    self._idf = {w: math.log((total + 1) / (c + 1)) + 1 for w, c in counts.items()}
        return self._idf

    def era(self) -> frozenset[str]:
        """The years the undated articles' chunks state most (in at least half as many chunks
        as the most stated one; 2003-2005 for the BBC corpus): the time an undated article that
        states no year of its own is taken to be about ("the Oscars" of an undated 2005 report
        are not the 2020 Oscars). Dated articles' years are left out: they are another time.
        Counted with the IDF table, once per process."""
        self._table()
        return self._era

    def is_common(self, word: str) -> bool:
        """Whether the indexed text writes ``word`` in lower case more often than capitalised
        inside a sentence: "rock", "investors", "striker" are common words; "Labour", "Blair",
        "Apple" are names. Counted with the IDF table, once per process."""
        self._table()
        return word.lower() in self._common

    def idf(self, stem: str) -> float:
        """The IDF of a stem (as ``content_words`` returns it)."""
        table = self._table()
        return table.get(stem, self._max)

    def written_form(self, word: str) -> str | None:
        """How the indexed text writes the lower-case ``word`` inside a sentence when it writes
        it capitalised or in capitals at least three times as often as in lower case
        ("kennedy" → "Kennedy", "bbc" → "BBC", "mcletchie" → "McLetchie"); ``None`` for a
        word it writes in lower case more often than that ("prison", "city"), or never.
        Counted with the IDF table, once per process (``service.answerability.casing`` reads
        it)."""
        self._table()
        return self._written.get(word)

    def is_rare_name(self, word: str) -> bool:
        """Whether ``word`` is a name the collection holds in at most ``RARE_CHUNKS`` chunks
        (and at least one): written capitalised inside a sentence more often than in lower
        case ("Katwala"; not "recipe", "baseball", "tea", which news rarely uses either).
        Counted with the IDF table, once per process."""
        table = self._table()
        stem = stem_word(word.lower())
        return (
            word.lower() in self._names
            and stem in table
            and table[stem] >= self._max - math.log(RARE_CHUNKS + 1)
        )


@lru_cache(maxsize=1024)
def _word_runs(question: str) -> tuple[tuple[str, str], ...]:
    """The runs of two to four of the question's words with no stopword among them, as
    (initials in upper case, the words joined by spaces), in order: what
    ``Focus._named_by_initials`` compares with a text's acronyms. Read once per question rather
    than once per candidate sentence and context. Bounded and thread-safe (``lru_cache``)."""
    words = re.findall(r"[A-Za-z0-9]+", question)
    runs = []
    for size in (2, 3, 4):
        for i in range(len(words) - size + 1):
            window = words[i : i + size]
            if any(w.lower() in STOPWORDS for w in window):
                continue
            runs.append((initials(window).upper(), " ".join(window)))
    return tuple(runs)


# Where a clause breaks: a comma, a colon, a bracket, a spaced dash, "and", "but", "while".
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|\b(?:and|but|while|whereas)\b")


def _located_runs(text: str) -> list[tuple[int, str]]:
    """``name_runs`` of ``text`` with where each starts (found in order)."""
    located, pos = [], 0
    for run in name_runs(text):
        at = text.find(run, pos)
        if at < 0:
            at = pos
        located.append((at, run))
        pos = at + len(run)
    return located


# "Who / which film won …?" and a sentence on the nominations ("is nominated", "shortlisted",
# "up for", "in the running")
_ASKS_WINNER = re.compile(r"\b(?:won|win|wins|winning)\b", re.IGNORECASE)
_NOMINATED = re.compile(
    r"\b(?:nominat\w*|shortlist\w*|up for|in the running|contenders?)\b", re.IGNORECASE
)
# An award's category in a question that asks who won or took it: "the best actor prize",
# "best new act", "coach of the year" (the words after "best" up to the prize noun or a
# preposition; the word before "of the year").
# (the question's own verb, after its question word: not "Which act's album came second in
# the poll that named X album of the year", nor "Which film's best picture win …")
_WINS_AWARD = re.compile(
    r"^(?:[^,]*,\s*)?(?:(?:for|in|at|with)\s+)?(?:who|which|what)\b(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:(?:did|does|will|has|have|had|was|were|is|are)\s+(?:[\w'’-]+\s+){0,5}?)?"
    r"(won|win|wins|took|take|takes|named|voted|crowned|scooped|collected|picked up|handed)\b",
    re.IGNORECASE,
)
# (review78: "voted", "named", "took" ask a winner only beside a word of awards)
_AWARD_CONTEXT = re.compile(
    r"\b(?:awards?|prizes?|oscars?|baftas?|grammys?|globes?|brits?|emmys?|gongs?|trophy|"
    r"categor(?:y|ies)|ceremony|accolades?|statuettes?|of the year)\b",
    re.IGNORECASE,
)
_BEST_CATEGORY = re.compile(
    r"\bbest((?:\s+(?!(?:prize|prizes|award|awards|gong|title|honour|trophy|category|at|for|"
    r"in|and|with|of|on|from|to|by|was|is|went|the|a|an|this|last|year|night|running|"
    r"yesterday|oscars?|baftas?|grammys?|brits?|globes?|emmys?|statuette|accolade|crown|nod|"
    r"medal)\b)[a-z][a-z-]*){1,4})"
)
# Words news uses for the same category ("best picture" is "best film")
_CATEGORY_SYNONYMS = {
    "picture": "picture|film|movie",
    "film": "film|picture|movie",
    "movie": "movie|film|picture",
}
_NAMED_PRIZE = re.compile(
    r"^\s*the\s+((?:[a-z][a-z-]*\s+){0,1}[a-z][a-z-]*)\s+(?:prize|award|trophy|gong|title)\b"
)
_PRIZE_ADJECTIVES = frozenset(
    "top main first second third overall big biggest grand special cash annual prestigious "
    "coveted same new top-prize major final ultimate supreme lifetime".split()
)
# (award heads only, with the one modifier that makes another award: "young player of the
# year" is not "player of the year"; not "the first race of the year")
_OF_THE_YEAR = re.compile(
    r"(?<![\w-])((?:(?:young|disabled|junior|world|european|british|international|overseas|"
    r"women['’]s|men['’]s)\s+)?(?:player|coach|manager|personality|album|record|song|"
    r"footballer|sportsman|sportswoman|team|blog|game|book|film|act|artist|band|newcomer|"
    r"athlete|rider|driver|jockey|trainer|golfer|cricketer))\s+of\s+the\s+year\b"
)
# "Which film did Dustin Hoffman direct …?": the subject (a capitalised run) and its verb.
_ACT_OF_SUBJECT = re.compile(
    r"^\s*(?i:which|what)\s+(?:[\w'’-]+\s+){0,3}?(?i:did|does|do|has|have|had|will|would)\s+"
    r"((?:[A-Z][\w'’.-]*\s+){1,4}?)([a-z]{3,})\b"
)


# "Who directed Critters 3?": the act (its past form and its base) and the work it was done on
_ACTS_ON_WORKS = {
    "directed": "direct",
    "wrote": "write",
    "produced": "produce",
    "composed": "compose",
    "designed": "design",
    "developed": "develop",
    "painted": "paint",
}
# A capitalised word (a name or a title's word), not inside a hyphenated or quoted word.
_WORK_WORD = re.compile(r"(?<![\w'’-])([A-Z]\w*)[\w'’.-]*")
# Words before a doer's noun that leave it the asked work's ("the director", "its director";
# a lower-case possessive, "the film's director", is read as one too).
_OWN_DOER = frozenset("the a an its his her their film movie documentary".split())
_ACT_ON_OBJECT = re.compile(
    rf"^\s*(?i:who)\s+({'|'.join(_ACTS_ON_WORKS)})\s+"
    r"((?:the\s+)?(?:[A-Z0-9][\w'’.:-]*\s*){1,6})"
)
# The sides of a vote ("voted against", "opposed"; "backed", "voted for", "in favour")
_AGAINST = re.compile(
    r"\b(?:vot\w*|came out|spoke)\s+against\b|\bopposed\b|\brejected\b|\bno vote\b",
    re.IGNORECASE,
)
_FOR = re.compile(
    r"\bvot\w*\s+(?:for|in favour)\b|\bbacked\b|\bsupported\b|\bin favour\b|\bbacking\b",
    re.IGNORECASE,
)


def _vote_sides(text: str) -> set[str]:
    """The sides of a vote ``text`` states: {"against"}, {"for"}, both or neither."""
    return {side for side, p in (("against", _AGAINST), ("for", _FOR)) if p.search(text)}


@lru_cache(maxsize=1024)
def _vote_side(question: str) -> str | None:
    """The one side of a vote a question asks about ("How many voted against …?"), or None
    (no vote, or both). A bounded cache of immutable values (safe across threads)."""
    if not re.search(r"\bvot\w*\b|\bballot\b|\bdivision\b", question, re.IGNORECASE):
        return None
    sides = _vote_sides(question)
    return next(iter(sides)) if len(sides) == 1 else None


@lru_cache(maxsize=1024)
def _act_of_subject(question: str) -> tuple[frozenset[str], re.Pattern[str]] | None:
    """For "Which film did Dustin Hoffman direct …?": the subject's words and "directed by
    <Name>", the act done by someone named; None for another question. Read once per
    question. Bounded and thread-safe (``lru_cache``)."""
    asked = _ACT_OF_SUBJECT.match(asking_clause(question))
    if asked is None:
        return None
    subject = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", asked.group(1)))
    done = "|".join(_participles(asked.group(2).lower()))
    return subject, re.compile(
        rf"\b(?:{done})\s+by\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})"
    )


def _participles(verb: str) -> tuple[str, ...]:
    """The past forms of a verb's base that may stand before "by": "directed", "produced",
    and the irregular ones (``irregular_forms``: "written", "bought")."""
    regular = f"{verb[:-1]}ied" if re.search(r"[^aeiou]y$", verb) else f"{verb.removesuffix('e')}ed"
    return tuple(sorted({regular, *irregular_forms(verb)}))


# "Which studio developed …?", "Who designed …?": the maker's verb whose doer is asked, in the
# active voice (not "Which game was developed by Bioware?").
_DOER_ASKED = re.compile(
    r"^(?:which|what|who)\b(?:\s+(?!(?:is|was|were|are|been|being|be|got|get)\b)[a-z-]+){0,3}?\s+"
    r"(developed|published|directed|produced|designed|composed|founded|manufactured|organised|"
    r"organized)\b"
)


@lru_cache(maxsize=1024)
def _doer_phrase(question: str) -> re.Pattern[str] | None:
    """ "a/an/another <up to two words> <doer>", the doer being an agent noun of the maker's
    verb whose doer ``question`` asks for ("developed": developer; "directed": director;
    "produced": producer; with forms no sentence writes, "developor"); None when it asks no
    doer. Read once per question. Bounded and thread-safe (``lru_cache``)."""
    m = _DOER_ASKED.match(asking_clause(read_question(question)).lower())
    if m is None:
        return None
    verb = m.group(1)
    doers = sorted({f"{verb[:-2]}er", f"{verb[:-2]}or", f"{verb[:-1]}r"})
    return re.compile(
        rf"\b(?:a|an|another)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{'|'.join(doers)})s?\b(?!['’]s\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1024)
def _joined_names(question: str) -> tuple[tuple[str, str], ...]:
    """The runs of three to six capitalised words of the question's names that "and", "of",
    "for" or "the" join (``SPELT_NAME``: "Transport and General Workers Union", "Department of
    Trade and Industry"), as (initials of the capitalised words in upper case, the words
    joined by spaces): the acronyms ``_word_runs`` cannot see (it stops at a stopword).
    Bounded and thread-safe (``lru_cache``)."""
    runs = []
    for m in SPELT_NAME.finditer(question):
        if not re.search(r"\s(?:and|of|for|the|de|&)\s", m.group(0)):
            continue
        words = [w for w in m.group(0).split() if w[0].isupper()]
        for size in range(3, min(6, len(words)) + 1):
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                runs.append((initials(window).upper(), " ".join(window)))
    return tuple(runs)


# A number that names a thing rather than counting it: after "number", "No", "Group",
# "Terminal" and the like ("play number 3", "Terminal 5"), not a score, a range or a fraction.
# (Only after such a word: a capitalised word before a number is as often a count, "Did 5
# people die", "beat Ireland 3 times", or a name the news spells out, "Formula One", "BBC Two".)
_NAMING_NUMBER = re.compile(
    r"\b(?:number|no\.?|group|round|stage|terminal|article|chapter|section|flight|route|"
    r"platform|phase|division|series|level|tier)\s+"
    r"(\d{1,3})\b(?![.,]\d|[-/–]\d|%|\s*(?:m|bn|million|billion|per\s*cent|percent)\b)",
    re.IGNORECASE,
)
_NUMBER_NAMES = ["zero", "one", *_CARDINALS]  # (index = value)
_ROMAN = "- I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()


@lru_cache(maxsize=1024)
def naming_numbers(question: str) -> tuple[str, ...]:
    """The numbers of ``question`` that name a thing (``_NAMING_NUMBER``). Read once per
    question (a bounded cache of immutable values, safe across threads)."""
    return tuple(m.group(1) for m in _NAMING_NUMBER.finditer(question))


def _states_number(n: str, text: str) -> bool:
    """Whether ``text`` gives the number ``n`` in digits, in words ("number one") or in Roman
    numerals ("Series II")."""
    if re.search(rf"(?<![\w.,]){n}(?![\w%]|[.,]\d)", text):
        return True
    value = int(n)
    if value < len(_NUMBER_NAMES) and re.search(
        rf"\b{_NUMBER_NAMES[value]}\b", text, re.IGNORECASE
    ):
        return True
    return 0 < value < len(_ROMAN) and re.search(rf"\b{_ROMAN[value]}\b", text) is not None


def _surname_used(run: str, sentence: str) -> bool:
    """Whether a one-word name is used as a person's surname in the sentence ("said
    Sheehan", "Rogoff said", "Kember, a peace activist", "Maathai, who …"), unlike a place
    beside an anonymous role ("Washington worries, … a fellow said")."""
    r = re.escape(run)
    return bool(
        re.search(rf"\b(?:said|says|told|according to)\s+{r}\b", sentence)
        or re.search(rf"(?<![\w'’-]){r}(?:\s+(?:said|says|told)\b|\s*,\s*(?:who|a|an)\b)", sentence)
    )


@dataclass(frozen=True)
class Focus:
    """What a question is about: its terms with weights, and the parts that must be present."""

    weights: dict[str, float]
    names: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    # "after 2020", "before 2019": a time the question bounds, not a year it names
    year_bounds: tuple[tuple[str, int], ...] = ()
    days: frozenset[tuple[int, str]] = frozenset()  # "on 16 March": (16, "mar")
    weekdays: frozenset[str] = frozenset()  # "the Friday match": {"friday"}
    position: int | None = None  # "who came fourth …?": 4, which the sentence must give
    kind: Kind | None = None
    event: str | None = None  # the verb of "who won …?": the evidence must mention that event
    role: str | None = None  # the noun of "which judge is …?": the evidence must mention it
    noun: str | None = None  # the noun of "which <noun> …?", a role or not ("which newspaper")
    person: bool = False  # the noun is a person's ("the name of the fellow who …")
    described: bool = False  # the noun comes from "the name of the <noun> who/where …"
    office: str | None = None  # of "who is the chief executive of …?": the sentence must give it
    question: str = ""
    # ``TermStats.is_common`` of the index the question is asked of, when there is one: a
    # common word opening a sentence ("Despite the launch, …") is no name of another party
    common: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)
    missing: list[str] = field(default_factory=list)

    def coverage(self, sentence: str, context: str = "") -> float:
        """IDF-weighted share of the question's terms that the sentence holds (its context —
        the passage around it, for pronouns and the article's subject — counts half)."""
        total = sum(self.weights.values())
        if not total:
            return 1.0
        here = content_words(sentence) | self._named_by_initials(sentence)
        around = content_words(context) | self._named_by_initials(context) if context else set()
        here = here | self._pronoun_stands_for(sentence, context, here)
        got = 0.0
        for term, weight in self.weights.items():
            if term in here:
                got += weight
            elif term in around:
                got += weight / 2
        return got / total

    def _pronoun_stands_for(self, sentence: str, context: str, here: set[str]) -> set[str]:
        """The terms of the question's person a sentence opening on "He" or "She" stands for:
        the last name its passage gives before it is (part of) that person's ("He then
        finished off the match" after "… as Hewitt broke"): "hewitt" of "Lleyton Hewitt".
        Nothing inside a quotation, for a name that is no person's ("Chelsea"), or when the
        last name before it is someone else's (review74: "He is 21" after "Mourinho praised
        Robben" is Robben)."""
        if not _OPENING_PRONOUN.match(sentence):
            return set()
        at = context.find(sentence[:60])
        if at <= 0:
            return set()
        before = context[:at]
        paragraph = before.rsplit("\n\n", 1)[-1]
        if paragraph.count('"') % 2 or paragraph.count("“") > paragraph.count("”"):
            return set()
        runs = [
            run
            for run in name_runs(before)
            if run.split()[0].lower() not in NOT_NAMES and run.split()[0] not in ("He", "She")
        ]
        if not runs:
            return set()
        last = content_words(runs[-1])
        for run in self.names:
            words = run.split()
            if len(words) < 2 or words[-1].lower() in _NOT_SURNAMES:
                continue  # (a person's full name only: not "Chelsea", "Davis Cup")
            terms = content_words(run)
            if terms & last and not terms & here:
                return terms & last
        return set()

    def _named_by_initials(self, text: str) -> set[str]:
        """The terms of the question's names, or of any run of two to four of its words, that
        ``text`` gives by their initials ("US" for "United States", "CSOs" for "community
        support officers")."""
        acronyms = {w.removesuffix("s") for w in re.findall(r"\b[A-Z][A-Z0-9]*[A-Z]s?\b", text)}
        if not acronyms:
            return set()
        terms: set[str] = set()
        for run in self.names:
            parts = re.findall(r"[A-Za-z0-9]+", run)
            if len(parts) > 1 and initials(parts).upper() in acronyms:
                terms |= content_words(run)
        # A name of three words or more joined by "and", "of" or "for" ("the Transport and
        # General Workers Union" for "TGWU"; ``name_runs`` splits it at "and")
        for letters, window in _joined_names(self.question):
            if letters in acronyms:
                terms |= content_words(window)
        # Lower-case runs: only of content words, and not for acronyms with a meaning of
        # their own ("units sold" is no "US", "more people" no "MP").
        spelt = acronyms - _FIXED_ACRONYMS
        for letters, window in _word_runs(self.question):
            if letters in spelt:
                terms |= content_words(window)
        return terms

    def about_other_nationals(self, sentence: str) -> bool:
        """Whether the sentence gives what the question asks of one nation's people or things
        to another's: "British troops are on standby" for "How many Spanish troops were put
        on standby?", with no word of Spain in it (its name, people, capital: "Spain",
        "Spaniards", "Madrid"; not inside a name: "the Spanish Grand Prix") and no figure of
        the noun left unqualified ("Madrid will withdraw its 1,300 troops, leaving Polish
        troops …"). A region ("European troops") or Britain against one of its nations
        ("Scottish") is no contrast."""
        asked = _asked_nations(self.question)
        if not asked:
            return False
        here = {
            nation
            for m in _NATION_WORD.finditer(sentence)
            # (a nation's word inside a name is no mention of it: "the French Open")
            if not re.match(r"\s+[A-Z]", sentence[m.end() :])
            and (nation := _nation(m.group(1))) is not None
        }
        for nation, noun in asked:
            if any(_same_nation(nation, n) for n in here):
                continue
            # a figure of the noun itself, with no nation, is the question's nation's
            if re.search(rf"\d\s+(?:more\s+|extra\s+|additional\s+)?{noun}", sentence):
                continue
            for m in _NATION_NOUN.finditer(sentence):
                other = _nation(m.group(1))
                if other is not None and m.group(2)[:5] == noun and not _same_nation(nation, other):
                    return True
        return False

    def counts_in_another_country(self, sentence: str) -> bool:
        """Whether a figure asked of one country ("How many DS consoles were sold in the
        UK …?", "How much will it cost subscribers in the UK?") is given by a sentence that
        places what it says in another country ("Since going on sale in Japan and the US …,
        Nintendo has sold almost 4m DS consoles"; "on offer in the US, the service costs
        $15") and names the asked one nowhere (by name, people or capital). Only countries
        the nation table knows; a region ("in Europe") is no other country."""
        if self.kind not in (Kind.NUMBER, Kind.MONEY):
            return False
        named = {n for m in _NATION_WORD.finditer(sentence) if (n := _nation(m.group(1)))}
        # the other side of a deal or a gift: "the debt deal Brown was to sign with
        # Mozambique" is not "a debt relief deal with Tanzania"
        for prep, country in _party_countries(self.question):
            if country in named or re.search(rf"\b{country}\b", sentence, re.IGNORECASE):
                continue
            for m in re.finditer(rf"\b{prep}\s+{_COUNTRY_RUN}{_COUNTRY_ENDS}", sentence):
                other = _party_country(m.group(1))
                if other is not None and other != country:
                    return True
        # a worldwide figure is not one country's: "How much did the film take worldwide?" —
        # "$305m at the box office in the US alone"
        # (review79: only for a question that places its figure in no country, and a country
        # right after the figure: not "speaking at a conference in Japan")
        if (
            _WORLDWIDE.search(self.question)
            and not _asked_countries(self.question)
            and not _WORLDWIDE.search(sentence)
        ):
            for m in _IN_COUNTRIES.finditer(sentence):
                if (
                    _country(m.group(1)) is not None
                    and not _COMPARED.search(sentence[: m.start()])
                    and _FIGURE_BEFORE.search(sentence[max(0, m.start() - 60) : m.start()])
                ):
                    return True
        asked = _asked_countries(self.question)
        if not asked:
            return False
        if any(_same_nation(a, n) for a in asked for n in named):
            return False
        for m in _IN_COUNTRIES.finditer(sentence):
            # (review76: not "in Britain's relay team", "Spanish-speaking", nor a country a
            # comparison brings in: "faster than in France", "including 400,000 in Canada")
            if re.match(r"['’]|-", sentence[m.end() :]) or _COMPARED.search(sentence[: m.start()]):
                continue
            for run in [m.group(1), *re.findall(_COUNTRY_RUN, m.group(2) or "")]:
                if _country(run) is not None:
                    return True
        return False

    def gives_another_weekday(self, sentence: str) -> bool:
        """Whether the sentence dates what it says to another day of the week than the
        question's: "Wasps' 12-9 loss to Bath on Saturday" for "the Friday match against
        Saracens", "On Thursday Mr Straw was in Amritsar" for his talks on Friday. A sentence
        that gives no weekday, or the question's among others, is not checked."""
        if not self.weekdays:
            return False
        said = weekdays(sentence)
        return bool(said) and not said & self.weekdays

    def gives_another_race(self, sentence: str) -> bool:
        """Whether the sentence is about another race distance than the question's: "won
        the 100m final in 9.85 seconds" for "What was his time when he got bronze in the
        200m?". A sentence naming no distance, or the question's among others, is not
        checked."""
        asked = race_distances(self.question)
        if not asked:
            return False
        said = race_distances(sentence)
        return bool(said) and not said & asked

    def gives_another_ordinal(self, sentence: str) -> bool:
        """Whether the sentence gives another one in order of the thing the question counts
        in order: "50 Cent's second album, The Massacre" for "What was 50 Cent's first album
        called?" (a debut or maiden one is the first). Read from the asking clause (not the
        question's setting: "after their third-round replay, who did they meet in the fourth
        round?"); a sentence that also names the asked one ("his first album … his second"),
        or says the asked ordinal on its own ("won the second 6-4"), is not checked; nor is
        a place or a figure of the asked one (review75)."""
        # (a name or a date of the asked one: "Where had he won his first title?" may be
        # answered beside the second — "his second title after winning in Lyon last year")
        if self.kind not in (Kind.NAME, Kind.DATE):
            return False
        asked = _ordinal_pairs(asking_clause(self.question))
        if not asked or (len({o for o, _ in asked}) > 1 and len({n for _, n in asked}) == 1):
            return False
        nouns = {noun for _, noun in asked}
        said = _ordinal_pairs(sentence)
        other = {(o, n) for o, n in said if n in nouns} - _ordinal_pairs(self.question)
        if not other or said & asked:
            return False
        return not any(
            re.search(
                rf"\b{o}\b(?=\s*(?:[,.;:)\d]|$|(?:in|and|of|to|on|at|for|with|against|from)\b))",
                sentence,
                re.IGNORECASE,
            )
            for o, _ in asked
        )

    def names_its_numbers(self, text: str) -> bool:
        """Whether ``text`` (a sentence with its own article's title and passages, not those
        of other reports of its story) holds every number of the question that names a
        thing ("play number 3", "Terminal 5"), in digits, words or Roman numerals:
        near-identical articles that differ by that number report different things, and
        another's "number 4" is not the asked "number 3". Lenient by design: "one" anywhere
        in the text gives 1 ("world number one")."""
        return all(_states_number(n, text) for n in naming_numbers(self.question))

    def gives_another_age(self, sentence: str) -> bool:
        """Whether every age the sentence gives is, by its wording, someone else's than the
        question's subject: "The 22-year-old Michalak has …" for "How old is Delaigue, the
        fly-half who kept Michalak on the bench?" (a name only the describing clause holds
        is no subject). An age whose owner the wording does not show ("the 19-year-old
        Manchester United striker", "the 34-year-old American") may be the subject's, and a
        question about a role ("How old is the Chelsea boss?") is not checked: the sentence
        may name its holder."""
        if self.kind is not Kind.AGE:
            return False
        subject = _age_subject(self.question, self.names)
        if not subject:
            return False

        owners = [_age_owner(sentence, m) for m in AGE_PHRASE.finditer(sentence)]
        return bool(owners) and all(o is not None and not _same_person(o, subject) for o in owners)

    def gives_an_antecedents_age(self, sentence: str, before: str) -> bool:
        """Whether a sentence's ages, which its wording gives to no one ("The 25-year-old was
        only called into the squad …"), point back to someone other than the question's
        subject: the sentence does not name the subject, and the sentences just before it
        (``ANTECEDENT_SENTENCES`` of ``before``, the passage's text up to the sentence) name
        someone, never the subject, and quote no one. News gives an age this way to the
        person just named ("Mr Spector is free on bail. The 64-year-old has denied the
        killing." does not give the age of the actress who died). An age with no sentence
        before it in the passage, or after sentences that name no one, may be the
        subject's."""
        if self.kind is not Kind.AGE:
            return False
        subject = _age_subject(self.question, self.names)
        if not subject:
            return False
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
        if _same_person(words, subject):
            return False
        ages = list(AGE_PHRASE.finditer(sentence))
        if not ages or any(_age_owner(sentence, m) is not None for m in ages):
            return False
        last = _last_sentences(before, ANTECEDENT_SENTENCES)
        # (a quotation names whom the speaker speaks of; the speaker may be named further back)
        if any(q in text for text in last for q in '"“”'):
            return False
        named = {w for text in last for w in _people_named(text)}
        return bool(named) and not _same_person(named, subject)

    def gives_another_figure(self, sentence: str) -> bool:
        """Whether every new figure the sentence gives (digits the question does not hold) is,
        by its wording, another named one's than the question's subject: set off after another
        name ("Campese, a veteran of 101 international caps, said …" for "How many caps has
        Jason Robinson won, the only Englishman Campese would pick?"), in brackets after it
        ("Reid (4:31)"), or in its possessive ("Campese's 101 caps"). A name only the
        question's describing clause holds is no subject, and a question about no name (or a
        role) is not checked; a figure whose wording shows no owner may be the subject's."""
        if self.kind not in (Kind.NUMBER, Kind.MONEY):
            return False
        subject = _figure_subject(self.question, self.names)
        if not subject:
            return False
        q_numbers = {n.replace(",", "") for n in DIGITS.findall(self.question)}
        figures = [
            m for m in DIGITS.finditer(sentence) if m.group(0).replace(",", "") not in q_numbers
        ]
        if not figures:
            return False
        runs = [re.sub(r"['’]s$", "", run) for run in name_runs(sentence, self.common)]
        for m in figures:
            owner = _figure_owner(sentence, m.start(), m.end())
            if owner is None or not any(run.endswith(owner) for run in runs):
                return False
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", owner)}
            if words & _NATIONALS or words & _OFFICES or _is_subject(owner, subject, self.names):
                return False
            # a price the other party to the subject's deal names ("Everton's £27m sale of
            # Rooney", "Marseille, who received £24m for Drogba,") is the subject's price
            deal = _DEAL_PARTY.search(re.split(r"[,;]", sentence[m.end() :])[0])
            if self.kind is Kind.MONEY and deal and _is_subject(deal.group(1), subject, self.names):
                return False
        return True

    def fills_role(self, sentence: str, article: str) -> bool:
        """Whether a sentence gives a name in the role a "Which referee …?" question asks
        for: the sentence says the role itself ("referee Neale Barry", "the referee", "match
        official", "Mr Justice Eady" for a judge; not "the referee's decision" nor "assistant
        referee"), states the question's own event with a new name as its doer ("Blinx 2 was
        developed by Artoon" for "Which studio developed Blinx 2?"), or a name it gives that
        the question does not is given the role beside it in its article ("referee Neale
        Barry", "Neale Barry, the referee", "The referee was Neale Barry", "the Amicus
        union"); "Spurs boss Martin Jol said …" names no referee. True when the question asks
        no role or a loose one (an office, a playing position: ``LOOSE_ROLES``)."""
        role = self.role
        # "What is the name of the hospital where …?" asks what "Which hospital …?" asks: a
        # name that carries the noun ("an Olympics-accredited hospital" names none), for the
        # institutions news names with their noun (``_NAMED_WITH_NOUN``)
        if role is None and self.described and self.noun in _NAMED_WITH_NOUN:
            return self._names_institution(sentence)
        if role is None or role in LOOSE_ROLES:
            # (a publication is no role, but must be named: ``names_publication``)
            return names_publication(self.noun, sentence)
        if role in _INSTITUTIONS:
            # "the hospital", "an Olympics-accredited hospital" say the role and name no
            # hospital: a name must carry the noun ("Belmarsh Prison", "University of Leeds")
            if self._names_institution(sentence):
                return True
        elif self._says_role(sentence, spoken_of=False) or self._role_by_verb(sentence):
            return True
        new = self._new_name_words(sentence)
        if self._named_as_role(sentence, new) or self._names_kind(sentence, new):
            return True
        if states_asked_event(self.question, sentence, new):
            return True
        # (an article that never says the role gives it to no name: skip the name patterns)
        if not mentions_role(role, article):
            return False
        return gives_role(role, new, article)

    def _names_institution(self, sentence: str) -> bool:
        """Whether the sentence gives a name that carries an institution's noun (any:
        "Waverley Sports College" for a school) and a word the question does not hold:
        "Belmarsh Prison", "St Mary's Hospital", "the Beverly Hilton hotel", "Stockholm's
        Cirkus theatre", "the University of Leeds"; not "an Olympics-accredited hospital"."""
        asked = content_words(self.question)
        for m in _NAMED_INSTITUTION.finditer(sentence):
            words = re.findall(r"[A-Za-z][\w.&]*", m.group(1) or m.group(2) or m.group(3))
            if any(
                w.lower() not in asked and w.lower() not in NOT_NAMES and w.lower() not in STOPWORDS
                for w in words
            ):
                return True
        return False

    def _names_kind(self, sentence: str, new: set[str]) -> bool:
        """Whether the sentence gives a name news writes with a word of the asked kind
        (``_KIND_NAMES``: "the Chennai Open" for "Which tournament …?", "the Pensions Policy
        Institute" for "Which think-tank …?") holding a word the question does not: "the Davis
        Cup" of the question's own words is no answer."""
        assert self.role is not None
        pattern = _KIND_NAMES.get(self.role)
        return pattern is not None and any(
            set(re.findall(r"[A-Za-z]+", m.group(0))) & new for m in pattern.finditer(sentence)
        )

    def _named_as_role(self, sentence: str, new: set[str]) -> bool:
        """Whether a name the question does not hold ends in the word that describes the
        asked role in the question: "North Wales Police" for "Which police force …?", "Kent
        County Council" for "Which county council …?" (bodies only, ``_BODY_ROLES``)."""
        assert self.role is not None
        # (bodies only: a name ending in "Prime" is no prime minister, "Department for
        # Education" no education secretary)
        if self.role not in _BODY_ROLES:
            return False
        # (a common noun, written in lower case: "Which Orbis winger …?" names a club)
        m = re.search(rf"\b([a-z]+)\s+(?i:{re.escape(self.role)})\b", self.question)
        if m is None or m.group(1) in STOPWORDS:
            return False
        end = m.group(1).capitalize()
        return any(
            run.split()[-1] == end
            and any(w in new for w in run.split()[:-1])
            and run.split()[0] not in ("Department", "Ministry", "Office")
            for run in name_runs(sentence)
        )

    def _says_role(self, text: str, *, spoken_of: bool = True) -> bool:
        """Whether ``text`` says the asked role itself: its words or a synonym ("match
        official" for a referee; ``mentions_role``), an alias, or a title that holds it ("Mr
        Justice Eady" for a judge). ``spoken_of=False``: not where the role is only spoken
        of ("the referee's decision")."""
        assert self.role is not None
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        return (
            mentions_role(self.role, text, spoken_of=spoken_of)
            or any(alias in words for alias in _ALIASES.get(self.role, ()))
            or role_as_title(self.role, text)
            or (self.role in _SEAT_ROLES and _GIVES_SEAT.search(text) is not None)
        )

    def _role_by_verb(self, sentence: str) -> bool:
        """Whether the sentence gives the role by what its name does: a playing role by
        playing ("Smith played …"), an actor by playing the question's part (``_plays_the_part``),
        a medium by what was told to it ("told the Sun"), a presenter by their show ("Andrew
        Collins' afternoon show")."""
        return (
            (self.role in PLAYED_ROLES and PLAYED.search(sentence) is not None)
            or (self.role in ACTING_ROLES and self._plays_the_part(sentence))
            or (self.role in MEDIA_ROLES and TOLD_MEDIA.search(sentence) is not None)
            or (self.role in HOSTED_ROLES and hosts_show(sentence))
            or (self.role in _CREATOR_ROLES and _WORK_BY.search(sentence) is not None)
        )

    def _plays_the_part(self, sentence: str) -> bool:
        """Whether someone in the sentence plays the part the question names: "who plays the
        Presley role" for "Which actor, who plays Presley …?"; not another part ("stepping
        into the role of Tom" for the actress who plays Laura)."""
        q_words = {w.lower() for w in re.findall(r"[A-Za-z]+", self.question)}
        if any(
            (part := re.match(r"[A-Za-z]+", sentence[m.end() - 1 :])) is not None
            and part.group(0).lower() in q_words
            for m in PLAYED.finditer(sentence)
        ):
            return True
        # the title or lead part, as the question asks it: "Which actor plays the title
        # character?" — "with Jo Vey in the title role", "Jo Vey takes the lead role"
        # (a name the question does not give must be there: not "have yet to cast anyone in
        # the title role"; nor the title role of another work: "the title role of Hamlet")
        part = _TITLE_OR_LEAD_PART.search(self.question)
        if (
            part is not None
            and re.search(
                r"\b(?:(?i:in)|takes?|took|taking|plays?|played|playing|lands?|landed|gets?|"
                rf"got|stars?|starred|starring)\s+the\s+{_PART_FORMS[part.group(1)]}"
                r"\s+(?:role|part)\b(?!\s+of\b)",
                sentence,
            )
            and self._new_name_words(sentence)
        ):
            return True
        # the part described as the question describes it: "Which actor plays the brooding
        # king?" — "Clive Owen is the brooding king" (a description of two words at least,
        # right after a name of two words: not "the king", nor "Arthur is" or "He is", which
        # a character or a pronoun may be)
        asked = _ASKED_PART.search(self.question)
        if asked is None:
            return False
        described = r"\s+".join(re.escape(w) for w in asked.group(1).split())
        return (
            re.search(
                rf"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+(?:is|was|as|plays|played)\s+{described}\b",
                sentence,
            )
            is not None
        )

    def _new_name_words(self, sentence: str) -> set[str]:
        """The words of the sentence's names (``name_runs``) that the question does not use,
        as written: the names a sentence adds, one of which may fill the asked role."""
        q_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", self.question)}
        return {
            w
            for run in name_runs(sentence, self.common)
            for w in re.findall(r"[A-Za-z]+", run)
            if w.lower() not in q_words
        }

    def figure_of_another(self, sentence: str) -> bool:
        """Whether a sentence gives its figure to someone else than the question's subject:
        for "How much has France pledged …?" (a subject named right after the auxiliary, a
        verb after it), a sentence that names none of the question's names (nor its nation
        by another name: "Paris", "Washington"), does not call the subject by the question's
        word for it or open with a description of it ("The carmaker expects …"), and names
        another party ("Britain urged donors after pledging £960m"; "WMC said it made net
        profits": "it" is WMC; "The US has pledged $1bn"). A titled speaker ("Mr Coupe
        said", "said chief executive Ben Vane"), the outlet told ("told the BBC"), an office
        and a nationality (unless another nation's, when the subject is a nation) name no
        other party."""
        if self.kind not in (Kind.NUMBER, Kind.MONEY):
            return False
        asked = _asked_subject(self.question)
        if asked is None:
            return False
        subject, described_as = asked
        words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", sentence)}
        if described_as & words:
            return False
        # another party opens the sentence as the doer of the question's act, and the
        # subject is nowhere: "How much did MCI pay the SEC?" — "Qwest, meanwhile, had to pay
        # the SEC $250m"
        act = _PAYING_ACT.search(self.question)
        opener = _OPENING_NAME.match(sentence)
        if (
            act is not None
            and opener is not None
            and opener.group(1).split()[0].lower() not in STOPWORDS
            and opener.group(1).split()[0].lower() not in NOT_NAMES
            and not subject & words
            and not {w.lower() for w in opener.group(1).split()} & _question_words(self.question)
            and (
                paid := event_forms(act.group(1).lower()).search(
                    sentence[opener.end() : opener.end() + 60]
                )
            )
            # (not a speaker: "Chief executive Arun Sarin said the firm had spent £13bn")
            and not _SPEECH_BETWEEN.search(sentence[opener.end() : opener.end() + paid.start()])
        ):
            return True
        # (no name of the question at all, by a word, an alias or its initials: a sentence
        # naming the other side of the subject's deal may give the subject's figure; a name
        # only the question's describing clause holds does not count — "How many members does
        # the GMB have, one of the unions that worked with Amicus?" is not answered by "Amicus
        # has 1.2 million members")
        describing = description_terms(self.question)
        described: set[str] = set()  # (the words of such names: another party's)
        for run in self.names:
            parts = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)]
            # (not the subject's own name in another form: "Italy's … match" for "the
            # Italians")
            if (
                describing
                and all(stem_word(w) in describing for w in parts)
                and not any(w[:4] == x[:4] for w in parts for x in subject)
            ):
                described.update(parts)
                continue
            spelt = initials(parts) if len(parts) > 2 else ""
            if any(w in words or words.intersection(_ALIASES.get(w, ())) for w in parts) or (
                spelt and spelt in words
            ):
                return False
        # ("we", "our": a quoted spokesman speaks for the subject)
        if re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b", sentence):
            return False
        # (a sentence that opens on "Its …" / "Their …" figure goes on from the one before:
        # the article's subject, which anchoring ties to the question's: "Its $17m profit
        # for the quarter was dwarfed by the $204m announced by rival Google")
        # (lower-case words only between: "Its rival Google's $204m" is Google's; and a
        # figure, not a year: "Their 2004 profit")
        if re.match(
            r"\s*(?:Its|Their)\s+(?:[a-z][a-z-]*\s+){0,2}?(?:[$£€]\d|\d[\d.,]*\s*(?:m|bn|%|"
            r"million|billion|per\s*cent)\b)",
            sentence,
        ):
            return False
        runs = name_runs(sentence, self.common)
        q_nations = _nations_of(subject)  # (the subject's nation: "has France pledged")
        if q_nations & _nations_of(runs):
            return False
        opening = _OPENING_DESCRIPTION.match(sentence)
        if opening:
            desc = opening.group(1).split()
            nations = {n for w in desc if w.lower() in _NATIONALS and (n := _nation(w))}
            if not {w.lower() for w in desc} & {"rival", "other", "fellow"} and (
                not nations or not q_nations or nations <= q_nations
            ):
                return False
        q_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", self.question)}
        # (a subject read from a relative clause — "the longest sentence that Jo Hale could
        # face" — has another party only in one that faces, is fined or pays something: not
        # "under the Fraud Act", "the Serious Fraud Office said")
        relative = (
            _relative_verb(self.question) if asked == _relative_subject(self.question) else None
        )
        others: set[str] = set()
        for run in runs:
            at = sentence.find(run)
            before, after = sentence[:at], sentence[at + len(run) :]
            if relative is not None and not re.match(
                rf"\W+(?:[\w'’-]+\W+){{0,3}}?(?:{relative}|fac(?:e|es|ed|ing)|fined|jailed|"
                r"sentenced|banned|ordered|pa(?:y|ys|id)|receiv\w*|got|given|handed)\b",
                after,
            ):
                continue
            if _TITLED_SPEAKER.search(before) and (
                _SAYS.match(after) or _SAID_BEFORE.search(before)
            ):
                continue
            if _TOLD_OUTLET.search(before):
                continue
            # a name of the describing clause is another party only as the figure's holder:
            # not as a speaker ("Corbyn said the union had …") nor after a preposition
            # ("Since joining Chelsea, he has scored 12")
            if {w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)} <= described and (
                _SAYS.match(after) or _PREPOSITION_BEFORE.search(before)
            ):
                continue
            for w in re.findall(r"[A-Za-z0-9]+", _COMPOUND_END.sub("", run)):
                lw = w.lower()
                if re.search(r"\d", w) or lw in _OFFICES:
                    continue
                if len(w) == 2 and w.isupper() and w not in _NOT_PARTIES:
                    others.add(lw)  # "the US", "the EU", "BP"
                elif lw in _NATIONALS:
                    nation = _nation(w)
                    if q_nations and nation and nation not in q_nations | _REGIONS:
                        others.add(lw)  # "the German government" for France's pledge
                elif len(w) > 2:
                    others.add(lw)
        return bool(others - (q_words - described))

    def gives_a_joint_figure(self, sentence: str) -> bool:
        """Whether a sentence giving a figure names one of the question's names only joined
        with another that the question does not name ("Applications from England and Wales
        rose by 17%" for "… applications from England alone"): its figure is for the two
        together. Not when the sentence gives the figure to each ("each", "both",
        "respectively") or names the question's name on its own too."""
        if self.kind not in (Kind.NUMBER, Kind.MONEY) or not self.names:
            return False
        if _EACH.search(sentence):
            return False
        sentence = _ONE_COUNTRY.sub(lambda m: m.group(0).replace(" and ", "-"), sentence)
        q_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", self.question)}
        for run in self.names:
            found = list(re.finditer(rf"(?<![\w'’-]){re.escape(run)}(?![\w-])", sentence))
            # (a name the question lists with others asks about the list: "from Lucent,
            # Nortel and Motorola")
            if not found or _LISTED.search(_name_in(run, self.question)):
                continue
            joined = 0
            for m in found:
                after = _JOINED_AFTER.match(sentence, m.end())
                before = _JOINED_BEFORE.search(sentence[: m.start()])
                other = (after and after.group(1)) or (before and before.group(1))
                other_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", other or "")}
                # (a deal or a statement made together is no joint figure: "Chelsea and
                # Marseille agreed a £24m fee", "Acme and the union said 900 jobs would go")
                if (
                    other
                    and not other_words <= q_words
                    and not _JOINT_ACT.match(sentence, after.end() if after else m.end())
                ):
                    joined += 1
            if joined == len(found):
                return True
        return False

    def about_someone_else(self, sentence: str) -> bool:
        """Whether a sentence giving a figure, date or age is about another person or thing
        than the question's: it names none of the question's names, refers back to none
        ("he", "the company"), and names someone else ("Kelly Reid (4:31) was seventh" for
        "What time did Jo Hale record?"). Questions asking for a name or a place are left
        alone: there the other name is the answer."""
        if self.kind in (None, Kind.NAME, Kind.PLACE) or not self.names:
            return False
        # (a possessive's "s" is no word: "Ray Dunn's trial" shares none with "Tom Hale's")
        words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", _POSSESSIVE.sub("", sentence))}
        for run in self.names:
            # (by another name too: "the Lib Dems" are the Liberal Democrats)
            if any(
                w.lower() in words or words.intersection(_ALIASES.get(w.lower(), ()))
                for w in re.findall(r"[A-Za-z0-9]+", _POSSESSIVE.sub("", run))
            ):
                return False
        # The question's acronym spelt out ("the Securities and Exchange Commission" for SEC).
        # (three letters or more: "BP" could be anyone's initials; the name may run on into
        # a title: "International Monetary Fund Managing Director …")
        acronyms = {run.lower() for run in self.names if re.fullmatch(r"[A-Z]{3,6}", run)}
        if acronyms and spells_out(acronyms, sentence):
            return False
        # A sentence in its writer's first person is the writer's, whom the question may name
        # ("I find three old laptops" in a column by the question's columnist).
        if (
            PRONOUN.search(sentence)
            or _DESCRIBED_BACK.search(sentence)
            or _first_person_narrative(sentence)
        ):
            return False
        q_words = set(re.findall(r"[a-z0-9]+", _POSSESSIVE.sub("", self.question.lower())))
        # (who gives the figure is no one it is about: ", according to analysts Screen Digest")
        # (nor who is quoted at the end: "…, said Jo Hale, a county manager.")
        for run in name_runs(
            _ACCORDING_TO.sub(" ", _without_closing_speaker(sentence)), self.common
        ):
            # ("MP3s" is one word, and "TV-quality" names "TV" only: the lower-case end of a
            # compound is no word of the name)
            parts = [
                w.lower()
                for w in re.findall(
                    r"[A-Za-z0-9]+", _POSSESSIVE.sub("", _COMPOUND_END.sub("", run))
                )
            ]
            if (
                len(parts) >= 2
                and not any(w in q_words for w in parts)
                and not all(w in COUNTRY_WORDS or w in NOT_CITIES for w in parts)
            ):
                return True
        return False

    def gives_office(self, sentence: str, title: str = "") -> bool:
        """Whether the sentence itself gives the office a "who is the <office> of …?" question
        asks about (always, for other questions): a name beside another office or beside none
        is not its holder, nor one given the office of another organisation
        (``office_of_another``); and whether the office is the asked organisation's: the
        sentence or its article's ``title`` names it ("replace chief executive Tim Koogle" in
        an article about Yahoo does not say who runs Microsoft)."""
        return self.office is None or (
            mentions_office(self.office, sentence)
            and not office_of_another(self.office, self.question, sentence)
            and (
                names_organisation(self.office, self.question, sentence)
                or names_organisation(self.office, self.question, title)
            )
        )

    def names_role_anonymously(self, sentence: str) -> bool:
        """Whether the sentence speaks of the asked role only as "a <role>" with no name beside
        it: "Anelka told a French magazine: …" does not say which magazine, nor "from a London
        venue" which venue. A name in apposition on either side ("Acme, a games company",
        "a magazine, Le Point," "a venue called the Cirkus") names it."""
        if self.noun is None or (
            self.noun in ANY_NAME_ROLES and self.noun not in ORGANISATION_PARTS
        ):
            return False
        # A sentence naming something of its own (other than who reports it: "The Sun says")
        # may name the asked thing elsewhere ("Hale told Le Point in a magazine interview").
        # For "the name of the hotel where …" (the thing has a name of its own), a name inside
        # the anonymous phrase names nothing ("a London hotel"); not for "which hotel …", where
        # "a Hilton hotel" may answer and no word list tells a chain from a place.
        phrases = self._role_phrases(sentence)
        unnamed = sentence
        for m in reversed(phrases if self.described else []):
            unnamed = f"{unnamed[: m.start()]} {unnamed[m.end() :]}"
        q_words = set(re.findall(r"[a-z0-9]+", self.question.lower()))
        # The asked thing described in the question's own words and left unnamed, with no new
        # name after it nor before it in its own clause ("saw Beenie Man dropped from an MTV
        # show in August" for "Which MTV show …?"): the names of other clauses are other
        # things ("Sizzla's UK tour cancelled and …"); one after it may name it ("a banned
        # substance, the steroid Velantrol"), and one before it in its clause too ("praised
        # the Honda Accura as … a crossover vehicle"). review77: not "the one law lord".
        if any(
            set(re.findall(r"[a-z0-9]+", m.group(0).lower())[1:-1]) - STOPWORDS for m in phrases
        ):
            new_names = [
                start
                for start, run in _located_runs(sentence)
                if not {w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)} <= q_words
            ]
            for m in phrases:
                inner = set(re.findall(r"[a-z0-9]+", m.group(0).lower())[1:-1])
                before = sentence[max(0, m.start() - 120) : m.start()]
                clause = m.start() - len(_CLAUSE_BREAK.split(before)[-1])
                if (
                    inner
                    and inner <= q_words
                    and inner - STOPWORDS
                    and not (m.group(0).lower().startswith("one") and before.endswith("the "))
                    and not NAME_BEFORE_ROLE.search(before)
                    and not any(n >= m.end() or clause <= n < m.start() for n in new_names)
                ):
                    return True
        q_names = {w.lower() for run in self.names for w in re.findall(r"[A-Za-z0-9]+", run)}
        # ("Which union …?" is answered by "the Communication Workers Union")
        asks_body = singular_of(self.noun) in BODY_NOUNS
        for run in name_runs(unnamed, self.common):
            words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)}
            # (for a person, a run sharing a name's word with the question is the question's
            # own organisation: "Carnegie Endowment for International Peace")
            if words <= q_words or (self.person and words & q_names):
                continue
            # a person is named by a full name, not by a place ("Washington", "Beijing's") nor
            # a modifier ("China-focused")
            parts = re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", run))
            # a body, or its acronym in brackets, names no thing ("banned by the International
            # Tennis Federation (ITF)" does not say which substance)
            if (
                not self.person
                and not asks_body
                and (parts[-1].lower() in BODY_NOUNS or _bracketed_after_a_body(run, sentence))
            ):
                continue
            # (a lone surname names the person when used as one: ``_surname_used``)
            # (a person's name ends in a word, not an acronym: "China's AI" names no one,
            # "KT Tunstall" someone)
            if self.person and (
                (len(parts) < 2 and not _surname_used(run, sentence))
                or (len(parts) >= 2 and parts[-1].isupper())
                or not all(w[0].isupper() for w in parts)
                or all(w in COUNTRY_WORDS or w in NOT_CITIES for w in words)
            ):
                continue
            # (who reports it: "The Sun says"; or "said Mourinho", unless the question asks
            # for a speaker: "the fellow who said …" may be "said Sheehan, a fellow at …")
            if not (
                _reports(run, sentence)
                or (not _SPEAKER_ASKED.search(self.question) and _reported_by(run, sentence))
            ):
                return False
        for m in phrases:
            before, after = sentence[: m.start()], sentence[m.end() :]
            # ("a Nokia 3220 handset" names the handset by its model)
            if names_a_model(m.group(0), frozenset(q_names), q_words):
                continue
            if not (NAME_BEFORE_ROLE.search(before) or NAME_AFTER_ROLE.match(after)):
                return True
        return False

    def names_doer_anonymously(self, sentence: str) -> bool:
        """Whether the sentence speaks of the doer the question asks for ("Which studio
        developed …?", "Who directed …?") only as "a <doer>" with no name beside it: "despite
        a different developer" does not say which studio developed the game. The doer is the
        agent noun of the question's verb, one of a few makers' verbs (``_DOER_ASKED``,
        review77: not "scorer", "player", "opener", nor a passive question's agent); a name in
        apposition or after "from / by / in" names it ("a new developer, Obsidian"), and so
        does "Pandemic, which is a Los Angeles-based developer"."""
        phrase = _doer_phrase(self.question) if self.kind is Kind.NAME else None
        if phrase is None:
            return False
        for m in phrase.finditer(sentence):
            after = sentence[m.end() : m.end() + 200]
            before = sentence[max(0, m.start() - 120) : m.start()]
            if (
                NAME_AFTER_ROLE.match(after)
                or re.match(r"\s+(?:in|through|from|by)\s+[A-Z]", after)
                or NAME_BEFORE_ROLE.search(before)
                or re.search(r"[A-Z][\w'’.-]*,?\s+(?:which|who)\s+(?:is|was|are|were)\s+$", before)
            ):
                continue
            return True
        return False

    def leaves_doer_unnamed(self, sentence: str) -> bool:
        """Whether the sentence states the event a "Who <verb>ed …?" question asks the doer of
        and gives its doer only as someone unnamed, the agent of the passive verb: "A fake
        Paypal.com has been registered with Verisign by someone who has followed the debate"
        does not say who registered it, nor "was bought by an anonymous collector" who bought
        it (unless the question itself says so); not a recipient ("sold it to an anonymous
        collector") nor another verb's agent ("bought the house designed by an unknown
        architect")."""
        if self.kind is not Kind.NAME or self.event is None:
            return False
        asked = self.question.lower()
        for m in event_forms(self.event).finditer(sentence):
            if not _PASSIVE_BEFORE.search(sentence, 0, m.start()):
                continue
            agent = _UNNAMED_AGENT.match(sentence, m.end())
            if agent is not None and agent.group(1).lower() not in asked:
                return True
        return False

    def only_nominated(self, sentence: str) -> bool:
        """Whether the sentence gives the nominees of what the question asks the winner of
        ("Which blog won the blog of the year award?" — "The Tsunami Blog is also nominated in
        the best overall category") and states no win."""
        return (
            self.kind is Kind.NAME
            and _ASKS_WINNER.search(asking_clause(self.question)) is not None
            and _NOMINATED.search(sentence) is not None
            and not states_event("win", sentence)
        )

    def names_category(self, sentence: str) -> bool:
        """Whether the sentence says the award category a "who won / took …" question asks
        the winner of ("Who took the best actor prize?" — "Paddy Considine, who was crowned
        best actor"; not "Mike Leigh and Imelda Staunton were both winners at the awards",
        nor "Tim Henman was named player of the year" for "coach of the year"). True when the
        question's asking part names no category (one in a describing clause is the
        subject's: "Who directed The Sea Inside, the film that won best picture?")."""
        pattern = _category_pattern(self.question) if self.kind is Kind.NAME else None
        return pattern is None or pattern.search(sentence) is not None

    def acts_on_another(self, sentence: str) -> bool:
        """Whether the sentence states the act a "Who directed <Title>?" question asks the
        doer of, on another work it names, and names the question's work nowhere: "Martin
        Scorsese, who directed him in Oscar-nominated movie The Aviator" does not say who
        directed Critters 3."""
        m = _ACT_ON_OBJECT.match(asking_clause(self.question))
        if m is None:
            return False
        title = {w.lower() for w in re.findall(r"[A-Za-z0-9][\w'’]*", m.group(2))} - STOPWORDS
        words = {w.lower() for w in re.findall(r"[A-Za-z0-9][\w'’]*", sentence)}
        if not title or title & words:
            return False
        forms = event_forms(_ACTS_ON_WORKS[m.group(1).lower()])
        asked = {w.lower() for w in re.findall(r"[A-Za-z0-9]\w*", self.question)}
        return any(self._names_another_work(sentence, a, asked) for a in forms.finditer(sentence))

    @staticmethod
    def _names_another_work(sentence: str, act: re.Match[str], asked: set[str]) -> bool:
        """Whether the act's form at ``act`` may be about another work than the question's.

        Read from capitalised words (names and titles' words alike; a lexical stand-in):
        - an active verb: one in the 60 characters after it ("who directed him in … The
          Aviator"; "He directed it in 1991" is no other work);
        - a passive verb after words: one in the 60 characters before it that is not the
          question's and no stopword ("The Aviator, directed by …"; not "The film, directed by
          Jo Roe" nor "It is directed by …": the name after "by" is the doer's);
        - a doer's noun after "the", "its", a lower-case possessive and the like ("the
          director of the film, Jo Roe", "the film's director"): only "of", "on" or "for"
          followed by one ("director of The Aviator", or "on Monday": refused, as before);
        - anything else, as before this distinction was made: one after the form. That holds
          for the form opening the sentence ("Directed by Jo Roe, …", "Director Jo Roe said
          …": the doer's own name is read as another work), for a doer's noun after another
          word, which may be another role ("festival director Dieter Kosslick"), and after a
          capitalised possessive ("The Aviator's director")."""
        after = sentence[act.end() : act.end() + 60]
        capital_after = _WORK_WORD.search(after) is not None
        before = re.search(r"([\w'’-]+)\W*$", sentence[: act.start()])
        if before is None:  # (the sentence opens with the act)
            return capital_after
        word = before.group(1)
        if act.group(0).lower().endswith(("or", "ors", "er", "ers")):
            if re.match(r"\s+(?:of|on|for)\s+(?:the\s+)?[A-Z]", after):
                return True
            own = word.lower() in _OWN_DOER or (
                re.search(r"['’]s$", word) is not None and word[:1].islower()
            )
            return False if own else capital_after
        if re.match(r"\s+by\b", after):
            start = max(0, act.start() - 60)
            return any(
                start <= w.start()
                and w.group(1).lower() not in asked
                and w.group(1).lower() not in STOPWORDS
                for w in _WORK_WORD.finditer(sentence, 0, act.start())
            )
        return capital_after

    def on_the_other_side(self, sentence: str) -> bool:
        """Whether the sentence gives only the other side of a vote than the question asks:
        "How many MEPs voted against the directive?" — "Only two MEPs backed the draft law";
        "Who voted for the bill?" — "Three Labour MPs opposed it"."""
        asked = _vote_side(self.question)
        if asked is None:
            return False
        said = _vote_sides(sentence)
        return bool(said) and asked not in said

    def done_by_another(self, sentence: str) -> bool:
        """Whether the sentence says the question's act was done by someone else: "Which film
        did Dustin Hoffman direct?" — "I Heart Huckabees, starring Dustin Hoffman and directed
        by David O Russell"; the agent after "<verb>ed by" shares no word with the question's
        subject."""
        act = _act_of_subject(self.question)
        if act is None:
            return False
        subject, done_by = act
        return any(
            not subject & {w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1))}
            for m in done_by.finditer(sentence)
        )

    def _role_phrases(self, sentence: str) -> list[re.Match[str]]:
        """The phrases "a/an/another/one <up to two words> <noun>" of the sentence, except
        where the noun is a modifier ("a judge's clerk", "a magazine interview")."""
        assert self.noun is not None
        role = re.compile(
            rf"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(self.noun)}s?\b"
            r"(?!['’]s\b)",
            re.IGNORECASE,
        )
        phrases = []
        for m in role.finditer(sentence):
            following = re.match(r"\s+([a-z]+)\b", sentence[m.end() :])
            if not following or following.group(1) in STOPWORDS:
                phrases.append(m)
        return phrases

    def anchored(self, sentence: str, context: str = "") -> bool:
        """Whether every name, year and quoted phrase of the question is present in the
        sentence or its context (its passage and the article's title: the article may name its
        subject once and say "he" after). A near-miss question names something the articles do
        not link to the asked-for fact. A name counts as present when its last word, most of
        its words, or its initials ("US" for "United States") are."""
        # The article's publication date (a line of its own, put there by the answering
        # stage) dates the question's publication only ("the 2018 piece"), not its events:
        # "sales in 2005" is not answered by a January 2005 article about 2004.
        published = {m.group(1) for m in _PUBLISHED_LINE.finditer(context)}
        context = _PUBLISHED_LINE.sub("", context)
        cased = f"{sentence}\n{context}"  # (an event's words may need a name's capital)
        text = cased.lower()
        words = set(re.findall(r"[a-z0-9]+", text))
        # (a party by its short name, as a phrase: "Lib Dem committee chairman Alan Beith" is
        # a Liberal Democrat; "lib" or "dem" alone is no party)
        if _LIB_DEM.search(text):
            words |= {"liberal", "liberals", "democrat", "democrats"}
        prefixes = {w[:6] for w in words if len(w) >= 6}
        # A year the question gives must be there, unless the article gives no year at all
        # (undated news rarely repeats its own year: "the 2005 Oscars" are "the Oscars").
        of_publication = {
            m.group(1) or m.group(2) for m in _PUBLICATION_YEAR.finditer(self.question)
        }
        sentence_years = set(_MODERN_YEAR.findall(sentence))
        article_has_year = _MODERN_YEAR.search(text) is not None

        def year_ok(y: str) -> bool:
            # a decade ("in the late 1970s") is there when a year of it is ("By 1978, …") or
            # the decade itself ("the 70s"); if neither, the year rules below still apply
            decade = y.endswith("0") and re.search(rf"(?<!\d){y}['’]?s\b", self.question)
            if decade and (
                re.search(rf"(?<![\d,]){y[:3]}\d(?!\d)", text)
                or re.search(rf"(?<![\d,])(?:{y[:2]}|['’])?{y[2]}0['’]?s\b", text)
            ):
                return True
            if y in of_publication and published:
                return y in published  # "the 2018 piece" (the text's own 2004 is another)
            if y in text:
                return True
            # the publication year stands in for a year the sentence does not state
            # (a sentence dating its fact in another year is about that year)
            if y in published and not sentence_years - {y}:
                return True
            # an article with no year of its own is about its own time: the year it was
            # published or the one before ("Christmas trading" in a January report); an
            # undated one, any year (the caller gives it its collection's years instead when
            # the collection states any: ``TermStats.era``)
            if not article_has_year:
                return not published or any(int(y) in (int(p), int(p) - 1) for p in published)
            # an undated article whose passages give no year is about a year next to one its
            # whole text gives (the caller adds those years to ``context`` on a line of their
            # own: ``AnswerService.gather``): a 2004 report mentions 2003 or 2005, not 2022
            if not published and (around := _YEARS_ELSEWHERE.search(context)):
                return any(abs(int(y) - int(x)) <= 1 for x in around.group(1).split())
            return False

        if not all(year_ok(y) for y in self.years):
            return False
        # a bound is met by a year the text or the article's date gives on its side of it,
        # or by an article with no year at all (undated news is about its own time)
        stated = {int(y) for y in stated_years(text)} | {int(y) for y in published}
        if (
            stated
            and self.year_bounds
            and not any(
                all(y > bound if side == "after" else y < bound for side, bound in self.year_bounds)
                for y in stated
            )
        ):
            return False
        # (word for word, whatever the punctuation between: "Make Love Not Spam" is the
        # article's "Make Love, Not Spam")
        spoken = f" {' '.join(re.findall(r'[a-z0-9]+', text))} "
        if any(
            f" {' '.join(re.findall(r'[a-z0-9]+', p.lower()))} " not in spoken for p in self.phrases
        ):
            return False
        # So must a day of a month it gives ("the meeting on 16 March"), in either order: a
        # date ties the question to one event, and an article about it gives its date.
        if self.days and not self.days <= days_of_months(f"{sentence}\n{context}"):
            return False
        # A place in a ranking is the question's relation: the sentence itself must give it
        # ("Who came fourth?" is not answered by the winner's sentence).
        if self.position and not states_position(sentence, self.position):
            return False

        def present(word: str, plural: bool = False) -> bool:
            return (
                word in words
                or (len(word) >= 6 and word[:6] in prefixes)
                or any(alias in words for alias in _ALIASES.get(word, ()))
                or _adjective_of(word, f"{sentence}\n{context}")
                # "the Oscars" are "an Oscar ceremony", "the Grammys" "a Grammy"
                or (plural and len(word) >= 5 and _lone_name(word[:-1], f"{sentence}\n{context}"))
            )

        stems = {stem_word(w) for w in words} if self.role else set()

        # A question heavy with context (four or more names) may name one thing the
        # article calls otherwise ("the Conservatives" / "the Tories").
        # (in the article's words for a knock-out too: "beaten by" for "who knocked X out")
        if self.event and not mentions_asked_event(self.event, cased):
            return False
        # ("Mr Justice Eady" for a judge, "the City watchdog" for a regulator, "Blinx 2 was
        # developed by Artoon" for "Which studio developed Blinx 2?")
        if self.role and not (
            present(self.role)
            or stem_word(self.role) in stems
            or self._says_role(f"{sentence}\n{context}")
            or states_asked_event(self.question, sentence, new := self._new_name_words(sentence))
            or self._role_by_verb(sentence)
            or self._named_as_role(sentence, new)
        ):
            return False
        allowed_misses = (len(self.names) - 1) // 3
        for run in self.names:
            whole = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)]
            # (a title before the name is no part of who it is: "Professor Amitai Etzioni" is
            # not anchored by "a research professor" in an article about someone else)
            parts = untitled(whole)
            got = sum(present(w) for w in parts)
            spelt = initials(whole) if len(whole) > 1 else ""
            # a plural name after "the" or a possessive: "the Oscars", "this year's Grammys"
            plural = (
                len(parts) == 1
                and re.fullmatch(r"[a-z]+[^s]s", parts[0]) is not None
                and re.search(rf"\b(?:the|\w+['’]s)\s+{re.escape(run)}\b", self.question)
                is not None
            )
            if (
                not parts
                or not (
                    # (a last word that names a kind of thing, not the thing, is no anchor
                    # alone: "Awards" of "the Evening Standard Film Awards" is in an article
                    # on the Golden Globe Awards)
                    (present(parts[-1], plural) and not _paired_otherwise(parts, cased))
                    or (len(parts) == 1 and any(c in words for c in _CAPITALS.get(parts[0], ())))
                    # (a first name alone, unless a title was dropped before it: "George
                    # Michael" does not anchor "President George Bush" — review91)
                    or (len(parts[0]) >= 4 and len(parts) == len(whole) and present(parts[0]))
                    or got * 2 > len(parts)
                    or spelt in words
                    # written as one word ("Play School": "Playschool")
                    or (len(whole) > 1 and "".join(whole) in words)
                    # "the Academy Award" is "her Oscar" (the phrase only: review78)
                    or (
                        parts in (["academy", "award"], ["academy", "awards"])
                        and bool(words & {"oscar", "oscars"})
                    )
                    or (
                        parts in (["oscar"], ["oscars"])
                        and re.search(r"\bacademy\s+awards?\b", text) is not None
                    )
                    # an acronym's plural in the singular ("new PCs": "your new PC")
                    or (re.fullmatch(r"[A-Z]{2,5}s", run) is not None and parts[0][:-1] in words)
                    # an acronym spelt out ("LSE": "the London School of Economics")
                    or (
                        re.fullmatch(r"[A-Z]{3,6}", run) is not None
                        and spells_out({run.lower()}, f"{sentence}\n{context}")
                    )
                )
            ):
                allowed_misses -= 1
                if allowed_misses < 0:
                    return False
        return True


_PUBLISHED_LINE = re.compile(r"^((?:19|20)\d\d)-\d\d-\d\d$\n?", re.MULTILINE)
# What a question calls the article it draws on ("the 2018 piece", "the report on …").
_ARTICLE_NOUNS = (
    "piece|report|article|story|column|coverage|analysis|interview|feature|newsletter|edition|"
    "reporting"
)
# A year that dates the article the question cites: "the 2018 piece", "its 2005 report".
_PUBLICATION_YEAR = re.compile(
    rf"\b((?:19|20)\d\d)\s+(?:{_ARTICLE_NOUNS})\b|\b(?:published|written|dated)\s+in\s+(?:\w+\s+)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# Capitalised words joined as one name, through "and", "of", "for" or "&" ("Securities and
# Exchange Commission", "Bank of England").
_SPELT_OUT = re.compile(
    r"(?:[A-Z][a-z]+|[A-Z]{2,3})(?:-[A-Za-z]+)*(?:\s+(?:(?:and|of|for|&|to)\s+(?:the\s+)?)?"
    r"(?:[A-Z][a-z]+|[A-Z]{2,3})(?:-[A-Za-z]+)*)+"
)

# A question about someone who said or wrote something ("the fellow who said …").
_SPEAKER_ASKED = re.compile(
    r"\b(?:said|says|say|told|tells|described|describes|warned|claimed|argued|wrote|called|"
    r"criticised|criticized|predicted|admitted|insisted|denied|revealed|announced|suggested|"
    r"stated|urged|accused|praised|blamed)\b",
    re.IGNORECASE,
)

_BEFORE_NAME_OK = frozenset("the a an this that last next and at".split())


# Words that may follow a spelt-out name inside the same capitalised run: a title ("International
# Monetary Fund Managing Director …") or the name's own tail ("Royal Bank of Scotland Group").
_AFTER_SPELT = frozenset(
    "Managing Director Chief Executive Chairman Chairwoman President Secretary General Governor "
    "Head Deputy Vice Commissioner Minister Leader Spokesman Spokeswoman Professor Group "
    "Plc".split()
)
_SPELT_CONNECTORS = frozenset("and of for & the to".split())


def spells_out(acronyms: set[str], text: str) -> bool:
    """Whether ``text`` spells out one of ``acronyms`` (lower case, three letters or more: "BP"
    could be anyone's initials) as a capitalised name: "the Securities and Exchange
    Commission" for "sec", "the London School of Economics" for "lse", "HM Revenue and
    Customs" for "hmrc", "the Organisation for Economic Co-operation and Development" for
    "oecd". The name may open after a word that is no part of it ("Former …", "Director of
    the …") and may run on into a title ("International Monetary Fund Managing Director
    …"), not into another name ("Scottish National Portrait Gallery" is no "snp")."""
    return not acronyms.isdisjoint(_spelt_out_in(text))


@lru_cache(maxsize=1024)
def _spelt_out_in(text: str) -> frozenset[str]:
    """Every acronym (lower case, up to six letters) that ``text`` spells out, by the rules of
    ``spells_out``. Read once per text: a candidate's context is its article's passages,
    the same for every sentence of the article (a bounded cache of immutable values, safe
    across threads)."""
    found: set[str] = set()
    for m in _SPELT_OUT.finditer(text):
        words = m.group(0).split()
        # (initials of each word: all of an upper-case word's letters; a compound's capitalised
        # parts: "Non-Proliferation" → "np", "Co-operation" → "c")
        letters: list[str] = []
        starts = {0, 1}
        for w in words:
            if w in _SPELT_CONNECTORS:
                starts.add(len(letters))
                continue
            parts = [p for p in w.split("-") if p[:1].isupper()]
            letters.append("".join(p if p.isupper() else p[0] for p in parts).lower())
        caps = [w for w in words if w not in _SPELT_CONNECTORS]
        for i in sorted(starts):
            got = ""
            for j in range(i, len(letters)):
                got += letters[j]
                if len(got) > 6:
                    break
                if j + 1 == len(letters) or caps[j + 1] in _AFTER_SPELT:
                    found.add(got)
    return frozenset(found)


def _lone_name(singular: str, text: str) -> bool:
    """Whether ``text`` writes ``singular`` capitalised as a name of its own ("an Oscar
    ceremony", "a Grammy for", "Bafta awards", "the Brit Awards", "the Green Party"), not
    inside a longer name ("Arthur Ashe Stadium", "Will Smith", "Tony Blair", "Tiger Woods",
    "Saint-Maximin", "The Stone Roses") nor as a common word ("green energy", "a school prom")."""
    for m in re.finditer(rf"\b{re.escape(singular.capitalize())}\b", text):
        if re.match(r"-[A-Za-z]|\s+(?!(?:Awards?|Party|Prize|Night)\b)[A-Z]", text[m.end() :]):
            continue
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
        prev = before.group(1) if before else ""
        if (
            prev[:1].isupper()
            and not prev.endswith((".", "!", "?", ":"))
            and not re.search(r"['’]s?$", prev)
            and prev.lower() not in _BEFORE_NAME_OK
            and prev.lower() not in DEMONYMS
            and prev.lower() not in LONE_DEMONYMS
        ):
            continue
        return True
    return False


# A body's last word, as a regex alternation ("Federation (ITF)").
_BODY_ALTERNATION = "|".join(sorted(BODY_NOUNS))
# a body's word ending the text before a bracket (compiled once: a pattern holding the run
# itself was compiled anew for every sentence, ~1 ms each)
_ENDS_WITH_BODY = re.compile(rf"(?i:\b(?:{_BODY_ALTERNATION}))\s*$")


_REPORTS_NEXT = re.compile(rf"\s+{REPORTS}")
_REPORTS_ENDING = re.compile(rf"\b{REPORTS}\s+$")
_WORD_EDGE = re.compile(r"\b")


def _places(run: str, sentence: str) -> Iterator[int]:
    """Where ``run`` occurs in ``sentence`` (overlapping occurrences too)."""
    at = sentence.find(run)
    while at >= 0:
        yield at
        at = sentence.find(run, at + 1)


def _reports(run: str, sentence: str) -> bool:
    """Whether ``run`` is followed by a reporting verb: "The Sun says". (These two checks
    compile nothing per sentence: a pattern holding the run was compiled for each.)"""
    return any(_REPORTS_NEXT.match(sentence, at + len(run)) for at in _places(run, sentence))


def _reported_by(run: str, sentence: str) -> bool:
    """Whether a reporting verb comes right before ``run``, which ends at a word edge: "said
    Mourinho"."""
    return any(
        _REPORTS_ENDING.search(sentence, 0, at) and _WORD_EDGE.match(sentence, at + len(run))
        for at in _places(run, sentence)
    )


def _bracketed_after_a_body(run: str, sentence: str) -> bool:
    """Whether ``run`` stands in brackets right after a body's word: "the International Tennis
    Federation (ITF)"."""
    return any(_ENDS_WITH_BODY.search(sentence, 0, at) for at in _places(f"({run})", sentence))


# Names news writes in two ways: a party and its nickname, a country and its short or
# adjective form ("the Conservatives" / "the Tories", "the UK" / "Britain").
_ALIAS_GROUPS = (
    ("conservative", "conservatives", "tory", "tories"),
    ("democrats", "dems"),
    ("uk", "britain", "british"),
    ("usa", "america", "american"),  # not "us": the text is lower-cased, "us" is a pronoun
)
_ALIASES = {w: tuple(a for a in group if a != w) for group in _ALIAS_GROUPS for w in group}
# Titles a name may open with ("Professor Amitai Etzioni", "President George Bush", "Prime
# Minister Tony Blair"): the title is no part of who the name is, and "a research professor"
# or "the president" in another article does not name them. ("Mr", "Sir", "Lord" are never
# part of a name: ``NOT_NAMES``.)
_NAME_TITLES = frozenset(
    "professor prof president vice prime minister chancellor senator governor judge justice "
    "general colonel captain commander admiral lieutenant sergeant inspector detective "
    "constable king queen prince princess pope archbishop bishop cardinal reverend rev father "
    "doctor dame baroness baron chairman chairwoman secretary deputy mayor councillor "
    "ambassador commissioner chief coach manager director".split()
)


def untitled(words: list[str]) -> list[str]:
    """The (lower-case) words of a name without the titles it opens with (``_NAME_TITLES``),
    unless nothing else is left: ["professor", "amitai", "etzioni"] → ["amitai", "etzioni"];
    ["president"] stays. Pure."""
    start = 0
    while start < len(words) - 1 and words[start] in _NAME_TITLES:
        start += 1
    return words[start:]


# A doer left unnamed right after the verb, in its clause: "registered with Verisign by someone
# who …", "bought by an anonymous collector", "won by an unnamed bidder".
# (the agent of a passive verb only: "Christie's sold it to an anonymous collector" names the
# seller, "bought the house designed by an unknown architect" the buyer — review91)
_UNNAMED_AGENT = re.compile(
    r"[^,;.:\n]{0,80}?\bby\s+(someone|somebody|an?\s+(?:unnamed|unknown|anonymous|"
    r"unidentified|mystery)\s+[a-z]+)\b",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE
)
_LIB_DEM = re.compile(r"\blib[\s-]+dems?\b")
# A member's seat is said by whom they sit for: "Labour MP for Hornsey and Wood Green", "the
# MP for Sittingbourne", "who represents Hexley" (not "Labour MP Derek Wyatt").
_SEAT_ROLES = frozenset({"seat", "constituency"})
_GIVES_SEAT = re.compile(
    # ("Labour MP for Hexley", "candidate for Wood Green"; not "AM" a time, not "candidate
    # for Labour" nor "for President": a party or an office is no seat)
    r"\b(?:(?-i:MP|MEP|MSP)|(?<!\d )(?-i:AM)|member|candidate)\s+for\s+"
    r"(?!(?:the|Labour|Conservatives?|Tory|Tories|Liberal|Lib|Greens?|Plaid|SNP|UKIP|Reform|Democrats?|Republicans?|President|"
    r"Presidency|Mayor|Leader|Chancellor|Prime|Deputy)\b)(?-i:[A-Z])|"
    # ("who represents Hexley"; not "represents Britain at the talks / the Olympics", nor a
    # client firm: "represents Acme Holdings")
    r"\brepresent(?:s|ed|ing)?\s+(?-i:[A-Z])(?![^.,;]{0,40}?\b(?:talks|Olympics|Games|Cup|"
    r"Ltd|Inc|plc|Group|Corp|Holdings|Bank)\b)",
    re.IGNORECASE,
)
# A capital named alone stands for its government ("Beijing's AI plan" is China's), one way
# only (the country's population is not the capital's) and not inside a longer name ("CSKA
# Moscow", "the Washington Post", "Denzel Washington").
_CAPITALS = {
    "beijing": ("china", "chinese"),
    "moscow": ("russia", "russian"),
    "tokyo": ("japan", "japanese"),
}
# A country named by its adjective before a common noun ("37 English council areas" are in
# England), not inside another name ("the Indian Ocean", "Dawn French", "the Irish Sea").
# (Germany, Europe, Australia and Israel share six letters with theirs: ``present`` has them.)
_COUNTRY_ADJECTIVES = {
    "england": "English",
    "scotland": "Scottish",
    "wales": "Welsh",
    "ireland": "Irish",
    "china": "Chinese",
    "japan": "Japanese",
    "france": "French",
    "italy": "Italian",
    "spain": "Spanish",
    "russia": "Russian",
    "india": "Indian",
    "iran": "Iranian",
    "canada": "Canadian",
    "africa": "African",
    "asia": "Asian",
}


def _adjective_of(country: str, text: str) -> bool:
    """Whether ``text`` uses ``country``'s adjective before a lower-case word and not after a
    capitalised one (``_COUNTRY_ADJECTIVES``)."""
    adjective = _COUNTRY_ADJECTIVES.get(country)
    if adjective is None:
        return False
    return any(
        not re.search(r"\b[A-Z][\w'’.-]*\s+$", text[: m.start()])
        for m in re.finditer(rf"\b{adjective}\b(?=\s+[a-z])", text)
    )


# A nationality before a lower-case noun: "Spanish troops", "UK citizens", "US firms",
# "South Korean troops", "Sri Lankan fishermen".
_NATION_NOUN = re.compile(
    r"\b((?:North|South|Sri|New|Saudi)\s+[A-Z][a-z]+|[A-Z][a-z]+|UK|US)\s+([a-z][a-z-]+)"
)
_NATION_WORD = re.compile(r"\b((?:North|South|Sri|New|Saudi)\s+[A-Z][a-z]+|[A-Za-z]+)\b")
_NATION_OF_ADJECTIVE = {a.lower(): c for c, a in _COUNTRY_ADJECTIVES.items()}
# Britain's nations (the Republic of Ireland is no part of it: "Irish troops" are not British)
_UK_NATIONS = frozenset(("england", "scotland", "wales", "northern ireland"))
_REGIONS = frozenset(("european", "african", "asian", "western", "eastern", "eu", "africa", "asia"))
# Other words for a nation: its name, its people, its capital, its government's seat.
_NATION_ALIASES = {
    "briton": "uk",
    "britons": "uk",
    "scots": "scotland",
    "mod": "uk",
    "whitehall": "uk",
    "london": "uk",
    "americans": "us",
    "pentagon": "us",
    "washington": "us",
    "spaniard": "spain",
    "spaniards": "spain",
    "madrid": "spain",
    "germany": "german",
    "germans": "german",
    "berlin": "german",
    "australia": "australian",
    "australians": "australian",
    "canberra": "australian",
    "netherlands": "dutch",
    "holland": "dutch",
    "hague": "dutch",
    "israel": "israeli",
    "israelis": "israeli",
    "iraq": "iraqi",
    "iraqis": "iraqi",
    "baghdad": "iraqi",
    "paris": "france",
    "frenchman": "france",
    "rome": "italy",
    "italians": "italy",
    "russians": "russia",
    "dublin": "ireland",
    "irishman": "ireland",
    "delhi": "india",
    "indians": "india",
    "poland": "polish",
    "poles": "polish",
    "warsaw": "polish",
    "sweden": "swedish",
    "swedes": "swedish",
    "denmark": "danish",
    "danes": "danish",
    "korea": "korean",
    "seoul": "south korea",
    "pyongyang": "north korea",
    "south korea": "south korea",
    "south korean": "south korea",
    "north korea": "north korea",
    "north korean": "north korea",
    "sri lanka": "sri lanka",
    "sri lankan": "sri lanka",
    "lankan": "sri lanka",
    "pakistan": "pakistani",
    "egypt": "egyptian",
    "canadians": "canada",
}


# (a capital named alone: ``_CAPITALS``)
_NATION_ALIASES |= {capital: names[0] for capital, names in _CAPITALS.items()}


def _nation(word: str) -> str | None:
    """The nation a word names as an adjective, a name, its people or its capital
    ("British", "UK" and "Britons" are "uk", "Spanish", "Spaniards" and "Madrid" are "spain"),
    a region as itself; None for any other word."""
    w = " ".join(word.lower().split())
    if w in ("uk", "britain", "british"):
        return "uk"
    if w in ("us", "usa", "america", "american") and (w != "us" or word == "US"):
        return "us"
    if w == "mod" and word != "MoD":
        return None
    if w in _NATION_ALIASES:
        return _NATION_ALIASES[w]
    if w in _REGIONS:
        return w
    if w in _NATION_OF_ADJECTIVE:
        return _NATION_OF_ADJECTIVE[w]
    if w in _COUNTRY_ADJECTIVES or w in DEMONYMS or w in LONE_DEMONYMS:
        return w
    if " " in w:  # "South Africa": its last word
        return _nation(word.split()[-1])
    return None


# "in the UK", "across Japan and the US": where a figure is placed (not "in Ireland's win").
_COUNTRY_RUN = r"(?:the\s+)?((?:[A-Z][a-z]+|UK|US)(?:\s+[A-Z][a-z]+)*)"
_IN_COUNTRY = re.compile(rf"\bin\s+{_COUNTRY_RUN}(?!['’]|-)(?!\s+[a-z]+\s+[A-Z])")
# A comparison that brings in another country: "faster than in France", "compared with 6.7
# in Germany", "while in India", "including 400,000 in Canada".
_COMPARED = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|while|whereas|including|"
    r"excluding|unlike|against|versus|beating|outselling)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)
_IN_COUNTRIES = re.compile(
    rf"\b(?:in|across)\s+{_COUNTRY_RUN}((?:\s*(?:,|and|or)\s*{_COUNTRY_RUN})*)"
)


# Words for a nation that are a city or a seat of government: "after the defeat in Dublin"
# places a match, not a figure, in Ireland.
_NATION_SEATS = frozenset(
    "london washington madrid berlin canberra hague baghdad paris rome dublin delhi warsaw "
    "seoul pyongyang whitehall pentagon mod".split()
) | frozenset(_CAPITALS)


def _country(run: str) -> str | None:
    """The country a run names by its name ("the UK", "Japan"), not by a city, a region or
    its adjective or people ("in the British team", "said in French": ``NATIONALITY_WORDS``)."""
    words = " ".join(run.lower().split())
    if words in _NATION_SEATS:
        return None
    if words not in ("uk", "us") and (
        words in NATIONALITY_WORDS or words.split()[0] in NATIONALITY_WORDS
    ):
        return None
    nation = _nation(run)
    return None if nation is None or nation in _REGIONS else nation


@lru_cache(maxsize=1024)
def _asked_countries(question: str) -> tuple[str, ...]:
    """The countries a question places its figure in ("… sold in the UK …": uk), not
    regions; read once per question (a bounded cache of immutable values, safe across
    threads)."""
    return tuple(
        nation
        for m in _IN_COUNTRY.finditer(question)
        if (nation := _country(m.group(1))) is not None
    )


_WORLDWIDE = re.compile(
    r"\b(?:world-?wide|globally|around the (?:world|globe)|across the (?:world|globe)|"
    r"internationally)\b",
    re.IGNORECASE,
)
_FIGURE_BEFORE = re.compile(r"[£$€]\s?\d|\d[\d.,]*\s?(?:m|bn|%|million|billion)\b", re.IGNORECASE)
# The acts a "how much did X pay / spend …" question asks the doer's figure of (their forms:
# ``roles.event_forms``)
_PAYING_ACT = re.compile(
    r"^\s*how much (?:money )?(?:did|does|do|will|has|have|had)\b[^?]*?\b"
    r"(pay|spend|raise|earn|borrow|owe|invest)\b",
    re.IGNORECASE,
)
# Words between an opening name and the act that make it a speaker or a title ("Chief
# executive Arun Sarin said the firm had spent …")
_SPEECH_BETWEEN = re.compile(
    r"\b(?:said|says|told|added|explained|revealed|admitted|claimed|insisted|executive|chief|"
    r"boss|chairman|spokesman|spokeswoman)\b",
    re.IGNORECASE,
)
# A sentence's opening name, set off by a comma or followed by its verb ("Qwest, meanwhile,
# had to pay", "Vela has paid")
_OPENING_NAME = re.compile(r"\s*((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)(?=,|\s+[a-z])")


@lru_cache(maxsize=1024)
def _question_words(question: str) -> frozenset[str]:
    """The question's words, lower case (a bounded cache of immutable values)."""
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z0-9]+", question))


_CONTINENTS = frozenset("africa america americas asia europe people republic".split())
# (the country itself, not an adjective of a noun after it: "a deal with the UK firm")
_COUNTRY_ENDS = (
    r"(?=\s*(?:[,.;:)?]|$)|\s+(?:which|that|who|and|or|on|in|to|for|worth|was|were|is|are|"
    r"has|had|will|would|could|last|this|next|over|after|before|at|of|by|under|earlier|later)\b)"
)
_PARTY_COUNTRY = re.compile(rf"\b(with|to)\s+{_COUNTRY_RUN}{_COUNTRY_ENDS}")


@lru_cache(maxsize=1024)
def _party_countries(question: str) -> tuple[tuple[str, str], ...]:
    """The countries a question names as the other side of a deal or a gift, with their
    preposition ("a deal … with Mozambique": ("with", "mozambique"); "aid to Sri Lanka"). A
    bounded cache of immutable values (safe across threads)."""
    return tuple(
        (m.group(1), country)
        for m in _PARTY_COUNTRY.finditer(question)
        if (country := _party_country(m.group(2))) is not None
    )


def _party_country(run: str) -> str | None:
    """The country a run names by its name (``NOT_CITIES`` less the continents: "Mozambique",
    "the UK"), as its nation's key where it has one ("uk"), or None."""
    words = " ".join(run.lower().split())
    if words not in NOT_CITIES or words in _CONTINENTS:
        return None
    return _nation(run) or words


def _same_nation(a: str, b: str) -> bool:
    """Whether two nations are one, or one holds the other (a region, Britain's nations;
    "Korean" either Korea)."""
    return (
        a == b
        or a in _REGIONS
        or b in _REGIONS
        or (a == "uk" and b in _UK_NATIONS)
        or (b == "uk" and a in _UK_NATIONS)
        or {a, b} <= {"korean", "south korea"}
        or {a, b} <= {"korean", "north korea"}
    )


_NATIONALS = NATIONALITY_WORDS
# What may follow an age's owner: punctuation, or a verb ("has", "kept", "beat"), not a noun
# the capitalised run only qualifies ("Manchester United striker", "Glasgow man").
_VERBISH = (
    r"(?=\s*(?:[,.;:)!?]|['’]s\b|$)|\s+(?:who|whose|has|had|have|is|was|were|will|would|"
    r"could|can|may|must|also|now|beat|won|lost|hit|took|made|set|got|came|ran|led|kept|left|"
    r"put|gave|broke|went|saw|became|began|fell|held|told|[a-z]+ed|[a-z]+[^s\W]s)\b)"
)
# A lower-case word between an age and a name that is a verb makes the name its object, not
# the age's owner: "the 34-year-old told Norwich's website", "the 28-year-old joined Chelsea".
_NOT_A_VERB = r"(?!(?:told|tells|said|says|beat|beats|won|wins|lost|left|hit|[a-z]+ed)\s)"
# A capitalised office is no name: "the 51-year-old Prime Minister told MPs …".
_OFFICES = frozenset(
    "minister secretary chancellor president premier king queen prince princess duke duchess "
    "pope archbishop bishop mayor governor senator speaker chairman chairwoman chief "
    "commissioner".split()
)
# "How old is Jo Hale …?" names the person asked about (not "How old is the Chelsea boss?").
_ASKED_NAMED = re.compile(
    r"^\s*(?i:how old (?:is|was|are|were|will \w+ be|would \w+ be)\s+(?:now\s+)?)"
    # (a lower-case description before the name: "How old was actress Lana Clarkson"; not a
    # determiner, which makes the question about a role: "How old is the Chelsea boss?")
    r"(?:(?!(?:the|a|an|his|her|its|their|this|that|now)\b)[a-z][a-z-]*\s+){0,2}([A-Z])"
)
_NAME_RUN = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"


@lru_cache(maxsize=1024)
def _asked_nations(question: str) -> tuple[tuple[str, str], ...]:
    """The (nation, noun key) pairs a question qualifies ("Spanish troops": spain, troop);
    read once per question (a bounded cache of immutable values, safe across threads)."""
    return tuple(
        (nation, m.group(2)[:5])
        for m in _NATION_NOUN.finditer(question)
        if (nation := _nation(m.group(1))) is not None
    )


@lru_cache(maxsize=1024)
def _age_subject(question: str, names: tuple[str, ...]) -> frozenset[str]:
    """The words of the named person a "how old" question asks about: its names less those
    only a describing clause holds; empty for a question about a role ("How old is the
    Chelsea boss?", "… David Beckham's eldest son?"). Only the names before the clause that
    follows the asked one count: "How old was Lana Clarkson when she was found dead at Phil
    Spector's home?" asks her age, not his (a question of several, "How old were …", keeps
    them all). Read once per question (a bounded cache of
    immutable values, safe across threads)."""
    asks = asking_clause(question)
    asked = _ASKED_NAMED.match(asks)
    if asked is None or re.match(rf"{_NAME_RUN}['’]s\s+[a-z]", asks[asked.start(1) :]):
        return frozenset()
    head = _AFTER_THE_ASKED.split(asks[asked.start(1) :], maxsplit=1)[0]
    if re.search(r"\b(?:are|were)\b", asks[: asked.start(1)], re.IGNORECASE):
        head = asks  # "How old were Terry Melcher, Doris Day's son, and Debra Hill …?"
    in_head = {w.lower() for w in re.findall(r"[A-Za-z]+", head)}
    described = description_terms(question)
    return frozenset(
        w.lower()
        for run in names
        if not content_words(run) <= described
        for w in re.findall(r"[A-Za-z]+", run)
        if w.lower() in in_head
    )


# Where the asked name's phrase ends: a comma, or a clause or phrase about something else.
_AFTER_THE_ASKED = re.compile(
    # (not "and": "Wales and Lions captain Gareth Thomas", "Marks and Spencer boss Stuart Rose")
    r"[,;?(]|\s(?:who|whose|which|that|when|while|after|before|as|at|in|on|for|during|since|"
    r"against|with)\s"
)


# A name right after an auxiliary is the question's subject ("did Ronan O'Gara kick"), and
# so is one after "did the" with one verb after it ("did the Liberal Democrats win?").
_AFTER_AUXILIARY = re.compile(
    r"\b(?:did|does|do|has|have|had|is|was|are|were|will|would|could|can)\s+$", re.IGNORECASE
)
_DO_THE = re.compile(r"\b(?:did|does|do|will|would|could|can)\s+the\s+$", re.IGNORECASE)
_ONE_VERB = re.compile(
    r"\s+[a-z]+(?=\s*(?:[?,.]|$)|\s+(?:for|to|in|at|on|from|by|with|over|after|during|last|"
    r"this|per|a|an|the|its|their)\b)"
)


def _nations_of(runs: Iterable[str]) -> set[str]:
    """The nations name runs name, by name, adjective or capital ("GB" is the UK); regions
    ("European") are none."""
    found = set()
    for run in runs:
        for piece in [run, *run.split()]:
            nation = _nation("uk" if piece.lower() == "gb" else piece)
            if nation and nation not in _REGIONS:
                found.add(nation)
    return found


# Two capitals that name no party: a medium, an office, a subject.
_NOT_PARTIES = frozenset("TV PM MP GP AM FM PR HR AI IT ID DJ OK VR".split())
# A titled speaker speaks for the subject: "Mr Coupe said", "said chief executive Ben Vane".
_TITLED_SPEAKER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+|"
    r"\b(?i:chief executive|boss|chairman|chairwoman|chief|founder|spokesman|spokeswoman|"
    r"managing director|director|president|manager)\s+)$"
)
_SAYS = re.compile(r"\s+(?:said|says|told|added|explained|insisted)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added)\s+(?:\w+\s+){0,2}$")
_TOLD_OUTLET = re.compile(r"\b(?:told|telling|speaking to|talking to)\s+(?:the\s+)?$", re.I)
# A sentence opening with a description as its subject: "The corporation spent", "The French
# carmaker expects", "The high-speed line between London and Birmingham will cost".
_OPENING_DESCRIPTION = re.compile(
    r"\s*(?:The|Its)\s+((?:(?:[a-z][a-z-]*|"
    + "|".join(sorted(w.capitalize() for w in _NATIONALS if w.isalpha()))
    + r")\s+){0,2}[a-z][a-z-]*)"
    r"(?:\s+(?:between|from|of|in|at|for)(?:\s+[\w'’-]+){1,4}?)?"
    r"\s+(?:has|have|had|is|was|were|will|would|could|can|may|spent|paid|made|took|sold|lost|"
    r"won|gave|got|cut|raised|[a-z]+ed|[a-z]+[^s\W]s)\b"
)


# The auxiliary a figure question's subject follows ("did oil giant Shell offer", "has France
# pledged", "does French carmaker Peugeot expect its", "has blogger Ali Reza been given").
_AUXILIARY = re.compile(
    r"\b(?:did|does|do|has|have|had|is|was|are|were|will|would|could|can)\s+(?:the\s+)?"
)


@lru_cache(maxsize=1024)
def _asked_subject(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words of a figure question's subject (the name after its auxiliary, a verb after
    it) and of its description ("oil giant", "carmaker"), or None when it has none or the
    name only qualifies a noun ("did the England captain win"). Read once per question (a
    bounded cache of immutable values, safe across threads)."""
    m = _AUXILIARY.search(question)
    if m is None:
        return _relative_subject(question)
    rest = question[m.end() :]
    # (a name may hold a dot: "Zafi.D")
    tokens = list(re.finditer(r"[A-Za-z][\w'’-]*(?:\.[A-Za-z0-9][\w'’-]*)*", rest))[:6]
    described: list[str] = []
    i = 0
    # up to three words of description: lower-case, or a nationality ("French carmaker")
    while (
        i < len(tokens)
        and i < 3
        and (tokens[i].group(0)[0].islower() or tokens[i].group(0).lower() in _NATIONALS)
    ):
        described.append(tokens[i].group(0).lower())
        i += 1
    run: list[re.Match[str]] = []
    while i < len(tokens) and tokens[i].group(0)[0].isupper():
        if run and rest[run[-1].end() : tokens[i].start()].strip():
            break
        run.append(tokens[i])
        i += 1
    if not run:
        return _relative_subject(question)
    after = rest[run[-1].end() :]
    # (after "does the", one verb and then a preposition or the end: "does the Zafi.D virus
    # translate" asks about the virus, which "Zafi.D" only names)
    if m.group(0).rstrip().lower().endswith(" the"):
        if not _ONE_VERB.match(after):
            return _relative_subject(question)
    elif not (
        re.match(_VERBISH, after)
        or _ONE_VERB.match(after)
        or re.match(r"\s+(?:be|been|being)\b", after)
    ):
        return _relative_subject(question)
    # (the description is content words: "was the score when Auxerre knocked" has a clause
    # between, whose subject is no subject of the question's figure)
    described = [w for w in described if w not in _NATIONALS]
    if any(w in STOPWORDS for w in described):
        # ("is the longest sentence that Jo Hale could face": the clause's subject)
        return _relative_subject(question)
    subject = frozenset(w.lower() for t in run for w in re.findall(r"[A-Za-z]+", t.group(0)))
    return subject, frozenset(described)


# "What is the longest sentence that former WorldCom finance chief Scott Sullivan could
# face?": the name right before the clause's auxiliary is its subject.
_RELATIVE = re.compile(
    r"\b(?:that|which)\s+((?:[\w'’-]+\s+){0,5}?)((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+"
    r"(?:could|would|will|can|may|might|must|should|has|had|have|is|was|were|did|does|do)\b"
)


def _relative_verb(question: str) -> str | None:
    """The verb after the relative clause's auxiliary ("could face" → "face"), or None."""
    m = _RELATIVE.search(question)
    if m is None:
        return None
    v = re.match(r"\s*(?:be\s+|have\s+)?([a-z]+)", question[m.end() :])
    return re.escape(v.group(1)[:4]) + r"\w*" if v else None


def _relative_subject(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The subject of a figure question's relative clause ("… the sentence that former
    WorldCom finance chief Scott Sullivan could face"), with the clause's lower-case words
    before it as its description, or None."""
    m = _RELATIVE.search(question)
    if m is None:
        return None
    described = [w.lower() for w in m.group(1).split() if w[0].islower()]
    if any(w in STOPWORDS for w in described):
        return None
    subject = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", m.group(2)))
    return subject, frozenset(described)


def _is_subject(owner: str, subject: frozenset[str], names: tuple[str, ...]) -> bool:
    """Whether a figure's owner is the question's subject: a shared word or alias ("the
    Tories" for the Conservatives), its initials ("RBS"), or a nickname's stem ("Wilko")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", owner)}
    aliases = {a for w in subject for a in _ALIASES.get(w, ())}
    named = {initials(re.findall(r"[A-Za-z]+", n)) for n in names}
    return bool(
        words & (subject | aliases)
        or words & {i for i in named if len(i) >= 3}
        or any(len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4] for a in words for b in subject)
    )


# The other side of a deal after a price: "£27m sale of Rooney", "£24m for Drogba".
_DEAL_PARTY = re.compile(rf"\b(?:for|of|to|from)\s+(?:the\s+)?({_NAME_RUN})")


def _qualifies_a_noun(run: str, question: str) -> bool:
    """Whether the question writes a name only as a qualifier of a noun ("the England
    captain", "Chelsea's boss", "Cambridge DVD pirate"): what is asked about is then a role,
    which another name may hold. A name right after an auxiliary is the subject ("did Ronan
    O'Gara kick")."""
    found = list(re.finditer(rf"(?<![\w'’-]){re.escape(run)}(?![\w-])", question))
    return bool(found) and all(
        not _AFTER_AUXILIARY.search(question[: m.start()])
        and not (_DO_THE.search(question[: m.start()]) and _ONE_VERB.match(question[m.end() :]))
        and re.match(r"['’]s\s+[a-z]|\s+[a-z]", question[m.end() :]) is not None
        and re.match(_VERBISH, question[m.end() :]) is None
        and re.match(r"\s+[a-z]+ing\b", question[m.end() :]) is None
        for m in found
    )


# The lower-case end of a compound ("TV-quality", "US-led"), not the lower-case middle of a
# place name ("Stoke-on-Trent").
_COMPOUND_END = re.compile(r"-[a-z]+(?:-[a-z]+)*(?![\w'’-])")

# A name joined with another by "and" ("England and Wales", "from Wales and England"); a
# figure given to each ("both", "each", "respectively", "apiece").
_JOINED_AFTER = re.compile(rf"\s+(?:and|&)\s+(?:the\s+)?({_NAME_RUN})")
_JOINED_BEFORE = re.compile(rf"({_NAME_RUN})\s+(?:and|&)\s+(?:the\s+)?$")


def _name_in(run: str, question: str) -> str:
    """The question's text around the name ``run`` (the name written as "NAME"), or ""."""
    m = re.search(rf"(?<![\w'’-]){re.escape(run)}(?![\w-])", question)
    return (
        f"{question[max(0, m.start() - 40) : m.start()]}NAME{question[m.end() : m.end() + 40]}"
        if m
        else ""
    )


# A name in a list: "X, Y and NAME", "NAME and Y", "NAME, Y".
_LISTED = re.compile(
    rf"{_NAME_RUN}\s*(?:,|\band\b|\bor\b|&)\s*NAME\b|NAME\s*(?:,|\band\b|\bor\b|&)\s*"
    rf"(?:the\s+)?{_NAME_RUN}"
)
_JOINT_ACT = re.compile(
    r"\s+(?:have\s+|has\s+|had\s+)?(?:agreed?|signed|said|say|says|announced|confirmed|"
    r"struck|reached|completed)\b"
)
# Countries named with "and" are one name.
_ONE_COUNTRY = re.compile(
    r"\b(?:Trinidad and Tobago|Bosnia and Herzegovina|Serbia and Montenegro|"
    r"Antigua and Barbuda|St Kitts and Nevis|Turks and Caicos|Sao Tome and Principe)\b"
)
_EACH = re.compile(r"\b(?:each|both|respectively|apiece|alike|separately)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _figure_subject(question: str, names: tuple[str, ...]) -> frozenset[str]:
    """The words of the names a figure question asks about: its names less those only a
    describing clause holds (``description_terms``) and those that only qualify a noun
    (``_qualifies_a_noun``). Read once per question (a bounded cache
    of immutable values, safe across threads)."""
    described = description_terms(question)
    return frozenset(
        w.lower()
        for run in names
        if not content_words(run) <= described and not _qualifies_a_noun(run, question)
        for w in re.findall(r"[A-Za-z]+", run)
    )


# A figure's owner by wording: a name, a comma and an apposition that holds the figure and
# closes with a comma ("Campese, a veteran of 101 caps, said"); a name and the figure in
# brackets ("Reid (4:31)"); a name's possessive before it ("Campese's 101 caps").
_APPOSITION_OWNER = re.compile(rf"({_NAME_RUN}),\s+(?:a|an|the|who|whose|with|now)\s+[^,;()]*$")
_BRACKET_OWNER = re.compile(rf"({_NAME_RUN})\s*\([^()]*$")
_POSSESSIVE_OWNER = re.compile(rf"({_NAME_RUN})['’]s\s+(?:[a-z-]+\s+){{0,2}}[£$€]?$")


def _figure_owner(sentence: str, start: int, end: int) -> str | None:
    """The name a figure at ``sentence[start:end]`` belongs to by its wording (see
    ``_APPOSITION_OWNER``), or None when the wording shows none."""
    before, after = sentence[:start], sentence[end:]
    m = _APPOSITION_OWNER.search(before)
    if m and re.match(r"[^,;()]*,", after):
        return m.group(1)
    m = _BRACKET_OWNER.search(before)
    if m and re.match(r"[^()]*\)", after):
        return m.group(1)
    m = _POSSESSIVE_OWNER.search(before)
    return m.group(1) if m else None


# Last words of names that are no person's: the kind of event, body or place they name.
_NOT_SURNAMES = BODY_NOUNS | frozenset(
    "open cup awards award prize trophy championship championships games league united city "
    "town rovers athletic county club society group bank board court office house street "
    "square park road stadium theatre hall airport station university college school hospital "
    "show series tour festival report act bill fund index exchange market council islands "
    "island sea river valley grid project programme program system network service services "
    "channel radio news times post mail herald journal review magazine records music "
    "pictures studios films entertainment games software systems motors airways airlines "
    "telecom mobile communications technologies electronics energy oil gas power".split()
)


@lru_cache(maxsize=1024)
def _cased_word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole word, its case kept; compiled once per word (bounded, thread-safe)."""
    return re.compile(rf"\b{re.escape(word)}\b")


# Capitalised words before a surname that are no given name: titles, offices, honours (a
# person's name follows them).
_NOT_GIVEN_NAMES = frozenset(
    "mr mrs ms miss dr sir lord lady dame prof professor president prime minister chancellor "
    "secretary senator governor judge justice captain coach manager chairman chief general "
    "king queen prince princess pope bishop archbishop father saint st reverend rev sheikh "
    "sergeant inspector detective officer agent mayor premier deputy leader boss skipper "
    "striker midfielder defender goalkeeper keeper winger forward director".split()
)


# First words of place names ("Old Trafford", "Los Angeles", "New York", "Port Talbot").
_PLACE_STARTERS = frozenset(
    "old new north south east west upper lower port fort st saint lake mount great little "
    "royal grand los las san santa le la el de cape glen".split()
)
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof)\.?\s+([A-Z][\w'’-]+)")


def _people_named(text: str) -> set[str]:
    """The words of the names in ``text`` that are people's, read loosely (no NER here): a
    name after a title ("Mr Spector"), a run of two or three capitalised words that opens with
    no place word and ends with no word of a body, an event or a place ("Clint Eastwood", not
    "Old Trafford", "Upton Park" or "Manchester United"), or one word after another name's
    possessive ("Manchester United's Brown"). A lone word ("Alhambra", "Falmouth") is none."""
    people = {m.group(1).lower() for m in _TITLED.finditer(text)}
    for run in name_runs(text):
        segments = re.split(r"['’]s\s+", re.sub(r"['’]s$", "", run))
        for i, segment in enumerate(segments):
            words = re.findall(r"[A-Za-z][\w-]*", segment)
            lower = [w.lower() for w in words]
            if not words or any(
                w in NOT_NAMES or w in COUNTRY_WORDS or w in _NATIONALS for w in lower
            ):
                continue
            if len(words) == 1:
                if i > 0:  # ("Manchester United's Brown")
                    people.add(lower[0])
                continue
            if (
                len(words) <= 3
                and lower[0] not in _PLACE_STARTERS
                and lower[-1] not in _NOT_SURNAMES
                and all(w[0].isupper() and not w.isupper() for w in words)
            ):
                people.update(lower)
    return people


def _same_person(words: Iterable[str], subject: frozenset[str]) -> bool:
    """Whether some of ``words`` name the subject: a shared word, or a nickname's stem
    ("Wilko" for "Wilkinson")."""
    return any(
        a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]) for a in words for b in subject
    )


ANTECEDENT_SENTENCES = 2
"""How many sentences before an unowned age ``Focus.gives_an_antecedents_age`` reads for the
person it points back to: the one just before, and the one before that (a sentence on what
the person did may come between the name and the age)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")


def _last_sentences(text: str, count: int) -> list[str]:
    """The last ``count`` sentences of ``text`` (split after a full stop, question or
    exclamation mark before a capital), nearest last; a rough split that is enough for
    finding the names just before a sentence."""
    text = text.strip()
    if not text:
        return []
    return _SENTENCE_END.split(text)[-count:]


def _age_owner(sentence: str, m: re.Match[str]) -> set[str] | None:
    """The words of the name an age is given to by its wording ("the 22-year-old Michalak
    has", "the 20-year-old United striker Cristiano Ronaldo was", "Michalak, 22,", "Michalak
    (22)", "Michalak, aged 22", "Michalak is 22 years old"), or None when the wording does not
    show one: a capitalised run before a noun only qualifies it ("the 19-year-old Manchester
    United striker"), and a nationality or an office is no name ("the 51-year-old Prime
    Minister")."""
    found = m.group(0)
    before = sentence[: m.start()]
    if found.endswith("old"):
        after = sentence[m.end() :]
        named = re.match(rf"\s+({_NAME_RUN}){_VERBISH}", after) or re.match(
            rf"\s+(?:{_NAME_RUN}\s+)?(?:{_NOT_A_VERB}[a-z][a-z-]*\s+){{1,2}}({_NAME_RUN}){_VERBISH}",
            after,
        )
        if named is not None:
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", named.group(1))]
            if (
                words[0] in _NATIONALS
                or words[-1] in _NATIONALS
                or words[-1].endswith(("man", "woman", "lander", "oner"))
                or words[-1] in _OFFICES
            ):
                return None
            return set(words)
        owner = re.search(rf"({_NAME_RUN})\s+(?:is|was|, who is|, who was)\s+$", before)
        return {w.lower() for w in re.findall(r"[A-Za-z]+", owner.group(1))} if owner else None
    if found.startswith((",", "(")) or found.lower().startswith("aged"):
        owner = re.search(rf"({_NAME_RUN})\s*,?\s*$", before)
        # (a place after a preposition is no owner: "has died in Los Angeles aged 54")
        if owner is None or _PLACE_BEFORE.search(before[: owner.start()]):
            return None
        return {w.lower() for w in re.findall(r"[A-Za-z]+", owner.group(1))}
    return None


# (not "of": "the signing of Rob Hulse, 25," gives Hulse's age)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$")


def withheld_instead(
    focus: Focus, lead: tuple[str, str], candidates: Iterable[tuple[str, str]]
) -> bool:
    """Whether the articles say the asked-for fact is not known, rather than state it.

    ``lead`` and each candidate are (sentence, context). True when a candidate anchored to the
    question's names says a fact of the asked kind was withheld ("paid an undisclosed amount
    for X", "declined to say"; "an unnamed buyer" only for a who-question) and covers the
    question clearly better than the lead (by ``WITHHELD_COVERAGE_MARGIN``): the lead's figure
    or name is then about something else, the classic near-miss ("How much was she paid for
    X?" over an article listing her other fees). So when a candidate states the asked event
    with its doer left unnamed ("registered … by someone who …": ``leaves_doer_unnamed``) and
    covers the question at least as well as the lead: the lead's name is someone else's (the
    speaker who told of it).
    """
    lead_coverage = focus.coverage(*lead)
    bar = lead_coverage + WITHHELD_COVERAGE_MARGIN

    def withholds(text: str, context: str) -> bool:
        if is_withheld(text, focus.kind):
            return focus.coverage(text, context) >= bar
        return focus.leaves_doer_unnamed(text) and focus.coverage(text, context) >= lead_coverage

    return any(
        withholds(text, context) and focus.anchored(text, context) for text, context in candidates
    )


def reason_withheld_instead(focus: Focus, lead: str, candidates: Iterable[tuple[str, str]]) -> bool:
    """Whether a "why" question's lead states no cause while a candidate (sentence, context)
    says no reason was given and names one of the question's names itself ("No reason was
    given for Roberts' departure" beside the actor who replaces him in the play). Such a
    sentence is short and shares few of the question's words, so no coverage margin or
    score threshold reads it: the caller passes every candidate of the lead's own article
    (or another report of its story)."""
    return (
        focus.kind is None
        and asks_reason(focus.question)
        and not states_reason(lead)
        and any(
            withholds_reason(text)
            and focus.anchored(text, context)
            and _names_one_of(focus.names, text)
            for text, context in candidates
        )
    )


def date_withheld_instead(focus: Focus, candidates: Iterable[str]) -> bool:
    """Whether a "when" question's lead article says the date of the asked event is not set
    yet ("A release date has yet to be set for the recording" beside the original song's
    "1991 hit" for "When is the charity version due to be released?"). Only for an event still
    to come ("When is / will …", "due"; not "When was the film released?"); the candidate must
    name the question's event (``date_event``: "release" for "released") and hold another of
    the question's terms besides it ("the recording" for "recorded"), so "A release date for
    the sequel has yet to be set" does not withhold the film's, nor "no date has been set for
    the trial" an arrest's. Such a sentence is short: the caller passes the candidates of the
    lead's own article (or another report of its story), whatever their score."""
    if focus.kind is not Kind.DATE or _PAST_WHEN.search(focus.question):
        return False
    event = date_event(focus.question)
    if event is None:
        return False
    for text in candidates:
        if not withholds_date(text):
            continue
        said = event.search(text)
        if said is None:
            continue
        rest = content_words(text[: said.start()] + " " + text[said.end() :])
        if rest & (set(focus.weights) - content_words(said.group(0))):
            return True
    return False


# A preposition (or "joining") right before a name: the name is no holder of a figure there.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:joining|from|with|by|for|at|to|of|against|after|since|before|under|over|into)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

# The roles a body fills, whose name may end in the word that describes it ("North Wales
# Police" for a police force). (No club, team or side: ``asked_role`` asks none of them.)
# A name carrying an institution's noun: capitalised words just before it ("Belmarsh
# Prison", "the Beverly Hilton hotel"; not "an Olympics-accredited hospital") or after its
# "of" ("the University of Leeds").
_INSTITUTION_NOUNS = (
    r"hospital|prison|jail|school|university|college|academy|stadium|airport|church|cathedral|"
    r"court|hotel|museum|theatre|theater|gallery|cinema|arena|centre|hall|park|institute"
)
_NAMED_INSTITUTION = re.compile(
    # (a kind of school or hospital between the name and the noun: "the Mbita Point primary
    # school", "Leeds General Infirmary" is one name)
    rf"((?:(?<![\w-])[A-Z][\w'’.&]*\s+){{1,5}})(?i:{_INSTITUTION_NOUNS})s?\b|"
    rf"\b(?i:{_INSTITUTION_NOUNS})\s+(?:of|for)\s+((?:[A-Z][\w'’.&]*\s*){{1,4}})|"
    # (review79: a kind between only after a name of two words at least — not "Local primary
    # school pupils", "an NHS teaching hospital")
    rf"((?:(?<![\w-])[A-Z][\w'’.&]*\s+){{2,5}})(?:primary|secondary|high|grammar|junior|infant|"
    r"comprehensive|boarding|state|private|independent|special|teaching|general|district|"
    rf"community|military|psychiatric)\s+(?i:{_INSTITUTION_NOUNS})s?\b"
)
# Institutions a "Which hospital …?" question asks the name of: saying the noun ("taken to
# hospital") names none.
_INSTITUTIONS = frozenset(
    "hospital prison jail school university college stadium airport church cathedral court "
    "hotel museum theatre gallery cinema".split()
)
# Institutions news names with their noun ("St Mary's Hospital", "Leeds University", "the Hotel
# des Mille Collines"), unlike venues named alone ("at Wembley", "in Belmarsh", "at the Old
# Vic" — review91): "the name of the hospital where …" needs such a name.
_NAMED_WITH_NOUN = frozenset("hospital school university college hotel".split())
_BODY_ROLES = BODY_NOUNS | frozenset(
    "force service board trust charity network channel station".split()
)

# "When was the film released?", "When did it open?": a past event, whose date a later
# "no date set" sentence (a sequel's, another edition's) does not withhold.
_PAST_WHEN = re.compile(
    r"\bwhen (?:was|were|did|had)\b|\bin (?:what|which) year (?:was|were|did)\b", re.IGNORECASE
)


# Names news writes with a word of their kind after "the", for roles whose own word the names
# do not hold ("Which tournament …?" — "the Chennai Open", "the Dubai Duty Free
# Championships"; not "Kim Masters", a surname; "Which think-tank …?" — "the Pensions Policy
# Institute", "the Institute for Fiscal Studies"; not "the Institute of Directors", a body of
# members). Apart from ``names.KINDRED_NAMES`` (a school's "… College"), which every mention
# of the role reads: these need a word the question does not hold ("the Davis Cup" of the
# question is no answer), which only ``fills_role`` knows.
_KIND_NAMES = {
    "tournament": re.compile(
        r"\b[Tt]he\s+(?:[A-Z][\w'’-]*\s+){1,4}"
        r"(?:Open|Championships?|Cup|Classic|Masters|Trophy|Invitational)\b"
    ),
    "think-tank": re.compile(
        r"\b[Tt]he\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:Institute|Foundation)\b(?!\s+(?:of|for)\b)|"
        r"\b[Tt]he\s+(?:Institute|Centre|Center)\s+for\s+(?:[A-Z][\w'’-]*\s*)+"
    ),
}


_SURNAME_LIKE = frozenset("court hall park house street bank road square field wood".split())


def _paired_otherwise(parts: list[str], text: str) -> bool:
    """Whether a name's last word is a kind of thing (``_NOT_SURNAMES``: "Awards", "Cup")
    that ``text`` gives only to other names: "the Golden Globe Awards" for "the Evening
    Standard Film Awards". Not when the text uses the word alone ("United sensed …", "the
    Cup") or with a word of the name. (review78)"""
    if len(parts) < 2 or parts[-1] not in _NOT_SURNAMES:
        return False
    last = re.escape(parts[-1])
    # a word that is a surname too is the name's only when capitalised: "Margaret Court" is
    # not on a tennis "court"
    if parts[-1] in _SURNAME_LIKE and not re.search(rf"\b{last.capitalize()}\b", text):
        return True
    before = [
        m.group(1).lower()
        for m in re.finditer(rf"\b([A-Z][\w'’-]*)\s+(?i:{last})\b", text)
        if m.group(1).lower() not in STOPWORDS
    ]
    # (review79: "Dundee United" in a report that also says "United" alone gives no anchor
    # to "Leeds United")
    return bool(before) and not any(b in parts for b in before)


def _names_one_of(names: Iterable[str], text: str) -> bool:
    """Whether ``text`` holds a word of one of ``names`` (as a whole word, its case kept)."""
    return any(
        _cased_word_pattern(w).search(text)
        for run in names
        for w in re.findall(r"[A-Z][\w'’-]+", run)
    )


@lru_cache(maxsize=1024)
def _category_pattern(question: str) -> re.Pattern[str] | None:
    """The award category of a "who won …" question's first part, as a pattern a sentence
    giving it matches ("best actor" → "best … actor", "coach of the year"), or None. A
    bounded cache of immutable values (safe across threads)."""
    first = PART_SPLIT.split(question, maxsplit=1)[0]
    verb = _WINS_AWARD.search(first)
    if verb is None:
        return None
    if verb.group(1).lower() not in ("won", "win", "wins") and not _AWARD_CONTEXT.search(first):
        return None
    after = _DESCRIBING.sub("", first[verb.end() :]).lower()
    alternatives = []
    # the whole category, word for word ("best supporting actor" is not "best actor")
    for m in _BEST_CATEGORY.finditer(after):
        *words, head = m.group(1).split()
        said = _CATEGORY_SYNONYMS.get(head, re.escape(head))
        joined = "".join(rf"{re.escape(w)}[\s-]+" for w in words)
        alternatives.append(rf"\bbest[\s-]+{joined}(?:{said})s?\b")
    alternatives += [
        rf"(?<![\w-]){re.escape(m.group(1))}s?[\s-]+of[\s-]+the[\s-]+year\b"
        for m in _OF_THE_YEAR.finditer(after)
    ]
    # "won the non-fiction prize": the words before the prize noun, as the question writes
    # them ("the fiction prize" is another)
    if not alternatives:
        alternatives = [
            rf"(?<![\w-]){re.escape(m.group(1))}(?![\w-])"
            for m in _NAMED_PRIZE.finditer(after)
            if not set(m.group(1).split()) & _PRIZE_ADJECTIVES
        ]
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def question_parts(question: str) -> list[str]:
    """The sub-questions of a two-part question ("How tall is X, and how tall is Y?"); a
    one-part question is its own only part. One question asked of two subjects ("How much did
    Prince and Madonna each earn in 2004?") is two parts, one a subject ("How much did Prince
    earn in 2004", "How much did Madonna earn in 2004"): news states each figure in its own
    sentence."""
    parts = [p.strip(" ,?") for p in PART_SPLIT.split(question) if p.strip(" ,?")]
    if len(parts) > 1:
        return parts
    each = _each_subject_parts(question)
    if each is not None:
        return each
    return [question]


DESCRIPTION_WEIGHT = 0.5
"""How much a term counts that only a describing clause of the question holds (see
``description_terms``), against a term of what is asked."""

_WH = r"(?:how|what|which|who|whom|whose|when|where|why|in what|in which|on what|at what|by how)"
_AUX = r"(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|might)"
# "How much did A and B each earn?": "each" before the verb (not "each year", "each other",
# "each of": a period, a relation, a share), the auxiliary before the subjects, and each
# subject a name: capitalised words, after "the" up to two lower-case words ("the runner-up
# Madonna", "the hedge fund Atticus Capital"), "and" or "of" inside ("Transport and General
# Workers"), a plural noun after ("… Workers unions"); not "shares in Vodafone" (the subject
# is the shares), "the report say Smith" (a reporting verb), "Arsenal pay" ("pay each
# player": "each" is the object's).
_EACH_BEFORE_VERB = re.compile(
    r"\s+each\s+(?!(?:year|day|week|month|time|other|of|one|season)s?\b)(?=(?-i:[a-z]))",
    re.IGNORECASE,
)
_EACH_AUX = re.compile(rf"\b{_AUX}\s+", re.IGNORECASE)
_EACH_WH = re.compile(rf"\b{_WH}\b", re.IGNORECASE)
_EACH_NAME = re.compile(
    rf"(?:the\s+(?:(?!(?:{SPEECH_VERBS})\b)[a-z][\w'’-]*\s+){{0,2}})?"
    r"(?:[A-Z][\w'’&.-]*\s+(?:(?:and|of|&)\s+)?){0,4}[A-Z][\w'’&.-]*(?:\s+[a-z]+s)?"
)
# (the longest question read: a bound on the work, whatever is typed)
_EACH_MAX_CHARS = 300


def _each_subject_parts(question: str) -> list[str] | None:
    """A figure question asked of two named subjects ("How much did Prince and Madonna each
    earn in 2004?") as one part a subject, or None. Only a figure (money, a number): the
    checks a one-part question gets for a cause, a place, a reason or a role are not asked of
    a part. Linear in the question (no pattern rescans it)."""
    if len(question) > _EACH_MAX_CHARS or asked_kind(question) not in (Kind.MONEY, Kind.NUMBER):
        return None
    each = _EACH_BEFORE_VERB.search(question)
    if each is None:
        return None
    before, rest = question[: each.start()], question[each.end() :].strip(" ,?")
    auxiliaries = list(_EACH_AUX.finditer(before))
    if not auxiliaries or not rest:
        return None
    head, subjects = before[: auxiliaries[-1].end()], before[auxiliaries[-1].end() :]
    if not _EACH_WH.search(head):
        return None
    # (the first "and" that leaves two names: "the Amicus and Transport and General Workers
    # unions")
    for joint in re.finditer(r"\s+and\s+", subjects):
        pair = (subjects[: joint.start()].strip(), subjects[joint.end() :].strip())
        if all(_EACH_NAME.fullmatch(p) for p in pair):
            return [f"{head}{p} {rest}" for p in pair]
    return None


# A describing clause attaches to a noun: an apposition or a relative clause (", the studio he
# has now signed with", ", who filmed …", ", one of the unions that …"). Not an adverbial
# clause (", when …", ", after tax": they condition the answer), a time (", the day after …"),
# ", the one …" (it narrows the unknown), nor a second question (", which one won?").
_DESCRIBING = re.compile(
    r",\s+(?:(?!the one\b|(?:the|a|an)\s+(?:\w+\s+)?(?:day|week|month|year|time|night|morning|"
    r"evening|weekend|season|quarter)\b)(?:the|a|an)|one of|who|whom|whose|"
    rf"which(?!\s+ones?\b)|where(?!\s+{_AUX}\b)|in which|at which|during which|"
    # the article the question draws on: ", according to the report on X's talks"
    # (not a source whose figure it is: ", according to the health ministry")
    r"according to\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{_ARTICLE_NOUNS})s?\s+(?:on|about|into|of)\b)\b[^,?]*",
    re.IGNORECASE,
)
# The question word opens the question (after a leading clause), never inside a clause.
_WH_WORD = re.compile(rf"^\s*(?:{_AUX}|{_WH})\b", re.IGNORECASE)
# A bare wh-phrase before the comma ("Which player, whose contract …", "Who was the player,
# who scored twice …"): the clause is a condition on the unknown, not a description of
# something given.
_BARE_WH_PHRASE = re.compile(
    r"^\s*(?:(?:which|what|how many|how much)(?:\s+\w+)?|"
    r"(?:who|what)\s+(?:is|was|are|were)\s+(?:the name of\s+)?the\s+\w+)\s*$",
    re.IGNORECASE,
)
# "After the tsunami, what …", "At the event where X was launched, how …": an event or an
# occasion. Not "According to X," / "Under the original plan," (a source, a version), "Before
# the merger," / "Since 1997," / "In the first quarter," (a period that selects the figure),
# nor "When did X …, how …?" (a question).
_LEADING = re.compile(
    rf"^\s*(?:(?:after|during|following|when(?!\s+{_AUX}\b)|while)\b[^,?]{{3,}}|"
    r"(?:at|in) the\b[^,?]*\b(?:where|when|at which|in which)\b[^,?]*),\s*"
    rf"(?={_WH}\b)",
    re.IGNORECASE,
)
_LEAD_WORD = re.compile(r"^\s*\w+")
_SETTING_WORDS = 3
_CONDITION = re.compile(
    r"^\s*(?:according to|under|before|until|till|by|apart from|besides|alongside|other than|"
    r"excluding|except|of|among|out of|if|unless|not counting)\b",
    re.IGNORECASE,
)
_CHOICE = re.compile(r"\b(?:or|and)\b", re.IGNORECASE)


def description_terms(question: str) -> set[str]:
    """The content terms that only the question's describing clauses hold: an apposition or
    relative clause set off by a comma after the question word ("What was X's first film for
    Warner Brothers, *the studio he has now signed a three-year deal with*?") or a leading
    clause of event or occasion ("*After the tsunami*, what share …"). Such a clause picks out
    the article; the sentence that answers holds what is asked, and the one that repeats the
    clause is often the article's lead. Choices (", the A or the B?"), titles with commas and
    two-part questions (", and how many …") are not split. Statements that set the scene
    before the sentence that asks ("*Britain is giving a £4m grant for Rwandan genocide
    survivors.* How many women …?") describe the same way."""
    asks = asking_sentence(question)
    scene = question[: len(question) - len(asks)]
    # A phrase before the asking clause describes the occasion ("In its 2005 survey, what
    # growth …", "As the DS went on sale, what did it cost?"), unless it is a source or a
    # condition ("According to Jo Hale, …", "Under the original plan, …"): those say where
    # or in which version the answer holds, and the answer's sentence holds them too.
    setting = asks[: len(asks) - len(asking_clause(asks))]
    # (a short phrase is a condition too: "In Germany,", "Since 1997,", "In the first
    # quarter," pick out the figure; describing phrases name an occasion at more length)
    if (
        setting
        and len(content_words(setting)) >= _SETTING_WORDS
        and not _CONDITION.match(setting)
        and not _LEADING.match(asks)
    ):
        scene += setting
        asks = asks[len(setting) :]
    question = asks
    clauses = []
    lead = _LEADING.match(question)
    if lead:  # without its first word ("after", "following": no evidence either way)
        clauses.append(_LEAD_WORD.sub(" ", lead.group(0), count=1))
    body = question[lead.end() :] if lead else question
    if _WH_WORD.match(body):
        found = list(_DESCRIBING.finditer(body))
        if found and (
            _BARE_WH_PHRASE.match(body[: found[0].start()])
            or re.search(r"\bor\b", body[found[0].start() :], re.IGNORECASE)
        ):
            found = []
        clauses += [
            m.group(0)
            for m in found
            if not (_CHOICE.search(m.group(0)) and re.match(r",\s+(?:the|a|an)\b", m.group(0)))
        ]
    if not clauses and not scene:
        return set()
    asked = body
    for clause in clauses[1 if lead else 0 :]:
        asked = asked.replace(clause, " ", 1)
    ask_words = content_words(asked)
    if not ask_words:  # nothing left to ask about: the clause is the question
        return set()
    return {w for c in [*clauses, scene] for w in content_words(c)} - ask_words


# A source's phrase that ends the sentence ("…, according to Dr. Jo Hale of Ashby Research.")
# or opens it before a comma ("According to analysts Screen Digest, …"); not one running into
# what the sentence says ("according to Jo Hale sales at Zenith rose 7%").
_ACCORDING_TO = re.compile(
    r"(?:,\s*|\s+)according to\b[^,;:!?]*?[.!?\"”’']*\s*$|^\s*according to\b[^,;:!?]*,",
    re.IGNORECASE,
)

_POSSESSIVE = re.compile(r"['’]s\b")

# The speaker a sentence closes on, by name: ", said Jo Hale, a county manager.", ", said
# analyst Jo Hale.", ", Jo Hale, a county manager, said." (a name or a role after the verb:
# not ", added 12 stores"; the rest of the clause stays, so that "chief executive of Tan
# Systems" still names whose figure it may be).
_SAID_THEN_NAME = re.compile(
    r",\s*(?:said|says|added|adds|explained|noted)\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,4}?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,[^,;:!?]*)?[.!?]?[\"”’]?\s*$"
)
_NAME_THEN_SAID = re.compile(
    r",\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,[^,;:!?]{1,60},)?\s+"
    r"(?:said|says|told\s[^,;:!?]{1,40})[.!?]?[\"”’]?\s*$"
)


def _without_closing_speaker(sentence: str) -> str:
    """``sentence`` without the name of the speaker it closes on (``_SAID_THEN_NAME``,
    ``_NAME_THEN_SAID``): who gives a figure is not whom it is about."""
    for pattern in (_SAID_THEN_NAME, _NAME_THEN_SAID):
        m = pattern.search(sentence)
        if m is not None:
            return f"{sentence[: m.start('name')]}{sentence[m.end('name') :]}"
    return sentence


_SOURCE = re.compile(
    r"\b(?i:according to|in)\s+(?:the\s+|an?\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)(['’]s)?\s+"
    rf"(?:\d{{4}}\s+)?(?i:({_ARTICLE_NOUNS}))\b"
)


_ASKING_TERMS = frozenset(content_words("rank ranking"))
# A cited publication: a journalistic form ("piece", "article", "column" …) or a media name
# ("the Guardian's report"); "the IMF's report", "Goldman Sachs's analysis" and "Tony Blair's
# interview" cite whose figure or words it is, a name the answer must carry.
_JOURNALISTIC = frozenset(
    "piece article story column coverage newsletter feature reporting".split()
)
_OUTLET = re.compile(
    r"\b(?:BBC|ITV|CNN|Reuters|Bloomberg|AP|AFP|FT|Times|Guardian|Telegraph|Independent|"
    r"Herald|Mail|Mirror|Observer|Express|Scotsman|Economist|Sky|Newsnight|Panorama)$"
)
_MEDIA_NAME = re.compile(
    r"\b(?:Times|Post|News|Journal|Herald|Gazette|Mail|Mirror|Telegraph|Guardian|Independent|"
    r"Observer|Express|Star|Sun|Standard|Economist|Magazine|Review|Wired|Reuters|Bloomberg|"
    r"BBC|ITV|CNN|Sky|AP|AFP|FT|Week|Tribune|Chronicle|Register|Inquirer|Today|Newsnight|"
    r"Panorama|Wire|Record|Scotsman)$"
)


# A title written in title case, its function words capitalised too ("We Are The World",
# "Grief Never Grows Old"): three capitalised words or more, not opening the question.
_TITLE_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){2,}")
_TITLE_FUNCTION_WORDS = frozenset(
    "a an the of and or in on at to for with by from is are was were be am we you it my "
    "your our their his her me us them this that all no not".split()
)


def titles_of(question: str) -> tuple[str, ...]:
    """Titles the question writes in title case, whose function words are capitalised too
    ("Who wrote We Are The World?"): a name run reads only "World" of it, which any article
    holds (review65: answered with another song's writer). Such a title is a phrase the
    evidence must hold, as a quoted one is. Not from a question written in title case
    throughout ("Who Won The Cup Final?")."""
    if not re.search(r"(?<![\w'’-])[a-z]", question):
        return ()
    titles = []
    for m in _TITLE_RUN.finditer(question):
        if m.start() == 0:
            continue
        # (a word with an apostrophe ends a part: "ITV's I'm A Celebrity", "Elvis' Are You
        # Lonesome Tonight"; its apostrophe may be written either way in the article)
        part: list[str] = []
        for token in [*m.group(0).split(), "'"]:
            if "'" not in token and "’" not in token:
                part.append(token)
                continue
            if len(part) >= 3 and any(_is_title_function_word(t) for t in part[1:]):
                titles.append(" ".join(part))
            part = []
    return tuple(titles)


def _is_title_function_word(token: str) -> bool:
    """A function word written with a capital ("The", "Are", "A"), not an acronym ("US")."""
    return token.lower() in _TITLE_FUNCTION_WORDS and (len(token) == 1 or token[1:].islower())


# Who makes a work: named after the work's title ("his first hit single - 19 by Paul
# Hardcastle", "'Hey Ya!' by OutKast"), not after a verb ("was bought by Sony") nor a time
# or place ("released on Monday by Kite Music", "bought in 1997 by Kite").
_CREATOR_ROLES = frozenset(
    "artist artists singer singers band bands author authors writer writers composer composers "
    "songwriter songwriters novelist novelists painter painters poet poets playwright "
    "playwrights".split()
)
_WORK_BY = re.compile(
    r"(?:(?<!\bin )(?<!\bon )(?<!\bat )(?<!\bof )\b[A-Z0-9][\w'’!]*|[\"”’])\s+by\s+"
    r"(?:the\s+|The\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
)
# The title or lead part a question asks the actor of: "plays the title character", "in the
# lead role".
_PART_FORMS = {"title": "title", "lead": "lead(?:ing)?"}
_TITLE_OR_LEAD_PART = re.compile(
    r"\b(?:plays?|played|playing|portrays?|portrayed|in|takes?|took|stars?|starred|starring)\s+"
    r"the\s+(title|lead(?=(?:ing)?\s))(?:ing)?\s+(?:character|role|part)\b"
)
# The part a question asks the actor of, described ("plays the brooding king"): a determiner
# and two to four lower-case words, up to a preposition or the question's end.
_ASKED_PART = re.compile(
    r"\b(?:plays?|played|playing|portrays?|portrayed)\s+((?:the|a|an)\s+"
    r"(?!(?:in|on|of|at|for|with|opposite|alongside|and)\b)[a-z][\w'’-]*"
    r"(?:\s+(?!(?:in|on|of|at|for|with|opposite|alongside|and)\b)[a-z][\w'’-]*){1,3})\b"
)
# An ordinal and the noun after it ("second album", "debut album", "first ever win").
_ORDINAL_NOUN = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|debut|maiden)"
    r"(?:[\s-]+(?:ever|full-length|studio|solo|major|feature|professional|official))?[\s-]+"
    r"([a-z]+)\b",
    re.IGNORECASE,
)
_AS_FIRST = {"debut": "first", "maiden": "first"}


def _ordinal_pairs(text: str) -> set[tuple[str, str]]:
    """The (ordinal, noun) pairs of ``text``, a debut or maiden one as the first, the noun in
    the singular ("albums" → "album")."""
    return {
        (_AS_FIRST.get(m.group(1).lower(), m.group(1).lower()), singular_of(m.group(2).lower()))
        for m in _ORDINAL_NOUN.finditer(text)
    }


# A sentence's opening pronoun for a person ("He then produced …", "She said …").
# (a person's: "It costs …", "Its vehicle businesses …" are too often about something else;
# not inside a quotation)
_OPENING_PRONOUN = re.compile(r"\s*(?:He|She|His|Her)\b")


def question_focus(question: str, stats: TermStats | None) -> Focus:
    """The focus of a question, each content term weighted by its IDF (1 when no stats), a
    term only a describing clause holds by ``DESCRIPTION_WEIGHT`` of that."""
    # ("where does X rank", "what ranking": the word asks for a place in an order, which the
    # sentence must state — ``holds_kind`` — as "fourth-largest" or "ranked 22nd", not by it)
    words = content_words(question)
    if ASKS_RANK.search(question.lower()):
        words -= _ASKING_TERMS
    # The publication a question cites ("According to MIT Technology Review's 2018 piece
    # on …") is where the article appeared: neither a name nor a term the sentence must
    # hold (its year weighs half: the article's date may hold it).
    sources = [
        m
        for m in _SOURCE.finditer(question)
        if (
            (m.group(3).lower() in _JOURNALISTIC or _MEDIA_NAME.search(m.group(1)))
            if m.group(2)
            # (without a possessive, a known outlet only: "the Kasabian feature" and "the
            # Fashion Week report" are about their names)
            else _OUTLET.search(m.group(1))
        )
    ]
    outside = question
    for m in reversed(sources):
        outside = outside[: m.start()] + " " + outside[m.end() :]
    source_terms = {
        w for m in sources for w in content_words(f"{m.group(1)} {m.group(3)}")
    } - content_words(outside)
    words -= source_terms
    weights = {w: (stats.idf(w) if stats else 1.0) for w in words}
    for w in description_terms(question) & weights.keys():
        weights[w] *= DESCRIPTION_WEIGHT
    for m in sources:
        for y in YEAR.findall(m.group(0)):
            if y in weights and y not in content_words(outside):
                weights[y] *= DESCRIPTION_WEIGHT
    names: list[str] = []
    # (a common word opening a statement before the asking sentence is no name: "Virus-laden
    # e-mails … . Which FBI unit …?", "Blind Cornell student Victor Wong …")
    for run in name_runs(question, stats.is_common if stats else None):
        tokens = [w.strip(".,'’?").removesuffix("'s").removesuffix("’s") for w in run.split()]
        kept = [
            w
            for w in tokens
            if len(w) > 1
            and w.lower() not in STOPWORDS
            and w.lower() not in NOT_NAMES
            and w.lower() not in DEMONYMS
            and not (len(tokens) == 1 and w.lower() in LONE_DEMONYMS)
        ]
        if kept:
            names.append(" ".join(kept))
    # The publication a question cites ("According to MIT Technology Review's 2018 piece
    # on …") is where the article appeared, not a name the article states.
    # (word for word — "Ford" is not in "the Oxford Mail" — and not a name the question
    # also gives outside the citation: "the BBC's report on BBC job cuts")
    names = [
        n
        for n in names
        if not any(set(n.split()) <= set(m.group(1).split()) for m in sources)
        or re.search(rf"\b{re.escape(n)}\b", outside)
    ]
    quoted = (a or b for a, b in _QUOTED.findall(question))
    phrases = tuple(m.strip() for m in quoted if len(m.split()) > 1) + titles_of(question)
    bounds = tuple((m.group(1).lower(), int(m.group(2))) for m in _YEAR_BOUND.finditer(question))
    bounded = {str(year) for _, year in bounds}
    years = tuple(sorted(set(YEAR.findall(question)) - bounded))
    kind = asked_kind(question)
    described = described_noun(question) if kind is Kind.NAME else None
    return Focus(
        weights=weights,
        names=tuple(dict.fromkeys(names)),
        phrases=phrases,
        years=years,
        year_bounds=bounds,
        days=frozenset(days_of_months(question)),
        weekdays=frozenset(weekdays(question)),
        position=asked_position(question),
        kind=kind,
        event=event_verb(question),
        role=asked_role(question, kind),
        noun=asked_noun(question, kind) or (described[0] if described else None),
        person=described is not None and described[1],
        described=described is not None and asked_noun(question, kind) is None,
        office=asked_office(question) if len(question_parts(question)) == 1 else None,
        question=question,
        common=stats.is_common if stats else None,
    )
