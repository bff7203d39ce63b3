"""The one module that opens the index: Chroma (embedded or server), its collections and the
embedding model. Both the ingest job and the service go through ``open_index``.

Two collections:
- ``<name>_chunks``: one record per chunk, written and queried through llama-index's
  ``ChromaVectorStore`` (cosine space). Its collection metadata records the embedding model
  and chunking that built it.
- ``<name>_sentences``: the sentences of every chunk with their vectors, written by the ingest
  job (see ``service.sentence_store``), so that answering a question embeds only the question.
- ``<name>_documents``: one record per article holding its whole canonical text and metadata.
  llama-index has no document store backed by Chroma, so this one is written by hand; keeping it
  in Chroma means a Chroma server holds everything and replicas share it. Chroma requires a
  vector per record, so each carries a constant one-dimensional placeholder.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from service.config import Settings
from service.embeddings import Workload, embedding_model_id, make_embed_model
from service.errors import IndexMismatchError, IndexUnavailableError
from service.lru import LRU
from service.sentence_store import ChunkSentences, SentenceStore, SpanKey

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from service.lexical import LexicalIndex

log = logging.getLogger(__name__)

# 2: sentence records (``<name>_sentences``); an index built before them is refused, naming
# ``--rebuild`` (see ``open_index``).
SCHEMA_VERSION = 2
_DOC_VECTOR = [1.0]
# Chroma caps how many records one call may carry; stay well below it.
_WRITE_BATCH = 4000


@dataclass
class DocumentRecord:
    """An article as stored: canonical text plus metadata."""

    doc_id: str
    title: str
    published: str | None
    source: str
    origin: str
    text: str
    content_hash: str
    fingerprint: str
    chunks: int
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChunkRecord:
    """A chunk to store: ``text == document.text[start:end]``."""

    chunk_id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    title: str
    published: str | None
    sentences: tuple[tuple[int, int], ...] = ()  # document offsets, in text order


@dataclass(frozen=True)
class DocumentChunks:
    """What an ingest flush stores for one document: its chunks, their vectors and the vectors
    of each chunk's sentences (``sentence_vectors[i][k]`` for ``chunks[i].sentences[k]``)."""

    doc_id: str
    chunks: list[ChunkRecord]
    vectors: list[list[float]]
    sentence_vectors: list[list[list[float]]]


@dataclass(frozen=True)
class Counts:
    """How much the index holds."""

    documents: int
    chunks: int


def published_ord(published: str | None) -> int:
    """An ISO date as an integer YYYYMMDD (0 when unknown), for range filters in Chroma."""
    return int(published.replace("-", "")) if published else 0


