"""Where a sentence's answer sits: how close the asked-for item is to the question's words.

A sentence may hold a figure, a date or a name and still not answer: "ICBC has seen an 18%
jump in profits during 2004" holds a year, but not the year the bank was *founded*; "ICBC was
founded in 1984" puts its year beside the question's own verb. Question-answering systems have
ranked answer candidates by the question terms in a window around them since the first TREC
QA tracks; ``slot_proximity`` is that feature, written here because none of our libraries has
it: the IDF-weighted share of the question's *relation* terms (its content words that are not
part of its names: names are credited to every sentence of their passage already) found within
``WINDOW`` words of some item of the asked kind that the question does not already state.

Items of a kind are found by the same surface patterns the rest of this package reads: figures
(digits and number words) for numbers, amounts and ages; years, months and days for dates;
capitalised runs for names; capitalised runs after a preposition for places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from lemminflect import getLemma

from service.answerability.figures import (
    FIGURE,
    MONEY_PHRASE,
    PER_TIME,
    SPELLED_MONEY,
    digit_numbers,
    norm_number,
)
from service.answerability.holds import DAY_OF_MONTH
from service.answerability.kinds import Kind
from service.answerability.lexicon import MONTH_NAMES, WEEKDAYS, YEAR
from service.answerability.names import name_runs, names_no_one, place_runs
from service.evidence import STOPWORDS, find_word, stem_word

__all__ = [
    "RELATION_WINDOW",
    "SHORT_QUESTION_TERMS",
    "WINDOW",
    "relation_beside",
    "relation_terms",
    "slot_proximity",
    "states_every_word",
    "warm_up",
]

# Content words either side of an item that count as beside it ("founded in 1984", "seven
# versions of Cabir", "the 300-strong audience", "real name Corey Miller"); function words do
# not count towards the distance ("her last show on 5 March"). Measured on the 19 question
# sets (extractive, weight 0.6; see the README).
WINDOW = 2
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_DATE_WORD = re.compile(
    rf"\b(?:{MONTH_NAMES}|" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b"
)
# Words of the question's asking phrase, never beside its answer ("how many", "how much").
_ASKING = frozenset({"mani", "much"})


def _locate(text: str, run: str, at: int) -> tuple[int, int] | None:
    """Where ``run`` (a name run, which may have lost words and spacing: "University Leeds" for
    "University of Leeds") lies in ``text`` from ``at``: its first word to its last."""
    words = re.findall(r"[A-Za-z0-9&]+", run)
    if not words:
        return None
    begin = find_word(text, words[0], at)
    if begin < 0:
        begin = find_word(text, words[0])
    if begin < 0:
        return None
    end = find_word(text, words[-1], begin)
    return begin, end + len(words[-1]) if end >= 0 else begin + len(words[0])


def _items(
    text: str, kind: Kind, question: str, common: Callable[[str], bool] | None
) -> Iterator[tuple[int, int]]:
    """Character spans of the items of ``kind`` in ``text`` that ``question`` does not state."""
    q_lower = question.lower()
    q_words = set(re.findall(r"[a-z0-9]+", q_lower))
    if kind in (Kind.NUMBER, Kind.MONEY, Kind.AGE):
        q_numbers = digit_numbers(question)
        for m in FIGURE.finditer(text):
            figure = m.group(0)
            # a year is a date, not a count or an amount ("sold 40 shops in 2004")
            if YEAR.fullmatch(figure):
                continue
            if figure[0].isdigit():
                if norm_number(re.sub(r"(?:m|bn|k)$", "", figure)) in q_numbers:
                    continue
            elif figure.lower() in q_words:
                continue
            yield m.span()
    elif kind is Kind.DATE:
        for m in DAY_OF_MONTH.finditer(text):
            if not set(re.findall(r"[a-z0-9]+", m.group(0).lower())) <= q_words:
                yield m.span()
        q_years = set(YEAR.findall(question))
        for m in YEAR.finditer(text):
            if m.group(1) not in q_years:
                yield m.span()
        for m in _DATE_WORD.finditer(text):
            if m.group(0).lower() not in q_words:
                yield m.span()
    elif kind in (Kind.NAME, Kind.PLACE):
        runs = name_runs(text, common) if kind is Kind.NAME else place_runs(text)
        at = 0
        for run in runs:
            words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", run))}
            if not words or words <= q_words or (kind is Kind.NAME and names_no_one(words)):
                continue
            span = _locate(text, run, at)
            if span is not None:
                at = span[1]
                yield span


@lru_cache(maxsize=65536)
def _lemma_stem(word: str) -> str:
    """The stem of a sentence word's verb lemma (lemminflect's tables, shipped in its package:
    no download): "met" and "meeting" give "meet", "paid" "pay", "sold" "sell". Only the
    sentence's words are lemmatised: the question's terms are compared as they are, so that
    "founded" is not "find". Cached (``lru_cache`` is thread-safe): a lookup costs ~10 µs.
    Thread-safe: lemminflect assigns each table whole once loaded (two first calls at once may
    load it twice, never see half of it); ``warm_up`` loads them at start-up."""
    lemmas = getLemma(word, upos="VERB")
    return stem_word(lemmas[0]) if lemmas else stem_word(word)


def warm_up() -> None:
    """Load lemminflect's tables (~0.25 s, ~34 MB) before the first question needs them."""
    _lemma_stem("met")


