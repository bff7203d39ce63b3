"""Figures in text: numbers, sums of money and their relations, units, counts, shares,
durations, ratios and ages; hedged figures (only expected or possible); whether an answer
gives the lead sentence's figure (``states_lead_fact``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.answerability.kinds import ASKS_TIME, Kind, asking_clause, asking_head
from service.answerability.lexicon import (
    CHANGE_WORDS,
    CROWD_ASKED,
    CURRENCY_WORDS,
    MONEY_WORDS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    YEAR,
)
from service.evidence import STOPWORDS, stem_word

# "Millions of tonnes", "dozens of people": a vague amount answers no "how many".
VAGUE_NUMBERS = frozenset("hundreds thousands millions billions dozens".split())

DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# An amount of money, its number captured: "$1.3bn" → 1.3, "50,000 euros" → 50000, "£7m" → 7.
# Not a length in metres given in feet too: "the 1.3m (4.2ft) Emiew robot" is its height,
# "jumped 30ft (10m)" a drop.
_MONEY_FIGURE = re.compile(
    r"[$£€¥]\s?(\d+(?:[.,]\d+)*)|"
    r"(?<!ft \()(?<!ft\()(?<!feet \()(?<!foot \()(?<!in \()(?<!in\()(?<!inches \()"
    r"(?<!yards \()(?<![\d.,])(\d+(?:[.,]\d+)*)\s?"
    r"(?:bn|p|m(?!\s?\(\s?\d[\d.,]*\s?(?:ft|feet|foot|in|inches|yd|yards?)\b))\b|"
    r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s?"
    rf"(?:billion|million|thousand|trillion)?\s?(?:{CURRENCY_WORDS})\b",
    re.IGNORECASE,
)
# Any mention of money: an amount, or a dollar sign alone ("US$").
MONEY_PHRASE = re.compile(rf"{_MONEY_FIGURE.pattern}|\b(?:us|uk)?\$", re.IGNORECASE)
# An amount written in words: "twelve dollars", "five million pounds", "a hundred euros".
SPELLED_MONEY = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half a)"
    r"(?:[\s-]+(?:hundred|thousand|million|billion|trillion))*\s+(?:dollars|pounds|euros|yen|"
    r"yuan|rupees|francs|cents|pence|rand|roubles|won)\b",
    re.IGNORECASE,
)

# What follows a number that is a date, a time or an address, not an age.
_NOT_AN_AGE = (
    r"\s*(?:[A-Z]|[:.]\d|\d|am\b|pm\b|a\.m|p\.m|o['’]clock|"
    r"in the (?:morning|afternoon|evening|night))"
)
AGE_PHRASE = re.compile(
    r"\baged?\s+(?:of\s+)?\d{1,3}\b|\b\d{1,3}[\s-]years?[\s-]old\b|"
    r"\bage of (?:just |only |barely )?\d{1,3}\b|,\s*(?:now\s+)?\d{1,3}\s*,|"
    r"[A-Z][a-z]+,\s*\d{1,3}\s*[.;]|\(\d{1,3}\)|"
    r"\b(?:his|her) \d{1,3}(?:st|nd|rd|th) birthday|"
    # "will live to 86", "died at 91 today": not a date, a time or an address ("lived until
    # 12 May 1998", "died at 4 in the morning", "died at 24 Marlow Square", "live until 11
    # tonight")
    rf"\bdie[sd]?\s+at\s+\d{{1,3}}\b(?!{_NOT_AN_AGE})|"
    rf"\b(?:live|lives|lived|living)\s+(?:to|until)\s+\d{{1,3}}\b"
    rf"(?!{_NOT_AN_AGE}|\s*(?:tonight|today|at night))|"
    # "when she was just 15", "when he was only 12", "when they were 19": not "when it was 4pm"
    # nor "when she was 5-1 down", "when he was 20 metres out": the number ends the phrase
    r"\b(?i:when)\s+(?i:he|she|they|i|we)\s+(?i:was|were)\s+"
    r"(?i:just\s+|only\s+|still\s+|aged\s+)?\d{1,3}\b(?![.,:]\d)"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?i:and|but|in|at|on|when|while|after|before|with|or|so|"
    r"as|he|she|they|years?[\s-]+old)\b)|"
    # a step in a life and the age it was taken at: "became an MP at 27", "retired at 36",
    # "made his debut at just 17" (the number ends the phrase: not "joined at 10am", "became
    # chairman at 27 Downing Street", "took over at 2-1 down")
    r"\b(?i:became|become|becomes|becoming|elected|appointed|retired|retiring|joined|"
    r"turned\s+professional|made\s+(?:his|her)\s+(?:[\w-]+\s+)?debut|debuted|married|quit)\b"
    # (one clause: no comma, no verb of a level between: not "became leader, the party's rating
    # stood at 31", "became a hit when it entered the chart at 23")
    r"(?:(?!\b(?i:stood|stands?|was|were|is|are|closed|entered|entering|went|polling|valued|"
    r"seeded|priced|rated)\b)[^.;:!?,]){0,60}?"
    r"\bat\s+(?i:just\s+|only\s+)?\d{2}\b(?![.,:]\d)"
    r"(?=\s*(?:[.,;!?)]|$)|\s+(?i:and|but|when|while|after|before|with|or|so|as)\b)"
)

# A sentence that only expects, forecasts or hopes does not answer what did happen.
_HEDGED = re.compile(
    r"\b(?:expected|expects|set|likely|estimated|forecast|predicted|hoped|hopes|plans|"
    r"aims|wants|poised) to\b|"
    # what someone expects another to do: "Analysts expect BHP Billiton to seek rises of up
    # to 70%", "forecasters predict prices to fall 5%"
    r"(?<!\bwhich )(?<!\bwho )\b(?-i:expect|expects|predict|predicts|want|wants)\s+(?!to\b)"
    r"(?:(?!\b(?:but|while|whereas|because|compared|according)\b)[^.;:]){1,80}?\bto\s+"
    r"(?!(?:the|a|an|his|her|its|their|this|that|my|our|your|me|him|them|us|one|and|or)\b|\d)"
    r"(?-i:[a-z]+)\b|"
    # "is due to open", not the cause "due to the weather", "due to BT stretching its reach"
    r"\bdue to\b(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|(?-i:[A-Z])|"
    r"[a-z]+ing\b|\d))|\b(?:could(?!\s+(?:not|never)\b)|might|may|would) (?:\w+ )?"
    r"(?:be|fetch|reach|cost|sell|earn|pay|make|get|receive|raise|rise|fall)\b|\bestimates?\b|"
    # (not an estimate as a figure's attribute, which states it: "had an estimated worth of
    # $2.6bn", "an estimated 50,000 people" — "is estimated to reach" stays a hedge above)
    r"(?<!\ban )(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )\bestimated\b|"
    # (what someone could not do is a fact: "could not come up with £150,000 bond money")
    r"\b(?:could(?!\s+(?:not|never)\b)|might|would)\s+(?:\w+\s+)?[a-z]+\b|"
    # a maximum faced or carried is no sentence given: "the charges carry up to 20 years"
    r"\b(?:fac(?:e|es|ed|ing)|carr(?:y|ies|ied|ying))\b[^.]{0,40}?\b(?:up to|a maximum|maximum)\b",
    re.IGNORECASE,
)
# A figure in a phrase of "since" ("since his acrimonious £27m move"), which the last hedge
# before it does not govern (the text between the hedge and the figure ends so).
_SINCE_FIGURE = re.compile(
    r"\bsince\s+(?:the|his|her|its|their|a|an)\s+(?:[\w'’-]+\s+){0,3}?[£$€]?$", re.IGNORECASE
)
# (the figure itself is no year, and no other figure stands between the hedge and "since":
# "expected to reach £30m, the most since the 1990s" stays hedged)
# What turns a sentence from what was hoped to what happened: "… but in the end …".
_CONTRAST = re.compile(r"\b(?:but|however|instead|yet|although|though)\b|;", re.IGNORECASE)
# A figure a simple past verb of change gives, right before it ("when output fell 11%", "sales
# rose by almost 5%"): a fact, whatever a hedge said of another figure earlier in the sentence.
# Only the verbs whose past is no participle: after a hedge, "could have fallen" or "is
# expected to have risen" would still be hedged.
_STATED_BY_PAST = re.compile(
    r"\b(?:fell|rose|grew|shrank|sank)\s+(?:by\s+)?(?:(?:about|around|some|almost|nearly|just|"
    r"roughly)\s+)?(?:more\s+than\s+)?[£$€]?$",
    re.IGNORECASE,
)
PAST_QUESTION = re.compile(r"\b(?:did|was|were)\b", re.IGNORECASE)
# (an intention or a rumour asks what was hedged too: "How big a bid were Chelsea ready to
# make?" is answered by "Chelsea could launch a £35m bid"; not "were ready for the match",
# nor a report of what happened: "who reportedly bought the club?"; a figure someone quoted
# or cited is what they said, an estimate or not: "What rate did Mr Vey quote?", not "What
# price were shares quoted at?")
HEDGED_QUESTION = re.compile(
    r"\b(?:will|would|could|might|may|expect\w*|forecast\w*|estimate\w*|predict\w*|"
    r"likely|plan\w*|hope\w*|aim\w*|want\w*|potential|due|set to|"
    r"(?:ready|prepared|willing|poised|intend\w*|rumou?red) to)\b|"
    r"\b(?:did|does|do)\b[^?]*\b(?:quote|cite)\b",
    re.IGNORECASE,
)


# What "how high" measures as a height: a jump or a climb, a building, a landform, water.
_HIGH_THINGS = (
    r"(?:jump|jumps|jumped|jumping|leap|leapt|clear|cleared|climb|climbs|climbed|fly|flies|flew|"
    r"flying|soar|soared|reach|reached|tower|towers|building|buildings|skyscraper|mountain|"
    r"mountains|peak|summit|hill|wall|walls|fence|dam|bar|ceiling|tree|trees|wave|waves|"
    r"water|waters|flood|floods|floodwaters|sea|snow|statue|bridge|mast|spire|cliff|stack|pile|"
    r"altitude|orbit|storey|storeys|floors?|mount|mt|volcano|balloon|rocket|drone|plane|"
    r"metres|meters|feet|ft)"
)


def norm_number(n: str) -> str:
    return n.replace(",", "").rstrip(".")


# Number words that count, not vague amounts ("dozens more injured").
_COUNT_WORDS = [w for w in NUMBER_WORDS if w not in VAGUE_NUMBERS]

# An arrest or detention ("held" only with a word of police: not "held up", "held talks").
_ARREST_WORD = (
    r"(?:(?<!cardiac )arrest\w*(?!\s+warrants?)|detain\w*|detention|custody|"
    r"(?:held|holding)\b(?!\s+(?:up|on|off|back|out|over|talks|hostage|captive)\b)"
    r"(?=[^.;]*\b(?:police|officers|questioning|suspicion|charge|terror\w*|custody|station|"
    r"cells?|connection|remand\w*|detention)\b))"
)
_NUM_WORD = rf"(?:\d+|{'|'.join(_COUNT_WORDS)})"
# A word of a penalty ("jailed", "banned", "term"; "faces" only before a figure or life: not
# "faces a retrial in six weeks"; "gave him eight years", "was given 10 years")
PENALTY_WORD = (
    r"\b(?:jail\w*|prison\w*|imprison\w*|sentenc\w*|ban|bans|banned|banning|suspen\w+|"
    r"custody|behind bars|detention|detained|term|serve|served|serving|life|lifetime|locked up)\b|"
    r"\bfac(?:e|es|ed|ing)\s+(?:(?:up to|a maximum of|at least|a possible|a|an)\s+)?"
    rf"(?:{_NUM_WORD}\b|life\b)|"
    r"\b(?:given|handed|got|gave\s+(?:him|her|them))\s+(?:an?\s+)?"
    rf"{_NUM_WORD}[\s-]+(?:years?|months?|weeks?)\b(?!\s+to\b)"
)
_ODDS_UNIT = (
    # Odds: the sentence must give them ("8-1", "5/2", "evens"; a match is a figure
    # itself: ``FIGURE_UNITS``); a year or a stake does not ("What odds did the
    # bookmaker give on him?").
    re.compile(r"\b(?:what|which|at what|at which)\s+(?:[\w'’-]+\s+){0,2}?odds\b"),
    re.compile(
        # (a pair of figures in a sentence about betting: not "beat Hale 6-4 6-3")
        r"^(?!.*\b(?:beat|beats|beating|won|wins|lost|loses|drew|defeated|victory|defeat|"
        r"led|leads|trail\w*)\b[^.]*\d\s?[-–]\s?\d)"
        r".*(?:(?<![\d.,])\d{1,3}\s?[-/]\s?\d{1,3}(?![\d.,]*\d)|(?<![\w.])[+-]\d{3,4}\b)"
        r"|\bevens\b|\bodds-on\b|"
        # a probability: "put the chance of a cut at 60%"
        r"\b(?:chance|probability|likelihood)\b[^.]{0,40}?\d\s?(?:%|per ?cent)|"
        r"\d\s?(?:%|per ?cent)\s+(?:chance|probability|likelihood)\b",
        re.IGNORECASE | re.DOTALL,
    ),
)

_SEED_UNIT = (
    # A seeding: the sentence must give one ("the fifth seed", "seeded 12th", "No 3
    # seed"; a match is a figure itself); a score or a ranking does not ("What was she
    # seeded?").
    re.compile(r"\bwhat\b[^?]*\bseed(?:ed|ing)?\b"),
    re.compile(
        r"\b(?:top|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"\d+(?:st|nd|rd|th)?|no\.?\s?\d+|number\s+\w+)[\s-]+seed(?:ed)?\b|\bunseeded\b|"
        r"\bseeded\s+(?:(?:no\.?\s?|number\s+)\w+\b|(?:\d+(?:st|nd|rd|th)?|first|second|third|"
        r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|top)\b)",
        re.IGNORECASE,
    ),
)

_SMALL_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten"
_SHARE_UNIT = (
    # A share of a whole ("What share of young people are out of work?", "what proportion of
    # the vote"): a percentage ("37%", "36pc"), a ratio ("one in four", "one adult in four"),
    # a fraction ("nearly half", "a third", "six-tenths") or a part of a stated whole ("120 of
    # the 300 staff", "£500m of the £2bn budget"); not a count ("22,000 jobs"), nor the first
    # half of a year or a half-price sale.
    re.compile(
        r"\b(?:what|which)\s+(?:share|proportion|fraction)\s+of\b|"
        r"\bhow (?:big|large) a (?:share|proportion)\b"
    ),
    re.compile(
        r"\d\s?(?:%|pc\b|pct\b)|\bper ?cent\b|"
        rf"\b(?:\d+|{_SMALL_NUMBERS}) (?:[a-z]+ ){{0,2}}?(?:in|out of) "
        rf"(?:\d+|every|{_SMALL_NUMBERS})\b"
        r"(?![\s-]+(?:years?|months?|weeks?|days?|hours?|games?|matches)\b)|"
        r"(?<!\bfirst )(?<!\bsecond )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )"
        r"\bhalf\b(?![\s-]+(?:time|term|century|year|price|priced|brother|sister|hour|marathon|"
        r"an? )\b)|"
        rf"\b(?:a|{_SMALL_NUMBERS})[\s-](?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"twentieth|hundredth)s?\b|"
        r"[£$€]?\d[\d.,]*\s?(?:bn|m|k|million|billion)?\s+(?:[a-z]+\s+)?of\s+(?:the|its|their|"
        r"his|her|a|an)\s+(?:[\w-]+\s+)?[£$€]?\d",
        re.IGNORECASE,
    ),
)
# (a share is read from the first part of a two-part question only: "What will it pay, and
# what share does X own?" asks a sum first)
FIRST_PART_UNITS = frozenset({_SHARE_UNIT[1]})

UNITS = (
    (
        # A time: on a clock or a stopwatch ("29:45", "2hrs 15mins", "7.30pm").
        ASKS_TIME,
        re.compile(
            # (not a distance: "the 5,000m")
            r"\d[:.]\d\d\b|(?<![\d,])\d+\s?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|h|s|am|pm|"
            r"a\.m\.|p\.m\.)(?![\w])|(?<![\d,.])\d{1,2}\s?m(?![\w])|\bo'clock\b|\bnoon\b|\bmidnight\b|"
            # a time of day by its zone ("kick-off at 1945 GMT", "0800 local time")
            r"(?<![\d,.])\d{1,4}\s?(?:GMT|BST|CET|CEST|UTC|EST|EDT|PST|ET|local time)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # A penalty, when the question asks for it ("What jail sentence …?", "How long a ban
        # …?"; not "How long does the court take to rule on her doping ban?"): a duration
        # ("six months", "two-year ban") or life, in a sentence about a penalty ("spent two
        # days being cross-examined" gives no jail sentence).
        re.compile(
            r"\b(?:what|which|how long)\s+(?:[\w'’-]+\s+){0,4}?"
            r"(?:(?:sentence|jail term|prison term)s?|ban|suspension)\b|"
            r"\b(?:length|duration) of (?:the|his|her|their|a|its) "
            r"(?:[\w-]+ )?(?:sentence|jail term|prison term|ban|suspension)\b"
        ),
        re.compile(
            rf"^(?=.*(?:{PENALTY_WORD}))"
            r".*(?:\b(?:years?|months?|weeks?|days?|hours?|life|matches|games|seasons|races|"
            r"fixtures)\b|\d+-(?:year|month|week|day|match|game|season|race)\b)",
            re.IGNORECASE | re.DOTALL,
        ),
    ),
    (
        # The injured: the sentence must count them ("the attack, which killed five" does not
        # say how many were hurt). The counted were hurt ("how many people were injured", "how
        # many injuries"), not "how many caps had he won when he replaced the injured captain",
        # a duration ("how many weeks has he been injured"), "hurt by" (figurative) nor "how
        # many injured players" (an adjective). Before the death toll, so that "…, which
        # killed 191?" does not take over.
        re.compile(
            r"\bhow many (?!(?:times|years?|months?|weeks?|days?|seasons?|games|matches)\b)"
            r"(?:[\w'’-]+ ){0,4}?(?:(?:were|was|are|is|have|has|had|been|being|got|"
            r"get) )+(?:\w+ly )?(?:wounded|injured|hurt(?! by\b))\b|"
            r"\bhow many (?:[\w'’-]+ )?(?:injuries|wounded|injured)\b(?=\s*(?:\?|$|(?:were|was|"
            r"are|is|have|has|had|did|do|does|in|at|on|from|after|during|when|among|there)\b))"
        ),
        # A figure near a word of injury or treatment, with no word of death between ("Five
        # died and 50 were wounded", "treated 43 people", "three in a critical condition"; not
        # "12 were killed, officials at Yarmouk hospital said", nor "two of the injured died").
        re.compile(
            rf"(?:\d[\d,.]*|\b(?:{'|'.join(_COUNT_WORDS)}))\b\W+"
            r"(?:(?!(?:kill\w*|died|dies|dead|deaths?|lives|fatal\w*|perished|toll|bodies)\b)"
            r"[\w'’-]+\W+){0,7}?(?<!\bthe )(?:injur\w*|wound\w*|hurt|casualt\w*|hospital\w*|"
            r"treated|treatment|burns|cuts|bruis\w*|condition|inhalation)\b|"
            r"(?<!\bthe )\b(?:injur\w*|wound\w*|hurt|casualt\w*|treated|treating)\W+"
            r"(?:(?!(?:kill\w*|died|dies|dead|deaths?|lives|fatal\w*|perished|toll|bodies)\b)"
            rf"[\w'’-]+\W+){{0,8}}?(?:\d|(?:{'|'.join(_COUNT_WORDS)})\b)",
            re.IGNORECASE,
        ),
    ),
    (
        # The arrested: the sentence must tie a figure to an arrest or detention ("11 fans were
        # arrested", "40 arrests", "police are holding eight men"; not "four people were
        # ejected", "held up at gunpoint", "arrest warrants for three men"). The question
        # counts the arrested ("how many people died in riots in which 30 were arrested"
        # counts deaths).
        re.compile(
            r"\bhow many (?!(?:times|years?|months?|weeks?|days?|hours?)\b)"
            r"(?:(?!(?:which|where|when|who|that|died|killed|dead)\b)[\w'’-]+ ){0,12}?"
            r"(?:(?:were|was|are|is|have|has|had|been|being|got|get) )+(?:\w+ly )?"
            r"(?:arrested|detained)\b|\bhow many (?:[\w'’-]+ )?arrests\b|"
            r"\bhow many (?:[\w'’-]+ ){0,3}?(?:did|have|has|had) (?:the )?[\w'’-]+ "
            r"(?:arrest|detain)\b"
        ),
        re.compile(
            rf"(?:\d[\d,]*|\b(?:{'|'.join(_COUNT_WORDS)}))\b\W+(?:[\w'’-]+\W+){{0,7}}?"
            rf"{_ARREST_WORD}|"
            r"\b(?:arrested|arresting|detained|detaining|holding)\W+(?:[\w'’-]+\W+){0,2}?"
            rf"(?:\d[\d,]*|\b(?:{'|'.join(_COUNT_WORDS)}))\b",
            re.IGNORECASE,
        ),
    ),
    (
        # A death toll: the sentence must count deaths ("230 fewer injuries" does not).
        re.compile(r"\bhow many\b[^?]*\b(?:killed|died|dead|deaths|lives|perished)\b"),
        re.compile(r"\b(?:kill\w*|died|dead|deaths?|lives|fatal\w*|perished)\b", re.IGNORECASE),
    ),
    (
        # A score: the sentence must give one ("2-1", "6-4 7-6", "a 24-17 win", "by five
        # wickets", "by 18 frames to 13", "with a score of 150"), not only who won ("Valencia
        # lost to Racing"). Not the score of a film or a musical, nor odds ("the 2-1
        # favourites").
        re.compile(
            r"^(?!.*\b(?:film|movie|musical|composer|composed|soundtrack|opera|ballet|credit)\b)"
            r".*\b(?:what|which) (?:was |were |is )?(?:the )?(?:final |half-time )?score\b"
        ),
        re.compile(
            r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,]*\d)"
            r"(?!\s+(?:on\s+)?(?:favourites?|outsiders?|odds|shot|chance)\b)|"
            r"\b(?:goalless|scoreless|nil)\b|\bscore of \d|"
            rf"\bby (?:an innings and )?(?:\d+(?:,\d{{3}})*|{'|'.join(_COUNT_WORDS)}) (?:runs?|"
            r"wickets?|points?|goals?|strokes?|shots?|tries|lengths?|frames?|sets?|legs?|games?|"
            r"votes?|seats?)\b|"
            rf"\b(?:\d+(?:,\d{{3}})*|{'|'.join(_COUNT_WORDS)}) (?:goals?|frames?|sets?|legs?|"
            r"games?|points?|votes?|seats?|tries) to (?:\d|"
            rf"(?:{'|'.join(_COUNT_WORDS)})\b)",
            re.IGNORECASE,
        ),
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
            rf"\b(?:since|until|till)\s+(?:\d|{MONTH_NAMES})|\b(?:in|from)\s+(?:19|20)\d\d\b|"
            # (a sum is no length: "£1.4m", "1.4m euros")
            r"(?<![£$€¥\d.,])\d+(?:[.,]\d+)*[\s-]?(?:m|cm|mm|km|ft|metres?|meters?|feet|foot|"
            r"inches|miles?|yards?|kilometres?)\b(?!\s?(?:euros?|dollars?|pounds?|francs?|yen|"
            r"yuan|rupees?|roubles?|[$£€¥]))",
            re.IGNORECASE,
        ),
    ),
    (
        # "How far did shares fall?" / "how far above the offer price?" ask for a change (a
        # percentage or a price), not a distance; "how high can the fees go?" a sum or a
        # rate, not a height. "How high" is a height only of something one measures so ("how
        # high did she jump?", "how high is the tower?"), not of a level ("how high is
        # software piracy estimated to be?" asks a rate).
        # (not a question that counts something else and names a height only to describe
        # it: "how many years of wave-height data …?")
        re.compile(
            rf"\bhow (?:tall|high(?=[^?]*\b{_HIGH_THINGS}\b)|far|deep|wide)\b(?![^?]*\b(?:"
            rf"{CHANGE_WORDS}|above|below|ahead|behind|short|{MONEY_WORDS}|fees?|rates?|prices?|"
            rf"charges?|inflation|unemployment)\b)|"
            r"^(?!.*\bhow many (?!(?:[\w-]+ )?(?:metres|meters|m|km|kilometres|kilometers|cm|"
            r"centimetres|centimeters|mm|ft|feet|foot|inches|miles|yards|light[- ]years)\b))"
            # (not "read from a (safe) distance", "at a distance", "long-distance calls",
            # "distance learning": no length asked)
            r"(?!.*\b(?:from|at)\s+a\s+(?:[a-z]+\s+)?distance\b)"
            r".*\b(?:height|length|(?<!long-)(?<!long )distance(?!\s+(?:learning|calls?)\b))\b"
        ),
        re.compile(
            # (a speed, "3.7m/h" or "5km per hour", is no length; "a 20-yard drive" is one)
            r"\d(?:[.,]\d+)*[\s-]?(?:m|cm|mm|km|ft|in|metres?|meters?|centimetres?|feet|foot|"
            r"inches|miles?|yards?|kilometres?)\b(?!\s?(?:/|an hour|per hour|a second|per second))",
            re.IGNORECASE,
        ),
    ),
    (
        # A head count of a workforce: the sentence must count people ("two factory sites"
        # does not), in words for people, not inside a name ("the People's Republic", "the
        # Workers' Party": capitalised inside the sentence).
        re.compile(
            r"\bhow many (?:[\w'’-]+ ){0,2}?(?:workers|staff|employees|jobs|personnel)\b|"
            r"\bhow many\b[^?]*\b(?:employ|employs|employed)\b|"
            # "How many people work at …" (not "… did the work and pensions committee find")
            r"\bhow many (?:[\w'’-]+ ){0,2}?(?:work|works|worked)\b(?! and pensions)"
        ),
        re.compile(
            r"(?:^|(?<=^[\"“‘'])|(?<=[.!?:]\s)|(?<=[.!?:][\"”’“]\s)|(?<=[.!?:]\s[\"“‘])|"
            r"(?-i:(?=[a-z])))"
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
    _ODDS_UNIT,
    _SEED_UNIT,
    _SHARE_UNIT,
)

# Units whose match is a figure by itself ("evens", "the fifth seed", "nearly half"): no digit
# needed beside.
FIGURE_UNITS = frozenset(unit for _, unit in (_ODDS_UNIT, _SEED_UNIT, _SHARE_UNIT))


# (a currency word may stand between the figure and its conversion: "60m euros ($78m)")
# Where a number (``\d(?:[\d.,]*\d)?``) may begin: at a digit that does not continue a
# number ("5" of "1,5" is inside "1,5"), so a search tries each number once instead of from
# every digit of it, which was quadratic in a long run of digits (a 5,000-digit run: 5 s →
# 2 ms). Matches stay the same: a number's first digit reaches every end its inner digits
# reach, and it is the leftmost; a number after a lone point (".5bn") still begins at its digit.
# (``_CONVERSION``'s spaces are possessive, ``\s*+``: three optional runs in a row split a long
# run of spaces every way before failing; a space one run keeps is one no other needs.)
NUMBER_START = r"(?:(?<![\d.,])|(?<=[.,])(?<!\d[.,]))"
_CONVERSION = re.compile(
    NUMBER_START + r"(\d(?:[\d.,]*\d)?)\s*+(?:bn|m|k|billion|million)?"
    r"(?:\s*+(?:[A-Z][a-z]+\s+){0,2}(?:euros?|dollars?|pounds?|yen|yuan|francs?|rupees?|roubles?|"
    r"rubles?|pesos?|"
    r"kronor|kroner|krona|krone|rand|won|dinars?|riyals?|lira|lire))?\s*+\(([^()]{1,25})\)",
    re.IGNORECASE,
)
# A question asking the sum in another currency ("How much is the 2bn-euro deal worth in
# dollars?"): the bracketed conversion is then the answer.
ASKS_CONVERSION = re.compile(
    r"\bin (?:us |uk )?(?:dollars|pounds|sterling|euros|yen|yuan|francs|rupees)\b", re.IGNORECASE
)


def without_conversions(text: str, q_numbers: set[str]) -> str:
    """The text without the bracketed conversion of a number the question states: in
    "$40bn (£21bn)" the £21bn is the question's own figure in another currency, not news."""
    return _CONVERSION.sub(
        lambda m: m.group(0) if norm_number(m.group(1)) not in q_numbers else m.group(1),
        text,
    )


