"""Summarised timelines: salient dates and the best sentences per date."""

from datetime import date

from storyline.models import Article, Event, Origin, Source, Span, TimeExpr
from storyline.timeline import summarise
from storyline.timeline.summarise import rank_dates


def lines_article(id, published, lines, timexes):
    """Return a one-sentence-per-line article (as Timeline17 stores them) with timexes placed by hand."""
    text = "\n".join(lines)
    article = Article(id=id, origin=Origin("t"), text=text, published=published)
    for t, value, gran in timexes:
        i = text.index(t)
        article.timexes.append(TimeExpr(t, i, i + len(t), value, gran))
    pos = 0
    for line in lines:
        article.sentences.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return article


ELECTION = [
    lines_article("a1", "2020-08-10", [
        "Belarus held a presidential election on August 9 amid claims of fraud by the opposition .",
        "Police used stun grenades against protesters in Minsk late on Sunday .",
    ], [("August 9", "2020-08-09", "day"), ("Sunday", "2020-08-09", "day")]),
    lines_article("a2", "2020-08-11", [
        "The election on August 9 gave Lukashenko a sixth term , officials said .",
        "Tsikhanouskaya left for Lithuania on Tuesday after lodging a complaint .",
    ], [("August 9", "2020-08-09", "day"), ("Tuesday", "2020-08-11", "day")]),
    lines_article("a3", "2020-08-12", [
        "Thousands protested again on Wednesday across Belarus against the official election result .",
        "The vote on August 9 was neither free nor fair , the European Union said .",
    ], [("Wednesday", "2020-08-12", "day"), ("August 9", "2020-08-09", "day")]),
]


def test_summarise_articles_picks_the_most_reported_date_first():
    timeline = summarise(ELECTION, n_dates=1, sentences_per_date=1)
    assert [e.date for e in timeline] == ["2020-08-09"]
    assert len(timeline[0].sources) == 1


def test_summarise_articles_gives_requested_sentences_per_date_without_repeats():
    timeline = summarise(ELECTION, n_dates=1, sentences_per_date=2)
    quotes = [s.quote for s in timeline[0].sources]
    assert len(quotes) == 2 and len(set(quotes)) == 2


def test_summarised_quotes_are_exact_article_text():
    by_id = {a.id: a for a in ELECTION}
    for event in summarise(ELECTION, n_dates=3, sentences_per_date=2):
        for s in event.sources:
            assert by_id[s.article].text[s.quote_start : s.quote_start + len(s.quote)] == s.quote


def test_summarise_articles_respects_the_date_range_and_orders_by_date():
    timeline = summarise(ELECTION, n_dates=5, sentences_per_date=1, start=date(2020, 8, 10))
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    assert all(e.date >= "2020-08-10" for e in timeline)


def test_summarise_copies_do_not_make_a_date_salient():
    line = ["Tsikhanouskaya left for Lithuania on Tuesday after lodging a complaint ."]
    copy = lines_article("c1", "2020-08-13", line, [("Tuesday", "2020-08-11", "day")])
    copy.duplicate_of = "a2"
    second = lines_article("c2", "2020-08-13", line, [("Tuesday", "2020-08-11", "day")])
    second.duplicate_of = "a2"
    timeline = summarise([*ELECTION, copy, second], n_dates=1)
    assert timeline[0].date == "2020-08-09"


def test_summarise_events_keeps_dates_with_most_sources():
    def event(day, n):
        return Event(day, None, "day", "happened", f"event {day}", sources=[Source(str(i), "q") for i in range(n)])

    picked = summarise([event("2020-08-09", 3), event("2020-08-10", 1), event("2020-08-11", 2)], n_dates=2)
    assert [e.date for e in picked] == ["2020-08-09", "2020-08-11"]


def test_summarise_nothing_gives_nothing():
    assert summarise([], n_dates=3) == []


def test_summarise_prefers_the_sentence_about_the_story_for_a_date():
    aside = lines_article("b1", "2020-08-15", [
        "A football match in Brest on Friday ended goalless in front of a small crowd .",
        "Workers at state factories joined the election protests against Lukashenko on August 14 .",
    ], [("Friday", "2020-08-14", "day"), ("August 14", "2020-08-14", "day")])
    timeline = summarise([*ELECTION, aside], n_dates=4, sentences_per_date=1)
    friday = next(e for e in timeline if e.date == "2020-08-14")
    assert "protests" in friday.summary


def test_summarise_second_sentence_covers_what_the_first_leaves_out():
    day = [
        lines_article("s1", "2020-08-17", [
            "Workers at the tractor factory in Minsk walked out on Monday and jeered Lukashenko .",
        ], [("Monday", "2020-08-17", "day")]),
        lines_article("s2", "2020-08-17", [
            "Workers at the tractor factory in Minsk walked out on Monday and jeered President Lukashenko .",
        ], [("Monday", "2020-08-17", "day")]),
        lines_article("s3", "2020-08-18", [
            "State television presenters resigned on Monday , refusing to air the official election result .",
        ], [("Monday", "2020-08-17", "day")]),
    ]
    timeline = summarise([*ELECTION, *day], n_dates=4, sentences_per_date=2)
    monday = next(e for e in timeline if e.date == "2020-08-17")
    assert len(monday.sources) == 2
    assert "television" in monday.summary and "tractor" in monday.summary


def test_rank_dates_counts_the_first_day_each_sentence_names():
    article = lines_article("r1", "2020-08-12", [
        "Protests began on August 9 and spread on August 10 across Belarus .",
        "Workers struck at state factories on August 11 .",
    ], [("August 9", "2020-08-09", "day"), ("August 10", "2020-08-10", "day"), ("August 11", "2020-08-11", "day")])
    ranked = rank_dates([article])
    assert set(ranked) == {date(2020, 8, 9), date(2020, 8, 11)}


def test_rank_dates_places_timexes_listed_out_of_text_order_in_their_sentence():
    article = lines_article("r2", "2020-08-12", [
        "Workers struck at state factories on August 11 .",
        "Protests began on August 9 across Belarus .",
    ], [("August 9", "2020-08-09", "day"), ("August 11", "2020-08-11", "day")])
    article.timexes.reverse()
    ranked = rank_dates([article])
    assert set(ranked) == {date(2020, 8, 9), date(2020, 8, 11)}


def test_summarise_ignores_a_time_expression_between_sentences():
    article = lines_article("r3", "2020-08-12", [
        "Workers struck at state factories across Belarus .",
        "Protests spread to smaller towns across the country .",
    ], [])
    article.sentences = [Span(0, 20)]  # only part of the first line is a sentence
    article.timexes.append(TimeExpr("Protests", article.text.index("Protests"),
                                    article.text.index("Protests") + 8, "2020-08-09", "day"))
    assert rank_dates([article]) == []
