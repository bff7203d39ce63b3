"""What a question asks for, whether a sentence holds it, and whether the evidence answers at all.

Hand-written rules, because the question is narrow and a dependency would be heavier than the
rules: spaCy's small English pipeline exists on PyPI only as third-party repacks, and a news
question's answer kinds (a number, an amount of money, a date, a name, a place) are visible in
the surface text — digits, currency signs, month names, capitalised runs after a preposition.

- ``asked_kind``: the kind of answer a question wants (who → a name, when → a date, how many →
  a number, how much … paid → money, where → a place), or ``None`` when the question does not
  say (then only its focus is checked).
- ``holds_kind``: whether a sentence contains something of that kind *that the question does
  not already state* (the answer is new information, not the question's own year or name).
- ``Focus``: the question's names, quoted phrases, years and content words, each weighted by how
  rare it is in the index (IDF from ``TermStats``); ``Focus.coverage`` is the weighted share a
  sentence (plus, at half credit, its passage, for pronouns) contains.
- ``is_instruction``: sentences addressed to an AI or shaped like a prompt ("Note to AI
  assistants: …", "Ignore the question …", "Question:") are never evidence.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from service.evidence import STOPWORDS, content_words, stem_word

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens half "
    "third quarter twice double triple"
).split()
# "Millions of tonnes", "dozens of people": a vague amount answers no "how many".
_VAGUE_NUMBERS = frozenset("hundreds thousands millions billions dozens".split())
# Capitalised words that are not names: titles, function words at a clause start, calendar.
_NOT_NAMES = frozenset(
    "mr mrs ms dr sir lord lady the a an he she it they we i his her its their this that these "
    "those there but and or if in on at of for to by as with from however meanwhile also while "
    "when where what who which how after before during since".split()
    + _MONTHS
    + _WEEKDAYS
    + _NUMBER_WORDS  # "Four members of the board…" names nobody
)


# Adjectives of nationality are capitalised but describe, they do not name ("a Russian national").
_DEMONYMS = frozenset(
    "american british chinese russian iranian indian japanese french german italian spanish "
    "canadian australian irish scottish welsh english european african asian israeli korean "
    "us uk eu western eastern".split()
)
# More nationalities, dropped from a question's names only when they stand alone ("Swedish
# tennis player …", where the article says "Swede"; "Swiss Re" and "Mark Cuban" are names).
_LONE_DEMONYMS = frozenset(
    "swedish danish dutch norwegian finnish icelandic belgian swiss austrian polish czech "
    "slovak hungarian romanian bulgarian greek turkish portuguese ukrainian belarusian "
    "georgian serbian croatian bosnian albanian brazilian argentine argentinian mexican "
    "colombian chilean peruvian venezuelan cuban jamaican egyptian moroccan algerian tunisian "
    "libyan nigerian kenyan ghanaian ethiopian somali sudanese zimbabwean zambian ugandan "
    "iraqi saudi syrian lebanese jordanian palestinian kuwaiti qatari emirati yemeni afghan "
    "pakistani bangladeshi nepalese thai vietnamese indonesian malaysian filipino singaporean "
    "taiwanese mongolian kazakh uzbek latin arab arabic nordic scandinavian balkan "
    "caribbean".split()
)


class Kind(Enum):
    """The kind of answer a question asks for."""

    NAME = "name"  # a person, organisation or title
    DATE = "date"
    NUMBER = "number"
    AGE = "age"
    MONEY = "money"
    PLACE = "place"
    STATEMENT = "statement"  # what someone said, thought or described


_MONEY_WORDS = (
    r"pay|paid|paying|cost|costs|price|priced|fee|fees|sum|payment|payments|salary|wage|rate|"
    r"revenue|revenues|profit|profits|earn|earned|earning|earnings|worth|value|valued|sell|"
    r"sold|fetch|fetched|spend|spent|raise|raised|fund|funding|prize|fine|fined|compensation|"
    r"deal|bid|offer|offering|budget|money|cash|income|turnover|sales|loss|losses|invest|"
    r"invests|invested|investing|investment|damages|settlement|award|awarded|bonus|grant|loan|"
    r"donation|debt|debts|tax|taxes|spending|subsidy|subsidies"
)
# Words after "how much" that do not name a quantity of some stuff: verbs, or money itself.
_NOT_A_QUANTITY = (
    r"is|was|are|were|did|does|do|has|have|had|will|would|could|can|should|might|may|more|"
    r"less|higher|lower|bigger|smaller|longer|further|of|in|on|for|to|a|an|the|he|she|it|"
    r"they|we|you|i|its|his|her|their|prize|" + _MONEY_WORDS
)
# Money nouns a modifier may precede: "how much transfer money", "how much extra cash".
_MONEY_NOUNS = r"money|cash|funds|funding|capital|aid|compensation|damages"
# "How much gas a year…?": a quantity of some stuff, not money.
_QUANTITY = re.compile(
    rf"\bhow much (?!(?:{_NOT_A_QUANTITY})\b)(?![\w-]+ (?:[\w-]+ )?(?:{_MONEY_NOUNS})\b)[a-z]"
)
_CHANGE_WORDS = (
    r"grow|grew|grown|rise|rose|risen|fall|fell|fallen|increase|increased|decrease|decreased|"
    r"decline|declined|drop|dropped|jump|jumped|climb|climbed|shrink|shrank|slump|slumped|"
    r"gain|gained|improve|improved|slip|slipped|soar|soared|plunge|plunged|expand|expanded"
)
# Nouns of "which <noun>" questions that ask for a kind of thing, not for a name.
_CATEGORY_NOUNS = (
    r"sector|area|topic|issue|subject|kind|type|sort|way|method|industry|field|aspect|part|"
    r"role|factor|reason|problem|measure|step|change|policy|question|concern|risk|"
    r"technology|technologies|service|feature|activity|activities|skill|condition|disease|"
    r"crime|offence|charge|sport|event|food|material|word|phrase|term|one|ones"
)
# "What time did she run?", "What was Jo Hale's finishing time?": a clock or a race time.
_ASKS_TIME = re.compile(
    r"\b(?:what|which|in what) (?:winning |finishing |record )?time\b|"
    r"^\s*what (?:is|was|were)\b[^?]{0,40}?\b(?:winning|finishing|record|race|qualifying|lap|"
    r"personal best) time\b"
)
_KIND_RULES: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"\bhow old\b|\bwhat age\b|\bat what age\b"), Kind.AGE),
    # "What jail sentence was he given?": a duration.
    (
        re.compile(r"\bwhat (?:\w+ )?(?:sentence|jail term|prison term|ban|suspension)\b"),
        Kind.NUMBER,
    ),
    # "How much gas will Iran supply?": a quantity of something that is not money.
    (_QUANTITY, Kind.NUMBER),
    # "How much did revenues grow / prices fall?": a change, usually a percentage.
    # "By how much did spending rise / did they raise spending?": a change.
    (re.compile(rf"\bhow much\b[^?]*\b(?:{_CHANGE_WORDS})\b|\bby how much\b"), Kind.NUMBER),
    (re.compile(rf"\bhow much\b.*\b(?:{_MONEY_WORDS})\b|\bhow much money\b"), Kind.MONEY),
    # "What record low did the dollar hit?", "What did the rate rise to?": a figure.
    (
        re.compile(
            rf"\bwhat (?:new |fresh |all-time )?(?:record |)(?:low|high|level|peak)\b|"
            rf"^\s*what did\b[^?]*\b(?:{_CHANGE_WORDS}) (?:to|by)\b"
        ),
        Kind.NUMBER,
    ),
    # "How big a fine…?", "How large a grant…?": a sum of money, as "what fine".
    (
        re.compile(
            r"\bhow (?:big|large|high|small|much) an? (?:[\w-]+ )?(?:fine|payment|payout|bonus|"
            r"salary|grant|loan|fee|budget|sum|settlement|donation|bill|debt|bid|offer|"
            r"prize|penalty|compensation|investment|price|pay rise|pay-off)\b"
        ),
        Kind.MONEY,
    ),
    # "How much did the film take at the box office?": takings.
    (
        re.compile(
            r"\bhow much\b[^?]*\b(?:take|took|make|made|gross|grossed)\b[^?]*\bbox office\b"
        ),
        Kind.MONEY,
    ),
    (
        re.compile(
            r"\bhow (?:many|much|old|tall|high|long|large|big|far|fast|heavy|wide|deep|"
            r"often|big a|large a)\b"
        ),
        Kind.NUMBER,
    ),
    (
        re.compile(
            r"\b(?:what|which)\s+(?:[\w'’&-]+\s+){0,4}?(?:price|fee|sum|amount|payment|salary|wage|"
            r"revenue|cost|prize|fine|rate|budget|takings|turnover|profit|income|earnings|"
            r"valuation|bill|damages|compensation|fortune|debt)s?\b"
        ),
        Kind.MONEY,
    ),
    (re.compile(r"\bwhat\b[^?,]{0,60}\b(?:sell|sold|fetch|fetched|go) for\b"), Kind.MONEY),
    # "What was the deal worth?": a sum of money.
    (re.compile(r"^\s*what (?:is|was|are|were|will)\b[^?]*\bworth\b"), Kind.MONEY),
    # "What time did she run / does the show start?": a time of day or a race time.
    (_ASKS_TIME, Kind.NUMBER),
    (
        re.compile(
            r"\b(?:what|which)\b[^?]{0,30}?\b(?:percentage|percent|proportion|share|"
            r"slice|fraction|height|margin|age|number|numbered|ranking|rank|score|distance|speed|"
            r"total|figure|size|weight|length)\b"
        ),
        Kind.NUMBER,
    ),
    (
        re.compile(
            r"\b(?:what|which|in which|in what|between which|between what)\s+(?:year|date|day|"
            r"month|decade|period)s?\b|"
            r"\bover what period\b|^\s*when\b|[,;]\s*when\b(?![^?]*\bhow\b)"
        ),
        Kind.DATE,
    ),
    (re.compile(r"\bwhere\b[^?]*\brank"), Kind.NUMBER),
    (
        re.compile(
            r"^\s*where\b|\b(?:in|to|from) (?:which|what) (?:city|country|town|state|"
            r"region|place|venue|capital|county|village|province)\b|\bwhich (?:city|"
            r"country|town|venue|capital)\b"
        ),
        Kind.PLACE,
    ),
    (
        re.compile(
            r"^\s*(?:\w+\s+){0,2}?(?:who|whom)\b|\b(?:by|to|with|for|from|of) whom\b|"
            r"\bwhat (?:is|was) (?:the|his|her|its|their) (?:\w+ )?name\b|"
            r"\b(?:which\s+(?:[\w'’-]+\s+){0,4}?|what\s+)(?:person|man|woman|official|executive|"
            r"minister|chief|player|company|firm|group|movie|film|show|book|song|album|"
            r"band|team|club|national|politician|mp|leader|president|director|actor|"
            r"actress|singer|opponent|manager|boss|candidate|chairman|spokesman|"
            r"secretary|servant|giant|giants|brand|newspaper|channel|programme|"
            r"organisation|organization|agency|bank|airline|carrier|university|school|hospital|"
            r"party|union|retailer|store|website|site|app|product|model|car|ship|"
            r"novel|play|painting|artist|author|writer|composer|striker|coach|judge)s?\b"
        ),
        Kind.NAME,
    ),
    # "What did the minister say / think about …?": an attributed statement.
    (
        re.compile(
            r"^\s*what (?:did|does|do|has|have|had|will|would)\b[^?]*\b(?:say|said|tell|told|"
            r"think|describe|call|warn|claim|argue|predict|reveal|admit|suggest|believe|"
            r"insist|write)\b"
        ),
        Kind.STATEMENT,
    ),
    # Any other "Which <noun>…?" ("Which senior churchman…", "Which constituency…") asks for
    # something named, unless its noun is a category of things ("Which sectors…").
    (
        re.compile(
            r"^\s*(?:(?:in|at|to|for|from|with|by|on|against|of)\s+)?which\s+(?!of\b)"
            rf"(?!(?:[\w'’-]+\s+){{0,2}}?(?:{_CATEGORY_NOUNS})s?\b)[a-z]"
        ),
        Kind.NAME,
    ),
)

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_MODERN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # "1700 voters" is no year
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_MONEY = re.compile(
    r"[$£€¥]\s?\d|\d(?:[.,]\d+)*\s?(?:bn|m|k|p)\b|\d(?:[.,]\d+)*\s?(?:billion|million|"
    r"thousand|trillion)?\s?(?:dollars|pounds|euros|yen|yuan|rupees|francs|cents|pence|"
    r"rand|roubles|won)\b|\b(?:us|uk)?\$",
    re.IGNORECASE,
)
# An amount written in words: "twelve dollars", "five million pounds", "a hundred euros".
_SPELLED_MONEY = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half a)"
    r"(?:[\s-]+(?:hundred|thousand|million|billion|trillion))*\s+(?:dollars|pounds|euros|yen|"
    r"yuan|rupees|francs|cents|pence|rand|roubles|won)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,80})[\"”]|(?<!\w)‘([^‘’]{3,80})’(?!\w)")
# A run starts at a word boundary: "iPod" and "phpBB" are one word each, not the names "Pod"/"BB".
_CAP_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][\w&'’.-]*)(?:\s+(?:of|for|de|the|&|von|van)?\s*[A-Z][\w&'’.-]*)*"
)
# A place after a preposition; a possessive is a place only before a name ("at London's
# Science Museum", not "to China's economy").
_PLACE = re.compile(
    r"\b(?:in|at|to|from|near|outside|across)\s+(?:the\s+|(?:his|her|its|their)\s+"
    r"(?=[A-Z][\w.-]*\w\s+(?:seat|constituency|home|hometown|base|headquarters|office|"
    r"studio|factory|plant)\b))?([A-Z][\w.-]*\w)(?!\w|['’]s\s+[a-z])"
)
# Common nouns after which a capitalised word still names a place ("in his Sheffield seat").
_PLACE_NOUNS = frozenset(
    "seat constituency home hometown base headquarters office studio factory plant".split()
)
_INSTRUCTION = re.compile(
    r"(?:\b(?:note|message|instructions?|attention|reminder)\s+(?:to|for)\s+(?:all\s+|any\s+)?"
    r"(?:ai|a\.i\.|assistants?|language models?|llms?|chatbots?|bots?|models?|gpt|crawlers?)\b"
    r"|\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+|previous\s+|prior\s+|"
    r"above\s+)+(?:\w+\s+){0,2}(?:question|instructions?|evidence|prompt|context|rules?|"
    r"articles?)\b"
    r"|\b(?:ai|assistants?|language models?|llms?|chatbots?)\s+(?:must|should|shall)\s+"
    r"(?:answer|reply|respond|say|write|state|always|never)\b"
    r"|\b(?:you|assistant)\s+(?:must|should)\s+(?:now\s+)?(?:answer|reply|respond|say|write|"
    r"ignore)\b"
    r"|^\s*(?:question|evidence|answer|system|assistant|user|instructions?)\s*:"
    r"|<\|im_(?:start|end)\|>|\bsystem prompt\b)",
    re.IGNORECASE,
)


_AGE = re.compile(
    r"\baged?\s+(?:of\s+)?\d{1,3}\b|\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b|"
    r"\bage of \d{1,3}\b|,\s*(?:now\s+)?\d{1,3}\s*,|[A-Z][a-z]+,\s*\d{1,3}\s*[.;]|\(\d{1,3}\)|"
    r"\b(?:his|her) \d{1,3}(?:st|nd|rd|th) birthday"
)
# The sentence says the asked-for fact is not known: it does not answer.
# "Unknown", but not the noun "the unknown" ("will enter the unknown just 77 days after…");
# "the unknown gunman" still withholds.
_UNKNOWN = (
    r"(?:(?<!the )unknown|unknown(?=\s+[a-z]+\b)"
    r"(?!\s+(?:just|and|of|in|for|after|before|with|to|as|but|or|is|was)\b))"
)
_WITHHELD = re.compile(
    r"\bnot (?:his|her|their|its|the) real name\b|"
    rf"\b(?:undisclosed|unspecified|{_UNKNOWN}|unnamed|not (?:been )?(?:disclosed|"
    r"revealed|named|known|specified)|(?:did not|didn't|declined to|refused to|would not|wouldn't) "
    r"(?:say|disclose|reveal|name|comment|specify|give))\b",
    re.IGNORECASE,
)
# The same, for what is not a name: "an unnamed robot" does not withhold an amount or a place.
# An undisclosed bidder or an unknown buyer withholds a name, not the amount they paid.
_WITHHELD_NOT_NAME = re.compile(
    rf"\b(?:(?:undisclosed|unspecified|{_UNKNOWN})\b"
    r"(?!\s+(?:bidders?|buyers?|purchasers?|"
    r"clients?|investors?|sources?|part(?:y|ies)|compan(?:y|ies)|firms?|individuals?|persons?|"
    r"backers?|donors?|suitors?|owners?)\b)|not (?:been )?(?:disclosed|revealed|known|"
    r"specified)\b|(?:did not|didn't|declined to|refused to|would not|wouldn't) "
    r"(?:say|disclose|reveal|comment|specify|give)\b)",
    re.IGNORECASE,
)
# How much better a withheld statement must cover the question than the lead to replace it.
WITHHELD_COVERAGE_MARGIN = 0.1
# "What is the name of the park…": the answer names a park (the head noun must be there).
_NAME_OF = re.compile(
    r"\bname of (?:the |a |an |its |his |her |their )?(?:[\w'’-]+ ){0,3}?(\w+)"
    r"(?= (?:on|in|at|that|which|where|who|whom|of|for|with|by)\b|\s*\?|$)"
)
# "Which university…": places and institutions whose names carry their kind ("Harvard
# University", "the University of Kent", "Wembley Stadium"): the answer must name one.
_WHICH_NAMED = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(university|college|school|hospital|museum|"
    r"stadium|airport|prison|festival|theatre|gallery|hotel|cathedral|court)\b"
)
_SPEECH_VERBS = (
    r"said|says|say|told|tells|warned|warns|claimed|claims|argued|argues|insisted|insists|"
    r"predicted|predicts|stated|states|explained|explains|commented|admitted|admits|"
    r"described|describes"
)
_SPEECH_QUESTION = re.compile(rf"^\s*who\b[^?]*\b(?:{_SPEECH_VERBS})\b")
# A quotation, or the end of one that began in an earlier sentence ("… is inevitable.”").
_QUOTATION = re.compile(r"[\"“”][^\"“”]{8,}|[‘’][^‘’]{12,}[‘’]|:\s*[\"“‘]|[.!?][\"”’]\s*$")
_SPEECH = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|according to|added|adds|believes|wrote|writes)\b", re.IGNORECASE
)
# A sentence that only expects, forecasts or hopes does not answer what did happen.
_HEDGED = re.compile(
    r"\b(?:expected|expects|set|likely|estimated|forecast|predicted|hoped|hopes|plans|"
    r"aims|wants|due|poised) to\b|\b(?:could|might|may|would) (?:\w+ )?(?:be|fetch|reach|"
    r"cost|sell|earn|pay|make|get|receive|raise|rise|fall)\b|\bestimate[sd]?\b|"
    r"\b(?:could|might|would)\s+(?:\w+\s+)?[a-z]+\b|"
    r"\bfac(?:e|es|ed|ing)\b[^.]{0,40}?\b(?:up to|a maximum|maximum)\b",
    re.IGNORECASE,
)
_PAST_QUESTION = re.compile(r"\b(?:did|was|were)\b", re.IGNORECASE)
_HEDGED_QUESTION = re.compile(
    r"\b(?:will|would|could|might|may|expect\w*|forecast\w*|estimate\w*|predict\w*|"
    r"likely|plan\w*|hope\w*|aim\w*|potential|due|set to)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(
    r"\b(?:he|she|it|its|they|their|theirs|his|her|him|them|this|these|those)\b|"
    r"\b(?:the|an?) (?:company|firm|group|club|team|bank|star|actor|actress|singer|player|"
    r"minister|government|mp|city|country|band|show|film|programme|newspaper|paper|site|"
    r"report|couple|pair|man|woman|chairman|chief|boss|executive|president|carrier|"
    r"airline|maker|giant|retailer|broadcaster|network|agency|lab|labs|centre|unit|deal)\b",
    re.IGNORECASE,
)


_TIME_WORDS = frozenset(
    "yesterday today tonight tomorrow last next earlier later recently overnight week weekend "
    "month morning evening afternoon night since until before after during".split()
)


def _places(text: str) -> list[str]:
    """Capitalised words after a preposition that can be places: not when a common noun follows
    ("in ChatGPT developer OpenAI", "in Apple shares" name a product and a firm)."""
    found = []
    for m in _PLACE.finditer(text):
        following = re.match(r"\s+([a-z]+)", text[m.end() :])
        word = following.group(1) if following else ""
        if (
            len(word) > 2
            and word not in STOPWORDS
            and word not in _TIME_WORDS
            # "in his Sheffield seat": a place noun after a possessive ("at Apple
            # headquarters" names a firm)
            and not (word in _PLACE_NOUNS and re.search(r"\b(?:his|her|its|their)\s", m.group(0)))
        ):
            continue
        found.append(m.group(1))
    return found


_ASKS_DAY = re.compile(r"\b(?:what|which) (?:exact )?(?:date|day of the month)\b")
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b")
_ASKS_BIRTH = re.compile(r"\b(?:born|birth|birthday|old|age)\b")
# "Born in January 1934, she…" (not "first-born", not past a comma: "Born in Leeds, she…").
_BORN_IN = re.compile(r"(?<![-\w])born\b[^.;:,]{0,40}?\b(1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)
_MONTH_NAMES = "(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?"
_DAY_OF_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}(?!\w)|"
    rf"\b{_MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|"
    r"\b\d{4}-\d{2}-\d{2}\b"
)
# Words of country names ("Saudi Arabia", "South Korea"): a run of only these names a
# country, which answers no who-question.
_COUNTRY_WORDS = frozenset(
    "saudi arabia south north korea new zealand hong kong united states kingdom sri lanka "
    "czech republic ivory coast east timor arab emirates".split()
)
_COMMON_ACRONYMS = frozenset("tv dvd cd pc pcs ceo mp mps ai it gdp".split())
_ASKS_CITY = re.compile(r"\b(?:which|what)\s+(?:city|town|village|capital)\b")
# Countries, nations and continents named in news (hand-written: a small, stable list; a place
# that is one of these does not answer "which city").
_NOT_CITIES = frozenset(
    "afghanistan africa albania algeria america americas argentina armenia asia australia "
    "austria azerbaijan bangladesh belarus belgium bolivia bosnia brazil britain bulgaria "
    "cambodia canada chile china colombia congo croatia cuba cyprus czech denmark ecuador "
    "egypt england estonia ethiopia europe finland france georgia germany ghana greece "
    "holland hungary iceland india indonesia iran iraq ireland israel italy jamaica japan "
    "jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania luxembourg "
    "malaysia mexico moldova mongolia montenegro morocco nepal netherlands nigeria norway "
    "pakistan palestine panama paraguay people peru philippines poland portugal qatar "
    "republic romania russia rwanda scotland senegal serbia singapore slovakia slovenia "
    "somalia spain sudan sweden switzerland syria taiwan tanzania thailand tibet tunisia "
    "turkey uganda ukraine uk us usa uruguay uzbekistan venezuela vietnam wales yemen "
    "zambia zimbabwe".split()
)


def is_withheld(text: str, kind: Kind | None) -> bool:
    """Whether a sentence says a fact of ``kind`` is not known ("an undisclosed sum",
    "declined to say"); "an unnamed buyer" withholds only a name."""
    return bool((_WITHHELD if kind is Kind.NAME else _WITHHELD_NOT_NAME).search(text))


def is_instruction(text: str) -> bool:
    """Whether a sentence addresses an AI or imitates a prompt (never evidence, never an answer)."""
    return bool(_INSTRUCTION.search(text))


def asked_kind(question: str) -> Kind | None:
    """The kind of answer the question asks for, or None when its wording does not say.
    Capitalised words after the first are names, not wording ("Bill Thompson" asks no bill)."""
    q = " ".join(re.sub(r"(?<=\s)[A-Z][a-z][\w'’.-]*", "X", question.strip()).lower().split())
    for pattern, kind in _KIND_RULES:
        if pattern.search(q):
            return kind
    return None


def _norm_number(n: str) -> str:
    return n.replace(",", "").rstrip(".")


_PREPOSITION_NEXT = re.compile(r"\s+(?:for|of|in|at|on|from|with|into|over|under|among)\b")


def name_runs(text: str, common: Callable[[str], bool] | None = None) -> list[str]:
    """Runs of capitalised words that are not sentence openers, titles or calendar words.

    ``common`` (``TermStats.is_common``) tells a common word capitalised only because it opens
    the sentence ("Rock outfit Rooster…", "Investors who…", "Striker Nicolas Anelka…") from a
    name ("Labour won…"); it is dropped from the start of the run."""
    runs = []
    for m in _CAP_RUN.finditer(text):
        words = [w.strip(".,'’") for w in m.group(0).split()]
        words = [w for w in words if w and w.lower() not in _NOT_NAMES]
        if not words:
            continue
        at_start = m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":", '"', "“"))
        # A lone capitalised opener that is a function word, an adverb ("Previously,") or a
        # noun before a preposition ("Demand for…", "Shares in…") names nothing.
        if (
            at_start
            and len(words) == 1
            and (
                words[0].lower() in STOPWORDS
                or words[0].lower().endswith("ly")
                or _PREPOSITION_NEXT.match(text, m.end())
            )
        ):
            continue
        if at_start and common is not None and common(words[0]):
            words = words[1:]
            if not words:
                continue
        runs.append(" ".join(words))
    return runs


_UNITS = (
    (
        # A time: on a clock or a stopwatch ("29:45", "2hrs 15mins", "7.30pm").
        _ASKS_TIME,
        re.compile(
            # (not a distance: "the 5,000m")
            r"\d[:.]\d\d\b|(?<![\d,.])\d+\s?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|h|m|s|am|pm|"
            r"a\.m\.|p\.m\.)(?![\w])|\bo'clock\b|\bnoon\b|\bmidnight\b",
            re.IGNORECASE,
        ),
    ),
    (
        # A penalty: a duration ("six months", "two-year ban") or life.
        re.compile(r"\b(?:sentence|jail term|prison term|ban|suspension)\b"),
        re.compile(
            r"\b(?:years?|months?|weeks?|days?|hours?|life)\b|\d+-(?:year|month|week|day)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # A death toll: the sentence must count deaths ("230 fewer injuries" does not).
        re.compile(r"\bhow many\b[^?]*\b(?:killed|died|dead|deaths|lives|perished)\b"),
        re.compile(r"\b(?:kill\w*|died|dead|deaths?|lives|fatal\w*|perished)\b", re.IGNORECASE),
    ),
    (
        # A percentage: the sentence must give one ("a third" or "17 stores" does not).
        re.compile(r"\b(?:what|which|by what|by how many)\s+(?:percentage|per ?cent)\b"),
        re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE),
    ),
    (
        # "How long is the contract / did the siege last?": a duration ("three years", "an
        # 18-month deal", "since 1999", "until June") or a length ("a 5km tunnel"), not the
        # fee of the contract.
        re.compile(r"\bhow long\b"),
        re.compile(
            r"\b(?:years?|seasons?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|"
            r"decades?|centur(?:y|ies)|terms?)\b|\d\s?(?:hrs?|h|mins?|secs?)\b|"
            rf"\b(?:since|until|till)\s+(?:\d|{_MONTH_NAMES})|\b(?:in|from)\s+(?:19|20)\d\d\b|"
            # (a sum is no length: "£1.4m", "1.4m euros")
            r"(?<![£$€¥\d.,])\d+(?:[.,]\d+)*\s?(?:m|cm|mm|km|ft|metres?|meters?|feet|foot|"
            r"inches|miles?|yards?|kilometres?)\b(?!\s?(?:euros?|dollars?|pounds?|francs?|yen|"
            r"yuan|rupees?|roubles?|[$£€¥]))",
            re.IGNORECASE,
        ),
    ),
    (
        # "How far did shares fall?" / "how far above the offer price?" ask for a change (a
        # percentage or a price), not a distance; "how high can the fees go?" a sum or a
        # rate, not a height.
        re.compile(
            rf"\bhow (?:tall|high|far|deep|wide)\b(?![^?]*\b(?:{_CHANGE_WORDS}|above|below|"
            rf"ahead|behind|short|{_MONEY_WORDS}|fees?|rates?|prices?|charges?|inflation|"
            rf"unemployment)\b)|\b(?:height|length|distance)\b"
        ),
        re.compile(
            # (a speed, "3.7m/h" or "5km per hour", is no length)
            r"\d(?:[.,]\d+)*\s?(?:m|cm|mm|km|ft|in|metres?|meters?|centimetres?|feet|foot|"
            r"inches|miles?|yards?|kilometres?)\b(?!\s?(?:/|an hour|per hour|a second|per second))",
            re.IGNORECASE,
        ),
    ),
    (
        # A head count of a workforce: the sentence must count people ("two factory sites"
        # does not).
        re.compile(
            r"\bhow many (?:[\w'’-]+ ){0,2}?(?:workers|staff|employees|jobs|personnel)\b|"
            r"\bhow many\b[^?]*\b(?:employ|employs|employed)\b|"
            # "How many people work at …" (not "… did the work and pensions committee find")
            r"\bhow many (?:[\w'’-]+ ){0,2}?(?:work|works|worked)\b(?! and pensions)"
        ),
        re.compile(
            r"\b(?:people|persons|staff|workers?|employ\w*|jobs?|workforce|personnel|posts?|"
            r"redundanc\w*|headcount|men|women)\b",
            re.IGNORECASE,
        ),
    ),
    (
        re.compile(
            r"\bhow heavy\b|\bwhat (?:\w+ ){0,2}?weight\b|\bweight of\b|"
            r"\b(?:how much|what) (?:do|does|did|will|would|can|could)\b[^?,]*?\bweigh\b"
        ),
        re.compile(r"\d(?:[.,]\d+)*\s?(?:kg|g|lb|lbs|tonnes?|tons?|kilos?|pounds|grams?)\b"),
    ),
)


_CONVERSION = re.compile(r"(\d(?:[\d.,]*\d)?)\s*(?:bn|m|k|billion|million)?\s*\(([^()]{1,25})\)")


def _without_conversions(text: str, q_numbers: set[str]) -> str:
    """The text without the bracketed conversion of a number the question states: in
    "$40bn (£21bn)" the £21bn is the question's own figure in another currency, not news."""
    return _CONVERSION.sub(
        lambda m: m.group(0) if _norm_number(m.group(1)) not in q_numbers else m.group(1),
        text,
    )


