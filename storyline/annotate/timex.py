"""Find time expressions in article text and resolve them to TIMEX3-style values.

A rule-based recogniser in the HeidelTime/SUTime tradition (own patterns, see ``timex_rules``):
one pass over the words finds the trigger words (month names, units, numbers...), each rule's
precompiled regex runs only in the windows around its triggers, overlapping candidates are
settled longest-first, then values that depend on other expressions (clock times, "the year-ago
quarter") are filled in text order. Relative expressions resolve against the publication date and the tense of the
verb that governs them ("was arrested on Monday" looks back, "travels on Monday" ahead).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from storyline.annotate import timex_calendar as cal
from storyline.annotate import timex_lexicon as lex
from storyline.annotate.timex_rules import RULES, TRIGGER_NAMES, TRIGGER_WORDS, Context, Found, digit_triggers
from storyline.models import TimeExpr

# How far back (characters) a quarter named earlier still anchors "a year earlier" / "the quarter":
# WSJ earnings stories in TimeBank restate the quarter every sentence or two.
_QUARTER_REACH = 1200
# How far (characters) a clock time looks back for the day it belongs to, within its sentence.
_CLOCK_DAY_REACH = 60
_JOIN_GAP = re.compile(r"\s*,?\s*(?:on\s+)?", re.IGNORECASE)
_CLOCK_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$|XXXX-WXX-\d$")


def find_timexes(text: str, anchor: str | date | datetime | None, doc: Any | None = None) -> list[TimeExpr]:
    """Return the time expressions in ``text``, in order, resolved against the publication date ``anchor``.

    ``doc`` is an optional spaCy ``Doc`` of the same text (tagger and parser); it gives the tense
    of the governing verb. Without it, nearby words (will, ago, last, past-tense forms) stand in.
    """
    if not text or not text.strip():
        return []
    if doc is not None and getattr(doc, "text", None) != text:
        doc = None  # a parse of some other text would give wrong tenses
    ctx = Context(text, cal.parse_anchor(anchor), doc)
    chosen = _select(_candidates(ctx), len(text))
    dateline = _dateline_day(chosen) if ctx.anchor is None else None
    if dateline is not None:
        ctx = Context(text, dateline, doc)
        chosen = _select(_candidates(ctx), len(text))
    resolved = _resolve_references(chosen, ctx)
    joined = _join_part_of_day(_join_clock_times(resolved, text, ctx.anchor), text)
    return [_to_timex(text, _trim(f, text)) for f in joined]


# How far into the text (characters) a date written out to the day still reads as the article's dateline.
_DATELINE_REACH = 300


def _dateline_day(chosen: list[Found]) -> date | None:
    """Return the day a text without a usable publication date states at its top ("February 3, 2009"), else None.

    Relative expressions then count from it rather than being left open.
    """
    for f in chosen:
        if f.start > _DATELINE_REACH:
            break
        day = cal.day_of(f.value or "")
        if day is not None and f.issue is None:
            return day
    return None


def _candidates(ctx: Context) -> list[Found]:
    """Return every match of every rule, resolved (overlaps included)."""
    windows = _trigger_windows(ctx.text)
    found: list[Found] = []
    for pattern, resolver, trigger in RULES:
        for start, end in windows[trigger]:
            for m in pattern.finditer(ctx.text, start, end):
                f = resolver(m, ctx)
                if f is not None and f.end > f.start:
                    found.append(f)
    return found


# Characters around a trigger word that a rule's match may span (longest: "at least the past
# twenty-four hours", "5 p.m. EST, Nov. 6").
_BEFORE_TRIGGER = 80
_AFTER_TRIGGER = 50
_TOKEN = re.compile(r"[^\W_]+")


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Return, for each trigger, the merged stretches of text around the words that fire it."""
    windows: dict[str, list[tuple[int, int]]] = {name: [] for name in TRIGGER_NAMES}
    words = TRIGGER_WORDS
    for m in _TOKEN.finditer(text):
        token = m.group().lower()
        names = digit_triggers(token, text, m.end()) if token[0].isdigit() else words.get(token)
        if names:
            span = (max(0, m.start() - _BEFORE_TRIGGER), _word_end(text, m.end() + _AFTER_TRIGGER))
            for name in names:
                _add_window(windows[name], span)
    return windows


