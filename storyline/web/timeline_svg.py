"""A story's timeline as an SVG drawn server-side on a real time axis.

x is a date scale with day, week, month or year ticks; each event is one row.
Happened events are filled circles, planned ones hollow diamonds, reported ones
squares; events with an end date, or stated only to the month or year, are bars
over their span. Each mark links to the event's entry in the list under the
figure (``#event-N``). Built with ElementTree, so every text is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from storyline.models import Event

WIDTH = 820
LEFT = 16
RIGHT = 16
AXIS_Y = 34
ROW = 22
LEGEND_HEIGHT = 30
# More rows than this make the figure taller than a screen; the list below still has them all.
MAX_ROWS = 80
# An event starting further than this many interquartile ranges (and at least OUTLIER_MIN_DAYS)
# from the middle half of a story's events sits at the axis edge, marked: on the examples' Belarus
# story, background like "Lukashenko has ruled since 1994" otherwise squeezed 40 events of 2020 into one column.
OUTLIER_IQRS = 3
OUTLIER_MIN_DAYS = 30
# Average width of a label character at the figure's 11px font, to keep labels inside the figure.
CHAR_WIDTH = 6.8
SHAPES = {"happened": "circle", "planned": "diamond", "reported": "square"}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True, slots=True)
class Placed:
    """An event placed on the calendar: its index in the timeline and the days it covers."""

    index: int
    event: Event
    first: date
    last: date


def timeline_svg(events: list[Event]) -> Markup:
    """Return the SVG figure for ``events`` (empty markup when none can be placed on the calendar)."""
    placed = place(events)[:MAX_ROWS]
    if not placed:
        return Markup("")
    lo, hi = _domain(placed)
    height = AXIS_Y + ROW * len(placed) + 12 + LEGEND_HEIGHT
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "class": "timeline", "role": "img",
                             "viewBox": f"0 0 {WIDTH} {height}", "aria-labelledby": "timeline-title"})
    ET.SubElement(svg, "title", {"id": "timeline-title"}).text = (
        f"Timeline of {len(placed)} events, {lo.isoformat()} to {hi.isoformat()}")
    scale = _Scale(lo, hi)
    _axis(svg, scale, AXIS_Y + ROW * len(placed))
    for row, item in enumerate(placed):
        _mark(svg, scale, item, AXIS_Y + ROW * row + ROW // 2 + 4)
    _legend(svg, height - LEGEND_HEIGHT + 18)
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))


def place(events: list[Event]) -> list[Placed]:
    """Return the events that have a calendar span, in date order, with their index in ``events``."""
    placed = []
    for index, event in enumerate(events):
        span = date_span(event.date)
        if span is None:
            continue
        first, last = span
        end = date_span(event.end) if event.end else None
        if end and end[1] >= first:
            last = end[1]
        placed.append(Placed(index, event, first, last))
    return sorted(placed, key=lambda p: (p.first, p.index))


def date_span(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day a TIMEX3-style value covers (day, datetime, week, month, quarter, year)."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _month(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = _month(int(m[1]), 3 * int(m[2]) - 2)[0]
            return first, _month(int(m[1]), 3 * int(m[2]))[1]
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _month(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _domain(placed: list[Placed]) -> tuple[date, date]:
    """Return the axis span: the events' span, narrowed to the busy stretch when a few lie far away."""
    starts = sorted(p.first for p in placed)
    q1, q3 = starts[len(starts) // 4], starts[(3 * len(starts)) // 4]
    reach = max(timedelta(days=OUTLIER_MIN_DAYS), (q3 - q1) * OUTLIER_IQRS)
    lo = max(min(p.first for p in placed), q1 - reach)
    hi = min(max(p.last for p in placed), q3 + reach)
    pad = timedelta(days=max(1, (hi - lo).days // 20))
    return lo - pad, hi + pad


class _Scale:
    """Days to x coordinates."""

    def __init__(self, lo: date, hi: date) -> None:
        self.lo, self.hi = lo, hi
        self.days = max(1, (hi - lo).days + 1)

    def x(self, day: date, at: float = 0.5) -> float:
        """Return the x of a moment in ``day``: ``at`` 0 is its start, 0.5 its middle, 1 its end."""
        offset = (day - self.lo).days + at
        return round(LEFT + (WIDTH - LEFT - RIGHT) * offset / self.days, 1)


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Return tick days and labels: days for two weeks, Mondays for three months, months, then years."""
    span = (hi - lo).days
    if span <= 14:
        days = [lo + timedelta(days=i) for i in range(span + 1)]
        return [(d, f"{_MONTHS[d.month - 1]} {d.day}") for d in days]
    if span <= 92:
        monday = lo + timedelta(days=(7 - lo.weekday()) % 7)
        days = [monday + timedelta(weeks=i) for i in range((hi - monday).days // 7 + 1)]
        return [(d, f"{_MONTHS[d.month - 1]} {d.day}") for d in days]
    if span <= 3 * 366:
        months = _month_starts(lo, hi)
        step = 1 if len(months) <= 12 else 3
        return [(d, f"{_MONTHS[d.month - 1]} {d.year}") for d in months[::step]]
    years = [date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1)]
    step = max(1, len(years) // 10)
    return [(d, str(d.year)) for d in years[::step]]


def _month_starts(lo: date, hi: date) -> list[date]:
    starts, current = [], date(lo.year, lo.month, 1)
    while current <= hi:
        if current >= lo:
            starts.append(current)
        current = _month(current.year, current.month)[1] + timedelta(days=1)
    return starts


def _axis(svg: ET.Element, scale: _Scale, bottom: int) -> None:
    axis = ET.SubElement(svg, "g", {"class": "axis"})
    ET.SubElement(axis, "line", {"x1": str(LEFT), "x2": str(WIDTH - RIGHT), "y1": str(AXIS_Y),
                                 "y2": str(AXIS_Y)})
    for day, label in _ticks(scale.lo, scale.hi):
        x = str(scale.x(day, 0))
        ET.SubElement(axis, "line", {"class": "grid", "x1": x, "x2": x, "y1": str(AXIS_Y - 5), "y2": str(bottom)})
        anchor = "start" if float(x) < LEFT + 20 else "end" if float(x) > WIDTH - RIGHT - 20 else "middle"
        ET.SubElement(axis, "text", {"x": x, "y": str(AXIS_Y - 10), "text-anchor": anchor}).text = label


def _mark(svg: ET.Element, scale: _Scale, item: Placed, y: int) -> None:
    event = item.event
    link = ET.SubElement(svg, "a", {"href": f"#event-{item.index + 1}", "class": f"event {event.status}"})
    ET.SubElement(link, "title").text = f"{event.date}: {event.summary} ({event.status})"
    first, last = max(item.first, scale.lo), min(item.last, scale.hi)
    text = _clip(f"{item.index + 1}. {event.summary}", 70)
    if last < first:  # far from the rest: at the edge, its date in the label
        before = item.last < scale.lo
        first = last = scale.lo if before else scale.hi
        text = f"\u25c2 {event.date} {text}" if before else f"{text} {event.date} \u25b8"
    x1, x2 = scale.x(first), scale.x(first)
    if last > first:
        x1, x2 = scale.x(first, 0), scale.x(last, 1)
        ET.SubElement(link, "rect", {"class": "bar", "x": str(x1), "y": str(y - 5), "width": str(round(x2 - x1, 1)),
                                     "height": "10", "rx": "3"})
    _shape(link, event.status, x1, y)
    x, anchor = _label_place(x1 - 9, x2 + 9, text)
    ET.SubElement(link, "text", {"x": str(x), "y": str(y + 4), "text-anchor": anchor, "class": "label"}).text = text


def _label_place(left: float, right: float, text: str) -> tuple[float, str]:
    """Return where a mark's label goes: after the mark, else before it, else over the (long) bar."""
    width = len(text) * CHAR_WIDTH
    if right + width <= WIDTH - RIGHT:
        return right, "start"
    if left - width >= LEFT:
        return left, "end"
    return left + 18, "start"


def _shape(parent: ET.Element, status: str, x: float, y: float) -> None:
    shape = SHAPES.get(status, "square")
    css = {"class": f"mark {shape}"}
    if shape == "circle":
        ET.SubElement(parent, "circle", {**css, "cx": str(x), "cy": str(y), "r": "6"})
    elif shape == "diamond":
        points = f"{x},{y - 7} {x + 7},{y} {x},{y + 7} {x - 7},{y}"
        ET.SubElement(parent, "polygon", {**css, "points": points})
    else:
        ET.SubElement(parent, "rect", {**css, "x": str(x - 5), "y": str(y - 5), "width": "10", "height": "10"})


def _legend(svg: ET.Element, y: int) -> None:
    legend = ET.SubElement(svg, "g", {"class": "legend"})
    x = LEFT + 8
    for status in SHAPES:
        group = ET.SubElement(legend, "g", {"class": f"event {status}"})
        _shape(group, status, x, y - 4)
        ET.SubElement(group, "text", {"x": str(x + 12), "y": str(y)}).text = status
        x += 120
    bar = ET.SubElement(legend, "g", {"class": "event"})
    ET.SubElement(bar, "rect", {"class": "bar", "x": str(x - 6), "y": str(y - 9), "width": "28", "height": "10",
                                "rx": "3"})
    ET.SubElement(bar, "text", {"x": str(x + 28), "y": str(y)}).text = "span (interval, month or year)"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
