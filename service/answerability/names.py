"""Names and places in text: runs of capitalised words that name someone or something
(``name_runs``), capitalised words after a preposition that can be places (``place_runs``), and
whether a text gives a name to a noun (``names_the``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from service.answerability.lexicon import (
    BODY_NOUNS,
    COUNTRY_WORDS,
    DEMONYMS,
    LONE_DEMONYMS,
    MONTHS,
    NOT_CITIES,
    NOT_NAMES,
    PERSON_DEMONYMS,
    PUBLICATION_ENDS,
    WEEKDAYS,
)
from service.evidence import STOPWORDS

# A run starts at a word boundary: "iPod" and "phpBB" are one word each, not the names "Pod"/"BB".
_CAP_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][\w&'’.-]*)(?:\s+(?:of|for|de|the|&|von|van)?\s*[A-Z][\w&'’.-]*)*"
)
# A place after a preposition; a possessive is a place only before a name ("at London's
# Science Museum", not "to China's economy").
_PLACE = re.compile(
    r"\b(?i:in|at|to|from|near|outside|across|on)\s+"
    # ("in the port city of Visakhapatnam", "to the town of Hexley", "in the Norwegian town of
    # Lillehammer")
    # (a third describing word only where one of them is capitalised: "the picturesque
    # southern Indian state of Kerala", not "the dire financial and political state of")
    r"(?:the\s+(?:(?:[A-Za-z]+\s+){0,2}?|(?=(?:[a-z]+\s+){0,2}[A-Z])(?:[A-Za-z]+\s+){3})"
    r"(?:city|town|village|port|county|province|region|district|"
    r"island|state)\s+of\s+|the\s+|(?:his|her|its|their)\s+"
    r"(?=[A-Z][\w.-]*\w\s+(?:seat|constituency|home|hometown|base|headquarters|office|"
    r"studio|factory|plant)\b))?"
    # the whole capitalised run ("in Hong Kong", "in New York's Times Square")
    r"([A-Z][\w.-]*\w(?:(?:['’]s)?\s+[A-Z][\w.-]*\w)*)(?!\w|['’]s\s+[a-z])"
)
# Common nouns after which a capitalised word still names a place ("in his Sheffield seat").
_PLACE_NOUNS = frozenset(
    "seat constituency home hometown base headquarters office studio factory plant".split()
)

# (and the words that end a body's name but may end a place's too: "Earls Court", "the West
# Bank": they are no place only here, where a run after "in" is read)
_BODIES = BODY_NOUNS | frozenset("office bank group board court trust service services".split())
# The words a firm's name ends in: "an analyst at Acme Securities", "a filing to the US
# Securities and Exchange Commission", "a pilot at British Airways" name firms, not places
# (except where someone works: ``place_runs(workplace=True)``).
_FIRM_ENDS = frozenset(
    "securities capital partners holdings airlines airways inc corp ltd plc llc motors "
    "investments associates consulting communications".split()
)
# Feasts are times, not places: "at Christmas", "over Easter".
FEASTS = frozenset("Christmas Easter Ramadan Diwali Hanukkah Passover".split())

_COMMON_ACRONYMS = frozenset("tv dvd cd pc pcs ceo mp mps ai it gdp".split())
# Adjectives of a faith describe, they do not name ("suspected of radical Islamist links", "a
# Muslim cleric"), unless a faith is asked (``holds_kind``). (Not "Christian", a first name
# too.)
FAITHS = frozenset(
    "islamist islamists islamic muslim muslims catholic catholics protestant protestants jewish "
    "sunni shia shiite hindu hindus sikh sikhs buddhist buddhists".split()
)


def names_no_one(words: set[str] | list[str]) -> bool:
    """Whether a name run's (lower-case) words are only countries, nationalities, a person
    called by their nation ("the Dutchman") or common acronyms ("the Chinese government",
    "TV"): such a run names no person or firm."""
    return all(
        w in NOT_CITIES
        or w in COUNTRY_WORDS
        or w in DEMONYMS
        or w in LONE_DEMONYMS
        or w in PERSON_DEMONYMS
        or w in _COMMON_ACRONYMS
        for w in words
    )


# Words that may follow a place without making it a modifier ("training in Qatar rather
# than Crete", "based in Leeds instead").
_AFTER_PLACE = frozenset("rather instead itself alone".split())
# A venue named by its name and its noun is a place ("at Parken stadium", "in Eden park").
_VENUE_NOUNS = frozenset(
    "stadium arena racecourse circuit ground theatre theater hall square airport station "
    "hospital prison cathedral church palace museum gallery castle harbour harbor bridge park "
    "venue".split()
)
# What a place after "on" ends in: a coast, an island, a river, a street ("on the Gold Coast",
# "on the Isle of Wight", "on Wall Street", "on Merseyside").
_ON_PLACE = re.compile(
    r"\b(?:Coast|Island|Islands|Isle|River|Street|Road|Avenue|Square|Lane|Riviera|Peninsula|"
    r"Side|Estate)\b|[a-z]side\b|^(?:Tyneside|Merseyside|Teesside|Deeside|Wearside)$"
)
_TIME_WORDS = frozenset(
    "yesterday today tonight tomorrow last next earlier later recently overnight week weekend "
    "month morning evening afternoon night since until before after during".split()
)


# A capitalised word right before a position (the word before a title's "In").
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\s+\Z")


def place_runs(text: str, *, workplace: bool = False) -> list[str]:
    """Runs of capitalised words after a preposition that can be places ("in Hong Kong", "in
    New York's Times Square"): not when a common noun follows ("in ChatGPT developer OpenAI",
    "in Apple shares" name a product and a firm), nor a firm ("at Acme Securities"), unless
    the question asks where someone works (``workplace``)."""
    found = []
    for m in _PLACE.finditer(text):
        # a capitalised preposition after a capitalised word is inside a title ("Eric
        # Clapton's hit Tears In Heaven", "Lost In Translation"), not before a place
        if m.group(0)[0].isupper() and _TITLE_WORD_BEFORE.search(
            text, max(0, m.start() - 64), m.start()
        ):
            continue
        # "according to X" gives a source; a run ending in an institution's noun ("the Chinese
        # Ministry", "the Foreign Office") names a body, and one ending in a newspaper's word
        # a publication, not a place
        if (
            re.search(r"\baccording\s*$", text[: m.start()])
            or (m.group(1).split()[-1].lower() in _BODIES and " " in m.group(1))
            or (
                not workplace and m.group(1).split()[-1].lower() in _FIRM_ENDS and " " in m.group(1)
            )
            or m.group(1).split()[-1] in PUBLICATION_ENDS
            # ("allies in the Cabinet" are members of a body)
            or m.group(1).split()[-1] == "Cabinet"
            or m.group(1) in FEASTS
            # ("in the News of the World")
            or (m.group(1) == "News" and text[m.end() :].startswith(" of the World"))
            # a month or a weekday is a time ("in November 2003", "on Monday")
            or all(w.lower() in NOT_NAMES for w in m.group(1).split())
        ):
            continue
        # "on" names a place ("on Australia's Gold Coast", "on Merseyside"), not a day, a
        # channel or a platform ("on Monday", "on BBC One", "on Xbox Live"): only a run that
        # ends in a place word or is a known country or region
        if m.group(0)[:2].lower() == "on" and not _ON_PLACE.search(m.group(1)):
            continue
        following = re.match(r"\s+([a-z]+)", text[m.end() :])
        word = following.group(1) if following else ""
        if (
            len(word) > 2
            and word not in STOPWORDS
            and word not in _TIME_WORDS
            and word not in _AFTER_PLACE
            and word not in _VENUE_NOUNS
            # "in his Sheffield seat": a place noun after a possessive ("at Apple
            # headquarters" names a firm)
            and not (word in _PLACE_NOUNS and re.search(r"\b(?:his|her|its|their)\s", m.group(0)))
        ):
            continue
        # a common noun after a coordinated run qualifies both ("to the World Indoor and
        # Olympic titles", "in Apple and Google shares"): events and things, not places
        shared = _COORDINATED_NOUN.match(text, m.end())
        if (
            shared
            and shared.group(1) not in STOPWORDS
            and shared.group(1) not in _AFTER_PLACE
            and shared.group(1) not in _TIME_WORDS
            and not shared.group(1).endswith(("ed", "ing", "ly"))
        ):
            continue
        found.append(m.group(1))
    return found


# (a plural noun: "the World Indoor and Olympic titles"; not a verb: "in Paris and Lyon drew")
_COORDINATED_NOUN = re.compile(r"\s+(?:and|or|&)\s+(?:[A-Z][\w'’-]*\s+)+([a-z]{2,}[^s\W]s)\b")


_PREPOSITION_NEXT = re.compile(r"\s+(?:for|of|in|at|on|from|with|into|over|under|among)\b")


_FIRST_PERSON = re.compile(r"I(?:['’](?:ll|m|ve|d))?")
_AGE_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?-(?i:(?:year|month|week)-olds?)")


def name_runs(text: str, common: Callable[[str], bool] | None = None) -> list[str]:
    """Runs of capitalised words that are not sentence openers, titles or calendar words.

    ``common`` (``TermStats.is_common``) tells a common word capitalised only because it opens
    the sentence ("Rock outfit Rooster…", "Investors who…", "Striker Nicolas Anelka…") from a
    name ("Labour won…"); it is dropped from the start of the run."""
    runs = []
    for m in _CAP_RUN.finditer(text):
        words = [w.strip(".,'’") for w in m.group(0).split()]
        # (nor the first person: "I'll", "I'm")
        words = [
            w for w in words if w and w.lower() not in NOT_NAMES and not _FIRST_PERSON.fullmatch(w)
        ]
        # (nor an age before the name: "Nineteen-year-old Blazin' Squad singer Kenzie")
        while words and _AGE_WORD.fullmatch(words[0]):
            words = words[1:]
        # (a possessive calendar word alone is no name either: "last Sunday's race"; inside a
        # name it is: "Sheffield Wednesday's academy")
        if len(words) == 1 and re.sub(r"['’]s$", "", words[0]).lower() in NOT_NAMES:
            continue
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
        # (a compound with a lower-case end is a word too: "Virus-laden e-mails …",
        # "Cash-strapped Alitalia …"; not "Coca-Cola", nor a place whose end has a name:
        # "Hay-on-Wye", "Stoke-on-Trent")
        head, _, end = words[0].partition("-")
        if (
            at_start
            and common is not None
            and (common(words[0]) or (end.islower() and common(head)))
        ):
            words = words[1:]
            if not words:
                continue
        runs.append(" ".join(words))
    return runs


CALENDAR = "(?:" + "|".join(w.capitalize() for w in MONTHS + WEEKDAYS) + ")"


# Names that end in another noun than the one asked: "Waverley Sports College" is a school
# (not "the Academy Awards", not a lower-case "the club's academy").
KINDRED_NAMES = {
    # (not a sentence's "The College said", not "the Electoral College")
    "school": r"(?-i:(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their|His|Her|Electoral)\s)"
    r"[A-Z][\w'’-]*\s+(?:College|Academy)\b(?!\s+Awards?))",
}


def names_the(noun: str, text: str, question: str = "") -> bool:
    """Whether ``text`` gives a name to ``noun``: "the show Advance Warning", "a park called
    Uhuru", "Uhuru Park", a name ending in a kindred noun ("Waverley College" for a school)."""
    if noun in KINDRED_NAMES and re.search(KINDRED_NAMES[noun], text):
        return True
    n = re.escape(noun)
    # (not a day or a month: "rolled out a new app Monday")
    follows = (
        rf"\b(?i:{n}s?),?\s+(?:(?:(?:is|was|are|were|will be|would be|has been|have been|"
        r"had been|is being|to be)\s+)?(?:called|named|known as|dubbed)\s+)?[\"“‘']?"
        rf"(?!{CALENDAR}\b)[A-Z]"
    )
    # set off by a dash or a colon ("his only film to date - The Brave"), not a new clause
    # ("his only film - It was a flop", "- But …")
    dashed = (
        rf"\b(?i:{n}s?)(?:\s+(?:to date|so far))?\s*[-–—:]\s*[\"“‘']?"
        r"(?!(?:It|He|She|They|We|I|You|This|That|These|Those|There|Then|But|And|So|Yet|Now|"
        rf"His|Her|Its|Their)\b)(?!{CALENDAR}\b)[A-Z]"
    )
    ends = rf"(?<![\w'’-])[A-Z][\w'’-]*\s+{re.escape(noun.capitalize())}\b"
    of = rf"\b{re.escape(noun.capitalize())}\s+(?:of|for)\s+(?:the\s+)?[A-Z]"
    # in apposition: "Italaudit - formerly the Italian arm of …", "Salt Roads, his debut album"
    # (not a place or time set off by a comma: "In Paris, a hotel …"; nor a clause: "Dido,
    # whose new album …"; the apposition opens with a determiner or a possessive)
    beside = (
        r"(?<!\bin )(?<!\bat )(?<!\bon )(?<!\bfrom )(?<!\bthe )(?<!\bIn )(?<!\bAt )(?<!\bOn )"
        r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s*(?:-|–|—|,)|\s+(?:is|was|will be))\s+"
        r"(?:(?:formerly|now|once|also)\s+)?"
        r"(?:the|a|an|his|her|its|their|[A-Z][\w'’-]*['’]s)\s+"
        rf"(?:(?!(?:who|whose|which|that|and|but)\b)[\w'’-]+\s+){{0,3}}?(?i:{n})\b(?![’'])"
    )
    if any(re.search(p, text) for p in (follows, dashed, ends, of, beside)):
        return True
    # "Stockholm's Cirkus theatre": a name the question does not hold, before the noun; after
    # a possessive or an article, with a word of description between ("Nokia's N-Gage game
    # phone", "the Prius hybrid car"; not "Orbis said phone sales …").
    q_words = set(re.findall(r"[a-z0-9]+", question))
    described = (
        r"(?:\b(?:the|a|an|its|his|her|their)\s+|(?<![\w'’-])[\w-]+['’]s\s+)([A-Z][\w-]+)\s+"
        r"(?!(?:said|says|told|sold|sells|made|makes|and|or|is|was|has|had|will|would)\b)"
        rf"[a-z]+(?<!ed)(?<!ly)\s+{n}\b"
    )
    # ("the Mbita Point primary school" for "which primary school": the question's own
    # word of description between the name and the noun)
    # (a name after "the": not "Local primary school pupils", "an NHS teaching hospital")
    modified = rf"\bthe\s+(?:[A-Z][\w-]+\s+)*([A-Z][\w-]+)\s+([a-z]+)\s+{n}\b"
    return any(
        m.group(1).lower() not in q_words
        and m.group(1).lower() not in STOPWORDS
        and (pattern is not described or not names_no_one([m.group(1).lower()]))
        and (pattern is not modified or m.group(2) in q_words)
        for pattern in (rf"(?<![\w'’])([A-Z][\w-]+)\s+{n}\b", described, modified)
        for m in re.finditer(pattern, text)
    )


