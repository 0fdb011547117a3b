"""Copy the write-ahead log into the database file on a background thread, off the writer's path.

SQLite's own checkpoints run inside the COMMIT that crosses ``wal_autocheckpoint`` pages, so
one assignment in a few dozen waits for the copy and its fsync. Their cost grows with the
archive, not with the work: each copies every distinct page written since the last one, and the
same number of commits touches ~7 distinct pages each in a 5 MB store (1k articles, mostly the
same pages again) but ~85 in a 440 MB one (100k articles; measured on bench.stories, 200
commits: 1,356 against 17,071 distinct pages). Measured there at 100k: commit 5.3 ms with
SQLite's checkpoints, 1.9 ms without, against 1.2 ms at 1k.

A second connection checkpoints in PASSIVE mode, which never blocks the writer: it copies the
frames committed so far while the writer goes on appending. Durability is unchanged (what a
commit promises does not depend on when its frames reach the database file).
"""

from __future__ import annotations

import sqlite3
import threading

# Seconds between checkpoints while commits keep coming. Each copies the distinct pages of the
# commits since the last; a longer wait writes a page touched by many commits once, at the cost of
# a larger log (bench.stories at 100k: ~15k frames, 60 MB, a second).
INTERVAL_S = 1.0
# Log length (frames) past which the writer is asked to finish a checkpoint itself. The log is
# reused from its beginning only after a checkpoint copied every frame between two of the writer's
# transactions, which the background passes alone seldom manage while it keeps committing
# (measured: the log grew by ~140 frames a commit, never reused). The writer's own pass copies
# only the frames committed since the background pass began (a few commits' worth), and its next
# transaction starts the log again. A RESTART checkpoint from this thread did the same but made
# the writer wait out SQLite's busy-handler sleeps (350 ms once a second at 100k).
RESTART_FRAMES = 10_000


class Checkpointer:
    """A daemon thread that checkpoints one database's log after commits (``nudge``), until ``stop``."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._nudged = threading.Event()
        self._stopping = threading.Event()
        self.restart_due = threading.Event()  # set when the log is long and mostly copied
        self._thread = threading.Thread(target=self._run, name=f"storyline-checkpoint:{path}", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Say that a transaction committed: its frames are to be copied at the next checkpoint."""
        self._nudged.set()

    def stop(self) -> None:
        """Stop the thread (after a checkpoint in progress) and close its connection."""
        self._stopping.set()
        self._nudged.set()
        self._thread.join()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 1000")
            while not self._stopping.is_set():
                self._nudged.wait()
                if self._stopping.wait(INTERVAL_S):
                    break
                self._nudged.clear()
                if checkpoint(conn) >= RESTART_FRAMES:
                    self.restart_due.set()
        finally:
            conn.close()


def checkpoint(conn: sqlite3.Connection) -> int:
    """Copy what the log holds into the database file without blocking writers; return the log's length."""
    try:
        busy, frames, _ = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return 0  # the next nudge tries again; the writer's close checkpoints whatever is left
    return 0 if busy else int(frames)
