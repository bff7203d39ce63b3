"""Why a refusal, for a reader (service/refusal.py): pure, no index, no HTTP."""

from __future__ import annotations

import pytest

from service.answerability import question_focus
from service.refusal import NAMES_FOUND, NOTHING_FOUND, NOTHING_FOUND_FILTERED, explain_refusal
from service.schemas import Passage

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


# A reason must be true of the passages: a name is said to be missing only when no
# passage holds any trace of it, found only when every one is there as written.


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("What did the U.S. say about the tariffs?", "The United States said the tariffs stay."),
        ("What did the IMF forecast?", "The International Monetary Fund cut its forecast."),
        ("How many goals did Pelé score?", "Pele scored freely for Santos."),
        ("What happened in Zurich on Monday?", "Police in Zürich cleared a camp on Monday."),
        ("Which Coca-Cola executive resigned?", "The CocaCola Company said an executive quit."),
        ("How did the firm grow in the 1990s?", "In the 1990s the firm opened shops."),
        ("What were Acme's profits in 2004?", "Acme reported FY2004 profits of $3m."),
        ('Who said "we won\'t back down"?', "“We won’t back down,” the leader said."),
        ('Who called it "a total disaster."?', "The minister called it a total\ndisaster."),
        ("Given the war in Ukraine, how did gas prices move?", "Gas prices in Ukraine rose."),
        ("Why Did Tesla Stock Fall In March?", "Tesla shares fell in March."),
    ],
)
def test_nothing_the_passages_mention_is_said_to_be_missing(question: str, passage: str) -> None:
    reason = explain_refusal(question_focus(question, None), [f"Title\n{passage}"])
    assert not reason.startswith("None of the passages found mentions"), reason


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("Did Isaac Newton visit Trinity College?", "Students in Cambridge visit Trinity College."),
        ("What did Alex Smith say about the Dolphins?", "The Dolphins signed him as a backup."),
        ("What did John Smith say about Acme?", "Will Smith said nothing about Acme."),
        ("What did Washington decide on sanctions?", "Sales of washing machines rose."),
        ("What did the U.S. say about Boeing's subsidies?", "Boeing's subsidies were criticised."),
        ("What did General Motors say about tariffs?", "Ford Motors said tariffs hurt."),
    ],
)
def test_names_are_said_found_only_when_they_are(question: str, passage: str) -> None:
    reason = explain_refusal(question_focus(question, None), [f"Title\n{passage}"])
    assert not reason.startswith(NAMES_FOUND), reason


def test_a_question_nothing_is_close_to_is_told_so_unless_a_name_is_missing() -> None:
    from service.refusal import OFF_TOPIC, ONLY_CLOSE

    focus = question_focus("What does the dam project cost?", None)
    assert explain_refusal(focus, [PASSAGE]) != OFF_TOPIC
    assert explain_refusal(focus, [PASSAGE], off_topic=True) == OFF_TOPIC
    # with filters, only the articles they allow are said to hold nothing close (review62)
    from service.refusal import OFF_TOPIC_FILTERED

    assert explain_refusal(focus, [PASSAGE], off_topic=True, filtered=True) == OFF_TOPIC_FILTERED
    assert OFF_TOPIC != ONLY_CLOSE  # "close" would be false of such passages
    # a missing name is still the more precise reason
    focus = question_focus("How much did the Xiluodu dam cost?", None)
    assert "Xiluodu" in explain_refusal(focus, [PASSAGE], off_topic=True)


def _passage(score: float) -> Passage:
    return Passage(
        passage_id=f"p{score}",
        doc_id="d",
        title="t",
        published=None,
        start=0,
        end=1,
        text="x",
        score=score,
    )


def test_off_topic_reads_the_best_passage_against_the_floor() -> None:
    from service.answering import off_topic

    assert off_topic([_passage(0.1), _passage(0.21)], 0.23)
    assert not off_topic([_passage(0.1), _passage(0.23)], 0.23)  # the floor itself is close
    assert not off_topic([_passage(0.1)], 0.0)  # 0 turns it off
    assert not off_topic([], 0.23)  # nothing retrieved has its own reason (the filters)


def test_a_rare_name_a_passage_holds_keeps_a_question_far_in_cosine() -> None:
    """probe76 ss21: "what group does sundar katwala work for", in lower case, names no one
    for the rules and was refused as off topic (its passage at cosine 0.16); a name few chunks
    hold, written as a name in them, and held by a retrieved passage, keeps it. Rare common
    words do not ("recipe", "tea": offtopic questions), nor a name no passage holds."""
    from service.answerability import TermStats
    from service.answering import holds_a_rare_name

    chunks = [f"Prices rose again in the markets on day {i}, traders said." for i in range(20)]
    chunks += [
        "The Fabian Society's Sundar Katwala said the change was long overdue.",
        "A recipe for tea was read out, and the tea was cold.",
    ]
    stats = TermStats(lambda: chunks)
    assert stats.is_rare_name("katwala") and stats.is_rare_name("Katwala")
    assert not stats.is_rare_name("tea") and not stats.is_rare_name("recipe")
    assert not stats.is_rare_name("prices") and not stats.is_rare_name("Zanzibar")

    def passage(text: str) -> Passage:
        return Passage(
            passage_id="p",
            doc_id="d",
            title="t",
            published=None,
            start=0,
            end=1,
            text=text,
            score=0.1,
        )

    katwala = [passage(chunks[20])]
    assert holds_a_rare_name(katwala, "what group does sundar katwala work for", stats)
    assert not holds_a_rare_name([passage(chunks[21])], "How do I make a cup of tea?", stats)
    assert not holds_a_rare_name([passage(chunks[0])], "Who is Sundar Katwala?", stats)
