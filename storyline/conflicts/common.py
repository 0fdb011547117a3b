"""Helpers every conflict check shares: who says it, in which sentence, how to write a date."""

from __future__ import annotations

from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.models import Article, EventMention
from storyline.timeline import dates
from storyline.timeline.merge import independent

# Words that mark a second, repeated or moved event rather than a disputed date or count.
REPEAT_MARKERS = {
    "again", "another", "second", "third", "fourth", "renewed", "continued", "continue", "every",
    "each", "daily", "weekly", "anniversary", "postponed", "rescheduled", "delayed", "moved", "resumed",
    "later", "earlier", "previous", "next", "latest", "fresh", "also",
}


def outlet(article: Article) -> str:
    """Return how a journalist names the source of an article: its outlet, else its title, else its id."""
    if article.outlet:
        return article.outlet
    return f'the article "{article.title}"' if article.title else f"article {article.id}"


def long_date(value: str) -> str:
    """Return "26 August 2020" for a day value, else the value itself."""
    d = dates.day(value)
    return _long(d) if d else value


def _long(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def sentence_at(article: Article, start: int, end: int) -> tuple[int, str]:
    """Return (offset, text) of the sentence holding [start, end), stripped; the span itself if none."""
    for span in article.sentences:
        if span.start <= start and end <= span.end:
            raw = article.text[span.start : span.end]
            return span.start + len(raw) - len(raw.lstrip()), raw.strip()
    return start, article.text[start:end]


def clause(mention: EventMention) -> str:
    """Return an event summary ready to follow "says": first letter lowered unless it starts a name."""
    summary = mention.summary
    first = summary.split(" ", 1)[0]
    if first.lower() not in STOP_WORDS and any(first in name.split() for name in mention.entities):
        return summary
    return summary[:1].lower() + summary[1:]


def story_mentions(articles: list[Article]) -> list[EventMention]:
    """Return the events of the story's independent articles that are not plans."""
    mentions = [m for a in articles for m in a.events]
    return [m for m in independent(mentions, articles) if m.status != "planned"]


def has_repeat_marker(mention: EventMention) -> bool:
    """Return True when the sentence speaks of a repeated, moved or different occurrence."""
    words = {w.strip(".,;:\"'()").lower() for w in mention.quote.split()}
    return bool(words & REPEAT_MARKERS)


def names_list(names: list[str]) -> str:
    """Return "A", "A and B" or "A, B and C"."""
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
