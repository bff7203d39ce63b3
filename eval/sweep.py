"""``python -m eval.sweep``: the tuning grid behind the defaults in ``service.config``.

For each chunking (size/overlap) the corpus is ingested once (cached under ``--work``); for
each answering setting (``top_k``, refusal threshold, evidence sentences) the app is built with
``create_app`` over the same open index and scored on the dev set with ``eval.metrics`` through
the ASGI app in-process (same requests and responses as over HTTP, without a server per
configuration). Answers come from ``extractive``: the settings are about retrieval and evidence,
and the model would only add noise and minutes.

Prints one line per configuration, and writes them all as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from eval.bench import BBC, DEV_QA, SAMPLE, clean_env, questions, run_timed
from eval.metrics import evaluate
from service.config import PROJECT_ROOT, Settings

CHUNKINGS = [(128, 16), (256, 0), (256, 32), (384, 48)]
TOP_KS = [3, 5, 8]
THRESHOLDS = [0.70, 0.74, 0.78]
EVIDENCE = [1, 2, 3]


def ensure_index(work: Path, corpus: str, size: int, overlap: int) -> Path:
    """The index of ``corpus`` at this chunking, ingested if missing."""
    chroma = work / f"{corpus}-{size}-{overlap}"
    if (chroma / "done").exists():
        return chroma
    paths = [str(SAMPLE)] + ([str(BBC)] if corpus == "sample+bbc" else [])
    print(f"ingesting {corpus} at {size}/{overlap} ...", file=sys.stderr, flush=True)
    env = clean_env(
        RAG_CHROMA_PATH=str(chroma), RAG_CHUNK_SIZE=str(size), RAG_CHUNK_OVERLAP=str(overlap)
    )
    run_timed(
        [sys.executable, "-m", "ingest", *paths, "--json", "--rebuild"],
        env,
        work / f"{corpus}-{size}-{overlap}.log",
    )
    (chroma / "done").write_text("ok\n")
    return chroma


def score(settings: Settings, index: Any) -> dict[str, Any]:
    """Dev-set metrics of an app built with ``settings`` over an open ``index``."""
    from fastapi.testclient import TestClient

    from service.app import create_app

    with TestClient(create_app(settings, index=index)) as client:
        return evaluate(client, questions(), k=5).summary()


def main(argv: list[str] | None = None) -> int:
    """Run the grid and print it."""
    parser = argparse.ArgumentParser(prog="python -m eval.sweep", description=__doc__)
    parser.add_argument("--corpus", choices=["sample", "sample+bbc"], default="sample+bbc")
    parser.add_argument("--work", type=Path, default=PROJECT_ROOT / "var" / "sweep")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--chunkings", default=",".join(f"{s}/{o}" for s, o in CHUNKINGS), help="e.g. 256/32"
    )
    args = parser.parse_args(argv)
    if not DEV_QA.exists():
        print(f"error: no dev set at {DEV_QA}", file=sys.stderr)
        return 2
    from service.embeddings import make_embed_model
    from service.index import open_index

    args.work.mkdir(parents=True, exist_ok=True)
    embed_model = make_embed_model(Settings(_env_file=None))
    rows: list[dict[str, Any]] = []
    chunkings = [tuple(int(x) for x in c.split("/")) for c in args.chunkings.split(",")]
    print(
        f"{'chunking':>10}{'top_k':>6}{'thresh':>7}{'evid':>5}{'recall@5':>9}{'acc':>6}"
        f"{'refuse':>7}{'false_ref':>10}{'valid':>6}{'prec':>6}{'rec':>6}{'ask p50':>8}"
    )
    for size, overlap in chunkings:
        chroma = ensure_index(args.work, args.corpus, size, overlap)
        base = Settings(
            _env_file=None,
            chroma_path=chroma,
            chroma_host=None,
            chunk_size=size,
            chunk_overlap=overlap,
            llm_provider="extractive",
        )
        index = open_index(base, embed_model=embed_model)
        for top_k, threshold, evidence in itertools.product(TOP_KS, THRESHOLDS, EVIDENCE):
            settings = base.model_copy(
                update={
                    "top_k": top_k,
                    "refusal_threshold": threshold,
                    "evidence_sentences": evidence,
                }
            )
            s = score(settings, index)
            row = {
                "chunk_size": size,
                "chunk_overlap": overlap,
                "top_k": top_k,
                "refusal_threshold": threshold,
                "evidence_sentences": evidence,
                **s,
            }
            rows.append(row)
            print(
                f"{f'{size}/{overlap}':>10}{top_k:>6}{threshold:>7}{evidence:>5}"
                f"{s['evidence_recall_at_k']!s:>9}{s['answer_accuracy']!s:>6}"
                f"{s['refusal_unanswerable']!s:>7}{s['false_refusal']!s:>10}"
                f"{s['citation_validity']!s:>6}{s['citation_precision']!s:>6}"
                f"{s['citation_recall']!s:>6}{s['ask_p50_ms']!s:>8}",
                flush=True,
            )
    out = args.out or args.work / f"sweep-{args.corpus}.json"
    out.write_text(json.dumps(rows, indent=1) + "\n")
    print(f"JSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
