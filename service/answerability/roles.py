"""Roles and events a question names: the event of "who won …?" (``event_verb``,
``mentions_event``) and the role noun of "which judge …?" (``asked_noun``, ``asked_role``),
which the evidence must mention."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from service.answerability.kinds import Kind, asking_clause
from service.answerability.lexicon import (
    CATEGORY_NOUNS,
    MONTHS,
    NATIONALITY_WORDS,
    PUBLICATION_ENDS,
    WEEKDAYS,
    initials,
)
from service.answerability.names import CALENDAR, FEASTS, KINDRED_NAMES
from service.evidence import STOPWORDS, stem_word

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
    # past participles that are not the past ("was written by", "has been chosen"): the
    # passive states the event too ("Who wrote …?" — "The song was written by …"; review65)
    "written": "write",
    "taken": "take",
    "given": "give",
    "chosen": "choose",
    "begun": "begin",
    "broken": "break",
    "driven": "drive",
    "seen": "see",
    "stolen": "steal",
    "sung": "sing",
    "beaten": "beat",
    # and other verbs news asks "who …?" of, past and participle (not those news tells in
    # other words, "Who spoke for MSN?" — "said Blake Irving", "Who stood in for …?" —
    # "replaced", nor the loosest: set, put, cut)
    "sought": "seek",
    "caught": "catch",
    "taught": "teach",
    "fought": "fight",
    "drew": "draw",
    "drawn": "draw",
    "threw": "throw",
    "thrown": "throw",
    "knew": "know",
    "known": "know",
    "grew": "grow",
    "grown": "grow",
    "flew": "fly",
    "flown": "fly",
    "showed": "show",
    "shown": "show",
    "rode": "ride",
    "ridden": "ride",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "froze": "freeze",
    "frozen": "freeze",
    "forgave": "forgive",
    "forgiven": "forgive",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "overtook": "overtake",
    "overtaken": "overtake",
    "undertook": "undertake",
    "undertaken": "undertake",
    "shook": "shake",
    "shaken": "shake",
    "swore": "swear",
    "sworn": "swear",
    "dealt": "deal",
    "lent": "lend",
    "hung": "hang",
    "stuck": "stick",
    "dug": "dig",
    "swam": "swim",
    "swum": "swim",
    "rang": "ring",
    "rung": "ring",
    "sank": "sink",
    "sunk": "sink",
}
# Verbs of "who <verb>s …?" that name a role the evidence must mention (a presenter, an
# owner, a chairman, a coach), by their base forms.
_ROLE_VERBS = {
    f"{base}{'es' if base.endswith(('ch', 'sh')) else 's'}": base
    for base in (
        "present host run own edit lead chair coach manage head direct sponsor represent "
        "captain produce fund employ publish preside"
    ).split()
}
_WHO_EVENT = re.compile(r"^\s*who\s+(?:has\s+|had\s+)?([a-z]+)\b", re.IGNORECASE)
# A past participle after "got" ("got dropped", "got beaten"; not "got seven votes", "got
# United's winner", "got need-based aid": review74).
_PARTICIPLE = re.compile(
    r"\s+((?-i:[a-z]{2,}ed)(?<!need)(?<!speed)(?<!seed)(?<!shed)(?<!bred)(?<!feed)(?<!weed)"
    r"(?<!greed)|beaten|chosen|taken|given|stolen|thrown|shown|bitten|written|driven|broken|"
    r"caught|hurt|sent|left)(?![\w'’-])(\s+out\b)?",
    re.IGNORECASE,
)
# "Who(m) did/will <subject> <verb> …?": the object of the event.
_WHOM_EVENT = re.compile(
    r"^\s*whom?\s+(?:did|does|do|will|would|is|are|was|has|had)\s+(?:[\w'’.&-]+\s+){1,5}?"
    r"(?:replace|replacing|succeed|succeeding)\b(?!\s+in\b)",
    re.IGNORECASE,
)
# "Who did Brad Smith meet in China?": the ones met, whom the evidence must say were met
# ("met", "a meeting with", "talks with"), not two sentences about two men named O'Brien.
# (the verb, ending its clause: not the noun of "Who did the board meeting elect?")
_WHOM_MET = re.compile(
    r"^\s*whom?\s+(?:did|does|do|will|would|is|are|was|has|had)\s+(?:[\w'’.&-]+\s+){1,6}?"
    r"meet(?=\s*(?:[?,.;]|$)|\s+(?:with|in|at|on|during|when|while|after|before|next|first|"
    r"last|this|for|over|to|there)\b)",
    re.IGNORECASE,
)
_TAKES_PLACE = re.compile(
    r"(?:took|takes|taken|take)\s+(?:the|his|her|their|its|(?:[\w-]+\s+){0,2}?[\w-]+['’]s)"
    r"\s+place\b",
    re.IGNORECASE,
)

# How news says one took another's place: "succeeded", "came in for", "took over from".
_REPLACES = re.compile(
    r"\b(?:succeed(?:s|ed)?|successor|in place of|t(?:ook|akes?|aken) over from|"
    r"c(?:ame|omes) in for|stepped in for|stands? in for|"
    r"t(?:ook|akes?|aken)\s+(?:[\w-]+\s+){0,3}?[\w-]+['’]s\s+place)\b",
    re.IGNORECASE,
)


_TOOK = frozenset("took scooped collected claimed landed picked".split())
_A_PRIZE = re.compile(
    r"(?:\s+up)?\s+(?:the|a|an|his|her|their|its)?\s*(?:[\w'’-]+\s+){0,4}?(?:prize|award|title|"
    r"trophy|crown|medal|honour|honor|gong|statuette|oscar)s?\b"
    # (the prize ends the phrase: not "took the award ceremony by storm", "the title of")
    r"(?=\s*(?:[?,.;!]|$)|\s+(?:at|in|for|on|after|with|from|by|when|as|and|this|last|"
    r"ahead)\b)",
    re.IGNORECASE,
)


def event_verb(question: str) -> str | None:
    """The base form of the past-tense verb of a "who <verb>ed …?" question (who won, who
    bought, who founded), or of a role verb in the present ("who presents / runs / chairs
    …": the presenter, the chairman), or None. Questions with a modal or a copula ("who
    will run", "who is") are left alone."""
    question = asking_clause(question)
    if _WHOM_EVENT.match(question):
        # "Who did Cherkasky replace?", "Whom will he succeed?": the one replaced
        return "replace"
    if _WHOM_MET.match(question):
        return "meet"
    m = _WHO_EVENT.match(question)
    # "who acted as …" names a role; so does "who took over / stepped in as <office>", whose
    # holder ``asked_office`` asks for (not "took over as host": that event stays)
    if not m or re.match(r"\s+as\b", question[m.end() :]):
        return None
    if re.match(r"\s+(?:over|in)\s+as\b", question[m.end() :]) and asked_office(question):
        return None
    verb = m.group(1).lower()
    # "Who got dropped / injured / beaten …?": the event is the participle's (not "Who got
    # the job?")
    if verb in ("got", "get", "gets"):
        participle = _PARTICIPLE.match(question, m.end())
        if participle is not None:
            done = participle.group(1).lower()
            # (left out of a side, or dropped from it: news says "at the expense of")
            if done == "dropped" or (done == "left" and participle.group(2)):
                return "omitted"
            return done if done.endswith("ed") else None
    # "Who took Steve Borthwick's place?": a replacement, which news states as "replaces"
    if _TAKES_PLACE.match(question[m.start(1) :]):
        return "replace"
    # "Who took / scooped / collected the best actor prize?": a win, which news also states
    # as "was crowned best actor" or "won"
    if verb in _TOOK and _A_PRIZE.match(question, m.end()):
        return "win"
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ed") and len(verb) > 4:
        return verb
    if verb in _ROLE_VERBS:
        return _ROLE_VERBS[verb]
    return None


# Words that look like the doer of a verb ending in "e" but are not ("closed": closer,
# "fined": finer, "tied": tier): comparatives and nouns of their own.
_NOT_DOERS = frozenset(
    "closer finer tier later lower larger wider safer nicer purer riper ruder rarer truer "
    "bluer freer surer vaguer whiter wiser braver liner timer diner miner loner toner "
    "shaker ranger president presidents presidency".split()
)


def irregular_forms(verb: str) -> frozenset[str]:
    """The irregular past forms and participles of a verb's base ("write": wrote, written),
    from ``_IRREGULAR``; none for a regular verb."""
    return frozenset(k for k, v in _IRREGULAR.items() if v == verb)


@lru_cache(maxsize=256)
def event_forms(verb: str) -> re.Pattern[str]:
    """A pattern of a verb's base's forms as whole words, case-insensitive: its inflections
    and doer's nouns (``_INFLECTION``: pays, paying; director), with the base's final "e"
    dropped ("raising") or its last letter doubled ("admitted"), and its irregular forms
    (``_IRREGULAR``: paid, wrote, written) — what ``mentions_event`` reads word by word, as a
    pattern for where the form stands. Compiled once per verb (a bounded cache of immutable
    values, safe across threads)."""
    bases = {verb, verb.removesuffix("e"), verb + verb[-1]}
    alternatives = [
        rf"{re.escape(b)}(?:{_INFLECTION.pattern})" for b in sorted(bases, key=len, reverse=True)
    ]
    alternatives += sorted(irregular_forms(verb))
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


def mentions_event(verb: str, text: str) -> bool:
    """Whether ``text`` mentions the event ``verb`` names, in any inflection (win: won, wins,
    winner; bought: buy, buys, buyer), or by its doer's noun (founded: founder; directed:
    director; invented: inventor)."""
    if verb == "replace" and _REPLACES.search(text):
        return True
    past = irregular_forms(verb)
    base_stem = stem_word(verb)
    # ("scored": scorer, "produced": producer; the stem keeps the verb's "e"; not a
    # comparative or another word that only looks so: "closed" is no "closer")
    doers = (base_stem + "er", base_stem + "or", base_stem.removesuffix("e") + "er")
    for w in re.findall(r"[a-z]+", text.lower()):
        if (
            w in past
            or (w.startswith(verb) and _INFLECTION.fullmatch(w[len(verb) :].removeprefix(verb[-1])))
            or (stem_word(w) in (base_stem, *doers) and w not in _NOT_DOERS)
        ):
            return True
    return False


# How news states some events without their verb: a defeat from the loser's side, a win as
# a title taken, a purchase as an acquisition, a founding as setting up, a goal by how it went
# in ("Cash lost 2-1 to Wilander", "Roe took the Hexley Open title", "Terra Firma acquired
# the chain", "the firm was set up by Jo Hale", "LuaLua headed home an equaliser").
# Not a date or a feast after "by" ("by Tuesday", ", by Christmas,"): names.py's own lists.
_NOT_A_DATE = rf"(?!{CALENDAR}\b|(?:{'|'.join(sorted(FEASTS))})\b)"
# What a scorer puts in: a goal or a try (not an own goal, a goal difference or a target
# "by March"), or a shot, header or strike that went in: one that gave a side the lead,
# cancelled one out or found the net (not one saved, wide, off the bar or ruled out:
# review94).
_GOAL = (
    r"(?<!\bown )(?:goal|try|tries|opener|equaliser|equalizer|brace|hat-trick|drop[- ]goal)s?"
    r"(?!\s+(?:difference|tally|line|kick|area|target|of\b|keeper|mouth|post|bar)\b)"
)
_ATTEMPT = (
    r"(?:header|strike|volley|effort|shot|penalty|penalties|drive|finish|free[- ]kick|chip|lob)"
)
_WENT_IN = (
    r"(?=[^.;]{0,60}?\b(?:gave|give|gives|giving|cancell?ed out|levell?ed|found the "
    r"(?:net|back of the net|corner|top corner)|flew in|nestled|sealed|earned|secured|clinched|"
    r"made it|doubled|restored|pulled (?:\w+ )?back|"
    # (a side put or brought level or ahead, not "put Cech under pressure")
    r"(?:put|puts|brought|brings) (?:[\w'’-]+ ){1,3}?(?:ahead|in front|level|back into))\b)"
    r"(?![^.;]{0,60}?\b(?:saved?|saves|wide|over the bar|hit the (?:bar|post|woodwork)|"
    r"ruled out|disallowed|blocked|missed|cleared)\b)"
)
# a capitalised word as a scorer's name, not a contraction ("It's a shot in the arm")
_NOT_CONTRACTION = r"(?!(?-i:It|That|There|Here|What|He|She|Who|Let)['’]s\b)"
_EVENT_PARAPHRASES = {
    # ("Who presides over the tribunal?": its president or chairman as a title before a name,
    # "presiding judge Jo Hale", "chaired / headed / led by Jo Hale"; not "President Bush",
    # "Jo Vale, chairman of the Olympic committee": the chair of something else)
    "preside": re.compile(
        r"\bpresid(?:es|ed|ing)\b|"
        r"\b(?-i:president|chairman|chairwoman|chair|head|presiding judge)\s+(?-i:[A-Z])|"
        r"\b(?:chaired|headed|led)\s+by\s+(?:the\s+)?(?-i:[A-Z]|judge\b)|"
        r"\b(?-i:The|the)\s+(?:chair|chairman|chairwoman|president),\s+(?-i:[A-Z])",
        re.IGNORECASE,
    ),
    "beat": re.compile(
        r"\b(?:lost|loses|lose|losing) (?:[\w-]+ )?to\b|\bdefeat(?:s|ed)?\b|"
        # ("beaten in the second round by", "a 2-1 loss to", "at the hands of")
        r"\bbeaten (?:[\w-]+ ){0,6}?by\b|\b(?:victory|win) (?:over|against)\b|"
        r"\bloss(?:es)? to\b|\bat the hands of\b|"
        # ("went out of the Valmora Open to Mia Holt", "crashed out to the top seed", "were
        # humiliated by"; not "went out to dinner", "… of the event to rest her knee")
        r"\b(?:went|goes|go|going|gone|crashed|crashes|bowed|bows) out (?:of (?:[\w'’-]+ ){1,5}?)?"
        r"to (?=(?-i:[A-Z])|(?:the |an? )?(?:world|top|unseeded|seeded|eventual|defending|"
        r"holders?|champions?|number|qualifier)\b)|"
        r"\b(?:humiliated|routed|thumped|hammered|outclassed|edged out) by\b|"
        # ("went down 6-2 7-5 to Nathalie Dechy", "went down 3-1 to Leeds"; a score before
        # "to", not "went down to the wire", "shares went down to 90p")
        # (a tie-break in brackets; an en dash)
        r"\b(?:went|goes|go|going|gone) down (?:(?:\d+[-–]\d+|\(\d+[-–]\d+\)),? ){1,8}to\b",
        re.IGNORECASE,
    ),
    "win": re.compile(
        r"\b(?:victory|victorious|triumph(?:s|ed)?|clinched|crowned)\b|"
        # (a prize given: "the non-fiction prize was awarded to Kevin Boyle", "best actor went
        # to Jamie Foxx")
        r"\b(?:prize|award|title|trophy|honour|accolade|gong)s?\s+"
        r"(?:was|were|has been|have been)\s+(?:awarded|given|presented)\s+to\b|"
        r"\b(?:prize|award|trophy|honour|accolade|gong)s?\s+went\s+to\b|"
        r"\b(?:took|takes|claimed|claims|lifted|lifts|retained|retains|won|wins) (?:the |a |his "
        r"|her |their |its )?(?:[\w'’-]+ ){0,4}?(?:title|crown|trophy|cup|championship)s?\b",
        re.IGNORECASE,
    ),
    "buy": re.compile(
        r"\b(?:acquir(?:e|es|ed|ing)|acquisition|takeover|t(?:ook|akes?|aken) over|"
        r"purchas(?:e|es|ed|ing))\b",
        re.IGNORECASE,
    ),
    "founded": re.compile(
        r"\b(?:set up|sets up|setting up|co-?found(?:ed|er|ers)|established|establishes)\b",
        re.IGNORECASE,
    ),
    # ("Who runs the lab?": "director of the lab", "the lab's head", "in charge of")
    "run": re.compile(
        r"\b(?:head|director|chief|boss|manager|leader|chairman|chairwoman|chair|"
        r"chief executive|president)\s+of\b|"
        # ("heads the lab", "headed by Jo Hale": an article or a name follows, not a ball, a
        # winner, a goal or home: "headed home an equaliser")
        r"\bin charge of\b|['’]s\s+(?:head|director|chief|boss)\b|"
        r"\bhead(?:s|ed)\s+(?:by\s+)?(?!(?:ball|winner|goal|home|the\s+(?:ball|winner|goal))"
        r"\b)(?:the|a|an|its|his|her|their|(?-i:[A-Z]))",
        re.IGNORECASE,
    ),
    # ("Who hosted the awards?": "presented by", "the presenter", "compered")
    "hosted": re.compile(
        # (not "presented with an award": who received it)
        r"\bpresent(?:ed|s|ing)\b(?!\s+with\b)|\bpresenters?\b|\bcomp[eè]r(?:ed|es|e|ing)\b|"
        r"\bemcee(?:d|s)?\b",
        re.IGNORECASE,
    ),
    # ("Who did she meet?": "held talks with", "sat down with", "a summit with"; in a draw,
    # "goes on to face", "takes on")
    "meet": re.compile(
        r"\btalks\s+(?:with|between)\b|\bsat down with\b|\bsummit with\b|"
        r"\b(?:face|faces|faced|facing|takes? on|took on|taking on|play(?:s|ed)? against)\b",
        re.IGNORECASE,
    ),
    # Left out of a side ("Who got dropped for Stoica?": "Stoica is recalled at the expense
    # of Pozzebon", "Nemeth, recalled in place of Job", "Heymans comes in for Rougerie"; not
    # "at the expense of health", "600 jobs axed": review74). Only for "got dropped / left
    # out" (``event_verb``): "Who dropped out of the race?" is another event.
    "omitted": re.compile(
        r"\bdropped\b|"
        r"\b(?:recalled|picked|selected|preferred|chosen|brought in|comes? in|starts?|returns?)\b"
        r"[^.;]{0,40}\bat the expense of\b|"
        r"\b(?:left|leaves|leaving) out of (?:[\w'’-]+ ){0,3}(?:squad|side|team|line-up|XV|XI|"
        r"starting)\b|\bomit(?:s|ted)\b|\baxed (?:by|from|him|her)\b|"
        r"\b(?:been|was|is|were) axed (?:by|from|after|for)\b|"
        r"\bma(?:kes|de|king) way for (?-i:[A-Z])|\blos(?:es|t|ing) (?:his|her|their) place\b|"
        r"\b(?:come|comes|came) in for (?-i:[A-Z])|\bin place of (?-i:[A-Z])",
        re.IGNORECASE,
    ),
    # A goal or a try by how it went in, or as the scorer's: "a try from Federico Aramburu",
    # "Richie Byrne's header gave Aberdeen …", "Diop's superb 25-yard strike cancelled out …"
    # (a ball in play by someone, not "a shot at the title", "a strike by workers": a
    # capitalised name follows "from"/"by" or owns it). Not more verbs ("prodded United
    # ahead", "smashed home the winner"): they led other sides' scorers (session 24).
    "scored": re.compile(
        r"\b(?:netted|headed|slotted|fired|volleyed|tapped|converted|struck|bagged)\b|"
        # ("a try from Federico Aramburu", "a second-half goal from Andy Scott"; a shot "from
        # Ronaldo" only when it went in)
        rf"\b(?:{_GOAL}|{_ATTEMPT}s?{_WENT_IN})\s+(?:from|by)\s+(?:(?-i:[a-z-]+)\s+){{0,2}}"
        rf"{_NOT_CONTRACTION}(?-i:{_NOT_A_DATE}[A-Z])|"
        # ("Richie Byrne's header gave Aberdeen a way back", "Diop's 25-yard strike cancelled
        # out the lead", "O'Shea's goal"; not "Chelsea's goal difference")
        rf"(?<![\w'’-]){_NOT_CONTRACTION}(?-i:[A-Z])[\w'’-]{{0,30}}['’]s?\s+(?:(?-i:[\w-]+)\s+){{0,3}}?"
        rf"(?:{_GOAL}|{_ATTEMPT}s?{_WENT_IN})\b",
        re.IGNORECASE,
    ),
    # ("Who supplied / provided the cross?": "a low cross from Santiago Solari", "Jo Vey's
    # pass", "set up by Jo Vey"; a ball in play only: "funding from the EU" supplies nothing
    # asked this way)
    "supply": re.compile(
        r"\b(?:cross|pass|corner|free[- ]kick|through[- ]ball|ball|assist|lay-off|centre|"
        r"cut-back|flick|knock-down)(?:es|s)?\s+(?:from|by)\s+(?-i:[A-Z])|"
        r"(?<![\w'’-])(?-i:[A-Z])[\w-]{0,30}['’]s?\s+(?:[a-z-]+\s+)?(?:cross|pass|corner|"
        r"free[- ]kick|through[- ]ball|assist|lay-off|centre|cut-back|flick|knock-down)\b|"
        r"\bset up by\s+(?-i:[A-Z])",
        re.IGNORECASE,
    ),
    # ("Who wrote the book?": "Velia's Britain, by Jo Hale, says …", "the novel by Jo Hale",
    # "its author", "penned"; not "by Tuesday", "by 2006", "up by 5%", "by far")
    "write": re.compile(
        r"\b(?:authors?|authored|co-authored|penned|pens)\b|"
        rf",\s+by\s+(?-i:{_NOT_A_DATE}[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}),|"
        r"\b(?:book|novel|biography|autobiography|memoir|play|poem|script|screenplay|"
        rf"column|essay|study|report|paper|thriller)\s+by\s+(?-i:{_NOT_A_DATE}[A-Z][a-z])",
        re.IGNORECASE,
    ),
}
# A question's verb as the event it names ("Who replaced …?" is a replacement, which news
# states as "succeeded"; "Who defeated …?" a win over someone).
_EVENT_OF_VERB = {
    "replaced": "replace",
    # ("Who heads the charity?": its chief executive, "head of", "in charge of")
    "head": "run",
    "defeated": "beat",
    # a knock-out in a match report: "Who knocked / ousted / eliminated X?" is answered by
    # "X was beaten by Y" or "X lost to Y" as well as by the question's own verb
    "knocked": "beat",
    "ousted": "beat",
    "eliminated": "beat",
    "thrashed": "beat",
    "trounced": "beat",
    "acquired": "buy",
    "purchased": "buy",
    # ("Who hosts the show?": its host, or who presents it)
    "host": "hosted",
    # a ball in play ("Who supplied the cross for the opening goal?")
    "supplied": "supply",
    "provided": "supply",
    "delivered": "supply",
}


# The "who <verb>ed …?" verbs an article may tell without the verb itself.
_TOLD_OTHERWISE = frozenset(_EVENT_OF_VERB) | {
    "scored",
    "run",
    "hosted",
    "host",
    "write",
    "meet",
    "omitted",
    "preside",
}


def mentions_asked_event(verb: str, text: str) -> bool:
    """Whether ``text`` (an article's sentence and its passage) mentions the event a "who
    <verb>ed …?" question names: in the verb's own forms (``mentions_event``), or for a verb
    match reports and deal stories tell in other words (``_TOLD_OTHERWISE``: a knock-out is
    "beaten by", a goal "netted", a takeover "acquired") in those words too. Other verbs keep
    to their own forms: "an established toy company" does not say who founded it. Pure;
    thread-safe."""
    if verb in _TOLD_OTHERWISE:
        return states_event(verb, text)
    return mentions_event(verb, text)


def states_event(verb: str, text: str) -> bool:
    """Whether ``text`` itself states the event ``verb`` names: its inflections and its
    doer's noun (``mentions_event``), or the words news uses for it instead. Pure; thread-safe."""
    event = _EVENT_OF_VERB.get(verb, verb)
    paraphrase = _EVENT_PARAPHRASES.get(event)
    return (
        mentions_event(verb, text)
        or mentions_event(event, text)
        or (paraphrase is not None and paraphrase.search(text) is not None)
    )


# What may follow a verb's base in a word about its event ("wins", "winner", "appointment"):
# not any letters ("winter" is no win, "signal" no signing, "foundation" no founding).
# (a doubled last letter is dropped first: "winner", "stopped")
_INFLECTION = re.compile(r"|s|es|d|ed|r|rs|ing|er|ers|or|ors|ment|ments|man|men|woman|women|person")


# "Which <adjectives> <noun> did/is/will …": the noun names the role the answer fills.
_ROLE = re.compile(
    r"^\s*(?:(?:in|at|to|for|from|with|by|on|against|of)\s+)?which\s+((?:[\w'’-]+\s+){0,3}?)"
    r"([a-z][\w'’-]*)\s*(?:,|\b(?:did|do|does|is|was|are|were|has|have|had|will|would|can|"
    r"could)\b)"
)


# Nouns a "Which <noun> <verb> …?" question uses loosely: an office ("Which Shanghai party
# chief told …" — "Party Secretary Chen Jining"), a body ("Which trade body organised …" —
# "the Internet Service Providers' Association") or a playing position ("Which striker
# missed …", of a player the match report never calls one).
LOOSE_ROLES = frozenset(
    "chief chiefs head heads leader leaders boss bosses official officials body bodies "
    "organisation organisations organization organizations group groups striker strikers "
    "forward forwards midfielder midfielders defender defenders goalkeeper goalkeepers keeper "
    "winger wingers batsman batsmen bowler bowlers national nationals citizen citizens "
    # rugby and cricket positions, which a match report gives as rarely as a striker's
    # (not "centre", "lock" or "prop", which name other things)
    "fly-half fly-halves scrum-half scrum-halves full-back full-backs stand-off flanker "
    "flankers wicketkeeper wicketkeepers wicket-keeper all-rounder all-rounders "
    # (spelt as one word or two: "fullback", "scrum half" asks for a "half")
    "fullback fullbacks flyhalf scrumhalf half halves back backs standoff wicket-keepers "
    "keepers allrounder allrounders rounder rounders".split()
)
# "Which studio developed …?", "Which judge granted …?": the noun before the question's verb.
_ROLE_SUBJECT = re.compile(
    # (read in the question's own case: a capitalised word is a name, not the noun — "Which
    # two Middlesbrough strikers ended …" asks for strikers, "Which three DJs will …" no role)
    # (nor an adverb — "Which newly elected MP …" — nor a plural noun before a verb taken for
    # one: "Which car makers plan …", "Which mobile phone firms offer …")
    # (nor a time adverb: "Which Australians last won …")
    # (the verb in lower case, as a verb inside a sentence is: "Which lawyer for Greek sprinters
    # Costas Kenteris …" has no verb after "sprinters")
    # (nor a participle before the noun, nor an "-ed" word that describes the noun after it:
    # "Which top seeded player was …", "Which state owned bank was …" ask for the player, the
    # bank — review84)
    r"^\s*(?i:which)\s+((?:[\w'’-]+\s+){0,3}?)(?![a-z]+[^i\W]ly\b)(?![a-z]+[^e\W]ed\b)"
    r"(?!(?:last|first|also|still|"
    r"now|ever|never|just|already|then|once|again|later|jointly|together)\b)([a-z][\w'’-]*)\s+"
    r"(?=(?:[a-z]+ed\b(?!\s+(?!(?:twice|again|once|first|last|alone|together|home|away|out|off|"
    r"up|down|early|late)\b)[a-z][\w'’-]*\s*(?:,|\b(?:is|was|are|were|has|have|had|did|does|"
    r"do|will|would|can|could)\b))|"
    r"[a-z]{3,}[^s\W']s\b(?-i:(?!\s+(?!(?:the|a|an|its|their|his|her|this|that|"
    r"these|those|to|in|on|at|for|with|by|from|as|into|up|out|off|down|over|more|most|no|all|"
    r"some|two|three|four|five|about|nearly|around|almost)\b)[a-z]))|"
    r"made|won|led|took|gave|wrote|ran|beat|built|sold|bought|paid|struck|held|met|told|"
    r"brought|chose|drew|hit|kept|left|lost|put|sent|spent|became|began|will|would|can|could)\b)"
)


# A verb of reporting after a name: the reporter, not the reported ("The Sun says…").
REPORTS = r"(?:says|said|say|reports|reported|report|quoted|claims|claimed)\b"
# A name in apposition to "a <role>": "Acme, a games company" / "Acme is a games company",
# and "a magazine, Le Point," / "a venue called the Cirkus" / "a US judge (Ann Lee)".
NAME_BEFORE_ROLE = re.compile(
    r"[A-Z][\w'’.-]*\)?\s*(?:,|\b(?:is|was|are|were|became|becomes|as)\b)\s*$"
)
NAME_AFTER_ROLE = re.compile(r"\s*(?:,|\(|\b(?:called|named|known as)\b)?\s*(?:the\s+)?[A-Z0-9]")


# A part of an organisation, named by its name ("the FBI's Internet Fraud Complaint Center"
# for "which FBI unit"); but "a government agency", "an FBI unit" still name none
# (``Focus.names_role_anonymously``).
ORGANISATION_PARTS = frozenset(
    "unit units division divisions department departments agency agencies body bodies".split()
)
# Roles any name of the asked kind fills: the answer need not use the word ("Which nation
# does he run for?" — "he chose Trinidad and Tobago").
ANY_NAME_ROLES = ORGANISATION_PARTS | frozenset(
    "person persons man men woman women people player players nation nations country "
    "countries team teams side sides club clubs company companies firm firms group groups "
    "organisation organisations organization organizations official officials individual "
    "politician politicians executive executives boss bosses member members star stars "
    # a place is named by its name: "at the Royal Society" names the venue
    "venue venues location locations "
    # a title is a work's name, whatever the work ("which title took the racing award?")
    "title titles "
    # a team-mate or a colleague is named by name, rarely by the word ("Hodgson said Olly
    # Barkley had taken three penalties")
    "team-mate team-mates teammate teammates colleague colleagues".split()
)
# A character or part is named by who plays it: "she played Marie Jackson", "cast as Lear".
PLAYED_ROLES = frozenset("character characters".split())
# ... and an actor by playing one: "Mario Kombou, who plays the Presley role on stage".
ACTING_ROLES = frozenset("actor actors actress actresses".split())
PLAYED = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\bnew )\b(?:play|plays|played|playing|portray\w*|voices?|voiced|"
    r"voicing|(?:cast|starr?(?:s|ed|ing)?|known|appears?|appeared|(?:role|part)) as|"
    r"reprises?|reprised|reprising)\s+(?:(?:the|a|an)\s+(?:[a-z-]+\s+){0,2})?[A-Z]|"
    # "the role of Hector", "his part of the Joker" (not "all part of the progression of
    # Harry's story": a part of something)
    r"\b(?:the|his|her|their|a|an|title|lead|leading|starring|key|main)\s+(?:role|part)\s+of\s+"
    r"(?:the\s+)?[A-Z]"
)
# A presenter or host is named by their show ("will appear on Andrew Collins' afternoon
# show", "a guest on Howard Stern's show") or as hosting or presenting one ("Rob Da Bank has
# been hosting The John Peel Show"). review76: not a day's or a network's show ("Monday's
# show", "Fox's boxing show", "BBC 6 Music's chart show") nor "show" as a verb ("Apacs'
# figures show", "Singer's film to show").
HOSTED_ROLES = frozenset("presenter presenters host hosts dj djs".split())
_NETWORKS = (
    r"BBC|ITV|Fox|NBC|CBS|ABC|CNN|MTV|HBO|Sky|Channel|Music|Radio|FM|TV|Broadway|Network|Week"
)
_NOT_SHOW_OWNERS = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Last|Next|This|Tonight|Today|"
    rf"Yesterday|{_NETWORKS})$"
)
# "<owner>'s [one or two words] show", not "show" as a verb; the owner is read backwards from
# the possessive (a bounded run of capitalised words: a long run costs no backtracking).
_SHOW_AFTER_POSSESSIVE = re.compile(
    r"(?:'s|’s|s'|s’)\s+(?:(?!(?:to|figures|data|results|film|films|will|would|could|may)\b)"
    r"[a-z-]+\s+){0,2}show\b(?!\s+(?:that|how|the|a|an|its|their)\b)"
)
_OWNER_BEFORE = re.compile(r"(?:^|[^\w'’-])([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})$")
_HOSTING = re.compile(
    r"\b(?:hosting|hosts|hosted|presenting|presents|presented)\s+"
    r"(?:by\s+[A-Z]|the\s+[A-Z]|The\s+[A-Z])"
)


