"""Article terms for story clustering: the namespaces an article is compared in."""

from __future__ import annotations

from storyline.models import Granularity, TimeExpr
from storyline.stories.features import article_terms
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
