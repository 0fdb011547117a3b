"""Calendar spans of TIMEX3 values: which days a value like "2020-09" or "2020-W37" covers."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def _day_span(value: str) -> tuple[date, date] | None:
    m = _DAY.match(value)
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d, d


def _month_span(value: str) -> tuple[date, date] | None:
    m = _MONTH.match(value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_span(value: str) -> tuple[date, date] | None:
    m = _WEEK.match(value)
    if not m:
        return None
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def _quarter_span(value: str) -> tuple[date, date] | None:
    m = _QUARTER.match(value)
    if not m:
        return None
    year, first = int(m.group(1)), 3 * int(m.group(2)) - 2
    return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])


def _year_span(value: str) -> tuple[date, date] | None:
    m = _YEAR.match(value)
    return (date(int(value), 1, 1), date(int(value), 12, 31)) if m else None


def span(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day a TIMEX3 value covers, or None for vague or odd values."""
    if not value:
        return None
    for parse in (_day_span, _month_span, _week_span, _quarter_span, _year_span):
        found = parse(value)
        if found:
            return found
    return None


def day(value: str | None) -> date | None:
    """Return the calendar day of a day- or time-granular value, else None."""
    found = _day_span(value) if value else None
    return found[0] if found else None


def compatible(a: str, b: str) -> bool:
    """Return True when two values can name the same time (one contains or overlaps the other)."""
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return False
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def width(value: str) -> int:
    """Return how many days a value covers (1 for a day; large for vague values)."""
    found = span(value)
    return (found[1] - found[0]).days + 1 if found else 10**6


def precision(value: str) -> int:
    """Return how coarse a value is, equal for one granularity: a day 1, a week 3, any month 5, a year 9.

    ``width`` alone makes February (28 days) more specific than January (31).
    """
    return width(value).bit_length()
