"""``python -m eval.support QUESTIONS.jsonl``: measure the citation support check.

For every answerable question, an answer-like claim ("<question> <expected answer>") is
checked against its own gold evidence sentence (it should be accepted) and against the gold
sentences of every other question (they should be rejected). Runs in-process on the index the
settings name (the sample articles must be ingested).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.metrics import locate
from service.citations import CitationVerifier, SupportPolicy
from service.config import get_settings
from service.evidence import EvidenceItem, Sentence, sentence_spans
from service.index import open_index
from service.schemas import Passage


def main(argv: list[str] | None = None) -> int:
    """Print acceptance of true pairs and rejection of false pairs."""
    parser = argparse.ArgumentParser(prog="python -m eval.support", description=__doc__)
    parser.add_argument("questions", type=Path)
    args = parser.parse_args(argv)
    settings = get_settings()
    index = open_index(settings)
    verifier = CitationVerifier(
        index.embed_texts,
        SupportPolicy(settings.support_min_similarity, settings.support_min_overlap),
    )
    claims: list[tuple[str, Sentence]] = []
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if not q["answerable"]:
            continue
        alt = q["evidence_groups"][0][0]
        doc = index.get_document(alt["doc_id"])
        where = locate(doc.text, alt["text"]) if doc else None
        if doc is None or where is None:
            print(
                f"error: evidence of {q['id']} not found; ingest the sample first", file=sys.stderr
            )
            return 2
        # The whole sentence around the evidence span is what a citation would quote.
        s, e = next((a, b) for a, b in sentence_spans(doc.text) if a <= where[0] < b)
        quote = Sentence(doc.doc_id, doc.title, doc.published, "p", s, e, doc.text[s:e])
        claims.append((f"{q['question'].rstrip('?')}: {', '.join(q['answer_contains'])}.", quote))

    accepted = rejected = negatives = 0
    for i, (claim, _) in enumerate(claims):
        for j, (_, quote) in enumerate(claims):
            passage = Passage(
                passage_id="p",
                doc_id=quote.doc_id,
                title="",
                published=None,
                start=quote.start,
                end=quote.end,
                text=quote.text,
                score=1.0,
            )
            verdict = verifier.verify(f"{claim} [1]", [EvidenceItem(1, quote, 1.0)], [passage])
            ok = bool(verdict.citations)
            if i == j:
                accepted += ok
            else:
                negatives += 1
                rejected += not ok
    print(f"true pairs accepted:  {accepted}/{len(claims)}")
    print(f"false pairs rejected: {rejected}/{negatives}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
