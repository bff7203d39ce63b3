"""The one module that opens the index: Chroma (embedded or server), its collections and the
embedding model. Both the ingest job and the service go through ``open_index``.

Each job has its own module; ``NewsIndex`` only puts them together:
- ``service.embeddings.Embedder``: the embedding model (loaded on first use).
- ``service.document_store``: ``<name>_documents``, one record per article with its whole text.
- ``service.chunk_store``: ``<name>_chunks``, chunks and vectors through llama-index's
  ``ChromaVectorStore``; its metadata records how it was built and a change token.
- ``service.sentence_store``: ``<name>_sentences``, every chunk's sentences and their vectors,
  written by the ingest job, so that answering a question embeds only the question.
- ``service.lexical``: this process's BM25 index, derived from the chunks.
Search (dense, BM25, fusion) is ``service.retrieval``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from service.chunk_store import ChunkHit, ChunkRecord, ChunkStore, DocumentChunks
from service.config import Settings
from service.document_store import DocumentRecord, DocumentStore
from service.embeddings import Embedder, Workload, embedding_model_id
from service.errors import IndexMismatchError, IndexUnavailableError
from service.lru import LRU
from service.sentence_memory import SentenceMemory
from service.sentence_store import ChunkSentences, SentenceStore, SpanKey

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from service.lexical import LexicalIndex
    from service.schemas import Passage

__all__ = [
    "ChunkHit",
    "ChunkRecord",
    "Counts",
    "DocumentChunks",
    "DocumentRecord",
    "NewsIndex",
    "open_index",
]

log = logging.getLogger(__name__)

# 2: sentence records (``<name>_sentences``); an index built before them is refused, naming
# ``--rebuild`` (see ``open_index``).
SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Counts:
    """How much the index holds."""

    documents: int
    chunks: int


def _as_list(vector: list[float] | np.ndarray | None) -> list[float] | None:
    return vector.tolist() if isinstance(vector, np.ndarray) else vector


class NewsIndex:
    """The stores of one index and its embedding model, behind a small typed interface.

    Thread-safe as its parts are: the stores hold only Chroma handles, the embedder loads its
    model under a lock, the sentence cache, the sentence vectors in memory and the lexical
    index lock themselves.
    """

    def __init__(
        self,
        settings: Settings,
        client: Any,
        chunks: Any,
        documents: Any,
        sentences: Any,
        embed_model: BaseEmbedding | None = None,
        *,
        workload: Workload = "query",
    ) -> None:
        self.settings = settings
        self.workload = workload
        self.client = client
        self.embedder = Embedder(settings, workload, embed_model)
        self.embed_model_id = self.embedder.model_id
        self.documents = DocumentStore(
            documents,
            {
                "embed_model": self.embed_model_id,
                "chunk_size": settings.chunk_size,
                "chunk_overlap": settings.chunk_overlap,
                "tokenizer": settings.tokenizer,
            },
        )
        self.sentence_store = SentenceStore(sentences)
        self.chunks = ChunkStore(
            client,
            chunks,
            self.sentence_store,
            rows=LRU(settings.chunk_cache_rows) if settings.chunk_cache_rows else None,
        )
        # Popular passages' sentences, by chunk id. A pure optimisation: a chunk id carries a
        # hash of the chunk's content and metadata, so an entry can never be out of date.
        self._sentence_cache: LRU[str, ChunkSentences] = LRU(settings.sentence_cache_chunks)
        # Vectors of texts the service already knows (stored sentences it has read, texts it
        # embedded): citation checks embed quotes that are stored sentences. An optimisation
        # only (the stored vector is the same model's vector of the same text).
        # Stored sentences' vectors are kept as the numpy rows they were read as (a list is
        # made only when one is asked for: most never are).
        self._text_vectors: LRU[str, list[float] | np.ndarray] = LRU(8192)
        # Every sentence vector in memory (``service.sentence_memory``): the API service only.
        # Its checks for changes are at least a second apart even when the lexical index
        # checks on every request (0): a chunk the copy lacks is read from Chroma anyway, so
        # checking more often buys no correctness, only a thread start per request.
        self.sentence_memory = (
            SentenceMemory(
                sentences,
                self.generation,
                refresh_seconds=max(settings.lexical_refresh_seconds, 1.0),
            )
            if settings.sentence_vectors_in_memory and workload == "query"
            else None
        )

    # -- the collections (for tests and health checks) -------------------------------------
    @property
    def chunk_collection(self) -> Any:
        """The Chroma collection of chunks."""
        return self.chunks.collection

    @property
    def document_collection(self) -> Any:
        """The Chroma collection of documents."""
        return self.documents.collection

    # -- embedding -------------------------------------------------------------------------
    @property
    def embed_model(self) -> BaseEmbedding:
        """The embedding model, loaded on first use unless one was given."""
        return self.embedder.model

    @property
    def embed_state(self) -> str:
        """``ready``, ``loading`` or ``failed: <reason>``."""
        return self.embedder.state

    def embed_texts(self, texts: list[str]) -> list[list[float]]:
        """Embed passages (see ``Embedder.embed_texts``); the service reuses known vectors."""
        if self.workload != "query":
            return self.embedder.embed_texts(texts)
        known = [_as_list(self._text_vectors.get(t)) for t in texts]
        missing = sorted({t for t, v in zip(texts, known, strict=True) if v is None})
        fresh = dict(zip(missing, self.embedder.embed_texts(missing), strict=True))
        for text, vector in fresh.items():
            self._text_vectors.put(text, vector)
        return [v if v is not None else fresh[t] for t, v in zip(texts, known, strict=True)]

    def embed_query(self, query: str) -> list[float]:
        """Embed a question or search query."""
        return self.embedder.embed_query(query)

    def warm_up(self) -> None:
        """Load the embedding model, touch the vector index and sync the lexical index, so
        the first user waits less. The service runs this in a background thread at start-up.
        """
        try:
            vector = self.embed_query("warm up")
        except Exception:
            log.exception("loading the embedding model failed")
            return
        try:
            if self.chunks.count():
                self.query(vector, 1, None)
            if self.settings.retrieval == "hybrid":
                self.lexical.refresh(self, force=True)
        except Exception:  # a cold index is slow, not broken: /readyz reports reachability
            log.warning("warm-up query failed", exc_info=True)

    @cached_property
    def lexical(self) -> LexicalIndex:
        """This process's BM25 index of the chunk collection (``service.lexical``), synced
        from Chroma by ``refresh``."""
        from service.lexical import LexicalIndex

        path = self.settings.lexical_dir / f"{self.chunk_collection.id}.sqlite"
        return LexicalIndex(
            path,
            refresh_seconds=self.settings.lexical_refresh_seconds,
            max_df_share=self.settings.lexical_max_df_share,
            in_memory=self.settings.lexical_in_memory and self.workload == "query",
        )

    # -- documents -------------------------------------------------------------------------
    def document_records(self) -> dict[str, DocumentRecord]:
        """Every document's metadata (without its text), by id."""
        return self.documents.records()

    def get_document(self, doc_id: str) -> DocumentRecord | None:
        """One document with its canonical text, or None."""
        return self.documents.get(doc_id)

    def find_document(self, doc_id: str) -> DocumentRecord | None:
        """The document with this id, or the one it is an exact repeat (an alias) of, or None."""
        record = self.documents.get(doc_id)
        if record is None:
            canonical = self.documents.canonical_of(doc_id)
            record = self.documents.get(canonical) if canonical else None
        return record

    def list_documents(self, limit: int, offset: int) -> list[DocumentRecord]:
        """A page of documents (metadata only), ordered by id."""
        return self.documents.page(limit, offset)

    def put_document(self, rec: DocumentRecord) -> None:
        """Write a document record (the last write of an ingest, marking it complete)."""
        self.put_documents([rec])

    def put_documents(self, recs: list[DocumentRecord]) -> None:
        """Write document records, then a new change token."""
        self.documents.put(recs)
        self.chunks.mark_changed()

    def delete_document(self, doc_id: str) -> None:
        """Remove a document: its sentences and chunks first, then its record."""
        self.chunks.delete_document(doc_id)
        self.documents.delete(doc_id)
        self.chunks.mark_changed()

    # -- chunks and sentences --------------------------------------------------------------
    def chunk_ids(self, doc_id: str) -> list[str]:
        """Ids of the chunks stored for a document."""
        return self.chunks.ids(doc_id)

    def replace_chunks_many(self, items: list[DocumentChunks]) -> None:
        """Store chunks and sentences of several documents (``ChunkStore.replace_many``)."""
        self.chunks.replace_many(items)

    def chunk_vectors(self, chunk_ids: list[str]) -> dict[str, Any]:
        """The stored vectors of some chunks, by id."""
        return self.chunks.vectors(chunk_ids)

    def sentences_of(
        self,
        passages: list[Passage],
        layouts: Mapping[str, tuple[tuple[int, int], ...] | None] | None = None,
    ) -> dict[str, ChunkSentences]:
        """The stored sentences (document spans and vectors) of retrieved passages, by passage
        id; one Chroma call for those not cached. A passage without sentences is absent.
        ``layouts``: passage id → its sentences' spans as its chunk record gives them
        (``ChunkHit.layout``), which makes the read cheaper."""
        found: dict[str, ChunkSentences] = {}
        missing: list[SpanKey] = []
        layouts = layouts or {}
        for p in passages:
            hit = self._sentence_cache.get(p.passage_id)
            if hit is not None:
                found[p.passage_id] = hit
            else:
                missing.append(
                    SpanKey(p.passage_id, p.doc_id, p.start, p.end, layouts.get(p.passage_id))
                )
        for chunk_id, sentences in self._read_sentences(missing).items():
            self._sentence_cache.put(chunk_id, sentences)
            found[chunk_id] = sentences
        fetched = {m.chunk_id for m in missing}
        for p in passages:
            if p.passage_id in found and p.passage_id in fetched:
                stored = found[p.passage_id]
                for (s, e), vector in zip(stored.spans, stored.vectors, strict=True):
                    self._text_vectors.put(p.text[s - p.start : e - p.start], vector)
        return found

    def copy_sentences_to_memory(self) -> None:
        """Start reading every sentence vector into memory in the background, and keep the
        copy current from then on (``service.sentence_memory``; no-op when it is off). The
        service starts it after its warm-up, so the copy does not delay the first answer."""
        if self.sentence_memory is not None:
            self.sentence_memory.schedule()

    def _read_sentences(self, keys: list[SpanKey]) -> dict[str, ChunkSentences]:
        """Sentences from the copy in memory where it holds them, the rest from Chroma."""
        found = self.sentence_memory.lookup(keys) if self.sentence_memory and keys else {}
        rest = [k for k in keys if k.chunk_id not in found]
        if rest:
            found.update(self.sentence_store.for_chunks(rest))
        return found

    def generation(self) -> tuple[str, str]:
        """(chunk collection id, change token); see ``ChunkStore.generation``."""
        return self.chunks.generation()

    def mark_changed(self) -> None:
        """Set a new change token (``ChunkStore.mark_changed``)."""
        self.chunks.mark_changed()

    def counts(self) -> Counts:
        """Documents and chunks in the index."""
        return Counts(self.documents.count(), self.chunks.count())

    def query(
        self, vector: list[float], top_k: int, where: dict[str, Any] | None
    ) -> list[tuple[Any, float]]:
        """The ``top_k`` nearest chunks as (llama-index node, cosine similarity)."""
        return self.chunks.query(vector, top_k, where)

    def nearest(
        self, vector: list[float], top_k: int, where: dict[str, Any] | None
    ) -> list[ChunkHit]:
        """The ``top_k`` nearest chunks as Chroma rows (``ChunkStore.nearest``): what search
        reads, without building llama-index nodes."""
        return self.chunks.nearest(vector, top_k, where)

    def chunks_of(
        self,
        doc_id: str,
        vector: list[float],
        limit: int,
        where: dict[str, Any] | None = None,
    ) -> list[ChunkHit]:
        """The ``limit`` chunks of one document nearest to ``vector`` that match ``where``,
        nearest first (``ChunkStore.of_document``)."""
        return self.chunks.of_document(doc_id, vector, limit, where)


