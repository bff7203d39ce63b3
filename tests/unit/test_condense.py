"""The rewrite of a follow-up without a model (``heuristic_condense``): pure."""

from __future__ import annotations

import pytest

from service.llm.base import Turn, heuristic_condense


@pytest.mark.parametrize(
    ("previous", "follow_up", "standalone"),
    [
        # a day of the week moves the question's day, never a name ("Who did Tuesday meet?")
        (
            "Who did Brad Smith meet on Monday?",
            "What about Tuesday?",
            "Who did Brad Smith meet on Tuesday?",
        ),
        (
            "Who did Brad Smith meet in China?",
            "What about on Friday?",
            "Who did Brad Smith meet in China on Friday?",
        ),
        (
            "Who scored in last Sunday's match against Arsenal?",
            "And what about Saturday?",
            "Who scored in Saturday's match against Arsenal?",
        ),
        ("Who scored at the weekend?", "What about Monday?", "Who scored on Monday?"),
        ("Who won on Monday?", "What about at the weekend?", "Who won at the weekend?"),
        # a time moves the time, never a name (review61: "Who won the 1988?")
        (
            "Who won the Australian Open?",
            "What about 1988?",
            "Who won the Australian Open in 1988?",
        ),
        (
            "Who won the Australian Open in 2004?",
            "What about 1988?",
            "Who won the Australian Open in 1988?",
        ),
        (
            "Which Tesla executive travelled to China this year?",
            "What about last year?",
            "Which Tesla executive travelled to China last year?",
        ),
        (
            "How much did the 2004 film take?",
            "And what about 2005?",
            "How much did the 2005 film take?",
        ),
        ("Who won the title in 2004?", "What about the 1990s?", "Who won the title in the 1990s?"),
        (
            "How many seats did UKIP win?",
            "What about in March 2004?",
            "How many seats did UKIP win in March 2004?",
        ),
        # (review62) a decade after "in the", a month keeping its year, a step from the year
        (
            "What was said in the 1990s about the euro?",
            "What about the 1980s?",
            "What was said in the 1980s about the euro?",
        ),
        (
            "Who won the March 2004 by-election?",
            "What about May?",
            "Who won the May 2004 by-election?",
        ),
        (
            "What did Apple sell in March 2004?",
            "What about May?",
            "What did Apple sell in May 2004?",
        ),
        ("What did sales do in 2004?", "What about May?", "What did sales do in May 2004?"),
        (
            "What did Apple sell in June 2004?",
            "What about July?",
            "What did Apple sell in July 2004?",
        ),
        (
            "What did the company earn in 2004?",
            "What about the year before?",
            "What did the company earn in 2003?",
        ),
        ("Who won the Open in 2004?", "What about the previous year?", "Who won the Open in 2003?"),
        (
            "Who won the Open in 2004?",
            "What about the following year?",
            "Who won the Open in 2005?",
        ),
        (
            "Who won the title in 2004?",
            "What about the early 1990s?",
            "Who won the title in the early 1990s?",
        ),
        # a name still replaces the last named place, or the first name
        (
            "Who did Brad Smith meet in China?",
            "What about Shanghai?",
            "Who did Brad Smith meet in Shanghai?",
        ),
        (
            "Which Tesla executive travelled to China this year?",
            "What about Apple?",
            "Which Apple executive travelled to China this year?",
        ),
        # a name takes the place of a name of its kind: a person's two words for a person's,
        # a firm for a firm rather than the country; a country for the place
        (
            "Who did Brad Smith meet in Beijing?",
            "What about Wang Wentao?",
            "Who did Wang Wentao meet in Beijing?",
        ),
        (
            "How much did Microsoft earn in China?",
            "What about Apple?",
            "How much did Apple earn in China?",
        ),
        (
            "How much did Microsoft earn in China?",
            "What about Japan?",
            "How much did Microsoft earn in Japan?",
        ),
        (
            "Who did Brad Smith meet in Beijing?",
            "What about Hong Kong?",
            "Who did Brad Smith meet in Hong Kong?",
        ),
    ],
)
def test_what_about(previous: str, follow_up: str, standalone: str) -> None:
    assert heuristic_condense([Turn(previous, "An answer. [1]")], follow_up) == standalone