def slot_proximity(
    text: str,
    kind: Kind | None,
    question: str,
    relation: dict[str, float],
    common: Callable[[str], bool] | None = None,
) -> float:
    """The largest IDF-weighted share of ``relation`` (the question's relation terms: Porter
    stems with weights, as ``content_words`` gives them) within ``WINDOW`` content words of one
    item of ``kind`` in ``text``; 0.0 when the question asks for no kind, has no relation
    terms, or the text holds no new item. A word matches a term by its stem or by its verb
    lemma's ("met" is beside "meet"). The question's own years and its asking words ("how
    many") are no relation terms."""
    years = set(YEAR.findall(question))
    relation = {t: w for t, w in relation.items() if t not in _ASKING and t not in years}
    total = sum(relation.values())
    if kind is None or kind is Kind.STATEMENT or total <= 0:
        return 0.0
    tokens = [
        (m.start(), m.end(), m.group(0).lower().replace("’", "'").removesuffix("'s"))
        for m in _TOKEN.finditer(text)
    ]
    best = 0.0
    for start, end in _items(text, kind, question, common):
        inside = {i for i, (s, e, _) in enumerate(tokens) if s < end and e > start}
        if not inside:
            continue
        # up to WINDOW content words on each side of the item (function words are skipped)
        near: list[str] = []
        for step, first in ((-1, min(inside) - 1), (1, max(inside) + 1)):
            i, found = first, 0
            while 0 <= i < len(tokens) and found < WINDOW:
                word = tokens[i][2]
                if word not in STOPWORDS:
                    near.append(word)
                    found += 1
                i += step
        stems = {stem_word(w) for w in near} | {_lemma_stem(w) for w in near}
        best = max(best, sum(w for t, w in relation.items() if t in stems) / total)
    return best