def _make_client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            headers = (
                {"Authorization": f"Bearer {settings.chroma_token.get_secret_value()}"}
                if settings.chroma_token
                else None
            )
            return chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                headers=headers,
                settings=chroma_settings,
            )
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises many types; all mean "cannot open"
        where = (
            f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else f"Chroma store at {settings.chroma_path}"
        )
        raise IndexUnavailableError(f"cannot open the {where}: {exc}") from exc


def collection_signature(settings: Settings) -> dict[str, Any]:
    """What a chunk collection records about how it was built."""
    return {
        "schema_version": SCHEMA_VERSION,
        "embed_model": embedding_model_id(settings),
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "tokenizer": settings.tokenizer,
    }


def _warn_of_an_empty_index(settings: Settings, client: Any) -> None:
    """The service opens an empty index: say so, naming the store's others (a misspelt
    ``RAG_COLLECTION`` otherwise looks like an index nobody filled). Not refused: a service may
    be the one that fills a new index, through ``POST /documents``. The listing is only for
    the message: a store that will not list its collections leaves it out."""
    try:
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    except Exception:  # (a token that may not list collections, say)
        names = set()
    others = sorted(
        n.removesuffix("_chunks")
        for n in names
        if n.endswith("_chunks") and n != f"{settings.collection}_chunks"
    )
    log.warning(
        "RAG_COLLECTION=%s: this index is empty%s",
        settings.collection,
        f" (the store's other indexes: {', '.join(others)})" if others else "",
    )