# The relations a sum of money can have to its subject: what is spent on it (a cost, a
# budget, an investment), what it brings in (takings, revenue, sales), what is left of that
# (a profit or a loss), what is paid as a penalty (damages, a fine, compensation), what is
# paid out to shareholders (a dividend), and the price of its shares. A sentence giving only
# another relation does not answer ("How much did the film cost to
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
    # ("lift its 2004 dividend payment to 70 euro cents" gives no net profit)
    re.compile(r"\bdividends?\b", re.IGNORECASE),
    re.compile(r"\b(?:shares?|stocks?)\b", re.IGNORECASE),
)
_SHARES_RELATION = len(_MONEY_RELATIONS) - 1
# A bid prices what is bought per share: "Oracle is taking over PeopleSoft for $26.50 a share".
_BID = re.compile(
    r"\b(?:offer|bid|deal|takeover|tak(?:e|es|ing) over|receiv\w*|in cash)\b", re.IGNORECASE
)
_PURCHASE = re.compile(
    r"\b(?:pay|pays|paid|paying|buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|"
    r"purchasing)\b",
    re.IGNORECASE,
)


_VALUATION = re.compile(
    r"\b(?:worth|valued|valuing|valuation|value of|market value|capitali[sz](?:ation|ed))\b",
    re.IGNORECASE,
)
_SALE = re.compile(r"\b(?:sale|sold|sell|sells|selling|acquisition|purchase)\b", re.IGNORECASE)