@pytest.mark.parametrize(
    ("turns", "follow_up", "standalone"),
    [
        # review63: a question with a name of its own and no pronoun stands alone (it was
        # glued to the previous one and refused: "None of the passages found mentions …")
        (
            ["When did Microsoft start offering public cloud in China?"],
            "Who bought Yuganskneftegaz?",
            "Who bought Yuganskneftegaz?",
        ),
        # a question leaning on a pronoun asks its own thing, with the previous names as
        # context (glued after the previous question, it was read as "how many" and answered
        # with the previous answer)
        (
            ["How many AI products does Microsoft provide in China?"],
            "When did it start offering public cloud there?",
            "When did it start offering public cloud there? "
            "(AI, Microsoft, China, products, provide)",
        ),
        (
            ["Who is Nike's chairman and chief executive?"],
            "What did he say about China?",
            "What did he say about China? (Nike, chairman, executive)",
        ),
        # the subject of the first turn reaches the third (only the last question was read)
        (
            [
                "Who did Microsoft President Brad Smith meet in China?",
                "What did they discuss?",
                "And in Shanghai?",
            ],
            "Who is he?",
            "Who is he? (Microsoft President Brad Smith, China, Shanghai, discuss)",
        ),
        # "what about" something that is not a name replaces no name ("How much profit did
        # revenue post …?", "Who won the the women's title men's title?")
        (
            ["How much profit did Nike post for the three months to 30 November?"],
            "What about revenue?",
            "How much profit did Nike post for the three months to 30 November? "
            "What about revenue?",
        ),
        (
            ["Who won the Australian Open men's title?"],
            "What about the women's title?",
            "Who won the Australian Open men's title? What about the women's title?",
        ),
        # review64: "what about" a name after a follow-up with context stands for its first
        # name (it made up "Brad Bill Gates"); a follow-up's context keeps years and long words
        (
            ["Who did Brad Smith meet in China?", "What did he say?"],
            "What about Bill Gates?",
            "What did he say? (Bill Gates, China)",
        ),
        (
            ["Who won the Australian Open in 2004?"],
            "Who did he beat?",
            "Who did he beat? (Australian Open, 2004)",
        ),
        (
            ["How much did the UK pledge for the tsunami victims?"],
            "When did it happen?",
            "When did it happen? (UK, pledge, tsunami, victims)",
        ),
        # (a bare name is a fragment: "what about" it)
        (
            ["Which Tesla executive travelled to China?"],
            "Apple?",
            "Which Tesla executive travelled to China? Apple?",
        ),
        # fragments are still searched with the previous question
        (
            ["Who won the Australian Open in 2004?"],
            "Why?",
            "Who won the Australian Open in 2004? Why?",
        ),
    ],
)
def test_conversation(turns: list[str], follow_up: str, standalone: str) -> None:
    """(and only the last three turns are read: the query does not grow with the history)"""
    history = [Turn(q, "An answer. [1]") for q in turns]
    assert heuristic_condense(history, follow_up) == standalone


def test_no_history_no_rewrite() -> None:
    assert heuristic_condense([], "What about 1988?") == "What about 1988?"


def test_a_model_rewrite_must_keep_what_the_follow_up_asks() -> None:
    """review63: SmolLM2 rewrote "What did he say about China?" as the earlier question with
    the answer's name in it; such a rewrite is dropped for the rule's."""
    from service.llm.base import keeps_the_question

    assert not keeps_the_question(
        "What did he say about China?", "Who is Philip Knight's chairman and chief executive?"
    )
    assert keeps_the_question(
        "What did he say about China?", "What did Philip Knight say about China?"
    )
    assert keeps_the_question("And in Shanghai?", "Who did Brad Smith meet in Shanghai?")
    # (review64: a follow-up with no long word let any rewrite through)
    assert not keeps_the_question(
        "What did he say?", "Who is Philip Knight's chairman and chief executive?"
    )
    assert keeps_the_question("What did he say?", "What did Philip Knight say?")


def test_a_long_conversation_gives_a_bounded_query() -> None:
    """review64: the query grew with every turn (~22,000 characters over ten long turns)."""
    turns = [Turn("Why? " + "And what about it? " * 100, "An answer.") for _ in range(10)]
    assert len(heuristic_condense(turns, "And then?")) < 4 * len(turns[0].question)
