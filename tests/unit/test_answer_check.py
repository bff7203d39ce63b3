"""The learned answerability check (``service.answer_check``) with the packaged model: made-up
question/sentence pairs, none from a question set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.answer_check import (
    AnswerCheck,
    default_model_dir,
    open_answer_check,
    pair_text,
    reads_title,
)
from service.config import Settings
from service.errors import ConfigurationError
from service.evidence import Sentence


def said(text: str, title: str = "") -> Sentence:
    """An evidence sentence (what the service's seams pass the check)."""
    return Sentence("doc", title, None, "doc#0", 0, len(text), text)


@pytest.fixture(scope="module")
def check() -> AnswerCheck:
    return AnswerCheck(default_model_dir(), threshold=0.2)


def test_a_sentence_stating_the_asked_fact_is_admitted(check: AnswerCheck) -> None:
    question = "Which city will host the final of the tour?"
    assert check.admits(question, said("The tour's final will be held in Sydney in March."))
    capital = said("Canberra is the capital of Australia.")
    assert check.admits("What is the capital of Australia?", capital)


def test_a_sentence_on_another_event_of_the_story_is_not(check: AnswerCheck) -> None:
    """The near-miss the lexical rules let through: the tour's opening city for its final."""
    question = "Which city will host the final of the tour?"
    stated = check.probability(question, "The tour's final will be held in Sydney in March.")
    other = check.probability(
        question, "The tour opens in Perth on 3 January with a first-leg match."
    )
    assert other < check.threshold < stated


def test_a_sentence_only_about_the_subject_is_not(check: AnswerCheck) -> None:
    assert not check.admits(
        "How much did Microsoft pay to acquire Tencent's AI unit?",
        said(
            "Currently, Microsoft provides more than twenty AI products in the People's "
            "Republic of China."
        ),
    )


def test_probabilities_are_cached_and_stable(check: AnswerCheck) -> None:
    q, s = "Who directed the film?", "The film was directed by Mike Leigh."
    first = check.probability(q, s)
    assert 0.0 <= first <= 1.0
    assert check.probability(q, s) == first


def test_threshold_zero_turns_the_check_off() -> None:
    assert open_answer_check(Settings(answer_check_threshold=0.0)) is None
    check = open_answer_check(
        Settings(answer_check_threshold=0.2, answer_check_paraphrase_threshold=0.8)
    )
    assert isinstance(check, AnswerCheck)
    assert (check.threshold, check.paraphrase_threshold) == (0.2, 0.8)


def test_a_paraphrase_is_vouched_for_only_at_its_own_threshold() -> None:
    """``vouches``: the probability must reach the paraphrase threshold (higher than the
    check's own), and never passes when that threshold is 0 (off)."""
    q = "How long does the headset's battery last?"
    s = said("A single AAA battery is said to last up to 30 hours.")
    strict = AnswerCheck(default_model_dir(), threshold=0.2, paraphrase_threshold=0.9)
    p = strict.probability(q, s.text)
    assert strict.admits(q, s) and p > 0.2
    assert strict.vouches(q, s) is (p >= 0.9)
    loose = AnswerCheck(default_model_dir(), threshold=0.2, paraphrase_threshold=p)
    assert loose.vouches(q, s)
    off = AnswerCheck(default_model_dir(), threshold=0.2, paraphrase_threshold=0.0)
    assert not off.vouches(q, s)
    assert off.vouch is None and strict.vouch is not None  # the seam: off is no seam at all
    unrelated = said("The band's new album is out in March.")
    assert not loose.vouches(q, unrelated) and loose.rates(q, unrelated) < p
    # a pair the check admits but does not vouch for (the lead actor for the director: ~0.24)
    lenient = AnswerCheck(default_model_dir(), threshold=0.1, paraphrase_threshold=0.9)
    actor = (
        "Who directed Vera Drake?",
        said("Imelda Staunton plays Vera Drake, a backstreet nurse."),
    )
    assert 0.1 <= lenient.rates(*actor) < 0.9
    assert lenient.admits(*actor) and not lenient.vouches(*actor)


def test_a_folder_without_the_model_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"model\.onnx"):
        open_answer_check(Settings(answer_check_threshold=0.2, answer_check_path=tmp_path))


