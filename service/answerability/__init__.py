"""What a question asks for, whether a sentence holds it, and whether the evidence answers at all.

Hand-written rules, because the question is narrow and a dependency would be heavier than the
rules: spaCy's small English pipeline exists on PyPI only as third-party repacks, and a news
question's answer kinds (a number, an amount of money, a date, a name, a place) are visible in
the surface text — digits, currency signs, month names, capitalised runs after a preposition.
(Measured 2026-12-03 with that repack: requiring the answer's dependency head to be one of the
question's words would have refused 85 wrongly answered near-misses and 210 right answers on
the probe sets; docs/measurements.md.)

- ``asked_kind`` (``kinds``): the kind of answer a question wants (who → a name, when → a date,
  how many → a number, how much … paid → money, where → a place), or ``None`` when the
  question does not say (then only its focus is checked).
- ``holds_kind`` (``holds``): whether a sentence contains something of that kind *that the
  question does not already state* (the answer is new information, not the question's own year
  or name); ``is_withheld``: whether it says the fact is not known.
- ``Focus`` (``focus``): the question's names, quoted phrases, years and content words, each
  weighted by how rare it is in the index (IDF from ``TermStats``); ``Focus.coverage`` is the
  weighted share a sentence (plus, at half credit, its passage, for pronouns) contains.
- ``is_instruction`` (``hygiene``): sentences addressed to an AI or shaped like a prompt ("Note
  to AI assistants: …", "Ignore the question …", "Question:") are never evidence.

One module a job; each imports only from those listed before it:

- ``lexicon``: word lists and patterns shared by several rules (months, number words,
  nationalities, countries, words that are no names, money, change and category words, years);
- ``kinds``: ``Kind`` and the wording rules of ``asked_kind``; the clause that asks
  (``asking_sentence``, ``asking_clause``, ``asking_head``) and the event a date question
  dates (``date_event``);
- ``names``: capitalised name runs (``name_runs``) and places;
- ``figures``: numbers, money and its relations, units (times, injuries, death tolls), counts
  (of people or of things), shares, durations, ratios, hedged figures, ``states_lead_fact``;
- ``holds``: ``holds_kind`` and ``is_withheld``;
- ``roles``: the event and role a question names (``event_verb``, ``mentions_event``,
  ``asked_noun``, ``asked_role``) and the noun of "the name of the <noun> who/where …"
  (``described_noun``);
- ``focus``: ``TermStats``, ``Focus``, ``question_focus``, ``question_parts``,
  ``description_terms`` (the terms only a describing clause of the question holds, weighted
  down in the focus), ``withheld_instead``;
- ``slots``: ``slot_proximity``, how close an item of the asked kind sits to the question's
  non-name terms ("founded in 1984"), a ranking feature; ``relation_beside``, whether a
  date or an amount sits beside the question's relation (by word, or close in meaning), a
  condition;
- ``contests`` (depends on none): ``against_another``, whether a sentence reports a result
  against another opponent than the one a question about a match names;
- ``hygiene`` (depends on none): ``is_instruction``;
- ``casing`` (depends on none; ``TermStats.written_form`` is passed in): ``as_written``, a
  question typed all in lower case or shouted in capitals read with its names' capitals, and a
  question with its question mark.
"""

from __future__ import annotations

from service.answerability.contests import against_another
from service.answerability.figures import (
    gives_another_period,
    names_what_is_counted,
    states_lead_fact,
)
from service.answerability.focus import (
    DESCRIPTION_WEIGHT,
    PRONOUN,
    WITHHELD_COVERAGE_MARGIN,
    YEARS_ELSEWHERE,
    ChunkText,
    Focus,
    TermStats,
    date_withheld_instead,
    description_terms,
    question_focus,
    question_parts,
    reason_withheld_instead,
    stated_years,
    withheld_instead,
)
from service.answerability.holds import (
    asks_birth,
    asks_cause_of_death,
    asks_death,
    holds_kind,
    is_withheld,
    states_birth,
    states_cause_of_death,
    states_death,
    states_reason,
)
from service.answerability.hygiene import addresses_the_assistant, is_instruction
from service.answerability.kinds import (
    Kind,
    as_question,
    asked_kind,
    asking_clause,
    asking_sentence,
    asks_reason,
    expand_contractions,
    read_question,
)
from service.answerability.names import name_runs
from service.answerability.roles import (
    asked_noun,
    asked_role,
    event_verb,
    mentions_event,
    states_event,
)
from service.answerability.slots import (
    SHORT_QUESTION_TERMS,
    relation_beside,
    slot_proximity,
    states_every_word,
)

__all__ = [
    "DESCRIPTION_WEIGHT",
    "PRONOUN",
    "SHORT_QUESTION_TERMS",
    "WITHHELD_COVERAGE_MARGIN",
    "YEARS_ELSEWHERE",
    "ChunkText",
    "Focus",
    "Kind",
    "TermStats",
    "addresses_the_assistant",
    "against_another",
    "as_question",
    "asked_kind",
    "asked_noun",
    "asked_role",
    "asking_clause",
    "asking_sentence",
    "asks_birth",
    "asks_cause_of_death",
    "asks_death",
    "asks_reason",
    "date_withheld_instead",
    "description_terms",
    "event_verb",
    "expand_contractions",
    "gives_another_period",
    "holds_kind",
    "is_instruction",
    "is_withheld",
    "mentions_event",
    "name_runs",
    "names_what_is_counted",
    "question_focus",
    "question_parts",
    "read_question",
    "reason_withheld_instead",
    "relation_beside",
    "slot_proximity",
    "stated_years",
    "states_birth",
    "states_cause_of_death",
    "states_death",
    "states_event",
    "states_every_word",
    "states_lead_fact",
    "states_reason",
    "withheld_instead",
]