def _add_window(merged: list[tuple[int, int]], span: tuple[int, int]) -> None:
    """Append a window, merging it with the last one when they touch (hits come in text order)."""
    if merged and span[0] <= merged[-1][1]:
        merged[-1] = (merged[-1][0], max(span[1], merged[-1][1]))
    else:
        merged.append(span)


def _word_end(text: str, i: int) -> int:
    """Return the end of the word at i (a window must not cut a word in two)."""
    n = len(text)
    while i < n and text[i].isalnum():
        i += 1
    return min(i, n)


def _select(found: list[Found], length: int) -> list[Found]:
    """Return non-overlapping candidates, longest first (earlier rules win ties), in text order."""
    ranked = sorted(enumerate(found), key=lambda item: (item[1].start - item[1].end, item[0]))
    taken = bytearray(length)  # 1 where a chosen expression already sits
    chosen: list[Found] = []
    for _, f in ranked:
        if not any(taken[f.start : f.end]):
            chosen.append(f)
            taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    return sorted(chosen, key=lambda f: f.start)


def _resolve_references(found: list[Found], ctx: Context) -> list[Found]:
    """Fill the placeholders that depend on earlier expressions, in text order.

    "@Q" is a quarter named earlier, "@Y" a year from that quarter (or from now; "@YR" from the latest date
    named when no quarter is near), "@R" a period
    counted from the latest date the text named ("two days later", "the following year"), "@D" a weekday
    counted the same way ("the previous Friday"), "@P" a part of that day ("in the morning") or the day itself
    ("ended the day higher"), "@S" the
    period of that date itself ("that day", "later that year"); an "@S" with no such date is dropped.
    """
    out: list[Found] = []
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, where)
    reference: tuple[date, int, str] | None = None  # (latest date named, where, its granularity)
    stated_year: tuple[int, int, bool] | None = None  # (latest year written out, where, with a month or day)
    history = _is_history(ctx)
    for f in found:
        moved = _in_stated_year(f, stated_year, ctx, history)
        if moved is not f and stated_year is not None:
            # the narrative goes on in that year
            stated_year = (stated_year[0], moved.end, stated_year[2])
        f = _in_history_year(moved, stated_year, ctx) if history else moved
        if out:
            f = _in_year_of_span_start(f, out[-1], ctx.text)
        new_year = None if not history and _in_year_range(f, ctx.text) else _stated_year(f, ctx.text)
        stated_year = _next_stated_year(new_year, stated_year, f, ctx.text)
        value = f.value or ""
        if value.startswith("@QY"):
            f = f._replace(value=_year_quarter(int(value[3:]), last_quarter))
        elif value.startswith("@Q"):
            resolved, gran = _quarter_reference(int(value[2:]), last_quarter, f.start, ctx.anchor)
            f = f._replace(value=resolved, gran=gran)
        elif value.startswith("@YR"):
            resolved, gran = _year_from_reference(int(value[3:]), last_quarter, reference, f.start, ctx.anchor)
            f = f._replace(value=resolved, gran=gran)
        elif value.startswith("@Y"):
            resolved, gran = _year_reference(int(value[2:]), last_quarter, f.start, ctx.anchor)
            f = f._replace(value=resolved, gran=gran)
        elif value.startswith("@R"):
            f = f._replace(value=_from_reference(value[2:], reference, f.start, ctx.anchor))
        elif value.startswith("@P"):
            f = f._replace(value=_part_of_reference_day(value[2:], reference, f.start, ctx.anchor))
        elif value.startswith("@D"):
            f = f._replace(value=_weekday_from_reference(value[2:], reference, f.start, ctx.anchor))
        elif value.startswith("@S"):
            same = _same_period(value[2:], reference, f.start)
            if same is None:
                continue  # "trades made that day": no date named nearby, so a generic day
            f = f._replace(value=same)
        elif (
            _QUARTER.fullmatch(value)
            and f.type == "DATE"
            and not _reported_quarter_stays(last_quarter, value, f.start, ctx.anchor)
        ):
            # Only quarters named outright anchor later references; resolved references would chain.
            last_quarter = (int(value[:4]), int(value[-1]), f.end)
        named = _named_date(f.value)
        if named is not None:
            reference = (named, f.end, cal.granularity_of(f.value) or "year")
        out.append(f)
    return out


