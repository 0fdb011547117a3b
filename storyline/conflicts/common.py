"""Helpers every conflict check shares: who says it, in which sentence, how to write a date."""

from __future__ import annotations

import re
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.models import Article, EventMention
from storyline.stories.features import timestamp
from storyline.timeline import dates
from storyline.timeline.merge import independent

# Words that mark a second, repeated or moved event rather than a disputed date or count.
REPEAT_MARKERS = {
    "again", "another", "second", "third", "fourth", "renewed", "continued", "continue", "every",
    "each", "daily", "weekly", "anniversary", "postponed", "rescheduled", "delayed", "moved", "resumed",
    "later", "earlier", "previous", "next", "latest", "fresh", "also",
}


# Reports published this far apart may count a toll that grew in between (the later one higher).
TOLL_UPDATE_S = 12 * 3600
# Counts this close (relative to the larger) are one quantity miscounted, not two quantities:
# 33 and 34 detained are one protest, 40 and 12 are two; 212 and 221 aboard are one train.
SAME_COUNT_SLACK = 0.1
# Where a sentence joins a second clause with its own subject and verb.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+")


def counts_far_apart(x: str, y: str) -> bool:
    """Return True when two stated counts are too far apart to be one quantity miscounted."""
    try:
        low, high = sorted((float(x), float(y)))
    except ValueError:
        return x != y
    return high - low > SAME_COUNT_SLACK * high


def surname(name: str) -> str:
    """Return the last word of a name: how later mentions name a person ("Quispe" for "Ana Quispe")."""
    return name.split()[-1]


def outlet(article: Article) -> str:
    """Return how a journalist names the source of an article: its outlet, else its title, else its id."""
    if article.outlet:
        return article.outlet
    return f'the article "{article.title}"' if article.title else f"article {article.id}"


def count_rose(published_a: str | None, count_a: str, published_b: str | None, count_b: str) -> bool:
    """Return True when the report published well after the other gives the higher count: a toll that rose.

    "Two people died" on the night of a fire and "four people died" two days later, after two
    victims died in hospital, are both right when they were written.
    """
    time_a, time_b = timestamp(published_a), timestamp(published_b)
    if time_a is None or time_b is None or abs(time_a - time_b) < TOLL_UPDATE_S:
        return False
    (_, earlier), (_, later) = sorted([(time_a, count_a), (time_b, count_b)])
    try:
        return float(later.replace(",", "")) > float(earlier.replace(",", ""))
    except ValueError:
        return False


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
    first, *rest = summary.split(" ", 2)
    if first.lower() not in STOP_WORDS and any(first in name.split() for name in mention.entities):
        return summary
    if rest and rest[0][:1].isupper():
        return summary  # a title or a name of several words: "Prime Minister Jacinda Ardern"
    return summary[:1].lower() + summary[1:]


def story_mentions(articles: list[Article]) -> list[EventMention]:
    """Return the events of the story's independent articles that are not plans."""
    mentions = [m for a in articles for m in a.events]
    return [m for m in independent(mentions, articles) if m.status != "planned"]


def has_repeat_marker(mention: EventMention) -> bool:
    """Return True when the event's clause speaks of a repeated, moved or different occurrence."""
    return bool(_words(_event_clause(mention)) & REPEAT_MARKERS)


def _words(text: str) -> set[str]:
    return {w.strip(".,;:\"'()").lower() for w in text.split()}


def _event_clause(mention: EventMention) -> str:
    """Return the part of the quote that states the event, without clauses joined on after it.

    "On August 27, police detained dozens ..., and the pressure continued when classes resumed":
    the markers of the joined clause say nothing about the detentions.
    """
    parts = _CLAUSE_BREAK.split(mention.quote)
    summary = _words(mention.summary)
    return max(parts, key=lambda part: len(_words(part) & summary))


def names_list(names: list[str]) -> str:
    """Return "A", "A and B" or "A, B and C"."""
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
