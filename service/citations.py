"""Citation alignment and verification: a draft's ``[n]`` markers become checked citations.

Rules (each enforced here, for every provider). A claim is kept only if the quote(s) it cites
state it; partial support counts as no support (the convention of Google's Check Grounding API):
- a marker must name an evidence item offered for this question, else it is dropped (invented);
- the cited sentence must lie inside a passage retrieved for this question;
- every number, date and name of the claim appears in its cited quote(s) (``support``);
- at least ``min_overlap`` of the claim's content words (stem or 6-letter prefix) appear in the
  quotes or the question, so an invented relation ("met X", "investing heavily") fails;
- a claim that adds a negation (not, never, no, denied…) its quotes lack, or drops one its
  quote puts on a word the claim repeats, fails;
- a name paired in the claim with a relation word (the verb or title next to it) fails when the
  quote gives that relation to someone else ("Musk met Wang" against "Smith met Wang"), and a
  figure the claim gives to a name fails when every clause of the quote holding that figure
  names only others ("50 Cent gave $103,500" against "…from 50 Cent, while The Game handed
  over $103,500");
- a figure keeps the unit its quote gives it ("26" is not "26 billion", "31" not "31%");
  a figure put on a thing the quote counts with another figure fails ("780 taped
  conversations" against "780 files … detailing 27,000 taped conversations"), and a bare
  figure ("45.") needs the thing its quote counts ("45 human hours");
- a claim that only restates the question around one new name ("Safin.", "The player sent
  off was Neville.") needs a quote that puts that name nearest to the question's own words;
- the cosine similarity of claim and quote must also reach ``min_similarity`` — an extra
  condition, never a reason to accept on its own;
- a bare answer (fewer than three content words) must be about the question (its quote covers
  the question, or one part of a two-part question) and must not only repeat the question's
  words ("Beijing's reputation.");
- a claim whose markers do not support it, or that has none, is re-cited to the best-ranked
  offered evidence that does (the model put the fact under the wrong number); a claim that
  nothing supports is removed, as are filler ("The answer is:") and repeats of a kept claim;
- markers are renumbered 1..n in order of appearance; a fact stated by several articles cites
  the most direct statement first and the others right after it.

Hand-written because no library offers entailment this cheap and this inspectable; it is a
lexical check by design, so a reader (and a test) can see why a claim was kept or removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from service.answerability.figures import (
    SCALE_WORDS,
    figure_units,
    normal_scale,
    without_currency_countries,
)
from service.answerability.focus import question_parts
from service.answerability.lexicon import NATIONALITY_WORDS, NOT_NAME_WORDS
from service.evidence import (
    STOPWORDS,
    EvidenceItem,
    Sentence,
    find_word,
    sentence_spans,
    stem_word,
)
from service.schemas import Citation, Passage

_MARKER = re.compile(r"\s*\[(\d{1,3})\]")
# A run of markers: they belong to the last sentence of the text before it. (Found by itself,
# not as "(.*?)(markers)", which tried the lazy prefix from every position of a draft without
# markers: quadratic, ~0.45 s on 10,000 characters.)
_MARKER_RUN = re.compile(r"(?:\s*\[\d{1,3}\])+")
_HAS_WORD = re.compile(r"\w")


def split_claims(draft: str) -> list[tuple[str, list[int]]]:
    """Draft sentences with the marker numbers that follow each of them.

    A sentence splitter would attach ``[1]`` in "…race. [1] The White House…" to the next
    sentence; here a run of markers always closes the sentence before it.
    """
    claims: list[tuple[str, list[int]]] = []

    def add_sentences(text: str, markers: list[int]) -> None:
        pieces = [text[a:b].strip() for a, b in sentence_spans(text)]
        pieces = [p for p in pieces if _HAS_WORD.search(p)]
        for piece in pieces[:-1]:
            claims.append((piece, []))
        if pieces:
            claims.append((pieces[-1], markers))
        elif claims and markers:  # markers after markers: same sentence
            claims[-1][1].extend(markers)

    end = 0
    for m in _MARKER_RUN.finditer(draft):
        add_sentences(draft[end : m.start()], [int(n) for n in _MARKER.findall(m.group(0))])
        end = m.end()
    add_sentences(draft[end:], [])
    return claims


_ARTICLE_MARKER = re.compile(r"\s*\[(\d{1,3})\]")


def strip_markers(text: str) -> str:
    """Article text with ``[n]``-shaped strings removed: only the answer's own markers may
    ever be read as citations, never brackets written inside an article."""
    return _ARTICLE_MARKER.sub("", text)


@dataclass(frozen=True)
class SupportPolicy:
    """Thresholds of the support check."""

    min_similarity: float
    min_overlap: float


@dataclass
class Verified:
    """The outcome of verification."""

    answer: str
    citations: list[Citation]
    removed_sentences: list[str] = field(default_factory=list)
    dropped_markers: list[int] = field(default_factory=list)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SMALL_NUMBERS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand dozen".split()
)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.-]*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|denied|denies|deny|"
    r"denying|refused|refuses|refuse|rejected|failed)\b|n[’']t\b",
    re.IGNORECASE,
)
_FILLER = frozenset(
    "answer answers question questions evidence article articles sentence sentences based "
    "following information text provided given context note".split()
)
# Capitalised words that never name anyone (sentence openers, titles of address).
_NOT_NAMES = frozenset("mr mrs ms dr sir the a an".split())


BARE_ANSWER_WORDS = 3
BARE_ANSWER_QUESTION_COVERAGE = 0.4


def numbers_of(text: str) -> set[str]:
    """The numbers a text states (1,200 and 1200 are the same number; "six" is a number)."""
    found = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
    found |= {w for w in re.findall(r"[a-z]+", text.lower()) if w in _SMALL_NUMBERS}
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'s ", " "))


def claim_words(text: str) -> list[str]:
    """Content words of a claim (lower case). Numbers are checked on their own, and so are
    "41bn" and "1990s" and the scale right after a figure ("3 per cent", "26 billion"); a
    scale word after no figure ("five per cent") stays a word to cover."""
    words = _words(text)
    out = []
    for i, w in enumerate(words):
        if w in STOPWORDS or len(w) < 2 or w[0].isdigit():
            continue
        prev = words[i - 1] if i else ""
        if w in SCALE_WORDS and (
            prev[:1].isdigit() or (prev == "per" and i > 1 and words[i - 2][:1].isdigit())
        ):
            continue
        out.append(w)
    return out


def _keys(text: str) -> tuple[set[str], set[str]]:
    words = claim_words(text)
    return {stem_word(w) for w in words}, {w[:6] for w in words}


def coverage(claim: str, support_text: str) -> float:
    """Share of the claim's content words found (stem or 6-letter prefix) in ``support_text``."""
    words = claim_words(claim)
    if not words:
        return 1.0
    stems, prefixes = _keys(support_text)
    return sum(stem_word(w) in stems or w[:6] in prefixes for w in words) / len(words)


