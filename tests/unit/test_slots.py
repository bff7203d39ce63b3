"""``slot_proximity``: the question's non-name terms beside an item of the asked-for kind."""

from __future__ import annotations

from typing import Any

import pytest

from service.answerability import (
    Kind,
    question_focus,
    relation_beside,
    slot_proximity,
    states_every_word,
)
from service.evidence import content_words
from service.word_similarity import WordSimilarity


def proximity(question: str, sentence: str) -> float:
    focus = question_focus(question, None)
    named = {w for run in focus.names for w in content_words(run)}
    relation = {t: w for t, w in focus.weights.items() if t not in named}
    return slot_proximity(sentence, focus.kind, question, relation)


@pytest.mark.parametrize(
    ("question", "answer", "distractor"),
    [
        # a year beside the asked verb, not a year of another event
        (
            "In what year was the Harlow Building Society founded?",
            "The society was founded in 1921 by local traders.",
            "Harlow Building Society saw profits jump 18% during 2004.",
        ),
        # a count beside the counted noun
        (
            "How many versions of the Varro worm are known?",
            "So far six versions of Varro are known to exist.",
            "The Varro worm affects phones running Series 60 software.",
        ),
        # a name beside the asked role
        (
            "Who is the director of the Tarn Valley Arts Trust?",
            "Mia Kell, director of the trust, welcomed the grant.",
            "The Tarn Valley Arts Trust was praised by Councillor Ben Oduya.",
        ),
        # an amount beside the asked relation
        (
            "How much did Corvale pay for the Lintel mine?",
            "Corvale paid $40m for the mine last year.",
            "Corvale's profits rose to $12m in 2004, Lintel said.",
        ),
        # a day beside the asked event
        (
            "When will Dana Fell present her last show?",
            "Fell will host her last show on 5 March.",
            "Dana Fell has presented the show since 1999 and joined in January.",
        ),
    ],
)
def test_the_item_beside_the_questions_words_scores_higher(
    question: str, answer: str, distractor: str
) -> None:
    assert proximity(question, answer) > proximity(question, distractor)


def test_items_the_question_states_are_not_answers() -> None:
    question = "How many staff did Argon cut in 2004?"
    # 2004 is the question's own year: beside "cut" it still answers nothing
    assert proximity(question, "Argon cut staff in 2004 as sales slid.") == 0.0
    assert proximity(question, "Argon cut 80 staff as sales slid.") > 0.0


def test_a_nationality_or_a_country_is_no_name() -> None:
    question = "Who did the Amberly chief executive meet in Lisbon?"
    # "Portuguese" beside "met" names no one; "Rui Sala" does
    assert proximity(question, "He met the Portuguese delegation at noon.") == 0.0
    assert proximity(question, "He met Rui Sala, the trade minister, at noon.") > 0.0


def test_no_kind_or_no_relation_terms_give_nothing() -> None:
    # "What did X say?" asks for a statement: no item to sit beside
    assert proximity("What did Lena Ostrow say about the merger?", "Ostrow said it was bad.") == 0.0
    assert slot_proximity("Founded in 1921.", Kind.DATE, "When was Harlow founded?", {}) == 0.0


def test_a_year_is_no_count() -> None:
    question = "How many shops did Tarvo open?"
    # "in 2004" sits beside "open" but counts no shops; "40 shops" does
    assert proximity(question, "Tarvo opened its shops in 2004.") == 0.0
    assert proximity(question, "Tarvo opened 40 shops.") > 0.0


def beside(question: str, sentence: str, similar: Any = None) -> bool:
    focus = question_focus(question, None)
    named = {w for run in focus.names for w in content_words(run)}
    relation = {t: w for t, w in focus.weights.items() if t not in named}
    assert focus.kind is not None
    return relation_beside(sentence, focus.kind, question, relation, None, similar)


@pytest.mark.parametrize(
    ("question", "answer", "neighbour"),
    [
        # the amount beside the payment, not beside a sale at auction
        (
            "How much did the collector pay the dealer for Portrait of Omai?",
            "The collector paid the dealer £2m for Portrait of Omai in a private sale.",
            "Portrait of Omai was sold at auction for £10.3m in 2001, a record for the artist.",
        ),
        # the year beside the founding, not beside an unrelated event of its founder
        (
            "In what year did Lena Ostrow found the Harlow Trust?",
            "Lena Ostrow founded the Harlow Trust in 1988 with her brother.",
            "Lena Ostrow, who later ran the Harlow Trust, was born in Leeds in 1951.",
        ),
        # the day beside the signing, not beside another event of the article
        (
            "On what date did Corvale sign the Lintel contract?",
            "Corvale signed the Lintel contract on 4 May after months of talks.",
            "Corvale's chief executive resigned on 9 June, the firm said.",
        ),
    ],
)
def test_a_date_or_amount_answers_beside_the_questions_relation(
    question: str, answer: str, neighbour: str
) -> None:
    assert beside(question, answer)
    assert not beside(question, neighbour)


def test_the_relation_is_read_by_verb_lemma_and_within_the_window() -> None:
    question = "How much did Corvale pay for the Lintel mine?"
    # "paid" is "pay"; eight content words either side of the amount
    assert beside(question, "For the mine, which it had wanted for years, Corvale paid $40m.")
    far = (
        "Corvale said it would pay its staff a bonus after a year in which output at plants across "
        "three continents and the Lintel smelter rose while its debt fell to $40m."
    )
    assert not beside(question, far)


