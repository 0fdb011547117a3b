"""How a story is chosen: between two that would both take an article (``contest``), and the age bar."""

from __future__ import annotations

from storyline.stories import cluster
from storyline.stories.cluster import Scored, contest, namespace_norms, split

# Two title fights of one champion: the larger story's centroid weighs the shared terms more.
FIRST_FIGHT = {"w:heavyweight": 3.0, "w:title": 3.0, "w:knockout": 2.0, "e:klitschko": 3.0, "e:rahman": 1.0}
SECOND_FIGHT = {"w:heavyweight": 0.5, "w:title": 0.5, "e:klitschko": 0.5, "e:thompson": 1.0, "w:suisse": 0.5}
REPORT = {"w:heavyweight": 0.5, "w:title": 0.5, "e:klitschko": 0.5, "e:thompson": 0.5}


def _seen(centroid: dict[str, float]) -> dict[str, float]:
    return {term: centroid[term] for term in REPORT if term in centroid}


def _contest(first_margin: float, second_margin: float) -> str:
    scored = [Scored(first_margin, 0.6, "first"), Scored(second_margin, 0.5, "second")]
    seen = {"first": _seen(FIRST_FIGHT), "second": _seen(SECOND_FIGHT)}
    norms = {"first": namespace_norms(FIRST_FIGHT), "second": namespace_norms(SECOND_FIGHT)}
    return contest(scored, seen, norms, split(REPORT)).story


def test_of_two_stories_that_would_take_it_an_article_joins_the_one_whose_own_names_it_shares() -> None:
    # The first story scores higher on the shared terms, but only the second has Thompson.
    assert _contest(0.4, 0.3) == "second"


def test_a_story_under_its_bar_is_no_contender() -> None:
    assert _contest(0.4, -0.01) == "first"


def test_the_age_bar_counts_the_nearest_of_publication_and_the_days_an_article_names() -> None:
    day = 86400.0
    first, last = 10 * day, 12 * day
    late = 100 * day
    assert cluster.age_bar(late, first, last) > cluster.age_bar(late, first, last, [90 * day])
    assert cluster.age_bar(late, first, last, [11 * day]) == cluster.JOIN_THRESHOLD
    assert cluster.age_bar(late, first, last, [9 * day]) == cluster.JOIN_THRESHOLD  # the whole day meets the span
    assert cluster.age_bar(late, first, last, [200 * day]) == cluster.age_bar(late, first, last)