def hosts_show(text: str) -> bool:
    """Whether ``text`` names a presenter by their show or as hosting one (``HOSTED_ROLES``):
    "Andrew Collins' afternoon show", "has been hosting The John Peel Show"; not a day's or a
    network's show, nor "show" as a verb ("Apacs' figures show")."""
    if _HOSTING.search(text):
        return True
    for m in _SHOW_AFTER_POSSESSIVE.finditer(text):
        # (the "s" of "Collins'" is the owner's last letter)
        end = m.start() + 1 if text[m.start()] == "s" else m.start()
        owner = _OWNER_BEFORE.search(text[max(0, end - 120) : end])
        if owner and not any(_NOT_SHOW_OWNERS.match(w) for w in owner.group(1).split()):
            return True
    return False


# A programme or channel is named by whom one told or spoke on ("she told the BBC's
# Breakfast with Frost", "Lee told Bloomberg TV"), not a person ("told Mr Smith").
MEDIA_ROLES = frozenset(
    "channel channels programme programmes program show station network".split()
)
# (nor a body, a news agency, a party or a day: "told MPs", "told Reuters", "said on Sunday";
# nor a newspaper: "told the Sunday Times")
TOLD_MEDIA = re.compile(
    r"\b(?i:told|telling|speaking (?:to|on)|talking to|appearing on|said on|interviewed (?:by|on)|"
    r"(?:an )?interview (?:with|on))\s+(?:the\s+)?"
    r"(?!(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Miss|MPs?|Parliament|Commons|Lords|Congress|Reuters|"
    rf"{'|'.join(d.capitalize() for d in WEEKDAYS)}|Labour|Conservative|Tory|UN)\b)"
    rf"(?!(?:[A-Z][\w'’]*\s+)*(?:{'|'.join(sorted(PUBLICATION_ENDS))})\b)(?:al-)?[A-Z]|"
    r"\b(?:BBC|ITV|GMTV|Sky|CNN|MTV|Radio)\b[\w\s'’]{0,12}\binterview\b"
)
# A publication is named without the word ("told the Sunday Times"): no mention needed. A
# broadcaster is usually introduced with it ("Finnish channel YLE"): a channel is a role.
_PUBLICATIONS = frozenset("newspaper newspapers paper papers magazine magazines tabloid".split())
# ... but is named: by a title ending in a publication's word ("the Daily Telegraph", "the
# Northern Echo", "the Hollywood Reporter", "the News of the World"), beside the noun
# ("marketing magazine New Media Age", "The Independent newspaper"), or as what one told,
# wrote in or was quoted in ("told the Independent", "Writing in the Financial Times",
# "continued in the Sydney Morning Herald"). review76: not a broadcaster, a news agency or a
# body one told ("told the BBC", "told the Commons"), not "Jim Press" or "Royal Mail", and not
# a determiner or a nationality before the noun ("The newspaper said", "a French magazine").
_PUBLICATION_TITLE = "|".join(
    sorted(PUBLICATION_ENDS | {"Echo", "Today", "Age", "Press", "Reporter", "Daily"})
)
_NOT_TITLES = (
    r"BBC|ITV|Channel|Sky|CNN|Radio|Reuters|Bloomberg|Associated\s+Press|Press\s+Association|"
    r"Interfax|Xinhua|AFP|Commons|House|Lords|Senate|Congress|Parliament|Assembly|Court|"
    r"Committee|Royal\s+Mail|Post\s+Office|New\s+York's|American\s+Express|Stone\s+Age|"
    r"Iron\s+Age|Today\s+programme|Jim|John"
)
_NATIONS_CAPITALISED = "|".join(sorted(w.capitalize() for w in NATIONALITY_WORDS))
_NOT_BEFORE_NOUN = (
    "The|A|An|This|That|Its|His|Her|Their|One|Another|Sunday|Saturday|Daily|Weekly|Local|"
    f"National|Regional|Trade|US|UK|EU|{_NATIONS_CAPITALISED}"
)
NAMED_PUBLICATION = re.compile(
    rf"(?:\b(?:the|The)\s+(?!(?:{_NOT_TITLES})\b)|\b(?!(?:{_NOT_TITLES})\b)[A-Z][\w'’&-]*\s+)"
    rf"(?:{_PUBLICATION_TITLE})\b(?!\s+(?:Office|Association|Intelligence|Square|Stock))"
    r"|\bNews\s+of\s+the\s+World\b"
    r"|\b(?:newspaper|paper|magazine|tabloid|weekly|journal|daily)\s+(?:The\s+)?"
    r"(?!(?:said|says|reported|reports|that|and|has|had|was|is)\b)[A-Z]"
    rf"|\b(?!(?:{_NOT_BEFORE_NOUN})\b)[A-Z][\w'’!-]*\s+(?:newspaper|magazine|tabloid|weekly)\b"
    r"|\b(?i:told|telling|speaking\s+to|talking\s+to|writing|wrote|written|continued|quoted|"
    r"interview\s+with|according\s+to|column\s+in|reported\s+in)\s+"
    r"(?:[a-z]+\s+){0,4}?(?:in\s+|to\s+|by\s+)?(?:the|The)\s+"
    rf"(?!(?:{_NOT_TITLES})\b)(?!(?:{_NATIONS_CAPITALISED})\b)[A-Z][\w'’-]+"
)


