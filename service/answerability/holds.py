"""Whether a sentence holds what the question asks for (``holds_kind``), or says that
it is not known (``is_withheld``)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from service.answerability.figures import (
    AGE_PHRASE,
    ASKS_CHANGE,
    ASKS_CONVERSION,
    ASKS_SHARE,
    ASKS_SHARE_PRICE,
    ASKS_SIZE_OF_CHANGE,
    CHANGE_FIGURE,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    COUNTS,
    COUNTS_TIME,
    DIGITS,
    DURATION,
    FIGURE,
    FIGURE_UNITS,
    FIRST_PART_UNITS,
    FRACTION,
    FRACTION_OF,
    HEDGED_QUESTION,
    MONEY_PHRASE,
    ODDS,
    ORDINAL,
    PAST_QUESTION,
    PENALTY_WORD,
    PER_TIME,
    PERCENTAGE,
    PRONOUN_ONE,
    QUANTITY_OF_TIME,
    RATIO,
    SHARE_OF_GROUP,
    SHARES,
    SPELLED_MONEY,
    STATES_CHANGE,
    STATES_CHANGE_IN_WORDS,
    TIME_UNITS,
    TOP_N,
    UNITS,
    VAGUE_NUMBERS,
    YEAR_IN_PROSE,
    asked_rate,
    count_key,
    counted_words,
    counts_of_other_things,
    digit_numbers,
    is_hedged,
    money_figures,
    norm_number,
    other_money_relation,
    states_rate,
    strip_unless_counted,
    vague_count_of,
    without_conversions,
    without_numbers_in_names,
)
from service.answerability.kinds import (
    QUANTITY,
    Kind,
    asked_kind,
    asking_clause,
    asking_head,
    date_event,
)
from service.answerability.lexicon import (
    COUNTRY_WORDS,
    CURRENCY_WORDS,
    HEADCOUNT_NOUNS,
    MONTH_NAMES,
    MONTHS,
    NOT_CITIES,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    PART_SPLIT,
    SPEECH_VERBS,
    STATE_PHRASES,
    STATES,
    WEEKDAYS,
    YEAR,
    initials,
)
from service.answerability.names import (
    FAITHS,
    name_runs,
    names_a_model,
    names_no_one,
    names_the,
    place_runs,
)
from service.answerability.roles import asked_noun
from service.evidence import STOPWORDS

# The sentence says the asked-for fact is not known: it does not answer.
# "Unknown", but not the noun "the unknown" ("will enter the unknown just 77 days after…");
# "the unknown gunman" still withholds.
_UNKNOWN = (
    r"(?:(?<!the )unknown|unknown(?=\s+[a-z]+\b)"
    r"(?!\s+(?:just|and|of|in|for|after|before|with|to|as|but|or|is|was)\b))"
)
_WITHHELD = re.compile(
    r"\bnot (?:his|her|their|its|the) real name\b|"
    rf"\b(?:undisclosed|unspecified|{_UNKNOWN}|unnamed|not (?:yet )?(?:been )?(?:disclosed|"
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
    r"backers?|donors?|suitors?|owners?)\b)|not (?:yet )?(?:been )?(?:disclosed|revealed|known|"
    r"specified)\b|(?:did not|didn't|declined to|refused to|would not|wouldn't) "
    r"(?:say|disclose|reveal|comment|specify|give)\b)",
    re.IGNORECASE,
)
# "There are no figures for how many …", "the firm gave no sales figures", "no figures have
# yet been released", "figures are not yet available", "no financial details were disclosed":
# no figure is known — unless the sentence gives one outside that clause ("There are no
# official figures, but the FSB estimates 2,000 shops have closed").
_NO_FIGURES = re.compile(
    r"\b(?:there (?:are|were|is|was)|gave|give|gives|released|published|provided|has|have|had)"
    r" no (?:[\w-]+\s+){0,2}?(?:figures?|data|statistics|numbers|breakdown)\b(?!-)|"
    r"\bno (?:[\w-]+\s+)?(?:figures?|data|statistics)(?!-) (?:for|on|about|(?:(?:have|has)\s+"
    r"(?:yet\s+|so far\s+)?been|were|was|are|is)\s+(?:yet\s+)?(?:available|given|released|"
    r"published|provided|disclosed)\b|for how|on how|for what|on what)|"
    r"\b(?:figures?|data|statistics)\b[^.;]{0,40}?\b(?:are|is|were|was|have|has)\s+not\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:available|published|released|given)\b|"
    r"\bno (?:financial |further |other )?details\b[^.;]{0,40}?\b(?:were|was|have been|has been)\s+"
    r"(?:disclosed|released|given|revealed|made public)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;,]|\b(?:but|although|though|while|whereas)\b|$", re.IGNORECASE)


# "Where is Acme based / headquartered?" and "Houston-based Acme"
_ASKS_BASE = re.compile(
    r"\b(?:where|which|what)\b[^?]*(?<![-\w])(?:based|headquartered)"
    r"(?=\s*(?:\?|$|in\b|now\b|today\b))|\bheadquarters\b"
)
# A firm "based on" an island, named after it ("based on Caribbean island Saint Kitts and
# Nevis", "based on the island of Jersey").
_BASED_ON_ISLAND = re.compile(
    r"\bbased\s+on\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:island|isle)\s+(?:of\s+)?"
    r"([A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)"
)
_BASED = re.compile(r"\b((?:[A-Z][a-z]+\s)?(?:[A-Z][a-z]+|[A-Z]{2,}))-based\b")
# "What were its total sales?", "How many in total …?": a level summed up, which a change
# by a percentage ("sales were up by 4%", "rose 4%") does not give (a level that is itself
# a percentage does: "turnout was 38.2%").
_ASKS_TOTAL = re.compile(r"\btotal\b")
_PERCENT_CHANGE = re.compile(
    rf"\b(?:up|down|higher|lower|{CHANGE_VERBS}|{CHANGE_NOUNS})\b(?:\s+[\w'’-]+){{0,3}}?\s+"
    rf"(?:by\s+)?{CHANGE_FIGURE}(?:[\d.,]*\d)?\s?(?:%|per ?cent\b)",
    re.IGNORECASE,
)


def _says_no_figures(text: str) -> bool:
    """Whether the sentence says no figure is known, and gives none outside that clause."""
    m = _NO_FIGURES.search(text)
    if m is None:
        return False
    # "there are no figures for how many people use the posters, but a previous campaign
    # had 12,500": the clause withholds what a question asks; a figure after it is another's
    # (when it leads: "3,000 calls were received, although no data was published on how
    # many were genuine" gives the count of calls)
    if not DIGITS.search(text[: m.start()]) and (
        re.search(r"\b(?:for|on|about) (?:how|what)\b", m.group(0), re.IGNORECASE)
        or re.match(r"\s+(?:for|on|about) (?:how|what)\b", text[m.end() :], re.IGNORECASE)
    ):
        return True
    start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
    after = _CLAUSE_END.search(text, m.end())
    end = after.start() if after else len(text)
    rest = text[:start] + " " + text[end:]
    return not (
        DIGITS.search(rest)
        or re.search(r"\b(?:hundreds|thousands|millions|dozens)\s+of\b", rest, re.IGNORECASE)
    )


# "What is the name of the park…": the answer names a park (the head noun must be there).
_NAME_OF = re.compile(
    r"\b(?:name|title) of (?:the |a |an |its |his |her |their )?(?:[\w'’-]+ ){0,4}?(\w+)"
    r"(?= (?:on|in|at|that|which|where|who|whom|of|for|with|by)\b|\s*\?|$|"
    # "the film directed by …", "the novel written by …", "the phone designed for gaming"
    r" (?:[a-z]+ed|written|made|sung|shown|drawn|won|given|taken) (?:by|for|to|as|with)\b)"
)
# "Which university…": places and institutions whose names carry their kind ("Harvard
# University", "the University of Kent", "Wembley Stadium"): the answer must name one.
_WHICH_NAMED = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(university|college|school|hospital|museum|"
    r"stadium|airport|prison|festival|theatre|gallery|hotel|cathedral|court)\b"
)
# "What is China's national AI plan called?": the answer names a plan.
_CALLED = re.compile(
    r"^\s*what (?:is|was|are|were|will)\s+(?:the |a |an |its |his |her |their |[\w-]+['’]s )?"
    r"(?:[\w'’-]+ ){0,4}?(\w+) (?:be )?(?:called|named)\s*\??$"
)
_SPEECH_VERBS = SPEECH_VERBS
# (its own verb, not one of a clause set off by a comma or a relative pronoun: "Who owns
# Bath, the club that Mike Tindall's agent says must improve …?" asks no words)
# ("said to have held talks" and "is said to own" report a deed, not words)
_SPEECH_QUESTION = re.compile(
    rf"^\s*who\b[^?]*(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )"
    rf"\b(?:{_SPEECH_VERBS})\b(?!\s+to\s+(?:have|be)\b)"
)
# (review78: only a clause hanging on a given noun after a comma is dropped; "Who is the
# minister who said …?" and "Who, according to the report, warned …?" still ask words)
_GIVEN_NOUNS_CLAUSE = re.compile(r",\s+(?:the|a|an)\s+[^,?]*?\b(?:that|who|which)\b[^,?]*")
# A quotation, or the end of one that began in an earlier sentence ("… is inevitable.”").
_QUOTATION = re.compile(r"[\"“”][^\"“”]{8,}|[‘’][^‘’]{12,}[‘’]|:\s*[\"“‘]|[.!?][\"”’]\s*$")
# (reporting verbs of official readouts count too: "Shanghai indicated the city's openness
# to …", "the two leaders affirmed the need to …"; they do not make "who …?" a speech question)
_SPEECH = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|according to|added|adds|believes|wrote|writes|indicated|noted|"
    r"emphasi[sz]ed|stressed|expressed|pledged|vowed|urged|highlighted|acknowledged|"
    r"affirmed|reaffirmed|declared)\b",
    re.IGNORECASE,
)

_ASKS_DAY = re.compile(
    r"\b(?:what|which) (?:(?:exact|precise|specific|actual) |(?:is|was|were|will be) the "
    r"(?:exact|precise|specific|actual) )?(?:date|day of the month)\b|"
    # "On which February dates …?", "On which day in February …?": the days of that month
    rf"\b(?:what|which) (?:{'|'.join(MONTHS)}) dates?\b|"
    rf"\b(?:what|which) (?:day|dates?) (?:in|of) (?:{'|'.join(MONTHS)})\b"
)
# Countries named as their capital city: "met his EU counterparts in Luxembourg".
_CITY_STATES = frozenset("luxembourg singapore monaco kuwait djibouti vatican".split())
# Words of a place that is no city: a country, a continent, a state or a province.
_NO_CITY = (NOT_CITIES | STATES) - _CITY_STATES
_ASKS_BROADCASTER = re.compile(r"\b(?:channel|station|network|company|broadcaster)s?\b")
# "How long …?" asks a span of time, which may have no figure: "ruled out for a month",
# "half an hour" (not the adjective "a year-long inquiry", nor a day named: "on a day when",
# "a day of action", "a week ago", nor a rate: "£35,000 a year", "twice a week").
_SPAN_UNIT = r"(?:minute|hour|day|week|fortnight|month|year|decade|season)"
_A_SPAN = re.compile(
    r"(?<!\bon )(?<!\d )(?<!\d[mkp] )(?<!\dbn )(?<!twice )(?<!times )(?<!once )"
    rf"\b(?:a|an|half an?)\s+(?:full\s+)?{_SPAN_UNIT}\b"
    r"(?!-|\s+(?:when|of|ago|earlier|later|after|before|to forget|on(?! the sidelines))\b)|"
    # ("out for a month after damaging ligaments": after "for" it is a span)
    rf"\bfor\s+(?:a|an|half an?)\s+(?:full\s+)?{_SPAN_UNIT}\b(?!-)",
    re.IGNORECASE,
)
# What counts people or copies, never time (``holds_kind``).
_ASKS_HEADCOUNT = re.compile(
    r"\b(?:what|how (?:big|large|high)) (?:is|was|are|were|will be|would be|has been|had been) "
    rf"(?:[\w'’-]+ ){{0,3}}?({HEADCOUNT_NOUNS})\b"
)
# A unit of time after a figure: "62 years", "three-month", "12 days".
_SPAN_AFTER = re.compile(rf"(?:\s+|-){TIME_UNITS}\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s?(?:%|per ?cent\b)", re.IGNORECASE)
# (not "How long is the bridge?", a length; "how long will it have been since 1988" may be
# answered by a year)
_ASKS_DURATION = re.compile(
    r"\bhow long\b(?![^?]*\bsince\b)(?!\s+(?:is|was|are|were)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:bridge|tunnel|river|road|runway|line|track|course|route|border|wall|queue|pitch|"
    r"building|tower|coast|list|book|film|novel|report)s?\b)"
)
# A unit written short, or in full ("23 mins", "2hrs", "six weeks")
_SHORT_UNITS = {
    "minute": r"(?:minutes?|mins?)",
    "hour": r"(?:hours?|hrs?)",
    "day": r"days?",
    "week": r"weeks?",
    "month": r"months?",
}
# A sum just before "a week" / "an hour": a rate ("£57 a week", "$1.8m an hour")
_MONEY_BEFORE = re.compile(
    r"(?:[£$€]\s?\d[\d.,]*\s*(?:m|bn|k|p)?|\d[\d.,]*\s*(?:p|pence|cents?|m|bn)|\bbuck|\bpenny|"
    r"\bpounds?|\bdollars?)\s*$",
    re.IGNORECASE,
)
# A sentence ending on a bare figure after a lower-case word, with no unit ("We, on the other
# hand, will have 16."): the figure of the question's unit, left out
_ELLIPTICAL_FIGURE = re.compile(
    r"\b(?!(?:at|in|since|of|aged|as|to|number|with)\b)[a-z]+\s+(?!(?:19|20)\d\d\b)"
    r"\d+(?:,\d{3})*(?:\.\d+)?[.!?\"'”]*\s*$"
)
# "How many weeks / days / months …?" (not "how many times", nor years: see ``holds_kind``)
_ASKS_SHORT_SPAN = re.compile(
    r"\bhow many\s+(?:more\s+|extra\s+|further\s+)?(minute|hour|day|week|month)s\b"
)
# Spans with no figure, or with a unit written short: "several weeks", "for life", "the rest
# of the season", "a half-year", "90 mins", "2hrs", "1:45".
_SOME_TIME = re.compile(
    r"(?<!next )(?<!last )(?<!past )\b(?:several|a few|few|a couple of|many|some|for the next|"
    r"for the last|for the past|two)\s+"
    rf"(?:more\s+)?{TIME_UNITS}\b|\bfor life\b|\brest of (?:the|his|her|their|this|next) "
    r"(?:season|career|year|month|week|campaign|tournament)\b|\bhalf[\s-](?:a[\s-])?"
    r"(?:year|day|hour|season|century|decade)\b|\b\d+\s*(?:hrs?|mins?|secs?|yrs?)\b|"
    r"(?<!\bat )(?<!\bfrom )\b\d{1,2}:\d\d\b|\b(?:overnight|indefinitely|permanently)\b",
    re.IGNORECASE,
)
_A_OR_AN = re.compile(r"an?\b", re.IGNORECASE)
_ASKS_SINCE_WHEN = re.compile(r"\bhow long (?:has|have)\b")
# "How long has she led it?" — "since 1999".
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid)[\s-]*)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
)
# an end point is a span's answer: "out until March", "a deal until 2009"
_UNTIL = re.compile(
    r"\b(?:until|till)\s+(?:the\s+)?(?:end\s+of\s+(?:the|this|next|his|her)\s+\w+|"
    rf"(?:summer|spring|autumn|winter|new year|Christmas)\b|{MONTH_NAMES}(?!\w)|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_AGO = re.compile(
    rf"\b(?:a|an|half an?)\s+{_SPAN_UNIT}\s+ago\b",
    re.IGNORECASE,
)
_NOT_A_START = re.compile(
    r"\b(?:born|founded|established|formed|set up|built)\s+in\s+(?:\w+\s+)?$", re.IGNORECASE
)
_SINCE_NO_YEAR = re.compile(
    rf"\bsince\s+(?:last\s+\w+|{MONTH_NAMES}(?!\w)|the\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_ASKS_YEAR = re.compile(
    r"\b(?:what|which) (?:(?:exact|precise|specific|actual) |(?:is|was|were|will be) the "
    r"(?:exact|precise|specific|actual) )?year\b"
)
# A year written as one, not a decade ("the 1980s", "the 1990's", "mid-1970s"); a year's
# possessive is one ("Euro 2000's top scorer").
_EXACT_YEAR = re.compile(
    r"\b(1[5-9]\d\d|20\d\d)\b(?!(?<=0)['’]?s\b)|"
    r"(?<!\bthe\s)(?<!\bmid-)(?<!\bmid\s)(?<!\bearly\s)(?<!\blate\s)\b(1[5-9]\d0|20\d0)(?=['’]s\b)",
    re.IGNORECASE,
)
# A year before 1500 is written after a preposition of time ("set up in 1337 by King Edward
# III", "since 1497"), not a clock time ("by 1300 GMT", "from 1130 to 1215 GMT"): a number of
# four digits without a comma is a year or a time in this house style.
# (review78: only where a clause ends or a year's words follow — "until 1430", "from 1000
# until 2200 local time" are times — and not a ratio: "one in 1000 people")
_OLD_YEAR = re.compile(
    r"(?<!\bone )(?<!\b1 )(?<!\ba )\b(?:in|since|from|until)\s+(1[0-4]\d\d)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:by|when|AD|BC|under)\b|\s+[-–]\s)",
    re.IGNORECASE,
)
# "Over what period …?", "For what period …?": a span or a range of dates
_ASKS_PERIOD = re.compile(r"\b(?:over|for|during|across) what (?:time )?period\b")
# A span a period is given by: after "over", "for", "during", "within" or "in" ("over the
# last nine years", "for a week"), not a point in time or a rate ("three years ago", "two
# hours a day", "24 hours after the launch") (review78)
_PERIOD_SPAN = re.compile(
    r"\b(?:over|for|during|across|within|in)\s+(?:the\s+(?:last|past|next|first)\s+)?"
    rf"(?:\d+(?:[.,]\d+)?|{'|'.join(NUMBER_WORDS)}|a|an)[\s-]+(?:(?:more|full|whole)\s+)?"
    rf"{TIME_UNITS}\b"
    r"(?!\s+(?:ago|later|earlier|after|before|old|per|each|a\s+(?:day|week|month|year))\b)",
    re.IGNORECASE,
)
# A height, a weight, a distance or a speed, written with its unit
_MEASURE = re.compile(
    # (not "st": "his 41st cap" is an ordinal — review79)
    r"(?<![\w.,])\d+(?:\.\d+)?(?:ft|in|cm|mm|kg|lbs?|mph|kph|km)\b|"
    r"(?<![\w.,])\d+(?:\.\d+)?\s(?:feet|foot|inches|metres|meters|kilometres|miles|kilos|"
    r"kilograms|stone)\b",
    re.IGNORECASE,
)
_COUNTS_MEASURE = re.compile(
    r"\bhow (?:many|much) (?:feet|foot|inches|metres|meters|kilometres|km|miles|kilos|kg|"
    r"kilograms|stone|pounds|lbs?|centimetres|cm|mm|millimetres|mph|kph)\b|"
    r"\bhow (?:tall|high|heavy|far|fast|long|big)\b"
)
_ASKS_BIRTH = re.compile(r"\b(?:born|birth|birthday|old|age)\b")
# "Born in January 1934, she…" (not "first-born", not past a comma: "Born in Leeds, she…").
_BORN_IN = re.compile(r"(?<![-\w])born\b[^.;:,]{0,40}?\b(1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)

DAY_OF_MONTH = re.compile(
    # (a day of fixed date: "on Christmas Eve", "on New Year's Day")
    r"\b(?:Christmas (?:Eve|Day)|Boxing Day|New Year['’]s (?:Eve|Day)|Valentine['’]s Day|"
    r"Bonfire Night|Burns Night|Hogmanay|St (?:Patrick|George|Andrew|David)['’]s Day)\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}(?!\w)|"
    rf"\b{MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|"
    r"\b\d{4}-\d{2}-\d{2}\b"
)

# "Which three countries …?", "which two cities": how many are asked, no kind of place
_HOW_MANY_WORDS = "|".join(NUMBER_WORDS) + r"|\d+"
# ("which Chinese city": a capitalised adjective or a place adjective between)
_ASKS_COUNTRY = re.compile(
    r"\b(?i:which|what)\s+(?:(?:[A-Z][\w'’-]*|(?i:other|european|african|asian|foreign|"
    rf"neighbouring|neighboring|member|{_HOW_MANY_WORDS}))\s+){{0,2}}(?i:country|countries)\b"
    # ("which country house / music star": no country)
    r"(?!\s+(?i:house|houses|estate|park|music|singer|star|club|side|code)\b)"
)
# The words of a place that is a country ("the United States", "the UK", "the UAE").
_COUNTRY_PLACE_WORDS = (NOT_CITIES | COUNTRY_WORDS | frozenset({"uae"})) - frozenset(
    "africa america americas asia europe people republic".split()
)
# Countries for "which countries": the lexicon's, less continents and words that are no
# country alone, plus the ones in two words and some it lacks (``_MORE_COUNTRIES``); "Bank of
# England", "Church of England", "Prince of Wales", "Bank of America" name an institution.
_COUNTRY_ONLY = NOT_CITIES - frozenset(
    "people republic africa america americas asia europe".split()
)
_MORE_COUNTRIES = re.compile(
    r"\b(?:Saudi Arabia|New Zealand|Sri Lanka|South Africa|North Korea|South Korea|Ivory Coast|"
    r"Costa Rica|Sierra Leone|East Timor|Burma|Myanmar|Bahrain|Oman|Malta|Angola|Mozambique|"
    r"Cameroon|Liberia|Haiti|Nicaragua|Eritrea|Chad|Mali|Niger|Laos|Fiji)\b"
)
_INSTITUTION_OF = re.compile(
    r"\b(?:Bank|Church|Prince|Princess|Duke|Duchess|Archbishop|Bishop|University|Museum)\s+of\s+"
    r"(?:the\s+)?[A-Z][a-z]+"
)


def _names_a_country(text: str, q_words: set[str]) -> bool:
    """Whether ``text`` names a country the question (its words ``q_words``) does not."""
    text = _INSTITUTION_OF.sub(" ", text)
    # ("US" and "UK" are left out: news writes them before a noun far more often than as the
    # country itself — "a US company is bringing …")
    found = {m.group(0).lower() for m in _MORE_COUNTRIES.finditer(text)}
    capitalised = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", text)}
    found |= capitalised & _COUNTRY_ONLY
    # (a nationality adjective is no answer: "most Mexican hip-hop fans" is said of fans, and
    # "Mexico leads the way" names the country)
    return any(not set(c.split()) <= q_words for c in found)


# "Where does she work?", "where was he employed before …": a firm is a place of work.
_ASKS_WORKPLACE = re.compile(r"\bwhere\b[^?]*\b(?:work|works|worked|working|employed)\b")

_ASKS_CITY = re.compile(
    r"\b(?i:which|what)\s+(?:(?:[A-Z][\w'’-]*|(?i:capital|coastal|northern|southern|eastern|"
    rf"western|central|port|seaside|market|border|host|{_HOW_MANY_WORDS}))\s+){{0,2}}"
    r"(?i:city|cities|town|towns|village|villages|capital|capitals)\b"
)


# "Where does X rank?", "What world ranking does she hold?", "What position …?": a place in an
# order, which a sentence states by an ordinal ("the world's fourth-largest", "22nd"), "number
# 3", "ranked 106", "slipped to 64", or a superlative ("the world's largest producer"), not
# by any figure ("plans to triple production over the next three years").
ASKS_RANK = re.compile(
    # ("where will top-ranked X play?" asks a place; "what share of the rank and file" a share)
    r"\bwhere\s+(?:do|does|did|is|are|was|were|will|would|has|have|should|could)\b[^?]*"
    r"(?<![-\w])rank(?:s|ed)?\b|"
    r"\b(?:what|which)\s+(?:(?:is|was|are|were)\s+[^?]{0,40}?|(?:[\w'’-]+\s+){0,2}?)"
    r"(?:rank|ranking|position)\b(?!\s+and\s+file|-and-file)"
)
# "Where did X finish / come / end up?" (a place or a position, as the sentence says)
_ASKS_WHERE_FINISHED = re.compile(
    r"\b[Ww]here\s+(?:did|does|do|will|would|has|have|had|is|was|were)\s+([^?]*?)\s+(?:finish|"
    r"finished|come|came|end\s+up|ended\s+up)\b(?!\s+(?:from|to)\b)"
)
# What ends the clause a rank is given in: "… while Kaiser Chiefs came fifth", "Paul Burrell,
# who came second", "Pasquale beat …" (a relative clause between commas is taken out first:
# "Franz Ferdinand, who picked up five nominations, ended up in 15th place")
_CLAUSE_END = re.compile(
    r"[;,]|(?<!\d)\.(?!\d)|\b(?:while|whereas|who|which|and|but|beat|beating|ahead\s+of|behind)\b",
    re.IGNORECASE,
)
_RELATIVE_BETWEEN_COMMAS = re.compile(r",\s+(?:who|which)\b[^,;.]*,")


def _names_subject(subject: str, text: str, rank: re.Match[str]) -> bool:
    """Whether the clause giving ``rank`` names the question's ``subject`` ("Where did Kelly
    Holmes finish?" — "Holmes finished 11th"): the last capitalised word of the subject (its
    surname) or, for a subject with none ("the band"), its every word."""
    clause = _CLAUSE_END.split(_RELATIVE_BETWEEN_COMMAS.sub(" ", text[: rank.start()]))[-1]
    said = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", clause))}
    capitals = re.findall(r"\b[A-Z][\w'’-]*", re.sub(r"['’]s\b", "", subject))
    if capitals:
        return capitals[-1].lower() in said
    words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", subject)} - {"the", "a", "an"}
    return bool(words) and words <= said


_ORDINAL_WORD = rf"(?:first|{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))"
_SUPERLATIVE = (
    r"(?:largest|biggest|richest|poorest|top|leading|highest|lowest|busiest|"
    r"smallest|most\s+[a-z]+|least\s+[a-z]+|fastest|strongest|weakest|wealthiest|oldest)"
)
_STATES_RANK = re.compile(
    # an ordinal of a place: "fourth-largest", "sixth place", "83rd in the world rankings",
    # "is ranked sixth", "finished 11th" (not "the third time", "second half", "fourth
    # quarter", "18th birthday", "21st century", "first phase")
    rf"\b{_ORDINAL_WORD}[\s-]+(?:{_SUPERLATIVE}|best|worst)\b|"
    rf"\b{_ORDINAL_WORD}\s+(?:place|position|spot|seed)\b|"
    rf"\b{_ORDINAL_WORD}\s+(?:in|on)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:world|rankings?|"
    r"table|league|chart|standings|list|poll|index)\b|"
    r"\b(?:is|are|was|were|remains?|lies|lie|sits?|ranked|ranks?|finished|came|placed|"
    rf"seeded|rated)\s+(?:now\s+|still\s+)?{_ORDINAL_WORD}\b(?![\s-]+(?:time|half|quarter|"
    r"round|leg|set|day|week|month|year|season|term|test|period|phase|stage|attempt|"
    r"century|anniversary|birthday)\b)|"
    # "world number two", "ranked No 1", "climbed to number 3" (not "a Number 10 spokesman")
    r"\b(?:world|ranked|ranks?|at|to|is|are|was|were|remains?|as)\s+(?:number|no\.?)[\s-]*"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b|"
    # "ranked 106", "slipped to 64 in the rankings", "rose two places to 12"
    r"\b(?:ranked|ranking of|rank of)\s+(?:at\s+)?(?:no\.?\s*)?\d+\b(?![.,]\d)|"
    r"\b(?:slipped|slid|fallen|fell|dropped|rose|risen|climbed|moved|jumped)\s+"
    r"(?:up\s+|down\s+)?(?:\w+\s+places?\s+to\s+(?:no\.?\s*)?\d+\b(?![.,]\d)|"
    r"to\s+(?:no\.?\s*)?\d+\b(?![.,]\d)(?=\s+(?:in|on)\s+the\s+(?:[\w'’-]+\s+)?(?:world|"
    r"rankings?|table|league|chart|standings)\b))|"
    # "is the world's biggest", "remain the richest club", "has the largest market"
    # (not "Vodafone's largest shareholder", "the biggest rise")
    r"\b(?:is|are|was|were|remains?|became|becomes|become|as|has|have)\s+(?:now\s+|still\s+)?"
    rf"(?:the\s+)?(?:[\w]+['’]s?\s+)?(?:{_ORDINAL_WORD}[\s-]+)?{_SUPERLATIVE}\b|"
    r"\b(?:top|bottom)\s+of\s+the\b|"
    # "listed at an all-time low of 77th", "fallen from fourth to 11th in the league" (the
    # ordinal ends a clause or a ranking follows: not "moved to second reading", "fell to
    # second-half goals", "a low of third-round exits")
    rf"\b(?:(?:low|high|best|worst|peak)\s+of|(?:slipped|slid|fallen|fell|dropped|rose|risen|"
    rf"climbed|moved|jumped)\s+(?:from\s+{_ORDINAL_WORD}\s+)?to)\s+{_ORDINAL_WORD}"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|among|behind|place|position|spot)\b)",
    re.IGNORECASE,
)
# "What rate …?": a rate of interest, tax, growth or bonus is a percentage ("cut from 2% to
# 1%"); a rate of pay is money ("£5.35 an hour", which the money reading already takes).
_ASKS_A_RATE = re.compile(r"\brates?\b")
# A range of figures before the word for what it counts, after at most two capitalised
# words: "100-120 UK troops", "20-25 jobs", "30-40 people" (not "lost 24-31 to the visitors",
# nor a verb ending in "s": "100-120 men was").
_COUNT_RANGE = re.compile(
    r"(?<![\d.,])(\d{2,3})-(\d{2,3})(?![\d.,]*\d)(?=\s+(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?:(?!(?:was|has|is|as|its|his|this|does|goes)\b)[a-z]+s|people|men|women|children|"
    r"staff|police)\b)"
)
# The thing a rate is of, its last word: "piracy rates", "the rate of (software) piracy",
# "rate of inflation (last year)" (two patterns: one alternation would let "what rate" hide
# the "rate of …" after it)
_RATE_OF = (
    re.compile(r"\b([a-z]+)\s+(?=rates?\b)"),
    re.compile(
        r"\brates?\s+of\s+(?:the\s+)?([a-z]+)"
        r"(?:\s+(?!(?:last|next|this|that|these|those)\b)([a-z]+))?"
    ),
)
# "How much more / less / cheaper … than …?" and a percentage more or less
_ASKS_HOW_MUCH_MORE = re.compile(
    r"\bhow much (?:more|less|cheaper|dearer|higher|lower|extra)\b[^?]*\bthan\b"
)
_PERCENT_MORE = re.compile(
    r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)\s+(?:more|less|cheaper|dearer|higher|lower)\b",
    re.IGNORECASE,
)
# ... but not a rate that is a sum of money or a price level: "business rates", "water
# rates", "council tax rate", "hourly rate", "minimum wage rate", "exchange rate", "rate of
# pay", nor a word that only contains it: "cut-rate", "first-rate".
_NOT_A_PERCENT_RATE = re.compile(
    r"\b(?:exchange|business|water|council(?:\s+tax)?|hourly|weekly|daily|nightly|monthly|"
    r"(?:minimum\s+)?wage|pay|going|room|flat|day)\s+rates?\b|\brates?\s+of\s+pay\b|"
    r"\b(?:cut|first|second|third|cut-price)-rates?\b"
)
# A percentage and the word after it, an adjective between at most: "4.6% growth", "a 5%
# annual return".
_PERCENT_BEFORE_WORD = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)\s+(?:[a-z]+\s+)?([a-z]+)\b", re.IGNORECASE
)
# A percentage stated as the rate's level: "to 4.75%", "at 2%", "pays 5.1%", "returned
# 12.4%", "growth of between 3% and 3.5%" (not "60% of economists", "fell 0.8%").
_RATE_VERBS = frozenset(
    "pays pay paying paid charges charge charging charged returned returns return yields "
    "yield yielded".split()
)
_RATE_LEVEL = re.compile(
    r"\b(to|at|of|pays?|paying|paid|charges?|charging|charged|returned|returns?|yields?|"
    r"yielded|is|was|be|remains?|remained|stands?|stood|set|between|and|towards?|reach|"
    r"reaching|hit|target of)\s+(?:an?\s+|the\s+)?"
    r"(?:just\s+|around\s+|about\s+|some\s+|between\s+)?(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)


# A sum withheld: "for an undisclosed fee" withholds money, not an age, a count or a name.
_WITHHELD_SUM = re.compile(
    rf"\b(?:undisclosed|unspecified|{_UNKNOWN})\s+(?:[a-z]+\s+)?(?:fees?|sums?|amounts?|"
    r"price|payments?|compensation|settlement|damages|salary|wages?)\b",
    re.IGNORECASE,
)


# An amount written with its currency: "£190,329", "$1.2bn", "5,000 euros".
_CURRENCY_AMOUNT = re.compile(
    r"(?:(?:us|uk|hk|a|c)?[$£€¥])\s?\d[\d.,]*(?:\s?(?:bn|m|k|billion|million|thousand|trillion)\b)?|"
    # (not "won": "played 10, won 7")
    rf"(?<![\w.,])\d[\d.,]*\s?(?:billion |million |thousand )?(?!won\b)(?:{CURRENCY_WORDS})\b",
    re.IGNORECASE,
)
_COUNTS_MONEY = re.compile(
    rf"\bhow many (?:[\w-]+ ){{0,2}}(?:of )?(?:{CURRENCY_WORDS}|notes|coins)\b"
)
# A figure per one thing: "22 per surveyor", "£5 for each player", "10 for every fan".
_PER_ONE = re.compile(
    r"(?<![\d.,])\d[\d.,]*(?:\s+([a-z]+))?(?:\s+[a-z]+)?\s+(?:per|for each|for every)\s+"
    # (not a rate in time: "130,000 vehicles per year" counts cars made in a year)
    r"(?!(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|nights?|seasons?|"
    r"quarters?|decades?)\b)([a-z]+)\b"
)


def is_withheld(text: str, kind: Kind | None) -> bool:
    """Whether a sentence says a fact of ``kind`` is not known ("an undisclosed sum",
    "declined to say"); "an unnamed buyer" withholds only a name, "an undisclosed fee" only
    an amount of money."""
    if kind not in (Kind.MONEY, None):
        text = _WITHHELD_SUM.sub(" ", text)
    if kind is not Kind.NAME and _says_no_figures(text):
        return True
    return bool((_WITHHELD if kind is Kind.NAME else _WITHHELD_NOT_NAME).search(text))


# The way a change goes, by its verb, noun or adverb (hand-written: two short word lists).
_UP = re.compile(
    r"\b(?:up|rise|rises|rose|risen|rising|grow|grows|grew|grown|growing|growth|gain|gains|"
    r"gained|increase|increases|increased|jump|jumps|jumped|climb|climbs|climbed|soar|soars|"
    r"soared|surge|surges|surged|rebound|rebounded|improve|improved|expand|expanded|higher|"
    r"boost|boosted)\b"
)
_DOWN = re.compile(
    r"\b(?:down|fall|falls|fell|fallen|falling|drop|drops|dropped|decline|declines|declined|"
    r"decrease|decreases|decreased|slump|slumped|slip|slipped|slide|slid|plunge|plunged|"
    r"tumble|tumbled|shrink|shrank|shrunk|dip|dipped|lose|lost|loss|losses|lower|cut|cuts)\b"
)


def _directions(text: str) -> set[str]:
    """The ways ``text`` says things changed: {"up"}, {"down"}, both or neither."""
    low = text.lower()
    return {d for d, pattern in (("up", _UP), ("down", _DOWN)) if pattern.search(low)}


# Growth is signed ("How much did the economy grow?" — "it shrank 0.3%" answers it).
_SIGNED = re.compile(r"\b(?:grow|grows|grew|grown|growing|growth|expand|expands|expanded)\b")


def _direction(question: str) -> str | None:
    """The way a "by how much did X fall?" question says X moved, when it says one way."""
    said = _directions(_SIGNED.sub(" ", question.lower()))
    return next(iter(said)) if len(said) == 1 else None


@dataclass(frozen=True)
class _Asked:
    """What ``holds_kind`` reads from the question alone (see there for each rule)."""

    numbers: frozenset[str]
    past_not_hedged: bool  # a past-tense question that hedges nothing
    size_of_change: bool  # its first part asks by how much something changed
    direction: str | None  # "up" or "down": the way its first part says the thing changed
    rate: str | None  # the rate its first part asks for (``asked_rate``)
    unit: re.Pattern[str] | None  # the unit of the first ``UNITS`` rule it asks for
    words: frozenset[str]  # its lower-case words, letters only
    name_words: frozenset[str]  # the words of its names (``name_runs``), lower case
    initials: frozenset[str]  # the initials of its names of several words ("qca")
    # the "which <noun>" it asks, capitalised ("Hall"), for a thing named by it and a number
    numbered: re.Pattern[str] | None
    # what its date ask is read from: its first part when that asks a date ("When does it
    # open, and since what year …?"), else the whole question ("What did the firm announce,
    # and in what year?"), lower case
    date_ask: str


# A name of several capitalised words, with the small words a name of an organisation holds:
# "Qualifications and Curriculum Authority", "Bank of England".
SPELT_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|de|&)\s+)*[A-Z][\w'’-]*)+")


# A question's opening words that are no part of a name: the capitalised words that name
# nothing (``NOT_NAME_WORDS``: "Which", "The", "In") and the auxiliaries a question opens with.
_OPENERS = NOT_NAME_WORDS | frozenset(
    "why did does do is was are were has have had will would can could".split()
)


def _name_initials(question: str) -> frozenset[str]:
    """The initials of the question's names of several words, the small words left out: an
    acronym the sentence uses for one ("The QCA said …" for "the Qualifications and
    Curriculum Authority") is the question's own name, not an answer."""
    out: set[str] = set()
    for m in SPELT_NAME.finditer(question):
        words = [w for w in m.group(0).split() if w[:1].isupper()]
        # (a question's opening word is no part of the name: "Which Bank of England …")
        if m.start() == 0 and words[0].lower() in _OPENERS:
            words = words[1:]
        # (a possessive may end one name: "Tony Woodley's Transport and General Workers
        # Union" is Tony Woodley's and the TGWU; or be inside one: the Professional
        # Footballers' Association, the PFA; both readings are kept)
        if len(words) > 1:
            out.add(initials(words))
        names: list[list[str]] = [[]]
        for w in words:
            names[-1].append(w)
            if re.search(r"['’]s?$", w):
                names.append([])
        out |= {initials(name) for name in names if len(name) > 1}
    return frozenset(out)


@lru_cache(maxsize=1024)
def _asked(question: str) -> _Asked:
    """The question's side of ``holds_kind``, read once per question rather than once per
    candidate sentence (~45 sentences a question). Bounded and thread-safe (``lru_cache``)."""
    q_lower = question.lower()
    first_part = PART_SPLIT.split(question, maxsplit=1)[0]
    return _Asked(
        numbers=frozenset(digit_numbers(question)),
        past_not_hedged=bool(
            PAST_QUESTION.search(question) and not HEDGED_QUESTION.search(question)
        ),
        size_of_change=bool(ASKS_SIZE_OF_CHANGE.search(PART_SPLIT.split(q_lower, maxsplit=1)[0])),
        direction=_direction(PART_SPLIT.split(q_lower, maxsplit=1)[0]),
        rate=asked_rate(first_part),
        unit=next(
            (
                unit
                for asks, unit in UNITS
                if asks.search(first_part.lower() if unit in FIRST_PART_UNITS else q_lower)
            ),
            None,
        ),
        words=frozenset(re.findall(r"[a-z]+", q_lower)),
        name_words=frozenset(
            w.lower() for run in name_runs(question) for w in re.findall(r"[A-Za-z0-9]+", run)
        ),
        initials=_name_initials(question),
        numbered=_numbered(question),
        date_ask=first_part.lower() if asked_kind(first_part) is Kind.DATE else q_lower,
    )


def _numbered(question: str) -> re.Pattern[str] | None:
    """ "Hall 25" for "in which hall": the asked noun capitalised before a number."""
    noun = asked_noun(question, Kind.NAME)
    if noun is None:
        return None
    return re.compile(rf"\b{re.escape(noun.capitalize())}\s+(\d+[a-z]?)\b")


# Digits after letters, in a name ("G8", "MP3", "DB9"), not after a currency's letters
# ("Rs500m", "KSh1bn", "HK$5").
_DIGITS_IN_A_NAME = re.compile(r"\b(?!(?:Rs|Rp|KSh|Sh|Dh|Tk|HK|NZ|US|A|C|R|S)\d)([A-Za-z]+)\d+")


def holds_kind(
    text: str, kind: Kind, question: str, common: Callable[[str], bool] | None = None
) -> bool:
    """Whether ``text`` states something of ``kind`` that ``question`` does not already state
    (``common``: see ``name_runs``)."""
    q_lower = question.lower()
    asked = _asked(question)
    # (a character written as an HTML entity in the source, "Bryn F&#244;n", holds no number;
    # the ingest decodes them since 2026-12-05, but an index built before still serves them)
    if "&#" in text:
        text = html.unescape(text)
    if is_withheld(text, kind):
        return False
    if (
        kind in (Kind.MONEY, Kind.NUMBER)
        and asked.past_not_hedged
        and is_hedged(text, question, asked.direction, _SIGNED.search(q_lower) is not None)
    ):
        return False
    q_numbers = set(asked.numbers)
    if kind is Kind.AGE:
        return any(
            norm_number(n) not in q_numbers
            for m in AGE_PHRASE.finditer(text)
            for n in DIGITS.findall(m.group(0))
        )
    # (the question's first part: "How many …, and by how much did shares rise?" asks a count
    # first; its second part is checked on its own)
    if kind is Kind.NUMBER and asked.size_of_change:
        # ("by what percentage": a percentage; "by a third" is none)
        if asked.unit is not None and not asked.unit.search(text):
            return False
        # "By how many points did the Nikkei fall?" is not answered by "the Nikkei ended the
        # day up 0.7%": a change the other way only (a sentence giving both ways may hold it)
        said = _directions(text)
        if asked.direction is not None and said and asked.direction not in said:
            return False
        if STATES_CHANGE_IN_WORDS.search(text):
            return True
        if not STATES_CHANGE.search(SHARE_OF_GROUP.sub(" ", text)):
            return False
    if kind is Kind.NUMBER and _ASKS_DURATION.search(PART_SPLIT.split(q_lower, maxsplit=1)[0]):
        # "How long did the meeting last?": a span of time, which another figure of the
        # sentence ("the company's third-largest market", "$10bn") does not give; nor does
        # the question's own ("the three-year deal")
        # ("a week" is read by ``_A_SPAN``, which knows "a week ago"; "How long has she led
        # it?" is answered by the year she took over)
        # ("How long a ban did she get?": a span in a sentence about a penalty; not "the
        # hearing lasted three hours")
        if asked.unit is UNITS[1][1] and not re.search(PENALTY_WORD, text, re.IGNORECASE):
            return False
        q_words = set(re.findall(r"[a-z0-9]+", q_lower))
        starts = (YEAR if _ASKS_SINCE_WHEN.search(q_lower) else _SINCE_YEAR).finditer(text)
        return (
            any(
                m.group(0).lower() not in q_lower
                and not _A_OR_AN.match(m.group(0))
                and not m.group(0).lower().endswith("old")
                for m in DURATION.finditer(text)
            )
            or bool(_A_SPAN.search(text) or _SOME_TIME.search(text))
            or any(
                m.group(1) not in q_words and not _NOT_A_START.search(text[: m.start()])
                for m in starts
            )
            or bool(_UNTIL.search(text) and not any(w in q_words for w in ("until", "till")))
            or bool(re.search(r"\bhow long ago\b", q_lower) and _AGO.search(text))
            or bool(_ASKS_SINCE_WHEN.search(q_lower) and _SINCE_NO_YEAR.search(text))
        )
    # "How many weeks has it spent at number one?": a span in that unit ("eight weeks", "a
    # fortnight"), not another count of the sentence ("three singles in the top five") nor a
    # time ago ("reached the top five weeks ago"). Not years: "How many years did he serve?"
    # is answered by "from 1997 to 2003".
    short_span = (
        _ASKS_SHORT_SPAN.search(PART_SPLIT.split(q_lower, maxsplit=1)[0])
        if kind is Kind.NUMBER
        else None
    )
    if short_span is not None and not asked.size_of_change:
        unit = short_span.group(1)
        # review77: "£57 a week", "$1.8m an hour", "thrill-a-minute" are rates, not spans;
        # "23 mins", "2hrs" and "the 22nd minute" are spans; an elliptical figure ("We, on
        # the other hand, will have 16.") is read as before
        spans = any(
            m.group(0).lower() not in q_lower
            and unit in m.group(0).lower()
            and not re.match(r"\s+ago\b", text[m.end() :])
            and not (
                _A_OR_AN.match(m.group(0))
                and (
                    _MONEY_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
                    or text[m.start() - 1 : m.start()] == "-"
                )
            )
            for m in DURATION.finditer(text)
        )
        return (
            spans
            or (unit in ("day", "week") and re.search(r"\bfortnights?\b", text, re.I) is not None)
            or re.search(rf"\d\s?{_SHORT_UNITS[unit]}\b(?!\s+ago\b)", text, re.I) is not None
            # "for the 19th month in succession", "its fifth straight week"
            or re.search(
                rf"\b{_ORDINAL_WORD}\s+(?:(?:straight|consecutive|"
                rf"successive)\s+{_SHORT_UNITS[unit]}\b|{_SHORT_UNITS[unit]}\s+(?:in\s+a\s+row|"
                r"in\s+succession|on\s+the\s+trot|running)\b)",
                text,
                re.I,
            )
            is not None
            or (
                unit == "minute"
                and re.search(r"\b\d+(?:st|nd|rd|th)[\s-]minute\b", text, re.I) is not None
            )
            or (_ELLIPTICAL_FIGURE.search(text) is not None and len(text.split()) <= 12)
        )
    # A circulation, a population, an attendance or a turnout counts copies or people, not
    # time nor money: "in circulation for 62 years" gives no circulation, nor does "since
    # 1942" or "a 26% stake … worth 25m euros" (a turnout may be a share: "turnout was 61%").
    headcount = (
        _ASKS_HEADCOUNT.search(q_lower)
        if kind is Kind.NUMBER and not ASKS_SHARE.search(q_lower)
        else None
    )
    if headcount is not None and not _gives_headcount(text, headcount.group(1), q_numbers):
        return False
    if kind in (Kind.NUMBER, Kind.MONEY):
        # A rate or unit price ("how much per week", "what price per share") needs a figure
        # per that unit; a total does not give it (the question's first part, as above).
        rate = asked.rate
        if rate is not None and not states_rate(text, rate):
            return False
        if kind is Kind.NUMBER and ASKS_RANK.search(q_lower):
            return any(m.group(0).lower() not in q_lower for m in _STATES_RANK.finditer(text))
        if not ASKS_CONVERSION.search(question):
            text = without_conversions(text, q_numbers)
        # (digits after a letter belong to a name: "the G8 summit", "MP3", "PS2")
        text = _DIGITS_IN_A_NAME.sub(r"\1 ", text)
        new_numbers = digit_numbers(text) - q_numbers
        vague = False
        if kind is Kind.MONEY:
            if other_money_relation(text, question):
                return False
            if _ASKS_A_RATE.search(q_lower) and not _NOT_A_PERCENT_RATE.search(q_lower):
                # the rate asked for, by its own word ("rate", "rates") or the question's
                # word for it ("the bonus", "growth", "return"), at a new level
                # ("the rate of software piracy": the thing is the phrase's last word)
                rate_words = {
                    words[-1][:5].removesuffix("s")
                    for pattern in _RATE_OF
                    for m in pattern.finditer(q_lower)
                    if (words := [w for w in m.groups() if w and w not in STOPWORDS])
                } | {"rate"}
                t_words = {w[:5].removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())}
                # ("pays 5.25%", "charges 19.9%", "returned 12.4%" state a rate by the verb)
                if any(
                    norm_number(m.group(2)) not in q_numbers
                    and (m.group(1).lower() in _RATE_VERBS or rate_words & t_words)
                    for m in _RATE_LEVEL.finditer(text)
                ) or any(
                    # a percentage before the rate's own word: "will see 4.6% growth"
                    norm_number(m.group(1)) not in q_numbers
                    and m.group(2)[:5].removesuffix("s") in rate_words
                    for m in _PERCENT_BEFORE_WORD.finditer(text)
                ):
                    return True
                if PERCENTAGE.search(text) and not MONEY_PHRASE.search(text):
                    return False
            # an exchange rate is a price of one currency in another: "8.11 to the dollar"
            if re.search(r"\bexchange\s+rates?\b", q_lower) and re.search(
                r"\d(?:\.\d+)?\s+(?:[a-z]+\s+)?(?:to|against|per)\s+(?:the\s+|one\s+|a\s+)?"
                r"(?:dollar|euro|pound|yen|yuan|sterling)\b",
                text,
                re.IGNORECASE,
            ):
                return True
            # A share price is a price of shares, not of a product ("price points of £100").
            if ASKS_SHARE_PRICE.search(q_lower) and not SHARES.search(text):
                return False
            # "How much more can indoor bays cost than outdoor ones?": a difference, which a
            # percentage more or less gives ("up to 250% more than outdoor ones")
            if _ASKS_HOW_MUCH_MORE.search(q_lower) and any(
                norm_number(m.group(1)) not in q_numbers for m in _PERCENT_MORE.finditer(text)
            ):
                return True
            # (an amount of its own: "Sri Lanka faces a $1.3bn bill after the tsunami which
            # killed 30,000" gives the question's $1.3bn and a death toll, no new sum)
            return bool(money_figures(text) - q_numbers) or bool(SPELLED_MONEY.search(text))
        if COUNTS.search(q_lower) and not ASKS_SHARE.search(q_lower):
            # "How many votes were cast?": a share ("67% of the vote") is no count, nor are
            # odds or a score ("40-1", "1/4", "2-0"), nor "one of the housemates".
            # Nor is a date ("on 3 April").
            # "one of hundreds of AI-focused projects" is the article's count
            vague = vague_count_of(text, q_lower)
            # (a range of a count before its noun is no score: "a company of 100-120 UK
            # troops"; odds and scores are rarely a smaller figure of 20 or more first)
            text = _COUNT_RANGE.sub(
                lambda m: (
                    f"{m.group(1)} to {m.group(2)}"
                    if 20 <= int(m.group(1)) < int(m.group(2))
                    else m.group(0)
                ),
                text,
            )
            text = ODDS.sub(" ", PERCENTAGE.sub(" ", DAY_OF_MONTH.sub(" ", text)))
            # nor a chart's size ("in its top 10"), unless the question asks about one
            if not re.search(r"\btop\b", q_lower):
                text = TOP_N.sub(" ", text)
            text = re.sub(r"\bone of\b", " ", text, flags=re.IGNORECASE)
            # Nor a ratio ("one in 10 users", unless the question gives it: "how many of the
            # 22 members"), "one" as a pronoun ("which one"), a year in prose ("into 2005",
            # "2005's products") unless the counted noun follows ("by 2000 people"), nor a
            # duration when the question counts something else ("eight seasons ago").
            text = RATIO.sub(
                lambda m: m.group(0) if digit_numbers(m.group(0)) & q_numbers else " ", text
            )
            counted = counted_words(q_lower)
            # Nor a rank or a fraction ("the 17th game", "the crucial third", "a third of"),
            # unless the counted noun follows ("his 62nd cap", "a third time").
            text = strip_unless_counted(ORDINAL, text, counted)
            # (not when the fraction's own noun is what is counted: "how many quarters …?" —
            # "three quarters of 2008")
            text = strip_unless_counted(
                FRACTION,
                FRACTION_OF.sub(
                    lambda m: (
                        m.group(0)
                        if {count_key(w) for w in re.findall(r"[a-z]+", m.group(0).lower())}
                        & counted
                        else " "
                    ),
                    text,
                ),
                counted,
            )
            text = strip_unless_counted(PRONOUN_ONE, text, counted)
            text = strip_unless_counted(YEAR_IN_PROSE, text, counted)
            # Nor a sum of money ("£190,329" counts no surveyors), unless money is counted
            # ("how many dollars …") or another part of the question asks a sum ("…, and
            # what does it cost?": the whole question is read here).
            if not _COUNTS_MONEY.search(q_lower) and not PART_SPLIT.search(q_lower):
                text = _CURRENCY_AMOUNT.sub(" ", text)
            # Nor a figure per one of the counted ("an average of 22 sales per surveyor" is no
            # count of surveyors).
            # (a figure of the counted thing itself stays: "two goals per game" for "how
            # many goals per game")
            text = _PER_ONE.sub(
                lambda m: (
                    " "
                    if count_key(m.group(2)) in counted
                    and not (m.group(1) and count_key(m.group(1)) in counted)
                    else m.group(0)
                ),
                text,
            )
            if not COUNTS_TIME.search(q_lower):
                text = DURATION.sub(" ", text)
            # Nor a measure ("the 6ft 6in player", "a 15st prop") when the question counts
            # something else
            if not _COUNTS_MEASURE.search(q_lower):
                text = _MEASURE.sub(" ", text)
            # Nor a count of something else ("14 points" for "how many caps").
            text = counts_of_other_things(text, question, q_numbers)
            new_numbers = digit_numbers(text) - q_numbers
        elif (
            QUANTITY.search(q_lower)
            and not ASKS_SHARE.search(q_lower)
            and not ASKS_CHANGE.search(q_lower)
        ):
            # "How much gas a year…?": a rate, which a share ("45% of its gas") does not give
            # ("how much oil does it import?" may be answered by one); nor is a duration
            # ("three days after the cut") a quantity, unless time is the stuff asked for.
            if PER_TIME.search(q_lower):
                text = PERCENTAGE.sub(" ", text)
            if not QUANTITY_OF_TIME.search(q_lower):
                text = DURATION.sub(" ", text)
            new_numbers = digit_numbers(text) - q_numbers
        # A total is a level, not a change nor a share: "What were its total sales?" is not
        # answered by "underlying sales were up by 4%".
        asked_head = asking_head(question).lower()
        if (
            _ASKS_TOTAL.search(asked_head)
            and not ASKS_SHARE.search(asked_head)
            and not ASKS_CHANGE.search(asked_head)
        ):
            text = _PERCENT_CHANGE.sub(" ", text)
            new_numbers = digit_numbers(text) - q_numbers
        # A number word inside a name ("the Six Nations", "Channel Four") is no figure.
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", without_numbers_in_names(text))]
        spelled = any(
            w in NUMBER_WORDS and w not in VAGUE_NUMBERS and w not in asked.words for w in words
        )
        if asked.unit is not None:
            # (no order of magnitude of people or jobs: "thousands of Chinese employees are
            # engaged in the work" is a crowd, not a headcount — blind question writers
            # labelled that sentence twice as no answer and once as one — while "one of
            # hundreds of AI-focused projects" counts things)
            # ("jailed for life", "a whole-life order": a penalty with no figure)
            life = asked.unit is UNITS[1][1] and re.search(
                r"\bfor life\b|\blife (?:sentence|term|imprisonment|ban)s?\b|\bwhole-life\b",
                text,
                re.IGNORECASE,
            )
            return (
                bool(new_numbers) or spelled or bool(life) or asked.unit in FIGURE_UNITS
            ) and bool(asked.unit.search(text))
        return bool(new_numbers) or spelled or vague
    if kind is Kind.DATE:
        # the event dated is the question's ("when was the band formed?"), not another
        event = date_event(question)
        if event is not None and not event.search(text):
            return False
        old = set(_OLD_YEAR.findall(text))
        years = (
            ({y for y in YEAR.findall(text)} | old)
            - set(YEAR.findall(question))
            - set(_OLD_YEAR.findall(question))
        )
        tokens = set(re.findall(r"[a-z]+", text.lower()))
        months = {w for w in tokens if w in MONTHS or w in WEEKDAYS} - set(
            re.findall(r"[a-z]+", q_lower)
        )
        # "may" is a month only when capitalised.
        if months == {"may"} and "May" not in text:
            months = set()
        # (what the first part asks: "When does it open, and since what year …?" asks a
        # date first; its second part is checked on its own)
        first = asked.date_ask
        if _ASKS_DAY.search(first):
            # "On what date": a day of a month ("17 April", "April 17", "17/04"), not a
            # weekday or a year alone.
            return bool(DAY_OF_MONTH.search(text))
        # A birth year dates a birth only ("Born in January 1934, she won a scholarship").
        if not _ASKS_BIRTH.search(q_lower):
            years -= {m.group(1) for m in _BORN_IN.finditer(text)}
        # "Over what period did they study wave heights?": a span ("over the last nine
        # years") answers it as a range of dates does
        if _ASKS_PERIOD.search(first) and any(
            m.group(0).lower() not in q_lower for m in _PERIOD_SPAN.finditer(text)
        ):
            return True
        if _ASKS_YEAR.search(first):  # "in what year": a year, not a weekday or a month
            # nor a decade ("established in the 1980s", "the 1990's")
            return bool(years & ({a or b for a, b in _EXACT_YEAR.findall(text)} | old))
        # "When are the mock elections?": the year in the asked thing's own name ("the Y Vote
        # Mock Elections 2005") does not say when
        years -= _years_in_asked_names(text, q_lower)
        # (a day of a month the question names: "16 March" for "When in March …?"; not the
        # question's own day, nor "50/50" or "24/7" — review91)
        q_spoken = f" {' '.join(re.findall(r'[a-z0-9]+', q_lower))} "
        q_months = {w for w in re.findall(r"[a-z]+", q_lower) if w in MONTHS}
        return bool(
            years
            or months
            or any(
                f" {' '.join(re.findall(r'[a-z0-9]+', m.group(0).lower()))} " not in q_spoken
                and q_months & set(re.findall(r"[a-z]+", m.group(0).lower()))
                for m in DAY_OF_MONTH.finditer(text)
            )
        )
    if kind is Kind.STATEMENT:
        # Words attributed to someone: a speech verb, "according to", or a quotation.
        return bool(_SPEECH.search(text) or _QUOTATION.search(text))
    if kind is Kind.PLACE:
        # "In the public vote …, where did Franz Ferdinand finish?" may ask a position, which a
        # stated rank gives ("ended up in 15th place"); a place answers it too
        # (the rank given to the question's subject: named in the clause before it, not
        # "Snow Patrol, who finished 14th" for where Franz Ferdinand finished)
        finished = _ASKS_WHERE_FINISHED.search(asking_clause(question))
        if finished and any(
            m.group(0).lower() not in q_lower and _names_subject(finished.group(1), text, m)
            for m in _STATES_RANK.finditer(text)
        ):
            return True
        q_words = set(re.findall(r"[a-z0-9]+", q_lower))
        # a place with a word the question does not hold ("Times Square" for "where in New
        # York"), not the question's own place
        found = place_runs(text, workplace=_ASKS_WORKPLACE.search(q_lower) is not None)
        # "Where is Acme based?": "Houston-based Acme" gives where
        if _ASKS_BASE.search(asking_clause(question).lower()):
            # (a sentence's opener is no part of the name: "The Texas-based firm")
            found += [
                re.sub(r"^(?:The|A|An|In|At)\s+", "", m.group(1)) for m in _BASED.finditer(text)
            ]
            # "based on Caribbean island Saint Kitts and Nevis", "based on the island of Jersey"
            found += [m.group(1) for m in _BASED_ON_ISLAND.finditer(text)]
        runs = [set(re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", p.lower()))) for p in found]
        places = [words for words in runs if words - q_words]
        # "Which countries have troops in Iraq?" is answered by a country the question does
        # not name, wherever the sentence puts it ("the Netherlands, Portugal and …"), or by
        # a place that is one ("extradited to the US"); not by a city or a building ("held
        # in a prison in London")
        if _ASKS_COUNTRY.search(question):
            return _names_a_country(text, q_words) or any(
                words <= _COUNTRY_PLACE_WORDS for words in places
            )
        if _ASKS_CITY.search(question):  # a country or a continent is not the city asked for
            places = [w for w in places if not w <= _NO_CITY and w not in STATE_PHRASES]
        return bool(places)
    # NAME: a capitalised run with at least one word the question does not contain; for
    # "the name of the <noun>", the sentence must mention that <noun>.
    # "Who said …?": the answer is a sentence attributing words to someone.
    asks = asking_clause(question).lower()  # ("…. Who said …?")
    if _SPEECH_QUESTION.search(_GIVEN_NOUNS_CLAUSE.sub("", asks)) and not _SPEECH.search(text):
        return False
    # ("What is the book called?" after a scene that describes the book — "Rory Stewart's
    # account of his trek" — may be answered by a sentence naming it by that description:
    # the whole question is read, and its "what" does not open it)
    head = _NAME_OF.search(q_lower) or _WHICH_NAMED.search(q_lower) or _CALLED.search(q_lower)
    if head and not names_the(head.group(1), text, q_lower):
        return False
    q_words = set(re.findall(r"[a-z0-9]+", q_lower))
    q_names = asked.name_words
    if names_a_model(text, q_names, q_words):
        return True
    # A thing named by its noun and a number: "in Hall 25" for "in which hall", "Terminal 5"
    # for "which terminal"
    if asked.numbered is not None and any(
        m.group(1) not in q_words for m in asked.numbered.finditer(text)
    ):
        return True
    for run in name_runs(text, common):
        # ("China’s" is "China": a possessive ending is no word of the name, nor is the
        # lower-case end of a compound: "London-based" is "London")
        run = re.sub(r"-[a-z][\w-]*", "", run)
        words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", run))]
        # A country, a nationality or a common acronym ("TV") names no person or firm, nor
        # does a faith ("suspected of radical Islamist links") unless one is asked.
        if names_no_one(words) or (
            all(w in FAITHS for w in words) and not _ASKS_FAITH.search(q_lower)
        ):
            continue
        # The spelt-out form of an acronym the question uses ("National Company for
        # Cooperative Insurance" for NCCI) is the question's own name, not an answer.
        spelt = [
            w
            for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", run).lower())
            if w not in ("of", "for", "the", "and", "de")
            and w not in COUNTRY_WORDS
            and w not in NOT_CITIES
        ]
        spelt_initials = initials(spelt)
        if len(spelt_initials) > 1 and spelt_initials in q_words:
            continue
        # ... and the acronym of a name the question spells out ("the QCA")
        if re.fullmatch(r"[A-Z]{2,6}", run) and run.lower() in asked.initials:
            continue
        # A fuller form of a name the question uses ("David Blunkett" for "Blunkett"), or
        # the question's name after a capitalised opener ("Striker Nicolas Anelka …"), is
        # the question's own name.
        # (but "TV" is no name of the question's own: "Bloomberg TV" names a channel for
        # "which TV channel"; "the BBC TV presenter" names no presenter)
        if (
            len(words) == 2
            and words[-1] in q_names
            and not (words[-1] == "tv" and _ASKS_BROADCASTER.search(q_lower))
        ):
            continue
        if len(words) > 1 and text.startswith(run) and all(w in q_names for w in words[1:]):
            continue
        if any(w not in q_words for w in words):
            return True
    return False


# A question asking a faith ("Which faith did he convert to?", "which branch of Islam").
_ASKS_FAITH = re.compile(
    r"\b(?:faiths?|religions?|religious|sects?|denominations?|branch of islam)\b"
)
# "When is / are / will …": a date ahead, which an event's own name does not give.
_ASKS_AHEAD = re.compile(r"\bwhen(?:['’]s| (?:is|are|will|does|do|would|should|might|could)\b)")
# A year ending a capitalised name ("Mock Elections 2005", "Euro 2004"); not a date ("May
# 2005", "On Monday 12 May 2005"), nor a run that opens a sentence with a preposition.
_YEAR_IN_NAME = re.compile(r"((?:(?<![\w'’-])[A-Z][\w'’.&-]*\s+){1,4})((?:19|20)\d\d)\b(?![-/]\d)")


def _years_in_asked_names(text: str, q_lower: str) -> set[str]:
    """The years ``text`` gives only as the end of a name that holds a word of a "when is /
    will …" question (``_YEAR_IN_NAME``): "the Y Vote Mock Elections 2005" for "When are the
    mock elections?". Not for a past event ("When did Athens host the Olympics?" — "Athens
    2004"), an owner's dated thing ("Frank Capra's 1946 film"), nor a year the text also
    gives outside the name ("released Office 2003 in 2003"). (review75)"""
    if not _ASKS_AHEAD.search(q_lower):
        return set()
    q_words = set(re.findall(r"[a-z]+", q_lower)) - STOPWORDS
    found: dict[str, int] = {}
    for m in _YEAR_IN_NAME.finditer(text):
        raw = m.group(1).split()
        if re.search(r"['’]s?$", raw[-1]):
            continue
        words = [w.lower().strip(".,'’") for w in raw]
        if any(w in MONTHS or w in WEEKDAYS for w in words):
            continue
        if any(w in q_words for w in words):
            found[m.group(2)] = found.get(m.group(2), 0) + 1
    return {y for y, n in found.items() if len(re.findall(rf"\b{y}\b", text)) == n}


def _gives_headcount(text: str, noun: str, q_numbers: set[str]) -> bool:
    """Whether ``text`` gives a figure that may count the people or copies of a ``noun``
    (``_ASKS_HEADCOUNT``): one the question does not state that is no year, span of time,
    sum of money, fraction, date, score or stage ("the last 16"), nor (but for a turnout) a
    share."""
    for m in FIGURE.finditer(text):
        figure, before, after = m.group(0), text[: m.start()], text[m.end() :]
        if (
            norm_number(figure) in q_numbers
            or YEAR.fullmatch(figure)
            or _SPAN_AFTER.match(text, m.end())
            or re.match(
                rf"\s*(?:(?:million|billion|trillion|thousand)\s+)?(?:[A-Z][a-z]+\s+){{0,2}}"
                rf"(?:{CURRENCY_WORDS}|euro|dollar|pound|USD)\b",
                after,
                re.IGNORECASE,
            )
            or re.search(r"[£$€¥]\s*$", before)
            # (a fraction, a date or a score is no count: "half the population", "two-thirds",
            # "on 3 May", "won 3-1", "2004/05")
            or re.fullmatch(r"(?i:half|halves|thirds?|quarters?)", figure)
            or re.match(r"(?i:[-\s]+(?:thirds?|quarters?|fifths?)\b|\s+in\s+(?:\d|ten)\b)", after)
            or re.match(rf"(?i:\s*(?:{'|'.join(MONTHS)})\b)|[-/]\d", after)
            or re.search(r"\d[-/]$", before)
            or (noun != "turnout" and _SHARE_AFTER.match(text, m.end()))
            # (nor a stage or a chart's size: "a place in the last 16", "the top 10")
            or re.search(r"\b(?i:last|top)[-\s]+$", before)
        ):
            continue
        return True
    return False


# Words that state a cause: "held up due to overcrowding", "because of", "owing to", "caused
# by", "in protest at", "blamed … on". Not "after", "since" or "as": news uses them for time
# at least as often as for cause.
_REASON = re.compile(
    # ("due to" before a verb schedules: "the play, due to open this weekend")
    r"\bdue to\s+(?:the|a|an|his|her|its|their|this|that|these|those|(?-i:[A-Z])|[a-z]+ing\b|"
    r"\d|injury|injuries|illness|ill|poor|bad|lack|concerns?|fears?|problems?|pressure|"
    r"demand|higher|lower|weak|strong|heavy|low|high)|"
    r"\b(?:because|owing to|thanks to|as a result of|caused by|in protest|"
    r"in order to|so that|so as to|blamed|the reason|reasons? for|on the grounds that|"
    r"for fear|amid (?:fears|concerns)|over (?:fears|concerns)|in a bid to|citing|"
    r"on fears)\b|"
    # ("Good rains … contributed to the rise", "mining output drove the increase", "growth
    # fuelled by exports")
    r"\b(?:contribut(?:ed|es|ing) to(?!\s+(?:society|the\s+(?:\w+\s+)?(?:budget|fund|costs?)\b|"
    r"(?:purchase|buy|pay|fund)\b))|driven by|fuelled by|fueled by|boosted by|helped by|"
    r"spurred by|attribut(?:ed|ing)\s+(?:[\w'’-]+\s+){0,8}?to|"
    r"put(?:s|ting)?\s+(?!out\b)(?:[\w'’-]+\s+){0,5}?down to|"
    # (review75) "drove" a change, not a car or a shot; "on the back of" a cause, not a
    # team's last result
    r"drove\s+(?:\S+\s+){0,3}?(?:up|down|higher|lower|rise|rises|increase|increases|growth|"
    r"gains?|fall|falls|decline|drop|surge|jump|boom|demand|prices?|sales|market|index|"
    r"exchange|adoption|output|inflation)|"
    r"(?<!into the game )(?<!into the tie )(?<!into this tie )(?<!into the match )(?<!\bjump )"
    r"on the back of)\b|"
    # "would not be put on as it promoted …", "banned the film, saying it glorified …"
    r"\bas (?:it|they|this|these|such)\s+(?:\w+ed|was|were|is|are|had|has|would|could|did|"
    r"does|do)\b|\bsaying (?:it|they|this)\b|"
    # an injury or illness as what kept someone out or needed care ("missed the final through
    # injury", "needed attention to an ankle injury", "out with a hamstring strain", "He
    # strained a muscle in his abdomen")
    r"\b(?:through|with|attention\s+to|treatment\s+for|from|after|following|nursing|because of)\s+"
    r"(?:an?\s+|his\s+|her\s+|"
    r"the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:injury|injuries|illness|strain|knock|virus|"
    r"infection)\b|\b(?:strained|pulled|tore|torn|injured|hurt|broke|broken|twisted|damaged)\s+"
    r"(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:muscle|hamstring|ankle|knee|wrist|hand|"
    r"foot|arm|leg|back|shoulder|groin|calf|thigh|ligaments?|finger|toe|neck|rib|ribs)\b|"
    # what a penalty or an inquiry is for ("being investigated for embezzlement", "banned for
    # doping", "accused of fraud")
    r"\b(?:investigated|arrested|jailed|banned|fined|sacked|suspended|punished|dismissed)\s+"
    r"for\s+(?!(?:a|an|the|\d+|life|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|several|one|up|at|least|more|over|almost|nearly|about|around)\b)[a-z]|"
    r"\b(?:accused|suspected|convicted|guilty)\s+of\b|\bcharged\s+with\b|"
    # a result after its cause ("did not die in custody, so their cases had to fail")
    r",\s+so\s+(?:that\s+)?(?:the|their|his|her|its|it|they|he|she|we)\b|"
    # a purpose ("primarily an effort to raise some cash", "aimed at cutting costs")
    r"\b(?:an?\s+(?:\w+\s+)?(?:effort|attempt|bid)\s+to|aimed\s+at|designed\s+to|intended\s+to)\b|"
    # "as the SECC was not available": a clause saying what was not so
    r"\bas (?:the|a|an|his|her|its|their)\s+(?:[\w'’-]+\s+){1,4}?(?:was|were|is|are|had|has|"
    r"would|could|did)\s+(?:not|never|no longer)\b",
    re.IGNORECASE,
)


def states_reason(text: str) -> bool:
    """Whether a sentence states a cause in so many words (for "why" questions, which
    ``asks_reason`` reads: it ranks such a sentence higher, and a one-part question's lead must
    state one): a causal word, an injury or illness that kept someone out, what a penalty was
    for, a purpose, a result after its cause ("…, so their cases had to fail"); not a sentence
    saying no reason was given."""
    return _REASON.search(text) is not None and _NO_REASON.search(text) is None


# A sentence saying no reason was given states none ("did not give a reason").
_NO_REASON = re.compile(
    r"\b(?:no|not|without|declined|refused|never)\b[^.;]{0,30}?\breasons?\b", re.IGNORECASE
)


# "What did X die of?", "How did X die?", "What was the cause of X's death?", "What killed
# the singer?" (not "What killed the merger talks?", "the death threats", "Die Hard").
_ASKS_CAUSE_OF_DEATH = re.compile(
    r"\b(?:die|died)\s+(?:of|from)\s*\?|\bhow\s+did\s+[^?]{1,80}?\s+die\s*\?|"
    r"\b(?:cause|causes)\s+of\s+(?:(?:his|her|their|the)\s+)?(?:[\w'’.-]+\s+){0,4}?death\b"
    r"(?!\s+(?:threats?|toll|penalty|sentence|row|of\s+(?:the\s+)?(?:talks|deal|plan|bill)))|"
    r"\bwhat\s+(?:killed|caused\s+(?:the\s+)?death\s+of)\s+(?:(?-i:[A-Z])|(?:the|a|an|his|her)\s+"
    r"(?:[\w-]+\s+)?(?:man|woman|boy|girl|child|singer|actor|actress|player|star|musician|"
    r"writer|author|driver|soldier|victim|patient|pilot|climber|boxer|jockey|presenter)\b)|"
    r"\bof\s+what\s+did\b[^?]{1,80}?\bdie\s*\?",
    re.IGNORECASE,
)
# What a death is put down to: "died of lung cancer", "died from heart problems", "after a long
# illness", "was killed in a crash", "was hanged", "shot him dead", a named illness or "natural
# causes" (hand-written: no library here knows causes of death).
_CAUSE_OF_DEATH = re.compile(
    r"\b(?:died|dies|die|dying)\s+(?:\w+\s+){0,2}?(?:of|from)\s+(?!(?:his|her)\s+home\b)"
    r"(?:a\s+|an\s+|the\s+)?[\w'-]+|"
    r"\b(?:after|following)\s+(?:a|an|his|her|their)\s+(?:long\s+|short\s+|brief\s+)?"
    r"(?:illness|battle|fight|struggle|heart\s+attack|stroke|fall|crash|accident|operation)\b|"
    r"\b(?:cancer|leukaemia|leukemia|tumour|tumor|heart\s+(?:attack|failure|disease|condition|"
    r"problems?)|stroke|pneumonia|illness|disease|overdose|suicide|complications|aids|hiv|"
    r"infection|natural\s+causes|alzheimer['’]?s|dementia|cardiac|haemorrhage|hemorrhage|"
    r"drowned|drowning|crash|crashed|accident|malaria|injuries|wounds|bomb|blast|explosion|"
    r"gunmen|gunshot|fire|fatal(?:ly)?|lethal|bled\s+to\s+death|collapsed)\b|"
    r"\b(?:was|were|been|being)\s+(?:shot|stabbed|murdered|killed|poisoned|strangled|hanged|"
    r"executed|beheaded|assassinated|beaten\s+to\s+death|crushed|electrocuted)\b|"
    r"\b(?:killed|shot|stabbed|hanged|executed|beheaded|assassinated)\s+(?:in|by|when|him|her|"
    r"them|dead)\b|\b(?:took|taken)\s+(?:his|her|their)\s+own\s+life\b",
    re.IGNORECASE,
)


def asks_cause_of_death(question: str) -> bool:
    """Whether a question asks what someone died of ("What did X die of?", "How did X die?",
    "What was the cause of X's death?")."""
    return _ASKS_CAUSE_OF_DEATH.search(question) is not None


def states_cause_of_death(text: str) -> bool:
    """Whether a sentence puts a death down to something ("died of lung cancer", "after a
    long illness", "was killed in a crash"); "has died at the age of 85" or "died at his home
    in Malibu" states none. A question asking a cause of death needs such a sentence: news
    obituaries often give the age and place and no cause, the classic near-miss."""
    return _CAUSE_OF_DEATH.search(text) is not None


# "Where / In which town / When was X born?", "which hospital was X born in", "X was born in
# which town?", "X's birthplace" (not "the Dartford-born presenter …, how many …": a compound
# describes, it does not ask). (Not ``_ASKS_BIRTH``, which asks any birth or age — review88.)
_ASKS_WHERE_OR_WHEN_BORN = re.compile(
    r"(?<![\w'’-])born(?:\s+in|\s+(?:in|at)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?\W*$|"
    r"(?<![\w'’-])born\s+(?:in\s+|on\s+)?(?:which|what)\b|"
    r"\b(?:birthplace|date\s+of\s+birth|place\s+of\s+birth)\b",
    re.IGNORECASE,
)
# "was born in Luton", "Born in 1942, …" opening a sentence, "the Ballymena-born actor", "her
# birthplace", "a native of Cork"; not a title's "Born" ("the film Born Free", "Born Free star
# Bill Travers" — review88, review89). Case-sensitive.
_SPEAKS_OF_BIRTH = re.compile(
    r"(?<![\w'’])born\b|(?<=-)born\b|^\W*Born\s+(?:in|on|at|into|and)\b|"
    r"\b[Bb]irth(?:place)?s?\b|\bnative\s+of\b"
)


def asks_birth(question: str) -> bool:
    """Whether a question asks where or when someone was born ("In which town was X born?",
    "When was X born?", "X was born in which town?", "What is X's birthplace?")."""
    return _ASKS_WHERE_OR_WHEN_BORN.search(question.strip()) is not None


def states_birth(text: str) -> bool:
    """Whether a sentence speaks of a birth ("was born in Luton", "Born in 1942 in Tredegar",
    "the Ballymena-born actor", "a native of Cork"). A question asking where or when someone
    was born needs one: an obituary's "died at his home in Malibu" or "lived in Norfolk from
    the age of eight" gives a place, not the birthplace (the classic near-miss). Lexical: a
    birth of something else ("the birth of rock 'n' roll") passes; the other checks read whose
    birth it is."""
    return _SPEAKS_OF_BIRTH.search(text) is not None


# "Where / In which city / When did X die?", "X died in which town?", "X's place of death" (the
# question's own verb: not "Where did X play before he died?"; nor "How old was X when he
# died?": the caller asks it of place and date questions only).
_ASKS_WHERE_OR_WHEN_DIED = re.compile(
    # (a past death: "When will analogue TV die?" is no one's — review91)
    r"\bdid\b[^?]*?(?<![\w'’-])(?:die|pass\s+away)"
    r"(?:\s+(?:in|at|on)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?\W*$|"
    r"(?<![\w'’-])(?:died|die)\s+(?:in\s+|on\s+|at\s+)?(?:which|what)\b|"
    r"\b(?:place|date)\s+of\s+(?:his\s+|her\s+)?death\b",
    re.IGNORECASE,
)
# "died in Munich", "his death", "was found dead", "was killed", "passed away", "hanged
# himself", "took his own life", "his assassination", "a fatal heart attack".
_SPEAKS_OF_DEATH = re.compile(
    r"\b(?:died|dies|dying|deaths?|dead|killed|killings?|murdered|drowned|suicide|"
    r"assassinat\w*|fatal(?:ly)?|succumbed|perished|executed|passed\s+away|"
    r"lost\s+(?:his|her|their)\s+(?:long\s+)?(?:battle|fight)|"
    r"hanged\s+(?:him|her|them)sel(?:f|ves)|(?:took|lost)\s+(?:his|her|their)\s+(?:own\s+)?"
    r"li(?:fe|ves))\b",
    re.IGNORECASE,
)


def asks_death(question: str) -> bool:
    """Whether a question asks where or when someone died ("In which German city did X
    die?", "When did X die?", "X's place of death")."""
    return _ASKS_WHERE_OR_WHEN_DIED.search(question.strip()) is not None


def states_death(text: str) -> bool:
    """Whether a sentence speaks of a death ("died in Munich", "his death on Saturday", "was
    found dead", "passed away"). A question asking where or when someone died needs one: an
    obituary's "was born in Switzerland" or "his last public performance was in Vienna" gives
    a place, not where he died (the mirror of ``states_birth``). Lexical: whose death it is,
    the other checks read."""
    return _SPEAKS_OF_DEATH.search(text) is not None


# "No reason was given for Roberts' departure", "declined to say why", "without giving a reason"
_WITHHELD_REASON = re.compile(
    r"\bno (?:reason|explanation)s?\b(?:[^.;]{0,60}?\b(?:was|were|has been|had been|have been))?"
    r"\s+(?:given|offered|stated|disclosed|provided)\b|"
    r"\b(?:did not|didn't|declined to|refused to|would not|wouldn't)\s+"
    r"(?:give|offer|say|explain|state|disclose)\s+(?:a\s+|any\s+)?(?:reason|explanation|why)\b|"
    r"\b(?:has not|hasn't|have not|haven't|had not|hadn't)\s+(?:been\s+)?(?:given|offered|said|"
    r"explained|stated|disclosed)\s+(?:a\s+|any\s+)?(?:reason|explanation|why)\b|"
    r"\bwithout (?:giving|offering|stating) (?:a |any )?(?:reason|explanation)\b",
    re.IGNORECASE,
)


def withholds_reason(text: str) -> bool:
    """Whether a sentence says the reason for something was not given ("No reason was given
    for Roberts' departure", "declined to say why"): a "why" question over it has no answer."""
    return _WITHHELD_REASON.search(text) is not None


# "A release date has yet to be set", "No date has been fixed for the trial", "the date is
# still to be confirmed": the date of that event is not known yet. (Three forms: a negated or
# "yet/still to be" verb; "no … date has been …"; a date "unknown" / "to be confirmed".)
_DATE_NOUN = (
    r"(?:[\w-]+\s+){0,2}?dates?\s+"
    r"(?:(?:for|of)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?[\w-]+\s+)?"
)
_DATE_VERB = (
    r"(?:set|fixed|announced|confirmed|decided|agreed|given|named|scheduled|finali[sz]ed)\b"
)
_WITHHELD_DATE = re.compile(
    rf"\b(?:no|a|the|any)\s+{_DATE_NOUN}(?:has|had|have|is|was|were|are)\s+"
    rf"(?:(?:yet|still)\s+to\s+be|not\s+(?:yet\s+)?(?:been|be)|not\s+yet)\s+{_DATE_VERB}|"
    rf"\bno\s+{_DATE_NOUN}(?:has|had|have|is|was|were|are)\s+(?:yet\s+)?(?:been\s+)?{_DATE_VERB}|"
    r"\bdates?\s+(?:is|was|remains|are)\s+(?:still\s+)?(?:unknown|unclear|undecided|"
    r"to be (?:confirmed|announced|decided|set|fixed))\b",
    re.IGNORECASE,
)


def withholds_date(text: str) -> bool:
    """Whether a sentence says the date of something is not set or known yet ("A release date
    has yet to be set for the recording") and gives none of its own: a "when" question on that
    event has no answer. "A date has been set" withholds nothing; "… yet to be set, but it is
    expected in March" gives a month."""
    if _WITHHELD_DATE.search(text) is None:
        return False
    return not (YEAR.search(text) or re.search(rf"(?<!\w){MONTH_NAMES}(?!\w)", text))