# The relations a sum of money can have to its subject: what is spent on it (a cost, a
# budget, an investment), what it brings in (takings, revenue, sales), what is left of that
# (a profit or a loss), what is paid as a penalty (damages, a fine, compensation), and the
# price of its shares. A
# sentence giving only another relation does not answer ("How much did the film cost to
# make?" over "The film took $36m on its first weekend"; "What profit did it make?" over
# "It generated revenues of $12bn"; "What did the divorce cost her?" over "the £5,000
# damages ordered by a court"). Words that may mean two relations ("earned", "income")
# belong to both. Payments and prices belong to none: any relation may be paid.
_PENALTY = re.compile(
    r"\b(?:damages|compensation|fine|fined|fines|penalty|penalties|settlement|payout)\b",
    re.IGNORECASE,
)
_MONEY_RELATIONS = (
    re.compile(
        r"\b(?:cost|costs|costing|budget|budgets|spend|spends|spent|spending|"
        r"invest(?!igat)\w*|outlay)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:takings|gross|grossed|grossing|box[- ]office|earn|earns|earned|earning|earnings|"
        r"revenues?|sales|turnover|income)\b|\b(?:took|taking|takes|take|made|making)\s+"
        r"(?:in\s+|a\s+|just\s+|more than\s+|over\s+|about\s+)*[$£€¥\d]",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:profits?|profitable|losses|loss|earn|earns|earned|earning|earnings|income)\b",
        re.IGNORECASE,
    ),
    _PENALTY,
    re.compile(r"\b(?:shares?|stocks?)\b", re.IGNORECASE),
)


