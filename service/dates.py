"""Publication dates: one type (``datetime.date``) everywhere in the code, converted to and
from what Chroma stores in one place.

Chroma metadata holds a date twice: ``published`` as ISO text (for reading) and
``published_ord`` as the integer YYYYMMDD (0 when unknown), because Chroma's range operators
(``$gte``/``$lte``) work on numbers only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (``YYYY-MM-DD``, longer ISO timestamps are cut to the day) or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def date_ord(value: date | None) -> int:
    """``value`` as the integer YYYYMMDD; 0 when unknown (sorts before every real date)."""
    return value.year * 10000 + value.month * 100 + value.day if value else 0


def date_metadata(value: date | None) -> dict[str, Any]:
    """The Chroma metadata fields of a publication date."""
    return {"published": value.isoformat() if value else "", "published_ord": date_ord(value)}


def date_from_metadata(meta: Mapping[str, Any]) -> date | None:
    """The publication date stored by ``date_metadata`` (None when absent)."""
    return parse_date(str(meta.get("published") or "") or None)


# -- time in questions ---------------------------------------------------------------------------
#: Month names and abbreviations → month number (also used to read datelines at ingest).
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+)?"
_YEAR = r"(?P<{0}>(?:19[5-9]\d|20\d\d))\b"


def _period(month: str | None, year: str) -> tuple[date, date]:
    """First and last day of a year, or of a month of it."""
    y = int(year)
    if not month:
        return date(y, 1, 1), date(y, 12, 31)
    m = MONTHS[month.lower()]
    last = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return date(y, m, 1), last


def _when(name: str = "") -> str:
    return _MONTH.format(f"m{name}") + _YEAR.format(f"y{name}")


_BETWEEN = re.compile(r"\bbetween\s+" + _when("1") + r"\s+and\s+" + _when("2"), re.I)
_BEFORE = re.compile(r"\b(?:before|until|till|prior\s+to|earlier\s+than)\s+" + _when(), re.I)
_AFTER = re.compile(r"\b(?P<op>after|since|later\s+than)\s+" + _when(), re.I)
_IN = re.compile(r"\b(?:in|during|of|from|throughout)\s+" + _when(), re.I)
_BARE_MONTH_YEAR = re.compile(
    r"\b(?P<m>" + "|".join(k for k in MONTHS if len(k) > 3) + r")\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_RELATIVE_YEAR = re.compile(r"\b(?P<which>last|this|previous|past)\s+year\b", re.I)
_LATEST = re.compile(
    r"\b(?:latest|most\s+recent(?:ly)?|newest|recently|these\s+days|currently|nowadays)\b", re.I
)


@dataclass(frozen=True)
class TimeScope:
    """The time a question asks about: a date range (either end open) and/or "the latest".

    It is a preference, never a filter: retrieval ranks passages dated inside the range (or
    newest first, for "the latest") higher, and undated articles keep their place.
    """

    after: date | None = None
    before: date | None = None
    latest: bool = False
    phrase: str = ""

    def contains(self, value: date | None) -> bool:
        """Whether a dated article falls inside the range (undated ones never do)."""
        if value is None:
            return False
        return (self.after is None or value >= self.after) and (
            self.before is None or value <= self.before
        )


def time_scope(question: str, reference: date) -> TimeScope | None:
    """The time expression of a question, or None.

    Understood: "in/during [Month] YYYY", "Month YYYY", "before/until …", "after/since …",
    "between … and …", "last/this year" (relative to ``reference``: the service passes the
    newest article's date, because a news archive's "last year" is the year before its latest
    news, not before today), and "the latest / most recent / recently". Events ("before the
    Geneva talks") are not resolved to dates.
    """
    latest = bool(_LATEST.search(question))
    if m := _BETWEEN.search(question):
        first, _ = _period(m["m1"], m["y1"])
        _, last = _period(m["m2"], m["y2"])
        return TimeScope(min(first, last), max(first, last), latest, m[0])
    if m := _BEFORE.search(question):
        first, _ = _period(m["m"], m["y"])
        return TimeScope(None, first - timedelta(days=1), latest, m[0])
    if m := _AFTER.search(question):
        first, last = _period(m["m"], m["y"])
        start = first if m["op"].lower() == "since" else last + timedelta(days=1)
        return TimeScope(start, None, latest, m[0])
    if m := (_IN.search(question) or _BARE_MONTH_YEAR.search(question)):
        first, last = _period(m["m"], m["y"])
        return TimeScope(first, last, latest, m[0])
    if m := _RELATIVE_YEAR.search(question):
        year = reference.year - (m["which"].lower() != "this")
        return TimeScope(date(year, 1, 1), date(year, 12, 31), latest, m[0])
    if latest:
        return TimeScope(latest=True, phrase="latest")
    return None