# Verbs that carry no fact of their own ("made a profit of", "got a cheque", "has 40 rooms"),
# which a claim may use where its quote says "was" or nothing.
_LIGHT_VERBS = frozenset(
    "make makes made making get gets got getting take takes took taken have has had having "
    "give gives gave given do does did done".split()
)


# The forms of a verb that no stem joins, by their base ("sold" and "sell"; "won", "win" and
# "winner"): a claim answers "Who sold …?" with "X sold …" and "Who won?" with "the winner".
_VERB_FORMS = (
    "sell sold sells selling seller",
    "lead led leads leading leader",
    "win won wins winning winner winners",
    "buy bought buys buying buyer buyers",
    "pay paid pays paying",
    "tell told tells",
    "say said says",
    "meet met meets meeting",
    "leave left leaves",
    "hold held holds",
    "run ran runs running",
    "spend spent spends spending",
    "lose lost loses losing loser",
    "rise rose risen rises rising",
    "fall fell fallen falls falling",
    "grow grew grown grows growing",
    "write wrote written writes writer",
    "send sent sends",
    "build built builds",
    "bring brought brings",
    "find found finds",
    "become became becomes",
    "begin began begun begins",
    "strike struck strikes",
    "choose chose chosen chooses",
)
_FORM_OF = {form: group.split()[0] for group in _VERB_FORMS for form in group.split()}


def answer_coverage(claim: str, question: str, support_text: str) -> float:
    """Share of the claim's content words *not in the question* (stem or 6-letter prefix)
    found in ``support_text``; 1.0 when the claim adds no word to the question's."""
    q_stems, q_prefixes = _keys(question)
    q_forms = {_FORM_OF.get(w, w) for w in claim_words(question)}
    words = [
        w
        for w in claim_words(claim)
        if stem_word(w) not in q_stems
        and w[:6] not in q_prefixes
        and w not in _LIGHT_VERBS
        and _FORM_OF.get(w, w) not in q_forms  # ("sold" for "sell", "winner" for "won")
    ]
    if not words:
        return 1.0
    stems, prefixes = _keys(support_text)
    return sum(stem_word(w) in stems or w[:6] in prefixes for w in words) / len(words)


# A question that opens with an auxiliary verb and no wh-word ("Did Rosneft buy the unit for a
# low price?") asks whether its whole proposition holds: none of its words is given.
_POLAR = re.compile(
    r"^\W*(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|may|might)"
    r"\b(?!.*\b(?:who|whom|whose|what|which|when|where|why|how)\b)",
    re.IGNORECASE | re.DOTALL,
)
# The options of an alternative ("a profit or a loss", "Chelsea or Arsenal") are what is asked.
_OPTIONS = re.compile(r"\b([\w'’-]+)\s+or\s+(?:(?:a|an|the|not)\s+)?([\w'’-]+)", re.IGNORECASE)


