"""The claim-support metric of ``python -m eval`` (eval/claims.py): pure logic, no service."""

from __future__ import annotations

from eval.claims import judge_answer, judge_sentence, names, split_sentences

QUOTE = (
    "The hospital group agreed to buy two clinics in Leeds from Northcare for £42m, "
    "its chief executive Anna Berg said on Tuesday."
)
QUESTION = "How much is the hospital group paying for the Leeds clinics?"


def test_sentences_are_split_at_marker_runs() -> None:
    answer = "First claim here. [1] Second one [2][3]. Uncited opener. Closing claim [1] Trailing"
    assert split_sentences(answer) == [
        ("First claim here.", [1]),
        ("Second one", [2, 3]),
        ("Uncited opener.", []),
        ("Closing claim", [1]),
        ("Trailing", []),
    ]


def test_names_are_capitalised_words_after_the_first() -> None:
    assert names("The deal was signed by Anna Berg in Leeds.") == ["Anna", "Berg", "Leeds"]
    assert names("Northcare's clinics") == []


def test_a_faithful_sentence_is_backed() -> None:
    verdict = judge_sentence(
        "The hospital group is buying the two Leeds clinics for £42m.", [1], {1: QUOTE}, QUESTION
    )
    assert verdict.backed, verdict.reason


def test_an_uncited_sentence_is_not_backed() -> None:
    verdict = judge_sentence("The group pays £42m.", [], {1: QUOTE}, QUESTION)
    assert not verdict.backed and verdict.reason == "cites nothing"
    # A marker that names no citation of the answer cites nothing either.
    assert not judge_sentence("The group pays £42m.", [4], {1: QUOTE}, QUESTION).backed


def test_a_changed_number_is_not_backed() -> None:
    verdict = judge_sentence("The group pays £24m for the clinics.", [1], {1: QUOTE}, QUESTION)
    assert not verdict.backed and "numbers" in verdict.reason


def test_a_swapped_in_name_is_not_backed() -> None:
    verdict = judge_sentence(
        "Chief executive Tom Hale said the group pays £42m.", [1], {1: QUOTE}, QUESTION
    )
    assert not verdict.backed and "Tom" in verdict.reason


def test_invented_content_words_are_not_backed() -> None:
    verdict = judge_sentence(
        "The hospital group has been investing heavily in research and robotic surgery.",
        [1],
        {1: QUOTE},
        QUESTION,
    )
    assert not verdict.backed and "content words" in verdict.reason


def test_question_words_count_for_coverage_but_not_for_names() -> None:
    # "paying" comes from the question: allowed for coverage.
    assert judge_sentence("The group is paying £42m.", [1], {1: QUOTE}, QUESTION).backed
    # A name only the question has is not backed by the quote.
    verdict = judge_sentence(
        "Northcare sells to Mediclin for £42m.", [1], {1: QUOTE}, "Did Mediclin buy them?"
    )
    assert not verdict.backed


def test_judge_answer_uses_each_sentence_s_own_quotes() -> None:
    answer = {
        "answer": "The group pays £42m. [1] Anna Berg announced it on Tuesday. [1] "
        "Shares rose 5%. [2]",
        "citations": [
            {"marker": 1, "quote": QUOTE},
            {"marker": 2, "quote": "Shares in the group rose 3% in London trading."},
        ],
    }
    verdicts = judge_answer(answer, QUESTION)
    assert [v.backed for v in verdicts] == [True, True, False]


def test_a_full_stop_its_quote_holds_ends_no_sentence() -> None:
    quote = "Norvale frontman J. Hale said the console is fast."
    answer = "Norvale frontman J. Hale said the console is fast. [1] Mr. Reid agreed. [2]"
    assert split_sentences(answer, [quote, "Mr. Reid agreed."]) == [
        ("Norvale frontman J. Hale said the console is fast.", [1]),
        ("Mr. Reid agreed.", [2]),
    ]
    verdicts = judge_answer(
        {
            "answer": answer,
            "citations": [
                {"marker": 1, "quote": quote},
                {"marker": 2, "quote": "Mr. Reid agreed."},
            ],
        },
        "What did the Norvale frontman say?",
    )
    assert [v.backed for v in verdicts] == [True, True]
    # a full stop no quote holds still ends a sentence: an uncited one is not backed
    uncited = {
        "answer": "Ann Reid vetoed Plan B. Jo Hale agreed. [1]",
        "citations": [{"marker": 1, "quote": "Jo Hale agreed."}],
    }
    verdicts = judge_answer(uncited, "Who agreed?")
    assert [(v.sentence, v.backed) for v in verdicts] == [
        ("Ann Reid vetoed Plan B.", False),
        ("Jo Hale agreed.", True),
    ]


def test_a_name_is_a_whole_word_of_its_quote() -> None:
    quote = "Norvale's rating is now one notch below investment grade, which starts at 'BBB-'."
    assert judge_sentence(quote, [1], {1: quote}, "What rating does Norvale have?").backed
    assert not judge_sentence(
        "Norvale's rating is now 'BB+'.", [1], {1: quote}, "What rating does Norvale have?"
    ).backed
    said = "Mr Muñoz said the port would reopen."
    assert judge_sentence(said, [1], {1: said}, "What did he say?").backed
    assert not judge_sentence(
        said, [1], {1: "Mr Muñiz said the port would reopen."}, "What did he say?"
    ).backed


def test_a_titles_full_stop_ends_no_sentence_though_its_quote_has_none() -> None:
    """ "Mr. Myers has admitted …" for a quote's "Mr Myers has admitted …" (the local model
    writes the American title): one sentence, backed — not "Mr." citing nothing."""
    quote = "Mr Myers has admitted that he ordered false accounting entries."
    answer = {
        "answer": "Mr. Myers has admitted that he ordered false accounting entries. [1]",
        "citations": [{"marker": 1, "quote": quote}],
    }
    verdicts = judge_answer(answer, "What has Mr Myers admitted?")
    assert [(v.sentence, v.backed) for v in verdicts] == [
        ("Mr. Myers has admitted that he ordered false accounting entries.", True)
    ]