# How far from an asked-for date or amount the question's relation may be stated: "Phytopharm
# will receive an initial fee of £6.5m" (beside), "The Sundance festival was founded by Robert
# Redford in 1981" (within the clause). Content words on each side, function words skipped.
RELATION_WINDOW = 8
_MONEY_WINDOW = 2
# Families of money relations: the question's word for one (as written) and the sentence's
# other words for it (as written, within ``_MONEY_WINDOW`` content words of the amount). Not
# "signed" (a wage contract is signed too), "bought" (a player buys a house) or "handed" (a
# fine is handed out). Written by hand: a word-similarity model puts "pay" far from "moved"
# and "give" from "gift".
_MONEY_RELATIONS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(asked.split()), frozenset(stated.split()))
    for asked, stated in (
        (
            "pay paid pays paying fee fees spend spent spending cost costs",
            "moved moving transfer transferred signing",
        ),
        (
            "give gave given giving donate donated donating",
            "gift gifts donation donations donated cheque gave given",
        ),
        ("make made earn earned earning", "earned earnings earning income"),
        ("invest invested investing", "fund funded funding invested investment injected"),
    )
)
# A fee paid as a signing or a purchase *for* the amount: "He was signed for £4.6m from AC
# Milan", "Corvale signed Vale from Harlow for £4.6m", "was bought by Harlow for $2m" (not "signed
# a £40,000-a-week contract", "bought a £2m house": no "for" before the amount).
_NAME_RUN = r"(?:[A-Z][\w'’-]*\s+){1,3}"
_SIGNED_FOR = re.compile(
    rf"\b(?:signed|bought)\s+(?:(?:him|her|them|it)\s+|{_NAME_RUN})?(?:by\s+(?:the\s+)?{_NAME_RUN})?"
    rf"(?:from\s+(?:the\s+)?{_NAME_RUN})?(?:by\s+(?:the\s+)?{_NAME_RUN})?for\s+"
    r"(?:a\s+(?:fee\s+of\s+)?)?(?:about\s+|around\s+|some\s+)?[£$€]"
)
# Words of the asking phrase, never the relation ("how much money", "what year", "on what date").
_ASKING_WORDS = frozenset(
    "much many money amount sum figure year years date dates day days month months time when "
    "what which how".split()
)


def relation_terms(question: str, relation: dict[str, float]) -> list[str]:
    """The question's relation as it writes it: its lower-case content words (not names,
    nationalities or the calendar, which are capitalised; not its asking words or numbers)
    whose stems are among ``relation``'s terms."""
    words = {
        m.group(0).lower()
        for m in re.finditer(r"\b[a-z][a-z'-]+\b", question)
        if m.group(0) not in STOPWORDS and m.group(0) not in _ASKING_WORDS
    }
    return sorted(w for w in words if stem_word(w) in relation)


