"""Citation alignment and verification: a draft's ``[n]`` markers become checked citations.

Rules (each enforced here, for every provider):
- a marker must name an evidence item offered for this question, else it is dropped (invented);
- the cited sentence must lie inside a passage retrieved for this question;
- the quote must support the draft sentence that cites it: every number of the claim appears
  in the quote, and the cosine similarity of claim and quote is at least ``min_similarity`` or
  the quote contains at least ``min_overlap`` of the claim's content words;
- a draft sentence whose markers do not support it, or that has none, is aligned to the
  best-ranked evidence that does support it (a model that forgot or mistyped a marker is not
  punished for it); a sentence that nothing supports is removed;
- markers are renumbered 1..n in order of appearance; a fact stated by several articles cites
  the most direct statement first and the others right after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from service.evidence import EvidenceItem, Sentence, content_words, sentence_spans
from service.schemas import Citation, Passage

_MARKER = re.compile(r"\s*\[(\d{1,3})\]")
# Text up to a run of markers: the markers belong to the last sentence of that text.
_CITED_UNIT = re.compile(r"(.*?)((?:\s*\[\d{1,3}\])+)", re.DOTALL)
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
    for m in _CITED_UNIT.finditer(draft):
        add_sentences(m.group(1), [int(n) for n in _MARKER.findall(m.group(2))])
        end = m.end()
    add_sentences(draft[end:], [])
    return claims


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


def numbers_of(text: str) -> set[str]:
    """The numbers a text states (1,200 and 1200 are the same number)."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def claim_overlap(claim: str, quote: str) -> float:
    """Share of the claim's content words found in the quote."""
    words = content_words(claim)
    return len(words & content_words(quote)) / len(words) if words else 0.0


def inside_passages(sentence: Sentence, passages: list[Passage]) -> bool:
    """Whether the sentence lies within one of the retrieved passages."""
    return any(
        p.doc_id == sentence.doc_id and p.start <= sentence.start and sentence.end <= p.end
        for p in passages
    )


class CitationVerifier:
    """Checks a draft against its evidence; needs text embeddings for the support check."""

    def __init__(
        self, embed: Callable[[list[str]], list[list[float]]], policy: SupportPolicy
    ) -> None:
        self._embed = embed  # returns normalized vectors
        self.policy = policy

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._embed(texts), dtype=np.float32)

    def verify(self, draft: str, evidence: list[EvidenceItem], passages: list[Passage]) -> Verified:
        """Keep what the evidence supports; drop invented markers and unsupported sentences."""
        by_number = {item.number: item for item in evidence}
        units: list[tuple[str, list[int]]] = []  # (claim text, evidence numbers cited)
        dropped: list[int] = []
        for claim, numbers in split_claims(draft):
            valid: list[int] = []
            for n in numbers:
                if n in by_number and n not in valid:
                    valid.append(n)
                elif n not in by_number:
                    dropped.append(n)
            units.append((claim, valid))
        if not units or not evidence:
            return Verified("", [], [c for c, _ in units], dropped)

        # One embedding call for every claim and every quote involved.
        quotes: list[Sentence] = []
        for item in evidence:
            quotes.append(item.sentence)
            quotes.extend(item.also)
        vectors = self._vectors([c for c, _ in units] + [q.text for q in quotes])
        claim_vecs = vectors[: len(units)]
        quote_vec = {(q.doc_id, q.start): vectors[len(units) + i] for i, q in enumerate(quotes)}

        def supports(claim_index: int, sentence: Sentence) -> bool:
            if not inside_passages(sentence, passages):
                return False
            # A number the quote does not state (a year, an amount) is never supported.
            if not numbers_of(units[claim_index][0]) <= numbers_of(sentence.text):
                return False
            sim = float(
                np.dot(claim_vecs[claim_index], quote_vec[(sentence.doc_id, sentence.start)])
            )
            return (
                sim >= self.policy.min_similarity
                or claim_overlap(units[claim_index][0], sentence.text) >= self.policy.min_overlap
            )

        kept: list[str] = []
        removed: list[str] = []
        citations: list[Citation] = []
        marker_of: dict[tuple[str, int, int], int] = {}
        for i, (claim, numbers) in enumerate(units):
            cited: list[Sentence] = []
            for n in numbers:
                item = by_number[n]
                if supports(i, item.sentence):
                    cited.append(item.sentence)
                    cited.extend(s for s in item.also if supports(i, s))
            if not cited:
                # Alignment: an uncited claim, or one whose markers do not support it, takes
                # the best-ranked evidence that does.
                for item in evidence:
                    if item.number not in numbers and supports(i, item.sentence):
                        cited = [item.sentence, *(s for s in item.also if supports(i, s))]
                        break
            if not cited:
                removed.append(claim)
                continue
            markers = []
            for s in cited:
                key = (s.doc_id, s.start, s.end)
                if key not in marker_of:
                    marker_of[key] = len(citations) + 1
                    citations.append(
                        Citation(
                            marker=marker_of[key],
                            doc_id=s.doc_id,
                            title=s.title,
                            published=s.published,
                            start=s.start,
                            end=s.end,
                            quote=s.text,
                        )
                    )
                if marker_of[key] not in markers:
                    markers.append(marker_of[key])
            if not claim.endswith((".", "!", "?", "…", "”", '"', "’", "'", ")")):
                claim += "."
            kept.append(claim + " " + "".join(f"[{m}]" for m in markers))
        return Verified(" ".join(kept), citations, removed, dropped)