def names_publication(noun: str | None, text: str) -> bool:
    """Whether ``text`` names a publication, as a "Which newspaper …?" question (``noun``
    one of ``_PUBLICATIONS``) asks: "leaked to the German newspapers" names none. True for
    any other noun."""
    return noun not in _PUBLICATIONS or NAMED_PUBLICATION.search(text) is not None


def role_as_title(role: str, text: str) -> bool:
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


# Words news uses for a role a question names ("Which studio …" — "developer Bungie", "the
# games maker"; "Which regulator …" — "the City watchdog"; "Which director …" — "film-maker
# Michael Moore"), case-insensitive.
_ROLE_WORDS = {
    "referee": r"umpires?|umpired|match officials?",
    # (a journalist by the newsroom's titles, a churchman by the church's)
    "journalist": r"editors?|correspondents?|reporters?|presenters?|columnists?|commentators?|"
    r"broadcasters?",
    "churchman": r"cardinals?|archbishops?|bishops?|priests?|vicars?|pope|reverend|rabbis?|imams?|"
    r"clergyman|clergy",
    "umpire": r"referees?|refereed",
    # (a team's captain is its skipper in news: "former Wales Under-21 skipper Richie Pugh")
    "captain": r"skippers?|skippered",
    "judge": r"magistrates?",
    "studio": r"developers?|games? (?:makers?|firms?|compan(?:y|ies)|houses?)",
    "developer": r"studios?|games? (?:makers?|firms?|compan(?:y|ies)|houses?)",
    "director": r"film-?makers?|film makers?|directed",
    "film-maker": r"directors?|directed",
    "filmmaker": r"directors?|directed",
    "regulator": r"watchdogs?",
    "watchdog": r"regulators?",
    # (an election seat by the words news uses for one: "the Labour stronghold of Normanton")
    "seat": r"constituenc(?:y|ies)|strongholds?|marginals?",
    "constituency": r"seats?|strongholds?|marginals?",
    # (an election candidate is a "hopeful" or a "contender" in news: "the Democrat hopeful
    # Howard Dean")
    "candidate": r"hopefuls?|contenders?|nominees?",
    # (a "feature" is a film after the words that make it one: "best first feature", "his
    # debut feature"; not the verb: "will feature Alicia Keys")
    # (review78: "best/first feature" as a film's only before its title or "for": not "its
    # best feature is the screen")
    "film": r"movies?|(?:debut|animated|documentary|full-length)\s+features?|"
    r"(?:best|first)\s+(?:first\s+)?features?(?=\s+(?:for|film|[A-Z]))",
    "movie": r"films?",
    # (a song by the words the charts use: "His track Candy Shop", "the single Hey Ya")
    "song": r"tracks?|singles?",
    "songs": r"songs?|tracks?|singles?",
    "single": r"songs?|tracks?",
    "singles": r"singles?|songs?|tracks?",
    "track": r"songs?|singles?",
    "tracks": r"tracks?|songs?|singles?",
    # (a radio or television presenter by the words broadcasting uses: "Capital Radio DJ
    # Margherita Taylor" for "Which radio presenter …?")
    # (not a bare "host", "anchor" or "broadcaster": "Bolton host Chelsea", "the host
    # nation", "a host of stars", "anchors the midfield", "US broadcaster CBS")
    "presenter": r"DJs?|disc jockeys?|(?:(?:chat|talk|game|quiz|breakfast)[- ])?show hosts?|"
    r"(?:TV|television|radio|programme['’]s|show['’]s) hosts?|news ?anchors?|anchorm[ae]n|"
    r"anchorwom[ae]n",
    "dj": r"presenters?|disc jockeys?|(?:radio|breakfast[- ]show|show) hosts?",
    # (a name ending in a kindred noun: "Waverley Sports College" for "Which school …?")
    **KINDRED_NAMES,
}
# Titles that give a role before a name, case-sensitive: "Mr Justice Eady", "Lord Justice
# Hale", "Recorder Ann Lee" are judges ("Justice Secretary Jo Hale" is not). (Not "Foreign
# Secretary Jack Straw" for a minister: the question's own name often holds such a title —
# "Which Chinese minister will Jack Straw meet?")
_ROLE_TITLES = {
    "judge": r"\b(?:(?:Mr|Mrs|Ms|Lord|Lady|Dame|Sir)\s+)?Justice(?=\s+(?!(?:Secretary|Department|"
    r"Ministry|Minister|Committee|Select|League|Party|Commission)\b)(?:[A-Z]\.\s*)*[A-Z])|"
    r"\bRecorder(?=\s+(?:[A-Z]\.\s*)*[A-Z])",
    # a peer by the title of one ("Lord Haskins", "Baroness Kennedy"; not "Lord Justice")
    "peer": r"\b(?:Lord|Lady|Baroness|Baron|Viscount|Earl)\s+(?!Justice\b|Chancellor\b|Mayor\b|"
    r"Chief\b|Provost\b|Advocate\b)[A-Z][a-z]",
}
# Lesser roles beside the word: "assistant referee Jo Hale" ran the line.
_LESSER_ROLE = re.compile(r"\b(?:assistant|fourth|video)[ \t]+$", re.IGNORECASE)
# A name's word in an article: a capitalised word or an initial ("H. M. Webb", "A.B. Lee"),
# never past a sentence's end nor a line's.
_NAME_TOKEN = r"(?:[A-Z]\.(?:[ \t]?[A-Z]\.)*|[A-Z][\w'’-]*)"
_SP = r"[^\S\n]+"
# Capitalised words a title may start with ("District Judge Ann Lee", "Chief Justice Lee").
_TITLE_QUALIFIERS = frozenset(
    "District Circuit Federal Chief Senior Deputy Court Supreme Appeals Magistrates Match".split()
)