_PAYMENT = re.compile(
    r"\b(?:pay|pays|paid|paying|payment|payments|award\w*|owe|owes|owed|seek\w*|sought|"
    r"claim\w*|demand\w*|settle\w*|order\w*|su(?:e|es|ed|ing)|receiv\w*|gave|give|gives|"
    r"given|got|get|gets|won|win|wins|hand(?:s|ed)? over)\b",
    re.IGNORECASE,
)


_PAID_TO = re.compile(
    r"\b(?:was|were|is|are|be|being|been|get|gets|got|getting)\s+(?:[\w'’-]+\s+){0,6}?paid\b",
    re.IGNORECASE,
)


_FINE = re.compile(
    r"\b(?:fined|fines|penalty|penalties|damages)\b|"
    r"\b(?:a|the|his|her|its|their|record)\s+(?:[£$€]?[\d.,]+\S*\s+)?fine\b(?!\s+(?:sum|form|art|line))",
    re.IGNORECASE,
)
_RECEIVED = re.compile(
    r"\b(?:is|was|were|are|be|been|being|get|gets|got)\s+paid\b|"
    r"\b(?:earn|earns|earned|earning|salary|wages?|fee|received|receives)\b",
    re.IGNORECASE,
)


def other_money_relation(text: str, question: str) -> bool:
    """Whether the sentence's money is of another relation than the one the question asks
    for, and of none of the question's (``_MONEY_RELATIONS``). A question naming no relation,
    or several, is not checked; nor is a sentence naming none ("the $75m film"). The relation
    asked is read from the clause that asks when it names one: "Tyler Perry's comedy topped
    the box office. How much did the film cost to make?" asks a cost, not takings; and from
    its head, before a trailing description, when that names one (``asking_head``)."""
    # (the clause's head first: "What were its total revenues for 2004, the year it returned
    # to profit?" asks revenues)
    asked: set[int] = set()
    for part in (asking_head(question), asking_clause(question), question):
        asked = {i for i, rel in enumerate(_MONEY_RELATIONS) if rel.search(part)}
        if asked:
            break
    # "How much was she paid …?" asks what someone received; a fine is paid by its payer
    # ("CBS was fined $550,000" does not say what the singer was paid).
    if not asked and _PAID_TO.search(question):
        # (a fine in the narrow sense: not "payout", "settlement", "compensation", "in fine
        # form"; and none when the sentence also says what someone was paid or earned)
        return (
            bool(_FINE.search(text))
            and not _FINE.search(question)
            and not _PENALTY.search(question)
            and not _RECEIVED.search(text)
        )
    given = {i for i, rel in enumerate(_MONEY_RELATIONS) if rel.search(text)}
    # "How much did it pay to buy back the restaurants?" asks a price paid, which a share
    # price does not give ("Shares sank $1.83 to close at $10.48"), unless something is
    # bought or bid for in the sentence too.
    # Nor does a valuation ("the group, which is worth $17bn", "valued at £2bn"): what a
    # thing is worth is not what was paid for it, unless the sentence buys or sells too.
    if (
        not asked
        and _PURCHASE.search(question)
        and (given == {_SHARES_RELATION} or (not given and _VALUATION.search(text)))
        and not _PURCHASE.search(text)
        and not _BID.search(text)
        and not _SALE.search(text)
    ):
        return True
    if len(asked) != 1:
        return False
    # A penalty is named where it is given ("$1bn in damages", "fined £5m", "agreed to pay
    # $1m", "is seeking $1bn"): a sum named with no relation and no payment ("the 4bn euros
    # it held") is not the damages asked for.
    if asked == {_MONEY_RELATIONS.index(_PENALTY)} and not given and not _PAYMENT.search(text):
        return True
    return bool(given) and not (given & asked)


COUNTS = re.compile(r"\bhow many\b")
_CAPITAL_NUMBER = re.compile(rf"\b(?:{'|'.join(w.capitalize() for w in NUMBER_WORDS)})\b")


def without_numbers_in_names(text: str) -> str:
    """``text`` without the capitalised number words that are part of a name: next to
    another capitalised word ("the Six Nations", "Channel Four"); "Four members…" keeps its
    number. Nor a number word opening a compound adjective ("double-edged")."""

    def keep_or_drop(m: re.Match[str]) -> str:
        before = re.search(r"\b([A-Za-z][\w'’-]*)\s+$", text[max(0, m.start() - 40) : m.start()])
        after = re.match(r"\s+([A-Za-z])", text[m.end() :])
        in_name = bool(before and before.group(1)[0].isupper()) or bool(
            after and after.group(1).isupper()
        )
        return " " if in_name else m.group(0)

    return _IDIOM_NUMBER.sub(" ", _CAPITAL_NUMBER.sub(keep_or_drop, text))


# A number word opening a compound adjective counts nothing ("a double-edged sword", "a
# one-sided game", "half-hearted", "single-handed").
_IDIOM_NUMBER = re.compile(
    rf"\b(?:{'|'.join(NUMBER_WORDS)}|single)-(?:edged|sided|hearted|handed|minded|faced|"
    r"headed)\b",
    re.IGNORECASE,
)


FRACTION = re.compile(r"\b(?:half|third|quarter)\b", re.IGNORECASE)
# A fraction of a group is a share of it, never a count, whatever it counts: "nearly a third
# of e-mail users", "two-thirds of fans" (for "how many users …?", "how many fans …?").
FRACTION_OF = re.compile(
    r"\b(?:(?:one|two|three|four|nine)[-\s])?(?:half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"\s+of\b",
    re.IGNORECASE,
)
# "How much time / sleep / notice…?": a quantity of time, which a duration gives.
QUANTITY_OF_TIME = re.compile(
    r"\bhow much (?:[\w-]+ )?(?:time|sleep|notice|leave|rest|holiday|television|tv|jail|prison)\b|"
    # ("How much work did it take …?"; not "How much work was outsourced?", nor "by how much
    # did Labour say …")
    r"\bhow much (?:more |extra )?(?:work|effort|labour)\b(?=[^?]*\b(?:take|took|taken|"
    r"go(?:es|ne)? into|went into|put into|spent|spend)\b)"
)
PER_TIME = re.compile(
    r"\b(?:a|per|each|every) (?:year|month|week|day|hour)\b|\b(?:annually|yearly|daily)\b"
)
ASKS_CHANGE = re.compile(rf"\b(?:{CHANGE_WORDS})\b|\bby how much\b")
# "How much did exports grow?", "By how much did shares fall?": the size of a change, asked
# with the change as the question's verb (not "how much will the pay rise cost?", "how much did
# it pay after its shares fell?", nor "how much did it rise to?", a level).
ASKS_SIZE_OF_CHANGE = re.compile(
    r"^(?![^?]*\b(?:cost|costs|pay|paid|spend|spent|invest|invested|save|raise|raised|earn|"
    r"earned|fetch|fetched)\b)"
    r"(?:[^?]*\bby (?:how much|how many\b|what (?:percentage|per ?cent)\b)|"
    r"\s*(?:[^?]*?,\s*)?how much\s+(?:did|does|do|has|have|had|will|"
    rf"would|could|is|are|was|were)\s+(?:[\w'’.-]+\s+){{0,8}}?(?:{CHANGE_WORDS})\b"
    r"(?!\s+(?:to|from)\b))"
)
_HEDGE_WORD = (
    r"(?:about|almost|nearly|some|around|roughly|more than|over|well over|just|only|"
    r"an estimated|a further|another|at least|up to|as much as|less than|a record)"
)
# A figure that is no year ("by 2021" dates a level), with its currency.
CHANGE_FIGURE = rf"(?:{_HEDGE_WORD}\s+)?(?:[£$€]\s?)?(?!(?:19|20)\d\d\b)\d"
CHANGE_VERBS = (
    r"rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|grew|grow|grows|grown|"
    r"increased|increases|decreased|declined|dropped|jumped|climbed|slipped|soared|plunged|"
    r"gained|added|lost|shed|surged|slumped|tumbled|sank|expanded|shrank|cut|reduced|raised|"
    r"edged (?:up|down)|went (?:up|down)"
)
CHANGE_NOUNS = (
    r"rises?|increases?|falls?|drops?|declines?|gains?|growth|jumps?|cuts?|reductions?|"
    r"slumps?|surges?|decreases?"
)
# A sentence stating the size of a change: a percentage or points, "by / up / down <figure>",
# "rose £20m", "from 10,000 to 15,000", "a 12,000 rise", "a rise of 500", "12,000 more",
# "2.5 times", "five-fold" (``STATES_CHANGE``); or in words: "doubled", "halved", "by a fifth",
# "remained flat" (``STATES_CHANGE_IN_WORDS``, no figure needed).
STATES_CHANGE = re.compile(
    r"\d\s?(?:%|per ?cent\b|pc\b|pct\b|percentage points?\b|(?:basis )?points?\b|cents?\b|p\b)"
    rf"|\b(?:by|up|down)\s+{CHANGE_FIGURE}"
    rf"|\b(?:{CHANGE_VERBS})\s+(?:by\s+)?{CHANGE_FIGURE}"
    r"|\bfrom\s+[£$€]?\d[\d.,]*\w*\s+to\s+[£$€]?\d|\bto\s+[£$€]?\d[\d.,]*\w*\s+from\s+[£$€]?\d"
    rf"|\d[\d.,]*\w*(?:[- ](?:point|basis[- ]point|per ?cent))?\s+(?:{CHANGE_NOUNS})\b"
    rf"|\b(?:{CHANGE_NOUNS})\s+(?:of|was|is|were)\s+{CHANGE_FIGURE}"
    r"|\d[\d.,]*\w*\s+(?:more|fewer|higher|lower|less)\b|\b\d+(?:\.\d+)?\s+times\b|-fold\b",
    re.IGNORECASE,
)
# A percentage of a group ("48% of surveyors reported falls") is a share, not a change.
SHARE_OF_GROUP = re.compile(
    r"(?<!\bby )(?<!\bup )(?<!\bdown )(?<![\d.,])\d(?:[\d.,]*\d)?\s?(?:%|per ?cent\b)\s+of\s+"
    r"(?:the\s+|all\s+|its\s+|their\s+)?[a-z]",
    re.IGNORECASE,
)
_SMALL_NUMBER_WORD = "|".join(NUMBER_WORDS[: NUMBER_WORDS.index("ninety") + 1])
_MARGIN_UNIT = (
    r"(?:points?|per ?cent|goals?|seats?|votes?|places?|runs?|wickets?|strokes?|shots?|"
    r"lengths?|pence)"
)
_MULTIPLE = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)-?fold"
STATES_CHANGE_IN_WORDS = re.compile(
    r"\b(?:doubled|tripled|trebled|halved|quadrupled)\b"
    # ("traffic increased fourfold", "a threefold rise": a multiple in one word, of a change;
    # not "the reasons were twofold")
    rf"|\b(?:{CHANGE_VERBS})\s+(?:by\s+|some\s+|about\s+|nearly\s+|almost\s+|more than\s+)?"
    rf"{_MULTIPLE}\b|\b{_MULTIPLE}\s+(?:{CHANGE_NOUNS})\b"
    r"|\b(?:by|up|down)\s+(?:a|one|two)[- ](?:third|half|quarter|fifth|sixth|tenth)s?\b"
    r"|\b(?:was|were|remained|stayed|been|stood|is|are)\s+(?:flat|unchanged|stagnant|zero)\b"
    # a margin in words: "top of the league by nine points", "down two places", "won by
    # three wickets" (not "by two men": a margin's unit, not anything counted)
    rf"|\b(?:by|up|down)\s+(?:{_SMALL_NUMBER_WORD})\s+(?:percentage\s+)?{_MARGIN_UNIT}\b"
    # (not a scorer's: "inspired by two goals from Thierry Henry", review77)
    r"(?!\s+(?:from|of|by)\s+(?:[a-z]+\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)


# "The 17th game", "his 3rd title": a rank, not a count.
ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
# "In the station's top 10", "a top-five finish": a chart's size, not a count of anything in it.
TOP_N = re.compile(
    r"\btop[- ](?:\d+|three|five|ten|twenty|forty|fifty|hundred)\b(?!\s*%)", re.IGNORECASE
)
# A figure: digits (with a scale: "100m") or a number word, and the word after it.
FIGURE = re.compile(
    rf"(?<![\w.,])(?:\d+(?:[.,]\d+)*(?:m|bn|k)?|(?i:{'|'.join(NUMBER_WORDS)}))(?!\w)"
)
_FIGURE_NOUN = re.compile(r"(?:\s+(?:million|billion|thousand|m|bn|k)\b)?(?:\s+|-)([a-z]+)")
# Units a game is scored or played in (``count_key``s): "14 points" is no number of caps,
# "a four-set win" no number of aces. Only these are told apart: other nouns have too many
# synonyms for a word list ("troops" / "soldiers", "homes" / "houses").
_PLAY_UNITS = frozenset(
    "point goal try trie run wicke set game match cap ace title final medal shot lap hole "
    "round innin appea assis birdi strok frame centu conve penal foul save win victo defea "
    "draw loss race podiu troph tackl start derbi derby fixtu".split()
)
# Units of measure (``count_key``s): "from eight yards" or "a 25kg bag" counts no goals
# and no bags; only a question counting that unit ("how many miles") takes them.
_MEASURES = frozenset(
    "yard metre meter mile feet foot inche kilom kilog kilo tonne ton lb km cm mm kg mph".split()
)
# Abbreviated units are never modifiers: "25 kg" measures as "a 25-kilo" does.
_ABBREVIATED_MEASURES = frozenset("lb km cm mm kg mph".split())
# ("the 5,000m" is a distance; "5m" alone may be millions, "£5,000m" is money)
_ATTACHED_MEASURE = re.compile(
    r"(?<![\w.,£$€¥])(?:\d+(?:[.,]\d+)*(?:km|cm|mm|kg|lbs?|mph)|\d{1,3}(?:,\d{3})+m)\b"
)
# Units news uses for one another: a player's appearances are his games and caps.
_PLAY_FAMILIES = (
    frozenset("game match appea cap start".split()),
    # (a derby or a fixture is a match, "an 11-game unbeaten run … in Old Firm derbies"; a
    # cap or an appearance is no derby)
    frozenset("game match derbi derby fixtu".split()),
    frozenset("win victo".split()),
    frozenset("defea loss".split()),
    frozenset("try trie".split()),
    frozenset("centu ton hundr".split()),  # cricket: "34 Test tons"
)
# Units of one dimension: "how many miles" is answered in km, "how many kilos" in tonnes.
_MEASURE_FAMILIES = (
    frozenset("yard metre meter mile feet foot inche kilom km cm mm".split()),
    frozenset("kilog kilo kg tonne ton lb pound stone".split()),
)


_PERSON_NOUNS = (
    "people persons fans spectators supporters visitors viewers listeners readers users "
    "customers clients subscribers members voters workers staff employees pupils students "
    "children child kids teenagers adults youngsters men man women woman players athletes "
    "officials troops soldiers police officers residents citizens migrants immigrants refugees "
    "patients doctors nurses teachers passengers tourists delegates attendees participants "
    "entrants applicants candidates volunteers protesters demonstrators victims survivors "
    "homeowners shoppers consumers drivers motorists pensioners mps councillors ministers "
    "managers directors executives bosses owners investors shareholders graduates recruits "
    "prisoners inmates suspects offenders gamers musicians artists actors singers journalists "
    "engineers scientists farmers miners pilots crew crews guests audiences"
)
_THING_NOUNS = (
    "schools colleges universities hospitals websites sites pages stores shops branches outlets "
    "restaurants pubs factories plants flights planes aircraft helicopters jets ships vessels "
    "boats cars vehicles lorries trains buses computers pcs servers consoles laptops books "
    "albums singles copies films movies songs stations prisons churches buildings bridges "
    "countries nations states companies firms businesses banks clubs teams"
)


def _forms(plurals: str) -> frozenset[str]:
    """The words of ``plurals`` with their singulars ("schools" → school, "lorries" → lorry,
    "churches" → church; not "sites" → "sit")."""
    return frozenset(
        form
        for p in plurals.split()
        for form in (
            p,
            p.removesuffix("s"),
            re.sub(r"(ch|sh|x|s|z)es$", r"\1", p),
            re.sub(r"ies$", "y", p),
        )
    )


# People and things, told apart only where both are known ("how many pupils" is not answered
# by "two secondary schools", nor "how many websites" by "100,000 people"). Two closed lists:
# a noun on neither ("fatalities", "admissions", "homes", "phones" — news counts people by
# what they do or hold) is never told apart, nor are words of one list from each other
# ("troops" / "soldiers", "cars" / "vehicles").
_PERSON_WORDS = _forms(_PERSON_NOUNS)
_THING_WORDS = _forms(_THING_NOUNS)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous")


def _noun_class(word: str) -> str | None:
    """Which list ``word`` is on: "person", "thing", or None (neither)."""
    if word in _PERSON_WORDS:
        return "person"
    return "thing" if word in _THING_WORDS else None


def _np_head(words: list[str]) -> str | None:
    """The head of a noun phrase: the last of the run of listed or plural words that starts
    at the first such word ("secondary schools" → schools, "children's books" → books,
    "police cars" → cars), or None when a function word comes first."""
    head = None
    for word in words:
        if word == "s":  # a possessive's ending ("children's books")
            continue
        if word in STOPWORDS:
            break
        listed = word in _PERSON_WORDS or word in _THING_WORDS
        plural = word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS) and len(word) > 3
        if listed or plural:
            head = word
        elif head is not None:
            break
    return head