def given_part(question: str) -> str:
    """The words of ``question`` that a claim may take as given rather than state from its
    quote: a wh-question's words ("Who bought Yuganskneftegaz?" → "Rosneft bought
    Yuganskneftegaz"), less the options of an alternative ("a profit or a loss?"); nothing of a
    yes/no question, whose whole proposition is what the claim asserts (review64: "The firm
    made a profit." passed against "made a loss" because every word was the question's)."""
    if _POLAR.search(question):
        return ""
    return _OPTIONS.sub(" ", question)


def _options_not_stated(claim: str, question: str, quote_text: str) -> list[str]:
    """The options of the question's alternatives ("a profit or a loss?") that the claim
    states and its quotes do not (by stem or 6-letter prefix)."""
    options = {
        w for m in _OPTIONS.finditer(question) for w in claim_words(f"{m.group(1)} {m.group(2)}")
    }
    if not options:
        return []
    stems, prefixes = _keys(quote_text)
    return sorted(
        w
        for w in set(claim_words(claim)) & options
        if stem_word(w) not in stems and w[:6] not in prefixes
    )


def claim_overlap(claim: str, quote: str) -> float:
    """Share of the claim's content words found in the quote (kept for eval.support)."""
    return coverage(claim, quote)


def name_runs(text: str, known: frozenset[str] = frozenset()) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens: (first token index, last token index + 1, the words).

    The first token of the text counts only when the next one is capitalised too ("Brad
    Smith met…") or it is one of the ``known`` names (lower case): a capitalised opener is
    usually not a name.
    """
    tokens = _TOKEN.findall(text)
    runs: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][:1].isupper() and tokens[i].rstrip(".").lower() not in _NOT_NAMES:
            j = i
            while j < len(tokens) and tokens[j][:1].isupper():
                j += 1
            words = [re.sub(r"['’]s$", "", t.rstrip(".,")) for t in tokens[i:j]]
            if i > 0 or j - i > 1 or words[0].lower() in known:
                runs.append((i, j, words))
            i = j
        else:
            i += 1
    return runs


def names_of(text: str) -> list[str]:
    """The names a claim states (each capitalised word of a name run)."""
    return [w for _, _, words in name_runs(text) for w in words if w]


def _has_word(text_lower: str, word: str) -> bool:
    return find_word(text_lower, word.lower()) >= 0


def _relation_pairs(claim: str, known: frozenset[str]) -> list[tuple[str, str, str]]:
    """(name word, relation stem, side) for each name run next to a content word in the claim:
    side "after" for "Smith met", "before" for "minister Wang" (``known``: see ``name_runs``)."""
    tokens = _TOKEN.findall(claim)
    pairs = []
    for i, j, words in name_runs(claim, known):
        name = words[-1]
        if j < len(tokens):
            nxt = tokens[j].lower().rstrip(".,")
            if nxt not in STOPWORDS and nxt.isalpha():
                pairs.append((name, stem_word(nxt), "after"))
        if i > 0:
            prev = tokens[i - 1].lower().rstrip(".,")
            if prev not in STOPWORDS and prev.isalpha():
                pairs.append((words[0], stem_word(prev), "before"))
            elif prev == "by" and i > 1:  # "produced by Lionel Richie": the agent of a verb
                verb = tokens[i - 2].lower().rstrip(".,")
                if verb not in STOPWORDS and verb.isalpha():
                    pairs.append((words[-1], stem_word(verb), "agent"))
    return pairs


def _joined_names(
    run: tuple[int, int, list[str]], runs: list[tuple[int, int, list[str]]], tokens: list[str]
) -> list[str]:
    """The words of ``run`` and of the runs joined to it by "and" or "&"."""
    group = [run]
    ordered = sorted(runs)
    at = ordered.index(run)
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(ordered):
            a, b = sorted([ordered[i], ordered[i + step]])
            if [t.lower() for t in tokens[a[1] : b[0]]] not in ([], ["and"], ["&"]):
                break
            group.append(ordered[i + step])
            i += step
    return [w for r in group for w in r[2]]


def _relation_holds(name: str, relation: str, side: str, quote: str, known: frozenset[str]) -> bool:
    """Whether the quote gives ``relation`` to ``name`` rather than to another name: the name
    run nearest to the relation word, on the same side as in the claim, contains ``name``; for
    an agent ("produced by X"), the nearest on either side, by words ("X produced", "produced
    by X" and "with X as producer" give it to X; review65: "produced by Lionel Richie" passed
    against "written by Lionel Richie …, with Quincy Jones as producer")."""
    tokens = _TOKEN.findall(quote)
    stems = [stem_word(t.lower().rstrip(".,")) for t in tokens]
    if relation not in stems:
        return True  # the quote does not use that word: coverage judges it
    runs = name_runs(quote, known)
    for k, st in enumerate(stems):
        if st != relation:
            continue
        if side == "agent":  # the run after "by", else the nearest by words, either side
            passive = [r for r in runs if r[0] == k + 2 and tokens[k + 1].lower() == "by"]
            nearest = min(
                passive or runs, key=lambda r: k - r[1] if r[1] <= k else r[0] - k - 1, default=None
            )
            # with the names joined to it ("Lionel Richie and Michael Jackson")
            if nearest is not None:
                nearest = (nearest[0], nearest[1], _joined_names(nearest, runs, tokens))
        elif side == "after":  # the name comes before the relation word
            before = [r for r in runs if r[1] <= k]
            nearest = before[-1] if before else None
        else:
            after = [r for r in runs if r[0] > k]
            nearest = after[0] if after else None
        if nearest is None or any(w.lower() == name.lower() for w in nearest[2]):
            return True
    return False


def _negated_words(text: str) -> set[str]:
    """Stems of the content words a negation governs (the next three tokens after it)."""
    out: set[str] = set()
    for m in _NEGATION.finditer(text):
        following = _words(text[m.end() :])[:3]
        out |= {stem_word(w) for w in following if w not in STOPWORDS}
    return out


_CURRENCY_NOUNS = (("$", "dollars"), ("£", "pounds"), ("€", "euros"), ("¥", "yen"))


def support_problem(
    claim: str,
    quotes: list[str],
    question: str,
    min_overlap: float,
    answering: frozenset[str] = frozenset(),
) -> str:
    """Why ``quotes`` do not state ``claim`` (empty when they do); pure and lexical.

    ``answering``: the texts of the sentences found to answer the question (the lead
    evidence and its other reports); a short claim restating one of them whole is no bare
    answer."""
    quote_text = " ".join(quotes)
    quote_lower = quote_text.lower()
    missing_numbers = numbers_of(claim) - numbers_of(quote_text)
    if missing_numbers:
        return f"numbers not in the quote: {sorted(missing_numbers)}"
    unit = _unit_problem(claim, quote_text, question)
    if unit:
        return unit
    # The currency's country ("NZ$450m", "3.1bn Australian dollars") names no one: the unit
    # check above has matched it with the quote's.
    claim = without_currency_countries(claim)
    missing_names = [n for n in names_of(claim) if not _has_word(quote_lower, n)]
    if missing_names:
        return f"names not in the quote: {missing_names}"
    # A currency the quote writes as a sign may be written as a word ("A$3.1bn" as "3.1bn
    # Australian dollars").
    quoted_currencies = {currency for _, currency, _ in figure_units(quote_text)}
    spelled = "".join(
        f" {word}" for sign, word in _CURRENCY_NOUNS if any(sign in c for c in quoted_currencies)
    )
    given = given_part(question)
    if coverage(claim, f"{quote_text} {given} {spelled}") < min_overlap:
        return "the quote does not state most of the claim"
    # The question's words say what is asked; the claim's other words are its answer, and the
    # quote must state them: "The first problem the World Community Grid will tackle is the
    # issue of data overload" repeats the question and adds "data overload", which a quote
    # about data in general does not state (review63; the whole claim's coverage, counting
    # the question's words, was 0.8).
    if given and answer_coverage(claim, given, f"{quote_text} {spelled}") < min_overlap:
        return "the quote does not state what the claim answers"
    picked = _options_not_stated(claim, question, quote_text)
    if picked:
        return f"the quote does not state the option the claim picks: {picked}"
    claim_negated = bool(_NEGATION.search(claim))
    if claim_negated and not (
        _negated_words(claim) & _negated_words(quote_text) or not _negated_words(claim)
    ):
        return "the claim adds a negation"
    if claim_negated and not _NEGATION.search(quote_text):
        return "the claim adds a negation"
    if not claim_negated:
        claim_stems = {stem_word(w) for w in claim_words(claim)}
        if _negated_words(quote_text) & claim_stems:
            return "the claim drops the quote's negation"
    if question and _echoes(claim, question):
        return "a bare answer that only repeats the question"
    # A bare answer ("Elon Musk.", "2014.") means nothing without the question: its quote must
    # then be about the question, not just contain the name or number.
    # (of a two-part question, about one of its parts: "In 1994 only 1.3 words were used."
    # answers "…, and how many did they use in 1994?")
    # A claim that restates its quote whole when that quote is the one found to answer ("All
    # postcards are priced at £35.", the lead) is no bare answer: it means what the quote
    # means, and the quote was chosen with its passage. Another evidence sentence restated
    # ("In 2003 the figure was 29%.") was offered beside the lead, not checked to answer: it
    # must be about the question like any short claim (review84).
    if (
        question
        and len(claim_words(claim)) < BARE_ANSWER_WORDS
        and not any(_same_words(claim, q) for q in quotes if q in answering)
        and all(
            coverage(part, quote_text) < BARE_ANSWER_QUESTION_COVERAGE
            # (a part of one content word or none says too little to be about: "…, and when?")
            for part in [p for p in question_parts(question) if len(claim_words(p)) >= 2]
            or [question]
        )
    ):
        return "a bare answer whose quote is not about the question"
    # an opening word is a name where some text writes it capitalised inside a sentence
    # ("Chelsea won the match." against "Arsenal won the match against Chelsea 2-1.")
    known = frozenset(_mid_sentence_capitals(" ".join([claim, question, *quotes])) - _NO_NAME)
    for name, relation, side in _relation_pairs(claim, known):
        if not any(_relation_holds(name, relation, side, q, known) for q in quotes):
            return f"the quote does not pair {name} with that"
    figure = _figure_of_someone_else(claim, quotes)
    if figure:
        return f"the quote gives {figure} to someone else"
    counted = _figure_of_something_else(claim, quotes)
    if counted:
        return f"the quote gives {counted} to something else"
    if len(claim_words(claim)) < BARE_ANSWER_WORDS:
        dropped = _drops_what_it_counts(claim, quotes)
        if dropped:
            return f"a bare {dropped} without what the quote counts"
    offside = _name_off_the_relation(claim, quotes, question)
    if offside:
        return f"the quote does not say that of {offside}"
    return ""


# Where a sentence turns to another subject: "…from 50 Cent, while The Game handed over…".
_CLAUSE_BREAK = re.compile(r";|,?\s+(?:while|whereas|but)\s+|,\s+and\s+", re.IGNORECASE)
# In a claim, "and" before a capitalised word starts another subject's clause too ("X gave
# $5 and The Game gave $3"); in a quote it may join two subjects of one verb ("X and Y gave").
_CLAIM_BREAK = re.compile(rf"{_CLAUSE_BREAK.pattern}|\s+and\s+(?=[A-Z0-9])", re.IGNORECASE)


def _same_words(a: str, b: str) -> bool:
    """Whether two texts are the same words in the same order (case and punctuation aside)."""
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _clauses(text: str, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> list[str]:
    return [c for c in breaks.split(text) if c.strip()]


def _name_words(text: str) -> set[str]:
    return {w.lower() for w in names_of(text) if w and w.lower() not in STOPWORDS}


def _figure_of_someone_else(claim: str, quotes: list[str]) -> str:
    """A figure the claim gives to a name, where every clause of the quotes holding that
    figure names only others: "50 Cent gave $103,500" against "…got $150,000 from 50 Cent,
    while The Game handed over $103,500" (empty when there is none). A quote clause naming
    nobody ("it cost $5m") does not judge, nor does a claim clause naming nobody."""
    for clause in _clauses(claim, _CLAIM_BREAK):
        names = _name_words(clause)
        if not names:
            continue
        for figure in sorted(numbers_of(clause)):
            held = [c for q in quotes for c in _clauses(q) if figure in numbers_of(c)]
            if held and all((others := _name_words(c)) and not others & names for c in held):
                return figure
    return ""


def _unit_problem(claim: str, quote_text: str, question: str) -> str:
    """A figure the claim states without the unit its quote gives it, or with another: "26"
    or "26 million" for the quote's "26 billion", "31" for "31%", "15.1m" or "£15.1m" for
    "$15.1m" (empty when every figure carries a unit the quote gives it; the question's
    units judge only a number the quote does not state)."""
    units: dict[str, set[tuple[str, str]]] = {}
    for text in (quote_text, question):
        found: dict[str, set[tuple[str, str]]] = {}
        for number, currency, scale in figure_units(text):
            found.setdefault(number, set()).add((currency, scale))
        for number, kinds in found.items():
            units.setdefault(number, kinds)
    for number, currency, scale in figure_units(claim):
        if number in units and (currency, scale) not in units[number]:
            return f"the quote does not state {number} with that unit ({currency}{scale} here)"
    return ""


# A figure and the word after it, by offsets: letters or a hyphen stuck to the figure ("21st",
# "3pm", "12-year-old") make it one token, not a figure counting a thing.
_FIGURE_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*[A-Za-z%-]*|[A-Za-z][A-Za-z'’-]*")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Tokens that belong to a figure, not to what it counts: "27,000 taped", "$5m deal".
_FIGURE_PARTS = SCALE_WORDS | frozenset("per dollars pounds euros yen us".split())
# How far before the counted word a quote's figure may sit ("27,000 taped conversations").
_COUNTED_REACH = 3


def _figure_of(token: str) -> tuple[str, str] | None:
    """(number, scale) of a figure token ("27,000" → ("27000", ""), "5m" → ("5", "m")), or
    None for a word, a year, or a figure with other letters stuck to it ("21st", "3pm")."""
    m = _NUMBER.match(token)
    if m is None or _YEAR.fullmatch(token):
        return None
    rest = token[m.end() :].lower()
    if rest and rest not in SCALE_WORDS and rest != "%":
        return None
    return m.group(0).replace(",", ""), normal_scale(rest)


def _counted_pairs(text: str) -> list[tuple[tuple[str, str], str]]:
    """((number, scale), stem of the word after it) for each figure of ``text`` followed by a
    content word: "780 taped conversations" → (("780", ""), "tape"). Years count nothing."""
    tokens = _FIGURE_TOKEN.findall(text)
    pairs = []
    for i, token in enumerate(tokens):
        figure = _figure_of(token)
        if figure is None:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].lower() in _FIGURE_PARTS:
            if not figure[1] and tokens[j].lower() in SCALE_WORDS:
                figure = (figure[0], normal_scale(tokens[j]))
            j += 1
        if j < len(tokens) and tokens[j][0].islower() and tokens[j] not in STOPWORDS:
            pairs.append((figure, stem_word(tokens[j])))
    return pairs


def _counts_it(figure: tuple[str, str], counted: str, quote: str) -> bool:
    """Whether the quote puts ``figure`` before the word ``counted``: the nearest figure in
    the few tokens before that word is this one, scale and all. True when the quote never has
    a figure there (it words it otherwise; coverage judges)."""
    seen_figure = False
    for quoted, word in _counted_pairs(quote):
        if word == counted:
            seen_figure = True
            if _same_figure(quoted, figure):
                return True
    tokens = _FIGURE_TOKEN.findall(quote)
    for k, token in enumerate(tokens):
        if stem_word(token.lower()) != counted:
            continue
        before = [f for t in tokens[max(0, k - _COUNTED_REACH) : k] if (f := _figure_of(t))]
        if before:
            seen_figure = True
            if _same_figure(before[-1], figure):
                return True
    return not seen_figure


def _same_figure(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The same number with the same scale: "26 vouchers" is not "26 billion vouchers"."""
    return a == b


def _figure_of_something_else(claim: str, quotes: list[str]) -> str:
    """A figure the claim puts on a thing the quotes count with another figure: "780 taped
    conversations" against "780 files of evidence detailing 27,000 taped conversations"
    (empty when there is none)."""
    for figure, counted in _counted_pairs(claim):
        if not any(_counts_it(figure, counted, q) for q in quotes):
            return figure[0]
    return ""


def _drops_what_it_counts(claim: str, quotes: list[str]) -> str:
    """A figure a bare answer states without the thing its quote counts with it: "45." for
    a quote's "45 human hours" says nothing a reader can use (empty when there is none)."""
    tokens = _FIGURE_TOKEN.findall(claim)
    claimed = {stem_word(t.lower()) for t in tokens}
    for figure in {f for t in tokens if (f := _figure_of(t))}:
        counted = {c for q in quotes for f, c in _counted_pairs(q) if _same_figure(f, figure)}
        if counted and not counted & claimed:
            return figure[0]
    return ""


# A capitalised run, with the small words inside names ("Vasco da Gama", "Arts Council of
# Wales"), by character offsets.
_NAME_SPAN = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:da|de|di|del|van|von|der|of|the)\s+)?[A-Z][\w'’.-]*)*"
)
_WORD_SPAN = re.compile(r"[A-Za-z0-9]+")
# How many words of its own a claim may add to the question's before it is more than "the
# question's relation, and a name" (``_name_off_the_relation``).
_OWN_WORDS = 1
# Capitalised words that name no one: "the first Irish rider", "Mr", "Tuesday", "Five".
_NO_NAME = NATIONALITY_WORDS | NOT_NAME_WORDS | STOPWORDS