_PAYMENT = re.compile(
    r"\b(?:pay|pays|paid|paying|payment|payments|award\w*|owe|owes|owed|seek\w*|sought|"
    r"claim\w*|demand\w*|settle\w*|order\w*|su(?:e|es|ed|ing)|receiv\w*|gave|give|gives|"
    r"given|got|get|gets|won|win|wins|hand(?:s|ed)? over)\b",
    re.IGNORECASE,
)


def _other_money_relation(text: str, question: str) -> bool:
    """Whether the sentence's money is of another relation than the one the question asks
    for, and of none of the question's (``_MONEY_RELATIONS``). A question naming no relation,
    or several, is not checked; nor is a sentence naming none ("the $75m film")."""
    asked = {i for i, rel in enumerate(_MONEY_RELATIONS) if rel.search(question)}
    if len(asked) != 1:
        return False
    given = {i for i, rel in enumerate(_MONEY_RELATIONS) if rel.search(text)}
    # A penalty is named where it is given ("$1bn in damages", "fined £5m", "agreed to pay
    # $1m", "is seeking $1bn"): a sum named with no relation and no payment ("the 4bn euros
    # it held") is not the damages asked for.
    if asked == {_MONEY_RELATIONS.index(_PENALTY)} and not given and not _PAYMENT.search(text):
        return True
    return bool(given) and not (given & asked)


