"""Recognition rules for time expressions: one compiled regex and one resolver per kind of expression.

Each resolver turns a match into a ``Found`` (span, TIMEX3 value, type, granularity, issue, mod).
Values that depend on an earlier expression in the text ("the year-ago quarter") are left as
``@``-prefixed placeholders that ``timex`` fills in a second pass, in text order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

from storyline.annotate import timex_calendar as cal
from storyline.annotate import timex_lexicon as lex
from storyline.annotate.timex_tense import tense_at


class Found(NamedTuple):
    """One recognised expression before it becomes a ``TimeExpr``."""

    start: int
    end: int
    value: str | None
    type: str = "DATE"
    gran: str | None = None
    issue: str | None = None
    begin: str | None = None
    end_value: str | None = None
    mod: str | None = None
    year_stated: bool = False  # its year is written next to it ("August-September 1950"), not inferred


class Context:
    """What resolvers need to know about the article: its text, publication day and parse."""

    __slots__ = ("_tenses", "anchor", "doc", "text")

    def __init__(self, text: str, anchor: date | None, doc: Any | None) -> None:
        self.text = text
        self.anchor = anchor
        self.doc = doc
        self._tenses: dict[tuple[int, int], str | None] = {}

    def tense(self, start: int, end: int) -> str | None:
        """Return the tense of the clause around text[start:end] (cached)."""
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, start, end, self.doc)
        return self._tenses[key]


Resolver = Callable[[re.Match[str], Context], Found | None]


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "t" in m.re.groupindex and m.group("t") is not None:
        return m.start("t"), m.end("t")
    return m.start(), m.end()


def _found(m: re.Match[str], value: str | None, **kw: Any) -> Found:
    start, end = _span(m)
    return Found(start, end, value, **kw)


def _g(m: re.Match[str], name: str) -> str:
    """Return a named group's text, "" when the pattern has no such group or it did not match."""
    return (m.group(name) or "") if name in m.re.groupindex else ""


def _low(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


# --- calendar dates -------------------------------------------------------------------------------


_PASSED_LEAD = re.compile(r"(?i:\b(?:since|last)\s+)$")
# "a pact effective June 1": a change takes effect on the next such date (TimeBank: all three cases).
_EFFECTIVE_LEAD = re.compile(r"(?i:\beffective\s+(?:on\s+)?)$")


def _year_tense(ctx: Context, start: int, end: int) -> str | None:
    """Return the tense that picks the year of a date stated without one ("passed" after since/last)."""
    if _PASSED_LEAD.search(ctx.text, max(0, start - 8), start):
        return "passed"  # "in office since May", "shot last Oct. 23": a date already behind the publication date
    if _EFFECTIVE_LEAD.search(ctx.text, max(0, start - 14), start):
        return "future"
    return ctx.tense(start, end)


def _resolve_day(m: re.Match[str], ctx: Context, month: int, day: int | None, year: int | None) -> Found:
    """Return a found day date, checking it exists and agrees with a stated weekday."""
    start, end = _span(m)
    if day is None:
        return Found(start, end, None, issue="garbled")
    if not cal.possible_day(month, day):
        value = f"{year:04d}-{month:02d}" if year else None
        return Found(start, end, value, gran="month" if year else None, issue="impossible")
    if year is None:
        if ctx.anchor is None:
            return Found(start, end, f"XXXX-{month:02d}-{day:02d}", gran="day")
        year = cal.infer_year(ctx.anchor, month, day, _year_tense(ctx, start, end))
    if not cal.valid_day(year, month, day):
        return Found(start, end, f"{year:04d}-{month:02d}", gran="month", issue="impossible")
    day_ = date(year, month, day)
    issue = None
    weekday = _g(m, "wd")
    if weekday and lex.WEEKDAYS[weekday.lower()] != day_.isoweekday():
        issue = "weekday_mismatch"  # kept as stated: the reader decides which part is wrong
    return Found(start, end, cal.day_value(day_), gran="day", issue=issue)


def _month_day(m: re.Match[str], ctx: Context) -> Found | None:
    day_text = _g(m, "day") or _g(m, "dayw")
    day = lex.ordinal_value(day_text) if day_text else None
    year = _g(m, "year")
    return _resolve_day(m, ctx, lex.month_number(_g(m, "mon")), day, int(year) if year else None)


def _garbled(m: re.Match[str], ctx: Context) -> Found | None:
    year = _g(m, "year")
    value = year if year else None
    return _found(m, value, gran="year" if year else None, issue="garbled")


def _iso(m: re.Match[str], ctx: Context) -> Found | None:
    year, month, day = int(_g(m, "y")), int(_g(m, "m")), int(_g(m, "d"))
    if not cal.valid_day(year, month, day):
        ok_month = 1 <= month <= 12
        return _found(m, f"{year:04d}-{month:02d}" if ok_month else f"{year:04d}", issue="impossible")
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group("H"):
        return _found(m, f"{value}T{m.group('H')}:{m.group('M')}", type="TIME", gran="time")
    return _found(m, value, gran="day")


def _slashed(m: re.Match[str], ctx: Context) -> Found | None:
    a, b, y_text = int(_g(m, "a")), int(_g(m, "b")), _g(m, "y")
    year = int(y_text) if len(y_text) == 4 else (1900 + int(y_text) if int(y_text) > 40 else 2000 + int(y_text))
    options = [(mo, d) for mo, d in ((a, b), (b, a)) if cal.valid_day(year, mo, d)]
    if not options:
        return _found(m, f"{year:04d}", gran="year", issue="impossible")
    if len(options) == 2 and ctx.anchor is not None and a != b:
        # Both readings exist (3/4/2020): take the one nearer the publication date.
        options.sort(key=lambda md: abs((date(year, *md) - ctx.anchor).days))  # type: ignore[operator]
    month, day = options[0]
    return _found(m, f"{year:04d}-{month:02d}-{day:02d}", gran="day")


def _range_start(m: re.Match[str], ctx: Context) -> Found | None:
    """Return the first end of a span of months or days whose year is written after the second end."""
    year, month = int(_g(m, "year")), lex.month_number(_g(m, "mon"))
    if not _g(m, "day"):
        return _found(m, cal.month_value(year, month), gran="month", year_stated=True)
    return _resolve_day(m, ctx, month, lex.ordinal_value(_g(m, "day")), year)._replace(year_stated=True)


def _range_end(m: re.Match[str], ctx: Context) -> Found | None:
    """Return the second end of a span of months or days ("-24 August", "-September 1950")."""
    month, year = lex.month_number(_g(m, "mon")), _g(m, "year")
    if _g(m, "day"):
        return _resolve_day(m, ctx, month, lex.ordinal_value(_g(m, "day")), int(year) if year else None)
    return _found(m, cal.month_value(int(year), month), gran="month") if year else None


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    value = cal.month_value(int(_g(m, "year")), lex.month_number(_g(m, "mon")))
    return _found(m, value, gran="month", mod=lex.mod_for(_g(m, "pre")))


_BARE_MONTH_CUE = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|early|late|mid|last|next|this"
    r"|between|and|or|end|since|around)\s+|-)$",
    re.IGNORECASE,
)


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_DAY_AFTER = re.compile(r"\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.:]\d)(?!\s*(?:%|percent))")


def _month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    month_word = _g(m, "mon")
    rel, pre, when = _low(_g(m, "rel")), _g(m, "pre"), _low(_g(m, "ly"))
    # "May" is also a modal and a name, "March" a walk: accept them bare only after a temporal word.
    ambiguous = month_word in ("May", "March", "Jun", "Mar") and not (rel or pre or when)
    if ambiguous and not _BARE_MONTH_CUE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    if _NAME_AFTER.match(ctx.text, m.end()) and not month_word.endswith(".") and len(month_word) <= 4:
        return None  # "Jan Kavan", "Jun Li": a first name, not January
    if _DAY_AFTER.match(ctx.text, m.end()):
        return None  # "last Oct. 23": the day rule reads "Oct. 23"; "last" is no part of it
    month = lex.month_number(month_word)
    mod = lex.mod_for(pre)
    if ctx.anchor is None:
        return _found(m, f"XXXX-{month:02d}", gran="month", mod=mod)
    # "January last year" is in the year before publication whatever the month; "last January" the latest one
    year = _month_year_for(ctx, m, month, rel or (f"{when} year" if when else ""))
    return _found(m, cal.month_value(year, month), gran="month", mod=mod)