def _run_words(run: str) -> set[str]:
    """The words of a capitalised run that can name someone."""
    return {w.lower() for w in _WORD_SPAN.findall(run)} - _NO_NAME


def _mid_sentence_capitals(text: str) -> set[str]:
    """Words capitalised other than at a sentence's start: names, not openers."""
    return {
        m.group(0).lower()
        for m in re.finditer(r"(?<![.!?\"“‘'(]\s)(?<!^)\b[A-Z][\w'’-]*", text.strip())
    }


def _name_off_the_relation(claim: str, quotes: list[str], question: str) -> str:
    """The one new name of a claim that only restates the question's relation around it
    ("Safin.", "The player sent off was Neville.", "Petrak beat Colm Reid."), when no quote
    puts that name nearest to the question's own words: "Pat Cash lost to Mats Wilander in
    1988, but faces … Safin" does not say Safin beat Pat Cash. Nearest by characters to any of
    the question's own (not name) words the quote holds; a quote holding none of them states
    no relation at all. The quotes are also read together. Empty when the claim says more than
    that, names several new names, or a quote agrees. By characters, an appositive between
    the name and the words can hide a right name ("Vasek, the rider who trains with Petrak,
    beat …"): then the claim falls back to the quotes themselves, which is safe."""
    if not question:
        return ""
    asked_names = _name_words(question)
    # a word is a name where a text capitalises it inside a sentence ("Petrak beat …" opens
    # the claim, but the quote writes "against Petrak"); "Yesterday." is no name
    capitals = _mid_sentence_capitals(claim)
    for q in quotes:
        capitals |= _mid_sentence_capitals(q)
    new_names = [
        words
        for m in _NAME_SPAN.finditer(claim)
        if (words := (_run_words(m.group(0)) & capitals) - asked_names)
    ]
    if len(new_names) != 1:
        return ""
    claimed = new_names[0]
    asked = {stem_word(w) for w in claim_words(question) if w not in asked_names}
    own = {stem_word(w) for w in claim_words(claim) if w not in claimed and w not in asked_names}
    quoted = {stem_word(w) for q in quotes for w in claim_words(q)}
    if len(own - asked) > _OWN_WORDS or (own - asked) & quoted:
        return ""  # the claim states a relation of the quote's own: other checks judge it
    for quote in [*quotes, " ".join(quotes)] if len(quotes) > 1 else quotes:
        runs = [
            (m.start(), m.end(), words)
            for m in _NAME_SPAN.finditer(quote)
            if (
                words := {
                    w for w in _run_words(m.group(0)) - asked_names if stem_word(w) not in asked
                }
            )
        ]
        anchors = [
            m.start() for m in _WORD_SPAN.finditer(quote) if stem_word(m.group(0).lower()) in asked
        ]
        for at in anchors:
            distance = [0 if a <= at < b else (a - at if a > at else at - b) for a, b, _ in runs]
            if any(
                d == min(distance) and claimed & r[2] for d, r in zip(distance, runs, strict=True)
            ):
                return ""
    return " ".join(sorted(claimed))