_COUNTS = re.compile(r"\bhow many\b")
_CAPITAL_NUMBER = re.compile(rf"\b(?:{'|'.join(w.capitalize() for w in _NUMBER_WORDS)})\b")


def _without_numbers_in_names(text: str) -> str:
    """``text`` without the capitalised number words that are part of a name: next to
    another capitalised word ("the Six Nations", "Channel Four"); "Four members…" keeps its
    number."""

    def keep_or_drop(m: re.Match[str]) -> str:
        before = re.search(r"\b([A-Za-z][\w'’-]*)\s+$", text[max(0, m.start() - 40) : m.start()])
        after = re.match(r"\s+([A-Za-z])", text[m.end() :])
        in_name = bool(before and before.group(1)[0].isupper()) or bool(
            after and after.group(1).isupper()
        )
        return " " if in_name else m.group(0)

    return _CAPITAL_NUMBER.sub(keep_or_drop, text)


_FRACTION = re.compile(r"\b(?:half|third|quarter)\b", re.IGNORECASE)
# "How much time / sleep / notice…?": a quantity of time, which a duration gives.
_QUANTITY_OF_TIME = re.compile(
    r"\bhow much (?:[\w-]+ )?(?:time|sleep|notice|leave|rest|holiday|television|tv|jail|prison)\b"
)
_PER_TIME = re.compile(
    r"\b(?:a|per|each|every) (?:year|month|week|day|hour)\b|\b(?:annually|yearly|daily)\b"
)
_ASKS_CHANGE = re.compile(rf"\b(?:{_CHANGE_WORDS})\b|\bby how much\b")
# "The 17th game", "his 3rd title": a rank, not a count.
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
# A figure: digits (with a scale: "100m") or a number word, and the word after it.
_FIGURE = re.compile(
    rf"(?<![\w.,])(?:\d+(?:[.,]\d+)*(?:m|bn|k)?|(?i:{'|'.join(_NUMBER_WORDS)}))(?!\w)"
)
_FIGURE_NOUN = re.compile(r"(?:\s+(?:million|billion|thousand|m|bn|k)\b)?(?:\s+|-)([a-z]+)")
# Units a game is scored or played in (``_count_key``s): "14 points" is no number of caps,
# "a four-set win" no number of aces. Only these are told apart: other nouns have too many
# synonyms for a word list ("troops" / "soldiers", "homes" / "houses").
_PLAY_UNITS = frozenset(
    "point goal try trie run wicket set game match cap ace title final medal shot lap hole "
    "round innin appea assis birdi strok frame centu conve penal foul save win victo defea "
    "draw loss race podiu troph tackl start".split()
)
# Units of measure (``_count_key``s): "from eight yards" or "a 25kg bag" counts no goals
# and no bags; only a question counting that unit ("how many miles") takes them.
_MEASURES = frozenset(
    "yard metre meter mile feet foot inche kilom kilog kilo tonne ton lb lbs km cm mm kg "
    "mph".split()
)
# ("the 5,000m" is a distance; "5m" alone may be millions, "£5,000m" is money)
_ATTACHED_MEASURE = re.compile(
    r"(?<![\w.,£$€¥])(?:\d+(?:[.,]\d+)*(?:km|cm|mm|kg|lbs?|mph)|\d{1,3}(?:,\d{3})+m)\b"
)
# Units news uses for one another: a player's appearances are his games and caps.
_PLAY_FAMILIES = (
    frozenset("game match appea cap start".split()),
    frozenset("win victo".split()),
    frozenset("defea loss".split()),
    frozenset("try trie".split()),
)
_TIME_UNITS = (
    r"(?:years?|seasons?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
)
_COUNTS_TIME = re.compile(rf"\bhow many (?:[\w-]+ )?{_TIME_UNITS}\b")
_DURATION = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)}|a|an)[\s-]+(?:more[\s-]+|full[\s-]+)?"
    rf"{_TIME_UNITS}(?:[\s-]+old)?\b",
    re.IGNORECASE,
)
# "One in 10 users", "three in four voters": a share, not a count.
_RATIO = re.compile(
    rf"\b(?:\d+|{'|'.join(_NUMBER_WORDS)}) (?:in|out of) (?!(?:1[5-9]|20)\d\d\b)"
    rf"(?:\d+|every|{'|'.join(_NUMBER_WORDS)})\b(?![\s-]+{_TIME_UNITS}\b)",
    re.IGNORECASE,
)
_PRONOUN_ONE = re.compile(
    r"\b(?:which|this|that|the|no|every|each|any|another|a|little|big|new|right|wrong)\s+one\b"
    r"(?!-)(?!\s+(?:of|in)\b)",
    re.IGNORECASE,
)
_YEAR_IN_PROSE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|into|of|before|after|during|for|through|between|"
    r"and|early|late|mid|the|spring|summer|autumn|winter)\s+|-)(?:19|20)\d\d\b(?![.,]\d)|"
    r"\b(?:19|20)\d\d(?=['’]s\b)"
)
_ASKS_SHARE = re.compile(r"\b(?:share|percentage|per ?cent|proportion|fraction|slice)\b|%")
_ODDS = re.compile(r"(?<![\d.,])\d{1,3}\s?[-/]\s?\d{1,3}(?![\d.,]*\d)")
_ASKS_SHARE_PRICE = re.compile(
    r"\b(?:share|stock) price\b|\bprice of (?:its |their |the )?shares\b"
)
_SHARES = re.compile(r"\b(?:shares?|stock|stocks)\b", re.IGNORECASE)
_PERCENTAGE = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|per ?cent\b)", re.IGNORECASE)