def _month_year_for(ctx: Context, m: re.Match[str], month: int, rel: str) -> int:
    anchor = ctx.anchor
    assert anchor is not None
    if rel == "last year":
        return anchor.year - 1
    if rel in ("last", "this past", "past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "this coming", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "next year":
        return anchor.year + 1
    if rel in ("this", "this year"):
        return anchor.year
    start, end = _span(m)
    return cal.infer_year(anchor, month, None, _year_tense(ctx, start, end))


_UNIT_NOUN_AFTER = re.compile(
    r"\s+(?:percent|per\s+cent|people|troops|soldiers|men|women|children|feet|foot|meters|metres|miles"
    r"|kilometers|kilometres|km|tons|tonnes|barrels|shares|votes|dollars|euros|pounds|yuan|jobs|acres"
    r"|workers|members|cases|deaths|units|cars|points|yards|calories|pages|words|students|employees"
    r"|hectares|rounds|homes|houses|guns|rifles|missiles|years?\s+old|GMT|UTC|[ECMP][SD]T|hrs|local\s+time)\b",
    re.IGNORECASE,
)


def _year(m: re.Match[str], ctx: Context) -> Found | None:
    if _UNIT_NOUN_AFTER.match(ctx.text, m.end()):
        return None
    year = int(_g(m, "year"))
    if _g(m, "bc"):
        return None  # BC years are rare in news; leave them unresolved rather than wrong
    return _found(m, f"{year:04d}", gran="year", mod=lex.mod_for(_g(m, "pre")))


def _spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Return a year read out ("nineteen ninety-six"), or its month ("January nineteen ninety-seven")."""
    year = lex.spoken_year(_g(m, "sy")) if _g(m, "sy") else 2000 + int(lex.number_value(_g(m, "n") or "0") or 0)
    if _g(m, "mon"):
        return _found(m, cal.month_value(year, lex.month_number(_g(m, "mon"))), gran="month")
    return _found(m, f"{year:04d}", gran="year")


def _range_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Return either year of a span of years ("1915-17", "1861–1865"): TimeML tags each end on its own."""
    first, second = _g(m, "a"), _g(m, "b")
    last = int(first[:2] + second) if len(second) == 2 else int(second)
    if last <= int(first) or last - int(first) > _MAX_YEAR_RANGE:
        return None  # "1989-12" is a month, "1990-1234" an identifier
    year = first if m.start("t") == m.start("a") else f"{last:04d}"
    return _found(m, year, gran="year")


# Longest span of years read as "1914-1918" (longer ones are more likely identifiers).
_MAX_YEAR_RANGE = 99


def _decade(m: re.Match[str], ctx: Context) -> Found | None:
    mod = lex.mod_for(_g(m, "pre"))
    if _g(m, "dec"):
        return _found(m, _g(m, "dec")[:3], gran="decade", mod=mod)
    if _g(m, "yy"):
        tens = int(_g(m, "yy")[0])
        century = 19
        if ctx.anchor is not None and tens * 10 <= ctx.anchor.year % 100:
            century = ctx.anchor.year // 100
        return _found(m, f"{century}{tens}", gran="decade", mod=mod)
    word = _low(_g(m, "w")).split()[-1].split("-")[-1]
    return _found(m, f"19{lex.DECADE_WORDS[word]}", gran="decade", mod=mod)  # "the nineties": the 1990s


def _century(m: re.Match[str], ctx: Context) -> Found | None:
    n = lex.ordinal_value(_g(m, "n"))
    if not n or n > 22:
        return None
    era = "BC" if _g(m, "bc") else ""
    return _found(m, f"{era}{n - 1:02d}", gran="century", mod=lex.mod_for(_g(m, "pre")))


def _bc_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Return a year before the common era ("490 BC" → BC0490), or its month or season ("April 480 BC")."""
    year = int(_g(m, "y"))
    if year == 0:
        return None
    if _g(m, "mon"):
        return _found(m, f"BC{year:04d}-{lex.month_number(_g(m, 'mon')):02d}", gran="month", year_stated=True)
    if _g(m, "s"):
        return _found(m, f"BC{year:04d}-{lex.SEASONS[_low(_g(m, 's'))]}", gran="season", year_stated=True)
    return _found(m, f"BC{year:04d}", gran="year")


def _bc_range_start(m: re.Match[str], ctx: Context) -> Found | None:
    """Return the first year of a span of years before the common era ("499-493 BC": BC0499)."""
    first, last = int(_g(m, "y")), int(_g(m, "y2"))
    return _found(m, f"BC{first:04d}", gran="year") if first > last else None


# --- quarters, halves, seasons ---------------------------------------------------------------------

_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# "the first quarter of last year": the year named after the quarter, counted from publication.
_OF_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _quarter(m: re.Match[str], ctx: Context) -> Found | None:
    q = _QUARTER_WORDS[_low(_g(m, "q"))]
    rel = _low(_g(m, "the"))
    year_text = _g(m, "y1") or _g(m, "y2")
    if _low(_g(m, "q")) == "final" and not (year_text or _g(m, "oy")):
        return None  # "the final quarter" of a match; of a year only when the year is named
    if year_text:
        return _found(m, f"{int(year_text)}-Q{q}", gran="quarter")
    if ctx.anchor is None:
        return _found(m, f"XXXX-Q{q}", gran="quarter")
    of_year = _low(_g(m, "oy"))
    if of_year:
        return _found(m, f"{ctx.anchor.year + _OF_YEAR_SHIFT[of_year]}-Q{q}", gran="quarter")
    year = ctx.anchor.year + {"last year's": -1, "next year's": 1}.get(rel, 0)
    if rel not in ("last year's", "next year's", "this year's"):
        year = _quarter_year(ctx, m, q)
    if _g(m, "ya"):
        year -= 1  # "the year-ago third quarter"
    return _found(m, f"{year}-Q{q}", gran="quarter")


def _quarter_year(ctx: Context, m: re.Match[str], q: int) -> int:
    anchor = ctx.anchor
    assert anchor is not None
    now = cal.quarter_of(anchor)
    tense = ctx.tense(*_span(m))
    if tense == "past" and q > now:
        return anchor.year - 1
    if tense is None and q - now >= 2:
        return anchor.year - 1  # results are reported after a quarter ends
    return anchor.year


def _q_code(m: re.Match[str], ctx: Context) -> Found | None:
    q = int(_g(m, "q")[1])
    y = _g(m, "y")
    if y:
        year = int(y) if len(y) == 4 else 2000 + int(y[-2:])
    elif ctx.anchor is not None:
        year = _quarter_year(ctx, m, q)
    else:
        return _found(m, f"XXXX-Q{q}", gran="quarter")
    return _found(m, f"{year}-Q{q}", gran="quarter")


_REF_QUARTER_SHIFT = {"year-earlier": -4, "year-ago": -4, "year earlier": -4, "year ago": -4,
                      "comparable": -4, "prior-year": -4, "previous": -1, "prior": -1}  # fmt: skip


def _the_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    adj, unit = _low(_g(m, "adj")), _low(_g(m, "u"))
    if unit == "period" and not adj:
        return None
    if adj == "current":
        current = cal.shift_value(ctx.anchor, "quarter", 0) if ctx.anchor else None
        return _found(m, current[0] if current else None, gran="quarter")
    return _found(m, f"@Q{_REF_QUARTER_SHIFT.get(adj, 0)}", gran="quarter")


def _year_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    return _found(m, f"@QY{_g(m, 'y')}", gran="quarter")


def _period_a_year_back(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "the same month a year ago", "the quarter a year ago", "last year's quarter": the period under
    discussion (the month or quarter named last) one year back, as a whole expression."""
    if _low(_g(m, "u") or _g(m, "u2")) == "month":
        return _found(m, "@Rmonth:-12", gran="month")
    return _found(m, "@Q-4", gran="quarter")


def _half(m: re.Match[str], ctx: Context) -> Found | None:
    h = 1 if _low(_g(m, "h")) in ("first", "front") else 2
    if _g(m, "y"):
        return _found(m, f"{int(_g(m, 'y'))}-H{h}", gran="half")
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(_low(_g(m, "rel")), 0)
    return _found(m, f"{year}-H{h}", gran="half")


_SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


def _season(m: re.Match[str], ctx: Context) -> Found | None:
    word, rel, pre = _low(_g(m, "s")), _low(_g(m, "rel")), _g(m, "pre")
    if word == "fall" and not (rel or pre or _g(m, "y")):
        return None
    if word == "fall" and rel == "the" and _OF_AFTER.match(ctx.text, m.end()):
        return None  # "the fall of Kabul"
    code = lex.SEASONS[word]
    if _g(m, "y") or _g(m, "sy"):
        year = int(_g(m, "y")) if _g(m, "y") else lex.spoken_year(_g(m, "sy"))
        return _found(m, f"{year}-{code}", gran="season", mod=lex.mod_for(pre))
    if ctx.anchor is None:
        return _found(m, f"XXXX-{code}", gran="season", mod=lex.mod_for(pre))
    year = _season_year(ctx, m, code, rel)
    return _found(m, f"{year}-{code}", gran="season", mod=lex.mod_for(pre))


def _season_year(ctx: Context, m: re.Match[str], code: str, rel: str) -> int:
    anchor = ctx.anchor
    assert anchor is not None
    now = {12: 4, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3}[
        anchor.month
    ]  # Jan, Feb: this year has no season behind it yet
    order = _SEASON_ORDER[code]
    if rel == "last":  # the latest one already over, as for "last October"
        return anchor.year if order < now else anchor.year - 1
    if rel == "next":
        return anchor.year if order > now else anchor.year + 1
    if rel == "this":
        return anchor.year
    if rel == "this past":
        return anchor.year if order < now else anchor.year - 1
    if rel == "this coming":
        return anchor.year if order > now else anchor.year + 1
    tense = ctx.tense(*_span(m))
    if tense == "past" and order > now:
        return anchor.year - 1
    if tense == "future" and order < now:
        return anchor.year + 1
    return anchor.year


# --- days relative to the publication date --------------------------------------------------------

_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1}