def test_a_fee_paid_is_stated_as_a_signing_or_a_purchase() -> None:
    question = "How much did Corvale United pay Harlow for Jo Vale when he joined?"
    assert beside(question, "He was signed for £4.6m from Harlow in 1998 by Tam Rees.")
    assert beside(question, "Corvale signed Vale from Harlow for £4.6m.")
    assert beside(question, "Vale was bought by Corvale United for £4.6m.")
    # a wage or a contract is no fee (nor a house bought), and another club's sale is another's
    assert not beside(question, "Vale signed a £40,000-a-week contract at Corvale United.")
    assert not beside(question, "Vale signed a new £2m deal with Corvale United.")
    assert not beside(question, "Vale bought a £2m house in Cheshire last year.")
    assert not beside(question, "He earns £40,000 a week at Corvale United.")
    assert not beside(question, "Harlow were sold for £140m in 2003.")


def test_nothing_to_check_is_no_reason_to_refuse() -> None:
    # no relation word: "How much is X?" asks only the amount
    assert beside("How much is the Tarvo Prize?", "The Tarvo Prize is worth £25,000.")
    # no amount the question does not state
    assert beside("How much did Corvale pay for Lintel in 2004?", "Corvale bought Lintel in 2004.")


def test_words_close_in_meaning_are_asked_only_when_no_word_matches() -> None:
    calls: list[tuple[list[str], list[str]]] = []

    def similar(first: list[str], second: list[str]) -> float:
        calls.append((first, second))
        return 0.9 if "abducted" in second else 0.1

    question = "On what date was Welsh aid worker Mari Hale kidnapped in Basra?"
    assert beside(question, "Mrs Hale was abducted in Basra on 19 October.", similar)
    # the question's relation as it writes it: lower-case words only, not its names or its
    # nationalities ("Welsh"), nor its asking words ("what date")
    assert calls == [(["aid", "kidnapped", "worker"], ["abducted", "mrs"][:1])]
    assert not beside(question, "Mrs Hale arrived in Basra on 19 October.", similar)
    calls.clear()
    assert beside(question, "Mrs Hale was kidnapped in Basra on 19 October.", similar)
    assert calls == []


def test_word_similarity_with_the_services_encoder(embed_model: Any) -> None:
    similar = WordSimilarity(embed_model.get_text_embedding_batch)
    assert similar(["kidnapped"], ["abducted"]) >= 0.6
    assert similar(["budget"], ["cost"]) >= 0.6
    assert similar(["pay"], ["auction", "painting", "record"]) < 0.6
    assert similar([], ["cost"]) == 0.0
    # vectors are kept: a second call embeds nothing
    similar._embed = None  # type: ignore[assignment]
    assert similar(["kidnapped"], ["abducted"]) >= 0.6


def every_word(question: str, text: str, similar: Any = None, floor: float = 0.45) -> bool:
    focus = question_focus(question, None)
    return states_every_word(text, question, dict(focus.weights), similar, floor)


def test_a_short_questions_every_word_is_in_the_sentence_or_close_to_one() -> None:
    def similar(first: list[str], second: list[str]) -> float:
        return 0.5 if first == ["head"] and "boss" in second else 0.2

    # by stem or verb lemma
    assert every_word("Who invented the telephone?", "Bell invents a new telephone.")
    # a word close in meaning: "boss" for "head"
    assert every_word("Who is the head of the IMF?", "IMF boss Rodrigo Rato spoke.", similar)
    assert not every_word(
        "Who is the head of the IMF?", "IMF boss Rodrigo Rato spoke.", similar, 0.6
    )
    # a missing word with nothing close to it: another sense of the other word
    assert not every_word(
        "Who invented the telephone?",
        "The Commission will re-submit the Inventions Directive.",
        similar,
    )
    assert not every_word(
        "What is the capital of Australia?", "It owns a mine in South Australia.", similar
    )
    # a verb by its lemma; the question's names and asking words are checked elsewhere
    assert every_word("When did Kibera grow?", "Kibera grew in the 1990s.")


def test_a_money_relation_in_the_words_news_uses_for_it() -> None:
    fee = "How much did Kite Rovers pay Hale United for Jo Vey in 1997?"
    assert beside(fee, "Vey has played in the league since 1997, when he moved to Kite for £2m.")
    assert beside(fee, "Kite wrote off Vey, a £15.8m signing from Hale last season.")
    gift = "How much did Lord Tam give the Valmoran Party in 2003?"
    assert beside(gift, "His latest donation follows a £2.5m gift to the party in 2003.")
    # a wage is no fee, nor a fine a gift, nor a house a player bought his fee
    assert not beside(fee, "Vey, who moved to Kite in 1997, now earns £50,000 a week.")
    assert not beside(fee, "Vey bought a house near the ground for £2m in 1997.")
    assert not beside(gift, "Lord Tam was handed a £2.5m fine by the party in 2003.")
    # the family's word must be right beside the amount
    assert not beside(fee, "Vey moved to Kite in 1997 and the club later spent big: £2m on seats.")


def test_setting_up_is_founding() -> None:
    question = "In what year did Jo Vey and Tam Hale set up the Kite record label?"
    assert beside(question, "Jo Vey runs Kite, which he founded with Tam Hale in 1995.")
    # a year beside another event is not the founding's
    assert not beside(question, "Jo Vey runs Kite, which won an award in 1995.")


def test_a_finding_is_no_founding() -> None:
    # "found" of "find" asks no founding: a launch beside the amount is not its relation
    question = "How much was found in the vault of the Kite depot?"
    assert not beside(question, "The Kite gang was launched with £2m in 1990.")
    assert beside("When did Jo Vey found the Kite label?", "Jo Vey launched Kite in 1995.")