def states_lead_fact(answer: str, lead: str, kind: Kind | None, question: str) -> bool:
    """Whether an answer gives the figure the lead evidence sentence holds, for questions
    asking a figure, a date or an age. The lead is the sentence that passed every
    answerability check; a model answer quoting only another sentence's figure ("2.56
    million euros" raised, for the 10 million euros needed) answers something else. True
    when the lead holds no digits the question lacks (nothing to compare)."""
    if kind not in (Kind.NUMBER, Kind.MONEY, Kind.AGE, Kind.DATE):
        return True
    q_numbers = _numbers(question)
    facts = _numbers(lead) - q_numbers
    if not facts:
        return True
    return bool(facts & _numbers(answer))


def _hedged(text: str, question: str) -> bool:
    """Whether the sentence's figures are only expected, forecast or possible: a hedge comes
    before its last figure the question does not state ("cutting the limit to 50mg would
    save 65 lives"). A hedge after every figure ("150 developers are left and more are likely
    to close") leaves them stated."""
    hedge = _HEDGED.search(text)
    if hedge is None:
        return False
    q_numbers = _numbers(question)
    last = max(
        (m.start() for m in _DIGITS.finditer(text) if _norm_number(m.group(0)) not in q_numbers),
        default=None,
    )
    return last is None or hedge.start() < last


def _numbers(text: str) -> set[str]:
    """The numbers written in digits in ``text``, normalised ("1,200" is "1200")."""
    return {_norm_number(n) for n in _DIGITS.findall(text)}


def _counted_words(q_lower: str) -> set[str]:
    """What "how many" counts, loosely: the keys (``_count_key``) of the (up to three) words
    after it. Used to keep a figure followed by one of them; ``_asked_count`` is the strict
    reading, used to drop figures."""
    m = re.search(r"\bhow many ((?:[a-z-]+ ){0,3})", q_lower + " ")
    words = m.group(1).split() if m else []
    return {_count_key(w) for w in words if w not in ("of", "the", "more", "other")}


def _count_key(word: str) -> str:
    """A counted noun, singular or plural, as a short key ("caps" and "cap" are "cap")."""
    return word.lower().removesuffix("s")[:5]


def _asked_count(question: str) -> set[str]:
    """The keys (``_count_key``) of what "how many" counts, strictly: the lower-case words
    between it and the auxiliary after them ("how many spam websites did …" → spam, websi;
    "how many Child Support Agency cases were …" → case). Empty when no auxiliary follows
    within five words ("how many Americans took up …") or the counted thing is a name ("how
    many Bank of America ATMs did …")."""
    m = re.search(
        r"\b[Hh]ow many ((?:[\w'’-]+ ){1,5}?)(?:did|do|does|has|have|had|was|were|is|are|will|"
        r"would|could|can|should|might|may)\b",
        question,
    )
    if m is None:
        return set()
    return {
        _count_key(word)
        for word in m.group(1).split()
        if word[:1].islower() and word not in STOPWORDS
    }


def _counts_of_other_things(text: str, asked: set[str], q_numbers: set[str]) -> str:
    """``text`` without the figures that count another unit of play than the one the question
    counts (``_PLAY_UNITS``), or measure something (``_MEASURES``): for "how many caps", "14
    points"; for "how many aces", "a four-set win"; for "how many fans", "14 points"; for
    "how many goals", "from eight yards". A figure of any other noun stays."""
    if not asked:
        return text
    asked = asked.union(*(family for family in _PLAY_FAMILIES if asked & family))
    if not asked & _MEASURES:
        text = _ATTACHED_MEASURE.sub(" ", text)
    out: list[str] = []
    last = 0
    for m in _FIGURE.finditer(text):
        noun = _FIGURE_NOUN.match(text, m.end())
        if _norm_number(m.group(0)) in q_numbers or noun is None:
            continue
        unit = _count_key(noun.group(1))
        if (unit in _PLAY_UNITS or unit in _MEASURES) and unit not in asked:
            out += [text[last : m.start()], " "]
            last = m.end()
    return "".join(out) + text[last:]


def _strip_unless_counted(pattern: re.Pattern[str], text: str, counted: set[str]) -> str:
    """``text`` without ``pattern``'s matches, except those followed (within two words) by
    the counted noun: "by 2000 people" counts people, "by 2000" is a year."""

    def keep_or_drop(m: re.Match[str]) -> str:
        follows = re.match(r"\s+([a-z-]+)(?:\s+([a-z-]+))?", text[m.end() :])
        if follows and {_count_key(w) for w in follows.groups() if w} & counted:
            return m.group(0)
        return " "

    return pattern.sub(keep_or_drop, text)