# "today's world", "many of today's computers": the present age, not the publication day; TimeBank and
# AQUAINT leave these unannotated (3 of 3), while "today's editions" is annotated as the day.
_GENERIC_TODAY = re.compile(r"['’]s\s+(?i:world|youth|society|generation|young|children|kids|standards|times)\b")
_PART_OF_BEFORE = re.compile(r"(?i:\b(?:many|most|some|all)\s+of\s+)$")


def _relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    word = _low(_g(m, "w"))
    pod = _low(_g(m, "pod"))
    mod = lex.mod_for(_g(m, "pre"))
    if word == "today" and (
        _GENERIC_TODAY.match(ctx.text, m.end()) or _PART_OF_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return None
    if ctx.anchor is None:
        return _found(m, None, gran="day", mod=mod)
    offset = _DAY_OFFSETS[word]
    if word == "overnight" and ctx.tense(*_span(m)) in ("future", "present"):
        offset = 0  # "rain will fall overnight", "roads stay closed overnight": the coming night
    day = cal.day_value(ctx.anchor + timedelta(days=offset))
    if word in ("tonight", "overnight") or pod:
        return _found(m, f"{day}T{lex.PARTS_OF_DAY[pod or word]}", type="TIME", gran="time", mod=mod)
    return _found(m, day, gran="day", mod=mod)


def _day_before_after(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return _found(m, None, gran="day")
    offset = {"before yesterday": -2, "after tomorrow": 2}[_low(_g(m, "w"))]
    return _found(m, cal.day_value(ctx.anchor + timedelta(days=offset)), gran="day")


def _the_part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "(in) the morning" as that part of the day named last, or of the publication day (filled in later)."""
    return _found(m, f"@P{lex.PARTS_OF_DAY[_low(_g(m, 'pod'))]}", type="TIME", gran="time")


def _session_day(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "(ended) the day", "for the day" in a market report as the day named last, or the publication day."""
    return _found(m, "@P", gran="day")


def _part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    rel, pod = _low(_g(m, "rel")), lex.PARTS_OF_DAY[_low(_g(m, "pod"))]
    if ctx.anchor is None:
        return _found(m, None, type="TIME", gran="time")
    offset = -1 if rel.endswith("last") or rel == "yesterday" else (1 if rel == "tomorrow" else 0)
    day = cal.day_value(ctx.anchor + timedelta(days=offset))
    return _found(m, f"{day}T{pod}", type="TIME", gran="time", mod=lex.mod_for(rel.split()[0]))


# "as soon as Tuesday", "as early as Monday": the earliest a thing can still happen, so a day ahead
# whatever the verb's tense ("trading was to resume as soon as Monday").
_EARLIEST_LEAD = re.compile(r"(?i:\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?)$")


def _weekday_day(m: re.Match[str], ctx: Context) -> date | None:
    weekday = lex.WEEKDAYS[_g(m, "wd").lower()]
    rel = _low(_g(m, "rel")).replace("the ", "").replace("this ", "")
    if ctx.anchor is None:
        return None
    if rel in ("last", "previous", "past", "next", "following", "coming"):
        return cal.relative_weekday(ctx.anchor, weekday, rel)
    start, end = _span(m)
    if _EARLIEST_LEAD.search(ctx.text, max(0, start - 20), start):
        return cal.weekday_date(ctx.anchor, weekday, "future")
    return cal.weekday_date(ctx.anchor, weekday, ctx.tense(start, end))


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    rel = _low(_g(m, "rel"))
    if rel in ("the previous", "the following", "the next") and ctx.anchor is not None:
        # "down 4.5% from the previous Friday": counted from the date named last (filled in later)
        sign = -1 if rel == "the previous" else 1
        return _found(m, f"@D{lex.WEEKDAYS[_g(m, 'wd').lower()]}:{sign}", gran="day")
    day = _weekday_day(m, ctx)
    mod = lex.mod_for(_g(m, "rel"))
    if day is None:
        return _found(m, f"XXXX-WXX-{lex.WEEKDAYS[_g(m, 'wd').lower()]}", gran="day", mod=mod)
    return _found(m, cal.day_value(day), gran="day", mod=mod)


# "Friday night" is typed as the day it names (DATE), keeping the part of day in its value: in TimeBank and
# the even-indexed AQUAINT files, 15 of 20 weekday + part-of-day expressions are DATEs (5 TIMEs), and their
# values split evenly between the day alone and the day with its part.
_WEEKDAY_PART_TYPE = "DATE"


def _weekday_part(m: re.Match[str], ctx: Context) -> Found | None:
    day = _weekday_day(m, ctx)
    pod = lex.PARTS_OF_DAY[_low(_g(m, "pod"))]
    if day is None:
        return _found(m, f"XXXX-WXX-{lex.WEEKDAYS[_g(m, 'wd').lower()]}T{pod}", type=_WEEKDAY_PART_TYPE, gran="time")
    return _found(m, f"{cal.day_value(day)}T{pod}", type=_WEEKDAY_PART_TYPE, gran="time")


# --- sets -----------------------------------------------------------------------------------------


def _weekday_set(m: re.Match[str], ctx: Context) -> Found | None:
    pod = _low(_g(m, "pod"))
    suffix = f"T{lex.PARTS_OF_DAY[pod]}" if pod else ""
    return _found(m, f"XXXX-WXX-{lex.WEEKDAYS[_g(m, 'wd').lower()]}{suffix}", type="SET", gran="day")


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "quarterly": "P3M"}  # fmt: skip


def _adverb_set(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group(0).islower() and _NAME_AFTER.match(ctx.text, m.end()):
        return None  # "the Communist Party daily Granma": a newspaper
    return _found(m, _ADVERB_SETS[m.group(0).lower()], type="SET", gran=None)


def _every(m: re.Match[str], ctx: Context) -> Found | None:
    what = _g(m, "u")
    if what[0].isupper() and what.rstrip(".").lower() in lex.MONTHS:
        return _found(m, f"XXXX-{lex.month_number(what):02d}", type="SET", gran="month")
    low = what.lower()
    if low in lex.SEASONS:
        return _found(m, f"XXXX-{lex.SEASONS[low]}", type="SET", gran="season")
    if low in lex.PARTS_OF_DAY:
        return _found(m, f"XXXX-XX-XXT{lex.PARTS_OF_DAY[low]}", type="SET", gran="time")
    n = lex.number_value(_g(m, "n")) if _g(m, "n") else 1
    return _found(m, cal.duration_value(n, lex.unit_key(what)), type="SET", gran=None)


def _times_per(m: re.Match[str], ctx: Context) -> Found | None:
    return _found(m, cal.duration_value(1, lex.unit_key(_g(m, "u"))), type="SET", gran=None)


# --- periods relative to the publication date -------------------------------------------------------

_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "next": 1, "coming": 1,
              "following": 1, "this": 0, "current": 0, "same": 0, "the": 0, "latest": -1}  # fmt: skip


_ANAPHORIC = frozenset({"previous", "following", "next", "preceding", "prior", "same"})


def _relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    full_rel = _low(_g(m, "rel"))
    rel = full_rel.split()[-1] if full_rel.startswith("the ") and full_rel != "the" else full_rel
    anaphoric = full_rel.startswith("the ") and rel in _ANAPHORIC
    unit = lex.unit_key(_low(_g(m, "u")).split()[-1])
    pre = _g(m, "pre")
    if rel == "the" and not pre:
        return None
    if full_rel == "the last" and _OF_AFTER.match(ctx.text, m.end()):
        return None  # "the last week of August", "the last year of the war": the end of that, not of now
    if unit == "day" and rel not in ("previous", "following", "next", "preceding", "prior", "same"):
        return None
    gran = lex.UNITS[unit][1]
    mod = lex.mod_for(pre)
    if ctx.anchor is None:
        return _found(m, None, gran=gran, mod=mod)
    if unit == "quarter" and rel == "latest":
        return _found(m, "@Q0", gran="quarter")
    if anaphoric and unit in ("day", "week", "month", "year"):
        return _found(m, f"@R{unit}:{_REL_SHIFT[rel]}", gran=gran, mod=mod)  # "the following year"
    shifted = cal.shift_value(ctx.anchor, unit, _REL_SHIFT[rel])
    if shifted is None:
        return None
    value = shifted[0] + ("-WE" if unit == "weekend" else "")
    return _found(m, value, gran=shifted[1], mod=mod)


_OF_BEFORE = re.compile(r"(?i:\bof\s+)$")


def _that_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "that day", "later that year": the period of the date the text named last (filled in later)."""
    unit = lex.unit_key(_low(_g(m, "u")))
    if _OF_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "in August of that year": the month carries the date
    return _found(m, f"@S{unit}", gran=lex.UNITS[unit][1], mod=lex.mod_for(_g(m, "pre")))


def _unit_before_after(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "the day before," / "the year after." as the period next to the date named last."""
    unit = lex.unit_key(_low(_g(m, "u")))
    sign = -1 if _low(_g(m, "dir")) == "before" else 1
    return _found(m, f"@R{unit}:{sign}", gran=lex.UNITS[unit][1])


def _in_the_unit(m: re.Match[str], ctx: Context) -> Found | None:
    unit = lex.unit_key(_low(_g(m, "u")))
    if ctx.anchor is None:
        return _found(m, None, gran=lex.UNITS[unit][1])
    value, gran = cal.shift_value(ctx.anchor, unit, 0) or (None, None)
    return _found(m, value, gran=gran, mod=lex.mod_for(_g(m, "pre")))


def _the_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    """Return the weekend meant: the coming one in a future clause, else the latest one."""
    if ctx.anchor is None:
        return _found(m, None, gran="week")
    saturday = cal.weekday_date(ctx.anchor, 6, "future" if ctx.tense(*_span(m)) == "future" else "past")
    return _found(m, cal.week_value(saturday) + "-WE", gran="week")


def _this_year(m: re.Match[str], ctx: Context) -> Found | None:
    return _found(m, f"{ctx.anchor.year:04d}" if ctx.anchor else None, gran="year")


def _year_ended(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "the fiscal year ended June 30" as the year-long period it names (TimeBank: DURATION P1Y)."""
    return _found(m, "P1Y", type="DURATION", gran="year")


def _vague_adjective(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "the current crisis" → PRESENT_REF, "a recent filing" → PAST_REF (TimeBank annotates both)."""
    return _found(m, "PRESENT_REF" if _g(m, "w").lower() == "current" else "PAST_REF", gran="unknown")


def _year_end(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return _found(m, None, gran="year", mod="END")
    passed = _PASSED_LEAD.search(ctx.text, max(0, m.start() - 8), m.start())  # "up 5% since year-end": last year's
    return _found(m, f"{ctx.anchor.year - (1 if passed else 0):04d}", gran="year", mod="END")


_BACKWARD = ("ago", "earlier", "before", "previously", "back", "prior")
_FROM_REFERENCE = ("earlier", "later", "before", "after", "previously", "prior")  # not "ago": that counts from now


# "a month after Qantas suspended flights", "two days before the vote": TimeML tags the duration alone
# ("before"/"after" is a signal linking it to the event); on TimeBank and the even-indexed AQUAINT files
# no gold expression ends in "before"/"after". A clause end right after ("a week before.") keeps the date.
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]\"”'’]|--|$)")


def _offset(m: re.Match[str], ctx: Context) -> Found | None:
    unit = lex.unit_key(_g(m, "u"))
    direction = _low(_g(m, "dir"))
    if direction in ("before", "after") and not _CLAUSE_END.match(ctx.text, m.end()):
        return None  # the duration rule reads "a month"
    sign = -1 if direction.split()[0] in _BACKWARD else 1
    n = lex.number_value(_g(m, "n"))
    mod = lex.mod_for(_g(m, "mod"))
    if n is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _found(m, value, gran="unknown", mod=mod)
    if ctx.anchor is None or unit not in lex.UNITS or unit in ("second", "minute", "hour"):
        return _found(m, None, gran=lex.UNITS.get(unit, ("", "unknown"))[1], mod=mod)
    if unit == "year" and n == 1:  # the quarter under discussion a year back, or the year
        # "a year later" steps on from the date named; "a year earlier" is mostly a comparison with now or
        # with the quarter reported (TimeBank), so it stays on the publication date
        counted = "R" if sign > 0 and direction.split()[0] in _FROM_REFERENCE else ""
        return _found(m, f"@Y{counted}{sign}", gran="year", mod=mod)
    if direction.split()[0] in _FROM_REFERENCE and unit in ("day", "week", "month", "year") and n == int(n):
        return _found(m, f"@R{unit}:{sign * int(n)}", gran=lex.UNITS[unit][1], mod=mod)  # "two days later"
    shifted = _shift_units(ctx.anchor, unit, sign * n)
    return _found(m, shifted[0], gran=shifted[1], mod=mod) if shifted else None


def _shift_units(anchor: date, unit: str, n: float) -> tuple[str, str] | None:
    """Return the period n units from the anchor, at the unit's granularity."""
    if unit in ("day", "night", "week", "fortnight", "weekend") and n == int(n):
        days = int(n) * {"week": 7, "fortnight": 14, "weekend": 7}.get(unit, 1)
        return cal.day_value(anchor + timedelta(days=days)), "day"  # "a week earlier": that day
    return cal.shift_value(anchor, unit, round(n))


def _year_ago_adj(m: re.Match[str], ctx: Context) -> Found | None:
    return _found(m, "@Y-1", gran="year")


_OF_AFTER = re.compile(r"\s+of\b")
_OLD_AFTER = re.compile(r"\s+old\b")


def _duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = lex.unit_key(_g(m, "u"))
    n_text = _g(m, "n")
    if _not_a_duration(m, ctx, unit, _low(n_text)):
        return None
    if _low(n_text) in ("a", "an") and _money_before(ctx.text, m.start()):
        return None  # a rate ("$5 a year", "700 seats a week"): TimeBank leaves these unannotated
    n = lex.number_value(n_text)
    if n is not None and (_g(m, "half") or _g(m, "half2")):
        n += 0.5  # "two and a half years", "a minute and a half"
    mod = lex.mod_for(_g(m, "mod") or _g(m, "mod2"))
    if _g(m, "n2") and mod is None:
        mod = "EQUAL_OR_MORE"
    value = cal.duration_value(n, unit)
    begin, end_value = _duration_bounds(ctx, _low(_g(m, "rel")), unit, n)
    return _found(m, value, type="DURATION", mod=mod, begin=begin, end_value=end_value)


def _not_a_duration(m: re.Match[str], ctx: Context, unit: str, n_text: str) -> bool:
    """Return whether a number and unit are an age, a fraction or an ordinal ("52 years old", "a quarter of")."""
    if unit == "year" and (m.group(0).endswith("-old") or _OLD_AFTER.match(ctx.text, m.end())):
        return True  # TimeBank leaves ages unannotated
    fraction = "-" in m.group(0) and m.group(0).endswith("s")
    if unit == "quarter" and (fraction or _OF_AFTER.match(ctx.text, m.end())):
        return True  # "three-quarters", "a quarter of the market"
    return unit == "second" and n_text in ("a", "an")  # "a second group"


def _duration_bounds(ctx: Context, rel: str, unit: str, n: float | None) -> tuple[str | None, str | None]:
    """Return the interval a duration anchored on the publication day covers ("the past 3 days")."""
    if ctx.anchor is None or unit not in ("day", "week", "month", "year"):
        return None, None
    count = round(n) if n is not None else 3  # "the past few weeks": about three
    days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
    today = ctx.anchor
    if rel in ("past", "last", "previous"):
        return cal.day_value(today - timedelta(days=days)), cal.day_value(today)
    if rel in ("next", "coming"):
        return cal.day_value(today), cal.day_value(today + timedelta(days=days))
    return None, None


_MONEY_BEFORE = re.compile(
    r"(?:[$£€¥]\s?[\d.,]+(?:\s+(?:million|billion|thousand))?|\d[\d.,]*(?:\s*(?:%|percent)|(?:\s+[a-z]+){0,2})"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)(?:\s+[a-z]+)?"
    r"|\b(?:times|once|twice|cents?|dollars?|euros?|pounds?))\s*$",
    re.IGNORECASE,
)


