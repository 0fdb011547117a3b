"""Storing and reading story timelines and conflicts (in-memory store)."""

import pytest

from storyline.models import Claim, Conflict, Event, Source
from storyline.store import Store


@pytest.fixture
def store():
    s = Store.open(":memory:")
    yield s
    s.close()


EVENTS = [
    Event("2020-08-09", None, "day", "happened", "Belarus held a presidential election", ["Belarus"],
          [Source("a1", "Belarus held a presidential election on August 9.", 0)]),
    Event("2020-09-14", None, "day", "planned", "Lukashenko will meet Putin", ["Alexander Lukashenko", "Putin"],
          [Source("a2", "Lukashenko will meet Putin on September 14.", 10), Source("a3", "He meets Putin.", 4)]),
]
CONFLICTS = [Conflict("number", "Reuters says 33; TASS says 34.",
                      [Claim("a1", "33 people were detained.", "33", 5), Claim("a2", "34 were detained.", "34", 0)])]


def test_story_timeline_round_trips(store):
    store.save_story_timeline("s1", EVENTS, CONFLICTS)
    assert store.story_timeline("s1") == EVENTS
    assert store.story_conflicts("s1") == CONFLICTS


def test_saving_again_replaces_the_old_timeline(store):
    store.save_story_timeline("s1", EVENTS, CONFLICTS)
    store.save_story_timeline("s1", EVENTS[:1], [])
    assert store.story_timeline("s1") == EVENTS[:1]
    assert store.story_conflicts("s1") == []


def test_entity_timeline_spans_stories_in_date_order(store):
    store.save_story_timeline("s2", EVENTS[1:], [])
    store.save_story_timeline("s1", EVENTS[:1], [])
    later = Event("2020-09-20", None, "day", "happened", "Putin spoke", ["putin"], [])
    store.save_story_timeline("s3", [later], [])
    assert [(s, e.date) for s, e in store.entity_timeline("Putin")] == [("s2", "2020-09-14"), ("s3", "2020-09-20")]


def test_article_lookups_find_events_and_conflicts(store):
    store.save_story_timeline("s1", EVENTS, CONFLICTS)
    assert [e.date for _, e in store.article_events("a2")] == ["2020-09-14"]
    assert [c.kind for _, c in store.article_conflicts("a2")] == ["number"]
