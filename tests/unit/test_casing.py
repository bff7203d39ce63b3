"""``service.answerability.casing``: a question typed all in lower case gets the capitals the
articles give its words, and its question mark; a question written with capitals is left as is."""

from __future__ import annotations

from service.answerability.casing import as_written, typed_in_capitals, typed_in_lower_case
from service.answerability.focus import TermStats

FORMS = {
    "charles": "Charles",
    "kennedy": "Kennedy",
    "bbc": "BBC",
    "mcletchie": "McLetchie",
    "us": "US",
    "who": "WHO",
    "new": "New",
    "vs": "Vs",
}


def test_names_take_the_articles_form_and_the_question_its_mark() -> None:
    assert (
        as_written("which prison did charles kennedy mention in his new year message", FORMS.get)
        == "Which prison did Charles Kennedy mention in his new year message?"
    )
    assert (
        as_written("  how long had david mcletchie worked at the bbc?", FORMS.get)
        == "  How long had david McLetchie worked at the BBC?"
    )
    # the pronoun and stopwords stay words, whatever the articles write most
    assert (
        as_written("what did the who tell us about kennedy", FORMS.get)
        == "What did the who tell us about Kennedy?"
    )
    assert as_written("kennedy vs charles - who won", FORMS.get) == "Kennedy vs Charles - who won"
    # a request or a fragment gets no question mark, nor the agency in capitals
    assert as_written("tell me about the bbc", FORMS.get) == "Tell me about the BBC"
    assert as_written("kennedy's new year message.", FORMS.get) == "Kennedy's new year message."
    assert as_written("WHO", FORMS.get) == "WHO"


def test_a_question_typed_in_capitals_is_read_as_typed_in_lower_case() -> None:
    assert (
        as_written("HOW LONG HAD DAVID MCLETCHIE WORKED AT THE BBC", FORMS.get)
        == "How long had david McLetchie worked at the BBC?"
    )
    assert (
        as_written("WHAT DID THE US PRESIDENT SAY", FORMS.get) == "What did the US president say?"
    )
    assert typed_in_capitals("WHO WON THE CUP?") and not typed_in_capitals("Who won the cup?")
    # names in capitals are no shouted question
    for names in ("NHS?", "2005 BBC", "NHS GP", "UK GDP Q3", "US GDP", "WHO", "FTSE 100"):
        assert not typed_in_capitals(names), names
    assert as_written("NHS GP", FORMS.get) == "NHS GP"
    assert as_written("NHS GP pay?", FORMS.get) == "NHS GP pay?"


def test_the_asked_noun_the_us_pronoun_and_parts_of_words_stay_as_typed() -> None:
    forms = {**FORMS, "city": "City", "street": "Street", "wales": "Wales", "p": "P"}
    forms |= {"st": "St", "uk": "UK", "ne": "NE"}
    # the noun a "which" question asks for, right before its verb
    assert (
        as_written("in which city did charles kennedy speak", forms.get)
        == "In which city did Charles Kennedy speak?"
    )
    assert as_written("on which street is the bbc", forms.get) == "On which street is the BBC?"
    # (a name before the asked noun is still a name)
    assert as_written("which wales player scored", forms.get) == "Which Wales player scored?"
    # "us" after a verb that takes it; elsewhere the US
    assert (
        as_written("what did kennedy tell us about the us economy", forms.get)
        == "What did Kennedy tell us about the US economy?"
    )
    # letters inside a word or an address are no words
    typed = "what did the 79p stamp on the 21st say at grumbletext.co.uk about arsène"
    assert as_written(typed, forms.get) == "W" + typed[1:] + "?"


def test_a_question_written_with_any_capital_keeps_its_case() -> None:
    for question in (
        "Which law Lord opposed the appeal?",
        "which prison did Charles kennedy mention?",
        "Tell me about the BBC",
        "2005 or 2004?",
        "",
    ):
        assert as_written(question, FORMS.get) == question
    # it only gets its question mark
    assert as_written("what did the BBC say ", FORMS.get) == "what did the BBC say?"
    assert as_written("Who won the match", FORMS.get) == "Who won the match?"
    # (a month or a name opening a fragment is no question)
    assert as_written("May 2005 election results", FORMS.get) == "May 2005 election results"
    assert typed_in_lower_case("who won in 2004")
    assert not typed_in_lower_case("Who won in 2004") and not typed_in_lower_case("2004?")


def test_the_written_form_is_the_articles_most_frequent_inside_a_sentence() -> None:
    stats = TermStats(
        lambda: [
            "He said Kennedy had told the BBC that McLetchie would stay, and Kennedy agreed.",
            "Fans of rock music told the BBC they liked it; a rock band played for Kennedy.",
            "In the end, the Rock of Gibraltar was not for sale, said the kennedy fan.",
            "Fans of Manchester City and Leicester City met in the city centre.",
        ]
    )
    assert stats.written_form("kennedy") == "Kennedy"  # three times capitalised, once not
    assert stats.written_form("bbc") == "BBC"
    assert stats.written_form("mcletchie") == "McLetchie"
    assert stats.written_form("rock") is None  # "Rock" once, "rock" twice
    assert stats.written_form("city") is None  # "City" twice, "city" once: not three to one
    assert stats.written_form("gibraltar") == "Gibraltar"
    assert stats.written_form("fans") is None  # capitalised only opening a sentence
    assert stats.written_form("sale") is None