def _money_before(text: str, start: int) -> bool:
    return bool(_MONEY_BEFORE.search(text[max(0, start - 30) : start]))


def _bare_units(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "for years", "within hours" as a duration of unknown length (TimeBank: PXY, PTXH)."""
    unit = lex.unit_key(_low(_g(m, "u")))
    return _found(m, cal.duration_value(None, unit), type="DURATION")


def _long(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "year-long" → P1Y, "three-month-long" → P3M, "decades-long" → PXE (how long something lasts)."""
    word = _low(_g(m, "u"))
    unit = lex.unit_key(word)
    number = _g(m, "n")
    n = lex.number_value(number) if number else (None if word.endswith("s") else 1)
    return _found(m, cal.duration_value(n, unit), type="DURATION")


def _vague_span(m: re.Match[str], ctx: Context) -> Found | None:
    """Return "the coming weeks" → FUTURE_REF, "recent months" → PAST_REF, with the interval they cover."""
    rel, unit = _low(_g(m, "rel")), lex.unit_key(_low(_g(m, "u")))
    future = rel.split()[0] in ("coming", "upcoming", "next", "ensuing")
    begin, end_value = _duration_bounds(ctx, "next" if future else "past", unit, None)
    if not future and unit == "year":
        return _found(m, "PAST_REF", gran="unknown", begin=begin, end_value=end_value)
    if not future:  # "recent weeks", "the past few months": TimeBank annotates a vague duration
        return _found(m, cal.duration_value(None, unit), type="DURATION", begin=begin, end_value=end_value)
    return _found(m, "FUTURE_REF", gran="unknown", begin=begin, end_value=end_value)


_VAGUE_VALUES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "current": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF", "recent": "PAST_REF",
    "until recently": "PAST_REF", "the recent past": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the immediate future": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the short term": "FUTURE_REF", "future": "FUTURE_REF",
}  # fmt: skip