# How far back (characters) a year written out ("In 1995, ...") still gives its year to a month named
# without one ("In June, he moved"), within the paragraph; tuned on the WikiWars training split and
# checked on TimeBank, where news months mostly count from the publication date instead.
_STATED_YEAR_REACH = 400
# A stated year this close to the publication year leaves bare months to the publication date.
_STATED_YEAR_MIN_GAP = 2
# Across sentences, only a year at least this far before publication carries over (historical background).
_HISTORICAL_GAP = 10
# In a history, how far (characters, across paragraphs) a historical year still dates a bare month or
# season: far, since a history restates its year only when it moves on. Tuned on the WikiWars training
# split (3,000 → 6,000 → 20,000 characters each helped a little); news never uses it (see _is_history).
_HISTORICAL_REACH = 20000
_SINCE = re.compile(r"(?i)\bsince\b[^,.;]{0,25}$")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# Words that name a month or season (an expression needs one to take the narrative's year).
_BARE_MONTH = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter)")
_RELATIVE_WORD = re.compile(r"(?i)\b(?:last|next|this|coming|past|ago|earlier|later)\b")
_SENTENCE_BREAK = re.compile(r"[.!?;]['\"”’]*\s+[\"“‘']*[A-Z0-9]")
_MONTH_VALUE = re.compile(r"\d{4}(-\d{2}(?:-\d{2})?|-(?:SP|SU|FA|WI))")


# A text is a history (not news) when it writes out at least this many years that lie
# _HISTORICAL_GAP or more before publication, and at least _HISTORY_RATIO times as many as words
# pointing at the publication day (weekdays, today, last week...). Tuned on the WikiWars training
# split (histories) against TimeBank and the even-indexed AQUAINT files (news: at most 3 such years).
_HISTORY_MIN_YEARS = 5
_HISTORY_RATIO = 3
_DEICTIC = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:this|last|next)\s+(?:week|month|year))\b"
)


def _is_history(ctx: Context) -> bool:
    """Return whether the text narrates a distant past (a war history) rather than recent news."""
    if ctx.anchor is None:
        return False
    years = [int(y) for y in _WRITTEN_YEAR.findall(ctx.text)]
    old = sum(1 for y in years if ctx.anchor.year - y >= _HISTORICAL_GAP)
    return old >= _HISTORY_MIN_YEARS and old >= _HISTORY_RATIO * len(_DEICTIC.findall(ctx.text))


def _stated_year(f: Found, text: str) -> tuple[int, int, bool] | None:
    """Return (year, end, finer) when the expression writes its calendar year out ("June 1995", "1995").

    ``finer`` says the expression also names a month or day ("March 20, 2003"): a date that precise sets
    the scene for the sentences after it, a year alone less so.
    """
    m = _WRITTEN_YEAR.search(text, f.start, f.end)
    if m is None or f.type not in ("DATE", "TIME") or not (f.value or "").startswith(m.group(1)):
        return None
    if _SINCE.search(text, max(0, f.start - 32), f.start):
        return None  # "since (its launch in) 1980" runs up to now: it sets no year for what follows
    return int(m.group(1)), f.end, bool(_MONTH_VALUE.fullmatch(f.value or ""))


# A span of years ("served as minister from 2016 to 2018", "between 2016 and 2018", "2016-18"): in news it is
# background (a tenure, a term), not the year the story goes on in, so it dates no bare day after it.
_YEAR_RANGE = re.compile(
    r"(?i)\b(?:between\s+Y\s+and|(?:from\s+)?Y\s+(?:to|until|through)|Y\s*[-–])\s*(?:Y|\d\d)\b".replace(
        "Y", r"(?:1[5-9]\d\d|20\d\d)"
    )
)
_RANGE_REACH = 30  # characters either side of a year that a range around it may take


