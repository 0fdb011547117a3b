"""Background checkpoints: the log is copied into the database file off the writer's path, and reused."""

from __future__ import annotations

import time
from pathlib import Path

from storyline.store import Store, wal


def _wait_for(flag, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not flag.is_set() and time.monotonic() < deadline:
        time.sleep(0.005)
    return flag.is_set()


def _commit_rows(store: Store, n: int) -> None:
    with store.transaction():
        store.conn.executemany("INSERT INTO story_counters (name, value) VALUES (?, ?)",
                               ((f"c{time.monotonic_ns()}-{i}", i) for i in range(n)))


def test_once_a_long_log_is_copied_the_writer_reuses_it_from_its_start(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(wal, "INTERVAL_S", 0.0)
    monkeypatch.setattr(wal, "RESTART_FRAMES", 1)
    log = tmp_path / "news.db-wal"
    with Store.open(tmp_path / "news.db") as store:
        _commit_rows(store, 20_000)  # starts the checkpointer; ~150 pages
        assert _wait_for(store._checkpointer.restart_due)  # a background pass saw a long log
        size = log.stat().st_size
        for _ in range(20):
            _commit_rows(store, 10)
        assert log.stat().st_size == size  # 20 more commits, written over frames already copied


def test_closing_stops_the_checkpointer_and_leaves_no_log(tmp_path: Path):
    store = Store.open(tmp_path / "news.db")
    _commit_rows(store, 100)
    thread = store._checkpointer._thread
    store.close()
    assert not thread.is_alive()
    assert not (tmp_path / "news.db-wal").exists()


def test_an_in_memory_store_has_no_checkpointer():
    with Store.open(":memory:") as store:
        _commit_rows(store, 10)
        assert store._checkpointer is None


def test_checkpoint_returns_the_length_of_the_log(tmp_path: Path):
    with Store.open(tmp_path / "news.db") as store:
        store.conn.execute("INSERT INTO story_counters (name, value) VALUES ('n', 1)")  # autocommit: no nudge
        assert wal.checkpoint(store.conn) > 0