def _counted_head(text: str, end: int) -> str | None:
    """The noun a figure ending at ``end`` counts (``_np_head`` of the up to three lower-case
    words after it, past a scale word: "2.4 million vehicles" → vehicles)."""
    after = re.match(
        r"(?:\s+(?:million|billion|thousand|m|bn|k)\b)?((?:[\s-]+[a-z]+(?:['’]s)?){1,3})",
        text[end:],
    )
    return _np_head(re.findall(r"[a-z]+", after.group(1))) if after else None


# A streak said after the counted noun ("how many derbies in a row had they gone unbeaten?"),
# which is no part of the noun.
_IN_A_ROW = re.compile(r"\s+(?:in\s+a\s+row|in\s+succession|on\s+the\s+trot)\b", re.IGNORECASE)


def _asked_head(question: str) -> str | None:
    """The noun "how many" counts, for telling people from things: the head of the words
    before the auxiliary ("how many sales assistants did …" → assistants), else of the up to
    three words after it ("how many pupils took part" → pupils)."""
    question = _IN_A_ROW.sub("", question)
    m = re.search(
        r"\b[Hh]ow many ((?:[\w'’-]+ ){1,5}?)(?:did|do|does|has|have|had|was|were|is|are|will|"
        r"would|could|can|should|might|may)\b",
        question,
    ) or re.search(r"\b[Hh]ow many((?:\s+[\w'’-]+){1,3})", question)
    if m is None:
        return None
    # The lower-case words first ("how many Child Support Agency cases" counts cases), then
    # every word ("how many additional PCs", "how many Britons").
    words = re.findall(r"[\w'’-]+", m.group(1))
    lower = [w for w in words if re.fullmatch(r"[a-z]+", w)]
    return _np_head(lower) or _np_head(re.findall(r"[a-z]+", m.group(1).lower()))


# Nouns news uses for one another's counts ("2.4 million vehicles" answers "how many cars").
# People are one family of their own (``_person_like``); jobs count people and people jobs
# ("cut 300 jobs" for "how many workers lose their jobs"): ``_JOBS``.
_JOBS = "job post role position redundancy"
_COUNT_SYNONYMS = (
    "car vehicle",
    # (a unit written short, attached to its figure: "50GB")
    "gigabyte gb gig",
    "megabyte mb",
    "terabyte tb",
    "jet plane aircraft airliner",
    "company firm business",
    "computer pc machine",
    "country nation state",
    "film movie",
    "song single track",
    "shop store outlet branch",
    "copy unit sale",
    "home household house property",
    _JOBS,
    "part area region",
)
# Nouns news uses for one another's counts only as the noun a figure counts ("600 single
# snaps" for photographs, "674 million mobiles" for mobile phones): as any word of the
# sentence they are something else ("a snap election", "the mobile giant").
_HEAD_SYNONYMS = (
    "photograph photo picture image snap snapshot",
    "phone mobile handset",
)


@lru_cache(maxsize=1)
def _synonym_stems() -> tuple[frozenset[str], ...]:
    """``_COUNT_SYNONYMS`` by their Porter stems (on first use: the stemmer loads NLTK)."""
    return tuple(frozenset(stem_word(w) for w in group.split()) for group in _COUNT_SYNONYMS)


@lru_cache(maxsize=1)
def _head_synonym_stems() -> tuple[frozenset[str], ...]:
    """``_HEAD_SYNONYMS`` by their Porter stems (as ``_synonym_stems``)."""
    return tuple(frozenset(stem_word(w) for w in group.split()) for group in _HEAD_SYNONYMS)


_CURRENCIES = frozenset(
    "pounds dollars euros yen yuan rupees francs cents pence roubles pesos".split()
)
# The counted noun left out or pointed back to: "30 of the aircraft", "a crowd of 360,000"
# (not "the last eight of", nor a share). Not "all 130,000": "all three will be fighting"
# counts no aces.
_NUM = (
    rf"(?:\d+(?:[.,]\d+)*(?:\s?(?:m|bn|k|million|billion|thousand))?|(?i:{'|'.join(_COUNT_WORDS)}))"
)
_GATHERING_SIZE = (
    r"\b(?:crowd|attendance|audience|turnout|total|tally|number|toll)\b(?:\s+\w+){0,4}?\s+"
    rf"(?:of|was|is|were|reach(?:ed|es)?|to|at|stood at|hit)\s+{_NUM}"
    r"(?!\w|[.,]\d|\s?%|\s?per ?cent)"
)
# "How many people work at …", "how many staff does it employ", "how big is its workforce"
_ASKS_WORKFORCE = re.compile(
    r"\bhow many (?:people|staff|employees|workers)\b[^?]*\b(?:work|works|working|worked|"
    r"employ\w*|on the payroll)\b|\bhow (?:big|large) is (?:the|its|their) (?:[\w'’-]+ )?"
    r"(?:workforce|staff)\b",
    re.IGNORECASE,
)
_ASKS_CUTS = re.compile(
    r"\b(?:cut|cuts|axed?|shed|lose|lost|losses|go|going|redundan\w*|lay-?offs?|laid off|"
    r"slash\w*)\b",
    re.IGNORECASE,
)
# a figure of jobs lost: "12,000 job cuts", "3,000 redundancies", "900 jobs will go"
_JOBS_CUT = re.compile(
    r"(?:\s+(?:million|thousand|m|k)\b)?\s+(?:(?:job|staff)\s+(?:cuts|losses)|redundancies|"
    r"lay-?offs|jobs?\s+(?:cuts|losses|cut|lost|axed|shed|"
    r"(?:will|would|are to|is to|to)\s+(?:go|be\s+(?:cut|lost|axed|shed))))\b",
    re.IGNORECASE,
)
# ("GM will cut 12,000 jobs", "shedding up to 900 posts")
_CUTTING = re.compile(
    r"\b(?:cut|cuts|cutting|axe|axes|axing|axed|shed|sheds|shedding|lose|loses|losing|slash\w*)"
    r"\s+(?:(?:about|around|some|up to|nearly|almost|more than|over|a further|another)\s+)?$",
    re.IGNORECASE,
)
# A group's size in its members: "a 19-strong panel", "the 32-strong squad"
_N_STRONG = re.compile(
    rf"(?<![\w.,]){_NUM}-strong\s+(?:[\w-]+\s+){{0,3}}?(panel|squad|team|committee|jury|board|"
    r"delegation|workforce|council|commission|cast|band|choir|orchestra|contingent|crew|group)\b",
    re.IGNORECASE,
)
_MAKES_UP = re.compile(
    r"\b(?:made up|make up|makes up|comprised?|comprises|formed|sit on|sat on|sits on|serve on|"
    r"served on|serves on|(?:were|are|was|is)\s+(?:on|in)\s+the)\b",
    re.IGNORECASE,
)
_ELIDED = re.compile(
    rf"(?<!\blast )(?<!\btop )(?<!\bfinal )(?<!\bfirst )(?<![\w.,]){_NUM}\s+of\s+"
    rf"(?:the|them|those|these)\b(?!\s+(?-i:[A-Z]))|{_GATHERING_SIZE}",
    re.IGNORECASE,
)
# (a crowd's size is not pointed back to: "two of those" after "three wins" counts wins; nor
# is it a points total or a try tally; "in front of 40,000", "watched by 40,000", "before
# 40,000" give it, and only it: "scored in front of 38,000" counts no goals)
# The people a crowd is counted in, and what a crowd does (review74: "three fans were
# arrested", "14 people died", "before half-time", "before 65" count no crowd).
_SPECTATORS = (
    r"fans|supporters|spectators|onlookers|followers|racegoers|concertgoers|protesters|"
    r"demonstrators|marchers|mourners|pilgrims|worshippers|guests"
)
_GATHERED = (
    r"(?:attended|attending|turned (?:up|out)|gathered|packed|crammed|flocked|watched|saw|"
    r"filled|travelled|marched|were (?:there|present|inside|in the (?:ground|stadium|crowd))|"
    r"at (?:the|a)\b)"
)
_THOUSANDS = r"\d{1,3}(?:,\d{3})+\b"
_SIZE_OF_CROWD = re.compile(
    # ("the 300-strong audience")
    rf"(?<![\w.,]){_NUM}-strong\s+(?:[\w-]+\s+)?(?:crowd|audience|attendance|gathering)\b|"
    r"\b(?:crowd|attendance|audience|turnout|gate)\b(?:\s+\w+){0,4}?\s+"
    r"(?:of|was|is|were|reach(?:ed|es)?|stood at|hit)\s+"
    rf"(?:(?:about|around|some|nearly|almost|more than|over)\s+)?{_NUM}"
    r"(?!\w|[.,]\d|\s?%|\s?per ?cent)|"
    # ("in front of 40,000", "watched by a sell-out 74,000"; not "before half-time", "before
    # 1 January", "before 65")
    r"\b(?:in front of|before|watched by|seen by)\s+(?:an?\s+)?"
    r"(?:(?:capacity|sell-out|record|crowd of)\s+)*"
    rf"(?:(?:about|around|some|nearly|almost|more than|over)\s+)?{_THOUSANDS}(?!\s*(?:GMT|BST))|"
    rf"\b(?:a|the)\s+(?:\w+\s+)?{_THOUSANDS}\s+(?:crowd|sell-out|capacity crowd)\b|"
    rf"\b(?:sell-out|capacity|record)\s+(?:crowd\s+of\s+)?{_THOUSANDS}|"
    # ("40,000 fans packed the ground", "More than 10,000 Welsh fans travelled")
    r"(?<![\w.,£$€])\d[\d,.]*(?:\s+(?:million|thousand))?\s+"
    rf"(?:(?:[A-Z][\w'’-]+|home|away|travelling|visiting|local)\s+)?(?:{_SPECTATORS})\b"
    rf"(?=[^.;]{{0,40}}\b{_GATHERED})|"
    rf"(?<![\w.,£$€])\d[\d,.]*(?:\s+(?:million|thousand))?\s+people\b(?=\s+{_GATHERED})",
    re.IGNORECASE,
)
# Appearances and scores are counted in times too ("played 85 times" for caps).
_TIMES_UNITS = frozenset("cap appea game match start goal try trie".split())
_TIMES = re.compile(rf"\b(?:{_NUM}\s+times|twice|once)\b", re.IGNORECASE)

