"""Per-article event extraction from hand-made sentences with hand-placed time expressions."""

import pytest

from storyline.annotate import annotate
from storyline.models import Article, Origin, TimeExpr
from storyline.timeline.events import event_consumer, extract_events


def _only_event(parsed, text, timexes, **kw):
    """Return the one event extracted from a hand-made, parsed article."""
    article, doc = parsed(text, timexes, **kw)
    [event] = extract_events(article, doc)
    return event


def test_event_in_past_is_happened_with_clause_summary(parsed):
    article, doc = parsed(
        "Masked men detained Maria Kolesnikova in central Minsk on Monday, witnesses in the crowd recalled.",
        [("Monday", "2020-09-07", "day")], published="2020-09-08",
        entities=(("Maria Kolesnikova", "PERSON"), ("Minsk", "GPE")),
    )
    [event] = extract_events(article, doc)
    assert event.status == "happened"
    assert event.date == "2020-09-07" and event.granularity == "day"
    assert event.summary == "Masked men detained Maria Kolesnikova"
    assert event.entities == ["Maria Kolesnikova", "Minsk"]
    assert event.trigger == "detain"


def test_event_with_will_is_planned(parsed):
    event = _only_event(parsed, "Lukashenko will meet Putin in Sochi on September 14.",
                        [("September 14", "2020-09-14", "day")], published="2020-09-10")
    assert event.status == "planned"
    assert event.summary == "Lukashenko will meet Putin"


def test_when_clause_with_a_pronoun_dates_its_main_clause(parsed):
    event = _only_event(parsed, "Putin promised Belarus a $1.5 billion loan when he met Lukashenko in Sochi on Monday.",
                        [("Monday", "2020-09-14", "day")], published="2020-09-14")
    assert event.summary == "Putin promised Belarus a $1.5 billion loan" and event.date == "2020-09-14"


JANUARY_AND_FEBRUARY = [("January", "2023-01", "month"), ("February", "2023-02", "month")]


def test_a_date_the_sentence_denies_does_not_date_the_event(parsed):
    text = "The chief executive said the depot had passed an inspection in January, not in February."
    event = _only_event(parsed, text, JANUARY_AND_FEBRUARY, published="2023-03-15")
    assert event.summary == "The depot had passed an inspection" and event.date == "2023-01"


def test_what_a_statement_says_is_a_reported_event(parsed):
    text = "Adria Agro said in a statement that the depot had passed a safety inspection in February."
    event = _only_event(parsed, text, JANUARY_AND_FEBRUARY[1:], published="2023-03-14")
    assert event.summary == "The depot had passed a safety inspection" and event.status == "reported"


def test_of_two_dates_of_one_granularity_the_first_dates_the_clause(parsed):
    event = _only_event(parsed, "The depot was inspected in January and in February.", JANUARY_AND_FEBRUARY,
                        published="2023-03-15")
    assert event.date == "2023-01"


def test_when_clause_naming_its_subject_is_its_own_event(parsed):
    event = _only_event(parsed, "Talks stalled when the Kremlin rejected the offer on Monday.",
                        [("Monday", "2020-09-14", "day")], published="2020-09-15")
    assert event.summary == "The Kremlin rejected the offer"


def test_event_after_publication_date_is_planned(parsed):
    event = _only_event(parsed, "The opposition calls a march through Minsk on Sunday.",
                        [("Sunday", "2020-08-30", "day")], published="2020-08-27")
    assert event.status == "planned"


def test_event_attributed_with_said_is_reported(parsed):
    event = _only_event(parsed, "Police detained 33 protesters in Minsk on Wednesday, the interior ministry said.",
                        [("Wednesday", "2020-08-26", "day")])
    assert event.status == "reported"
    assert event.summary == "Police detained 33 protesters"
    assert event.numbers == {"detain/people": "33"}


def test_event_attributed_with_according_to_is_reported(parsed):
    event = _only_event(parsed, "According to TASS, 34 people were detained on August 26.",
                        [("August 26", "2020-08-26", "day")])
    assert event.status == "reported"
    assert event.numbers == {"detain/people": "34"}