def holds_kind(
    text: str, kind: Kind, question: str, common: Callable[[str], bool] | None = None
) -> bool:
    """Whether ``text`` states something of ``kind`` that ``question`` does not already state
    (``common``: see ``name_runs``)."""
    q_lower = question.lower()
    if is_withheld(text, kind):
        return False
    if (
        kind in (Kind.MONEY, Kind.NUMBER)
        and _PAST_QUESTION.search(question)
        and not _HEDGED_QUESTION.search(question)
        and _hedged(text, question)
    ):
        return False
    q_numbers = _numbers(question)
    if kind is Kind.AGE:
        return any(
            _norm_number(n) not in q_numbers
            for m in _AGE.finditer(text)
            for n in _DIGITS.findall(m.group(0))
        )
    if kind in (Kind.NUMBER, Kind.MONEY):
        text = _without_conversions(text, q_numbers)
        new_numbers = _numbers(text) - q_numbers
        if kind is Kind.MONEY:
            if _other_money_relation(text, question):
                return False
            # A share price is a price of shares, not of a product ("price points of £100").
            if _ASKS_SHARE_PRICE.search(q_lower) and not _SHARES.search(text):
                return False
            return (bool(new_numbers) and bool(_MONEY.search(text))) or bool(
                _SPELLED_MONEY.search(text)
            )
        if _COUNTS.search(q_lower) and not _ASKS_SHARE.search(q_lower):
            # "How many votes were cast?": a share ("67% of the vote") is no count, nor are
            # odds or a score ("40-1", "1/4", "2-0"), nor "one of the housemates".
            # Nor is a date ("on 3 April").
            text = _ODDS.sub(" ", _PERCENTAGE.sub(" ", _DAY_OF_MONTH.sub(" ", text)))
            text = re.sub(r"\bone of\b", " ", text, flags=re.IGNORECASE)
            # Nor a ratio ("one in 10 users", unless the question gives it: "how many of the
            # 22 members"), "one" as a pronoun ("which one"), a year in prose ("into 2005",
            # "2005's products") unless the counted noun follows ("by 2000 people"), nor a
            # duration when the question counts something else ("eight seasons ago").
            text = _RATIO.sub(
                lambda m: m.group(0) if _numbers(m.group(0)) & q_numbers else " ", text
            )
            counted = _counted_words(q_lower)
            # Nor a rank or a fraction ("the 17th game", "the crucial third", "a third of"),
            # unless the counted noun follows ("his 62nd cap", "a third time").
            text = _strip_unless_counted(_ORDINAL, text, counted)
            text = _strip_unless_counted(_FRACTION, text, counted)
            text = _strip_unless_counted(_PRONOUN_ONE, text, counted)
            text = _strip_unless_counted(_YEAR_IN_PROSE, text, counted)
            if not _COUNTS_TIME.search(q_lower):
                text = _DURATION.sub(" ", text)
            # Nor a count of something else ("14 points" for "how many caps").
            text = _counts_of_other_things(text, _asked_count(question), q_numbers)
            new_numbers = _numbers(text) - q_numbers
        elif (
            _QUANTITY.search(q_lower)
            and not _ASKS_SHARE.search(q_lower)
            and not _ASKS_CHANGE.search(q_lower)
        ):
            # "How much gas a year…?": a rate, which a share ("45% of its gas") does not give
            # ("how much oil does it import?" may be answered by one); nor is a duration
            # ("three days after the cut") a quantity, unless time is the stuff asked for.
            if _PER_TIME.search(q_lower):
                text = _PERCENTAGE.sub(" ", text)
            if not _QUANTITY_OF_TIME.search(q_lower):
                text = _DURATION.sub(" ", text)
            new_numbers = _numbers(text) - q_numbers
        # A number word inside a name ("the Six Nations", "Channel Four") is no figure.
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", _without_numbers_in_names(text))]
        q_words = set(re.findall(r"[a-z]+", q_lower))
        spelled = any(
            w in _NUMBER_WORDS and w not in _VAGUE_NUMBERS and w not in q_words for w in words
        )
        for asks, unit in _UNITS:
            if asks.search(q_lower):
                return (bool(new_numbers) or spelled) and bool(unit.search(text))
        return bool(new_numbers) or spelled
    if kind is Kind.DATE:
        years = {y for y in _YEAR.findall(text)} - set(_YEAR.findall(question))
        tokens = set(re.findall(r"[a-z]+", text.lower()))
        months = {w for w in tokens if w in _MONTHS or w in _WEEKDAYS} - set(
            re.findall(r"[a-z]+", q_lower)
        )
        # "may" is a month only when capitalised.
        if months == {"may"} and "May" not in text:
            months = set()
        if _ASKS_DAY.search(q_lower):
            # "On what date": a day of a month ("17 April", "April 17", "17/04"), not a
            # weekday or a year alone.
            return bool(_DAY_OF_MONTH.search(text))
        # A birth year dates a birth only ("Born in January 1934, she won a scholarship").
        if not _ASKS_BIRTH.search(q_lower):
            years -= {m.group(1) for m in _BORN_IN.finditer(text)}
        if _ASKS_YEAR.search(q_lower):  # "in what year": a year, not a weekday or a month
            return bool(years)
        return bool(years or months)
    if kind is Kind.STATEMENT:
        # Words attributed to someone: a speech verb, "according to", or a quotation.
        return bool(_SPEECH.search(text) or _QUOTATION.search(text))
    if kind is Kind.PLACE:
        q_words = set(re.findall(r"[a-z0-9]+", q_lower))
        places = [p for p in _places(text) if p.lower() not in q_words]
        if _ASKS_CITY.search(q_lower):  # a country or a continent is not the city asked for
            places = [p for p in places if p.lower().rstrip(".") not in _NOT_CITIES]
        return bool(places)
    # NAME: a capitalised run with at least one word the question does not contain; for
    # "the name of the <noun>", the sentence must mention that <noun>.
    # "Who said …?": the answer is a sentence attributing words to someone.
    if _SPEECH_QUESTION.search(q_lower) and not _SPEECH.search(text):
        return False
    head = _NAME_OF.search(q_lower) or _WHICH_NAMED.search(q_lower)
    if head and not _names_the(head.group(1), text, q_lower):
        return False
    q_words = set(re.findall(r"[a-z0-9]+", q_lower))
    q_names = {w.lower() for run in name_runs(question) for w in re.findall(r"[A-Za-z0-9]+", run)}
    for run in name_runs(text, common):
        # ("China’s" is "China": a possessive ending is no word of the name, nor is the
        # lower-case end of a compound: "London-based" is "London")
        run = re.sub(r"-[a-z][\w-]*", "", run)
        words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", run))]
        # A country, a nationality or a common acronym ("TV") names no person or firm.
        if all(
            w in _NOT_CITIES
            or w in _COUNTRY_WORDS
            or w in _DEMONYMS
            or w in _LONE_DEMONYMS
            or w in _COMMON_ACRONYMS
            for w in words
        ):
            continue
        # The spelt-out form of an acronym the question uses ("National Company for
        # Cooperative Insurance" for NCCI) is the question's own name, not an answer.
        spelt = [
            w
            for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", run).lower())
            if w not in ("of", "for", "the", "and", "de")
            and w not in _COUNTRY_WORDS
            and w not in _NOT_CITIES
        ]
        initials = "".join(w[0] for w in spelt)
        if len(initials) > 1 and initials in q_words:
            continue
        # A fuller form of a name the question uses ("David Blunkett" for "Blunkett"), or
        # the question's name after a capitalised opener ("Striker Nicolas Anelka …"), is
        # the question's own name.
        if len(words) == 2 and words[-1] in q_names:
            continue
        if len(words) > 1 and text.startswith(run) and all(w in q_names for w in words[1:]):
            continue
        if any(w not in q_words for w in words):
            return True
    return False


def _names_the(noun: str, text: str, question: str = "") -> bool:
    """Whether ``text`` gives a name to ``noun``: "the show Advance Warning", "a park called
    Uhuru", "Uhuru Park"."""
    n = re.escape(noun)
    follows = rf"\b(?i:{n}s?),?\s+(?:(?:called|named|known as|dubbed)\s+)?[\"“‘']?[A-Z]"
    ends = rf"[A-Z][\w'’-]*\s+{re.escape(noun.capitalize())}\b"
    of = rf"\b{re.escape(noun.capitalize())}\s+(?:of|for)\s+(?:the\s+)?[A-Z]"
    if re.search(follows, text) or re.search(ends, text) or re.search(of, text):
        return True
    # "Stockholm's Cirkus theatre": a name the question does not hold, before the noun.
    q_words = set(re.findall(r"[a-z0-9]+", question))
    return any(
        m.group(1).lower() not in q_words and m.group(1).lower() not in STOPWORDS
        for m in re.finditer(rf"(?<![\w'’])([A-Z][\w-]+)\s+{n}\b", text)
    )


# Acronyms that stand for one thing whatever the question's words ("US" for "units sold").
_FIXED_ACRONYMS = frozenset("US UK EU UN PM MP MPS AM PC TV".split())
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# A capitalised word inside a sentence: after a lower-case word, a digit or a comma.
_CAPITAL_MID = re.compile(r"(?<=[a-z0-9,;] )[A-Z][a-z]+\b")


class TermStats:
    """Inverse document frequencies of word stems over the indexed chunks, and which words the
    chunks write mostly in lower case (``is_common``).

    Loaded once per process on first use, from ``load`` (an iterable of chunk texts); the load
    runs behind a lock, after which the table is read-only, so the object is thread-safe.
    A term the collection never saw gets the highest IDF (it is as rare as it gets).
    """

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._idf: dict[str, float] | None = None
        self._max = 1.0
        self._common: frozenset[str] = frozenset()

    def _table(self) -> dict[str, float]:
        if self._idf is None:
            with self._lock:
                if self._idf is None:
                    counts: dict[str, int] = {}
                    lower: Counter[str] = Counter()
                    capital: Counter[str] = Counter()
                    total = 0
                    for text in self._load():
                        total += 1
                        for w in content_words(text):
                            counts[w] = counts.get(w, 0) + 1
                        lower.update(_LOWER_WORD.findall(text))
                        capital.update(w.lower() for w in _CAPITAL_MID.findall(text))
                    self._max = math.log((total + 1) / 1) + 1
                    self._common = frozenset(w for w, n in lower.items() if n > capital[w])
                    self._idf = {w: math.log((total + 1) / (c + 1)) + 1 for w, c in counts.items()}
        return self._idf

    def is_common(self, word: str) -> bool:
        """Whether the indexed text writes ``word`` in lower case more often than capitalised
        inside a sentence: "rock", "investors", "striker" are common words; "Labour", "Blair",
        "Apple" are names. Counted with the IDF table, once per process."""
        self._table()
        return word.lower() in self._common

    def idf(self, stem: str) -> float:
        """The IDF of a stem (as ``content_words`` returns it)."""
        table = self._table()
        return table.get(stem, self._max)