def _role_forms(role: str) -> str:
    """A pattern of the role word, its inflections (and a verb's: "refereed") and the words
    news uses for it, case-insensitive, as whole words, never a possessive ("the referee's
    decision" names no referee)."""
    forms = rf"{re.escape(role)}(?:s|es|d|ed|ing)?"
    if role in _ROLE_WORDS:
        forms += "|" + _ROLE_WORDS[role]
    return rf"(?i:\b(?:{forms}))\b(?!['’])"


# Someone speaking of the role's holder: "Jo Hale said the judge was wrong", "Hale blamed
# the referee" (the sentence's name is the speaker's).
_SPOKEN_OF = re.compile(
    r"\b(?:said|says|told|claimed|insisted|argued|believes|believed|criticised|criticized|"
    r"blamed|accused|attacked|praised|thanked|questioned|urged|asked|slammed|hit out at)\s+"
    r"(?:that\s+)?(?:the|a|an)\s+$",
    re.IGNORECASE,
)


def mentions_role(role: str, text: str, spoken_of: bool = True) -> bool:
    """Whether ``text`` says the role: its word or stem (not as a possessive nor a lesser role:
    "the referee's decision", "assistant referee Jo Hale"; nor, unless ``spoken_of``, as the
    one a speaker speaks of: "Jo Hale said the judge was wrong"), a word news uses for it, or
    a title that gives it ("Mr Justice Eady"). A capitalised word inside a name counts: "the
    House Budget Committee" names a committee."""
    stem = stem_word(role)
    # a hyphenated role is one word of the text ("scrum-half", "re-release"), as the question
    # wrote it; a plain one is a word between hyphens too ("judge-led")
    word = r"[A-Za-z]+(?:-[A-Za-z]+)+" if "-" in role else r"[A-Za-z]+"
    # an agent noun's bare stem is the activity or the thing, not the person: "best costume
    # design" names no designer, "their own" no owner, "took the lead" no leader (its verb
    # forms still say it: "designed by", "owned by")
    bare = (
        {role[:-2], role[:-1], f"{role[:-2]}s", f"{role[:-1]}s"}
        if role.endswith("er") and len(role) > 4
        else set()
    )
    for m in re.finditer(word, text):
        w = m.group(0).lower()
        if w in bare:
            continue
        if (w == role or stem_word(w) == stem) and not (
            re.match(r"['’]s?\b", text[m.end() :])
            or _LESSER_ROLE.search(text[max(0, m.start() - 20) : m.start()])
            or (not spoken_of and _SPOKEN_OF.search(text[max(0, m.start() - 40) : m.start()]))
        ):
            return True
    if role in _ROLE_WORDS and re.search(rf"(?i:\b(?:{_ROLE_WORDS[role]}))\b", text):
        return True
    # a closed compound written open or hyphenated: "my P800 smart phone" for a smartphone,
    # "a news-paper" (both halves of at least four letters: "the rapist" is no therapist,
    # "turn out" no turnout)
    if role.isalpha() and len(role) >= 8:
        for i in range(4, len(role) - 3):
            if re.search(rf"(?i:\b{role[:i]}[\s-]{role[i:]}s?)\b", text):
                return True
    return role in _ROLE_TITLES and re.search(_ROLE_TITLES[role], text) is not None


