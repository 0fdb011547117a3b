"""Queries on story timelines, their conflicts and per-entity timelines."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from storyline.models import Claim, Conflict, Event, Source


class TimelineQueries:
    conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]

    def save_story_timeline(self, story_id: str, events: list[Event], conflicts: list[Conflict]) -> None:
        """Replace the story's timeline and conflicts with these."""
        with self.transaction():
            self.delete_story_timeline(story_id)
            for pos, event in enumerate(events):
                self._insert_event(story_id, pos, event)
            for pos, conflict in enumerate(conflicts):
                self._insert_conflict(story_id, pos, conflict)

    def delete_story_timeline(self, story_id: str) -> None:
        """Remove the story's timeline and conflicts (a story merged away keeps none)."""
        self.conn.execute("DELETE FROM timeline_events WHERE story = ?", (story_id,))
        self.conn.execute("DELETE FROM story_conflicts WHERE story = ?", (story_id,))

    def _insert_event(self, story_id: str, pos: int, event: Event) -> None:
        cur = self.conn.execute(
            "INSERT INTO timeline_events (story, pos, date, end_date, granularity, status, summary, entities)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (story_id, pos, event.date, event.end, event.granularity, event.status, event.summary,
             json.dumps(event.entities)),
        )
        self.conn.executemany(
            "INSERT INTO timeline_sources (event, pos, article, quote, quote_start) VALUES (?, ?, ?, ?, ?)",
            [(cur.lastrowid, i, s.article, s.quote, s.quote_start) for i, s in enumerate(event.sources)],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO timeline_event_entities (event, name) VALUES (?, ?)",
            [(cur.lastrowid, name) for name in event.entities],
        )

    def _insert_conflict(self, story_id: str, pos: int, conflict: Conflict) -> None:
        cur = self.conn.execute(
            "INSERT INTO story_conflicts (story, pos, kind, summary) VALUES (?, ?, ?, ?)",
            (story_id, pos, conflict.kind, conflict.summary),
        )
        self.conn.executemany(
            "INSERT INTO conflict_claims (conflict, pos, article, quote, value, quote_start)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(cur.lastrowid, i, c.article, c.quote, c.value, c.quote_start) for i, c in enumerate(conflict.claims)],
        )

    def story_timeline(self, story_id: str) -> list[Event]:
        """Return the story's timeline in order (empty when none is stored)."""
        rows = self.conn.execute(
            "SELECT * FROM timeline_events WHERE story = ? ORDER BY pos", (story_id,)
        ).fetchall()
        return [self._event(row) for row in rows]

    def entity_timeline(self, name: str) -> list[tuple[str, Event]]:
        """Return (story id, event) for every event naming the entity, across stories, by date."""
        rows = self.conn.execute(
            "SELECT e.* FROM timeline_events e JOIN timeline_event_entities n ON n.event = e.id"
            " WHERE n.name = ? ORDER BY e.date, e.story, e.pos",
            (name,),
        ).fetchall()
        return [(row["story"], self._event(row)) for row in rows]

    def article_events(self, article_id: str) -> list[tuple[str, Event]]:
        """Return (story id, event) for every timeline event the article is a source of."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.* FROM timeline_events e JOIN timeline_sources s ON s.event = e.id"
            " WHERE s.article = ? ORDER BY e.date, e.pos",
            (article_id,),
        ).fetchall()
        return [(row["story"], self._event(row)) for row in rows]

    def _event(self, row: sqlite3.Row) -> Event:
        sources = self.conn.execute(
            "SELECT article, quote, quote_start FROM timeline_sources WHERE event = ? ORDER BY pos", (row["id"],)
        ).fetchall()
        return Event(
            date=row["date"],
            end=row["end_date"],
            granularity=row["granularity"],
            status=row["status"],
            summary=row["summary"],
            entities=json.loads(row["entities"]),
            sources=[Source(s["article"], s["quote"], s["quote_start"]) for s in sources],
        )

    def story_conflicts(self, story_id: str) -> list[Conflict]:
        """Return the story's conflicts in the order they were found."""
        rows = self.conn.execute(
            "SELECT id, kind, summary FROM story_conflicts WHERE story = ? ORDER BY pos", (story_id,)
        ).fetchall()
        return [Conflict(row["kind"], row["summary"], self._claims(row["id"])) for row in rows]

    def article_conflicts(self, article_id: str) -> list[tuple[str, Conflict]]:
        """Return (story id, conflict) for every conflict that quotes the article."""
        rows = self.conn.execute(
            "SELECT DISTINCT c.id, c.story, c.kind, c.summary FROM story_conflicts c"
            " JOIN conflict_claims k ON k.conflict = c.id WHERE k.article = ? ORDER BY c.story, c.pos",
            (article_id,),
        ).fetchall()
        return [(row["story"], Conflict(row["kind"], row["summary"], self._claims(row["id"]))) for row in rows]

    def _claims(self, conflict_id: int) -> list[Claim]:
        rows = self.conn.execute(
            "SELECT article, quote, value, quote_start FROM conflict_claims WHERE conflict = ? ORDER BY pos",
            (conflict_id,),
        ).fetchall()
        return [Claim(r["article"], r["quote"], r["value"], r["quote_start"]) for r in rows]