# Agent nouns count people ("attackers", "centenarians", "exhibitors"): the word lists
# cannot hold them all.
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ee)s$")


def _person_like(word: str) -> bool:
    """Whether a (plural) noun counts people: listed as such, or an agent noun not listed as
    a thing ("centenarians", not "computers")."""
    return word in _PERSON_WORDS or (
        _AGENT.fullmatch(word) is not None and word not in _THING_WORDS
    )


# The size of a gathering of people: "How big was the crowd …?", "How large an audience …?".
_SIZE_OF_GATHERING = re.compile(
    r"\bhow (?:big|large)\s+(?:(?:is|was|were|will be|would be)\s+(?:the\s+|their\s+|its\s+)?"
    rf"|an?\s+)(?:[\w-]+\s+)?(crowd|attendance|audience|turnout)s?\b|{CROWD_ASKED}"
)


@dataclass(frozen=True)
class _Counted:
    """What a "how many" question counts: its head noun's stem and ``count_key``, whether
    it counts people, and whether it asks the size of a gathering ("How big was the
    crowd …?", ``_SIZE_OF_GATHERING``)."""

    stem: str
    key: str
    person: bool
    gathering: bool = False


@lru_cache(maxsize=1024)
def _counted_noun(question: str) -> _Counted | None:
    """The thing a "how many" question counts, or None when there is nothing to check (see
    ``names_what_is_counted``). Parsed once per question (``lru_cache``, thread-safe), not
    once per candidate sentence."""
    q_lower = question.lower()
    # "How big was the crowd …?" counts the people in it ("a crowd of 40,000", "40,000 fans")
    gathered = _SIZE_OF_GATHERING.search(q_lower)
    if gathered is not None:
        noun = gathered.group(1) or gathered.group(2)
        return _Counted(stem_word(noun), count_key(noun), person=True, gathering=True)
    if not COUNTS.search(q_lower) or COUNTS_TIME.search(q_lower):
        return None
    # a unit rule of ``holds_kind`` governs it (a death toll, the injured, staff, a distance)
    if any(asks.search(q_lower) for asks, _ in UNITS):
        return None
    head = _asked_head(question)
    if head is None or head in _CURRENCIES:
        return None
    key = count_key(head)
    if stem_word(head) == "time" or any(key in family for family in _MEASURE_FAMILIES):
        return None  # ("how many miles": ``holds_kind`` takes km, not kilos)
    person = _person_like(head)
    # A capitalised head counts named things ("how many Oscars": "11 Academy Awards") —
    # nothing to check — or people ("how many Britons", "Americans", "Iraqis").
    written = re.search(rf"\b{re.escape(head)}\b", question, re.IGNORECASE)
    if written is not None and written.group(0)[:1].isupper():
        if not re.search(r"(?:an|on|i)s$", head):
            return None
        person = True
    return _Counted(stem_word(head), key, person)


# A figure followed by what its people did ("41 million saw", "3,000 have signed", "about
# 500 turned up"): the people are left out.
_DID_SOMETHING = re.compile(
    # (not a year: "2004 saw record crowds"; nor money: "£41m went to charities")
    r"(?<![\w.,$£€¥])(?!(?:1[89]|20)\d\d\s)\d+(?:[.,]\d+)*(?:\s?(?:m|bn|k|million|billion|"
    r"thousand))?\s+"
    r"(?:have\s+|had\s+|were\s+|are\s+)?(?:saw|went|came|took|ran|fled|left|voted|died|"
    r"watched|attended|signed|turned|tuned|joined|queued|marched|protested|applied|registered|"
    r"lived|worked|visited|stayed|gathered)\b|"
    # ("where 8,000 live", "4,000 work at the docks"; not "40 live dates", "30 work days")
    r"(?<![\w.,$£€¥])(?!(?:1[89]|20)\d\d\s)\d+(?:[.,]\d+)*(?:\s?(?:m|bn|k|million|billion|"
    r"thousand))?\s+(?:live|work)(?=(?:\s+(?:often|mostly|largely|still|now|today|together|"
    r"permanently|full-time|\w+ly))?(?:\s+(?:in|on|at|for|there|here|near|nearby|within|"
    r"locally|alone|abroad|as|from)\b|\s*[,.;)]))"
)


_SALES = re.compile(r"\b(?:sold|sell|sells|selling|sales|shipped|ships|ship|shipping)\b")


def _common_words(text: str) -> list[str]:
    """The words of ``text`` (lower-cased) that are not written as part of a name: lower-case
    ones, and the sentence's first word."""
    words = re.findall(r"[A-Za-z]+", text)
    return [w.lower() for i, w in enumerate(words) if i == 0 or not w[0].isupper()]


def _counts_only_others(text: str, asked: _Counted, groups: tuple[frozenset[str], ...]) -> bool:
    """Whether the sentence names the counted thing but puts each of its figures on another
    noun: "law lords ruled that the detention of 12 foreign terror suspects …" gives no
    number of law lords. Only when every figure counts a noun known to be another thing (a
    listed person or thing, a unit of play or of measure, a currency or a time unit), none
    the counted thing, a word news uses for it (``_COUNT_SYNONYMS``), people for people or
    jobs, or "times" for a unit of play; and no figure sits in a compound ("a nine-member
    panel") or just after a word of the thing's stem ("nominated in 11 categories")."""
    figures = list(FIGURE.finditer(text))
    if not figures:
        return False
    related = {asked.stem}.union(*(g for g in groups if asked.stem in g))
    jobs = groups[_COUNT_SYNONYMS.index(_JOBS)]
    people = asked.person or asked.stem in jobs
    for m in figures:
        # a figure in a compound is the counted thing's ("a nine-member panel of law lords")
        if text[m.end() : m.end() + 1] == "-":
            return False
        head = _counted_head(text, m.end())
        if head is None:
            return False
        if stem_word(head) in related or count_key(head) == asked.key:
            return False
        # (a compound the question writes as one word: "5 billion web pages" for "webpages")
        after = _FIGURE_NOUNS.match(text, m.end())
        if after is not None and stem_word(after.group(1) + after.group(2)) == asked.stem:
            return False
        # people by another word for people ("8,500 soldiers" for troops), jobs by people
        if people and (_person_like(head) or stem_word(head) in jobs):
            return False
        # a unit of play counted in times ("has scored 201 times" for goals)
        if head == "times" and asked.key in _TIMES_UNITS:
            return False
        # only a noun known to count another thing: a listed person or thing, a unit of play
        # or of measure ("12 suspects"); not an open-class synonym ("three prizes")
        known = (
            _noun_class(head) is not None
            or _person_like(head)
            or count_key(head) in _PLAY_UNITS
            or count_key(head) in _MEASURES
            or head in _CURRENCIES
            or re.fullmatch(TIME_UNITS, head) is not None
        )
        if not known:
            return False
        # the thing named just before the figure ("nominated in 11 categories")
        before = re.findall(r"[A-Za-z]+", text[: m.start()])[-3:]
        if any(stem_word(w.lower()) in related for w in before):
            return False
    return True


_PROPER_AFTER = re.compile(r"\s+(?:million\s+|thousand\s+)?((?-i:[A-Z])[a-z]{2,})\b")
_HOW_MANY_PROPER = re.compile(r"\bhow many ((?:(?-i:[A-Z])[\w'’-]*\s+)+)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _asked_peoples(question: str) -> frozenset[str]:
    """The stems of the capitalised words "how many" counts when they are the whole counted
    noun ("how many Carib Indians" → carib, indian; not "how many American soldiers", whose
    head is "soldiers"): a people, which a sentence may count by its name alone. Parsed once
    per question (``lru_cache`` of immutable values, thread-safe), not once per sentence."""
    m = _HOW_MANY_PROPER.search(question)
    head = _asked_head(question)
    if m is None or head is None:
        return frozenset()
    words = m.group(1).split()
    if words[-1].lower() != head:
        return frozenset()
    return frozenset(stem_word(w.lower()) for w in words)


def _counts_a_people(text: str, peoples: frozenset[str]) -> bool:
    """Whether a figure (not a year) counts one of ``peoples`` by a plural name right after
    it: "3,000 Caribs" (not "3 Carib villages", "In 2003 American forces")."""
    for m in FIGURE.finditer(text):
        if YEAR.fullmatch(m.group(0)):
            continue
        name = _PROPER_AFTER.match(text, m.end())
        if (
            name is not None
            and name.group(1).endswith("s")
            and stem_word(name.group(1).lower()) in peoples
        ):
            return True
    return False


def _compound_forms(text: str, question: str) -> set[str]:
    """The counted noun's forms a compound written as one word or as two holds: "webpages"
    (or "web-pages") for "how many web pages" (the question's word before its counted noun
    taken off the sentence's word), and "web pages" for "how many webpages" (a figure's next
    two words joined: "5 billion web pages")."""
    forms: set[str] = set()
    prefix = _compound_prefix(question)
    if prefix is not None:
        for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):
            joined = w.lower().replace("-", "")
            rest = joined[len(prefix) :]
            if joined.startswith(prefix) and len(rest) >= 3:
                forms |= {stem_word(rest), count_key(rest)}
    for m in FIGURE.finditer(text):
        after = _FIGURE_NOUNS.match(text, m.end())
        if after is not None:
            joined = after.group(1).lower() + after.group(2).lower()
            forms |= {stem_word(joined), count_key(joined)}
    return forms


@lru_cache(maxsize=1024)
def _compound_prefix(question: str) -> str | None:
    """The question's word right before its counted noun ("web" of "how many web pages"),
    lower case, or None. Parsed once per question (``lru_cache``, thread-safe)."""
    head = _asked_head(question)
    if head is None:
        return None
    before = re.search(rf"([A-Za-z]+)[\s-]+{re.escape(head)}\b", question, re.IGNORECASE)
    return before.group(1).lower() if before else None


# A figure's next two words, past a scale word ("5 billion web pages", "5m e-mails").
_FIGURE_NOUNS = re.compile(
    r"(?:\s+(?:million|billion|thousand|m|bn|k)\b)?\s+([a-z]+)(?:\s+|-)([a-z]+)\b"
)


