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
    resolved = _resolve_references(chosen, ctx)
    return [_to_timex(text, f) for f in _join_clock_times(resolved, text, ctx.anchor)]


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

    "@Q" is a quarter named earlier, "@Y" a year from that quarter (or from now), "@R" a period
    counted from the latest date the text named ("two days later", "the following year").
    """
    out: list[Found] = []
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, where)
    reference: tuple[date, int] | None = None  # (latest date named, where)
    for f in found:
        value = f.value or ""
        if value.startswith("@QY"):
            f = f._replace(value=_year_quarter(int(value[3:]), last_quarter))
        elif value.startswith("@Q"):
            resolved, gran = _quarter_reference(int(value[2:]), last_quarter, f.start, ctx.anchor)
            f = f._replace(value=resolved, gran=gran)
        elif value.startswith("@Y"):
            resolved, gran = _year_reference(int(value[2:]), last_quarter, f.start, ctx.anchor)
            f = f._replace(value=resolved, gran=gran)
        elif value.startswith("@R"):
            f = f._replace(value=_from_reference(value[2:], reference, f.start, ctx.anchor))
        elif _QUARTER.fullmatch(value) and f.type == "DATE":
            # Only quarters named outright anchor later references; resolved references would chain.
            last_quarter = (int(value[:4]), int(value[-1]), f.end)
        named = _named_date(f.value)
        if named is not None:
            reference = (named, f.end)
        out.append(f)
    return out


# How far (characters) a date named earlier stays the reference of "two days later": about a paragraph.
_REFERENCE_REACH = 600
_NAMED_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _named_date(value: str | None) -> date | None:
    """Return the first day of a calendar date value ("2020", "2020-09", "2020-09-14"), else None."""
    m = _NAMED_DATE.fullmatch(value or "")
    if m is None:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _from_reference(spec: str, reference: tuple[date, int] | None, where: int, anchor: date | None) -> str | None:
    """Return "day:2" counted from the reference date when one was named nearby, else from the anchor."""
    unit, n = spec.split(":")
    base = reference[0] if reference and where - reference[1] <= _REFERENCE_REACH else anchor
    if base is None:
        return None
    if unit == "day":
        return cal.day_value(base + timedelta(days=int(n)))
    shifted = cal.shift_value(base, unit, int(n))
    return shifted[0] if shifted else None


_QUARTER = re.compile(r"\d{4}-Q[1-4]")


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


def _is_day(f: Found) -> bool:
    return bool(f.value and f.type == "DATE" and _CLOCK_DAY.match(f.value))


def _clock_day(before: list[Found], clock: Found, text: str, anchor: date | None) -> str:
    """Return the day a lone clock time belongs to: a day named just before it, else the publication day."""
    for prev in reversed(before[-2:]):
        near = clock.start - prev.end <= _CLOCK_DAY_REACH and "." not in text[prev.end : clock.start]
        if _is_day(prev) and near:
            return prev.value or ""
    return cal.day_value(anchor) if anchor else ""


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
