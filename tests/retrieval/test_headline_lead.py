"""A headline states no fact on its own: it never leads an answer (real index, real model).

Two made-up articles: one's headline puts a sum beside the advert campaign ("Norvale advert
campaign hit by $14m suit"), a sum its body gives to a pollution suit; the other reports the
campaign without its cost. Asked what the campaign cost, the service
refuses instead of answering with the other article's headline; the fact in a body sentence
is still answered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.answering import Question

# (one paragraph a line, as news files are: a line without closing punctuation is a heading)
SUIT = (
    "Norvale advert campaign hit by $14m suit\n\n"
    "Chemicals firm Norvale has agreed to pay $14m to settle a lawsuit brought by residents near "
    "its plant in Ohio. The residents said fumes from the plant had damaged their health for a "
    "decade.\n\nBy the end of 2004, Norvale employed 12,400 people at its plants.\n\n"
    "Norvale admitted no wrongdoing, a spokesman said on Tuesday.\n"
)
CAMPAIGN = (
    "Norvale fights back with adverts\n\n"
    "Norvale has taken out more than 80 full-page adverts in national newspapers to answer its "
    "critics. The chemicals firm says it will create 2,000 jobs at new plants over five years."
    "\n\nThe campaign follows months of protests by environmental groups outside its offices.\n"
)


def test_a_headline_never_leads_and_a_body_sentence_still_answers(
    extractive_over: Callable[..., Any],
) -> None:
    service = extractive_over({"suit.txt": SUIT, "campaign.txt": CAMPAIGN})
    # The only sentence with a sum beside the campaign is a headline (answered from it when
    # headlines could lead).
    cost = service.ask(Question("How much did Norvale's advert campaign cost?"))
    assert cost.refused, cost.answer
    # The same sum in a body sentence answers what it is about.
    suit = service.ask(Question("How much has Norvale agreed to pay to settle the lawsuit?"))
    assert not suit.refused and "$14m" in suit.answer, suit.answer
    assert all(c.start > 0 for c in suit.citations)
    # A sentence opening with "By" is no byline: it still leads.
    staff = service.ask(Question("How many people did Norvale employ at the end of 2004?"))
    assert not staff.refused and "12,400" in staff.answer, staff.answer