def names_what_is_counted(text: str, question: str) -> bool:
    """Whether a sentence names the thing a "how many" question counts: the noun itself
    (any form: "cap" for "caps"), one news uses for it ("vehicles" for "cars",
    ``_COUNT_SYNONYMS``), any word for people when people are counted (a listed one, or an
    agent noun a figure counts: "23,000 centenarians" for "how many people aged 100 or
    over"; jobs for people and people for jobs), a unit of play of the same family
    ("appearances" for "caps") or counted in times ("played 85 times"), or no noun where the
    sentence leaves it out or points back to it ("30 of the aircraft", "a crowd of 40,000").

    "London leads the wi-fi hotspots league, with more than 1,000" names hotspots; "fired 19
    aces" does not answer "how many tickets", and "the screensaver had been downloaded
    20,000 times" does not say how many websites it targeted. True when the question counts
    nothing this can check: no "how many", a time ("how many years", "how many times"), a
    count a unit rule of ``holds_kind`` checks (a death toll, the injured, staff), money or a
    unit of measure (the same), a capitalised thing ("how many Oscars": "Academy Awards"),
    or no counted noun found.

    Checked for one (sub-)question at a time: in "How many tonnes does it hold, and what is
    the price?" a sentence giving the price names no tonnes.

    A duration asked of an agreement or a punishment ("How long is the contract …?", "How
    many years will the deal run?", "How long a ban …?") is the same: the sentence names the
    thing or its family ("deal", "signed"; "banned"; "jailed") — "Redknapp's ninth manager in
    eight years" gives no contract's length."""
    family = _lasting_family(question)
    if family is not None:
        return family.search(text) is not None
    # A workforce is not a number of jobs cut: "How many people work at the plant?" is not
    # answered by "the 12,000 job cuts announced last year" (unless it asks the cuts)
    if _ASKS_WORKFORCE.search(question) and not _ASKS_CUTS.search(question):
        counts = [m for m in FIGURE.finditer(text) if not YEAR.fullmatch(m.group(0))]
        if counts and all(
            _JOBS_CUT.match(text, m.end())
            or _CUTTING.search(text[max(0, m.start() - 40) : m.start()])
            for m in counts
        ):
            return False
    asked = _counted_noun(question)
    if asked is None:
        return True
    # A gathering's size: "a crowd of 40,000", "in front of 40,000", "40,000 fans packed the
    # ground"; not a word for people with no figure ("Man Utd: Carroll, …"), a figure of
    # other people ("3 players booked") or of the crowd's doings ("jeers from the crowd …
    # the 19-year-old")
    if asked.gathering:
        return _SIZE_OF_CROWD.search(text) is not None
    # (the parts of a compound too: "a three-match ban" counts matches)
    words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)]
    words += [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    forms = {stem_word(w) for w in words} | {count_key(w) for w in words}
    forms |= _compound_forms(text, question)
    groups = _synonym_stems()
    if asked.stem in forms or asked.key in forms:
        return not _counts_only_others(text, asked, groups)
    # "a 19-strong panel" counts the members of a group the question names ("How many
    # lawyers made up the panel?")
    # (review78: a group noun's members, asked as making it up: not "how many voted" of "the
    # nine-strong rate-setting committee", nor "how many medals" of "GB's 46-strong team")
    if _MAKES_UP.search(question):
        q_stems = {stem_word(w.lower()) for w in re.findall(r"[A-Za-z]+", question)}
        if any(stem_word(m.group(1).lower()) in q_stems for m in _N_STRONG.finditer(text)):
            return True
    jobs = groups[_COUNT_SYNONYMS.index(_JOBS)]
    if asked.person or asked.stem in jobs:
        # (a word for people, not inside a name: "the People's Republic" counts no one; or
        # people left out before what they did: "when 41 million saw the five films")
        if any(w in _PERSON_WORDS for w in _common_words(text)) or _DID_SOMETHING.search(text):
            return True
        for m in FIGURE.finditer(text):
            counted = _counted_head(text, m.end())
            if counted is not None and (_person_like(counted) or stem_word(counted) in jobs):
                return True
        # a people by the proper name the question gives it: "3,000 Caribs" for "how many
        # Carib Indians" (the figure right before the name)
        peoples = _asked_peoples(question)
        if peoples and _counts_a_people(text, peoples):
            return True
    if any(asked.stem in group and forms & group for group in groups):
        return True
    head_groups = [group for group in _head_synonym_stems() if asked.stem in group]
    if head_groups:
        heads = {
            stem_word(head)
            for m in FIGURE.finditer(text)
            if (head := _counted_head(text, m.end())) is not None
        }
        if any(heads & group for group in head_groups):
            return True
    # "units" count any product sold ("has sold 19.9 million units" for "how many consoles
    # has it sold"), not wards, shop units or what was recalled
    if (
        not asked.person
        and _SALES.search(question)
        and any(
            _counted_head(text, m.end()) in ("unit", "units")
            and _SALES.search(text, max(0, m.start() - 30), m.start())
            for m in FIGURE.finditer(text)
        )
    ):
        return True
    if any(asked.key in family and forms & family for family in _PLAY_FAMILIES):
        return True
    # appearances or scores counted in times ("played 85 times" for caps, "scored four times"
    # for goals; not "won the title five times" or "broke his serve three times" for aces)
    if asked.key in _TIMES_UNITS and _TIMES.search(text):
        return True
    return _ELIDED.search(text) is not None


def _other_kind_of_count(asked: str | None, head: str) -> bool:
    """Whether a figure counting ``head`` counts people where the question counts things
    (``asked``), or things where it counts people; False unless both are on a list."""
    if asked is None or head == asked:
        return False
    a, h = _noun_class(asked), _noun_class(head)
    return a is not None and h is not None and a != h


# A race's distance: "the 200m", "100m final", "1,500 metres" (the standard track distances
# only, and not an amount: "£100m", "100m people", "60m euros").
# Not a stretch of a race ("over the final 200m to win in 1:47.96"), a length ("100m-long",
# "200 metres away") or an amount ("worth 100m", "110m tons", "400m pesos"). (review74)
_RACE_DISTANCE = re.compile(
    r"(?<![£$€¥\w.,])(?<!\bfinal )(?<!\blast )(?<!\bfirst )(?<!\bclosing )(?<!\bopening )"
    r"(?<!\bworth )(?<!\bnumber )"
    r"(60|100|110|200|300|400|800|1,?000|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres)\b(?!-[a-z])"
    r"(?!\s*(?:people|users|viewers|customers|subscribers|euros?|dollars?|pounds?|shares?|"
    r"barrels?|tonnes?|tons?|years?|copies|units|homes|households|visitors|fans|votes|yen|yuan|"
    r"pesos?|rupees?|phones|investment|loan|deal|bid|stake|budget|away|to go|left|remaining|"
    r"from)\b)"
)
# A describing clause ("Holmes, the 800m and 1500m champion, clocked …", "Bekele, who took
# 5,000m silver, won …"): its distances are another race's.
_DESCRIBING_CLAUSE = re.compile(r",\s+(?:who|which|the|a|an)\b[^,]{0,80},")


def race_distances(text: str) -> frozenset[str]:
    """The race distances ``text`` names ("200m" → "200"; "1,500 metres" → "1500"), outside
    describing clauses set off by commas. Pure."""
    text = _DESCRIBING_CLAUSE.sub(", ", text)
    return frozenset(m.group(1).replace(",", "") for m in _RACE_DISTANCE.finditer(text))


TIME_UNITS = (
    r"(?:years?|seasons?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
)
# Things a question asks the length of that a sentence must name to give it, each with the
# words news uses for it ("how long is the contract": "a three-year deal", "signed until").
_LASTING_FAMILIES = (
    re.compile(
        r"\b(?:contract|contracts|deal|deals|agreement|agreements|extension|signed|signing|"
        r"loan|lease|tenure)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:ban|bans|banned|banning|suspension|suspended|suspend)\b", re.IGNORECASE),
    re.compile(
        r"\b(?:sentence|sentences|sentenced|jail|jailed|prison|imprisoned|imprisonment|"
        r"term|custody|custodial)\b",
        re.IGNORECASE,
    ),
)
# "How long is the contract", "how long a ban", "how long will the loan deal last", "how many
# years will the new contract … run for": the duration of a named agreement or punishment.
_LASTING_THING = (
    r"(contract|deal|agreement|extension|loan|lease|ban|suspension|sentence|jail term|"
    r"prison term)s?\b"
)
_LASTING_OWNER = r"(?:the|a|an|his|her|its|their|this|that|[\w-]+['’]s?)\s+"
_LASTING = re.compile(
    # "how long is the contract …", "how long is Rossi's new contract"
    rf"\bhow long (?:is|was|are|were|will be|would be) {_LASTING_OWNER}(?:[\w'’-]+\s+){{0,2}}?"
    rf"{_LASTING_THING}|"
    # "how long a ban …"
    rf"\bhow long an? (?:[\w-]+\s+)?{_LASTING_THING}|"
    # "how long will the loan deal last", "how many years will the new contract … run"
    rf"\bhow (?:long|many {TIME_UNITS}) (?:will|would|does|did|is|was|could|can) "
    rf"{_LASTING_OWNER}(?:[\w'’-]+\s+){{0,2}}?{_LASTING_THING}"
)


@lru_cache(maxsize=1024)
def _lasting_family(question: str) -> re.Pattern[str] | None:
    """The words for the agreement or punishment whose length the question asks
    (``_LASTING``), or None. Parsed once per question (``lru_cache``, thread-safe)."""
    lasting = _LASTING.search(question.lower())
    if lasting is None:
        return None
    thing = next(g for g in lasting.groups() if g)
    return next(f for f in _LASTING_FAMILIES if f.match(thing))


COUNTS_TIME = re.compile(rf"\bhow many (?:[\w-]+[\s-])?{TIME_UNITS}\b")  # ("man-hours")
# (a word may qualify the unit: "45 human hours", "three long years", "10 working days")
DURATION = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)?|{'|'.join(NUMBER_WORDS)}|a|an)[\s-]+"
    r"(?:(?:more|full|long|whole|human|man|working|extra|straight|consecutive|successive|"
    r"additional|further|solid|gruelling|calendar|business|trading|training|continuous|"
    r"unbroken|entire|single)[\s-]+)?"
    rf"{TIME_UNITS}(?:[\s-]+old)?\b",
    re.IGNORECASE,
)
# "One in 10 users", "three in four voters": a share, not a count.
RATIO = re.compile(
    rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)}) (?:in|out of) (?!(?:1[5-9]|20)\d\d\b)"
    rf"(?:\d+|every|{'|'.join(NUMBER_WORDS)})\b(?![\s-]+{TIME_UNITS}\b)",
    re.IGNORECASE,
)
PRONOUN_ONE = re.compile(
    r"\b(?:which|this|that|the|no|every|each|any|another|a|little|big|new|right|wrong)\s+one\b"
    r"(?!-)(?!\s+(?:of|in)\b)",
    re.IGNORECASE,
)
YEAR_IN_PROSE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|into|of|before|after|during|for|through|between|"
    r"and|early|late|mid|the|spring|summer|autumn|winter)\s+|-)(?:19|20)\d\d\b(?![.,]\d)|"
    r"\b(?:19|20)\d\d(?=['’]s\b)"
)
ASKS_SHARE = re.compile(r"\b(?:share|percentage|per ?cent|proportion|fraction|slice)\b|%")
ODDS = re.compile(r"(?<![\d.,])\d{1,3}\s?[-/]\s?\d{1,3}(?![\d.,]*\d)")
ASKS_SHARE_PRICE = re.compile(r"\b(?:share|stock) price\b|\bprice of (?:its |their |the )?shares\b")
SHARES = re.compile(r"\b(?:shares?|stock|stocks)\b", re.IGNORECASE)
PERCENTAGE = re.compile(NUMBER_START + r"\d(?:[\d.,]*\d)?\s?(?:%|per ?cent\b)", re.IGNORECASE)


def states_lead_fact(answer: str, lead: str, kind: Kind | None, question: str) -> bool:
    """Whether an answer gives the figure the lead evidence sentence holds, for questions
    asking a figure, a date or an age. The lead is the sentence that passed every
    answerability check; a model answer quoting only another sentence's figure ("2.56
    million euros" raised, for the 10 million euros needed) answers something else. True
    when the lead holds no digits the question lacks (nothing to compare)."""
    if kind not in (Kind.NUMBER, Kind.MONEY, Kind.AGE, Kind.DATE):
        return True
    q_numbers = digit_numbers(question)
    facts = digit_numbers(lead) - q_numbers
    if not facts:
        return True
    return bool(facts & digit_numbers(answer))


# A figure with its unit: an optional currency before it, the number, then an optional scale
# ("bn", "million", "%", "per cent", "p", "metres") and an optional currency word after it;
# a range ("$2-3bn", "5 to 10%") gives its first figure the unit of its second.
_UNIT_CURRENCY = r"(?P<cur>(?:us|uk|aus|au|a|ca|c|hk|nz)?[$£€¥])"
_UNIT_SCALE = (
    r"(?P<scale>%|per ?cent\b|bn\b|billions?\b|mn\b|m\b|millions?\b|tn\b|trillions?\b|"
    r"k\b|thousands?\b|p\b|pence\b|metres?\b|meters?\b)"
)
_UNIT_CURRENCY_WORD = (
    r"(?P<curword>(?:us |american |australian |canadian |hong kong |new zealand )?dollars|"
    r"pounds(?: sterling)?|euros|yen)\b"
)
_FIGURE_UNIT = re.compile(
    rf"{_UNIT_CURRENCY}?\s?(?P<num>\d+(?:[.,]\d+)*)(?:\s?{_UNIT_SCALE})?"
    rf"(?:\s?{_UNIT_CURRENCY_WORD})?",
    re.IGNORECASE,
)
_RANGE_TO = re.compile(r"\s?(?:-|–|to)\s?$", re.IGNORECASE)
_UNIT_SCALES = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "bn": "bn",
    "billion": "bn",
    "mn": "m",
    "m": "m",
    "million": "m",
    "metre": "m",
    "meter": "m",
    "tn": "tn",
    "trillion": "tn",
    "k": "k",
    "thousand": "k",
    "p": "p",
    "pence": "p",
}
SCALE_WORDS = frozenset(w for key in _UNIT_SCALES for w in key.split() if w.isalpha()) | {
    "millions",
    "billions",
    "trillions",
    "thousands",
    "metres",
    "meters",
}
"""The words of a figure's scale ("3 per cent", "26 billion"): checked with the figure."""


def normal_scale(word: str) -> str:
    """A scale word or suffix in one spelling: "billion", "bn" → "bn"; "per cent" → "%"."""
    word = word.lower().rstrip("s") if word.lower() not in ("mn", "bn", "tn") else word.lower()
    return _UNIT_SCALES.get(word, word)


# Dollars that are not US dollars, by the prefix of their sign or the word before "dollars".
_OTHER_DOLLARS = {
    "a": "A$",
    "au": "A$",
    "aus": "A$",
    "australian": "A$",
    "c": "C$",
    "ca": "C$",
    "canadian": "C$",
    "hk": "HK$",
    "hong kong": "HK$",
    "nz": "NZ$",
    "new zealand": "NZ$",
}


