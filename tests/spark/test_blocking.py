"""Blocking keys: which articles the Spark path puts in one block (no Spark session needed)."""

from __future__ import annotations

from storyline.spark.stories import article_keys
from tests.stories.articles import dated, make


def _entity_windows(keys: list[str]) -> set[str]:
    return {key.rsplit("|", 1)[1] for key in keys if key.startswith("e:")}


def test_a_late_report_is_keyed_to_the_windows_of_the_days_it_names() -> None:
    old = article_keys(make("bridge", "2022-01-28"))[0]
    late = article_keys(make("late_weak", "2022-04-28"))[0]
    naming = article_keys(dated(make("late_weak", "2022-04-28"), "2022-01-28"))[0]
    assert not _entity_windows(late) & _entity_windows(old)
    assert _entity_windows(old) <= _entity_windows(naming)
    shared_name = {k.split("|")[0] for k in old if k.startswith("e:")} & {k.split("|")[0] for k in naming}
    assert shared_name, "the two reports share a named entity to block on"
