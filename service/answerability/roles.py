"""Roles and events a question names: the event of "who won …?" (``event_verb``,
``mentions_event``) and the role noun of "which judge …?" (``asked_noun``, ``asked_role``),
which the evidence must mention."""

from __future__ import annotations

import re

from service.answerability.kinds import Kind
from service.answerability.lexicon import _CATEGORY_NOUNS, _PUBLICATION_ENDS, _WEEKDAYS
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


def event_verb(question: str) -> str | None:
    """The base form of the past-tense verb of a "who <verb>ed …?" question (who won, who
    bought, who founded), or of a role verb in the present ("who presents / runs / chairs
    …": the presenter, the chairman), or None. Questions with a modal or a copula ("who
    will run", "who is") are left alone."""
    m = _WHO_EVENT.match(question)
    if not m or re.match(r"\s+as\b", question[m.end() :]):  # "who acted as …" is a role
        return None
    verb = m.group(1).lower()
    # "Who took Steve Borthwick's place?": a replacement, which news states as "replaces"
    if _TAKES_PLACE.match(question[m.start(1) :]):
        return "replace"
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
    if verb == "replace" and _REPLACES.search(text):
        return True
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


# Nouns a "Which <noun> <verb> …?" question uses loosely: an office ("Which Shanghai party
# chief told …" — "Party Secretary Chen Jining"), a body ("Which trade body organised …" —
# "the Internet Service Providers' Association") or a playing position ("Which striker
# missed …", of a player the match report never calls one).
_LOOSE_ROLES = frozenset(
    "chief chiefs head heads leader leaders boss bosses official officials body bodies "
    "organisation organisations organization organizations group groups striker strikers "
    "forward forwards midfielder midfielders defender defenders goalkeeper goalkeepers keeper "
    "winger wingers batsman batsmen bowler bowlers national nationals citizen citizens".split()
)
# "Which studio developed …?", "Which judge granted …?": the noun before the question's verb.
_ROLE_SUBJECT = re.compile(
    # (read in the question's own case: a capitalised word is a name, not the noun — "Which
    # two Middlesbrough strikers ended …" asks for strikers, "Which three DJs will …" no role)
    r"^\s*(?i:which)\s+((?:[\w'’-]+\s+){0,3}?)([a-z][\w'’-]*)\s+(?=(?i:[a-z]+ed|[a-z]{3,}[^s\W']s|"
    r"made|won|led|took|gave|wrote|ran|beat|built|sold|bought|paid|struck|held|met|told|"
    r"brought|chose|drew|hit|kept|left|lost|put|sent|spent|became|began|will|would|can|could)\b)"
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
    "politician politicians executive executives boss bosses member members star stars "
    # a place is named by its name: "at the Royal Society" names the venue
    "venue venues location locations".split()
)
# A character or part is named by who plays it: "she played Marie Jackson", "cast as Lear".
_PLAYED_ROLES = frozenset("character characters".split())
_PLAYED = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\bnew )\b(?:play|plays|played|playing|portray\w*|voices?|voiced|"
    r"voicing|(?:cast|starr?(?:s|ed|ing)?|known|appears?|appeared|(?:role|part)) as|"
    r"(?:role|part) of|reprises?|reprised|reprising)\s+(?:(?:the|a|an)\s+(?:[a-z-]+\s+){0,2})?[A-Z]"
)
# A programme or channel is named by whom one told or spoke on ("she told the BBC's
# Breakfast with Frost", "Lee told Bloomberg TV"), not a person ("told Mr Smith").
_MEDIA_ROLES = frozenset(
    "channel channels programme programmes program show station network".split()
)
# (nor a body, a news agency, a party or a day: "told MPs", "told Reuters", "said on Sunday";
# nor a newspaper: "told the Sunday Times")
_TOLD_MEDIA = re.compile(
    r"\b(?i:told|telling|speaking (?:to|on)|talking to|appearing on|said on|interviewed (?:by|on)|"
    r"(?:an )?interview (?:with|on))\s+(?:the\s+)?"
    r"(?!(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Miss|MPs?|Parliament|Commons|Lords|Congress|Reuters|"
    rf"{'|'.join(d.capitalize() for d in _WEEKDAYS)}|Labour|Conservative|Tory|UN)\b)"
    rf"(?!(?:[A-Z][\w'’]*\s+)*(?:{'|'.join(sorted(_PUBLICATION_ENDS))})\b)(?:al-)?[A-Z]|"
    r"\b(?:BBC|ITV|GMTV|Sky|CNN|MTV|Radio)\b[\w\s'’]{0,12}\binterview\b"
)
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
        # "Which studio developed …?": the noun before the verb, unless it is a loose
        # description news rarely restates (an office, a body, a playing position)
        m = _ROLE_SUBJECT.match(" ".join(question.split()))
        if m is None or m.group(2) in _LOOSE_ROLES:
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
    if m is None or m.group(1) in STOPWORDS or m.group(1) in _ANY_NAME_ROLES:
        return None
    return m.group(1), m.group(2) in ("who", "whom")


def asked_role(question: str, kind: Kind | None) -> str | None:
    """The role noun of a "Which judge is presiding …?" question ("judge"), or None. The
    evidence must mention it: a name from the article that fills another role (the defendant,
    a witness) does not answer. Roles any name fills (``_ANY_NAME_ROLES``) and publications
    need no mention."""
    noun = asked_noun(question, kind)
    return None if noun in _ANY_NAME_ROLES or noun in _PUBLICATIONS else noun


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
    r"^\s*(?i:according to [^,]*,\s*)?(?i:who)\s+(?:is|was|will be|has been|had been|became)\s+"
    r"(?:the|its|their|his|her|[A-Z][\w'’.-]*['’]s?)\s+((?:[\w'’.-]+\s+){0,5}?)([a-z]+)"
    r"(?=\s+(?:of|at|for|who|whom|that|in|on|with)\b|\s*[,?])"
)


def asked_office(question: str) -> str | None:
    """The office of a "Who is the <office> of X?" question ("chief executive", "deputy prime
    minister", "director"), or None (the caller asks it of one-part questions only)."""
    m = _WHO_HOLDS.match(question)
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