def _in_year_range(f: Found, text: str) -> bool:
    """Return whether the expression is a bare year that opens or closes a span of years."""
    if not _WRITTEN_YEAR.fullmatch(text, f.start, f.end):
        return False
    window = _YEAR_RANGE.finditer(text, max(0, f.start - _RANGE_REACH), min(len(text), f.end + _RANGE_REACH))
    return any(m.start() <= f.start and f.end <= m.end() for m in window)


_CLAUSE_START = re.compile(r"(?:[.!?;:]\s+|\n)[\"“‘']*(?:\w+\s+){0,2}$")


_LEAD_CHARS = 40  # how far back a year's sentence start is looked for ("In early 1976, ")


def _next_stated_year(
    new: tuple[int, int, bool] | None, old: tuple[int, int, bool] | None, f: Found, text: str
) -> tuple[int, int, bool] | None:
    """Return the year the narrative is in after ``f``: a bare year mentioned inside a clause ("the road would
    be exposed for a planned campaign in 1976") leaves the year of a date just given to the day in place;
    one that opens a sentence ("In 1976, ...") moves the narrative on."""
    if new is None:
        return old
    if old is None or new[2] or not old[2] or "\n\n" in text[old[1] : f.start]:
        return new
    lead = ("\n" if f.start <= _LEAD_CHARS else "") + text[max(0, f.start - _LEAD_CHARS) : f.start]
    return new if _CLAUSE_START.search(lead) else old


def _beyond_reach(text: str, where: int, start: int, years_back: int, history: bool, finer: bool) -> bool:
    """Return whether a stated year is too far back in the text to date a month at ``start``.

    In the same sentence any year a few years back counts; across sentences (same paragraph) only a
    clearly historical one, since news text goes back to the publication date quickly; in a history
    (``history``) a historical year holds across paragraphs.
    """
    if history and years_back >= _HISTORICAL_GAP and start - where <= _HISTORICAL_REACH:
        return False  # a history: its year holds across paragraphs until another is stated
    if start - where > _STATED_YEAR_REACH or "\n\n" in text[where:start]:
        return True
    return bool(_SENTENCE_BREAK.search(text, where, start)) and years_back < _HISTORICAL_GAP and not finer


def _in_stated_year(f: Found, stated: tuple[int, int, bool] | None, ctx: Context, history: bool) -> Found:
    """Return a month, day or season named without a year moved into the year the narrative just stated.

    In a history even a present-tense clause keeps the narrative's year (the historical present).
    """
    if stated is None or ctx.anchor is None or f.type != "DATE" or f.year_stated:
        return f
    year, where, finer = stated
    value = _MONTH_VALUE.fullmatch(f.value or "")
    span = ctx.text[f.start : f.end]
    if (
        value is None
        or abs(year - ctx.anchor.year) < _STATED_YEAR_MIN_GAP
        or year > ctx.anchor.year
        or _beyond_reach(ctx.text, where, f.start, ctx.anchor.year - year, history, finer)
        or _WRITTEN_YEAR.search(span)
        or not _BARE_MONTH.search(span)
        or _RELATIVE_WORD.search(span)
        or (not history and ctx.tense(f.start, f.end) in ("present", "future"))  # "as of February, it leads"
        or (not history and _recent_day(f.value or "", ctx.anchor))
    ):
        return f
    return f._replace(value=f"{year:04d}{value.group(1)}", issue=None)


# News reports its own last weeks: a day at most this many days before publication, in the publication
# year, is one of them even after an older year was named ("following the August 1988 cease-fire ... Iran
# had condemned the invasion on Aug. 2", in a story of 15 August 1990). A history narrates on in its year.
_RECENT_DAYS = 31