def test_quote_is_exact_substring_of_article_text(parsed):
    text = ("  The protest on August 26 drew thousands of people.\n\nOn Thursday, police cleared "
            "Independence Square, the ministry said.  ")
    article, doc = parsed(text, [("August 26", "2020-08-26", "day"), ("Thursday", "2020-08-27", "day")])
    events = extract_events(article, doc)
    assert len(events) == 2
    for event in events:
        assert text[event.quote_start : event.quote_start + len(event.quote)] == event.quote
        assert event.quote == event.quote.strip()


def test_date_on_event_noun_makes_noun_the_trigger(parsed):
    event = _only_event(parsed, "The protest on August 26 drew thousands of people.",
                        [("August 26", "2020-08-26", "day")])
    assert event.trigger == "protest"
    assert event.summary == "The protest drew thousands of people"


def test_idiom_names_its_event_and_the_subject_noun_is_kept(parsed):
    text = "The regional train left the tracks on Monday, police said."
    event = _only_event(parsed, text, [("Monday", "2023-03-06", "day")], published="2023-03-08")
    assert (event.trigger, event.subject) == ("derail", "train")


def test_event_noun_has_no_subject_of_its_own(parsed):
    text = "The death toll from Tuesday's derailment has risen to four."
    event = _only_event(parsed, text, [("Tuesday", "2023-03-07", "day")], published="2023-03-08")
    assert (event.trigger, event.subject) == ("derailment", None)
    assert event.summary == "The derailment"


def test_event_noun_inside_the_subject_is_the_event_not_the_clause(parsed):
    text = "The death toll from Tuesday's derailment of a regional train has risen to four."
    event = _only_event(parsed, text, [("Tuesday", "2023-03-07", "day")], published="2023-03-08")
    assert event.summary == "The derailment of a regional train"


def test_clause_dated_beside_a_possessive_date_is_an_event_of_its_own(parsed):
    text = "The death toll from Saturday's landslide near the quarry rose to nine on Monday."
    article, doc = parsed(text, [("Saturday", "2023-05-13", "day"), ("Monday", "2023-05-15", "day")],
                          published="2023-05-15")
    events = extract_events(article, doc)
    assert [(e.date, e.trigger) for e in events] == [("2023-05-13", "landslide"), ("2023-05-15", "rise")]
    assert events[1].summary.endswith("rose to nine")


def test_date_of_a_thing_from_that_day_dates_no_event(parsed):
    text = "Police appealed for dashcam footage from Saturday evening."
    article, doc = parsed(text, [("Saturday evening", "2023-04-15TEV", "day")], published="2023-04-17")
    assert extract_events(article, doc) == []


def test_shortly_before_a_time_dates_the_event(parsed):
    text = "The train left the rails shortly before 9 p.m. on Tuesday."
    event = _only_event(parsed, text, [("9 p.m. on Tuesday", "2023-03-07T21:00", "minute")], published="2023-03-08")
    assert event.trigger == "derail"


def test_byline_and_dateline_sentences_yield_no_events(parsed):
    article, doc = parsed("Updated 27 August 2020 at 10:00.", [("27 August 2020", "2020-08-27", "day")])
    assert extract_events(article, doc) == []


def test_durations_and_vague_references_yield_no_events(parsed):
    article, doc = parsed("Protests have gone on for three weeks and recently spread to factories.",
                          [("three weeks", "P3W", "week")])
    article.timexes[0].type = "DURATION"
    article.timexes.append(TimeExpr("recently", 52, 60, "PAST_REF", None))
    assert extract_events(article, doc) == []


def test_partitive_count_keeps_the_part_not_the_whole(parsed):
    event = _only_event(parsed, "Three of the four occupants were injured on Monday.",
                        [("Monday", "2020-08-24", "day")])
    assert event.numbers == {"injure/people": "3"}


def test_cumulative_and_approximate_counts_are_not_recorded(parsed):
    article, doc = parsed("The death toll rose to 34 on Tuesday, and at least 200 people were detained on Tuesday.",
                          [("Tuesday", "2020-08-25", "day")])
    events = extract_events(article, doc)
    assert all(e.numbers == {} for e in events)