_MODAL_BEFORE = re.compile(r"(?i:\b(?:may|might|will|would|could|can|should|must)\s+)$")


def _vague(m: re.Match[str], ctx: Context) -> Found | None:
    start, end = _span(m)
    key = _low(ctx.text[start:end])
    modal = _MODAL_BEFORE.search(ctx.text, max(0, start - 12), start)
    if key == "soon" and not modal and ctx.tense(start, end) == "past":
        return None  # "the Germans soon intervened": narration, not a time ahead (TimeBank, WikiWars leave it)
    return _found(m, _VAGUE_VALUES.get(key), gran="unknown")


# --- clock times ----------------------------------------------------------------------------------


def _clock(m: re.Match[str], ctx: Context) -> Found | None:
    hour = int(_g(m, "h"))
    minute = int(_g(m, "mi") or 0)
    ap = _low(_g(m, "ap")).replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    clock = f"T{hour:02d}:{minute:02d}"
    return _found(m, f"@{clock}", type="TIME", gran="time", mod=lex.mod_for(_g(m, "mod")))


def _noon(m: re.Match[str], ctx: Context) -> Found | None:
    clock = "T24:00" if _g(m, "w").lower() == "midnight" else "T12:00"
    return _found(m, f"@{clock}", type="TIME", gran="time")


# --- holidays -------------------------------------------------------------------------------------

_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "xmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "the fourth of july": (7, 4),
    "bastille day": (7, 14), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
}  # fmt: skip


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = _low(_g(m, "h")).replace("’", "'")
    year_text = _g(m, "y")
    if name in ("thanksgiving", "thanksgiving day", "easter", "easter sunday"):
        return _movable_holiday(m, ctx, name, int(year_text) if year_text else None)
    month, day = _FIXED_HOLIDAYS[name]
    return _resolve_day(m, ctx, month, day, int(year_text) if year_text else None)


def _movable_holiday(m: re.Match[str], ctx: Context, name: str, year: int | None) -> Found | None:
    """Return Thanksgiving (US, fourth Thursday of November) or Easter Sunday of the year meant."""
    if year is None and ctx.anchor is None:
        return _found(m, None, gran="day")
    if year is None:
        assert ctx.anchor is not None
        guess = _holiday_date(name, ctx.anchor.year)
        year = cal.infer_year(ctx.anchor, guess.month, guess.day, ctx.tense(*_span(m)))
    return _found(m, cal.day_value(_holiday_date(name, year)), gran="day")


def _holiday_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher) for Easter Sunday.
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m_ = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m_ + 114, 31)
    return date(year, month, day + 1)


# --- the rule table -------------------------------------------------------------------------------

