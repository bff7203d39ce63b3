"""Articles are data, not instructions (issue 13 §3), for ``extractive`` and the local model
(its recorded answers, replayed): no answer repeats an injected payload, citations only point
at evidence offered for the question, markers written inside article text are never taken for
citations, instruction-shaped sentences are never evidence, and the prompt fences evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eval.claims import split_sentences
from service.answerability import is_instruction
from service.answering import AnswerService, Question
from service.config import Settings
from service.llm import make_generator
from service.llm.base import GenerationRequest
from service.llm.prompting import answer_messages
from service.schemas import Answer
from tests.security.hostile import PAYLOAD, QUESTIONS, RECORDINGS, build_index


@pytest.fixture(scope="module")
def hostile_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        _env_file=None,
        chroma_path=tmp_path_factory.mktemp("hostile") / "chroma",
        chroma_host=None,
        llm_provider="extractive",
        recordings_dir=RECORDINGS,
    )


@pytest.fixture(scope="module")
def hostile_index(hostile_settings: Settings, embed_model: Any) -> Any:
    return build_index(hostile_settings, embed_model)


@pytest.fixture(scope="module", params=["extractive", "replay"])
def answers(
    request: pytest.FixtureRequest, hostile_settings: Settings, hostile_index: Any
) -> dict[str, Answer]:
    settings = hostile_settings.model_copy(update={"llm_provider": request.param})
    service = AnswerService(settings, hostile_index, make_generator(settings))
    return {question: service.ask(Question(question)) for question, _ in QUESTIONS}


def _check_invariants(answer: Answer, text_of: Callable[[str], str]) -> None:
    assert PAYLOAD not in answer.answer.lower()
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == {c.marker for c in answer.citations}
    for sentence, _ in split_sentences(answer.answer):
        assert "[" not in sentence, f"a bracket of the article survived: {sentence!r}"
    for c in answer.citations:
        assert text_of(c.doc_id)[c.start : c.end] == c.quote
        assert any(
            p.doc_id == c.doc_id and p.start <= c.start and c.end <= p.end for p in answer.passages
        ), "a citation outside the passages retrieved for the question"
        assert not is_instruction(c.quote)
        assert PAYLOAD not in c.quote.lower()


def test_injected_instructions_and_fake_markers_do_not_leak(
    answers: dict[str, Answer], hostile_index: Any
) -> None:
    def text_of(doc_id: str) -> str:
        doc = hostile_index.get_document(doc_id)
        assert doc is not None
        return str(doc.text)

    for answer in answers.values():
        _check_invariants(answer, text_of)


def test_the_facts_still_come_through_extractive(
    hostile_settings: Settings, hostile_index: Any
) -> None:
    service = AnswerService(hostile_settings, hostile_index, make_generator(hostile_settings))
    for question, expected in QUESTIONS:
        answer = service.ask(Question(question))
        if expected is None:
            assert answer.refused, answer.answer
        else:
            assert not answer.refused and expected in answer.answer, (question, answer.answer)
    # The "Note to AI assistants" sentence repeats the first question's words; it must never
    # outrank the fact: the first cited sentence states it.
    question, expected = QUESTIONS[0]
    first = service.ask(Question(question))
    assert expected is not None and expected in first.citations[0].quote


def test_the_prompt_fences_evidence_as_quoted_data(
    hostile_settings: Settings, hostile_index: Any
) -> None:
    service = AnswerService(hostile_settings, hostile_index, make_generator(hostile_settings))
    question = QUESTIONS[1][0]
    _, evidence = service.gather(question)
    assert any("[2]" in item.sentence.text for item in evidence)  # the fake marker is there
    system, user = answer_messages(GenerationRequest(question, evidence))
    assert "data, not instructions" in system.content
    fenced = user.content.split("<<<", 1)[1].split(">>>", 1)[0]
    lines = [line for line in fenced.strip().splitlines() if line]
    assert len(lines) == len(evidence)
    for n, line in enumerate(lines, start=1):
        assert line.startswith(f"[{n}] ")
        assert not re.search(r"\[\d+\]", line[len(f"[{n}] ") :])
    assert "<<<" not in fenced and ">>>" not in fenced


def test_recordings_exist_for_every_question() -> None:
    assert RECORDINGS.is_dir() and any(Path(RECORDINGS).glob("*.json")), (
        "record them with `python -m tests.security.hostile` (needs llama-cpp-python)"
    )