def _recent_day(value: str, anchor: date) -> bool:
    """Return whether a day value lies at most _RECENT_DAYS before the publication date."""
    day = cal.day_of(value)
    return day is not None and 0 <= (anchor - day).days <= _RECENT_DAYS


_SPAN_JOIN = re.compile(r"\s*(?:[-–]|(?i:and|or|to|through|until|till))\s*")
_DAY_VALUE = re.compile(r"(\d{4})(-\d{2})-\d{2}")


def _in_year_of_span_start(f: Found, before: Found, text: str) -> Found:
    """Return the second day of "April 6-7", "May 4 and 5" in the year its first day was given."""
    first, second = _DAY_VALUE.fullmatch(before.value or ""), _DAY_VALUE.fullmatch(f.value or "")
    if first is None or second is None or first.group(2) != second.group(2) or first.group(1) == second.group(1):
        return f
    if _WRITTEN_YEAR.search(text, f.start, f.end) or not _SPAN_JOIN.fullmatch(text, before.end, f.start):
        return f
    return f._replace(value=first.group(1) + (f.value or "")[4:])


_THE_YEAR = re.compile(r"(?i)\bthe\s+year\b")


def _in_history_year(f: Found, stated: tuple[int, int, bool] | None, ctx: Context) -> Found:
    """Return "the year" ("by the end of the year") of a history as the year it last stated, not today's."""
    if stated is None or ctx.anchor is None or f.value != f"{ctx.anchor.year:04d}":
        return f
    if not _THE_YEAR.search(ctx.text, f.start, f.end) or ctx.anchor.year - stated[0] < _HISTORICAL_GAP:
        return f
    return f._replace(value=f"{stated[0]:04d}")


# How far (characters) a date named earlier stays the reference of "two days later": about a paragraph.
_REFERENCE_REACH = 600
_NAMED_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _named_date(value: str | None) -> date | None:
    """Return the first day of a calendar date value ("2020", "2020-09", "2020-09-14"), else None."""
    m = _NAMED_DATE.fullmatch(value or "")
    if m is None:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


# The granularities a named date may have for "that <unit>" to take its period.
_FINER_OR_EQUAL = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}


def _same_period(unit: str, reference: tuple[date, int, str] | None, where: int) -> str | None:
    """Return the unit-sized period of the date named just before ("that day" after "Oct. 23"), else None.

    The date must be stated at least as finely as the unit: "that day" after "in 1987" is no particular day.
    """
    if reference is None or where - reference[1] > _REFERENCE_REACH or reference[2] not in _FINER_OR_EQUAL[unit]:
        return None
    shifted = cal.shift_value(reference[0], unit, 0)
    return shifted[0] if shifted else None


def _from_reference(spec: str, reference: tuple[date, int, str] | None, where: int, anchor: date | None) -> str | None:
    """Return "day:2" counted from the reference date when one was named nearby, else from the anchor."""
    unit, n = spec.split(":")
    base = reference[0] if reference and where - reference[1] <= _REFERENCE_REACH else anchor
    if base is None:
        return None
    if unit == "day":
        return cal.day_value(base + timedelta(days=int(n)))
    shifted = cal.shift_value(base, unit, int(n))
    return shifted[0] if shifted else None


def _weekday_from_reference(
    spec: str, reference: tuple[date, int, str] | None, where: int, anchor: date | None
) -> str | None:
    """Return "the previous Friday" ("5:-1") as the Friday before the day named nearby, else before the anchor.

    Only a date named to the day is a base; else the publication date is.
    """
    weekday, sign = (int(x) for x in spec.split(":"))
    near = reference is not None and where - reference[1] <= _REFERENCE_REACH and reference[2] == "day"
    base = reference[0] if near and reference is not None else anchor
    if base is None:
        return None
    return cal.day_value(cal.relative_weekday(base, weekday, "previous" if sign < 0 else "following"))


