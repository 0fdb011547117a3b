"""The SQLite store: the only code in storyline that writes SQL.

One file holds everything. Each area of the schema has its own mixin of
queries (articles here, stories and timelines beside it); ``Store`` combines
them over one connection. Schema changes are numbered SQL files in
``migrations/``, applied in order and recorded in ``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.articles import ArticleQueries
from storyline.store.listing import StoryListing
from storyline.store.stories import IndexCache, StoryQueries, posting_rank
from storyline.store.timeline import TimelineQueries
from storyline.store.wal import Checkpointer, checkpoint

__all__ = ["Store"]

CACHE_KIB = 256 * 1024
MMAP_BYTES = 2 * 1024**3
# SQLite's own checkpoint (inside a commit) is only a backstop for when the background one
# (storyline.store.wal) falls behind.
WAL_PAGES = 100_000


class Store(ArticleQueries, StoryQueries, TimelineQueries, StoryListing):
    """A storyline database: open it with ``Store.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self.cache = IndexCache()
        self._checkpointer: Checkpointer | None = None

    @classmethod
    def open(cls, path: str | Path = ":memory:") -> Store:
        """Return the store at ``path``, creating it and applying migrations as needed."""
        path = str(path)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            _configure(conn, path)
            store = cls(conn, path)
            store.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a storyline database ({exc})") from None
        return store

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()  # first: the last connection to close checkpoints what is left
            self._checkpointer = None
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction; nested blocks become savepoints."""
        name = f"sp{self._depth}"
        self.conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self.conn.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
            # What is kept in memory may include writes the rollback just undid.
            self.forget_cache()
            raise
        self._depth -= 1
        try:
            self.conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except BaseException:
            self.forget_cache()
            raise
        if self._depth == 0:
            self._committed()

    def _committed(self) -> None:
        """Have the log checkpointed in the background (file databases; started at the first commit)."""
        if self.path == ":memory:":
            return
        if self._checkpointer is None:
            self._checkpointer = Checkpointer(self.path)
        if self._checkpointer.restart_due.is_set():
            self._checkpointer.restart_due.clear()
            checkpoint(self.conn)
        self._checkpointer.nudge()

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks; return their names."""
        applied = []
        current = self.schema_version()
        for number, name, sql in _migrations():
            if number <= current:
                continue
            self.conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            applied.append(name)
        return applied


def _configure(conn: sqlite3.Connection, path: str) -> None:
    # Used by the SQL that writes story_postings (migrations, merges), so that Python and SQL
    # band a weight alike; only statements call it, never the schema, so other tools read the file.
    conn.create_function("storyline_posting_rank", 1, posting_rank, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    if path != ":memory:":
        # WAL: readers (the web UI) never block the ingest; NORMAL sync is
        # durable across a crash of the process, which is what we promise.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # The story index outgrows SQLite's 2 MB default cache at ~10k articles;
        # measured on bench.stories at 20k: median assignment 88 → 66 ms. At 100k (a 440 MB
        # file) a 1 GB cache, or no mmap, changed nothing measurable (bench.stories, passages).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        # Checkpoints run on a background thread after commits (storyline.store.wal); SQLite's
        # own, inside a commit, only past WAL_PAGES. Before: SQLite's every 10,000 pages (its default
        # 1,000 made a page that many commits touched be written once per 1,000: measured on the
        # bench.stories state at 100k, --splice texts, commit 17.0 → 10.4 ms).
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql") and entry.name[:4].isdigit():
            found.append((int(entry.name[:4]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)
