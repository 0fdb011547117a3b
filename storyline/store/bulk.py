"""Bulk copies of the story and copy-detection index (migration 0003) between stores.

The Spark path clusters independent blocks of articles in in-memory stores and
loads the union of their index tables into one database: ``index_rows`` reads a
table out, ``insert_index_rows`` writes rows in, ``link_articles`` then sets
``articles.story`` and ``articles.duplicate_of`` from the loaded index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

# The tables of the clustering and copy index, with the columns copied.
INDEX_TABLES: dict[str, tuple[str, ...]] = {
    "stories": ("id", "seq", "first_article", "title", "keywords", "outlets", "first_seen", "last_updated",
                "first_ts", "last_ts", "article_count", "canonical_count", "size", "norms", "merged_into"),
    "story_terms": ("story", "term", "weight"),
    "story_postings": ("term", "rank", "story", "weight"),
    "story_members": ("article", "story", "joined", "pos", "canonical", "score", "outlet", "title", "published",
                      "ts", "vector"),
    "story_merges": ("old", "new", "article", "score", "pos"),
    "term_df": ("term", "df"),
    "story_counters": ("name", "value"),
    "copy_signatures": ("article", "canonical", "text_hash", "shingles", "signature"),
    "copy_bands": ("band", "key", "article"),
}


class BulkQueries:
    conn: sqlite3.Connection

    @classmethod
    def over(cls, conn: sqlite3.Connection) -> BulkQueries:
        """Return the bulk queries over an open connection (for a Store built without this mixin)."""
        bulk = cls.__new__(cls)
        bulk.conn = conn
        return bulk

    def index_rows(self, table: str) -> list[dict[str, Any]]:
        """Return every row of one index table as a dict of INDEX_TABLES[table] columns."""
        columns = INDEX_TABLES[table]
        rows = self.conn.execute(f"SELECT {', '.join(columns)} FROM {table}")
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def insert_index_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows (values in INDEX_TABLES[table] column order) into one index table."""
        columns = INDEX_TABLES[table]
        self.conn.executemany(
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})", rows)

    def link_articles(self) -> None:
        """Set every article's story and duplicate_of from story_members and copy_signatures."""
        self.conn.execute("UPDATE articles SET story = (SELECT m.story FROM story_members m"
                          " WHERE m.article = articles.id)")
        self.conn.execute("UPDATE articles SET duplicate_of = (SELECT c.canonical FROM copy_signatures c"
                          " WHERE c.article = articles.id AND c.canonical != articles.id)")