def _part_of_reference_day(
    code: str, reference: tuple[date, int, str] | None, where: int, anchor: date | None
) -> str | None:
    """Return "in the morning" ("MO") as the morning of the day named nearby, else of the anchor.

    An empty ``code`` is the whole day ("ended the day higher").
    """
    near = reference is not None and where - reference[1] <= _REFERENCE_REACH and reference[2] == "day"
    base = reference[0] if near and reference is not None else anchor
    if base is None:
        return None
    if not code:
        # a trading session: markets do not trade at the weekend, so a report dated Saturday is on Friday's
        return cal.day_value(base - timedelta(days=max(0, base.isoweekday() - 5)))
    return f"{cal.day_value(base)}T{code}"


_QUARTER = re.compile(r"\d{4}-Q[1-4]")


def _reported_quarter_stays(last: tuple[int, int, int] | None, value: str, where: int, anchor: date | None) -> bool:
    """Return whether a quarter that is not over at publication leaves the completed quarter named before it
    under discussion: an earnings story on the third quarter that says the earthquake "will result in a
    fourth-quarter charge" goes on about the third ("in the latest quarter", "a year ago")."""
    if last is None or anchor is None or where - last[2] > _QUARTER_REACH:
        return False
    now = anchor.year * 4 + cal.quarter_of(anchor)
    return last[0] * 4 + last[1] < now <= int(value[:4]) * 4 + int(value[-1])


def _year_quarter(year: int, last: tuple[int, int, int] | None) -> str:
    """Return "the 1988 quarter": the quarter under discussion, in the year stated."""
    return f"{year}-Q{last[1]}" if last else f"{year:04d}"


def _quarter_reference(
    shift: int, last: tuple[int, int, int] | None, where: int, anchor: date | None
) -> tuple[str | None, str]:
    if last is not None and where - last[2] <= _QUARTER_REACH * 4:
        year, q = last[0], last[1]
    elif anchor is not None:
        year, q = divmod(anchor.year * 4 + cal.quarter_of(anchor) - 2, 4)  # the last completed quarter
        q += 1
    else:
        return None, "quarter"
    year, q0 = divmod(year * 4 + q - 1 + shift, 4)
    return f"{year}-Q{q0 + 1}", "quarter"


def _year_reference(
    shift: int, last: tuple[int, int, int] | None, where: int, anchor: date | None
) -> tuple[str | None, str]:
    if last is not None and where - last[2] <= _QUARTER_REACH:
        return f"{last[0] + shift}-Q{last[1]}", "quarter"
    if anchor is None:
        return None, "year"
    return f"{anchor.year + shift:04d}", "year"


def _year_from_reference(
    shift: int,
    last: tuple[int, int, int] | None,
    reference: tuple[date, int, str] | None,
    where: int,
    anchor: date | None,
) -> tuple[str | None, str]:
    """Return "a year earlier/later": the quarter under discussion a year off, else a year from the date named.

    Earnings reports compare with "a year earlier" the quarter they just named; a narrative ("In 1984 ...
    One year later he was fired") counts from the date it named last.
    """
    if last is not None and where - last[2] <= _QUARTER_REACH:
        return _year_reference(shift, last, where, anchor)
    return _from_reference(f"year:{shift}", reference, where, anchor), "year"