def open_index(
    settings: Settings,
    *,
    for_writing: bool = False,
    rebuild: bool = False,
    embed_model: BaseEmbedding | None = None,
) -> NewsIndex:
    """Open (creating if needed) the collections, refusing a collection built differently.

    The service (``for_writing=False``) only needs the same embedding model; the ingest job
    needs the same chunking too. ``rebuild`` drops both collections first. ``embed_model``
    shares an already loaded model (it must be the one the settings name).
    """
    client = _make_client(settings)
    chunks_name = f"{settings.collection}_chunks"
    docs_name = f"{settings.collection}_documents"
    sentences_name = f"{settings.collection}_sentences"
    signature = collection_signature(settings)
    try:
        if rebuild:
            existing = {c if isinstance(c, str) else c.name for c in client.list_collections()}
            for name in (chunks_name, docs_name, sentences_name):
                if name in existing:
                    client.delete_collection(name)
        chunks = client.get_or_create_collection(
            chunks_name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata=signature,
            embedding_function=None,
        )
        documents = client.get_or_create_collection(
            docs_name, metadata={"schema_version": SCHEMA_VERSION}, embedding_function=None
        )
        sentences = client.get_or_create_collection(
            sentences_name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"schema_version": SCHEMA_VERSION},
            embedding_function=None,
        )
    except Exception as exc:
        raise IndexUnavailableError(f"cannot open the Chroma collections: {exc}") from exc

    if not for_writing and chunks.count() == 0 and documents.count() == 0:
        _warn_of_an_empty_index(settings, client)
    recorded = dict(chunks.metadata or {})
    keys = signature.keys() if for_writing else ("schema_version", "embed_model")
    mismatched = {
        k: (recorded.get(k), signature[k]) for k in keys if recorded.get(k) != signature[k]
    }
    if mismatched:
        if chunks.count() == 0 and documents.count() == 0:
            chunks.modify(metadata=signature)
        else:
            detail = ", ".join(
                f"{k}: index has {a!r}, settings say {b!r}" for k, (a, b) in mismatched.items()
            )
            raise IndexMismatchError(
                f"the index '{settings.collection}' was built differently ({detail}). "
                "Run `python -m ingest --rebuild` to rebuild it with the current settings."
            )
    workload: Workload = "batch" if for_writing else "query"
    return NewsIndex(settings, client, chunks, documents, sentences, embed_model, workload=workload)