@dataclass(frozen=True)
class Focus:
    """What a question is about: its terms with weights, and the parts that must be present."""

    weights: dict[str, float]
    names: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    kind: Kind | None = None
    event: str | None = None  # the verb of "who won …?": the evidence must mention that event
    role: str | None = None  # the noun of "which judge is …?": the evidence must mention it
    noun: str | None = None  # the noun of "which <noun> …?", a role or not ("which newspaper")
    question: str = ""
    missing: list[str] = field(default_factory=list)

    def coverage(self, sentence: str, context: str = "") -> float:
        """IDF-weighted share of the question's terms that the sentence holds (its context —
        the passage around it, for pronouns and the article's subject — counts half)."""
        total = sum(self.weights.values())
        if not total:
            return 1.0
        here = content_words(sentence) | self._named_by_initials(sentence)
        around = content_words(context) | self._named_by_initials(context) if context else set()
        got = 0.0
        for term, weight in self.weights.items():
            if term in here:
                got += weight
            elif term in around:
                got += weight / 2
        return got / total

    def _named_by_initials(self, text: str) -> set[str]:
        """The terms of the question's names, or of any run of two to four of its words, that
        ``text`` gives by their initials ("US" for "United States", "CSOs" for "community
        support officers")."""
        acronyms = {w.removesuffix("s") for w in re.findall(r"\b[A-Z][A-Z0-9]*[A-Z]s?\b", text)}
        if not acronyms:
            return set()
        terms: set[str] = set()
        for run in self.names:
            parts = re.findall(r"[A-Za-z0-9]+", run)
            if len(parts) > 1 and "".join(w[0] for w in parts).upper() in acronyms:
                terms |= content_words(run)
        # Lower-case runs: only of content words, and not for acronyms with a meaning of
        # their own ("units sold" is no "US", "more people" no "MP").
        spelt = acronyms - _FIXED_ACRONYMS
        words = re.findall(r"[A-Za-z0-9]+", self.question)
        for size in (2, 3, 4):
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                if any(w.lower() in STOPWORDS for w in window):
                    continue
                if "".join(w[0] for w in window).upper() in spelt:
                    terms |= content_words(" ".join(window))
        return terms

    def about_someone_else(self, sentence: str) -> bool:
        """Whether a sentence giving a figure, date or age is about another person or thing
        than the question's: it names none of the question's names, refers back to none
        ("he", "the company"), and names someone else ("Kelly Reid (4:31) was seventh" for
        "What time did Jo Hale record?"). Questions asking for a name or a place are left
        alone: there the other name is the answer."""
        if self.kind in (None, Kind.NAME, Kind.PLACE) or not self.names:
            return False
        words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", sentence)}
        for run in self.names:
            if any(w.lower() in words for w in re.findall(r"[A-Za-z0-9]+", run)):
                return False
        if PRONOUN.search(sentence):
            return False
        q_words = set(re.findall(r"[a-z0-9]+", self.question.lower()))
        for run in name_runs(sentence):
            parts = [w.lower() for w in re.findall(r"[A-Za-z]+", run)]
            if (
                len(parts) >= 2
                and not any(w in q_words for w in parts)
                and not all(w in _COUNTRY_WORDS or w in _NOT_CITIES for w in parts)
            ):
                return True
        return False

    def names_role_anonymously(self, sentence: str) -> bool:
        """Whether the sentence speaks of the asked role only as "a <role>" with no name beside
        it: "Anelka told a French magazine: …" does not say which magazine, nor "from a London
        venue" which venue. A name in apposition on either side ("Acme, a games company",
        "a magazine, Le Point," "a venue called the Cirkus") names it."""
        if self.noun is None or self.noun in _ANY_NAME_ROLES:
            return False
        # A sentence naming something of its own (other than who reports it: "The Sun says")
        # may name the asked thing elsewhere ("Hale told Le Point in a magazine interview").
        q_words = set(re.findall(r"[a-z0-9]+", self.question.lower()))
        for run in name_runs(sentence):
            if {w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)} <= q_words:
                continue
            if not re.search(rf"{re.escape(run)}\s+{_REPORTS}", sentence):
                return False
        # "a judge's clerk", "a magazine interview" use the noun as a modifier: not anonymous.
        role = re.compile(
            rf"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(self.noun)}s?\b"
            r"(?!['’]s\b)",
            re.IGNORECASE,
        )
        for m in role.finditer(sentence):
            before, after = sentence[: m.start()], sentence[m.end() :]
            following = re.match(r"\s+([a-z]+)\b", after)
            if following and following.group(1) not in STOPWORDS:
                continue
            if not (_NAME_BEFORE_ROLE.search(before) or _NAME_AFTER_ROLE.match(after)):
                return True
        return False

    def anchored(self, sentence: str, context: str = "") -> bool:
        """Whether every name, year and quoted phrase of the question is present in the
        sentence or its context (its passage and the article's title: the article may name its
        subject once and say "he" after). A near-miss question names something the articles do
        not link to the asked-for fact. A name counts as present when its last word, most of
        its words, or its initials ("US" for "United States") are."""
        text = f"{sentence}\n{context}".lower()
        words = set(re.findall(r"[a-z0-9]+", text))
        prefixes = {w[:6] for w in words if len(w) >= 6}
        # A year the question gives must be there, unless the article gives no year at all
        # (undated news rarely repeats its own year: "the 2005 Oscars" are "the Oscars").
        if any(y not in text for y in self.years) and _MODERN_YEAR.search(text):
            return False
        if any(p.lower() not in text for p in self.phrases):
            return False

        def present(word: str, plural: bool = False) -> bool:
            return (
                word in words
                or (len(word) >= 6 and word[:6] in prefixes)
                or any(alias in words for alias in _ALIASES.get(word, ()))
                # "the Oscars" are "an Oscar ceremony", "the Grammys" "a Grammy"
                or (plural and len(word) >= 5 and word[:-1] in words)
            )

        stems = {stem_word(w) for w in words} if self.role else set()

        # A question heavy with context (four or more names) may name one thing the
        # article calls otherwise ("the Conservatives" / "the Tories").
        if self.event and not mentions_event(self.event, text):
            return False
        if self.role and not (
            present(self.role)
            or stem_word(self.role) in stems
            or _role_as_title(self.role, f"{sentence}\n{context}")
            or (self.role in _PLAYED_ROLES and _PLAYED.search(text))
        ):
            return False
        allowed_misses = (len(self.names) - 1) // 3
        for run in self.names:
            parts = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", run)]
            got = sum(present(w) for w in parts)
            initials = "".join(w[0] for w in parts) if len(parts) > 1 else ""
            # a plural name after "the" or a possessive: "the Oscars", "this year's Grammys"
            plural = (
                len(parts) == 1
                and re.fullmatch(r"[a-z]+[^s]s", parts[0]) is not None
                and re.search(rf"\b(?:the|\w+['’]s)\s+{re.escape(run)}\b", self.question)
                is not None
            )
            if not parts or not (
                present(parts[-1], plural)
                or (len(parts[0]) >= 4 and present(parts[0]))
                or got * 2 > len(parts)
                or initials in words
            ):
                allowed_misses -= 1
                if allowed_misses < 0:
                    return False
        return True


# Names news writes in two ways: a party and its nickname, a country and its short or
# adjective form ("the Conservatives" / "the Tories", "the UK" / "Britain").
_ALIAS_GROUPS = (
    ("conservative", "conservatives", "tory", "tories"),
    ("democrats", "dems"),
    ("uk", "britain", "british"),
    ("usa", "america", "american"),  # not "us": the text is lower-cased, "us" is a pronoun
)
_ALIASES = {w: tuple(a for a in group if a != w) for group in _ALIAS_GROUPS for w in group}


def withheld_instead(
    focus: Focus, lead: tuple[str, str], candidates: Iterable[tuple[str, str]]
) -> bool:
    """Whether the articles say the asked-for fact is not known, rather than state it.

    ``lead`` and each candidate are (sentence, context). True when a candidate anchored to the
    question's names says a fact of the asked kind was withheld ("paid an undisclosed amount
    for X", "declined to say"; "an unnamed buyer" only for a who-question) and covers the
    question clearly better than the lead (by ``WITHHELD_COVERAGE_MARGIN``): the lead's figure
    or name is then about something else, the classic near-miss ("How much was she paid for
    X?" over an article listing her other fees).
    """
    bar = focus.coverage(*lead) + WITHHELD_COVERAGE_MARGIN
    return any(
        is_withheld(text, focus.kind)
        and focus.anchored(text, context)
        and focus.coverage(text, context) >= bar
        for text, context in candidates
    )


