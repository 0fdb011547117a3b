"""Timelines: dated events from articles, merged across articles, per story and summarised.

Entries: ``build(story, articles)`` (the story's full timeline),
``entity_timeline(name, timelines)`` (one entity across stories),
``extract_events(article, doc)`` / ``event_consumer`` (per-article events from
the annotate parse) and ``summarise(events | articles, n_dates, sentences_per_date)``.
"""

from __future__ import annotations

from storyline.models import Article, Event, Story
from storyline.timeline.events import event_consumer, extract_events
from storyline.timeline.merge import merge
from storyline.timeline.summarise import summarise

__all__ = ["build", "entity_timeline", "event_consumer", "extract_events", "merge", "summarise"]


def build(story: Story, articles: list[Article]) -> list[Event]:
    """Return the story's timeline: every event its articles report, merged and in date order."""
    members = set(story.articles)
    chosen = [a for a in articles if not members or a.id in members]
    return merge([e for a in chosen for e in a.events], chosen)


def entity_timeline(name: str, timelines: dict[str, list[Event]]) -> list[tuple[str, Event]]:
    """Return (story id, event) for every event naming the entity, across stories, in date order."""
    wanted = name.casefold()
    found = [(story, e) for story, events in timelines.items() for e in events
             if any(n.casefold() == wanted for n in e.entities)]
    return sorted(found, key=lambda pair: (pair[1].date, pair[0]))