M, D, DW, Y, WD = lex.MONTH, lex.DAY_NUM, lex.ORDINAL_DAY, lex.YEAR, lex.WEEKDAY
PRE, N, VN, U = lex.PART_PREFIX, lex.NUMBER, lex.VAGUE_NUMBER, lex.UNIT
_ONES = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
_ONES += r"|seventeen|eighteen|nineteen|twenty)"
B = r"(?<![\w'’-])"  # a word starts here
_TO = r"(?:\s*[-–]\s*|\s+(?i:and|or|to|through|until|till)\s+)"  # between the ends of a span of dates
E = r"(?![\w])"  # a word ends here
# A weekday and the date after it on one line: a headline ending "until Friday" and the dateline below
# it are two expressions.
_SAME_LINE = r"[^\S\n]+"
_BC = r"(?:BCE|BC|B\.C\.(?:E\.)?)"
# "last" after "to" or a modal is the verb ("expected to last two days"): the duration is "two days".
_LAST_NOT_VERB = r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmay\s)(?<!\bmight\s)last"

# Days that count only some days of the calendar ("the past five trading days", "ten business days"): still
# a count of days, so the duration rule reads them (TimeBank "Eight trading days": P8D).
_DAY_KIND = r"(?:\s+(?i:trading|business|working))?"

# "the same month a year ago", "the corresponding period last year": a period under discussion, a year back.
_SAME = r"(?:(?i:same|corresponding|comparable)\s+)?"
_DISCUSSED = r"(?i:quarter|period|month)"

