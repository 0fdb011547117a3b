"""Publication dates: stated by metadata, stated by a line of the text, or inferred from the text."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.extract.dates import (
    find_publication_line,
    infer_publication_date,
    is_plausible,
    locate_publication_line,
    parse_publication_line,
    parse_stated_date,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 14 Sep 2020 10:00:00 +0200", "2020-09-14T10:00:00+02:00"),
        ("Sun, 30 Aug 2020 13:18:00 GMT", "2020-08-30T13:18:00+00:00"),
        ("2020-08-30T18:48:00Z", "2020-08-30T18:48:00+00:00"),
        ("2020-08-30T18:48:00.123+05:30", "2020-08-30T18:48:00+05:30"),
        ("2020-08-30 18:48", "2020-08-30T18:48:00"),
        ("2020-08-30", "2020-08-30"),
        ("1598813280", "2020-08-30T18:48:00+00:00"),
        ("1598813280000", "2020-08-30T18:48:00+00:00"),
    ],
)
def test_parse_stated_date_keeps_zone_and_precision(value: str, expected: str) -> None:
    assert parse_stated_date(value, TODAY) == expected


@pytest.mark.parametrize("value", ["", "soon", "1985-06-01", "2031-01-01", "August 2020", "12"])
def test_parse_stated_date_rejects_implausible_or_incomplete_values(value: str) -> None:
    assert parse_stated_date(value, TODAY) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 18:48 IST, August 30th 2020", "2020-08-30T18:48:00+05:30"),
        ("Updated: Sep 11, 2020, 09:15 AM EDT", "2020-09-11T09:15:00-04:00"),
        ("September 11, 2020", "2020-09-11"),
        ("Posted on 2020-08-30", "2020-08-30"),
        ("First published on Tue 1 Dec 2020 06.00 GMT", "2020-12-01T06:00:00+00:00"),
        ("Last modified: 2 December 2020, 14:05 CET", "2020-12-02T14:05:00+01:00"),
        ("Sept. 14, 2020 7:05 p.m. PT", "2020-09-14T19:05:00-07:00"),
        ("Dec 3, 2020 8:00 p.m. ET", "2020-12-03T20:00:00-05:00"),
        ("By Ana Silva | Published: 3 May 2019 10:00 BST", "2019-05-03T10:00:00+01:00"),
        ("Posted on June 2, 2019 by Sam Ortiz", "2019-06-02"),
        ("Published 09:30 AST, 4 May 2021", "2021-05-04T09:30:00"),
    ],
)
def test_parse_publication_line_reads_labelled_and_bare_date_lines(line: str, expected: str) -> None:
    assert parse_publication_line(line, TODAY) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 3 May 2021, 10:40 CLT", "2021-05-03T10:40:00-04:00"),
        ("Published 3 May 2021, 10:40 BRT", "2021-05-03T10:40:00-03:00"),
        ("Published 3 May 2021, 10:40 WAKT", "2021-05-03T10:40:00"),
        ("Updated 3 May 2021 9:15 AM XYZT", "2021-05-03T09:15:00"),
    ],
)
def test_parse_publication_line_keeps_a_line_whose_time_has_an_unknown_zone_naive(line: str, expected: str) -> None:
    assert parse_publication_line(line, TODAY) == expected


def test_parse_publication_line_reads_ambiguous_numeric_date_day_first() -> None:
    assert parse_publication_line("11/09/2020 12:30", TODAY) == "2020-09-11T12:30:00"


def test_parse_publication_line_reads_numeric_date_month_first_with_us_zone() -> None:
    assert parse_publication_line("11/09/2020 12:30 EST", TODAY) == "2020-11-09T12:30:00-05:00"


@pytest.mark.parametrize(
    "line",
    [
        "Published in 2019, the report found rising debt.",
        "August 30",
        "Updated 2 hours ago",
        "The vote is on September 11, 2020",
        "Published 18:48 IST, August 30th 1975",
    ],
)
def test_parse_publication_line_rejects_prose_and_incomplete_dates(line: str) -> None:
    assert parse_publication_line(line, TODAY) is None


def test_locate_publication_line_prefers_published_over_closing_update() -> None:
    lines = [
        "Bridge reopens after repairs",
        "",
        "The bridge reopened to traffic on Friday after three months of work on its supports.",
        "Published: 4 December 2020",
        "Updated: 5 December 2020",
    ]
    assert locate_publication_line(lines, TODAY) == (3, "2020-12-04")


def test_find_publication_line_ignores_bare_dates_after_the_head() -> None:
    lines = [
        "Bridge reopens after repairs",
        "The bridge reopened to traffic on Friday after three months of work on its supports.",
        "Library reopens after refit",
        "Sep 10, 2020",
    ]
    assert find_publication_line(lines, TODAY) is None


def test_infer_publication_date_pins_year_by_weekday_within_a_known_frame() -> None:
    text = "The union said on Monday, September 14 that talks had failed. Workers walked out at noon."
    assert infer_publication_date(text, date(2020, 9, 30), years=range(2020, 2021)) == "2020-09-14"


def test_infer_publication_date_declines_a_weekday_pin_that_fits_several_recent_years() -> None:
    text = "The union said on Monday, September 14 that talks had failed."
    assert infer_publication_date(text, TODAY) is None  # 2026, 2020 and 2015 all fit


def test_infer_publication_date_uses_stated_year_to_choose_among_weekday_years() -> None:
    text = "Profits fell in 2015. The board met on Monday, September 14 and approved the plan."
    assert infer_publication_date(text, TODAY) == "2015-09-14"


def test_infer_publication_date_requires_every_weekday_mention_to_agree() -> None:
    text = "Talks began on Wednesday, January 15 and collapsed on Monday, September 14."
    assert infer_publication_date(text, TODAY) == "2020-09-14"  # 15 January 2026 is a Thursday
    clash = "Talks began on Friday, September 11 and collapsed on Tuesday, September 14."
    assert infer_publication_date(clash, TODAY) is None


def test_infer_publication_date_ignores_future_plans() -> None:
    text = (
        "The council voted on Monday, September 14, 2020 to adopt the plan. It will take effect on Monday, October 5."
    )
    assert infer_publication_date(text, TODAY) == "2020-09-14"


def test_infer_publication_date_returns_latest_past_day_of_the_latest_year() -> None:
    text = "The fire started on 3 August 2020. It was put out on August 9, 2020, officials said."
    assert infer_publication_date(text, TODAY) == "2020-08-09"


def test_infer_publication_date_declines_history_older_than_stated_years() -> None:
    text = "The dam failed on March 3, 2011. Repairs continued until 2019, and in 2020 the valley was resettled."
    assert infer_publication_date(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Monday that the talks had failed.",
        "The talks failed on September 14, officials said.",
        "Sales rose in 2019 and again in 2020.",
        "",
    ],
)
def test_infer_publication_date_returns_none_without_support(text: str) -> None:
    assert infer_publication_date(text, TODAY) is None


def test_infer_publication_date_rejects_dates_after_today() -> None:
    text = "The union said on Monday, September 14 that talks had failed."
    assert infer_publication_date(text, date(2020, 9, 1)) == "2015-09-14"


def test_is_plausible_allows_two_days_ahead_only() -> None:
    assert is_plausible(date(2026, 11, 25), TODAY)
    assert not is_plausible(date(2026, 11, 26), TODAY)
    assert not is_plausible(date(1989, 12, 31), TODAY)
