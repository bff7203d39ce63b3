"""What a question asks for: the ``Kind`` of answer, read from its wording
(``asked_kind``)."""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from service.answerability.lexicon import (
    CATEGORY_NOUNS,
    CHANGE_WORDS,
    CROWD_ASKED,
    CURRENCY_WORDS,
    HEADCOUNT_NOUNS,
    MONEY_WORDS,
    SPEECH_VERBS,
)

# A wh-word's "'s" ("What's the name …?", "Who's won …?", "whats"): "is", or "has" before
# a past participle.
_WH_CONTRACTION = re.compile(
    r"\b(what|who|where|when|how|which|why)(?:['’]s|(?<=what)s)\b(\s+(?:been|got|won|lost|"
    r"[a-z]+ed)\b)?",
    re.IGNORECASE,
)


def expand_contractions(question: str) -> str:
    """``question`` with a wh-word's "'s" written out, as the rules read questions: "What's
    the name of the man …?" → "What is the name …", "Who's won the title?" → "Who has won
    …". Pure."""
    return _WH_CONTRACTION.sub(
        lambda m: f"{m.group(1)} {'has' if m.group(2) else 'is'}{m.group(2) or ''}", question
    )


# A search-box query that names what it asks for without a question word ("name of the
# Basra hotel where …", "number of people killed in …", "cost of the new stadium").
_FRAGMENT = re.compile(
    r"^\s*(?:the\s+)?(?=(?:name|number|date|cost|price|age|value|population|"
    r"score|venue|location|title)\s+of\b)",
    re.IGNORECASE,
)


# review76: a statement pasted as a query ("The number of Europeans with broadband has
# exploded …") has a finite verb before any relative word; a fragment's verbs follow one
# ("… the Basra hotel where Baha Mousa was arrested").
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|rose|rises|fell|"
    r"falls|jumped|jumps|dropped|drops|grew|grows|doubled|reached|hit|hits|said|says|remains|"
    r"remained|comes|came|went|goes)\b",
    re.IGNORECASE,
)
_RELATIVE_WORD = re.compile(
    r"\b(?:where|who|whom|which|that|when|whose|if|whether)\b", re.IGNORECASE
)


def as_question(query: str) -> str:
    """``query`` as a question: a fragment that opens on what it asks for ("name of the
    Basra hotel where Baha Mousa was arrested") asked as "What is the name of …"; a statement
    ("The number of net users has doubled") or anything else as typed. Pure."""
    m = _FRAGMENT.match(query)
    if m is None:
        return query
    verb = _FINITE.search(query)
    if verb and not _RELATIVE_WORD.search(query[: verb.start()]):
        return query
    return f"What is the {query[m.end() :]}"


def read_question(question: str) -> str:
    """``question`` as the rules read it: contractions written out (``expand_contractions``)
    and a fragment asked as a question (``as_question``). Pure."""
    return as_question(expand_contractions(question))


class Kind(Enum):
    """The kind of answer a question asks for."""

    NAME = "name"  # a person, organisation or title
    DATE = "date"
    NUMBER = "number"
    AGE = "age"
    MONEY = "money"
    PLACE = "place"
    STATEMENT = "statement"  # what someone said, thought or described


# Words after "how much" that do not name a quantity of some stuff: verbs, or money itself.
_NOT_A_QUANTITY = (
    r"is|was|are|were|did|does|do|has|have|had|will|would|could|can|should|might|may|more|"
    r"less|higher|lower|bigger|smaller|longer|further|of|in|on|for|to|a|an|the|he|she|it|"
    r"they|we|you|i|its|his|her|their|prize|" + MONEY_WORDS
)
# Money nouns a modifier may precede: "how much transfer money", "how much extra cash", "how
# much hotel revenue" ("aid" is none: "how much food aid").
_MONEY_NOUNS = (
    r"money|cash|funds|funding|capital|compensation|damages|revenues?|profits?|income|"
    r"earnings|tax|taxes|investment|spending|salary|salaries|wages?|fees?|debts?|"
    r"subsidy|subsidies|bonus|bonuses|royalties|sponsorship|takings|turnover"
)
# "How much gas a year…?": a quantity of some stuff, not money.
QUANTITY = re.compile(
    rf"\bhow much (?!(?:{_NOT_A_QUANTITY})\b)(?![\w-]+ (?:[\w-]+ )?(?:{_MONEY_NOUNS})\b)[a-z]"
)

