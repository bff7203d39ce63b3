"""Sentences with offsets, and evidence selection: which sentences answer the question.

Sentence boundaries come from the English punkt model shipped with llama-index
(``span_tokenize``), applied per line so that headings and paragraphs never merge. Scoring is
written here because no library does it for us: a sentence's evidence score is the cosine
similarity of question and sentence (all-MiniLM-L6-v2) plus ``lexical_weight`` times the share of
the question's content words (Porter stems) that the sentence contains, a name of the question
counting as contained where the sentence's passage or title holds it ("he", "the firm" refer to
it). The score without that passage credit (``ScoredSentence.threshold_score``) is what decides
whether a sentence answers at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from service.index import NewsIndex
from service.llama_import import llama_index_core
from service.schemas import Passage

_WORD = re.compile(r"[a-z0-9]+(?:[.'’][a-z0-9]+)*")
STOPWORDS = frozenset(
    (
        "a about above after again against all also am an and any are as at be because been "
        "before being below between both but by can could did do does doing down during each "
        "few for from further had has have having he her here hers herself him himself his how "
        "i if in into is it its itself just me more most my no nor not now of off on once only "
        "or other our ours out over own same she should so some such than that the their "
        "theirs them then there these they this those through to too under until up very was "
        "we were what when where which while who whom why will with would you your yours said "
        "says say according year new one two"
    ).split()
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: ``document.text[start:end] == text``."""

    doc_id: str
    title: str
    published: date | None
    passage_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class ScoredSentence:
    """A candidate evidence sentence and how well it answers the question."""

    sentence: Sentence
    score: float
    similarity: float
    overlap: float
    vector: np.ndarray
    answers_kind: bool = False  # holds something of the kind the question asks for
    # ``score`` without the names only its passage holds: what the refusal threshold reads, so
    # that a sentence is judged an answer by what it says itself (its passage only ranks it)
    own_score: float | None = None
    # what ``proximity`` added to ``score`` (ranking only: not a reason to admit more evidence)
    proximity_bonus: float = 0.0

    @property
    def threshold_score(self) -> float:
        """The score the refusal threshold compares (``own_score`` when set)."""
        return self.score if self.own_score is None else self.own_score


@lru_cache(maxsize=1)
def _punkt() -> Any:
    # llama-index ships punkt's English model; its own ``punkt_tokenizer`` is an untrained
    # instance that splits after "Mr." and "U.S.", so load the English parameters instead.
    llama_index_core()
    from llama_index.core.utils import globals_helper
    from nltk.tokenize.punkt import PunktTokenizer

    globals_helper.wait_for_nltk_check()  # points nltk at the bundled data (no download)
    return PunktTokenizer("english")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (never crossing a line break)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in _punkt().span_tokenize(line):
                piece = line[start:end]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece) - len(piece.rstrip())
                if end - trail > start + lead:
                    spans.append((offset + start + lead, offset + end - trail))
        offset += len(line) + 1
    return spans


def is_statement(text: str) -> bool:
    """Whether a sentence can be evidence: not a question, not a heading-sized fragment."""
    return not text.rstrip("”\"' ").endswith("?") and len(text.split()) >= 5


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """The Porter stem of a lower-case word (cached)."""
    return str(_stemmer().stem(word))


_stem = stem_word


def content_words(text: str) -> set[str]:
    """Stems (Porter, from nltk) of the lower-cased content words of ``text`` (a new set: the
    caller may change it)."""
    return set(word_set(text))


@lru_cache(maxsize=32768)
def word_set(text: str) -> frozenset[str]:
    """``content_words`` as a shared, immutable set, computed once per text: one question
    reads the same sentence and passage texts several times (re-rank, ranking, coverage with
    its context, each candidate of a passage), and other questions retrieve the same popular
    articles. Bounded and thread-safe (``functools.lru_cache``); a text's words depend on the
    text only, so an entry is never stale. Over 650 questions of the bench's pool the old
    2,048-entry cache of the evidence ranking missed 31,956 of its 63,280 reads; this one,
    shared with the re-rank, about the texts read for the first time. A pass over every chunk
    (the IDF table) uses ``words_of``, not this: it would fill the cache with chunk texts."""
    return words_of(text)


