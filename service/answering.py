"""One question, end to end: (condense) → retrieve → evidence → answerable? → generate → verify
→ policy → Answer.

``events`` yields what happens as it happens (the streaming API forwards each event); ``ask``
runs the same steps and returns the final answer, so both always agree.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from service.answerability import (
    SHORT_QUESTION_TERMS,
    YEARS_ELSEWHERE,
    ChunkText,
    Kind,
    TermStats,
    addresses_the_assistant,
    against_another,
    asked_kind,
    asks_birth,
    asks_cause_of_death,
    asks_death,
    asks_reason,
    date_withheld_instead,
    gives_another_period,
    holds_kind,
    names_what_is_counted,
    question_focus,
    question_parts,
    read_question,
    reason_withheld_instead,
    relation_beside,
    slot_proximity,
    stated_years,
    states_birth,
    states_cause_of_death,
    states_death,
    states_event,
    states_every_word,
    states_lead_fact,
    states_reason,
    withheld_instead,
)
from service.answerability.casing import as_written
from service.answerability.slots import warm_up as warm_slots
from service.citations import (
    CitationVerifier,
    SupportPolicy,
    Verified,
    split_claims,
    strip_markers,
)
from service.config import Settings
from service.errors import ServiceBusyError
from service.evidence import (
    EvidenceItem,
    EvidenceScorer,
    ScoredSentence,
    Sentence,
    content_words,
    find_word,
    is_title,
    select_evidence,
    stem_word,
)
from service.index import NewsIndex
from service.llm.base import AnswerGenerator, GenerationRequest, Turn, heuristic_condense
from service.llm.extractive import ExtractiveGenerator
from service.parts import lead_part, part_scores
from service.policy import Decision, Draft, Outcome, decide, is_model_refusal
from service.refusal import explain_refusal
from service.retrieval import Retriever, chroma_where
from service.schemas import Answer, Citation, Filters, ModelInfo, Passage, Timings
from service.word_similarity import WordSimilarity

if TYPE_CHECKING:  # (the factory's parameter only: the check is built by the entry points)
    from service.answer_check import AnswerCheck

log = logging.getLogger(__name__)

REFUSAL = "The articles do not contain an answer to this question."
# How much better (in part score) another article's sentence must answer the second part of
# a two-part question to be preferred over one from the lead's article.
OWN_MARGIN = 0.2
# How far (in part score) the lead may fall short of a part's best sentence and still be taken
# as that part's answer; further short of every part's best, it only leads and each part gets
# its own best sentence.
LEAD_PART_MARGIN = 0.2
# How many of the ranked sentences (in ``answer_candidates``) a two-part question's parts pick
# from. The ranking is the whole question's, whose kind is its first part's, so the second
# part's sentence may rank low ("… how many women …, and who founded the Survivors Fund …?":
# the founder's sentence ranked 21st). Over all sets 3 and the whole list give the same answers
# (2 missed three).
PART_WINDOW = 3
# A two-part question's other part: of the sentences that answer it best by part score (its
# ``PART_RATED`` best and the one chosen), the learned check (``rate``) may pick another, read
# with the part alone ("what pay rise do the workers want"), when it gives that one a probability
# at least ``PART_RATE_MARGIN`` higher than the chosen one's. The part score ranks by
# resemblance to the part; the check reads whether the sentence states it (session 24, the
# 646 two-part questions of the read sets: at margin 0.6 right answers +12 / -1, 0.4 +15 / -4,
# 0.2 +16 / -7; the whole question instead of the part +29 / -21 at margin 0; with the lead's
# article's choice weighed only against its own article's, as shipped, +14 / -0).
PART_RATED = 3
PART_RATE_MARGIN = 0.6
__all__ = ["REFUSAL", "AnswerService", "Event", "Question", "is_model_refusal"]


@dataclass(frozen=True)
class Question:
    """What the pipeline answers: a question, the conversation before it, filters, top_k."""

    text: str
    history: tuple[Turn, ...] = ()
    filters: Filters | None = None
    top_k: int | None = None


@dataclass(frozen=True)
class Event:
    """A step of answering: ``passages``, ``token``, ``citation`` or ``done``."""

    kind: str
    data: Any


@dataclass
class _Outcome:
    """What an answer is built from, filled in as the request proceeds."""

    query: str
    passages: list[Passage]
    started: float
    retrieved: float
    llm: str
    degraded_reason: str | None = None
    refusal_reason: str | None = None


def off_topic(passages: Sequence[Passage], floor: float) -> bool:
    """Whether nothing retrieved is about the question: no passage reaches ``floor`` in cosine
    similarity (``RAG_TOPIC_FLOOR``). Retrieval always returns its best passages, so a
    question from outside the collection ("What is the capital of Australia?", "Tell me a
    joke") gets some that only share a word with it ("raise capital", "a virus that disguises
    itself as a joke"); the sentence checks, which read words, can then be satisfied by
    another sense of them. Calibrated on the passages that hold the answers of the dev and
    probe sets, not on the best passage retrieved (in a smaller collection the answer's own
    passage may be the best one): of 1,687 answerable questions, one's answer passage is
    below 0.23 (and one's is not indexed); the dev sets' lowest is 0.265 (README, "Questions
    from outside the collection")."""
    return bool(passages) and floor > 0 and max(p.score for p in passages) < floor


def holds_a_rare_name(passages: Sequence[Passage], query: str, stats: TermStats) -> bool:
    """Whether a retrieved passage holds one of the question's rare names, written in any
    case (``TermStats.is_rare_name``: "katwala" of "what group does sundar katwala work
    for"): the articles are about what it asks, however far its wording is in cosine."""
    rare = {
        stem_word(w.lower())
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+", query)
        if stats.is_rare_name(w)
    }
    return bool(rare) and any(rare & content_words(f"{p.title} {p.text}") for p in passages)


class AnswerService:
    """Answers questions from the index with verified, sentence-level citations.

    Shared by every request thread: it holds only configuration and thread-safe parts (the
    index, the generators, ``TermStats`` which loads once behind a lock).
    """

    def __init__(
        self,
        settings: Settings,
        index: NewsIndex,
        generator: AnswerGenerator,
        *,
        fallback: AnswerGenerator | None = None,
        admit: Callable[[str, Sentence], bool] | None = None,
        vouch: Callable[[str, Sentence], bool] | None = None,
        rate: Callable[[str, Sentence], float] | None = None,
    ) -> None:
        """``admit(question, sentence)``, when given, is one more check an eligible sentence
        (a ``Sentence``: its text and its article's title) must pass to lead the evidence:
        the first anchored eligible sentence that passes leads (a lead anchored only with a
        second sentence needs both to pass), and none is a refusal; at most
        ``RAG_ANSWER_CHECK_MAX_SENTENCES`` sentences are asked about per question, and one
        past them is treated as failing. Only the lead is checked: the sentences beside it
        are chosen as before, and a two-part question's other part by ``rate`` (below). The
        app passes the learned check (``service.answer_check``) unless
        ``RAG_ANSWER_CHECK_THRESHOLD`` is 0; ``eval.answer_model`` passes a model being
        trained, to measure it end to end (called from request threads: it must be
        thread-safe).

        ``vouch(question, sentence)``, when given, is the stricter check a paraphrase passes:
        when no sentence may lead, one that meets every condition but covers fewer of the
        question's terms than ``RAG_FOCUS_MIN_COVERAGE`` (and at least
        ``RAG_ANSWER_CHECK_PARAPHRASE_COVERAGE``) leads if ``vouch`` passes it (the app: the
        learned check at ``RAG_ANSWER_CHECK_PARAPHRASE_THRESHOLD``), within a budget of its
        own of ``RAG_ANSWER_CHECK_MAX_SENTENCES`` sentences.

        ``rate(question, sentence)``, when given, is the check's probability that the sentence
        states what is asked: it may pick a two-part question's other part's sentence among
        the few that answer that part best by score (``_rated_best``). Thread-safe, as
        ``admit``."""
        self.settings = settings
        self.admit = admit
        self.vouch = vouch
        self.rate = rate
        self.index = index
        self.retriever = Retriever(index)
        self.scorer = EvidenceScorer(index, lexical_weight=settings.lexical_weight)
        self.generator = generator
        self.fallback = fallback or ExtractiveGenerator()
        # safety (issue 13 §4): metrics hook, called with the sentences verification removed
        self.on_verified: Callable[[int], object] | None = None
        self.verifier = CitationVerifier(
            index.embed_texts,
            SupportPolicy(settings.support_min_similarity, settings.support_min_overlap),
        )
        self.term_stats = TermStats(lambda: chunk_texts(index))
        self.similar = WordSimilarity(index.embedder.embed_texts)

    @classmethod
    def checked(
        cls,
        settings: Settings,
        index: NewsIndex,
        generator: AnswerGenerator,
        check: AnswerCheck | None,
    ) -> AnswerService:
        """The service with the learned check's three seams (``admit``, ``rate``, and
        ``vouch`` when its paraphrase threshold is above 0), or none when ``check`` is
        ``None`` (off): what the app, the recording tool and the local model's benchmark
        build."""
        return cls(
            settings,
            index,
            generator,
            admit=check.admits if check else None,
            vouch=check.vouch if check else None,
            rate=check.rates if check else None,
        )

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for (the IDF table, ~2 s on the
        samples+BBC index; lemminflect's tables, ~0.25 s); called from the start-up thread."""
        self.term_stats.idf("")
        warm_slots()

    def as_written(self, question: str) -> str:
        """``question`` as if written out when it was typed all in lower case or shouted in
        capitals (its names' capitals as the indexed articles write them), with its question
        mark (``service.answerability.casing``). ``gather`` reads it for the rules, ``events``
        for the refusal reason, the verifier and the draft's assessment."""
        return as_written(question, self.term_stats.written_form)

    def _finish(self, out: _Outcome, text: str, citations: list[Citation] | None = None) -> Answer:
        done = time.perf_counter()
        return Answer(
            answer=text,
            refused=not citations,
            query=out.query,
            citations=citations or [],
            passages=out.passages,
            degraded=out.degraded_reason is not None,
            degraded_reason=out.degraded_reason,
            refusal_reason=None if citations else out.refusal_reason,
            model=ModelInfo(llm=out.llm, embedding=self.index.embed_model_id),
            timings_ms=Timings(
                retrieve=round((out.retrieved - out.started) * 1000, 2),
                generate=round((done - out.retrieved) * 1000, 2),
                total=round((done - out.started) * 1000, 2),
            ),
        )

    def gather(
        self, query: str, top_k: int | None = None, filters: Filters | None = None
    ) -> tuple[list[Passage], list[EvidenceItem]]:
        """Retrieve passages and choose the evidence for ``query``.

        The evidence is empty when no sentence answers the question: none scores at least the
        refusal threshold while holding the question's focus (its rare terms, names, years)
        and something of the kind the question asks for. Then no model is asked.
        """
        s = self.settings
        vector = self.index.embed_query(query)
        passages = self.retriever.search(query, top_k or s.top_k, filters, vector=vector)
        # (the rules read "What's …?" as "What is …?", "name of the hotel where …" as "What
        # is the name of …", and a question typed in lower case with its names' capitals)
        query = read_question(self.as_written(query))
        focus = question_focus(query, self.term_stats)
        # (a name of the question in another chunk of a retrieved article: that chunk too)
        passages = self.retriever.with_named(passages, focus.names, query, vector, filters)
        if self._off_topic(passages, filters, focus.names, query) or addresses_the_assistant(query):
            return passages, []
        # (the best article's other chunks: the answer is often in one retrieval ranked lower)
        passages = self.retriever.with_articles(
            passages, vector, s.article_passages, top_k or s.top_k, filters
        )
        kind = focus.kind
        common = self.term_stats.is_common

        parts = question_parts(query)

        reason = kind is None and asks_reason(query)

        def answers(text: str) -> bool:
            # (a two-part question's counted thing is checked per part: ``parts.part_scores``)
            if reason:  # a "why" question: a stated cause ranks higher (required below)
                return states_reason(text)
            return (
                kind is not None
                and holds_kind(text, kind, query, common)
                and (len(parts) > 1 or names_what_is_counted(text, query))
            )

        named = frozenset(w for run in focus.names for w in content_words(run))
        # the question's terms that are not its names: what the asked-for item sits beside
        relation = {t: w for t, w in focus.weights.items() if t not in named}
        ranked = self.scorer.rank(
            query,
            vector,
            passages,
            weights=focus.weights,
            answers=answers,
            kind_weight=s.kind_weight,
            headline_penalty=s.headline_penalty,
            named=named,
            proximity=lambda text: slot_proximity(text, kind, query, relation, common),
            proximity_weight=s.proximity_weight,
        )
        # A title is a telegraphic summary, not a statement of the fact: it is no evidence,
        # neither the lead, nor a part's answer, nor beside them (no question of the dev sets
        # and probes has one as its evidence; another article's "Wal-Mart to pay $14m in gun
        # suit" led an answer to what Wal-Mart's advert campaign cost). Subheadings, bylines
        # and captions are only ranked lower (a "By the end of 2021, …" sentence is no byline).
        ranked = [c for c in ranked if not is_title(c.sentence)]
        context = {p.passage_id: p.text for p in passages}

        def around(c: ScoredSentence) -> str:
            return f"{c.sentence.title}\n{context.get(c.sentence.passage_id, '')}"

        # An article's retrieved passages, with those of the other reports of its story (the
        # ingest job's ``story_id``): retrieval keeps one of two near-identical passages
        # (``drop_twins``), and the dropped one's article is told the same way.
        # (read with the passages' documents: ``served_only``)
        stories = {p.doc_id: p.story_id for p in passages}

        def story(doc_id: str) -> str:
            return stories.get(doc_id) or doc_id

        article: dict[str, list[str]] = {}
        for p in passages:
            article.setdefault(story(p.doc_id), []).append(p.text)

        by_id = {p.passage_id: p for p in passages}

        def before(c: ScoredSentence) -> str:
            """The text of the sentence's passage before it."""
            p = by_id.get(c.sentence.passage_id)
            return p.text[: max(0, c.sentence.start - p.start)] if p is not None else ""

        def own_article(c: ScoredSentence) -> str:
            """The sentence with its title and its own article's retrieved passages (not
            those of the other reports of its story)."""
            own = "\n".join(p.text for p in passages if p.doc_id == c.sentence.doc_id)
            return f"{c.sentence.text}\n{c.sentence.title}\n{own}"

        def in_article(c: ScoredSentence) -> str:
            """The sentence's title, its article's date and every retrieved passage of its
            article and of the other reports of its story: an article names its subject's
            place or organisation once, not in every passage, and "the 2018 piece" is dated
            2018."""
            published = c.sentence.published.isoformat() if c.sentence.published else ""
            text = f"{c.sentence.title}\n{published}\n" + "\n".join(
                article.get(story(c.sentence.doc_id), [])
            )
            # An undated article whose passages state no year is about a year next to one its
            # whole text states ("Focus.anchored"), and, when it states none, next to the
            # years the collection's text states most (``TermStats.era``).
            if focus.years and not published and not stated_years(f"{c.sentence.text}\n{text}"):
                elsewhere = years_elsewhere(c.sentence.doc_id) or self.term_stats.era()
                found = " ".join(sorted(elsewhere))
                text += f"\n{YEARS_ELSEWHERE} {found}".rstrip()
            return text

        article_years: dict[str, frozenset[str]] = {}

        def years_elsewhere(doc_id: str) -> frozenset[str]:
            """The years an article's whole text states (its passages may state none while
            another paragraph dates it: "Who won the 2022 World Cup?" is not answered by a
            2004 report that happens not to repeat its year near the result). Read once per
            article and question, and only for a question that gives a year."""
            if doc_id not in article_years:
                record = self.index.documents.get(doc_id)
                article_years[doc_id] = stated_years(record.text or "") if record else frozenset()
            return article_years[doc_id]

        # Sentences that could answer: relevant enough, holding the asked-for kind of fact,
        # and covering enough of the question's (IDF-weighted) terms.
        part_foci = (
            [question_focus(part, self.term_stats) for part in parts] if len(parts) > 1 else []
        )

        def fits_a_part(c: ScoredSentence, bar: float) -> bool:
            """A two-part question's sentence may answer one part only ("How long did it take
            China to join, and how many countries want to join now?" — "There are now 27
            countries seeking membership"): it holds that part's kind and counted thing, and
            covers that part (the whole question's coverage halves a one-part sentence's)."""
            text = c.sentence.text
            return any(
                f.kind is not None
                and holds_kind(text, f.kind, f.question, common)
                and names_what_is_counted(text, f.question)
                and f.coverage(text, around(c)) >= bar
                and not f.about_someone_else(text)
                and not f.gives_another_figure(text)
                for f in part_foci
            )

        # A sentence covers the question when it holds the asked-for kind and enough of the
        # question's terms, or answers one part of a two-part question. The bar is
        # ``RAG_FOCUS_MIN_COVERAGE``; with a ``vouch`` check a paraphrase below it (down to
        # ``RAG_ANSWER_CHECK_PARAPHRASE_COVERAGE``) stays eligible, to lead only when that
        # check vouches for it and no sentence over the bar may lead (below).
        bar = s.focus_min_coverage
        low = min(bar, s.answer_check_paraphrase_coverage) if self.vouch is not None else bar
        coverage: dict[int, float] = {}
        fits: dict[tuple[int, float], bool] = {}

        def covers(c: ScoredSentence, at: float) -> bool:
            if kind is None or c.answers_kind:
                if id(c) not in coverage:
                    coverage[id(c)] = focus.coverage(c.sentence.text, around(c))
                if coverage[id(c)] >= at:
                    return True
            if (id(c), at) not in fits:
                fits[(id(c), at)] = fits_a_part(c, at)
            return fits[(id(c), at)]

        eligible = [
            c
            for c in ranked[: s.answer_candidates]
            if c.threshold_score >= s.refusal_threshold
            # (close in meaning too: the words it shares may be another sense of them)
            and c.similarity >= s.lead_min_similarity
            and covers(c, low)
            and not focus.about_someone_else(c.sentence.text)
            and not focus.about_other_nationals(c.sentence.text)
            and not focus.counts_in_another_country(c.sentence.text)
            and not focus.gives_another_age(c.sentence.text)
            and not focus.gives_an_antecedents_age(c.sentence.text, before(c))
            and not focus.gives_another_weekday(c.sentence.text)
            and not focus.gives_another_race(c.sentence.text)
            and not focus.gives_another_ordinal(c.sentence.text)
            # (a result against another opponent than the question's is another match)
            and not (len(parts) == 1 and against_another(query, c.sentence.text))
            and focus.names_its_numbers(own_article(c))
            # "Who directed / won / replaced …?": the sentence itself states that event (its
            # article's other sentences may state it of someone else: "director Joel
            # Schumacher won a lifetime award" beside the film asked about)
            and not (
                kind is Kind.NAME
                and focus.event is not None
                and len(parts) == 1
                and not states_event(focus.event, c.sentence.text)
            )
            and not focus.gives_another_figure(c.sentence.text)
            and not focus.gives_a_joint_figure(c.sentence.text)
            and not focus.figure_of_another(c.sentence.text)
            and not focus.names_role_anonymously(c.sentence.text)
            and not focus.names_doer_anonymously(c.sentence.text)
            and not focus.only_nominated(c.sentence.text)
            and not focus.leaves_doer_unnamed(c.sentence.text)
            and not focus.done_by_another(c.sentence.text)
            and not focus.acts_on_another(c.sentence.text)
            and not focus.on_the_other_side(c.sentence.text)
            and focus.gives_office(c.sentence.text, c.sentence.title)
            # (a two-part question may ask a quarter's figure and the year's)
            and not (
                len(parts) == 1
                and kind in (Kind.MONEY, Kind.NUMBER)
                and gives_another_period(c.sentence.text, query)
            )
        ]
        # A one-part question asking a date or an amount: the sentence states the question's
        # relation beside its date or amount ("paid … £2m", "was abducted … on 19 October"), in
        # the question's words or close to them in meaning (``WordSimilarity``); "sold at
        # auction for £10.3m" does not say what a collector paid a dealer.
        if kind in (Kind.MONEY, Kind.DATE) and len(parts) == 1:
            eligible = [
                c
                for c in eligible
                if relation_beside(
                    c.sentence.text,
                    kind,
                    query,
                    relation,
                    common,
                    self.similar,
                    s.relation_min_similarity,
                )
            ]
        # A short one-part question: the sentence holds each of its words, or one close in
        # meaning ("IMF boss" for the head of the IMF); "the capital of Australia" is not
        # answered by a sentence on South Australia's mines. Asked only of the sentences a
        # lead is chosen from (below), once each: a word close in meaning costs an embedding
        # of the sentence's words, which the sentences after the lead need not pay.
        short = len(parts) == 1 and len(focus.weights) <= SHORT_QUESTION_TERMS
        holds_words: dict[int, bool] = {}

        def every_word(c: ScoredSentence) -> bool:
            if not short:
                return True
            if id(c) not in holds_words:
                holds_words[id(c)] = states_every_word(
                    c.sentence.text, query, relation, self.similar, s.term_min_similarity
                )
            return holds_words[id(c)]

        # A one-part "why" question: the sentence states a cause (``states_reason``); "the
        # owner refused to sell" does not say why.
        if reason and len(parts) == 1:
            eligible = [c for c in eligible if states_reason(c.sentence.text)]
        # A one-part question asking what someone died of: the sentence puts the death down to
        # something (an obituary often gives the age and the place, and no cause).
        if len(parts) == 1 and asks_cause_of_death(query):
            eligible = [c for c in eligible if states_cause_of_death(c.sentence.text)]
        # A one-part question asking where or when someone was born: the sentence speaks of
        # the birth (an obituary gives where someone died or lived, not where they were born).
        if len(parts) == 1 and kind in (Kind.PLACE, Kind.DATE) and asks_birth(query):
            eligible = [c for c in eligible if states_birth(c.sentence.text)]
        # … or where or when someone died: the sentence speaks of the death (an obituary gives
        # where someone was born or last performed, not where they died).
        if len(parts) == 1 and kind in (Kind.PLACE, Kind.DATE) and asks_death(query):
            eligible = [c for c in eligible if states_death(c.sentence.text)]
        # A one-part "Which referee …?" question: the sentence gives the role or a name the
        # article gives it (a two-part question's sentence may answer its other part).
        if len(parts) == 1:
            eligible = [c for c in eligible if focus.fills_role(c.sentence.text, in_article(c))]
        # The caller's further check (``admit``: the learned check, ~6 ms of CPU a sentence),
        # asked last and once per sentence, only of sentences every other condition admits
        # (the lead is the same as when every eligible sentence is checked first: the
        # sentences are tried in the same order, and ``eligible`` is read nowhere else), and
        # of at most ``answer_check_max_sentences`` of them: a sentence past that budget may
        # not lead, so that a question the articles do not answer costs a bounded time.
        admit = self.admit
        budget = s.answer_check_max_sentences
        admitted: dict[int, bool] = {}

        def passes(c: ScoredSentence) -> bool:
            if admit is None:
                return True
            if id(c) not in admitted:
                if len(admitted) >= budget:
                    return False
                admitted[id(c)] = admit(query, c.sentence)
            return admitted[id(c)]

        def may_pass(c: ScoredSentence) -> bool:
            """Whether ``passes(c)`` can still be true: it cannot once the sentence was
            refused or the budget is spent (``admitted`` only grows). Asked before the
            costlier conditions, so that a question the check refuses does not pay for
            anchoring every sentence and pair it could no longer admit. The lead is the same:
            asked of a lead and of a pair's first sentence only (``passes(a)`` runs before
            ``passes(b)`` and may spend the budget on ``a`` though ``b`` was refused, so
            skipping the pair on ``b`` would change what later pairs may read — review84)."""
            if admit is None:
                return True
            return admitted[id(c)] if id(c) in admitted else len(admitted) < budget

        # The lead must be anchored: the question's names, years and quoted phrases are in it
        # or its article's retrieved passages. A two-part question may be anchored by two
        # sentences together.
        lead = next(
            (
                c
                for c in eligible
                if covers(c, bar)
                and may_pass(c)
                and focus.anchored(c.sentence.text, in_article(c))
                and every_word(c)
                and focus.names_category(c.sentence.text)
                and passes(c)
            ),
            None,
        )
        if lead is None:
            lead = next(
                (
                    a
                    for i, a in enumerate(eligible)
                    for b in eligible[i + 1 :]
                    if covers(a, bar)
                    and covers(b, bar)
                    and may_pass(a)
                    and every_word(a)
                    and every_word(b)
                    and (
                        focus.names_category(a.sentence.text)
                        or focus.names_category(b.sentence.text)
                    )
                    and focus.anchored(
                        f"{a.sentence.text}\n{b.sentence.text}",
                        f"{in_article(a)}\n{in_article(b)}",
                    )
                    and passes(a)
                    and passes(b)
                ),
                None,
            )
        # A paraphrase: no sentence over the coverage bar may lead, and the ``vouch`` check
        # (the learned check at a high probability) vouches for one below it that meets every
        # other condition, read within a budget of its own (``answer_check_max_sentences``).
        # Only sentences under the bar: one over it past the first check's budget still may
        # not lead.
        vouch = self.vouch
        if lead is None and vouch is not None:
            vouched = 0

            def vouches(c: ScoredSentence) -> bool:
                nonlocal vouched
                if vouched >= budget:
                    return False
                vouched += 1
                return vouch(query, c.sentence)

            lead = next(
                (
                    c
                    for c in eligible
                    if vouched < budget
                    and not covers(c, bar)
                    and focus.anchored(c.sentence.text, in_article(c))
                    and every_word(c)
                    and focus.names_category(c.sentence.text)
                    and vouches(c)
                ),
                None,
            )
        if lead is None:
            return passages, []
        # The article says the asked-for fact was not disclosed: a sentence covering the
        # question at least as well as the lead says "an undisclosed sum" / "declined to say",
        # so the lead's figure or name is about something else (near-miss questions).
        if len(parts) == 1 and withheld_instead(
            focus,
            (lead.sentence.text, around(lead)),
            (
                (c.sentence.text, around(c))
                for c in ranked[: s.answer_candidates]
                if c.threshold_score >= s.refusal_threshold
            ),
        ):
            return passages, []
        # A "why" question whose lead's article says no reason was given (read from every
        # candidate of that article or another report of its story, whatever its score).
        if len(parts) == 1 and reason_withheld_instead(
            focus,
            lead.sentence.text,
            (
                (c.sentence.text, around(c))
                for c in ranked[: s.answer_candidates]
                if story(c.sentence.doc_id) == story(lead.sentence.doc_id)
            ),
        ):
            return passages, []
        # A "when" question whose lead's article says the asked event has no date yet.
        if len(parts) == 1 and date_withheld_instead(
            focus,
            (
                c.sentence.text
                for c in ranked[: s.answer_candidates]
                if story(c.sentence.doc_id) == story(lead.sentence.doc_id)
            ),
        ):
            return passages, []
        # A two-part question gets, after the lead, the sentence that best answers each part.
        preferred: list[ScoredSentence] = [lead]
        rate = self.rate
        if len(parts) > 1:
            window = ranked[: PART_WINDOW * s.answer_candidates]
            scores = [
                part_scores(
                    f,
                    self.index.embed_query(f.question),
                    window,
                    lexical_weight=s.lexical_weight,
                    is_common=common,
                    proximity_weight=s.proximity_weight,
                )
                for f in part_foci
            ]
            # The lead answers the part it is (nearly) the best sentence for; each other part
            # gets its best sentence.
            answered = lead_part(scores, id(lead), LEAD_PART_MARGIN)
            for i, fit in enumerate(scores):
                if i == answered:
                    continue
                options = [
                    c
                    for c in window
                    if id(c) in fit
                    and c not in preferred
                    # its score with the kind bonus this part's kind earns it
                    and c.threshold_score + (0.0 if c.answers_kind else s.kind_weight)
                    >= s.refusal_threshold
                ]
                # Prefer a sentence whose article holds the part's own names, from the lead's
                # article when it does ("…, and by what score did he win?").
                anchored = [
                    c for c in options if part_foci[i].anchored(c.sentence.text, in_article(c))
                ]
                own = [c for c in anchored if c.sentence.doc_id == lead.sentence.doc_id]
                # (none anchored: the sentences of the lead's story, whose article the whole
                # question anchors, or none — another story's figure answers nothing of it)
                offered = anchored or [
                    c for c in options if story(c.sentence.doc_id) == story(lead.sentence.doc_id)
                ]
                best = max(offered, key=lambda c: fit[id(c)], default=None)
                if own:
                    # the lead's article, unless another answers the part clearly better
                    mine = max(own, key=lambda c: fit[id(c)])
                    if best is None or fit[id(mine)] >= fit[id(best)] - OWN_MARGIN:
                        best = mine
                if best is not None and rate is not None:
                    # (a part read alone may leave its subject to the first part, "how much
                    # has it offered": the lead's article's choice meets only its own)
                    if best.sentence.doc_id == lead.sentence.doc_id:
                        own_only = [c for c in offered if c.sentence.doc_id == lead.sentence.doc_id]
                    else:
                        own_only = offered
                    best = self._rated_best(part_foci[i].question, best, own_only, fit, rate)
                if best is not None:
                    preferred.append(best)
        # (the lead's proximity bonus ranks it first; it raises no bar for the evidence beside it)
        min_score = lead.score - lead.proximity_bonus - s.evidence_margin
        # Further evidence is near the lead by what it says itself too: names its passage
        # holds raise a sentence in the ranking, not into the evidence beside the lead.
        min_own = lead.threshold_score - s.evidence_margin
        pool = [
            *preferred,
            *(
                c
                for c in ranked
                # (select_evidence skips the others anyway: test the cheap condition first)
                if c.score >= min_score
                and c.threshold_score >= min_own
                and all(c is not p for p in preferred)
                and (kind is None or c.answers_kind)
                # (nor a result of another match: "Robredo beat Kiefer" beside Henman's loss)
                and not (len(parts) == 1 and against_another(query, c.sentence.text))
                # Further evidence is about the question's subject too: from the lead's
                # article, or anchored to the question's names in its own article.
                and (
                    c.sentence.doc_id == lead.sentence.doc_id
                    or focus.anchored(c.sentence.text, in_article(c))
                )
            ),
        ]
        evidence = select_evidence(
            pool,
            count=s.evidence_sentences + len(parts) - 1,
            min_score=min_score,
            same_fact_similarity=s.same_fact_similarity,
            same_story=self._story_check(stories),
            required=len(preferred),
        )
        return passages, evidence

    @staticmethod
    def _rated_best(
        part: str,
        best: ScoredSentence,
        options: list[ScoredSentence],
        fit: dict[int, float],
        rate: Callable[[str, Sentence], float],
    ) -> ScoredSentence:
        """The sentence a two-part question's ``part`` gets: ``best`` (chosen by part score),
        unless the check (``rate``) gives one of the ``PART_RATED`` best-scoring ``options`` a
        probability of stating the part at least ``PART_RATE_MARGIN`` higher."""
        top = sorted(options, key=lambda c: fit[id(c)], reverse=True)[:PART_RATED]
        rated = {id(c): rate(part, c.sentence) for c in (best, *top)}  # once each
        challenger = max(top, key=lambda c: rated[id(c)], default=best)
        return challenger if rated[id(challenger)] >= rated[id(best)] + PART_RATE_MARGIN else best

    def _story_check(self, known_ids: dict[str, str | None]) -> Callable[[str, str], bool]:
        """Whether two documents report the same story (the ingest job's ``story_id``).

        ``known_ids`` holds the story ids already read for this request (those of the
        retrieved passages' documents); any other is read from the document records when a
        pair of similar sentences turns up, and remembered for this one request."""
        known = dict(known_ids)

        def same_story(a: str, b: str) -> bool:
            missing = [d for d in (a, b) if d not in known]
            if missing:
                known.update(self.index.documents.story_ids(missing))
            return known[a] is not None and known[a] == known[b]

        return same_story

    def _off_topic(
        self, passages: list[Passage], filters: Filters | None, names: Sequence[str], query: str
    ) -> bool:
        """``off_topic`` for this request (``names``: the question's, ``Focus.names``).

        Under filters (dates, doc_ids) the best passage allowed may be far from the best one,
        as an answer's own passage may be (``off_topic``'s calibration): review63's "Who did
        Brad Smith meet?" within the one article that answers it is at cosine 0.105 to its
        passage and 0.209 to the sentence that answers it, against 0.29 to another article's
        passage. The user chose those articles, so a question every word of whose names they
        hold, as written, is read; one that names nothing they hold ("Tell me a joke", "the
        capital of Australia" in articles that never name it) is still refused before any
        sentence is read."""
        if not off_topic(passages, self.settings.topic_floor):
            return False
        if chroma_where(filters) is None:
            # A word of the question that few chunks hold and a retrieved passage holds: the
            # articles are about what it asks, however far its wording ("what group does
            # sundar katwala work for", in lower case, names no one for the rules)
            return not holds_a_rare_name(passages, query, self.term_stats)
        text = " ".join(f"{p.title} {p.text}" for p in passages)
        # (every word of every name, as written: "John Smith" is not "Brad Smith", "Turkey"
        # not "turkey")
        return not names or not all(
            find_word(text, word) >= 0 for run in names for word in run.split()
        )

    def _condense(self, request: Question) -> tuple[str, str | None]:
        history = list(request.history)
        if not history:
            return request.text, None
        try:
            return self.generator.condense(history, request.text), None
        except ServiceBusyError:  # safety (issue 13 §1): load is answered 503, not degraded
            raise
        except Exception as exc:  # a failed rewrite must not cost the answer
            log.warning("provider %s could not rewrite a follow-up: %s", self.generator.name, exc)
            reason = "The follow-up question was rewritten by a simple rule, not by the model."
            return heuristic_condense(history, request.text), reason

    def events(self, request: Question, *, stream: bool = True) -> Generator[Event, None, None]:
        """Answer one question step by step; the last event is ``done`` with the Answer.

        Raises EmptyIndexError when nothing is indexed. Stopping the iteration stops the
        generation (a streaming provider produces tokens only as they are pulled).
        """
        started = time.perf_counter()
        query, condense_failure = self._condense(request)
        passages, evidence = self.gather(query, request.top_k, request.filters)
        out = _Outcome(
            query, passages, started, time.perf_counter(), self.generator.name, condense_failure
        )
        yield Event("passages", {"query": query, "passages": passages})
        # (the question as the rules read it; the provider is asked the question as typed)
        written = self.as_written(query)
        if not evidence:
            focus = question_focus(read_question(written), self.term_stats)
            out.refusal_reason = explain_refusal(
                focus,
                [f"{p.title}\n{p.text}" for p in passages],
                filtered=chroma_where(request.filters) is not None,  # (an empty filter: none)
                off_topic=self._off_topic(passages, request.filters, focus.names, written),
                to_the_assistant=addresses_the_assistant(written),
            )
            yield Event("done", self._finish(out, REFUSAL))
            return

        gen_request = GenerationRequest(query, evidence)
        draft: str | None
        try:
            if stream:
                pieces = []
                for piece in self.generator.stream(gen_request):
                    pieces.append(piece)
                    yield Event("token", piece)
                draft = "".join(pieces)
            else:
                draft = self.generator.generate(gen_request)
                yield Event("token", draft)
        except ServiceBusyError:  # safety (issue 13 §1): load is answered 503, not degraded
            raise
        except Exception as exc:  # any provider failure falls back: never a 500
            log.warning("provider %s failed: %s", self.generator.name, exc)
            draft = None

        verified = Verified("", [])
        if draft is not None and not is_model_refusal(draft):
            verified = self.verifier.verify(draft, evidence, passages, written)
            if self.on_verified:  # safety (issue 13 §4)
                self.on_verified(len(verified.removed_sentences))
            if verified.removed_sentences or verified.dropped_markers:
                log.info(
                    "verification removed %d sentence(s), dropped marker(s) %s",
                    len(verified.removed_sentences),
                    verified.dropped_markers,
                )
        is_fallback = self.generator.name == self.fallback.name
        decision: Decision = decide(
            answerable=True,
            draft=assess_draft(written, verified, draft, evidence[0], self.term_stats.is_common),
            fallback_available=not is_fallback,
        )
        if decision.outcome is Outcome.FALLBACK:
            log.warning(
                "provider %s: %s; answering with %s",
                self.generator.name,
                "failed" if draft is None else "no supported answer",
                self.fallback.name,
            )
            out.degraded_reason = decision.reason
            out.llm = self.fallback.name
            verified = self.verifier.verify(
                self.fallback.generate(gen_request), evidence, passages, written
            )
            decision = decide(
                answerable=True,
                draft=assess_draft(
                    written, verified, verified.answer, evidence[0], self.term_stats.is_common
                ),
                fallback_available=False,
            )
        if decision.outcome is Outcome.REFUSE:
            out.refusal_reason = decision.reason
            yield Event("done", self._finish(out, REFUSAL))
            return
        for citation in verified.citations:
            yield Event("citation", citation)
        yield Event("done", self._finish(out, verified.answer, verified.citations))

    def ask(self, request: Question) -> Answer:
        """Answer one question (raises EmptyIndexError when nothing is indexed)."""
        answer: Answer | None = None
        for event in self.events(request, stream=False):
            if event.kind == "done":
                answer = event.data
        assert answer is not None
        return answer


def assess_draft(
    question: str,
    verified: Verified,
    generated: str | None,
    lead: EvidenceItem,
    common: Callable[[str], bool] | None = None,
) -> Draft:
    """What the policy needs of a verified draft (pure): the claims kept; whether they hold
    the asked kind of fact — the lead evidence's own figure for a figure question, and for a
    two-part question the kind each part asks ("3,217 tonnes" answers "how many tonnes" but
    not "…, and to what price did gold fall"); and whether a kept claim cites the lead (its
    sentence, or another article's report of it). ``common``: see ``holds_kind``. The
    question is read as ``gather`` reads it (``read_question``: "What's …?" as "What is …?")."""
    question = read_question(question)
    kept = strip_markers(verified.answer)
    lead_spans = {(q.doc_id, q.start, q.end) for q in (lead.sentence, *lead.also)}
    kind = question_focus(question, None).kind
    parts = question_parts(question)
    return Draft(
        text=generated,
        kept_claims=len(split_claims(verified.answer)) if verified.citations else 0,
        answers_kind=(
            kind is None
            or (
                holds_kind(kept, kind, question, common)
                and states_lead_fact(kept, lead.sentence.text, kind, question)
            )
        )
        and all(
            holds_kind(kept, part_kind, part, common)
            for part in (parts if len(parts) > 1 else [])
            if (part_kind := asked_kind(part)) is not None
        ),
        cites_lead=any((c.doc_id, c.start, c.end) in lead_spans for c in verified.citations),
    )


def chunk_texts(index: NewsIndex, page: int = 5000) -> Iterator[ChunkText]:
    """Every chunk text of the index, page by page, and whether its article is dated (the
    source of ``TermStats``)."""
    offset = 0
    while True:
        got = index.chunk_collection.get(
            limit=page, offset=offset, include=["documents", "metadatas"]
        )
        docs = got.get("documents") or []
        metas = got.get("metadatas") or [{}] * len(docs)
        for text, meta in zip(docs, metas, strict=True):
            if text:
                yield ChunkText(text, bool((meta or {}).get("published")))
        if len(docs) < page:
            return
        offset += page