_LEAD_IN = re.compile(
    r"^\s*(?:(?:the |my |final |short )?answer(?: to (?:the|this) question)?(?: is)?\s*[:\-–]\s*|"
    r"the (?:evidence|article|text) (?:is|says|shows|states) that\s+|"
    r"(?:according to|based on) (?:the )?(?:evidence|articles?|sentences?|text)"
    r"(?: \[?\d+\]?)?\s*,\s*)",
    re.IGNORECASE,
)


def drop_lead_in(claim: str) -> str:
    """A claim without a lead-in ("The answer is: ", "According to the evidence, ")."""
    rest = _LEAD_IN.sub("", claim, count=1)
    return rest[:1].upper() + rest[1:] if rest != claim else claim


def _echoes(claim: str, question: str) -> bool:
    """Whether a bare claim is made only of the question's own words (by stem) and numbers,
    so that it answers nothing ("Beijing's reputation." for "…, and what reputation does
    Beijing want?"). Not a claim with no words ("No."), nor one choosing between the question's
    options ("Nadal." for "Who won, Federer or Nadal?")."""
    words = claim_words(claim)
    if not words or len(words) >= BARE_ANSWER_WORDS or re.search(r"\bor\b", question):
        return False
    asked = {stem_word(w) for w in claim_words(question)}
    return all(stem_word(w) in asked for w in words) and numbers_of(claim) <= numbers_of(question)


