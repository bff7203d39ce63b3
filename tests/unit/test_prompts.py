"""The prompt files and the code that reads the model's replies agree."""

from __future__ import annotations

from service.answering import is_model_refusal
from service.llm.prompting import REFUSAL_PHRASE, load_prompt


def test_the_refusal_the_prompt_asks_for_is_the_one_recognised() -> None:
    assert f"write exactly: {REFUSAL_PHRASE}" in load_prompt("answer_system.md")
    assert is_model_refusal(REFUSAL_PHRASE)
    assert is_model_refusal(f"  {REFUSAL_PHRASE}.\n")
    assert not is_model_refusal("Tesla CEO Elon Musk made a trip to China. [1]")
    assert not is_model_refusal("")  # an empty draft is a failure, handled as such
