"""Boilerplate removal and metadata (title, publication date) for raw article text.

Written by hand: llama-index and the HTML extractors work on markup, while the sample articles
are plain text already saved from web pages, with the page chrome (teaser lists, newsletter
boxes, icon alt text, disclaimers) flattened into lines. The rules are deliberately
conservative: a line is removed only when it matches a known chrome pattern, and a whole tail
is cut only at a known section heading that sits in the second part of the text, so article
body is never removed (tests check both directions on the sample articles).
"""

from __future__ import annotations

import email.utils
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from service.dates import MONTHS as _MONTHS

# Section headings after which everything is page chrome (related links, teasers, newsletters).
_TAIL_HEADINGS = re.compile(
    r"^(articles you may like|deep dive|related articles|related stories|more from .{1,40}|"
    r"read more|recommended( for you)?|you may also like|stay connected|"
    r"explore more newsletters|most read|trending now)$",
    re.IGNORECASE,
)
# A tail heading only cuts when at least this share of the text comes before it.
_TAIL_MIN_POSITION = 0.3

# Whole lines that are page chrome wherever they stand.
_JUNK_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^source link$",
        r"^share this (article|story|page)$",
        r"^skip to (main )?content$",
        r"^in this article$",
        r"^supported by$",
        r"^advertisement$",
        r"^arrow (down|up|left|right)$",
        r"^sources?:\s.*$",  # aggregator attributions ("Sources: Nikkei, Breaking Defense")
        r"^disclaimer\b.*$",
        r"^about the author\b.*$",
        r"^(sign up|subscribe)\b.{0,80}(newsletter|updates|inbox).*$",
        r"^get the latest updates from$",
        r"^discover special offers, top stories.*$",
        r"^thank you for submitting your email!?$",
        r"^it looks like something went wrong\.?$",
        r"^we[’']re having trouble saving your preferences.*$",
        r"^illustration by [^.]{1,60}$",
        r"^.{1,60}:\s*global insights on today[’']s biggest stories\.?$",
    )
]
# Short lines naming an icon or logo are image alt text.
_ALT_TEXT = re.compile(r"^(?:\S+\s+){0,3}\S*\b(icon|logo|image)\b\S*$", re.IGNORECASE)
# Photo credits: short lines ending with an agency name, without sentence punctuation.
_PHOTO_CREDIT = re.compile(
    r"^[^.!?]{0,80}(getty images|reuters|afp|ap photo|shutterstock|bloomberg via getty)$",
    re.IGNORECASE,
)
# In-line chrome inside a body line: bylines and machine-translation notices.
# Order matters: the notice and the "In Brief" label go first so that the byline pattern
# (two-word names) stops where the body starts.
_INLINE_JUNK = [
    re.compile(
        r"To improve your local-language experience,.*?for precise information\.\s*",
        re.IGNORECASE,
    ),
    re.compile(r"\bIn Brief\s+"),
    re.compile(r"^(?:by [A-Z][\w.’'-]+ [A-Z][\w.’'-]+\s+)+"),
]

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# An HTML character reference left in saved text ("Jos&#233;", "&pound;", "&amp;"), closed by
# its semicolon. Only closed ones: ``html.unescape`` alone would also read HTML's legacy
# unterminated names inside plain words ("&notice" as "¬ice", "&copy" in "R&copy").
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What a reference may not turn into: controls, invisible format characters (soft hyphen,
# direction overrides), line and paragraph separators, private or unassigned code points.
_UNSAFE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PREFIX = r"^(?:date|published|posted|updated)?:?\s*"
_DATE_PATTERNS = [
    # "date 2023-12-05 Title…", "2023-12-05"
    re.compile(_DATE_PREFIX + r"(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b(?P<rest>.*)$", re.I),
    # "Mon. Feb 26th, 2024", "September 18, 2018"
    re.compile(_DATE_PREFIX + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"$", re.I),
    # "18 September 2018"
    re.compile(_DATE_PREFIX + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"$", re.I),
]
# Only the head of an article carries its dateline; later dates are events in the story.
_DATELINE_SEARCH_LINES = 10


@dataclass(frozen=True)
class CleanText:
    """Result of cleaning: the canonical text and the metadata read from it."""

    text: str
    title: str
    published: str | None


def decode_character_references(text: str) -> str:
    """``text`` (plain text saved from a web page) with its closed HTML character references
    decoded ("Jos&#233;" → "José", "&lt;" → "<"), once. Stays as written: a name HTML does
    not define whole ("M&S;", "&copyright;": not "©right;"), an invalid number ("&#0;"), and a
    reference to a character that would change the text's shape rather than spell it (a line
    break, a control, a soft hyphen, a direction override). Only plain-text files are decoded
    (``sources.load_file``): an HTML page's parser has decoded its text already, and a record
    sent as JSON is stored as sent."""
    if "&" not in text:
        return text

    def decode(m: re.Match[str]) -> str:
        ref = m.group(0)
        if not ref.startswith("&#") and ref[1:] not in html.entities.html5:
            return ref
        out = html.unescape(ref)
        if out == "\ufffd" or any(unicodedata.category(c) in _UNSAFE_CATEGORIES for c in out):
            return ref
        return out

    return _CHAR_REFERENCE.sub(decode, text)


def normalize_text(text: str) -> str:
    """Unicode NFC, one kind of space and newline, no trailing blanks, at most one empty line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def _is_junk_line(line: str) -> bool:
    if any(p.match(line) for p in _JUNK_LINES):
        return True
    return bool(len(line) <= 60 and _ALT_TEXT.match(line)) or _is_photo_credit(line)


def _is_photo_credit(line: str) -> bool:
    return len(line) <= 60 and bool(_PHOTO_CREDIT.match(line))


def _is_caption(line: str, next_line: str) -> bool:
    """A photo caption: a sentence directly above a photo credit line. It describes the
    picture, often of another occasion ("X participates in a meeting in Madrid, 2022"), so it
    is page furniture like the credit, not the article's statement. A dateline is kept."""
    return (
        _is_photo_credit(next_line)
        and len(line.split()) >= 6
        and line.rstrip().endswith(".")
        and parse_dateline(line) is None
    )


def remove_boilerplate(text: str) -> str:
    """Remove page chrome from normalized article text; keeps every body line."""
    lines = text.split("\n")
    total = len(text) or 1
    seen = 0
    for i, line in enumerate(lines):
        if _TAIL_HEADINGS.match(line) and seen / total >= _TAIL_MIN_POSITION:
            lines = lines[:i]
            break
        seen += len(line) + 1

    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        # A short line rendered twice in a row is alt text of a picture (icon, logo, arrow).
        doubled = (i + 1 < len(lines) and lines[i + 1] == line) or (i > 0 and lines[i - 1] == line)
        if doubled and len(line.split()) <= 4:
            continue
        if _is_junk_line(line):
            continue
        if _is_caption(line, lines[i + 1] if i + 1 < len(lines) else ""):
            continue
        for pattern in _INLINE_JUNK:
            line = pattern.sub("", line)
        if line.strip():
            kept.append(line.strip())
    return normalize_text("\n".join(kept))


def parse_dateline(line: str) -> tuple[str, str] | None:
    """If ``line`` starts with a dateline, return (ISO date, rest of the line)."""
    for pattern in _DATE_PATTERNS:
        m = pattern.match(line.strip())
        if not m:
            continue
        groups = m.groupdict()
        try:
            if groups.get("iso"):
                d = date.fromisoformat(groups["iso"])
            else:
                d = date(int(groups["year"]), _MONTHS[groups["month"].lower()], int(groups["day"]))
        except ValueError:
            continue
        return d.isoformat(), (groups.get("rest") or "").strip()
    return None


# The forms a record's or a request's ``published`` may take, for messages.
PUBLISHED_FORMS = (
    "e.g. 2005-01-03, 2005-01-03T10:00:00Z, 'Mon, 03 Jan 2005 10:00:00 GMT' or '3 January 2005'"
)


def published_date(value: str) -> date | None:
    """The day a ``published`` field names, or None when it names none.

    Accepts what feeds and exports write: ISO 8601 dates and timestamps (``datetime``'s
    parser: "2005-01-03", "20050103", "2005-01-03T10:00:00+00:00"), RFC 2822 as in RSS
    (``email.utils``: "Mon, 03 Jan 2005 10:00:00 GMT") and the datelines articles print ("3
    January 2005", "January 3, 2005"). The day is the one written, whatever the time zone.
    A numeric day/month ("03/01/2005") is ambiguous and refused.
    """
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if re.match(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)", text):  # an ISO day before another clock
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    for pattern in _DATE_PATTERNS[1:]:  # the dateline forms, whole
        m = pattern.match(text)
        if m and not (m.groupdict().get("rest") or "").strip():
            groups = m.groupdict()
            try:
                return date(
                    int(groups["year"]), _MONTHS[groups["month"].lower()], int(groups["day"])
                )
            except ValueError:
                return None
    return None


def find_published(text: str) -> str | None:
    """The publication date stated in the head of the article, as an ISO date."""
    lines = [line for line in text.split("\n") if line.strip()][:_DATELINE_SEARCH_LINES]
    for line in lines:
        parsed = parse_dateline(line)
        if parsed:
            return parsed[0]
    return None


def _first_sentence(line: str, limit: int = 150) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", line)
    sentence = m.group(1) if m else line
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _looks_like_heading(line: str) -> bool:
    return len(line.split()) <= 20 and not line.rstrip().endswith((".", ":", ";"))


def find_title(text: str) -> str:
    """Title: the first non-empty line, without a dateline prefix or a section label before it.

    A pure dateline is passed over; a short label ("Technology") directly above a
    headline-shaped line is a section kicker, and the headline is the title.
    """
    lines = [line.strip().lstrip("#").strip() for line in text.split("\n") if line.strip()]
    candidates: list[str] = []
    for line in lines:
        parsed = parse_dateline(line)
        if parsed is not None:
            if parsed[1]:
                candidates.append(parsed[1])
            continue
        candidates.append(line)
        if len(candidates) >= 2:
            break
    if not candidates:
        return ""
    first = candidates[0]
    if (
        len(candidates) > 1
        and len(first.split()) <= 3
        and _looks_like_heading(first)
        and _looks_like_heading(candidates[1])
        and len(candidates[1]) > len(first)
    ):
        first = candidates[1]
    return first if _looks_like_heading(first) else _first_sentence(first)


def clean_article(raw: str) -> CleanText:
    """Normalize, strip boilerplate and read title and date: the canonical form of an article."""
    text = remove_boilerplate(normalize_text(raw))
    return CleanText(text=text, title=find_title(text), published=find_published(text))
