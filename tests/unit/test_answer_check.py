"""The learned answerability check (``service.answer_check``) with the packaged model: made-up
question/sentence pairs, none from a question set."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.answer_check import AnswerCheck, default_model_dir, open_answer_check
from service.errors import ConfigurationError


@pytest.fixture(scope="module")
def check() -> AnswerCheck:
    return AnswerCheck(default_model_dir(), threshold=0.2)


def test_a_sentence_stating_the_asked_fact_is_admitted(check: AnswerCheck) -> None:
    question = "Which city will host the final of the tour?"
    assert check.admits(question, "The tour's final will be held in Sydney in March.")
    capital = "Canberra is the capital of Australia."
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
        "Currently, Microsoft provides more than twenty AI products in the People's Republic "
        "of China.",
    )


def test_probabilities_are_cached_and_stable(check: AnswerCheck) -> None:
    q, s = "Who directed the film?", "The film was directed by Mike Leigh."
    first = check.probability(q, s)
    assert 0.0 <= first <= 1.0
    assert check.probability(q, s) == first


def test_threshold_zero_turns_the_check_off() -> None:
    assert open_answer_check(0.0, None) is None
    assert isinstance(open_answer_check(0.2, None), AnswerCheck)


def test_a_folder_without_the_model_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"model\.onnx"):
        open_answer_check(0.2, tmp_path)


def test_a_file_that_is_not_the_model_is_a_configuration_error(tmp_path: Path) -> None:
    """A git-LFS pointer (or any other non-ONNX file) in place of the model: one clear error
    at start, not onnxruntime's traceback."""
    (tmp_path / "model.onnx").write_text("version https://git-lfs.github.com/spec/v1\n")
    (tmp_path / "tokenizer.json").write_bytes((default_model_dir() / "tokenizer.json").read_bytes())
    with pytest.raises(ConfigurationError, match="cannot load the check"):
        AnswerCheck(tmp_path, threshold=0.2)
