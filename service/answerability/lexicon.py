"""Word lists and low-level patterns shared by the answerability rules: calendar words,
number words, words that are no names (titles, nationalities, countries), the words of money,
change and categories in questions, and years."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens half "
    "third quarter twice double triple"
).split()

# Capitalised words that are not names: titles, function words at a clause start, calendar.
NOT_NAMES = frozenset(
    "mr mrs ms dr sir lord lady the a an he she it they we i his her its their this that these "
    "those there but and or if in on at of for to by as with from however meanwhile also while "
    "when where what who whom whose which how after before during since".split()
    + MONTHS
    + WEEKDAYS
    + NUMBER_WORDS  # "Four members of the board…" names nobody
)


# Adjectives of nationality are capitalised but describe, they do not name ("a Russian national").
DEMONYMS = frozenset(
    "american british chinese russian iranian indian japanese french german italian spanish "
    "canadian australian irish scottish welsh english european african asian israeli korean "
    "us uk eu western eastern".split()
)
# More nationalities, dropped from a question's names only when they stand alone ("Swedish
# tennis player …", where the article says "Swede"; "Swiss Re" and "Mark Cuban" are names).
LONE_DEMONYMS = frozenset(
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
# A person called by their nation ("treated the Dutchman", "the Briton won"): no one's name
# (review76: not "the Scotsman", a newspaper, nor "the Scots", mostly Scotland's team).
PERSON_DEMONYMS = frozenset(
    "dutchman dutchmen dutchwoman englishman englishmen englishwoman frenchman frenchmen "
    "frenchwoman irishman irishmen irishwoman scotsmen scotswoman welshman welshmen "
    "welshwoman cornishman manxman briton britons spaniard spaniards swede swedes dane danes "
    "scot".split()
)

MONEY_WORDS = (
    r"pay|paid|paying|cost|costs|price|priced|fee|fees|sum|payment|payments|salary|wage|rate|"
    r"revenue|revenues|profit|profits|earn|earned|earning|earnings|worth|value|valued|sell|"
    r"sold|fetch|fetched|spend|spent|raise|raised|fund|funding|prize|fine|fined|compensation|"
    r"deal|bid|offer|offering|budget|money|cash|income|turnover|sales|loss|losses|invest|"
    r"invests|invested|investing|investment|damages|settlement|award|awarded|bonus|grant|loan|"
    r"donation|debt|debts|tax|taxes|spending|subsidy|subsidies|fortune|fortunes|wealth|takings|"
    r"(?<!in )charge|charges|charged|charging"
)

CHANGE_WORDS = (
    r"grow|grew|grown|rise|rose|risen|fall|fell|fallen|increase|increased|decrease|decreased|"
    r"decline|declined|drop|dropped|jump|jumped|climb|climbed|shrink|shrank|slump|slumped|"
    r"gain|gained|improve|improved|slip|slipped|soar|soared|plunge|plunged|expand|expanded"
)
# Nouns of "which <noun>" questions that ask for a kind of thing, not for a name.
CATEGORY_NOUNS = (
    r"sector|area|topic|issue|subject|kind|type|sort|way|method|industry|industries|field|aspect|"
    r"part|"
    r"role|factor|reason|problem|measure|step|change|policy|policies|question|concern|risk|"
    r"technology|technologies|service|feature|activity|activities|skill|condition|disease|"
    r"crime|offence|charge|sport|event|food|material|word|phrase|term|one|ones"
)

# Nouns that name a count of people or copies, never of time or money: "What is the
# paper's circulation?" (``kinds`` reads them as a number, ``holds`` as a headcount).
HEADCOUNT_NOUNS = r"population|circulation|attendance|turnout|readership"
# "What was the crowd for / at …?" asks its size (not "the crowd's reaction", "the crowd
# chanting").
CROWD_ASKED = (
    r"\bwhat (?:is|was|were|will be) (?:the |their |its )?(?:[\w-]+ )?(crowd)"
    r"(?:\s+(?:size|figure))?(?=\s+(?:for|at|in|on|when|during|of)\b|\s*[?,]|\s*$)"
    # (not what it did: "What was the crowd at the concert chanting / like?": review74)
    r"(?![^?]*\b(?:chant|sing|sang|sung|shout|demand|protest|doing|say|said|want|cheer|boo|"
    r"react|think|feel|wav|told|ask|like)\w*\b)"
)

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")

MONTH_NAMES = "(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\.?"

# Words of country names ("Saudi Arabia", "South Korea"): a run of only these names a
# country, which answers no who-question.
COUNTRY_WORDS = frozenset(
    "saudi arabia south north korea new zealand hong kong united states kingdom sri lanka "
    "czech republic ivory coast east timor arab emirates".split()
)

# Countries, nations and continents named in news (hand-written: a small, stable list; a place
# that is one of these does not answer "which city").
NOT_CITIES = frozenset(
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
    "zambia zimbabwe mozambique malawi botswana namibia angola liberia madagascar mali niger "
    "chad burma laos maldives haiti nicaragua honduras guatemala".split()
)
# States and provinces, which a city question does not ask for either (not those that name
# a city too: Washington, New York, Quebec).
STATES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii "
    "idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia wisconsin wyoming alberta ontario "
    "manitoba saskatchewan queensland tasmania bavaria catalonia".split()
)
STATE_PHRASES = frozenset(
    frozenset(p.split())
    for p in (
        "new jersey",
        "new mexico",
        "new hampshire",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "rhode island",
        "west virginia",
        "new south wales",
        "british columbia",
        "nova scotia",
        "western australia",
        "south australia",
    )
)
# Where a two-part question's second question starts (", and how many …?").
PART_SPLIT = re.compile(
    r",?\s+(?:and|while|but)\s+(?=(?:(?:in|by|on|at|for|from|to|with|of|against)\s+)?"
    # ("whose" only when a question's verb follows: "…, and whose hit did he record?", not
    # the relative clause "…, who joined in 2019 and whose contract expires in June, …")
    r"(?:how|what|which|who|whom|when|where|whose\s+(?:[\w'’-]+\s+){1,3}?(?:did|does|do|is|"
    r"was|were|are|has|have|had|will|would|could|can)\b)\b|"
    # ("…, and since what year has it …?": a question's word order after the wh-word; not
    # "and during which the deal was struck", "before and after what he called …" — review78)
    r"(?:since|until|after|before|during|over)\s+(?:what|which|how)"
    r"(?:\s+(?!(?:the|a|an|his|her|its|their|this|that)\b)[\w'’-]+){0,2}?\s+"
    r"(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b)",
    re.IGNORECASE,
)

# Last words of newspapers and magazines: "serialised in the Sunday Telegraph", "told the
# Washington Post", "writing in the Economist" name a publication, not a place.
PUBLICATION_ENDS = frozenset(
    "Telegraph Times Guardian Post Mail Express Mirror Herald Journal Observer Independent "
    "Standard Chronicle Gazette Tribune Magazine Economist Scotsman Sun Star Spectator Statesman "
    "Newsweek Monde Figaro Eye Record Lancet Variety".split()
)

# Ordinal words from "second" on (a place in a ranking: "came fourth", "fourth-largest").
ORDINALS = (
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


# Every word of nationality (adjective or noun): it describes, it names no one ("the first
# Irish rider", "a Swede"). Public: the citation checks share it.
NATIONALITY_WORDS = (
    DEMONYMS
    | LONE_DEMONYMS
    | frozenset(
        "spaniard swede dane briton scot finn pole turk brit kiwi aussie argentine "
        "swiss dutch".split()
    )
)
# Capitalised words that name no one (titles, clause openers, the calendar, number words).
NOT_NAME_WORDS = NOT_NAMES

# The last word of a body's name ("the International Tennis Federation", "the Transport and
# General Workers Union"): it names an organisation, not a place or a thing.
BODY_NOUNS = frozenset(
    "federation association union council committee commission agency authority ministry "
    "department institute foundation party corporation company".split()
)
# Currency names, as a regex alternation ("dollars", "euros", "yuan"): "5,000 euros",
# "how much in pounds".
CURRENCY_WORDS = (
    r"dollars|pounds|euros|yen|yuan|rupees|francs|cents|pence|rand|roubles|rubles|won|shekels?|"
    r"riyals?|rials?|dirhams?|lira|naira|pesos?|kronor|kroner|krona|zlotys?|baht|ringgit|reais|"
    r"rupiah|dinars?"
)
# Verbs that report speech, as a regex alternation ("said", "warns", "revealed").
SPEECH_VERBS = (
    r"said|says|say|told|tells|warned|warns|claimed|claims|argued|argues|insisted|insists|"
    r"predicted|predicts|stated|states|explained|explains|commented|admitted|admits|"
    r"described|describes|suggested|suggests|revealed|reveals|announced|announces|blamed|"
    r"blames"
)


def initials(words: Iterable[str], *, skip: Collection[str] = (), whole_acronyms: int = 0) -> str:
    """The initials of a name's words, lower case: the first letter of each word, leaving out
    the words in ``skip`` (compared in lower case: "of", "the" …). With ``whole_acronyms``,
    an upper-case word of at most that many letters gives all of them ("US Anti-Doping
    Agency" is "usada"). The one reading of initials the rules share; spelling an acronym
    out inside running text (compounds, where the name opens and ends) is
    ``focus._spelt_out_in``'s."""
    return "".join(
        (w if whole_acronyms and w.isupper() and len(w) <= whole_acronyms else w[0]).lower()
        for w in words
        if w and w.lower() not in skip
    )
