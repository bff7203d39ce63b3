"""A "who <verb>ed …?" question is answered by a sentence that states the event (real index,
real model).

Two made-up match reports, whose sentences name others beside the question's names. A
sentence naming someone near the question's words is no answer to who did the asked thing:
the service refuses when no sentence states the event ("Who trained Petrak?"), and answers
from one that does, also in a match report's own words ("lost to", "heading home an
equaliser")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

FINAL = (
    "Dunmore Rovers edge past Orbis\n\n"
    "Dunmore Rovers drew 1-1 with Orbis Athletic at Harbour Park on Saturday, with Tam Vey "
    "heading home an injury-time equaliser for the visitors. Orbis manager Ana Roe praised "
    "striker Jo Hale after the match at Harbour Park.\n\n"
    "The Harbour Park crowd of 12,000 was the largest of the season.\n"
)
TENNIS = (
    "Petrak reaches Kelmoor final\n\n"
    "Lena Petrak reached the final of the Kelmoor Open with a win on Friday. Petrak is the "
    "first Kelmoor player to reach the final since Mara Dunst lost to Ilse Varga in 1988.\n\n"
    "Dunst, now a coach, watched from the stands alongside Kelmoor Open director Rudi Holm.\n"
)
BANK = (
    "Orbis Bank fined over sales\n\n"
    "Orbis Bank's new chief executive, Jo Hale, is trying to negotiate a settlement with "
    "regulator Tam Vey over the bank's sales of insurance. The bank faces fines of up to "
    "$50m. The bank replaced its auditors last year.\n\n"
    "Hale joined the bank in October from rival Kelmoor Trust.\n"
)


def test_a_who_did_question_needs_a_sentence_stating_the_event(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"final.txt": FINAL, "tennis.txt": TENNIS, "bank.txt": BANK})
    # the equaliser, in the match report's own words ("heading home an equaliser")
    scorer = service.ask(Question("Who scored the equaliser for the visitors at Harbour Park?"))
    assert not scorer.refused and "Vey" in scorer.answer, scorer.answer
    # the converse of "beat": "Dunst lost to Varga"
    winner = service.ask(Question("Who beat Mara Dunst in the 1988 Kelmoor Open final?"))
    assert not winner.refused and "Varga" in winner.answer, winner.answer
    # nobody is said to have trained Petrak: the sentences naming others beside her event say
    # nothing of training
    trainer = service.ask(Question("Who trained Lena Petrak for the Kelmoor Open final?"))
    assert trainer.refused, trainer.answer
    # nor is Hale's predecessor named: the article speaks of replacing (its auditors), but the
    # sentence naming Hale's post beside a new name (the regulator) says nothing of whom Hale
    # replaced
    replaced = service.ask(Question("Whom did Jo Hale replace as chief executive of Orbis Bank?"))
    assert replaced.refused, replaced.answer
