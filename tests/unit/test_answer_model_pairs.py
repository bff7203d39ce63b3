"""The answer-model experiment's pure parts: how pairs are labelled, how the trade-off is
counted (``eval/answer_model.py``)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from eval import answer_model
from eval.answer_model import (
    fold,
    question_pairs,
    set_number,
    split_sentences,
    states_answer,
    trade_off,
)

ARTICLE = (
    "Corvane buys Lindqvist\n\n"
    "Corvane paid $40m for the Lindqvist software firm, its chief executive said on Monday. "
    "Analysts said the price was high for a firm with 60 staff.\n\n"
    "Corvane makes accounting programs for small shops in northern Europe."
)


def test_sentences_leave_out_headings_and_fold_space() -> None:
    assert split_sentences("Short title\n\nThe  firm\u00a0said it would  grow fast. Done.") == [
        "The firm said it would grow fast."
    ]
    assert len(split_sentences(ARTICLE)) == 3


def test_gold_evidence_is_the_positive_and_everything_else_a_negative() -> None:
    q = {
        "question": "How much did Corvane pay for Lindqvist?",
        "answerable": True,
        "evidence_groups": [[{"doc_id": "x", "text": "Corvane paid $40m for the Lindqvist"}]],
    }
    cited = ["Analysts said the price was high for a firm with 60 staff.", "Elsewhere, it rained."]
    pairs = dict(question_pairs(q, split_sentences(ARTICLE), cited, random.Random(0)))
    gold = "Corvane paid $40m for the Lindqvist"
    assert pairs[gold] == 1
    # the article's own sentence holding the evidence is no negative
    assert not any(s.startswith("Corvane paid") and y == 0 for s, y in pairs.items())
    assert pairs["Analysts said the price was high for a firm with 60 staff."] == 0
    assert pairs["Elsewhere, it rained."] == 0
    assert sum(pairs.values()) == 1


def test_an_eligible_candidate_is_positive_when_it_states_the_answer() -> None:
    q = {
        "question": "How much did Corvane pay for Lindqvist?",
        "answerable": True,
        "answer_contains": ["$40m"],
        "evidence_groups": [[{"doc_id": "x", "text": "Corvane paid $40m for the Lindqvist"}]],
    }
    other = "Analysts said the $40M  price for Lindqvist was high."
    wrong = "Corvane makes accounting programs for small shops in northern Europe."
    pairs = dict(question_pairs(q, [], [], random.Random(0), [other, wrong]))
    assert pairs == {"Corvane paid $40m for the Lindqvist": 1, fold(other): 1, wrong: 0}
    # a near-miss has no answer to state
    assert not states_answer(other, {**q, "answerable": False})


def test_a_near_miss_has_no_positive() -> None:
    q = {"question": "How many staff did Corvane have?", "answerable": False}
    pairs = question_pairs(q, split_sentences(ARTICLE), [], random.Random(0))
    assert pairs and all(y == 0 for _, y in pairs)


def test_set_numbers_put_dev_sets_in_training() -> None:
    assert set_number("probe17") == 17
    assert set_number("dev_bbc") == 0
    # any other set is never a training set
    assert set_number("holdout") is None
    assert set_number("probe54b") is None


def test_trade_off_counts_a_gated_answer_as_refused() -> None:
    rows: list[dict[str, Any]] = [
        {"answerable": True, "correct": True, "refused": False, "p": 0.9},
        {"answerable": True, "correct": True, "refused": False, "p": 0.04},
        {"answerable": True, "correct": False, "refused": True, "p": None},
        {"answerable": False, "correct": False, "refused": False, "p": 0.3},
        {"answerable": False, "correct": True, "refused": True, "p": None},
    ]
    assert trade_off(rows, 0.0) == {"accuracy": 2 / 3, "refusal": 0.5, "false_refusal": 1 / 3}
    assert trade_off(rows, 0.5) == {"accuracy": 1 / 3, "refusal": 1.0, "false_refusal": 2 / 3}


def test_sets_upto_reproduces_the_pairs_made_before_later_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The negatives are drawn in one random sequence over the sets, so a set added later
    shifts the draws of the sets after it; ``upto`` leaves the later probe sets out and gives
    the pairs made when only the earlier ones existed (how the shipped model's pairs are
    reproduced: MODEL.md)."""

    def question_set(name: str, doc: str, evidence: str, qid: str) -> Path:
        question = {
            "id": qid,
            "question": "What did the firm report for the quarter?",
            "answerable": True,
            "gold_docs": [doc],
            "answer_contains": [],
            "evidence_groups": [[{"doc_id": doc, "text": evidence}]],
        }
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps(question) + "\n", encoding="utf-8")
        return path

    profits = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn"
    dollar = "The dollar has hit its highest level against the euro in almost three months"
    probe1 = question_set("probe1", "business/001", profits, "a1")
    probe2 = question_set("probe2", "business/002", dollar, "b1")
    dev = question_set("dev_x", "business/001", profits, "d1")

    monkeypatch.setattr(answer_model, "QUESTION_SETS", [probe1, dev])
    before = answer_model.build_pairs([])
    monkeypatch.setattr(answer_model, "QUESTION_SETS", [probe1, probe2, dev])
    later = answer_model.build_pairs([])
    assert {p["set"] for p in later} == {"probe1", "probe2", "dev_x"}
    # the later set shifts the dev set's random negatives (why the option exists)
    assert [p for p in later if p["set"] == "dev_x"] != [p for p in before if p["set"] == "dev_x"]
    assert answer_model.build_pairs([], upto=1) == before


