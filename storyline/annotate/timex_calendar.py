"""Calendar arithmetic and TIMEX3 value formatting for time expressions."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

Tense = str  # "past", "present", "future" (a plain str keeps the helpers simple)

_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def parse_anchor(anchor: object) -> date | None:
    """Return the calendar day of a publication date ("2020-09-11", a datetime, a date), or None."""
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    if not isinstance(anchor, str):
        return None
    m = _ISO_DAY.match(anchor.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day_value(d: date) -> str:
    """Return "YYYY-MM-DD"."""
    return d.isoformat()


_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def day_of(value: str) -> date | None:
    """Return the day a "YYYY-MM-DD" value names (``day_value`` undone), or None for any other value."""
    m = _DAY_VALUE.fullmatch(value)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def month_value(year: int, month: int) -> str:
    """Return "YYYY-MM"."""
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    """Return the ISO week of a day, "YYYY-Www"."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    """Return 1..4."""
    return (d.month - 1) // 3 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    """Return whether the day exists in the calendar (no 30 February)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def possible_day(month: int, day: int) -> bool:
    """Return whether a month and day exist in some year (29 February does)."""
    return valid_day(2000, month, day)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return (year, month) n months later (n may be negative)."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_value(anchor: date, unit: str, n: int) -> tuple[str, str] | None:
    """Return the value and granularity of the unit-sized period n units from the anchor's."""
    if unit in ("day", "night"):
        return day_value(anchor + timedelta(days=n)), "day"
    if unit in ("week", "weekend", "fortnight"):
        return week_value(anchor + timedelta(weeks=n * (2 if unit == "fortnight" else 1))), "week"
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, n)), "month"
    if unit == "quarter":
        y, q = divmod(anchor.year * 4 + quarter_of(anchor) - 1 + n, 4)
        return f"{y}-Q{q + 1}", "quarter"
    if unit == "year":
        return f"{anchor.year + n:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}", "century"
    return None


def weekday_date(anchor: date, weekday: int, tense: Tense | None) -> date:
    """Return the day a bare weekday (1=Monday) refers to, given the verb's tense.

    Past (and unknown) tense: the latest such day on or before the anchor; future: the first after
    it; present tense (news "travels on Monday") is the anchor day itself or the next one.
    """
    delta = weekday - anchor.isoweekday()
    if tense == "future" or (tense == "present" and delta != 0):
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    return anchor + timedelta(days=delta if delta <= 0 else delta - 7)


def relative_weekday(anchor: date, weekday: int, rel: str) -> date:
    """Return the day of "last/next/this Monday" relative to the anchor."""
    delta = weekday - anchor.isoweekday()
    if rel in ("last", "previous", "past"):
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    if rel in ("next", "following", "coming"):
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    return anchor + timedelta(days=delta)  # "this Monday": the week of the anchor


def infer_year(anchor: date, month: int, day: int | None, tense: Tense | None) -> int:
    """Return the year of a month (and day) stated without one, from the anchor and the tense.

    "passed" (after "since", "last"): the latest such date on or before the anchor. Past tense:
    the same, unless the next one is within a month or two (deadlines: "the offer was extended to
    Nov. 20"). Future or present tense (plans): the first on or after it, unless the day lies only
    days behind the anchor. Unknown tense: the past one unless the next one is within a month or two.
    """
    before, after = _year_before(anchor, month, day), _year_after(anchor, month, day)
    if before == after or tense == "passed":
        return before  # "since May", "last Oct. 23": already behind the anchor
    ahead = _days_ahead(anchor, after, month, day)
    if tense == "past":
        return after if ahead <= PAST_TENSE_SLACK_DAYS else before
    if tense in ("future", "present"):
        behind = -_days_ahead(anchor, before, month, day)
        slack = FUTURE_TENSE_SLACK_DAYS if day is not None else FUTURE_TENSE_SLACK_MONTHS * 30
        return before if behind <= slack else after
    return after if ahead <= NO_TENSE_SLACK_DAYS else before


