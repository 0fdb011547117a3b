"""Article terms for story clustering: the namespaces an article is compared in."""

from __future__ import annotations

from storyline.models import Entity, Granularity, Mention, TimeExpr
from storyline.stories.features import article_terms, event_days, timestamp
from tests.stories.articles import make


def _timex(value: str, granularity: Granularity) -> TimeExpr:
    return TimeExpr(text=value, start=0, end=0, value=value, granularity=granularity)


def test_features_day_dated_years_get_their_own_namespace() -> None:
    article = make("quake_elazig_2010", None)
    article.timexes = [_timex("2010-03-08", "day"), _timex("1992", "year"), _timex("2009-11", "month")]
    terms = article_terms(article)
    assert {t for t in terms if t.startswith("d:")} == {"d:2010"}
    assert {"t:2010", "t:1992", "t:2009"} <= set(terms)


def test_features_undated_article_has_no_day_years() -> None:
    terms = article_terms(make("bridge"))
    assert not any(t.startswith(("d:", "t:")) for t in terms)


def test_event_days_are_the_days_an_article_dates_events_to() -> None:
    article = make("quake_elazig_2010", None)
    article.timexes = [_timex("2010-03-08", "day"), _timex("2010-03-08", "day"), _timex("2009-11", "month"),
                       _timex("2010-03-01", "day")]
    assert event_days(article) == [timestamp("2010-03-01"), timestamp("2010-03-08")]


def test_features_small_whole_numbers_are_not_terms() -> None:
    article = make("quake_turkey", None)
    article.text = ("A magnitude 6.8 earthquake struck Elazig at 8 pm on the 14th, killing at least 22 people "
                    "in 3 villages; 1,400 were injured.")
    numbers = {t for t in article_terms(article) if t.startswith("n:")}
    assert numbers == {"n:6.8", "n:22", "n:1,400"}


def test_features_people_are_also_keyed_by_surname() -> None:
    article = make("hockey", None)
    article.entities = [
        Entity(name="Sidney Crosby", type="PERSON",
               mentions=[Mention("Sidney Crosby", 0, 13), Mention("Crosby", 100, 106)]),
        Entity(name="Martin Luther King Jr.", type="PERSON", mentions=[Mention("Martin Luther King Jr.", 200, 222)]),
        Entity(name="Pittsburgh Penguins", type="ORG", mentions=[Mention("Pittsburgh Penguins", 40, 59)]),
        Entity(name="Guentzel", type="PERSON", mentions=[Mention("Guentzel", 300, 308)]),
    ]
    terms = article_terms(article)
    entities = {t: n for t, n in terms.items() if t.startswith("e:")}
    assert entities == {"e:sidney crosby": 2, "e:crosby": 2, "e:martin luther king jr.": 1, "e:king": 1,
                        "e:pittsburgh penguins": 1, "e:guentzel": 1}