# Past forms whose stem is not the base verb's.
_IRREGULAR = {
    "won": "win",
    "bought": "buy",
    "met": "meet",
    "sold": "sell",
    "led": "lead",
    "ran": "run",
    "took": "take",
    "made": "make",
    "gave": "give",
    "told": "tell",
    "paid": "pay",
    "found": "find",
    "got": "get",
    "held": "hold",
    "left": "leave",
    "brought": "bring",
    "built": "build",
    "chose": "choose",
    "wrote": "write",
    "sent": "send",
    "spent": "spend",
    "struck": "strike",
    "became": "become",
    "began": "begin",
    "broke": "break",
    "drove": "drive",
    "kept": "keep",
    "lost": "lose",
    "saw": "see",
    "stole": "steal",
    "shot": "shoot",
    "sang": "sing",
    "hit": "hit",
    "beat": "beat",
    "quit": "quit",
}
# Verbs of "who <verb>s …?" that name a role the evidence must mention (a presenter, an
# owner, a chairman, a coach), by their base forms.
_ROLE_VERBS = {
    f"{base}{'es' if base.endswith(('ch', 'sh')) else 's'}": base
    for base in (
        "present host run own edit lead chair coach manage head direct sponsor represent "
        "captain produce fund employ publish"
    ).split()
}
_WHO_EVENT = re.compile(r"^\s*who\s+(?:has\s+|had\s+)?([a-z]+)\b", re.IGNORECASE)


def event_verb(question: str) -> str | None:
    """The base form of the past-tense verb of a "who <verb>ed …?" question (who won, who
    bought, who founded), or of a role verb in the present ("who presents / runs / chairs
    …": the presenter, the chairman), or None. Questions with a modal or a copula ("who
    will run", "who is") are left alone."""
    m = _WHO_EVENT.match(question)
    if not m or re.match(r"\s+as\b", question[m.end() :]):  # "who acted as …" is a role
        return None
    verb = m.group(1).lower()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ed") and len(verb) > 4:
        return verb
    if verb in _ROLE_VERBS:
        return _ROLE_VERBS[verb]
    return None


def mentions_event(verb: str, text: str) -> bool:
    """Whether ``text`` mentions the event ``verb`` names, in any inflection (win: won, wins,
    winner; bought: buy, buys, buyer)."""
    past = {k for k, v in _IRREGULAR.items() if v == verb}
    base_stem = stem_word(verb)
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in past or w.startswith(verb) or stem_word(w) == base_stem:
            return True
    return False


# "Which <adjectives> <noun> did/is/will …": the noun names the role the answer fills.
_ROLE = re.compile(
    r"^\s*(?:(?:in|at|to|for|from|with|by|on|against|of)\s+)?which\s+((?:[\w'’-]+\s+){0,3}?)"
    r"([a-z][\w'’-]*)\s*(?:,|\b(?:did|do|does|is|was|are|were|has|have|had|will|would|can|"
    r"could)\b)"
)


# A verb of reporting after a name: the reporter, not the reported ("The Sun says…").
_REPORTS = r"(?:says|said|say|reports|reported|report|quoted|claims|claimed)\b"
# A name in apposition to "a <role>": "Acme, a games company" / "Acme is a games company",
# and "a magazine, Le Point," / "a venue called the Cirkus" / "a US judge (Ann Lee)".
_NAME_BEFORE_ROLE = re.compile(
    r"[A-Z][\w'’.-]*\)?\s*(?:,|\b(?:is|was|are|were|became|becomes|as)\b)\s*$"
)
_NAME_AFTER_ROLE = re.compile(r"\s*(?:,|\(|\b(?:called|named|known as)\b)?\s*(?:the\s+)?[A-Z0-9]")


# Roles any name of the asked kind fills: the answer need not use the word ("Which nation
# does he run for?" — "he chose Trinidad and Tobago").
_ANY_NAME_ROLES = frozenset(
    "person persons man men woman women people player players nation nations country "
    "countries team teams side sides club clubs company companies firm firms group groups "
    "organisation organisations organization organizations official officials individual "
    "politician politicians executive executives boss bosses member members star stars".split()
)
# A character or part is named by who plays it: "she played Marie Jackson", "cast as Lear".
_PLAYED_ROLES = frozenset("character characters".split())
_PLAYED = re.compile(r"\b(?:play|plays|played|playing|portray\w*|cast as|starred as|stars as)\b")
# A publication is named without the word ("told the Sunday Times"): no mention needed. A
# broadcaster is usually introduced with it ("Finnish channel YLE"): a channel is a role.
_PUBLICATIONS = frozenset("newspaper newspapers paper papers magazine magazines tabloid".split())


def _role_as_title(role: str, text: str) -> bool:
    """Whether ``text`` gives the role, without its agent ending, as a title before a name:
    "Ulster wing Tommy Bowe" for a winger, "party chair Liz Smith" for a chairman."""
    for ending in ("woman", "person", "man", "er"):
        base = role.removesuffix(ending)
        if base != role and len(base) >= 4:
            # a noun before a full name, on one line: not a verb ("to chair", "will lead
            # Orbis") nor part of a compound ("right-wing Tory MPs")
            title = rf"(?<![-\w])(?i:{re.escape(base)})[ \t]+[A-Z][\w'’-]+[ \t]+[A-Z]"
            return any(
                not re.search(
                    r"\b(?:to|will|would|can|could|may|might|shall|should)\s+$",
                    text[: m.start()][-12:],
                )
                for m in re.finditer(title, text)
            )
    return False


def asked_noun(question: str, kind: Kind | None) -> str | None:
    """The noun of a "Which judge is presiding …?" question ("judge"), or None. Categories
    ("which sectors") and kinds already checked (dates, places, numbers) have none."""
    m = _ROLE.match(" ".join(question.lower().split()))
    if m is None:
        return None
    noun = m.group(2)
    before = m.group(1).split()
    # "Which other club's manager vacancy …": the question asks which club
    owner = next((w for w in before if re.search(r"['’]s?$", w)), None)
    if owner is not None:
        noun = re.sub(r"['’]s?$", "", owner)
    if "of" in before[1:]:  # "Which committee of Congress did …": the committee
        head = before[before.index("of", 1) - 1]
        # not inside a name: "Which Department of Health official …" asks for an official
        if re.search(rf"\b{re.escape(head)}\s+of\s+[A-Z]", question):
            noun = head
    if (
        noun in STOPWORDS
        or re.fullmatch(rf"(?:{_CATEGORY_NOUNS})s?", noun)
        or kind is not Kind.NAME
    ):
        return None
    return noun


def asked_role(question: str, kind: Kind | None) -> str | None:
    """The role noun of a "Which judge is presiding …?" question ("judge"), or None. The
    evidence must mention it: a name from the article that fills another role (the defendant,
    a witness) does not answer. Roles any name fills (``_ANY_NAME_ROLES``) and publications
    need no mention."""
    noun = asked_noun(question, kind)
    return None if noun in _ANY_NAME_ROLES or noun in _PUBLICATIONS else noun


_PART_SPLIT = re.compile(
    r",?\s+(?:and|while|but)\s+(?=(?:(?:in|by|on|at|for|from|to|with|of|against)\s+)?"
    r"(?:how|what|which|who|whom|when|where)\b)",
    re.IGNORECASE,
)


def question_parts(question: str) -> list[str]:
    """The sub-questions of a two-part question ("How tall is X, and how tall is Y?"); a
    one-part question is its own only part."""
    parts = [p.strip(" ,?") for p in _PART_SPLIT.split(question) if p.strip(" ,?")]
    return parts if len(parts) > 1 else [question]


def question_focus(question: str, stats: TermStats | None) -> Focus:
    """The focus of a question, each content term weighted by its IDF (1 when no stats)."""
    words = content_words(question)
    weights = {w: (stats.idf(w) if stats else 1.0) for w in words}
    names: list[str] = []
    for run in name_runs(question):
        tokens = [w.strip(".,'’?").removesuffix("'s").removesuffix("’s") for w in run.split()]
        kept = [
            w
            for w in tokens
            if len(w) > 1
            and w.lower() not in STOPWORDS
            and w.lower() not in _NOT_NAMES
            and w.lower() not in _DEMONYMS
            and not (len(tokens) == 1 and w.lower() in _LONE_DEMONYMS)
        ]
        if kept:
            names.append(" ".join(kept))
    quoted = (a or b for a, b in _QUOTED.findall(question))
    phrases = tuple(m.strip() for m in quoted if len(m.split()) > 1)
    years = tuple(sorted(set(_YEAR.findall(question))))
    kind = asked_kind(question)
    return Focus(
        weights=weights,
        names=tuple(dict.fromkeys(names)),
        phrases=phrases,
        years=years,
        kind=kind,
        event=event_verb(question),
        role=asked_role(question, kind),
        noun=asked_noun(question, kind),
        question=question,
    )
