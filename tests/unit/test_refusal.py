"""Why a refusal, for a reader (service/refusal.py): pure, no index, no HTTP."""

from __future__ import annotations

from service.answerability import question_focus
from service.refusal import NOTHING_FOUND, NOTHING_FOUND_FILTERED, explain_refusal

PASSAGE = (
    "Valmora Dam deal signed\n"
    "The Three Gorges Corporation signed a deal to build the Valmora dam in 2004. "
    "It said the dam would supply power to 3 million homes."
)


def test_nothing_retrieved_says_so_and_blames_the_filters_when_there_were_some() -> None:
    focus = question_focus("How much did the Xiluodu dam cost?", None)
    assert explain_refusal(focus, []) == NOTHING_FOUND
    assert explain_refusal(focus, [], filtered=True) == NOTHING_FOUND_FILTERED


def test_a_name_no_passage_mentions_is_named() -> None:
    focus = question_focus("How much did the Xiluodu dam on the Jinshajiang cost?", None)
    reason = explain_refusal(focus, [PASSAGE])
    assert reason.startswith("None of the passages found mentions")
    assert "Xiluodu" in reason and "Jinshajiang" in reason
    # a name the passages do mention is not listed
    focus = question_focus("How much did Three Gorges pay for the Xiluodu dam?", None)
    reason = explain_refusal(focus, [PASSAGE])
    assert "Xiluodu" in reason and "Three Gorges" not in reason


def test_a_year_or_a_quoted_phrase_the_passages_lack_is_named() -> None:
    focus = question_focus("What did the Valmora dam cost in 2006?", None)
    assert "“2006”" in explain_refusal(focus, [PASSAGE])
    focus = question_focus('Who called the Valmora dam "a folly"?', None)
    assert "a folly" in explain_refusal(focus, [PASSAGE])


def test_the_names_found_without_the_fact_are_told_as_found() -> None:
    # every name is there (the last word of a name, or its initials, is enough)
    focus = question_focus("How much did Three Gorges pay to build the Valmora dam?", None)
    assert explain_refusal(focus, [PASSAGE]) == (
        "The passages found mention what the question names, but no sentence in them states "
        "what it asks for."
    )
    # no names: the passages are only close
    focus = question_focus("how much did the dam cost to build?", None)
    assert explain_refusal(focus, [PASSAGE]).startswith("The passages found are close")


def test_many_missing_names_are_listed_briefly() -> None:
    focus = question_focus(
        "Did Ana Ruiz, Tom Field, Jo Hale and Mia Holt visit the Valmora dam?", None
    )
    reason = explain_refusal(focus, [PASSAGE])
    assert reason.endswith("and others.") and reason.count("“") == 3