_RULES: list[tuple[str, Resolver]] = [
    (
        r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)"
        r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])",
        _iso,
    ),
    (r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _slashed),
    (r"(?<![\d/.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)", _slashed),
    # Spans of days or months ("August-September 1950", "26 June - 4 August 1952", "in March and April 2012"):
    # TimeML tags each end; the first takes the year written after the second. Ahead of the day rules so
    # that they win the tie on the first end.
    (rf"{B}(?P<t>(?:(?P<day>{D})\s+)?(?P<mon>{M})){_TO}(?:{D}\s+)?{M}(?:,?\s+|\s+of\s+)(?P<year>{Y}){E}", _range_start),
    (rf"{B}(?P<t>(?P<mon>{M})\s+(?P<day>{D})){_TO}{M}\s+{D}(?:,?\s+(?P<year>{Y})){E}", _range_start),
    (
        rf"(?:{M}|(?<!\d)\d{{1,2}})\s*[-–]\s*(?P<t>(?:(?P<day>{D})\s+)?(?P<mon>{M})(?:,?\s+(?P<year>{Y}))?){E}",
        _range_end,
    ),
    (rf"{M}\s+{D}\s*[-–]\s*(?P<t>(?P<mon>{M})\s+(?P<day>{D})(?:,?\s+(?P<year>{Y}))?){E}", _range_end),
    (
        rf"{B}(?:(?P<wd>{WD}),?{_SAME_LINE})?(?P<mon>{M})\s+(?:(?P<day>{D})|the\s+(?P<dayw>{DW}))"
        rf"(?:(?:,\s*|\s+)(?P<year>{Y}))?{E}",
        _month_day,
    ),
    (
        rf"(?<![\w'’])(?<!\D[-–])(?:(?P<wd>{WD}),?{_SAME_LINE})?(?:the\s+)?(?:(?P<day>{D})|(?P<dayw>{DW}))(?:\s+of)?\s+(?P<mon>{M})"
        rf"(?:,?\s+(?P<year>{Y}))?{E}",
        _month_day,
    ),
    (
        rf"{B}(?P<mon>{M})\s+{D}\s*(?:(?i:and|or|to|through)\s+|[-–]\s*)(?P<t>(?P<day>{D})"
        rf"(?:(?:,\s*|\s+)(?P<year>{Y}))?){E}",
        _month_day,
    ),  # the second day of "March 28 and 29", "April 24-25, 1999": TimeML tags each day
    (rf"{B}(?P<mon>{M})\s+(?P<day>{D})(?:\.?\s+of\s+|\s+)(?P<mon2>{M})(?!\s+\d)(?:,?\s+(?P<year>{Y}))?{E}", _garbled),
    (rf"{B}(?:(?P<pre>{PRE})[\s-]*)?(?P<mon>{M})(?:\s+of)?,?\s+(?P<year>{Y}){E}", _month_year),
    (
        rf"{B}(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
        rf"(?:(?P<pre>{PRE})[\s-]*)?(?P<mon>{lex.MONTH_FULL}|{lex.MONTH_CAPS}|{lex.MONTH_ABBR}(?=\s))"
        r"(?:\s+(?:(?i:of)\s+)?(?P<ly>(?i:last|next|this))\s+year)?(?![\w-])",
        _month_alone,
    ),
    (
        rf"{B}(?:(?P<pre>{PRE})[\s-]*|(?P<fy>(?i:fiscal|FY)\s*)|(?i:the\s+year)\s+)?(?P<year>{Y})"
        r"(?:\s+(?P<bc>BC|BCE|B\.C\.))?(?![\w-]|['’](?!s\b)|\.\d)",
        _year,
    ),
    (rf"{B}(?:(?P<mon>{M})\s+(?:(?i:of)\s+)?)?(?P<sy>{lex.SPOKEN_YEAR}){E}", _spoken_year),
    (rf"{B}(?i:the\s+year)\s+(?i:two\s+thousand)(?:\s+(?:(?i:and)\s+)?(?P<n>{_ONES}))?{E}", _spoken_year),
    (r"(?<![\w$£€.,/-])(?P<t>(?P<a>1[5-9]\d\d|20\d\d))[-–](?P<b>1[5-9]\d\d|20\d\d|\d\d)(?![\w%-]|\.\d)", _range_year),
    (r"(?<![\w$£€.,/-])(?P<a>1[5-9]\d\d|20\d\d)[-–](?P<t>(?P<b>1[5-9]\d\d|20\d\d|\d\d))(?![\w%-]|\.\d)", _range_year),
    (
        rf"{B}(?:(?i:the)\s+)?(?:(?P<pre>{PRE})[\s-]*)?(?:(?P<dec>1[0-9]\d0|20\d0)['’]?s|['’](?P<yy>\d0)['’]?s"
        r")(?!\w)",
        _decade,
    ),
    (
        rf"{B}(?i:the)\s+(?:(?P<pre>{PRE})[\s-]*)?(?P<w>(?i:nineteen[\s-]+)?(?i:twenties|thirties|forties|fifties"
        rf"|sixties|seventies|eighties|nineties)){E}",
        _decade,
    ),
    (
        rf"{B}(?:(?i:the)\s+)?(?:(?P<pre>{PRE})[\s-]*)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{DW})[\s-]+(?i:century)"
        rf"(?:\s+(?P<bc>{_BC}))?{E}",
        _century,
    ),
    (
        rf"(?<![\w'’])(?:(?P<mon>{M})\s+|(?P<s>{lex.SEASON})\s+(?:(?i:of)\s+)?)?(?P<y>\d{{1,4}})\s*{_BC}(?![\w])",
        _bc_year,
    ),
    (rf"(?<![\w.,$-])(?P<t>(?P<y>\d{{1,4}})){_TO}(?P<y2>\d{{1,4}})\s*{_BC}(?![\w])", _bc_range_start),
    (
        rf"{B}(?:(?P<the>(?i:the|its|this\s+year's|last\s+year's|next\s+year's|a|an))\s+)?"
        r"(?:(?P<ya>(?i:year-ago|year-earlier|prior-year|comparable))\s+)?"
        rf"(?:(?P<y1>{Y})\s+|(?i:fiscal)[\s-]+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+"
        rf"(?:(?i:fiscal)[\s-]+)?(?i:quarter)(?!s)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?:(?P<y2>{Y})"
        rf"|(?P<oy>(?i:last|this|next))\s+year))?{E}",
        _quarter,
    ),
    (rf"{B}(?P<q>Q[1-4])(?:(?:\s+|-|/|\s+of\s+)(?P<y>{Y}|['’]\d\d))?{E}", _q_code),
    (
        r"(?<![\w-])(?i:the)\s+(?:(?P<adj>(?i:latest|current|same|comparable|year-earlier|year-ago|year\s+earlier"
        r"|year\s+ago|prior-year|previous|prior|recent|just-ended|just\s+ended))\s+)?(?:(?i:fiscal)\s+)?"
        r"(?P<u>(?i:quarter|period))(?!s|\w|-)",
        _the_quarter,
    ),
    (rf"{B}(?i:the|its)\s+(?P<y>{Y})\s+(?:(?i:fiscal)\s+)?(?i:quarter|period)(?!s|\w)", _year_quarter),
    (
        rf"{B}(?:(?i:the)\s+{_SAME}(?P<u>{_DISCUSSED})\s+(?i:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year)"
        rf"|(?i:last\s+year['’]s)\s+{_SAME}(?P<u2>{_DISCUSSED})){E}",
        _period_a_year_back,
    ),
    (
        rf"{B}(?:(?i:the)\s+)?(?P<h>(?i:first|second|latter|last|back|front))\s+half(?:\s+of)?(?:\s+(?P<y>{Y})|\s+"
        r"(?P<rel>(?i:this|last|next|the))\s+year)(?![\w'’])",
        _half,
    ),
    (
        rf"{B}(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the|coming|past))\s+)?"
        rf"(?:(?P<pre>{PRE})[\s-]*)?(?P<s>{lex.SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{Y})|(?P<sy>{lex.SPOKEN_YEAR})))?{E}",
        _season,
    ),
    (
        rf"{B}(?:(?P<pre>(?i:early|late|later|earlier))\s+)?(?P<w>(?i:today|yesterday|tomorrow|tonight|overnight))"
        rf"(?:\s+(?P<pod>{lex.PART_OF_DAY}))?{E}",
        _relative_day,
    ),
    (rf"{B}(?i:the\s+day)\s+(?P<w>(?i:before\s+yesterday|after\s+tomorrow)){E}", _day_before_after),
    (
        rf"{B}(?P<rel>(?i:early\s+this|late\s+last|late\s+this|this|last|early|late))\s+(?P<pod>{lex.PART_OF_DAY})"
        rf"{E}",
        _part_of_day,
    ),
    (
        rf"(?<=\b(?:in|In|by|By)\s)(?i:the)\s+(?P<pod>{lex.PART_OF_DAY})(?!\s+(?i:of|before|after)\b){E}",
        _the_part_of_day,
    ),  # "placed buy orders in the morning"; "the night of April 18" is a date's part (see timex)
    (
        r"\b(?:[Ff]or|end|ended|ends|ending|finish|finished|finishing|close|closed|closing)\s+(?P<t>(?i:the)\s+day)"
        r"(?=\s*(?:[,.;]|(?:at|with|down|up|higher|lower|on|in)\b))",
        _session_day,
    ),  # "ended the day at 8,017", "for the day, the Nikkei fell": the trading day reported
    (rf"{B}(?:(?P<rel>(?i:last|next|this|early|late))\s+)?(?P<wd>{WD})\s+(?P<pod>{lex.PART_OF_DAY}){E}", _weekday_part),
    (rf"{B}(?P<wd>{WD})s(?:\s+(?P<pod>(?i:mornings|afternoons|evenings|nights)))?{E}", _weekday_set),
    (rf"{B}(?i:every|each)\s+(?:(?i:other)\s+)?(?P<wd>{WD}){E}", _weekday_set),
    (
        rf"{B}(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous|the\s+following"
        rf"|the\s+next|early|late|earlier|later))\s+)?(?P<wd>{WD})(?![\w-])",
        _weekday,
    ),
    (r"(?<![\w-])(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)(?![\w-])", _adverb_set),
    (
        rf"{B}(?i:every|each)\s+(?:(?P<n>{N})\s+)?(?P<u>{U}|{lex.MONTH_FULL}|{lex.SEASON}|"
        rf"{lex.PART_OF_DAY}){E}",
        _every,
    ),
    (
        rf"{B}(?i:once|twice|(?:\w+|\d+)\s+times)\s+(?i:a|an|per|each|every)\s+(?P<u>(?i:day|week|month|year"
        rf"|quarter|hour|minute|decade)){E}",
        _times_per,
    ),
    (
        rf"{B}(?:(?P<pre>{PRE})[\s-]*)?(?P<rel>(?i:last|next|this|past|coming|previous|following|current"
        r"|the\s+(?:past|last|next|coming|previous|following|current|same|latest|preceding|prior)|the))\s+"
        r"(?P<u>(?i:day|week|weekend|month|year|quarter|decade|century|fiscal\s+year|fortnight))(?!s|\w|-)",
        _relative_unit,
    ),
    (
        rf"{B}(?P<pre>(?i:earlier|later|early|late))\s+in\s+the\s+(?P<u>(?i:week|month|year|day|quarter)){E}",
        _in_the_unit,
    ),
    (
        rf"{B}(?i:the)\s+(?P<u>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after))"
        r"(?=\s*(?:[.,;:!?)]|--|$))",
        _unit_before_after,
    ),  # "the day before, police warned them": with no event after it, the day before the date named last
    (
        rf"{B}(?:(?P<pre>(?i:earlier|later|early|late))\s+(?:(?i:in|on)\s+)?)?(?i:that)\s+(?:(?i:same)\s+)?"
        rf"(?P<u>(?i:day|week|month|year))(?![\w-])",
        _that_unit,
    ),
    (r"(?<![\w-])(?i:the\s+weekend)(?![\w-])", _the_weekend),
    (r"(?<![\w-])(?i:the\s+(?:fiscal\s+)?year)(?=\s+(?i:ended|ending)\b)", _year_ended),
    (r"(?<![\w-])(?i:the\s+(?:fiscal|full|current|calendar|whole|entire)\s+year)(?![\w-])", _this_year),
    (
        r"\b(?i:for|of|in|during|throughout)\s+(?P<t>(?i:the)\s+year)(?!\s+(?i:ago|earlier|before|after|later|when"
        r"|that|in\s+which|of|since|ended|ending|\d)\b)(?![\w'’-])",
        _this_year,
    ),
    (
        r"(?<![\w-])(?P<w>(?i:current|recent))(?!\s+(?i:accounts?|assets|liabilities|affairs)\b)(?=\s+[a-z])",
        _vague_adjective,
    ),
    (
        r"(?<![\w-])(?:(?i:the)\s+(?i:near|foreseeable|distant|immediate)\s+future|(?:(?<=\bin )|(?<=\bfor )"
        r"|(?<=\binto ))(?i:the\s+future))(?!\s+of\b)(?![\w-])",
        _vague,
    ),
    (r"(?<![\w-])(?:(?i:the\s+)?year['’]s\s+end|(?i:year)[\s-]end)(?![\w-])", _year_end),
    (
        rf"{B}(?:(?P<mod>{lex.APPROX_WORDS})\s+)?(?P<n>{N}|{VN})[\s-]+(?P<u>{U})"
        r"(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|previously|back|prior))"
        r"(?!\s+(?:the|a|an|his|her|its|their|this|that|[a-z]+ing)\b)(?![\w-])",
        _offset,
    ),
    (r"(?<![\w-])(?i:year-earlier|year-ago|year\s+earlier|year\s+ago)(?![\w-])", _year_ago_adj),
    (
        rf"{B}(?:(?P<mod>{lex.APPROX_WORDS})\s+)?(?:(?i:the|its|their|his|her|an?)\s+)?"
        rf"(?:(?P<rel>(?i:past|{_LAST_NOT_VERB}|next|coming|first|final|previous|following|latest|remaining|entire|whole|full"
        rf"|initial|same))\s+)?(?:(?P<mod2>{lex.APPROX_WORDS})\s+)?(?P<n>{N}|{VN})(?P<half>\s+(?i:and)\s+(?i:a)\s+(?i:half))?"
        rf"(?:(?<!\d{{4}})\s+(?i:or|to|and)\s+(?P<n2>{N}))?(?:\s+(?i:more|additional|straight|consecutive|full|long))?"
        rf"{_DAY_KIND}"
        rf"[\s-]+(?P<u>{U})(?:-old)?(?P<half2>\s+(?i:and)\s+(?i:a)\s+(?i:half))?{E}",
        _duration,
    ),
    (
        rf"{B}(?:(?!(?i:an?)\s)(?P<n>{N})[\s-]+)?(?P<u>(?i:hours?|days?|weeks?|months?|years?|decades?|centuries|century))"
        r"-?(?i:long)(?![\w-])",
        _long,
    ),
    (
        r"\b(?:[Ff]or|[Ww]ithin|[Ii]n|[Aa]fter|lasted|took|spent)\s(?P<t>(?P<u>(?i:minutes|hours|days|weeks|months|years"
        r"|decades|centuries)))"
        r"(?!\s+(?i:ago|earlier|later|before|after|of|to\s+come)\b)(?![\w-])",
        _bare_units,
    ),
    (
        rf"{B}(?:(?i:the)\s+)?(?P<rel>(?i:coming|upcoming|recent|next\s+few|past\s+few|last\s+few|ensuing))\s+"
        rf"(?P<u>(?i:days|weeks|months|years|decades|quarters)){E}",
        _vague_span,
    ),
    (
        r"(?<![\w-])(?:(?i:right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|at\s+the\s+moment"
        r"|recently|more\s+recently|most\s+recently|lately|until\s+recently"
        r"|(?<!\bas\s)(?<!\bAs\s)soon(?!\s+(?:after|afterwards?|thereafter|as|enough|before)\b))"
        r"|(?i:in)\s+(?P<t>(?i:the\s+(?:recent\s+|distant\s+)?past|the\s+(?:near\s+|foreseeable\s+|distant\s+)?"
        r"future|the\s+(?:near|long|short)\s+term)))(?![\w-])",
        _vague,
    ),
    (
        r"(?<![\w.:])(?:(?P<mod>(?i:about|around|approximately|roughly))\s+)?(?P<h>1[0-2]|0?\d)(?:[:.](?P<mi>[0-5]\d))?"
        r"\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![\w])(?:\s+(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST))?",
        _clock,
    ),
    (
        r"(?<![\w:.])(?:(?i:at|by|until|from|around|after|before)\s+)(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
        r"(?:\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST|hours|h\b))?)(?![\d:])",
        _clock,
    ),
    (r"(?<![\w:.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:GMT|UTC)(?![\w])", _clock),  # wire copy: "(1730 GMT)"
    (r"(?<![\w-])(?P<w>(?i:noon|midday|midnight))(?![\w-])", _noon),
    (
        r"(?<![\w-])(?P<h>(?i:christmas\s+(?:eve|day)|christmas|xmas|boxing\s+day|new\s+year['’]s\s+(?:eve|day)"
        r"|halloween|valentine['’]s\s+day|independence\s+day|the\s+fourth\s+of\s+july|bastille\s+day"
        r"|st\.?\s+patrick['’]s\s+day|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?))(?:,?\s+(?P<y>"
        + Y
        + r"))?(?![\w-])",
        _holiday,
    ),
]