def test_the_check_budget_is_set_and_zero_lifts_it(tmp_path: Path) -> None:
    """``ask --max-sentences`` and the ``candidates`` step: a budget as given, 0 as no limit
    (every sentence a lead is chosen from)."""
    from service.config import Settings

    settings = Settings(_env_file=None, chroma_path=tmp_path, llm_provider="extractive")
    assert answer_model.with_check_budget(settings, 3).answer_check_max_sentences == 3
    lifted = answer_model.with_check_budget(settings, 0)
    assert lifted.answer_check_max_sentences == settings.answer_candidates
    assert settings.answer_check_max_sentences == 5  # the given settings are not changed


def corvane_set(tmp_path: Path, qid: str, evidence: str) -> Path:
    """A one-question set ``probe1`` asking Corvane's price, ``evidence`` its gold sentence
    in ``business/001``."""
    question = {
        "id": qid,
        "question": "How much did Corvane pay for Lindqvist?",
        "answerable": True,
        "gold_docs": ["business/001"],
        "answer_contains": ["$40m"],
        "evidence_groups": [[{"doc_id": "business/001", "text": evidence}]],
    }
    path = tmp_path / "probe1.jsonl"
    path.write_text(json.dumps(question) + "\n", encoding="utf-8")
    return path


def test_pairs_read_each_sentence_with_its_articles_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pairs --titles``: a candidate with the title the ``candidates`` step recorded, the
    gold article's sentences with their article's title (``service.answer_check.pair_text``,
    as the service reads them); without it, the sentence alone. An older candidates file (the
    sentence alone) is still read."""
    evidence = "Corvane paid $40m for the Lindqvist software firm, its chief executive said."
    path = corvane_set(tmp_path, "t1", evidence)
    other = "Lindqvist shares rose 5% on the news of the $40m sale to Corvane on Monday."
    cand = tmp_path / "cand.json"
    cand.write_text(json.dumps({"probe1/t1": [["Deal done", other]]}), encoding="utf-8")
    monkeypatch.setattr(answer_model, "QUESTION_SETS", [path])
    monkeypatch.setattr(answer_model, "_article_files", lambda: {})

    titled = answer_model.build_pairs([], cand, titles=lambda doc: f"Title of {doc}")
    assert {(p["s"], p["y"]) for p in titled} == {
        (f"Title of business/001 | {evidence}", 1),
        (f"Deal done | {other}", 1),  # it states the answer
    }
    plain = answer_model.build_pairs([], cand)
    assert {(p["s"], p["y"]) for p in plain} == {(evidence, 1), (other, 1)}
    cand.write_text(json.dumps({"probe1/t1": [other]}), encoding="utf-8")
    old = answer_model.build_pairs([], cand, titles=lambda doc: "T")
    assert {p["s"] for p in old} == {f"T | {evidence}", other}  # no title was recorded


def test_titled_pairs_of_article_sentences_and_cited_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The negatives drawn from the gold article read its title, and a quote a dumped answer
    cited reads its own article's title (``pairs --titles --dumps``): no pair a title model
    sees is bare because of where it was drawn from."""
    article = tmp_path / "001.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    evidence = (
        "Corvane paid $40m for the Lindqvist software firm, its chief executive said on Monday."
    )
    path = corvane_set(tmp_path, "t2", evidence)
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    quote = "Rival Hexa said it would not bid for the Swedish software maker this year."
    cited = [{"id": "t2", "citations": [{"doc_id": "business/002", "quote": quote}]}]
    (dumps / "probe1.json").write_text(json.dumps(cited), encoding="utf-8")
    monkeypatch.setattr(answer_model, "QUESTION_SETS", [path])
    monkeypatch.setattr(answer_model, "_article_files", lambda: {"business/001": article})

    pairs = answer_model.build_pairs([dumps], titles=lambda doc: f"Title of {doc}")
    texts = {p["s"]: p["y"] for p in pairs}
    made = "Corvane makes accounting programs for small shops in northern Europe."
    assert texts[f"Title of business/001 | {evidence}"] == 1
    assert texts[f"Title of business/001 | {made}"] == 0  # a sentence of the gold article
    assert texts[f"Title of business/002 | {quote}"] == 0  # a cited quote, its own article
    assert all(" | " in text for text in texts)