# Tuned on TimeBank (TBAQ): how far ahead a date without a year may lie and still be this year's,
# when the verb is in the past tense (deadlines) or has no tense (headlines, noun phrases).
PAST_TENSE_SLACK_DAYS = 62
NO_TENSE_SLACK_DAYS = 62
# A day this close behind the publication date stays in its year even in a future clause: wire copy is
# often dated the day after it was written ("must leave by Jan. 14" in a story dated Jan. 15). Chosen by
# hand (a week), checked on TimeBank and the even-indexed AQUAINT files.
FUTURE_TENSE_SLACK_DAYS = 7
# The same for a month named without a day: the month just gone stays this year's ("agreed to meet during a
# telephone call at the end of August", in September, is not next August). TimeBank and MEANTIME unchanged.
FUTURE_TENSE_SLACK_MONTHS = 1


def _year_before(anchor: date, month: int, day: int | None) -> int:
    stated = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    return anchor.year if stated <= now else anchor.year - 1


def _year_after(anchor: date, month: int, day: int | None) -> int:
    stated = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    return anchor.year if stated >= now else anchor.year + 1


def _days_ahead(anchor: date, year: int, month: int, day: int | None) -> int:
    if day is None:
        return (year * 12 + month - anchor.year * 12 - anchor.month) * 30
    try:
        return (date(year, month, day) - anchor).days
    except ValueError:  # 29 February in a common year
        return (date(year, month, 28) - anchor).days


def duration_value(n: float | None, unit: str) -> str:
    """Return a TIMEX3 duration ("P3D", "PT2H", "PXW", "P2Y6M") for n units."""
    letter = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "E",
              "century": "C", "weekend": "WE", "millennium": "L"}[unit]  # fmt: skip
    time_part = "T" if unit in ("second", "minute", "hour") else ""
    if n is None:
        return f"P{time_part}X{letter}"
    if unit == "fortnight":
        n *= 2
    if unit == "decade" and n >= 2:  # TimeBank writes "two decades" as P20Y
        n, letter = n * 10, "Y"
    if n != int(n):
        return _fractional_duration(n, unit, time_part, letter)
    return f"P{time_part}{int(n)}{letter}"


def _fractional_duration(n: float, unit: str, time_part: str, letter: str) -> str:
    """Return "P2Y6M" for 2.5 years; other fractions fall back to a decimal count."""
    whole = int(n)
    if unit == "year":
        return f"P{whole}Y{round((n - whole) * 12)}M" if whole else f"P{round(n * 12)}M"
    if unit == "day":
        return f"P{whole}DT{round((n - whole) * 24)}H" if whole else f"PT{round(n * 24)}H"
    if unit == "hour":
        return f"PT{whole}H{round((n - whole) * 60)}M" if whole else f"PT{round(n * 60)}M"
    if unit == "minute":
        return f"PT{whole}M{round((n - whole) * 60)}S" if whole else f"PT{round(n * 60)}S"
    return f"P{time_part}{n:g}{letter}"


def granularity_of(value: str | None) -> str | None:
    """Return the granularity a TIMEX3 date value is stated at ("2020-09" → "month")."""
    if value is None:
        return None
    for pattern, gran in _GRANULARITY_PATTERNS:
        if pattern.match(value):
            return gran
    return "unknown"


_GRANULARITY_PATTERNS = tuple(
    (re.compile(p), g)
    for p, g in (
        (r"[\dX]{4}-[\dX]{2}-[\dX]{2}T", "time"), (r"[\dX]{4}-[\dX]{2}-[\dX]{2}$", "day"),
        (r"[\dX]{4}-W[\dX]{2}", "week"), (r"[\dX]{4}-[\dX]{2}$", "month"), (r"[\dX]{4}-Q", "quarter"),
        (r"[\dX]{4}-(SP|SU|FA|WI)", "season"), (r"[\dX]{4}-H", "half"), (r"[\dX]{4}$", "year"),
        (r"\d{3}$", "decade"), (r"\d{2}$", "century"),
    )
)  # fmt: skip
