"""Time expressions in questions (service.dates.time_scope)."""

from __future__ import annotations

from datetime import date

import pytest

from service.dates import TimeScope, time_scope

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
