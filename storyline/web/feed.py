"""A story as an Atom 1.0 feed: one entry per timeline event and per conflict, built with ElementTree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from storyline.models import Conflict, Event, Story
from storyline.web.timeline_svg import date_span

ATOM = "http://www.w3.org/2005/Atom"
# Atom requires an updated time; a story with no dated activity gets this fixed one, not "now",
# so that the feed does not change between two requests.
EPOCH = "1970-01-01T00:00:00Z"


def story_feed(story: Story, page_url: str, feed_url: str) -> bytes:
    """Return the Atom document for ``story`` (UTF-8 bytes with an XML declaration)."""
    ET.register_namespace("", ATOM)
    updated = rfc3339(story.last_updated) or EPOCH
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:storyline:story:{story.id}")
    _text(feed, "title", story.title or story.id)
    _text(feed, "updated", updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "storyline")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": page_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": feed_url})
    for number, event in enumerate(story.timeline, 1):
        _entry(feed, f"urn:storyline:story:{story.id}:event:{number}", f"{event.date}: {event.summary}",
               rfc3339(event.date) or updated, _event_text(event), f"{page_url}#event-{number}")
    for number, conflict in enumerate(story.conflicts, 1):
        _entry(feed, f"urn:storyline:story:{story.id}:conflict:{number}",
               f"Sources disagree ({conflict.kind.replace('_', ' ')}): {conflict.summary}", updated,
               _conflict_text(conflict), f"{page_url}#conflict-{number}")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(feed: ET.Element, entry_id: str, title: str, updated: str, content: str, link: str) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id)
    _text(entry, "title", title)
    _text(entry, "updated", updated)
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": link})
    _text(entry, "content", content).set("type", "text")


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    child.text = _xml_chars(text)
    return child


def _event_text(event: Event) -> str:
    span = f"{event.date} to {event.end}" if event.end else event.date
    lines = [f"{span} ({event.status}): {event.summary}"]
    lines += [f"- {s.article}: \u201c{s.quote}\u201d" for s in event.sources]
    return "\n".join(lines)


def _conflict_text(conflict: Conflict) -> str:
    lines = [conflict.summary]
    lines += [f"- {c.article} says {c.value}: \u201c{c.quote}\u201d" for c in conflict.claims]
    return "\n".join(lines)


def rfc3339(value: str | None) -> str | None:
    """Return an RFC 3339 timestamp for an ISO datetime or TIMEX3 value (its first day at 00:00 UTC), or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        span = date_span(value)
        return f"{span[0].isoformat()}T00:00:00Z" if span else None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _xml_chars(text: str) -> str:
    # Control characters are not allowed in XML 1.0 even escaped; an article may still carry them.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