# A maker's name and a model code after it: "Nokia 3220", "Airbus A380", "Sony PS2". Not a
# year ("Nokia 2004"), a quantity ("Nokia 10 million") or a share ("Nokia 30%").
_MODEL = re.compile(
    r"\b([A-Z][\w'’-]*)\s+((?:[A-Z]{1,3}-?)?\d[\dA-Za-z-]*)(?![\w.,]*\d)(?!\s?(?:%|per ?cent|"
    r"m\b|bn\b|k\b|million|billion|thousand|hundred|years?\b))"
)


def names_a_model(text: str, q_names: frozenset[str], q_words: set[str]) -> bool:
    """Whether ``text`` gives a model of a maker the question names ("Which Nokia handset
    …?" — "a Nokia 3220 handset"): the code is a new name even though its maker is not."""
    for m in _MODEL.finditer(text):
        maker, code = m.group(1).lower(), m.group(2)
        if maker not in q_names or code.lower() in q_words:
            continue
        if re.fullmatch(r"(?:1[89]|20)\d\d", code) or re.fullmatch(r"\d{1,2}", code):
            continue  # a year, or a small number ("Nokia 10 handsets")
        if re.fullmatch(r"\d{1,2}-\d{1,2}", code):
            continue  # a score after a player or a side ("Greg Rusedski 4-6 7-6", "Chelsea 2-0")
        return True
    return False
