"""An article's text as safe HTML, entities and time expressions marked.

The HTML is built from the offsets only: every stretch of text between them is
escaped on its own, so nothing in an article can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from storyline.models import Article


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str  # "entity" or "timex"
    title: str
    href: str | None = None


def highlight(article: Article) -> Markup:
    """Return the article's text as HTML with entity and time-expression marks (title = type or resolved value)."""
    text = article.text
    parts: list[str] = []
    at = 0
    for mark in _non_overlapping(_marks(article), len(text)):
        parts.append(escape(text[at : mark.start]))
        parts.append(_wrap(mark, text[mark.start : mark.end]))
        at = mark.end
    parts.append(escape(text[at:]))
    return Markup("".join(parts))


def _marks(article: Article) -> list[_Mark]:
    marks = []
    for entity in article.entities:
        href = f"/entities/{quote(entity.id, safe='')}" if entity.id else None
        marks += [_Mark(m.start, m.end, "entity", f"{entity.name} ({entity.type})", href) for m in entity.mentions]
    for timex in article.timexes:
        value = timex.value or "not placed on the calendar"
        title = f"{value} ({timex.granularity})" if timex.granularity else value
        if timex.issue:
            title += f"; {timex.issue.replace('_', ' ')}"
        marks.append(_Mark(timex.start, timex.end, "timex", title))
    return marks


def _non_overlapping(marks: list[_Mark], length: int) -> list[_Mark]:
    # Entities and time expressions can overlap ("Monday's summit"); the earlier, longer one wins.
    kept: list[_Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= mark.start < mark.end <= length and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def _wrap(mark: _Mark, words: str) -> str:
    if mark.kind == "timex":
        return Markup('<span class="timex" title="{}">{}</span>').format(mark.title, words)
    if mark.href:
        return Markup('<a class="entity" href="{}" title="{}">{}</a>').format(mark.href, mark.title, words)
    return Markup('<span class="entity" title="{}">{}</span>').format(mark.title, words)


def safe_url(url: str | None) -> str | None:
    """Return ``url`` when it is an http(s) address with a host, else None (never a javascript: or data: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def marked_snippet(snippet: str) -> Markup:
    """Return a search snippet as HTML: the text escaped first, then its \\x02…\\x03 markers turned into <mark>."""
    html = str(escape(snippet))
    return Markup(html.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """Return a snippet without its markers and the [start, end] offsets of the matches in it."""
    plain: list[str] = []
    matches: list[list[int]] = []
    at = 0
    for ch in snippet:
        if ch == "\x02":
            matches.append([at, at])
        elif ch == "\x03" and matches:
            matches[-1][1] = at
        else:
            plain.append(ch)
            at += 1
    return "".join(plain), matches