def test_a_file_that_is_not_the_model_is_a_configuration_error(tmp_path: Path) -> None:
    """A git-LFS pointer (or any other non-ONNX file) in place of the model: one clear error
    at start, not onnxruntime's traceback."""
    (tmp_path / "model.onnx").write_text("version https://git-lfs.github.com/spec/v1\n")
    (tmp_path / "tokenizer.json").write_bytes((default_model_dir() / "tokenizer.json").read_bytes())
    with pytest.raises(ConfigurationError, match="cannot load the check"):
        AnswerCheck(tmp_path, threshold=0.2)


def test_the_pair_reads_the_title_only_for_a_model_trained_with_it() -> None:
    s, title = "The final will be held in Sydney.", "Tour final moves"
    assert (
        pair_text(s, title, reads_title=True)
        == "Tour final moves | The final will be held in Sydney."
    )
    assert pair_text(s, title, reads_title=False) == s
    assert pair_text(s, "  ", reads_title=True) == s  # an article without a title


def test_the_model_folder_says_what_it_reads(tmp_path: Path) -> None:
    """``check.json``: none is the sentence alone (the first models); "title | sentence" reads
    the title; anything else is one clear error at start."""
    assert not reads_title(tmp_path)
    (tmp_path / "check.json").write_text(json.dumps({"input": "title | sentence"}))
    assert reads_title(tmp_path)
    (tmp_path / "check.json").write_text(json.dumps({"input": "sentence"}))
    assert not reads_title(tmp_path)
    (tmp_path / "check.json").write_text(json.dumps({"input": "summary"}))
    with pytest.raises(ConfigurationError, match="summary"):
        reads_title(tmp_path)
    (tmp_path / "check.json").write_text("{not json")
    with pytest.raises(ConfigurationError, match=r"check\.json is not JSON"):
        reads_title(tmp_path)
    # a misspelt key is not read as "the sentence alone"
    (tmp_path / "check.json").write_text(json.dumps({"inputs": "title | sentence"}))
    with pytest.raises(ConfigurationError, match="must give an input"):
        reads_title(tmp_path)


def test_a_bad_model_description_fails_at_start(tmp_path: Path) -> None:
    """The check is built once, at start: a ``check.json`` it cannot read stops it there
    with what to write, not on every question."""
    for name in ("model.onnx", "tokenizer.json"):
        (tmp_path / name).symlink_to(default_model_dir() / name)
    (tmp_path / "check.json").write_text(json.dumps({"input": "headline"}))
    with pytest.raises(ConfigurationError, match=r"title \| sentence"):
        AnswerCheck(tmp_path, threshold=0.2)
    with pytest.raises(ConfigurationError, match="headline"):
        open_answer_check(Settings(answer_check_threshold=0.2, answer_check_path=tmp_path))


def test_a_title_model_reads_the_evidence_sentence_with_its_title(tmp_path: Path) -> None:
    """The same network told (``check.json``) it was trained with titles reads "{title} |
    {sentence}": what the seams pass (``rates``, ``admits``) is scored as that pair."""
    for name in ("model.onnx", "tokenizer.json"):
        (tmp_path / name).symlink_to(default_model_dir() / name)
    (tmp_path / "check.json").write_text(json.dumps({"input": "title | sentence"}))
    titled = AnswerCheck(tmp_path, threshold=0.2)
    plain = AnswerCheck(default_model_dir(), threshold=0.2)
    assert titled.reads_title and not plain.reads_title
    q = "Who directed the film?"
    s = said("He said the shoot had taken two years.", title="Mike Leigh wins Golden Lion")
    with_title = plain.probability(q, "Mike Leigh wins Golden Lion | " + s.text)
    assert titled.rates(q, s) == pytest.approx(with_title)
    assert plain.rates(q, s) == pytest.approx(plain.probability(q, s.text))
    assert titled.rates(q, s) != pytest.approx(plain.rates(q, s))  # the title was read
    # ``admits`` compares the titled probability: at a threshold between the two
    # probabilities, the titled check and the plain one decide differently
    bar = (titled.rates(q, s) + plain.rates(q, s)) / 2
    titled.threshold = plain.threshold = bar
    assert titled.admits(q, s) is (titled.rates(q, s) > bar)
    assert plain.admits(q, s) is not titled.admits(q, s)