def test_consumer_sets_article_events(parsed):
    article, doc = parsed("Lukashenko will meet Putin in Sochi on September 14.",
                          [("September 14", "2020-09-14", "day")])
    event_consumer(article, doc)
    assert [e.trigger for e in article.events] == ["meet"]


def test_parse_of_other_text_gives_no_events(parsed, nlp):
    article, _ = parsed("Lukashenko will meet Putin on September 14.", [("September 14", "2020-09-14", "day")])
    assert extract_events(article, nlp("Something else entirely.")) == []


def test_consumer_works_on_the_tagged_doc_annotate_hands_over():
    from storyline.annotate import annotate
    from storyline.models import Article, Origin

    text = "Police detained 33 protesters in Minsk on Wednesday, August 26, the Viasna rights centre said."
    article = Article(id="r", origin=Origin("t"), text=text, published="2020-08-27")
    annotate([article], doc_consumers=[event_consumer])
    [event] = article.events
    assert (event.date, event.trigger, event.status) == ("2020-08-26", "detain", "reported")
    assert event.numbers == {"detain/people": "33"}
    assert "Minsk" in event.entities
    assert text[event.quote_start : event.quote_start + len(event.quote)] == event.quote


def test_conjoined_verb_borrows_its_subject(parsed):
    event = _only_event(parsed, "Lukashenko flew out of Minsk early and arrived in Moscow on Monday.",
                        [("Monday", "2020-09-14", "day")], published="2020-09-15")
    assert event.summary == "Lukashenko arrived in Moscow"


def test_reporting_verb_summary_keeps_what_was_said(parsed):
    event = _only_event(parsed, "On Friday, Kremlin spokesman Dmitry Peskov said the two leaders would meet soon.",
                        [("Friday", "2020-09-11", "day")], published="2020-09-12")
    assert event.summary == "Kremlin spokesman Dmitry Peskov said the two leaders would meet"
    assert event.status == "reported"


def test_possessive_date_on_an_event_noun_inside_a_participle_phrase_dates_that_event(parsed):
    text = "The number of people killed in Sunday's landslide near Ostre Dal rose to nine on Tuesday."
    article, doc = parsed(text, [("Sunday", "2024-10-13", "day"), ("Tuesday", "2024-10-15", "day")],
                          published="2024-10-16")
    got = {(e.date, e.trigger) for e in extract_events(article, doc)}
    assert ("2024-10-13", "landslide") in got


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("BRNO, Czech Republic, Sept 10 (CTK) - The two ministers met in Brno on Thursday.", "2021-09-10",
         [("2021-09-09", "The two ministers met in Brno")]),
        ("KRŠKO, Slovenia (CEP) - The river burst its banks on Friday.", "2021-08-20",
         [("2021-08-20", "The river burst its banks")]),
        ("SALEM, Ore. — The river burst its banks on Friday.", "2021-08-20",
         [("2021-08-20", "The river burst its banks")]),
        ("ALBANY, N.Y., Sept 10 (CW) - The two ministers met in Albany on Thursday.", "2021-09-10",
         [("2021-09-09", "The two ministers met in Albany")]),
    ],
)
def test_agency_dateline_with_its_country_state_or_accented_capitals_stays_out_of_the_event(
    text: str, published: str, expected: list[tuple[str, str]]
) -> None:
    article = Article(id="a1", origin=Origin(path="test"), text=text, published=published)
    annotate([article], doc_consumers=[event_consumer])
    assert [(e.date, e.summary) for e in article.events] == expected


def test_share_a_rate_was_set_to_is_a_quantity_and_the_old_level_is_not(parsed):
    event = _only_event(parsed, "The central bank raised its deposit rate on Thursday to 4.5% from 4%, the bank said.",
                        [("Thursday", "2025-06-12", "day")], published="2025-06-12")
    assert event.numbers == {"raise deposit rate to/percent": "4.5"}


def test_share_a_running_figure_rose_to_is_not_a_quantity(parsed):
    event = _only_event(parsed, "Inflation rose to 5.1% in May, the statistics office said.",
                        [("May", "2025-05", "month")], published="2025-06-12")
    assert event.numbers == {}
