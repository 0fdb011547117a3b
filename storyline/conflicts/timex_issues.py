"""Conflicts an article has with the calendar: weekdays that do not match, dates that cannot exist."""

from __future__ import annotations

from storyline.conflicts.common import long_date, outlet, sentence_at
from storyline.models import Article, Claim, Conflict, ConflictKind, TimeExpr
from storyline.timeline import dates


def timex_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return one conflict per time expression the annotator marked garbled, mismatched or impossible."""
    found = []
    for article in articles:
        for timex in article.timexes:
            if timex.issue is not None:
                found.append(_conflict(article, timex))
    return found


def _conflict(article: Article, timex: TimeExpr) -> Conflict:
    kind: ConflictKind = "impossible_date" if timex.issue == "impossible" else "garbled_date"
    start, quote = sentence_at(article, timex.start, timex.end)
    claim = Claim(article.id, quote, timex.value or timex.text, start)
    return Conflict(kind, _explain(article, timex), [claim])


def _explain(article: Article, timex: TimeExpr) -> str:
    who, text = outlet(article), timex.text
    if timex.issue == "impossible":
        return f'{who} writes "{text}", a date that does not exist.'
    day = dates.day(timex.value)
    if timex.issue == "weekday_mismatch" and day is not None:
        return f'{who} writes "{text}", but {long_date(day.isoformat())} was a {day.strftime("%A")}.'
    return f'{who} writes "{text}", which cannot be read as a date.'