def _currency(symbol_or_word: str) -> str:
    """ "$", "US$", "dollars", "US dollars" → "$"; "A$", "Australian dollars" → "A$" (and so
    for C$, HK$, NZ$: A$3.1bn is not $3.1bn); "£", "pounds" → "£"; "€" / "euros" → "€"."""
    text = symbol_or_word.lower()
    for sign, word in (("$", "dollar"), ("£", "pound"), ("€", "euro"), ("¥", "yen")):
        if sign in text or word in text:
            if sign == "$":
                return _OTHER_DOLLARS.get(
                    text.partition(sign if sign in text else word)[0].strip(), sign
                )
            return sign
    return ""


def without_currency_countries(text: str) -> str:
    """``text`` with the country taken out of each figure's currency ("NZ$450m" → "$450m",
    "3.1bn Australian dollars" → "3.1bn dollars", "US$2m" → "$2m"): after ``figure_units``
    has matched the currencies, the country is no name the claim states."""
    cuts: list[tuple[int, int]] = []
    for m in _FIGURE_UNIT.finditer(text):
        if m.group("cur") and len(m.group("cur")) > 1:
            cuts.append((m.start("cur"), m.end("cur") - 1))
        word = m.group("curword") or ""
        if " " in word:
            cuts.append((m.start("curword"), m.start("curword") + word.rindex(" ") + 1))
    for a, b in reversed(cuts):
        text = text[:a] + text[b:]
    return text


def figure_units(text: str) -> list[tuple[str, str, str]]:
    """Each figure of ``text`` with its unit: (number, currency, scale), normalised —
    "$15.1m" → ("15.1", "$", "m"), "26 billion" → ("26", "", "bn"), "31%" → ("31", "", "%"),
    "$2-3bn" → ("2", "$", "bn") and ("3", "$", "bn"). Spelled numbers ("five") are not read.
    A figure is its number *and* its unit: "26" is not the "26 billion" a quote states, nor
    "31" its "31%"."""
    found = list(_FIGURE_UNIT.finditer(text))
    out: list[tuple[str, str, str]] = []
    for i, m in enumerate(found):
        scale = (m.group("scale") or "").lower().rstrip("s")
        currency = _currency(m.group("cur") or m.group("curword") or "")
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _RANGE_TO.fullmatch(text[m.end() : nxt.start()] or "x"):
            scale = scale or (nxt.group("scale") or "").lower().rstrip("s")
            currency = currency or _currency(nxt.group("cur") or nxt.group("curword") or "")
        if i > 0 and _RANGE_TO.fullmatch(text[found[i - 1].end() : m.start()] or "x"):
            currency = currency or _currency(found[i - 1].group("cur") or "")
        out.append((norm_number(m.group("num")), currency, normal_scale(scale)))
    return out


# The end of a figure's clause before a hedge: a comma or a relative pronoun.
_CLAUSE_BREAK = re.compile(r",|\b(?:which|who|that)\b", re.IGNORECASE)


def is_hedged(text: str, question: str, direction: str | None = None, signed: bool = False) -> bool:
    """Whether the sentence's figures are only expected, forecast or possible: a hedge comes
    before its last figure the question does not state ("cutting the limit to 50mg would
    save 65 lives"). A hedge after every figure ("150 developers are left and more are likely
    to close") leaves them stated, and so does a contrast between the hedge and the figure
    ("had hoped to get £900m but in the end was granted £349m") or a simple past verb of
    change right before the figure ("is set to grow 8% this year, a turnaround from 2002 when
    output fell 11%"). A sentence with no figure in digits may state one in words, before a
    hedge in a later clause ("one of six banks that were barred …, the company that was
    expected to win")."""
    hedges = list(_HEDGED.finditer(text))
    if not hedges:
        return False
    q_numbers = digit_numbers(question)
    last = max(
        (m.start() for m in DIGITS.finditer(text) if norm_number(m.group(0)) not in q_numbers),
        default=None,
    )
    if last is None:
        # a figure written in words, stated when a clause ends before the hedge after it
        # ("one of six banks that were barred …, the company that was expected to win"; not
        # "two banks are expected to be barred")
        q_words = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
        last = max(
            (
                m.start()
                for m in re.finditer(r"[A-Za-z]+", text)
                if m.group(0).lower() in _COUNT_WORDS and m.group(0).lower() not in q_words
            ),
            default=None,
        )
        if last is None:
            return True
        after = [h for h in hedges if h.start() > last]
        if after and not _CLAUSE_BREAK.search(text, last, after[0].start()):
            return True
    before = [h for h in hedges if h.start() < last]
    if not before or _CONTRAST.search(text, before[-1].end(), last) is not None:
        return False
    # a figure of a past event the hedge is measured from ("could see his return for the
    # first time since his acrimonious £27m move") is stated
    since = _SINCE_FIGURE.search(text, before[-1].end(), last)
    if (
        since is not None
        and not YEAR.match(text, last)
        and not any(
            norm_number(m.group(0)) not in q_numbers
            for m in DIGITS.finditer(text, before[-1].end(), since.start())
        )
    ):
        return False
    stated = _STATED_BY_PAST.search(text, before[-1].end(), last)
    return stated is None or not _past_states_asked(
        text, before[-1].end(), stated, direction, signed
    )


_CONDITIONAL = re.compile(r"\b(?:if|unless|should|whether)\b", re.IGNORECASE)


def _past_states_asked(
    text: str, start: int, stated: re.Match[str], direction: str | None, signed: bool
) -> bool:
    """A past verb of change states the asked figure when it is no condition ("if sales fell
    10%") and the question asks a change its way (``direction``: "down" for "by how much did
    … fall?", which "fell" states); ``signed``: a question about growth, which "grew" and
    "shrank" both answer."""
    if _CONDITIONAL.search(text, start, stated.start()):
        return False
    verb = stated.group(0).split()[0].lower()
    if signed and verb in ("grew", "shrank"):
        return True
    return direction == ("down" if verb in ("fell", "sank", "shrank") else "up")


def money_figures(text: str) -> set[str]:
    """The numbers of the amounts of money in ``text``, normalised as ``digit_numbers``."""
    return {norm_number(g) for m in _MONEY_FIGURE.finditer(text) for g in m.groups() if g}


def digit_numbers(text: str) -> set[str]:
    """The numbers written in digits in ``text``, normalised ("1,200" is "1200")."""
    return {norm_number(n) for n in DIGITS.findall(text)}


def counted_words(q_lower: str) -> set[str]:
    """What "how many" counts, loosely: the keys (``count_key``) of the (up to three) words
    after it. Used to keep a figure followed by one of them; ``_asked_count`` is the strict
    reading, used to drop figures."""
    m = re.search(r"\bhow many ((?:[a-z-]+ ){0,3})", q_lower + " ")
    words = m.group(1).split() if m else []
    return {count_key(w) for w in words if w not in ("of", "the", "more", "other")}


