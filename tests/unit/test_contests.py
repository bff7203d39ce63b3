"""The match a question names and a result against another opponent (``against_another``)."""

from __future__ import annotations

import pytest

from service.answerability.contests import against_another, asked_opponent

SCORE = "What was the score when Jo Vey knocked top seed Sam Tull out of the Velia Open?"


def test_the_opponent_of_the_match_the_question_names() -> None:
    assert asked_opponent(SCORE) == "Sam Tull"
    assert asked_opponent("Who beat Kim Roe in the semi-finals of the Velia Open?") == "Kim Roe"
    # the opponent asked for, or no match at all: nothing to compare
    assert asked_opponent("Whom did Jo Vey beat in the final of the Velia Open?") is None
    assert asked_opponent("How many votes were cast against Tam Hale's plan?") is None


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            SCORE,
            "Jo Vey reached the Velia final with a crushing 6-1 6-1 win over Argentine Ed Lamb.",
        ),
        (
            "Who beat Jo Vey in the semi-finals of the Velia Open?",
            "Earlier, fifth seed Kim Roe secured her place when she beat Ann Lott 6-3 6-2.",
        ),
        (
            "Where did Jo Vey first beat Sam Tull, before knocking him out in Velia?",
            "Seventh seed Jo Vey came through 6-3 6-3 against Rob Dunn in the first round.",
        ),
    ],
)
def test_a_result_against_another_opponent_is_another_match(question: str, sentence: str) -> None:
    assert against_another(question, sentence)


def test_the_question_s_own_match_or_no_named_opponent_is_no_other_match() -> None:
    # the question's opponent, by surname
    assert not against_another(SCORE, "Jo Vey beat Tull 7-6 (7-4) 6-3 in the quarter-finals.")
    # a result against no name
    assert not against_another(
        SCORE, "The top seed was a strong favourite but went down 7-6 (7-4) 6-3 to the American."
    )
    # "against" and "play" count beside a score only: no match here
    assert not against_another(SCORE, "Jo Vey has spoken out against Velia Tennis over prizes.")
    # the other party named by the question too (the side it names, not a third one)
    assert not against_another(
        "Who scored for Orbis in their 2-1 defeat by Vela Rovers?",
        "Tam Hale was injured during Vela's 2-1 win over Orbis.",
    )


def test_review90_the_winner_asked_a_description_and_the_asking_clause() -> None:
    """review90: "Who beat Henman?" is answered by "He lost to Coria" (the winner asked for);
    "the British number one" and "the American" describe the question's opponent; a scene
    before the asking clause names no opponent ("After coming back to beat Rusedski, whom did
    Henman face?"); a name run stops before a full stop; a question asking no result (a score,
    a winner, a margin) names no opponent."""
    who = "Who beat Tim Henman in the semi-finals of the Velia Open?"
    assert not against_another(who, "He lost to Guillermo Coria 3-6 6-4 6-0 in the semi-finals.")
    assert against_another(who, "Earlier, Kim Roe reached the final when she beat Ann Lott 6-4.")
    score = "By what score did Jo Vey beat Tim Henman in Velia?"
    assert not against_another(score, "Vey claimed a 7-5 6-4 victory over the British number one.")
    assert not against_another(SCORE, "The top seed lost to the American 7-6 6-3.")
    scene = "After coming back to beat Sam Tull in Velia, whom did Jo Vey face in the last 16?"
    assert asked_opponent(scene) is None
    assert asked_opponent("What was the score when Jo Vey beat Ann Lott.") == "Ann Lott"
    # a question about a match that asks no result
    assert (
        asked_opponent("What injury is keeping Jo Vey out of the match against Sam Tull?") is None
    )
