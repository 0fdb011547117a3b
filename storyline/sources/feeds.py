"""RSS and Atom feeds through feedparser.

An item with full text (``content:encoded``, Atom ``content``) becomes an
HTML document; an item with only a summary is kept and marked ``partial``.
An item's language is its own ``xml:lang``, else the channel's ``<language>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.models import InputProblem, Origin, RawDocument
from storyline.settings import MAX_FEED_BYTES

# Feeds never need a DTD; one that declares entities is refused outright, which
# rules out entity-expansion bombs and external entities whatever the parser does.
_ENTITY_DECLARATION = re.compile(r"<!(?:ENTITY|DOCTYPE[^>]*\[)", re.I)


def read_feed(text: str, path: str) -> Iterator[RawDocument | InputProblem]:
    """Yield one RawDocument per feed item, or one InputProblem for an unreadable feed."""
    if len(text) > MAX_FEED_BYTES:
        yield InputProblem(path, None, f"feed is {len(text) // 1024**2} MB; feeds over "
                                       f"{MAX_FEED_BYTES // 1024**2} MB are refused (split it)")
        return
    if _ENTITY_DECLARATION.search(text[:65536]):
        yield InputProblem(path, None, "feed declares XML entities (a DTD); refused for safety")
        return
    parsed = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no items"
        yield InputProblem(path, None, f"not a readable RSS/Atom feed: {reason}")
        return
    outlet = parsed.feed.get("title") or None
    language = parsed.feed.get("language") or None
    for index, entry in enumerate(parsed.entries, start=1):
        yield _item(entry, path, index, outlet, language)


def _item(entry: Any, path: str, index: int, outlet: str | None, language: str | None) -> RawDocument | InputProblem:
    link = entry.get("link") or None
    item = link or f"item {index}"
    full = _full_content(entry)
    body = full or entry.get("summary") or ""
    if not body.strip():
        return InputProblem(path, item, "feed item has neither content nor summary")
    return RawDocument(
        origin=Origin(path, item), source_format="feed", body=body, body_kind="html",
        url=link, title=entry.get("title") or None,
        published=entry.get("published") or entry.get("updated") or None,
        outlet=outlet, author=entry.get("author") or None, partial=not full,
        metadata=_metadata(entry), language=_item_language(entry) or language,
    )


def _item_language(entry: Any) -> str | None:
    """Return the language an item states itself (Atom ``xml:lang`` on its content, summary or title)."""
    details = [*entry.get("content", []), entry.get("summary_detail"), entry.get("title_detail")]
    return next((d["language"] for d in details if d and d.get("language")), None)


def _full_content(entry: Any) -> str | None:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    if not contents:
        return None
    longest = max(contents, key=len)
    # Some feeds copy the summary into content: it is still only a summary. feedparser fills
    # ``summary`` from the content when an item has none; only ``summary_detail`` says the feed wrote one.
    summary = (entry.get("summary_detail") or {}).get("value") or ""
    return longest if len(longest) > len(summary) or not summary else None


def _metadata(entry: Any) -> dict[str, Any]:
    tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
    meta: dict[str, Any] = {"feed_id": entry.get("id")} if entry.get("id") else {}
    if tags:
        meta["tags"] = tags
    return meta
