"""Queries on articles and the global entity table."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from storyline.errors import NotFound, UsageError
from storyline.models import Article, Entity, Origin
from storyline.store import codec
from storyline.store.sql import chunks, marks

_COLUMNS = (
    "id, origin_path, origin_item, url, outlet, title, author, published, published_utc, published_from,"
    " language, partial, text, removed, metadata, sentences, entities, timexes, events, ingested_at"
)


class ArticleQueries:
    conn: sqlite3.Connection

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return the subset of ``ids`` already stored."""
        found: set[str] = set()
        for part in chunks(ids):
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks(part)})", part)
            found.update(r[0] for r in rows)
        return found

    def add_articles(self, articles: Iterable[Article]) -> list[str]:
        """Insert articles not yet stored; return the ids that were new."""
        new = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for article in articles:
            cursor = self.conn.execute(
                f"INSERT OR IGNORE INTO articles ({_COLUMNS}) VALUES ({','.join('?' * 20)})",
                _row_values(article, now),
            )
            if cursor.rowcount:
                new.append(article.id)
        return new

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def article(self, article_id: str) -> Article:
        """Return one article; raise NotFound if the id is unknown."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return article_from_row(row)

    def articles(self, ids: Iterable[str]) -> list[Article]:
        """Return the articles with these ids, in the order given (unknown ids are left out)."""
        ids = list(ids)
        by_id: dict[str, Article] = {}
        for part in chunks(ids):
            rows = self.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks(part)})", part)
            by_id.update((r["id"], article_from_row(r)) for r in rows)
        return [by_id[i] for i in ids if i in by_id]

    def iter_articles(self, *, story: str | None = None, limit: int | None = None, offset: int = 0,
                      newest_first: bool = False) -> Iterator[Article]:
        """Yield articles in publication order (undated last), then ingest order."""
        where, params = ("WHERE story = ?", [story]) if story else ("", [])
        order = "DESC" if newest_first else "ASC"
        sql = (f"SELECT * FROM articles {where} ORDER BY published_utc IS NULL, published_utc {order}, seq {order}"
               f" LIMIT ? OFFSET ?")
        for row in self.conn.execute(sql, [*params, -1 if limit is None else limit, offset]):
            yield article_from_row(row)

    def set_annotations(self, article: Article) -> None:
        """Store an article's sentences, entities, time expressions and events."""
        self.conn.execute(
            "UPDATE articles SET sentences = ?, entities = ?, timexes = ?, events = ? WHERE id = ?",
            (codec.dumps(article.sentences), codec.dumps(article.entities), codec.dumps(article.timexes),
             codec.dumps(article.events), article.id),
        )

    def set_published(self, article: Article) -> None:
        """Store an article's publication date and its origin (after a later stage inferred it)."""
        self.conn.execute("UPDATE articles SET published = ?, published_utc = ?, published_from = ? WHERE id = ?",
                          (article.published, sortable_date(article.published), article.published_from, article.id))

    def link_entities(self, article_id: str, keyed: Iterable[tuple[str, Entity]]) -> None:
        """Add each (key, entity) to the global entity table, merging aliases and roles, and link it."""
        for key, entity in keyed:
            entity_id = _upsert_entity(self.conn, key, entity)
            entity.id = entity_id
            self.conn.execute("INSERT OR IGNORE INTO article_entities VALUES (?, ?)", (article_id, entity_id))

    def global_entities(self, *, name: str | None = None, limit: int | None = None) -> list[tuple[Entity, int]]:
        """Return global entities with the number of articles naming them, most mentioned first."""
        where, params = ("WHERE e.name LIKE ? OR e.aliases LIKE ?", [f"%{name}%"] * 2) if name else ("", [])
        rows = self.conn.execute(
            "SELECT e.*, count(ae.article_id) AS n FROM entities e LEFT JOIN article_entities ae"
            f" ON ae.entity_id = e.id {where} GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            [*params, -1 if limit is None else limit],
        )
        return [(_entity_from_row(r), int(r["n"])) for r in rows]

    def search(self, query: str, *, limit: int = 50) -> list[tuple[Article, str]]:
        """Return (article, snippet) for a full-text query, best match first.

        The snippet marks matches with \x02 … \x03, so a caller can escape the
        text first and then turn the markers into highlighting.
        """
        terms = _fts_terms(query)
        if not terms:
            raise UsageError(f"nothing to search for in {query!r}")
        rows = self.conn.execute(
            "SELECT a.*, snippet(articles_fts, 1, char(2), char(3), '…', 16) AS snippet FROM articles_fts"
            " JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?"
            " ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?", (terms, limit))
        return [(article_from_row(r), r["snippet"]) for r in rows]

    def entity(self, entity_id: str) -> Entity:
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFound(f"no entity with id {entity_id!r}")
        return _entity_from_row(row)

    def entity_articles(self, entity_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?"
            " ORDER BY a.published_utc, a.seq", (entity_id,))
        return [r[0] for r in rows]


