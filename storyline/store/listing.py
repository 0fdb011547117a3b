"""Read-side queries for browsing: stories filtered by date, entity and outlet, newest activity first."""

from __future__ import annotations

import sqlite3
from typing import Any


class StoryListing:
    conn: sqlite3.Connection

    def list_story_ids(self, *, limit: int = 50, offset: int = 0, since: str | None = None,
                       until: str | None = None, entity: str | None = None, outlet: str | None = None) -> list[str]:
        """Return live story ids, most recently updated first, matching every filter given."""
        where, params = _filters(since, until, entity, outlet)
        rows = self.conn.execute(
            f"SELECT s.id FROM stories s WHERE {where} ORDER BY s.last_updated IS NULL, s.last_updated DESC,"
            " s.seq DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        return [r[0] for r in rows]

    def count_stories(self, *, since: str | None = None, until: str | None = None, entity: str | None = None,
                      outlet: str | None = None) -> int:
        """Return how many live stories match the filters."""
        where, params = _filters(since, until, entity, outlet)
        return int(self.conn.execute(f"SELECT count(*) FROM stories s WHERE {where}", params).fetchone()[0])

    def entity_ids_named(self, name: str) -> list[str]:
        """Return ids of global entities whose name or alias is ``name`` (case-insensitive), exact first."""
        rows = self.conn.execute(
            "SELECT id FROM entities WHERE id = ? OR name = ? COLLATE NOCASE OR EXISTS"
            " (SELECT 1 FROM json_each(entities.aliases) WHERE value = ? COLLATE NOCASE)"
            " ORDER BY name = ? COLLATE NOCASE DESC, id", (name, name, name, name))
        return [r[0] for r in rows]


def _filters(since: str | None, until: str | None, entity: str | None,
             outlet: str | None) -> tuple[str, list[Any]]:
    clauses, params = ["s.merged_into IS NULL"], []
    if since:
        clauses.append("s.last_updated >= ?")
        params.append(since)
    if until:
        clauses.append("s.first_seen <= ?")
        params.append(until + "\uffff")  # a day bound includes every time on that day
    if entity:
        clauses.append("EXISTS (SELECT 1 FROM articles a JOIN article_entities ae ON ae.article_id = a.id"
                       " JOIN entities e ON e.id = ae.entity_id WHERE a.story = s.id"
                       " AND (e.id = ? OR e.name LIKE ? OR e.aliases LIKE ?))")
        params += [entity, f"%{entity}%", f"%{entity}%"]
    if outlet:
        clauses.append("EXISTS (SELECT 1 FROM articles a WHERE a.story = s.id AND a.outlet LIKE ?)")
        params.append(f"%{outlet}%")
    return " AND ".join(clauses), params
