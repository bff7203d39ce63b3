"""Token-aware, sentence-respecting chunks with exact character offsets into the canonical text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from service.llama_import import llama_index_core

if TYPE_CHECKING:  # imported where used: the service starts without llama_index.core
    from llama_index.core.node_parser import SentenceSplitter


@dataclass(frozen=True)
class Chunk:
    """A span of a document's canonical text: ``text == document_text[start:end]``."""

    chunk_id: str
    index: int
    start: int
    end: int
    text: str

    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The chunk's sentences as spans of the document (punkt per line, as the evidence
        scorer reads them: ``service.evidence.sentence_spans``)."""
        from service.evidence import sentence_spans

        return tuple((self.start + s, self.start + e) for s, e in sentence_spans(self.text))


@lru_cache(maxsize=4)
def token_encoder(encoding: str):  # type: ignore[no-untyped-def]
    """tiktoken's ``encode`` for ``encoding``, from the files llama-index-core ships."""
    import tiktoken

    llama_index_core()
    from llama_index.core.utils import get_tokenizer

    # llama-index-core ships the cl100k_base file and points tiktoken's cache at it; other
    # encodings must already be in that cache (nothing is downloaded).
    get_tokenizer()
    return tiktoken.get_encoding(encoding).encode


@lru_cache(maxsize=4)
def make_splitter(chunk_size: int, chunk_overlap: int, encoding: str) -> SentenceSplitter:
    """llama-index's sentence splitter on a tiktoken tokenizer (cached per configuration)."""
    llama_index_core()
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        tokenizer=token_encoder(encoding),
        include_metadata=False,
        include_prev_next_rel=False,
    )


def chunk_id(doc_id: str, index: int, text: str, salt: str = "") -> str:
    """Deterministic chunk id: document id, position and a hash of the chunk's content.

    ``salt`` is the document's fingerprint (text, title, date, chunking): a stored id then pins
    the chunk's metadata too, so an unchanged id never needs rewriting.
    """
    digest = hashlib.sha256((salt + "\x00" + text).encode("utf-8")).hexdigest()[:16]
    return f"{doc_id}::{index:05d}::{digest}"


def _locate(text: str, piece: str, cursor: int) -> tuple[int, int]:
    """Find ``piece`` in ``text`` at or after ``cursor``, else anywhere; (-1, -1) if absent."""
    start = text.find(piece, cursor)
    if start < 0:
        start = text.find(piece)
    return (start, start + len(piece)) if start >= 0 else (-1, -1)


def chunk_document(
    doc_id: str,
    text: str,
    *,
    chunk_size: int,
    chunk_overlap: int,
    encoding: str,
    salt: str = "",
) -> list[Chunk]:
    """Split canonical ``text`` into chunks whose offsets index into it exactly.

    The splitter reports ``start_char_idx``/``end_char_idx``; they are checked against the text
    and, where the splitter normalized whitespace, the chunk is re-located in the text so the
    invariant ``text[start:end] == chunk.text`` always holds.
    """
    llama_index_core()
    from llama_index.core import Document
    from llama_index.core.schema import TextNode

    splitter = make_splitter(chunk_size, chunk_overlap, encoding)
    nodes = splitter.get_nodes_from_documents([Document(text=text, id_=doc_id)])
    chunks: list[Chunk] = []
    cursor = 0
    for node in nodes:
        assert isinstance(node, TextNode)
        piece = node.get_content()
        start, end = node.start_char_idx, node.end_char_idx
        if start is None or end is None or text[start:end] != piece:
            start, end = _locate(text, piece, cursor)
        if start < 0:
            # The splitter changed the text (e.g. collapsed whitespace): fall back to the span
            # from the first to the last of its words, which exists in the text verbatim.
            words = piece.split()
            first, _ = _locate(text, words[0], cursor)
            last_start, end = _locate(text, words[-1], max(first, 0))
            start = first
            if first < 0 or last_start < 0:
                raise ValueError(f"chunk of {doc_id!r} cannot be located in its text")
        span = text[start:end]
        chunks.append(
            Chunk(chunk_id(doc_id, len(chunks), span, salt), len(chunks), start, end, span)
        )
        cursor = start + 1
    return chunks
