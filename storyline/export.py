"""The export contract, schema_version 1: the names outside tools read.

``document(store)`` builds the whole export as plain data; ``write`` renders
it as JSON, JSONL, CSV or Parquet. The contract lives in
``../shared/contract/export-v1.schema.json``; keep these names.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any, Literal

from storyline.models import Article, Entity, Story, TimeExpr
from storyline.store import Store
from storyline.store.codec import _plain

SCHEMA_VERSION = 1
Format = Literal["json", "jsonl", "csv", "parquet"]
CSV_COLUMNS = ("id", "url", "outlet", "title", "author", "published", "published_from", "language", "partial",
               "duplicate_of", "story", "origin_path", "origin_item", "text")


def article_record(article: Article) -> dict[str, Any]:
    """Return an article in the export's shape."""
    return {
        "id": article.id, "origin": {"path": article.origin.path, "item": article.origin.item},
        "url": article.url, "outlet": article.outlet, "title": article.title, "author": article.author,
        "published": article.published, "published_from": article.published_from, "language": article.language,
        "partial": article.partial, "text": article.text, "removed": list(article.removed),
        "duplicate_of": article.duplicate_of, "story": article.story,
        "entities": [entity_record(e) for e in article.entities],
        "timexes": [timex_record(t) for t in article.timexes],
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "roles": [{"role": r.role, "quote": r.quote} for r in entity.roles]}


def timex_record(timex: TimeExpr) -> dict[str, Any]:
    """Return a time expression in the export's shape, with its TIMEX3 type and, when vague, its interval."""
    interval = {"begin": timex.begin, "end": timex.end_value} if timex.begin or timex.end_value else None
    return {"text": timex.text, "value": timex.value, "granularity": timex.granularity,
            "start": timex.start, "end": timex.end, "issue": timex.issue,
            "type": timex.type, "mod": timex.mod, "interval": interval}


def story_record(story: Story) -> dict[str, Any]:
    """Return a story in the export's shape."""
    return {
        "id": story.id, "title": story.title, "articles": list(story.articles),
        "first_seen": story.first_seen, "last_updated": story.last_updated,
        "entities": [entity_record(e) for e in story.entities],
        "timeline": _plain(story.timeline), "conflicts": _plain(story.conflicts),
    }


def iter_records(store: Store) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ("article", record) for every article, then ("story", record) for every story."""
    for article in store.iter_articles():
        yield "article", article_record(article)
    for story in _stories(store):
        yield "story", story_record(story)


def _stories(store: Store) -> Iterator[Story]:
    from storyline.views import full_story

    for story_id in store.live_story_ids():
        story = full_story(store, story_id)
        if story is not None:
            yield story


def document(store: Store) -> dict[str, Any]:
    """Return the whole export as one object."""
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "articles": [], "stories": []}
    for kind, record in iter_records(store):
        doc["articles" if kind == "article" else "stories"].append(record)
    return doc


def write(store: Store, fmt: Format, out: IO[str] | IO[bytes]) -> None:
    """Write the export of ``store`` to ``out`` (text stream, or binary for parquet)."""
    if fmt == "json":
        json.dump(document(store), out, ensure_ascii=False, indent=1)  # type: ignore[arg-type]
        out.write("\n")  # type: ignore[call-overload]
    elif fmt == "jsonl":
        for kind, record in iter_records(store):
            line = {"schema_version": SCHEMA_VERSION, "type": kind, **record}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")  # type: ignore[call-overload]
    elif fmt == "csv":
        _write_csv(store, out)  # type: ignore[arg-type]
    else:
        _write_parquet(store, out)  # type: ignore[arg-type]


def _write_csv(store: Store, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for article in store.iter_articles():
        row = article_record(article)
        row.update(origin_path=article.origin.path, origin_item=article.origin.item)
        writer.writerow(row)


def _write_parquet(store: Store, out: IO[bytes]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [article_record(a) for a in store.iter_articles()]
    for row in rows:  # nested lists of objects travel as JSON text: one flat, stable schema
        for key in ("origin", "entities", "timexes", "removed"):
            row[key] = json.dumps(row[key], ensure_ascii=False)
    pq.write_table(pa.Table.from_pylist(rows), out)