# A founding, in any of news's words for it: "set up" is "founded", "established", "formed"
# or "launched" ("which he founded with Damon Dash in 1995" for "when did they set up …?").
# ("found" as a verb of founding only after "did" or "to": "how much was found" is a finding)
_ASKS_FOUNDING = re.compile(
    r"\b(?:set|sets|setting)\s+up\b|\b(?:founded|co-founded|established|establish)\b|"
    r"\b(?:did|to)\s+(?:[\w'’-]+\s+){0,4}?found\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _founding_stems() -> frozenset[str]:
    """The stems of the words for a founding (on first use: the stemmer loads NLTK)."""
    return frozenset(
        stem_word(w) for w in "founded co-founded established formed launched".split()
    ) | {"set"}


def relation_beside(
    text: str,
    kind: Kind,
    question: str,
    relation: dict[str, float],
    common: Callable[[str], bool] | None = None,
    similar: Callable[[list[str], list[str]], float] | None = None,
    min_similarity: float = 0.6,
) -> bool:
    """Whether ``text`` states the question's relation beside an item of the asked kind:
    one of the question's relation words (``relation_terms``) within ``RELATION_WINDOW``
    content words of a date or amount the question does not state, by stem or verb lemma
    ("paid" for "pay"), or, failing that, a word ``similar`` finds at least
    ``min_similarity`` close to one of them ("abducted" for "kidnapped", "cost" for
    "budget"). True when there is nothing to check (no relation words, no new item).

    "How much did the collector pay the dealer for the portrait?" is not answered by "the
    portrait … was sold at auction for £10.3m in 2001": its amount sits beside a sale at
    auction, not a payment to a dealer. Any of the question's words counts, the other party
    of the relation too: "The dealer sold the portrait at auction for £10.3m" passes (a
    lexical stand-in for reading the relation, not a reading of it)."""
    terms = relation_terms(question, relation)
    if not terms:
        return True
    stems = {stem_word(t) for t in terms}
    if _ASKS_FOUNDING.search(question):
        stems |= _founding_stems()
    tokens = [
        (m.start(), m.end(), m.group(0).lower().replace("’", "'").removesuffix("'s"))
        for m in _TOKEN.finditer(text)
    ]
    near: set[str] = set()
    close: set[str] = set()  # (within ``_MONEY_WINDOW`` words: ``_MONEY_RELATIONS``)
    written_lower: set[str] = set()  # (names are no relation: "Jamaica" is no "Jamaican")
    seen_item = False
    items = list(_items(text, kind, question, common))
    if kind is Kind.MONEY:
        # an amount's figure, not any number ("pay its staff" is not beside "three continents")
        money = [m.span() for m in MONEY_PHRASE.finditer(text)]
        money += [m.span() for m in SPELLED_MONEY.finditer(text)]
        items = [(a, b) for a, b in items if any(a < e and b > s for s, e in money)] or items
    for start, end in items:
        inside = {i for i, (s, e, _) in enumerate(tokens) if s < end and e > start}
        if not inside:
            continue
        seen_item = True
        for step, first in ((-1, min(inside) - 1), (1, max(inside) + 1)):
            i, found = first, 0
            while 0 <= i < len(tokens) and found < RELATION_WINDOW:
                word = tokens[i][2]
                if word not in STOPWORDS and not word[0].isdigit():
                    near.add(word)
                    if found < _MONEY_WINDOW:
                        close.add(word)
                    if text[tokens[i][0]].islower():
                        written_lower.add(word)
                    found += 1
                i += step
    if not seen_item:
        return True
    if {stem_word(w) for w in near} & stems or {_lemma_stem(w) for w in near} & stems:
        return True
    # a transfer of money in news's other words, right beside the amount: a fee paid as
    # "moved to Chelsea for £2.25m" or "a £15.8m signing", a gift as "a £2.5m gift",
    # earnings as "earned"; not a sum per week or year (a wage), asked or stated
    if (
        kind is Kind.MONEY
        # (``PER_TIME`` reads lower case: "£50,000 a week", "paid annually")
        and not PER_TIME.search(question.lower())
        and not PER_TIME.search(text.lower())
        and (
            any(set(terms) & asked and close & stated for asked, stated in _MONEY_RELATIONS)
            or (set(terms) & _MONEY_RELATIONS[0][0] and _SIGNED_FOR.search(text) is not None)
        )
    ):
        return True
    return (
        similar is not None
        and bool(written_lower)
        and similar(terms, sorted(written_lower)) >= min_similarity
    )


#: A question of this many terms (``Focus.weights``: its content words, names included) or
#: fewer is short: each of its words carries it.
SHORT_QUESTION_TERMS = 3


def states_every_word(
    text: str,
    question: str,
    relation: dict[str, float],
    similar: Callable[[list[str], list[str]], float] | None,
    min_similarity: float,
) -> bool:
    """Whether ``text`` holds every one of the question's relation words (``relation_terms``):
    by stem or verb lemma, or as a lower-case word of it at least ``min_similarity`` close in
    meaning (``similar``: "boss" for "head"). For a short question (``SHORT_QUESTION_TERMS``),
    where one missing word is half the question: "What is the capital of Australia?" is not
    answered by a sentence on South Australia's mines, nor "Who invented the telephone?" by
    one on an "Inventions Directive". True when the question has no such word."""
    terms = relation_terms(question, relation)
    if not terms:
        return True
    words = [
        (m.group(0).lower().replace("’", "'").removesuffix("'s"), text[m.start()].islower())
        for m in _TOKEN.finditer(text)
    ]
    stems = {stem_word(w) for w, _ in words} | {_lemma_stem(w) for w, _ in words}
    lower = sorted({w for w, low in words if low and w not in STOPWORDS})
    for term in terms:
        if stem_word(term) in stems or _lemma_stem(term) in stems:
            continue
        if similar is None or not lower or similar([term], lower) < min_similarity:
            return False
    return True