# "What time did she run?", "What was Jo Hale's finishing time?": a clock or a race time.
ASKS_TIME = re.compile(
    r"\b(?:what|which|in what) (?:exact |precise |actual )?(?:winning |finishing |record )?"
    r"time\b|"
    r"^\s*what (?:is|was|were)\b[^?]{0,40}?\b(?:winning|finishing|(?:world|course|track|lap|"
    r"olympic|championship) record|race|qualifying|lap|personal best) time\b|"
    # "What was Gatlin's time when he won bronze?", in a race (not "his time in office", "at
    # Chelsea", "the firm's time frame": review74)
    # (a capitalised name is read as "x", its "'s" with it)
    r"^\s*what (?:is|was|were) (?:(?:[\w-]+ ){0,2}[\w-]+['’]s|his|her|x(?: x){0,2}) time\b"
    r"(?!\s+(?:frame|limit|zone|scale|spent|on|at|with|as|off|out|away|under|there|here)\b)"
    r"(?=\s*\??\s*$|[^?]*\b(?:race|final|heats?|marathon|sprint|hurdles|relay|\d[\d,]*m|metres|"
    r"mile|medal|gold|silver|bronze|won|win|finish\w*|record|run|ran|clock\w*|lap|qualif\w*)\b)"
)
# Adjectives of a place noun: a name's ("Chinese", read as "x"), or a place's own.
_PLACE_ADJECTIVES = (
    r"(?:(?:x|us|uk|capital|coastal|northern|southern|eastern|western|central|port|seaside|"
    r"market|border|host|english|scottish|welsh|irish|british|european|african|asian) ){0,2}"
)
# A place noun that only qualifies the noun asked about: "Which Nottingham city councillor
# said …?" asks for a person, "which state prosecutor" for an official (not after "in/to/from
# which": "In which city police found …" asks a place). Nouns only, not words that may be a
# verb after a place noun ("Which country sides with …", "… stars in …").
_PLACE_AS_MODIFIER = (
    r"(?!\s+(?:council|councils|councillors?|councilman|councilwoman|hall|managers?|music|"
    r"clubs?|teams?|officials?|authority|authorities|police|mayors?|departments?|"
    r"governments?|senators?|governors?|legislatures?|prosecutors?|courts?|boards?|leaders?|"
    r"champions?|boss|bosses|editors?|newspapers?|papers?|singers?|bands?|rivals?|derby)\b)"
)
_KIND_RULES: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"\bhow old\b|\bwhat age\b|\bat what age\b"), Kind.AGE),
    # "What jail sentence was he given?", "What jail terms did the judge give …?": a duration.
    # ("What is the longest jail sentence …?", "What new maximum jail sentence …?")
    (
        re.compile(
            # "what new maximum jail term" (no auxiliary between: not "what did the ban …")
            r"\bwhat (?:(?!(?:is|was|are|were|will|would|did|does|do|has|have|had|could|can|"
            r"might|may)\b)[\w-]+ ){0,3}?(?:(?:sentence|jail term|prison term)s?|ban|suspension)\b|"
            # "what is the longest/maximum driving ban", "what was the sentence handed to …"
            r"\bwhat (?:is|was|are|were|will be|would be) (?:the |a |his |her |their )?"
            r"(?:(?:[\w-]+ ){0,2}?(?:longest|shortest|maximum|minimum|max|min|likely|possible|"
            r"expected|total|new|jail|prison|custodial|driving|playing|doping|life|suspended) "
            r"(?:[\w-]+ ){0,2}?(?:(?:sentence|jail term|prison term)s?|ban|suspension)\b|"
            r"(?:(?:sentence|jail term|prison term)s?|ban|suspension)(?=\s+(?:given|handed|imposed|"
            r"passed|received|served|for)\b|\s*\?))"
        ),
        Kind.NUMBER,
    ),
    # "What is China's national AI plan called?": a name, for things given proper names
    # (a condition or a nickname may be a lower-case term: "what is the virus known as?").
    (
        re.compile(
            r"^\s*what(?:['’]s| is| was| are| were| will)\b[^?]*\b(?:plan|scheme|programme|program|"
            r"project|strategy|initiative|campaign|policy|law|act|bill|report|fund|company|"
            r"firm|group|band|album|film|movie|show|series|book|novel|game|product|festival|"
            r"award|operation|party|organisation|organization|website|app)s?"
            r"(?: (?:to|for|of|in|on|against|at)\b[^?,]{0,40}?)? (?:be )?"
            r"(?:called|named)(?=\s*\??$|\s*,?\s*and\b)"
        ),
        Kind.NAME,
    ),
    # "How much damage, in pounds, did the campaign cause?", "How big is the debt in
    # dollars?": the question names the currency the answer is counted in, so it is money
    # whatever the stuff ("damage" is no money noun of its own).
    (
        re.compile(
            r"\bhow (?:much|big|large|high)\b[^?]*\bin (?:(?:us |uk |hong kong |australian |"
            rf"canadian )?(?:{CURRENCY_WORDS})|sterling)\b"
        ),
        Kind.MONEY,
    ),
    # "How big is Liberia's external debt?", "How large was the trade deficit?": the size of a
    # sum of money is money. The sum's noun heads its phrase (the question ends or goes on
    # after it: not "the budget airline's fleet", "the profit margin", "the loss of life"), and
    # the question measures it in no other way ("as a share / % of GDP"). Nouns that are sums
    # only: not "reserves" (oil), "losses" (troops), "budget" (airline).
    (
        re.compile(
            r"^(?![^?]*(?:\b(?:share|percentage|proportion|per ?cent|gdp|relative to|margin)\b|%))"
            r"[^?]*\bhow (?:big|large|high) (?:is|was|are|were|will be|would be|has|had)\b"
            r"[^?,]{0,80}?\b(?:debts?|deficits?|surplus(?:es)?|fortunes?|shortfalls?|"
            r"black hole|(?:foreign|currency|cash|dollar) reserves|pay-?offs?|payouts?|"
            r"bonus(?:es)?|salary|salaries|takings|turnover)"
            r"(?=\s*(?:[?,]|$)|\s+(?:in|of|at|when|after|before|that|which|according|last|this|"
            r"now|with|for|since|by|to)\b)"
        ),
        Kind.MONEY,
    ),
    # "How much gas will Iran supply?": a quantity of something that is not money.
    (QUANTITY, Kind.NUMBER),
    # "How much did revenues grow / prices fall?": a change, usually a percentage.
    # "By how much did spending rise / did they raise spending?": a change.
    (re.compile(rf"\bhow much\b[^?]*\b(?:{CHANGE_WORDS})\b|\bby how much\b"), Kind.NUMBER),
    (re.compile(rf"\bhow much\b.*\b(?:{MONEY_WORDS})\b|\bhow much money\b"), Kind.MONEY),
    # "How much does the firm owe?", "How much is the country asking the IMF for?": a sum
    # asked by its verb (right after "how much <auxiliary>": not "how much longer is the
    # union asking …", "how much of the work did it give …", "given the offers")
    (
        re.compile(
            r"\bhow much (?:did|does|do|is|was|are|were|will|would|has|have|had|could|can|"
            r"should|might|must)\b[^?]*\b(?:owe|owes|owed|owing|borrow|borrowed|borrowing|lend|"
            r"lent|lending|offer|offered|offering|donate|donated|asking|give|gave)\b"
        ),
        Kind.MONEY,
    ),
    # "What record low did the dollar hit?", "What did the rate rise to?": a figure.
    (
        re.compile(
            rf"\bwhat (?:new |fresh |all-time )?(?:record |)(?:low|high|level|peak)\b|"
            # "What was the index reading before it fell?": an index's or a gauge's figure
            r"^\s*what (?:is|was|were|had been)\b[^?,]{0,60}\b(?:index|indices|pmi|gauge|"
            r"barometer|thermometer|indicator|meter)(?:['’]s)?\s+reading\b|"
            rf"^\s*what did\b[^?]*\b(?:{CHANGE_WORDS}) (?:to|by)\b"
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
    # "Which bill do the Tories plan to amend?": a law, named, not a sum of money.
    (
        re.compile(
            r"\bwhich\s+(?:[\w'’&-]+\s+)?bills?\b|\bwhat\s+(?:[\w'’&-]+\s+)?bills?\b[^?]*\b(?:"
            r"amend\w*|pass|passed|vote[sd]?|introduce[sd]?|debated?|parliament|commons|lords|"
            r"congress|senate|mps|law)\b"
        ),
        Kind.NAME,
    ),
    # "By what percentage did house prices rise?", "What share of the revenue…?": a share,
    # whatever money word follows (when it is the question's first ask: "At what price …, and
    # what percentage …?" asks a price first).
    (
        re.compile(
            r"^(?:(?!\b(?:what|which|how|who|whom|when|where)\b)[^?])*\b(?:what|which) "
            r"(?:percentage|per ?cent|proportion|fraction|share of)\b"
        ),
        Kind.NUMBER,
    ),
    (
        re.compile(
            # ("Which country has the highest rate of …?" asks for a place)
            r"\b(?:what|(which))\s+(?:(?:is|was|are|were)\s+(?:the|a|an|its|his|her|their)\s+"
            r"(?=(?:(?!(?:of|for|to|on|about|in|behind|with|from|at|by|over|doing|reason|impact|"
            r"effect|cause)\b)[\w'’&-]+\s+){0,4}?(?:price|fee|sum|amount|payment|salary|wage|"
            r"revenue|cost|prize|fine|rate|budget|takings|turnover|profit|income|earnings|"
            r"valuation|value(?!s)|worth|bill|damages|compensation|fortune|debt)s?\b))?"
            r"(?!(?:[\w'’&-]+\s+)?(?:country|countries|city|cities|town|"
            r"region|nation|county|state|area)\b)"
            # (after "which", not across a reporting verb: "Which economist said prices …?"
            # asks a person; "What has Ofgem announced the price cap will be?" asks money)
            rf"(?:(?(1)(?!(?:{SPEECH_VERBS})\b))[\w'’&-]+\s+){{0,4}}?"
            r"(?:price|fee|sum|amount|"
            r"payment|salary|wage|"
            r"revenue|cost|prize|fine|rate|budget|takings|turnover|profit|income|earnings|"
            r"valuation|value(?!s)|worth|bill|damages|compensation|fortune|debt)s?\b"
        ),
        Kind.MONEY,
    ),
    (re.compile(r"\bwhat\b[^?,]{0,60}\b(?:sell|sold|fetch|fetched|go) for\b"), Kind.MONEY),
    # "What would the plan cost the taxpayer?", "What did the takeover cost?": a sum.
    (
        re.compile(
            r"^\s*what (?:would|will|did|does|do|could|might|is|was|has|had)\b[^?,]*"
            r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )"
            r"\bcost\b(?!\s+of\b|-)"
        ),
        Kind.MONEY,
    ),
    # "What growth does X forecast?" (asked first): a rate of growth.
    (
        re.compile(
            r"^\s*what (?:[\w-]+ ){0,2}growth\b(?=\s+(?:is|was|are|were|will|would|does|do|did|"
            r"has|have|had|can|could|may|might|rate|figures?|forecasts?|in|for|of|this|next|"
            r"last)\b|\s*\?)"
        ),
        Kind.NUMBER,
    ),
    # "What was the deal worth?": a sum of money.
    (re.compile(r"^\s*what (?:is|was|are|were|will)\b[^?]*\bworth\b"), Kind.MONEY),
    # "What time did she run / does the show start?": a time of day or a race time.
    (ASKS_TIME, Kind.NUMBER),
    # "Which world number seven did he beat?", "Which number two seed went out?", "Which
    # number one single …?": what a ranking names, a player, a record, a firm (not "Which
    # number did he wear?", "What number …?", a choice of figures "which number 7 or 9 …",
    # nor a relative "… the match in which world number one X beat Y?"); also as the object
    # of a match's verb ("Tom Arden beat which world number seven?")
    (
        re.compile(
            r"(?:^\s*(?:(?:in|at|to|for|from|with|by|on|against|of)\s+)?|\b(?:beat|beats|"
            r"beating|faced?|faces|facing|play(?:s|ed)?|met|meets?|defeat(?:s|ed)?|upset|ousted|"
            r"lost\s+to|loses\s+to)\s+)which "
            r"(?:(?:world|seeded|former|new|current|reigning|ex-world|top-ranked|men['’]s|"
            r"women['’]s|x) ){0,2}number "
            r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b"
            r"(?!\s+(?:or|to|and)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
        ),
        Kind.NAME,
    ),
    (
        re.compile(
            # ("number" before a numeral names a thing: "which theatre staged play number 3";
            # a world ranking's "world number one" is still a ranking, and "number 7 or 9" a
            # choice of figures)
            # ("What will the new three-digit phone number … be?": a number, however long
            # the description before it)
            r"^\s*what (?:will|would|is|was|are|were) (?:the|its|their) "
            r"(?:(?!(?:name|title|of)\b)[\w'’-]+ ){0,4}?(?:number|figure|total)\b"
            r"(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)|"
            r"\b(?:what|which)\b[^?]{0,30}?\b(?:percentage|percent|proportion|share|"
            r"slice|fraction|height|margin|age|(?<!world )number(?!\s+(?:\d+|one|two|three|"
            r"four|five|six|seven|eight|nine|ten)\b(?!\s+(?:or|to|and)\s+(?:\d|one|two|three|"
            r"four|five|six|seven|eight|nine|ten)))|world number|numbered|ranking|rank|score|"
            r"distance|speed|"
            r"total|figure|size|weight|length|odds|seeded)\b|"
            # (a count of people or copies, as the asked noun: "What is the paper's daily
            # circulation?"; not "Which club had the highest attendance?", "What caused the
            # low turnout?")
            r"\bwhat (?:is|was|are|were|will be|would be|has been|had been) "
            rf"(?:[\w'’-]+ ){{0,3}}?(?:{HEADCOUNT_NOUNS})\b|"
            rf"{CROWD_ASKED}|"
            # "What reading had analysts forecast?", "What was the index's reading?" (not a book
            # a club is reading, nor a reading at a funeral)
            r"\bwhat reading (?=(?:had|has|did|do|does|is|was|were)\b(?:\s+[\w'’-]+){0,4}?\s+"
            r"(?:expect\w*|forecast\w*|predict\w*|show\w*|record\w*|hit|reach\w*|post\w*))|"
            r"\bwhat (?:is|was) (?:the|its|their) (?:[\w'’-]+ )?reading\b(?!\s+(?:of|at|from)\b)|"
            # "At what capacity …?", "What capacity is the stadium to have?" (a figure; "in
            # what capacity did he serve" asks a role)
            # (review77: nor "What capacity was he appointed in?")
            r"\b(?:at|to) what capacity\b|(?<!\bin )\bwhat capacity\b(?=\s+(?:is|was|are|were|"
            r"will|would|does|did|has|had)\b)(?![^?]*\bin\s*\?)|"
            r"\bwhat (?:is|was|will be) (?:the|its) (?:[\w'’-]+ )?capacity\b|"
            # "What seed is she?", "What was X's seeding?" (not "what seed varieties")
            r"\bwhat (?:seed|seeding)\b(?=\s+(?:is|was|are|were|will|did|does|has|had)\b)|"
            r"\bwhat (?:is|was|are|were) (?:the |his |her |their |(?:x )+)?(?:seed|seeding)\b"
        ),
        Kind.NUMBER,
    ),
    (
        re.compile(
            r"\b(?:what|which|in which|in what|between which|between what)\s+"
            r"(?:(?:exact|precise|specific|actual)\s+|(?:is|was|were|will be)\s+the\s+"
            # (a month before the plural: "On which February dates …?" — X; not "What Budget
            # day giveaway …", "Which Derby day runner …" — review91)
            r"(?:exact|precise|specific|actual)\s+|x\s+(?=dates\b))?"
            r"(?:year|date|day|month|decade|period)s?"
            # (not "day-to-day", "year groups")
            r"(?![\w-])(?!\s+groups?\b)|"
            r"\bover what period\b|^\s*when\b|[,;]\s*when\b(?![^?]*\bhow\b)|"
            # ("What is the date of the election?", as "date of the election" is read)
            r"\bwhat (?:is|was|will be) the date\b(?!['’])"
        ),
        Kind.DATE,
    ),
    # "Where did the single sit in the chart?", "Britain slipped to what place in the
    # competitiveness league?": a position, not a place.
    (
        re.compile(
            # (not "what position does he play in the team", "what position did she hold
            # before joining the league")
            # ("What chart position did the single reach?", "What league position …")
            r"\bwhat (?:chart|league|table|final|finishing) (?:place|position|placing)\b|"
            r"\bwhat (?:place|position)\b(?![^?]*\bplay(?:s|ed|ing)?\b)"
            r"(?:(?!\b(?:before|after|joining)\b)[^?])*?\bin\s+the\s+"
            r"(?:(?!(?:before|after|joining)\b)[\w'’-]+\s+){0,4}?"
            r"(?:charts?|"
            r"table|standings|league|rankings|poll|order|premiership|championship)\b(?!-)|"
            r"\bwhere\b[^?]*\brank|\bwhere\b[^?]*\b(?:sit|sat|sits|finish|finished|finishes|"
            r"lie|lies|lay|stand|stands|stood|come|came|end|ended|placed|place)\s+(?:[\w'’-]+\s+)"
            r"{0,3}?in\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:charts?|table|standings|league|rankings|"
            r"poll|premiership|championship)\b(?!-)|"
            # ("Where did the iPod come in US magazine Mobile PC's top 100 gadgets list?": a
            # list or a countdown; not a race, a vote or "the final carriage": a place may be
            # asked of those — review89)
            r"\bwhere\b[^?]*\b(?:finish|finished|finishes|come|came)\s+"
            r"(?:[\w'’-]+\s+){0,3}?in\s+(?:[\w'’.-]+\s+){0,9}?(?:list|countdown)\b(?!-)"
        ),
        Kind.NUMBER,
    ),
    (
        re.compile(
            # ("which Chinese city", "in what Swedish town": a name's adjective or a place
            # adjective between; capitalised words are "x" here)
            # (or several: "Which countries with troops in Iraq …?")
            rf"^\s*where\b|\b(?:in|to|from) (?:which|what) {_PLACE_ADJECTIVES}(?:city|cities|"
            r"country|countries|towns?|states?|regions?|places?|venues?|capitals?|county|"
            r"counties|villages?|provinces?)\b|\bwhich "
            rf"{_PLACE_ADJECTIVES}(?:city|cities|country|countries|towns?|venues?|capitals?)\b"
            rf"{_PLACE_AS_MODIFIER}|"
            # ("which two countries", "which other cities", "what countries")
            r"\bwhich (?:(?:two|three|four|five|six|seven|eight|nine|ten|other|"
            r"neighbouring|neighboring|member|foreign) )?"
            rf"{_PLACE_ADJECTIVES}(?:city|cities|country|countries|towns?)\b(?!['’])"
            rf"{_PLACE_AS_MODIFIER}|"
            rf"\bwhat {_PLACE_ADJECTIVES}(?:cities|countries|towns)\b(?!['’]){_PLACE_AS_MODIFIER}"
        ),
        Kind.PLACE,
    ),
    (
        re.compile(
            # ("Whose try rescued a draw?": the person it belongs to)
            r"^\s*(?:\w+\s+){0,2}?(?:who|whom|whose)\b|\b(?:by|to|with|for|from|of) whom\b|"
            r"\bwhat (?:is|was) (?:the|his|her|its|their) (?:\w+ )?(?:name\b|title of\b)|"
            r"\bwhat (?:is|was) (?:the|that|this) (?:[\w-]+ )?[a-z]+['’]s (?:full |real )?name\b|"
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
    # "Which of them said …?": one of those named.
    (re.compile(r"^\s*which of (?:them|these|those)\b"), Kind.NAME),
    # Any other "Which <noun>…?" ("Which senior churchman…", "Which constituency…") asks for
    # something named, unless its noun is a category of things ("Which sectors…").
    (
        re.compile(
            r"^\s*(?:(?:in|at|to|for|from|with|by|on|against|of)\s+)?which\s+(?!of\b)"
            rf"(?!(?:[\w'’-]+\s+){{0,2}}?(?:{CATEGORY_NOUNS})s?\b)[a-z]"
        ),
        Kind.NAME,
    ),
)


_OPENS_WITH_WHO = re.compile(r"^\s*(?:who|whom|whose|which)\b")
_LATER_ASK = re.compile(r"\b(?:how|what|when|where|why)\b")


def _first_ask(q: str) -> str:
    """A question opening with "who" or "which" asks for that first: its words from a later
    question word on ("Which MP asked the question that revealed how much it could cost?",
    "Who was man of the match when Wales won, and what was the score?") do not make it ask
    for a sum or a figure."""
    if not _OPENS_WITH_WHO.match(q):
        return q
    later = _LATER_ASK.search(q)
    return q[: later.start()] if later else q


# A statement that sets the scene, then the sentence that asks ("Britain offered a company of
# Gurkhas. Where is their unit based?"): the boundary is a full stop before a question word,
# an auxiliary, or a preposition opening a wh-phrase ("From which company …", "In what year …").
_SCENE_THEN_ASK = re.compile(
    # (a closing quote or bracket may follow the stop: 'called it "a triumph." Who …?'; a
    # phrase before the question word may end in a comma: "According to the BBC, who …";
    # "And/But/So" before it is no part of the asking sentence)
    r"[.!][\"”’')\]]*\s+(?:(?:and|but|so)\s+)?(?=(?:(?:according to|in|at|by|for|from|to|on|over|"
    r"between|with|of|under|during|after|before|since|against|roughly|approximately|about)\s+"
    r"(?:[\w'’-]+,?\s+){0,3}?)?"
    r"(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|did|does|do|has|have|"
    r"had|can|could|will|would)\b)",
    re.IGNORECASE,
)
# A full stop that ends an abbreviation, not a sentence: a title ("Mr.", "Dr. Who") always;
# initials ("the U.S.", "7 a.m.") before a lower-case word ("does the U.S. have …?").
_TITLE_STOP = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Prof|Rev|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep)$")
_INITIALS_STOP = re.compile(r"(?:\b[A-Za-z]\.)+[A-Za-z]$")


@lru_cache(maxsize=1024)
def asking_sentence(question: str) -> str:
    """The sentence of ``question`` that asks, without the statements before it that set the
    scene: "Little Britain is nominated for the Golden Rose awards. How many nominations did
    British shows receive?" asks "How many nominations …?". The question's shape (its kind,
    its role, its opening "who" or "which") is read from this sentence; its names and terms
    come from the whole question. A question of one sentence is returned as it is. Read
    once per question (a bounded cache of immutable values, safe across threads)."""
    cut = 0
    for m in _SCENE_THEN_ASK.finditer(question):
        if "?" in question[: m.start()]:
            break
        before = question[: m.start()]
        if _TITLE_STOP.search(before) or (
            _INITIALS_STOP.search(before) and question[m.end() : m.end() + 1].islower()
        ):
            continue
        cut = m.end()
    return question[cut:] if cut else question


@lru_cache(maxsize=1024)
def asking_clause(question: str) -> str:
    """The clause of ``question`` that asks (``_asking_clause`` of ``asking_sentence``): what
    the question's kind, role and event are read from. The phrase before it ("According to
    the minister, …", "At the awards where Blue won, …") stays part of the question's scene
    for ``description_terms``, which reads leading phrases its own way."""
    return _asking_clause(asking_sentence(question))


@lru_cache(maxsize=1024)
def asking_head(question: str) -> str:
    """The asking clause (``asking_clause``) up to its first comma or dash: what is asked,
    without the description that may trail it ("What were Acme's total revenues for 2004,
    the year the airline returned to profit?" asks revenues, not a profit)."""
    clause = asking_clause(question)
    bound = _CLAUSE_BOUNDARY.search(clause)
    return clause[: bound.start()] if bound else clause


_WH = r"(?:who|whom|whose|which|what|when|where|how|why)"
_PREPOSITION = (
    r"according to|in|at|by|for|from|to|on|over|between|with|of|under|during|after|before|"
    r"since|against|among|apart from|besides|alongside"
)
_CLAUSE_PREP = rf"(?:{_PREPOSITION})\s+(?:[\w'’-]+\s+){{0,3}}?"
_AUXILIARY = r"(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|might)"
_CLAUSE_BOUNDARY = re.compile(r"(?:,|;|:|\s[-–—])\s+")
_WH_OPENS = re.compile(rf"(?:{_CLAUSE_PREP})?({_WH})\b", re.IGNORECASE)
_OPENS_ASKING = re.compile(
    rf"^\s*(?:(?:{_PREPOSITION})\s+(?:(?:roughly|approximately|about|exactly|just)\s+)?)?{_WH}\b|"
    rf"^\s*{_AUXILIARY}\b",
    re.IGNORECASE,
)
# "When Microsoft released its tool, which executive said …?": "when" or "where" opening a
# clause with its subject (no auxiliary right after it, as a question has: "When did …",
# "When roughly did …", "When and where did …",
# "Where is …"; "When Jo Hale was appointed, …" has its subject first) sets the scene; the ask
# is the clause after a comma, if one opens with a question word (else the whole sentence
# asks: "When the bank raised rates in March?").
_SUBORDINATE = re.compile(
    rf"^\s*(?:when|where)\s+(?!(?:\w+ly\s+|about\s+|and\s+(?:when|where|how|why)\s+)?"
    rf"{_AUXILIARY}\b|(?:exactly|precisely|else|"
    rf"in|on|at|during)\b)[^,?]+,",
    re.IGNORECASE,
)
_ANOTHER_ASK = re.compile(rf"(?:and|but|or)\s+(?:{_CLAUSE_PREP})?{_WH}\b", re.IGNORECASE)
# wh-words that open relative clauses as well as questions ("Blue, who beat U2, …")
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where", "when"})


def _asking_clause(sentence: str) -> str:
    """The clause of a question sentence that asks, after a phrase or clause that sets the
    scene: "At the NRJ awards in Cannes, where Blue beat U2, who won best French male
    singer?" asks "who won …?"; "Martin Johnson, who won 84 caps, is retiring - in what year
    did he make his debut?" asks "in what year …?". A sentence that opens with a question
    word (after a preposition at most: "In what year …") or an auxiliary asks from its start.
    A clause after a comma or a dash opens with a question word; one whose word may open a
    relative clause (who, which, where, when) and that ends at another comma is that relative
    clause, unless a second question follows it ("…, which player scored, and in what
    minute?"); "…, and what …?" is a second part, never the ask."""
    if _OPENS_ASKING.match(sentence) and not _SUBORDINATE.match(sentence):
        return sentence
    bounds = list(_CLAUSE_BOUNDARY.finditer(sentence))
    for i, b in enumerate(bounds):
        m = _WH_OPENS.match(sentence, b.end())
        if m is None:
            continue
        after = bounds[i + 1] if i + 1 < len(bounds) else None
        if (
            m.group(1).lower() in _RELATIVE
            and after is not None
            and not _ANOTHER_ASK.match(sentence, after.end())
        ):
            continue
        return sentence[b.end() :]
    return sentence


# "Where did the Dow Jones close?", "Where does the pound stand against the dollar?": a
# market's level, not a place (read on the question as written: its index is a name).
_MARKET_LEVEL = re.compile(
    # (the market's word right before the verb: not "Where did Euro 2004 open?", "Where will
    # the oil pipeline end?", "Where will the Stock Exchange open its office?")
    r"^\s*where (?:did|does|do|will|is|was|has|had) (?:[^\s?]+ ){0,6}?(?:index|indices|average|"
    r"dow|ftse|nikkei|nasdaq|dax|cac|seng|s&p|100|500|shares?|stocks?|markets?|pound|sterling|"
    r"dollar|euro|yen|bonds?|yields?|prices?) (?:close|closed|end|ended|finish|finished|settle|"
    r"settled|stand|stood|trade|traded|open|opened)\b(?!\s+(?:up|its|their|a|an)\b)|"
    # ("Where did the Jakarta Stock Exchange close?": an exchange's own index; not where an
    # exchange opens, nor where it stands on a bid)
    r"^\s*where (?:did|does|do|will|is|was|has|had) (?:[^\s?]+ ){0,6}?"
    r"(?:exchange|bourse|composite) (?:close|closed|end|ended|finish|finished|settle|settled)\b"
    r"(?!\s+(?:up|its|their|a|an)\b)",
    re.IGNORECASE,
)


def asked_kind(question: str) -> Kind | None:
    """The kind of answer the question asks for, or None when its wording does not say.
    Capitalised words after the first are names, not wording ("Bill Thompson" asks no bill).
    Read from the clause that asks (``asking_clause``)."""
    question = asking_clause(question)
    if _MARKET_LEVEL.search(question):
        return Kind.NUMBER
    q = " ".join(re.sub(r"(?<=\s)[A-Z][a-z][\w'’.-]*", "X", question.strip()).lower().split())
    q = _first_ask(q)
    for pattern, kind in _KIND_RULES:
        if pattern.search(q):
            return kind
    return None


# "Why did …?", "For what reason …?", "What caused …?", "What was the reason for …?"
_ASKS_REASON = re.compile(
    r"^\s*(?:[\w'’,]+\s+){0,4}?why\b|\bfor what reason\b|\bhow come\b|"
    r"\bwhat (?:caused|prompted|led to|was behind|is behind|lay behind|drove|fuelled|fueled|"
    r"sparked|triggered|boosted|lifted)\b|"
    # ("What has driven / is fuelling the rise?")
    r"\bwhat (?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:driv(?:ing|en)|fuell?(?:ing|ed)|"
    r"boost(?:ing|ed)|behind)\b|"
    # "What does the report credit for the rise?", "What did Orbis blame for the fall?": the
    # verb, not "credit rating", nor what one is blamed for (review75)
    r"\bwhat (?:does|do|did|is|was|were|are|has|have)\b[^?]{0,80}?\b(?:credit|credits|"
    r"credited|blame|blames|blamed|attribute|attributes|attributed)\b"
    r"(?!\s+(?:rating|card|crunch|limit|agenc\w+|score|union)s?\b)(?![^?]*\b(?:for|with)\s*\??\s*$)|"
    r"\bwhat (?:does|do|did|is|was|were|are|has|have)\b[^?]{0,80}?\bput\b[^?]{0,40}\bdown to\b|"
    r"\bwhat (?:is|was|were) the (?:reason|cause)s?\b(?! of death)",
    re.IGNORECASE,
)


def asks_reason(question: str) -> bool:
    """Whether the question asks for a reason ("Why was the show held up?"). A reason is no
    ``Kind``: news sometimes gives one without a causal word ("Shares fell. Profits missed
    forecasts."). A sentence that states a cause (``states_reason``) ranks above one that
    does not, and a one-part question's sentence must state one (since 2026-12-05: "the owner
    refused to sell" does not say why; every set, extractive: 5 more right answers or
    refusals, 1 answer lost, whose cause is worded "after saying she was …"; 6 of the 31
    answerable "why" questions of all sets state their cause in words ``states_reason`` does
    not read, and can only be refused); the question is refused too when the lead's own
    article says no reason was given (``reason_withheld_instead``)."""
    return _ASKS_REASON.search(asking_clause(question)) is not None


# The event a date question dates, by the verb of its main clause ("In what year was the band
# formed?", "When was the agency set up?", "…, was launched in which year?"), and the words a
# sentence uses for the same event: a year beside another event is not its date ("the band,
# who won a Mercury prize in 1995," does not say when it formed). Words for one event are
# grouped loosely (a firm is founded, set up or started; a film is released, screened or
# shown), since news varies them; a question whose verb is in no group is not checked.
_WORKS = (
    r"(?:albums?|singles?|songs?|tracks?|films?|movies?|novels?|books?|plays?|musicals?|"
    r"series|hits?)"
)
_OWNER = r"(?:his|her|their|its|whose|[\w-]+['’]s?)"
# "came out of retirement", "in favour of", "on top": no release (review75)
_NOT_RELEASE = (
    r"(?!\s+(?:of|in favour|in support|against|for|as|with|on top|top|fighting|firing|"
    r"shooting|and|after|to)\b)"
)
_DATE_EVENTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(rf"\b(?:{asked})\b"), re.compile(rf"\b(?:{stated})\b", re.IGNORECASE))
    for asked, stated in (
        (
            r"formed|form|founded|established|establish|set up|incorporated",
            r"forms?|formed|forming|formation|found|founded|founding|founders?|foundation|"
            r"establish\w*|set up|sets up|setting up|creat\w*|start\w*|began|begun|launch\w*|"
            r"incorporat\w*|inception|together|(?:dates|dating) (?:back|from)",
        ),
        (r"born", r"born|births?|birthday"),
        # "When does the ban start?", "When will the scheme begin?": what starts, opens or
        # comes into force (not "pledged in 2000" beside another scheme)
        (
            r"start|starts|begin|begins|commence|commences|kick off|kicks off|come into force|"
            r"come into effect|take effect|takes effect",
            r"start\w*|began|begun|begin\w*|commenc\w*|launch\w*|kick\w* off|introduc\w*|"
            r"(?:come|comes|came|coming) into|in force|effect\w*|appl(?:y|ies)|from|open\w*|"
            r"roll\w* out|in place|due|run|runs|running|under ?way|debut\w*|first|"
            # (review75) what is founded, joined or held on a date
            r"found\w*|set up|establish\w*|join\w*|took over|take[sn]? over|took charge|"
            r"take[sn]? place|taking place|took place|held|scheduled|set for|go(?:es)? ahead|"
            r"kick-off|enforc\w*|dat\w* back",
        ),
        (
            r"opened|built|inaugurated",
            r"open|opens|opened|opening|built|build|building|construct\w*|complet\w*|"
            r"inaugurat\w*|launch\w*|began|begun|begins?|start\w*",
        ),
        (
            r"released|release|published|publish|launched|launch|aired|premiered|screened|"
            r"first broadcast|first shown|unveiled|"
            # ("When is the film coming out?")
            rf"(?:come|comes|coming|came) out\b{_NOT_RELEASE}|"
            r"hit (?:the )?(?:cinemas|screens|shops|shelves|stores)",
            r"releas\w*|publish\w*|publication|launch\w*|aired|airing|airs|broadcast\w*|"
            # (not a screenplay: "created Buffy in the screenplay for the 1992 film")
            r"premiere\w*|screen(?:s|ed|ing|ings)?\b|shown|shows?|showing|issued|introduc\w*|"
            r"unveil\w*|debut\w*|"
            rf"(?:came|comes|come|coming) out\b{_NOT_RELEASE}|"
            r"hit\w* (?:the )?(?:cinemas|screens|shops|shelves|stores)|opens|opened|opening|"
            r"(?:is|are|be|was|were) out (?:on|in|from|now|next)|in (?:the )?(?:stores|cinemas)|"
            r"go(?:es)? on sale|went on sale|available|"
            r"out now|on sale|in (?:the )?shops|arriv\w*|"
            r"due|freed|free|"
            # (a firm or a service is launched as it is founded or set up)
            r"found\w*|establish\w*|set up|formed|start\w*|began|begun|"
            # (a work's year is its release: "their track from 1992", "his 1985 album"; its
            # owner's, not "a 1996 record for ticket sales" nor "the 1999 film award")
            rf"{_OWNER} (?:{_WORKS} (?:from|of) (?:19|20)\d\d|(?:19|20)\d\d {_WORKS})",
        ),
        (
            r"elected|elect",
            r"elect\w*|won (?:a|the|his|her) seat|entered (?:parliament|the commons|congress)|"
            r"became|voted in|mp\b|seat|represent\w*|since",
        ),
        (
            r"appointed|hired",
            r"appoint\w*|named|hired|became|took over|take over|takes over|joined|took charge|"
            r"succeed\w*|replac\w*",
        ),
        (
            r"married|marry|wed",
            r"marri\w*|marry|wed|weds|wedding|nuptials|tie the knot|tied the knot",
        ),
    )
)
_DATE_QUESTION = re.compile(r"\b(?:when|what (?:year|date|month|day)|which (?:year|date|month))\b")
# A relative or embedded clause of the question ("…, which eBay stopped supporting in 2005,",
# "… over who created The Aviator"): its verbs date nothing. (Not "that …" or "which …" to the
# end: "When was the band that recorded Blue Skies formed?", "When was that band formed?")
_EMBEDDED = re.compile(r",\s*(?:who|which|whose|where|when)\b[^,?]*,|\s(?:who|whom|whose)\b.*$")


@lru_cache(maxsize=1024)
def date_event(question: str) -> re.Pattern[str] | None:
    """The words for the event a date question asks the date of (``_DATE_EVENTS``), read from
    the asking clause without its relative clauses nor its names ("the Brindle Open final"
    opens nothing), or None. Read once per question, not once per candidate sentence (a
    bounded cache of immutable values, safe across threads)."""
    clause = re.sub(r"(?<=\s)[A-Z][\w'’.-]*", "X", asking_clause(question)).lower()
    asks = _DATE_QUESTION.search(clause)
    if asks is None:
        return None
    main = clause[: asks.end()] + _EMBEDDED.sub(" ", clause[asks.end() :])
    for asked, stated in _DATE_EVENTS:
        if asked.search(main):
            return stated
    return None