# Cheap lower-case literal scans that say where a rule could match: each rule's full pattern runs only
# in windows around its trigger's hits (word starts only), which keeps recognition to a few ms an article.
def _trigger_words() -> dict[str, tuple[str, ...]]:
    """Return each lower-case word that can start or anchor an expression, with the triggers it fires."""
    groups: dict[str, list[str]] = {
        "adverb": ["daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly"],
        "noon": ["noon", "midday", "midnight"],
        "holiday": ["christmas", "xmas", "boxing", "new", "halloween", "valentine", "independence", "fourth",
                    "bastille", "st", "thanksgiving", "easter"],
        "relday": ["today", "yesterday", "tomorrow", "tonight", "overnight"],
        "every": ["every", "each", "once", "twice"],
        "weekday": [w + s for w in lex.WEEKDAYS for s in ("", "s")],
        "month": [*lex.MONTHS, "sept"],
        "season": list(lex.SEASONS),
        "unit": [u + s for u in lex.UNITS for s in ("", "s")] + ["centuries", "millennia"],
        "quarter": ["quarter", "quarters", "period"],
        "century": ["century", "centuries"],
        "half": ["half"],
        "pod": ["morning", "afternoon", "evening", "night", "nights", "mornings", "evenings", "afternoons"],
        "vague": ["now", "current", "currently", "present", "presently", "recent", "recently", "lately",
                  "previously", "formerly", "soon", "shortly", "past", "future", "term", "these", "moment",
                  "nowadays"],
        "decade": list(lex.DECADE_WORDS),
        "qcode": ["q1", "q2", "q3", "q4"],
        "spoken": [*lex.SPOKEN_CENTURIES, "thousand"],
        "bc": ["bc", "bce", "b"],
    }  # fmt: skip
    words: dict[str, tuple[str, ...]] = {}
    for name, forms in groups.items():
        for form in forms:
            words[form] = (*words.get(form, ()), name)
    return words


# Rules run only in windows around a word that could anchor them (or a number, for numeric rules):
# one pass over the words keeps recognition to a few ms an article.
TRIGGER_WORDS = _trigger_words()
TRIGGER_NAMES = (*{n for names in TRIGGER_WORDS.values() for n in names}, "iso", "slashed", "year", "clock")
_CLOCK_AFTER = re.compile(r"[:.]\d\d|\s*[ap]\.?m\b", re.IGNORECASE)
_DECADE_TOKEN = re.compile(r"\d*0s")
_ZONE_AFTER = re.compile(r"\s+(?:GMT|UTC)\b")
_CENTURY_PREFIXES = frozenset({"15", "16", "17", "18", "19", "20"})


def digit_triggers(token: str, text: str, end: int) -> tuple[str, ...]:
    """Return the numeric rules a number token (ending at ``end``) could anchor."""
    after = text[end : end + 1]
    if len(token) == 4 and _ZONE_AFTER.match(text, end):
        return ("clock",)  # "1730 GMT"
    if len(token) == 4 and token[:2] in _CENTURY_PREFIXES:
        return ("year", "iso") if after == "-" else ("year",)
    digits = token.rstrip("apm")
    if token[len(digits) :] in ("am", "pm"):
        return ("clock",)  # "6pm"
    if len(token) <= 2:
        names = ("slashed",) if after in ("/", ".") else ()
        return (*names, "clock") if _CLOCK_AFTER.match(text, end) else names
    return ("decade",) if _DECADE_TOKEN.fullmatch(token) else ()


_TRIGGER_OF: dict[Resolver, str] = {
    _iso: "iso", _slashed: "slashed", _month_day: "month", _garbled: "month", _month_year: "month",
    _month_alone: "month", _range_start: "month", _range_end: "month", _year: "year", _range_year: "year",
    _decade: "decade", _century: "century", _bc_year: "bc", _bc_range_start: "bc",
    _quarter: "quarter",
    _q_code: "qcode", _the_quarter: "quarter", _year_quarter: "quarter", _period_a_year_back: "unit",
    _half: "half", _season: "season",
    _relative_day: "relday", _day_before_after: "relday", _part_of_day: "pod", _the_part_of_day: "pod",
    _session_day: "unit",
    _weekday_part: "weekday",
    _weekday_set: "weekday", _weekday: "weekday", _adverb_set: "adverb", _every: "every", _times_per: "every",
    _relative_unit: "unit", _in_the_unit: "unit", _the_weekend: "unit", _this_year: "unit", _vague: "vague",
    _year_ended: "unit", _vague_adjective: "vague", _that_unit: "unit", _unit_before_after: "unit",
    _year_end: "unit", _offset: "unit", _year_ago_adj: "unit", _duration: "unit", _vague_span: "unit",
    _bare_units: "unit", _long: "unit", _spoken_year: "spoken",
    _clock: "clock", _noon: "noon", _holiday: "holiday",
}  # fmt: skip

RULES: list[tuple[re.Pattern[str], Resolver, str]] = [(re.compile(p), r, _TRIGGER_OF[r]) for p, r in _RULES]