def is_filler(claim: str) -> bool:
    """A sentence with nothing to check: "The answer is:", "Based on the evidence," …"""
    if claim.rstrip().endswith(":"):
        return True
    words = [w for w in claim_words(claim) if w not in _FILLER]
    return not words and not numbers_of(claim)


def _same_claim(a: str, b: str) -> bool:
    wa, wb = set(claim_words(a)) | numbers_of(a), set(claim_words(b)) | numbers_of(b)
    if not wa or not wb:
        return a.strip().lower() == b.strip().lower()
    return len(wa & wb) / len(wa | wb) >= 0.8


def inside_passages(sentence: Sentence, passages: list[Passage]) -> bool:
    """Whether the sentence lies within one of the retrieved passages."""
    return any(
        p.doc_id == sentence.doc_id and p.start <= sentence.start and sentence.end <= p.end
        for p in passages
    )


class CitationVerifier:
    """Checks a draft against its evidence; needs text embeddings for the similarity floor.

    Stateless apart from its configuration: safe to share between request threads.
    """

    def __init__(
        self, embed: Callable[[list[str]], list[list[float]]], policy: SupportPolicy
    ) -> None:
        self._embed = embed  # returns normalized vectors
        self.policy = policy

    def _vectors(self, texts: list[str], known: dict[str, np.ndarray]) -> np.ndarray:
        """One vector per text: a quote's stored vector (``known``, computed at ingest), else
        an embedding, each distinct text embedded once. An extractive draft's claims are its
        quotes, so it needs no encoder call at all."""
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        found = dict(known)
        if missing:
            embedded = np.asarray(self._embed(missing), dtype=np.float32)
            found.update(zip(missing, embedded, strict=True))
        return np.stack([np.asarray(found[t], dtype=np.float32) for t in texts])

    def verify(
        self,
        draft: str,
        evidence: list[EvidenceItem],
        passages: list[Passage],
        question: str = "",
    ) -> Verified:
        """Keep what the evidence states; re-cite, collapse or remove the rest."""
        by_number = {item.number: item for item in evidence}
        units: list[tuple[str, list[int]]] = []  # (claim text, evidence numbers cited)
        dropped: list[int] = []
        removed: list[str] = []
        for raw, numbers in split_claims(draft):
            claim = drop_lead_in(raw)
            valid: list[int] = []
            for n in numbers:
                if n in by_number and n not in valid:
                    valid.append(n)
                elif n not in by_number:
                    dropped.append(n)
            if is_filler(claim):
                removed.append(claim)
                continue
            units.append((claim, valid))
        if not units or not evidence:
            return Verified("", [], removed + [c for c, _ in units], dropped)

        # One embedding call for every claim and every quote involved.
        quotes: list[Sentence] = []
        for item in evidence:
            quotes.append(item.sentence)
            quotes.extend(item.also)
        known: dict[str, np.ndarray] = {}
        for item in evidence:
            known.update(item.known_vectors())
        vectors = self._vectors([c for c, _ in units] + [q.text for q in quotes], known)
        claim_vecs = vectors[: len(units)]
        # the lead (the sentence found to answer; ``AnswerService.gather`` puts it first) and
        # its other reports
        lead = evidence[0]
        answering = frozenset([lead.sentence.text, *(s.text for s in lead.also)])
        quote_vec = {(q.doc_id, q.start): vectors[len(units) + i] for i, q in enumerate(quotes)}

        def supports(claim_index: int, cited: list[Sentence]) -> bool:
            if not cited or not all(inside_passages(s, passages) for s in cited):
                return False
            claim = units[claim_index][0]
            if support_problem(
                claim, [s.text for s in cited], question, self.policy.min_overlap, answering
            ):
                return False
            if len(claim_words(claim)) < BARE_ANSWER_WORDS:
                # a bare answer was checked against the question instead, or restates the
                # lead word for word (its cosine to it is ~1 anyway)
                return True
            best = max(
                float(np.dot(claim_vecs[claim_index], quote_vec[(s.doc_id, s.start)]))
                for s in cited
            )
            return best >= self.policy.min_similarity

        kept: list[str] = []
        kept_claims: list[str] = []
        citations: list[Citation] = []
        marker_of: dict[tuple[str, int, int], int] = {}
        for i, (claim, numbers) in enumerate(units):
            own = [by_number[n].sentence for n in numbers]
            # All its own quotes together, or one of them alone (the others were extra).
            cited: list[Sentence] = (
                own if supports(i, own) else next(([s] for s in own if supports(i, [s])), [])
            )
            if not cited:
                # Re-cite: the best-ranked other evidence that states the claim.
                cited = next(
                    (
                        [item.sentence]
                        for item in evidence
                        if item.number not in numbers and supports(i, [item.sentence])
                    ),
                    [],
                )
            if not cited:
                removed.append(claim)
                continue
            if any(_same_claim(claim, k) for k in kept_claims):
                removed.append(claim)  # a repeat of a kept claim
                continue
            # Other articles of the same story stating the same thing are cited beside the most
            # direct one ("also reported by").
            primary_of: dict[tuple[str, int, int], tuple[str, int, int]] = {}
            for item in evidence:
                if item.sentence in cited:
                    for s in item.also:
                        if supports(i, [s]):
                            cited.append(s)
                            primary_of[(s.doc_id, s.start, s.end)] = (
                                item.sentence.doc_id,
                                item.sentence.start,
                                item.sentence.end,
                            )
            markers = []
            for s in cited:
                key = (s.doc_id, s.start, s.end)
                if key not in marker_of:
                    marker_of[key] = len(citations) + 1
                    primary = primary_of.get(key)
                    citations.append(
                        Citation(
                            marker=marker_of[key],
                            doc_id=s.doc_id,
                            title=s.title,
                            published=s.published,
                            start=s.start,
                            end=s.end,
                            quote=s.text,
                            same_story_as=marker_of.get(primary) if primary else None,
                        )
                    )
                if marker_of[key] not in markers:
                    markers.append(marker_of[key])
            if not claim.endswith((".", "!", "?", "…", "”", '"', "’", "'", ")")):
                claim += "."
            kept_claims.append(claim)
            kept.append(claim + " " + "".join(f"[{m}]" for m in markers))
        return Verified(" ".join(kept), citations, removed, dropped)
