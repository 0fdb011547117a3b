"""Year evidence in story clustering: dates given to the day keep years apart, background years do not."""

from __future__ import annotations

from storyline.dedup import find_copies
from storyline.models import Article, TimeExpr
from storyline.store import Store
from storyline.stories import assign
from tests.stories.articles import dated, make


def _recalls(article: Article, year: str) -> Article:
    """Return the article with one background year it mentions ("rated poor since 2012")."""
    article.timexes = [*article.timexes, TimeExpr(text=year, start=0, end=0, value=year, granularity="year")]
    return article


def _found(store: Store, articles: list[Article]) -> dict[str, str]:
    store.add_articles(articles)
    find_copies(store, articles)
    assign(store, articles)
    return store.story_assignments()


def test_cluster_reports_recalling_different_past_years_still_join(store: Store) -> None:
    # A loosely related follow-up (similarity about 0.38): a year penalty would have kept it out.
    found = _found(store, [_recalls(make("bridge", None), "2012"), _recalls(make("late_weak", None), "1998")])
    assert found["bridge"] == found["late_weak"]


def test_cluster_day_dated_reports_of_one_year_join(store: Store) -> None:
    found = _found(store, [dated(make("bridge", None), "2022-01-28"), dated(make("bridge2", None), "2022-01-29")])
    assert found["bridge"] == found["bridge2"]


def test_cluster_report_dated_to_the_day_stays_out_of_story_dated_in_another_year(store: Store) -> None:
    found = _found(store, [dated(make("quake_turkey", None), "2020-01-24"),
                           _recalls(dated(make("quake_elazig_2010", None), "2010-03-08"), "2020")])
    assert found["quake_elazig_2010"] != found["quake_turkey"]
