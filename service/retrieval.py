"""Query → passages: embed, filter, nearest chunks from Chroma, fused with BM25 hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np

from service.dates import TimeScope, date_from_metadata, date_ord, time_scope
from service.errors import EmptyIndexError
from service.evidence import content_words, find_word, is_statement, word_set
from service.index import ChunkHit, NewsIndex
from service.lexical import LexicalHit
from service.schemas import Filters, Passage

# The retrieved articles ``Retriever.with_named`` reads for a name of the question that no
# retrieved passage holds: the first three, in the order found.
NAMED_ARTICLES = 3

EMPTY_INDEX_HINT = (
    "the index is empty: ingest articles first with `python -m ingest [PATH ...]` "
    "(or `make run`, which ingests the bundled sample articles)"
)


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """Translate API filters into a Chroma ``where`` clause."""
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.doc_ids:
        clauses.append({"ref_doc_id": {"$in": list(filters.doc_ids)}})
    if filters.published_after:
        clauses.append({"published_ord": {"$gte": date_ord(filters.published_after)}})
    if filters.published_before:
        clauses.append({"published_ord": {"$lte": date_ord(filters.published_before)}})
        clauses.append({"published_ord": {"$gt": 0}})  # undated articles are not "before" anything
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def served_only(index: NewsIndex, passages: list[Passage]) -> list[Passage]:
    """The passages that ``GET /documents/{id}`` serves verbatim, in their order, each with
    its article's ``story_id``.

    A document's record is written after its chunks (see ``service.ingestion.pipeline``), so
    between an ingest killed mid-run and the next run, chunks can exist without their document,
    or beside the record of its previous version; an answer must never cite either (a citation
    promises ``quote == document.text[start:end]``). One batched lookup of the passages'
    documents per query, which also reads the story ids answering groups articles by
    (``DocumentStore.served``: ~2 ms of CPU for the BBC articles of a question, embedded
    Chroma).
    """
    if not passages:
        return passages
    served = index.documents.served([p.doc_id for p in passages])
    kept = []
    for p in passages:
        text, story_id = served.get(p.doc_id, (None, None))
        if text is not None and text[p.start : p.end] == p.text:
            kept.append(p.model_copy(update={"story_id": story_id}) if story_id else p)
    return kept


TWIN_OVERLAP = 0.9
"""Word-set Jaccard at which a passage is a twin of a better-ranked one (see ``drop_twins``)."""


def drop_twins(passages: list[Passage]) -> list[Passage]:
    """The passages without those whose words are (nearly) those of a better-ranked passage.

    The BBC corpus holds near-duplicate articles (the same report under two ids, a word of the
    headline changed): their passages would take two of the ``top_k`` places with one text and
    push out a passage that says something else. Jaccard of lower-cased word sets; at
    ``TWIN_OVERLAP`` (0.9) reports of one story in other words (the sample articles 000 and 001)
    stay apart."""
    kept: list[tuple[Passage, frozenset[str], frozenset[str]]] = []
    for p in passages:
        words = frozenset(re.findall(r"\w+", p.text.lower()))
        # (a report updated by a figure, or negated, is no twin: the same numbers and negations)
        marks = frozenset(w for w in words if w[0].isdigit() or w in _NEGATIONS)
        if any(marks == m and len(words & w) >= TWIN_OVERLAP * len(words | w) for _, w, m in kept):
            continue
        kept.append((p, words, marks))
    return [p for p, _, _ in kept]


_NEGATIONS = frozenset({"not", "no", "never", "nor", "t"})  # ("didn't" is "didn", "t")


Ranking = list[str] | dict[str, int]
"""Ids best first, or id → rank (from 1; equal ranks for ties)."""


def _holds_name(text: str, name: str) -> bool:
    """``name`` stands in ``text`` as a whole phrase, as written, whatever the spaces between
    its words ("Park officials met Stanley Morgan" holds no "Stanley Park", review77)."""
    return find_word(" ".join(text.split()), " ".join(name.split())) >= 0


def reciprocal_rank_fusion(rankings: list[Ranking], k: int) -> dict[str, float]:
    """Reciprocal rank fusion (Cormack et al., 2009): an id scores the sum, over the rankings
    that hold it, of 1 / (k + its rank). Written here because it is a few lines over plain ids
    (llama-index's ``QueryFusionRetriever`` would also run the retrievers and drop raw scores)."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        ranks = ranking if isinstance(ranking, dict) else {i: r for r, i in enumerate(ranking, 1)}
        for item, rank in ranks.items():
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def sentence_words(text: str) -> frozenset[str] | None:
    """The content words of a sentence that can be evidence (``is_statement``), else None.

    The words come from ``evidence.word_set``'s cache: the re-rank reads the same popular
    passages' sentences again and again, and stemming their words was the largest share of a
    search's own CPU time (~3 ms of ~15 ms on the samples+BBC index)."""
    return word_set(text) if is_statement(text) else None


def dense_ranks(values: dict[str, Any]) -> dict[str, int]:
    """id → rank by descending value, equal values sharing a rank (1, 1, 2, …)."""
    distinct = sorted(set(values.values()), reverse=True)
    position = {v: r for r, v in enumerate(distinct, start=1)}
    return {i: position[v] for i, v in values.items()}


class Retriever:
    """Passages for a query, with the metadata a citation needs: dense (Chroma) results, fused
    with BM25 results (``service.lexical``) by reciprocal rank when ``retrieval`` is hybrid.

    Each passage keeps its raw scores (``score``: cosine, also for passages only BM25 found;
    ``lexical_score``: BM25) for answerability; ``fused_score`` orders them.
    """

    def __init__(self, index: NewsIndex) -> None:
        self.index = index
        self.settings = index.settings

    def search(
        self,
        query: str,
        top_k: int,
        filters: Filters | None = None,
        *,
        vector: list[float] | None = None,
    ) -> list[Passage]:
        """The ``top_k`` best passages for ``query``, best first; raises on an empty index."""
        s = self.settings
        hybrid = s.retrieval == "hybrid"
        if filters is not None and filters.doc_ids:
            ids = self.index.documents.canonical_ids(list(filters.doc_ids))
            filters = filters.model_copy(update={"doc_ids": ids})
        vector = vector if vector is not None else self.index.embed_query(query)
        candidates = max(top_k, s.fusion_candidates) if hybrid else top_k
        where = chroma_where(filters)
        results = self.index.nearest(vector, candidates, where)
        # Counting costs a round trip (to the server, in server mode): only when nothing came back.
        if not results and self.index.chunk_collection.count() == 0:
            raise EmptyIndexError(EMPTY_INDEX_HINT)
        # (a row without its metadata is a chunk deleted since this process's vector index
        # was loaded: another process wrote the store; it is no passage)
        dense = [_passage(hit) for hit in results if hit.metadata.keys() >= _STORED_KEYS]
        layouts = {hit.chunk_id: hit.layout for hit in results}
        if not hybrid:
            return served_only(self.index, dense)
        lexical = self.index.lexical
        lexical.refresh(self.index, found={p.doc_id for p in dense})
        hits = lexical.search(
            query,
            candidates,
            doc_ids=filters.doc_ids if filters else None,
            published_after=filters.published_after if filters else None,
            published_before=filters.published_before if filters else None,
        )
        pool = {p.passage_id: p for p in dense}
        scope = time_scope(query, lexical.newest_date() or date.today())
        in_time = (
            self._in_time(scope, vector, candidates, where, pool, hits, layouts) if scope else {}
        )
        rankings: list[Ranking] = [[p.passage_id for p in dense], [h.chunk_id for h in hits]]
        if in_time:
            rankings.append(in_time)
        fused = self._fuse(rankings, pool, hits, vector, max(top_k, s.rerank_candidates))
        reranked = self._rerank(query, vector, fused, in_time, layouts)
        return drop_twins(served_only(self.index, reranked))[:top_k]

    def with_named(
        self,
        passages: list[Passage],
        names: Sequence[str],
        query: str,
        vector: list[float],
        filters: Filters | None = None,
    ) -> list[Passage]:
        """``passages`` and, for a name of the question (``names``, as written) that none of
        them holds but one of their articles does, that article's best passage holding it:
        "the new 60,000-seat stadium in Stanley Park" is in the article the other passages come
        from, in a chunk the question's other words outrank. Only the first
        ``NAMED_ARTICLES`` retrieved articles are read: a name none of them holds is still
        missing (and the question is refused for it)."""
        text = " ".join(f"{p.title} {p.text}" for p in passages)
        absent = [run for run in names if not _holds_name(text, run)]
        if not absent:
            return passages
        seen = {p.passage_id for p in passages}
        added: list[Passage] = []
        for doc_id in list(dict.fromkeys(p.doc_id for p in passages))[:NAMED_ARTICLES]:
            record = self.index.get_document(doc_id)
            if record is None:
                continue
            held = [run for run in absent if _holds_name(record.text, run)]
            if not held:
                continue
            # (every chunk of the article: the one naming it may rank below the others)
            # (the request's dates hold here too: review87)
            within = (
                filters.model_copy(update={"doc_ids": [doc_id]})
                if filters
                else Filters(doc_ids=[doc_id])
            )
            chunks = max(self.settings.top_k, record.chunks)
            found = self.search(query, chunks, within, vector=vector)
            best = next(
                (
                    p
                    for p in found
                    if p.passage_id not in seen and any(_holds_name(p.text, r) for r in held)
                ),
                None,
            )
            if best is not None:
                seen.add(best.passage_id)
                added.append(best)
        return passages + added

    def with_articles(
        self,
        passages: list[Passage],
        vector: list[float],
        articles: int,
        limit: int,
        filters: Filters | None = None,
    ) -> list[Passage]:
        """``passages`` and, after them, up to ``limit`` more chunks of each of the first
        ``articles`` retrieved articles (``article_passages``): those nearest to the question
        that ``filters``' dates allow, as served, with only their cosine ``score`` set.

        Retrieval ranks chunks, and the chunk that holds the asked-for fact is often not the
        one that repeats the question's words: on the samples+BBC index, about 30 of the
        answerable questions refused while their article was retrieved had the sentence in
        another chunk of it, ranked below ``top_k``. The evidence scorer then chooses among
        the article's sentences. One read of an article's chunks with their vectors
        (``NewsIndex.chunks_of``: ~2.6 chunks a BBC article, ~1.6 ms), no search. A chunk at
        the span of a passage already held (an article's two versions while an ingest
        replaces it, review86) is not added again."""
        if articles <= 0 or limit <= 0 or not passages:
            return passages
        # (the article came through the request's filters; its other chunks share its id
        # and date, except while an ingest replaces it: the dates are asked again)
        where = chroma_where(filters.model_copy(update={"doc_ids": None})) if filters else None
        seen = {p.passage_id for p in passages}
        spans = {(p.doc_id, p.start, p.end) for p in passages}
        added: list[Passage] = []
        for doc_id in list(dict.fromkeys(p.doc_id for p in passages))[:articles]:
            held = sum(p.doc_id == doc_id for p in passages)
            hits = self.index.chunks_of(doc_id, vector, limit + held, where)
            found = [_passage(h) for h in hits if h.metadata.keys() >= _STORED_KEYS]
            # (only served chunks take a span: of two versions' chunks at one span, the one
            # the served text holds; review87)
            more = []
            for passage in served_only(self.index, found):
                span = (passage.doc_id, passage.start, passage.end)
                if passage.passage_id not in seen and span not in spans:
                    spans.add(span)
                    more.append(passage)
            added.extend(more[:limit])
        return passages + added

    def _in_time(
        self,
        scope: TimeScope,
        vector: list[float],
        candidates: int,
        where: dict[str, Any] | None,
        pool: dict[str, Passage],
        hits: list[LexicalHit],
        layouts: dict[str, tuple[tuple[int, int], ...] | None],
    ) -> dict[str, int]:
        """A third ranking for a question that names a time: the passages dated inside its
        range (the nearest ones, found by a dense search restricted to the range), or for "the
        latest" the dated candidates newest first (an article's passages share its rank).
        Fused like the others, it raises passages
        of the right time without excluding anything: undated articles keep their ranks in
        the dense and BM25 lists."""
        if scope.after is None and scope.before is None:
            dated = {i: p.published for i, p in pool.items() if p.published is not None}
            dated |= {h.chunk_id: h.published for h in hits if h.published is not None}
            return dense_ranks(dated)
        clauses: list[dict[str, Any]] = [{"published_ord": {"$gt": 0}}]
        if scope.after:
            clauses.append({"published_ord": {"$gte": date_ord(scope.after)}})
        if scope.before:
            clauses.append({"published_ord": {"$lte": date_ord(scope.before)}})
        if where:
            clauses.append(where)
        ranked: dict[str, int] = {}
        for hit in self.index.nearest(vector, candidates, {"$and": clauses}):
            # (a row without its metadata: a chunk deleted since the query found it, as in
            # ``search``)
            if not hit.metadata.keys() >= _STORED_KEYS:
                continue
            passage = _passage(hit)
            pool.setdefault(passage.passage_id, passage)
            layouts.setdefault(hit.chunk_id, hit.layout)
            ranked[passage.passage_id] = len(ranked) + 1
        return ranked

    def _rerank(
        self,
        query: str,
        vector: list[float],
        passages: list[Passage],
        in_time: dict[str, int],
        layouts: dict[str, tuple[tuple[int, int], ...] | None],
    ) -> list[Passage]:
        """Order the first ``rerank_candidates`` fused passages by reciprocal rank fusion of
        three rankings: cosine, BM25 and the evidence score of the passage's best sentence
        (cosine of question and sentence plus ``lexical_weight`` times the share of question
        words it holds, as the evidence scorer computes it), read from the sentence vectors
        stored at ingest; plus the time ranking when the question names a time. A passage
        whose best sentence states what is asked comes first even when the passage as a
        whole is about something broader."""
        head = passages[: self.settings.rerank_candidates]
        if len(head) < 2:
            return passages
        q = np.asarray(vector, dtype=np.float32)
        q_words = content_words(query)
        stored = self.index.sentences_of(head, layouts)
        best: dict[str, float] = {}
        weight = self.settings.lexical_weight
        n_words = len(q_words)
        for p in head:
            sentences = stored.get(p.passage_id)
            if not sentences or not sentences.spans:
                best[p.passage_id] = -1.0
                continue
            # (row by row, so a sentence scores the same whatever its passage's size: equal
            # sentences of overlapping chunks or near-copies tie exactly, as they did)
            cosines = (sentences.vectors * q).sum(axis=1).tolist()
            scores = [
                # evidence.overlap (the share of question words held), from cached words
                cosine + weight * (len(q_words & words) / n_words if n_words else 0.0)
                for (s, e), cosine in zip(sentences.spans, cosines, strict=True)
                if (words := sentence_words(p.text[s - p.start : e - p.start])) is not None
            ]
            best[p.passage_id] = max(scores, default=-1.0)

        def ranking(key: Callable[[Passage], float | None]) -> list[str]:
            scored = [(key(p), p.passage_id) for p in head]
            return [i for v, i in sorted((x for x in scored if x[0] is not None), reverse=True)]

        fused = reciprocal_rank_fusion(
            [
                ranking(lambda p: p.score),
                ranking(lambda p: p.lexical_score),
                ranking(lambda p: best[p.passage_id]),
                dense_ranks(
                    {p.passage_id: -in_time[p.passage_id] for p in head if p.passage_id in in_time}
                ),
            ],
            self.settings.rrf_k,
        )
        order = sorted(head, key=lambda p: (-fused[p.passage_id], -best[p.passage_id]))
        return [
            p.model_copy(
                update={
                    "sentence_score": round(best[p.passage_id], 4),
                    "fused_score": round(fused[p.passage_id], 6),
                }
            )
            for p in order
        ] + passages[len(head) :]

    def _fuse(
        self,
        rankings: list[Ranking],
        pool: dict[str, Passage],
        hits: list[LexicalHit],
        vector: list[float],
        top_k: int,
    ) -> list[Passage]:
        """The ``top_k`` best by reciprocal rank fusion, ties to the higher cosine, each with
        its raw scores."""
        fused = reciprocal_rank_fusion(rankings, self.settings.rrf_k)
        bm25 = {h.chunk_id: h for h in hits}
        cosine = {i: p.score for i, p in pool.items()}
        order = sorted(fused, key=lambda i: (-fused[i], -cosine.get(i, -1.0), i))
        best = with_each_first(
            order, rankings[:2], self.settings.rerank_each_first, self.settings.rerank_candidates
        )[:top_k]
        # Passages only BM25 found get their cosine from their stored vectors.
        missing = [i for i in best if i not in pool]
        if missing:
            q = np.asarray(vector, dtype=np.float32)
            for chunk_id, v in self.index.chunk_vectors(missing).items():
                cosine[chunk_id] = float(np.dot(np.asarray(v, dtype=np.float32), q))
            # (a vector this process cannot read, the store written by another process since
            # it opened it: the passage's text embedded now, so its cosine is known, not 0)
            unread = [i for i in missing if i not in cosine and i in bm25]
            if unread:
                texts = self.index.embed_texts([bm25[i].text for i in unread])
                for chunk_id, v in zip(unread, texts, strict=True):
                    cosine[chunk_id] = float(np.dot(np.asarray(v, dtype=np.float32), q))
        passages = []
        for i in best:
            hit = bm25.get(i)
            base = pool.get(i)
            if base is None:
                assert hit is not None
                base = Passage(
                    passage_id=hit.chunk_id,
                    doc_id=hit.doc_id,
                    title=hit.title,
                    published=hit.published,
                    start=hit.start,
                    end=hit.end,
                    text=hit.text,
                    score=round(cosine.get(i, 0.0), 4),
                )
            passages.append(
                base.model_copy(
                    update={
                        "lexical_score": round(hit.score, 4) if hit else None,
                        "fused_score": round(fused[i], 6),
                    }
                )
            )
        return passages


def with_each_first(order: list[str], rankings: list[Ranking], first: int, head: int) -> list[str]:
    """``order`` with the ``first`` ids of each ranking moved into its first ``head`` places
    (in their fused order, in place of the last ones there, which follow them): the re-rank
    then sees a passage that one retriever ranks first even when passages both retrievers
    found lower down outscore it in the fusion (review65: the one article stating "eight
    million households … could have adopted broadband by the end of 2005", BM25's first by a
    clear margin and beyond the dense top 20, was fused 11th and never re-ranked)."""
    # (a ranking given as ranks, ``dense_ranks``, is read in rank order)
    ordered = [sorted(r, key=r.__getitem__) if isinstance(r, dict) else r for r in rankings]
    wanted = {i for ranking in ordered for i in ranking[:first]}
    missing = [i for i in order[head:] if i in wanted]
    if not missing:
        return order
    kept = order[: max(0, head - len(missing))]
    moved = order[len(kept) : head]
    return [*kept, *missing, *moved, *(i for i in order[head:] if i not in wanted)]


_STORED_KEYS = frozenset({"ref_doc_id", "start", "end"})


def _passage(hit: ChunkHit) -> Passage:
    meta = hit.metadata
    return Passage(
        passage_id=hit.chunk_id,
        doc_id=str(meta["ref_doc_id"]),
        title=str(meta.get("title", "")),
        published=date_from_metadata(meta),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=hit.text,
        score=round(hit.similarity, 4),
    )
