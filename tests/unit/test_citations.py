"""Claim splitting and the support check, with the real embedding model."""

from __future__ import annotations

from typing import Any

from service.citations import CitationVerifier, SupportPolicy, split_claims
from service.evidence import EvidenceItem, Sentence, sentence_spans
from service.schemas import Passage

TEXT = (
    "Tesla CEO Elon Musk also made a trip to China, where the electric carmaker has one of "
    "its biggest factories. Apple CEO Tim Cook visited China, which is the company’s "
    "third-largest market."
)


def test_markers_close_the_sentence_before_them() -> None:
    draft = "Musk went to China. [1] Cook visited too [2][3]. An uncited remark. Last one [4]"
    assert split_claims(draft) == [
        ("Musk went to China.", [1]),
        ("Cook visited too", [2, 3]),
        ("An uncited remark.", []),
        ("Last one", [4]),
    ]
    assert split_claims("") == []


def test_markers_split_the_draft_wherever_they_stand() -> None:
    # markers first, markers after markers across a line break, a long draft without any
    # (found as runs of their own: the lazy "(.*?)(markers)" pattern was quadratic there)
    assert split_claims("[1] Rates rose. [2]\n\n[3] Then fell.") == [
        ("Rates rose.", [2, 3]),
        ("Then fell.", []),
    ]
    long = "The council met again on Tuesday. " * 300
    claims = split_claims(long + "It agreed. [5]")
    assert len(claims) == 301 and all(m == [] for _, m in claims[:-1])
    assert claims[-1] == ("It agreed.", [5])


def test_sentence_spans_are_offsets_into_the_text() -> None:
    text = "Heading\nFirst sentence here. Second one, Mr. Smith said.\n\nThird."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Heading",
        "First sentence here.",
        "Second one, Mr. Smith said.",
        "Third.",
    ]


def _evidence() -> tuple[list[EvidenceItem], list[Passage]]:
    passage = Passage(
        passage_id="doc::00000::x",
        doc_id="doc",
        title="T",
        published=None,
        start=100,
        end=100 + len(TEXT),
        text=TEXT,
        score=0.9,
    )
    items = []
    for n, (a, b) in enumerate(sentence_spans(TEXT), start=1):
        s = Sentence("doc", "T", None, passage.passage_id, 100 + a, 100 + b, TEXT[a:b])
        items.append(EvidenceItem(n, s, 1.0))
    return items, [passage]


def test_support_check_and_alignment(sample_index: Any) -> None:
    verifier = CitationVerifier(sample_index.embed_texts, SupportPolicy(0.5, 0.6))
    evidence, passages = _evidence()
    draft = (
        "Elon Musk travelled to China, where Tesla has a big factory [1]. "
        "Tim Cook visited China [1]. "  # wrong marker: only [2] supports it
        "The weather in Geneva was sunny [2]. "  # supported by nothing
        "Apple counts China as its third-largest market [7]."  # invented marker
    )
    result = verifier.verify(draft, evidence, passages)
    assert result.removed_sentences == ["The weather in Geneva was sunny"]
    assert result.dropped_markers == [7]
    assert result.answer == (
        "Elon Musk travelled to China, where Tesla has a big factory. [1] "
        "Tim Cook visited China. [2] "
        "Apple counts China as its third-largest market. [2]"
    )
    assert [(c.marker, c.start, c.end) for c in result.citations] == [
        (1, evidence[0].sentence.start, evidence[0].sentence.end),
        (2, evidence[1].sentence.start, evidence[1].sentence.end),
    ]
    assert [c.quote for c in result.citations] == [e.sentence.text for e in evidence]


def test_citations_outside_the_retrieved_passages_are_refused(sample_index: Any) -> None:
    verifier = CitationVerifier(sample_index.embed_texts, SupportPolicy(0.5, 0.6))
    evidence, passages = _evidence()
    elsewhere = [passages[0].model_copy(update={"doc_id": "other"})]
    result = verifier.verify(f"{evidence[0].sentence.text} [1]", evidence, elsewhere)
    assert result.citations == [] and result.answer == ""