# A count given as an order of magnitude: "one of hundreds of AI-focused projects",
# "hundreds of thousands of Sudanese refugees" (the noun phrase after the last "of").
_VAGUE_COUNT = re.compile(
    r"\b(?:hundreds|thousands|millions|dozens|scores)\s+of\s+"
    r"(?:(?:hundreds|thousands|millions)\s+of\s+)?((?:[\w'’-]+\s+){0,4}[\w'’-]+)",
    re.IGNORECASE,
)
# Not a count stated: "had feared thousands of job losses", "rather than hundreds of …"
_VAGUE_HEDGE = re.compile(
    r"\b(?:feared?|fears|warned\s+of|risk(?:ing)?|up\s+to|rather\s+than|instead\s+of|not)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def singular_of(word: str) -> str:
    w = word.lower().removesuffix("'s").removesuffix("’s")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def vague_count_of(text: str, q_lower: str) -> bool:
    """Whether ``text`` gives the order of magnitude of what "how many" counts ("hundreds of
    projects" for "how many projects"): the head noun of the phrase after "hundreds of" is
    the question's counted noun (not one sharing its first letters: "shareholders" for
    "shares", "policies" for "police"; not a modifier: "British tourists" for "British
    troops"), and no hedge comes before it ("feared thousands of job losses")."""
    head = _asked_head(q_lower)
    if head is None:
        return False
    asked = singular_of(head)
    for m in _VAGUE_COUNT.finditer(text):
        if _VAGUE_HEDGE.search(text[: m.start()]):
            continue
        # (a possessive is a modifier: "children's charities", "students' union members")
        words = re.findall(r"[a-z]+(?:['’]s?)?", m.group(1).lower())
        got = _np_head([w for w in words if not w.endswith(("'", "’", "'s", "’s"))])
        if got is None:
            continue
        if singular_of(got) == asked or (asked == "person" and _person_like(got)):
            return True
    return False


def count_key(word: str) -> str:
    """A counted noun, singular or plural, as a short key ("caps" and "cap" are "cap")."""
    return word.lower().removesuffix("s")[:5]


_HOW_MANY_AUX = re.compile(
    r"\b[Hh]ow many ((?:[\w'’-]+ ){1,5}?)(?:did|do|does|has|have|had|was|were|is|are|will|"
    r"would|could|can|should|might|may)\b"
)


def _asked_count(question: str) -> set[str]:
    """The keys (``count_key``) of what "how many" counts, strictly: the lower-case words
    between it and the auxiliary after them ("how many spam websites did …" → spam, websi;
    "how many Child Support Agency cases were …" → case). Empty when no auxiliary follows
    within five words ("how many Americans took up …") or the counted thing is a name ("how
    many Bank of America ATMs did …")."""
    m = _HOW_MANY_AUX.search(_IN_A_ROW.sub("", question))
    if m is None:
        return set()
    return {
        count_key(word)
        for word in m.group(1).split()
        if word[:1].islower() and word not in STOPWORDS
    }


def counts_of_other_things(text: str, question: str, q_numbers: set[str]) -> str:
    """``text`` without the figures that count another unit of play than the one the question
    counts (``_PLAY_UNITS``), or measure something (``_MEASURES``): for "how many caps", "14
    points"; for "how many aces", "a four-set win"; for "how many fans", "14 points"; for
    "how many goals", "from eight yards"; nor those counting people where the question counts
    things, or things where it counts people (``_other_kind_of_count``): for "how many pupils",
    "two secondary schools". A figure of any other noun stays."""
    asked = _asked_count(question)
    head_asked = _asked_head(question)
    if not asked and head_asked is None:
        return text
    # (with no auxiliary after it, the head of the words after "how many" is what is
    # counted: "how many spectators watched …" is no "one goal")
    if not asked and head_asked is not None and not _HOW_MANY_AUX.search(question):
        asked = {count_key(head_asked)}
    asked = asked.union(
        *(family for family in _PLAY_FAMILIES + _MEASURE_FAMILIES if asked & family)
    )
    if asked and not asked & _MEASURES:
        # ("1,200m shares" for "how many shares": the counted noun follows)
        def drop(m: re.Match[str]) -> str:
            after = re.match(r"\s+([a-z]+)", text[m.end() :])
            return m.group(0) if after and count_key(after.group(1)) in asked else " "

        text = _ATTACHED_MEASURE.sub(drop, text)
    out: list[str] = []
    last = 0
    for m in FIGURE.finditer(text):
        noun = _FIGURE_NOUN.match(text, m.end())
        if norm_number(m.group(0)) in q_numbers or noun is None:
            continue
        unit = count_key(noun.group(1))
        # a singular unit is a measure only in a compound ("a 25-yard free-kick"), not as a
        # modifier ("two foot passengers", "two yard workers")
        measure = unit in _MEASURES and (
            noun.group(0).startswith("-")
            or noun.group(1).endswith("s")
            or unit == "feet"
            or unit in _ABBREVIATED_MEASURES
        )
        head = _counted_head(text, m.end())
        if (asked and (unit in _PLAY_UNITS or measure) and unit not in asked) or (
            head is not None and _other_kind_of_count(head_asked, head)
        ):
            out += [text[last : m.start()], " "]
            last = m.end()
    return "".join(out) + text[last:]


def strip_unless_counted(pattern: re.Pattern[str], text: str, counted: set[str]) -> str:
    """``text`` without ``pattern``'s matches, except those followed (within two words) by
    the counted noun: "by 2000 people" counts people, "by 2000" is a year."""

    def keep_or_drop(m: re.Match[str]) -> str:
        follows = re.match(r"\s+([a-z-]+)(?:\s+([a-z-]+))?", text[m.end() :])
        if follows and {count_key(w) for w in follows.groups() if w} & counted:
            return m.group(0)
        return " "

    return pattern.sub(keep_or_drop, text)


# A rate or a unit price: "how much per week", "what price per share", "how much gas a year",
# "how much does each of the projectors cost". Time units after "a"/"an" only where they are
# no point in time or span ("about a year before", "in a year", "a day after", "on a day
# when", "a year-long inquiry", "a year's profits" are not rates). Only units a rate names
# beside its figure: a barrel, a ticket or a tonne is often named once, sentences before.
_RATE_TIME_UNITS = "week|month|year|day|hour|night"
_RATE_UNITS = f"{_RATE_TIME_UNITS}|share|head|person|capita|game|match|minute"
_ASKS_RATE = re.compile(
    rf"\bper\s+({_RATE_UNITS})s?\b|\beach\s+(?:[\w'’-]+\s+){{0,2}}?({_RATE_UNITS})s?\b|"
    r"(?<!\babout )(?<!\bnearly )(?<!\bover )(?<!\balmost )(?<!\bwithin )(?<!\bfor )"
    r"(?<!\bin )(?<!\bjust )(?<!\bon )(?<!\bduring )(?<!\bafter )(?<!\bthan )(?<!\bby )"
    # (nor after a year and a comma: "for 2004, a year boosted by Euro 2004 sales" describes
    # the year; "its new striker, Ben Roe, a week" still asks a rate)
    r"(?<!\d{4}, )"
    rf"\b(?:a|an)\s+({_RATE_TIME_UNITS})\b(?![-'’])"
    r"(?!\s+(?:before|after|ago|later|earlier|on|into|since|of|when|in which|that)\b)|"
    r"\beach of (?:the|its|his|her|their|these|those)\s+(?:[\w'’-]+\s+){0,4}?([a-z]+?)s\b"
    r"(?=[^?]*?\b(?:cost|costs|sell|sells|sold|fetch|earn|earns|pay|paid|worth)\b)",
    re.IGNORECASE,
)
# Other ways news writes a figure per unit (a salary is a year's pay; a head is a person; a
# game is a match).
_PER_HEAD = r"per (?:head|person|capita)|a (?:head|person)"
_PER_GAME = r"(?:per|a|each) (?:game|match)"
_RATE_WORDS = {
    "week": r"weekly",
    "month": r"monthly|pcm",
    "year": r"yearly|annual|annually|per annum|salary|salaries",
    "day": r"daily",
    "hour": r"hourly|mph|km/h|kph",
    "night": r"nightly",
    "minute": r"/min",
    "head": _PER_HEAD,
    "person": _PER_HEAD,
    "capita": _PER_HEAD,
    "game": _PER_GAME,
    "match": _PER_GAME,
    # a price of shares is written beside them ("offered $12.50 for the shares") or in
    # pence or cents; a dividend's figure is one per share ("lift its dividend to 70 euro
    # cents"; "increasing its dividend" gives none)
    "share": r"\bshares?\b|\d\s?(?:(?:euro|us|hk|australian|canadian|singapore)\s+)?"
    r"(?:p|c|cents?|pence)\b|\bdividends?\b[^.;]{0,40}?\b(?:of|to|at)\s+[£$€]?\d"
    r"|\d\S*\s+(?:(?:euro|us)\s+)?(?:cents?\s+)?dividends?\b",
}
# What shares are worth in all ("buy back shares worth 1bn Swiss francs", "22.5bn yuan
# ($2.7bn) worth of shares"): no price per share.
_SHARES_IN_ALL = re.compile(
    r"\bshares\s+worth\b|\bworth\s+of\s+(?:new\s+|its\s+|their\s+)?shares\b",
    re.IGNORECASE,
)
# "its shares were purchased … for about $230m": what the shares cost in all (unless the
# sentence gives a price per share too: "sold at 950p each, for £21.8m" — review79)
_SHARES_BOUGHT_FOR = re.compile(
    r"\bshares\b[^.;]{0,40}?\b(?:bought|purchased|acquired|sold)\b[^.;]{0,60}?\bfor\s+"
    r"(?:(?:about|around|some|nearly|almost|more than|over|up to|roughly)\s+)?[£$€]\s?[\d.,]+\s?"
    r"(?:bn|m|million|billion)\b",
    re.IGNORECASE,
)
_PER_SHARE_SAID = re.compile(
    r"\beach\b|\b(?:a|per)\s+share\b|-a-share\b|\d\s?p\b|\d\s?(?:cents?|pence)\b", re.IGNORECASE
)


# A rate asked by its adjective on a sum's noun: "How much of a monthly allowance …?", "what
# is the estimated daily cost", "the average weekly wage" (lower case: "the Daily Mail" names
# a paper; not a paper, "the French daily Le Monde", nor what is measured, "the monthly trade
# deficit"; not "annual", which news gives for a year's total as often as for a rate).
_RATE_OF_ADJECTIVE = {
    "weekly": "week",
    "monthly": "month",
    "daily": "day",
    "hourly": "hour",
    "nightly": "night",
}
_ASKS_RATE_ADJECTIVE = re.compile(
    rf"\b(?i:how much|what)\b[^?]*?\b({'|'.join(_RATE_OF_ADJECTIVE)})\s+"
    r"(?!(?:newspaper|paper|magazine|tabloid|bulletin)s?\b)(?:[a-z-]+\s+)?"
    r"(?:allowances?|wages?|pay|salar(?:y|ies)|rents?|costs?|fees?|income|budgets?|bills?|"
    r"payments?|benefits?|subsid(?:y|ies)|spend(?:ing)?|maintenance|charges?|rates?|earnings|"
    r"shop|limit)\b"
)


def asked_rate(question: str) -> str | None:
    """The unit of the rate or unit price a "how much / what" question asks for ("per week"
    → week, "price per share" → share, "each of the projectors … cost" → projector, "a
    monthly allowance" → month), or None."""
    if not re.search(r"\b(?:how much|what|which)\b", question, re.IGNORECASE):
        return None
    m = _ASKS_RATE.search(question)
    if m is None:
        adjective = _ASKS_RATE_ADJECTIVE.search(question)
        return _RATE_OF_ADJECTIVE[adjective.group(1)] if adjective else None
    return next(g for g in m.groups() if g).lower()


def states_rate(text: str, unit: str) -> bool:
    """Whether ``text`` gives a figure per ``unit``: "£4.99 per month", "$76 for each Guidant
    share", "a two-week stay at £500 a week", "950p-a-share", "£30,000 a year", "weekly",
    "annual", "a salary of £450,000"; for shares, a figure beside them, in pence or cents, or
    a dividend's figure; for a unit of something bought, "each" or "apiece". A total ("a
    contract worth £11.5m for up to 250 screens", "shares worth 1bn francs") is none."""
    u = re.escape(unit)
    if unit == "share":
        text = _SHARES_IN_ALL.sub(" ", text)
        if not _PER_SHARE_SAID.search(text):
            text = _SHARES_BOUGHT_FOR.sub(" ", text)
    patterns = [
        rf"\b(?:per|each|every)\s+(?:[A-Z][\w'’-]*\s+){{0,2}}?{u}s?\b",
        rf"\b(?:a|an)[\s-]+{u}\b",
        rf"-a-{u}\b",
        rf"\b{u}ly\b",
        r"\b(?:each|apiece)\b" if unit not in _RATE_WORDS else "",
    ]
    if unit in _RATE_WORDS:
        patterns.append(rf"(?:{_RATE_WORDS[unit]})")
    return any(p and re.search(p, text, re.IGNORECASE) for p in patterns)


# A whole year's figure ("for the whole of 2004", "full-year", "annual", "in the year to
# March", "its financial year") and a part year's ("the fourth quarter", "the three months to
# December", "the first half", "quarterly", "the interim dividend"; not "a quarter of the
# shares", "the quarter-finals", "a quarter-point rise", "jailed for three months", "three months
# after the takeover", "the interim chief executive", "the annual general meeting", "year to
# date").
_FULL_MONTH = "(?:" + "|".join(MONTHS[:12]) + r")\b"
# "to March", "ended 31 December", "to the end of June"
_TO_MONTH = (
    r"\s+(?:to|ended|ending|until|through)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_FULL_MONTH}"
)
# "annual" naming an event or a body, not the period of a figure ("the annual general meeting",
# "its annual Macworld conference", "the annual Community Shield match")
_ANNUAL_EVENT = (
    r"(?:(?-i:[A-Z])[\w'’&-]*\s+|general\s+|shareholders?['’]?\s+|investors?['’]?\s+|"
    r"dealers?['’]?\s+|developers?['’]?\s+|party\s+|trade\s+|staff\s+){0,3}"
    r"(?:meetings?|agms?|conferences?|congress(?:es)?|conventions?|summits?|events?|festivals?|"
    r"shows?|fairs?|awards?|ceremon(?:y|ies)|dinners?|lectures?|races?|match(?:es)?|derby|"
    r"tournaments?|contests?|competitions?|championships?|parades?|pilgrimages?|holidays?|"
    r"leave|surveys?|gatherings?|rall(?:y|ies)|bonus(?:es)?|title|trips?|visits?)\b"
)
_WHOLE_YEAR = re.compile(
    r"\b(?:whole|full|entire)[\s-]+(?:of\s+)?(?:(?:the|last|this|that|its)\s+)?"
    r"(?:year|(?:19|20)\d\d)\b|\bfull-year\b|\b(?:the\s+year|(?:19|20)\d\d)\s+as\s+a\s+whole\b|"
    # (not "grew at an annual rate of 3.8%": a quarter's growth, annualised)
    rf"(?<!\bat\san\s)\b(?:annual|annually|yearly)\b(?!\s+{_ANNUAL_EVENT})|\bfor the year\b|"
    # (not "the half-year to September")
    rf"(?<!half-)(?<!half\s)\byear(?:\s+(?:ended|ending)\b|{_TO_MONTH})|"
    rf"\b(?:12|twelve)[\s-]+months?{_TO_MONTH}|"
    # a forecast's year ("over the next year", "over the coming 12 months")
    r"\b(?:over|in|during|for|within)\s+the\s+(?:next|coming|following)\s+"
    r"(?:year|(?:12|twelve)[\s-]+months)\b|"
    # (not "the first quarter of its financial year")
    r"(?<!\bof\s)(?<!\bof\s\w{3}\s)(?<!\bof\s\w{4}\s)\b(?:financial|fiscal|calendar)\s+"
    r"(?:year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PART_YEAR = re.compile(
    r"\b(?:first|second|third|fourth|final|last|latest|previous|same|this|that|the|"
    rf"{_FULL_MONTH[:-2]})[\s-]+(?:(?:financial|fiscal|calendar)\s+)?quarter\b"
    r"(?![\s-]*(?:finals?|finalists?|points?|century|centuries|hours?|miles?)\b)"
    r"(?!\s+of\s+(?:an?|the)\s+(?:\w+\s+)?(?:century|hour|mile)\b)|"
    r"\bquarterly\b|\bq[1-4]\b|\byear[\s-]+to[\s-]+date\b|"
    # a period of months, not a duration ("jailed for three months", "three months after")
    r"\b(?:first|last|past|latest|previous|final|opening|same|next|coming|following)[\s-]+"
    r"(?:three|six|nine|3|6|9)"
    r"[\s-]+months?\b(?![\s-]+(?:after|before|ago|later|earlier|since)\b)|"
    rf"\b(?:three|six|nine|3|6|9)[\s-]+months?{_TO_MONTH}|"
    r"\b(?:three|six|nine|3|6|9)[\s-]+months?['’]?\s+(?:period|figures|results|trading)\b|"
    r"\b(?:[1-9]|[1-4]\d|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
    rf"[\s-]+weeks?{_TO_MONTH}|"
    r"\b(?:first|second)[\s-]+half\b|\bhalf[\s-]year(?:ly)?\b|\binterims\b|"
    # an interim result, not "the interim chief executive"
    r"\binterim\s+(?:pre-tax\s+|net\s+|operating\s+)?(?:results|dividends?|profits?|figures|"
    r"statements?|accounts|period|earnings|loss(?:es)?|payouts?|numbers)\b",
    re.IGNORECASE,
)


def gives_another_period(text: str, question: str) -> bool:
    """Whether a sentence gives its figure for another period than the one a question asks
    about: a quarter's or a half-year's figure for a question about the whole year ("What
    profit did it make for the whole of 2004?" / "its fourth-quarter profits fell to $56m"),
    or a whole year's for a question about a quarter ("net profit in the fourth quarter" /
    "for the whole of 2004, it returned a net profit of 19bn kronor"). A sentence giving
    both periods, or a question naming both, is not told apart. Nor is a change on the year
    a change on the month: "By how much did sales drop in November compared with October?"
    is not answered by "year-on-year sales had fallen 12% in November"."""
    if (
        _ON_THE_MONTH.search(question)
        and _ON_THE_YEAR.search(text)
        and not _ON_THE_MONTH.search(text)
        and not _MONTH_BASE_SAID.search(text)
        and not _ON_THE_YEAR.search(question)
    ):
        return True
    asked, years = _asked_period(question)
    if asked is None:
        return False
    text_whole = bool(_WHOLE_YEAR.search(text)) or bool(
        years and re.search(rf"\b(?:in|for|during)\s+(?:{years})\b(?![-/–]\d|['’]s\b)", text, re.I)
    )
    if asked == "whole":
        return bool(_PART_YEAR.search(text)) and not text_whole
    return text_whole and not _PART_YEAR.search(text)


# A change's base: the month before ("compared with October", "from October's level",
# "month-on-month", "on the previous month") or the year before ("year-on-year", "a year
# earlier", "on the same month last year")
_ON_THE_MONTH = re.compile(
    rf"\b(?:compared\s+(?:with|to)|than(?:\s+in)?)\s+(?:(?:the\s+)?(?:previous|prior|"
    rf"preceding)\s+month|the\s+month\s+before|{MONTH_NAMES}(?!\s+\d)(?:['’]s)?)(?!\s+(?:19|20)\d\d)|"
    r"\bmonth[\s-]+on[\s-]+month\b",
    re.IGNORECASE,
)
# (a sentence says a month's base in more ways: "on the month", "a month earlier", "from 5.4%
# in December" — review79)
_MONTH_BASE_SAID = re.compile(
    rf"\bon\s+the\s+month\b|\b(?:a|one)\s+month\s+(?:earlier|before|ago)\b|"
    rf"\bfrom\s+[^.;]{{0,25}}?\bin\s+{MONTH_NAMES}(?!\s+\d)|\b{MONTH_NAMES}['’]s\b",
    re.IGNORECASE,
)
_ON_THE_YEAR = re.compile(
    r"\byear[\s-]+on[\s-]+year\b|\b(?:a|one)\s+year\s+(?:earlier|before|ago)\b|"
    r"\b(?:same|corresponding)\s+(?:month|period|time)\s+(?:last|a|the\s+previous)\s+year\b|"
    r"\bon\s+(?:the\s+)?(?:previous\s+)?year\b|\bannual(?:ised|ized)?\s+(?:rate|basis|terms)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def _asked_period(question: str) -> tuple[str | None, str]:
    """The period a question asks a figure for ("whole" year, "part" of one, or None: none
    or both) and the years it names, as a regex alternation. Cached (``lru_cache`` is
    thread-safe; the values are immutable): every candidate sentence of a question asks it."""
    whole, part = _WHOLE_YEAR.search(question), _PART_YEAR.search(question)
    # the year the question names, as the sentence's period ("made $313m in 2004"; not "the
    # fourth quarter of 2004", "2004's final quarter")
    years = "|".join(sorted(set(re.findall(r"\b(?:19|20)\d\d\b", question))))
    if whole and not part:
        return "whole", years
    if part and not whole:
        return "part", years
    return None, years
