"""Time expressions in questions (service.dates.time_scope)."""

from __future__ import annotations

from datetime import date

import pytest

from service.dates import TimeScope, time_scope
from service.ingestion.clean import published_date

NEWEST = date(2024, 2, 26)


@pytest.mark.parametrize(
    ("question", "after", "before"),
    [
        ("What happened in 2023?", date(2023, 1, 1), date(2023, 12, 31)),
        ("Who met Brad Smith in March 2023?", date(2023, 3, 1), date(2023, 3, 31)),
        ("What was agreed during February 2024?", date(2024, 2, 1), date(2024, 2, 29)),
        ("What did China say before 2020?", None, date(2019, 12, 31)),
        ("What changed before June 2021?", None, date(2021, 5, 31)),
        ("What happened after 2019?", date(2020, 1, 1), None),
        ("Which deals were signed since 2019?", date(2019, 1, 1), None),
        ("Trade between 2018 and 2022", date(2018, 1, 1), date(2022, 12, 31)),
        ("What did Microsoft announce last year?", date(2023, 1, 1), date(2023, 12, 31)),
        ("What did Microsoft announce this year?", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_ranges(question: str, after: date | None, before: date | None) -> None:
    scope = time_scope(question, NEWEST)
    assert scope is not None and (scope.after, scope.before) == (after, before)


def test_latest_and_no_time() -> None:
    assert time_scope("What is the latest on the AI talks?", NEWEST) == TimeScope(
        latest=True, phrase="latest"
    )
    assert time_scope("Who met Brad Smith?", NEWEST) is None
    assert time_scope("Which 5 companies met in Beijing?", NEWEST) is None


def test_contains_never_holds_for_undated_articles() -> None:
    scope = TimeScope(date(2023, 1, 1), date(2023, 12, 31))
    assert scope.contains(date(2023, 6, 1)) and not scope.contains(date(2022, 12, 31))
    assert not scope.contains(None)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2005-01-03", date(2005, 1, 3)),
        ("20050103", date(2005, 1, 3)),
        ("2005-01-03T10:00:00Z", date(2005, 1, 3)),
        ("2005-01-03 10:00:00 +0000", date(2005, 1, 3)),
        ("Mon, 03 Jan 2005 10:00:00 GMT", date(2005, 1, 3)),
        ("Mon, 03 Jan 2005 23:30:00 -0800", date(2005, 1, 3)),  # the day written, not UTC's
        ("3 January 2005", date(2005, 1, 3)),
        ("January 3, 2005", date(2005, 1, 3)),
        ("Mon. Feb 26th, 2024", date(2024, 2, 26)),
        ("03/01/2005", None),  # day/month or month/day: ambiguous
        ("2005-02-30", None),
        ("Jan 2005", None),
        ("yesterday", None),
        ("3 January 2005 and more", None),
        ("  ", None),
    ],
)
def test_a_published_field_is_read_in_the_forms_feeds_write(value: str, day: date | None) -> None:
    assert published_date(value) == day