def _join_clock_times(found: list[Found], text: str, anchor: date | None) -> list[Found]:
    """Give clock times their day: join "5 p.m. Monday" into one; else the day named just before, or today."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        f = found[i]
        if f.value and f.value.startswith("@T"):
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and _is_day(nxt) and _JOIN_GAP.fullmatch(text, f.end, nxt.start):
                out.append(f._replace(end=nxt.end, value=f"{nxt.value}{f.value[1:]}", issue=nxt.issue))
                i += 2
                continue
            out.append(f._replace(value=_clock_day(out, f, text, anchor) + f.value[1:]))
        else:
            out.append(f)
        i += 1
    return [f._replace(value=None) if f.value and f.value.startswith(("T", "@")) else f for f in out]


_PART_OF_DAY_OF = re.compile(r"(?i:the\s+(morning|afternoon|evening|night)\s+of\s+)$")


def _join_part_of_day(found: list[Found], text: str) -> list[Found]:
    """Return "the night of April 18, 1775" as one time: the day named, at that part of the day."""
    out: list[Found] = []
    for f in found:
        lead = _PART_OF_DAY_OF.search(text, max(0, f.start - 30), f.start) if _is_day(f) else None
        if lead is None or (out and out[-1].end > lead.start()):
            out.append(f)
            continue
        pod = lex.PARTS_OF_DAY[lead.group(1).lower()]
        out.append(f._replace(start=lead.start(), value=f"{f.value}T{pod}", type="TIME", gran="time"))
    return out


def _is_day(f: Found) -> bool:
    return bool(f.value and f.type == "DATE" and _CLOCK_DAY.match(f.value))


def _clock_day(before: list[Found], clock: Found, text: str, anchor: date | None) -> str:
    """Return the day a lone clock time belongs to: a day named just before it, else the publication day."""
    for prev in reversed(before[-2:]):
        near = clock.start - prev.end <= _CLOCK_DAY_REACH and "." not in text[prev.end : clock.start]
        if _is_day(prev) and near:
            return prev.value or ""
    told = _day_told_just_before(before, clock, text)
    if told is not None:
        return told
    return cal.day_value(anchor) if anchor else ""


def _day_told_just_before(before: list[Found], clock: Found, text: str) -> str | None:
    """Return the day the sentence before named when this sentence names none ("... on Tuesday. It struck
    the reef shortly before midnight"): the narrative stays on that day."""
    sentence_start = max(text.rfind(". ", 0, clock.start), text.rfind("\n", 0, clock.start))
    previous_start = max(text.rfind(". ", 0, max(sentence_start, 0)), text.rfind("\n\n", 0, max(sentence_start, 0)))
    if sentence_start < 0 or not before:
        return None
    prev = before[-1]
    if prev.start < sentence_start and prev.start > previous_start and _is_day(prev):
        return prev.value or None
    return None


# Leading words TimeBank leaves outside the extent (counted on TimeBank durations): prepositions read as
# signals ("over the past two years", "within a week"), focus words ("only six months") and possessives.
_SIGNAL_LEAD = re.compile(r"(?i:over|within|under|just|only|barely)\s+")
_POSSESSIVE_LEAD = re.compile(r"(?i:its|their|his|her|our|my|your)\s+")
# An article before a number used as an adjective ("a two-year term", "the 30-day period", "a third-quarter
# charge") is the noun's, not the expression's.
_ARTICLE_BEFORE_NUMBER = re.compile(
    r"(?i:an?|the)\s+(?=(?:\d{1,3}(?:\.\d+)?|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|hundred|several))[\s-]+(?i:second|minute|hour|day|week|month|quarter|year"
    r"|decade)(?![\w])|(?i:first|second|third|fourth)-)"
)
_DETERMINER = re.compile(r"(?i:the|a|an|its|their|his|her|our|my|your)\s")


def _trim(f: Found, text: str) -> Found:
    """Return the expression without leading words that TimeML keeps outside a time expression."""
    start, mod = f.start, f.mod
    lead = _SIGNAL_LEAD.match(text, start, f.end)
    if lead and _DETERMINER.match(text, lead.end()):
        mod = None  # "over the past year": a preposition here, not "more than"
    if lead:
        start = lead.end()
    for pattern in (_POSSESSIVE_LEAD, _ARTICLE_BEFORE_NUMBER):
        m = pattern.match(text, start, f.end)
        if m and m.end() < f.end:
            start = m.end()
    return f._replace(start=start, mod=mod) if start != f.start else f


def _to_timex(text: str, f: Found) -> TimeExpr:
    value = f.value
    gran = f.gran if f.gran is not None or f.type in ("DURATION", "SET") else cal.granularity_of(value)
    if f.type == "TIME" and value and "T" in value:
        gran = "time"
    return TimeExpr(
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
        value=value,
        granularity=gran,  # type: ignore[arg-type]
        type=f.type,  # type: ignore[arg-type]
        issue=f.issue,  # type: ignore[arg-type]
        begin=f.begin,
        end_value=f.end_value,
        mod=f.mod,
    )
