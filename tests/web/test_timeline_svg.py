"""The timeline figure: dates placed on a real axis, shapes by status, bars for spans, marks linked to the list."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from storyline.models import Event, Source
from storyline.web.timeline_svg import date_span, place, timeline_svg


def event(day: str, status: str = "happened", end: str | None = None, summary: str = "Something") -> Event:
    return Event(day, end, "day", status, summary, [], [Source("a1", "quote")])  # type: ignore[arg-type]


def svg_of(events: list[Event]) -> etree._Element:
    # without the namespace, so that the paths below stay short
    return etree.fromstring(str(timeline_svg(events)).replace('xmlns="http://www.w3.org/2000/svg"', ""))


@pytest.mark.parametrize(("value", "span"), [
    ("2020-09-14", (date(2020, 9, 14), date(2020, 9, 14))),
    ("2020-09-14T18:48:00+05:30", (date(2020, 9, 14), date(2020, 9, 14))),
    ("2020-09", (date(2020, 9, 1), date(2020, 9, 30))),
    ("2020-02", (date(2020, 2, 1), date(2020, 2, 29))),
    ("2020-12", (date(2020, 12, 1), date(2020, 12, 31))),
    ("2020-W37", (date(2020, 9, 7), date(2020, 9, 13))),
    ("2020-Q3", (date(2020, 7, 1), date(2020, 9, 30))),
    ("2020", (date(2020, 1, 1), date(2020, 12, 31))),
    ("PRESENT_REF", None),
    ("2020-02-30", None),
    ("", None),
])
def test_date_span_covers_the_days_a_value_names(value, span):
    assert date_span(value) == span


def test_events_are_placed_in_date_order_and_undatable_ones_left_out():
    placed = place([event("2020-09-14"), event("PRESENT_REF"), event("2020-09-01")])
    assert [(p.index, p.first.isoformat()) for p in placed] == [(2, "2020-09-01"), (0, "2020-09-14")]


def test_marks_sit_on_the_axis_in_date_order():
    svg = svg_of([event("2020-09-20"), event("2020-09-01"), event("2020-09-10")])
    xs = {a.get("href"): float(a.find("circle").get("cx")) for a in svg.iter("a")}
    assert xs["#event-2"] < xs["#event-3"] < xs["#event-1"]


def test_statuses_have_distinct_shapes_and_a_legend():
    svg = svg_of([event("2020-09-01", "happened"), event("2020-09-02", "planned"), event("2020-09-03", "reported")])
    shapes = {a.get("class"): a[1].tag for a in svg.iter("a")}
    assert shapes == {"event happened": "circle", "event planned": "polygon", "event reported": "rect"}
    assert [t.text for t in svg.find("g[@class='legend']").iter("text")][:3] == ["happened", "planned", "reported"]


def test_interval_and_month_events_are_bars_over_their_span():
    svg = svg_of([event("2020-09-14", end="2020-09-20"), event("2020-10"), event("2020-09-01")])
    bars = {a.get("href"): float(a.find("rect[@class='bar']").get("width")) for a in svg.iter("a")
            if a.find("rect[@class='bar']") is not None}
    assert set(bars) == {"#event-1", "#event-2"} and bars["#event-2"] > bars["#event-1"] > 0


@pytest.mark.parametrize(("days", "first_label"), [  # the axis starts a twentieth of the span early
    (["2020-09-14", "2020-09-16"], "Sep 13"),          # days
    (["2020-09-01", "2020-10-20"], "Aug 31"),          # Mondays
    (["2020-01-10", "2020-11-20"], "Jan 2020"),        # months
    (["2001-05-01", "2020-05-01"], "2001"),            # years
])
def test_ticks_follow_the_span(days, first_label):
    svg = svg_of([event(d) for d in days])
    assert svg.find("g[@class='axis']/text").text == first_label


def test_figure_text_is_escaped_and_an_undatable_timeline_draws_nothing():
    markup = str(timeline_svg([event("2020-09-14", summary="<script>alert(1)</script> & co")]))
    assert "<script>" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in markup
    assert str(timeline_svg([event("PRESENT_REF")])) == ""