def words_of(text: str) -> frozenset[str]:
    """``word_set`` without the cache (for one pass over many texts)."""
    words = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.removesuffix("'s")
        if w not in STOPWORDS and len(w) > 1:
            words.add(_stem(w))
    return frozenset(words)


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def find_word(text: str, word: str, start: int = 0) -> int:
    """Where ``word`` first stands in ``text`` at or after ``start`` as a whole word (no ASCII
    letter or digit either side: the regex ``(?<![A-Za-z0-9])word(?![A-Za-z0-9])``), or -1.

    Written by hand instead of a regex per word: questions and claims bring new names all the
    time, and compiling a pattern for each cost ~0.3 ms (six a question, over ``re``'s
    512-entry cache and any bounded cache of our own): ~8 % of an answer's CPU. Pure."""
    if not word:
        return -1
    end = len(text)
    i = text.find(word, start)
    while i != -1:
        after = i + len(word)
        if (i == 0 or text[i - 1] not in _ALNUM) and (after == end or text[after] not in _ALNUM):
            return i
        i = text.find(word, i + 1)
    return -1


def overlap(question_words: set[str], text: str) -> float:
    """Share of the question's content words that ``text`` contains."""
    if not question_words:
        return 0.0
    return len(question_words & word_set(text)) / len(question_words)


class EvidenceScorer:
    """Splits retrieved passages into sentences and scores them against a question.

    Sentences and their vectors were computed by the ingest job and are read from the index
    (``NewsIndex.sentences_of``); answering embeds only the question.
    """

    def __init__(self, index: NewsIndex, *, lexical_weight: float) -> None:
        self.index = index
        self.lexical_weight = lexical_weight

    def sentences(self, passage: Passage) -> tuple[list[Sentence], np.ndarray]:
        """A passage's sentences and their vectors (computed once at ingest and stored with
        the index: only the question is embedded)."""
        stored = self.index.sentences_of([passage]).get(passage.passage_id)
        if stored is None:
            return [], np.zeros((0, 0), dtype=np.float32)
        sentences = [
            Sentence(
                doc_id=passage.doc_id,
                title=passage.title,
                published=passage.published,
                passage_id=passage.passage_id,
                start=s,
                end=e,
                text=passage.text[s - passage.start : e - passage.start],
            )
            for s, e in stored.spans
        ]
        return sentences, stored.vectors

    def rank(
        self,
        question: str,
        question_vector: list[float],
        passages: list[Passage],
        *,
        weights: dict[str, float] | None = None,
        answers: Callable[[str], bool] | None = None,
        kind_weight: float = 0.0,
        headline_penalty: float = 0.0,
        named: frozenset[str] = frozenset(),
        proximity: Callable[[str], float] | None = None,
        proximity_weight: float = 0.0,
    ) -> list[ScoredSentence]:
        """Every sentence of the passages, best evidence first (each span once).

        ``named``: the stems of the question's names; with ``weights``, those the sentence's
        passage or title holds count as present in each of its sentences, for the ranking
        (``score``) and not for ``threshold_score``.

        ``weights`` weights the question's terms (IDF) in the lexical part; ``answers`` says
        whether a sentence holds something of the kind the question asks for (it then gains
        ``kind_weight``: a sentence that answers outranks one that only repeats the question);
        ``proximity`` (``slot_proximity``) says how close such an item sits to the question's
        non-name terms, times ``proximity_weight`` for the ranking (not the threshold score);
        a headline, byline or caption loses ``headline_penalty`` (photo captions above a credit
        line are removed at ingest, ``service.ingestion.clean``). Sentences addressed to an AI
        or shaped like a prompt are never evidence (``is_instruction``).
        """
        from service.answerability import is_instruction

        q = np.asarray(question_vector, dtype=np.float32)
        q_words = content_words(question)
        seen: set[tuple[str, int, int]] = set()
        scored: list[ScoredSentence] = []
        for passage in passages:
            sentences, vectors = self.sentences(passage)
            if not sentences:
                continue
            # The question's names its passage or title holds: a sentence of the passage that
            # says "he" or "the firm" refers to them as much as the one that repeats them.
            around = (
                named & (word_set(passage.text) | word_set(passage.title))
                if named and weights
                else frozenset()
            )
            sims = vectors @ q
            for sentence, sim, vec in zip(sentences, sims, vectors, strict=True):
                if not is_statement(sentence.text) or is_instruction(sentence.text):
                    continue
                key = (sentence.doc_id, sentence.start, sentence.end)
                if key in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add(key)
                if weights:
                    words = word_set(sentence.text)
                    own = weighted_share(weights, words)
                    lex = weighted_share(weights, words | around) if around else own
                else:
                    own = lex = overlap(q_words, sentence.text)
                score = float(sim) + self.lexical_weight * lex
                kind = answers(sentence.text) if answers else False
                if kind:
                    score += kind_weight
                if is_headline(sentence):
                    score -= headline_penalty
                own_score = score - self.lexical_weight * (lex - own)
                # ranking only, and only where the sentence holds an item of the asked kind:
                # the threshold score reads what the sentence says
                near = 0.0
                if kind and proximity is not None and proximity_weight:
                    near = proximity_weight * proximity(sentence.text)
                    score += near
                scored.append(
                    ScoredSentence(sentence, score, float(sim), lex, vec, kind, own_score, near)
                )
        scored.sort(key=lambda s: s.score, reverse=True)
        return scored