def _fts_terms(query: str) -> str:
    # Each word becomes a quoted FTS5 string, so user input is never FTS syntax;
    # every word must match (operator words are dropped, not searched for).
    words = [w for w in re.findall(r"\w+", query) if w not in _FTS_OPERATORS]
    return " ".join(f'"{word}"' for word in words)


_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def global_entity_id(key: str) -> str:
    """Return the global id of the entity with this key (``storyline.annotate.entity_key``)."""
    return "e" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _upsert_entity(conn: sqlite3.Connection, key: str, entity: Entity) -> str:
    row = conn.execute("SELECT id, aliases, roles FROM entities WHERE key = ?", (key,)).fetchone()
    if row is None:
        entity_id = global_entity_id(key)
        conn.execute(
            "INSERT INTO entities (id, key, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?, ?)",
            (entity_id, key, entity.name, entity.type, codec.dumps(sorted(set(entity.aliases))),
             codec.dumps(entity.roles)),
        )
        return entity_id
    aliases = sorted(set(json.loads(row["aliases"])) | set(entity.aliases))
    roles = json.loads(row["roles"])
    seen = {(r["role"], r["quote"]) for r in roles}
    roles += [codec._plain(r) for r in entity.roles if (r.role, r.quote) not in seen]
    conn.execute("UPDATE entities SET aliases = ?, roles = ? WHERE id = ?",
                 (codec.dumps(aliases), codec.dumps(roles), row["id"]))
    return str(row["id"])


def _entity_from_row(row: sqlite3.Row) -> Entity:
    entity = codec.entity_from({"name": row["name"], "type": row["type"], "aliases": json.loads(row["aliases"]),
                                "roles": json.loads(row["roles"])})
    entity.id = row["id"]
    return entity


def sortable_date(published: str | None) -> str | None:
    """Return a key that sorts publication dates chronologically: UTC for zoned datetimes."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return published


def _row_values(a: Article, now: str) -> tuple[object, ...]:
    return (
        a.id, a.origin.path, a.origin.item, a.url, a.outlet, a.title, a.author, a.published,
        sortable_date(a.published), a.published_from, a.language, int(a.partial), a.text,
        codec.dumps(a.removed), codec.dumps(a.metadata), codec.dumps(a.sentences), codec.dumps(a.entities),
        codec.dumps(a.timexes), codec.dumps(a.events), now,
    )


def article_from_row(row: sqlite3.Row) -> Article:
    """Return the Article a row of the articles table holds."""
    return Article(
        id=row["id"], origin=Origin(row["origin_path"], row["origin_item"]), text=row["text"],
        url=row["url"], outlet=row["outlet"], title=row["title"], author=row["author"],
        published=row["published"], published_from=row["published_from"], language=row["language"],
        partial=bool(row["partial"]), removed=json.loads(row["removed"]), metadata=json.loads(row["metadata"]),
        duplicate_of=row["duplicate_of"], story=row["story"], sentences=codec.spans(row["sentences"]),
        entities=codec.entities(row["entities"]), timexes=codec.timexes(row["timexes"]),
        events=codec.event_mentions(row["events"]),
    )