def gives_role(role: str, names: Iterable[str], text: str) -> bool:
    """Whether ``text`` gives the role to the name (one of its words) right beside it:
    "referee Neale Barry", "the referee, Neale Barry,", "the referee was Neale Barry",
    "refereed by Neale Barry", "Neale Barry, the referee", "Barry (referee)", "Barry, who was
    the referee", "Barry is the referee", "Barry, who refereed", "the Amicus union", "Mr
    Justice Eady". Not "Jo Hale, furious at referee Tom Vane" (another's title after a
    preposition) nor "Hale, who blamed the referee"."""
    key = tuple(sorted(set(names)))
    return bool(key) and next(_role_given(role, key, text), None) is not None


@lru_cache(maxsize=1024)
def _gives_role_pattern(role: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """``gives_role``'s pattern for one role and the sentence's new names (compiled once)."""
    r = _role_forms(role)
    n = rf"\b(?:{'|'.join(map(re.escape, names))})\b"
    lesser = r"(?<!assistant )(?<!fourth )(?<!video )(?<!Assistant )(?<!Fourth )(?<!Video )"
    # the role before the name, as a title, after a comma, a copula or "by"
    before = (
        rf"{lesser}{r}(?:,|{_SP}(?:is|was|will be|has been|by))?{_SP}"
        rf"(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?{_SP})?(?:{_NAME_TOKEN}{_SP}){{0,2}}{n}"
    )
    if role in _ROLE_TITLES:
        before += rf"|(?:{_ROLE_TITLES[role]}){_SP}(?:{_NAME_TOKEN}{_SP}){{0,2}}{n}"
    # the name, then the role: in apposition (with "who is/was"), after a copula, as a noun
    # after "the <name>", or as the role's verb ("who refereed")
    described = (
        rf"(?:(?:the|a|an|its|their|his|her){_SP}(?:[\w'’-]+{_SP}){{0,2}}?"
        rf"|(?:{_NAME_TOKEN}{_SP}){{0,2}})"
    )
    end = r"(?![^\S\n]+[A-Z])"
    after = (
        rf"{n}[ \t]*(?:,|\(|-|–)[ \t]*(?:(?:who|which){_SP}(?:is|was|has been|had been|will be)"
        rf"{_SP})?{described}{r}{end}"
        rf"|{n}{_SP}(?:is|was|will be|has been|had been|became){_SP}"
        rf"(?:the|a|an){_SP}(?:[\w'’-]+{_SP}){{0,2}}?{r}{end}"
        rf"|(?i:\bthe){_SP}(?:{_NAME_TOKEN}{_SP}){{0,2}}{n}{_SP}{r}{end}(?!,?{_SP}[A-Z])"
        rf"|{n},?{_SP}who{_SP}(?:also{_SP}|has{_SP}|had{_SP})?"
        rf"(?i:{re.escape(role)}d|{re.escape(role)}ed)\b"
    )
    return re.compile(f"{before}|{after}")


def _role_given(role: str, names: tuple[str, ...], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``gives_role``'s pattern that are no role word inside another name."""
    n = rf"\b(?:{'|'.join(map(re.escape, names))})\b"
    for m in _gives_role_pattern(role, names).finditer(text):
        # (a capitalised role word after a capitalised word is inside another name: "European
        # Union Commissioner Jo Hale" gives no union)
        word = re.match(r"[A-Za-z]", m.group(0))
        prev = re.search(r"([A-Za-z][\w'’-]*)[ \t]+$", text[max(0, m.start() - 40) : m.start()])
        if (
            word
            and m.group(0)[0].isupper()
            and prev
            and prev.group(1)[0].isupper()
            and prev.group(1) not in _TITLE_QUALIFIERS
            and not re.match(n, m.group(0))
        ):
            continue
        yield m


# Verbs whose subject need hold no role: many say or criticise the same thing.
_SPEECH_VERBS = frozenset(
    "said says told tells warned claimed argued described criticised criticized praised blamed "
    "announced admitted insisted denied revealed suggested urged accused".split()
)
_PARTICLES = frozenset("off out up down back away over".split())
_OBJECT_ENDS = re.compile(
    r"\b(?:at|in|on|for|from|with|by|against|during|after|before|to|into|since|as|than|when|"
    r"while|because|and|or|last|this|next|if|despite|amid|under)\b|[?,;]"
)


def asked_event(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The verb of a "Which studio developed Blinx 2?" question (its base: "developed", "send"
    for "sent") and the words of its object ("blinx"; "injunction" of "granted the injunction
    against …"), or None: no such question, a modal ("will distribute"), or a verb of saying
    ("Which minister said …": many say the same)."""
    q = " ".join(asking_clause(question).split())
    m, subject = _which_noun(q)
    if m is None or not subject:
        return None
    v = re.match(r"([A-Za-z]+)\b", q[m.end() :])
    if v is None:
        return None
    verb = v.group(1).lower()
    if verb in ("will", "would", "can", "could") or verb in _SPEECH_VERBS:
        return None
    tail = q[m.end() + v.end() :].split()
    while tail and tail[0].lower() in _PARTICLES:
        tail = tail[1:]
    obj = _OBJECT_ENDS.split(" ".join(tail), maxsplit=1)[0]
    # (a model's name is one word, its digits with it: "V603SH", "G8")
    words = re.findall(r"[A-Za-z][A-Za-z0-9'’-]+", obj)
    lower = [w for w in words if w[0].islower() and w not in STOPWORDS]
    named = [w.lower() for w in words if w.lower() not in STOPWORDS]
    return _IRREGULAR.get(verb, verb), tuple(lower or named)


def states_asked_event(question: str, sentence: str, names: set[str]) -> bool:
    """Whether ``sentence`` states the event of a "Which studio developed Blinx 2?" question
    (its verb and object) with one of ``names`` as the doer: "Artoon developed Blinx 2",
    "Artoon, which employs 40, developed Blinx 2", "Blinx 2 was developed by Artoon". A
    court is no judge ("jailed by Southwark Crown Court")."""
    event = asked_event(question)
    if event is None or not names:
        return False
    verb, obj = event
    stems = {stem_word(w) for w in re.findall(r"[a-z0-9]+", sentence.lower())}
    if not all(stem_word(w.lower()) in stems for w in obj):
        return False
    # ("Jo Hale called the strike a disgrace" names what it was, not who called it)
    if (
        verb == "called"
        and obj
        and not re.search(
            rf"(?i:\b{re.escape(obj[-1])})\w*(?:\s*(?:[.,;]|$)|\s+(?:at|in|on|for|over|after|from|"
            r"against|last|this|next|by|across)\b)",
            sentence,
        )
    ):
        return False
    past = irregular_forms(verb)
    stem = stem_word(verb)
    doer = {n for n in names if n not in ("Court", "Tribunal")}
    for m in re.finditer(r"[a-z]+", sentence):
        w = m.group(0)
        if not (w in past or w == verb or stem_word(w) == stem):
            continue
        before, after = sentence[: m.start()], sentence[m.end() :]
        if not re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", before):
            pre = re.sub(
                r"(?:\s+(?:has|have|had|also|then|later|duly|who|which|that))+\s*$", "", before
            )
            pre = re.sub(r",\s*(?:who|which)\b[^,]{0,80},\s*$", "", pre)
            last = re.search(r"([A-Z][\w'’-]*)[,\s]*$", pre)
            # (not a name given another role: "Kite Motors boss Jo Hale called the strike …")
            titled = re.search(
                r"(?<![\w-])([a-z]+)\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*[,\s]*$", pre
            )
            if last and last.group(1) in doer and not (titled and titled.group(1) not in STOPWORDS):
                return True
        by = re.match(
            r"(?:\s+[\w'’£$€.-]+){0,3}?\s+by\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s*)+)", after
        )
        if (
            by
            and not re.search(r"\b(?:Court|Tribunal)\b", by.group(1))
            and any(t.strip(".") in doer for t in by.group(1).split())
        ):
            return True
    return False


# (owners that describe a kind only: "Which clubs' fans clashed?" asks the clubs — review78)
_PLURAL_OWNER = re.compile(
    r"^(?:(?:children|women|men|people)['’]s|(?:players|workers|teachers|consumers|pensioners|"
    r"parents|doctors|nurses|farmers|students|miners|drivers|journalists|artists|writers)['’])$"
)


def _which_noun(question: str) -> tuple[re.Match[str] | None, bool]:
    """The match of a "Which <noun> …?" question's noun, and whether it is the subject of
    the verb after it ("Which studio developed …?", ``_ROLE_SUBJECT``) rather than a noun
    before an auxiliary or a comma ("Which judge is presiding …?", ``_ROLE``). The noun
    nearer "which" wins: in "Which manufacturer developed the V603SH, the phone …" the noun
    is "manufacturer", not the "v603sh" before the comma."""
    q = " ".join(question.split())
    role = _ROLE.match(q.lower())
    subject = _ROLE_SUBJECT.match(q)
    if subject is not None and (
        role is None or len(subject.group(1).split()) < len(role.group(1).split())
    ):
        return subject, True
    return role, False


def asked_noun(question: str, kind: Kind | None) -> str | None:
    """The noun of a "Which judge is presiding …?" question ("judge"), or None. Categories
    ("which sectors") and kinds already checked (dates, places, numbers) have none."""
    question = asking_clause(question)
    m, subject = _which_noun(question)
    # "Which studio developed …?": the noun before the verb, unless it is a loose
    # description news rarely restates (an office, a body, a playing position)
    if m is None or (subject and m.group(2) in LOOSE_ROLES):
        return None
    noun = m.group(2)
    before = m.group(1).split()
    # "Which other club's manager vacancy …": the question asks which club
    # ("Which children's charity …", "which players' union …": a plural owner describes the
    # kind of thing asked, the charity or the union)
    owner = next((w for w in before if re.search(r"['’]s?$", w)), None)
    if owner is not None and not _PLURAL_OWNER.search(owner):
        noun = re.sub(r"['’]s?$", "", owner)
    if "of" in before[1:]:  # "Which committee of Congress did …": the committee
        head = before[before.index("of", 1) - 1]
        # not inside a name: "Which Department of Health official …" asks for an official
        if re.search(rf"\b{re.escape(head)}\s+of\s+[A-Z]", question):
            noun = head
    if noun in STOPWORDS or re.fullmatch(rf"(?:{CATEGORY_NOUNS})s?", noun) or kind is not Kind.NAME:
        return None
    return noun


# "What is the name of the <…> fellow who …?" / "… of the hotel where …": a person or a thing
# the question describes by a noun and a clause.
_NAME_OF_CLAUSE = re.compile(
    r"\bname of (?:the|a|an|its|his|her|their) (?:[\w'’-]+ ){0,8}?([a-z]+) "
    r"(who|whom|where|that|which)\b"
)


def described_noun(question: str) -> tuple[str, bool] | None:
    """The noun of "what is the name of the <noun> who/where/that …?" and whether it is a
    person's ("the China-focused fellow who described …" → ("fellow", True); "the Islington
    hotel where …" → ("hotel", False)), or None."""
    m = _NAME_OF_CLAUSE.search(" ".join(question.split()))
    if m is None or m.group(1) in STOPWORDS or m.group(1) in ANY_NAME_ROLES:
        return None
    return m.group(1), m.group(2) in ("who", "whom")


def asked_role(question: str, kind: Kind | None) -> str | None:
    """The role noun of a "Which judge is presiding …?" question ("judge"), or None. The
    evidence must mention it: a name from the article that fills another role (the defendant,
    a witness) does not answer. Roles any name fills (``ANY_NAME_ROLES``) and publications
    need no mention."""
    noun = asked_noun(question, kind)
    # (a title is any name only for a work: "which title took the racing award?" at the games
    # awards, not "which title did she win?" — review79)
    if noun in ("title", "titles") and not _WORK_CONTEXT.search(question):
        return noun
    return None if noun in ANY_NAME_ROLES or noun in _PUBLICATIONS else noun


_WORK_CONTEXT = re.compile(
    r"\b(?:games?|film|films|movie|book|books|novel|album|albums|song|single|track|show|series|"
    r"programme|play|musical|magazine|console)\b",
    re.IGNORECASE,
)


# "Who is the chief executive of X?": an office the answer holds, which the sentence naming
# the holder states ("USADA chief executive officer Terry Madden", "Taha Idris, director of
# …"); a name beside another office ("Ruhi Dogusoy, Turkcell's chief operating officer") or
# beside none does not answer. Offices only: "who is the singer filling in for …" may be
# answered by "…, who plays the Presley role".
_OFFICES = frozenset(
    "executive director chairman chairwoman chair president founder secretary agent chief head "
    "manager editor coach captain minister spokesman spokeswoman spokesperson governor mayor "
    "leader owner boss producer presenter treasurer commissioner ambassador officer referee "
    "chancellor".split()
)
# Words news uses for the same office (or the verb it states it with: "founded by").
_OFFICE_SYNONYMS = {
    "chief": ("boss", "head"),
    "head": ("boss", "chief"),
    "boss": ("chief", "head", "manager"),
    "executive": ("ceo",),
    "chairman": ("chair", "chairwoman"),
    "chairwoman": ("chair", "chairman"),
    "chair": ("chairman", "chairwoman"),
    "manager": ("boss", "coach"),
    "coach": ("boss", "manager"),
    "captain": ("skipper", "captained"),
    "spokesman": ("spokeswoman", "spokesperson"),
    "spokeswoman": ("spokesman", "spokesperson"),
    "leader": ("head", "boss", "led", "leads"),
    "founder": ("founded", "co-founded"),
    "owner": ("owned", "owns"),
    "editor": ("edited", "edits"),
    "director": ("directed",),
    "chief executive": ("ceo", "chief exec", "boss", "head of"),
    "prime minister": ("premier",),
}
# Modifiers that make a longer office ("chief executive", "managing director", "deputy prime
# minister"): the sentence must give the whole of it, as whole words ("chief operating
# officer" is another office, "deputy chief executive" another person).
_OFFICE_MODIFIERS = frozenset(
    "chief managing prime deputy vice general finance foreign executive assistant operating "
    "financial technical technology information marketing commercial".split()
)
_LESSER = ("deputy", "vice", "assistant", "acting", "former")
_WHO_HOLDS = re.compile(
    r"^\s*(?i:according to [^,]*,\s*)?(?i:who)\s+(?:"
    r"(?:is|was|will be|has been|had been|became)\s+"
    # (the holder's owner may be a full name after a description: "long jumper Jade Johnson's")
    r"(?:the|its|their|his|her|(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w'’.-]*\s+){0,3}"
    r"[A-Z][\w'’.-]*['’]s?)|"
    # "Who was named coach of the year?", "Who has been appointed chief executive?" (the
    # office the naming gives: "named player of the year" names no coach)
    r"(?:is|was|were|will be|has been|had been)\s+(?:named|appointed|elected|voted|crowned)"
    r"(?:\s+as)?(?:\s+(?:the|its|their|his|her|a|an))?|"
    # "Who took over as chief executive of X?", "Who stepped in as captain?"
    r"(?:took|takes|has taken|had taken|will take)\s+over\s+as(?:\s+(?:the|its|their))?|"
    r"(?:stepped|steps|has stepped|will step)\s+in\s+as(?:\s+(?:the|its|their))?"
    r")\s+((?:[\w'’.-]+\s+){0,5}?)([a-z]+)"
    r"(?=\s+(?:of|at|for|who|whom|that|in|on|with)\b|\s*[,?])"
)


def asked_office(question: str) -> str | None:
    """The office of a "Who is the <office> of X?" question ("chief executive", "deputy prime
    minister", "director"), or None (the caller asks it of one-part questions only)."""
    m = _WHO_HOLDS.match(asking_clause(question))
    if m is None:
        return None
    words = [*m.group(1).lower().split(), m.group(2)]
    if words[-3:] == ["chief", "executive", "officer"]:  # a chief executive
        words = words[:-1]
    if words[-1] not in _OFFICES:
        return None
    start = len(words) - 1
    while start > 0 and words[start - 1] in _OFFICE_MODIFIERS:
        start -= 1
    return " ".join(words[start:])


def mentions_office(office: str, sentence: str) -> bool:
    """Whether ``sentence`` gives ``office`` (``asked_office``) or a word news uses for it, as
    whole words and not as a lesser office ("deputy chairman" for "chairman"); one word in any
    inflection."""
    text = " ".join(re.findall(r"[a-z]+(?:-[a-z]+)?", sentence.lower()))
    lesser = "" if office.startswith(_LESSER) else rf"(?<!{')(?<!'.join(w + ' ' for w in _LESSER)})"
    for form in (office, *_OFFICE_SYNONYMS.get(office, ())):
        if " " in form and re.search(rf"{lesser}\b{re.escape(form)}\b", text):
            return True
        if " " not in form:
            stem = stem_word(form)
            for m in re.finditer(r"[a-z]+(?:-[a-z]+)?", text):
                if (m.group(0) == form or stem_word(m.group(0)) == stem) and not re.search(
                    rf"\b(?:{'|'.join(_LESSER)}) $", text[: m.start()]
                ):
                    return True
    return False


# A run of capitalised words (joined by "of", "the", "and", "&", "for"): an organisation's
# name beside an office ("Microsoft boss", "chief executive of Yahoo", "Association of Chief
# Police Officers president").
_ORG_RUN = r"[A-Z][\w&.'’-]*(?:[ \t]+(?:(?:of|the|and|for|&)[ \t]+)*[A-Z][\w&.'’-]*)*"
_RUN_BEFORE = re.compile(rf"({_ORG_RUN})(?:['’]s?)?[ \t]+$")
_JOINED_AS = re.compile(
    rf"\b(?:joined|join|joins|joining)[ \t]+(?:the[ \t]+)?({_ORG_RUN})[ \t]+as[ \t]+"
    r"(?:its[ \t]+|their[ \t]+|the[ \t]+|a[ \t]+|an[ \t]+)?(?:new[ \t]+)?$"
)
# Capitalised words beside an office that name no organisation: they open a sentence or
# qualify the office ("Former chief executive", "Acting head", "The new boss").
_NOT_ORG_WORDS = (
    frozenset(
        "a an the its their his her our my your this that former new acting interim joint current "
        "outgoing incoming ex then deputy vice assistant senior junior chief managing executive "
        "general mr mrs ms dr sir lord lady dame club team company firm group party union "
        "government state national international world global however meanwhile yesterday today "
        "tonight now also last earlier later since although though when while easter christmas "
        "veteran embattled beleaguered newly long-serving professor yet indeed "
        "speaking under".split()
    )
    | frozenset(w.lower() for w in WEEKDAYS)
    | frozenset(w.lower() for w in MONTHS)
)
_OFFICE_JOINERS = frozenset("of the and for".split())


def _org_initials(words: Iterable[str]) -> str:
    """An organisation's initials: all the letters of a word in capitals ("US Anti-Doping
    Agency" is "usada"), none of a joining word."""
    return initials(words, skip=_OFFICE_JOINERS, whole_acronyms=4)


def _org_words(run: str) -> list[str]:
    """The words of a capitalised run that may name an organisation (lower case)."""
    words = [w.lower().strip(".'’") for w in re.split(r"[ \t]+", run)]
    # (a sentence's opening word is no organisation: "But general secretary …")
    return [
        w
        for w in words
        if w and w not in _NOT_ORG_WORDS and w not in NATIONALITY_WORDS and w not in STOPWORDS
    ]


@dataclass(frozen=True)
class _AskedOrganisation:
    """What a "who is the <office> of …?" question says of the organisation: its words (to
    their first five letters, the office's words and common words left out) and its runs
    of capitalised words (for initials: "UKIF" is the UK Internet Forum)."""

    prefixes: frozenset[str]
    runs: tuple[tuple[str, ...], ...]

    def same(self, run: str) -> bool:
        """Whether a run beside an office may be the question's organisation: a word they
        share, or one the other's initials."""
        # (a possessive's "s" and an article are no part of the name: "The VRA's")
        raw = [w for w in re.findall(r"[A-Za-z0-9]+", run) if w not in ("s", "The", "the")]
        if any(w.lower()[:5] in self.prefixes for w in raw if len(w) > 1):
            return True
        compact = "".join(raw).lower()
        return len(compact) > 1 and any(
            _org_initials(q) == compact or _org_initials(raw) == "".join(q).lower()
            for q in self.runs
        )


@lru_cache(maxsize=1024)
def _asked_organisation(office: str, question: str) -> _AskedOrganisation:
    """``_AskedOrganisation`` of a question (read once per question: thread-safe cache)."""
    office_words = {w for form in (office, *_OFFICE_SYNONYMS.get(office, ())) for w in form.split()}
    prefixes = frozenset(
        w[:5]
        for w in re.findall(r"[a-z0-9]+", question.lower())
        if len(w) > 1 and w not in STOPWORDS and w not in _NOT_ORG_WORDS and w not in office_words
    )
    runs = tuple(
        tuple(re.findall(r"[A-Za-z0-9]+", m.group(0)))
        for m in re.finditer(_ORG_RUN, question)
        if _org_words(m.group(0))  # (not the question's "Who")
    )
    return _AskedOrganisation(prefixes, runs)


def office_of_another(office: str, question: str, sentence: str) -> bool:
    """Whether every mention of the asked office (``asked_office``, or a word news uses for
    it) in ``sentence`` is given to an organisation the question does not name: "Microsoft
    boss Bill Gates" does not answer "Who is the boss of Sony?", nor "Parry joined Liverpool
    as chief executive" "Who is the chief executive of the BBC?". An office beside no
    organisation ("said chief executive Jo Hale"), beside a nationality ("German finance
    minister"), or beside a name that may be the question's (a word of the question, its
    initials) leaves the sentence to the other checks."""
    asked = _asked_organisation(office, question)
    mentions = 0
    for form in (office, *_OFFICE_SYNONYMS.get(office, ())):
        for m in re.finditer(rf"(?i:\b{re.escape(form)}(?:s|es)?\b)", sentence):
            mentions += 1
            # (the words just before and after are what give the office: bounded, so a long
            # sentence costs no more than a short one)
            before = sentence[max(0, m.start() - _CONTEXT) : m.start()]
            after = sentence[m.end() : m.end() + _CONTEXT]
            heads = _runs_before(before)
            # after "of", "at", "for": every capitalised run up to the end of the phrase may
            # be the asked one ("of FTSE 100 firm Valmora", "of Acme parent Valmora"), but
            # only one opening it is another's ("of Acme", "of a Eurosceptic party"): a name
            # later in it may be the holder ("boss of the union Jo Hale")
            if form.endswith(" of"):
                phrase = re.match(r"^[ \t]+([^,;:.()\n]*)", after)
            else:
                phrase = re.match(r"^[ \t]+(?:of|at|for)[ \t]+([^,;:.()\n]*)", after)
            later: list[str] = []
            if phrase is not None:
                runs = [r for r in re.finditer(_ORG_RUN, phrase.group(1)) if _org_words(r.group(0))]
                if runs and re.fullmatch(
                    r"(?:(?:the|a|an)[ \t]+)?", phrase.group(1)[: runs[0].start()]
                ):
                    heads.append(runs.pop(0).group(0))
                later = [r.group(0) for r in runs]
            heads = [run for run in heads if _org_words(run)]
            if not heads or any(asked.same(run) for run in heads + later):
                return False
    return mentions > 0


_CONTEXT = 200
# One word opening a sentence that describes rather than names: "Embattled", "Speaking",
# "Newly", "Long-serving" (an organisation's name there counts: "Acme boss Jo Hale said").
_OPENER = re.compile(r"[A-Z][a-z]*(?:ed|ing|ly)|[A-Z][a-z]+-[a-z]+")
_APPOINTED = re.compile(
    r"\b(?:named|names|naming|appointed|appoints|appointing|made|makes|making|elected|"
    r"elects|electing)[ \t]+$"
)


def _runs_before(before: str) -> list[str]:
    """The capitalised run just before an office ("Microsoft boss"), and the one of "joined
    Acme as chief executive"; not a describing word opening the sentence ("Embattled chief
    executive …", ``_OPENER``), nor who is appointed ("named Jo Hale chief executive")."""
    runs = []
    m = _RUN_BEFORE.search(before)
    if m is not None:
        opening = not before[: m.start(1)].strip(" \t\"“‘'(")
        if not (opening and _OPENER.fullmatch(m.group(1).strip())) and not _APPOINTED.search(
            before[: m.start(1)]
        ):
            runs.append(m.group(1))
    joined = _JOINED_AS.search(before)
    if joined is not None:
        runs.append(joined.group(1))
    return runs


def names_organisation(office: str, question: str, text: str) -> bool:
    """Whether ``text`` names the organisation of a "who is the <office> of …?" question in
    some form: a word of the question (to its first five letters, in any case: "the
    gallery's director" for the National Gallery), or its initials ("LTA", "UKIF"), or it
    spelt out for the question's initials. True when the question says nothing of one."""
    asked = _asked_organisation(office, question)
    if not asked.prefixes and not asked.runs:
        return True
    words = re.findall(r"[A-Za-z0-9]+", text)
    if any(w.lower()[:5] in asked.prefixes for w in words if len(w) > 1):
        return True
    return any(asked.same(m.group(0)) for m in re.finditer(_ORG_RUN, text))