class NewsIndex:
    """Chroma collections plus the embedding model, behind a small typed interface."""

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
        self.chunk_collection = chunks
        self.document_collection = documents
        self.sentence_store = SentenceStore(sentences)
        # Popular passages' sentences, by chunk id. A pure optimisation: a chunk id carries a
        # hash of the chunk's content and metadata, so an entry can never be out of date.
        self._sentence_cache: LRU[str, ChunkSentences] = LRU(4096)
        self.embed_model_id = embedding_model_id(settings)
        self._embed_model = embed_model
        self._embed_error: str | None = None
        self._embed_lock = threading.Lock()

    # -- embedding -------------------------------------------------------------------------
    @property
    def embed_model(self) -> BaseEmbedding:
        """The embedding model, loaded on first use unless one was given."""
        if self._embed_model is None:
            with self._embed_lock:  # a warm-up thread and a request may race to load it
                if self._embed_model is None:
                    try:
                        self._embed_model = make_embed_model(self.settings, self.workload)
                    except Exception as exc:
                        self._embed_error = str(exc)
                        raise
        return self._embed_model

    def warm_up(self) -> None:
        """Load the embedding model and touch the vector index, so the first user waits less.

        The service runs this in a background thread at start-up.
        """
        try:
            vector = self.embed_query("warm up")
        except Exception:
            log.exception("loading the embedding model failed")
            return
        try:
            if self.chunk_collection.count():
                self.query(vector, 1, None)
            if self.settings.retrieval == "hybrid":
                self.lexical.refresh(self, force=True)
        except Exception:  # a cold index is slow, not broken: /readyz reports reachability
            log.warning("warm-up query failed", exc_info=True)

    @property
    def embed_state(self) -> str:
        """``ready``, ``loading`` or ``failed: <reason>``."""
        if self._embed_model is not None:
            return "ready"
        return f"failed: {self._embed_error}" if self._embed_error else "loading"

    def embed_texts(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in batches of ``embed_batch_size``.

        Batches are formed from texts of similar length (and the results put back in order):
        a batch is padded to its longest text, so mixing a document's short last chunk with
        full ones wastes most of a forward pass.
        """
        if not texts:
            return []
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        embedded: list[list[float]] = self.embed_model.get_text_embedding_batch(
            [texts[i] for i in order]
        )
        vectors: list[list[float]] = [[] for _ in texts]
        for position, i in enumerate(order):
            vectors[i] = embedded[position]
        return vectors

    def embed_query(self, query: str) -> list[float]:
        """Embed a question or search query."""
        vector: list[float] = self.embed_model.get_query_embedding(query)
        return vector

    @cached_property
    def lexical(self) -> LexicalIndex:
        """This process's BM25 index of the chunk collection (``service.lexical``), synced
        from Chroma by ``refresh``."""
        from service.lexical import LexicalIndex

        path = self.settings.lexical_dir / f"{self.chunk_collection.id}.sqlite"
        return LexicalIndex(path, refresh_seconds=self.settings.lexical_refresh_seconds)

    @cached_property
    def vector_store(self) -> ChromaVectorStore:
        """llama-index's vector store over the chunk collection."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.chunk_collection)

    # -- documents -------------------------------------------------------------------------
    def _doc_metadata(self, rec: DocumentRecord) -> dict[str, Any]:
        return {
            # What produced this document's chunks (the collection records it too).
            "embed_model": self.embed_model_id,
            "chunk_size": self.settings.chunk_size,
            "chunk_overlap": self.settings.chunk_overlap,
            "tokenizer": self.settings.tokenizer,
            "title": rec.title,
            "published": rec.published or "",
            "published_ord": published_ord(rec.published),
            "source": rec.source,
            "origin": rec.origin,
            "content_hash": rec.content_hash,
            "fingerprint": rec.fingerprint,
            "chunks": rec.chunks,
            "aliases": json.dumps(rec.aliases, ensure_ascii=False),
        }

    @staticmethod
    def _doc_record(doc_id: str, meta: dict[str, Any], text: str | None) -> DocumentRecord:
        return DocumentRecord(
            doc_id=doc_id,
            title=str(meta.get("title", "")),
            published=str(meta["published"]) if meta.get("published") else None,
            source=str(meta.get("source", "")),
            origin=str(meta.get("origin", "")),
            text=text or "",
            content_hash=str(meta.get("content_hash", "")),
            fingerprint=str(meta.get("fingerprint", "")),
            chunks=int(meta.get("chunks", 0)),
            aliases=list(json.loads(str(meta.get("aliases") or "[]"))),
        )

    def document_records(self) -> dict[str, DocumentRecord]:
        """Every document's metadata (without its text), by id."""
        got = self.document_collection.get(include=["metadatas"])
        return {
            doc_id: self._doc_record(doc_id, meta or {}, None)
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)
        }

    def get_document(self, doc_id: str) -> DocumentRecord | None:
        """One document with its canonical text, or None."""
        got = self.document_collection.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        return self._doc_record(doc_id, got["metadatas"][0] or {}, got["documents"][0])

    def list_documents(self, limit: int, offset: int) -> list[DocumentRecord]:
        """A page of documents (metadata only), ordered by id."""
        ids = sorted(self.document_collection.get(include=[])["ids"])[offset : offset + limit]
        if not ids:
            return []
        got = self.document_collection.get(ids=ids, include=["metadatas"])
        by_id = dict(zip(got["ids"], got["metadatas"], strict=True))
        return [self._doc_record(i, by_id[i] or {}, None) for i in ids if i in by_id]

    def put_document(self, rec: DocumentRecord) -> None:
        """Write a document record (the last write of an ingest, marking it complete)."""
        self.put_documents([rec])

    def put_documents(self, recs: list[DocumentRecord]) -> None:
        """Write document records in one call per ``_WRITE_BATCH``."""
        for i in range(0, len(recs), _WRITE_BATCH):
            part = recs[i : i + _WRITE_BATCH]
            self.document_collection.upsert(
                ids=[r.doc_id for r in part],
                documents=[r.text for r in part],
                metadatas=[self._doc_metadata(r) for r in part],
                embeddings=[_DOC_VECTOR] * len(part),
            )
        self.mark_changed()

    def delete_document(self, doc_id: str) -> None:
        """Remove a document: its sentences and chunks first, then its record."""
        self.sentence_store.delete_document(doc_id)
        self.chunk_collection.delete(where={"ref_doc_id": doc_id})
        self.document_collection.delete(ids=[doc_id])
        self.mark_changed()

    def generation(self) -> tuple[str, str]:
        """(collection id, change token) of the chunk collection, read fresh from Chroma.

        Every write of document records sets a new random token (``mark_changed``), after the
        chunks it covers are stored: readers that derive something from the collection (the
        lexical index) compare tokens to know, cheaply, whether to look for changes.
        """
        col = self.client.get_collection(self.chunk_collection.name)
        return str(col.id), str((col.metadata or {}).get("generation", ""))

    def mark_changed(self) -> None:
        """Record that documents changed: a new random token in the chunk collection's metadata.

        Random rather than a counter, so that two ingest workers never need to read-modify-write
        it; the other keys are written back unchanged (``modify`` replaces the metadata).
        """
        current = self.client.get_collection(self.chunk_collection.name).metadata or {}
        self.chunk_collection.modify(metadata={**current, "generation": uuid.uuid4().hex})

    # -- chunks ----------------------------------------------------------------------------
    def chunk_ids(self, doc_id: str) -> list[str]:
        """Ids of the chunks stored for a document."""
        got = self.chunk_collection.get(where={"ref_doc_id": doc_id}, include=[])
        return list(got["ids"])

    def replace_chunks_many(self, items: list[DocumentChunks]) -> None:
        """Store the chunks (and their sentences) of several documents, then delete their
        chunks and sentences not among them.

        Each Chroma write is a transaction of its own; per document they cost more than the
        embedding of its chunks did (profiled on BBC: ~50 ms per document), so the ingest job
        writes a whole flush of documents at once. Order is kept: the sentences of new chunks,
        then the new chunks (so a stored chunk always has its sentences), then stale chunks and
        stale sentences deleted; the caller writes the document records after.
        """
        from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode

        if not items:
            return
        doc_ids = [item.doc_id for item in items]
        stored: set[str] = set()
        for i in range(0, len(doc_ids), _WRITE_BATCH):
            got = self.chunk_collection.get(
                where={"ref_doc_id": {"$in": doc_ids[i : i + _WRITE_BATCH]}}, include=[]
            )
            stored.update(got["ids"])
        keep: set[str] = set()
        new_nodes: list[BaseNode] = []
        s_ids: list[str] = []
        s_vectors: list[Any] = []
        s_metas: list[dict[str, Any]] = []
        for item in items:
            for c, vector, sentence_vectors in zip(
                item.chunks, item.vectors, item.sentence_vectors, strict=True
            ):
                keep.add(c.chunk_id)
                # Ids carry a content hash: an id already stored holds exactly this chunk.
                if c.chunk_id in stored:
                    continue
                ids, vecs, metas = SentenceStore.records(
                    SpanKey(c.chunk_id, item.doc_id, c.start, c.end), c.sentences, sentence_vectors
                )
                s_ids += ids
                s_vectors += vecs
                s_metas += metas
                new_nodes.append(
                    TextNode(
                        id_=c.chunk_id,
                        text=c.text,
                        embedding=vector,
                        start_char_idx=c.start,
                        end_char_idx=c.end,
                        metadata={
                            "title": c.title,
                            "published": c.published or "",
                            "published_ord": published_ord(c.published),
                            "start": c.start,
                            "end": c.end,
                            "chunk_index": c.index,
                        },
                        relationships={
                            NodeRelationship.SOURCE: RelatedNodeInfo(node_id=item.doc_id)
                        },
                    )
                )
        self.sentence_store.write(s_ids, s_vectors, s_metas)
        for i in range(0, len(new_nodes), _WRITE_BATCH):
            self.vector_store.add(new_nodes[i : i + _WRITE_BATCH])
        stale = sorted(stored - keep)
        if stale:
            self.chunk_collection.delete(ids=stale)
        self.sentence_store.delete_stale(doc_ids, keep)

    def sentences_of(self, passages: list[Any]) -> dict[str, ChunkSentences]:
        """The stored sentences (document spans and vectors) of retrieved passages, by passage
        id; one Chroma call for those not cached. A passage without sentences is absent."""
        found: dict[str, ChunkSentences] = {}
        missing: list[SpanKey] = []
        for p in passages:
            hit = self._sentence_cache.get(p.passage_id)
            if hit is not None:
                found[p.passage_id] = hit
            else:
                missing.append(SpanKey(p.passage_id, p.doc_id, p.start, p.end))
        for chunk_id, sentences in self.sentence_store.for_chunks(missing).items():
            self._sentence_cache.put(chunk_id, sentences)
            found[chunk_id] = sentences
        return found

    def chunk_vectors(self, chunk_ids: list[str]) -> dict[str, Any]:
        """The stored vectors of some chunks, by id."""
        if not chunk_ids:
            return {}
        got = self.chunk_collection.get(ids=chunk_ids, include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"], strict=True))

    def counts(self) -> Counts:
        """Documents and chunks in the index."""
        return Counts(self.document_collection.count(), self.chunk_collection.count())

    def query(
        self, vector: list[float], top_k: int, where: dict[str, Any] | None
    ) -> list[tuple[Any, float]]:
        """The ``top_k`` nearest chunks as (llama-index node, cosine similarity)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        kwargs: dict[str, Any] = {"where": where} if where else {}
        result = self.vector_store.query(
            VectorStoreQuery(query_embedding=vector, similarity_top_k=top_k), **kwargs
        )
        # ChromaVectorStore reports exp(-distance); cosine similarity is 1 - distance.
        return [
            (node, 1.0 + math.log(sim))
            for node, sim in zip(result.nodes or [], result.similarities or [], strict=True)
        ]


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