# A byline is "By" and a person's name ("By Jane Smith"), not a sentence opening with "By the
# end of 2021" or "By Monday's close"; a caption credits a photo agency.
_BYLINE = re.compile(
    r"(?-i:^\s*By\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!['’]))|^[^|]*\|[^|]*\||getty images|"
    r"reuters/|\bap photo\b",
    re.I,
)


def is_title(sentence: Sentence) -> bool:
    """The article's title or first line (a headline in the strict sense: no subheading,
    byline or caption, which ``is_headline`` counts too)."""
    return sentence.start == 0 or sentence.text.strip() == sentence.title.strip()


def is_headline(sentence: Sentence) -> bool:
    """A headline (the article's title or first line, or a subheading: a line with no closing
    punctuation), a byline, or a photo caption."""
    return is_title(sentence) or _headline_text(sentence.text)


@lru_cache(maxsize=32768)
def _headline_text(text: str) -> bool:
    """A line with no closing punctuation, a byline or a caption: ``is_headline`` without the
    title test, cached by text (bounded, thread-safe ``lru_cache``: each question reads every
    retrieved sentence through the case-insensitive ``_BYLINE``)."""
    text = text.strip()
    return not text.endswith((".", "!", "?", '"', "”", "’", "'", ")", "…")) or bool(
        _BYLINE.search(text)
    )


def weighted_overlap(weights: dict[str, float], text: str) -> float:
    """IDF-weighted share of the question's content words that ``text`` contains."""
    return weighted_share(weights, word_set(text))


def weighted_share(weights: dict[str, float], words: set[str] | frozenset[str]) -> float:
    """IDF-weighted share of the question's content words that ``words`` (stems) holds."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for term, w in weights.items() if term in words) / total


@dataclass(frozen=True)
class EvidenceItem:
    """A numbered piece of evidence offered to the answer generator."""

    number: int
    sentence: Sentence
    score: float
    also: tuple[Sentence, ...] = ()  # other articles stating the same thing, less directly
    # The stored (ingest-time) vectors of ``sentence`` and of each of ``also``, when known:
    # verification then embeds only the claims that are not quotes.
    vectors: tuple[np.ndarray, ...] = field(default=(), compare=False, repr=False)

    def known_vectors(self) -> dict[str, np.ndarray]:
        """The stored vector of each of this item's quotes, by quote text."""
        quotes = (self.sentence, *self.also)
        if len(self.vectors) != len(quotes):
            return {}
        return {q.text: v for q, v in zip(quotes, self.vectors, strict=True)}


def select_evidence(
    ranked: list[ScoredSentence],
    *,
    count: int,
    min_score: float,
    same_fact_similarity: float,
    same_story: Callable[[str, str], bool] | None = None,
    required: int = 0,
) -> list[EvidenceItem]:
    """The best ``count`` sentences scoring at least ``min_score``, taken in the order given
    (best first, or the caller's order of preference). The first ``required`` candidates are
    taken whatever their score: the sentences chosen to answer each part of a two-part
    question (the second part's answer may resemble the question much less than the first's).

    "Also reported by": a sentence from another article *of the same story* (``same_story``,
    the ingest job's grouping) that says the same thing as a chosen one (cosine of their
    embeddings at least ``same_fact_similarity``) is attached to it as a secondary source
    rather than taking a slot: the most direct statement is cited first, the others beside it.
    A similar sentence from an unrelated article is not a second report of the same fact; it
    competes for a slot like any other sentence. Without ``same_story`` (no grouping known)
    the cosine alone decides.
    """
    chosen: list[tuple[ScoredSentence, list[ScoredSentence]]] = []
    for i, cand in enumerate(ranked):
        if cand.score < min_score and i >= required:
            continue
        twin = next(
            (
                also
                for first, also in chosen
                if first.sentence.doc_id != cand.sentence.doc_id
                and all(a.sentence.doc_id != cand.sentence.doc_id for a in also)
                and float(np.dot(first.vector, cand.vector)) >= same_fact_similarity
                and (same_story is None or same_story(first.sentence.doc_id, cand.sentence.doc_id))
            ),
            None,
        )
        if twin is not None:
            twin.append(cand)
        elif len(chosen) < count:
            chosen.append((cand, []))
    return [
        EvidenceItem(
            n,
            first.sentence,
            first.score,
            tuple(a.sentence for a in also),
            vectors=(first.vector, *(a.vector for a in also)),
        )
        for n, (first, also) in enumerate(chosen, start=1)
    ]
